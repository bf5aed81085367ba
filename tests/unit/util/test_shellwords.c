/* util/words: command lines split as a POSIX shell quotes, nothing more. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "util/shellwords.h"

/* Splits line and compares the words, joined by '|', with want. */
static void expect(const char *line, const char *want)
{
    char **argv, *block, joined[512] = "";
    int argc;
    struct err e;

    if (shellwords_split(&argv, &argc, &block, line, strlen(line), &e) != 0)
        fail_msg("%s: %s", line, e.msg);
    for (int i = 0; i < argc; i++) {
        if (i > 0)
            strcat(joined, "|");
        strcat(joined, argv[i]);
    }
    assert_null(argv[argc]);
    assert_string_equal(joined, want);
    free(argv);
    sodium_free(block);
}

static void refused(const char *line, size_t len, const char *msg)
{
    char **argv, *block;
    int argc;
    struct err e;

    assert_int_equal(shellwords_split(&argv, &argc, &block, line, len, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, msg);
    assert_null(argv);
    assert_null(block);
}

static void test_blanks_and_quotes(void **state)
{
    (void)state;
    expect("list", "list");
    expect("  subject   add\t--name  x ", "subject|add|--name|x");
    expect("record Rim-il --title 'A title'", "record|Rim-il|--title|A title");
    expect("record \"Rim il\" --title \"say \\\"no\\\"\"", "record|Rim il|--title|say \"no\"");
    expect("a'b c'd", "ab cd");
    expect("'it''s'", "its");
    expect("\"it's\" '\"q\"'", "it's|\"q\"");
    expect("x '' \"\" y", "x|||y");
    expect("a\\ b c\\'d", "a b|c'd");
    expect("\"\\$HOME \\\\ \\` \\n\"", "$HOME \\ ` \\n");
    expect("'\\n stays'", "\\n stays");
    expect("$HOME ~/x *.ogg a;b a|b", "$HOME|~/x|*.ogg|a;b|a|b");
    expect("김종수 'Батбаяр Алтангэрэл'", "김종수|Батбаяр Алтангэрэл");
}

static void test_comments(void **state)
{
    (void)state;
    expect("# a comment", "");
    expect("list # the records", "list");
    expect("search a#b", "search|a#b");
    expect("search '#tag'", "search|#tag");
    expect("", "");
    expect("   ", "");
}

static void test_refusals(void **state)
{
    (void)state;
    refused("record 'open", 12, "the line ends inside a quote ('): close it on the same line");
    refused("record \"open", 12, "the line ends inside a quote (\"): close it on the same line");
    refused("list \\", 6, "the line ends with a backslash; a command is one line");
    refused("a\0b", 3, "the line holds a NUL byte");
}

static void test_many_words(void **state)
{
    size_t n = 2 * (SHELLWORDS_MAX + 1);
    char *line = malloc(n + 1);

    (void)state;
    for (size_t i = 0; i < n; i += 2)
        memcpy(line + i, "a ", 2);
    line[n] = '\0';
    refused(line, n, "more than 4096 words on one line");
    line[2 * SHELLWORDS_MAX] = '\0';
    {
        char **argv, *block;
        int argc;
        struct err e;
        assert_int_equal(shellwords_split(&argv, &argc, &block, line, strlen(line), &e), 0);
        assert_int_equal(argc, SHELLWORDS_MAX);
        free(argv);
        sodium_free(block);
    }
    free(line);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blanks_and_quotes),
        cmocka_unit_test(test_comments),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_many_words),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
