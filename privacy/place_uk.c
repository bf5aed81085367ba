/* The Ukrainian forms of a place's name (place_uk.h). */
#include "privacy/place_uk.h"

#include <string.h>

#include <sodium.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"

#define UK_MAX 40                   /* letters of a name looked at */

enum {
    C_A = 0x430, C_IE = 0x435, C_ZHE = 0x436, C_O = 0x43E, C_SHORT_I = 0x439, C_CHE = 0x447,
    C_SHA = 0x448, C_SHCHA = 0x449, C_SOFT = 0x44C, C_YE = 0x454, C_UK_I = 0x456, C_YI = 0x457,
};

static const char *const case_hard[] = { "а", "у", "ом", "ові", "і", "е" };
static const char *const case_soft[] = { "я", "ю", "ем", "еві", "і" };
static const char *const region[] = { "щина", "щини", "щині", "щину", "щиною", "щины", "щине",
                                      "щиной" };
static const char *const adjective[] = { "ський", "ська", "ське", "ського", "ському", "ській",
                                         "ських", "ським", "ською", "ську", "ськими", "ські" };

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

/* Calls fn with cp[0..n) + each of ends[0..ne). */
static int emit(const int *cp, int n, const char *const *ends, size_t ne, place_uk_fn fn, void *ctx)
{
    char buf[UK_MAX * 4 + 32];
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

static int forms(const int *cp, int n, place_uk_fn fn, void *ctx)
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
        if ((rc = soft ? emit(stem, end, case_soft, sizeof case_soft / sizeof case_soft[0], fn, ctx)
                       : emit(stem, end, case_hard, sizeof case_hard / sizeof case_hard[0], fn, ctx)) != 0)
            return rc;
    }
    /* Харківщина, Полтавщина; Харківська. */
    if (!uk_vowel(last) && last != C_SHORT_I) {
        if ((rc = emit(cp, n, region, sizeof region / sizeof region[0], fn, ctx)) != 0)
            return rc;
        return emit(cp, n, adjective, sizeof adjective / sizeof adjective[0], fn, ctx);
    }
    if (last == C_A && !uk_vowel(cp[n - 2]))
        return emit(cp, n - 1, region, sizeof region / sizeof region[0], fn, ctx);
    return 0;
}

int place_uk_forms(const char *text, size_t len, place_uk_fn fn, void *ctx)
{
    int cp[UK_MAX], n = 0, c, k, rc;
    char *norm;
    size_t nl, p;

    if (normalise_norm(&norm, &nl, text, len, NULL) != 0)
        return -1;
    for (p = 0; p < nl; p += (size_t)k) {
        if ((k = utf8_next(&c, norm + p, nl - p)) <= 0 || !cyr_letter(c) || n == UK_MAX) {
            n = 0;
            break;
        }
        cp[n++] = c;
    }
    secmem_free(norm);
    rc = n >= 4 ? forms(cp, n, fn, ctx) : 0;
    sodium_memzero(cp, sizeof cp);
    return rc;
}
