/* store/exchange.c: what the store remembers of exports and imports, and
 * imported records under their own ids. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include "store/db.h"                    /* the export table, read directly */

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
    const struct export_item items[] = { { "aaaaaaaaaaaaaaaa", 1 }, { "bbbbbbbbbbbbbbbb", 3 } };
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
    assert_int_equal(store_import_record(&added, f->s, import_id, "Nari@1a2b3c4d", &r, "{}", &e), 0);
    assert_int_equal(added, 1);
    assert_int_equal(store_commit(f->s, &e), 0);
    assert_int_equal(store_import_seen(&seen, f->s, hq.bundle, sizeof hq.bundle, &e), 0);
    assert_int_equal(seen, 1);
    /* The same record from the same sender, in a later bundle: kept as it was. */
    hq.bundle[0] ^= 1;
    r.body = "changed";
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_import_begin(&again_id, f->s, hq.bundle, sizeof hq.bundle, hq.pk, "hq", &e), 0);
    assert_int_equal(again_id, 2);
    assert_int_equal(store_import_record(&added, f->s, again_id, "Nari@1a2b3c4d", &r, "{}", &e), 0);
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
    assert_int_equal(store_import_record(&added, f->s, ia, "Nari@1a2b3c4d", &r, "{}", &e), 0);
    assert_int_equal(store_commit(f->s, &e), 0);
    /* Another sender with the same record id. */
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_import_begin(&ib, f->s, b.bundle, sizeof b.bundle, b.pk, NULL, &e), 0);
    assert_int_equal(store_import_record(&added, f->s, ib, "Saran@99", &r, "{}", &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "the bundle holds record 0123456789abcdef, which this store already"
                        " has from elsewhere; nothing was imported");
    assert_int_equal(added, 0);
    store_rollback(f->s);
    assert_int_equal(store_import_seen(&seen, f->s, b.bundle, sizeof b.bundle, &e), 0);
    assert_int_equal(seen, 0);
    /* A record made here. */
    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(local, f->s, "Rim-il", "t", "2023-05-01", "b");
    r.id = local;
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_import_begin(&ib, f->s, b.bundle, sizeof b.bundle, b.pk, NULL, &e), 0);
    assert_int_equal(store_import_record(&added, f->s, ib, "Saran@99", &r, "{}", &e), -1);
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
    assert_int_equal(store_import_record(&added, f->s, id, "Nari@1a2b3c4d", &r, "{}", &e), 0);
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

#define T(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_export_log),
        T(test_import_once),
        T(test_import_refuses_a_taken_id),
        T(test_origin),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
