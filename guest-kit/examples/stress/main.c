/* SPDX-License-Identifier: MIT */
/*
 * `make run GUEST=stress`: ten seconds of threads, timers, heap and page
 * mapping at once, then the frames and heap in use compared with the
 * start. Powers off when done.
 */
#include "gk/console.h"
#include "gk/shutdown.h"
#include "stress.h"

int main(void)
{
    unsigned int problems = stress_run(10);

    gk_printf("stress: %s (%u problems)\n", problems ? "FAILED" : "passed",
              problems);
    gk_shutdown(problems ? SHUTDOWN_crash : SHUTDOWN_poweroff);
}
