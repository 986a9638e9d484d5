conformance-tests += mm-pin-l1
mm-pin-l1-objs := tests/conformance/mm-pin-l1/main.o
mm-pin-l1-category := functional
mm-pin-l1-purpose := pin and unpin a fresh L1 table, twice-pinning and twice-unpinning refused
