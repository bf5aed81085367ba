/* Mongolian case endings as Korean hears them after a name in Hangul
 * (issue 12; report-adv21 A-9; brief s24 ko24, which replaced ko22's list
 * of fifteen spellings by this rule).
 *
 * THIS TABLE IS WRITTEN BY HAND (it wants a native reviewer): the endings'
 * sound classes below come from the Mongolian case suffixes (genitive
 * -ын/-ийн/-ны/-гийн, dative -д/-т, accusative -ыг/-г, ablative
 * -аас/-гаас, instrumental -аар/-гаар, comitative -тай, reflexive
 * -аа/-гаа, vowel harmony folded) and the National Institute of Korean
 * Language's foreign-word transcription (외래어 표기법): a consonant with
 * no vowel is written with ㅡ (트, 르, 그), a final н is heard ㄴ or ㅇ
 * (링, 릉), the long vowels and their harmony variants are one vowel class.
 *
 * The rule: the jamo after the stem are read as sound classes (G: ㄱㅋㄲ,
 * N: ㄴ and a final ㅇ, T: ㄷㅌㄸ and a final ㅅ, S: ㅅㅆ, R: ㄹ, I: ㅣㅢ,
 * A: ㅏㅐㅓㅔㅗㅜ), ㅡ and a silent initial ㅇ dropped and a repeated
 * vowel read once; the classes must split into one to three endings. */
#include <stdint.h>
#include <string.h>

#include "privacy/hangul_endings.h"
#include "privacy/variants.h"
#include "privacy/normalise.h"

/* The endings' sound classes (see the header). */
static const char *const endings[] = {
    "IN", "N", "NI", "NIN", "GIN",      /* genitive */
    "T",                                /* dative */
    "IG", "G",                          /* accusative */
    "AS", "GAS",                        /* ablative */
    "AR", "R", "GAR",                   /* instrumental */
    "TA", "TAI",                        /* comitative */
    "A", "GA",                          /* reflexive */
};

#define SYL_FIRST 0xAC00
#define SYL_LAST 0xD7A3
#define SYL_L(s) (((s) - SYL_FIRST) / 588)
#define SYL_V(s) ((((s) - SYL_FIRST) % 588) / 28)
#define SYL_T(s) (((s) - SYL_FIRST) % 28)
#define L_IEUNG 11
#define L_HIEUH 18
#define V_EU 18
#define T_IEUNG 21

static char class_initial(int l)
{
    switch (l) {
    case 0: case 1: case 15: return 'G';
    case 2: return 'N';
    case 3: case 4: case 16: return 'T';
    case 5: return 'R';
    case 9: case 10: return 'S';
    case L_IEUNG: return 0;
    default: return 'X';
    }
}

static char class_vowel(int v)
{
    switch (v) {
    case 0: case 1: case 4: case 5: case 8: case 13: return 'A';
    case 19: case 20: return 'I';
    case V_EU: return 0;
    default: return 'X';
    }
}

static char class_final(int t)
{
    switch (t) {
    case 0: return 0;
    case 1: case 2: case 24: return 'G';
    case 4: case 21: return 'N';
    case 7: case 19: case 20: case 25: return 'T';
    case 8: return 'R';
    default: return 'X';
    }
}

/* Appends class c to cl[0..*n) (a vowel repeated is read once); 0, or -1
 * where c is no class of an ending or cl is full. */
static int push(char *cl, size_t *n, size_t cap, char c)
{
    if (c == 0)
        return 0;
    if (c == 'X' || *n == cap)
        return -1;
    if ((c == 'A' || c == 'I') && *n > 0 && cl[*n - 1] == c)
        return 0;
    cl[(*n)++] = c;
    return 0;
}

/* The fewest endings (at most left) cl[0..n) splits into, 0 if none. */
static int split(const char *cl, size_t n, int left)
{
    int best = 0, k;

    if (n == 0 || left == 0)
        return 0;
    for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
        size_t m = strlen(endings[i]);
        if (m > n || memcmp(cl, endings[i], m) != 0)
            continue;
        if (m == n)
            return 1;
        if ((k = split(cl + m, n - m, left - 1)) > 0 && (best == 0 || k + 1 < best))
            best = k + 1;
    }
    return best;
}

/* The reading of s[0..len) whose stem ends with syllable cp at byte q
 * (n bytes) read as sub, its classes starting with cl[0..ncl): of the
 * runs of syllables after it that complete the endings with particles
 * only after them, the one of the fewest endings, then the longest
 * (바트바야르타이|가: -тай; 바트바야르트|가: -т and 가, not -т -гаа).
 * 1 and *h filled, else 0. */
static int read_on(struct hangul_ending *h, const char *s, size_t len, size_t q, size_t n,
                   int sub, char *cl, size_t ncl, size_t cap)
{
    size_t p = q + n;
    int cp, k, e, best = 0;

    for (;;) {
        if (ncl > 0 && (e = split(cl, ncl, HANGUL_ENDINGS_MAX)) > 0 && (best == 0 || e <= best) &&
            (p == len || variant_suffix_ok(SUFFIX_KO, s + p, len - p)))
            h->at = q, h->end = p, h->sub = sub, best = e;
        if (p >= len || (k = utf8_next(&cp, s + p, len - p)) <= 0 || cp < SYL_FIRST ||
            cp > SYL_LAST)
            break;
        if (push(cl, &ncl, cap, class_initial(SYL_L(cp))) != 0 ||
            push(cl, &ncl, cap, class_vowel(SYL_V(cp))) != 0 ||
            push(cl, &ncl, cap, class_final(SYL_T(cp))) != 0)
            break;
        p += (size_t)k;
    }
    return best > 0;
}

size_t hangul_mn_endings(struct hangul_ending *out, size_t max, const char *s, size_t len,
                         size_t q)
{
    char cl[16];
    size_t got = 0, ncl;
    int cp, c, n, k, l, v, t;

    if (q >= len || (n = utf8_next(&cp, s + q, len - q)) <= 0 || cp < SYL_FIRST || cp > SYL_LAST)
        return 0;
    l = SYL_L(cp), v = SYL_V(cp), t = SYL_T(cp);
    /* Where the word reads as a stem and Korean particles, they are
     * particles, not endings (알탄게렐|에게서, 나타샤|한테서, 드미트리|가):
     * none where only particles follow a syllable of the stem's, from its
     * second on. */
    for (size_t b = 0; b < q + (size_t)n; b += (size_t)k) {
        if ((k = utf8_next(&c, s + b, len - b)) <= 0)
            return 0;
        if (b > 0 && variant_suffix_ok(SUFFIX_KO, s + b, len - b))
            return 0;
    }
    /* The syllable whole, the endings after it (바트바야르|트): not where
     * particles alone follow (바트바야르|가 is the plain reading). */
    if (got < max && !(q + (size_t)n == len ||
                       variant_suffix_ok(SUFFIX_KO, s + q + (size_t)n, len - q - (size_t)n)) &&
        read_on(&out[got], s, len, q, (size_t)n, cp, cl, 0, sizeof cl))
        got++;
    /* Its final ㅇ the genitive's (데넹: 데네 + -н as Korean hears it at
     * a word's end); no other final (남편|도 is no 남펴 -н -д). */
    if (got < max && t == T_IEUNG && v != V_EU) {
        ncl = 0;
        if (push(cl, &ncl, sizeof cl, class_final(t)) == 0 &&
            read_on(&out[got], s, len, q, (size_t)n, SYL_FIRST + (l * 21 + v) * 28, cl, ncl,
                    sizeof cl))
            got++;
    }
    /* Its vowel the ending's where the stem's consonant was written with
     * ㅡ (링: 르 + 잉, 라스: 르 + 아스); ㅇ, ㅎ begin the ending's own
     * syllable. */
    if (got < max && l != L_IEUNG && l != L_HIEUH && !(v == V_EU && t == 0)) {
        ncl = 0;
        if (push(cl, &ncl, sizeof cl, class_vowel(v)) == 0 &&
            push(cl, &ncl, sizeof cl, class_final(t)) == 0 &&
            read_on(&out[got], s, len, q, (size_t)n, SYL_FIRST + (l * 21 + V_EU) * 28, cl, ncl,
                    sizeof cl))
            got++;
    }
    return got;
}
