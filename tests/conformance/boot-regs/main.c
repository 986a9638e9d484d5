/* SPDX-License-Identifier: MIT */
/*
 * Pins the initial vCPU state of a PV dom0 (boot protocol): rip = ENTRY
 * note, rsi = VA of start_info, rsp = top of the boot stack page (page
 * aligned, just above the bootstrap page tables), rflags = 0x202 (IF and
 * the always-one bit, IOPL 0), cs = 0xE033, ss = 0xE02B, ds/es/fs/gs = 0,
 * every other general-purpose register 0.
 */
#include "abi/pv64.h"
#include "gk/boot.h"
#include "gk/test.h"
#include "gk/x86.h"

GK_TEST_INFO("boot-regs", "register values at the kernel entry point");

int main(void)
{
    const struct gk_boot_regs *r = &gk_boot_regs;
    const struct start_info *si = gk_start_info;
    uint64_t pt_end = si->pt_base + si->nr_pt_frames * PAGE_SIZE;

    gk_printf("rsp %#lx rsi %#lx rflags %#lx cs %#lx ss %#lx\n", r->rsp,
              r->rsi, r->rflags, r->cs, r->ss);

    check_eq(r->rsi, (uint64_t)si, "rsi (start_info VA)");
    check_eq(r->rsi & (PAGE_SIZE - 1), 0, "start_info page alignment");
    check_eq(r->rflags, X86_EFLAGS_IF | X86_EFLAGS_MBS, "rflags");
    check_eq(r->cs, FLAT_KERNEL_CS, "cs");
    check_eq(r->ss, FLAT_KERNEL_SS, "ss");
    check_eq(r->ds, 0, "ds");
    check_eq(r->es, 0, "es");
    check_eq(r->fs, 0, "fs");
    check_eq(r->gs, 0, "gs");

    /* The boot stack is the page right after the bootstrap tables. */
    check_eq(r->rsp & (PAGE_SIZE - 1), 0, "rsp page alignment");
    check_eq(r->rsp, pt_end + PAGE_SIZE, "rsp = end of the boot stack page");

    check_eq(r->rax, 0, "rax");
    check_eq(r->rbx, 0, "rbx");
    check_eq(r->rcx, 0, "rcx");
    check_eq(r->rdx, 0, "rdx");
    check_eq(r->rdi, 0, "rdi");
    check_eq(r->rbp, 0, "rbp");
    check_eq(r->r8, 0, "r8");
    check_eq(r->r9, 0, "r9");
    check_eq(r->r10, 0, "r10");
    check_eq(r->r11, 0, "r11");
    check_eq(r->r12, 0, "r12");
    check_eq(r->r13, 0, "r13");
    check_eq(r->r14, 0, "r14");
    check_eq(r->r15, 0, "r15");
    return 0;
}
