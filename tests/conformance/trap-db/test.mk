# SPDX-License-Identifier: MIT
conformance-tests += trap-db
trap-db-objs := tests/conformance/trap-db/main.o
trap-db-category := functional
trap-db-purpose := #DB from icebp and from single-stepping (TF) is bounced to vector 1 after the instruction
