# SPDX-License-Identifier: MIT
# The one Makefile. Each directory's files.mk appends to the lists below;
# outputs go under build/. Targets: deps all run test conformance bench clean.

include config.mk

SHELL   := /bin/bash
BUILD   := build
CC      := gcc
LD      := ld
OBJCOPY := objcopy
HOSTCC  := gcc

ifeq ($(filter y n,$(CONFIG_DEBUG)),)
$(error CONFIG_DEBUG must be y or n, not "$(CONFIG_DEBUG)")
endif

GCC_INC := $(shell $(CC) -print-file-name=include)
WARN    := -Wall -Wextra -Werror -Wno-unused-parameter
DEPS    := -MMD -MP

# Freestanding code: hv and guest kernels. No SSE (hv does not save guest
# FPU state around its own code), no red zone (frames are pushed on stacks).
FREE_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdinc -isystem $(GCC_INC) \
    -fno-stack-protector -fno-common -fno-asynchronous-unwind-tables \
    -fno-strict-aliasing -mno-red-zone -mno-mmx -mno-sse -mno-sse2 \
    -mno-avx -mgeneral-regs-only $(WARN) $(DEPS) -I. -Iguest-kit/libc/include
ifeq ($(CONFIG_DEBUG),y)
FREE_CFLAGS += -DCONFIG_DEBUG=1
endif

# hv runs at 0xFFFF83..., outside the +-2 GiB of -mcmodel=kernel: PIE code
# with hidden symbols is RIP-relative and links at any address.
HV_CFLAGS := $(FREE_CFLAGS) -fpie -include hv/include/hv/visibility.h -Ihv -Ihv/include
GK_CFLAGS := $(FREE_CFLAGS) -fno-pie -mcmodel=small -Iguest-kit/include

HOST_CFLAGS := -std=gnu11 -O1 -g $(WARN) $(DEPS) -I. -fsanitize=address,undefined
HOST_LDLIBS := -lcmocka

# Lists filled by files.mk.
hv-y :=
gk-y :=
unit-tests :=
conformance-tests :=
guest-examples :=
bench-kernels :=
bench-extra :=
fuzz-targets :=

include $(sort $(shell find hv guest-kit tests toolstack backends -name files.mk 2>/dev/null))

.PHONY: all deps run test unit conformance abi-check fuzz fuzz-run bench bench-smoke clean
all: hv guest-kit conformance-build bench-build

# ---------------------------------------------------------------- deps
deps:
	@scripts/deps.sh

# ---------------------------------------------------------------- hv
HV_OBJS := $(addprefix $(BUILD)/,$(hv-y))
HV_SYMS := $(BUILD)/hv/hv-syms.elf
HV_ELF  := $(BUILD)/hv/hv.elf

.PHONY: hv
hv: $(HV_ELF)

$(BUILD)/hv/%.o: hv/%.c
	@mkdir -p $(dir $@)
	$(CC) $(HV_CFLAGS) -c $< -o $@
$(BUILD)/hv/%.o: hv/%.S
	@mkdir -p $(dir $@)
	$(CC) $(HV_CFLAGS) -D__ASSEMBLY__ -c $< -o $@
$(BUILD)/hv/libc/%.o: guest-kit/libc/%.c
	@mkdir -p $(dir $@)
	$(CC) $(HV_CFLAGS) -c $< -o $@

$(HV_SYMS): $(HV_OBJS) hv/arch/x86/hv.lds
	$(LD) -nostdlib -static -no-pie --no-dynamic-linker -z noexecstack \
	    -z max-page-size=4096 -T hv/arch/x86/hv.lds -o $@ $(HV_OBJS)

# QEMU's multiboot loader takes only 32-bit ELF: wrap the flat image in one
# that loads at the physical address the image was linked for.
$(HV_ELF): $(HV_SYMS) hv/arch/x86/boot/wrap32.S hv/arch/x86/boot/wrap32.lds
	$(OBJCOPY) -O binary $(HV_SYMS) $(BUILD)/hv/hv.bin
	sym() { nm $(HV_SYMS) | awk -v s="$$1" '$$3 == s { print "0x" $$1 }'; }; \
	$(CC) -m32 -c -D HV_BIN='"$(BUILD)/hv/hv.bin"' \
	    -D HV_ENTRY_OFFSET=$$(( $$(sym _start32) - $$(sym __image_start) )) \
	    -D HV_BSS_SIZE=$$(( $$(sym __bss_end) - $$(sym __bss_start) )) \
	    hv/arch/x86/boot/wrap32.S -o $(BUILD)/hv/wrap32.o
	$(LD) -m elf_i386 -nostdlib -static -z noexecstack -z max-page-size=4096 \
	    -T hv/arch/x86/boot/wrap32.lds -o $@ $(BUILD)/hv/wrap32.o

# ---------------------------------------------------------------- guest-kit
GK_LIB  := $(BUILD)/guest-kit/libgk.a
GK_OBJS := $(addprefix $(BUILD)/,$(gk-y))
GK_LDS  := guest-kit/arch/x86/guest.lds

.PHONY: guest-kit
guest-kit: $(GK_LIB)

$(BUILD)/guest-kit/%.o: guest-kit/%.c
	@mkdir -p $(dir $@)
	$(CC) $(GK_CFLAGS) -c $< -o $@
$(BUILD)/guest-kit/%.o: guest-kit/%.S
	@mkdir -p $(dir $@)
	$(CC) $(GK_CFLAGS) -D__ASSEMBLY__ -c $< -o $@

$(GK_LIB): $(GK_OBJS)
	@rm -f $@
	ar rcs $@ $^

# A guest kernel: its objects, linked with guest-kit at the guest layout.
# $(call guest-kernel,OUTPUT.elf,OBJECTS)
define guest-kernel
$(1): $(2) $(GK_LIB) $(GK_LDS)
	@mkdir -p $$(dir $$@)
	$(LD) -nostdlib -static -no-pie -z noexecstack -z max-page-size=4096 \
	    -T $(GK_LDS) -o $$@ --start-group $(2) $(GK_LIB) --end-group
endef

# Objects of guest programs outside guest-kit (tests, examples, backends).
$(BUILD)/guest/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(GK_CFLAGS) -c $< -o $@
$(BUILD)/guest/%.o: %.S
	@mkdir -p $(dir $@)
	$(CC) $(GK_CFLAGS) -D__ASSEMBLY__ -c $< -o $@

# ---------------------------------------------------------------- tests
CONF_ELFS := $(foreach t,$(conformance-tests),$(BUILD)/tests/conformance/$(t).elf)
$(foreach t,$(conformance-tests),$(eval $(call guest-kernel,$(BUILD)/tests/conformance/$(t).elf,$(addprefix $(BUILD)/guest/,$($(t)-objs)))))
# domU kernels (domu-kernels, <k>-objs): dom-* tests pass one to dom0 as
# its second boot module, so they are built with the test kernels.
$(foreach k,$(domu-kernels),$(eval $(call guest-kernel,$(BUILD)/tests/domu/$(k).elf,$(addprefix $(BUILD)/guest/,$($(k)-objs)))))
CONF_ELFS += $(foreach k,$(domu-kernels),$(BUILD)/tests/domu/$(k).elf)

# Example guests (guest-kit/examples/files.mk): linked here, after GK_LIB.
$(foreach e,$(guest-examples),$(eval $(call guest-kernel,$(BUILD)/guest-kit/examples/$(e).elf,$(addprefix $(BUILD)/guest/,$($(e)-objs)))))

.PHONY: conformance-build
conformance-build: $(CONF_ELFS)

HV ?= hv
FILTER ?= *
conformance: deps $(if $(filter hv,$(HV)),$(HV_ELF)) $(CONF_ELFS)
	@tests/conformance/run --hv $(HV) --filter '$(FILTER)' $(if $(JOBS),--jobs $(JOBS)) $(CONF_FLAGS)

# The suite on hv and on Xen 4.17 side by side, into docs/conformance.md.
.PHONY: conformance-report runner-selftest
conformance-report: deps $(HV_ELF) $(CONF_ELFS)
	@tests/conformance/report $(if $(JOBS),--jobs $(JOBS))

# The runner itself: --list, --junit (against tests/conformance/junit.xsd),
# --tap; and the test template still compiles.
runner-selftest: deps $(HV_ELF) $(CONF_ELFS) $(BUILD)/guest/tests/conformance/TEMPLATE/main.o
	@python3 tests/conformance/test-runner.py

# Benchmark kernels (tests/bench/): `make bench` boots each on hv and on
# Xen 4.17 under QEMU's icount mode and rewrites docs/performance.md and
# docs/performance.png; `make bench-smoke` (in make test) runs each once
# on hv with tiny counts. BENCH_FLAGS passes flags to scripts/bench.py.
BENCH_ELFS := $(foreach b,$(bench-kernels),$(BUILD)/tests/bench/$(b).elf)
$(foreach b,$(bench-kernels),$(eval $(call guest-kernel,$(BUILD)/tests/bench/$(b).elf,$(addprefix $(BUILD)/guest/,$(bench-$(b)-objs)))))

.PHONY: bench-build
bench-build: $(BENCH_ELFS) $(bench-extra)
bench: deps $(HV_ELF) $(BENCH_ELFS) $(bench-extra)
	@scripts/bench.py $(BENCH_FLAGS)
bench-smoke: deps $(HV_ELF) $(BENCH_ELFS) $(bench-extra)
	@scripts/bench.py --smoke $(BENCH_FLAGS)

# Unit tests: tests/unit/<path>/test-<name>.c plus the portable sources it
# names in <test>-srcs, built for the host with cmocka and sanitizers.
UNIT_BINS := $(addprefix $(BUILD)/,$(unit-tests))
define unit-test
$(BUILD)/$(1): $(1).c $($(1)-srcs)
	@mkdir -p $$(dir $$@)
	$(HOSTCC) $(HOST_CFLAGS) $($(1)-cflags) -o $$@ $$^ $(HOST_LDLIBS)
endef
$(foreach t,$(unit-tests),$(eval $(call unit-test,$(t))))

unit: $(UNIT_BINS)
	@tests/unit/run $(UNIT_BINS)

# Fuzz targets: tests/fuzz/fuzz-<name>.c plus the portable sources it names
# in <target>-srcs, built with clang's libFuzzer. `make fuzz-run` runs each
# for FUZZ_TIME seconds (make test does).
FUZZ_CC     := clang
FUZZ_CFLAGS := -std=gnu11 -O1 -g -I. -Wall -Wextra -Werror \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_TIME   ?= 15
FUZZ_BINS   := $(addprefix $(BUILD)/,$(fuzz-targets))
define fuzz-target
$(BUILD)/$(1): $(1).c $($(1)-srcs)
	@mkdir -p $$(dir $$@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $($(1)-cflags) -o $$@ $$^
endef
$(foreach t,$(fuzz-targets),$(eval $(call fuzz-target,$(t))))

fuzz: $(FUZZ_BINS)
fuzz-run: $(FUZZ_BINS)
	@FUZZ_TIME=$(FUZZ_TIME) tests/fuzz/run $(FUZZ_BINS)

# abi-check: every struct and constant of abi/ against Xen 4.17's public
# headers, at compile time (tests/abi/gen-abi-check.py says how); every
# hypercall hv dispatches documented in docs/abi.md with its errnos and
# sub-ops (check-abi-doc.py); interface definitions taken from abi/ only
# (check-abi-only.py).
ABI_HDRS := $(sort $(wildcard abi/*.h))
ABI_OUT  := $(BUILD)/tests/abi
XEN_INC  := /usr/include

$(ABI_OUT)/xen-macros.h: tests/abi/xen-headers.h
	@mkdir -p $(dir $@)
	$(HOSTCC) -dM -E -I$(XEN_INC) $< -o $@
$(ABI_OUT)/abi-layout.c: tests/abi/gen-abi-check.py $(ABI_HDRS) \
                         $(ABI_OUT)/xen-macros.h
	python3 tests/abi/gen-abi-check.py --xen-macros $(ABI_OUT)/xen-macros.h \
	    --xen-errno $(XEN_INC)/xen/errno.h --summary $(ABI_OUT)/summary.txt \
	    $(ABI_HDRS) > $@.tmp && mv $@.tmp $@
$(ABI_OUT)/abi-layout: $(ABI_OUT)/abi-layout.c
	$(HOSTCC) -std=gnu11 -Wall -Werror -I. -o $@ $<
$(ABI_OUT)/abi-asserts.h: $(ABI_OUT)/abi-layout
	$< > $@.tmp && mv $@.tmp $@

abi-check: $(ABI_OUT)/abi-asserts.h $(ABI_OUT)/xen-macros.h
	@$(HOSTCC) -std=gnu11 -fsyntax-only -I$(XEN_INC) -I$(ABI_OUT) \
	    tests/abi/abi-check.c
	@cat $(ABI_OUT)/summary.txt
	@python3 tests/abi/check-abi-doc.py
	@python3 tests/abi/check-abi-only.py --xen-macros $(ABI_OUT)/xen-macros.h

test: deps unit abi-check fuzz-run runner-selftest bench-smoke
	@$(MAKE) --no-print-directory conformance HV=hv

# ---------------------------------------------------------------- run
run: deps $(if $(filter hv,$(HV)),$(HV_ELF)) $(RUN_DOM0)
	@scripts/run-machine.sh $(if $(filter hv,$(HV)),$(HV_ELF),$(HV)) $(RUN_DOM0) $(DOM0_MEM)

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' -type f 2>/dev/null)
