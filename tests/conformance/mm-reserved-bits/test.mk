conformance-tests += mm-reserved-bits
mm-reserved-bits-objs := tests/conformance/mm-reserved-bits/main.o
mm-reserved-bits-category := functional
mm-reserved-bits-purpose := cache and global bits above L1 are refused; L1 takes them
