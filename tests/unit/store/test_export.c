/* store/export.c: the export pipeline on two real stores ("field" exports
 * to its contact "hq"): selection, blocked records, the unverified-contact
 * question, sealing, the export recorded in the log, and the refusals that
 * leave no file and no log entry. Then hq's side of the same bundle:
 * store/audit.c and store/import.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/testutil.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#include "crypto/card.h"
#include "crypto/secmem.h"
#include "export/audit.h"
#include "export/content.h"
#include "store/audit.h"
#include "store/export.h"
#include "store/import.h"

static const char pass[] = "tiger lamp violet oxygen river";
static char root[] = "/tmp/intake-export-XXXXXX";
static int serial;

struct fixture {
    char dir[200], hqdir[200], out[220];
    struct store *field, *hq;
    char nari[RECORD_ID_CHARS + 1];      /* a record that may leave */
    char saran[RECORD_ID_CHARS + 1];     /* one without consent */
    int asked;                           /* confirm_* calls */
};

static struct store *new_store(const char *dir, const char *label)
{
    struct store_params p = { label, "ko", crypto_pwhash_OPSLIMIT_MIN,
                              crypto_pwhash_MEMLIMIT_MIN };
    unsigned char recovery[RECOVERY_KEY_BYTES];
    struct store *s;
    struct err e;

    if (store_create(dir, &p, pass, strlen(pass), recovery, &e) != 0 ||
        store_open(&s, dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass, strlen(pass),
                   &e) != 0)
        fail_msg("store: %s", e.msg);
    return s;
}

static void add_contact(struct store *s, const char *name, struct store *of)
{
    struct card c = { .version = CARD_VERSION };
    char text[CARD_TEXT_SIZE];
    struct err e;

    snprintf(c.label, sizeof c.label, "%s", name);
    if (store_device_public(c.sign_pk, c.box_pk, of, &e) != 0 ||
        card_encode(text, sizeof text, &c, &e) != 0 ||
        store_contact_add(s, name, &c, text, 0, &e) != 0)
        fail_msg("contact: %s", e.msg);
}

static void add_record(char *id, struct store *s, const char *pseudonym, const char *body)
{
    const char *tags[] = { "border" };
    struct record_row r = { .title = "Border crossing", .date = "2024-03-15",
                            .lang = "en", .body = body, .tags = tags, .ntags = 1 };
    struct err e;

    if (store_record_add(id, RECORD_ID_CHARS + 1, s, pseudonym, &r, &e) != 0)
        fail_msg("record: %s", e.msg);
}

static void add_subject(struct store *s, const char *name, const char *pseudonym)
{
    const char *names[] = { name };
    char out[64];
    struct err e;

    if (store_subject_add(out, sizeof out, s, names, 1, NULL, NULL, pseudonym, "ko", &e) != 0)
        fail_msg("subject: %s", e.msg);
}

static void attach(struct store *s, const char *record, const char *name, int gps)
{
    struct attachment_writer *w;
    struct err e;

    if (store_begin(s, &e) != 0 ||
        store_attachment_begin(&w, s, record, name, "text/plain", gps, &e) != 0 ||
        store_attachment_write(w, (const unsigned char *)"recording\n", 10, &e) != 0 ||
        store_attachment_end(w, NULL, &e) != 0 || store_commit(s, &e) != 0)
        fail_msg("attach: %s", e.msg);
}

static int fixture_setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    struct consent_change yes = { 1, -1, -1, 1, "verbal", NULL, 0 };
    struct err e;

    if (f == NULL)
        return -1;
    snprintf(f->dir, sizeof f->dir, "%s/field%d", root, serial);
    snprintf(f->hqdir, sizeof f->hqdir, "%s/hq%d", root, serial++);
    snprintf(f->out, sizeof f->out, "%s.bundle", f->dir);
    f->field = new_store(f->dir, "field");
    f->hq = new_store(f->hqdir, "hq");
    add_contact(f->field, "hq", f->hq);
    add_subject(f->field, "Kim Ji-yeon", "Nari");
    add_subject(f->field, "Bat-Erdene", "Saran");
    if (store_consent_set(f->field, "Nari", &yes, &e) != 0)
        fail_msg("consent: %s", e.msg);
    add_record(f->nari, f->field, "Nari", "Kim Ji-yeon spoke about the border.\n");
    add_record(f->saran, f->field, "Saran", "Bat-Erdene spoke too.\n");
    *state = f;
    return 0;
}

static int fixture_teardown(void **state)
{
    struct fixture *f = *state;
    int rc;

    store_close(f->field);
    store_close(f->hq);
    unlink(f->out);
    rc = remove_tree(f->dir) | remove_tree(f->hqdir);
    free(f);
    return rc;
}

static int confirm_yes(void *ctx, const char *contact)
{
    struct fixture *f = ctx;

    assert_string_equal(contact, "hq");
    f->asked++;
    return 1;
}

static int confirm_no(void *ctx, const char *contact)
{
    return confirm_yes(ctx, contact) - 1;
}

static const char *const hq[] = { "hq" };

static struct export_request request(struct fixture *f)
{
    struct export_request r = { .to = hq, .nto = 1, .confirm = confirm_yes,
                                .confirm_ctx = f, .out = f->out };
    return r;
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

static void open_as_hq(struct found *got, struct fixture *f)
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
    struct fixture *f = *state;
    struct export_request req = request(f);
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
    struct fixture *f = *state;
    struct export_request req = request(f);
    struct export_result res;
    struct found got;
    json_t *rec;
    char *text;
    struct err e;

    attach(f->field, f->nari, "memo.txt", 1);
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
    struct fixture *f = *state;
    struct export_request req = request(f);
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
    struct fixture *f = *state;
    struct export_request req = request(f);
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
    struct fixture *f = *state;
    struct export_request req = request(f);
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

static void test_hq_audits_and_imports_it(void **state)
{
    struct fixture *f = *state;
    struct export_request req = request(f);
    struct audit_report rep = { 0 };
    struct export_result res;
    struct import_result im;
    struct err e;

    req.skip_blocked = 1;
    if (store_export(&res, f->field, &req, &e) != 0)
        fail_msg("export: %s", e.msg);
    export_result_free(&res);

    /* Field is no contact of hq yet: origin FAILs, import refuses. */
    assert_int_equal(store_audit(&rep, f->hq, f->out, AUDIT_K_DEFAULT, &e), 0);
    assert_int_equal(audit_verdict(&rep), AUDIT_FAIL);
    assert_string_equal(rep.checks[0].name, "origin");
    assert_int_equal(rep.checks[0].level, AUDIT_FAIL);
    audit_report_free(&rep);
    assert_int_equal(store_import(&im, f->hq, f->out, 0, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "signed by an unknown sender"));

    add_contact(f->hq, "field", f->field);
    memset(&rep, 0, sizeof rep);
    assert_int_equal(store_audit(&rep, f->hq, f->out, AUDIT_K_DEFAULT, &e), 0);
    assert_int_equal(rep.checks[0].level, AUDIT_WARN);   /* not verified */
    assert_int_equal(audit_verdict(&rep), AUDIT_WARN);
    audit_report_free(&rep);
    if (store_import(&im, f->hq, f->out, 0, &e) != 0)
        fail_msg("import: %s", e.msg);
    assert_int_equal(im.seen, 0);
    assert_string_equal(im.sender, "field");
    assert_int_equal(im.verified, 0);
    assert_int_equal(im.added, 1);
    assert_int_equal(im.kept, 0);
    assert_int_equal(im.files, 0);
    assert_int_equal(store_import(&im, f->hq, f->out, 0, &e), 0);
    assert_int_equal(im.seen, 1);

    /* A file that is no bundle is an error, not a finding. */
    memset(&rep, 0, sizeof rep);
    assert_int_equal(store_audit(&rep, f->hq, f->dir, AUDIT_K_DEFAULT, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    audit_report_free(&rep);
}

static int setup(void **state)
{
    (void)state;
    if (sodium_init() < 0 || mkdtemp(root) == NULL)
        return -1;
    umask(077);
    /* As the CLI does: the library frees jansson's strings with it. */
    json_set_alloc_funcs(secmem_wipe_malloc, secmem_wipe_free);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return remove_tree(root);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_blocked_record_refuses_everything),
        T(test_skip_blocked_seals_and_records),
        T(test_declined_contact_writes_nothing),
        T(test_selection_errors_come_first),
        T(test_selected_ids_only),
        T(test_hq_audits_and_imports_it),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
