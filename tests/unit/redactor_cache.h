/* Shared by the privacy case tests (test_leaks_names, test_leaks_detect):
 * their compiled redactors, kept by the text of what built them, so that
 * the cases of one subject set build vectorscan's matcher once.  Of 2,507
 * cases in tests/data/leaks (session 22) 435 distinct sets were built;
 * vectorscan's compiler was about 45% of test_leaks_names' CPU.  A case
 * reads a redactor only (redactor_run takes it const; each case has its
 * own redact_ctx), so sharing one cannot carry a case's state into the
 * next.  A test that plans its run (rcache_plan: each case's key once,
 * before the first case) builds each set exactly once and frees it after
 * its last case (rcache_done); without a plan the cache keeps the most
 * recently used sets (session 44: 8,850 cases, 1,834 distinct sets, 2,099
 * builds by recency, 1,834 with the plan, at most 40 kept at once).  The
 * plan only saves builds: a set freed early is built again, never wrong.
 * Sets that differ only in what the matcher is not built from (above all
 * the pseudonyms) compile to the same vectorscan database: a planned run
 * keeps a set's serialised matcher while later sets of the same names are
 * still to come (rcache_compile), and compiles those from it when their
 * digest is the same, as the store's matcher cache does.  Header-only. */
#ifndef INTAKE_REDACTOR_CACHE_H
#define INTAKE_REDACTOR_CACHE_H

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/redact.h"

/* Slots: consecutive cases mostly share their set; 32 keeps a file's sets,
 * 64 every set a planned run holds at once (40 in session 44). */
#define RCACHE_SLOTS 64

struct rcache_slot {
    char *key;
    struct redactor *r;
    unsigned long used;
};

static struct rcache_slot rcache[RCACHE_SLOTS];
static unsigned long rcache_clock;

/* The redactor kept under key (a NUL-terminated text), or NULL.  The cache
 * keeps ownership. */
static struct redactor *rcache_get(const char *key)
{
    for (size_t i = 0; i < RCACHE_SLOTS; i++)
        if (rcache[i].key != NULL && strcmp(rcache[i].key, key) == 0) {
            rcache[i].used = ++rcache_clock;
            return rcache[i].r;
        }
    return NULL;
}

/* Keeps r (compiled) under a copy of key, freeing the least recently used
 * slot's redactor if all are taken; the cache owns r from here on.  Returns
 * r, or NULL (r freed) when out of memory. */
static struct redactor *rcache_put(const char *key, struct redactor *r)
{
    size_t i, victim = 0;
    char *k = strdup(key);

    if (k == NULL) {
        redactor_free(r);
        return NULL;
    }
    for (i = 0; i < RCACHE_SLOTS; i++)
        if (rcache[i].used < rcache[victim].used)
            victim = i;
    free(rcache[victim].key);
    redactor_free(rcache[victim].r);
    rcache[victim] = (struct rcache_slot){ k, r, ++rcache_clock };
    return r;
}

/* The key of a case (a JSON object): the case without the fields named in
 * checks[0..n) (what to check, not what to build), so that a field the
 * build reads, today's or a later one, is always in it.  Returns a
 * malloc'd text the caller frees, or NULL when out of memory. */
static char *rcache_key(json_t *c, const char *const *checks, size_t n)
{
    json_t *k = json_deep_copy(c);
    char *key;

    if (k == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++)
        json_object_del(k, checks[i]);
    key = json_dumps(k, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(k);
    return key;
}

/* ---- The plan: how many cases will still ask for each key ---- */
struct rcache_use {
    char *key;
    uint64_t hash;
    unsigned long left;     /* cases (of a set) or builds (of a matcher) still to come */
    unsigned char digest[REDACT_DIGEST_BYTES];
    char *bytes;            /* a matcher's, from redactor_serialise, or NULL */
    size_t len;
};

struct rcache_plan_of {
    struct rcache_use *u;
    size_t n, cap;
};

/* The sets (rplan: by case key) and their matchers (mplan: by the key
 * without what the matcher is not built from). */
static struct rcache_plan_of rplan, mplan;

/* What a planned run did: redactors built, matchers compiled, matchers
 * loaded from an earlier set's (rcache_compile), plain indexes built
 * (rcache_compile_plain). */
static unsigned long rcache_built, rcache_compiled, rcache_loaded, rcache_indexed;

/* FNV-1a 64 of a NUL-terminated text: a quick first comparison. */
static inline uint64_t rcache_hash(const char *key)
{
    uint64_t h = 14695981039346656037u;

    for (const unsigned char *p = (const unsigned char *)key; *p != '\0'; p++)
        h = (h ^ *p) * 1099511628211u;
    return h;
}

static inline struct rcache_use *rcache_use_of(struct rcache_plan_of *p, const char *key)
{
    uint64_t h = rcache_hash(key);

    for (size_t i = 0; i < p->n; i++)
        if (p->u[i].hash == h && strcmp(p->u[i].key, key) == 0)
            return &p->u[i];
    return NULL;
}

/* One more use of key in p: 1 if key is new to p, 0 if not, -1 when out
 * of memory. */
static inline int rcache_use_add(struct rcache_plan_of *p, const char *key)
{
    struct rcache_use *u = rcache_use_of(p, key);

    if (u != NULL) {
        u->left++;
        return 0;
    }
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 256;
        struct rcache_use *g = realloc(p->u, cap * sizeof *g);
        if (g == NULL)
            return -1;
        p->u = g, p->cap = cap;
    }
    p->u[p->n] = (struct rcache_use){ strdup(key), rcache_hash(key), 1, { 0 }, NULL, 0 };
    if (p->u[p->n].key == NULL)
        return -1;
    p->n++;
    return 1;
}

/* Counts, before the run, one case that will ask for key (the case's
 * build key: rcache_key) and the matcher key mkey (the build key without
 * the fields the matcher is not built from: rcache_key with those too).
 * A plan only saves work; without one (or out of memory) every set is
 * built as needed and every matcher compiled. */
static inline void rcache_plan(const char *key, const char *mkey)
{
    if (rcache_use_add(&rplan, key) == 1)
        (void)rcache_use_add(&mplan, mkey);
}

/* Compiles r (everything added) as redactor_compile does, or, when an
 * earlier set of this run with the same matcher key left its matcher and
 * r's digest is the same (redactor_digest: exactly the literals the
 * matcher is built from, so the same database), from that matcher's bytes
 * (redactor_compile_from, as store/privacy.c's matcher cache does).  Keeps
 * the matcher while the plan has more sets of mkey to come.  0, or -1
 * with e filled. */
static inline int rcache_compile(struct redactor *r, const char *mkey, struct err *e)
{
    struct rcache_use *u = rcache_use_of(&mplan, mkey);
    unsigned char d[REDACT_DIGEST_BYTES];
    int rc;

    redactor_digest(d, r);
    rcache_built++;
    if (u != NULL && u->bytes != NULL && memcmp(u->digest, d, sizeof d) == 0 &&
        redactor_compile_from(r, u->bytes, u->len, e) == 0) {
        rcache_loaded++;
        rc = 0;
    } else {
        rcache_compiled++;
        rc = redactor_compile(r, e);
        if (rc == 0 && u != NULL && u->left > 1) {
            struct err ignored;
            secmem_wipe_free(u->bytes);
            u->bytes = NULL, u->len = 0;
            if (redactor_serialise(&u->bytes, &u->len, r, &ignored) == 0)
                memcpy(u->digest, d, sizeof d);
        }
    }
    if (u != NULL && u->left > 0 && --u->left == 0) {
        secmem_wipe_free(u->bytes);
        u->bytes = NULL, u->len = 0;
    }
    return rc;
}

/* Compiles r (everything added) with the plain index instead of
 * vectorscan's database (redactor_compile_plain: a two-byte bucket index,
 * no compiler, the same hits; test_leaks_names' INTAKE_LEAKS_MATCHER,
 * docs/TESTING.md "Session 49 (speed49)").  0, or -1 with e filled. */
static inline int rcache_compile_plain(struct redactor *r, struct err *e)
{
    rcache_built++;
    rcache_indexed++;
    return redactor_compile_plain(r, e);
}

/* A case that asked for key is done with it: after the last planned one,
 * the kept redactor is freed.  A key the plan does not hold stays kept. */
static inline void rcache_done(const char *key)
{
    struct rcache_use *u = rcache_use_of(&rplan, key);

    if (u == NULL || u->left == 0 || --u->left > 0)
        return;
    for (size_t i = 0; i < RCACHE_SLOTS; i++)
        if (rcache[i].key != NULL && strcmp(rcache[i].key, key) == 0) {
            free(rcache[i].key);
            redactor_free(rcache[i].r);
            rcache[i] = (struct rcache_slot){ NULL, NULL, 0 };
        }
}

static inline void rcache_plan_free(struct rcache_plan_of *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->u[i].key);
        secmem_wipe_free(p->u[i].bytes);
    }
    free(p->u);
    *p = (struct rcache_plan_of){ NULL, 0, 0 };
}

/* Frees every kept redactor and the plan (at the end of a test, for the
 * leak checker). */
static void rcache_clear(void)
{
    for (size_t i = 0; i < RCACHE_SLOTS; i++) {
        free(rcache[i].key);
        redactor_free(rcache[i].r);
        rcache[i] = (struct rcache_slot){ NULL, NULL, 0 };
    }
    rcache_plan_free(&rplan);
    rcache_plan_free(&mplan);
}

#endif
