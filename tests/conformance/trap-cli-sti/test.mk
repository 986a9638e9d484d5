# SPDX-License-Identifier: MIT
conformance-tests += trap-cli-sti
trap-cli-sti-objs := tests/conformance/trap-cli-sti/main.o
trap-cli-sti-category := functional
trap-cli-sti-purpose := kernel cli/sti are #GP at virtual IOPL 0 and no-ops (event mask untouched) at IOPL 1, as on Xen 4.17
