/* What the store remembers about bundles: each export (when, to whom,
 * which records, the bundle hash; never content) and each import (the
 * bundle hash, the sender, and which records it brought). */
#include "store/db.h"

#include <stdio.h>
#include <string.h>

int store_export_log(struct store *s, const char *recipients, const char *records,
                     const unsigned char *hash, size_t hashlen, struct err *e)
{
    sqlite3_stmt *st;
    char now[32];
    int rc;

    db_now(now, sizeof now);
    if (db_prepare(&st, s, "INSERT INTO export(at, recipients, records, hash)"
                   " VALUES (?1, ?2, ?3, ?4)", e) != 0)
        return -1;
    db_bind_text(st, 1, now);
    db_bind_text(st, 2, recipients);
    db_bind_text(st, 3, records);
    sqlite3_bind_blob(st, 4, hash, (int)hashlen, SQLITE_TRANSIENT);
    rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "recording the export");
    sqlite3_finalize(st);
    return rc;
}

int store_import_seen(int *seen, struct store *s, const unsigned char *hash,
                      size_t hashlen, struct err *e)
{
    sqlite3_stmt *st;
    int step;

    if (db_prepare(&st, s, "SELECT 1 FROM import WHERE hash = ?1", e) != 0)
        return -1;
    sqlite3_bind_blob(st, 1, hash, (int)hashlen, SQLITE_TRANSIENT);
    step = sqlite3_step(st);
    sqlite3_finalize(st);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return db_fail(s, e, "reading the imports");
    *seen = step == SQLITE_ROW;
    return 0;
}

int store_import_begin(long *import_id, struct store *s, const unsigned char *hash,
                       size_t hashlen, const unsigned char *sender_pk,
                       const char *sender, struct err *e)
{
    sqlite3_stmt *st;
    char now[32];
    int rc;

    db_now(now, sizeof now);
    if (db_prepare(&st, s, "INSERT INTO import(hash, sender_pk, sender, at)"
                   " VALUES (?1, ?2, ?3, ?4)", e) != 0)
        return -1;
    sqlite3_bind_blob(st, 1, hash, (int)hashlen, SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 2, sender_pk, crypto_sign_PUBLICKEYBYTES, SQLITE_TRANSIENT);
    db_bind_text(st, 3, sender);
    db_bind_text(st, 4, now);
    rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "recording the import");
    sqlite3_finalize(st);
    *import_id = (long)sqlite3_last_insert_rowid(s->db);
    return rc;
}

/* The subject's row id, created without identity for an imported pseudonym. */
static int import_subject(long *sid, struct store *s, const char *pseudonym,
                          struct err *e)
{
    sqlite3_stmt *st;
    char now[32];
    int rc;

    db_now(now, sizeof now);
    if (db_prepare(&st, s, "INSERT OR IGNORE INTO subject(pseudonym, created)"
                   " VALUES (?1, ?2)", e) != 0)
        return -1;
    db_bind_text(st, 1, pseudonym);
    db_bind_text(st, 2, now);
    rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "adding the subject");
    sqlite3_finalize(st);
    if (rc != 0 || db_prepare(&st, s, "SELECT id FROM subject WHERE pseudonym = ?1", e) != 0)
        return -1;
    db_bind_text(st, 1, pseudonym);
    rc = sqlite3_step(st) == SQLITE_ROW ? 0 : db_fail(s, e, "adding the subject");
    if (rc == 0)
        *sid = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc;
}

/* 0: the id is new; 1: the same sender sent it before; -1: refused. */
static int existing_record(struct store *s, long import_id, const char *rid,
                           struct err *e)
{
    sqlite3_stmt *st;
    int step, same = 0;

    if (db_prepare(&st, s, "SELECT i.sender_pk = (SELECT sender_pk FROM import"
                   " WHERE id = ?2) FROM record r LEFT JOIN record_origin o"
                   " ON o.record_id = r.id LEFT JOIN import i ON i.id = o.import_id"
                   " WHERE r.rid = ?1", e) != 0)
        return -1;
    db_bind_text(st, 1, rid);
    sqlite3_bind_int64(st, 2, import_id);
    step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        same = sqlite3_column_int(st, 0) == 1;
    sqlite3_finalize(st);
    if (step == SQLITE_DONE)
        return 0;
    if (step != SQLITE_ROW)
        return db_fail(s, e, "reading records");
    if (!same)
        return err_set(e, EXIT_AUTH, "the bundle holds record %s, which this store "
                       "already has from elsewhere; nothing was imported", rid);
    return 1;
}

static int insert_imported(long *rowid, struct store *s, long sid,
                           const struct record_row *r, struct err *e)
{
    sqlite3_stmt *st;
    char now[32];
    int rc;

    db_now(now, sizeof now);
    if (db_prepare(&st, s, "INSERT INTO record(rid, subject_id, title, date, place,"
                   " lang, body, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", e) != 0)
        return -1;
    db_bind_text(st, 1, r->id);
    sqlite3_bind_int64(st, 2, sid);
    db_bind_text(st, 3, r->title != NULL ? r->title : "");
    db_bind_text(st, 4, r->date);
    db_bind_text(st, 5, r->place);
    db_bind_text(st, 6, r->lang);
    db_bind_text(st, 7, r->body);
    db_bind_text(st, 8, now);
    rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "importing a record");
    sqlite3_finalize(st);
    *rowid = (long)sqlite3_last_insert_rowid(s->db);
    if (rc != 0 || db_prepare(&st, s, "INSERT INTO record_fts(docid, title, body)"
                              " VALUES (?1, ?2, ?3)", e) != 0)
        return -1;
    sqlite3_bind_int64(st, 1, *rowid);
    db_bind_text(st, 2, r->title != NULL ? r->title : "");
    db_bind_text(st, 3, r->body);
    rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "indexing a record");
    sqlite3_finalize(st);
    return rc;
}

static int insert_extras(struct store *s, long rowid, long import_id,
                         const struct record_row *r, const char *manifest,
                         struct err *e)
{
    sqlite3_stmt *st;
    int rc = 0;

    if (db_prepare(&st, s, "INSERT OR IGNORE INTO record_tag(record_id, tag)"
                   " VALUES (?1, ?2)", e) != 0)
        return -1;
    for (size_t i = 0; rc == 0 && i < r->ntags; i++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, rowid);
        db_bind_text(st, 2, r->tags[i]);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = db_fail(s, e, "adding the tags");
    }
    sqlite3_finalize(st);
    if (rc != 0 || db_prepare(&st, s, "INSERT INTO record_origin(record_id, import_id,"
                              " manifest) VALUES (?1, ?2, ?3)", e) != 0)
        return -1;
    sqlite3_bind_int64(st, 1, rowid);
    sqlite3_bind_int64(st, 2, import_id);
    db_bind_text(st, 3, manifest);
    rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "recording the record's origin");
    sqlite3_finalize(st);
    return rc;
}

int store_import_record(int *added, struct store *s, long import_id,
                        const char *pseudonym, const struct record_row *r,
                        const char *manifest, struct err *e)
{
    long sid, rowid;
    int ex;

    *added = 0;
    ex = existing_record(s, import_id, r->id, e);
    if (ex != 0)
        return ex < 0 ? -1 : 0;
    if (import_subject(&sid, s, pseudonym, e) != 0 ||
        insert_imported(&rowid, s, sid, r, e) != 0 ||
        insert_extras(s, rowid, import_id, r, manifest, e) != 0)
        return -1;
    *added = 1;
    return 0;
}

int store_record_origin(char *out, size_t outlen, struct store *s, const char *id,
                        struct err *e)
{
    sqlite3_stmt *st;
    char hex[2 * 32 + 1], key[2 * crypto_sign_PUBLICKEYBYTES + 1];
    int rc = 0;

    out[0] = '\0';
    if (db_prepare(&st, s, "SELECT i.hash, i.sender_pk, i.sender, i.at, i.log_seq, i.log_head FROM record r"
                   " JOIN record_origin o ON o.record_id = r.id"
                   " JOIN import i ON i.id = o.import_id WHERE r.rid = ?1", e) != 0)
        return -1;
    db_bind_text(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_bytes(st, 0) == 32 &&
        sqlite3_column_bytes(st, 1) == crypto_sign_PUBLICKEYBYTES) {
        const char *who = (const char *)sqlite3_column_text(st, 2);
        int n;

        sodium_bin2hex(hex, sizeof hex, sqlite3_column_blob(st, 0), 32);
        sodium_bin2hex(key, sizeof key, sqlite3_column_blob(st, 1), crypto_sign_PUBLICKEYBYTES);
        n = snprintf(out, outlen, "imported %s from %s (signing key %s), bundle %s",
                     (const char *)sqlite3_column_text(st, 3),
                     who != NULL ? who : "an unknown sender", key, hex);
        /* The sender's log head at export (issue 6), to find on its log. */
        if (n >= 0 && (size_t)n < outlen && sqlite3_column_bytes(st, 5) == 32) {
            sodium_bin2hex(hex, sizeof hex, sqlite3_column_blob(st, 5), 32);
            n += snprintf(out + n, outlen - (size_t)n, ", sender's log at export: entry %lld, head %s",
                          (long long)sqlite3_column_int64(st, 4), hex);
        }
        if (n < 0 || (size_t)n >= outlen)
            rc = err_set(e, EXIT_INPUT, "origin line too long");
    }
    sqlite3_finalize(st);
    return rc;
}
