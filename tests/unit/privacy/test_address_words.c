/* privacy/address_words: romanised words of address and kinship are no
 * names for context-name (report-adv12g A-21), each Korean one is a word
 * the variant rules let follow a name (one list), and names stay names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>
#include <string.h>

#include "privacy/address_words.h"
#include "privacy/variants.h"

static void test_spellings(void **state)
{
    static const char *const words[] = {
        "Omma", "Eomma", "Umma", "Appa", "Halmoni", "Halmeoni", "Harabeoji", "Ajumma",
        "Ajeossi", "Ajussi", "Oppa", "Unni", "Eonni", "Hyung", "Hyeong", "Noona", "Nuna",
        "Samchon", "Sunbae", "Eej", "Aav", "Emee", "Ovoo", "Egch", "OMMA", "halmoni",
    };

    (void)state;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!address_latin_word(words[i], strlen(words[i])))
            fail_msg("%s: not read as a word of address or kinship", words[i]);
}

/* Names, surnames and syllables of names are none (Yang, Sung: one
 * syllable words are left out of the table). */
static void test_names_stay(void **state)
{
    static const char *const names[] = {
        "Pak", "Choe", "Kim", "Yang", "Sung", "Ri", "Oyun", "Sodnom", "Dorj", "Bold",
        "Bat", "Jong", "Young", "Minho", "Ommar", "Appas", "O", "",
    };

    (void)state;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (address_latin_word(names[i], strlen(names[i])))
            fail_msg("%s: read as a word of address", names[i]);
}

/* One list: every Korean word of the table may follow a name as variants.c
 * reads it (종수오빠가, 종수엄마). */
static void test_one_list(void **state)
{
    const char *w;

    (void)state;
    for (size_t i = 0; (w = address_word_source(0, i)) != NULL; i++)
        if (!variant_suffix_ok(SUFFIX_KO, w, strlen(w)))
            fail_msg("%s: not a word variants.c lets follow a Korean name", w);
    for (size_t i = 0; (w = address_word_source(1, i)) != NULL; i++)
        assert_true(strlen(w) >= 4);        /* two Cyrillic letters at least */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spellings),
        cmocka_unit_test(test_names_stay),
        cmocka_unit_test(test_one_list),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
