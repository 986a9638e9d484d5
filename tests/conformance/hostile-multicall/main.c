/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest tests 21 (TR-MULTICALL-IRET) and part of 9/23, classes C
 * and B (XSA-213; XSA-45/264/290 for bounded work). Invariants: an iret
 * entry ends a multicall, so nothing after it runs with the state it
 * replaced; a batch stops at the first entry it cannot read and at the
 * first result it cannot write, having run exactly the entries before;
 * huge counts and long lists are worked through (in bounded pieces) and
 * every result is right.
 *
 *  - [iret, set_segment_base(FS)]: the guest resumes where the iret frame
 *    says with the frame's rax, and the FS base is untouched;
 *  - four entries at the end of a page followed by an unmapped page, with
 *    count 2^31-1 and 2^32-1 (the count is 32 bits): -EFAULT, the four
 *    ran (each set the FS base to its own value, the last one shows);
 *  - entries on a read-only page: -EFAULT after the first entry ran, the
 *    second did not;
 *  - a nested multicall as the only entry with a huge count: -EINVAL in
 *    its result, nothing else runs;
 *  - 100000 xen_version entries in one call: 0, every result the version;
 *  - set_trap_table with 4096 entries (every vector 16 times) in one call
 *    and inside a multicall: 0, and the last entries are the ones in force.
 * Not tested from inside: an iret entry that switches to user mode
 * followed by a privileged op (the XSA-213 exploit) needs user mode and
 * a way back, which guest-kit does not have yet.
 */
#include <string.h>

#include "abi/errno.h"
#include "abi/mmu.h"
#include "abi/multicall.h"
#include "abi/pv64.h"
#include "abi/trap.h"
#include "abi/version.h"
#include "gk/bad.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("hostile-multicall", "multicall stop rules and long batches");

#define MSR_FS_BASE 0xC0000100
#define NR_BIG 100000
#define NR_TRAPS 4096

static struct multicall_entry big[NR_BIG];
static struct trap_info traps[NR_TRAPS + 1];
static uint8_t pages[2][4096] __attribute__((aligned(4096)));
static struct iret_context ictx __attribute__((aligned(16)));

static uint64_t fs_base(void)
{
    uint32_t lo, hi;

    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(MSR_FS_BASE));
    return (uint64_t)hi << 32 | lo;
}

static void set_fs_entry(struct multicall_entry *e, uint64_t base)
{
    memset(e, 0, sizeof(*e));
    e->op = __HYPERVISOR_set_segment_base;
    e->args[0] = SEGBASE_FS;
    e->args[1] = base;
    e->result = 0x5A5A;
}

/*
 * multicall(calls, 2) issued with rsp at ictx, so that an iret entry
 * finds that frame; it resumes at label 1 with rsp back. Returns rax.
 */
static long multicall_on_iret_frame(struct multicall_entry *calls)
{
    long rax;

    __asm__ volatile("lea 1f(%%rip), %%rax\n"
                     "mov %%rax, 32(%[ctx])\n"
                     "mov %%rsp, 56(%[ctx])\n"
                     "mov %[ctx], %%rsp\n"
                     "mov %[nr], %%eax\n"
                     "syscall\n"
                     "1:"
                     : "=&a"(rax), "+D"(calls)
                     : [ctx] "r"(&ictx), "S"(2UL),
                       [nr] "i"(__HYPERVISOR_multicall)
                     : "rcx", "r11", "rdx", "r10", "r8", "memory");
    return rax;
}

static void check_iret_ends_batch(void)
{
    struct multicall_entry mc[2];

    memset(mc, 0, sizeof(mc));
    mc[0].op = __HYPERVISOR_iret;
    mc[0].result = 0x5A5A;
    set_fs_entry(&mc[1], 0x12345000);
    ictx.rax = 0x1234;
    ictx.cs = FLAT_KERNEL_CS & ~3UL;
    ictx.ss = FLAT_KERNEL_SS;
    ictx.rflags = X86_EFLAGS_MBS;              /* IF = 0: events stay off */
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_FS, 0), 0, "FS base 0");
    check_eq(multicall_on_iret_frame(mc), 0x1234, "rax after [iret, ...]");
    check_eq(fs_base(), 0, "FS base: the entry after iret ran");
    check_eq(mc[1].result, 0x5A5A, "result of the entry after iret");
}

static void check_unreadable_tail(void)
{
    struct multicall_entry *e = (void *)(pages[1] - 4 * sizeof(*e));
    static const unsigned long counts[] = { 0x7FFFFFFFUL, 0xFFFFFFFFUL };

    check_rc(HYPERVISOR_update_va_mapping((uint64_t)pages[1], 0, UVMF_INVLPG),
             0, "unmap the page after the entries");
    for (unsigned int c = 0; c < 2; c++) {
        for (unsigned int i = 0; i < 4; i++)
            set_fs_entry(&e[i], 0x1000 * (i + 1 + 4 * c));
        check_rc(gk_hypercall5(__HYPERVISOR_multicall, (uint64_t)e,
                               counts[c], 0, 0, 0),
                 -XEN_EFAULT, "multicall running into an unmapped page");
        for (unsigned int i = 0; i < 4; i++)
            check_rc(e[i].result, 0, "entries before the unmapped page");
        check_eq(fs_base(), 0x4000 + 0x4000 * c, "FS base after the batch");
    }
    check_rc(HYPERVISOR_update_va_mapping((uint64_t)pages[1],
                                          gk_virt_to_ma(pages[0]) |
                                              GK_PT_DATA, UVMF_INVLPG),
             0, "map a page back there");
}

static void check_readonly_results(void)
{
    struct multicall_entry *e = (void *)pages[0];
    uint64_t ma = gk_virt_to_ma(pages[0]);

    set_fs_entry(&e[0], 0xA000);
    set_fs_entry(&e[1], 0xB000);
    check_rc(HYPERVISOR_update_va_mapping((uint64_t)pages[0], ma | GK_PT_RO,
                                          UVMF_INVLPG), 0, "entries RO");
    check_rc(HYPERVISOR_multicall(e, 2), -XEN_EFAULT,
             "multicall with read-only results");
    check_eq(fs_base(), 0xA000, "FS base: first entry only");
    check_rc(HYPERVISOR_update_va_mapping((uint64_t)pages[0],
                                          ma | GK_PT_DATA, UVMF_INVLPG),
             0, "entries RW again");
    check_eq(e[0].result, 0x5A5A, "result on the read-only page");
}

static void check_nested(void)
{
    struct multicall_entry mc[2];

    memset(mc, 0, sizeof(mc));
    mc[0].op = __HYPERVISOR_multicall;
    mc[0].args[0] = (uint64_t)&mc[1];
    mc[0].args[1] = 0xFFFFFFFF;
    set_fs_entry(&mc[1], 0xC000);
    check_rc(HYPERVISOR_multicall(mc, 1), 0, "multicall of a nested one");
    check_rc(mc[0].result, -XEN_EINVAL, "nested multicall");
    check_eq(fs_base(), 0xA000, "FS base: the nested batch ran");
}

static void check_big(void)
{
    long ver = HYPERVISOR_xen_version(XENVER_version, NULL);
    unsigned int bad = 0;

    for (unsigned int i = 0; i < NR_BIG; i++) {
        big[i].op = __HYPERVISOR_xen_version;
        big[i].args[0] = XENVER_version;
        big[i].result = 0x5A5A;
    }
    check_rc(HYPERVISOR_multicall(big, NR_BIG), 0, "multicall of 100000");
    for (unsigned int i = 0; i < NR_BIG; i++)
        bad += big[i].result != (uint64_t)ver;
    check_eq(bad, 0, "wrong results among the 100000");
}

static void check_long_trap_table(void)
{
    struct multicall_entry mc[1];
    unsigned int before;

    for (unsigned int i = 0; i < NR_TRAPS; i++) {
        unsigned int v = i % 256;

        traps[i].vector = (uint8_t)v;
        traps[i].cs = FLAT_KERNEL_CS;
        /* Only the last round installs the real stubs. */
        traps[i].address = i >= NR_TRAPS - 256 ? gk_trap_stub(v)
                                               : gk_trap_stub(0xFF);
        traps[i].flags = (v == X86_EXC_BP || v == X86_EXC_OF) ? 3 : 0;
    }
    traps[NR_TRAPS].address = 0;
    check_rc(HYPERVISOR_set_trap_table(traps), 0, "4096-entry trap table");
    before = gk_nr_traps;
    __asm__ volatile("1: ud2; 2:" GK_EXTABLE(1b, 2b));
    check_eq(gk_last_trap.vector, X86_EXC_UD, "#UD after the long table");
    check_eq(gk_nr_traps, before + 1, "#UD count after the long table");

    memset(mc, 0, sizeof(mc));
    mc[0].op = __HYPERVISOR_set_trap_table;
    mc[0].args[0] = (uint64_t)traps;
    check_rc(HYPERVISOR_multicall(mc, 1), 0, "long trap table in a multicall");
    check_rc(mc[0].result, 0, "its result");
    __asm__ volatile("1: int3; 2:" GK_EXTABLE(2b, 2b) GK_EXTABLE(1b, 2b));
    check_eq(gk_last_trap.vector, X86_EXC_BP, "#BP after the long table");
}

int main(void)
{
    check_iret_ends_batch();
    check_unreadable_tail();
    check_readonly_results();
    check_nested();
    check_big();
    check_long_trap_table();
    HYPERVISOR_set_segment_base(SEGBASE_FS, 0);
    return 0;
}
