/* Dates of birth in the writings the date forms of detect_date.c do not
 * read, or read only in part (report-adv17a D-10, D-24):
 *   - ISO 8601 week dates run together or spaced ("1984W113", "1984W11",
 *     "1984 W11 3"), and said: "week 11 of 1984, on a Wednesday",
 *     "1984년 11주차 수요일";
 *   - a day and month with a slash or a dot and no year ("14/3", "14.3"),
 *     and the US order with an apostrophe year ("3/14/'75");
 *   - a Sino-Korean month and a native Korean day ("삼월 열나흘", "오월
 *     보름");
 *   - the Mongolian lunar month: a season and its part ("хаврын сүүл
 *     сарын") or Цагаан сар, with the day after "шинийн" in digits or
 *     words ("шинийн 14-нд", "шинийн нэгэнд");
 *   - an age turned on a date ("turned forty on 14 March 2024": the day
 *     and month are the birthday).
 * detect_birth.c decides, as for every date, whether a birth word marks
 * them; these only read the forms. */
#include <string.h>

#include "privacy/detect_int.h"

#define MN_MONTH "\xd1\x81\xd0\xb0\xd1\x80"

/* An ISO week number 01-53 at i after 'w' (a weekday digit may follow
 * it: "w113"): its end (after its two digits), or 0. */
static size_t week_number(const char *s, size_t len, size_t i)
{
    unsigned v;

    if (det_digits(s, len, i) != 2 && det_digits(s, len, i) != 3)
        return 0;
    v = det_value(s + i, 2);
    return v >= 1 && v <= 53 ? i + 2 : 0;
}

/* A weekday said after a week (", on a Wednesday", " 수요일", "on
 * Wednesday") from i: its end, or i. */
static size_t weekday_after(const char *s, size_t len, size_t i)
{
    static const char *const en[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };
    static const char *const ko[] = { "\xec\x9b\x94\xec\x9a\x94\xec\x9d\xbc", "\xed\x99\x94\xec\x9a\x94\xec\x9d\xbc", "\xec\x88\x98\xec\x9a\x94\xec\x9d\xbc", "\xeb\xaa\xa9\xec\x9a\x94\xec\x9d\xbc", "\xea\xb8\x88\xec\x9a\x94\xec\x9d\xbc", "\xed\x86\xa0\xec\x9a\x94\xec\x9d\xbc", "\xec\x9d\xbc\xec\x9a\x94\xec\x9d\xbc" };
    size_t j = i, k;

    j += j < len && s[j] == ',';
    j += j < len && s[j] == ' ';
    for (k = 0; k < 7; k++)
        if (det_starts(s, len, j, ko[k]))
            return j + strlen(ko[k]);
    if (det_starts(s, len, j, "on "))
        j += 3;
    if (det_starts(s, len, j, "a "))
        j += 2;
    for (k = 0; k < 7; k++)
        if (det_word_at(s, len, j, en[k], FIT_WORD))
            return j + strlen(en[k]);
    return i;
}

size_t detect_dob_after(const char *s, size_t len, size_t end, int week)
{
    size_t i = end, e;

    if (week)
        return weekday_after(s, len, end);
    /* 1984 w11 3, 1984 w11 */
    if (det_starts(s, len, i, " w") && det_digits(s, len, i + 2) == 2 && (e = week_number(s, len, i + 2)) != 0 &&
        det_ends_word(s, len, e)) {
        if (e + 1 < len && s[e] == ' ' && s[e + 1] >= '1' && s[e + 1] <= '7' && det_ends_word(s, len, e + 2))
            e += 2;
        return weekday_after(s, len, e);
    }
    /* 1984년 11주차 수요일 */
    if (i >= 3 && det_starts(s, len, i - 3, "\xeb\x85\x84") && i + 1 < len && s[i] == ' ' &&
        (e = det_digits(s, len, i + 1)) >= 1 && e <= 2) {
        e += i + 1;
        if (det_starts(s, len, e, "\xec\xa3\xbc\xec\xb0\xa8"))
            return weekday_after(s, len, e + 6);
        if (det_starts(s, len, e, "\xec\xa3\xbc") && !det_letter_at(s, len, e + 3))
            return weekday_after(s, len, e + 3);
    }
    return end;
}

size_t detect_dob_before(const char *s, size_t len, size_t at)
{
    size_t i, n;

    (void)len;
    /* "week 11 of " right before the year */
    if (at < 11 || memcmp(s + at - 4, " of ", 4) != 0)
        return at;
    i = at - 4;
    n = 0;
    while (n < 2 && i > 0 && det_digit(s[i - 1]))
        i--, n++;
    if (n == 0 || i < 5 || memcmp(s + i - 5, "week ", 5) != 0 || det_letter_before(s, i - 5))
        return at;
    return i - 5;
}

/* The native Korean day of the month at i ("열나흘" 14, "보름" 15,
 * "스무하루" 21, "그믐"), with 날 after it allowed; its end, or 0. */
static size_t ko_native_day(const char *s, size_t len, size_t i)
{
    static const char *const days[] = {
        "\xed\x95\x98\xeb\xa3\xa8", "\xec\x9d\xb4\xed\x8b\x80", "\xec\x82\xac\xed\x9d\x98", "\xeb\x82\x98\xed\x9d\x98", "\xeb\x8b\xb7\xec\x83\x88", "\xec\x97\xbf\xec\x83\x88", "\xec\x9d\xb4\xeb\xa0\x88", "\xec\x97\xac\xeb\x93\x9c\xeb\xa0\x88", "\xec\x95\x84\xed\x9d\x90\xeb\xa0\x88",
    };
    static const char *const whole[] = { "\xec\x97\xb4\xed\x9d\x98", "\xeb\xb3\xb4\xeb\xa6\x84", "\xec\x8a\xa4\xeb\xac\xb4\xeb\x82\xa0", "\xea\xb7\xb8\xeb\xaf\x90" };
    size_t k, j = i;

    for (k = 0; k < sizeof whole / sizeof whole[0]; k++)
        if (det_starts(s, len, i, whole[k])) {
            j = i + strlen(whole[k]);
            goto day;
        }
    if (det_starts(s, len, j, "\xec\x97\xb4"))
        j += 3;
    else if (det_starts(s, len, j, "\xec\x8a\xa4\xeb\xac\xb4"))
        j += 6;
    for (k = 0; k < sizeof days / sizeof days[0]; k++)
        if (det_starts(s, len, j, days[k])) {
            j += strlen(days[k]);
            goto day;
        }
    return 0;
day:
    if (det_starts(s, len, j, "\xeb\x82\xa0"))
        j += 3;
    return j;
}

/* 1 if the Mongolian words at i name a month of the lunar calendar: a
 * season's genitive and its part (хаврын тэргүүн/дунд/сүүл сар...) or
 * Цагаан сар; the end of сар's word in *end. */
static int mn_lunar_month(const char *s, size_t len, size_t i, size_t *end)
{
    static const char *const seasons[] = { "\xd1\x85\xd0\xb0\xd0\xb2\xd1\x80\xd1\x8b\xd0\xbd ", "\xd0\xb7\xd1\x83\xd0\xbd\xd1\x8b ", "\xd0\xbd\xd0\xb0\xd0\xbc\xd1\x80\xd1\x8b\xd0\xbd ", "\xd3\xa9\xd0\xb2\xd0\xbb\xd0\xb8\xd0\xb9\xd0\xbd " };
    static const char *const parts[] = { "\xd1\x82\xd1\x8d\xd1\x80\xd0\xb3\xd2\xaf\xd2\xaf\xd0\xbd ", "\xd0\xb4\xd1\x83\xd0\xbd\xd0\xb4 ", "\xd1\x81\xd2\xaf\xd2\xaf\xd0\xbb " };
    size_t k, j = i;

    if (det_letter_before(s, i))
        return 0;
    if (det_starts(s, len, j, "\xd1\x86\xd0\xb0\xd0\xb3\xd0\xb0\xd0\xb0\xd0\xbd ")) {
        j += strlen("\xd1\x86\xd0\xb0\xd0\xb3\xd0\xb0\xd0\xb0\xd0\xbd ");
    } else {
        for (k = 0; k < 4 && !det_starts(s, len, j, seasons[k]); k++)
            ;
        if (k == 4)
            return 0;
        j += strlen(seasons[k]);
        for (k = 0; k < 3 && !det_starts(s, len, j, parts[k]); k++)
            ;
        if (k == 3)
            return 0;
        j += strlen(parts[k]);
    }
    if (!det_starts(s, len, j, MN_MONTH))
        return 0;
    *end = detect_letters(s, len, j);
    return 1;
}

/* The lunar month and its day from i: [шинийн] D(-нд) or the day in
 * words; the end, or 0 (the month alone is no date of birth). */
static size_t mn_lunar(const char *s, size_t len, size_t i)
{
    size_t e, n;

    if (!mn_lunar_month(s, len, i, &e) || e >= len || s[e] != ' ')
        return 0;
    i = e + 1;
    if (det_starts(s, len, i, "\xd1\x88\xd0\xb8\xd0\xbd\xd0\xb8\xd0\xb9\xd0\xbd "))
        i += strlen("\xd1\x88\xd0\xb8\xd0\xbd\xd0\xb8\xd0\xb9\xd0\xbd ");
    if ((n = det_digits(s, len, i)) >= 1 && n <= 2) {
        e = i + n;
        e += e < len && s[e] == '-';
        e = detect_letters(s, len, e);
        return det_ends_word(s, len, e) ? e : 0;
    }
    return detect_mn_day_words(s, len, i);
}

int detect_mn_month_start(const char *s, size_t len, size_t at)
{
    size_t e = detect_letters(s, len, at), n;

    if (e - at < 6 || det_letter_before(s, at))
        return 0;
    /* an ordinal month: гуравдугаар, есдүгээр сар */
    if ((e - at >= 12 && (memcmp(s + e - 12, "\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80", 12) == 0 || memcmp(s + e - 12, "\xd0\xb4\xd2\xaf\xd0\xb3\xd1\x8d\xd1\x8d\xd1\x80", 12) == 0)) &&
        det_starts(s, len, e, " " MN_MONTH))
        return 1;
    return mn_lunar_month(s, len, at, &n);
}

/* A day and a month with '/' or '.' at at, either order ("14/3",
 * "3/14"), not part of a longer number; its end and the separator in
 * *sep, or 0. */
static size_t day_month(const char *s, size_t len, size_t at, char *sep)
{
    size_t a = det_digits(s, len, at), b;
    unsigned x, y;

    if (a < 1 || a > 2 || at + a + 1 >= len || (s[at + a] != '/' && s[at + a] != '.'))
        return 0;
    *sep = s[at + a];
    b = det_digits(s, len, at + a + 1);
    if (b < 1 || b > 2)
        return 0;
    x = det_value(s + at, a), y = det_value(s + at + a + 1, b);
    if (!det_month_day(y, x) && !det_month_day(x, y))
        return 0;
    return at + a + 1 + b;
}

struct det_date detect_dob_form(const char *s, size_t len, size_t at)
{
    struct det_date d = { 0, DATE_NONE, 0 };
    size_t e, n, nd;
    unsigned v;
    char sep;

    if (det_digit(s[at])) {
        /* 1984w113, 1984w11 */
        if (det_digits(s, len, at) == 4 && (v = det_value(s + at, 4)) >= 1900 && v <= 2099 &&
            at + 4 < len && s[at + 4] == 'w' && (e = week_number(s, len, at + 5)) != 0) {
            if (e < len && s[e] >= '1' && s[e] <= '7')
                e++;
            if (det_ends_word(s, len, e))
                d.end = e, d.strength = DATE_FULL;
            return d;
        }
        if (at > 0 && (det_digit(s[at - 1]) || s[at - 1] == '/' || s[at - 1] == '.'))
            return d;
        if ((e = day_month(s, len, at, &sep)) == 0)
            return d;
        /* 3/14/'75 */
        if (e + 3 < len && s[e] == sep && (n = detect_short_year_at(s, len, e + 1)) != 0)
            return d.end = n, d.strength = DATE_FULL, d;
        /* 14/3 alone: no number goes on after it ("14/3/2" is no date) */
        if (e + 1 < len && (s[e] == '/' || s[e] == '.' || s[e] == '-' || s[e] == ',') && det_digit(s[e + 1]))
            return d;
        if (!det_ends_word(s, len, e))
            return d;
        return d.end = e, d.strength = DATE_PART, d;
    }
    /* 삼월 열나흘 */
    if ((v = det_numeral(s, len, at, &e, &nd)) >= 1 && v <= 12 && nd > 0 && det_starts(s, len, e, "\xec\x9b\x94") &&
        e + 4 < len && s[e + 3] == ' ' && (n = ko_native_day(s, len, e + 4)) != 0)
        return d.end = n, d.strength = DATE_PART, d;
    if ((e = mn_lunar(s, len, at)) != 0)
        return d.end = e, d.strength = DATE_PART, d;
    return d;
}

size_t detect_dob_lunar_after(const char *s, size_t len, size_t end)
{
    size_t e;

    if (end < len && s[end] == ' ' && (e = mn_lunar(s, len, end + 1)) != 0)
        return e;
    return end;
}

int detect_turned_before(const char *s, size_t at)
{
    static const char *const verbs[] = { "turned ", "turns ", "turn ", "turning " };
    size_t i = at, w, k, words;

    if (at >= 4 && memcmp(s + at - 4, "the ", 4) == 0)
        i -= 4;
    if (i < 4 || memcmp(s + i - 3, "on ", 3) != 0 || det_letter_before(s, i - 3))
        return 0;
    i -= 4;                             /* the space before "on" */
    if (s[i] != ' ')
        return 0;
    /* the age: one or two words ("50", "forty", "forty five") */
    for (words = 0; words < 2; words++) {
        w = i;
        while (w > 0 && (det_alnum(s[w - 1]) || s[w - 1] == '-'))
            w--;
        if (w == i || w == 0 || !(det_digit(s[w]) ? i - w <= 3 : detect_spoken_word(s, i + 1, w)))
            return 0;               /* an age: digits or number words ("turned left on" is none) */
        for (k = 0; k < sizeof verbs / sizeof verbs[0]; k++) {
            size_t n = strlen(verbs[k]);
            if (w >= n && memcmp(s + w - n, verbs[k], n) == 0 && !det_letter_before(s, w - n))
                return 1;
        }
        i = w - 1;
        if (s[i] != ' ')
            return 0;
    }
    return 0;
}
