# SPDX-License-Identifier: MIT
conformance-tests += evtchn-compat
evtchn-compat-objs := tests/conformance/evtchn-compat/main.o
evtchn-compat-category := functional
evtchn-compat-purpose := event_channel_op_compat (16) runs bind_interdomain..unmask from one struct evtchn_op; other commands -ENOSYS; unreadable -EFAULT
