# SPDX-License-Identifier: MIT
conformance-tests += hostile-console-io
hostile-console-io-objs := tests/conformance/hostile-console-io/main.o
hostile-console-io-category := xsa
hostile-console-io-purpose := console_io lengths 0, 1, 4095, 2^31, 2^32-1 and above 32 bits are unsigned 32-bit counts: writes stop at the first unreadable byte with -EFAULT, reads never overflow
