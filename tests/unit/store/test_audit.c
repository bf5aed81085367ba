/* store/audit.c: the audit of a bundle hq received from field. A clean
 * bundle PASSes every check, or WARNs for an unverified sender or a group
 * of records smaller than k; an unknown sender FAILs origin; a bundle that
 * does not verify is an origin FAIL and nothing else is read; a file that
 * is no bundle is an error, not a finding. The audit changes nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include "store/audit.h"

static const char *const names[] = {
    "origin", "consistency", "consent", "residual-terms", "residual-detectors", "second-opinion",
    "reidentification", "attachments",
};

/* Two more records of Nari like the first: three share place, month,
 * language and tags (k = 3). */
static void three_records(struct pair *p)
{
    char id[RECORD_ID_CHARS + 1];

    add_record(id, p->field, "Nari", "Border crossing", "2024-03-02",
               "Kim Ji-yeon crossed at night.\n");
    add_record(id, p->field, "Nari", "Border crossing", "2024-03-28",
               "Kim Ji-yeon waited for a week.\n");
}

/* s's log head (before an export: the one the bundle carries), as the
 * origin check names it: "entry N, HASH". */
static void log_head(char *out, size_t outlen, struct store *s)
{
    struct log_check c;
    char hex[2 * LOG_HASHBYTES + 1];
    struct err e;

    if (store_log_verify(&c, s, &e) != 0)
        fail_msg("log: %s", e.msg);
    sodium_bin2hex(hex, sizeof hex, c.head, sizeof c.head);
    snprintf(out, outlen, "entry %ld, %s", c.seq, hex);
}

/* The origin check's reason for a bundle with one recipient: who signed
 * it, then what was verified, attachments and head (log_head). */
static void origin_reason(char *out, size_t outlen, const char *who, int attachments,
                          const char *head)
{
    snprintf(out, outlen, "%s; signature, key commitment, 1 recipient(s), every chunk and the "
             "padding verified; %d attachment(s); sender's log head at export: %s", who,
             attachments, head);
}

/* Audits path as hq with k; returns store_audit's result. */
static int audit(struct audit_report *rep, struct pair *p, const char *path, size_t k,
                 struct err *e)
{
    memset(rep, 0, sizeof *rep);
    return store_audit(rep, p->hq, path, k, e);
}

/* The eight checks, in order, at the given levels. */
static void expect_levels(const struct audit_report *rep, const int levels[8])
{
    assert_int_equal(rep->n, 8);
    for (size_t i = 0; i < 8; i++) {
        assert_string_equal(rep->checks[i].name, names[i]);
        if (rep->checks[i].level != levels[i])
            fail_msg("%s: level %d, not %d (%s)", names[i], rep->checks[i].level, levels[i],
                     rep->checks[i].reason);
    }
}

static void test_clean_bundle_passes(void **state)
{
    struct pair *p = *state;
    static const int pass_all[8] = { AUDIT_PASS, AUDIT_PASS, AUDIT_PASS, AUDIT_PASS,
                                     AUDIT_PASS, AUDIT_PASS, AUDIT_PASS, AUDIT_PASS };
    struct audit_report rep;
    char head[128], want[512];
    struct records before, after;
    struct err e;
    long logged;

    three_records(p);
    log_head(head, sizeof head, p->field);
    assert_int_equal(export_to_hq(p, p->out), 3);
    add_contact(p->hq, "field", p->field);
    assert_int_equal(store_contact_confirm(p->hq, "field", &e), 0);
    all_records(&before, p->hq);
    logged = log_entries(p->hq);

    if (audit(&rep, p, p->out, AUDIT_K_DEFAULT, &e) != 0)
        fail_msg("audit: %s", e.msg);
    expect_levels(&rep, pass_all);
    assert_int_equal(audit_verdict(&rep), AUDIT_PASS);
    origin_reason(want, sizeof want, "signed by contact 'field' (safety number compared)", 0, head);
    assert_string_equal(rep.checks[0].reason, want);
    assert_string_equal(rep.checks[1].reason, "3 records: 3 redactions and 0 review flags agree "
                        "with the text; consent allows export");
    assert_non_null(strstr(rep.checks[3].reason, "digests is left in 6 fields by the "
                           "redactor's rules"));
    assert_string_equal(rep.checks[4].reason, "6 fields: no pattern left outside the redactions");
    assert_string_equal(rep.checks[5].reason, "6 fields: nothing kept with allow, no name-like "
                        "word, place, listed name or handle shape");
    assert_string_equal(rep.checks[6].reason, "k=3: every record shares place, month, language "
                        "and tags with at least 2 others (threshold 3)");
    /* Only the consent check lists something: each record's scope. */
    for (size_t i = 0; i < rep.n; i++)
        assert_int_equal(rep.checks[i].nitems, i == 2 ? 3 : 0);
    assert_string_equal(rep.checks[2].reason, "3 records carry their consent scope (what a "
                        "scope forbids: see consistency)");
    audit_report_free(&rep);

    /* Nothing was imported or logged. */
    all_records(&after, p->hq);
    assert_string_equal(after.buf, before.buf);
    assert_int_equal(after.n, 0);
    assert_int_equal(log_entries(p->hq), logged);
}

static void test_warn_verdicts(void **state)
{
    struct pair *p = *state;
    static const int unverified[8] = { AUDIT_WARN, AUDIT_PASS, AUDIT_PASS, AUDIT_PASS,
                                       AUDIT_PASS, AUDIT_PASS, AUDIT_WARN, AUDIT_PASS };
    static const int k1[8] = { AUDIT_WARN, AUDIT_PASS, AUDIT_PASS, AUDIT_PASS,
                               AUDIT_PASS, AUDIT_PASS, AUDIT_PASS, AUDIT_PASS };
    struct audit_report rep;
    char head[128], want[512];
    struct err e;

    attach_text(p->field, p->nari, "memo.txt", 0);
    log_head(head, sizeof head, p->field);
    assert_int_equal(export_to_hq(p, p->out), 1);
    add_contact(p->hq, "field", p->field);

    /* One record, k = 3; a sender whose safety number was never compared. */
    if (audit(&rep, p, p->out, AUDIT_K_DEFAULT, &e) != 0)
        fail_msg("audit: %s", e.msg);
    expect_levels(&rep, unverified);
    assert_int_equal(audit_verdict(&rep), AUDIT_WARN);
    assert_int_equal(audit_exit_status(&rep, 0), EXIT_OK);
    assert_int_equal(audit_exit_status(&rep, 1), EXIT_AUTH);
    origin_reason(want, sizeof want, "signed by contact 'field' (NOT verified: compare safety "
                  "numbers with 'intake contact verify')", 1, head);
    assert_string_equal(rep.checks[0].reason, want);
    assert_string_equal(rep.checks[6].reason, "k=1: 1 records share their place, month, "
                        "language and tags with fewer than 3 others in all");
    assert_int_equal(rep.checks[6].nitems, 1);
    assert_int_equal(rep.checks[6].items[0].level, AUDIT_WARN);
    assert_string_equal(rep.checks[6].items[0].record, p->nari);
    assert_string_equal(rep.checks[6].items[0].what, "quasi-identifiers");
    assert_string_equal(rep.checks[6].items[0].text, "- | 2024-03 | - | ");
    audit_report_free(&rep);

    /* With k = 1 the group is large enough; origin still WARNs. */
    if (audit(&rep, p, p->out, 1, &e) != 0)
        fail_msg("audit: %s", e.msg);
    expect_levels(&rep, k1);
    assert_int_equal(audit_verdict(&rep), AUDIT_WARN);
    audit_report_free(&rep);
}

/* Attachments are read piece by piece (store/audit.c): a long text is
 * read through without being held, a file shorter than the bytes that
 * tell a type is examined from them, an image is held and walked whole;
 * export stripped the image, so none holds metadata. */
static void test_attachments_read_in_pieces(void **state)
{
    struct pair *p = *state;
    size_t big = (size_t)3 << 20, len;
    unsigned char *text = malloc(big), png[65536];
    FILE *f = fopen("tests/data/gps.png", "rb");
    struct audit_report rep;
    struct err e;

    assert_non_null(text);
    assert_non_null(f);
    len = fread(png, 1, sizeof png, f);
    fclose(f);
    assert_true(len > 0 && len < sizeof png);
    for (size_t i = 0; i < big; i++)
        text[i] = i % 64 == 63 ? '\n' : (unsigned char)('a' + i % 26);
    attach_bytes(p->field, p->nari, "notes.txt", "text/plain", 0, text, big);
    attach_bytes(p->field, p->nari, "ok.txt", "text/plain", 0, (const unsigned char *)"ok\n", 3);
    attach_bytes(p->field, p->nari, "map.png", "image/png", 1, png, len);
    free(text);
    assert_int_equal(export_to_hq(p, p->out), 1);
    add_contact(p->hq, "field", p->field);
    if (audit(&rep, p, p->out, 1, &e) != 0)
        fail_msg("audit: %s", e.msg);
    assert_string_equal(rep.checks[7].name, "attachments");
    assert_int_equal(rep.checks[7].level, AUDIT_PASS);
    assert_int_equal(rep.checks[7].nitems, 0);
    assert_string_equal(rep.checks[7].reason, "no metadata in 3 attachment(s) (location, serial "
                        "number, time, author, comment, device, software, pictures)");
    audit_report_free(&rep);
}

static void test_unknown_sender_fails_origin(void **state)
{
    struct pair *p = *state;
    static const int unknown[8] = { AUDIT_FAIL, AUDIT_PASS, AUDIT_PASS, AUDIT_PASS,
                                    AUDIT_PASS, AUDIT_PASS, AUDIT_PASS, AUDIT_PASS };
    char key[2 * crypto_sign_PUBLICKEYBYTES + 1], who[256], head[128], want[512];
    struct audit_report rep;
    struct err e;

    log_head(head, sizeof head, p->field);
    assert_int_equal(export_to_hq(p, p->out), 1);
    sign_key_hex(key, p->field);
    if (audit(&rep, p, p->out, 1, &e) != 0)
        fail_msg("audit: %s", e.msg);
    expect_levels(&rep, unknown);
    assert_int_equal(audit_verdict(&rep), AUDIT_FAIL);
    snprintf(who, sizeof who, "signed by an UNKNOWN key %s (add their card with 'intake "
             "contact add')", key);
    origin_reason(want, sizeof want, who, 0, head);
    assert_string_equal(rep.checks[0].reason, want);
    audit_report_free(&rep);
}

/* A bundle that does not verify: one check, origin FAIL, with why. */
static void expect_origin_fail(struct store *s, const char *path, const char *why)
{
    struct audit_report rep = { 0 };
    struct err e;

    if (store_audit(&rep, s, path, AUDIT_K_DEFAULT, &e) != 0)
        fail_msg("audit: %s", e.msg);
    assert_int_equal(rep.n, 1);
    assert_string_equal(rep.checks[0].name, "origin");
    assert_int_equal(rep.checks[0].level, AUDIT_FAIL);
    assert_string_equal(rep.checks[0].reason, why);
    assert_int_equal(rep.checks[0].nitems, 0);
    assert_int_equal(audit_verdict(&rep), AUDIT_FAIL);
    audit_report_free(&rep);
}

static void test_tampered_bundle_fails_origin_only(void **state)
{
    struct pair *p = *state;
    char bad[240];
    size_t len;
    struct err e;
    long logged;

    three_records(p);
    assert_int_equal(export_to_hq(p, p->out), 3);
    add_contact(p->hq, "field", p->field);
    assert_int_equal(store_contact_confirm(p->hq, "field", &e), 0);
    logged = log_entries(p->hq);
    free(slurp(p->out, &len));
    snprintf(bad, sizeof bad, "%s.bad", p->out);

    copy_flipped(bad, p->out, 90);
    expect_origin_fail(p->hq, bad,
                       "commitment mismatch: the bundle's recipient list or key was altered");
    copy_flipped(bad, p->out, len / 2);
    expect_origin_fail(p->hq, bad, "the bundle is truncated or its last chunk was altered");
    copy_flipped(bad, p->out, len - 1);
    expect_origin_fail(p->hq, bad, "the bundle is truncated or its last chunk was altered");
    unlink(bad);
    /* Sealed to hq only: field cannot read it. */
    expect_origin_fail(p->field, p->out, "this bundle is not addressed to this store "
                       "(none of its recipients is this store's key), or its start was damaged on the way (a character changed or a line lost near the start reads the same): ask its sender to add this "
                        "store's card ('intake card') as a contact and to export it again with that "
                        "contact among --to");
    assert_int_equal(log_entries(p->hq), logged);
}

static void test_no_bundle_is_an_error(void **state)
{
    struct pair *p = *state;
    struct audit_report rep;
    char path[240], want[300];
    struct err e;
    int fd;

    assert_int_equal(audit(&rep, p, p->dir, AUDIT_K_DEFAULT, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(want, sizeof want, "%s is not a regular file: it is a folder", p->dir);
    assert_string_equal(e.msg, want);
    assert_int_equal(rep.n, 0);

    snprintf(path, sizeof path, "%s.none", p->out);
    assert_int_equal(audit(&rep, p, path, AUDIT_K_DEFAULT, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(want, sizeof want, "cannot open %s: No such file or directory", path);
    assert_string_equal(e.msg, want);
    assert_int_equal(rep.n, 0);

    fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "not a bundle\n", 13), 13);
    close(fd);
    assert_int_equal(audit(&rep, p, path, AUDIT_K_DEFAULT, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    /* Text that is no armor is bad armor (issue 14), never too short a bundle. */
    assert_string_equal(e.msg, "bad armor: this is text without a BEGIN line, not an intake bundle");
    assert_int_equal(rep.n, 0);
    unlink(path);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, pair_setup, pair_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_clean_bundle_passes),
        T(test_warn_verdicts),
        T(test_attachments_read_in_pieces),
        T(test_unknown_sender_fails_origin),
        T(test_tampered_bundle_fails_origin_only),
        T(test_no_bundle_is_an_error),
    };
    return cmocka_run_group_tests(tests, pair_group_setup, teardown);
}
