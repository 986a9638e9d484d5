conformance-tests += hostile-mm-writable-pt
hostile-mm-writable-pt-objs := tests/conformance/hostile-mm-writable-pt/main.o
hostile-mm-writable-pt-category := xsa
hostile-mm-writable-pt-purpose := every way to get a writable mapping of a page table fails
