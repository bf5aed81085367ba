/* What an export owes a contact's key again (issue 16, B-6 and B-1):
 * a record is at a key as it last went there; it is owed again when what
 * would leave now differs (a protected term added, a pseudonym renamed,
 * an attachment added or removed), not only when its version rose. */
#include "store/export_int.h"

#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "store/db.h"
#include "store/export.h"

#define OUTPUT_DOMAIN "intake export output v1"

/* The digest of a record's text as it leaves in doc: what a recipient
 * compares to tell a correction from a copy (title, date, place,
 * language, tags, body; store/exchange.c db_record_same), BLAKE2b over
 * their JSON with sorted keys. Only the digest is kept, never the text. */
int export_sent_digest(unsigned char out[EXPORT_DIGESTBYTES], const json_t *doc, struct err *e)
{
    static const char *const fields[] = { "title", "date", "place", "language", "tags", "body" };
    json_t *o = json_object();
    char *text;

    for (size_t i = 0; o != NULL && i < sizeof fields / sizeof fields[0]; i++)
        if (json_object_set(o, fields[i], json_object_get(doc, fields[i]) != NULL
                            ? json_object_get(doc, fields[i]) : json_null()) != 0) {
            json_decref(o);
            o = NULL;
        }
    text = o != NULL ? json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(o);
    if (text == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    crypto_generichash(out, EXPORT_DIGESTBYTES, (const unsigned char *)text, strlen(text), NULL, 0);
    secmem_wipe_free(text);
    return 0;
}

static int hash_attachment(void *ctx, const struct attachment_row *a, struct err *e)
{
    (void)e;
    crypto_generichash_update(ctx, a->hash, ATTACHMENT_HASHBYTES);
    return 0;
}

int export_output_digest(unsigned char out[EXPORT_DIGESTBYTES], struct pipeline *p,
                         const struct record_row *row, const json_t *doc,
                         const struct redacted_record *rr, int attachments, struct err *e)
{
    unsigned char text[EXPORT_DIGESTBYTES];
    crypto_generichash_state st;
    const char *pseudonym = json_string_value(json_object_get(doc, "pseudonym"));

    if (export_sent_digest(text, doc, e) != 0)
        return -1;
    crypto_generichash_init(&st, NULL, 0, EXPORT_DIGESTBYTES);
    crypto_generichash_update(&st, (const unsigned char *)OUTPUT_DOMAIN, sizeof OUTPUT_DOMAIN);
    crypto_generichash_update(&st, text, sizeof text);
    if (pseudonym != NULL)
        crypto_generichash_update(&st, (const unsigned char *)pseudonym, strlen(pseudonym) + 1);
    if (attachments) {
        /* Each attachment as stored (what is added or removed), and a
         * text attachment as redacted (a protected term added since). */
        if (store_attachment_each(p->s, row->id, hash_attachment, &st, e) != 0)
            return -1;
        for (size_t i = 0; i < rr->ntexts; i++)
            if (rr->texts[i].kind == TEXT_REDACTED && rr->texts[i].red != NULL) {
                crypto_generichash_update(&st, (const unsigned char *)rr->texts[i].name,
                                          strlen(rr->texts[i].name) + 1);
                crypto_generichash_update(&st, (const unsigned char *)rr->texts[i].red->text,
                                          rr->texts[i].red->len);
            }
    }
    crypto_generichash_final(&st, out, EXPORT_DIGESTBYTES);
    sodium_memzero(&st, sizeof st);
    return 0;
}

int export_at_key(struct export_held *h, struct pipeline *p, const struct record_row *row,
                  struct err *e)
{
    const struct db_val v[] = { DB_TEXT(row->id), DB_TEXT(p->req->not_sent_to) };
    sqlite3_stmt *st;
    int rc;

    memset(h, 0, sizeof *h);
    /* The last export that carried it to the contact's present key (an
     * export logged before keys were kept: to that name). */
    if (db_query(&st, p->s, "SELECT x.version, x.digest, x.output FROM export_record x"
                 " JOIN export_recipient r ON r.export_id = x.export_id WHERE x.rid = ?1"
                 " AND (r.sign_pk = (SELECT sign_pk FROM contact WHERE name = ?2)"
                 " OR (r.sign_pk IS NULL AND r.name = ?2)) ORDER BY x.export_id DESC LIMIT 1",
                 v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, p->s, "reading the exports", e);
    h->sent = rc > 0;
    if (rc > 0 && sqlite3_column_int64(st, 0) >= row->version) {
        h->held = 1;
        if (sqlite3_column_bytes(st, 1) == EXPORT_DIGESTBYTES) {
            h->has_digest = 1;
            memcpy(h->digest, sqlite3_column_blob(st, 1), EXPORT_DIGESTBYTES);
        }
        if (sqlite3_column_bytes(st, 2) == EXPORT_DIGESTBYTES) {
            h->has_output = 1;
            memcpy(h->output, sqlite3_column_blob(st, 2), EXPORT_DIGESTBYTES);
        }
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

int export_changed(int *changed, const struct export_held *h, struct pipeline *p,
                   const struct record_row *row, const json_t *doc,
                   const struct redacted_record *rr, int attachments, struct err *e)
{
    unsigned char now[EXPORT_DIGESTBYTES];

    *changed = 0;
    if (h->has_output) {
        if (export_output_digest(now, p, row, doc, rr, attachments, e) != 0)
            return -1;
        *changed = sodium_memcmp(now, h->output, sizeof now) != 0;
    } else if (h->has_digest) {          /* an export before schema 18: its text */
        if (export_sent_digest(now, doc, e) != 0)
            return -1;
        *changed = sodium_memcmp(now, h->digest, sizeof now) != 0;
    }
    return 0;
}
