/* store/rekey.c: a new master key; what a killed rekey leaves is finished
 * (the database changed) or discarded (it did not), and the old or the new
 * secrets always open the store. */
#include "tests/unit/libcfault.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include <sys/file.h>

#include "store/db.h"
#include "tests/unit/vfsfault.h"

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

/* A rekey of a new store (one subject added, so its log holds pages to
 * checkpoint) with one fault armed: libcfault's call, or for "pwrite64"
 * the store's own writes (vfsfault). The fault must land; the message is
 * want, with every "%s" the store folder; then exactly the old secrets
 * (opens "old": nothing was changed) or the new ones (opens "new": the
 * next open finishes the change) open the store, and keyslots.rekey is
 * gone after that open (at once when nothing was changed). */
static void rekey_failing(const char *call, unsigned long n, int err, const char *want,
                          const char *opens)
{
    unsigned char recovery2[RECOVERY_KEY_BYTES];
    char msg[2048], pending[400];
    struct store *s = NULL;
    int rekeyed = -1, rc, landed, changed = strcmp(opens, "new") == 0;
    void *st = NULL;
    struct fixture *f;
    struct err e;

    assert_int_equal(fixture_setup(&st), 0);
    f = st;
    path_in(pending, sizeof pending, f->dir, STORE_REKEY_NAME);
    recovery_key_new(recovery2);
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                                strlen(pass), &e), 0);
    add_subject(s, "Kim Jong-su", "Rim-il");
    err_clear(&e);
    if (strcmp(call, "pwrite64") == 0)
        vfsfault_arm(call, n, err, NULL);
    else
        libcfault_arm(call, n, err, 1);
    rc = store_rekey(&rekeyed, s, newpass, strlen(newpass), recovery2, NULL, NULL, &e);
    landed = strcmp(call, "pwrite64") == 0 ? vfsfault_landed() : libcfault_landed() > 0;
    vfsfault_disarm();
    libcfault_disarm();
    libcfault_count = 0;
    store_close(s);
    assert_true(landed);
    assert_int_equal(rc, -1);
    assert_int_equal(rekeyed, changed);
    assert_int_equal(e.code, EXIT_INPUT);
    /* Every "%s" in want is the folder. */
    msg[0] = '\0';
    for (const char *w = want, *at; *w != '\0'; w = at + 2) {
        at = strstr(w, "%s");
        if (at == NULL) {
            strncat(msg, w, sizeof msg - strlen(msg) - 1);
            break;
        }
        strncat(msg, w, (size_t)(at - w));
        strncat(msg, f->dir, sizeof msg - strlen(msg) - 1);
    }
    assert_string_equal(e.msg, msg);
    if (!changed)
        assert_int_equal(access(pending, F_OK), -1);
    assert_int_equal(open_pass(f->dir, pass, &e), changed ? -1 : 0);
    assert_int_equal(open_pass(f->dir, newpass, &e), changed ? 0 : -1);
    assert_int_equal(access(pending, F_OK), -1);
    if (changed)
        assert_int_equal(count_actions(f->dir, newpass, "rekey"), 1);
    fixture_teardown(&st);
}

#define UNCHANGED "; nothing was changed: the old passphrase and recovery key still open the store"
#define UNFINISHED(why) "the store was re-encrypted and opens with the new passphrase and " \
    "recovery key, but the change is not finished (" why "): the next intake command " \
    "finishes it"

/* Each step of a rekey failing (the new keyslot file, the checkpoint, the
 * re-encryption, the move into place): its own message, and the old or
 * the new secrets open the store, never neither. */
static void test_rekey_faults(void **state)
{
    (void)state;
    /* Step 1: keyslots.rekey. */
    /* open 1 is the check that no other intake changed the keys (adv35f
     * F-2, db_keys_unchanged), open 2 step 1's own read of the same file:
     * both fail before anything is written. */
    rekey_failing("open", 1, EIO, "cannot open keyslot file %s/keyslots: Input/output error"
                  UNCHANGED, "old");
    rekey_failing("open", 2, EIO, "cannot open keyslot file %s/keyslots: Input/output error"
                  UNCHANGED, "old");
    /* A failed write of keyslots.rekey is a failed rekey (store_rekey once
     * returned 0 after it: the keys check's result had overwritten rc). */
    rekey_failing("write", 1, EIO, "cannot write %s/keyslots.rekey: Input/output error"
                  UNCHANGED, "old");
    rekey_failing("fsync", 1, EIO, "cannot write %s/keyslots.rekey: Input/output error"
                  UNCHANGED, "old");
    rekey_failing("fsync", 2, EIO, "cannot sync folder %s: Input/output error" UNCHANGED, "old");
    /* open 3 creates keyslots.rekey, open 4 is its folder, synced. */
    rekey_failing("open", 4, EIO, "cannot open folder %s: Input/output error" UNCHANGED, "old");
    /* Step 2: the checkpoint before it, then the pages rewritten (SQLCipher's
     * rekey reports nothing: the reopen tells). */
    rekey_failing("pwrite64", 1, ENOSPC, "the disk holding %s is full (while checkpointing the "
                  "database); nothing was changed: free some space and try again", "old");
    rekey_failing("pwrite64", 1, EIO, "an I/O error (Input/output error) on the disk holding "
                  "%s while checkpointing the database; nothing was changed: check the disk "
                  "(the system log may say more)", "old");
    rekey_failing("pwrite64", 7, ENOSPC, "the database in %s could not be re-encrypted (the "
                  "disk may be full or failing)" UNCHANGED, "old");
    rekey_failing("pwrite64", 9, EIO, "the database in %s could not be re-encrypted (the "
                  "disk may be full or failing)" UNCHANGED, "old");
    /* Step 3: keyslots.rekey moved over keyslots. */
    rekey_failing("rename", 1, EIO, UNFINISHED("cannot move %s/keyslots.rekey to %s/keyslots: "
                  "Input/output error"), "new");
    rekey_failing("fsync", 3, EIO, UNFINISHED("cannot sync folder %s: Input/output error"),
                  "new");
    rekey_failing("open", 5, EIO, UNFINISHED("cannot open folder %s: Input/output error"),
                  "new");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_rekey),
        T(test_resume),
        T(test_discard),
        T(test_rekey_refused_while_held),
        cmocka_unit_test(test_rekey_faults),
    };
    if (vfsfault_install() != 0)
        return 1;
    return cmocka_run_group_tests(tests, setup, teardown);
}
