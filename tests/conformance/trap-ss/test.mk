# SPDX-License-Identifier: MIT
conformance-tests += trap-ss
trap-ss-objs := tests/conformance/trap-ss/main.o
trap-ss-category := functional
trap-ss-purpose := #SS(0) from a non-canonical rbp-based access is bounced to vector 12
