/* The retry and the merge of the redactor's spans: hits refused for a
 * neighbour that is itself replaced are accepted again
 * (redact_retry_pending), and overlapping spans become one (redact_merge). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "privacy/gazetteer.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"
#include "privacy/romanise.h"
#include "privacy/variants.h"
#include "util/lexicon.h"

static int by_start(const void *a, const void *b)
{
    const struct span *x = a, *y = b;

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return x->cat < y->cat ? -1 : x->cat > y->cat;
}

static int registered(const struct span *s)
{
    return s->rule < R_PATTERN;
}

/* Whether two registered spans are one hit: the same subject and
 * category (a name's words each have a term of their own), and for a
 * term of no subject (0) the same term. */
static int same_hit(const struct span *x, const struct span *y)
{
    return x->subject == y->subject && x->cat == y->cat && (x->subject != 0 || x->term == y->term);
}

/* Drops each detector span (R_PATTERN) that registered spans (names and
 * protected terms) of two or more different hits cover whole, end to end
 * with no gap: what it finds is replaced anyway, and each registered hit
 * keeps its own placeholder ("No" + a protected number + a name stays
 * "No[OTHER-1]Sara Holm", not one [ID-n]; report-adv13 1).  A detector
 * span over one hit's spans stays and wins as the longer or equal span (a
 * handle or an e-mail built from a name is [HANDLE-n], [EMAIL-n]).  sp
 * sorted by by_start.  The registered spans' union is walked in start
 * order beside the others, keeping the spans with the two largest ends of
 * its run (the two that may reach over s->start); dropped spans are marked
 * first and removed after, so the walk reads only what it sorted.  Linear
 * after the sort; no memory. */
static void drop_covered_patterns(struct spans *sp)
{
    enum { DROPPED = 99 };
    size_t i, j = 0, k, o = 0, from = 0, r;
    const struct span *top = NULL, *second = NULL, *first;
    int two;

    for (i = 0; i < sp->n; i++) {
        const struct span *s = &sp->s[i];

        if (s->rule != R_PATTERN)
            continue;
        /* the run of registered spans starting at or before s->start */
        for (; j < sp->n && sp->s[j].start <= s->start; j++) {
            const struct span *x = &sp->s[j];

            if (!registered(x))
                continue;
            if (top == NULL || x->start > top->end)
                from = x->start, top = x, second = NULL;
            else if (x->end > top->end)
                second = top, top = x;
            else if (second == NULL || x->end > second->end)
                second = x;
        }
        if (top == NULL || from > s->start || top->end <= s->start)
            continue;
        first = top;
        two = second != NULL && second->end > s->start && !same_hit(second, first);
        /* widened by registered spans that start inside it */
        for (r = top->end, k = j; k < sp->n && sp->s[k].start <= r && r < s->end; k++) {
            const struct span *x = &sp->s[k];

            if (registered(x) && x->end > r) {
                r = x->end;
                two |= !same_hit(x, first);
            }
        }
        if (r >= s->end && two)
            sp->s[i].rule = DROPPED;
    }
    for (i = 0; i < sp->n; i++)
        if (sp->s[i].rule != DROPPED)
            sp->s[o++] = sp->s[i];
    sp->n = o;
}

/* Overlapping spans become one: their union, replaced as the longest.
 * A detector span that two registered hits cover whole is dropped first. */
void redact_merge(struct spans *sp, const struct normtext *t)
{
    size_t i, o = 0, bestlen = 0, len, us, ue;
    struct span cur, *u;

    if (sp->n == 0)
        return;
    qsort(sp->s, sp->n, sizeof *sp->s, by_start);
    drop_covered_patterns(sp);
    for (i = 0; i < sp->n; i++) {
        cur = sp->s[i];
        if (t != NULL)
            cur.start = t->ostart[cur.start], cur.end = normtext_oend(t, cur.end - 1);
        len = cur.end - cur.start;
        if (o > 0 && cur.start < sp->s[o - 1].end) {
            u = &sp->s[o - 1];
            us = u->start, ue = u->end > cur.end ? u->end : cur.end;
            if (len > bestlen) {
                *u = cur;
                bestlen = len;
            }
            u->start = us, u->end = ue;
            continue;
        }
        sp->s[o++] = cur;
        bestlen = len;
    }
    sp->n = o;
}

/* The norm bytes [*start, *end) widened to whole sequences: what
 * redact_merge replaces for a span found there.  A span that ends on a
 * base letter takes the marks after it ("6::" + U+0301 goes whole), and
 * so must the cover, or a hit refused for being glued to those marks is
 * exposed by the replacement. */
static void whole_sequences(size_t *start, size_t *end, const struct normtext *t)
{
    while (*start > 0 && t->ostart[*start - 1] == t->ostart[*start])
        (*start)--;
    while (*end > 0 && *end < t->normlen && t->ostart[*end] == t->ostart[*end - 1])
        (*end)++;
}

static int cover_build(struct cover *c, const struct spans *sp, const struct normtext *t)
{
    struct span *copy = malloc((sp->n ? sp->n : 1) * sizeof *copy);
    size_t i;

    free(c->start), free(c->maxend);
    c->start = malloc((sp->n ? sp->n : 1) * sizeof *c->start);
    c->maxend = malloc((sp->n ? sp->n : 1) * sizeof *c->maxend);
    c->n = sp->n;
    if (copy == NULL || c->start == NULL || c->maxend == NULL) {
        free(copy);
        return -1;
    }
    if (sp->n > 0)
        memcpy(copy, sp->s, sp->n * sizeof *copy);
    if (sp->n > 0)
        qsort(copy, sp->n, sizeof *copy, by_start);
    for (i = 0; i < sp->n; i++) {
        whole_sequences(&copy[i].start, &copy[i].end, t);
        c->start[i] = copy[i].start;
        c->maxend[i] = i > 0 && c->maxend[i - 1] > copy[i].end ? c->maxend[i - 1] : copy[i].end;
    }
    free(copy);
    return 0;
}

/* 0 if no replaced span in c can change accept_hit's answer for the hit
 * ending at key index kend: the answer reads the cover only at the byte
 * before the hit and over the rest of the word after it (a covered
 * position there cuts the suffix).  Most refused hits lie inside ordinary
 * words far from any replacement; this spares them accept_hit. */
static int near_cover(const struct normtext *t, const struct lit *l, size_t kend,
                      const struct cover *c, size_t *cur)
{
    size_t nstart = t->kpos[kend - l->keylen], nend = t->kpos[kend - 1] + 1;
    size_t lo = *cur, at;
    int cp, k;

    while (nend < t->normlen && ((unsigned char)t->norm[nend] & 0xC0) == 0x80)
        nend++;
    /* lo: the first span starting after nend.  Hits come mostly in order
     * of their end: walk on from the last one, search when going back. */
    if (lo > 0 && c->start[lo - 1] > nend)
        lo = redact_starting_by(c, nend);
    while (lo < c->n && c->start[lo] <= nend)
        lo++;
    *cur = lo;
    /* A span starting at or before nend that reaches nstart - 1 or beyond
     * (covering nstart - 1 or nend among others). */
    if (lo > 0 && c->maxend[lo - 1] + 1 > nstart)
        return 1;
    if (lo == c->n)
        return 0;
    /* The next span starts inside the word only if every character up to
     * it is a word character. */
    for (at = nend; at < c->start[lo]; at += (size_t)k)
        if ((k = utf8_next(&cp, t->norm + at, t->normlen - at)) <= 0 || !is_word_cp(cp))
            return 0;
    return 1;
}

/* 1 if an ASCII digit stands right before the hit of keylen key bytes
 * ending at key index kend: only there does the last pass answer
 * otherwise (glued_latin, redact_hits.c); the rest are spared it. */
static int digit_before(const struct normtext *t, size_t keylen, size_t kend)
{
    size_t nstart = t->kpos[kend - keylen];

    return nstart > 0 && t->norm[nstart - 1] >= '0' && t->norm[nstart - 1] <= '9';
}

/* The norm bytes [*a, *b) of the pending hit p (a kept hit of literal
 * p->term ending at key index p->end), as redact_accept_hit reads them. */
static void pending_bytes(size_t *a, size_t *b, const struct redactor *r, const struct normtext *t,
                          const struct span *p)
{
    size_t keylen = r->lits[p->term].keylen;

    *a = t->kpos[p->end - keylen], *b = t->kpos[p->end - 1] + 1;
    while (*b < t->normlen && ((unsigned char)t->norm[*b] & 0xC0) == 0x80)
        (*b)++;
}

/* 1 if the hit [a, b) reaches the end w of its word, or a case ending
 * (Russian, Ukrainian) short of it: Шевченк|а, Цо|ю. */
static int word_covered(const struct normtext *t, size_t a, size_t b, size_t w)
{
    return a < b && b <= w &&
           (b == w || redact_sense_is_one(t->norm, b, w, "а|я|у|ю|ом|ем|е|ым|им|ой|ою|ові|єві|і|ї|и|ы|ого|ому|ей|ею"));
}

/* A subject's own whole name is never kept as a public figure's, even
 * where a figure has it (a subject registered as "Цой Виктор Робертович"
 * in "Виктору Цою дали срок"; brief s47 pub47, adv38-open.jsonl L-20):
 * two kept hits of the same subject that redact_sense_public_figure
 * keeps, each a whole word (a hit from the word's start to its end or
 * its case ending),
 * the two words one space or hyphen apart,
 * are filed as the subject's forms (redact_read_file: replaced, or a
 * review flag for a form that is a word).  Returns 0, or -1 when out of
 * memory. */
static int figure_own_name(struct spans *sp, struct spans *pending, struct spans *flags,
                           const struct redactor *r, const struct normtext *t)
{
    for (size_t i = 0; i < pending->n; i++) {
        size_t li = pending->s[i].term, ia, ib, iw;
        if (li == SIZE_MAX || !r->lits[li].person)
            continue;
        pending_bytes(&ia, &ib, r, t, &pending->s[i]);
        if ((ia > 0 && is_word_cp(redact_cp_before(t->norm, ia))) || !redact_sense_public_figure(t, ia, ib))
            continue;
        if (!word_covered(t, ia, ib, iw = redact_sense_run_end(t, ia)))
            continue;
        for (size_t j = 0; j < pending->n; j++) {
            size_t lj = pending->s[j].term, ja, jb, jw;
            if (j == i || lj == SIZE_MAX || !r->lits[lj].person ||
                r->terms[r->lits[lj].term].subject != r->terms[r->lits[li].term].subject)
                continue;
            pending_bytes(&ja, &jb, r, t, &pending->s[j]);
            jw = redact_sense_run_end(t, ja);
            if (!word_covered(t, ja, jb, jw) || (ja > 0 && is_word_cp(redact_cp_before(t->norm, ja))) ||
                !((iw + 1 == ja && (t->norm[iw] == ' ' || t->norm[iw] == '-')) ||
                  (jw + 1 == ia && (t->norm[jw] == ' ' || t->norm[jw] == '-'))) ||
                !redact_sense_public_figure(t, ja, jb))
                continue;
            if (redact_read_file(sp, flags, r, li, ia, ib) != 0 || redact_read_file(sp, flags, r, lj, ja, jb) != 0)
                return -1;
            pending->s[i].term = SIZE_MAX, pending->s[j].term = SIZE_MAX;
            break;
        }
    }
    return 0;
}

/* A hit refused because its neighbour is a word character is accepted when
 * that neighbour is replaced anyway: otherwise the replacement would expose
 * it ("m@x.ng청진" -> "[EMAIL-1]청진").  Repeats until nothing changes. */
int redact_retry_pending(struct spans *sp, struct spans *pending, struct spans *flags,
                         const struct redactor *r, const struct normtext *t)
{
    struct cover c = { NULL, NULL, 0, 0 };
    struct span s = { 0 };
    enum redact_hit h;
    size_t i, cur;
    int changed = 1, rc = 0;

    while (changed && rc == 0 && pending->n > 0) {
        changed = 0;
        if ((rc = cover_build(&c, sp, t)) != 0)
            break;
        for (i = 0, cur = 0; i < pending->n && rc == 0; i++) {
            size_t lit = pending->s[i].term;
            struct redact_form f;
            if (lit == SIZE_MAX || pending->s[i].review == PENDING_BESIDE_ONLY ||
                !near_cover(t, &r->lits[lit], pending->s[i].end, &c, &cur))
                continue;
            f = redact_lit_form(r, lit);
            if ((h = redact_accept_hit(&s, t, &f, r->lits[lit].keylen, r->lits[lit].rule,
                                pending->s[i].end, &c)) == HIT_NONE)
                continue;
            rc = redact_file_hit(&s, r, lit, &f, h, t, sp, flags);
            pending->s[i].term = SIZE_MAX;
            changed = 1;
        }
    }
    /* What no replacement reached, the last pass (c.last: no detector
     * will replace the digits before a glued form, "a:6Ulaanbaatar"); a
     * long Latin form still glued after letters and digits is a review
     * flag over its word (redact_glued_alnum). */
    c.last = 1;
    for (i = 0; i < pending->n && rc == 0; i++) {
        size_t lit = pending->s[i].term;
        struct redact_form f;
        if (lit == SIZE_MAX || pending->s[i].review == PENDING_BESIDE_ONLY)
            continue;
        f = redact_lit_form(r, lit);
        if (c.start != NULL && digit_before(t, r->lits[lit].keylen, pending->s[i].end) &&
            (h = redact_accept_hit(&s, t, &f, r->lits[lit].keylen, r->lits[lit].rule,
                                   pending->s[i].end, &c)) != HIT_NONE)
            rc = redact_file_hit(&s, r, lit, &f, h, t, sp, flags);
        else if (flags != NULL &&
                 redact_glued_alnum(&s, t, &f, r->lits[lit].keylen, r->lits[lit].rule,
                                    pending->s[i].end) == HIT_FLAG)
            rc = redact_file_hit(&s, r, lit, &f, HIT_FLAG, t, sp, flags);
    }
    free(c.start), free(c.maxend);
    return rc == 0 ? figure_own_name(sp, pending, flags, r, t) : rc;
}

int redact_match_apart(struct spans *found, struct spans *flags, const struct redactor *r,
                       const struct normtext *t, struct redact_ctx *ctx, int names, struct err *e)
{
    struct spans pending = { 0 };
    int rc = -1;

    if (redact_match_terms(found, &pending, flags, r, t, ctx, e) == 0 &&
        redact_retry_pending(found, &pending, flags, r, t) == 0) {
        if (names)
            redact_extend_names(found, r, t);
        rc = names && redact_surname_near(found, r, t) != 0 ? -1 : 0;
        if (rc == 0 && names)
            redact_merge(found, t);
    }
    free(pending.s);
    if (rc != 0 && e->code == 0)
        err_set(e, EXIT_INPUT, "out of memory while scanning text");
    return rc;
}
