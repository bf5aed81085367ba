/* Times sealing and opening a bundle, for bench/export.sh.
 *   bundle_bench seal IN OUT    seal IN to a fixed test recipient
 *   bundle_bench open IN        open IN (content discarded)
 * Prints "<seconds> <MB/s of content> <peak RSS KiB>". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>

#include "export/bundle.h"
#include "util/fileio.h"

static unsigned char box_pk[32], box_sk[32], sign_pk[32], sign_sk[64];
static unsigned long long bytes;

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int discard(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    (void)ctx; (void)buf; (void)e;
    bytes += len;
    return 0;
}

static int seal(const char *in, const char *out, struct err *e)
{
    static unsigned char buf[1 << 16];
    struct bundle_writer *w;
    int ifd = open(in, O_RDONLY), ofd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ssize_t n;

    if (ifd < 0 || ofd < 0)
        return err_set(e, EXIT_INPUT, "cannot open %s or %s", in, out);
    if (bundle_writer_open(&w, ofd, 0, sign_sk,
                           (const unsigned char (*)[32])box_pk, 1, e) != 0)
        return -1;
    while ((n = fd_read_full(ifd, buf, sizeof buf)) > 0) {
        bytes += (unsigned long long)n;
        if (bundle_writer_write(w, buf, (size_t)n, e) != 0)
            return -1;
    }
    if (n < 0 || bundle_writer_close(w, NULL, e) != 0)
        return -1;
    bundle_writer_free(w);
    close(ifd);
    return close(ofd);
}

int main(int argc, char **argv)
{
    unsigned char seed[32];
    struct rusage ru;
    struct err e;
    double t0;
    int rc, fd;

    if (sodium_init() < 0 || argc < 3)
        return 2;
    memset(seed, 1, sizeof seed);
    crypto_box_seed_keypair(box_pk, box_sk, seed);
    crypto_sign_seed_keypair(sign_pk, sign_sk, seed);
    t0 = now();
    if (strcmp(argv[1], "seal") == 0 && argc == 4) {
        rc = seal(argv[2], argv[3], &e);
    } else {
        fd = open(argv[2], O_RDONLY);
        rc = fd < 0 ? -1 : bundle_read(fd, box_pk, box_sk, discard, NULL, NULL, &e);
    }
    if (rc != 0) {
        fprintf(stderr, "bundle_bench: %s\n", e.msg);
        return 1;
    }
    t0 = now() - t0;
    getrusage(RUSAGE_SELF, &ru);
    printf("%.3f %.1f %ld\n", t0, (double)bytes / t0 / 1e6, ru.ru_maxrss);
    return 0;
}
