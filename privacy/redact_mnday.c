/* A Mongolian weekday that is also a given name, before гараг "day of
 * the week" (brief s51 mong51, report-adv51 O-2..O-5, O-8, O-12): "Бид
 * Даваа гарагт ажилд орсон" is "on Monday", "davaa garagt", "on Davaa
 * garag" the same in chat and English text; never the person Даваа.
 * The weekdays are the names of the seven planets of the Tibetan
 * calendar Mongolian took (Даваа Moon, Мягмар Mars, Лхагва Mercury,
 * Пүрэв Jupiter, Баасан Venus, Бямба Saturn, Ням Sun; mn.wikipedia
 * "Долоо хоног"), each of them a common given name; гараг "planet" with
 * its case endings (-т, -ийн, -аас, -ууд) after it makes the phrase the
 * day.  The Latin spellings are those of the romanisation systems and
 * the everyday chat Latin of variants_mn*.c (BGN/PCGN kh, chat h and x,
 * w for в), written by hand.  Pure: reads the norm view only. */
#include "privacy/redact.h"

#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact_int.h"

/* The weekdays in Cyrillic and Latin (norm view: lower case, marks
 * dropped: Pürev is purev). */
static const char *const weekdays[] = {
    "даваа", "мягмар", "лхагва", "пүрэв", "баасан", "бямба", "ням",
    "davaa", "dawaa", "dava", "myagmar", "miagmar", "mygmar", "magmar", "lkhagva", "lhagva",
    "lxagva", "lkhagwa", "lhagwa", "lhagv", "purev", "purew", "pvrev", "puruv", "baasan",
    "basan", "byamba", "biamba", "bymba", "nyam", "niam", "nym",
};

/* The starts of гараг and its Latin spellings; any case ending may
 * follow (гарагт, гарагийн, garagt, garagiin). */
static const char *const day_noun[] = { "гараг", "garag", "garig" };

static int is_one(const struct normtext *t, size_t a, size_t b, const char *const *tab, size_t n,
                  int prefix)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(tab[i]);
        if ((prefix ? k <= b - a : k == b - a) && memcmp(t->norm + a, tab[i], k) == 0)
            return 1;
    }
    return 0;
}

/* 1 if the hit over norm bytes [a, b) is the whole word of a weekday
 * (weekdays) and the next word is a form of гараг (day_noun): the day,
 * not the person.  Units: byte offsets of t's norm view.  No memory is
 * kept; 0 for anything else. */
int redact_mn_weekday(const struct normtext *t, size_t a, size_t b)
{
    size_t wend, wa, wb;
    if (a >= b || b > t->normlen || (a > 0 && is_word_cp(redact_cp_before(t->norm, a))))
        return 0;
    wend = redact_word_end(t->norm, t->normlen, b, redact_cp_before(t->norm, b));
    if (!is_one(t, a, wend, weekdays, sizeof weekdays / sizeof weekdays[0], 0))
        return 0;
    return redact_word_after(&wa, &wb, t, wend) &&
           is_one(t, wa, wb, day_noun, sizeof day_noun / sizeof day_noun[0], 1);
}
