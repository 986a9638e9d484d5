# SPDX-License-Identifier: MIT
conformance-tests += dom-create-destroy
dom-create-destroy-objs := tests/conformance/dom-create-destroy/main.o
dom-create-destroy-category := functional
dom-create-destroy-purpose := 100 createdomain/destroydomain cycles leave the machine's free frames where they were
