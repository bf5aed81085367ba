/* A name's initials written with a full stop and a space after each
 * ("D. M." of Daniel Morgan, report-adv27c H-11; "A. S." of Aleksei
 * Smirnov, "Б. Д." of Батбаяр Дорж): the key view leaves the spaces out
 * (normalise.h), so such a run reads the initials' key "d.m", which a
 * short key across a space is otherwise refused for (redact_hits.c: "OR A"
 * is no "Ora").  Written so, letters standing alone in capitals, they are
 * initials; whose is not sure ("D. M. Smith" is another person), so the
 * caller makes them a review flag. */
#include <stddef.h>

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
