/* SQLite's allocations through the store's allocator (store/db_mem.c):
 * a block freed twice is freed once (issue 14: `make inject` found glibc
 * aborting with "corrupted size vs. prev_size" when store_create's 212th
 * SQLite allocation failed; docs/COVERAGE.md).
 *
 * The replay: one store_create is recorded allocation by allocation; the
 * allocations SQLCipher 3.4.1's key derivation makes for its copy of the
 * key text (a 72-byte block, 67 bytes rounded, right after the 104-byte
 * block of the key specification: sqlcipher_cipher_ctx_copy) then fail,
 * one per run, each in a child process, so that a crash fails this test
 * instead of ending it. Each run must end with store_create returning 0
 * or -1 with a message, the second free counted, and a second init in the
 * same folder working.
 *
 * Also the out-of-memory returns of opening a store, saving a record and
 * reading a passphrase (issue 14: "every error return of store/ and util/
 * reached by an injected fault"): sodium_malloc (the secure memory of
 * keys and passphrases) and SQLite's allocations failing in turn, each
 * run's exact message and exit status, and the store as it was. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>

#include "store/attach.h"
#include "util/prompt.h"

#include "store/db.h"

/* sodium_malloc's Nth call failing (0: none). */
static struct {
    unsigned long n, seen;
    int landed;
} oom;

void *sodium_malloc(size_t size)
{
    static void *(*next)(size_t);

    if (next == NULL)
        *(void **)&next = dlsym(RTLD_NEXT, "sodium_malloc");
    if (oom.n != 0 && ++oom.seen == oom.n) {
        oom.landed = 1;
        errno = ENOMEM;
        return NULL;
    }
    return next(size);
}

/* SQLite's Nth allocation failing, outside the key text's pattern. */
static unsigned long sql_fail, sql_seen;
static int sql_landed;

static sqlite3_mem_methods store_mem;    /* the store's allocator */

/* SQLCipher 3.4.1's copy of the key text in sqlcipher_cipher_ctx_copy:
 * 67 bytes (the "x'<64 hex>'" key, rounded up to 72 by SQLite), right after
 * the 104-byte (99) key specification the key derivation has just made. */
#define KEY_TEXT_SIZE 72
#define KEYSPEC_SIZE 104

static struct {
    int last;                            /* the size asked for before */
    unsigned long copies;                /* key text copies seen */
    unsigned long fail;                  /* the copy to fail (1st, 2nd...), 0: none */
    int failed;                          /* 1 once it failed */
} tap;

static void *tap_malloc(int n)
{
    int copy = n == KEY_TEXT_SIZE && tap.last == KEYSPEC_SIZE;

    tap.last = n;
    if (sql_fail != 0 && ++sql_seen == sql_fail) {
        sql_landed = 1;
        return NULL;
    }
    if (copy && ++tap.copies == tap.fail) {
        tap.failed = 1;
        return NULL;
    }
    return store_mem.xMalloc(n);
}

static void *tap_realloc(void *q, int n)
{
    tap.last = -n;
    if (sql_fail != 0 && ++sql_seen == sql_fail) {
        sql_landed = 1;
        return NULL;
    }
    return store_mem.xRealloc(q, n);
}

static int make_store(const char *dir, struct err *e)
{
    struct store_params p = { "field kit", "ko", OPS, MEM };
    unsigned char recovery[RECOVERY_KEY_BYTES];

    recovery_key_new(recovery);
    err_clear(e);
    return store_create(dir, &p, pass, strlen(pass), recovery, e);
}

/* A first store installs the store's allocator; the tap then wraps it. */
static int tap_setup(void **state)
{
    static sqlite3_mem_methods mine;
    char dir[300];
    struct err e;

    if (setup(state) != 0)
        return -1;
    snprintf(dir, sizeof dir, "%s/first", root);
    if (make_store(dir, &e) != 0 || sqlite3_shutdown() != SQLITE_OK ||
        sqlite3_config(SQLITE_CONFIG_GETMALLOC, &store_mem) != SQLITE_OK)
        return -1;
    mine = store_mem;
    mine.xMalloc = tap_malloc;
    mine.xRealloc = tap_realloc;
    return sqlite3_config(SQLITE_CONFIG_MALLOC, &mine) == SQLITE_OK ? 0 : -1;
}

/* The replay, each copy of the key text failing in turn. */
static void test_key_copy_failing(void **state)
{
    char dir[300];
    struct err e;
    unsigned long copies, twice = 0;

    (void)state;
    snprintf(dir, sizeof dir, "%s/recorded", root);
    tap = (__typeof__(tap)){ 0 };
    assert_int_equal(make_store(dir, &e), 0);
    copies = tap.copies;
    /* The pattern must be found, or this test checks nothing. */
    assert_true(copies >= 1);
    for (unsigned long k = 1; k <= copies; k++) {
        int status;
        pid_t pid;

        snprintf(dir, sizeof dir, "%s/fail%lu", root, k);
        fflush(NULL);
        pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            unsigned long before = db_mem_stale_frees();
            int rc;

            signal(SIGABRT, SIG_DFL);
            signal(SIGSEGV, SIG_DFL);
            signal(SIGILL, SIG_DFL);     /* make SAN=1's UBSan traps */
            tap = (__typeof__(tap)){ .fail = k };
            rc = make_store(dir, &e);
            tap.fail = 0;
            if (!tap.failed)
                child_exit(3);
            if (rc != 0 && (rc != -1 || e.msg[0] == '\0'))
                child_exit(4);
            if (db_mem_stale_frees() > before + 1)
                child_exit(5);
            if (rc != 0 && make_store(dir, &e) != 0)
                child_exit(6);           /* init again in the same folder */
            child_exit(db_mem_stale_frees() == before + 1 ? 0 : 7);
        }
        assert_int_equal(waitpid(pid, &status, 0), pid);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            twice++;
        else if (!WIFEXITED(status) || WEXITSTATUS(status) != 7)
            fail_msg("store_create, copy %lu of the key text failing: %s %d", k,
                     WIFSIGNALED(status) ? "killed by signal" : "exit status",
                     WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    }
    /* SQLCipher freed a block twice in at least one run (else this test
     * no longer replays the defect: SQLCipher changed). */
    assert_true(twice >= 1);
}

/* The same copy in sqlite3_rekey (sqlcipher_codec_key_copy, the write
 * context over the read one): each in turn failing during store_rekey, in
 * a child each; the store opens after with the secrets *rekeyed names,
 * and holds its record. Counted, not required: a rekey may copy none. */
static void test_rekey_key_copy_failing(void **state)
{
    char dir[300], id[RECORD_ID_CHARS + 1];
    unsigned char recovery[RECOVERY_KEY_BYTES];
    unsigned long copies, twice = 0;
    struct store *s;
    struct err e;
    int rekeyed;

    (void)state;
    snprintf(dir, sizeof dir, "%s/rekey-recorded", root);
    s = new_store(dir, "field kit");
    recovery_key_new(recovery);
    tap = (__typeof__(tap)){ 0 };
    assert_int_equal(store_rekey(&rekeyed, s, newpass, strlen(newpass), recovery, NULL, NULL,
                                 &e), 0);
    copies = tap.copies;
    store_close(s);
    for (unsigned long k = 1; k <= copies && k <= 4; k++) {
        int status;
        pid_t pid;

        snprintf(dir, sizeof dir, "%s/rekey%lu", root, k);
        s = new_store(dir, "field kit");
        add_subject(s, "Kim Ji-yeon", "Nari");
        add_record(id, s, "Nari", "First", "2026-11-29", "The first testimony.");
        fflush(NULL);
        pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            struct store *t = NULL;
            unsigned long before = db_mem_stale_frees();
            int rc;

            signal(SIGABRT, SIG_DFL);
            signal(SIGSEGV, SIG_DFL);
            signal(SIGILL, SIG_DFL);     /* make SAN=1's UBSan traps */
            rekeyed = 0;
            tap = (__typeof__(tap)){ .fail = k };
            rc = store_rekey(&rekeyed, s, newpass, strlen(newpass), recovery, NULL, NULL, &e);
            tap.fail = 0;
            store_close(s);
            if (!tap.failed)
                child_exit(3);
            if (rc != 0 && (rc != -1 || e.msg[0] == '\0'))
                child_exit(4);
            if (store_open(&t, dir, KEYSLOT_PASSPHRASE,
                           (const unsigned char *)(rekeyed ? newpass : pass),
                           strlen(rekeyed ? newpass : pass), &e) != 0)
                child_exit(5);
            store_close(t);
            child_exit(db_mem_stale_frees() == before ? 0 : 7);
        }
        store_close(s);
        assert_int_equal(waitpid(pid, &status, 0), pid);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 7)
            twice++;
        else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            fail_msg("store_rekey, copy %lu of the key text failing: %s %d", k,
                     WIFSIGNALED(status) ? "killed by signal" : "exit status",
                     WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    }
    print_message("store_rekey: %lu copies of the key text failed in turn, %lu freed a block "
                  "twice (ignored)\n", copies, twice);
}

/* The allocator itself: a second free of a block, and its size, ignored. */
static void test_double_free_ignored(void **state)
{
    int status;
    pid_t pid;

    (void)state;
    fflush(NULL);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        unsigned long before = db_mem_stale_frees();
        char *a = sqlite3_malloc(67), *b;

        signal(SIGABRT, SIG_DFL);
        if (a == NULL)
            child_exit(4);
        memset(a, 'k', 67);
        sqlite3_free(a);
        sqlite3_free(a);                 /* what SQLCipher does */
        b = sqlite3_malloc(67);
        if (b == NULL || db_mem_stale_frees() != before + 1)
            child_exit(5);
        sqlite3_free(b);
        child_exit(0);
    }
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

/* Many blocks live at once, freed in another order: each freed once,
 * none counted as stale, their contents kept (the table's deletions). */
static void test_many_blocks(void **state)
{
    enum { N = 5000 };
    static char *p[N];
    unsigned long before = db_mem_stale_frees();

    (void)state;
    for (int i = 0; i < N; i++) {
        p[i] = sqlite3_malloc(16 + i % 200);
        assert_non_null(p[i]);
        memset(p[i], i & 0x7f, 16);
    }
    for (int i = 0; i < N; i += 2) {
        p[i] = sqlite3_realloc(p[i], 300);
        assert_non_null(p[i]);
    }
    for (int i = N - 1; i >= 0; i -= 3) {
        assert_int_equal(p[i][15], i & 0x7f);
        sqlite3_free(p[i]);
        p[i] = NULL;
    }
    for (int i = 0; i < N; i++) {
        if (p[i] != NULL) {
            assert_int_equal(p[i][0], i & 0x7f);
            sqlite3_free(p[i]);
        }
    }
    assert_int_equal(db_mem_stale_frees(), before);
}

static int count_one(void *ctx, const struct record_row *row, struct err *e)
{
    (void)row;
    (void)e;
    ++*(int *)ctx;
    return 0;
}

/* The records of the store in dir, opened with pass; fails the test if
 * it does not open. */
static int records_in(const char *dir)
{
    struct store *s = NULL;
    struct record_filter all = { 0 };
    struct err e;
    int n = 0;

    err_clear(&e);
    if (store_open(&s, dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass, strlen(pass),
                   &e) != 0)
        fail_msg("the store does not open afterwards: %s", e.msg);
    assert_int_equal(store_record_each(s, &all, count_one, &n, &e), 0);
    store_close(s);
    return n;
}

/* Opening a store, each of its secure allocations failing in turn: "out
 * of secure memory", exit 2, no store handed out; the store unchanged. */
static void test_open_secure_memory(void **state)
{
    char dir[300], id[RECORD_ID_CHARS + 1];
    struct store *s;
    unsigned long n;

    (void)state;
    snprintf(dir, sizeof dir, "%s/open-oom", root);
    s = new_store(dir, "field kit");
    add_subject(s, "Kim Ji-yeon", "Nari");
    add_record(id, s, "Nari", "First", "2026-11-29", "The first testimony.");
    store_close(s);
    for (n = 1; n < 100; n++) {
        struct err e;
        int rc;

        err_clear(&e);
        s = NULL;
        oom = (__typeof__(oom)){ n, 0, 0 };
        rc = store_open(&s, dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                        strlen(pass), &e);
        oom.n = 0;
        if (!oom.landed) {
            assert_int_equal(rc, 0);
            store_close(s);
            break;
        }
        if (rc == 0) {           /* a failure the store works around */
            store_close(s);
            continue;
        }
        assert_int_equal(rc, -1);
        assert_null(s);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_string_equal(e.msg, "out of secure memory");
        assert_int_equal(records_in(dir), 1);
    }
    assert_true(n > 1 && n < 100);
}

/* Saving a record, each of SQLite's allocations in turn failing (the
 * first 60, every 3rd): -1 and a message that names no damage, exit 2;
 * afterwards the store holds the record before, and the new one only
 * when 0 was returned or the message says it may have been saved. */
static void test_record_sqlite_memory(void **state)
{
    char dir[300], id[RECORD_ID_CHARS + 1];
    struct store *s;
    int runs = 0, before = 1;

    (void)state;
    snprintf(dir, sizeof dir, "%s/record-oom", root);
    s = new_store(dir, "field kit");
    add_subject(s, "Kim Ji-yeon", "Nari");
    add_record(id, s, "Nari", "First", "2026-11-29", "The first testimony.");
    for (unsigned long n = 1; n <= 60; n += 3) {
        struct record_row row = { 0 };
        struct err e;
        int rc, after;

        row.title = "Second";
        row.date = "2026-11-30";
        row.body = "The second testimony.";
        err_clear(&e);
        sql_seen = 0;
        sql_landed = 0;
        sql_fail = n;
        rc = store_record_add(id, sizeof id, s, "Nari", &row, &e);
        sql_fail = 0;
        if (!sql_landed) {
            assert_int_equal(rc, 0);
            break;
        }
        runs++;
        if (rc != 0) {
            assert_int_equal(rc, -1);
            assert_int_equal(e.code, EXIT_INPUT);
            assert_true(e.msg[0] != '\0');
            assert_null(strstr(e.msg, "damaged"));
        }
        store_close(s);
        after = records_in(dir);
        if (after != before + (rc == 0) &&
            !(rc != 0 && after == before + 1 && strstr(e.msg, "nothing was") == NULL))
            fail_msg("allocation %lu ('%s'): %d records, %d before", n, e.msg, after, before);
        before = after;
        s = NULL;
        assert_int_equal(store_open(&s, dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                                    strlen(pass), &e), 0);
    }
    store_close(s);
    assert_true(runs >= 3);
}

/* A passphrase read from a descriptor when its secure memory cannot be
 * had: "out of secure memory", nothing read from the descriptor. */
static void test_passphrase_secure_memory(void **state)
{
    int fds[2];
    char *out = (char *)1, rest[32];
    size_t len = 0;
    struct err e;

    (void)state;
    assert_int_equal(pipe(fds), 0);
    assert_int_equal(write(fds[1], "tiger lamp\n", 11), 11);
    close(fds[1]);
    err_clear(&e);
    oom = (__typeof__(oom)){ 1, 0, 0 };
    assert_int_equal(read_secret_line(&out, &len, fds[0], &e), -1);
    oom.n = 0;
    assert_true(oom.landed);
    assert_null(out);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "out of secure memory");
    assert_int_equal(read(fds[0], rest, sizeof rest), 11);
    close(fds[0]);
}

/* Attaching a recording, each secure allocation failing in turn: "out of
 * secure memory", exit 2; the record has no attachment afterwards, the
 * recording is where it was; then reading an attachment back, each
 * failing in turn: the same message, nothing passed to the reader. */
static void test_attach_secure_memory(void **state)
{
    char dir[300], file[320], id[RECORD_ID_CHARS + 1];
    unsigned char hash[ATTACHMENT_HASHBYTES];
    struct store *s;
    unsigned long n;
    int fd, failed = 0;

    (void)state;
    snprintf(dir, sizeof dir, "%s/attach-oom", root);
    snprintf(file, sizeof file, "%s/attach-oom.ogg", root);
    s = new_store(dir, "field kit");
    add_subject(s, "Kim Ji-yeon", "Nari");
    add_record(id, s, "Nari", "First", "2026-11-29", "The first testimony.");
    fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "recording\n", 10), 10);
    close(fd);
    for (n = 1; n < 50; n++) {
        struct attach_source src;
        struct err e;
        struct stat st;
        int rc;

        err_clear(&e);
        oom = (__typeof__(oom)){ n, 0, 0 };
        rc = attach_source_open(&src, file, 0, &e);
        if (rc == 0)
            rc = store_attach(hash, s, id, &src, &e);
        attach_source_close(&src);
        oom.n = 0;
        if (!oom.landed) {
            assert_int_equal(rc, 0);
            break;
        }
        if (rc == 0)
            fail_msg("attach, sodium_malloc %lu failing: returned 0", n);
        failed++;
        assert_int_equal(rc, -1);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_string_equal(e.msg, "out of secure memory");
        assert_int_equal(attachment_count(s), 0);
        assert_int_equal(lstat(file, &st), 0);
    }
    assert_true(failed >= 1 && n < 50);
    expect_attachment(s, id, "attach-oom.ogg", "text/plain", 0, "recording\n", 10);
    for (n = 1, failed = 0; n < 50; n++) {
        struct readback r = { malloc(16), 0, 0, 0 };
        struct err e;
        int rc;

        assert_non_null(r.buf);
        err_clear(&e);
        oom = (__typeof__(oom)){ n, 0, 0 };
        rc = store_attachment_read(s, id, "attach-oom.ogg", 1, take, &r, &e);
        oom.n = 0;
        free(r.buf);
        if (!oom.landed) {
            assert_int_equal(rc, 0);
            break;
        }
        failed++;
        assert_int_equal(rc, -1);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_string_equal(e.msg, "out of secure memory");
        assert_int_equal(r.len, 0);
    }
    assert_true(failed >= 1 && n < 50);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_copy_failing),
        cmocka_unit_test(test_rekey_key_copy_failing),
        cmocka_unit_test(test_double_free_ignored),
        cmocka_unit_test(test_many_blocks),
        cmocka_unit_test(test_open_secure_memory),
        cmocka_unit_test(test_record_sqlite_memory),
        cmocka_unit_test(test_passphrase_secure_memory),
        cmocka_unit_test(test_attach_secure_memory),
    };

    return cmocka_run_group_tests(tests, tap_setup, teardown);
}
