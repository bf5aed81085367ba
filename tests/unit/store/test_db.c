/* store/db.c: the connection (page sizes, pragmas, schema, damage told
 * apart from a wrong passphrase), transactions and the statement helpers.
 * The first tests moved from test_store.c, unchanged. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include "store/db.h"
#include "tests/unit/vfsfault.h"

#include <errno.h>

static long page_size(struct store *s)
{
    sqlite3_stmt *st;
    long n = -1;

    assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA page_size", -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* New stores have 16 KiB pages; a store made with SQLCipher's 1 KiB
 * default (before that change) still opens, with its data. */
static void test_page_sizes(void **state)
{
    struct fixture *f = *state;
    struct store *s = NULL;
    char sql[5000], hex[2 * 32 + 1], db[4200], old[4200], buf[64];
    struct err e;

    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_int_equal(page_size(s), 16384);
    /* The same content, keyed the same, in a file of 1 KiB pages. */
    snprintf(db, sizeof db, "%s/store.db", f->dir);
    snprintf(old, sizeof old, "%s/old.db", f->dir);
    sodium_bin2hex(hex, sizeof hex, s->master, 32);
    /* The store's connection may not create files: make it first. */
    assert_int_equal(close(open(old, O_WRONLY | O_CREAT | O_EXCL, 0600)), 0);
    snprintf(sql, sizeof sql, "ATTACH DATABASE '%s' AS old KEY \"x'%s'\";"
             "PRAGMA old.cipher_page_size = 1024; SELECT sqlcipher_export('old');"
             "PRAGMA old.user_version = %d; DETACH DATABASE old;", old, hex,
             STORE_SCHEMA_VERSION);
    assert_int_equal(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
    store_close(s);
    s = NULL;
    assert_int_equal(rename(old, db), 0);
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_int_equal(page_size(s), 1024);
    assert_int_equal(store_meta_get(buf, sizeof buf, s, "label", &e), 0);
    assert_string_equal(buf, "field kit");
    store_close(s);
    /* Damage is still damage at either size. */
    assert_int_equal(truncate(db, 3000), 0);
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
}

/* Opening the store must fail as damage, never as a wrong passphrase. */
static void expect_db_damaged(const char *dir, const char *what)
{
    struct err e;

    err_clear(&e);
    if (open_pass(dir, pass, &e) != -1)
        fail_msg("%s: the store opened", what);
    if (e.code != EXIT_INPUT || strstr(e.msg, "damaged") == NULL ||
        strstr(e.msg, "wrong passphrase") != NULL)
        fail_msg("%s: exit %d, '%s'", what, e.code, e.msg);
}

/* SQLCipher 3 pages here are 1024 bytes: the data, a 16-byte IV, a 20-byte
 * HMAC-SHA1, and 12 bytes of padding (1012..1023) that no HMAC covers, so
 * a change there is not damage.  Flips avoid the padding. */
#define PAGE 1024
#define PAD_START 1012

static void test_truncated_db(void **state)
{
    struct fixture *f = *state;
    char db[400];
    unsigned char *orig;
    size_t len, cuts[8], n = 0;
    char what[64];

    path_in(db, sizeof db, f->dir, STORE_DB_NAME);
    orig = slurp(db, &len);
    assert_true(len >= 4 * PAGE);
    /* Into the last HMAC, all of it: SQLite fills a short read with
     * zeros, so a cut of its last byte alone went unseen whenever that
     * byte was 0 (1 run in 256). */
    cuts[n++] = len - (PAGE - PAD_START) - 20;
    cuts[n++] = len - PAGE;                     /* a whole page gone */
    cuts[n++] = len / 2;
    cuts[n++] = PAGE;
    cuts[n++] = 100;
    cuts[n++] = 16;
    cuts[n++] = 1;
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(truncate(db, (off_t)cuts[i]), 0);
        snprintf(what, sizeof what, "truncated to %zu of %zu bytes", cuts[i], len);
        expect_db_damaged(f->dir, what);
        spit(db, orig, len);
    }
    assert_int_equal(open_pass(f->dir, pass, &(struct err){0}), 0);
    free(orig);
}

static void test_empty_db(void **state)
{
    /* A store.db emptied (0 bytes) must not open as a brand-new, empty
     * store (SQLite treats an empty file as an empty database). */
    struct fixture *f = *state;
    char db[400];

    path_in(db, sizeof db, f->dir, STORE_DB_NAME);
    assert_int_equal(truncate(db, 0), 0);
    expect_db_damaged(f->dir, "truncated to 0 bytes");
}

static void test_flipped_db_bytes(void **state)
{
    static const size_t in_page[] = { 0, 17, 500, 980, 1000, PAD_START - 1 };
    struct fixture *f = *state;
    char db[400], what[80];
    unsigned char *orig, *buf;
    size_t len, npages;

    path_in(db, sizeof db, f->dir, STORE_DB_NAME);
    orig = slurp(db, &len);
    assert_int_equal(len % PAGE, 0);
    npages = len / PAGE;
    buf = malloc(len);
    assert_non_null(buf);
    /* Page 1 (whose first 16 bytes are the salt), page 2 and later ones. */
    for (size_t pg = 0; pg < npages; pg += (pg < 2 ? 1 : 3)) {
        for (size_t k = 0; k < sizeof in_page / sizeof in_page[0]; k++) {
            size_t off = pg * PAGE + in_page[k];
            memcpy(buf, orig, len);
            buf[off] ^= 0x04;
            spit(db, buf, len);
            snprintf(what, sizeof what, "byte %zu (page %zu) of %zu flipped", off, pg + 1, len);
            expect_db_damaged(f->dir, what);
        }
    }
    spit(db, orig, len);
    assert_int_equal(open_pass(f->dir, pass, &(struct err){0}), 0);
    free(orig);
    free(buf);
}

static void test_no_temp_files(void **state)
{
    struct fixture *f = *state;
    struct store *s = NULL;
    struct err e;

    /* Every test so far ran with TMPDIR and SQLITE_TMPDIR here: SQLite's
     * temp files (etilqs_*) would have been left or at least created there
     * while open; temp_store=MEMORY keeps them away. */
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_int_equal(count_entries(tmpd), 0);
    assert_int_equal(store_set_passphrase(s, newpass, strlen(newpass), &e), 0);
    store_close(s);
    assert_int_equal(count_entries(tmpd), 0);
    /* Nothing else in the store folder either (no leftovers of the atomic
     * keyslot write, no journal): the keyslots, the database, the folder of
     * attachment files. */
    assert_int_equal(count_entries(f->dir), 3);
}

/* ---- Pragmas and schema: what every connection sets, read back ---- */

static long pragma(struct store *s, const char *sql)
{
    long v = -1;
    struct err e;

    if (db_int(&v, s, sql, NULL, 0, "testing", &e) != 1)
        fail_msg("%s: %s", sql, e.msg);
    return v;
}

static void test_pragmas(void **state)
{
    struct fixture *f = *state;
    sqlite3_stmt *st;

    assert_int_equal(pragma(f->s, "PRAGMA temp_store"), 2);          /* MEMORY */
    assert_int_equal(pragma(f->s, "PRAGMA synchronous"), 2);         /* FULL */
    assert_int_equal(pragma(f->s, "PRAGMA secure_delete"), 1);
    assert_int_equal(pragma(f->s, "PRAGMA foreign_keys"), 1);
    assert_int_equal(pragma(f->s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    assert_int_equal(sqlite3_prepare_v2(f->s->db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
}

static void test_newer_schema_refused(void **state)
{
    struct fixture *f = *state;
    char want[128];
    struct err e;

    assert_int_equal(db_exec(f->s, "PRAGMA user_version = 99", &e), 0);
    store_close(f->s);
    f->s = NULL;
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(want, sizeof want, "this store has schema version 99; this intake knows up to %d: upgrade intake",
             STORE_SCHEMA_VERSION);
    assert_string_equal(e.msg, want);
}

/* A store of version 8 gains the statement, notice and tombstone tables
 * (issue 16) when opened. */
static void test_migration_8_to_9(void **state)
{
    struct fixture *f = *state;
    struct err e;

    /* Version 8's tables, as they were: no contact key, no digest. */
    assert_int_equal(db_exec(f->s, "DROP TRIGGER attachment_blob_gone; DROP TABLE blob_gone;"
                     " DROP INDEX attachment_blob;"
                     " DROP TABLE tombstone; DROP TABLE notice; DROP TABLE notice_11;"
                     " DROP TABLE notice_12; DROP TABLE notice_17; DROP TABLE tombstone_12; DROP TABLE export_attachment;"
                     " DROP TABLE statement; DROP TABLE scope_pending; DROP TABLE record_route;"
                     " DROP TABLE consent;"
                     " CREATE TABLE consent(id INTEGER PRIMARY KEY,"
                     "  subject_id INTEGER NOT NULL REFERENCES subject(id) ON DELETE CASCADE,"
                     "  export INTEGER NOT NULL, quote INTEGER NOT NULL, publish INTEGER NOT NULL,"
                     "  attachments INTEGER NOT NULL, method TEXT NOT NULL, embargo TEXT NOT NULL,"
                     "  withdrawn INTEGER NOT NULL, date TEXT NOT NULL);"
                     " CREATE INDEX consent_subject ON consent(subject_id);"
                     " DROP TABLE export_recipient; DROP TABLE export_record;"
                     " CREATE TABLE export_record(export_id INTEGER NOT NULL REFERENCES export(id)"
                     "  ON DELETE CASCADE, rid TEXT NOT NULL, version INTEGER NOT NULL,"
                     "  PRIMARY KEY(export_id, rid));"
                     " CREATE INDEX export_record_rid ON export_record(rid);"
                     " CREATE TABLE export_recipient(export_id INTEGER NOT NULL REFERENCES export(id)"
                     "  ON DELETE CASCADE, name TEXT NOT NULL, PRIMARY KEY(export_id, name));"
                     " PRAGMA user_version = 8", &e), 0);
    store_close(f->s);
    f->s = NULL;
    assert_int_equal(store_open(&f->s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_int_equal(pragma(f->s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    assert_int_equal(pragma(f->s, "SELECT count(*) FROM sqlite_master WHERE name = 'statement'"), 1);
    assert_int_equal(pragma(f->s, "SELECT count(*) FROM sqlite_master WHERE name = 'notice'"), 1);
    /* Version 12: a notice may be of kind scope. */
    assert_int_equal(pragma(f->s, "SELECT count(*) FROM sqlite_master WHERE name = 'notice'"
                            " AND sql LIKE '%''scope''%'"), 1);
    assert_int_equal(pragma(f->s, "SELECT count(*) FROM sqlite_master WHERE name = 'tombstone'"), 1);
    /* Version 13: re-consent and removal notices, with a round. */
    assert_int_equal(pragma(f->s, "SELECT count(*) FROM sqlite_master WHERE name IN"
                            " ('notice', 'tombstone') AND sql LIKE '%''reconsent''%'"
                            " AND sql LIKE '%round%'"), 2);
    /* Version 14: a re-consent's tombstone keeps when its scope was recorded. */
    assert_int_equal(pragma(f->s, "SELECT count(*) FROM sqlite_master WHERE name = 'tombstone'"
                            " AND sql LIKE '%since TEXT%'"), 1);
    assert_int_equal(pragma(f->s, "SELECT count(*) FROM sqlite_master WHERE name = 'scope_pending'"), 1);
    /* Version 15 (issue 16 A1): a consent's counter, kept and carried. */
    assert_int_equal(pragma(f->s, "SELECT count(*) FROM sqlite_master WHERE name IN"
                            " ('consent', 'scope_pending') AND sql LIKE '%seq INTEGER%'"), 2);
    assert_int_equal(pragma(f->s, "SELECT count(*) FROM sqlite_master WHERE name = 'tombstone'"
                            " AND sql LIKE '%since_seq INTEGER%'"), 1);
    assert_int_equal(pragma(f->s, "SELECT count(*) FROM sqlite_master WHERE name = 'export_recipient'"
                            " AND sql LIKE '%sign_pk%'"), 1);
    assert_int_equal(pragma(f->s, "SELECT count(*) FROM sqlite_master WHERE name = 'export_record'"
                            " AND sql LIKE '%digest%'"), 1);
}

/* ---- Statement helpers ---- */

static void make_table(struct store *s)
{
    struct err e;

    if (db_exec(s, "CREATE TEMP TABLE t(a TEXT NOT NULL, b INTEGER, c BLOB, d, e)", &e) != 0)
        fail_msg("%s", e.msg);
}

static void test_run_binds_each_type(void **state)
{
    struct fixture *f = *state;
    static const unsigned char blob[] = { 1, 2, 0, 3 };
    const struct db_val v[] = {
        DB_TEXT("Хэнтий 함경"), DB_INT(-5000000000L), DB_BLOB(blob, sizeof blob),
        DB_TEXT(NULL), DB_ID(0),
    };
    const struct db_val id[] = { DB_ID(7) };
    long n = -1;
    struct err e;

    make_table(f->s);
    assert_int_equal(db_run(f->s, "INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5)", v, DB_N(v),
                            "testing", &e), 0);
    assert_int_equal(db_int(&n, f->s, "SELECT count(*) FROM t WHERE a = 'Хэнтий 함경'"
                            " AND b = -5000000000 AND c = x'01020003' AND d IS NULL AND e IS NULL",
                            NULL, 0, "testing", &e), 1);
    assert_int_equal(n, 1);
    /* The same values read back by binding them again. */
    assert_int_equal(db_int(&n, f->s, "SELECT count(*) FROM t WHERE a = ?1 AND b = ?2 AND c = ?3"
                            " AND d IS ?4 AND e IS ?5", v, DB_N(v), "testing", &e), 1);
    assert_int_equal(n, 1);
    assert_int_equal(db_run(f->s, "UPDATE t SET e = ?1", id, DB_N(id), "testing", &e), 0);
    assert_int_equal(db_int(&n, f->s, "SELECT e FROM t", NULL, 0, "testing", &e), 1);
    assert_int_equal(n, 7);
}

static void test_int_without_row(void **state)
{
    struct fixture *f = *state;
    const struct db_val v[] = { DB_TEXT("none") };
    long n = 42;
    struct err e;

    make_table(f->s);
    assert_int_equal(db_int(&n, f->s, "SELECT b FROM t WHERE a = ?1", v, DB_N(v), "testing", &e), 0);
    assert_int_equal(n, 42);
}

static void test_count_of_values_must_match(void **state)
{
    struct fixture *f = *state;
    const struct db_val v[] = { DB_TEXT("x"), DB_INT(1), DB_INT(2) };
    sqlite3_stmt *st = (sqlite3_stmt *)&st;
    struct err e;

    make_table(f->s);
    assert_int_equal(db_run(f->s, "INSERT INTO t(a, b) VALUES (?1, ?2)", v, 1, "testing", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "internal error: 1 values for a statement with 2 parameters");
    assert_int_equal(db_query(&st, f->s, "SELECT ?1, ?2", v, DB_N(v), &e), -1);
    assert_null(st);
    assert_string_equal(e.msg, "internal error: 3 values for a statement with 2 parameters");
    assert_int_equal(db_run(f->s, "DELETE FROM t", NULL, 0, "testing", &e), 0);
}

static void test_errors_name_what_was_done(void **state)
{
    struct fixture *f = *state;
    const struct db_val v[] = { DB_TEXT(NULL) };
    long n;
    struct err e;

    make_table(f->s);
    assert_int_equal(db_run(f->s, "INSERT INTO t(a) VALUES (?1)", v, DB_N(v), "adding a test row",
                            &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "database error while adding a test row: NOT NULL constraint failed: t.a");
    assert_int_equal(db_run(f->s, "SELECT 1", NULL, 0, "testing", &e), -1);
    assert_string_equal(e.msg, "internal error: a statement returned rows while testing");
    assert_int_equal(db_int(&n, f->s, "SELECT nosuch FROM t", NULL, 0, "testing", &e), -1);
    assert_string_equal(e.msg, "database error while preparing a query: no such column: nosuch");
    assert_int_equal(db_exec(f->s, "NOT SQL", &e), -1);
    assert_string_equal(e.msg, "database error while updating the store: near \"NOT\": syntax error");
}

static void test_step_walks_rows(void **state)
{
    struct fixture *f = *state;
    const struct db_val v[] = { DB_INT(2) };
    sqlite3_stmt *st;
    long sum = 0;
    int rc, rows = 0;
    struct err e;

    make_table(f->s);
    assert_int_equal(db_exec(f->s, "INSERT INTO t(a, b) VALUES ('x', 1), ('y', 2), ('z', 3)", &e), 0);
    assert_int_equal(db_query(&st, f->s, "SELECT b FROM t WHERE b >= ?1 ORDER BY b", v, DB_N(v), &e), 0);
    while ((rc = db_step(st, f->s, "testing", &e)) > 0) {
        sum += sqlite3_column_int64(st, 0);
        rows++;
    }
    assert_int_equal(rc, 0);
    sqlite3_finalize(st);
    assert_int_equal(rows, 2);
    assert_int_equal(sum, 5);
}

/* ---- Transactions ---- */

static long rows_in_t(struct store *s)
{
    long n = -1;
    struct err e;

    assert_int_equal(db_int(&n, s, "SELECT count(*) FROM t", NULL, 0, "testing", &e), 1);
    return n;
}

static void test_transactions(void **state)
{
    struct fixture *f = *state;
    const struct db_val v[] = { DB_TEXT("x") };
    struct err e;

    make_table(f->s);
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(db_run(f->s, "INSERT INTO t(a) VALUES (?1)", v, DB_N(v), "testing", &e), 0);
    store_rollback(f->s);
    assert_int_equal(rows_in_t(f->s), 0);
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_begin(f->s, &e), -1);
    assert_string_equal(e.msg, "database error while updating the store:"
                        " cannot start a transaction within a transaction");
    assert_int_equal(db_run(f->s, "INSERT INTO t(a) VALUES (?1)", v, DB_N(v), "testing", &e), 0);
    assert_int_equal(store_commit(f->s, &e), 0);
    assert_int_equal(rows_in_t(f->s), 1);
    assert_int_equal(store_commit(f->s, &e), -1);
    assert_string_equal(e.msg, "database error while saving the change:"
                        " cannot commit - no transaction is active");
    store_rollback(f->s);                /* nothing to roll back: harmless */
    assert_int_equal(rows_in_t(f->s), 1);
}

static void quiet(void *ctx, uint64_t done, uint64_t total)
{
    (void)ctx;
    (void)done;
    (void)total;
}

/* A shared store (intake shell): each reference dropped leaves no
 * transaction and no watcher behind; the last one closes it. */
static void test_share(void **state)
{
    struct fixture *f = *state;
    const struct db_val v[] = { DB_TEXT("x") };
    const struct progress p = { quiet, NULL };
    struct store *s;
    struct err e;

    make_table(f->s);
    s = store_share(f->s);
    assert_ptr_equal(s, f->s);
    store_watch(s, &p);
    assert_ptr_equal(f->s->watcher.fn, quiet);
    assert_int_equal(store_begin(s, &e), 0);
    assert_int_equal(db_run(s, "INSERT INTO t(a) VALUES (?1)", v, DB_N(v), "testing", &e), 0);
    store_close(s);                      /* one reference less: still open */
    assert_null(f->s->watcher.fn);
    assert_int_equal(rows_in_t(f->s), 0);
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(db_run(f->s, "INSERT INTO t(a) VALUES (?1)", v, DB_N(v), "testing", &e), 0);
    assert_int_equal(store_commit(f->s, &e), 0);
    assert_int_equal(rows_in_t(f->s), 1);
    assert_int_equal(f->s->refs, 1);
}

/* ---- Small helpers ---- */

static void test_path_and_now(void **state)
{
    char out[8], now[32];
    struct err e;
    size_t i;

    (void)state;
    assert_int_equal(db_path(out, sizeof out, "/a", "bcde", &e), 0);     /* 7 bytes and a NUL */
    assert_string_equal(out, "/a/bcde");
    assert_int_equal(db_path(out, sizeof out, "/a", "bcdef", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "store folder path too long");
    db_now(now, sizeof now);
    assert_int_equal(strlen(now), 20);
    for (i = 0; i < 20; i++) {
        if (i == 4 || i == 7)
            assert_int_equal(now[i], '-');
        else if (i == 10)
            assert_int_equal(now[i], 'T');
        else if (i == 13 || i == 16)
            assert_int_equal(now[i], ':');
        else if (i == 19)
            assert_int_equal(now[i], 'Z');
        else
            assert_true(now[i] >= '0' && now[i] <= '9');
    }
    db_now(now, 20);                     /* no room for the NUL: empty */
    assert_string_equal(now, "");
}

/* Each condition its own message; "damaged" only for data that fails. */
static void test_explain(void **state)
{
    struct fixture *f = *state;
    struct err e;

    err_clear(&e);
    db_explain(&e, f->dir, SQLITE_BUSY, 0, "database is locked", "saving the record");
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "another intake is using the store in"));
    db_explain(&e, f->dir, SQLITE_FULL, 0, "database or disk is full", "saving the record");
    assert_non_null(strstr(e.msg, "is full (while saving the record); nothing was changed"));
    db_explain(&e, f->dir, SQLITE_IOERR_SHMSIZE, ENOSPC, "disk I/O error", "opening");
    assert_non_null(strstr(e.msg, "is full"));
    db_explain(&e, f->dir, SQLITE_READONLY, 0, "attempt to write a readonly database", "x");
    assert_non_null(strstr(e.msg, "cannot be written (read-only)"));
    db_explain(&e, f->dir, SQLITE_CANTOPEN, EROFS, "unable to open database file", "x");
    assert_non_null(strstr(e.msg, "cannot be written (Read-only file system)"));
    db_explain(&e, f->dir, SQLITE_IOERR_READ, EIO, "disk I/O error", "reading");
    assert_non_null(strstr(e.msg, "an I/O error (Input/output error)"));
    db_explain(&e, f->dir, SQLITE_CORRUPT, 0, "database disk image is malformed", "reading");
    assert_non_null(strstr(e.msg, "is damaged (database disk image is malformed); restore it"));
    db_explain(&e, f->dir, SQLITE_NOMEM, 0, "out of memory", "reading");
    assert_non_null(strstr(e.msg, "out of memory"));
    db_explain(&e, f->dir, SQLITE_CONSTRAINT, 0, "UNIQUE constraint failed", "adding");
    assert_string_equal(e.msg, "database error while adding: UNIQUE constraint failed");
}

/* The message of an I/O error (errno err's text, or what without one) on
 * the store in dir while doing. */
static void io_message(char *out, size_t outlen, const char *dir, const char *what,
                       const char *doing)
{
    snprintf(out, outlen, "an I/O error (%s) on the disk holding %s while %s; nothing was "
             "changed: check the disk (the system log may say more)", what, dir, doing);
}

/* Issue 14 item 4's kind: a page that cannot be read is never "damaged".
 * Each read of opening the store (its pages checked, quick_check) fails
 * in turn with EIO: every time the I/O error is told, with its cause;
 * one of them inside the check, where it once read "damaged". */
static void test_read_fails_never_damage(void **state)
{
    struct fixture *f = *state;
    char opening[1024], checking[1024];
    unsigned long n;
    int in_check = 0;
    struct err e;

    io_message(opening, sizeof opening, f->dir, "Input/output error", "opening the database");
    io_message(checking, sizeof checking, f->dir, "Input/output error", "checking the database");
    for (n = 1; n < 1000; n++) {
        vfsfault_arm("pread64", n, EIO, NULL);
        err_clear(&e);
        if (open_pass(f->dir, pass, &e) == 0) {
            assert_false(vfsfault_landed());
            break;
        }
        vfsfault_disarm();
        assert_int_equal(e.code, EXIT_INPUT);
        if (strcmp(e.msg, checking) == 0)
            in_check++;
        else if (strcmp(e.msg, opening) != 0)
            fail_msg("read %lu failing: '%s'", n, e.msg);
    }
    vfsfault_disarm();
    assert_true(n > 3 && n < 1000);
    assert_true(in_check > 0);
    assert_int_equal(open_pass(f->dir, pass, &e), 0);
}

/* The quick_check line of a page that could not be read names SQLite's
 * code: an I/O error or no memory is told as such, anything else (a
 * page whose HMAC fails, in SQLCipher) is damage. */
static void test_check_lines(void **state)
{
    (void)state;
    assert_int_equal(db_check_code("*** in database main ***\nPage 3: unable to get the "
                                   "page. error code=266"), SQLITE_IOERR_READ);
    assert_int_equal(db_check_code("Page 3: unable to get the page. error code=7"),
                     SQLITE_NOMEM);
    assert_int_equal(db_check_code("Page 3: unable to get the page. error code=1"),
                     SQLITE_CORRUPT);
    assert_int_equal(db_check_code("Page 3: btreeInitPage() returns error code 11"),
                     SQLITE_CORRUPT);
    assert_int_equal(db_check_code("row 4 missing from index record_subject"), SQLITE_CORRUPT);
}

/* Issue 14: an I/O error while making the write-ahead log was reported
 * as "No such file or directory" (SQLite retries read-only and keeps
 * that errno); the first open's own errno is told, each its own kind. */
static void test_wal_open_fails(void **state)
{
    struct fixture *f = *state;
    char want[1024];
    struct err e;

    vfsfault_arm("open", 1, EIO, "-wal");
    err_clear(&e);
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    assert_true(vfsfault_landed());
    io_message(want, sizeof want, f->dir, "Input/output error", "opening the database");
    assert_string_equal(e.msg, want);
    /* No room: opened again without the shared index (below). */
    vfsfault_arm("open", 1, ENOSPC, "-wal");
    assert_int_equal(open_pass(f->dir, pass, &e), 0);
    assert_true(vfsfault_landed());
    vfsfault_disarm();
    assert_int_equal(open_pass(f->dir, pass, &e), 0);
}

/* A full disk has no room for SQLite's shared index (the -shm file is
 * sized by writing its last byte): the store opens for reading all the
 * same, its index in the connection's memory, and reads what it holds;
 * another connection meanwhile waits, then says another intake is using
 * the store. */
static void test_full_disk_opens_for_reading(void **state)
{
    struct fixture *f = *state;
    struct store *s = NULL;
    char want[1024];
    struct err e;
    long n = -1;

    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                                strlen(pass), &e), 0);
    add_subject(s, "Kim Jong-su", "Rim-il");
    store_close(s);
    s = NULL;
    vfsfault_arm("pwrite64", 1, ENOSPC, NULL);
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                                strlen(pass), &e), 0);
    assert_true(vfsfault_landed());
    vfsfault_disarm();
    assert_int_equal(db_int(&n, s, "SELECT count(*) FROM subject", NULL, 0, "counting", &e), 1);
    assert_int_equal(n, 1);
    err_clear(&e);
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    snprintf(want, sizeof want, "another intake is using the store in %s (waited %d seconds); "
             "nothing was changed: try again when it has finished", f->dir,
             STORE_BUSY_MS / 1000);
    assert_string_equal(e.msg, want);
    store_close(s);
    assert_int_equal(open_pass(f->dir, pass, &e), 0);
}

/* Each write of a change (the label, logged) failing in turn, with EIO
 * or a full disk: the message says which, exactly; after it the store
 * opens, its log verifies, and it holds the old label, or (only where
 * the message says it may have been saved) the new one. */
static void test_each_write_fails(void **state)
{
    struct fixture *f = *state;
    char may[1024], full[1024], label[64];
    unsigned long n;
    struct log_check c;
    struct store *s;
    struct err e;

    snprintf(may, sizeof may, "an I/O error (Input/output error) on the disk holding %s while "
             "saving the change: it may or may not have been saved; check with 'intake log' "
             "once the disk is fine", f->dir);
    snprintf(full, sizeof full, "the disk holding %s is full (while saving the change); "
             "nothing was changed: free some space and try again", f->dir);
    for (n = 1; n < 200; n++) {
        int err = n % 2 ? EIO : ENOSPC, rc;
        s = NULL;
        assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                                    strlen(pass), &e), 0);
        vfsfault_arm("pwrite64", n, err, NULL);
        err_clear(&e);
        rc = store_set_label(s, "base camp", &e);
        vfsfault_disarm();
        store_close(s);
        if (!vfsfault_landed()) {
            assert_int_equal(rc, 0);
            break;
        }
        assert_int_equal(rc, -1);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_string_equal(e.msg, err == EIO ? may : full);
        s = NULL;
        assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                                    strlen(pass), &e), 0);
        assert_int_equal(store_log_verify(&c, s, &e), 0);
        assert_int_equal(store_meta_get(label, sizeof label, s, "label", &e), 0);
        if (strcmp(label, "field kit") != 0 && (err != EIO || strcmp(label, "base camp") != 0))
            fail_msg("write %lu failing: the label is '%s' after '%s'", n, label, may);
        store_close(s);
    }
    assert_true(n > 2 && n < 200);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)
#define O(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_page_sizes),
        O(test_share),
        T(test_explain),
        T(test_truncated_db),
        T(test_empty_db),
        T(test_flipped_db_bytes),
        O(test_pragmas),
        O(test_newer_schema_refused),
        O(test_migration_8_to_9),
        O(test_run_binds_each_type),
        O(test_int_without_row),
        O(test_count_of_values_must_match),
        O(test_errors_name_what_was_done),
        O(test_step_walks_rows),
        O(test_transactions),
        cmocka_unit_test(test_path_and_now),
        T(test_no_temp_files),
        T(test_read_fails_never_damage),
        cmocka_unit_test(test_check_lines),
        T(test_wal_open_fails),
        T(test_full_disk_opens_for_reading),
        T(test_each_write_fails),
    };
    if (vfsfault_install() != 0)
        return 1;
    return cmocka_run_group_tests(tests, setup, teardown);
}
