/* SPDX-License-Identifier: MIT */
/*
 * guest-kit's names for the hypercall wrappers of abi/hypercall-x86_64.h,
 * which holds the calling convention and the HYPERVISOR_* functions. The
 * page itself is in the kernel image (arch/x86/hypercall-page.S).
 */
#ifndef GK_HYPERCALL_H
#define GK_HYPERCALL_H

#include "abi/hypercall.h"
#include "abi/hypercall-x86_64.h"

#ifndef __ASSEMBLY__

/*
 * Call hypercall nr (0..127) through the page with five arguments; unused
 * ones may be anything.
 */
static inline long gk_hypercall5(unsigned int nr, unsigned long a1,
                                 unsigned long a2, unsigned long a3,
                                 unsigned long a4, unsigned long a5)
{
    return hypercall_via_page(nr, a1, a2, a3, a4, a5);
}

/*
 * Issue `syscall` with rax = nr directly, without the page: reaches any
 * number, including those above 127 that have no stub, and works before
 * the page is known to be filled. For hostile tests and early failures.
 */
static inline long gk_hypercall_raw(unsigned long nr, unsigned long a1,
                                    unsigned long a2, unsigned long a3,
                                    unsigned long a4, unsigned long a5)
{
    return HYPERCALL_ENTER("syscall", 0, nr, a1, a2, a3, a4, a5);
}

#define GK_HC(nr, a1, a2, a3, a4, a5)                                        \
    gk_hypercall5(__HYPERVISOR_##nr, (unsigned long)(a1),                    \
                  (unsigned long)(a2), (unsigned long)(a3),                  \
                  (unsigned long)(a4), (unsigned long)(a5))

#endif /* __ASSEMBLY__ */
#endif
