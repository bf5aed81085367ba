/* A Korean name half hidden by a mask (brief i12-names, report-adv12g A-9):
 * the press writes 김○호, 김*호, 김X호, 김O호 for 김영호, the surname and the
 * last syllable left and the middle one masked, which narrows the person
 * to a handful.  Such a word, when a protected name of three Hangul
 * syllables has the same first and last syllables, is a near-name review
 * flag (one letter away from the name: redact_near.c's kind), never a
 * replacement: the mask could stand for another syllable.
 *
 * The index holds, for each protected literal of exactly three Hangul
 * syllables, the pair (first, last) as one number, sorted. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"

#define SYL_FIRST 0xAC00
#define SYL_COUNT 11172u

static int syllable(int cp)
{
    return cp >= SYL_FIRST && cp < SYL_FIRST + (int)SYL_COUNT;
}

static uint32_t pair_of(int first, int last)
{
    return (uint32_t)(first - SYL_FIRST) * SYL_COUNT + (uint32_t)(last - SYL_FIRST);
}

static int u32_cmp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

    return x < y ? -1 : x > y;
}

/* The Hangul syllables of the literals, a bit each: redact_split.c reads
 * a line break between two of them as nothing. */
static void syllables_build(struct redactor *r)
{
    size_t i, j;
    int cp, n;

    memset(r->split_syl, 0, sizeof r->split_syl);
    for (i = 0; i < r->nlits; i++) {
        const char *k = r->arena + r->keyoff[i];
        for (j = 0; j < r->lits[i].keylen; j += (size_t)(n > 0 ? n : 1))
            if ((n = utf8_next(&cp, k + j, r->lits[i].keylen - j)) > 0 && syllable(cp))
                r->split_syl[(unsigned)(cp - SYL_FIRST) / 8] |=
                    (unsigned char)(1u << ((unsigned)(cp - SYL_FIRST) % 8));
    }
}

void redact_mask_build(struct redactor *r)
{
    size_t i, n = 0;
    int c[3], k;

    syllables_build(r);
    free(r->masked), r->masked = NULL, r->nmasked = 0;
    for (i = 0; i < r->nlits; i++)
        n += r->lits[i].keylen == 9 && r->lits[i].person;
    if (n == 0 || (r->masked = malloc(n * sizeof *r->masked)) == NULL)
        return;             /* out of memory: no flags of this kind */
    for (i = 0; i < r->nlits; i++) {
        const char *key = r->arena + r->keyoff[i];
        if (r->lits[i].keylen != 9 || !r->lits[i].person)
            continue;
        for (k = 0; k < 3; k++)
            if (utf8_next(&c[k], key + 3 * k, 3) != 3 || !syllable(c[k]))
                break;
        if (k == 3)
            r->masked[r->nmasked++] = pair_of(c[0], c[2]);
    }
    if (r->nmasked > 1)
        qsort(r->masked, r->nmasked, sizeof *r->masked, u32_cmp);
}

/* The length of a mask at norm[p..n) (norm view: case folded, NFKC), or
 * 0: ○ ● ◯ 〇 ◎ □ ■ × * x o and the jamo ㅇ (a circle; NFKC's U+110B). */
static size_t mask_len(const char *s, size_t n)
{
    static const int masks[] = { '*', 'x', 'o', 0x25CB, 0x25CF, 0x25EF, 0x3007, 0x25CE,
                                 0x25A1, 0x25A0, 0xD7, 0x110B, 0x3147 };
    int cp, k = utf8_next(&cp, s, n);

    for (size_t i = 0; k > 0 && i < sizeof masks / sizeof masks[0]; i++)
        if (cp == masks[i])
            return (size_t)k;
    return 0;
}

int redact_masked_names(struct spans *flags, const struct redactor *r, const struct normtext *t)
{
    size_t p = 0, m;
    int cp, last, k, before = -1;

    if (r->nmasked == 0)
        return 0;
    while (p < t->normlen) {
        if ((k = utf8_next(&cp, t->norm + p, t->normlen - p)) <= 0)
            return 0;
        if (syllable(cp) && !syllable(before) && p + (size_t)k < t->normlen &&
            (m = mask_len(t->norm + p + (size_t)k, t->normlen - p - (size_t)k)) > 0 &&
            utf8_next(&last, t->norm + p + (size_t)k + m, t->normlen - p - (size_t)k - m) == 3 &&
            syllable(last)) {
            uint32_t key = pair_of(cp, last);
            size_t end = p + (size_t)k + m + 3;
            struct span s = { t->ostart[p], normtext_oend(t, end - 1), FLAG_NEAR_NAME, 0, 0,
                              SIZE_MAX, 0, 0, 0 };
            if (bsearch(&key, r->masked, r->nmasked, sizeof key, u32_cmp) != NULL &&
                redact_span_add(flags, &s) != 0)
                return -1;
        }
        before = cp;
        p += (size_t)k;
    }
    return 0;
}
