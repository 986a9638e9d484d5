conformance-tests += hostile-mm-linear
hostile-mm-linear-objs := tests/conformance/hostile-mm-linear/main.o
hostile-mm-linear-category := xsa
hostile-mm-linear-purpose := writable recursive (linear) page-table entries are refused
