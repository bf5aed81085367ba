/* Bench driver: media_strip (export/media.h) on a file held in memory, as
 * export does it (plus the BLAKE2b of the result, which export also needs).
 *   strip_bench FILE RUNS
 * prints "MB SECONDS-PER-RUN" (the best of RUNS). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export/media.h"

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    unsigned char hash[32], *orig, *buf;
    double best = 1e9;
    size_t len;
    FILE *f;
    int runs;

    if (argc != 3 || sodium_init() < 0 || (f = fopen(argv[1], "rb")) == NULL)
        return 2;
    runs = atoi(argv[2]);
    orig = malloc(MEDIA_MAX_BYTES);
    buf = malloc(MEDIA_MAX_BYTES);
    len = fread(orig, 1, MEDIA_MAX_BYTES, f);
    fclose(f);
    for (int i = 0; i < runs; i++) {
        size_t n = len;
        struct err e;
        double t;

        memcpy(buf, orig, len);
        t = now();
        if (media_strip(buf, &n, NULL, &e) != 0) {
            fprintf(stderr, "%s\n", e.msg);
            return 1;
        }
        crypto_generichash(hash, sizeof hash, buf, n, NULL, 0);
        t = now() - t;
        if (t < best)
            best = t;
    }
    printf("%.2f %.6f\n", (double)len / 1e6, best);
    return 0;
}
