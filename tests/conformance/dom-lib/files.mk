# SPDX-License-Identifier: MIT
# Shared code of the dom-* and hostile-dom-* tests (no test.mk: not a
# test). The domU kernel they build is passed to dom0 as its second boot
# module: <name>-module := build/tests/domu/domu.elf in their test.mk.
domu-kernels += domu
domu-objs := tests/conformance/dom-lib/domu.o \
    tests/conformance/dom-lib/domu-hostile.o \
    tests/conformance/dom-lib/domu-grant.o tests/conformance/dom-lib/ring.o
# What a dom0 test kernel links besides its main.o.
dom-lib-objs := tests/conformance/dom-lib/dom0.o \
    tests/conformance/dom-lib/ring.o
