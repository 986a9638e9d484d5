# SPDX-License-Identifier: MIT
conformance-tests += dom-grant-share
dom-grant-share-objs := tests/conformance/dom-grant-share/main.o $(dom-lib-objs)
dom-grant-share-category := functional
dom-grant-share-purpose := two domUs share a page: A grants it, B maps it (read-write, then read-only), they signal over an interdomain channel; revocation waits for the unmap
dom-grant-share-module := build/tests/domu/domu.elf
