#include "privacy/digestset.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/variants.h"
#include "privacy/window.h"

enum { CLASS_WORD = 0, CLASS_STEM = 1, CLASS_CAPITAL = 2 };

void digestset_init(struct digestset *ds)
{
    memset(ds, 0, sizeof *ds);
    randombytes_buf(ds->key, sizeof ds->key);
}

void digestset_init_key(struct digestset *ds, const unsigned char key[DIGESTSET_KEYBYTES])
{
    memset(ds, 0, sizeof *ds);
    memcpy(ds->key, key, DIGESTSET_KEYBYTES);
}

void digestset_free(struct digestset *ds)
{
    sodium_memzero(ds->key, sizeof ds->key);
    free(ds->d);
    ds->d = NULL;
    ds->n = ds->cap = 0;
}

static void digest(unsigned char out[DIGESTSET_BYTES], const struct digestset *ds, int cls,
                   const char *key, size_t keylen)
{
    crypto_generichash_state st;
    unsigned char c = (unsigned char)cls;

    crypto_generichash_init(&st, ds->key, DIGESTSET_KEYBYTES, DIGESTSET_BYTES);
    crypto_generichash_update(&st, &c, 1);
    crypto_generichash_update(&st, (const unsigned char *)key, keylen);
    crypto_generichash_final(&st, out, DIGESTSET_BYTES);
}

int digestset_add_digest(struct digestset *ds, const unsigned char d[DIGESTSET_BYTES],
                         struct err *e)
{
    if (ds->n == ds->cap) {
        size_t cap = ds->cap ? ds->cap * 2 : 256;
        unsigned char *p = realloc(ds->d, cap * DIGESTSET_BYTES);
        if (p == NULL)
            return err_set(e, EXIT_INPUT, "out of memory for the digest set");
        ds->d = p, ds->cap = cap;
    }
    memcpy(ds->d + ds->n++ * DIGESTSET_BYTES, d, DIGESTSET_BYTES);
    return 0;
}

int digestset_add_form(struct digestset *ds, const char *key, size_t keylen, int suffix,
                       int capital, struct err *e)
{
    unsigned char d[DIGESTSET_BYTES];
    int cap = capital ? CLASS_CAPITAL : 0;

    /* SUFFIX_KO and SUFFIX_MN forms also stand alone; a stem never does. */
    if (suffix != SUFFIX_MN_STEM) {
        digest(d, ds, CLASS_WORD + cap, key, keylen);
        if (digestset_add_digest(ds, d, e) != 0)
            return -1;
    }
    if (suffix != SUFFIX_NONE) {
        digest(d, ds, CLASS_STEM + cap, key, keylen);
        if (digestset_add_digest(ds, d, e) != 0)
            return -1;
    }
    return 0;
}

struct add_ctx {
    struct digestset *ds;
    struct err *e;
};

static int add_one(void *ctx, const char *key, size_t keylen, int suffix, int capital)
{
    struct add_ctx *a = ctx;

    return digestset_add_form(a->ds, key, keylen, suffix, capital, a->e) == 0 ? 0 : -1;
}

int digestset_add_redactor(struct digestset *ds, const struct redactor *r, struct err *e)
{
    struct add_ctx a = { ds, e };

    if (redactor_each_form(r, add_one, &a) != 0)
        return -1;
    digestset_finish(ds);
    return 0;
}

static int cmp_digest(const void *a, const void *b)
{
    return memcmp(a, b, DIGESTSET_BYTES);
}

void digestset_finish(struct digestset *ds)
{
    size_t i, o = 0;

    if (ds->n == 0)
        return;
    qsort(ds->d, ds->n, DIGESTSET_BYTES, cmp_digest);
    for (i = 1; i < ds->n; i++)
        if (memcmp(ds->d + i * DIGESTSET_BYTES, ds->d + o * DIGESTSET_BYTES, DIGESTSET_BYTES) != 0)
            memmove(ds->d + ++o * DIGESTSET_BYTES, ds->d + i * DIGESTSET_BYTES, DIGESTSET_BYTES);
    ds->n = o + 1;
}

static int member(const struct digestset *ds, int cls, const char *key, size_t keylen)
{
    unsigned char d[DIGESTSET_BYTES];

    if (ds->n == 0 || keylen == 0)
        return 0;
    digest(d, ds, cls, key, keylen);
    return bsearch(d, ds->d, ds->n, DIGESTSET_BYTES, cmp_digest) != NULL;
}

/* Stems inside the last token: a class 1 (or 3) form, then a particle or
 * ending. */
static int stem_member(const struct digestset *ds, const struct normtext *nt,
                       const struct token *w, size_t nw, int cap)
{
    for (unsigned i = 0; i < w[nw - 1].nstems; i++)
        if (member(ds, CLASS_STEM + cap, nt->key + w[0].kstart, window_stem_keylen(w, nw, i)))
            return 1;
    return 0;
}

/* 1 if the window's first character is written with a capital letter. */
static int starts_upper(const struct normtext *nt, const struct token *w)
{
    size_t o = nt->ostart[w[0].start];
    int cp;

    return utf8_next(&cp, nt->orig + o, nt->inlen - o) > 0 && utf8proc_isupper(cp);
}

struct scan_ctx {
    const struct digestset *ds;
    digestset_hit_fn hit;
    void *ctx;
};

static int on_window(void *ctx, const struct normtext *nt, const struct token *w, size_t nw,
                     struct err *e)
{
    struct scan_ctx *sc = ctx;
    const struct token *last = &w[nw - 1];

    if (!member(sc->ds, CLASS_WORD, nt->key + w[0].kstart, window_keylen(w, nw)) &&
        !stem_member(sc->ds, nt, w, nw, 0) &&
        !(starts_upper(nt, w) &&
          (member(sc->ds, CLASS_WORD + CLASS_CAPITAL, nt->key + w[0].kstart, window_keylen(w, nw)) ||
           stem_member(sc->ds, nt, w, nw, CLASS_CAPITAL))))
        return 0;
    return sc->hit(sc->ctx, nt->ostart[w[0].start], normtext_oend(nt, last->end - 1), e) == 0 ? 0 : -1;
}

int digestset_scan_norm(const struct digestset *ds, const struct normtext *nt,
                        digestset_hit_fn hit, void *ctx, struct err *e)
{
    struct scan_ctx sc = { ds, hit, ctx };

    if (ds->n == 0)
        return 0;
    return window_scan(nt, DIGESTSET_WINDOW, on_window, &sc, e);
}

int digestset_scan(const struct digestset *ds, const char *text, size_t len,
                   digestset_hit_fn hit, void *ctx, struct err *e)
{
    struct normtext nt;
    int rc;

    if (ds->n == 0 || len == 0)
        return 0;
    if (normalise(&nt, text, len, e) != 0)
        return -1;
    rc = digestset_scan_norm(ds, &nt, hit, ctx, e);
    normtext_free(&nt);
    return rc;
}
