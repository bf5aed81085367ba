/* A Mongolian patronym registered in the genitive (Батбаярын of
 * "Батбаярын Алтангэрэл", the passport form) read in other scripts as its
 * father's name is (issue 12, brief s27 names27, report-adv26a D-16):
 * Korean writes the stem and hears the genitive after it (바트바야링,
 * 바트바야릉: -ын heard ㅇ or ㄴ after ㅣ or ㅡ; hangul_endings.c), or
 * writes the stem alone (바타바야르가).  The stem (the word less its
 * genitive ending, flag_genitive_word's endings) gets the keys of
 * redact_scripts.c as a registered word of the name does, for the same
 * term, so every reading a given name has in Hangul, Han or katakana the
 * patronym has too.
 *
 * Korean and Chinese writers also give a Mongolian consonant cluster's
 * first consonant the vowel before it (an echo vowel: 바타바야르 for
 * Батбаяр, as 阿拉坦 writes Алтан "Alatan"): each Cyrillic word of a name,
 * and each such stem, is also keyed with one cluster at a time so broken
 * (Батабаяр, Алатангэрэл), which gives the vowel keys of those spellings
 * (the consonant skeleton is the same). */
#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "privacy/flag_context.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"

/* The genitive endings, longest first (flag_shapes.c's, -гийн before
 * -ийн). */
static const char *const endings[] = { "гийн", "ийн", "ний", "ын", "ны" };

/* The stem of the Cyrillic word w[0..len) (norm bytes) in the genitive:
 * its length in bytes, or 0. */
static size_t stem_of(const char *w, size_t len)
{
    if (!flag_genitive_word(w, len))
        return 0;
    for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
        size_t n = strlen(endings[i]);
        if (len > n && memcmp(w + len - n, endings[i], n) == 0)
            return len - n;
    }
    return 0;
}

/* The plain vowel an echo repeats for the Cyrillic vowel cp, or 0 if cp
 * is no vowel; -1 for й ь ъ (neither vowel nor a cluster's consonant). */
static int vowel_of(int cp)
{
    static const int v[][2] = {
        { 0x430, 0x430 }, { 0x44F, 0x430 }, { 0x435, 0x44D }, { 0x44D, 0x44D }, { 0x451, 0x43E },
        { 0x43E, 0x43E }, { 0x443, 0x443 }, { 0x44E, 0x443 }, { 0x438, 0x438 }, { 0x44B, 0x44B },
        { 0x4E9, 0x4E9 }, { 0x4AF, 0x4AF },
    };

    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (v[i][0] == cp)
            return v[i][1];
    return cp == 0x439 || cp == 0x44C || cp == 0x44A ? -1 : 0;
}

/* Keys of the Cyrillic word w[0..len) (norm bytes, lower case) with an
 * echo vowel in its first ECHO_MAX consonant clusters, one at a time. */
#define ECHO_MAX 3
static int echo_add(struct redactor *r, const char *w, size_t len)
{
    char out[96];
    size_t i = 0, done = 0;
    int cp, n, prev = 0, last = 0, rc = 0;

    while (rc == 0 && done < ECHO_MAX && i < len && (n = utf8_next(&cp, w + i, len - i)) > 0) {
        int v = vowel_of(cp), nx = 0, nv;
        size_t j = i + (size_t)n;
        if (j < len && utf8_next(&nx, w + j, len - j) > 0 && v == 0 && prev > 0 &&
            (nv = vowel_of(nx)) == 0 && nx != cp && len + 2 <= sizeof out) {
            /* cp a consonant after a vowel, nx a consonant: cp + echo */
            memcpy(out, w, j);
            out[j] = (char)(0xC0 | (last >> 6)), out[j + 1] = (char)(0x80 | (last & 0x3F));
            memcpy(out + j + 2, w + j, len - j);
            rc = redact_scripts_add(r, out, len + 2);
            done++;
        }
        if (v > 0)
            prev = 1, last = v;
        i = j;
    }
    sodium_memzero(out, sizeof out);
    return rc;
}

int redact_patronym_add(struct redactor *r, const char *name, size_t len)
{
    char *norm;
    size_t nlen, i = 0, start = 0, k;
    int cp, n, rc = 0;

    if (normalise_norm(&norm, &nlen, name, len, NULL) != 0)
        return -1;
    while (rc == 0 && i <= nlen) {
        n = i < nlen ? utf8_next(&cp, norm + i, nlen - i) : 0;
        if (n < 0)
            break;
        if (n == 0 || !(cp >= 0x0400 && cp <= 0x04FF)) {
            if (i > start && (k = stem_of(norm + start, i - start)) > 0)
                rc = redact_scripts_add(r, norm + start, k) != 0 ||
                     echo_add(r, norm + start, k) != 0 ? -1 : 0;
            else if (i >= start + 12)   /* six letters or more */
                rc = echo_add(r, norm + start, i - start);
            if (n == 0)
                break;
            start = i + (size_t)n;
        }
        i += (size_t)n;
    }
    secmem_free(norm);
    return rc;
}
