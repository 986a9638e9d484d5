/* SPDX-License-Identifier: MIT */
/* Legacy PIC masking and the ways to stop the machine QEMU understands. */
#include "arch/x86/platform.h"
#include "arch/x86/acpi.h"
#include "arch/x86/cpu.h"
#include "console/console.h"

/* SLP_EN with SLP_TYP 0: S5 on QEMU's PIIX4 and ICH9 ACPI blocks. */
#define PM1_SLP_EN     (1U << 13)

void platform_init(void)
{
    /* Remap the PICs away from exception vectors, then mask every line. */
    outb(0x20, 0x11); outb(0xA0, 0x11);
    outb(0x21, 0x20); outb(0xA1, 0x28);
    outb(0x21, 0x04); outb(0xA1, 0x02);
    outb(0x21, 0x01); outb(0xA1, 0x01);
    outb(0x21, 0xFF); outb(0xA1, 0xFF);
}

void machine_power_off(void)
{
    uint16_t port = acpi_pm1a_cnt_port();

    printk("powering off");
    local_irq_disable();
    if (port)
        outw(port, PM1_SLP_EN);
    /* Still here: no ACPI, or it did not listen. */
    printk("power off failed; halting");
    machine_halt();
}

void machine_reboot(void)
{
    printk("rebooting");
    local_irq_disable();
    outb(0xCF9, 0x02);
    outb(0xCF9, 0x06);
    outb(0x64, 0xFE);
    /* A triple fault resets the machine when nothing else did. */
    __asm__ __volatile__("lidt %0; int3" ::"m"((struct {
        uint16_t l; uint64_t b; } __attribute__((packed))){ 0, 0 }));
    machine_halt();
}

void machine_halt(void)
{
    local_irq_disable();
    for (;;)
        halt();
}
