#include "crypto/secmem.h"

#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

int secmem_harden(void)
{
    struct rlimit none = { 0, 0 };

    umask(077);
    /* Both are best effort: a failure leaves the process no weaker than
     * it started, and there is nothing better to do about it. */
    (void)setrlimit(RLIMIT_CORE, &none);
    (void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    if (sodium_init() < 0)
        return -1;
    return 0;
}

void *secmem_alloc(size_t len)
{
    void *p = sodium_malloc(len == 0 ? 1 : len);

    if (p != NULL)
        memset(p, 0, len == 0 ? 1 : len);
    return p;
}

void secmem_free(void *p)
{
    /* sodium_free wipes the whole region before unmapping it. */
    sodium_free(p);
}

char *secmem_strndup(const char *s, size_t len)
{
    char *p;

    if (len == SIZE_MAX)
        return NULL;
    p = secmem_alloc(len + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *secmem_strdup(const char *s)
{
    return secmem_strndup(s, strlen(s));
}

void secmem_wipe_str(char *s)
{
    if (s != NULL)
        sodium_memzero(s, strlen(s));
}

/* A 64-byte header before each block: the total length, then the length
 * asked for. 64 keeps vectorscan's alignment. */
#define WIPE_HEADER 64

void *secmem_wipe_malloc(size_t len)
{
    size_t total;
    unsigned char *p;

    if (len > SIZE_MAX - 2 * WIPE_HEADER)
        return NULL;
    total = (len + WIPE_HEADER + 63) / 64 * 64;
    p = aligned_alloc(64, total);
    if (p == NULL)
        return NULL;
    memcpy(p, &total, sizeof total);
    memcpy(p + sizeof total, &len, sizeof len);
    return p + WIPE_HEADER;
}

void secmem_wipe_free(void *q)
{
    unsigned char *p;
    size_t total;

    if (q == NULL)
        return;
    p = (unsigned char *)q - WIPE_HEADER;
    memcpy(&total, p, sizeof total);
    sodium_memzero(p, total);
    free(p);
}

size_t secmem_wipe_size(const void *q)
{
    size_t len = 0;

    if (q != NULL)
        memcpy(&len, (const unsigned char *)q - WIPE_HEADER + sizeof(size_t), sizeof len);
    return len;
}
