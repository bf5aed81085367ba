/* store/words.c: the index's extra words and the query from typed words. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "store/words.h"

static void index_is(const char *text, const char *want)
{
    char *out;
    size_t len;

    assert_int_equal(words_index(&out, &len, text, strlen(text)), 0);
    assert_int_equal(strlen(out), len);
    if (strcmp(out, want) != 0)
        fail_msg("words_index(\"%s\")\n  got  \"%s\"\n  want \"%s\"", text, out, want);
    secmem_wipe_free(out);
}

static void query_is(const char *typed, const char *want)
{
    struct err e;
    char *out;

    err_clear(&e);
    if (words_query(&out, typed, &e) != 0)
        fail_msg("words_query(\"%s\") failed: %s", typed, e.msg);
    if (strcmp(out, want) != 0)
        fail_msg("words_query(\"%s\")\n  got  \"%s\"\n  want \"%s\"", typed, out, want);
    secmem_wipe_free(out);
}

static void test_index_glued_runs(void **state)
{
    (void)state;
    /* Every piece after the first letter: 종수 then finds 김종수는. */
    index_is("김종수는 왔다", "종수는 수는 는 다");
    /* A run glued to a Latin letter before it starts a piece at its first. */
    index_is("x김종", "김종 종");
    /* Pieces hold at most WORDS_PIECE_MAX letters. */
    index_is("가나다라마바사아자차", "나다라마바사아자 다라마바사아자차 라마바사아자차 마바사아자차 "
             "바사아자차 사아자차 아자차 자차 차");
    index_is("金鍾洙", "鍾洙 洙");
    index_is("plain words only", "");
}

static void test_index_joined_words(void **state)
{
    (void)state;
    index_is("Kim Jong-su came", "Jongsu");
    index_is("Бат-Эрдэнэ, O'Brien", "БатЭрдэнэ OBrien");
    /* A joiner that joins nothing, or joins only digits, adds nothing. */
    index_is("a - b -- c-", "");
    index_is("Jong\xe2\x80\x90su", "Jongsu");   /* U+2010 HYPHEN */
}

static void test_index_numbers(void **state)
{
    (void)state;
    /* Digits without leading zeros, and each ending of 7 digits or more
     * that starts with no 0. */
    index_is("call 010-2000-0000", "1020000000 20000000");
    index_is("+82 10 2000 0000.", "821020000000 21020000000 1020000000 20000000");
    index_is("(010) 2000-0000", "1020000000 20000000");
    index_is("passport M1234567", "1234567");
    /* Six digits, or more than twenty, are no number. */
    index_is("in 2019 12 people", "");
    index_is("123456789012345678901", "");
    /* Groups join over one or two separators, not over words. */
    index_is("2019 people 0102000 0000", "1020000000 20000000");
}

static void test_index_invalid_utf8(void **state)
{
    char *out;
    size_t len;
    const char bad[] = "\xff\xfe 종수는 \xc3";

    (void)state;
    assert_int_equal(words_index(&out, &len, bad, sizeof bad - 1), 0);
    assert_string_equal(out, "수는 는");
    secmem_wipe_free(out);
}

static void test_nfc(void **state)
{
    /* 종 as three jamo, then as one syllable. */
    const char jamo[] = "\xe1\x84\x8c\xe1\x85\xa9\xe1\x86\xbc";
    char *out;
    size_t len;

    (void)state;
    assert_int_equal(words_nfc(&out, &len, jamo, strlen(jamo)), 0);
    assert_string_equal(out, "종");
    assert_int_equal(len, strlen("종"));
    secmem_wipe_free(out);
    assert_int_equal(words_nfc(&out, &len, "ascii", 5), 0);
    assert_string_equal(out, "ascii");
    secmem_wipe_free(out);
    assert_int_equal(words_nfc(&out, &len, "\xff", 1), 0);
    assert_memory_equal(out, "\xff", 2);
    secmem_wipe_free(out);
}

static void test_query_words(void **state)
{
    (void)state;
    query_is("Crossing", "\"Crossing*\"");
    query_is("  Kim   Jong-su ", "\"Kim*\" \"Jong-su*\" OR \"Jongsu*\"");
    query_is("종수", "\"종수*\"");
    query_is("'종수*'", "\"종수*\"");
    /* A minus is no NOT; what is no letter at a word's ends, and stars
     * and quotes inside it, are dropped. */
    query_is("-Jong", "\"Jong*\"");
    query_is("a*b", "\"ab*\"");
    query_is("Kim.", "\"Kim*\"");
}

static void test_query_phrases_and_or(void **state)
{
    (void)state;
    query_is("\"Kim Jong-su\" came", "\"Kim Jong-su\" \"came*\"");
    query_is("\"unclosed phrase", "\"unclosed phrase\"");
    query_is("Hyesan OR Chongjin", "\"Hyesan*\" OR \"Chongjin*\"");
    /* OR at either end, or twice, is a word away from nothing. */
    query_is("OR Hyesan OR OR", "\"Hyesan*\"");
    query_is("or", "\"or*\"");
    /* Nothing but punctuation between words is left out. */
    query_is("Kim - Jong", "\"Kim*\" \"Jong*\"");
}

static void test_query_numbers(void **state)
{
    (void)state;
    query_is("010-2000-0000", "\"010-2000-0000*\" OR 1020000000*");
    query_is("+82 10 2000 0000", "\"+82 10 2000 0000*\" OR 821020000000* OR 1020000000*");
    query_is("0082 10 2000 0000", "\"0082 10 2000 0000*\" OR 821020000000* OR 1020000000*");
    query_is("call 01020000000 now", "\"call*\" \"01020000000*\" OR 1020000000* \"now*\"");
    /* Short numbers are words. */
    query_is("2000", "\"2000*\"");
}

static void test_query_nothing(void **state)
{
    struct err e;
    char *out = (char *)1;

    (void)state;
    err_clear(&e);
    assert_int_equal(words_query(&out, " - ... \"\" * OR ", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_null(out);
    assert_string_equal(e.msg, "there is no word to search for (letters or digits)");
}

/* Glued pieces of a long query word: its first WORDS_PIECE_MAX letters. */
static void test_query_long_glued_word(void **state)
{
    (void)state;
    query_is("가나다라마바사아자차", "\"가나다라마바사아*\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_index_glued_runs),
        cmocka_unit_test(test_index_joined_words),
        cmocka_unit_test(test_index_numbers),
        cmocka_unit_test(test_index_invalid_utf8),
        cmocka_unit_test(test_nfc),
        cmocka_unit_test(test_query_words),
        cmocka_unit_test(test_query_phrases_and_or),
        cmocka_unit_test(test_query_numbers),
        cmocka_unit_test(test_query_nothing),
        cmocka_unit_test(test_query_long_glued_word),
    };

    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
