# SPDX-License-Identifier: MIT
conformance-tests += dom-domctl-errors
dom-domctl-errors-objs := tests/conformance/dom-domctl-errors/main.o
dom-domctl-errors-category := functional
dom-domctl-errors-purpose := domctl and sysctl error paths: interface version, unknown commands, missing domains, self-destruction
