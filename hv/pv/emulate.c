/* SPDX-License-Identifier: MIT */
/*
 * Forced-emulation CPUID and the filtered CPUID view PV guests get. PV
 * kernels use the prefix even before they have a trap table, since plain
 * CPUID in ring 3 cannot be intercepted without faulting support.
 */
#include "pv/emulate.h"
#include "arch/x86/cpu.h"
#include "domain/domain.h"
#include "hypercall/guest-copy.h"

#include <string.h>

#define HV_CPUID_BASE   0x40000000U
#define XEN_VERSION_MAJ 4
#define XEN_VERSION_MIN 17

static const uint8_t fep_cpuid[] = { 0x0F, 0x0B, 'x', 'e', 'n', 0x0F, 0xA2 };

static void hypervisor_leaves(uint32_t leaf, uint32_t res[4])
{
    memset(res, 0, 4 * sizeof(uint32_t));
    switch (leaf - HV_CPUID_BASE) {
    case 0:
        /* The signature PV kernels look for: "XenVMMXenVMM". */
        res[0] = HV_CPUID_BASE + 5;
        memcpy(&res[1], "XenV", 4);
        memcpy(&res[2], "MMXe", 4);
        memcpy(&res[3], "nVMM", 4);
        break;
    case 1:
        res[0] = (XEN_VERSION_MAJ << 16) | XEN_VERSION_MIN;
        break;
    case 2:
        res[0] = 1;                 /* hypercall pages */
        res[1] = HV_CPUID_BASE;     /* MSR base */
        break;
    }
}

void pv_cpuid(const struct vcpu *v, uint32_t leaf, uint32_t sub,
              uint32_t res[4])
{
    if (leaf >= HV_CPUID_BASE && leaf < HV_CPUID_BASE + 0x100) {
        hypervisor_leaves(leaf, res);
        return;
    }
    cpuid_count(leaf, sub, &res[0], &res[1], &res[2], &res[3]);
    switch (leaf) {
    case 1:
        /* No VMX/SMX/monitor/PCID/x2APIC/deadline/XSAVE/AVX; set hypervisor. */
        res[2] &= ~((1U << 3) | (1U << 5) | (1U << 6) | (1U << 7) |
                    (1U << 8) | (1U << 17) | (1U << 21) | (1U << 24) |
                    (1U << 26) | (1U << 27) | (1U << 28));
        res[2] |= 1U << 31;
        /* No local APIC, ACPI thermal, TM or PBE for a PV guest. */
        res[3] &= ~((1U << 9) | (1U << 22) | (1U << 29) | (1U << 31));
        /* VME, PSE, PGE, PSE36: hidden from PV as on Xen 4.17 (no PV
         * superpages: Linux then builds its direct map from 4K pages). */
        res[3] &= ~((1U << 1) | (1U << 3) | (1U << 13) | (1U << 17));
        break;
    case 7:
        if (sub == 0) {
            /* FSGSBASE, SMEP, INVPCID, SMAP are ring-0 matters: hidden. */
            res[1] &= ~((1U << 0) | (1U << 7) | (1U << 10) | (1U << 20));
            res[2] &= ~((1U << 2) | (1U << 3));   /* UMIP, PKU */
        }
        break;
    case 0xD:
        memset(res, 0, 4 * sizeof(uint32_t));     /* no XSAVE */
        break;
    case 0x80000001:
        res[2] &= ~(1U << 2);                     /* SVM */
        res[3] &= ~(1U << 26);                    /* 1 GiB pages */
        break;
    }
}

bool pv_emulate_forced_cpuid(struct vcpu *v, struct hv_regs *regs)
{
    uint8_t insn[sizeof(fep_cpuid)];
    uint32_t res[4];

    if (copy_from_guest(insn, regs->rip, sizeof(insn)) ||
        memcmp(insn, fep_cpuid, sizeof(insn)))
        return false;
    pv_cpuid(v, (uint32_t)regs->rax, (uint32_t)regs->rcx, res);
    regs->rax = res[0];
    regs->rbx = res[1];
    regs->rcx = res[2];
    regs->rdx = res[3];
    regs->rip += sizeof(fep_cpuid);
    return true;
}
