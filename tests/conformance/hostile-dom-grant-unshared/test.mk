# SPDX-License-Identifier: MIT
conformance-tests += hostile-dom-grant-unshared
hostile-dom-grant-unshared-objs := tests/conformance/hostile-dom-grant-unshared/main.o $(dom-lib-objs)
hostile-dom-grant-unshared-category := xsa
hostile-dom-grant-unshared-purpose := a domU cannot map or copy a page granted to another domain, nor through unfilled or reserved entries
hostile-dom-grant-unshared-module := build/tests/domu/domu.elf
