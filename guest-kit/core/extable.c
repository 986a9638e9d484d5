/* SPDX-License-Identifier: MIT */
/* Exception-table lookup: fault address -> resume address. */
#include "gk/traps.h"

/* Pairs emitted by GK_EXTABLE(), gathered by guest.lds. */
struct extable_entry {
    uint64_t from, to;
};

extern const struct extable_entry __start_gk_extable[], __stop_gk_extable[];

uint64_t gk_extable_find(uint64_t rip)
{
    for (const struct extable_entry *e = __start_gk_extable;
         e < __stop_gk_extable; e++) {
        if (e->from == rip)
            return e->to;
    }
    return 0;
}
