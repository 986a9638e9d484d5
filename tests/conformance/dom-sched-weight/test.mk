# SPDX-License-Identifier: MIT
conformance-tests += dom-sched-weight
dom-sched-weight-objs := tests/conformance/dom-sched-weight/main.o
dom-sched-weight-category := functional
dom-sched-weight-purpose := sysctl sched_id and the scheduler_op domctl's weight: default 256, set and read back, 0 keeps it, a wrong scheduler id is -EINVAL
