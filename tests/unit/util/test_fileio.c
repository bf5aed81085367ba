/* util/fileio: atomic writes never leave a partial or overwritten file;
 * each call that fails (tests/unit/libcfault.h) gives its own message
 * and leaves nothing behind. */
#include "tests/unit/libcfault.h"

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
#include <sys/statvfs.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
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
    memset(&af, 0, sizeof af);
    af.fd = open("/dev/full", O_WRONLY);
    assert_true(af.fd >= 0);
    snprintf(af.path, sizeof af.path, "full");
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

/* A FIFO, a device, a folder, and with nofollow a link, are refused before
 * they are opened: nothing waits for a writer. */
static void test_open_regular(void **state)
{
    char fifo[256], file[256], link[256];
    struct err e;
    int fd;

    (void)state;
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    snprintf(file, sizeof file, "%s/a", dir);
    snprintf(link, sizeof link, "%s/link", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(file_open_regular(&fd, fifo, 0, NULL, &e), -1);
    assert_int_equal(fd, -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "is not a regular file: it is a named pipe (FIFO)"));
    assert_int_equal(file_open_regular(&fd, "/dev/null", 0, "image", &e), -1);
    assert_non_null(strstr(e.msg, "image /dev/null is not a regular file: it is a character device"));
    assert_int_equal(file_open_regular(&fd, dir, 0, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "it is a folder"));
    assert_int_equal(symlink(file, link), 0);
    assert_int_equal(file_open_regular(&fd, link, 1, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "it is a symbolic link"));
    assert_int_equal(file_open_regular(&fd, link, 0, NULL, &e), 0);
    assert_true(fd >= 0);
    /* Blocking reads again once open. */
    assert_int_equal(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
    close(fd);
    unlink(fifo);
    unlink(link);
    /* A socket; a block device where this user may make one (root). */
    {
        struct sockaddr_un sa = { .sun_family = AF_UNIX };
        int sock = socket(AF_UNIX, SOCK_STREAM, 0);

        assert_true(sock >= 0);
        snprintf(sa.sun_path, sizeof sa.sun_path, "%s/sock", dir);
        assert_int_equal(bind(sock, (struct sockaddr *)&sa, sizeof sa), 0);
        assert_int_equal(file_open_regular(&fd, sa.sun_path, 0, NULL, &e), -1);
        assert_non_null(strstr(e.msg, "is not a regular file: it is a socket"));
        close(sock);
        unlink(sa.sun_path);
        snprintf(file, sizeof file, "%s/blk", dir);
        if (mknod(file, S_IFBLK | 0600, makedev(7, 0)) == 0) {
            assert_int_equal(file_open_regular(&fd, file, 1, NULL, &e), -1);
            assert_non_null(strstr(e.msg, "is not a regular file: it is a block device"));
            unlink(file);
        }
    }
}

/* A file being written has no name until commit (O_TMPFILE here); what a
 * killed writer left under a hidden name goes at the next write, unless
 * its writer still holds the lock. */
static void test_temp_files(void **state)
{
    char path[256], left[256], held[256];
    struct atomic_file af;
    struct err e;
    int fd, n0;

    (void)state;
    snprintf(path, sizeof path, "%s/c", dir);
    snprintf(left, sizeof left, "%s/" FILEIO_TMP_PREFIX "0000000000000000", dir);
    snprintf(held, sizeof held, "%s/" FILEIO_TMP_PREFIX "1111111111111111", dir);
    fd = open(left, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    close(fd);
    fd = open(held, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    assert_int_equal(flock(fd, LOCK_EX), 0);
    n0 = count_entries(dir);
    assert_int_equal(atomic_open(&af, path, 0, &e), 0);
    assert_int_equal(access(left, F_OK), -1);
    assert_int_equal(access(held, F_OK), 0);
    assert_int_equal(af.anonymous, 1);
    assert_int_equal(atomic_write(&af, "abc", 3, &e), 0);
    assert_int_equal(count_entries(dir), n0 - 1);
    assert_int_equal(atomic_commit(&af, &e), 0);
    assert_int_equal(count_entries(dir), n0);
    close(fd);
    unlink(held);
    unlink(path);
    /* Replacing a file goes through a hidden name, locked, then rename. */
    assert_int_equal(file_write_atomic(path, "one", 3, 0, &e), 0);
    assert_int_equal(atomic_open(&af, path, 1, &e), 0);
    assert_int_equal(af.anonymous, 0);
    assert_non_null(strstr(af.tmp, FILEIO_TMP_PREFIX));
    fd = open(af.tmp, O_RDONLY);
    assert_true(fd >= 0);
    assert_int_equal(flock(fd, LOCK_EX | LOCK_NB), -1);
    close(fd);
    assert_int_equal(atomic_write(&af, "two", 3, &e), 0);
    assert_int_equal(atomic_commit(&af, &e), 0);
    unlink(path);
}

static void test_temp_dir(void **state)
{
    char final[256], file[4200];
    struct temp_dir td;
    struct err e;
    int fd, n0 = count_entries(dir);

    (void)state;
    snprintf(final, sizeof final, "%s/folder", dir);
    assert_int_equal(temp_dir_open(&td, final, &e), 0);
    assert_non_null(strstr(td.path, FILEIO_TMP_PREFIX));
    snprintf(file, sizeof file, "%s/x", td.path);
    fd = open(file, O_WRONLY | O_CREAT, 0600);
    assert_true(fd >= 0);
    close(fd);
    temp_dir_abort(&td);
    assert_int_equal(count_entries(dir), n0);
    assert_int_equal(temp_dir_open(&td, final, &e), 0);
    assert_int_equal(temp_dir_commit(&td, final, &e), 0);
    temp_dir_abort(&td);
    assert_int_equal(access(final, F_OK), 0);
    /* Never over an existing folder. */
    assert_int_equal(temp_dir_open(&td, final, &e), 0);
    assert_int_equal(temp_dir_commit(&td, final, &e), -1);
    temp_dir_abort(&td);
    assert_int_equal(rmdir(final), 0);
    assert_int_equal(count_entries(dir), n0);
}

/* adv14 F17: a note in another folder (the store's) takes a killed
 * writer's temporary folder away at the next sweep of that folder; a live
 * writer's stays, and commit and abort remove the note. */
static void test_temp_dir_note(void **state)
{
    char final[256], notes[256], file[4200], away[4096];
    struct temp_dir td;
    struct err e;
    int fd, n0 = count_entries(dir);

    (void)state;
    snprintf(notes, sizeof notes, "%s/notes", dir);
    snprintf(final, sizeof final, "%s/out", dir);
    assert_int_equal(mkdir(notes, 0700), 0);
    assert_int_equal(temp_dir_open(&td, final, &e), 0);
    assert_int_equal(temp_dir_note(&td, notes, &e), 0);
    assert_int_equal(count_entries(notes), 1);
    assert_non_null(strstr(td.note, FILEIO_TMP_PREFIX "away-"));
    snprintf(file, sizeof file, "%s/record.json", td.path);
    fd = open(file, O_WRONLY | O_CREAT, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "testimony", 9), 9);
    close(fd);
    fileio_sweep_noted(notes);   /* alive: spared */
    assert_int_equal(access(file, F_OK), 0);
    assert_int_equal(count_entries(notes), 1);
    /* A kill: the locks go with the process, the names stay. */
    snprintf(away, sizeof away, "%s", td.path);
    close(td.lock);
    close(td.note_lock);
    fileio_sweep_noted(notes);
    assert_int_equal(access(away, F_OK), -1);
    assert_int_equal(count_entries(notes), 0);
    assert_int_equal(count_entries(dir), n0 + 1);
    /* Commit and abort take the note away. */
    assert_int_equal(temp_dir_open(&td, final, &e), 0);
    assert_int_equal(temp_dir_note(&td, notes, &e), 0);
    assert_int_equal(temp_dir_commit(&td, final, &e), 0);
    temp_dir_abort(&td);
    assert_int_equal(count_entries(notes), 0);
    assert_int_equal(rmdir(final), 0);
    assert_int_equal(temp_dir_open(&td, final, &e), 0);
    assert_int_equal(temp_dir_note(&td, notes, &e), 0);
    temp_dir_abort(&td);
    assert_int_equal(count_entries(notes), 0);
    /* A note that names no temporary folder removes nothing but itself. */
    snprintf(file, sizeof file, "%s/%saway-0123456789abcdef", notes, FILEIO_TMP_PREFIX);
    fd = open(file, O_WRONLY | O_CREAT, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "/etc\n", 5), 5);
    close(fd);
    fileio_sweep_noted(notes);
    assert_int_equal(count_entries(notes), 0);
    assert_int_equal(access("/etc", F_OK), 0);
    /* The temporary folder gone before its note is written (another
     * program removed it): said, and no note left behind. */
    assert_int_equal(temp_dir_open(&td, final, &e), 0);
    assert_int_equal(rmdir(td.path), 0);
    err_clear(&e);
    assert_int_equal(temp_dir_note(&td, notes, &e), -1);
    {
        char want[4300];
        snprintf(want, sizeof want, "cannot find the new folder %s: %s", td.path,
                 strerror(ENOENT));
        assert_int_equal(e.code, EXIT_INPUT);
        assert_string_equal(e.msg, want);
    }
    temp_dir_abort(&td);
    assert_int_equal(count_entries(notes), 0);
    assert_int_equal(rmdir(notes), 0);
    assert_int_equal(count_entries(dir), n0);
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

/* What atomic_open would refuse, found before anything is made (a check
 * before a passphrase is asked); the unnamed temporary file and the copy
 * of one descriptor to another. */
static void test_check_new_and_copy(void **state)
{
    char path[256], out[256];
    struct err e;
    unsigned char *buf;
    size_t len;
    int tmp, to;

    (void)state;
    snprintf(path, sizeof path, "%s/new", dir);
    assert_int_equal(file_check_new(path, 0, &e), 0);
    assert_int_equal(access(path, F_OK), -1);
    snprintf(path, sizeof path, "%s/a", dir);
    assert_int_equal(file_check_new(path, 0, &e), -1);
    assert_string_equal(strstr(e.msg, "already exists"), "already exists; choose another name");
    assert_int_equal(file_check_new(path, 1, &e), 0);
    snprintf(path, sizeof path, "%s/nowhere/x", dir);
    assert_int_equal(file_check_new(path, 0, &e), -1);
    assert_non_null(strstr(e.msg, "cannot create a file in"));
    assert_non_null(strstr(e.msg, "No such file or directory"));
    snprintf(path, sizeof path, "%s/a/x", dir);
    assert_int_equal(file_check_new(path, 0, &e), -1);
    assert_non_null(strstr(e.msg, "Not a directory"));

    assert_int_equal(temp_file_anonymous(&tmp, &e), 0);
    assert_int_equal(write(tmp, "bundle bytes", 12), 12);
    snprintf(out, sizeof out, "%s/copy", dir);
    to = open(out, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(to >= 0);
    assert_int_equal(fd_copy(to, tmp, &e), 0);
    close(to);
    close(tmp);
    assert_int_equal(file_read_all(out, 100, &buf, &len, "file", &e), 0);
    assert_int_equal(len, 12);
    assert_memory_equal(buf, "bundle bytes", 12);
    free(buf);
    unlink(out);
}

/* Makes an empty folder name in dir for one test: its path in out. */
static void fresh_dir(char *out, size_t outlen, const char *name)
{
    snprintf(out, outlen, "%s/%s", dir, name);
    assert_int_equal(mkdir(out, 0700), 0);
}

/* Writes "new" to path (overwrite as given) with CALL's Nth call failing
 * with err: the message must be want (NULL: it must succeed). */
static void write_failing(const char *path, int overwrite, const char *call, unsigned long n,
                          int err, unsigned long times, const char *want)
{
    struct err e;
    int rc;

    err_clear(&e);
    libcfault_arm(call, n, err, times);
    rc = file_write_atomic(path, "new", 3, overwrite, &e);
    libcfault_disarm();
    assert_true(libcfault_landed() > 0);
    if (want == NULL) {
        if (rc != 0)
            fail_msg("%s %lu failing: '%s'", call, n, e.msg);
        return;
    }
    assert_int_equal(rc, -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, want);
}

/* The content of path, or "" if there is none. */
static const char *content(char *out, size_t outlen, const char *path)
{
    unsigned char *buf;
    size_t len;
    struct err e;

    out[0] = '\0';
    if (file_read_all(path, outlen - 1, &buf, &len, "file", &e) == 0) {
        snprintf(out, outlen, "%.*s", (int)len, (const char *)buf);
        free(buf);
    }
    return out;
}

/* A new file: each step of the commit failing (the sync, the name, the
 * folder's sync) leaves no file and says which; so does a write. */
static void test_new_file_faults(void **state)
{
    char d[256], path[300], want[1024], got[16];

    (void)state;
    fresh_dir(d, sizeof d, "new");
    snprintf(path, sizeof path, "%s/f", d);
    snprintf(want, sizeof want, "cannot write %s: Input/output error", path);
    write_failing(path, 0, "fsync", 1, EIO, 1, want);
    write_failing(path, 0, "write", 1, EIO, 1, want);
    snprintf(want, sizeof want, "cannot write %s: No space left on device", path);
    write_failing(path, 0, "write", 1, ENOSPC, 1, want);
    snprintf(want, sizeof want, "cannot move the new file to %s: Input/output error", path);
    write_failing(path, 0, "linkat", 1, EIO, 1, want);
    snprintf(want, sizeof want, "%s already exists; choose another name", path);
    write_failing(path, 0, "linkat", 1, EEXIST, 1, want);
    snprintf(want, sizeof want, "cannot sync folder %s: Input/output error", d);
    write_failing(path, 0, "fsync", 2, EIO, 1, want);
    snprintf(want, sizeof want, "cannot open folder %s: Permission denied", d);
    write_failing(path, 0, "open", 2, EACCES, 1, want);
    assert_int_equal(count_entries(d), 0);
    /* A write interrupted by a signal is written again. */
    write_failing(path, 0, "write", 1, EINTR, 1, NULL);
    assert_string_equal(content(got, sizeof got, path), "new");
}

/* Replacing a file: a failure before the rename leaves the old one; one
 * after it says the new one is in place but may not survive a cut. */
static void test_replace_faults(void **state)
{
    char d[256], path[300], want[1024], got[16];
    struct err e;

    (void)state;
    fresh_dir(d, sizeof d, "replace");
    snprintf(path, sizeof path, "%s/f", d);
    assert_int_equal(file_write_atomic(path, "old", 3, 0, &e), 0);
    snprintf(want, sizeof want, "cannot move the new file to %s: Input/output error", path);
    write_failing(path, 1, "rename", 1, EIO, 1, want);
    snprintf(want, sizeof want, "cannot create a file in %s: Permission denied", d);
    write_failing(path, 1, "open", 1, EACCES, 1, want);
    snprintf(want, sizeof want, "cannot create a file in %s", d);
    write_failing(path, 1, "open", 1, EEXIST, 8, want);
    write_failing(path, 1, "flock", 1, EWOULDBLOCK, 8, want);
    assert_string_equal(content(got, sizeof got, path), "old");
    assert_int_equal(count_entries(d), 1);
    snprintf(want, sizeof want, "cannot sync folder %s: Input/output error: the new %s is in "
             "place but may not survive a power cut", d, path);
    write_failing(path, 1, "fsync", 2, EIO, 1, want);
    assert_string_equal(content(got, sizeof got, path), "new");
    assert_int_equal(count_entries(d), 1);
}

/* Without O_TMPFILE (no /proc here): a hidden name, renamed without
 * replacing; where the system has no such rename, link(2) instead. */
static void test_named_file_faults(void **state)
{
    char d[256], path[300], want[1024], got[16];

    (void)state;
    fresh_dir(d, sizeof d, "named");
    snprintf(path, sizeof path, "%s/f", d);
    /* access(2) says nothing exists: not the file, not /proc/self/fd. */
    write_failing(path, 0, "access", 1, ENOENT, 2, NULL);
    assert_string_equal(content(got, sizeof got, path), "new");
    assert_int_equal(unlink(path), 0);
    libcfault_arm("renameat2", 1, EINVAL, 1);
    write_failing(path, 0, "access", 1, ENOENT, 2, NULL);
    assert_string_equal(content(got, sizeof got, path), "new");
    assert_int_equal(count_entries(d), 1);
    assert_int_equal(unlink(path), 0);
    snprintf(want, sizeof want, "cannot move the new file to %s: Input/output error", path);
    libcfault_arm("renameat2", 1, EIO, 1);
    write_failing(path, 0, "access", 1, ENOENT, 2, want);
    libcfault_arm("renameat2", 1, EINVAL, 1);
    libcfault_arm("link", 1, EPERM, 1);
    snprintf(want, sizeof want, "cannot move the new file to %s: Operation not permitted", path);
    write_failing(path, 0, "access", 1, ENOENT, 2, want);
    assert_int_equal(count_entries(d), 0);
}

/* After a call made with a fault armed: no fault any more, and the call
 * failed (rc) with exactly the message want. */
static void failed_with(int rc, const struct err *e, const char *want)
{
    libcfault_disarm();
    assert_int_equal(rc, -1);
    assert_string_equal(e->msg, want);
}

/* A temporary folder: each failing step says which, and leaves nothing. */
static void test_temp_dir_faults(void **state)
{
    char d[256], final[300], want[1024];
    struct temp_dir td;
    struct err e;

    (void)state;
    fresh_dir(d, sizeof d, "tempdir");
    snprintf(final, sizeof final, "%s/out", d);
    libcfault_arm("mkdtemp", 1, ENOSPC, 1);
    snprintf(want, sizeof want, "cannot create a folder beside %s: No space left on device", final);
    failed_with(temp_dir_open(&td, final, &e), &e, want);
    libcfault_arm("flock", 1, EWOULDBLOCK, 1);
    snprintf(want, sizeof want, "cannot create a folder beside %s", final);
    failed_with(temp_dir_open(&td, final, &e), &e, want);
    assert_int_equal(count_entries(d), 0);

    assert_int_equal(temp_dir_open(&td, final, &e), 0);
    libcfault_arm("fsync", 1, EIO, 1);
    snprintf(want, sizeof want, "cannot sync the new folder for %s: Input/output error", final);
    failed_with(temp_dir_commit(&td, final, &e), &e, want);
    libcfault_arm("renameat2", 1, EIO, 1);
    snprintf(want, sizeof want, "cannot move the new folder to %s: Input/output error", final);
    failed_with(temp_dir_commit(&td, final, &e), &e, want);
    temp_dir_abort(&td);
    assert_int_equal(count_entries(d), 0);
    /* Moved, but its parent's sync failed: a failure is reported, so the
     * folder and what it holds (open -o: decrypted records) go again. */
    assert_int_equal(temp_dir_open(&td, final, &e), 0);
    {
        char inside[sizeof td.path + 16];
        int fd;
        snprintf(inside, sizeof inside, "%s/record.md", td.path);
        fd = open(inside, O_WRONLY | O_CREAT | O_EXCL, 0600);
        assert_true(fd >= 0);
        close(fd);
    }
    libcfault_arm("fsync", 2, EIO, 1);
    snprintf(want, sizeof want, "cannot sync folder %s: Input/output error; the new folder %s "
             "was removed again", d, final);
    failed_with(temp_dir_commit(&td, final, &e), &e, want);
    temp_dir_abort(&td);
    assert_int_equal(count_entries(d), 0);
    /* And when it cannot be removed, it says so. */
    assert_int_equal(temp_dir_open(&td, final, &e), 0);
    {
        char inside[sizeof td.path + 16];
        int fd;
        snprintf(inside, sizeof inside, "%s/record.md", td.path);
        fd = open(inside, O_WRONLY | O_CREAT | O_EXCL, 0600);
        assert_true(fd >= 0);
        close(fd);
    }
    libcfault_arm("fsync", 2, EIO, 1);
    libcfault_arm("unlinkat", 2, EBUSY, 1);    /* the folder's own */
    snprintf(want, sizeof want, "cannot sync folder %s: Input/output error; the new folder %s "
             "could not be removed: remove it yourself", d, final);
    failed_with(temp_dir_commit(&td, final, &e), &e, want);
    temp_dir_abort(&td);
    assert_int_equal(count_entries(d), 1);
    assert_int_equal(count_entries(final), 0);
    assert_int_equal(rmdir(final), 0);
}

/* Reading: a status or a read that fails is told with the system's
 * words, never as "not a regular file"; an interrupted read goes on. */
static void test_read_faults(void **state)
{
    char path[256], want[1024], got[16];
    unsigned char *buf;
    size_t len;
    struct err e;
    int fd;

    (void)state;
    snprintf(path, sizeof path, "%s/r", dir);
    assert_int_equal(file_write_atomic(path, "read me", 7, 0, &e), 0);
    libcfault_arm("fstat", 1, EIO, 1);
    snprintf(want, sizeof want, "cannot open file %s: Input/output error", path);
    failed_with(file_read_all(path, 100, &buf, &len, "file", &e), &e, want);
    libcfault_arm("fstat", 2, EIO, 1);
    snprintf(want, sizeof want, "cannot read file %s: Input/output error", path);
    failed_with(file_read_all(path, 100, &buf, &len, "file", &e), &e, want);
    libcfault_arm("read", 1, EIO, 1);
    assert_int_equal(file_read_all(path, 100, &buf, &len, "file", &e), -1);
    libcfault_disarm();
    assert_string_equal(e.msg, want);
    libcfault_arm("read", 1, EINTR, 1);
    assert_string_equal(content(got, sizeof got, path), "read me");
    assert_int_equal(libcfault_landed(), 1);
    libcfault_disarm();
    libcfault_arm("open", 1, EMFILE, 1);
    snprintf(want, sizeof want, "cannot open %s: Too many open files", path);
    failed_with(file_open_regular(&fd, path, 0, NULL, &e), &e, want);
    libcfault_arm("open", 1, EOPNOTSUPP, 1);
    snprintf(want, sizeof want, "cannot make an unnamed temporary file in %s: Operation not "
             "supported", getenv("TMPDIR") != NULL && getenv("TMPDIR")[0] != '\0'
             ? getenv("TMPDIR") : "/tmp");
    failed_with(temp_file_anonymous(&fd, &e), &e, want);
    assert_int_equal(unlink(path), 0);
}

/* fd_copy: a write that fails is told; one interrupted goes on. */
static void test_copy_faults(void **state)
{
    struct err e;
    int from, to;

    (void)state;
    assert_int_equal(temp_file_anonymous(&from, &e), 0);
    assert_int_equal(write(from, "copy", 4), 4);
    assert_int_equal(temp_file_anonymous(&to, &e), 0);
    libcfault_arm("write", 1, ENOSPC, 1);
    assert_int_equal(fd_copy(to, from, &e), -1);
    libcfault_disarm();
    assert_string_equal(e.msg, "No space left on device");
    libcfault_arm("write", 1, EINTR, 1);
    assert_int_equal(fd_copy(to, from, &e), 0);
    libcfault_disarm();
    assert_int_equal(lseek(to, 0, SEEK_END), 4);
    close(from);
    close(to);
}

/* A failure saying "path too long: ", and nothing made in folder d. */
static void too_long(int rc, const struct err *e, const char *d)
{
    assert_int_equal(rc, -1);
    assert_int_equal(e->code, EXIT_INPUT);
    assert_int_equal(strncmp(e->msg, "path too long: ", 15), 0);
    assert_int_equal(count_entries(d), 0);
}

/* A path longer than the system takes (4,096 bytes), or one whose hidden
 * temporary name would be, is refused by name before anything is made,
 * at every entry point. */
static void test_paths_too_long(void **state)
{
    char d[256], deep[4200], *longp = malloc(5000);
    struct atomic_file af;
    struct temp_dir td;
    struct err e;
    size_t n;

    (void)state;
    assert_non_null(longp);
    fresh_dir(d, sizeof d, "long");
    n = (size_t)snprintf(longp, 5000, "%s/", d);
    memset(longp + n, 'a', 4999 - n);
    longp[4999] = '\0';
    too_long(atomic_open(&af, longp, 0, &e), &e, d);
    too_long(file_check_new(longp, 0, &e), &e, d);
    too_long(fsync_parent(longp, &e), &e, d);
    too_long(temp_dir_open(&td, longp, &e), &e, d);
    /* A folder 4,080 bytes long, which exists: a file in it fits, its
     * hidden temporary name or folder does not. */
    n = (size_t)snprintf(deep, sizeof deep, "%s", d);
    while (n < 4080) {
        size_t k = 4080 - n - 1 < 200 ? 4080 - n - 1 : 200;
        deep[n++] = '/';
        memset(deep + n, 'd', k);
        n += k;
        deep[n] = '\0';
        assert_int_equal(mkdir(deep, 0700), 0);
    }
    snprintf(deep + n, sizeof deep - n, "/f");
    assert_int_equal(atomic_open(&af, deep, 1, &e), -1);
    assert_int_equal(strncmp(e.msg, "path too long: ", 15), 0);
    assert_int_equal(temp_dir_open(&td, deep, &e), -1);
    assert_int_equal(strncmp(e.msg, "path too long: ", 15), 0);
    deep[n] = '\0';
    assert_int_equal(count_entries(deep), 0);
    free(longp);
}

/* atomic_sync's fsync failing: the system's words, the file unnamed. */
/* The free bytes are statvfs's f_bavail blocks of f_frsize bytes; a
 * folder that cannot be asked gives UINT64_MAX (no refusal on a guess). */
static void test_free_bytes(void **state)
{
    struct statvfs vf;

    (void)state;
    assert_int_equal(statvfs("/tmp", &vf), 0);
    assert_true(fileio_free_bytes("/tmp") / vf.f_frsize + 1024 >= (uint64_t)vf.f_bavail);
    assert_true(fileio_free_bytes("/tmp") != UINT64_MAX);
    assert_true(fileio_free_bytes("/nonexistent-intake-folder/x") == UINT64_MAX);
}

static void test_sync_fault(void **state)
{
    char d[256], path[300], want[400];
    struct atomic_file af;
    struct err e;

    (void)state;
    fresh_dir(d, sizeof d, "sync");
    snprintf(path, sizeof path, "%s/f", d);
    assert_int_equal(atomic_open(&af, path, 0, &e), 0);
    assert_int_equal(atomic_write(&af, "x", 1, &e), 0);
    libcfault_arm("fsync", 1, EIO, 1);
    assert_int_equal(atomic_sync(&af, &e), -1);
    assert_int_equal(libcfault_landed(), 1);
    libcfault_disarm();
    snprintf(want, sizeof want, "cannot write %s: Input/output error", path);
    assert_string_equal(e.msg, want);
    atomic_abort(&af);
    assert_int_equal(count_entries(d), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_then_read),
        cmocka_unit_test(test_never_overwrites),
        cmocka_unit_test(test_abort_leaves_nothing),
        cmocka_unit_test(test_enospc_is_reported),
        cmocka_unit_test(test_read_limits),
        cmocka_unit_test(test_open_regular),
        cmocka_unit_test(test_temp_files),
        cmocka_unit_test(test_temp_dir),
        cmocka_unit_test(test_temp_dir_note),
        cmocka_unit_test(test_check_new_and_copy),
        cmocka_unit_test(test_new_file_faults),
        cmocka_unit_test(test_replace_faults),
        cmocka_unit_test(test_named_file_faults),
        cmocka_unit_test(test_temp_dir_faults),
        cmocka_unit_test(test_read_faults),
        cmocka_unit_test(test_copy_faults),
        cmocka_unit_test(test_paths_too_long),
        cmocka_unit_test(test_sync_fault),
        cmocka_unit_test(test_free_bytes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
