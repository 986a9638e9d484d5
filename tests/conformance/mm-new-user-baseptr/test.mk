conformance-tests += mm-new-user-baseptr
mm-new-user-baseptr-objs := tests/conformance/mm-new-user-baseptr/main.o
mm-new-user-baseptr-category := functional
mm-new-user-baseptr-purpose := NEW_USER_BASEPTR takes an L4, refuses other frames, and 0 clears it
