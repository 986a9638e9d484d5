# SPDX-License-Identifier: MIT
conformance-tests += hostile-gnttab-refcount
hostile-gnttab-refcount-objs := tests/conformance/hostile-gnttab-refcount/main.o
hostile-gnttab-refcount-category := xsa
hostile-gnttab-refcount-purpose := map/unmap cycles (host+device in two calls, read-only) leave no references: the frame can become a page table afterwards, never while mapped writable
