/* A registered number written with letters that look like digits
 * (report-adv17a D-20, D-49): "5ОI2345678" (Cyrillic О for 0, Latin I
 * for 1) for the account 5012345678, "УБ75О31412" for the register
 * number УБ75031412, "5012345b78" (b for 6).  A word of four digits or
 * more with such letters among its digits is read with the digits they
 * stand for, and the reading goes through the literal matcher as the
 * text's key view does (redact_match_buf): a registered id, account or
 * other term is matched whole, with or without a label.  Nothing else
 * is matched: an unregistered word of digits and letters stays.
 *
 * The look-alikes (case folded, as the norm view has them), from the
 * confusables of Unicode TR 39 that fonts draw as digits: o, Cyrillic о,
 * Greek ο for 0; i, l, Cyrillic-Ukrainian і for 1; Cyrillic з for 3; s
 * for 5; b, Cyrillic б for 6.  Letters before the first digit are a
 * code's letters (УБ) and stay letters. */
#include "privacy/redact.h"

#include <sodium.h>
#include <stdint.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/detect_int.h"
#include "privacy/latin_cyrillic.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/varlist.h"

#define READ_MAX 40

static int lookalike(int cp)
{
    switch (cp) {
    case 'o': case 0x043E: case 0x03BF:
        return 0;
    case 'i': case 'l': case 0x0456:
        return 1;
    case 0x0437:
        return 3;
    case 's':
        return 5;
    case 'b': case 0x0431:
        return 6;
    default:
        return -1;
    }
}

struct look_state {
    const struct redactor *r;
    size_t keylen, lit;
};

static int on_hit(void *arg, size_t lit, size_t end)
{
    struct look_state *st = arg;
    const struct lit *l = &st->r->lits[lit];
    int cat = st->r->terms[l->term].cat;

    if (st->lit == SIZE_MAX && end == st->keylen && l->keylen == st->keylen &&
        (cat == TERM_ID || cat == TERM_ACCOUNT || cat == TERM_OTHER))
        st->lit = lit;
    return 0;
}

/* Reads the word at p; its end, the reading in buf (*n bytes) when it
 * holds a look-alike among four digits or more, else *n = 0. */
static size_t read_word(const char *s, size_t len, size_t p, char *buf, size_t *n)
{
    size_t e = p, k, digits = 0, looks = 0, m = 0;
    int cp, v = 0;

    while ((cp = det_cp_at(s, len, e, &k)) >= 0 && is_word_cp(cp)) {
        if (cp >= '0' && cp <= '9')
            v = cp - '0', digits++;
        else if (digits > 0 && (v = lookalike(cp)) >= 0)
            looks++;
        else if (digits == 0 && m + k <= READ_MAX - 1) {
            memcpy(buf + m, s + e, k), m += k, e += k;
            continue;
        } else
            looks = READ_MAX;   /* a letter among the digits */
        if (m + 1 >= READ_MAX)
            looks = READ_MAX;
        else
            buf[m++] = (char)('0' + v);
        e += k;
    }
    *n = digits >= 4 && looks >= 1 && looks * 2 <= digits ? m : 0;
    return e;
}

int redact_lookalike_numbers(struct spans *out, const struct redactor *r, const struct normtext *t,
                             struct redact_ctx *ctx)
{
    char buf[READ_MAX], *key;
    size_t p = 0, e, n, keylen, cl;
    struct look_state st = { r, 0, SIZE_MAX };
    struct err err;
    int rc = 0, cp;

    if (r->nterms == 0 || !redact_can_match(r))
        return 0;
    while (p < t->normlen && rc == 0) {
        cp = det_cp_at(t->norm, t->normlen, p, &cl);
        if (cp < 0 || !is_word_cp(cp) || (p > 0 && is_word_cp(det_cp_before(t->norm, p, &cl)))) {
            p++;
            continue;
        }
        e = read_word(t->norm, t->normlen, p, buf, &n);
        if (n > 0) {
            if (normalise_key(&key, &keylen, buf, n, &err) != 0)
                rc = -1;
            else {
                st.keylen = keylen, st.lit = SIZE_MAX;
                if (redact_match_buf(r, ctx, key, keylen, on_hit, &st) != 0)
                    rc = -1;
                else if (st.lit != SIZE_MAX) {
                    const struct term *tm = &r->terms[r->lits[st.lit].term];
                    struct span s = { p, e, tm->cat, r->lits[st.lit].rule, tm->subject,
                                      r->lits[st.lit].term, 0, 0, 0 };
                    rc = redact_span_add(out, &s);
                }
                secmem_free(key);
            }
        }
        sodium_memzero(buf, sizeof buf);
        p = e > p ? e : p + 1;
    }
    return rc;
}

/* ---- a code's letters spelt one by one before its number said ----
 * "register U B seven five zero three one four one two" for the register
 * number УБ75031412 (report-adv17a D-49): one to three letters, each a
 * word of its own ("U B", "u.b."), then number words (detect_spoken.c);
 * the letters and the digits read go through the literal matcher (the
 * key view reads Latin УБ as ub), whole.  One letter and its English
 * name ("em one two ...") are redact_numbers.c's. */

/* Reads the spelt letters at p: their end (after the separators), the
 * letters in buf (*n); *n = 0 if fewer than two. */
static size_t spelt_letters(const char *s, size_t len, size_t p, char *buf, size_t *n)
{
    size_t e = p, m = 0;

    while (m < 3 && e < len && det_alpha(s[e]) && (e + 1 == len || !det_letter_at(s, len, e + 1))) {
        buf[m++] = s[e++];
        if (e < len && (s[e] == '.' || s[e] == '-'))
            e++;
        while (e < len && s[e] == ' ')
            e++;
    }
    *n = m >= 2 ? m : 0;
    return e;
}

/* The Cyrillic letter a Latin letter spells (MNS 5217, the letters of
 * Mongolian register numbers; alt: ү for u, ө for o), or NULL: the one
 * Latin-to-Cyrillic table's LATIN_CYR_SPELT letters (latin_cyrillic.c).
 * The look-alike digits above are shapes, not sounds: they stay apart. */
static const char *cyrillic_of(char c, int alt)
{
    const char *a = alt ? latin_cyrillic_letter(c, LATIN_CYR_SPELT_ALT) : NULL;

    return a != NULL ? a : latin_cyrillic_letter(c, LATIN_CYR_SPELT);
}

/* Writes the letters buf[0..n) in script try (0 Latin, 1 Cyrillic, 2
 * Cyrillic with ү ө) and the digits d[0..m) into out (cap bytes); its
 * length, or 0. */
static size_t spell_try(char *out, size_t cap, const char *buf, size_t n, const char *d, size_t m, int try)
{
    size_t o = 0, k, l;
    const char *c;

    for (k = 0; k < n; k++) {
        c = try == 0 ? NULL : cyrillic_of(buf[k], try == 2);
        if (try > 0 && c == NULL)
            return 0;
        l = c != NULL ? strlen(c) : 1;
        if (o + l + m > cap)
            return 0;
        memcpy(out + o, c != NULL ? c : buf + k, l), o += l;
    }
    memcpy(out + o, d, m);
    return o + m;
}

int redact_spelt_codes(struct spans *out, const struct redactor *r, const struct normtext *t,
                       struct redact_ctx *ctx)
{
    char buf[READ_MAX], code[READ_MAX + 8], *key;
    size_t p, e, end, n, m, keylen, cn;
    struct look_state st = { r, 0, SIZE_MAX };
    struct err err;
    int rc = 0;

    if (r->nterms == 0 || !redact_can_match(r))
        return 0;
    for (p = 0; p + 4 < t->normlen && rc == 0; p++) {
        if (!det_alpha(t->norm[p]) || (p > 0 && det_letter_at(t->norm, t->normlen, p - 1)))
            continue;
        e = spelt_letters(t->norm, t->normlen, p, buf, &n);
        if (n == 0 || (end = detect_spoken_reading(t->norm, t->normlen, e, buf + n, sizeof buf - n, &m)) == 0)
            continue;
        st.lit = SIZE_MAX;
        for (int try = 0; try < 3 && st.lit == SIZE_MAX && rc == 0; try++) {
            if ((cn = spell_try(code, sizeof code, buf, n, buf + n, m, try)) == 0)
                continue;
            if (normalise_key(&key, &keylen, code, cn, &err) != 0) {
                rc = -1;
                break;
            }
            st.keylen = keylen;
            if (redact_match_buf(r, ctx, key, keylen, on_hit, &st) != 0)
                rc = -1;
            secmem_free(key);
        }
        if (rc == 0 && st.lit != SIZE_MAX) {
            const struct term *tm = &r->terms[r->lits[st.lit].term];
            struct span s = { p, end, tm->cat, RULE_EXACT, tm->subject, r->lits[st.lit].term, 0, 0, 0 };
            rc = redact_span_add(out, &s);
            p = end;
        }
        sodium_memzero(buf, sizeof buf);
        sodium_memzero(code, sizeof code);
    }
    return rc;
}
