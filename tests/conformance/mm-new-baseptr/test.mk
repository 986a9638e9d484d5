conformance-tests += mm-new-baseptr
mm-new-baseptr-objs := tests/conformance/mm-new-baseptr/main.o
mm-new-baseptr-category := functional
mm-new-baseptr-purpose := build a second address space, switch to it with NEW_BASEPTR and back
