/* export/statement: the vector of docs/FORMAT.md ("Audit statement"),
 * a round trip, and each refusal with its status. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "export/statement.h"

/* The vector (checked with OpenSSL's Ed25519 and Python's hashlib):
 * seed 32 bytes 0x01, bundle hash 32 bytes 0x02, verdict
 * PASS, day 2026-01-02, report "verdict: PASS\n". */
static const char vector[] =
    "-----BEGIN INTAKE AUDIT STATEMENT-----\n"
    "AYqI4910CfGV/VLbLTy6XXLKZwm/HZQSG/N0iAG0D29cAgICAgICAgICAgICAgIC\n"
    "AgICAgICAgICAgICAgICAgIAMjAyNi0wMS0wMgTHVszmVrVL4tyn7uiN43DEE/oe\n"
    "HwGFbSzGZIklzQY6E7qCo2ZAeHpfWR+s5+WWcZ/Cl73vP6yEYz0eQApSYwEY0eH/\n"
    "lUM6upkmYnYiWJKEe5dXOjAWLIdIDGHKzR3KAg==\n"
    "-----END INTAKE AUDIT STATEMENT-----\n";

static void make(struct statement *st, char *text, size_t len, unsigned char sk[crypto_sign_SECRETKEYBYTES])
{
    unsigned char seed[crypto_sign_SEEDBYTES];
    struct err e;

    memset(seed, 1, sizeof seed);
    memset(st, 0, sizeof *st);
    assert_int_equal(crypto_sign_seed_keypair(st->signer, sk, seed), 0);
    memset(st->bundle, 2, sizeof st->bundle);
    st->verdict = 0;
    memcpy(st->day, "2026-01-02", 11);
    statement_digest(st->report, "verdict: PASS\n", 14);
    assert_int_equal(statement_sign(text, len, st, sk, &e), 0);
}

static void test_vector(void **state)
{
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    char text[STATEMENT_TEXT_MAX];
    struct statement st, got;
    struct err e;

    (void)state;
    make(&st, text, sizeof text, sk);
    assert_string_equal(text, vector);
    assert_int_equal(statement_read(&got, (const unsigned char *)text, strlen(text), &e), 0);
    assert_memory_equal(got.signer, st.signer, sizeof st.signer);
    assert_memory_equal(got.bundle, st.bundle, sizeof st.bundle);
    assert_memory_equal(got.report, st.report, sizeof st.report);
    assert_string_equal(got.day, "2026-01-02");
    assert_int_equal(got.verdict, 0);
    assert_int_equal(statement_is((const unsigned char *)text, strlen(text)), 1);
    assert_int_equal(statement_is((const unsigned char *)"-----BEGIN INTAKE BUNDLE-----\n", 30), 0);
}

/* Every byte changed in turn is refused: exit 1 (signature) or 2 (form). */
static void test_every_byte(void **state)
{
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    char text[STATEMENT_TEXT_MAX], b64[512];
    struct statement st, got;
    struct err e;

    (void)state;
    make(&st, text, sizeof text, sk);
    for (size_t i = 0; i < STATEMENT_BYTES; i++) {
        unsigned char b[STATEMENT_BYTES];
        char again[STATEMENT_TEXT_MAX];
        memcpy(b, st.bytes, sizeof b);
        b[i] ^= 0x10;
        sodium_bin2base64(b64, sizeof b64, b, sizeof b, sodium_base64_VARIANT_ORIGINAL);
        snprintf(again, sizeof again, "%s\n%s\n%s\n", STATEMENT_BEGIN, b64, STATEMENT_END);
        assert_int_equal(statement_read(&got, (const unsigned char *)again, strlen(again), &e), -1);
        /* The version, a verdict of 16 and a day with a space or a
         * punctuation mark are malformed; any other change is caught by the
         * signature. */
        assert_int_equal(e.code, i <= 0 || (i >= 65 && i < 76) ? EXIT_INPUT : EXIT_AUTH);
    }
}

static void test_armor(void **state)
{
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    char text[STATEMENT_TEXT_MAX], t[STATEMENT_TEXT_MAX + 8];
    struct statement st, got;
    struct err e;
    size_t n;

    (void)state;
    make(&st, text, sizeof text, sk);
    n = strlen(text);
    /* White space after the END line is fine. */
    snprintf(t, sizeof t, "%s \n\n", text);
    assert_int_equal(statement_read(&got, (const unsigned char *)t, strlen(t), &e), 0);
    /* Cut anywhere: refused (exit 2). */
    for (size_t i = 0; i < n - 1; i++) {
        assert_int_equal(statement_read(&got, (const unsigned char *)text, i, &e), -1);
        assert_int_equal(e.code, EXIT_INPUT);
    }
    snprintf(t, sizeof t, "%sx", text);
    assert_int_equal(statement_read(&got, (const unsigned char *)t, strlen(t), &e), -1);
    assert_string_equal(e.msg, "bad statement: there is text after the END line");
    assert_int_equal(statement_read(&got, (const unsigned char *)"x", 1, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
}

static void test_sign_refuses_misuse(void **state)
{
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    char text[STATEMENT_TEXT_MAX];
    struct statement st;
    struct err e;

    (void)state;
    make(&st, text, sizeof text, sk);
    st.verdict = 3;
    assert_int_equal(statement_sign(text, sizeof text, &st, sk, &e), -1);
    st.verdict = 0;
    memcpy(st.day, "2026-13-01", 11);
    assert_int_equal(statement_sign(text, sizeof text, &st, sk, &e), -1);
    memcpy(st.day, "2026-01-02", 11);
    st.signer[0] ^= 1;
    assert_int_equal(statement_sign(text, sizeof text, &st, sk, &e), -1);
    st.signer[0] ^= 1;
    assert_int_equal(statement_sign(text, 100, &st, sk, &e), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vector),
        cmocka_unit_test(test_every_byte),
        cmocka_unit_test(test_armor),
        cmocka_unit_test(test_sign_refuses_misuse),
    };

    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
