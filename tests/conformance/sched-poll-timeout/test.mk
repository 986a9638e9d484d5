# SPDX-License-Identifier: MIT
conformance-tests += sched-poll-timeout
sched-poll-timeout-objs := tests/conformance/sched-poll-timeout/main.o
sched-poll-timeout-category := functional
sched-poll-timeout-purpose := SCHEDOP_poll sleeps until its timeout, and returns at once for a timeout in the past
