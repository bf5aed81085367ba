/* Records: testimony with its title, date, place, language and tags, and
 * the full-text index over them. */
#include "store/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "util/fileio.h"

#include "store/record.h"
#include "store/notice.h"
#include "store/subject.h"
#include "store/tombstone.h"
#include "store/words.h"

#define MAX_TAGS 64

int store_record_fields_check(const struct record_row *r, struct err *e)
{
    const char *fields[] = { r->title, r->place, r->lang };
    const char *what[] = { "--title", "--place", "--lang" };

    for (size_t i = 0; i < 3; i++) {
        if (fields[i] == NULL)
            continue;
        if (strlen(fields[i]) > TEXT_FIELD_MAX)
            return err_set(e, EXIT_INPUT, "%s is too long", what[i]);
        if (text_check_field(fields[i], strlen(fields[i]), what[i], e) != 0)
            return -1;
    }
    if (r->ntags > MAX_TAGS)
        return err_set(e, EXIT_INPUT, "at most %d tags", MAX_TAGS);
    for (size_t i = 0; i < r->ntags; i++)
        if (r->tags[i][0] == '\0' || strlen(r->tags[i]) > 256 ||
            text_check_field(r->tags[i], strlen(r->tags[i]), "--tag", e) != 0)
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

static int insert_tags(struct store *s, long rowid, const char *const *tags, size_t ntags,
                       struct err *e)
{
    for (size_t i = 0; i < ntags; i++) {
        const struct db_val t[] = { DB_INT(rowid), DB_TEXT(tags[i]) };
        if (db_run(s, "INSERT OR IGNORE INTO record_tag(record_id, tag) VALUES (?1, ?2)", t, DB_N(t),
                   "adding the tags", e) != 0)
            return -1;
    }
    return 0;
}

int db_record_id(long *rowid, struct store *s, const char *id, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(id) };
    int rc = db_int(rowid, s, "SELECT id FROM record WHERE rid = ?1", v, DB_N(v),
                    "finding the record", e);

    if (rc == 0)
        return err_set(e, EXIT_INPUT, "no record with id '%s' (see 'intake list')", id);
    return rc > 0 ? 0 : -1;
}

int db_record_add_tags(struct store *s, long rowid, const struct record_row *r, struct err *e)
{
    return insert_tags(s, rowid, r->tags, r->ntags, e) == 0 ? db_index_record(s, rowid, e) : -1;
}

int store_record_check(struct store *s, const char *pseudonym, const struct record_row *r,
                       struct err *e)
{
    long sid = 0;

    if (store_record_fields_check(r, e) != 0)
        return -1;
    return db_subject_id(&sid, s, pseudonym, e);
}

int store_record_room(struct store *s, unsigned long long body_bytes, struct err *e)
{
    uint64_t need = 2 * (uint64_t)body_bytes + body_bytes / 16 + (1u << 20);
    uint64_t avail = fileio_free_bytes(s->dir);

    if (avail >= need)
        return 0;
    /* KiB: the sizes at stake are a few MiB, and "0 MiB" says nothing. */
    return err_set(e, EXIT_INPUT, "the disk holding %s is full: saving a record needs about "
                   "%llu KiB free and %llu KiB are; nothing was recorded: free some space and "
                   "try again", s->dir, (unsigned long long)((need + 1023) >> 10),
                   (unsigned long long)(avail >> 10));
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
    db_new_id(id);
    if (db_subject_id(&sid, s, pseudonym, e) != 0 ||
        insert_record(&rowid, s, sid, id, r, e) != 0 ||
        db_record_add_tags(s, rowid, r, e) != 0 ||
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
    " (SELECT group_concat(tag, char(31)) FROM record_tag t WHERE t.record_id = r.id),"
    " r.version, r.edited, s.uid"
    " FROM record r JOIN subject s ON s.id = r.subject_id"
    " WHERE (?1 IS NULL OR s.id = " DB_SUBJECT_NAMED("?1") ")"
    " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM record_tag t WHERE t.record_id = r.id AND t.tag = ?2))"
    " AND (?3 IS NULL OR r.id IN (SELECT docid FROM record_fts WHERE record_fts MATCH ?3))"
    " AND (?4 IS NULL OR r.rid = ?4)"
    " AND (?6 IS NULL OR r.date >= ?6)"
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
    row.version = (long)sqlite3_column_int64(st, 9);
    row.edited = (const char *)sqlite3_column_text(st, 10);
    row.subject = (const char *)sqlite3_column_text(st, 11);
    if (split_tags(&row, &tagbuf, (const char *)sqlite3_column_text(st, 8)) != 0)
        return err_set(e, EXIT_INPUT, "out of memory");
    rc = fn(ctx, &row, e);
    free(tagbuf);
    return rc;
}

int store_record_each(struct store *s, const struct record_filter *f,
                      record_fn fn, void *ctx, struct err *e)
{
    char *match = NULL;
    sqlite3_stmt *st;
    int rc = 0, step;

    if (f->query != NULL && !f->raw && words_query(&match, f->query, e) != 0)
        return -1;
    const struct db_val v[] = {
        DB_TEXT(f->subject), DB_TEXT(f->tag), DB_TEXT(match != NULL ? match : f->query),
        DB_TEXT(f->id), DB_INT(f->with_body), DB_TEXT(f->since),
    };
    rc = db_query(&st, s, record_query, v, DB_N(v), e);
    secmem_wipe_free(match);
    if (rc != 0)
        return -1;
    while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = emit_row(st, fn, ctx, e);
    if (rc == 0 && step != SQLITE_DONE) {
        /* SQLite's message would repeat the query: it is not shown. */
        if (f->query != NULL && (sqlite3_errcode(s->db) & 0xff) == SQLITE_ERROR)
            rc = err_set(e, EXIT_INPUT, "the index cannot read this query as FTS4 syntax; "
                         "without --raw, words are searched as they are typed");
        else
            rc = db_fail(s, e, "reading records");
    }
    sqlite3_finalize(st);
    return rc;
}

/* ---- Edit and delete ---- */

static int check_change(const struct record_change *c, struct err *e)
{
    struct record_row r = { 0 };

    r.title = c->title;
    r.place = c->place != NULL && c->place[0] != '\0' ? c->place : NULL;
    r.lang = c->lang;
    r.tags = c->tags;
    r.ntags = c->set_tags ? c->ntags : 0;
    r.body = c->body;
    if (c->body != NULL && c->body[0] == '\0')
        return err_set(e, EXIT_INPUT, "the testimony is empty; nothing was changed");
    if (c->body != NULL && text_blank(c->body))
        return err_set(e, EXIT_INPUT, "the testimony is only white space; nothing was changed");
    return store_record_fields_check(&r, e);
}

/* Row id of record id, made here: an imported record is its sender's. */
static int own_record(long *rowid, struct store *s, const char *id, struct err *e)
{
    long origin = 0;
    int rc;

    if (db_record_id(rowid, s, id, e) != 0)
        return -1;
    const struct db_val w[] = { DB_INT(*rowid) };
    rc = db_int(&origin, s, "SELECT count(*) FROM record_origin WHERE record_id = ?1", w, DB_N(w),
                "finding the record", e);
    if (rc < 0)
        return -1;
    if (origin > 0)
        return err_set(e, EXIT_INPUT, "record %s was imported: it is its sender's to correct "
                       "(ask them to send a correction); nothing was changed", id);
    return 0;
}

int store_record_edit_check(struct store *s, const char *id, const struct record_change *c,
                            struct err *e)
{
    long rowid;

    return check_change(c, e) == 0 ? own_record(&rowid, s, id, e) : -1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The tags as the record keeps them: sorted, once each, \x1f between. */
static char *tags_line(const char *const *tags, size_t n)
{
    const char **sorted = calloc(n + 1, sizeof *sorted);
    size_t len = 1, o = 0;
    char *out;

    if (sorted == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        sorted[i] = tags[i];
        len += strlen(tags[i]) + 1;
    }
    qsort(sorted, n, sizeof *sorted, cmp_str);
    out = secmem_wipe_malloc(len);
    if (out != NULL) {
        out[0] = '\0';
        for (size_t i = 0; i < n; i++) {
            if (i > 0 && strcmp(sorted[i], sorted[i - 1]) == 0)
                continue;
            o += (size_t)snprintf(out + o, len - o, "%s%s", o ? "\x1f" : "", sorted[i]);
        }
    }
    free(sorted);
    return out;
}

static int same(const char *a, const char *b)
{
    return (a == NULL || a[0] == '\0') ? (b == NULL || b[0] == '\0') : b != NULL && strcmp(a, b) == 0;
}

/* 1 if c would change nothing in the record at rowid, 0 if it would. */
static int unchanged(int *result, struct store *s, long rowid, const struct record_change *c,
                     struct err *e)
{
    const struct db_val v[] = { DB_INT(rowid) };
    sqlite3_stmt *st;
    char *want = NULL;
    int rc;

    if (db_query(&st, s, "SELECT title, date, place, lang, body, (SELECT group_concat(tag, char(31))"
                 " FROM (SELECT tag FROM record_tag WHERE record_id = ?1 ORDER BY tag))"
                 " FROM record WHERE id = ?1", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading the record", e);
    if (rc > 0 && c->set_tags && (want = tags_line(c->tags, c->ntags)) == NULL)
        rc = err_set(e, EXIT_INPUT, "out of memory");
    if (rc > 0) {
        const char *col[5];
        for (int i = 0; i < 5; i++)
            col[i] = (const char *)sqlite3_column_text(st, i);
        *result = (c->title == NULL || same(c->title, col[0])) &&
                  (c->date == NULL || same(c->date, col[1])) &&
                  (c->place == NULL || same(c->place, col[2])) &&
                  (c->lang == NULL || same(c->lang, col[3])) &&
                  (c->body == NULL || same(c->body, col[4])) &&
                  (!c->set_tags || same(want, (const char *)sqlite3_column_text(st, 5)));
        rc = 0;
    } else if (rc == 0) {
        rc = db_fail(s, e, "reading the record");
    }
    secmem_wipe_free(want);
    sqlite3_finalize(st);
    return rc;
}

int db_record_same(int *same, struct store *s, long rowid, const struct record_row *r,
                   struct err *e)
{
    const struct record_change c = {
        r->title != NULL ? r->title : "", r->date, r->place != NULL ? r->place : "",
        r->lang != NULL ? r->lang : "", r->tags, r->ntags, 1, r->body,
    };

    return unchanged(same, s, rowid, &c, e);
}

int db_record_replace(struct store *s, long rowid, const struct record_row *r, int edited,
                      struct err *e)
{
    char now[32];
    const struct db_val v[] = {
        DB_INT(rowid), DB_TEXT(r->title != NULL ? r->title : ""), DB_TEXT(r->date),
        DB_TEXT(r->place), DB_TEXT(r->lang), DB_TEXT(r->body), DB_INT(r->version), DB_TEXT(now),
        DB_INT(edited), DB_INT(r->revision),
    }, t[] = { DB_INT(rowid) };

    db_now(now, sizeof now);
    if (db_run(s, "UPDATE record SET title = ?2, date = ?3, place = ?4, lang = ?5, body = ?6,"
               " version = ?7, edited = CASE WHEN ?9 THEN ?8 ELSE edited END, revision = ?10"
               " WHERE id = ?1",
               v, DB_N(v), "replacing the record",
               e) != 0 ||
        db_run(s, "DELETE FROM record_tag WHERE record_id = ?1", t, DB_N(t), "replacing the record",
               e) != 0)
        return -1;
    return db_record_add_tags(s, rowid, r, e) == 0 ? db_scrub(s, e) : -1;
}

static int rewrite(struct store *s, long rowid, const struct record_change *c, struct err *e)
{
    char now[32];
    const char *place = c->place != NULL && c->place[0] == '\0' ? NULL : c->place;
    const struct db_val v[] = {
        DB_INT(rowid), DB_TEXT(c->title), DB_TEXT(c->date), DB_TEXT(place),
        DB_INT(c->place != NULL), DB_TEXT(c->lang), DB_TEXT(c->body), DB_TEXT(now),
    }, t[] = { DB_INT(rowid) };

    db_now(now, sizeof now);
    if (db_run(s, "UPDATE record SET title = coalesce(?2, title), date = coalesce(?3, date),"
               " place = CASE WHEN ?5 THEN ?4 ELSE place END, lang = coalesce(?6, lang),"
               " body = coalesce(?7, body), version = version + 1, edited = ?8 WHERE id = ?1",
               v, DB_N(v), "changing the record", e) != 0)
        return -1;
    if (c->set_tags &&
        (db_run(s, "DELETE FROM record_tag WHERE record_id = ?1", t, DB_N(t), "changing the tags",
                e) != 0 ||
         insert_tags(s, rowid, c->tags, c->ntags, e) != 0))
        return -1;
    return db_index_record(s, rowid, e) == 0 ? db_scrub(s, e) : -1;
}

int store_record_edit(long *version, int *changed, struct store *s, const char *id,
                      const struct record_change *c, struct err *e)
{
    char done[64];
    long rowid;
    int same_text = 0;

    *changed = 0;
    if (check_change(c, e) != 0 || store_begin(s, e) != 0)
        return -1;
    if (own_record(&rowid, s, id, e) != 0 || unchanged(&same_text, s, rowid, c, e) != 0 ||
        (!same_text && (rewrite(s, rowid, c, e) != 0 || store_log(s, "record.edit", id, e) != 0))) {
        store_rollback(s);
        return -1;
    }
    const struct db_val v[] = { DB_INT(rowid) };
    if (db_int(version, s, "SELECT version FROM record WHERE id = ?1", v, DB_N(v),
               "reading the record", e) < 0) {
        store_rollback(s);
        return -1;
    }
    if (same_text) {
        store_rollback(s);
        return 0;
    }
    if (store_commit(s, e) != 0)
        return -1;
    *changed = 1;
    snprintf(done, sizeof done, "record %s was changed (version %ld)", id, *version);
    return db_checkpoint_after(s, done, e);
}

int store_record_delete(struct store *s, const char *id, struct err *e)
{
    char done[64];
    long rowid;

    if (store_begin(s, e) != 0)
        return -1;
    if (db_record_id(&rowid, s, id, e) != 0) {
        store_rollback(s);
        return -1;
    }
    const struct db_val w[] = { DB_INT(rowid) };
    /* The index rows first: they are keyed by the record's row id, not by
     * a foreign key; tags, attachments and origin go with the record. */
    if (db_notice_owed(s, "deletion", 0, rowid, e) != 0 ||
        db_tombstone_local(s, rowid, e) != 0 ||
        db_run(s, "DELETE FROM record_fts WHERE docid = ?1", w, DB_N(w), "deleting the record",
               e) != 0 ||
        db_run(s, "DELETE FROM record WHERE id = ?1", w, DB_N(w), "deleting the record", e) != 0 ||
        db_scrub(s, e) != 0 || store_log(s, "record.delete", id, e) != 0) {
        store_rollback(s);
        return -1;
    }
    if (store_commit(s, e) != 0)
        return -1;
    snprintf(done, sizeof done, "record %s was deleted", id);
    return db_checkpoint_after(s, done, e);
}
