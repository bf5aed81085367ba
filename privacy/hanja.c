#include "privacy/hanja.h"

#include <stdint.h>
#include <stdlib.h>

/* build/gen/unihan_data.c (scripts/unihan.sh): sorted by the first column. */
extern const uint16_t unihan_first[][2], unihan_readers[][2];
extern const size_t unihan_first_count, unihan_readers_count;

/* The first row of tab[0..n) whose first column is at least cp. */
static size_t lower(const uint16_t (*tab)[2], size_t n, int cp)
{
    size_t lo = 0, hi = n, mid;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        if (tab[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int hanja_reading(int cp)
{
    size_t i;

    if (cp < 0x3400 || cp > 0xFFFF)
        return 0;
    i = lower(unihan_first, unihan_first_count, cp);
    return i < unihan_first_count && unihan_first[i][0] == cp ? unihan_first[i][1] : 0;
}

size_t hanja_readers(int *out, size_t max, int syl)
{
    size_t i, n = 0;

    if (syl < 0xAC00 || syl > 0xD7A3)
        return 0;
    for (i = lower(unihan_readers, unihan_readers_count, syl);
         i < unihan_readers_count && unihan_readers[i][0] == syl && n < max; i++)
        out[n++] = unihan_readers[i][1];
    return n;
}
