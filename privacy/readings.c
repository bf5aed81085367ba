/* Other readings of a text (brief i12-names, report-adv12g ):
 * what a reader may see in it besides the bytes in their order.  `intake
 * allow` refuses a text that holds a protected form in any of them, and
 * the audit's residual-terms check reads the visual order too. */
#include "privacy/readings.h"

#include <stdlib.h>
#include <string.h>

#include "privacy/normalise.h"
#include "crypto/secmem.h"

#define RLO 0x202E
#define RLI 0x2067
#define PDF 0x202C
#define PDI 0x2069

/* Marks the joined reading leaves out: quotes and brackets of any script,
 * emphasis marks, full stops (redact_split.c reads them so between the
 * words of a name). */
static int joined_out(int cp)
{
    switch (cp) {
    case '"': case '(': case ')': case '*': case '_': case '.': case 0xAB: case 0xBB:
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2039: case 0x203A: case 0x3008: case 0x3009: case 0x300A: case 0x300B:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F: case 0x301D: case 0x301E:
    case 0x301F: case 0xFF02: case 0xFF08: case 0xFF09:
        return 1;
    default:
        return normalise_is_space(cp);
    }
}

int reading_joined(char **out, const char *text, size_t len)
{
    char *d = secmem_alloc(len + 1);
    size_t i = 0, n = 0;
    int cp, k;

    *out = NULL;
    if (d == NULL)
        return -1;
    while (i < len) {
        if ((k = utf8_next(&cp, text + i, len - i)) <= 0)
            k = 1, cp = -1;
        if (cp < 0 || !joined_out(cp))
            memcpy(d + n, text + i, (size_t)k), n += (size_t)k;
        i += (size_t)k;
    }
    d[n] = '\0';
    *out = d;
    return 0;
}

/* Appends text[a..b) reversed, code point by code point, to d at *n;
 * map (if not NULL) gets each byte's offset in text, with bit 63 set
 * (VISUAL_REVERSED) on bytes of a reversed run. */
static void put_reversed(char *d, size_t *n, size_t *map, const char *text, size_t a, size_t b)
{
    size_t e = b;

    while (e > a) {
        size_t s = e - 1;
        while (s > a && ((unsigned char)text[s] & 0xC0) == 0x80)
            s--;
        memcpy(d + *n, text + s, e - s);
        for (size_t k = 0; map != NULL && k < e - s; k++)
            map[*n + k] = (s + k) | VISUAL_REVERSED;
        *n += e - s;
        e = s;
    }
}

int reading_reversed(char **out, const char *text, size_t len)
{
    char *d = secmem_alloc(len + 1);
    size_t n = 0;

    *out = NULL;
    if (d == NULL)
        return -1;
    put_reversed(d, &n, NULL, text, 0, len);
    d[n] = '\0';
    *out = d;
    return 0;
}

int reading_visual(char **out, size_t *outlen, size_t **map, const char *text, size_t len)
{
    char *d;
    size_t i = 0, n = 0, a;
    int cp, k, any = 0;

    *out = NULL, *outlen = 0, *map = NULL;
    for (i = 0; i < len && !any; i += (size_t)(k > 0 ? k : 1))
        any = (k = utf8_next(&cp, text + i, len - i)) > 0 && (cp == RLO || cp == RLI);
    if (!any)
        return 0;
    if ((d = secmem_alloc(len + 1)) == NULL || (*map = malloc((len + 1) * sizeof **map)) == NULL) {
        secmem_free(d);
        return -1;
    }
    for (i = 0; i < len;) {
        if ((k = utf8_next(&cp, text + i, len - i)) <= 0)
            k = 1, cp = -1;
        if (cp != RLO && cp != RLI) {
            for (int c = 0; c < k; c++)
                (*map)[n] = i, d[n++] = text[i++];
            continue;
        }
        /* The run to its pop, a line break or the end, shown reversed. */
        for (a = i += (size_t)k; i < len; i += (size_t)k) {
            if ((k = utf8_next(&cp, text + i, len - i)) <= 0)
                k = 1, cp = -1;
            if (cp == PDF || cp == PDI || cp == '\n')
                break;
        }
        put_reversed(d, &n, *map, text, a, i);
        if (i < len && cp != '\n')
            i += (size_t)k;
    }
    d[n] = '\0';
    *out = d, *outlen = n;
    return 0;
}
