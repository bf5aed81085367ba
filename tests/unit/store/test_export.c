/* store/export.c: the export pipeline on two real stores ("field" exports
 * to its contact "hq", tests/unit/storeutil.h): selection, blocked
 * records, the unverified-contact question, sealing, the export recorded
 * in the log, and the refusals that leave no file and no log entry. hq's
 * side of the bundle has its own tests: test_import.c, test_audit.c,
 * test_unpack.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include "export/audit.h"
#include "export/content.h"

static int confirm_no(void *ctx, const char *contact)
{
    return confirm_hq(ctx, contact) - 1;
}

static int log_count(void *ctx, const struct log_row *r, struct err *e)
{
    (void)e;
    if (strcmp(r->action, "export") == 0)
        (*(int *)ctx)++;
    return 0;
}

static int exports_logged(struct store *s)
{
    struct err e;
    int n = 0;

    assert_int_equal(store_log_each(s, log_count, &n, &e), 0);
    return n;
}

/* What hq finds in a bundle: its record documents (kept) and attachments. */
struct found {
    json_t *records;
    size_t blobs;
};

static int on_record(void *ctx, json_t *rec, struct err *e)
{
    (void)e;
    return json_array_append(((struct found *)ctx)->records, rec);
}

static int on_blob(void *ctx, json_t *head, struct err *e)
{
    (void)head, (void)e;
    ((struct found *)ctx)->blobs++;
    return 0;
}

static void open_as_hq(struct found *got, struct pair *f)
{
    struct content_handler h = { NULL, on_record, on_blob, NULL, NULL, got };
    unsigned char pk[crypto_box_PUBLICKEYBYTES], spk[crypto_sign_PUBLICKEYBYTES];
    unsigned char *sk = secmem_alloc(crypto_sign_SECRETKEYBYTES + crypto_box_SECRETKEYBYTES);
    struct content_reader *r = content_reader_new(&h);
    struct bundle_info info;
    struct err e;
    int fd = open(f->out, O_RDONLY);

    got->records = json_array();
    got->blobs = 0;
    assert_true(fd >= 0 && sk != NULL && r != NULL);
    if (store_device_public(spk, pk, f->hq, &e) != 0 ||
        store_device_secret(sk, sk + crypto_sign_SECRETKEYBYTES, f->hq, &e) != 0 ||
        bundle_read(fd, pk, sk + crypto_sign_SECRETKEYBYTES, content_sink, r, &info, &e) != 0 ||
        content_finish(r, &e) != 0)
        fail_msg("open: %s", e.msg);
    content_reader_free(r);
    secmem_free(sk);
    close(fd);
}

static void test_blocked_record_refuses_everything(void **state)
{
    struct pair *f = *state;
    struct export_request req = pair_request(f);
    struct export_result res;
    struct err e;

    assert_int_equal(store_export(&res, f->field, &req, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "1 record(s) may not leave; nothing was exported "
                        "(--skip-blocked leaves them out)");
    assert_int_equal(res.checked, 1);
    assert_int_equal(res.nblocked, 1);
    assert_string_equal(res.blocked[0].id, f->saran);
    assert_string_equal(res.blocked[0].pseudonym, "Saran");
    assert_non_null(strstr(res.blocked[0].why, "no consent is recorded"));
    assert_int_equal(res.nexported, 0);
    assert_int_equal(f->asked, 1);                /* hq is not verified */
    assert_int_equal(access(f->out, F_OK), -1);
    assert_int_equal(exports_logged(f->field), 0);
    export_result_free(&res);
}

static void test_skip_blocked_seals_and_records(void **state)
{
    struct pair *f = *state;
    struct export_request req = pair_request(f);
    struct export_result res;
    struct found got;
    json_t *rec;
    char *text;
    struct err e;

    attach_text(f->field, f->nari, "memo.txt", 1);
    req.skip_blocked = 1;
    req.keep_metadata = 1;                        /* as stored: its location flag stays */
    if (store_export(&res, f->field, &req, &e) != 0)
        fail_msg("export: %s", e.msg);
    assert_string_equal(res.path, f->out);
    assert_string_equal(res.to, "hq");
    assert_int_equal(res.nexported, 1);
    assert_int_equal(res.nblocked, 1);
    assert_int_equal(res.verdict, AUDIT_WARN);    /* one record: below k */
    assert_non_null(strstr(res.report, "verdict: WARN"));
    assert_int_equal(res.nlocated, 1);            /* the memo carries a location flag */
    assert_string_equal(res.located[0].record, f->nari);
    assert_string_equal(res.located[0].file, "attachment-1.txt");
    assert_int_equal(exports_logged(f->field), 1);
    export_result_free(&res);

    open_as_hq(&got, f);
    assert_int_equal(json_array_size(got.records), 1);
    assert_int_equal(got.blobs, 1);
    rec = json_array_get(got.records, 0);
    assert_string_equal(json_string_value(json_object_get(rec, "id")), f->nari);
    assert_string_equal(json_string_value(json_object_get(rec, "body")),
                        "Nari spoke about the border.\n");
    assert_string_equal(json_string_value(json_object_get(rec, "date")), "2024-03");
    text = json_dumps(got.records, 0);
    assert_null(strstr(text, "Ji-yeon"));         /* no real name, */
    assert_null(strstr(text, "memo.txt"));        /* no stored file name */
    secmem_wipe_free(text);
    json_decref(got.records);
}

static void test_declined_contact_writes_nothing(void **state)
{
    struct pair *f = *state;
    struct export_request req = pair_request(f);
    struct export_result res;
    struct err e;

    req.confirm = confirm_no;
    req.skip_blocked = 1;
    assert_int_equal(store_export(&res, f->field, &req, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "not sealed to unverified contact 'hq'; verify it with "
                        "'intake contact verify hq'");
    assert_int_equal(res.checked, 0);
    assert_int_equal(access(f->out, F_OK), -1);
    export_result_free(&res);

    /* Once verified, nobody is asked. */
    assert_int_equal(store_contact_confirm(f->field, "hq", &e), 0);
    f->asked = 0;
    req.confirm = NULL;
    if (store_export(&res, f->field, &req, &e) != 0)
        fail_msg("export: %s", e.msg);
    assert_int_equal(f->asked, 0);
    export_result_free(&res);
}

static void test_selection_errors_come_first(void **state)
{
    struct pair *f = *state;
    struct export_request req = pair_request(f);
    const char *missing[] = { f->saran, "nosuchrecord0000" };
    const char *twice[] = { f->nari, f->nari };
    struct export_result res;
    char want[64];
    struct err e;

    /* Saran's record is blocked, but a missing id is what is reported. */
    req.ids = missing;
    req.nids = 2;
    assert_int_equal(store_export(&res, f->field, &req, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "no record with id 'nosuchrecord0000' (see 'intake list')");
    assert_int_equal(res.nblocked, 0);
    assert_int_equal(res.checked, 0);
    export_result_free(&res);

    req.ids = twice;
    assert_int_equal(store_export(&res, f->field, &req, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(want, sizeof want, "record %s is named twice", f->nari);
    assert_string_equal(e.msg, want);
    export_result_free(&res);

    req.ids = missing + 1;
    req.nids = 1;
    req.to = (const char *const[]){ "nobody" };
    assert_int_equal(store_export(&res, f->field, &req, &e), -1);
    assert_string_equal(e.msg, "no contact named 'nobody' (see 'intake contact list')");
    assert_int_equal(access(f->out, F_OK), -1);
    assert_int_equal(exports_logged(f->field), 0);
    export_result_free(&res);
}

static void test_selected_ids_only(void **state)
{
    struct pair *f = *state;
    struct export_request req = pair_request(f);
    const char *ids[] = { f->nari };
    struct export_result res;
    struct found got;
    struct err e;

    req.ids = ids;
    req.nids = 1;
    req.exact_dates = 1;
    if (store_export(&res, f->field, &req, &e) != 0)
        fail_msg("export: %s", e.msg);
    assert_int_equal(res.nblocked, 0);            /* Saran was not selected */
    assert_int_equal(res.nexported, 1);
    assert_int_equal(res.nlocated, 0);
    export_result_free(&res);
    open_as_hq(&got, f);
    assert_int_equal(json_array_size(got.records), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(got.records, 0),
                                                          "date")), "2024-03-15");
    json_decref(got.records);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, pair_setup, pair_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_blocked_record_refuses_everything),
        T(test_skip_blocked_seals_and_records),
        T(test_declined_contact_writes_nothing),
        T(test_selection_errors_come_first),
        T(test_selected_ids_only),
    };
    return cmocka_run_group_tests(tests, pair_group_setup, teardown);
}
