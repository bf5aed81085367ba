/* Unit tests: util/day.c (the consent day, and a day as people read it). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "util/day.h"

static void test_consent_day_is_utc_minus_12(void **state)
{
    char d[DAY_BYTES];

    (void)state;
    day_consent_at(d, 1764460800);          /* 2025-11-30 00:00:00 UTC */
    assert_string_equal(d, "2025-11-29");
    day_consent_at(d, 1764460800 + 12 * 3600);
    assert_string_equal(d, "2025-11-30");
}

/* Without a catalogue (no setlocale here) the English form. */
static void test_shown_day_english(void **state)
{
    char d[DAY_SHOWN_BYTES];

    (void)state;
    day_shown(d, sizeof d, "2026-11-30");
    assert_string_equal(d, "2026-11-30");
    day_shown(d, sizeof d, "2026-03-05T07:12:03Z");     /* the time dropped */
    assert_string_equal(d, "2026-03-05");
    day_shown(d, sizeof d, "2026-03-05 07:12");
    assert_string_equal(d, "2026-03-05");
}

/* What is not a day (a bundle's text) is copied as it is, cut to fit. */
static void test_shown_not_a_day(void **state)
{
    char d[DAY_SHOWN_BYTES], small[6];

    (void)state;
    day_shown(d, sizeof d, "(date not recorded)");
    assert_string_equal(d, "(date not recorded)");
    day_shown(d, sizeof d, "2026-13-01");
    assert_string_equal(d, "2026-13-01");
    day_shown(d, sizeof d, "2026-11-00");
    assert_string_equal(d, "2026-11-00");
    day_shown(d, sizeof d, "2026-11-3");
    assert_string_equal(d, "2026-11-3");
    /* A letter where a digit goes, in the year, the month or the day. */
    day_shown(d, sizeof d, "20x6-11-30");
    assert_string_equal(d, "20x6-11-30");
    day_shown(d, sizeof d, "2026-1x-30");
    assert_string_equal(d, "2026-1x-30");
    day_shown(d, sizeof d, "2026-11-3x");
    assert_string_equal(d, "2026-11-3x");
    day_shown(d, sizeof d, "2026-11-30x");
    assert_string_equal(d, "2026-11-30x");
    day_shown(small, sizeof small, "2026-11-30");
    assert_string_equal(small, "2026-");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_consent_day_is_utc_minus_12),
        cmocka_unit_test(test_shown_day_english),
        cmocka_unit_test(test_shown_not_a_day),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
