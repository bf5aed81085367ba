/* store/attach.c: attaching a file to a record. The source is opened only
 * if it is a regular file and named, typed and flagged from its own
 * bytes; its bytes are streamed into the store in one transaction and
 * logged; the original is removed only once the stored copy verifies and
 * the file did not change meanwhile. Every refusal stores nothing, logs
 * nothing and keeps the file. */
#include "tests/unit/libcfault.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include <limits.h>
#include <signal.h>
#include <sys/wait.h>

#include "store/attach.h"

#define BIG (2 * ATTACHMENT_CHUNK + 1234)   /* three stored chunks */

struct attach_fixture {
    struct fixture *f;                   /* an open store */
    char id[RECORD_ID_CHARS + 1];        /* a record of Rim-il */
    char src[220];                       /* a folder for the files to attach */
};

static int attach_setup(void **state)
{
    struct attach_fixture *a = calloc(1, sizeof *a);
    void *inner;

    if (a == NULL || open_fixture_setup(&inner) != 0)
        return -1;
    a->f = inner;
    add_subject(a->f->s, "Kim Jong-su", "Rim-il");
    add_record(a->id, a->f->s, "Rim-il", "Shipyard", "2023-05-01", "Long days.\n");
    snprintf(a->src, sizeof a->src, "%s.src", a->f->dir);
    if (mkdir(a->src, 0700) != 0)
        return -1;
    *state = a;
    return 0;
}

static int attach_teardown(void **state)
{
    struct attach_fixture *a = *state;
    void *inner = a->f;
    int rc = remove_tree(a->src) | fixture_teardown(&inner);

    free(a);
    return rc;
}

/* A new file name in dir holding buf[0..len); its path into path. */
static void make_file(char *path, size_t pathlen, const char *dir, const char *name,
                      const void *buf, size_t len)
{
    int fd;

    path_in(path, pathlen, dir, name);
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, buf, len), (ssize_t)len);
    assert_int_equal(close(fd), 0);
}

/* Opens path as a source that must be refused with msg (EXIT_INPUT). */
static void expect_source_refused(const char *path, const char *msg)
{
    struct attach_source src = { .fd = -1 };
    struct err e;

    assert_int_equal(attach_source_open(&src, path, 0, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, msg);
    attach_source_close(&src);
    assert_int_equal(src.fd, -1);
}

static void open_source(struct attach_source *src, const char *path)
{
    struct err e;

    if (attach_source_open(src, path, 0, &e) != 0)
        fail_msg("source: %s", e.msg);
}

static void attach_ok(unsigned char hash[ATTACHMENT_HASHBYTES], struct attach_fixture *a,
                      const struct attach_source *src)
{
    struct err e;

    if (store_attach(hash, a->f->s, a->id, src, &e) != 0)
        fail_msg("attach: %s", e.msg);
}

static void test_attach_streams_the_file(void **state)
{
    struct attach_fixture *a = *state;
    unsigned char *data = random_bytes(BIG), hash[ATTACHMENT_HASHBYTES], want[ATTACHMENT_HASHBYTES];
    struct attach_source src = { .fd = -1 };
    char path[300], logged[64];

    memcpy(data, "OggS", 4);
    make_file(path, sizeof path, a->src, "memo.ogg", data, BIG);
    open_source(&src, path);
    assert_true(src.fd >= 0);
    assert_ptr_equal(src.path, path);
    assert_string_equal(src.name, "memo.ogg");
    assert_string_equal(src.type, "audio/ogg");
    assert_int_equal(src.gps, 0);
    assert_int_equal(src.st.st_size, BIG);

    attach_ok(hash, a, &src);
    crypto_generichash(want, sizeof want, data, BIG, NULL, 0);
    assert_memory_equal(hash, want, sizeof want);
    expect_attachment(a->f->s, a->id, "memo.ogg", "audio/ogg", 0, data, BIG);
    snprintf(logged, sizeof logged, "attach %s", a->id);
    expect_last_log(a->f->s, logged);
    assert_int_equal(access(path, F_OK), 0);      /* kept without --remove-source */
    attach_source_close(&src);
    assert_int_equal(src.fd, -1);
    attach_source_close(&src);                    /* twice is fine */
    free(data);
}

static void test_type_and_location_from_the_bytes(void **state)
{
    struct attach_fixture *a = *state;
    unsigned char hash[ATTACHMENT_HASHBYTES], *photo;
    struct attach_source src = { .fd = -1 };
    char path[300];
    size_t len;

    /* A JPEG whose EXIF holds a GPS position. */
    photo = slurp("tests/data/gps.jpg", &len);
    make_file(path, sizeof path, a->src, "photo", photo, len);
    open_source(&src, path);
    assert_string_equal(src.type, "image/jpeg");
    assert_int_equal(src.gps, 1);
    attach_ok(hash, a, &src);
    attach_source_close(&src);
    expect_attachment(a->f->s, a->id, "photo", "image/jpeg", 1, photo, len);
    free(photo);

    /* The same without one. */
    open_source(&src, "tests/data/nogps.jpg");
    assert_string_equal(src.name, "nogps.jpg");
    assert_string_equal(src.type, "image/jpeg");
    assert_int_equal(src.gps, 0);
    attach_source_close(&src);

    /* Text, and an empty file. */
    make_file(path, sizeof path, a->src, "notes.txt", "met at the port\n", 16);
    open_source(&src, path);
    assert_string_equal(src.type, "text/plain");
    attach_source_close(&src);
    make_file(path, sizeof path, a->src, "empty", "", 0);
    open_source(&src, path);
    assert_string_equal(src.type, "application/octet-stream");
    assert_int_equal(src.gps, 0);
    attach_ok(hash, a, &src);
    attach_source_close(&src);
    expect_attachment(a->f->s, a->id, "empty", "application/octet-stream", 0, "", 0);
    assert_int_equal(attachment_count(a->f->s), 2);
}

static void test_no_regular_file_refused(void **state)
{
    struct attach_fixture *a = *state;
    char path[300], want[400];
    long logged = log_entries(a->f->s);
    int keep;

    path_in(path, sizeof path, a->src, "missing.ogg");
    snprintf(want, sizeof want, "cannot open %s: No such file or directory", path);
    expect_source_refused(path, want);

    snprintf(want, sizeof want, "%s is not a regular file: it is a folder", a->src);
    expect_source_refused(a->src, want);
    expect_source_refused("/dev/null", "/dev/null is not a regular file: it is a character device");

    /* A named pipe (with a writer, so that opening it returns). */
    path_in(path, sizeof path, a->src, "pipe");
    assert_int_equal(mkfifo(path, 0600), 0);
    keep = open(path, O_RDWR | O_NONBLOCK);
    assert_true(keep >= 0);
    snprintf(want, sizeof want, "%s is not a regular file: it is a named pipe (FIFO)", path);
    expect_source_refused(path, want);
    close(keep);

    assert_int_equal(attachment_count(a->f->s), 0);
    assert_int_equal(log_entries(a->f->s), logged);
}

/* A named pipe that nobody writes to is refused without waiting for a
 * writer (its type is looked at before it is opened). Run in a child with
 * an alarm so that a hang shows as a failure, not as a stuck suite. */
static void test_pipe_without_writer_refused(void **state)
{
    struct attach_fixture *a = *state;
    char path[300];
    int status;
    pid_t pid;

    path_in(path, sizeof path, a->src, "pipe");
    assert_int_equal(mkfifo(path, 0600), 0);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        struct attach_source src = { .fd = -1 };
        struct err e;

        alarm(2);
        child_exit(attach_source_open(&src, path, 0, &e) == -1 && e.code == EXIT_INPUT ? 0 : 1);
    }
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status))
        fail_msg("attach_source_open blocked on a pipe (signal %d)", WTERMSIG(status));
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_refusals_store_nothing(void **state)
{
    struct attach_fixture *a = *state;
    unsigned char hash[ATTACHMENT_HASHBYTES], first[ATTACHMENT_HASHBYTES];
    struct attach_source src = { .fd = -1 }, again = { .fd = -1 };
    char path[300];
    long logged;
    struct err e;

    make_file(path, sizeof path, a->src, "memo.txt", "first\n", 6);
    open_source(&src, path);
    logged = log_entries(a->f->s);

    /* No such record. */
    assert_int_equal(store_attach(hash, a->f->s, "nosuchrecord0000", &src, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "no record with id 'nosuchrecord0000' (see 'intake list')");
    assert_int_equal(attachment_count(a->f->s), 0);
    assert_int_equal(log_entries(a->f->s), logged);
    attach_ok(first, a, &src);
    attach_source_close(&src);

    /* A name the record has already: the first copy stays as it was. */
    assert_int_equal(unlink(path), 0);
    make_file(path, sizeof path, a->src, "memo.txt", "second\n", 7);
    open_source(&again, path);
    logged = log_entries(a->f->s);
    assert_int_equal(store_attach(hash, a->f->s, a->id, &again, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "the record already has an attachment named 'memo.txt'; "
                        "nothing was changed");
    attach_source_close(&again);
    expect_attachment(a->f->s, a->id, "memo.txt", "text/plain", 0, "first\n", 6);
    assert_int_equal(log_entries(a->f->s), logged);
    assert_int_equal(access(path, F_OK), 0);
}

/* A file bigger than the store's disk could take (a sparse one: its
 * full size is what the store would hold): refused before anything is
 * written, with the sizes.  A file of /proc that says it is empty and is
 * not: refused when it is opened. */
static void test_refused_by_size(void **state)
{
    struct attach_fixture *a = *state;
    unsigned char hash[ATTACHMENT_HASHBYTES];
    struct attach_source src = { .fd = -1 };
    char path[300], want[900];
    long logged = log_entries(a->f->s);
    struct err e;
    int fd;

    path_in(path, sizeof path, a->src, "huge.bin");
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)1 << 40), 0);       /* 1 TiB, no block written */
    close(fd);
    open_source(&src, path);
    err_clear(&e);
    assert_int_equal(store_attach(hash, a->f->s, a->id, &src, &e), -1);
    attach_source_close(&src);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(want, sizeof want, "the disk holding %s is full: attaching %s (1048576 MiB) needs "
             "about ", a->f->dir, path);
    if (strncmp(e.msg, want, strlen(want)) != 0 || strstr(e.msg, "; nothing was stored") == NULL)
        fail_msg("the message: %s", e.msg);
    assert_int_equal(attachment_count(a->f->s), 0);
    assert_int_equal(log_entries(a->f->s), logged);
    assert_int_equal(unlink(path), 0);

    err_clear(&e);
    assert_int_equal(attach_source_open(&src, "/proc/self/status", 0, &e), -1);
    attach_source_close(&src);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "/proc/self/status gives a size of 0 bytes but holds data (a "
                        "file of /proc or /sys?): copy it into an ordinary file and attach that; "
                        "nothing was stored");
}

static void test_remove_source(void **state)
{
    struct attach_fixture *a = *state;
    unsigned char *data = random_bytes(BIG), hash[ATTACHMENT_HASHBYTES];
    struct attach_source src = { .fd = -1 };
    char path[300];
    struct err e;

    make_file(path, sizeof path, a->src, "memo.bin", data, BIG);
    open_source(&src, path);
    attach_ok(hash, a, &src);
    if (store_attach_remove_source(a->f->s, a->id, &src, hash, &e) != 0)
        fail_msg("remove: %s", e.msg);
    attach_source_close(&src);
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(count_entries(a->src), 0);
    expect_attachment(a->f->s, a->id, "memo.bin", "application/octet-stream", 0, data, BIG);
    free(data);
}

/* With --remove-source, a symbolic link and a file with other names are
 * refused before anything is stored (removing that name would keep the
 * recording); without it, both are attached as they are. */
static void test_remove_source_refuses_links(void **state)
{
    struct attach_fixture *a = *state;
    struct attach_source src = { .fd = -1 };
    char path[300], sym[300], other[300], real[PATH_MAX], want[PATH_MAX + 600];
    long logged = log_entries(a->f->s);
    struct err e;

    make_file(path, sizeof path, a->src, "memo.txt", "0123456789", 10);
    assert_non_null(realpath(path, real));
    path_in(sym, sizeof sym, a->src, "link.txt");
    assert_int_equal(symlink(path, sym), 0);
    assert_int_equal(attach_source_open(&src, sym, 1, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(want, sizeof want, "%s is a symbolic link: --remove-source would remove the link "
             "and keep the recording at %s; give the file itself, or leave out "
             "--remove-source; nothing was stored", sym, real);
    assert_string_equal(e.msg, want);
    attach_source_close(&src);
    open_source(&src, sym);
    assert_string_equal(src.name, "link.txt");
    attach_source_close(&src);

    path_in(other, sizeof other, a->src, "other.txt");
    assert_int_equal(link(path, other), 0);
    assert_int_equal(attach_source_open(&src, path, 1, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(want, sizeof want, "%s has 1 other name (hard links): --remove-source would "
             "leave the recording under it; remove it first, or leave out --remove-source; "
             "nothing was stored", path);
    assert_string_equal(e.msg, want);
    attach_source_close(&src);
    assert_int_equal(src.fd, -1);
    open_source(&src, path);
    attach_source_close(&src);

    assert_int_equal(count_entries(a->src), 3);
    assert_int_equal(attachment_count(a->f->s), 0);
    assert_int_equal(log_entries(a->f->s), logged);
}

static void append_byte(const char *path, const struct attach_source *src)
{
    int fd = open(path, O_WRONLY | O_APPEND);

    (void)src;
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "x", 1), 1);
    close(fd);
}

/* Same size, other bytes, another modification time. */
static void rewrite(const char *path, const struct attach_source *src)
{
    struct timespec t[2] = { src->st.st_atim, src->st.st_mtim };

    spit(path, (const unsigned char *)"9876543210", 10);
    t[1].tv_sec -= 60;
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

/* The same, within the same second (only the nanoseconds tell). */
static void rewrite_same_second(const char *path, const struct attach_source *src)
{
    struct timespec t[2] = { src->st.st_atim, src->st.st_mtim };

    spit(path, (const unsigned char *)"9876543210", 10);
    t[1].tv_nsec = (t[1].tv_nsec + 1) % 1000000000;
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

/* Another file renamed over it (a new inode). */
static void replace(const char *path, const struct attach_source *src)
{
    char other[320];
    int fd;

    (void)src;
    snprintf(other, sizeof other, "%s.new", path);
    fd = open(other, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "0123456789", 10), 10);
    close(fd);
    assert_int_equal(rename(other, path), 0);
}

static void remove_it(const char *path, const struct attach_source *src)
{
    (void)src;
    assert_int_equal(unlink(path), 0);
}

/* Attaches a new file name (ten bytes of its own) and changes it with how
 * (NULL: the hash given is not the stored copy's); --remove-source must
 * refuse, and keep the file unless how removed it. */
static void expect_kept(struct attach_fixture *a, const char *name,
                        void (*how)(const char *path, const struct attach_source *src))
{
    unsigned char hash[ATTACHMENT_HASHBYTES];
    struct attach_source src = { .fd = -1 };
    char path[300], want[600];
    struct err e;

    static unsigned made;
    char bytes[11];

    /* ten bytes of their own: attach refuses the same bytes twice (B-2) */
    snprintf(bytes, sizeof bytes, "%010u", made++);
    make_file(path, sizeof path, a->src, name, bytes, 10);
    open_source(&src, path);
    attach_ok(hash, a, &src);
    if (how != NULL)
        how(path, &src);
    else
        hash[0] ^= 1;
    assert_int_equal(store_attach_remove_source(a->f->s, a->id, &src, hash, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    if (how != NULL)
        snprintf(want, sizeof want, "%s changed while it was attached; the file was kept "
                 "(attach it again under another name if needed)", path);
    else
        snprintf(want, sizeof want, "the stored copy of %s does not verify; the file was kept",
                 path);
    assert_string_equal(e.msg, want);
    attach_source_close(&src);
    assert_int_equal(access(path, F_OK), how == remove_it ? -1 : 0);
    expect_attachment(a->f->s, a->id, name, "text/plain", 0, bytes, 10);
}

static void test_remove_source_refused_when_changed(void **state)
{
    struct attach_fixture *a = *state;

    expect_kept(a, "longer.txt", append_byte);
    expect_kept(a, "rewritten.txt", rewrite);
    expect_kept(a, "same-second.txt", rewrite_same_second);
    expect_kept(a, "replaced.txt", replace);
    expect_kept(a, "gone.txt", remove_it);
    expect_kept(a, "unverified.txt", NULL);
    assert_int_equal(count_entries(a->src), 5);
    assert_int_equal(attachment_count(a->f->s), 6);
}

/* A file rewritten with other bytes of the same size and its modification
 * time put back (touch -r, cp -p, a sync tool) is kept: its change time,
 * which no one can set back, and its bytes read again tell. */
static void test_remove_source_sees_restored_mtime(void **state)
{
    struct attach_fixture *a = *state;
    unsigned char hash[ATTACHMENT_HASHBYTES];
    struct attach_source src = { .fd = -1 };
    struct timespec t[2];
    char path[300];
    struct err e;

    make_file(path, sizeof path, a->src, "memo.txt", "0123456789", 10);
    open_source(&src, path);
    attach_ok(hash, a, &src);
    spit(path, (const unsigned char *)"9876543210", 10);
    t[0] = src.st.st_atim;
    t[1] = src.st.st_mtim;
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
    assert_int_equal(store_attach_remove_source(a->f->s, a->id, &src, hash, &e), -1);
    attach_source_close(&src);
    assert_int_equal(access(path, F_OK), 0);
}

/* --remove-source after the attachment was saved, with reading the file
 * again, removing it or syncing its folder failing: each says the file
 * was attached (never "nothing was changed") and whether it was kept. */
static void test_remove_source_faults(void **state)
{
    static const struct {
        const char *call;
        int err, kept;
        const char *before, *after;   /* the message: before, the path, after */
    } cases[] = {
        { "read", EIO, 1, "cannot read ", " again: Input/output error; the file was kept" },
        { "unlink", EACCES, 1, "attached, but cannot remove ", ": Permission denied" },
        { "fsync", EIO, 0, "attached and removed ",
          ", but the removal may not survive a power cut (cannot sync folder " },
    };
    struct attach_fixture *a = *state;
    unsigned char hash[ATTACHMENT_HASHBYTES];
    char path[300], name[32], want[1024];
    int count = attachment_count(a->f->s);
    struct err e;

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct attach_source src = { .fd = -1 };

        char bytes[11];

        snprintf(name, sizeof name, "fault%zu.txt", i);
        snprintf(bytes, sizeof bytes, "f%09zu", i);   /* bytes of its own (B-2) */
        make_file(path, sizeof path, a->src, name, bytes, 10);
        open_source(&src, path);
        attach_ok(hash, a, &src);
        libcfault_arm(cases[i].call, 1, cases[i].err, 1);
        err_clear(&e);
        assert_int_equal(store_attach_remove_source(a->f->s, a->id, &src, hash, &e), -1);
        assert_int_equal(libcfault_landed(), 1);
        libcfault_disarm();
        libcfault_count = 0;
        attach_source_close(&src);
        assert_int_equal(e.code, EXIT_INPUT);
        snprintf(want, sizeof want, "%s%s%s", cases[i].before, path, cases[i].after);
        if (!cases[i].kept)
            snprintf(want + strlen(want), sizeof want - strlen(want),
                     "%s: Input/output error)", a->src);
        assert_string_equal(e.msg, want);
        assert_int_equal(access(path, F_OK), cases[i].kept ? 0 : -1);
        assert_int_equal(attachment_count(a->f->s), ++count);
        expect_attachment(a->f->s, a->id, name, "text/plain", 0, bytes, 10);
    }
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, attach_setup, attach_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_attach_streams_the_file),
        T(test_type_and_location_from_the_bytes),
        T(test_no_regular_file_refused),
        T(test_pipe_without_writer_refused),
        T(test_refusals_store_nothing),
        T(test_refused_by_size),
        T(test_remove_source),
        T(test_remove_source_refuses_links),
        T(test_remove_source_refused_when_changed),
        T(test_remove_source_sees_restored_mtime),
        T(test_remove_source_faults),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
