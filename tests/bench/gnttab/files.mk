# SPDX-License-Identifier: MIT
bench-kernels += gnttab
bench-gnttab-objs := tests/bench/gnttab/main.o tests/bench/lib/bench.o
