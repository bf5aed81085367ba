/* libFuzzer: the pattern detectors over arbitrary text (detect_text:
 * the walk and the table columns).  Input that does
 * not normalise is refused before them; on the rest they must never crash
 * and every detection must be a non-empty span of whole characters inside
 * the text, of a known kind, in order of start. */
#include <stdint.h>
#include <stdlib.h>

#include "privacy/detect.h"
#include "privacy/normalise.h"

static int boundary(const char *s, size_t len, size_t at)
{
    return at == len || ((unsigned char)s[at] & 0xC0) != 0x80;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct normtext t;
    struct detection *d;
    size_t n, i;
    struct err e;

    if (normalise(&t, (const char *)data, size, &e) != 0)
        return 0;
    if (detect_text(&d, &n, &t, &e) != 0)
        abort();                        /* only out of memory may fail */
    for (i = 0; i < n; i++)
        if (d[i].start >= d[i].end || d[i].end > t.normlen || d[i].kind < 0 ||
            d[i].kind >= DETECT_NKINDS || (i > 0 && d[i].start < d[i - 1].start) ||
            !boundary(t.norm, t.normlen, d[i].start) || !boundary(t.norm, t.normlen, d[i].end))
            abort();
    free(d);
    normtext_free(&t);
    return 0;
}
