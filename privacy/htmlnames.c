/* The WHATWG named character references (htmlnames.h), binary-searched. */
#include "privacy/htmlnames.h"

#include <string.h>

struct htmlname {
    const char *name;
    unsigned cp0, cp1;
};

static const struct htmlname names[] = {
#include "privacy/html5_entities.inc"
};

static int cmp_name(const char *a, const char *b, size_t blen)
{
    int c = strncmp(a, b, blen);

    return c != 0 ? c : a[blen] != '\0';
}

int htmlname_lookup(unsigned cp[2], const char *name, size_t len)
{
    size_t lo = 0, hi = sizeof names / sizeof names[0];

    if (len == 0 || len > HTMLNAME_MAX_BYTES || memchr(name, '\0', len) != NULL)
        return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_name(names[mid].name, name, len);

        if (c == 0) {
            cp[0] = names[mid].cp0, cp[1] = names[mid].cp1;
            return cp[1] != 0 ? 2 : 1;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}
