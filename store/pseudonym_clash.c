/* A real clash between a pseudonym and a new name or term (adv15 R-16,
 * adv16b C-10): some run of whole words of one is a spelling of some run
 * of whole words of the other (they share a spelling variant, privacy/
 * variants.h: "Chong-su" and "Jong-su", "Вера" and "Vera"), not a short
 * pseudonym found inside a longer name ("Nu" in "Nora", "Pi" in "Pete",
 * "Vera" and "Berg"). Short forms, initials and one syllable alone (a
 * review flag's variants, not a spelling) do not count. */
#include "store/privacy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/pseudonym_form.h"
#include "privacy/redact.h"
#include "privacy/variants.h"
#include "store/known.h"

#define RUN_WORDS 8             /* a text of more words is checked by its words' runs up to
                                 * this many */

/* One spelling of a run of a text's words: borrowed from its list. */
struct spelling {
    const char *key;
    size_t keylen;
    size_t text, start, len;    /* which text and the run's bytes in it */
};

struct spellings {
    struct variant_list *lists;
    size_t nlists;
    struct spelling *s;
    size_t n, cap;
};

static void spellings_free(struct spellings *sp)
{
    for (size_t i = 0; i < sp->nlists; i++)
        variant_list_free(&sp->lists[i]);
    free(sp->lists);
    free(sp->s);
    memset(sp, 0, sizeof *sp);
}

static int counts(const struct variant *v)
{
    return !v->flag && !v->initials && !v->context;
}

static int by_key(const void *a, const void *b)
{
    const struct spelling *x = a, *y = b;
    int c = memcmp(x->key, y->key, x->keylen < y->keylen ? x->keylen : y->keylen);

    return c != 0 ? c : (x->keylen > y->keylen) - (x->keylen < y->keylen);
}

/* The words of text: starts and ends (bytes), split at white space. */
static size_t words_of(size_t *start, size_t *end, size_t max, const char *text)
{
    size_t n = 0, i = 0, len = strlen(text);

    while (i < len && n < max) {
        while (i < len && strchr(" \t\n", text[i]) != NULL)
            i++;
        if (i == len)
            break;
        start[n] = i;
        while (i < len && strchr(" \t\n", text[i]) == NULL)
            i++;
        end[n++] = i;
    }
    return n;
}

/* Adds the spellings of every run of whole words of texts[t]. */
static int add_runs(struct spellings *sp, const char *const *texts, size_t t, struct err *e)
{
    size_t start[RUN_WORDS], end[RUN_WORDS];
    size_t nw = words_of(start, end, RUN_WORDS, texts[t]);

    for (size_t a = 0; a < nw; a++)
        for (size_t b = a; b < nw; b++) {
            struct variant_list *l, *grown;

            grown = realloc(sp->lists, (sp->nlists + 1) * sizeof *grown);
            if (grown == NULL)
                return err_set(e, EXIT_INPUT, "out of memory");
            sp->lists = grown;
            l = &sp->lists[sp->nlists];
            memset(l, 0, sizeof *l);
            if (variants_of(l, texts[t] + start[a], end[b] - start[a], e) != 0)
                return -1;
            sp->nlists++;
            for (size_t k = 0; k < l->n; k++) {
                if (!counts(&l->v[k]))
                    continue;
                if (sp->n == sp->cap) {
                    size_t cap = sp->cap ? 2 * sp->cap : 256;
                    struct spelling *s = realloc(sp->s, cap * sizeof *s);
                    if (s == NULL)
                        return err_set(e, EXIT_INPUT, "out of memory");
                    sp->s = s;
                    sp->cap = cap;
                }
                sp->s[sp->n++] = (struct spelling){ l->v[k].key, l->v[k].keylen, t, start[a],
                                                     end[b] - start[a] };
            }
        }
    return 0;
}

/* The spellings of every run of texts[0..n), sorted by key. */
static int spellings_of(struct spellings *sp, const char *const *texts, size_t n,
                        struct err *e)
{
    memset(sp, 0, sizeof *sp);
    for (size_t t = 0; t < n; t++)
        if (add_runs(sp, texts, t, e) != 0)
            return -1;
    if (sp->n > 0)
        qsort(sp->s, sp->n, sizeof *sp->s, by_key);
    return 0;
}

/* The spelling of sp that one of p's shares, the shortest run of words
 * if several do ("Вера" of "Вера Петрова"), or NULL. */
static const struct spelling *shared(const struct spellings *sp, const struct spellings *p)
{
    const struct spelling *best = NULL;

    for (size_t i = 0; i < p->n; i++) {
        const struct spelling *hit = bsearch(&p->s[i], sp->s, sp->n, sizeof *sp->s, by_key);
        const struct spelling *a = hit, *b = hit;

        if (hit == NULL)
            continue;
        while (a > sp->s && by_key(a - 1, hit) == 0)
            a--;
        while (b + 1 < sp->s + sp->n && by_key(b + 1, hit) == 0)
            b++;
        for (; a <= b; a++)
            if (best == NULL || a->len < best->len)
                best = a;
    }
    return best;
}

int privacy_real_clash(size_t *which, char *spelling, size_t spellinglen,
                       const char *const *pseudonyms, size_t np, const char *const *texts,
                       size_t n, struct err *e)
{
    struct spellings t;
    int rc = 0;

    *which = np;
    spelling[0] = '\0';
    if (spellings_of(&t, texts, n, e) != 0) {
        spellings_free(&t);
        return -1;
    }
    for (size_t i = 0; rc == 0 && *which == np && i < np; i++) {
        struct spellings p;
        const struct spelling *hit;

        /* an imported one as its sender wrote it ("Gideon" of "Gideon@c1710983") */
        char *one = strndup(pseudonyms[i], known_sender_spelling(pseudonyms[i]));
        const char *const ones[] = { one };

        if (one == NULL) {
            rc = err_set(e, EXIT_INPUT, "out of memory");
            break;
        }
        rc = spellings_of(&p, ones, 1, e);
        if (rc == 0 && (hit = shared(&t, &p)) != NULL) {
            *which = i;
            snprintf(spelling, spellinglen, "%.*s", (int)hit->len, texts[hit->text] + hit->start);
        }
        spellings_free(&p);
        free(one);
    }
    spellings_free(&t);
    return rc;
}

int privacy_form_clash(size_t *which, const char *const *pseudonyms, size_t np, int cat,
                       const char *const *texts, size_t n, struct err *e)
{
    struct redactor *r;
    int rc = 0, hit = 0;

    *which = np;
    if (np == 0 || n == 0)
        return 0;
    if (redactor_new(&r, e) != 0)
        return -1;
    /* the names of a subject whose pseudonym is no word (only the forms
     * of texts are looked for) */
    if (cat < 0)
        rc = redactor_add_subject(r, 1, "[subject]", e);
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = cat < 0 ? redactor_add_name(r, 1, texts[i], strlen(texts[i]), e)
                     : redactor_add_term(r, (enum term_category)cat, 0, texts[i], strlen(texts[i]), e);
    if (rc == 0)
        rc = redactor_compile_plain(r, e);     /* a few pseudonyms to read */
    for (size_t i = 0; rc == 0 && i < np; i++) {
        char *one = strndup(pseudonyms[i], known_sender_spelling(pseudonyms[i]));
        if (one == NULL) {
            rc = err_set(e, EXIT_INPUT, "out of memory");
            break;
        }
        /* where the pseudonym stands: "bold" of a new Болд in Tuya-bold
         * is a word alone and a name there (report-adv28a P-3) */
        hit = pseudonym_read_as_name(r, one, strlen(one), e);
        free(one);
        if (hit < 0)
            rc = -1;
        else if (hit > 0)
            *which = i;
        if (hit > 0)
            break;
    }
    redactor_free(r);
    return rc;
}
