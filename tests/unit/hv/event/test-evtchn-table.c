/* SPDX-License-Identifier: MIT */
/*
 * Tests of hv/event/evtchn-table.c: the port state machine, its limits
 * and the errno of every refusal (as Xen 4.17 answers them).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <abi/errno.h>

#include "hv/event/evtchn-2l.h"
#include "hv/event/evtchn-table.h"

#define DOM0 0
#define DOMU 7

static struct shared_info si0, siu;
static struct evtchn_table *d0, *du;   /* dom0: 2 vCPUs; domU: 1 vCPU */
static const char *why;

static int setup(void **state)
{
    (void)state;
    memset(&si0, 0, sizeof(si0));
    memset(&siu, 0, sizeof(siu));
    d0 = malloc(sizeof(*d0));
    du = malloc(sizeof(*du));
    evtchn_table_init(d0, DOM0, 2, EVTCHN_MAX_PORT, &si0);
    evtchn_table_init(du, DOMU, 1, EVTCHN_DOMU_MAX_PORT, &siu);
    why = NULL;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(d0);
    free(du);
    return 0;
}

static int alloc(struct evtchn_table *t, uint16_t remote)
{
    return evtchn_alloc_unbound(t, remote, &why);
}

static uint32_t status_of(struct evtchn_table *t, uint32_t port)
{
    struct evtchn_status st = { 0 };

    assert_int_equal(evtchn_status(t, port, &st, &why), 0);
    return st.status;
}

/* ------------------------------------------------------------ ports */

static void test_first_port_is_one_and_port_zero_is_reserved(void **state)
{
    (void)state;
    assert_int_equal(alloc(d0, DOM0), 1);
    assert_int_equal(status_of(d0, 0), EVTCHNSTAT_closed);
    assert_int_equal(evtchn_close(d0, 0, &why), -XEN_EINVAL);
    assert_false(evtchn_is_bound(d0, 0));
}

static void test_ports_become_valid_in_blocks_of_64(void **state)
{
    (void)state;
    assert_true(evtchn_is_valid(d0, 63));
    assert_false(evtchn_is_valid(d0, 64));
    for (int i = 1; i <= 63; i++)
        assert_int_equal(alloc(d0, DOM0), i);
    assert_false(evtchn_is_valid(d0, 64));
    assert_int_equal(alloc(d0, DOM0), 64);
    assert_true(evtchn_is_valid(d0, 127));
    assert_false(evtchn_is_valid(d0, 128));
    /* Closing does not shrink the valid range. */
    assert_int_equal(evtchn_close(d0, 64, &why), 0);
    assert_true(evtchn_is_valid(d0, 127));
    assert_int_equal(status_of(d0, 100), EVTCHNSTAT_closed);
}

static void test_lowest_free_port_is_reused_first(void **state)
{
    (void)state;
    for (int i = 1; i <= 5; i++)
        alloc(d0, DOM0);
    evtchn_close(d0, 2, &why);
    evtchn_close(d0, 4, &why);
    assert_int_equal(alloc(d0, DOM0), 2);
    assert_int_equal(alloc(d0, DOM0), 4);
    assert_int_equal(alloc(d0, DOM0), 6);
}

static void exhaust(struct evtchn_table *t, int expect_last)
{
    int port, last = 0;

    while ((port = alloc(t, t->domid)) > 0)
        last = port;
    assert_int_equal(port, -XEN_ENOSPC);
    assert_int_equal(last, expect_last);
}

static void test_dom0_gets_ports_up_to_4095_then_enospc(void **state)
{
    (void)state;
    exhaust(d0, 4095);
    assert_false(evtchn_has_free_port(d0));
    assert_int_equal(evtchn_bind_ipi(d0, 0, &why), -XEN_ENOSPC);
    assert_int_equal(evtchn_bind_virq(d0, VIRQ_TIMER, 0, &why), -XEN_ENOSPC);
}

static void test_domu_gets_ports_up_to_1023_then_enospc(void **state)
{
    (void)state;
    exhaust(du, 1023);
    assert_false(evtchn_is_valid(du, 1024));
}

static void test_closing_everything_lets_allocation_start_over(void **state)
{
    (void)state;
    exhaust(du, 1023);
    evtchn_reset(du);
    assert_int_equal(status_of(du, 1023), EVTCHNSTAT_closed);
    exhaust(du, 1023);
}

static void test_lower_limit_keeps_bound_ports_and_stops_allocation(
    void **state)
{
    (void)state;
    for (int i = 1; i <= 10; i++)
        alloc(du, DOM0);
    evtchn_table_set_max_port(du, 5);
    assert_int_equal(alloc(du, DOM0), -XEN_ENOSPC);
    assert_int_equal(status_of(du, 10), EVTCHNSTAT_unbound);
    evtchn_table_set_max_port(du, 100000);
    assert_int_equal(du->max_port, EVTCHN_MAX_PORT);
}

/* ------------------------------------------------------------ virq */

static void test_bind_virq_checks_in_xen_order(void **state)
{
    static const struct {
        uint32_t virq, vcpu;
        int rc;
    } cases[] = {
        { NR_VIRQS, 0, -XEN_EINVAL },
        { 0xFFFFFFFFU, 0, -XEN_EINVAL },
        { 100, 5, -XEN_EINVAL },          /* virq before vcpu */
        { VIRQ_DOM_EXC, 1, -XEN_EINVAL }, /* global on vcpu 1 */
        { VIRQ_DOM_EXC, 5, -XEN_EINVAL }, /* global check before vcpu */
        { VIRQ_TIMER, 2, -XEN_ENOENT },
        { VIRQ_DEBUG, 0xFFFFFFFFU, -XEN_ENOENT },
        { VIRQ_TIMER, 0, 1 },
        { VIRQ_TIMER, 1, 2 },
        { VIRQ_TIMER, 0, -XEN_EEXIST },
        { VIRQ_DOM_EXC, 0, 3 },
        { 5, 0, 4 },                      /* unassigned: binds as global */
        { VIRQ_XENPMU, 1, 5 },
        { VIRQ_ARCH_7, 0, 6 },
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int rc = evtchn_bind_virq(d0, cases[i].virq, cases[i].vcpu, &why);

        if (rc != cases[i].rc)
            fail_msg("case %zu: virq %u vcpu %u: got %d, want %d", i,
                     cases[i].virq, cases[i].vcpu, rc, cases[i].rc);
    }
    assert_int_equal(evtchn_virq_port(d0, 1, VIRQ_TIMER), 2);
}

static void test_closing_a_virq_port_unbinds_the_virq(void **state)
{
    int port;

    (void)state;
    port = evtchn_bind_virq(d0, VIRQ_CONSOLE, 0, &why);
    assert_int_equal(evtchn_close(d0, (uint32_t)port, &why), 0);
    assert_int_equal(evtchn_virq_port(d0, 0, VIRQ_CONSOLE), 0);
    assert_int_equal(evtchn_bind_virq(d0, VIRQ_CONSOLE, 0, &why), port);
}

/* ------------------------------------------------------------ interdomain */

static void test_bind_interdomain_refusals(void **state)
{
    int offered_to_0, offered_to_u, lport;
    struct evtchn_notify n;

    (void)state;
    offered_to_0 = alloc(du, DOM0);
    offered_to_u = alloc(du, DOMU);
    assert_int_equal(evtchn_bind_interdomain(d0, du, 0, &n, &why),
                     -XEN_EINVAL);
    assert_int_equal(evtchn_bind_interdomain(d0, du, 4096, &n, &why),
                     -XEN_EINVAL);
    assert_int_equal(evtchn_bind_interdomain(d0, du, 50, &n, &why),
                     -XEN_EINVAL);             /* valid but closed */
    assert_int_equal(evtchn_bind_interdomain(d0, du, (uint32_t)offered_to_u,
                                             &n, &why),
                     -XEN_EINVAL);
    assert_null(n.t);
    lport = evtchn_bind_interdomain(d0, du, (uint32_t)offered_to_0, &n,
                                    &why);
    assert_true(lport > 0);
    /* Already connected: no longer unbound. */
    assert_int_equal(evtchn_bind_interdomain(d0, du, (uint32_t)offered_to_0,
                                             &n, &why),
                     -XEN_EINVAL);
}

static void test_no_local_port_is_enospc_before_the_remote_check(
    void **state)
{
    struct evtchn_notify n;

    (void)state;
    exhaust(d0, 4095);
    assert_int_equal(evtchn_bind_interdomain(d0, du, 9999, &n, &why),
                     -XEN_ENOSPC);
}

static void test_self_bind_connects_both_ends_and_raises_the_new_port(
    void **state)
{
    struct evtchn_status st;
    struct evtchn_notify n;
    int rport, lport;

    (void)state;
    rport = alloc(d0, DOM0);
    lport = evtchn_bind_interdomain(d0, d0, (uint32_t)rport, &n, &why);
    assert_int_equal(lport, 2);
    assert_ptr_equal(n.t, d0);
    assert_int_equal(n.port, 2);
    assert_int_equal(n.vcpu, 0);

    memset(&st, 0, sizeof(st));
    evtchn_status(d0, 2, &st, &why);
    assert_int_equal(st.status, EVTCHNSTAT_interdomain);
    assert_int_equal(st.u.interdomain.dom, DOM0);
    assert_int_equal(st.u.interdomain.port, 1);
    evtchn_status(d0, 1, &st, &why);
    assert_int_equal(st.u.interdomain.port, 2);
}

static void test_closing_one_end_returns_the_peer_to_unbound(void **state)
{
    struct evtchn_status st;
    struct evtchn_notify n;
    int rport, lport;

    (void)state;
    rport = alloc(du, DOM0);
    lport = evtchn_bind_interdomain(d0, du, (uint32_t)rport, &n, &why);
    assert_int_equal(evtchn_close(d0, (uint32_t)lport, &why), 0);

    memset(&st, 0, sizeof(st));
    evtchn_status(du, (uint32_t)rport, &st, &why);
    assert_int_equal(st.status, EVTCHNSTAT_unbound);
    assert_int_equal(st.u.unbound.dom, DOM0);
    assert_int_equal(status_of(d0, (uint32_t)lport), EVTCHNSTAT_closed);
    /* dom0 may connect again; sends to the unbound end are dropped. */
    assert_int_equal(evtchn_send(du, (uint32_t)rport, &n, &why), 0);
    assert_null(n.t);
    assert_true(evtchn_bind_interdomain(d0, du, (uint32_t)rport, &n,
                                        &why) > 0);
}

static void test_reset_leaves_peers_unbound_and_offered_to_us(void **state)
{
    struct evtchn_status st = { 0 };
    struct evtchn_notify n;
    int rport;

    (void)state;
    rport = alloc(d0, DOMU);
    evtchn_bind_interdomain(du, d0, (uint32_t)rport, &n, &why);
    evtchn_bind_ipi(du, 0, &why);
    evtchn_reset(du);
    for (uint32_t p = 1; p < 64; p++)
        assert_int_equal(status_of(du, p), EVTCHNSTAT_closed);
    evtchn_status(d0, (uint32_t)rport, &st, &why);
    assert_int_equal(st.status, EVTCHNSTAT_unbound);
    assert_int_equal(st.u.unbound.dom, DOMU);
}

/* ------------------------------------------------------------ send */

static void test_send_by_state(void **state)
{
    struct evtchn_notify n;
    int ipi, unbound, virq, rport, lport;

    (void)state;
    ipi = evtchn_bind_ipi(d0, 1, &why);
    unbound = alloc(d0, DOMU);
    virq = evtchn_bind_virq(d0, VIRQ_TIMER, 0, &why);
    rport = alloc(du, DOM0);
    evtchn_bind_vcpu(du, (uint32_t)rport, 0, &why);
    lport = evtchn_bind_interdomain(d0, du, (uint32_t)rport, &n, &why);

    assert_int_equal(evtchn_send(d0, (uint32_t)ipi, &n, &why), 0);
    assert_ptr_equal(n.t, d0);
    assert_int_equal(n.port, ipi);
    assert_int_equal(n.vcpu, 1);

    assert_int_equal(evtchn_send(d0, (uint32_t)lport, &n, &why), 0);
    assert_ptr_equal(n.t, du);
    assert_int_equal(n.port, rport);

    assert_int_equal(evtchn_send(d0, (uint32_t)unbound, &n, &why), 0);
    assert_null(n.t);

    static const uint32_t bad[] = { 0, 40, 64, 4096, 0xFFFFFFFFU };
    assert_int_equal(evtchn_send(d0, (uint32_t)virq, &n, &why), -XEN_EINVAL);
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_int_equal(evtchn_send(d0, bad[i], &n, &why), -XEN_EINVAL);
        assert_null(n.t);
        assert_non_null(why);
    }
}

/* ------------------------------------------------------------ status */

static void test_status_writes_only_the_fields_of_the_state(void **state)
{
    struct evtchn_status st;
    uint8_t *b = (uint8_t *)&st;
    int port;

    (void)state;
    port = alloc(d0, 0x1234);
    memset(&st, 0xAA, sizeof(st));
    assert_int_equal(evtchn_status(d0, (uint32_t)port, &st, &why), 0);
    assert_int_equal(st.status, EVTCHNSTAT_unbound);
    assert_int_equal(st.vcpu, 0);
    assert_int_equal(st.u.unbound.dom, 0x1234);
    for (size_t i = 18; i < sizeof(st); i++)
        assert_int_equal(b[i], 0xAA);

    memset(&st, 0xAA, sizeof(st));
    evtchn_status(d0, 0, &st, &why);
    assert_int_equal(st.status, EVTCHNSTAT_closed);
    for (size_t i = 16; i < sizeof(st); i++)
        assert_int_equal(b[i], 0xAA);

    port = evtchn_bind_virq(d0, VIRQ_DEBUG, 1, &why);
    evtchn_status(d0, (uint32_t)port, &st, &why);
    assert_int_equal(st.status, EVTCHNSTAT_virq);
    assert_int_equal(st.vcpu, 1);
    assert_int_equal(st.u.virq, VIRQ_DEBUG);

    assert_int_equal(evtchn_status(d0, 64, &st, &why), -XEN_EINVAL);
}

/* ------------------------------------------------------------ bind_vcpu */

static void test_bind_vcpu_by_state(void **state)
{
    int ipi, timer, global, unbound;

    (void)state;
    ipi = evtchn_bind_ipi(d0, 0, &why);
    timer = evtchn_bind_virq(d0, VIRQ_TIMER, 0, &why);
    global = evtchn_bind_virq(d0, VIRQ_CONSOLE, 0, &why);
    unbound = alloc(d0, DOM0);

    const struct {
        uint32_t port, vcpu;
        int rc;
    } cases[] = {
        { (uint32_t)unbound, 2, -XEN_ENOENT },    /* vcpu before port */
        { 4096, 2, -XEN_ENOENT },
        { 4096, 1, -XEN_EINVAL },
        { 0, 1, -XEN_EINVAL },
        { 30, 1, -XEN_EINVAL },                   /* closed */
        { (uint32_t)ipi, 1, -XEN_EINVAL },
        { (uint32_t)timer, 1, -XEN_EINVAL },
        { (uint32_t)global, 1, 0 },
        { (uint32_t)unbound, 1, 0 },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int rc = evtchn_bind_vcpu(d0, cases[i].port, cases[i].vcpu, &why);

        if (rc != cases[i].rc)
            fail_msg("case %zu: port %u vcpu %u: got %d, want %d", i,
                     cases[i].port, cases[i].vcpu, rc, cases[i].rc);
    }
    assert_int_equal(evtchn_notify_vcpu(d0, (uint32_t)global), 1);
    assert_int_equal(evtchn_unmask_target(d0, (uint32_t)unbound, &why), 1);
}

/* ------------------------------------------------------------ close */

static void test_close_clears_pending_and_keeps_the_mask(void **state)
{
    int port;

    (void)state;
    port = evtchn_bind_ipi(d0, 0, &why);
    si0.evtchn_pending[0] |= 1ULL << port;
    si0.evtchn_mask[0] |= 1ULL << port;
    assert_int_equal(evtchn_close(d0, (uint32_t)port, &why), 0);
    assert_false(evtchn_2l_is_pending(&si0, (unsigned int)port));
    assert_true(evtchn_2l_is_masked(&si0, (unsigned int)port));
    assert_int_equal(evtchn_close(d0, (uint32_t)port, &why), -XEN_EINVAL);
}

static void test_unmask_target_and_pirq_refusals(void **state)
{
    (void)state;
    assert_int_equal(evtchn_unmask_target(d0, 0, &why), 0);
    assert_int_equal(evtchn_unmask_target(d0, 63, &why), 0);
    assert_int_equal(evtchn_unmask_target(d0, 64, &why), -XEN_EINVAL);
    assert_int_equal(evtchn_bind_pirq(d0, 0, &why), -XEN_EPERM);
    assert_int_equal(evtchn_bind_pirq(d0, EVTCHN_NR_PIRQS, &why),
                     -XEN_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
        T(test_first_port_is_one_and_port_zero_is_reserved),
        T(test_ports_become_valid_in_blocks_of_64),
        T(test_lowest_free_port_is_reused_first),
        T(test_dom0_gets_ports_up_to_4095_then_enospc),
        T(test_domu_gets_ports_up_to_1023_then_enospc),
        T(test_closing_everything_lets_allocation_start_over),
        T(test_lower_limit_keeps_bound_ports_and_stops_allocation),
        T(test_bind_virq_checks_in_xen_order),
        T(test_closing_a_virq_port_unbinds_the_virq),
        T(test_bind_interdomain_refusals),
        T(test_no_local_port_is_enospc_before_the_remote_check),
        T(test_self_bind_connects_both_ends_and_raises_the_new_port),
        T(test_closing_one_end_returns_the_peer_to_unbound),
        T(test_reset_leaves_peers_unbound_and_offered_to_us),
        T(test_send_by_state),
        T(test_status_writes_only_the_fields_of_the_state),
        T(test_bind_vcpu_by_state),
        T(test_close_clears_pending_and_keeps_the_mask),
        T(test_unmask_target_and_pirq_refusals),
#undef T
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
