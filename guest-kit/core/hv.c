/* SPDX-License-Identifier: MIT */
/* Hypervisor identity and errno names for test messages. */
#include "gk/hv.h"

#include <string.h>

#include "abi/errno.h"
#include "abi/version.h"
#include "gk/hypercall.h"

bool gk_on_xen(void)
{
    char extra[XEN_EXTRAVERSION_LEN + 1] = { 0 };

    if (HYPERVISOR_xen_version(XENVER_extraversion, extra) < 0)
        return true;
    return strncmp(extra, "-hv", 3) != 0;
}

const char *gk_hv_name(void)
{
    return gk_on_xen() ? "Xen" : "hv";
}

static const struct {
    int nr;
    const char *name;
} errno_names[] = {
    { XEN_EPERM, "-EPERM" }, { XEN_ENOENT, "-ENOENT" },
    { XEN_ESRCH, "-ESRCH" }, { XEN_EINTR, "-EINTR" }, { XEN_EIO, "-EIO" },
    { XEN_ENXIO, "-ENXIO" }, { XEN_E2BIG, "-E2BIG" },
    { XEN_EBADF, "-EBADF" }, { XEN_EAGAIN, "-EAGAIN" },
    { XEN_ENOMEM, "-ENOMEM" }, { XEN_EACCES, "-EACCES" },
    { XEN_EFAULT, "-EFAULT" }, { XEN_EBUSY, "-EBUSY" },
    { XEN_EEXIST, "-EEXIST" }, { XEN_EXDEV, "-EXDEV" },
    { XEN_ENODEV, "-ENODEV" }, { XEN_EISDIR, "-EISDIR" },
    { XEN_EINVAL, "-EINVAL" }, { XEN_ENOSPC, "-ENOSPC" },
    { XEN_EROFS, "-EROFS" }, { XEN_EDOM, "-EDOM" },
    { XEN_ERANGE, "-ERANGE" }, { XEN_EDEADLK, "-EDEADLK" },
    { XEN_ENOSYS, "-ENOSYS" }, { XEN_ENOTEMPTY, "-ENOTEMPTY" },
    { XEN_ENODATA, "-ENODATA" }, { XEN_ETIME, "-ETIME" },
    { XEN_EOVERFLOW, "-EOVERFLOW" }, { XEN_EILSEQ, "-EILSEQ" },
    { XEN_ERESTART, "-ERESTART" }, { XEN_EOPNOTSUPP, "-EOPNOTSUPP" },
    { XEN_EISCONN, "-EISCONN" }, { XEN_ENOTCONN, "-ENOTCONN" },
    { XEN_ETIMEDOUT, "-ETIMEDOUT" },
};

const char *gk_errno_name(long rc)
{
    if (rc >= 0)
        return rc == 0 ? "0" : "positive";
    for (size_t i = 0; i < sizeof(errno_names) / sizeof(errno_names[0]); i++) {
        if (-rc == errno_names[i].nr)
            return errno_names[i].name;
    }
    return "-E?";
}
