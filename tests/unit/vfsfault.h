/* Faults in the store's own file I/O, for the store's unit tests, through
 * SQLite's seam for them (the unix VFS's xSetSystemCall): nothing of it
 * is compiled into intake.
 *
 *   vfsfault_install()            once, before the first store is opened
 *                                 (a group setup): SQLite's open, pread64
 *                                 and pwrite64 go through the wrappers
 *                                 below, and store/db.c's own wrapper of
 *                                 open then sits above them, as above the
 *                                 system
 *   vfsfault_arm(CALL, N, ERRNO, SUFFIX)
 *                                 the Nth call of CALL ("open", "pread64"
 *                                 or "pwrite64") from now on, on a path
 *                                 ending in SUFFIX (open only; NULL: any),
 *                                 does nothing and fails with ERRNO
 *   vfsfault_landed()             1 once the armed fault happened
 *   vfsfault_disarm()             no fault
 * Header-only; one thread. */
#ifndef INTAKE_VFSFAULT_H
#define INTAKE_VFSFAULT_H

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include <errno.h>
#include <string.h>
#include <sys/types.h>

static struct {
    const char *call;            /* armed call, NULL: none */
    unsigned long n, seen;
    int err, landed;
    const char *suffix;
} vfsfault;

typedef int (*vfsfault_open_fn)(const char *, int, int);
typedef ssize_t (*vfsfault_pread_fn)(int, void *, size_t, off_t);
typedef ssize_t (*vfsfault_pwrite_fn)(int, const void *, size_t, off_t);
static sqlite3_syscall_ptr vfsfault_next[3];

static __attribute__((unused)) void vfsfault_arm(const char *call, unsigned long n, int err,
                                                 const char *suffix)
{
    vfsfault.call = call;
    vfsfault.n = n;
    vfsfault.seen = 0;
    vfsfault.err = err;
    vfsfault.landed = 0;
    vfsfault.suffix = suffix;
}

static __attribute__((unused)) void vfsfault_disarm(void)
{
    vfsfault.call = NULL;
}

static __attribute__((unused)) int vfsfault_landed(void)
{
    return vfsfault.landed;
}

/* 1 if this call of call (on path, NULL if unknown) is the one to fail. */
static int vfsfault_hit(const char *call, const char *path)
{
    size_t pl, sl;

    if (vfsfault.call == NULL || strcmp(vfsfault.call, call) != 0)
        return 0;
    if (vfsfault.suffix != NULL) {
        pl = path != NULL ? strlen(path) : 0;
        sl = strlen(vfsfault.suffix);
        if (pl < sl || strcmp(path + pl - sl, vfsfault.suffix) != 0)
            return 0;
    }
    if (++vfsfault.seen != vfsfault.n)
        return 0;
    vfsfault.call = NULL;
    vfsfault.landed = 1;
    errno = vfsfault.err;
    return 1;
}

static int vfsfault_open(const char *path, int flags, int mode)
{
    return vfsfault_hit("open", path) ? -1
        : ((vfsfault_open_fn)vfsfault_next[0])(path, flags, mode);
}

static ssize_t vfsfault_pread(int fd, void *buf, size_t n, off_t at)
{
    return vfsfault_hit("pread64", NULL) ? -1
        : ((vfsfault_pread_fn)vfsfault_next[1])(fd, buf, n, at);
}

static ssize_t vfsfault_pwrite(int fd, const void *buf, size_t n, off_t at)
{
    return vfsfault_hit("pwrite64", NULL) ? -1
        : ((vfsfault_pwrite_fn)vfsfault_next[2])(fd, buf, n, at);
}

/* 0, or -1 if SQLite has no such seam (the tests using it then fail). */
static __attribute__((unused)) int vfsfault_install(void)
{
    static const char *const names[3] = { "open", "pread64", "pwrite64" };
    const sqlite3_syscall_ptr mine[3] = {
        (sqlite3_syscall_ptr)vfsfault_open, (sqlite3_syscall_ptr)vfsfault_pread,
        (sqlite3_syscall_ptr)vfsfault_pwrite,
    };
    sqlite3_vfs *vfs = sqlite3_vfs_find(NULL);

    if (vfs == NULL || vfs->iVersion < 3)
        return -1;
    for (int i = 0; i < 3; i++) {
        if (vfsfault_next[i] != NULL)
            continue;
        vfsfault_next[i] = vfs->xGetSystemCall(vfs, names[i]);
        if (vfsfault_next[i] == NULL || vfs->xSetSystemCall(vfs, names[i], mine[i]) != SQLITE_OK)
            return -1;
    }
    /* Finding the VFS initialised SQLite: shut it down again, so that the
     * store still installs its wiping allocator (SQLite keeps the calls). */
    sqlite3_shutdown();
    return 0;
}

#endif
