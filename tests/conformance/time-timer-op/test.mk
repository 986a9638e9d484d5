# SPDX-License-Identifier: MIT
conformance-tests += time-timer-op
time-timer-op-objs := tests/conformance/time-timer-op/main.o
time-timer-op-category := functional
time-timer-op-purpose := set_timer_op accepts any deadline: zero cancels, past, far future and negative
