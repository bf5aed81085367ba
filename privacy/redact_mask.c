/* A Korean name half hidden by a mask (brief i12-names, report-adv12g A-9,
 * report adv12 A-2): the press writes 김○호, 김*호, 김X호, 김O호 for
 * 김영호, and also 김영○, ○영호, 김영*: one syllable masked in any place,
 * which narrows the person to a handful; in Hanja too (金○浩, 金永○: each
 * Han character read by its first Hangul reading, as the literals'
 * Hanja spellings are, hanja.h).  Such a word, when a protected name of
 * three Hangul syllables has the same two other syllables in the same
 * places, is a near-name review flag (one letter away from the name:
 * redact_near.c's kind), never a replacement: the mask could stand for
 * another syllable.
 *
 * The index holds, for each protected literal of exactly three Hangul
 * syllables and each place of the mask (0 the middle, 1 the last, 2 the
 * first), the two syllables left as one number, sorted. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/hanja.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"

#define SYL_FIRST 0xAC00
#define SYL_COUNT 11172u

static int syllable(int cp)
{
    return cp >= SYL_FIRST && cp < SYL_FIRST + (int)SYL_COUNT;
}

static uint64_t pair_of(int place, int a, int b)
{
    return ((uint64_t)place * SYL_COUNT + (uint64_t)(a - SYL_FIRST)) * SYL_COUNT +
           (uint64_t)(b - SYL_FIRST);
}

static int u64_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

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
    redact_mask_words_finish(r);
    free(r->masked), r->masked = NULL, r->nmasked = 0;
    for (i = 0; i < r->nlits; i++)
        n += r->lits[i].keylen == 9 && r->lits[i].person;
    if (n == 0 || (r->masked = malloc(3 * n * sizeof *r->masked)) == NULL)
        return;             /* out of memory: no flags of this kind */
    for (i = 0; i < r->nlits; i++) {
        const char *key = r->arena + r->keyoff[i];
        if (r->lits[i].keylen != 9 || !r->lits[i].person)
            continue;
        for (k = 0; k < 3; k++)
            if (utf8_next(&c[k], key + 3 * k, 3) != 3 || !syllable(c[k]))
                break;
        if (k < 3)
            continue;
        r->masked[r->nmasked++] = pair_of(0, c[0], c[2]);
        r->masked[r->nmasked++] = pair_of(1, c[0], c[1]);
        r->masked[r->nmasked++] = pair_of(2, c[1], c[2]);
    }
    if (r->nmasked > 1)
        qsort(r->masked, r->nmasked, sizeof *r->masked, u64_cmp);
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

/* The unit of a masked name at norm[p..n): a Hangul syllable (*syl set,
 * a Han character read by its first Hangul reading), a mask (*syl 0), or
 * nothing (0).  Its length in bytes. */
static size_t unit_at(int *syl, const char *s, size_t n)
{
    int cp, k = utf8_next(&cp, s, n), h;
    size_t m;

    if (k <= 0)
        return 0;
    if (syllable(cp) || ((h = hanja_reading(cp)) != 0 && syllable(h))) {
        *syl = syllable(cp) ? cp : h;
        return (size_t)k;
    }
    if ((m = mask_len(s, n)) > 0) {
        *syl = 0;
        return m;
    }
    return 0;
}

/* 1 if cp is a letter a name would be glued to (Hangul, Han, Latin). */
static int letter(int cp)
{
    return syllable(cp) || hanja_reading(cp) != 0 || (cp >= 'a' && cp <= 'z');
}

int redact_masked_names(struct spans *flags, const struct redactor *r, const struct normtext *t)
{
    size_t p = 0, len[3], at;
    int cp, k, before = -1, u[3], place, j;

    if (redact_masked_words(flags, r, t) != 0)
        return -1;
    if (r->nmasked == 0)
        return 0;
    while (p < t->normlen) {
        if ((k = utf8_next(&cp, t->norm + p, t->normlen - p)) <= 0)
            return 0;
        /* Three units from p, exactly one of them a mask, p at a word's
         * start. */
        for (j = 0, at = p; j < 3 && !letter(before); j++, at += len[j - 1])
            if ((len[j] = unit_at(&u[j], t->norm + at, t->normlen - at)) == 0)
                break;
        place = j < 3 ? -1 : u[1] == 0 && u[0] && u[2] ? 0 : u[2] == 0 && u[0] && u[1] ? 1
                                                          : u[0] == 0 && u[1] && u[2] ? 2 : -1;
        if (place >= 0) {
            uint64_t key = place == 0 ? pair_of(0, u[0], u[2])
                           : place == 1 ? pair_of(1, u[0], u[1]) : pair_of(2, u[1], u[2]);
            struct span s = { t->ostart[p], normtext_oend(t, at - 1), FLAG_NEAR_NAME, 0, 0,
                              SIZE_MAX, 0, 0, 0 };
            if (bsearch(&key, r->masked, r->nmasked, sizeof key, u64_cmp) != NULL &&
                redact_span_add(flags, &s) != 0)
                return -1;
        }
        before = cp;
        p += (size_t)k;
    }
    return 0;
}
