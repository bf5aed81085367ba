/* A subject's informed consent: a dated history, the last entry counts. */
#include "store/db.h"

#include <stdio.h>
#include <string.h>

#include "util/day.h"
#include "util/intl.h"

#include "store/notice.h"
#include "store/subject.h"
#include "store/tombstone_since.h"

static int read_consent(struct consent *c, struct store *s, long sid, struct err *e);

int store_consent_get(struct consent *c, struct store *s, const char *pseudonym,
                      struct err *e)
{
    long sid;
    int rc;

    memset(c, 0, sizeof *c);
    if (db_subject_id(&sid, s, pseudonym, e) != 0)
        return -1;
    const struct db_val v[] = { DB_INT(sid) };
    long one = 0;
    rc = db_int(&one, s, "SELECT 1 FROM subject_origin WHERE subject_id = ?1 UNION"
                " SELECT 1 FROM record r JOIN record_origin o ON o.record_id = r.id"
                " WHERE r.subject_id = ?1 LIMIT 1", v, DB_N(v), "reading the consent", e);
    if (rc < 0)
        return -1;
    c->imported = rc > 0;
    return read_consent(c, s, sid, e);
}

int db_consent_by_uid(struct consent *c, struct store *s, const char *uid, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(uid) };
    long sid = 0;
    int rc = db_int(&sid, s, "SELECT id FROM subject WHERE uid = ?1", v, DB_N(v),
                    "reading the subjects", e);

    memset(c, 0, sizeof *c);
    return rc <= 0 ? rc : read_consent(c, s, sid, e);
}

json_t *db_consent_json(const struct consent *c)
{
    json_t *o = json_pack("{s:b, s:b, s:b, s:b, s:s?, s:s, s:s?}", "export", c->export_ok,
                          "quote", c->quote, "publish", c->publish, "attachments", c->attachments,
                          "method", c->method[0] ? c->method : NULL, "recorded", c->date,
                          "embargo", c->embargo[0] ? c->embargo : NULL);

    /* content format 6: the subject's counter, when known */
    if (o != NULL && c->seq > 0 && json_object_set_new(o, "seq", json_integer(c->seq)) != 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The last consent entry of subject sid into c (c->recorded 0: none). */
static int read_consent(struct consent *c, struct store *s, long sid, struct err *e)
{
    const struct db_val v[] = { DB_INT(sid) };

    return db_scope_read(c, s, "SELECT export, quote, publish, attachments, method, embargo,"
                         " date, withdrawn, seq FROM consent WHERE subject_id = ?1"
                         " ORDER BY id DESC LIMIT 1", v, DB_N(v), e) < 0 ? -1 : 0;
}

/* The day d as people read it (translated), or its "YYYY-MM-DD" as
 * written (English, --json). */
static void shown_day(char *out, size_t outlen, const char *d, int translated)
{
    if (translated)
        day_shown(out, outlen, d);
    else
        snprintf(out, outlen, "%.10s", d);
}

void consent_blocks(char *why, size_t whylen, const struct consent *c,
                    const char *today, int translated)
{
    char day[DAY_SHOWN_BYTES];

    if (!c->recorded && c->imported)
        snprintf(why, whylen, "%s", intl_maybe("its consent was not carried by the bundle it came in "
                                               "(content format 1, before issue 16)", translated));
    else if (!c->recorded)
        snprintf(why, whylen, "%s", intl_maybe("no consent is recorded (record it with 'intake "
                                               "consent PSEUDONYM --export yes')", translated));
    else if (c->withdrawn[0] != '\0') {
        shown_day(day, sizeof day, c->withdrawn, translated);
        snprintf(why, whylen, intl_maybe("consent was withdrawn on %s", translated), day);
    } else if (!c->export_ok)
        snprintf(why, whylen, "%s", intl_maybe("the recorded consent does not allow export "
                                               "(--export no)", translated));
    else if (c->embargo[0] != '\0' && strcmp(today, c->embargo) < 0) {
        shown_day(day, sizeof day, c->embargo, translated);
        snprintf(why, whylen, intl_maybe("under embargo until %s", translated), day);
    } else if (whylen > 0)
        why[0] = '\0';
}

static const char *const methods[] = { "verbal", "written", "recorded" };

static int check_change(const struct consent_change *c, struct err *e)
{
    int ok = c->method == NULL;

    for (size_t i = 0; !ok && i < sizeof methods / sizeof methods[0]; i++)
        ok = strcmp(c->method, methods[i]) == 0;
    if (!ok)
        return err_set(e, EXIT_INPUT, "--method must be verbal, written or recorded");
    if (c->embargo != NULL && c->embargo[0] != '\0' &&
        (strlen(c->embargo) != 10 || c->embargo[4] != '-' || c->embargo[7] != '-'))
        return err_set(e, EXIT_INPUT, "--embargo must be a date YYYY-MM-DD");
    return 0;
}

static int keep(int change, int old)
{
    return change < 0 ? old : change != 0;
}

/* The floor of the device's consent counters (meta consent_floor, 0
 * when absent): a restore raises it, so that a consent recorded after it
 * orders after every one the device recorded, and may have sent, after
 * the backup was made (docs/FORMAT.md, "Consent scope order"). */
#define SEQ_FLOOR "coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'consent_floor'), 0)"
/* How far a restore raises it: more consent changes than this to one
 * subject between a backup and its restore would be needed to tie. */
#define SEQ_FLOOR_STEP "1000000"
#define SEQ_FLOOR_GAP 1000000L   /* SEQ_FLOOR_STEP as a number */
/* The counter's ceiling (content format 6: 1..2147483647), less a
 * step, so that counters above the floor stay in range. */
#define SEQ_FLOOR_MAX "2146483647"

int db_consent_floor_raise(struct store *s, struct err *e)
{
    return db_run(s, "INSERT OR REPLACE INTO meta(key, value) VALUES ('consent_floor', CAST(min("
                  SEQ_FLOOR_MAX ", max(" SEQ_FLOOR ", (SELECT coalesce(max(seq), 0) FROM consent))"
                  " + " SEQ_FLOOR_STEP ") AS TEXT))", NULL, 0, "raising the consent counter",
                  e);
}

/* Appends the consent of subject sid, dated now: c's changes over old. */
static int insert_consent(struct store *s, long sid, const struct consent_change *c,
                          const struct consent *old, struct err *e)
{
    char now[32];
    const struct db_val v[] = {
        DB_INT(sid), DB_INT(keep(c->export_ok, old->export_ok)), DB_INT(keep(c->quote, old->quote)),
        DB_INT(keep(c->publish, old->publish)), DB_INT(keep(c->attachments, old->attachments)),
        DB_TEXT(c->method != NULL ? c->method : old->method),
        DB_TEXT(c->embargo != NULL ? c->embargo : old->embargo), DB_INT(c->withdraw != 0),
        DB_TEXT(now), DB_INT(c->include_earlier != 0),
    };

    db_now(now, sizeof now);
    /* seq: the subject's counter, one more than its last entry's, and
     * above the floor a restore raised: the order of its consents that
     * bundles carry (the clock may run back, a backup may be older). */
    /* upto: the log's last seq before this entry's own, which orders it
     * against each record's "record.add" (store_consent_earlier). */
    return db_run(s, "INSERT INTO consent(subject_id, export, quote, publish, attachments, method,"
                  " embargo, withdrawn, date, seq, upto, earlier) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                  " ?7, ?8, ?9, max((SELECT coalesce(max(seq), 0) + 1 FROM consent WHERE"
                  " subject_id = ?1), " SEQ_FLOOR " + 1), (SELECT coalesce(max(seq), 0) FROM log),"
                  " ?10)",
                  v, DB_N(v), "recording the consent", e);
}

/* 1 if c narrows the scope old (a yes becomes no, or an embargo is set
 * or moved later), or changes its embargo at all (moved earlier, or
 * lifted: --embargo none). A contact that received the subject's records
 * must learn it (a notice of kind scope, issue 16): an embargo holds the
 * records there until its day, so one lifted or shortened is told as one
 * set is (adv20c J-8). Another wider scope travels with the next record
 * of the subject, and a notice sent later carries the scope of that
 * time. */
static int scope_narrows(const struct consent_change *c, const struct consent *old)
{
    return old->recorded &&
           ((old->export_ok && !keep(c->export_ok, 1)) || (old->quote && !keep(c->quote, 1)) ||
            (old->publish && !keep(c->publish, 1)) ||
            (old->attachments && !keep(c->attachments, 1)) ||
            (c->embargo != NULL && strcmp(c->embargo, old->embargo) != 0));
}

/* The last withdrawal of subject sid and the re-consent after it (the
 * first entry after it), their dates, the re-consent's upto and counter, and
 * whether an entry since the withdrawal said --include-earlier: 1 when
 * there is such a re-consent, 0 when none (never withdrawn, or withdrawn
 * now), -1 on an error. */
struct reconsent {
    char withdrawn[32], date[32];
    long upto, seq;
    int earlier;
};

static int last_reconsent(struct reconsent *out, struct store *s, long sid, struct err *e)
{
    const struct db_val v[] = { DB_INT(sid) };
    sqlite3_stmt *st;
    int rc;

    memset(out, 0, sizeof *out);
    if (db_query(&st, s, "SELECT w.date, r.date, r.upto, r.seq, EXISTS (SELECT 1 FROM consent x WHERE"
                 " x.subject_id = ?1 AND x.id > w.id AND x.earlier <> 0) FROM consent w JOIN"
                 " consent r ON r.id = (SELECT min(id) FROM consent WHERE subject_id = ?1 AND"
                 " id > w.id) WHERE w.id = (SELECT max(id) FROM consent WHERE subject_id = ?1"
                 " AND withdrawn <> 0)", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading the consent", e);
    if (rc > 0) {
        snprintf(out->withdrawn, sizeof out->withdrawn, "%s", (const char *)sqlite3_column_text(st, 0));
        snprintf(out->date, sizeof out->date, "%s", (const char *)sqlite3_column_text(st, 1));
        out->upto = (long)sqlite3_column_int64(st, 2);
        out->seq = (long)sqlite3_column_int64(st, 3);
        out->earlier = sqlite3_column_int(st, 4) != 0;
    }
    sqlite3_finalize(st);
    return rc;
}

/* The records of subject sid (?1; with ?3, record ?3 only): each one's
 * row id, and 1 if this store's log has it made before the re-consent r
 * ("record.add" at or before r's upto ?2; a record without that entry
 * counts as earlier). */
#define EARLIER_SQL "SELECT x.id, coalesce((SELECT min(l.seq) FROM log l WHERE" \
    " l.action = 'record.add' AND l.object = x.rid), 0) <= ?2 FROM record x" \
    " WHERE x.subject_id = ?1"

/* *n: how many records of subject sid (rid: that one only, NULL: all)
 * were made before the re-consent r: an imported record by what
 * travelled with it (db_record_before_reconsent: headquarters holds no
 * "record.add" of it, issue 16 E-4), one made here by the log. */
static int count_earlier(long *n, struct store *s, long sid, const struct reconsent *r,
                         const char *rid, struct err *e)
{
    const struct db_val v[] = { DB_INT(sid), DB_INT(r->upto), DB_TEXT(rid) };
    sqlite3_stmt *st;
    int rc, before;

    *n = 0;
    if (db_query(&st, s, rid != NULL ? EARLIER_SQL " AND x.rid = ?3" : EARLIER_SQL, v,
                 rid != NULL ? 3 : 2, e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the records", e)) > 0) {
        rc = db_record_before_reconsent(&before, s, (long)sqlite3_column_int64(st, 0), r->seq,
                                        r->date, e);
        if (rc < 0)
            break;
        *n += rc > 0 ? before : sqlite3_column_int(st, 1) != 0;
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

/* --include-earlier needs a withdrawal before it, and says nothing alone
 * while the consent is withdrawn (old: the consent before this change). */
static int earlier_check(struct store *s, long sid, const char *pseudonym,
                         const struct consent_change *c, const struct consent *old,
                         struct err *e)
{
    long n = 0;
    const struct db_val v[] = { DB_INT(sid) };
    int rc = db_int(&n, s, "SELECT count(*) FROM consent WHERE subject_id = ?1 AND withdrawn <> 0",
                    v, DB_N(v), "reading the consent", e);

    if (rc < 0)
        return -1;
    if (n == 0)
        return err_set(e, EXIT_INPUT, "the consent of %s was never withdrawn, so it covers all "
                       "its records already; --include-earlier is for a re-consent after a "
                       "withdrawal", pseudonym);
    if (old->withdrawn[0] != '\0' && c->export_ok == -1 && c->quote == -1 && c->publish == -1 &&
        c->attachments == -1 && c->embargo == NULL && c->method == NULL)
        return err_set(e, EXIT_INPUT, "the consent of %s is withdrawn: give the new consent "
                       "(--export yes ...) with --include-earlier", pseudonym);
    return 0;
}

int store_consent_earlier(struct consent_earlier *out, struct store *s, const char *pseudonym,
                          const char *rid, struct err *e)
{
    struct reconsent r;
    long sid, n = 0;
    int rc;

    memset(out, 0, sizeof *out);
    if (db_subject_id(&sid, s, pseudonym, e) != 0 || (rc = last_reconsent(&r, s, sid, e)) < 0)
        return -1;
    if (rc == 0 || r.earlier)
        return 0;
    if (count_earlier(&n, s, sid, &r, rid, e) != 0)
        return -1;
    out->records = n;
    snprintf(out->withdrawn, sizeof out->withdrawn, "%s", r.withdrawn);
    snprintf(out->reconsent, sizeof out->reconsent, "%s", r.date);
    return 0;
}

int store_consent_set(struct store *s, const char *pseudonym,
                      const struct consent_change *c, struct err *e)
{
    struct consent old;
    char sid_text[32];
    long sid;
    int reconsent;

    if (check_change(c, e) != 0 || store_begin(s, e) != 0)
        return -1;
    if (db_subject_id(&sid, s, pseudonym, e) != 0 || store_consent_get(&old, s, pseudonym, e) != 0)
        goto fail;
    /* A person who withdraws to headquarters directly: forget is what
     * this store can do (adv19c C-5). */
    if (old.imported && c->withdraw) {
        err_set(e, EXIT_INPUT, "%s came in a bundle: its consent is the one its device "
                "recorded, carried by its bundles, and cannot be changed here; to stop "
                "keeping its records here: 'intake subject forget %s'", pseudonym, pseudonym);
        goto fail;
    }
    if (old.imported) {
        err_set(e, EXIT_INPUT, "%s came in a bundle: its consent is the one its device "
                "recorded, carried by its bundles, and cannot be changed here", pseudonym);
        goto fail;
    }
    /* A new consent after a withdrawal is a re-consent: the contacts
     * told of the withdrawal are told of it too, so that the subject's
     * later records can reach them (issue 16; docs/FORMAT.md "Notices"). */
    reconsent = old.withdrawn[0] != '\0' && !c->withdraw;
    if (c->include_earlier && earlier_check(s, sid, pseudonym, c, &old, e) != 0)
        goto fail;
    if (old.withdrawn[0] != '\0' || c->withdraw)
        memset(&old, 0, sizeof old);     /* after a withdrawal, everything starts at no */
    snprintf(sid_text, sizeof sid_text, "%ld", sid);
    if (insert_consent(s, sid, c, &old, e) != 0 || store_log(s, "consent", sid_text, e) != 0 ||
        (c->withdraw && db_notice_owed(s, "withdrawal", sid, 0, e) != 0) ||
        (reconsent && db_notice_owed(s, "reconsent", sid, 0, e) != 0) ||
        (!c->withdraw && scope_narrows(c, &old) && db_notice_owed(s, "scope", sid, 0, e) != 0))
        goto fail;
    return store_commit(s, e);
fail:
    store_rollback(s);
    return -1;
}

/* 1 if a and b are the same scope (the date recorded included). */
static int same_scope(const struct consent *a, const struct consent *b)
{
    return a->export_ok == b->export_ok && a->quote == b->quote && a->publish == b->publish &&
           a->attachments == b->attachments && strcmp(a->method, b->method) == 0 &&
           strcmp(a->embargo, b->embargo) == 0 && strcmp(a->date, b->date) == 0;
}

int db_scope_read(struct consent *c, struct store *s, const char *sql, const struct db_val *v,
                  size_t nv, struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, sql, v, nv, e) != 0)
        return -1;
    rc = db_step(st, s, "reading the consent", e);
    if (rc > 0) {
        c->recorded = 1;
        c->export_ok = sqlite3_column_int(st, 0) != 0;
        c->quote = sqlite3_column_int(st, 1) != 0;
        c->publish = sqlite3_column_int(st, 2) != 0;
        c->attachments = sqlite3_column_int(st, 3) != 0;
        snprintf(c->method, sizeof c->method, "%s", (const char *)sqlite3_column_text(st, 4));
        snprintf(c->embargo, sizeof c->embargo, "%s", (const char *)sqlite3_column_text(st, 5));
        snprintf(c->date, sizeof c->date, "%s", (const char *)sqlite3_column_text(st, 6));
        if (sqlite3_column_count(st) > 7 && sqlite3_column_int(st, 7) != 0)
            snprintf(c->withdrawn, sizeof c->withdrawn, "%s", c->date);
        if (sqlite3_column_count(st) > 8)
            c->seq = (long)sqlite3_column_int64(st, 8);
    }
    sqlite3_finalize(st);
    return rc;
}

/* The narrower of a and b, field by field (a no over a yes, the later
 * embargo), with a's method, date and counter: what a scope may allow
 * when the order of a and b cannot be told. */
static void scope_meet(struct consent *out, const struct consent *a, const struct consent *b)
{
    *out = *a;
    out->export_ok = a->export_ok && b->export_ok;
    out->quote = a->quote && b->quote;
    out->publish = a->publish && b->publish;
    out->attachments = a->attachments && b->attachments;
    if (strcmp(b->embargo, a->embargo) > 0)
        snprintf(out->embargo, sizeof out->embargo, "%s", b->embargo);
}

int db_scope_cmp(long held_seq, const char *held_date, long seq, const char *date)
{
    int d = strcmp(date, held_date);

    /* The subject's counter on its device, which cannot run backwards,
     * when both carry it; a scope that carries it is newer than one that
     * does not (bundles before the counter); else the device's clock. */
    if (held_seq > 0 && seq > 0)
        return seq > held_seq ? 1 : seq < held_seq ? -1 : 0;
    if (held_seq > 0 || seq > 0)
        return seq > 0 ? 1 : -1;
    return d > 0 ? 1 : d < 0 ? -1 : 0;
}

int db_scope_order(struct consent *out, const struct consent *held, const struct consent *c)
{
    int order;

    if (!held->recorded) {
        *out = *c;
        return 1;
    }
    order = db_scope_cmp(held->seq, held->date, c->seq, c->date);
    /* a withdrawal here is the narrowest scope: only a newer one lifts it */
    if (order < 0 || same_scope(held, c) || (order == 0 && held->withdrawn[0] != '\0'))
        return 0;
    /* A gap of SEQ_FLOOR_STEP or more: a restore lies between them
     * (restore raises the floor by that much; a subject does not change
     * its consent a million times), so c's device may not know held (a
     * narrowing it sent after the backup, adv16 B-7). c is newer, but
     * takes nothing held forbids: the narrower wins, field by field. */
    if (order > 0 && held->seq > 0 && c->seq - held->seq >= SEQ_FLOOR_GAP) {
        scope_meet(out, c, held);
        return !same_scope(out, held);
    }
    if (order > 0) {
        *out = *c;
        return 1;
    }
    scope_meet(out, held, c);            /* a tie: the narrower wins */
    return !same_scope(out, held);
}

int db_consent_carry(struct store *s, long sid, const struct consent *c, struct err *e)
{
    const struct db_val v[] = { DB_INT(sid) };
    struct consent last = { 0 }, keep;
    int rc = db_scope_read(&last, s, "SELECT export, quote, publish, attachments, method, embargo,"
                           " date, withdrawn, seq FROM consent WHERE subject_id = ?1 ORDER BY"
                           " id DESC LIMIT 1", v, DB_N(v), e);

    if (rc < 0)
        return -1;
    /* The same scope, or one older than the last one here (a bundle
     * written before a narrowed consent, arriving after its notice):
     * nothing changes (db_scope_order). */
    if (!db_scope_order(&keep, &last, c))
        return 0;
    c = &keep;
    const struct db_val w[] = {
        DB_INT(sid), DB_INT(c->export_ok), DB_INT(c->quote), DB_INT(c->publish),
        DB_INT(c->attachments), DB_TEXT(c->method), DB_TEXT(c->embargo), DB_TEXT(c->date),
        DB_INT(c->seq),
    };
    return db_run(s, "INSERT INTO consent(subject_id, export, quote, publish, attachments, method,"
                  " embargo, withdrawn, date, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9)",
                  w, DB_N(w), "keeping the consent the bundle carried", e) != 0 ? -1 : 1;
}


int store_record_consent(struct consent *c, char *pseudonym, size_t pseudonymlen,
                         struct store *s, const char *rid, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(rid) };
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, "SELECT s.pseudonym FROM record r JOIN subject s ON s.id = r.subject_id"
                 " WHERE r.rid = ?1", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading the record", e);
    if (rc > 0)
        snprintf(pseudonym, pseudonymlen, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (rc == 0)
        return err_set(e, EXIT_INPUT, "no record %s", rid);
    return rc < 0 ? -1 : store_consent_get(c, s, pseudonym, e);
}
