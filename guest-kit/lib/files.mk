# SPDX-License-Identifier: MIT
gk-y += guest-kit/lib/pagetable.o
