# SPDX-License-Identifier: MIT
bench-kernels += hypercall
bench-hypercall-objs := tests/bench/hypercall/main.o tests/bench/lib/bench.o
