/* Line structure beside a replaced name (brief s18 allow18 item 6,
 * report-adv17a D-7): a list's marker ("2. ", "A. ", "- ") and a line's
 * end are the interviewer's text, not part of a name, so the widening of
 * a name over initials (redact_extend.c) stops at them. */
#include <stddef.h>
#include <string.h>

#include "privacy/escapes.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"

/* The original offset of norm byte p (the text's end past the view). */
static size_t orig_at(const struct normtext *t, size_t p)
{
    return p < t->normlen ? t->ostart[p] : t->inlen;
}

int redact_crosses_line(const struct normtext *t, size_t a, size_t b)
{
    size_t oa = orig_at(t, a), ob = orig_at(t, b);

    for (size_t i = oa; i < ob && i < t->inlen; i++)
        if (t->orig[i] == '\n' || t->orig[i] == '\r')
            return 1;
    return 0;
}

/* Where the line that holds orig byte o starts, after its blanks; its
 * first byte's offset. */
static size_t line_first(const char *s, size_t o, size_t *start)
{
    size_t a = o;

    while (a > 0 && s[a - 1] != '\n' && s[a - 1] != '\r')
        a--;
    *start = a;
    while (a < o && (s[a] == ' ' || s[a] == '\t'))
        a++;
    return a;
}

/* 1 if a line of s[0..len) starts (after blanks) with the code point cp
 * and a full stop. */
static int line_starts_with(const char *s, size_t len, int cp)
{
    char u[4];
    size_t n = escape_put_utf8(u, (unsigned)cp), i = 0;

    while (i < len) {
        size_t a = i;
        while (a < len && (s[a] == ' ' || s[a] == '\t'))
            a++;
        if (a + n < len && memcmp(s + a, u, n) == 0 && s[a + n] == '.')
            return 1;
        while (i < len && s[i] != '\n')
            i++;
        i++;
    }
    return 0;
}

int redact_list_marker(const struct normtext *t, size_t l)
{
    size_t o = orig_at(t, l), start;
    int cp;

    /* the letter as written (the norm view is lower case) */
    if (line_first(t->orig, o, &start) != o || utf8_next(&cp, t->orig + o, t->inlen - o) <= 0)
        return 0;
    return (cp > 0 && line_starts_with(t->orig, t->inlen, cp - 1)) ||
           line_starts_with(t->orig, t->inlen, cp + 1);
}
