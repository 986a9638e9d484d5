# SPDX-License-Identifier: MIT
gk-y += guest-kit/lib/pagetable.o
gk-y += guest-kit/lib/mm.o
# Portable parts (host unit tests in tests/unit/guest-kit/lib).
gk-y += guest-kit/lib/bitmap.o guest-kit/lib/page-pool.o \
        guest-kit/lib/heap.o guest-kit/lib/timer-queue.o guest-kit/lib/ring.o
