# SPDX-License-Identifier: MIT
conformance-tests += hcall-sched-op
hcall-sched-op-objs := tests/conformance/hcall-sched-op/main.o
hcall-sched-op-category := functional
hcall-sched-op-purpose := sched_op yield, -ENOSYS for unknown commands, -EFAULT/-EINVAL/-ESRCH for bad shutdown/poll/remote_shutdown
