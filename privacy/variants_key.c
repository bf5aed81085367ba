/* The spellings of one key of a name (variants_int.h): a whole name or
 * term, or one word of a name, read by its script (Hangul, Cyrillic, or
 * Latin read back as Korean or Mongolian).  Split from variants.c so that
 * variants.c and variants_initials.c both call down into it (scripts/
 * layers.sh: no two files call each other). */
#include "privacy/variants.h"

#include <sodium.h>
#include <string.h>
#include <utf8proc.h>

#include "privacy/normalise.h"
#include "privacy/variants_int.h"

int variants_latin_key(const char *key, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (key[i] < 'a' || key[i] > 'z')
            return 0;
    return len > 0;
}

static int from_latin(struct variant_list *out, const char *key, size_t len, int person)
{
    size_t from;
    struct reverse r;
    struct mnrev m;
    int i, rc = 0;

    if (reverse_korean(&r, key, len) != 0) {
        reverse_free(&r);
        return -1;
    }
    /* Initials of the likeliest reading only (person 2: a person, no
     * initials): they would crowd out the other readings' spellings. */
    for (i = 0; rc == 0 && i < r.nfound; i++)
        rc = korean_from_hangul(out, r.found[i], strlen(r.found[i]), RULE_VARIANT,
                                person && i > 0 ? 2 : person);
    if (r.nfound > 0 || rc != 0) {
        reverse_free(&r);
        return rc;
    }
    reverse_free(&r);
    /* A name word not read as Korean in Russian text (Уитфилд). */
    if (person && en_russian_forms(out, key, len, 16) != 0)
        return -1;
    memset(&m, 0, sizeof m);
    mnrev_rec(&m, key, len, 0, 0);
    from = out->n;
    /* Short forms of the likeliest reading and its other vowels (Түвшин
     * of Tuvshinbayar), which come before the other readings
     * (VARIANTS_MAX). */
    for (i = 0; rc == 0 && i < m.nfound; i++) {
        rc = mongolian_from_cyrillic(out, m.found[i], strlen(m.found[i]), RULE_VARIANT,
                                     i == 0 && person, i == 0 ? 300 : 100);
        if (rc == 0 && i == 0)
            rc = mn_vowel_readings(out, m.found[0], person);
    }
    sodium_memzero(&m, sizeof m);
    variants_keep_latin_initial(out, from, key, len);
    return rc;
}
/* The spellings of one key: a whole name or term, or one word of a name. */
int variants_expand_key(struct variant_list *out, const char *key, size_t keylen, int rule,
                      int person)
{
    int cp;

    if (utf8_next(&cp, key, keylen) <= 0)
        return 0;
    if (is_hangul_cp(cp))
        return korean_from_hangul(out, key, keylen, rule, person);
    if (is_cyrillic_cp(cp))
        return mongolian_from_cyrillic(out, key, keylen, rule, person, 300);
    if (variants_latin_key(key, keylen))
        return from_latin(out, key, keylen, person);
    return 0;
}

/* 1 if cp is a letter that has capitals (a word written with one names
 * someone: "Bold", "Болд"; "bold" and "болд" are words). */
int variants_cased(int cp)
{
    return cp >= 0 && (utf8proc_isupper(cp) || utf8proc_islower(cp));
}

/* 1 if norm[0..len) is words of Latin letters, hyphens and spaces only
 * (a name registered in Latin: "Oleg Kim", "Kim Ok-ja"). */
int variants_latin_key_words(const char *norm, size_t len)
{
    size_t i, letters = 0;

    for (i = 0; i < len; i++) {
        char c = norm[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            letters++;
        else if (c != ' ' && c != '-')
            return 0;
    }
    return letters > 0;
}

/* 1 if a variant of out is in Hangul: the name was read as Korean (its
 * initials are korean_initials'). */
int variants_korean_read(const struct variant_list *out)
{
    int cp;

    for (size_t i = 0; i < out->n; i++)
        if (utf8_next(&cp, out->arena + out->v[i].off, out->v[i].keylen) > 0 && is_hangul_cp(cp))
            return 1;
    return 0;
}
