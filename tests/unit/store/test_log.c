/* store/log.c: the hash-chained log. Entries are forged through the store
 * module's own database handle (store/db.h) to prove that an altered,
 * removed or reordered entry fails the check, naming the entry. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#include "store/db.h"

#define OPS crypto_pwhash_OPSLIMIT_MIN
#define MEM crypto_pwhash_MEMLIMIT_MIN

static const char pass[] = "tiger lamp violet oxygen river";
static char root[] = "/tmp/intake-log-XXXXXX";
static int serial;

struct fixture {
    char dir[200];
    struct store *s;
};

/* A store with the init entry and five more: 6 entries. */
static int fixture_setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    struct store_params p = { "log test", "en", OPS, MEM };
    unsigned char recovery[RECOVERY_KEY_BYTES];
    static const char *const objects[] = { "r1", "r2", "r3", "r4", "r5" };
    struct err e;

    if (f == NULL)
        return -1;
    snprintf(f->dir, sizeof f->dir, "%s/store%d", root, serial++);
    recovery_key_new(recovery);
    if (store_create(f->dir, &p, pass, strlen(pass), recovery, &e) != 0 ||
        store_open(&f->s, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                   strlen(pass), &e) != 0 || store_begin(f->s, &e) != 0) {
        fprintf(stderr, "setup: %s\n", e.msg);
        return -1;
    }
    for (size_t i = 0; i < 5; i++)
        if (store_log(f->s, "record.add", objects[i], &e) != 0)
            return -1;
    if (store_commit(f->s, &e) != 0)
        return -1;
    *state = f;
    return 0;
}

static int fixture_teardown(void **state)
{
    struct fixture *f = *state;
    int rc;

    store_close(f->s);
    rc = remove_tree(f->dir);
    free(f);
    return rc;
}

/* Runs SQL on the log past its append-only triggers, as an attacker with
 * the store key could. */
static void forge(struct store *s, const char *sql)
{
    char *msg = NULL;

    assert_int_equal(sqlite3_exec(s->db, "DROP TRIGGER log_no_update;"
                                  "DROP TRIGGER log_no_delete;", NULL, NULL, &msg), SQLITE_OK);
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "forge: %s\n", msg);
        fail();
    }
}

static void expect_broken(struct store *s, const char *words)
{
    struct log_check c;
    struct err e;

    err_clear(&e);
    assert_int_equal(store_log_verify(&c, s, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    if (strstr(e.msg, words) == NULL) {
        fprintf(stderr, "message '%s' lacks '%s'\n", e.msg, words);
        fail();
    }
}

/* Checked against an independent Python computation (hashlib.blake2b). */
static void test_entry_hash_vector(void **state)
{
    unsigned char zero[LOG_HASHBYTES] = { 0 }, h1[LOG_HASHBYTES], h2[LOG_HASHBYTES];
    char hex[2 * LOG_HASHBYTES + 1];

    (void)state;
    log_entry_hash(h1, 1, "2026-01-02T03:04:05Z", "init", "", zero);
    sodium_bin2hex(hex, sizeof hex, h1, sizeof h1);
    assert_string_equal(hex, "9c6a30c9eaae57faae64baa0c98c051fb8e78ad92e2a8c82031a2af27a2063e2");
    log_entry_hash(h2, 2, "2026-01-02T03:04:06Z", "contact.add", "8R49-Y309-XC6R-2KDN-T9QF", h1);
    sodium_bin2hex(hex, sizeof hex, h2, sizeof h2);
    assert_string_equal(hex, "a8d0a7d3dac95e3512e35911c57175eeeaa8fcf57c76174c875f06491d33f61b");
}

struct collect {
    long n;
    char actions[8][LOG_ACTION_MAX + 1];
};

static int collect_one(void *ctx, const struct log_row *r, struct err *e)
{
    struct collect *c = ctx;

    (void)e;
    if (c->n < 8)
        snprintf(c->actions[c->n], sizeof c->actions[0], "%s", r->action);
    c->n++;
    return 0;
}

static void test_intact(void **state)
{
    struct fixture *f = *state;
    struct collect col = { 0 };
    struct log_check c;
    struct err e;

    assert_int_equal(store_log_verify(&c, f->s, &e), 0);
    assert_int_equal(c.seq, 6);
    assert_int_equal(store_log_each(f->s, collect_one, &col, &e), 0);
    assert_int_equal(col.n, 6);
    assert_string_equal(col.actions[0], "init");
    assert_string_equal(col.actions[5], "record.add");
}

static void test_passphrase_change_is_logged(void **state)
{
    struct fixture *f = *state;
    struct collect col = { 0 };
    struct log_check c;
    struct err e;

    assert_int_equal(store_set_passphrase(f->s, "marble cactus winter ninety lantern", 35, &e), 0);
    assert_int_equal(store_log_each(f->s, collect_one, &col, &e), 0);
    assert_int_equal(col.n, 7);
    assert_string_equal(col.actions[6], "passwd");
    assert_int_equal(store_log_verify(&c, f->s, &e), 0);
}

static void test_append_only(void **state)
{
    struct fixture *f = *state;

    assert_int_not_equal(sqlite3_exec(f->s->db, "UPDATE log SET action = 'x' WHERE seq = 2",
                                      NULL, NULL, NULL), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(f->s->db, "DELETE FROM log WHERE seq = 2",
                                      NULL, NULL, NULL), SQLITE_OK);
}

static void test_altered_field(void **state)
{
    struct fixture *f = *state;

    forge(f->s, "UPDATE log SET object = 'r9' WHERE seq = 4");
    expect_broken(f->s, "entry 4 was altered");
}

static void test_altered_date(void **state)
{
    struct fixture *f = *state;

    forge(f->s, "UPDATE log SET at = '2020-01-01T00:00:00Z' WHERE seq = 1");
    expect_broken(f->s, "entry 1 was altered");
}

/* Rewriting an entry and its own hash still breaks the link to the next. */
static void test_altered_and_rehashed(void **state)
{
    struct fixture *f = *state;
    unsigned char prev[LOG_HASHBYTES], h[LOG_HASHBYTES];
    char sql[400], hex[2 * LOG_HASHBYTES + 1];
    sqlite3_stmt *st;

    assert_int_equal(sqlite3_prepare_v2(f->s->db, "SELECT prev, at FROM log WHERE seq = 3",
                                        -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    memcpy(prev, sqlite3_column_blob(st, 0), LOG_HASHBYTES);
    log_entry_hash(h, 3, (const char *)sqlite3_column_text(st, 1), "record.add", "forged", prev);
    sqlite3_finalize(st);
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    snprintf(sql, sizeof sql, "UPDATE log SET object = 'forged', hash = x'%s' WHERE seq = 3", hex);
    forge(f->s, sql);
    expect_broken(f->s, "entry 4 does not follow entry 3");
}

static void test_removed_middle(void **state)
{
    struct fixture *f = *state;

    forge(f->s, "DELETE FROM log WHERE seq = 3");
    expect_broken(f->s, "entry 3 is missing");
}

static void test_removed_first(void **state)
{
    struct fixture *f = *state;

    forge(f->s, "DELETE FROM log WHERE seq = 1");
    expect_broken(f->s, "entry 1 is missing");
}

/* Renumbered without a gap: removed then the rest moved down. */
static void test_removed_and_renumbered(void **state)
{
    struct fixture *f = *state;

    forge(f->s, "DELETE FROM log WHERE seq = 3;"
                "UPDATE log SET seq = seq - 1 WHERE seq > 3");
    expect_broken(f->s, "entry 3");
}

static void test_reordered(void **state)
{
    struct fixture *f = *state;

    forge(f->s, "UPDATE log SET seq = 100 WHERE seq = 4;"
                "UPDATE log SET seq = 4 WHERE seq = 5;"
                "UPDATE log SET seq = 5 WHERE seq = 100");
    expect_broken(f->s, "entry 4");
}

static void test_refused_entries(void **state)
{
    struct fixture *f = *state;
    struct collect col = { 0 };
    struct err e;

    /* Outside a transaction: the entry could not commit with its change. */
    assert_int_equal(store_log(f->s, "record.add", "r6", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_log(f->s, "Record Add", "r6", &e), -1);
    assert_int_equal(store_log(f->s, "", "r6", &e), -1);
    assert_int_equal(store_log(f->s, "subject.add", "\xea\xb9\x80\xec\xa2\x85\xec\x88\x98", &e), -1);
    assert_int_equal(store_log(f->s, "subject.add", "Ким\n", &e), -1);
    store_rollback(f->s);
    assert_int_equal(store_log_each(f->s, collect_one, &col, &e), 0);
    assert_int_equal(col.n, 6);
}

/* A pure check over rows, as headquarters would over a listed log. */
static void test_check_rows(void **state)
{
    struct log_row r[3];
    struct log_check c;
    struct err e;

    (void)state;
    memset(r, 0, sizeof r);
    for (int i = 0; i < 3; i++) {
        r[i].seq = i + 1, r[i].at = "2026-01-01T00:00:00Z", r[i].action = "x", r[i].object = "";
        if (i > 0)
            memcpy(r[i].prev, r[i - 1].hash, LOG_HASHBYTES);
        log_entry_hash(r[i].hash, r[i].seq, r[i].at, r[i].action, r[i].object, r[i].prev);
    }
    log_check_init(&c);
    for (int i = 0; i < 3; i++)
        assert_int_equal(log_check_next(&c, &r[i], &e), 0);
    assert_memory_equal(c.head, r[2].hash, LOG_HASHBYTES);
    log_check_init(&c);
    assert_int_equal(log_check_next(&c, &r[0], &e), 0);
    assert_int_equal(log_check_next(&c, &r[2], &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "entry 2 is missing"));
    assert_int_equal(log_check_next(&c, &r[0], &e), -1);
    assert_non_null(strstr(e.msg, "out of order"));
}

static int setup(void **state)
{
    (void)state;
    if (sodium_init() < 0 || mkdtemp(root) == NULL)
        return -1;
    umask(077);
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
        cmocka_unit_test(test_entry_hash_vector),
        cmocka_unit_test(test_check_rows),
        T(test_intact),
        T(test_passphrase_change_is_logged),
        T(test_append_only),
        T(test_altered_field),
        T(test_altered_date),
        T(test_altered_and_rehashed),
        T(test_removed_middle),
        T(test_removed_first),
        T(test_removed_and_renumbered),
        T(test_reordered),
        T(test_refused_entries),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
