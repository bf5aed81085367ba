/* Dates of birth: a date, or part of one, that something marks as a
 * birth date.
 *
 * Date forms (norm view):
 *   numeric   1975-03-14, 1975/3/14, 1975.03.14, 1975. 3. 14., 14.03.1975,
 *             03/14/75, 19750314;
 *   Korean    1975년 3월 14일, 75년 3월 14일, 3월 14일, 1975년, 84년;
 *   Mongolian 1975 оны 3 сарын 14(-нд), 1975 оны 3-р сарын 14,
 *             1975 оны гуравдугаар сарын 14, 1984 онд;
 *   Russian   14 марта 1975 (г., года), 14 марта;
 *   English   March 14(th), 1975, 14(th) (of) March 1975, March 1975,
 *             March 14, 14-Mar-75, the 14th of the 3rd month, 1975;
 *   a year alone (1900-2099), in digits or in words with its hundreds or
 *             thousands (detect_years.c: "two thousand and five",
 *             "тысяча девятьсот семьдесят пятого", "мянга есөн зуун").
 * What marks it as a birth date:
 *   - a birth word as a word, not a substring ("stubborn", "Osborne"
 *     hold none): born, birth..., DOB, d.o.b., "(b.", 생년월일, 출생, 태어...,
 *     생일, 탄생, родил..., рожд..., г.р., д.р., төрс..., төрж..., мэндэл...;
 *     within 48 bytes before or 24 after a date, 32 before or 16 after a
 *     year alone and in the same sentence;
 *   - Korean 생 right after it ("1975년 3월 14일생", "84년생", "750314생");
 *   - a word glued to a date with separators ("14.03.1975Bat"; glued_date);
 *   - parentheses right after a word ("Batbayar (12.03.1984)"): the
 *     usual way to give a person's birth date; whole dates only. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "privacy/detect_int.h"


#define KO_YEAR "\xeb\x85\x84"          /* 년 */
#define KO_MONTH "\xec\x9b\x94"         /* 월 */
#define KO_DAY "\xec\x9d\xbc"           /* 일 */
#define KO_BORN "\xec\x83\x9d"          /* 생 */
#define ZH_BORN "\xe7\x94\x9f"          /* 生 */

static const char *const en_months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
};

static const char *const ru_months[] = {
    "\xd1\x8f\xd0\xbd\xd0\xb2\xd0\xb0\xd1\x80\xd1\x8f",                 /* января */
    "\xd1\x84\xd0\xb5\xd0\xb2\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8f",         /* февраля */
    "\xd0\xbc\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0",                         /* марта */
    "\xd0\xb0\xd0\xbf\xd1\x80\xd0\xb5\xd0\xbb\xd1\x8f",                 /* апреля */
    "\xd0\xbc\xd0\xb0\xd1\x8f",                                         /* мая */
    "\xd0\xb8\xd1\x8e\xd0\xbd\xd1\x8f",                                 /* июня */
    "\xd0\xb8\xd1\x8e\xd0\xbb\xd1\x8f",                                 /* июля */
    "\xd0\xb0\xd0\xb2\xd0\xb3\xd1\x83\xd1\x81\xd1\x82\xd0\xb0",         /* августа */
    "\xd1\x81\xd0\xb5\xd0\xbd\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", /* сентября */
    "\xd0\xbe\xd0\xba\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f",         /* октября */
    "\xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f",                 /* ноября */
    "\xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8f",         /* декабря */
};

static const char *const mn_months[] = {          /* ordinal month names */
    "\xd0\xbd\xd1\x8d\xd0\xb3\xd0\xb4\xd2\xaf\xd0\xb3\xd1\x8d\xd1\x8d\xd1\x80",
    "\xd1\x85\xd0\xbe\xd1\x91\xd1\x80\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80",
    "\xd0\xb3\xd1\x83\xd1\x80\xd0\xb0\xd0\xb2\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80",
    "\xd0\xb4\xd3\xa9\xd1\x80\xd3\xa9\xd0\xb2\xd0\xb4\xd2\xaf\xd0\xb3\xd1\x8d\xd1\x8d\xd1\x80",
    "\xd1\x82\xd0\xb0\xd0\xb2\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80",
    "\xd0\xb7\xd1\x83\xd1\x80\xd0\xb3\xd0\xb0\xd0\xb0\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80",
    "\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80",
    "\xd0\xbd\xd0\xb0\xd0\xb9\xd0\xbc\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80",
    "\xd0\xb5\xd1\x81\xd0\xb4\xd2\xaf\xd0\xb3\xd1\x8d\xd1\x8d\xd1\x80",
    "\xd0\xb0\xd1\x80\xd0\xb0\xd0\xb2\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80",
    "\xd0\xb0\xd1\x80\xd0\xb2\xd0\xb0\xd0\xbd \xd0\xbd\xd1\x8d\xd0\xb3\xd0\xb4\xd2\xaf\xd0\xb3\xd1\x8d\xd1\x8d\xd1\x80",
    "\xd0\xb0\xd1\x80\xd0\xb2\xd0\xb0\xd0\xbd \xd1\x85\xd0\xbe\xd1\x91\xd1\x80\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80",
};

#define MN_YEAR_OF "\xd0\xbe\xd0\xbd"                   /* он(ы, д) */
#define MN_MONTH "\xd1\x81\xd0\xb0\xd1\x80"            /* сар(ын, д) */
#define MN_ORDINAL "\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80"   /* дугаар */
#define MN_TH "-\xd1\x80"                               /* -р */
#define MN_OF_YEAR_BORN "\xd0\xbe\xd0\xbd\xd1\x8b\xd1\x85"    /* оных: "1975 оных", of (born in) 1975 */

static const char *const mn_seasons[4] = {     /* of spring, summer, autumn, winter */
    "\xd1\x85\xd0\xb0\xd0\xb2\xd1\x80\xd1\x8b\xd0\xbd", "\xd0\xb7\xd1\x83\xd0\xbd\xd1\x8b",
    "\xd0\xbd\xd0\xb0\xd0\xbc\xd1\x80\xd1\x8b\xd0\xbd", "\xd3\xa9\xd0\xb2\xd0\xbb\xd0\xb8\xd0\xb9\xd0\xbd",
};

/* The months in German, French and Spanish, in the norm view (marks
 * stripped: März "marz", février "fevrier", août "aout"); read where the
 * English and Russian ones are (a day before: "14. März 1975", "14 mars
 * 1975", "14 de marzo de 1975"; or a year after: "März 1975").  Malay
 * (brief s26 malay26, report-adv25a B-11; hand-written, wants a native
 * reviewer): the months of Dewan Bahasa dan Pustaka's spelling, Januari
 * Februari Mac April Mei Jun Julai Ogos September Oktober November
 * Disember, and their usual short forms Jan Feb Mac Apr Mei Jun Jul
 * Ogo/Ogs Sep/Sept Okt Nov Dis (those shared with English are
 * detect_month_word's); Indonesian Maret, Agustus, Desember, Juli, Juni. */
static const char *const eu_months[] = {
    "januar", "janner", "februar", "marz", "maerz", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "dezember",
    "janvier", "fevrier", "mars", "avril", "juin", "juillet", "aout", "septembre", "octobre",
    "novembre", "decembre",
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "setiembre", "octubre", "noviembre", "diciembre",
    "januari", "februari", "mac", "mei", "julai", "ogos", "disember", "okt", "ogo", "ogs", "dis",
    "maret", "agustus", "desember",
};
#define EU_MONTHS ((int)(sizeof eu_months / sizeof eu_months[0]))

static const char *const roman_months[] = {
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
};

/* A month in Roman numerals (i ... xii, a whole word) at at: 1-12 with
 * its length in *n, or 0. */
static unsigned roman_month(const char *s, size_t len, size_t at, size_t *n);

/* The gap between two parts of a date at i: a space, or a mark spaced
 * or not ("15 · апреля · 1989", "April — 15 — 1989": date_gaps.c). */
static size_t space(const char *s, size_t len, size_t i)
{
    return det_date_gap(s, len, i);
}

/* Past the letters (no digits) of any script from i. */
size_t detect_letters(const char *s, size_t len, size_t i)
{
    size_t n;
    int cp;

    while ((cp = det_cp_at(s, len, i, &n)) >= 0 && is_word_cp(cp) && !(cp >= '0' && cp <= '9'))
        i += n;
    return i;
}

/* The index of the word of tab[0..count) at s[at] (whole word), its
 * length in *n; -1 if none. */
static int word_in(const char *const *tab, int count, const char *s, size_t len, size_t at, size_t *n)
{
    int k;

    for (k = 0; k < count; k++)
        if (s[at] == tab[k][0] && det_word_at(s, len, at, tab[k], FIT_WORD)) {
            *n = strlen(tab[k]);
            return k;
        }
    return -1;
}

/* The second letters of eu_months by first letter (bit c - 'a' of
 * eu_second[f - 'a']), built once from the table: every entry is three
 * ASCII lower-case letters or more, so a word whose first two bytes start
 * none is no entry, and eu_month_at answers without reading the table
 * (the walk asks at every Latin word: brief s48 aud48). */
static uint32_t eu_second[26];
static pthread_once_t eu_once = PTHREAD_ONCE_INIT;

static void eu_second_build(void)
{
    for (int k = 0; k < EU_MONTHS; k++)
        eu_second[eu_months[k][0] - 'a'] |= 1u << (eu_months[k][1] - 'a');
}

/* word_in(eu_months, ...): the same answer. */
static int eu_month_at(const char *s, size_t len, size_t at, size_t *n)
{
    (void)pthread_once(&eu_once, eu_second_build);
    if (at + 1 >= len || s[at] < 'a' || s[at] > 'z' || s[at + 1] < 'a' || s[at + 1] > 'z' ||
        !(eu_second[s[at] - 'a'] >> (s[at + 1] - 'a') & 1))
        return -1;
    return word_in(eu_months, EU_MONTHS, s, len, at, n);
}

int detect_other_month_word(const char *s, size_t len, size_t at, size_t *n)
{
    return eu_month_at(s, len, at, n) >= 0;
}

int detect_month_word(const char *s, size_t len, size_t at, size_t *n)
{
    static const char abbr[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    size_t k, full;

    /* The usual case, no month at all, is decided by the first letters. */
    if (at + 3 > len)
        return 0;
    switch (s[at]) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd':
        break;
    default:
        return 0;
    }
    for (k = 0; k < 12; k++)
        if (abbr[3 * k] == s[at] && abbr[3 * k + 1] == s[at + 1] && abbr[3 * k + 2] == s[at + 2])
            break;
    if (k == 12 || det_letter_before(s, at))
        return 0;
    full = strlen(en_months[k]);
    if (det_starts(s, len, at, en_months[k]) && !det_letter_at(s, len, at + full))
        return *n = full, 1;
    if (k == 8 && det_starts(s, len, at, "sept") && det_ends_word(s, len, at + 4))
        return *n = 4 + (size_t)(at + 4 < len && s[at + 4] == '.'), 1;
    if (!det_ends_word(s, len, at + 3))
        return 0;
    return *n = 3 + (size_t)(at + 3 < len && s[at + 3] == '.'), 1;
}

/* A day of the month (1-2 digits, 1-31) at at, with an English ordinal
 * ending (14th) or, when ordinal, in words ("the fifteenth"); returns its
 * end or 0. */
static size_t day_at(const char *s, size_t len, size_t at, int ordinal)
{
    size_t n, i;
    unsigned v;

    if (ordinal && det_starts(s, len, at, "the "))
        at += 4;
    if (ordinal && det_alpha(s[at]))
        return det_day_ordinal_at(s, len, at, &v);
    n = det_digits(s, len, at), i = at + n;
    v = n >= 1 && n <= 2 ? det_value(s + at, n) : 0;
    if (v < 1 || v > 31)
        return 0;
    if (ordinal && (det_starts(s, len, i, "st") || det_starts(s, len, i, "nd") ||
                    det_starts(s, len, i, "rd") || det_starts(s, len, i, "th")))
        i += 2;
    return det_ends_word(s, len, i) ? i : 0;
}

/* A four-digit year 1900-2099 at at, a whole number; its end or 0. */
static size_t year_at(const char *s, size_t len, size_t at)
{
    unsigned v;

    if (det_digits(s, len, at) != 4 || !det_ends_word(s, len, at + 4))
        return 0;
    v = det_value(s + at, 4);
    return v >= 1900 && v <= 2099 ? at + 4 : 0;
}

/* A year 1900-2099 in digits or in English words as years are said
 * ("nineteen eighty-five", "nineteen oh five": detect_spoken.c reads
 * them); its end or 0. */
static size_t en_year_at(const char *s, size_t len, size_t at)
{
    char d[8];
    size_t n, e;
    unsigned v;

    if (det_digit(s[at]))
        return year_at(s, len, at);
    if ((e = det_year_words(s, len, at, &v)) != 0)
        return e;                               /* two thousand and five */
    if ((e = detect_spoken_digits(s, len, at, d, sizeof d, &n)) == 0 || n != 4)
        return 0;
    v = det_value(d, 4);
    return v >= 1900 && v <= 2099 ? e : 0;
}

/* A year written '75 (two digits after an apostrophe) at at, the
 * apostrophe included; its end or 0. */
size_t detect_short_year_at(const char *s, size_t len, size_t at)
{
    return at + 3 <= len && s[at] == '\'' && det_digits(s, len, at + 1) == 2 &&
           det_ends_word(s, len, at + 3) && !det_letter_before(s, at) ? at + 3 : 0;
}

/* A year of two digits, or '75, after a day and month that end at i:
 * a space, or a comma and a space, then the year alone ("14th March 75",
 * "March 14, '75"); its end or 0. */
static size_t short_year_after(const char *s, size_t len, size_t i)
{
    size_t j = i + (i < len && s[i] == ',');

    if (j >= len || s[j] != ' ')
        return 0;
    j++;
    if (det_digits(s, len, j) == 2 && det_ends_word(s, len, j + 2) &&
        !(j + 3 < len && (s[j + 2] == '.' || s[j + 2] == ':' || s[j + 2] == '-') && det_digit(s[j + 3])))
        return j + 2;
    return detect_short_year_at(s, len, j);
}

/* English: March 14(th)(,) 1975 | March 1975 | March '75 | March 14. */
static struct det_date english_from_month(const char *s, size_t len, size_t at)
{
    struct det_date d = { 0, DATE_NONE, 0 };
    size_t n, i, e;

    if (!detect_month_word(s, len, at, &n)) {
        /* Another language's month before its year ("Mac 1987", "März
         * 1975"): the year alone, no day. */
        if (eu_month_at(s, len, at, &n) < 0 ||
            (e = year_at(s, len, space(s, len, at + n))) == 0)
            return d;
        return d.end = e, d.strength = DATE_PART, d;
    }
    i = space(s, len, at + n);
    if ((e = en_year_at(s, len, i)) != 0 || (e = detect_short_year_at(s, len, i)) != 0) {
        d.end = e, d.strength = DATE_PART;
        /* The day after the month and year: "April 1989, on the 15th",
         * "April 1989, the fifteenth" (report-adv25b C-20). */
        i = space(s, len, e + (e < len && s[e] == ','));
        if (i > e && det_starts(s, len, i, "on the "))
            i += 3;
        if (i > e && det_starts(s, len, i, "the ") && (e = day_at(s, len, i, 1)) != 0)
            d.end = e, d.strength = DATE_FULL;
        return d;
    }
    if ((e = day_at(s, len, i, 1)) == 0)
        return d;
    d.end = e, d.strength = DATE_PART;
    i = e + (e < len && s[e] == ',');
    if ((e = en_year_at(s, len, space(s, len, i))) != 0)
        d.end = e, d.strength = DATE_FULL;
    else if ((e = short_year_after(s, len, d.end)) != 0)
        d.end = e, d.strength = DATE_FULL;       /* March 14th, '75 */
    return d;
}

/* English with the year first: 1985 March (the) 15(th), 1985, March 15
 * ("born 1985 March the 15th": report-adv12e F29, the date goes whole). */
static struct det_date english_year_first(const char *s, size_t len, size_t at)
{
    struct det_date d = { 0, DATE_NONE, 0 };
    size_t i = year_at(s, len, at), n, e;

    if (i == 0)
        return d;
    i = space(s, len, i + (i < len && s[i] == ','));
    if (!detect_month_word(s, len, i, &n) || (e = day_at(s, len, space(s, len, i + n), 1)) == 0)
        return d;
    d.end = e, d.strength = DATE_FULL;
    return d;
}

/* The letters of a Roman numeral may be typed in Cyrillic: Х (U+0425/
 * U+0445) for X and the Ukrainian І (U+0406/U+0456) for I, alone or
 * mixed with Latin ones ("3.ХІІ.1990": brief s41 num41, report-adv40
 * L-32); the norm view has them in lower case.  n counts bytes. */
static unsigned roman_month(const char *s, size_t len, size_t at, size_t *n)
{
    char w[5];
    size_t i = at, k = 0;
    int m;

    if (at >= len || det_letter_before(s, at))
        return 0;
    while (i < len && k < sizeof w - 1) {
        if (s[i] == 'i' || s[i] == 'v' || s[i] == 'x')
            w[k++] = s[i], i++;
        else if (i + 1 < len && s[i] == '\xd1' && (s[i + 1] == '\x85' || s[i + 1] == '\x96'))
            w[k++] = s[i + 1] == '\x85' ? 'x' : 'i', i += 2;
        else
            break;
    }
    if (k == 0 || !det_ends_word(s, len, i))
        return 0;
    w[k] = '\0';
    for (m = 0; m < 12 && strcmp(w, roman_months[m]) != 0; m++)
        ;
    if (m == 12)
        return 0;
    *n = i - at;
    return (unsigned)m + 1;
}

int detect_roman_month_start(const char *s, size_t len, size_t at)
{
    size_t n;

    return roman_month(s, len, at, &n) != 0;
}

/* A month in Roman numerals with its year, no day ("XII.1990", "xii/1990",
 * "V-1988": brief s41 num41, report-adv40 L-32, L-44): the month, one of
 * ". / -" and a year of four digits.  DATE_YEAR: a month and a year name
 * no one alone, so it is kept unless a birth word marks it (detect_birth.c);
 * then the month goes with the year. */
static struct det_date roman_month_year(const char *s, size_t len, size_t at)
{
    struct det_date d = { 0, DATE_NONE, 0 };
    size_t n, e;

    if (roman_month(s, len, at, &n) == 0 || at + n + 1 >= len || strchr("./-", s[at + n]) == NULL ||
        (e = year_at(s, len, at + n + 1)) == 0)
        return d;
    d.end = e, d.strength = DATE_YEAR;
    return d;
}

/* The end of a Russian ordinal ending after a number at at ("-го",
 * "-е", "-ое", "-ого", "-м", "-й"), or at. */
static size_t ru_ordinal_end(const char *s, size_t len, size_t at)
{
    static const char *const endings[] = {
        "-\xd0\xbe\xd0\xb3\xd0\xbe", "-\xd0\xb3\xd0\xbe", "-\xd0\xbe\xd0\xb5", "-\xd0\xb5",
        "-\xd0\xbc", "-\xd0\xb9",
    };

    for (size_t k = 0; k < sizeof endings / sizeof endings[0]; k++)
        if (det_starts(s, len, at, endings[k]) && !det_letter_at(s, len, at + strlen(endings[k])))
            return at + strlen(endings[k]);
    return at;
}

/* The month glued at s[i] (no word boundary): an English month (full or
 * its three letters) or a Russian one in the genitive; its length, or 0. */
static size_t glued_month_at(const char *s, size_t len, size_t i)
{
    static const char abbr[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    size_t k;

    if (i + 3 >= len)
        return 0;
    for (k = 0; k < 12; k++)
        if (memcmp(s + i, abbr + 3 * k, 3) == 0)
            return det_starts(s, len, i, en_months[k]) ? strlen(en_months[k]) : 3;
    for (k = 0; k < 12; k++)
        if (det_starts(s, len, i, ru_months[k]))
            return strlen(ru_months[k]);
    return 0;
}

/* A date glued together, day, month name and year ("14Mar1975",
 * "14march75", "14марта1975"): the day 1-31, a month (glued_month_at)
 * and a year of four digits (1900-2099) or two; or the year first
 * ("1975MAR14": report-adv12 A-29), a four-digit year and the day. */
static struct det_date glued_month(const char *s, size_t len, size_t at)
{
    struct det_date d = { 0, DATE_NONE, 0 };
    size_t a = det_digits(s, len, at), i = at + a, n, y;
    unsigned v = a >= 1 && a <= 2 ? det_value(s + at, a) : 0;

    if (a == 4 && (v = det_value(s + at, 4)) >= 1900 && v <= 2099 && (n = glued_month_at(s, len, i)) > 0) {
        i += n;
        y = det_digits(s, len, i);
        if (y >= 1 && y <= 2 && det_value(s + i, y) >= 1 && det_value(s + i, y) <= 31 &&
            det_ends_word(s, len, i + y) && !det_letter_at(s, len, i + y))
            d.end = i + y, d.strength = DATE_FULL;
        return d;
    }
    if (v < 1 || v > 31 || (n = glued_month_at(s, len, i)) == 0)
        return d;
    i += n;
    y = det_digits(s, len, i);
    if (!(y == 2 || (y == 4 && det_value(s + i, 4) >= 1900 && det_value(s + i, 4) <= 2099)) ||
        !det_ends_word(s, len, i + y))
        return d;
    d.end = i + y, d.strength = DATE_FULL;
    return d;
}

/* A number in Roman numerals at at (a whole word, the subtractive pairs
 * IV IX XL XC CD CM): its value with its end in *end, or 0. */
static unsigned roman_value(const char *s, size_t len, size_t at, size_t *end)
{
    static const char digits[] = "ivxlcdm";
    static const unsigned values[] = { 1, 5, 10, 50, 100, 500, 1000 };
    unsigned v = 0, cur, next;
    size_t i = at;
    const char *p, *q;

    while (i < len && det_alpha(s[i]) && (p = strchr(digits, s[i])) != NULL) {
        cur = values[p - digits];
        q = i + 1 < len && det_alpha(s[i + 1]) ? strchr(digits, s[i + 1]) : NULL;
        next = q != NULL ? values[q - digits] : 0;
        v = next > cur ? v - cur : v + cur;
        i++;
    }
    if (i == at || det_letter_at(s, len, i) || det_letter_before(s, at))
        return 0;
    *end = i;
    return v;
}

/* A date all in Roman numerals, day, month and year joined by one of
 * ". - /" ("XIV.III.MCMLXXV"). */
static struct det_date roman_date(const char *s, size_t len, size_t at)
{
    struct det_date d = { 0, DATE_NONE, 0 };
    size_t e, f, g;
    unsigned day = roman_value(s, len, at, &e), month, year;
    char sep;

    if (day < 1 || day > 31 || e + 1 >= len || strchr(".-/", s[e]) == NULL)
        return d;
    sep = s[e];
    month = roman_value(s, len, e + 1, &f);
    if (month < 1 || month > 12 || f + 1 >= len || s[f] != sep)
        return d;
    year = roman_value(s, len, f + 1, &g);
    if (year >= 1900 && year <= 2099 && det_month_day(month, day))
        d.end = g, d.strength = DATE_FULL;
    return d;
}

/* A month name after a day: English (14(th) (of) March, 14-Mar-1975,
 * 14 Mar. 1975), Russian (14 марта), a Roman numeral (14/III/1975,
 * 14.III.1975): the day, one of " -/." and the month, then the same
 * separator or a space and the year. */
static struct det_date month_after_day(const char *s, size_t len, size_t at)
{
    struct det_date d = { 0, DATE_NONE, 0 };
    size_t i = day_at(s, len, at, 1), n, e;
    unsigned v;
    char sep;
    int roman, ru_ord;

    if (i == 0 && (i = det_day_words(s, len, at, &v)) != 0 &&
        !(i + 1 < len && s[i] == ' ' &&
          (word_in(ru_months, 12, s, len, i + 1, &n) >= 0 || det_month_other(s, len, i + 1, &n))))
        return d;                               /* четырнадцатого марта, п'ятого березня */
    if (i == 0 || i >= len)
        return d;
    if ((e = det_date_gap(s, len, i)) > i && !(e == i + 1 && s[i] == ' ')) {
        sep = ' ', i = e, ru_ord = 0;   /* a mark: "15 · апреля", "15·IV" (date_gaps.c) */
    } else {
        if (strchr(" -/.", s[i]) == NULL || s[i] == '\0')
            return d;
        /* A Russian ordinal day: "14-го марта", "14-е марта". */
        ru_ord = (e = ru_ordinal_end(s, len, i)) > i && e < len && s[e] == ' ';
        if (ru_ord)
            i = e;
        sep = s[i++];
        /* German writes the day as an ordinal: "14. März 1975". */
        if (sep == '.' && i < len && s[i] == ' ')
            i++;
    }
    if (sep == ' ' && (det_starts(s, len, i, "of ") || det_starts(s, len, i, "de ")))
        i += 3;
    /* A Roman month stands alone only with its year ("14 iii 1975"). */
    roman = roman_month(s, len, i, &n) != 0;
    if (!roman && !detect_month_word(s, len, i, &n) && word_in(ru_months, 12, s, len, i, &n) < 0 &&
        eu_month_at(s, len, i, &n) < 0 && !det_month_other(s, len, i, &n))
        return d;
    d.end = i + n, d.strength = roman ? DATE_NONE : DATE_PART;
    i = d.end + (d.end < len && (s[d.end] == ',' || (s[d.end] == sep && sep != ' ')));
    if (det_starts(s, len, i, " de "))
        i += 3;                                 /* 14 de marzo de 1975 */
    if ((e = en_year_at(s, len, space(s, len, i))) != 0)
        d.end = e, d.strength = DATE_FULL;
    /* A year said as an ordinal with its year word ("пятнадцатого марта
     * восемьдесят седьмого года": date_gaps.c). */
    else if ((e = det_short_year_words(s, len, space(s, len, i), &v)) != 0 &&
             det_year_word_after(s, len, e) != 0)
        d.end = det_year_word_after(s, len, e), d.strength = DATE_FULL;
    /* A two-digit year after the same separator ("14-Mar-75",
     * "14.III.75"). */
    else if (sep != ' ' && i > d.end && s[i - 1] == sep && det_digits(s, len, i) == 2 &&
             det_ends_word(s, len, i + 2))
        d.end = i + 2, d.strength = DATE_FULL;
    /* A two-digit year with a Russian ordinal ending ("14-го марта
     * 75-го"). */
    else if (ru_ord && (i = space(s, len, d.end)) > d.end && det_digits(s, len, i) == 2 &&
             ru_ordinal_end(s, len, i + 2) > i + 2)
        d.end = i + 2, d.strength = DATE_FULL;
    /* A two-digit year after a space or a comma ("14th March 75", "14
     * March, '75": report-adv16a A-15); a birth word must still mark it. */
    else if (!roman && (e = short_year_after(s, len, d.end)) != 0)
        d.end = det_year_word_after(s, len, e) ? det_year_word_after(s, len, e) : e,
        d.strength = DATE_FULL;                 /* "15 апр. 89 г." */
    return d;
}

/* English with the month as an ordinal: "the 14th of the 3rd month(,)
 * (of) 1975", "the fourteenth of the third month". */
static struct det_date english_nth_month(const char *s, size_t len, size_t at)
{
    struct det_date d = { 0, DATE_NONE, 0 };
    size_t i = day_at(s, len, at, 1), e, m;
    unsigned v = 0;

    if (i == 0 || !det_starts(s, len, i, " of the "))
        return d;
    if ((i += 8) >= len)
        return d;
    if (det_alpha(s[i]))
        m = det_day_ordinal_at(s, len, i, &v);
    else if ((m = day_at(s, len, i, 1)) != 0 && det_alpha(s[m - 1]))
        v = det_value(s + i, det_digits(s, len, i));
    if (m == 0 || v < 1 || v > 12 || !det_starts(s, len, m, " month") || !det_ends_word(s, len, m + 6))
        return d;
    d.end = m + 6, d.strength = DATE_PART;
    i = d.end + (d.end < len && s[d.end] == ',');
    i = space(s, len, i);
    if (det_starts(s, len, i, "of "))
        i += 3;
    if ((e = en_year_at(s, len, i)) != 0)
        d.end = e, d.strength = DATE_FULL;
    return d;
}

static int born_after(const char *s, size_t len, size_t i);

/* Numeric: Y-M-D, D.M.Y, M/D/Y (same separator twice, a space after it
 * allowed: "1975. 3. 14"), YYYYMMDD, DDMMYYYY or MMDDYYYY. */
/* The separator between the parts of a numeric date at p: '-' '/' '.',
 * the same with a space on each side ("14 . 03 . 1975", "14 - 03 -
 * 1975": report-adv12 A-29), or a space; its end (a space after it not
 * taken), with its character in *sep; 0 if none. */
static size_t date_sep(const char *s, size_t len, size_t p, char *sep)
{
    if (p >= len)
        return 0;
    if (s[p] == '-' || s[p] == '/' || s[p] == '.')
        return *sep = s[p], p + 1;
    if (s[p] != ' ')
        return 0;
    if (p + 2 < len && (s[p + 1] == '-' || s[p + 1] == '/' || s[p + 1] == '.') && s[p + 2] == ' ')
        return *sep = s[p + 1], p + 2;
    return *sep = ' ', p + 1;
}

static struct det_date numeric(const char *s, size_t len, size_t at)
{
    struct det_date d = { 0, DATE_NONE, 0 };
    size_t a = det_digits(s, len, at), i, b, c;
    unsigned x, y, z;
    char sep, sep2;

    if (a == 6 && det_ends_word(s, len, at + 6) && det_yymmdd(s, at)) {
        d.end = at + 6, d.strength = DATE_FULL;                           /* 750314 */
        d.born = born_after(s, len, d.end);                          /* 750314생 */
        return d;
    }
    if (a == 8 && det_ends_word(s, len, at + 8)) {
        x = det_value(s + at, 4);
        z = det_value(s + at + 4, 4);
        if (x >= 1900 && x <= 2099 && det_month_day(det_value(s + at + 4, 2), det_value(s + at + 6, 2)))
            d.end = at + 8, d.strength = DATE_FULL;
        /* DDMMYYYY and MMDDYYYY ("DOB: 15031985": report-adv12d F9); a
         * birth word must still mark it, as for every date. */
        else if (z >= 1900 && z <= 2099 &&
                 (det_month_day(det_value(s + at + 2, 2), det_value(s + at, 2)) ||
                  det_month_day(det_value(s + at, 2), det_value(s + at + 2, 2))))
            d.end = at + 8, d.strength = DATE_FULL;
        d.born = d.strength == DATE_FULL && born_after(s, len, d.end);
        return d;
    }
    /* A space between the parts only for Y M D ("생일 1975 03 14"): a
     * birth word must still mark it. */
    if (!(a == 4 || (a >= 1 && a <= 2)) || (i = date_sep(s, len, at + a, &sep)) == 0)
        return d;
    i = space(s, len, i);
    /* A Roman month between the year and the day: "1975-III-14",
     * "1975.III.14", "1975/III/14". */
    if (a == 4 && (y = roman_month(s, len, i, &b)) != 0 && i + b + 1 < len && s[i + b] == sep &&
        (c = det_digits(s, len, i + b + 1)) >= 1 && c <= 2 && det_ends_word(s, len, i + b + 1 + c)) {
        x = det_value(s + at, 4), z = det_value(s + i + b + 1, c);
        if (x >= 1900 && x <= 2099 && det_month_day(y, z))
            d.end = i + b + 1 + c, d.strength = DATE_FULL, d.born = born_after(s, len, d.end);
        return d;
    }
    /* An ISO 8601 ordinal date, the year and the day of the year:
     * "1975-073" (report-adv16a A-15). */
    if (a == 4 && sep == '-' && det_digits(s, len, i) == 3 && det_ends_word(s, len, i + 3) &&
        !(i + 4 < len && s[i + 3] == '-' && det_digit(s[i + 4]))) {
        x = det_value(s + at, 4), y = det_value(s + i, 3);
        if (x >= 1900 && x <= 2099 && y >= 1 && y <= 366)
            d.end = i + 3, d.strength = DATE_FULL, d.born = born_after(s, len, d.end);
        return d;
    }
    if ((b = det_digits(s, len, i)) < 1 || b > 2 || (c = date_sep(s, len, i + b, &sep2)) == 0 ||
        sep2 != sep)
        return d;
    /* The day and month, then the year said apart: "14.03. in 1975". */
    if (a <= 2 && sep == '.' && det_month_day(det_value(s + i, b), det_value(s + at, a)) &&
        det_starts(s, len, i + b, ". ") && det_digits(s, len, i + b + 2) == 0) {
        d.end = i + b, d.strength = DATE_PART;
        c = i + b + 2;
        if (det_starts(s, len, c, "in ") || det_starts(s, len, c, "of "))
            c += 3;
        if (year_at(s, len, c) != 0)
            d.end = c + 4, d.strength = DATE_FULL;
        return d;
    }
    y = det_value(s + i, b);
    i = space(s, len, c);
    c = det_digits(s, len, i);
    /* Parts apart by spaces alone, the day first: with a four-digit year
     * only ("14 03 1975"). */
    if (sep == ' ' && a <= 2 && c != 4)
        return d;
    /* ASCII letters glued after ("14.03.1975Bat") are checked by the
     * caller (glued_date). */
    if (!det_ends_word(s, len, i + c) && !(c >= 2 && det_alpha(s[i + c])))
        return d;
    x = det_value(s + at, a);
    z = c >= 1 && c <= 4 ? det_value(s + i, c) : 0;
    if (a == 4 && c >= 1 && c <= 2 && x >= 1900 && x <= 2099 && det_month_day(y, z))
        d.end = i + c, d.strength = DATE_FULL;
    else if (a <= 2 && (c == 2 || (c == 4 && z >= 1900 && z <= 2099)) &&
             (det_month_day(y, x) || det_month_day(x, y)))
        d.end = i + c, d.strength = DATE_FULL;
    else if (a == 2 && c == 2 && det_month_day(y, z))
        d.end = i + c, d.strength = DATE_FULL;                            /* 75.03.14 */
    d.born = d.strength == DATE_FULL && born_after(s, len, d.end);
    return d;
}

static const char *const ko_unit[] = { KO_YEAR, KO_MONTH, KO_DAY };
static const char *const zh_unit[] = { "\xe5\xb9\xb4", "\xe6\x9c\x88", "\xe6\x97\xa5" };

/* 1 if the unit of date part k (년 월 일, 年 月 日) is at s[at]. */
static int ko_unit_at(const char *s, size_t len, size_t at, int k)
{
    return det_starts(s, len, at, ko_unit[k]) || det_starts(s, len, at, zh_unit[k]);
}

/* The number of Korean or Chinese date part k (0 year, 1 month, 2 day)
 * at j: digits, a Juche year with the common era after it ("64(1975)"),
 * or a number spelt in Sino-Korean syllables or Han numerals
 * (det_numeral: "천구백팔십오", "일구팔오", "一九八五", "삼", "十五"; the
 * months 유월 6 and 시월 10 as Korean says them); its value, its end in
 * *e, its digits in *n.  A spelt number is read up to its unit: the 일
 * of "오일" (the 5th) is the day's unit, not a digit. */
static unsigned ko_part(const char *s, size_t len, size_t j, int k, size_t *e, size_t *n)
{
    size_t c, lim = len;
    unsigned v;

    *n = det_digits(s, len, j);
    if (*n == 0) {
        if (k == 1 && (det_starts(s, len, j, "\xec\x9c\xa0") || det_starts(s, len, j, "\xec\x8b\x9c")) &&
            ko_unit_at(s, len, j + 3, 1))
            return *e = j + 3, *n = 2, s[j + 1] == '\x9c' ? 6 : 10;            /* 유월, 시월 */
        while ((v = det_numeral(s, lim, j, e, n)), *n > 0 && !ko_unit_at(s, len, *e, k) &&
               !(k == 0 && *e < len && s[*e] == ' ' && ko_unit_at(s, len, *e + 1, k)) && *e - j > 3)
            lim = *e - 3;
        if (k == 0)
            *n = v >= 10 && v <= 2099 && *n >= 2 ? (v >= 1000 ? 4 : 2) : 0;
        return v;
    }
    v = *n <= 4 ? det_value(s + j, *n) : 0;
    *e = j + *n;
    if (k == 0 && *e < len && s[*e] == '(' && (c = det_digits(s, len, *e + 1)) == 4 &&
        *e + 5 < len && s[*e + 5] == ')')
        *e += 6, *n = 4;                                                /* 64(1975) */
    return v;
}

/* 1 if Korean 생 (生) marks the date ending at i as a birth date: right
 * after it ("14일생"), or after one space, '.', ". ", '-' or middle dot ('ᆞ',
 * what a ㆍ not between digits becomes: "1975.3.14 생이다", "1975ㆍ3ㆍ14ㆍ생")
 * when the word ends there or goes on with a particle or the copula (not
 * "생활", "생산"). */
static int born_after(const char *s, size_t len, size_t i)
{
    static const char *const next[] = {
        "\xec\x9d\xb4", "\xec\x9d\xb8", "\xec\x9e\x85", "\xec\x9e\x84", /* 이 인 입 임 */
        "\xec\x9c\xbc", "\xec\x9d\x98", "\xec\x9d\x80", "\xeb\x93\xa4", /* 으 의 은 들 */
        "\xec\x97\x90", "\xeb\xb6\x80", "\xea\xb9\x8c",                 /* 에 부 까 */
    };
    size_t j = i, k;

    if (det_starts(s, len, i, KO_BORN) || det_starts(s, len, i, ZH_BORN))
        return 1;
    if (j + 1 < len && s[j] == '.' && s[j + 1] == ' ')
        j += 2;                 /* "89. 4. 15. 생." (brief s25 num25) */
    else if (j < len && (s[j] == ' ' || s[j] == '.' || s[j] == '-'))
        j++;
    else if (det_starts(s, len, j, "\xe1\x86\x9e") || det_starts(s, len, j, "\xc2\xb7"))
        j += s[j] == '\xc2' ? 2 : 3;
    if (j == i || !(det_starts(s, len, j, KO_BORN) || det_starts(s, len, j, ZH_BORN)))
        return 0;
    j += 3;
    if (!det_letter_at(s, len, j))
        return 1;
    for (k = 0; k < sizeof next / sizeof next[0]; k++)
        if (det_starts(s, len, j, next[k]))
            return 1;
    return 0;
}

/* Korean or Chinese: [Y년] [M월] [D일] (年 月 日), each part optional but
 * in this order; 생 (生) after. */
static struct det_date korean(const char *s, size_t len, size_t at)
{
    struct det_date d = { 0, DATE_NONE, 0 };
    size_t i = at, n, e, parts = 0, year = 0;
    unsigned v;
    int k;

    for (k = 0; k < 3; k++) {
        size_t j = parts > 0 ? space(s, len, i) : i;
        v = ko_part(s, len, j, k, &e, &n);
        /* A year in digits with no 년, a mark or a space before its month
         * ("1989 — 4월 — 15일 생": brief s26 num26). */
        if (k == 0 && n == 4 && year_at(s, len, j) != 0 && space(s, len, e) > e) {
            size_t me, mn, m = space(s, len, e);
            unsigned mv = ko_part(s, len, m, 1, &me, &mn);
            if (mn > 0 && mn <= 2 && mv >= 1 && mv <= 12 && det_digit(s[m]) && ko_unit_at(s, len, me, 1)) {
                i = e, parts++, year++;
                continue;
            }
        }
        /* Digits and their unit may be spaced apart ("1975 년 3 월 14
         * 일생", "84 년생"); so may a year of the common era in words
         * ("천구백팔십칠 년에": adv40 L-46), not a smaller number ("십 년"
         * is ten years). */
        if (n > 0 && (det_digit(s[j]) || (k == 0 && v >= 1900 && v <= 2099)) && !ko_unit_at(s, len, e, k) &&
            e < len && s[e] == ' ' && ko_unit_at(s, len, e + 1, k))
            e++;
        if (n == 0 || n > 4 || !ko_unit_at(s, len, e, k))
            continue;
        if ((k == 0 && n != 2 && n != 4) || (k > 0 && (n > 2 || v == 0 || v > (k == 1 ? 12u : 31u))))
            return d;
        /* 年代, 년대 after a year: a decade ("1980年代", "50年代生まれ",
         * "80년대생": the 1980s), no year of anyone's birth (report-adv45
         * O-53) */
        if (k == 0 && (det_starts(s, len, e + 3, "代") || det_starts(s, len, e + 3, "대")))
            return d;
        i = e + 3;
        parts++;
        year += k == 0;
    }
    if (parts == 0 || (parts == 1 && !year))
        return d;
    d.end = i, d.strength = parts == 3 ? DATE_FULL : parts == 2 ? DATE_PART : DATE_YEAR;
    d.born = born_after(s, len, i);
    return d;
}

/* A day of the month in Mongolian words at at ("арван тавнд", "хорин
 * нэгэнд", "тавны", "арванд"): a tens word (арван 10, хорин 20, гучин
 * 30) as a whole word and a unit stem with any ending, or a stem alone
 * (нэг 1 ... ес 9, арав/арв 10, хорь/хор 20, гуч 30: the Mongolian
 * cardinals of detect_spoken.c, endings -н, -ы, -нд, -т); its end, or 0. */
size_t detect_mn_day_words(const char *s, size_t len, size_t at)
{
    static const struct {
        const char *w;
        unsigned v;
    } stems[] = {
        { "\xd0\xbd\xd1\x8d\xd0\xb3", 1 }, { "\xd1\x85\xd0\xbe\xd1\x91\xd1\x80", 2 },
        { "\xd0\xb3\xd1\x83\xd1\x80\xd0\xb0\xd0\xb2", 3 }, { "\xd0\xb3\xd1\x83\xd1\x80\xd0\xb2", 3 },
        { "\xd0\xb4\xd3\xa9\xd1\x80\xd3\xa9\xd0\xb2", 4 }, { "\xd0\xb4\xd3\xa9\xd1\x80\xd0\xb2", 4 },
        { "\xd1\x82\xd0\xb0\xd0\xb2", 5 }, { "\xd0\xb7\xd1\x83\xd1\x80\xd0\xb3\xd0\xb0\xd0\xb0", 6 },
        { "\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xbe", 7 }, { "\xd0\xbd\xd0\xb0\xd0\xb9\xd0\xbc", 8 },
        { "\xd0\xb5\xd1\x81", 9 }, { "\xd0\xb0\xd1\x80\xd0\xb0\xd0\xb2", 10 },
        { "\xd0\xb0\xd1\x80\xd0\xb2", 10 }, { "\xd1\x85\xd0\xbe\xd1\x80", 20 },
        { "\xd0\xb3\xd1\x83\xd1\x87", 30 },
    };
    static const char *const tens[] = {
        "\xd0\xb0\xd1\x80\xd0\xb2\xd0\xb0\xd0\xbd", "\xd1\x85\xd0\xbe\xd1\x80\xd0\xb8\xd0\xbd",
        "\xd0\xb3\xd1\x83\xd1\x87\xd0\xb8\xd0\xbd",
    };
    size_t i = at, n, k;
    int t;
    unsigned v = 0;

    if ((t = word_in(tens, 3, s, len, at, &n)) >= 0 && at + n + 1 < len && s[at + n] == ' ')
        v = 10 * (unsigned)(t + 1), i = at + n + 1;
    for (k = 0; k < sizeof stems / sizeof stems[0]; k++)
        if (det_word_at(s, len, i, stems[k].w, FIT_PREFIX) && (v == 0 || stems[k].v < 10))
            return v + stems[k].v <= 31 ? detect_letters(s, len, i) : 0;
    return v != 0 ? at + n : 0;
}

/* Mongolian in Latin letters (report-adv19b B-6: "1975 ony 3 sariin
 * 14", as MNS 5217 and everyday typing write он, оны, онд and сар,
 * сарын, сард): the end of the year word at i (on, ony, oni, onii, ond)
 * or 0; 1 if a month word (sar, sariin, sarin, saryn, sard) is at i. */
static size_t latin_year_word(const char *s, size_t len, size_t i)
{
    static const char *const words[] = { "ony", "oni", "onii", "ond", "on" };

    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (det_word_at(s, len, i, words[k], FIT_WORD))
            return i + strlen(words[k]);
    return 0;
}

static int latin_month_word(const char *s, size_t len, size_t i)
{
    static const char *const words[] = { "sar", "sariin", "sarin", "saryn", "sard", "sarynn" };

    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (det_word_at(s, len, i, words[k], FIT_WORD))
            return 1;
    return 0;
}

/* Mongolian: Y он(ы, д) [M(-р | дугаар) сар(ын, д) | ordinal сар...] [D(-нд...)]. */
/* The month and day of a Mongolian date from i: M(-р | дугаар) | an
 * ordinal month | a Roman month, сар(ын, д), [D(-нд...) | the day in
 * words]; fills d (strength up by one for the month, two for the day)
 * from base. */
static void mn_month_day(const char *s, size_t len, size_t i, struct det_date *d, enum det_date_strength base)
{
    size_t n, e;

    if ((n = det_digits(s, len, i)) >= 1 && n <= 2 && det_value(s + i, n) >= 1 && det_value(s + i, n) <= 12) {
        i += n;
        if (det_starts(s, len, i, MN_TH))
            i += strlen(MN_TH);
        else if (det_starts(s, len, i, "-r") && !det_letter_at(s, len, i + 2))
            i += 2;                                                 /* 3-r sariin */
        else if (det_starts(s, len, space(s, len, i), MN_ORDINAL))
            i = space(s, len, i) + strlen(MN_ORDINAL);
    } else if (word_in(mn_months, 12, s, len, i, &n) >= 0 || roman_month(s, len, i, &n) != 0) {
        i += n;                                                     /* III сарын */
    } else {
        return;
    }
    i = space(s, len, i);
    if (!det_word_at(s, len, i, MN_MONTH, FIT_PREFIX) && !latin_month_word(s, len, i) &&
        !(i > 0 && det_digit(s[i - 1]) && det_starts(s, len, i, MN_MONTH)))   /* 3сар14 */
        return;
    i = detect_letters(s, len, i);                                         /* сар, сарын, сард */
    if (base == DATE_YEAR)
        d->end = i, d->strength = DATE_PART;
    i = space(s, len, i);
    n = det_digits(s, len, i);
    if (n >= 1 && n <= 2 && det_value(s + i, n) >= 1 && det_value(s + i, n) <= 31) {
        e = i + n;
        if (e < len && s[e] == '-')
            e++;
        if (e < len && (((unsigned char)s[e] & 0x80) || (e > i + n && det_alpha(s[e]))))
            e = detect_letters(s, len, e);                                 /* -нд, -ний, -ны, -nd */
        if (det_ends_word(s, len, e))
            d->end = e, d->strength = base == DATE_YEAR ? DATE_FULL : DATE_PART;
    } else if ((e = detect_mn_day_words(s, len, i)) != 0) {
        d->end = e, d->strength = base == DATE_YEAR ? DATE_FULL : DATE_PART;       /* арван тавнд */
    }
}

/* Mongolian: Y он(ы, д) [month сар(ын, д) [day]] (mn_month_day). */
static struct det_date mongolian(const char *s, size_t len, size_t at)
{
    struct det_date d = { 0, DATE_NONE, 0 };
    size_t i, n, e;
    unsigned v;

    if ((i = year_at(s, len, at)) == 0 && (i = det_year_words(s, len, at, &v)) == 0 &&
        (det_digits(s, len, at) != 2 || (i = at + 2) == 0))
        return d;
    if ((e = latin_year_word(s, len, space(s, len, i))) != 0) {
        /* "1975 ony 3 sariin 14": with its month only ("on" is English). */
        mn_month_day(s, len, space(s, len, e), &d, DATE_YEAR);
        if (d.strength <= DATE_YEAR)
            d.end = 0, d.strength = DATE_NONE;
        return d;
    }
    if (!det_word_at(s, len, space(s, len, i), MN_YEAR_OF, FIT_PREFIX) &&
        !det_starts(s, len, i, MN_YEAR_OF))                          /* 1975он3сар14 */
        return d;
    e = space(s, len, i);
    i = detect_letters(s, len, e);                                          /* он, оны, онд, оных */
    d.end = i, d.strength = DATE_YEAR;
    d.born = i - e == strlen(MN_OF_YEAR_BORN) && det_starts(s, len, e, MN_OF_YEAR_BORN);
    i = space(s, len, i);
    if (word_in(mn_seasons, 4, s, len, i, &n) >= 0)
        i = space(s, len, i + n);                                    /* хаврын 3 сард */
    mn_month_day(s, len, i, &d, DATE_YEAR);
    return d;
}

/* Mongolian without the year: "III сарын 14-нд", "3 сарын 14". */
static struct det_date mongolian_month(const char *s, size_t len, size_t at)
{
    struct det_date d = { 0, DATE_NONE, 0 };

    mn_month_day(s, len, at, &d, DATE_NONE);
    return d;
}

/* The longest date form at at. */
struct det_date detect_date_at(const char *s, size_t len, size_t at)
{
    struct det_date best = { 0, DATE_NONE, 0 }, d;
    struct det_date (*const forms[])(const char *, size_t, size_t) = {
        numeric, korean, mongolian, month_after_day, english_from_month, english_year_first,
        english_nth_month, glued_month, mongolian_month, roman_date, roman_month_year,
    };
    size_t k, e;
    unsigned v;

    for (k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        d = forms[k](s, len, at);
        if (d.strength > best.strength || (d.strength == best.strength && d.end > best.end))
            best = d;
    }
    if (best.strength == DATE_NONE && ((e = year_at(s, len, at)) != 0 || (e = det_year_words(s, len, at, &v)) != 0))
        best.end = e, best.strength = DATE_YEAR;
    return best;
}
