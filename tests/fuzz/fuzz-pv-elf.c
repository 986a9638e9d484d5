/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for hv/domain/pv-elf.c: any byte string is a possible
 * dom0 or domU kernel image. Accepted images must satisfy the layout rules.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "hv/domain/pv-elf.h"

static int check_seg(void *ctx, uint64_t va, const void *src, uint64_t filesz,
                     uint64_t memsz)
{
    const struct pv_elf_info *info = ctx;
    volatile uint8_t sink = 0;

    if (va < info->kstart || memsz > info->kend - va || filesz > memsz)
        abort();
    /* Touch both ends of the source: ASan checks they are in the image. */
    if (filesz) {
        sink ^= ((const uint8_t *)src)[0];
        sink ^= ((const uint8_t *)src)[filesz - 1];
    }
    (void)sink;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct pv_elf_info info;
    const char *why = NULL;

    if (pv_elf_parse(data, size, &info, &why) != 0) {
        if (why == NULL || why[0] == '\0')
            abort();
        return 0;
    }
    if (info.virt_base > info.kstart || info.entry < info.kstart ||
        info.entry >= info.kend)
        abort();
    if (info.hypercall_page &&
        (info.hypercall_page & 0xFFF || info.hypercall_page < info.kstart ||
         info.hypercall_page >= info.kend))
        abort();
    if (info.init_p2m && info.init_p2m >= info.kstart &&
        info.init_p2m < info.kend)
        abort();
    if (pv_elf_for_each_load(data, size, &info, check_seg, &info) != 0)
        abort();
    return 0;
}
