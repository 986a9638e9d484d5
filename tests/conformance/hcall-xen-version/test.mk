# SPDX-License-Identifier: MIT
conformance-tests += hcall-xen-version
hcall-xen-version-objs := tests/conformance/hcall-xen-version/main.o
hcall-xen-version-category := functional
hcall-xen-version-purpose := xen_version version/extraversion/capabilities/platform_parameters/get_features/pagesize/guest_handle and errors
