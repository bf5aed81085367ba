/* Japanese readings of kanji (kanji_ja.h); the table is build/gen/
 * kanji_ja_data.c, written by scripts/kanji-ja.sh from Unihan. */
#include "privacy/kanji_ja.h"

#include <stdint.h>
#include <string.h>

struct kanji_ja_entry {
    uint32_t cp;
    const char *readings;
};
extern const struct kanji_ja_entry kanji_ja[];
extern const size_t kanji_ja_count;

/* Characters of a name read (a Japanese surname or given name is one to
 * four kanji). */
#define SPELL_MAX 4

static const char *readings_of(int cp)
{
    size_t lo = 0, hi = kanji_ja_count;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (kanji_ja[mid].cp < (uint32_t)cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < kanji_ja_count && kanji_ja[lo].cp == (uint32_t)cp ? kanji_ja[lo].readings : NULL;
}

/* The length of w[0..len) the reading r[0..rl) matches at its start, with
 * its first consonant voiced when voiced is set (k g, s z, sh j, t d,
 * ch j, ts z, h b or p, f b or p), or 0. */
static size_t match_at(const char *w, size_t len, const char *r, size_t rl, int voiced)
{
    static const char *const voicing[][2] = {
        { "sh", "j" }, { "ch", "j" }, { "ts", "z" }, { "k", "g" }, { "s", "z" },
        { "t", "d" }, { "h", "b" }, { "h", "p" }, { "f", "b" }, { "f", "p" },
    };

    if (!voiced)
        return rl <= len && memcmp(w, r, rl) == 0 ? rl : 0;
    for (size_t i = 0; i < sizeof voicing / sizeof voicing[0]; i++) {
        size_t a = strlen(voicing[i][0]), b = strlen(voicing[i][1]);
        if (rl > a && memcmp(r, voicing[i][0], a) == 0 && b + rl - a <= len &&
            memcmp(w, voicing[i][1], b) == 0 && memcmp(w + b, r + a, rl - a) == 0)
            return b + rl - a;
    }
    return 0;
}

/* kanji_ja_spells, first set for the word's first character (never
 * voiced). */
static int spells(const int *cps, size_t n, const char *w, size_t len, int first)
{
    const char *rd, *p, *e;

    if (n == 0)
        return len == 0;
    if ((rd = readings_of(cps[0])) == NULL)
        return 0;
    for (p = rd; *p != '\0'; p = *e == ' ' ? e + 1 : e) {
        size_t m;
        if ((e = strchr(p, ' ')) == NULL)
            e = p + strlen(p);
        for (int v = 0; v < (first ? 1 : 2); v++)
            if ((m = match_at(w, len, p, (size_t)(e - p), v)) > 0 &&
                spells(cps + 1, n - 1, w + m, len - m, 0))
                return 1;
    }
    return 0;
}

int kanji_ja_spells(const int *cps, size_t n, const char *w, size_t len)
{
    return n > 0 && n <= SPELL_MAX && spells(cps, n, w, len, 1);
}

int kanji_ja_stem(int cp, const char *w, size_t len)
{
    const char *rd = readings_of(cp), *p, *e;

    if (rd == NULL || len < 4)
        return 0;
    for (p = rd; *p != '\0'; p = *e == ' ' ? e + 1 : e) {
        if ((e = strchr(p, ' ')) == NULL)
            e = p + strlen(p);
        if (e - p >= 3 && memcmp(p, w, 3) == 0)
            return 1;
    }
    return 0;
}

unsigned long kanji_ja_initials(int cp)
{
    const char *rd = readings_of(cp), *p;
    unsigned long m = 0;

    for (p = rd; p != NULL && *p != '\0'; p++)
        if ((p == rd || p[-1] == ' ') && *p >= 'a' && *p <= 'z')
            m |= 1UL << (*p - 'a');
    return m;
}
