conformance-tests += mm-foreigndom
mm-foreigndom-objs := tests/conformance/mm-foreigndom/main.o
mm-foreigndom-category := functional
mm-foreigndom-purpose := foreigndom: DOMID_SELF works, other ids are -ESRCH, bad arrays -EFAULT
