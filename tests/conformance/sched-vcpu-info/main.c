/* SPDX-License-Identifier: MIT */
/*
 * Pins VCPUOP_register_vcpu_info: an offset that would cross the end of
 * the page or a misaligned one is -ENXIO; a frame that is not the
 * guest's is refused;
 * moving vCPU 0's vcpu_info to offset 128 of one of our pages returns 0,
 * carries the upcall mask over, and from then on the hypervisor keeps the
 * time record there (its version is even and system time advances); a
 * second registration is -EINVAL.
 */
#include "abi/errno.h"
#include "abi/vcpu.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "gk/time.h"

GK_TEST_INFO("sched-vcpu-info", "register_vcpu_info");

static uint8_t page[4096] __attribute__((aligned(4096)));

int main(void)
{
    struct vcpu_register_vcpu_info r;
    volatile struct vcpu_info *vi = (void *)(page + 128);
    struct vcpu_time_info t;
    uint64_t mfn = gk_mm_va_to_mfn((uint64_t)page), now0, now1;
    long rc;

    gk_shared_info->vcpu_info[0].evtchn_upcall_mask = 1;

    r = (struct vcpu_register_vcpu_info){ mfn, 4096 - 32, 0 };
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_register_vcpu_info, 0, &r),
             -XEN_ENXIO, "an offset crossing the page end");
    r = (struct vcpu_register_vcpu_info){ mfn, 3, 0 };
    rc = HYPERVISOR_vcpu_op(VCPUOP_register_vcpu_info, 0, &r);
    check_rc(rc, -XEN_ENXIO, "a misaligned offset");
    r = (struct vcpu_register_vcpu_info){ 0x7FFFFFFFFUL, 0, 0 };
    rc = HYPERVISOR_vcpu_op(VCPUOP_register_vcpu_info, 0, &r);
    check(rc < 0, "a frame beyond RAM: %ld", rc);

    r = (struct vcpu_register_vcpu_info){ mfn, 128, 0 };
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_register_vcpu_info, 0, &r), 0,
             "register at offset 128");
    check_eq(vi->evtchn_upcall_mask, 1, "upcall mask carried over");
    gk_time_snapshot(&vi->time, &t);
    check_eq(t.version & 1, 0, "time version even");
    check(t.tsc_to_system_mul != 0, "no time record in the new place");
    now0 = gk_time_at(&t, gk_rdtsc());
    for (volatile int i = 0; i < 100000; i++)
        ;
    gk_time_snapshot(&vi->time, &t);
    now1 = gk_time_at(&t, gk_rdtsc());
    check(now1 > now0, "system time from the new record: %lu then %lu",
          now0, now1);

    check_rc(HYPERVISOR_vcpu_op(VCPUOP_register_vcpu_info, 0, &r),
             -XEN_EINVAL, "a second registration");
    return 0;
}
