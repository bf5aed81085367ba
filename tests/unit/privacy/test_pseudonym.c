/* export/pseudonym: shapes per locale, variety, syllable sharing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "privacy/allow.h"
#include "privacy/pseudonym.h"
#include "privacy/pseudonym_form.h"
#include "privacy/redact.h"
#include "privacy/variants.h"
#include "util/err.h"

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
    /* report-adv41 P-4 (brief s42 dim42): a listed Ukrainian short form
     * of the name, in either script, and a listed tender diminutive. */
    assert_int_equal(pseudonym_shares_syllable("Ксеня", "Оксана Коваль"), 1);
    assert_int_equal(pseudonym_shares_syllable("Ksenia", "Оксана Коваль"), 1);
    assert_int_equal(pseudonym_shares_syllable("Ksenya", "Oksana Koval"), 1);
    assert_int_equal(pseudonym_shares_syllable("Галочка", "Галина Гончар"), 1);
    assert_int_equal(pseudonym_shares_syllable("Олюня", "Ольга Мельник"), 1);
    assert_int_equal(pseudonym_shares_syllable("Кирюша", "Кирилл Осипов"), 1);
    assert_int_equal(pseudonym_shares_syllable("Emma Lind", "Оксана Коваль"), 0);
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

static int name_part(const char *p, const char *name)
{
    struct err e;

    return pseudonym_is_name_part(p, strlen(p), name, strlen(name), &e);
}

/* Brief s36 pseud36, report-adv34 P-2: a short part of the person's own
 * name in any script or romanisation (a word of under three letters, a
 * Korean or Chinese surname), which no form of the redactor holds alone. */
static void test_name_part(void **state)
{
    (void)state;
    assert_int_equal(variants_same_surname("li", 2, "lee", 3), 1);
    assert_int_equal(variants_same_surname("\xec\x9d\xb4", 3, "rhee", 4), 1);   /* 이 */
    assert_int_equal(variants_same_surname("\xeb\xa6\xac", 3, "yi", 2), 1);     /* 리 */
    assert_int_equal(variants_same_surname("li", 2, "lim", 3), 0);
    assert_int_equal(variants_same_surname("bell", 4, "lee", 3), 0);
    const char *li_name = "\xd0\x9c\xd0\xb0\xd1\x80\xd0\xb8\xd1\x8f \xd0\x9b\xd0\xb8";  /* Мария Ли */
    const char *refused[] = { "Kim Lee", "Li Wei", "Marina Lee", "Yi Sun", "Rhee Bell", "Ri Bell",
                              "\xd0\x9b\xd0\xb8 \xd0\x92\xd1\x8d\xd0\xb9", /* Ли Вэй */
                              "\xec\x9d\xb4 Bell", "Li" };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        assert_int_equal(name_part(refused[i], li_name), 1);
    const char *free_[] = { "Lim Bell", "Marina Bell", "Bell", "Kimberly Lean" };
    for (size_t i = 0; i < sizeof free_ / sizeof free_[0]; i++)
        assert_int_equal(name_part(free_[i], li_name), 0);
    /* Lee for a person not named Ли, Lee, 李 or 이 */
    assert_int_equal(name_part("Kim Lee", "\xd0\x9c\xd0\xb0\xd1\x80\xd0\xb8\xd1\x8f \xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xb0"), 0);
    assert_int_equal(name_part("Lee Bell", "\xea\xb9\x80\xeb\xaf\xbc\xec\x88\x98"), 0);   /* 김민수 */
    /* the surname that starts a Hangul or Han name, a Latin surname */
    assert_int_equal(name_part("Lee Bell", "\xec\x9d\xb4\xeb\xaf\xbc\xed\x98\xb8"), 1);   /* 이민호 */
    assert_int_equal(name_part("Li Bell", "\xe6\x9d\x8e\xe6\x98\x8e"), 1);                /* 李明 */
    assert_int_equal(name_part("Yi Sun", "Anna Lee"), 1);
    /* a particle written in lower case is no name part */
    assert_int_equal(name_part("Van Bell", "Anna van Dijk"), 0);
    assert_int_equal(name_part("Bo Bell", "Anna Bo"), 1);
    assert_int_equal(name_part("Bob Bell", "Anna Bo"), 0);
}

/* Brief s37 pseud37, report-adv36b P-1: a Han surname by every Hangul
 * reading of its character, not its first only (金 reads 금 as a word, 김
 * as a surname), on either side; other characters of that first reading
 * (今) and other surnames stay free. */
static void test_han_surname_readings(void **state)
{
    const char *kim = "\xea\xb9\x80\xeb\xaf\xbc\xec\xa4\x80";      /* 김민준 */
    const char *kim_han = "\xe9\x87\x91\xe6\xb0\x91\xe4\xbf\x8a";  /* 金民俊 */

    (void)state;
    assert_int_equal(name_part("\xe9\x87\x91", kim), 1);                 /* 金 */
    assert_int_equal(name_part("\xe9\x87\x91 Bell", "Kim Min-jun"), 1);
    assert_int_equal(name_part("\xea\xb9\x80", kim_han), 1);              /* 김 */
    assert_int_equal(name_part("\xe8\xbb\x8a", "\xec\xb0\xa8\xeb\xaf\xbc\xec\x88\x98"), 1); /* 車, 차민수 */
    assert_int_equal(name_part("\xe4\xbb\x8a", kim), 0);                 /* 今 */
    assert_int_equal(name_part("\xe9\x87\x91", "\xec\x9d\xb4\xeb\xaf\xbc\xed\x98\xb8"), 0); /* 이민호 */
}

/* report-adv34 W-1: another given name that shares a diminutive with the
 * person's (Верка, Веронька of Вероника and of Вера) is no collision, nor
 * a form; the diminutive itself is. */
static void test_shared_diminutive(void **state)
{
    struct redactor *r;
    struct err e;
    const char *name = "\xd0\x92\xd0\xb5\xd1\x80\xd0\xb0 \xd0\xa1\xd0\xbc\xd0\xb8\xd1\x80\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xb0"; /* Вера Смирнова */
    const char *free_[] = { "\xd0\x92\xd0\xb5\xd1\x80\xd0\xbe\xd0\xbd\xd0\xb8\xd0\xba\xd0\xb0 \xd0\x91\xd0\xb5\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xb0", /* Вероника Белова */
                            "Veronika Bell", "Veronika" };
    const char *taken[] = { "\xd0\x92\xd0\xb5\xd1\x80\xd0\xba\xd0\xb0", /* Верка */
                            "\xd0\x92\xd0\xb5\xd1\x80\xd0\xbe\xd0\xbd\xd1\x8c\xd0\xba\xd0\xb0", /* Веронька */
                            "Veronka", "Vera Bell" };

    (void)state;
    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_add_subject(r, 1, "Pseudonym", &e), 0);
    assert_int_equal(redactor_add_name(r, 1, name, strlen(name), &e), 0);
    assert_int_equal(redactor_compile(r, &e), 0);
    for (size_t i = 0; i < sizeof free_ / sizeof free_[0]; i++) {
        assert_int_equal(redactor_matches(r, free_[i], &e), 0);
        assert_int_equal(pseudonym_is_name_form(r, free_[i], strlen(free_[i]), &e), 0);
    }
    for (size_t i = 0; i < sizeof taken / sizeof taken[0]; i++)
        assert_int_equal(redactor_matches(r, taken[i], &e), 1);
    redactor_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_locales),
        cmocka_unit_test(test_thousands),
        cmocka_unit_test(test_distinct_draws),
        cmocka_unit_test(test_shares_syllable),
        cmocka_unit_test(test_key),
        cmocka_unit_test(test_name_part),
        cmocka_unit_test(test_shared_diminutive),
        cmocka_unit_test(test_han_surname_readings),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
