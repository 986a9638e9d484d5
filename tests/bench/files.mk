# SPDX-License-Identifier: MIT
# Benchmark kernels (make bench, make bench-smoke). Each declares itself in
# tests/bench/<name>/files.mk:
#   bench-kernels += NAME
#   bench-NAME-objs := tests/bench/NAME/main.o tests/bench/lib/bench.o
# and is linked by the top-level Makefile's guest-kernel macro into
# $(BUILD)/tests/bench/NAME.elf; scripts/bench.py boots them.
