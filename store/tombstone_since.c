/* A record sent before its subject's withdrawal stays out after a
 * re-consent, by any route (store/tombstone_since.h). */
#include "store/tombstone_since.h"

#include <jansson.h>
#include <string.h>

#include <sodium.h>

#include "store/db.h"
#include "store/origin_of.h"

int db_stamped_before(const char *since, long since_seq, const char *recorded,
                      long recorded_seq)
{
    /* By the subject's counter when both carry it (A1), else by time. */
    if (since_seq > 0 && recorded_seq > 0)
        return recorded_seq < since_seq;
    return since != NULL && since[0] != '\0' &&
           strcmp(since, recorded != NULL ? recorded : "") > 0;
}

/* The last re-consent kept here under pk for subject: *st on its row
 * (day, since, since_seq, sender), which the caller finalizes; 1 with a
 * row, 0 none, -1 with e. */
static int last_reconsent(sqlite3_stmt **st, struct store *s, const unsigned char *pk,
                          const char *subject, struct err *e)
{
    const struct db_val v[] = { DB_BLOB(pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(subject) };

    return db_first(st, s, "SELECT day, since, since_seq, " TOMBSTONE_SENDER " FROM tombstone"
                    " WHERE sender_pk = ?1 AND kind = 'reconsent' AND subject = ?2"
                    " ORDER BY round DESC LIMIT 1", v, DB_N(v), "reading the tombstones", e);
}

int db_sent_before_reconsent(struct store *s, const unsigned char *pk, const char *subject,
                             const char *rid, const char *recorded, long recorded_seq,
                             int passed_on, struct err *e)
{
    sqlite3_stmt *st;
    int rc = last_reconsent(&st, s, pk, subject, e), before = 0;

    if (rc > 0)
        before = db_stamped_before((const char *)sqlite3_column_text(st, 1),
                                   (long)sqlite3_column_int64(st, 2), recorded, recorded_seq);
    if (before && !passed_on)
        rc = err_set(e, EXIT_AUTH, "the bundle holds record %s, sent before its subject's "
                     "consent was withdrawn: its sender's re-consent (notice of %s) lets in only "
                     "records sent after it; nothing was imported", rid,
                     (const char *)sqlite3_column_text(st, 0));
    else if (before)
        rc = err_set(e, EXIT_AUTH, "the bundle holds record %s, sent before its subject's "
                     "consent was withdrawn: the re-consent of the device that made it (notice "
                     "of %s from %s) lets in only records sent after it, by any route; nothing "
                     "was imported", rid, (const char *)sqlite3_column_text(st, 0),
                     (const char *)sqlite3_column_text(st, 3));
    else if (rc > 0)
        rc = 0;
    sqlite3_finalize(st);
    return rc;
}

/* *before |= record stamped (recorded, recorded_seq) before the last
 * re-consent kept here under pk for subject; 1 if there is one, 0 if
 * none, -1 with e. */
static int before_reconsent_of(int *before, struct store *s, const unsigned char *pk,
                               const char *subject, const char *recorded, long recorded_seq,
                               struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    if (subject == NULL)
        return 0;
    rc = last_reconsent(&st, s, pk, subject, e);
    if (rc > 0)
        *before |= db_stamped_before((const char *)sqlite3_column_text(st, 1),
                                     (long)sqlite3_column_int64(st, 2), recorded, recorded_seq);
    sqlite3_finalize(st);
    return rc;
}

int db_record_before_reconsent(int *before, struct store *s, long rowid, long since_seq,
                               const char *since, struct err *e)
{
    const struct db_val v[] = { DB_INT(rowid) };
    unsigned char sender[crypto_sign_PUBLICKEYBYTES], opk[crypto_sign_PUBLICKEYBYTES];
    struct notice_origin o;
    sqlite3_stmt *st;
    json_t *m = NULL, *c;
    int rc, found = 0;

    *before = 0;
    rc = db_first(&st, s, "SELECT o.manifest, i.sender_pk FROM record_origin o JOIN import i"
                  " ON i.id = o.import_id WHERE o.record_id = ?1", v, DB_N(v),
                  "reading the record's origin", e);
    if (rc > 0 && sqlite3_column_bytes(st, 1) == crypto_sign_PUBLICKEYBYTES) {
        memcpy(sender, sqlite3_column_blob(st, 1), sizeof sender);
        m = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
    }
    sqlite3_finalize(st);
    if (rc <= 0)
        return rc;
    /* What the device stamped on it, its sender's and its origin's
     * re-consent; a record without a readable manifest counts as earlier. */
    c = json_object_get(m, "consent");
    const char *recorded = json_string_value(json_object_get(c, "recorded"));
    long seq = (long)json_integer_value(json_object_get(c, "seq"));
    rc = m == NULL ? 0 : before_reconsent_of(before, s, sender,
                                             json_string_value(json_object_get(m, "subject")),
                                             recorded, seq, e);
    found = rc > 0;
    if (rc >= 0 && m != NULL && db_origin_of(&o, opk, sender, m)) {
        rc = before_reconsent_of(before, s, o.pk, o.subject, recorded, seq, e);
        found |= rc > 0;
    }
    if (rc >= 0 && !found)
        *before = m == NULL || db_stamped_before(since, since_seq, recorded, seq);
    json_decref(m);
    return rc < 0 ? -1 : 1;
}
