# SPDX-License-Identifier: MIT
# The portable parts of guest-kit/lib, built for the host.
gk-unit-cflags := -Iguest-kit/include

unit-tests += tests/unit/guest-kit/lib/test-bitmap
tests/unit/guest-kit/lib/test-bitmap-srcs := guest-kit/lib/bitmap.c
tests/unit/guest-kit/lib/test-bitmap-cflags := $(gk-unit-cflags)

unit-tests += tests/unit/guest-kit/lib/test-page-pool
tests/unit/guest-kit/lib/test-page-pool-srcs := guest-kit/lib/page-pool.c \
    guest-kit/lib/bitmap.c
tests/unit/guest-kit/lib/test-page-pool-cflags := $(gk-unit-cflags)

unit-tests += tests/unit/guest-kit/lib/test-heap
tests/unit/guest-kit/lib/test-heap-srcs := guest-kit/lib/heap.c \
    guest-kit/lib/bitmap.c
tests/unit/guest-kit/lib/test-heap-cflags := $(gk-unit-cflags)

unit-tests += tests/unit/guest-kit/lib/test-timer-queue
tests/unit/guest-kit/lib/test-timer-queue-srcs := guest-kit/lib/timer-queue.c
tests/unit/guest-kit/lib/test-timer-queue-cflags := $(gk-unit-cflags)

unit-tests += tests/unit/guest-kit/lib/test-ring
tests/unit/guest-kit/lib/test-ring-srcs := guest-kit/lib/ring.c
tests/unit/guest-kit/lib/test-ring-cflags := $(gk-unit-cflags)
