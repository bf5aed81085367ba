/* Cyrillic languages other than Russian and Mongolian (brief s18
 * item 6, report-adv17a D-29, D-30) (normalise_int.h).
 * A word with a Cyrillic letter of neither Russian nor Mongolian
 * (Єлзийбаяр) is flagged as a disguise; but Ukrainian, Belarusian,
 * Serbian, Bulgarian, Kazakh, Kyrgyz, Tajik, Uzbek and Buryat are written
 * with such letters in every other word (їхали, ўвечары, љубав, қалаға).
 * A text with RARE_TEXT such words or more is written in one of those
 * languages, and its words are not flagged for their letters (a Latin
 * word written in Cyrillic look-alikes, Воӏԁ, still is). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/confusable.h"
#include "privacy/normalise.h"
#include "privacy/normalise_int.h"

#define RARE_TEXT 3


int norm_rare_note(struct rare_words *rw, size_t index)
{
    if (rw->n == rw->cap) {
        size_t nc = rw->cap ? 2 * rw->cap : 16, *g = realloc(rw->at, nc * sizeof *g);
        if (g == NULL)
            return -1;
        rw->at = g, rw->cap = nc;
    }
    rw->at[rw->n++] = index;
    return 0;
}

/* Drops the noted words from the mixed list when they are RARE_TEXT or
 * more; frees rw. */
void norm_rare_drop(struct rare_words *rw, uint32_t *mixed, size_t *nmixed)
{
    size_t i, j, k = 0, n = 0;

    if (rw->n >= RARE_TEXT) {
        for (i = 0; i < *nmixed; i++) {
            if (k < rw->n && rw->at[k] == i) {
                k++;
                continue;
            }
            for (j = 0; j < 2; j++)
                mixed[2 * n + j] = mixed[2 * i + j];
            n++;
        }
        *nmixed = n;
    }
    free(rw->at);
    memset(rw, 0, sizeof *rw);
}


/* Moved from normalise_key.c (brief s24 slav24), unchanged. */
/* 1 if the word s[a..b) is of three Cyrillic letters or fewer whose
 * letters of neither Russian nor Mongolian are Ukrainian or Belarusian
 * і ї є ґ ў: a word of those languages (іди, ці, із, їх, ўсе:
 * report-adv20 LOW), too short to hide a name of three letters or more
 * in another letter; a longer word (Єлзийбаяр) stays flagged. */
int norm_short_uk_word(const char *s, size_t a, size_t b)
{
    int cp, k, n = 0;

    for (; a < b && (k = utf8_decode(&cp, s + a, b - a)) > 0; a += (size_t)k, n++)
        if (n >= 3 || confusable_script(cp) != CONF_CYRILLIC ||
            (confusable_rare_cyrillic(cp) && cp != 0x456 && cp != 0x457 && cp != 0x454 &&
             cp != 0x491 && cp != 0x45E))
            return 0;
    return n > 0;
}

/* ---- A word wholly in Ukrainian or Belarusian (brief s24 slav24, issue
 * 12) ----
 * Ukrainian is written without ё ъ ы э, Belarusian without и щ ъ є ї ґ
 * (the two alphabets, from each language's orthography); neither has a
 * Cyrillic letter of another language (Mongolian ө ү, Serbian ђ).  A word
 * of the letters of one of them, in a text that holds no letter that
 * language lacks, is a word of that language (увечері, гроші, прыйшоў,
 * бачылі), not a name in disguise: a Mongolian name written with є
 * (Єлзийбаяр ирсэн: э is no Ukrainian letter, и no Belarusian one) still
 * is. */
enum { NOT_UK = 1, NOT_BY = 2 };

/* The languages the letter cp (case folded) rules out. */
static int rules_out(int cp)
{
    switch (cp) {
    case 0x451: case 0x44B: case 0x44D:         /* ё ы э */
        return NOT_UK;
    case 0x438: case 0x449: case 0x454: case 0x457: case 0x491: /* и щ є ї ґ */
        return NOT_BY;
    case 0x44A:                                 /* ъ */
        return NOT_UK | NOT_BY;
    case 0x456: case 0x45E:                     /* і ў */
        return cp == 0x45E ? NOT_UK : 0;
    default:
        return confusable_rare_cyrillic(cp) ? NOT_UK | NOT_BY : 0;
    }
}

int norm_slavic_rules_out(const char *s, size_t a, size_t b)
{
    int cp, k, out = 0;

    for (; a < b && (k = utf8_decode(&cp, s + a, b - a)) > 0; a += (size_t)k)
        out |= rules_out(cp);
    return out;
}

/* 1 if the byte c ends a sentence. */
static int sentence_end(char c)
{
    return c == '.' || c == '!' || c == '?' || c == '\n';
}

int norm_slavic_sentence(const char *s, size_t len, size_t a, size_t b, struct slavic_memo *m)
{
    size_t sa = a, sb = b, p;
    int cp, k, other = 0;

    /* [a, b) inside the last sentence, which holds no sentence end: the
     * walks below would stop where they stopped for it. */
    if (m != NULL && m->known && m->stopless && m->sa <= a && b <= m->sb) {
        sa = m->sa, sb = m->sb;
    } else {
        while (sa > 0 && !sentence_end(s[sa - 1]))
            sa--;
        while (sb < len && !sentence_end(s[sb]))
            sb++;
        if (m != NULL) {
            m->sa = sa, m->sb = sb, m->known = 1, m->stopless = 1;
            for (p = sa; p < sb && m->stopless; p++)
                m->stopless = !sentence_end(s[p]);
            m->sentence = norm_slavic_rules_out(s, sa, sb);
        }
    }
    for (p = sa; p < sb && !other; p += (size_t)k) {
        if ((k = utf8_decode(&cp, s + p, sb - p)) <= 0)
            k = 1;
        else if ((p < a || p >= b) && is_word_cp(cp) && !(cp >= '0' && cp <= '9'))
            other = 1;
    }
    if (m == NULL)
        return other ? norm_slavic_rules_out(s, sa, sb) : norm_slavic_rules_out(s, 0, len);
    if (other)
        return m->sentence;
    if (!m->whole_known)
        m->whole = norm_slavic_rules_out(s, 0, len), m->whole_known = 1;
    return m->whole;
}

int norm_slavic_word(const char *s, size_t a, size_t b, int text)
{
    int out = text | norm_slavic_rules_out(s, a, b);

    return (out & NOT_UK) == 0 || (out & NOT_BY) == 0;
}
