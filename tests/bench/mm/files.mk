# SPDX-License-Identifier: MIT
bench-kernels += mm
bench-mm-objs := tests/bench/mm/main.o tests/bench/lib/bench.o
