/* SPDX-License-Identifier: MIT */
/* console_io (hypercall 18): the hypervisor console for privileged domains. */
#ifndef HV_ABI_CONSOLE_IO_H
#define HV_ABI_CONSOLE_IO_H

#define CONSOLEIO_write 0   /* (count, buffer): print bytes */
#define CONSOLEIO_read  1   /* (count, buffer): read input, privileged */

#endif
