/* The store's error paths under an injected fault (issue 14): each SQL
 * statement of a change failing in turn, through SQLite's own seams (a
 * statement trace counts them, the progress handler interrupts the
 * chosen one, or the first after it that SQLite asks about).  Every
 * time: exit status EXIT_INPUT, the message of an interrupted statement
 * naming what was being done (or quoting it as its cause), the store as
 * it was (the change is one transaction), no bundle left by an export;
 * then the same change works.  Seventeen changes, on one store (label,
 * subjects, records, terms, allowed texts, consent, forget) and between
 * two (attachments, export, import, contacts).  The I/O faults of each
 * write and read are in test_db.c and test_open.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include "store/attach.h"
#include "store/db.h"
#include "store/audit.h"
#include "store/statement.h"
#include "store/unpack.h"
#include "export/audit.h"

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
         * ignored by design (store/privacy.c), and the wipe of deleted
         * attachments' files after a commit is retried at the next commit
         * and open (store/blob.c): not faults to test. */
        stepfault.spare = strstr(sqlite3_sql(p), "matcher_cache") != NULL ||
                          strstr(sqlite3_sql(p), "blob_gone") != NULL;
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
    " || '/' || (SELECT count(*) FROM record_fts) || '/' || (SELECT count(*) FROM contact)"
    " || '/' || (SELECT count(*) FROM contact_history)"
    " || '/' || (SELECT group_concat(coalesce(verified, '-')) FROM contact)"
    " || '/' || (SELECT count(*) FROM export) || '/' || (SELECT count(*) FROM import)"
    " || '/' || (SELECT count(*) FROM attachment)"
    " || '/' || (SELECT count(*) FROM attachment_chunk)";

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

/* 1 if msg is db_explain's for an interrupted statement ("database
 * error while DOING: interrupted"), or quotes it as its cause (an export
 * naming the attachment it was reading). */
static int interrupted(const char *msg)
{
    const char *at = strstr(msg, "database error while ");
    const char *end = at != NULL ? strstr(at, ": interrupted") : NULL;

    return at != NULL && end != NULL && (at == msg || strncmp(at - 2, ": ", 2) == 0) &&
           (end[13] == '\0' || end[13] == ';' || end[13] == ')');
}

/* 1 while the change is an export (each_statement_fails above). */
static int done_when_named;

/* How many exports wait for their bundle's name (store/export_pending.h). */
static long pending_marks(struct store *s)
{
    sqlite3_stmt *st;
    long n;

    assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT count(*) FROM meta WHERE key LIKE "
                                        "'export.pending.%'", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    n = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

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
        /* An export whose bundle got its name is done: a statement after
         * (its notices marked sent, its pending mark dropped) that fails
         * is tried again, and the store is as after a whole export, its
         * mark gone.  A mark left there was the "0x10 != 0xf" of session
         * 36: the next export's start resolved it after this test had
         * removed the bundle, as a person may move it away, and took the
         * export back ("export.undone"): a bundle that left, unlogged
         * (store/export_pending.c, export_pending_done). */
        if (rc == 0 && done_when_named) {
            if (pending_marks(s) != 0)
                fail_msg("%s, statement %lu interrupted after the bundle got its name: "
                         "its pending mark is left", what, n);
            break;
        }
        /* The write-ahead log emptied after a deletion: the change was
         * saved and the message says so (db_checkpoint_after); it is the
         * last statement. */
        if (rc == -1 && e.code == EXIT_INPUT && strlen(e.msg) >= strlen(checkpoint_tail) &&
            strcmp(e.msg + strlen(e.msg) - strlen(checkpoint_tail), checkpoint_tail) == 0)
            return n;
        if (getenv("EXPLORE")) printf("%s %lu: %d %s\n", what, n, rc, e.msg);
        if (rc != -1 || e.code != EXIT_INPUT || !interrupted(e.msg) ||
            strstr(e.msg, "--keep-metadata") != NULL)
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

static struct pair *the_pair;

static int change_export(struct store *s, struct err *e)
{
    struct export_request req = pair_request(the_pair);
    struct export_result res;
    int rc;

    req.skip_blocked = 1;
    unlink(the_pair->out);
    done_when_named = 1;
    rc = store_export(&res, s, &req, e);
    done_when_named = rc == 0 && access(the_pair->out, F_OK) == 0;
    export_result_free(&res);
    /* A failed export leaves no bundle. */
    if (rc != 0 && access(the_pair->out, F_OK) == 0)
        fail_msg("export failed ('%s'), yet %s is there", e->msg, the_pair->out);
    return rc;
}

static int change_import(struct store *s, struct err *e)
{
    struct import_result res;

    /* hq does not know field: accept the unknown sender. */
    return store_import(&res, s, the_pair->out, 1, e);
}

/* Stores name (type) holding buf[0..len) on Nari's record, in one
 * transaction. */
static int attach_as_change(struct store *s, const char *name, const char *type,
                        const unsigned char *buf, size_t len, struct err *e)
{
    struct attachment_writer *w;

    if (store_begin(s, e) != 0)
        return -1;
    if (store_attachment_begin(&w, s, the_pair->nari, name, type, 0, e) != 0)
        goto fail;
    if (store_attachment_write(w, buf, len, e) != 0) {
        store_attachment_abort(w);
        goto fail;
    }
    if (store_attachment_end(w, NULL, e) != 0)
        goto fail;
    return store_commit(s, e);
fail:
    store_rollback(s);
    return -1;
}

static int change_attach(struct store *s, struct err *e)
{
    return attach_as_change(s, "voice.txt", "text/plain", (const unsigned char *)"recording\n", 10,
                        e);
}

/* A photo, which export reads whole to remove its metadata: a read that
 * fails there is told as such, never as metadata it cannot remove. */
static int change_attach_photo(struct store *s, struct err *e)
{
    size_t len;
    unsigned char *photo = slurp("tests/data/media/photo.jpg", &len);
    int rc = attach_as_change(s, "photo.jpg", "image/jpeg", photo, len, e);

    free(photo);
    return rc;
}

static int change_attach_remove(struct store *s, struct err *e)
{
    return store_attachment_remove(s, the_pair->nari, "voice.txt", e);
}

static int change_contact_confirm(struct store *s, struct err *e)
{
    return store_contact_confirm(s, "hq", e);
}

static int change_contact_remove(struct store *s, struct err *e)
{
    return store_contact_remove(s, "hq", e);
}

/* A correction of Nari's record on field, to export again. */
static int change_nari_edit(struct store *s, struct err *e)
{
    struct record_change c = { .body = "We crossed the river in January, at night." };
    long version;
    int changed;

    return store_record_edit(&version, &changed, s, the_pair->nari, &c, e);
}

static int count_export(void *ctx, const struct export_row *r, struct err *e)
{
    (void)r;
    (void)e;
    ++*(int *)ctx;
    return 0;
}

/* Reading what the store remembers of bundles (intake exports, and where
 * an imported record came from): a failed read is named, never taken for
 * "none". */
static int read_exports(struct store *s, struct err *e)
{
    int n = 0;

    return store_export_each(s, NULL, count_export, &n, e) != 0 ? -1 : n > 0 ? 0
           : err_set(e, EXIT_AUTH, "no exports listed");
}

static int read_exports_of_nari(struct store *s, struct err *e)
{
    int n = 0;

    return store_export_each(s, the_pair->nari, count_export, &n, e) != 0 ? -1 : n > 0 ? 0
           : err_set(e, EXIT_AUTH, "no exports of the record listed");
}

static int read_origin(struct store *s, struct err *e)
{
    char out[512];

    return store_record_origin(out, sizeof out, s, the_pair->nari, e);
}

/* A withdrawal on field, the notice of it sent to hq (notify) and hq
 * acting on it (import): the tombstones and notices of store/tombstone.c. */
static int change_withdraw(struct store *s, struct err *e)
{
    struct consent_change c = { -1, -1, -1, -1, NULL, NULL, 1, 0 };

    return store_consent_set(s, "Nari", &c, e);
}

static int change_notify(struct store *s, struct err *e)
{
    struct export_request req = pair_request(the_pair);
    struct export_result res;
    int rc;

    req.notices_only = 1;
    unlink(the_pair->out);
    done_when_named = 1;
    rc = store_export(&res, s, &req, e);
    done_when_named = rc == 0 && access(the_pair->out, F_OK) == 0;
    export_result_free(&res);
    if (rc != 0 && access(the_pair->out, F_OK) == 0)
        fail_msg("notify failed ('%s'), yet %s is there", e->msg, the_pair->out);
    return rc;
}

/* notify with nothing owed, before the withdrawal and after its notice
 * went: nothing written, and which of the two it is. */
static void expect_no_notice(struct pair *p, const char *want)
{
    struct export_request req = pair_request(p);
    struct export_result res;
    struct err e;
    long logged = log_entries(p->field);

    req.notices_only = 1;
    unlink(p->out);
    err_clear(&e);
    assert_int_equal(store_export(&res, p->field, &req, &e), -1);
    export_result_free(&res);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, want);
    assert_int_equal(access(p->out, F_OK), -1);
    assert_int_equal(log_entries(p->field), logged);
}

/* open -o of the bundle hq received: a store read that fails leaves no
 * folder of decrypted records. */
static int read_unpack(struct store *s, struct err *e)
{
    char out[300];
    json_t *sum = NULL;
    int rc;

    snprintf(out, sizeof out, "%s.opened", the_pair->dir);
    rc = store_unpack(&sum, s, the_pair->out, out, e);
    json_decref(sum);
    if (rc != 0 && access(out, F_OK) == 0)
        fail_msg("open -o failed ('%s'), yet %s is there", e->msg, out);
    if (rc == 0)
        assert_int_equal(remove_tree(out), 0);
    return rc;
}

/* Auditing the bundle hq received: a store read that fails stops the
 * audit with its message, never a finding about the bundle. */
static int read_audit(struct store *s, struct err *e)
{
    struct audit_report rep;
    int rc;

    memset(&rep, 0, sizeof rep);
    rc = store_audit(&rep, s, the_pair->out, AUDIT_K_DEFAULT, e);
    audit_report_free(&rep);
    return rc;
}

/* An audit statement: field (the auditor) signs one about the bundle hq
 * imported last; hq imports it and lists it on Nari's record. */
static char statement_path[300];
static unsigned char statement_bundle[BUNDLE_HASHBYTES];

static int change_attest(struct store *s, struct err *e)
{
    struct statement st;
    int rc;

    rc = store_attest(&st, s, statement_path, statement_bundle, AUDIT_PASS, "report", 6, e);
    if (rc != 0 && access(statement_path, F_OK) == 0)
        fail_msg("attest failed ('%s'), yet %s is there", e->msg, statement_path);
    return rc;
}

static int change_statement_import(struct store *s, struct err *e)
{
    struct statement_import r;
    int rc = store_statement_import(&r, s, statement_path, e);

    if (rc == 0 && (r.seen || strcmp(r.auditor, "field") != 0 || r.records != 1))
        fail_msg("statement import: seen %d, auditor '%s', %ld records", r.seen, r.auditor,
                 r.records);
    return rc;
}

static int count_statement(void *ctx, const struct statement_row *r, struct err *e)
{
    (void)e;
    assert_string_equal(r->verdict, "PASS");
    ++*(int *)ctx;
    return 0;
}

static int read_statements(struct store *s, struct err *e)
{
    int n = 0;

    return store_statement_each(s, the_pair->nari, count_statement, &n, e) != 0 ? -1
           : n == 1 ? 0 : err_set(e, EXIT_AUTH, "%d statements listed", n);
}

/* The statement's refusals: signed by no contact of hq's, or about a
 * bundle hq never imported (exit 1, nothing imported); the same again is
 * seen, nothing added. */
static void statement_refusals(struct pair *p)
{
    char other[320];
    unsigned char elsewhere[BUNDLE_HASHBYTES];
    struct statement_import r;
    struct statement st;
    struct err e;
    long logged = log_entries(p->hq);

    assert_int_equal(store_statement_file(statement_path), 1);
    assert_int_equal(store_statement_file(p->out), 0);
    assert_int_equal(store_statement_import(&r, p->hq, statement_path, &e), 0);
    assert_int_equal(r.seen, 1);
    assert_int_equal(log_entries(p->hq), logged);

    /* hq's own statement on a bundle it imported: its own key needs no
     * card, and it is kept like an auditor's (con19, issue 16). */
    snprintf(other, sizeof other, "%s.own", statement_path);
    assert_int_equal(store_attest(&st, p->hq, other, statement_bundle, AUDIT_WARN, "r", 1, &e), 0);
    err_clear(&e);
    assert_int_equal(store_statement_import(&r, p->hq, other, &e), 0);
    assert_int_equal(r.seen, 0);
    logged = log_entries(p->hq);
    assert_int_equal(unlink(other), 0);

    /* field's, about a bundle hq does not have. */
    memset(elsewhere, 0x5a, sizeof elsewhere);
    assert_int_equal(store_attest(&st, p->field, other, elsewhere, AUDIT_FAIL, "r", 1, &e), 0);
    err_clear(&e);
    assert_int_equal(store_statement_import(&r, p->hq, other, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "the statement is about bundle 5a5a5a5a5a5a5a5a, which no import "
                        "here kept (one this store never received, or one whose every record "
                        "it refused: 'intake import' of that bundle says why); nothing was "
                        "imported");
    assert_int_equal(log_entries(p->hq), logged);
    assert_int_equal(unlink(other), 0);
}

/* The changes between two stores: export, import, attachments, contacts. */
static void test_each_statement_fails_pair(void **state)
{
    struct pair *p = *state;

    the_pair = p;
    each_statement_fails(p->field, change_attach, "attach");
    each_statement_fails(p->field, change_attach_photo, "attach photo");
    each_statement_fails(p->field, change_export, "export");
    each_statement_fails(p->hq, change_import, "import");
    each_statement_fails(p->field, read_exports, "exports");
    each_statement_fails(p->field, read_exports_of_nari, "exports of a record");
    each_statement_fails(p->hq, read_origin, "record origin");
    /* A corrected record exported again replaces the copy hq has. */
    each_statement_fails(p->field, change_nari_edit, "record edit");
    each_statement_fails(p->field, change_export, "export of a correction");
    each_statement_fails(p->hq, change_import, "import of a correction");
    /* An audit statement about it, from field, imported by hq. */
    {
        char hex[2 * BUNDLE_HASHBYTES + 1], name[CONTACT_NAME_MAX + 1];
        unsigned char spk[crypto_sign_PUBLICKEYBYTES], bpk[crypto_box_PUBLICKEYBYTES];
        struct err e;
        int verified;

        bundle_hash_hex(hex, p->hq, p->out);
        assert_int_equal(sodium_hex2bin(statement_bundle, sizeof statement_bundle, hex,
                                        strlen(hex), NULL, NULL, NULL), 0);
        snprintf(statement_path, sizeof statement_path, "%s.statement", p->dir);
        assert_int_equal(store_device_public(spk, bpk, p->field, &e), 0);
        assert_int_equal(store_contact_by_sign_pk(name, sizeof name, &verified, p->hq, spk, &e), 0);
        if (name[0] == '\0')
            add_contact(p->hq, "field", p->field);
        each_statement_fails(p->hq, read_audit, "audit");
        each_statement_fails(p->field, change_attest, "attest");
        each_statement_fails(p->hq, change_statement_import, "statement import");
        each_statement_fails(p->hq, read_statements, "statements of a record");
        statement_refusals(p);
        each_statement_fails(p->hq, read_unpack, "open -o");
        assert_int_equal(unlink(statement_path), 0);
    }
    /* Nari renamed on field, exported again: hq renames its copy
     * (store/exchange.c); then back, as the steps below expect. */
    each_statement_fails(p->field, change_rename, "subject rename on field");
    each_statement_fails(p->field, change_export, "export after a rename");
    each_statement_fails(p->hq, change_import, "import of a renamed subject");
    {
        struct err e;
        if (store_subject_rename(p->field, "Byul", "Nari", &e) != 0)
            fail_msg("rename back: %s", e.msg);
    }
    expect_no_notice(p, "no notice is owed to hq; no bundle was written");
    each_statement_fails(p->field, change_withdraw, "withdrawal");
    each_statement_fails(p->field, change_notify, "notify");
    each_statement_fails(p->hq, change_import, "import of a withdrawal");
    expect_no_notice(p, "no new notice is owed to hq (1 were sent before, not acknowledged: "
                     "--resend sends them again); no bundle was written");
    each_statement_fails(p->field, change_attach_remove, "attachment remove");
    each_statement_fails(p->field, change_contact_confirm, "contact confirm");
    each_statement_fails(p->field, change_contact_remove, "contact remove");
}

/* attach --remove-source: the attachment is saved, then reading it back
 * to check it fails.  The message says it was stored and that the file
 * was kept (never "nothing was changed"), the file and the attachment
 * are both there, and a second try removes the file. */
static void test_remove_source_read_back_fails(void **state)
{
    struct fixture *f = *state;
    struct attach_source src = { .fd = -1 };
    unsigned char hash[ATTACHMENT_HASHBYTES];
    char id[RECORD_ID_CHARS + 1], path[300], want[400];
    const char *tail = ": interrupted); the file was kept";
    struct err e;
    size_t n;
    FILE *fp;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "Rim-il", "Shipyard", "2023-05-01", "Long days.\n");
    snprintf(path, sizeof path, "%s-voice.txt", f->dir);
    fp = fopen(path, "wx");
    assert_non_null(fp);
    assert_int_equal(fputs("recording\n", fp) >= 0, 1);
    assert_int_equal(fclose(fp), 0);
    if (attach_source_open(&src, path, 1, &e) != 0 || store_attach(hash, f->s, id, &src, &e) != 0)
        fail_msg("attach: %s", e.msg);
    stepfault_arm(f->s, 1);
    err_clear(&e);
    assert_int_equal(store_attach_remove_source(f->s, id, &src, hash, &e), -1);
    stepfault_disarm(f->s);
    assert_int_equal(stepfault.landed, 1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(want, sizeof want, "the stored copy of %s could not be read back to check it "
             "(database error while ", path);
    n = strlen(e.msg);
    if (strncmp(e.msg, want, strlen(want)) != 0 || n < strlen(tail) ||
        strcmp(e.msg + n - strlen(tail), tail) != 0)
        fail_msg("message: %s", e.msg);
    assert_int_equal(access(path, F_OK), 0);
    assert_int_equal(attachment_count(f->s), 1);
    err_clear(&e);
    if (store_attach_remove_source(f->s, id, &src, hash, &e) != 0)
        fail_msg("second try: %s", e.msg);
    attach_source_close(&src);
    assert_int_equal(access(path, F_OK), -1);
}

/* Another intake on f's store, inside a read transaction: its snapshot
 * holds the write-ahead log, which then cannot be emptied. */
static struct store *hold_a_reader(struct fixture *f)
{
    struct store *reader = NULL;
    struct err e;

    if (store_open(&reader, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                   strlen(pass), &e) != 0)
        fail_msg("second open: %s", e.msg);
    assert_int_equal(sqlite3_exec(reader->db, "BEGIN; SELECT count(*) FROM subject;", NULL, NULL,
                                  NULL), SQLITE_OK);
    return reader;
}

/* subject forget while another intake reads the store: the subject is
 * forgotten (the change is saved), and the message says so and that old
 * copies of its pages stay in the write-ahead log until the next change,
 * because the other reader kept it from being emptied.  Never "nothing
 * was changed". */
static void test_forget_with_a_reader(void **state)
{
    struct fixture *f = *state;
    struct store *reader;
    char want[600];
    struct err e;
    long n;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    reader = hold_a_reader(f);
    err_clear(&e);
    assert_int_equal(store_subject_forget(&n, f->s, "Rim-il", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(want, sizeof want, "Rim-il was forgotten, but old copies of its pages stay in the "
             "store's write-ahead log until the next change (another intake is reading the "
             "store in %s, so its write-ahead log could not be emptied)", f->dir);
    assert_string_equal(e.msg, want);
    assert_int_equal(sqlite3_exec(reader->db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    store_close(reader);
    /* Forgotten all the same, and the next checkpoint empties the log. */
    err_clear(&e);
    assert_int_equal(store_subject_forget(&n, f->s, "Rim-il", &e), -1);
    assert_non_null(strstr(e.msg, "Rim-il"));
    assert_null(strstr(e.msg, "was forgotten"));
    assert_int_equal(db_checkpoint(f->s, &e), 0);
}

/* rekey while another intake reads the store: refused before anything is
 * written, "another intake is using the store", and the old passphrase
 * still opens it (the reader's snapshot kept the write-ahead log from
 * being emptied, which rekey needs first). */
static void test_rekey_with_a_reader(void **state)
{
    struct fixture *f = *state;
    unsigned char recovery[RECOVERY_KEY_BYTES];
    struct store *reader, *again;
    char want[600];
    struct err e;
    int rekeyed = -1;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    reader = hold_a_reader(f);
    randombytes_buf(recovery, sizeof recovery);
    err_clear(&e);
    assert_int_equal(store_rekey(&rekeyed, f->s, "new words for the rekey", 23, recovery, NULL,
                                 NULL, &e), -1);
    assert_int_equal(rekeyed, 0);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(want, sizeof want, "another intake is using the store in %s (waited %d seconds); "
             "nothing was changed: try again when it has finished", f->dir, STORE_BUSY_MS / 1000);
    assert_string_equal(e.msg, want);
    assert_int_equal(sqlite3_exec(reader->db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    store_close(reader);
    if (store_open(&again, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                   strlen(pass), &e) != 0)
        fail_msg("the old passphrase after the refusal: %s", e.msg);
    store_close(again);
}

/* ---- opening and making a store: each statement interrupted ---- */

/* Arms each new connection (sqlite3_auto_extension: the store's own,
 * made inside store_open and store_create) with stepfault's trace and
 * progress handler, the statements counted across connections. */
static int stepfault_connection(sqlite3 *db, char **msg, const void *api)
{
    (void)msg;
    (void)api;
    if (sqlite3_trace_v2(db, SQLITE_TRACE_STMT, stepfault_trace, NULL) != SQLITE_OK)
        return SQLITE_ERROR;
    sqlite3_progress_handler(db, 1, stepfault_progress, NULL);
    return SQLITE_OK;
}

static void stepfault_arm_all(unsigned long n)
{
    stepfault.n = n;
    stepfault.started = 0;
    stepfault.landed = 0;
}

/* A failure is an interrupted statement named as such: never "damaged",
 * "wrong passphrase" or "no store".  SQLite words an interrupted
 * CREATE VIRTUAL TABLE (init's full-text index) as its constructor
 * failing. */
static void interrupted_or_fail(int rc, const struct err *e, const char *what, unsigned long n)
{
    if (rc != -1 || e->code != EXIT_INPUT ||
        (!interrupted(e->msg) &&
         strcmp(e->msg, "database error while updating the store: vtable constructor "
                "failed: record_fts") != 0)) {
        sqlite3_reset_auto_extension();
        fail_msg("%s, statement %lu interrupted: %d, exit %d, '%s'", what, n, rc, e->code,
                 e->msg);
    }
}

/* store_open with each of its statements interrupted in turn (the
 * pragmas read back, the schema's version, the checks): the exact kind
 * of message, no store handed out, nothing changed; then it opens. */
static void test_open_each_statement_fails(void **state)
{
    struct fixture *f = *state;
    char before[512], after[512];
    unsigned long n;
    struct err e;
    int rc;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    snapshot(before, sizeof before, f->s);
    store_close(f->s);
    f->s = NULL;
    assert_int_equal(sqlite3_auto_extension((void (*)(void))stepfault_connection), SQLITE_OK);
    for (n = 1; n < 2000; n++) {
        struct store *s = NULL;

        stepfault_arm_all(n);
        err_clear(&e);
        rc = store_open(&s, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                        strlen(pass), &e);
        stepfault.n = 0;
        if (!stepfault.landed) {
            assert_int_equal(rc, 0);
            store_close(s);
            break;
        }
        interrupted_or_fail(rc, &e, "store_open", n);
        assert_null(s);
    }
    assert_int_equal(sqlite3_cancel_auto_extension((void (*)(void))stepfault_connection), 1);
    assert_true(n > 5 && n < 2000);
    assert_int_equal(store_open(&f->s, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                                strlen(pass), &e), 0);
    snapshot(after, sizeof after, f->s);
    assert_string_equal(before, after);
}

/* store_create (init) with each of its statements interrupted in turn:
 * the exact kind of message, and no store left in the folder, nor
 * anything that would stop the next init there. */
static void test_init_each_statement_fails(void **state)
{
    struct store_params p = { "field kit", "ko", OPS, MEM };
    unsigned char recovery[RECOVERY_KEY_BYTES];
    char dir[300], ks[400];
    unsigned long n;
    struct err e;
    int rc;

    (void)state;
    recovery_key_new(recovery);
    assert_int_equal(sqlite3_auto_extension((void (*)(void))stepfault_connection), SQLITE_OK);
    for (n = 1; n < 2000; n++) {
        snprintf(dir, sizeof dir, "%s/init%d", root, serial++);
        path_in(ks, sizeof ks, dir, STORE_KEYSLOTS_NAME);
        stepfault_arm_all(n);
        err_clear(&e);
        rc = store_create(dir, &p, pass, strlen(pass), recovery, &e);
        stepfault.n = 0;
        if (!stepfault.landed) {
            assert_int_equal(rc, 0);
            assert_int_equal(remove_tree(dir), 0);
            break;
        }
        interrupted_or_fail(rc, &e, "store_create", n);
        if (access(ks, F_OK) == 0 || store_create_check(dir, &e) != 0) {
            sqlite3_reset_auto_extension();
            fail_msg("statement %lu interrupted, then init: %s", n, e.msg);
        }
        assert_int_equal(remove_tree(dir), 0);
    }
    assert_int_equal(sqlite3_cancel_auto_extension((void (*)(void))stepfault_connection), 1);
    assert_true(n > 5 && n < 2000);
}

#define O(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        O(test_each_statement_fails),
        O(test_remove_source_read_back_fails),
        O(test_forget_with_a_reader),
        O(test_rekey_with_a_reader),
        O(test_open_each_statement_fails),
        O(test_init_each_statement_fails),
        cmocka_unit_test_setup_teardown(test_each_statement_fails_pair, pair_setup, pair_teardown),
    };
    return cmocka_run_group_tests(tests, pair_group_setup, teardown);
}
