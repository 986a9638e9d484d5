conformance-tests += hostile-mm-preempt
hostile-mm-preempt-objs := tests/conformance/hostile-mm-preempt/main.o
hostile-mm-preempt-category := xsa
hostile-mm-preempt-purpose := pinning and unpinning a 1 GiB hierarchy completes and frees every table
