/* SPDX-License-Identifier: MIT */
/* Descriptor validation for set_gdt and update_descriptor. */
#include "descriptor.h"

#define DESC_ACCESSED  (1ULL << 40)
#define DESC_S         (1ULL << 44)   /* code/data (1) or system (0) */
#define DESC_DPL_SHIFT 45
#define DESC_P         (1ULL << 47)
#define DESC_TYPE(d)   (((d) >> 40) & 0xF)

bool descriptor_check(uint64_t *desc, const char **why)
{
    uint64_t d = *desc;

    if (!(d & DESC_P))
        return true;
    if (d & DESC_S) {
        /* Guest code runs at CPL 3: DPL below 3 would be unusable or, for
         * conforming code, a way to share ring 0's privilege. */
        *desc = d | (3ULL << DESC_DPL_SHIFT) | DESC_ACCESSED;
        return true;
    }
    if (DESC_TYPE(d) == 0)
        return true;
    *why = DESC_TYPE(d) == 0xC ? "call gates are not supported"
                               : "system descriptor (TSS, LDT or gate)";
    return false;
}
