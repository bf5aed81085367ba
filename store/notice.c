/* Notices owed to contacts (issue 16): a withdrawal or a deletion of what
 * an export sent them, kept until sent (store/notice.h, store/store.h). */
#include "store/notice.h"

#include <string.h>

#include <sodium.h>

#include "crypto/card.h"
#include "store/db.h"

/* A notice owed to the contact named arg: by its signing key, whatever
 * name the contact had when the records were sent; by the name only for
 * a notice whose contact was no contact when it became due. */
#define NOTICE_TO(arg)                                                              \
    "(contact_pk = (SELECT sign_pk FROM contact WHERE name = " arg ") OR"           \
    " (contact_pk IS NULL AND contact = " arg "))"

/* The same addressee, notice rows a and b: the same key (issue 16
 * B-4: a contact's earlier key and its new one are two addressees),
 * or, for a row with no key, the same name. */
#define SAME_TO(a, b)                                                               \
    "coalesce(hex(" a ".contact_pk), " a ".contact) = coalesce(hex(" b ".contact_pk), " b ".contact)"

/* A re-consent (issue 16) is owed to every contact owed a withdrawal
 * of the subject, lifting that withdrawal's round; owed again (after a
 * later round), it is due again. v: db_notice_owed's values. */
static int owe_reconsent(struct store *s, const struct db_val *v, struct err *e)
{
    if (db_run(s, "UPDATE notice SET at = ?1, sent = NULL, round = (SELECT w.round FROM notice w"
               " WHERE w.kind = 'withdrawal' AND w.rid = '' AND w.subject = notice.subject"
               " AND " SAME_TO("w", "notice") ") WHERE kind = ?2"
               " AND subject = (SELECT uid FROM subject WHERE id = ?3) AND ?4 <= 0"
               " AND round < (SELECT w.round FROM notice w WHERE w.kind = 'withdrawal'"
               " AND w.rid = '' AND w.subject = notice.subject AND " SAME_TO("w", "notice") ")",
               v, 4, "keeping the notices owed", e) != 0)
        return -1;
    /* passed on with the withdrawal's origin (content format 7) */
    return db_run(s, "INSERT OR IGNORE INTO notice(at, kind, subject, rid, contact, contact_pk,"
                  " round, origin_pk, origin_subject) SELECT ?1, ?2, w.subject, '', w.contact,"
                  " w.contact_pk, w.round, w.origin_pk, w.origin_subject"
                  " FROM notice w WHERE w.kind = 'withdrawal' AND w.rid = '' AND ?4 <= 0"
                  " AND w.subject = (SELECT uid FROM subject WHERE id = ?3)",
                  v, 4, "keeping the notices owed", e);
}

int db_notice_owed(struct store *s, const char *kind, long sid, long rowid, struct err *e)
{
    return db_notice_owed_from(s, kind, sid, rowid, NULL, e);
}

int db_notice_owed_from(struct store *s, const char *kind, long sid, long rowid,
                        const struct notice_origin *origin, struct err *e)
{
    char now[32];
    const unsigned char *opk = origin != NULL ? origin->pk : NULL;
    const struct db_val v[] = {
        DB_TEXT(now), DB_TEXT(kind), DB_INT(sid), DB_INT(rowid),
        opk != NULL ? (struct db_val)DB_BLOB(opk, crypto_sign_PUBLICKEYBYTES)
                    : (struct db_val){ .type = SQLITE_NULL },
        DB_TEXT(opk != NULL ? origin->subject : ""),
        DB_INT(opk != NULL && origin->round > 1 ? origin->round : 1),
    };

    db_now(now, sizeof now);
    if (strcmp(kind, "reconsent") == 0)
        return owe_reconsent(s, v, e);
    /* A withdrawal after a re-consent is the next round, due again. */
    if (strcmp(kind, "withdrawal") == 0 &&
        db_run(s, "UPDATE notice SET round = round + 1, at = ?1, sent = NULL,"
               " upto = (SELECT coalesce(max(id), 0) FROM export)"
               " WHERE kind = ?2 AND rid = '' AND ?4 <= 0"
               " AND subject = (SELECT uid FROM subject WHERE id = ?3)"
               " AND EXISTS (SELECT 1 FROM notice r WHERE r.kind = 'reconsent'"
               " AND r.subject = notice.subject AND " SAME_TO("r", "notice")
               " AND r.round = notice.round)", v, 4, "keeping the notices owed", e) != 0)
        return -1;
    /* A withdrawal passed on in a later round of its origin (adv17b E-5):
     * this store's subject follows the origin's rounds, so the row owed
     * to each contact takes that round and is due again, whether or not
     * this store heard of the re-consent between. */
    if (strcmp(kind, "withdrawal") == 0 && opk != NULL &&
        db_run(s, "UPDATE notice SET round = ?7, at = ?1, sent = NULL,"
               " upto = (SELECT coalesce(max(id), 0) FROM export)"
               " WHERE kind = ?2 AND rid = '' AND ?4 <= 0 AND round < ?7"
               " AND subject = (SELECT uid FROM subject WHERE id = ?3)", v, DB_N(v),
               "keeping the notices owed", e) != 0)
        return -1;
    /* A scope owed again is new again (due now, not sent): the bundle
     * carries the scope of that time. (No UPSERT: SQLCipher 3.4's SQLite
     * is 3.15.) */
    if (strcmp(kind, "scope") == 0 &&
        db_run(s, "UPDATE notice SET at = ?1, sent = NULL WHERE kind = ?2 AND rid = ''"
               " AND subject = (SELECT uid FROM subject WHERE id = ?3) AND ?4 <= 0",
               v, 4, "keeping the notices owed", e) != 0)
        return -1;
    /* A withdrawal or deletion passed on names whose it is (its origin,
     * content format 7): owed again, the row keeps the first origin. */
    return db_run(s, "INSERT OR IGNORE INTO notice(at, kind, subject, rid, contact, contact_pk,"
                  " upto, origin_pk, origin_subject, round) SELECT DISTINCT ?1, ?2, s.uid,"
                  " CASE WHEN ?4 > 0 THEN r.rid ELSE '' END,"
                  " x.name, x.sign_pk, (SELECT coalesce(max(id), 0) FROM export), ?5, ?6,"
                  " CASE WHEN ?2 = 'withdrawal' AND ?4 <= 0 THEN ?7 ELSE 1 END"
                  " FROM record r JOIN subject s ON s.id = r.subject_id"
                  " JOIN export_record er ON er.rid = r.rid"
                  " JOIN export_recipient x ON x.export_id = er.export_id"
                  " WHERE (?4 > 0 AND r.id = ?4) OR (?4 <= 0 AND r.subject_id = ?3)",
                  v, DB_N(v), "keeping the notices owed", e);
}

/* The card fingerprint (CARD_FINGERPRINT_SIZE) of signing key pk from
 * the contacts' key history (every card added or replacing one); "" if
 * no card there has it (the history of a removed contact is gone). */
static int history_fingerprint(char *fp, size_t fplen, struct store *s, const void *pk,
                               struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    fp[0] = '\0';
    if (db_query(&st, s, "SELECT card FROM contact_history ORDER BY id", NULL, 0, e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the contacts", e)) > 0) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        struct card c;

        if (text != NULL && card_decode(&c, text, strlen(text), NULL) == 0 &&
            sodium_memcmp(c.sign_pk, pk, sizeof c.sign_pk) == 0) {
            card_fingerprint(fp, fplen, &c);
            break;
        }
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

int store_notice_each(struct store *s, notice_fn fn, void *ctx, struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    /* Column 6: the key's contact now (1), the name's contact with
     * another key (2: replaced), or neither (3: removed); 7: the key. */
    if (db_query(&st, s, "SELECT at, kind, subject, rid, coalesce((SELECT name FROM contact c"
                 " WHERE c.sign_pk = n.contact_pk), contact), sent,"
                 " CASE WHEN n.contact_pk IS NULL OR EXISTS (SELECT 1 FROM contact c"
                 " WHERE c.sign_pk = n.contact_pk) THEN 1 WHEN EXISTS (SELECT 1 FROM contact c"
                 " WHERE c.name = n.contact) THEN 2 ELSE 3 END, contact_pk,"
                 " (SELECT pseudonym FROM subject WHERE uid = n.subject) FROM notice n"
                 " ORDER BY sent IS NOT NULL, id", NULL, 0, e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the notices", e)) > 0) {
        const char *rid = (const char *)sqlite3_column_text(st, 3);
        char fp[CARD_FINGERPRINT_SIZE] = "";
        int where = sqlite3_column_int(st, 6);
        const void *pk = sqlite3_column_blob(st, 7);

        if (where > 1 && pk != NULL &&
            sqlite3_column_bytes(st, 7) == crypto_sign_PUBLICKEYBYTES &&
            history_fingerprint(fp, sizeof fp, s, pk, e) != 0) {
            rc = -1;
            break;
        }
        const struct notice_row r = {
            (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
            (const char *)sqlite3_column_text(st, 2),
            rid != NULL && rid[0] != '\0' ? rid : NULL,   /* '': the whole subject */
            (const char *)sqlite3_column_text(st, 4), (const char *)sqlite3_column_text(st, 5),
            where == 2 ? NOTICE_TO_REPLACED : where == 3 ? NOTICE_TO_REMOVED : NOTICE_TO_CURRENT,
            fp[0] != '\0' ? fp : NULL, (const char *)sqlite3_column_text(st, 8),
        };
        if (fn(ctx, &r, e) != 0) {
            rc = -1;
            break;
        }
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

int store_notice_count(long *n, struct store *s, struct err *e)
{
    *n = 0;
    return db_int(n, s, "SELECT count(*) FROM notice WHERE sent IS NULL", NULL, 0,
                  "reading the notices", e) < 0 ? -1 : 0;
}

int db_notice_count_sent(long *n, struct store *s, const char *const *to, size_t nto,
                         struct err *e)
{
    *n = 0;
    for (size_t i = 0; i < nto; i++) {
        const struct db_val v[] = { DB_TEXT(to[i]) };
        long k = 0;

        if (db_int(&k, s, "SELECT count(*) FROM notice WHERE sent IS NOT NULL AND "
                   NOTICE_TO("?1"), v, DB_N(v), "reading the notices", e) < 0)
            return -1;
        *n += k;
    }
    return 0;
}

int db_notice_count_former(long *n, struct store *s, const char *const *to, size_t nto,
                           struct err *e)
{
    *n = 0;
    for (size_t i = 0; i < nto; i++) {
        const struct db_val v[] = { DB_TEXT(to[i]) };
        long k = 0;

        if (db_int(&k, s, "SELECT count(*) FROM notice n WHERE sent IS NULL AND contact = ?1"
                   " AND contact_pk IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contact c"
                   " WHERE c.sign_pk = n.contact_pk)", v, DB_N(v), "reading the notices", e) < 0)
            return -1;
        *n += k;
    }
    return 0;
}

/* Adds to notice n the member "origin", {"key": hex of the origin's
 * signing key, "subject": its subject id}, from columns col (origin_pk)
 * and col + 1 of st, when the row has one (content format 7); with
 * "round", the origin's round (column col + 2, NULL: none), for a
 * withdrawal of the whole subject or a re-consent. */
static int origin_json(json_t *n, sqlite3_stmt *st, int col)
{
    char hex[crypto_sign_PUBLICKEYBYTES * 2 + 1];
    const void *pk = sqlite3_column_blob(st, col);
    json_t *o;

    if (pk == NULL || sqlite3_column_bytes(st, col) != crypto_sign_PUBLICKEYBYTES)
        return 0;
    sodium_bin2hex(hex, sizeof hex, pk, crypto_sign_PUBLICKEYBYTES);
    o = json_pack("{s:s, s:s}", "key", hex, "subject",
                  (const char *)sqlite3_column_text(st, col + 1));
    if (o != NULL && sqlite3_column_type(st, col + 2) != SQLITE_NULL &&
        json_object_set_new(o, "round", json_integer(sqlite3_column_int64(st, col + 2))) != 0) {
        json_decref(o);
        o = NULL;
    }
    return json_object_set_new(n, "origin", o);
}

int db_notice_json(json_t *out, long *last, struct store *s, const char *const *to, size_t nto,
                   int resend, struct err *e)
{
    json_t *seen = json_object();        /* kind/subject/record already added */
    int rc = 0;

    *last = 0;
    if (seen == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    for (size_t i = 0; i < nto && rc == 0; i++) {
        const struct db_val v[] = { DB_TEXT(to[i]), DB_INT(resend) };
        sqlite3_stmt *st;

        /* In the order they became due: a withdrawal after a re-consent
         * comes after it (their rows are kept, their time moved). */
        /* A withdrawal of the whole subject or a re-consent passed on
         * carries the origin's round: the highest of its withdrawals (or
         * re-consents) acted on here (its own notices or ones passed
         * on), whichever round this store's row counts for the contact. */
        if (db_query(&st, s, "SELECT id, kind, subject, rid, substr(at, 1, 10), round,"
                     " attachment, origin_pk, origin_subject, (SELECT max(t.round) FROM"
                     " tombstone t WHERE notice.kind IN ('withdrawal', 'reconsent')"
                     " AND notice.rid = '' AND t.sender_pk = notice.origin_pk"
                     " AND t.kind = notice.kind"
                     " AND t.subject = notice.origin_subject AND t.rid = '') FROM notice"
                     " WHERE (sent IS NULL OR ?2) AND " NOTICE_TO("?1") " ORDER BY at, id",
                     v, DB_N(v), e) != 0) {
            rc = -1;
            break;
        }
        while ((rc = db_step(st, s, "reading the notices", e)) > 0) {
            long id = (long)sqlite3_column_int64(st, 0);
            const char *kind = (const char *)sqlite3_column_text(st, 1);
            const char *subject = (const char *)sqlite3_column_text(st, 2);
            const char *rid = (const char *)sqlite3_column_text(st, 3);
            const char *day = (const char *)sqlite3_column_text(st, 4);
            json_int_t round = (json_int_t)sqlite3_column_int64(st, 5);
            const char *att = (const char *)sqlite3_column_text(st, 6);
            char key[200];

            json_t *n;

            if (id > *last)
                *last = id;
            snprintf(key, sizeof key, "%s/%s/%s/%lld/%s", kind, subject, rid, (long long)round,
                     att);
            if (json_object_get(seen, key) != NULL)
                continue;
            n = json_pack("{s:s, s:s, s:s?, s:s}", "kind", kind, "subject", subject,
                          "record", rid != NULL && rid[0] != '\0' ? rid : NULL, "day", day);
            /* The round: always in a re-consent, in a withdrawal only
             * after the first (content format 5). */
            if (n != NULL && (strcmp(kind, "reconsent") == 0 ||
                              (round > 1 && strcmp(kind, "withdrawal") == 0)) &&
                json_object_set_new(n, "round", json_integer(round)) != 0) {
                json_decref(n);
                n = NULL;
            }
            /* A removal names the attachment by the hash of the copy sent. */
            if (n != NULL && strcmp(kind, "removal") == 0 &&
                json_object_set_new(n, "attachment", json_string(att)) != 0) {
                json_decref(n);
                n = NULL;
            }
            /* A withdrawal, deletion or re-consent passed on names its origin. */
            if (n != NULL && origin_json(n, st, 7) != 0) {
                json_decref(n);
                n = NULL;
            }
            if (n == NULL || json_object_set_new(seen, key, json_true()) != 0 ||
                json_array_append_new(out, n) != 0) {
                rc = err_set(e, EXIT_INPUT, "out of memory");
                break;
            }
        }
        sqlite3_finalize(st);
        rc = rc < 0 ? -1 : 0;
    }
    json_decref(seen);
    return rc;
}

int db_notice_sent(struct store *s, const char *const *to, size_t nto, long last, struct err *e)
{
    char now[32];

    db_now(now, sizeof now);
    for (size_t i = 0; i < nto; i++) {
        const struct db_val v[] = { DB_TEXT(now), DB_TEXT(to[i]), DB_INT(last) };

        if (db_run(s, "UPDATE notice SET sent = ?1 WHERE sent IS NULL AND " NOTICE_TO("?2")
                   " AND id <= ?3", v, DB_N(v), "marking the notices sent", e) != 0)
            return -1;
    }
    return 0;
}

int db_notice_refused(char *who, size_t wholen, char *day, size_t daylen, struct store *s,
                      const char *rid, const char *const *to, size_t nto, struct err *e)
{
    for (size_t i = 0; i < nto; i++) {
        const struct db_val v[] = { DB_TEXT(to[i]), DB_TEXT(rid) };
        sqlite3_stmt *st;
        int rc;

        if (db_query(&st, s, "SELECT substr(n.at, 1, 10) FROM notice n"
                     " JOIN record r ON r.rid = ?2 JOIN subject j ON j.id = r.subject_id"
                     " WHERE n.kind = 'withdrawal' AND n.rid = '' AND n.subject = j.uid"
                     " AND (n.contact_pk = (SELECT sign_pk FROM contact c WHERE c.name = ?1) OR"
                     " (n.contact_pk IS NULL AND n.contact = ?1)) AND EXISTS (SELECT 1 FROM export_record er"
                     " JOIN export_recipient xr ON xr.export_id = er.export_id"
                     " WHERE er.rid = ?2 AND er.export_id <= n.upto AND (xr.sign_pk = n.contact_pk"
                     " OR (n.contact_pk IS NULL AND xr.name = n.contact)))", v, DB_N(v), e) != 0)
            return -1;
        rc = db_step(st, s, "reading the notices", e);
        if (rc > 0) {
            snprintf(who, wholen, "%s", to[i]);
            snprintf(day, daylen, "%s", (const char *)sqlite3_column_text(st, 0));
        }
        sqlite3_finalize(st);
        if (rc != 0)
            return rc < 0 ? -1 : 1;
    }
    return 0;
}

int db_notice_owed_removal(struct store *s, long attachment_id,
                           const struct notice_origin *origin, struct err *e)
{
    char now[32];
    const unsigned char *opk = origin != NULL ? origin->pk : NULL;
    const struct db_val v[] = {
        DB_TEXT(now), DB_INT(attachment_id),
        opk != NULL ? (struct db_val)DB_BLOB(opk, crypto_sign_PUBLICKEYBYTES)
                    : (struct db_val){ .type = SQLITE_NULL },
        DB_TEXT(opk != NULL ? origin->subject : ""),
    };

    db_now(now, sizeof now);
    /* The copy each export carried (its hash as it left); for exports
     * logged before schema 13, which kept no attachment, the stored one
     * if it was attached before that export (one attached later never
     * left with it: no notice, adv16b C-13). */
    return db_run(s, "INSERT OR IGNORE INTO notice(at, kind, subject, rid, attachment, contact,"
                  " contact_pk, origin_pk, origin_subject) SELECT DISTINCT ?1, 'removal', j.uid,"
                  " r.rid, lower(hex(h.sent)), x.name, x.sign_pk, ?3, ?4 FROM attachment a JOIN record r ON r.id = a.record_id"
                  " JOIN subject j ON j.id = r.subject_id JOIN ("
                  "  SELECT ea.export_id AS export_id, ea.rid AS rid, ea.sent AS sent,"
                  "  ea.stored AS stored FROM export_attachment ea"
                  "  UNION SELECT er.export_id, er.rid, a2.hash, a2.hash FROM export_record er"
                  "  JOIN record r2 ON r2.rid = er.rid JOIN attachment a2 ON a2.record_id = r2.id"
                  "  JOIN export ex ON ex.id = er.export_id WHERE a2.added <= ex.at"
                  "  AND NOT EXISTS (SELECT 1 FROM export_attachment e2"
                  "  WHERE e2.export_id = er.export_id)) h ON h.rid = r.rid AND h.stored = a.hash"
                  " JOIN export_recipient x ON x.export_id = h.export_id WHERE a.id = ?2",
                  v, DB_N(v), "keeping the notices owed", e);
}
