# SPDX-License-Identifier: MIT
conformance-tests += gnttab-copy-errors
gnttab-copy-errors-objs := tests/conformance/gnttab-copy-errors/main.o
gnttab-copy-errors-category := functional
gnttab-copy-errors-purpose := GNTTABOP_copy statuses: bad_copy_arg past a page, permission_denied for a frame not named DOMID_SELF, bad_domain, bad_gntref, general_error, bad_page
