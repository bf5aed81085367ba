/* The pseudonyms a record came with (issue 16, adv16 B-17): what its
 * sender's redactor wrote for names is known for that record, not a
 * possible real name to flag at the next hop (store/known.h). */
#include "store/known.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "store/db.h"

/* The known texts of one record, by their key (normalise.h). */
struct known {
    char **keys;
    size_t n;
};

static void known_free(struct known *k)
{
    for (size_t i = 0; i < k->n; i++)
        secmem_free(k->keys[i]);
    free(k->keys);
    memset(k, 0, sizeof *k);
}

/* Adds the key of text[0..len) to k; a text that has no key (a span cut
 * inside a character, say) is left out: it makes nothing known. */
static int known_add(struct known *k, const char *text, size_t len, struct err *e)
{
    char **v, *key;
    size_t keylen;

    if (len == 0 || normalise_key(&key, &keylen, text, len, NULL) != 0)
        return 0;
    if (keylen == 0 || (v = realloc(k->keys, (k->n + 1) * sizeof *v)) == NULL) {
        secmem_free(key);
        return keylen == 0 ? 0 : err_set(e, EXIT_INPUT, "out of memory");
    }
    k->keys = v;
    k->keys[k->n++] = key;
    return 0;
}

static int known_has(const struct known *k, const char *text, size_t len)
{
    char *key;
    size_t keylen;
    int found = 0;

    if (k->n == 0 || normalise_key(&key, &keylen, text, len, NULL) != 0)
        return 0;
    for (size_t i = 0; !found && i < k->n; i++)
        found = strlen(k->keys[i]) == keylen && memcmp(k->keys[i], key, keylen) == 0;
    secmem_free(key);
    return found;
}

/* The stored text of the manifest's field name ("title", "place", "body",
 * "tag:N") of row, or NULL. */
static const char *field_text(const struct record_row *row, const char *name)
{
    char *end;
    unsigned long n;

    if (strcmp(name, "title") == 0)
        return row->title;
    if (strcmp(name, "place") == 0)
        return row->place;
    if (strcmp(name, "body") == 0)
        return row->body;
    if (strncmp(name, "tag:", 4) != 0)
        return NULL;
    n = strtoul(name + 4, &end, 10);
    return *end == '\0' && end != name + 4 && n < row->ntags ? row->tags[n] : NULL;
}

/* Adds the text at each span of the array a whose key what has the value
 * want: the manifest's pseudonym redactions, and the flags a sender
 * already knew as a pseudonym (passed on). */
static int add_spans(struct known *k, const struct record_row *row, const json_t *a,
                     const char *what, const char *want, struct err *e)
{
    size_t i;
    json_t *o;

    json_array_foreach(a, i, o) {
        const char *name = json_string_value(json_object_get(o, "field"));
        const char *v = json_string_value(json_object_get(o, what));
        json_int_t start = json_integer_value(json_object_get(o, "start"));
        json_int_t len = json_integer_value(json_object_get(o, "length"));
        const char *text = name != NULL ? field_text(row, name) : NULL;

        if (text == NULL || v == NULL || strcmp(v, want) != 0 || start < 0 || len <= 0 ||
            (size_t)start > strlen(text) || (size_t)len > strlen(text) - (size_t)start)
            continue;
        if (known_add(k, text + start, (size_t)len, e) != 0)
            return -1;
    }
    return 0;
}

/* The length of the pseudonym its sender wrote, of p as stored here:
 * without the last "@KEY" this store added at import ("Nari" of
 * "Nari@0280005e", "Nari@0280005e" of "Nari@0280005e@5f5cb408" passed
 * on: the sender's own spelling, never a part it did not write; adv16b
 * C-9). */
size_t known_sender_spelling(const char *p)
{
    const char *at = strrchr(p, '@');

    return at != NULL ? (size_t)(at - p) : strlen(p);
}

/* The known texts of row, a record that came with a bundle (record_origin;
 * nothing for one written here, even under an imported subject: adv16b
 * C-2): its subject's pseudonym as the sender wrote it
 * (known_sender_spelling), when that record's sender is the subject's,
 * and the texts its bundle's manifest marks as pseudonyms. */
static int known_read(struct known *k, struct store *s, const struct record_row *row,
                      struct err *e)
{
    const struct db_val v[] = { DB_TEXT(row->id) };
    sqlite3_stmt *st;
    json_t *m = NULL;
    int rc;

    if (db_query(&st, s, "SELECT CASE WHEN i.sender_pk = so.sender_pk THEN s.pseudonym END,"
                 " o.manifest FROM record r JOIN subject s ON s.id = r.subject_id"
                 " JOIN subject_origin so ON so.subject_id = s.id"
                 " JOIN record_origin o ON o.record_id = r.id JOIN import i ON i.id = o.import_id"
                 " WHERE r.rid = ?1", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading the record's origin", e);
    if (rc > 0) {
        const char *p = (const char *)sqlite3_column_text(st, 0);

        if (p != NULL)
            rc = known_add(k, p, known_sender_spelling(p), e) == 0 ? 1 : -1;
        if (rc > 0 && sqlite3_column_text(st, 1) != NULL)
            m = json_loads((const char *)sqlite3_column_text(st, 1), 0, NULL);
    }
    sqlite3_finalize(st);
    if (rc > 0 && m != NULL &&
        (add_spans(k, row, json_object_get(m, "redactions"), "category", "pseudonym", e) != 0 ||
         add_spans(k, row, json_object_get(m, "review"), "known", "pseudonym", e) != 0))
        rc = -1;
    json_decref(m);
    return rc < 0 ? -1 : 0;
}

/* This store's own pseudonyms (its subjects that came with no bundle):
 * what its redactor writes for names, never a review flag here (adv16b
 * C-1). */
static int own_read(struct known *k, struct store *s, struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    if (db_prepare(&st, s, "SELECT pseudonym FROM subject WHERE id NOT IN"
                   " (SELECT subject_id FROM subject_origin)", e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the pseudonyms", e)) > 0) {
        const char *p = (const char *)sqlite3_column_text(st, 0);
        if (p != NULL && known_add(k, p, strlen(p), e) != 0) {
            rc = -1;
            break;
        }
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

/* Drops the flags of r on one of this store's own pseudonyms; returns
 * how many of them were unresolved. */
static size_t drop(struct redaction *r, const struct known *own)
{
    size_t n = 0, kept = 0;

    for (size_t i = 0; r != NULL && i < r->nflags; i++) {
        struct redaction_flag *f = &r->flags[i];
        if (known_has(own, r->text + f->start, f->len))
            n += f->allowed == 0;
        else
            r->flags[kept++] = *f;
    }
    if (r != NULL)
        r->nflags = kept;
    return n;
}

static size_t flags_of(const struct redacted_record *rr)
{
    const struct redaction *one[] = { rr->title, rr->place, rr->body };
    size_t n = 0;

    for (size_t i = 0; i < sizeof one / sizeof one[0]; i++)
        n += one[i] != NULL ? one[i]->nflags : 0;
    for (size_t i = 0; i < rr->ntags; i++)
        n += rr->tags[i].nflags;
    for (size_t i = 0; i < rr->ntexts; i++)
        n += rr->texts[i].red != NULL ? rr->texts[i].red->nflags : 0;
    return n;
}

/* Marks the flags of r on a known text; returns how many it marked. */
static size_t mark(struct redaction *r, const struct known *k)
{
    size_t n = 0;

    for (size_t i = 0; r != NULL && i < r->nflags; i++) {
        struct redaction_flag *f = &r->flags[i];
        if (f->allowed == 0 && known_has(k, r->text + f->start, f->len)) {
            f->allowed = KNOWN_PSEUDONYM;
            n++;
        }
    }
    return n;
}

int store_record_known(struct redacted_record *rr, struct store *s, const struct record_row *row,
                       struct err *e)
{
    struct known k = { NULL, 0 };
    size_t n = 0;

    if (flags_of(rr) == 0)
        return 0;
    if (own_read(&k, s, e) != 0) {
        known_free(&k);
        return -1;
    }
    n += drop(rr->title, &k) + drop(rr->place, &k) + drop(rr->body, &k);
    for (size_t i = 0; i < rr->ntags; i++)
        n += drop(&rr->tags[i], &k);
    for (size_t i = 0; i < rr->ntexts; i++)
        n += drop(rr->texts[i].red, &k);
    known_free(&k);
    if (known_read(&k, s, row, e) != 0) {
        known_free(&k);
        return -1;
    }
    n += mark(rr->title, &k) + mark(rr->place, &k) + mark(rr->body, &k);
    for (size_t i = 0; i < rr->ntags; i++)
        n += mark(&rr->tags[i], &k);
    for (size_t i = 0; i < rr->ntexts; i++)
        n += mark(rr->texts[i].red, &k);
    rr->unresolved -= n <= rr->unresolved ? n : rr->unresolved;
    known_free(&k);
    return 0;
}
