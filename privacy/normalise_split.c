/* Names written half in one script, half in another (issue 12): the key
 * view's reading of a word that mixes Latin, Cyrillic and Hangul letters.
 * Split out of normalise_key.c (session 31), unchanged.  Called by
 * normalise.c; calls normalise_builder.c, normalise_chars.c and
 * romanise.c only. */
#include "privacy/normalise.h"

#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/confusable.h"
#include "privacy/romanise.h"
#include "privacy/normalise_int.h"
/* ---- Names written half in one script, half in another (issue 12,
 * brief i12-kinds2 item 1) ----
 * "Jong수", "종su", "Чон수", "Dor-ж", "До-rj": a word (word characters,
 * and single hyphens between them) holding letters of two or three of
 * Latin, Cyrillic and Hangul is keyed in one script: Latin if it has Latin
 * letters, else Cyrillic.  Every letter of the other scripts is keyed by
 * its usual spelling there (romanise_reading: Revised Romanisation or
 * Kontsevich for a Hangul syllable, MNS 5217 for a Cyrillic letter), so
 * "Jong수" and "종su" are keyed jongsu, "Чон수" чонсу, "Dor-ж" dorj, and
 * a name whose halves are each a spelling of its parts matches as a whole.
 * Only the key view changes: the norm view keeps the script change, which
 * boundaries, particles and detectors read ("Raseon이다").  Every key byte
 * of a reading maps to the first norm byte of its letter. */
static int split_script(int cp)
{
    int s;

    if (cp >= 0xAC00 && cp <= 0xD7A3)
        return SCRIPT_HANGUL;
    s = confusable_script(cp);
    return s == CONF_LATIN || s == CONF_CYRILLIC ? s : SCRIPT_NONE;
}

/* The end of the word starting at norm byte i (word characters and single
 * hyphens between them); *mask gets 1 << split_script of its letters. */
static size_t split_word(const struct builder *bd, size_t i, unsigned *mask)
{
    int cp, k;

    *mask = 0;
    while (i < bd->len && (k = utf8_decode(&cp, bd->s + i, bd->len - i)) > 0) {
        if (!is_word_cp(cp)) {
            if (bd->s[i] != '-' || i + 1 >= bd->len || utf8_decode(&cp, bd->s + i + 1, bd->len - i - 1) <= 0 ||
                !is_word_cp(cp))
                break;
            k = 1;
        } else {
            *mask |= 1u << split_script(cp);
        }
        i += (size_t)k;
    }
    return i;
}

struct reading {
    uint32_t at, len;           /* the letter: norm bytes */
    char s[12];                 /* its key bytes */
    int n;
};

/* Finds the letters to key by their reading (above) into *rd (malloc, *nrd
 * of them); returns the key bytes they add at most, or SIZE_MAX if out of
 * memory. */
static size_t split_readings(const struct builder *bd, struct reading **rd, size_t *nrd)
{
    size_t i = 0, w, cap = 0, extra = 0;
    unsigned mask, letters;
    int cp, k, target, sc;
    struct reading *r = NULL, *t;

    *rd = NULL, *nrd = 0;
    while (i < bd->len) {
        if ((k = utf8_decode(&cp, bd->s + i, bd->len - i)) <= 0)
            break;
        if (!is_word_cp(cp)) {
            i += (size_t)k;
            continue;
        }
        w = split_word(bd, i, &mask);
        letters = mask & ~1u;
        /* Not the end of an address, a URL or a handle
         * ("x@gmail.comгэрэл": the word glued after it is read as
         * written, with its own rules). */
        if ((letters & (letters - 1)) == 0 ||
            (i > 0 && strchr(".@/:_", bd->s[i - 1]) != NULL)) {
            i = w;
            continue;
        }
        target = mask & (1u << CONF_LATIN) ? CONF_LATIN : CONF_CYRILLIC;
        for (; i < w; i += (size_t)k) {
            if ((k = utf8_decode(&cp, bd->s + i, w - i)) <= 0)
                return free(r), SIZE_MAX;
            sc = split_script(cp);
            if (sc == SCRIPT_NONE || sc == target)
                continue;
            if (*nrd == cap) {
                cap = cap ? 2 * cap : 16;
                if ((t = realloc(r, cap * sizeof *r)) == NULL)
                    return free(r), SIZE_MAX;
                r = t;
            }
            t = &r[*nrd];
            if ((t->n = romanise_reading(t->s, sizeof t->s, cp, target)) < 0)
                continue;
            t->at = (uint32_t)i, t->len = (uint32_t)k;
            extra += (size_t)t->n;
            (*nrd)++;
        }
    }
    *rd = r;
    return extra;
}

/* Rewrites bd's key view with the readings of read_split (above).
 * Returns 0, or -1 if out of memory. */
int norm_read_split(struct builder *bd)
{
    struct reading *rd;
    size_t nrd, extra = split_readings(bd, &rd, &nrd), i, j = 0, w = 0;
    char *k;
    uint32_t *ka;

    if (extra == SIZE_MAX)
        return -1;
    if (nrd == 0)
        return free(rd), 0;
    if ((bd->klen + extra + 1 > bd->cap && norm_grow(bd, bd->klen + extra) != 0) ||
        (k = secmem_wipe_malloc(bd->cap)) == NULL) {
        free(rd);
        return -1;
    }
    if ((ka = malloc(bd->cap * sizeof *ka)) == NULL) {
        secmem_wipe_free(k), free(rd);
        return -1;
    }
    for (i = 0; i < bd->klen; i++) {
        uint32_t p = bd->ka[i];
        while (j < nrd && rd[j].at + rd[j].len <= p)
            j++;
        if (j < nrd && p >= rd[j].at) {
            if (p == rd[j].at && (i == 0 || bd->ka[i - 1] < p)) {
                memcpy(k + w, rd[j].s, (size_t)rd[j].n);
                for (int c = 0; c < rd[j].n; c++)
                    ka[w + (size_t)c] = p;
                w += (size_t)rd[j].n;
            }
            continue;
        }
        k[w] = bd->k[i];
        ka[w++] = p;
    }
    sodium_memzero(rd, nrd * sizeof *rd);
    free(rd);
    secmem_wipe_free(bd->k), free(bd->ka);
    bd->k = k, bd->ka = ka, bd->klen = w;
    return 0;
}
