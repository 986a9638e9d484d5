/* SPDX-License-Identifier: MIT */
/*
 * RSDP -> RSDT/XSDT -> FADT, for the PM1a control block that powers the
 * machine off. Tables are read through the direct map and checked for
 * length and checksum before use.
 */
#include "arch/x86/acpi.h"
#include "arch/x86/page.h"

#include <string.h>

#define FADT_PM1A_CNT_BLK 64       /* u32 I/O port in the FADT */

static bool checksum_ok(const uint8_t *p, size_t len)
{
    uint8_t sum = 0;

    for (size_t i = 0; i < len; i++)
        sum += p[i];
    return sum == 0;
}

static const uint8_t *find_rsdp(void)
{
    for (paddr_t pa = 0xE0000; pa < 0x100000; pa += 16) {
        const uint8_t *p = maddr_to_virt(pa);

        if (!memcmp(p, "RSD PTR ", 8) && checksum_ok(p, 20))
            return p;
    }
    return NULL;
}

/* A table header at pa if its length and checksum are sane. */
static const uint8_t *table_at(uint64_t pa, const char *sig)
{
    const uint8_t *t;
    uint32_t len;

    if (!pa || pa >= (1UL << 32))
        return NULL;
    t = maddr_to_virt(pa);
    memcpy(&len, t + 4, 4);
    if (len < 36 || len > (1U << 20) || (sig && memcmp(t, sig, 4)) ||
        !checksum_ok(t, len))
        return NULL;
    return t;
}

uint16_t acpi_pm1a_cnt_port(void)
{
    const uint8_t *rsdp = find_rsdp(), *rsdt;
    uint32_t rsdt_pa, len, port;

    if (!rsdp)
        return 0;
    memcpy(&rsdt_pa, rsdp + 16, 4);
    rsdt = table_at(rsdt_pa, "RSDT");
    if (!rsdt)
        return 0;
    memcpy(&len, rsdt + 4, 4);
    for (uint32_t off = 36; off + 4 <= len; off += 4) {
        uint32_t pa;
        const uint8_t *t;

        memcpy(&pa, rsdt + off, 4);
        t = table_at(pa, "FACP");
        if (t) {
            memcpy(&len, t + 4, 4);
            if (len < FADT_PM1A_CNT_BLK + 4)
                return 0;
            memcpy(&port, t + FADT_PM1A_CNT_BLK, 4);
            return port <= 0xFFFF ? port : 0;
        }
    }
    return 0;
}
