conformance-tests += mm-set-ldt
mm-set-ldt-objs := tests/conformance/mm-set-ldt/main.o
mm-set-ldt-category := functional
mm-set-ldt-purpose := MMUEXT_SET_LDT checks alignment, size and range
