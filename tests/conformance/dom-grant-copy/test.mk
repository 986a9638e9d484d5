# SPDX-License-Identifier: MIT
conformance-tests += dom-grant-copy
dom-grant-copy-objs := tests/conformance/dom-grant-copy/main.o $(dom-lib-objs)
dom-grant-copy-category := functional
dom-grant-copy-purpose := GNTTABOP_copy between dom0 and a domU and between two domUs moves exactly the bytes named, also from a read-only grant
dom-grant-copy-module := build/tests/domu/domu.elf
