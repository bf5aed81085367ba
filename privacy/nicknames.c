#include "privacy/nicknames.h"

#include <string.h>

#include <sodium.h>

#include "privacy/normalise.h"

/* build/gen/nicknames_data.c (scripts/embed.sh from data/nicknames). */
extern const unsigned char nicknames_en[], nicknames_ru[];

#define RELATION ",has_nickname,"
/* Bytes of a short form kept (the longest in the lists is far shorter). */
#define FORM_MAX 48

/* The lines of one list: "name,has_nickname,form", CR LF or LF. */
static int each_in(const unsigned char *list, const char *key, size_t keylen,
                   int (*fn)(void *ctx, const char *form, size_t formlen), void *ctx)
{
    const char *p = (const char *)list, *e, *f;
    size_t rl = strlen(RELATION);
    int rc;

    for (; *p != '\0'; p = *e == '\0' ? e : e + 1) {
        e = strchr(p, '\n');
        if (e == NULL)
            e = p + strlen(p);
        if ((size_t)(e - p) <= keylen + rl || memcmp(p, key, keylen) != 0 ||
            memcmp(p + keylen, RELATION, rl) != 0)
            continue;
        f = p + keylen + rl;
        size_t n = (size_t)(e - f);
        if (n > 0 && f[n - 1] == '\r')
            n--;
        if (n > 0 && (rc = fn(ctx, f, n)) != 0)
            return rc;
    }
    return 0;
}

int nicknames_each(const char *key, size_t keylen,
                   int (*fn)(void *ctx, const char *form, size_t formlen), void *ctx)
{
    int rc;

    if (keylen < 2 || memchr(key, ',', keylen) != NULL)
        return 0;
    if ((rc = each_in(nicknames_en, key, keylen, fn, ctx)) != 0)
        return rc;
    return each_in(nicknames_ru, key, keylen, fn, ctx);
}

static int add_form(void *ctx, const char *form, size_t len)
{
    struct variant_list *out = ctx;
    int cp;

    if (len < 2 || len > FORM_MAX || utf8_next(&cp, form, len) <= 0)
        return 0;
    return list_add(out, form, len, RULE_VARIANT,
                    is_cyrillic_cp(cp) ? SUFFIX_MN : SUFFIX_NONE) != 0 ? -1 : 0;
}

int variants_nicknames(struct variant_list *out)
{
    unsigned char flag = out->flag, capital = out->capital, nickname = out->nickname;
    size_t n = out->n, i;
    char key[FORM_MAX];
    int rc = 0;

    out->flag = 1, out->capital = 1, out->nickname = 1;
    for (i = 0; i < n && rc == 0; i++) {
        /* Copied: list_add may move the arena. */
        if (out->v[i].keylen >= sizeof key || out->v[i].flag || out->v[i].initials ||
            out->v[i].father)
            continue;
        memcpy(key, out->arena + out->v[i].off, out->v[i].keylen);
        rc = nicknames_each(key, out->v[i].keylen, add_form, out);
    }
    out->flag = flag, out->capital = capital, out->nickname = nickname;
    sodium_memzero(key, sizeof key);
    return rc;
}
