conformance-tests += mm-pte-bits
mm-pte-bits-objs := tests/conformance/mm-pte-bits/main.o
mm-pte-bits-category := functional
mm-pte-bits-purpose := what guests read back from entries the hypervisor adjusted
