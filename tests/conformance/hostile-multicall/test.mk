# SPDX-License-Identifier: MIT
conformance-tests += hostile-multicall
hostile-multicall-objs := tests/conformance/hostile-multicall/main.o
hostile-multicall-category := xsa
hostile-multicall-purpose := multicall stops after iret (XSA-213), at an unreadable entry or an unwritable result, and finishes 100000 entries and a long trap table correctly
hostile-multicall-timeout := 120
