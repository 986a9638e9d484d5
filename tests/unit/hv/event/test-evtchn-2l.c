/* SPDX-License-Identifier: MIT */
/*
 * Tests of hv/event/evtchn-2l.c: the order of pending, mask, selector and
 * upcall flag, and when a vCPU needs a kick.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hv/event/evtchn-2l.h"

static struct shared_info si;
static struct vcpu_info *vi = &si.vcpu_info[0];

static int reset(void **state)
{
    (void)state;
    memset(&si, 0, sizeof(si));
    return 0;
}

static void mask(unsigned int port)
{
    si.evtchn_mask[port / 64] |= 1ULL << (port % 64);
}

/* What a guest's upcall handler does: take everything, clear it. */
static void guest_scan(void)
{
    vi->evtchn_upcall_pending = 0;
    vi->evtchn_pending_sel = 0;
    for (unsigned int w = 0; w < 64; w++)
        si.evtchn_pending[w] &= si.evtchn_mask[w];
}

static void test_raise_sets_pending_then_selector_then_upcall_and_kicks(
    void **state)
{
    (void)state;
    assert_int_equal(evtchn_2l_raise(&si, vi, 70),
                     EVTCHN_2L_NEWLY_PENDING | EVTCHN_2L_KICK);
    assert_true(evtchn_2l_is_pending(&si, 70));
    assert_int_equal(vi->evtchn_pending_sel, 1ULL << 1);
    assert_int_equal(vi->evtchn_upcall_pending, 1);
}

static void test_raise_of_a_pending_port_changes_nothing(void **state)
{
    (void)state;
    evtchn_2l_raise(&si, vi, 5);
    guest_scan();
    si.evtchn_pending[0] |= 1ULL << 5;     /* guest has not cleared it */
    assert_int_equal(evtchn_2l_raise(&si, vi, 5), 0);
    assert_int_equal(vi->evtchn_pending_sel, 0);
    assert_int_equal(vi->evtchn_upcall_pending, 0);
}

static void test_second_port_of_a_word_needs_no_second_kick(void **state)
{
    (void)state;
    evtchn_2l_raise(&si, vi, 1);
    assert_int_equal(evtchn_2l_raise(&si, vi, 2), EVTCHN_2L_NEWLY_PENDING);
    assert_int_equal(vi->evtchn_pending_sel, 1);
}

static void test_port_in_another_word_with_upcall_up_needs_no_kick(
    void **state)
{
    (void)state;
    evtchn_2l_raise(&si, vi, 1);
    assert_int_equal(evtchn_2l_raise(&si, vi, 4095),
                     EVTCHN_2L_NEWLY_PENDING);
    assert_int_equal(vi->evtchn_pending_sel, 1ULL | (1ULL << 63));
}

static void test_masked_port_records_pending_only(void **state)
{
    (void)state;
    mask(9);
    assert_int_equal(evtchn_2l_raise(&si, vi, 9), EVTCHN_2L_NEWLY_PENDING);
    assert_true(evtchn_2l_is_pending(&si, 9));
    assert_int_equal(vi->evtchn_pending_sel, 0);
    assert_int_equal(vi->evtchn_upcall_pending, 0);
}

static void test_event_raised_while_masked_arrives_once_after_unmask(
    void **state)
{
    (void)state;
    mask(200);
    evtchn_2l_raise(&si, vi, 200);
    evtchn_2l_raise(&si, vi, 200);
    assert_true(evtchn_2l_unmask(&si, vi, 200));
    assert_false(evtchn_2l_is_masked(&si, 200));
    assert_int_equal(vi->evtchn_pending_sel, 1ULL << 3);
    assert_int_equal(vi->evtchn_upcall_pending, 1);
    guest_scan();
    /* A second unmask finds nothing waiting. */
    assert_false(evtchn_2l_unmask(&si, vi, 200));
    assert_int_equal(vi->evtchn_upcall_pending, 0);
}

static void test_unmask_of_an_unmasked_pending_port_does_not_redeliver(
    void **state)
{
    (void)state;
    si.evtchn_pending[0] = 1ULL << 3;
    assert_false(evtchn_2l_unmask(&si, vi, 3));
    assert_int_equal(vi->evtchn_pending_sel, 0);
}

static void test_unmask_without_pending_only_clears_mask(void **state)
{
    (void)state;
    mask(64);
    assert_false(evtchn_2l_unmask(&si, vi, 64));
    assert_false(evtchn_2l_is_masked(&si, 64));
    assert_int_equal(vi->evtchn_upcall_pending, 0);
}

static void test_ports_beyond_4095_are_ignored(void **state)
{
    static const unsigned int ports[] = { 4096, 4097, 65536, 0xFFFFFFFFU };

    (void)state;
    for (size_t i = 0; i < sizeof(ports) / sizeof(ports[0]); i++) {
        assert_int_equal(evtchn_2l_raise(&si, vi, ports[i]), 0);
        assert_false(evtchn_2l_unmask(&si, vi, ports[i]));
        assert_false(evtchn_2l_is_pending(&si, ports[i]));
        assert_false(evtchn_2l_is_masked(&si, ports[i]));
        evtchn_2l_clear_pending(&si, ports[i]);
    }
    for (unsigned int w = 0; w < 64; w++)
        assert_int_equal(si.evtchn_pending[w], 0);
}

static void test_clear_pending_clears_only_that_port(void **state)
{
    (void)state;
    si.evtchn_pending[1] = 3;
    evtchn_2l_clear_pending(&si, 64);
    assert_int_equal(si.evtchn_pending[1], 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup(f, reset)
        T(test_raise_sets_pending_then_selector_then_upcall_and_kicks),
        T(test_raise_of_a_pending_port_changes_nothing),
        T(test_second_port_of_a_word_needs_no_second_kick),
        T(test_port_in_another_word_with_upcall_up_needs_no_kick),
        T(test_masked_port_records_pending_only),
        T(test_event_raised_while_masked_arrives_once_after_unmask),
        T(test_unmask_of_an_unmasked_pending_port_does_not_redeliver),
        T(test_unmask_without_pending_only_clears_mask),
        T(test_ports_beyond_4095_are_ignored),
        T(test_clear_pending_clears_only_that_port),
#undef T
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
