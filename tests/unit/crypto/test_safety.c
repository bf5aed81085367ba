/* crypto/safety: the vectors, order independence, a third card, and the
 * QR payload's match, mismatch and malformed cases. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "crypto/safety.h"
#include "tests/unit/card_vectors.h"

static void test_vectors_both_orders(void **state)
{
    char want[128], wantqr[128], sn[SAFETY_NUMBER_SIZE], qr[SAFETY_QR_SIZE];
    struct card a, b, c;
    struct err e;

    (void)state;
    assert_int_equal(vec_card(&a, "A"), 0);
    assert_int_equal(vec_card(&b, "B"), 0);
    assert_int_equal(vec_card(&c, "C"), 0);
    assert_int_equal(vec_field(want, sizeof want, "safety A B", "number"), 0);
    assert_int_equal(vec_field(wantqr, sizeof wantqr, "safety A B", "qr"), 0);
    assert_int_equal(safety_number(sn, sizeof sn, &a, &b, &e), 0);
    assert_string_equal(sn, want);
    assert_int_equal(safety_number(sn, sizeof sn, &b, &a, &e), 0);
    assert_string_equal(sn, want);
    assert_int_equal(strlen(sn), SAFETY_NUMBER_SIZE - 1);
    assert_int_equal(safety_qr_payload(qr, sizeof qr, sn, &e), 0);
    assert_string_equal(qr, wantqr);
    assert_int_equal(vec_field(want, sizeof want, "safety A C", "number"), 0);
    assert_int_equal(safety_number(sn, sizeof sn, &c, &a, &e), 0);
    assert_string_equal(sn, want);
}

static void test_third_card_and_labels(void **state)
{
    char ab[SAFETY_NUMBER_SIZE], ac[SAFETY_NUMBER_SIZE], bc[SAFETY_NUMBER_SIZE];
    char x[SAFETY_NUMBER_SIZE];
    struct card a, b, c;
    struct err e;

    (void)state;
    assert_int_equal(vec_card(&a, "A"), 0);
    assert_int_equal(vec_card(&b, "B"), 0);
    assert_int_equal(vec_card(&c, "C"), 0);
    assert_int_equal(safety_number(ab, sizeof ab, &a, &b, &e), 0);
    assert_int_equal(safety_number(ac, sizeof ac, &a, &c, &e), 0);
    assert_int_equal(safety_number(bc, sizeof bc, &b, &c, &e), 0);
    assert_string_not_equal(ab, ac);
    assert_string_not_equal(ab, bc);
    assert_string_not_equal(ac, bc);
    strcpy(b.label, "renamed");            /* keys only, not the label */
    assert_int_equal(safety_number(x, sizeof x, &a, &b, &e), 0);
    assert_string_equal(x, ab);
    b.box_pk[0] ^= 1;                       /* one key changed: new number */
    assert_int_equal(safety_number(x, sizeof x, &a, &b, &e), 0);
    assert_string_not_equal(x, ab);
}

static void test_refusals(void **state)
{
    char sn[SAFETY_NUMBER_SIZE], qr[SAFETY_QR_SIZE];
    struct card a;
    struct err e;

    (void)state;
    assert_int_equal(vec_card(&a, "A"), 0);
    assert_int_equal(safety_number(sn, sizeof sn, &a, &a, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "both cards carry the same keys; a safety number needs two different cards");
    assert_int_equal(safety_number(sn, sizeof sn - 1, &a, &a, &e), -1);
    assert_string_equal(e.msg, "no room for a safety number");
    assert_int_equal(safety_qr_payload(qr, sizeof qr, "12345 6789", &e), -1);
    assert_string_equal(e.msg, "not a safety number: 12345 6789");
}

static void expect_payload(const char *payload, int rc, int code, const char *msg)
{
    static const char *number = "17367 21769 73603 51275 99809 10527 31824 "
                                "80406 13616 35174 83462 89838";
    struct err e;

    err_clear(&e);
    if (safety_qr_compare(payload, strlen(payload), number, &e) != rc ||
        e.code != code || (msg && strcmp(e.msg, msg) != 0))
        fail_msg("payload \"%s\": expected %d \"%s\", got %d \"%s\"", payload,
                 code, msg ? msg : "", e.code, e.msg);
}

static void test_payload_compare(void **state)
{
    static const char *malformed = "safety number QR code is malformed: "
        "INTAKE-SN1: must be followed by exactly 60 digits";
    static const char *ok = "INTAKE-SN1:173672176973603512759980910527318248040613616351748346289838";
    char buf[256], parsed[SAFETY_NUMBER_SIZE];
    struct err e;

    (void)state;
    expect_payload(ok, 0, EXIT_OK, "");
    snprintf(buf, sizeof buf, "  %s\r\n", ok);
    expect_payload(buf, 0, EXIT_OK, "");
    expect_payload("intake-sn1:173672176973603512759980910527318248040613616351748346289838", 0, EXIT_OK, "");
    expect_payload("INTAKE-SN1:173672176973603512759980910527318248040613616351748346289839",
                   -1, EXIT_AUTH, "safety numbers do not match: one of you holds a key that is not the other's; do not use this contact until you know why");
    expect_payload("INTAKE-SN1:870820221663918380145595243922967113858952465729191281978302", -1, EXIT_AUTH, NULL);
    expect_payload("", -1, EXIT_INPUT, "the QR code is empty");
    expect_payload(" \n", -1, EXIT_INPUT, "the QR code is empty");
    expect_payload("INTAKE-SN1:17367217697360351275998091052731824804061361635174834628983", -1, EXIT_INPUT, malformed);
    expect_payload("INTAKE-SN1:1736721769736035127599809105273182480406136163517483462898380", -1, EXIT_INPUT, malformed);
    expect_payload("INTAKE-SN1:17367 21769 73603 51275 99809 10527 31824 80406 13616 35174 83462 89838", -1, EXIT_INPUT, malformed);
    expect_payload("INTAKE-SN1:1736721769736035127599809105273182480406136163517483462898X8", -1, EXIT_INPUT, malformed);
    expect_payload("INTAKE-SN2:173672176973603512759980910527318248040613616351748346289838", -1, EXIT_INPUT,
                   "this safety number comes from another version of intake (expected INTAKE-SN1:); update both sides");
    expect_payload("INTAKE1QYP6ZPAL708PP0SAWRW33E6TCZVK0EXKXZD62R2LRHWGVEQJ25CMS4ESSQ9TXS8UKXXW2YG7M2WHQHU38Z95REZ5FJ73QWA9JSKMYGE7ZP8YWNEQDPJKZER3W4SHYAR9WFES9M6AUA",
                   -1, EXIT_INPUT, "this QR code holds a contact card, not a safety number");
    expect_payload("https://example.org/", -1, EXIT_INPUT, "this QR code does not hold an intake safety number");
    assert_int_equal(safety_qr_parse(parsed, sizeof parsed, ok, strlen(ok), &e), 0);
    assert_string_equal(parsed, "17367 21769 73603 51275 99809 10527 31824 80406 13616 35174 83462 89838");
    assert_int_equal(safety_qr_compare(ok, strlen(ok), "1234", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "not a safety number: 1234");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vectors_both_orders),
        cmocka_unit_test(test_third_card_and_labels),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_payload_compare),
    };

    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
