/* util/fsinfo: which folders live on a file system erased at shutdown.
 * ramfs and overlays need root to mount: tests/cli/tmpfs.bats has them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <linux/magic.h>
#include <stdio.h>
#include <string.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "util/fsinfo.h"

static int on_tmpfs(const char *path)
{
    struct statfs sf;

    return statfs(path, &sf) == 0 && (unsigned long)sf.f_type == TMPFS_MAGIC;
}

/* /dev/shm is a tmpfs on Linux systems; so is whatever lies below it. */
static void test_tmpfs_and_below(void **state)
{
    (void)state;
    if (!on_tmpfs("/dev/shm"))
        skip();
    assert_string_equal(fs_volatile_kind("/dev/shm"), "tmpfs");
    /* A store folder that does not exist yet: its nearest existing parent. */
    assert_string_equal(fs_volatile_kind("/dev/shm/no/such/folder/intake"), "tmpfs");
    assert_string_equal(fs_volatile_kind("/dev/shm/./no/../x/"), "tmpfs");
}

/* The folder the tests run in (the source tree) is on a disk. */
static void test_disk_is_not_volatile(void **state)
{
    char cwd[4096], path[4200];

    (void)state;
    if (on_tmpfs("."))
        skip();
    assert_null(fs_volatile_kind("."));
    assert_null(fs_volatile_kind("no-such-folder/intake"));
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(path, sizeof path, "%s/no/such/folder", cwd);
    assert_null(fs_volatile_kind(path));
}

/* /proc is neither a disk nor memory the store could use: not "volatile". */
static void test_other_file_systems(void **state)
{
    (void)state;
    assert_null(fs_volatile_kind("/proc/self"));
    assert_null(fs_volatile_kind(""));
}

/* A path the system cannot resolve: a name longer than a folder entry
 * may be (ENAMETOOLONG, not ENOENT: no parent is tried), or a path past
 * PATH_MAX.  Neither is called volatile; /dev/shm above them is not asked. */
static void test_unresolvable(void **state)
{
    char path[5000];

    (void)state;
    snprintf(path, sizeof path, "/dev/shm/%0300d/intake", 0);
    assert_null(fs_volatile_kind(path));
    memset(path, 'a', sizeof path - 1);
    memcpy(path, "/dev/shm/", 9);
    path[sizeof path - 1] = '\0';
    assert_null(fs_volatile_kind(path));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tmpfs_and_below),
        cmocka_unit_test(test_disk_is_not_volatile),
        cmocka_unit_test(test_other_file_systems),
        cmocka_unit_test(test_unresolvable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
