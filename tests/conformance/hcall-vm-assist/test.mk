# SPDX-License-Identifier: MIT
conformance-tests += hcall-vm-assist
hcall-vm-assist-objs := tests/conformance/hcall-vm-assist/main.o
hcall-vm-assist-category := functional
hcall-vm-assist-purpose := vm_assist enable/disable of known types, -EINVAL for unknown types, -ENOSYS for unknown commands
