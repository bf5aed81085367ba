/* The Chinese names of countries and regions that a transcribed person's
 * name is never read inside (brief s52 slav52): 克兰 of 乌克兰 read as the
 * chat form Колян of Николай, 格兰 of 英格兰 likewise, since the readers of
 * redact_scripts.c key Han characters by their Mandarin readings.  The
 * list is data/gazetteer/han_places.txt, compiled in by scripts/embed.sh:
 * one name a line, simplified and traditional. */
#include <string.h>

#include "privacy/han_place.h"

/* build/gen/gazetteer_data.c (data/gazetteer/han_places.txt). */
extern const unsigned char gazetteer_han_places[];

/* 1 if the name w[0..n) occurs in s[from..to) overlapping s[a..b) and is
 * not exactly that window. */
static int cuts(const char *s, size_t from, size_t to, size_t a, size_t b, const char *w, size_t n)
{
    /* Only occurrences that can overlap the window: from a - n + 1 on. */
    size_t lo = a > from + n ? a - n + 1 : from;
    size_t hi = b + n - 1 < to ? b + n - 1 : to;
    const char *p = s + lo, *end = s + hi;

    while (p + n <= end && (p = memmem(p, (size_t)(end - p), w, n)) != NULL) {
        size_t o = (size_t)(p - s);
        if (o < b && a < o + n && !(o == a && o + n == b))
            return 1;
        p++;
    }
    return 0;
}

int han_place_cut(const char *s, size_t from, size_t to, size_t a, size_t b)
{
    const char *l = (const char *)gazetteer_han_places;

    if (a >= b || a < from || b > to)
        return 0;
    while (*l != '\0') {
        const char *nl = strchr(l, '\n');
        size_t n = nl != NULL ? (size_t)(nl - l) : strlen(l);
        /* two Han characters (six bytes) or more */
        if (n >= 6 && cuts(s, from, to, a, b, l, n))
            return 1;
        l += n + (nl != NULL);
    }
    return 0;
}
