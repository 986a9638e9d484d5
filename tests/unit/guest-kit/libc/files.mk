# SPDX-License-Identifier: MIT
unit-tests += tests/unit/guest-kit/libc/test-format
tests/unit/guest-kit/libc/test-format-srcs := guest-kit/libc/format.c

# string.c defines the C library's own names: rename them for the host build.
unit-tests += tests/unit/guest-kit/libc/test-string
tests/unit/guest-kit/libc/test-string-srcs := guest-kit/libc/string.c
tests/unit/guest-kit/libc/test-string-cflags := \
    $(foreach f,memcpy memmove memset memcmp strlen strnlen strcmp strncmp \
        strchr strlcpy,-D$(f)=gk_test_$(f)) -fno-builtin
