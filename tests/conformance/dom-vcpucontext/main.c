/* SPDX-License-Identifier: MIT */
/*
 * Pins XEN_DOMCTL_setvcpucontext's refusals for a new domain: a vCPU it
 * does not have, and the caller's own domain, are -EINVAL; an unreadable
 * context is -EFAULT; a cr3 naming a frame the new domain does not own
 * (one of dom0's) is refused with a negative errno and leaves the vCPU
 * offline. getvcpucontext of vCPU 0, never given a context, is -ENODATA.
 */
#include <string.h>

#include "abi/errno.h"
#include "abi/vcpu-context.h"
#include "gk/bad.h"
#include "gk/boot.h"
#include "gk/control.h"
#include "gk/test.h"

GK_TEST_INFO("dom-vcpucontext", "setvcpucontext refusals");

static struct vcpu_guest_context ctx;

static long vcpucontext(uint32_t cmd, uint16_t dom, uint32_t vcpu,
                        void *buf)
{
    struct xen_domctl op;

    memset(&op, 0, sizeof(op));
    op.cmd = cmd;
    op.domain = dom;
    op.u.vcpucontext.vcpu = vcpu;
    op.u.vcpucontext.ctxt = (uint64_t)buf;
    return gk_domctl(&op);
}

int main(void)
{
    struct xen_domctl_getdomaininfo info;
    long id = gk_domain_create(1), rc;

    if (id <= 0)
        test_error("createdomain: %ld", id);
    check_rc(gk_domain_max_vcpus(id, 1), 0, "max_vcpus");

    memset(&ctx, 0, sizeof(ctx));
    ctx.flags = VGCF_in_kernel | VGCF_online;
    ctx.user_regs.cs = FLAT_KERNEL_CS;
    ctx.user_regs.ss = FLAT_KERNEL_SS;
    ctx.ctrlreg[3] = gk_start_info->pt_base ? xen_pfn_to_cr3(
        ((const uint64_t *)gk_start_info->mfn_list)[
            (gk_start_info->pt_base >> 12)]) : 0;

    check_rc(vcpucontext(XEN_DOMCTL_setvcpucontext, id, 5, &ctx),
             -XEN_EINVAL, "vCPU 5 of a one-vCPU domain");
    check_rc(vcpucontext(XEN_DOMCTL_setvcpucontext, 0, 0, &ctx),
             -XEN_EINVAL, "the caller's own vCPU");
    check_rc(vcpucontext(XEN_DOMCTL_setvcpucontext, id, 0,
                         (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "an unreadable context");
    rc = vcpucontext(XEN_DOMCTL_setvcpucontext, id, 0, &ctx);
    gk_printf("cr3 of dom0's L4: %ld\n", rc);
    check(rc < 0, "a cr3 of dom0's frame was accepted (%ld)", rc);

    check_rc(gk_domain_info(id, &info), 0, "getdomaininfo");
    check_eq(info.nr_online_vcpus, 0, "online vCPUs after the refusals");
    check_rc(vcpucontext(XEN_DOMCTL_getvcpucontext, id, 0, &ctx),
             -XEN_ENODATA, "getvcpucontext of a vCPU without a context");
    check_rc(gk_domain_destroy(id), 0, "destroydomain");
    return 0;
}
