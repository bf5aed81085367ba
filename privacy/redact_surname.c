/* The subject's surname apart from a replaced name of theirs (brief
 * i12-forms, item 5; redact_int.h).  Its own file: it adds spans
 * (redact_span_add, redact_hits.c), while redact_forms.c is called by the
 * hit rules. */
#include <string.h>

#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/romanise.h"
#include "privacy/variants.h"

/* ---- A surname apart from the given name (brief i12-forms, item 5) ----
 * "Kim's brother Jong-su", "Kim, Jong-su", "Jong-su, Kim": the subject's
 * surname a few words from a replaced name of theirs, in the same clause,
 * is replaced too. */

#define NEAR_WORDS 3            /* words read on each side of a name */

/* A norm byte that ends the clause a name stands in. */
static int clause_end(unsigned char c)
{
    return c < 0x80 && c != ' ' && c != ',' && c != '\'' && c != '-' &&
           !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
}

/* The key of norm [w, e) in lower-case Latin (Cyrillic letters and Hangul
 * syllables by their usual reading) in key[0..cap); its length, or 0. */
static size_t latin_key(char *key, size_t cap, const struct normtext *t, size_t w, size_t e)
{
    size_t k = 0;
    int cp, n, l;

    for (size_t i = w; i < e; i += (size_t)n) {
        if ((n = utf8_next(&cp, t->norm + i, e - i)) <= 0)
            return 0;
        if (cp >= 'a' && cp <= 'z' && k + 1 < cap) {
            key[k++] = (char)cp;
            continue;
        }
        if (!(is_cyrillic_cp(cp) || is_hangul_cp(cp)) ||
            (l = romanise_reading(key + k, cap - 1 - k, cp, 1)) <= 0)
            return 0;
        k += (size_t)l;
    }
    return k;
}

/* The edit distance of a[0..an) and b[0..bn) (bytes), up to 3. */
static size_t distance(const char *a, size_t an, const char *b, size_t bn)
{
    size_t d[HANDLE_PIECE_MAX + 1], prev, cur, i, j;

    if (an > HANDLE_PIECE_MAX || bn > HANDLE_PIECE_MAX)
        return 3;
    for (j = 0; j <= bn; j++)
        d[j] = j;
    for (i = 1; i <= an; i++) {
        prev = d[0], d[0] = i;
        for (j = 1; j <= bn; j++) {
            cur = d[j];
            d[j] = a[i - 1] == b[j - 1] ? prev : 1 + (prev < d[j] ? (prev < d[j - 1] ? prev : d[j - 1])
                                                                : (d[j] < d[j - 1] ? d[j] : d[j - 1]));
            prev = cur;
        }
    }
    return d[bn] < 3 ? d[bn] : 3;
}

/* 1 if key[0..k) (a capitalised word's Latin key) is another spelling of
 * a frequent surname among the subject's name pieces (brief s18 names18
 * item 5, report-adv17a D-51): one letter added, dropped or changed
 * (Tchoe, Kimm for Choe, Kim), or two with the same first and last letter
 * (Keem for Kim), and of two letters at least. */
static int other_spelling(const struct redactor *r, long subject, const char *key, size_t k)
{
    size_t i, d;

    if (k < 2 || k > 6)
        return 0;
    for (i = 0; i < r->npieces; i++) {
        const struct handle_piece *pc = &r->pieces[i];
        if (r->terms[pc->term].subject != subject || pc->len < 2 || pc->len > 6 ||
            !variants_is_surname(pc->s, pc->len))
            continue;
        d = distance(key, k, pc->s, pc->len);
        if (d == 1 || (d == 2 && k > 2 && pc->len > 2 && key[0] == pc->s[0] &&
                       key[k - 1] == pc->s[pc->len - 1]))
            return 1;
    }
    return 0;
}

/* 1 if norm [w, e) is the surname of subject as it is written beside a
 * name: a frequent surname (variants_is_surname) that is a part of one of
 * the subject's names, with a capital in Latin or Cyrillic, alone in
 * Hangul (김, or 김의). */
static int subject_surname(const struct redactor *r, long subject, const struct normtext *t,
                           size_t w, size_t e)
{
    char key[HANDLE_PIECE_MAX];
    size_t k, o = t->ostart[w], lo = 0, hi = r->npieces, mid;
    int cp;

    if (utf8_next(&cp, t->orig + o, normtext_oend(t, w) - o) <= 0)
        return 0;
    if (is_hangul_cp(cp) ? !variants_is_surname(t->norm + w, e - w) : !normalise_is_upper(cp))
        return 0;
    /* Not a letter alone: "У К.О. был брат" (У "at", a Koryo-saram
     * surname too) is no surname beside the initials (report-adv41 O-4;
     * redact_letter_alone, as redact_extend.c's surname_before). */
    if (redact_letter_alone(t, w, e))
        return 0;
    if ((k = latin_key(key, sizeof key, t, w, e)) == 0)
        return 0;
    if (!variants_is_surname(key, k))
        return other_spelling(r, subject, key, k);
    while (lo < hi) {
        mid = (lo + hi) / 2;
        if (memcmp(r->pieces[mid].s, key, k) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < r->npieces && memcmp(r->pieces[lo].s, key, k) == 0; lo++)
        if (r->pieces[lo].len == k && r->terms[r->pieces[lo].term].subject == subject)
            return 1;
    return 0;
}

/* 1 if norm [a, b) overlaps a span of sp. */
static int covered(const struct spans *sp, size_t a, size_t b)
{
    for (size_t i = 0; i < sp->n; i++)
        if (sp->s[i].start < b && a < sp->s[i].end)
            return 1;
    return 0;
}

/* The code point at norm byte q (dir 1) or before it (dir -1) and its
 * length in *n; -1 at the text's end. */
static int cp_at(const struct normtext *t, size_t q, int dir, size_t *n)
{
    size_t a = q;
    int cp;

    if (dir > 0) {
        int k = q < t->normlen ? utf8_next(&cp, t->norm + q, t->normlen - q) : -1;
        *n = k > 0 ? (size_t)k : 1;
        return k > 0 ? cp : -1;
    }
    if (q == 0)
        return -1;
    a--;
    while (a > 0 && ((unsigned char)t->norm[a] & 0xC0) == 0x80)
        a--;
    *n = q - a;
    return utf8_next(&cp, t->norm + a, q - a) > 0 ? cp : -1;
}

/* The next word from norm byte p in direction dir (1 forward, -1 back),
 * in [*w, *e); 0 at the clause's end.  Hyphens join a word ("Jong-su"). */
static int next_word(const struct normtext *t, size_t p, int dir, size_t *w, size_t *e)
{
    size_t q = p, n;
    int cp;

    while ((cp = cp_at(t, q, dir, &n)) >= 0 && !is_word_cp(cp)) {
        if (cp >= 0x80 || clause_end((unsigned char)cp))
            return 0;
        q = dir > 0 ? q + n : q - n;
    }
    if (cp < 0)
        return 0;
    if (dir > 0)
        *w = q;
    else
        *e = q;
    while ((cp = cp_at(t, q, dir, &n)) >= 0 && (is_word_cp(cp) || cp == '-'))
        q = dir > 0 ? q + n : q - n;
    if (dir > 0)
        *e = q;
    else
        *w = q;
    return *e > *w;
}

/* 1 if the word after norm byte e (one space) starts with a capital: the
 * surname begins another full name ("Kim Il-sung"). */
static int name_follows(const struct normtext *t, size_t e)
{
    size_t o;
    int cp;

    if (e + 1 >= t->normlen || t->norm[e] != ' ')
        return 0;
    o = t->ostart[e + 1];
    return utf8_next(&cp, t->orig + o, normtext_oend(t, e + 1) - o) > 0 && normalise_is_upper(cp);
}

int redact_surname_near(struct spans *sp, const struct redactor *r, const struct normtext *t)
{
    size_t n0 = sp->n, i, p, w, e, we;
    int dir, k;

    for (i = 0; i < n0; i++) {
        struct span s = sp->s[i];
        if (s.term == SIZE_MAX || s.term >= r->nterms ||
            (r->terms[s.term].cat != NAME_CAT && r->terms[s.term].cat != TERM_PERSON))
            continue;
        for (dir = -1; dir <= 1; dir += 2) {
            p = dir < 0 ? s.start : s.end;
            for (k = 0; k < NEAR_WORDS && next_word(t, p, dir, &w, &e); k++) {
                p = dir < 0 ? w : e;
                /* "Kim's": the word before the possessive */
                we = e;
                if (dir > 0 ? w == s.end : e == s.start)
                    continue;           /* glued to the name: its particle (林英男이) */
                if (e - w == 1 && t->norm[w] == 's' && w > 0 && t->norm[w - 1] == '\'')
                    continue;
                if (we > w && t->norm[we - 1] == '-')
                    we--;
                if (we - w == 6 && memcmp(t->norm + w + 3, "의", 3) == 0)
                    we -= 3;            /* 김의 동생 종수: Kim's brother */
                if (we - w == 6 && memcmp(t->norm + w + 3, "가", 3) == 0)
                    we -= 3;            /* 김가 종수: "the Kim", Jong-su */
                /* The name after it is the replaced one itself (Tchoe
                 * [Myong Nam]): no other full name begins there. */
                if (covered(sp, w, we) ||
                    (name_follows(t, we) && !(dir < 0 && k == 0 && we + 1 == s.start)) ||
                    !subject_surname(r, r->terms[s.term].subject, t, w, we))
                    continue;
                if (k == 0 && (((dir < 0 ? s.start - we : w - s.end) == 2 &&
                                memcmp(t->norm + (dir < 0 ? we : s.end), ", ", 2) == 0) ||
                               (dir < 0 && s.start - we == 1 && t->norm[we] == ' '))) {
                    /* "Kim, Jong-su", "Jong-su, Kim", "Tchoe Myong Nam":
                     * one name */
                    if (dir < 0)
                        sp->s[i].start = s.start = w;
                    else
                        sp->s[i].end = s.end = we;
                } else {
                    struct span add = s;
                    add.start = w, add.end = we, add.word = 0, add.review = 0, add.glued = 0;
                    if (redact_span_add(sp, &add) != 0)
                        return -1;
                }
            }
        }
    }
    return 0;
}

