# SPDX-License-Identifier: MIT
conformance-tests += gnttab-setup-table
gnttab-setup-table-objs := tests/conformance/gnttab-setup-table/main.o
gnttab-setup-table-category := functional
gnttab-setup-table-purpose := setup_table grows the table (never shrinks, at most 64 frames) and returns MFNs the domain maps RW; bad domain, count and size rejected
