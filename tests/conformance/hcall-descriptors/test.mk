# SPDX-License-Identifier: MIT
conformance-tests += hcall-descriptors
hcall-descriptors-objs := tests/conformance/hcall-descriptors/main.o
hcall-descriptors-category := functional
hcall-descriptors-purpose := update_descriptor and set_gdt accept valid descriptors/frames and refuse bad ones
