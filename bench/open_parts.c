/* Bench driver: what opening a bundle costs, part by part, on one core.
 *   open_parts FILE
 * FILE is any file of N 64 KiB chunks (bench/open_parts.sh makes one of
 * random bytes).  Each pass reads it with read(2) into one 64 KiB buffer,
 * as the bundle reader does, and adds one more part of the version 3
 * reader's per-chunk work (export/bundle_read.c):
 *   read          read(2) from the page cache, nothing else;
 *   +sha256       ... and SHA-256 of each chunk (crypto/bulk.h, OpenSSL);
 *   +aead         ... and ChaCha20-Poly1305 decryption of each chunk;
 *   +aead+sha256  both, one after the other: the work of version 3's
 *                 reader per chunk (the signature hashes the plaintext);
 * and then Argon2id with libsodium's interactive limits (ops 2, 64 MiB),
 * which every intake command pays first to unlock its store.
 * Prints, per part, CPU seconds of the calling thread (so other work on a
 * shared machine counts less than in wall time) and GB/s of that CPU time.
 *
 * Then two whole opens on two threads, wall and process CPU seconds:
 *   v3  Argon2id, then both threads read, decrypt and hash half of the
 *       chunks each (version 3: the plaintext is hashed, so nothing can
 *       start before the key);
 *   v4  one thread reads and hashes every chunk's ciphertext while the
 *       other runs Argon2id; then both read and decrypt the chunks (a
 *       signature over the ciphertext, read twice: the ceiling of the
 *       "hash while unlocking" lever, docs/SPEED.md).
 * The chunks are encrypted in memory once before the passes. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "crypto/bulk.h"

#define CHUNK 65536U

enum { READ, SHA, AEAD, BOTH, NPARTS };
static const char *const part_name[NPARTS] = { "read", "+sha256", "+aead", "+aead+sha256" };

static double cpu_now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* One chunk's tag for chunk index i: the pass decrypts what was sealed. */
static void nonce_of(unsigned char nonce[BULK_NONCEBYTES], uint64_t i)
{
    memset(nonce, 0, BULK_NONCEBYTES);
    for (unsigned k = 0; k < 8; k++)
        nonce[10 - k] = (unsigned char)(i >> (8 * k));
}

/* Reads fd from the start in CHUNK pieces and does part's work on each;
 * the thread's CPU seconds, or -1. */
static double pass(int fd, int part, struct bulk_aead *a,
                   unsigned char (*tags)[BULK_TAGBYTES], uint64_t nchunks)
{
    static unsigned char ct[CHUNK + BULK_TAGBYTES], pt[CHUNK];
    unsigned char d[BULK_HASHBYTES], nonce[BULK_NONCEBYTES];
    double t0 = cpu_now();

    if (lseek(fd, 0, SEEK_SET) != 0)
        return -1;
    for (uint64_t i = 0; i < nchunks; i++) {
        if (read(fd, ct, CHUNK) != (ssize_t)CHUNK)
            return -1;
        if (part == SHA)
            bulk_sha256(d, ct, CHUNK);
        if (part == AEAD || part == BOTH) {
            memcpy(ct + CHUNK, tags[i], BULK_TAGBYTES);
            nonce_of(nonce, i);
            if (bulk_aead_open(a, pt, ct, sizeof ct, nonce) != 0)
                return -1;
        }
        if (part == BOTH)
            bulk_sha256(d, pt, CHUNK);
    }
    return cpu_now() - t0;
}

/* Seals each chunk of the file as the writer would and keeps its tag (the
 * file itself stays as it is: the passes read it as ciphertext). */
static int seal_tags(int fd, struct bulk_aead *a,
                     unsigned char (*tags)[BULK_TAGBYTES], uint64_t nchunks)
{
    static unsigned char buf[CHUNK + BULK_TAGBYTES], out[CHUNK + BULK_TAGBYTES];
    unsigned char nonce[BULK_NONCEBYTES];

    if (lseek(fd, 0, SEEK_SET) != 0)
        return -1;
    for (uint64_t i = 0; i < nchunks; i++) {
        if (read(fd, buf, CHUNK) != (ssize_t)CHUNK)
            return -1;
        /* ChaCha20 is a keystream: sealing the chunk gives its plaintext
         * (chunk ^ keystream), and sealing that gives back the chunk and
         * the tag a reader checks. */
        nonce_of(nonce, i);
        if (bulk_aead_seal(a, out, buf, CHUNK, nonce) != 0)
            return -1;
        if (bulk_aead_seal(a, out, out, CHUNK, nonce) != 0)
            return -1;
        memcpy(tags[i], out + CHUNK, BULK_TAGBYTES);
    }
    return 0;
}

/* --- two threads: version 3 as built, version 4's ceiling --- */

struct whole {
    int fd;
    int hash_ct;                 /* 1: hash the ciphertext, do not decrypt */
    int hash_pt;                 /* 1: hash each decrypted chunk */
    unsigned char (*tags)[BULK_TAGBYTES];
    uint64_t nchunks;
    const unsigned char *key;
    atomic_uint_fast64_t next;   /* the next chunk to decrypt */
    int failed;
};

static int argon(void)
{
    unsigned char out[32], salt[crypto_pwhash_SALTBYTES];

    randombytes_buf(salt, sizeof salt);
    return crypto_pwhash(out, sizeof out, "tiger lamp violet oxygen river", 30, salt,
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE,
                         crypto_pwhash_ALG_ARGON2ID13);
}

/* Decrypts (and hashes, if asked) chunks taken from w->next until none
 * is left. */
static int decrypt_share(struct whole *w)
{
    unsigned char *ct = malloc(CHUNK + BULK_TAGBYTES), *pt = malloc(CHUNK);
    unsigned char d[BULK_HASHBYTES], nonce[BULK_NONCEBYTES];
    struct bulk_aead *a = bulk_aead_new(w->key);
    uint64_t i;
    int rc = ct == NULL || pt == NULL || a == NULL ? -1 : 0;

    while (rc == 0 && (i = atomic_fetch_add(&w->next, 1)) < w->nchunks) {
        if (pread(w->fd, ct, CHUNK, (off_t)(i * CHUNK)) != (ssize_t)CHUNK) {
            rc = -1;
            break;
        }
        memcpy(ct + CHUNK, w->tags[i], BULK_TAGBYTES);
        nonce_of(nonce, i);
        rc = bulk_aead_open(a, pt, ct, CHUNK + BULK_TAGBYTES, nonce);
        if (rc == 0 && w->hash_pt)
            bulk_sha256(d, pt, CHUNK);
    }
    bulk_aead_free(a);
    free(ct);
    free(pt);
    return rc;
}

/* Reads and hashes every chunk's ciphertext. */
static int hash_all(struct whole *w)
{
    unsigned char *ct = malloc(CHUNK), d[BULK_HASHBYTES];
    int rc = ct == NULL ? -1 : 0;

    for (uint64_t i = 0; rc == 0 && i < w->nchunks; i++) {
        if (pread(w->fd, ct, CHUNK, (off_t)(i * CHUNK)) != (ssize_t)CHUNK)
            rc = -1;
        else
            bulk_sha256(d, ct, CHUNK);
    }
    free(ct);
    return rc;
}

/* The helper thread: version 4 hashes first, then both help decrypt. */
static void *helper(void *arg)
{
    struct whole *w = arg;

    if ((w->hash_ct && hash_all(w) != 0) || decrypt_share(w) != 0)
        w->failed = 1;
    return NULL;
}

static double wall_now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* One open on two threads; v4 hashes ciphertext during Argon2id.  Into
 * t: wall seconds, process CPU seconds, and the wall seconds it would take
 * on two free cores.  Both threads take chunks from one counter, so on
 * free cores they end together: version 3 takes Argon2id's CPU time and
 * then half of the rest; version 4 half of all (its helper hashes while
 * Argon2id runs, and the decryption after both is more than the
 * difference between the two).  0 or -1. */
static int whole_open(int v4, int fd, const unsigned char *key,
                      unsigned char (*tags)[BULK_TAGBYTES], uint64_t nchunks,
                      double t[3])
{
    struct whole w = { .fd = fd, .hash_ct = v4, .hash_pt = !v4, .tags = tags,
                       .nchunks = nchunks, .key = key };
    struct timespec c0, c1;
    pthread_t th;
    double t0 = wall_now(), m0 = cpu_now(), a;
    int rc;

    atomic_init(&w.next, 0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    if (v4 && pthread_create(&th, NULL, helper, &w) != 0)
        return -1;
    rc = argon();
    a = cpu_now() - m0;
    if (!v4 && pthread_create(&th, NULL, helper, &w) != 0)
        return -1;
    if (rc == 0)
        rc = decrypt_share(&w);
    pthread_join(th, NULL);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    t[0] = wall_now() - t0;
    t[1] = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
    t[2] = v4 ? t[1] / 2 : a + (t[1] - a) / 2;
    if (t[2] < a)
        t[2] = a;
    return rc != 0 || w.failed ? -1 : 0;
}

int main(int argc, char **argv)
{
    unsigned char key[BULK_KEYBYTES], salt[crypto_pwhash_SALTBYTES], out[32];
    unsigned char (*tags)[BULK_TAGBYTES];
    struct bulk_aead *a;
    struct stat st;
    uint64_t nchunks;
    double t[NPARTS], t0, argon;
    int fd;

    if (argc != 2 || sodium_init() < 0) {
        fprintf(stderr, "usage: open_parts FILE\n");
        return 2;
    }
    fd = open(argv[1], O_RDONLY);
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size < (off_t)CHUNK) {
        fprintf(stderr, "open_parts: %s: %s\n", argv[1], strerror(errno));
        return 2;
    }
    nchunks = (uint64_t)st.st_size / CHUNK;
    randombytes_buf(key, sizeof key);
    a = bulk_aead_new(key);
    tags = calloc(nchunks, sizeof *tags);
    if (a == NULL || tags == NULL || seal_tags(fd, a, tags, nchunks) != 0) {
        fprintf(stderr, "open_parts: cannot prepare the chunks\n");
        return 2;
    }
    for (int p = 0; p < NPARTS; p++)
        if ((t[p] = pass(fd, p, a, tags, nchunks)) < 0) {
            fprintf(stderr, "open_parts: pass %s failed\n", part_name[p]);
            return 2;
        }
    randombytes_buf(salt, sizeof salt);
    t0 = cpu_now();
    if (crypto_pwhash(out, sizeof out, "tiger lamp violet oxygen river", 30, salt,
                      crypto_pwhash_OPSLIMIT_INTERACTIVE,
                      crypto_pwhash_MEMLIMIT_INTERACTIVE,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return 2;
    argon = cpu_now() - t0;
    for (int p = 0; p < NPARTS; p++)
        printf("%s %.3f %.2f\n", part_name[p], t[p],
               (double)nchunks * CHUNK / t[p] / 1e9);
    printf("argon2id %.3f -\n", argon);
    for (int v4 = 0; v4 <= 1; v4++) {
        double t3[3];

        if (whole_open(v4, fd, key, tags, nchunks, t3) != 0) {
            fprintf(stderr, "open_parts: the two-thread open failed\n");
            return 2;
        }
        printf("%s %.3f %.3f %.3f\n", v4 ? "open-v4" : "open-v3", t3[0], t3[1], t3[2]);
    }
    bulk_aead_free(a);
    free(tags);
    close(fd);
    return 0;
}
