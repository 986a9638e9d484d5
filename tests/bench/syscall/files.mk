# SPDX-License-Identifier: MIT
bench-kernels += syscall
bench-syscall-objs := tests/bench/syscall/main.o tests/bench/syscall/user.o \
    tests/bench/lib/bench.o
