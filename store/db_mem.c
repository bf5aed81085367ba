/* SQLite's own allocations (store/db.h: db_mem_install): they hold
 * decrypted pages and rows, so each is wiped when freed (crypto/secmem.c),
 * and each is kept in a table of the blocks SQLite holds, so that a block
 * freed twice is freed once.
 *
 * Why the table: SQLCipher 3.4.1 (Debian libsqlcipher0 3.4.1-2+b1) frees
 * a block twice when one allocation fails. Its sqlcipher_cipher_ctx_copy
 * copies the read context over the write context, pointers included, and
 * only then allocates the write context's own copy of the key text; when
 * that allocation fails it returns with both contexts pointing at the read
 * context's block, and closing the connection frees it once per context.
 * glibc aborts ("corrupted size vs. prev_size while consolidating"), ASan
 * reports a use after free (docs/COVERAGE.md, `make inject`: store_create,
 * the allocation in sqlcipher_codec_key_derive). Here the second free of a
 * block not in the table, and its size asked by sqlite3_free, are ignored
 * and counted (db_mem_stale_frees). SQLCipher's own wipe of that block
 * before the second free writes zeros into memory freed moments before,
 * with no allocation between (its context is freed whole); our 64-byte
 * header ahead of each block keeps glibc's free-list pointers out of that
 * write's reach. */
#include "store/db.h"

#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"

/* Open addressing, linear probing, deletion by shifting back: the blocks
 * SQLite holds (a few thousand), the table at most half full. */
static pthread_mutex_t mem_lock = PTHREAD_MUTEX_INITIALIZER;
static void **live;
static size_t live_cap, live_n;          /* live_cap a power of two, or 0 */
static unsigned long stale_frees;

static size_t slot_of(const void *p, size_t cap)
{
    /* Blocks are 64-byte aligned: the low bits carry nothing. */
    uint64_t h = ((uint64_t)(uintptr_t)p >> 6) * UINT64_C(0x9E3779B97F4A7C15);

    return (size_t)(h >> 32) & (cap - 1);
}

/* Index of p in the table, or live_cap if it is not there. */
static size_t find(const void *p)
{
    size_t i;

    if (live_cap == 0)
        return 0;
    for (i = slot_of(p, live_cap); live[i] != NULL; i = (i + 1) & (live_cap - 1))
        if (live[i] == p)
            return i;
    return live_cap;
}

static void put(void **t, size_t cap, void *p)
{
    size_t i = slot_of(p, cap);

    while (t[i] != NULL)
        i = (i + 1) & (cap - 1);
    t[i] = p;
}

/* Room for one more; -1 if the table cannot grow (out of memory). */
static int reserve(void)
{
    size_t cap = live_cap ? live_cap * 2 : 1024;
    void **t;

    if (2 * (live_n + 1) <= live_cap)
        return 0;
    t = calloc(cap, sizeof *t);
    if (t == NULL)
        return -1;
    for (size_t i = 0; i < live_cap; i++)
        if (live[i] != NULL)
            put(t, cap, live[i]);
    free(live);
    live = t;
    live_cap = cap;
    return 0;
}

/* Removes slot i, moving back the entries after it that probed past it. */
static void drop(size_t i)
{
    size_t j = i;

    live[i] = NULL;
    live_n--;
    for (;;) {
        size_t k;
        j = (j + 1) & (live_cap - 1);
        if (live[j] == NULL)
            return;
        k = slot_of(live[j], live_cap);
        /* live[j] may move to i when its home k is not in (i, j]. */
        if ((i <= j) ? (i < k && k <= j) : (i < k || k <= j))
            continue;
        live[i] = live[j];
        live[j] = NULL;
        i = j;
    }
}

static void *mem_malloc(int n)
{
    void *p;

    if (n < 0)
        return NULL;
    p = secmem_wipe_malloc((size_t)n);
    if (p == NULL)
        return NULL;
    pthread_mutex_lock(&mem_lock);
    if (reserve() != 0) {
        pthread_mutex_unlock(&mem_lock);
        secmem_wipe_free(p);
        return NULL;
    }
    put(live, live_cap, p);
    live_n++;
    pthread_mutex_unlock(&mem_lock);
    return p;
}

/* 1 if q was SQLite's and is now freed; 0 if it was not in the table. */
static int mem_release(void *q)
{
    size_t i;

    pthread_mutex_lock(&mem_lock);
    i = find(q);
    if (i == live_cap) {
        stale_frees++;
        pthread_mutex_unlock(&mem_lock);
        return 0;
    }
    drop(i);
    pthread_mutex_unlock(&mem_lock);
    secmem_wipe_free(q);
    return 1;
}

static void mem_free(void *q)
{
    if (q != NULL)
        (void)mem_release(q);
}

static int mem_size(void *q)
{
    size_t i;
    int n = 0;

    if (q == NULL)
        return 0;
    pthread_mutex_lock(&mem_lock);
    i = find(q);
    if (i != live_cap)
        n = (int)secmem_wipe_size(q);
    pthread_mutex_unlock(&mem_lock);
    return n;
}

/* A block that grows is given half as much again as asked (xSize then
 * says so, as SQLite allows), and a later growth that fits stays in place:
 * FTS4's unicode61 tokenizer grows its word buffer 64 bytes at a time, and
 * a copy (and a wipe) of the whole block at each step made a one-word
 * testimony of n bytes cost n*n/64 bytes moved: 30 MB, over 10 minutes
 * holding the write lock (adv35f I-4).  Now each byte is moved about three
 * times in all. */
static void *mem_realloc(void *q, int n)
{
    int old = 0, known = 1;
    size_t want = n < 0 ? 0 : (size_t)n;
    void *r;

    if (n < 0)
        return NULL;
    if (q != NULL) {
        pthread_mutex_lock(&mem_lock);
        known = find(q) != live_cap;
        if (known)
            old = (int)secmem_wipe_size(q);
        pthread_mutex_unlock(&mem_lock);
    }
    if (!known)
        return NULL;             /* not SQLite's block: nothing to move */
    if (q != NULL && n <= old)
        return q;                /* fits: SQLite's size stays what xSize says */
    if (q != NULL && want < (size_t)old + (size_t)old / 2)
        want = (size_t)old + (size_t)old / 2;
    if (want > INT_MAX)
        want = (size_t)n;
    r = mem_malloc((int)want);
    if (r != NULL && q != NULL) {
        memcpy(r, q, (size_t)old);
        mem_free(q);
    }
    return r;
}

static int mem_roundup(int n) { return (n + 7) & ~7; }
static int mem_init(void *a) { (void)a; return SQLITE_OK; }
static void mem_shutdown(void *a) { (void)a; }

void db_mem_install(void)
{
    static int done;
    static const sqlite3_mem_methods m = {
        mem_malloc, mem_free, mem_realloc, mem_size, mem_roundup,
        mem_init, mem_shutdown, NULL
    };

    if (!done) {
        /* Fails harmlessly if SQLite was already initialised. */
        (void)sqlite3_config(SQLITE_CONFIG_MALLOC, &m);
        done = 1;
    }
}

unsigned long db_mem_stale_frees(void)
{
    unsigned long n;

    pthread_mutex_lock(&mem_lock);
    n = stale_frees;
    pthread_mutex_unlock(&mem_lock);
    return n;
}
