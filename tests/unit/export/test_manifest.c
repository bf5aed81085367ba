/* export/manifest.c, the parts test_audit.c leaves out: the pseudonyms a
 * record's redactions wrote, the header written and read back (an empty
 * digest set included), how review flags read, and the header and record
 * refusals with their message. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <sodium.h>

#include "crypto/secmem.h"
#include "export/manifest.h"

static json_t *doc(const char *text)
{
    json_error_t je;
    json_t *d = json_loads(text, 0, &je);

    if (d == NULL)
        fail_msg("test JSON: %s", je.text);
    return d;
}

static void test_collect_pseudonyms(void **state)
{
    json_t *set = json_array();
    json_t *rec = doc("{\"title\":\"Nari and Saran\",\"body\":\"Nari met [PLACE-1]. Nari.\","
                      "\"tags\":[\"x\",\"Saran\"],\"redactions\":["
                      "{\"field\":\"title\",\"start\":0,\"length\":4,\"category\":\"pseudonym\",\"rule\":\"exact\"},"
                      "{\"field\":\"body\",\"start\":0,\"length\":4,\"category\":\"pseudonym\",\"rule\":\"variant\"},"
                      "{\"field\":\"body\",\"start\":20,\"length\":4,\"category\":\"pseudonym\",\"rule\":\"exact\"},"
                      "{\"field\":\"body\",\"start\":9,\"length\":9,\"category\":\"place\",\"rule\":\"exact\"},"
                      "{\"field\":\"tag:1\",\"start\":0,\"length\":5,\"category\":\"pseudonym\",\"rule\":\"exact\"},"
                      "{\"field\":\"body\",\"start\":22,\"length\":40,\"category\":\"pseudonym\",\"rule\":\"exact\"},"
                      "{\"field\":\"note\",\"start\":0,\"length\":4,\"category\":\"pseudonym\",\"rule\":\"exact\"}]}");
    struct err e;

    (void)state;
    /* Once each; places, spans past the text and unknown fields are not pseudonyms. */
    assert_int_equal(manifest_collect_pseudonyms(set, rec, &e), 0);
    assert_int_equal(json_array_size(set), 2);
    assert_string_equal(json_string_value(json_array_get(set, 0)), "Nari");
    assert_string_equal(json_string_value(json_array_get(set, 1)), "Saran");
    assert_int_equal(manifest_collect_pseudonyms(set, rec, &e), 0);
    assert_int_equal(json_array_size(set), 2);
    json_decref(rec);
    json_decref(set);
}

static void test_header_round_trip(void **state)
{
    unsigned char head[MANIFEST_LOG_HASHBYTES];
    struct manifest_header h;
    struct digestset ds;
    json_t *header = json_object(), *ps = json_array(), *back;
    char *text;
    struct err e;

    (void)state;
    memset(head, 0x5c, sizeof head);
    json_array_append_new(ps, json_string("Rim-il"));
    digestset_init(&ds);                         /* a store with nothing protected */
    digestset_finish(&ds);
    assert_int_equal(manifest_write_header(header, 41, head, &ds, ps, &e), 0);
    text = json_dumps(header, JSON_COMPACT);
    back = doc(text);
    secmem_wipe_free(text);
    assert_int_equal(manifest_read_header(&h, back, &e), 0);
    assert_int_equal(h.log_seq, 41);
    assert_memory_equal(h.log_head, head, sizeof head);
    assert_int_equal(h.ds.n, 0);
    assert_memory_equal(h.ds.key, ds.key, DIGESTSET_KEYBYTES);
    assert_int_equal(h.npseudonyms, 1);
    assert_string_equal(h.pseudonyms[0], "Rim-il");
    manifest_header_free(&h);
    json_decref(back);
    json_decref(header);
    digestset_free(&ds);
}

static int count_hit(void *ctx, size_t start, size_t end, const char *flag, struct err *e)
{
    (void)start, (void)end, (void)flag, (void)e;
    ++*(size_t *)ctx;
    return 0;
}

static void expect_header_refused(const char *text, const char *what)
{
    struct manifest_header h;
    char want[200];
    json_t *d = doc(text);
    struct err e;

    snprintf(want, sizeof want, "malformed redaction manifest (%s); the bundle cannot be audited",
             what);
    assert_int_equal(manifest_read_header(&h, d, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, want);
    manifest_header_free(&h);
    json_decref(d);
}

#define LOG "\"log_head\":{\"seq\":3,\"hash\":\"" \
    "0000000000000000000000000000000000000000000000000000000000000000\"}"
#define KEY "\"key\":\"" \
    "1111111111111111111111111111111111111111111111111111111111111111\""

static void test_header_refusals(void **state)
{
    (void)state;
    expect_header_refused("{\"log_head\":{\"seq\":3,\"hash\":\"00\"}}", "log head");
    expect_header_refused("{\"log_head\":{\"seq\":-1,\"hash\":\"00\"}}", "log head");
    expect_header_refused("{" LOG "}", "digest set");
    expect_header_refused("{" LOG ",\"digests\":{" KEY ",\"forms\":\"\",\"more\":1}}", "digest set");
    expect_header_refused("{" LOG ",\"digests\":{" KEY ",\"forms\":\"AAAA\"}}",
                          "digest set encoding");      /* 3 bytes: no whole entry */
    expect_header_refused("{" LOG ",\"digests\":{" KEY ",\"forms\":\"*\"}}", "digest set encoding");
    /* 17 bytes, a rule byte no form has (0xff). */
    expect_header_refused("{" LOG ",\"digests\":{" KEY ",\"forms\":\"AAAAAAAAAAAAAAAAAAAAAP8=\"}}",
                          "a digest set entry's rule byte");
    expect_header_refused("{" LOG ",\"digests\":{" KEY ",\"forms\":\"\"}}", "pseudonyms");
    expect_header_refused("{" LOG ",\"digests\":{" KEY ",\"forms\":\"\"},\"pseudonyms\":[\"\"]}",
                          "a pseudonym");
    /* The filter (docs/FORMAT.md, "Digest set filter"): a string of
     * base64, exactly digestset_filter_bytes(n) bytes, nothing more. */
    expect_header_refused("{" LOG ",\"digests\":{" KEY ",\"forms\":\"\",\"filter\":1}}",
                          "digest set");
    expect_header_refused("{" LOG ",\"digests\":{" KEY ",\"forms\":\"\",\"filter\":\"\","
                          "\"more\":1}}", "digest set");
    expect_header_refused("{" LOG ",\"digests\":{" KEY ",\"forms\":\"\",\"filter\":\"*\"}}",
                          "digest set filter");
    expect_header_refused("{" LOG ",\"digests\":{" KEY ",\"forms\":\"\",\"filter\":\"AAAA\"}}",
                          "digest set filter size");
    expect_header_refused("{" LOG ",\"digests\":{" KEY ",\"forms\":\"\","
                          "\"filter\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}}",
                          "digest set filter size");     /* 16 bytes for no entry */
    /* A digest set of an older intake (classes hashed in, no rules). */
    expect_header_refused("{" LOG ",\"digests\":{" KEY ",\"set\":\"\"}}",
                          "a digest set of the old kind, without the forms' rules: the bundle was "
                          "made by an older intake; ask the sender to export again");
}

/* The filter travels with the forms and comes back byte for byte; a
 * header without it (an intake before the filter) is still read, the
 * same forms found in it by their digests alone. */
static void test_header_filter(void **state)
{
    static const char body[] = "so Kim Chol-jin said";
    unsigned char head[MANIFEST_LOG_HASHBYTES] = { 0 };
    struct manifest_header h;
    struct digestset ds;
    struct err e;
    json_t *header = json_object(), *back;
    char *text;
    size_t hits;

    (void)state;
    digestset_init(&ds);
    assert_int_equal(digestset_add_form(&ds, "kimcholjin", 10, 0x08, &e), 0);
    assert_int_equal(digestset_add_form(&ds, "choljin", 7, 0x08, &e), 0);
    digestset_finish(&ds);
    assert_non_null(ds.filter);
    assert_int_equal(manifest_write_header(header, 1, head, &ds, json_array(), &e), 0);
    text = json_dumps(header, JSON_COMPACT);
    back = doc(text);
    secmem_wipe_free(text);
    assert_int_equal(manifest_read_header(&h, back, &e), 0);
    assert_int_equal(h.ds.filterlen, ds.filterlen);
    assert_memory_equal(h.ds.filter, ds.filter, ds.filterlen);
    hits = 0;
    assert_int_equal(digestset_scan(&h.ds, body, strlen(body), count_hit, &hits, &e), 0);
    assert_int_equal(hits, 2);
    manifest_header_free(&h);
    json_object_del(json_object_get(back, "digests"), "filter");
    assert_int_equal(manifest_read_header(&h, back, &e), 0);
    assert_null(h.ds.filter);
    hits = 0;
    assert_int_equal(digestset_scan(&h.ds, body, strlen(body), count_hit, &hits, &e), 0);
    assert_int_equal(hits, 2);
    manifest_header_free(&h);
    json_decref(back);
    json_decref(header);
    digestset_free(&ds);
}

static const char rec_head[] =
    "{\"id\":\"r1\",\"pseudonym\":\"Nari\",\"title\":\"T\",\"date\":\"2024-03\",\"body\":\"Mr Smith came.\","
    "\"tags\":[],\"consent\":{\"export\":true},\"redactions\":[],\"review\":[";

static void read_flag(struct audit_record *r, const char *flag, struct err *e, int rc)
{
    char text[1024];
    json_t *d;

    snprintf(text, sizeof text, "%s%s]}", rec_head, flag);
    d = doc(text);
    assert_int_equal(manifest_read_record(r, d, e), rc);
    json_decref(d);              /* r's strings point into d: read what is needed first */
}

static void test_review_flags(void **state)
{
    struct audit_record r;
    struct err e;

    (void)state;
    /* Allowed without a date: still allowed, said so. Unresolved: no date. */
    read_flag(&r, "{\"field\":\"body\",\"start\":0,\"length\":8,\"kind\":\"title-name\","
              "\"resolution\":\"allowed\"}", &e, 0);
    assert_int_equal(r.nflags, 1);
    assert_string_equal(r.flags[0].allowed, "(date not recorded)");
    assert_int_equal(r.flags[0].at.len, 8);
    manifest_record_free(&r);
    read_flag(&r, "{\"field\":\"body\",\"start\":0,\"length\":8,\"kind\":\"title-name\","
              "\"resolution\":\"unresolved\",\"allowed\":\"2026-01-01\"}", &e, 0);
    assert_null(r.flags[0].allowed);
    manifest_record_free(&r);
    /* No kind, a zero length, one member too many: refused. */
    read_flag(&r, "{\"field\":\"body\",\"start\":0,\"length\":8,\"resolution\":\"allowed\"}",
              &e, -1);
    manifest_record_free(&r);
    read_flag(&r, "{\"field\":\"body\",\"start\":0,\"length\":0,\"kind\":\"phone\","
              "\"resolution\":\"allowed\"}", &e, -1);
    manifest_record_free(&r);
    read_flag(&r, "{\"field\":\"body\",\"start\":0,\"length\":8,\"kind\":\"phone\","
              "\"resolution\":\"allowed\",\"allowed\":\"x\",\"extra\":1}", &e, -1);
    assert_string_equal(e.msg, "malformed redaction manifest (a review flag); the bundle "
                        "cannot be audited");
    manifest_record_free(&r);
}

/* The audit of a malformed record is an error (EXIT_INPUT), not a finding. */
static void test_audit_refuses_malformed(void **state)
{
    struct audit_report rep = { 0 };
    unsigned char head[MANIFEST_LOG_HASHBYTES] = { 0 };
    struct digestset ds;
    json_t *header = json_object(), *recs = json_array();
    struct err e;

    (void)state;
    digestset_init(&ds);
    digestset_finish(&ds);
    assert_int_equal(manifest_write_header(header, 1, head, &ds, json_array(), &e), 0);
    json_array_append_new(recs, doc("{\"id\":\"r1\",\"pseudonym\":\"Nari\"}"));
    assert_int_equal(manifest_audit(&rep, header, recs, "2026-01-01", 3, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "malformed redaction manifest (a record's fields); the bundle "
                        "cannot be audited");
    assert_int_equal(rep.n, 0);
    audit_report_free(&rep);
    json_decref(header);
    json_decref(recs);
    digestset_free(&ds);
}

/* The notices check: each notice listed; a record FAILs when the
 * bundle's own notices, read in order, forbid it. */
static int notices_level(const char *notices, struct audit_record *r, size_t n,
                         const char **note)
{
    struct audit_report rep = { 0 };
    json_t *ns = doc(notices);
    struct err e;
    int level = -1;

    *note = NULL;
    assert_int_equal(audit_notices(&rep, ns, r, n, "2026-06-01", &e), 0);
    if (rep.n == 1) {
        static char last[400];
        const struct audit_check *c = &rep.checks[0];
        assert_string_equal(c->name, "notices");
        assert_int_equal(c->examined, json_array_size(ns));
        level = c->level;
        snprintf(last, sizeof last, "%s", c->items[c->nitems - 1].note);
        *note = last;
    } else {
        assert_int_equal(rep.n, 0);
    }
    audit_report_free(&rep);
    json_decref(ns);
    return level;
}

#define W1 "{\"kind\":\"withdrawal\",\"subject\":\"s1\",\"record\":null,\"day\":\"2026-01-02\"}"
#define W2 "{\"kind\":\"withdrawal\",\"subject\":\"s1\",\"record\":null,\"day\":\"2026-01-04\",\"round\":2}"
#define SCOPE(kind, round, exp, emb, att) \
    "{\"kind\":\"" kind "\",\"subject\":\"s1\",\"record\":null,\"day\":\"2026-01-03\"" round \
    ",\"scope\":{\"export\":" exp ",\"quote\":false,\"publish\":false,\"attachments\":" att \
    ",\"method\":null,\"recorded\":\"2026-01-03\",\"embargo\":" emb "}}"
#define R1 SCOPE("reconsent", ",\"round\":1", "true", "null", "true")

static void test_notices_check(void **state)
{
    struct audit_record r[2];
    const char *note;

    (void)state;
    memset(r, 0, sizeof r);
    r[0].id = "rec1", r[0].subject = "s1";
    r[1].id = "rec2", r[1].subject = "s2";
    /* No notices: no check at all (the report stays as it was). */
    assert_int_equal(notices_level("[]", r, 2, &note), -1);
    /* Listed; a notice of another subject forbids nothing. */
    assert_int_equal(notices_level("[" W1 "]", r + 1, 1, &note), AUDIT_PASS);
    assert_string_equal(note, "subject s1, all its records, day 2026-01-02");
    assert_int_equal(notices_level("[{\"kind\":\"removal\",\"subject\":\"s1\",\"record\":\"rec1\","
                                   "\"day\":\"2026-01-02\",\"attachment\":\"ab12\"}]", r, 2, &note),
                     AUDIT_PASS);
    assert_string_equal(note, "subject s1, day 2026-01-02, attachment ab12");
    /* A withdrawal of the subject of a record carried. */
    assert_int_equal(notices_level("[" W1 "]", r, 2, &note), AUDIT_FAIL);
    assert_string_equal(note, "its subject's consent was withdrawn: the bundle's own withdrawal "
                        "notice of 2026-01-02 forbids it");
    /* Lifted by a later re-consent of its round; not by one before it,
     * nor by one of an earlier round. */
    assert_int_equal(notices_level("[" W1 "," R1 "]", r, 2, &note), AUDIT_PASS);
    assert_string_equal(note, "subject s1, all its records, day 2026-01-03, round 1, scope: export "
                        "yes, quote no, publish no, attachments yes, embargo none, method none");
    assert_int_equal(notices_level("[" R1 "," W1 "]", r, 2, &note), AUDIT_FAIL);
    assert_int_equal(notices_level("[" W1 "," R1 "," W2 "]", r, 2, &note), AUDIT_FAIL);
    assert_int_equal(notices_level("[" W2 "," R1 "]", r, 2, &note), AUDIT_FAIL);
    /* A deletion of the record, or of its whole subject (forget). */
    assert_int_equal(notices_level("[{\"kind\":\"deletion\",\"subject\":\"s1\",\"record\":\"rec1\","
                                   "\"day\":\"2026-01-02\"}]", r, 2, &note), AUDIT_FAIL);
    assert_string_equal(note, "it was deleted at the source: the bundle's own deletion notice of "
                        "2026-01-02 forbids it");
    assert_int_equal(notices_level("[{\"kind\":\"deletion\",\"subject\":\"s1\",\"record\":\"rec9\","
                                   "\"day\":\"2026-01-02\"}]", r, 2, &note), AUDIT_PASS);
    assert_int_equal(notices_level("[{\"kind\":\"deletion\",\"subject\":\"s1\",\"record\":null,"
                                   "\"day\":\"2026-01-02\"}]", r, 2, &note), AUDIT_FAIL);
    assert_string_equal(note, "its subject was forgotten at the source: the bundle's own deletion "
                        "notice of 2026-01-02 forbids it");
    /* The last scope carried: no export, an embargo after today,
     * attachments no with attachments carried. */
    assert_int_equal(notices_level("[" SCOPE("scope", "", "false", "null", "true") "]", r, 2, &note),
                     AUDIT_FAIL);
    assert_string_equal(note, "no consent to export: the bundle's own scope notice of 2026-01-03 "
                        "forbids it");
    assert_int_equal(notices_level("[" SCOPE("scope", "", "true", "\"2026-06-02\"", "true") "]", r, 2,
                                   &note), AUDIT_FAIL);
    assert_int_equal(notices_level("[" SCOPE("scope", "", "true", "\"2026-06-01\"", "true") "]", r, 2,
                                   &note), AUDIT_PASS);
    assert_int_equal(notices_level("[" SCOPE("scope", "", "true", "null", "false") "]", r, 2, &note),
                     AUDIT_PASS);
    r[0].nattachments = 1;
    assert_int_equal(notices_level("[" SCOPE("scope", "", "true", "null", "false") "]", r, 2, &note),
                     AUDIT_FAIL);
    assert_int_equal(notices_level("[" SCOPE("scope", "", "false", "null", "true") ","
                                   SCOPE("scope", "", "true", "null", "true") "]", r, 2, &note),
                     AUDIT_PASS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_collect_pseudonyms),
        cmocka_unit_test(test_header_round_trip),
        cmocka_unit_test(test_header_refusals),
        cmocka_unit_test(test_header_filter),
        cmocka_unit_test(test_review_flags),
        cmocka_unit_test(test_audit_refuses_malformed),
        cmocka_unit_test(test_notices_check),
    };
    if (sodium_init() < 0)
        return 1;
    json_set_alloc_funcs(secmem_wipe_malloc, secmem_wipe_free);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
