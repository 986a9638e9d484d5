# SPDX-License-Identifier: MIT
conformance-tests += hcall-console-io
hcall-console-io-objs := tests/conformance/hcall-console-io/main.o
hcall-console-io-category := functional
hcall-console-io-purpose := console_io write/read for dom0, -EFAULT for bad buffers, -ENOSYS for unknown commands
