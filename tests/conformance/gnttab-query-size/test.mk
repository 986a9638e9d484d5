# SPDX-License-Identifier: MIT
conformance-tests += gnttab-query-size
gnttab-query-size-objs := tests/conformance/gnttab-query-size/main.o
gnttab-query-size-category := functional
gnttab-query-size-purpose := query_size reports 1..64 frames, needs count 1, GNTST_bad_domain for a missing domain
