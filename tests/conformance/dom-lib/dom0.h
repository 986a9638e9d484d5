/* SPDX-License-Identifier: MIT */
/*
 * The dom0 side of the dom-* tests: build the domU kernel the runner
 * passed as the second boot module (dom-lib/domu.c), read what it
 * reports on its console ring, wait for it, tear it down.
 */
#ifndef DOM_LIB_DOM0_H
#define DOM_LIB_DOM0_H

#include <stdbool.h>
#include <stdint.h>

#include "gk/build.h"
#include "ring.h"

struct dom_run {
    struct gk_domu d;
    struct dom_ring *ring;     /* its console page, mapped here */
    evtchn_port_t con_local;   /* our end of its console port */
    uint64_t t_start, t_built, t_main; /* system time, ns */
    unsigned int nr_ok, nr_fail;
    bool done;                 /* it said "done" */
    char line[200];            /* the line being assembled */
    unsigned int line_len;
};

/*
 * Create and build a domU of nr_pages running `cmdline`, map its console
 * ring and bind its console port; it stays paused. Ends the test in SKIP
 * on hv if hv refuses what building needs (the reason printed), in ERROR
 * otherwise.
 */
void dom_start(struct dom_run *r, uint64_t nr_pages, const char *cmdline);

/*
 * Send the domU one command line (a "grant" job's, dom-lib/domu-grant.c)
 * on its console ring's in direction and wait up to 5 s for its "did"
 * line; returns what follows "did ", valid until the next call. ERROR
 * if it never comes.
 */
const char *dom_do(struct dom_run *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The next number of a dom_do answer (decimal or 0x-hex); *s moves on. */
uint64_t dom_arg(const char **s);

/* Unpause; ERROR if refused. */
void dom_unpause(struct dom_run *r);

/* Take what the domU wrote: print lines as "dN: ...", count checks. */
void dom_pump(struct dom_run *r);

/*
 * Pump until a line starting with prefix arrived (true), the domain shut
 * down, or timeout_ms passed (false).
 */
bool dom_wait_line(struct dom_run *r, const char *prefix,
                   unsigned int timeout_ms);

/*
 * Wait until the domain shows XEN_DOMINF_shutdown (true, *reason set)
 * or timeout_ms passes.
 */
bool dom_wait_shutdown(struct dom_run *r, unsigned int timeout_ms,
                       unsigned int *reason);

/* Unmap the ring, close our port, destroy the domain. */
void dom_stop(struct dom_run *r);

/* VIRQ_DOM_EXC, bound on first use; its port. */
evtchn_port_t dom_exc_port(void);

/* Machine free pages, settled: polls until want (or a while passes). */
long dom_free_pages_settled(long want);

/* The domU's own reports as test checks: every FAIL line fails the test. */
void dom_check_reports(struct dom_run *r, unsigned int min_ok);

#endif
