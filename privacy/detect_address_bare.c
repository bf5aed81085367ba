/* A street written by its name alone before its house number, as people
 * write it (brief s51 street51; adv50 L-20..L-22, adv49 L-16, L-17,
 * adv40 L-47, L-63, L-121, adv33 L-22, L-44): no street word, so the
 * other readers see a name and a number.  What makes such a pair an
 * address is where it stands:
 *   - after a preposition of place: Ukrainian and Russian "на"/"по"
 *     (the locative of where one lives or goes: "на Сагайдачного 8", "по
 *     Лесі Українки, 23", "на Хрещатику 22"), "у"/"в" only before an
 *     adjective's locative ("у Сумській 5"; "у Маши 5" is what Masha
 *     has);
 *   - first in its sentence, the name, a comma and the number ending
 *     the sentence ("Хрещатик, 22.", "Абая, 15 — там он жил", "Науки,
 *     5-Б."): how an address is written on a line of its own;
 *   - before the Kazakh word for an address in any case form
 *     (мекенжай, "Абая 150 мекенжайында": Kazakh writes its case words
 *     after the noun phrase).
 * The house number is addr_bare_house's (digits, one to three, "/22",
 * one letter, "5-Б") and must end its clause: "Победы 5 лет назад",
 * "на Абая 150 тенге", "Науки 5 баллов" are counts.  A name of one word
 * or more, each of Cyrillic letters, none of them a common word
 * (privacy/common_words.c: "у него 5"), a number said in words ("на три
 * недели 5"), a month or an address's unit word.  Bytes of the norm view
 * (lower case, ASCII digits); nothing allocates but addr_merge. */
#include <string.h>

#include "privacy/common_words.h"
#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* на по у в: the prepositions of place before a street's name */
static const struct det_word preps_any[] = {
    DW("\xd0\xbd\xd0\xb0", FIT_WORD), DW("\xd0\xbf\xd0\xbe", FIT_WORD),
};
static const struct det_word preps_shaped[] = {
    DW("\xd1\x83", FIT_WORD), DW("\xd0\xb2", FIT_WORD),
};

/* The genitive of the noun or the person a street is named after
 * (Сагайдачного is addr_street_name's; Шевченка, Абая, Науки, Победы):
 * Russian and Ukrainian noun declension's endings of that case.  -е/-і,
 * the locative of most nouns, is left out ("на странице 5", "у розділі
 * 3" are pages), and so are -ии/-ії ("на позиции 5"). */
static const struct det_word genitive[] = {
    DW("\xd0\xb0", FIT_WORD), DW("\xd1\x8f", FIT_WORD), DW("\xd0\xb8", FIT_WORD), /* а я и */
    DW("\xd1\x8b", FIT_WORD), DW("\xd1\x97", FIT_WORD),                           /* ы ї */
};
static const struct det_word gen_not[] = {
    DW("\xd0\xb8\xd0\xb8", FIT_WORD), DW("\xd1\x96\xd1\x97", FIT_WORD),         /* ии ії */
};

/* After "у"/"в" only an adjective's locative, the street's own form
 * ("у Сумській", "в Тверской"): a genitive there is Russian's possessive
 * ("у Петрова 5", "у Маши 5": what they have). */
static const struct det_word loc_adj[] = {
    DW("ской", FIT_WORD), DW("цкой", FIT_WORD), DW("ській", FIT_WORD), DW("цькій", FIT_WORD),
    DW("зькій", FIT_WORD), DW("овій", FIT_WORD), DW("евій", FIT_WORD), DW("овой", FIT_WORD),
    DW("евой", FIT_WORD), DW("ній", FIT_WORD), DW("ной", FIT_WORD),
};

/* The locative in -у/-ю of a masculine noun after "на" ("на Хрещатику",
 * "на Подолу"): seven letters at least, as "на уроку 5", "на полу 5" are
 * no streets; never after "по", where it is the dative ("по пункту 5",
 * "по маршруту 5"). */
static const struct det_word loc_u[] = {
    DW("\xd1\x83", FIT_WORD), DW("\xd1\x8e", FIT_WORD),                           /* у ю */
};

/* і: the Ukrainian genitive of a given name ending -я, -а (Лесі),
 * with another word after it ("Лесі Українки"), never alone. */
static const struct det_word gen_i[] = { DW("\xd1\x96", FIT_WORD) };

/* Words that stand first in a sentence before ", 5" and name no street:
 * a count's or a list's noun ("Итого, 5.", "Ответ, 3.", "Глава, 2.").
 * Russian and Ukrainian. */
static const struct det_word lead_stop[] = {
    DW("итого", FIT_WORD), DW("всього", FIT_WORD), DW("разом", FIT_WORD), DW("ответ", FIT_WORD),
    DW("відповідь", FIT_WORD), DW("глава", FIT_WORD), DW("розділ", FIT_WORD), DW("раздел", FIT_WORD),
    DW("пункт", FIT_WORD), DW("вариант", FIT_WORD), DW("варіант", FIT_WORD), DW("оценка", FIT_WORD),
    DW("оцінка", FIT_WORD), DW("номер", FIT_WORD), DW("страница", FIT_WORD),
    DW("сторінка", FIT_WORD), DW("счет", FIT_WORD), DW("счёт", FIT_WORD), DW("рахунок", FIT_WORD),
    DW("урок", FIT_WORD), DW("класс", FIT_WORD), DW("клас", FIT_WORD), DW("часть", FIT_WORD),
    DW("частина", FIT_WORD), DW("шаг", FIT_WORD), DW("крок", FIT_WORD), DW("день", FIT_WORD),
    DW("неделя", FIT_WORD), DW("тиждень", FIT_WORD), DW("год", FIT_WORD), DW("рік", FIT_WORD),
    DW("итак", FIT_WORD), DW("отже", FIT_WORD), DW("например", FIT_WORD),
    DW("наприклад", FIT_WORD), DW("впрочем", FIT_WORD), DW("кстати", FIT_WORD),
    DW("мабуть", FIT_WORD), DW("может", FIT_WORD), DW("потом", FIT_WORD), DW("потім", FIT_WORD),
};

/* The Kazakh word for an address, мекенжай, in its case forms
 * (мекенжайы, мекенжайында, мекенжайда, мекенжайға...) and spelt with
 * a hyphen (мекен-жай). */
static const struct det_word kz_address[] = {
    DW("\xd0\xbc\xd0\xb5\xd0\xba\xd0\xb5\xd0\xbd\xd0\xb6\xd0\xb0\xd0\xb9", FIT_PREFIX),
    DW("\xd0\xbc\xd0\xb5\xd0\xba\xd0\xb5\xd0\xbd-\xd0\xb6\xd0\xb0\xd0\xb9", FIT_PREFIX),
};

/* The end of a Cyrillic word at i (letters, a '-' or an apostrophe
 * inside: Лук'янівська, Мамина-Сибиряка), or i if none. */
static size_t cyr_word_end(const char *s, size_t len, size_t i)
{
    size_t e = i, le;

    if (i >= len || (unsigned char)s[i] < 0xD0 || (unsigned char)s[i] > 0xD4)
        return i;
    for (;;) {
        le = det_letters_end(s, len, e);
        if (le == e)
            return e;
        e = le;
        if (e + 1 < len && (s[e] == '-' || s[e] == '\'') && (unsigned char)s[e + 1] >= 0xD0 &&
            (unsigned char)s[e + 1] <= 0xD4)
            e++;
        else
            return e;
    }
}

/* 1 if s[a, b) may be a word of a street's name: four bytes or more, no
 * digit, no common word, no number said in words, no month, no unit. */
static int name_word_ok(const char *s, size_t len, size_t a, size_t b)
{
    char d[16];
    size_t nd, m;
    int ord;

    for (size_t k = a; k < b; k++)
        if (det_digit(s[k]))
            return 0;
    return b >= a + 4 && !common_word_key(s + a, b - a) && !addr_run_unit_word(s, a, b) &&
           !detect_month_word(s, len, a, &m) &&
           detect_spoken_number(s, len, a, d, sizeof d, &nd, &ord) == 0 &&
           !det_in_list(preps_any, N(preps_any), s + a, b - a) &&
           !det_in_list(preps_shaped, N(preps_shaped), s + a, b - a);
}

/* A house number starting with a digit at j (addr_bare_house), its end
 * or 0. */
static size_t house_at(const char *s, size_t len, size_t j)
{
    return j < len && det_digit(s[j]) ? addr_bare_house(s, len, j) : 0;
}

/* Reads up to three name words from i, each followed by a house number
 * (", " or " " between) or by the next word: the end of the house found
 * after the words, its last word's start in *last and their count in
 * *k; 0 if none. */
static size_t name_then_house(const char *s, size_t len, size_t i, size_t *last, int *k, size_t *name_end)
{
    size_t w = i, e, j, h;

    for (*k = 1; *k <= 3; (*k)++) {
        e = cyr_word_end(s, len, w);
        if (e == w || !name_word_ok(s, len, w, e))
            return 0;
        j = e + (e < len && s[e] == ',');
        if (j < len && s[j] == ' ' && (h = house_at(s, len, j + 1)) != 0) {
            *last = w, *name_end = e;
            return h;
        }
        if (e + 1 >= len || s[e] != ' ')
            return 0;
        w = e + 1;
    }
    return 0;
}

/* 1 if the name s[i, e) of k words (its last at last) may follow the
 * preposition at p: a street-shaped last word, or (на, по) a genitive's
 * ending, or two words or more with a given name's genitive first
 * ("Лесі Українки", "Богдана Хмельницького"). */
static int prep_fits(const char *s, size_t len, size_t p, size_t pe, size_t last, size_t e, int k)
{
    int any = det_in_list(preps_any, N(preps_any), s + p, pe - p);
    int on = any && pe - p == 4 && memcmp(s + p, "\xd0\xbd\xd0\xb0", 4) == 0;   /* на */

    if (!any)
        return addr_ends_in(s, last, e, loc_adj, N(loc_adj));
    if (addr_street_name(s, len, last, e, 0))
        return 1;
    if (addr_ends_in(s, last, e, genitive, N(genitive)) && !addr_ends_in(s, last, e, gen_not, N(gen_not)))
        return 1;
    if (on && e - last >= 14 && addr_ends_in(s, last, e, loc_u, N(loc_u)))
        return 1;
    return k > 1 && addr_ends_in(s, last, e, gen_i, N(gen_i));
}

/* The start of the preposition's word ending right before i - 1, or i. */
static size_t prep_before(const char *s, size_t i)
{
    size_t p;

    if (i < 3 || s[i - 1] != ' ')
        return i;
    for (p = i - 1; p > 0 && ((unsigned char)s[p - 1] >= 0x80 || det_alpha(s[p - 1])); p--)
        ;
    if (p == i - 1 || (!det_in_list(preps_any, N(preps_any), s + p, i - 1 - p) &&
                       !det_in_list(preps_shaped, N(preps_shaped), s + p, i - 1 - p)))
        return i;
    return p;
}

/* 1 if i starts a sentence: the text's start, or a sentence's mark and a
 * space before it ("... жили. Хрещатик, 22."). */
static int sentence_start(const char *s, size_t i)
{
    return i == 0 || (i >= 2 && s[i - 1] == ' ' && strchr(".!?;", s[i - 2]) != NULL && s[i - 2] != '\0');
}

/* 1 if what follows the house ending at h closes a line of an address:
 * the text's end, a stop, a semicolon, a dash or a bracket; or a comma
 * and an address's unit word ("Хрещатик, 22, кв. 101"). */
static int lead_closes(const char *s, size_t len, size_t h)
{
    size_t j, we;

    if (h >= len || s[h] == '.' || s[h] == ';' || s[h] == '!' ||
        (s[h] == ' ' && h + 1 < len && (s[h + 1] == '-' || s[h + 1] == '(')))
        return 1;
    if (s[h] != ',' || h + 2 >= len || s[h + 1] != ' ')
        return 0;
    j = h + 2, we = det_letters_end(s, len, j);
    return we > j && addr_run_unit_word(s, j, we);
}

/* The end of a Kazakh address word one space after h, or 0. */
static size_t kz_after(const char *s, size_t len, size_t h)
{
    size_t we;

    if (h + 1 >= len || s[h] != ' ')
        return 0;
    we = cyr_word_end(s, len, h + 1);
    return we > h + 1 && det_in_list(kz_address, N(kz_address), s + h + 1, we - h - 1) ? we : 0;
}

/* The Kazakh shape: a house number at i (digits, "/digits" maybe) and
 * мекенжай after it: its end, with in *start the start of the street's
 * name's last word before it ("Абая 150", "Төле би 45/2"; the number's
 * own start when that word is no name's: "би" is also Mongolian's
 * "I"), or 0. */
static size_t kz_street(const char *s, size_t len, size_t i, size_t *start)
{
    size_t n = det_digits(s, len, i), h = i + n, w;

    if (n == 0 || n > 3)
        return 0;
    while (h + 1 < len && s[h] == '/' && det_digit(s[h + 1]))
        h += 1 + det_digits(s, len, h + 1);
    if (!kz_after(s, len, h))
        return 0;
    *start = i;
    if (i >= 2 && s[i - 1] == ' ') {
        for (w = i - 1; w > 0 && (unsigned char)s[w - 1] >= 0x80; w--)
            ;
        if (w < i - 1 && cyr_word_end(s, len, w) == i - 1 && name_word_ok(s, len, w, i - 1))
            *start = w;
    }
    return h;
}

int addr_bare_street_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len)
{
    size_t i, h, last, ne, p, st;
    int k;

    for (i = 0; i < len; i++) {
        if (det_digit(s[i]) && (i == 0 || !det_letter_before(s, i)) && (h = kz_street(s, len, i, &st)) != 0) {
            if (addr_merge(d, n, cap, st, h) != 0)
                return -1;
            i = h - 1;
            continue;
        }
        if ((unsigned char)s[i] < 0xD0 || (unsigned char)s[i] > 0xD4 || (i > 0 && det_letter_before(s, i)))
            continue;
        h = 0;
        if ((p = prep_before(s, i)) < i && (h = name_then_house(s, len, i, &last, &k, &ne)) != 0 &&
            !prep_fits(s, len, p, i - 1, last, ne, k))
            h = 0;
        if (h == 0 && sentence_start(s, i) && (h = name_then_house(s, len, i, &last, &k, &ne)) != 0 &&
            (ne >= len || s[ne] != ',' || !lead_closes(s, len, h) || k > 2 ||
             det_in_list(lead_stop, N(lead_stop), s + i, cyr_word_end(s, len, i) - i)))
            h = 0;
        if (h == 0)
            continue;
        if (addr_merge(d, n, cap, i, h) != 0)
            return -1;
        i = h - 1;
    }
    return 0;
}
