conformance-tests += mm-superpage
mm-superpage-objs := tests/conformance/mm-superpage/main.o
mm-superpage-category := functional
mm-superpage-purpose := PSE entries and MARK_SUPER are refused
