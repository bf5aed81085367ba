/* Attachments: a row in the encrypted database each, their bytes in a
 * file of their own (store/blob.h), written and read one chunk at a time
 * so memory stays constant. */
#include "store/blob.h"
#include "store/notice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "store/record.h"

struct attachment_writer {
    struct store *s;
    long id;
    uint64_t size;
    crypto_generichash_state hash;
    struct blob_writer *file;
    char name[BLOB_NAME_CHARS + 1];      /* the file's */
    unsigned char *key;                  /* sodium_malloc, BLOB_KEYBYTES */
};

static int check_names(const char *name, const char *type, struct err *e)
{
    if (name[0] == '\0' || strlen(name) > ATTACHMENT_NAME_MAX ||
        strchr(name, '/') != NULL || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        return err_set(e, EXIT_INPUT, "an attachment name must be 1 to %d bytes "
                       "without '/'", ATTACHMENT_NAME_MAX);
    if (text_check_field(name, strlen(name), "the attachment name", e) != 0)
        return -1;
    if (type[0] == '\0' || strlen(type) > ATTACHMENT_TYPE_MAX)
        return err_set(e, EXIT_INPUT, "bad attachment type");
    return text_check(type, strlen(type), 0, "the attachment type", e);
}

static int insert_head(struct attachment_writer *w, long rec, const char *name,
                       const char *type, int gps, struct err *e)
{
    char now[32];
    const struct db_val v[] = { DB_INT(rec), DB_TEXT(name), DB_TEXT(type), DB_INT(gps != 0),
                                DB_TEXT(now), DB_TEXT(w->name), DB_BLOB(w->key, BLOB_KEYBYTES) };
    sqlite3_stmt *st;
    int rc;

    db_now(now, sizeof now);
    if (db_query(&st, w->s, "INSERT INTO attachment(record_id, name, type, size,"
                 " hash, gps, added, blob, blob_key) VALUES (?1, ?2, ?3, 0, x'', ?4, ?5, ?6, ?7)",
                 v, DB_N(v), e) != 0)
        return -1;
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    /* UNIQUE(record_id, name): a name the record has already. */
    if (rc == SQLITE_CONSTRAINT)
        return err_set(e, EXIT_INPUT, "the record already has an attachment named "
                       "'%s'; nothing was changed", name);
    if (rc != SQLITE_DONE)
        return db_fail(w->s, e, "adding the attachment");
    w->id = (long)sqlite3_last_insert_rowid(w->s->db);
    return 0;
}

int store_attachment_known(int *same_hash, int *name_taken, struct store *s,
                           const char *record, const char *name,
                           const unsigned char hash[ATTACHMENT_HASHBYTES], struct err *e)
{
    long rec = 0, one = 0;
    int rc;

    *same_hash = *name_taken = 0;
    if (db_record_id(&rec, s, record, e) != 0)
        return -1;
    const struct db_val h[] = { DB_INT(rec), DB_BLOB(hash, ATTACHMENT_HASHBYTES) };
    const struct db_val n[] = { DB_INT(rec), DB_TEXT(name) };
    rc = db_int(&one, s, "SELECT 1 FROM attachment WHERE record_id = ?1 AND hash = ?2", h, DB_N(h),
                "reading the attachments", e);
    if (rc < 0)
        return -1;
    *same_hash = rc > 0;
    rc = db_int(&one, s, "SELECT 1 FROM attachment WHERE record_id = ?1 AND name = ?2", n, DB_N(n),
                "reading the attachments", e);
    if (rc < 0)
        return -1;
    *name_taken = rc > 0;
    return 0;
}

int store_attachment_begin(struct attachment_writer **out, struct store *s,
                           const char *record, const char *name,
                           const char *type, int gps, struct err *e)
{
    struct attachment_writer *w;
    long rec = 0;

    *out = NULL;
    if (check_names(name, type, e) != 0 || db_record_id(&rec, s, record, e) != 0)
        return -1;
    w = calloc(1, sizeof *w);
    if (w == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    w->s = s;
    w->key = secmem_alloc(BLOB_KEYBYTES);
    if (w->key == NULL) {
        free(w);
        return err_set(e, EXIT_INPUT, "out of secure memory");
    }
    crypto_generichash_init(&w->hash, NULL, 0, ATTACHMENT_HASHBYTES);
    /* The file first: its row names it, and is committed after it is
     * synced (store_attachment_end). */
    if (blob_create(&w->file, w->name, w->key, s, e) != 0 ||
        insert_head(w, rec, name, type, gps, e) != 0) {
        store_attachment_abort(w);
        return -1;
    }
    *out = w;
    return 0;
}

int store_attachment_write(struct attachment_writer *w, const unsigned char *buf,
                           size_t len, struct err *e)
{
    crypto_generichash_update(&w->hash, buf, len);
    w->size += len;
    return blob_write(w->file, buf, len, e);
}

int store_attachment_end(struct attachment_writer *w, unsigned char *hash,
                         struct err *e)
{
    unsigned char h[ATTACHMENT_HASHBYTES];
    const struct db_val v[] = { DB_INT(w->id), DB_INT((sqlite3_int64)w->size), DB_BLOB(h, sizeof h) };
    int rc;

    crypto_generichash_final(&w->hash, h, sizeof h);
    rc = blob_finish(w->file, e);
    w->file = NULL;
    if (rc == 0)
        rc = db_run(w->s, "UPDATE attachment SET size = ?2, hash = ?3 WHERE id = ?1", v, DB_N(v),
                    "storing the attachment", e);
    if (rc == 0 && hash != NULL)
        memcpy(hash, h, sizeof h);
    store_attachment_abort(w);
    return rc;
}

void store_attachment_abort(struct attachment_writer *w)
{
    if (w == NULL)
        return;
    /* A file whose row is rolled back, or never committed, is wiped by
     * the next intake alone with the store (blob_tidy). */
    blob_discard(w->file);
    secmem_free(w->key);
    sodium_memzero(&w->hash, sizeof w->hash);
    free(w);
}

int store_attachment_each(struct store *s, const char *record, attachment_fn fn,
                          void *ctx, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(record) };
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, "SELECT r.rid, a.name, a.type, a.added, a.size, a.hash, a.gps"
                 " FROM attachment a JOIN record r ON r.id = a.record_id"
                 " WHERE ?1 IS NULL OR r.rid = ?1 ORDER BY r.rid, a.name", v, DB_N(v), e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading attachments", e)) > 0) {
        struct attachment_row a;

        a.record = (const char *)sqlite3_column_text(st, 0);
        a.name = (const char *)sqlite3_column_text(st, 1);
        a.type = (const char *)sqlite3_column_text(st, 2);
        a.added = (const char *)sqlite3_column_text(st, 3);
        a.size = (uint64_t)sqlite3_column_int64(st, 4);
        a.hash = sqlite3_column_blob(st, 5);
        a.gps = sqlite3_column_int(st, 6);
        if (sqlite3_column_bytes(st, 5) != ATTACHMENT_HASHBYTES)
            rc = err_set(e, EXIT_INPUT, "attachment '%s' is damaged in the store", a.name);
        else
            rc = fn(ctx, &a, e);
        if (rc != 0)
            break;
    }
    sqlite3_finalize(st);
    return rc;
}

/* The row of attachment name of record: its id, size and hash, and (if
 * file is not NULL) its file's name and key. */
struct attachment_file {
    char name[BLOB_NAME_CHARS + 1];
    unsigned char *key;                  /* sodium_malloc, BLOB_KEYBYTES */
};

static int attachment_head(long *id, uint64_t *size, unsigned char *hash,
                           struct attachment_file *file, struct store *s, const char *record,
                           const char *name, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(record), DB_TEXT(name) };
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, "SELECT a.id, a.size, a.hash, a.blob, a.blob_key FROM attachment a"
                 " JOIN record r ON r.id = a.record_id WHERE r.rid = ?1 AND a.name = ?2",
                 v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading attachments", e);
    if (rc > 0 && sqlite3_column_bytes(st, 2) == ATTACHMENT_HASHBYTES) {
        *id = sqlite3_column_int64(st, 0);
        *size = (uint64_t)sqlite3_column_int64(st, 1);
        memcpy(hash, sqlite3_column_blob(st, 2), ATTACHMENT_HASHBYTES);
        rc = 0;
        if (file != NULL) {
            if (sqlite3_column_bytes(st, 3) != BLOB_NAME_CHARS ||
                sqlite3_column_bytes(st, 4) != BLOB_KEYBYTES)
                rc = err_set(e, EXIT_INPUT, "attachment '%s' is damaged in the store", name);
            else {
                memcpy(file->name, sqlite3_column_text(st, 3), BLOB_NAME_CHARS + 1);
                memcpy(file->key, sqlite3_column_blob(st, 4), BLOB_KEYBYTES);
            }
        }
    } else if (rc >= 0) {
        err_set(e, EXIT_INPUT, "record '%s' has no attachment named '%s' "
                "(see 'intake show %s')", record, name, record);
        rc = -1;
    }
    sqlite3_finalize(st);
    return rc;
}

/* Hashes what passes on the way to the caller's fn. */
struct verifying {
    crypto_generichash_state h;
    store_bytes_fn fn;
    void *ctx;
};

static int verify_sink(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct verifying *v = ctx;

    crypto_generichash_update(&v->h, buf, len);
    return v->fn(v->ctx, buf, len, e);
}

int store_attachment_read(struct store *s, const char *record, const char *name,
                          int verify, store_bytes_fn fn, void *ctx, struct err *e)
{
    unsigned char want[ATTACHMENT_HASHBYTES], got[ATTACHMENT_HASHBYTES];
    struct attachment_file file;
    struct verifying v;
    uint64_t size;
    long id;
    int rc;

    file.key = secmem_alloc(BLOB_KEYBYTES);
    if (file.key == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    if (attachment_head(&id, &size, want, &file, s, record, name, e) != 0) {
        secmem_free(file.key);
        return -1;
    }
    v.fn = fn;
    v.ctx = ctx;
    crypto_generichash_init(&v.h, NULL, 0, sizeof got);
    rc = blob_read(s, file.name, file.key, size, name, verify ? verify_sink : fn,
                   verify ? (void *)&v : ctx, e);
    secmem_free(file.key);
    crypto_generichash_final(&v.h, got, sizeof got);
    if (rc == 0 && verify && sodium_memcmp(got, want, sizeof got) != 0)
        rc = err_set(e, EXIT_INPUT, "attachment '%s' is damaged in the store "
                     "(size or hash differ); restore the store from a backup", name);
    return rc;
}

/* The attachment name of record: unknown records and names are told
 * apart. */
static int find_attachment(long *id, struct store *s, const char *record, const char *name,
                           struct err *e)
{
    unsigned char hash[ATTACHMENT_HASHBYTES];
    uint64_t size;
    long rowid;

    return db_record_id(&rowid, s, record, e) == 0 &&
           attachment_head(id, &size, hash, NULL, s, record, name, e) == 0 ? 0 : -1;
}

int store_attachment_exists(struct store *s, const char *record, const char *name,
                            struct err *e)
{
    long id;

    return find_attachment(&id, s, record, name, e);
}

int store_attachment_remove(struct store *s, const char *record, const char *name,
                            struct err *e)
{
    char done[80];
    long id;

    if (store_begin(s, e) != 0)
        return -1;
    if (find_attachment(&id, s, record, name, e) != 0) {
        store_rollback(s);
        return -1;
    }
    const struct db_val w[] = { DB_INT(id) };
    /* Its file is wiped after the commit (blob_gone, store_commit).
     * The log names the record, never the file's name. */
    /* Contacts that received it are told (issue 16, F9). */
    if (db_notice_owed_removal(s, id, NULL, e) != 0 ||
        db_run(s, "DELETE FROM attachment WHERE id = ?1", w, DB_N(w), "removing the attachment",
               e) != 0 ||
        store_log(s, "attachment.remove", record, e) != 0) {
        store_rollback(s);
        return -1;
    }
    if (store_commit(s, e) != 0)
        return -1;
    snprintf(done, sizeof done, "an attachment of record %s was removed", record);
    return db_checkpoint_after(s, done, e);
}
