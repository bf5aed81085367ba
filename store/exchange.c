/* What the store remembers about bundles: each export (when, to whom,
 * which records, the bundle hash; never content) and each import (the
 * bundle hash, the sender, and which records it brought). */
#include "store/db.h"

#include <stdio.h>
#include <string.h>

int store_export_log(struct store *s, const char *recipients, const char *records,
                     const unsigned char *hash, size_t hashlen, struct err *e)
{
    char now[32];
    const struct db_val v[] = { DB_TEXT(now), DB_TEXT(recipients), DB_TEXT(records), DB_BLOB(hash, hashlen) };

    db_now(now, sizeof now);
    return db_run(s, "INSERT INTO export(at, recipients, records, hash) VALUES (?1, ?2, ?3, ?4)",
                  v, DB_N(v), "recording the export", e);
}

int store_import_seen(int *seen, struct store *s, const unsigned char *hash,
                      size_t hashlen, struct err *e)
{
    const struct db_val v[] = { DB_BLOB(hash, hashlen) };
    long one;
    int rc = db_int(&one, s, "SELECT 1 FROM import WHERE hash = ?1", v, DB_N(v), "reading the imports", e);

    if (rc < 0)
        return -1;
    *seen = rc;
    return 0;
}

int store_import_begin(long *import_id, struct store *s, const unsigned char *hash,
                       size_t hashlen, const unsigned char *sender_pk,
                       const char *sender, struct err *e)
{
    char now[32];
    const struct db_val v[] = {
        DB_BLOB(hash, hashlen), DB_BLOB(sender_pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(sender), DB_TEXT(now),
    };

    db_now(now, sizeof now);
    if (db_run(s, "INSERT INTO import(hash, sender_pk, sender, at) VALUES (?1, ?2, ?3, ?4)",
               v, DB_N(v), "recording the import", e) != 0)
        return -1;
    *import_id = (long)sqlite3_last_insert_rowid(s->db);
    return 0;
}

int store_import_log_head(struct store *s, long import_id, long seq,
                          const unsigned char head[LOG_HASHBYTES], struct err *e)
{
    const struct db_val v[] = { DB_INT(import_id), DB_INT(seq), DB_BLOB(head, LOG_HASHBYTES) };

    if (db_run(s, "UPDATE import SET log_seq = ?2, log_head = ?3 WHERE id = ?1", v, DB_N(v),
               "recording the sender's log head", e) != 0)
        return -1;
    if (sqlite3_changes(s->db) != 1)
        return err_set(e, EXIT_INPUT, "internal error: no import %ld to keep a log head with", import_id);
    return 0;
}

/* The subject's row id, created without identity for an imported pseudonym. */
static int import_subject(long *sid, struct store *s, const char *pseudonym,
                          struct err *e)
{
    char now[32];
    const struct db_val v[] = { DB_TEXT(pseudonym), DB_TEXT(now) }, p[] = { DB_TEXT(pseudonym) };
    int rc;

    db_now(now, sizeof now);
    if (db_run(s, "INSERT OR IGNORE INTO subject(pseudonym, created) VALUES (?1, ?2)", v, DB_N(v),
               "adding the subject", e) != 0)
        return -1;
    rc = db_int(sid, s, "SELECT id FROM subject WHERE pseudonym = ?1", p, DB_N(p), "adding the subject", e);
    if (rc == 0)
        return db_fail(s, e, "adding the subject");
    return rc > 0 ? 0 : -1;
}

/* 0: the id is new; 1: the same sender sent it before; -1: refused. */
static int existing_record(struct store *s, long import_id, const char *rid,
                           struct err *e)
{
    const struct db_val v[] = { DB_TEXT(rid), DB_INT(import_id) };
    long same = 0;
    int rc = db_int(&same, s, "SELECT i.sender_pk = (SELECT sender_pk FROM import"
                    " WHERE id = ?2) FROM record r LEFT JOIN record_origin o"
                    " ON o.record_id = r.id LEFT JOIN import i ON i.id = o.import_id"
                    " WHERE r.rid = ?1", v, DB_N(v), "reading records", e);

    if (rc <= 0)
        return rc;
    if (same != 1)
        return err_set(e, EXIT_AUTH, "the bundle holds record %s, which this store "
                       "already has from elsewhere; nothing was imported", rid);
    return 1;
}

static int insert_imported(long *rowid, struct store *s, long sid,
                           const struct record_row *r, struct err *e)
{
    char now[32];
    const char *title = r->title != NULL ? r->title : "";
    const struct db_val v[] = {
        DB_TEXT(r->id), DB_INT(sid), DB_TEXT(title), DB_TEXT(r->date), DB_TEXT(r->place),
        DB_TEXT(r->lang), DB_TEXT(r->body), DB_TEXT(now),
    };

    db_now(now, sizeof now);
    if (db_run(s, "INSERT INTO record(rid, subject_id, title, date, place, lang, body, created)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", v, DB_N(v), "importing a record", e) != 0)
        return -1;
    *rowid = (long)sqlite3_last_insert_rowid(s->db);
    const struct db_val fts[] = { DB_INT(*rowid), DB_TEXT(title), DB_TEXT(r->body) };
    return db_run(s, "INSERT INTO record_fts(docid, title, body) VALUES (?1, ?2, ?3)", fts, DB_N(fts),
                  "indexing a record", e);
}

static int insert_extras(struct store *s, long rowid, long import_id,
                         const struct record_row *r, const char *manifest,
                         struct err *e)
{
    const struct db_val v[] = { DB_INT(rowid), DB_INT(import_id), DB_TEXT(manifest) };

    for (size_t i = 0; i < r->ntags; i++) {
        const struct db_val t[] = { DB_INT(rowid), DB_TEXT(r->tags[i]) };
        if (db_run(s, "INSERT OR IGNORE INTO record_tag(record_id, tag) VALUES (?1, ?2)", t, DB_N(t),
                   "adding the tags", e) != 0)
            return -1;
    }
    return db_run(s, "INSERT INTO record_origin(record_id, import_id, manifest) VALUES (?1, ?2, ?3)",
                  v, DB_N(v), "recording the record's origin", e);
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
    const struct db_val v[] = { DB_TEXT(id) };
    sqlite3_stmt *st;
    char hex[2 * 32 + 1], key[2 * crypto_sign_PUBLICKEYBYTES + 1];
    int rc;

    out[0] = '\0';
    if (db_query(&st, s, "SELECT i.hash, i.sender_pk, i.sender, i.at, i.log_seq, i.log_head FROM record r"
                 " JOIN record_origin o ON o.record_id = r.id"
                 " JOIN import i ON i.id = o.import_id WHERE r.rid = ?1", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading the record's origin", e);
    if (rc > 0 && sqlite3_column_bytes(st, 0) == 32 &&
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
    return rc < 0 ? -1 : 0;
}
