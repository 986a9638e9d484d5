/* SPDX-License-Identifier: MIT */
/*
 * The toy kernel, ported to the PV interface: `make run GUEST=toy`. The
 * bare-metal original is before/toy.c (not built); docs/porting.md walks
 * through the port section by section, in the same order as this file.
 *
 * It says hello, counts 10 ms timer ticks, maps pages into its own page
 * tables, then runs a user program (user.S) that makes system calls with
 * int $0x80, sleeps, hits a breakpoint and finally faults on kernel
 * memory, which ends the toy.
 *
 * Boot entry, ELF notes, the hypercall page and the trap stubs come from
 * guest-kit (arch/x86/head.S, entry.S); the rest is the toy's own.
 */
#include <string.h>

#include "abi/event-channel.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "abi/pv64.h"
#include "abi/sched.h"
#include "abi/vcpu.h"
#include "gk/boot.h"
#include "gk/console.h"
#include "gk/events.h"
#include "gk/hv.h"
#include "gk/hypercall.h"
#include "gk/mmu-batch.h"
#include "gk/pagetable.h"
#include "gk/shutdown.h"
#include "gk/time.h"
#include "gk/traps.h"
#include "gk/x86.h"

#define HZ          100
#define TICK_NS     (1000000000ULL / HZ)
#define USER_BASE   0x0000010000000000UL   /* L4 slot 2 */
#define DEMO_BASE   0x0000000040000000UL   /* 1 GiB: free in the boot L3 */
#define NR_DEMO     64
#define SYS_WRITE   1
#define SYS_SLEEP   2
#define SYS_TICKS   3

/* ------------------------------------------------------------ 1 console */

/* Before: outb to the UART. After: the console_io hypercall (dom0). */
#define kprintf gk_printf

/* ----------------------------------------------- 2 interrupts on and off */

/* Before: cli / sti. After: the upcall mask in vcpu_info (gk/events.h). */
static unsigned int irq_save(void)
{
    return gk_local_irq_save();
}

static void irq_restore(unsigned int flags)
{
    gk_local_irq_restore(flags);
}

/* --------------------------------------------------------------- 3 timer */

static volatile uint64_t jiffies;
static uint64_t next_tick;

/*
 * Before: IRQ 0 from the PIT at 100 Hz, then an EOI to the PIC. After:
 * VIRQ_TIMER from the one-shot timer, re-armed for the next 10 ms
 * boundary; clearing the port's pending bit (done by the upcall's scan)
 * is the EOI.
 */
static void timer_event(evtchn_port_t port, void *data)
{
    uint64_t now = gk_system_time();

    (void)port;
    (void)data;
    while (next_tick <= now) {
        jiffies++;
        next_tick += TICK_NS;
    }
    HYPERVISOR_set_timer_op(next_tick);
}

static void timer_init(void)
{
    long port = gk_evtchn_bind_virq(VIRQ_TIMER, 0);

    if (port < 0) {
        kprintf("toy: bind VIRQ_TIMER: %ld\n", port);
        gk_shutdown(SHUTDOWN_crash);
    }
    gk_evtchn_set_handler((evtchn_port_t)port, timer_event, NULL);
    /* The default 10 ms tick stops while we block: use the one-shot. */
    HYPERVISOR_vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL);
    next_tick = gk_system_time() + TICK_NS;
    HYPERVISOR_set_timer_op(next_tick);
}

/* Before: sti; hlt. After: SCHEDOP_block, which enables events too. */
static void sleep_ticks(uint64_t n)
{
    uint64_t until = jiffies + n;

    while (jiffies < until) {
        irq_save();
        if (jiffies < until)
            HYPERVISOR_sched_op(SCHEDOP_block, NULL);
        irq_restore(0);
    }
}

/* --------------------------------------------------------- 4 page tables */

/* Pages for tables and user memory, from the kernel's own .bss. */
static uint8_t pool[24][PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static unsigned int pool_used;

static void *pool_page(void)
{
    if (pool_used == sizeof(pool) / sizeof(pool[0])) {
        kprintf("toy: out of pages\n");
        gk_shutdown(SHUTDOWN_crash);
    }
    return pool[pool_used++];
}

/* Before: PA = VA. After: machine frames via the P2M, and back via M2P. */
static uint64_t virt_to_mfn(const void *va)
{
    return gk_virt_to_ma(va) >> PAGE_SHIFT;
}

static uint64_t *mfn_to_virt(uint64_t mfn)
{
    return (uint64_t *)(gk_m2p[mfn] << PAGE_SHIFT);
}

/*
 * A new table page. After the port it must not stay writable anywhere:
 * remap our own view of it read-only before the hypervisor types it.
 */
static uint64_t *new_table(void)
{
    uint64_t *t = pool_page();

    if (HYPERVISOR_update_va_mapping((unsigned long)t,
                                     gk_virt_to_ma(t) | PTE_P | PTE_A,
                                     UVMF_INVLPG)) {
        kprintf("toy: cannot make a table read-only\n");
        gk_shutdown(SHUTDOWN_crash);
    }
    return t;
}

/*
 * Map frame mfn at va under root, making missing tables. Before: plain
 * stores into the tables. After: every store becomes a request queued in
 * the batch b (the tables are read-only to us), issued by the caller.
 */
static void map_page(struct gk_mmu_batch *b, uint64_t *root, uint64_t va,
                     uint64_t mfn, uint64_t flags)
{
    uint64_t *table = root;

    for (int level = 3; level > 0; level--) {
        unsigned int idx = (va >> (PAGE_SHIFT + 9 * level)) & 511;
        uint64_t *next;

        if (table[idx] & PTE_P) {
            table = mfn_to_virt((table[idx] & PTE_ADDR_MASK) >> PAGE_SHIFT);
            continue;
        }
        next = new_table();
        /* Link it now: the next level's requests need it validated. */
        gk_mmu_batch_pte(b, virt_to_mfn(table), idx,
                         (virt_to_mfn(next) << PAGE_SHIFT) | PTE_P | PTE_RW |
                             PTE_US | PTE_A);
        gk_mmu_batch_submit(b);
        table = next;
    }
    gk_mmu_batch_pte(b, virt_to_mfn(table), (va >> PAGE_SHIFT) & 511,
                     (mfn << PAGE_SHIFT) | flags | PTE_P | PTE_A | PTE_D);
}

static void page_table_demo(void)
{
    uint64_t *root = (uint64_t *)gk_start_info->pt_base;
    uint64_t *data = pool_page(), sum = 0;
    struct gk_mmu_batch b;
    long rc;

    /* One frame at 64 consecutive VAs: 64 requests, about one hypercall. */
    for (int i = 0; i < 512; i++)
        data[i] = (uint64_t)i;
    gk_mmu_batch_init(&b);
    for (int i = 0; i < NR_DEMO; i++)
        map_page(&b, root, DEMO_BASE + i * PAGE_SIZE, virt_to_mfn(data),
                 PTE_RW);
    rc = gk_mmu_batch_submit(&b);
    for (int i = 0; i < NR_DEMO; i++)
        sum += ((volatile uint64_t *)(DEMO_BASE + i * PAGE_SIZE))[i];
    kprintf("toy: mapped one page %d times (rc %ld), sum of diagonal %lu "
            "(want %d)\n", NR_DEMO, rc, sum, NR_DEMO * (NR_DEMO - 1) / 2);
}

/* ------------------------------------------------------------ 5 user mode */

extern const char user_start[], user_end[];
static uint64_t *user_root;
static uint8_t kernel_stack[4 * PAGE_SIZE] __attribute__((aligned(16)));

/*
 * Before: one page table; user pages carry PTE_US, kernel pages do not.
 * After: user mode gets its own top-level table holding only user pages
 * (PV kernels run in ring 3 too, so PTE_US hides nothing). User pages go
 * in both tables, so system calls can read user memory.
 */
static uint64_t user_setup(void)
{
    uint64_t *kernel_root = (uint64_t *)gk_start_info->pt_base;
    uint8_t *code = pool_page(), *stack = pool_page();
    struct gk_mmu_batch b;
    struct mmuext_op op[2] = {
        { .cmd = MMUEXT_PIN_L4_TABLE },
        { .cmd = MMUEXT_NEW_USER_BASEPTR },
    };

    memcpy(code, user_start, (size_t)(user_end - user_start));
    user_root = new_table();
    gk_mmu_batch_init(&b);
    for (int i = 0; i < 2; i++) {
        uint64_t *root = i ? user_root : kernel_root;

        map_page(&b, root, USER_BASE, virt_to_mfn(code), PTE_US);
        map_page(&b, root, USER_BASE + PAGE_SIZE, virt_to_mfn(stack),
                 PTE_US | PTE_RW);
    }
    gk_mmu_batch_submit(&b);
    op[0].arg1.mfn = op[1].arg1.mfn = virt_to_mfn(user_root);
    HYPERVISOR_mmuext_op(op, 2, NULL, DOMID_SELF);
    /* Before: the TSS's rsp0. After: the stack bounces from ring 3 use. */
    HYPERVISOR_stack_switch(FLAT_KERNEL_SS,
                            (unsigned long)kernel_stack +
                                sizeof(kernel_stack));
    return USER_BASE + 2 * PAGE_SIZE;
}

/*
 * Before: push an interrupt frame with ring-3 selectors and iretq. After:
 * the same frame plus a flags word, handed to the iret hypercall, which
 * switches to the user table and to ring 3 user mode.
 */
static void enter_user(uint64_t rip, uint64_t rsp) __attribute__((noreturn));
static void enter_user(uint64_t rip, uint64_t rsp)
{
    __asm__ volatile("pushq %[ss]\n\t"
                     "pushq %[rsp]\n\t"
                     "pushq %[rflags]\n\t"
                     "pushq %[cs]\n\t"
                     "pushq %[rip]\n\t"
                     "pushq $0\n\t"           /* flags: a full iret */
                     "jmp hypercall_page + %c[iret] * 32"
                     :
                     : [ss] "r"((uint64_t)FLAT_USER_SS),
                       [rsp] "r"(rsp),
                       [rflags] "r"((uint64_t)(X86_EFLAGS_IF |
                                               X86_EFLAGS_MBS)),
                       [cs] "r"((uint64_t)FLAT_USER_CS),
                       [rip] "r"(rip),
                       [iret] "i"(__HYPERVISOR_iret)
                     : "memory");
    __builtin_unreachable();
}

/* ---------------------------------------------------------------- 6 traps */

static unsigned int nr_syscalls, nr_breakpoints;

static bool from_user(const struct gk_trap_frame *f)
{
    return (f->cs & 3) == 3;
}

/*
 * int $0x80. Before: an IDT gate with DPL 3. After: a trap_info entry
 * with DPL 3 (gk_trap_set_vector); the frame is the same.
 */
static bool syscall_trap(struct gk_trap_frame *f)
{
    nr_syscalls++;
    switch (f->rax) {
    case SYS_WRITE:
        if (f->rdi >= USER_BASE && f->rsi <= 256 &&
            f->rdi + f->rsi <= USER_BASE + 2 * PAGE_SIZE)
            f->rax = (uint64_t)gk_console_write((const char *)f->rdi,
                                                f->rsi);
        else
            f->rax = (uint64_t)-14;
        break;
    case SYS_SLEEP:
        sleep_ticks(f->rdi);
        f->rax = 0;
        break;
    case SYS_TICKS:
        f->rax = jiffies;
        break;
    default:
        f->rax = (uint64_t)-38;
    }
    return true;
}

static bool breakpoint_trap(struct gk_trap_frame *f)
{
    nr_breakpoints++;
    kprintf("toy: breakpoint in %s mode at %#lx, resuming\n",
            from_user(f) ? "user" : "kernel", f->rip);
    return true;    /* rip is already past the int3 */
}

/*
 * The end of the toy: the user program faulted. The conformance test
 * trap-gk-toy-user links the toy with its own version, which checks
 * what happened instead of just powering off.
 */
void toy_finished(const struct gk_trap_frame *f, uint64_t cr2,
                  uint64_t ticks, unsigned int syscalls,
                  unsigned int breakpoints) __attribute__((weak, noreturn));
void toy_finished(const struct gk_trap_frame *f, uint64_t cr2,
                  uint64_t ticks, unsigned int syscalls,
                  unsigned int breakpoints)
{
    (void)f;
    (void)cr2;
    kprintf("toy: user program killed after %lu ticks, %u system calls, "
            "%u breakpoints; powering off\n", ticks, syscalls, breakpoints);
    gk_shutdown(SHUTDOWN_poweroff);
}

/* Before: cr2 from the register. After: from vcpu_info.arch.cr2. */
static bool page_fault_trap(struct gk_trap_frame *f)
{
    uint64_t cr2 = gk_shared_info->vcpu_info[0].arch.cr2;

    kprintf("toy: page fault in %s mode at rip %#lx: address %#lx, error "
            "%#lx\n", from_user(f) ? "user" : "kernel", f->rip, cr2,
            f->error_code);
    if (!from_user(f))
        return false;    /* guest-kit dumps the registers and stops */
    toy_finished(f, cr2, jiffies, nr_syscalls, nr_breakpoints);
}

static void traps_init(void)
{
    /* guest-kit installed stubs for 0-31; add the system call gate. */
    gk_trap_set_vector(0x80, 3);
    gk_trap_set_hook(0x80, syscall_trap);
    gk_trap_set_hook(X86_EXC_BP, breakpoint_trap);
    gk_trap_set_hook(X86_EXC_PF, page_fault_trap);
}

/* ----------------------------------------------------------------- 7 main */

int main(void)
{
    uint64_t user_sp;

    kprintf("\ntoy: hello (PV port, on %s)\n", gk_hv_name());
    traps_init();
    gk_events_init();       /* the event callback: the new interrupt entry */
    timer_init();
    irq_restore(0);         /* "sti" */

    sleep_ticks(5);
    kprintf("toy: %lu ticks after 50 ms of sleep\n", jiffies);
    page_table_demo();

    user_sp = user_setup();
    kprintf("toy: entering user mode\n");
    enter_user(USER_BASE, user_sp);
}
