/* SPDX-License-Identifier: MIT */
/*
 * Pins mod_start/mod_len: the second multiboot module (the dom0 ramdisk)
 * is loaded page-aligned right after the kernel and before the P2M,
 * mod_start is its VA (no SIF_MOD_START_PFN), mod_len its exact size, and
 * its bytes are intact. The runner passes module.txt as that module.
 */
#include <string.h>

#include "gk/boot.h"
#include "gk/test.h"
#include "gk/x86.h"

GK_TEST_INFO("boot-module", "the second boot module arrives at mod_start");

static const char want[] = "guest-kit boot-module payload: 0123456789abcdef\n";

int main(void)
{
    const struct start_info *si = gk_start_info;

    gk_printf("mod_start %#lx mod_len %#lx flags %#x\n", si->mod_start,
              si->mod_len, si->flags);
    check(!(si->flags & SIF_MOD_START_PFN), "SIF_MOD_START_PFN set");
    check_eq(si->mod_len, sizeof(want) - 1, "mod_len");
    check_eq(si->mod_start & (PAGE_SIZE - 1), 0, "mod_start alignment");
    check(si->mod_start >= (uint64_t)_end, "module %#lx inside the kernel",
          si->mod_start);
    check(si->mod_start + si->mod_len <= si->mfn_list,
          "module %#lx+%#lx overlaps the P2M at %#lx", si->mod_start,
          si->mod_len, si->mfn_list);
    if (si->mod_start && si->mod_len == sizeof(want) - 1)
        check(memcmp((const void *)si->mod_start, want, sizeof(want) - 1) == 0,
              "module contents differ");
    return 0;
}
