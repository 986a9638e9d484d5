# SPDX-License-Identifier: MIT
conformance-tests += time-wallclock
time-wallclock-objs := tests/conformance/time-wallclock/main.o
time-wallclock-category := functional
time-wallclock-purpose := shared_info wall clock is consistent, plausible and advances with system time
