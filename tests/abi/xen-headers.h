/* SPDX-License-Identifier: MIT */
/*
 * Xen 4.17's public headers (Debian's libxen-dev, /usr/include/xen) as
 * abi-check compares against them. Used nowhere else: hv, guest-kit and
 * backends include only abi/.
 */
#ifndef HV_TESTS_ABI_XEN_HEADERS_H
#define HV_TESTS_ABI_XEN_HEADERS_H

#include <stddef.h>
#include <stdint.h>

/* The 4.17 interface, with the tools-only parts (domctl, sysctl). */
#define __XEN_TOOLS__ 1
#define __XEN_INTERFACE_VERSION__ 0x00040e00

#include <xen/xen.h>
#include <xen/callback.h>
#include <xen/domctl.h>
#include <xen/elfnote.h>
#include <xen/errno.h>
#include <xen/event_channel.h>
#include <xen/features.h>
#include <xen/grant_table.h>
#include <xen/hvm/hvm_op.h>
#include <xen/io/blkif.h>
#include <xen/io/console.h>
#include <xen/io/netif.h>
#include <xen/io/ring.h>
#include <xen/io/xs_wire.h>
#include <xen/memory.h>
#include <xen/nmi.h>
#include <xen/physdev.h>
#include <xen/platform.h>
#include <xen/sched.h>
#include <xen/sysctl.h>
#include <xen/vcpu.h>
#include <xen/version.h>

#endif
