/* What the tests that fail each file call in turn share (issue 14:
 * tests/unit/store/test_inject.c, test_unpack_faults.c): the includes and
 * their order, the list of faults (the C library's file calls through
 * libcfault.h, SQLite's own through vfsfault.h), arming one on its Nth
 * call, asking whether it landed, a run's name, and the count of hidden
 * (temporary) entries a failure must not leave in a folder.
 *
 *   FAULT_FILE_CALLS, FAULT_FILE_CALLS_MORE
 *                           the initializer lists of struct fault, every
 *                           file call each with EIO, the writes also with
 *                           ENOSPC: a test's table holds both and may add
 *                           kinds of its own (via FAULT_OWN and up)
 *   fault_arm(F, N)         call N of F's kind fails from now on
 *   fault_landed(F)         1 if it failed; disarms every kind
 *   fault_name(BUF, LEN, WHAT, F, N)
 *                           "WHAT, SQLite's pwrite64 3 failing (Input/output error)"
 *   fault_hidden_entries(D) entries of folder D named with FILEIO_TMP_PREFIX
 *   fault_main(TESTS, SETUP, TEARDOWN)
 *                           SQLite's system calls made faultable, then the group
 *
 * Include it first, in place of libcfault.h (which must come before the
 * C library's headers), in one test file per binary. */
#ifndef INTAKE_FAULTRUN_H
#define INTAKE_FAULTRUN_H

#include "tests/unit/libcfault.h"
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"
#include "tests/unit/vfsfault.h"

#include "util/fileio.h"

/* Where a fault comes from: LIBC, VFS here; a test's own from FAULT_OWN. */
enum fault_via { LIBC, VFS, FAULT_OWN };

struct fault {
    int via;                     /* enum fault_via, or a test's own kind */
    const char *call;
    int err;
};

/* The kinds both tests run, in the order the injector's sample counts
 * them (test_inject.c: one kind in INJECT_SAMPLE per entry point). */
#define FAULT_FILE_CALLS                                                                   \
    { LIBC, "open", EIO }, { LIBC, "read", EIO }, { LIBC, "write", EIO },                  \
    { LIBC, "write", ENOSPC }, { LIBC, "fsync", EIO }, { LIBC, "fstat", EIO },             \
    { LIBC, "lstat", EIO }, { LIBC, "access", EIO }, { LIBC, "rename", EIO },              \
    { LIBC, "renameat2", EIO }, { LIBC, "link", EIO }, { LIBC, "linkat", EIO },            \
    { LIBC, "unlink", EIO }, { LIBC, "flock", EIO }, { LIBC, "mkdtemp", EIO },             \
    { LIBC, "pread", EIO }, { LIBC, "pwrite", EIO }, { LIBC, "lseek", EIO },               \
    { LIBC, "opendir", EIO }, { LIBC, "rmdir", EIO },                                      \
    { VFS, "open", EIO }, { VFS, "pread64", EIO }, { VFS, "pwrite64", EIO },               \
    { VFS, "pwrite64", ENOSPC }

/* Kinds added after the sample's order was set: a table puts them after
 * its own kinds, so that the sample keeps the kinds it had. */
#define FAULT_FILE_CALLS_MORE { LIBC, "unlinkat", EIO }, { LIBC, "mkdtemp", ENOSPC }

/* Arms call n of f (LIBC or VFS; a test's own kinds it arms itself). */
static __attribute__((unused)) void fault_arm(const struct fault *f, unsigned long n)
{
    if (f->via == LIBC)
        libcfault_arm(f->call, n, f->err, 1);
    else if (f->via == VFS)
        vfsfault_arm(f->call, n, f->err, NULL);
}

/* 1 if f (LIBC or VFS) failed a call since it was armed; disarms both. */
static __attribute__((unused)) int fault_landed(const struct fault *f)
{
    int l = f->via == LIBC ? libcfault_landed() > 0 : f->via == VFS ? vfsfault_landed() : 0;

    libcfault_disarm();
    libcfault_count = 0;
    vfsfault_disarm();
    return l;
}

/* A run's name for its messages, into out (len bytes, truncated). */
static __attribute__((unused)) void fault_name(char *out, size_t len, const char *what,
                                               const struct fault *f, unsigned long n)
{
    snprintf(out, len, "%s, %s%s %lu failing (%s)", what, f->via == VFS ? "SQLite's " : "",
             f->call, n, strerror(f->err));
}

/* Entries of folder d whose names start with the temporary prefix. */
static __attribute__((unused)) int fault_hidden_entries(const char *d)
{
    DIR *dp = opendir(d);
    struct dirent *de;
    int n = 0;

    assert_non_null(dp);
    while ((de = readdir(dp)) != NULL)
        n += strncmp(de->d_name, FILEIO_TMP_PREFIX, strlen(FILEIO_TMP_PREFIX)) == 0;
    closedir(dp);
    return n;
}

/* SQLite's system calls made faultable, then the tests: main's status. */
#define fault_main(tests, setup, teardown)                                                  \
    (vfsfault_install() != 0 ? 1 : cmocka_run_group_tests(tests, setup, teardown))

#endif
