/* SPDX-License-Identifier: MIT */
/* Polled output on a 16550 UART (COM1 under QEMU). */
#include "console/serial.h"
#include "arch/x86/cpu.h"

#define UART_THR 0   /* transmit holding */
#define UART_IER 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_DLL 0
#define UART_DLM 1
#define LSR_THRE 0x20

static uint16_t uart_base;

void serial_init(uint16_t io_base)
{
    uart_base = io_base;
    outb(io_base + UART_IER, 0);
    outb(io_base + UART_LCR, 0x80);   /* DLAB to set the divisor */
    outb(io_base + UART_DLL, 1);      /* 115200 baud */
    outb(io_base + UART_DLM, 0);
    outb(io_base + UART_LCR, 0x03);   /* 8n1 */
    outb(io_base + UART_FCR, 0x07);   /* FIFOs on and cleared */
    outb(io_base + UART_MCR, 0x03);
}

static void serial_putc(char c)
{
    /* Bounded wait: a missing UART must not hang hv. */
    for (int i = 0; i < 100000; i++)
        if (inb(uart_base + UART_LSR) & LSR_THRE)
            break;
    outb(uart_base + UART_THR, (uint8_t)c);
}

void serial_write(const char *s, size_t n)
{
    if (!uart_base)
        return;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            serial_putc('\r');
        serial_putc(s[i]);
    }
}

bool serial_read(char *c)
{
    if (!uart_base || !(inb(uart_base + UART_LSR) & 0x01))
        return false;
    *c = (char)inb(uart_base + UART_THR);
    return true;
}
