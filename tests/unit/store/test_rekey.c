/* store/rekey.c: a new master key; what a killed rekey leaves is finished
 * (the database changed) or discarded (it did not), and the old or the new
 * secrets always open the store. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include <sys/file.h>

#include "store/db.h"

static int open_recovery(const char *dir, const unsigned char *key, struct err *e)
{
    struct store *s = NULL;
    int rc = store_open(&s, dir, KEYSLOT_RECOVERY, key, RECOVERY_KEY_BYTES, e);

    store_close(s);
    return rc;
}

static long count_actions(const char *dir, const char *p, const char *action)
{
    struct store *s = NULL;
    struct err e;
    long n = -1;
    const struct db_val v[] = { DB_TEXT(action) };

    assert_int_equal(store_open(&s, dir, KEYSLOT_PASSPHRASE, (const unsigned char *)p,
                                strlen(p), &e), 0);
    assert_int_equal(db_int(&n, s, "SELECT count(*) FROM log WHERE action = ?1", v, DB_N(v),
                            "counting", &e), 1);
    store_close(s);
    return n;
}

struct seen_progress { uint64_t last, total; int calls; };

static void on_progress(void *ctx, uint64_t done, uint64_t total)
{
    struct seen_progress *p = ctx;

    assert_true(done <= total);
    p->last = done;
    p->total = total;
    p->calls++;
}

/* Rekeys the fixture's store to newpass and recovery2. */
static void rekey(struct fixture *f, unsigned char *recovery2, struct seen_progress *p)
{
    struct store *s = NULL;
    struct err e;
    int rekeyed = -1;

    recovery_key_new(recovery2);
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                                strlen(pass), &e), 0);
    assert_int_equal(store_rekey(&rekeyed, s, newpass, strlen(newpass), recovery2,
                                 p != NULL ? on_progress : NULL, p, &e), 0);
    assert_int_equal(rekeyed, 1);
    store_close(s);
}

static void test_rekey(void **state)
{
    struct fixture *f = *state;
    unsigned char recovery2[RECOVERY_KEY_BYTES], *ks0;
    struct seen_progress p = { 0, 0, 0 };
    char ks[400], pending[400];
    size_t l0;
    struct err e;

    path_in(ks, sizeof ks, f->dir, STORE_KEYSLOTS_NAME);
    path_in(pending, sizeof pending, f->dir, STORE_REKEY_NAME);
    ks0 = slurp(ks, &l0);
    rekey(f, recovery2, &p);
    assert_true(p.calls >= 1);
    assert_true(p.total > 0);
    assert_int_equal(p.last, p.total);
    assert_int_equal(access(pending, F_OK), -1);
    assert_int_equal(open_pass(f->dir, newpass, &e), 0);
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_int_equal(open_recovery(f->dir, recovery2, &e), 0);
    assert_int_equal(open_recovery(f->dir, f->recovery, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_int_equal(count_actions(f->dir, newpass, "rekey"), 1);
    /* The old keyslot file with the old passphrase opens nothing now. */
    spit(ks, ks0, l0);
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "does not match its keyslot file"));
    free(ks0);
}

/* Killed after the database changed, before keyslots.rekey took the
 * place of keyslots: the new secrets open it and finish the rekey. */
static void test_resume(void **state)
{
    struct fixture *f = *state;
    unsigned char recovery2[RECOVERY_KEY_BYTES], *ks0, *ks1, *now;
    char ks[400], pending[400];
    size_t l0, l1, ln;
    struct err e;
    int fd;

    path_in(ks, sizeof ks, f->dir, STORE_KEYSLOTS_NAME);
    path_in(pending, sizeof pending, f->dir, STORE_REKEY_NAME);
    ks0 = slurp(ks, &l0);
    rekey(f, recovery2, NULL);
    ks1 = slurp(ks, &l1);
    assert_int_equal(rename(ks, pending), 0);
    fd = open(ks, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    close(fd);
    spit(ks, ks0, l0);
    /* A wrong passphrase is still just that. */
    assert_int_equal(open_pass(f->dir, "not the passphrase at all", &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "wrong passphrase"));
    /* The old passphrase opens the old keyslots, not the database. */
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "did not finish"));
    assert_int_equal(access(pending, F_OK), 0);
    /* The new recovery key finishes it; logged once. */
    assert_int_equal(open_recovery(f->dir, recovery2, &e), 0);
    assert_int_equal(access(pending, F_OK), -1);
    now = slurp(ks, &ln);
    assert_int_equal(ln, l1);
    assert_memory_equal(now, ks1, l1);
    assert_int_equal(count_actions(f->dir, newpass, "rekey"), 1);
    free(ks0);
    free(ks1);
    free(now);
}

/* Killed before the database changed: the old secrets open it and the
 * keyslots of the rekey, which open nothing, are removed. */
static void test_discard(void **state)
{
    struct fixture *f = *state;
    unsigned char *ks0;
    char ks[400], pending[400];
    size_t l0;
    struct err e;
    int fd;

    path_in(ks, sizeof ks, f->dir, STORE_KEYSLOTS_NAME);
    path_in(pending, sizeof pending, f->dir, STORE_REKEY_NAME);
    ks0 = slurp(ks, &l0);
    fd = open(pending, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    close(fd);
    spit(pending, ks0, l0);
    /* While a rekey holds the folder, nobody discards its file. */
    fd = open(f->dir, O_RDONLY | O_DIRECTORY);
    assert_int_equal(flock(fd, LOCK_EX), 0);
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    assert_non_null(strstr(e.msg, "another intake is re-keying"));
    assert_int_equal(access(pending, F_OK), 0);
    close(fd);
    assert_int_equal(open_pass(f->dir, pass, &e), 0);
    assert_int_equal(access(pending, F_OK), -1);
    free(ks0);
}

/* While another intake has the store open (a record waiting for its
 * testimony), a rekey waits for it, then refuses and changes nothing: the
 * other one's connection goes on writing under the key it opened with. */
static void test_rekey_refused_while_held(void **state)
{
    struct fixture *f = *state;
    unsigned char recovery2[RECOVERY_KEY_BYTES];
    struct store *s = NULL, *other = NULL;
    char pending[400];
    struct err e;
    int rekeyed = -1;

    path_in(pending, sizeof pending, f->dir, STORE_REKEY_NAME);
    recovery_key_new(recovery2);
    assert_int_equal(store_open(&other, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                                strlen(pass), &e), 0);
    assert_int_equal(store_rekey(&rekeyed, s, newpass, strlen(newpass), recovery2, NULL, NULL,
                                 &e), -1);
    assert_int_equal(rekeyed, 0);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "another intake is using the store"));
    assert_non_null(strstr(e.msg, "nothing was changed"));
    store_close(s);
    add_subject(other, "Kim Jong-su", "Rim-il");
    store_close(other);
    assert_int_equal(access(pending, F_OK), -1);
    assert_int_equal(open_pass(f->dir, pass, &e), 0);
    assert_int_equal(count_actions(f->dir, pass, "rekey"), 0);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_rekey),
        T(test_resume),
        T(test_discard),
        T(test_rekey_refused_while_held),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
