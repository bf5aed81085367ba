/* Parts of registered numbers (issue 12, report-adv20 R-10, brief s21
 * glue21): with an id, account or other term that holds six digits or
 * more registered ("УБ75031412", "M4829173", "5012345678"), a part of its
 * digits, in order, is that term:
 *   - written in digits: six digits or more, in groups or not
 *     ("75-03-14-12", "031412", "4829-173", "ends in 829173");
 *   - said in number words: four digits or more ("долоо тав тэг гурав",
 *     "four eight two nine", and English digit words glued in one word,
 *     "fourEightTwoNine"), since a run of number words is a number said
 *     on purpose.
 * A part is replaced as the term ([ID-n], [ACCOUNT-n]), never a review
 * flag.  Four or five written digits ("0314", "1412") are left: a year or
 * an amount shares four digits with a registered number by chance too
 * often (docs/VARIANTS.md "Session 21"), unless a word before them says
 * a part of a number is meant ("the last four digits are 1412",
 * "뒷자리 1412", "сүүлийн 4 орон нь 1412": part_cue_before, brief s22
 * num22).  Digits a pattern detector
 * replaced already are left to it. */
#include <sodium.h>
#include <string.h>

#include "privacy/detect_int.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"

#define PART_WRITTEN 6          /* digits of a written part, at least */
#define PART_SPOKEN 4           /* digits of a part said in words, at least */
#define PART_MAX 40             /* digits of one run read, at most */
#define PART_CUED 4             /* digits of a written part after a cue word, at least */
#define CUE_WINDOW 40           /* bytes before a part a cue word may stand in */

/* 1 if words saying that part of a number is meant ("the last four",
 * "digits", "ends in", 자리 "digit place" as in 뒷자리, Mongolian орон,
 * Russian цифры) stand in the
 * CUE_WINDOW bytes of norm text before at (brief s22 num22, kind 5). */
static int part_cue_before(const char *s, size_t at)
{
    static const char *const cues[] = {
        "last four", "last 4", "last five", "last 5", "first four", "first 4", "first five",
        "first 5", "ends in", "ending in", "ends with", "digits",
        "\xec\x9e\x90\xeb\xa6\xac",                         /* 자리 (끝자리, 뒷자리, 네 자리) */
        "\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbd",             /* орон (digit place: 4 орон) */
        "\xd1\x86\xd0\xb8\xd1\x84\xd1\x80",             /* цифр(ы) */
    };
    size_t a = at > CUE_WINDOW ? at - CUE_WINDOW : 0;

    for (size_t k = 0; k < sizeof cues / sizeof cues[0]; k++)
        if (memmem(s + a, at - a, cues[k], strlen(cues[k])) != NULL)
            return 1;
    return 0;
}

/* 1 if literal lit is of a number-holding category (id, account, other). */
static int number_lit(const struct redactor *r, size_t lit)
{
    int cat = r->terms[r->lits[lit].term].cat;

    return cat == TERM_ID || cat == TERM_ACCOUNT || cat == TERM_OTHER;
}

/* The literal whose key's digits (its other characters left out) hold
 * d[0..n) in order, with PART_WRITTEN digits or more; SIZE_MAX if none.
 * Linear in the literals' key bytes: asked only of runs no detector
 * took. */
static size_t part_of(const struct redactor *r, const char *d, size_t n)
{
    char k[PART_MAX * 2];
    size_t i, j, m;

    for (i = 0; i < r->nlits; i++) {
        const char *key = r->arena + r->keyoff[i];
        if (!number_lit(r, i) || r->lits[i].keylen < n)
            continue;
        for (j = 0, m = 0; j < r->lits[i].keylen && m < sizeof k; j++)
            if (key[j] >= '0' && key[j] <= '9')
                k[m++] = key[j];
        if (m >= PART_WRITTEN && m >= n && memmem(k, m, d, n) != NULL) {
            sodium_memzero(k, sizeof k);
            return i;
        }
    }
    sodium_memzero(k, sizeof k);
    return SIZE_MAX;
}

/* 1 if a pattern detector's span (in out) lies over [a, b). */
static int detected(const struct spans *sp, size_t a, size_t b)
{
    for (size_t i = 0; i < sp->n; i++)
        if (sp->s[i].rule == R_PATTERN && sp->s[i].start < b && sp->s[i].end > a)
            return 1;
    return 0;
}

static int add_part(struct spans *out, const struct redactor *r, size_t lit, size_t a, size_t b)
{
    const struct term *tm = &r->terms[r->lits[lit].term];
    struct span s = { a, b, tm->cat, r->lits[lit].rule, tm->subject, r->lits[lit].term, 0, 0, 0 };

    return redact_span_add(out, &s) == 0 ? 0 : -1;
}

/* The end of a run of written digits at s[at] (groups joined by one '-',
 * '.', '/' or space), its digits in d[0..*n); 0 if it has more than cap. */
static size_t written_run(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n)
{
    size_t i = at, end = at;

    *n = 0;
    while (i < len) {
        if (s[i] >= '0' && s[i] <= '9') {
            if (*n == cap)
                return 0;
            d[(*n)++] = s[i++];
            end = i;
        } else if (i > at && i + 1 < len && strchr("-./ ", s[i]) != NULL && s[i + 1] >= '0' &&
                   s[i + 1] <= '9') {
            i++;
        } else {
            break;
        }
    }
    return end;
}

/* 1 if a word character starts at norm byte p of s[0..len). */
static int word_at(const char *s, size_t len, size_t p)
{
    int cp;

    return p < len && utf8_next(&cp, s + p, len - p) > 0 && is_word_cp(cp);
}

/* English digit words glued in one word ("foureighttwonine", written
 * fourEightTwoNine): the word's end and its digits, or 0 unless the whole
 * word is such words. */
static size_t glued_words(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n)
{
    static const char *const w[] = { "zero", "one", "two", "three", "four",
                                     "five", "six", "seven", "eight", "nine" };
    size_t i = at, k;

    *n = 0;
    while (i < len && s[i] >= 'a' && s[i] <= 'z') {
        for (k = 0; k < 10; k++)
            if (strlen(w[k]) <= len - i && memcmp(s + i, w[k], strlen(w[k])) == 0)
                break;
        if (k == 10 || *n == cap)
            return 0;
        d[(*n)++] = (char)('0' + k);
        i += strlen(w[k]);
    }
    return word_at(s, len, i) ? 0 : i;
}

int redact_id_parts(struct spans *out, const struct redactor *r, const struct normtext *t)
{
    char d[PART_MAX];
    size_t p = 0, end, n, lit;
    int rc = 0;

    if (!r->id_parts)
        return 0;
    while (p < t->normlen && rc == 0) {
        unsigned char c = (unsigned char)t->norm[p];
        size_t nb;
        int before = p > 0 ? det_cp_before(t->norm, p, &nb) : -1;
        end = 0, n = 0;
        if (before >= 0 && is_word_cp(before)) {
            p++;
            continue;
        }
        if (c >= '0' && c <= '9') {
            if ((end = written_run(t->norm, t->normlen, p, d, sizeof d, &n)) != 0 &&
                ((n < PART_WRITTEN && (n < PART_CUED || !part_cue_before(t->norm, p))) ||
                 word_at(t->norm, t->normlen, end)))
                end = 0;
        } else if ((c >= 'a' && c <= 'z') || c >= 0xC0) {
            if ((end = detect_spoken_reading(t->norm, t->normlen, p, d, sizeof d, &n)) == 0 &&
                (end = detect_spoken_reading_min(t->norm, t->normlen, p, d, sizeof d, &n,
                                                 PART_SPOKEN)) == 0)
                end = glued_words(t->norm, t->normlen, p, d, sizeof d, &n);
            if (n < PART_SPOKEN)
                end = 0;
        }
        if (end == 0) {
            p++;
            continue;
        }
        if (!detected(out, p, end) && (lit = part_of(r, d, n)) != SIZE_MAX)
            rc = add_part(out, r, lit, p, end);
        p = end;
    }
    sodium_memzero(d, sizeof d);
    return rc;
}
