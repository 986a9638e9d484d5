/* SPDX-License-Identifier: MIT */
/*
 * Pins vm_assist for a 64-bit PV guest: enable and disable of every known
 * type (4gb_segments 0, 4gb_segments_notify 1, writable_pagetables 2,
 * pae_extended_cr3 3, architectural_iopl 4, runstate_update_flag 5,
 * m2p_strict 32) return 0; an unknown type returns -EINVAL; an unknown
 * command returns -ENOSYS.
 */
#include "abi/errno.h"
#include "abi/vm-assist.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("hcall-vm-assist", "vm_assist types and commands");

int main(void)
{
    static const unsigned int known[] = {
        VMASST_TYPE_4gb_segments, VMASST_TYPE_4gb_segments_notify,
        VMASST_TYPE_writable_pagetables, VMASST_TYPE_pae_extended_cr3,
        VMASST_TYPE_architectural_iopl, VMASST_TYPE_runstate_update_flag,
        VMASST_TYPE_m2p_strict,
    };
    static const unsigned int unknown[] = { 6, 7, 31, 33, 64, 0xFFFFFFFF };

    for (unsigned int i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
        gk_printf("type %u\n", known[i]);
        check_rc(HYPERVISOR_vm_assist(VMASST_CMD_enable, known[i]), 0,
                 "enable");
        check_rc(HYPERVISOR_vm_assist(VMASST_CMD_disable, known[i]), 0,
                 "disable");
    }
    for (unsigned int i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
        gk_printf("unknown type %u\n", unknown[i]);
        check_rc(HYPERVISOR_vm_assist(VMASST_CMD_enable, unknown[i]),
                 -XEN_EINVAL, "enable of an unknown type");
        check_rc(HYPERVISOR_vm_assist(VMASST_CMD_disable, unknown[i]),
                 -XEN_EINVAL, "disable of an unknown type");
    }
    check_rc(HYPERVISOR_vm_assist(2, VMASST_TYPE_writable_pagetables),
             -XEN_ENOSYS, "command 2");
    check_rc(HYPERVISOR_vm_assist(0xFFFFFFFF, 0), -XEN_ENOSYS,
             "command 0xffffffff");
    return 0;
}
