/* util/err.c: filling and clearing struct err. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "util/err.h"

static void test_set(void **state)
{
    struct err e;

    (void)state;
    assert_int_equal(err_set(&e, EXIT_AUTH, "wrong %s (%d tries)", "passphrase", 3), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "wrong passphrase (3 tries)");
    assert_int_equal(err_set(&e, EXIT_INPUT, "%s", ""), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "");
    assert_int_equal(err_set(NULL, EXIT_INPUT, "nobody listens"), -1);
}

static void test_long_message_is_cut(void **state)
{
    char big[2 * sizeof ((struct err *)0)->msg];
    struct err e;

    (void)state;
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(err_set(&e, EXIT_INPUT, "%s", big), -1);
    assert_int_equal(strlen(e.msg), sizeof e.msg - 1);
    assert_memory_equal(e.msg, big, sizeof e.msg - 1);
}

static void test_clear(void **state)
{
    struct err e;

    (void)state;
    err_set(&e, EXIT_AUTH, "something");
    err_clear(&e);
    assert_int_equal(e.code, EXIT_OK);
    assert_string_equal(e.msg, "");
    err_clear(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set),
        cmocka_unit_test(test_long_message_is_cut),
        cmocka_unit_test(test_clear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
