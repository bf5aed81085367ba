/* privacy/transcribe: Latin readings across scripts, consonant skeletons,
 * vowel keys and the pinyin of a Korean name's Hanja. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "privacy/transcribe.h"

/* The skeleton of the readings of the UTF-8 text s, one code point at a
 * time (what redact_scripts.c does), into out. */
static size_t skel_of(char *out, size_t cap, const char *s, int classical)
{
    char rd[128];
    size_t used = 0, i = 0, n = strlen(s);

    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        int cp, k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4, m;
        cp = k == 1 ? c : k == 2 ? (c & 0x1F) : k == 3 ? (c & 0x0F) : (c & 0x07);
        for (int j = 1; j < k; j++)
            cp = (cp << 6) | ((unsigned char)s[i + (size_t)j] & 0x3F);
        i += (size_t)k;
        m = transcribe_reading(rd + used, sizeof rd - used, cp);
        if (m > 0)
            used += (size_t)m;
    }
    if (classical)
        used = transcribe_classical(rd, used);
    return transcribe_skeleton(out, cap, rd, used);
}

static void test_readings(void **state)
{
    char b[16];
    int n;

    (void)state;
    assert_int_equal(n = transcribe_reading(b, sizeof b, 'A'), 1);
    assert_memory_equal(b, "a", 1);
    assert_int_equal(n = transcribe_reading(b, sizeof b, 0x91D1), 3);   /* 金 jin */
    assert_memory_equal(b, "jin", 3);
    assert_int_equal(n = transcribe_reading(b, sizeof b, 0x182D), 1);   /* ᠭ GA */
    assert_memory_equal(b, "g", 1);
    assert_int_equal(n = transcribe_reading(b, sizeof b, 0x1835), 1);   /* ᠵ JA */
    assert_memory_equal(b, "j", 1);
    assert_int_equal(transcribe_reading(b, sizeof b, 0x180B), 0);       /* FVS1: nothing */
    assert_int_equal(n = transcribe_reading(b, sizeof b, 0xAE40), 3);   /* 김 gim */
    assert_memory_equal(b, "gim", 3);
    assert_int_equal(n = transcribe_reading(b, sizeof b, 0x0431), 1);   /* б */
    assert_memory_equal(b, "b", 1);
    assert_int_equal(transcribe_reading(b, sizeof b, '7'), -1);
    assert_int_equal(transcribe_reading(b, sizeof b, 0x05D0), -1);      /* Hebrew alef */
    assert_int_equal(transcribe_reading(b, 2, 0x91D1), -1);             /* no room */
    assert_true(transcribe_is_mongolian(0x1820) && !transcribe_is_mongolian(0x1843));
}

static void test_skeletons_meet(void **state)
{
    static const char *const altangerel[] = {
        "Altangerel", "алтангэрэл", "알탄게렐", "阿拉坦格日勒", "ᠠᠯᠲᠠᠨᠭᠡᠷᠡᠯ", "Alatan Gerile",
    };
    static const char *const whitfield[] = {
        "Sarah Whitfield", "사라휘트필드", "萨拉惠特菲尔德", "сара уитфилд",
    };
    char want[32], got[32];
    size_t i;

    (void)state;
    assert_int_equal(skel_of(want, sizeof want, "Altangerel", 0), 6);
    assert_string_equal(want, "LTNKLL");
    for (i = 0; i < sizeof altangerel / sizeof *altangerel; i++) {
        skel_of(got, sizeof got, altangerel[i], 0);
        assert_string_equal(got, want);
    }
    skel_of(want, sizeof want, "Sarah Whitfield", 0);
    assert_string_equal(want, "SLTPLT");
    for (i = 0; i < sizeof whitfield / sizeof *whitfield; i++) {
        skel_of(got, sizeof got, whitfield[i], 0);
        assert_string_equal(got, want);
    }
    /* The classical spelling: baγatur is baatar. */
    skel_of(want, sizeof want, "Boldbaatar", 0);
    skel_of(got, sizeof got, "ᠪᠣᠯᠣᠳᠪᠠᠭᠠᠲᠤᠷ", 1);
    assert_string_equal(got, want);
    skel_of(got, sizeof got, "ᠪᠣᠯᠣᠳᠪᠠᠭᠠᠲᠤᠷ", 0);
    assert_string_not_equal(got, want);
    /* A vowel parts two of one class; adjacent ones are one; a word
     * with one more syllable is another skeleton. */
    skel_of(got, sizeof got, "阿拉坦格日勒来了", 0);
    assert_string_not_equal(got, "LTNKLL");
    assert_int_equal(transcribe_skeleton(got, sizeof got, "tsz", 3), 1);
    assert_string_equal(got, "S");
    assert_int_equal(transcribe_skeleton(got, sizeof got, "cola", 4), 2);
    assert_string_equal(got, "KL");
    /* Too long for out: the count, out cut and terminated. */
    assert_int_equal(transcribe_skeleton(got, 3, "bdgbdg", 6), 6);
    assert_string_equal(got, "PT");
}

static void test_vowel_key(void **state)
{
    char a[16], b[16];

    (void)state;
    transcribe_vowel_key(a, sizeof a, "ulzii", 5);
    transcribe_vowel_key(b, sizeof b, "ulji", 4);       /* 울지 */
    assert_string_equal(a, "ULSI");
    assert_string_equal(a, b);
    transcribe_vowel_key(a, sizeof a, "hwiteupildeu", 12);   /* 휘트필드: eu is none */
    transcribe_vowel_key(b, sizeof b, "whitfild", 8);
    assert_string_equal(a, b);
}

static void test_pinyin(void **state)
{
    const int kim[] = { 0xAE40, 0xC885, 0xC218 };   /* 김종수 */
    const int park[] = { 0xBC15, 0xBBFC };           /* 박민 */

    (void)state;
    assert_true(transcribe_pinyin_reads("jinzhongzhu", 11, kim, 3));
    assert_true(transcribe_pinyin_reads("jinzhongshou", 12, kim, 3));
    assert_false(transcribe_pinyin_reads("jinzhong", 8, kim, 3));
    assert_false(transcribe_pinyin_reads("jinzhongzhux", 12, kim, 3));
    assert_false(transcribe_pinyin_reads("lizhongzhu", 10, kim, 3));
    assert_true(transcribe_pinyin_reads("piaomin", 7, park, 2));   /* 朴 as a surname */
    assert_true(transcribe_pinyin_reads("", 0, kim, 0));
    assert_true(transcribe_is_pinyin("jinzhongzhu", 11));
    assert_true(transcribe_is_pinyin("zhang", 5));
    assert_false(transcribe_is_pinyin("sarah", 5));
    assert_false(transcribe_is_pinyin("", 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_readings),
        cmocka_unit_test(test_skeletons_meet),
        cmocka_unit_test(test_vowel_key),
        cmocka_unit_test(test_pinyin),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
