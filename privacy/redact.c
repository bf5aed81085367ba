/* The redactor's protected set: subjects and their pseudonyms, names and
 * terms expanded into the literals the matcher looks for, allowed texts. */
#include "privacy/redact.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"

int redactor_new(struct redactor **out, struct err *e)
{
    if (redact_matcher_init(e) != 0)
        return -1;
    *out = calloc(1, sizeof **out);
    if (*out == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    return 0;
}

void redactor_free(struct redactor *r)
{
    size_t i;

    if (r == NULL)
        return;
    secmem_wipe_free(r->arena);
    for (i = 0; i < r->nsubjects; i++)
        free(r->subjects[i].pseudonym);
    for (i = 0; i < r->nallowed; i++)
        secmem_free(r->allowed[i]);
    redact_matcher_free(r->db, r->scratch);
    free(r->keyoff), free(r->lits), free(r->terms), free(r->subjects), free(r->allowed);
    free(r);
}

size_t redactor_literals(const struct redactor *r)
{
    return r->nlits;
}

int redactor_add_subject(struct redactor *r, long subject_id, const char *pseudonym,
                         struct err *e)
{
    struct subject *s;

    if (redact_find_subject(r, subject_id) != NULL)
        return err_set(e, EXIT_INPUT, "subject %ld was added twice to the redactor", subject_id);
    if (pseudonym == NULL || pseudonym[0] == '\0')
        return err_set(e, EXIT_INPUT, "subject %ld has no pseudonym; give it one", subject_id);
    s = realloc(r->subjects, (r->nsubjects + 1) * sizeof *s);
    if (s == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    r->subjects = s;
    s[r->nsubjects].id = subject_id;
    if ((s[r->nsubjects].pseudonym = strdup(pseudonym)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    r->nsubjects++;
    return 0;
}

static int grow_lits(struct redactor *r, size_t more)
{
    size_t cap = r->litcap ? r->litcap : 64;
    struct lit *l;
    size_t *k;

    while (cap < r->nlits + more)
        cap *= 2;
    if (cap == r->litcap)
        return 0;
    if ((l = realloc(r->lits, cap * sizeof *l)) == NULL)
        return -1;
    r->lits = l;
    if ((k = realloc(r->keyoff, cap * sizeof *k)) == NULL)
        return -1;
    r->keyoff = k, r->litcap = cap;
    return 0;
}

/* Each part of a Latin name of several words ("Krajcik" of "Ferne
 * Krajcik"), of three letters or more, when it is written with a capital:
 * "Krajcik's brother" names the person; "mark" is no "Mark Hill". */
static int add_name_parts(struct redactor *r, const char *text, size_t len, struct err *e)
{
    char *norm, *p, *q;
    size_t n, k, i;
    int rc = 0;

    if (normalise_norm(&norm, &n, text, len, e) != 0)
        return -1;
    if (strchr(norm, ' ') == NULL) {
        secmem_free(norm);
        return 0;
    }
    for (p = norm; rc == 0 && *p != '\0'; p = *q ? q + 1 : q) {
        char key[REDACT_TERM_MAX + 1];
        int ok = 1;
        q = strchr(p, ' ');
        if (q == NULL)
            q = p + strlen(p);
        for (i = 0, k = 0; p + i < q && k < sizeof key - 1; i++) {
            if (p[i] == '-' || p[i] == '\'')
                continue;
            ok &= p[i] >= 'a' && p[i] <= 'z';
            key[k++] = p[i];
        }
        /* A frequent Korean surname alone ("Kim") names no one. */
        if (ok && variants_is_surname(key, k))
            ok = 0;
        if (!ok || k < 3) {
            sodium_memzero(key, sizeof key);
            continue;
        }
        if (grow_lits(r, 1) != 0 ||
            secbuf_append(&r->arena, &r->used, &r->size, key, k, &r->keyoff[r->nlits]) != 0) {
            rc = err_set(e, EXIT_INPUT, "out of memory while adding a term");
            sodium_memzero(key, sizeof key);
            continue;
        }
        r->lits[r->nlits].term = r->nterms, r->lits[r->nlits].keylen = k;
        r->lits[r->nlits].rule = RULE_VARIANT, r->lits[r->nlits].suffix = SUFFIX_NONE;
        r->lits[r->nlits].capital = 1;
        r->nlits++;
        sodium_memzero(key, sizeof key);
    }
    secmem_free(norm);
    return rc;
}

static int add_protected(struct redactor *r, int cat, long subject, const char *text,
                         size_t len, struct err *e)
{
    struct variant_list vl;
    struct term *t;
    size_t i;

    if (r->compiled)
        return err_set(e, EXIT_INPUT, "the redactor is already compiled; add terms before compiling");
    if (variants_of_kind(&vl, text, len, cat == NAME_CAT || cat == TERM_PERSON, e) != 0)
        return -1;
    if (vl.v[0].keylen > REDACT_TERM_MAX) {
        variant_list_free(&vl);
        return err_set(e, EXIT_INPUT, "a name or term is longer than %d bytes; protect its identifying parts separately", REDACT_TERM_MAX);
    }
    /* Doubling: one realloc per term copied the whole array each time
     * (quadratic with 100,000 terms where realloc cannot grow in place). */
    if (r->nterms == r->termcap) {
        size_t cap = r->termcap ? 2 * r->termcap : 64;
        if ((t = realloc(r->terms, cap * sizeof *t)) == NULL) {
            variant_list_free(&vl);
            return err_set(e, EXIT_INPUT, "out of memory while adding a term");
        }
        r->terms = t, r->termcap = cap;
    }
    t = r->terms;
    if (grow_lits(r, vl.n) != 0) {
        variant_list_free(&vl);
        return err_set(e, EXIT_INPUT, "out of memory while adding a term");
    }
    t[r->nterms].cat = cat, t[r->nterms].subject = subject;
    for (i = 0; i < vl.n; i++) {
        struct lit *l = &r->lits[r->nlits];
        if (secbuf_append(&r->arena, &r->used, &r->size, vl.v[i].key, vl.v[i].keylen,
                          &r->keyoff[r->nlits]) != 0) {
            variant_list_free(&vl);
            return err_set(e, EXIT_INPUT, "out of memory while adding a term");
        }
        l->term = r->nterms, l->keylen = vl.v[i].keylen;
        l->rule = vl.v[i].rule, l->suffix = vl.v[i].suffix, l->capital = 0;
        r->nlits++;
    }
    variant_list_free(&vl);
    if ((cat == NAME_CAT || cat == TERM_PERSON) && add_name_parts(r, text, len, e) != 0)
        return -1;
    r->nterms++;
    return 0;
}

int redactor_add_name(struct redactor *r, long subject_id, const char *name, size_t len,
                      struct err *e)
{
    if (redact_find_subject(r, subject_id) == NULL)
        return err_set(e, EXIT_INPUT, "subject %ld has no pseudonym in the redactor; add the subject first", subject_id);
    return add_protected(r, NAME_CAT, subject_id, name, len, e);
}

int redactor_add_term(struct redactor *r, enum term_category cat, long subject_id,
                      const char *text, size_t len, struct err *e)
{
    if ((int)cat < TERM_PERSON || cat > TERM_OTHER)
        return err_set(e, EXIT_INPUT, "unknown term category %d", (int)cat);
    return add_protected(r, (int)cat, subject_id, text, len, e);
}

int redactor_allow(struct redactor *r, const char *text, size_t len, struct err *e)
{
    char **a, *key;
    size_t keylen;

    if (normalise_key(&key, &keylen, text, len, e) != 0)
        return -1;
    a = realloc(r->allowed, (r->nallowed + 1) * sizeof *a);
    if (a == NULL) {
        secmem_free(key);
        return err_set(e, EXIT_INPUT, "out of memory");
    }
    r->allowed = a;
    a[r->nallowed++] = key;
    return 0;
}

int redactor_each_form(const struct redactor *r, redactor_form_fn fn, void *ctx)
{
    int rc = 0;

    for (size_t i = 0; rc == 0 && i < r->nlits; i++)
        rc = fn(ctx, r->arena + r->keyoff[i], r->lits[i].keylen, r->lits[i].suffix);
    return rc;
}
