# SPDX-License-Identifier: MIT
conformance-tests += hostile-segment-base
hostile-segment-base-objs := tests/conformance/hostile-segment-base/main.o
hostile-segment-base-category := xsa
hostile-segment-base-purpose := FS/GS bases stay canonical whether set by set_segment_base, emulated wrmsr or wr*base; GS_USER_SEL with bad selectors loads null and leaves the kernel GS base alone
