/* Dates of birth written with marks between their parts and months the
 * date forms' tables lack (brief s26 num26; report-adv25b C-5, C-20,
 * report-adv25a B-28):
 *   - the gap between a date's parts may be a mark, spaced or not: a
 *     split mark of split_marks.c (· — ‒ 〜 → ¦ ...: by Unicode class) or
 *     an ASCII '-' or '/' between spaces ("Родился 15 · апреля · 1989", "1989 —
 *     4월 — 15일 생", "born on 15 - April - 1989", "Born 15·IV·1989", "15 / IV /
 *     1989");
 *   - the months of Ukrainian in the genitive and the abbreviations of
 *     Russian and Ukrainian ("15 апр. 89 г.", "15 квіт. 1989 р.");
 *   - the year word after a two-digit year ("89 г.", "восемьдесят
 *     седьмого года").
 * detect_date.c reads the date forms with them.
 *
 * The month words below are WRITTEN BY HAND (a native reviewer is
 * wanted): the Ukrainian genitives as Ukrainian dates write them
 * (Правопис 2019, § 4 of the calendar's names), the abbreviations as
 * Russian and Ukrainian editors shorten months (ГОСТ Р 7.0.12-2011's
 * list of shortened words gives янв., февр., авг., сент., окт., нояб.,
 * дек.; the three-letter ones are everyday usage).  Offsets are bytes of
 * the norm view (lower case). */
#include <string.h>

#include "privacy/detect_int.h"

static const char *const uk_months[] = {
    "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
    "вересня", "жовтня", "листопада", "грудня",
};

/* Shortened with a full stop (or without one, everyday). */
static const char *const short_months[] = {
    "янв", "февр", "фев", "мар", "апр", "июн", "июл", "авг", "сент", "сен", "окт", "нояб", "ноя",
    "дек",                                                   /* Russian */
    "січ", "лют", "берез", "бер", "квіт", "трав", "черв", "лип", "серп", "верес", "вер",
    "жовт", "листоп", "лист", "груд",                        /* Ukrainian */
};

size_t det_date_gap(const char *s, size_t len, size_t i)
{
    size_t j = i, n = 0;

    if (j < len && s[j] == ' ')
        j++;
    if (j + 1 < len && (s[j] == '-' || s[j] == '/') && j > i && s[j + 1] == ' ')
        return j + 2;                                  /* " - ", " / " */
    if (j < len && (unsigned char)s[j] >= 0x80 && det_split_mark(s, len, j, &n)) {
        j += n;
        return j < len && s[j] == ' ' ? j + 1 : j;
    }
    return j;
}

static int word_from(const char *const *tab, size_t count, const char *s, size_t len, size_t at, size_t *n)
{
    size_t k, l;

    for (k = 0; k < count; k++) {
        l = strlen(tab[k]);
        if (det_starts(s, len, at, tab[k]) && !det_letter_at(s, len, at + l) && !det_letter_before(s, at))
            return *n = l, 1;
    }
    return 0;
}

int det_month_other(const char *s, size_t len, size_t at, size_t *n)
{
    if (at >= len || (unsigned char)s[at] < 0x80)
        return 0;
    if (word_from(uk_months, sizeof uk_months / sizeof uk_months[0], s, len, at, n))
        return 1;
    if (!word_from(short_months, sizeof short_months / sizeof short_months[0], s, len, at, n))
        return 0;
    if (at + *n < len && s[at + *n] == '.')
        ++*n;
    return 1;
}

size_t det_year_word_after(const char *s, size_t len, size_t i)
{
    static const char *const words[] = { " года", " году", " г.", " г", " року", " р.", " рік" };
    size_t k, l;

    for (k = 0; k < sizeof words / sizeof words[0]; k++) {
        l = strlen(words[k]);
        if (det_starts(s, len, i, words[k]) && (words[k][l - 1] == '.' || !det_letter_at(s, len, i + l)))
            return i + l;
    }
    return 0;
}
