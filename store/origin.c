/* A record's origin as it travels (issue 16 C-4 to C-8; store/origin.h):
 * a partner that holds a device's record through headquarters knows
 * whose it is, so the device's own notices reach it. */
#include "store/origin.h"

#include <string.h>

#include <sodium.h>

#include "store/db.h"
#include "store/subject.h"
#include "store/tombstone_since.h"

int db_origin_json(json_t *doc, struct store *s, const char *rid, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(rid) };
    char key[2 * crypto_sign_PUBLICKEYBYTES + 1];
    sqlite3_stmt *st;
    json_t *m = NULL, *o = NULL;
    int rc;

    if (db_query(&st, s, "SELECT o.manifest, i.sender_pk FROM record r JOIN record_origin o"
                 " ON o.record_id = r.id JOIN import i ON i.id = o.import_id WHERE r.rid = ?1",
                 v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading the record's origin", e);
    if (rc > 0 && sqlite3_column_text(st, 0) != NULL &&
        sqlite3_column_bytes(st, 1) == crypto_sign_PUBLICKEYBYTES)
        m = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
    if (m != NULL) {
        /* The origin its bundle named (passed on), else its sender. */
        o = json_incref(json_object_get(m, "origin"));
        if (o == NULL && json_is_string(json_object_get(m, "subject"))) {
            sodium_bin2hex(key, sizeof key, sqlite3_column_blob(st, 1),
                           crypto_sign_PUBLICKEYBYTES);
            o = json_pack("{s:s, s:O}", "key", key, "subject", json_object_get(m, "subject"));
            if (o == NULL)
                rc = err_set(e, EXIT_INPUT, "out of memory");
        }
    }
    json_decref(m);
    sqlite3_finalize(st);
    if (rc < 0)
        return -1;
    if (o != NULL && json_object_set_new(doc, "origin", o) != 0)
        return err_set(e, EXIT_INPUT, "out of memory");
    return 0;
}

int db_origin_keep(struct store *s, const char *rid, const struct notice_origin *o,
                   struct err *e)
{
    const struct db_val v[] = {
        DB_TEXT(rid), DB_BLOB(o->pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(o->subject),
    };
    struct consent c = { 0 };
    long sid = 0;
    int rc;

    if (db_run(s, "INSERT OR IGNORE INTO record_route(rid, sender_pk, subject) VALUES"
               " (?1, ?2, ?3)", v, DB_N(v), "keeping the record's route", e) != 0)
        return -1;
    /* A scope of the origin kept for a subject not here yet (C-7). */
    rc = db_scope_read(&c, s, "SELECT export, quote, publish, attachments, method, embargo,"
                       " date, 0, seq FROM scope_pending WHERE sender_pk = ?2 AND subject = ?3",
                       v, DB_N(v), e);
    if (rc <= 0)
        return rc;
    if (db_int(&sid, s, "SELECT subject_id FROM record WHERE rid = ?1", v, 1,
               "reading the records", e) < 0)
        return -1;
    return sid > 0 && db_consent_carry(s, sid, &c, e) < 0 ? -1 : 0;
}

int db_origin_subjects(long *ids, size_t *n, size_t max, struct store *s, long import_id,
                       const char *subject, const struct notice_origin *reach, long sid,
                       long sid_o, struct err *e)
{
    const struct db_val v[] = {
        DB_INT(import_id), DB_TEXT(subject),
        DB_BLOB(reach->pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(reach->subject), DB_INT(sid),
        DB_INT(sid_o),
    };
    sqlite3_stmt *st;
    int rc;

    *n = 0;
    if (db_query(&st, s, "SELECT DISTINCT r.subject_id FROM record r WHERE r.subject_id <> ?5"
                 " AND r.subject_id <> ?6 AND r.rid IN (SELECT rid FROM record_route WHERE"
                 " (sender_pk = ?3 AND subject = ?4) OR (subject = ?2 AND sender_pk ="
                 " (SELECT sender_pk FROM import WHERE id = ?1)))", v, DB_N(v), e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the subjects", e)) > 0 && *n < max)
        ids[(*n)++] = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

int db_origin_pending(struct store *s, const struct notice_origin *o, const struct consent *c,
                      struct err *e)
{
    const struct db_val k[] = {
        DB_BLOB(o->pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(o->subject),
    };
    struct consent held = { 0 }, w;

    if (db_scope_read(&held, s, "SELECT export, quote, publish, attachments, method, embargo,"
                      " date, 0, seq FROM scope_pending WHERE sender_pk = ?1 AND subject = ?2",
                      k, DB_N(k), e) < 0)
        return -1;
    if (!db_scope_order(&w, &held, c))
        return 0;
    const struct db_val v[] = {
        DB_BLOB(o->pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(o->subject), DB_INT(w.export_ok),
        DB_INT(w.quote), DB_INT(w.publish), DB_INT(w.attachments), DB_TEXT(w.method),
        DB_TEXT(w.embargo), DB_TEXT(w.date), DB_INT(w.seq),
    };
    return db_run(s, "INSERT OR REPLACE INTO scope_pending(sender_pk, subject, export, quote,"
                  " publish, attachments, method, embargo, date, seq) VALUES (?1, ?2, ?3, ?4,"
                  " ?5, ?6, ?7, ?8, ?9, ?10)", v, DB_N(v), "keeping the consent scope", e);
}

int db_origin_check(struct store *s, const struct notice_origin *o, const char *rid,
                    const char *recorded, long recorded_seq, struct err *e)
{
    const struct db_val v[] = {
        DB_BLOB(o->pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(o->subject), DB_TEXT(rid),
    };
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, "SELECT kind, day, " TOMBSTONE_SENDER " FROM tombstone WHERE "
                 TOMBSTONE_COVERS " ORDER BY id LIMIT 1", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading the tombstones", e);
    if (rc > 0 && strcmp((const char *)sqlite3_column_text(st, 0), "withdrawal") == 0)
        rc = err_set(e, EXIT_AUTH, "the bundle holds record %s, whose subject's consent the "
                     "device that made it withdrew (notice of %s from %s): it does not come "
                     "back by another route; nothing was imported", rid,
                     (const char *)sqlite3_column_text(st, 1),
                     (const char *)sqlite3_column_text(st, 2));
    else if (rc > 0)
        rc = err_set(e, EXIT_AUTH, "the bundle holds record %s, which the device that made it "
                     "deleted (notice of %s from %s): it does not come back by another route; "
                     "nothing was imported", rid, (const char *)sqlite3_column_text(st, 1),
                     (const char *)sqlite3_column_text(st, 2));
    sqlite3_finalize(st);
    /* and what left the device before a withdrawal its re-consent
     * lifted stays out after it, whoever passes it on (adv17b E-6) */
    if (rc == 0)
        rc = db_sent_before_reconsent(s, o->pk, o->subject, rid, recorded, recorded_seq, 1, e);
    return rc;
}
