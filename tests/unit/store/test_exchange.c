/* store/exchange.c: what the store remembers of exports and imports, and
 * imported records under their own ids. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "store/db.h"                    /* the export table, read directly */
#include "store/subject.h"
#include "tests/unit/storeutil.h"


struct sender {
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char bundle[32];
};

static void new_sender(struct sender *x)
{
    unsigned char sk[crypto_sign_SECRETKEYBYTES];

    crypto_sign_keypair(x->pk, sk);
    randombytes_buf(x->bundle, sizeof x->bundle);
}

static struct record_row imported(const char *id, const char *body)
{
    static const char *const tags[] = { "border", "border" };
    struct record_row r = { 0 };

    r.id = id;
    r.date = "2023-05";
    r.title = "Rim-il in [PLACE-1]";
    r.body = body;
    r.tags = tags;
    r.ntags = 2;
    return r;
}

static int count(void *ctx, const struct record_row *r, struct err *e)
{
    (void)e;
    assert_string_equal(r->pseudonym, "Nari@1a2b3c4d");
    assert_int_equal(r->ntags, 1);           /* the same tag once */
    ++*(int *)ctx;
    return 0;
}

static int collect_export(void *ctx, const struct export_row *r, struct err *e)
{
    char *out = ctx;
    size_t o = strlen(out);

    (void)e;
    o += (size_t)snprintf(out + o, 1024 - o, "%zu:", r->hashlen);
    for (size_t i = 0; i < r->nto; i++)
        o += (size_t)snprintf(out + o, 1024 - o, "%s,", r->to[i]);
    o += (size_t)snprintf(out + o, 1024 - o, "|");
    for (size_t i = 0; i < r->nitems; i++)
        o += (size_t)snprintf(out + o, 1024 - o, "%s@%ld,", r->items[i].id, r->items[i].version);
    snprintf(out + o, 1024 - o, "|%lld;", (long long)r->size);
    return 0;
}

static void test_export_log(void **state)
{
    struct fixture *f = *state;
    const char *to[] = { "hq", "ethics board" };
    const struct export_item items[] = { { .id = "aaaaaaaaaaaaaaaa", .version = 1 },
                                         { .id = "bbbbbbbbbbbbbbbb", .version = 3 } };
    unsigned char hash[32];
    char got[1024] = "";
    sqlite3_stmt *st;
    struct err e;

    randombytes_buf(hash, sizeof hash);
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_export_log(f->s, to, 2, items, 2, hash, sizeof hash, 12345, &e), 0);
    assert_int_equal(store_export_log(f->s, to, 1, items + 1, 1, hash, sizeof hash, 99, &e), 0);
    assert_int_equal(store_commit(f->s, &e), 0);
    assert_int_equal(sqlite3_prepare_v2(f->s->db, "SELECT at, recipients, records, hash, size"
                                        " FROM export ORDER BY id", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(strlen((const char *)sqlite3_column_text(st, 0)), 20);
    assert_string_equal((const char *)sqlite3_column_text(st, 1), "hq ethics board");
    assert_string_equal((const char *)sqlite3_column_text(st, 2), "aaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbb");
    assert_int_equal(sqlite3_column_bytes(st, 3), sizeof hash);
    assert_memory_equal(sqlite3_column_blob(st, 3), hash, sizeof hash);
    assert_int_equal(sqlite3_column_int64(st, 4), 12345);
    sqlite3_finalize(st);
    /* Newest first, names whole (a space inside one included), each
     * record with the version it left at; by record, only the exports
     * that carried it, with it alone. */
    assert_int_equal(store_export_each(f->s, NULL, collect_export, got, &e), 0);
    assert_string_equal(got, "32:hq,|bbbbbbbbbbbbbbbb@3,|99;"
                             "32:hq,ethics board,|aaaaaaaaaaaaaaaa@1,bbbbbbbbbbbbbbbb@3,|12345;");
    got[0] = '\0';
    assert_int_equal(store_export_each(f->s, "aaaaaaaaaaaaaaaa", collect_export, got, &e), 0);
    assert_string_equal(got, "32:hq,ethics board,|aaaaaaaaaaaaaaaa@1,|12345;");
    got[0] = '\0';
    assert_int_equal(store_export_each(f->s, "cccccccccccccccc", collect_export, got, &e), 0);
    assert_string_equal(got, "");
}

static void test_import_once(void **state)
{
    struct fixture *f = *state;
    struct sender hq;
    struct record_row r = imported("0123456789abcdef", "body one");
    struct record_filter flt = { 0 };
    long import_id = 0, again_id = 0;
    int seen = -1, added = -1, n = 0;
    struct err e;

    new_sender(&hq);
    assert_int_equal(store_import_seen(&seen, f->s, hq.bundle, sizeof hq.bundle, &e), 0);
    assert_int_equal(seen, 0);
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_import_begin(&import_id, f->s, hq.bundle, sizeof hq.bundle, hq.pk, "hq", &e), 0);
    assert_int_equal(import_id, 1);
    assert_int_equal(store_import_record(&added, f->s, import_id, &(struct import_subject){ "Nari@1a2b3c4d", NULL, NULL }, &r, "{}", &e), 0);
    assert_int_equal(added, 1);
    assert_int_equal(store_commit(f->s, &e), 0);
    assert_int_equal(store_import_seen(&seen, f->s, hq.bundle, sizeof hq.bundle, &e), 0);
    assert_int_equal(seen, 1);
    /* The same record from the same sender, in a later bundle: kept as it
     * was (other text at the same version: test_corrections). */
    hq.bundle[0] ^= 1;
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_import_begin(&again_id, f->s, hq.bundle, sizeof hq.bundle, hq.pk, "hq", &e), 0);
    assert_int_equal(again_id, 2);
    assert_int_equal(store_import_record(&added, f->s, again_id, &(struct import_subject){ "Nari@1a2b3c4d", NULL, NULL }, &r, "{}", &e), 0);
    assert_int_equal(added, 0);
    assert_int_equal(store_commit(f->s, &e), 0);
    flt.with_body = 1;
    flt.query = "one";
    assert_int_equal(store_record_each(f->s, &flt, count, &n, &e), 0);
    assert_int_equal(n, 1);
}

static void test_import_refuses_a_taken_id(void **state)
{
    struct fixture *f = *state;
    struct sender a, b;
    struct record_row r = imported("0123456789abcdef", "body");
    char local[RECORD_ID_CHARS + 1], want[200];
    long ia, ib;
    int added = -1, seen = -1;
    struct err e;

    new_sender(&a);
    new_sender(&b);
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_import_begin(&ia, f->s, a.bundle, sizeof a.bundle, a.pk, NULL, &e), 0);
    assert_int_equal(store_import_record(&added, f->s, ia, &(struct import_subject){ "Nari@1a2b3c4d", NULL, NULL }, &r, "{}", &e), 0);
    assert_int_equal(store_commit(f->s, &e), 0);
    /* Another sender with the same record id. */
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_import_begin(&ib, f->s, b.bundle, sizeof b.bundle, b.pk, NULL, &e), 0);
    assert_int_equal(store_import_record(&added, f->s, ib, &(struct import_subject){ "Saran@99", NULL, NULL }, &r, "{}", &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "the bundle holds record 0123456789abcdef, which this store already"
                        " has from elsewhere; nothing was imported");
    assert_int_equal(added, IMPORT_ELSEWHERE);   /* the caller keeps the route (issue 16 A10) */
    store_rollback(f->s);
    assert_int_equal(store_import_seen(&seen, f->s, b.bundle, sizeof b.bundle, &e), 0);
    assert_int_equal(seen, 0);
    /* A record made here. */
    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(local, f->s, "Rim-il", "t", "2023-05-01", "b");
    r.id = local;
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_import_begin(&ib, f->s, b.bundle, sizeof b.bundle, b.pk, NULL, &e), 0);
    assert_int_equal(store_import_record(&added, f->s, ib, &(struct import_subject){ "Saran@99", NULL, NULL }, &r, "{}", &e), -1);
    snprintf(want, sizeof want, "the bundle holds record %s, which this store already has from"
             " elsewhere; nothing was imported", local);
    assert_string_equal(e.msg, want);
    store_rollback(f->s);
}

static void test_origin(void **state)
{
    struct fixture *f = *state;
    struct sender hq;
    struct record_row r = imported("0123456789abcdef", "body");
    unsigned char head[LOG_HASHBYTES];
    char out[512], want[512], key[2 * crypto_sign_PUBLICKEYBYTES + 1], bundle[65], h[65], at[32];
    char local[RECORD_ID_CHARS + 1], small[40];
    sqlite3_stmt *st;
    long id;
    int added;
    struct err e;

    new_sender(&hq);
    memset(head, 0xab, sizeof head);
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_import_begin(&id, f->s, hq.bundle, sizeof hq.bundle, hq.pk, "hq", &e), 0);
    assert_int_equal(store_import_record(&added, f->s, id, &(struct import_subject){ "Nari@1a2b3c4d", NULL, NULL }, &r, "{}", &e), 0);
    assert_int_equal(store_commit(f->s, &e), 0);
    assert_int_equal(sqlite3_prepare_v2(f->s->db, "SELECT at FROM import", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(at, sizeof at, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sodium_bin2hex(key, sizeof key, hq.pk, sizeof hq.pk);
    sodium_bin2hex(bundle, sizeof bundle, hq.bundle, sizeof hq.bundle);
    assert_int_equal(store_record_origin(out, sizeof out, f->s, r.id, &e), 0);
    snprintf(want, sizeof want, "imported %s from hq (signing key %s), bundle %s", at, key, bundle);
    assert_string_equal(out, want);
    /* With the sender's log head the bundle carried. */
    assert_int_equal(store_import_log_head(f->s, id, 41, head, &e), 0);
    assert_int_equal(store_record_origin(out, sizeof out, f->s, r.id, &e), 0);
    sodium_bin2hex(h, sizeof h, head, sizeof head);
    snprintf(want + strlen(want), sizeof want - strlen(want),
             ", sender's log at export: entry 41, head %s", h);
    assert_string_equal(out, want);
    assert_int_equal(store_record_origin(small, sizeof small, f->s, r.id, &e), -1);
    assert_string_equal(e.msg, "origin line too long");
    assert_int_equal(store_import_log_head(f->s, 99, 41, head, &e), -1);
    assert_string_equal(e.msg, "internal error: no import 99 to keep a log head with");
    /* A record made here has no origin. */
    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(local, f->s, "Rim-il", "t", "2023-05-01", "b");
    assert_int_equal(store_record_origin(out, sizeof out, f->s, local, &e), 0);
    assert_string_equal(out, "");
}

static int import_one(struct store *s, struct sender *x, const char *rid, const char *uid,
                      const char *pseudonym, const struct consent *c, int *added, struct err *e)
{
    struct record_row r = imported(rid, "body");
    struct import_subject subj = { pseudonym, uid, c };
    long id;
    int rc;

    randombytes_buf(x->bundle, sizeof x->bundle);
    assert_int_equal(store_begin(s, e), 0);
    assert_int_equal(store_import_begin(&id, s, x->bundle, sizeof x->bundle, x->pk, "hq", e), 0);
    rc = store_import_record(added, s, id, &subj, &r, "{}", e);
    if (rc == 0)
        assert_int_equal(store_commit(s, e), 0);
    else
        store_rollback(s);
    return rc;
}

static int names(void *ctx, const struct subject_row *r, struct err *e)
{
    (void)e;
    assert_int_equal(strlen(r->uid), 16);
    json_array_append_new(ctx, json_string(r->pseudonym));
    return 0;
}

/* Issue 16: an imported subject is the sender's stable id, renamed when its
 * device renames it; the consent scope it carries is its consent here,
 * kept once per change, and cannot be changed here. */
static void test_subject_ids_and_consent(void **state)
{
    struct fixture *f = *state;
    struct consent c = { .recorded = 1, .export_ok = 1, .quote = 0, .publish = 0,
                         .attachments = 1, .method = "verbal", .embargo = "",
                         .date = "2026-01-02T03:04:05Z" }, got;
    struct consent_change change = { -1, 1, -1, -1, NULL, NULL, 0, 0 };
    struct sender a, b;
    json_t *seen = json_array();
    int added = -1;
    long n;
    struct err e;

    new_sender(&a);
    new_sender(&b);
    assert_int_equal(import_one(f->s, &a, "0123456789abcdef", "aaaaaaaaaaaaaaaa", "Nari@11111111", &c, &added, &e), 0);
    assert_int_equal(store_consent_get(&got, f->s, "Nari@11111111", &e), 0);
    assert_true(got.recorded && got.imported && got.export_ok && !got.quote && got.attachments);
    assert_string_equal(got.date, "2026-01-02T03:04:05Z");
    assert_string_equal(got.method, "verbal");
    /* The same scope again adds no entry; a new one does. */
    assert_int_equal(import_one(f->s, &a, "0123456789abcdef", "aaaaaaaaaaaaaaaa", "Nari@11111111", &c, &added, &e), 0);
    assert_int_equal(added, 0);
    assert_int_equal(db_int(&n, f->s, "SELECT count(*) FROM consent", NULL, 0, "t", &e), 1);
    assert_int_equal(n, 1);
    /* Renamed on its device: one subject, the new pseudonym, the new scope. */
    c.quote = 1;
    snprintf(c.date, sizeof c.date, "2026-02-03T04:05:06Z");
    assert_int_equal(import_one(f->s, &a, "1123456789abcdef", "aaaaaaaaaaaaaaaa", "Sora@11111111", &c, &added, &e), 0);
    assert_int_equal(added, 1);
    assert_int_equal(store_subject_each(f->s, NULL, 0, names, seen, &e), 0);
    assert_int_equal(json_array_size(seen), 1);
    assert_string_equal(json_string_value(json_array_get(seen, 0)), "Sora@11111111");
    assert_int_equal(store_consent_get(&got, f->s, "Sora@11111111", &e), 0);
    assert_true(got.quote);
    assert_int_equal(db_int(&n, f->s, "SELECT count(*) FROM record r JOIN subject s ON s.id = r.subject_id"
                            " WHERE s.pseudonym = 'Sora@11111111'", NULL, 0, "t", &e), 1);
    assert_int_equal(n, 2);
    /* The same id from another sender is another subject; a pseudonym held
     * here by another subject is refused. */
    assert_int_equal(import_one(f->s, &b, "2123456789abcdef", "aaaaaaaaaaaaaaaa", "Sora@11111111", &c, &added, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "the bundle's subject aaaaaaaaaaaaaaaa is named Sora@11111111, which "
                        "another subject in this store already has; nothing was imported");
    assert_int_equal(import_one(f->s, &b, "2123456789abcdef", "aaaaaaaaaaaaaaaa", "Sora@22222222", &c, &added, &e), 0);
    assert_int_equal(import_one(f->s, &a, "3123456789abcdef", "aaaaaaaaaaaaaaaa", "Sora@22222222", &c, &added, &e), -1);
    assert_string_equal(e.msg, "the bundle renames subject aaaaaaaaaaaaaaaa to Sora@22222222, which "
                        "another subject in this store already has; nothing was imported");
    /* Its consent is its device's. */
    assert_int_equal(store_consent_set(f->s, "Sora@11111111", &change, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "Sora@11111111 came in a bundle: its consent is the one its device "
                        "recorded, carried by its bundles, and cannot be changed here");
    /* Content format 1 carries none. */
    assert_int_equal(import_one(f->s, &b, "4123456789abcdef", NULL, "Old@22222222", NULL, &added, &e), 0);
    assert_int_equal(store_consent_get(&got, f->s, "Old@22222222", &e), 0);
    assert_true(!got.recorded && got.imported);
    /* Pseudonyms that differ only by case, white space or hyphens are one
     * (pseudonym_key, DB_SUBJECT_NAMED): held by another subject, the same
     * subject's new spelling, and a format 1 bundle's subject. */
    assert_int_equal(import_one(f->s, &a, "5123456789abcdef", "aaaaaaaaaaaaaaaa", "SO-RA@22222222", &c, &added, &e), -1);
    assert_string_equal(e.msg, "the bundle renames subject aaaaaaaaaaaaaaaa to SO-RA@22222222, which "
                        "another subject in this store already has; nothing was imported");
    assert_int_equal(import_one(f->s, &b, "5123456789abcdef", "aaaaaaaaaaaaaaaa", "so ra@22222222", &c, &added, &e), 0);
    assert_int_equal(import_one(f->s, &b, "6123456789abcdef", NULL, "OLD@22222222", NULL, &added, &e), 0);
    json_array_clear(seen);
    assert_int_equal(store_subject_each(f->s, NULL, 0, names, seen, &e), 0);
    assert_int_equal(json_array_size(seen), 3);
    assert_string_equal(json_string_value(json_array_get(seen, 1)), "so ra@22222222");
    assert_string_equal(json_string_value(json_array_get(seen, 2)), "Old@22222222");
    json_decref(seen);
}

/* Imports r from x in one transaction of its own, as store_import does:
 * rolled back on a refusal. */
static int import_row(struct store *s, struct sender *x, const struct record_row *r,
                      int *outcome, struct err *e)
{
    struct import_subject subj = { "Nari@1a2b3c4d", NULL, NULL };
    long id;
    int rc;

    randombytes_buf(x->bundle, sizeof x->bundle);
    assert_int_equal(store_begin(s, e), 0);
    assert_int_equal(store_import_begin(&id, s, x->bundle, sizeof x->bundle, x->pk, "hq", e), 0);
    rc = store_import_record(outcome, s, id, &subj, r, "{}", e);
    if (rc == 0)
        assert_int_equal(store_commit(s, e), 0);
    else
        store_rollback(s);
    return rc;
}

/* 1 if any segment of the full-text index or any record holds word. */
static int store_holds(struct store *s, const char *word)
{
    return rows_hold(s, "SELECT root FROM record_fts_segdir UNION ALL"
                     " SELECT block FROM record_fts_segments UNION ALL"
                     " SELECT coalesce(title, '') || coalesce(place, '') || body FROM record"
                     " UNION ALL SELECT tag FROM record_tag", word);
}

/* Issue 16, corrections: the same record id from the same sender is kept
 * (same version, same text), replaced (newer: the old text gone from the
 * record, its tags and the index), or refused (older: stale; same
 * version, other text: conflict), the store unchanged by a refusal. */
static void test_corrections(void **state)
{
    struct fixture *f = *state;
    static const char *const newtags[] = { "newtagword" };
    struct record_row r = imported("0123456789abcdef", "oldbodyword: the first telling");
    struct sender a;
    struct err e;
    long n = 0;
    int outcome = -1;

    new_sender(&a);
    r.place = "oldplaceword";
    r.version = 1;
    assert_int_equal(import_row(f->s, &a, &r, &outcome, &e), 0);
    assert_int_equal(outcome, IMPORT_ADDED);
    assert_int_equal(import_row(f->s, &a, &r, &outcome, &e), 0);
    assert_int_equal(outcome, IMPORT_KEPT);
    /* The same version, one field different: a conflict. */
    r.place = "otherplace";
    assert_int_equal(import_row(f->s, &a, &r, &outcome, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "the bundle holds record 0123456789abcdef at version 1 with other "
                        "text than the same version here (a conflict: keep this copy, or have the sender "
                        "edit the record again, which gives it a higher version that replaces this "
                        "one); nothing was imported");
    assert_true(store_holds(f->s, "oldplaceword"));
    /* A newer version replaces every field, the tags and the index. */
    r.version = 3;
    r.place = NULL;
    r.title = "newtitle";
    r.body = "newbody: the corrected telling";
    r.tags = newtags;
    r.ntags = 1;
    assert_int_equal(import_row(f->s, &a, &r, &outcome, &e), 0);
    assert_int_equal(outcome, IMPORT_REPLACED);
    assert_false(store_holds(f->s, "oldbodyword"));
    assert_false(store_holds(f->s, "oldplaceword"));
    assert_false(store_holds(f->s, "border"));
    assert_true(store_holds(f->s, "newtagword"));
    assert_true(store_holds(f->s, "corrected"));
    assert_int_equal(db_int(&n, f->s, "SELECT version FROM record WHERE rid = '0123456789abcdef'",
                            NULL, 0, "t", &e), 1);
    assert_int_equal(n, 3);
    assert_int_equal(db_int(&n, f->s, "SELECT count(*) FROM log WHERE action = 'import.replace'",
                            NULL, 0, "t", &e), 1);
    assert_int_equal(n, 1);
    /* An older version: stale. */
    r.version = 2;
    assert_int_equal(import_row(f->s, &a, &r, &outcome, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "the bundle holds record 0123456789abcdef at version 2, older than "
                        "version 3 here (a stale copy); nothing was imported");
    /* The same version and text again: kept. */
    r.version = 3;
    assert_int_equal(import_row(f->s, &a, &r, &outcome, &e), 0);
    assert_int_equal(outcome, IMPORT_KEPT);
}

/* A relay's redaction of a version (its "revision", adv17b E-9;
 * docs/FORMAT.md, the corrections table): a newer revision of the same
 * version replaces the copy here, an older one leaves the newer here
 * (kept), the same revision with other text is a conflict, and an older
 * version is stale whatever its revision; the device's next version,
 * carrying none, replaces any revision. */
static void test_revisions(void **state)
{
    struct fixture *f = *state;
    struct record_row r = imported("0123456789abcdef", "Rim-il spoke of [PLACE-1] and Chongjin.");
    struct sender a;
    struct err e;
    long n = 0;
    int outcome = -1;

    new_sender(&a);
    r.version = 2;
    assert_int_equal(import_row(f->s, &a, &r, &outcome, &e), 0);
    assert_int_equal(outcome, IMPORT_ADDED);
    /* accepted: revision 1 of version 2, hq's redaction of Chongjin */
    r.revision = 1;
    r.body = "Rim-il spoke of [PLACE-1] and [PLACE-2].";
    assert_int_equal(import_row(f->s, &a, &r, &outcome, &e), 0);
    assert_int_equal(outcome, IMPORT_REPLACED);
    assert_false(store_holds(f->s, "hongjin"));
    assert_int_equal(db_int(&n, f->s, "SELECT revision FROM record WHERE rid = '0123456789abcdef'",
                            NULL, 0, "t", &e), 1);
    assert_int_equal(n, 1);
    /* the first text again, at no revision: older, the redaction stays */
    r.revision = 0;
    r.body = "Rim-il spoke of [PLACE-1] and Chongjin.";
    assert_int_equal(import_row(f->s, &a, &r, &outcome, &e), 0);
    assert_int_equal(outcome, IMPORT_KEPT);
    assert_false(store_holds(f->s, "hongjin"));
    /* conflict: revision 1 again with other text */
    r.revision = 1;
    r.body = "Rim-il spoke of [PLACE-1] and [PLACE-3].";
    assert_int_equal(import_row(f->s, &a, &r, &outcome, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "the bundle holds record 0123456789abcdef at version 2 with other "
                        "text than the same version here (a conflict: keep this copy, or have the sender "
                        "edit the record again, which gives it a higher version that replaces this "
                        "one); nothing was imported");
    /* stale: version 1, whatever its revision */
    r.version = 1;
    r.revision = 9;
    assert_int_equal(import_row(f->s, &a, &r, &outcome, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "the bundle holds record 0123456789abcdef at version 1, older than "
                        "version 2 here (a stale copy); nothing was imported");
    assert_true(store_holds(f->s, "place"));
    /* the device's next version, carrying no revision, replaces it */
    r.version = 3;
    r.revision = 0;
    r.body = "Rim-il spoke again.";
    assert_int_equal(import_row(f->s, &a, &r, &outcome, &e), 0);
    assert_int_equal(outcome, IMPORT_REPLACED);
    assert_int_equal(db_int(&n, f->s, "SELECT revision FROM record WHERE rid = '0123456789abcdef'",
                            NULL, 0, "t", &e), 1);
    assert_int_equal(n, 0);
}

/* Imports record rid of subject aaaaaaaaaaaaaaaa from x with the manifest
 * manifest (the record's JSON as its bundle carried it) and no scope. */
static void import_stamped(struct store *s, struct sender *x, const char *rid,
                           const char *manifest)
{
    struct record_row r = imported(rid, "body");
    struct import_subject subj = { "Nari@1a2b3c4d", "aaaaaaaaaaaaaaaa", NULL };
    struct err e;
    long id;
    int added = -1;

    randombytes_buf(x->bundle, sizeof x->bundle);
    assert_int_equal(store_begin(s, &e), 0);
    assert_int_equal(store_import_begin(&id, s, x->bundle, sizeof x->bundle, x->pk, "hq", &e), 0);
    assert_int_equal(store_import_record(&added, s, id, &subj, &r, manifest, &e), 0);
    assert_int_equal(store_commit(s, &e), 0);
    assert_int_equal(added, IMPORT_ADDED);
}

/* How many of rid's subject's records (rid NULL: all of them) were made
 * before its re-consent (store_consent_earlier). */
static long earlier_of(struct store *s, const char *rid)
{
    struct consent_earlier out;
    struct err e;

    assert_int_equal(store_consent_earlier(&out, s, "Nari@1a2b3c4d", rid, &e), 0);
    return out.records;
}

#define STAMPED(seq) "{\"consent\":{\"recorded\":\"2026-01-0" #seq "T00:00:00Z\",\"seq\":" #seq \
                     "},\"subject\":\"aaaaaaaaaaaaaaaa\"}"

/* Issue 16 E-4: on a store that imported them (headquarters), a record's
 * "made before the re-consent" comes from the consent its device stamped
 * on it, never from a "record.add" log entry that only the device has:
 * against the re-consent's tombstone when there is one, else the
 * re-consent's scope held here; a record without a stamp counts as
 * earlier. */
static void test_earlier_by_stamp(void **state)
{
    struct fixture *f = *state;
    struct consent c = { .recorded = 1, .export_ok = 1, .date = "2026-01-01T00:00:00Z", .seq = 1 };
    struct sender a;
    struct err e;
    long sid = 0;

    new_sender(&a);
    import_stamped(f->s, &a, "1111111111111111", STAMPED(1));
    assert_int_equal(db_int(&sid, f->s, "SELECT id FROM subject", NULL, 0, "t", &e), 1);
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(db_consent_carry(f->s, sid, &c, &e), 1);
    assert_int_equal(earlier_of(f->s, NULL), 0);          /* never withdrawn */
    /* withdrawn (as a withdrawal notice marks it), then re-consented at 3 */
    const struct db_val w[] = { DB_INT(sid) };
    assert_int_equal(db_run(f->s, "INSERT INTO consent(subject_id, export, quote, publish,"
                            " attachments, method, embargo, withdrawn, date, seq) VALUES (?1, 0,"
                            " 0, 0, 0, '', '', 1, '2026-01-02', 1)", w, 1, "t", &e), 0);
    c.seq = 3;
    snprintf(c.date, sizeof c.date, "2026-01-03T00:00:00Z");
    assert_int_equal(db_consent_carry(f->s, sid, &c, &e), 1);
    assert_int_equal(store_commit(f->s, &e), 0);
    import_stamped(f->s, &a, "2222222222222222", STAMPED(2));
    import_stamped(f->s, &a, "3333333333333333", STAMPED(3));
    import_stamped(f->s, &a, "4444444444444444", "{}");
    assert_int_equal(earlier_of(f->s, "1111111111111111"), 1);
    assert_int_equal(earlier_of(f->s, "2222222222222222"), 1);
    assert_int_equal(earlier_of(f->s, "3333333333333333"), 0);   /* after: it may leave */
    assert_int_equal(earlier_of(f->s, "4444444444444444"), 1);   /* no stamp: earlier */
    assert_int_equal(earlier_of(f->s, NULL), 3);
    /* The re-consent's own tombstone, as its notice keeps it (its scope's
     * counter 2 here), is what orders them when there is one. */
    const struct db_val t[] = { DB_BLOB(a.pk, crypto_sign_PUBLICKEYBYTES) };
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(db_run(f->s, "INSERT INTO tombstone(sender_pk, sender, kind, subject, rid,"
                            " day, at, removed, notice, round, since, since_seq) VALUES (?1, 'hq',"
                            " 'reconsent', 'aaaaaaaaaaaaaaaa', '', '2026-01-03', '2026-01-03', 0, 1,"
                            " 1, '2026-01-02T00:00:00Z', 2)", t, 1, "t", &e), 0);
    assert_int_equal(store_commit(f->s, &e), 0);
    assert_int_equal(earlier_of(f->s, "1111111111111111"), 1);
    assert_int_equal(earlier_of(f->s, "2222222222222222"), 0);
    assert_int_equal(earlier_of(f->s, NULL), 2);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_export_log),
        T(test_import_once),
        T(test_import_refuses_a_taken_id),
        T(test_origin),
        T(test_subject_ids_and_consent),
        T(test_corrections),
        T(test_revisions),
        T(test_earlier_by_stamp),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
