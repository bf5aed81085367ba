/* export/detect: pattern PII in the norm view, with negatives next to hits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/phone_plans.h"

/* The detections of s as "kind:text|kind:text|". */
static void detections(char *out, size_t outlen, const char *s)
{
    struct detection *d;
    size_t n, i, at = 0;
    struct err e;

    assert_int_equal(detect_all(&d, &n, s, strlen(s), &e), 0);
    out[0] = '\0';
    for (i = 0; i < n; i++) {
        int w = snprintf(out + at, outlen - at, "%s:%.*s|", detect_kind_name(d[i].kind),
                         (int)(d[i].end - d[i].start), s + d[i].start);
        assert_true(w > 0 && (size_t)w < outlen - at);
        at += (size_t)w;
    }
    free(d);
}

#define EXPECT(in, want) do { char buf[1024]; detections(buf, sizeof buf, in); \
    assert_string_equal(buf, want); } while (0)

static void test_phones(void **state)
{
    (void)state;
    EXPECT("call +82 10-2000-0000 now", "phone:+82 10-2000-0000|");
    EXPECT("mn +976 8812 3456, kp +850 192 123 4567", "phone:+976 8812 3456|phone:+850 192 123 4567|");
    EXPECT("010-2000-0000 or 01020000000", "phone:010-2000-0000|phone:01020000000|");
    EXPECT("8812 3456 and 88123456", "phone:8812 3456|phone:88123456|");
    EXPECT("8 (912) 345-67-89", "phone:8 (912) 345-67-89|");
    EXPECT("cn 13812345678", "phone:13812345678|");
    EXPECT("02-381-2345", "phone:02-381-2345|");
    EXPECT("in 1998 2000 people paid 350 won; page 12345", "");
    EXPECT("+12 34", "");
}

/* libphonenumber's example numbers of every plan, written nationally
 * (after the trunk prefix, or in two groups where there is none) and
 * internationally, are each found whole. */
static void test_plan_examples(void **state)
{
    size_t i, k;
    char in[64], want[80], buf[1024];

    (void)state;
    assert_true(phone_nplans >= 7 && phone_ncodes >= 200);
    for (i = 0; i < phone_nplans; i++) {
        const struct phone_plan *p = &phone_plans[i];
        const char *ex[] = { p->example_fixed, p->example_mobile };
        for (k = 0; k < 2; k++) {
            size_t n = strlen(ex[k]);
            if (n == 0)
                continue;
            if (p->trunk[0] != '\0')
                snprintf(in, sizeof in, "%s%s", p->trunk, ex[k]);
            else
                snprintf(in, sizeof in, "%.*s %s", (int)(n / 2), ex[k], ex[k] + n / 2);
            snprintf(want, sizeof want, "phone:%s|", in);
            detections(buf, sizeof buf, in);
            if (strcmp(buf, want) != 0)
                fail_msg("%s national %s: got \"%s\"", p->region, in, buf);
            snprintf(in, sizeof in, "+%d %s", p->cc, ex[k]);
            snprintf(want, sizeof want, "phone:%s|", in);
            detections(buf, sizeof buf, in);
            if (strcmp(buf, want) != 0)
                fail_msg("%s international %s: got \"%s\"", p->region, in, buf);
        }
    }
}

static void test_email_url_ip(void **state)
{
    (void)state;
    EXPECT("write a.b+c@mail.example.org.", "email:a.b+c@mail.example.org|");
    EXPECT("not@mail", "");
    EXPECT("see https://example.com/x?y=1, or www.example.org.",
           "url:https://example.com/x?y=1|url:www.example.org|");
    EXPECT("ip 192.168.1.20 and 300.1.1.1 and 1.2.3", "ip:192.168.1.20|");
    EXPECT("v6 fe80::1ff:fe23:4567:890a and 2001:db8:0:0:0:0:2:1 at 10:30:00",
           "ip:fe80::1ff:fe23:4567:890a|ip:2001:db8:0:0:0:0:2:1|");
}

static void test_ids(void **state)
{
    (void)state;
    EXPECT("rrn 850315-1234567", "id:850315-1234567|");
    EXPECT("bad 851315-1234567", "");
    EXPECT("passport m12345678, m123a4567, e1234567", "id:m12345678|id:m123a4567|id:e1234567|");
    EXPECT("model a320 and b747", "");
}

static void test_gps(void **state)
{
    (void)state;
    EXPECT("at 37.5665, 126.9780 now", "gps:37.5665, 126.9780|");
    EXPECT("at 41\xc2\xb0" "47'44\"n 129\xc2\xb0" "46'34\"e", "gps:41\xc2\xb0" "47'44\"n 129\xc2\xb0" "46'34\"e|");
    EXPECT("pi is 3.14159", "");
}

static void test_birth_dates(void **state)
{
    (void)state;
    EXPECT("born 1985-03-15 in", "date:1985-03-15|");
    EXPECT("the meeting on 2019-03-15 went well", "");
    EXPECT("dob: 15.03.1985", "date:15.03.1985|");
    EXPECT("생년월일 1985년 3월 15일", "date:1985년 3월 15일|");
    EXPECT("төрсөн 1985.03.15", "date:1985.03.15|");
    EXPECT("she was born on march 15, 1985.", "date:march 15, 1985|");
    EXPECT("born 15 march 1985", "date:15 march 1985|");
}

/* Appends [a, b) of the text in ctx as "text|" to the buffer after it. */
struct parts_out {
    const char *s;
    char buf[1024];
    size_t at;
};

static int part_out(void *ctx, size_t a, size_t b)
{
    struct parts_out *o = ctx;
    int w = snprintf(o->buf + o->at, sizeof o->buf - o->at, "%.*s|", (int)(b - a), o->s + a);

    assert_true(w > 0 && (size_t)w < sizeof o->buf - o->at);
    o->at += (size_t)w;
    return 0;
}

/* detect_all_unsure walks the addresses once for both answers (brief
 * s21): the same detections as detect_all, and the same unsure parts as
 * detect_address_unsure's walk of its own, also where an address takes
 * a postcode after it (the two walks go on from different places). */
static void test_unsure_one_walk(void **state)
{
    static const char *const texts[] = {
        "we lived in khoroo 5 then.",
        "khayag: bzd, 26 khoroo, 45-r bair, 12 toot. later khoroo 7.",
        "apt 5, bayanzurkh 14200 khoroo 5, and 5 inminban.",
        "apt 5, khoroo sansar 14200. then khoroo 3, 12 toot.",
        /* "the" ends the address's parts; its postcode after takes "the
         * khoroo 14200", where the other walk reads the part "khoroo 14200";
         * lower case, as the norm view the detectors read */
        "apt 5, the khoroo 14200.",
        "apt 5, the khoroo 1420, the inminban 12345.",
        "flat 3, 12 baker street, london nw1 6xe; 13-\xd1\x80 \xd1\x85\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbe",
        "\xec\x97\xad\xec\x82\xbc\xeb\x8f\x99 737\xec\x97\x90 \xec\x82\xb4\xec\x95\x98\xeb\x8b\xa4. 12\xec\x9d\xb8\xeb\xaf\xbc\xeb\xb0\x98",
        "suite 4, salmiya 22001, inminban 9; block 4, street 12, house 7, ulaanbaatar 14200 khoroo 2",
    };
    size_t total = 0;

    (void)state;
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        const char *s = texts[t];
        struct parts_out both = { s, "", 0 }, alone = { s, "", 0 };
        struct detection *d1, *d2;
        size_t n1, n2;
        struct err e;

        assert_int_equal(detect_all(&d1, &n1, s, strlen(s), &e), 0);
        assert_int_equal(detect_all_unsure(&d2, &n2, s, strlen(s), part_out, &both, &e), 0);
        assert_int_equal(detect_address_unsure(s, strlen(s), part_out, &alone), 0);
        assert_int_equal(n1, n2);
        for (size_t i = 0; i < n1; i++) {
            assert_int_equal(d1[i].start, d2[i].start);
            assert_int_equal(d1[i].end, d2[i].end);
            assert_int_equal(d1[i].kind, d2[i].kind);
        }
        assert_string_equal(both.buf, alone.buf);
        total += both.at;
        free(d1), free(d2);
    }
    assert_true(total > 0);     /* some unsure part was compared */
    {
        struct parts_out o = { texts[0], "", 0 };
        struct detection *d;
        size_t n;
        struct err e;

        assert_int_equal(detect_all_unsure(&d, &n, texts[0], strlen(texts[0]), part_out, &o, &e), 0);
        assert_string_equal(o.buf, "khoroo 5|");
        free(d);
    }
}

/* detect_spoken_reading_two gives, at every byte, what
 * detect_spoken_reading and then detect_spoken_reading_min(4) gave
 * (redact_spoken.c and redact_idparts.c asked the two; brief s22
 * speed22): the end, the digits, *n, and *second where only the second
 * read a run. */
static void test_spoken_reading_two(void **state)
{
    static const char *const texts[] = {
        "call eight eight one two three four five six now",
        "wu ling san yi, then qi wu ling san yi er san si",
        "odin dva tri chetyre. sieben f\xc3\xbcnf null drei eins vier eins",
        "\xea\xb3\xb5\xec\x9d\xbc\xea\xb3\xb5 \xed\x95\x98\xeb\x82\x98\xeb\x91\x98\xec\x85\x8b\xeb\x84\xb7 and one two",
        "\xe4\xba\x94\xe4\xba\x94\xe4\xb8\x80\xe4\xba\x8c, 7 five 0 three 1 four, one.",
        "chil o gong sam il sa, seven five zero three one four one two",
    };
    size_t seconds = 0, readings = 0;

    (void)state;
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        const char *s = texts[t];
        size_t len = strlen(s);
        for (size_t p = 0; p < len; p++) {
            char d1[64], d2[64];
            size_t n1 = 99, n2 = 99, e1, e2;
            int second = -1;
            if ((e1 = detect_spoken_reading(s, len, p, d1, sizeof d1, &n1)) == 0)
                e1 = detect_spoken_reading_min(s, len, p, d1, sizeof d1, &n1, 4);
            e2 = detect_spoken_reading_two(s, len, p, d2, sizeof d2, &n2, 4, &second);
            assert_int_equal(e1, e2);
            assert_int_equal(n1, n2);
            if (e1 != 0)
                assert_memory_equal(d1, d2, n1);
            if (second)
                assert_int_equal(detect_spoken_reading(s, len, p, d1, sizeof d1, &n1), 0);
            seconds += second == 1, readings += e1 != 0;
        }
    }
    assert_true(seconds > 0 && readings > seconds);     /* both kinds compared */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_phones),
        cmocka_unit_test(test_plan_examples),
        cmocka_unit_test(test_email_url_ip),
        cmocka_unit_test(test_ids),
        cmocka_unit_test(test_gps),
        cmocka_unit_test(test_birth_dates),
        cmocka_unit_test(test_unsure_one_walk),
        cmocka_unit_test(test_spoken_reading_two),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
