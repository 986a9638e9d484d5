# SPDX-License-Identifier: MIT
conformance-tests += trap-user-event
trap-user-event-objs := tests/conformance/trap-user-event/main.o
trap-user-event-category := functional
trap-user-event-purpose := an event pending when iret unmasks user mode is delivered as an upcall from user context; its iret returns to user mode
