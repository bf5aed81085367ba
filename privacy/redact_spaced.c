/* Spaced Cyrillic initials ("к. о.", "В. Л.": brief s43 ini43): the key
 * view keeps a full stop before a space, so such a run keys "к.о." and
 * never meets the literal "ко"; this walk reads two or three Cyrillic
 * letters, each alone with its full stop and a space after at least one,
 * as the key of the letters and files them as the matcher's hit would be
 * (redact_file_hit: the initials reader, redact_initials.c, gives the
 * verdict).  A file of its own, above redact_hits.c, so that the initials
 * reader and the hit rules do not call each other in a circle
 * (scripts/layers.sh). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/varlist.h"

/* 1 if the Cyrillic letter at norm byte p of t stands alone: no word
 * character before it, a full stop right after it; *n its bytes. */
static int cyrillic_alone(const struct normtext *t, size_t p, size_t *n)
{
    int cp, k;

    if (p >= t->normlen || (k = utf8_next(&cp, t->norm + p, t->normlen - p)) <= 0 ||
        cp < 0x430 || cp > 0x45F || (p > 0 && is_word_cp(redact_cp_before(t->norm, p))))
        return 0;
    *n = (size_t)k;
    return p + *n < t->normlen && t->norm[p + *n] == '.';
}

/* 1 if the Cyrillic letter at norm byte p of t stands alone with no
 * full stop after it, nor a word character, nor a space within its line
 * ("в. л" at a line's end, "ж. ш)": the last full stop left out,
 * report-adv46 L-2, L-31; not the "в" of "к. о. в пятницу"); *n its
 * bytes.  Whether such an end makes initials is the initials reader's
 * (redact_initials.c, initials_shape: the text's or a line's end, a
 * closing bracket or quote, a case ending after a hyphen). */
static int cyrillic_open_end(const struct normtext *t, size_t p, size_t *n)
{
    int cp, k;
    size_t e;

    if (p >= t->normlen || (k = utf8_next(&cp, t->norm + p, t->normlen - p)) <= 0 ||
        cp < 0x430 || cp > 0x45F || (p > 0 && is_word_cp(redact_cp_before(t->norm, p))))
        return 0;
    *n = (size_t)k, e = p + *n;
    if (e >= t->normlen)
        return 1;
    if (t->norm[e] == ' ')
        return redact_crosses_line(t, e, e + 1);
    return utf8_next(&cp, t->norm + e, t->normlen - e) > 0 && !is_word_cp(cp) && cp != '.';
}

int redact_spaced_cyrillic(struct spans *sp, struct spans *flags, const struct redactor *r,
                           const struct normtext *t)
{
    char key[16];
    size_t p, q, n, klen, end;
    int spaced, open, cp;

    for (p = 0; p < t->normlen; p++) {
        /* A byte gate (red44): every letter cyrillic_alone admits is two
         * bytes with its full stop right after; jump to the next full
         * stop instead of decoding every character. */
        const char *dot = p + 2 < t->normlen ? memchr(t->norm + p + 2, '.', t->normlen - p - 2) : NULL;
        if (dot == NULL)
            break;
        p = (size_t)(dot - t->norm) - 2;
        if (!cyrillic_alone(t, p, &n))
            continue;
        /* two or three letters, each with its full stop, one space at
         * least after one of them (the key view joins "к.о." itself) */
        memcpy(key, t->norm + p, n), klen = n, end = p + n, spaced = 0, open = 0;
        for (q = p + n + 1; klen < 3 * 2 && !open; q = end + 1) {
            size_t k = q < t->normlen && t->norm[q] == ' ' ? q + 1 : q;
            if (!cyrillic_alone(t, k, &n) && !(open = cyrillic_open_end(t, k, &n)))
                break;
            spaced |= k > q;
            memcpy(key + klen, t->norm + k, n), klen += n, end = k + n;
        }
        if (!spaced || klen < 4 ||
            (end + 1 < t->normlen && utf8_next(&cp, t->norm + end + 1, t->normlen - end - 1) > 0 &&
             is_word_cp(cp) && !open))
            continue;
        for (size_t j = 0; j < r->nlits; j++) {
            const struct lit *l = &r->lits[j];
            struct redact_form f;
            struct span s = { p, end, 0, RULE_VARIANT, 0, SIZE_MAX, 0, 0, 0 };
            if (!l->person || l->keylen != klen || memcmp(r->arena + r->keyoff[j], key, klen) != 0)
                continue;
            f = redact_lit_form(r, j);
            if (f.kind == FORM_CONTEXT)
                break;
            if (redact_file_hit(&s, r, j, &f, HIT_REPLACE, t, sp, flags) != 0)
                return -1;
            break;
        }
        p = end;
    }
    return 0;
}
