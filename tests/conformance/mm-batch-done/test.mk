conformance-tests += mm-batch-done
mm-batch-done-objs := tests/conformance/mm-batch-done/main.o
mm-batch-done-category := functional
mm-batch-done-purpose := batched mmu_update and mmuext_op stop at the first error and report the done count
