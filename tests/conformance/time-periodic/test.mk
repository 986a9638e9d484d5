# SPDX-License-Identifier: MIT
conformance-tests += time-periodic
time-periodic-objs := tests/conformance/time-periodic/main.o
time-periodic-category := functional
time-periodic-purpose := the default 10 ms periodic VIRQ_TIMER ticks about ten times in 100 ms; a 5 ms period twice as often
