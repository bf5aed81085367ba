/* More forms of a registered Cyrillic place's name (place_forms.h). */
#include "privacy/place_forms.h"

#include <string.h>

#include <sodium.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"

#define NAME_MAX_CP 40              /* letters of a name looked at */

enum {
    C_A = 0x430, C_IE = 0x435, C_KA = 0x43A, C_ES = 0x441, C_TSE = 0x446, C_CHE = 0x447,
    C_Y = 0x438, C_YERU = 0x44B, C_SOFT = 0x44C, C_YA = 0x44F, C_UK_I = 0x456, C_YI = 0x457,
    C_YE = 0x454, C_SHORT_I = 0x439, C_IO = 0x451,
};

/* Russian adjective endings after -ск- (every gender and case). */
static const char *const ru_adj[] = {
    "ий", "ая", "ое", "ом", "ого", "ой", "их", "им", "ую", "ому", "ими", "ие",
};
static int vowel(int c)
{
    static const int v[] = { 0x430, 0x435, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F,
                             C_IO, C_YE, C_UK_I, C_YI };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (c == v[i])
            return 1;
    return 0;
}

static int cyr(int c)
{
    return (c >= 0x430 && c <= 0x45F) || c == 0x491;
}

/* Calls fn(how) with cp[0..n) + each of ends[0..ne). */
static int emit(const int *cp, int n, const char *const *ends, size_t ne, enum place_form_how how,
                place_more_fn fn, void *ctx)
{
    char buf[NAME_MAX_CP * 4 + 32];
    size_t at = 0;
    int rc = 0;

    for (int i = 0; i < n; i++)
        at += (size_t)utf8proc_encode_char(cp[i], (utf8proc_uint8_t *)buf + at);
    for (size_t k = 0; rc == 0 && k < ne; k++) {
        size_t el = strlen(ends[k]);
        memcpy(buf + at, ends[k], el);
        rc = fn(ctx, buf, at + el, how);
    }
    sodium_memzero(buf, sizeof buf);
    return rc;
}

/* The Ukrainian national romanisation (Cabinet of Ministers resolution
 * 55 of 2010) of a lower-case letter, as the author knew it (word-initial
 * є ї й ю я as ye yi y yu ya), with the Russian ы э ё as y e io: NULL
 * for none. */
static const char *roman(int c, int first)
{
    static const char *const t[] = {
        "a", "b", "v", "h", "d", "e", "zh", "z", "y", "i", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia",
    };
    if (first && (c == 0x44E || c == C_YA || c == C_YE || c == C_YI))
        return c == 0x44E ? "yu" : c == C_YA ? "ya" : c == C_YE ? "ye" : "yi";
    if (c >= 0x430 && c <= 0x44F)
        return t[c - 0x430];
    return c == C_UK_I ? "i" : c == C_YI ? "i" : c == C_YE ? "ie" : c == 0x491 ? "g" : c == C_IO ? "io" : NULL;
}

static int latin(const int *cp, int n, place_more_fn fn, void *ctx)
{
    char buf[NAME_MAX_CP * 4 + 1];
    size_t at = 0;
    int rc;

    for (int i = 0; i < n; i++) {
        const char *r = roman(cp[i], i == 0);
        if (r == NULL)
            return 0;
        memcpy(buf + at, r, strlen(r));
        at += strlen(r);
    }
    rc = at >= 4 ? fn(ctx, buf, at, PLACE_FORM_REPLACE) : 0;
    sodium_memzero(buf, sizeof buf);
    return rc;
}

/* The Russian adjective of stem s[0..m): -ский, -цкий after ц, -ский
 * with one с after с (Одесс-а: одесский). */
static int russian_adjective(const int *s, int m, place_more_fn fn, void *ctx)
{
    int b[NAME_MAX_CP + 3], k = m;

    if (m < 3 || vowel(s[m - 1]) || s[m - 1] == C_SOFT || s[m - 1] == C_SHORT_I)
        return 0;
    memcpy(b, s, sizeof *s * (size_t)m);
    if (s[m - 1] != C_TSE && s[m - 1] != C_ES)
        b[k++] = C_ES;
    b[k++] = C_KA;
    return emit(b, k, ru_adj, sizeof ru_adj / sizeof ru_adj[0], PLACE_FORM_REPLACE, fn, ctx);
}

static int forms(const int *cp, int n, place_more_fn fn, void *ctx)
{
    static const char *const bare[] = { "" };
    int last = cp[n - 1], m = n, plural, rc;

    if ((rc = latin(cp, n, fn, ctx)) != 0)
        return rc;
    plural = (last == C_Y || last == C_YERU || last == C_UK_I) && !vowel(cp[n - 2]);
    if (last == C_A || last == C_YA || plural || last == C_SOFT)
        m = n - 1;
    else if (vowel(last) || last == C_SHORT_I)
        return 0;
    /* -ськ, -цьк (Франківськ): no Russian adjective made. */
    if (m >= 2 && cp[m - 1] == C_KA && cp[m - 2] == C_SOFT)
        return 0;
    if ((rc = russian_adjective(cp, m, fn, ctx)) != 0)
        return rc;
    if (plural && m >= 3)
        return emit(cp, m, bare, 1, PLACE_FORM_CAPITAL, fn, ctx);
    return 0;
}

/* each(cp, n) for the one-word Cyrillic name text[0..len) of four
 * letters or more (place_more_forms, place_latin_form). */
static int each_word(const char *text, size_t len, int (*each)(const int *, int, place_more_fn, void *),
                     place_more_fn fn, void *ctx)
{
    int cp[NAME_MAX_CP], n = 0, c, k, rc = 0;
    char *norm;
    size_t nl, p;

    if (normalise_norm(&norm, &nl, text, len, NULL) != 0)
        return -1;
    for (p = 0; p < nl; p += (size_t)k) {
        if ((k = utf8_next(&c, norm + p, nl - p)) <= 0 || n == NAME_MAX_CP || !cyr(c)) {
            n = 0;
            break;
        }
        cp[n++] = c;
    }
    secmem_free(norm);
    if (n >= 4)
        rc = each(cp, n, fn, ctx);
    sodium_memzero(cp, sizeof cp);
    return rc;
}

int place_more_forms(const char *text, size_t len, place_more_fn fn, void *ctx)
{
    return each_word(text, len, forms, fn, ctx);
}

int place_latin_form(const char *text, size_t len, place_more_fn fn, void *ctx)
{
    return each_word(text, len, latin, fn, ctx);
}
