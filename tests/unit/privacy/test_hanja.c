/* privacy/hanja: Hangul readings of Han characters from Unihan (kHangul). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "privacy/hanja.h"

static void test_first_reading(void **state)
{
    (void)state;
    assert_int_equal(hanja_reading(0x91D1), 0xAE08);   /* 金: 금 (김 second) */
    assert_int_equal(hanja_reading(0x937E), 0xC885);   /* 鍾: 종 */
    assert_int_equal(hanja_reading(0x6D19), 0xC218);   /* 洙: 수 */
    assert_int_equal(hanja_reading(0x674E), 0xB9AC);   /* 李: 리 (이 second) */
    assert_int_equal(hanja_reading(0x58E4), 0xC591);   /* 壤: 양 */
    assert_int_equal(hanja_reading('a'), 0);
    assert_int_equal(hanja_reading(0xAE40), 0);        /* Hangul 김 is no Han */
    assert_int_equal(hanja_reading(0x20000), 0);       /* beyond the BMP: not kept */
}

static void test_readers(void **state)
{
    int out[8];
    size_t n, i;
    int seen = 0;

    (void)state;
    n = hanja_readers(out, 8, 0xAE40);                 /* 김: 金 is read 금 first */
    for (i = 0; i < n; i++)
        seen |= out[i] == 0xAE08;
    assert_true(seen);
    n = hanja_readers(out, 8, 0xC774);                 /* 이: 李 is read 리 first */
    for (i = 0, seen = 0; i < n; i++)
        seen |= out[i] == 0xB9AC;
    assert_true(seen);
    assert_int_equal(hanja_readers(out, 8, 'a'), 0);
    assert_int_equal(hanja_readers(out, 0, 0xAE40), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_reading),
        cmocka_unit_test(test_readers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
