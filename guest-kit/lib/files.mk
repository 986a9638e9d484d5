# SPDX-License-Identifier: MIT
gk-y += guest-kit/lib/pagetable.o
gk-y += guest-kit/lib/mm.o
