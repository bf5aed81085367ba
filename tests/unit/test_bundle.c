/* export/bundle: every recipient reads the same signed content; nothing
 * else opens, and every alteration, truncation or re-sealing is refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "export/bundle.h"
#include "export/bundle_int.h"
#include "bundle_helpers.h"

static struct party people[10];     /* 0..7 recipients, 8 outsider, 9 third */
static unsigned char sign_pk[crypto_sign_PUBLICKEYBYTES];
static unsigned char sign_sk[crypto_sign_SECRETKEYBYTES];

static int setup(void **state)
{
    size_t i;

    (void)state;
    if (sodium_init() < 0)
        return -1;
    for (i = 0; i < 10; i++)
        crypto_box_keypair(people[i].pk, people[i].sk);
    crypto_sign_keypair(sign_pk, sign_sk);
    return 0;
}

static unsigned char *pattern(size_t len)
{
    unsigned char *p = malloc(len + 1);
    size_t i;

    for (i = 0; i < len; i++)
        p[i] = (unsigned char)(i * 7 + i / 251);
    return p;
}

/* The binary length of an unpadded bundle (content in few segments). */
static uint64_t unpadded_len(size_t n, size_t clen)
{
    size_t segs = (clen + SEGMENT_MAX - 1) / SEGMENT_MAX;
    uint64_t p0 = 1 + 32 + 1 + 32 * n + 4 * segs + clen + 4 + SIG_LEN;

    return bundle_file_len(n * STANZA_LEN + COMMIT_LEN + SS_HEADERLEN, p0);
}

static void roundtrip(size_t n, size_t clen, size_t piece)
{
    unsigned char *content = pattern(clen), hash[BUNDLE_HASHBYTES];
    size_t blen, i;
    unsigned char *b = seal_mem(&blen, content, clen, piece, sign_sk, people, n,
                                0, hash);
    struct bundle_info info;
    struct err e;

    assert_int_equal(blen, bundle_padme(blen));
    assert_true(blen >= unpadded_len(n, clen));
    for (i = 0; i < n; i++) {
        struct collect c = {0};

        assert_int_equal(open_mem(b, blen, &people[i], &c, &info, &e), 0);
        assert_int_equal(c.len, clen);
        if (clen > 0)
            assert_memory_equal(c.p, content, clen);
        assert_int_equal(info.version, BUNDLE_VERSION);
        assert_memory_equal(info.sender_pk, sign_pk, sizeof sign_pk);
        assert_int_equal(info.nrecipients, n);
        assert_memory_equal(info.hash, hash, sizeof hash);
        assert_int_equal(info.bundle_len, blen);
        assert_int_equal(info.content_len, clen);
        assert_int_equal(info.armored, 0);
        free(c.p);
    }
    assert_int_equal(open_mem(b, blen, &people[8], NULL, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "not addressed to this store"));
    free(b);
    free(content);
}

static void test_recipients_1_3_8(void **state)
{
    (void)state;
    roundtrip(1, 1000, 1000);
    roundtrip(3, 1000, 7);
    roundtrip(8, 1000, 333);
}

static void test_empty_content(void **state)
{
    (void)state;
    roundtrip(1, 0, 1);
    roundtrip(2, 0, 1);
}

static void test_chunk_boundaries(void **state)
{
    size_t k, d;

    (void)state;
    for (k = 1; k <= 2; k++)
        for (d = 0; d < 3; d++)
            roundtrip(1, k * CHUNK_LEN + d - 1, 4096);
    roundtrip(2, 3 * 1024 * 1024 + 1, 1000003);
}

static void test_recipient_list_is_sorted_and_signed(void **state)
{
    unsigned char hash[BUNDLE_HASHBYTES];
    size_t blen, i;
    unsigned char *b = seal_mem(&blen, (const unsigned char *)"x", 1, 1, sign_sk,
                                people, 5, 0, hash);
    struct bundle_info info;
    struct err e;

    (void)state;
    assert_int_equal(open_mem(b, blen, &people[4], NULL, &info, &e), 0);
    for (i = 1; i < 5; i++)
        assert_true(memcmp(info.recipients[i - 1], info.recipients[i], 32) < 0);
    for (i = 0; i < 5; i++) {
        size_t j, found = 0;

        for (j = 0; j < 5; j++)
            found += memcmp(info.recipients[j], people[i].pk, 32) == 0;
        assert_int_equal(found, 1);
    }
    free(b);
}

static void test_writer_refuses_bad_recipients(void **state)
{
    unsigned char pks[2][crypto_box_PUBLICKEYBYTES];
    struct bundle_writer *w;
    struct err e;

    (void)state;
    memcpy(pks[0], people[0].pk, 32);
    memcpy(pks[1], people[0].pk, 32);
    assert_int_equal(bundle_writer_open(&w, 1, 0, sign_sk,
                                        (const unsigned char (*)[32])pks, 2, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "twice"));
    assert_null(w);
    assert_int_equal(bundle_writer_open(&w, 1, 0, sign_sk,
                                        (const unsigned char (*)[32])pks, 0, &e), -1);
    assert_non_null(strstr(e.msg, "1 to 64 recipients"));
}

/* Every single-bit flip of a small bundle is refused. */
static void test_every_bit_flip(void **state)
{
    unsigned char hash[BUNDLE_HASHBYTES];
    size_t blen, i, refused = 0, auth = 0;
    unsigned char *b = seal_mem(&blen, (const unsigned char *)"testimony", 9, 9,
                                sign_sk, people, 2, 0, hash);
    struct err e;

    (void)state;
    for (i = 0; i < blen * 8; i++) {
        b[i / 8] ^= (unsigned char)(1U << (i % 8));
        if (open_mem(b, blen, &people[1], NULL, NULL, &e) != 0)
            refused++;
        auth += e.code == EXIT_AUTH;
        b[i / 8] ^= (unsigned char)(1U << (i % 8));
    }
    print_message("bit flips refused: %zu of %zu (%zu with EXIT_AUTH)\n",
                  refused, blen * 8, auth);
    assert_int_equal(refused, blen * 8);
    assert_int_equal(auth, blen * 8);
    assert_int_equal(open_mem(b, blen, &people[1], NULL, NULL, &e), 0);
    free(b);
}

/* Every truncation point is refused, and so is anything appended. */
static void test_every_truncation_and_append(void **state)
{
    unsigned char hash[BUNDLE_HASHBYTES];
    size_t blen, i, refused = 0;
    unsigned char *b = seal_mem(&blen, (const unsigned char *)"testimony", 9, 9,
                                sign_sk, people, 2, 0, hash);
    unsigned char *longer = malloc(blen + 100);
    struct err e;

    (void)state;
    for (i = 0; i < blen; i++)
        refused += open_mem(b, i, &people[0], NULL, NULL, &e) != 0;
    print_message("truncations refused: %zu of %zu\n", refused, blen);
    assert_int_equal(refused, blen);
    memcpy(longer, b, blen);
    memset(longer + blen, 0, 100);
    for (i = 1; i <= 100; i += 99) {
        assert_int_equal(open_mem(longer, blen + i, &people[0], NULL, NULL, &e), -1);
        assert_int_equal(e.code, EXIT_AUTH);
        assert_non_null(strstr(e.msg, "data after the final chunk"));
    }
    assert_int_equal(open_mem(b, 0, &people[0], NULL, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "too short"));
    free(longer);
    free(b);
}

static void test_truncated_multichunk(void **state)
{
    unsigned char hash[BUNDLE_HASHBYTES];
    unsigned char *content = pattern(200000);
    size_t blen, hlen = 2 * STANZA_LEN + COMMIT_LEN + SS_HEADERLEN;
    unsigned char *b = seal_mem(&blen, content, 200000, 65536, sign_sk, people,
                                2, 0, hash);
    struct err e;

    (void)state;
    /* cut exactly after the first whole chunk: no FINAL chunk */
    assert_int_equal(open_mem(b, hlen + CHUNK_LEN + CHUNK_ABYTES, &people[0],
                              NULL, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "final chunk is missing"));
    b[hlen + 100] ^= 1;
    assert_int_equal(open_mem(b, blen, &people[0], NULL, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "a chunk of the bundle was altered"));
    free(b);
    free(content);
}

static void test_padme_values(void **state)
{
    static const uint64_t in[] = {0, 1, 2, 3, 9, 100, 391, 1000, 65537,
                                  (1U << 20) + 1};
    static const uint64_t out[] = {0, 1, 2, 3, 10, 104, 400, 1024, 67584,
                                   (1U << 20) + 32768};
    size_t i, n;

    (void)state;
    for (i = 0; i < sizeof in / sizeof in[0]; i++)
        assert_int_equal(bundle_padme(in[i]), out[i]);
    for (n = 1; n <= 3; n += 2)
        for (i = 0; i < 3000; i += 97) {
            unsigned char hash[BUNDLE_HASHBYTES];
            unsigned char *content = pattern(i);
            size_t blen;
            unsigned char *b = seal_mem(&blen, content, i, 50, sign_sk, people,
                                        n, 0, hash);

            assert_int_equal(blen, bundle_padme(unpadded_len(n, i)));
            free(b);
            free(content);
        }
}

/* bundle_padded_plen never lands in the gap where a new chunk starts. */
static void test_padding_near_chunk_gap(void **state)
{
    uint64_t hlen = STANZA_LEN + COMMIT_LEN + SS_HEADERLEN, p0;

    (void)state;
    for (p0 = 1; p0 < 5 * CHUNK_LEN; p0 += 997) {
        uint64_t p = bundle_padded_plen(hlen, p0), f = bundle_file_len(hlen, p);

        assert_true(p >= p0);
        assert_int_equal(f, bundle_padme(f));
        assert_true(f - bundle_file_len(hlen, p0) <= f / 16 + 64);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recipients_1_3_8),
        cmocka_unit_test(test_empty_content),
        cmocka_unit_test(test_chunk_boundaries),
        cmocka_unit_test(test_recipient_list_is_sorted_and_signed),
        cmocka_unit_test(test_writer_refuses_bad_recipients),
        cmocka_unit_test(test_every_bit_flip),
        cmocka_unit_test(test_every_truncation_and_append),
        cmocka_unit_test(test_truncated_multichunk),
        cmocka_unit_test(test_padme_values),
        cmocka_unit_test(test_padding_near_chunk_gap),
    };

    return cmocka_run_group_tests(tests, setup, NULL);
}
