/* SPDX-License-Identifier: MIT */
/*
 * start_hv(): from the boot stub to dom0's first instruction. Order
 * matters: console first (so failures can be seen), then memory, the CPU
 * tables, time, and finally dom0 from the first multiboot module.
 */
#include "arch/x86/cpu-init.h"
#include "arch/x86/cpu.h"
#include "arch/x86/multiboot.h"
#include "arch/x86/page.h"
#include "arch/x86/platform.h"
#include "console/console.h"
#include "console/serial.h"
#include "domain/dom0-build.h"
#include "domain/domain.h"
#include "lib/cmdline.h"
#include "hypercall/hc-stats.h"
#include "pv/ioport.h"
#include "mm/frame.h"
#include "sched/sched.h"
#include "sched/vcpu-timers.h"
#include "time/time.h"
#include "time/timer.h"
#include "time/vcpu-time.h"

#include <hv/compiler.h>
#include <string.h>

#define DEFAULT_DOM0_MEM (256UL << 20)

extern uint8_t boot_stack[], __image_end[];
char hv_cmdline[1024];
void enter_guest(struct hv_regs *regs) __noreturn;

static const char *mb_string(uint32_t pa)
{
    return pa ? maddr_to_virt(pa) : "";
}

/* Loaders put the image's own path first; options start after it. */
static const char *skip_image_name(const char *s)
{
    const char *p = s;

    while (*p && *p != ' ' && *p != '=')
        p++;
    if (*p == '=')
        return s;
    while (*p == ' ')
        p++;
    return p;
}

/* console=com1 (default) | com2 | none: where hv's log goes. */
static void console_init_from_options(void)
{
    char val[16] = "com1";

    cmdline_get(hv_cmdline, "console", val, sizeof(val));
    if (!strcmp(val, "none"))
        return;
    serial_init(!strcmp(val, "com2") ? 0x2F8 : 0x3F8);
    pv_io_reserve_console(!strcmp(val, "com2") ? 0x2F8 : 0x3F8);
    if (strcmp(val, "com1") && strcmp(val, "com2"))
        printk("console=%s: unknown console, using com1 (try com1, com2 "
               "or none)", val);
}

static void parse_options(void)
{
    char val[64];
    enum log_level lvl;

    if (cmdline_get(hv_cmdline, "loglvl", val, sizeof(val))) {
        if (console_parse_level(val, &lvl))
            printk("loglvl=%s: unknown level, keeping info", val);
        else
            console_set_level(lvl);
    }
}

static uint64_t dom0_mem_option(void)
{
    char val[64], *comma;
    uint64_t bytes;

    if (!cmdline_get(hv_cmdline, "dom0_mem", val, sizeof(val)))
        return DEFAULT_DOM0_MEM;
    /* Xen's form "64M,max:64M": the first part is the size. */
    comma = strchr(val, ',');
    if (comma)
        *comma = '\0';
    if (parse_size(val, &bytes) || bytes < (4UL << 20)) {
        printk("dom0_mem=%s: not a size of at least 4M, using %luM", val,
               DEFAULT_DOM0_MEM >> 20);
        return DEFAULT_DOM0_MEM;
    }
    return bytes;
}

/* The highest physical address the loader used: image, MBI, modules. */
static paddr_t loader_top(const struct multiboot_info *mbi)
{
    const struct multiboot_module *mods = maddr_to_virt(mbi->mods_addr);
    paddr_t top = virt_to_maddr(__image_end);

    for (uint32_t i = 0; (mbi->flags & MBI_MODULES) && i < mbi->mods_count;
         i++)
        top = MAX(top, (paddr_t)mods[i].mod_end);
    return top;
}

void __noreturn start_hv(uint32_t mbi_pa)
{
    const struct multiboot_info *mbi = maddr_to_virt(mbi_pa);
    const struct multiboot_module *mods;
    struct domain *d;

    if (mbi->flags & MBI_CMDLINE)
        strlcpy(hv_cmdline, skip_image_name(mb_string(mbi->cmdline)),
                sizeof(hv_cmdline));
    console_init_from_options();
    parse_options();
    hc_stats_init(hv_cmdline);
    printk("hv: thin x86_64 PV hypervisor, Xen PV ABI 3.0");
    printk("command line: %s", hv_cmdline);

    platform_init();
    time_init();
    mm_init(mbi, loader_top(mbi));
    cpu_init(0, boot_stack);
    timers_init();
    sched_init();
    wallclock_init();

    if (!(mbi->flags & MBI_MODULES) || mbi->mods_count == 0)
        panic("no dom0 kernel: boot with -initrd \"KERNEL [ARGS]\"");
    mods = maddr_to_virt(mbi->mods_addr);

    d = dom0_build(&(struct dom0_image){
        .kernel = maddr_to_virt(mods[0].mod_start),
        .kernel_size = mods[0].mod_end - mods[0].mod_start,
        .cmdline = mb_string(mods[0].cmdline),
        .module = mbi->mods_count > 1 ? maddr_to_virt(mods[1].mod_start)
                                      : NULL,
        .module_size = mbi->mods_count > 1
                           ? mods[1].mod_end - mods[1].mod_start : 0,
        .mem_bytes = dom0_mem_option(),
    });
    if (!d)
        panic("could not build dom0 (see the lines above)");

    vcpu_online(d->vcpu[0]);
    vcpu_set_periodic(d->vcpu[0], DEFAULT_PERIOD_NS);
    printk("boot: %lu us to dom0's first instruction",
           (unsigned long)(time_now_ns() / 1000));
    sched_maybe_switch();
    enter_guest(&get_cpu_info()->guest_regs);
}
