conformance-tests += mm-bad-command
mm-bad-command-objs := tests/conformance/mm-bad-command/main.o
mm-bad-command-category := functional
mm-bad-command-purpose := mmu_update commands 4-7 (misaligned pointers) are -ENOSYS
