/* A place's other names written in Ukrainian, as the gazetteer writes
 * them (gazetteer.h gazetteer_place_ukrainian; brief s30 slav30,
 * report-adv29c K-3, K-4).  The key view folds і into one letter with
 * others, so the keys gazetteer_place_names gives cannot be declined
 * (Київ's key reads "киив": no Києві); this reads the names as written. */
#include "privacy/gazetteer.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"

extern const unsigned char gazetteer_place_groups[], gazetteer_place_extra[];

/* The lines of place_groups.txt and place_extra.txt holding a letter only
 * Ukrainian writes (і ї є ґ): about 1,600 of 8,700. */
struct uk_line {
    const char *text;           /* the line in the compiled data (public) */
    size_t len;
    char *key;                  /* its names' keys, separated by '&' */
    size_t keylen;
};

static struct {
    struct uk_line *line;
    size_t n;
    int failed;
} uk;
static pthread_once_t uk_once = PTHREAD_ONCE_INIT;

/* 1 if s[0..n) (UTF-8) holds і ї є ґ (either case). */
static int ukrainian(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned char a = (unsigned char)s[i], b = (unsigned char)s[i + 1];
        if ((a == 0xD1 && (b == 0x94 || b == 0x96 || b == 0x97)) ||
            (a == 0xD0 && (b == 0x84 || b == 0x86 || b == 0x87)) || (a == 0xD2 && (b == 0x90 || b == 0x91)))
            return 1;
    }
    return 0;
}

/* The length of line's names (up to its '@' source field). */
static size_t names_len(const char *line, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (line[i] == '\t' && line[i + 1] == '@')
            return i;
    return n;
}

/* Adds the Ukrainian lines of the data text. */
static int load_text(const char *text)
{
    for (const char *p = text; *p != '\0';) {
        const char *nl = strchr(p, '\n');
        size_t n = names_len(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
        if (ukrainian(p, n)) {
            struct uk_line *l = realloc(uk.line, (uk.n + 1) * sizeof *l);
            char *joined = malloc(3 * n + 1);
            size_t at = 0;
            if (l == NULL || joined == NULL) {
                free(joined);
                uk.line = l != NULL ? l : uk.line;
                return -1;
            }
            uk.line = l;
            for (size_t i = 0; i < n; i++)
                if (p[i] == '\t')
                    memcpy(joined + at, " & ", 3), at += 3;
                else
                    joined[at++] = p[i];
            l = &uk.line[uk.n];
            l->text = p, l->len = n;
            if (normalise_key(&l->key, &l->keylen, joined, at, NULL) != 0) {
                free(joined);
                return -1;
            }
            free(joined);
            uk.n++;
        }
        if (nl == NULL)
            break;
        p = nl + 1;
    }
    return 0;
}

static void uk_load(void)
{
    uk.failed = load_text((const char *)gazetteer_place_groups) != 0 ||
                load_text((const char *)gazetteer_place_extra) != 0;
}

/* 1 if one of the '&'-separated keys of list[0..n) is key[0..keylen). */
static int holds_key(const char *list, size_t n, const char *key, size_t keylen)
{
    for (size_t a = 0, c; a < n; a = c + 1) {
        for (c = a; c < n && list[c] != '&'; c++)
            ;
        if (c - a == keylen && memcmp(list + a, key, keylen) == 0)
            return 1;
    }
    return 0;
}

int gazetteer_place_ukrainian(const char *key, size_t keylen, gazetteer_name_fn fn, void *ctx,
                              struct err *e)
{
    int rc = 0;

    (void)pthread_once(&uk_once, uk_load);
    if (uk.failed)
        return err_set(e, EXIT_INPUT, "out of memory loading the place names");
    for (size_t i = 0; rc == 0 && i < uk.n; i++) {
        const struct uk_line *l = &uk.line[i];
        if (keylen == 0 || !holds_key(l->key, l->keylen, key, keylen))
            continue;
        for (size_t a = 0, c; rc == 0 && a < l->len; a = c + 1) {
            for (c = a; c < l->len && l->text[c] != '\t'; c++)
                ;
            /* Its Cyrillic names (Донецьк has no letter of its own). */
            if (c - a >= 2 && ((unsigned char)l->text[a] == 0xD0 || (unsigned char)l->text[a] == 0xD1))
                rc = fn(ctx, l->text + a, c - a);
        }
    }
    return rc;
}
