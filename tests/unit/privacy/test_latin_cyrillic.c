/* privacy/latin_cyrillic: the one Latin-to-Cyrillic table gives each of
 * its readers exactly the readings, in the order, of the table it
 * replaced (brief s50 case50): redact_case.c's backs (LATIN_CYR_NAME),
 * redact_register.c's to_cyrillic (LATIN_CYR_REGISTER) and
 * redact_lookalike.c's cyrillic_of (LATIN_CYR_SPELT, _ALT).  The old
 * tables are written out here as they were, and every group at the start
 * of every Latin string of up to four letters from the tables' letters is
 * compared, reading by reading. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "privacy/latin_cyrillic.h"

struct old {
    const char *latin;
    const char *cyr[3];
};

/* redact_case.c's backs, as of main 6bf3529a. */
static const struct old backs[] = {
    { "shch", { "щ", "шч", NULL } }, { "sch", { "щ", "сч", NULL } },
    { "zh", { "ж", "зх", NULL } }, { "kh", { "х", "кх", NULL } },
    { "ts", { "ц", "тс", NULL } }, { "tz", { "ц", NULL, NULL } },
    { "ch", { "ч", NULL, NULL } }, { "sh", { "ш", "сх", NULL } },
    { "ya", { "я", "ья", NULL } }, { "ia", { "я", "ия", NULL } },
    { "ja", { "я", NULL, NULL } }, { "yu", { "ю", "ью", NULL } },
    { "iu", { "ю", "ию", NULL } }, { "ju", { "ю", NULL, NULL } },
    { "yo", { "е", "йо", NULL } }, { "jo", { "е", NULL, NULL } },
    { "ye", { "е", "ье", NULL } }, { "ie", { "ье", "ие", NULL } },
    { "a", { "а", NULL, NULL } }, { "b", { "б", NULL, NULL } },
    { "c", { "ц", "к", NULL } }, { "d", { "д", NULL, NULL } },
    { "e", { "е", "э", NULL } }, { "f", { "ф", NULL, NULL } },
    { "g", { "г", NULL, NULL } }, { "h", { "х", NULL, NULL } },
    { "i", { "и", "й", NULL } }, { "j", { "й", "ж", NULL } },
    { "k", { "к", NULL, NULL } }, { "l", { "л", NULL, NULL } },
    { "m", { "м", NULL, NULL } }, { "n", { "н", NULL, NULL } },
    { "o", { "о", "ө", NULL } }, { "p", { "п", NULL, NULL } },
    { "q", { "к", NULL, NULL } }, { "r", { "р", NULL, NULL } },
    { "s", { "с", NULL, NULL } }, { "t", { "т", NULL, NULL } },
    { "u", { "у", "ү", NULL } }, { "v", { "в", NULL, NULL } },
    { "w", { "в", NULL, NULL } }, { "x", { "кс", NULL, NULL } },
    { "y", { "ы", "й", "и" } }, { "z", { "з", NULL, NULL } },
};

/* redact_register.c's to_cyrillic, as of main 6bf3529a. */
static const struct old to_cyrillic[] = {
    { "kh", { "х" } }, { "ch", { "ч" } }, { "sh", { "ш" } }, { "ts", { "ц" } }, { "zh", { "ж" } },
    { "ye", { "е" } }, { "yo", { "ё" } }, { "yu", { "ю" } }, { "ya", { "я" } }, { "ue", { "ү" } },
    { "oe", { "ө" } },
    { "a", { "а" } }, { "b", { "б" } }, { "c", { "ц", "ч" } }, { "d", { "д" } }, { "e", { "э", "е" } },
    { "f", { "ф" } }, { "g", { "г" } }, { "h", { "х" } }, { "i", { "и", "й" } }, { "j", { "ж" } },
    { "k", { "к" } }, { "l", { "л" } }, { "m", { "м" } }, { "n", { "н" } }, { "o", { "о", "ө" } },
    { "p", { "п" } }, { "r", { "р" } }, { "s", { "с" } }, { "t", { "т" } }, { "u", { "у", "ү" } },
    { "v", { "в" } }, { "w", { "в" } }, { "x", { "х" } }, { "y", { "ы", "й" } }, { "z", { "з" } },
};

/* redact_lookalike.c's cyrillic_of, as of main 6bf3529a. */
static const char *old_cyrillic_of(char c, int alt)
{
    static const char *const cyr[26] = {
        "а", "б", "ц", "д", "э", "ф", "г", "х", "и", "ж", "к", "л", "м",
        "н", "о", "п", NULL, "р", "с", "т", "у", "в", NULL, NULL, "ы", "з",
    };

    if (c < 'a' || c > 'z')
        return NULL;
    if (alt && c == 'u')
        return "ү";
    if (alt && c == 'o')
        return "ө";
    return cyr[c - 'a'];
}

/* The readings of the old table at s[0..n), as "latin=cyr;" pairs in the
 * old loop's order. */
static void old_readings(char *out, size_t cap, const struct old *tab, size_t ntab,
                         const char *s, size_t n)
{
    size_t o = 0;

    out[0] = '\0';
    for (size_t i = 0; i < ntab; i++) {
        size_t l = strlen(tab[i].latin);

        if (l > n || memcmp(s, tab[i].latin, l) != 0)
            continue;
        for (int k = 0; k < 3 && tab[i].cyr[k] != NULL; k++)
            o += (size_t)snprintf(out + o, cap - o, "%s=%s;", tab[i].latin, tab[i].cyr[k]);
    }
}

static void new_readings(char *out, size_t cap, unsigned sys, const char *s, size_t n)
{
    struct latin_cyr_it it = { 0, 0 };
    const char *cyr;
    size_t o = 0, l;

    out[0] = '\0';
    while (latin_cyrillic_next(&it, s, n, sys, &cyr, &l))
        o += (size_t)snprintf(out + o, cap - o, "%.*s=%s;", (int)l, s, cyr);
}

static void compare_at(const char *s, size_t n)
{
    char want[256], got[256];

    old_readings(want, sizeof want, backs, sizeof backs / sizeof backs[0], s, n);
    new_readings(got, sizeof got, LATIN_CYR_NAME, s, n);
    if (strcmp(want, got) != 0)
        fail_msg("name %.*s: %s, was %s", (int)n, s, got, want);
    old_readings(want, sizeof want, to_cyrillic, sizeof to_cyrillic / sizeof to_cyrillic[0], s, n);
    new_readings(got, sizeof got, LATIN_CYR_REGISTER, s, n);
    if (strcmp(want, got) != 0)
        fail_msg("register %.*s: %s, was %s", (int)n, s, got, want);
}

/* Every string of one to four letters of a-z (all groups are of these
 * letters) at every length: 475,254 starts, each compared. */
static void test_groups(void **state)
{
    char s[4];

    (void)state;
    for (size_t n = 1; n <= 4; n++) {
        size_t total = 1;

        for (size_t k = 0; k < n; k++)
            total *= 26;
        for (size_t v = 0; v < total; v++) {
            size_t x = v;

            for (size_t k = 0; k < n; k++, x /= 26)
                s[n - 1 - k] = (char)('a' + x % 26);
            compare_at(s, n);
        }
    }
}

/* The letters of a spelt code: every byte, both kinds. */
static void test_spelt(void **state)
{
    (void)state;
    for (int c = 1; c < 256; c++) {
        const char *want = old_cyrillic_of((char)c, 0), *got = latin_cyrillic_letter((char)c, LATIN_CYR_SPELT);
        const char *alt = latin_cyrillic_letter((char)c, LATIN_CYR_SPELT_ALT);
        const char *want2 = old_cyrillic_of((char)c, 1), *got2 = alt != NULL ? alt : got;

        if ((want == NULL) != (got == NULL) || (want != NULL && strcmp(want, got) != 0))
            fail_msg("spelt %c: %s, was %s", c, got ? got : "-", want ? want : "-");
        if ((want2 == NULL) != (got2 == NULL) || (want2 != NULL && strcmp(want2, got2) != 0))
            fail_msg("spelt alt %c: %s, was %s", c, got2 ? got2 : "-", want2 ? want2 : "-");
    }
}

/* Readings past the text's end are not read, nor groups not at its start. */
static void test_edges(void **state)
{
    struct latin_cyr_it it = { 0, 0 };
    const char *cyr;
    size_t l;

    (void)state;
    assert_int_equal(latin_cyrillic_next(&it, "shch", 2, LATIN_CYR_NAME, &cyr, &l), 1);
    assert_int_equal(l, 2);
    assert_string_equal(cyr, "ш");
    assert_int_equal(latin_cyrillic_next(&it, "shch", 2, LATIN_CYR_NAME, &cyr, &l), 1);
    assert_string_equal(cyr, "сх");
    assert_int_equal(latin_cyrillic_next(&it, "shch", 2, LATIN_CYR_NAME, &cyr, &l), 1);
    assert_int_equal(l, 1);
    assert_string_equal(cyr, "с");
    assert_int_equal(latin_cyrillic_next(&it, "shch", 2, LATIN_CYR_NAME, &cyr, &l), 0);
    it.group = it.reading = 0;
    assert_int_equal(latin_cyrillic_next(&it, "Sh", 2, LATIN_CYR_NAME, &cyr, &l), 0);
    assert_null(latin_cyrillic_letter('q', LATIN_CYR_SPELT));
    assert_string_equal(latin_cyrillic_letter('q', LATIN_CYR_NAME), "к");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_groups),
        cmocka_unit_test(test_spelt),
        cmocka_unit_test(test_edges),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
