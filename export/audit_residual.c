/* The residual checks on exported text: no window of words is among the
 * protected digests (residual terms), and the detectors, review-flag
 * rules, gazetteer and name lists find nothing left outside the
 * redactions (residual detectors). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "export/audit.h"
#include "export/audit_int.h"
#include "privacy/detect.h"
#include "privacy/gazetteer.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"

/* The field both residual checks are reading. */
struct field {
    const struct audit_record *rec;
    const char *name, *text;    /* "title", "place", "body" or "tag"; its exported text */
    size_t tag;                 /* which tag, when name is "tag" */
};

struct term_hit {
    struct audit_report *r;
    int c;
    const struct field *field;
    size_t hits;
    const char *last_text;      /* the field of the last hit */
    size_t last_start, last_end;
};

static int on_term(void *ctx, size_t start, size_t end, struct err *e)
{
    struct term_hit *h = ctx;
    const struct field *f = h->field;
    struct audit_check *c = &h->r->checks[h->c];

    /* A name and its given name alone both match: report the union once. */
    if (h->hits > 0 && h->last_text == f->text && start < h->last_end && h->last_start < end) {
        struct audit_item *it = &c->items[c->nitems - 1];
        h->last_start = start < h->last_start ? start : h->last_start;
        h->last_end = end > h->last_end ? end : h->last_end;
        secmem_wipe_free(it->text);
        it->text = audit_dup(f->text + h->last_start, h->last_end - h->last_start);
        return it->text != NULL ? 0 : err_set(e, EXIT_INPUT, "out of memory for the audit");
    }
    h->last_text = f->text, h->last_start = start, h->last_end = end;
    h->hits++;
    return audit_item_add(h->r, h->c, AUDIT_FAIL, f->rec->id, f->name, "protected-term",
                          f->text + start, end - start,
                          "a protected term (or a spelling of it) is in the text", e);
}

/* ---- residual detectors ---- */

struct residual {
    struct audit_report *r;
    int c;
    const struct field *field;
    size_t fails, warns;
    struct audit_where *seen;   /* spans already reported in this field */
    size_t nseen, capseen;
};

static int seen_before(struct residual *x, size_t start, size_t end)
{
    struct audit_where *w;

    for (size_t i = 0; i < x->nseen; i++)
        if (audit_overlaps(&x->seen[i], start, end))
            return 1;
    if (x->nseen == x->capseen) {
        size_t cap = x->capseen ? x->capseen * 2 : 16;
        if ((w = realloc(x->seen, cap * sizeof *w)) == NULL)
            return -1;
        x->seen = w, x->capseen = cap;
    }
    x->seen[x->nseen].start = start, x->seen[x->nseen].len = end - start;
    x->nseen++;
    return 0;
}

/* One finding of a detector at [start, end) of the current field: skipped
 * inside a redaction or where already reported; level is FAIL for what the
 * redactor should have replaced, WARN for what needs a human eye. */
static int residual_hit(struct residual *x, int level, const char *what, size_t start,
                        size_t end, const char *note, struct err *e)
{
    const struct field *f = x->field;
    int seen;

    if (audit_in_redaction(f->rec, f->name, f->tag, start, end))
        return 0;
    if ((seen = seen_before(x, start, end)) != 0)
        return seen < 0 ? err_set(e, EXIT_INPUT, "out of memory for the audit") : 0;
    if (level == AUDIT_FAIL)
        x->fails++;
    else
        x->warns++;
    return audit_item_add(x->r, x->c, level, f->rec->id, f->name, what, f->text + start,
                          end - start, note, e);
}

/* Everything kept with 'intake allow' is listed first, with its date. */
static int list_allowed(struct residual *x, struct err *e)
{
    const struct field *f = x->field;
    char note[96];

    for (size_t i = 0; i < f->rec->nflags; i++) {
        const struct audit_flag *fl = &f->rec->flags[i];
        if (fl->allowed == NULL || !audit_same_field(&fl->at, f->name, f->tag) ||
            fl->at.start > strlen(f->text) || fl->at.len > strlen(f->text) - fl->at.start)
            continue;
        snprintf(note, sizeof note, "kept with 'intake allow' on %.32s", fl->allowed);
        if (residual_hit(x, AUDIT_WARN, fl->kind, fl->at.start, fl->at.start + fl->at.len, note, e) != 0)
            return -1;
    }
    return 0;
}

static int scan_patterns(struct residual *x, const struct normtext *nt, struct err *e)
{
    struct detection *d;
    size_t nd;
    int rc = 0;

    if (detect_all(&d, &nd, nt->norm, nt->normlen, e) != 0)
        return -1;
    for (size_t i = 0; i < nd && rc == 0; i++)
        rc = residual_hit(x, AUDIT_FAIL, detect_kind_name(d[i].kind),
                          nt->ostart[d[i].start], normtext_oend(nt, d[i].end - 1),
                          "identifying data the redactor should have replaced", e);
    free(d);
    return rc;
}

/* Where flag text t[0..n), found near pos in the rerun's output, lies in
 * the field (the output differs where a residual pattern was replaced). */
static size_t locate(const char *field, const char *t, size_t n, size_t pos)
{
    size_t best = SIZE_MAX, bestd = SIZE_MAX;

    for (size_t at = 0; field[at] != '\0'; at++) {
        size_t dist = at > pos ? at - pos : pos - at;
        if (strncmp(field + at, t, n) == 0 && dist < bestd)
            best = at, bestd = dist;
    }
    return best;
}

static int scan_names(struct residual *x, const struct redactor *empty, struct err *e)
{
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    int rc = 0;

    if (ctx == NULL)
        return err_set(e, EXIT_INPUT, "out of memory for the audit");
    rc = redactor_run(&out, empty, ctx, x->field->text, strlen(x->field->text), e);
    redact_ctx_free(ctx);
    if (rc != 0)
        return -1;
    for (size_t i = 0; i < out.nflags && rc == 0; i++) {
        const struct redaction_flag *f = &out.flags[i];
        size_t at = out.nitems == 0 ? f->start
                                    : locate(x->field->text, out.text + f->start, f->len, f->start);
        if (at != SIZE_MAX)
            rc = residual_hit(x, AUDIT_FAIL, f->kind, at, at + f->len,
                              "a name-like word no review resolved", e);
    }
    redaction_free(&out);
    return rc;
}

static int on_gazetteer(void *ctx, int kind, size_t start, size_t end, struct err *e)
{
    struct residual *x = ctx;

    return residual_hit(x, AUDIT_WARN, gazetteer_kind_name(kind), start, end,
                        kind == GAZ_PLACE ? "a place name from the gazetteer"
                                          : "a name from the name lists", e);
}

static int scan_field(struct residual *x, const struct normtext *nt, const struct redactor *empty,
                      struct err *e)
{
    x->nseen = 0;
    if (list_allowed(x, e) != 0 || scan_patterns(x, nt, e) != 0 || scan_names(x, empty, e) != 0)
        return -1;
    return gazetteer_scan(nt, on_gazetteer, x, e);
}

/* Both residual checks, each field normalised once; terms and detectors
 * say which to run (each adds its check to the report). */
static int residuals(struct audit_report *r, const struct digestset *ds,
                     const struct audit_record *recs, size_t n, int terms, int detectors,
                     struct err *e)
{
    struct field f = { NULL, NULL, NULL, 0 };
    struct term_hit h = { r, -1, &f, 0, NULL, 0, 0 };
    struct residual x;
    struct redactor *empty = NULL;
    struct normtext nt;
    size_t fields = 0;
    int rc = -1;

    memset(&x, 0, sizeof x);
    x.r = r, x.c = -1, x.field = &f;
    if ((terms && (h.c = audit_check_add(r, "residual-terms", AUDIT_PASS, 0, e, "%s", "")) < 0) ||
        (detectors && (x.c = audit_check_add(r, "residual-detectors", AUDIT_PASS, 0, e, "%s", "")) < 0) ||
        (detectors && (gazetteer_load(e) != 0 || redactor_new(&empty, e) != 0 ||
                       redactor_compile(empty, e) != 0)))
        goto out;
    for (size_t i = 0; i < n; i++) {
        f.rec = &recs[i];
        for (size_t fi = 0; fi < AUDIT_NFIELDS(f.rec); fi++) {
            if ((f.text = audit_field_at(f.rec, fi, &f.name, &f.tag)) == NULL)
                continue;
            fields++;
            if (normalise(&nt, f.text, strlen(f.text), e) != 0)
                goto out;
            if ((terms && digestset_scan_norm(ds, &nt, on_term, &h, e) != 0) ||
                (detectors && scan_field(&x, &nt, empty, e) != 0)) {
                normtext_free(&nt);
                goto out;
            }
            normtext_free(&nt);
        }
    }
    if (terms) {
        r->checks[h.c].examined = fields;
        if (h.hits == 0)
            audit_check_reason(r, h.c, "no window of 1 to %d words of %zu fields is among the %zu protected digests",
                               DIGESTSET_WINDOW, fields, ds->n);
        else
            audit_check_reason(r, h.c, "%zu protected terms left in the text", h.hits);
    }
    if (detectors) {
        r->checks[x.c].examined = fields;
        if (x.fails + x.warns == 0)
            audit_check_reason(r, x.c, "%zu fields: no pattern, name-like word, place or listed name left outside the redactions",
                               fields);
        else
            audit_check_reason(r, x.c, "%zu fields: %zu left that the redactor should have replaced, %zu to review (kept with allow, places, names)",
                               fields, x.fails, x.warns);
    }
    rc = 0;
out:
    redactor_free(empty);
    free(x.seen);
    return rc;
}

int audit_residual_terms(struct audit_report *r, const struct digestset *ds,
                         const struct audit_record *recs, size_t n, struct err *e)
{
    return residuals(r, ds, recs, n, 1, 0, e);
}

int audit_residual_detectors(struct audit_report *r, const struct audit_record *recs,
                             size_t n, struct err *e)
{
    return residuals(r, NULL, recs, n, 0, 1, e);
}

int audit_residuals(struct audit_report *r, const struct digestset *ds,
                    const struct audit_record *recs, size_t n, struct err *e)
{
    return residuals(r, ds, recs, n, 1, 1, e);
}
