#include "util/fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <sodium.h>

int fd_write_all(int fd, const void *buf, size_t len)
{
    const unsigned char *p = buf;

    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

ssize_t fd_read_full(int fd, void *buf, size_t len)
{
    unsigned char *p = buf;
    size_t got = 0;

    while (got < len) {
        ssize_t n = read(fd, p + got, len - got);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    return (ssize_t)got;
}

static int parent_dir(char *out, size_t outlen, const char *path)
{
    char copy[4096];
    int n;

    n = snprintf(copy, sizeof copy, "%s", path);
    if (n < 0 || (size_t)n >= sizeof copy)
        return -1;
    n = snprintf(out, outlen, "%s", dirname(copy));
    if (n < 0 || (size_t)n >= outlen)
        return -1;
    return 0;
}

int fsync_parent(const char *path, struct err *e)
{
    char dir[4096];
    int fd, rc;

    if (parent_dir(dir, sizeof dir, path) != 0)
        return err_set(e, EXIT_INPUT, "path too long: %s", path);
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return err_set(e, EXIT_INPUT, "cannot open folder %s: %s", dir,
                       strerror(errno));
    rc = fsync(fd);
    close(fd);
    if (rc != 0)
        return err_set(e, EXIT_INPUT, "cannot sync folder %s: %s", dir,
                       strerror(errno));
    return 0;
}

/* ---- what killed writers leave: hidden temporary files and folders ---- */

/* Removes the files in the folder name of dirfd d (open as fd), then the
 * folder; a folder holding anything else is left alone. */
static void remove_flat_dir(int d, const char *name, int fd)
{
    int dup_fd = dup(fd);
    DIR *sub = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
    struct dirent *de;

    if (sub == NULL) {
        if (dup_fd >= 0)
            close(dup_fd);
        return;
    }
    while ((de = readdir(sub)) != NULL)
        if (de->d_type == DT_REG)
            (void)unlinkat(dirfd(sub), de->d_name, 0);
    closedir(sub);
    (void)unlinkat(d, name, AT_REMOVEDIR);
}

/* The entry name of folder d starting with prefix, opened and locked, if
 * it is this user's and no writer holds its lock (st filled): its
 * descriptor, else -1. */
static int open_abandoned(DIR *d, const char *name, const char *prefix, struct stat *st)
{
    int fd;

    if (strncmp(name, prefix, strlen(prefix)) != 0)
        return -1;
    fd = openat(dirfd(d), name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    if (fstat(fd, st) == 0 && st->st_uid == geteuid() && flock(fd, LOCK_EX | LOCK_NB) == 0)
        return fd;
    close(fd);
    return -1;
}

/* In folder dir, removes every FILEIO_TMP_PREFIX file or folder of this
 * user whose writer no longer holds its lock: what a kill -9 left. A
 * writer holds the lock from the moment it creates the name until the
 * name is gone, so a live writer's file is never touched. */
void fileio_sweep(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;

    if (d == NULL)
        return;
    while ((de = readdir(d)) != NULL) {
        struct stat st;
        int fd = open_abandoned(d, de->d_name, FILEIO_TMP_PREFIX, &st);

        if (fd < 0)
            continue;
        if (S_ISREG(st.st_mode))
            (void)unlinkat(dirfd(d), de->d_name, 0);
        else if (S_ISDIR(st.st_mode))
            remove_flat_dir(dirfd(d), de->d_name, fd);
        close(fd);
    }
    closedir(d);
}

#define NOTE_TAG "away-"
#define NOTE_PREFIX FILEIO_TMP_PREFIX NOTE_TAG

/* The note open as fd (its lock taken) names a temporary folder whose
 * writer is gone: what killed writers left beside it goes. */
static void sweep_noted_one(int fd)
{
    char path[4096], dir[4096];
    const char *base;
    ssize_t n = fd_read_full(fd, path, sizeof path - 1);

    if (n <= 1 || path[n - 1] != '\n')
        return;
    path[n - 1] = '\0';
    base = strrchr(path, '/');
    if (path[0] != '/' || base == NULL || memchr(path, '\0', (size_t)n - 1) != NULL ||
        strncmp(base + 1, FILEIO_TMP_PREFIX, strlen(FILEIO_TMP_PREFIX)) != 0 ||
        parent_dir(dir, sizeof dir, path) != 0)
        return;
    fileio_sweep(dir);
}

void fileio_sweep_noted(const char *notes)
{
    DIR *d = opendir(notes);
    struct dirent *de;

    if (d == NULL)
        return;
    while ((de = readdir(d)) != NULL) {
        struct stat st;
        int fd = open_abandoned(d, de->d_name, NOTE_PREFIX, &st);

        if (fd < 0)
            continue;
        if (S_ISREG(st.st_mode)) {
            sweep_noted_one(fd);
            (void)unlinkat(dirfd(d), de->d_name, 0);
        }
        close(fd);
    }
    closedir(d);
}

/* A new hidden name in dir: FILEIO_TMP_PREFIX, tag and 16 random hex digits. */
static int tmp_name(char *out, size_t outlen, const char *dir, const char *tag)
{
    unsigned char rnd[8];
    char hex[2 * sizeof rnd + 1];
    int n;

    randombytes_buf(rnd, sizeof rnd);
    sodium_bin2hex(hex, sizeof hex, rnd, sizeof rnd);
    n = snprintf(out, outlen, "%s/%s%s%s", dir, FILEIO_TMP_PREFIX, tag, hex);
    return n < 0 || (size_t)n >= outlen ? -1 : 0;
}

int file_lands_in(const char *path, const char *folder)
{
    char copy[4096], dir[PATH_MAX], *slash;
    struct stat a, b;

    if (snprintf(copy, sizeof copy, "%s", path) >= (int)sizeof copy ||
        realpath(dirname(copy), dir) == NULL || stat(folder, &b) != 0)
        return -1;
    for (;;) {   /* dir and each of its parents up to / */
        if (stat(dir, &a) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
            return 1;
        slash = strrchr(dir, '/');
        if (slash == NULL || (slash == dir && dir[1] == '\0'))
            return 0;
        slash[slash == dir ? 1 : 0] = '\0';
    }
}

/* ---- atomic files ---- */

/* An unnamed file in dir (O_TMPFILE), named at commit through
 * /proc/self/fd; -1 where the file system or a missing /proc cannot. */
static int open_anonymous(const char *dir)
{
    if (access("/proc/self/fd", X_OK) != 0)
        return -1;
    return open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
}

int temp_file_anonymous(int *fd, struct err *e)
{
    const char *dir = getenv("TMPDIR");

    if (dir == NULL || dir[0] == '\0')
        dir = "/tmp";
    *fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (*fd < 0)
        return err_set(e, EXIT_INPUT, "cannot make an unnamed temporary file in %s: %s", dir,
                       strerror(errno));
    return 0;
}

int fd_copy(int to, int from, struct err *e)
{
    char buf[1 << 16];
    off_t at = 0;
    ssize_t n;

    while ((n = pread(from, buf, sizeof buf, at)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 || fd_write_all(to, buf, (size_t)n) != 0)
            return err_set(e, EXIT_INPUT, "%s", strerror(errno));
        at += n;
    }
    return 0;
}

/* A new file under a hidden name in dir, locked for as long as it lives. */
static int open_named(struct atomic_file *af, const char *dir, struct err *e)
{
    for (int tries = 0; tries < 8; tries++) {
        if (tmp_name(af->tmp, sizeof af->tmp, dir, "") != 0)
            return err_set(e, EXIT_INPUT, "path too long: %s", af->path);
        af->fd = open(af->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (af->fd < 0) {
            int saved = errno;
            af->tmp[0] = '\0';
            if (saved == EEXIST)
                continue;
            return err_set(e, EXIT_INPUT, "cannot create a file in %s: %s", dir,
                           strerror(saved));
        }
        if (flock(af->fd, LOCK_EX | LOCK_NB) == 0)
            return 0;
        /* A sweeper took it in the instant before the lock: a new name
         * (and this one gone, if the lock failed for another reason). */
        (void)unlink(af->tmp);
        close(af->fd);
        af->fd = -1;
        af->tmp[0] = '\0';
    }
    return err_set(e, EXIT_INPUT, "cannot create a file in %s", dir);
}

int atomic_open(struct atomic_file *af, const char *path, int overwrite,
                struct err *e)
{
    char dir[4096];
    int n;

    af->fd = -1;
    af->tmp[0] = '\0';
    af->overwrite = overwrite;
    af->anonymous = 0;
    n = snprintf(af->path, sizeof af->path, "%s", path);
    if (n < 0 || (size_t)n >= sizeof af->path)
        return err_set(e, EXIT_INPUT, "path too long: %s", path);
    if (file_check_new(path, overwrite, e) != 0 || parent_dir(dir, sizeof dir, path) != 0)
        return -1;
    fileio_sweep(dir);
    if (!overwrite && (af->fd = open_anonymous(dir)) >= 0) {
        af->anonymous = 1;
        return 0;
    }
    return open_named(af, dir, e);
}

int file_check_new(const char *path, int overwrite, struct err *e)
{
    char dir[4096];
    struct stat st;

    if (!overwrite && access(path, F_OK) == 0)
        return err_set(e, EXIT_INPUT, "%s already exists; choose another name", path);
    if (parent_dir(dir, sizeof dir, path) != 0 || strlen(path) >= sizeof dir)
        return err_set(e, EXIT_INPUT, "path too long: %s", path);
    if (stat(dir, &st) != 0)
        return err_set(e, EXIT_INPUT, "cannot create a file in %s: %s", dir, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return err_set(e, EXIT_INPUT, "cannot create a file in %s: %s", dir, strerror(ENOTDIR));
    return 0;
}

int atomic_write(struct atomic_file *af, const void *buf, size_t len,
                 struct err *e)
{
    if (fd_write_all(af->fd, buf, len) != 0)
        return err_set(e, EXIT_INPUT, "cannot write %s: %s", af->path,
                       strerror(errno));
    return 0;
}

void atomic_abort(struct atomic_file *af)
{
    if (af->tmp[0] != '\0') {
        (void)unlink(af->tmp);
        af->tmp[0] = '\0';
    }
    if (af->fd >= 0) {
        close(af->fd);
        af->fd = -1;
    }
}

/* Gives the finished file its final name: 0, or -1 with errno. */
static int name_file(struct atomic_file *af)
{
    char proc[64];
    int rc;

    if (af->anonymous) {
        /* linkat fails with EEXIST when the name appeared meanwhile. */
        snprintf(proc, sizeof proc, "/proc/self/fd/%d", af->fd);
        return linkat(AT_FDCWD, proc, AT_FDCWD, af->path, AT_SYMLINK_FOLLOW);
    }
    if (af->overwrite)
        return rename(af->tmp, af->path);
    rc = renameat2(AT_FDCWD, af->tmp, AT_FDCWD, af->path, RENAME_NOREPLACE);
    if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
        /* No RENAME_NOREPLACE here: link(2) also never replaces a file. */
        rc = link(af->tmp, af->path);
        if (rc == 0)
            (void)unlink(af->tmp);
    }
    return rc;
}

int atomic_sync(struct atomic_file *af, struct err *e)
{
    if (fsync(af->fd) != 0)
        return err_set(e, EXIT_INPUT, "cannot write %s: %s", af->path, strerror(errno));
    return 0;
}

int atomic_commit(struct atomic_file *af, struct err *e)
{
    if (fsync(af->fd) != 0) {
        err_set(e, EXIT_INPUT, "cannot write %s: %s", af->path, strerror(errno));
        atomic_abort(af);
        return -1;
    }
    if (name_file(af) != 0) {
        int saved = errno;
        if (saved == EEXIST)
            err_set(e, EXIT_INPUT, "%s already exists; choose another name", af->path);
        else
            err_set(e, EXIT_INPUT, "cannot move the new file to %s: %s", af->path,
                    strerror(saved));
        atomic_abort(af);
        return -1;
    }
    af->tmp[0] = '\0';
    if (fsync_parent(af->path, e) != 0) {
        /* A name that may not survive a power cut: take back a new file;
         * a replaced one cannot be taken back, so the message says so. */
        if (!af->overwrite) {
            (void)unlink(af->path);
        } else if (e != NULL) {
            char why[sizeof e->msg];
            snprintf(why, sizeof why, "%s", e->msg);
            err_set(e, EXIT_INPUT, "%s: the new %s is in place but may not survive a power cut",
                    why, af->path);
        }
        atomic_abort(af);
        return -1;
    }
    close(af->fd);
    af->fd = -1;
    return 0;
}

int file_write_atomic(const char *path, const void *buf, size_t len,
                      int overwrite, struct err *e)
{
    struct atomic_file af;

    if (atomic_open(&af, path, overwrite, e) != 0)
        return -1;
    if (atomic_write(&af, buf, len, e) != 0) {
        atomic_abort(&af);
        return -1;
    }
    return atomic_commit(&af, e);
}

/* ---- temporary folders ---- */

int temp_dir_open(struct temp_dir *td, const char *final, struct err *e)
{
    char dir[4096];
    int n;

    td->path[0] = td->note[0] = '\0';
    td->lock = td->note_lock = -1;
    if (parent_dir(dir, sizeof dir, final) != 0)
        return err_set(e, EXIT_INPUT, "path too long: %s", final);
    fileio_sweep(dir);
    n = snprintf(td->path, sizeof td->path, "%s/%sXXXXXX", dir, FILEIO_TMP_PREFIX);
    if (n < 0 || (size_t)n >= sizeof td->path) {
        td->path[0] = '\0';
        return err_set(e, EXIT_INPUT, "path too long: %s", final);
    }
    if (mkdtemp(td->path) == NULL) {
        int saved = errno;
        td->path[0] = '\0';
        return err_set(e, EXIT_INPUT, "cannot create a folder beside %s: %s", final,
                       strerror(saved));
    }
    td->lock = open(td->path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (td->lock < 0 || flock(td->lock, LOCK_EX | LOCK_NB) != 0) {
        temp_dir_abort(td);
        return err_set(e, EXIT_INPUT, "cannot create a folder beside %s", final);
    }
    return 0;
}

/* Removes td's note, if any (keep: leaves its file, unlocked, for the
 * next command of the store to act on). */
static void temp_dir_drop_note(struct temp_dir *td, int keep)
{
    if (td->note[0] != '\0' && !keep)
        (void)unlink(td->note);
    td->note[0] = '\0';
    if (td->note_lock >= 0)
        close(td->note_lock);
    td->note_lock = -1;
}

static void temp_dir_unnote(struct temp_dir *td)
{
    temp_dir_drop_note(td, 0);
}

int temp_dir_note(struct temp_dir *td, const char *notes, struct err *e)
{
    char real[PATH_MAX], text[PATH_MAX + 1];
    int n;

    if (realpath(td->path, real) == NULL)
        return err_set(e, EXIT_INPUT, "cannot find the new folder %s: %s", td->path,
                       strerror(errno));
    n = snprintf(text, sizeof text, "%s\n", real);
    if (n < 0 || (size_t)n >= sizeof text || (size_t)n >= sizeof td->note ||
        tmp_name(td->note, sizeof td->note, notes, NOTE_TAG) != 0)
        return err_set(e, EXIT_INPUT, "path too long: %s", real);
    td->note_lock = open(td->note, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (td->note_lock < 0) {
        int saved = errno;
        td->note[0] = '\0';
        return err_set(e, EXIT_INPUT, "cannot create a file in %s: %s", notes, strerror(saved));
    }
    if (flock(td->note_lock, LOCK_EX | LOCK_NB) != 0 ||
        fd_write_all(td->note_lock, text, (size_t)n) != 0 || fsync(td->note_lock) != 0) {
        int saved = errno;
        temp_dir_unnote(td);
        return err_set(e, EXIT_INPUT, "cannot write in %s: %s", notes, strerror(saved));
    }
    return fsync_parent(td->note, e) == 0 ? 0 : (temp_dir_unnote(td), -1);
}

static int temp_dir_remove(struct temp_dir *td);

int temp_dir_commit(struct temp_dir *td, const char *final, struct err *e)
{
    /* The names in it first: a power cut after the rename must not leave
     * the folder under its final name without its files. */
    if (fsync(td->lock) != 0)
        return err_set(e, EXIT_INPUT, "cannot sync the new folder for %s: %s", final,
                       strerror(errno));
    if (renameat2(AT_FDCWD, td->path, AT_FDCWD, final, RENAME_NOREPLACE) != 0)
        return err_set(e, EXIT_INPUT, "cannot move the new folder to %s: %s", final,
                       strerror(errno));
    /* In place, but its name may not survive a power cut: a failure is
     * reported, so the folder (decrypted records, for `open -o`) goes
     * again, through the lock still held, as temp_dir_abort removes it. */
    if (fsync_parent(final, e) != 0) {
        char why[sizeof e->msg];
        int n = snprintf(td->path, sizeof td->path, "%s", final), gone = -1;

        snprintf(why, sizeof why, "%s", e != NULL ? e->msg : "");
        if (n < 0 || (size_t)n >= sizeof td->path)
            td->path[0] = '\0';             /* cannot be: renameat2 took final */
        else
            gone = temp_dir_remove(td);
        if (gone != 0) {
            td->path[0] = '\0';
            if (td->lock >= 0)
                close(td->lock);
            td->lock = -1;
            temp_dir_drop_note(td, 1);
            return err_set(e, EXIT_INPUT, "%s; the new folder %s could not be removed: "
                           "remove it yourself", why, final);
        }
        temp_dir_unnote(td);
        return err_set(e, EXIT_INPUT, "%s; the new folder %s was removed again", why, final);
    }
    td->path[0] = '\0';
    close(td->lock);
    td->lock = -1;
    temp_dir_unnote(td);
    return 0;
}

/* Removes td's folder (its files, then the folder) and closes its lock:
 * 0 if the folder is gone, else -1 (td's note is kept then: the next
 * command of the store removes what is left under a temporary name). */
static int temp_dir_remove(struct temp_dir *td)
{
    struct stat st;
    int gone = 1;

    if (td->path[0] != '\0' && td->lock >= 0) {
        char name[4096];
        char *slash = strrchr(td->path, '/');
        char dir[4096];
        int d;

        snprintf(name, sizeof name, "%s", slash != NULL ? slash + 1 : td->path);
        if (parent_dir(dir, sizeof dir, td->path) == 0 &&
            (d = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
            remove_flat_dir(d, name, td->lock);
            close(d);
        }
    } else if (td->path[0] != '\0') {
        (void)rmdir(td->path);
    }
    if (td->path[0] != '\0')
        gone = lstat(td->path, &st) != 0 && errno == ENOENT;
    td->path[0] = '\0';
    if (td->lock >= 0)
        close(td->lock);
    td->lock = -1;
    return gone ? 0 : -1;
}

void temp_dir_abort(struct temp_dir *td)
{
    temp_dir_drop_note(td, temp_dir_remove(td) != 0);
}

/* ---- reading ---- */

static const char *kind_of(mode_t m)
{
    if (S_ISDIR(m))
        return "a folder";
    if (S_ISFIFO(m))
        return "a named pipe (FIFO)";
    if (S_ISCHR(m))
        return "a character device";
    if (S_ISBLK(m))
        return "a block device";
    if (S_ISSOCK(m))
        return "a socket";
    if (S_ISLNK(m))
        return "a symbolic link";
    return "not a file";
}

static int not_regular(struct err *e, const char *what, const char *path, mode_t m)
{
    return err_set(e, EXIT_INPUT, "%s%s%s is not a regular file: it is %s",
                   what != NULL ? what : "", what != NULL ? " " : "", path, kind_of(m));
}

int file_open_regular(int *fd, const char *path, int nofollow, const char *what,
                      struct err *e)
{
    const char *w = what != NULL ? what : "", *sp = what != NULL ? " " : "";
    struct stat st;
    int f, flags;

    *fd = -1;
    /* Looked at before opening: opening a FIFO waits for a writer, and
     * opening a device can have effects of its own. */
    if ((nofollow ? lstat(path, &st) : stat(path, &st)) != 0)
        return err_set(e, EXIT_INPUT, "cannot open %s%s%s: %s", w, sp, path, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return not_regular(e, what, path, st.st_mode);
    /* O_NONBLOCK: it may have been swapped for a FIFO since. */
    f = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (nofollow ? O_NOFOLLOW : 0));
    if (f < 0)
        return err_set(e, EXIT_INPUT, "cannot open %s%s%s: %s", w, sp, path, strerror(errno));
    if (fstat(f, &st) != 0 || (S_ISREG(st.st_mode) &&
        ((flags = fcntl(f, F_GETFL)) < 0 || fcntl(f, F_SETFL, flags & ~O_NONBLOCK) != 0))) {
        /* The system's own words: not "it is not a file" for a regular
         * file whose status could not be read. */
        int saved = errno;
        close(f);
        return err_set(e, EXIT_INPUT, "cannot open %s%s%s: %s", w, sp, path, strerror(saved));
    }
    if (!S_ISREG(st.st_mode)) {
        close(f);
        return not_regular(e, what, path, st.st_mode);
    }
    *fd = f;
    return 0;
}

int file_read_all(const char *path, size_t max, unsigned char **out,
                  size_t *outlen, const char *what, struct err *e)
{
    struct stat st;
    unsigned char *buf;
    ssize_t n;
    int fd;

    *out = NULL;
    *outlen = 0;
    if (file_open_regular(&fd, path, 1, what, e) != 0)
        return -1;
    if (fstat(fd, &st) != 0) {
        close(fd);
        return err_set(e, EXIT_INPUT, "cannot read %s %s: %s", what, path, strerror(errno));
    }
    if ((unsigned long long)st.st_size > (unsigned long long)max) {
        close(fd);
        return err_set(e, EXIT_INPUT, "%s %s is too large (more than %zu bytes)",
                       what, path, max);
    }
    buf = malloc((size_t)st.st_size + 1);
    if (buf == NULL) {
        close(fd);
        return err_set(e, EXIT_INPUT, "out of memory reading %s", path);
    }
    n = fd_read_full(fd, buf, (size_t)st.st_size);
    if (n < 0) {
        int saved = errno;
        close(fd);
        free(buf);
        return err_set(e, EXIT_INPUT, "cannot read %s %s: %s", what, path, strerror(saved));
    }
    close(fd);
    if (n != st.st_size) {
        free(buf);
        return err_set(e, EXIT_INPUT, "cannot read %s %s", what, path);
    }
    buf[n] = '\0';
    *out = buf;
    *outlen = (size_t)n;
    return 0;
}

uint64_t fileio_free_bytes(const char *dir)
{
    struct statvfs vf;

    if (statvfs(dir, &vf) != 0 || vf.f_blocks == 0)
        return UINT64_MAX;
    return (uint64_t)vf.f_bavail * vf.f_frsize;
}
