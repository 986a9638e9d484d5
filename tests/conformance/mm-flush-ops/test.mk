conformance-tests += mm-flush-ops
mm-flush-ops-objs := tests/conformance/mm-flush-ops/main.o
mm-flush-ops-category := functional
mm-flush-ops-purpose := TLB flush and INVLPG operations make updates visible; masks are read
