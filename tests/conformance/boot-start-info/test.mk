# SPDX-License-Identifier: MIT
conformance-tests += boot-start-info
boot-start-info-objs := tests/conformance/boot-start-info/main.o
boot-start-info-category := functional
boot-start-info-purpose := every start_info field of a PV dom0 (magic, pages, shared_info, flags, tables, P2M vs M2P)
