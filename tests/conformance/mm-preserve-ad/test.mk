conformance-tests += mm-preserve-ad
mm-preserve-ad-objs := tests/conformance/mm-preserve-ad/main.o
mm-preserve-ad-category := functional
mm-preserve-ad-purpose := MMU_PT_UPDATE_PRESERVE_AD keeps the A and D bits already in the entry
