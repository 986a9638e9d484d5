/* SPDX-License-Identifier: MIT */
/*
 * Pins the builder's refusals end to end: a kernel image that is not an
 * ELF (-ENOEXEC), one whose Xen notes are gone (-ENOEXEC), and memory too
 * small for the boot image (-ENOMEM) all fail gk_domu_build, which then
 * destroys the half-made domain: its id is gone (-ESRCH) and free_pages
 * is back where it was.
 */
#include <string.h>

#include "abi/elfnote.h"
#include "abi/errno.h"
#include "gk/build.h"
#include "gk/control.h"
#include "gk/test.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("dom-build-errors", "refused kernels leave nothing behind");

static uint8_t image[512 * 1024];

/* Make every "Xen" note name unrecognisable. */
static void drop_notes(uint8_t *p, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++)
        if (!memcmp(p + i, "Xen", 4))
            p[i] = 'Y';
}

int main(void)
{
    struct {
        const char *what;
        int corrupt;            /* 0 none, 1 magic, 2 notes */
        uint64_t nr_pages;
        long rc;
    } cases[] = {
        { "not an ELF", 1, 1024, -XEN_ENOEXEC },
        { "no Xen notes", 2, 1024, -XEN_ENOEXEC },
        { "too little memory", 0, 64, -XEN_ENOMEM },
    };
    const void *kernel;
    size_t size;
    long before = gk_free_pages(), after;

    kernel = gk_boot_module(&size);
    if (!kernel || size > sizeof(image))
        test_error("no domU kernel module, or too big (%lu)", size);
    for (unsigned int i = 0; i < 3; i++) {
        struct xen_domctl_getdomaininfo info;
        const char *why = "";
        struct gk_domu d;
        long rc;

        memcpy(image, kernel, size);
        if (cases[i].corrupt == 1)
            image[1] = 'X';
        else if (cases[i].corrupt == 2)
            drop_notes(image, size);
        rc = gk_domu_build(&d, image, size, cases[i].nr_pages, "", &why);
        gk_printf("%s: %ld (%s)\n", cases[i].what, rc, why);
        check_rc(rc, cases[i].rc, cases[i].what);
        check_rc(gk_domain_info(d.id, &info), -XEN_ESRCH,
                 "the refused domain is gone");
    }
    after = dom_free_pages_settled(before);
    check_eq(after, before, "free pages");
    return 0;
}
