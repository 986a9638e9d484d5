# SPDX-License-Identifier: MIT
bench-kernels += boot
bench-boot-objs := tests/bench/boot/entry.o tests/bench/boot/gk-head.o \
    tests/bench/boot/main.o tests/bench/lib/bench.o

# guest-kit's head.o with _start weak and a second name for it, so that
# entry.S's _start becomes the entry and can jump on to guest-kit's.
$(BUILD)/guest/tests/bench/boot/gk-head.o: $(BUILD)/guest-kit/arch/x86/head.o
	@mkdir -p $(dir $@)
	$(OBJCOPY) --weaken-symbol=_start \
	    --add-symbol gk_head_start=.text.head:0,global,function $< $@
