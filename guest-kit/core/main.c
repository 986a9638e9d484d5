/* SPDX-License-Identifier: MIT */
/*
 * Early C setup between head.S and the kernel's main(): record start_info,
 * make sure the hypercall page was filled, map shared_info, install the
 * trap table, then run main() and report its outcome.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "abi/console-io.h"
#include "abi/mmu.h"
#include "abi/sched.h"
#include "gk/boot.h"
#include "gk/console.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

struct start_info *gk_start_info;
struct shared_info *gk_shared_info;

/* A page of our image whose mapping is replaced by shared_info. */
static uint8_t shared_info_page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

/* Tests that do not name themselves get this. */
const struct gk_test_info gk_test_info __attribute__((weak)) = {
    .name = NULL, .purpose = NULL,
};

/*
 * Without a filled hypercall page nothing else works: say so with a raw
 * `syscall` (no page needed) and stop.
 */
static void check_hypercall_page(void)
{
    static const char msg[] =
        "guest-kit: hypercall page not filled\nTest result: ERROR: "
        "hypercall page not filled\n";
    struct sched_shutdown op = { .reason = SHUTDOWN_crash };

    if (hypercall_page[0] != 0xC3)
        return;
    gk_hypercall_raw(__HYPERVISOR_console_io, CONSOLEIO_write,
                     sizeof(msg) - 1, (unsigned long)msg, 0, 0);
    for (;;)
        gk_hypercall_raw(__HYPERVISOR_sched_op, SCHEDOP_shutdown,
                         (unsigned long)&op, 0, 0, 0);
}

/* Map shared_info over our page so vcpu_info (cr2, events) is readable. */
static void map_shared_info(void)
{
    uint64_t pte = gk_start_info->shared_info | PTE_P | PTE_RW | PTE_A |
                   PTE_D;

    if (HYPERVISOR_update_va_mapping((unsigned long)shared_info_page, pte,
                                     UVMF_INVLPG) == 0)
        gk_shared_info = (struct shared_info *)(void *)shared_info_page;
}

void gk_main_entry(struct start_info *si) __attribute__((noreturn));

void gk_main_entry(struct start_info *si)
{
    long rc;
    int ret;

    gk_start_info = si;
    check_hypercall_page();
    map_shared_info();

    rc = gk_traps_init();
    if (rc)
        test_error("set_trap_table failed: %ld", rc);

    if (gk_test_info.name)
        gk_printf("guest-kit test %s: %s\n", gk_test_info.name,
                  gk_test_info.purpose ? gk_test_info.purpose : "");

    ret = main();
    if (ret)
        test_fail("main returned %d", ret);
    test_pass();
}
