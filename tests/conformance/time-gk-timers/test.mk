# SPDX-License-Identifier: MIT
conformance-tests += time-gk-timers
time-gk-timers-objs := tests/conformance/time-gk-timers/main.o
time-gk-timers-category := functional
time-gk-timers-purpose := guest-kit one-shot timers on set_timer_op: callbacks in deadline order and never early, cancel, no tick once the periodic timer is stopped, gk_sleep blocks the vCPU
