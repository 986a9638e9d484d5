/* SPDX-License-Identifier: MIT */
/*
 * Port I/O of PV guests, as Xen allows it. A guest kernel runs at CPL 3
 * with IOPL 0, so every in/out faults; hv emulates it when the vCPU's
 * virtual IOPL (PHYSDEVOP_set_iopl) allows the mode it runs in. Then the
 * hardware domain reaches the machine's ports except those hv keeps (the
 * PICs, the PIT, port 0x61, 0x92, 0xF0 and hv's console UART), which read
 * as all ones and ignore writes, as any port does for other domains. PCI
 * configuration space goes through a per-domain copy of port 0xCF8, so a
 * guest cannot leave the real one pointing somewhere between its two
 * accesses. String forms (ins/outs) are not emulated.
 */
#include "pv/ioport.h"
#include "arch/x86/cpu.h"
#include "console/console.h"
#include "domain/domain.h"
#include "lib/spinlock.h"

#define PCI_CONF_ADDR   0xCF8
#define PCI_CONF_DATA   0xCFC
#define PCI_CONF_ENABLE 0x80000000U

struct port_range {
    uint16_t first, last;
};

/* Ports hv keeps, as Xen 4.17 keeps them from its dom0. */
static const struct port_range hv_ports[] = {
    { 0x20, 0x21 },     /* master PIC */
    { 0xA0, 0xA1 },     /* slave PIC */
    { 0x40, 0x43 },     /* PIT */
    { 0x61, 0x61 },     /* PIT channel 2 gate, speaker */
    { 0x92, 0x92 },     /* fast A20 and INIT */
    { 0xF0, 0xF0 },     /* IGNNE# */
};

static uint16_t console_port;
static struct spinlock pci_conf_lock;

void pv_io_reserve_console(uint16_t base)
{
    console_port = base;
}

bool pv_is_io_opcode(uint8_t op)
{
    return (op >= 0xE4 && op <= 0xE7) || (op >= 0xEC && op <= 0xEF);
}

/* Mode and virtual IOPL: kernel mode counts as ring 1, as on Xen. */
static bool iopl_allows(const struct vcpu *v)
{
    return v->iopl >= (v->in_kernel ? 1 : 3);
}

static bool port_is_hvs(uint16_t port)
{
    for (unsigned int i = 0; i < sizeof(hv_ports) / sizeof(hv_ports[0]); i++)
        if (port >= hv_ports[i].first && port <= hv_ports[i].last)
            return true;
    return console_port && port >= console_port && port <= console_port + 7;
}

/* Every port of [port, port + size) is the guest's to touch. */
static bool ports_permitted(const struct domain *d, uint16_t port,
                            unsigned int size)
{
    if (!is_privileged(d))
        return false;
    for (unsigned int i = 0; i < size; i++)
        if (port_is_hvs((uint16_t)(port + i)) || port + i > 0xFFFF)
            return false;
    return true;
}

static uint32_t hw_in(uint16_t port, unsigned int size)
{
    uint32_t val;

    switch (size) {
    case 1: val = inb(port); break;
    case 2: __asm__ __volatile__("inw %1, %w0" : "=a"(val) : "Nd"(port));
            val &= 0xFFFF; break;
    default: __asm__ __volatile__("inl %1, %0" : "=a"(val) : "Nd"(port));
    }
    return val;
}

static void hw_out(uint16_t port, unsigned int size, uint32_t val)
{
    switch (size) {
    case 1: outb(port, (uint8_t)val); break;
    case 2: outw(port, (uint16_t)val); break;
    default: outl(port, val);
    }
}

/* 0xCFC-0xCFF through the domain's 0xCF8: true if that is the port. */
static bool pci_conf_access(struct domain *d, uint16_t port, unsigned int size,
                            bool write, uint32_t *val)
{
    uint32_t addr = d->pci_cf8;

    if (port == PCI_CONF_ADDR && size == 4) {
        if (write)
            d->pci_cf8 = *val;
        else
            *val = d->pci_cf8;
        return true;
    }
    if (port < PCI_CONF_DATA || port + size > PCI_CONF_DATA + 4)
        return false;
    if (!is_privileged(d) || !(addr & PCI_CONF_ENABLE)) {
        if (!write)
            *val = 0xFFFFFFFFU;
        return true;
    }
    spin_lock(&pci_conf_lock);
    outl(PCI_CONF_ADDR, addr);
    if (write)
        hw_out(port, size, *val);
    else
        *val = hw_in(port, size);
    spin_unlock(&pci_conf_lock);
    return true;
}

static uint32_t port_read(struct domain *d, uint16_t port, unsigned int size)
{
    uint32_t val;

    if (pci_conf_access(d, port, size, false, &val))
        return val;
    if (!ports_permitted(d, port, size))
        return 0xFFFFFFFFU;
    return hw_in(port, size);
}

static void port_write(struct domain *d, uint16_t port, unsigned int size,
                       uint32_t val)
{
    if (pci_conf_access(d, port, size, true, &val))
        return;
    if (ports_permitted(d, port, size))
        hw_out(port, size, val);
}

unsigned int pv_emulate_io(struct vcpu *v, struct hv_regs *regs,
                           const uint8_t *code, bool opsize16)
{
    uint8_t op = code[0];
    bool has_imm = op <= 0xE7;
    uint16_t port = has_imm ? code[1] : (uint16_t)regs->rdx;
    unsigned int size = (op & 1) ? (opsize16 ? 2 : 4) : 1;
    bool is_out = op & 2;

    if (!iopl_allows(v))
        return 0;
    if (is_out) {
        port_write(v->domain, port, size, (uint32_t)regs->rax);
    } else {
        uint32_t val = port_read(v->domain, port, size);

        /* A 32-bit result clears the upper half; narrower ones merge. */
        if (size == 4)
            regs->rax = val;
        else if (size == 2)
            regs->rax = (regs->rax & ~0xFFFFUL) | (val & 0xFFFF);
        else
            regs->rax = (regs->rax & ~0xFFUL) | (val & 0xFF);
    }
    return has_imm ? 2 : 1;
}
