/* The full-text index of records (store/words.h, store/db.h): each
 * record's fields in NFC and the words store/words.h adds, indexed inside
 * the caller's transaction, and the whole index filled again (migration
 * 6 -> 7). Calls only store/db_sql.c. */
#include "store/db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "crypto/secmem.h"
#include "privacy/pseudonym.h"
#include "store/words.h"
#include "util/intl.h"

/* ---- The full-text index (store/words.h) ---- */

/* The record's fields in NFC (title, body, place, tags a line each), one
 * after the other in fields[], and their index words. */
struct indexed {
    char *field[4];
    size_t len[4];
    char *words;
};

static void indexed_free(struct indexed *x)
{
    for (size_t i = 0; i < 4; i++)
        secmem_wipe_free(x->field[i]);
    secmem_wipe_free(x->words);
}

static int index_fields(struct indexed *x, sqlite3_stmt *st, struct err *e)
{
    char *all;
    size_t total = 0, at = 0, wlen;
    int rc;

    memset(x, 0, sizeof *x);
    for (int i = 0; i < 4; i++) {
        const char *t = (const char *)sqlite3_column_text(st, i);
        size_t n = (size_t)sqlite3_column_bytes(st, i);
        if (words_nfc(&x->field[i], &x->len[i], t != NULL ? t : "", t != NULL ? n : 0) != 0)
            return err_set(e, EXIT_INPUT, "out of memory while indexing a record");
        total += x->len[i] + 1;
    }
    all = secmem_wipe_malloc(total);
    if (all == NULL)
        return err_set(e, EXIT_INPUT, "out of memory while indexing a record");
    for (int i = 0; i < 4; i++) {
        memcpy(all + at, x->field[i], x->len[i]);
        at += x->len[i];
        all[at++] = '\n';
    }
    rc = words_index(&x->words, &wlen, all, total);
    secmem_wipe_free(all);
    return rc == 0 ? 0 : err_set(e, EXIT_INPUT, "out of memory while indexing a record");
}

static const char index_select[] =
    "SELECT r.title, r.body, r.place, (SELECT group_concat(tag, char(10)) FROM record_tag t"
    " WHERE t.record_id = r.id), r.id FROM record r WHERE ?1 IS NULL OR r.id = ?1";

/* Indexes each record that st (index_select) returns. */
static int index_rows(struct store *s, sqlite3_stmt *st, struct err *e)
{
    int rc;

    while ((rc = db_step(st, s, "indexing the records", e)) > 0) {
        struct indexed x;

        if (index_fields(&x, st, e) != 0) {
            indexed_free(&x);
            return -1;
        }
        const struct db_val v[] = {
            DB_INT(sqlite3_column_int64(st, 4)), DB_TEXT(x.field[0]), DB_TEXT(x.field[1]),
            DB_TEXT(x.field[2]), DB_TEXT(x.field[3]), DB_TEXT(x.words),
        };
        rc = db_run(s, "INSERT INTO record_fts(docid, title, body, place, tags, words)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", v, DB_N(v), "indexing a record", e);
        indexed_free(&x);
        if (rc != 0)
            return -1;
    }
    return rc;
}

static int index_where(struct store *s, long rowid, struct err *e)
{
    const struct db_val v[] = { DB_ID(rowid) };
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, index_select, v, DB_N(v), e) != 0)
        return -1;
    rc = index_rows(s, st, e);
    sqlite3_finalize(st);
    return rc;
}

int db_index_record(struct store *s, long rowid, struct err *e)
{
    const struct db_val v[] = { DB_INT(rowid) };

    if (db_run(s, "DELETE FROM record_fts WHERE docid = ?1", v, DB_N(v), "indexing a record",
               e) != 0)
        return -1;
    return index_where(s, rowid, e);
}

/* Migration 6 -> 7: every record into the new index. */
int db_reindex(struct store *s, struct err *e)
{
    return index_where(s, 0, e);
}
