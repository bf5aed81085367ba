/* A year of birth after a "year of birth" label (brief s51 birth51,
 * report-adv33 L-23, L-23b, L-23c, L-41, L-43): "Год рождения —
 * восемьдесят седьмой", "Year of birth: eighty-seven", "Төрсөн он: наян
 * долоон он", "出生年份：一九八七", "生年 昭和六十二年", "ДР — XII.1990".
 * A label is the name of a form's field: what follows it is the value,
 * so a year written in words there needs no other birth word; the
 * year's readers are the existing ones (detect_years.c, detect_spoken.c,
 * det_numeral), the words after it the year nouns of detect_birth.c.
 * The labels are HAND-WRITTEN from the field names of forms in each
 * language (Russian анкета "год рождения", "г.р.", "ДР"; Ukrainian "рік
 * народження"; English "year of birth", "YOB"; Mongolian "төрсөн он";
 * Chinese 出生年份; Japanese 生年(月日)); a native reviewer wanted.
 * Offsets are bytes of the norm view (lower case). */
#include <string.h>

#include "privacy/detect_int.h"

enum { SEP_ANY, SEP_MARK, SEP_NONE };   /* a space will do; a colon or dash wanted; none needed (CJK) */

struct label {
    const char *w;
    size_t n;           /* strlen(w): asked at every word, counted once */
    int sep;
};

#define L(w, sep) { w, sizeof w - 1, sep }

static const struct label labels[] = {
    L("год рождения", SEP_ANY), L("г. рождения", SEP_ANY), L("год рожд.", SEP_ANY),
    L("г.р.", SEP_MARK), L("г.р", SEP_MARK), L("дата рождения", SEP_MARK),
    /* ДР (дата/день рождения) without stops: "и др." (et cetera) has
     * one, and "и др" after и is read so (detect_birth_label_before) */
    L("др", SEP_ANY), L("д.р.", SEP_MARK), L("д/р", SEP_MARK),
    L("рік народження", SEP_ANY), L("р.н.", SEP_MARK), L("р. н.", SEP_MARK),
    L("дата народження", SEP_MARK),
    L("year of birth", SEP_ANY), L("birth year", SEP_ANY), L("yob", SEP_MARK),
    L("date of birth", SEP_MARK), L("dob", SEP_MARK), L("d.o.b.", SEP_MARK), L("born", SEP_MARK),
    L("төрсөн он", SEP_ANY), L("торсон он", SEP_ANY), L("torson on", SEP_ANY),
    L("төрсөн огноо", SEP_MARK),
    /* Korean: 태어난 해 (the year one was born), 태어난 날 (the day),
     * with the topic particle, 출생년도 and 출생 연도 (year of birth):
     * session 53, report-adv52 L-43, L-74, written by us */
    L("태어난 해", SEP_ANY), L("태어난 해는", SEP_ANY), L("태어난 날", SEP_ANY), L("태어난 날은", SEP_ANY),
    L("출생년도", SEP_ANY), L("출생 연도", SEP_ANY), L("출생연도", SEP_ANY),
    L("出生年份", SEP_NONE), L("出生年", SEP_NONE), L("出生日期", SEP_NONE), L("生年月日", SEP_NONE),
    L("生年", SEP_NONE), L("生于", SEP_NONE), L("生於", SEP_NONE),
};


/* The word for "year" after a year said as an ordinal ("восемьдесят
 * пятого года", "вісімдесят п'ятому році", Mongolian "наян тавдугаар
 * онд"): год-, рік, році, року, он, оны, онд.  Here, not in
 * detect_birth.c, which asks it too: the label's reader needs it, and
 * the calls then go one way (scripts/layers.sh, session 51). */
const struct det_word det_year_nouns[] = {
    DW("\xd0\xb3\xd0\xbe\xd0\xb4", FIT_PREFIX), DW("\xd1\x80\xd1\x96\xd0\xba", FIT_WORD), DW("\xd1\x80\xd0\xbe\xd1\x86\xd1\x96", FIT_WORD), DW("\xd1\x80\xd0\xbe\xd0\xba\xd1\x83", FIT_WORD),
    DW("\xd0\xbe\xd0\xbd", FIT_WORD), DW("\xd0\xbe\xd0\xbd\xd1\x8b", FIT_WORD), DW("\xd0\xbe\xd0\xbd\xd0\xb4", FIT_WORD),
};
const size_t det_year_nouns_n = sizeof det_year_nouns / sizeof det_year_nouns[0];

size_t det_year_noun_end(const char *s, size_t len, size_t e)
{
    size_t b;

    if (e + 1 >= len || s[e] != ' ' || (b = detect_letters(s, len, e + 1)) == e + 1 ||
        !det_in_list(det_year_nouns, det_year_nouns_n, s + e + 1, b - e - 1))
        return e;
    return b;
}

/* The separators between a label and its value: a space, a colon
 * (ASCII or full width), a dash (hyphen, en, em) or an equals sign.
 * Their length at s[i] in bytes, 0 if none; *mark 1 if not a space. */
static size_t sep_at(const char *s, size_t len, size_t i, int *mark)
{
    static const char *const wide[] = { "\xe2\x80\x94", "\xe2\x80\x93", "\xef\xbc\x9a" };   /* — – ： */
    size_t k;

    *mark = s[i] != ' ';
    if (s[i] == ' ' || s[i] == ':' || s[i] == '-' || s[i] == '=')
        return 1;
    for (k = 0; k < sizeof wide / sizeof wide[0]; k++)
        if (i + 3 <= len && memcmp(s + i, wide[k], 3) == 0)
            return 3;
    return 0;
}

int detect_birth_label_before(const char *s, size_t len, size_t at)
{
    size_t k, n, e = at, i;
    int mark = 0, m, seps = 0;

    /* back over the separators (8 bytes at most: " — ", " : ") */
    while (e > 0 && at - e < 8) {
        for (i = e - 1; i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80; i--)
            ;
        if (sep_at(s, len, i, &m) != e - i)
            break;
        mark |= m, seps++, e = i;
    }
    for (k = 0; k < sizeof labels / sizeof labels[0]; k++) {
        n = labels[k].n;
        /* the last byte first: most words end in none of the labels' */
        if (e < n || s[e - 1] != labels[k].w[n - 1] || memcmp(s + e - n, labels[k].w, n) != 0)
            continue;
        if (labels[k].sep == SEP_NONE)
            return 1;
        if (seps > 0 && (mark || labels[k].sep == SEP_ANY) && !det_letter_before(s, e - n) &&
            !(strcmp(labels[k].w, "др") == 0 && e - n >= 3 && memcmp(s + e - n - 3, "и ", 3) == 0))
            return 1;
    }
    return 0;
}

/* 1 if the clause ends at e: the text's end or a stop, comma, semicolon,
 * bracket (ASCII or CJK). */
static int clause_end(const char *s, size_t len, size_t e)
{
    return e >= len || strchr(".,;!?)", s[e]) != NULL || det_starts(s, len, e, "\xe3\x80\x82") ||
           det_starts(s, len, e, "\xef\xbc\x8c") || det_starts(s, len, e, "\xe3\x80\x81");   /* 。，、 */
}

/* The end of the longest year at s[at] in words or Han digits: a Russian
 * or Ukrainian ordinal (det_short_year_words), a Mongolian cardinal
 * (det_mn_short_year), two or four digits said in English or Russian
 * (detect_spoken_digits), four Han digits (det_numeral, 1900-2099), or
 * two ASCII digits; 0 if none. */
static size_t year_at(const char *s, size_t len, size_t at)
{
    char d[8];
    size_t e, best = 0, n;
    unsigned v;
    int glued;

    if ((e = det_short_year_words(s, len, at, &v)) > best)
        best = e;
    if ((e = det_mn_short_year(s, len, at, &v, &glued)) > best)
        best = e;
    if ((e = detect_spoken_digits(s, len, at, d, sizeof d, &n)) > best && (n == 2 || n == 4)) {
        v = det_value(d, n);
        if (n == 2 || (v >= 1900 && v <= 2099))
            best = e;
    }
    v = det_numeral(s, len, at, &e, &n);
    if (n == 4 && v >= 1900 && v <= 2099 && e > best)
        best = e;
    if (det_digits(s, len, at) == 2 && !det_letter_at(s, len, at + 2) && at + 2 > best)
        best = at + 2;
    return best;
}

size_t detect_birth_label_year(const char *s, size_t len, size_t at)
{
    size_t e, n, k;

    /* the label first: the walk asks at every Cyrillic word */
    if (at >= len || !detect_birth_label_before(s, len, at) || (e = year_at(s, len, at)) == 0)
        return 0;
    /* "태어난 날: 85.5.3": the month and the day after two digits */
    if (e == at + 2 && det_digit(s[at]) && e + 3 < len && s[e] == '.' && (n = det_digits(s, len, e + 1)) >= 1 &&
        n <= 2 && s[e + 1 + n] == '.' && (k = det_digits(s, len, e + 2 + n)) >= 1 && k <= 2)
        return e + 2 + n + k;
    n = det_year_noun_end(s, len, e);
    if (det_starts(s, len, n, "年"))
        n += strlen("年");
    return clause_end(s, len, n) ? e : 0;
}
