/* SPDX-License-Identifier: MIT */
/*
 * Pins event delivery in guest user mode (reference §6.5, §6.6): an event
 * sent while the kernel has upcalls masked is delivered as soon as the
 * iret hypercall enters user mode with IF set: the upcall switches to
 * kernel mode (the stack_switch stack, upcall mask 1) and the handler's
 * iret with the frame's ring-3 CS goes back to user mode, where the
 * user code sees the handler's work and its `syscall` reaches the
 * syscall callback (in kernel mode it would have been a hypercall).
 */
#include <string.h>

#include "gk/events.h"
#include "gk/test.h"
#include "gk/user.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-user-event", "event upcall from user mode and back");

/* User code: spin until *rdi != 0, then syscall. */
extern char user_wait[];
__asm__(".pushsection .text\n"
        "user_wait:\n"
        "    cmpq $0, (%rdi)\n"
        "    je user_wait\n"
        "    syscall\n"
        "    ud2\n"
        ".popsection");

static uint8_t user_stack[4096] __attribute__((aligned(16)));
static volatile uint64_t flag;
static volatile uint64_t handler_sp;

static void on_event(evtchn_port_t port, void *data)
{
    uint64_t sp;

    (void)port;
    (void)data;
    __asm__ volatile("mov %%rsp, %0" : "=r"(sp));
    handler_sp = sp;
    flag = 1;
}

int main(void)
{
    uint64_t top = gk_user_kernel_sp();
    unsigned int upcalls;
    struct gk_user u;
    long rc, port;

    rc = gk_user_init();
    if (rc)
        test_error("setup: gk_user_init: %ld", rc);
    check_rc(gk_user_set_syscall(0), 0, "syscall callback");
    port = gk_evtchn_bind_ipi(0);
    if (port < 0)
        test_error("setup: bind_ipi: %ld", port);
    gk_evtchn_set_handler((evtchn_port_t)port, on_event, NULL);

    check_eq(gk_vcpu_info->evtchn_upcall_mask, 1, "kernel runs masked");
    check_rc(gk_evtchn_send((evtchn_port_t)port), 0, "send while masked");
    check_eq(flag, 0, "nothing delivered while masked");
    upcalls = gk_nr_upcalls;

    memset(&u, 0, sizeof(u));
    u.regs.rip = (uint64_t)user_wait;
    u.regs.rsp = (uint64_t)user_stack + sizeof(user_stack);
    u.regs.rflags = X86_EFLAGS_MBS | X86_EFLAGS_IF;
    u.regs.rdi = (uint64_t)&flag;
    check_eq(gk_user_run(&u), GK_USER_SYSCALL, "user mode ended by syscall");
    check_eq(flag, 1, "the handler ran");
    check_eq(gk_nr_upcalls - upcalls, 1, "one upcall");
    check(handler_sp < top && handler_sp > top - 4 * 4096,
          "handler ran on the stack_switch stack (rsp %#lx, top %#lx)",
          handler_sp, top);
    check_eq(gk_vcpu_info->evtchn_upcall_mask, 1, "kernel masked again");
    return 0;
}
