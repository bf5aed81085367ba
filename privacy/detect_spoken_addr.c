/* A number said in an address (moved from detect_spoken.c, issue 14):
 * "block five", "дом пять", "дөчин хоёр тоот", "арван тавдугаар байр",
 * "third khoroo", "일공일동", "천이백삼호", "우편번호 공육이삼사" (report-adv21
 * A-3; brief s22 addr22): the address detector reads its parts in a copy
 * of the text with these numbers as digits (detect_address_view.c).  The
 * number words are detect_spoken.c's table (spoken[]); the unit syllables
 * and ordinal suffixes below are written by hand (they want a native
 * reviewer). */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

/* The stems of Mongolian 6 and 7 before an ordinal's suffix, which drop
 * the last vowel of зургаа and долоо ("зургадугаар" 6th, "долдугаар"
 * 7th: Mongolian grammar; report-adv45 L-19), with the value in *v: 1,
 * or 0 if s[a, b) is neither. */
static int mn_short_stem(const char *s, size_t a, size_t b, unsigned *v)
{
    if (b - a == strlen("дол") && memcmp(s + a, "дол", b - a) == 0)
        return *v = 7, 1;
    if (b - a == strlen("зурга") && memcmp(s + a, "зурга", b - a) == 0)
        return *v = 6, 1;
    return 0;
}

/* The Mongolian ordinal at at: a number word of spoken[] with the suffix
 * дугаар or дүгээр glued ("гуравдугаар" 3rd, "тавдугаар", "нэгдүгээр";
 * written "3-р" with digits), endings after it allowed; its end, its
 * value in *v; 0 if none. */
static size_t mn_ordinal(const char *s, size_t len, size_t at, unsigned *v)
{
    static const char *const suffix[] = { "дугаар", "дүгээр" };
    size_t b, k, p;

    if ((unsigned char)s[at] != 0xD0 && (unsigned char)s[at] != 0xD1 && (unsigned char)s[at] != 0xD2 &&
        (unsigned char)s[at] != 0xD3)
        return 0;                                   /* Cyrillic only */
    /* both suffixes start with д (D0 B4): the test before the compare,
     * as this runs at every Cyrillic word (brief s29 speed29b) */
    for (b = detect_spoken_word_end(s, len, at), p = at + 2; p + 12 <= b; p += 2)
        for (k = 0; k < 2 && (unsigned char)s[p] == 0xD0 && (unsigned char)s[p + 1] == 0xB4; k++)
            if (memcmp(s + p, suffix[k], 12) == 0 &&
                (detect_spoken_value(s, at, p, v) || mn_short_stem(s, at, p, v)))
                return b;
    return 0;
}

/* The Ukrainian ordinal 1-20 or 30 at at, its stem and a case ending of
 * three letters at most ("четвертому", "дванадцятій", "двадцятому"; the
 * Russian ones are det_day_words'): its end, its value in *v; 0 if none.
 * Stems written by hand from Ukrainian grammar (brief s27 place27,
 * report-adv26a D-6): they want a native reviewer. */
static size_t uk_ordinal(const char *s, size_t len, size_t at, unsigned *v)
{
    static const char *const stems[] = {
        "перш", "друг", "трет", "четверт", "п'ят", "шост", "сьом", "восьм", "дев'ят", "десят",
        "одинадцят", "дванадцят", "тринадцят", "чотирнадцят", "п'ятнадцят", "шістнадцят",
        "сімнадцят", "вісімнадцят", "дев'ятнадцят", "двадцят", "тридцят",
    };
    size_t b, n, best = 0;

    if ((unsigned char)s[at] != 0xD0 && (unsigned char)s[at] != 0xD1)
        return 0;
    b = detect_spoken_word_end(s, len, at);
    for (size_t k = 0; k < sizeof stems / sizeof stems[0]; k++) {
        /* the first two bytes before strlen: this runs at every
         * Cyrillic word (brief s29 speed29b) */
        if (b - at < 2 || stems[k][0] != s[at] || stems[k][1] != s[at + 1])
            continue;
        n = strlen(stems[k]);
        if (n > best && n <= b - at && b - at - n <= 6 && b - at - n >= 2 && memcmp(s + at, stems[k], n) == 0)
            best = n, *v = k < 20 ? (unsigned)k + 1 : 30;
    }
    return best > 0 && !det_letter_before(s, at) ? b : 0;
}

/* The Russian and Ukrainian ordinal of a ten from 40 to 90 at at, its
 * stem and an ordinal's case ending ("сороковой" 40th, "пятидесятая",
 * "сороковій", "п'ятдесятому"): its end, its value in *v; 0 if none.
 * The endings are the adjective's singular ones only: "пятидесяти" (of
 * fifty) is the cardinal's, "сороковые" (the forties) a plural.  Russian
 * and Ukrainian grammar (report-adv47 L-21: "в сто сороковой квартире"),
 * by hand: they want a native reviewer. */
static size_t slavic_tens_ordinal(const char *s, size_t len, size_t at, unsigned *v)
{
    static const struct { const char *w; unsigned char v; } stems[] = {
        { "сороков", 40 }, { "пятидесят", 50 }, { "шестидесят", 60 }, { "семидесят", 70 },
        { "восьмидесят", 80 }, { "девяност", 90 }, { "п'ятдесят", 50 }, { "шістдесят", 60 },
        { "сімдесят", 70 }, { "вісімдесят", 80 }, { "дев'яност", 90 },
    };
    static const char *const ends[] = {
        "ой", "ый", "ая", "ое", "ую", "ом", "ого", "ому", "ий", "а", "е", "у", "ій", "ої", "ою", "им",
    };
    size_t b, k, m, n;

    if (((unsigned char)s[at] != 0xD0 && (unsigned char)s[at] != 0xD1) || det_letter_before(s, at))
        return 0;
    b = detect_spoken_word_end(s, len, at);
    for (k = 0; k < sizeof stems / sizeof stems[0]; k++) {
        n = strlen(stems[k].w);
        if (b - at <= n || stems[k].w[1] != s[at + 1] || memcmp(s + at, stems[k].w, n) != 0)
            continue;
        for (m = 0; m < sizeof ends / sizeof ends[0]; m++)
            if (b - at - n == strlen(ends[m]) && memcmp(s + at + n, ends[m], b - at - n) == 0)
                return *v = stems[k].v, b;
    }
    return 0;
}

/* The Kazakh ordinal at at ("екінші" 2nd, "үшінші", "отызыншы" 30th),
 * with a case ending of three letters at most after it ("екіншіде"): its
 * end, its value in *v (1-9, or the tens 10-90); 0 if none.  The forms
 * are the cardinals of detect_spoken_words.c with the ordinal suffix
 * -ыншы/-інші (-ншы/-нші after a vowel), from Kazakh grammar (brief s44
 * lead44, adv42 L-35: "қырық екінші пәтерде"); they want a native
 * reviewer. */
static size_t kk_ordinal(const char *s, size_t len, size_t at, unsigned *v)
{
    static const struct { const char *w; unsigned char v; } forms[] = {
        { "бірінші", 1 }, { "екінші", 2 }, { "үшінші", 3 }, { "төртінші", 4 }, { "бесінші", 5 },
        { "алтыншы", 6 }, { "жетінші", 7 }, { "сегізінші", 8 }, { "тоғызыншы", 9 }, { "оныншы", 10 },
        { "жиырмасыншы", 20 }, { "отызыншы", 30 }, { "қырқыншы", 40 }, { "елуінші", 50 },
        { "алпысыншы", 60 }, { "жетпісінші", 70 }, { "сексенінші", 80 }, { "тоқсаныншы", 90 },
    };
    size_t b, n;

    if ((unsigned char)s[at] != 0xD0 && (unsigned char)s[at] != 0xD1 && (unsigned char)s[at] != 0xD2 &&
        (unsigned char)s[at] != 0xD3)
        return 0;                                   /* Cyrillic only */
    b = detect_spoken_word_end(s, len, at);
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        /* the first two bytes before strlen: this runs at every
         * Cyrillic word (brief s29 speed29b) */
        if (b - at < 2 || forms[k].w[0] != s[at] || forms[k].w[1] != s[at + 1])
            continue;
        n = strlen(forms[k].w);
        if (n <= b - at && b - at - n <= 6 && memcmp(s + at, forms[k].w, n) == 0 &&
            !det_letter_before(s, at))
            return *v = forms[k].v, b;
    }
    return 0;
}

/* A number in Sino-Korean syllables at at: digit by digit, two or more
 * ("일공일", "공육이삼사"), or with its places ("백일", "천이백삼":
 * det_numeral), where the word ends or one of the units glued after it
 * (동 호 층 번지 통 반) starts; its end, its digits in d[0..*n); 0 if none.
 * A word of one digit syllable ("이동" moves, "삼층") is no number. */
static size_t ko_number(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n)
{
    static const char *const units[] = { "동", "호", "층", "번지", "통", "반" };
    static const char *const copula[] = { "예요", "이에요", "입니", "였", "이었" };
    size_t sino = det_sino_run(s, len, at), e = at + 3 * sino, nd, k, b = detect_spoken_word_end(s, len, at);
    unsigned v = 0;
    char buf[12];
    int unit = 0;

    if (sino < 2) {
        if (!det_numeral_start(s, len, at))
            return 0;
        v = det_numeral(s, len, at, &e, &nd);
        if (nd == 0 || e <= at + 3 || e > b)
            return 0;
    }
    /* Spaced by its places ("이백 오 호", "삼백 삼 호에": report-adv45
     * L-15, L-31): a number ending in a place (백, 천) as a word, then
     * one word of smaller places, with the unit glued to it or after
     * one space. */
    if (sino < 2 && e == b && v >= 100 && v % 10 == 0 && b + 1 < len && s[b] == ' ' && det_numeral_start(s, len, b + 1)) {
        size_t e2, nd2, b2 = detect_spoken_word_end(s, len, b + 1), u = 0;
        unsigned p = 1, w = det_numeral(s, len, b + 1, &e2, &nd2);
        while (v % (p * 10) == 0)
            p *= 10;
        for (k = 0; k < sizeof units / sizeof units[0] && nd2 > 0 && w > 0 && w < p && e2 > b + 1; k++)
            u |= det_starts(s, len, e2, units[k]) ||
                 (e2 == b2 && e2 + 1 < len && s[e2] == ' ' && det_starts(s, len, e2 + 1, units[k]));
        if (u)
            v += w, e = b = e2, unit = 1;
    }
    for (k = 0; k < sizeof units / sizeof units[0] && e < b; k++)
        unit |= det_starts(s, len, e, units[k]);
    /* the copula glued to a number with its places ("호수가 오백이예요":
     * report-adv45 L-30; 예요 after a vowel, 이에요, 입니다, 였다 as in
     * detect_address_part.c's ko_room), as a unit is */
    for (k = 0; k < sizeof copula / sizeof copula[0] && sino < 2 && e < b; k++)
        unit |= det_starts(s, len, e, copula[k]);
    /* A whole word of digits is three syllables at least ("이사" moves). */
    if (!(unit || (e == b && (sino >= 3 || sino < 2))))
        return 0;
    if (sino >= 2) {
        if (sino > cap)
            return 0;
        for (k = 0; k < sino; k++)
            d[k] = (char)('0' + det_sino_digit(s, len, at + 3 * k));
        *n = sino;
        return e;
    }
    for (k = 0; v > 0 && k < sizeof buf; v /= 10)
        buf[k++] = (char)('0' + v % 10);
    if (k == 0 || k > cap)
        return 0;
    for (*n = 0; k > 0;)
        d[(*n)++] = buf[--k];
    return e;
}

/* A Kazakh ordinal after жүз (100), он (10) or жүз он (110) at at, the
 * words the plain reader takes only inside a run (detect_spoken_words.c:
 * он is also the Russian "he", жүз a face): here a Kazakh ordinal after
 * them makes them numbers ("жүз он екінші пәтерде" 112th, "он төртінші"
 * 14th, "жүз отызыншы" 130th: report-adv45 L-11, L-12); its end, its
 * value in *v; 0 if none. */
static size_t kk_lead_ordinal(const char *s, size_t len, size_t at, unsigned *v)
{
    unsigned base = 0, o;
    size_t p = at, e;

    if (det_starts(s, len, p, "жүз ") && !det_letter_before(s, p))
        base = 100, p += strlen("жүз ");
    if (det_starts(s, len, p, "он ") && (p > at || !det_letter_before(s, p)))
        base += 10, p += strlen("он ");
    if (base == 0 || (e = kk_ordinal(s, len, p, &o)) == 0 || o >= (base % 100 == 10 ? 10u : 100u))
        return 0;
    return *v = base + o, e;
}

size_t detect_spoken_number(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n,
                            int *ordinal)
{
    size_t end, p, e, k;
    unsigned v;
    int cp = det_cp_at(s, len, at, &k);

    *n = 0, *ordinal = 0;
    if (cp >= 0xAC00 && cp <= 0xD7A3)
        return ko_number(s, len, at, d, cap, n);
    if ((cp == 0x436 || cp == 0x43E) && (e = kk_lead_ordinal(s, len, at, &v)) != 0 && cap >= 3) {
        char buf[3];
        for (k = 0; v > 0; v /= 10)
            buf[k++] = (char)('0' + v % 10);
        while (k > 0)
            d[(*n)++] = buf[--k];
        return *ordinal = 1, e;
    }
    end = detect_spoken_plain(s, len, at, d, cap, n);
    /* An ordinal alone or after its tens ("third", "twenty-first",
     * "арван тавдугаар"). */
    p = end > at ? detect_spoken_separators(s, len, end) : at;
    if ((p == at || p > end) && p < len && (e = detect_spoken_word_end(s, len, p)) >= p + 5) {
        /* English ordinals end in st nd rd th ("first" ... "thirtieth"):
         * that test first, as this runs at every word. */
        if (det_alpha(s[e - 1]) && (det_starts(s, len, e - 2, "th") || det_starts(s, len, e - 2, "st") ||
                                    det_starts(s, len, e - 2, "nd") || det_starts(s, len, e - 2, "rd")) &&
            (e = detect_day_word_end(s, len, p, &v)) != 0)
            *ordinal = 1;
        else if ((e = mn_ordinal(s, len, p, &v)) != 0)
            *ordinal = 2;
        else if ((e = det_day_words(s, len, p, &v)) != 0 || (e = uk_ordinal(s, len, p, &v)) != 0 ||
                 (e = slavic_tens_ordinal(s, len, p, &v)) != 0 ||
                 (e = kk_ordinal(s, len, p, &v)) != 0)
            *ordinal = 1;   /* "четвёртом", "двенадцатой", "дванадцятій" (brief s27 place27), "екінші" */
        if (*ordinal && end == at && v < 100 && cap >= 2) {
            if (v >= 10)
                d[(*n)++] = (char)('0' + v / 10);
            d[(*n)++] = (char)('0' + v % 10);
            return e;
        }
        if (*ordinal && *n > 0 && v < 10 && d[*n - 1] == '0') {
            d[*n - 1] = (char)('0' + v);
            return e;
        }
        /* a teen's or a tens' ordinal after its hundreds ("сто
         * двенадцатой" 112th, "двести тридцатая" 230th: report-adv45
         * L-18, adv46 L-11): the hundreds' two last zeros take it */
        if (*ordinal && *n >= 3 && v >= 10 && v < 100 && d[*n - 2] == '0' && d[*n - 1] == '0') {
            d[*n - 2] = (char)('0' + v / 10);
            d[*n - 1] = (char)('0' + v % 10);
            return e;
        }
        *ordinal = 0;
    }
    if (end == at)
        *n = 0;
    return end > at ? end : 0;
}
