/* Shared by the bundle tests: keys, sealing to memory, opening from memory. */
#ifndef TEST_BUNDLE_HELPERS_H
#define TEST_BUNDLE_HELPERS_H

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <sodium.h>

#include "export/bundle.h"

struct party {
    unsigned char pk[crypto_box_PUBLICKEYBYTES];
    unsigned char sk[crypto_box_SECRETKEYBYTES];
};

struct collect {
    unsigned char *p;
    size_t len, cap;
};

__attribute__((unused)) static int collect_sink(void *ctx, const unsigned char *buf, size_t len,
                        struct err *e)
{
    struct collect *c = ctx;

    (void)e;
    if (c->len + len > c->cap) {
        c->cap = (c->len + len) * 2 + 16;
        c->p = realloc(c->p, c->cap);
        if (c->p == NULL)
            abort();
    }
    memcpy(c->p + c->len, buf, len);
    c->len += len;
    return 0;
}

/* A memfd holding len bytes, positioned at 0. */
__attribute__((unused)) static int mem_fd(const unsigned char *buf, size_t len)
{
    int fd = memfd_create("bundle", 0);

    if (fd < 0 || (len > 0 && write(fd, buf, len) != (ssize_t)len) ||
        lseek(fd, 0, SEEK_SET) != 0)
        abort();
    return fd;
}

/* All of fd's bytes in a malloc buffer. */
__attribute__((unused)) static unsigned char *fd_bytes(int fd, size_t *len)
{
    off_t end = lseek(fd, 0, SEEK_END);
    unsigned char *p = malloc((size_t)end + 1);

    if (end < 0 || p == NULL || lseek(fd, 0, SEEK_SET) != 0 ||
        read(fd, p, (size_t)end) != (ssize_t)end)
        abort();
    *len = (size_t)end;
    return p;
}

/* Seals content (written in pieces of piece bytes) to n recipients. */
__attribute__((unused)) static unsigned char *seal_mem(size_t *outlen, const unsigned char *content,
                               size_t len, size_t piece,
                               const unsigned char *sign_sk,
                               const struct party *to, size_t n, int armor,
                               unsigned char hash[BUNDLE_HASHBYTES])
{
    unsigned char pks[BUNDLE_MAX_RECIPIENTS][crypto_box_PUBLICKEYBYTES];
    struct bundle_writer *w;
    struct err e;
    size_t i;
    int fd = memfd_create("bundle", 0);
    unsigned char *out;

    for (i = 0; i < n; i++)
        memcpy(pks[i], to[i].pk, sizeof pks[i]);
    if (fd < 0 || bundle_writer_open(&w, fd, armor, sign_sk,
                                     (const unsigned char (*)[32])pks, n, &e) != 0)
        abort();
    for (i = 0; i < len; i += piece)
        if (bundle_writer_write(w, content + i, len - i < piece ? len - i : piece,
                                &e) != 0)
            abort();
    if (bundle_writer_close(w, hash, &e) != 0)
        abort();
    bundle_writer_free(w);
    out = fd_bytes(fd, outlen);
    close(fd);
    return out;
}

/* Opens a bundle held in memory; returns bundle_read's result. */
__attribute__((unused)) static int open_mem(const unsigned char *b, size_t len, const struct party *me,
                    struct collect *c, struct bundle_info *info, struct err *e)
{
    int fd = mem_fd(b, len);
    int rc = bundle_read(fd, me->pk, me->sk, c ? collect_sink : NULL, c, info, e);

    close(fd);
    return rc;
}

#endif
