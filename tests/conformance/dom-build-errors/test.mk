# SPDX-License-Identifier: MIT
conformance-tests += dom-build-errors
dom-build-errors-objs := tests/conformance/dom-build-errors/main.o $(dom-lib-objs)
dom-build-errors-category := functional
dom-build-errors-purpose := a kernel the builder refuses fails the build with the right errno, the domain is destroyed and its frames come back
dom-build-errors-module := build/tests/domu/domu.elf
