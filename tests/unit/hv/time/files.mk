unit-tests += tests/unit/hv/time/test-timer-queue
tests/unit/hv/time/test-timer-queue-srcs := hv/time/timer-queue.c
unit-tests += tests/unit/hv/time/test-tsc-scale
tests/unit/hv/time/test-tsc-scale-srcs := hv/time/tsc-scale.c
unit-tests += tests/unit/hv/time/test-rtc-date
tests/unit/hv/time/test-rtc-date-srcs := hv/time/rtc-date.c
