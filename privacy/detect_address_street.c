/* A Russian or Ukrainian street's name without its street word before it
 * (brief s32 place32, report-adv30 L-11, report-adv31 L-15): the shapes
 * of the name ("Сумская, дом 5", "на Садовій", "Сумська вулиця, 23") and
 * the house number that follows such a name, in digits or in words
 * ("на Сумской, двенадцать, квартира пять").  Used by the run reader
 * (detect_address_run.c); bytes of the norm view (lower case, ASCII
 * digits, one ' ' for a run of white space).  Nothing allocates. */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* How a street's name ends without its street word: the Russian and
 * Ukrainian adjective (Тверская, Сумська; locative Сумской, Сумській,
 * Садовій; genitive Сумської) and the genitive of a surname the street is
 * named after (Ленина, Пушкина, Попова; ого: Ленинского).  The endings of
 * Russian and Ukrainian grammar as the author knew them: wants a native
 * reviewer. */
static const char *const tight[] = {
    "ская", "цкая", "ской", "цкой", "ная", "ина", "ына", "ова", "ева", "ого", "овой", "евой",
    "ська", "цька", "зька", "ській", "цькій", "зькій", "ської", "цької", "овій", "евій", "ній", "ной",
};

/* With a street word after the name (Центральна вулиця, Лесная улица,
 * Харківське шосе) any adjective's ending: the street word is the
 * evidence; and the genitive of the noun or surname the street is named
 * after, -и -і -ї -а -я -у (Науки проспект, Шевченка проспект, Миру
 * проспект). */
static const char *const loose[] = { "на", "ня", "ая", "яя", "ій", "ой", "ей", "ий", "ый",
                                     "е", "є", "и", "і", "ї", "а", "я", "у" };

/* Street words written after the name ("Сумська вулиця", "Сумская
 * улица", "на Сумській вулиці"): Ukrainian and Russian, their
 * nominative and locative. */
static const char *const after_words[] = {
    "вулиця", "вулиці", "улица", "улице", "провулок", "провулку", "переулок", "переулке",
    "проспект", "проспекті", "проспекте", "бульвар", "бульварі", "бульваре",
    /* the other street words of Ukrainian and Russian addresses
     * (Полтавський шлях, Харківське шосе, Андріївський узвіз) */
    "шлях", "шляху", "шосе", "шоссе", "узвіз", "узвозі", "спуск", "спуску", "спуске",
    "набережна", "набережній", "набережная", "набережной", "площа", "площі", "площадь",
    "площади", "алея", "алеї", "аллея", "аллее", "проїзд", "проїзді", "проезд", "проезде",
    "тупик", "тупику", "тупике",
    /* their abbreviations with the stop (вул., просп., пров., бул., ул.,
     * пер., пр.; the usual forms of Ukrainian and Russian postal
     * addresses) */
    "вул.", "просп.", "пров.", "бул.", "бульв.", "ул.", "пер.", "пр.", "пл.",
};

static int ends_in(const char *s, size_t a, size_t b, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t m = strlen(list[k]);
        if (b - a > m && memcmp(s + b - m, list[k], m) == 0)
            return 1;
    }
    return 0;
}

int addr_street_name(const char *s, size_t len, size_t a, size_t b, int with_word)
{
    size_t m;
    int cp = det_cp_at(s, len, a, &m);

    if (cp < 0x0400 || cp > 0x04FF || b < a + 8)
        return 0;
    return ends_in(s, a, b, tight, N(tight)) || (with_word && ends_in(s, a, b, loose, N(loose)));
}

int addr_street_after_word(const char *s, size_t a, size_t b)
{
    for (size_t k = 0; k < N(after_words); k++)
        if (strlen(after_words[k]) == b - a && memcmp(s + a, after_words[k], b - a) == 0)
            return 1;
    return 0;
}

size_t addr_bare_house(const char *s, size_t len, size_t j)
{
    char d[16];
    size_t e, nd;
    int ord;

    if (j >= len)
        return 0;
    if (det_digit(s[j])) {
        if ((nd = det_digits(s, len, j)) > 3)
            return 0;
        e = j + nd;
        while (e + 1 < len && s[e] == '/' && det_digit(s[e + 1]))
            e += 1 + det_digits(s, len, e + 1);
        size_t le = det_letters_end(s, len, e);
        if (le > e && le <= e + 2)
            e = le;                     /* one letter: 23а, 23a */
    } else if ((e = detect_spoken_number(s, len, j, d, sizeof d, &nd, &ord)) == 0 || nd == 0 ||
               ord != 0 || nd > 3) {
        return 0;
    }
    /* a house's letter after a dash ("23-б", "23-a") */
    if (det_digit(s[e - 1]) && e + 1 < len && s[e] == '-') {
        size_t le = det_letters_end(s, len, e + 1);
        if (le > e + 1 && le <= e + 3)
            e = le;
    }
    /* a count is no house ("вулиця, 5 років", "улица, двенадцать
     * человек"): the value ends the clause (the text's end, a mark, a
     * dash or a bracket after a space: "23 — там ми жили", "23 (там")
     * or a comma follows it */
    if (e < len && strchr(",.;:!?)", s[e]) == NULL &&
        !(s[e] == ' ' && e + 1 < len && (s[e + 1] == '-' || s[e + 1] == '(')))
        return 0;
    return e;
}
