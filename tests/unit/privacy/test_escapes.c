/* privacy/entities.c with escapes.c: what each escape decodes to, where
 * each decoded byte maps back to, and what is left as written. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "privacy/entities.h"
#include "privacy/htmlnames.h"

/* Decodes in; checks the text is want (NULL: nothing decoded). */
static void expect_dec(const char *in, const char *want)
{
    char *out;
    size_t outlen;
    uint32_t *map;

    assert_int_equal(entities_decode(&out, &outlen, &map, in, strlen(in)), 0);
    if (want == NULL) {
        if (out != NULL)
            fail_msg("\"%s\" decoded to \"%s\", expected nothing", in, out);
        return;
    }
    if (out == NULL)
        fail_msg("\"%s\" was not decoded, expected \"%s\"", in, want);
    assert_string_equal(out, want);
    assert_int_equal(outlen, strlen(want));
    assert_int_equal(map[outlen], strlen(in));
    for (size_t i = 1; i < outlen; i++)
        assert_true(map[i] >= map[i - 1]);
    secmem_wipe_free(out);
    free(map);
}

static void test_json_escapes(void **state)
{
    (void)state;
    expect_dec("\\uAE40\\uC601\\uD638", "김영호");
    expect_dec("\\uae40\\uc601\\ud638", "김영호");
    expect_dec("\\u{AE40}\\u{1F600}", "김\xf0\x9f\x98\x80");
    expect_dec("\\uD83D\\uDE00", "\xf0\x9f\x98\x80");                 /* surrogate pair */
    expect_dec("\\uD840\\uDC00", "\xf0\xa0\x80\x80");                 /* U+20000, CJK ext. B */
    expect_dec("\\u0030\\u0031\\u0030-4821", "010-4821");
    expect_dec("\\uD83D x", NULL);                                     /* lone surrogate */
    expect_dec("\\uDE00\\uD83D", NULL);                                /* pair the wrong way */
    expect_dec("\\u0000 \\u12 \\uZZZZ \\u{} \\u{110000} \\u{1234567}", NULL);
    expect_dec("C:\\users\\xavier", NULL);
}

/* Report adv12 A-1: escape syntaxes beyond JSON's, each read as a kind
 * (Python's 8-digit \U, RTF's decimal \uN? and \'hh, CSS, SQL, octal
 * bytes), and what each leaves alone. */
static void test_other_syntaxes(void **state)
{
    (void)state;
    expect_dec("Python: \\U0000AE40\\U0000C601\\U0000D638 wrote.", "Python: 김영호 wrote.");
    expect_dec("\\U0001F600", "\xf0\x9f\x98\x80");
    expect_dec("\\U00110000 \\U0000D800 \\U1234", NULL);
    /* RTF: decimal, a replacement after it; signed for units over 32767 */
    expect_dec("{\\rtf1 \\u44608?\\u50689?\\u54840? wrote}", "{\\rtf1 김영호 wrote}");
    expect_dec("\\u-20928?\\u-14847?\\u-10696?", "김영호");
    expect_dec("\\uc2\\u44608\\'b1\\'e8\\u50689\\'bf\\'b5", "\\uc2김영");
    expect_dec("\\u44608\\u50689 x", "김영 x");                  /* \uc0: no replacement */
    expect_dec("\\u-10179?\\u-8704?", "\xf0\x9f\x98\x80");          /* a surrogate pair */
    expect_dec("\\u65 \\u65? \\u-0?", "\\u65 A \\u-0?");           /* RTF's A (s17); NUL */
    /* RTF \'hh: Windows-1251 in a document that says so; else UTF-8 bytes */
    expect_dec("{\\rtf1\\ansi\\ansicpg1251 \\'c1\\'ee\\'eb\\'e4}", "{\\rtf1\\ansi\\ansicpg1251 Болд}");
    expect_dec("\\'ea\\'b9\\'80", "김");
    expect_dec("{\\rtf1\\ansicpg949 \\'b1\\'e8}", "{\\rtf1\\ansicpg949 김}");   /* iconv: codepage.h */
    expect_dec("{\\rtf1\\ansicpg99999 \\'b1\\'e8}", NULL);     /* no such code page: flagged */
    /* CSS, SQL */
    expect_dec("CSS: content: \"\\AE40 \\C601 \\D638 \" here.", "CSS: content: \"김영호\" here.");
    expect_dec("\\AE40\\C601\\D638;", "김영호;");
    expect_dec("SQL: U&'\\AE40\\C601\\D638' wrote.", "SQL: U&'김영호' wrote.");
    expect_dec("U&'\\+00AE40'", "U&'김'");
    expect_dec("C:\\bada\\docs \\1 \\def\\foo \\41 \\300", NULL);
    /* octal bytes that make UTF-8 */
    expect_dec("Octal: \\352\\271\\200\\354\\230\\201\\355\\230\\270 wrote.", "Octal: 김영호 wrote.");
    expect_dec("\\320\\221\\320\\276", "Бо");
}

/* Legacy code pages through iconv (brief s15 f12b item 4, codepage.h). */
static void test_codepages(void **state)
{
    (void)state;
    /* RTF in the code page the document names */
    expect_dec("{\\ansicpg949 \\'b1\\'e8\\'bf\\'b5\\'c8\\'a3}", "{\\ansicpg949 김영호}");
    expect_dec("{\\ansicpg1252 Caf\\'e9}", "{\\ansicpg1252 Café}");
    expect_dec("{\\ansicpg936 \\'d5\\'c5}", "{\\ansicpg936 张}");
    /* EUC-KR/CP949 byte runs that are not UTF-8: percent, \x, QP, RTF */
    expect_dec("%B1%E8%BF%B5%C8%A3", "김영호");
    expect_dec("%B1%E8%BF%B5%C8%A3%B0%A1+x", "김영호가+x");
    expect_dec("\\xb1\\xe8\\xbf\\xb5\\xc8\\xa3", "김영호");
    expect_dec("=B1=E8=BF=B5=C8=A3 came", "김영호 came");
    expect_dec("\\'b1\\'e8\\'bf\\'b5", "김영");
    expect_dec("%C8%A3", "\xc8\xa3");                 /* valid UTF-8 alone: UTF-8 (ȣ) */
    expect_dec("%EA%B9%80%EC%98%81", "김영");           /* UTF-8 stays UTF-8 */
    expect_dec("%FF%FE%FF", NULL);                      /* neither: flagged */
    expect_dec("=EA=B9=80=EC=98=\n=81=ED=98=B8", "김영호");   /* UTF-8 across a soft break */
    expect_dec("=B1=E8=BF=\r\n=B5=C8=A3", "김영호");        /* CP949 across one */
    expect_dec("%B1", NULL);                            /* one byte is no run */
    expect_dec("%B1%E8 x", NULL);                       /* one character: flagged */
    expect_dec("%EA%B9 x", NULL);                       /* UTF-8 cut: not CP949 */
    expect_dec("=?KOI8-R?B?6rmA?=", "Й╧─");             /* any charset iconv reads */
    /* encoded-words in charsets iconv reads */
    expect_dec("=?EUC-KR?B?sei/tcij?=", "김영호");
    expect_dec("=?ks_c_5601-1987?B?sei/tcij?= <x@y>", "김영호 <x@y>");
    expect_dec("=?windows-1251?Q?=C1=EE=EB=E4?=", "Болд");
    expect_dec("=?UTF-7?B?sei/tcij?= =?no/such?B?sei/tcij?=", NULL);
}

/* RTF read through inside a word and in its fonts' code pages, MIME
 * words in stateful and wide charsets (brief s17 esc17, adv16a ). */
static void test_rtf_and_wide(void **state)
{
    (void)state;
    expect_dec("{\\rtf1\\ansicpg1252{\\fonttbl{\\f1\\fcharset129 G;}}\\f1 \\'b1\\'e8}",
               "{\\rtf1\\ansicpg1252{\\fonttbl{\\f1\\fcharset129 G;}}\\f1 김}");
    /* the group ends the font; \f2 is no CSS escape in an RTF document */
    expect_dec("{\\rtf1\\ansicpg1252{\\fonttbl{\\f2\\fcharset204 T;}}{\\f2 \\'c1}\\'c1}",
               "{\\rtf1\\ansicpg1252{\\fonttbl{\\f2\\fcharset204 T;}}{\\f2 Б}Á}");
    expect_dec("{\\rtf1{\\fonttbl{\\f0\\fcharset0\\cpg949 G;}}\\f0 \\'b1\\'e8}",
               "{\\rtf1{\\fonttbl{\\f0\\fcharset0\\cpg949 G;}}\\f0 김}");
    expect_dec("Tset\\-seg", "Tset\xc2\xadseg");
    expect_dec("a \\- b", NULL);                      /* not inside a word */
    expect_dec("Tset\\'73eg Tset\\u115?eg", "Tsetseg Tsetseg");
    expect_dec("Tset{\\i}seg Ts{\\b0 }et{}seg", "Tsetseg Tsetseg");
    expect_dec("a{\\par}b { } f(){}", NULL);          /* text, or not in a word */
    expect_dec("=?ISO-2022-KR?B?GyQpQw4xaEE+PHYP?=", "김종수");
    expect_dec("=?UTF-16?B?//5AroXIGMI=?=", "김종수");
    expect_dec("=?utf-7?Q?+rkDIhcIY-?=", "김종수");
    expect_dec("=?x-mac-cyrillic?Q?=81=EE=EB=E4?=", "Болд");
    expect_dec("=?UTF-16?B?CgA=?=", NULL);              /* a control character */
}

static void test_legacy_and_perl(void **state)
{
    (void)state;
    expect_dec("%uAE40%uC601%uD638", "김영호");
    expect_dec("%uD83D%uDE00", "\xf0\x9f\x98\x80");
    expect_dec("\\x{AE40}\\x{c601}\\x{D638}", "김영호");
    expect_dec("%uD83D %u12 %uZZZZ", NULL);
}

static void test_byte_escapes(void **state)
{
    (void)state;
    expect_dec("\\xea\\xb9\\x80\\xEC\\x98\\x81", "김영");
    expect_dec("Kim\\x20Young\\x2dho", "Kim Young-ho");
    expect_dec("\\xff\\xfe \\xc0\\x80 \\xed\\xa0\\x80 \\xea\\xb9 \\x2f \\x00", NULL);
}

static void test_quoted_printable(void **state)
{
    (void)state;
    expect_dec("=EA=B9=80=EC=98=81=ED=98=B8", "김영호");
    expect_dec("=ea=b9=80", "김");
    expect_dec("Kim=20Young=2Dho", "Kim Young-ho");
    expect_dec("Kim Yo=\nung-ho Yo=\r\nung", "Kim Young-ho Young");
    expect_dec("n=30 x=41 a =\nb a=\n b =FF =C0=80 =EA=B9", NULL);       /* letters, digits, invalid */
}

static void test_encoded_words(void **state)
{
    (void)state;
    expect_dec("=?UTF-8?B?6rmA7JiB7Zi4?=", "김영호");
    expect_dec("=?utf-8?b?6rmA7JiB7Zi4?= <x@example.org>", "김영호 <x@example.org>");
    expect_dec("=?UTF-8?Q?=EA=B9=80=EC=98=81=ED=98=B8?=", "김영호");
    expect_dec("=?UTF-8*ko?Q?Kim_Young-ho?=", "Kim Young-ho");
    expect_dec("=?UTF-8?B?6rmA?= \n =?UTF-8?B?7JiB7Zi4?=", "김영호");     /* white space between */
    expect_dec("=?ISO-8859-1?Q?Jos=E9?= =?US-ASCII?B?S2lt?=", "JoséKim");
    expect_dec("=?UTF-8?B?6rmA?= x", "김 x");
    /* unknown charset or encoding, bad base64, a control character,
     * invalid UTF-8, non-ASCII inside, white space inside */
    expect_dec("=?X-NO-SUCH?B?6rmA?= =?UTF-8?X?abc?= =?UTF-8?B?!!!?= =?UTF-8?Q?a=01?= "
               "=?UTF-8?Q?=FF?= =?UTF-8?Q?김?= =?UTF-8?Q?a b?= =?UTF-8?B?" "?=", NULL);
}

static void test_encoded_word_bound(void **state)
{
    char in[400];

    (void)state;
    memcpy(in, "=?UTF-8?Q?", 10);
    memset(in + 10, 'a', 300);
    memcpy(in + 310, "?=", 3);
    expect_dec(in, NULL);                       /* past ESCAPE_MAX_WORD */
}

static void test_html5_names(void **state)
{
    unsigned cp[2];

    (void)state;
    expect_dec("Young&hyphen;ho Young&dash;ho", "Young\xe2\x80\x90ho Young\xe2\x80\x90ho");
    expect_dec("sarah&period;whitfield&commat;examplemail&period;org", "sarah.whitfield@examplemail.org");
    expect_dec("Kim&nbsp;Jong", "Kim\xc2\xa0Jong");                    /* HTML 4's still read */
    expect_dec("&hyphen &Hyphen; &bogus; AT&T", NULL);
    assert_int_equal(htmlname_lookup(cp, "NotEqualTilde", 13), 2);
    assert_int_equal(cp[0], 0x2242);
    assert_int_equal(cp[1], 0x338);
    assert_int_equal(htmlname_lookup(cp, "CounterClockwiseContourIntegral", 31), 1);
    assert_int_equal(htmlname_lookup(cp, "amp", 3), 1);
    assert_int_equal(cp[0], '&');
    assert_int_equal(htmlname_lookup(cp, "am", 2), 0);
    assert_int_equal(htmlname_lookup(cp, "ampx", 4), 0);
    expect_dec("&nGt;", NULL);                  /* longer decoded than written: left */
}

static void test_percent_separators(void **state)
{
    (void)state;
    expect_dec("Kim%2BYoung-ho", "Kim+Young-ho");
    expect_dec("sarah%40examplemail.org", "sarah@examplemail.org");
    expect_dec("%2F %3F 100%", NULL);
}

/* Each decoded byte maps to the start of its escape; the map ends at the
 * input's length. */
static void test_map(void **state)
{
    const char *in = "a\\uAE40b=?UTF-8?B?6rmA?=c";
    char *out;
    size_t outlen;
    uint32_t *map;

    (void)state;
    assert_int_equal(entities_decode(&out, &outlen, &map, in, strlen(in)), 0);
    assert_string_equal(out, "a김b김c");
    assert_int_equal(map[0], 0);
    assert_int_equal(map[1], 1), assert_int_equal(map[3], 1);
    assert_int_equal(map[4], 7);
    assert_int_equal(map[5], 8), assert_int_equal(map[7], 8);
    assert_int_equal(map[8], strlen(in) - 1);
    assert_int_equal(map[9], strlen(in));
    secmem_wipe_free(out);
    free(map);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_escapes),
        cmocka_unit_test(test_legacy_and_perl),
        cmocka_unit_test(test_other_syntaxes),
        cmocka_unit_test(test_codepages),
        cmocka_unit_test(test_rtf_and_wide),
        cmocka_unit_test(test_byte_escapes),
        cmocka_unit_test(test_quoted_printable),
        cmocka_unit_test(test_encoded_words),
        cmocka_unit_test(test_encoded_word_bound),
        cmocka_unit_test(test_html5_names),
        cmocka_unit_test(test_percent_separators),
        cmocka_unit_test(test_map),
    };

    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
