/* SPDX-License-Identifier: MIT */
/*
 * Exceptions: guest-kit installs a trap table with a stub for every
 * vector 0-31, normalises the hypervisor's bounce frame into struct
 * gk_trap_frame and dispatches to a per-vector hook, then to the exception
 * table, else reports the exception as a test ERROR.
 */
#ifndef GK_TRAPS_H
#define GK_TRAPS_H

#include <stdbool.h>
#include <stdint.h>

/*
 * All registers at the exception. Lowest address first; rip..ss is the
 * part of the bounce frame above the error code, left in place on the
 * stack, so &frame->rip is where the hypervisor wrote RIP. rcx and r11
 * are the values the hypervisor stored in the RCX/R11 slots.
 */
struct gk_trap_frame {
    uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
    uint64_t rax, rcx, rdx, rsi, rdi;
    uint64_t vector;
    uint64_t error_code;       /* 0 for vectors without one */
    uint64_t rip;
    uint64_t cs;               /* bits 32-39: the saved upcall mask */
    uint64_t rflags;
    uint64_t rsp;
    uint64_t ss;
};

/*
 * How the dispatcher returns to the interrupted code: the iret hypercall
 * (any context, restores the upcall mask from IF) or a direct `iretq`
 * after OR-ing RPL 3 into CS and SS (kernel context only).
 */
enum gk_trap_return {
    GK_RETURN_IRET_HYPERCALL = 0,
    GK_RETURN_IRETQ = 1,
};

/* The return path for the following exceptions; default the hypercall. */
void gk_trap_set_return(enum gk_trap_return how);

/*
 * A hook sees the frame first and may change any field (e.g. advance
 * rip). It returns true if it handled the exception.
 */
typedef bool (*gk_trap_hook_t)(struct gk_trap_frame *frame);

/*
 * A hook for trap-style vectors (#BP, #OF, #DB traps, software
 * interrupts): the frame's RIP is already past the instruction, so just
 * resume there. Always returns true.
 */
bool gk_trap_hook_resume(struct gk_trap_frame *frame);

/* Install (or with NULL remove) the hook of vector vec (0..255). */
void gk_trap_set_hook(unsigned int vec, gk_trap_hook_t hook);

/*
 * Install the trap table: vectors 0-31 with guest-kit's stubs (int3 and
 * into usable from any ring). Returns the hypercall's result.
 */
long gk_traps_init(void);

/*
 * Add vector vec (any 0..255) to the trap table with the given trap_info
 * flags (DPL in bits 0-1, bit 2 = mask events). Returns the hypercall's
 * result.
 */
long gk_trap_set_vector(unsigned int vec, unsigned int flags);

/* Address of vector vec's entry stub. */
uint64_t gk_trap_stub(unsigned int vec);

/* The most recent exception dispatched, and how many so far. */
extern struct gk_trap_frame gk_last_trap;
extern volatile unsigned int gk_nr_traps;

/*
 * Exception table: GK_EXTABLE(from, to) inside an asm statement says
 * "if the instruction at label `from` faults, resume at label `to`"; the
 * exception is recorded in gk_last_trap. Typical use:
 *
 *   asm volatile("1: ud2; 2:" GK_EXTABLE(1b, 2b));
 */
#define GK_EXTABLE(from, to)                                                \
    "\n.pushsection .gk_extable, \"a\"\n.balign 8\n.quad " #from ", " #to   \
    "\n.popsection\n"

/* Resume address for a fault at rip, or 0 if none. */
uint64_t gk_extable_find(uint64_t rip);

/* Printable name of an exception vector ("#PF"). */
const char *gk_vector_name(unsigned int vec);

/* Print every field of a frame on the console. */
void gk_trap_dump(const struct gk_trap_frame *frame);

/* The entry stub of vector 0; stubs are GK_TRAP_STUB_SIZE bytes apart. */
extern char gk_trap_stubs[];
#define GK_TRAP_STUB_SIZE 16

#endif
