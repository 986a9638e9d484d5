# SPDX-License-Identifier: MIT
conformance-tests += sched-gk-threads
sched-gk-threads-objs := tests/conformance/sched-gk-threads/main.o
sched-gk-threads-category := functional
sched-gk-threads-purpose := guest-kit threads: round-robin yield, wait queues woken by threads and by an event handler, timeouts, sleeping threads block the vCPU in SCHEDOP_block, join frees every page
