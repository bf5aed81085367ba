/* Shared by the unit tests: removing a test's temporary folder without a
 * shell (no system("rm -rf ...")), ending a forked child. Header-only. */
#ifndef INTAKE_TESTUTIL_H
#define INTAKE_TESTUTIL_H

#include <ftw.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static int testutil_open_dir(const char *path, const struct stat *st, int type,
                             struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    /* Tests make folders unreadable on purpose; give them back first. */
    if (type == FTW_D || type == FTW_DNR)
        (void)chmod(path, 0700);
    return 0;
}

static int testutil_remove(const char *path, const struct stat *st, int type,
                           struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    return (type == FTW_DP ? rmdir(path) : unlink(path)) == 0 ? 0 : -1;
}

/* Removes dir and everything below it; 0 on success. */
static __attribute__((unused)) int remove_tree(const char *dir)
{
    (void)chmod(dir, 0700);
    if (nftw(dir, testutil_open_dir, 16, FTW_PHYS) != 0)
        return -1;
    return nftw(dir, testutil_remove, 16, FTW_DEPTH | FTW_PHYS);
}

/* Ends a forked child at once (_exit: no atexit handlers, no cmocka
 * output), after writing its coverage counts in a coverage build (make
 * coverage), which _exit alone would lose. */
#ifdef INTAKE_COVERAGE
void __gcov_dump(void);
#endif
static __attribute__((unused, noreturn)) void child_exit(int status)
{
#ifdef INTAKE_COVERAGE
    __gcov_dump();
#endif
    _exit(status);
}

#endif
