# SPDX-License-Identifier: MIT
conformance-tests += hcall-segment-base
hcall-segment-base-objs := tests/conformance/hcall-segment-base/main.o
hcall-segment-base-category := functional
hcall-segment-base-purpose := set_segment_base FS/GS bases take effect, non-canonical bases and unknown ops -EINVAL, GS selector loads
