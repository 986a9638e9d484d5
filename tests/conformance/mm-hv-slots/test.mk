conformance-tests += mm-hv-slots
mm-hv-slots-objs := tests/conformance/mm-hv-slots/main.o
mm-hv-slots-category := functional
mm-hv-slots-purpose := L4 slots 256-271 belong to the hypervisor
