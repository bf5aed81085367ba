/* The parts of a protected place term that name the place by themselves
 * (place_parts.h; brief s24 place24). */
#include <string.h>

#include "privacy/countries.h"
#include "privacy/normalise.h"
#include "privacy/place_parts.h"

/* Korean administrative suffixes, one syllable each: 도 (province), 시
 * (city), 군 (county), 구 (district), 읍 (town), 면 (township), 동
 * (neighbourhood), 리 (village). */
static const char *const ko_suffixes[] = {
    "\xeb\x8f\x84", "\xec\x8b\x9c", "\xea\xb5\xb0", "\xea\xb5\xac",
    "\xec\x9d\x8d", "\xeb\xa9\xb4", "\xeb\x8f\x99", "\xeb\xa6\xac",
};

/* Words for the kind of place written after a Mongolian or English
 * place's name, lower case as typed or capitalised. */
static const char *const kind_words[] = {
    "\xd0\xb4\xd2\xaf\xd2\xaf\xd1\x80\xd1\x8d\xd0\xb3",   /* дүүрэг */
    "\xd0\x94\xd2\xaf\xd2\xaf\xd1\x80\xd1\x8d\xd0\xb3",   /* Дүүрэг */
    "\xd1\x81\xd1\x83\xd0\xbc", "\xd0\xa1\xd1\x83\xd0\xbc",                   /* сум */
    "\xd0\xb0\xd0\xb9\xd0\xbc\xd0\xb0\xd0\xb3", "\xd0\x90\xd0\xb9\xd0\xbc\xd0\xb0\xd0\xb3", /* аймаг */
    "\xd1\x85\xd0\xbe\xd1\x82", "\xd0\xa5\xd0\xbe\xd1\x82",                   /* хот */
    "\xd1\x85\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbe", "\xd0\xa5\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbe", /* хороо */
    "district", "District", "province", "Province", "aimag", "Aimag", "city", "City",
};

static int is_kind_word(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof kind_words / sizeof kind_words[0]; i++)
        if (strlen(kind_words[i]) == n && memcmp(w, kind_words[i], n) == 0)
            return 1;
    return 0;
}

/* The length of the Hangul word w[0..n) without its administrative
 * suffix, or 0 if it has none or fewer than two syllables before it;
 * *level gets the suffix's index in ko_suffixes (0 province, 1 city, 2
 * county, 3 district, 4.. town, township, neighbourhood, village). */
static size_t ko_stem(const char *w, size_t n, size_t *level)
{
    size_t p, syllables = 0;
    int cp, k;

    for (p = 0; p < n; p += (size_t)k) {
        if ((k = utf8_next(&cp, w + p, n - p)) <= 0 || !is_hangul_cp(cp))
            return 0;
        syllables++;
    }
    if (syllables < 3)
        return 0;
    for (size_t i = 0; i < sizeof ko_suffixes / sizeof ko_suffixes[0]; i++)
        if (memcmp(w + n - 3, ko_suffixes[i], 3) == 0)
            return *level = i, n - 3;
    return 0;
}

/* The space-separated word of text[0..len) at or after p into [*a, *b):
 * 1, or 0 when none is left. */
static int word_from(const char *text, size_t len, size_t p, size_t *a, size_t *b)
{
    while (p < len && text[p] == ' ')
        p++;
    if (p >= len)
        return 0;
    *a = p;
    for (*b = p; *b < len && text[*b] != ' '; (*b)++)
        ;
    return 1;
}

int place_parts(const char *text, size_t len, place_part_fn fn, void *ctx)
{
    size_t p = 0, a, b, words = 0, first = len, stem, level = 0;
    int rc;

    for (p = 0; word_from(text, len, p, &a, &b); p = b) {
        words++;
        if (first == len)
            first = a;
    }
    for (p = 0; word_from(text, len, p, &a, &b); p = b) {
        /* A province (강원도) is too large to name anyone: no part of
         * it.  In an address, a city, county or district (서초구) is a
         * review flag (a district is half a million people: test_eval's
         * 마포구), a town or neighbourhood (반포동) goes. */
        if ((stem = ko_stem(text + a, b - a, &level)) > 0 && level > 0) {
            if (words > 1 && (rc = fn(ctx, text + a, b - a,
                                      level <= 3 ? PLACE_PART_LARGE : PLACE_PART_WHOLE)) != 0)
                return rc;
            if ((words == 1 || level > 3) && (rc = fn(ctx, text + a, stem, PLACE_PART_STEM)) != 0)
                return rc;
            /* A city, county or district of an address without its
             * suffix (서초 of 서초구, report-adv24 A-16): a review flag
             * as written, as the word with it is. */
            if (words > 1 && level <= 3 && (rc = fn(ctx, text + a, stem, PLACE_PART_LARGE)) != 0)
                return rc;
        }
        /* "Баянзүрх дүүрэг": the words before the kind word. */
        if (a > first && is_kind_word(text + a, b - a)) {
            size_t e = a;
            while (e > first && text[e - 1] == ' ')
                e--;
            /* "Kuwait" of "Kuwait City" is a country, no term
             * (report-adv27a O-4). */
            if (!country_name(text + first, e - first) &&
                (rc = fn(ctx, text + first, e - first, PLACE_PART_NAME)) != 0)
                return rc;
        }
    }
    return 0;
}

/* The initial consonant index (0 ㄱ .. 18 ㅎ) of a Hangul syllable's
 * tense form, or -1: ㄱ ㄲ, ㄷ ㄸ, ㅂ ㅃ, ㅅ ㅆ, ㅈ ㅉ. */
static int tense_of(int lead)
{
    switch (lead) {
    case 0: return 1;
    case 3: return 4;
    case 7: return 8;
    case 9: return 10;
    case 12: return 13;
    default: return -1;
    }
}

static size_t put_utf8(char *out, int cp)
{
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

int place_tensed(const char *text, size_t len, place_part_fn fn, void *ctx)
{
    int cps[4], cp, k, n = 0, rc;
    size_t p;
    char buf[12];

    for (p = 0; p < len; p += (size_t)k) {
        if ((k = utf8_next(&cp, text + p, len - p)) <= 0 || !is_hangul_cp(cp) || n == 4)
            return 0;
        cps[n++] = cp;
    }
    if (n < 2)
        return 0;
    for (int i = 1; i < n; i++) {
        int s = cps[i] - 0xAC00, lead = s / (21 * 28), t = tense_of(lead);
        size_t at = 0;
        if (t < 0)
            continue;
        for (int j = 0; j < n; j++)
            at += put_utf8(buf + at, j == i ? 0xAC00 + t * 21 * 28 + s % (21 * 28) : cps[j]);
        if ((rc = fn(ctx, buf, at, PLACE_PART_TENSED)) != 0)
            return rc;
    }
    return 0;
}
