# SPDX-License-Identifier: MIT
# Example guest kernels, linked by the top-level Makefile's guest-kernel
# macro: $(BUILD)/guest-kit/examples/<name>.elf from <name>-objs.
guest-examples += hello
hello-objs := guest-kit/examples/hello/main.o
guest-examples += threads
threads-objs := guest-kit/examples/threads/main.o
guest-examples += toy
toy-objs := guest-kit/examples/toy/toy.o guest-kit/examples/toy/user.o
guest-examples += stress
stress-objs := guest-kit/examples/stress/main.o guest-kit/examples/stress/stress.o

# The dom0 that `make run` boots: `make run GUEST=<example>`.
GUEST ?= hello
ifeq ($(filter $(GUEST),$(guest-examples)),)
$(error GUEST=$(GUEST) is not an example; try one of: $(guest-examples))
endif
RUN_DOM0 := $(BUILD)/guest-kit/examples/$(GUEST).elf
