/* SPDX-License-Identifier: MIT */
/*
 * Invariant: events from a domU cost dom0 nothing it did not ask for. The
 * domU sends 100000 events on its interdomain channel to dom0 as fast as
 * it can; every send succeeds (sending to a pending port is not an
 * error), dom0 keeps running meanwhile (it counts its own wake-ups),
 * sees the port pending once, and the domU still shuts down normally.
 */
#include "abi/sched.h"
#include "gk/events.h"
#include "gk/test.h"
#include "gk/time.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("hostile-dom-event-flood", "an event storm from a domU");

int main(void)
{
    struct dom_run r;
    unsigned int reason = ~0U, naps = 0;
    uint64_t t0, end;

    dom_start(&r, 1024, "flood 100000");
    t0 = gk_system_time();
    dom_unpause(&r);
    end = t0 + 30000000000ULL;
    while (!dom_wait_shutdown(&r, 1, &reason) && gk_system_time() < end)
        naps++;
    check_eq(reason, SHUTDOWN_poweroff, "the domU's shutdown reason");
    gk_printf("flood over in %lu ms; dom0 ran %u times meanwhile\n",
              (gk_system_time() - t0) / 1000000, naps);
    check(naps > 0, "dom0 never ran during the flood");
    dom_check_reports(&r, 1);
    dom_stop(&r);
    return 0;
}
