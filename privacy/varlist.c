#include "privacy/varlist.h"

#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"

/* ---- The list ---- */

/* FNV-1a over the key and its suffix class (list_add's index). */
static size_t key_hash(const char *key, size_t keylen, int suffix)
{
    uint64_t h = 14695981039346656037u;

    for (size_t i = 0; i < keylen; i++)
        h = (h ^ (unsigned char)key[i]) * 1099511628211u;
    h = (h ^ (unsigned)suffix) * 1099511628211u;
    return (size_t)(h ^ (h >> 29));
}

/* The slot of list_add's index that holds key with suffix, or the empty
 * slot where it would go. */
static size_t index_slot(const struct variant_list *l, const char *key, size_t keylen, int suffix)
{
    size_t mask = l->index_cap - 1, p = key_hash(key, keylen, suffix) & mask;

    for (;; p = (p + 1) & mask) {
        const struct variant *v;
        if (l->index[p] == 0)
            return p;
        v = &l->v[l->index[p] - 1];
        if (v->keylen == keylen && v->suffix == suffix &&
            memcmp(l->arena + v->off, key, keylen) == 0)
            return p;
    }
}

/* Makes list_add's index cover v[0..n) with room for one more: rebuilt
 * whole when the list was cut since (variants_latin.c keeps some of its
 * entries) or is half full.  The list holds no key twice (list_add), so
 * every key has one slot.  0, or -1 when out of memory. */
static int index_sync(struct variant_list *l)
{
    if (l->index == NULL || l->indexed > l->n || 2 * (l->n + 1) > l->index_cap) {
        size_t cap = 64;
        while (cap < 2 * (l->n + 1))
            cap *= 2;
        free(l->index);
        if ((l->index = calloc(cap, sizeof *l->index)) == NULL) {
            l->index_cap = l->indexed = 0;
            return -1;
        }
        l->index_cap = cap, l->indexed = 0;
    }
    for (; l->indexed < l->n; l->indexed++) {
        const struct variant *v = &l->v[l->indexed];
        l->index[index_slot(l, l->arena + v->off, v->keylen, v->suffix)] = l->indexed + 1;
    }
    return 0;
}

int list_add(struct variant_list *l, const char *key, size_t keylen, int rule, int suffix)
{
    size_t i, slot;
    struct variant *v;

    if (keylen == 0 || l->n + l->reserve >= VARIANTS_MAX + l->late)
        return 0;
    /* A spelling of one letter ("l" of Cyrillic ьл for "Il") matches
     * anything; a short form of three letters or fewer ("bu" of бүү, then
     * "But") would flag ordinary words.  Two Hangul syllables are a name's
     * length (진이 of 선우진, variants.c). */
    if ((rule != RULE_EXACT || l->flag) && !l->context) {
        size_t chars = 0;
        int cp;
        for (i = 0; i < keylen; i++)
            chars += ((unsigned char)key[i] & 0xC0) != 0x80;
        /* A listed short form of a given name (Bob, Jen, Ваня:
         * privacy/nicknames.c) is a name people are called by: three
         * letters, written with a capital. */
        if (chars < (l->flag && !l->initials &&
                     !(utf8_next(&cp, key, keylen) > 0 && is_hangul_cp(cp)) ? (l->nickname ? 3u : 4u)
                                                                              : 2u))
            return 0;
    }
    /* The same form twice: the laxer marks win (a replacement beats a
     * review flag, no capital beats a capital). */
    if (index_sync(l) != 0)
        return -1;
    slot = index_slot(l, key, keylen, suffix);
    if (l->index[slot] != 0) {
        i = l->index[slot] - 1;
        l->v[i].capital &= l->capital;
        l->v[i].flag &= l->flag;
        l->v[i].father &= l->father;
        l->v[i].initials &= l->initials;
        l->v[i].context &= l->context;
        l->v[i].nickname &= l->nickname;
        l->v[i].partial &= l->partial;
        l->v[i].spaced &= l->spaced;
        /* Initials only while every source of the key is initials: О.К.
         * of Оксана Карпова (ок) keeps the mark through its dotted and
         * bare forms, "ок" that is also a word of a name does not. */
        l->v[i].lettered &= l->lettered;
        l->v[i].possessive &= l->possessive;
        return 0;
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        v = realloc(l->v, cap * sizeof *v);
        if (v == NULL)
            return -1;
        l->v = v, l->cap = cap;
    }
    if (secbuf_append(&l->arena, &l->used, &l->size, key, keylen, &l->v[l->n].off) != 0)
        return -1;
    l->v[l->n].key = NULL;
    l->v[l->n].keylen = keylen;
    l->v[l->n].rule = (unsigned char)rule;
    l->v[l->n].suffix = (unsigned char)suffix;
    l->v[l->n].capital = l->capital;
    l->v[l->n].flag = l->flag;
    l->v[l->n].father = l->father;
    l->v[l->n].initials = l->initials;
    l->v[l->n].context = l->context;
    l->v[l->n].nickname = l->nickname;
    l->v[l->n].partial = l->partial;
    l->v[l->n].spaced = l->spaced;
    l->v[l->n].lettered = l->lettered;
    l->v[l->n].possessive = l->possessive;
    l->index[slot] = ++l->n;
    l->indexed = l->n;
    return 0;
}

void variant_list_free(struct variant_list *l)
{
    if (l == NULL)
        return;
    secmem_wipe_free(l->arena);
    free(l->v);
    free(l->index);
    memset(l, 0, sizeof *l);
}

void slot_add(struct slot *s, const char *a, const char *b, const char *c)
{
    size_t n = strlen(a) + strlen(b) + strlen(c);
    int i;

    if (s->n >= OPT_MAX || n >= OPT_LEN)
        return;
    memcpy(s->opt[s->n], a, strlen(a));
    memcpy(s->opt[s->n] + strlen(a), b, strlen(b));
    memcpy(s->opt[s->n] + strlen(a) + strlen(b), c, strlen(c) + 1);
    for (i = 0; i < s->n; i++)
        if (strcmp(s->opt[i], s->opt[s->n]) == 0)
            return;
    s->n++;
}

/* ---- Combinations, most likely (lowest rank sum) first ---- */

struct combo {
    const struct slot *slots;
    int nslots;
    char buf[SLOT_MAX * OPT_LEN];
    struct variant_list *out;
    int rule, suffix, failed;
    size_t cap;
};

static void combo_rec(struct combo *c, int i, size_t at, int left)
{
    int k;
    size_t n;

    if (c->failed || c->out->n >= c->cap)
        return;
    if (i == c->nslots) {
        if (left == 0 && list_add(c->out, c->buf, at, c->rule, c->suffix) != 0)
            c->failed = 1;
        return;
    }
    for (k = 0; k < c->slots[i].n && k <= left; k++) {
        n = strlen(c->slots[i].opt[k]);
        memcpy(c->buf + at, c->slots[i].opt[k], n);
        combo_rec(c, i + 1, at + n, left - k);
    }
}

int combine(struct variant_list *out, const struct slot *slots, int n, int rule, int suffix,
            size_t cap)
{
    struct combo c = { slots, n, {0}, out, rule, suffix, 0, cap };
    int sum, max = 0, i;

    for (i = 0; i < n; i++)
        max += slots[i].n - 1;
    for (sum = 0; sum <= max && !c.failed && out->n < cap; sum++)
        combo_rec(&c, 0, 0, sum);
    sodium_memzero(c.buf, sizeof c.buf);
    return c.failed ? -1 : 0;
}

