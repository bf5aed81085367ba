/* Home addresses (report-adv17a D-37): a building, a flat or a house
 * number tied to its unit word, and the street with its number, as
 * Mongolian, Korean, Russian, Chinese, English and Malaysian addresses
 * write them (norm view):
 *   Mongolian  13-р хороо, 45-р байр, 12 тоот(од), 3 давхар, 2-р орц,
 *              Энхтайваны өргөн чөлөө 15а, Сөүлийн гудамж 5;
 *   Korean     테헤란로 123, 세종대로 12-3, 역삼동 737-32, 737번지, 4층,
 *              401호(에), 101동;
 *   Russian    ул. Тверская, улица Ленина 5, пр. Мира, д. 7, дом 7,
 *              кв. 15, квартира 15, корп. 2, стр. 1;
 *   Chinese    建国路88号, 3号楼, 2栋, 1单元, 12层, 1201室;
 *   English    221b Baker Street, 12 High Road, Apt 4B, Flat 3, Suite 200,
 *              Unit 5, Blk 5, #03-12, No. 12;
 *   Malaysian  Jalan Ampang, Jln 3/4, Lorong 3, Taman Melati;
 *   Kuwaiti    Block 4, Street 12, Avenue 3, House 7; قطعة 4، شارع 12؛
 *   North Korean 12인민반 3호, 5 inminban, house 12, 5人民班12号;
 *   Latin UB   BZD, 4th khoroo, khoroo 1, bair 5, toot 12;
 *   Korean lot 역삼동 737, 문호리 산 12-3, 역삼동 737 번지;
 *   P.O. boxes P.O. Box 1234, ш/х 1234, 사서함 1234호, а/я 56
 * (brief s20 addr20; docs/VARIANTS.md, "Session 20: addresses").
 * Parts apart by ", ", " ", ";" or nothing (Chinese) make one address;
 * one is kept when a part names a household by itself (a flat, a room,
 * a street with its number: STRONG) or two parts or more stand together
 * ("13-р хороо, 45-р байр"); one or two words between two parts are
 * inside ("26 khoroo, Sansar 45-r bair").  A district or a city alone is
 * no part: the gazetteer decides those.  A postcode without its label a
 * town's name or two from an address is an address of its own.  The address is reported as kind
 * "address" over the detections it overlaps.
 * Shapes written short ("3х, 15б, 42т", "B5 S12 H34", "101-1203에") are
 * read in detect_address_short.c; a text whose numbers are not all ASCII
 * digits (Arabic-Indic, said in words: "дом пять, квартира двенадцать")
 * is read in its view (detect_address_view.c), where a household's part
 * with its number said needs another part beside it (part_said; brief s22
 * addr22). */
#include <stdlib.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

/* ONLY: a unit that names nothing but a place to live (хороо, khoroo,
 * 인민반, inminban, a lot number): alone it is weak, and a review flag
 * (detect_address_unsure).  LOT: a Korean lot number alone, which needs
 * another kind of part beside it ("활동 3, 행동 4" are no addresses). */
enum { WEAK = 1, STRONG = 2, ONLY = 4, LOT = 8, LABEL = 16 };

struct part {
    size_t end;
    int weight;
};

struct unit {
    const char *w;
    int weight;
};

static int hangul(int cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

static int han(int cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF); }

/* A house or flat number at i: digits, a "-" or "/" and digits ("737-32",
 * "3/4"), a letter glued ("221b", "15а", "4b"); its end, or 0 when a
 * letter or a digit follows. */
static size_t house_number(const char *s, size_t len, size_t i)
{
    size_t n = det_digits(s, len, i), j, cl, k;
    int cp;

    if (n == 0 || n > 5)
        return 0;
    j = i + n;
    if (j + 1 < len && (s[j] == '-' || s[j] == '/') && (n = det_digits(s, len, j + 1)) > 0 && n <= 4)
        j += 1 + n;
    /* 9-а, 12/б: the house's letter after a dash or a slash (report-adv28a
     * I-4 "пер. Тихий, 9-А").  Not the Mongolian dative-locative suffix
     * written after a number, -т/-д, -t/-d ("12-т очсон", "12-t
     * amidardag": addr21, addr25; the view is in lower case, so a house
     * Д is not read either). */
    if (j + 2 < len && j == i + det_digits(s, len, i) && (s[j] == '-' || s[j] == '/') &&
        ((det_alpha(s[j + 1]) && s[j + 1] != 't' && s[j + 1] != 'd' && !det_letter_at(s, len, j + 2)) ||
         ((cp = det_cp_at(s, len, j + 1, &cl)) >= 0x430 && cp <= 0x44F && cp != 0x442 && cp != 0x434 &&
          !det_letter_at(s, len, j + 1 + cl))))
        return det_alpha(s[j + 1]) ? j + 2 : j + 1 + cl;
    k = j;
    if (j < len && det_alpha(s[j]) && !det_letter_at(s, len, j + 1))
        j++;
    else if ((cp = det_cp_at(s, len, j, &cl)) >= 0x430 && cp <= 0x44F && !det_letter_at(s, len, j + cl))
        j += cl;
    /* 34a-8, 12б-3: a building with its letter, then the flat (brief s21
     * addr21, R-13 "16-r khoroo 34a-8"). */
    if (j > k && memchr(s + i, '-', k - i) == NULL && memchr(s + i, '/', k - i) == NULL && j + 1 < len && s[j] == '-' &&
        (n = det_digits(s, len, j + 1)) > 0 && n <= 4)
        j += 1 + n;
    return det_letter_at(s, len, j) ? 0 : j;
}

/* The word of list[0..n) at i (a word: no letter after it, except when
 * stem, or when it ends in '.'), its end with its weight in *weight; 0
 * if none.  stem: the word's endings are taken with it. */
static size_t unit_at(const char *s, size_t len, size_t i, const struct unit *list, size_t n,
                      int stem, int *weight)
{
    size_t k, m;

    for (k = 0; k < n; k++) {
        if (!det_starts(s, len, i, list[k].w))
            continue;
        m = i + strlen(list[k].w);
        if (stem)
            m = detect_letters(s, len, m);
        else if (list[k].w[strlen(list[k].w) - 1] != '.' && det_letter_at(s, len, m) && !det_digit(s[m]))
            continue;                              /* "кв12", "apt12": glued (brief s24 addr24) */
        *weight = list[k].weight;
        return m;
    }
    return 0;
}

/* 1 if the Hangul at i is none or a particle after a number that is a
 * place ("401호에", "401호의", "123에서"). */
static int ko_particle_or_none(const char *s, size_t len, size_t i)
{
    static const char *const particles[] = { "\xec\x97\x90", "\xec\x9d\x98", "\xeb\xa1\x9c", "\xeb\x8a\x94", "\xea\xb0\x80", "\xec\x9d\xb4", "\xeb\xa5\xbc", "\xea\xb9\x8c", "\xec\x98\x80", "\xec\x9e\x85", "\xec\x9d\xb8", "," };
    size_t k, n;
    int cp = det_cp_at(s, len, i, &n);

    if (!(cp >= 0 && is_word_cp(cp)))
        return 1;
    for (k = 0; k < sizeof particles / sizeof particles[0]; k++)
        if (det_starts(s, len, i, particles[k]))
            return 1;
    return 0;
}

/* Units written right after a number. */
static size_t number_unit(const char *s, size_t len, size_t i, size_t ndigits, int *weight)
{
    static const struct unit mn[] = {
        { "\xd1\x82\xd0\xbe\xd0\xbe\xd1\x82", STRONG }, { "\xd0\xb1\xd0\xb0\xd0\xb9\xd1\x80", WEAK }, { "\xd1\x85\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbe", WEAK | ONLY }, { "\xd0\xb4\xd0\xb0\xd0\xb2\xd1\x85\xd0\xb0\xd1\x80", WEAK }, { "\xd0\xbe\xd1\x80\xd1\x86", WEAK },
    };
    /* 번지 호 동 층, and 인민반 (a North Korean neighbourhood unit of 20-40
     * households: "12인민반 3호"; brief s20 addr20, B-22). */
    static const struct unit ko[] = { { "\xeb\xb2\x88\xec\xa7\x80", STRONG }, { "\xed\x98\xb8", WEAK }, { "\xeb\x8f\x99", WEAK }, { "\xec\xb8\xb5", WEAK },
                                      { "\xec\x9d\xb8\xeb\xaf\xbc\xeb\xb0\x98", WEAK | ONLY },
                                      /* 통 반: a dong's tong and ban ("역삼동 3통 2반": report-adv21
                                       * A-4), weak ("편지 3통", "3학년 2반" alone stay) */
                                      { "\xed\x86\xb5", WEAK }, { "\xeb\xb0\x98", WEAK } };
    static const struct unit zh[] = {
        { "\xe5\x8f\xb7\xe6\xa5\xbc", WEAK }, { "\xe8\x99\x9f\xe6\xa8\x93", WEAK }, { "\xe6\xa0\x8b", WEAK }, { "\xe6\xa3\x9f", WEAK }, { "\xe5\xb9\xa2", WEAK },
        { "\xe5\x8d\x95\xe5\x85\x83", WEAK }, { "\xe5\x96\xae\xe5\x85\x83", WEAK }, { "\xe5\xb1\x82", WEAK }, { "\xe5\xb1\xa4", WEAK }, { "\xe5\xae\xa4", STRONG },
        /* 人民班 (inminban), then 号 號 alone: a house after another part
         * ("5人民班12号"); "3月3号" alone is a date and stays. */
        { "\xe4\xba\xba\xe6\xb0\x91\xe7\x8f\xad", WEAK | ONLY }, { "\xe5\x8f\xb7", WEAK }, { "\xe8\x99\x9f", WEAK },
    };
    /* The same in Latin letters (MNS 5217 and the usual typing:
     * "3-r khoroo, 15-r bair, 42 toot"; brief s19 num19). */
    static const struct unit mn_latin[] = {
        { "toot", STRONG }, { "tood", STRONG }, { "bair", WEAK }, { "khoroo", WEAK | ONLY }, { "horoo", WEAK | ONLY },
        { "xoroo", WEAK | ONLY }, { "davkhar", WEAK }, { "davhar", WEAK }, { "orts", WEAK }, { "orc", WEAK },
        { "inminban", WEAK | ONLY }, { "inmin-ban", WEAK | ONLY }, { "inminpan", WEAK | ONLY },
    };
    /* Korean units in Latin letters after a dash ("101-dong 1203-ho",
     * "737-beonji", "5-ban": a North Korean inminban; brief s21 addr21,
     * R-13); glued to the number only with the dash ("ho", "ban" and
     * "dong" are words of other languages). */
    static const struct unit ko_latin[] = {
        { "-dong", WEAK }, { "-ho", WEAK }, { "-cheung", WEAK }, { "-chung", WEAK }, { "-beonji", STRONG },
        { "-bungi", STRONG }, { "-ban", WEAK }, { "-pan", WEAK },
    };
    /* A building's parts after an English ordinal ("15th building",
     * "2nd floor", "3rd entrance"): weak, as the same words before a
     * number are. */
    static const struct unit en_ordinal[] = {
        { "building", WEAK }, { "bldg", WEAK }, { "block", WEAK }, { "floor", WEAK }, { "entrance", WEAK },
    };
    size_t j = i, e, k;

    for (k = 0; k < sizeof ko_latin / sizeof ko_latin[0]; k++)
        if (det_starts(s, len, j, ko_latin[k].w) && !det_letter_at(s, len, j + strlen(ko_latin[k].w))) {
            *weight = k == 1 && ndigits >= 3 ? STRONG : ko_latin[k].weight;   /* 1203-ho: a flat */
            return j + strlen(ko_latin[k].w);
        }
    /* 45-р байр, 12 тоот: the Mongolian ordinal mark, then a space. */
    if (det_starts(s, len, j, "-\xd1\x80 ") || det_starts(s, len, j, "-\xd1\x80"))
        j += 3;
    else if (det_starts(s, len, j, "-r ") || det_starts(s, len, j, "-p "))
        j += 2;
    /* 4th khoroo, 3rd inminban, 15th building: an English ordinal (B-8,
     * B-22; report-adv21 A-5). */
    else if (j + 2 < len && s[j + 2] == ' ' && (det_starts(s, len, j, "st") || det_starts(s, len, j, "nd") ||
                                                det_starts(s, len, j, "rd") || det_starts(s, len, j, "th"))) {
        if ((e = unit_at(s, len, j + 3, mn_latin, sizeof mn_latin / sizeof mn_latin[0], 1, weight)) != 0)
            return e;
        return unit_at(s, len, j + 3, en_ordinal, sizeof en_ordinal / sizeof en_ordinal[0], 0, weight);
    }
    if (j < len && s[j] == ' ' && (e = unit_at(s, len, j + 1, mn, sizeof mn / sizeof mn[0], 1, weight)) != 0)
        return e;
    if (j < len && s[j] == ' ' &&
        (e = unit_at(s, len, j + 1, mn_latin, sizeof mn_latin / sizeof mn_latin[0], 1, weight)) != 0)
        return e;
    for (k = 0; k < sizeof ko / sizeof ko[0]; k++) {
        if (!det_starts(s, len, i, ko[k].w))
            continue;
        e = i + strlen(ko[k].w);
        if (!ko_particle_or_none(s, len, e))
            return 0;
        *weight = ko[k].weight;
        if (k == 1 && ndigits >= 3)
            *weight = STRONG;                      /* 401호: a flat */
        return e;
    }
    for (e = 0; e < sizeof zh / sizeof zh[0]; e++)      /* Chinese: words glued after */
        if (det_starts(s, len, i, zh[e].w))
            return *weight = zh[e].weight, i + strlen(zh[e].w);
    return 0;
}

/* 1 if the word at i, ending at e, is one that never stands inside an
 * English street name ("5 of the road", "3 minutes down the road"). */
static int en_stop(const char *s, size_t i, size_t e)
{
    static const char *const stop[] = {
        "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "for", "by", "from", "with",
        "minute", "minutes", "min", "mins", "km", "miles", "mile", "meters", "metres", "hours",
        "people", "times", "years", "days", "more", "other", "was",
        "is", "are", "were", "we", "they", "he", "she", "i", "it", "my", "his", "her", "their",
    };
    size_t k;

    for (k = 0; k < sizeof stop / sizeof stop[0]; k++)
        if (strlen(stop[k]) == e - i && memcmp(s + i, stop[k], e - i) == 0)
            return 1;
    return 0;
}

/* English street types (the usual words and abbreviations of UK and US
 * addresses). */
static const struct unit types[] = {
    { "street", 0 }, { "st", 0 }, { "st.", 0 }, { "road", 0 }, { "rd", 0 }, { "rd.", 0 },
    { "avenue", 0 }, { "ave", 0 }, { "ave.", 0 }, { "lane", 0 }, { "ln", 0 }, { "drive", 0 },
    { "boulevard", 0 }, { "blvd", 0 }, { "terrace", 0 }, { "crescent", 0 }, { "highway", 0 },
    { "gardens", 0 }, { "parkway", 0 }, { "place", 0 }, { "way", 0 }, { "square", 0 },
};

/* Baker Street 221B, Rose Lane 12: one or two words, a street type and
 * its number after (as continental Europe and many non-native writers
 * put it; brief s19 num19); its end, or 0. */
static size_t en_street_number_after(const char *s, size_t len, size_t i)
{
    size_t w = i, e, x;
    int k, weight;

    /* First without the word tests: the second or third word followed by
     * a space and a digit ("Street 12", "St. 12"), which most word starts
     * of prose lack; asked at every word start (bench/audit.sh: this
     * function was 7% of the audit's time, docs/SPEED.md). */
    for (k = 0; k < 3; k++, w = e + 1) {
        for (e = w; e < len && det_alpha(s[e]); e++)
            ;
        if (e == w)
            return 0;
        x = e + (e < len && s[e] == '.');
        if (k > 0 && x + 1 < len && s[x] == ' ' && det_digit(s[x + 1]))
            break;
        if (e >= len || s[e] != ' ')
            return 0;
    }
    if (k == 3)
        return 0;
    w = i;
    for (k = 0; k < 3; k++) {
        for (e = w; e < len && det_alpha(s[e]); e++)
            ;
        if (e == w || en_stop(s, w, e) || (e < len && det_letter_at(s, len, e)))
            return 0;
        if (k > 0 && (x = unit_at(s, len, w, types, sizeof types / sizeof types[0], 0, &weight)) != 0)
            return x + 1 < len && s[x] == ' ' && det_digit(s[x + 1]) && det_digits(s, len, x + 1) <= 4 ?
                   house_number(s, len, x + 1) : 0;
        if (e >= len || s[e] != ' ')
            return 0;
        w = e + 1;
    }
    return 0;
}

/* A full UK postcode at i (outward code of a letter or two, a digit and
 * maybe a letter or digit; a space; a digit and two letters: A9 9AA, A99
 * 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA); its end, or 0. */
static size_t uk_postcode(const char *s, size_t len, size_t i)
{
    size_t a;

    for (a = i; a < len && a - i < 2 && det_alpha(s[a]); a++)
        ;
    if (a == i || a >= len || !det_digit(s[a]) || det_letter_before(s, i))
        return 0;
    a++;
    if (a < len && det_alnum(s[a]))
        a++;
    if (a + 4 <= len && s[a] == ' ' && det_digit(s[a + 1]) && det_alpha(s[a + 2]) && det_alpha(s[a + 3]) &&
        det_ends_word(s, len, a + 4))
        return a + 4;
    return 0;
}

/* A South Korean postcode of the old format at i (six digits in two
 * groups of three, 1988-2015: "135-080"), no digit or letter on either
 * side; its end, or 0 (brief s21 addr21). */
static size_t ko_old_postcode(const char *s, size_t len, size_t i)
{
    size_t n;

    if ((i > 0 && (det_alnum(s[i - 1]) || s[i - 1] == '-')) || det_digits(s, len, i) != 3 ||
        i + 7 > len || s[i + 3] != '-' || det_digits(s, len, i + 4) != 3)
        return 0;
    if (i + 7 < len && (det_alnum(s[i + 7]) || s[i + 7] == '-' ||
                        (det_letter_at(s, len, i + 7) && !hangul(det_cp_at(s, len, i + 7, &n)))))
        return 0;
    return i + 7;
}

/* A postcode after its label ("Postcode: SW1A 1AA", "우편번호 04524", "zip
 * 12345", "индекс 210100"): s[i] starts a UK postcode (outward code of a
 * letter or two, a digit and maybe a letter or digit; a space; a digit and
 * two letters) or four to six digits, and a label ends just before it,
 * maybe with ':' and a space; the postcode's end, or 0.  The label stays in
 * the text (it says what was there, like "Phone:").
 * The labels: postcode, post code, postal code, zip, zip code, 우편번호,
 * индекс, почтовый индекс, шуудангийн код (Mongolian: postal code). */
static size_t postcode(const char *s, size_t len, size_t i)
{
    static const char *const labels[] = {
        "postcode", "post code", "postal code", "zip code", "zip", "\xec\x9a\xb0\xed\x8e\xb8\xeb\xb2\x88\xed\x98\xb8",
        "\xd0\xbf\xd0\xbe\xd1\x87\xd1\x82\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9 \xd0\xb8\xd0\xbd\xd0\xb4\xd0\xb5\xd0\xba\xd1\x81", "\xd0\xb8\xd0\xbd\xd0\xb4\xd0\xb5\xd0\xba\xd1\x81",
        "\xd1\x88\xd1\x83\xd1\x83\xd0\xb4\xd0\xb0\xd0\xbd\xd0\xb3\xd0\xb8\xd0\xb9\xd0\xbd \xd0\xba\xd0\xbe\xd0\xb4",
        /* The same in Latin letters as typed, and 우편 번호 apart (brief
         * s21 addr21, R-13 "shuudangiin kod 210648"). */
        "shuudangiin kod", "shuudangin kod", "shuudangiin code", "shuudangiin index", "shuudangiin indeks",
        "\xec\x9a\xb0\xed\x8e\xb8 \xeb\xb2\x88\xed\x98\xb8",
    };
    size_t k, j = i, n, l, e;
    int labelled = 0;

    j -= j > 0 && s[j - 1] == ' ';
    j -= j > 0 && s[j - 1] == ':';
    if (j == i)
        return 0;               /* a label and its number are apart */
    /* The number's shape first: it starts with a digit or a letter and
     * is rare, the labels are looked for before every word (they were
     * most of this function's cost, 4% of the redactor's). */
    if ((n = det_digits(s, len, i)) >= 4 && n <= 6 && det_ends_word(s, len, i + n))
        e = i + n;
    else if ((e = ko_old_postcode(s, len, i)) == 0 && (e = uk_postcode(s, len, i)) == 0)
        return 0;
    for (k = 0; k < sizeof labels / sizeof labels[0] && !labelled; k++) {
        l = strlen(labels[k]);
        labelled = l <= j && det_starts(s, len, j - l, labels[k]) &&
                   (j - l == 0 || !det_alpha(s[j - l - 1]));
    }
    return labelled ? e : 0;
}

/* 221b Baker Street: a house number, one to three words, a street type. */
static size_t en_street(const char *s, size_t len, size_t i)
{
    size_t j = house_number(s, len, i), w, e;
    int k, weight;

    if (j == 0 || j >= len || s[j] != ' ')
        return 0;
    for (k = 0; k < 3; k++) {
        w = j + 1;
        e = w;
        while (e < len && det_alpha(s[e]))
            e++;
        if (e == w || en_stop(s, w, e) || (e < len && det_letter_at(s, len, e)))
            return 0;
        if (k > 0 && (e = unit_at(s, len, w, types, sizeof types / sizeof types[0], 0, &weight)) != 0)
            return e;
        e = w;
        while (e < len && det_alpha(s[e]))
            e++;
        if (e >= len || s[e] != ' ')
            return 0;
        j = e;
    }
    return 0;
}

/* The start of a Chinese road name ending at i (路 街 道 巷 弄 before a
 * number: "建国路88号"): back over Han characters, at most six, to a
 * district's or a city's mark or a verb of place (区 市 县 镇 省 在 住
 * 于 到 的); i itself if none. */
static size_t zh_road_start(const char *s, size_t i)
{
    static const char stops[] = "\xe5\x8c\xba\xe5\xb8\x82\xe5\x8e\xbf\xe9\x95\x87\xe7\x9c\x81\xe5\x9c\xa8\xe4\xbd\x8f\xe4\xba\x8e\xe5\x88\xb0\xe7\x9a\x84\xe5\x8d\x80\xe7\xb8\xa3\xe9\x8e\xae\xe6\x96\xbc";
    size_t n, k = 0, j = i;
    int cp = det_cp_before(s, i, &n);
    char c[8];

    if (!(cp == 0x8DEF || cp == 0x8857 || cp == 0x9053 || cp == 0x5DF7 || cp == 0x5F04))
        return i;                                   /* 路 街 道 巷 弄 */
    j -= n;
    while (k < 6 && (cp = det_cp_before(s, j, &n)) >= 0 && han(cp)) {
        memcpy(c, s + j - n, n);
        c[n] = '\0';
        if (strstr(stops, c) != NULL)
            break;
        j -= n, k++;
    }
    return k > 0 ? j : i;
}

/* A Korean road in Latin letters at i (Revised Romanization, as road
 * name addresses are signposted: "Sejong-daero", "Teheran-ro",
 * "Bongeunsa-ro 68-gil", "Toegyero"): a word ending in "-ro", "-daero" or
 * "-gil", or glued "daero"); its end, or 0. */
static size_t ko_latin_road(const char *s, size_t len, size_t i)
{
    size_t e = i, w;

    while (e < len && det_alpha(s[e]))
        e++;
    w = e - i;
    if (w >= 2 && e + 1 < len && s[e] == '-' && (det_starts(s, len, e + 1, "ro") || det_starts(s, len, e + 1, "daero") ||
                                               det_starts(s, len, e + 1, "gil"))) {
        e = detect_letters(s, len, e + 1);
        return (det_starts(s, len, e - 2, "ro") || det_starts(s, len, e - 3, "gil")) && !det_letter_at(s, len, e) ? e : 0;
    }
    return w >= 6 && det_starts(s, len, e - 5, "daero") && !det_letter_at(s, len, e) ? e : 0;
}

/* A Korean administrative word in Latin letters at i (Revised
 * Romanization and McCune-Reischauer as typed: "Yeoksam-dong",
 * "Munho-ri", "Gangnam-gu", "Sinam-guyok", "Yangpyeong-gun", "Seojong-
 * myeon"): a word of two letters or more, a dash and the unit; its end,
 * or 0.  *lot: 1 for a village's word (dong, ri, ni, ga), before its
 * land lot number (brief s21 addr21, R-13). */
static size_t ko_latin_admin(const char *s, size_t len, size_t i, int *lot)
{
    static const char *const villages[] = { "dong", "ri", "ni", "ga" };
    static const char *const admin[] = { "guyok", "kuyok", "gu", "ku", "gun", "kun", "si", "shi",
                                         "eup", "up", "myeon", "myon", "do" };
    size_t e = i, k, m;

    while (e < len && det_alpha(s[e]))
        e++;
    if (e - i < 2 || e + 1 >= len || s[e] != '-')
        return 0;
    for (k = 0; k < sizeof villages / sizeof villages[0]; k++)
        if (det_starts(s, len, e + 1, villages[k]) && !det_letter_at(s, len, m = e + 1 + strlen(villages[k])))
            return *lot = 1, m;
    for (k = 0; k < sizeof admin / sizeof admin[0]; k++)
        if (det_starts(s, len, e + 1, admin[k]) && !det_letter_at(s, len, m = e + 1 + strlen(admin[k])))
            return *lot = 0, m;
    return 0;
}

/* 1 if a district's, a county's or a city's word in Latin letters
 * (ko_latin_admin, not a village) ends just before i, after ", " or " ". */
static int ko_latin_admin_before(const char *s, size_t len, size_t i)
{
    size_t j = i, w;
    int lot;

    j -= j > 0 && s[j - 1] == ' ';
    j -= j > 0 && s[j - 1] == ',';
    if (j == i)
        return 0;
    for (w = j; w > 0 && (det_alpha(s[w - 1]) || s[w - 1] == '-'); w--)
        ;
    return w < j && !det_letter_before(s, w) && ko_latin_admin(s, len, w, &lot) == j && !lot;
}

/* A land lot number after a village's word in Latin letters ending at i
 * ("Yeoksam-dong 123-45", "Munho-ri san 12-3", "Yeoksam-dong 737
 * beonji"): as ko_lot reads the Hangul, strong with "san", a sub-number
 * or beonji, weak alone; its end, or 0. */
static size_t ko_latin_lot(const char *s, size_t len, size_t i, int *weight)
{
    size_t x = i, n;
    int strong = 0, unit;

    if (x >= len || s[x] != ' ')
        return 0;
    x++;
    if (det_starts(s, len, x, "san "))
        x += 4, strong = 1;
    if ((n = det_digits(s, len, x)) == 0 || n > 4 || number_unit(s, len, x + n, n, &unit) != 0)
        return 0;
    x += n;
    if (x + 1 < len && s[x] == '-' && (n = det_digits(s, len, x + 1)) > 0 && n <= 4)
        x += 1 + n, strong = 1;
    if (det_starts(s, len, x, " beonji") || det_starts(s, len, x, "-beonji"))
        x += 7, strong = 1;
    if (det_letter_at(s, len, x) || (x < len && det_digit(s[x])))
        return 0;
    *weight = strong ? STRONG : WEAK | ONLY | LOT;
    return x;
}

/* A part that starts with a number at i. */
static size_t number_part(const char *s, size_t len, size_t i, size_t *start, int *weight)
{
    size_t n = det_digits(s, len, i), j = i + n, e, r;
    int lives;

    if ((e = postcode(s, len, i)) != 0)
        return *weight = STRONG | LABEL, e;
    /* 3х, 15б, 42т; 101-1203에 (detect_address_short.c) */
    if ((e = addr_mn_letters(s, len, i)) != 0)
        return *weight = STRONG, e;
    if ((e = addr_ko_dong_ho(s, len, i, &lives)) != 0)
        return *weight = lives ? STRONG : WEAK | ONLY, e;
    if (n == 0 || n > 5)
        return 0;
    /* 建国路88号 */
    if ((r = zh_road_start(s, i)) < i && (det_starts(s, len, j, "\xe5\x8f\xb7") || det_starts(s, len, j, "\xe8\x99\x9f") ||
                                          det_starts(s, len, j, "\xe5\xbc\x84")))
        return *start = r, *weight = STRONG, j + 3;
    /* 737-32번지, 737-32 */
    if (j + 1 < len && s[j] == '-' && det_digit(s[j + 1]) && det_digits(s, len, j + 1) <= 4 &&
        det_starts(s, len, j + 1 + det_digits(s, len, j + 1), "\xeb\xb2\x88\xec\xa7\x80"))
        return *weight = STRONG, j + 1 + det_digits(s, len, j + 1) + 6;
    if ((e = number_unit(s, len, j, n, weight)) != 0) {
        /* Sinam-guyok 5-ban, Jung-gu 101-dong: a Korean unit in Latin
         * letters after a district's word. */
        if (s[j] == '-' && det_letter_at(s, len, j + 1) && ko_latin_admin_before(s, len, i))
            *weight = STRONG;
        /* 역삼1동: a dong's number glued inside its name; the name too
         * (report-adv21 A-4). */
        if (det_starts(s, len, j, "\xeb\x8f\x99") && hangul(det_cp_before(s, i, &r)))
            for (*start = i; hangul(det_cp_before(s, *start, &r));)
                *start -= r;
        return e;
    }
    /* 15а тоот */
    if ((e = house_number(s, len, i)) > j && (r = number_unit(s, len, e, n, weight)) != 0)
        return r;
    if (!det_letter_before(s, i) && (e = en_street(s, len, i)) != 0)
        return *weight = STRONG, e;
    /* 123 Sejong-daero: a number before a Korean road in Latin letters. */
    if (j + 1 < len && s[j] == ' ' && (e = ko_latin_road(s, len, j + 1)) != 0)
        return *weight = STRONG, e;
    return 0;
}

/* A name of a street after its label: one or two words (any script) up
 * to a comma, a number or a unit label; its end, or 0. */
static size_t street_name(const char *s, size_t len, size_t i, int words)
{
    size_t e = i, k;

    for (k = 0; k < (size_t)words; k++) {
        size_t w = e + (k > 0);
        size_t x = detect_letters(s, len, w);
        while (x < len && s[x] == '-' && det_letter_at(s, len, x + 1))
            x = detect_letters(s, len, x + 1);
        /* "вул Садова." ends a sentence: a name of four Cyrillic letters
         * or five Latin ones before its full stop is no abbreviation
         * ("blvd.", "пров."; brief s29 num29) */
        if (x < len && s[x] == '.' && (x - w >= 8 || (x - w >= 5 && (unsigned char)s[w] < 0x80)) &&
            (x + 1 >= len || s[x + 1] == ' ' || s[x + 1] == '\n')) {
            e = x;
            break;
        }
        if (x == w || (x < len && s[x] == '.'))
            break;
        e = x;
        if (e + 1 >= len || s[e] != ' ' || det_digit(s[e + 1]))
            break;
    }
    return e > i ? e : 0;
}

/* A number after a label or a street: ", 7", " 7", "7", "no. 7", "#7". */
static size_t number_after(const char *s, size_t len, size_t i)
{
    size_t j = i;

    j += j < len && s[j] == ',';
    j += j < len && s[j] == ' ';
    if (det_starts(s, len, j, "no. ") || det_starts(s, len, j, "\xe2\x84\x96 "))
        j += det_starts(s, len, j, "no. ") ? 4 : 4;
    j += j < len && s[j] == '#';
    return house_number(s, len, j);
}

/* A street's label of list[0..n) at i (weight 1: a stem, its endings
 * taken with it: "улице", "проспекте"); its end, or 0. */
static size_t street_label(const char *s, size_t len, size_t i, const struct unit *list, size_t n)
{
    size_t k, m;

    for (k = 0; k < n; k++) {
        if (!det_starts(s, len, i, list[k].w))
            continue;
        m = i + strlen(list[k].w);
        if (list[k].weight)
            return detect_letters(s, len, m);
        if (list[k].w[strlen(list[k].w) - 1] == '.' || !det_letter_at(s, len, m))
            return m;
    }
    return 0;
}

/* A post-office box at i: its label (P.O. Box, PO Box, POB, Post Office
 * Box; Mongolian шуудангийн хайрцаг, ш/х; Korean 사서함; Russian а/я,
 * абонентский ящик; Arabic ص.ب, صندوق بريد), maybe "no.", "#" or ':',
 * and its number, with 호 glued in Korean ("사서함 1234호"); its end, or 0
 * (brief s20 addr20, B-23).  The box's number names its holder. */
static size_t postbox(const char *s, size_t len, size_t i)
{
    static const char *const labels[] = {
        "p.o. box", "p. o. box", "p o box", "p.o.box", "po box", "pob", "post office box", "po bx", "p.o. bx", "postfach",
        "\xd1\x88\xd1\x83\xd1\x83\xd0\xb4\xd0\xb0\xd0\xbd\xd0\xb3\xd0\xb8\xd0\xb9\xd0\xbd \xd1\x85\xd0\xb0\xd0\xb9\xd1\x80\xd1\x86\xd0\xb0\xd0\xb3", "\xd1\x88/\xd1\x85", "\xec\x82\xac\xec\x84\x9c\xed\x95\xa8", "\xd0\xb0/\xd1\x8f", "\xd0\xb0\xd0\xb1\xd0\xbe\xd0\xbd\xd0\xb5\xd0\xbd\xd1\x82\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9 \xd1\x8f\xd1\x89\xd0\xb8\xd0\xba", "\xd8\xb5.\xd8\xa8", "\xd8\xb5 \xd8\xa8", "\xd8\xb5\xd9\x86\xd8\xaf\xd9\x88\xd9\x82 \xd8\xa8\xd8\xb1\xd9\x8a\xd8\xaf",
    };
    size_t k, j = 0, n;

    for (k = 0; k < sizeof labels / sizeof labels[0] && j == 0; k++)
        if (det_starts(s, len, i, labels[k]) && !det_letter_at(s, len, i + strlen(labels[k])))
            j = i + strlen(labels[k]);
    if (j == 0)
        return 0;
    j += j < len && s[j] == ':';
    j += j < len && s[j] == ' ';
    if (det_starts(s, len, j, "no. ") || det_starts(s, len, j, "no "))
        j += s[j + 2] == '.' ? 4 : 3;
    j += j < len && s[j] == '#';
    if ((n = det_digits(s, len, j)) == 0 || n > 6)
        return 0;
    j += n;
    if (j + 1 < len && s[j] == '-' && (n = det_digits(s, len, j + 1)) > 0 && n <= 4)
        j += 1 + n;
    if (det_starts(s, len, j, "\xed\x98\xb8"))
        j += 3;                                         /* 호 */
    if (det_starts(s, len, j - 3, "\xed\x98\xb8") ? !ko_particle_or_none(s, len, j) : det_letter_at(s, len, j))
        return 0;
    return j;
}

/* An Ulaanbaatar district's abbreviation at i, Cyrillic or Latin (BZD,
 * SBD, SKhD, KhUD, ChD, BGD, ND, BND, BKhD: Bayanzürkh, Sükhbaatar,
 * Songinokhairkhan, Khan-Uul, Chingeltei, Bayangol, Nalaikh, Baganuur,
 * Bagakhangai düüreg); its end, or 0.  A weak part: it counts only beside
 * another ("BZD, 26 khoroo"; B-7). */
static const char *const abbr[] = {
    "bzd", "sbd", "skhd", "shd", "khud", "hud", "chd", "bgd", "nd", "bnd", "bkhd", "bhd",
    "\xd0\xb1\xd0\xb7\xd0\xb4", "\xd1\x81\xd0\xb1\xd0\xb4", "\xd1\x81\xd1\x85\xd0\xb4", "\xd1\x85\xd1\x83\xd0\xb4", "\xd1\x87\xd0\xb4", "\xd0\xb1\xd0\xb3\xd0\xb4", "\xd0\xbd\xd0\xb4", "\xd0\xb1\xd0\xbd\xd0\xb4", "\xd0\xb1\xd1\x85\xd0\xb4",
};

static size_t district_short(const char *s, size_t len, size_t i)
{
    size_t k, e;

    for (k = 0; k < sizeof abbr / sizeof abbr[0]; k++) {
        /* The length only where the word is there: asked at every word
         * of the text (a strlen of each entry was 3% of the redactor). */
        if (!det_starts(s, len, i, abbr[k]))
            continue;
        e = i + strlen(abbr[k]);
        if (!det_letter_at(s, len, e) && e < len && (s[e] == ',' || s[e] == ' '))
            return e;
    }
    return 0;
}

/* 1 if the Hangul word before i (after one space) is a city's, a
 * county's, a district's or a township's name: two syllables or more
 * ending in 시 군 구 읍 면 or 구역 (North Korea). */
static int ko_admin_before(const char *s, size_t i)
{
    size_t n, k = 0, j;
    int cp, last;

    if (i < 2 || s[i - 1] != ' ')
        return 0;
    j = i - 1;
    last = det_cp_before(s, j, &n);
    while ((cp = det_cp_before(s, j, &n)) >= 0 && hangul(cp))
        j -= n, k++;
    return k >= 2 && (last == 0xC2DC || last == 0xAD70 || last == 0xAD6C || last == 0xC74D || last == 0xBA74 ||
                      (last == 0xC5ED && det_starts(s, i - 1, i - 7, "\xea\xb5\xac\xec\x97\xad")));
}

/* A Korean land lot (jibun) after its village's word (역삼동, 문호리)
 * ending at i - 1: maybe 산 (a lot on a hill), its number (1-4 digits,
 * maybe "-" and 1-4 more) and maybe 번지, with nothing but a particle, a
 * space or punctuation after ("역삼동 737에", "문호리 산 12-3",
 * "역삼동 737 번지"); its end, or 0 (brief s20 addr20, B-10).  Strong
 * with 산, a sub-number, 번지, or a district or city word before the
 * village ("강남구 역삼동 737"); weak alone ("역삼동 737": a part beside
 * a postcode or another part). */
static size_t ko_lot(const char *s, size_t len, size_t word, size_t i, int *weight)
{
    size_t x = i, n;
    int strong = 0, unit;

    if (det_starts(s, len, x, "\xec\x82\xb0"))                  /* 산 */
        x += 3 + (size_t)(x + 3 < len && s[x + 3] == ' '), strong = 1;
    if ((n = det_digits(s, len, x)) == 0 || n > 4 ||
        (!det_starts(s, len, x + n, "\xeb\xb2\x88\xec\xa7\x80") && number_unit(s, len, x + n, n, &unit) != 0))
        return 0;                                   /* 창광동 12인민반: the number's own unit */
    x += n;
    if (x + 1 < len && s[x] == '-' && (n = det_digits(s, len, x + 1)) > 0 && n <= 4)
        x += 1 + n, strong = 1;
    if (det_starts(s, len, x, "\xeb\xb2\x88\xec\xa7\x80") || det_starts(s, len, x, " \xeb\xb2\x88\xec\xa7\x80"))
        x += 6 + (size_t)(s[x] == ' '), strong = 1;  /* 번지 */
    if (det_letter_at(s, len, x) && !ko_particle_or_none(s, len, x))
        return 0;
    *weight = strong || ko_admin_before(s, word) ? STRONG : WEAK | ONLY | LOT;
    return x;
}

/* Streets: a label, the name, a number after. */
static const struct unit streets[] = {
    { "\xd1\x83\xd0\xbb.", 0 }, { "\xd1\x83\xd0\xbb\xd0\xb8\xd1\x86", 1 }, { "\xd1\x83\xd0\xbb", 0 }, { "\xd0\xbf\xd1\x80.", 0 }, { "\xd0\xbf\xd1\x80\xd0\xbe\xd1\x81\xd0\xbf.", 0 }, { "\xd0\xbf\xd1\x80\xd0\xbe\xd1\x81\xd0\xbf\xd0\xb5\xd0\xba\xd1\x82", 1 },
    { "\xd0\xbf\xd1\x80-\xd1\x82", 0 }, { "\xd0\xbf\xd0\xb5\xd1\x80.", 0 }, { "\xd0\xbf\xd0\xb5\xd1\x80\xd0\xb5\xd1\x83\xd0\xbb", 1 }, { "\xd0\xb1\xd1\x83\xd0\xbb\xd1\x8c\xd0\xb2\xd0\xb0\xd1\x80", 1 }, { "\xd0\xb1-\xd1\x80", 0 },
    { "\xd1\x88\xd0\xbe\xd1\x81\xd1\x81\xd0\xb5", 0 }, { "\xd0\xbd\xd0\xb0\xd0\xb1.", 0 }, { "\xd0\xbd\xd0\xb0\xd0\xb1\xd0\xb5\xd1\x80\xd0\xb5\xd0\xb6\xd0\xbd", 1 }, { "\xd0\xbc\xd0\xba\xd1\x80.", 0 }, { "\xd0\xbc\xd0\xb8\xd0\xba\xd1\x80\xd0\xbe\xd1\x80\xd0\xb0\xd0\xb9\xd0\xbe\xd0\xbd", 1 },
    { "jalan", 0 }, { "jln.", 0 }, { "jln", 0 }, { "lorong", 0 }, { "lrg.", 0 }, { "lrg", 0 },
    { "persiaran", 0 }, { "lebuh", 0 }, { "taman", 0 }, { "tmn", 0 },
    /* Ukrainian, as the Russian above (brief s28 place28, report-adv27a G-5) */
    { "вул.", 0 }, { "вулиц", 1 }, { "вул", 0 }, { "пров.", 0 }, { "провул", 1 }, { "бульв.", 0 },
    { "майдан", 1 }, { "пл.", 0 }, { "наб.", 0 }, { "узвіз", 1 }, { "шосе", 0 },
};
/* гудамж (street), өргөн чөлөө (avenue), and the same in Latin
 * letters as typed ("Olympiin gudamj 12", "Enkhtaivny örgön chölöö
 * 15"; brief s21 addr21, R-13). */
static const struct unit mn_streets[] = {
    { "\xd0\xb3\xd1\x83\xd0\xb4\xd0\xb0\xd0\xbc\xd0\xb6", 0 }, { "\xd3\xa9\xd1\x80\xd0\xb3\xd3\xa9\xd0\xbd \xd1\x87\xd3\xa9\xd0\xbb\xd3\xa9\xd3\xa9", 0 },
    { "gudamj", 0 }, { "gudamzh", 0 }, { "gudamz", 0 }, { "\xc3\xb6rg\xc3\xb6n ch\xc3\xb6l\xc3\xb6\xc3\xb6", 0 },
    { "orgon choloo", 0 }, { "urgun chuluu", 0 }, { "urgon chuloo", 0 },
};
/* A part that starts with a word at i. */
static size_t word_part(const char *s, size_t len, size_t i, int *weight)
{
    /* Units: a label, then a number. */
    static const struct unit units[] = {
        { "\xd0\xba\xd0\xb2.", STRONG }, { "\xd0\xba\xd0\xb2", STRONG }, { "\xd0\xba\xd0\xb2\xd0\xb0\xd1\x80\xd1\x82\xd0\xb8\xd1\x80\xd0\xb0", STRONG }, { "\xd0\xba\xd0\xb2\xd0\xb0\xd1\x80\xd1\x82\xd0\xb8\xd1\x80\xd0\xb5", STRONG },
        { "\xd0\xba\xd0\xb2\xd0\xb0\xd1\x80\xd1\x82\xd0\xb8\xd1\x80\xd1\x8b", STRONG }, { "\xd0\xb4.", WEAK }, { "\xd0\xb4", WEAK }, { "\xd0\xb4\xd0\xbe\xd0\xbc", WEAK }, { "\xd0\xb4\xd0\xbe\xd0\xbc\xd0\xb5", WEAK },
        { "\xd0\xba\xd0\xbe\xd1\x80\xd0\xbf.", WEAK }, { "\xd0\xba\xd0\xbe\xd1\x80\xd0\xbf\xd1\x83\xd1\x81", WEAK }, { "\xd1\x81\xd1\x82\xd1\x80.", WEAK }, { "\xd1\x81\xd1\x82\xd1\x80\xd0\xbe\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5", WEAK },
        { "apt.", STRONG }, { "apt", STRONG }, { "apartment", STRONG }, { "flat", STRONG },
        { "suite", STRONG }, { "ste", WEAK }, { "unit", WEAK }, { "room", WEAK }, { "rm", WEAK },
        { "blk", WEAK }, { "block", WEAK }, { "no.", WEAK }, { "lot", WEAK },
        { "building", WEAK }, { "bldg", WEAK },
        /* Ukrainian: буд. (будинок, house), кв. as the Russian */
        { "буд.", WEAK }, { "буд", WEAK }, { "будинок", WEAK }, { "будинку", WEAK },
        /* Kuwait (area, block, street, avenue, house: "Block 4, Street 12,
         * House 7"; B-9), North Korea ("inminban 7, house 12"; B-22) and
         * Ulaanbaatar in English or Latin letters ("khoroo 1, bair 5,
         * toot 12", "entrance 2, door 31"; B-8): one of them alone is
         * weak ("Street 12 was closed", "the house 7 doors down"). */
        { "street", WEAK }, { "st", WEAK }, { "st.", WEAK }, { "avenue", WEAK }, { "ave", WEAK },
        { "house", WEAK }, { "hse", WEAK }, { "villa", WEAK }, { "tower", WEAK }, { "floor", WEAK }, { "fl.", WEAK },
        { "entrance", WEAK }, { "door", WEAK }, { "inminban", WEAK | ONLY },
        { "khoroo", WEAK | ONLY }, { "horoo", WEAK | ONLY }, { "bair", WEAK }, { "toot", STRONG },
        { "\xd1\x85\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbe", WEAK | ONLY }, { "\xd0\xb1\xd0\xb0\xd0\xb9\xd1\x80", WEAK }, { "\xd1\x82\xd0\xbe\xd0\xbe\xd1\x82", STRONG },
        /* Arabic (Kuwait): block, street, avenue, house, house, building,
         * building, floor, plot; flat is a household. */
        { "\xd9\x82\xd8\xb7\xd8\xb9\xd8\xa9", WEAK }, { "\xd8\xb4\xd8\xa7\xd8\xb1\xd8\xb9", WEAK }, { "\xd8\xac\xd8\xa7\xd8\xaf\xd8\xa9", WEAK }, { "\xd9\x85\xd9\x86\xd8\xb2\xd9\x84", WEAK }, { "\xd8\xa8\xd9\x8a\xd8\xaa", WEAK },
        { "\xd9\x85\xd8\xa8\xd9\x86\xd9\x89", WEAK }, { "\xd8\xb9\xd9\x85\xd8\xa7\xd8\xb1\xd8\xa9", WEAK }, { "\xd8\xb7\xd8\xa7\xd8\xa8\xd9\x82", WEAK }, { "\xd9\x82\xd8\xb3\xd9\x8a\xd9\x85\xd8\xa9", WEAK }, { "\xd8\xb4\xd9\x82\xd8\xa9", STRONG },
    };
    size_t e, x, n;
    int cp, last, dummy, lot;

    if (s[i] == '#' && det_digits(s, len, i + 1) >= 1 && (e = house_number(s, len, i + 1)) != 0 &&
        memchr(s + i, '-', e - i) != NULL)
        return *weight = STRONG, e;                 /* #03-12 */
    if ((e = postcode(s, len, i)) != 0)
        return *weight = STRONG | LABEL, e;
    if ((e = en_street_number_after(s, len, i)) != 0)
        return *weight = STRONG, e;
    /* Yeoksam-dong 123-45; Gangnam-gu, Sinam-guyok: a district, weak. */
    if ((e = ko_latin_admin(s, len, i, &lot)) != 0) {
        if (lot && (x = ko_latin_lot(s, len, e, weight)) != 0) {
            if (ko_latin_admin_before(s, len, i))
                *weight = STRONG;               /* Gangnam-gu Yeoksam-dong 737 */
            return x;
        }
        /* A district, a county or a village's word alone is no part:
         * it stays beside the address, as "강남구" and "Bayanzurkh
         * duureg" do ("123 Sejong-daero, Jung-gu"); it makes the part
         * after it strong (ko_latin_lot, number_part). */
        return 0;
    }
    /* Sejong-daero 123, Teheran-ro 152 */
    if ((e = ko_latin_road(s, len, i)) != 0 && (x = number_after(s, len, e)) != 0)
        return *weight = STRONG, x;
    if ((e = postbox(s, len, i)) != 0)
        return *weight = STRONG | LABEL, e;
    /* B5 S12 H34; box number 1234 at the main post office */
    if ((e = addr_kw_letters(s, len, i)) != 0)
        return *weight = STRONG, e;
    if ((e = addr_box_number(s, len, i)) != 0)
        return *weight = STRONG | LABEL, e;
    if ((e = unit_at(s, len, i, units, sizeof units / sizeof units[0], 0, weight)) != 0) {
        /* "St. 12" (the unit "st" read before "st."), "хороо-3, байр-15,
         * тоот-42" (report-adv21 A-5, A-6) */
        x = e + (e < len && s[e] == '.');
        x += x < len && (s[x] == ' ' || (s[x] == '-' && x + 1 < len && det_digit(s[x + 1])));
        if (det_starts(s, len, x, "no. ") || det_starts(s, len, x, "no "))
            x += s[x + 2] == '.' ? 4 : 3;
        else if (det_starts(s, len, x, "no") && x + 2 < len && det_digit(s[x + 2]))
            x += 2;                                 /* "буд.№5": № is "no" in the norm view */
        x += x < len && s[x] == '#';
        if (x < len && det_digit(s[x]) && (n = house_number(s, len, x)) != 0) {
            /* Apartment 101-dong: the number's own unit after it. */
            if (n < len && s[n] == '-' && (e = number_unit(s, len, n, n - x, &dummy)) != 0)
                return *weight |= dummy, e;
            return n;
        }
        /* Block B, Tower A: one letter after a building's word (weak). */
        if (x < len && det_alpha(s[x]) && !det_letter_at(s, len, x + 1) && x + 1 < len && s[x + 1] == ',' &&
            (det_starts(s, len, i, "bl") || det_starts(s, len, i, "bu") || det_starts(s, len, i, "tower")))
            return *weight = WEAK, x + 1;
        return 0;
    }
    if ((e = district_short(s, len, i)) != 0)
        return *weight = WEAK, e;
    if ((e = street_label(s, len, i, streets, sizeof streets / sizeof streets[0])) != 0) {
        x = e + (e < len && s[e] == ' ');
        if (x < len && det_digit(s[x]))             /* Lorong 3, Jln 3/4 */
            return (n = house_number(s, len, x)) != 0 ? (*weight = STRONG, n) : 0;
        if ((n = street_name(s, len, x, 2)) == 0)
            return 0;
        if ((x = number_after(s, len, n)) != 0)
            return *weight = STRONG, x;
        return *weight = WEAK, n;
    }
    /* Энхтайваны өргөн чөлөө 15а: a word, then the street's word. */
    if ((e = detect_letters(s, len, i)) > i && e + 1 < len && s[e] == ' ' &&
        (x = unit_at(s, len, e + 1, mn_streets, sizeof mn_streets / sizeof mn_streets[0], 1, &dummy)) != 0) {
        if ((n = number_after(s, len, x)) != 0)
            return *weight = STRONG, n;
        return *weight = WEAK, x;
    }
    /* 테헤란로 123, 역삼동 737-32: a Hangul word ending in 로 or 길 (a
     * road) before its number, or in 동 or 리 before a lot number. */
    if ((cp = det_cp_at(s, len, i, &n)) >= 0 && hangul(cp)) {
        e = detect_letters(s, len, i);
        if (e - i < 6 || e + 1 >= len || s[e] != ' ')
            return 0;
        last = det_cp_before(s, e, &n);
        if (last == 0xB3D9 || last == 0xB9AC)      /* 동 리 */
            return ko_lot(s, len, i, e + 1, weight);
        if (!det_digit(s[e + 1]))
            return 0;
        x = det_digits(s, len, e + 1) + e + 1;
        /* 로 길, not the particle (으)로 after a noun ("토스로 1000-1234",
         * "은행으로"): a road's number has 1-4 digits, maybe "-" and 1-3
         * more, and nothing but a particle, a space or a comma after. */
        if ((last == 0xB85C || last == 0xAE38) && det_cp_before(s, e - 3, &n) != 0xC73C) {
            /* 테헤란로 123길 45: a side street of the road, numbered, and
             * the building's number (도로명주소; report-adv21 A-4). */
            if (last == 0xB85C && det_starts(s, len, x, "\xea\xb8\xb8 ") && det_digit(s[x + 4 < len ? x + 4 : x]) &&
                det_digits(s, len, x + 4) <= 4)
                x += 4 + det_digits(s, len, x + 4);
            if (x + 1 < len && s[x] == '-' && det_digit(s[x + 1]) && det_digits(s, len, x + 1) <= 3)
                x += 1 + det_digits(s, len, x + 1);
            return det_digits(s, len, e + 1) <= 4 && (x >= len || s[x] == ' ' || s[x] == ',' ||
                                                      s[x] == ')' || det_letter_at(s, len, x)) &&
                   ko_particle_or_none(s, len, x) ? (*weight = STRONG, x) : 0;
        }
    }
    return 0;
}

/* The part at i: its end (0 if none), its start in *start (i unless a
 * Chinese road name comes before the number), its weight. */
static size_t part_at(const char *s, size_t len, size_t i, size_t *start, int *weight)
{
    *start = i;
    if (det_digit(s[i]))
        return i > 0 && det_digit(s[i - 1]) ? 0 : number_part(s, len, i, start, weight);
    if (det_letter_before(s, i) || (s[i] != '#' && !det_letter_at(s, len, i)))
        return 0;
    return word_part(s, len, i, weight);
}

/* A word of letters (any script, "-" inside: "Khan-Uul") at i; its end,
 * or i if none. */
static size_t town_word(const char *s, size_t len, size_t i)
{
    size_t x = detect_letters(s, len, i);

    while (x > i && x + 1 < len && s[x] == '-' && !det_digit(s[x + 1]) && det_letter_at(s, len, x + 1))
        x = detect_letters(s, len, x + 1);
    return x;
}

/* A postcode without its label after an address ending at i (B-11): one
 * to three words of a town between ("London NW1 6XE", "Ulaanbaatar
 * 14200", "Улаанбаатар-14200") and a full UK postcode, or five or six
 * digits ending the clause (end, punctuation); a UK postcode may also
 * follow the address at once.  Its end and start in *start, or 0. */
static size_t postcode_after(const char *s, size_t len, size_t i, size_t *start)
{
    size_t j = i, e, n;
    int words, c;

    j += j < len && s[j] == ',';
    j += j < len && s[j] == ' ';
    for (words = 0; words <= 3; words++) {
        /* а/я 123, 123456 Москва: six digits, then the town in Cyrillic
         * (the Russian order; report-adv21 A-6; "House 7, 100000
         * workers" stays). */
        if (words == 0 && (n = det_digits(s, len, j)) == 6 && !det_letter_before(s, j) && j + 7 < len &&
            s[j + 6] == ' ' && (c = det_cp_at(s, len, j + 7, &n)) >= 0x400 && c <= 0x4FF)
            return *start = j, j + 6;
        if ((e = uk_postcode(s, len, j)) != 0 || (e = ko_old_postcode(s, len, j)) != 0 ||
            (words > 0 && (n = det_digits(s, len, j)) >= 5 && n <= 6 && !det_letter_before(s, j) &&
             (j + n >= len || s[j + n] == '.' || s[j + n] == ',' || s[j + n] == ';' || s[j + n] == ')') &&
             (e = j + n) != 0))
            return *start = j, e;
        if ((e = town_word(s, len, j)) == j || e >= len)
            return 0;
        j = e + (s[e] == ',');
        if (j >= len || (s[j] != ' ' && s[j] != '-'))
            return 0;
        j++;
    }
    return 0;
}

/* A postcode without its label before an address starting at i, one to
 * three words of a town and a district between: five or six digits,
 * maybe in brackets, at the start of the text or after a space or a
 * bracket ("06236 서울 강남구 테헤란로 152", "(06236) 서울 ..."; B-11).
 * Its end and start in *start, or 0. */
static size_t postcode_before(const char *s, size_t i, size_t *start)
{
    size_t j = i, e, d, n;
    int words;

    for (words = 0; words <= 3; words++) {
        while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == ','))
            j--;
        e = j - (j > 0 && s[j - 1] == ')');
        for (d = e; d > 0 && det_digit(s[d - 1]); d--)
            ;
        if (words > 0 && e - d >= 5 && e - d <= 6 && (d == 0 || s[d - 1] == ' ' || s[d - 1] == '('))
            return *start = d, e;
        /* 135-080 (the old Korean format) */
        if (words > 0 && e - d == 3 && d >= 4 && ko_old_postcode(s, e, d - 4) == e &&
            (d == 4 || s[d - 5] == ' ' || s[d - 5] == '('))
            return *start = d - 4, e;
        if (j == i && words > 0)
            return 0;
        for (d = j; d > 0 && det_letter_before(s, d) && !det_digit(s[d - 1]); d -= n)
            det_cp_before(s, d, &n);
        if (d == j || (d > 0 && s[d - 1] != ' '))
            return 0;
        j = d;
    }
    return 0;
}

size_t addr_postcode_before(const char *s, size_t i, size_t *start)
{
    return postcode_before(s, i, start);
}

size_t addr_postcode_after(const char *s, size_t len, size_t i, size_t *start)
{
    return postcode_after(s, len, i, start);
}

/* A name of one or two words between two parts of an address, where
 * the next part starts ("26 khoroo, Sansar 45-r bair", "Street 12,
 * Salmiya House 7": a microdistrict's, a town's or a building's name,
 * maybe a protected place term, which the address then covers: brief s20
 * addr20 item 8); its end after the space, or 0.  No small word of
 * en_stop ("Block 4 of the queue"), no digit. */
static size_t gap(const char *s, size_t len, size_t i)
{
    size_t x = i, e, st;
    int k, w;

    for (k = 0; k < 2; k++) {
        if ((e = town_word(s, len, x)) == x || e >= len || s[e] != ' ' || det_digit(s[x]) ||
            (det_alpha(s[x]) && en_stop(s, x, e)))
            return 0;
        x = e + 1;
        if (x < len && part_at(s, len, x, &st, &w) != 0 && st == x)
            return x;
    }
    return 0;
}

/* part_at in a view whose digits said in words are marked in said (NULL:
 * none): a part that would name a household by itself (a flat, a house
 * on its street) with its number said is weak, so that it needs another
 * part beside it ("дом пять, квартира двенадцать", not "в квартире два
 * человека"); a postcode's or a post-office box's after its label
 * ("zip code twenty oh five hundred") stays strong (brief s22 addr22). */
static size_t part_said(const char *s, size_t len, size_t i, size_t *start, int *weight,
                        const unsigned char *said)
{
    size_t e = part_at(s, len, i, start, weight), k;

    if (e == 0 || said == NULL || !(*weight & STRONG) || (*weight & LABEL))
        return e;
    for (k = *start; k < e; k++)
        if (said[k]) {
            *weight = (*weight & ~STRONG) | WEAK;
            break;
        }
    return e;
}

/* Adds [a, b) to d[0..*n) over the detections it overlaps (it takes
 * their spans), keeping the order by start; 0, or -1 out of memory. */
int addr_merge(struct detection **d, size_t *n, size_t *cap, size_t a, size_t b)
{
    size_t k, w, pos;
    int grew = 1;
    struct detection *p;

    while (grew) {
        grew = 0;
        for (k = 0; k < *n; k++)
            if ((*d)[k].start < b && (*d)[k].end > a && ((*d)[k].start < a || (*d)[k].end > b)) {
                a = (*d)[k].start < a ? (*d)[k].start : a;
                b = (*d)[k].end > b ? (*d)[k].end : b;
                grew = 1;
            }
    }
    for (k = 0, w = 0; k < *n; k++)
        if (!((*d)[k].start < b && (*d)[k].end > a))
            (*d)[w++] = (*d)[k];
    *n = w;
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        if ((p = realloc(*d, c * sizeof *p)) == NULL)
            return -1;
        *d = p, *cap = c;
    }
    for (pos = 0; pos < *n && (*d)[pos].start < a; pos++)
        ;
    memmove(*d + pos + 1, *d + pos, (*n - pos) * sizeof **d);
    (*d)[pos].start = a, (*d)[pos].end = b, (*d)[pos].kind = DETECT_ADDRESS;
    (*n)++;
    return 0;
}

/* Spaces between a part's start and its first digit, at most (the rule:
 * detect_gate.c, "The parts of detect_address.c's scan"). */
#define PART_SPACES 8

/* 1 if the byte c may stand in a part before its first digit (above):
 * a letter of any script (capitals too: the norm view has none, a
 * caller's text may), ' ', '.', '-', ',', ':', '#', '/'. */
static int part_byte(unsigned char c)
{
    return c >= 0x80 || det_alpha((char)c) || (c >= 'A' && c <= 'Z') || c == ' ' || c == '.' || c == '-' ||
           c == ',' || c == ':' || c == '#' || c == '/';
}

int gate_addr_part(struct gate_map *m, const char *s, size_t len)
{
    size_t spaces = PART_SPACES + 1;

    m->len = 0;
    if ((m->bits = calloc(len / 8 + 1, 1)) == NULL)
        return -1;
    m->len = len;
    for (size_t i = len; i-- > 0;) {
        if (det_digit(s[i]))
            spaces = 0;
        else if (!part_byte((unsigned char)s[i]))
            spaces = PART_SPACES + 1;
        else if (s[i] == ' ' && spaces <= PART_SPACES)
            spaces++;
        if (spaces <= PART_SPACES)
            m->bits[i >> 3] = (unsigned char)(m->bits[i >> 3] | (1u << (i & 7)));
    }
    return 0;
}

/* The two letters a word starts with, as a number of 16 bits: the first
 * byte of each ASCII letter, the second of each other (a Cyrillic
 * letter's); 0 when s[0..n) is too short to say. */
static unsigned key2(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t second = u[0] < 0x80 ? 1 : 2;

    if (second >= n || (u[0] >= 0x80 && n < 2))
        return 0;
    if (u[second] >= 0x80 && second + 1 >= n)
        return 0;
    return (unsigned)(u[0] < 0x80 ? u[0] : u[1]) << 8 | (u[second] < 0x80 ? u[second] : u[second + 1]);
}

/* The keys (key2) of the words a part without a digit starts with
 * (word_part): a street's label of streets[] ("ул. тверская"), a
 * district's of abbr[] ("bzd"), a building's word before its letter
 * ("block b,": bl, bu, tower) in words; a Mongolian street's word of
 * mn_streets[] (after the word the part starts with) in next. */
struct wordy {
    unsigned char words[8192], next[8192];
};

static void wordy_set(unsigned char *bits, const char *w)
{
    unsigned k = key2(w, strlen(w));

    bits[k >> 3] = (unsigned char)(bits[k >> 3] | (1u << (k & 7)));
}

static int wordy_has(const unsigned char *bits, const char *s, size_t n)
{
    unsigned k = key2(s, n);

    return k == 0 || ((bits[k >> 3] >> (k & 7)) & 1);
}

static void wordy_make(struct wordy *w)
{
    size_t k;

    memset(w, 0, sizeof *w);
    for (k = 0; k < sizeof streets / sizeof streets[0]; k++)
        wordy_set(w->words, streets[k].w);
    for (k = 0; k < sizeof abbr / sizeof abbr[0]; k++)
        wordy_set(w->words, abbr[k]);
    wordy_set(w->words, "bl"), wordy_set(w->words, "bu"), wordy_set(w->words, "tower");
    for (k = 0; k < sizeof mn_streets / sizeof mn_streets[0]; k++)
        wordy_set(w->next, mn_streets[k].w);
}

/* 1 if a part without a digit (word_part: a street's label and its name,
 * a district's abbreviation, a word before a Mongolian street's word,
 * "block b,") may start at i; asked where the gate of the parts with a
 * digit (gate_addr_part, detect_gate.c) leaves i out.  A test by the
 * words' first two letters: it may say 1 where no part is, never 0
 * where one is. */
static int part_wordy(const struct wordy *w, const char *s, size_t len, size_t i)
{
    size_t e;

    if (wordy_has(w->words, s + i, len - i))
        return 1;
    if ((i > 0 && det_alpha(s[i - 1])) || det_letter_before(s, i))
        return 0;                                  /* no word's start: part_at reads none */
    e = detect_letters(s, len, i);
    return e > i && e + 1 < len && s[e] == ' ' && wordy_has(w->next, s + e + 1, len - e - 1);
}

/* The addresses of s[0..len): merged into d[0..*n) when d is not NULL;
 * and each lone weak part of a unit of ONLY given to fn (start, end) when
 * fn is not NULL.  One pass for both (brief s21: the redactor asked for
 * both of the same text and walked it twice): the two walks go from part
 * to part alike and part only where an address takes a postcode after it
 * (the addresses' walk goes on after the postcode, the other after the
 * address), so each has its own position, id and iu, and a position both
 * reach is read once. */
static int scan_gated(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                      const unsigned char *said, int (*fn)(void *ctx, size_t start, size_t end), void *ctx,
                      const struct gate_map *may, const struct wordy *wordy)
{
    size_t id = d != NULL ? 0 : len, iu = fn != NULL ? 0 : len, i, a, b, e, next, st, g;
    int weight, w, parts, lots;

    while ((i = id < iu ? id : iu) < len) {
        if (((unsigned char)s[i] & 0xC0) == 0x80 || (!gate_has(may, i) && !part_wordy(wordy, s, len, i)) ||
            (b = part_said(s, len, i, &a, &weight, said)) == 0) {
            id += id == i, iu += iu == i;
            continue;
        }
        parts = 1, lots = (weight & LOT) != 0;
        /* The parts that follow, apart by ", ", " ", ";" or nothing. */
        for (;;) {
            next = b;
            next += next < len && (s[next] == ',' || s[next] == ';');
            next += det_starts(s, len, next, "\xd8\x8c") ? 2 : 0;     /* the Arabic comma */
            next += next < len && s[next] == ' ';
            /* "3 khoroo 15-42": a building and a flat joined by a dash
             * after another part. */
            if (next < len && det_digit(s[next]) && (e = part_said(s, len, next, &st, &w, said)) == 0 &&
                (e = house_number(s, len, next)) != 0 && memchr(s + next, '-', e - next) != NULL)
                st = next, w = WEAK;
            else if (next < len && (e = part_said(s, len, next, &st, &w, said)) != 0 && st == next)
                ;
            else if ((g = gap(s, len, next)) == 0 || (e = part_said(s, len, g, &st, &w, said)) == 0 || st != g)
                break;
            b = e, weight |= w, parts++, lots += (w & LOT) != 0;
        }
        if (i == iu) {
            if (!(weight & STRONG) && parts == 1 && (weight & ONLY) && fn(ctx, a, b) != 0)
                return -1;
            iu = b;
        }
        if (i == id) {
            if ((weight & STRONG) || (parts >= 2 && parts > lots)) {
                if (addr_merge(d, n, cap, a, b) != 0)
                    return -1;
                if ((e = postcode_before(s, a, &st)) != 0 && addr_merge(d, n, cap, st, e) != 0)
                    return -1;
                /* Its postcode without a label, a town's name or two apart;
                 * right after it, one span ("а/я 123, 123456 Москва":
                 * report-adv21 A-6). */
                if ((e = postcode_after(s, len, b, &st)) != 0) {
                    if (addr_merge(d, n, cap, st <= b + 2 ? a : st, e) != 0)
                        return -1;
                    b = e;
                }
            }
            id = b;
        }
    }
    return 0;
}

/* scan_gated with its parts started only where one may start: where a
 * digit follows (gate_addr_part) or a word of a part without one stands
 * (part_wordy; brief s29 speed29a). */
static int scan(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                const unsigned char *said, int (*fn)(void *ctx, size_t start, size_t end), void *ctx)
{
    struct gate_map may;
    struct wordy *wordy;
    int rc;

    if ((wordy = malloc(sizeof *wordy)) == NULL)
        return -1;
    if (gate_addr_part(&may, s, len) != 0) {
        free(wordy);
        return -1;
    }
    wordy_make(wordy);
    rc = scan_gated(d, n, cap, s, len, said, fn, ctx, &may, wordy);
    free(may.bits);                 /* not gate_free: no call into detect_gate.c (above) */
    free(wordy);
    return rc;
}

/* Spans found in the view, given back to the caller's fn or collected
 * (start, end in the view). */
struct spans {
    size_t *p, n, cap;
};

static int add_span(void *ctx, size_t start, size_t end)
{
    struct spans *sp = ctx;
    size_t *q;

    if (sp->n + 2 > sp->cap) {
        size_t c = sp->cap ? sp->cap * 2 : 16;
        if ((q = realloc(sp->p, c * sizeof *q)) == NULL)
            return -1;
        sp->p = q, sp->cap = c;
    }
    sp->p[sp->n++] = start, sp->p[sp->n++] = end;
    return 0;
}

/* Scans the view v (detect_address_view.c: Arabic-Indic digits and
 * numbers said in words as ASCII digits) and gives the spans in the
 * text's offsets to merge (d not NULL) and to fn (not NULL), as scan
 * does.  0, or -1 out of memory or when fn returned non-zero. */
static int scan_view(const struct addr_view *v, struct detection **d, size_t *n, size_t *cap,
                     int (*fn)(void *ctx, size_t start, size_t end), void *ctx)
{
    struct detection *td = NULL;
    size_t tn = 0, tcap = 0, k;
    struct spans sp = { NULL, 0, 0 };
    int rc;

    rc = scan(d != NULL ? &td : NULL, &tn, &tcap, v->t, v->m, v->said, fn != NULL ? add_span : NULL, &sp);
    for (k = 0; k < tn && rc == 0; k++)
        if (td[k].kind == DETECT_ADDRESS)
            rc = addr_merge(d, n, cap, v->from[td[k].start], v->to[td[k].end - 1]);
    for (k = 0; k + 1 < sp.n && rc == 0; k += 2)
        rc = fn(ctx, v->from[sp.p[k]], v->to[sp.p[k + 1] - 1]);
    free(td), free(sp.p);
    return rc;
}

int detect_addresses_in(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                        const struct addr_view *v, int (*fn)(void *ctx, size_t start, size_t end),
                        void *ctx)
{
    return v == NULL ? scan(d, n, cap, s, len, NULL, fn, ctx) : scan_view(v, d, n, cap, fn, ctx);
}

int detect_addresses(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                     int (*fn)(void *ctx, size_t start, size_t end), void *ctx)
{
    struct addr_view v;
    int rc = addr_view_make(&v, s, len);

    if (rc < 0)
        return -1;
    rc = detect_addresses_in(d, n, cap, s, len, rc > 0 ? &v : NULL, fn, ctx);
    addr_view_free(&v);
    return rc;
}

int detect_address_unsure(const char *s, size_t len, int (*fn)(void *ctx, size_t start, size_t end),
                          void *ctx)
{
    return detect_addresses(NULL, NULL, NULL, s, len, fn, ctx);
}
