conformance-tests += mm-pin-l2
mm-pin-l2-objs := tests/conformance/mm-pin-l2/main.o
mm-pin-l2-category := functional
mm-pin-l2-purpose := pin and unpin a fresh L2 table, twice-pinning and twice-unpinning refused
