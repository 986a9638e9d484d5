conformance-tests += mm-pin-bad-level
mm-pin-bad-level-objs := tests/conformance/mm-pin-bad-level/main.o
mm-pin-bad-level-category := functional
mm-pin-bad-level-purpose := pins at the wrong level and of tables that do not validate are refused
