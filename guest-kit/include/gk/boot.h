/* SPDX-License-Identifier: MIT */
/* What the domain builder handed the kernel, as guest-kit recorded it. */
#ifndef GK_BOOT_H
#define GK_BOOT_H

#include <stdint.h>

#include "abi/shared-info.h"
#include "abi/start-info.h"

/*
 * Every register as it was at the first instruction of _start, saved
 * before anything ran. Field order is fixed: head.S stores by offset.
 */
struct gk_boot_regs {
    uint64_t rax, rbx, rcx, rdx, rsi, rdi, rbp, rsp;    /* 0x00 */
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15;      /* 0x40 */
    uint64_t rflags;                                    /* 0x80 */
    uint64_t cs, ss, ds, es, fs, gs;                    /* 0x88 */
};

extern struct gk_boot_regs gk_boot_regs;

/* The start_info page (the builder's %rsi), valid from gk_main_entry on. */
extern struct start_info *gk_start_info;

/*
 * shared_info, mapped by guest-kit at boot over a page of its own .bss;
 * NULL if the mapping failed (then #PF's cr2 is unknown).
 */
extern struct shared_info *gk_shared_info;

/* Symbols from guest.lds: the image's bounds and its .bss. */
extern char _start[], _etext[], __bss_start[], __bss_end[], _end[];

/* A guest-kit kernel's own entry after setup; see gk/test.h. */
int main(void);

#endif
