# SPDX-License-Identifier: MIT
conformance-tests += boot-m2p
boot-m2p-objs := tests/conformance/boot-m2p/main.o
boot-m2p-category := functional
boot-m2p-purpose := the M2P is mapped read-only at 0xFFFF800000000000, matches machphys_mapping and faults on writes
