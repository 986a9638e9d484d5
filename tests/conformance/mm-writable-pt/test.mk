conformance-tests += mm-writable-pt
mm-writable-pt-objs := tests/conformance/mm-writable-pt/main.o
mm-writable-pt-category := functional
mm-writable-pt-purpose := mmu_update cannot map a page-table frame writable at any level
