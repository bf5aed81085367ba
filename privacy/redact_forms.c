/* Name forms beside a person's name (brief i12-forms): what still names
 * the person next to a replaced name, taken into its replacement. */
#include <string.h>

#include "privacy/redact_int.h"
#include "privacy/romanise.h"

/* Longest abbreviation of a name part read before a name ("Батб."). */
#define ABBREV_MAX_CHARS 6

/* 1 if key[0..n) (ASCII lower case) starts a handle piece (a spelling of
 * a part of a name, redact_handles.c; sorted) of a name of subject;
 * n < HANDLE_PIECE_MAX. */
static int starts_piece(const struct redactor *r, long subject, const char *key, size_t n)
{
    size_t lo = 0, hi = r->npieces, mid;

    while (lo < hi) {           /* the first piece not below key */
        mid = (lo + hi) / 2;
        if (memcmp(r->pieces[mid].s, key, n) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < r->npieces && memcmp(r->pieces[lo].s, key, n) == 0; lo++)
        if (r->pieces[lo].len > n && r->terms[r->pieces[lo].term].subject == subject)
            return 1;
    return 0;
}

size_t redact_abbrev_before(const struct redactor *r, size_t term, const struct normtext *t,
                            size_t p)
{
    char key[4 * ABBREV_MAX_CHARS + 1];
    size_t q = p, w, k = 0, chars = 0, o;
    int cp, n, l;

    if (q > 0 && t->norm[q - 1] == ' ')
        q--;
    if (q < 3 || t->norm[q - 1] != '.' || term >= r->nterms)
        return p;
    for (w = q - 1; w > 0 && is_word_cp(redact_cp_before(t->norm, w)); chars++) {
        w--;
        while (w > 0 && ((unsigned char)t->norm[w] & 0xC0) == 0x80)
            w--;
    }
    if (chars < 2 || chars > ABBREV_MAX_CHARS || (w > 0 && t->norm[w - 1] != ' '))
        return p;
    /* Written with a capital: "Bat.", "Батб." */
    o = t->ostart[w];
    if (utf8_next(&cp, t->orig + o, normtext_oend(t, w) - o) <= 0 || !normalise_is_upper(cp))
        return p;
    /* Its letters in Latin, as the pieces are spelled. */
    for (size_t i = w; i < q - 1; i += (size_t)n) {
        if ((n = utf8_next(&cp, t->norm + i, q - 1 - i)) <= 0)
            return p;
        if (cp < 0x80 && cp >= 'a' && cp <= 'z') {
            key[k++] = (char)cp;
            continue;
        }
        if (!is_cyrillic_cp(cp) || (l = romanise_reading(key + k, sizeof key - 1 - k, cp, 1)) < 0)
            return p;
        k += (size_t)l;
    }
    return k > 0 && k < HANDLE_PIECE_MAX && starts_piece(r, r->terms[term].subject, key, k) ? w : p;
}
