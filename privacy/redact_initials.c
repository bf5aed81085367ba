/* A name's initials written with a full stop and a space after each
 * ("D. M." of Daniel Morgan, report-adv27c H-11; "A. S." of Aleksei
 * Smirnov, "Б. Д." of Батбаяр Дорж): the key view leaves the spaces out
 * (normalise.h), so such a run reads the initials' key "d.m", which a
 * short key across a space is otherwise refused for (redact_hits.c: "OR A"
 * is no "Ora").  Written so, letters standing alone in capitals, they are
 * initials; whose is not sure ("D. M. Smith" is another person), so the
 * caller makes them a review flag. */
#include <stddef.h>
#include <utf8proc.h>

#include "privacy/normalise.h"
#include "privacy/redact_int.h"

/* 1 if cp is a letter of Latin or Cyrillic (the scripts with capitals and
 * full stops after initials). */
static int initial_letter(int cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0x24F) || (cp >= 0x430 && cp <= 0x45F);
}

int redact_spaced_initials(const struct normtext *t, size_t a, size_t b)
{
    size_t p = a;
    int cp, n, letters = 0;

    if (a > 0 && initial_letter(redact_cp_before(t->norm, a)))
        return 0;
    while (p < b) {
        if ((n = utf8_next(&cp, t->norm + p, t->normlen - p)) <= 0 || !initial_letter(cp) ||
            !redact_upper_at(t, p))
            return 0;
        letters++, p += (size_t)n;
        if (p >= b)
            break;
        if (t->norm[p] != '.' || p + 1 >= b || t->norm[p + 1] != ' ')
            return 0;
        p += 2;
    }
    if (p < t->normlen && (utf8_next(&cp, t->norm + p, t->normlen - p)) > 0 && initial_letter(cp))
        return 0;
    return letters >= 2;
}

/* 1 if cp (a capital) is a letter of one of the subject's initials'
 * literals (variants.c name_initials and korean_initials, lit.initials:
 * "np", "нп", "gb", "mj"), that is, the first letter of a spelling of a
 * word of its names in some script. */
static int subject_initial(const struct redactor *r, long subject, int cp)
{
    int lower = utf8proc_tolower(cp), c, n;

    for (size_t j = 0; j < r->nlits; j++) {
        const struct lit *l = &r->lits[j];
        const char *k = r->arena + r->keyoff[j];
        if (!l->initials || l->keylen > 16 || r->terms[l->term].subject != subject)
            continue;
        for (size_t i = 0; i < l->keylen && (n = utf8_next(&c, k + i, l->keylen - i)) > 0;
             i += (size_t)n)
            if (c == lower)
                return 1;
    }
    return 0;
}

size_t redact_own_initials_at(const struct redactor *r, long subject, const struct normtext *t,
                              size_t q, size_t lim, int *count)
{
    size_t end = q;
    int cp, n, got = 0, best = 0, lower = -1, up;

    while (got < 3 && q < lim) {
        if ((n = utf8_next(&cp, t->norm + q, lim - q)) <= 0 || !initial_letter(utf8proc_tolower(cp)) ||
            !subject_initial(r, subject, cp))
            break;
        up = redact_upper_at(t, q);
        if (lower < 0)
            lower = !up;
        /* one case throughout; small letters each with a full stop
         * ("н.п. коваленко": report-adv37 L-1; "к Коваленко" is a word) */
        if (up == lower || (lower && (q + (size_t)n >= lim || t->norm[q + (size_t)n] != '.')))
            break;
        q += (size_t)n, got++;
        if (q < lim && t->norm[q] == '.')
            q++;
        /* the longest run with no letter glued after its last initial:
         * "Коваленко НП. Потім" is НП, not НП. П (report-adv37 L-13) */
        if (q >= t->normlen || utf8_next(&cp, t->norm + q, t->normlen - q) <= 0 || !is_word_cp(cp))
            best = got, end = q;
        /* "N P", "Н.-П.", "N. P.": a space or a dash before the next */
        if (q + 1 < lim && (t->norm[q] == ' ' || t->norm[q] == '-') &&
            utf8_next(&cp, t->norm + q + 1, lim - q - 1) > 0 && redact_upper_at(t, q + 1) != lower)
            q++;
    }
    if (best == 0 || (lower && best < 2))
        return *count = 0, (size_t)-1;
    *count = best;
    return end;
}

size_t redact_initials_stop(const struct normtext *t, size_t a, size_t end)
{
    size_t l = end - 1, q = end;
    int cp, n = 0;

    if (end < a + 2 || t->norm[end - 1] != '.')
        return end;
    while (l > a && n <= 3 && is_word_cp(redact_cp_before(t->norm, l))) {
        l = redact_cp_start(t->norm, l), n++;
        if (n > 1 && !redact_upper_at(t, l))
            return end;
    }
    if (n == 0 || n > 3 || l <= a || is_word_cp(redact_cp_before(t->norm, l)) ||
        (n > 1 && !redact_upper_at(t, redact_cp_start(t->norm, end - 1))))
        return end;
    while (q < t->normlen && t->norm[q] == ' ')
        q++;
    if (q >= t->normlen || t->norm[q] == '\n')
        return end - 1;
    return q > end && utf8_next(&cp, t->norm + q, t->normlen - q) > 0 && is_word_cp(cp) &&
                   redact_upper_at(t, q)
               ? end - 1
               : end;
}
