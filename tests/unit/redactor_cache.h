/* Shared by the privacy case tests (test_leaks_names, test_leaks_detect):
 * their compiled redactors, kept by the text of what built them, so that
 * the cases of one subject set build vectorscan's matcher once.  Of 2,507
 * cases in tests/data/leaks (session 22) 435 distinct sets were built;
 * vectorscan's compiler was about 45% of test_leaks_names' CPU.  A case
 * reads a redactor only (redactor_run takes it const; each case has its
 * own redact_ctx), so sharing one cannot carry a case's state into the
 * next.  Header-only. */
#ifndef INTAKE_REDACTOR_CACHE_H
#define INTAKE_REDACTOR_CACHE_H

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/redact.h"

/* Slots: consecutive cases mostly share their set; 32 keeps a file's sets. */
#define RCACHE_SLOTS 32

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

/* Frees every kept redactor (at the end of a test, for the leak checker). */
static void rcache_clear(void)
{
    for (size_t i = 0; i < RCACHE_SLOTS; i++) {
        free(rcache[i].key);
        redactor_free(rcache[i].r);
        rcache[i] = (struct rcache_slot){ NULL, NULL, 0 };
    }
}

#endif
