conformance-tests += mm-foreign-frame
mm-foreign-frame-objs := tests/conformance/mm-foreign-frame/main.o
mm-foreign-frame-category := functional
mm-foreign-frame-purpose := frames of the hypervisor are refused at every entry point
