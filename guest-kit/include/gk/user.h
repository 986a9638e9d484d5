/* SPDX-License-Identifier: MIT */
/*
 * Guest user mode: run code in ring-3 user mode (reference §6.3-6.6) and
 * get control back in the kernel when it makes a `syscall` or takes an
 * exception, with every user register and the hypervisor's bounce frame
 * recorded. One user context at a time, on vCPU 0.
 */
#ifndef GK_USER_H
#define GK_USER_H

/* Exit reasons besides exception vectors 0..255. */
#define GK_USER_SYSCALL   0x100   /* the syscall callback was entered */
#define GK_USER_SYSCALL32 0x101   /* the syscall32 callback was entered */

/* Offsets in struct gk_user, for arch/x86/user-entry.S. */
#define GK_USER_REGS_RIP    136
#define GK_USER_IRET_FLAGS  176

#ifndef __ASSEMBLY__

#include <stdbool.h>
#include <stdint.h>

#include "gk/traps.h"

/*
 * One user context. regs is IN when entering (rip, rsp, rflags and every
 * GPR; cs and ss 0 mean FLAT_USER_CS and FLAT_USER_SS; vector and
 * error_code ignored) and OUT at the exit: the GPRs as user code left
 * them, rcx and r11 from the frame's RCX/R11 slots, the exit reason in
 * vector, and the frame's error code, RIP, CS (saved upcall mask in bits
 * 32-39), RFLAGS, RSP and SS. After a syscall exit regs.rip is the
 * frame's RIP, i.e. the instruction after the `syscall`: entering again
 * resumes the user code there.
 */
struct gk_user {
    struct gk_trap_frame regs;
    uint64_t iret_flags;       /* IN: 0 (IRET) or VGCF_in_syscall (SYSRET) */
    uint64_t frame_va;         /* OUT: where the bounce frame was written */
    uint64_t cr2;              /* OUT: vcpu_info.arch.cr2 at the exit */
    uint8_t mask_at_exit;      /* OUT: the upcall mask the handler saw */
};

/*
 * Get ready for user mode: kernel stack for bounces from user mode
 * (stack_switch), the event callback (so unmasked user mode is safe), a
 * trap table whose vectors 0-31 route user-context exceptions here and
 * kernel-context ones to guest-kit's usual dispatch, and the boot L4 as
 * the user table (as XTF does). No syscall callback: see below. Returns
 * 0 or the first failing hypercall's result.
 */
long gk_user_init(void);

/*
 * Register the syscall (or syscall32, for 32-bit user code) callback
 * with callback_op flags (CALLBACKF_mask_events or 0).
 */
long gk_user_set_syscall(unsigned int flags);
long gk_user_set_syscall32(unsigned int flags);

/*
 * Add vector vec (0..255) to the trap table with trap_info flags (DPL in
 * bits 0-1, bit 2 = mask events), routed like vectors 0-31. A later
 * gk_trap_set_vector(vec) bypasses the routing for that vector.
 */
long gk_user_set_vector(unsigned int vec, unsigned int flags);

/* MMUEXT_NEW_USER_BASEPTR: the L4 user mode runs on (0: none). */
long gk_user_set_table(uint64_t l4_mfn);

/*
 * A new L4 for user mode: a copy of the boot L4's guest slots (0-255 and
 * 272-511) except those whose bit is set in omit (slot n: bit n of
 * omit[n / 64]; NULL omits none), pinned. Returns its MFN; the test ends
 * in ERROR if a hypercall fails.
 */
uint64_t gk_user_clone_l4(const uint64_t omit[8]);

/* Top of the kernel stack bounces from user mode land on. */
uint64_t gk_user_kernel_sp(void);

/*
 * Enter user mode with u's registers through the iret hypercall and
 * return at the next exit from user mode: GK_USER_SYSCALL(32) or the
 * exception vector (also in u->regs.vector). Events are masked again as
 * they were at the call.
 */
unsigned int gk_user_run(struct gk_user *u);

/*
 * Set u up to call fn(arg) in user mode on the stack [stack, stack+size);
 * rflags IF set (events unmasked in user mode). When fn returns, user
 * mode makes a `syscall` with rdi = fn's return value; gk_user_returned
 * recognises that exit.
 */
void gk_user_prepare_call(struct gk_user *u, uint64_t (*fn)(uint64_t),
                          uint64_t arg, void *stack, uint64_t size);
bool gk_user_returned(const struct gk_user *u);

#endif /* __ASSEMBLY__ */
#endif
