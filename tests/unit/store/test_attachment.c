/* store/attachment.c and store/blob.c: attachments stored in files of
 * ChaCha20-Poly1305 chunks beside the database, read back in order, each
 * chunk authenticated, their size and hash checked; the files of removed
 * attachments and those no row names wiped; a store of version 16 (its
 * attachments in attachment_chunk rows) migrated. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include "store/blob.h"                  /* the files and rows, altered directly */

#define BIG (2 * ATTACHMENT_CHUNK + 1234)

/* Stores buf[0..len) as attachment name of record rid, written in pieces
 * of step bytes, in one transaction; its hash into hash. */
static int attach(unsigned char hash[ATTACHMENT_HASHBYTES], struct store *s, const char *rid,
                  const char *name, const unsigned char *buf, size_t len, size_t step,
                  struct err *e)
{
    struct attachment_writer *w;

    if (store_begin(s, e) != 0)
        return -1;
    if (store_attachment_begin(&w, s, rid, name, "audio/ogg", 0, e) != 0) {
        store_rollback(s);
        return -1;
    }
    for (size_t at = 0; at < len; at += step) {
        if (store_attachment_write(w, buf + at, len - at < step ? len - at : step, e) != 0) {
            store_attachment_abort(w);
            store_rollback(s);
            return -1;
        }
    }
    if (store_attachment_end(w, hash, e) != 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

static void test_store_and_read(void **state)
{
    struct fixture *f = *state;
    unsigned char *data = random_bytes(BIG), hash[ATTACHMENT_HASHBYTES], want[ATTACHMENT_HASHBYTES];
    struct readback r = { NULL, 0, 0, 0 };
    char id[RECORD_ID_CHARS + 1];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "b");
    assert_int_equal(attach(hash, f->s, id, "memo.ogg", data, BIG, 1000, &e), 0);
    crypto_generichash(want, sizeof want, data, BIG, NULL, 0);
    assert_memory_equal(hash, want, sizeof want);
    r.buf = malloc(BIG);
    assert_non_null(r.buf);
    assert_int_equal(store_attachment_read(f->s, id, "memo.ogg", 1, take, &r, &e), 0);
    assert_int_equal(r.len, BIG);
    assert_memory_equal(r.buf, data, BIG);
    assert_int_equal(r.pieces, 3);
    assert_int_equal(r.largest, ATTACHMENT_CHUNK);
    free(r.buf);
    free(data);
}

struct listing {
    char buf[512];
};

static int collect(void *ctx, const struct attachment_row *a, struct err *e)
{
    struct listing *l = ctx;
    size_t used = strlen(l->buf);

    (void)e;
    assert_int_equal(strlen(a->added), 20);
    snprintf(l->buf + used, sizeof l->buf - used, "%s %s %s %llu %d %02x;", a->record, a->name,
             a->type, (unsigned long long)a->size, a->gps, a->hash[0]);
    return 0;
}

static void test_list(void **state)
{
    struct fixture *f = *state;
    unsigned char data[10] = "0123456789", h1[ATTACHMENT_HASHBYTES], h2[ATTACHMENT_HASHBYTES];
    struct attachment_writer *w;
    struct listing l = { "" };
    char id[RECORD_ID_CHARS + 1], want[512];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "b");
    assert_int_equal(attach(h1, f->s, id, "z.ogg", data, sizeof data, 3, &e), 0);
    /* An empty attachment, a photo with a position. */
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_attachment_begin(&w, f->s, id, "a.jpg", "image/jpeg", 1, &e), 0);
    assert_int_equal(store_attachment_end(w, h2, &e), 0);
    assert_int_equal(store_commit(f->s, &e), 0);
    assert_int_equal(store_attachment_each(f->s, id, collect, &l, &e), 0);
    snprintf(want, sizeof want, "%s a.jpg image/jpeg 0 1 %02x;%s z.ogg audio/ogg 10 0 %02x;",
             id, h2[0], id, h1[0]);
    assert_string_equal(l.buf, want);
    l.buf[0] = '\0';
    assert_int_equal(store_attachment_each(f->s, "nosuchrecord", collect, &l, &e), 0);
    assert_string_equal(l.buf, "");
    l.buf[0] = '\0';
    assert_int_equal(store_attachment_each(f->s, NULL, collect, &l, &e), 0);
    assert_string_equal(l.buf, want);
}

static void test_refusals(void **state)
{
    struct fixture *f = *state;
    static const char *const bad[] = { "", "a/b", ".", ".." };
    unsigned char data[4] = "abcd", h[ATTACHMENT_HASHBYTES];
    struct attachment_writer *w = NULL;
    struct readback r = { data, 0, 0, 0 };
    char id[RECORD_ID_CHARS + 1], want[256];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "b");
    assert_int_equal(attach(h, f->s, id, "a.bin", data, sizeof data, 4, &e), 0);
    assert_int_equal(attach(h, f->s, id, "a.bin", data, sizeof data, 4, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "the record already has an attachment named 'a.bin'; nothing was changed");
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(store_attachment_begin(&w, f->s, id, bad[i], "x/y", 0, &e), -1);
        assert_string_equal(e.msg, "an attachment name must be 1 to 255 bytes without '/'");
        assert_null(w);
    }
    assert_int_equal(store_attachment_begin(&w, f->s, id, "b.bin", "", 0, &e), -1);
    assert_string_equal(e.msg, "bad attachment type");
    assert_int_equal(store_attachment_begin(&w, f->s, "nope", "b.bin", "x/y", 0, &e), -1);
    assert_string_equal(e.msg, "no record with id 'nope' (see 'intake list')");
    assert_int_equal(store_attachment_read(f->s, id, "c.bin", 1, take, &r, &e), -1);
    snprintf(want, sizeof want, "record '%s' has no attachment named 'c.bin' (see 'intake show %s')", id, id);
    assert_string_equal(e.msg, want);
    assert_int_equal(r.pieces, 0);
    store_attachment_abort(NULL);
}

static void alter(struct store *s, const char *sql)
{
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(s->db));
}

/* The path of the file of attachment name (any record). */
static void file_of(char *out, size_t outlen, struct store *s, const char *dir, const char *name)
{
    sqlite3_stmt *st;

    assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT blob FROM attachment WHERE name = ?1", -1,
                                        &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(out, outlen, "%s/" BLOB_DIR_NAME "/%s", dir, (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

static const char damaged_msg[] =
    "attachment 'm.ogg' is damaged in the store; restore the store from a backup";

/* Reads m.ogg of id with the file at path changed to buf[0..len):
 * refused as damaged, after got bytes came through. */
static void refused(struct fixture *f, const char *id, const char *path,
                    const unsigned char *buf, size_t len, size_t got)
{
    struct readback r = { NULL, 0, 0, 0 };
    struct err e;

    r.buf = malloc(BIG);
    assert_non_null(r.buf);
    spit(path, buf, len);
    assert_int_equal(store_attachment_read(f->s, id, "m.ogg", 0, take, &r, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, damaged_msg);
    assert_int_equal(r.len, got);
    free(r.buf);
}

static void test_damage_is_caught(void **state)
{
    struct fixture *f = *state;
    unsigned char *data = random_bytes(BIG), h[ATTACHMENT_HASHBYTES], *file, *more;
    struct readback r = { NULL, 0, 0, 0 };
    char id[RECORD_ID_CHARS + 1], path[512];
    size_t len, chunk = BLOB_CHUNK + 16;
    struct err e;

    r.buf = malloc(BIG);
    assert_non_null(r.buf);
    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "b");
    assert_int_equal(attach(h, f->s, id, "m.ogg", data, BIG, BIG, &e), 0);
    file_of(path, sizeof path, f->s, f->dir, "m.ogg");
    file = slurp(path, &len);
    assert_int_equal(len, BLOB_HEAD_BYTES + BIG + 3 * 16);
    /* A byte of the second chunk: the first chunk came through, never a
     * byte of the damaged one. */
    file[BLOB_HEAD_BYTES + chunk + 7] ^= 1;
    refused(f, id, path, file, len, ATTACHMENT_CHUNK);
    file[BLOB_HEAD_BYTES + chunk + 7] ^= 1;
    /* Its tag, the header, the last chunk cut off, a byte added, the
     * last two chunks swapped with the first. */
    file[len - 1] ^= 0x80;
    refused(f, id, path, file, len, 2 * ATTACHMENT_CHUNK);
    file[len - 1] ^= 0x80;
    file[3] ^= 1;
    refused(f, id, path, file, len, 0);
    file[3] ^= 1;
    refused(f, id, path, file, BLOB_HEAD_BYTES + 2 * chunk, 2 * ATTACHMENT_CHUNK);
    more = malloc(len + 1);
    assert_non_null(more);
    memcpy(more, file, len);
    more[len] = 0;
    refused(f, id, path, more, len + 1, BIG);
    memcpy(more + BLOB_HEAD_BYTES, file + BLOB_HEAD_BYTES + chunk, chunk);
    memcpy(more + BLOB_HEAD_BYTES + chunk, file + BLOB_HEAD_BYTES, chunk);
    refused(f, id, path, more, len, 0);
    /* Whole again, it reads. */
    spit(path, file, len);
    assert_int_equal(store_attachment_read(f->s, id, "m.ogg", 1, take, &r, &e), 0);
    assert_memory_equal(r.buf, data, BIG);
    /* The file gone. */
    assert_int_equal(unlink(path), 0);
    r.len = 0;
    assert_int_equal(store_attachment_read(f->s, id, "m.ogg", 0, take, &r, &e), -1);
    assert_string_equal(e.msg, damaged_msg);
    /* Another attachment's file in its place (another key). */
    assert_int_equal(attach(h, f->s, id, "n.ogg", data, BIG, BIG, &e), 0);
    file_of(path, sizeof path, f->s, f->dir, "n.ogg");
    free(file);
    file = slurp(path, &len);
    file_of(path, sizeof path, f->s, f->dir, "m.ogg");
    assert_int_equal(creat(path, 0600) >= 0, 1);
    refused(f, id, path, file, len, 0);
    /* The hash in the row, with verify. */
    alter(f->s, "UPDATE attachment SET hash = zeroblob(32) WHERE name = 'n.ogg'");
    r.len = 0;
    assert_int_equal(store_attachment_read(f->s, id, "n.ogg", 0, take, &r, &e), 0);
    r.len = 0;
    assert_int_equal(store_attachment_read(f->s, id, "n.ogg", 1, take, &r, &e), -1);
    assert_string_equal(e.msg, "attachment 'n.ogg' is damaged in the store (size or hash differ);"
                        " restore the store from a backup");
    free(more);
    free(file);
    free(r.buf);
    free(data);
}

/* A removed attachment's file is gone when the removal returns; a file no
 * row names (a killed attach) is wiped by the next open alone. */
static void test_files_removed(void **state)
{
    struct fixture *f = *state;
    unsigned char *data = random_bytes(BIG), h[ATTACHMENT_HASHBYTES];
    char id[RECORD_ID_CHARS + 1], path[512], blobs[300], stray[600];
    struct err e;

    path_in(blobs, sizeof blobs, f->dir, BLOB_DIR_NAME);
    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "b");
    assert_int_equal(attach(h, f->s, id, "m.ogg", data, BIG, BIG, &e), 0);
    assert_int_equal(attach(h, f->s, id, "n.ogg", data, 10, 10, &e), 0);
    assert_int_equal(count_entries(blobs), 2);
    file_of(path, sizeof path, f->s, f->dir, "m.ogg");
    assert_int_equal(store_attachment_remove(f->s, id, "m.ogg", &e), 0);
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(count_entries(blobs), 1);
    /* A file no row names, and one written but rolled back. */
    snprintf(stray, sizeof stray, "%s/0123456789abcdef0123456789abcdef", blobs);
    assert_true(creat(stray, 0600) >= 0);
    {
        struct attachment_writer *w;
        assert_int_equal(store_begin(f->s, &e), 0);
        assert_int_equal(store_attachment_begin(&w, f->s, id, "o.ogg", "audio/ogg", 0, &e), 0);
        assert_int_equal(store_attachment_write(w, data, 100, &e), 0);
        assert_int_equal(store_attachment_end(w, h, &e), 0);
        store_rollback(f->s);
    }
    assert_int_equal(count_entries(blobs), 3);
    /* Not while another intake has the store open (it may be writing). */
    assert_int_equal(open_pass(f->dir, pass, &e), 0);
    assert_int_equal(count_entries(blobs), 3);
    store_close(f->s);
    f->s = NULL;
    assert_int_equal(open_pass(f->dir, pass, &e), 0);
    assert_int_equal(count_entries(blobs), 1);
    /* A record deleted: its attachments' files go with it. */
    assert_int_equal(store_open(&f->s, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                                strlen(pass), &e), 0);
    alter(f->s, "DELETE FROM record");
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_commit(f->s, &e), 0);
    assert_int_equal(count_entries(blobs), 0);
    free(data);
}

/* A store of version 16 (the bytes in attachment_chunk rows) opens with
 * them in files, the rows emptied. */
static void test_migration_15_to_16(void **state)
{
    struct fixture *f = *state;
    unsigned char *data = random_bytes(BIG), h[ATTACHMENT_HASHBYTES];
    struct readback r = { NULL, 0, 0, 0 };
    char id[RECORD_ID_CHARS + 1], blobs[300];
    sqlite3_stmt *st;
    struct err e;

    path_in(blobs, sizeof blobs, f->dir, BLOB_DIR_NAME);
    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "b");
    crypto_generichash(h, sizeof h, data, BIG, NULL, 0);
    /* Version 15's schema, but for the two columns (left empty: SQLite
     * 3.15 has no DROP COLUMN; blob_schema adds them where missing). */
    alter(f->s, "DROP TRIGGER attachment_blob_gone; DROP TABLE blob_gone;"
          " DROP INDEX attachment_blob;");
    assert_int_equal(sqlite3_prepare_v2(f->s->db, "INSERT INTO attachment(record_id, name, type,"
                     " size, hash, gps, added) VALUES ((SELECT id FROM record), 'm.ogg', 'audio/ogg',"
                     " ?1, ?2, 0, '2024-01-01'), ((SELECT id FROM record), 'e.txt', 'text/plain',"
                     " 0, ?3, 0, '2024-01-01')", -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_int64(st, 1, BIG);
    sqlite3_bind_blob(st, 2, h, sizeof h, SQLITE_STATIC);
    {
        unsigned char empty[ATTACHMENT_HASHBYTES];
        crypto_generichash(empty, sizeof empty, NULL, 0, NULL, 0);
        sqlite3_bind_blob(st, 3, empty, sizeof empty, SQLITE_TRANSIENT);
    }
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    for (int i = 0; i < 3; i++) {
        size_t at = (size_t)i * ATTACHMENT_CHUNK, n = BIG - at < ATTACHMENT_CHUNK ? BIG - at
                                                                                : ATTACHMENT_CHUNK;
        assert_int_equal(sqlite3_prepare_v2(f->s->db, "INSERT INTO attachment_chunk(attachment_id,"
                         " seq, data) VALUES ((SELECT id FROM attachment WHERE name = 'm.ogg'),"
                         " ?1, ?2)", -1, &st, NULL), SQLITE_OK);
        sqlite3_bind_int(st, 1, i);
        sqlite3_bind_blob(st, 2, data + at, (int)n, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(st), SQLITE_DONE);
        sqlite3_finalize(st);
    }
    alter(f->s, "PRAGMA user_version = 16");
    store_close(f->s);
    f->s = NULL;
    assert_int_equal(store_open(&f->s, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                                strlen(pass), &e), 0);
    assert_int_equal(count_entries(blobs), 2);
    assert_int_equal(sqlite3_prepare_v2(f->s->db, "SELECT count(*) FROM attachment_chunk", -1,
                                        &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
    r.buf = malloc(BIG);
    assert_non_null(r.buf);
    assert_int_equal(store_attachment_read(f->s, id, "m.ogg", 1, take, &r, &e), 0);
    assert_int_equal(r.len, BIG);
    assert_memory_equal(r.buf, data, BIG);
    r.len = 0;
    assert_int_equal(store_attachment_read(f->s, id, "e.txt", 1, take, &r, &e), 0);
    assert_int_equal(r.len, 0);
    free(r.buf);
    free(data);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_store_and_read),
        T(test_list),
        T(test_refusals),
        T(test_damage_is_caught),
        T(test_files_removed),
        T(test_migration_15_to_16),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
