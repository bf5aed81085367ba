/* util/lexicon.c: words no dictionary can know are told as unknown (0),
 * never looked up: a language past the list, an empty word, one longer
 * than WORD_MAX (100) bytes once in lower case, bytes that are not UTF-8;
 * a missing dictionary is -1 and named by lexicon_missing.  Needs the
 * Debian dictionaries (make deps: hunspell-en-us). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "util/lexicon.h"

static void test_words_no_dictionary_knows(void **state)
{
    char out[64], longword[120];

    (void)state;
    lexicon_set_dir(NULL);
    assert_int_equal(lexicon_word(LEXICON_EN, "house", 5), 1);
    assert_int_equal(lexicon_proper(LEXICON_EN, "london", 6), 1);
    /* Not UTF-8: a stray continuation byte, a cut sequence. */
    assert_int_equal(lexicon_word(LEXICON_EN, "ho\x80se", 6), 0);
    assert_int_equal(lexicon_proper(LEXICON_EN, "lond\xc3", 5), 0);
    assert_int_equal(lexicon_stems(LEXICON_EN, "\xff", 1, out, sizeof out), 0);
    /* Too long: over 100 bytes, or within them but with no room left for
     * a letter of 4 bytes in lower case (98 letters). */
    memset(longword, 'a', sizeof longword);
    assert_int_equal(lexicon_word(LEXICON_EN, longword, 101), 0);
    assert_int_equal(lexicon_word(LEXICON_EN, longword, 98), 0);
    assert_int_equal(lexicon_word(LEXICON_EN, "", 0), 0);
    assert_int_equal(lexicon_word(LEXICON_NLANGS, "house", 5), 0);
    assert_int_equal(lexicon_missing() & (1u << LEXICON_EN), 0);
}

/* lexicon_hold: a question that would load a held dictionary is -1 and
 * named by lexicon_held and lexicon_missing until lexicon_hold(0), which
 * forgets it; the next question loads it.  A dictionary already loaded
 * answers under a hold. */
static void test_hold(void **state)
{
    (void)state;
    lexicon_set_dir(NULL);
    lexicon_hold((1u << LEXICON_KO) | (1u << LEXICON_EN));
    assert_int_equal(lexicon_word(LEXICON_EN, "house", 5), 1);
    assert_int_equal(lexicon_word(LEXICON_KO, "나라", strlen("나라")), -1);
    assert_int_equal(lexicon_held(), 1u << LEXICON_KO);
    assert_int_equal(lexicon_missing(), 1u << LEXICON_KO);
    lexicon_hold(0);
    assert_int_equal(lexicon_held(), 0);
    assert_int_equal(lexicon_missing(), 0);
    assert_int_equal(lexicon_word(LEXICON_KO, "나라", strlen("나라")), 1);
    lexicon_hold(1u << LEXICON_KO);
    assert_int_equal(lexicon_word(LEXICON_KO, "나라", strlen("나라")), 1);
    assert_int_equal(lexicon_held(), 0);
    lexicon_hold(0);
}

/* A dictionary's load grows the heap in transparent huge pages first
 * (heap_grow_huge: hunspell's million small blocks cost half the load in
 * 4 KiB pages): after a load, a part of [heap] carries the advice ("hg" in
 * its VmFlags).  Skipped where the advice cannot be given: THP off, or
 * another allocator (ASan's). */
static void test_heap_huge_pages(void **state)
{
    char line[512], thp[128] = "";
    FILE *f;
    int heap = 0, advised = 0;

    (void)state;
#if defined(__SANITIZE_ADDRESS__)
    skip();
#endif
    if ((f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r")) != NULL) {
        if (fgets(thp, sizeof thp, f) == NULL)
            thp[0] = '\0';
        fclose(f);
    }
    if (strstr(thp, "[never]") != NULL || thp[0] == '\0')
        skip();
    lexicon_set_dir(NULL);
    assert_int_equal(lexicon_word(LEXICON_EN, "house", 5), 1);   /* loaded here, or before */
    assert_non_null(f = fopen("/proc/self/smaps", "r"));
    while (fgets(line, sizeof line, f) != NULL) {
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2)     /* a mapping's first line */
            heap = strstr(line, "[heap]") != NULL;
        else if (heap && strncmp(line, "VmFlags:", 8) == 0 && strstr(line, " hg") != NULL)
            advised = 1;
    }
    fclose(f);
    assert_true(advised);
}

/* A folder without the dictionaries: -1, and the language is named. */
static void test_missing_dictionary(void **state)
{
    (void)state;
    lexicon_set_dir("/nonexistent-intake-dictionaries");
    assert_int_equal(lexicon_word(LEXICON_MN, "байшин", strlen("байшин")), -1);
    assert_int_not_equal(lexicon_missing() & (1u << LEXICON_MN), 0);
    assert_non_null(lexicon_package(LEXICON_MN));
    lexicon_set_dir(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_no_dictionary_knows),
        cmocka_unit_test(test_hold),
        cmocka_unit_test(test_heap_huge_pages),
        cmocka_unit_test(test_missing_dictionary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
