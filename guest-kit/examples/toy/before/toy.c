/* SPDX-License-Identifier: MIT */
/*
 * The toy kernel on bare metal (NOT BUILT: the "before" of
 * docs/porting.md; ../toy.c is the PV port). Same sections, same order,
 * same user program (../user.S):
 *
 *   1 console      outb to COM1
 *   2 interrupts   cli / sti
 *   3 timer        PIT at 100 Hz through the PIC, hlt to idle
 *   4 page tables  written in place, invlpg
 *   5 user mode    PTE_US pages, TSS rsp0, iretq to ring 3
 *   6 traps        an IDT: int $0x80 (DPL 3), #BP, #PF with cr2
 *   7 main
 *
 * printf-style formatting comes from the same freestanding libc
 * (guest-kit/libc), which needs no change in the port.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <format.h>

#define HZ          100
#define USER_BASE   0x0000010000000000UL
#define DEMO_BASE   0x0000000040000000UL
#define NR_DEMO     64
#define SYS_WRITE   1
#define SYS_SLEEP   2
#define SYS_TICKS   3
#define PAGE_SIZE   4096UL
#define PAGE_SHIFT  12

#define PTE_P    0x001UL
#define PTE_RW   0x002UL
#define PTE_US   0x004UL
#define PTE_A    0x020UL
#define PTE_D    0x040UL
#define PTE_ADDR_MASK 0x000FFFFFFFFFF000UL
#define X86_EFLAGS_IF 0x200UL

/* What the stubs in entry.S build; the PV port gets the same layout. */
struct trap_frame {
    uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
    uint64_t rax, rcx, rdx, rsi, rdi;
    uint64_t vector, error_code;
    uint64_t rip, cs, rflags, rsp, ss;
};

static inline void outb(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" :: "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
    uint8_t v;

    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

/* ------------------------------------------------------------ 1 console */

static void serial_write(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        while (!(inb(0x3F8 + 5) & 0x20))
            ;                       /* transmitter holding register empty */
        outb(0x3F8, (uint8_t)s[i]);
    }
}

static int kprintf(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnformat(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    serial_write(buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
    return n;
}

/* ----------------------------------------------- 2 interrupts on and off */

static unsigned int irq_save(void)
{
    uint64_t flags;

    __asm__ volatile("pushfq; popq %0; cli" : "=r"(flags) :: "memory");
    return (flags & X86_EFLAGS_IF) ? 0 : 1;     /* 1 = were disabled */
}

static void irq_restore(unsigned int flags)
{
    if (!flags)
        __asm__ volatile("sti" ::: "memory");
}

/* --------------------------------------------------------------- 3 timer */

static volatile uint64_t jiffies;

/* IRQ 0, vector 32: count, then tell the PIC we are done. */
static void timer_interrupt(void)
{
    jiffies++;
    outb(0x20, 0x20);                           /* EOI */
}

static void timer_init(void)
{
    uint16_t divisor = (uint16_t)(1193182 / HZ);

    /* Remap the PIC: IRQ 0-7 to vectors 32-39; unmask IRQ 0 only. */
    outb(0x20, 0x11);
    outb(0x21, 32);
    outb(0x21, 4);
    outb(0x21, 1);
    outb(0x21, 0xFE);
    outb(0xA1, 0xFF);
    /* PIT channel 0, rate generator, HZ interrupts a second. */
    outb(0x43, 0x34);
    outb(0x40, divisor & 0xFF);
    outb(0x40, divisor >> 8);
}

static void sleep_ticks(uint64_t n)
{
    uint64_t until = jiffies + n;

    while (jiffies < until) {
        irq_save();
        if (jiffies < until)
            __asm__ volatile("sti; hlt" ::: "memory");  /* atomic: sti shadow */
        irq_restore(0);
    }
}

/* --------------------------------------------------------- 4 page tables */

static uint8_t pool[24][PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static unsigned int pool_used;

static void *pool_page(void)
{
    return pool[pool_used++];       /* the toy never runs out */
}

static uint64_t read_cr3(void)
{
    uint64_t v;

    __asm__ volatile("mov %%cr3, %0" : "=r"(v));
    return v;
}

/* Identity-mapped: a table's physical address is its virtual address. */
static void map_page(uint64_t *root, uint64_t va, uint64_t pa,
                     uint64_t flags)
{
    uint64_t *table = root;

    for (int level = 3; level > 0; level--) {
        unsigned int idx = (va >> (PAGE_SHIFT + 9 * level)) & 511;

        if (!(table[idx] & PTE_P))
            table[idx] = (uint64_t)pool_page() | PTE_P | PTE_RW | PTE_US;
        table = (uint64_t *)(table[idx] & PTE_ADDR_MASK);
    }
    table[(va >> PAGE_SHIFT) & 511] = pa | flags | PTE_P | PTE_A | PTE_D;
    __asm__ volatile("invlpg (%0)" :: "r"(va) : "memory");
}

static void page_table_demo(void)
{
    uint64_t *root = (uint64_t *)(read_cr3() & PTE_ADDR_MASK);
    uint64_t *data = pool_page(), sum = 0;

    for (int i = 0; i < 512; i++)
        data[i] = (uint64_t)i;
    for (int i = 0; i < NR_DEMO; i++)
        map_page(root, DEMO_BASE + i * PAGE_SIZE, (uint64_t)data, PTE_RW);
    for (int i = 0; i < NR_DEMO; i++)
        sum += ((volatile uint64_t *)(DEMO_BASE + i * PAGE_SIZE))[i];
    kprintf("toy: mapped one page %d times, sum of diagonal %lu "
            "(want %d)\n", NR_DEMO, sum, NR_DEMO * (NR_DEMO - 1) / 2);
}

/* ------------------------------------------------------------ 5 user mode */

extern const char user_start[], user_end[];
extern uint64_t gdt_tss[2];
static uint8_t kernel_stack[4 * PAGE_SIZE] __attribute__((aligned(16)));
static struct __attribute__((packed)) {
    uint32_t reserved0;
    uint64_t rsp0, rsp1, rsp2;
    uint64_t reserved1, ist[7], reserved2;
    uint16_t reserved3, iomap_base;
} tss;

/* The TSS's rsp0 is the stack the CPU switches to on a trap from ring 3. */
static void tss_init(void)
{
    uint64_t base = (uint64_t)&tss, limit = sizeof(tss) - 1;

    tss.rsp0 = (uint64_t)kernel_stack + sizeof(kernel_stack);
    tss.iomap_base = sizeof(tss);
    gdt_tss[0] = (limit & 0xFFFF) | ((base & 0xFFFFFF) << 16) |
                 (0x89UL << 40) | (((base >> 24) & 0xFF) << 56);
    gdt_tss[1] = base >> 32;
    __asm__ volatile("ltr %w0" :: "r"(0x28));
}

/* One address space: user pages carry PTE_US, the kernel's do not. */
static uint64_t user_setup(void)
{
    uint64_t *root = (uint64_t *)(read_cr3() & PTE_ADDR_MASK);
    uint8_t *code = pool_page(), *stack = pool_page();

    memcpy(code, user_start, (size_t)(user_end - user_start));
    map_page(root, USER_BASE, (uint64_t)code, PTE_US);
    map_page(root, USER_BASE + PAGE_SIZE, (uint64_t)stack, PTE_US | PTE_RW);
    return USER_BASE + 2 * PAGE_SIZE;
}

/* An interrupt frame with ring-3 selectors, and iretq. */
static void enter_user(uint64_t rip, uint64_t rsp) __attribute__((noreturn));
static void enter_user(uint64_t rip, uint64_t rsp)
{
    __asm__ volatile("pushq $0x1B\n\t"          /* user data, RPL 3 */
                     "pushq %[rsp]\n\t"
                     "pushq %[rflags]\n\t"
                     "pushq $0x23\n\t"          /* user code, RPL 3 */
                     "pushq %[rip]\n\t"
                     "iretq"
                     :
                     : [rsp] "r"(rsp), [rflags] "r"(X86_EFLAGS_IF | 2),
                       [rip] "r"(rip)
                     : "memory");
    __builtin_unreachable();
}

/* ---------------------------------------------------------------- 6 traps */

struct idt_gate {
    uint16_t off0, sel;
    uint8_t ist, type_attr;
    uint16_t off1;
    uint32_t off2, zero;
};

static struct idt_gate idt[256];
extern char isr_3[], isr_13[], isr_14[], isr_32[], isr_128[];

static void set_gate(unsigned int vec, void *handler, unsigned int dpl)
{
    uint64_t a = (uint64_t)handler;

    idt[vec] = (struct idt_gate){
        .off0 = a & 0xFFFF, .sel = 0x08,
        .type_attr = (uint8_t)(0x8E | (dpl << 5)),    /* interrupt gate */
        .off1 = (a >> 16) & 0xFFFF, .off2 = (uint32_t)(a >> 32),
    };
}

static bool from_user(const struct trap_frame *f)
{
    return (f->cs & 3) == 3;
}

static bool syscall_trap(struct trap_frame *f)
{
    switch (f->rax) {
    case SYS_WRITE:
        if (f->rdi >= USER_BASE && f->rsi <= 256 &&
            f->rdi + f->rsi <= USER_BASE + 2 * PAGE_SIZE) {
            serial_write((const char *)f->rdi, f->rsi);
            f->rax = f->rsi;
        } else {
            f->rax = (uint64_t)-14;
        }
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

static bool breakpoint_trap(struct trap_frame *f)
{
    kprintf("toy: breakpoint in %s mode at %#lx, resuming\n",
            from_user(f) ? "user" : "kernel", f->rip);
    return true;
}

static bool page_fault_trap(struct trap_frame *f)
{
    uint64_t cr2;

    __asm__ volatile("mov %%cr2, %0" : "=r"(cr2));
    kprintf("toy: page fault in %s mode at rip %#lx: address %#lx, error "
            "%#lx\n", from_user(f) ? "user" : "kernel", f->rip, cr2,
            f->error_code);
    if (!from_user(f))
        return false;
    kprintf("toy: user program killed after %lu ticks; halting\n", jiffies);
    for (;;)
        __asm__ volatile("cli; hlt");
}

/* Called by isr_common with interrupts off (interrupt gates). */
void trap_dispatch(struct trap_frame *f);
void trap_dispatch(struct trap_frame *f)
{
    bool handled = false;

    switch (f->vector) {
    case 3:
        handled = breakpoint_trap(f);
        break;
    case 14:
        handled = page_fault_trap(f);
        break;
    case 32:
        timer_interrupt();
        handled = true;
        break;
    case 0x80:
        /* Let the timer tick while a system call sleeps. */
        irq_restore(0);
        handled = syscall_trap(f);
        break;
    }
    if (!handled) {
        kprintf("toy: unhandled vector %lu at %#lx\n", f->vector, f->rip);
        for (;;)
            __asm__ volatile("cli; hlt");
    }
}

static void traps_init(void)
{
    struct __attribute__((packed)) { uint16_t limit; uint64_t base; } p = {
        sizeof(idt) - 1, (uint64_t)idt,
    };

    set_gate(3, isr_3, 3);          /* int3 usable from ring 3 */
    set_gate(13, isr_13, 0);
    set_gate(14, isr_14, 0);
    set_gate(32, isr_32, 0);
    set_gate(0x80, isr_128, 3);     /* the system call gate */
    __asm__ volatile("lidt %0" :: "m"(p));
}

/* ----------------------------------------------------------------- 7 main */

void kmain(void);
void kmain(void)
{
    uint64_t user_sp;

    kprintf("\ntoy: hello (bare metal)\n");
    tss_init();
    traps_init();
    timer_init();
    irq_restore(0);                 /* sti */

    sleep_ticks(5);
    kprintf("toy: %lu ticks after 50 ms of sleep\n", jiffies);
    page_table_demo();

    user_sp = user_setup();
    kprintf("toy: entering user mode\n");
    enter_user(USER_BASE, user_sp);
}
