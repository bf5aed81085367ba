/* One redaction of a text: normalise it, collect the spans (protected
 * literals, pattern detectors, manual [[...]] marks), replace them, flag
 * name-like words and re-scan the output. */
#include "privacy/redact.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"

static int find_manual(struct spans *out, const struct normtext *t)
{
    const char *p = t->norm, *a, *b, *end = t->norm + t->normlen;
    struct span s = { 0, 0, CAT_MANUAL, R_MANUAL, 0, SIZE_MAX, 0, 0, 0 };

    /* memmem, not strstr: a reading of the text (normalise_key.c's split
     * readings) is normlen bytes with no NUL after them (fuzz_redact under
     * ASan, session 17: four MIME words in a row read past the buffer). */
    while ((a = memmem(p, (size_t)(end - p), "[[", 2)) != NULL &&
           (b = memmem(a + 2, (size_t)(end - a - 2), "]]", 2)) != NULL) {
        s.start = (size_t)(a - t->norm);
        s.end = (size_t)(b - t->norm) + 2;
        if (redact_span_add(out, &s) != 0)
            return -1;
        p = b + 2;
    }
    return 0;
}

static int by_input_start(const void *a, const void *b)
{
    const struct span *x = a, *y = b;

    return x->start < y->start ? -1 : x->start > y->start;
}

/* The addresses the detector is unsure of (detect_address_unsure: norm
 * offsets, start and end, in text order), found in the detectors' pass
 * over the addresses (find_patterns) and made review flags where the
 * others are (flags_to_input): the text's addresses are walked once. */
struct unsure_parts {
    size_t *v, n, cap;          /* v[2 * i], v[2 * i + 1] */
};

static int keep_unsure(void *ctx, size_t a, size_t b)
{
    struct unsure_parts *u = ctx;

    if (u->n == u->cap) {
        size_t cap = u->cap != 0 ? 2 * u->cap : 8, *v = realloc(u->v, 2 * cap * sizeof *v);
        if (v == NULL)
            return -1;
        u->v = v, u->cap = cap;
    }
    u->v[2 * u->n] = a, u->v[2 * u->n + 1] = b, u->n++;
    return 0;
}

static int find_patterns(struct spans *out, struct unsure_parts *unsure, const struct normtext *t,
                         struct err *e)
{
    struct detection *d;
    size_t n, i;
    struct span s = { 0, 0, 0, R_PATTERN, 0, SIZE_MAX, 0, 0, 0 };

    if (detect_text_unsure(&d, &n, t, keep_unsure, unsure, e) != 0)
        return -1;
    for (i = 0; i < n; i++) {
        s.start = d[i].start, s.end = d[i].end, s.cat = CAT_DETECT + d[i].kind;
        if (redact_span_add(out, &s) != 0)
            break;
    }
    free(d);
    return out->failed ? err_set(e, EXIT_INPUT, "out of memory while scanning text") : 0;
}

/* Sorts flags by input start and keeps one of those with the same span
 * and kind (two spellings of a name can find the same word). */
static void flags_sort(struct spans *flags)
{
    size_t i, n = 0;

    if (flags->n < 2)
        return;
    qsort(flags->s, flags->n, sizeof *flags->s, by_input_start);
    for (i = 0; i < flags->n; i++) {
        size_t k = n;
        while (k > 0 && flags->s[k - 1].start == flags->s[i].start &&
               (flags->s[k - 1].end != flags->s[i].end || flags->s[k - 1].cat != flags->s[i].cat))
            k--;
        if (k > 0 && flags->s[k - 1].start == flags->s[i].start)
            continue;           /* the same flag again */
        flags->s[n++] = flags->s[i];
    }
    flags->n = n;
}

/* A run of escapes left undecoded (escapes.h) as a review flag. */
static int add_run(void *ctx, size_t a, size_t b)
{
    struct span m = { a, b, FLAG_ESCAPE_RUN, 0, 0, SIZE_MAX, 0, 0, 0 };

    return redact_span_add(ctx, &m);
}

/* An address the detector is unsure of (norm offsets) as a review flag
 * in input offsets (FLAG_ADDRESS: detect_address_unsure). */
struct unsure {
    struct spans *flags;
    const struct normtext *t;
};

static int add_unsure(void *ctx, size_t a, size_t b)
{
    struct unsure *u = ctx;
    struct span m = { u->t->ostart[a], normtext_oend(u->t, b - 1), FLAG_ADDRESS, 0, 0, SIZE_MAX, 0, 0, 0 };
    const char *w = u->t->orig + m.start, *sp = memchr(w, ' ', m.end - m.start);

    /* "운동 10": a lot's word the dictionary knows is a word, not a village. */
    if ((unsigned char)w[0] >= 0xEA && sp != NULL && redactor_ordinary_word(w, (size_t)(sp - w)))
        return 0;
    return redact_span_add(u->flags, &m);
}

/* Short forms and names that may be words found by the matcher (norm
 * offsets) and words that mix scripts (normalise.h) as review flags in
 * input offsets, sorted. */
static int flags_to_input(struct spans *flags, const struct redactor *r, const struct normtext *t,
                          const struct unsure_parts *unsure)
{
    struct span m = { 0, 0, FLAG_MIXED_SCRIPT, 0, 0, SIZE_MAX, 0, 0, 0 };
    struct unsure u = { flags, t };
    size_t i, n = flags->n;

    for (i = 0; i < n; i++) {
        struct span *f = &flags->s[i];
        f->end = normtext_oend(t, f->end - 1), f->start = t->ostart[f->start];
    }
    for (i = 0; i < t->nmixed; i++) {
        m.start = t->mixed[2 * i], m.end = t->mixed[2 * i + 1];
        if (redact_span_add(flags, &m) != 0)
            return -1;
    }
    if (redact_escape_runs(t, add_run, flags) != 0 || redact_base64_runs(flags, r, t) != 0)
        return -1;
    if (redact_near_names(flags, r, t) != 0 || redact_number_parts(flags, r, t) != 0)
        return -1;
    if (redact_masked_names(flags, r, t) != 0 || redact_unread_scripts(flags, r, t) != 0 ||
        redact_spoken_runs(flags, t) != 0)
        return -1;
    for (i = 0; i < unsure->n; i++)
        if (add_unsure(&u, unsure->v[2 * i], unsure->v[2 * i + 1]) != 0)
            return -1;
    flags_sort(flags);
    return 0;
}

static int collect_with(struct spans *sp, struct spans *flags, const struct redactor *r,
                        const struct normtext *t, struct redact_ctx *ctx,
                        struct unsure_parts *unsure, struct err *e)
{
    struct spans pending = { 0 };
    int rc;

    if (redact_match_terms(sp, &pending, flags, r, t, ctx, e) != 0 ||
        find_patterns(sp, unsure, t, e) != 0 ||
        ((redact_spoken_terms(sp, r, t, ctx) != 0 || redact_id_parts(sp, r, t) != 0 ||
          redact_lookalike_numbers(sp, r, t, ctx) != 0 ||
          redact_spelt_codes(sp, r, t, ctx) != 0) &&
         (sp->failed || err_set(e, EXIT_INPUT, "out of memory while matching terms"))) ||
        find_manual(sp, t) != 0 ||
        redact_find_handles(sp, r, t) != 0 || redact_find_scripts(sp, flags, r, t) != 0 ||
        redact_read_through(sp, flags, r, ctx, t) != 0 || redact_script_names(sp, flags, r, t) != 0 ||
        redact_read_spelled(sp, flags, r, ctx, t) != 0 || redact_spaced_cyrillic(sp, flags, r, t) != 0 ||
        redact_find_hanzi(sp, flags, r, t) != 0 || redact_find_hanviet(sp, flags, r, t) != 0 ||
        redact_find_place_han(sp, r, t) != 0 ||
        redact_surname_shapes(flags, r, t) != 0 || redact_letter_terms(sp, r, t) != 0) {
        free(pending.s);
        return e->code == EXIT_AUTH || sp->failed == 0 ? -1 :
               err_set(e, EXIT_INPUT, "out of memory while scanning text");
    }
    rc = redact_retry_pending(sp, &pending, flags, r, t);
    if (rc == 0)
        rc = redact_beside_lower(sp, &pending, r, t);
    free(pending.s);
    if (rc != 0)
        return err_set(e, EXIT_INPUT, "out of memory while scanning text");
    redact_extend_names(sp, r, t);
    redact_join_spoken(sp, t);
    redact_adopt_terms(sp, r, t);
    if (redact_surname_near(sp, r, t) != 0)
        return err_set(e, EXIT_INPUT, "out of memory while scanning text");
    if (redact_beside_names(sp, flags, r, t) != 0 || redact_attrib(sp, r, t) != 0 ||
        redact_cjk_titled(sp, flags, r, t) != 0 || redact_cjk_ja(sp, r, t) != 0 ||
        redact_koryo_surnames(sp, flags, r, t) != 0 || redact_other_person(sp, flags, r, t) != 0)
        return err_set(e, EXIT_INPUT, "out of memory while scanning text");
    redact_cjk_runs(sp, t);
    redact_cjk_join_dots(sp, t);
    redact_merge(sp, t);
    redact_attrib_join(sp, t->orig);
    if (redact_split_names(sp, r, t, ctx, e) != 0 || redact_codepage_names(sp, r, t, ctx, e) != 0 ||
        redact_encoded_names(sp, r, t, ctx, e) != 0)
        return -1;
    if (redact_split_cells(sp, t->orig, t->inlen) != 0)
        return err_set(e, EXIT_INPUT, "out of memory while scanning text");
    if (flags_to_input(flags, r, t, unsure) != 0)
        return err_set(e, EXIT_INPUT, "out of memory while scanning text");
    return redact_near_promote(sp, flags, r, t, ctx, e);
}

static int collect(struct spans *sp, struct spans *flags, const struct redactor *r,
                   const struct normtext *t, struct redact_ctx *ctx, struct err *e)
{
    struct unsure_parts unsure = { NULL, 0, 0 };
    int rc = collect_with(sp, flags, r, t, ctx, &unsure, e);

    free(unsure.v);
    return rc;
}

/* Appends to more a span for the '[' of each placeholder shape in the
 * output that is not a placeholder the redactor wrote (text of the input:
 * it is escaped).  sp: the output spans; orig: their input offsets. */
static int find_escapes(struct spans *more, const struct redaction *res, const struct spans *sp,
                        const size_t *orig)
{
    const char *p = res->text, *end = res->text + res->len;
    size_t i = 0, o, n;
    long delta = 0;

    while ((p = memchr(p, '[', (size_t)(end - p))) != NULL) {
        o = (size_t)(p - res->text);
        for (; i < sp->n && sp->s[i].end <= o; i++)
            delta = (long)orig[2 * i + 1] - (long)sp->s[i].end;
        if (i < sp->n && sp->s[i].start <= o) {
            p = res->text + sp->s[i].end;   /* a replacement: never escaped */
            continue;
        }
        if ((n = redact_placeholder_shape(p, (size_t)(end - p))) > 0) {
            struct span s = { (size_t)((long)o + delta), (size_t)((long)o + delta) + 1,
                              CAT_ESCAPE, R_ESCAPE, 0, SIZE_MAX, 0, 0, 0 };
            if (redact_span_add(more, &s) != 0)
                return -1;
        }
        p++;
    }
    return 0;
}

/* Rounds of building and checking the output before giving up: each round
 * replaces input bytes the round before left, so it ends; a text needs
 * more than a few only when built to (a chain of dates, each nearer a
 * birth word once the one before is a placeholder). */
#define ROUNDS_MAX 64

/* Builds the output from sp (input offsets, merged), then checks it:
 * escapes, the re-scan.  *more gets what must be replaced too; the output
 * is kept when *more is empty. */
static int build_and_check(struct redaction *out, struct spans *sp, struct spans *flags,
                           struct spans *more, const struct redactor *r, struct redact_ctx *ctx,
                           const struct normtext *t, const char *in, size_t inlen,
                           struct err *e)
{
    size_t *orig = calloc(2 * sp->n + 2, sizeof *orig);
    int rc = -1;

    more->n = 0;
    if (orig == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    if (redact_build_output(out, sp, r, ctx, in, inlen, orig, e) != 0)
        goto done;
    if (find_escapes(more, out, sp, orig) != 0) {
        err_set(e, EXIT_INPUT, "out of memory");
        goto done;
    }
    if (more->n == 0 && redact_check_output(more, flags, r, ctx, t, out, sp, orig, e) != 0)
        goto done;
    if (more->n == 0)           /* the re-scan's flags join in order */
        flags_sort(flags);
    if (more->n == 0 && redact_find_flags(out, r, in, inlen, orig, sp, flags, e) != 0)
        goto done;
    rc = 0;
done:
    /* Back to input offsets, for another round. */
    for (size_t i = 0; rc == 0 && more->n > 0 && i < sp->n; i++)
        sp->s[i].start = orig[2 * i], sp->s[i].end = orig[2 * i + 1];
    free(orig);
    return rc;
}

/* A user-name shape of a record's field (redactor_handle_shapes: input
 * offsets) as a review flag of kind "handle". */
static int add_handle(void *ctx, size_t a, size_t b, const char *kind, struct err *e)
{
    struct span m = { a, b, FLAG_HANDLE, 0, 0, SIZE_MAX, 0, 0, 0 };

    (void)kind;
    return redact_span_add(ctx, &m) != 0 ? err_set(e, EXIT_INPUT, "out of memory while scanning text") : 0;
}

static int run(struct redaction *out, const struct redactor *r, struct redact_ctx *ctx,
               const char *in, size_t inlen, int field, struct err *e)
{
    struct normtext t;
    struct spans sp = { 0 }, flags = { 0 }, more = { 0 };
    int rc = -1, round;

    memset(out, 0, sizeof *out);
    if (!r->compiled)
        return err_set(e, EXIT_INPUT, "the redactor is not compiled");
    if (normalise(&t, in, inlen, e) != 0)
        return -1;
    if (collect(&sp, &flags, r, &t, ctx, e) != 0)
        goto done;
    if (field) {
        if (redactor_handle_shapes(&t, add_handle, &flags, e) != 0)
            goto done;
        flags_sort(&flags);
    }
    for (round = 0; round < ROUNDS_MAX; round++) {
        if (build_and_check(out, &sp, &flags, &more, r, ctx, &t, in, inlen, e) != 0)
            goto done;
        if (more.n == 0)
            break;
        redaction_free(out);
        for (size_t i = 0; i < more.n; i++)
            if (redact_span_add(&sp, &more.s[i]) != 0) {
                err_set(e, EXIT_INPUT, "out of memory");
                goto done;
            }
        redact_merge(&sp, NULL);
        if (redact_split_cells(&sp, in, inlen) != 0) {
            err_set(e, EXIT_INPUT, "out of memory");
            goto done;
        }
    }
    if (more.n > 0) {
        err_set(e, EXIT_AUTH, "the redacted text kept changing what it shows (over %d rounds): this is a bug; nothing was exported", ROUNDS_MAX);
        goto done;
    }
    rc = 0;
done:
    if (rc != 0)
        redaction_free(out);
    normtext_free(&t);
    free(sp.s);
    free(flags.s);
    free(more.s);
    return rc;
}

int redactor_run(struct redaction *out, const struct redactor *r, struct redact_ctx *ctx,
                 const char *in, size_t inlen, struct err *e)
{
    return run(out, r, ctx, in, inlen, 0, e);
}

int redactor_run_field(struct redaction *out, const struct redactor *r, struct redact_ctx *ctx,
                       const char *in, size_t inlen, struct err *e)
{
    return run(out, r, ctx, in, inlen, 1, e);
}
