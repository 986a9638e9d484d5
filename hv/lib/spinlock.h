/* SPDX-License-Identifier: MIT */
/* Ticket spinlocks. hv runs with interrupts off, so no irqsave variants yet. */
#ifndef HV_LIB_SPINLOCK_H
#define HV_LIB_SPINLOCK_H

#include <hv/types.h>

struct spinlock {
    volatile uint16_t next;
    volatile uint16_t owner;
};

#define DEFINE_SPINLOCK(name) struct spinlock name = { 0, 0 }

static inline void spin_lock(struct spinlock *l)
{
    uint16_t me = __atomic_fetch_add(&l->next, 1, __ATOMIC_ACQUIRE);

    while (__atomic_load_n(&l->owner, __ATOMIC_ACQUIRE) != me)
        __asm__ __volatile__("pause");
}

static inline void spin_unlock(struct spinlock *l)
{
    __atomic_store_n(&l->owner, (uint16_t)(l->owner + 1), __ATOMIC_RELEASE);
}

#endif
