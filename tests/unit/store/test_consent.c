/* store/consent.c: a subject's consent, a dated history where the last
 * entry counts. test_consent moved from test_privacy.c, unchanged. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

static void test_consent(void **state)
{
    struct fixture *f = *state;
    struct consent_change ch = { -1, -1, -1, -1, NULL, NULL, 0, 0 };
    struct consent c;
    char why[200];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    assert_int_equal(store_consent_get(&c, f->s, "Rim-il", &e), 0);
    assert_int_equal(c.recorded, 0);
    consent_blocks(why, sizeof why, &c, "2024-01-01", 0);
    assert_non_null(strstr(why, "no consent is recorded"));

    ch.export_ok = 1, ch.method = "written", ch.embargo = "2024-06-01";
    assert_int_equal(store_consent_set(f->s, "Rim-il", &ch, &e), 0);
    assert_int_equal(store_consent_get(&c, f->s, "Rim-il", &e), 0);
    assert_int_equal(c.recorded, 1);
    assert_int_equal(c.export_ok, 1);
    assert_int_equal(c.quote, 0);
    assert_string_equal(c.method, "written");
    assert_string_equal(c.embargo, "2024-06-01");
    assert_int_equal(strlen(c.date), 20);
    consent_blocks(why, sizeof why, &c, "2024-05-31", 0);
    assert_string_equal(why, "under embargo until 2024-06-01");
    consent_blocks(why, sizeof why, &c, "2024-06-01", 0);
    assert_string_equal(why, "");

    /* Unchanged fields are kept; "" lifts the embargo. */
    ch = (struct consent_change){ -1, 1, -1, -1, NULL, "", 0, 0 };
    assert_int_equal(store_consent_set(f->s, "Rim-il", &ch, &e), 0);
    assert_int_equal(store_consent_get(&c, f->s, "Rim-il", &e), 0);
    assert_int_equal(c.export_ok, 1);
    assert_int_equal(c.quote, 1);
    assert_string_equal(c.method, "written");
    assert_string_equal(c.embargo, "");

    ch = (struct consent_change){ -1, -1, -1, -1, NULL, NULL, 1, 0 };
    assert_int_equal(store_consent_set(f->s, "Rim-il", &ch, &e), 0);
    assert_int_equal(store_consent_get(&c, f->s, "Rim-il", &e), 0);
    assert_int_equal(c.export_ok, 0);
    assert_string_equal(c.withdrawn, c.date);
    consent_blocks(why, sizeof why, &c, "2030-01-01", 0);
    assert_non_null(strstr(why, "consent was withdrawn on"));

    /* After a withdrawal, a new consent starts from no. */
    ch = (struct consent_change){ -1, 1, -1, -1, NULL, NULL, 0, 0 };
    assert_int_equal(store_consent_set(f->s, "Rim-il", &ch, &e), 0);
    assert_int_equal(store_consent_get(&c, f->s, "Rim-il", &e), 0);
    assert_string_equal(c.withdrawn, "");
    assert_int_equal(c.quote, 1);
    assert_int_equal(c.export_ok, 0);
    consent_blocks(why, sizeof why, &c, "2030-01-01", 0);
    assert_non_null(strstr(why, "does not allow export"));

    ch = (struct consent_change){ -1, -1, -1, -1, "telepathy", NULL, 0, 0 };
    assert_int_equal(store_consent_set(f->s, "Rim-il", &ch, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    ch.method = NULL;
    assert_int_equal(store_consent_set(f->s, "Nobody", &ch, &e), -1);
    assert_int_equal(store_consent_get(&c, f->s, "Nobody", &e), -1);
}

static void test_consent_checks_and_log(void **state)
{
    struct fixture *f = *state;
    struct consent_change ch = { 1, -1, -1, -1, "verbal", "2025-1-01", 0, 0 };
    struct consent c;
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    assert_int_equal(store_consent_set(f->s, "Rim-il", &ch, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "--embargo must be a date YYYY-MM-DD");
    ch.method = "Verbal";
    ch.embargo = NULL;
    assert_int_equal(store_consent_set(f->s, "Rim-il", &ch, &e), -1);
    assert_string_equal(e.msg, "--method must be verbal, written or recorded");
    assert_int_equal(store_consent_get(&c, f->s, "Rim-il", &e), 0);
    assert_int_equal(c.recorded, 0);
    expect_last_log(f->s, "subject.add 1");
    ch.method = "recorded";
    assert_int_equal(store_consent_set(f->s, "Rim-il", &ch, &e), 0);
    expect_last_log(f->s, "consent 1");
    assert_int_equal(store_consent_set(f->s, "Nobody", &ch, &e), -1);
    assert_string_equal(e.msg, "no subject with pseudonym 'Nobody' (see 'intake subject list')");
}

static void test_blocks_in_order(void **state)
{
    struct consent c = { 0 };
    char why[200], small[8];

    (void)state;
    c.recorded = 1;
    c.export_ok = 0;
    snprintf(c.withdrawn, sizeof c.withdrawn, "2024-03-02T10:00:00Z");
    snprintf(c.embargo, sizeof c.embargo, "2030-01-01");
    consent_blocks(why, sizeof why, &c, "2024-04-01", 0);
    assert_string_equal(why, "consent was withdrawn on 2024-03-02");
    c.withdrawn[0] = '\0';
    consent_blocks(why, sizeof why, &c, "2024-04-01", 0);
    assert_string_equal(why, "the recorded consent does not allow export (--export no)");
    c.export_ok = 1;
    consent_blocks(why, sizeof why, &c, "2029-12-31", 0);
    assert_string_equal(why, "under embargo until 2030-01-01");
    consent_blocks(why, sizeof why, &c, "2030-01-01", 0);
    assert_string_equal(why, "");
    consent_blocks(small, sizeof small, &c, "2029-12-31", 0);
    assert_string_equal(small, "under e");
    c.recorded = 0;
    consent_blocks(why, sizeof why, &c, "2030-01-01", 0);
    assert_string_equal(why, "no consent is recorded (record it with 'intake consent PSEUDONYM --export yes')");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_consent),
        T(test_consent_checks_and_log),
        cmocka_unit_test(test_blocks_in_order),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
