/* SPDX-License-Identifier: MIT */
/*
 * Pins that garbage never hurts the hypervisor: every hypercall number
 * 0-63 (and some past the page) is called with combinations of bad
 * pointers (unmapped, non-canonical, inside the hypervisor, wrapping),
 * huge counts, wrong domids and bad selectors. (Small values such as
 * domids are not used as generic garbage: they are mapped addresses of
 * our own image, and multicall would run whatever it found there.) Each
 * call must return
 * (0 or a -errno, never a crash), and afterwards console_io, xen_version
 * and exception delivery still work.
 *
 * Left out because they legitimately end or wreck the domain: iret (23,
 * would pop a frame off our stack) and kexec_op (37). Calls whose
 * truncated sub-op happens to be harmless (sched_op yield) stay in; the
 * garbage values never truncate to shutdown/down commands. State a call
 * may legitimately change (FS base, TS, debug registers, kernel stack,
 * callbacks) is put back afterwards.
 */
#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "abi/pv64.h"
#include "abi/version.h"
#include "gk/bad.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("hostile-hypercall-garbage", "garbage into every hypercall");

static const uint64_t garbage[] = {
    GK_BAD_UNMAPPED,
    GK_BAD_NONCANONICAL,
    GK_BAD_HYPERVISOR,
    GK_BAD_WRAP,
    0xDEADBEEF00000000UL,     /* truncates to 0 as an int */
    0x7FFFFFFF,               /* huge count */
    0xFFFFFFFF,
};
#define NR_GARBAGE (sizeof(garbage) / sizeof(garbage[0]))

static bool skip_nr(unsigned int nr)
{
    return nr == __HYPERVISOR_iret || nr == __HYPERVISOR_kexec_op;
}

/* A result that is neither success nor a -errno would be a bug. */
static void check_result(unsigned long nr, long rc, unsigned int i,
                         unsigned int j)
{
    if (rc < -4095 || (rc > 0 && nr != __HYPERVISOR_xen_version &&
                       nr != __HYPERVISOR_sched_op_compat &&
                       nr != __HYPERVISOR_memory_op))
        gk_check_failed(__FILE__, __LINE__,
                        "hypercall %lu (garbage %u/%u) returned %ld", nr, i,
                        j, rc);
}

static void restore_state(void)
{
    HYPERVISOR_set_segment_base(SEGBASE_FS, 0);
    HYPERVISOR_set_segment_base(SEGBASE_GS_KERNEL, 0);
    HYPERVISOR_set_segment_base(SEGBASE_GS_USER, 0);
    HYPERVISOR_fpu_taskswitch(0);
    for (unsigned int r = 0; r < 4; r++)
        gk_hypercall5(__HYPERVISOR_set_debugreg, r, 0, 0, 0, 0);
    gk_hypercall5(__HYPERVISOR_set_debugreg, 7, 0x400, 0, 0, 0);
}

/*
 * rc of a call the hypervisor may not implement yet: mmu_update and
 * mmuext_op are not part of the first hv milestone, so -ENOSYS passes
 * there (never on Xen, which has them).
 */
static long or_unimplemented(long rc, long want)
{
    return (rc == -XEN_ENOSYS && !gk_on_xen()) ? want : rc;
}

/* Targeted abuse beyond the generic patterns. */
static void targeted(void)
{
    struct mmu_update req = { .ptr = GK_BAD_HYPERVISOR, .val = ~0UL };
    struct mmuext_op op = { .cmd = MMUEXT_PIN_L4_TABLE, .arg1.mfn = ~0UL };
    uint16_t domid = DOMID_INVALID;
    unsigned int done = 0;

    check_rc(or_unimplemented(HYPERVISOR_mmu_update(&req, 0x7FFFFFFF, &done,
                                                    DOMID_SELF),
                              -XEN_EINVAL),
             -XEN_EINVAL, "mmu_update of a hypervisor address, huge count");
    check_rc(or_unimplemented(HYPERVISOR_mmu_update(&req, 1, NULL, 1000),
                              -XEN_ESRCH),
             -XEN_ESRCH, "mmu_update for domain 1000");
    check_rc(or_unimplemented(HYPERVISOR_mmuext_op(&op, 1, NULL, DOMID_SELF),
                              -XEN_EINVAL),
             -XEN_EINVAL, "pin of MFN ~0");
    check_rc(HYPERVISOR_memory_op(XENMEM_current_reservation, &domid),
             -XEN_ESRCH, "current_reservation of DOMID_INVALID");
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_USER_SEL, 0xFFFF), 0,
             "user GS selector 0xffff");
    check_rc(HYPERVISOR_update_va_mapping(GK_BAD_HYPERVISOR, 0x67, 0),
             -XEN_EINVAL, "update_va_mapping of a hypervisor address");
    /*
     * An all-ones high half (NX, bits 52-62, all allowed) and a frame far
     * past RAM that dom0 has no I/O-memory rights to: -EPERM on Xen.
     */
    check_rc(HYPERVISOR_update_va_mapping(0x1000, GK_BAD_HYPERVISOR | 0x67,
                                          UVMF_INVLPG),
             -XEN_EPERM, "update_va_mapping to a frame past RAM");
}

int main(void)
{
    unsigned int before;
    uint64_t fence;
    long rc;

    for (unsigned int nr = 0; nr < 64; nr++) {
        if (skip_nr(nr))
            continue;
        for (unsigned int i = 0; i < NR_GARBAGE; i++) {
            for (unsigned int j = 0; j < NR_GARBAGE; j++) {
                uint64_t a = garbage[i], b = garbage[j];

                rc = gk_hypercall5(nr, a, b, b, a, b);
                check_result(nr, rc, i, j);
            }
        }
        restore_state();
    }
    for (unsigned long nr = 64; nr < 4096; nr += 61) {
        rc = gk_hypercall_raw(nr, GK_BAD_UNMAPPED, GK_BAD_NONCANONICAL,
                              GK_BAD_HYPERVISOR, ~0UL, 0x7FFFFFFF);
        check_rc(rc, -XEN_ENOSYS, "hypercall number past the handlers");
    }
    targeted();
    restore_state();

    /* The domain still works: console, version, stack, exceptions. */
    check_rc(gk_traps_init(), 0, "trap table after the garbage");
    before = gk_nr_traps;
    __asm__ volatile("1: ud2; 2:" GK_EXTABLE(1b, 2b));
    check_eq(gk_nr_traps, before + 1, "#UD after the garbage");
    fence = 0x1234;
    check_eq(fence, 0x1234, "stack intact");
    check(HYPERVISOR_xen_version(XENVER_version, NULL) > 0,
          "xen_version after the garbage");
    check_rc(gk_console_write("still alive\n", 12), 0,
             "console_io after the garbage");
    return 0;
}
