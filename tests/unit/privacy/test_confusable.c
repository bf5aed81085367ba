/* privacy/confusable: look-alike letters of Latin, Cyrillic and Greek
 * (UTS #39 skeletons from ICU, made at build time). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "privacy/confusable.h"

static void test_scripts(void **state)
{
    (void)state;
    assert_int_equal(confusable_script('a'), CONF_LATIN);
    assert_int_equal(confusable_script(0xF6), CONF_LATIN);      /* ö */
    assert_int_equal(confusable_script(0x430), CONF_CYRILLIC);  /* а */
    assert_int_equal(confusable_script(0x4E9), CONF_CYRILLIC);  /* ө */
    assert_int_equal(confusable_script(0x3BF), CONF_GREEK);     /* ο */
    assert_int_equal(confusable_script('7'), CONF_NONE);
    assert_int_equal(confusable_script(0xAE40), CONF_NONE);     /* 김 */
    assert_int_equal(confusable_script(0x57D), CONF_OTHER);     /* Armenian ս */
    assert_int_equal(confusable_script(0x13B7), CONF_OTHER);    /* Cherokee Ꮇ */
}

/* Letter-like characters NFKC leaves alone, by their Unicode names. */
static void test_letterlike(void **state)
{
    (void)state;
    assert_int_equal(confusable_letterlike(0x299), 'b');       /* ʙ small capital */
    assert_int_equal(confusable_letterlike(0x1D05), 'd');      /* ᴅ */
    assert_int_equal(confusable_letterlike(0x1F171), 'b');     /* 🅱 negative squared */
    assert_int_equal(confusable_letterlike(0x1F151), 'b');     /* 🅑 negative circled */
    assert_int_equal(confusable_letterlike('b'), 0);
    assert_int_equal(confusable_letterlike(0x24B7), 0);        /* Ⓑ: NFKC folds it */
    assert_int_equal(confusable_letterlike(0x1F1E7), 0);       /* regional indicator B */
    assert_int_equal(confusable_letterlike(0x280), 'r');       /* ʀ: same skeleton as r */
    assert_int_equal(confusable_letterlike(0x473), 0x4E9);     /* ѳ: ө */
    assert_int_equal(confusable_letterlike(0xE9), 0);          /* é is a letter of its own */
    assert_int_equal(confusable_script(0xA4D3), CONF_OTHER);   /* Lisu ꓓ */
    assert_int_equal(confusable_in(0xA4D3, CONF_LATIN), 'd');
    /* Armenian and Cherokee look like Latin letters. */
    assert_int_equal(confusable_in(0x57D, CONF_LATIN), 'u');
    assert_int_equal(confusable_in(0x13B7, CONF_LATIN), 'm');
}

static void test_lookalikes(void **state)
{
    (void)state;
    assert_int_equal(confusable_in('A', CONF_CYRILLIC), 0x430);  /* A: а */
    assert_int_equal(confusable_in('p', CONF_CYRILLIC), 0x440);  /* p: р */
    assert_int_equal(confusable_in(0x440, CONF_LATIN), 'p');     /* р: p */
    assert_int_equal(confusable_in(0x456, CONF_LATIN), 'i');     /* і: i */
    assert_int_equal(confusable_in(0x412, CONF_LATIN), 'b');     /* В: b (by its capital) */
    assert_int_equal(confusable_in('o', CONF_GREEK), 0x3BF);     /* o: ο */
    /* Only everyday letters are targets: no Latin look-alike of л, and
     * Latin l maps to no Cyrillic letter people type (ӏ is left out). */
    assert_int_equal(confusable_in(0x43B, CONF_LATIN), 0);
    assert_int_equal(confusable_in('l', CONF_CYRILLIC), 0);
    assert_int_equal(confusable_in('a', CONF_LATIN), 0);
}

/* Brief i12-kinds2, item 3: letters and digits of other scripts whose
 * skeleton is a Latin letter, two hand-written readings, rare Cyrillic. */
static void test_other_scripts(void **state)
{
    (void)state;
    assert_int_equal(confusable_script(0xBE6), CONF_OTHER);     /* Tamil digit zero */
    assert_int_equal(confusable_in(0xBE6, CONF_LATIN), 'o');
    assert_int_equal(confusable_in(0x966, CONF_LATIN), 'o');    /* Devanagari zero */
    assert_int_equal(confusable_in(0x665, CONF_LATIN), 'o');    /* Arabic-Indic five */
    assert_int_equal(confusable_in(0x3147, CONF_LATIN), 'o');   /* jamo ieung ㅇ */
    assert_int_equal(confusable_in(0x110B, CONF_LATIN), 'o');   /* ᄋ */
    assert_int_equal(confusable_in(0x4CF, CONF_LATIN), 'l');    /* palochka ӏ */
    assert_int_equal(confusable_in(0x501, CONF_LATIN), 'd');    /* Komi de ԁ */
    assert_int_equal(confusable_in(0x456, CONF_LATIN), 'i');    /* і stays i */
    /* Only Armenian, Cherokee, Lisu and syllabics make whole words. */
    assert_true(confusable_only_lookalike(0x57D));
    assert_false(confusable_only_lookalike(0xBE6));
    assert_false(confusable_only_lookalike(0x3147));
    assert_int_equal(confusable_script(0xAC00), CONF_NONE);     /* 가 */
    assert_int_equal(confusable_script(0x3131), CONF_NONE);     /* ㄱ */
    assert_true(confusable_rare_cyrillic(0x4CF));
    assert_true(confusable_rare_cyrillic(0x404));               /* Є */
    assert_false(confusable_rare_cyrillic(0x4E9));              /* ө */
    assert_false(confusable_rare_cyrillic(0x401));              /* Ё */
    assert_false(confusable_rare_cyrillic(0x416));              /* Ж */
    assert_false(confusable_rare_cyrillic('a'));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scripts),
        cmocka_unit_test(test_lookalikes),
        cmocka_unit_test(test_other_scripts),
        cmocka_unit_test(test_letterlike),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
