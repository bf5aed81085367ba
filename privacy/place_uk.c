/* The Ukrainian forms of a place's name (place_uk.h). */
#include "privacy/place_uk.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"

#define UK_MAX 40                   /* letters of a name looked at */

enum {
    C_A = 0x430, C_IE = 0x435, C_ZHE = 0x436, C_O = 0x43E, C_SHORT_I = 0x439, C_CHE = 0x447,
    C_SHA = 0x448, C_SHCHA = 0x449, C_SOFT = 0x44C, C_YE = 0x454, C_UK_I = 0x456, C_YI = 0x457,
    C_KA = 0x43A, C_ES = 0x441, C_TSE = 0x446, C_YA = 0x44F, C_Y = 0x438, C_TE = 0x442,
    C_GHE = 0x433, C_ZE = 0x437, C_HA = 0x445,
};

static const char *const case_hard[] = { "а", "у", "ом", "ові", "і", "е" };
static const char *const case_soft[] = { "я", "ю", "ем", "еві", "і" };
static const char *const region[] = { "щина", "щини", "щині", "щину", "щиною", "щины", "щине",
                                      "щиной" };
static const char *const region_tail[] = { "ина", "ини", "ині", "ину", "иною", "ины", "ине",
                                           "иной" };
/* The first declension (а/я) and the plural (и/і) of a place (brief s26
 * place26): gen. -и/-і, dat./loc. -і, acc. -у/-ю, instr. -ою/-ею, voc.
 * -о/-е; the plural's gen. -ів, dat. -ам, instr. -ами, loc. -ах. */
static const char *const case_first[] = { "и", "і", "у", "ю", "ою", "ею", "о", "е" };
static const char *const case_plural[] = { "ів", "ам", "ами", "ах" };
static const char *const case_neuter[] = { "а", "у", "ом", "і", "ові", "е" };
static const char *const adj_ends[] = { "ий", "а", "е", "ого", "ому", "ій", "их", "им", "ою",
                                        "у", "ими", "і", "ої" };
/* Demonyms: одесит, одеситка (unsure); вінничанин, вінничанка;
 * харків'янин, харків'янка; кропивничанин; краматорчанин (sure); the
 * -анин noun in its Ukrainian and Russian cases and plurals (-ани, -ане,
 * -ан), the -анка noun in its cases, as Ukrainian and Russian grammar
 * decline them (brief s32 place32: the author's knowledge, wants a
 * native reviewer).  An ending is written after the stem's -ан-, -ян- or
 * -чан- (demonym_an_ends below, with the letters before it). */
static const char *const demonym_it[] = { "ит", "ита", "итка", "итки", "ити", "итів" };
static const char *const demonym_an_ends[] = {
    "ин", "ина", "ину", "инові", "ином", "иною", "ині", "ине", "и", "е", "ам", "ами", "ах",
    "ка", "ки", "ці", "ку", "кою", "кой", "ке", "ок", "ко",
};
/* Demonyms in -ець, -чанин of a consonant stem (полтавець, сумчанин;
 * brief s27 place27): review flags. */
static const char *const demonym_chan[] = {
    "чанин", "чанина", "чанину", "чанином", "чанка", "чанки", "чанці", "чанку", "чани", "чане",
    "чан", "чанам", "чанами",
};
static const char *const demonym_ets[] = {
    "ець", "ця", "цю", "цем", "ців", "ец", "ца", "цу", "цы", "цев", "цам",     /* and ці: emit_ets */
};
/* The feminine of an -ець demonym, -ка in its Ukrainian and Russian cases
 * (кировоградка, єлисаветградка: report-adv32 L-19), only of a sure stem
 * not in -в (emit_ets: Суми's сумка is a bag; Миколаїв + -ка is
 * Миколаївка, another place, as Олександрівка and Петрівка are). */
static const char *const demonym_ka[] = { "ка", "ки", "ці", "ку", "кою", "кой", "ке", "ок", "кам", "ками" };
/* The Russian adjective's endings after -ск- (днепровский, днепровской). */
static const char *const adj_ru[] = { "ий", "ая", "ое", "ого", "ому", "ой", "ом", "ую", "ие",
                                      "их", "им", "ими" };
static const char *const adjective[] = { "ський", "ська", "ське", "ського", "ському", "ській",
                                         "ських", "ським", "ською", "ську", "ськими", "ські", "ської" };

static int adjectives_ov(const int *s, int n, place_uk_fn fn, void *ctx);

static int uk_vowel(int c)
{
    static const int v[] = { 0x430, 0x435, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F,
                             0x451, C_YE, C_UK_I, C_YI };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (c == v[i])
            return 1;
    return 0;
}

static int cyr_letter(int c)
{
    return (c >= 0x430 && c <= 0x45F) || c == 0x491;
}

int place_uk_emit(const int *cp, int n, const char *const *ends, size_t ne, place_uk_fn fn, void *ctx)
{
    char buf[(UK_MAX + 2) * 4 + 32];  /* a stem may grow by two letters (a doubled consonant) */

    if (n < 0 || n > UK_MAX + 2)
        return 0;
    size_t at = 0;
    int rc = 0;

    for (int i = 0; i < n; i++)
        at += (size_t)utf8proc_encode_char(cp[i], (utf8proc_uint8_t *)buf + at);
    for (size_t k = 0; rc == 0 && k < ne; k++) {
        size_t el = strlen(ends[k]);
        memcpy(buf + at, ends[k], el);
        rc = fn(ctx, buf, at + el);
    }
    sodium_memzero(buf, sizeof buf);
    return rc;
}

/* The Ukrainian national romanisation (Cabinet of Ministers resolution
 * 55 of 2010) of a lower-case letter, as the author knew it: NULL for
 * none.  Word-initial є ї й ю я (ye yi y yu ya) are not needed here. */
static const char *roman(int c)
{
    static const char *const t[] = {
        "a", "b", "v", "h", "d", "e", "zh", "z", "y", "i", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia",
    };
    if (c >= 0x430 && c <= 0x44F)
        return t[c - 0x430];
    return c == C_UK_I ? "i" : c == C_YI ? "i" : c == C_YE ? "ie" : c == 0x491 ? "g" : NULL;
}

/* Calls fn with the Latin spelling of b[0..m) + each of ends (Latin):
 * the adjective as the oblast's English name writes it (Odeska oblast,
 * Vinnytska oblast; report-adv25b C-8). */
static int emit_latin(const int *b, int m, const char *const *ends, size_t ne, place_uk_fn fn,
                      void *ctx)
{
    char buf[UK_MAX * 4 + 32];
    size_t at = 0;
    int rc = 0;

    for (int i = 0; i < m; i++) {
        const char *r = roman(b[i]);
        if (r == NULL)
            return 0;
        memcpy(buf + at, r, strlen(r));
        at += strlen(r);
    }
    for (size_t k = 0; rc == 0 && k < ne; k++) {
        size_t el = strlen(ends[k]);
        memcpy(buf + at, ends[k], el);
        rc = fn(ctx, buf, at + el);
    }
    sodium_memzero(buf, sizeof buf);
    return rc;
}

/* Where the stem b[0..m) ends in г ж з (a doubled жж too), к ч, or х ш,
 * the consonant and the с of -ський merge: -зький (Запоріжжя:
 * запорізький; Прага: празький), -цький (Кременчук: кременчуцький),
 * -ський (the rule as Ukrainian grammar gives it, written from the
 * author's knowledge: wants a native reviewer; brief s30 slav30).  0 or
 * fn's non-zero answer. */
static int adjective_alternating(int *b, int m, place_uk_fn fn, void *ctx)
{
    int last = b[m - 1], with;

    if (last == C_ZHE || last == C_GHE || last == C_ZE)
        with = C_ZE;
    else if (last == C_KA || last == C_CHE)
        with = C_TSE;
    else if (last == C_HA || last == C_SHA)
        with = C_ES;
    else
        return 0;
    while (m > 3 && b[m - 1] == last && b[m - 2] == last)
        m--;                        /* Запоріжжя: запоріж- */
    if (m < 4)
        return 0;
    b[m - 1] = with;
    b[m++] = C_SOFT;
    b[m++] = C_KA;
    return place_uk_emit(b, m, adj_ends, sizeof adj_ends / sizeof adj_ends[0], fn, ctx);
}

/* The adjective of stem s[0..n): -ський, but -цький/-ський where the
 * stem ends in ц or с (Вінниця: вінницький; Одеса: одеський) and the
 * endings alone after a stem in -ськ or -цьк (Франківськ: франківський). */
static int adjectives(const int *s, int n, place_uk_fn fn, void *ctx)
{
    int b[UK_MAX + 3], m = n;

    int rc;

    if ((rc = adjectives_ov(s, n, fn, ctx)) != 0)
        return rc;
    memcpy(b, s, sizeof *s * (size_t)n);
    if (n >= 3 && s[n - 1] == C_KA && s[n - 2] == C_SOFT && (s[n - 3] == C_ES || s[n - 3] == C_TSE))
        return place_uk_emit(b, m - 3, adjective, sizeof adjective / sizeof adjective[0], fn, ctx);
    static const char *const latin_s[] = { "ska", "skyi", "ske", "skoi" };
    static const char *const latin_k[] = { "ka", "kyi", "ke", "koi" };

    if (s[n - 1] == C_TSE || s[n - 1] == C_ES) {
        if ((rc = emit_latin(b, m, latin_k, 4, fn, ctx)) != 0)
            return rc;
        b[m++] = C_SOFT;
        b[m++] = C_KA;
        return place_uk_emit(b, m, adj_ends, sizeof adj_ends / sizeof adj_ends[0], fn, ctx);
    }
    if ((rc = emit_latin(b, m, latin_s, 4, fn, ctx)) != 0)
        return rc;
    if ((rc = place_uk_emit(b, m, adjective, sizeof adjective / sizeof adjective[0], fn, ctx)) != 0)
        return rc;
    return adjective_alternating(b, m, fn, ctx);
}

/* The adjective of a stem ending in a consonant and р (Дніпр-о, Днепр):
 * -ов- before the suffix, Ukrainian -овський (дніпровський) and Russian
 * -овский (днепровской) in their genders and cases (brief s31 place31,
 * report-adv30 L-9; Ukrainian and Russian word formation as the author
 * knew it: wants a native reviewer).  0 or fn's non-zero answer. */
static int adjectives_ov(const int *s, int n, place_uk_fn fn, void *ctx)
{
    int b[UK_MAX + 5], rc;

    if (n < 4 || n > UK_MAX || s[n - 1] != 0x440 || uk_vowel(s[n - 2]) || !cyr_letter(s[n - 2]))
        return 0;
    memcpy(b, s, sizeof *s * (size_t)n);
    b[n] = C_O, b[n + 1] = 0x432;
    if ((rc = place_uk_emit(b, n + 2, adjective, sizeof adjective / sizeof adjective[0], fn, ctx)) != 0)
        return rc;
    b[n + 2] = C_ES, b[n + 3] = C_KA;
    return place_uk_emit(b, n + 4, adj_ru, sizeof adj_ru / sizeof adj_ru[0], fn, ctx);
}

/* The region named from stem s[0..n): -щина, but -ччина after ц
 * (Вінниччина), -щина in place of с (Одещина, Черкащина) and of -ськ
 * (Франківщина). */
static int regions(const int *s, int n, place_uk_fn fn, void *ctx)
{
    int b[UK_MAX + 3], m = n;

    memcpy(b, s, sizeof *s * (size_t)n);
    if (n >= 3 && s[n - 1] == C_KA && s[n - 2] == C_SOFT && s[n - 3] == C_ES)
        m -= 3;
    else if (n >= 5 && s[n - 1] == C_KA && s[n - 2] == C_ES && !uk_vowel(s[n - 3]))
        m -= 2;                     /* Днепропетровск: Днепропетровщина (L-10) */
    else if (n >= 4 && s[n - 1] == C_KA && s[n - 2] == C_SOFT && s[n - 3] == C_TSE) {
        /* Донецьк: Донеччина, Russian Донетчина (brief s30 slav30). */
        int rc;
        b[n - 3] = C_CHE, b[n - 2] = C_CHE;
        size_t nt = sizeof region_tail / sizeof region_tail[0];
        if ((rc = place_uk_emit(b, n - 1, region_tail, nt, fn, ctx)) != 0)
            return rc;
        b[n - 3] = C_TE;
        return place_uk_emit(b, n - 1, region_tail, nt, fn, ctx);
    } else if (s[n - 1] == C_TSE) {
        b[m - 1] = C_CHE;
        b[m++] = C_CHE;
        return place_uk_emit(b, m, region_tail, sizeof region_tail / sizeof region_tail[0], fn, ctx);
    } else if (s[n - 1] == C_ES) {
        b[m - 1] = C_SHCHA;
        return place_uk_emit(b, m, region_tail, sizeof region_tail / sizeof region_tail[0], fn, ctx);
    }
    return place_uk_emit(b, m, region, sizeof region / sizeof region[0], fn, ctx);
}

/* What forms_of makes: a name's cases alone, or its region and
 * adjective too, for the name registered or another name of the place. */
enum { FORMS_CASES = 0, FORMS_ALL = 1, FORMS_OTHER = 2 };

/* 1 if s[0..n) (code points, lower case) is a neuter name on a
 * possessive stem: -ін -ин -ын -ов -ев -ёв -єв -ів (Latin -in -yn -ov
 * -ev) and о or е (Сталіно, Сталіне, Кірово, Stalino, Kirovo): a place
 * named after a person, whose surname declines as the stem does
 * (Сталіна, Кірова; brief s32 place32, place31.jsonl line 18). */
static int named_after_person(const int *s, int n)
{
    if (n < 5 || !(s[n - 1] == C_O || s[n - 1] == C_IE || s[n - 1] == 'o' || s[n - 1] == 'e'))
        return 0;
    int v = s[n - 3], c = s[n - 2];

    return (c == 0x43D && (v == C_UK_I || v == C_Y || v == 0x44B)) ||
           (c == 0x432 && (v == C_O || v == C_IE || v == C_YE || v == C_UK_I || v == 0x451)) ||
           (c == 'n' && (v == 'i' || v == 'y')) || (c == 'v' && (v == 'o' || v == 'e'));
}

int place_named_after_person(const char *key, size_t keylen)
{
    int cp[UK_MAX], n = 0, c, k, rc;

    for (size_t p = 0; p < keylen; p += (size_t)k) {
        if ((k = utf8_next(&c, key + p, keylen - p)) <= 0)
            return 0;
        if (n == UK_MAX)
            memmove(cp, cp + 1, sizeof cp - sizeof cp[0]), n--;
        cp[n++] = c;
    }
    rc = named_after_person(cp, n);
    sodium_memzero(cp, sizeof cp);
    return rc;
}

/* The forms of a name (all: FORMS_ALL or FORMS_OTHER, its region and
 * adjective too; FORMS_CASES, its cases alone). */
static int forms_of(const int *cp, int n, place_uk_fn fn, void *ctx, int all)
{
    int stem[UK_MAX], last = cp[n - 1], soft = last == C_SOFT, end = soft ? n - 1 : n, v, rc;

    if (!cyr_letter(last) || n < 4)
        return 0;
    /* Харків: Харков-а; Київ: Києв-а; Тернопіль: Тернопол-я. */
    v = end - 2;
    if (!uk_vowel(cp[end - 1]) && v > 0 && (cp[v] == C_UK_I || cp[v] == C_YI)) {
        memcpy(stem, cp, sizeof *cp * (size_t)end);
        if (cp[v] == C_YI)
            stem[v] = C_YE;
        else if (cp[v - 1] == C_ZHE || cp[v - 1] == C_CHE || cp[v - 1] == C_SHA ||
                 cp[v - 1] == C_SHCHA || cp[v - 1] == C_SHORT_I)
            stem[v] = C_IE;
        else
            stem[v] = C_O;
        if ((rc = soft ? place_uk_emit(stem, end, case_soft, sizeof case_soft / sizeof case_soft[0], fn, ctx)
                       : place_uk_emit(stem, end, case_hard, sizeof case_hard / sizeof case_hard[0], fn, ctx)) != 0)
            return rc;
    } else if (!soft && !uk_vowel(last) && last != C_SHORT_I &&
               (rc = place_uk_emit(cp, n, case_hard, sizeof case_hard / sizeof case_hard[0], fn, ctx)) != 0)
        /* Житомир: Житомира, Житомирі; Франківськ: Франківську (brief
         * s26 place26, C-8). */
        return rc;
    /* Харківщина, Полтавщина; Харківська. */
    if (all && !uk_vowel(last) && last != C_SHORT_I) {
        if ((rc = regions(cp, n, fn, ctx)) != 0)
            return rc;
        return adjectives(cp, n, fn, ctx);
    }
    /* The first declension (brief s26 place26, report-adv25b C-7):
     * Вінниця: з Вінниці, Вінницею; Одеса: з Одеси, в Одесі; the plural
     * Черкаси, Чернівці: Черкас-ах, Чернівц-ів. */
    if ((last == C_A || last == C_YA) && !uk_vowel(cp[n - 2]) && n - 1 >= 3) {
        if ((rc = place_uk_emit(cp, n - 1, case_first, sizeof case_first / sizeof case_first[0], fn, ctx)) != 0 ||
            !all || (rc = regions(cp, n - 1, fn, ctx)) != 0)
            return rc;
        return adjectives(cp, n - 1, fn, ctx);
    }
    /* A neuter noun in -о (brief s30 slav30, report-adv29c K-4): Дніпро:
     * з Дніпра, в Дніпрі, Дніпром; the Russian locative -е (в Днепре is
     * the Russian name's). */
    if (last == C_O && !uk_vowel(cp[n - 2]) && n >= 5) {
        if (all == FORMS_OTHER && named_after_person(cp, n))
            return 0;
        if ((rc = place_uk_emit(cp, n - 1, case_neuter, sizeof case_neuter / sizeof case_neuter[0], fn, ctx)) != 0 ||
            !all)
            return rc;
        /* дніпровський, днепровской (brief s31 place31, L-9). */
        return adjectives_ov(cp, n - 1, fn, ctx);
    }
    if ((last == C_Y || last == C_UK_I) && !uk_vowel(cp[n - 2]) && n - 1 >= 3) {
        if ((rc = place_uk_emit(cp, n - 1, case_plural, sizeof case_plural / sizeof case_plural[0], fn, ctx)) != 0 ||
            !all || (rc = regions(cp, n - 1, fn, ctx)) != 0)
            return rc;
        return adjectives(cp, n - 1, fn, ctx);
    }
    return 0;
}

static int forms(const int *cp, int n, place_uk_fn fn, void *ctx)
{
    return forms_of(cp, n, fn, ctx, FORMS_ALL);
}

static int cases(const int *cp, int n, place_uk_fn fn, void *ctx)
{
    return forms_of(cp, n, fn, ctx, FORMS_CASES);
}

static int other_forms(const int *cp, int n, place_uk_fn fn, void *ctx)
{
    return forms_of(cp, n, fn, ctx, FORMS_OTHER);
}

/* Where a place's demonyms go: sure, the -янин/-анин/-чанин ones of
 * place_uk_demonyms (replaced), unsure, the -ит, -ець and the consonant
 * stem's -чанин ones (review flags; brief s31 place31, s32 place32). */
struct demonym_to {
    place_uk_fn sure, unsure;
    void *ctx;
};

/* A stem of at least SURE_STEM letters gives sure -ець and -чанин
 * demonyms: no ordinary word is such a stem and its ending
 * (кировоградец, катеринославець, харьковчанка: report-adv32 L-19); a
 * shorter one (полтавець, сумчанин) stays a review flag.  Of a stem in
 * -в, the -ці form stays a flag (it is also the locative of a village in
 * -івка: "у Миколаївці", place26.jsonl line 26) and no -ка is made
 * (Миколаївка, Олександрівка are places). */
#define SURE_STEM 7

/* The -ець demonyms of stem b[0..m), to->sure or to->unsure as SURE_STEM
 * says; the feminine -ка ones of a sure stem not in -в. */
static int emit_ets(const int *b, int m, const struct demonym_to *to)
{
    static const char *const ci[] = { "\xd1\x86\xd1\x96" };                /* ці */
    int sure = m >= SURE_STEM, in_v = b[m - 1] == 0x432, rc;     /* в */
    place_uk_fn fn = sure ? to->sure : to->unsure;

    if (sure && !in_v &&
        (rc = place_uk_emit(b, m, demonym_ka, sizeof demonym_ka / sizeof demonym_ka[0], fn, to->ctx)) != 0)
        return rc;
    if ((rc = place_uk_emit(b, m, ci, 1, sure && !in_v ? to->sure : to->unsure, to->ctx)) != 0)
        return rc;
    return place_uk_emit(b, m, demonym_ets, sizeof demonym_ets / sizeof demonym_ets[0], fn, to->ctx);
}

/* Calls fn with stem b[0..m) + the letters of mid (UTF-8, an ending's
 * first letters: "ан", "ян", "чан") + each of demonym_an_ends, and mid
 * alone but "ан". */
static int emit_an(const int *b, int m, const char *mid, place_uk_fn fn, void *ctx)
{
    char ends[sizeof demonym_an_ends / sizeof demonym_an_ends[0]][24];
    const char *e[sizeof demonym_an_ends / sizeof demonym_an_ends[0]];
    size_t ne = sizeof e / sizeof e[0];

    int rc;

    for (size_t k = 0; k < ne; k++) {
        if (snprintf(ends[k], sizeof ends[k], "%s%s", mid, demonym_an_ends[k]) >= (int)sizeof ends[k])
            return 0;
        e[k] = ends[k];
    }
    if ((rc = place_uk_emit(b, m, e, ne, fn, ctx)) != 0)
        return rc;
    /* The genitive plural alone (харків'ян, сумчан), but no bare -ан:
     * a stem in -а gives a word (Рома: роман). */
    e[0] = mid;
    return strcmp(mid, "ан") == 0 ? 0 : place_uk_emit(b, m, e, 1, fn, ctx);
}

/* The sure demonym of a name in -ськ/-цьк/-ск/-цк (Краматорськ:
 * краматорчанин; Днепропетровск: днепропетровчанин) or of an adjective
 * name in -цький/-цкий (Кропивницький: кропивничанин; Хмельницький:
 * хмельничанин): the stem without the suffix, ц as ч, + -чанин or
 * -анин; -1 when the name has neither shape (report-adv31 L-11). */
static int demonym_sk(const int *cp, int n, const struct demonym_to *to)
{
    int b[UK_MAX], m = n, rc;

    memcpy(b, cp, sizeof *cp * (size_t)n);
    if (m >= 6 && b[m - 1] == C_SHORT_I && (b[m - 2] == C_Y || b[m - 2] == C_UK_I) && b[m - 3] == C_KA) {
        m -= 3;                         /* -кий, -кій */
        if (b[m - 1] == C_SOFT)
            m--;
        if (b[m - 1] != C_TSE)
            return -1;                  /* -ський adjectives: not made */
        b[m - 1] = C_CHE;
        return m >= 4 ? emit_an(b, m, "ан", to->sure, to->ctx) : 0;
    }
    if (m >= 6 && b[m - 1] == C_KA) {
        m--;
        if (b[m - 1] == C_SOFT)
            m--;
        if (b[m - 1] != C_ES && b[m - 1] != C_TSE)
            return -1;
        m--;
        if (m < 3 || uk_vowel(b[m - 1]))
            return 0;
        /* and -ець of the stem (днепропетровец, дніпропетровці: report-adv32 L-19) */
        if (m >= SURE_STEM && (rc = emit_ets(b, m, to)) != 0)
            return rc;
        return emit_an(b, m, "чан", to->sure, to->ctx);
    }
    return -1;
}

/* The -ець and -чанин demonyms of stem b[0..m) ending in a consonant but
 * ц (сумчанин, полтавець; none after -ськ, -цьк: Франківськ): review
 * flags, or sure for a stem of SURE_STEM letters or more. */
static int flagged_demonyms(const int *b, int m, const struct demonym_to *to)
{
    int rc;
    place_uk_fn fn = m >= SURE_STEM ? to->sure : to->unsure;

    if (m < 3 || uk_vowel(b[m - 1]) || b[m - 1] == C_TSE || b[m - 1] == C_SHORT_I ||
        (b[m - 1] == C_KA && b[m - 2] == C_SOFT))
        return 0;
    if ((rc = place_uk_emit(b, m, demonym_chan, sizeof demonym_chan / sizeof demonym_chan[0], fn, to->ctx)) != 0)
        return rc;
    if (m < 4 || b[m - 1] == C_SOFT)
        return 0;
    return emit_ets(b, m, to);
}

/* The demonyms of a place (place_uk.h); ctx is a struct demonym_to. */
static int demonyms(const int *cp, int n, place_uk_fn fn, void *ctx)
{
    const struct demonym_to *to = ctx;
    int b[UK_MAX + 1], last = cp[n - 1], m = n, rc;

    (void)fn;
    if (!cyr_letter(last) || n < 4)
        return 0;
    if ((rc = demonym_sk(cp, n, to)) >= 0)
        return rc;
    memcpy(b, cp, sizeof *cp * (size_t)n);
    if (last == C_A || last == C_YA || last == C_Y || last == C_UK_I || last == 0x44B) {
        if (uk_vowel(cp[n - 2]))
            return 0;
        m = n - 1;
        if (last != 0x44B &&
            (rc = place_uk_emit(b, m, demonym_it, sizeof demonym_it / sizeof demonym_it[0], to->unsure,
                                to->ctx)) != 0)
            return rc;
        if ((rc = flagged_demonyms(b, m, to)) != 0)
            return rc;
        if (b[m - 1] == C_TSE)
            b[m - 1] = C_CHE;
        return last == 0x44B ? 0 : emit_an(b, m, "ан", to->sure, to->ctx);
    }
    /* A neuter name in -о (Дніпро): дніпрянин, дніпрянка (L-9). */
    if (last == C_O && n >= 5 && !uk_vowel(cp[n - 2]))
        m = n - 1;
    else if (uk_vowel(last) || last == C_SHORT_I || (last == C_KA && cp[n - 2] == C_SOFT))
        return 0;
    else if ((rc = flagged_demonyms(b, last == C_SOFT ? n - 1 : n, to)) != 0)
        return rc;
    /* харків'янин: the key view leaves the apostrophe out. */
    return emit_an(b, m, "ян", to->sure, to->ctx);
}

/* Reads text[0..len) into cp (lower case, Cyrillic letters and inner
 * hyphens); the letter count, or 0 if it is no such word. */
static int read_name(int *cp, const char *text, size_t len, char **normp)
{
    int n = 0, c, k;
    char *norm;
    size_t nl, p;

    if (normalise_norm(&norm, &nl, text, len, NULL) != 0)
        return -1;
    for (p = 0; p < nl; p += (size_t)k) {
        if ((k = utf8_next(&c, norm + p, nl - p)) <= 0 || n == UK_MAX ||
            !(cyr_letter(c) || (c == '-' && n > 0))) {
            n = 0;
            break;
        }
        cp[n++] = c;
    }
    if (n > 0 && cp[n - 1] == '-')
        n = 0;
    *normp = norm;
    return n;
}

/* Calls each(cp, n) for the whole name and, for a hyphenated one, its
 * last part of six letters or more: the everyday short name
 * (Франківськ of Івано-Франківськ, report-adv25b C-8). */
static int each_name(const char *text, size_t len, int (*each)(const int *, int, place_uk_fn, void *),
                     place_uk_fn fn, void *ctx)
{
    int cp[UK_MAX], n, rc = 0, h = -1;
    char *norm = NULL;

    if ((n = read_name(cp, text, len, &norm)) < 0)
        return -1;
    secmem_free(norm);
    for (int i = 0; i < n; i++)
        if (cp[i] == '-')
            h = i;
    if (n >= 4 && h < 0)
        rc = each(cp, n, fn, ctx);
    else if (n >= 4 && cyr_letter(cp[n - 1])) {
        static const char *const bare[] = { "" };
        rc = each(cp, n, fn, ctx);
        if (rc == 0 && n - h - 1 >= 6 && (each == forms || each == other_forms))
            rc = place_uk_emit(cp + h + 1, n - h - 1, bare, 1, fn, ctx);
        if (rc == 0 && n - h - 1 >= 6)
            rc = each(cp + h + 1, n - h - 1, fn, ctx);
    }
    sodium_memzero(cp, sizeof cp);
    return rc;
}

int place_uk_demonyms(const char *text, size_t len, place_uk_fn sure, place_uk_fn unsure, void *ctx)
{
    struct demonym_to to = { sure, unsure, ctx };

    return each_name(text, len, demonyms, NULL, &to);
}

int place_uk_forms(const char *text, size_t len, place_uk_fn fn, void *ctx)
{
    return each_name(text, len, forms, fn, ctx);
}

int place_uk_cases(const char *text, size_t len, place_uk_fn fn, void *ctx)
{
    return each_name(text, len, cases, fn, ctx);
}

int place_uk_other_forms(const char *text, size_t len, place_uk_fn fn, void *ctx)
{
    return each_name(text, len, other_forms, fn, ctx);
}
