/* Test shim (LD_PRELOAD) for the reliability suite (tests/reliability):
 * I/O faults and power cuts inside intake, on the files and folders below
 * the folder $INTAKE_FAULT_ROOT only (the test's own folder: standard
 * output, /dev and /proc are never touched).
 *
 *   INTAKE_FAULT=count      counts the calls below by class; at exit writes
 *                           "count write=W sync=S name=N" to the log
 *   INTAKE_FAULT=fail:CLASS:N[:ERRNO]
 *                           the Nth call of CLASS does nothing and fails
 *                           with ERRNO (a number, EIO when left out); the
 *                           log gets "fail CLASS N CALL PATH"
 *   INTAKE_FAULT=cut:N      a power cut just before the Nth call of any
 *                           class, or at exit if there are fewer: every
 *                           file goes back to what it held at its last
 *                           fsync or fdatasync, every name made, moved or
 *                           removed in a folder since that folder's last
 *                           fsync is undone, and the process dies by
 *                           SIGKILL (at exit it keeps its exit status);
 *                           the log gets "cut N CALL PATH" or "cut exit",
 *                           and what was undone
 * With $INTAKE_FAULT_THEN_CUT set, count and fail: end with the cut at
 * exit too (a failed fsync synced nothing: what a success then reports
 * must not depend on it).  The log is the file $INTAKE_FAULT_LOG
 * (appended to), if set.
 *
 * Classes: write (write, pwrite, writev, pwritev, ftruncate, fallocate),
 * sync (fsync, fdatasync), name (open that creates a file, mkdir,
 * mkdtemp, rename, link, unlink, rmdir and their *at forms).
 *
 * The cut is the worst a POSIX file system allows: nothing that was not
 * synced survives (ext4 and others often keep more, never less).  What
 * this process alone wrote is undone; a file is taken as synced when this
 * process first touches it.  SQLite's -shm file is left alone: it holds
 * no data and SQLite rebuilds it after a crash.  Not thread-safe beyond a
 * mutex around the bookkeeping; intake writes from one thread. */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

enum { C_WRITE, C_SYNC, C_NAME, C_N };
static const char *const class_names[C_N] = { "write", "sync", "name" };

enum { M_OFF, M_COUNT, M_FAIL, M_CUT };

static struct {
    int mode, fail_class, fail_errno;
    unsigned long target;          /* N of fail: or cut: */
    unsigned long count[C_N], total;
    char root[PATH_MAX];
    size_t rootlen;
    char log[PATH_MAX];
    int ready, cutting, then_cut;
} g;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

/* ---- the real functions ---- */

#define REAL(ret, name, ...)                                            \
    static ret (*real_##name)(__VA_ARGS__);                             \
    static void load_##name(void)                                       \
    {                                                                   \
        if (real_##name == NULL)                                        \
            *(void **)&real_##name = dlsym(RTLD_NEXT, #name);           \
    }

REAL(int, open, const char *, int, ...)
REAL(int, openat, int, const char *, int, ...)
REAL(ssize_t, write, int, const void *, size_t)
REAL(ssize_t, pwrite, int, const void *, size_t, off_t)
REAL(ssize_t, pwrite64, int, const void *, size_t, off_t)
REAL(ssize_t, writev, int, const struct iovec *, int)
REAL(ssize_t, pwritev, int, const struct iovec *, int, off_t)
REAL(int, ftruncate, int, off_t)
REAL(int, ftruncate64, int, off_t)
REAL(int, fallocate, int, int, off_t, off_t)
REAL(int, fsync, int)
REAL(int, fdatasync, int)
REAL(int, renameat, int, const char *, int, const char *)
REAL(int, renameat2, int, const char *, int, const char *, unsigned)
REAL(int, linkat, int, const char *, int, const char *, int)
REAL(int, unlinkat, int, const char *, int)
REAL(int, mkdirat, int, const char *, mode_t)
REAL(char *, mkdtemp, char *)

/* ---- the log ---- */

static void logf_(const char *fmt, ...)
{
    char line[2 * PATH_MAX];
    va_list ap;
    int fd, n;

    if (g.log[0] == '\0')
        return;
    va_start(ap, fmt);
    n = vsnprintf(line, sizeof line - 1, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n > sizeof line - 2)
        n = (int)sizeof line - 2;
    line[n++] = '\n';
    load_open();
    load_write();
    fd = real_open(g.log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0) {
        (void)!real_write(fd, line, (size_t)n);
        close(fd);
    }
}

/* A path below the root, for the log. */
static const char *short_path(const char *p)
{
    if (strncmp(p, g.root, g.rootlen) == 0 && p[g.rootlen] == '/')
        return p + g.rootlen + 1;
    return p;
}

/* ---- setup ---- */

static void setup(void)
{
    const char *mode = getenv("INTAKE_FAULT"), *root = getenv("INTAKE_FAULT_ROOT");
    const char *log = getenv("INTAKE_FAULT_LOG");

    if (g.ready)
        return;
    g.ready = 1;
    if (mode == NULL || root == NULL || realpath(root, g.root) == NULL)
        return;
    g.rootlen = strlen(g.root);
    if (log != NULL)
        snprintf(g.log, sizeof g.log, "%s", log);
    g.fail_errno = EIO;
    g.then_cut = getenv("INTAKE_FAULT_THEN_CUT") != NULL;
    if (strcmp(mode, "count") == 0) {
        g.mode = M_COUNT;
    } else if (strncmp(mode, "cut:", 4) == 0) {
        g.mode = M_CUT;
        g.target = strtoul(mode + 4, NULL, 10);
    } else if (strncmp(mode, "fail:", 5) == 0) {
        char cls[16];
        unsigned long n;
        int err = EIO;
        if (sscanf(mode + 5, "%15[a-z]:%lu:%d", cls, &n, &err) >= 2) {
            for (int c = 0; c < C_N; c++)
                if (strcmp(cls, class_names[c]) == 0)
                    g.fail_class = c, g.mode = M_FAIL;
            g.target = n;
            g.fail_errno = err;
        }
    }
    if (g.mode == M_OFF)
        logf_("bad INTAKE_FAULT '%s'", mode);
}

static int under_root(const char *p)
{
    return g.rootlen > 0 && strncmp(p, g.root, g.rootlen) == 0 &&
           (p[g.rootlen] == '/' || p[g.rootlen] == '\0');
}

static int ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

/* ---- files: what each held at its last sync ---- */

struct undo {
    off_t off;
    size_t len;
    unsigned char *data;
};

struct file {
    dev_t dev;
    ino_t ino;
    int tracked, dir;
    int keep;                 /* O_RDWR on the inode, to put it back */
    off_t synced;             /* its size at the last sync */
    struct undo *undo;        /* old bytes below synced, oldest first */
    size_t nundo, capundo;
    char name[PATH_MAX];
};

#define MAX_FILES 512
static struct file files[MAX_FILES];
static size_t nfiles;

static void forget_undo(struct file *f)
{
    for (size_t i = 0; i < f->nundo; i++)
        free(f->undo[i].data);
    f->nundo = 0;
}

static struct file *find(dev_t dev, ino_t ino)
{
    for (size_t i = 0; i < nfiles; i++)
        if (files[i].dev == dev && files[i].ino == ino)
            return &files[i];
    return NULL;
}

static void fd_path(char *out, size_t outlen, int fd)
{
    char proc[64];
    ssize_t n;

    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    n = readlink(proc, out, outlen - 1);
    out[n > 0 ? n : 0] = '\0';
}

/* The entry of what fd is, if it is a file or folder below the root;
 * fresh: it was just made, so nothing of it is synced. */
static struct file *file_of(int fd, int fresh)
{
    struct stat st;
    struct file *f;

    if (g.mode == M_OFF || fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)))
        return NULL;
    f = find(st.st_dev, st.st_ino);
    if (f != NULL && fresh) {
        forget_undo(f);
        f->synced = 0;
    }
    if (f == NULL) {
        if (nfiles == MAX_FILES)
            return NULL;
        f = &files[nfiles++];
        memset(f, 0, sizeof *f);
        f->dev = st.st_dev;
        f->ino = st.st_ino;
        f->keep = -1;
        f->dir = S_ISDIR(st.st_mode);
        f->synced = fresh ? 0 : st.st_size;
        fd_path(f->name, sizeof f->name, fd);
        f->tracked = under_root(f->name) && !ends_with(f->name, "-shm");
    }
    return f->tracked ? f : NULL;
}

static void save(struct file *f, int fd, off_t off, off_t end)
{
    struct undo *u;
    char proc[64];

    if (end > f->synced)
        end = f->synced;
    if (off >= end)
        return;
    if (f->keep < 0) {
        snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
        load_open();
        f->keep = real_open(proc, O_RDWR | O_CLOEXEC);
        if (f->keep < 0) {
            logf_("cannot keep %s: %s", short_path(f->name), strerror(errno));
            return;
        }
    }
    if (f->nundo == f->capundo) {
        size_t cap = f->capundo ? 2 * f->capundo : 16;
        struct undo *n = realloc(f->undo, cap * sizeof *n);
        if (n == NULL)
            return;
        f->undo = n;
        f->capundo = cap;
    }
    u = &f->undo[f->nundo];
    u->off = off;
    u->len = (size_t)(end - off);
    u->data = malloc(u->len);
    if (u->data == NULL || pread(f->keep, u->data, u->len, off) != (ssize_t)u->len) {
        free(u->data);
        return;
    }
    f->nundo++;
}

/* A file's size may only grow back to synced; keep is needed for that too. */
static void keep_open(struct file *f, int fd)
{
    char proc[64];

    if (f->keep >= 0)
        return;
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    load_open();
    f->keep = real_open(proc, O_RDWR | O_CLOEXEC);
}

static void put_back(struct file *f)
{
    struct stat st;

    if (f->dir || f->keep < 0 || fstat(f->keep, &st) != 0)
        return;
    if (st.st_size == f->synced && f->nundo == 0)
        return;
    load_ftruncate();
    load_pwrite();
    (void)real_ftruncate(f->keep, f->synced);
    for (size_t i = f->nundo; i-- > 0;)
        (void)!real_pwrite(f->keep, f->undo[i].data, f->undo[i].len, f->undo[i].off);
    logf_("  data of %s back to %lld bytes (%zu writes undone)", short_path(f->name),
          (long long)f->synced, f->nundo);
}

/* ---- names: what each folder held at its last sync ---- */

enum { N_CREATE, N_MKDIR, N_RENAME, N_UNLINK };
static const char *const op_names[] = { "create", "mkdir", "rename", "unlink" };

struct nameop {
    int kind;
    int dir1, dir2;            /* O_PATH on the folders, so the undo follows
                                * them if they are renamed later */
    struct stat st1, st2;      /* their identities */
    int synced1, synced2;
    char name1[NAME_MAX + 1], name2[NAME_MAX + 1];
    int content;               /* what unlink or rename removed, readable */
    mode_t mode;
    int was_dir;
    char shown[PATH_MAX];
};

#define MAX_OPS 4096
static struct nameop ops[MAX_OPS];
static size_t nops;

/* The folder holding path (relative to dirfd) as an O_PATH descriptor and
 * the last component; -1 if it is not below the root. */
static int split(int dirfd, const char *path, char *name, char *shown, struct stat *st)
{
    char full[2 * PATH_MAX], parent[2 * PATH_MAX], real[PATH_MAX];
    const char *slash;
    int fd;

    if (path[0] == '/') {
        snprintf(full, sizeof full, "%s", path);
    } else {
        char base[PATH_MAX];
        if (dirfd == AT_FDCWD) {
            if (getcwd(base, sizeof base) == NULL)
                return -1;
        } else {
            fd_path(base, sizeof base, dirfd);
        }
        snprintf(full, sizeof full, "%s/%s", base, path);
    }
    while (ends_with(full, "/") && strlen(full) > 1)
        full[strlen(full) - 1] = '\0';
    slash = strrchr(full, '/');
    if (slash == NULL || strlen(slash + 1) > NAME_MAX)
        return -1;
    snprintf(name, NAME_MAX + 1, "%s", slash + 1);
    snprintf(parent, sizeof parent, "%.*s", (int)(slash - full), full);
    if (parent[0] == '\0')
        snprintf(parent, sizeof parent, "/");
    if (realpath(parent, real) == NULL || !under_root(real) || ends_with(name, "-shm") ||
        strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        return -1;
    if (snprintf(shown, PATH_MAX, "%s/%s", real, name) >= PATH_MAX)
        return -1;
    load_open();
    fd = real_open(real, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0 && fstat(fd, st) != 0) {
        close(fd);
        fd = -1;
    }
    return fd;
}

static struct nameop *new_op(int kind)
{
    struct nameop *o;

    if (nops == MAX_OPS)
        return NULL;
    o = &ops[nops++];
    memset(o, 0, sizeof *o);
    o->kind = kind;
    o->dir1 = o->dir2 = o->content = -1;
    return o;
}

static void drop_op(void)
{
    struct nameop *o = &ops[--nops];

    if (o->dir1 >= 0)
        close(o->dir1);
    if (o->dir2 >= 0)
        close(o->dir2);
    if (o->content >= 0)
        close(o->content);
}

/* Keeps what (dirfd, name) is now, before it is removed or replaced. */
static void keep_content(struct nameop *o, int dirfd, const char *name)
{
    struct stat st;

    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return;
    o->mode = st.st_mode & 07777;
    o->was_dir = S_ISDIR(st.st_mode);
    if (S_ISREG(st.st_mode)) {
        load_openat();
        o->content = real_openat(dirfd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    }
}

static int same(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

static void synced_folder(const struct stat *dir)
{
    for (size_t i = 0; i < nops; i++) {
        if (ops[i].dir1 >= 0 && same(&ops[i].st1, dir))
            ops[i].synced1 = 1;
        if (ops[i].dir2 >= 0 && same(&ops[i].st2, dir))
            ops[i].synced2 = 1;
    }
}

static int durable(const struct nameop *o)
{
    return o->synced1 && (o->dir2 < 0 || o->synced2);
}

static void remove_tree(int at, const char *name)
{
    int fd;
    DIR *d;
    struct dirent *de;

    load_unlinkat();
    if (real_unlinkat(at, name, 0) == 0 || errno != EISDIR)
        return;
    load_openat();
    fd = real_openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0 && (d = fdopendir(fd)) != NULL) {
        while ((de = readdir(d)) != NULL)
            if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
                remove_tree(dirfd(d), de->d_name);
        closedir(d);
    } else if (fd >= 0) {
        close(fd);
    }
    (void)real_unlinkat(at, name, AT_REMOVEDIR);
}

/* Puts the content kept in o back under (dirfd, name). */
static void recreate(const struct nameop *o, int dirfd, const char *name)
{
    unsigned char buf[65536];
    ssize_t n;
    off_t at = 0;
    int fd;

    if (o->was_dir) {
        load_mkdirat();
        (void)real_mkdirat(dirfd, name, o->mode);
        return;
    }
    if (o->content < 0)
        return;
    load_openat();
    load_write();
    fd = real_openat(dirfd, name, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, o->mode);
    if (fd < 0)
        return;
    while ((n = pread(o->content, buf, sizeof buf, at)) > 0) {
        (void)!real_write(fd, buf, (size_t)n);
        at += n;
    }
    close(fd);
}

static void undo_op(const struct nameop *o)
{
    load_unlinkat();
    load_renameat();
    switch (o->kind) {
    case N_CREATE:
        (void)real_unlinkat(o->dir1, o->name1, 0);
        break;
    case N_MKDIR:
        remove_tree(o->dir1, o->name1);
        break;
    case N_RENAME:
        (void)real_renameat(o->dir2, o->name2, o->dir1, o->name1);
        if (o->content >= 0 || o->was_dir)
            recreate(o, o->dir2, o->name2);
        break;
    case N_UNLINK:
        recreate(o, o->dir1, o->name1);
        break;
    }
    logf_("  %s of %s undone", op_names[o->kind], short_path(o->shown));
}

/* ---- events ---- */

static void cut(const char *how)
{
    size_t files_back = 0, names_back = 0;

    g.cutting = 1;
    logf_("cut %s", how);
    for (size_t i = 0; i < nfiles; i++)
        if (files[i].tracked && !files[i].dir) {
            put_back(&files[i]);
            files_back++;
        }
    for (size_t i = nops; i-- > 0;)
        if (!durable(&ops[i])) {
            undo_op(&ops[i]);
            names_back++;
        }
    (void)files_back;
    (void)names_back;
}

/* Called before each call of class c on a path below the root: 1 if it
 * is to fail (errno is set), 0 to go ahead. */
static int event(int c, const char *call, const char *path)
{
    char how[PATH_MAX + 64];

    if (g.cutting)
        return 0;
    g.count[c]++;
    g.total++;
    if (g.mode == M_FAIL && c == g.fail_class && g.count[c] == g.target) {
        logf_("fail %s %lu %s %s", class_names[c], g.target, call, short_path(path));
        errno = g.fail_errno;
        return 1;
    }
    if (g.mode == M_CUT && g.total == g.target) {
        snprintf(how, sizeof how, "%lu %s %s", g.target, call, short_path(path));
        cut(how);
        kill(getpid(), SIGKILL);
    }
    return 0;
}

__attribute__((destructor)) static void at_exit(void)
{
    pthread_mutex_lock(&mu);
    setup();
    if (g.mode == M_COUNT)
        logf_("count write=%lu sync=%lu name=%lu", g.count[C_WRITE], g.count[C_SYNC],
              g.count[C_NAME]);
    if (g.mode != M_OFF && (g.mode == M_CUT || g.then_cut) && !g.cutting)
        cut("exit");
    pthread_mutex_unlock(&mu);
}

#define ENTER() do { pthread_mutex_lock(&mu); setup(); } while (0)
#define LEAVE() pthread_mutex_unlock(&mu)

/* ---- data calls ---- */

/* Before n bytes are written at off (-1: at the file position) of fd;
 * n TO_END: fd is cut to off bytes (what lies beyond is kept). */
#define TO_END ((size_t)-1)
static int before_write(int fd, off_t off, size_t n, const char *call)
{
    struct file *f;
    struct stat now;
    int fail = 0;

    ENTER();
    f = file_of(fd, 0);
    if (f != NULL && !f->dir) {
        fail = event(C_WRITE, call, f->name);
        if (!fail) {
            if (off < 0) {
                int fl = fcntl(fd, F_GETFL);
                struct stat st;
                off = (fl >= 0 && (fl & O_APPEND) && fstat(fd, &st) == 0)
                      ? st.st_size : lseek(fd, 0, SEEK_CUR);
            }
            keep_open(f, fd);
            if (n == TO_END && fstat(fd, &now) == 0)
                save(f, fd, off, now.st_size);
            else if (n != TO_END && off >= 0)
                save(f, fd, off, off + (off_t)n);
        }
    }
    LEAVE();
    return fail;
}

static size_t iov_len(const struct iovec *v, int n)
{
    size_t t = 0;
    for (int i = 0; i < n; i++)
        t += v[i].iov_len;
    return t;
}

ssize_t write(int fd, const void *buf, size_t n)
{
    load_write();
    if (before_write(fd, -1, n, "write"))
        return -1;
    return real_write(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    load_pwrite();
    if (before_write(fd, off, n, "pwrite"))
        return -1;
    return real_pwrite(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
    load_pwrite64();
    if (before_write(fd, off, n, "pwrite64"))
        return -1;
    return real_pwrite64(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec *v, int cnt)
{
    load_writev();
    if (before_write(fd, -1, iov_len(v, cnt), "writev"))
        return -1;
    return real_writev(fd, v, cnt);
}

ssize_t pwritev(int fd, const struct iovec *v, int cnt, off_t off)
{
    load_pwritev();
    if (before_write(fd, off, iov_len(v, cnt), "pwritev"))
        return -1;
    return real_pwritev(fd, v, cnt, off);
}

static int before_truncate(int fd, off_t len, const char *call)
{
    return before_write(fd, len, TO_END, call);
}

int ftruncate(int fd, off_t len)
{
    load_ftruncate();
    if (before_truncate(fd, len, "ftruncate"))
        return -1;
    return real_ftruncate(fd, len);
}

int ftruncate64(int fd, off_t len)
{
    load_ftruncate64();
    if (before_truncate(fd, len, "ftruncate64"))
        return -1;
    return real_ftruncate64(fd, len);
}

int fallocate(int fd, int mode, off_t off, off_t len)
{
    load_fallocate();
    if (before_write(fd, off, 0, "fallocate"))
        return -1;
    return real_fallocate(fd, mode, off, len);
}

/* ---- syncs ---- */

static int do_sync(int fd, int (*fn)(int), const char *call)
{
    struct file *f;
    struct stat st;
    int rc;

    ENTER();
    f = file_of(fd, 0);
    if (f != NULL && event(C_SYNC, call, f->name)) {
        LEAVE();
        return -1;
    }
    LEAVE();
    rc = fn(fd);
    if (rc == 0 && f != NULL) {
        ENTER();
        if (fstat(fd, &st) == 0) {
            if (f->dir) {
                synced_folder(&st);
            } else {
                forget_undo(f);
                f->synced = st.st_size;
            }
        }
        LEAVE();
    }
    return rc;
}

int fsync(int fd)
{
    load_fsync();
    return do_sync(fd, real_fsync, "fsync");
}

int fdatasync(int fd)
{
    load_fdatasync();
    return do_sync(fd, real_fdatasync, "fdatasync");
}

/* ---- names ---- */

/* With INTAKE_PAUSE_AT=DIR and INTAKE_PAUSE_SYNC=SYNC (any INTAKE_FAULT
 * mode, or none): the first file made in DIR (O_CREAT or O_TMPFILE, by a
 * path) waits before it is made: SYNC/paused is created, and the open goes
 * on once SYNC/go exists (at most 60 s).  The tests of a change racing an
 * export use it (tests/cli/race17.bats): an export makes its bundle after
 * it decided what may leave and before it logs the export, so the test
 * runs the change in that window, with no timing guess. */
static void pause_maybe(int dirfd, const char *path, int flags)
{
    static int done;
    const char *at = getenv("INTAKE_PAUSE_AT"), *sync = getenv("INTAKE_PAUSE_SYNC");
    char dir[PATH_MAX], want[PATH_MAX], got[PATH_MAX], file[PATH_MAX + 8];
    int tmp = (flags & __O_TMPFILE) == __O_TMPFILE, fd;
    struct timespec tick = { 0, 10000000 };

    if (done || at == NULL || sync == NULL || dirfd != AT_FDCWD || path == NULL ||
        (!tmp && !(flags & O_CREAT)))
        return;
    snprintf(dir, sizeof dir, "%s", path);
    if (!tmp) {
        char *slash = strrchr(dir, '/');
        if (slash == NULL)
            snprintf(dir, sizeof dir, ".");
        else if (slash == dir)
            dir[1] = '\0';
        else
            *slash = '\0';
    }
    if (realpath(at, want) == NULL || realpath(dir, got) == NULL || strcmp(want, got) != 0)
        return;
    done = 1;
    load_openat();
    snprintf(file, sizeof file, "%s/paused", sync);
    fd = real_openat(AT_FDCWD, file, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0)
        close(fd);
    snprintf(file, sizeof file, "%s/go", sync);
    for (int n = 0; n < 6000 && access(file, F_OK) != 0; n++)
        nanosleep(&tick, NULL);
}

/* Opens path (the caller's flags); a new file is a name event. */
static int do_open(int dirfd, const char *path, int flags, mode_t mode, const char *call)
{
    char name[NAME_MAX + 1], shown[PATH_MAX];
    struct nameop *o = NULL;
    struct stat st;
    int fd, d = -1;

    load_openat();
    pause_maybe(dirfd, path, flags);
    if (!(flags & O_CREAT) || (flags & __O_TMPFILE) == __O_TMPFILE)
        goto plain;
    ENTER();
    if (g.mode != M_OFF && fstatat(dirfd, path, &st, 0) != 0 && errno == ENOENT &&
        (d = split(dirfd, path, name, shown, &st)) >= 0) {
        if (event(C_NAME, call, shown)) {
            close(d);
            LEAVE();
            return -1;
        }
        o = new_op(N_CREATE);
        if (o != NULL) {
            o->dir1 = d;
            o->st1 = st;
            o->synced1 = 0;
            snprintf(o->name1, sizeof o->name1, "%s", name);
            snprintf(o->shown, sizeof o->shown, "%s", shown);
        } else {
            close(d);
        }
    }
    LEAVE();
    fd = real_openat(dirfd, path, flags, mode);
    ENTER();
    if (fd < 0 && o != NULL)
        drop_op();
    else if (fd >= 0 && o != NULL)
        (void)file_of(fd, 1);
    LEAVE();
    return fd;
plain:
    fd = real_openat(dirfd, path, flags, mode);
    if (fd >= 0 && (flags & __O_TMPFILE) == __O_TMPFILE) {
        ENTER();
        (void)file_of(fd, 1);
        LEAVE();
    }
    return fd;
}

static mode_t mode_arg(int flags, va_list ap)
{
    return (flags & O_CREAT) || (flags & __O_TMPFILE) == __O_TMPFILE ? (mode_t)va_arg(ap, int) : 0;
}

#define COMMA ,

/* open, open64, openat and openat64: one body (the mode argument is
 * there only with O_CREAT or O_TMPFILE). */
#define OPEN_FORM(fn, call, dirfd_param, dirfd)                             \
    int fn(dirfd_param const char *path, int flags, ...)                    \
    {                                                                       \
        va_list ap;                                                         \
        mode_t m;                                                           \
                                                                            \
        va_start(ap, flags);                                                \
        m = mode_arg(flags, ap);                                            \
        va_end(ap);                                                         \
        return do_open(dirfd, path, flags, m, call);                        \
    }

OPEN_FORM(open, "open", , AT_FDCWD)
OPEN_FORM(open64, "open", , AT_FDCWD)
OPEN_FORM(openat, "openat", int dirfd_arg COMMA, dirfd_arg)
OPEN_FORM(openat64, "openat", int dirfd_arg COMMA, dirfd_arg)

/* _FORTIFY_SOURCE's forms of open. */
int __open_2(const char *path, int flags)
{
    return do_open(AT_FDCWD, path, flags, 0, "open");
}
int __open64_2(const char *path, int flags)
{
    return do_open(AT_FDCWD, path, flags, 0, "open");
}
int __openat_2(int dirfd, const char *path, int flags)
{
    return do_open(dirfd, path, flags, 0, "openat");
}
int __openat64_2(int dirfd, const char *path, int flags)
{
    return do_open(dirfd, path, flags, 0, "openat");
}

/* A name op on (dirfd1, path1) [and (dirfd2, path2)]: the event, then the
 * call (fn), then the op kept for a cut if the call succeeded. */
struct call {
    int kind;
    int dirfd1, dirfd2;
    const char *path1, *path2;
    int replaces;              /* path2 (rename) or path1 (unlink) goes */
};

static int name_call(const struct call *c, const char *callname, int (*fn)(const struct call *))
{
    char n1[NAME_MAX + 1], n2[NAME_MAX + 1], s1[PATH_MAX], s2[PATH_MAX];
    struct nameop *o = NULL;
    struct stat st1, st2;
    int d1, d2 = -1, rc;

    ENTER();
    if (g.mode == M_OFF || g.cutting) {
        LEAVE();
        return fn(c);
    }
    d1 = split(c->dirfd1, c->path1, n1, s1, &st1);
    if (c->path2 != NULL)
        d2 = split(c->dirfd2, c->path2, n2, s2, &st2);
    if (d1 < 0 && d2 < 0) {
        LEAVE();
        return fn(c);
    }
    if (event(C_NAME, callname, d2 >= 0 ? s2 : s1)) {
        if (d1 >= 0)
            close(d1);
        if (d2 >= 0)
            close(d2);
        LEAVE();
        return -1;
    }
    o = new_op(c->kind);
    if (o != NULL) {
        if (c->kind == N_RENAME && d1 >= 0 && d2 >= 0) {
            o->dir1 = d1, o->st1 = st1, o->dir2 = d2, o->st2 = st2;
            snprintf(o->name1, sizeof o->name1, "%s", n1);
            snprintf(o->name2, sizeof o->name2, "%s", n2);
            keep_content(o, d2, n2);
            snprintf(o->shown, sizeof o->shown, "%s", s2);
        } else if (c->kind == N_RENAME || c->path2 != NULL) {
            /* A move into or out of the root, or a new link: the name
             * made below the root is what a cut takes away. */
            int in = d2 >= 0;
            o->kind = in ? N_CREATE : N_UNLINK;
            o->dir1 = in ? d2 : d1;
            o->st1 = in ? st2 : st1;
            snprintf(o->name1, sizeof o->name1, "%s", in ? n2 : n1);
            snprintf(o->shown, sizeof o->shown, "%s", in ? s2 : s1);
            if (!in)
                keep_content(o, d1, n1);
            else if (d1 >= 0)
                close(d1);
        } else {
            o->dir1 = d1, o->st1 = st1;
            snprintf(o->name1, sizeof o->name1, "%s", n1);
            snprintf(o->shown, sizeof o->shown, "%s", s1);
            if (c->kind == N_UNLINK)
                keep_content(o, d1, n1);
        }
    }
    LEAVE();
    rc = fn(c);
    if (rc != 0 && o != NULL) {
        ENTER();
        if (o == &ops[nops - 1])
            drop_op();
        LEAVE();
    }
    return rc;
}

static int call_renameat2(const struct call *c)
{
    load_renameat2();
    return real_renameat2(c->dirfd1, c->path1, c->dirfd2, c->path2, (unsigned)c->replaces);
}

int rename(const char *a, const char *b)
{
    struct call c = { N_RENAME, AT_FDCWD, AT_FDCWD, a, b, 0 };
    return name_call(&c, "rename", call_renameat2);
}

int renameat(int da, const char *a, int db, const char *b)
{
    struct call c = { N_RENAME, da, db, a, b, 0 };
    return name_call(&c, "renameat", call_renameat2);
}

int renameat2(int da, const char *a, int db, const char *b, unsigned flags)
{
    struct call c = { N_RENAME, da, db, a, b, (int)flags };
    return name_call(&c, "renameat2", call_renameat2);
}

static int call_linkat(const struct call *c)
{
    load_linkat();
    return real_linkat(c->dirfd1, c->path1, c->dirfd2, c->path2, c->replaces);
}

int link(const char *a, const char *b)
{
    struct call c = { N_CREATE, AT_FDCWD, AT_FDCWD, a, b, 0 };
    return name_call(&c, "link", call_linkat);
}

int linkat(int da, const char *a, int db, const char *b, int flags)
{
    struct call c = { N_CREATE, da, db, a, b, flags };
    return name_call(&c, "linkat", call_linkat);
}

static int call_unlinkat(const struct call *c)
{
    load_unlinkat();
    return real_unlinkat(c->dirfd1, c->path1, c->replaces);
}

int unlink(const char *a)
{
    struct call c = { N_UNLINK, AT_FDCWD, -1, a, NULL, 0 };
    return name_call(&c, "unlink", call_unlinkat);
}

int unlinkat(int d, const char *a, int flags)
{
    struct call c = { N_UNLINK, d, -1, a, NULL, flags };
    return name_call(&c, "unlinkat", call_unlinkat);
}

int rmdir(const char *a)
{
    struct call c = { N_UNLINK, AT_FDCWD, -1, a, NULL, AT_REMOVEDIR };
    return name_call(&c, "rmdir", call_unlinkat);
}

static int call_mkdirat(const struct call *c)
{
    load_mkdirat();
    return real_mkdirat(c->dirfd1, c->path1, (mode_t)c->replaces);
}

int mkdir(const char *a, mode_t m)
{
    struct call c = { N_MKDIR, AT_FDCWD, -1, a, NULL, (int)m };
    return name_call(&c, "mkdir", call_mkdirat);
}

int mkdirat(int d, const char *a, mode_t m)
{
    struct call c = { N_MKDIR, d, -1, a, NULL, (int)m };
    return name_call(&c, "mkdirat", call_mkdirat);
}

/* glibc makes the folder of mkdtemp by an internal call: the folder is
 * recorded once it exists (an injected failure removes it again). */
char *mkdtemp(char *tmpl)
{
    char n[NAME_MAX + 1], s[PATH_MAX];
    struct nameop *o;
    struct stat st;
    char *r;
    int d;

    load_mkdtemp();
    r = real_mkdtemp(tmpl);
    if (r == NULL)
        return r;
    ENTER();
    if (g.mode != M_OFF && !g.cutting && (d = split(AT_FDCWD, r, n, s, &st)) >= 0) {
        if (event(C_NAME, "mkdtemp", s)) {
            load_unlinkat();
            (void)real_unlinkat(d, n, AT_REMOVEDIR);
            close(d);
            LEAVE();
            return NULL;
        }
        if ((o = new_op(N_MKDIR)) != NULL) {
            o->dir1 = d, o->st1 = st;
            snprintf(o->name1, sizeof o->name1, "%s", n);
            snprintf(o->shown, sizeof o->shown, "%s", s);
        } else {
            close(d);
        }
    }
    LEAVE();
    return r;
}
