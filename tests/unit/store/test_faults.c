/* The store's error paths under an injected fault (issue 14): each SQL
 * statement of a change failing in turn, through SQLite's own seams (a
 * statement trace counts them, the progress handler interrupts the
 * chosen one, or the first after it that SQLite asks about).  Every time: exit status EXIT_INPUT, the exact message of
 * an interrupted statement naming what was being done, and the store as
 * it was (the change is one transaction).  The same change then works.
 * The I/O faults of each write and read are in test_db.c and
 * test_open.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include "store/db.h"

/* ---- the fault: statement N of the change is interrupted ---- */

static struct {
    unsigned long n, started;
    int landed, spare;           /* spare: the current statement is left alone */
} stepfault;

static int stepfault_trace(unsigned type, void *ctx, void *p, void *x)
{
    (void)ctx;
    (void)p;
    /* Statements inside triggers are traced with a "--" comment: not
     * statements of ours. */
    if (type == SQLITE_TRACE_STMT && strncmp((const char *)x, "--", 2) != 0) {
        stepfault.started++;
        /* The matcher cache is an optimisation whose failures are
         * ignored by design (store/privacy.c): not a fault to test. */
        stepfault.spare = strstr(sqlite3_sql(p), "matcher_cache") != NULL;
    }
    return 0;
}

static int stepfault_progress(void *ctx)
{
    (void)ctx;
    /* SQLite asks only at some instructions (loops, jumps): the first
     * time it asks in statement N or after. */
    if (stepfault.started >= stepfault.n && stepfault.n != 0 && !stepfault.spare) {
        stepfault.landed = 1;
        stepfault.n = 0;
        return 1;
    }
    return 0;
}

static void stepfault_arm(struct store *s, unsigned long n)
{
    stepfault.n = n;
    stepfault.started = 0;
    stepfault.landed = 0;
    assert_int_equal(sqlite3_trace_v2(s->db, SQLITE_TRACE_STMT, stepfault_trace, NULL),
                     SQLITE_OK);
    sqlite3_progress_handler(s->db, 1, stepfault_progress, NULL);
}

static void stepfault_disarm(struct store *s)
{
    sqlite3_progress_handler(s->db, 0, NULL, NULL);
    assert_int_equal(sqlite3_trace_v2(s->db, 0, NULL, NULL), SQLITE_OK);
}

/* ---- what the store holds, to compare before and after ---- */

static const char snapshot_sql[] =
    "SELECT (SELECT count(*) FROM subject) || '/' || (SELECT count(*) FROM subject_name)"
    " || '/' || (SELECT count(*) FROM record) || '/' || (SELECT count(*) FROM record_tag)"
    " || '/' || (SELECT count(*) FROM term) || '/' || (SELECT count(*) FROM allowed)"
    " || '/' || (SELECT count(*) FROM consent) || '/' || (SELECT count(*) FROM log)"
    " || '/' || (SELECT group_concat(version) FROM record)"
    " || '/' || (SELECT group_concat(pseudonym) FROM subject)"
    " || '/' || (SELECT count(*) FROM record_fts)";

static void snapshot(char *out, size_t outlen, struct store *s)
{
    sqlite3_stmt *st;

    assert_int_equal(sqlite3_prepare_v2(s->db, snapshot_sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

static const char checkpoint_tail[] =
    ", but old copies of its pages stay in the store's write-ahead log until the next "
    "change (database error while checkpointing the database: interrupted)";

/* A change to try: 0, or -1 with e. */
typedef int (*change_fn)(struct store *s, struct err *e);

/* Runs change with each of its statements interrupted in turn: each
 * time the exact message and an unchanged store; then it runs whole.
 * Returns how many statements it ran. */
static unsigned long each_statement_fails(struct store *s, change_fn change, const char *what)
{
    char before[512], after[512];
    unsigned long n;
    struct err e;
    int rc;

    snapshot(before, sizeof before, s);
    for (n = 1; n < 2000; n++) {
        stepfault_arm(s, n);
        err_clear(&e);
        rc = change(s, &e);
        stepfault_disarm(s);
        if (!stepfault.landed) {
            if (rc != 0)
                fail_msg("%s: %s", what, e.msg);
            break;
        }
        /* The write-ahead log emptied after a deletion: the change was
         * saved and the message says so (db_checkpoint_after); it is the
         * last statement. */
        if (rc == -1 && e.code == EXIT_INPUT &&
            strcmp(e.msg + strlen(e.msg) - strlen(checkpoint_tail), checkpoint_tail) == 0)
            return n;
        if (rc != -1 || e.code != EXIT_INPUT || strncmp(e.msg, "database error while ", 21) != 0 ||
            strcmp(e.msg + strlen(e.msg) - strlen(": interrupted"), ": interrupted") != 0)
            fail_msg("%s, statement %lu interrupted: %d, exit %d, '%s'", what, n, rc, e.code,
                     e.msg);
        snapshot(after, sizeof after, s);
        if (strcmp(before, after) != 0)
            fail_msg("%s, statement %lu interrupted ('%s'): %s became %s", what, n, e.msg,
                     before, after);
    }
    assert_true(n > 1 && n < 2000);
    return n;
}

/* ---- the changes ---- */

static char rid[RECORD_ID_CHARS + 1];

static int change_subject_add(struct store *s, struct err *e)
{
    const char *names[] = { "Pak Chol-su", "박철수" };
    char out[128];

    return store_subject_add(out, sizeof out, s, names, 2, NULL, NULL, "Dal", "ko", e);
}

static int change_record_add(struct store *s, struct err *e)
{
    const char *tags[] = { "wages", "passport" };
    struct record_row r = { 0 };

    r.title = "wages withheld";
    r.date = "2024-03-01";
    r.body = "They kept our passports and paid half.";
    r.place = "site 4";
    r.tags = tags;
    r.ntags = 2;
    return store_record_add(rid, sizeof rid, s, "Nari", &r, e);
}

static int change_allow(struct store *s, struct err *e)
{
    return store_allow(s, "Pyongyang", e);
}

static int change_consent(struct store *s, struct err *e)
{
    struct consent_change c = { .export_ok = 1, .quote = 0, .publish = 0, .attachments = 1,
                                .method = "verbal", .embargo = NULL, .withdraw = 0 };

    return store_consent_set(s, "Nari", &c, e);
}

static int change_rename(struct store *s, struct err *e)
{
    return store_subject_rename(s, "Nari", "Byul", e);
}

static int change_label(struct store *s, struct err *e)
{
    return store_set_label(s, "base camp", e);
}

static int change_record_edit(struct store *s, struct err *e)
{
    const char *tags[] = { "border" };
    struct record_change c = { .title = "crossing", .place = "", .tags = tags, .ntags = 1,
                               .set_tags = 1, .body = "We crossed the river in January." };
    long version;
    int changed;

    return store_record_edit(&version, &changed, s, rid, &c, e);
}

static int change_record_delete(struct store *s, struct err *e)
{
    return store_record_delete(s, rid, e);
}

static long term_id;

static int change_term_add(struct store *s, struct err *e)
{
    return store_term_add(&term_id, s, "place", "Rason", e);
}

static int change_term_remove(struct store *s, struct err *e)
{
    return store_term_remove(s, term_id, e);
}

static int change_forget(struct store *s, struct err *e)
{
    long n;

    return store_subject_forget(&n, s, "Dal", e);
}

/* Each change, each statement failing in turn, on one store. */
static void test_each_statement_fails(void **state)
{
    struct fixture *f = *state;
    char id[RECORD_ID_CHARS + 1];

    add_subject(f->s, "Kim Ji-yeon", "Nari");
    add_record(id, f->s, "Nari", "first", "2024-01-02", "We crossed in winter.");
    each_statement_fails(f->s, change_label, "label");
    each_statement_fails(f->s, change_subject_add, "subject add");
    each_statement_fails(f->s, change_record_add, "record add");
    each_statement_fails(f->s, change_term_add, "term add");
    each_statement_fails(f->s, change_allow, "allow");
    each_statement_fails(f->s, change_consent, "consent");
    each_statement_fails(f->s, change_rename, "subject rename");
    each_statement_fails(f->s, change_record_edit, "record edit");
    each_statement_fails(f->s, change_term_remove, "term remove");
    each_statement_fails(f->s, change_record_delete, "record delete");
    each_statement_fails(f->s, change_forget, "subject forget");
}

#define O(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        O(test_each_statement_fails),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
