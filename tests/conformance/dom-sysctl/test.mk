# SPDX-License-Identifier: MIT
conformance-tests += dom-sysctl
dom-sysctl-objs := tests/conformance/dom-sysctl/main.o
dom-sysctl-category := functional
dom-sysctl-purpose := sysctl physinfo, getdomaininfolist and readconsole from dom0
