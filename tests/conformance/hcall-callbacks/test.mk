# SPDX-License-Identifier: MIT
conformance-tests += hcall-callbacks
hcall-callbacks-objs := tests/conformance/hcall-callbacks/main.o
hcall-callbacks-category := functional
hcall-callbacks-purpose := set_callbacks and callback_op register/unregister of every type, with bad types, addresses and pointers
