/* SPDX-License-Identifier: MIT */
/*
 * Pins the forced-emulation prefix (ud2; "xen"; cpuid): it is emulated
 * even with no trap table installed (PV kernels use it before they have
 * one), skips all 7 bytes, and shows the hypervisor leaves: 0x40000000
 * signature "XenVMMXenVMM" with max leaf >= 0x40000002; 0x40000001 eax =
 * XENVER_version; 0x40000002 eax = 1 hypercall page, ebx = MSR 0x40000000.
 * Leaf 0's vendor matches the native CPUID, leaf 1 has the hypervisor bit.
 */
#include <string.h>

#include "abi/version.h"
#include "gk/cpuid.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/traps.h"

GK_TEST_INFO("boot-fep-cpuid", "forced-emulation CPUID and the Xen leaves");

int main(void)
{
    struct gk_cpuid sig, ver, pages, l0, n0, l1;
    char name[13];
    long version = HYPERVISOR_xen_version(XENVER_version, NULL);

    /* No trap table: an unemulated #UD here would crash the domain. */
    if (HYPERVISOR_set_trap_table(NULL))
        test_error("cannot clear the trap table");
    sig = gk_cpuid_pv(0x40000000, 0);
    ver = gk_cpuid_pv(0x40000001, 0);
    pages = gk_cpuid_pv(0x40000002, 0);
    l0 = gk_cpuid_pv(0, 0);
    l1 = gk_cpuid_pv(1, 0);
    if (gk_traps_init())
        test_error("cannot re-install the trap table");
    n0 = gk_cpuid_native(0, 0);

    memcpy(name, &sig.b, 4);
    memcpy(name + 4, &sig.c, 4);
    memcpy(name + 8, &sig.d, 4);
    name[12] = 0;
    gk_printf("0x40000000: %#x \"%s\"; 0x40000001: %#x; 0x40000002: %#x "
              "%#x\n", sig.a, name, ver.a, pages.a, pages.b);
    check(strcmp(name, "XenVMMXenVMM") == 0, "signature \"%s\"", name);
    check(sig.a >= 0x40000002 && sig.a < 0x40000100, "max leaf %#x", sig.a);
    check_eq(ver.a, version, "0x40000001 eax vs XENVER_version");
    check_eq(pages.a, 1, "hypercall pages");
    check_eq(pages.b, 0x40000000, "hypercall page MSR");
    check(l0.b == n0.b && l0.c == n0.c && l0.d == n0.d,
          "vendor differs from the native CPUID");
    check(l1.c & (1U << 31), "leaf 1 ecx %#x lacks the hypervisor bit", l1.c);
    return 0;
}
