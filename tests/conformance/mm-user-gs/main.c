/* SPDX-License-Identifier: MIT */
/*
 * Pins the GS swap between guest kernel and user mode (reference §6.6):
 * %gs-relative loads in user mode use the base set with
 * set_segment_base(SEGBASE_GS_USER, ...) or, from kernel mode, wrmsr to
 * MSR_SHADOW_GS_BASE (0xC0000102); kernel mode keeps the
 * SEGBASE_GS_KERNEL base before, during and after user mode runs. FS is
 * not swapped: user mode sees the kernel's FS base. FSGSBASE is off for
 * PV guests, so every base is read through a %gs:/%fs: load.
 */
#include <string.h>

#include "abi/pv64.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/user.h"
#include "gk/x86.h"

GK_TEST_INFO("mm-user-gs", "user and kernel GS bases, shared FS");

#define MSR_SHADOW_GS_BASE 0xC0000102

/* User code: rax = %gs:0, rbx = %fs:0, then syscall. */
extern char user_load[];
__asm__(".pushsection .text\n"
        "user_load:\n"
        "    mov %gs:0, %rax\n"
        "    mov %fs:0, %rbx\n"
        "    syscall\n"
        "    ud2\n"
        ".popsection");

static volatile uint64_t kernel_gs = 0x4B45524E454C4753UL;
static volatile uint64_t user_gs = 0x5553455247534753UL;
static volatile uint64_t user_gs2 = 0x5553455232323232UL;
static volatile uint64_t fs_data = 0x4653465346534653UL;

static uint8_t user_stack[4096] __attribute__((aligned(16)));

static uint64_t kernel_gs_load(void)
{
    uint64_t v;

    __asm__ volatile("mov %%gs:0, %0" : "=r"(v));
    return v;
}

/* Run user_load; returns what it read through %gs (fs in *fs). */
static uint64_t user_loads(uint64_t *fs)
{
    struct gk_user u;

    memset(&u, 0, sizeof(u));
    u.regs.rip = (uint64_t)user_load;
    u.regs.rsp = (uint64_t)user_stack + sizeof(user_stack);
    u.regs.rflags = X86_EFLAGS_MBS | X86_EFLAGS_IF;
    check_eq(gk_user_run(&u), GK_USER_SYSCALL, "user loads ended in syscall");
    *fs = u.regs.rbx;
    return u.regs.rax;
}

int main(void)
{
    uint64_t fs;
    long rc;

    rc = gk_user_init();
    if (rc)
        test_error("setup: gk_user_init: %ld", rc);
    check_rc(gk_user_set_syscall(0), 0, "syscall callback");

    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_KERNEL,
                                         (uint64_t)&kernel_gs), 0,
             "kernel GS base");
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_USER,
                                         (uint64_t)&user_gs), 0,
             "user GS base");
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_FS, (uint64_t)&fs_data), 0,
             "FS base");
    check_eq(kernel_gs_load(), kernel_gs, "kernel %gs before user mode");

    check_eq(user_loads(&fs), user_gs, "user %gs (SEGBASE_GS_USER)");
    check_eq(fs, fs_data, "user %fs: not swapped");
    check_eq(kernel_gs_load(), kernel_gs, "kernel %gs after user mode");

    /* From kernel mode the shadow base is the user one. */
    __asm__ volatile("wrmsr" :: "c"(MSR_SHADOW_GS_BASE),
                     "a"((uint32_t)(uint64_t)&user_gs2),
                     "d"((uint32_t)((uint64_t)&user_gs2 >> 32)));
    check_eq(kernel_gs_load(), kernel_gs, "kernel %gs after the wrmsr");
    check_eq(user_loads(&fs), user_gs2, "user %gs (wrmsr SHADOW_GS_BASE)");
    check_eq(kernel_gs_load(), kernel_gs, "kernel %gs after user mode again");
    return 0;
}
