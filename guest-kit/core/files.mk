# SPDX-License-Identifier: MIT
gk-y += guest-kit/core/main.o guest-kit/core/console.o \
        guest-kit/core/shutdown.o guest-kit/core/test.o guest-kit/core/hv.o \
        guest-kit/core/traps.o guest-kit/core/extable.o \
        guest-kit/core/time.o guest-kit/core/control.o
gk-y += guest-kit/core/events.o
# Memory, time and threads (gk/page-alloc.h, gk/vm.h, gk/heap.h, ...).
gk-y += guest-kit/core/page-alloc.o guest-kit/core/mmu-batch.o \
        guest-kit/core/vm.o guest-kit/core/vm-alloc.o \
        guest-kit/core/malloc.o \
        guest-kit/core/reservation.o
gk-y += guest-kit/core/timer.o guest-kit/core/thread.o
# The toolstack's PV domU builder, bound to hypercalls (gk/build.h).
gk-y += guest-kit/core/build.o guest/toolstack/lib/builder/pv-build.o \
        guest/hv/domain/pv-elf.o guest/hv/domain/dom0-layout.o
# User mode (gk/user.h).
gk-y += guest-kit/core/user.o
# Grant tables (gk/grant.h).
gk-y += guest-kit/core/grant.o
