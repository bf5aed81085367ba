/* Records: testimony with its title, date, place, language and tags, and
 * the full-text index over them. */
#include "store/db.h"

#include <stdlib.h>
#include <string.h>

#include "store/subject.h"

#define MAX_TAGS 64

/* A short, opaque, random id that travels with the record: 80 bits in
 * lowercase Crockford base32. */
static void new_record_id(char *out)
{
    static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
    unsigned char rnd[10];
    unsigned int acc = 0, bits = 0;
    size_t o = 0;

    randombytes_buf(rnd, sizeof rnd);
    for (size_t i = 0; i < sizeof rnd; i++) {
        acc = (acc << 8) | rnd[i];
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out[o++] = alphabet[(acc >> bits) & 31];
        }
    }
    out[o] = '\0';
}

int store_record_fields_check(const struct record_row *r, struct err *e)
{
    const char *fields[] = { r->title, r->place, r->lang };
    const char *what[] = { "--title", "--place", "--lang" };

    for (size_t i = 0; i < 3; i++) {
        if (fields[i] == NULL)
            continue;
        if (strlen(fields[i]) > TEXT_FIELD_MAX)
            return err_set(e, EXIT_INPUT, "%s is too long", what[i]);
        if (text_check(fields[i], strlen(fields[i]), 0, what[i], e) != 0)
            return -1;
    }
    if (r->ntags > MAX_TAGS)
        return err_set(e, EXIT_INPUT, "at most %d tags", MAX_TAGS);
    for (size_t i = 0; i < r->ntags; i++)
        if (r->tags[i][0] == '\0' || strlen(r->tags[i]) > 256 ||
            text_check(r->tags[i], strlen(r->tags[i]), 0, "--tag", e) != 0)
            return err_set(e, EXIT_INPUT, "a --tag must be 1 to 256 characters of plain text");
    return r->body == NULL ? 0 : text_check(r->body, strlen(r->body), 1, "the body", e);
}

static int insert_record(long *rowid, struct store *s, long sid, const char *id,
                         const struct record_row *r, struct err *e)
{
    char now[32];
    const struct db_val v[] = {
        DB_TEXT(id), DB_INT(sid), DB_TEXT(r->title != NULL ? r->title : ""), DB_TEXT(r->date),
        DB_TEXT(r->place), DB_TEXT(r->lang), DB_TEXT(r->body), DB_TEXT(now),
    };

    db_now(now, sizeof now);
    if (db_run(s, "INSERT INTO record(rid, subject_id, title, date, place, lang, body, created)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", v, DB_N(v), "adding the record", e) != 0)
        return -1;
    *rowid = sqlite3_last_insert_rowid(s->db);
    return 0;
}

static int insert_index(struct store *s, long rowid, const struct record_row *r,
                        struct err *e)
{
    const struct db_val v[] = { DB_INT(rowid), DB_TEXT(r->title != NULL ? r->title : ""), DB_TEXT(r->body) };

    if (db_run(s, "INSERT INTO record_fts(docid, title, body) VALUES (?1, ?2, ?3)", v, DB_N(v),
               "indexing the record", e) != 0)
        return -1;
    for (size_t i = 0; i < r->ntags; i++) {
        const struct db_val t[] = { DB_INT(rowid), DB_TEXT(r->tags[i]) };
        if (db_run(s, "INSERT OR IGNORE INTO record_tag(record_id, tag) VALUES (?1, ?2)", t, DB_N(t),
                   "adding the tags", e) != 0)
            return -1;
    }
    return 0;
}

int store_record_check(struct store *s, const char *pseudonym, const struct record_row *r,
                       struct err *e)
{
    long sid = 0;

    if (store_record_fields_check(r, e) != 0)
        return -1;
    return db_subject_id(&sid, s, pseudonym, e);
}

int store_record_add(char *id, size_t idlen, struct store *s,
                     const char *pseudonym, const struct record_row *r,
                     struct err *e)
{
    long sid = 0, rowid = 0;

    if (idlen < RECORD_ID_CHARS + 1)
        return err_set(e, EXIT_INPUT, "record id buffer too small");
    if (store_record_fields_check(r, e) != 0 || store_begin(s, e) != 0)
        return -1;
    new_record_id(id);
    if (db_subject_id(&sid, s, pseudonym, e) != 0 ||
        insert_record(&rowid, s, sid, id, r, e) != 0 ||
        insert_index(s, rowid, r, e) != 0 ||
        store_log(s, "record.add", id, e) != 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

/* The ids starting with the lower-case form of given, two at most. */
static int ids_starting(char (*ids)[RECORD_ID_CHARS + 1], size_t *n, struct store *s,
                        const char *given, struct err *e)
{
    char start[RECORD_ID_CHARS + 1];
    const struct db_val v[] = { DB_TEXT(start) };
    sqlite3_stmt *st;
    size_t len = strlen(given);
    int rc;

    for (size_t i = 0; i <= len; i++)
        start[i] = (char)(given[i] >= 'A' && given[i] <= 'Z' ? given[i] - 'A' + 'a' : given[i]);
    /* A range over the sorted ids, so the index finds them: rid >= start
     * and rid < start followed by the highest id character. */
    if (db_query(&st, s, "SELECT rid FROM record WHERE rid >= ?1 AND rid < ?1 || '~'"
                 " ORDER BY rid LIMIT 2", v, DB_N(v), e) != 0)
        return -1;
    *n = 0;
    while ((rc = db_step(st, s, "finding the record", e)) > 0)
        snprintf(ids[(*n)++], RECORD_ID_CHARS + 1, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

int store_record_id_check(const char *given, struct err *e)
{
    size_t len = strlen(given);

    if (len > RECORD_ID_CHARS || strspn(given, "0123456789abcdefghjkmnpqrstvwxyz"
                                       "ABCDEFGHJKMNPQRSTVWXYZ") != len || len == 0)
        return err_set(e, EXIT_INPUT, "no record with id '%.40s' (see 'intake list')", given);
    if (len < RECORD_ID_MIN_TYPED)
        return err_set(e, EXIT_INPUT, "'%s' is too short for a record id: give at least %d "
                       "of its characters (see 'intake list')", given, RECORD_ID_MIN_TYPED);
    return 0;
}

int store_record_id(char *id, size_t idlen, struct store *s, const char *given,
                    struct err *e)
{
    char ids[2][RECORD_ID_CHARS + 1];
    size_t n = 0;

    if (idlen < RECORD_ID_CHARS + 1)
        return err_set(e, EXIT_INPUT, "record id buffer too small");
    if (store_record_id_check(given, e) != 0 || ids_starting(ids, &n, s, given, e) != 0)
        return -1;
    if (n == 0)
        return err_set(e, EXIT_INPUT, "no record with id '%s' (see 'intake list')", given);
    if (n > 1)
        return err_set(e, EXIT_INPUT, "more than one record id starts with '%s': give more "
                       "of its characters (see 'intake list')", given);
    snprintf(id, idlen, "%s", ids[0]);
    return 0;
}

static const char record_query[] =
    "SELECT r.rid, r.date, s.pseudonym, r.title, r.place, r.lang,"
    " CASE WHEN ?5 THEN r.body END, r.created,"
    " (SELECT group_concat(tag, char(31)) FROM record_tag t WHERE t.record_id = r.id)"
    " FROM record r JOIN subject s ON s.id = r.subject_id"
    " WHERE (?1 IS NULL OR s.id = " DB_SUBJECT_NAMED("?1") ")"
    " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM record_tag t WHERE t.record_id = r.id AND t.tag = ?2))"
    " AND (?3 IS NULL OR r.id IN (SELECT docid FROM record_fts WHERE record_fts MATCH ?3))"
    " AND (?4 IS NULL OR r.rid = ?4)"
    " ORDER BY r.date, r.created, r.rid";

static int split_tags(struct record_row *row, char **buf, const char *joined)
{
    static const char *tags[MAX_TAGS];
    size_t n = 0;

    row->tags = tags;
    row->ntags = 0;
    *buf = NULL;
    if (joined == NULL)
        return 0;
    *buf = strdup(joined);
    if (*buf == NULL)
        return -1;
    for (char *p = *buf; p != NULL && n < MAX_TAGS;) {
        char *sep = strchr(p, '\x1f');
        tags[n++] = p;
        if (sep != NULL)
            *sep++ = '\0';
        p = sep;
    }
    row->ntags = n;
    return 0;
}

static int emit_row(sqlite3_stmt *st, record_fn fn, void *ctx, struct err *e)
{
    struct record_row row = { 0 };
    char *tagbuf;
    int rc;

    row.id = (const char *)sqlite3_column_text(st, 0);
    row.date = (const char *)sqlite3_column_text(st, 1);
    row.pseudonym = (const char *)sqlite3_column_text(st, 2);
    row.title = (const char *)sqlite3_column_text(st, 3);
    row.place = (const char *)sqlite3_column_text(st, 4);
    row.lang = (const char *)sqlite3_column_text(st, 5);
    row.body = (const char *)sqlite3_column_text(st, 6);
    row.created = (const char *)sqlite3_column_text(st, 7);
    if (split_tags(&row, &tagbuf, (const char *)sqlite3_column_text(st, 8)) != 0)
        return err_set(e, EXIT_INPUT, "out of memory");
    rc = fn(ctx, &row, e);
    free(tagbuf);
    return rc;
}

int store_record_each(struct store *s, const struct record_filter *f,
                      record_fn fn, void *ctx, struct err *e)
{
    const struct db_val v[] = {
        DB_TEXT(f->subject), DB_TEXT(f->tag), DB_TEXT(f->query), DB_TEXT(f->id), DB_INT(f->with_body),
    };
    sqlite3_stmt *st;
    int rc = 0, step;

    if (db_query(&st, s, record_query, v, DB_N(v), e) != 0)
        return -1;
    while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = emit_row(st, fn, ctx, e);
    if (rc == 0 && step != SQLITE_DONE) {
        if (f->query != NULL && (sqlite3_errcode(s->db) & 0xff) == SQLITE_ERROR)
            rc = err_set(e, EXIT_INPUT, "cannot search for '%s': %s", f->query, sqlite3_errmsg(s->db));
        else
            rc = db_fail(s, e, "reading records");
    }
    sqlite3_finalize(st);
    return rc;
}
