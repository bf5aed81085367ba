/* export/pseudonym: shapes per locale, variety, syllable sharing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "privacy/pseudonym.h"

static int ko_shape(const char *s)
{
    const char *h = strchr(s, '-');

    if (s[0] < 'A' || s[0] > 'Z' || h == NULL || h[1] < 'a' || h[1] > 'z')
        return 0;
    for (s++; *s; s++)
        if (*s != '-' && (*s < 'a' || *s > 'z'))
            return 0;
    return 1;
}

static void test_locales(void **state)
{
    char p[64];
    struct err e;
    int i;

    (void)state;
    for (i = 0; i < 200; i++) {
        assert_int_equal(pseudonym_generate(p, sizeof p, "ko", &e), 0);
        if (!ko_shape(p))
            fail_msg("not a ko shape: %s", p);
        assert_int_equal(pseudonym_generate(p, sizeof p, "mn", &e), 0);
        assert_true(p[0] >= 'A' && p[0] <= 'Z' && strlen(p) >= 4);
        assert_int_equal(pseudonym_generate(p, sizeof p, "en", &e), 0);
        assert_non_null(strchr(p, ' '));
        assert_int_equal(pseudonym_generate(p, sizeof p, "ru", &e), 0);
        assert_true((unsigned char)p[0] == 0xd0);    /* Cyrillic capital */
        assert_int_equal(pseudonym_generate(p, sizeof p, "zh", &e), 0);
        assert_true(strlen(p) == 6 || strlen(p) == 9);
    }
    assert_int_equal(pseudonym_generate(p, sizeof p, "xx", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(pseudonym_generate(p, 4, "en", &e), -1);
}

static void test_thousands(void **state)
{
    (void)state;
    assert_true(pseudonym_count("ko") >= 2000);
    assert_true(pseudonym_count("mn") >= 2000);
    assert_true(pseudonym_count("en") >= 1000);
    assert_true(pseudonym_count("ru") >= 900);
    assert_true(pseudonym_count("zh") >= 2000);
    assert_int_equal(pseudonym_count("xx"), 0);
}

static void test_distinct_draws(void **state)
{
    char seen[300][64];
    int i, j, dup = 0;
    struct err e;

    (void)state;
    for (i = 0; i < 300; i++) {
        assert_int_equal(pseudonym_generate(seen[i], sizeof seen[i], "ko", &e), 0);
        for (j = 0; j < i; j++)
            dup += strcmp(seen[i], seen[j]) == 0;
    }
    assert_true(dup < 40);    /* 2,500 names: ~18 expected duplicates */
}

static void test_shares_syllable(void **state)
{
    (void)state;
    assert_int_equal(pseudonym_shares_syllable("Jong-il", "김종수"), 1);
    assert_int_equal(pseudonym_shares_syllable("Jung-il", "Kim Jong-su"), 1);  /* 정 */
    assert_int_equal(pseudonym_shares_syllable("Su-ryon", "Chŏng-su"), 1);
    assert_int_equal(pseudonym_shares_syllable("Myong-hui", "김종수"), 0);
    assert_int_equal(pseudonym_shares_syllable("Bat-erdene", "Батболд"), 1);
    assert_int_equal(pseudonym_shares_syllable("Gerelee", "Батболд"), 0);
    assert_int_equal(pseudonym_shares_syllable("Alice Morgan", "Mary Morgan"), 1);
    assert_int_equal(pseudonym_shares_syllable("Alice Morgan", "John Smith"), 0);
    assert_int_equal(pseudonym_shares_syllable("x", "a\xff"), -1);
}

/* Case (Unicode), white space and hyphens aside, pseudonyms are one. */
static void test_key(void **state)
{
    char a[64], b[64], small[4];

    (void)state;
    assert_int_equal(pseudonym_key(a, sizeof a, "Rim-il"), 0);
    assert_string_equal(a, "rimil");
    const char *same[] = { "rim il", "RIMIL", "Rim\u2010il", "Rim \u2013 Il", "Rim\xc2\xadil",
                           "\xef\xbc\xb2im-il" /* fullwidth R */ };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        assert_int_equal(pseudonym_key(b, sizeof b, same[i]), 0);
        assert_string_equal(b, a);
    }
    assert_int_equal(pseudonym_key(a, sizeof a, "\xd0\x91\xd0\xb0\xd1\x82-\xd0\xad\xd1\x80"), 0);
    assert_int_equal(pseudonym_key(b, sizeof b, "\xd0\xb1\xd0\xb0\xd1\x82\xd1\x8d\xd1\x80"), 0);
    assert_string_equal(a, b);           /* Бат-Эр, батэр */
    assert_int_equal(pseudonym_key(b, sizeof b, "Rim-ol"), 0);
    assert_string_not_equal(b, "rimil");
    assert_int_equal(pseudonym_key(a, sizeof a, "a\xff"), -1);
    assert_int_equal(pseudonym_key(small, sizeof small, "Gerelee"), -1);
    assert_int_equal(pseudonym_key(small, sizeof small, "- -"), 0);
    assert_string_equal(small, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_locales),
        cmocka_unit_test(test_thousands),
        cmocka_unit_test(test_distinct_draws),
        cmocka_unit_test(test_shares_syllable),
        cmocka_unit_test(test_key),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
