# SPDX-License-Identifier: MIT
gk-y += guest-kit/libc/string.o guest-kit/libc/format.o
