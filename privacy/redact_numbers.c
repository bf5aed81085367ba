/* Numbers said in words around the other rules (report-adv16a A-2,
 *
 *   - one number, one placeholder of its term's category: a pattern
 *     detection whose digits (written, or read from number words) are a
 *     registered id, account or other term's ("account:110123456789" said
 *     "one one zero, one two three, ...", or written "110-123-456789")
 *     takes that term's category and number (redact_adopt_terms);
 *   - a registered code whose letter is said as a word before its digits
 *     ("em one two three four five six seven" for M1234567; English
 *     letter names, Korean ones spaced: "엠 일이삼...") is that term
 *     (redact_letter_terms; glued "엠일이삼..." is detect_spoken.c's);
 *   - a group of number words right before a replaced number joins it
 *     ("칠칠이 [PHONE-1]" keeps no 칠칠이: redact_join_spoken);
 *   - a run of number words of 7 digits or more in any language the
 *     spoken reader knows (English, Russian, Mongolian, Korean native and
 *     Sino-Korean, Han: detect_spoken.c) that no rule replaced is a
 *     `spoken-number` review flag (redact_spoken_runs): "seven seven two,
 *     four four one, nine nine eight seven six".  Counts ("seven people,
 *     two trucks") are runs of one word and never flagged. */
#include <sodium.h>
#include <stdint.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"

#define READ_DIGITS 40
/* Digits of a run of number words that make it a spoken number to flag:
 * fewer are a year, a count, a date (report-adv16a A-19: 7 or more). */
#define FLAG_DIGITS 7

/* 1 if a word starts at norm byte p (no word character before it). */
static int word_start(const char *s, size_t p)
{
    size_t n;

    return p == 0 || !is_word_cp(det_cp_before(s, p, &n));
}

/* 1 if c is a number's category: detected phones, IDs, accounts, or id,
 * account and other terms. */
static int number_cat(int c)
{
    return c == CAT_DETECT + DETECT_PHONE || c == CAT_DETECT + DETECT_ID ||
           c == CAT_DETECT + DETECT_ACCOUNT || c == TERM_ID || c == TERM_ACCOUNT || c == TERM_OTHER;
}

/* The literal whose key is key[0..n) exactly, of an id, account or other
 * term, or SIZE_MAX. */
static size_t number_lit(const struct redactor *r, const char *key, size_t n)
{
    for (size_t i = 0; i < r->nlits; i++) {
        int c = r->terms[r->lits[i].term].cat;
        if (r->lits[i].keylen == n && (c == TERM_ID || c == TERM_ACCOUNT || c == TERM_OTHER) &&
            memcmp(r->arena + r->keyoff[i], key, n) == 0)
            return i;
    }
    return SIZE_MAX;
}

/* The literal of an id, account or other term whose key ends in
 * key[0..n) and is longer (a registered number's last digits shown
 * after a mask: "Account no. ⋯5566" of account:482-9173-5566, report-adv25b
 * C-14), or SIZE_MAX; four digits at least (n is bytes of digits). */
static size_t number_tail_lit(const struct redactor *r, const char *key, size_t n)
{
    for (size_t i = 0; n >= 4 && i < r->nlits; i++) {
        int c = r->terms[r->lits[i].term].cat;
        size_t kl = r->lits[i].keylen;
        if (kl > n && (c == TERM_ID || c == TERM_ACCOUNT || c == TERM_OTHER) &&
            memcmp(r->arena + r->keyoff[i] + kl - n, key, n) == 0)
            return i;
    }
    return SIZE_MAX;
}

static char letter_at(const char *s, size_t len, size_t p, size_t *e);

/* The key of the number in norm[a, b) (its digits and a code's letters)
 * in d (at most cap): as a code written several ways reads
 * ("M-one-two-three-4567": detect_code.c), as number words read, or its
 * digits and letters; its length, 0 if none. */
static size_t span_key(const struct normtext *t, size_t a, size_t b, char *d, size_t cap)
{
    char code[READ_DIGITS];
    size_t n = 0, m = 0, k;

    if (det_read_code(t->norm, b, a, code, sizeof code, &m) == b) {
        for (k = 0; k < m && n < cap; k++)
            if (det_alnum(code[k]))
                d[n++] = code[k];
        sodium_memzero(code, sizeof code);
        return n;
    }
    if (detect_spoken_reading(t->norm, b, a, d, cap, &n) == b)
        return n;
    /* A code's letter said as a word before number words ("em one two
     * ...", "엠일이삼..."). */
    if (cap > 1 && (d[0] = letter_at(t->norm, b, a, &m)) != 0) {
        while (m < b && (t->norm[m] == ' ' || t->norm[m] == '-'))
            m++;
        if (detect_spoken_reading(t->norm, b, m, d + 1, cap - 1, &n) == b)
            return n + 1;
    }
    for (n = 0, k = a; k < b && n < cap; k++)
        if (det_alnum(t->norm[k]))
            d[n++] = t->norm[k];
    return n;
}

void redact_adopt_terms(struct spans *sp, const struct redactor *r, const struct normtext *t)
{
    char d[READ_DIGITS];
    size_t i, n, lit;

    if (r->nterms == 0)
        return;
    for (i = 0; i < sp->n; i++) {
        struct span *s = &sp->s[i];
        if (s->rule != R_PATTERN || !number_cat(s->cat) ||
            (n = span_key(t, s->start, s->end, d, sizeof d)) < 4)
            continue;
        /* the whole number, or its last digits right after a mask
         * (det_mask_before: "…5566", "⋯5566", "***5566"): one number, one
         * placeholder */
        if ((lit = number_lit(r, d, n)) == SIZE_MAX &&
            (!det_mask_before(t->norm, s->start) || (lit = number_tail_lit(r, d, n)) == SIZE_MAX))
            continue;
        s->cat = r->terms[r->lits[lit].term].cat == TERM_OTHER ? s->cat : r->terms[r->lits[lit].term].cat;
        s->term = s->cat < CAT_DETECT ? r->lits[lit].term : SIZE_MAX;
    }
    sodium_memzero(d, sizeof d);
}

/* Letter names said for a code's letter in English (a as "ay", m as
 * "em"); the Korean ones are detect_spoken.c's (detect_ko_letter).  n is
 * the name's length in bytes. */
#define LETTER_NAME(w, c) { w, sizeof w - 1, c }
static const struct {
    const char *w;
    size_t n;
    char c;
} letter_names[] = {
    LETTER_NAME("ay", 'a'), LETTER_NAME("bee", 'b'), LETTER_NAME("cee", 'c'), LETTER_NAME("dee", 'd'),
    LETTER_NAME("ef", 'f'), LETTER_NAME("gee", 'g'), LETTER_NAME("aitch", 'h'), LETTER_NAME("jay", 'j'),
    LETTER_NAME("kay", 'k'), LETTER_NAME("el", 'l'), LETTER_NAME("em", 'm'), LETTER_NAME("en", 'n'),
    LETTER_NAME("pee", 'p'), LETTER_NAME("cue", 'q'), LETTER_NAME("ar", 'r'), LETTER_NAME("es", 's'),
    LETTER_NAME("tee", 't'), LETTER_NAME("vee", 'v'), LETTER_NAME("ex", 'x'), LETTER_NAME("zed", 'z'),
    LETTER_NAME("zee", 'z'),
};
#undef LETTER_NAME

/* The letter the word at p names, its end in *e; 0 if none.  Called at
 * every word's start (redact_letter_terms), so a word whose first byte
 * starts no letter name costs one comparison per name. */
static char letter_at(const char *s, size_t len, size_t p, size_t *e)
{
    size_t kl;
    char c;

    if ((kl = detect_ko_letter(s, len, p, &c)) > 0)
        return *e = p + kl, c;
    for (size_t k = 0; k < sizeof letter_names / sizeof letter_names[0]; k++) {
        size_t n = letter_names[k].n;
        if (s[p] == letter_names[k].w[0] && p + n < len && memcmp(s + p, letter_names[k].w, n) == 0 &&
            (s[p + n] == ' ' || s[p + n] == '-'))
            return *e = p + n, letter_names[k].c;
    }
    return 0;
}

int redact_letter_terms(struct spans *sp, const struct redactor *r, const struct normtext *t)
{
    char d[READ_DIGITS];
    size_t p, e, end, n, lit;
    char c;
    int rc = 0;

    for (p = 0; p < t->normlen && rc == 0; p++) {
        unsigned char b = (unsigned char)t->norm[p];
        /* A letter name starts with a lower-case ASCII letter (the
         * English names) or a Hangul syllable (lead byte 0xEA-0xED, the
         * Korean ones): other bytes are skipped before the word test. */
        if (!((b >= 'a' && b <= 'z') || (b >= 0xea && b <= 0xed)))
            continue;
        if (!word_start(t->norm, p) || (c = letter_at(t->norm, t->normlen, p, &e)) == 0)
            continue;
        while (e < t->normlen && (t->norm[e] == ' ' || t->norm[e] == '-'))
            e++;
        if ((end = detect_spoken_reading(t->norm, t->normlen, e, d + 1, sizeof d - 1, &n)) == 0)
            continue;
        d[0] = c;
        if ((lit = number_lit(r, d, n + 1)) != SIZE_MAX) {
            const struct term *tm = &r->terms[r->lits[lit].term];
            struct span s = { p, end, tm->cat, r->lits[lit].rule, tm->subject, r->lits[lit].term, 0, 0, 0 };
            rc = redact_span_add(sp, &s);
            p = end;
        }
    }
    sodium_memzero(d, sizeof d);
    return rc;
}

/* The start of the word that ends at q; a run of Han digits is a word
 * of its own inside Chinese text ("他写下了七七二 ..."). */
static size_t word_back(const char *s, size_t q)
{
    size_t cl;
    int cp = det_cp_before(s, q, &cl), han = cp >= 0 && det_han_digit(cp) >= 0;

    while ((cp = det_cp_before(s, q, &cl)) >= 0 && is_word_cp(cp) && (!han || det_han_digit(cp) >= 0))
        q -= cl;
    return q;
}

static int digits_in(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (det_digit(s[i]))
            return 1;
    return 0;
}

/* The start of the words of a number (3 digits or more, or any when the
 * span itself starts with a number word: "seven [seven two 010-...]")
 * that end, before separators, right at a; a if none.  Up to 12 words
 * back, the longest run that reads to the end. */
static size_t group_before(const struct normtext *t, size_t a, int words)
{
    char d[READ_DIGITS];
    size_t b = a, q, n = 0, best = a, cl;
    int cp, k;

    while (b > 0 && a - b < 3 && (t->norm[b - 1] == ' ' || t->norm[b - 1] == ',' || t->norm[b - 1] == '-'))
        b--;
    if (b == a || b == 0)
        return a;
    q = b;
    for (k = 0; k < 12 && q > 0; k++) {
        /* Back over separators, then over the word before them. */
        while (q > 0 && q < b && (t->norm[q - 1] == ' ' || t->norm[q - 1] == ',' || t->norm[q - 1] == '-'))
            q--;
        if ((cp = det_cp_before(t->norm, q, &cl)) < 0 || !is_word_cp(cp))
            break;
        q = word_back(t->norm, q);
        /* Words only: digits before are a number of their own. */
        if (digits_in(t->norm, q, b))
            break;
        n = 0;
        if (detect_spoken_reading(t->norm, b, q, d, sizeof d, &n) != b) {
            if (k == 0 && words && detect_spoken_word(t->norm, b, q))
                best = q;               /* one word: "seven [seven two ...]" */
            if (k == 0)
                continue;
            break;
        }
        if (n >= 3 || words)
            best = q;
    }
    sodium_memzero(d, sizeof d);
    return best;
}

void redact_join_spoken(struct spans *sp, const struct normtext *t)
{
    for (size_t i = 0; i < sp->n; i++) {
        struct span *s = &sp->s[i];
        size_t q;
        if (!number_cat(s->cat) || s->start == 0)
            continue;
        if ((q = group_before(t, s->start, detect_spoken_word(t->norm, t->normlen, s->start))) != s->start)
            s->start = q;
    }
}

/* The length in bytes of the word at p. */
static size_t word_len(const char *s, size_t len, size_t p)
{
    size_t e = p, cl;
    int cp;

    while ((cp = det_cp_at(s, len, e, &cl)) >= 0 && is_word_cp(cp))
        e += cl;
    return e - p;
}

/* 1 if a number may start at p: a word's start, or the first of a run of
 * Han digits.  For the walk of redact_spoken_runs, which decodes each
 * character once: *after is where the character last decoded (*cp)
 * ends, and a character at p == *after is the one before p (what
 * det_cp_before would decode again: a character decoded forward is one
 * whole character, so reading back from its end finds its start). */
static int number_start_walk(const char *s, size_t len, size_t p, size_t *after, int *cp)
{
    size_t cl;
    int before = p == *after ? *cp : det_cp_before(s, p, &cl);

    *cp = det_cp_at(s, len, p, &cl);
    *after = *cp >= 0 ? p + cl : SIZE_MAX;
    if (p == 0 || !is_word_cp(before))
        return 1;
    return *cp >= 0 && det_han_digit(*cp) >= 0 && !(before >= 0 && det_han_digit(before) >= 0);
}

int redact_spoken_runs(struct spans *flags, const struct normtext *t)
{
    char d[READ_DIGITS];
    size_t p = 0, end, n, k, after = SIZE_MAX;
    int rc = 0, cp = -1;

    while (p < t->normlen && rc == 0) {
        unsigned char c = (unsigned char)t->norm[p];
        if (!((c >= 'a' && c <= 'z') || c >= 0xC0) || !number_start_walk(t->norm, t->normlen, p, &after, &cp) ||
            (end = detect_spoken_reading(t->norm, t->normlen, p, d, sizeof d, &n)) == 0) {
            p++;
            continue;
        }
        /* A Hangul name shape of digit syllables and the words after it
         * are redact_flags.c's spoken-number flag already (공일공 오육 칠팔). */
        if (n >= FLAG_DIGITS && !(is_hangul_cp(c >= 0xC0 ? det_cp_at(t->norm, t->normlen, p, &k) : -1) &&
                                  word_len(t->norm, t->normlen, p) == 9 && detect_ko_digit_word(t->norm + p, 9) != 0)) {
            struct span s = { t->ostart[p], normtext_oend(t, end - 1), FLAG_SPOKEN_NUMBER, 0, 0, SIZE_MAX,
                              0, 0, 0 };
            rc = redact_span_add(flags, &s);
        }
        p = end;
    }
    sodium_memzero(d, sizeof d);
    return rc;
}
