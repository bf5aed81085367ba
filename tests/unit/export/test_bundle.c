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
#include "util/fileio.h"
#include "tests/unit/bundle_helpers.h"

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

    return bundle_file_len(BUNDLE_VERSION, n * STANZA_LEN + COMMIT_LEN, p0);
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

/* Every single-bit flip of bundle b is refused, as an authentication
 * failure, when me opens it. */
static void every_bit_flip(unsigned char *b, size_t blen, const struct party *me)
{
    size_t i, refused = 0, auth = 0;
    struct err e;

    for (i = 0; i < blen * 8; i++) {
        b[i / 8] ^= (unsigned char)(1U << (i % 8));
        if (open_mem(b, blen, me, NULL, NULL, &e) != 0)
            refused++;
        auth += e.code == EXIT_AUTH;
        b[i / 8] ^= (unsigned char)(1U << (i % 8));
    }
    print_message("bit flips refused: %zu of %zu (%zu with EXIT_AUTH)\n",
                  refused, blen * 8, auth);
    assert_int_equal(refused, blen * 8);
    assert_int_equal(auth, blen * 8);
    assert_int_equal(open_mem(b, blen, me, NULL, NULL, &e), 0);
}

/* Every truncation point of b is refused, and so is anything appended. */
static void every_truncation_and_append(const unsigned char *b, size_t blen,
                                        const struct party *me)
{
    size_t i, refused = 0;
    unsigned char *longer = malloc(blen + 100);
    struct err e;

    for (i = 0; i < blen; i++)
        refused += open_mem(b, i, me, NULL, NULL, &e) != 0;
    print_message("truncations refused: %zu of %zu\n", refused, blen);
    assert_int_equal(refused, blen);
    memcpy(longer, b, blen);
    memset(longer + blen, 0, 100);
    for (i = 1; i <= 100; i += 99) {
        assert_int_equal(open_mem(longer, blen + i, me, NULL, NULL, &e), -1);
        assert_int_equal(e.code, EXIT_AUTH);
        assert_non_null(strstr(e.msg, "data after the final chunk"));
    }
    assert_int_equal(open_mem(b, 0, me, NULL, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "too short"));
    free(longer);
}

/* Cut after the first whole chunk (no final chunk), then one byte of the
 * first chunk flipped. */
static void cut_and_flip_multichunk(unsigned char *b, size_t blen, size_t hlen,
                                    size_t ctlen, const struct party *me)
{
    struct err e;

    assert_true(blen > hlen + ctlen);
    assert_int_equal(open_mem(b, hlen + ctlen, me, NULL, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "final chunk is missing"));
    b[hlen + 100] ^= 1;
    assert_int_equal(open_mem(b, blen, me, NULL, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "a chunk of the bundle was altered"));
    b[hlen + 100] ^= 1;
}

/* A small version 3 bundle: every bit flip, truncation and append refused. */
static void test_every_bit_flip_truncation_and_append(void **state)
{
    unsigned char hash[BUNDLE_HASHBYTES];
    size_t blen;
    unsigned char *b = seal_mem(&blen, (const unsigned char *)"testimony", 9, 9,
                                sign_sk, people, 2, 0, hash);

    (void)state;
    every_bit_flip(b, blen, &people[1]);
    every_truncation_and_append(b, blen, &people[0]);
    free(b);
}

static void test_truncated_multichunk(void **state)
{
    unsigned char hash[BUNDLE_HASHBYTES];
    unsigned char *content = pattern(200000);
    size_t blen;
    unsigned char *b = seal_mem(&blen, content, 200000, 65536, sign_sk, people,
                                2, 0, hash);

    (void)state;
    cut_and_flip_multichunk(b, blen, 2 * STANZA_LEN + COMMIT_LEN, CHUNK_CTLEN,
                            &people[0]);
    free(b);
    free(content);
}

/* Chunks reordered, or taken from another bundle of the same content,
 * sender and recipients, do not open: each chunk's nonce is its place,
 * and each bundle has its own key. */
static void test_chunks_swapped_or_from_another_bundle(void **state)
{
    unsigned char hash[BUNDLE_HASHBYTES], t[CHUNK_CTLEN];
    unsigned char *content = pattern(200000);
    size_t alen, blen, hlen = 2 * STANZA_LEN + COMMIT_LEN;
    unsigned char *a = seal_mem(&alen, content, 200000, 65536, sign_sk, people,
                                2, 0, hash);
    unsigned char *b = seal_mem(&blen, content, 200000, 65536, sign_sk, people,
                                2, 0, hash);
    unsigned char *c0 = a + hlen, *c1 = a + hlen + CHUNK_CTLEN;
    struct err e;

    (void)state;
    assert_int_equal(alen, blen);
    memcpy(t, c0, sizeof t);
    memcpy(c0, c1, sizeof t);
    memcpy(c1, t, sizeof t);
    assert_int_equal(open_mem(a, alen, &people[0], NULL, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "a chunk of the bundle was altered");
    memcpy(c1, c0, sizeof t);             /* chunk 1 back where it was */
    memcpy(c0, t, sizeof t);
    assert_int_equal(open_mem(a, alen, &people[0], NULL, NULL, &e), 0);
    memcpy(c1, b + hlen + CHUNK_CTLEN, sizeof t);
    assert_int_equal(open_mem(a, alen, &people[0], NULL, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "a chunk of the bundle was altered");
    free(a);
    free(b);
    free(content);
}

/* A version 2 bundle from tests/vectors/v2 and the recipient of seed 1. */
static unsigned char *v2_vector(size_t *len, const char *name, struct party *me)
{
    unsigned char seed[crypto_box_SEEDBYTES], *b;
    char path[128];
    struct err e;

    memset(seed, 1, sizeof seed);
    crypto_box_seed_keypair(me->pk, me->sk, seed);
    snprintf(path, sizeof path, "tests/vectors/v2/%s", name);
    assert_int_equal(file_read_all(path, 1 << 20, &b, len, "vector", &e), 0);
    return b;
}

/* Version 2 left blob data out of its signature: a recipient who knows
 * the file key can change a blob and encrypt the chunks again under the
 * same stream header; the reader refuses it by the signed hash. */
static void test_v2_blob_altered_under_valid_signature(void **state)
{
    struct party me;
    struct bundle_keys k;
    crypto_secretstream_xchacha20poly1305_state in, out;
    unsigned char st[STANZA_LEN], tag, pt[1024];
    unsigned long long mlen, clen;
    size_t blen, hlen = 2 * STANZA_LEN + COMMIT_LEN + V2_SSHEADER;
    unsigned char *b = v2_vector(&blen, "small.bin", &me);
    struct err e;
    size_t i;

    (void)state;
    for (i = 0; i < 2; i++) {
        memcpy(st, b + i * STANZA_LEN, sizeof st);
        st[31] &= 0x7f;
        if (crypto_box_seal_open(k.file, st, sizeof st, me.pk, me.sk) == 0)
            break;
    }
    assert_true(i < 2);
    assert_int_equal(bundle_derive(&k, 2), 0);
    assert_int_equal(crypto_secretstream_xchacha20poly1305_init_pull(&in,
                         b + hlen - V2_SSHEADER, k.payload), 0);
    out = in;                            /* the same state encrypts again */
    assert_true(blen - hlen <= sizeof pt + V2_ABYTES);
    assert_int_equal(crypto_secretstream_xchacha20poly1305_pull(&in, pt, &mlen,
                         &tag, b + hlen, blen - hlen, NULL, 0), 0);
    /* the blob (100 bytes) ends the content: 2 recipients, one segment */
    pt[1 + 32 + 1 + 64 + 4 + 321 - 1] ^= 1;
    crypto_secretstream_xchacha20poly1305_push(&out, b + hlen, &clen, pt, mlen,
                                               NULL, 0, tag);
    assert_int_equal(open_mem(b, blen, &me, NULL, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "an attachment in the bundle was altered: its "
                        "bytes do not match the signed hash");
    free(b);
}

/* Version 2 bundles are still read, and refused on every alteration. */
static void test_v2_still_read_and_refused(void **state)
{
    struct party me;
    struct bundle_info info;
    struct err e;
    size_t blen;
    unsigned char *b = v2_vector(&blen, "small.bin", &me);

    (void)state;
    assert_int_equal(open_mem(b, blen, &me, NULL, &info, &e), 0);
    assert_int_equal(info.version, 2);
    every_bit_flip(b, blen, &me);
    every_truncation_and_append(b, blen, &me);
    free(b);
    b = v2_vector(&blen, "chunks.bin", &me);
    cut_and_flip_multichunk(b, blen, STANZA_LEN + COMMIT_LEN + V2_SSHEADER,
                            CHUNK_LEN + V2_ABYTES, &me);
    free(b);
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
    unsigned v;

    (void)state;
    for (v = 2; v <= 3; v++) {
        uint64_t hlen = STANZA_LEN + bundle_header_tail(v), p0;

        for (p0 = 1; p0 < 5 * CHUNK_LEN; p0 += 997) {
            uint64_t p = bundle_padded_plen(v, hlen, p0);
            uint64_t f = bundle_file_len(v, hlen, p);

            assert_true(p >= p0);
            assert_int_equal(f, bundle_padme(f));
            assert_true(f - bundle_file_len(v, hlen, p0) <= f / 16 + 64);
        }
    }
}

/* As recipient me: the payload plaintext of bundle b with n stanzas. */
static unsigned char *plaintext_of(size_t *plen, const unsigned char *b,
                                   size_t blen, size_t n, const struct party *me)
{
    struct bundle_keys k;
    struct bulk_aead *a;
    size_t hlen = n * STANZA_LEN + COMMIT_LEN, off, i;
    unsigned char *pt = malloc(blen), st[STANZA_LEN], nonce[BULK_NONCEBYTES];

    for (i = 0; i < n; i++) {
        memcpy(st, b + i * STANZA_LEN, sizeof st);
        st[31] &= 0x7f;
        if (crypto_box_seal_open(k.file, st, sizeof st, me->pk, me->sk) == 0)
            break;
    }
    assert_true(i < n);
    assert_int_equal(bundle_derive(&k, BUNDLE_VERSION), 0);
    assert_non_null(a = bulk_aead_new(k.payload));
    *plen = 0;
    for (off = hlen, i = 0; off < blen; off += CHUNK_CTLEN, i++) {
        size_t clen = blen - off < CHUNK_CTLEN ? blen - off : CHUNK_CTLEN;

        bundle_nonce(nonce, i, off + clen == blen);
        assert_int_equal(bulk_aead_open(a, pt + *plen, b + off, clen, nonce), 0);
        *plen += clen - CHUNK_ABYTES;
    }
    bulk_aead_free(a);
    return pt;
}

/* Seals plaintext pt with a new file key: one stanza for to, the others
 * random, a valid commitment: what a dishonest recipient can do. */
static unsigned char *reseal(size_t *outlen, const unsigned char *pt,
                             size_t plen, const struct party *to, size_t nst)
{
    struct bundle_keys k;
    struct bulk_aead *a;
    size_t hlen = nst * STANZA_LEN + COMMIT_LEN, off, i;
    unsigned char *b = malloc(hlen + plen + (plen / CHUNK_LEN + 1) * CHUNK_ABYTES);
    unsigned char nonce[BULK_NONCEBYTES];

    randombytes_buf(k.file, sizeof k.file);
    assert_int_equal(bundle_derive(&k, BUNDLE_VERSION), 0);
    randombytes_buf(b, nst * STANZA_LEN);
    assert_int_equal(crypto_box_seal(b, k.file, sizeof k.file, to->pk), 0);
    crypto_generichash(b + nst * STANZA_LEN, COMMIT_LEN, b, nst * STANZA_LEN,
                       k.commit, sizeof k.commit);
    assert_non_null(a = bulk_aead_new(k.payload));
    *outlen = hlen;
    for (off = 0, i = 0; off < plen; off += CHUNK_LEN, i++) {
        size_t n = plen - off < CHUNK_LEN ? plen - off : CHUNK_LEN;

        bundle_nonce(nonce, i, off + n == plen);
        assert_int_equal(bulk_aead_seal(a, b + *outlen, pt + off, n, nonce), 0);
        *outlen += n + CHUNK_ABYTES;
    }
    bulk_aead_free(a);
    return b;
}

static void test_resealed_to_third_party(void **state)
{
    unsigned char hash[BUNDLE_HASHBYTES], *content = pattern(70000);
    size_t blen, plen, rlen;
    unsigned char *b = seal_mem(&blen, content, 70000, 70000, sign_sk, people, 2,
                                0, hash);
    unsigned char *pt = plaintext_of(&plen, b, blen, 2, &people[0]);
    unsigned char *r, *list = pt + 1 + 32 + 1;
    struct collect c = {0};
    struct err e;

    (void)state;
    r = reseal(&rlen, pt, plen, &people[9], 2);
    assert_int_equal(open_mem(r, rlen, &people[9], &c, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "re-sealed"));
    assert_int_equal(c.len, 0);          /* nothing reached the sink */
    free(r);
    r = reseal(&rlen, pt, plen, &people[9], 1);
    assert_int_equal(open_mem(r, rlen, &people[9], NULL, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "does not match its header"));
    free(r);
    /* put the third party in the signed list: the signature breaks */
    memcpy(memcmp(list, people[1].pk, 32) == 0 ? list : list + 32,
           people[9].pk, 32);
    if (memcmp(list, list + 32, 32) > 0) {
        unsigned char t[32];
        memcpy(t, list, 32); memcpy(list, list + 32, 32); memcpy(list + 32, t, 32);
    }
    r = reseal(&rlen, pt, plen, &people[9], 2);
    assert_int_equal(open_mem(r, rlen, &people[9], &c, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "bad signature"));
    assert_int_equal(c.len, 70000);      /* released before the check: see bundle.h */
    free(c.p);
    free(r);
    free(pt);
    free(b);
    free(content);
}

static int armor_open(const char *text, size_t len, struct collect *c,
                      struct bundle_info *info, struct err *e)
{
    return open_mem((const unsigned char *)text, len, &people[2], c, info, e);
}

static void expect_armor_error(const char *text, size_t len, int code,
                               const char *msg)
{
    struct err e;

    assert_int_equal(armor_open(text, len, NULL, NULL, &e), -1);
    assert_int_equal(e.code, code);
    assert_non_null(strstr(e.msg, msg));
}

static void test_armor(void **state)
{
    unsigned char hash[BUNDLE_HASHBYTES], bin_hash[BUNDLE_HASHBYTES];
    unsigned char *content = pattern(5000), bin[8192];
    size_t tlen, blen, i, linelen = 0;
    char *t = (char *)seal_mem(&tlen, content, 5000, 100, sign_sk, people, 3, 1, hash);
    char *copy = malloc(2 * tlen + 100), *mid;
    struct collect c = {0};
    struct bundle_info info;
    struct err e;

    (void)state;
    assert_memory_equal(t, "-----BEGIN INTAKE BUNDLE-----\n", 30);
    assert_memory_equal(t + tlen - 28, "-----END INTAKE BUNDLE-----\n", 28);
    for (i = 0; i < tlen; i++, linelen++)
        if (t[i] == '\n') {
            assert_true(linelen <= 64 || i == 29);
            linelen = (size_t)-1;
        }
    assert_int_equal(armor_open(t, tlen, &c, &info, &e), 0);
    assert_int_equal(c.len, 5000);
    assert_memory_equal(c.p, content, 5000);
    assert_int_equal(info.armored, 1);
    assert_memory_equal(info.hash, hash, sizeof hash);
    /* the binary form has the same hash: decode the armor by hand */
    t[tlen - 28] = '\0';
    assert_int_equal(sodium_base642bin(bin, sizeof bin, t + 30, tlen - 58, "\n",
                                       &blen, NULL, sodium_base64_VARIANT_ORIGINAL), 0);
    t[tlen - 28] = '-';
    assert_int_equal(info.bundle_len, blen);
    assert_int_equal(open_mem(bin, blen, &people[2], NULL, &info, &e), 0);
    memcpy(bin_hash, info.hash, sizeof bin_hash);
    assert_memory_equal(bin_hash, hash, sizeof hash);

    /* CRLF line ends and leading blank lines are accepted */
    for (i = 0, blen = 0, copy[blen++] = '\n'; i < tlen; i++) {
        if (t[i] == '\n')
            copy[blen++] = '\r';
        copy[blen++] = t[i];
    }
    assert_int_equal(armor_open(copy, blen, NULL, NULL, &e), 0);

    memcpy(copy, t, tlen);
    copy[100] = '*';
    expect_armor_error(copy, tlen, EXIT_INPUT, "bad armor");
    memcpy(copy, t, tlen);
    copy[100] = copy[100] == 'A' ? 'B' : 'A';
    expect_armor_error(copy, tlen, EXIT_AUTH, "");
    expect_armor_error(t, tlen - 28, EXIT_INPUT, "END line is missing");
    expect_armor_error(t, tlen / 2, EXIT_INPUT, "END line is missing");
    memcpy(copy, t, tlen);
    memcpy(copy + tlen, "junk\n", 5);
    expect_armor_error(copy, tlen + 5, EXIT_INPUT, "after the END line");
    memcpy(copy, t, tlen);
    mid = strstr(copy, "\n-----END");
    memcpy(mid - 4, "====", 4);       /* padding before the end */
    expect_armor_error(copy, tlen, EXIT_INPUT, "bad armor");
    free(copy);
    free(c.p);
    free(t);
    free(content);
}

/* Text is armor or bad armor (EXIT_INPUT), never a key search's verdict:
 * a UTF-8 byte-order mark and white space are skipped, nothing else. */
static void test_armor_sniff(void **state)
{
    unsigned char hash[BUNDLE_HASHBYTES], *content = pattern(300);
    size_t tlen, n;
    char *t = (char *)seal_mem(&tlen, content, 300, 100, sign_sk, people, 3, 1, hash);
    char *copy = malloc(4 * tlen + 100);
    struct err e;

    (void)state;
    memcpy(copy, "\xef\xbb\xbf", 3);
    memcpy(copy + 3, t, tlen);
    assert_int_equal(armor_open(copy, tlen + 3, NULL, NULL, &e), 0);
    memcpy(copy, "\xef\xbb\xbf \t\r\n\n", 8);
    memcpy(copy + 8, t, tlen);
    assert_int_equal(armor_open(copy, tlen + 8, NULL, NULL, &e), 0);

    n = (size_t)snprintf(copy, 64, "Here it is:\n");
    memcpy(copy + n, t, tlen);
    expect_armor_error(copy, n + tlen, EXIT_INPUT, "bad armor: there is text before the BEGIN line");
    memcpy(copy, t, tlen);
    memmove(copy + 30, copy + 29, tlen - 29);
    copy[29] = 'x';
    expect_armor_error(copy, tlen + 1, EXIT_INPUT, "bad armor: the BEGIN line must end right after its dashes");
    copy[29] = ' ';   /* white space at the end of a line is skipped (adv14 F6) */
    assert_int_equal(armor_open(copy, tlen + 1, NULL, NULL, &e), 0);
    expect_armor_error("-----BEGIN INTAKE BUNDLE-----", 29, EXIT_INPUT, "bad armor: the END line is missing");
    expect_armor_error("hello, world\n", 13, EXIT_INPUT, "bad armor: this is text without a BEGIN line");
    expect_armor_error("\xef\xbb\xbf", 3, EXIT_INPUT, "bad armor: this is text without a BEGIN line");
    /* UTF-16, with its byte-order mark or without, either byte order */
    for (int order = 0; order < 4; order++) {
        size_t o = 0;
        if (order == 0) { copy[o++] = '\xff'; copy[o++] = '\xfe'; }
        if (order == 1) { copy[o++] = '\xfe'; copy[o++] = '\xff'; }
        for (size_t i = 0; i < tlen; i++) {
            int le = order == 0 || order == 2;
            copy[o++] = le ? t[i] : '\0';
            copy[o++] = le ? '\0' : t[i];
        }
        expect_armor_error(copy, o, EXIT_INPUT, "bad armor: the text is UTF-16");
    }
    /* Random bytes are a binary bundle: the key search answers. */
    randombytes_buf(copy, 600);
    expect_armor_error(copy, 600, EXIT_AUTH, "not addressed to this store");
    free(copy);
    free(t);
    free(content);
}

/* A pipe (stdin) works as well as a file, armored or not. */
static void test_read_from_pipe(void **state)
{
    unsigned char hash[BUNDLE_HASHBYTES];
    size_t blen, armor;
    struct err e;
    int p[2];

    (void)state;
    for (armor = 0; armor < 2; armor++) {
        unsigned char *b = seal_mem(&blen, (const unsigned char *)"pipe", 4, 4,
                                    sign_sk, people, 1, (int)armor, hash);
        struct collect c = {0};

        assert_int_equal(pipe(p), 0);
        assert_int_equal(write(p[1], b, blen), (ssize_t)blen);
        close(p[1]);
        assert_int_equal(bundle_read(p[0], people[0].pk, people[0].sk,
                                     collect_sink, &c, NULL, &e), 0);
        assert_int_equal(c.len, 4);
        close(p[0]);
        free(c.p);
        free(b);
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
        cmocka_unit_test(test_every_bit_flip_truncation_and_append),
        cmocka_unit_test(test_truncated_multichunk),
        cmocka_unit_test(test_chunks_swapped_or_from_another_bundle),
        cmocka_unit_test(test_v2_still_read_and_refused),
        cmocka_unit_test(test_v2_blob_altered_under_valid_signature),
        cmocka_unit_test(test_resealed_to_third_party),
        cmocka_unit_test(test_armor),
        cmocka_unit_test(test_armor_sniff),
        cmocka_unit_test(test_read_from_pipe),
        cmocka_unit_test(test_padme_values),
        cmocka_unit_test(test_padding_near_chunk_gap),
    };

    return cmocka_run_group_tests(tests, setup, NULL);
}
