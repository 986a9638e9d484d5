/* SPDX-License-Identifier: MIT */
/* The 16550 UART hv writes its console to. */
#ifndef HV_CONSOLE_SERIAL_H
#define HV_CONSOLE_SERIAL_H

#include <hv/types.h>

/* Program the UART at io_base for 115200 8n1; no interrupts. */
void serial_init(uint16_t io_base);
void serial_write(const char *s, size_t n);
/* Take one received byte if there is one; true if *c was set. */
bool serial_read(char *c);

#endif
