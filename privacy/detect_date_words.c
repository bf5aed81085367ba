/* Dates said in Malay or Indonesian words, and a Malay day written
 * before a date (brief s27 num27, report-adv26a D-1, D-22).
 * HAND-WRITTEN TABLE (the number words below, from Malay and Indonesian
 * grammars: satu..sembilan, se- for one ten/hundred/thousand, belas for
 * the teens, puluh, ratus, ribu; the birth labels): it wants a native
 * reviewer.  The month names are detect_date.c's.
 *   - a day (one or two digits, or words 1-31), a month name and a year,
 *     said whole ("seribu sembilan ratus lapan puluh lima") or in two
 *     halves ("sembilan belas lapan puluh lima", "dua puluh dua puluh"),
 *     or in digits: "lima belas Ogos sembilan belas lapan puluh lima",
 *     "lima belas Ogos 1985", "15 Ogos sembilan belas lapan puluh lima";
 *   - a day in words and a month after a birth or date label with no
 *     year ("Tarikh lahir: lima belas Ogos", "Tarikh: dua belas
 *     Januari"), or right after a weekday ("Jumaat dua puluh lima
 *     Februari"), report-adv27c H-4;
 *   - a day, "hb" or "haribulan" and a month, with or without a year:
 *     the marker says a day of the month ("3 haribulan Mei 2020",
 *     "sembilan belas hb. Ogos", "lima haribulan Jun");
 *   - a day in digits with "hb" (haribulan, "day of the month") before a
 *     date found ("5hb Februari 1980", "5 hb. Februari", "5 haribulan
 *     Februari").
 * Offsets are bytes of the norm view (detect_int.h). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

static const char *const units[] = {
    "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "lapan", "sembilan",
};

/* Words that say a birth or a date before its date ("Tarikh: dua belas
 * Januari", report-adv27c H-4). */
static const struct det_word birth_labels[] = {
    DW("lahir", FIT_WORD), DW("dilahirkan", FIT_WORD), DW("kelahiran", FIT_WORD),
    DW("tarikh", FIT_WORD), DW("tanggal", FIT_WORD), DW("tgl", FIT_WORD),
};

/* The days of the week (Malay, Indonesian): one right before a day and
 * a month makes them a date ("Jumaat dua puluh lima Februari"). */
static const struct det_word weekdays[] = {
    DW("isnin", FIT_WORD), DW("selasa", FIT_WORD), DW("rabu", FIT_WORD), DW("khamis", FIT_WORD),
    DW("jumaat", FIT_WORD), DW("sabtu", FIT_WORD), DW("ahad", FIT_WORD), DW("senin", FIT_WORD),
    DW("kamis", FIT_WORD), DW("jumat", FIT_WORD), DW("minggu", FIT_WORD),
};

/* The word w at at, a whole word: the position after it and one space,
 * or 0. */
static size_t word(const char *s, size_t len, size_t at, const char *w)
{
    size_t n = strlen(w);

    if (!det_word_at(s, len, at, w, FIT_WORD))
        return 0;
    return at + n;
}

/* The unit word (1-9) at at: its value and end in *end, or 0. */
static unsigned unit_at(const char *s, size_t len, size_t at, size_t *end)
{
    size_t e;

    if ((e = word(s, len, at, "delapan")) != 0)
        return *end = e, 8;
    for (size_t k = 0; k < N(units); k++)
        if ((e = word(s, len, at, units[k])) != 0)
            return *end = e, (unsigned)k + 1;
    return 0;
}

/* The word after a space at e, w: the end, or 0. */
static size_t then(const char *s, size_t len, size_t e, const char *w)
{
    return e < len && s[e] == ' ' ? word(s, len, e + 1, w) : 0;
}

/* 0 if no unit word of unit_at (units[], "delapan") starts with the
 * byte c. */
static int unit_may_start(char c)
{
    if (c == 'd')
        return 1;
    for (size_t k = 0; k < N(units); k++)
        if (units[k][0] == c)
            return 1;
    return 0;
}

/* A cardinal 1-9999 in words at at: its value, its end in *end (0 if
 * none).  Its parts come in falling order: thousands, hundreds, tens or
 * a teen, units; each part is a unit word and its multiplier, or a se-
 * word (seribu, seratus, sepuluh, sebelas). */
static unsigned cardinal(const char *s, size_t len, size_t at, size_t *end)
{
    static const struct { const char *w; unsigned mag; } mult[] = {
        { "ribu", 1000 }, { "ratus", 100 }, { "puluh", 10 }, { "belas", 1 },
    };
    static const struct { const char *w; unsigned v, mag; } se[] = {
        { "seribu", 1000, 1000 }, { "seratus", 100, 100 }, { "sepuluh", 10, 10 }, { "sebelas", 11, 1 },
    };
    unsigned v = 0, last = 100000, u;
    size_t i = at, e, e2, k;
    int found;

    *end = 0;
    /* the first word is a se- word or a unit word: any other first byte
     * reads none (this runs at every word: brief s29 speed29b) */
    if (at >= len)
        return 0;
    for (k = 0; k < N(se) && se[k].w[0] != s[at]; k++)
        ;
    if (k == N(se) && !unit_may_start(s[at]))
        return 0;
    for (;;) {
        size_t from = i == at ? i : i + 1;
        if (i != at && (i >= len || s[i] != ' '))
            break;
        found = 0;
        for (k = 0; k < N(se) && !found; k++)
            if (se[k].mag < last && (e = word(s, len, from, se[k].w)) != 0)
                v += se[k].v, last = se[k].mag, i = e, found = 1;
        if (found)
            continue;
        if ((u = unit_at(s, len, from, &e)) == 0)
            break;
        for (k = 0; k < N(mult); k++)
            if ((e2 = then(s, len, e, mult[k].w)) != 0)
                break;
        if (k < N(mult)) {
            if (mult[k].mag >= last)
                break;
            v += mult[k].mag == 1 ? 10 + u : u * mult[k].mag;
            last = mult[k].mag, i = e2;
            if (mult[k].mag == 1)
                last = 0;
            continue;
        }
        if (last <= 1)
            break;
        v += u, i = e, last = 0;
    }
    if (i == at)
        return 0;
    *end = i;
    return v;
}

/* A year at at: said whole (1000-2099), in two halves (19 or 20, then
 * 1-99), or four digits; its end, or 0. */
static size_t year_at(const char *s, size_t len, size_t at)
{
    size_t e, e2;
    unsigned v, w;

    if (det_digits(s, len, at) == 4 && det_ends_word(s, len, at + 4)) {
        v = det_value(s + at, 4);
        return v >= 1900 && v <= 2099 ? at + 4 : 0;
    }
    if ((v = cardinal(s, len, at, &e)) == 0)
        return 0;
    if (v >= 1000 && v <= 2099)
        return e;
    if ((v == 19 || v == 20) && e < len && s[e] == ' ' && (w = cardinal(s, len, e + 1, &e2)) >= 1 && w <= 99)
        return e2;
    return 0;
}

/* 1 if a birth label stands in the 32 bytes before at. */
static int birth_before(const char *s, size_t len, size_t at)
{
    return det_word_near(s, len, at > 32 ? at - 32 : 0, at, birth_labels, N(birth_labels));
}

/* The day-of-the-month marker at e ("hb", "hb.", "haribulan", glued to
 * digits or after a space) and the space after it: the position after
 * them, or e. */
static size_t day_marker(const char *s, size_t len, size_t e)
{
    size_t i = e + (e < len && s[e] == ' ');

    if (det_starts(s, len, i, "haribulan"))
        i += 9;
    else if (det_starts(s, len, i, "hb"))
        i += 2 + (size_t)(i + 2 < len && s[i + 2] == '.');
    else
        return e;
    return !det_letter_at(s, len, i) && i < len && s[i] == ' ' ? i : e;
}

/* 1 if a weekday's name ends right before at (a comma between). */
static int weekday_before(const char *s, size_t at)
{
    size_t a, we = det_word_ending(s, at, " ,", &a);

    return we != 0 && det_in_list(weekdays, N(weekdays), s + a, we - a);
}

size_t detect_date_said(const char *s, size_t len, size_t at)
{
    size_t e, m, i, y, nd = det_digits(s, len, at);
    unsigned day;
    int words = nd == 0, hb;

    if (nd == 0 && !(det_alpha(s[at])))
        return 0;
    if (nd >= 1 && nd <= 2)
        day = det_value(s + at, nd), e = at + nd;
    else if (nd == 0)
        day = cardinal(s, len, at, &e);
    else
        return 0;
    if (day < 1 || day > 31 || e >= len)
        return 0;
    hb = (i = day_marker(s, len, e)) != e;
    if (i >= len || s[i] != ' ')
        return 0;
    i++;
    if (!detect_other_month_word(s, len, i, &m) && !detect_month_word(s, len, i, &m))
        return 0;
    i += m;
    if (i < len && s[i] == ' ' && (y = year_at(s, len, i + 1)) != 0) {
        /* the digits alone are the walk's ("15 Ogos 1985") */
        return words || hb || !det_digit(s[i + 1]) ? y : 0;
    }
    return hb || (words && (birth_before(s, len, at) || weekday_before(s, at))) ? i : 0;
}

size_t detect_ms_day_before(const char *s, size_t at)
{
    size_t i = at, nd = 0;

    if (i == 0 || s[i - 1] != ' ')
        return at;
    i--;
    if (i >= 1 && s[i - 1] == '.')
        i--;
    if (i >= 9 && memcmp(s + i - 9, "haribulan", 9) == 0)
        i -= 9;
    else if (i >= 2 && s[i - 2] == 'h' && s[i - 1] == 'b')
        i -= 2;
    else
        return at;
    if (i >= 1 && s[i - 1] == ' ')
        i--;
    while (i > 0 && nd < 3 && det_digit(s[i - 1]))
        i--, nd++;
    if (nd < 1 || nd > 2 || (i > 0 && det_wordc(s[i - 1])) || det_letter_before(s, i))
        return at;
    return det_value(s + i, nd) >= 1 && det_value(s + i, nd) <= 31 ? i : at;
}
