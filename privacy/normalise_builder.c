/* The builder of the norm and key views (normalise_int.h): growing both
 * views together and putting bytes into them with their original offsets.
 * Calls only normalise_chars.c. */
#include "privacy/normalise.h"

#include <sodium.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/confusable.h"
#include "privacy/entities.h"
#include "privacy/hanja.h"
#include "privacy/kana.h"
#include "privacy/romanise.h"
#include "privacy/normalise_int.h"

int norm_grow(struct builder *bd, size_t need)
{
    size_t cap = bd->cap ? bd->cap : 64;
    char *s, *k;
    uint32_t *a, *ka;

    if (need > SIZE_MAX / 4 / sizeof *a)
        return -1;
    while (cap < need + 1)
        cap *= 2;
    if (cap == bd->cap)
        return 0;
    s = secmem_wipe_malloc(cap);
    a = malloc(cap * sizeof *a);
    k = secmem_wipe_malloc(cap);
    ka = malloc(cap * sizeof *ka);
    if (s == NULL || a == NULL || k == NULL || ka == NULL) {
        secmem_wipe_free(s), secmem_wipe_free(k);
        free(a), free(ka);
        return -1;
    }
    if (bd->len) {
        memcpy(s, bd->s, bd->len);
        memcpy(a, bd->a, bd->len * sizeof *a);
    }
    if (bd->klen) {
        memcpy(k, bd->k, bd->klen);
        memcpy(ka, bd->ka, bd->klen * sizeof *ka);
    }
    secmem_wipe_free(bd->s), secmem_wipe_free(bd->k);
    free(bd->a), free(bd->ka);
    bd->s = s, bd->a = a, bd->k = k, bd->ka = ka, bd->cap = cap;
    return 0;
}

/* Appends one norm byte (room for it checked by the caller) and, unless it
 * is a separator, its key byte: branch-free, the key byte is written
 * anyway and kept or overwritten. */
void norm_put1(struct builder *bd, char c, size_t os)
{
    bd->k[bd->klen] = c;
    bd->ka[bd->klen] = (uint32_t)bd->len;
    bd->klen += !norm_is_sep(c);
    bd->s[bd->len] = c;
    bd->a[bd->len++] = (uint32_t)os;
}

int norm_put(struct builder *bd, const char *p, size_t n, size_t os)
{
    size_t i;

    if (bd->len + n + 1 > bd->cap && norm_grow(bd, bd->len + n) != 0)
        return -1;
    for (i = 0; i < n; i++)
        norm_put1(bd, p[i], os);
    bd->s[bd->len] = '\0';
    return 0;
}

/* A Han character with a Hangul reading (hanja.h) was just put as n
 * bytes: its key bytes become the reading (also three bytes in UTF-8, so
 * each key byte keeps its own norm byte). */
int norm_key_fold(int cp)
{
    /* Kazakh and Buryat letters (case folded) and the Mongolian Cyrillic
     * letter a Mongolian name written in those alphabets has for each:
     * ң нг's н (Алтаңгерел), һ х, ә э, і и, ғ г, қ к, ұ у, ї и (brief s18
     * names18 item 3, report-adv17a D-29; the Kazakh and Buryat
     * alphabets, ru.wikipedia "Казахский алфавит", "Бурятский язык"). */
    static const int fold[][2] = {
        {0x04A3, 0x043D}, {0x04BB, 0x0445}, {0x04D9, 0x044D}, {0x0456, 0x0438},
        {0x0493, 0x0433}, {0x049B, 0x043A}, {0x04B1, 0x0443}, {0x0457, 0x0438},
    };

    for (size_t i = 0; i < sizeof fold / sizeof fold[0]; i++)
        if (fold[i][0] == cp)
            return fold[i][1];
    return 0;
}

int norm_put_reading(struct builder *bd, int cp, size_t n)
{
    utf8proc_uint8_t u[4];
    int h = hanja_reading(cp), prev;

    if (n == 2 && (h = norm_key_fold(cp)) != 0) {
        if (utf8proc_encode_char(h, u) == 2)
            memcpy(bd->k + bd->klen - 2, u, 2);
        return 0;
    }

    /* Kana (kana.h): the key's katakana, and a long vowel ウ left out;
     * the kana before it then reaches through it in the norm view, so a
     * name found in the key ends after the vowel (ジョンスウ), not inside
     * a word. */
    if (h == 0 && n == 3 && (h = kana_key(cp)) != 0 && bd->klen >= 6 &&
        utf8_decode(&prev, bd->k + bd->klen - 6, 3) == 3 && kana_long_vowel(prev, h)) {
        bd->klen -= 3;
        bd->ka[bd->klen - 1] = (uint32_t)(bd->len - 1);
        return 0;
    }
    if (h == 0 || n != 3 || utf8proc_encode_char(h, u) != 3)
        return 0;
    memcpy(bd->k + bd->klen - 3, u, 3);
    return 0;
}
