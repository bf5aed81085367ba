/* Parts of a registered number in nearby sentences (brief s26 num26,
 * issue 12): "He said 9911. Then 2233." with +82 10 9911 2233
 * registered.  Each part alone is four digits that a year or an amount
 * shares by chance (redact_idparts.c leaves them), but two or more
 * separate runs of digits near each other that are, in order, parts of
 * one registered number's digits are the number given in pieces: a
 * `number-parts` review flag over them, never a replacement (the reader
 * decides).  The rule: runs of three digits or more, not glued to a
 * letter or digit, each within PARTS_WINDOW bytes of the one before,
 * found in the digits of one id, account or other term (contacts are id
 * terms: contact_terms.c) after the part before, together PARTS_DIGITS
 * digits or more.  Input offsets in the flags' spans; memory: the spans'
 * own; errors: -1 when out of memory. */
#include <sodium.h>
#include <string.h>

#include "privacy/detect_int.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"

#define PARTS_WINDOW 48         /* bytes between two parts, at most */
#define PARTS_DIGITS 7          /* digits of all the parts, at least */
#define PARTS_RUN 3             /* digits of one part, at least */
#define PARTS_KEY 40            /* digits of a key read, at most */

/* The digits of literal lit's key into k (cap PARTS_KEY); their count,
 * 0 if lit holds no number. */
static size_t key_digits_of(const struct redactor *r, size_t lit, char *k)
{
    const char *key = r->arena + r->keyoff[lit];
    int cat = r->terms[r->lits[lit].term].cat;
    size_t m = 0;

    if (cat != TERM_ID && cat != TERM_ACCOUNT && cat != TERM_OTHER)
        return 0;
    for (size_t j = 0; j < r->lits[lit].keylen && m < PARTS_KEY; j++)
        if (key[j] >= '0' && key[j] <= '9')
            k[m++] = key[j];
    return m;
}

/* The next run of PARTS_RUN digits or more from *p that no letter or
 * digit touches: its start in *a and end in *b, 1 if found. */
static int next_run(const char *s, size_t len, size_t *p, size_t *a, size_t *b)
{
    size_t i = *p, n;

    for (; i < len; i++) {
        if (!det_digit(s[i]) || (i > 0 && det_letter_before(s, i)))
            continue;
        n = det_digits(s, len, i);
        if (n >= PARTS_RUN && !det_letter_at(s, len, i + n)) {
            *a = i, *b = i + n, *p = i + n;
            return 1;
        }
        i += n;
    }
    *p = len;
    return 0;
}

int redact_number_parts(struct spans *flags, const struct redactor *r, const struct normtext *t)
{
    char k[PARTS_KEY];
    size_t lit, m, p, a, b, first, last, at, digits, runs, q, fa, fb;
    const char *s = t->norm, *hit;
    int rc = 0;

    for (lit = 0; lit < r->nlits && rc == 0; lit++) {
        if ((m = key_digits_of(r, lit, k)) < PARTS_DIGITS)
            continue;
        for (p = 0; rc == 0 && next_run(s, t->normlen, &p, &fa, &fb);) {
            if (fb - fa >= m || (hit = memmem(k, m, s + fa, fb - fa)) == NULL)
                continue;
            at = (size_t)(hit - k) + (fb - fa), first = fa, last = fb, digits = fb - fa, runs = 1;
            for (q = fb; next_run(s, t->normlen, &q, &a, &b) && a - last <= PARTS_WINDOW;) {
                if (at >= m || (hit = memmem(k + at, m - at, s + a, b - a)) == NULL)
                    break;
                at = (size_t)(hit - k) + (b - a), last = b, digits += b - a, runs++;
            }
            if (runs >= 2 && digits >= PARTS_DIGITS && digits <= m) {
                struct span f = { t->ostart[first], normtext_oend(t, last - 1), FLAG_NUMBER_PARTS, 0, 0,
                                  SIZE_MAX, 0, 0, 0 };
                rc = redact_span_add(flags, &f);
                p = last;
            }
        }
    }
    sodium_memzero(k, sizeof k);
    return rc;
}
