/* A record sent before its subject's withdrawal stays out after a
 * re-consent, by any route (store/tombstone_since.h). */
#include "store/tombstone_since.h"

#include <string.h>

#include <sodium.h>

#include "store/db.h"

int db_sent_before_reconsent(struct store *s, const unsigned char *pk, const char *subject,
                             const char *rid, const char *recorded, long recorded_seq,
                             int passed_on, struct err *e)
{
    const struct db_val v[] = { DB_BLOB(pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(subject) };
    sqlite3_stmt *st;
    long since_seq;
    int rc, before = 0;

    if (db_query(&st, s, "SELECT day, since, since_seq, coalesce(sender, '') FROM tombstone"
                 " WHERE sender_pk = ?1 AND kind = 'reconsent' AND subject = ?2"
                 " ORDER BY round DESC LIMIT 1", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading the tombstones", e);
    /* By the subject's counter when both carry it (A1), else by time. */
    if (rc > 0) {
        since_seq = (long)sqlite3_column_int64(st, 2);
        if (since_seq > 0 && recorded_seq > 0)
            before = recorded_seq < since_seq;
        else
            before = sqlite3_column_text(st, 1)[0] != '\0' &&
                     strcmp((const char *)sqlite3_column_text(st, 1),
                            recorded != NULL ? recorded : "") > 0;
    }
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
