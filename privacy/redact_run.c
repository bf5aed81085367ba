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

static int by_input_start(const void *a, const void *b)
{
    const struct span *x = a, *y = b;

    return x->start < y->start ? -1 : x->start > y->start;
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

/* Short forms found by the matcher (norm offsets) and words that mix
 * scripts (normalise.h) as review flags in input offsets, sorted. */
static int flags_to_input(struct spans *flags, const struct normtext *t)
{
    struct span m = { 0, 0, FLAG_MIXED_SCRIPT, 0, 0, SIZE_MAX };
    size_t i, n = flags->n;

    for (i = 0; i < n; i++) {
        struct span *f = &flags->s[i];
        f->end = normtext_oend(t, f->end - 1), f->start = t->ostart[f->start];
        f->cat = FLAG_SHORT_NAME;
    }
    for (i = 0; i < t->nmixed; i++) {
        m.start = t->mixed[2 * i], m.end = t->mixed[2 * i + 1];
        if (redact_span_add(flags, &m) != 0)
            return -1;
    }
    if (flags->n > 1)
        qsort(flags->s, flags->n, sizeof *flags->s, by_input_start);
    return 0;
}

static int collect(struct spans *sp, struct spans *flags, const struct redactor *r,
                   const struct normtext *t, struct redact_ctx *ctx, struct err *e)
{
    struct spans pending = { 0 };
    int rc;

    if (redact_match_terms(sp, &pending, flags, r, t, ctx, e) != 0 ||
        find_patterns(sp, t, e) != 0 || find_manual(sp, t) != 0) {
        free(pending.s);
        return e->code == EXIT_AUTH || sp->failed == 0 ? -1 :
               err_set(e, EXIT_INPUT, "out of memory while scanning text");
    }
    rc = redact_retry_pending(sp, &pending, r, t);
    free(pending.s);
    if (rc != 0)
        return err_set(e, EXIT_INPUT, "out of memory while scanning text");
    redact_extend_names(sp, r, t);
    redact_merge(sp, t);
    if (flags_to_input(flags, t) != 0)
        return err_set(e, EXIT_INPUT, "out of memory while scanning text");
    return 0;
}

int redactor_run(struct redaction *out, const struct redactor *r, struct redact_ctx *ctx,
                 const char *in, size_t inlen, struct err *e)
{
    struct normtext t;
    struct spans sp = { 0 }, flags = { 0 };
    size_t *orig = NULL;
    int rc = -1;

    memset(out, 0, sizeof *out);
    if (!r->compiled)
        return err_set(e, EXIT_INPUT, "the redactor is not compiled");
    if (normalise(&t, in, inlen, e) != 0)
        return -1;
    if (collect(&sp, &flags, r, &t, ctx, e) != 0)
        goto done;
    if ((orig = calloc(2 * sp.n + 2, sizeof *orig)) == NULL) {
        err_set(e, EXIT_INPUT, "out of memory");
        goto done;
    }
    if (redact_build_output(out, &sp, r, ctx, in, inlen, orig, e) != 0 ||
        redact_find_flags(out, r, in, inlen, orig, &sp, &flags, e) != 0 ||
        redact_check_output(r, ctx, &t, out, &sp, orig, e) != 0)
        goto done;
    rc = 0;
done:
    if (rc != 0)
        redaction_free(out);
    normtext_free(&t);
    free(sp.s);
    free(flags.s);
    free(orig);
    return rc;
}
