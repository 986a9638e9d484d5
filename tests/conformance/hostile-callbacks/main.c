/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest test 20 (TR-TRAPTABLE), class E (XSA-7, XSA-215).
 * Invariant: the hypervisor never stores a non-canonical guest entry
 * point, so no bounce or upcall can ever be built towards one; a
 * canonical one (even inside the hypervisor's range) is the guest's own
 * business and only hurts the guest if it is entered.
 *
 * As on Xen 4.17 (pv/traps.c, pv/callback.c):
 *  - set_trap_table and callback_op register take the last guest page
 *    (0x00007ffffffff000, 0x00007fffffffffff), the first kernel-half
 *    address 0xffff800000000000 and the hypervisor's range: all 0;
 *  - 0x0000800000000000, 0xffff7fffffffffff and 1 << 63 are -EINVAL;
 *    set_trap_table has installed the entries before the bad one;
 *  - callback_op checks the address before the type: a non-canonical
 *    address with an unknown type is -EINVAL, not -ENOSYS;
 *  - set_callbacks returns 0 whatever it is given, keeps the old entry
 *    point of each callback whose new one is not canonical and takes the
 *    others (the event callback still works afterwards);
 *  - a trap_info code selector of RPL 0 or a ring-0 selector does not
 *    stop delivery (64-bit guests always enter on FLAT_KERNEL_CS).
 * The accepted hostile entry points are never entered: events stay masked
 * and the vectors used are not raised while they are installed.
 */
#include "abi/callback.h"
#include "abi/errno.h"
#include "abi/pv64.h"
#include "abi/trap.h"
#include "gk/bad.h"
#include "gk/boot.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("hostile-callbacks", "entry points at and past the boundary");

/* The guest-kit upcall entry (events.c registers it). */
extern char gk_upcall_entry[];

#define NONCANON_LOW   0x0000800000000000UL
#define NONCANON_HIGH  0xffff7fffffffffffUL

static const uint64_t canonical[] = {
    0x00007ffffffff000UL, 0x00007fffffffffffUL, 0xffff800000000000UL,
    GK_BAD_HYPERVISOR, GK_BAD_WRAP,
};
static const uint64_t noncanonical[] = {
    NONCANON_LOW, NONCANON_HIGH, GK_BAD_NONCANONICAL, 0x7fffffffffffffffUL,
};
static const unsigned int types[] = {
    CALLBACKTYPE_event, CALLBACKTYPE_failsafe, CALLBACKTYPE_syscall,
    CALLBACKTYPE_syscall32, CALLBACKTYPE_sysenter, CALLBACKTYPE_nmi,
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static volatile unsigned int calls;

static void on_ipi(evtchn_port_t port, void *data)
{
    (void)port;
    (void)data;
    calls++;
}

static long reg(unsigned int type, uint64_t address)
{
    struct callback_register cb = {
        .type = (uint16_t)type, .address = address,
    };

    return HYPERVISOR_callback_op(CALLBACKOP_register, &cb);
}

/* One send with events enabled: the event callback must run once. */
static void expect_upcall(evtchn_port_t port, const char *what)
{
    unsigned int before = calls;

    gk_local_irq_enable();
    check_rc(gk_evtchn_send(port), 0, what);
    gk_local_irq_disable();
    check_eq(calls, before + 1, what);
}

static void expect_ud(const char *what)
{
    unsigned int before = gk_nr_traps;

    __asm__ volatile("1: ud2; 2:" GK_EXTABLE(1b, 2b));
    check_eq(gk_nr_traps, before + 1, what);
    check_eq(gk_last_trap.vector, X86_EXC_UD, what);
}

static void check_trap_table(void)
{
    struct trap_info t[3] = { { 0 } };
    uint64_t ud = gk_trap_stub(X86_EXC_UD);

    /* Vector 0xF0 is never raised: any canonical handler is taken. */
    for (unsigned int i = 0; i < N(canonical); i++) {
        t[0] = (struct trap_info){ 0xF0, 0, FLAT_KERNEL_CS, canonical[i] };
        check_rc(HYPERVISOR_set_trap_table(t), 0,
                 "set_trap_table, canonical handler");
    }
    for (unsigned int i = 0; i < N(noncanonical); i++) {
        t[0] = (struct trap_info){ 0xF0, 0, FLAT_KERNEL_CS, noncanonical[i] };
        check_rc(HYPERVISOR_set_trap_table(t), -XEN_EINVAL,
                 "set_trap_table, non-canonical handler");
    }

    /* The entry before a refused one is installed: #UD with RPL 0 CS. */
    t[0] = (struct trap_info){ X86_EXC_UD, 0, FLAT_KERNEL_CS & ~3, ud };
    t[1] = (struct trap_info){ 0xF1, 0, FLAT_KERNEL_CS, NONCANON_LOW };
    check_rc(HYPERVISOR_set_trap_table(t), -XEN_EINVAL,
             "set_trap_table, second entry non-canonical");
    expect_ud("#UD through an entry with an RPL-0 code selector");

    /* A ring-0 selector of the hypervisor's: still entered as the guest. */
    t[0] = (struct trap_info){ X86_EXC_UD, 0, 0xE008, ud };
    t[1].address = 0;
    check_rc(HYPERVISOR_set_trap_table(t), 0,
             "set_trap_table, #UD with selector 0xE008");
    expect_ud("#UD through an entry with selector 0xE008");
    check_eq(gk_last_trap.cs & 0xFFFF, FLAT_KERNEL_CS & ~3UL,
             "cs in the frame after an entry with selector 0xE008");

    check_rc(HYPERVISOR_set_trap_table(NULL), 0, "clear the trap table");
    check_rc(gk_traps_init(), 0, "re-install the trap table");
    expect_ud("#UD after re-install");
}

static void check_callback_op(evtchn_port_t port)
{
    uint64_t good = (uint64_t)gk_upcall_entry;

    for (unsigned int t = 0; t < N(types); t++) {
        for (unsigned int i = 0; i < N(canonical); i++)
            check_rc(reg(types[t], canonical[i]), 0,
                     "callback_op register, canonical address");
        for (unsigned int i = 0; i < N(noncanonical); i++)
            check_rc(reg(types[t], noncanonical[i]), -XEN_EINVAL,
                     "callback_op register, non-canonical address");
    }
    check_rc(reg(6, GK_BAD_NONCANONICAL), -XEN_EINVAL,
             "register type 6 at a non-canonical address");
    check_rc(reg(0xFFFF, NONCANON_LOW), -XEN_EINVAL,
             "register type 0xffff at a non-canonical address");
    check_rc(reg(6, canonical[0]), -XEN_ENOSYS,
             "register type 6 at a canonical address");

    /* A refused event callback leaves the good one in place. */
    check_rc(reg(CALLBACKTYPE_event, good), 0, "register the event callback");
    check_rc(reg(CALLBACKTYPE_event, NONCANON_LOW), -XEN_EINVAL,
             "register a non-canonical event callback");
    expect_upcall(port, "upcall after a refused event callback");
}

static void check_set_callbacks(evtchn_port_t port)
{
    uint64_t good = (uint64_t)gk_upcall_entry;

    for (unsigned int i = 0; i < N(noncanonical); i++) {
        check_rc(HYPERVISOR_set_callbacks(noncanonical[i], good, good), 0,
                 "set_callbacks with a non-canonical event callback");
        expect_upcall(port, "upcall after a non-canonical set_callbacks");
        check_rc(HYPERVISOR_set_callbacks(good, noncanonical[i],
                                          noncanonical[i]), 0,
                 "set_callbacks, non-canonical failsafe and syscall");
        expect_upcall(port, "upcall after set_callbacks with good event");
    }

    /* A canonical event callback is taken: move it and move it back. */
    check_rc(HYPERVISOR_set_callbacks(canonical[2], good, good), 0,
             "set_callbacks with a kernel-half event callback");
    check_rc(HYPERVISOR_set_callbacks(good, canonical[0], canonical[1]), 0,
             "set_callbacks with boundary failsafe and syscall");
    expect_upcall(port, "upcall after set_callbacks moved it back");
}

int main(void)
{
    long port;

    if (!gk_shared_info)
        test_error("shared_info is not mapped");
    if (gk_events_init() < 0)
        test_error("setup: cannot register the event callback");
    port = gk_evtchn_bind_ipi(0);
    if (port < 0)
        test_error("setup: bind_ipi: %ld", port);
    gk_evtchn_set_handler((evtchn_port_t)port, on_ipi, NULL);
    expect_upcall((evtchn_port_t)port, "upcall before any hostile call");

    check_trap_table();
    check_callback_op((evtchn_port_t)port);
    check_set_callbacks((evtchn_port_t)port);
    return 0;
}
