/* Faults in the C library's file calls, for unit tests of the code that
 * makes them (util/fileio.c): the test binary defines these calls itself,
 * so that intake's objects linked into it call them first; each passes
 * the call on to the C library (dlsym RTLD_NEXT) unless it is the one
 * armed to fail.  Nothing of it is in intake.  libfiu's POSIX preload
 * does the same from outside, but cannot run beside AddressSanitizer,
 * which interposes the same calls, and the unit tests also run under it.
 *
 *   libcfault_arm(CALL, N, ERRNO, TIMES)
 *       from now on, calls N .. N+TIMES-1 of CALL ("fsync", "write",
 *       "read", "pread", "pwrite", "open", "rename", "renameat2", "link", "linkat",
 *       "mkdtemp", "flock", "fstat", "access", "lstat", "unlink", "unlinkat", "lseek", "opendir",
 *       "rmdir") do nothing and fail with
 *       ERRNO; up to four calls armed at once
 *   libcfault_landed()   how many calls failed since the first arm
 *   libcfault_disarm()   no fault
 *
 * Include it first, in one test file per binary: it turns off
 * _FORTIFY_SOURCE there, whose inline read and open would clash. */
#ifndef INTAKE_LIBCFAULT_H
#define INTAKE_LIBCFAULT_H

#undef _FORTIFY_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define LIBCFAULT_ARMS 4
static struct libcfault_arm {
    const char *call;            /* armed call, NULL: none */
    unsigned long first, times, seen;
    int err;
} libcfault[LIBCFAULT_ARMS];
static int libcfault_count;      /* calls that failed since the first arm */

/* Adds an arm (up to LIBCFAULT_ARMS at once, each its own call). */
static __attribute__((unused)) void libcfault_arm(const char *call, unsigned long n, int err,
                                                  unsigned long times)
{
    int i, armed = 0;

    for (i = 0; i < LIBCFAULT_ARMS; i++)
        armed += libcfault[i].call != NULL;
    if (armed == 0)
        libcfault_count = 0;
    for (i = 0; i < LIBCFAULT_ARMS && libcfault[i].call != NULL; i++)
        ;
    if (i == LIBCFAULT_ARMS)
        abort();
    libcfault[i] = (struct libcfault_arm){ call, n, times, 0, err };
}

static __attribute__((unused)) void libcfault_disarm(void)
{
    memset(libcfault, 0, sizeof libcfault);
}

static __attribute__((unused)) int libcfault_landed(void)
{
    return libcfault_count;
}

/* 1 (errno set) if this call of call is one to fail. */
static int libcfault_hit(const char *call)
{
    for (int i = 0; i < LIBCFAULT_ARMS; i++) {
        struct libcfault_arm *a = &libcfault[i];
        if (a->call == NULL || strcmp(a->call, call) != 0)
            continue;
        a->seen++;
        if (a->seen < a->first || a->seen >= a->first + a->times)
            return 0;
        libcfault_count++;
        errno = a->err;
        return 1;
    }
    return 0;
}

/* The C library's own name: next_NAME, found on first use. */
#define LIBCFAULT_NEXT(name) \
    do { if (next_##name == NULL) *(void **)&next_##name = dlsym(RTLD_NEXT, #name); } while (0)

static int (*next_fsync)(int);
int fsync(int fd)
{
    LIBCFAULT_NEXT(fsync);
    return libcfault_hit("fsync") ? -1 : next_fsync(fd);
}

static ssize_t (*next_write)(int, const void *, size_t);
ssize_t write(int fd, const void *buf, size_t n)
{
    LIBCFAULT_NEXT(write);
    return libcfault_hit("write") ? -1 : next_write(fd, buf, n);
}

static ssize_t (*next_read)(int, void *, size_t);
ssize_t read(int fd, void *buf, size_t n)
{
    LIBCFAULT_NEXT(read);
    return libcfault_hit("read") ? -1 : next_read(fd, buf, n);
}

/* What a fortified read(2) calls when the buffer's size is known (the
 * sanitizer build of util/prompt.c). */
ssize_t __read_chk(int fd, void *buf, size_t n, size_t buflen);
static ssize_t (*next___read_chk)(int, void *, size_t, size_t);
ssize_t __read_chk(int fd, void *buf, size_t n, size_t buflen)
{
    LIBCFAULT_NEXT(__read_chk);
    return libcfault_hit("read") ? -1 : next___read_chk(fd, buf, n, buflen);
}

static ssize_t (*next_pread)(int, void *, size_t, off_t);
ssize_t pread(int fd, void *buf, size_t n, off_t at)
{
    LIBCFAULT_NEXT(pread);
    return libcfault_hit("pread") ? -1 : next_pread(fd, buf, n, at);
}

static ssize_t (*next_pwrite)(int, const void *, size_t, off_t);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t at)
{
    LIBCFAULT_NEXT(pwrite);
    return libcfault_hit("pwrite") ? -1 : next_pwrite(fd, buf, n, at);
}

static int (*next_open)(const char *, int, ...);
int open(const char *path, int flags, ...)
{
    mode_t mode = 0;

    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    LIBCFAULT_NEXT(open);
    return libcfault_hit("open") ? -1 : next_open(path, flags, mode);
}

/* What a fortified open(2) without a mode calls when its flags are not
 * a constant. */
int __open_2(const char *path, int flags);
static int (*next___open_2)(const char *, int);
int __open_2(const char *path, int flags)
{
    LIBCFAULT_NEXT(__open_2);
    return libcfault_hit("open") ? -1 : next___open_2(path, flags);
}

static int (*next_rename)(const char *, const char *);
int rename(const char *from, const char *to)
{
    LIBCFAULT_NEXT(rename);
    return libcfault_hit("rename") ? -1 : next_rename(from, to);
}

static int (*next_renameat2)(int, const char *, int, const char *, unsigned int);
int renameat2(int fd, const char *from, int tofd, const char *to, unsigned int flags)
{
    LIBCFAULT_NEXT(renameat2);
    return libcfault_hit("renameat2") ? -1 : next_renameat2(fd, from, tofd, to, flags);
}

static int (*next_link)(const char *, const char *);
int link(const char *from, const char *to)
{
    LIBCFAULT_NEXT(link);
    return libcfault_hit("link") ? -1 : next_link(from, to);
}

static int (*next_linkat)(int, const char *, int, const char *, int);
int linkat(int fd, const char *from, int tofd, const char *to, int flags)
{
    LIBCFAULT_NEXT(linkat);
    return libcfault_hit("linkat") ? -1 : next_linkat(fd, from, tofd, to, flags);
}

static char *(*next_mkdtemp)(char *);
char *mkdtemp(char *tmpl)
{
    LIBCFAULT_NEXT(mkdtemp);
    return libcfault_hit("mkdtemp") ? NULL : next_mkdtemp(tmpl);
}

static int (*next_flock)(int, int);
int flock(int fd, int op)
{
    LIBCFAULT_NEXT(flock);
    return libcfault_hit("flock") ? -1 : next_flock(fd, op);
}

static int (*next_fstat)(int, struct stat *);
int fstat(int fd, struct stat *st)
{
    LIBCFAULT_NEXT(fstat);
    return libcfault_hit("fstat") ? -1 : next_fstat(fd, st);
}

static int (*next_access)(const char *, int);
int access(const char *path, int mode)
{
    LIBCFAULT_NEXT(access);
    return libcfault_hit("access") ? -1 : next_access(path, mode);
}

static int (*next_lstat)(const char *, struct stat *);
int lstat(const char *path, struct stat *st)
{
    LIBCFAULT_NEXT(lstat);
    return libcfault_hit("lstat") ? -1 : next_lstat(path, st);
}

static int (*next_unlink)(const char *);
int unlink(const char *path)
{
    LIBCFAULT_NEXT(unlink);
    return libcfault_hit("unlink") ? -1 : next_unlink(path);
}

static int (*next_unlinkat)(int, const char *, int);
int unlinkat(int fd, const char *path, int flags)
{
    LIBCFAULT_NEXT(unlinkat);
    return libcfault_hit("unlinkat") ? -1 : next_unlinkat(fd, path, flags);
}

static off_t (*next_lseek)(int, off_t, int);
off_t lseek(int fd, off_t at, int whence)
{
    LIBCFAULT_NEXT(lseek);
    return libcfault_hit("lseek") ? -1 : next_lseek(fd, at, whence);
}

static DIR *(*next_opendir)(const char *);
DIR *opendir(const char *path)
{
    LIBCFAULT_NEXT(opendir);
    return libcfault_hit("opendir") ? NULL : next_opendir(path);
}

static int (*next_rmdir)(const char *);
int rmdir(const char *path)
{
    LIBCFAULT_NEXT(rmdir);
    return libcfault_hit("rmdir") ? -1 : next_rmdir(path);
}

#endif
