/* export/exif: GPS found in JPEG (both byte orders) and PNG eXIf; absent
 * GPS, cut files, loops and junk give 0. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/exif.h"

static unsigned char *load(const char *name, size_t *len)
{
    char path[512];
    FILE *f;
    unsigned char *buf = malloc(1 << 16);

    snprintf(path, sizeof path, "tests/fuzz/corpus/fuzz_exif/%s", name);
    f = fopen(path, "rb");
    assert_non_null(f);
    *len = fread(buf, 1, 1 << 16, f);
    fclose(f);
    return buf;
}

static void expect_file(const char *name, int want)
{
    size_t len;
    unsigned char *b = load(name, &len);

    assert_int_equal(exif_has_gps(b, len), want);
    /* Every truncation is read safely (ASan watches) and never invents GPS. */
    for (size_t n = 0; n < len; n++) {
        unsigned char *cut = malloc(n ? n : 1);
        memcpy(cut, b, n);
        assert_true(exif_has_gps(cut, n) <= want);
        free(cut);
    }
    free(b);
}

static void test_gps_found(void **state)
{
    (void)state;
    expect_file("jpeg-gps-le", 1);
    expect_file("jpeg-gps-be", 1);
    expect_file("png-gps", 1);
    expect_file("webp-gps", 1);                 /* issue 13 L2: attach warns for WebP */
}

static void test_no_gps(void **state)
{
    static const unsigned char junk[] = "not an image at all";
    (void)state;
    expect_file("jpeg-nogps", 0);
    expect_file("webp-nogps", 0);
    expect_file("bad-loop", 0);
    assert_int_equal(exif_has_gps(junk, sizeof junk), 0);
    assert_int_equal(exif_has_gps(junk, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gps_found),
        cmocka_unit_test(test_no_gps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
