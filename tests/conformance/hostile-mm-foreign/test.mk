conformance-tests += hostile-mm-foreign
hostile-mm-foreign-objs := tests/conformance/hostile-mm-foreign/main.o
hostile-mm-foreign-category := xsa
hostile-mm-foreign-purpose := the hypervisor's own frames cannot be mapped, pinned or loaded
