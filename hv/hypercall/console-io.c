/* SPDX-License-Identifier: MIT */
/* console_io (18): guests print to hv's console; dom0 may also read it. */
#include "hypercall/hypercall.h"
#include "hypercall/guest-copy.h"
#include "console/console.h"
#include "console/serial.h"
#include "domain/domain.h"

#include <abi/console-io.h>
#include <format.h>
#include <hv/errno.h>

#define CHUNK 128

/*
 * CONSOLEIO_write: print count bytes (count is 32 bits, as in the ABI).
 *   -EFAULT  a byte of the buffer is unreadable (earlier ones are printed)
 * CONSOLEIO_read: copy up to count pending input bytes; returns the number.
 *   -EPERM   caller is not privileged
 *   -E2BIG   count is negative as an int: the byte count it allows could
 *            not be told from an errno (Xen 4.17 refuses it too)
 * Others: -ENOSYS.
 */
long hc_console_io(struct vcpu *v, uint64_t cmd, uint64_t count64,
                   uint64_t buf, uint64_t a4, uint64_t a5)
{
    uint32_t count = (uint32_t)count64;
    struct domain *d = v->domain;
    char chunk[CHUNK], tag[16] = "";

    switch (cmd) {
    case CONSOLEIO_write:
        if (d != dom0)
            snformat(tag, sizeof(tag), "(d%u) ", d->domain_id);
        while (count) {
            uint32_t n = count < CHUNK ? count : CHUNK;

            if (copy_from_guest(chunk, buf, n))
                return gerr(v, -EFAULT, "console_io: buffer %#lx unreadable",
                            buf);
            console_guest_write(tag, chunk, n);
            buf += n;
            count -= n;
        }
        return 0;
    case CONSOLEIO_read: {
        uint32_t got = 0;

        if (!is_privileged(d))
            return gerr(v, -EPERM, "console_io: read needs privilege");
        if ((int32_t)count < 0)
            return gerr(v, -E2BIG, "console_io: read count %#x", count);
        while (got < count && got < CHUNK && serial_read(&chunk[got]))
            got++;
        if (got && copy_to_guest(buf, chunk, got))
            return gerr(v, -EFAULT, "console_io: buffer %#lx unwritable",
                        buf);
        return got;
    }
    default:
        return gerr(v, -ENOSYS, "console_io: unknown cmd %lu", cmd);
    }
}
