/* SPDX-License-Identifier: MIT */
/*
 * The demo guest of `make run`: a guest-kit kernel booted as dom0 that
 * says what it sees (domain flags, memory, command line, the hypervisor's
 * version) and powers the machine off.
 */
#include "abi/version.h"
#include "gk/boot.h"
#include "gk/console.h"
#include "gk/hypercall.h"
#include "gk/hv.h"
#include "gk/shutdown.h"
#include "gk/x86.h"

int main(void)
{
    const struct start_info *si = gk_start_info;
    char extra[XEN_EXTRAVERSION_LEN + 1] = { 0 };
    long ver = HYPERVISOR_xen_version(XENVER_version, NULL);

    HYPERVISOR_xen_version(XENVER_extraversion, extra);
    gk_printf("\n"
              "  +------------------------------------------------+\n"
              "  |  Hello from a paravirtualized guest-kit kernel |\n"
              "  +------------------------------------------------+\n\n");
    gk_printf("  hypervisor    %s %ld.%ld%s\n", gk_hv_name(), ver >> 16,
              ver & 0xFFFF, extra);
    gk_printf("  start_info    %.32s\n", si->magic);
    gk_printf("  domain flags  %#x%s%s\n", si->flags,
              (si->flags & SIF_PRIVILEGED) ? " privileged" : "",
              (si->flags & SIF_INITDOMAIN) ? " initial-domain" : "");
    gk_printf("  memory        %lu pages (%lu MiB)\n", si->nr_pages,
              si->nr_pages >> (20 - PAGE_SHIFT));
    gk_printf("  command line  \"%s\"\n", (const char *)si->cmd_line);
    gk_printf("\n  All done: powering off.\n\n");
    gk_shutdown(SHUTDOWN_poweroff);
}
