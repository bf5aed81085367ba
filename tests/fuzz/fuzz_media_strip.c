/* libFuzzer: any bytes as an attachment to strip (export/media.h). What
 * strips must not grow, must strip again to itself, and must leave nothing
 * media_find names. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "export/media.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char *b = malloc(size ? size : 1), *c;
    struct media_report r;
    struct err e;
    size_t n = size, m;

    if (b == NULL || sodium_init() < 0)
        abort();
    memcpy(b, data, size);
    if (media_strip(b, &n, NULL, &e) == 0) {
        if (n > size || media_find(&r, b, n, &e) != 0 || r.kinds != 0)
            abort();
        c = malloc(n ? n : 1);
        memcpy(c, b, n);
        m = n;
        if (media_strip(c, &m, NULL, &e) != 0 || m != n || memcmp(b, c, n) != 0)
            abort();
        free(c);
    }
    free(b);
    return 0;
}
