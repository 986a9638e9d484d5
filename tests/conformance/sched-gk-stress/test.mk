# SPDX-License-Identifier: MIT
conformance-tests += sched-gk-stress
sched-gk-stress-objs := tests/conformance/sched-gk-stress/main.o guest-kit/examples/stress/stress.o
sched-gk-stress-category := functional
sched-gk-stress-purpose := 10 s of guest-kit threads, timers, heap and batched page mapping at once; data intact, no early wake-up, frames and heap back to their start values
sched-gk-stress-timeout := 120
