# SPDX-License-Identifier: MIT
conformance-tests += gnttab-version
gnttab-version-objs := tests/conformance/gnttab-version/main.o
gnttab-version-category := functional
gnttab-version-purpose := get_version is 1; set_version 1 succeeds, 0 and 3 are -EINVAL, 2 succeeds or is -ENOSYS; the version in use is written back
