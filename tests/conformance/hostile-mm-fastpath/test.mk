conformance-tests += hostile-mm-fastpath
hostile-mm-fastpath-objs := tests/conformance/hostile-mm-fastpath/main.o
hostile-mm-fastpath-category := xsa
hostile-mm-fastpath-purpose := changing only RW, PSE, PCD, G or the frame of an entry gets a full check
