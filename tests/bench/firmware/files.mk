# SPDX-License-Identifier: MIT
# Not a guest: a null multiboot kernel that prints the TSC at its first
# instruction (firmware cost), linked for 32-bit at 1 MiB like hv's wrapper.
BENCH_FIRMWARE_ELF := $(BUILD)/tests/bench/firmware.elf
bench-extra += $(BENCH_FIRMWARE_ELF)

$(BENCH_FIRMWARE_ELF): tests/bench/firmware/head.S
	@mkdir -p $(dir $@)
	$(CC) -m32 -ffreestanding -nostdlib -c $< -o $(@:.elf=.o)
	$(LD) -m elf_i386 -nostdlib -static -z noexecstack -Ttext=0x100000 \
	    -e _start -o $@ $(@:.elf=.o)
