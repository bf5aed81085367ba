/* crypto/kdf: Argon2id through libargon2 (Debian's reference
 * implementation).  With one lane its tag must equal libsodium's
 * crypto_pwhash for the same inputs (the two implementations agree, so
 * intake's one-lane and two-lane slots are the same function of their
 * parameters); with two lanes it must give the Argon2 authors' test vector
 * (phc-winner-argon2, src/test.c: Argon2id version 0x13, t=2, m=256 KiB,
 * p=2, "password", "somesalt"). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>
#include <sodium.h>

#include "crypto/kdf.h"

static void hex(unsigned char *out, const char *h, size_t n)
{
    size_t bin = 0;

    assert_int_equal(sodium_hex2bin(out, n, h, strlen(h), NULL, &bin, NULL), 0);
    assert_int_equal(bin, n);
}

/* The authors' vectors (src/test.c of phc-winner-argon2, version 0x13). */
static void test_authors_vectors(void **state)
{
    static const struct { uint32_t t, mkib, p; const char *tag; } v[] = {
        { 2, 256, 2, "6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037" },
        { 2, 65536, 1, "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7" },
    };
    unsigned char want[32], got[32];
    struct err e;

    (void)state;
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        hex(want, v[i].tag, sizeof want);
        memset(got, 0, sizeof got);
        assert_int_equal(kdf_argon2id(got, sizeof got, (const unsigned char *)"password", 8,
                                      (const unsigned char *)"somesalt", 8, v[i].t,
                                      (uint64_t)v[i].mkib * 1024U, v[i].p, &e), 0);
        assert_memory_equal(got, want, sizeof want);
    }
}

/* One lane: the same tag as libsodium's crypto_pwhash, at the keyslots'
 * salt and key sizes, for a few costs and secrets (an empty one too). */
static void test_one_lane_is_libsodium(void **state)
{
    static const struct { uint64_t t, mem; const char *secret; } c[] = {
        { 1, 8192, "tiger lamp violet oxygen river" },
        { 2, 1U << 20, "" },
        { 3, 3U << 20, "\xc3\xa9t\xc3\xa9 \xed\x95\x9c \xd0\xb4\xd0\xb0" },
        { 2, 64U << 20, "tiger lamp violet oxygen river" },   /* --kdf interactive */
    };
    unsigned char salt[crypto_pwhash_SALTBYTES], a[32], b[32];
    struct err e;

    (void)state;
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        randombytes_buf(salt, sizeof salt);
        assert_int_equal(crypto_pwhash(a, sizeof a, c[i].secret, strlen(c[i].secret), salt,
                                       c[i].t, (size_t)c[i].mem, crypto_pwhash_ALG_ARGON2ID13), 0);
        memset(b, 0, sizeof b);
        assert_int_equal(kdf_argon2id(b, sizeof b, (const unsigned char *)c[i].secret,
                                      strlen(c[i].secret), salt, sizeof salt,
                                      (uint32_t)c[i].t, c[i].mem, 1, &e), 0);
        assert_memory_equal(a, b, sizeof a);
    }
}

/* Two lanes are another function than one (the lane count is an input of
 * H0, RFC 9106 section 3.2): a slot's algorithm decides which is run. */
static void test_two_lanes_differ(void **state)
{
    unsigned char salt[16] = { 1 }, one[32], two[32], again[32];
    struct err e;

    (void)state;
    assert_int_equal(kdf_argon2id(one, 32, (const unsigned char *)"x", 1, salt, 16, 1, 16384, 1, &e), 0);
    assert_int_equal(kdf_argon2id(two, 32, (const unsigned char *)"x", 1, salt, 16, 1, 16384, 2, &e), 0);
    assert_int_equal(kdf_argon2id(again, 32, (const unsigned char *)"x", 1, salt, 16, 1, 16384, 2, &e), 0);
    assert_memory_not_equal(one, two, 32);
    assert_memory_equal(two, again, 32);
}

/* Costs out of range are bad input with a message, never a tag. */
static void test_refusals(void **state)
{
    unsigned char salt[16] = { 0 }, out[32];
    struct err e;

    (void)state;
    err_clear(&e);
    assert_int_equal(kdf_argon2id(out, 32, (const unsigned char *)"x", 1, salt, 16, 1, 16383, 2, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_true(e.msg[0] != '\0');
    err_clear(&e);
    assert_int_equal(kdf_argon2id(out, 32, (const unsigned char *)"x", 1, salt, 16, 1, 16384, 0, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    err_clear(&e);
    assert_int_equal(kdf_argon2id(out, 32, (const unsigned char *)"x", 1, salt, 16, 0, 16384, 2, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "out-of-range"));
    err_clear(&e);
    assert_int_equal(kdf_argon2id(out, 32, (const unsigned char *)"x", 1, salt, 4, 1, 16384, 2, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_authors_vectors),
        cmocka_unit_test(test_one_lane_is_libsodium),
        cmocka_unit_test(test_two_lanes_differ),
        cmocka_unit_test(test_refusals),
    };

    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
