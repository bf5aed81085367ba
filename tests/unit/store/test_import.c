/* store/import.c: reading a bundle addressed to this store
 * (store_bundle_open, _read, _close) and the import pipeline
 * (store_import) on two real stores: "field" exports to "hq", which
 * imports. The refusals (an unknown sender, a bundle for another store, a
 * changed byte, a file that is no bundle) leave hq as it was: no record,
 * no attachment, no import noted, no log entry. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

/* hq as it was before a refused import: nothing added, nothing logged. */
static void expect_unchanged(struct pair *p, long log_before, const char *bundle)
{
    unsigned char hash[BUNDLE_HASHBYTES];
    char hex[2 * BUNDLE_HASHBYTES + 1];
    struct records c;
    struct err e;
    int seen = -1;

    all_records(&c, p->hq);
    assert_int_equal(c.n, 0);
    assert_int_equal(attachment_count(p->hq), 0);
    assert_int_equal(log_entries(p->hq), log_before);
    if (bundle == NULL)
        return;
    bundle_hash_hex(hex, p->hq, bundle);
    assert_int_equal(sodium_hex2bin(hash, sizeof hash, hex, strlen(hex), NULL, NULL, NULL), 0);
    assert_int_equal(store_import_seen(&seen, p->hq, hash, sizeof hash, &e), 0);
    assert_int_equal(seen, 0);
}

/* What one store_bundle_read handed over. */
struct seen {
    int headers, records;
    size_t blobs, bytes, ends;
    char record[RECORD_ID_CHARS + 1];
};

static int seen_header(void *ctx, json_t *doc, struct err *e)
{
    (void)e;
    assert_string_equal(json_string_value(json_object_get(doc, "format")), "intake-content-6");  /* a consent with its counter */
    ((struct seen *)ctx)->headers++;
    return 0;
}

static int seen_record(void *ctx, json_t *rec, struct err *e)
{
    struct seen *s = ctx;

    (void)e;
    snprintf(s->record, sizeof s->record, "%s", json_string_value(json_object_get(rec, "id")));
    s->records++;
    return 0;
}

static int seen_blob(void *ctx, json_t *head, struct err *e)
{
    (void)head, (void)e;
    ((struct seen *)ctx)->blobs++;
    return 0;
}

static int seen_data(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    (void)buf, (void)e;
    ((struct seen *)ctx)->bytes += len;
    return 0;
}

static int seen_end(void *ctx, struct err *e)
{
    (void)e;
    ((struct seen *)ctx)->ends++;
    return 0;
}

static int refuse_record(void *ctx, json_t *rec, struct err *e)
{
    (void)ctx, (void)rec;
    return err_set(e, EXIT_INPUT, "the handler says no");
}

static void test_bundle_open_read_close(void **state)
{
    struct pair *p = *state;
    struct seen s = { 0 };
    struct content_handler h = { seen_header, seen_record, seen_blob, seen_data, seen_end, &s };
    struct content_handler none = { 0 };
    unsigned char spk[crypto_sign_PUBLICKEYBYTES], bpk[crypto_box_PUBLICKEYBYTES];
    unsigned char fspk[crypto_sign_PUBLICKEYBYTES], fbpk[crypto_box_PUBLICKEYBYTES];
    unsigned char derived[crypto_scalarmult_BYTES];
    char missing[240];
    struct opened_bundle b;
    struct bundle_info info;
    struct err e;

    attach_text(p->field, p->nari, "memo.txt", 0);
    assert_int_equal(export_to_hq(p, p->out), 1);
    assert_int_equal(store_device_public(spk, bpk, p->hq, &e), 0);
    assert_int_equal(store_device_public(fspk, fbpk, p->field, &e), 0);

    assert_int_equal(store_bundle_open(&b, p->hq, p->out, &e), 0);
    assert_true(b.fd >= 0);
    assert_non_null(b.sk);
    assert_memory_equal(b.pk, bpk, sizeof bpk);
    assert_int_equal(crypto_scalarmult_base(derived, b.sk), 0);   /* the box key kept */
    assert_memory_equal(derived, bpk, sizeof bpk);
    if (store_bundle_read(&b, &h, &info, &e) != 0)
        fail_msg("read: %s", e.msg);
    assert_int_equal(s.headers, 1);
    assert_int_equal(s.records, 1);
    assert_string_equal(s.record, p->nari);
    assert_int_equal(s.blobs, 1);
    assert_int_equal(s.bytes, 10);
    assert_int_equal(s.ends, 1);
    assert_int_equal(info.version, BUNDLE_VERSION);
    assert_memory_equal(info.sender_pk, fspk, sizeof fspk);
    assert_int_equal(info.nrecipients, 1);
    assert_memory_equal(info.recipients[0], bpk, sizeof bpk);
    assert_int_equal(info.armored, 0);
    store_bundle_close(&b);
    assert_int_equal(b.fd, -1);
    assert_null(b.sk);
    store_bundle_close(&b);                       /* twice is fine */

    /* A handler's error is the read's error. */
    h.record = refuse_record;
    assert_int_equal(store_bundle_open(&b, p->hq, p->out, &e), 0);
    assert_int_equal(store_bundle_read(&b, &h, &info, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "the handler says no");
    store_bundle_close(&b);

    /* Not this store's key pair: the key loads, the bundle does not open. */
    assert_int_equal(store_bundle_open(&b, p->field, p->out, &e), 0);
    assert_int_equal(store_bundle_read(&b, &none, &info, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    store_bundle_close(&b);

    /* A file that cannot be opened: still closable. */
    snprintf(missing, sizeof missing, "%s.none", p->out);
    assert_int_equal(store_bundle_open(&b, p->hq, missing, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(b.fd, -1);
    store_bundle_close(&b);
    assert_null(b.sk);
}

static void test_import_adds_records_and_attachments(void **state)
{
    struct pair *p = *state;
    char key[2 * crypto_sign_PUBLICKEYBYTES + 1], hash[2 * BUNDLE_HASHBYTES + 1];
    char want[1024], origin[512];
    struct import_result im;
    struct records c;
    struct err e;
    long before;

    attach_text(p->field, p->nari, "memo.txt", 1);
    assert_int_equal(export_to_hq(p, p->out), 1);
    add_contact(p->hq, "field", p->field);
    before = log_entries(p->hq);
    if (store_import(&im, p->hq, p->out, 0, &e) != 0)
        fail_msg("import: %s", e.msg);
    sign_key_hex(key, p->field);
    bundle_hash_hex(hash, p->hq, p->out);
    assert_int_equal(im.seen, 0);
    assert_string_equal(im.hash, hash);
    assert_string_equal(im.sender, "field");
    assert_int_equal(im.verified, 0);
    assert_string_equal(im.sender_key, key);
    assert_int_equal(im.added, 1);
    assert_int_equal(im.kept, 0);
    assert_int_equal(im.files, 1);

    /* The record under its own id, for the subject PSEUDONYM@KEY. */
    all_records(&c, p->hq);
    snprintf(want, sizeof want, "%s|2024-03|Nari@%.8s|Border crossing|-|-|"
             "Nari spoke about the border.\n|;", p->nari, key);
    assert_string_equal(c.buf, want);
    /* Flagged at attach; the copy that left holds no location. */
    expect_attachment(p->hq, p->nari, "attachment-1.txt", "text/plain", 0, "recording\n", 10);
    assert_int_equal(store_record_origin(origin, sizeof origin, p->hq, p->nari, &e), 0);
    snprintf(want, sizeof want, " from field (signing key %s), bundle %s, sender's log at "
             "export: entry ", key, hash);
    assert_non_null(strstr(origin, want));
    assert_int_equal(log_entries(p->hq), before + 1);
    snprintf(want, sizeof want, "import %s", p->nari);
    expect_last_log(p->hq, want);
}

static void test_verified_sender_armored(void **state)
{
    struct pair *p = *state;
    struct export_request req = pair_request(p);
    struct export_result res;
    struct import_result im;
    unsigned char *text;
    struct err e;
    size_t len;

    req.armor = 1;
    req.skip_blocked = 1;
    if (store_export(&res, p->field, &req, &e) != 0)
        fail_msg("export: %s", e.msg);
    export_result_free(&res);
    text = slurp(p->out, &len);
    assert_true(len > 30 && memcmp(text, "-----BEGIN INTAKE BUNDLE-----\n", 30) == 0);
    free(text);
    add_contact(p->hq, "field", p->field);
    assert_int_equal(store_contact_confirm(p->hq, "field", &e), 0);
    if (store_import(&im, p->hq, p->out, 0, &e) != 0)
        fail_msg("import: %s", e.msg);
    assert_string_equal(im.sender, "field");
    assert_int_equal(im.verified, 1);
    assert_int_equal(im.added, 1);
    assert_int_equal(im.files, 0);
}

static void test_second_import_adds_nothing(void **state)
{
    struct pair *p = *state;
    char again[240];
    struct import_result im;
    struct records first, now;
    struct err e;
    long before;

    attach_text(p->field, p->nari, "memo.txt", 0);
    assert_int_equal(export_to_hq(p, p->out), 1);
    add_contact(p->hq, "field", p->field);
    assert_int_equal(store_import(&im, p->hq, p->out, 0, &e), 0);
    all_records(&first, p->hq);
    before = log_entries(p->hq);

    /* The same bundle: seen, nothing added, nothing logged. */
    assert_int_equal(store_import(&im, p->hq, p->out, 0, &e), 0);
    assert_int_equal(im.seen, 1);
    assert_string_equal(im.sender, "field");
    assert_int_equal(im.added, 0);
    assert_int_equal(im.kept, 0);
    assert_int_equal(im.files, 0);
    all_records(&now, p->hq);
    assert_string_equal(now.buf, first.buf);
    assert_int_equal(log_entries(p->hq), before);

    /* Another bundle with the same record: kept as it was, its
     * attachment not stored twice. */
    snprintf(again, sizeof again, "%s.again", p->out);
    assert_int_equal(export_to_hq(p, again), 1);
    assert_int_equal(store_import(&im, p->hq, again, 0, &e), 0);
    assert_int_equal(im.seen, 0);
    assert_int_equal(im.added, 0);
    assert_int_equal(im.kept, 1);
    assert_int_equal(im.files, 0);
    all_records(&now, p->hq);
    assert_string_equal(now.buf, first.buf);
    expect_attachment(p->hq, p->nari, "attachment-1.txt", "text/plain", 0, "recording\n", 10);
    unlink(again);
}

static void test_unknown_sender_refused_unless_accepted(void **state)
{
    struct pair *p = *state;
    char key[2 * crypto_sign_PUBLICKEYBYTES + 1], want[512], origin[512];
    struct import_result im;
    struct records c;
    struct err e;
    long before = log_entries(p->hq);

    assert_int_equal(export_to_hq(p, p->out), 1);
    sign_key_hex(key, p->field);
    assert_int_equal(store_import(&im, p->hq, p->out, 0, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    snprintf(want, sizeof want, "the bundle was signed by an unknown sender (signing key %s); "
             "add their card with 'intake contact add' or use --accept-unknown-sender", key);
    assert_string_equal(e.msg, want);
    assert_string_equal(im.sender, "");
    assert_int_equal(im.added, 0);
    expect_unchanged(p, before, p->out);

    if (store_import(&im, p->hq, p->out, 1, &e) != 0)
        fail_msg("import: %s", e.msg);
    assert_string_equal(im.sender, "");
    assert_string_equal(im.sender_key, key);
    assert_int_equal(im.added, 1);
    all_records(&c, p->hq);
    snprintf(want, sizeof want, "|Nari@%.8s|", key);
    assert_non_null(strstr(c.buf, want));
    assert_int_equal(store_record_origin(origin, sizeof origin, p->hq, p->nari, &e), 0);
    snprintf(want, sizeof want, " from an unknown sender (signing key %s)", key);
    assert_non_null(strstr(origin, want));
}

static void test_bundle_for_another_store(void **state)
{
    struct pair *p = *state;
    struct import_result im;
    struct records c, after;
    struct err e;
    long before;

    assert_int_equal(export_to_hq(p, p->out), 1);
    all_records(&c, p->field);
    before = log_entries(p->field);
    /* field sealed it to hq only: field itself cannot import it. */
    assert_int_equal(store_import(&im, p->field, p->out, 1, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "this bundle is not addressed to this store "
                        "(none of its recipients is this store's key), or its start was damaged on the way (a character changed or a line lost near the start reads the same): ask its sender to add this "
                        "store's card ('intake card') as a contact and to export it again with that "
                        "contact among --to");
    assert_string_equal(im.sender_key, "");
    all_records(&after, p->field);
    assert_string_equal(after.buf, c.buf);
    assert_int_equal(after.n, 2);
    assert_int_equal(log_entries(p->field), before);
}

static void test_changed_byte_leaves_nothing(void **state)
{
    struct pair *p = *state;
    size_t len = big_bundle(p), i;
    long before = log_entries(p->hq);
    struct import_result im;
    char bad[240];
    struct err e;

    snprintf(bad, sizeof bad, "%s.bad", p->out);

    /* The recipient list, a middle chunk, the last chunk. */
    const struct { size_t off; const char *msg; } cases[] = {
        { 90, "commitment mismatch: the bundle's recipient list or key was altered" },
        { len / 2, "a chunk of the bundle was altered" },
        { len - 10, "the bundle is truncated or its last chunk was altered" },
    };
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        copy_flipped(bad, p->out, cases[i].off);
        assert_int_equal(store_import(&im, p->hq, bad, 0, &e), -1);
        assert_int_equal(e.code, EXIT_AUTH);
        assert_string_equal(e.msg, cases[i].msg);
        assert_int_equal(im.added, 0);
        assert_int_equal(im.files, 0);
        expect_unchanged(p, before, NULL);
    }
    unlink(bad);
    /* The bundle itself still imports. */
    assert_int_equal(store_import(&im, p->hq, p->out, 0, &e), 0);
    assert_int_equal(im.added, 1);
    assert_int_equal(im.files, 1);
}

static void test_no_bundle(void **state)
{
    struct pair *p = *state;
    char path[240], want[300];
    struct import_result im;
    struct err e;
    long before = log_entries(p->hq);
    int fd;

    snprintf(path, sizeof path, "%s.none", p->out);
    assert_int_equal(store_import(&im, p->hq, path, 1, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(want, sizeof want, "cannot open %s: No such file or directory", path);
    assert_string_equal(e.msg, want);

    assert_int_equal(store_import(&im, p->hq, p->dir, 1, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(want, sizeof want, "%s is not a regular file: it is a folder", p->dir);
    assert_string_equal(e.msg, want);

    fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(store_import(&im, p->hq, path, 1, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "this file is too short to be a bundle (0 bytes)");
    unlink(path);
    expect_unchanged(p, before, NULL);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, pair_setup, pair_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_bundle_open_read_close),
        T(test_import_adds_records_and_attachments),
        T(test_verified_sender_armored),
        T(test_second_import_adds_nothing),
        T(test_unknown_sender_refused_unless_accepted),
        T(test_bundle_for_another_store),
        T(test_changed_byte_leaves_nothing),
        T(test_no_bundle),
    };
    return cmocka_run_group_tests(tests, pair_group_setup, teardown);
}
