/* The literal matcher: every protected literal compiled into one
 * vectorscan database, its digest and serialised form for the store's
 * cache, and the scan of a text's key view; the only file that includes
 * <hs.h>. */
#include "privacy/redact.h"

#include <hs.h>
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"

int redact_matcher_init(struct err *e)
{
    if (hs_set_allocator(secmem_wipe_malloc, secmem_wipe_free) != HS_SUCCESS)
        return err_set(e, EXIT_INPUT, "cannot set up the matcher's memory");
    return 0;
}

void redact_matcher_free(struct hs_database *db, struct hs_scratch *scratch)
{
    hs_free_scratch(scratch);
    hs_free_database(db);
}

/* Sets r->digit_terms: 1 if an id, other or account term has a literal
 * of four digits or more and nothing else (redact_spoken.c reads numbers
 * said in words for those); r->id_parts: 1 if one has six digits or more
 * among other characters (redact_idparts.c reads parts of it). */
static void find_digit_terms(struct redactor *r)
{
    for (size_t i = 0; i < r->nlits && !r->id_parts; i++) {
        const struct lit *l = &r->lits[i];
        const char *k = r->arena + r->keyoff[i];
        int cat = r->terms[l->term].cat;
        size_t j, digits = 0;

        if (l->keylen < 6 || (cat != TERM_ID && cat != TERM_OTHER && cat != TERM_ACCOUNT))
            continue;
        for (j = 0; j < l->keylen; j++)
            digits += k[j] >= '0' && k[j] <= '9';
        r->id_parts = digits >= 6;
    }
    for (size_t i = 0; i < r->nlits && !r->digit_terms; i++) {
        const struct lit *l = &r->lits[i];
        const char *k = r->arena + r->keyoff[i];
        int cat = r->terms[l->term].cat;
        size_t j;

        if (l->keylen < 4 || (cat != TERM_ID && cat != TERM_OTHER && cat != TERM_ACCOUNT))
            continue;
        for (j = 0; j < l->keylen && k[j] >= '0' && k[j] <= '9'; j++)
            ;
        r->digit_terms = j == l->keylen;
    }
}

/* Orders literal indexes by their keys' bytes (qsort_r context: the
 * redactor). */
static int lit_key_cmp(const void *a, const void *b, void *ctx)
{
    const struct redactor *r = ctx;
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    size_t n = r->lits[i].keylen < r->lits[j].keylen ? r->lits[i].keylen : r->lits[j].keylen;
    int c = memcmp(r->arena + r->keyoff[i], r->arena + r->keyoff[j], n);

    if (c != 0)
        return c;
    return r->lits[i].keylen < r->lits[j].keylen ? -1 : r->lits[i].keylen > r->lits[j].keylen;
}

/* Whether the literals ix[0..n) (one key, of two subjects or more) are
 * one subject's whole name in a case (lit.spaced: Дашу Ли of Даша Ли) and
 * other subjects' short forms only (FORM_SHORT: Дашули of Дашуля, Дар'я's
 * diminutive): the whole name of one subject is the more specific match,
 * and the two readings differ by the space the key view drops.  Then each
 * keeps its reading: the whole name where the text writes two words, the
 * short forms (marked yields) where it writes one (redact_on_match).  1 if
 * so (the literals marked), else 0. */
static int whole_name_owns(struct redactor *r, const size_t *ix, size_t n)
{
    long owner = 0;
    size_t k;

    for (k = 0; k < n; k++) {
        const struct lit *l = &r->lits[ix[k]];
        long s = r->terms[l->term].subject;
        if (l->spaced && owner != 0 && owner != s)
            return 0;
        if (l->spaced)
            owner = s;
    }
    if (owner == 0)
        return 0;
    for (k = 0; k < n; k++) {
        const struct lit *l = &r->lits[ix[k]];
        if (r->terms[l->term].subject != owner && l->kind != FORM_SHORT)
            return 0;
    }
    for (k = 0; k < n; k++)
        if (r->terms[r->lits[ix[k]].term].subject != owner)
            r->lits[ix[k]].yields = 1;
    return 1;
}

/* Marks shared every literal of a subject's name whose key is also a
 * literal of another subject's name (report-adv21 A-12: Batka, a short
 * form of Batbayar and of Bat-erdene, took the pseudonym of whichever
 * subject came first, in the record of the other).  The redactor does not
 * know whose record a text is (export redacts many with one redactor), so
 * such a form is replaced by a placeholder of its own, [PERSON-n], which
 * names no subject (docs/VARIANTS.md, "Forms of two subjects").  0, or -1
 * when out of memory. */
static int mark_shared(struct redactor *r)
{
    size_t *ix, n = 0, i, j, k;

    if ((ix = malloc((r->nlits ? r->nlits : 1) * sizeof *ix)) == NULL)
        return -1;
    for (i = 0; i < r->nlits; i++)
        if (r->terms[r->lits[i].term].cat == NAME_CAT)
            ix[n++] = i;
    qsort_r(ix, n, sizeof *ix, lit_key_cmp, r);
    for (i = 0; i < n; i = j) {
        int two = 0;
        for (j = i + 1; j < n && lit_key_cmp(&ix[i], &ix[j], r) == 0; j++)
            two |= r->terms[r->lits[ix[j]].term].subject != r->terms[r->lits[ix[i]].term].subject;
        if (two && whole_name_owns(r, ix + i, j - i))
            continue;
        for (k = i; two && k < j; k++) {
            struct lit *l = &r->lits[ix[k]];
            l->shared = 1;
            /* Initials of two of a name's three words (С.И. of Семён
             * Игоревич Павлов and of Сергей Иванович Петров) are a review
             * flag while one subject has them (person 0: redact.c
             * add_lit); two subjects' are as identifying as a shared
             * name: written dotted, in capitals, they take the neutral
             * [PERSON-n] as the dotted initials of a person do
             * (redact_hit_verdict; report-adv38, "Документ подписал
             * С.И.").  Bare (СИ) they stay a flag. */
            if (l->initials && !l->person && l->kind == FORM_SHORT)
                l->person = 1;
        }
    }
    free(ix);
    return 0;
}

/* What both ways of compiling do before the matcher: the pieces and
 * script keys sorted, the digit terms and shared forms found, the longest
 * key.  0, or -1 with e filled. */
static int compile_prepare(struct redactor *r, struct err *e)
{
    if (r->compiled)
        return err_set(e, EXIT_INPUT, "the redactor is already compiled");
    r->compiled = 1;
    redact_handle_pieces_finish(r);
    redact_scripts_finish(r);
    find_digit_terms(r);
    if (mark_shared(r) != 0)
        return err_set(e, EXIT_INPUT, "out of memory while compiling terms");
    if (r->nlits > UINT32_MAX)
        return err_set(e, EXIT_INPUT, "too many protected terms");
    for (size_t i = 0; i < r->nlits; i++)
        if (r->lits[i].keylen > r->maxkey)
            r->maxkey = r->lits[i].keylen;
    return 0;
}

int redactor_compile(struct redactor *r, struct err *e)
{
    hs_compile_error_t *ce = NULL;
    unsigned *ids = NULL, *flags = NULL;
    const char **ptrs = NULL;
    size_t i, *lens = NULL;
    int rc = -1;

    if (compile_prepare(r, e) != 0)
        return -1;
    if (r->nlits == 0)
        return 0;
    ids = calloc(r->nlits, sizeof *ids);
    flags = calloc(r->nlits, sizeof *flags);
    lens = calloc(r->nlits, sizeof *lens);
    ptrs = calloc(r->nlits, sizeof *ptrs);
    if (ids == NULL || flags == NULL || lens == NULL || ptrs == NULL) {
        err_set(e, EXIT_INPUT, "out of memory while compiling terms");
        goto out;
    }
    for (i = 0; i < r->nlits; i++)
        ids[i] = (unsigned)i, lens[i] = r->lits[i].keylen, ptrs[i] = r->arena + r->keyoff[i];
    if (hs_compile_lit_multi(ptrs, flags, ids, lens, (unsigned)r->nlits, HS_MODE_BLOCK,
                             NULL, &r->db, &ce) != HS_SUCCESS) {
        err_set(e, EXIT_INPUT, "cannot compile the protected terms: %s", ce ? ce->message : "unknown");
        goto out;
    }
    if (hs_alloc_scratch(r->db, &r->scratch) != HS_SUCCESS) {
        err_set(e, EXIT_INPUT, "out of memory while compiling terms");
        goto out;
    }
    rc = 0;
out:
    hs_free_compile_error(ce);
    free(ids), free(flags), free(lens), free(ptrs);
    /* The keys stay (secmem, wiped in redactor_free) for redactor_each_form:
     * the matcher's database holds the same literals anyway. */
    return rc;
}

/* ---- The plain index (redactor_compile_plain) ----
 * Bucket (b0 << 8) | b1 holds the literals whose keys start with bytes b0
 * b1; bucket PLAIN_ONE + b0 those of the one byte b0. */
#define PLAIN_ONE 65536u
#define PLAIN_BUCKETS (PLAIN_ONE + 256u)

static uint32_t plain_bucket(const unsigned char *k, size_t len)
{
    return len == 1 ? PLAIN_ONE + k[0] : (uint32_t)k[0] << 8 | k[1];
}

int redactor_compile_plain(struct redactor *r, struct err *e)
{
    uint32_t *at;

    if (compile_prepare(r, e) != 0)
        return -1;
    if (r->nlits == 0)
        return 0;
    r->plain_at = at = calloc(PLAIN_BUCKETS + 1, sizeof *at);
    r->plain = malloc(r->nlits * sizeof *r->plain);
    if (at == NULL || r->plain == NULL)
        return err_set(e, EXIT_INPUT, "out of memory while compiling terms");
    /* counted, then placed in order, each bucket's literals ascending:
     * at[b] walks from bucket b's start to its end, which is bucket b+1's
     * start, so the starts are at[] moved up by one */
    for (size_t i = 0; i < r->nlits; i++)
        if (r->lits[i].keylen > 0)
            at[plain_bucket((const unsigned char *)r->arena + r->keyoff[i], r->lits[i].keylen) + 1]++;
    for (uint32_t b = 0; b < PLAIN_BUCKETS; b++)
        at[b + 1] += at[b];
    for (size_t i = 0; i < r->nlits; i++)
        if (r->lits[i].keylen > 0)
            r->plain[at[plain_bucket((const unsigned char *)r->arena + r->keyoff[i],
                                     r->lits[i].keylen)]++] = (uint32_t)i;
    memmove(at + 1, at, PLAIN_BUCKETS * sizeof *at);
    at[0] = 0;
    return 0;
}

int redact_can_match(const struct redactor *r)
{
    return r->db != NULL || r->plain != NULL;
}

/* One hit of a scan: literal lit's key at bytes [start, end) of the
 * scanned buffer. */
struct hit {
    size_t start, end;
    uint32_t lit;
};

/* The hits of one scan, collected before any is settled. */
struct hits {
    struct hit *h;
    size_t n, cap;
    const struct redactor *r;
};

static int hits_add(struct hits *hs, size_t end, uint32_t lit)
{
    if (hs->n == hs->cap) {
        size_t c = hs->cap ? 2 * hs->cap : 64;
        struct hit *g = realloc(hs->h, c * sizeof *g);
        if (g == NULL)
            return -1;
        hs->h = g, hs->cap = c;
    }
    hs->h[hs->n++] = (struct hit){ end - hs->r->lits[lit].keylen, end, lit };
    return 0;
}

/* The test hook's order (redact_test_hit_order): 0 none. */
static int test_order;
static unsigned test_seed;

void redact_test_hit_order(int mode, unsigned seed)
{
    test_order = mode, test_seed = seed;
}

/* The subjects' identities in a fixed order: by pseudonym (unique in the
 * store: store/db_migrate.c), not by id or by the order they were added;
 * subject 0 (terms of no subject) first. */
static int subject_cmp(const struct redactor *r, long a, long b)
{
    const struct subject *x, *y;

    if (a == b)
        return 0;
    x = a != 0 ? redact_find_subject(r, a) : NULL;
    y = b != 0 ? redact_find_subject(r, b) : NULL;
    return strcmp(x != NULL && x->pseudonym != NULL ? x->pseudonym : "",
                  y != NULL && y->pseudonym != NULL ? y->pseudonym : "");
}

/* Orders two literals of one key: by their subject's identity
 * (subject_cmp), then by literal number, which then orders one subject's
 * own literals only (its names' and terms' own order, as vectorscan's one
 * database reported them: cells16.jsonl line 9 numbers Мянгад and its
 * spelling Myangad, two terms of one place, by the first). */
static int lit_canon_cmp(const struct redactor *r, uint32_t i, uint32_t j)
{
    const struct lit *x = &r->lits[i], *y = &r->lits[j];
    int c;

    if (i == j)
        return 0;
    if ((c = subject_cmp(r, r->terms[x->term].subject, r->terms[y->term].subject)) != 0)
        return c;
    return i < j ? -1 : 1;
}

/* The canonical order of hits (qsort_r context: the redactor): by end, as
 * vectorscan reports them; at one end the longest (the earliest start)
 * first; one span's literals (one key: the text's bytes) by lit_canon_cmp.
 * The key does not depend on the order a matcher reports hits in, nor on
 * the order subjects were added (issue 12, brief s47 ord47). */
static int hit_cmp(const void *a, const void *b, void *ctx)
{
    const struct hit *x = a, *y = b;

    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return lit_canon_cmp(ctx, x->lit, y->lit);
}

/* The test hook's permutation of h[0..n): reversed (mode 1 and 3), or
 * shuffled by a fixed generator from the seed (mode 2). */
static void test_permute(struct hit *h, size_t n)
{
    uint64_t x = test_seed * 2654435761u + 1;
    struct hit tmp;

    for (size_t i = 0; test_order == 2 && i + 1 < n; i++) {
        size_t j;
        x = x * 6364136223846793005u + 1442695040888963407u;
        j = i + (size_t)((x >> 33) % (n - i));
        tmp = h[i], h[i] = h[j], h[j] = tmp;
    }
    for (size_t i = 0; test_order != 2 && i < n / 2; i++)
        tmp = h[i], h[i] = h[n - 1 - i], h[n - 1 - i] = tmp;
}

/* Sorts the collected hits canonically (hit_cmp) and hands each to
 * fn(arg, lit, end): whatever order the matcher found them in, the
 * settling sees one order (docs/VARIANTS.md, "Session 47 (ord47)").  0,
 * or 1 when fn stopped.  Test mode 3 (redact_test_hit_order) reverses the
 * hits of each end after the sort: an order vectorscan may give (by end,
 * its own within one end), for a test that shows what would differ
 * without the sort. */
static int hits_settle(struct hits *hs, int (*fn)(void *arg, size_t lit, size_t end), void *arg)
{
    if (test_order == 1 || test_order == 2)
        test_permute(hs->h, hs->n);
    if (hs->n > 1)
        qsort_r(hs->h, hs->n, sizeof *hs->h, hit_cmp, (void *)hs->r);
    for (size_t i = 0, j; test_order == 3 && i < hs->n; i = j) {
        for (j = i + 1; j < hs->n && hs->h[j].end == hs->h[i].end; j++)
            ;
        test_permute(hs->h + i, j - i);
    }
    for (size_t i = 0; i < hs->n; i++)
        if (fn(arg, hs->h[i].lit, hs->h[i].end) != 0)
            return 1;
    return 0;
}

/* Every literal of r found in buf[0..n) by the plain index, added to hs;
 * 0, or -1 when out of memory. */
static int plain_scan(struct hits *hs, const char *buf, size_t n)
{
    const struct redactor *r = hs->r;
    const unsigned char *u = (const unsigned char *)buf;
    size_t i;
    int rc = 0;

    for (i = 0; i < n && rc == 0; i++) {
        uint32_t one = PLAIN_ONE + u[i], two = i + 1 < n ? plain_bucket(u + i, 2) : one;
        for (uint32_t k = r->plain_at[one]; k < r->plain_at[one + 1] && rc == 0; k++)
            rc = hits_add(hs, i + 1, r->plain[k]);
        for (uint32_t k = r->plain_at[two]; two != one && k < r->plain_at[two + 1] && rc == 0; k++) {
            const struct lit *l = &r->lits[r->plain[k]];
            if (l->keylen <= n - i && memcmp(buf + i + 2, r->arena + r->keyoff[r->plain[k]] + 2,
                                            l->keylen - 2) == 0)
                rc = hits_add(hs, i + l->keylen, r->plain[k]);
        }
    }
    return rc;
}

void redactor_digest(unsigned char out[REDACT_DIGEST_BYTES], const struct redactor *r)
{
    static const char tag[] = "intake matcher v1";
    crypto_generichash_state st;
    const char *version = hs_version();
    unsigned char len[8];
    size_t i, k;

    crypto_generichash_init(&st, NULL, 0, REDACT_DIGEST_BYTES);
    crypto_generichash_update(&st, (const unsigned char *)tag, sizeof tag);
    crypto_generichash_update(&st, (const unsigned char *)version, strlen(version) + 1);
    for (i = 0; i < r->nlits; i++) {
        for (k = 0; k < 8; k++)         /* each length, little-endian: no ambiguity */
            len[k] = (unsigned char)((uint64_t)r->lits[i].keylen >> (8 * k));
        crypto_generichash_update(&st, len, sizeof len);
        crypto_generichash_update(&st, (const unsigned char *)r->arena + r->keyoff[i],
                                  r->lits[i].keylen);
    }
    crypto_generichash_final(&st, out, REDACT_DIGEST_BYTES);
    sodium_memzero(&st, sizeof st);
}

int redactor_compile_from(struct redactor *r, const char *bytes, size_t len, struct err *e)
{
    hs_database_t *db = NULL;
    hs_scratch_t *scratch = NULL;
    size_t i, maxkey = 0;

    if (r->compiled)
        return err_set(e, EXIT_INPUT, "the redactor is already compiled");
    if (r->nlits == 0 || bytes == NULL)
        return err_set(e, EXIT_INPUT, "no matcher to load");
    redact_handle_pieces_finish(r);
    redact_scripts_finish(r);
    find_digit_terms(r);
    if (mark_shared(r) != 0)
        return err_set(e, EXIT_INPUT, "out of memory while loading the matcher");
    if (hs_deserialize_database(bytes, len, &db) != HS_SUCCESS)
        return err_set(e, EXIT_INPUT, "the cached matcher cannot be loaded");
    if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
        hs_free_database(db);
        return err_set(e, EXIT_INPUT, "out of memory while loading the matcher");
    }
    for (i = 0; i < r->nlits; i++)
        if (r->lits[i].keylen > maxkey)
            maxkey = r->lits[i].keylen;
    r->db = db, r->scratch = scratch, r->maxkey = maxkey, r->compiled = 1;
    return 0;
}

int redactor_serialise(char **out, size_t *outlen, const struct redactor *r, struct err *e)
{
    *out = NULL, *outlen = 0;
    if (!r->compiled)
        return err_set(e, EXIT_INPUT, "the redactor is not compiled");
    if (r->db == NULL)
        return 0;
    /* Allocated with the misc allocator: secmem_wipe_malloc (redactor_new). */
    if (hs_serialize_database(r->db, out, outlen) != HS_SUCCESS) {
        *out = NULL, *outlen = 0;
        return err_set(e, EXIT_INPUT, "out of memory while saving the matcher");
    }
    return 0;
}

/* A private scratch keeps a const redactor usable from several callers:
 * one per numbering context (cloning and wiping one per scan cost more than
 * the scan of a short text), or one per call without a context. */
static hs_scratch_t *ctx_scratch(struct redact_ctx *ctx, const struct redactor *r)
{
    if (ctx->scratch != NULL && ctx->owner == r)
        return ctx->scratch;
    hs_free_scratch(ctx->scratch);
    ctx->scratch = NULL, ctx->owner = NULL;
    if (hs_clone_scratch(r->scratch, &ctx->scratch) != HS_SUCCESS)
        return NULL;
    ctx->owner = r;
    return ctx->scratch;
}

/* vectorscan's callback: collects the hit (redact_match_hits). */
static int on_hit(unsigned int id, unsigned long long from, unsigned long long to,
                  unsigned int flags, void *arg)
{
    (void)from, (void)flags;
    return hits_add(arg, (size_t)to, id) == 0 ? 0 : 1;
}

/* Every literal of r found in buf[0..n) (vectorscan's database or the
 * plain index), collected, then handed to fn(arg, lit, end) in the
 * canonical order (hits_settle).  ctx: the numbering context whose
 * scratch is used (NULL: one of its own).  0, 1 when fn stopped, -1 when
 * out of memory, -2 when vectorscan failed (*hsrc its error). */
static int match_sorted(const struct redactor *r, struct redact_ctx *ctx, const char *buf, size_t n,
                        int (*fn)(void *arg, size_t lit, size_t end), void *arg, int *hsrc)
{
    struct hits hs = { NULL, 0, 0, r };
    hs_scratch_t *scratch = NULL;
    hs_error_t rc = HS_SUCCESS;
    int ret;

    *hsrc = HS_SUCCESS;
    if (r->db == NULL) {
        rc = plain_scan(&hs, buf, n) < 0 ? HS_NOMEM : HS_SUCCESS;
    } else {
        if (ctx != NULL)
            scratch = ctx_scratch(ctx, r);
        else if (hs_clone_scratch(r->scratch, &scratch) != HS_SUCCESS)
            scratch = NULL;
        if (scratch == NULL)
            return -1;
        rc = hs_scan(r->db, buf, (unsigned)n, 0, scratch, on_hit, &hs);
        if (ctx == NULL)
            hs_free_scratch(scratch);
        if (rc == HS_SCAN_TERMINATED)   /* on_hit stops only when out of memory */
            rc = HS_NOMEM;
    }
    if (rc == HS_NOMEM)
        ret = -1;
    else if (rc != HS_SUCCESS)
        ret = -2, *hsrc = (int)rc;
    else
        ret = hits_settle(&hs, fn, arg);
    free(hs.h);
    return ret;
}

/* The sorted hits' callback for redact_on_match. */
static int on_term(void *arg, size_t lit, size_t end)
{
    return redact_on_match((unsigned)lit, 0, end, 0, arg);
}

int redact_match_terms(struct spans *out, struct spans *pending, struct spans *flags,
                       const struct redactor *r, const struct normtext *t,
                       struct redact_ctx *ctx, struct err *e)
{
    struct scan_state st = { r, t, out, pending, flags };
    int rc, hsrc;

    if (!redact_can_match(r) || t->keylen == 0)
        return 0;
    if (t->keylen > UINT32_MAX)
        return err_set(e, EXIT_INPUT, "text is too long to redact in one piece (over 4 GiB)");
    rc = match_sorted(r, ctx, t->key, t->keylen, on_term, &st, &hsrc);
    if (rc == -1 || out->failed || (pending != NULL && pending->failed) ||
        (flags != NULL && flags->failed))
        return err_set(e, EXIT_INPUT, "out of memory while matching terms");
    if (rc == -2)
        return err_set(e, EXIT_INPUT, "matching terms failed (vectorscan error %d)", hsrc);
    redact_cjk_runs(out, t);    /* 约翰逊: the longest form (brief s25 ko25) */
    return 0;
}

int redact_match_buf(const struct redactor *r, struct redact_ctx *ctx, const char *buf, size_t n,
                     int (*fn)(void *arg, size_t lit, size_t end), void *arg)
{
    int hsrc;

    if (!redact_can_match(r) || n == 0)
        return 0;
    if (n > UINT32_MAX)
        return -1;
    return match_sorted(r, ctx, buf, n, fn, arg, &hsrc) < 0 ? -1 : 0;
}
