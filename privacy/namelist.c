#include "privacy/namelist.h"

#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b)
{
    const struct namelist_line *x = a, *y = b;
    size_t n = x->namelen < y->namelen ? x->namelen : y->namelen;
    int c = memcmp(x->name, y->name, n);

    if (c != 0)
        return c;
    if (x->namelen != y->namelen)
        return x->namelen < y->namelen ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Counts (v NULL) or fills v[n..) with the lines of list; returns the new n. */
static size_t add_lines(struct namelist_line *v, size_t n, const unsigned char *list,
                        const char *const *rels, size_t nrels)
{
    const char *p = (const char *)list, *e, *r = NULL;
    size_t k;

    for (; *p != '\0'; p = *e == '\0' ? e : e + 1) {
        e = strchr(p, '\n');
        if (e == NULL)
            e = p + strlen(p);
        for (k = 0; k < nrels; k++)
            if ((r = memmem(p, (size_t)(e - p), rels[k], strlen(rels[k]))) != NULL)
                break;
        if (k == nrels || r == p)
            continue;
        if (v != NULL) {
            struct namelist_line *l = &v[n];
            l->rel = (int)k;
            l->name = p, l->namelen = (size_t)(r - p);
            l->form = r + strlen(rels[k]), l->formlen = (size_t)(e - l->form);
            if (l->formlen > 0 && l->form[l->formlen - 1] == '\r')
                l->formlen--;
            l->seq = n;
        }
        n++;
    }
    return n;
}

int namelist_build(struct namelist *l, const unsigned char *const *lists, size_t nlists,
                   const char *const *rels, size_t nrels)
{
    size_t i, n = 0;

    for (i = 0; i < nlists; i++)
        n = add_lines(NULL, n, lists[i], rels, nrels);
    if ((l->v = calloc(n ? n : 1, sizeof *l->v)) == NULL)
        return -1;
    for (n = 0, i = 0; i < nlists; i++)
        n = add_lines(l->v, n, lists[i], rels, nrels);
    l->n = n;
    qsort(l->v, l->n, sizeof *l->v, by_name);
    return 0;
}

void namelist_find(const struct namelist *l, const char *key, size_t len, size_t *first,
                   size_t *n)
{
    /* seq 0 sorts before any line of the name: the search finds its first. */
    struct namelist_line want = { key, NULL, len, 0, 0, 0 };
    size_t lo = 0, hi = l->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (by_name(&l->v[mid], &want) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *first = lo;
    for (*n = 0; lo + *n < l->n && l->v[lo + *n].namelen == len &&
                 memcmp(l->v[lo + *n].name, key, len) == 0;)
        ++*n;
}
