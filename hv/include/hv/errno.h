/* SPDX-License-Identifier: MIT */
/* hv returns the ABI's errno values; these short names are for hv code. */
#ifndef HV_ERRNO_H
#define HV_ERRNO_H

#include <abi/errno.h>

#define EPERM      XEN_EPERM
#define ENOENT     XEN_ENOENT
#define ESRCH      XEN_ESRCH
#define EIO        XEN_EIO
#define ENXIO      XEN_ENXIO
#define E2BIG      XEN_E2BIG
#define ENOEXEC    XEN_ENOEXEC
#define EAGAIN     XEN_EAGAIN
#define ENOMEM     XEN_ENOMEM
#define EACCES     XEN_EACCES
#define EFAULT     XEN_EFAULT
#define EBUSY      XEN_EBUSY
#define EEXIST     XEN_EEXIST
#define ENODEV     XEN_ENODEV
#define EINVAL     XEN_EINVAL
#define ENOSPC     XEN_ENOSPC
#define ERANGE     XEN_ERANGE
#define ENOSYS     XEN_ENOSYS
#define EOPNOTSUPP XEN_EOPNOTSUPP

#endif
