# SPDX-License-Identifier: MIT
conformance-tests += mm-ldt
mm-ldt-objs := tests/conformance/mm-ldt/main.o
mm-ldt-category := functional
mm-ldt-purpose := MMUEXT_SET_LDT makes a read-only page of descriptors the LDT: its selectors load, one past its limit or with no LDT is #GP, and its page cannot then be mapped writable
