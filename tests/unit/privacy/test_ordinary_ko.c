/* privacy/ordinary_ko: which Hangul words the review flags read as
 * ordinary Korean (issue 13): the North Korean words added to hunspell-ko,
 * North Korean spelling without the initial-sound rule, regional spoken
 * endings, compounds written as one word and verb forms; and what stays a
 * name: a registered name is read strictly, a word the name lists know
 * as a name is not passed by the new readings, and a name stays flagged
 * in running text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "util/lexicon.h"

static int ordinary(const char *w, int strict)
{
    return redact_ordinary_ko(w, strlen(w), strict);
}

/* Each kind, with a word that hunspell-ko alone does not know. */
static void test_kinds(void **state)
{
    static const char *const words[] = {
        "장마당", "장마당에서", "인민반장", "오마니가", "손전화로", "기록자가", /* data/lexicon */
        "로동자", "로동자들은", "녀성", "리용했다", "량곡을",                    /* initial-sound rule */
        "도왔슴다", "오갔슴다", "때였슴다", "국수임다", "하더구만", "했습네다",   /* endings */
        "기름값", "기름값이", "배급표를", "배치받아",                            /* compounds */
        "정해진",                                                               /* verb form */
    };

    (void)state;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (!ordinary(words[i], 0))
            fail_msg("%s: not read as an ordinary word", words[i]);
        /* hunspell-ko on its own (plus the list) does not know the others:
         * without the rules each would be flagged. */
    }
    assert_int_equal(lexicon_word(LEXICON_KO, "로동자", strlen("로동자")), 0);
    assert_int_equal(lexicon_word(LEXICON_KO, "기름값", strlen("기름값")), 0);
    assert_int_equal(lexicon_word(LEXICON_KO, "정해진", strlen("정해진")), 0);
    assert_int_equal(lexicon_word(LEXICON_KO, "도왔슴다", strlen("도왔슴다")), 0);
    assert_int_equal(lexicon_word(LEXICON_KO, "장마당", strlen("장마당")), 1);
}

/* The rules are for review flags only: a registered name is read
 * strictly (정해진 is a name as well as a verb form); names stay names. */
static void test_names_stay(void **state)
{
    static const char *const strict_only[] = { "정해진", "로동자", "기름값", "도왔슴다", "배치받아" };
    static const char *const names[] = {
        "김종수", "김종수는", "박철호", "리영철", "리영철은", "류경호", "정수민은", "최은비",
        "박명수가", "박명자", /* 박명 is a word, 수가 too (export.bats) */
        /* a prefix that is a surname, then a given name of the lists that
         * is a noun too (차 and 은혜, 반 and 지성), or a common surname left
         * out of the prefixes (최 and 지성) */
        "차은혜가", "반지성이", "최지성", "차수정은",
    };

    (void)state;
    for (size_t i = 0; i < sizeof strict_only / sizeof strict_only[0]; i++)
        if (ordinary(strict_only[i], 1))
            fail_msg("%s: read as a word for a registered name", strict_only[i]);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (ordinary(names[i], 0))
            fail_msg("%s: a name read as an ordinary word", names[i]);
    /* The word list stops a flag, never a replacement: 장마당 is a word. */
    assert_int_equal(ordinary("장마당", 1), 1);
}

/* In running text: the testimony's words raise no flag, the names in it
 * do, and a Korean title after a sentence's end addresses no one. */
static void test_in_text(void **state)
{
    struct redactor *r;
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;
    const char *in = "오마니는 장마당에서 국수를 팔았슴다. 로동자들은 기름값이 올랐다고 했지비. "
                     "열아홉 살 때였슴다. 동무 셋이서 갔지비. 리영철 동무가 정수민과 왔다.";

    (void)state;
    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_compile(r, &e), 0);
    assert_int_equal(redactor_run(&out, r, ctx, in, strlen(in), &e), 0);
    assert_int_equal(out.nflags, 2);
    assert_string_equal(out.flags[0].kind, "korean-name");
    assert_memory_equal(out.text + out.flags[0].start, "리영철", out.flags[0].len);
    assert_string_equal(out.flags[1].kind, "korean-name");
    assert_memory_equal(out.text + out.flags[1].start, "정수민", out.flags[1].len);
    redaction_free(&out);
    redact_ctx_free(ctx);
    redactor_free(r);
}

/* News register (issue 13, NEW-8): Sino-Korean and loan compounds of a
 * noun and a suffix hunspell-ko does not list, for review flags only. */
static void test_news_compounds(void **state)
{
    static const char *const words[] = {
        "채소류는", "석유류", "고령층", "공급망", "경유차의", "전기차", "도장공", "연구단을",
        "표시제를", "인천항과", "주차난을", "진료팀을", "선제골을", "원정팀은", "배송비",
        /* a one-syllable noun's plural and a Sino-Korean prefix and a noun
         * (report-adv19a N-8) */
        "배들이", "차들을", "배들과", "차상위", "차순위는", "반독재", "부단장은",
    };

    (void)state;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (!ordinary(words[i], 0))
            fail_msg("%s: not read as an ordinary word", words[i]);
        if (ordinary(words[i], 1))
            fail_msg("%s: read as a word in the strict reading too", words[i]);
    }
}

/* No surname and given name of the name lists (data/gazetteer: 112
 * surnames, 529 given names) whose given name ends in one of the noun
 * suffixes (단비, 은비) is read as an ordinary word: the suffix is read only
 * after a noun (박은 is a form of 박다), so 박은비 stays a name shape. */
static void test_suffix_names(void **state)
{
    char sur[64], given[64], w[192];
    FILE *fs = fopen("data/gazetteer/ko_surnames.txt", "r"), *fg;
    size_t tried = 0;

    (void)state;
    assert_non_null(fs);
    while (fgets(sur, sizeof sur, fs) != NULL) {
        sur[strcspn(sur, "\n")] = '\0';
        if (strlen(sur) != 3)
            continue;
        assert_non_null(fg = fopen("data/gazetteer/ko_given.txt", "r"));
        while (fgets(given, sizeof given, fg) != NULL) {
            size_t n;
            given[strcspn(given, "\n")] = '\0';
            n = strlen(given);
            if (n != 6 || !redact_ko_noun_suffix(given + 3, 3))
                continue;
            snprintf(w, sizeof w, "%s%s", sur, given);
            tried++;
            if (ordinary(w, 0))
                fail_msg("%s: a listed name read as an ordinary word", w);
        }
        fclose(fg);
    }
    fclose(fs);
    assert_true(tried >= 100);   /* 단비 and 은비 after each surname */
    assert_true(redact_ko_noun_suffix("류", 3) && !redact_ko_noun_suffix("수", 3));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_names_stay),
        cmocka_unit_test(test_in_text),
        cmocka_unit_test(test_news_compounds),
        cmocka_unit_test(test_suffix_names),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
