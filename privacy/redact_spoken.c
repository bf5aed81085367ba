/* Registered numbers said in words (issue 12, report-adv15 ):
 * an id, other or account term of digits alone ("id:5512") spelt as
 * number words in any language the spoken reader knows ("five five one
 * two", "eight-eight-one-two", Sino-Korean 오오일이, native Korean
 * 다섯다섯하나둘, Han 五五一二; detect_spoken.c) is that term.  The
 * spoken reading's digits go through the same literal matcher as the
 * text's key view (redact_match_buf), so a term is matched by one rule
 * whatever the spelling; a hit replaces the words of the whole run. */
#include "privacy/redact.h"

#include <sodium.h>
#include <stdint.h>
#include <string.h>

#include "privacy/detect_int.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"

/* Digits of one run read at most (a phone number and an id said in one
 * breath). */
#define READ_DIGITS 40

/* Digits of a registered term said in words of the wider net, at least
 * (detect_spoken.c's WEAK_RUN is 7 for numbers no term holds). */
#define WEAK_TERM 4

struct spoken_state {
    const struct redactor *r;
    size_t lit;                 /* the first literal found, or SIZE_MAX */
    size_t whole;               /* 0, or the reading's length: a literal must be all of it */
};

/* 1 if literal lit is a term of digits alone of a category read so. */
static int digit_lit(const struct redactor *r, size_t lit)
{
    const struct lit *l = &r->lits[lit];
    const char *k = r->arena + r->keyoff[lit];
    int cat = r->terms[l->term].cat;

    if (l->keylen < 4 || (cat != TERM_ID && cat != TERM_OTHER && cat != TERM_ACCOUNT))
        return 0;
    for (size_t j = 0; j < l->keylen; j++)
        if (k[j] < '0' || k[j] > '9')
            return 0;
    return 1;
}

static int on_digits(void *arg, size_t lit, size_t end)
{
    struct spoken_state *st = arg;

    if (st->lit == SIZE_MAX && digit_lit(st->r, lit) &&
        (st->whole == 0 || (end == st->whole && st->r->lits[lit].keylen == st->whole)))
        st->lit = lit;
    return 0;
}

/* 1 if a word starts at norm byte p (no word character before it). */
static int word_start(const char *s, size_t p)
{
    size_t n;

    return p == 0 || !is_word_cp(det_cp_before(s, p, &n));
}

/* 1 if a run of Han digits starts at p glued after another letter
 * ("号码七五零三...", "番号は七五〇三...", "Номер七五零三...": Chinese and
 * Japanese put no space before a number; report-adv17a D-1). */
static int han_start(const char *s, size_t len, size_t p)
{
    size_t n;
    int cp = det_cp_at(s, len, p, &n);

    return cp >= 0x3000 && det_han_digit(cp) >= 0 &&
           !((cp = det_cp_before(s, p, &n)) >= 0 && det_han_digit(cp) >= 0);
}

/* 1 if a pattern detector found a span over [a, b) already: a phone
 * number said in words is the detector's [PHONE-n] even where the
 * subject's contact (an other term of digits) holds the same digits. */
static int detected(const struct spans *sp, size_t a, size_t b)
{
    for (size_t i = 0; i < sp->n; i++)
        if (sp->s[i].rule == R_PATTERN && sp->s[i].start < b && sp->s[i].end > a)
            return 1;
    return 0;
}

int redact_spoken_terms(struct spans *out, const struct redactor *r, const struct normtext *t,
                        struct redact_ctx *ctx)
{
    char d[READ_DIGITS];
    struct spoken_state st = { r, SIZE_MAX, 0 };
    size_t p = 0, end, n;
    int rc = 0, second;

    if (!r->digit_terms || !redact_can_match(r))
        return 0;
    while (p < t->normlen && rc == 0) {
        unsigned char c = (unsigned char)t->norm[p];
        if (!(((c >= 'a' && c <= 'z') || c >= 0xC0 || (det_digit((char)c) && detect_mixed_start(t->norm, t->normlen, p))) &&
              (word_start(t->norm, p) || han_start(t->norm, t->normlen, p)))) {
            p++;
            continue;
        }
        /* A run of the wider net's words shorter than WEAK_RUN ("wu ling
         * san yi", "odin dva tri chetyre": words that are ordinary words
         * too) counts only where it reads as a whole registered term. */
        end = detect_spoken_reading_two(t->norm, t->normlen, p, d, sizeof d, &n, WEAK_TERM, &second);
        st.whole = second ? n : 0;
        if (end == 0) {
            p++;
            continue;
        }
        st.lit = SIZE_MAX;
        if (n >= 4 && redact_match_buf(r, ctx, d, n, on_digits, &st) != 0)
            rc = -1;
        else if (st.lit != SIZE_MAX && !detected(out, p, end)) {
            const struct term *tm = &r->terms[r->lits[st.lit].term];
            struct span s = { p, end, tm->cat, r->lits[st.lit].rule, tm->subject,
                              r->lits[st.lit].term, 0, 0, 0 };
            if (redact_span_add(out, &s) != 0)
                rc = -1;
        }
        p = end;
    }
    sodium_memzero(d, sizeof d);
    return rc;
}
