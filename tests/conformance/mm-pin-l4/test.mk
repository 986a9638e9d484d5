conformance-tests += mm-pin-l4
mm-pin-l4-objs := tests/conformance/mm-pin-l4/main.o
mm-pin-l4-category := functional
mm-pin-l4-purpose := pin and unpin a fresh L4 table, twice-pinning and twice-unpinning refused
