/* A word list indexed by its words' first byte (privacy/first_index.h). */
#include "privacy/first_index.h"

#include <string.h>

static unsigned len_bit(size_t n)
{
    return 1u << (n < 31 ? n : 31);
}

static const char *word_of(const void *words, size_t k, size_t stride)
{
    return *(const char *const *)(const void *)((const char *)words + k * stride);
}

void first_index_build(struct first_index *ix, const void *words, size_t n, size_t stride)
{
    unsigned short count[256] = { 0 }, fill[256];

    if (n > FIRST_INDEX_MAX)
        n = FIRST_INDEX_MAX;
    for (size_t k = 0; k < n; k++)
        count[(unsigned char)word_of(words, k, stride)[0]]++;
    ix->at[0] = 0;
    for (int c = 0; c < 256; c++) {
        ix->at[c + 1] = (unsigned short)(ix->at[c] + count[c]);
        fill[c] = ix->at[c];
    }
    /* In list order, so each bucket keeps it: the first match is the
     * list's first. */
    for (size_t k = 0; k < n; k++) {
        const char *w = word_of(words, k, stride);
        unsigned char c = (unsigned char)w[0];
        ix->w[fill[c]] = w;
        ix->len[fill[c]] = strlen(w);
        ix->k[fill[c]] = (short)k;
        fill[c]++;
        ix->lens[c] |= len_bit(strlen(w));
    }
}

int first_index_find(const struct first_index *ix, const char *s, size_t a, size_t b)
{
    unsigned char c;

    if (b <= a)
        return -1;
    c = (unsigned char)s[a];
    if (!(ix->lens[c] & len_bit(b - a)))
        return -1;
    for (unsigned p = ix->at[c]; p < ix->at[c + 1]; p++)
        if (ix->len[p] == b - a && memcmp(ix->w[p], s + a, b - a) == 0)
            return ix->k[p];
    return -1;
}
