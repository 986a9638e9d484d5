/* SPDX-License-Identifier: MIT */
/*
 * Pins event_channel_op_compat: one pointer to struct evtchn_op {cmd;
 * union} (28 bytes); alloc_unbound, status, bind_ipi, send and close work
 * with OUT fields written into the union; reset (10) and the FIFO
 * commands (11-13) and cmd 100 are -ENOSYS; an unmapped pointer is
 * -EFAULT.
 */
#include <string.h>

#include "abi/errno.h"
#include "abi/event-channel.h"
#include "abi/memory.h"
#include "gk/bad.h"
#include "gk/boot.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("evtchn-compat", "event_channel_op_compat (16) runs bind_interdomain..unmask from one struct evtchn_op; other commands -ENOSYS; unreadable -EFAULT");

static struct evtchn_op op;

static long compat(uint32_t cmd)
{
    op.cmd = cmd;
    return GK_HC(event_channel_op_compat, &op, 0, 0, 0, 0);
}

int main(void)
{
    memset(&op, 0, sizeof(op));
    op.u.alloc_unbound.dom = DOMID_SELF;
    op.u.alloc_unbound.remote_dom = 1000;
    check_rc(compat(EVTCHNOP_alloc_unbound), 0, "alloc_unbound");
    check_eq(op.u.alloc_unbound.port, 1, "port written into the union");

    memset(&op, 0, sizeof(op));
    op.u.status.dom = DOMID_SELF;
    op.u.status.port = 1;
    check_rc(compat(EVTCHNOP_status), 0, "status");
    check_eq(op.u.status.status, EVTCHNSTAT_unbound, "state");
    check_eq(op.u.status.u.unbound.dom, 1000, "remote domain");

    memset(&op, 0, sizeof(op));
    check_rc(compat(EVTCHNOP_bind_ipi), 0, "bind_ipi");
    check_eq(op.u.bind_ipi.port, 2, "ipi port");
    op.u.send.port = 2;
    check_rc(compat(EVTCHNOP_send), 0, "send");
    check(gk_evtchn_is_pending(2), "sent");
    op.u.close.port = 2;
    check_rc(compat(EVTCHNOP_close), 0, "close");
    check_rc(compat(EVTCHNOP_close), -XEN_EINVAL, "close again");

    op.u.close.port = DOMID_SELF;   /* reset would read a u16 dom here */
    check_rc(compat(EVTCHNOP_reset), -XEN_ENOSYS, "reset");
    check_rc(compat(EVTCHNOP_init_control), -XEN_ENOSYS, "init_control");
    check_rc(compat(EVTCHNOP_expand_array), -XEN_ENOSYS, "expand_array");
    check_rc(compat(EVTCHNOP_set_priority), -XEN_ENOSYS, "set_priority");
    check_rc(compat(100), -XEN_ENOSYS, "cmd 100");
    check_rc(GK_HC(event_channel_op_compat, GK_BAD_UNMAPPED, 0, 0, 0, 0),
             -XEN_EFAULT, "unmapped pointer");
    check_rc(gk_evtchn_alloc_unbound(DOMID_SELF), 2, "state intact");
    return 0;
}
