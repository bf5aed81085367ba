/* crypto/secmem: the wipe-on-free allocator shared by SQLite, jansson and
 * vectorscan, and secure string copies. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>
#include <string.h>
#include <sodium.h>

#include "crypto/secmem.h"

static void test_wipe_malloc_sizes_and_alignment(void **state)
{
    static const size_t sizes[] = { 0, 1, 63, 64, 65, 4096, 1 << 20 };

    (void)state;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned char *p = secmem_wipe_malloc(sizes[i]);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 64, 0);
        assert_int_equal(secmem_wipe_size(p), sizes[i]);
        memset(p, 0xa5, sizes[i]);
        secmem_wipe_free(p);
    }
    assert_int_equal(secmem_wipe_size(NULL), 0);
    secmem_wipe_free(NULL);
    assert_null(secmem_wipe_malloc(SIZE_MAX - 10));
}

static void test_strdup_copies(void **state)
{
    char *s = secmem_strdup("김종수");
    char *t = secmem_strndup("Bat-erdene", 3);

    (void)state;
    assert_string_equal(s, "김종수");
    assert_string_equal(t, "Bat");
    secmem_wipe_str(s);
    assert_int_equal(s[0], '\0');
    secmem_free(s);
    secmem_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wipe_malloc_sizes_and_alignment),
        cmocka_unit_test(test_strdup_copies),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
