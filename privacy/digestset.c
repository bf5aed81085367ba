/* The keyed digest set (privacy/digestset.h): entries made from the
 * redactor's forms, and the scan of a text that looks every place a form
 * could be a hit up and applies the redactor's hit rules there. */
#include "privacy/digestset.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/window.h"

/* The filter's key: BLAKE2b-128 keyed with the digest key over a
 * message no form's key can be (it holds spaces): docs/FORMAT.md. */
#define FILTER_KEY_MESSAGE "intake digest filter"

static void filter_key(struct digestset *ds)
{
    crypto_generichash(ds->fkey, sizeof ds->fkey, (const unsigned char *)FILTER_KEY_MESSAGE,
                       sizeof FILTER_KEY_MESSAGE - 1, ds->key, DIGESTSET_KEYBYTES);
}

void digestset_init(struct digestset *ds)
{
    memset(ds, 0, sizeof *ds);
    randombytes_buf(ds->key, sizeof ds->key);
    filter_key(ds);
}

void digestset_init_key(struct digestset *ds, const unsigned char key[DIGESTSET_KEYBYTES])
{
    memset(ds, 0, sizeof *ds);
    memcpy(ds->key, key, DIGESTSET_KEYBYTES);
    filter_key(ds);
}

/* ---- The filter ---- */

/* SipHash-2-4 of key under the filter's key, as a little-endian number. */
static uint64_t filter_hash(const struct digestset *ds, const char *key, size_t keylen)
{
    unsigned char h[crypto_shorthash_BYTES];
    uint64_t v = 0;

    crypto_shorthash(h, (const unsigned char *)key, keylen, ds->fkey);
    for (size_t i = sizeof h; i-- > 0;)
        v = v << 8 | h[i];
    return v;
}

/* The j-th bit of hash h in a filter of bits bits (a power of two, at
 * most 2^32): (low 32 bits + j * high 32 bits) mod 2^32, mod bits. */
static size_t filter_bit(uint64_t h, unsigned j, size_t bits)
{
    return (size_t)((uint32_t)h + j * (uint32_t)(h >> 32)) & (bits - 1);
}

/* 1 if the filter may hold the key of hash h, 0 if it surely does not. */
static int filter_has(const struct digestset *ds, uint64_t h)
{
    for (unsigned j = 0; j < DIGESTSET_FILTER_PROBES; j++) {
        size_t b = filter_bit(h, j, ds->filterlen * 8);
        if (!(ds->filter[b >> 3] >> (b & 7) & 1))
            return 0;
    }
    return 1;
}

size_t digestset_filter_bytes(size_t n)
{
    size_t len = DIGESTSET_FILTER_MIN;

    while (len / 2 < n && len <= SIZE_MAX / 2)
        len *= 2;
    return len;
}

static void filter_free(struct digestset *ds)
{
    free(ds->filter);
    ds->filter = NULL;
    ds->filterlen = 0;
}

int digestset_set_filter(struct digestset *ds, const unsigned char *filter, size_t len,
                         struct err *e)
{
    filter_free(ds);
    if (len != digestset_filter_bytes(ds->n) || len > ((size_t)1 << 29))
        return err_set(e, EXIT_INPUT, "a digest set filter of the wrong size");
    if ((ds->filter = malloc(len)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory for the digest set");
    memcpy(ds->filter, filter, len);
    ds->filterlen = len;
    return 0;
}

/* The filter of the forms added (fh), for n entries; none when out of
 * memory or too large (every key is digested then). */
static void filter_make(struct digestset *ds)
{
    size_t len = digestset_filter_bytes(ds->n);

    filter_free(ds);
    if (len > ((size_t)1 << 29) || (ds->filter = calloc(1, len)) == NULL)
        return;
    ds->filterlen = len;
    for (size_t i = 0; i < ds->nfh; i++)
        for (unsigned j = 0; j < DIGESTSET_FILTER_PROBES; j++) {
            size_t b = filter_bit(ds->fh[i], j, len * 8);
            ds->filter[b >> 3] |= (unsigned char)(1u << (b & 7));
        }
}

/* ---- The keys looked up so far ----
 * An open-addressing table over the keys (SipHash under a random key,
 * crypto_shorthash, so that no text can pile its keys into one chain):
 * for each, where its entries start, or NONE.  The keys themselves are in
 * a wipe-on-free arena: they are the text's. */

#define NONE UINT32_MAX

struct memo_slot {              /* one cache line holds four */
    uint64_t hash;              /* 0: empty */
    uint32_t off;               /* of the key in the arena */
    uint32_t first;             /* entry index, or NONE */
};

struct digestset_memo {
    unsigned char hkey[crypto_shorthash_KEYBYTES];
    struct memo_slot slot[DIGESTSET_MEMO_SLOTS];
    size_t n;
    char *arena;                /* each key: its length byte, then its bytes */
    size_t used, size;
};

static void memo_clear(struct digestset_memo *m)
{
    secmem_wipe_free(m->arena);
    m->arena = NULL;
    m->used = m->size = 0;
    m->n = 0;
    memset(m->slot, 0, sizeof m->slot);
}

static void memo_free(struct digestset *ds)
{
    if (ds->memo == NULL)
        return;
    memo_clear(ds->memo);
    sodium_memzero(ds->memo->hkey, sizeof ds->memo->hkey);
    free(ds->memo);
    ds->memo = NULL;
}

static uint64_t memo_hash(const struct digestset_memo *m, const char *key, size_t keylen)
{
    unsigned char h[crypto_shorthash_BYTES];
    uint64_t v = 0;

    crypto_shorthash(h, (const unsigned char *)key, keylen, m->hkey);
    for (size_t i = 0; i < sizeof h; i++)
        v = v << 8 | h[i];
    return v | 1;
}

void digestset_free(struct digestset *ds)
{
    sodium_memzero(ds->key, sizeof ds->key);
    sodium_memzero(ds->fkey, sizeof ds->fkey);
    memo_free(ds);
    filter_free(ds);
    free(ds->d);
    free(ds->index);
    free(ds->fh);
    ds->d = NULL;
    ds->index = NULL;
    ds->fh = NULL;
    ds->n = ds->cap = ds->nfh = ds->capfh = 0;
    ds->entries = 0;
}

static void digest(unsigned char out[DIGESTSET_BYTES], const struct digestset *ds,
                   const char *key, size_t keylen)
{
    crypto_generichash(out, DIGESTSET_BYTES, (const unsigned char *)key, keylen, ds->key,
                       DIGESTSET_KEYBYTES);
}

static int add(struct digestset *ds, const unsigned char entry[DIGESTSET_ENTRY], struct err *e)
{
    free(ds->index);            /* digestset_finish builds them again */
    ds->index = NULL;
    memo_free(ds);
    filter_free(ds);
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
    ds->entries = 1;            /* no form: no filter made here */
    return add(ds, entry, e);
}

int digestset_add_form(struct digestset *ds, const char *key, size_t keylen,
                       unsigned char rule, struct err *e)
{
    unsigned char entry[DIGESTSET_ENTRY];

    if (ds->nfh == ds->capfh) {
        size_t cap = ds->capfh ? ds->capfh * 2 : 256;
        uint64_t *p = cap <= SIZE_MAX / sizeof *p ? realloc(ds->fh, cap * sizeof *p) : NULL;
        if (p == NULL)
            return err_set(e, EXIT_INPUT, "out of memory for the digest set");
        ds->fh = p, ds->capfh = cap;
    }
    digest(entry, ds, key, keylen);
    entry[DIGESTSET_BYTES] = rule;
    if (add(ds, entry, e) != 0)
        return -1;
    ds->fh[ds->nfh++] = filter_hash(ds, key, keylen);
    return 0;
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

/* The first 32 bits of digest d, big-endian: the order of memcmp. */
static uint32_t prefix32(const unsigned char *d)
{
    return (uint32_t)d[0] << 24 | (uint32_t)d[1] << 16 | (uint32_t)d[2] << 8 | d[3];
}

/* The index of the sorted entries by their first ibits bits: about one
 * entry per value (at most 2^20 values, 4 MiB), so a look-up compares one
 * or two digests instead of a binary search over all of them.  Left NULL
 * when out of memory (the look-up searches everything then). */
static void build_index(struct digestset *ds)
{
    size_t i = 0, nb;
    unsigned bits = 1;

    free(ds->index);
    ds->index = NULL;
    if (ds->n > UINT32_MAX)
        return;
    while (bits < 20 && ((size_t)1 << bits) < ds->n)
        bits++;
    nb = (size_t)1 << bits;
    if ((ds->index = malloc((nb + 1) * sizeof *ds->index)) == NULL)
        return;
    ds->ibits = bits;
    for (size_t b = 0; b < nb; b++) {
        while (i < ds->n && (prefix32(ds->d + i * DIGESTSET_ENTRY) >> (32 - bits)) < b)
            i++;
        ds->index[b] = (uint32_t)i;
    }
    ds->index[nb] = (uint32_t)ds->n;
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
    build_index(ds);
    if (!ds->entries && ds->nfh > 0)
        filter_make(ds);
    memo_free(ds);
    if (ds->n < NONE && (ds->memo = calloc(1, sizeof *ds->memo)) != NULL)
        crypto_shorthash_keygen(ds->memo->hkey);       /* calloc: untouched pages stay unmapped */
}

/* The first entry whose digest is d, or NULL. */
static const unsigned char *first_entry(const struct digestset *ds,
                                        const unsigned char d[DIGESTSET_BYTES])
{
    size_t lo = 0, hi = ds->n, mid;

    if (ds->index != NULL) {
        uint32_t b = prefix32(d) >> (32 - ds->ibits);
        lo = ds->index[b], hi = ds->index[b + 1];
    }

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

/* The first entry of key[0..keylen) (its digest), or NULL: from the
 * memo when the key was looked up before, else by its digest (and then
 * remembered).  hash is the key's memo hash made by the caller (a
 * window's, from its tokens': window_hash), or 0 to make it here. */
static const unsigned char *remembered(const struct digestset *ds, const char *key,
                                       size_t keylen, uint64_t hash)
{
    struct digestset_memo *m = ds->memo;
    unsigned char d[DIGESTSET_BYTES], len = (unsigned char)keylen;
    char rec[1 + DIGESTSET_MEMO_KEY_MAX];       /* length byte, key */
    const unsigned char *p;
    struct memo_slot *sl;
    uint64_t h = 0;
    size_t i = 0, off;

    if (m != NULL && keylen <= DIGESTSET_MEMO_KEY_MAX) {
        h = hash != 0 ? hash : memo_hash(m, key, keylen);
        for (i = h & (DIGESTSET_MEMO_SLOTS - 1); (sl = &m->slot[i])->hash != 0;
             i = (i + 1) & (DIGESTSET_MEMO_SLOTS - 1))
            if (sl->hash == h && (unsigned char)m->arena[sl->off] == len &&
                memcmp(m->arena + sl->off + 1, key, keylen) == 0)
                return sl->first == NONE ? NULL : ds->d + (size_t)sl->first * DIGESTSET_ENTRY;
    }
    if (ds->filter != NULL && !filter_has(ds, filter_hash(ds, key, keylen)))
        p = NULL;               /* surely no form: no digest */
    else {
        digest(d, ds, key, keylen);
        p = first_entry(ds, d);
        sodium_memzero(d, sizeof d);
    }
    if (h == 0)
        return p;
    if (m->n >= DIGESTSET_MEMO_SLOTS / 2 || m->used > UINT32_MAX - 2 * DIGESTSET_MEMO_KEY_MAX) {
        memo_clear(m);
        i = h & (DIGESTSET_MEMO_SLOTS - 1);
    }
    rec[0] = (char)len;
    memcpy(rec + 1, key, keylen);
    if (secbuf_append(&m->arena, &m->used, &m->size, rec, keylen + 1, &off) == 0) {
        sl = &m->slot[i];
        sl->hash = h, sl->off = (uint32_t)off;
        sl->first = p == NULL ? NONE : (uint32_t)((size_t)(p - ds->d) / DIGESTSET_ENTRY);
        m->n++;
    }
    sodium_memzero(rec, keylen + 1);
    return p;
}

struct scan_ctx {
    const struct digestset *ds;
    digestset_hit_fn hit;
    void *ctx;
    const struct token *base;   /* the tokens the windows are made of, */
    uint64_t *th;               /* and their memo hashes (each token's whole,
                                 * then cut at each stem), or NULL; */
    uint32_t *thoff;            /* where each token's begin in th */
};

#define TOKEN_HASHES (1 + WINDOW_STEMS)

/* Each token's memo hashes, once: SipHash (memo_hash) of its key bytes,
 * whole and cut at each stem, into sc->th (1 + nstems a token, packed:
 * a 1 MiB text's tokens held 17 MB of export's peak at TOKEN_HASHES
 * each, most of them never made; session 52, speed52) and where each
 * token's begin into sc->thoff.  A window's hash is then made of its
 * tokens' (window_hash) instead of hashing its key again: up to
 * DIGESTSET_WINDOW windows end at each token, each with its stems.
 * Both NULL when there is no memo or no memory (each key is hashed then). */
static void token_hashes(struct scan_ctx *sc, const struct normtext *nt,
                         const struct window_tokens *tk)
{
    size_t total = 0, at = 0;

    sc->th = NULL, sc->thoff = NULL;
    if (sc->ds->memo == NULL || tk->n == 0 || tk->n > UINT32_MAX / TOKEN_HASHES)
        return;
    for (size_t i = 0; i < tk->n; i++)
        total += 1 + tk->t[i].nstems;
    if ((sc->th = malloc(total * sizeof *sc->th)) == NULL ||
        (sc->thoff = malloc(tk->n * sizeof *sc->thoff)) == NULL) {
        free(sc->th);
        sc->th = NULL;
        return;
    }
    for (size_t i = 0; i < tk->n; i++) {
        const struct token *t = &tk->t[i];
        sc->thoff[i] = (uint32_t)at;
        sc->th[at++] = memo_hash(sc->ds->memo, nt->key + t->kstart, t->kend - t->kstart);
        for (unsigned k = 0; k < t->nstems; k++)
            sc->th[at++] = memo_hash(sc->ds->memo, nt->key + t->kstart, t->kstem[k] - t->kstart);
    }
}

/* The memo hash of the window w[0..nw) (its last token whole when stem
 * is 0, else cut at stem - 1): its tokens' hashes mixed in order (a
 * multiply and a shift each).  What lies between the tokens is not in it:
 * two keys that differ there only share a hash, and the memo tells them
 * apart by their bytes.  Its inputs are keyed SipHash values, so a text
 * cannot choose hashes that pile up in one chain.  0 without hashes. */
static uint64_t window_hash(const struct scan_ctx *sc, const struct token *w, size_t nw,
                            unsigned stem)
{
    size_t first = (size_t)(w - sc->base);
    uint64_t h = 0x243F6A8885A308D3u;

    if (sc->th == NULL)
        return 0;
    for (size_t i = 0; i < nw; i++) {
        h ^= sc->th[sc->thoff[first + i] + (i + 1 == nw ? stem : 0)];
        h *= 0x9E3779B97F4A7C15u;
        h ^= h >> 29;
    }
    return h | 1;
}

/* Looks the key bytes [kstart, kend) of nt up and applies the hit rules of
 * each form found; only person names when persons_only. */
static int lookup(struct scan_ctx *sc, const struct normtext *nt, size_t kstart, size_t kend,
                  uint64_t hash, int persons_only, struct err *e)
{
    unsigned char d[DIGESTSET_BYTES];
    const unsigned char *p, *end = sc->ds->d + sc->ds->n * DIGESTSET_ENTRY;
    struct redact_form f;
    const char *flag;
    size_t a, b;

    if (kend <= kstart)
        return 0;
    if ((p = remembered(sc->ds, nt->key + kstart, kend - kstart, hash)) == NULL)
        return 0;
    for (memcpy(d, p, sizeof d); p < end && memcmp(p, d, sizeof d) == 0; p += DIGESTSET_ENTRY) {
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

    if (lookup(sc, nt, w[0].kstart, last->kend, window_hash(sc, w, nw, 0), 0, e) != 0)
        return -1;
    for (unsigned i = 0; i < last->nstems; i++)
        if (lookup(sc, nt, w[0].kstart, w[0].kstart + window_stem_keylen(w, nw, i),
                   window_hash(sc, w, nw, i + 1), 0, e) != 0)
            return -1;
    /* The same from the letters after the digits the first token starts
     * with ("75daewoo", "2019hanwha88": report-adv16a A-9), whole and cut
     * at each stem; hashed by their bytes (hash 0). */
    if (w[0].klead == w[0].kstart)
        return 0;
    if (lookup(sc, nt, w[0].klead, last->kend, 0, 0, e) != 0)
        return -1;
    for (unsigned i = 0; i < last->nstems; i++)
        if (last->kstem[i] > w[0].klead &&
            lookup(sc, nt, w[0].klead, last->kstem[i], 0, 0, e) != 0)
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
                    lookup(sc, nt, key_at(nt, i), key_at(nt, j), 0, 1, e) != 0)
                    return -1;
        }
        at++;
    }
    return 0;
}

static int ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Forms with a digit glued to other word characters ("M1234567x",
 * "ID1234567", "M1234567Kim"): the redactor's run rule (docs/VARIANTS.md,
 * "Forms with a digit") accepts them inside a token, where the windows
 * do not look.  Every piece of a token of at most DIGESTSET_GLUED_MAX
 * bytes that holds an ASCII digit (the norm view's digits) and neither
 * starts nor ends inside a run of digits; the whole token is a window
 * already. */
static int scan_glued(struct scan_ctx *sc, const struct normtext *nt, const struct token *t,
                      struct err *e)
{
    const char *s = nt->norm;
    size_t i, j;
    int digit;

    if (t->end - t->start > DIGESTSET_GLUED_MAX)
        return 0;
    for (i = t->start; i < t->end && !ascii_digit(s[i]); i++)
        ;
    if (i == t->end)
        return 0;
    for (i = t->start; i < t->end; i++) {
        if ((((unsigned char)s[i] & 0xC0) == 0x80) ||
            (i > t->start && ascii_digit(s[i]) && ascii_digit(s[i - 1])))
            continue;
        for (j = i + 1, digit = 0; j <= t->end; j++) {
            digit |= ascii_digit(s[j - 1]);     /* [i, j) holds a digit */
            if (!digit || (i == t->start && j == t->end) ||
                (j < t->end && (((unsigned char)s[j] & 0xC0) == 0x80 ||
                                (ascii_digit(s[j]) && ascii_digit(s[j - 1])))))
                continue;
            if (lookup(sc, nt, key_at(nt, i), key_at(nt, j), 0, 0, e) != 0)
                return -1;
        }
    }
    return 0;
}

int digestset_scan_tokens(const struct digestset *ds, const struct normtext *nt,
                          const struct window_tokens *tk, digestset_hit_fn hit, void *ctx,
                          struct err *e)
{
    struct scan_ctx sc = { ds, hit, ctx, tk->t, NULL, NULL };
    int rc = -1;

    if (ds->n == 0)
        return 0;
    token_hashes(&sc, nt, tk);
    if (window_scan_tokens(tk, nt, DIGESTSET_WINDOW, on_window, &sc, e) != 0)
        goto out;
    for (size_t i = 0; i < tk->n; i++)
        if (scan_glued(&sc, nt, &tk->t[i], e) != 0)
            goto out;
    rc = scan_handles(&sc, nt, e);
out:
    free(sc.th);                /* hashes only: nothing of the text */
    free(sc.thoff);
    return rc;
}

int digestset_scan_norm(const struct digestset *ds, const struct normtext *nt,
                        digestset_hit_fn hit, void *ctx, struct err *e)
{
    struct window_tokens tk;
    int rc;

    if (ds->n == 0)
        return 0;
    if (window_tokenise(&tk, nt, NULL, e) != 0)
        return -1;
    rc = digestset_scan_tokens(ds, nt, &tk, hit, ctx, e);
    window_tokens_free(&tk);
    return rc;
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
