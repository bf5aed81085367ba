/* Near misses of a registered name (report-adv12e F18): a word one edit
 * away from a subject's name word of six letters or more ("Whitfeld",
 * "Whitfeeld", "Whitfild", "Whitfeild" for Whitfield; "Boldbator" for the
 * spelling Boldbatar of Болдбаатар) is a review flag (near-name), never a
 * replacement, and never where the dictionary knows the word.
 *
 * The index holds, for each such name word (every spelling the variant
 * rules made: one edit from any of them), a keyed hash (SipHash,
 * crypto_shorthash, with a random key per redactor) of the word and of
 * the word with each letter left out: a symmetric-deletion index
 * (Wolf Garbe's SymSpell), so a text word is looked up with at most one
 * letter left out.  A deletion, an insertion, a substitution and a swap
 * of two letters side by side are found (not a swap of the first two:
 * the first letter left out is matched only against itself, see
 * near_word); two edits in some places too, which a review flag may
 * afford.  Only the hashes are kept.
 * A place term's Cyrillic names are held too (near_lit). */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"
#include "privacy/variants.h"
#include "privacy/varlist.h"
#include "util/lexicon.h"

#define NEAR_MIN 6                  /* letters of a name word */


/* The letters of w[0..len) (basic Latin a-z, or two-byte Cyrillic, one
 * script only): their byte offsets in off[0..n], off[n] = len; the
 * count, or 0 if w is anything else or longer than NEAR_MAX letters. */
static int letters_of(size_t off[NEAR_MAX + 1], const char *w, size_t len)
{
    size_t i = 0;
    int n = 0, cyr = -1;

    while (i < len) {
        unsigned char c = (unsigned char)w[i];
        int is_cyr;
        if (c >= 'a' && c <= 'z')
            is_cyr = 0;
        else if (c >= 0xD0 && c <= 0xD4 && i + 1 < len && ((unsigned char)w[i + 1] & 0xC0) == 0x80)
            is_cyr = 1;
        else
            return 0;
        if (n == NEAR_MAX || (cyr >= 0 && is_cyr != cyr))
            return 0;
        cyr = is_cyr;
        off[n++] = i;
        i += is_cyr ? 2 : 1;
    }
    off[n] = len;
    return n;
}

/* 1 if literal l is a name word the index holds: a person's, or a name
 * of a place term as registered or as the gazetteer writes it: Cyrillic
 * (report-adv16a A-5: Хубсугул for the Russian form Хубсгул of Хөвсгөл),
 * its generated Cyrillic spellings included, and Latin (report-adv21
 * A-16: Hoeyrong, Chongjni, Suhkbaatar for Hoeryong, Chongjin,
 * Sukhbaatar, as Whitfeild is for a person's Whitfield), only the names
 * as written there, not the spellings the variant rules made; never a
 * declined form or stem. */
static int near_lit(const struct redactor *r, const struct lit *l, const char *key)
{
    if (!l->person)
        return r->terms[l->term].cat == TERM_PLACE && l->kind == FORM_REPLACE &&
               l->rule != RULE_INFLECTION && l->suffix != SUFFIX_MN_STEM &&
               (((unsigned char)key[0] >= 0xD0 && (unsigned char)key[0] <= 0xD4) ||
                (key[0] >= 'a' && key[0] <= 'z' && !l->generated));
    return l->word && !l->father && !l->initials && l->kind != FORM_SHORT &&
           l->kind != FORM_CONTEXT && l->rule != RULE_INFLECTION;
}

/* Where redact_near_build puts a pattern's hash. */
struct near_grow {
    struct redactor *r;
    uint64_t **h;
    size_t *n, *cap;
};

static int add_pattern(void *ctx, const unsigned char *p, size_t len)
{
    struct near_grow *g = ctx;
    uint64_t *x;

    if (*g->n + 1 > *g->cap) {
        *g->cap = (*g->n + 1) * 2;
        if ((x = realloc(*g->h, *g->cap * sizeof *x)) == NULL)
            return -1;
        *g->h = x;
    }
    (*g->h)[(*g->n)++] = redact_near_hash(g->r->nearkey, (const char *)p, len, 0, 0);
    return 0;
}

void redact_near_build(struct redactor *r)
{
    size_t off[NEAR_MAX + 1], i, n = 0, cap = 0;
    uint64_t *h = NULL, *g;
    int k, j;

    free(r->near), r->near = NULL, r->nnear = 0, r->near_failed = 0;
    randombytes_buf(r->nearkey, sizeof r->nearkey);
    for (i = 0; i < r->nlits; i++) {
        const char *w = r->arena + r->keyoff[i];
        if (!near_lit(r, &r->lits[i], w) || (k = letters_of(off, w, r->lits[i].keylen)) < NEAR_MIN)
            continue;
        if (n + (size_t)k + 1 > cap) {
            cap = (n + (size_t)k + 1) * 2;
            if ((g = realloc(h, cap * sizeof *h)) == NULL) {
                free(h);
                r->near_failed = 1;
                return;
            }
            h = g;
        }
        h[n++] = redact_near_hash(r->nearkey, w, off[k], 0, 0);
        for (j = 0; j < k; j++)
            h[n++] = redact_near_hash(r->nearkey, w, off[k], off[j], off[j + 1]);
    }
    /* A place's names with a jamo or vowels left open (redact_near_place.c). */
    for (i = 0; i < r->nlits; i++) {
        struct near_grow grow = { r, &h, &n, &cap };
        if (redact_near_place_patterns(r, &r->lits[i], r->arena + r->keyoff[i], add_pattern, &grow) != 0) {
            free(h);
            r->near_failed = 1;
            return;
        }
    }
    if (n > 1)
        qsort(h, n, sizeof *h, redact_near_cmp);
    r->near = h, r->nnear = n;
}


/* 1 if the word w[0..len) (key view, lower case) is one edit from a name
 * word of the index and is not one itself. */
static int near_word(const struct redactor *r, const char *w, size_t len)
{
    size_t off[NEAR_MAX + 1];
    int k = letters_of(off, w, len), j;
    uint64_t whole;

    if (k < NEAR_MIN - 1)
        return 0;
    whole = redact_near_hash(r->nearkey, w, len, 0, 0);
    if (redact_near_in(r, whole))
        return 0;                       /* the name itself: the matcher's */
    if (redact_near_in(r, whole | 1) || redact_near_in(r, whole | 3))
        return 1;                       /* a letter left out */
    /* A letter added (the name's whole hash), changed or swapped (the
     * name's with one left out).  The first letter left out of one and
     * another letter of the other is no one edit but two, and makes
     * near names of ordinary words: голова is олова, as Орлова is
     * (report-adv31 L-P1); the hash's bit 1 keeps them apart. */
    for (j = 0; j < k; j++) {
        uint64_t d = redact_near_hash(r->nearkey, w, len, off[j], off[j + 1]);
        if (redact_near_in(r, d & ~(uint64_t)3) || redact_near_in(r, d))
            return 1;
    }
    return 0;
}

int redact_near_word(const struct redactor *r, const char *w, size_t len)
{
    return r->near != NULL && near_word(r, w, len);
}

/* 1 if the word w[0..len) (key view) is a near name followed by a case
 * ending (report-adv19a N-2: Алтангрэлийг, Сүхбаатырын, Altangrelijn):
 * a stem of at least NEAR_MIN - 1 letters one edit from a name word,
 * then what variant_suffix_ok allows after a Mongolian (SUFFIX_MN, which
 * holds the Russian endings of its Cyrillic too) or European name; the
 * near-name rule and the case-ending rule combined. */
static int near_inflected(const struct redactor *r, const char *w, size_t len)
{
    size_t off[NEAR_MAX + 1];
    int k = letters_of(off, w, len);

    for (int j = k - 1; j >= NEAR_MIN - 1; j--)
        if ((variant_suffix_ok(SUFFIX_MN, w + off[j], len - off[j]) ||
             variant_suffix_ok(SUFFIX_EU, w + off[j], len - off[j])) &&
            near_word(r, w, off[j]))
            return 1;
    return 0;
}

/* The length of a character at s[0..n) that joins the letters of one
 * name word: a hyphen, an apostrophe, or a character that masks a letter
 * (report-adv12e F14: "J*ng-su", "J○ng-su": * _ # ○ ● ◯ 〇 × ■ □); 0 if none. */
static size_t joiner_len(const char *s, size_t n)
{
    static const char *const marks[] = {
        "\xe2\x97\x8b", "\xe2\x97\x8f", "\xe2\x97\xaf", "\xe3\x80\x87", "\xc3\x97",
        "\xe2\x96\xa0", "\xe2\x96\xa1",
    };

    if (n > 0 && strchr("-'*_#", s[0]) != NULL)
        return 1;
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (n >= strlen(marks[i]) && memcmp(s, marks[i], strlen(marks[i])) == 0)
            return strlen(marks[i]);
    return 0;
}

/* The length of a Latin or Cyrillic letter of the norm view at s[0..n)
 * (lower case there), or 0. */
static size_t letter_len(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];

    if (c >= 'a' && c <= 'z')
        return 1;
    return c >= 0xD0 && c <= 0xD4 && n >= 2 && ((unsigned char)s[1] & 0xC0) == 0x80 ? 2 : 0;
}

/* 1 if norm [p, word end) is a Korean particle (variant_suffix_ok). */
static int ko_particle_after(const struct normtext *t, size_t p)
{
    size_t e = p;
    int cp, k;

    while (e < t->normlen && (k = utf8_next(&cp, t->norm + e, t->normlen - e)) > 0 &&
           is_hangul_cp(cp))
        e += (size_t)k;
    if (e < t->normlen && utf8_next(&cp, t->norm + e, t->normlen - e) > 0 && is_word_cp(cp))
        return 0;
    return variant_suffix_ok(SUFFIX_KO, t->norm + p, e - p);
}

int redact_near_names(struct spans *flags, const struct redactor *r, const struct normtext *t)
{
    char w[2 * NEAR_MAX + 2];
    size_t i = 0, a, k, j, wl;
    int cp;

    if (r->near_failed)
        return -1;
    if (r->nnear == 0)
        return 0;
    while (i < t->normlen) {
        if (letter_len(t->norm + i, t->normlen - i) == 0 ||
            (i > 0 && is_word_cp(redact_cp_before(t->norm, i)))) {
            i++;
            continue;
        }
        /* One word: letters, joined over hyphens, apostrophes and masks
         * (the letters alone are looked up); a word glued to any other
         * word character (digits, Hangul) is left. */
        a = i, wl = 0;
        for (;;) {
            while ((k = letter_len(t->norm + i, t->normlen - i)) > 0) {
                if (wl + k < sizeof w)
                    memcpy(w + wl, t->norm + i, k);
                wl += k, i += k;
            }
            if ((j = joiner_len(t->norm + i, t->normlen - i)) == 0)
                break;
            if (i + j >= t->normlen || letter_len(t->norm + i + j, t->normlen - i - j) == 0) {
                /* A mask ends the word too ("Jong-s_"). */
                if (t->norm[i] != '-' && t->norm[i] != '\'')
                    i += j;
                break;
            }
            i += j;
        }
        /* A Korean particle glued on ("Chnogjin이", "Gangnma에서"; brief
         * s24 place24): the Latin word is looked up, the particle stays. */
        if (i < t->normlen && utf8_next(&cp, t->norm + i, t->normlen - i) > 0 && is_word_cp(cp) &&
            !(is_hangul_cp(cp) && ko_particle_after(t, i)))
            continue;
        if (wl < sizeof w && (near_word(r, w, wl) || near_inflected(r, w, wl) ||
                              (!redact_near_has(r, w, wl) && redact_near_place_latin(r, w, wl)))) {
            int lang = lexicon_lang_of((unsigned char)w[0] < 0x80 ? 'a' : 0x0430);
            struct span s = { t->ostart[a], normtext_oend(t, i - 1), FLAG_NEAR_NAME, 0, 0,
                              SIZE_MAX, 0, 0, 0 };
            if (lang >= 0 && redact_known_word(lang, t->norm + a, i - a))
                continue;
            /* The ordinary word where it stands ("Надежда умирает
             * последней"), or a verb (дарили): brief s32 set32. */
            if (redact_sense_near_word(t, a, i))
                continue;
            /* A word of a public figure's whole name (Andriy Shevchenko,
             * Nursultan Nazarbayev): the figure, kept (redact_sense_other.c;
             * brief s47 pub47, report-adv46 O-4, O-24). */
            if (redact_sense_public_figure(t, a, i))
                continue;
            if (redact_span_add(flags, &s) != 0)
                return -1;
        }
    }
    sodium_memzero(w, sizeof w);
    return redact_near_places_ko(flags, r, t);
}
