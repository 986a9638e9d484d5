# SPDX-License-Identifier: MIT
conformance-tests += gnttab-map-self
gnttab-map-self-objs := tests/conformance/gnttab-map-self/main.o
gnttab-map-self-category := functional
gnttab-map-self-purpose := map_grant_ref of an own grant: host and device mappings, GTF_reading/GTF_writing while mapped, partial unmaps, read-only mappings
