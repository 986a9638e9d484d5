/* SPDX-License-Identifier: MIT */
/* foreigndom of mmu_update and mmuext_op. */
#include "mm/mm-foreign.h"
#include "console/console.h"
#include "domain/domain.h"

#include <abi/memory.h>
#include <hv/errno.h>

static long check_one(struct vcpu *v, const char *op, uint16_t id,
                      const char *what)
{
    struct domain *d = v->domain;

    if (id == DOMID_SELF)
        return 0;
    if (id == DOMID_IO)
        return 0;
    if (id == DOMID_XEN)
        return is_privileged(d)
                   ? 0
                   : gerr(v, -EPERM, "%s: %s DOMID_XEN needs privilege", op,
                          what);
    if (id == d->domain_id)
        return gerr(v, -ESRCH, "%s: %s names the caller; use DOMID_SELF",
                    op, what);
    if (!domain_lookup(id))
        return gerr(v, -ESRCH, "%s: %s d%u does not exist", op, what, id);
    return gerr(v, -EPERM, "%s: %s d%u: foreign mappings not supported yet",
                op, what, id);
}

long mm_check_foreigndom(struct vcpu *v, const char *op, uint32_t fd)
{
    uint32_t pt = fd >> 16;

    /* The page-table owner is a real domain id plus one, never DOMID_*. */
    if (pt && pt - 1 != v->domain->domain_id) {
        if (pt - 1 >= DOMID_SELF || !domain_lookup(pt - 1))
            return gerr(v, -ESRCH, "%s: page-table owner d%u does not "
                        "exist", op, pt - 1);
        return gerr(v, -EPERM, "%s: page tables of d%u: foreign tables "
                    "not supported yet", op, pt - 1);
    }
    return check_one(v, op, fd & 0xFFFF, "data-frame owner");
}
