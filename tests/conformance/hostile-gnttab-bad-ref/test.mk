# SPDX-License-Identifier: MIT
conformance-tests += hostile-gnttab-bad-ref
hostile-gnttab-bad-ref-objs := tests/conformance/hostile-gnttab-bad-ref/main.o
hostile-gnttab-bad-ref-category := xsa
hostile-gnttab-bad-ref-purpose := grant refs at and beyond the table size, in ungrown frames and at 2^31/2^32-1 get GNTST_bad_gntref for map and copy
