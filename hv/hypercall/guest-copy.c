/* SPDX-License-Identifier: MIT */
/* Checked, fault-tolerant copies between hv and the running guest. */
#include "hypercall/guest-copy.h"
#include "arch/x86/page.h"

#include <abi/pv64.h>
#include <hv/errno.h>

size_t raw_copy_guest(void *dst, const void *src, size_t n);
size_t raw_clear_guest(void *dst, size_t n);

bool guest_range_ok(guest_ptr_t va, size_t len)
{
    guest_ptr_t last = va + len - 1;

    if (!len)
        return true;
    if (last < va || !is_canonical(va) || !is_canonical(last))
        return false;
    /* Both ends canonical and no wrap: the range cannot span the hole. */
    return last < HYPERVISOR_VIRT_START || va >= HYPERVISOR_VIRT_END;
}

int copy_from_guest(void *dst, guest_ptr_t src, size_t len)
{
    if (!guest_range_ok(src, len))
        return -EFAULT;
    return raw_copy_guest(dst, (const void *)src, len) ? -EFAULT : 0;
}

int copy_to_guest(guest_ptr_t dst, const void *src, size_t len)
{
    if (!guest_range_ok(dst, len))
        return -EFAULT;
    return raw_copy_guest((void *)dst, src, len) ? -EFAULT : 0;
}

int clear_guest(guest_ptr_t dst, size_t len)
{
    if (!guest_range_ok(dst, len))
        return -EFAULT;
    return raw_clear_guest((void *)dst, len) ? -EFAULT : 0;
}

int copy_from_guest_idx(void *dst, guest_ptr_t arr, uint64_t idx,
                        size_t size)
{
    if (idx > (UINT64_MAX - arr) / size)
        return -EFAULT;
    return copy_from_guest(dst, arr + idx * size, size);
}

int copy_to_guest_idx(guest_ptr_t arr, uint64_t idx, const void *src,
                      size_t size)
{
    if (idx > (UINT64_MAX - arr) / size)
        return -EFAULT;
    return copy_to_guest(arr + idx * size, src, size);
}
