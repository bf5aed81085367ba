/* util/fileio: atomic writes never leave a partial or overwritten file. */
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
#include <dirent.h>
#include <sodium.h>

#include "util/fileio.h"

static char dir[] = "/tmp/intake-test-XXXXXX";

static int count_entries(const char *d)
{
    DIR *dp = opendir(d);
    struct dirent *de;
    int n = 0;

    assert_non_null(dp);
    while ((de = readdir(dp)) != NULL)
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
            n++;
    closedir(dp);
    return n;
}

static void test_write_then_read(void **state)
{
    char path[256];
    struct err e;
    unsigned char *buf;
    size_t len;
    struct stat st;

    (void)state;
    snprintf(path, sizeof path, "%s/a", dir);
    assert_int_equal(file_write_atomic(path, "hello", 5, 0, &e), 0);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(file_read_all(path, 100, &buf, &len, "file", &e), 0);
    assert_int_equal(len, 5);
    assert_memory_equal(buf, "hello", 5);
    free(buf);
    assert_int_equal(count_entries(dir), 1);
}

static void test_never_overwrites(void **state)
{
    char path[256];
    struct err e;
    unsigned char *buf;
    size_t len;

    (void)state;
    snprintf(path, sizeof path, "%s/a", dir);
    assert_int_equal(file_write_atomic(path, "other", 5, 0, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "already exists"));
    assert_int_equal(file_read_all(path, 100, &buf, &len, "file", &e), 0);
    assert_memory_equal(buf, "hello", 5);
    free(buf);
    assert_int_equal(file_write_atomic(path, "new", 3, 1, &e), 0);
    assert_int_equal(count_entries(dir), 1);
}

static void test_abort_leaves_nothing(void **state)
{
    char path[256];
    struct atomic_file af;
    struct err e;

    (void)state;
    snprintf(path, sizeof path, "%s/b", dir);
    assert_int_equal(atomic_open(&af, path, 0, &e), 0);
    assert_int_equal(atomic_write(&af, "x", 1, &e), 0);
    atomic_abort(&af);
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(count_entries(dir), 1);
}

static void test_enospc_is_reported(void **state)
{
    struct atomic_file af;
    struct err e;

    (void)state;
    /* /dev/full as the descriptor: every write fails with ENOSPC. */
    af.fd = open("/dev/full", O_WRONLY);
    assert_true(af.fd >= 0);
    snprintf(af.path, sizeof af.path, "full");
    af.tmp[0] = '\0';
    assert_int_equal(atomic_write(&af, "x", 1, &e), -1);
    assert_non_null(strstr(e.msg, "No space left"));
    atomic_abort(&af);
}

static void test_read_limits(void **state)
{
    char path[256];
    struct err e;
    unsigned char *buf;
    size_t len;

    (void)state;
    snprintf(path, sizeof path, "%s/a", dir);
    assert_int_equal(file_read_all(path, 2, &buf, &len, "file", &e), -1);
    assert_non_null(strstr(e.msg, "too large"));
    assert_int_equal(file_read_all(dir, 100, &buf, &len, "file", &e), -1);
    assert_non_null(strstr(e.msg, "not a regular file"));
    snprintf(path, sizeof path, "%s/missing", dir);
    assert_int_equal(file_read_all(path, 100, &buf, &len, "file", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
}

static int setup(void **state)
{
    (void)state;
    if (sodium_init() < 0 || mkdtemp(dir) == NULL)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return remove_tree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_then_read),
        cmocka_unit_test(test_never_overwrites),
        cmocka_unit_test(test_abort_leaves_nothing),
        cmocka_unit_test(test_enospc_is_reported),
        cmocka_unit_test(test_read_limits),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
