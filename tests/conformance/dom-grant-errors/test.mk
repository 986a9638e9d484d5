# SPDX-License-Identifier: MIT
conformance-tests += dom-grant-errors
dom-grant-errors-objs := tests/conformance/dom-grant-errors/main.o $(dom-lib-objs)
dom-grant-errors-category := functional
dom-grant-errors-purpose := map and copy between domains: a grant to another domain, the wrong granter, an unfilled or revoked entry, a read-only grant mapped or copied into writable, a copy beyond the page
dom-grant-errors-module := build/tests/domu/domu.elf
