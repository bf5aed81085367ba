#include "privacy/redact.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/detect.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"

int redactor_new(struct redactor **out, struct err *e)
{
    if (redact_matcher_init(e) != 0)
        return -1;
    *out = calloc(1, sizeof **out);
    if (*out == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    return 0;
}

void redactor_free(struct redactor *r)
{
    size_t i;

    if (r == NULL)
        return;
    secmem_wipe_free(r->arena);
    for (i = 0; i < r->nsubjects; i++)
        free(r->subjects[i].pseudonym);
    for (i = 0; i < r->nallowed; i++)
        secmem_free(r->allowed[i]);
    redact_matcher_free(r->db, r->scratch);
    free(r->keyoff), free(r->lits), free(r->terms), free(r->subjects), free(r->allowed);
    free(r);
}

size_t redactor_literals(const struct redactor *r)
{
    return r->nlits;
}

int redactor_add_subject(struct redactor *r, long subject_id, const char *pseudonym,
                         struct err *e)
{
    struct subject *s;

    if (redact_find_subject(r, subject_id) != NULL)
        return err_set(e, EXIT_INPUT, "subject %ld was added twice to the redactor", subject_id);
    if (pseudonym == NULL || pseudonym[0] == '\0')
        return err_set(e, EXIT_INPUT, "subject %ld has no pseudonym; give it one", subject_id);
    s = realloc(r->subjects, (r->nsubjects + 1) * sizeof *s);
    if (s == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    r->subjects = s;
    s[r->nsubjects].id = subject_id;
    if ((s[r->nsubjects].pseudonym = strdup(pseudonym)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    r->nsubjects++;
    return 0;
}

static int grow_lits(struct redactor *r, size_t more)
{
    size_t cap = r->litcap ? r->litcap : 64;
    struct lit *l;
    size_t *k;

    while (cap < r->nlits + more)
        cap *= 2;
    if (cap == r->litcap)
        return 0;
    if ((l = realloc(r->lits, cap * sizeof *l)) == NULL)
        return -1;
    r->lits = l;
    if ((k = realloc(r->keyoff, cap * sizeof *k)) == NULL)
        return -1;
    r->keyoff = k, r->litcap = cap;
    return 0;
}

/* Each part of a Latin name of several words ("Krajcik" of "Ferne
 * Krajcik"), of three letters or more, when it is written with a capital:
 * "Krajcik's brother" names the person; "mark" is no "Mark Hill". */
static int add_name_parts(struct redactor *r, const char *text, size_t len, struct err *e)
{
    char *norm, *p, *q;
    size_t n, k, i;
    int rc = 0;

    if (normalise_norm(&norm, &n, text, len, e) != 0)
        return -1;
    if (strchr(norm, ' ') == NULL) {
        secmem_free(norm);
        return 0;
    }
    for (p = norm; rc == 0 && *p != '\0'; p = *q ? q + 1 : q) {
        char key[REDACT_TERM_MAX + 1];
        int ok = 1;
        q = strchr(p, ' ');
        if (q == NULL)
            q = p + strlen(p);
        for (i = 0, k = 0; p + i < q && k < sizeof key - 1; i++) {
            if (p[i] == '-' || p[i] == '\'')
                continue;
            ok &= p[i] >= 'a' && p[i] <= 'z';
            key[k++] = p[i];
        }
        /* A frequent Korean surname alone ("Kim") names no one. */
        if (ok && variants_is_surname(key, k))
            ok = 0;
        if (!ok || k < 3) {
            sodium_memzero(key, sizeof key);
            continue;
        }
        if (grow_lits(r, 1) != 0 ||
            secbuf_append(&r->arena, &r->used, &r->size, key, k, &r->keyoff[r->nlits]) != 0) {
            rc = err_set(e, EXIT_INPUT, "out of memory while adding a term");
            sodium_memzero(key, sizeof key);
            continue;
        }
        r->lits[r->nlits].term = r->nterms, r->lits[r->nlits].keylen = k;
        r->lits[r->nlits].rule = RULE_VARIANT, r->lits[r->nlits].suffix = SUFFIX_NONE;
        r->lits[r->nlits].capital = 1;
        r->nlits++;
        sodium_memzero(key, sizeof key);
    }
    secmem_free(norm);
    return rc;
}

static int add_protected(struct redactor *r, int cat, long subject, const char *text,
                         size_t len, struct err *e)
{
    struct variant_list vl;
    struct term *t;
    size_t i;

    if (r->compiled)
        return err_set(e, EXIT_INPUT, "the redactor is already compiled; add terms before compiling");
    if (variants_of_kind(&vl, text, len, cat == NAME_CAT || cat == TERM_PERSON, e) != 0)
        return -1;
    if (vl.v[0].keylen > REDACT_TERM_MAX) {
        variant_list_free(&vl);
        return err_set(e, EXIT_INPUT, "a name or term is longer than %d bytes; protect its identifying parts separately", REDACT_TERM_MAX);
    }
    /* Doubling: one realloc per term copied the whole array each time
     * (quadratic with 100,000 terms where realloc cannot grow in place). */
    if (r->nterms == r->termcap) {
        size_t cap = r->termcap ? 2 * r->termcap : 64;
        if ((t = realloc(r->terms, cap * sizeof *t)) == NULL) {
            variant_list_free(&vl);
            return err_set(e, EXIT_INPUT, "out of memory while adding a term");
        }
        r->terms = t, r->termcap = cap;
    }
    t = r->terms;
    if (grow_lits(r, vl.n) != 0) {
        variant_list_free(&vl);
        return err_set(e, EXIT_INPUT, "out of memory while adding a term");
    }
    t[r->nterms].cat = cat, t[r->nterms].subject = subject;
    for (i = 0; i < vl.n; i++) {
        struct lit *l = &r->lits[r->nlits];
        if (secbuf_append(&r->arena, &r->used, &r->size, vl.v[i].key, vl.v[i].keylen,
                          &r->keyoff[r->nlits]) != 0) {
            variant_list_free(&vl);
            return err_set(e, EXIT_INPUT, "out of memory while adding a term");
        }
        l->term = r->nterms, l->keylen = vl.v[i].keylen;
        l->rule = vl.v[i].rule, l->suffix = vl.v[i].suffix, l->capital = 0;
        r->nlits++;
    }
    variant_list_free(&vl);
    if ((cat == NAME_CAT || cat == TERM_PERSON) && add_name_parts(r, text, len, e) != 0)
        return -1;
    r->nterms++;
    return 0;
}

int redactor_add_name(struct redactor *r, long subject_id, const char *name, size_t len,
                      struct err *e)
{
    if (redact_find_subject(r, subject_id) == NULL)
        return err_set(e, EXIT_INPUT, "subject %ld has no pseudonym in the redactor; add the subject first", subject_id);
    return add_protected(r, NAME_CAT, subject_id, name, len, e);
}

int redactor_add_term(struct redactor *r, enum term_category cat, long subject_id,
                      const char *text, size_t len, struct err *e)
{
    if ((int)cat < TERM_PERSON || cat > TERM_OTHER)
        return err_set(e, EXIT_INPUT, "unknown term category %d", (int)cat);
    return add_protected(r, (int)cat, subject_id, text, len, e);
}

int redactor_allow(struct redactor *r, const char *text, size_t len, struct err *e)
{
    char **a, *key;
    size_t keylen;

    if (normalise_key(&key, &keylen, text, len, e) != 0)
        return -1;
    a = realloc(r->allowed, (r->nallowed + 1) * sizeof *a);
    if (a == NULL) {
        secmem_free(key);
        return err_set(e, EXIT_INPUT, "out of memory");
    }
    r->allowed = a;
    a[r->nallowed++] = key;
    return 0;
}

int redactor_each_form(const struct redactor *r, redactor_form_fn fn, void *ctx)
{
    int rc = 0;

    for (size_t i = 0; rc == 0 && i < r->nlits; i++)
        rc = fn(ctx, r->arena + r->keyoff[i], r->lits[i].keylen, r->lits[i].suffix);
    return rc;
}

/* ---- Matching ---- */

static int find_manual(struct spans *out, const struct normtext *t)
{
    const char *p = t->norm, *a, *b;
    struct span s = { 0, 0, CAT_MANUAL, R_MANUAL, 0, SIZE_MAX };

    while ((a = strstr(p, "[[")) != NULL && (b = strstr(a + 2, "]]")) != NULL) {
        s.start = (size_t)(a - t->norm);
        s.end = (size_t)(b - t->norm) + 2;
        if (redact_span_add(out, &s) != 0)
            return -1;
        p = b + 2;
    }
    return 0;
}

static int find_patterns(struct spans *out, const struct normtext *t, struct err *e)
{
    struct detection *d;
    size_t n, i;
    struct span s = { 0, 0, 0, R_PATTERN, 0, SIZE_MAX };

    if (detect_all(&d, &n, t->norm, t->normlen, e) != 0)
        return -1;
    for (i = 0; i < n; i++) {
        s.start = d[i].start, s.end = d[i].end, s.cat = CAT_DETECT + d[i].kind;
        if (redact_span_add(out, &s) != 0)
            break;
    }
    free(d);
    return out->failed ? err_set(e, EXIT_INPUT, "out of memory while scanning text") : 0;
}

/* ---- The re-scan ---- */

/* Fails with EXIT_AUTH if a protected term is found in text outside the
 * placeholder spans skip[0..nskip) (output offsets; text starts at output
 * offset base). */
static int check_text(const struct redactor *r, struct redact_ctx *ctx, const char *text,
                      size_t len, size_t base, const struct span *skip, size_t nskip,
                      struct err *e)
{
    struct normtext t;
    struct spans sp = { 0 };
    size_t i, k, a, b;
    int hit = 0;

    if (normalise(&t, text, len, e) != 0)
        return -1;
    if (redact_match_terms(&sp, NULL, r, &t, ctx, e) != 0) {
        normtext_free(&t);
        free(sp.s);
        return -1;
    }
    for (i = 0; i < sp.n && !hit; i++) {
        a = base + t.ostart[sp.s[i].start], b = base + normtext_oend(&t, sp.s[i].end - 1);
        hit = 1;
        for (k = 0; k < nskip; k++)
            if (skip[k].cat != CAT_PSEUDONYM && a >= skip[k].start && b <= skip[k].end)
                hit = 0;
    }
    normtext_free(&t);
    free(sp.s);
    if (hit)
        return err_set(e, EXIT_AUTH, "redaction left a protected term in the output: this is a bug; nothing was exported");
    return 0;
}

/* ---- Re-scan windows (docs/VARIANTS.md, "The re-scan") ----
 *
 * The first scan saw the whole input and accepted every hit that the
 * re-scan would accept there (same literals, same boundary and suffix
 * rules without the "covered" neighbour, no allowed-text exceptions), and
 * each accepted hit became a replaced span.  So a hit in the output that
 * lies, with the context its rules look at, in text copied unchanged from
 * the input was refused by the first scan and is refused again.  Only hits
 * that touch a replacement or read it as context can be new: those lie in
 * a window around each replacement, computed here in the input's views:
 *   left:  back over the word that ends at the replacement (a hit ending
 *          in it reads it as its suffix), the non-word character before
 *          it, then maxkey key bytes (a hit is at most maxkey key bytes,
 *          separators in between not counted), then on to an edge;
 *   right: maxkey key bytes after the replacement, then on to an edge.
 * An edge is the start of a normalised sequence whose original character
 * starts a sequence whatever precedes it, is no white space, and whose
 * normalised character (left: the one before it) is no word character: a
 * hit's word and boundary checks read the same there as at a text's start
 * or end, and normalisation does not carry state across it.
 * The output around a replacement normalises as the input did only if the
 * replacement starts and ends with such characters and the input after it
 * starts with one: otherwise, or when windows would cover half the text,
 * or an edge is far, the whole output is re-scanned as before. */

#define RESCAN_WALK_MAX 4096    /* bytes to look for an edge before giving up */

/* The first index i of the sorted a[0..n) with a[i] >= v (n if none). */
static size_t lower_bound32(const uint32_t *a, size_t n, size_t v)
{
    size_t lo = 0, hi = n, mid;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        if (a[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The first norm byte from original offset o on; the first key byte from
 * norm offset n on. */
static size_t norm_index_of(const struct normtext *t, size_t o)
{
    return lower_bound32(t->ostart, t->normlen, o);
}

static size_t key_index_of(const struct normtext *t, size_t n)
{
    return lower_bound32(t->kpos, t->keylen, n);
}

/* 1 if s[0..len) is empty or starts a sequence; with space set, 1 only if
 * it is also no white space. */
static int fresh_at(const char *s, size_t len, int space)
{
    int cp;

    return len == 0 || (utf8_next(&cp, s, len) > 0 && normalise_starts_sequence(cp) &&
                        (space || !normalise_is_space(cp)));
}

/* 1 if the last code point of s[0..len) starts a sequence and is no white
 * space (nothing after it joins its sequence or its run). */
static int fresh_last(const char *s, size_t len)
{
    size_t i = len;

    if (len == 0)
        return 1;
    while (i > 1 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    return fresh_at(s + i - 1, len - i + 1, 0);
}

/* 1 if a window may start (left) or end (right) at norm index n. */
static int edge_at(const struct normtext *t, size_t n, int left)
{
    int cp;

    if (n == 0 || n >= t->normlen)
        return 1;
    if (t->ostart[n] == t->ostart[n - 1] ||
        !fresh_at(t->orig + t->ostart[n], t->inlen - t->ostart[n], 1))
        return 0;
    if (left)
        return !is_word_cp(redact_cp_before(t->norm, n));
    return utf8_next(&cp, t->norm + n, t->normlen - n) > 0 && !is_word_cp(cp);
}

static size_t cp_back(const char *s, size_t n)
{
    if (n > 0)
        n--;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* The input window [*a, *b) (original offsets) around the replaced input
 * bytes [os, oe); 0, or -1 if no edge is near (re-scan everything). */
static int rescan_window(size_t *a, size_t *b, const struct normtext *t, size_t maxkey,
                         size_t os, size_t oe)
{
    size_t ns = norm_index_of(t, os), ne = norm_index_of(t, oe), n, k;

    n = ns;
    while (n > 0 && is_word_cp(redact_cp_before(t->norm, n)) && ns - n < RESCAN_WALK_MAX)
        n = cp_back(t->norm, n);
    n = cp_back(t->norm, n);
    while (n > 0 && t->ostart[n - 1] == t->ostart[n])
        n--;
    k = key_index_of(t, n);
    k = k > maxkey ? k - maxkey : 0;
    if (k < t->keylen && t->kpos[k] < n)
        n = t->kpos[k];
    while (!edge_at(t, n, 1) && ns - n < RESCAN_WALK_MAX)
        n = cp_back(t->norm, n);
    if (!edge_at(t, n, 1))
        return -1;
    *a = n == 0 ? 0 : t->ostart[n];
    k = key_index_of(t, ne) + maxkey;
    n = k < t->keylen ? t->kpos[k] : t->normlen;
    if (n < ne)
        n = ne;
    while (!edge_at(t, n, 0) && n - ne < RESCAN_WALK_MAX)
        n++;
    if (!edge_at(t, n, 0))
        return -1;
    *b = n >= t->normlen ? t->inlen : t->ostart[n];
    return 0;
}

/* The re-scan of res (built from in, whose views are t; sp holds output
 * spans, orig their input offsets): only windows around replacements, or
 * the whole output when that is not sound or not cheaper. */
static int check_output(const struct redactor *r, struct redact_ctx *ctx,
                        const struct normtext *t, const struct redaction *res,
                        const struct spans *sp, const size_t *orig, struct err *e)
{
    size_t i, j, a, b, a2, b2, total = 0, nwin = 0, *win = NULL;
    int rc = 0;

    if (sp->n == 0)
        return 0;   /* the output is the input, in which the first scan accepted nothing */
    if ((win = malloc(4 * sp->n * sizeof *win)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    for (i = 0; i < sp->n; i++) {
        const struct span *s = &sp->s[i];
        if (!fresh_at(res->text + s->start, s->end - s->start, 0) ||
            !fresh_last(res->text + s->start, s->end - s->start) ||
            !fresh_at(t->orig + orig[2 * i + 1], t->inlen - orig[2 * i + 1], 1) ||
            rescan_window(&a, &b, t, r->maxkey, orig[2 * i], orig[2 * i + 1]) != 0)
            goto full;
        if (nwin > 0 && a <= win[4 * (nwin - 1) + 1]) {
            total += b - win[4 * (nwin - 1) + 1];
            win[4 * (nwin - 1) + 1] = b, win[4 * (nwin - 1) + 3] = i;
        } else {
            win[4 * nwin] = a, win[4 * nwin + 1] = b, win[4 * nwin + 2] = i, win[4 * nwin + 3] = i;
            total += b - a, nwin++;
        }
        if (total > t->inlen / 2)
            goto full;
    }
    for (j = 0; j < nwin && rc == 0; j++) {
        size_t first = win[4 * j + 2], last = win[4 * j + 3];
        a2 = win[4 * j] + sp->s[first].start - orig[2 * first];
        b2 = win[4 * j + 1] + sp->s[last].end - orig[2 * last + 1];
        rc = check_text(r, ctx, res->text + a2, b2 - a2, a2, sp->s + first, last - first + 1, e);
    }
    free(win);
    return rc;
full:
    free(win);
    return check_text(r, ctx, res->text, res->len, 0, sp->s, sp->n, e);
}

int redactor_check(const struct redactor *r, const char *text, size_t len, struct err *e)
{
    if (!r->compiled)
        return err_set(e, EXIT_INPUT, "the redactor is not compiled");
    return check_text(r, NULL, text, len, 0, NULL, 0, e);
}

int redactor_collides(const struct redactor *r, const char *text, size_t len,
                      struct err *e)
{
    struct variant_list vl;
    size_t i;
    int rc = 0;

    if (!r->compiled)
        return err_set(e, EXIT_INPUT, "the redactor is not compiled");
    if (variants_of(&vl, text, len, e) != 0)
        return -1;
    for (i = 0; i < vl.n && rc == 0; i++)
        if (check_text(r, NULL, vl.v[i].key, vl.v[i].keylen, 0, NULL, 0, e) != 0)
            rc = e->code == EXIT_AUTH ? 1 : -1;
    variant_list_free(&vl);
    if (rc == 1)
        err_clear(e);
    return rc;
}

/* ---- Running ---- */

static int collect(struct spans *sp, const struct redactor *r, const struct normtext *t,
                   struct redact_ctx *ctx, struct err *e)
{
    struct spans pending = { 0 };
    int rc;

    if (redact_match_terms(sp, &pending, r, t, ctx, e) != 0 || find_patterns(sp, t, e) != 0 ||
        find_manual(sp, t) != 0) {
        free(pending.s);
        return e->code == EXIT_AUTH || sp->failed == 0 ? -1 :
               err_set(e, EXIT_INPUT, "out of memory while scanning text");
    }
    rc = redact_retry_pending(sp, &pending, r, t);
    free(pending.s);
    if (rc != 0)
        return err_set(e, EXIT_INPUT, "out of memory while scanning text");
    redact_merge(sp, t);
    return 0;
}

int redactor_run(struct redaction *out, const struct redactor *r, struct redact_ctx *ctx,
                 const char *in, size_t inlen, struct err *e)
{
    struct normtext t;
    struct spans sp = { 0 };
    size_t *orig = NULL;
    int rc = -1;

    memset(out, 0, sizeof *out);
    if (!r->compiled)
        return err_set(e, EXIT_INPUT, "the redactor is not compiled");
    if (normalise(&t, in, inlen, e) != 0)
        return -1;
    if (collect(&sp, r, &t, ctx, e) != 0)
        goto done;
    if ((orig = calloc(2 * sp.n + 2, sizeof *orig)) == NULL) {
        err_set(e, EXIT_INPUT, "out of memory");
        goto done;
    }
    if (redact_build_output(out, &sp, r, ctx, in, inlen, orig, e) != 0 ||
        redact_find_flags(out, r, in, inlen, orig, &sp, e) != 0 ||
        check_output(r, ctx, &t, out, &sp, orig, e) != 0)
        goto done;
    rc = 0;
done:
    if (rc != 0)
        redaction_free(out);
    normtext_free(&t);
    free(sp.s);
    free(orig);
    return rc;
}
