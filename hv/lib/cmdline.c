/* SPDX-License-Identifier: MIT */
/* Command-line lookup and size parsing; portable, unit-tested on the host. */
#include "cmdline.h"

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool cmdline_get(const char *cmdline, const char *key, char *val,
                 size_t size)
{
    bool found = false;
    size_t klen = 0;

    if (!cmdline || !key)
        return false;
    while (key[klen])
        klen++;

    for (const char *p = cmdline; *p;) {
        const char *word, *end;
        size_t i;

        while (is_space(*p))
            p++;
        word = p;
        while (*p && !is_space(*p))
            p++;
        end = p;
        for (i = 0; i < klen && word + i < end && word[i] == key[i]; i++)
            ;
        if (i != klen || (word + i != end && word[i] != '='))
            continue;

        found = true;
        if (!size)
            continue;
        word += i + (word + i != end);
        for (i = 0; i + 1 < size && word + i < end; i++)
            val[i] = word[i];
        val[i] = '\0';
    }
    return found;
}

int parse_size(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    unsigned shift = 0;

    if (!s || *s < '0' || *s > '9')
        return -1;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (v > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
            return -1;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    switch (*s) {
    case 'k': case 'K': shift = 10; s++; break;
    case 'm': case 'M': shift = 20; s++; break;
    case 'g': case 'G': shift = 30; s++; break;
    case 't': case 'T': shift = 40; s++; break;
    case 'b': case 'B': s++; break;
    }
    if (*s)
        return -1;
    if (shift && v > (UINT64_MAX >> shift))
        return -1;
    *out = v << shift;
    return 0;
}
