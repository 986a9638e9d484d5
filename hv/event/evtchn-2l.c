/* SPDX-License-Identifier: MIT */
/*
 * The 2-level event protocol on shared_info. The order of the atomic
 * steps is what makes a guest's scan race-free: pending before selector
 * before upcall flag, so a guest that clears the flag and then swaps the
 * selector sees every port raised after that point.
 */
#include "evtchn-2l.h"

#include <abi/event-channel.h>

#define BITS_PER_WORD 64

static uint64_t bit_of(unsigned int port)
{
    return 1ULL << (port % BITS_PER_WORD);
}

/* Set a bit; true if it was already set. */
static bool test_and_set(uint64_t *word, uint64_t bit)
{
    return __atomic_fetch_or(word, bit, __ATOMIC_SEQ_CST) & bit;
}

static bool test_and_clear(uint64_t *word, uint64_t bit)
{
    return __atomic_fetch_and(word, ~bit, __ATOMIC_SEQ_CST) & bit;
}

static bool test(const uint64_t *word, uint64_t bit)
{
    return __atomic_load_n(word, __ATOMIC_SEQ_CST) & bit;
}

/*
 * Selector bit, then upcall flag; a kick is due only when the flag goes
 * from 0 to 1 (a vCPU with the flag already up has been kicked).
 */
static bool mark_word_pending(struct vcpu_info *vi, unsigned int port)
{
    unsigned int word = port / BITS_PER_WORD;

    if (test_and_set(&vi->evtchn_pending_sel, 1ULL << word))
        return false;
    return !__atomic_exchange_n(&vi->evtchn_upcall_pending, 1,
                                __ATOMIC_SEQ_CST);
}

unsigned int evtchn_2l_raise(struct shared_info *s, struct vcpu_info *vi,
                             unsigned int port)
{
    unsigned int word = port / BITS_PER_WORD;
    unsigned int done = EVTCHN_2L_NEWLY_PENDING;

    if (port >= EVTCHN_2L_NR_CHANNELS)
        return 0;
    if (test_and_set(&s->evtchn_pending[word], bit_of(port)))
        return 0;
    /* A masked port only records the event; unmask delivers it. */
    if (!test(&s->evtchn_mask[word], bit_of(port)) &&
        mark_word_pending(vi, port))
        done |= EVTCHN_2L_KICK;
    return done;
}

bool evtchn_2l_unmask(struct shared_info *s, struct vcpu_info *vi,
                      unsigned int port)
{
    unsigned int word = port / BITS_PER_WORD;

    if (port >= EVTCHN_2L_NR_CHANNELS)
        return false;
    /*
     * Only a port that was masked can hold an undelivered event: one that
     * was not has been delivered (or cleared) already.
     */
    if (!test_and_clear(&s->evtchn_mask[word], bit_of(port)))
        return false;
    if (!test(&s->evtchn_pending[word], bit_of(port)))
        return false;
    return mark_word_pending(vi, port);
}

void evtchn_2l_clear_pending(struct shared_info *s, unsigned int port)
{
    if (port < EVTCHN_2L_NR_CHANNELS)
        test_and_clear(&s->evtchn_pending[port / BITS_PER_WORD],
                       bit_of(port));
}

bool evtchn_2l_is_pending(const struct shared_info *s, unsigned int port)
{
    return port < EVTCHN_2L_NR_CHANNELS &&
           test(&s->evtchn_pending[port / BITS_PER_WORD], bit_of(port));
}

bool evtchn_2l_is_masked(const struct shared_info *s, unsigned int port)
{
    return port < EVTCHN_2L_NR_CHANNELS &&
           test(&s->evtchn_mask[port / BITS_PER_WORD], bit_of(port));
}
