conformance-tests += mm-relink-teardown
mm-relink-teardown-objs := tests/conformance/mm-relink-teardown/main.o
mm-relink-teardown-category := functional
mm-relink-teardown-purpose := building and tearing down a hierarchy 100 times leaves no reference behind
