/* SPDX-License-Identifier: MIT */
/*
 * Pins the paging features a PV kernel's CPUID (forced emulation) does
 * not show, as Xen 4.17's PV policy: leaf 1 EDX VME, PSE, PGE and PSE36,
 * leaf 0x80000001 EDX Page1GB (dom0 keeps MTRR). A PV kernel has no
 * superpages; Linux builds its direct map with 2 MiB or 1 GiB entries if
 * it sees PSE or Page1GB, and those are refused.
 */
#include "gk/cpuid.h"
#include "gk/test.h"

GK_TEST_INFO("boot-cpuid-paging", "PV CPUID hides VME, PSE, PGE, PSE36 and 1 GiB pages");

int main(void)
{
    struct gk_cpuid l1 = gk_cpuid_pv(1, 0);
    struct gk_cpuid e1 = gk_cpuid_pv(0x80000001, 0);
    static const struct { unsigned int bit; const char *name; } hidden[] = {
        { 1, "VME" }, { 3, "PSE" }, { 13, "PGE" }, { 17, "PSE36" },
    };

    for (unsigned int i = 0; i < sizeof(hidden) / sizeof(hidden[0]); i++)
        check(!(l1.d & (1U << hidden[i].bit)), "leaf 1 edx shows %s",
              hidden[i].name);
    check(!(e1.d & (1U << 26)), "leaf 0x80000001 edx shows Page1GB");
    check(l1.d & (1U << 6), "leaf 1 edx lacks PAE");
    check(e1.d & (1U << 29), "leaf 0x80000001 edx lacks LM");
    return 0;
}
