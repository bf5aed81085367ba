/* Near misses of a protected place's name that the one-edit rule of
 * redact_near.c does not read (report-adv24 A-16, brief s25 place25):
 * - a Hangul name of two to four syllables with one jamo changed (an
 *   initial, a vowel or a final: 청짐, 칭진 for 청진) before a particle
 *   of place or person (청짐에서 왔다);
 * - a Latin name of six letters or more with vowels dropped or changed
 *   (Springfld, Sprngfeld for Springfield: the same consonants in the
 *   same order).
 * Both are review flags (near-name), never replacements, and never where
 * the dictionary knows the word.  Only keyed hashes (redact_near.c's
 * key) of the patterns are kept, in the same sorted index as the name
 * words' (r->near); each pattern starts with a byte no UTF-8 text starts
 * with, so it reads no word of the other rule. */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"
#include "util/lexicon.h"

#define SYL_MAX 4                   /* syllables of a Hangul place name */
#define SKEL_MIN 4                  /* consonants of a Latin place name */
#define LATIN_MIN 6                 /* letters of a Latin place name */
#define LATIN_MAX 32

enum { PAT_JAMO = 0xF8, PAT_SKEL = 0xF9, PAT_SAME = 0xFA };

/* The near index's hashing, shared with redact_near.c (which calls in
 * here, so this file calls nothing of it). */
uint64_t redact_near_hash(const unsigned char key[crypto_shorthash_KEYBYTES], const char *w,
                          size_t len, size_t skip, size_t skip_end)
{
    unsigned char buf[2 * NEAR_MAX], out[crypto_shorthash_BYTES];
    size_t n = 0;
    uint64_t h = 0;

    memcpy(buf, w, skip);
    n = skip;
    memcpy(buf + n, w + skip_end, len - skip_end);
    n += len - skip_end;
    crypto_shorthash(out, buf, n, key);
    for (int i = 0; i < 8; i++)
        h = h << 8 | out[i];
    sodium_memzero(buf, sizeof buf);
    return (h & ~(uint64_t)3) | (skip != skip_end) | (uint64_t)(skip == 0 && skip_end > 0) << 1;
}

int redact_near_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

int redact_near_in(const struct redactor *r, uint64_t h)
{
    return bsearch(&h, r->near, r->nnear, sizeof h, redact_near_cmp) != NULL;
}

int redact_near_has(const struct redactor *r, const void *p, size_t len)
{
    return r->nnear > 0 && len <= 2 * NEAR_MAX &&
           redact_near_in(r, redact_near_hash(r->nearkey, p, len, 0, 0));
}

/* The syllables (code points) of the Hangul word w[0..len) into s: the
 * count, or 0 if w holds anything else or more than max. */
static int syllables_of(int *s, int max, const char *w, size_t len)
{
    size_t p;
    int cp, k, n = 0;

    for (p = 0; p < len; p += (size_t)k) {
        if ((k = utf8_next(&cp, w + p, len - p)) <= 0 || cp < 0xAC00 || cp > 0xD7A3 || n == max)
            return 0;
        s[n++] = cp;
    }
    return n;
}

/* Pattern of the syllables s[0..n) with jamo slot (0 initial, 1 vowel, 2
 * final) of syllable i left open, or i == -1: the word itself.  Bytes
 * into buf (at least 1 + 4 * SYL_MAX); its length. */
static size_t jamo_pattern(unsigned char *buf, const int *s, int n, int i, int slot)
{
    size_t at = 0;

    buf[at++] = i < 0 ? PAT_SAME : PAT_JAMO;
    for (int j = 0; j < n; j++) {
        int v = s[j] - 0xAC00, jamo[3] = { v / (21 * 28), v / 28 % 21, v % 28 };
        buf[at++] = (unsigned char)(j == i ? 0xF0 + slot : 0);
        for (int m = 0; m < 3; m++)
            buf[at++] = (unsigned char)(j == i && m == slot ? 0xFF : jamo[m]);
    }
    return at;
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* The consonants of the Latin word w[0..len) (a-z only) into buf after
 * PAT_SKEL: the pattern's length, or 0 if w is anything else, shorter
 * than min letters or has fewer than SKEL_MIN consonants. */
static size_t skeleton(unsigned char *buf, const char *w, size_t len, size_t min)
{
    size_t at = 1;

    if (len < min || len > LATIN_MAX)
        return 0;
    buf[0] = PAT_SKEL;
    for (size_t i = 0; i < len; i++) {
        if (w[i] < 'a' || w[i] > 'z')
            return 0;
        if (!is_vowel(w[i]))
            buf[at++] = (unsigned char)w[i];
    }
    return at - 1 >= SKEL_MIN ? at : 0;
}

int redact_near_place_patterns(const struct redactor *r, const struct lit *l, const char *key,
                               int (*fn)(void *ctx, const unsigned char *p, size_t n), void *ctx)
{
    unsigned char buf[1 + 4 * SYL_MAX + LATIN_MAX];
    int s[SYL_MAX], n, rc;
    size_t len;

    if (l->person || r->terms[l->term].cat != TERM_PLACE || l->rule == RULE_INFLECTION ||
        l->suffix == SUFFIX_MN_STEM)
        return 0;
    if ((n = syllables_of(s, SYL_MAX, key, l->keylen)) >= 2) {
        if ((rc = fn(ctx, buf, jamo_pattern(buf, s, n, -1, 0))) != 0)
            return rc;
        for (int i = 0; i < n; i++)
            for (int slot = 0; slot < 3; slot++)
                if ((rc = fn(ctx, buf, jamo_pattern(buf, s, n, i, slot))) != 0)
                    return rc;
        return 0;
    }
    if (!l->generated && l->kind == FORM_REPLACE && (len = skeleton(buf, key, l->keylen, LATIN_MIN)) > 0)
        return fn(ctx, buf, len);
    return 0;
}

int redact_near_place_latin(const struct redactor *r, const char *w, size_t len)
{
    unsigned char buf[1 + LATIN_MAX];
    size_t n = skeleton(buf, w, len, LATIN_MIN - 2);

    return n > 0 && redact_near_has(r, buf, n);
}

/* The particles after which a Hangul word one jamo from a place's name is
 * read as the place or as a person (에서, 에, 으로, 로, 까지, 부터, 출신,
 * 사람; 이, 가, 은, 는, 의): norm bytes, written by hand (it wants a
 * native reviewer). */
static const char *const particles[] = {
    "\xec\x97\x90\xec\x84\x9c", "\xec\x97\x90", "\xec\x9c\xbc\xeb\xa1\x9c", "\xeb\xa1\x9c",
    "\xea\xb9\x8c\xec\xa7\x80", "\xeb\xb6\x80\xed\x84\xb0", "\xec\xb6\x9c\xec\x8b\xa0",
    "\xec\x82\xac\xeb\x9e\x8c", "\xec\x9d\xb4", "\xea\xb0\x80", "\xec\x9d\x80", "\xeb\x8a\x94",
    "\xec\x9d\x98", "\xec\x97\x90\xec\x84\x9c\xeb\x8a\x94", "\xec\x97\x90\xeb\x8a\x94",
};

static int place_particle(const char *w, size_t len)
{
    for (size_t i = 0; i < sizeof particles / sizeof particles[0]; i++)
        if (strlen(particles[i]) == len && memcmp(w, particles[i], len) == 0)
            return 1;
    return 0;
}

/* 1 if the Hangul word w[0..len) (norm bytes) is one jamo from a place
 * name of the index followed by a particle of place_particle, and neither
 * the name itself nor an ordinary word; *stem gets the name part's
 * length. */
static int near_hangul(const struct redactor *r, const char *w, size_t len, size_t *stem)
{
    unsigned char buf[1 + 4 * SYL_MAX];
    int s[SYL_MAX], all[16], m = syllables_of(all, 16, w, len);

    for (int n = 2; n <= SYL_MAX && n < m; n++) {
        size_t cut = 3 * (size_t)n;
        if (!place_particle(w + cut, len - cut))
            continue;
        memcpy(s, all, sizeof s[0] * (size_t)n);
        if (redact_near_has(r, buf, jamo_pattern(buf, s, n, -1, 0)) ||
            redact_ordinary_ko(w, cut, 1))
            continue;
        for (int i = 0; i < n; i++)
            for (int slot = 0; slot < 3; slot++)
                if (redact_near_has(r, buf, jamo_pattern(buf, s, n, i, slot)))
                    return *stem = cut, 1;
    }
    return 0;
}

int redact_near_places_ko(struct spans *flags, const struct redactor *r, const struct normtext *t)
{
    size_t i = 0, a, stem;
    int cp, k;

    while (i < t->normlen) {
        if ((k = utf8_next(&cp, t->norm + i, t->normlen - i)) <= 0) {
            i++;
            continue;
        }
        if (!is_hangul_cp(cp) || (i > 0 && is_word_cp(redact_cp_before(t->norm, i)))) {
            i += (size_t)k;
            continue;
        }
        for (a = i; i < t->normlen && (k = utf8_next(&cp, t->norm + i, t->normlen - i)) > 0 &&
                    is_hangul_cp(cp);
             i += (size_t)k)
            ;
        if (i < t->normlen && utf8_next(&cp, t->norm + i, t->normlen - i) > 0 && is_word_cp(cp))
            continue;
        if (near_hangul(r, t->norm + a, i - a, &stem)) {
            struct span s = { t->ostart[a], normtext_oend(t, a + stem - 1), FLAG_NEAR_NAME, 0, 0,
                              SIZE_MAX, 0, 0, 0 };
            if (redact_span_add(flags, &s) != 0)
                return -1;
        }
    }
    return 0;
}
