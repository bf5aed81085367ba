/* A name in Hangul with a final consonant written as a syllable of its
 * own (brief s26 names26, report-adv25b C-12): Korean loanword spelling
 * writes a foreign name's final stop or s with ㅡ after it (외래어 표기법,
 * National Institute of Korean Language, 1986, ch. 3 §1: a final k, p, t
 * after a long vowel or before a consonant is 크, 프, 트, and is often
 * written 그, 브, 드 from the name's voiced g, b, d; s is 스), while the
 * same name is also written with the consonant as the syllable's final
 * (받침): Ganzorig is 간조릭 and 간조리그, Bat is 밧 and 바트.  So each
 * syllable after the first of a registered Hangul name whose final is ㄱ,
 * ㄷ, ㅂ or ㅅ is also written split (릭: 리그, 리크); the forms are the
 * rule's, no table.  Called by variants_ko_names.c (korean_from_hangul). */
#include "privacy/variants_int.h"

#include <string.h>

#include <sodium.h>

#include "privacy/normalise.h"
#include "privacy/varlist.h"

/* Syllables read, and bytes of a form made. */
#define SYL_MAX 8
#define FORM_MAX (3 * 2 * SYL_MAX)

/* The syllables written for the final t of a syllable (0: none): ㄱ 그 크,
 * ㄷ 드 트, ㅂ 브 프, ㅅ 스. */
static int split_of(int t, int alt)
{
    switch (t) {
    case 1: return alt ? 0xD06C : 0xADF8;   /* 크 그 */
    case 7: return alt ? 0xD2B8 : 0xB4DC;   /* 트 드 */
    case 17: return alt ? 0xD504 : 0xBE0C;  /* 프 브 */
    case 19: return alt ? 0 : 0xC2A4;       /* 스 */
    default: return 0;
    }
}

static size_t put(char *s, int cp)
{
    s[0] = (char)(0xE0 | (cp >> 12));
    s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    s[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

/* Adds key[0..n syllables) with the syllables of mask split (alt: the
 * voiceless writing). */
static int add_split(struct variant_list *out, const int *cps, int n, unsigned mask, int alt,
                     int rule)
{
    char s[FORM_MAX];
    size_t k = 0;
    int rc;

    for (int i = 0; i < n; i++) {
        int t = (cps[i] - 0xAC00) % 28, sp = (mask >> i) & 1 ? split_of(t, alt) : 0;
        if ((mask >> i) & 1 && sp == 0)
            return 0;
        k += put(s + k, sp ? cps[i] - t : cps[i]);
        if (sp)
            k += put(s + k, sp);
    }
    rc = list_add(out, s, k, rule, SUFFIX_KO);
    sodium_memzero(s, sizeof s);
    return rc;
}

int ko_final_forms(struct variant_list *out, const char *key, size_t len, int rule)
{
    int cps[SYL_MAX], n = 0, k, rc = 0;
    unsigned all = 0;

    for (size_t at = 0; at < len; at += (size_t)k) {
        if (n == SYL_MAX || (k = utf8_next(&cps[n], key + at, len - at)) != 3 ||
            cps[n] < 0xAC00 || cps[n] > 0xD7A3)
            return 0;
        n++;
    }
    if (n < 3)
        return 0;               /* 박석: a Korean name; a foreign one is longer */
    for (int i = 1; i < n; i++)
        if (split_of((cps[i] - 0xAC00) % 28, 0) != 0)
            all |= 1u << i;
    for (int i = 1; i < n && rc == 0; i++)
        if ((all >> i) & 1) {
            rc = add_split(out, cps, n, 1u << i, 0, rule);
            if (rc == 0)
                rc = add_split(out, cps, n, 1u << i, 1, rule);
        }
    if (rc == 0 && (all & (all - 1)) != 0)
        rc = add_split(out, cps, n, all, 0, rule);
    sodium_memzero(cps, sizeof cps);
    return rc;
}
