/* export/mediatext.c: what a text attachment is, told by its bytes
 * (issue 13): UTF-8 text is redacted, markup and other encodings refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "export/mediatext.h"

static const struct { const char *bytes; size_t len; enum mediatext_kind kind; } cases[] = {
    { "Transcript.\nShe said so.\n", 25, MEDIATEXT_PLAIN },
    { "", 0, MEDIATEXT_PLAIN },
    { "\xef\xbb\xbfNotes", 8, MEDIATEXT_PLAIN },                      /* UTF-8 BOM */
    { "\xea\xb5\xad\xea\xb2\xbd \xd0\xb3\xd1\x80\xd0\xb0", 13, MEDIATEXT_PLAIN },  /* Hangul, Cyrillic */
    { "\xf0\x9f\x98\x80 ok", 7, MEDIATEXT_PLAIN },                     /* 4-byte character */
    { "a < b, but this is text\n", 24, MEDIATEXT_PLAIN },              /* '<' not first */
    { "<svg xmlns=\"x\"><title>n</title></svg>", 37, MEDIATEXT_MARKUP },
    { "  \r\n\t<?xml version=\"1.0\"?><a/>", 30, MEDIATEXT_MARKUP },
    { "\xef\xbb\xbf<!DOCTYPE html><p>hi", 23, MEDIATEXT_MARKUP },
    { "Caf\xe9 near the river", 19, MEDIATEXT_NOT_UTF8 },            /* Latin-1 */
    { "\xff\xfeN\0a\0", 6, MEDIATEXT_NOT_UTF8 },                       /* UTF-16LE */
    { "ok\0ok", 5, MEDIATEXT_NOT_UTF8 },                               /* a NUL byte */
    { "\xc0\xaf", 2, MEDIATEXT_NOT_UTF8 },                             /* overlong '/' */
    { "\xe0\x80\xaf", 3, MEDIATEXT_NOT_UTF8 },                         /* overlong, 3 bytes */
    { "\xed\xa0\x80", 3, MEDIATEXT_NOT_UTF8 },                         /* a surrogate */
    { "\xf4\x90\x80\x80", 4, MEDIATEXT_NOT_UTF8 },                     /* above U+10FFFF */
    { "ab\xe2\x82", 4, MEDIATEXT_NOT_UTF8 },                           /* cut at the end */
    { "\x80", 1, MEDIATEXT_NOT_UTF8 },                                 /* a lone continuation */
};

static void test_kinds(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        enum mediatext_kind k = mediatext_kind((const unsigned char *)cases[i].bytes, cases[i].len);

        if (k != cases[i].kind)
            fail_msg("case %zu: kind %d, expected %d", i, (int)k, (int)cases[i].kind);
    }
}

static void test_refusals(void **state)
{
    (void)state;
    assert_null(mediatext_refusal(MEDIATEXT_PLAIN));
    assert_non_null(strstr(mediatext_refusal(MEDIATEXT_MARKUP), "markup"));
    assert_non_null(strstr(mediatext_refusal(MEDIATEXT_NOT_UTF8), "not UTF-8"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
