conformance-tests += mm-machphys
mm-machphys-objs := tests/conformance/mm-machphys/main.o
mm-machphys-category := functional
mm-machphys-purpose := MMU_MACHPHYS_UPDATE rewrites the M2P entry of an owned frame
