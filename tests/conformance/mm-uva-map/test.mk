conformance-tests += mm-uva-map
mm-uva-map-objs := tests/conformance/mm-uva-map/main.o
mm-uva-map-category := functional
mm-uva-map-purpose := update_va_mapping maps, remaps and unmaps one VA with its flush flags
