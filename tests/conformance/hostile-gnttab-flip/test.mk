# SPDX-License-Identifier: MIT
conformance-tests += hostile-gnttab-flip
hostile-gnttab-flip-objs := tests/conformance/hostile-gnttab-flip/main.o
hostile-gnttab-flip-category := xsa
hostile-gnttab-flip-purpose := a granter rewriting its entry between ops: every mapping and copy uses a (flags, domid, frame) the entry held at once; a pinned entry keeps its first frame
