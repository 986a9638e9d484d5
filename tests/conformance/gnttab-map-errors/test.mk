# SPDX-License-Identifier: MIT
conformance-tests += gnttab-map-errors
gnttab-map-errors-objs := tests/conformance/gnttab-map-errors/main.o
gnttab-map-errors-category := functional
gnttab-map-errors-purpose := map_grant_ref and unmap_grant_ref statuses: bad_gntref, bad_domain, general_error, bad_page, bad_handle, bad_dev_addr
