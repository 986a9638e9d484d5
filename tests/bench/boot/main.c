/* SPDX-License-Identifier: MIT */
/*
 * Boot figures of a guest-kit kernel: the TSC at its first instruction
 * and at main() (instructions since power-on under icount, firmware
 * included) and the system time at main() that the hypervisor publishes
 * in vcpu_time_info (ns since its own time zero, which each hypervisor
 * picks differently: compare the TSC figures, not this one).
 */
#include "gk/time.h"
#include "tests/bench/lib/bench.h"

extern uint64_t bench_entry_tsc;

int main(void)
{
    uint64_t tsc = bench_tsc(), now = gk_system_time();

    bench_init("boot");
    bench_report_value("boot_entry", "insns", bench_entry_tsc);
    bench_report_value("boot_main", "insns", tsc);
    bench_report_value("boot_main_systime", "ns", now);
    bench_end();
}
