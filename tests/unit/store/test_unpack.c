/* store/unpack.c: what `intake open` shows of a bundle hq received from
 * field (a JSON summary), or writes into a new folder: only once the whole
 * bundle has verified, never over an existing path, and nothing at all,
 * not even a partial folder, when it does not verify. Opening imports and
 * logs nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include "store/unpack.h"

static const char *jstr(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* An empty folder beside the stores for store_unpack to write in; the
 * new folder's path (parent/out) into out. */
static void make_parent(char *parent, char *out, size_t len, struct pair *p)
{
    snprintf(parent, len, "%s.parent", p->dir);
    assert_int_equal(mkdir(parent, 0700), 0);
    path_in(out, len, parent, "out");
}

/* An unpack into outdir that must fail with code and msg, leaving
 * parent as it was (n entries: no folder, no partial folder). */
static void expect_refused(struct store *s, const char *path, const char *outdir,
                           const char *parent, int n, int code, const char *msg)
{
    json_t *was = json_object(), *sum = was;   /* must come back NULL */
    struct err e;

    assert_int_equal(store_unpack(&sum, s, path, outdir, &e), -1);
    json_decref(was);
    assert_null(sum);
    assert_int_equal(e.code, code);
    assert_string_equal(e.msg, msg);
    assert_int_equal(count_entries(parent), n);
}

static void test_summary(void **state)
{
    struct pair *p = *state;
    struct export_request req = pair_request(p);
    struct export_result res;
    char key[2 * crypto_sign_PUBLICKEYBYTES + 1], hash[2 * BUNDLE_HASHBYTES + 1];
    json_t *sum, *sender, *rec, *att;
    struct records c;
    struct err e;
    long logged = log_entries(p->hq);

    attach_text(p->field, p->nari, "memo.txt", 1);
    assert_int_equal(export_to_hq(p, p->out), 1);
    sign_key_hex(key, p->field);
    bundle_hash_hex(hash, p->hq, p->out);

    /* From a sender who is no contact: no contact name. */
    if (store_unpack(&sum, p->hq, p->out, NULL, &e) != 0)
        fail_msg("unpack: %s", e.msg);
    assert_int_equal(json_object_size(sum), 6);
    assert_string_equal(jstr(sum, "bundle"), hash);
    sender = json_object_get(sum, "sender");
    assert_string_equal(jstr(sender, "signing_key"), key);
    assert_null(jstr(sender, "contact"));        /* see test_unknown_sender_key */
    assert_true(json_is_false(json_object_get(sender, "verified")));
    assert_int_equal(json_integer_value(json_object_get(sum, "recipients")), 1);
    assert_true(json_is_false(json_object_get(sum, "armored")));
    assert_string_equal(jstr(json_object_get(sum, "header"), "format"), "intake-content-6");
    assert_string_equal(jstr(json_object_get(sum, "header"), "sender_label"), "field");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(sum, "header"), "records")), 1);
    assert_int_equal(json_array_size(json_object_get(sum, "records")), 1);
    rec = json_array_get(json_object_get(sum, "records"), 0);
    assert_string_equal(jstr(rec, "id"), p->nari);
    assert_string_equal(jstr(rec, "pseudonym"), "Nari");
    assert_string_equal(jstr(rec, "title"), "Border crossing");
    assert_string_equal(jstr(rec, "date"), "2024-03");
    assert_string_equal(jstr(rec, "body"), "Nari spoke about the border.\n");
    att = json_array_get(json_object_get(rec, "attachments"), 0);
    assert_string_equal(jstr(att, "file"), "attachment-1.txt");
    assert_string_equal(jstr(att, "type"), "text/plain");
    assert_int_equal(json_integer_value(json_object_get(att, "size")), 10);
    /* Flagged at attach, but what leaves holds no location: the bundle says so. */
    assert_true(json_is_false(json_object_get(att, "gps")));
    json_decref(sum);

    /* A contact, then a verified one. */
    add_contact(p->hq, "field", p->field);
    assert_int_equal(store_unpack(&sum, p->hq, p->out, NULL, &e), 0);
    sender = json_object_get(sum, "sender");
    assert_string_equal(jstr(sender, "contact"), "field");
    assert_true(json_is_false(json_object_get(sender, "verified")));
    json_decref(sum);
    assert_int_equal(store_contact_confirm(p->hq, "field", &e), 0);
    assert_int_equal(store_unpack(&sum, p->hq, p->out, NULL, &e), 0);
    assert_true(json_is_true(json_object_get(json_object_get(sum, "sender"), "verified")));
    json_decref(sum);

    /* Armored. */
    unlink(p->out);
    req.armor = 1;
    req.skip_blocked = 1;
    if (store_export(&res, p->field, &req, &e) != 0)
        fail_msg("export: %s", e.msg);
    export_result_free(&res);
    assert_int_equal(store_unpack(&sum, p->hq, p->out, NULL, &e), 0);
    assert_true(json_is_true(json_object_get(sum, "armored")));
    json_decref(sum);

    /* Opening imported nothing and logged nothing (beyond the contact). */
    all_records(&c, p->hq);
    assert_int_equal(c.n, 0);
    assert_int_equal(log_entries(p->hq), logged + 2);
}

static char *file_text(const char *dir, const char *name, int mode)
{
    char path[512];
    struct stat st;
    size_t len;
    unsigned char *buf;

    path_in(path, sizeof path, dir, name);
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(st.st_mode & 07777, mode);
    buf = slurp(path, &len);
    buf[len] = '\0';
    return (char *)buf;
}

static void test_outdir(void **state)
{
    struct pair *p = *state;
    const char *tags[] = { "border", "night" };
    struct record_row row = { .title = "Crossing", .date = "2024-03-15", .lang = "en",
                              .body = "Kim Ji-yeon crossed at night.\n", .tags = tags, .ntags = 2 };
    const char *ids[2];
    char id[RECORD_ID_CHARS + 1], parent[240], out[260], name[64], want[1024];
    struct export_request req = pair_request(p);
    struct export_result res;
    json_t *sum, *whole, *doc;
    struct stat st;
    struct err e;
    char *text;

    if (store_record_add(id, sizeof id, p->field, "Nari", &row, &e) != 0)
        fail_msg("record: %s", e.msg);
    attach_text(p->field, p->nari, "memo.txt", 0);
    ids[0] = p->nari;
    ids[1] = id;
    req.ids = ids;
    req.nids = 2;
    if (store_export(&res, p->field, &req, &e) != 0)
        fail_msg("export: %s", e.msg);
    export_result_free(&res);
    add_contact(p->hq, "field", p->field);
    assert_int_equal(store_unpack(&whole, p->hq, p->out, NULL, &e), 0);

    make_parent(parent, out, sizeof parent, p);
    if (store_unpack(&sum, p->hq, p->out, out, &e) != 0)
        fail_msg("unpack: %s", e.msg);
    /* Only the new folder, private. */
    assert_int_equal(count_entries(parent), 1);
    assert_int_equal(lstat(out, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(st.st_mode & 07777, 0700);
    /* Per record ID.json and ID.md, per attachment ID-FILE, and bundle.json. */
    assert_int_equal(count_entries(out), 6);

    /* The summary lists record ids only; bundle.json holds it. */
    assert_int_equal(json_array_size(json_object_get(sum, "records")), 2);
    assert_int_equal(json_object_size(json_array_get(json_object_get(sum, "records"), 0)), 1);
    assert_string_equal(jstr(json_array_get(json_object_get(sum, "records"), 0), "id"), p->nari);
    assert_string_equal(jstr(json_array_get(json_object_get(sum, "records"), 1), "id"), id);
    assert_string_equal(jstr(sum, "bundle"), jstr(whole, "bundle"));
    text = file_text(out, "bundle.json", 0600);
    doc = json_loads(text, 0, NULL);
    assert_true(json_equal(doc, sum));
    json_decref(doc);
    free(text);

    /* ID.json: the record as the summary without a folder holds it. */
    for (size_t i = 0; i < 2; i++) {
        snprintf(name, sizeof name, "%s.json", ids[i]);
        text = file_text(out, name, 0600);
        doc = json_loads(text, 0, NULL);
        assert_true(json_equal(doc, json_array_get(json_object_get(whole, "records"), i)));
        json_decref(doc);
        free(text);
    }

    /* ID.md: the metadata, then the redacted body. */
    snprintf(name, sizeof name, "%s.md", p->nari);
    text = file_text(out, name, 0600);
    /* Then the subject id and the consent scope (issue 16: what an
     * editor pasting the file must honour), whose id and time vary. */
    snprintf(want, sizeof want, "# Border crossing\n\n- id: %s\n- pseudonym: Nari\n"
             "- date: 2024-03\n- subject id: ", p->nari);
    assert_memory_equal(text, want, strlen(want));
    assert_non_null(strstr(text, "\n- consent: recorded "));
    assert_non_null(strstr(text, " (verbal): export yes, quote no, publish no, attachments yes\n"));
    snprintf(want, sizeof want, "\n- attachment: %s-attachment-1.txt\n\n"
             "Nari spoke about the border.\n\n", p->nari);
    assert_true(strlen(text) > strlen(want));
    assert_string_equal(text + strlen(text) - strlen(want), want);
    free(text);
    snprintf(name, sizeof name, "%s.md", id);
    text = file_text(out, name, 0600);
    snprintf(want, sizeof want, "# Crossing\n\n- id: %s\n- pseudonym: Nari\n- date: 2024-03\n"
             "- subject id: ", id);
    assert_memory_equal(text, want, strlen(want));
    assert_non_null(strstr(text, "\n- consent: recorded "));
    snprintf(want, sizeof want, "\n- language: en\n- tag: border\n- tag: night\n\n"
             "Nari crossed at night.\n\n");
    assert_string_equal(text + strlen(text) - strlen(want), want);
    free(text);

    /* ID-FILE: the attachment's bytes. */
    snprintf(name, sizeof name, "%s-attachment-1.txt", p->nari);
    text = file_text(out, name, 0600);
    assert_string_equal(text, "recording\n");
    free(text);

    json_decref(sum);
    json_decref(whole);
    assert_int_equal(remove_tree(parent), 0);
}

static void test_altered_bundle_leaves_no_folder(void **state)
{
    struct pair *p = *state;
    /* Several chunks: the record and the start of the attachment are
     * handed over (into the temporary folder) before the altered chunk. */
    size_t len = big_bundle(p);
    char parent[240], out[260], bad[240];
    json_t *sum;
    struct err e;

    make_parent(parent, out, sizeof parent, p);
    snprintf(bad, sizeof bad, "%s.bad", p->out);

    copy_flipped(bad, p->out, len / 2);
    expect_refused(p->hq, bad, out, parent, 0, EXIT_AUTH, "a chunk of the bundle was altered");
    copy_flipped(bad, p->out, len - 1);
    expect_refused(p->hq, bad, out, parent, 0, EXIT_AUTH,
                   "the bundle is truncated or its last chunk was altered");
    /* Not addressed to field. */
    expect_refused(p->field, p->out, out, parent, 0, EXIT_AUTH,
                   "this bundle is not addressed to this store "
                   "(none of its recipients is this store's key), or its start was damaged on the way (a character changed or a line lost near the start reads the same): ask its sender to add this "
                        "store's card ('intake card') as a contact and to export it again with that "
                        "contact among --to");
    /* Without a folder, the same refusals. */
    expect_refused(p->hq, bad, NULL, parent, 0, EXIT_AUTH,
                   "the bundle is truncated or its last chunk was altered");
    /* A file that is no bundle. */
    spit(bad, (const unsigned char *)"", 0);
    expect_refused(p->hq, bad, out, parent, 0, EXIT_INPUT,
                   "this file is too short to be a bundle (0 bytes)");
    unlink(bad);

    /* The bundle itself opens. */
    assert_int_equal(store_unpack(&sum, p->hq, p->out, out, &e), 0);
    json_decref(sum);
    assert_int_equal(count_entries(out), 4);
    assert_int_equal(remove_tree(parent), 0);
}

static void test_existing_outdir_refused(void **state)
{
    struct pair *p = *state;
    char parent[240], out[260], inside[300], want[400];
    struct stat st;

    assert_int_equal(export_to_hq(p, p->out), 1);
    make_parent(parent, out, sizeof parent, p);
    snprintf(want, sizeof want, "%s already exists; open writes a new folder", out);

    /* A folder, with what it holds. */
    assert_int_equal(mkdir(out, 0700), 0);
    path_in(inside, sizeof inside, out, "notes.txt");
    assert_int_equal(close(open(inside, O_WRONLY | O_CREAT, 0600)), 0);
    expect_refused(p->hq, p->out, out, parent, 1, EXIT_INPUT, want);
    assert_int_equal(count_entries(out), 1);
    assert_int_equal(remove_tree(out), 0);

    /* A file. */
    assert_int_equal(close(open(out, O_WRONLY | O_CREAT, 0600)), 0);
    expect_refused(p->hq, p->out, out, parent, 1, EXIT_INPUT, want);
    assert_int_equal(lstat(out, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(unlink(out), 0);

    /* A symbolic link to nowhere. */
    assert_int_equal(symlink("nowhere", out), 0);
    expect_refused(p->hq, p->out, out, parent, 1, EXIT_INPUT, want);
    assert_int_equal(lstat(out, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(unlink(out), 0);

    /* A folder that cannot be made. */
    path_in(inside, sizeof inside, parent, "missing/out");
    snprintf(want, sizeof want, "cannot create a folder beside %s: No such file or directory",
             inside);
    expect_refused(p->hq, p->out, inside, parent, 0, EXIT_INPUT, want);
    assert_int_equal(remove_tree(parent), 0);
}

/* A sender who is no contact: "contact" is JSON null (store/unpack.h),
 * so `intake open --json` shows the field with no name. */
static void test_unknown_sender_key(void **state)
{
    struct pair *p = *state;
    json_t *sum;
    struct err e;

    assert_int_equal(export_to_hq(p, p->out), 1);
    assert_int_equal(store_unpack(&sum, p->hq, p->out, NULL, &e), 0);
    assert_true(json_is_null(json_object_get(json_object_get(sum, "sender"), "contact")));
    assert_int_equal(json_object_size(json_object_get(sum, "sender")), 3);
    json_decref(sum);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, pair_setup, pair_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_summary),
        T(test_outdir),
        T(test_altered_bundle_leaves_no_folder),
        T(test_existing_outdir_refused),
        T(test_unknown_sender_key),
    };
    return cmocka_run_group_tests(tests, pair_group_setup, teardown);
}
