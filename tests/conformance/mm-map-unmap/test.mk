conformance-tests += mm-map-unmap
mm-map-unmap-objs := tests/conformance/mm-map-unmap/main.o
mm-map-unmap-category := functional
mm-map-unmap-purpose := mmu_update maps a frame at a new VA and unmapping it faults
