# SPDX-License-Identifier: MIT
conformance-tests += time-record
time-record-objs := tests/conformance/time-record/main.o
time-record-category := functional
time-record-purpose := vcpu_time_info follows the version protocol and gives monotonic, plausible system time
