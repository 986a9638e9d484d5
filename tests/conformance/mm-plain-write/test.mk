conformance-tests += mm-plain-write
mm-plain-write-objs := tests/conformance/mm-plain-write/main.o
mm-plain-write-category := functional
mm-plain-write-purpose := mmu_update into ordinary memory is a plain write; descriptor pages refuse it
