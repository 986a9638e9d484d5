# SPDX-License-Identifier: MIT
conformance-tests += sched-block
sched-block-objs := tests/conformance/sched-block/main.o
sched-block-category := functional
sched-block-purpose := SCHEDOP_block enables events, returns at once with an event pending and sleeps until one arrives
