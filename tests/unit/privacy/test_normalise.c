/* export/normalise: one normalised form per spelling, offsets back to the original. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"

static void expect_norm(const char *in, const char *norm, const char *key)
{
    struct normtext t;
    struct err e;

    assert_int_equal(normalise(&t, in, strlen(in), &e), 0);
    assert_string_equal(t.norm, norm);
    assert_string_equal(t.key, key);
    normtext_free(&t);
}

static void test_dashes_apostrophes_spaces(void **state)
{
    (void)state;
    expect_norm("Bat\xe2\x80\x90" "Erdene", "bat-erdene", "baterdene");
    expect_norm("BAT \t\n ERDENE", "bat erdene", "baterdene");
    expect_norm("Baterdene", "baterdene", "baterdene");
    expect_norm("Ch\xe2\x80\x99oe \xe2\x88\x92 x\xef\xbc\x8dy", "ch'oe - x-y", "choexy");
    expect_norm("a\xe2\x80\x94" "b\xe2\x80\x93" "c\xef\xb9\x98" "d", "a-b-c-d", "abcd");
    expect_norm("Kim\xc2\xad" "Jong", "kimjong", "kimjong");      /* soft hyphen ignored */
}

static void test_marks_latin_only(void **state)
{
    (void)state;
    expect_norm("Ch\xc5\x8fng", "chong", "chong");                  /* ŏ -> o */
    expect_norm("Cho\xcc\x86ng", "chong", "chong");                 /* o + combining breve */
    expect_norm("\xd0\x99\xd0\xb0", "\xd0\xb9\xd0\xb0", "\xd0\xb9\xd0\xb0"); /* Йа keeps й */
    expect_norm("\xd3\xa8\xd2\xae", "\xd3\xa9\xd2\xaf", "\xd3\xa9\xd2\xaf"); /* ӨҮ -> өү */
    expect_norm("\xef\xbc\xab\xef\xbd\x89\xef\xbd\x8d", "kim", "kim");       /* fullwidth */
}

static void test_hangul_jamo_composed(void **state)
{
    (void)state;
    /* ᄀ ᅵ ᆷ (conjoining jamo) compose to 김 */
    expect_norm("\xe1\x84\x80\xe1\x85\xb5\xe1\x86\xb7", "\xea\xb9\x80", "\xea\xb9\x80");
}

static void test_offsets_map_back(void **state)
{
    const char *in = "X  Ch\xc5\x8fng\xe2\x80\x94Su";
    struct normtext t;
    struct err e;

    (void)state;
    assert_int_equal(normalise(&t, in, strlen(in), &e), 0);
    assert_string_equal(t.norm, "x chong-su");
    assert_int_equal(t.ostart[1], 1);       /* the space run */
    assert_int_equal(normtext_oend(&t, 1), 3);
    assert_int_equal(t.ostart[4], 5);       /* o from ŏ (2 bytes) */
    assert_int_equal(normtext_oend(&t, 4), 7);
    assert_int_equal(t.ostart[7], 9);       /* the em dash */
    assert_int_equal(normtext_oend(&t, 7), 12);
    assert_int_equal(t.kpos[0], 0);
    assert_int_equal(t.kpos[1], 2);         /* key "xchongsu": c at norm 2 */
    assert_int_equal(t.kpos[6], 8);
    normtext_free(&t);
}

static void test_refuses_bad_input(void **state)
{
    struct normtext t;
    struct err e;

    (void)state;
    assert_int_equal(normalise(&t, "ab\xff", 3, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "UTF-8"));
    assert_int_equal(normalise(&t, "a\0b", 3, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "NUL"));
    assert_int_equal(normalise(&t, "\xc0\x80", 2, &e), -1);   /* overlong NUL */
    assert_int_equal(normalise(&t, "\xed\xa0\x80", 3, &e), -1); /* surrogate */
    assert_int_equal(normalise(&t, "", 0, &e), 0);
    assert_int_equal(t.normlen, 0);
    normtext_free(&t);
}

static void test_long_mark_run(void **state)
{
    char in[1 + 200 * 2 + 1];
    struct normtext t;
    struct err e;
    int i;

    (void)state;
    in[0] = 'a';
    for (i = 0; i < 200; i++)
        in[1 + 2 * i] = '\xcc', in[2 + 2 * i] = '\x81';
    in[sizeof in - 1] = 0;
    assert_int_equal(normalise(&t, in, strlen(in), &e), 0);
    assert_string_equal(t.norm, "a");   /* Latin: marks folded */
    normtext_free(&t);
}

static void test_key_and_norm_of_term(void **state)
{
    char *s;
    size_t n;
    struct err e;

    (void)state;
    assert_int_equal(normalise_norm(&s, &n, "  Bat  Erdene ", 14, &e), 0);
    assert_string_equal(s, "bat erdene");
    assert_int_equal(n, 10);
    secmem_free(s);
    assert_int_equal(normalise_key(&s, &n, "Jong-su", 7, &e), 0);
    assert_string_equal(s, "jongsu");
    secmem_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dashes_apostrophes_spaces),
        cmocka_unit_test(test_marks_latin_only),
        cmocka_unit_test(test_hangul_jamo_composed),
        cmocka_unit_test(test_offsets_map_back),
        cmocka_unit_test(test_refuses_bad_input),
        cmocka_unit_test(test_long_mark_run),
        cmocka_unit_test(test_key_and_norm_of_term),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
