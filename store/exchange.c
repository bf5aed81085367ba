/* What the store remembers about bundles: each export (when, to whom,
 * which records, the bundle hash; never content) and each import (the
 * bundle hash, the sender, and which records it brought). */
#include "crypto/secmem.h"
#include "store/db.h"
#include "store/scope.h"
#include "store/subject.h"

#include "store/record.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The record ids, space separated: the export's line of them, as kept
 * since issue 5. */
static char *ids_line(const struct export_item *items, size_t n)
{
    char *line = malloc(n * (RECORD_ID_CHARS + 1) + 1);
    size_t o = 0;

    if (line == NULL)
        return NULL;
    line[0] = '\0';
    for (size_t i = 0; i < n; i++)
        o += (size_t)snprintf(line + o, RECORD_ID_CHARS + 2, "%s%.*s", o ? " " : "",
                              RECORD_ID_CHARS, items[i].id);
    return line;
}

static char *names_line(const char *const *to, size_t n)
{
    size_t len = 1, o = 0;
    char *line;

    for (size_t i = 0; i < n; i++)
        len += strlen(to[i]) + 1;
    if ((line = malloc(len)) == NULL)
        return NULL;
    line[0] = '\0';
    for (size_t i = 0; i < n; i++)
        o += (size_t)snprintf(line + o, len - o, "%s%s", o ? " " : "", to[i]);
    return line;
}

static int export_rows(struct store *s, long id, const char *const *to, size_t nto,
                       const struct export_item *items, size_t nitems, struct err *e)
{
    for (size_t i = 0; i < nto; i++) {
        const struct db_val v[] = { DB_INT(id), DB_TEXT(to[i]) };
        if (db_run(s, "INSERT OR IGNORE INTO export_recipient(export_id, name, sign_pk)"
                   " VALUES (?1, ?2, (SELECT sign_pk FROM contact WHERE name = ?2))",
                   v, DB_N(v), "recording the export", e) != 0)
            return -1;
    }
    for (size_t i = 0; i < nitems; i++) {
        const struct db_val v[] = {
            DB_INT(id), DB_TEXT(items[i].id), DB_INT(items[i].version),
            { .type = items[i].has_digest ? SQLITE_BLOB : SQLITE_NULL, .blob = items[i].digest,
              .len = EXPORT_DIGESTBYTES },
            { .type = items[i].has_output ? SQLITE_BLOB : SQLITE_NULL, .blob = items[i].output,
              .len = EXPORT_DIGESTBYTES },
            DB_INT(items[i].revision),
        }, w[] = { DB_TEXT(items[i].id), DB_INT(items[i].version) };
        if (db_run(s, "INSERT OR IGNORE INTO export_record(export_id, rid, version, digest,"
                   " output, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", v, DB_N(v),
                   "recording the export",
                   e) != 0 ||
            db_run(s, "UPDATE record SET version = ?2 WHERE rid = ?1 AND version < ?2", w,
                   DB_N(w), "recording the export", e) != 0)
            return -1;
        if (sqlite3_changes(s->db) > 0 && store_log(s, "record.version", items[i].id, e) != 0)
            return -1;
    }
    return 0;
}

int store_export_log(struct store *s, const char *const *to, size_t nto,
                     const struct export_item *items, size_t nitems,
                     const unsigned char *hash, size_t hashlen, uint64_t size, struct err *e)
{
    char now[32], *ids = ids_line(items, nitems), *names = names_line(to, nto);
    const struct db_val v[] = {
        DB_TEXT(now), DB_TEXT(names), DB_TEXT(ids), DB_BLOB(hash, hashlen),
        DB_INT((sqlite3_int64)size),
    };
    int rc;

    db_now(now, sizeof now);
    if (ids == NULL || names == NULL)
        rc = err_set(e, EXIT_INPUT, "out of memory");
    else
        rc = db_run(s, "INSERT INTO export(at, recipients, records, hash, size)"
                    " VALUES (?1, ?2, ?3, ?4, ?5)", v, DB_N(v), "recording the export", e);
    free(ids);
    free(names);
    if (rc != 0)
        return -1;
    return export_rows(s, (long)sqlite3_last_insert_rowid(s->db), to, nto, items, nitems, e);
}

/* ---- Listing exports ---- */

/* One export as store_export_each hands it over: arrays malloc'd here. */
struct export_lists {
    char **to;
    size_t nto;
    struct export_item *items;
    char **ids;
    size_t nitems;
};

static void lists_free(struct export_lists *l)
{
    for (size_t i = 0; i < l->nto; i++)
        free(l->to[i]);
    for (size_t i = 0; i < l->nitems; i++)
        free(l->ids[i]);
    free(l->to);
    free(l->ids);
    free(l->items);
    memset(l, 0, sizeof *l);
}

/* Appends the text of column 0 (and the integer of column 1) of each row
 * of sql bound to v to the strings *arr (and *items). */
static int collect(char ***arr, struct export_item **items, size_t *n, struct store *s,
                   const char *sql, const struct db_val *v, size_t nv, struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, sql, v, nv, e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the exports", e)) > 0) {
        char **a = realloc(*arr, (*n + 1) * sizeof **arr);
        if (a == NULL || (*arr = a, (a[*n] = strdup((const char *)sqlite3_column_text(st, 0))) == NULL)) {
            rc = err_set(e, EXIT_INPUT, "out of memory");
            break;
        }
        if (items != NULL) {
            struct export_item *it = realloc(*items, (*n + 1) * sizeof **items);
            if (it == NULL) {
                free(a[*n]);
                rc = err_set(e, EXIT_INPUT, "out of memory");
                break;
            }
            *items = it;
            it[*n].version = (long)sqlite3_column_int64(st, 1);
        }
        (*n)++;
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

/* The contacts and records of export id (with record, only that one).
 * An export logged before issue 15 whose contacts are no longer contacts
 * keeps only its line of names: it is then the one name. */
static int export_lists(struct export_lists *l, struct store *s, long id, const char *line,
                        const char *record, struct err *e)
{
    const struct db_val v[] = { DB_INT(id) }, w[] = { DB_INT(id), DB_TEXT(record) };

    memset(l, 0, sizeof *l);
    if (collect(&l->to, NULL, &l->nto, s, "SELECT name FROM export_recipient"
                " WHERE export_id = ?1 ORDER BY rowid", v, DB_N(v), e) != 0 ||
        collect(&l->ids, &l->items, &l->nitems, s, "SELECT rid, version FROM export_record"
                " WHERE export_id = ?1 AND (?2 IS NULL OR rid = ?2) ORDER BY rowid", w, DB_N(w),
                e) != 0)
        return -1;
    if (l->nto == 0 && line[0] != '\0') {
        const struct db_val one[] = { DB_TEXT(line) };
        if (collect(&l->to, NULL, &l->nto, s, "SELECT ?1", one, DB_N(one), e) != 0)
            return -1;
    }
    for (size_t i = 0; i < l->nitems; i++)
        l->items[i].id = l->ids[i];
    return 0;
}

int store_export_each(struct store *s, const char *record, export_fn fn, void *ctx,
                      struct err *e)
{
    const struct db_val v[] = { DB_TEXT(record) };
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, "SELECT id, at, recipients, hash, size FROM export e"
                 " WHERE ?1 IS NULL OR EXISTS (SELECT 1 FROM export_record x"
                 " WHERE x.export_id = e.id AND x.rid = ?1) ORDER BY id DESC", v, DB_N(v), e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the exports", e)) > 0) {
        struct export_lists l;
        struct export_row row = { 0 };

        row.at = (const char *)sqlite3_column_text(st, 1);
        row.hash = sqlite3_column_blob(st, 3);
        row.hashlen = (size_t)sqlite3_column_bytes(st, 3);
        row.size = sqlite3_column_type(st, 4) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 4);
        rc = export_lists(&l, s, (long)sqlite3_column_int64(st, 0),
                          (const char *)sqlite3_column_text(st, 2), record, e);
        if (rc == 0) {
            row.to = (const char *const *)l.to;
            row.nto = l.nto;
            row.items = l.items;
            row.nitems = l.nitems;
            rc = fn(ctx, &row, e);
        }
        lists_free(&l);
        if (rc != 0)
            break;
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : rc;
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

/* A new subject without identity for an imported pseudonym, with its own
 * stable id here. */
static int new_import_subject(long *sid, struct store *s, const char *pseudonym,
                              struct err *e)
{
    char now[32], uid[RECORD_ID_CHARS + 1];
    const struct db_val v[] = { DB_TEXT(pseudonym), DB_TEXT(now), DB_TEXT(uid) };

    db_now(now, sizeof now);
    db_new_id(uid);
    if (db_run(s, "INSERT INTO subject(pseudonym, created, uid) VALUES (?1, ?2, ?3)", v, DB_N(v),
               "adding the subject", e) != 0)
        return -1;
    *sid = (long)sqlite3_last_insert_rowid(s->db);
    return 0;
}

/* 1 and *sid: the subject here whose pseudonym is pseudonym by main's
 * rule of equal pseudonyms (DB_SUBJECT_NAMED: case, white space and
 * hyphens aside); 0: none; -1 with e: a database error. */
static int subject_holding(long *sid, struct store *s, const char *pseudonym, struct err *e)
{
    const struct db_val p[] = { DB_TEXT(pseudonym) };

    return db_int(sid, s, "SELECT id FROM subject WHERE id = " DB_SUBJECT_NAMED("?1"), p,
                  DB_N(p), "reading the subjects", e);
}

/* The subject of a bundle of content format 1 (no stable id): found or
 * made by its pseudonym. */
static int subject_by_pseudonym(long *sid, struct store *s, const char *pseudonym,
                                struct err *e)
{
    int rc = subject_holding(sid, s, pseudonym, e);

    if (rc != 0)
        return rc > 0 ? 0 : -1;
    return new_import_subject(sid, s, pseudonym, e);
}

/* A subject that holds pseudonym here but is not the sender's subject uid:
 * taken over (1) if it is one imported from this sender before subjects
 * had stable ids (no names, no origin, every record from this sender);
 * else refused. */
static int adopt(struct store *s, long sid, long import_id, const char *pseudonym,
                 const char *uid, struct err *e)
{
    const struct db_val v[] = { DB_INT(sid), DB_INT(import_id) };
    long other = 0;
    int rc = db_int(&other, s, "SELECT (SELECT count(*) FROM subject_origin WHERE subject_id = ?1)"
                    " + (SELECT count(*) FROM subject_name WHERE subject_id = ?1)"
                    " + (SELECT count(*) FROM record r LEFT JOIN record_origin o ON o.record_id = r.id"
                    "    LEFT JOIN import i ON i.id = o.import_id WHERE r.subject_id = ?1 AND"
                    "    (i.sender_pk IS NULL OR i.sender_pk IS NOT (SELECT sender_pk FROM import"
                    "     WHERE id = ?2)))", v, DB_N(v), "reading the subjects", e);

    if (rc < 0)
        return -1;
    if (other != 0)
        return err_set(e, EXIT_AUTH, "the bundle's subject %s is named %s, which another "
                       "subject in this store already has; nothing was imported", uid, pseudonym);
    return 0;
}

/* A subject holder that holds the pseudonym a bundle gives another
 * subject of the same sender (issue 16 B-12): a device's pseudonyms are
 * unique there, so the sender renamed holder (or forgot it) after its
 * records came; its new pseudonym comes with its next record. Until
 * then it is known here by its sender's stable id, "UID@KEY" (the
 * pseudonym's key part kept), so the new subject's testimony is not
 * refused. 1 if set aside so, 0 if holder is not the same sender's
 * subject (a clash the caller refuses), -1 with e. */
static int set_aside(struct store *s, long holder, long import_id, const char *pseudonym,
                     struct err *e)
{
    const struct db_val v[] = { DB_INT(holder), DB_INT(import_id) };
    char uid[64] = "", text[32], aside[200];
    const char *at = strrchr(pseudonym, '@');
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, "SELECT uid FROM subject_origin WHERE subject_id = ?1"
                 " AND sender_pk = (SELECT sender_pk FROM import WHERE id = ?2)", v, DB_N(v),
                 e) != 0)
        return -1;
    rc = db_step(st, s, "reading the subjects", e);
    if (rc > 0)
        snprintf(uid, sizeof uid, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (rc <= 0)
        return rc;
    snprintf(aside, sizeof aside, "%s%s", uid, at != NULL ? at : "");
    const struct db_val r[] = { DB_TEXT(aside), DB_INT(holder) };
    if (db_run(s, "UPDATE subject SET pseudonym = ?1 WHERE id = ?2", r, DB_N(r),
               "renaming the subject", e) != 0)
        return -1;
    snprintf(text, sizeof text, "%ld", holder);
    return store_log(s, "subject.rename", text, e) != 0 ? -1 : 1;
}

/* The subject of a bundle of content format 2: known here by the sender's
 * key and its stable id uid, whatever its pseudonym; renamed when the
 * bundle carries a new one. */
static int subject_by_uid(long *sid, struct store *s, long import_id, const char *uid,
                          const char *pseudonym, struct err *e)
{
    const struct db_val o[] = { DB_INT(import_id), DB_TEXT(uid) };
    long holder = 0;
    int found = db_int(sid, s, "SELECT subject_id FROM subject_origin WHERE uid = ?2 AND"
                       " sender_pk = (SELECT sender_pk FROM import WHERE id = ?1)", o, DB_N(o),
                       "reading the subjects", e);
    int held = found < 0 ? -1 : subject_holding(&holder, s, pseudonym, e);

    if (found < 0 || held < 0)
        return -1;
    if (found > 0) {                     /* known; renamed on its device? */
        const struct db_val r[] = { DB_TEXT(pseudonym), DB_INT(*sid) };
        char text[32];
        int aside = held > 0 && holder != *sid ? set_aside(s, holder, import_id, pseudonym, e)
                    : 1;

        if (aside < 0)
            return -1;
        if (aside == 0)
            return err_set(e, EXIT_AUTH, "the bundle renames subject %s to %s, which another "
                           "subject in this store already has; nothing was imported", uid, pseudonym);
        if (db_run(s, "UPDATE subject SET pseudonym = ?1 WHERE id = ?2 AND pseudonym IS NOT ?1",
                   r, DB_N(r), "renaming the subject", e) != 0)
            return -1;
        if (sqlite3_changes(s->db) == 0)
            return 0;                    /* the same spelling */
        snprintf(text, sizeof text, "%ld", *sid);
        return store_log(s, "subject.rename", text, e);
    }
    if (held > 0) {
        int aside = set_aside(s, holder, import_id, pseudonym, e);

        if (aside < 0)
            return -1;
        if (aside > 0)
            held = 0;                    /* the same sender's, set aside */
    }
    if (held > 0) {
        if (adopt(s, holder, import_id, pseudonym, uid, e) != 0)
            return -1;
        *sid = holder;
    } else if (new_import_subject(sid, s, pseudonym, e) != 0) {
        return -1;
    }
    const struct db_val n[] = { DB_INT(*sid), DB_INT(import_id), DB_TEXT(uid) };
    if (db_run(s, "INSERT INTO subject_origin(subject_id, sender_pk, uid) VALUES"
               " (?1, (SELECT sender_pk FROM import WHERE id = ?2), ?3)", n, DB_N(n),
               "adding the subject", e) != 0)
        return -1;
    /* A scope notice that came before it (its bundle crossed this one). */
    return db_scope_pending_take(s, import_id, uid, *sid, e);
}

/* 0: the id is new; 1: the same sender sent it before (*rowid and
 * *version: the copy here); 2: another sender's copy is here and the
 * bundle holds a newer version of it (want: its version): a correction
 * passed on (issue 16 B-3), taken by relayed_correction; -1: refused
 * (EXIT_AUTH: another sender's copy at that version or a later one, or
 * this store's own record). */
static int existing_record(long *rowid, long *version, long *revision, struct store *s,
                           long import_id, const char *rid, long want, long want_rev,
                           struct err *e)
{
    const struct db_val v[] = { DB_TEXT(rid), DB_INT(import_id) };
    sqlite3_stmt *st;
    long same = 0, own = 0;
    int rc;

    rc = db_first(&st, s, "SELECT i.sender_pk = (SELECT sender_pk FROM import WHERE id = ?2),"
                  " r.id, r.version, i.sender_pk IS NULL, r.revision FROM record r"
                  " LEFT JOIN record_origin o ON o.record_id = r.id"
                  " LEFT JOIN import i ON i.id = o.import_id WHERE r.rid = ?1", v, DB_N(v),
                  "reading records", e);
    if (rc > 0) {
        same = (long)sqlite3_column_int64(st, 0);
        *rowid = (long)sqlite3_column_int64(st, 1);
        *version = (long)sqlite3_column_int64(st, 2);
        own = (long)sqlite3_column_int64(st, 3);
        *revision = (long)sqlite3_column_int64(st, 4);
    }
    sqlite3_finalize(st);
    if (rc <= 0)
        return rc;
    /* a newer version, or a relay's newer redaction of the same one (E-9) */
    if (same != 1 && !own && (want > *version || (want == *version && want_rev > *revision)))
        return 2;
    if (same != 1)
        return err_set(e, EXIT_AUTH, "the bundle holds record %s, which this store "
                       "already has from elsewhere; nothing was imported", rid);
    return 1;
}

/* A newer version of a record this store holds from another sender
 * (issue 16 B-3: the device's correction passed on by headquarters to a
 * partner that got the record from the device first): the text is
 * replaced as the same sender's newer version would be (the old text
 * overwritten, logged "import.replace"), the copy keeps its first origin
 * (so its sender's notices still reach it), and this sender's route is
 * kept (record_route: its notices reach the copy too). uid: the bundle's
 * subject id (NULL: none, format 1). */
static int relayed_correction(int *outcome, struct store *s, long import_id, long rowid,
                              const struct record_row *r, const char *uid, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(r->id), DB_INT(import_id), DB_TEXT(uid) };

    if (db_record_replace(s, rowid, r, 1, e) != 0 ||
        (uid != NULL &&
         db_run(s, "INSERT OR IGNORE INTO record_route(rid, sender_pk, subject) VALUES"
                " (?1, (SELECT sender_pk FROM import WHERE id = ?2), ?3)", v, DB_N(v),
                "keeping the record's route", e) != 0) ||
        store_log(s, "import.replace", r->id, e) != 0)
        return -1;
    *outcome = IMPORT_REPLACED;
    return 0;
}

/* text with every from replaced by to, in memory the caller frees with
 * secmem_wipe_free; NULL for a NULL text, or with *oom set to 1 when out
 * of memory. */
static char *swap(const char *text, const char *from, const char *to, int *oom)
{
    size_t n = 0, lf = strlen(from), lt = strlen(to), o = 0;
    const char *p;
    char *out;

    if (text == NULL || lf == 0)
        return NULL;
    for (p = strstr(text, from); p != NULL; p = strstr(p + lf, from))
        n++;
    if ((out = secmem_wipe_malloc(strlen(text) + n * lt + 1)) == NULL) {
        *oom = 1;
        return NULL;
    }
    for (p = text; *p != '\0';) {
        if (strncmp(p, from, lf) == 0) {
            memcpy(out + o, to, lt), o += lt, p += lf;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    return out;
}

/* *same: 1 if r, with its pseudonym written back as the one the copy here
 * came with (a rename on the device: the redactor writes the subject's
 * pseudonym for its name), has the fields of the record at rowid. */
static int same_but_renamed(int *same, struct store *s, long rowid, const struct record_row *r,
                            struct err *e)
{
    const struct db_val v[] = { DB_INT(rowid) };
    sqlite3_stmt *st;
    json_t *m = NULL;
    const char *old = NULL;
    int rc, oom = 0;

    *same = 0;
    if (r->pseudonym == NULL)
        return 0;
    /* The manifest is the record's JSON as its last bundle carried it
     * (without the body): its pseudonym is the one the text here has. */
    if (db_query(&st, s, "SELECT manifest FROM record_origin WHERE record_id = ?1", v, DB_N(v),
                 e) != 0)
        return -1;
    rc = db_step(st, s, "reading the record's origin", e);
    if (rc > 0 && sqlite3_column_text(st, 0) != NULL)
        m = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
    if (m != NULL)
        old = json_string_value(json_object_get(m, "pseudonym"));
    if (rc > 0 && old != NULL && strcmp(old, r->pseudonym) != 0) {
        struct record_row w = *r;
        char *title = swap(r->title, r->pseudonym, old, &oom);
        char *place = swap(r->place, r->pseudonym, old, &oom);
        char *body = swap(r->body, r->pseudonym, old, &oom);

        w.title = title != NULL ? title : r->title;
        w.place = place != NULL ? place : r->place;
        w.body = body != NULL ? body : r->body;
        rc = oom ? err_set(e, EXIT_INPUT, "out of memory") : db_record_same(same, s, rowid, &w, e);
        secmem_wipe_free(title);
        secmem_wipe_free(place);
        secmem_wipe_free(body);
    }
    json_decref(m);
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

/* A record its sender sent before, at version have here (issue 16,
 * corrections): the same version with the same text is kept (*outcome
 * IMPORT_KEPT; its text takes the subject's new pseudonym if the device
 * renamed it); a newer version replaces it (IMPORT_REPLACED: the old
 * text overwritten, its manifest and origin the new bundle's, logged
 * "import.replace"); an older version (stale) or the same version with
 * other text (conflict) is refused, EXIT_AUTH, and the caller's
 * transaction, the whole bundle, rolled back. */
static int correction(int *outcome, struct store *s, long import_id, long rowid, long have,
                      long have_rev, const struct record_row *r, const char *manifest,
                      struct err *e)
{
    const struct db_val o[] = { DB_INT(rowid), DB_INT(import_id), DB_TEXT(manifest) };
    long want = r->version > 0 ? r->version : 1;
    /* a newer version, or the same version redacted again by the relay
     * that sent it, a newer revision (adv17b E-9) */
    int newer = want > have || (want == have && r->revision > have_rev), same = 0;

    *outcome = IMPORT_KEPT;
    if (want < have)
        return err_set(e, EXIT_AUTH, "the bundle holds record %s at version %ld, older than "
                       "version %ld here (a stale copy); nothing was imported", r->id, want, have);
    if (want == have && r->revision < have_rev)
        return 0;                        /* an older redaction: the newer one here stays */
    if (!newer) {
        if (db_record_same(&same, s, rowid, r, e) != 0)
            return -1;
        if (same)
            return 0;
        if (same_but_renamed(&same, s, rowid, r, e) != 0)
            return -1;
        if (!same)
            return err_set(e, EXIT_AUTH, "the bundle holds record %s at version %ld with other "
                           "text than the same version here (a conflict: keep this copy, or have "
                           "the sender edit the record again, which gives it a higher version "
                           "that replaces this one); nothing was imported", r->id, want);
    }
    if (db_record_replace(s, rowid, r, newer, e) != 0 ||
        db_run(s, "UPDATE record_origin SET import_id = ?2, manifest = ?3 WHERE record_id = ?1",
               o, DB_N(o), "replacing the record", e) != 0 ||
        (newer && store_log(s, "import.replace", r->id, e) != 0))
        return -1;
    if (newer)
        *outcome = IMPORT_REPLACED;
    return 0;
}

static int insert_imported(long *rowid, struct store *s, long sid,
                           const struct record_row *r, struct err *e)
{
    char now[32];
    const char *title = r->title != NULL ? r->title : "";
    const struct db_val v[] = {
        DB_TEXT(r->id), DB_INT(sid), DB_TEXT(title), DB_TEXT(r->date), DB_TEXT(r->place),
        DB_TEXT(r->lang), DB_TEXT(r->body), DB_TEXT(now), DB_INT(r->version > 0 ? r->version : 1),
        DB_INT(r->revision),
    };

    db_now(now, sizeof now);
    if (db_run(s, "INSERT INTO record(rid, subject_id, title, date, place, lang, body, created,"
               " version, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", v, DB_N(v),
               "importing a record", e) != 0)
        return -1;
    *rowid = (long)sqlite3_last_insert_rowid(s->db);
    return db_record_add_tags(s, *rowid, r, e);
}

static int insert_origin(struct store *s, long rowid, long import_id, const char *manifest,
                         struct err *e)
{
    const struct db_val v[] = { DB_INT(rowid), DB_INT(import_id), DB_TEXT(manifest) };

    return db_run(s, "INSERT INTO record_origin(record_id, import_id, manifest) VALUES (?1, ?2, ?3)",
                  v, DB_N(v), "recording the record's origin", e);
}

/* 1 if the copy held here (rowid, at version have) from another sender
 * is the record r of subject uid as the sender of import_id sends it,
 * and that sender is its origin (record_route: the copy named it, or it
 * sent it before): the same version, the same text (db_record_same). Its
 * route is kept again; the copy stays as it is (adv16b C-11: "already
 * here", not refused). 0 if not; -1 with e (a database error). */
static int same_from_origin(struct store *s, long import_id, long rowid, long have,
                            const struct record_row *r, const char *uid, struct err *e)
{
    const struct db_val v[] = { DB_INT(rowid), DB_INT(import_id) };
    sqlite3_stmt *st;
    int rc, same = 0, origin = 0;

    if (uid == NULL || (r->version > 0 ? r->version : 1) != have)
        return 0;
    /* The origin the copy here came with (its manifest, content format
     * 7) is this bundle's signer, for the same subject id. */
    if (db_query(&st, s, "SELECT o.manifest, lower(hex(i.sender_pk)) FROM record_origin o,"
                 " import i WHERE o.record_id = ?1 AND i.id = ?2", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading the record's routes", e);
    if (rc > 0 && sqlite3_column_text(st, 0) != NULL && sqlite3_column_text(st, 1) != NULL) {
        json_t *m = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
        json_t *o = json_object_get(m, "origin");
        const char *key = json_string_value(json_object_get(o, "key"));
        const char *subject = json_string_value(json_object_get(o, "subject"));

        origin = key != NULL && subject != NULL && strcmp(subject, uid) == 0 &&
                 strcasecmp(key, (const char *)sqlite3_column_text(st, 1)) == 0;
        json_decref(m);
    }
    sqlite3_finalize(st);
    if (rc < 0 || (origin && db_record_same(&same, s, rowid, r, e) != 0))
        return -1;
    return origin && same;
}

int store_import_record(int *outcome, struct store *s, long import_id,
                        const struct import_subject *subj, const struct record_row *r,
                        const char *manifest, struct err *e)
{
    long sid, rowid = 0, have = 0, have_rev = 0;
    int ex, same;

    *outcome = IMPORT_KEPT;
    ex = existing_record(&rowid, &have, &have_rev, s, import_id, r->id,
                         r->version > 0 ? r->version : 1, r->revision, e);
    if (ex < 0 && e != NULL && e->code == EXIT_AUTH && rowid > 0) {
        struct err why = *e;

        err_clear(e);
        if ((same = same_from_origin(s, import_id, rowid, have, r, subj->uid, e)) < 0)
            return -1;
        if (same > 0)
            return 0;                    /* IMPORT_KEPT */
        *e = why;
    }
    if (ex < 0) {
        if (e != NULL && e->code == EXIT_AUTH)
            *outcome = IMPORT_ELSEWHERE;
        return -1;
    }
    if (ex == 2)
        return relayed_correction(outcome, s, import_id, rowid, r, subj->uid, e);
    if ((subj->uid != NULL ? subject_by_uid(&sid, s, import_id, subj->uid, subj->pseudonym, e)
                           : subject_by_pseudonym(&sid, s, subj->pseudonym, e)) != 0 ||
        (subj->consent != NULL && db_consent_carry(s, sid, subj->consent, e) < 0))
        return -1;
    if (ex > 0)
        return correction(outcome, s, import_id, rowid, have, have_rev, r, manifest, e);
    if (insert_imported(&rowid, s, sid, r, e) != 0 ||
        insert_origin(s, rowid, import_id, manifest, e) != 0)
        return -1;
    *outcome = IMPORT_ADDED;
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
