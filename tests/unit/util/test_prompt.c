/* util/prompt.c: read_secret_line, one line from a descriptor
 * (--passphrase-fd), here a pipe; a read that fails or is interrupted
 * (tests/unit/libcfault.h); no terminal to ask on; the questions on a
 * pseudo-terminal (forkpty): asked twice, too long, a confirmation.  The
 * signals at the prompt are tests/cli/terminal.bats (the real binary). */
#include "tests/unit/libcfault.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sodium.h>

#include "tests/unit/testutil.h"
#include "util/prompt.h"

/* A pipe holding len bytes of input, then end of input; its read end. */
static int feed(const char *input, size_t len)
{
    int p[2];

    assert_int_equal(pipe(p), 0);
    assert_int_equal(write(p[1], input, len), (ssize_t)len);
    close(p[1]);
    return p[0];
}

static void expect_line(int fd, const char *want, size_t wantlen)
{
    char *line = NULL;
    size_t len = 0;
    struct err e;

    if (read_secret_line(&line, &len, fd, &e) != 0)
        fail_msg("read: %s", e.msg);
    assert_int_equal(len, wantlen);
    assert_memory_equal(line, want, wantlen);
    assert_int_equal(line[len], '\0');
    sodium_free(line);
}

static void expect_refused(int fd, const char *want)
{
    char *line = (char *)&line;
    size_t len = 0;
    struct err e;

    assert_int_equal(read_secret_line(&line, &len, fd, &e), -1);
    assert_null(line);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, want);
}

static void test_one_line_at_a_time(void **state)
{
    static const char in[] = "tiger lamp\nmarble cactus\r\nlast without newline";
    int fd = feed(in, sizeof in - 1);
    char want[80];

    (void)state;
    expect_line(fd, "tiger lamp", 10);
    expect_line(fd, "marble cactus", 13);   /* CR LF: the CR goes too */
    expect_line(fd, "last without newline", 20);
    snprintf(want, sizeof want, "no passphrase given on descriptor %d", fd);
    expect_refused(fd, want);                /* end of input */
    close(fd);
}

static void test_empty(void **state)
{
    char want[80];
    int fd;

    (void)state;
    fd = feed("", 0);
    snprintf(want, sizeof want, "no passphrase given on descriptor %d", fd);
    expect_refused(fd, want);
    close(fd);
    fd = feed("\nnext\n", 6);
    snprintf(want, sizeof want, "no passphrase given on descriptor %d", fd);
    expect_refused(fd, want);                /* an empty line */
    expect_line(fd, "next", 4);
    close(fd);
    /* As it is: a line of just CR reads as an empty secret, not a refusal. */
    fd = feed("\r\n", 2);
    expect_line(fd, "", 0);
    close(fd);
}

static void test_bytes_kept_as_they_are(void **state)
{
    static const char in[] = " 종수 \t\0x \n";
    int fd = feed(in, sizeof in - 1);

    (void)state;
    expect_line(fd, " 종수 \t\0x ", sizeof in - 2);
    close(fd);
}

static void test_length_limit(void **state)
{
    static char in[PASSPHRASE_MAX + 2];
    int fd;

    (void)state;
    memset(in, 'p', sizeof in);
    in[PASSPHRASE_MAX] = '\n';
    fd = feed(in, PASSPHRASE_MAX + 1);      /* exactly the limit, then a newline */
    expect_line(fd, in, PASSPHRASE_MAX);
    close(fd);
    in[PASSPHRASE_MAX] = 'p';
    in[PASSPHRASE_MAX + 1] = '\n';
    fd = feed(in, PASSPHRASE_MAX + 2);      /* one byte more */
    expect_refused(fd, "passphrase longer than 1024 bytes");
    close(fd);
}

static void test_unreadable_descriptor(void **state)
{
    char want[80];
    int p[2];

    (void)state;
    assert_int_equal(pipe(p), 0);
    close(p[0]);
    close(p[1]);
    snprintf(want, sizeof want, "cannot read the passphrase from descriptor %d: Bad file descriptor", p[0]);
    expect_refused(p[0], want);
}

/* A read that fails says so with the system's words; one interrupted by
 * a signal is read again. */
static void test_read_faults(void **state)
{
    char want[96], *out = NULL;
    size_t len;
    struct err e;
    int fd;

    (void)state;
    fd = feed("lamp\n", 5);
    libcfault_arm("read", 1, EIO, 1);
    snprintf(want, sizeof want, "cannot read the passphrase from descriptor %d: Input/output "
             "error", fd);
    expect_refused(fd, want);
    libcfault_disarm();
    close(fd);
    fd = feed("lamp\n", 5);
    libcfault_arm("read", 2, EINTR, 1);
    assert_int_equal(read_secret_line(&out, &len, fd, &e), 0);
    assert_int_equal(libcfault_landed(), 1);
    libcfault_disarm();
    assert_int_equal(len, 4);
    assert_memory_equal(out, "lamp", 4);
    sodium_free(out);
    close(fd);
}

/* Without a controlling terminal (a new session): asking is refused with
 * the option to use instead, and a confirmation is "no". */
static void test_no_terminal(void **state)
{
    int status;
    pid_t pid;

    (void)state;
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char *out = NULL;
        size_t len;
        struct err e;
        if (setsid() < 0 || prompt_secret(&out, &len, -1, "Passphrase: ", 1, &e) != -1 ||
            strcmp(e.msg, "no terminal to ask for the passphrase; use --passphrase-fd N") != 0 ||
            prompt_confirm("Delete? [y/N] ") != 0)
            child_exit(1);
        child_exit(0);
    }
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

/* What the child on the pseudo-terminal does: 0 if it got what it should. */
enum asked { SAME_TWICE, DIFFERENT, TOO_LONG, CONFIRM_YES, CONFIRM_NO, READ_FAILS };

static int ask(enum asked what)
{
    char *out = NULL, want[80];
    size_t len = 0;
    struct err e;
    int rc;

    switch (what) {
    case CONFIRM_YES:
        return prompt_confirm("Delete? [y/N] ") == 1 ? 0 : 1;
    case CONFIRM_NO:
        return prompt_confirm("Delete? [y/N] ") == 0 ? 0 : 1;
    default:
        break;
    }
    err_clear(&e);
    if (what == READ_FAILS)      /* the terminal's first read: an I/O error */
        libcfault_arm("read", 1, EIO, 1);
    rc = prompt_secret(&out, &len, -1, "Passphrase: ", 1, &e);
    if (what == READ_FAILS) {
        snprintf(want, sizeof want, "cannot read the passphrase from the terminal: %s",
                 strerror(EIO));
        return rc == -1 && out == NULL && libcfault_landed() == 1 && e.code == EXIT_INPUT &&
               strcmp(e.msg, want) == 0 ? 0 : 6;
    }
    if (what == SAME_TWICE)
        return rc == 0 && len == 4 && memcmp(out, "lamp", 4) == 0 && out[4] == '\0' ? 0 : 2;
    if (out != NULL)
        return 3;
    if (what == DIFFERENT)
        return rc == 1 && strcmp(e.msg, "the two passphrases differ; nothing was changed") == 0
            ? 0 : 4;
    snprintf(want, sizeof want, "passphrase longer than %d bytes", PASSPHRASE_MAX);
    return rc == -1 && e.code == EXIT_INPUT && strcmp(e.msg, want) == 0 ? 0 : 5;
}

/* Reads the terminal's output until it ends with prompt (10 s at most). */
static void wait_for(int master, const char *prompt)
{
    char seen[4096];
    size_t n = 0, pl = strlen(prompt);
    struct pollfd p = { master, POLLIN, 0 };

    while (n < pl || memcmp(seen + n - pl, prompt, pl) != 0) {
        ssize_t r;
        assert_int_equal(poll(&p, 1, 10000), 1);
        r = read(master, seen + n, sizeof seen - 1 - n);
        assert_true(r > 0);
        n += (size_t)r;
        assert_true(n < sizeof seen - 1);
    }
}

/* The child does what on a new pseudo-terminal; each answer is typed
 * once its prompt (the one before it) is shown, as a person would:
 * echo is turned off when asked, and what came before is discarded. */
static void converse(enum asked what, const char *const *prompts, const char *const *answers,
                     size_t n)
{
    int master, status;
    pid_t pid = forkpty(&master, NULL, NULL, NULL);

    assert_true(pid >= 0);
    if (pid == 0)
        child_exit(ask(what));
    for (size_t i = 0; i < n; i++) {
        wait_for(master, prompts[i]);
        assert_int_equal(write(master, answers[i], strlen(answers[i])),
                         (ssize_t)strlen(answers[i]));
    }
    assert_int_equal(waitpid(pid, &status, 0), pid);
    close(master);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_terminal(void **state)
{
    static const char *const twice[] = { "Passphrase: ", "Repeat it: " };
    static const char *const same[] = { "lamp\n", "lamp\n" };
    static const char *const other[] = { "lamp\n", "lump\n" };
    static const char *const confirm[] = { "Delete? [y/N] " };
    static const char *const yes[] = { "y\n" }, *const no[] = { "\n" };
    char *longer = malloc(PASSPHRASE_MAX + 3);
    const char *too_long[1];

    (void)state;
    assert_non_null(longer);
    memset(longer, 'a', PASSPHRASE_MAX + 1);
    memcpy(longer + PASSPHRASE_MAX + 1, "\n", 2);
    too_long[0] = longer;
    converse(SAME_TWICE, twice, same, 2);
    converse(DIFFERENT, twice, other, 2);
    converse(TOO_LONG, twice, too_long, 1);
    converse(CONFIRM_YES, confirm, yes, 1);
    converse(CONFIRM_NO, confirm, no, 1);
    converse(READ_FAILS, twice, same, 0);
    free(longer);
}

static int setup(void **state)
{
    (void)state;
    return sodium_init() < 0 ? -1 : 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_line_at_a_time),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_bytes_kept_as_they_are),
        cmocka_unit_test(test_length_limit),
        cmocka_unit_test(test_unreadable_descriptor),
        cmocka_unit_test(test_read_faults),
        cmocka_unit_test(test_no_terminal),
        cmocka_unit_test(test_terminal),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
