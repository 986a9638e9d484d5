/* SPDX-License-Identifier: MIT */
/*
 * User <-> kernel: a 64-bit user-mode `syscall` bounced by the hypervisor
 * to the guest kernel's syscall callback (kernel mode, kernel stack from
 * stack_switch, kernel page tables), which returns at once through the
 * iret hypercall with VGCF_in_syscall (SYSRET semantics). Each round trip
 * is two guest mode switches. The boot L4 serves as the user table.
 */
#include "abi/callback.h"
#include "abi/errno.h"
#include "abi/mmu.h"
#include "abi/pv64.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "tests/bench/lib/bench.h"

#define STACK_SIZE 16384

uint64_t bench_user_run(void (*entry)(void), uint64_t arg, uint64_t user_rsp);
void bench_user_loop(void);
void bench_syscall_entry(void);

static uint8_t kernel_stack[STACK_SIZE] __attribute__((aligned(4096)));
static uint8_t user_stack[STACK_SIZE] __attribute__((aligned(4096)));

static long setup(void)
{
    struct callback_register cb = {
        .type = CALLBACKTYPE_syscall,
        .flags = CALLBACKF_mask_events,
        .address = (uint64_t)bench_syscall_entry,
    };
    long rc;

    rc = gk_mmuext1(MMUEXT_NEW_USER_BASEPTR, gk_mm_l4_mfn(), 0);
    if (rc)
        return rc;
    rc = HYPERVISOR_stack_switch(FLAT_KERNEL_SS,
                                 (uint64_t)kernel_stack + STACK_SIZE);
    if (rc)
        return rc;
    return HYPERVISOR_callback_op(CALLBACKOP_register, &cb);
}

int main(void)
{
    uint64_t n = bench_iters(20000), insns;
    long rc;

    bench_init("syscall");
    rc = setup();
    if (rc == -XEN_ENOSYS || rc == -XEN_EINVAL) {
        bench_skip("syscall_bounce", "no user mode: %s", gk_errno_name(rc));
        bench_end();
    }
    if (rc)
        test_error("setting up user mode: %ld", rc);
    insns = bench_user_run(bench_user_loop, n,
                           (uint64_t)user_stack + STACK_SIZE);
    bench_report("syscall_bounce", insns, n, n);
    bench_end();
}
