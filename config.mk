# SPDX-License-Identifier: MIT
# Build options. Override on the command line: make CONFIG_DEBUG=n
CONFIG_DEBUG ?= y
# Machine used by `make run` and the conformance runner.
QEMU ?= qemu-system-x86_64
QEMU_CPU ?= max
QEMU_MEM ?= 1024
# Memory given to dom0 by `make run` and the conformance suite.
DOM0_MEM ?= 64M
