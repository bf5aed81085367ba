/* The Russian forms of a place's Russian name (place_russian.h). */
#include "privacy/place_russian.h"

#include <string.h>

#include "privacy/normalise.h"
#include "util/text.h"

#define FORM_MAX 256

static const char *const adj_endings[] = {
    "ский", "ская", "ское", "ском", "ского", "ской", "ских", "ским", "скую", "скому", "скими",
    "ские",
};

/* 1 if cp is a Cyrillic vowel letter (Russian and Mongolian). */
static int cyr_vowel(int cp)
{
    static const int v[] = { 0x430, 0x435, 0x451, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E,
                             0x44F, 0x4E9, 0x4AF };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (cp == v[i])
            return 1;
    return 0;
}

/* The code point of the last character of s[0..n) and its start in *at;
 * -1 when s does not end in a whole UTF-8 character. */
static int last_cp(const char *s, size_t n, size_t *at)
{
    size_t i = n;
    int cp;

    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0 || utf8_next(&cp, s + i - 1, n - i + 1) != (int)(n - i + 1))
        return -1;
    *at = i - 1;
    return cp;
}

/* Calls fn with buf[0..at) + each adjective ending + mid before it. */
static int adjectives(char *buf, size_t at, const char *mid, place_form_fn fn, void *ctx)
{
    size_t ml = strlen(mid);
    int rc = 0;

    if (at + ml + 12 > FORM_MAX)
        return 0;
    memcpy(buf + at, mid, ml);
    for (size_t k = 0; rc == 0 && k < sizeof adj_endings / sizeof adj_endings[0]; k++) {
        size_t el = strlen(adj_endings[k]);
        memcpy(buf + at + ml, adj_endings[k], el);
        rc = fn(ctx, buf, at + ml + el, 0);
    }
    return rc;
}


int place_russian_forms(const char *key, size_t keylen, place_form_fn fn, void *ctx)
{
    char buf[FORM_MAX];
    size_t at, at2;
    int cp, prev, rc;

    if (keylen + 16 > FORM_MAX || text_chars(key, keylen) < 4 ||
        (cp = last_cp(key, keylen, &at)) < 0x430 || cp > 0x4FF)
        return 0;
    memcpy(buf, key, keylen);
    /* An adjective already: its other endings. */
    if (keylen > 8 && memcmp(key + keylen - 8, "ский", 8) == 0)
        return adjectives(buf, keylen - 8, "", fn, ctx);
    prev = last_cp(key, at, &at2);
    if (cp == 0x439 /* й */) {
        if (cyr_vowel(prev) && (rc = fn(ctx, key, at, 1)) != 0)
            return rc;
        return adjectives(buf, keylen, "", fn, ctx);
    }
    if (cp == 0x430 || cp == 0x44F) /* а, я */
        return fn(ctx, key, at, 1);
    if (cp == 0x44C) /* ь */
        return adjectives(buf, at, "", fn, ctx);
    if (cp == 0x43B) /* л */
        return adjectives(buf, keylen, "ь", fn, ctx);
    if (cp == 0x438) /* и */
        return adjectives(buf, keylen, "й", fn, ctx);
    if (cyr_vowel(cp))
        return 0;
    return adjectives(buf, keylen, "", fn, ctx);
}
