/* One part of a home address at a byte offset of the norm view (the
 * scan in detect_address.c glues parts into addresses; its header lists
 * the shapes by language): a unit word with its number (хороо, байр,
 * тоот, кв., дом, 호, 층, 号楼, Apt, Flat, Block, inminban), a street with
 * its number (ул. Тверская 5, 테헤란로 123, 221b Baker Street, Jalan
 * Ampang), a Korean lot (역삼동 737-32, 산 12-3), a post-office box, an
 * Ulaanbaatar district's abbreviation.  The unit words are written in the
 * tables below, from the address formats of each country's post (brief
 * s20 addr20, report-adv17a D-37, docs/VARIANTS.md "Session 20:
 * addresses"). */
#include <stdlib.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/detect_address_int.h"

struct part {
    size_t end;
    int weight;
};

struct unit {
    const char *w;
    int weight;
};

static int han(int cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF); }

/* A house or flat number at i: digits, a "-" or "/" and digits ("737-32",
 * "3/4"), a letter glued ("221b", "15а", "4b"); its end, or 0 when a
 * letter or a digit follows. */
size_t addr_house_number(const char *s, size_t len, size_t i)
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

/* A Korean flat's or room's number by its words at i, right after the
 * number or one space after it: 호실 (a room's number: "35호실에"), or 호
 * with 에 or 에서 and a verb of staying after ("35 호에 살았어요", "삼십오
 * 호에서 지냈다": adv42 L-38, L-39; brief s43 num43), with 로 or 으로 and
 * a verb of moving after ("삼백오 호로 이사했다": adv41 L-72), or with the
 * copula glued ("이백일 호였다", "201 호입니다": adv41 L-86; brief s44
 * lead44), the verbs of moving after 에 and 에서 too; its end (after 호실 or 호: the particle stays out), or 0.  The
 * verbs' stems (살 live, with its forms 사는, 사시, 사세, 삽니 that drop
 * the ㄹ; 묵 stay, 머물 stay, 지내/지냈 spend time, 거주 reside, 있 be;
 * 이사 move house, 옮기/옮겼 move, 들어가/들어갔 go in, 입주 move in, and
 * 왔, 와서, 오셨 came, 나왔, 나와 came out: "구백구호에서 왔어요",
 * "삼백 삼 호에 사는": report-adv45 L-16, L-31) and the copula's forms (였, 이었, 입니, 이다, 예요, 이에요)
 * written by hand; they want a native reviewer.  One adverb of manner
 * or time may stand before the verb (같이, 함께 together, 혼자 alone,
 * 오래, 오랫동안 long, 잠시, 잠깐 a while, 계속 on: "사십이 호에서 같이
 * 살았어요", report-adv44 L-25).  A bare "3호" stays weak (an issue, a
 * case number). */
static size_t ko_room(const char *s, size_t len, size_t i)
{
    static const char *const verbs[] = { "살", "사는", "사시", "사세", "삽니", "묵", "머물", "머무", "지내", "지냈", "거주", "있" };
    static const char *const moves[] = { "이사", "옮기", "옮겼", "들어가", "들어갔", "입주", "왔", "와서", "오셨", "나왔", "나와" };
    static const char *const copula[] = { "였", "이었", "입니", "이다", "예요", "이에요" };
    static const char *const adverbs[] = { "같이", "함께", "혼자", "오랫동안", "오래", "잠시", "잠깐", "계속" };
    size_t j = i + (i < len && s[i] == ' '), k, e;
    const char *const *list = verbs;
    size_t nlist = sizeof verbs / sizeof verbs[0];

    if (!det_starts(s, len, j, "호"))
        return 0;
    if (det_starts(s, len, j + 3, "실"))
        return ko_particle_or_none(s, len, j + 6) ? j + 6 : 0;
    e = j += 3;                                     /* the particle stays out: "[ADDRESS-1]에 있다" */
    for (k = 0; k < sizeof copula / sizeof copula[0]; k++)
        if (det_starts(s, len, j, copula[k]))
            return e;
    if (det_starts(s, len, j, "에서"))
        j += 6;
    else if (det_starts(s, len, j, "에"))
        j += 3;
    else if (det_starts(s, len, j, "으로"))
        j += 6, list = moves, nlist = sizeof moves / sizeof moves[0];
    else if (det_starts(s, len, j, "로"))
        j += 3, list = moves, nlist = sizeof moves / sizeof moves[0];
    else
        return 0;
    if (j + 1 >= len || s[j] != ' ')
        return 0;
    for (k = 0; k < sizeof adverbs / sizeof adverbs[0]; k++)
        if (det_starts(s, len, j + 1, adverbs[k]) && j + 1 + strlen(adverbs[k]) < len &&
            s[j + 1 + strlen(adverbs[k])] == ' ') {
            j += 1 + strlen(adverbs[k]);
            break;
        }
    for (k = 0; k < nlist; k++)
        if (det_starts(s, len, j + 1, list[k]))
            return e;
    for (k = 0; list == verbs && k < sizeof moves / sizeof moves[0]; k++)
        if (det_starts(s, len, j + 1, moves[k]))
            return e;                               /* "305 호에 입주했다" */
    return 0;
}

/* A Korean flat's number after its label 호수 (the unit's number) and
 * its particle (는 은 가 이), then a space: digits (the view's, for a
 * number said: "호수는 삼백이 번이에요", "호수가 오백이예요": report-adv45
 * L-14, L-30), maybe 번 (number) glued or after a space, and then the
 * copula glued (예요 이에요 입니 이다 였 이었), or the sentence's end; its
 * end (the number's, or 번's), or 0.  호수 is also a lake: "호수는 300
 * 미터 거리예요" has a word between, and stays. */
static size_t ko_unit_label(const char *s, size_t len, size_t i)
{
    /* 호수 (the unit's number), 호실 (a room), and a bed's or a room's
     * word with 번호 (number) or with 번 after the digits ("기숙사 호실
     * 412", "침대 3번을 썼다": session 53, report-adv52 L-19, adv52b
     * L-2); a bed alone (침대) only with 번 and a particle, a copula or
     * the end after it ("침대 3개" counts beds, "침대 3번 바꿨다" is three
     * times).  Written by us from the Standard Korean Dictionary's
     * entries (stdict.korean.go.kr). */
    static const char *const labels[] = { "호수", "호실번호", "호실", "침대번호", "방번호", "침대" };
    static const char *const particles[] = { "는 ", "은 ", "가 ", "이 ", " " };
    static const char *const copula[] = { "예요", "이에요", "입니", "이다", "였", "이었" };
    static const char *const after[] = { "을", "를", "이", "가", "은", "는", "에", "의", "도" };
    size_t j, n, k, e, l;
    int bed, numbered = 0;

    for (l = 0; l < sizeof labels / sizeof labels[0] && !det_starts(s, len, i, labels[l]); l++)
        ;
    if (l == sizeof labels / sizeof labels[0])
        return 0;
    bed = l == sizeof labels / sizeof labels[0] - 1;
    for (j = i + strlen(labels[l]), k = 0; k < sizeof particles / sizeof particles[0]; k++)
        if (det_starts(s, len, j, particles[k])) {
            j += strlen(particles[k]);
            break;
        }
    if (k == sizeof particles / sizeof particles[0] || (n = det_digits(s, len, j)) == 0 || n > 5)
        return 0;
    e = j + n;
    if (det_starts(s, len, e, "번"))
        e += 3, numbered = 1;
    else if (det_starts(s, len, e, " 번"))
        e += 4, numbered = 1;
    if (bed && !numbered)
        return 0;
    if (e >= len || strchr(".!?,", s[e]) != NULL)
        return e;
    for (k = 0; k < sizeof copula / sizeof copula[0]; k++)
        if (det_starts(s, len, e, copula[k]) || (l > 0 && s[e] == ' ' && det_starts(s, len, e + 1, copula[k])))
            return e;                               /* "호실 305 였다": a room's number, no lake's */
    for (k = 0; numbered && k < sizeof after / sizeof after[0]; k++)
        if (det_starts(s, len, e, after[k]))
            return e;
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
    static const struct unit ko_spaced[] = { { "\xec\x9d\xb8\xeb\xaf\xbc\xeb\xb0\x98", WEAK | ONLY } };
    static const struct unit zh[] = {
        { "\xe5\x8f\xb7\xe6\xa5\xbc", WEAK }, { "\xe8\x99\x9f\xe6\xa8\x93", WEAK }, { "\xe6\xa0\x8b", WEAK }, { "\xe6\xa3\x9f", WEAK }, { "\xe5\xb9\xa2", WEAK },
        { "\xe5\x8d\x95\xe5\x85\x83", WEAK }, { "\xe5\x96\xae\xe5\x85\x83", WEAK }, { "\xe5\xb1\x82", WEAK }, { "\xe5\xb1\xa4", WEAK }, { "\xe5\xae\xa4", STRONG },
        /* 人民班 (inminban), then 号 號 alone: a house after another part
         * ("5人民班12号"); "3月3号" alone is a date and stays. */
        { "\xe4\xba\xba\xe6\xb0\x91\xe7\x8f\xad", WEAK | ONLY },
        /* 号室 (號室): a room's or a flat's number in Japanese ("302号室":
         * report-adv47 L-19), never a count; before 号 alone */
        { "号室", STRONG }, { "號室", STRONG }, { "\xe5\x8f\xb7", WEAK }, { "\xe8\x99\x9f", WEAK },
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
    /* тоот (toot) names a flat's number: what stands before it is no
     * count, said or not ("гучин тав тоот": adv42 L-36; KEEP) */
    if (j < len && s[j] == ' ' && (e = unit_at(s, len, j + 1, mn, sizeof mn / sizeof mn[0], 1, weight)) != 0) {
        /* a count of flats: bare тоот, then "there are" ("жаран тоот
         * бий", "60 тоот байдаг": report-adv45 O-52) */
        if (e == j + 1 + strlen("тоот") && det_starts(s, len, j + 1, "тоот") &&
            (det_starts(s, len, e, " бий") || det_starts(s, len, e, " байдаг") || det_starts(s, len, e, " байна")))
            return 0;
        return *weight |= (*weight & STRONG) ? KEEP : 0, e;
    }
    if (j < len && s[j] == ' ' &&
        (e = unit_at(s, len, j + 1, mn_latin, sizeof mn_latin / sizeof mn_latin[0], 1, weight)) != 0)
        return e;
    /* "3 인민반": the unit spaced from its number (report-adv52b L-4), as
     * "5 inminban" is: a weak part, a review flag alone */
    if (j < len && s[j] == ' ' && (e = unit_at(s, len, j + 1, ko_spaced, 1, 1, weight)) != 0)
        return e;
    if ((e = ko_room(s, len, i)) != 0)
        return *weight = STRONG | KEEP, e;
    /* "12번 방이었다" (detect_address_flat.c) */
    if ((e = addr_ko_numbered_room(s, len, i - ndigits)) != 0)
        return *weight = STRONG | KEEP, e;
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
int addr_en_stop(const char *s, size_t i, size_t e)
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
        if (e == w || addr_en_stop(s, w, e) || (e < len && det_letter_at(s, len, e)))
            return 0;
        if (k > 0 && (x = unit_at(s, len, w, types, sizeof types / sizeof types[0], 0, &weight)) != 0)
            return x + 1 < len && s[x] == ' ' && det_digit(s[x + 1]) && det_digits(s, len, x + 1) <= 4 ?
                   addr_house_number(s, len, x + 1) : 0;
        if (e >= len || s[e] != ' ')
            return 0;
        w = e + 1;
    }
    return 0;
}


/* 221b Baker Street: a house number, one to three words, a street type. */
static size_t en_street(const char *s, size_t len, size_t i)
{
    size_t j = addr_house_number(s, len, i), w, e;
    int k, weight;

    if (j == 0 || j >= len || s[j] != ' ')
        return 0;
    for (k = 0; k < 3; k++) {
        w = j + 1;
        e = w;
        while (e < len && det_alpha(s[e]))
            e++;
        if (e == w || addr_en_stop(s, w, e) || (e < len && det_letter_at(s, len, e)))
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

    if ((e = addr_postcode_labelled(s, len, i)) != 0)
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
    if ((e = addr_flat_after_ordinal(s, len, j)) != 0 || (e = addr_flat_after_spaced(s, len, i, j)) != 0)
        return *weight = STRONG | KEEP, e;
    if ((e = number_unit(s, len, j, n, weight)) != 0) {
        /* Sinam-guyok 5-ban, Jung-gu 101-dong: a Korean unit in Latin
         * letters after a district's word. */
        if (s[j] == '-' && det_letter_at(s, len, j + 1) && addr_ko_latin_admin_before(s, len, i))
            *weight = STRONG;
        /* 역삼1동: a dong's number glued inside its name; the name too
         * (report-adv21 A-4). */
        if (det_starts(s, len, j, "\xeb\x8f\x99") && addr_hangul(det_cp_before(s, i, &r)))
            for (*start = i; addr_hangul(det_cp_before(s, *start, &r));)
                *start -= r;
        return e;
    }
    /* 15а тоот */
    if ((e = addr_house_number(s, len, i)) > j && (r = number_unit(s, len, e, n, weight)) != 0)
        return r;
    if (!det_letter_before(s, i) && (e = en_street(s, len, i)) != 0)
        return *weight = STRONG, e;
    /* 123 Sejong-daero: a number before a Korean road in Latin letters. */
    if (j + 1 < len && s[j] == ' ' && (e = addr_ko_latin_road(s, len, j + 1)) != 0)
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
    return addr_house_number(s, len, j);
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
    while ((cp = det_cp_before(s, j, &n)) >= 0 && addr_hangul(cp))
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
/* After a unit's word and its space, what may stand before its number:
 * a dash and a space ("квартиры — восемьдесят один", "пәтері — елу бес":
 * report-adv44 L-132, L-24), then the word number (Russian номер: adv42
 * L-32, L-63; Kazakh нөмірі, Mongolian дугаар: adv44 L-95, L-73) or the
 * Mongolian topic particle нь ("Тоот нь дөчин гурав": adv44 L-53); the
 * number's start. */
static size_t unit_between(const char *s, size_t len, size_t x)
{
    static const char *const marks[] = { "\xe2\x80\x94 ", "\xe2\x80\x93 ", "- " }; /* — – - */
    static const char *const words[] = { "номер ", "нөмірі ", "нөмері ", "дугаар ", "нь " };
    size_t k;

    for (k = 0; k < sizeof marks / sizeof marks[0]; k++)
        if (det_starts(s, len, x, marks[k])) {
            x += strlen(marks[k]);
            break;
        }
    for (k = 0; k < sizeof words / sizeof words[0]; k++)
        if (det_starts(s, len, x, words[k]))
            return x + strlen(words[k]);
    return x;
}

/* A part that starts with a word at i. */
static size_t word_part(const char *s, size_t len, size_t i, int *weight)
{
    /* Units: a label, then a number. */
    static const struct unit units[] = {
        /* the flat's short form with a hyphen, its case forms (кв-ра,
         * кв-ре, кв-ру, кв-ры, кв-рой: report-adv45 L-32), before "кв",
         * which would take its first two letters */
        { "кв-ра", STRONG }, { "кв-ре", STRONG }, { "кв-ру", STRONG }, { "кв-ры", STRONG }, { "кв-рой", STRONG },
        { "\xd0\xba\xd0\xb2.", STRONG }, { "\xd0\xba\xd0\xb2", STRONG }, { "\xd0\xba\xd0\xb2\xd0\xb0\xd1\x80\xd1\x82\xd0\xb8\xd1\x80\xd0\xb0", STRONG }, { "\xd0\xba\xd0\xb2\xd0\xb0\xd1\x80\xd1\x82\xd0\xb8\xd1\x80\xd0\xb5", STRONG },
        { "\xd0\xba\xd0\xb2\xd0\xb0\xd1\x80\xd1\x82\xd0\xb8\xd1\x80\xd1\x8b", STRONG }, { "\xd0\xb4.", WEAK }, { "\xd0\xb4", WEAK }, { "\xd0\xb4\xd0\xbe\xd0\xbc", WEAK }, { "\xd0\xb4\xd0\xbe\xd0\xbc\xd0\xb5", WEAK },
        { "\xd0\xba\xd0\xbe\xd1\x80\xd0\xbf.", WEAK }, { "\xd0\xba\xd0\xbe\xd1\x80\xd0\xbf\xd1\x83\xd1\x81", WEAK }, { "\xd1\x81\xd1\x82\xd1\x80.", WEAK }, { "\xd1\x81\xd1\x82\xd1\x80\xd0\xbe\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5", WEAK },
        { "apt.", STRONG }, { "apt", STRONG }, { "apartment", STRONG }, { "flat", STRONG },
        { "suite", STRONG }, { "ste", WEAK }, { "unit", WEAK }, { "room", WEAK }, { "rm", WEAK },
        { "blk", WEAK }, { "block", WEAK }, { "no.", WEAK }, { "lot", WEAK },
        { "building", WEAK }, { "bldg", WEAK },
        /* the flat's other case forms, Russian and Ukrainian (квартиру,
         * квартирой; квартирі, квартири, квартирою: adv42 L-31, brief s43
         * num43) */
        { "квартиру", STRONG }, { "квартирой", STRONG }, { "квартирі", STRONG }, { "квартири", STRONG },
        { "квартирою", STRONG },
        /* the flat's diminutive квартирка in its case forms (квартирку,
         * квартирке, квартирки, квартиркой), and the colloquial хата
         * (flat, pad: хату, хате, хаты, хатой) with the Ukrainian хаті,
         * хатою, in Russian grammar and usage (report-adv45 L-17, L-33);
         * a count after them keeps its number ("на хате два дня":
         * detect_address.c, said_alone) */
        { "квартирка", STRONG }, { "квартирку", STRONG }, { "квартирке", STRONG }, { "квартирки", STRONG },
        { "квартиркой", STRONG }, { "хата", STRONG }, { "хату", STRONG }, { "хате", STRONG },
        { "хаты", STRONG }, { "хатой", STRONG }, { "хаті", STRONG }, { "хатою", STRONG },
        /* хата's diminutive хатка in its Russian and Ukrainian case
         * forms (хатку, хатке, хатки, хаткой; хатці, хаткою: report-adv46b
         * L-7, "Знімали хатку 12") */
        { "хатка", STRONG }, { "хатку", STRONG }, { "хатке", STRONG }, { "хатки", STRONG },
        { "хаткой", STRONG }, { "хатці", STRONG }, { "хаткою", STRONG },
        /* the other diminutives of хата in their singular case forms:
         * Russian хаточка (хаточку, хаточке, хаточки, хаточкой),
         * Ukrainian хатинка (хатинку, хатинці, хатинки, хатинкою) and
         * хатина (хатину, хатині, хатини, хатиною), and Ukrainian
         * квартирка's квартирці, квартиркою (Russian and Ukrainian
         * grammar, the diminutive's first declension; report-adv47 L-22,
         * L-23: "в хатинці 14", "в хаточке номер 9") */
        { "хаточка", STRONG }, { "хаточку", STRONG }, { "хаточке", STRONG }, { "хаточки", STRONG },
        { "хаточкой", STRONG }, { "хатинка", STRONG }, { "хатинку", STRONG }, { "хатинці", STRONG },
        { "хатинки", STRONG }, { "хатинкою", STRONG }, { "хатина", STRONG }, { "хатину", STRONG },
        { "хатині", STRONG }, { "хатини", STRONG }, { "хатиною", STRONG }, { "квартирці", STRONG },
        { "квартиркою", STRONG },
        /* Kazakh: пәтер (flat) and its case forms (locative, dative,
         * ablative, accusative, genitive, possessive: "пәтер 35-те",
         * "пәтері 12"), үй (house) as дом (brief s44 lead44, adv42 L-34) */
        { "пәтер", STRONG }, { "пәтерде", STRONG }, { "пәтерге", STRONG }, { "пәтерден", STRONG },
        { "пәтерді", STRONG }, { "пәтердің", STRONG }, { "пәтері", STRONG }, { "пәтерім", STRONG },
        /* our, your flat (adv44 L-131: "Пәтеріміз жиырма екі") */
        { "пәтеріміз", STRONG }, { "пәтерің", STRONG }, { "пәтеріңіз", STRONG },
        { "үй", WEAK }, { "үйі", WEAK },
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
        { "тоотын", STRONG },                      /* the flat's (genitive): "Тоотын дугаар 43" (adv44 L-73) */
        /* Arabic (Kuwait): block, street, avenue, house, house, building,
         * building, floor, plot; flat is a household. */
        { "\xd9\x82\xd8\xb7\xd8\xb9\xd8\xa9", WEAK }, { "\xd8\xb4\xd8\xa7\xd8\xb1\xd8\xb9", WEAK }, { "\xd8\xac\xd8\xa7\xd8\xaf\xd8\xa9", WEAK }, { "\xd9\x85\xd9\x86\xd8\xb2\xd9\x84", WEAK }, { "\xd8\xa8\xd9\x8a\xd8\xaa", WEAK },
        { "\xd9\x85\xd8\xa8\xd9\x86\xd9\x89", WEAK }, { "\xd8\xb9\xd9\x85\xd8\xa7\xd8\xb1\xd8\xa9", WEAK }, { "\xd8\xb7\xd8\xa7\xd8\xa8\xd9\x82", WEAK }, { "\xd9\x82\xd8\xb3\xd9\x8a\xd9\x85\xd8\xa9", WEAK }, { "\xd8\xb4\xd9\x82\xd8\xa9", STRONG },
    };
    size_t e, x, n;
    int cp, last, dummy, lot;

    if (s[i] == '#' && det_digits(s, len, i + 1) >= 1 && (e = addr_house_number(s, len, i + 1)) != 0 &&
        memchr(s + i, '-', e - i) != NULL)
        return *weight = STRONG, e;                 /* #03-12 */
    if ((e = addr_postcode_labelled(s, len, i)) != 0)
        return *weight = STRONG | LABEL, e;
    if ((e = en_street_number_after(s, len, i)) != 0)
        return *weight = STRONG, e;
    /* Yeoksam-dong 123-45; Gangnam-gu, Sinam-guyok: a district, weak. */
    if ((e = addr_ko_latin_admin(s, len, i, &lot)) != 0) {
        if (lot && (x = ko_latin_lot(s, len, e, weight)) != 0) {
            if (addr_ko_latin_admin_before(s, len, i))
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
    if ((e = addr_ko_latin_road(s, len, i)) != 0 && (x = number_after(s, len, e)) != 0)
        return *weight = STRONG, x;
    if ((e = postbox(s, len, i)) != 0)
        return *weight = STRONG | LABEL, e;
    /* B5 S12 H34; box number 1234 at the main post office */
    if ((e = addr_kw_letters(s, len, i)) != 0)
        return *weight = STRONG, e;
    if ((e = addr_box_number(s, len, i)) != 0)
        return *weight = STRONG | LABEL, e;
    if ((e = ko_unit_label(s, len, i)) != 0)
        return *weight = STRONG | KEEP, e;
    /* a room's number where someone stayed (detect_address_flat.c;
     * report-adv48 L-20, L-23) */
    if ((e = addr_room_part(s, len, i)) != 0)
        return *weight = STRONG, e;
    if ((e = unit_at(s, len, i, units, sizeof units / sizeof units[0], 0, weight)) != 0) {
        /* "St. 12" (the unit "st" read before "st."), "хороо-3, байр-15,
         * тоот-42" (report-adv21 A-5, A-6) */
        x = e + (e < len && (s[e] == '.' || s[e] == ':'));
        x += x < len && (s[x] == ' ' || (s[x] == '-' && x + 1 < len && det_digit(s[x + 1])));
        x = unit_between(s, len, x);
        if (det_starts(s, len, x, "no. ") || det_starts(s, len, x, "no "))
            x += s[x + 2] == '.' ? 4 : 3;
        else if (det_starts(s, len, x, "no") && x + 2 < len && det_digit(s[x + 2]))
            x += 2;                                 /* "буд.№5": № is "no" in the norm view */
        x += x < len && s[x] == '#';
        if (x < len && det_digit(s[x]) && (n = addr_house_number(s, len, x)) != 0) {
            /* "квартирці 1 2": dictated digit by digit (report-adv48 L-24) */
            if ((*weight & STRONG) && (e = addr_spaced_digits_end(s, len, x)) > n)
                return e;
            /* Apartment 101-dong: the number's own unit after it. */
            if (n < len && s[n] == '-' && (e = number_unit(s, len, n, n - x, &dummy)) != 0)
                return *weight |= dummy, e;
            return n;
        }
        /* "квартире 47th": an ordinal the view wrote for one said
         * ("сорок седьмой", "тридцать пятая": adv42 L-28, L-29) */
        if (x < len && det_digit(s[x]) && (n = det_digits(s, len, x)) <= 4 && det_starts(s, len, x + n, "th") &&
            !det_letter_at(s, len, x + n + 2))
            return x + n + 2;
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
            return (n = addr_house_number(s, len, x)) != 0 ? (*weight = STRONG, n) : 0;
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
    if ((cp = det_cp_at(s, len, i, &n)) >= 0 && addr_hangul(cp)) {
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
size_t addr_part_at(const char *s, size_t len, size_t i, size_t *start, int *weight)
{
    *start = i;
    if (det_digit(s[i]))
        return i > 0 && det_digit(s[i - 1]) ? 0 : number_part(s, len, i, start, weight);
    if (det_letter_before(s, i) || (s[i] != '#' && !det_letter_at(s, len, i)))
        return 0;
    return word_part(s, len, i, weight);
}

const char *addr_part_word(int next, size_t k)
{
    size_t nstreets = sizeof streets / sizeof streets[0], nabbr = sizeof abbr / sizeof abbr[0];

    if (next)
        return k < sizeof mn_streets / sizeof mn_streets[0] ? mn_streets[k].w : NULL;
    if (k < nstreets)
        return streets[k].w;
    return k - nstreets < nabbr ? abbr[k - nstreets] : NULL;
}
