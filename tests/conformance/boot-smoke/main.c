/* SPDX-License-Identifier: MIT */
#include "gk/test.h"
int main(void)
{
    gk_printf("hello from guest-kit\n");
    return 0;
}
