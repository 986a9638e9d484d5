conformance-tests += hostile-mm-noncanon-flush
hostile-mm-noncanon-flush-objs := tests/conformance/hostile-mm-noncanon-flush/main.o
hostile-mm-noncanon-flush-category := xsa
hostile-mm-noncanon-flush-purpose := non-canonical and hypervisor addresses in flushes and update_va_mapping
