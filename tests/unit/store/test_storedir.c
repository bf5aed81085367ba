/* store/open.c: the store folder and its files before anything is opened
 * (issue 14: every error return of store/ reached).  Where the folder comes
 * from when no --home, INTAKE_HOME, XDG_DATA_HOME or HOME says; a folder
 * given as a link, this user's (followed once), another user's or one to
 * nothing (refused); a link, a folder, another user's file where a store
 * file should be; a file where the store folder should be; a store folder
 * that cannot be made.  Each with its exact message and exit status 2.
 * The cases of another user need root (chown); CI runs as root. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#define OTHER_UID 4242           /* a user the test is not */

static void expect_msg(const struct err *e, const char *want)
{
    assert_int_equal(e->code, EXIT_INPUT);
    assert_string_equal(e->msg, want);
}

/* Nothing names the store folder: said, with how to name one. */
static void test_resolve_nothing_set(void **state)
{
    char out[4200], *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    struct err e;

    (void)state;
    unsetenv("INTAKE_HOME");
    unsetenv("XDG_DATA_HOME");
    unsetenv("HOME");
    err_clear(&e);
    assert_int_equal(store_dir_resolve(out, sizeof out, NULL, &e), -1);
    expect_msg(&e, "no store folder: set --home DIR or INTAKE_HOME");
    /* A relative HOME or XDG_DATA_HOME is no answer either; --home '' neither. */
    setenv("HOME", "relative/home", 1);
    setenv("XDG_DATA_HOME", "relative/xdg", 1);
    err_clear(&e);
    assert_int_equal(store_dir_resolve(out, sizeof out, "", &e), -1);
    expect_msg(&e, "no store folder: set --home DIR or INTAKE_HOME");
    /* An empty INTAKE_HOME is a mistake, not "the default" (adv26b E-8). */
    setenv("INTAKE_HOME", "", 1);
    err_clear(&e);
    assert_int_equal(store_dir_resolve(out, sizeof out, "", &e), -1);
    expect_msg(&e, "INTAKE_HOME is set but empty: give it a folder, or unset it");
    unsetenv("INTAKE_HOME");
    unsetenv("XDG_DATA_HOME");
    if (home != NULL)
        setenv("HOME", home, 1);
    free(home);
}

/* --home given as a link: this user's is followed to the real folder,
 * one to nothing and another user's are refused. */
static void test_resolve_links(void **state)
{
    struct fixture *f = *state;
    char link[300], out[4200], want[900], real[PATH_MAX];
    struct err e;

    snprintf(link, sizeof link, "%s.link", f->dir);
    assert_int_equal(symlink(f->dir, link), 0);
    assert_int_equal(store_dir_resolve(out, sizeof out, link, &e), 0);
    assert_non_null(realpath(f->dir, real));
    assert_string_equal(out, real);
    assert_int_equal(store_check_dir(out, &e), 0);

    /* A link to nothing. */
    assert_int_equal(unlink(link), 0);
    snprintf(want, sizeof want, "%s/nowhere", root);
    assert_int_equal(symlink(want, link), 0);
    err_clear(&e);
    assert_int_equal(store_dir_resolve(out, sizeof out, link, &e), -1);
    snprintf(want, sizeof want, "%s is a symbolic link to nothing usable: %s", link,
             strerror(ENOENT));
    expect_msg(&e, want);

    /* Someone else's link: refused, not followed. */
    assert_int_equal(unlink(link), 0);
    assert_int_equal(symlink(f->dir, link), 0);
    if (geteuid() == 0) {
        assert_int_equal(lchown(link, OTHER_UID, OTHER_UID), 0);
        err_clear(&e);
        assert_int_equal(store_dir_resolve(out, sizeof out, link, &e), -1);
        snprintf(want, sizeof want,
                 "%s is a symbolic link owned by another user; refusing to follow it", link);
        expect_msg(&e, want);
    }
    assert_int_equal(unlink(link), 0);
}

/* A link given straight to store_check_dir (not through resolve) is
 * refused as one, with what to give instead. */
static void test_check_dir_link(void **state)
{
    struct fixture *f = *state;
    char link[300], want[900];
    struct err e;

    snprintf(link, sizeof link, "%s.link", f->dir);
    assert_int_equal(symlink(f->dir, link), 0);
    err_clear(&e);
    assert_int_equal(store_check_dir(link, &e), -1);
    snprintf(want, sizeof want, "%s is a symbolic link; give the store folder's own path with "
             "--home", link);
    expect_msg(&e, want);
    assert_int_equal(unlink(link), 0);
}

/* A file where the store folder should be. */
static void test_check_dir_file(void **state)
{
    char path[300], want[600];
    struct err e;
    int fd;

    (void)state;
    snprintf(path, sizeof path, "%s/plain%d", root, serial++);
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    close(fd);
    err_clear(&e);
    assert_int_equal(store_check_dir(path, &e), -1);
    snprintf(want, sizeof want, "%s is not a folder", path);
    expect_msg(&e, want);
    /* ... and init cannot make a store folder below it. */
    {
        struct store_params p = { "field kit", "ko", OPS, MEM };
        unsigned char recovery[RECOVERY_KEY_BYTES];
        char below[400];

        snprintf(below, sizeof below, "%s/store", path);
        recovery_key_new(recovery);
        err_clear(&e);
        assert_int_equal(store_create(below, &p, pass, strlen(pass), recovery, &e), -1);
        snprintf(want, sizeof want, "cannot create the store folder %s: %s", below,
                 strerror(ENOTDIR));
        expect_msg(&e, want);
    }
    assert_int_equal(unlink(path), 0);
}

/* The store's own files: a link, a folder, another user's file. */
static void test_check_dir_files(void **state)
{
    struct fixture *f = *state;
    char ks[400], moved[420], want[900];
    struct err e;

    path_in(ks, sizeof ks, f->dir, STORE_KEYSLOTS_NAME);
    snprintf(moved, sizeof moved, "%s.real", ks);
    assert_int_equal(rename(ks, moved), 0);

    /* A link to the real keyslot file, inside the store. */
    assert_int_equal(symlink(moved, ks), 0);
    err_clear(&e);
    assert_int_equal(store_check_dir(f->dir, &e), -1);
    snprintf(want, sizeof want, "%s is a symbolic link; intake does not follow links inside "
             "a store: put the file itself there", ks);
    expect_msg(&e, want);
    assert_int_equal(unlink(ks), 0);

    /* A folder in its place. */
    assert_int_equal(mkdir(ks, 0700), 0);
    err_clear(&e);
    assert_int_equal(store_check_dir(f->dir, &e), -1);
    snprintf(want, sizeof want, "%s is not a regular file", ks);
    expect_msg(&e, want);
    assert_int_equal(rmdir(ks), 0);

    assert_int_equal(rename(moved, ks), 0);
    assert_int_equal(store_check_dir(f->dir, &e), 0);

    /* Another user's file, and another user's folder. */
    if (geteuid() == 0) {
        assert_int_equal(chown(ks, OTHER_UID, OTHER_UID), 0);
        err_clear(&e);
        assert_int_equal(store_check_dir(f->dir, &e), -1);
        snprintf(want, sizeof want, "%s belongs to another user; refusing to use it", ks);
        expect_msg(&e, want);
        assert_int_equal(chown(ks, geteuid(), getegid()), 0);
        assert_int_equal(chown(f->dir, OTHER_UID, OTHER_UID), 0);
        err_clear(&e);
        assert_int_equal(store_check_dir(f->dir, &e), -1);
        snprintf(want, sizeof want, "%s belongs to another user; refusing to use it", f->dir);
        expect_msg(&e, want);
        assert_int_equal(chown(f->dir, geteuid(), getegid()), 0);
    }
    assert_int_equal(store_check_dir(f->dir, &e), 0);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resolve_nothing_set),
        T(test_resolve_links),
        T(test_check_dir_link),
        cmocka_unit_test(test_check_dir_file),
        T(test_check_dir_files),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
