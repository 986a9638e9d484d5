# SPDX-License-Identifier: MIT
conformance-tests += hostile-gnttab-maptrack
hostile-gnttab-maptrack-objs := tests/conformance/hostile-gnttab-maptrack/main.o
hostile-gnttab-maptrack-category := xsa
hostile-gnttab-maptrack-purpose := maptrack exhaustion gives GNTST_no_space (262143 or 262144 handles), leaks nothing, and every handle is usable again after unmap
