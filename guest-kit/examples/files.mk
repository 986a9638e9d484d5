# SPDX-License-Identifier: MIT
# Example guest kernels, linked by the top-level Makefile's guest-kernel
# macro: $(BUILD)/guest-kit/examples/<name>.elf from <name>-objs.
guest-examples += hello
hello-objs := guest-kit/examples/hello/main.o

# The dom0 that `make run` boots.
RUN_DOM0 := $(BUILD)/guest-kit/examples/hello.elf
