/* SPDX-License-Identifier: MIT */
/* sched_op (hypercall 29): yielding, blocking, polling and shutdown. */
#ifndef HV_ABI_SCHED_H
#define HV_ABI_SCHED_H

#include <stdint.h>

#define SCHEDOP_yield           0
#define SCHEDOP_block           1
#define SCHEDOP_shutdown        2   /* struct sched_shutdown */
#define SCHEDOP_poll            3   /* struct sched_poll */
#define SCHEDOP_remote_shutdown 4   /* struct sched_remote_shutdown */
#define SCHEDOP_shutdown_code   5   /* struct sched_shutdown */
#define SCHEDOP_watchdog        6   /* struct sched_watchdog */
#define SCHEDOP_pin_override    7

#define SHUTDOWN_poweroff    0
#define SHUTDOWN_reboot      1
#define SHUTDOWN_suspend     2
#define SHUTDOWN_crash       3
#define SHUTDOWN_watchdog    4
#define SHUTDOWN_soft_reset  5
#define SHUTDOWN_MAX         5

struct sched_shutdown {
    uint32_t reason;           /* IN: SHUTDOWN_* */
};

struct sched_poll {
    uint64_t ports;            /* IN: guest pointer to uint32_t ports[] */
    uint32_t nr_ports;         /* IN */
    uint64_t timeout;          /* IN: absolute system time, 0 = none */
};

struct sched_remote_shutdown {
    uint16_t domain_id;        /* IN */
    uint32_t reason;           /* IN: SHUTDOWN_* */
};

struct sched_watchdog {
    uint32_t id;               /* IN: 0 = new; OUT: the new id */
    uint32_t timeout;          /* IN: seconds, 0 = destroy */
};

#endif
