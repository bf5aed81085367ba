/* export/normalise: one normalised form per spelling, offsets back to the original. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <sodium.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/normalise_int.h"    /* norm_slavic_sentence and its memo */

static void expect_norm(const char *in, const char *norm, const char *key)
{
    struct normtext t;
    struct err e;

    assert_int_equal(normalise(&t, in, strlen(in), &e), 0);
    assert_string_equal(t.norm, norm);
    assert_string_equal(t.key, key);
    normtext_free(&t);
}

static void test_dashes_apostrophes_spaces(void **state)
{
    (void)state;
    expect_norm("Bat\xe2\x80\x90" "Erdene", "bat-erdene", "baterdene");
    expect_norm("BAT \t\n ERDENE", "bat erdene", "baterdene");
    expect_norm("Baterdene", "baterdene", "baterdene");
    expect_norm("Ch\xe2\x80\x99oe \xe2\x88\x92 x\xef\xbc\x8dy", "ch'oe - x-y", "choexy");
    expect_norm("a\xe2\x80\x94" "b\xe2\x80\x93" "c\xef\xb9\x98" "d", "a-b-c-d", "abcd");
    expect_norm("Kim\xc2\xad" "Jong", "kimjong", "kimjong");      /* soft hyphen ignored */
}

static void test_marks_by_script(void **state)
{
    (void)state;
    expect_norm("Ch\xc5\x8fng", "chong", "chong");                  /* ŏ -> o */
    expect_norm("Cho\xcc\x86ng", "chong", "chong");                 /* o + combining breve */
    expect_norm("\xd0\x99\xd0\xb0", "\xd0\xb9\xd0\xb0", "\xd0\xb9\xd0\xb0"); /* Йа keeps й */
    expect_norm("\xd3\xa8\xd2\xae", "\xd3\xa9\xd2\xaf", "\xd3\xa9\xd2\xaf"); /* ӨҮ -> өү */
    expect_norm("\xef\xbc\xab\xef\xbd\x89\xef\xbd\x8d", "kim", "kim");       /* fullwidth */
    /* Cyrillic, Greek and Hangul lose the marks that do not compose
     * (issue 12 follow-up): и + breve is й, ю + breve is ю, ц + acute ц,
     * a low line under every letter goes, a mark on a syllable goes. */
    expect_norm("\xd0\xb8\xcc\x86", "\xd0\xb9", "\xd0\xb9");
    expect_norm("\xd1\x8e\xcc\x86\xd1\x86\xcc\x81", "\xd1\x8e\xd1\x86", "\xd1\x8e\xd1\x86");
    expect_norm("\xd0\x9e\xcc\xb2\xd1\x8e\xcc\xb2", "\xd0\xbe\xd1\x8e", "\xd0\xbe\xd1\x8e");
    expect_norm("\xec\xa2\x85\xcc\x81\xec\x88\x98", "\xec\xa2\x85\xec\x88\x98", "\xec\xa2\x85\xec\x88\x98");
    expect_norm("\xce\xb1\xcc\x81", "\xce\xac", "\xce\xac");     /* α + acute is ά */
    /* Other scripts keep their marks (a vowel sign is a letter's part). */
    expect_norm("\xe0\xa4\x95\xe0\xa4\xbf", "\xe0\xa4\x95\xe0\xa4\xbf", "\xe0\xa4\x95\xe0\xa4\xbf");
}

static void test_hangul_jamo_composed(void **state)
{
    (void)state;
    /* ᄀ ᅵ ᆷ (conjoining jamo) compose to 김 */
    expect_norm("\xe1\x84\x80\xe1\x85\xb5\xe1\x86\xb7", "\xea\xb9\x80", "\xea\xb9\x80");
}

static void test_offsets_map_back(void **state)
{
    const char *in = "X  Ch\xc5\x8fng\xe2\x80\x94Su";
    struct normtext t;
    struct err e;

    (void)state;
    assert_int_equal(normalise(&t, in, strlen(in), &e), 0);
    assert_string_equal(t.norm, "x chong-su");
    assert_int_equal(t.ostart[1], 1);       /* the space run */
    assert_int_equal(normtext_oend(&t, 1), 3);
    assert_int_equal(t.ostart[4], 5);       /* o from ŏ (2 bytes) */
    assert_int_equal(normtext_oend(&t, 4), 7);
    assert_int_equal(t.ostart[7], 9);       /* the em dash */
    assert_int_equal(normtext_oend(&t, 7), 12);
    assert_int_equal(t.kpos[0], 0);
    assert_int_equal(t.kpos[1], 2);         /* key "xchongsu": c at norm 2 */
    assert_int_equal(t.kpos[6], 8);
    normtext_free(&t);
}

static void test_refuses_bad_input(void **state)
{
    struct normtext t;
    struct err e;

    (void)state;
    assert_int_equal(normalise(&t, "ab\xff", 3, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "UTF-8"));
    assert_int_equal(normalise(&t, "a\0b", 3, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "NUL"));
    assert_int_equal(normalise(&t, "\xc0\x80", 2, &e), -1);   /* overlong NUL */
    assert_int_equal(normalise(&t, "\xed\xa0\x80", 3, &e), -1); /* surrogate */
    assert_int_equal(normalise(&t, "", 0, &e), 0);
    assert_int_equal(t.normlen, 0);
    normtext_free(&t);
}

static void test_long_mark_run(void **state)
{
    char in[1 + 200 * 2 + 1];
    struct normtext t;
    struct err e;
    int i;

    (void)state;
    in[0] = 'a';
    for (i = 0; i < 200; i++)
        in[1 + 2 * i] = '\xcc', in[2 + 2 * i] = '\x81';
    in[sizeof in - 1] = 0;
    assert_int_equal(normalise(&t, in, strlen(in), &e), 0);
    assert_string_equal(t.norm, "a");   /* Latin: marks folded */
    normtext_free(&t);
}

/* Compatibility jamo typed letter by letter compose as an input method
 * does (a consonant before a vowel starts the next syllable); each
 * syllable maps back to its first jamo. */
static void test_compat_jamo_composed(void **state)
{
    struct normtext t;
    struct err e;
    const char *in = "ㄱㅣㅁㅈㅗㅇㅅㅜ가 ㅎㅗㅏㄴ ㅋㅋ";

    (void)state;
    /* A lone jamo is NFKC's conjoining jamo, as before (ㅋ: ᄏ). */
    expect_norm(in, "김종수가 환 \u110f\u110f", "김종수가환\u110f\u110f");
    expect_norm("ㅈㅗㅇㅅㅜ", "종수", "종수");
    expect_norm("ㅇㅏㅇㅣ", "아이", "아이");
    assert_int_equal(normalise(&t, in, strlen(in), &e), 0);
    assert_int_equal(t.ostart[3], 9);             /* 종 from ㅈ */
    assert_int_equal(normtext_oend(&t, 3), 18);   /* up to ㅅ */
    normtext_free(&t);
}

/* One separator between letters standing alone is left out of the key
 * (a name spelled out), and one other than a full stop between any two
 * letters of one script (a name's parts joined); initials of up to three Latin letters keep their
 * full stops, and nothing else changes. */
static void test_spelled_out_gaps(void **state)
{
    (void)state;
    expect_norm("B.o.l.d", "b.o.l.d", "bold");
    expect_norm("D_o_r_j x", "d_o_r_j x", "dorjx");
    expect_norm("김.종.수가", "김.종.수가", "김종수가");
    expect_norm("종_수 김·종·수", "종_수 김·종·수", "종수김종수");
    expect_norm("K.J.S. N.O.T. J.S. Kim", "k.j.s. n.o.t. j.s. kim", "k.j.s.n.o.t.j.s.kim");
    /* A full stop between digits is left out of the key (report-adv12d
     * F10: a registered 99112345 written 9911.2345). */
    expect_norm("jong_su a.b@x.org 1.2.3.4", "jong_su a.b@x.org 1.2.3.4",
                "jongsua.b@x.org1234");
    expect_norm("x.김", "x.김", "x.김");
    /* Any other separator joins a name's parts, letters alone or not
     * (report-adv12e F22); a full stop between words does not. */
    expect_norm("Jong/su Jong\\su Jong|su Jong:su end.Then", "jong/su jong\\su jong|su jong:su end.then",
                "jongsujongsujongsujongsuend.then");
    assert_int_equal(normalise_spelled("b o l d", 7, 0, 7), 1);
    assert_int_equal(normalise_spelled("or a", 4, 0, 4), 0);
}

static void test_key_and_norm_of_term(void **state)
{
    char *s;
    size_t n;
    struct err e;

    (void)state;
    assert_int_equal(normalise_norm(&s, &n, "  Bat  Erdene ", 14, &e), 0);
    assert_string_equal(s, "bat erdene");
    assert_int_equal(n, 10);
    secmem_free(s);
    assert_int_equal(normalise_key(&s, &n, "Jong-su", 7, &e), 0);
    assert_string_equal(s, "jongsu");
    secmem_free(s);
}

/* Han characters keep their norm bytes; their key is the first Hangul
 * reading (hanja.h), so 金鍾洙 is keyed as 금종수. */
static void test_han_key_is_reading(void **state)
{
    (void)state;
    expect_norm("金鍾洙는", "金鍾洙는", "금종수는");
    expect_norm("李英哲", "李英哲", "리영철");
    expect_norm("\xef\xa4\x8a", "金", "금");     /* a compatibility ideograph: NFKC */
    expect_norm("x\xe3\x90\x80", "x\xe3\x90\x80", "x\xe3\x90\x80");  /* U+3400: no reading */
}

/* Brief i12-kinds2, item 1: a word holding Latin, Cyrillic and Hangul
 * letters is keyed in Latin (else Cyrillic), each letter of the other
 * scripts by its usual spelling; the norm view keeps the script change.
 * Item 3: look-alikes of other scripts by their skeleton. */
static void test_split_scripts(void **state)
{
    struct normtext t;
    struct err e;

    (void)state;
    expect_norm("Jong수", "jong수", "jongsu");
    expect_norm("종su", "종su", "jongsu");
    expect_norm("Чон수", "чон수", "чонсу");
    expect_norm("Dor-ж", "dor-ж", "dorj");
    expect_norm("До-rj", "до-rj", "dorj");
    expect_norm("Kim김 x", "kim김 x", "kimgimx");
    expect_norm("SNS에서 종수", "sns에서 종수", "snseseo종수");
    expect_norm("Dorjийн", "dorjийн", "dorjiin");
    /* Words in one script keep their key; a hyphen between words of two
     * scripts joins them, a space does not. */
    expect_norm("종수 Jong", "종수 jong", "종수jong");
    expect_norm("Дорж - Dorj", "дорж - dorj", "доржdorj");
    /* A reading's key bytes all map to the first byte of its letter. */
    assert_int_equal(normalise(&t, "Jong수", 7, &e), 0);
    assert_int_equal(t.keylen, 6);
    assert_int_equal(t.kpos[4], 4);
    assert_int_equal(t.kpos[5], 4);
    normtext_free(&t);
    expect_norm("D\xe0\xaf\xa6rj", "dorj", "dorj");                   /* Tamil digit zero */
    expect_norm("D\xe3\x85\x87rj", "dorj", "dorj");                   /* jamo ieung */
    expect_norm("\xd0\x92\xd0\xbe\xd3\x8f\xd4\x81", "bold", "bold");   /* Воӏԁ */
    expect_norm("\xe3\x85\x87\xe3\x85\x87", "\xe1\x84\x8b\xe1\x84\x8b", "\xe1\x84\x8b\xe1\x84\x8b"); /* ㅇㅇ */
    expect_norm("\xd0\x84\xd0\xbb\xd0\xb7", "\xd1\x94\xd0\xbb\xd0\xb7", "\xd1\x94\xd0\xbb\xd0\xb7"); /* Єлз: flagged, kept */
}

/* Issue 12: letter-like characters NFKC leaves alone read as their letter
 * everywhere; Armenian and Cherokee look-alikes inside a Latin word are
 * rewritten; a single leetspeak digit among letters is a letter in the
 * key view only, and numbers, IDs and handles keep their digits. */
static void test_lookalike_kinds(void **state)
{
    (void)state;
    expect_norm("\xf0\x9f\x85\xb1old", "bold", "bold");          /* 🅱 */
    expect_norm("\xca\x99old", "bold", "bold");                    /* ʙ */
    expect_norm("M\xd5\xbdnkhbat", "munkhbat", "munkhbat");         /* Armenian ս */
    expect_norm("\xe1\x8e\xb7unkhbat", "munkhbat", "munkhbat");    /* Cherokee Ꮇ */
    expect_norm("\xd4\xb2\xd5\xa1\xd6\x80", "\xd5\xa2\xd5\xa1\xd6\x80",
                "\xd5\xa2\xd5\xa1\xd6\x80");                        /* Armenian alone */
    expect_norm("b0ld B4tbayar", "b0ld b4tbayar", "boldbatbayar");
    expect_norm("4ltangerel K1m", "4ltangerel k1m", "altangerelkim");
    expect_norm("b000ld kimjs75 M1234567 x86 10a 2011", "b000ld kimjs75 m1234567 x86 10a 2011",
                "b000ldkimjs75m1234567x8610a2011");
    /* One pair of the same 0 or 1 in a word of three letters or more, and
     * digits in Cyrillic words (report-adv12e F17, F40). */
    expect_norm("b00ld Ulz11", "b00ld ulz11", "booldulzii");
    expect_norm("\xd0\x91" "0\xd0\xbb\xd0\xb4 \xd3\xa8\xd0\xbb\xd0\xb7" "1\xd0\xb9 "
                "\xd0\xad\xd1\x80\xd1\x8d" "1",                  /* Б0лд Өлз1й Эрэ1 */
                "\xd0\xb1" "0\xd0\xbb\xd0\xb4 \xd3\xa9\xd0\xbb\xd0\xb7" "1\xd0\xb9 "
                "\xd1\x8d\xd1\x80\xd1\x8d" "1",
                "\xd0\xb1\xd0\xbe\xd0\xbb\xd0\xb4\xd3\xa9\xd0\xbb\xd0\xb7\xd0\xb8\xd0\xb9"
                "\xd1\x8d\xd1\x80\xd1\x8d\xd0\xbb");
    /* Glued to Cyrillic: the digit is not read; the word holds two
     * scripts, so б is keyed by its Latin spelling (read_split). */
    expect_norm("B4t\xd0\xb1", "b4t\xd0\xb1", "b4tb");
}

/* A word mixing Latin, Cyrillic or Greek letters is written in one script
 * through the look-alikes; words in one script are left alone, and each
 * mixed word's original span is kept for a review flag. */
static void test_mixed_scripts(void **state)
{
    struct normtext t;
    struct err e;
    const char *in = "Hi Aлтангэрэл and B\xd0\xbeld, \xd0\x90\xd0\xbb\xd1\x82\xd0\xb0\xd0\xbd.";

    (void)state;
    expect_norm("Aлтангэрэл", "алтангэрэл", "алтангэрэл");          /* Latin A */
    expect_norm("Алтангэpэл", "алтангэрэл", "алтангэрэл");          /* Latin p */
    expect_norm("Altangerеl", "altangerel", "altangerel");          /* Cyrillic е */
    expect_norm("B\xd0\xbeld", "bold", "bold");                   /* Cyrillic о */
    expect_norm("\xd0\x92old", "bold", "bold");                   /* Cyrillic В, by its capital */
    expect_norm("K\xd1\x96m Jong", "kim jong", "kimjong");          /* Cyrillic і */
    expect_norm("Алтан Altan", "алтан altan", "алтанaltan");        /* two words, each one script */
    /* A hyphen ends a word for look-alikes; the two halves in two
     * scripts are keyed in Latin (read_split: Dor-ж is dorj). */
    expect_norm("Aлл-Bob", "алл-bob", "allbob");
    assert_int_equal(normalise(&t, in, strlen(in), &e), 0);
    assert_int_equal(t.nmixed, 2);
    assert_int_equal(t.mixed[0], 3);
    assert_int_equal(t.mixed[1], 3 + strlen("Aлтангэрэл"));
    assert_int_equal(t.mixed[2], strlen("Hi Aлтангэрэл and "));
    assert_int_equal(t.mixed[3], strlen("Hi Aлтангэрэл and B\xd0\xbeld"));
    /* Offsets still map back: the resolved A is the original's byte 3. */
    assert_int_equal(t.ostart[3], 3);
    assert_int_equal(t.ostart[4], 3);
    normtext_free(&t);
    assert_int_equal(normalise(&t, "Hello, world", 12, &e), 0);
    assert_int_equal(t.nmixed, 0);
    normtext_free(&t);
}

/* is_word_cp answers ASCII, Hangul syllables and the Cyrillic blocks
 * inline (normalise.h) and the rest from a table: every code point must
 * get what utf8proc's categories say (letters, marks, numbers). */
static void test_word_cp_is_category(void **state)
{
    (void)state;
    for (int cp = 0; cp <= 0x10FFFF; cp++) {
        utf8proc_category_t c = utf8proc_category(cp);
        int word = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
                   (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
                   (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
        if (is_word_cp(cp) != word)
            fail_msg("U+%04X: is_word_cp %d, category %d", (unsigned)cp, is_word_cp(cp), (int)c);
    }
    assert_int_equal(is_word_cp(-1), 0);
    assert_int_equal(is_word_cp(0x0482), 0);        /* Cyrillic thousands sign, So */
    assert_int_equal(is_word_cp(0x04E9), 1);        /* ө */
}

/* norm_slavic_sentence with the memo of a text gives, word after word,
 * what it gives without (docs/SPEED.md, "Session 42 (check42)"): texts of
 * several sentences whose letters differ (a Ukrainian one after a Russian
 * one), a line end, a word alone in its sentence, a text without a stop
 * (the gazetteer's places joined by '#'), and one that ends in a word. */
static void test_slavic_sentence_memo(void **state)
{
    static const char *const texts[] = {
        "Все живы. Україні допомагають. Єлзийбаяр. Прыйшоў і бачыў!",
        "Кропивницький & Кіровоград & Єлисаветград # Біла Церква # Ёлкино & Щучье # Київ",
        "увечері\nЄлзийбаяр ирсэн? Ісус Христос. гроші",
        "Україні",
        ". . Їжак.\n\nЭто Ґанок",
    };
    (void)state;
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        const char *s = texts[t];
        size_t len = strlen(s), i = 0, w;
        struct slavic_memo m = { 0 };
        int cp, k, words = 0;

        while (i < len) {
            if ((k = utf8_decode(&cp, s + i, len - i)) <= 0 || !is_word_cp(cp)) {
                i += k > 0 ? (size_t)k : 1;
                continue;
            }
            for (w = i; w < len && (k = utf8_decode(&cp, s + w, len - w)) > 0 && is_word_cp(cp);
                 w += (size_t)k)
                ;
            if (norm_slavic_sentence(s, len, i, w, &m) != norm_slavic_sentence(s, len, i, w, NULL))
                fail_msg("text %zu, word at %zu: the memo's answer differs", t, i);
            words++;
            i = w;
        }
        assert_true(words > 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dashes_apostrophes_spaces),
        cmocka_unit_test(test_marks_by_script),
        cmocka_unit_test(test_hangul_jamo_composed),
        cmocka_unit_test(test_compat_jamo_composed),
        cmocka_unit_test(test_spelled_out_gaps),
        cmocka_unit_test(test_offsets_map_back),
        cmocka_unit_test(test_refuses_bad_input),
        cmocka_unit_test(test_long_mark_run),
        cmocka_unit_test(test_key_and_norm_of_term),
        cmocka_unit_test(test_han_key_is_reading),
        cmocka_unit_test(test_split_scripts),
        cmocka_unit_test(test_mixed_scripts),
        cmocka_unit_test(test_lookalike_kinds),
        cmocka_unit_test(test_word_cp_is_category),
        cmocka_unit_test(test_slavic_sentence_memo),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
