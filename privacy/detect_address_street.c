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
static const struct det_word tight[] = {
    DW("ская", FIT_WORD), DW("цкая", FIT_WORD), DW("ской", FIT_WORD), DW("цкой", FIT_WORD),
    DW("ная", FIT_WORD), DW("ина", FIT_WORD), DW("ына", FIT_WORD), DW("ова", FIT_WORD),
    DW("ева", FIT_WORD), DW("ого", FIT_WORD), DW("овой", FIT_WORD), DW("евой", FIT_WORD),
    DW("ська", FIT_WORD), DW("цька", FIT_WORD), DW("зька", FIT_WORD), DW("ській", FIT_WORD),
    DW("цькій", FIT_WORD), DW("зькій", FIT_WORD), DW("ської", FIT_WORD), DW("цької", FIT_WORD),
    DW("овій", FIT_WORD), DW("евій", FIT_WORD), DW("ній", FIT_WORD), DW("ной", FIT_WORD),
};

/* With a street word after the name (Центральна вулиця, Лесная улица,
 * Харківське шосе) any adjective's ending: the street word is the
 * evidence; and the genitive of the noun or surname the street is named
 * after, -и -і -ї -а -я -у (Науки проспект, Шевченка проспект, Миру
 * проспект). */
static const struct det_word loose[] = {
    DW("на", FIT_WORD), DW("ня", FIT_WORD), DW("ая", FIT_WORD), DW("яя", FIT_WORD),
    DW("ій", FIT_WORD), DW("ой", FIT_WORD), DW("ей", FIT_WORD), DW("ий", FIT_WORD),
    DW("ый", FIT_WORD), DW("е", FIT_WORD), DW("є", FIT_WORD), DW("и", FIT_WORD),
    DW("і", FIT_WORD), DW("ї", FIT_WORD), DW("а", FIT_WORD), DW("я", FIT_WORD),
    DW("у", FIT_WORD),
};

/* Street words written after the name ("Сумська вулиця", "Сумская
 * улица", "на Сумській вулиці"): Ukrainian and Russian, their
 * nominative and locative. */
static const struct det_word after_words[] = {
    DW("вулиця", FIT_WORD), DW("вулиці", FIT_WORD), DW("улица", FIT_WORD), DW("улице", FIT_WORD),
    DW("провулок", FIT_WORD), DW("провулку", FIT_WORD), DW("переулок", FIT_WORD),
    DW("переулке", FIT_WORD),
    DW("проспект", FIT_WORD), DW("проспекті", FIT_WORD), DW("проспекте", FIT_WORD),
    DW("бульвар", FIT_WORD), DW("бульварі", FIT_WORD), DW("бульваре", FIT_WORD),
    /* the other street words of Ukrainian and Russian addresses
     * (Полтавський шлях, Харківське шосе, Андріївський узвіз) */
    DW("шлях", FIT_WORD), DW("шляху", FIT_WORD), DW("шосе", FIT_WORD), DW("шоссе", FIT_WORD),
    DW("узвіз", FIT_WORD), DW("узвозі", FIT_WORD), DW("спуск", FIT_WORD), DW("спуску", FIT_WORD),
    DW("спуске", FIT_WORD),
    DW("набережна", FIT_WORD), DW("набережній", FIT_WORD), DW("набережная", FIT_WORD),
    DW("набережной", FIT_WORD), DW("площа", FIT_WORD), DW("площі", FIT_WORD),
    DW("площадь", FIT_WORD),
    DW("площади", FIT_WORD), DW("алея", FIT_WORD), DW("алеї", FIT_WORD), DW("аллея", FIT_WORD),
    DW("аллее", FIT_WORD), DW("проїзд", FIT_WORD), DW("проїзді", FIT_WORD), DW("проезд", FIT_WORD),
    DW("проезде", FIT_WORD),
    DW("тупик", FIT_WORD), DW("тупику", FIT_WORD), DW("тупике", FIT_WORD),
    /* their abbreviations with the stop (вул., просп., пров., бул., ул.,
     * пер., пр.; the usual forms of Ukrainian and Russian postal
     * addresses) */
    DW("вул.", FIT_WORD), DW("просп.", FIT_WORD), DW("пров.", FIT_WORD), DW("бул.", FIT_WORD),
    DW("бульв.", FIT_WORD), DW("ул.", FIT_WORD), DW("пер.", FIT_WORD), DW("пр.", FIT_WORD),
    DW("пл.", FIT_WORD),
};

int addr_ends_in(const char *s, size_t a, size_t b, const struct det_word *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (b - a > list[k].n && memcmp(s + b - list[k].n, list[k].w, list[k].n) == 0)
            return 1;
    return 0;
}

int addr_street_name(const char *s, size_t len, size_t a, size_t b, int with_word)
{
    size_t m;
    int cp = det_cp_at(s, len, a, &m);

    if (cp < 0x0400 || cp > 0x04FF || b < a + 8)
        return 0;
    return addr_ends_in(s, a, b, tight, N(tight)) || (with_word && addr_ends_in(s, a, b, loose, N(loose)));
}

int addr_street_after_word(const char *s, size_t a, size_t b)
{
    return b > a && det_in_list(after_words, N(after_words), s + a, b - a);
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
