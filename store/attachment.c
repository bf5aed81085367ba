/* Attachments: rows of ATTACHMENT_CHUNK bytes in the encrypted database,
 * written and read one chunk at a time so memory stays constant. */
#include "store/db.h"
#include "store/notice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "store/record.h"

struct attachment_writer {
    struct store *s;
    sqlite3_stmt *ins;
    long id;
    int64_t seq;
    uint64_t size;
    size_t have;
    crypto_generichash_state hash;
    unsigned char *buf;                  /* sodium_malloc, ATTACHMENT_CHUNK */
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
    const struct db_val v[] = { DB_INT(rec), DB_TEXT(name), DB_TEXT(type), DB_INT(gps != 0), DB_TEXT(now) };
    sqlite3_stmt *st;
    int rc;

    db_now(now, sizeof now);
    if (db_query(&st, w->s, "INSERT INTO attachment(record_id, name, type, size,"
                 " hash, gps, added) VALUES (?1, ?2, ?3, 0, x'', ?4, ?5)", v, DB_N(v), e) != 0)
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
    w->buf = secmem_alloc(ATTACHMENT_CHUNK);
    if (w->buf == NULL) {
        free(w);
        return err_set(e, EXIT_INPUT, "out of secure memory");
    }
    crypto_generichash_init(&w->hash, NULL, 0, ATTACHMENT_HASHBYTES);
    if (insert_head(w, rec, name, type, gps, e) != 0 ||
        db_prepare(&w->ins, s, "INSERT INTO attachment_chunk(attachment_id, seq, data)"
                   " VALUES (?1, ?2, ?3)", e) != 0) {
        store_attachment_abort(w);
        return -1;
    }
    *out = w;
    return 0;
}

static int flush_chunk(struct attachment_writer *w, struct err *e)
{
    int rc;

    if (w->have == 0)
        return 0;
    /* Bound in place (SQLITE_STATIC), not copied: the chunk is stored
     * before w->buf is refilled. */
    sqlite3_reset(w->ins);
    rc = sqlite3_bind_int64(w->ins, 1, w->id);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(w->ins, 2, w->seq++);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_blob(w->ins, 3, w->buf, (int)w->have, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(w->ins);
    sqlite3_clear_bindings(w->ins);
    if (rc != SQLITE_DONE)
        return db_fail(w->s, e, "storing the attachment");
    w->have = 0;
    return 0;
}

int store_attachment_write(struct attachment_writer *w, const unsigned char *buf,
                           size_t len, struct err *e)
{
    crypto_generichash_update(&w->hash, buf, len);
    w->size += len;
    while (len > 0) {
        size_t n = ATTACHMENT_CHUNK - w->have;

        if (n > len)
            n = len;
        memcpy(w->buf + w->have, buf, n);
        w->have += n;
        buf += n;
        len -= n;
        if (w->have == ATTACHMENT_CHUNK && flush_chunk(w, e) != 0)
            return -1;
    }
    return 0;
}

int store_attachment_end(struct attachment_writer *w, unsigned char *hash,
                         struct err *e)
{
    unsigned char h[ATTACHMENT_HASHBYTES];
    const struct db_val v[] = { DB_INT(w->id), DB_INT((sqlite3_int64)w->size), DB_BLOB(h, sizeof h) };
    int rc;

    crypto_generichash_final(&w->hash, h, sizeof h);
    rc = flush_chunk(w, e);
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
    sqlite3_finalize(w->ins);
    secmem_free(w->buf);
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

static int attachment_head(long *id, uint64_t *size, unsigned char *hash,
                           struct store *s, const char *record, const char *name,
                           struct err *e)
{
    const struct db_val v[] = { DB_TEXT(record), DB_TEXT(name) };
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, "SELECT a.id, a.size, a.hash FROM attachment a"
                 " JOIN record r ON r.id = a.record_id WHERE r.rid = ?1 AND a.name = ?2",
                 v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading attachments", e);
    if (rc > 0 && sqlite3_column_bytes(st, 2) == ATTACHMENT_HASHBYTES) {
        *id = sqlite3_column_int64(st, 0);
        *size = (uint64_t)sqlite3_column_int64(st, 1);
        memcpy(hash, sqlite3_column_blob(st, 2), ATTACHMENT_HASHBYTES);
        rc = 0;
    } else if (rc >= 0) {
        err_set(e, EXIT_INPUT, "record '%s' has no attachment named '%s' "
                "(see 'intake show %s')", record, name, record);
        rc = -1;
    }
    sqlite3_finalize(st);
    return rc;
}

int store_attachment_read(struct store *s, const char *record, const char *name,
                          int verify, store_bytes_fn fn, void *ctx, struct err *e)
{
    unsigned char want[ATTACHMENT_HASHBYTES], got[ATTACHMENT_HASHBYTES];
    crypto_generichash_state h;
    sqlite3_stmt *st;
    uint64_t size, total = 0;
    int64_t seq = 0;
    long id;
    int rc;

    if (attachment_head(&id, &size, want, s, record, name, e) != 0)
        return -1;
    const struct db_val v[] = { DB_INT(id) };
    if (db_query(&st, s, "SELECT seq, data FROM attachment_chunk"
                 " WHERE attachment_id = ?1 ORDER BY seq", v, DB_N(v), e) != 0)
        return -1;
    crypto_generichash_init(&h, NULL, 0, sizeof got);
    while ((rc = db_step(st, s, "reading the attachment", e)) > 0) {
        const unsigned char *data = sqlite3_column_blob(st, 1);
        size_t n = (size_t)sqlite3_column_bytes(st, 1);

        if (sqlite3_column_int64(st, 0) != seq++ || n == 0 || n > ATTACHMENT_CHUNK) {
            rc = err_set(e, EXIT_INPUT, "attachment '%s' is damaged in the store", name);
            break;
        }
        if (verify)
            crypto_generichash_update(&h, data, n);
        total += n;
        if ((rc = fn(ctx, data, n, e)) != 0)
            break;
    }
    sqlite3_finalize(st);
    crypto_generichash_final(&h, got, sizeof got);
    if (rc == 0 && (total != size || (verify && sodium_memcmp(got, want, sizeof got) != 0)))
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
           attachment_head(id, &size, hash, s, record, name, e) == 0 ? 0 : -1;
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
    /* Its chunks go with it (ON DELETE CASCADE); secure_delete zeroes them.
     * The log names the record, never the file's name. */
    /* Contacts that received it are told (issue 16, F9). */
    if (db_notice_owed_removal(s, id, e) != 0 ||
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
