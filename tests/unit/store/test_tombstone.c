/* store/tombstone.c: headquarters acting on the notices a bundle carries
 * (issue 16): the sender's records deleted, never another sender's; a
 * tombstone kept that refuses their return; a notice acted on once. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <setjmp.h>
#include <cmocka.h>

#include "store/db.h"
#include "store/subject.h"
#include "store/tombstone.h"
#include "tests/unit/storeutil.h"

#define UID_A "aaaaaaaaaaaaaaaa"

struct sender {
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char bundle[32];
    long import_id;
};

static void new_sender(struct sender *x)
{
    unsigned char sk[crypto_sign_SECRETKEYBYTES];

    crypto_sign_keypair(x->pk, sk);
}

/* Begins an import from x (the caller commits). */
static void begin(struct store *s, struct sender *x)
{
    struct err e;

    randombytes_buf(x->bundle, sizeof x->bundle);
    assert_int_equal(store_begin(s, &e), 0);
    assert_int_equal(store_import_begin(&x->import_id, s, x->bundle, sizeof x->bundle, x->pk,
                                        "field", &e), 0);
}

/* Imports record rid of x's subject uid, body body. */
static void import(struct store *s, struct sender *x, const char *uid, const char *pseudonym,
                   const char *rid, const char *body)
{
    struct record_row r = { 0 };
    struct import_subject subj = { pseudonym, uid, NULL };
    struct err e;
    int outcome;

    r.id = rid;
    r.date = "2024-03";
    r.title = "talk";
    r.body = body;
    begin(s, x);
    assert_int_equal(store_import_record(&outcome, s, x->import_id, &subj, &r, "{}", &e), 0);
    assert_int_equal(outcome, IMPORT_ADDED);
    assert_int_equal(store_commit(s, &e), 0);
}

static long count(struct store *s, const char *sql)
{
    struct err e;
    long n = -1;

    assert_int_equal(db_int(&n, s, sql, NULL, 0, "t", &e), 1);
    return n;
}

/* Acts on one notice from x in its own import. */
static struct notice_outcome apply(struct store *s, struct sender *x, const char *kind,
                                   const char *subject, const char *rid)
{
    struct notice_outcome out;
    struct err e;

    begin(s, x);
    assert_int_equal(db_notice_apply(&out, s, x->import_id, "field", kind, subject, rid,
                                     "2026-11-30", 1, NULL, &e), 0);
    assert_int_equal(store_commit(s, &e), 0);
    return out;
}

static void test_withdrawal(void **state)
{
    struct fixture *f = *state;
    struct sender a, b;
    struct notice_outcome out;
    struct err e;

    new_sender(&a);
    new_sender(&b);
    import(f->s, &a, UID_A, "Nari@aa", "0000000000000001", "firstwordzz");
    import(f->s, &a, UID_A, "Nari@aa", "0000000000000002", "secondwordzz");
    import(f->s, &b, UID_A, "Nari@bb", "0000000000000003", "otherwordzz");   /* same uid, other sender */
    /* b's withdrawal of "its" UID_A reaches only b's record. */
    out = apply(f->s, &b, "withdrawal", UID_A, NULL);
    assert_int_equal(out.before, 0);
    assert_int_equal(out.records, 1);
    assert_int_equal(count(f->s, "SELECT count(*) FROM record"), 2);
    /* a's withdrawal: both of a's records, the index too, logged. */
    out = apply(f->s, &a, "withdrawal", UID_A, NULL);
    assert_int_equal(out.records, 2);
    assert_int_equal(count(f->s, "SELECT count(*) FROM record"), 0);
    assert_false(rows_hold(f->s, "SELECT block FROM record_fts_segments UNION ALL"
                           " SELECT root FROM record_fts_segdir", "firstwordzz"));
    assert_int_equal(count(f->s, "SELECT count(*) FROM log WHERE action = 'import.withdrawal'"), 2);
    assert_int_equal(count(f->s, "SELECT count(*) FROM tombstone WHERE removed = 1"), 3);
    /* The subject stays, its consent withdrawn on the notice's day. */
    assert_int_equal(count(f->s, "SELECT count(*) FROM consent WHERE withdrawn = 1"
                           " AND date = '2026-11-30'"), 2);
    /* Again: acted on before, nothing changed. */
    out = apply(f->s, &a, "withdrawal", UID_A, NULL);
    assert_int_equal(out.before, 1);
    assert_int_equal(count(f->s, "SELECT count(*) FROM log WHERE action = 'import.withdrawal'"), 2);
    /* A record of the subject from a, old or new, is refused. */
    assert_int_equal(db_tombstone_check(f->s, a.pk, NULL, UID_A, "0000000000000009", NULL, 0, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "the bundle holds record 0000000000000009, whose subject's consent "
                        "its sender withdrew (notice of 2026-11-30); nothing was imported");
    assert_int_equal(db_tombstone_check(f->s, a.pk, NULL, NULL, "0000000000000001", NULL, 0, &e), -1);
    assert_int_equal(db_tombstone_check(f->s, a.pk, NULL, "bbbbbbbbbbbbbbbb", "0000000000000008", NULL, 0, &e), 0);
}

static void test_deletions(void **state)
{
    struct fixture *f = *state;
    struct sender a;
    struct notice_outcome out;
    long n = 0;
    struct err e;

    new_sender(&a);
    import(f->s, &a, UID_A, "Nari@aa", "0000000000000001", "one");
    import(f->s, &a, UID_A, "Nari@aa", "0000000000000002", "two");
    /* One record. */
    out = apply(f->s, &a, "deletion", UID_A, "0000000000000001");
    assert_int_equal(out.records, 1);
    assert_int_equal(count(f->s, "SELECT count(*) FROM record"), 1);
    assert_int_equal(count(f->s, "SELECT count(*) FROM subject"), 1);
    assert_int_equal(store_tombstone_count(&n, f->s, &e), 0);
    assert_int_equal(n, 1);
    /* A record never received here: a tombstone, nothing deleted. */
    out = apply(f->s, &a, "deletion", UID_A, "000000000000000z");
    assert_int_equal(out.records, 0);
    assert_int_equal(db_tombstone_check(f->s, a.pk, NULL, NULL, "000000000000000z", NULL, 0, &e), -1);
    assert_string_equal(e.msg, "the bundle holds record 000000000000000z, which its sender deleted "
                        "(notice of 2026-11-30); nothing was imported");
    /* The whole subject: its last record, then the subject itself. */
    out = apply(f->s, &a, "deletion", UID_A, NULL);
    assert_int_equal(out.records, 1);
    assert_int_equal(count(f->s, "SELECT count(*) FROM record"), 0);
    assert_int_equal(count(f->s, "SELECT count(*) FROM subject"), 0);
    assert_int_equal(store_tombstone_count(&n, f->s, &e), 0);
    assert_int_equal(n, 2);
    /* No pseudonym in any tombstone. */
    assert_false(rows_hold(f->s, "SELECT coalesce(sender, '') || subject || rid || coalesce(here, '')"
                           " FROM tombstone", "Nari"));
}

/* Acts on a re-consent of round from x; *changed as db_reconsent_apply. */
static struct notice_outcome reconsent(struct store *s, struct sender *x, long round,
                                       int *changed)
{
    struct consent c = { 0 };
    struct notice_outcome out;
    struct err e;

    c.recorded = c.export_ok = 1;
    snprintf(c.date, sizeof c.date, "2026-12-01T00:00:00Z");
    begin(s, x);
    assert_int_equal(db_reconsent_apply(changed, &out, s, x->import_id, "field", UID_A,
                                        "2026-12-01", round, &c, NULL, &e), 0);
    assert_int_equal(store_commit(s, &e), 0);
    return out;
}

/* Issue 16, F8: a re-consent lifts the whole-subject withdrawal for later
 * records, not for the ones it deleted; rounds tell a new withdrawal from
 * a stale copy; a re-consent whose withdrawal never arrived acts as both. */
static void test_reconsent(void **state)
{
    struct fixture *f = *state;
    struct sender a;
    struct notice_outcome out;
    int changed;
    struct err e;

    new_sender(&a);
    import(f->s, &a, UID_A, "Nari@aa", "0000000000000001", "one");
    /* The re-consent arrives without its withdrawal: the record sent
     * before goes, then the subject may send again. */
    out = reconsent(f->s, &a, 1, &changed);
    assert_int_equal(changed, 1);
    assert_int_equal(out.records, 1);
    assert_int_equal(count(f->s, "SELECT count(*) FROM record"), 0);
    assert_int_equal(db_tombstone_check(f->s, a.pk, NULL, UID_A, "0000000000000001",
                                        "2026-12-01T00:00:00Z", 0, &e), -1);
    assert_int_equal(db_tombstone_check(f->s, a.pk, NULL, UID_A, "0000000000000002",
                                        "2026-12-01T00:00:00Z", 0, &e), 0);
    /* A record whose consent was recorded before the re-consent's scope
     * left before the withdrawal (a bundle that arrives late): refused;
     * one of another subject, or with no subject (format 1), is not. */
    assert_int_equal(db_tombstone_check(f->s, a.pk, NULL, UID_A, "0000000000000002",
                                        "2026-11-30T23:59:59Z", 0, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "the bundle holds record 0000000000000002, sent before its "
                        "subject's consent was withdrawn: its sender's re-consent (notice of "
                        "2026-12-01) lets in only records sent after it; nothing was imported");
    assert_int_equal(db_tombstone_check(f->s, a.pk, NULL, UID_A, "0000000000000002", NULL, 0, &e), -1);
    assert_int_equal(db_tombstone_check(f->s, a.pk, NULL, "bbbbbbbbbbbbbbbb", "0000000000000002",
                                        "2026-11-30T23:59:59Z", 0, &e), 0);
    assert_int_equal(db_tombstone_check(f->s, a.pk, NULL, NULL, "0000000000000002", NULL, 0, &e), 0);
    assert_int_equal(count(f->s, "SELECT count(*) FROM log WHERE action = 'import.reconsent'"), 1);
    /* Its withdrawal now, a stale copy: nothing. The re-consent again: nothing. */
    out = apply(f->s, &a, "withdrawal", UID_A, NULL);
    assert_int_equal(out.before, 1);
    out = reconsent(f->s, &a, 1, &changed);
    assert_int_equal(changed, 0);
    /* A later record arrives; the second withdrawal (round 2) takes it. */
    import(f->s, &a, UID_A, "Nari@aa", "0000000000000002", "two");
    begin(f->s, &a);
    assert_int_equal(db_notice_apply(&out, f->s, a.import_id, "field", "withdrawal", UID_A, NULL,
                                     "2026-12-02", 2, NULL, &e), 0);
    assert_int_equal(store_commit(f->s, &e), 0);
    assert_int_equal(out.before, 0);
    assert_int_equal(out.records, 1);
    assert_int_equal(db_tombstone_check(f->s, a.pk, NULL, UID_A, "0000000000000003", NULL, 0, &e), -1);
    /* A stale re-consent of round 1 does not lift round 2. */
    out = reconsent(f->s, &a, 1, &changed);
    assert_int_equal(changed, 0);
    assert_int_equal(db_tombstone_check(f->s, a.pk, NULL, UID_A, "0000000000000003", NULL, 0, &e), -1);
}

/* Issue 16 A1, A3: which consent scope is newer is the subject's counter
 * when both carry it, a scope with a counter over one without, else the
 * time; a tie (the same counter, or the same time and no counter) keeps
 * the narrower, field by field; a withdrawal is lifted only by a newer
 * scope. */
static void test_scope_order(void **state)
{
    struct consent held = { 0 }, c, out;

    (void)state;
    assert_int_equal(db_scope_order(&out, &held, &held), 1);   /* nothing held: taken */
    held.recorded = held.export_ok = held.quote = held.publish = 1;
    held.seq = 2;
    snprintf(held.date, sizeof held.date, "2026-06-01T10:00:00Z");
    snprintf(held.method, sizeof held.method, "written");
    c = held;
    c.quote = 0;
    c.seq = 3;
    snprintf(c.date, sizeof c.date, "2025-01-01T00:00:00Z");   /* the clock set back */
    assert_int_equal(db_scope_order(&out, &held, &c), 1);
    assert_int_equal(out.quote, 0);
    assert_int_equal(out.seq, 3);
    c.seq = 1;                                                  /* older, whatever its time */
    snprintf(c.date, sizeof c.date, "2027-01-01T00:00:00Z");
    assert_int_equal(db_scope_order(&out, &held, &c), 0);
    assert_int_equal(db_scope_cmp(2, held.date, 0, "2099-01-01T00:00:00Z"), -1);
    assert_int_equal(db_scope_cmp(0, held.date, 1, "2000-01-01T00:00:00Z"), 1);
    /* A tie: the same counter with another scope, or no counters and the
     * same second: the narrower of the two, the held method and date. */
    c = held;
    c.publish = 0;
    c.export_ok = 1;
    c.quote = 1;
    snprintf(c.embargo, sizeof c.embargo, "2030-01-01");
    held.quote = 0;
    assert_int_equal(db_scope_order(&out, &held, &c), 1);
    assert_true(out.export_ok && !out.quote && !out.publish);
    assert_string_equal(out.embargo, "2030-01-01");
    assert_string_equal(out.date, held.date);
    held.seq = c.seq = 0;
    assert_int_equal(db_scope_order(&out, &held, &c), 1);
    assert_true(!out.quote && !out.publish);
    assert_int_equal(db_scope_order(&out, &out, &held), 0);     /* the meet stays */
    /* A withdrawal here: a tie or an older scope leaves it. */
    snprintf(held.withdrawn, sizeof held.withdrawn, "%s", held.date);
    held.export_ok = held.quote = held.publish = 0;
    held.seq = 4;
    c.seq = 4;
    assert_int_equal(db_scope_order(&out, &held, &c), 0);
    c.seq = 5;
    assert_int_equal(db_scope_order(&out, &held, &c), 1);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_withdrawal),
        T(test_deletions),
        T(test_reconsent),
        cmocka_unit_test(test_scope_order),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
