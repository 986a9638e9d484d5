/* SPDX-License-Identifier: MIT */
/*
 * Pins start_info.cmd_line: the words after the kernel's name in the
 * first boot module's string, NUL-terminated, without the kernel path.
 * The runner boots this test as `-initrd "boot-cmdline.elf <args>"` with
 * the args from test.mk (QEMU splits modules at commas, so none here).
 */
#include <string.h>

#include "gk/boot.h"
#include "gk/test.h"

GK_TEST_INFO("boot-cmdline", "start_info.cmd_line carries dom0's arguments");

#define WANT "console=hvc0 root=/dev/xvda1 hv.test=a.b quiet"

int main(void)
{
    const char *cmd = (const char *)gk_start_info->cmd_line;

    gk_printf("cmd_line \"%.1024s\"\n", cmd);
    check(strnlen(cmd, MAX_GUEST_CMDLINE) < MAX_GUEST_CMDLINE,
          "cmd_line not NUL-terminated");
    check(strcmp(cmd, WANT) == 0, "cmd_line \"%s\", want \"%s\"", cmd, WANT);
    return 0;
}
