/* Headquarters acting on consent-scope notices (issue 16): the subject
 * here takes the scope its sender's notice carries, or keeps it for its
 * records to come (store/scope.h). */
#include "store/scope.h"

#include <sodium.h>

#include "store/db.h"
#include "store/origin.h"
#include "store/subject.h"
#include "store/tombstone_int.h"

/* The attachments of the sender's records of the subject here sid go
 * (chunks too, secure_delete): its scope says attachments no.  *files:
 * how many. */
static int drop_attachments(long *files, struct store *s, long import_id, long sid,
                            struct err *e)
{
    const struct db_val v[] = {
        DB_INT(import_id), DB_INT(sid), DB_TEXT(""), DB_TEXT(""), DB_TEXT(""), DB_TEXT(""),
        ORIGIN_VALS((const struct notice_origin *)NULL),
    };
#define HELD "SELECT id FROM attachment WHERE record_id IN (" DOOMED ")"

    *files = 0;
    if (db_int(files, s, "SELECT count(*) FROM (" HELD ")", v, DB_N(v),
               "reading the attachments", e) < 0)
        return -1;
    return *files == 0 ? 0 : db_run(s, "DELETE FROM attachment WHERE id IN (" HELD ")", v,
                                    DB_N(v), "removing the attachments", e);
#undef HELD
}

/* A scope for a subject of the sender not here yet, kept (the one
 * db_scope_order keeps over the one kept before, if any) until
 * db_scope_pending_take. 1 if kept, 0 if the one kept already stays. */
static int keep_pending(struct store *s, long import_id, const char *subject,
                        const struct consent *c, struct err *e)
{
    const struct db_val k[] = { DB_INT(import_id), DB_TEXT(subject) };
    struct consent held = { 0 }, w;
    int rc = db_scope_read(&held, s, "SELECT export, quote, publish, attachments, method,"
                           " embargo, date, 0, seq FROM scope_pending WHERE sender_pk = "
                           SENDER_PK " AND subject = ?2", k, DB_N(k), e);

    if (rc < 0)
        return -1;
    if (!db_scope_order(&w, &held, c))
        return 0;
    const struct db_val v[] = {
        DB_INT(import_id), DB_TEXT(subject), DB_INT(w.export_ok), DB_INT(w.quote),
        DB_INT(w.publish), DB_INT(w.attachments), DB_TEXT(w.method), DB_TEXT(w.embargo),
        DB_TEXT(w.date), DB_INT(w.seq),
    };
    return db_run(s, "INSERT OR REPLACE INTO scope_pending(sender_pk, subject, export, quote,"
                  " publish, attachments, method, embargo, date, seq) SELECT " SENDER_PK ", ?2,"
                  " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10", v, DB_N(v), "keeping the consent scope",
                  e) != 0 ? -1 : 1;
}

int db_scope_pending_take(struct store *s, long import_id, const char *subject, long sid,
                          struct err *e)
{
    const struct db_val v[] = { DB_INT(import_id), DB_TEXT(subject) };
    struct consent c = { 0 };
    int rc = db_scope_read(&c, s, "SELECT export, quote, publish, attachments, method, embargo,"
                           " date, 0, seq FROM scope_pending WHERE sender_pk = " SENDER_PK
                           " AND subject = ?2", v, DB_N(v), e);

    if (rc <= 0)
        return rc;
    if (db_consent_carry(s, sid, &c, e) < 0 ||
        db_run(s, "DELETE FROM scope_pending WHERE sender_pk = " SENDER_PK " AND subject = ?2",
               v, DB_N(v), "keeping the consent scope", e) != 0)
        return -1;
    return 0;
}

/* The subject here sid takes scope c (db_consent_carry) and, when c
 * says attachments no, loses the attachments of its records: own: only
 * the signer's records (DOOMED), else (the origin's subject here) all of
 * its records, whatever route they came by. Its contacts are owed a
 * scope notice naming origin o. *changed: 1 if the scope changed. */
static int scope_take(int *changed, long *files, struct store *s, long import_id, long sid,
                      int own, const struct consent *c, const struct notice_origin *o,
                      long floor, struct err *e)
{
    const struct db_val v[] = { DB_INT(sid) };
    const struct db_val w[] = { DB_INT(sid), DB_INT(floor) };
    long f = 0, now = 0;
    int rc = db_consent_carry(s, sid, c, e);

    *changed = 0;
    if (rc < 0)
        return -1;
    /* Attachments no: the copies here go when this notice or a record of
     * this bundle brought that scope (a consent row newer than floor); a
     * scope repeated unchanged was acted on before, and deletes nothing
     * attached here since (adv16b C-3: 'intake attach' says it never
     * leaves). */
    if (!c->attachments && rc == 0 &&
        db_int(&now, s, "SELECT 1 FROM consent WHERE subject_id = ?1 AND id > ?2 LIMIT 1", w,
               DB_N(w), "reading the consent", e) < 0)
        return -1;
    if (!c->attachments && (rc > 0 || now > 0)) {
        if (own && drop_attachments(&f, s, import_id, sid, e) != 0)
            return -1;
        if (!own && (db_int(&f, s, "SELECT count(*) FROM attachment WHERE record_id IN"
                            " (SELECT id FROM record WHERE subject_id = ?1)", v, DB_N(v),
                            "reading the attachments", e) < 0 ||
                     (f > 0 && db_run(s, "DELETE FROM attachment WHERE record_id IN"
                                      " (SELECT id FROM record WHERE subject_id = ?1)", v,
                                      DB_N(v), "removing the attachments", e) != 0)))
            return -1;
        *files += f;
    }
    if (rc == 0)
        return 0;
    *changed = 1;
    return db_notice_owed_from(s, "scope", sid, 0, o, e);
}

/* Up to SCOPE_MAX subjects here that a scope notice reaches besides the
 * signer's own (issue 16 B-10, E-16: one rule with withdrawals): the
 * origin's subject here (sid_o), and the subjects of the copies held here
 * that the signer's or the origin's routes name for their subject ids
 * (db_origin_subjects, as a withdrawal finds them). o: the notice's
 * origin, or the signer and its subject id. */
#define SCOPE_MAX 16
static int scope_others(long *ids, size_t *n, struct store *s, long import_id, long sid,
                        long sid_o, const char *subject, const struct notice_origin *o,
                        struct err *e)
{
    size_t m = 0;

    *n = 0;
    if (sid_o > 0 && sid_o != sid)
        ids[(*n)++] = sid_o;
    if (db_origin_subjects(ids + *n, &m, SCOPE_MAX - *n, s, import_id, subject, o, sid, sid_o,
                           e) != 0)
        return -1;
    *n += m;
    return 0;
}

int db_scope_apply(enum scope_outcome *outcome, long *files, struct store *s, long import_id,
                   const char *subject, const struct consent *c,
                   const struct notice_origin *origin, long floor, struct err *e)
{
    const struct db_val v[] = { DB_INT(import_id), DB_TEXT(subject) };
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    struct notice_origin own = { pk, subject, 0 };
    const struct notice_origin *o = origin != NULL ? origin : &own;
    char here[64];
    long sid, sid_o = 0, one = 0, w = 0, r = 0, others[SCOPE_MAX];
    size_t n = 0;
    int rc, changed = 0, any = 0;

    *outcome = SCOPE_UNCHANGED;
    *files = 0;
    if (db_subject_here(&sid, here, sizeof here, s, import_id, subject, e) != 0 ||
        (origin == NULL && db_signer_key(pk, s, import_id, e) != 0))
        return -1;
    rc = db_int(&one, s, "SELECT 1 FROM tombstone WHERE sender_pk = " SENDER_PK
                " AND subject = ?2 AND rid = '' AND kind = 'deletion'", v, DB_N(v),
                "reading the tombstones", e);
    if (rc == 0 && db_rounds(&w, &r, s, import_id, subject, e) != 0)
        return -1;
    if (rc != 0 || w > r)
        return rc < 0 ? -1 : 0;          /* withdrawn or deleted */
    /* Passed on, or held here by another route (issue 16 B-10): those
     * subjects take it too, unless the origin withdrew its subject here
     * (its own notice or one passed on). */
    if (origin != NULL &&
        (db_origin_subject_here(&sid_o, s, origin, e) != 0 ||
         db_rounds_of(&w, &r, s, import_id, origin->pk, origin->subject, e) != 0))
        return -1;
    if (origin == NULL || w <= r) {
        if (scope_others(others, &n, s, import_id, sid, sid_o, subject, o, e) != 0)
            return -1;
    }
    if (sid <= 0 && n == 0) {            /* not here yet: kept for its records */
        /* passed on: for the origin's records too, whatever route (C-6) */
        if (origin != NULL && db_origin_pending(s, origin, c, e) != 0)
            return -1;
        rc = keep_pending(s, import_id, subject, c, e);
        if (rc > 0)
            *outcome = SCOPE_KEPT;       /* else this scope or a later one kept already */
        return rc < 0 ? -1 : 0;
    }
    if (sid > 0 && scope_take(&any, files, s, import_id, sid, 1, c, o, floor, e) != 0)
        return -1;
    for (size_t k = 0; k < n; k++) {
        if (scope_take(&changed, files, s, import_id, others[k], 0, c, o, floor, e) != 0)
            return -1;
        any |= changed;
    }
    if (!any)
        return 0;
    *outcome = SCOPE_TAKEN;
    return store_log(s, "import.scope", subject, e);
}


int db_scope_attachments(int *allowed, struct store *s, const unsigned char *sender_pk,
                         const char *subject, const char *rid, struct err *e)
{
    const struct db_val v[] = {
        DB_BLOB(sender_pk, crypto_sign_PUBLICKEYBYTES), DB_TEXT(subject), DB_TEXT(rid),
    };
    long yes = 1;
    int rc = db_int(&yes, s, "SELECT attachments FROM consent WHERE subject_id = coalesce("
                    "(SELECT subject_id FROM subject_origin WHERE sender_pk = ?1 AND uid = ?2),"
                    " (SELECT subject_id FROM record WHERE rid = ?3)) ORDER BY id DESC LIMIT 1",
                    v, DB_N(v), "reading the consent", e);

    *allowed = rc <= 0 || yes != 0;
    return rc < 0 ? -1 : 0;
}

