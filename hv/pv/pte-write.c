/* SPDX-License-Identifier: MIT */
/* Replaying a guest's write to a read-only page-table entry (see header). */
#include "pv/pte-write.h"

#define FL_CF 0x001UL
#define FL_PF 0x004UL
#define FL_AF 0x010UL
#define FL_ZF 0x040UL
#define FL_SF 0x080UL
#define FL_OF 0x800UL
#define FL_ARITH (FL_CF | FL_PF | FL_AF | FL_ZF | FL_SF | FL_OF)

enum op { OP_MOV, OP_XCHG, OP_CMPXCHG, OP_OR, OP_AND, OP_BTS, OP_BTR };

struct decoded {
    enum op op;
    unsigned int width;        /* bytes written */
    unsigned int reg;          /* ModRM reg (with REX.R) */
    bool has_imm;
    uint64_t imm;              /* sign-extended to the width */
    bool rex;
    unsigned int len;
};

static uint64_t *gpr(struct hv_regs *r, unsigned int n)
{
    uint64_t *const map[16] = {
        &r->rax, &r->rcx, &r->rdx, &r->rbx, &r->rsp, &r->rbp, &r->rsi,
        &r->rdi, &r->r8, &r->r9, &r->r10, &r->r11, &r->r12, &r->r13,
        &r->r14, &r->r15,
    };
    return map[n & 15];
}

static uint64_t mask_of(unsigned int width)
{
    return width == 8 ? ~0UL : (1UL << (width * 8)) - 1;
}

/* A register operand of the given width; without REX, byte regs 4-7 are
 * AH, CH, DH, BH. */
static uint64_t reg_read(struct hv_regs *r, const struct decoded *d)
{
    if (d->width == 1 && !d->rex && d->reg >= 4 && d->reg < 8)
        return (*gpr(r, d->reg - 4) >> 8) & 0xFF;
    return *gpr(r, d->reg) & mask_of(d->width);
}

/* Writing a register: 32-bit results zero the upper half, 8/16 merge. */
static void reg_write(struct hv_regs *r, const struct decoded *d,
                      unsigned int n, uint64_t val)
{
    uint64_t *p;
    unsigned int shift = 0;

    if (d->width == 1 && !d->rex && n >= 4 && n < 8) {
        n -= 4;
        shift = 8;
    }
    p = gpr(r, n);
    if (d->width == 4)
        *p = val & 0xFFFFFFFFUL;
    else if (d->width == 8)
        *p = val;
    else
        *p = (*p & ~(mask_of(d->width) << shift)) |
             ((val & mask_of(d->width)) << shift);
}

static uint64_t sext(uint64_t v, unsigned int from, unsigned int to)
{
    unsigned int sh = 64 - from * 8;

    return (uint64_t)((int64_t)(v << sh) >> sh) & mask_of(to);
}

/* ZF, SF and PF of a result; the other arithmetic flags cleared. */
static uint64_t logic_flags(uint64_t res, unsigned int width)
{
    uint64_t f = 0;

    res &= mask_of(width);
    if (!res)
        f |= FL_ZF;
    if (res >> (width * 8 - 1))
        f |= FL_SF;
    if (!(__builtin_popcount((unsigned int)(res & 0xFF)) & 1))
        f |= FL_PF;
    return f;
}

/* The flags of cmp a, b (a - b) at the given width. */
static uint64_t sub_flags(uint64_t a, uint64_t b, unsigned int width)
{
    uint64_t m = mask_of(width), res = (a - b) & m;
    unsigned int top = width * 8 - 1;
    uint64_t f = logic_flags(res, width);

    a &= m;
    b &= m;
    if (a < b)
        f |= FL_CF;
    if (((a ^ b) & (a ^ res)) >> top & 1)
        f |= FL_OF;
    if ((a ^ b ^ res) & 0x10)
        f |= FL_AF;
    return f;
}

/* Bytes a ModRM with a memory operand takes, ModRM included; 0 if not
 * a memory operand or the bytes run out. */
static unsigned int modrm_len(const uint8_t *p, unsigned int n)
{
    unsigned int mod, rm, len = 1;

    if (n < 1)
        return 0;
    mod = p[0] >> 6;
    rm = p[0] & 7;
    if (mod == 3)
        return 0;
    if (rm == 4) {
        if (n < 2)
            return 0;
        len++;
        if (mod == 0 && (p[1] & 7) == 5)
            len += 4;
    } else if (mod == 0 && rm == 5) {
        len += 4;               /* RIP-relative */
    }
    len += mod == 1 ? 1 : mod == 2 ? 4 : 0;
    return len <= n ? len : 0;
}

static uint64_t imm_le(const uint8_t *p, unsigned int bytes)
{
    uint64_t v = 0;

    for (unsigned int i = 0; i < bytes; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

static int decode(const uint8_t *insn, unsigned int n, struct decoded *d)
{
    unsigned int i = 0, opsize = 4, m, immlen = 0, sub;
    bool rex_w = false, two = false;
    uint8_t op;

    *d = (struct decoded){ 0 };
    for (; i < n; i++) {
        uint8_t b = insn[i];

        if (b == 0xF0 || b == 0x2E || b == 0x36 || b == 0x3E || b == 0x26 ||
            b == 0x64 || b == 0x65)
            continue;
        if (b == 0x66) {
            opsize = 2;
            continue;
        }
        break;
    }
    if (i < n && (insn[i] & 0xF0) == 0x40) {
        d->rex = true;
        rex_w = insn[i] & 8;
        d->reg = (insn[i] & 4) ? 8 : 0;
        i++;
    }
    if (rex_w)
        opsize = 8;
    if (i < n && insn[i] == 0x0F) {
        two = true;
        i++;
    }
    if (i >= n)
        return -1;
    op = insn[i++];
    m = modrm_len(insn + i, n - i);
    if (!m)
        return -1;
    d->reg += (insn[i] >> 3) & 7;
    sub = (insn[i] >> 3) & 7;
    d->width = (op & 1) ? opsize : 1;

    if (two) {
        if (op == 0xB0 || op == 0xB1) {
            d->op = OP_CMPXCHG;
        } else if (op == 0xBA && (sub == 5 || sub == 6)) {
            d->op = sub == 5 ? OP_BTS : OP_BTR;
            d->width = opsize;
            immlen = 1;
        } else {
            return -1;
        }
    } else {
        switch (op) {
        case 0x88: case 0x89: d->op = OP_MOV; break;
        case 0x86: case 0x87: d->op = OP_XCHG; break;
        case 0x08: case 0x09: d->op = OP_OR; break;
        case 0x20: case 0x21: d->op = OP_AND; break;
        case 0xC6: case 0xC7:
            if (sub != 0)
                return -1;
            d->op = OP_MOV;
            immlen = d->width == 1 ? 1 : d->width == 2 ? 2 : 4;
            break;
        case 0x80: case 0x81: case 0x83:
            if (sub != 1 && sub != 4)
                return -1;
            d->op = sub == 1 ? OP_OR : OP_AND;
            d->width = op == 0x80 ? 1 : opsize;
            immlen = op == 0x81 ? (opsize == 2 ? 2 : 4) : 1;
            break;
        default:
            return -1;
        }
    }
    i += m;
    if (immlen) {
        if (i + immlen > n)
            return -1;
        d->has_imm = true;
        d->imm = sext(imm_le(insn + i, immlen), immlen, d->width);
        i += immlen;
    }
    d->len = i;
    return 0;
}

int pte_write_emulate(const uint8_t *insn, unsigned int n, uint64_t addr,
                      uint64_t old, struct hv_regs *regs, uint64_t *entry,
                      bool *write)
{
    struct decoded d;
    unsigned int shift;
    uint64_t m, cur, val, res, src;

    if (decode(insn, n, &d) || (addr & (d.width - 1)))
        return -1;
    shift = (addr & 7) * 8;
    m = mask_of(d.width);
    cur = (old >> shift) & m;
    src = d.has_imm ? d.imm : reg_read(regs, &d);
    *write = true;

    switch (d.op) {
    case OP_MOV:
        res = src;
        break;
    case OP_XCHG:
        res = src;
        reg_write(regs, &d, d.reg, cur);
        break;
    case OP_CMPXCHG:
        val = regs->rax & m;
        regs->rflags = (regs->rflags & ~FL_ARITH) |
                       sub_flags(val, cur, d.width);
        res = src;
        if (val != cur) {
            *write = false;
            reg_write(regs, &d, 0, cur);
            res = cur;
        }
        break;
    case OP_OR:
    case OP_AND:
        res = d.op == OP_OR ? cur | src : cur & src;
        regs->rflags = (regs->rflags & ~FL_ARITH) | logic_flags(res, d.width);
        break;
    default: /* OP_BTS, OP_BTR */
        src &= d.width * 8 - 1;
        regs->rflags &= ~FL_CF;
        if (cur >> src & 1)
            regs->rflags |= FL_CF;
        res = d.op == OP_BTS ? cur | (1UL << src) : cur & ~(1UL << src);
        break;
    }
    *entry = (old & ~(m << shift)) | ((res & m) << shift);
    regs->rip += d.len;
    return 0;
}
