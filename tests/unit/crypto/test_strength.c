/* crypto/strength: zxcvbn's estimate in bits, the 60-bit threshold on
 * either side of it, and the exact message a refused passphrase gets. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "crypto/strength.h"

#define WEAK(bits) "passphrase too weak: about " bits " bits of guessing work, " \
                   "60 needed; use five or more random words"

/* Refused with EXIT_INPUT and exactly msg. */
static void refused(const char *pw, const char *msg)
{
    struct err e;

    err_clear(&e);
    assert_int_equal(passphrase_check(pw, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, msg);
}

/* Accepted, and e left as it was. */
static void accepted(const char *pw)
{
    struct err e;

    err_clear(&e);
    assert_int_equal(passphrase_check(pw, &e), 0);
    assert_int_equal(e.code, 0);
    assert_string_equal(e.msg, "");
}

/* zxcvbn-c gives bits, not a 0-4 score (the figures strength.h quotes). */
static void test_estimates_in_bits(void **state)
{
    (void)state;
    assert_true(passphrase_bits("") == 0.0);
    assert_true(passphrase_bits("password1") == 3.0);
    assert_float_equal(passphrase_bits("correct horse"), 27.795, 0.001);
    assert_float_equal(passphrase_bits("Min-ji 1987"), 44.508, 0.001);
    assert_float_equal(passphrase_bits("tiger lamp violet oxygen river"), 82.045, 0.001);
    assert_true(passphrase_bits("tiger lamp violet oxygen river") >
                passphrase_bits("tiger lamp violet oxygen"));
}

static void test_empty_is_refused(void **state)
{
    (void)state;
    refused("", "the passphrase is empty");
}

static void test_weak_ones_say_how_weak(void **state)
{
    (void)state;
    refused("a", WEAK("2"));
    refused("password1", WEAK("3"));
    refused("aaaaaaaaaaaaaaaaaaaa", WEAK("6"));  /* length alone is not strength */
    refused("correct horse", WEAK("28"));
    refused("Min-ji 1987", WEAK("45"));         /* a name and a year */
}

/* Just under and just over PASSPHRASE_MIN_BITS. */
static void test_threshold_is_60_bits(void **state)
{
    (void)state;
    assert_true(PASSPHRASE_MIN_BITS == 60.0);
    assert_true(passphrase_bits("tiger lamp violet 7") < PASSPHRASE_MIN_BITS);
    refused("tiger lamp violet 7", WEAK("59"));
    assert_true(passphrase_bits("tiger lamp violet ox") >= PASSPHRASE_MIN_BITS);
    accepted("tiger lamp violet ox");
}

static void test_random_words_pass(void **state)
{
    (void)state;
    accepted("tiger lamp violet oxygen");
    accepted("correct horse battery staple");
    accepted("tiger lamp violet oxygen river");
}

/* Library code may be called without an error to fill. */
static void test_without_err(void **state)
{
    (void)state;
    assert_int_equal(passphrase_check("password1", NULL), -1);
    assert_int_equal(passphrase_check("", NULL), -1);
    assert_int_equal(passphrase_check("tiger lamp violet oxygen river", NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_estimates_in_bits),
        cmocka_unit_test(test_empty_is_refused),
        cmocka_unit_test(test_weak_ones_say_how_weak),
        cmocka_unit_test(test_threshold_is_60_bits),
        cmocka_unit_test(test_random_words_pass),
        cmocka_unit_test(test_without_err),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
