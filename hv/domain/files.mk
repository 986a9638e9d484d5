# SPDX-License-Identifier: MIT
hv-y += hv/domain/pv-elf.o
