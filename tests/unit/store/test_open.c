/* store/open.c: creating and opening the encrypted store, its keyslots,
 * its modes, the device keys and settings, and telling a damaged keyslot
 * file (EXIT_INPUT) apart from a wrong secret (EXIT_AUTH).
 * (Moved from test_store.c, unchanged.) */
#include "tests/unit/libcfault.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include <sys/file.h>

#include "store/db.h"
#include "tests/unit/vfsfault.h"

static int open_recovery_ok(const struct fixture *f)
{
    struct store *s = NULL;
    struct err e;
    int rc = store_open(&s, f->dir, KEYSLOT_RECOVERY, f->recovery, RECOVERY_KEY_BYTES, &e);

    store_close(s);
    return rc;
}

static void test_create_then_open(void **state)
{
    struct fixture *f = *state;
    struct store *s = NULL;
    char buf[128];
    struct err e;

    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_non_null(s);
    assert_string_equal(store_dir(s), f->dir);
    assert_int_equal(store_meta_get(buf, sizeof buf, s, "label", &e), 0);
    assert_string_equal(buf, "field kit");
    assert_int_equal(store_meta_get(buf, sizeof buf, s, "locale", &e), 0);
    assert_string_equal(buf, "ko");
    assert_int_equal(store_meta_get(buf, sizeof buf, s, "created", &e), 0);
    assert_int_equal(strlen(buf), 20);   /* YYYY-MM-DDTHH:MM:SSZ */
    assert_int_equal(store_meta_get(buf, sizeof buf, s, "no such key", &e), 0);
    assert_string_equal(buf, "");
    store_close(s);
    store_close(NULL);
}

static void test_wrong_passphrase_is_auth_and_changes_nothing(void **state)
{
    struct fixture *f = *state;
    char db[400], ks[400];
    unsigned char *db0, *ks0, *db1, *ks1;
    size_t dbl0, ksl0, dbl1, ksl1;
    struct err e;

    path_in(db, sizeof db, f->dir, STORE_DB_NAME);
    path_in(ks, sizeof ks, f->dir, STORE_KEYSLOTS_NAME);
    db0 = slurp(db, &dbl0);
    ks0 = slurp(ks, &ksl0);
    err_clear(&e);
    assert_int_equal(open_pass(f->dir, "tiger lamp violet oxygen rivers", &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "wrong passphrase"));
    assert_int_equal(open_pass(f->dir, "", &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    db1 = slurp(db, &dbl1);
    ks1 = slurp(ks, &ksl1);
    assert_int_equal(dbl0, dbl1);
    assert_memory_equal(db0, db1, dbl0);
    assert_int_equal(ksl0, ksl1);
    assert_memory_equal(ks0, ks1, ksl0);
    free(db0); free(db1); free(ks0); free(ks1);
    /* The wrong secret left no -wal/-shm behind: the database was not
     * opened (keyslots, store.db and the folder of attachment files). */
    assert_int_equal(count_entries(f->dir), 3);
}

static void test_recovery_key_opens(void **state)
{
    struct fixture *f = *state;
    struct store *s = NULL;
    unsigned char bad[RECOVERY_KEY_BYTES];
    struct err e;

    assert_int_equal(store_open(&s, f->dir, KEYSLOT_RECOVERY, f->recovery,
                                RECOVERY_KEY_BYTES, &e), 0);
    store_close(s);
    memcpy(bad, f->recovery, sizeof bad);
    bad[RECOVERY_KEY_BYTES - 1] ^= 0x80;
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_RECOVERY, bad, sizeof bad, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_null(s);
    /* The passphrase does not open the recovery slot. */
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_RECOVERY, (const unsigned char *)pass,
                                strlen(pass), &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
}

static void test_set_passphrase(void **state)
{
    struct fixture *f = *state;
    struct store *s = NULL;
    char db[400];
    unsigned char *db0, *db1;
    size_t l0, l1;
    struct err e;

    path_in(db, sizeof db, f->dir, STORE_DB_NAME);
    db0 = slurp(db, &l0);
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_int_equal(store_set_passphrase(s, newpass, strlen(newpass), &e), 0);
    store_close(s);
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_int_equal(open_pass(f->dir, newpass, &e), 0);
    /* The recovery key still works, and sets a passphrase in turn. */
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_RECOVERY, f->recovery,
                                RECOVERY_KEY_BYTES, &e), 0);
    assert_int_equal(store_set_passphrase(s, pass, strlen(pass), &e), 0);
    store_close(s);
    assert_int_equal(open_pass(f->dir, newpass, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_int_equal(open_pass(f->dir, pass, &e), 0);
    /* The database was not re-encrypted (same salt in its first 16 bytes). */
    db1 = slurp(db, &l1);
    assert_memory_equal(db0, db1, 16);
    free(db0);
    free(db1);
    /* Still exactly two slots' worth of keyslot file. */
    path_in(db, sizeof db, f->dir, STORE_KEYSLOTS_NAME);
    db1 = slurp(db, &l1);
    assert_int_equal(l1, KEYSLOT_HEADER_BYTES + 2 * KEYSLOT_SLOT_BYTES + KEYSLOT_SUM_BYTES);
    free(db1);
}

static void check_mode(const char *path, mode_t want)
{
    struct stat st;

    assert_int_equal(lstat(path, &st), 0);
    if ((st.st_mode & 07777) != want)
        fail_msg("%s has mode %04o, expected %04o", path,
                 (unsigned)(st.st_mode & 07777), (unsigned)want);
}

static void test_modes(void **state)
{
    struct fixture *f = *state;
    char p[400];
    struct store *s = NULL;
    struct err e;

    check_mode(f->dir, 0700);
    path_in(p, sizeof p, f->dir, STORE_KEYSLOTS_NAME);
    check_mode(p, 0600);
    path_in(p, sizeof p, f->dir, STORE_DB_NAME);
    check_mode(p, 0600);
    /* While open, the WAL and shared-memory files are private too. */
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)pass, strlen(pass), &e), 0);
    path_in(p, sizeof p, f->dir, STORE_DB_NAME "-wal");
    if (access(p, F_OK) == 0)
        check_mode(p, 0600);
    path_in(p, sizeof p, f->dir, STORE_DB_NAME "-shm");
    if (access(p, F_OK) == 0)
        check_mode(p, 0600);
    store_close(s);
}

static void test_modes_under_loose_umask(void **state)
{
    /* The library must not rely on the CLI's umask 077. */
    char dir[400], p[400];
    unsigned char rec[RECOVERY_KEY_BYTES];
    struct store_params prm = { "loose", "en", OPS, MEM };
    struct store *s = NULL;
    mode_t old;
    struct err e;
    int rc;

    (void)state;
    snprintf(dir, sizeof dir, "%s/loose", root);
    old = umask(022);
    recovery_key_new(rec);
    rc = store_create(dir, &prm, pass, strlen(pass), rec, &e);
    if (rc == 0)
        rc = store_open(&s, dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                        strlen(pass), &e);
    store_close(s);
    umask(old);
    if (rc != 0)
        fail_msg("under umask 022: %s", e.msg);
    check_mode(dir, 0700);
    path_in(p, sizeof p, dir, STORE_KEYSLOTS_NAME);
    check_mode(p, 0600);
    path_in(p, sizeof p, dir, STORE_DB_NAME);
    check_mode(p, 0600);
}

static void test_check_dir(void **state)
{
    struct fixture *f = *state;
    char p[400];
    struct err e;

    assert_int_equal(store_check_dir(f->dir, &e), 0);
    /* A folder others can read. */
    assert_int_equal(chmod(f->dir, 0755), 0);
    err_clear(&e);
    assert_int_equal(store_check_dir(f->dir, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "can be read by others"));
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(chmod(f->dir, 0700), 0);
    /* A file others can read. */
    path_in(p, sizeof p, f->dir, STORE_DB_NAME);
    assert_int_equal(chmod(p, 0640), 0);
    assert_int_equal(store_check_dir(f->dir, &e), -1);
    assert_non_null(strstr(e.msg, "can be read by others"));
    assert_int_equal(chmod(p, 0600), 0);
    path_in(p, sizeof p, f->dir, STORE_KEYSLOTS_NAME);
    assert_int_equal(chmod(p, 0604), 0);
    assert_int_equal(store_check_dir(f->dir, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(chmod(p, 0600), 0);
    assert_int_equal(store_check_dir(f->dir, &e), 0);
    /* A missing store, and an empty folder. */
    snprintf(p, sizeof p, "%s/nowhere", root);
    err_clear(&e);
    assert_int_equal(store_check_dir(p, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "no store in"));
    assert_int_equal(open_pass(p, pass, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(p, sizeof p, "%s/empty", root);
    assert_int_equal(mkdir(p, 0700), 0);
    assert_int_equal(store_check_dir(p, &e), -1);
    assert_non_null(strstr(e.msg, "no store in"));
    rmdir(p);
}

static void test_create_refuses_existing(void **state)
{
    struct fixture *f = *state;
    struct store_params p = { "x", "en", OPS, MEM };
    unsigned char rec[RECOVERY_KEY_BYTES];
    char ks[400], db[400];
    unsigned char *ks0, *ks1;
    size_t l0, l1;
    struct err e;

    recovery_key_new(rec);
    path_in(ks, sizeof ks, f->dir, STORE_KEYSLOTS_NAME);
    ks0 = slurp(ks, &l0);
    err_clear(&e);
    assert_int_equal(store_create(f->dir, &p, newpass, strlen(newpass), rec, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "already exists"));
    ks1 = slurp(ks, &l1);
    assert_int_equal(l0, l1);
    assert_memory_equal(ks0, ks1, l0);
    free(ks0);
    free(ks1);
    assert_int_equal(open_pass(f->dir, pass, &e), 0);
    /* A database without keyslots is not overwritten either. */
    assert_int_equal(unlink(ks), 0);
    path_in(db, sizeof db, f->dir, STORE_DB_NAME);
    assert_int_equal(store_create(f->dir, &p, newpass, strlen(newpass), rec, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(access(db, F_OK), 0);
}

static void test_device_keys(void **state)
{
    struct fixture *f = *state;
    struct store *s = NULL;
    unsigned char spk[crypto_sign_PUBLICKEYBYTES], bpk[crypto_box_PUBLICKEYBYTES];
    unsigned char pk2[crypto_sign_PUBLICKEYBYTES], bpk2[crypto_box_PUBLICKEYBYTES];
    unsigned char *ssk = sodium_malloc(crypto_sign_SECRETKEYBYTES);
    unsigned char *bsk = sodium_malloc(crypto_box_SECRETKEYBYTES);
    unsigned char sig[crypto_sign_BYTES];
    static const unsigned char zero[crypto_box_PUBLICKEYBYTES];
    struct err e;

    assert_non_null(ssk);
    assert_non_null(bsk);
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_int_equal(store_device_public(spk, bpk, s, &e), 0);
    assert_true(crypto_core_ed25519_is_valid_point(spk));
    assert_memory_not_equal(bpk, zero, sizeof bpk);
    assert_int_equal(store_device_secret(ssk, bsk, s, &e), 0);
    /* The secret keys match the public ones. */
    assert_int_equal(crypto_sign_ed25519_sk_to_pk(pk2, ssk), 0);
    assert_memory_equal(pk2, spk, sizeof spk);
    assert_int_equal(crypto_scalarmult_base(bpk2, bsk), 0);
    assert_memory_equal(bpk2, bpk, sizeof bpk);
    assert_int_equal(crypto_sign_detached(sig, NULL, (const unsigned char *)"m", 1, ssk), 0);
    assert_int_equal(crypto_sign_verify_detached(sig, (const unsigned char *)"m", 1, spk), 0);
    store_close(s);
    /* The recovery key opens the same keys. */
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_RECOVERY, f->recovery,
                                RECOVERY_KEY_BYTES, &e), 0);
    assert_int_equal(store_device_public(pk2, bpk2, s, &e), 0);
    assert_memory_equal(pk2, spk, sizeof spk);
    assert_memory_equal(bpk2, bpk, sizeof bpk);
    store_close(s);
    sodium_free(ssk);
    sodium_free(bsk);
}

static void test_two_stores_have_different_keys(void **state)
{
    struct fixture *f = *state, *g;
    struct store *s = NULL;
    unsigned char a[crypto_sign_PUBLICKEYBYTES], b[crypto_box_PUBLICKEYBYTES];
    unsigned char c[crypto_sign_PUBLICKEYBYTES], d[crypto_box_PUBLICKEYBYTES];
    void *st2;
    struct err e;

    assert_int_equal(fixture_setup(&st2), 0);
    g = st2;
    assert_memory_not_equal(f->recovery, g->recovery, RECOVERY_KEY_BYTES);
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_int_equal(store_device_public(a, b, s, &e), 0);
    store_close(s);
    assert_int_equal(store_open(&s, g->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_int_equal(store_device_public(c, d, s, &e), 0);
    store_close(s);
    assert_memory_not_equal(a, c, sizeof a);
    assert_memory_not_equal(b, d, sizeof b);
    /* Another store's database behind this store's keyslots: damage, not a
     * wrong passphrase. */
    {
        char p1[400], p2[400];
        unsigned char *buf;
        size_t len;

        path_in(p1, sizeof p1, f->dir, STORE_DB_NAME);
        path_in(p2, sizeof p2, g->dir, STORE_DB_NAME);
        buf = slurp(p2, &len);
        spit(p1, buf, len);
        free(buf);
        err_clear(&e);
        assert_int_equal(open_pass(f->dir, pass, &e), -1);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_null(strstr(e.msg, "wrong passphrase"));
        assert_non_null(strstr(e.msg, "damaged"));
    }
    fixture_teardown(&st2);
}

static void test_damaged_keyslots(void **state)
{
    struct fixture *f = *state;
    char ks[400];
    unsigned char *orig, *buf;
    size_t len;
    struct err e;

    path_in(ks, sizeof ks, f->dir, STORE_KEYSLOTS_NAME);
    orig = slurp(ks, &len);
    buf = malloc(len);
    for (size_t i = 0; i < len; i += 7) {
        memcpy(buf, orig, len);
        buf[i] ^= 0x01;
        spit(ks, buf, len);
        err_clear(&e);
        assert_int_equal(open_pass(f->dir, pass, &e), -1);
        if (e.code != EXIT_INPUT || strstr(e.msg, "wrong passphrase") != NULL)
            fail_msg("keyslot byte %zu flipped: exit %d '%s'", i, e.code, e.msg);
    }
    assert_int_equal(truncate(ks, (off_t)(len - 1)), 0);
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "damaged"));
    assert_int_equal(truncate(ks, 0), 0);
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    spit(ks, orig, len);
    assert_int_equal(open_pass(f->dir, pass, &e), 0);
    free(orig);
    free(buf);
}

static void test_resolve(void **state)
{
    char out[4200];
    struct err e;

    (void)state;
    assert_int_equal(store_dir_resolve(out, sizeof out, "/a/b", &e), 0);
    assert_string_equal(out, "/a/b");
    setenv("INTAKE_HOME", "/c", 1);
    assert_int_equal(store_dir_resolve(out, sizeof out, NULL, &e), 0);
    assert_string_equal(out, "/c");
    unsetenv("INTAKE_HOME");
    setenv("XDG_DATA_HOME", "/x", 1);
    assert_int_equal(store_dir_resolve(out, sizeof out, NULL, &e), 0);
    assert_string_equal(out, "/x/intake");
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", "/h", 1);
    assert_int_equal(store_dir_resolve(out, sizeof out, NULL, &e), 0);
    assert_string_equal(out, "/h/.local/share/intake");
    assert_int_equal(store_dir_resolve(out, 5, "/a/very/long/path", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
}

/* A passwd killed between its steps leaves a keyslot file that both
 * passphrases open; the next passwd leaves only its own. */
static void test_passwd_leftover(void **state)
{
    struct fixture *f = *state;
    struct keyslot_file kf;
    struct keyslot slot;
    struct store *s = NULL;
    const char *third = "orange pilot seven harbour quiet";
    char ks[400];
    unsigned char *buf;
    size_t len;
    struct err e;

    path_in(ks, sizeof ks, f->dir, STORE_KEYSLOTS_NAME);
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_int_equal(keyslot_load(&kf, ks, &e), 0);
    assert_int_equal(keyslot_seal(&slot, KEYSLOT_PASSPHRASE, s->master,
                                  (const unsigned char *)newpass, strlen(newpass), OPS, MEM,
                                  &e), 0);
    assert_int_equal(keyslot_add(&kf, &slot, &e), 0);
    assert_int_equal(keyslot_save(ks, &kf, 1, &e), 0);
    store_close(s);
    assert_int_equal(open_pass(f->dir, pass, &e), 0);
    assert_int_equal(open_pass(f->dir, newpass, &e), 0);
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)newpass, strlen(newpass), &e), 0);
    assert_int_equal(store_set_passphrase(s, third, strlen(third), &e), 0);
    store_close(s);
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    assert_int_equal(open_pass(f->dir, newpass, &e), -1);
    assert_int_equal(open_pass(f->dir, third, &e), 0);
    assert_int_equal(open_recovery_ok(f), 0);
    buf = slurp(ks, &len);
    assert_int_equal(len, KEYSLOT_HEADER_BYTES + 2 * KEYSLOT_SLOT_BYTES + KEYSLOT_SUM_BYTES);
    free(buf);
}

/* Two passwds cut off after their first step leave four slots (the file
 * full): the next passwd keeps only the slot it was opened with, the
 * recovery slot and its own, so it succeeds; so does one opened with the
 * recovery key. */
static void test_passwd_after_two_cuts(void **state)
{
    struct fixture *f = *state;
    const char *p2 = "copper meadow falcon quartz harbor", *p3 = "velvet glacier orchid thunder basin";
    const char *p4 = "amber canyon ferry marble window";
    struct keyslot_file kf;
    struct keyslot slot;
    struct store *s = NULL;
    char ks[400];
    struct err e;

    path_in(ks, sizeof ks, f->dir, STORE_KEYSLOTS_NAME);
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_int_equal(keyslot_load(&kf, ks, &e), 0);
    for (int i = 0; i < 2; i++) {
        const char *p = i == 0 ? newpass : p2;
        assert_int_equal(keyslot_seal(&slot, KEYSLOT_PASSPHRASE, s->master,
                                      (const unsigned char *)p, strlen(p), OPS, MEM, &e), 0);
        assert_int_equal(keyslot_add(&kf, &slot, &e), 0);
    }
    assert_int_equal(kf.nslots, KEYSLOT_MAX);
    assert_int_equal(keyslot_save(ks, &kf, 1, &e), 0);
    store_close(s);
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)p2, strlen(p2), &e), 0);
    assert_int_equal(store_set_passphrase(s, p3, strlen(p3), &e), 0);
    store_close(s);
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    assert_int_equal(open_pass(f->dir, newpass, &e), -1);
    assert_int_equal(open_pass(f->dir, p2, &e), -1);
    assert_int_equal(open_pass(f->dir, p3, &e), 0);
    assert_int_equal(keyslot_load(&kf, ks, &e), 0);
    assert_int_equal(kf.nslots, 2);
    /* The file full again, and opened with the recovery key. */
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)p3, strlen(p3), &e), 0);
    for (int i = 0; i < 2; i++) {
        const char *p = i == 0 ? newpass : p2;
        assert_int_equal(keyslot_seal(&slot, KEYSLOT_PASSPHRASE, s->master,
                                      (const unsigned char *)p, strlen(p), OPS, MEM, &e), 0);
        assert_int_equal(keyslot_add(&kf, &slot, &e), 0);
    }
    assert_int_equal(keyslot_save(ks, &kf, 1, &e), 0);
    store_close(s);
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_RECOVERY, f->recovery, RECOVERY_KEY_BYTES,
                                &e), 0);
    assert_int_equal(store_set_passphrase(s, p4, strlen(p4), &e), 0);
    store_close(s);
    assert_int_equal(open_pass(f->dir, p3, &e), -1);
    assert_int_equal(open_pass(f->dir, p4, &e), 0);
    assert_int_equal(open_recovery_ok(f), 0);
}

/* A store folder made by an init whose folder sync failed is synced by
 * the next init, not taken as durable because it exists (i14-cov). */
static void test_init_syncs_existing_folder(void **state)
{
    char dir[4096];
    struct err e;

    (void)state;
    snprintf(dir, sizeof dir, "%s/unsynced", root);
    libcfault_arm("fsync", 1, EIO, 1);
    assert_int_equal(store_create_check(dir, &e), -1);
    libcfault_disarm();
    assert_non_null(strstr(e.msg, "cannot sync folder"));
    assert_int_equal(access(dir, F_OK), 0);
    libcfault_arm("fsync", 1, EIO, 1);
    assert_int_equal(store_create_check(dir, &e), -1);
    assert_int_equal(libcfault_landed(), 1);
    libcfault_disarm();
    assert_non_null(strstr(e.msg, "cannot sync folder"));
    assert_int_equal(store_create_check(dir, &e), 0);
    assert_int_equal(remove_tree(dir), 0);
}

/* What a killed init left (its marker, unlocked) is removed by the next;
 * a marker still held, or a database without a marker, is refused. */
static void test_init_marker(void **state)
{
    struct store_params p = { "x", "en", OPS, MEM };
    unsigned char rec[RECOVERY_KEY_BYTES];
    char dir[400], mark[450], db[450];
    struct err e;
    int fd;

    (void)state;
    recovery_key_new(rec);
    snprintf(dir, sizeof dir, "%s/marker", root);
    path_in(mark, sizeof mark, dir, STORE_INIT_MARK_NAME);
    path_in(db, sizeof db, dir, STORE_DB_NAME);
    assert_int_equal(mkdir(dir, 0700), 0);
    fd = open(mark, O_WRONLY | O_CREAT, 0600);
    assert_true(fd >= 0);
    close(fd);
    fd = open(db, O_WRONLY | O_CREAT, 0600);
    assert_int_equal(write(fd, "half a database", 15), 15);
    close(fd);
    fd = open(mark, O_RDONLY);
    assert_int_equal(flock(fd, LOCK_EX), 0);
    assert_int_equal(store_create_check(dir, &e), -1);
    assert_non_null(strstr(e.msg, "another intake is creating a store"));
    assert_int_equal(store_create(dir, &p, pass, strlen(pass), rec, &e), -1);
    assert_non_null(strstr(e.msg, "another intake is creating a store"));
    close(fd);
    assert_int_equal(store_create_check(dir, &e), 0);
    assert_int_equal(store_create(dir, &p, pass, strlen(pass), rec, &e), 0);
    assert_int_equal(access(mark, F_OK), -1);
    assert_int_equal(open_pass(dir, pass, &e), 0);
    assert_int_equal(count_entries(dir), 3);     /* keyslots, store.db, blobs */
    assert_int_equal(remove_tree(dir), 0);
    /* No marker: someone's database that lost its keyslots stays. */
    assert_int_equal(mkdir(dir, 0700), 0);
    fd = open(db, O_WRONLY | O_CREAT, 0600);
    close(fd);
    assert_int_equal(store_create_check(dir, &e), -1);
    assert_non_null(strstr(e.msg, "holds a database but its keyslot file is missing"));
    assert_int_equal(store_create(dir, &p, pass, strlen(pass), rec, &e), -1);
    assert_int_equal(access(db, F_OK), 0);
    assert_int_equal(access(mark, F_OK), -1);
    assert_int_equal(remove_tree(dir), 0);
}

static void test_params_and_label(void **state)
{
    struct fixture *f = *state;
    struct store_params p = { "Field laptop", "mn", OPS, MEM };
    struct store *s = NULL;
    char buf[128];
    struct err e;

    assert_int_equal(store_params_check(&p, &e), 0);
    p.label = "a\xe2\x80\xae" "b";
    assert_int_equal(store_params_check(&p, &e), -1);
    assert_non_null(strstr(e.msg, "U+202E"));
    p.label = "ok";
    p.locale = "xx";
    assert_int_equal(store_params_check(&p, &e), -1);
    assert_string_equal(e.msg, "unknown locale 'xx'; use ko, mn, en, ru or zh");
    assert_int_equal(store_open(&s, f->dir, KEYSLOT_PASSPHRASE,
                                (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_int_equal(store_set_label(s, "현장 노트북", &e), 0);
    assert_int_equal(store_set_label(s, "bad\nlabel", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(store_set_label(s, "현장 노트북", &e), -1);
    assert_string_equal(e.msg, "the label is already '현장 노트북'; nothing was changed");
    assert_int_equal(store_set_label(s, "  ", &e), -1);
    assert_string_equal(e.msg, "card label is blank (only spaces)");
    assert_int_equal(store_meta_get(buf, sizeof buf, s, "label", &e), 0);
    assert_string_equal(buf, "현장 노트북");
    store_close(s);
}

/* init with each write of the new database failing in turn (EIO, or a
 * full disk): its message, exactly, and no store and no partial file
 * left in the folder; or, where SQLite let the write go (the header of a
 * journal it no longer needs), a store that opens. */
static void test_init_each_write_fails(void **state)
{
    struct store_params p = { "field kit", "ko", OPS, MEM };
    unsigned char recovery[RECOVERY_KEY_BYTES];
    static const char *const doing[] = {
        "opening the database", "reading the database", "saving the change",
    };
    char d[256], want[1024];
    unsigned long n;
    size_t i;
    int failed = 0;
    struct err e;

    (void)state;
    recovery_key_new(recovery);
    for (n = 1; n < 400; n++) {
        int err = n % 2 ? EIO : ENOSPC, rc;
        snprintf(d, sizeof d, "%s/init-faults-%lu", root, n);
        vfsfault_arm("pwrite64", n, err, NULL);
        err_clear(&e);
        rc = store_create(d, &p, pass, strlen(pass), recovery, &e);
        vfsfault_disarm();
        if (rc == 0) {
            assert_int_equal(open_pass(d, pass, &e), 0);
            assert_int_equal(remove_tree(d), 0);
            if (!vfsfault_landed())
                break;
            continue;
        }
        failed++;
        assert_int_equal(e.code, EXIT_INPUT);
        for (i = 0; i < sizeof doing / sizeof doing[0]; i++) {
            if (err == ENOSPC)
                snprintf(want, sizeof want, "the disk holding %s is full (while %s); nothing "
                         "was changed: free some space and try again", d, doing[i]);
            else
                snprintf(want, sizeof want, "an I/O error (Input/output error) on the disk "
                         "holding %s while %s; nothing was changed: check the disk (the "
                         "system log may say more)", d, doing[i]);
            if (strcmp(e.msg, want) == 0)
                break;
        }
        if (i == sizeof doing / sizeof doing[0])
            fail_msg("write %lu failing: '%s'", n, e.msg);
        assert_int_equal(count_entries(d), 0);
        assert_int_equal(rmdir(d), 0);
    }
    assert_true(n > 2 && n < 400);
    assert_true(failed > 0);
}

/* passwd on a new store in dir with call's nth call failing with EIO
 * (and call2's n2th, if call2 is not NULL): its message must be want;
 * then which passphrases open: "old", "new" or "both". */
static void passwd_failing(const char *dir, const char *call, unsigned long n,
                           const char *call2, unsigned long n2, const char *want,
                           const char *opens)
{
    struct store_params p = { "field kit", "ko", OPS, MEM };
    unsigned char recovery[RECOVERY_KEY_BYTES];
    struct store *s = NULL;
    struct err e;
    int rc;

    recovery_key_new(recovery);
    assert_int_equal(store_create(dir, &p, pass, strlen(pass), recovery, &e), 0);
    assert_int_equal(store_open(&s, dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                                strlen(pass), &e), 0);
    err_clear(&e);
    libcfault_arm(call, n, EIO, 1);
    if (call2 != NULL)
        libcfault_arm(call2, n2, EIO, 1);
    rc = store_set_passphrase(s, newpass, strlen(newpass), &e);
    libcfault_disarm();
    store_close(s);
    assert_int_equal(rc, -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, want);
    assert_int_equal(open_pass(dir, pass, &e), strcmp(opens, "new") == 0 ? -1 : 0);
    assert_int_equal(open_pass(dir, newpass, &e), strcmp(opens, "old") == 0 ? -1 : 0);
    assert_int_equal(remove_tree(dir), 0);
}

/* passwd's three steps (store_set_passphrase) with the keyslot file's
 * sync, its folder's sync or its rename failing at each: the old
 * passphrase keeps working unless the message says both do. */
static void test_passwd_faults(void **state)
{
    char d[256], k[300], want[2048];
    static const char not_changed[] = "; the passphrase was not changed: the old one still "
                                      "opens the store";

    (void)state;
    snprintf(d, sizeof d, "%s/passwd-faults", root);
    snprintf(k, sizeof k, "%s/" STORE_KEYSLOTS_NAME, d);
    snprintf(want, sizeof want, "cannot write %s: Input/output error%s", k, not_changed);
    passwd_failing(d, "fsync", 1, NULL, 0, want, "old");
    snprintf(want, sizeof want, "cannot move the new file to %s: Input/output error%s", k,
             not_changed);
    passwd_failing(d, "rename", 1, NULL, 0, want, "old");
    snprintf(want, sizeof want, "cannot sync folder %s: Input/output error: the new %s is in "
             "place but may not survive a power cut%s", d, k, not_changed);
    passwd_failing(d, "fsync", 2, NULL, 0, want, "old");
    /* Step 1's new file in place, and the kept old file cannot be renamed
     * back: it is written again (adv14 F13). */
    snprintf(want, sizeof want, "cannot sync folder %s: Input/output error: the new %s is in "
             "place but may not survive a power cut%s", d, k, not_changed);
    passwd_failing(d, "fsync", 2, "rename", 2, want, "old");
    /* Step 3: set and logged, the old slot still there. */
    snprintf(want, sizeof want, "the new passphrase is set and logged, but the old one could "
             "not be removed (cannot move the new file to %s: Input/output error): both open "
             "the store until you run 'intake passwd' again", k);
    passwd_failing(d, "rename", 2, NULL, 0, want, "both");
}

/* Opening the store with each file call it makes failing: each its own
 * message, none of them "no store" (which 'intake init' would answer)
 * nor "damaged"; the store opens again after. */
static void test_open_faults(void **state)
{
    static const struct {
        const char *call;
        unsigned long n;
        int err;
        const char *before, *after;  /* the message: before, the folder, after */
    } cases[] = {
        { "lstat", 1, EIO, "cannot read ", "/keyslots: Input/output error" },
        /* The database is there: a missing keyslot file (adv14 F19). */
        { "lstat", 1, ENOENT, "",
          " holds a database but its keyslot file is missing: copy the keyslot file back "
          "from where the store came from, or restore a backup; do not run 'intake init' "
          "here" },
        { "access", 1, EROFS, "the store in ",
          " cannot be written (Read-only file system) while opening it; nothing was "
          "changed: intake writes to its folder even to read, so make it writable or copy "
          "the folder to a writable place" },
        { "access", 2, EIO, "an I/O error (Input/output error) on the disk holding ",
          " while opening it; nothing was changed: check the disk (the system log may say "
          "more)" },
        /* Read first (calls 1, 2: keyslots, store.db), then written (3, 4):
         * a file that may not be read is not one that cannot be written
         * (adv14 F3; the read's own message is checked below). */
        { "access", 3, EROFS, "the store in ",
          " cannot be written (Read-only file system) while opening it; nothing was "
          "changed: intake writes to its folder even to read, so make it writable or copy "
          "the folder to a writable place" },
        { "access", 4, EACCES, "the store in ",
          " cannot be written (Permission denied) while opening it; nothing was "
          "changed: intake writes to its folder even to read, so make it writable or copy "
          "the folder to a writable place" },
        /* open 1, fstat 1 and 2, read 1: the keyslot file read before the
         * lock is waited for (adv35f M-2), whose failure is only a missing
         * hint (checked below); then the folder, then the keyslot file. */
        { "open", 2, EMFILE, "cannot open the store folder ", ": Too many open files" },
        { "flock", 1, ENOLCK, "cannot lock the store folder ", ": No locks available" },
        { "open", 3, EIO, "cannot open keyslot file ", "/keyslots: Input/output error" },
        { "fstat", 3, EIO, "cannot open keyslot file ", "/keyslots: Input/output error" },
        { "fstat", 4, EIO, "cannot read keyslot file ", "/keyslots: Input/output error" },
        { "read", 2, EIO, "cannot read keyslot file ", "/keyslots: Input/output error" },
    };
    struct fixture *f = *state;
    char want[1024];
    struct err e;

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        libcfault_arm(cases[i].call, cases[i].n, cases[i].err, 1);
        err_clear(&e);
        assert_int_equal(open_pass(f->dir, pass, &e), -1);
        assert_int_equal(libcfault_landed(), 1);
        libcfault_disarm();
        assert_int_equal(e.code, EXIT_INPUT);
        snprintf(want, sizeof want, "%s%s%s", cases[i].before, f->dir, cases[i].after);
        assert_string_equal(e.msg, want);
    }
    /* The early read failing changes nothing: the store opens. */
    libcfault_arm("open", 1, EIO, 1);
    err_clear(&e);
    assert_int_equal(open_pass(f->dir, pass, &e), 0);
    assert_int_equal(libcfault_landed(), 1);
    libcfault_disarm();
    libcfault_arm("access", 2, EACCES, 1);
    assert_int_equal(open_pass(f->dir, pass, &e), -1);
    libcfault_disarm();
    snprintf(want, sizeof want, "%s/store.db cannot be read (Permission denied); nothing was "
             "changed: run 'chmod 600 %s/store.db'", f->dir, f->dir);
    assert_string_equal(e.msg, want);
    assert_int_equal(open_pass(f->dir, pass, &e), 0);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_create_then_open),
        T(test_wrong_passphrase_is_auth_and_changes_nothing),
        T(test_recovery_key_opens),
        T(test_set_passphrase),
        T(test_modes),
        cmocka_unit_test(test_modes_under_loose_umask),
        T(test_check_dir),
        T(test_create_refuses_existing),
        T(test_device_keys),
        T(test_two_stores_have_different_keys),
        T(test_damaged_keyslots),
        T(test_passwd_leftover),
        T(test_passwd_after_two_cuts),
        cmocka_unit_test(test_init_marker),
        cmocka_unit_test(test_init_syncs_existing_folder),
        T(test_params_and_label),
        cmocka_unit_test(test_resolve),
        cmocka_unit_test(test_init_each_write_fails),
        cmocka_unit_test(test_passwd_faults),
        T(test_open_faults),
    };
    if (vfsfault_install() != 0)
        return 1;
    return cmocka_run_group_tests(tests, setup, teardown);
}
