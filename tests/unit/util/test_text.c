/* util/text.c: text_check, the one rule for text people type or bundles
 * carry: valid UTF-8, no NUL, no control characters (line breaks and tabs
 * only in multiline text). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "util/text.h"

static int check(const char *s, size_t len, int multiline, struct err *e)
{
    return text_check(s, len, multiline, "the title", e);
}

static void test_valid_text(void **state)
{
    static const char *const ok[] = {
        "", "plain ASCII ~!@#$%^&*()", "김종수는 청진에서", "Бат-Эрдэнэ", "中文", "emoji \xf0\x9f\x98\x80",
        "\xc2\x85 (U+0085, a C1 control, is not refused)",
    };
    struct err e;

    (void)state;
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        assert_int_equal(check(ok[i], strlen(ok[i]), 0, &e), 0);
        assert_int_equal(check(ok[i], strlen(ok[i]), 1, &e), 0);
    }
}

static void test_line_breaks_only_in_multiline(void **state)
{
    static const char *const breaks[] = { "a\nb", "a\r\nb", "a\tb" };
    struct err e;

    (void)state;
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(check(breaks[i], strlen(breaks[i]), 1, &e), 0);
        assert_int_equal(check(breaks[i], strlen(breaks[i]), 0, &e), -1);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_string_equal(e.msg, "the title contains a control character");
    }
}

static void test_control_characters(void **state)
{
    static const char *const bad[] = { "\x01", "esc \x1b[2J", "del \x7f", "bell\a", "\x1f" };
    struct err e;

    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(check(bad[i], strlen(bad[i]), 1, &e), -1);
        assert_string_equal(e.msg, "the title contains a control character");
    }
    /* A NUL inside the length. */
    assert_int_equal(check("a\0b", 3, 1, &e), -1);
    assert_string_equal(e.msg, "the title contains a NUL byte");
    assert_int_equal(check("a\0b", 1, 1, &e), 0);    /* only len bytes are read */
}

static void test_invalid_utf8_names_the_byte(void **state)
{
    static const struct { const char *s; const char *msg; } bad[] = {
        { "ab\xff", "the title is not valid UTF-8 (byte 2)" },
        { "\x80", "the title is not valid UTF-8 (byte 0)" },
        { "김\xea\xb9", "the title is not valid UTF-8 (byte 3)" },          /* cut short */
        { "x\xc0\x80", "the title is not valid UTF-8 (byte 1)" },           /* overlong NUL */
        { "\xed\xa0\x80", "the title is not valid UTF-8 (byte 0)" },        /* a surrogate */
        { "\xf4\x90\x80\x80", "the title is not valid UTF-8 (byte 0)" },    /* above U+10FFFF */
    };
    struct err e;

    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        e.msg[0] = '\0';
        assert_int_equal(check(bad[i].s, strlen(bad[i].s), 1, &e), -1);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_string_equal(e.msg, bad[i].msg);
    }
    assert_int_equal(text_check("\xff", 1, 0, "x", NULL), -1);   /* e may be NULL */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_text),
        cmocka_unit_test(test_line_breaks_only_in_multiline),
        cmocka_unit_test(test_control_characters),
        cmocka_unit_test(test_invalid_utf8_names_the_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
