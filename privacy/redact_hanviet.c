/* A Vietnamese name registered in quốc ngữ (Nguyễn Văn Thắng) written in
 * Hán tự (阮文勝; brief s17 kana17 item 3, report-adv16a A-20).  Each Han
 * character is read by every Vietnamese reading Unicode's Unihan gives it
 * (field kVietnamese, marks removed: scripts/hanviet.sh), as Hanja are
 * read through kHangul for a Korean name and Han characters through
 * kMandarin for a name in pinyin (redact_hanzi.c), and a run of characters
 * that reads the name's words one by one, in order, is the name.  Rules
 * and limits: docs/VARIANTS.md, "Vietnamese readings of Han characters". */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/varlist.h"
#include "util/text.h"

/* build/gen/hanviet_data.c (scripts/hanviet.sh): the readings sorted,
 * {Han, reading} rows sorted by Han code point then reading. */
extern const char *const hanviet_syllables[];
extern const size_t hanviet_syllables_count;
extern const uint16_t hanviet_han[][2];
extern const size_t hanviet_han_count;

/* Words of a Vietnamese name (family, middle and given names: two to
 * four), bytes of a word (the longest syllable, nghieng, has 7). */
#define VI_WORDS 4
#define VI_WORD_MAX 8

struct vi_name {
    uint32_t term;
    unsigned char nw;
    int syl[VI_WORDS];          /* index of each word in hanviet_syllables */
};

/* The index of syllable s[0..len) in hanviet_syllables, or -1. */
static int syllable_index(const char *s, size_t len)
{
    return (int)text_sorted_find(hanviet_syllables, hanviet_syllables_count, s, len);
}

/* Reads the norm view name[0..len) into v: its words (split at spaces and
 * hyphens; letters a-z, đ as d, the marks already gone), each a reading
 * of the table.  1 if it is two to four such words, else 0. */
static int read_name(struct vi_name *v, const char *name, size_t len)
{
    char w[VI_WORD_MAX];
    size_t i = 0, wl = 0;
    int cp, n, c;

    memset(v, 0, sizeof *v);
    for (;;) {
        n = i < len ? utf8_next(&cp, name + i, len - i) : 0;
        if (n < 0)
            return 0;
        if (n == 0 || cp == ' ' || cp == '-') {
            if (wl > 0) {
                if (v->nw == VI_WORDS || (v->syl[v->nw] = syllable_index(w, wl)) < 0)
                    return 0;
                v->nw++, wl = 0;
            }
            if (n == 0)
                break;
            i += (size_t)n;
            continue;
        }
        i += (size_t)n;
        c = cp >= 'a' && cp <= 'z' ? cp : cp == 0x111 ? 'd' : 0;
        if (c == 0 || wl == sizeof w)
            return 0;
        w[wl++] = (char)c;
    }
    sodium_memzero(w, sizeof w);
    return v->nw >= 2;
}

int redact_hanviet_add(struct redactor *r, const char *name, size_t len)
{
    struct vi_name v;
    char *norm;
    size_t nlen;
    int ok;

    if (normalise_norm(&norm, &nlen, name, len, NULL) != 0)
        return -1;
    ok = read_name(&v, norm, nlen);
    secmem_free(norm);
    if (!ok) {
        sodium_memzero(&v, sizeof v);
        return 0;
    }
    v.term = (uint32_t)r->nterms;
    if (r->nvi == r->vicap) {
        size_t cap = r->vicap ? 2 * r->vicap : 8;
        struct vi_name *g = secmem_wipe_malloc(cap * sizeof *g);
        if (g == NULL) {
            sodium_memzero(&v, sizeof v);
            return -1;
        }
        if (r->nvi > 0)
            memcpy(g, r->vi, r->nvi * sizeof *g);
        secmem_wipe_free(r->vi);
        r->vi = g, r->vicap = cap;
    }
    r->vi[r->nvi++] = v;
    sodium_memzero(&v, sizeof v);
    return 0;
}

void redact_hanviet_free(struct redactor *r)
{
    secmem_wipe_free(r->vi);
    r->vi = NULL, r->nvi = r->vicap = 0;
}

/* 1 if Han character cp has reading syl (an index of hanviet_syllables). */
static int reads_as(int cp, int syl)
{
    size_t lo = 0, hi = hanviet_han_count;

    if (cp < 0x3400 || cp > 0xFFFF)
        return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (hanviet_han[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < hanviet_han_count && hanviet_han[lo][0] == cp; lo++)
        if (hanviet_han[lo][1] == syl)
            return 1;
    return 0;
}

/* The whole name v at norm byte a of t, its characters after a: their
 * end, or 0 if they do not read as v's words. */
static size_t name_at(const struct normtext *t, size_t a, const struct vi_name *v)
{
    size_t p = a;
    int cp, n;

    for (unsigned k = 0; k < v->nw; k++) {
        if (p >= t->normlen || (n = utf8_next(&cp, t->norm + p, t->normlen - p)) <= 0 ||
            !is_han_cp(cp) || !reads_as(cp, v->syl[k]))
            return 0;
        p += (size_t)n;
    }
    return p;
}

int redact_find_hanviet(struct spans *sp, struct spans *flags, const struct redactor *r,
                        const struct normtext *t)
{
    size_t p, end;
    int cp, n;

    if (r->nvi == 0)
        return 0;
    for (p = 0; p < t->normlen; p += (size_t)n) {
        if ((n = utf8_next(&cp, t->norm + p, t->normlen - p)) <= 0)
            return 0;
        if (!is_han_cp(cp))
            continue;
        for (size_t q = 0; q < r->nvi; q++) {
            const struct vi_name *v = &r->vi[q];
            const struct term *tm = &r->terms[v->term];
            struct span s = { p, 0, 0, RULE_VARIANT, tm->subject, v->term, 0, 0, 0 };
            if ((end = name_at(t, p, v)) == 0)
                continue;
            s.end = end;
            /* Three characters or more, the name; two (陳蘭 for Trần
             * Lan) are too common a pair of words: a review flag. */
            if (v->nw >= 3) {
                s.cat = tm->cat == NAME_CAT ? CAT_PSEUDONYM : tm->cat;
                if (redact_span_add(sp, &s) != 0)
                    return -1;
            } else if (flags != NULL) {
                s.cat = FLAG_TRANSCRIPTION, s.review = 1;
                if (redact_span_add(flags, &s) != 0)
                    return -1;
            }
        }
    }
    return 0;
}
