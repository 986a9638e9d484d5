/* SPDX-License-Identifier: MIT */
/*
 * Pins the sysctls a toolstack starts with: physinfo reports at least
 * one CPU, PV capability, total_pages >= free_pages > 0 and a max_mfn at
 * least maximum_ram_page - 1; getdomaininfolist from domain 0 returns
 * dom0 first with flags showing it running; readconsole returns bytes of
 * the hypervisor's console (its banner is in there).
 */
#include <string.h>

#include "abi/memory.h"
#include "gk/control.h"
#include "gk/test.h"

GK_TEST_INFO("dom-sysctl", "physinfo, getdomaininfolist, readconsole");

static char console[4096];
static struct xen_domctl_getdomaininfo infos[4];

int main(void)
{
    struct xen_sysctl op;
    long max_ram = HYPERVISOR_memory_op(XENMEM_maximum_ram_page, NULL);

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_SYSCTL_physinfo;
    check_rc(gk_sysctl(&op), 0, "physinfo");
    gk_printf("cpus %u khz %u total %lu free %lu max_mfn %#lx caps %#x\n",
              op.u.physinfo.nr_cpus, op.u.physinfo.cpu_khz,
              op.u.physinfo.total_pages, op.u.physinfo.free_pages,
              op.u.physinfo.max_mfn, op.u.physinfo.capabilities);
    check(op.u.physinfo.nr_cpus >= 1, "nr_cpus %u", op.u.physinfo.nr_cpus);
    check(op.u.physinfo.capabilities & XEN_SYSCTL_PHYSCAP_pv, "no PV cap");
    check(op.u.physinfo.free_pages > 0 &&
              op.u.physinfo.total_pages >= op.u.physinfo.free_pages,
          "total %lu free %lu", op.u.physinfo.total_pages,
          op.u.physinfo.free_pages);
    check(op.u.physinfo.max_mfn >= (uint64_t)max_ram - 1,
          "max_mfn %#lx below maximum_ram_page %#lx", op.u.physinfo.max_mfn,
          max_ram);

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_SYSCTL_getdomaininfolist;
    op.u.getdomaininfolist.first_domain = 0;
    op.u.getdomaininfolist.max_domains = 4;
    op.u.getdomaininfolist.buffer = (uint64_t)infos;
    check_rc(gk_sysctl(&op), 0, "getdomaininfolist");
    check(op.u.getdomaininfolist.num_domains >= 1, "num_domains %u",
          op.u.getdomaininfolist.num_domains);
    check_eq(infos[0].domain, 0, "first domain");
    check(infos[0].flags & XEN_DOMINF_running, "dom0 flags %#x",
          infos[0].flags);

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_SYSCTL_readconsole;
    op.u.readconsole.buffer = (uint64_t)console;
    op.u.readconsole.count = sizeof(console) - 1;
    check_rc(gk_sysctl(&op), 0, "readconsole");
    gk_printf("readconsole: %u bytes\n", op.u.readconsole.count);
    check(op.u.readconsole.count > 0, "readconsole returned nothing");
    return 0;
}
