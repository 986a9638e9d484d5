/* SPDX-License-Identifier: MIT */
/* vm_assist (hypercall 21): optional hypervisor behaviours a guest opts into. */
#ifndef HV_ABI_VM_ASSIST_H
#define HV_ABI_VM_ASSIST_H

#define VMASST_CMD_enable                0
#define VMASST_CMD_disable               1

#define VMASST_TYPE_4gb_segments         0
#define VMASST_TYPE_4gb_segments_notify  1
#define VMASST_TYPE_writable_pagetables  2
#define VMASST_TYPE_pae_extended_cr3     3
#define VMASST_TYPE_architectural_iopl   4
#define VMASST_TYPE_runstate_update_flag 5
#define VMASST_TYPE_m2p_strict          32
#define MAX_VMASST_TYPE                 32

#endif
