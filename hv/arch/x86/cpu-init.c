/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU descriptor tables and entry points. Each CPU's GDT is a 16-page
 * window (PERCPU_GDT_VIRT): pages 0-13 show the running vCPU's GDT frames,
 * page 14 is hv's reserved page with the flat selectors of the ABI.
 */
#include "arch/x86/cpu-init.h"
#include "arch/x86/cpu.h"
#include "arch/x86/page.h"
#include "arch/x86/regs.h"
#include "console/console.h"
#include "domain/domain.h"
#include "mm/frame.h"
#include "mm/hv-pagetable.h"

#include <abi/pv64.h>
#include <hv/compiler.h>
#include <string.h>

struct tss64 {
    uint32_t rsvd0;
    uint64_t rsp[3];
    uint64_t rsvd1;
    uint64_t ist[7];
    uint64_t rsvd2;
    uint16_t rsvd3;
    uint16_t iomap_base;
} __attribute__((packed, aligned(16)));

struct idt_gate {
    uint16_t off_lo, sel;
    uint8_t ist, type;
    uint16_t off_mid;
    uint32_t off_hi, rsvd;
};

#define IST_DF  1
#define IST_NMI 2
#define IST_MC  3
#define IST_DB  4

struct percpu_tables {
    uint8_t gdt_page[PAGE_SIZE] __aligned(PAGE_SIZE);
    struct tss64 tss;
    uint8_t syscall_stub[64] __aligned(64);
    uint8_t syscall32_stub[64] __aligned(64);
};

static struct percpu_tables percpu[NR_CPUS];
static struct idt_gate idt[256] __aligned(16);
extern const uint8_t trap_stubs[];
extern void syscall_entry(void), syscall32_entry(void);

struct cpu_info *get_cpu_info(void)
{
    unsigned long sp;

    __asm__("mov %%rsp, %0" : "=r"(sp));
    return (struct cpu_info *)((sp | (STACK_SIZE - 1)) + 1 -
                               sizeof(struct cpu_info));
}

static void set_gate(unsigned int vec, unsigned int dpl, unsigned int ist)
{
    unsigned long a = (unsigned long)trap_stubs + 16 * vec;

    idt[vec] = (struct idt_gate){
        .off_lo = a & 0xFFFF, .sel = HV_CS, .ist = ist,
        .type = 0x8E | (dpl << 5),  /* present 64-bit interrupt gate */
        .off_mid = (a >> 16) & 0xFFFF, .off_hi = a >> 32,
    };
}

static void idt_init(void)
{
    for (unsigned int v = 0; v < 256; v++)
        set_gate(v, 0, 0);
    /* int3 and into from the guest reach #BP/#OF directly, as on Xen. */
    set_gate(3, 3, 0);
    set_gate(4, 3, 0);
    /* int $0x80 reaches the guest's handler whatever its DPL, as on Xen. */
    set_gate(0x80, 3, 0);
    set_gate(1, 0, IST_DB);
    set_gate(2, 0, IST_NMI);
    set_gate(8, 0, IST_DF);
    set_gate(18, 0, IST_MC);
}

static void write_gdt_entry(uint8_t *page, unsigned int sel, uint64_t desc)
{
    memcpy(page + (sel & 0xFF8) , &desc, 8);
}

static void gdt_init(struct percpu_tables *t)
{
    unsigned long tss = (unsigned long)&t->tss;
    uint64_t lim = sizeof(t->tss) - 1;

    write_gdt_entry(t->gdt_page, HV_CS, 0x00AF9B000000FFFFUL);
    write_gdt_entry(t->gdt_page, HV_DS, 0x00CF93000000FFFFUL);
    write_gdt_entry(t->gdt_page, FLAT_RING3_CS32, 0x00CFFB000000FFFFUL);
    write_gdt_entry(t->gdt_page, FLAT_RING3_SS32, 0x00CFF3000000FFFFUL);
    write_gdt_entry(t->gdt_page, FLAT_RING3_CS64, 0x00AFFB000000FFFFUL);
    /* 16-byte available 64-bit TSS descriptor. */
    write_gdt_entry(t->gdt_page, HV_TSS_SEL,
                    (lim & 0xFFFF) | ((tss & 0xFFFFFF) << 16) |
                        (0x89UL << 40) | (((lim >> 16) & 0xF) << 48) |
                        (((tss >> 24) & 0xFF) << 56));
    write_gdt_entry(t->gdt_page, HV_TSS_SEL + 8, tss >> 32);
}

/*
 * The per-CPU syscall stub: `syscall` leaves the guest's rsp live, so the
 * stub parks it in this CPU's cpu_info and switches to this CPU's stack:
 *   mov %rsp, cpu_info.syscall_rsp(%rip)
 *   movabs $rsp0, %rsp
 *   jmp syscall_entry (LSTAR) or syscall32_entry (CSTAR)
 */
static void write_syscall_stub(uint8_t *p, uint64_t *slot, uint64_t rsp0,
                               void (*target)(void))
{
    int32_t rel;

    p[0] = 0x48; p[1] = 0x89; p[2] = 0x25;
    rel = (int32_t)((uint8_t *)slot - (p + 7));
    memcpy(p + 3, &rel, 4);
    p[7] = 0x48; p[8] = 0xBC;
    memcpy(p + 9, &rsp0, 8);
    p[17] = 0xE9;
    rel = (int32_t)((uint8_t *)target - (p + 22));
    memcpy(p + 18, &rel, 4);
}

void cpu_init(unsigned int cpu, void *stack_base)
{
    struct percpu_tables *t = &percpu[cpu];
    struct cpu_info *ci = (struct cpu_info *)((uint8_t *)stack_base +
                                              STACK_SIZE) - 1;
    uint64_t rsp0 = (uint64_t)&ci->syscall_rsp;
    struct { uint16_t lim; uint64_t base; } __attribute__((packed)) dtr;
    uint32_t a, b, c, d;

    memset(ci, 0, sizeof(*ci));
    ci->cpu_id = cpu;

    gdt_init(t);
    for (unsigned int i = 0; i < 16; i++)
        percpu_gdt_map(cpu, i, i == FIRST_RESERVED_GDT_PAGE ?
                       virt_to_mfn(t->gdt_page) : INVALID_MFN, true);
    dtr.lim = GDT_WINDOW_SIZE - PAGE_SIZE - 1;
    dtr.base = PERCPU_GDT_VIRT(cpu);
    __asm__ __volatile__("lgdt %0" ::"m"(dtr));
    __asm__ __volatile__("pushq %0; lea 1f(%%rip), %%rax; pushq %%rax; "
                         "lretq; 1:" ::"i"(HV_CS) : "rax", "memory");
    __asm__ __volatile__("mov %0, %%ds; mov %0, %%es; mov %0, %%ss"
                         ::"r"(HV_DS));

    t->tss.rsp[0] = rsp0;
    for (unsigned int i = 0; i < NR_IST_STACKS; i++)
        t->tss.ist[i] = (uint64_t)stack_base + (i + 1) * IST_STACK_SIZE;
    t->tss.iomap_base = sizeof(t->tss);  /* no I/O bitmap: ports #GP */
    __asm__ __volatile__("ltr %w0" ::"r"(HV_TSS_SEL));
    __asm__ __volatile__("lldt %w0" ::"r"(0));

    if (cpu == 0)
        idt_init();
    dtr.lim = sizeof(idt) - 1;
    dtr.base = (uint64_t)idt;
    __asm__ __volatile__("lidt %0" ::"m"(dtr));

    write_syscall_stub(t->syscall_stub, &ci->syscall_rsp, rsp0,
                       syscall_entry);
    write_syscall_stub(t->syscall32_stub, &ci->syscall_rsp, rsp0,
                       syscall32_entry);
    wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE | EFER_NXE);
    wrmsr(MSR_STAR, ((uint64_t)FLAT_RING3_CS32 << 48) |
                        ((uint64_t)HV_CS << 32));
    wrmsr(MSR_LSTAR, (uint64_t)t->syscall_stub);
    wrmsr(MSR_CSTAR, (uint64_t)t->syscall32_stub);
    wrmsr(MSR_SFMASK, X86_EFLAGS_TF | X86_EFLAGS_IF | X86_EFLAGS_DF |
                          X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_AC);
    /* The PAT layout is part of the PV ABI (reference §5.5). */
    wrmsr(MSR_PAT, 0x0000050100070406UL);

    write_cr0((read_cr0() | X86_CR0_NE | X86_CR0_MP | X86_CR0_WP) &
              ~(X86_CR0_EM | X86_CR0_TS | X86_CR0_AM));
    cpuid_count(7, 0, &a, &b, &c, &d);
    write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT |
              ((b & (1U << 7)) ? X86_CR4_SMEP : 0));
}

void cpu_load_guest_gdt(unsigned int cpu, const struct vcpu *v)
{
    for (unsigned int i = 0; i < MAX_GDT_FRAMES; i++)
        percpu_gdt_map(cpu, i, i * 512 < v->gdt_ents ? v->gdt_frames[i]
                                                     : INVALID_MFN, false);
}

void cpu_load_guest_ldt(unsigned int cpu, const struct vcpu *v)
{
    struct percpu_tables *t = &percpu[cpu];
    unsigned long base = PERCPU_LDT_VIRT(cpu);
    uint64_t lim = v->ldt_ents * 8UL - 1;

    for (unsigned int i = 0; i < 16; i++)
        percpu_ldt_map(cpu, i, i < v->nr_ldt_frames && v->ldt_frames[i]
                                   ? v->ldt_frames[i] : INVALID_MFN);
    if (!v->ldt_ents) {
        __asm__ __volatile__("lldt %w0" ::"r"(0));
        return;
    }
    /* A 16-byte LDT system descriptor (type 2) at hv's LDT selector. */
    write_gdt_entry(t->gdt_page, HV_LDT_SEL,
                    (lim & 0xFFFF) | ((base & 0xFFFFFF) << 16) |
                        (0x82UL << 40) | (((lim >> 16) & 0xF) << 48) |
                        (((base >> 24) & 0xFF) << 56));
    write_gdt_entry(t->gdt_page, HV_LDT_SEL + 8, base >> 32);
    __asm__ __volatile__("lldt %w0" ::"r"(HV_LDT_SEL));
}
