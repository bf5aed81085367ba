/* A name in Latin or Cyrillic letters half hidden by a mask (issue 12,
 * brief s24 ko24): "Kim J***-su", "Н*****я", "J------", as the press and
 * chat write a name they mean to hide, which still narrows the person
 * down.  A word of the text made of a letter, a mask and maybe letters
 * after it is a near-name review flag (redact_near.c's kind), never a
 * replacement, where its length in characters, its first letter and its
 * last letter (when one is written) are those of a word of a protected
 * name, or of a part of one between hyphens (Jong-su: jong-su, jong, su).
 *
 * The index holds keyed hashes (crypto_shorthash, a key drawn per
 * redactor) of (length, first letter, last letter) and (length, first
 * letter, none), never the name.  Masks: * • ● ○ ◯ × _ # (two or more)
 * or a run of three dashes or more; one dash between parts is a hyphen. */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"

#define MW_MIN 3                /* characters of the shortest word indexed */
#define MW_MAX 40               /* characters of the longest */
#define MASK_MIN 2              /* mask characters of a mask */
#define DASH_MIN 3              /* dashes of a mask of dashes */

static int u64_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

/* 1 if cp is a letter of a name here: Latin (with its accented letters)
 * or Cyrillic. */
static int name_letter(int cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
           (cp >= 0x0400 && cp <= 0x052F);
}

static int mask_char(int cp)
{
    return cp == '*' || cp == 0x2022 || cp == 0x25CF || cp == 0x25CB || cp == 0x25EF ||
           cp == 0xD7 || cp == '_' || cp == '#';
}

static uint64_t mw_hash(const unsigned char *key, size_t len, int first, int last)
{
    unsigned char msg[12], out[crypto_shorthash_BYTES];
    uint64_t h = 0;

    for (int k = 0; k < 4; k++) {
        msg[k] = (unsigned char)(len >> (8 * k));
        msg[4 + k] = (unsigned char)((unsigned)first >> (8 * k));
        msg[8 + k] = (unsigned char)((unsigned)last >> (8 * k));
    }
    crypto_shorthash(out, msg, sizeof msg, key);
    for (size_t k = 0; k < sizeof out; k++)
        h = h << 8 | out[k];
    sodium_memzero(msg, sizeof msg);
    return h;
}

/* The keyed hash of a kept prefix: (length, its first k letters), k 2
 * or 3; tagged apart from mw_hash's. */
static uint64_t mw_prefix_hash(const unsigned char *key, size_t len, const int *cp, size_t k)
{
    unsigned char msg[20] = { 0 }, out[crypto_shorthash_BYTES];
    uint64_t h = 0;

    msg[0] = 'P', msg[1] = (unsigned char)k;
    for (int i = 0; i < 2; i++)
        msg[2 + i] = (unsigned char)(len >> (8 * i));
    for (size_t j = 0; j < k && j < 3; j++)
        for (int i = 0; i < 4; i++)
            msg[4 + 4 * j + (size_t)i] = (unsigned char)((unsigned)cp[j] >> (8 * i));
    crypto_shorthash(out, msg, sizeof msg, key);
    for (size_t j = 0; j < sizeof out; j++)
        h = h << 8 | out[j];
    sodium_memzero(msg, sizeof msg);
    return h;
}

static int mw_push(struct redactor *r, uint64_t h)
{
    if (r->nmwords == r->capmwords) {
        size_t nc = r->capmwords ? 2 * r->capmwords : 64;
        uint64_t *g = realloc(r->mwords, nc * sizeof *g);
        if (g == NULL)
            return -1;
        r->mwords = g, r->capmwords = nc;
    }
    r->mwords[r->nmwords++] = h;
    return 0;
}

/* Indexes the word w[0..n) (norm bytes) of name letters and hyphens. */
static int mw_word(struct redactor *r, const char *w, size_t n)
{
    size_t chars = 0, p = 0;
    int cp, k, first = 0, last = 0, pre[3] = { 0 };

    for (; p < n && (k = utf8_next(&cp, w + p, n - p)) > 0; p += (size_t)k, chars++) {
        if (cp != '-' && !name_letter(cp))
            return 0;           /* Hangul, digits: redact_mask.c's or none */
        if (chars == 0)
            first = cp;
        if (chars < 3)
            pre[chars] = cp;
        last = cp;
    }
    if (chars < MW_MIN || chars > MW_MAX || first == '-' || last == '-')
        return 0;
    return mw_push(r, mw_hash(r->mkey, chars, first, last)) != 0 ||
                   mw_push(r, mw_hash(r->mkey, chars, first, 0)) != 0 ||
                   (chars >= 5 && pre[1] != '-' && (mw_push(r, mw_prefix_hash(r->mkey, chars, pre, 2)) != 0 ||
                    (pre[2] != '-' && mw_push(r, mw_prefix_hash(r->mkey, chars, pre, 3)) != 0)))
               ? -1 : 0;
}

int redact_mask_words_add(struct redactor *r, const char *text, size_t len)
{
    char *norm = NULL;
    size_t nlen, a, b, c;
    struct err e;
    int rc = 0;

    if (!r->mkey_set)
        randombytes_buf(r->mkey, sizeof r->mkey), r->mkey_set = 1;
    if (normalise_norm(&norm, &nlen, text, len, &e) != 0)
        return 0;               /* no norm view: no words to index */
    for (a = 0; rc == 0 && a < nlen; a = b + 1) {
        for (b = a; b < nlen && norm[b] != ' '; b++)
            ;
        rc = mw_word(r, norm + a, b - a);
        /* Its parts between hyphens too (Jong-su: jong, su). */
        for (c = a; rc == 0 && memchr(norm + a, '-', b - a) != NULL && c < b; c++) {
            size_t d = c;
            while (d < b && norm[d] != '-')
                d++;
            rc = mw_word(r, norm + c, d - c);
            c = d;
        }
    }
    secmem_free(norm);
    return rc;
}

void redact_mask_words_finish(struct redactor *r)
{
    if (r->nmwords > 1)
        qsort(r->mwords, r->nmwords, sizeof *r->mwords, u64_cmp);
}

/* The masked word at norm byte p (a word's start, a name letter there):
 * its end in *end, length in characters, first and last letter (0 where
 * it ends in a mask); 0 if it is none.  Each part between hyphens that
 * holds a mask has one letter before it (J***-su, Б**-Э****э): "kit**"
 * of "**field kit**" is markdown; but the first part may keep two or
 * three letters before a mask of three or more (Bat*****): *lead. */
static int masked_word(const char *s, size_t n, size_t p, size_t *end, size_t *chars,
                       int *first, int *last, size_t *lead_out)
{
    size_t q = p, dashes = 0, masks = 0, lead = 0, parts = 0;
    int cp, k, masked = 0, part_masked = 0, prefix = 0;

    *chars = 0, *first = 0, *last = 0, *lead_out = 1;
    for (;; q += (size_t)k, ++*chars) {
        int more = q < n && (k = utf8_next(&cp, s + q, n - q)) > 0 &&
                   (name_letter(cp) || mask_char(cp) || cp == '-');
        if (more && cp == '-') {
            dashes++;
        } else {
            /* A run of dashes ended: a mask, or one hyphen between parts. */
            if (dashes >= DASH_MIN) {
                if (!part_masked && lead != 1)
                    return 0;
                masked = part_masked = 1;
            } else if (dashes == 2 || (dashes == 1 && !more)) {
                return 0;       /* "a--well", "J-": a dash of prose */
            } else if (dashes == 1) {
                if (prefix && masks < 3 && part_masked)
                    return 0;
                lead = 0, part_masked = 0, parts++;
            }
            dashes = 0;
            if (!more)
                break;
            if (mask_char(cp)) {
                if (!part_masked && lead != 1) {
                    if (parts > 0 || lead < 2 || lead > 3)
                        return 0;
                    prefix = 1, *lead_out = lead;
                }
                part_masked = 1;
                masked |= ++masks >= MASK_MIN;
            } else {
                if (prefix && part_masked && masks < 3)
                    return 0;   /* kit**: markdown */
                masks = 0;
                lead += !part_masked;
            }
        }
        if (*chars == 0)
            *first = cp;
        *last = name_letter(cp) ? cp : 0;
    }
    if (prefix && *last == 0 && masks < 3)
        return 0;
    if (q < n && utf8_next(&cp, s + q, n - q) > 0 && is_word_cp(cp))
        return 0;               /* glued to a digit or another script */
    *end = q;
    return masked && name_letter(*first);
}

/* Case endings and particles a masked name may carry, written by hand
 * (they want a native reviewer): Mongolian cases in Cyrillic and Latin
 * (genitive, accusative, dative-locative, ablative, instrumental,
 * comitative, directional, possessive -ынх), Russian noun and surname
 * endings (Кузнецова, Кузнецову, Кузнецовым).  A hyphen may stand before
 * one (Б*****р-ын). */
static const char *const endings[] = {
    "ын", "ийн", "ний", "н", "ынх", "ийнх", "ыг", "ийг", "г", "д", "т", "аас", "ээс", "оос",
    "өөс", "иас", "тай", "тэй", "той", "аар", "ээр", "оор", "өөр", "руу", "рүү", "луу",
    "лүү", "ы", "ий", "а", "у", "ом", "ым", "ой", "ою", "ей", "е", "и", "ого", "ому", "ым",
    "ыми", "ых", "ая", "ую",
    "yn", "iin", "iig", "ig", "d", "t", "aas", "ees", "oos", "tai", "tei", "toi", "aar", "eer",
    "oor", "ruu", "luu", "a", "u", "om", "oy", "oi", "ym", "ovoi", "e",
};

static int ending(const char *w, size_t n)
{
    if (n > 0 && w[0] == '-')
        w++, n--;
    for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++)
        if (strlen(endings[i]) == n && memcmp(endings[i], w, n) == 0)
            return 1;
    return 0;
}

static int mw_has(const struct redactor *r, uint64_t h)
{
    return bsearch(&h, r->mwords, r->nmwords, sizeof h, u64_cmp) != NULL;
}

/* 1 if the masked word s[p..end) (chars characters, lead letters before
 * its mask) fits a protected word: as it is, or without a case ending
 * after its mask's last letters (Б*****р-ын, Б*****рын, К*******а). */
static int mw_fits(const struct redactor *r, const char *s, size_t p, size_t end, size_t chars,
                   size_t lead)
{
    int cps[MW_MAX + 8], cp, k;
    size_t off[MW_MAX + 9], n = 0, q = p, lm = 0, cut;

    for (; q < end && n < MW_MAX + 8 && (k = utf8_next(&cp, s + q, end - q)) > 0; q += (size_t)k) {
        off[n] = q, cps[n] = cp;
        if (mask_char(cp) || (cp == '-' && n > 0 && cps[n - 1] == '-'))
            lm = n;         /* a mask, or a run of dashes (J------) */
        n++;
    }
    off[n] = q;
    if (q < end || n != chars)
        return 0;
    /* Strip 0 to 5 characters after the mask's last one. */
    for (cut = 0; cut <= 5 && n - cut > lm; cut++) {
        size_t len = n - cut;
        int last = cps[len - 1];
        if (cut > 0 && !ending(s + off[len], end - off[len]))
            continue;
        if (len < MW_MIN || len > MW_MAX || (last == '-' && cps[len - 2] != '-'))
            continue;
        if (mask_char(last) || last == '-')
            last = 0;
        if (lead == 1 ? mw_has(r, mw_hash(r->mkey, len, cps[0], last))
                      : mw_has(r, mw_prefix_hash(r->mkey, len, cps, lead)))
            return 1;
    }
    return 0;
}

int redact_masked_words(struct spans *flags, const struct redactor *r, const struct normtext *t)
{
    size_t p = 0, end, chars, lead;
    int cp, k, before = 0, first, last;

    if (r->nmwords == 0)
        return 0;
    while (p < t->normlen && (k = utf8_next(&cp, t->norm + p, t->normlen - p)) > 0) {
        if (name_letter(cp) && !is_word_cp(before) && !mask_char(before) && before != '-' &&
            masked_word(t->norm, t->normlen, p, &end, &chars, &first, &last, &lead) &&
            chars >= MW_MIN && chars <= MW_MAX + 6) {
            if (mw_fits(r, t->norm, p, end, chars, lead)) {
                struct span s = { t->ostart[p], normtext_oend(t, end - 1), FLAG_NEAR_NAME, 0, 0,
                                  SIZE_MAX, 0, 0, 0 };
                if (redact_span_add(flags, &s) != 0)
                    return -1;
            }
            before = '*', p = end;
            continue;
        }
        before = cp, p += (size_t)k;
    }
    return 0;
}
