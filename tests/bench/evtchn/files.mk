# SPDX-License-Identifier: MIT
bench-kernels += evtchn
bench-evtchn-objs := tests/bench/evtchn/main.o tests/bench/lib/bench.o
