/* An export and a change racing it (report adv17b E-17, E-18; SECURITY.md,
 * "One writer at a time, one snapshot per export").
 *
 * An export decides what may leave from one reading of the store (consent,
 * withdrawals, embargo, deletions, the notices owed), writes the bundle,
 * then logs it in a write transaction.  Another intake may commit between
 * the reading and the logging: a withdrawal, a narrower consent scope, a
 * record or subject deleted here, an imported notice.  Every such change
 * appends to the store's hash-chained log in its own transaction (store_log
 * refuses to write outside one), so the log's last sequence number, read
 * before the export's first read, marks the snapshot it decided on.  Inside
 * the transaction that logs the export (which holds the store's write
 * lock), any entry after the mark other than those an export writes itself
 * or a backup writes means the decision may be stale: the export is
 * refused, nothing is logged, and the bundle (not yet named) is removed.
 * Either the export saw the change, or the change saw the export (it
 * committed after the export's log entry, and the record counts as sent:
 * the notice is owed).  The rule is coarse on purpose: an unrelated change
 * (a record added) refuses the export too, and running it again is safe. */
#include "store/export_int.h"

#include <string.h>

#include "store/db.h"

/* Log actions that cannot change what an export may send: another
 * export's own entries ("export", and "record.version" which
 * store_export_log writes) and a backup. */
#define RACE_SAFE "('export', 'record.version', 'backup')"

int export_race_mark(struct pipeline *p, struct err *e)
{
    p->log_mark = 0;
    return db_int(&p->log_mark, p->s, "SELECT coalesce(max(seq), 0) FROM log", NULL, 0,
                  "reading the log", e) < 0 ? -1 : 0;
}

/* 1 when record rid is still in the store, 0 when not, -1 with e. */
static int record_there(struct pipeline *p, const char *rid, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(rid) };
    long n = 0;

    return db_int(&n, p->s, "SELECT count(*) FROM record WHERE rid = ?1", v, DB_N(v),
                  "reading the records", e) < 0 ? -1 : n > 0;
}

/* 1 when record rid still holds an attachment called name, 0, -1 with e. */
static int attachment_there(struct pipeline *p, const char *rid, const char *name,
                            struct err *e)
{
    const struct db_val v[] = { DB_TEXT(rid), DB_TEXT(name) };
    long n = 0;

    return db_int(&n, p->s, "SELECT count(*) FROM attachment a JOIN record r"
                  " ON r.id = a.record_id WHERE r.rid = ?1 AND a.name = ?2", v, DB_N(v),
                  "reading the attachments", e) < 0 ? -1 : n > 0;
}

/* What went missing among the records and attachments the export holds:
 * 1 with e saying which, 0 when all are there, -1 with e. */
static int what_went(struct pipeline *p, struct err *e)
{
    size_t i, j;
    json_t *doc, *a;

    json_array_foreach(p->docs, i, doc) {
        const char *rid = json_string_value(json_object_get(doc, "id"));
        int r = rid != NULL ? record_there(p, rid, e) : 1;

        if (r < 0)
            return -1;
        if (r == 0) {
            err_set(e, EXIT_INPUT, "record %s was deleted while the export ran; nothing was "
                    "exported or logged", rid);
            return 1;
        }
        json_array_foreach(json_array_get(p->atts, i), j, a) {
            const char *name = json_string_value(json_object_get(a, "name"));

            if (name == NULL || (r = attachment_there(p, rid, name, e)) > 0)
                continue;
            if (r < 0)
                return -1;
            err_set(e, EXIT_INPUT, "attachment '%s' of record %s was deleted while the export "
                    "ran; nothing was exported or logged", name, rid);
            return 1;
        }
    }
    return 0;
}

int export_race_check(struct pipeline *p, struct err *e)
{
    const struct db_val v[] = { DB_INT(p->log_mark) };
    sqlite3_stmt *st;
    char action[LOG_ACTION_MAX + 1] = "";
    long seq = 0;
    int rc, went;

    if (db_query(&st, p->s, "SELECT seq, action FROM log WHERE seq > ?1 AND action NOT IN "
                 RACE_SAFE " ORDER BY seq LIMIT 1", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, p->s, "reading the log", e);
    if (rc > 0) {
        const char *a = (const char *)sqlite3_column_text(st, 1);

        seq = (long)sqlite3_column_int64(st, 0);
        snprintf(action, sizeof action, "%s", a != NULL ? a : "?");
    }
    sqlite3_finalize(st);
    if (rc <= 0)
        return rc;
    if ((went = what_went(p, e)) != 0)
        return -1;
    return err_set(e, EXIT_INPUT, "the store changed while the export ran ('%s', entry %ld of "
                   "its log): what may leave is decided again when you run the export again; "
                   "nothing was exported or logged", action, seq);
}
