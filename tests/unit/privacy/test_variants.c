/* export/variants: table-driven spellings of Korean and Mongolian names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "privacy/romanise.h"
#include "privacy/variants.h"

static int has(const struct variant_list *l, const char *key, int suffix)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        if (strcmp(l->v[i].key, key) == 0 && (suffix < 0 || l->v[i].suffix == suffix))
            return 1;
    return 0;
}

static void gen(struct variant_list *l, const char *text)
{
    struct err e;

    assert_int_equal(variants_of(l, text, strlen(text), &e), 0);
    assert_true(l->n >= 1 && l->n <= VARIANTS_MAX + VARIANTS_LATE);
}

static void test_hangul_name(void **state)
{
    struct variant_list l;
    static const char *const want[] = {
        "kimjongsu", "gimjeongsu", "kimchongsu", "kimjungsu", "jongsukim",
        "jeongsu", "jongsu", "chongsu", "jungsu", "jongsoo", "kimjoungsu",
    };
    size_t i;

    (void)state;
    gen(&l, "김정수");
    assert_string_equal(l.v[0].key, "김정수");
    assert_int_equal(l.v[0].rule, RULE_EXACT);
    assert_true(has(&l, "김정수", SUFFIX_KO));
    assert_true(has(&l, "정수", SUFFIX_KO));
    for (i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!has(&l, want[i], -1))
            fail_msg("missing %s", want[i]);
    assert_false(has(&l, "kim", -1));
    assert_false(has(&l, "su", -1));
    variant_list_free(&l);
}

static void test_surnames_and_north(void **state)
{
    struct variant_list l;

    (void)state;
    gen(&l, "리일남");
    assert_true(has(&l, "riilnam", -1));
    assert_true(has(&l, "leeilnam", -1));
    assert_true(has(&l, "ilnam", -1));
    variant_list_free(&l);
    gen(&l, "최명남");
    assert_true(has(&l, "choemyongnam", -1));
    assert_true(has(&l, "choimyeongnam", -1));
    variant_list_free(&l);
    gen(&l, "박철");
    assert_true(has(&l, "bakcheol", -1));   /* two syllables: not split */
    variant_list_free(&l);
}

static void test_romanised_finds_others(void **state)
{
    struct variant_list l;

    (void)state;
    gen(&l, "Jong-su");
    assert_string_equal(l.v[0].key, "jongsu");
    assert_true(has(&l, "jungsu", -1));
    assert_true(has(&l, "chongsu", -1));
    assert_true(has(&l, "jeongsu", -1));
    assert_true(has(&l, "종수", SUFFIX_KO));
    assert_true(has(&l, "정수", SUFFIX_KO));
    variant_list_free(&l);
    gen(&l, "Kim Jong-su");
    assert_true(has(&l, "김종수", SUFFIX_KO));
    assert_true(has(&l, "gimjeongsu", -1));
    variant_list_free(&l);
}

static void test_mongolian(void **state)
{
    struct variant_list l;

    (void)state;
    gen(&l, "Бат-Эрдэнэ");
    assert_string_equal(l.v[0].key, "батэрдэнэ");
    assert_true(has(&l, "батэрдэнэ", SUFFIX_MN));
    assert_true(has(&l, "батэрдэн", SUFFIX_MN_STEM));
    assert_true(has(&l, "baterdene", SUFFIX_MN));
    assert_true(has(&l, "baterden", SUFFIX_MN_STEM));
    variant_list_free(&l);
    gen(&l, "Төмөрхүү");
    assert_true(has(&l, "tomorkhuu", -1));
    assert_true(has(&l, "tumurkhuu", -1));
    assert_true(has(&l, "toemoerkhueue", -1));
    assert_true(has(&l, "tomorhuu", -1));
    assert_true(has(&l, "tomorxuu", -1));
    variant_list_free(&l);
    gen(&l, "Bat-Erdene");
    assert_true(has(&l, "батэрдэнэ", SUFFIX_MN));
    assert_true(has(&l, "батэрдэн", SUFFIX_MN_STEM));
    variant_list_free(&l);
    gen(&l, "Tsetseg");
    assert_true(has(&l, "цэцэг", SUFFIX_MN));
    assert_true(has(&l, "tsetseg", -1));
    assert_true(has(&l, "cecег", -1) == 0);
    variant_list_free(&l);
}

static void test_suffixes(void **state)
{
    (void)state;
    assert_true(variant_suffix_ok(SUFFIX_KO, "", 0));
    assert_true(variant_suffix_ok(SUFFIX_KO, "는", strlen("는")));
    assert_true(variant_suffix_ok(SUFFIX_KO, "씨는", strlen("씨는")));
    assert_true(variant_suffix_ok(SUFFIX_KO, "에게", strlen("에게")));
    assert_false(variant_suffix_ok(SUFFIX_KO, "하다", strlen("하다")));
    assert_true(variant_suffix_ok(SUFFIX_MN_STEM, "ийн", strlen("ийн")));
    assert_false(variant_suffix_ok(SUFFIX_MN_STEM, "", 0));
    assert_true(variant_suffix_ok(SUFFIX_MN, "д", strlen("д")));
    assert_true(variant_suffix_ok(SUFFIX_MN, "тэй", strlen("тэй")));
    /* plural and stacked endings (from hunspell-mn forms) */
    assert_true(variant_suffix_ok(SUFFIX_MN, "ууд", strlen("ууд")));
    assert_true(variant_suffix_ok(SUFFIX_MN, "тайг", strlen("тайг")));
    assert_true(variant_suffix_ok(SUFFIX_MN, "гүйн", strlen("гүйн")));
    assert_true(variant_suffix_ok(SUFFIX_MN_STEM, "ийнхэн", strlen("ийнхэн")));
    /* a verb made from the word is not the name: Батлах (to approve) */
    assert_false(variant_suffix_ok(SUFFIX_MN, "лах", strlen("лах")));
    assert_false(variant_suffix_ok(SUFFIX_KO, "호텔", strlen("호텔")));
    assert_false(variant_suffix_ok(SUFFIX_NONE, "s", 1));
    /* Each kind refuses the other script's runs on their first byte, and
     * the last ending of a run is looked up whole (speed, variants.c:
     * the answers are those of the whole search). */
    assert_false(variant_suffix_ok(SUFFIX_KO, "ийн", strlen("ийн")));
    assert_false(variant_suffix_ok(SUFFIX_KO, "iin", 3));
    assert_false(variant_suffix_ok(SUFFIX_MN, "는", strlen("는")));
    assert_false(variant_suffix_ok(SUFFIX_MN_STEM, "씨는", strlen("씨는")));
    assert_true(variant_suffix_ok(SUFFIX_MN_STEM, "iin", 3));
    assert_false(variant_suffix_ok(SUFFIX_MN_STEM, "zq", 2));
    assert_false(variant_suffix_ok(SUFFIX_MN_STEM, "iinq", 4));
    assert_true(variant_suffix_ok(SUFFIX_MN, "guaid", 5));      /* address, then an ending */
    assert_true(variant_suffix_ok(SUFFIX_MN, "гуайгаас", strlen("гуайгаас")));
    assert_true(variant_suffix_ok(SUFFIX_MN, "тайгаас", strlen("тайгаас")));
    assert_true(variant_suffix_ok(SUFFIX_KO, "\xe1\x84\x8f", 3));     /* a lone jamo (ㅋ) */
}

static void test_empty_refused_and_bounded(void **state)
{
    struct variant_list l;
    struct err e;

    (void)state;
    assert_int_equal(variants_of(&l, " - ", 3, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    gen(&l, "이정영현");
    assert_true(l.n <= VARIANTS_MAX + VARIANTS_LATE);
    variant_list_free(&l);
}

/* A mark of a variant, by key and suffix (-1: any); -1 if absent. */
static int mark(const struct variant_list *l, const char *key, int flag)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        if (strcmp(l->v[i].key, key) == 0)
            return flag ? l->v[i].flag : l->v[i].capital;
    return -1;
}

/* Issue 12: fleeting vowels, long vowels written single, з as j, Russian
 * case endings, short forms as flags. */
static void test_mongolian_issue12(void **state)
{
    struct variant_list l;

    (void)state;
    gen(&l, "Алтангэрэл");
    assert_true(has(&l, "алтангэрл", SUFFIX_MN_STEM));
    assert_true(has(&l, "altangerl", SUFFIX_MN_STEM));
    assert_int_equal(mark(&l, "алтаа", 1), 1);            /* a short form: a flag */
    assert_int_equal(mark(&l, "altaa", 1), 1);
    assert_int_equal(mark(&l, "гэрлээ", 1), 1);
    assert_int_equal(mark(&l, "алтангэрэл", 1), 0);
    variant_list_free(&l);
    gen(&l, "Өлзийбаяр");
    assert_true(has(&l, "oljiibayar", -1));
    assert_true(has(&l, "olzibayar", -1));
    assert_true(has(&l, "oljibayar", -1));
    variant_list_free(&l);
    gen(&l, "Баатар");
    assert_true(has(&l, "баатр", SUFFIX_MN_STEM));
    assert_true(has(&l, "batr", SUFFIX_MN_STEM));
    variant_list_free(&l);
    /* No fleeting vowel after a vowel or before two consonants. */
    gen(&l, "Ганболд");
    assert_false(has(&l, "ганбльд", -1));
    assert_false(has(&l, "ганблд", -1));
    variant_list_free(&l);
    assert_true(variant_suffix_ok(SUFFIX_MN, "а", strlen("а")));          /* Батбаяра */
    assert_true(variant_suffix_ok(SUFFIX_MN, "ом", strlen("ом")));
    assert_true(variant_suffix_ok(SUFFIX_MN_STEM, "in", 2));              /* Altangerlin */
    assert_true(variant_suffix_ok(SUFFIX_MN_STEM, "es", 2));              /* ээс written single */
    assert_false(variant_suffix_ok(SUFFIX_MN, "a", 1));                   /* Bata is another name */
    assert_false(variant_suffix_ok(SUFFIX_MN, "ing", 3));
}

/* Issue 12: any chain of particles and address words after a Korean name;
 * Hanja spellings; initials. */
static void test_korean_issue12(void **state)
{
    struct variant_list l;
    static const char *const ok[] = {
        "형이", "오빠가", "씨한테서도", "선생님께서는요", "언니랑은", "아저씨께서도", "동무가",
        "동지에게서도", "이형이", "형님네", "선배님이랑은",
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (!variant_suffix_ok(SUFFIX_KO, ok[i], strlen(ok[i])))
            fail_msg("%s refused after a name", ok[i]);
    assert_false(variant_suffix_ok(SUFFIX_KO, "기를", strlen("기를")));   /* 정수기를 */
    assert_false(variant_suffix_ok(SUFFIX_KO, "증", strlen("증")));       /* 영수증 */
    /* The review flags keep the stricter test: two common particles. */
    assert_true(variants_ko_common_suffix("이가", strlen("이가")));
    assert_false(variants_ko_common_suffix("형이", strlen("형이")));
    gen(&l, "김종수");
    assert_true(has(&l, "금종수", SUFFIX_KO));                 /* 金鍾洙 in the key view */
    assert_int_equal(mark(&l, "k.j.s", 0), 1);                /* K.J.S., with a capital */
    assert_int_equal(mark(&l, "j.kim", 0), 1);
    assert_int_equal(mark(&l, "kimj.s.", 0), 1);
    assert_int_equal(mark(&l, "k.jongsu", 0), 1);
    variant_list_free(&l);
}

/* Issue 12: each word of a name of several words, in every spelling, with
 * a capital where the script has capitals. */
static void test_name_words(void **state)
{
    struct variant_list l;

    (void)state;
    gen(&l, "Батбаярын Алтангэрэл");
    assert_int_equal(mark(&l, "алтангэрэл", 0), 1);
    assert_int_equal(mark(&l, "altangerel", 0), 1);
    assert_int_equal(mark(&l, "батбаярын", 0), 1);
    variant_list_free(&l);
    gen(&l, "Bold Dorj");
    assert_int_equal(mark(&l, "bold", 0), 1);
    assert_int_equal(mark(&l, "болд", 0), 1);
    assert_true(has(&l, "дорж", SUFFIX_MN));
    variant_list_free(&l);
    gen(&l, "김 종수");
    assert_int_equal(mark(&l, "종수", 0), 0);                 /* Hangul has no capitals */
    assert_int_equal(mark(&l, "김", 0), -1);                  /* a surname alone is no one */
    variant_list_free(&l);
}

/* The index of romanise_mn_letters by code point finds the row the table
 * says, for every letter of it, and no row for any other code point of the
 * Cyrillic blocks and around them. */
static void test_mn_rows_match_table(void **state)
{
    int cp, row;

    (void)state;
    for (cp = 0; cp < 0x0800; cp++) {
        char u[8] = { 0 };
        size_t i = romanise_mn_count;

        if (cp < 0xD800 && (cp < 0x80 ? (u[0] = (char)cp, 1) : (u[0] = (char)(0xC0 | cp >> 6),
                                                               u[1] = (char)(0x80 | (cp & 0x3F)), 1)))
            for (i = 0; i < romanise_mn_count && strcmp(romanise_mn_letters[i][0], u) != 0; i++)
                ;
        row = romanise_mn_row(cp);
        if (cp == 0)
            assert_int_equal(row, -1);
        else
            assert_int_equal(row, i == romanise_mn_count ? -1 : (int)i);
    }
    for (row = 0; row < (int)romanise_mn_count; row++)
        assert_true(strlen(romanise_mn_letters[row][0]) == 2);   /* all two bytes: U+0400..U+07FF */
    assert_int_equal(romanise_mn_row(-1), -1);
    assert_int_equal(romanise_mn_row(0x10FFFF), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hangul_name),
        cmocka_unit_test(test_surnames_and_north),
        cmocka_unit_test(test_romanised_finds_others),
        cmocka_unit_test(test_mongolian),
        cmocka_unit_test(test_suffixes),
        cmocka_unit_test(test_empty_refused_and_bounded),
        cmocka_unit_test(test_mongolian_issue12),
        cmocka_unit_test(test_korean_issue12),
        cmocka_unit_test(test_name_words),
        cmocka_unit_test(test_mn_rows_match_table),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
