/* privacy/first_index: the index gives the answer of a scan of the list
 * from its start (the first entry equal to the word), for lists of
 * strings and of structs, words of one and several bytes, a duplicate,
 * lengths of 31 bytes and more, and words that are in no list. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "privacy/first_index.h"

static const char *const list[] = {
    "st", "street", "s", "the", "\xd1\x83\xd0\xbb", "stop", "st",     /* "st" twice */
    "a-very-long-word-of-thirty-one-b", "a-very-long-word-of-thirty-two-by", "\xeb\xb8\x94\xeb\xa1\x9d",
};
#define NLIST (sizeof list / sizeof list[0])

/* The scan the index stands for. */
static int scan(const char *s, size_t a, size_t b)
{
    for (size_t k = 0; k < NLIST; k++)
        if (b > a && strlen(list[k]) == b - a && memcmp(list[k], s + a, b - a) == 0)
            return (int)k;
    return -1;
}

static void check(const struct first_index *ix, const char *w)
{
    int got = first_index_find(ix, w, 0, strlen(w)), want = scan(w, 0, strlen(w));

    if (got != want)
        fail_msg("%s: %d, the scan says %d", w, got, want);
}

static void test_strings(void **state)
{
    static struct first_index ix;
    static const char *const others[] = {
        "", "S", "sT", "str", "streets", "th", "them", "\xd1\x83", "\xd1\x83\xd0\xbb\xd0\xb0",
        "a-very-long-word-of-thirty-one-c", "a-very-long-word-of-thirty-two-bz", "\xeb\xb8\x94",
    };

    (void)state;
    first_index_build(&ix, list, NLIST, sizeof list[0]);
    for (size_t k = 0; k < NLIST; k++)
        check(&ix, list[k]);
    for (size_t k = 0; k < sizeof others / sizeof others[0]; k++)
        check(&ix, others[k]);
    assert_int_equal(first_index_find(&ix, "st", 0, 2), 0);     /* the first of two */
    assert_int_equal(first_index_find(&ix, "x street y", 2, 8), 1);
    assert_int_equal(first_index_find(&ix, "street", 3, 3), -1);
}

static void test_structs(void **state)
{
    static const struct {
        const char *w;
        int cls;
    } units[] = { { "block", 1 }, { "blk", 1 }, { "bl", 1 }, { "street", 2 }, { "b", 3 } };
    static struct first_index ix;

    (void)state;
    first_index_build(&ix, units, 5, sizeof units[0]);
    for (int k = 0; k < 5; k++)
        assert_int_equal(first_index_find(&ix, units[k].w, 0, strlen(units[k].w)), k);
    assert_int_equal(first_index_find(&ix, "blok", 0, 4), -1);
    assert_int_equal(first_index_find(&ix, "st", 0, 2), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_structs),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
