/* The keyed digest set (privacy/digestset.h): entries made from the
 * redactor's forms, and the scan of a text that looks every place a form
 * could be a hit up and applies the redactor's hit rules there. */
#include "privacy/digestset.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/window.h"

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

static void digest(unsigned char out[DIGESTSET_BYTES], const struct digestset *ds,
                   const char *key, size_t keylen)
{
    crypto_generichash(out, DIGESTSET_BYTES, (const unsigned char *)key, keylen, ds->key,
                       DIGESTSET_KEYBYTES);
}

static int add(struct digestset *ds, const unsigned char entry[DIGESTSET_ENTRY], struct err *e)
{
    if (ds->n == ds->cap) {
        size_t cap = ds->cap ? ds->cap * 2 : 256;
        unsigned char *p = realloc(ds->d, cap * DIGESTSET_ENTRY);
        if (p == NULL)
            return err_set(e, EXIT_INPUT, "out of memory for the digest set");
        ds->d = p, ds->cap = cap;
    }
    memcpy(ds->d + ds->n++ * DIGESTSET_ENTRY, entry, DIGESTSET_ENTRY);
    return 0;
}

int digestset_add_entry(struct digestset *ds, const unsigned char entry[DIGESTSET_ENTRY],
                        struct err *e)
{
    struct redact_form f;

    if (redact_form_of_byte(&f, entry[DIGESTSET_BYTES]) != 0)
        return err_set(e, EXIT_INPUT, "a digest set entry has an unknown rule byte");
    return add(ds, entry, e);
}

int digestset_add_form(struct digestset *ds, const char *key, size_t keylen,
                       unsigned char rule, struct err *e)
{
    unsigned char entry[DIGESTSET_ENTRY];

    digest(entry, ds, key, keylen);
    entry[DIGESTSET_BYTES] = rule;
    return add(ds, entry, e);
}

struct add_ctx {
    struct digestset *ds;
    struct err *e;
};

static int add_one(void *ctx, const char *key, size_t keylen, const struct redact_form *f)
{
    struct add_ctx *a = ctx;

    return digestset_add_form(a->ds, key, keylen, redact_form_byte(f), a->e) == 0 ? 0 : -1;
}

int digestset_add_redactor(struct digestset *ds, const struct redactor *r,
                           enum redact_words words, struct err *e)
{
    struct add_ctx a = { ds, e };

    if (redactor_each_form(r, words, add_one, &a) != 0)
        return -1;
    digestset_finish(ds);
    return 0;
}

static int cmp_entry(const void *a, const void *b)
{
    return memcmp(a, b, DIGESTSET_ENTRY);
}

void digestset_finish(struct digestset *ds)
{
    size_t i, o = 0;

    if (ds->n == 0)
        return;
    qsort(ds->d, ds->n, DIGESTSET_ENTRY, cmp_entry);
    for (i = 1; i < ds->n; i++)
        if (memcmp(ds->d + i * DIGESTSET_ENTRY, ds->d + o * DIGESTSET_ENTRY, DIGESTSET_ENTRY) != 0)
            memmove(ds->d + ++o * DIGESTSET_ENTRY, ds->d + i * DIGESTSET_ENTRY, DIGESTSET_ENTRY);
    ds->n = o + 1;
}

/* The first entry whose digest is d, or NULL. */
static const unsigned char *first_entry(const struct digestset *ds,
                                        const unsigned char d[DIGESTSET_BYTES])
{
    size_t lo = 0, hi = ds->n, mid;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        if (memcmp(ds->d + mid * DIGESTSET_ENTRY, d, DIGESTSET_BYTES) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ds->n && memcmp(ds->d + lo * DIGESTSET_ENTRY, d, DIGESTSET_BYTES) == 0
           ? ds->d + lo * DIGESTSET_ENTRY : NULL;
}

struct scan_ctx {
    const struct digestset *ds;
    digestset_hit_fn hit;
    void *ctx;
};

/* Looks the key bytes [kstart, kend) of nt up and applies the hit rules of
 * each form found; only person names when persons_only. */
static int lookup(struct scan_ctx *sc, const struct normtext *nt, size_t kstart, size_t kend,
                  int persons_only, struct err *e)
{
    unsigned char d[DIGESTSET_BYTES];
    const unsigned char *p, *end = sc->ds->d + sc->ds->n * DIGESTSET_ENTRY;
    struct redact_form f;
    const char *flag;
    size_t a, b;

    if (kend <= kstart)
        return 0;
    digest(d, sc->ds, nt->key + kstart, kend - kstart);
    for (p = first_entry(sc->ds, d); p != NULL && p < end && memcmp(p, d, sizeof d) == 0;
         p += DIGESTSET_ENTRY) {
        enum redact_hit h;
        if (redact_form_of_byte(&f, p[DIGESTSET_BYTES]) != 0 || (persons_only && !f.person))
            continue;
        flag = NULL;
        h = redact_form_hit(&a, &b, &flag, nt, &f, kend - kstart, kend);
        if (h != HIT_NONE &&
            sc->hit(sc->ctx, nt->ostart[a], normtext_oend(nt, b - 1), h == HIT_FLAG ? flag : NULL, e) != 0)
            return -1;
    }
    return 0;
}

static int on_window(void *ctx, const struct normtext *nt, const struct token *w, size_t nw,
                     struct err *e)
{
    struct scan_ctx *sc = ctx;
    const struct token *last = &w[nw - 1];

    if (lookup(sc, nt, w[0].kstart, last->kend, 0, e) != 0)
        return -1;
    for (unsigned i = 0; i < last->nstems; i++)
        if (lookup(sc, nt, w[0].kstart, w[0].kstart + window_stem_keylen(w, nw, i), 0, e) != 0)
            return -1;
    return 0;
}

/* The first key byte at or after norm byte n. */
static size_t key_at(const struct normtext *nt, size_t n)
{
    size_t lo = 0, hi = nt->keylen, mid;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        if (nt->kpos[mid] < n)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int handle_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c >= 0x80;
}

/* Person names inside the handles: every piece of each handle's first
 * DIGESTSET_HANDLE_MAX bytes, at least 4 bytes long. */
static int scan_handles(struct scan_ctx *sc, const struct normtext *nt, struct err *e)
{
    const char *s = nt->norm, *at = s;

    while ((at = memchr(at, '@', nt->normlen - (size_t)(at - s))) != NULL) {
        size_t a = (size_t)(at - s) + 1, b = a;
        while (b < nt->normlen && b - a < DIGESTSET_HANDLE_MAX && handle_byte((unsigned char)s[b]))
            b++;
        for (size_t i = a; i + 4 <= b; i++) {
            if (((unsigned char)s[i] & 0xC0) == 0x80)
                continue;
            for (size_t j = i + 4; j <= b; j++)
                if ((j == b || ((unsigned char)s[j] & 0xC0) != 0x80) &&
                    lookup(sc, nt, key_at(nt, i), key_at(nt, j), 1, e) != 0)
                    return -1;
        }
        at++;
    }
    return 0;
}

int digestset_scan_norm(const struct digestset *ds, const struct normtext *nt,
                        digestset_hit_fn hit, void *ctx, struct err *e)
{
    struct scan_ctx sc = { ds, hit, ctx };

    if (ds->n == 0)
        return 0;
    if (window_scan(nt, DIGESTSET_WINDOW, on_window, &sc, e) != 0)
        return -1;
    return scan_handles(&sc, nt, e);
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
