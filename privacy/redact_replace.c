/* Replacements: placeholders numbered once per context ("[PLACE-1]" is
 * the same place in a record's title and body), pseudonyms, and the
 * redacted text with its items built from the spans. */
#include "privacy/redact.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/detect.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"

static const char *const cat_names[CAT_COUNT] = {
    "person", "place", "employer", "organisation", "id", "other", "account",
    "phone", "email", "url", "id", "date", "gps", "ip", "handle", "account", "address", "redacted",
    "pseudonym",
    "escape",
};
static const char *const placeholder_names[CAT_COUNT] = {
    "PERSON", "PLACE", "EMPLOYER", "ORGANISATION", "ID", "OTHER", "ACCOUNT",
    "PHONE", "EMAIL", "URL", "ID", "DATE", "GPS", "IP", "HANDLE", "ACCOUNT", "ADDRESS", "REDACTED", "", "",
};
_Static_assert(CAT_MANUAL == CAT_DETECT + DETECT_NKINDS, "a category per detector kind");
_Static_assert(CAT_DETECT == TERM_ACCOUNT + 1, "the detectors' categories follow the term categories");
static const char *const rule_names[] = { "exact", "variant", "inflection", "pattern", "manual",
                                          "escape" };

size_t redact_placeholder_shape(const char *s, size_t len)
{
    size_t i = 1;

    if (len < 4 || s[0] != '[' || s[1] < 'A' || s[1] > 'Z')
        return 0;
    while (i < len && s[i] >= 'A' && s[i] <= 'Z')
        i++;
    if (i + 2 >= len || s[i++] != '-' || s[i] < '0' || s[i] > '9')
        return 0;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
    return i < len && s[i] == ']' ? i + 1 : 0;
}

struct ctx_entry {
    int cat;                    /* index into cat_names */
    uint64_t hash;              /* of the key, to skip most comparisons */
    size_t off, keylen;         /* the key in the context's arena */
    int number;
};

struct redact_ctx *redact_ctx_new(void)
{
    return calloc(1, sizeof(struct redact_ctx));
}

void redact_ctx_free(struct redact_ctx *ctx)
{
    if (ctx == NULL)
        return;
    secmem_wipe_free(ctx->arena);
    free(ctx->e);
    free(ctx->slot);
    redact_matcher_free(NULL, ctx->scratch);
    free(ctx);
}

static uint64_t fnv1a(const char *p, size_t n)
{
    uint64_t h = 14695981039346656037ULL;

    while (n--)
        h = (h ^ (unsigned char)*p++) * 1099511628211ULL;
    return h;
}

static int ctx_rehash(struct redact_ctx *ctx, size_t nslots)
{
    size_t *slot = calloc(nslots, sizeof *slot), i, h;

    if (slot == NULL)
        return -1;
    for (i = 0; i < ctx->n; i++) {
        h = (size_t)ctx->e[i].hash & (nslots - 1);
        while (slot[h] != 0)
            h = (h + 1) & (nslots - 1);
        slot[h] = i + 1;
    }
    free(ctx->slot);
    ctx->slot = slot, ctx->nslots = nslots;
    return 0;
}

/* The number of (cat, key) in ctx, given the next free one if new; 0 on no memory. */
static int ctx_number(struct redact_ctx *ctx, int cat, const char *key, size_t keylen)
{
    uint64_t h = fnv1a(key, keylen) ^ ((uint64_t)(unsigned)cat * 0x9E3779B97F4A7C15ULL);
    size_t i;
    struct ctx_entry *p;

    if (cat < 0 || cat >= CAT_COUNT)
        return 0;
    if (ctx->nslots < 2 * (ctx->n + 1) && ctx_rehash(ctx, ctx->nslots ? 2 * ctx->nslots : 64) != 0)
        return 0;
    for (i = (size_t)h & (ctx->nslots - 1); ctx->slot[i] != 0; i = (i + 1) & (ctx->nslots - 1)) {
        p = &ctx->e[ctx->slot[i] - 1];
        if (p->cat == cat && p->hash == h && p->keylen == keylen &&
            memcmp(ctx->arena + p->off, key, keylen) == 0)
            return p->number;
    }
    if (ctx->n == ctx->cap) {
        size_t cap = ctx->cap ? ctx->cap * 2 : 16;
        if ((p = realloc(ctx->e, cap * sizeof *p)) == NULL)
            return 0;
        ctx->e = p, ctx->cap = cap;
    }
    if (secbuf_append(&ctx->arena, &ctx->used, &ctx->size, key, keylen, &ctx->e[ctx->n].off) != 0)
        return 0;
    p = &ctx->e[ctx->n];
    p->keylen = keylen, p->cat = cat, p->number = ++ctx->count[cat], p->hash = h;
    ctx->slot[i] = ++ctx->n;
    return p->number;
}

/* The placeholder number of a span: by its term, or by the key view of its text. */
static int span_number(struct redact_ctx *ctx, const struct span *s, const char *in,
                       struct err *e)
{
    char buf[1 + sizeof s->term], *key;
    size_t keylen;
    int cat = s->cat == CAT_DETECT + DETECT_ID        ? TERM_ID
              : s->cat == CAT_DETECT + DETECT_ACCOUNT ? TERM_ACCOUNT
                                                      : s->cat,
        n;

    if (s->term != SIZE_MAX) {
        buf[0] = 't';
        memcpy(buf + 1, &s->term, sizeof s->term);
        n = ctx_number(ctx, cat, buf, sizeof buf);
    } else {
        if (normalise_key(&key, &keylen, in + s->start, s->end - s->start, e) != 0)
            return 0;
        n = ctx_number(ctx, cat, key, keylen);
        secmem_free(key);
    }
    if (n == 0)
        err_set(e, EXIT_INPUT, "out of memory");
    return n;
}

static int replacement(char *out, size_t outlen, const struct redactor *r,
                       struct redact_ctx *ctx, const struct span *s, const char *in,
                       struct err *e)
{
    int n, w;

    if (s->cat == CAT_PSEUDONYM) {
        const struct subject *sub = redact_find_subject(r, s->subject);
        w = snprintf(out, outlen, "%s", sub->pseudonym);
    } else if (s->cat == CAT_ESCAPE) {
        w = snprintf(out, outlen, "\\%.*s", (int)(s->end - s->start), in + s->start);
    } else {
        if ((n = span_number(ctx, s, in, e)) == 0)
            return -1;
        w = snprintf(out, outlen, "[%s-%d]", placeholder_names[s->cat], n);
    }
    if (w < 0 || (size_t)w >= outlen)
        return err_set(e, EXIT_INPUT, "a pseudonym is too long (over %zu bytes)", outlen);
    return 0;
}

void redaction_free(struct redaction *out)
{
    if (out == NULL)
        return;
    secmem_free(out->text);
    free(out->items);
    free(out->flags);
    memset(out, 0, sizeof *out);
}

/* The replacement of each span, in order (placeholders are numbered here),
 * into the wipe-on-free arena *reps with each one's offset in roff; *outlen
 * gets the length of the whole output. */
static int make_replacements(char **reps, size_t *roff, size_t *outlen, const struct spans *sp,
                             const struct redactor *r, struct redact_ctx *ctx, const char *in,
                             size_t inlen, struct err *e)
{
    char rep[256];
    size_t i, used = 0, size = 0, n, total = inlen;

    for (i = 0; i < sp->n; i++) {
        if (replacement(rep, sizeof rep, r, ctx, &sp->s[i], in, e) != 0)
            goto fail;
        n = strlen(rep);
        if (secbuf_append(reps, &used, &size, rep, n, &roff[i]) != 0) {
            err_set(e, EXIT_INPUT, "out of memory while writing the redacted text");
            goto fail;
        }
        total = total - (sp->s[i].end - sp->s[i].start) + n;
    }
    *outlen = total;
    sodium_memzero(rep, sizeof rep);
    return 0;
fail:
    sodium_memzero(rep, sizeof rep);
    return -1;
}

/* Writes the output and its items; sp (original spans) gains output spans
 * in place: start/end become the replacement's output span.  The output is
 * one sodium_malloc buffer of its exact size: each such allocation costs
 * mappings, mlock and a fill, so there is no growing and no slack. */
int redact_build_output(struct redaction *res, struct spans *sp, const struct redactor *r,
                        struct redact_ctx *ctx, const char *in, size_t inlen,
                        size_t *orig, struct err *e)
{
    char *reps = NULL, *o;
    size_t i, at = 0, len = 0, n, outlen, *roff;

    res->items = calloc(sp->n ? sp->n : 1, sizeof *res->items);
    roff = calloc(sp->n ? sp->n : 1, sizeof *roff);
    if (res->items == NULL || roff == NULL) {
        free(roff);
        return err_set(e, EXIT_INPUT, "out of memory");
    }
    if (make_replacements(&reps, roff, &outlen, sp, r, ctx, in, inlen, e) != 0)
        goto fail;
    if ((o = sodium_malloc(outlen + 1)) == NULL) {
        err_set(e, EXIT_INPUT, "out of memory while writing the redacted text");
        goto fail;
    }
    for (i = 0; i < sp->n; i++) {
        struct span *s = &sp->s[i];
        n = strlen(reps + roff[i]);
        if (s->start < at || s->end > inlen || len + (s->start - at) + n > outlen) {
            sodium_free(o);     /* spans are sorted and disjoint (merge): never here */
            err_set(e, EXIT_INPUT, "internal error: overlapping redactions; nothing was written");
            goto fail;
        }
        memcpy(o + len, in + at, s->start - at);
        len += s->start - at;
        orig[2 * i] = s->start, orig[2 * i + 1] = s->end;
        at = s->end;
        memcpy(o + len, reps + roff[i], n);
        s->start = len, s->end = len += n;
        res->items[i].start = s->start, res->items[i].len = n;
        res->items[i].category = cat_names[s->cat];
        res->items[i].rule = rule_names[s->rule];
        res->items[i].orig_start = orig[2 * i];
        res->items[i].orig_len = orig[2 * i + 1] - orig[2 * i];
    }
    memcpy(o + len, in + at, inlen - at);
    len += inlen - at;
    o[len] = '\0';
    res->nitems = sp->n;
    res->text = o, res->len = len;
    secmem_wipe_free(reps);
    free(roff);
    return 0;
fail:
    secmem_wipe_free(reps);
    free(roff);
    return -1;
}
