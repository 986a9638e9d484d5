# SPDX-License-Identifier: MIT
conformance-tests += dom-vcpucontext
dom-vcpucontext-objs := tests/conformance/dom-vcpucontext/main.o
dom-vcpucontext-category := functional
dom-vcpucontext-purpose := set/getvcpucontext refuse bad vCPUs, missing or foreign page tables and the caller's own domain
