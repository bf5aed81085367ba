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

/* The accusative and genitive endings of a Mongolian weekday name that is
 * a person's (Давааг, Даваагийн, Мягмарыг, Мягмарын, Пүрэвийг, Нямын;
 * Бямбыг, Лхагвын drop their short final vowel).  Khalkha grammar's case
 * endings (after a long vowel -г, -гийн; after a consonant -ыг/-ийг,
 * -ын/-ийн; Баасанг, Баасангийн after н), written by us from the grammar. */
static const char *const acc_endings[] = { "г", "ыг", "ийг", "иг" };
static const char *const gen_endings[] = { "гийн", "ын", "ийн", "ы", "ий" };

/* The words after a weekday's genitive that make it the day (Даваагийн
 * өглөө "Monday morning", Мягмарын орой, Пүрэвийн үдээс хойш, Нямын
 * өдөр, the week's schedule: хичээл lesson, хурал meeting, ээлж shift,
 * сонин newspaper, ажил work, амралт rest); starts of words, any ending.
 * Written by us: the nouns of time and of a weekly schedule. */
static const char *const time_words[] = {
    "өглөө", "орой", "өдөр", "үд", "шөнө", "цагт", "цагаас", "цагийн", "хичээл", "хурал", "ээлж",
    "сонин", "ажил", "амралт", "зах", "үйлчилгээ", "хуваарь", "хүртэл", "хойш", "гараг",
};

/* The words after a genitive that make it a person's (a document, a
 * relative, a home, a body): Даваагийн паспорт, Мягмарын ээж.  Starts of
 * words.  Written by us: the possessions a testimony names. */
static const char *const owned_words[] = {
    "паспорт", "үнэмлэх", "бичиг", "гэр", "байр", "ээж", "аав", "эхнэр", "нөхөр", "хүү",
    "охин", "ах", "эгч", "дүү", "хүүхэд", "найз", "утас", "машин", "мөнгө", "цүнх", "биеийн",
    "бие", "нүүр", "толгой", "нэр", "хаяг", "эмээ", "өвөө", "гэрлэлт",
};

/* 1 if norm bytes [a, e) are a weekday with one of ends after it, the
 * weekday whole or without its short final vowel (бямб-ыг). */
static int weekday_with(const struct normtext *t, size_t a, size_t e, const char *const *ends,
                        size_t nends)
{
    for (size_t i = 0; i < 7; i++) {
        size_t k = strlen(weekdays[i]);
        for (int cut = 0; cut <= 2; cut += 2) {
            if (k - (size_t)cut >= e - a || memcmp(t->norm + a, weekdays[i], k - (size_t)cut) != 0)
                continue;
            if (cut && memcmp(weekdays[i] + k - 2, "а", 2) != 0)
                continue;
            if (is_one(t, a + k - (size_t)cut, e, ends, nends, 0))
                return 1;
        }
    }
    return 0;
}

int redact_mn_weekday_person(const struct normtext *t, size_t a, size_t b)
{
    size_t wend, wa, wb;
    int after;

    if (a >= b || b > t->normlen || (a > 0 && is_word_cp(redact_cp_before(t->norm, a))) ||
        !redact_upper_at(t, a))
        return 0;
    wend = redact_word_end(t->norm, t->normlen, b, redact_cp_before(t->norm, b));
    after = redact_word_after(&wa, &wb, t, wend);
    if (after && (is_one(t, wa, wb, time_words, sizeof time_words / sizeof time_words[0], 1) ||
                  is_one(t, wa, wb, day_noun, sizeof day_noun / sizeof day_noun[0], 1)))
        return 0;
    if (weekday_with(t, a, wend, acc_endings, sizeof acc_endings / sizeof acc_endings[0]))
        return 2;
    if (!weekday_with(t, a, wend, gen_endings, sizeof gen_endings / sizeof gen_endings[0]))
        return 0;
    return after && is_one(t, wa, wb, owned_words, sizeof owned_words / sizeof owned_words[0], 1)
               ? 2 : 1;
}
