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
 * same folder working. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include <signal.h>
#include <sys/wait.h>

#include "store/db.h"

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
    if (copy && ++tap.copies == tap.fail) {
        tap.failed = 1;
        return NULL;
    }
    return store_mem.xMalloc(n);
}

static void *tap_realloc(void *q, int n)
{
    tap.last = -n;
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_copy_failing),
        cmocka_unit_test(test_double_free_ignored),
        cmocka_unit_test(test_many_blocks),
    };

    return cmocka_run_group_tests(tests, tap_setup, teardown);
}
