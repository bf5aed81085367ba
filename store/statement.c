/* Audit statements: signing one, importing one, listing them per record
 * (store/statement.h). */
#include "store/statement.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "crypto/secmem.h"
#include "export/bundle.h"
#include "store/db.h"
#include "util/fileio.h"

_Static_assert(STATEMENT_HASHBYTES == BUNDLE_HASHBYTES, "a statement names a bundle hash");

static void utc_day(char out[STATEMENT_DAYCHARS + 1])
{
    time_t now = time(NULL);
    struct tm tm;

    if (gmtime_r(&now, &tm) == NULL || strftime(out, STATEMENT_DAYCHARS + 1, "%Y-%m-%d", &tm) == 0)
        snprintf(out, STATEMENT_DAYCHARS + 1, "1970-01-01");
}

/* Signs st with the device's key into text. */
static int sign_with_device(char *text, size_t len, struct statement *st, struct store *s,
                            struct err *e)
{
    unsigned char *sk = secmem_alloc(crypto_sign_SECRETKEYBYTES + crypto_box_SECRETKEYBYTES);
    unsigned char box_pk[crypto_box_PUBLICKEYBYTES];
    int rc;

    if (sk == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    rc = store_device_public(st->signer, box_pk, s, e) == 0 &&
         store_device_secret(sk, sk + crypto_sign_SECRETKEYBYTES, s, e) == 0 &&
         statement_sign(text, len, st, sk, e) == 0 ? 0 : -1;
    secmem_free(sk);
    return rc;
}

int store_attest(struct statement *st, struct store *s, const char *path,
                 const unsigned char *bundle, int verdict, const char *report, size_t len,
                 struct err *e)
{
    char text[STATEMENT_TEXT_MAX], hex[2 * STATEMENT_HASHBYTES + 1];

    memset(st, 0, sizeof *st);
    memcpy(st->bundle, bundle, sizeof st->bundle);
    st->verdict = verdict;
    utc_day(st->day);
    statement_digest(st->report, report, len);
    sodium_bin2hex(hex, sizeof hex, bundle, STATEMENT_HASHBYTES);
    if (sign_with_device(text, sizeof text, st, s, e) != 0 || store_begin(s, e) != 0)
        return -1;
    if (store_log(s, "statement.write", hex, e) != 0 ||
        file_write_atomic(path, text, strlen(text), 0, e) != 0) {
        store_rollback(s);
        return -1;
    }
    if (store_commit(s, e) != 0) {
        unlink(path);
        return -1;
    }
    return 0;
}

int store_statement_file(const char *path)
{
    unsigned char head[4096];   /* bytes: room for a line or two before BEGIN */
    struct err e;
    ssize_t n;
    int fd;

    if (file_open_regular(&fd, path, 0, NULL, &e) != 0)
        return 0;
    n = fd_read_full(fd, head, sizeof head);
    close(fd);
    return n > 0 && statement_mentioned(head, (size_t)n);
}

/* The row id of the import of bundle, or EXIT_AUTH when there is none:
 * never received, or every record of it refused (an import that changes
 * nothing is not kept, store/import.c changed_nothing; adv19c C-7). */
static int find_import(long *id, struct store *s, const struct statement *st, struct err *e)
{
    const struct db_val v[] = { DB_BLOB(st->bundle, sizeof st->bundle) };
    char hex[2 * STATEMENT_HASHBYTES + 1];
    int rc = db_int(id, s, "SELECT id FROM import WHERE hash = ?1", v, DB_N(v),
                    "reading the imports", e);

    if (rc < 0)
        return -1;
    sodium_bin2hex(hex, sizeof hex, st->bundle, sizeof st->bundle);
    if (rc == 0)
        return err_set(e, EXIT_AUTH, "the statement is about bundle %.16s, which no import "
                       "here kept (one this store never received, or one whose every record it "
                       "refused: 'intake import' of that bundle says why); nothing was imported", hex);
    return 0;
}

static int insert_statement(struct store *s, const struct statement *st, long import_id,
                            const struct statement_import *r, struct err *e)
{
    char now[32];
    const struct db_val v[] = {
        DB_BLOB(st->bytes, sizeof st->bytes), DB_INT(import_id),
        DB_BLOB(st->signer, sizeof st->signer), DB_TEXT(r->auditor), DB_TEXT(r->verdict),
        DB_TEXT(st->day), DB_BLOB(st->report, sizeof st->report), DB_TEXT(now),
    };

    db_now(now, sizeof now);
    if (db_run(s, "INSERT INTO statement(bytes, import_id, signer_pk, auditor, verdict, day,"
               " report, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", v, DB_N(v),
               "keeping the statement", e) != 0 ||
        store_log(s, "statement.import", r->bundle, e) != 0)
        return -1;
    return 0;
}

/* Checks who signed it and what it is about; fills r. */
static int check_statement(long *import_id, struct statement_import *r, struct store *s,
                           const struct statement *st, struct err *e)
{
    char key[2 * crypto_sign_PUBLICKEYBYTES + 1];
    const struct db_val v[] = { DB_BLOB(st->bytes, sizeof st->bytes) };
    long one;
    int rc;

    if (store_contact_by_sign_pk(r->auditor, sizeof r->auditor, &r->verified, s, st->signer,
                                 e) != 0)
        return -1;
    /* This store's own statement (headquarters audited what it imported):
     * its own key, known without a card; shown under its label. */
    if (r->auditor[0] == '\0') {
        const struct db_val k[] = { DB_BLOB(st->signer, sizeof st->signer) };
        sqlite3_stmt *q;

        rc = db_first(&q, s, "SELECT value FROM meta WHERE key = 'label' AND EXISTS (SELECT 1"
                      " FROM device WHERE id = 1 AND sign_pk = ?1)", k, DB_N(k),
                      "reading this store's key", e);
        if (rc > 0) {
            snprintf(r->auditor, sizeof r->auditor, "%s", (const char *)sqlite3_column_text(q, 0));
            r->verified = 1;
        }
        sqlite3_finalize(q);
        if (rc < 0)
            return -1;
    }
    sodium_bin2hex(key, sizeof key, st->signer, sizeof st->signer);
    if (r->auditor[0] == '\0')
        return err_set(e, EXIT_AUTH, "the statement was signed by an unknown auditor (signing "
                       "key %s); add their card with 'intake contact add'; nothing was imported",
                       key);
    if (find_import(import_id, s, st, e) != 0)
        return -1;
    const struct db_val c[] = { DB_INT(*import_id) };
    if (db_int(&r->records, s, "SELECT count(*) FROM record_origin WHERE import_id = ?1",
               c, DB_N(c), "reading the imports", e) < 0)
        return -1;
    rc = db_int(&one, s, "SELECT 1 FROM statement WHERE bytes = ?1", v, DB_N(v),
                "reading the statements", e);
    if (rc < 0)
        return -1;
    r->seen = rc;
    return 0;
}

int store_statement_import(struct statement_import *r, struct store *s, const char *path,
                           struct err *e)
{
    struct statement st;
    unsigned char *text = NULL;
    size_t len = 0;
    long import_id = 0;
    int rc;

    memset(r, 0, sizeof *r);
    if (file_read_all(path, STATEMENT_TEXT_MAX, &text, &len, "statement", e) != 0)
        return -1;
    rc = statement_read(&st, text, len, e);
    free(text);
    if (rc != 0)
        return -1;
    sodium_bin2hex(r->bundle, sizeof r->bundle, st.bundle, sizeof st.bundle);
    memcpy(r->day, st.day, sizeof r->day);
    r->verdict = statement_verdict_name(st.verdict);
    /* Checked under the write lock: another intake importing the same
     * statement at once is then "imported before", not a clash. */
    if (store_begin(s, e) != 0)
        return -1;
    if (check_statement(&import_id, r, s, &st, e) != 0 ||
        (!r->seen && insert_statement(s, &st, import_id, r, e) != 0)) {
        store_rollback(s);
        return -1;
    }
    if (r->seen) {
        store_rollback(s);
        return 0;
    }
    return store_commit(s, e);
}

int store_statement_each(struct store *s, const char *id, statement_fn fn, void *ctx,
                         struct err *e)
{
    const struct db_val v[] = { DB_TEXT(id) };
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, "SELECT t.auditor, t.day, t.verdict, t.at, i.hash, t.report"
                 " FROM record r JOIN record_origin o ON o.record_id = r.id"
                 " JOIN import i ON i.id = o.import_id"
                 " JOIN statement t ON t.import_id = i.id"
                 " WHERE r.rid = ?1 ORDER BY t.id", v, DB_N(v), e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the statements", e)) > 0) {
        struct statement_row row = { 0 };

        row.auditor = (const char *)sqlite3_column_text(st, 0);
        row.day = (const char *)sqlite3_column_text(st, 1);
        row.verdict = (const char *)sqlite3_column_text(st, 2);
        row.at = (const char *)sqlite3_column_text(st, 3);
        if (sqlite3_column_bytes(st, 4) == STATEMENT_HASHBYTES)
            sodium_bin2hex(row.bundle, sizeof row.bundle, sqlite3_column_blob(st, 4),
                           STATEMENT_HASHBYTES);
        if (sqlite3_column_bytes(st, 5) == STATEMENT_DIGESTBYTES)
            sodium_bin2hex(row.report, sizeof row.report, sqlite3_column_blob(st, 5),
                           STATEMENT_DIGESTBYTES);
        rc = fn(ctx, &row, e);
        if (rc != 0)
            break;
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : rc;
}
