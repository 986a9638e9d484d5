# SPDX-License-Identifier: MIT
conformance-tests += gnttab-copy-self
gnttab-copy-self-objs := tests/conformance/gnttab-copy-self/main.o
gnttab-copy-self-category := functional
gnttab-copy-self-purpose := GNTTABOP_copy between own frames and own grants, by ref or by frame, with data checked and GTF flags restored
