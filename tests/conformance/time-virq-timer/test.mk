# SPDX-License-Identifier: MIT
conformance-tests += time-virq-timer
time-virq-timer-objs := tests/conformance/time-virq-timer/main.o
time-virq-timer-category := functional
time-virq-timer-purpose := VIRQ_TIMER from a single-shot deadline wakes SCHEDOP_block no sooner than the deadline and within a tick
