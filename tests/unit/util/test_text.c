/* util/text.c: text_check, the one rule for text people type or bundles
 * carry: valid UTF-8, no NUL, no control characters (line breaks and tabs
 * only in multiline text); text_terminal_safe, what a message may show of
 * outside text; text_normal_form, NFC and NFD into locked memory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>
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

/* adv14 F14: one-line fields refuse the marks that reorder or hide text;
 * what text_check takes otherwise (Hangul, Cyrillic, combining marks) they
 * take too. */
static void test_field_refuses_hidden_marks(void **state)
{
    static const char *const bad[] = {
        "a\u202Eb", "a\u202Ab", "a\u2066b", "a\u2069b", "a\u200Bb", "a\u200Db",
        "a\u200Eb", "a\u200Fb", "a\uFEFFb", "a\u061Cb",
    };
    struct err e;

    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err_clear(&e);
        assert_int_equal(text_check_field(bad[i], strlen(bad[i]), "x", &e), -1);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_non_null(strstr(e.msg, "x contains an invisible or direction-changing character (U+"));
        assert_int_equal(text_check(bad[i], strlen(bad[i]), 0, "x", NULL), 0);
    }
    assert_int_equal(text_check_field("김종수 Бат-Эрдэнэ e\u0301", strlen("김종수 Бат-Эрдэнэ e\u0301"),
                                      "x", NULL), 0);
    assert_int_equal(text_check_field("a\tb", 3, "x", NULL), -1);
    assert_int_equal(text_hidden_mark(0x202E), 1);
    assert_int_equal(text_hidden_mark(0x2010), 0);
}

/* Brief s37 pseud37, report-adv36b F-1..F-4, W-5, W-6: a mark that shapes
 * the letter before it only where it shapes one. */
static void test_field_shaping_marks(void **state)
{
    static const char *const bad[] = {
        "Tara\u180EMoon", "Tara\u2800Moon", "Tara\u180BMoon", "Tara\uFE0FMoon",
        "Tara\u200CMoon", "Tara\u200DMoon", "Tara\uFE00Moon", "\u180Babc", "abc\u200D",
        "\u6F22\uFE05",
    };
    static const char *const good[] = {
        "\u0646\u06CC\u06A9\u200C\u0646\u0627\u0645",          /* نیک‌نام */
        "\U0001F468\u200D\U0001F469\u200D\U0001F467",         /* family */
        "\u1833\u1820\u1836\u1822\u1828\u180E\u1820",       /* ᠪᠠᠶᠢᠨ᠎ᠠ */
        "\u182A\u1820\u180B\u1832\u1824", "Tara \u2764\uFE0F", "1\uFE0F\u20E3",
        "\u0915\u094D\u200D\u0937", "\u8FBB\U000E0100", "\u2229\uFE00",
    };

    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(text_check_field(bad[i], strlen(bad[i]), "x", NULL), -1);
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        assert_int_equal(text_check_field(good[i], strlen(good[i]), "x", NULL), 0);
    assert_int_equal(text_hidden_at(0x1820, 0x180B, 'a'), 0);
    assert_int_equal(text_hidden_at('a', 0x180B, 'a'), 1);
    assert_int_equal(text_hidden_mark(0x200D), 1);
}

/* Brief s38 script38, report-adv37 W-1: an emoji tag sequence (UTS #51:
 * U+1F3F4, tag digits or small tag letters, CANCEL TAG) is a flag; a tag
 * character anywhere else stays hidden.  Tibetan needs no ZWJ: its
 * stacks are subjoined letters (docs/PSEUDONYMS.md, "Session 38"). */
static void test_field_emoji_tags(void **state)
{
    static const char *const good[] = {
        "Welsh \U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F",
        "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F Highland",
        "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F",
        "\U0001F3F4\U000E0075\U000E0073\U000E0074\U000E0078\U000E007F",   /* a subdivision us-tx */
        "\U0001F3F4\U000E0066\U000E0072\U000E0031\U000E0033\U000E007F",   /* fr-13: a digit */
    };
    static const char *const bad[] = {
        "Mi\U000E0041a", "Mi\U000E0061a", "Mia\U000E007F", "\U000E0067\U000E0062\U000E007F",
        "\U0001F3F4\U000E0067\U000E0062",                         /* no CANCEL TAG */
        "\U0001F3F4\U000E007F",                                    /* no tag letter */
        "\U0001F3F4\U000E0047\U000E0042\U000E007F",              /* capital tag letters */
        "\U0001F3F3\U000E0067\U000E0062\U000E007F",              /* another base */
        "\U0001F3F4\U000E0067\U000E0020\U000E0062\U000E007F",   /* tag space */
        "\U0001F3F4\U000E0001\U000E0067\U000E007F",              /* LANGUAGE TAG */
        "\U0001F3F4\U000E0067\U000E007F\U000E007F",
        "\u0F47\u200D\u0F72",                                      /* ZWJ in Tibetan */
    };

    (void)state;
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        assert_int_equal(text_check_field(good[i], strlen(good[i]), "x", NULL), 0);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(text_check_field(bad[i], strlen(bad[i]), "x", NULL), -1);
}

static void expect_safe(const char *in, size_t len, const char *want)
{
    char out[256];

    assert_int_equal(text_terminal_safe(out, sizeof out, in, len), strlen(want));
    assert_string_equal(out, want);
}

static void test_terminal_safe_escapes(void **state)
{
    (void)state;
    /* Printable text of any script stays as it is, backslashes too. */
    expect_safe("Kim 김종수 Бат-Эрдэнэ 中文 \\ ~", strlen("Kim 김종수 Бат-Эрдэнэ 中文 \\ ~"),
                "Kim 김종수 Бат-Эрдэнэ 中文 \\ ~");
    /* What a terminal obeys: C0 controls, ESC sequences, DEL. */
    expect_safe("\x1b]0;pwned\x07\x1b[2J", 14, "\\x1B]0;pwned\\x07\\x1B[2J");
    expect_safe("a\nb\rc\td\x7f", 8, "a\\nb\\rc\\td\\x7F");
    /* C1 controls, bidi and invisible characters, separators, private use. */
    expect_safe("\xc2\x85\xc2\x9b", 4, "\\u{0085}\\u{009B}");
    expect_safe("x\xe2\x80\xaegpj.exe", 11, "x\\u{202E}gpj.exe");
    expect_safe("\xe2\x80\x8b\xe2\x81\xa6\xef\xbb\xbf\xe2\x80\xa8\xee\x80\x80", 15,
                "\\u{200B}\\u{2066}\\u{FEFF}\\u{2028}\\u{E000}");
    /* Bytes that are not UTF-8: each one shown, the rest kept. */
    expect_safe("\xff\xfe ok \xc3", 7, "\\xFF\\xFE ok \\xC3");
    expect_safe("\xed\xa0\x80", 3, "\\xED\\xA0\\x80");   /* a surrogate */
    /* A NUL inside the length is shown, not an end. */
    expect_safe("a\0b", 3, "a\\x00b");
}

static void test_terminal_safe_cuts_whole(void **state)
{
    char out[12];

    (void)state;
    /* Never half an escape or half a character; "..." says it was cut. */
    assert_int_equal(text_terminal_safe(out, sizeof out, "abcdefghijklmnop", 16), 11);
    assert_string_equal(out, "abcdefgh...");
    assert_int_equal(text_terminal_safe(out, sizeof out, "ab\x1b\x1b\x1b\x1b", 6), 9);
    assert_string_equal(out, "ab\\x1B...");
    assert_int_equal(text_terminal_safe(out, sizeof out, "김김김김김", 15), 9);
    assert_string_equal(out, "김김...");
    /* What fits exactly is not cut. */
    assert_int_equal(text_terminal_safe(out, sizeof out, "abcdefghijk", 11), 11);
    assert_string_equal(out, "abcdefghijk");
    assert_int_equal(text_terminal_safe(out, 1, "abc", 3), 0);
    assert_string_equal(out, "");
    assert_int_equal(text_terminal_safe(out, 0, "abc", 3), 0);
}

static void expect_form(const char *in, enum text_form form, const char *want)
{
    struct err e;
    size_t len;
    char *out;

    assert_int_equal(text_normal_form(&out, &len, in, strlen(in), form, &e), 0);
    assert_int_equal(len, strlen(want));
    assert_string_equal(out, want);
    sodium_free(out);
}

static void test_normal_forms(void **state)
{
    static const char nfc[] = "cr\xc3\xa8me \xea\xb9\x80\xec\xa2\x85\xec\x88\x98 \xd0\xb9";
    static const char nfd[] = "cre\xcc\x80me \xe1\x84\x80\xe1\x85\xb5\xe1\x86\xb7"
                              "\xe1\x84\x8c\xe1\x85\xa9\xe1\x86\xbc\xe1\x84\x89\xe1\x85\xae"
                              " \xd0\xb8\xcc\x86";
    struct err e;
    size_t len;
    char *out;

    (void)state;
    expect_form(nfd, TEXT_NFC, nfc);
    expect_form(nfc, TEXT_NFC, nfc);
    expect_form(nfc, TEXT_NFD, nfd);
    expect_form(nfd, TEXT_NFD, nfd);
    expect_form("tiger lamp violet", TEXT_NFC, "tiger lamp violet");
    expect_form("", TEXT_NFC, "");
    /* Compatibility forms are not folded: NFC, not NFKC (U+FB01 stays). */
    expect_form("\xef\xac\x81", TEXT_NFC, "\xef\xac\x81");
    /* Not UTF-8: no normal form, nothing allocated. */
    assert_int_equal(text_normal_form(&out, &len, "caf\xe9", 4, TEXT_NFC, &e), 1);
    assert_null(out);
    assert_int_equal(text_normal_form(&out, &len, "\xed\xa0\x80", 3, TEXT_NFD, &e), 1);
    assert_null(out);
}

static void test_columns(void **state)
{
    (void)state;
    assert_int_equal(text_columns(""), 0);
    assert_int_equal(text_columns("DATE"), 4);
    assert_int_equal(text_columns("\xeb\x82\xa0\xec\xa7\x9c"), 4);       /* 날짜: two wide */
    assert_int_equal(text_columns("\xd0\x9e\xd0\x93"), 2);                 /* ОГ */
    assert_int_equal(text_columns("e\xcc\x81"), 1);                          /* e + combining acute */
    assert_int_equal(text_columns("a\xff" "b"), 3);                           /* a byte not UTF-8: 1 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_field_refuses_hidden_marks),
        cmocka_unit_test(test_field_shaping_marks),
        cmocka_unit_test(test_field_emoji_tags),
        cmocka_unit_test(test_terminal_safe_escapes),
        cmocka_unit_test(test_terminal_safe_cuts_whole),
        cmocka_unit_test(test_normal_forms),
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_valid_text),
        cmocka_unit_test(test_line_breaks_only_in_multiline),
        cmocka_unit_test(test_control_characters),
        cmocka_unit_test(test_invalid_utf8_names_the_byte),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
