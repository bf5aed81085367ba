/* Headquarters acting on notices (issue 16): the records a sender
 * withdrew or deleted are deleted here, and a tombstone refuses their
 * return (store/tombstone.h, store/store.h). */
#include "store/tombstone.h"

#include <string.h>

#include <sodium.h>

#include "store/db.h"
#include "store/notice.h"
#include "store/origin.h"
#include "store/subject.h"
#include "store/tombstone_int.h"
#include "store/tombstone_since.h"

/* 1 if the sender has a tombstone for kind, subject and rid already. */
static int acted_before(struct store *s, long import_id, const char *kind,
                        const char *subject, const char *rid, struct err *e)
{
    const struct db_val v[] = { DB_INT(import_id), DB_TEXT(kind), DB_TEXT(subject), DB_TEXT(rid) };
    long one = 0;

    return db_int(&one, s, "SELECT 1 FROM tombstone WHERE sender_pk = " SENDER_PK
                  " AND kind = ?2 AND subject = ?3 AND rid = ?4", v, DB_N(v),
                  "reading the tombstones", e);
}

int db_rounds_of(long *w, long *r, struct store *s, long import_id, const unsigned char *pk,
                 const char *subject, struct err *e)
{
    const struct db_val v[] = {
        DB_INT(import_id), DB_TEXT(subject),
        pk != NULL ? (struct db_val)DB_BLOB(pk, crypto_sign_PUBLICKEYBYTES)
                   : (struct db_val){ .type = SQLITE_NULL },
    };
#define WHOSE "coalesce(?3, " SENDER_PK ")"

    *w = *r = 0;
    return db_int(w, s, "SELECT coalesce(max(round), 0) FROM tombstone WHERE sender_pk = "
                  WHOSE " AND kind = 'withdrawal' AND subject = ?2 AND rid = ''", v, DB_N(v),
                  "reading the tombstones", e) < 0 ||
           db_int(r, s, "SELECT coalesce(max(round), 0) FROM tombstone WHERE sender_pk = "
                  WHOSE " AND kind = 'reconsent' AND subject = ?2", v, DB_N(v),
                  "reading the tombstones", e) < 0 ? -1 : 0;
#undef WHOSE
}

int db_rounds(long *w, long *r, struct store *s, long import_id, const char *subject,
              struct err *e)
{
    return db_rounds_of(w, r, s, import_id, NULL, subject, e);
}

int db_subject_here(long *sid, char *here, size_t herelen, struct store *s, long import_id,
                    const char *subject, struct err *e)
{
    const struct db_val v[] = { DB_INT(import_id), DB_TEXT(subject) };
    sqlite3_stmt *st;
    int rc;

    *sid = 0;
    here[0] = '\0';
    if (db_query(&st, s, "SELECT o.subject_id, s.uid FROM subject_origin o JOIN subject s"
                 " ON s.id = o.subject_id WHERE o.uid = ?2 AND o.sender_pk = " SENDER_PK,
                 v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading the subjects", e);
    if (rc > 0) {
        *sid = (long)sqlite3_column_int64(st, 0);
        snprintf(here, herelen, "%s", (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

int db_signer_key(unsigned char *pk, struct store *s, long import_id, struct err *e)
{
    const struct db_val v[] = { DB_INT(import_id) };
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, "SELECT sender_pk FROM import WHERE id = ?1", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading the imports", e);
    if (rc > 0 && sqlite3_column_bytes(st, 0) == crypto_sign_PUBLICKEYBYTES)
        memcpy(pk, sqlite3_column_blob(st, 0), crypto_sign_PUBLICKEYBYTES);
    else if (rc >= 0)
        rc = err_set(e, EXIT_INPUT, "the import being made has no sender key");
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

/* This store's own contacts that received the doomed records are owed a
 * notice in turn (headquarters is a device to its partners), naming its
 * origin: the notice's own origin, or the signer and its subject id when
 * the signer made it (store/notice.h). sid_o: the origin's subject here
 * (0: none, or sid). */
static int owe_onward(struct store *s, const char *kind, long import_id, long sid, long sid_o,
                      const char *rid, const char *sender, const char *subject, long round,
                      const struct notice_origin *origin,
                      const struct notice_origin *reach, const long *linked, size_t nlinked,
                      struct err *e)
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    struct notice_origin own = { pk, subject, round };
    const struct notice_origin *o = origin != NULL ? origin : &own;
    const struct db_val v[] = {
        DB_INT(import_id), DB_INT(sid), DB_TEXT(rid), DB_TEXT(sender), DB_TEXT(""), DB_TEXT(""),
        ORIGIN_VALS(reach),
    };
    long rowid = 0;
    int rc;

    if (origin == NULL && db_signer_key(pk, s, import_id, e) != 0)
        return -1;
    if (rid[0] == '\0') {
        if ((sid > 0 && db_notice_owed_from(s, kind, sid, 0, o, e) != 0) ||
            (sid_o > 0 && sid_o != sid && db_notice_owed_from(s, kind, sid_o, 0, o, e) != 0))
            return -1;
        for (size_t k = 0; k < nlinked; k++)
            if (db_notice_owed_from(s, kind, linked[k], 0, o, e) != 0)
                return -1;
        return 0;
    }
    rc = db_int(&rowid, s, DOOMED, v, DB_N(v), "reading the records", e);
    if (rc <= 0)
        return rc;
    return db_notice_owed_from(s, kind, 0, rowid, o, e);
}

static int count_doomed(struct notice_outcome *out, struct store *s, const struct db_val *v,
                        size_t nv, struct err *e)
{
    long n = 0, f = 0;

    if (db_int(&n, s, "SELECT count(*) FROM (" DOOMED ")", v, nv, "reading the records", e) < 0 ||
        db_int(&f, s, "SELECT count(*) FROM attachment WHERE record_id IN (" DOOMED ")", v, nv,
               "reading the attachments", e) < 0)
        return -1;
    out->records = (size_t)n;
    out->files = (size_t)f;
    return 0;
}

/* The tombstones: one per record a subject's notice deletes, then the
 * notice's own (reach: the origin DOOMED reaches, NULL for none); and a
 * tombstone of the origin buried (NULL: none), under its key, its subject
 * id and, for a withdrawal, its round, so that its own notice, when it
 * comes, was acted on before, and a later bundle of it is refused as its
 * own notice would have it (sid_o: the origin's subject here, 0: none). */
static int bury(struct store *s, const struct notice_outcome *out, long import_id, long sid,
                long sid_o, const char *rid, const char *sender, const char *kind,
                const char *subject, const char *day, long round, const char *here,
                const struct notice_origin *reach, const struct notice_origin *buried,
                struct err *e)
{
    char now[32];
    const char *h = here[0] != '\0' ? here : NULL;
    const struct db_val each[] = {
        DB_INT(import_id), DB_INT(sid), DB_TEXT(rid), DB_TEXT(sender), DB_TEXT(kind),
        DB_TEXT(subject), ORIGIN_VALS(reach), DB_TEXT(day), DB_TEXT(now), DB_TEXT(h),
    };
    const struct db_val one[] = {
        DB_INT(import_id), DB_TEXT(rid), DB_TEXT(sender), DB_TEXT(kind), DB_TEXT(subject),
        DB_TEXT(day), DB_TEXT(now), DB_INT(rid[0] != '\0' && out->records > 0), DB_TEXT(h),
        DB_INT(round),
    };

    db_now(now, sizeof now);
    if (rid[0] == '\0' &&
        db_run(s, "INSERT OR IGNORE INTO tombstone(sender_pk, sender, kind, subject, rid, day, at,"
               " removed, notice, here) SELECT " SENDER_PK ", ?4, ?5, ?6, r.rid, ?9, ?10, 1, 0,"
               " ?11 FROM record r WHERE r.id IN (" DOOMED ")", each, DB_N(each),
               "keeping the tombstones", e) != 0)
        return -1;
    if (db_run(s, "INSERT INTO tombstone(sender_pk, sender, kind, subject, rid, day, at,"
               " removed, notice, here, round) VALUES (" SENDER_PK ", ?3, ?4, ?5, ?2, ?6, ?7, ?8,"
               " 1, ?9, ?10)", one, DB_N(one), "keeping the tombstones", e) != 0)
        return -1;
    if (buried == NULL)
        return 0;
    const struct db_val o[] = {
        DB_BLOB(buried->pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(sender),
        DB_TEXT(buried->subject), DB_TEXT(rid), DB_TEXT(day), DB_TEXT(now),
        DB_INT(rid[0] != '\0' && out->records > 0), DB_TEXT(h), DB_TEXT(kind),
        DB_INT(buried->round > 1 ? buried->round : 1), DB_INT(sid_o),
    };
    /* Under the origin's subject here when it has one (subject show). */
    return db_run(s, "INSERT OR IGNORE INTO tombstone(sender_pk, sender, kind, subject, rid, day,"
                  " at, removed, notice, here, round) VALUES (?1, coalesce((SELECT name FROM"
                  " contact WHERE sign_pk = ?1), ?2), ?9, ?3, ?4, ?5, ?6, ?7, 1,"
                  " coalesce((SELECT uid FROM subject WHERE id = ?11), ?8), ?10)",
                  o, DB_N(o), "keeping the tombstones", e);
}

/* What a notice of the whole subject says of the subject sid here: a
 * withdrawal marks its consent withdrawn; a deletion deletes it once
 * nothing of it is left. */
static int subject_step(struct store *s, long sid, const char *kind, const char *day,
                        struct err *e)
{
    const struct db_val w[] = { DB_INT(sid), DB_TEXT(day) }, x[] = { DB_INT(sid) };

    if (sid <= 0)
        return 0;
    if (strcmp(kind, "withdrawal") == 0)
        /* the counter of the last scope here: a copy of that scope
         * arriving late ties with it, and the narrower, this, stays */
        return db_run(s, "INSERT INTO consent(subject_id, export, quote, publish, attachments,"
                      " method, embargo, withdrawn, date, seq) VALUES (?1, 0, 0, 0, 0, '', '', 1,"
                      " ?2, (SELECT coalesce(max(seq), 0) FROM consent WHERE subject_id = ?1))",
                      w, DB_N(w), "keeping the withdrawal", e);
    /* Deleted at the source: its pseudonym goes too, once nothing of it is left. */
    return db_run(s, "DELETE FROM subject WHERE id = ?1 AND NOT EXISTS"
                  " (SELECT 1 FROM record WHERE subject_id = ?1)", x, DB_N(x),
                  "deleting the subject", e);
}

/* Deletes the doomed records (the index rows first: they are keyed by
 * the record's row id, not by a foreign key; tags, attachments and
 * origin go with the record), then what the notice says of the subject
 * here and of the origin's subject here (sid_o). */
static int delete_doomed(struct store *s, const struct db_val *v, size_t nv, long sid,
                         long sid_o, const char *rid, const char *kind, const char *day,
                         struct err *e)
{
    if (db_run(s, "DELETE FROM record_fts WHERE docid IN (" DOOMED ")", v, nv,
               "deleting the records", e) != 0 ||
        db_run(s, "DELETE FROM record WHERE id IN (" DOOMED ")", v, nv, "deleting the records",
               e) != 0)
        return -1;
    if (rid[0] != '\0')
        return 0;
    return subject_step(s, sid, kind, day, e) != 0 ||
           (sid_o != sid && subject_step(s, sid_o, kind, day, e) != 0) ? -1 : 0;
}

/* *held: 1 if the subject sid is here (sid > 0, the whole subject), or
 * record rid was deleted here by an earlier notice (a tombstone that
 * removed it): what the notice names was held here (A9). */
static int held_before(int *held, struct store *s, const char *rid, long sid, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(rid) };
    long one = 0;
    int rc;

    *held = rid[0] == '\0' && sid > 0;
    if (rid[0] == '\0')
        return 0;
    rc = db_int(&one, s, "SELECT 1 FROM tombstone WHERE rid = ?1 AND removed = 1"
                " AND attachment = ''", v, DB_N(v), "reading the tombstones", e);
    *held = rc > 0;
    return rc < 0 ? -1 : 0;
}

int db_origin_subject_here(long *sid, struct store *s, const struct notice_origin *origin,
                           struct err *e)
{
    *sid = 0;
    if (origin == NULL)
        return 0;
    const struct db_val v[] = {
        DB_BLOB(origin->pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(origin->subject),
    };
    return db_int(sid, s, "SELECT subject_id FROM subject_origin WHERE sender_pk = ?1"
                  " AND uid = ?2", v, DB_N(v), "reading the subjects", e) < 0 ? -1 : 0;
}

/* What a notice's origin does here (NULL: none): *reach, the origin
 * whose copies it reaches (DOOMED), and *buried, the origin whose
 * tombstone it keeps. A deletion: both. A withdrawal of the whole subject
 * is counted in the origin's rounds, as its own notice is: acted on
 * before when the origin's withdrawal of that round or a later one, or
 * its re-consent of that round or later, was (no tombstone); and when
 * such a re-consent was, the origin's records here stand (no reach: they
 * came after it). A withdrawal of one record: reach only. */
static int origin_rounds(const struct notice_origin **reach,
                         const struct notice_origin **buried, struct store *s, long import_id,
                         const char *kind, const char *rid, const struct notice_origin *origin,
                         struct err *e)
{
    long w, r, n;

    *reach = origin;
    *buried = origin != NULL && strcmp(kind, "deletion") == 0 ? origin : NULL;
    if (origin == NULL || strcmp(kind, "withdrawal") != 0 || rid[0] != '\0')
        return 0;
    n = origin->round > 1 ? origin->round : 1;
    if (db_rounds_of(&w, &r, s, import_id, origin->pk, origin->subject, e) != 0)
        return -1;
    if (r >= n)
        *reach = NULL;
    if (w < n && r < n)
        *buried = origin;
    return 0;
}

/* Subjects here held through others that a notice of the whole subject
 * reaches besides the signer's and the origin's (db_origin_subjects). */
#define LINKED_MAX 16

int db_notice_apply(struct notice_outcome *out, struct store *s, long import_id,
                    const char *sender, const char *kind, const char *subject, const char *rid,
                    const char *day, long round, const struct notice_origin *origin,
                    struct err *e)
{
    char here[64];
    long sid, sid_o, w, r, linked[LINKED_MAX];
    size_t nl = 0;
    unsigned char spk[crypto_sign_PUBLICKEYBYTES];
    struct notice_origin self = { spk, subject, round };
    const struct notice_origin *reach, *buried;
    int rc;

    memset(out, 0, sizeof *out);
    if (rid == NULL)
        rid = "";
    if (round < 1)
        round = 1;
    /* Passed on, the signer's subject follows its origin's rounds: a
     * later round of the origin is a later round of the signer's too,
     * whatever round an earlier relay wrote (adv17b E-5). */
    if (origin != NULL && rid[0] == '\0' && strcmp(kind, "withdrawal") == 0 &&
        origin->round > round)
        round = origin->round;
    /* A withdrawal of the whole subject: acted on before if this round
     * or a later one was, or a re-consent lifted it (a stale copy). */
    if (strcmp(kind, "withdrawal") == 0 && rid[0] == '\0') {
        if (db_rounds(&w, &r, s, import_id, subject, e) != 0)
            return -1;
        rc = w >= round || r >= round;
    } else {
        rc = acted_before(s, import_id, kind, subject, rid, e);
    }
    if (rc != 0) {
        out->before = rc > 0;
        return rc < 0 ? -1 : 0;
    }
    if (origin_rounds(&reach, &buried, s, import_id, kind, rid, origin, e) != 0 ||
        db_subject_here(&sid, here, sizeof here, s, import_id, subject, e) != 0)
        return -1;
    /* The signer's own notice reaches its copies held here by another
     * route too, as one passed on does (issue 16 C-4, C-5). */
    if (origin == NULL) {
        if (db_signer_key(spk, s, import_id, e) != 0)
            return -1;
        reach = &self;
    }
    if (db_origin_subject_here(&sid_o, s, reach, e) != 0)
        return -1;
    /* The whole subject: its subjects here held through others (C-4). */
    if (rid[0] == '\0' && reach != NULL && sender != NULL &&
        db_origin_subjects(linked, &nl, LINKED_MAX, s, import_id, subject, reach, sid, sid_o,
                           e) != 0)
        return -1;
    const struct db_val v[] = {
        DB_INT(import_id), DB_INT(sid), DB_TEXT(rid), DB_TEXT(sender), DB_TEXT(kind),
        DB_TEXT(subject), ORIGIN_VALS(reach),
    };
    if (count_doomed(out, s, v, DB_N(v), e) != 0 ||
        held_before(&out->held, s, rid, sid > 0 ? sid : sid_o, e) != 0 ||
        owe_onward(s, kind, import_id, sid, sid_o, rid, sender, subject, round, origin, reach,
                   linked, nl, e) != 0 ||
        bury(s, out, import_id, sid, sid_o, rid, sender, kind, subject, day, round, here, reach,
             buried, e) != 0 ||
        delete_doomed(s, v, DB_N(v), sid, sid_o, rid, kind, day, e) != 0)
        return -1;
    out->held |= nl > 0;
    for (size_t k = 0; k < nl; k++)
        if (subject_step(s, linked[k], kind, day, e) != 0)
            return -1;
    return store_log(s, strcmp(kind, "withdrawal") == 0 ? "import.withdrawal" : "import.deletion",
                     rid[0] != '\0' ? rid : subject, e);
}

/* A re-consent passed on with its origin o (content format 7): counted
 * in the origin's rounds as its own notice is, it lifts the origin's
 * withdrawal here (a tombstone of kind reconsent under the origin's key,
 * the scope's recorded time and counter kept), and the origin's subject
 * here takes the scope c. *changed 1 if it did (0: acted on before). */
static int origin_reconsent(int *changed, struct store *s, long import_id, const char *sender,
                            const char *day, const struct consent *c,
                            const struct notice_origin *o, struct err *e)
{
    char now[32];
    long w, r, sid_o, n;

    *changed = 0;
    if (o == NULL)
        return 0;
    n = o->round > 1 ? o->round : 1;
    if (db_rounds_of(&w, &r, s, import_id, o->pk, o->subject, e) != 0 ||
        db_origin_subject_here(&sid_o, s, o, e) != 0)
        return -1;
    if (r >= n || w > n)
        return 0;
    const struct db_val v[] = {
        DB_BLOB(o->pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(sender), DB_TEXT(o->subject),
        DB_TEXT(day), DB_TEXT(now), DB_INT(sid_o), DB_INT(n), DB_TEXT(c->date), DB_INT(c->seq),
    };
    db_now(now, sizeof now);
    if (db_run(s, "INSERT OR IGNORE INTO tombstone(sender_pk, sender, kind, subject, rid, day, at,"
               " removed, notice, here, round, since, since_seq) VALUES (?1, coalesce((SELECT"
               " name FROM contact WHERE sign_pk = ?1), ?2), 'reconsent', ?3, '', ?4, ?5, 0, 1,"
               " (SELECT uid FROM subject WHERE id = ?6), ?7, ?8, ?9)", v, DB_N(v),
               "keeping the tombstones", e) != 0)
        return -1;
    *changed = 1;
    return sid_o > 0 && db_consent_carry(s, sid_o, c, e) < 0 ? -1 : 0;
}

int db_reconsent_apply(int *changed, struct notice_outcome *out, struct store *s,
                       long import_id, const char *sender, const char *subject, const char *day,
                       long round, const struct consent *c, const struct notice_origin *origin,
                       struct err *e)
{
    char now[32], here[64];
    long sid, w, r;

    *changed = 0;
    memset(out, 0, sizeof *out);
    if (origin_reconsent(changed, s, import_id, sender, day, c, origin, e) != 0 ||
        db_rounds(&w, &r, s, import_id, subject, e) != 0)
        return -1;
    if (r >= round || w > round)
        return 0;                        /* acted on before, or a later withdrawal since */
    /* The withdrawal it lifts never reached this store (a lost bundle):
     * it happened all the same, so the records sent before it go. */
    if (w < round &&
        db_notice_apply(out, s, import_id, sender, "withdrawal", subject, NULL, day, round, NULL,
                        e) != 0)
        return -1;
    if (db_subject_here(&sid, here, sizeof here, s, import_id, subject, e) != 0)
        return -1;
    const char *h = here[0] != '\0' ? here : NULL;
    const struct db_val v[] = {
        DB_INT(import_id), DB_TEXT(sender), DB_TEXT(subject), DB_TEXT(day), DB_TEXT(now),
        DB_TEXT(h), DB_INT(round), DB_TEXT(c->date), DB_INT(c->seq),
    };
    db_now(now, sizeof now);
    if (db_run(s, "INSERT INTO tombstone(sender_pk, sender, kind, subject, rid, day, at, removed,"
               " notice, here, round, since, since_seq) VALUES (" SENDER_PK ", ?2, 'reconsent',"
               " ?3, '', ?4, ?5, 0, 1, ?6, ?7, ?8, ?9)", v, DB_N(v), "keeping the tombstones",
               e) != 0)
        return -1;
    *changed = 1;
    if (sid > 0 && (db_consent_carry(s, sid, c, e) < 0 ||
                    db_notice_owed(s, "reconsent", sid, 0, e) != 0))
        return -1;
    return store_log(s, "import.reconsent", subject, e);
}

int db_removal_apply(struct notice_outcome *out, struct store *s, long import_id,
                     const char *sender, const char *subject, const char *rid, const char *day,
                     const char *attachment, const struct notice_origin *origin,
                     struct err *e)
{
    unsigned char hash[32], pk[crypto_sign_PUBLICKEYBYTES];
    struct notice_origin own = { pk, subject, 0 };
    const struct notice_origin *o = origin != NULL ? origin : &own;
    char now[32];
    size_t n = 0;
    long f = 0, id = 0;
    int rc;

    memset(out, 0, sizeof *out);
    if (sodium_hex2bin(hash, sizeof hash, attachment, strlen(attachment), NULL, &n, NULL) != 0 ||
        n != sizeof hash)
        return err_set(e, EXIT_INPUT, "malformed bundle contents: a bad notice");
    if (origin == NULL && db_signer_key(pk, s, import_id, e) != 0)
        return -1;
    const struct db_val v[] = {
        DB_INT(import_id), DB_TEXT(rid), DB_BLOB(hash, sizeof hash), DB_TEXT(attachment),
        ORIGIN_VALS(origin),
    };
    db_now(now, sizeof now);
    rc = db_int(&f, s, "SELECT 1 FROM tombstone WHERE sender_pk = " SENDER_PK
                " AND kind = 'removal' AND rid = ?2 AND attachment = ?4", v, 4,
                "reading the tombstones", e);
    if (rc != 0) {
        out->before = rc > 0;
        return rc < 0 ? -1 : 0;
    }
    /* The sender's record here with that copy, the copy held here while
     * the sender sent it too (a route), or (passed on: ?5 the origin's
     * key) the origin's record whatever route it came by, as DOOMED has
     * it for one record: its contacts are told in turn, then the copy
     * goes (its chunks with it, secure_delete). */
#define REMOVED                                                                       \
    "SELECT a.id FROM attachment a JOIN record r ON r.id = a.record_id"              \
    " JOIN record_origin o ON o.record_id = r.id JOIN import i ON i.id = o.import_id" \
    " WHERE r.rid = ?2 AND a.hash = ?3 AND (i.sender_pk = " SENDER_PK                \
    " OR i.sender_pk = ?5 OR EXISTS (SELECT 1 FROM record_route x"                    \
    " WHERE x.rid = ?2 AND (x.sender_pk = ?5 OR x.sender_pk = " SENDER_PK ")))"
    for (;;) {
        rc = db_int(&id, s, REMOVED " LIMIT 1", v, 5, "reading the attachments", e);
        if (rc < 0)
            return -1;
        if (rc == 0)
            break;
        const struct db_val w[] = { DB_INT(id) };
        if (db_notice_owed_removal(s, id, o, e) != 0 ||
            db_run(s, "DELETE FROM attachment WHERE id = ?1", w, DB_N(w),
                   "removing the attachment", e) != 0)
            return -1;
        out->files++;
    }
#undef REMOVED
    const struct db_val t[] = {
        DB_INT(import_id), DB_TEXT(rid), DB_TEXT(attachment), DB_TEXT(sender), DB_TEXT(subject),
        DB_TEXT(day), DB_TEXT(now), DB_INT(out->files > 0),
    };
    if (db_run(s, "INSERT INTO tombstone(sender_pk, sender, kind, subject, rid, day, at, removed,"
               " notice, here, attachment) VALUES (" SENDER_PK ", ?4, 'removal', ?5, ?2, ?6, ?7,"
               " ?8, 1, NULL, ?3)", t, DB_N(t), "keeping the tombstones", e) != 0)
        return -1;
    /* Passed on: the origin's own removal, when it comes, was acted on
     * before (under its key, its subject id). */
    if (origin != NULL) {
        const struct db_val u[] = {
            DB_BLOB(origin->pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(rid),
            DB_TEXT(attachment), DB_TEXT(sender), DB_TEXT(origin->subject), DB_TEXT(day),
            DB_TEXT(now), DB_INT(out->files > 0),
        };
        if (db_run(s, "INSERT OR IGNORE INTO tombstone(sender_pk, sender, kind, subject, rid,"
                   " day, at, removed, notice, here, attachment) VALUES (?1, coalesce((SELECT"
                   " name FROM contact WHERE sign_pk = ?1), ?4), 'removal', ?5, ?2, ?6, ?7,"
                   " ?8, 1, NULL, ?3)", u, DB_N(u), "keeping the tombstones", e) != 0)
            return -1;
    }
    return store_log(s, "import.removal", rid, e);
}

int db_removal_check(int *removed, struct store *s, const unsigned char *sender_pk,
                     const char *rid, const char *attachment, struct err *e)
{
    const struct db_val v[] = {
        DB_BLOB(sender_pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(rid), DB_TEXT(attachment),
    };
    long one = 0;
    /* The sender's own removals, and a copy deleted here on anyone's
     * removal (removed): it does not come back by another route (A4). */
    int rc = db_int(&one, s, "SELECT 1 FROM tombstone WHERE kind = 'removal' AND rid = ?2"
                    " AND attachment = ?3 AND (sender_pk = ?1 OR removed = 1)", v, DB_N(v),
                    "reading the tombstones", e);

    *removed = rc > 0;
    return rc < 0 ? -1 : 0;
}

int db_route_keep(struct store *s, long import_id, const char *rid, const char *subject,
                  struct err *e)
{
    const struct db_val v[] = { DB_TEXT(rid), DB_INT(import_id), DB_TEXT(subject) };

    if (subject == NULL)
        return 0;
    return db_run(s, "INSERT OR IGNORE INTO record_route(rid, sender_pk, subject) VALUES"
                  " (?1, (SELECT sender_pk FROM import WHERE id = ?2), ?3)", v, DB_N(v),
                  "keeping the record's route", e);
}

/* This store's own signing key: the sender of its local tombstones. */
#define OWN_PK "(SELECT sign_pk FROM device WHERE id = 1)"

/* A record this store deleted on another sender's notice (a tombstone
 * with removed set: the notice reached a copy held here), or deleted
 * itself (record delete: its own key as sender), does not come
 * back from this sender either, whatever route it took (issue 16 A4).
 * Only a deletion done here counts: a notice that reached nothing here
 * cannot make this store refuse another sender's records. A deletion
 * counts from every sender only when its sender (the notice's signer, or
 * the origin it passed on: that tombstone is under the origin's key) made
 * the record coming now (?4: the copy's origin, else its sender): a relay
 * deleting its own copy of another's record deletes what it sent here,
 * never the maker's copy (adv20c J-1). A withdrawal is the person's own
 * decision, whoever relays it, and this store's own deletion is its own:
 * both count from every sender. */
static int deleted_on_another_route(struct store *s, const struct db_val *v, const char *rid,
                                    struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, "SELECT kind, day, " TOMBSTONE_SENDER ", sender_pk = " OWN_PK
                 ", forgot FROM tombstone"
                 " WHERE rid = ?3 AND removed = 1 AND kind IN ('withdrawal', 'deletion')"
                 " AND attachment = '' AND sender_pk <> ?1 AND (kind = 'withdrawal' OR"
                 " sender_pk = " OWN_PK " OR sender_pk = ?4) ORDER BY id LIMIT 1", v, 4, e) != 0)
        return -1;
    rc = db_step(st, s, "reading the tombstones", e);
    if (rc > 0 && sqlite3_column_int(st, 3) != 0 && sqlite3_column_int(st, 4) != 0)
        rc = err_set(e, EXIT_AUTH, "the bundle holds record %s, which this store forgot with "
                     "its subject (subject forget of %s): a forgotten record does not come "
                     "back; nothing was imported", rid, (const char *)sqlite3_column_text(st, 1));
    else if (rc > 0 && sqlite3_column_int(st, 3) != 0)
        rc = err_set(e, EXIT_AUTH, "the bundle holds record %s, which this store deleted "
                     "(record delete of %s): a deleted record does not come back; nothing was "
                     "imported", rid, (const char *)sqlite3_column_text(st, 1));
    else if (rc > 0 && strcmp((const char *)sqlite3_column_text(st, 0), "withdrawal") == 0)
        rc = err_set(e, EXIT_AUTH, "the bundle holds record %s, which this store deleted when "
                     "its subject's consent was withdrawn (notice of %s from %s): it does not "
                     "come back from another sender; nothing was imported", rid,
                     (const char *)sqlite3_column_text(st, 1),
                     (const char *)sqlite3_column_text(st, 2));
    else if (rc > 0)
        rc = err_set(e, EXIT_AUTH, "the bundle holds record %s, which this store deleted when "
                     "it was deleted at the source (notice of %s from %s): it does not come "
                     "back from another sender; nothing was imported", rid,
                     (const char *)sqlite3_column_text(st, 1),
                     (const char *)sqlite3_column_text(st, 2));
    sqlite3_finalize(st);
    return rc;
}

int db_tombstone_check(struct store *s, const unsigned char *sender_pk,
                       const unsigned char *maker_pk, const char *subject, const char *rid,
                       const char *recorded, long recorded_seq, struct err *e)
{
    const struct db_val v[] = {
        DB_BLOB(sender_pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(subject), DB_TEXT(rid),
        DB_BLOB(maker_pk != NULL ? maker_pk : sender_pk, crypto_sign_PUBLICKEYBYTES),
    };
    sqlite3_stmt *st;
    int rc;

    /* The records a tombstone names (rid), and every record of a subject
     * deleted, or withdrawn and not re-consented since (its rounds). */
    if (db_query(&st, s, "SELECT kind, day FROM tombstone WHERE " TOMBSTONE_COVERS
                 " ORDER BY id LIMIT 1", v, 3, e) != 0)
        return -1;
    rc = db_step(st, s, "reading the tombstones", e);
    if (rc > 0 && strcmp((const char *)sqlite3_column_text(st, 0), "withdrawal") == 0)
        rc = err_set(e, EXIT_AUTH, "the bundle holds record %s, whose subject's consent its "
                     "sender withdrew (notice of %s); nothing was imported", rid,
                     (const char *)sqlite3_column_text(st, 1));
    else if (rc > 0)
        rc = err_set(e, EXIT_AUTH, "the bundle holds record %s, which its sender deleted "
                     "(notice of %s); nothing was imported", rid,
                     (const char *)sqlite3_column_text(st, 1));
    sqlite3_finalize(st);
    if (rc == 0)
        rc = deleted_on_another_route(s, v, rid, e);
    if (rc == 0 && subject != NULL)
        rc = db_sent_before_reconsent(s, sender_pk, subject, rid, recorded, recorded_seq, 0, e);
    return rc;
}

/* ---- Reading the tombstones (store.h) ---- */

int store_tombstone_each(struct store *s, const char *record, const char *here,
                         tombstone_fn fn, void *ctx, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(record), DB_TEXT(here) };
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, "SELECT kind, subject, rid, day, at, sender, sender_pk, removed,"
                 " sender_pk = " OWN_PK ", forgot, coalesce((SELECT c.name FROM contact c"
                 " WHERE c.sign_pk = held_pk), held), held_pk FROM tombstone WHERE CASE"
                 " WHEN kind = 'removal' THEN 0"
                 " WHEN ?1 IS NOT NULL THEN rid <> '' AND substr(rid, 1, length(?1)) = lower(?1)"
                 " WHEN ?2 IS NOT NULL THEN rid = '' AND here = ?2"
                 " ELSE rid <> '' AND NOT EXISTS (SELECT 1 FROM record r WHERE r.rid ="
                 " tombstone.rid) AND (removed OR NOT EXISTS (SELECT 1 FROM tombstone t"
                 " WHERE t.rid = tombstone.rid AND t.removed AND t.kind <> 'removal')) END"
                 " ORDER BY id", v, DB_N(v), e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the tombstones", e)) > 0) {
        char key[2 * crypto_sign_PUBLICKEYBYTES + 1] = "";
        char held[2 * crypto_sign_PUBLICKEYBYTES + 1] = "";
        const char *rid = (const char *)sqlite3_column_text(st, 2);
        struct tombstone_row t = {
            (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
            rid[0] != '\0' ? rid : NULL, (const char *)sqlite3_column_text(st, 3),
            (const char *)sqlite3_column_text(st, 4), (const char *)sqlite3_column_text(st, 5),
            key, sqlite3_column_int(st, 7) != 0, sqlite3_column_int(st, 8) != 0,
            sqlite3_column_int(st, 9) != 0, (const char *)sqlite3_column_text(st, 10), held,
        };
        if (sqlite3_column_bytes(st, 6) == crypto_sign_PUBLICKEYBYTES)
            sodium_bin2hex(key, sizeof key, sqlite3_column_blob(st, 6), crypto_sign_PUBLICKEYBYTES);
        if (sqlite3_column_bytes(st, 11) == crypto_sign_PUBLICKEYBYTES)
            sodium_bin2hex(held, sizeof held, sqlite3_column_blob(st, 11),
                           crypto_sign_PUBLICKEYBYTES);
        if (fn(ctx, &t, e) != 0) {
            rc = -1;
            break;
        }
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

int store_tombstone_count(long *n, struct store *s, struct err *e)
{
    *n = 0;
    return db_int(n, s, "SELECT count(DISTINCT rid) FROM tombstone WHERE removed = 1"
                  " AND kind <> 'removal' AND sender_pk <> " OWN_PK, NULL, 0,
                  "reading the tombstones", e) < 0 ? -1 : 0;
}

int store_tombstone_count_here(long *n, struct store *s, struct err *e)
{
    *n = 0;
    return db_int(n, s, "SELECT count(DISTINCT rid) FROM tombstone WHERE removed = 1"
                  " AND kind = 'deletion' AND sender_pk = " OWN_PK " AND NOT EXISTS"
                  " (SELECT 1 FROM tombstone t WHERE t.rid = tombstone.rid AND t.removed = 1"
                  " AND t.kind <> 'removal' AND t.sender_pk <> " OWN_PK ")", NULL, 0,
                  "reading the tombstones", e) < 0 ? -1 : 0;
}

int db_record_standing(char *note, size_t notelen, struct store *s,
                       const unsigned char *sender_pk, json_t *rec, struct err *e)
{
    static const char tail[] = "; nothing was imported";
    json_t *c = json_object_get(rec, "consent");
    const char *subject = json_string_value(json_object_get(rec, "subject"));
    const char *rid = json_string_value(json_object_get(rec, "id"));
    const char *recorded = json_string_value(json_object_get(c, "recorded"));
    long recorded_seq = (long)json_integer_value(json_object_get(c, "seq"));
    const struct db_val v[] = { DB_BLOB(sender_pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(subject) };
    unsigned char opk[crypto_sign_PUBLICKEYBYTES];
    struct notice_origin o;
    struct err why;
    sqlite3_stmt *st;
    size_t n;
    int rc;

    note[0] = '\0';
    err_clear(&why);
    /* As import refuses it: its sender's tombstones, then its origin's
     * (content format 7, issue 16 C-8, E-6; adv17b E-11). */
    int passed = db_origin_of(&o, opk, sender_pk, rec);
    if (db_tombstone_check(s, sender_pk, passed ? o.pk : NULL, subject, rid, recorded,
                           recorded_seq, &why) != 0 ||
        (passed && db_origin_check(s, &o, rid, recorded, recorded_seq, &why) != 0)) {
        if (why.code != EXIT_AUTH) {
            if (e != NULL)
                *e = why;
            return -1;
        }
        n = strlen(why.msg);
        if (n >= sizeof tail - 1 && strcmp(why.msg + n - (sizeof tail - 1), tail) == 0)
            why.msg[n - (sizeof tail - 1)] = '\0';
        snprintf(note, notelen, "%s", why.msg);
        return 1;
    }
    if (subject == NULL || recorded == NULL)
        return 0;
    rc = db_first(&st, s, "SELECT c.date, c.seq FROM consent c JOIN subject_origin o"
                  " ON o.subject_id = c.subject_id WHERE o.sender_pk = ?1 AND o.uid = ?2"
                  " ORDER BY c.id DESC LIMIT 1", v, DB_N(v), "reading the consent", e);
    if (rc > 0 && db_scope_cmp((long)sqlite3_column_int64(st, 1),
                               (const char *)sqlite3_column_text(st, 0), recorded_seq,
                               recorded) < 0)
        snprintf(note, notelen, "its subject's consent scope here is newer (recorded %s) than "
                 "the one this copy carries: see 'intake subject show'",
                 (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return rc < 0 ? -1 : note[0] != '\0' ? 2 : 0;
}
