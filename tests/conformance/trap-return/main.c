/* SPDX-License-Identifier: MIT */
/*
 * Pins the two ways back from an exception handler: the iret hypercall
 * (flags word 0: full IRET semantics, rcx and r11 restored from the
 * frame) and a direct `iretq` with RPL 3 forced into CS/SS. Both restore
 * every general-purpose register and the arithmetic flags. The iret
 * hypercall also sets the upcall mask from the frame's IF: IF = 0 keeps it
 * 1, IF = 1 clears it.
 */
#include "gk/boot.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-return", "iret hypercall and iretq return paths");

/* Regs after an int3 with known values: rax rbx rcx rdx rsi rdi rbp r8-r15. */
struct regs {
    uint64_t r[15];
    uint64_t rflags;
};

void probe_regs(struct regs *out);

/*
 * probe_regs(out): in: rdi = out. Sets CF/ZF/PF/AF, loads 0x0101..*i into
 * every GPR but rsp, runs int3, stores what it finds into out.
 */
__asm__(".pushsection .text\n"
        ".globl probe_regs\n"
        "probe_regs:\n"
        "push %rbx; push %rbp; push %r12; push %r13; push %r14; push %r15\n"
        "push %rdi\n"
        "mov $-1, %eax; add $1, %eax\n"
        "mov $0x0101010101010101, %rax\n"
        "mov $0x0202020202020202, %rbx\n"
        "mov $0x0303030303030303, %rcx\n"
        "mov $0x0404040404040404, %rdx\n"
        "mov $0x0505050505050505, %rsi\n"
        "mov $0x0606060606060606, %rdi\n"
        "mov $0x0707070707070707, %rbp\n"
        "mov $0x0808080808080808, %r8\n"
        "mov $0x0909090909090909, %r9\n"
        "mov $0x0a0a0a0a0a0a0a0a, %r10\n"
        "mov $0x0b0b0b0b0b0b0b0b, %r11\n"
        "mov $0x0c0c0c0c0c0c0c0c, %r12\n"
        "mov $0x0d0d0d0d0d0d0d0d, %r13\n"
        "mov $0x0e0e0e0e0e0e0e0e, %r14\n"
        "mov $0x0f0f0f0f0f0f0f0f, %r15\n"
        "int3\n"
        "pushfq\n"
        "xchg %rdi, 8(%rsp)\n"
        "mov %rax, 0(%rdi)\n"
        "mov %rbx, 8(%rdi)\n"
        "mov %rcx, 16(%rdi)\n"
        "mov %rdx, 24(%rdi)\n"
        "mov %rsi, 32(%rdi)\n"
        "mov %rbp, 48(%rdi)\n"
        "mov %r8, 56(%rdi)\n"
        "mov %r9, 64(%rdi)\n"
        "mov %r10, 72(%rdi)\n"
        "mov %r11, 80(%rdi)\n"
        "mov %r12, 88(%rdi)\n"
        "mov %r13, 96(%rdi)\n"
        "mov %r14, 104(%rdi)\n"
        "mov %r15, 112(%rdi)\n"
        "pop %rax\n"
        "mov %rax, 120(%rdi)\n"
        "pop %rax\n"
        "mov %rax, 40(%rdi)\n"
        "pop %r15; pop %r14; pop %r13; pop %r12; pop %rbp; pop %rbx\n"
        "ret\n"
        ".popsection\n");

static void check_regs(const char *how)
{
    static const char *const names[15] = {
        "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "r8", "r9", "r10",
        "r11", "r12", "r13", "r14", "r15",
    };
    struct regs out;

    probe_regs(&out);
    for (unsigned int i = 0; i < 15; i++) {
        if (out.r[i] != 0x0101010101010101UL * (i + 1))
            gk_check_failed(__FILE__, __LINE__, "%s: %s = %#lx", how,
                            names[i], out.r[i]);
    }
    check((out.rflags & (X86_EFLAGS_CF | 0x40)) == (X86_EFLAGS_CF | 0x40),
          "%s: rflags %#lx lost CF/ZF", how, out.rflags);
}

static bool set_if(struct gk_trap_frame *f)
{
    f->rflags |= X86_EFLAGS_IF;
    return true;
}

int main(void)
{
    struct vcpu_info *vi;

    gk_trap_set_hook(X86_EXC_BP, gk_trap_hook_resume);
    gk_trap_set_return(GK_RETURN_IRET_HYPERCALL);
    check_regs("iret hypercall");
    gk_trap_set_return(GK_RETURN_IRETQ);
    check_regs("iretq");
    gk_trap_set_return(GK_RETURN_IRET_HYPERCALL);

    if (!gk_shared_info)
        test_error("shared_info could not be mapped");
    vi = &gk_shared_info->vcpu_info[0];
    check_eq(vi->evtchn_upcall_mask, 1, "upcall mask after iret with IF=0");
    if (vi->evtchn_upcall_pending)
        test_skip("an event is pending: cannot unmask safely");

    /* IF=1 in the frame: the iret hypercall clears the mask. */
    gk_trap_set_hook(X86_EXC_BP, set_if);
    __asm__ volatile("int3" ::: "memory");
    check_eq(vi->evtchn_upcall_mask, 0, "upcall mask after iret with IF=1");
    vi->evtchn_upcall_mask = 1;
    return 0;
}
