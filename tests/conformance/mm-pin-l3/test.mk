conformance-tests += mm-pin-l3
mm-pin-l3-objs := tests/conformance/mm-pin-l3/main.o
mm-pin-l3-category := functional
mm-pin-l3-purpose := pin and unpin a fresh L3 table, twice-pinning and twice-unpinning refused
