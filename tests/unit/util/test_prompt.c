/* util/prompt.c: read_secret_line, one line from a descriptor
 * (--passphrase-fd), here a pipe. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sodium.h>

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
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
