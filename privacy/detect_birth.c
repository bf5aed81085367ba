/* Dates of birth, the marks (detect_date.c reads the date forms): a
 * birth word near the date, parentheses right after a word, a word glued
 * to the date.  The rules are listed at the top of detect_date.c. */
#include <string.h>

#include "privacy/detect_int.h"
#include "util/lexicon.h"

static const struct det_word birth_words[] = {
    DW("born", FIT_WORD), DW("birth", FIT_PREFIX), DW("dob", FIT_WORD), DW("d.o.b", FIT_PREFIX),
    DW("(b.", FIT_WORD),
    DW("b.", FIT_WORD),
    DW("\xec\x83\x9d\xeb\x85\x84", FIT_PREFIX),                          /* 생년(월일) */
    DW("\xed\x83\x9c\xec\x83\x9d", FIT_PREFIX),                          /* 태생 */
    DW("\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97\xa5", FIT_ANY),     /* 生年月日 */
    DW("\xe5\x87\xba\xe7\x94\x9f", FIT_ANY),                             /* 出生 */
    DW("\xe7\x94\x9f\xe3\x81\xbe\xe3\x82\x8c", FIT_ANY),                 /* 生まれ(た, る, の): brief s41 num41 */
    DW("\xe7\x94\x9f\xe4\xba\x8e", FIT_ANY),                             /* 生于 */
    DW("\xe7\x94\x9f\xe6\x96\xbc", FIT_ANY),                             /* 生於 */
    DW("\xec\xb6\x9c\xec\x83\x9d", FIT_PREFIX),                          /* 출생 */
    DW("\xed\x83\x9c\xec\x96\xb4", FIT_PREFIX),                          /* 태어(났다, 난) */
    DW("\xec\x83\x9d\xec\x9d\xbc", FIT_PREFIX),                          /* 생일 */
    DW("\xed\x83\x84\xec\x83\x9d", FIT_PREFIX),                          /* 탄생 */
    DW("\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb8\xd0\xbb", FIT_PREFIX),          /* родил(ся, ась) */
    DW("\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4", FIT_PREFIX),                  /* рожд(ения, ён) */
    /* Ukrainian (brief s26 num26, report-adv25b C-5): народився,
     * народилася, народження, народжений (hand-written). */
    DW("народив", FIT_PREFIX), DW("народил", FIT_PREFIX), DW("народження", FIT_WORD),
    DW("народжен", FIT_PREFIX),
    DW("\xd0\xb3.\xd1\x80.", FIT_WORD),                                  /* г.р. */
    DW("\xd0\xb4.\xd1\x80.", FIT_WORD),                                  /* д.р. */
    /* the birth words cut with a stop (report-adv33 L-43: "Нар. 1987.",
     * "Рожд. 1990.", "род. в 87-м"): род. нар. народж.; рожд. is рожд
     * above (hand-written) */
    DW("\xd1\x80\xd0\xbe\xd0\xb4.", FIT_WORD), DW("\xd0\xbd\xd0\xb0\xd1\x80.", FIT_WORD),
    DW("\xd0\xbd\xd0\xb0\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb6.", FIT_WORD),
    /* Ukrainian р.н. (рік народження, report-adv27a G-9), spaced too */
    DW("\xd1\x80.\xd0\xbd.", FIT_WORD), DW("\xd1\x80. \xd0\xbd.", FIT_WORD),   /* р.н. р. н. */
    DW("\xd1\x80.\xd0\xbd", FIT_WORD),                                  /* р.н at the end */
    DW("\xd1\x82\xd3\xa9\xd1\x80\xd1\x81", FIT_PREFIX),                  /* төрс(өн, ний) */
    DW("\xd1\x82\xd3\xa9\xd1\x80\xd0\xb6", FIT_PREFIX),                  /* төрж */
    DW("\xd1\x82\xd3\xa9\xd1\x80\xd3\xa9\xd0\xb2", FIT_WORD),            /* төрөв */
    DW("\xd0\xbc\xd1\x8d\xd0\xbd\xd0\xb4\xd1\x8d\xd0\xbb", FIT_PREFIX),  /* мэндэл(сэн) */
    /* оных: "of the year", said of a person ("наян таван оных", "1985
     * оных хүүхэд": one born in '85; report-adv52 L-40); Mongolian
     * grammar's possessive genitive -ых of он, written by us */
    DW("оных", FIT_WORD),
    /* төрсөн, төрсний, төрж, төрөв in Latin letters as Mongolians type
     * them (ө as o or u, the vowel of -сөн dropped: "Torson ognoo",
     * "Tursun odor", "torsn"; report-adv19b B-6), and Cyrillic typed
     * without ө (торсон); whole words only: "tors-" starts torso,
     * torsion. */
    DW("torson", FIT_WORD), DW("tursun", FIT_WORD), DW("torsn", FIT_WORD), DW("tursn", FIT_WORD),
    DW("torsnii", FIT_WORD), DW("tursnii", FIT_WORD), DW("torsonii", FIT_WORD),
    DW("tursunii", FIT_WORD), DW("torj", FIT_WORD), DW("turj", FIT_WORD),
    DW("torov", FIT_WORD), DW("turuv", FIT_WORD),
    DW("\xd1\x82\xd0\xbe\xd1\x80\xd1\x81\xd0\xbe\xd0\xbd", FIT_WORD),      /* торсон */
    /* German, French, Spanish (report-adv12 A-10), as the norm view
     * writes them (Latin marks stripped: né is "ne"); né(e) le/en/à
     * only right before the date: det_born_right_before, detect_words.c */
    DW("geb.", FIT_WORD), DW("geb", FIT_WORD), DW("geboren", FIT_WORD), DW("geburt", FIT_PREFIX),
    DW("naissance", FIT_WORD),
    DW("nacido", FIT_WORD), DW("nacida", FIT_WORD), DW("nacio", FIT_WORD), DW("nacimiento", FIT_WORD),
    /* Malay and Indonesian (brief s26 malay26, report-adv25a B-11;
     * hand-written, wants a native reviewer): lahir "born" (tarikh lahir,
     * tanggal lahir, T/lahir), with its -nya; kelahiran "birth";
     * dilahirkan "was born". */
    DW("lahir", FIT_WORD), DW("lahirnya", FIT_WORD), DW("kelahiran", FIT_WORD), DW("dilahirkan", FIT_WORD),
};

/* 1 if the '.' at s[i] cuts a birth word ("Рожд. 1990.", "род. в
 * 87-м"): no sentence's end. */
static int birth_word_stop(const char *s, size_t len, size_t i)
{
    size_t a, we;

    return (we = det_word_ending(s, i, "", &a)) == i &&
           (det_word_at(s, len, a, "\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4", FIT_WORD) ||
            det_in_list(birth_words, sizeof birth_words / sizeof birth_words[0], s + a, i + 1 - a));
}

/* A full stop at s[i]: '.' after two letters, before a space or the end
 * (not "(b.", "d.o.b.", "г.р."). */
static int full_stop(const char *s, size_t len, size_t i)
{
    size_t n;

    if (!(s[i] == '.' && (i + 1 >= len || s[i + 1] == ' ') && det_letter_before(s, i) &&
          det_cp_before(s, i, &n) >= 0 && det_letter_before(s, i - n)))
        return 0;
    return !birth_word_stop(s, len, i);
}

/* The Latin birth words of Mongolian (төрсөн, төрсний, төрж, төрөв) with
 * ө and ү folded to o and u to o: typed with either vowel in either
 * syllable (türsön, torsun), or with the Cyrillic letters Latin lacks
 * left in a Latin word ("tөrsөn": report-adv20 R-12). */
static const char *const mn_birth_folded[] = {
    "torson", "torsn", "torsnii", "torsonii", "torsnei", "torj", "torov",
};

/* 1 if the word at s[at] (its start) reads, folded, as one of
 * mn_birth_folded: Latin letters and Cyrillic ө ү о у only. */
static int mn_birth_word_at(const char *s, size_t len, size_t at)
{
    char w[12];
    size_t n = 0, i = at, k;
    int cp;

    if (det_letter_before(s, at))
        return 0;
    while (i < len && (cp = det_cp_at(s, len, i, &k)) >= 0 && is_word_cp(cp)) {
        char c;
        if (cp == 0x4E9 || cp == 0x4AF || cp == 0x43E || cp == 0x443 || cp == 'u')
            c = 'o';
        else if (cp >= 'a' && cp <= 'z')
            c = (char)cp;
        else if (cp >= 'A' && cp <= 'Z')
            c = (char)(cp - 'A' + 'a');
        else
            return 0;
        if (n + 1 >= sizeof w)
            return 0;
        w[n++] = c, i += k;
    }
    for (k = 0; k < sizeof mn_birth_folded / sizeof mn_birth_folded[0]; k++)
        if (strlen(mn_birth_folded[k]) == n && memcmp(w, mn_birth_folded[k], n) == 0)
            return 1;
    return 0;
}

/* A birth word within before bytes before start or after bytes after end;
 * for a year alone (sentence) the window ends at a full stop. */
static int near_birth_word(const char *s, size_t len, size_t start, size_t end, size_t before,
                           size_t after, int sentence)
{
    size_t from = start > before ? start - before : 0, to = end + after < len ? end + after : len, i;

    for (i = start; sentence && i > from; i--)
        if (full_stop(s, len, i - 1))
            from = i;
    for (i = end; sentence && i < to; i++)
        if (full_stop(s, len, i))
            to = i;
    if (det_word_near(s, len, from, to, birth_words, sizeof birth_words / sizeof birth_words[0]))
        return 1;
    while (from > 0 && from < len && ((unsigned char)s[from] & 0xC0) == 0x80)
        from--;
    for (i = from; i < to && i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && mn_birth_word_at(s, len, i))
            return 1;
    return 0;
}

int detect_birth_near(const char *s, size_t len, size_t start, size_t end)
{
    return near_birth_word(s, len, start, end, 64, 24, 0);
}

/* A date or a year in parentheses right after a word: "Batbayar
 * (12.03.1984)", "Batbayar (1984)". */
static int after_name(const char *s, size_t len, size_t start, size_t end)
{
    size_t p = start;

    if (end >= len || s[end] != ')' || p == 0 || s[p - 1] != '(')
        return 0;
    p--;
    if (p > 0 && s[p - 1] == ' ')
        p--;
    return det_letter_before(s, p);
}

/* A year alone in parentheses after a word is a birth year only after a
 * word that may be a name: not after an ordinary English word
 * (util/lexicon.h) nor a number ("The law (2019)",
 * "Population: 3 409 939 (2023)", "The report (2021)": report-adv17a
 * D-41). */
static int year_after_name(const char *s, size_t len, size_t start, size_t end)
{
    size_t p = start, w, n;
    int cp;

    if (!after_name(s, len, start, end))
        return 0;
    p -= p >= 2 && s[p - 2] == ' ' ? 2 : 1;
    for (w = p; (cp = det_cp_before(s, w, &n)) >= 0 && is_word_cp(cp); w -= n)
        ;
    if (w == p || det_digit(s[w]))
        return 0;
    /* English words only: a Mongolian or Korean given name is often a
     * word too (Болд "steel", Сайхан "fine"), and a birth year after it
     * must go. */
    return !det_alpha(s[w]) || lexicon_word(LEXICON_EN, s + w, p - w) != 1;
}

/* 1 if the Hangul word at s[at] starts as a particle, the copula or a
 * word that follows a date does ("1975.03.14에", "부터", "까지", "이다",
 * "오전", "기준", "현재"), by its first syllable. */
static int ko_after_date(const char *s, size_t len, size_t at)
{
    static const char first[] =
        "\xec\x97\x90\xeb\xb6\x80\xea\xb9\x8c\xec\x9d\x80\xeb\x8a\x94\xec\x9d\xb4"  /* 에 부 까 은 는 이 */
        "\xea\xb0\x80\xec\x9d\x98\xec\x9d\x84\xeb\xa5\xbc\xeb\xa1\x9c\xec\x9c\xbc"  /* 가 의 을 를 로 으 */
        "\xec\x99\x80\xea\xb3\xbc\xeb\x8f\x84\xeb\xa7\x8c\xec\x9e\x90\xea\xb2\xbd"  /* 와 과 도 만 자 경 */
        "\xec\xaf\xa4\xea\xbb\x98\xeb\x82\xa0\xec\x9d\xbc\xed\x98\x84\xea\xb8\xb0"  /* 쯤 께 날 일 현 기 */
        "\xec\xa0\x84\xed\x9b\x84\xec\x98\xa4\xeb\x95\x8c\xec\x83\x9d\xec\xa4\x91"  /* 전 후 오 때 생 중 */
        "\xec\x97\x94\xeb\xb0\xa4\xec\x8b\x9c\xeb\xb0\x9c\xeb\x8b\xb9\xea\xb0\x9c";             /* 엔 밤 시 발 당 개 */

    for (size_t k = 0; k + 3 <= sizeof first - 1; k += 3)
        if (at + 3 <= len && memcmp(s + at, first + k, 3) == 0)
            return 1;
    return 0;
}

/* 1 if the Hangul word at at is a name of three syllables starting with
 * the surname 이 ("1975.03.14이종수"), not 이 as the copula or the
 * subject particle ("이다", "이었고", "이후", "이전에"): its second
 * syllable is none that follows them. */
static int ko_name_after(const char *s, size_t len, size_t at)
{
    static const char second[] =
        "\xeb\x8b\xa4\xea\xb3\xa0\xeb\xa9\xb0\xec\x97\x88\xec\x97\x90\xec\x95\xbc"   /* 다 고 며 었 에 야 */
        "\xeb\x9d\xbc\xeb\x8b\x88\xeb\x82\x98\xeb\xa9\xb4\xeb\xaf\x80\xec\xa7\x80"   /* 라 니 나 면 므 지 */
        "\xec\x9e\x90\xeb\x8d\x98\xeb\x93\xa0\xea\xb1\xb4\xeb\x9e\x98\xed\x9b\x84"   /* 자 던 든 건 래 후 */
        "\xec\xa0\x84\xeb\x82\xb4\xec\x83\x81\xed\x95\x98\xec\x99\xb8\xeb\xb2\x88"   /* 전 내 상 하 외 번 */
        "\xec\x97\xac\xec\x96\xb4\xec\x9a\x94\xeb\x9e\x80\xeb\x9e\x91\xec\x8b\xa0";  /* 여 어 요 란 랑 신 */
    size_t i = at, syl = 0, n;
    int cp;

    if (!det_starts(s, len, at, "\xec\x9d\xb4"))
        return 0;
    while ((cp = det_cp_at(s, len, i, &n)) >= 0xAC00 && cp <= 0xD7A3)
        i += n, syl++;
    if (syl != 3 || det_letter_at(s, len, i))
        return 0;
    for (size_t k = 0; k + 3 <= sizeof second - 1; k += 3)
        if (memcmp(s + at + 3, second + k, 3) == 0)
            return 0;
    return 1;
}

/* 1 if a word is glued to a date written with separators at [at, end):
 * ASCII letters before it ("Jong-su1975-03-14") or after it
 * ("14.03.1975Bat"), a Hangul word after it that is no particle
 * ("1975.03.14김종수"; ko_after_date; not a time, "2020-03-14T10:00"),
 * or a Cyrillic word of four letters
 * or more after it that is no case ending ("-нд", "ний", "нээс" start
 * with н): marked as "Batbayar (1975-03-14)" is.  A code's digits
 * ("SN19750314") are not. */
static int glued_date(const char *s, size_t len, size_t at, size_t end)
{
    size_t i, n;
    int cp;

    for (i = at; i < end && det_digit(s[i]); i++)
        ;
    if (i == end)
        return 0;
    /* An ISO 8601 time after it is no word ("2020-03-14T10:00"). */
    if ((at > 0 && det_alpha(s[at - 1])) ||
        (end < len && det_alpha(s[end]) && !(s[end] == 't' && end + 1 < len && det_digit(s[end + 1]))))
        return 1;
    if ((cp = det_cp_at(s, len, end, &n)) >= 0xAC00 && cp <= 0xD7A3)
        return !ko_after_date(s, len, end) || ko_name_after(s, len, end);
    if (cp >= 0x0430 && cp <= 0x04FF && cp != 0x043D)
        return detect_letters(s, len, end) - end >= 8;
    return 0;
}

/* The end of an ISO 8601 week and weekday after a year at at ("-W11-5",
 * "-W11", "W115" of "1975-W11-5": report-adv15 R-22), or at. */
static size_t iso_week(const char *s, size_t len, size_t at)
{
    size_t i = at + (at < len && s[at] == '-'), w;
    unsigned v;

    if (i + 3 > len || s[i] != 'w' || det_digits(s, len, i + 1) < 2)
        return at;
    v = det_value(s + i + 1, 2);
    if (v < 1 || v > 53)
        return at;
    w = i + 3;
    if (w + 1 < len && s[w] == '-' && s[w + 1] >= '1' && s[w + 1] <= '7')
        w += 2;
    else if (w < len && s[w] >= '1' && s[w] <= '7' && s[i - 1] != '-')
        w++;
    return det_ends_word(s, len, w) ? w : at;
}

/* The end of a birthday as the lunar calendar gives it, in English words
 * at at: a day, "day of the", a month and "month" ("fourteenth day of the
 * third month", "14th day of the 3rd month", "the fourteenth of the third
 * month": report-adv15 R-15; the month of a lunar year has no name, so
 * its number is said); 0 if none. */
static size_t lunar_day(const char *s, size_t len, size_t at)
{
    static const char *const months[] = {
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    };
    size_t i, n;
    unsigned v;

    if ((i = detect_day_word_end(s, len, at, &v)) == 0) {
        n = det_digits(s, len, at);
        if (n < 1 || n > 2 || (v = det_value(s + at, n)) < 1 || v > 31 || at + n + 2 > len ||
            !(det_starts(s, len, at + n, "st") || det_starts(s, len, at + n, "nd") ||
              det_starts(s, len, at + n, "rd") || det_starts(s, len, at + n, "th")))
            return 0;
        i = at + n + 2;
    }
    if (det_starts(s, len, i, " day"))
        i += 4;
    if (!det_starts(s, len, i, " of the "))
        return 0;
    i += 8;
    for (n = 0; n < sizeof months / sizeof months[0]; n++)
        if (det_starts(s, len, i, months[n])) {
            i += strlen(months[n]);
            break;
        }
    if (n == sizeof months / sizeof months[0]) {
        n = det_digits(s, len, i);
        if (n < 1 || n > 2 || (v = det_value(s + i, n)) < 1 || v > 12 || !det_alpha(s[i + n]))
            return 0;
        i += n + 2;
    }
    if (!det_starts(s, len, i, " month"))
        return 0;
    i += 6;
    return det_ends_word(s, len, i) ? i : 0;
}

/* Endings of an ordinal written after a number's dash: Russian "84-м",
 * "84-го", "84-й", Ukrainian "84-му", "84-ий", Mongolian "84-р" ("84-р
 * онд төрсөн", report-adv27a G-9).  Hand-written from each language's
 * grammar; plural decades ("80-х", "80-аад") are no year. */
static const char *const ord_endings[] = {
    "\xd0\xbe\xd0\xbc\xd1\x83", "\xd0\xbe\xd0\xb3\xd0\xbe",                  /* ому ого */
    "\xd0\xbc\xd1\x83", "\xd0\xb3\xd0\xbe", "\xd0\xbe\xd0\xbc", "\xd1\x8b\xd0\xb9",  /* му го ом ый */
    "\xd0\xb8\xd0\xb9", "\xd0\xbc", "\xd0\xb9", "\xd1\x80",                      /* ий м й р */
};

/* A year of two digits with an ordinal's ending at at ("84-м", "84-р"):
 * its end, or 0. */
static size_t short_year_ordinal(const char *s, size_t len, size_t at)
{
    size_t k, e;

    if (det_digits(s, len, at) != 2 || at + 3 >= len || s[at + 2] != '-' ||
        (at > 0 && (det_digit(s[at - 1]) || det_letter_before(s, at) || strchr(".,:/-", s[at - 1]) != NULL)))
        return 0;
    for (k = 0; k < sizeof ord_endings / sizeof ord_endings[0]; k++) {
        if (!det_starts(s, len, at + 3, ord_endings[k]))
            continue;
        e = at + 3 + strlen(ord_endings[k]);
        return det_letter_at(s, len, e) ? 0 : e;
    }
    return 0;
}

/* Birth abbreviations and phrases that follow a year (glued or after a
 * space): Russian г.р. (года рождения), Ukrainian р.н. (року
 * народження), д.р. (дата рождения), dotted or spaced, the last dot
 * missing at the text's end, and the phrases written out ("г.
 * рождения", "года рождения", "року народження"). Hand-written from
 * the abbreviations' usage (report-adv28c J-9); wants a native
 * reviewer. */
static const struct det_word year_birth_abbrevs[] = {
    DW("\xd0\xb3.\xd1\x80.", FIT_WORD), DW("\xd0\xb3. \xd1\x80.", FIT_WORD),          /* г.р. г. р. */
    DW("\xd0\xb3.\xd1\x80", FIT_WORD),                                             /* г.р */
    DW("\xd1\x80.\xd0\xbd.", FIT_WORD), DW("\xd1\x80. \xd0\xbd.", FIT_WORD),          /* р.н. р. н. */
    DW("\xd1\x80.\xd0\xbd", FIT_WORD),                                             /* р.н */
    DW("\xd0\xb4.\xd1\x80.", FIT_WORD), DW("\xd0\xb4. \xd1\x80.", FIT_WORD),          /* д.р. д. р. */
    DW("\xd0\xb3. \xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4", FIT_PREFIX),                   /* г. рожд(ения) */
    DW("\xd0\xb3.\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4", FIT_PREFIX),                    /* г.рожд(ения) */
    DW("\xd0\xb3\xd0\xbe\xd0\xb4\xd0\xb0 \xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4", FIT_PREFIX), /* года рожд(ения) */
    DW("\xd1\x80. \xd0\xbd\xd0\xb0\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb6", FIT_PREFIX), /* р. народж(ення) */
    DW("\xd1\x80\xd0\xbe\xd0\xba\xd1\x83 \xd0\xbd\xd0\xb0\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb6", FIT_PREFIX), /* року народж(ення) */
};

/* A year of four digits (1900-2039) or two right before a birth
 * abbreviation, glued or after one space ("1990р.н.", "(87 г.р.)",
 * "1987г. рождения": report-adv28c J-9): the year's end, or 0.  The
 * abbreviation says "year of birth", so the year needs no other word;
 * a year of two digits only so (alone it is any number). */
static size_t year_before_abbrev(const char *s, size_t len, size_t at)
{
    size_t n = det_digits(s, len, at), i, k;
    unsigned v;

    if ((n != 2 && n != 4) || (at > 0 && (det_digit(s[at - 1]) || det_letter_before(s, at) ||
                                          strchr(".,:/-", s[at - 1]) != NULL)))
        return 0;
    v = det_value(s + at, n);
    if (n == 4 && (v < 1900 || v > 2039))
        return 0;
    i = at + n + (at + n < len && s[at + n] == ' ');
    /* det_word_at would read the year's digits as the word before */
    for (k = 0; k < sizeof year_birth_abbrevs / sizeof year_birth_abbrevs[0]; k++) {
        const struct det_word *w = &year_birth_abbrevs[k];
        if (i + w->n <= len && memcmp(s + i, w->w, w->n) == 0 &&
            (w->fit == FIT_PREFIX || w->w[w->n - 1] == '.' || !det_letter_at(s, len, i + w->n)))
            return at + n;
    }
    return 0;
}

/* The stems of the Russian and Ukrainian months in every case ("в
 * марте", "третього березня", "у квітні"; HAND-WRITTEN from the
 * grammars, a native reviewer wanted): a stem and at most three more
 * letters.  Ukrainian stems end where the months' own letters do
 * (травн-, not трав-: трава is grass). */
static const char *const month_stems[] = {
    "январ", "феврал", "март", "апрел", "мая", "мае", "май", "июн", "июл", "август", "сентябр", "октябр",
    "ноябр", "декабр",
    "січн", "січен", "лютог", "лютом", "лютий", "березн", "березен", "квітн", "квітен", "травн", "травен",
    "червн", "червен", "липн", "липен", "серпн", "серпен", "вересн", "вересен", "жовтн", "жовтен",
    "листопад", "грудн", "груден",
};

/* 1 if the word right before at (through one space) is a month of
 * month_stems. */
static int month_before(const char *s, size_t at)
{
    size_t a, we, n, k;

    if ((we = det_word_ending(s, at, " ", &a)) == 0 || we + 1 != at)
        return 0;
    for (k = 0; k < sizeof month_stems / sizeof month_stems[0]; k++) {
        n = strlen(month_stems[k]);
        if (we - a >= n && we - a <= n + 6 && memcmp(s + a, month_stems[k], n) == 0)
            return 1;
    }
    return 0;
}

/* Words before a year said as an ordinal, without a month (report-adv32
 * L-18: "родилась в восемьдесят пятом", "народилась у вісімдесят
 * п'ятому році", "родилась весной восемьдесят пятого"): the prepositions
 * в, во, у, с, з, із, and the seasons in the instrumental (весной, летом,
 * осенью, зимой; навесні, влітку, восени, взимку).  HAND-WRITTEN from the
 * grammars; a native reviewer wanted. */
static const struct det_word year_lead_words[] = {
    DW("\xd0\xb2", FIT_WORD), DW("\xd0\xb2\xd0\xbe", FIT_WORD), DW("\xd1\x83", FIT_WORD), DW("\xd1\x81", FIT_WORD),
    DW("\xd0\xb7", FIT_WORD), DW("\xd1\x96\xd0\xb7", FIT_WORD),
    DW("\xd0\xb2\xd0\xb5\xd1\x81\xd0\xbd\xd0\xbe\xd0\xb9", FIT_WORD), DW("\xd0\xbb\xd0\xb5\xd1\x82\xd0\xbe\xd0\xbc", FIT_WORD), DW("\xd0\xbe\xd1\x81\xd0\xb5\xd0\xbd\xd1\x8c\xd1\x8e", FIT_WORD), DW("\xd0\xb7\xd0\xb8\xd0\xbc\xd0\xbe\xd0\xb9", FIT_WORD),
    DW("\xd0\xbd\xd0\xb0\xd0\xb2\xd0\xb5\xd1\x81\xd0\xbd\xd1\x96", FIT_WORD), DW("\xd0\xb2\xd0\xbb\xd1\x96\xd1\x82\xd0\xba\xd1\x83", FIT_WORD), DW("\xd0\xb2\xd0\xbe\xd1\x81\xd0\xb5\xd0\xbd\xd0\xb8", FIT_WORD), DW("\xd0\xb2\xd0\xb7\xd0\xb8\xd0\xbc\xd0\xba\xd1\x83", FIT_WORD),
};

/* Pronouns that say "she is of '85" with "с" and a year alone ("она с
 * восемьдесят пятого": the clause ends with the year). */
static const struct det_word pronouns[] = {
    DW("\xd1\x8f", FIT_WORD), DW("\xd0\xbe\xd0\xbd", FIT_WORD), DW("\xd0\xbe\xd0\xbd\xd0\xb0", FIT_WORD), DW("\xd0\xbc\xd1\x8b", FIT_WORD),
    DW("\xd0\xb2\xd1\x8b", FIT_WORD), DW("\xd0\xbe\xd0\xbd\xd0\xb8", FIT_WORD), DW("\xd1\x82\xd1\x8b", FIT_WORD),
    DW("\xd0\xb2\xd1\x96\xd0\xbd", FIT_WORD), DW("\xd0\xb2\xd0\xbe\xd0\xbd\xd0\xb0", FIT_WORD), DW("\xd1\x82\xd0\xb8", FIT_WORD),
};

static const struct det_word with_s[] = { DW("\xd1\x81", FIT_WORD) };      /* с */


/* 1 if a word of list[] ends right before at (one space between); its
 * start in *a. */
static int word_before_in(const char *s, size_t at, const struct det_word *list, size_t n, size_t *a)
{
    size_t we = det_word_ending(s, at, " ", a);

    return we != 0 && we + 1 == at && det_in_list(list, n, s + *a, we - *a);
}

/* A year said as an ordinal in the genitive at [at, e) ("восемьдесят
 * седьмого", "сьомого", "87-го") right after a pronoun, the clause ending
 * after it or its year noun: "Она восемьдесят седьмого года.", "Вона
 * вісімдесят сьомого.", "Она 87-го года." say "she was born in '87" (the
 * genitive of quality, Russian and Ukrainian grammars: "человек
 * восьмидесятого года"); "Она восемьдесят седьмого не видела" goes on
 * and stays, as does "Я восемьдесят седьмой" (a place in a queue). */
static int pronoun_before(const char *s, size_t at)
{
    size_t a, np = sizeof pronouns / sizeof pronouns[0];

    /* a dash may stand between ("Она — восемьдесят седьмого года") */
    return word_before_in(s, at, pronouns, np, &a) ||
           (at >= 5 && memcmp(s + at - 5, " \xe2\x80\x94 ", 5) == 0 && word_before_in(s, at - 4, pronouns, np, &a)) ||
           (at >= 3 && memcmp(s + at - 3, " - ", 3) == 0 && word_before_in(s, at - 2, pronouns, np, &a));
}

static int pronoun_genitive_year(const char *s, size_t len, size_t at, size_t e)
{
    size_t n;

    if (e < at + 4 || memcmp(s + e - 4, "\xd0\xb3\xd0\xbe", 4) != 0 || !pronoun_before(s, at))  /* -го */
        return 0;
    n = det_year_noun_end(s, len, e);
    return n >= len || strchr(".,;!?)", s[n]) != NULL;
}

/* The same with a year of four digits (1900-2039) at at: "Она 1987
 * года.", "Вона 1987-го року."; the genitive said by -го, -ого or the
 * year noun (года, року, г.).  The year's end, or 0. */
static size_t pronoun_genitive_year4(const char *s, size_t len, size_t at)
{
    size_t e = at + 4, n;
    unsigned v;

    if (det_digits(s, len, at) != 4 || (v = det_value(s + at, 4)) < 1900 || v > 2039 || !pronoun_before(s, at))
        return 0;
    n = e;
    if (det_starts(s, len, n, "-\xd0\xb3\xd0\xbe"))                                  /* -го */
        n += 5;
    else if (det_starts(s, len, n, "-\xd0\xbe\xd0\xb3\xd0\xbe"))                   /* -ого */
        n += 7;
    if (det_starts(s, len, n, " \xd0\xb3.") && (n + 4 >= len || s[n + 4] == ' '))          /* г. */
        n += 4;
    else
        n = det_year_noun_end(s, len, n);
    return n != e && (n >= len || strchr(".,;!?)", s[n]) != NULL || s[n - 1] == '.') ? e : 0;
}

/* 1 if a birth word stands in the sentence of s[at, e): back bytes
 * before and 48 after at most, no sentence's end between. */
static int birth_in_sentence(const char *s, size_t len, size_t at, size_t e, size_t back)
{
    size_t b = at, f = e;

    while (b > 0 && at - b < back && !(strchr(".!?", s[b - 1]) != NULL && b < len && s[b] == ' ' &&
                                       !(s[b - 1] == '.' && birth_word_stop(s, len, b - 1))))
        b--;
    while (f < len && f - e < 48 && !(strchr(".!?", s[f]) != NULL && (f + 1 >= len || s[f + 1] == ' ')))
        f++;
    return near_birth_word(s, len, at, e, at - b, f - e, 0);
}

/* A year said as an ordinal at [at, e) (det_short_year_words) is a
 * birth year: after a month ("в марте восемьдесят пятого": report-adv30
 * L-12), a preposition or a season (year_lead_words), or before the word
 * for "year" (year_nouns), with a birth word in the sentence (64 bytes
 * back after a month, 32 else: "в девяносто первом" two clauses later
 * stays); or after a pronoun and "с", the clause ending with it ("она с
 * восемьдесят пятого (года)."; "она с восемьдесят пятого работает" says
 * "since").  The end (past the year noun there), or 0. */
static size_t short_year_birth(const char *s, size_t len, size_t at, size_t e)
{
    size_t a, b, n = e;

    /* a plural is a decade ("с восьмидесятых", "у вісімдесятих") */
    if (e >= 4 && (memcmp(s + e - 4, "\xd1\x8b\xd1\x85", 4) == 0 || memcmp(s + e - 4, "\xd0\xb8\xd1\x85", 4) == 0))
        return 0;
    if (e + 1 < len && s[e] == ' ' && det_word_at(s, len, e + 1, "\xd0\xb3\xd0\xbe\xd0\xb4", FIT_PREFIX))
        n = detect_letters(s, len, e + 1);
    if (month_before(s, at))
        return birth_in_sentence(s, len, at, e, 64) ? e : 0;       /* Cyrillic: 2 bytes a letter */
    if ((word_before_in(s, at, year_lead_words, sizeof year_lead_words / sizeof year_lead_words[0], &a) ||
         (e + 1 < len && s[e] == ' ' &&
          det_word_near(s, len, e + 1, detect_letters(s, len, e + 1), det_year_nouns, det_year_nouns_n))) &&
        birth_in_sentence(s, len, at, e, 32))
        return e;
    if (word_before_in(s, at, with_s, 1, &a) && word_before_in(s, a, pronouns, sizeof pronouns / sizeof pronouns[0], &b) &&
        (n >= len || strchr(".,;!?)", s[n]) != NULL))
        return e;
    return pronoun_genitive_year(s, len, at, e) ? e : 0;
}

/* Years said as cardinals (brief s41 num41, report-adv40 L-28, L-29,
 * L-66, L-99, L-100, L-123 to L-126), as people say the year they were
 * born; a year is a birth year only when a birth word governs it:
 *   English   right after "born in", "born in (the) year": two digits
 *             from twenty ("eighty-seven", "eighty seven", "ninety") or a
 *             year 1900-2099 said in pairs ("nineteen-ninety"), read by
 *             detect_spoken.c; the clause ends after it or goes on with a
 *             small word (in, at, on, and, to, when), so "born in forty
 *             minutes" stays;
 *   Mongolian two digits from twenty (det_mn_short_year: "наян долоон",
 *             "ерэн") before онд or оны, or with the locative -д glued
 *             ("наян долоонд"), a birth word in its sentence (төрсөн).
 * HAND-WRITTEN from the grammars; a native reviewer wanted for Mongolian.
 * The end of the year (with a glued -д), or 0. */
static const char *const born_in[] = { "born in the year ", "born in year ", "born in " };
static const char *const said_after[] = { " in ", " at ", " on ", " and ", " to ", " when " };
static const struct det_word mn_year_nouns[] = {
    DW("\xd0\xbe\xd0\xbd\xd0\xb4", FIT_WORD), DW("\xd0\xbe\xd0\xbd\xd1\x8b", FIT_WORD),   /* онд оны */
    DW("оных", FIT_WORD),
};

static size_t said_year_birth(const char *s, size_t len, size_t at)
{
    char d[8];
    size_t n, e, k, m;
    unsigned v;
    int glued;

    if (at >= len)
        return 0;
    if (det_alpha(s[at])) {
        if (at < 8 || s[at - 1] != ' ' || s[at - 2] == ' ')
            return 0;
        for (k = 0; k < sizeof born_in / sizeof born_in[0]; k++)
            if (at >= (m = strlen(born_in[k])) && memcmp(s + at - m, born_in[k], m) == 0 && !det_letter_before(s, at - m))
                break;
        if (k == sizeof born_in / sizeof born_in[0] ||
            (e = detect_spoken_digits(s, len, at, d, sizeof d, &n)) == 0 || (n != 2 && n != 4))
            return 0;
        v = det_value(d, n);
        if (n == 2 ? v < 20 : v < 1900 || v > 2099)
            return 0;
        if (e >= len || strchr(".,;!?)", s[e]) != NULL)
            return e;
        for (k = 0; k < sizeof said_after / sizeof said_after[0]; k++)
            if (det_starts(s, len, e, said_after[k]))
                return e;
        return 0;
    }
    if ((e = det_mn_short_year(s, len, at, &v, &glued)) == 0)
        return 0;
    if (!glued && !(e + 1 < len && s[e] == ' ' &&
                    det_word_near(s, len, e + 1, detect_letters(s, len, e + 1), mn_year_nouns,
                                  sizeof mn_year_nouns / sizeof mn_year_nouns[0])))
        return 0;
    return birth_in_sentence(s, len, at, e, 32) ? e : 0;
}

int detect_said_birth_year_start(const char *s, size_t len, size_t at)
{
    return said_year_birth(s, len, at) != 0 || detect_birth_label_year(s, len, at) != 0;
}

/* A year of a Japanese era (gengō) at at: the era's name, 明治, 大正,
 * 昭和, 平成 or 令和 (the eras of people living: from 1868), then its
 * year, 元 (the first, gannen), one or two digits or a number in Han
 * numerals ("五十", det_numeral), then 年: "昭和元年", "平成3年",
 * "昭和五十年"; its end, or 0.  As a year of the common era, it is a
 * date of birth only with a birth word beside it (detect_scan_birth_date:
 * "昭和元年生まれ"); "令和元年に来日" stays, as "2019年に来日" does
 * (adv42 L-40..L-42, adv41 L-24; brief s44 lead44).  The era names are
 * the Japanese government's (Cabinet Office, gengō since Meiji).
 * 年代 after the year makes it a decade ("昭和50年代", 1975-84), no
 * year: none (report-adv45 O-53).  The same eras in Latin letters
 * (era_latin): their Hepburn names with the year ("Reiwa 2", "Showa
 * 50") and their one-letter abbreviations of Japanese forms and
 * registers (M T S H R) glued to the year with 年 or 生 after ("S50生まれ",
 * "H3年": report-adv45 L-34, L-35). */
/* 1 if w (English, "born ") stands right before at as a whole word. */
static int born_en_before(const char *s, size_t at, const char *w)
{
    size_t n = strlen(w);

    return at >= n && memcmp(s + at - n, w, n) == 0 && !det_letter_before(s, at - n);
}

static size_t era_latin(const char *s, size_t len, size_t at)
{
    static const char *const names[] = { "meiji", "taisho", "taish\xc5\x8d", "showa", "sh\xc5\x8dwa", "heisei",
                                         "reiwa" };
    size_t k, j, n;
    int cp;

    /* a Japanese word glued before the abbreviation is no letter of its
     * word ("娘はR2年生まれ": report-adv46b L-8); a Latin one is */
    if ((cp = det_cp_before(s, at, &n)) >= 0 && is_word_cp(cp) && cp < 0x3000)
        return 0;
    if (strchr("mtshr", s[at]) != NULL && (n = det_digits(s, len, at + 1)) >= 1 && n <= 2 &&
        (det_starts(s, len, at + 1 + n, "年") || det_starts(s, len, at + 1 + n, "生")))
        return at + 1 + n;                          /* S50生まれ, H3年 */
    /* the same right after English born, born in ("born S60":
     * report-adv46b L-9), the year's end a word's end */
    if (strchr("mtshr", s[at]) != NULL && (n = det_digits(s, len, at + 1)) >= 1 && n <= 2 &&
        !det_letter_at(s, len, at + 1 + n) && !(at + 1 + n < len && det_digit(s[at + 1 + n])) &&
        (born_en_before(s, at, "born ") || born_en_before(s, at, "born in ") ||
         detect_birth_label_before(s, len, at)))
        return at + 1 + n;
    for (k = 0; k < sizeof names / sizeof names[0]; k++) {
        if (!det_starts(s, len, at, names[k]))
            continue;
        j = at + strlen(names[k]);
        j += j < len && s[j] == ' ';
        if ((n = det_digits(s, len, j)) >= 1 && n <= 2 && !det_letter_at(s, len, j + n) &&
            !(j + n < len && det_digit(s[j + n])))
            return j + n;                           /* Reiwa 2, Showa 50 */
        return 0;
    }
    return 0;
}

static size_t era_year(const char *s, size_t len, size_t at)
{
    static const char *const eras[] = { "明治", "大正", "昭和", "平成", "令和" };
    size_t k, j, n, e;

    if (at < len && s[at] != '\0' && strchr("mtshr", s[at]) != NULL)
        return era_latin(s, len, at);
    /* the eras' first bytes are E6, E5 or E4: that test first, as this
     * runs at every character the birth scan is asked about */
    if (at + 9 > len || ((unsigned char)s[at] != 0xE6 && (unsigned char)s[at] != 0xE5 &&
                         (unsigned char)s[at] != 0xE4))
        return 0;
    for (k = 0; k < sizeof eras / sizeof eras[0] && !det_starts(s, len, at, eras[k]); k++)
        ;
    if (k == sizeof eras / sizeof eras[0])
        return 0;
    j = at + 6;
    if (det_starts(s, len, j, "元"))
        j += 3;
    else if ((n = det_digits(s, len, j)) >= 1 && n <= 2)
        j += n;
    else if (det_numeral(s, len, j, &e, &n), n > 0 && n <= 2 && e > j)
        j = e;
    else
        return 0;
    return det_starts(s, len, j, "年") && !det_starts(s, len, j + 3, "代") ? j + 3 : 0;
}

/* 1 if 生 (born) stands glued at e, after the era's year or its 年, and
 * no Han character after it: "S55生です", "昭和55年生の父" (born in that
 * year: report-adv47 L-24), but not 生活, 生産 (life, production) nor
 * 生まれ, which near_birth_word reads. */
static int era_born_glued(const char *s, size_t len, size_t e)
{
    size_t n;
    int cp;

    if (det_starts(s, len, e, "年"))
        e += strlen("年");
    if (!det_starts(s, len, e, "生"))
        return 0;
    cp = det_cp_at(s, len, e + strlen("生"), &n);
    return !(cp >= 0x3400 && cp <= 0x9FFF);
}

int detect_era_year_start(const char *s, size_t len, size_t at)
{
    return era_year(s, len, at) != 0;
}

size_t detect_scan_birth_date(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    struct det_date d, x;
    size_t from = at, e;
    unsigned uv;
    int v;

    (void)kind;
    if ((e = era_year(s, len, at)) != 0)
        return near_birth_word(s, len, at, e, 32, 48, 1) || era_born_glued(s, len, e) ||
               detect_birth_label_before(s, len, at) ? (*start = at, e) : 0;
    if (!det_digit(s[at]) && !det_alpha(s[at]) && !det_numeral_start(s, len, at) &&
        !detect_number_words_start(s, len, at) && !detect_mn_month_start(s, len, at) &&
        !detect_roman_month_start(s, len, at) && !detect_said_birth_year_start(s, len, at))
        return 0;
    d = detect_date_at(s, len, at);
    if (d.strength == DATE_NONE && (d.end = lunar_day(s, len, at)) != 0)
        return near_birth_word(s, len, at, d.end, 64, 24, 0) ? d.end : 0;
    /* The forms of detect_dob.c ("1984w113", "14/3", "3/14/'75", "삼월
     * 열나흘", "цагаан сарын шинийн нэгэнд"). */
    x = detect_dob_form(s, len, at);
    if (x.strength > d.strength || (x.strength == d.strength && x.strength != DATE_NONE && x.end > d.end))
        d = x;
    if (d.strength == DATE_YEAR) {
        d.end = iso_week(s, len, d.end);
        /* 1975 оны цагаан сарын шинийн нэгэнд; 1984 w11 3; 1984년 11주차 */
        if ((e = detect_dob_lunar_after(s, len, d.end)) != d.end)
            d.end = e, d.strength = DATE_FULL;
        else if ((e = detect_dob_after(s, len, d.end, 0)) != d.end)
            d.end = e, d.strength = DATE_FULL;
        else if ((from = detect_dob_before(s, len, at)) != at)      /* week 11 of 1984, on a Wednesday */
            d.end = detect_dob_after(s, len, d.end, 1), d.strength = DATE_FULL;
    }
    /* A year written '75: the apostrophe belongs to it. */
    if (d.strength == DATE_NONE && at > 0 && detect_short_year_at(s, len, at - 1) != 0)
        d.end = at + 2, d.strength = DATE_YEAR, from = at - 1;
    /* "84-м", "84-р": a year said as an ordinal, a birth word in its own
     * sentence ("Родился в 84-м. В 91-м году...": the 91 stays) */
    if (d.strength == DATE_NONE && (e = short_year_ordinal(s, len, at)) != 0)
        return birth_in_sentence(s, len, at, e, 32) || pronoun_genitive_year(s, len, at, e) ? (*start = at, e) : 0;
    /* The same said in words right after a month ("родилась в марте
     * восемьдесят пятого", "Народжена третього березня вісімдесят
     * п'ятого": report-adv30 L-12); no year word needed beside a birth
     * word in the sentence, with the day and month between. */
    if (d.strength == DATE_NONE && (e = det_short_year_words(s, len, at, &uv)) != 0 &&
        (e = short_year_birth(s, len, at, e)) != 0)
        return *start = at, e;
    if (d.strength == DATE_NONE && (e = said_year_birth(s, len, at)) != 0)
        return *start = at, e;
    if (d.strength == DATE_NONE && (e = detect_birth_label_year(s, len, at)) != 0)
        return *start = at, e;
    if ((d.strength == DATE_NONE || d.strength == DATE_YEAR) && (e = year_before_abbrev(s, len, at)) != 0)
        return *start = at, e;
    if (d.strength == DATE_NONE)
        return 0;
    *start = from;
    if (d.born)
        return d.end;
    if (det_born_right_before(s, from) || detect_turned_before(s, from) || detect_birth_label_before(s, len, from))
        return d.end;
    /* A year with 年代 or 년대 after it is a decade ("1980年代生まれ",
     * "1980년대생": the 1980s), no one's year of birth (report-adv45 O-53) */
    if (d.strength == DATE_YEAR && (det_starts(s, len, d.end, "年代") || det_starts(s, len, d.end, "년대")))
        return 0;
    if (d.strength == DATE_YEAR && pronoun_genitive_year4(s, len, at) != 0)
        return d.end;
    if (d.strength == DATE_YEAR)
        return near_birth_word(s, len, from, d.end, 32, 48, 1) ||
               (d.end - from == 4 && det_digit_at(s, len, at, &v, 0) == 1 && year_after_name(s, len, at, d.end)) ?
               d.end : 0;
    return near_birth_word(s, len, at, d.end, 48, 24, 0) ||
           (d.strength == DATE_FULL && (after_name(s, len, at, d.end) || glued_date(s, len, at, d.end))) ?
           d.end : 0;
}
