/* SPDX-License-Identifier: MIT */
/* set_callbacks (4) and callback_op (30): guest entry points for upcalls. */
#ifndef HV_ABI_CALLBACK_H
#define HV_ABI_CALLBACK_H

#include <stdint.h>

#define CALLBACKTYPE_event                 0
#define CALLBACKTYPE_failsafe              1
#define CALLBACKTYPE_syscall               2
#define CALLBACKTYPE_sysenter_deprecated   3
#define CALLBACKTYPE_nmi                   4
#define CALLBACKTYPE_sysenter              5
#define CALLBACKTYPE_syscall32             7

#define _CALLBACKF_mask_events             0
#define CALLBACKF_mask_events              (1U << _CALLBACKF_mask_events)

#define CALLBACKOP_register                0
#define CALLBACKOP_unregister              1

struct callback_register {
    uint16_t type;             /* IN: CALLBACKTYPE_* */
    uint16_t flags;            /* IN: CALLBACKF_* */
    uint32_t _pad;
    uint64_t address;          /* IN: entry point */
};

struct callback_unregister {
    uint16_t type;             /* IN: CALLBACKTYPE_* */
    uint16_t _unused;
};

#endif
