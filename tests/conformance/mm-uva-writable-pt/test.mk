conformance-tests += mm-uva-writable-pt
mm-uva-writable-pt-objs := tests/conformance/mm-uva-writable-pt/main.o
mm-uva-writable-pt-category := functional
mm-uva-writable-pt-purpose := update_va_mapping cannot map a pinned table writable
