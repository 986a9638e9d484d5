# SPDX-License-Identifier: MIT
conformance-tests += gnttab-end-access
gnttab-end-access-objs := tests/conformance/gnttab-end-access/main.o
gnttab-end-access-category := functional
gnttab-end-access-purpose := a grant cannot be taken back while mapped (GTF_reading/GTF_writing), and can after unmap
