/* tests/vectors: bundles made with fixed keys and a fixed randomness
 * source come out byte for byte as committed, and open.  The randomness
 * is replaced here, in the test, through libsodium's
 * randombytes_set_implementation(): the library has no test mode.
 * INTAKE_WRITE_VECTORS=1 rewrites the files instead of comparing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "crypto/secmem.h"
#include "export/content.h"
#include "export/payload.h"
#include "util/fileio.h"
#include "tests/unit/bundle_helpers.h"
#include "tests/unit/det_random.h"


static struct party rcpt[2];
static unsigned char sign_pk[crypto_sign_PUBLICKEYBYTES];
static unsigned char sign_sk[crypto_sign_SECRETKEYBYTES];

static void seeded_keys(void)
{
    unsigned char seed[32];

    memset(seed, 1, sizeof seed);
    crypto_box_seed_keypair(rcpt[0].pk, rcpt[0].sk, seed);
    memset(seed, 2, sizeof seed);
    crypto_box_seed_keypair(rcpt[1].pk, rcpt[1].sk, seed);
    memset(seed, 3, sizeof seed);
    crypto_sign_seed_keypair(sign_pk, sign_sk, seed);
}

/* The content of vector n: a JSON item, an attachment item with the
 * BLAKE2b-256 of the blob after it, and the blob of blob bytes. */
static unsigned char *vector_content(size_t *len, size_t blob)
{
    static const char doc[] = "{\"records\":[{\"id\":\"r-0001\",\"pseudonym\":"
        "\"Source A\",\"text\":\"\xec\xa6\x9d\xec\x96\xb8 testimony\"}]}";
    unsigned char *bytes = malloc(blob + 1), hash[32];
    char hex[65], att[160];
    struct collect out = {0};
    struct payload_writer pw;
    struct err e;
    size_t i;

    assert_non_null(bytes);
    for (i = 0; i < blob; i++)
        bytes[i] = (unsigned char)('a' + i % 26);
    crypto_generichash(hash, sizeof hash, bytes, blob, NULL, 0);
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    snprintf(att, sizeof att, "{\"blake2b\":\"%s\",\"name\":\"note.txt\","
             "\"type\":\"text/plain\"}", hex);
    payload_writer_init(&pw, collect_sink, &out);
    assert_int_equal(payload_item_begin(&pw, PAYLOAD_JSON, strlen(doc), &e), 0);
    assert_int_equal(payload_item_write(&pw, (const unsigned char *)doc, strlen(doc), &e), 0);
    assert_int_equal(payload_item_begin(&pw, PAYLOAD_ATTACHMENT, strlen(att), &e), 0);
    assert_int_equal(payload_item_write(&pw, (const unsigned char *)att, strlen(att), &e), 0);
    assert_int_equal(payload_item_begin(&pw, PAYLOAD_BLOB, blob, &e), 0);
    for (i = 0; i < blob; i++)
        assert_int_equal(payload_item_write(&pw, bytes + i, 1, &e), 0);
    assert_int_equal(payload_writer_finish(&pw, &e), 0);
    free(bytes);
    *len = out.len;
    return out.p;
}

/* The content vector: real bundle content of format 2 (docs/FORMAT.md,
 * "Bundle content"): the header, one record with its subject's stable id
 * and consent scope, one attachment. */
static unsigned char *content2(size_t *len)
{
    static const unsigned char blob[] = "a note\n";
    json_t *header = json_pack("{s:s, s:s, s:s, s:i, s:{s:i, s:s}, s:{s:s, s:s}, s:[s]}",
        "format", CONTENT_FORMAT_2, "created", "2026-01-02", "sender_label", "Field office",
        "records", 1, "log_head", "seq", 7,
        "hash", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
        "digests", "key", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
        "set", "", "pseudonyms", "Nari");
    json_t *rec = json_pack("{s:s, s:s, s:s, s:s, s:n, s:s, s:[s], s:s, s:s,"
        " s:{s:b, s:b, s:b, s:b, s:s, s:s, s:s}, s:s, s:[], s:[], s:[]}",
        "id", "yanj4hc68xmqjq5f", "subject", "3kq8w1dz0v7m5xrt", "pseudonym", "Nari",
        "title", "Crossing at [PLACE-1]", "place", "language", "ko", "tags", "border",
        "date", "2025-11", "date_precision", "month",
        "consent", "export", 1, "quote", 0, "publish", 0, "attachments", 1,
        "method", "verbal", "recorded", "2025-11-03T10:00:00Z", "embargo", "2026-06-01",
        "body", "\xec\xa6\x9d\xec\x96\xb8 testimony", "attachments", "redactions", "review");
    json_t *att;
    unsigned char hash[32];
    char hex[65];
    struct collect out = {0};
    struct payload_writer pw;
    struct err e;

    crypto_generichash(hash, sizeof hash, blob, sizeof blob - 1, NULL, 0);
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    att = json_pack("{s:s, s:s, s:s, s:i, s:s, s:s}", "record", "yanj4hc68xmqjq5f",
                    "file", "attachment-1.txt", "type", "text/plain", "size", (int)sizeof blob - 1,
                    "blake2b", hex, "metadata", "removed");
    assert_non_null(header);
    assert_non_null(rec);
    assert_non_null(att);
    json_array_append_new(json_object_get(rec, "attachments"),
                          json_pack("{s:s, s:s, s:i, s:s, s:b, s:s}", "file", "attachment-1.txt",
                                    "type", "text/plain", "size", (int)sizeof blob - 1,
                                    "blake2b", hex, "gps", 0, "metadata", "removed"));
    payload_writer_init(&pw, collect_sink, &out);
    assert_int_equal(content_put_json(&pw, PAYLOAD_JSON, header, &e), 0);
    assert_int_equal(content_put_json(&pw, PAYLOAD_JSON, rec, &e), 0);
    assert_int_equal(content_put_json(&pw, PAYLOAD_ATTACHMENT, att, &e), 0);
    assert_int_equal(payload_item_begin(&pw, PAYLOAD_BLOB, sizeof blob - 1, &e), 0);
    assert_int_equal(payload_item_write(&pw, blob, sizeof blob - 1, &e), 0);
    assert_int_equal(payload_writer_finish(&pw, &e), 0);
    json_decref(header);
    json_decref(rec);
    json_decref(att);
    *len = out.len;
    return out.p;
}

/* The content vector of format 7 (docs/FORMAT.md, "Notices"): a header
 * whose notices are passed on by a store that did not make them, each
 * naming its origin (the device's signing key, sign seed 0x04, and its
 * subject id), and one that did not travel (no origin); one record whose
 * consent scope carries its counter (format 6). */
static unsigned char *content7(size_t *len)
{
    static const char origin_key[] =
        "ca93ac1705187071d67b83c7ff0efe8108e8ec4530575d7726879333dbdabe7c";
    json_t *header = json_pack("{s:s, s:s, s:s, s:i, s:{s:i, s:s}, s:{s:s, s:s}, s:[s],"
        " s:[{s:s, s:s, s:n, s:s, s:{s:s, s:s}}, {s:s, s:s, s:s, s:s, s:{s:s, s:s}},"
        " {s:s, s:s, s:s, s:s}]}",
        "format", CONTENT_FORMAT_7, "created", "2026-12-01", "sender_label", "Headquarters",
        "records", 1, "log_head", "seq", 12,
        "hash", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
        "digests", "key", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
        "set", "", "pseudonyms", "Bora",
        "notices",
        "kind", "withdrawal", "subject", "hq0000000000000a", "record", "day", "2026-11-29",
        "origin", "key", origin_key, "subject", "3kq8w1dz0v7m5xrt",
        "kind", "deletion", "subject", "hq0000000000000a", "record", "yanj4hc68xmqjq5f",
        "day", "2026-11-30", "origin", "key", origin_key, "subject", "3kq8w1dz0v7m5xrt",
        "kind", "deletion", "subject", "hq0000000000000b", "record", "zz0123456789abcd",
        "day", "2026-11-30");
    json_t *rec = json_pack("{s:s, s:i, s:s, s:s, s:s, s:n, s:s, s:[s], s:s, s:s,"
        " s:{s:b, s:b, s:b, s:b, s:s, s:s, s:n, s:i}, s:s, s:[], s:[], s:[]}",
        "id", "5vq2mz8k0c4hx7ta", "version", 2, "subject", "hq0000000000000c",
        "pseudonym", "Bora", "title", "At the market", "place", "language", "mn", "tags", "trade",
        "date", "2025-10", "date_precision", "month",
        "consent", "export", 1, "quote", 1, "publish", 0, "attachments", 0,
        "method", "written", "recorded", "2025-10-04T09:30:00Z", "embargo", "seq", 3,
        "body", "testimony", "attachments", "redactions", "review");
    struct collect out = {0};
    struct payload_writer pw;
    struct err e;

    assert_non_null(header);
    assert_non_null(rec);
    payload_writer_init(&pw, collect_sink, &out);
    assert_int_equal(content_put_json(&pw, PAYLOAD_JSON, header, &e), 0);
    assert_int_equal(content_put_json(&pw, PAYLOAD_JSON, rec, &e), 0);
    assert_int_equal(payload_writer_finish(&pw, &e), 0);
    json_decref(header);
    json_decref(rec);
    *len = out.len;
    return out.p;
}

static int count_record(void *ctx, json_t *rec, struct err *e)
{
    (void)rec, (void)e;
    ++*(int *)ctx;
    return 0;
}

static void check_file(const char *path, const unsigned char *buf, size_t len)
{
    unsigned char *old;
    size_t oldlen;
    struct err e;

    if (getenv("INTAKE_WRITE_VECTORS") != NULL) {
        unlink(path);
        assert_int_equal(file_write_atomic(path, buf, len, 0, &e), 0);
        return;
    }
    assert_int_equal(file_read_all(path, 1 << 24, &old, &oldlen, "vector", &e), 0);
    assert_int_equal(oldlen, len);
    assert_memory_equal(old, buf, len);
    free(old);
}

/* blob: the payload vector's blob size, or 0 for the content vector
 * made by make (content2, content7). */
static void vector_of(const char *name, size_t nrcpt, size_t blob, int armor,
                      unsigned char *(*make)(size_t *))
{
    char path[256];
    unsigned char hash[BUNDLE_HASHBYTES];
    size_t clen, blen, i;
    unsigned char *content = blob > 0 ? vector_content(&clen, blob) : make(&clen), *b;

    det_counter = 0;
    b = seal_mem(&blen, content, clen, 1000, sign_sk, rcpt, nrcpt, armor, hash);
    assert_true(snprintf(path, sizeof path, "tests/vectors/%s.%s", name,
                         armor ? "asc" : "bin") < (int)sizeof path);
    check_file(path, b, blen);
    assert_true(snprintf(path, sizeof path, "tests/vectors/%s.content", name)
                < (int)sizeof path);
    check_file(path, content, clen);
    for (i = 0; i < nrcpt; i++) {
        struct collect c = {0};
        struct err e;

        assert_int_equal(open_mem(b, blen, &rcpt[i], &c, NULL, &e), 0);
        assert_int_equal(c.len, clen);
        assert_memory_equal(c.p, content, clen);
        free(c.p);
    }
    free(b);
    free(content);
}

static void vector(const char *name, size_t nrcpt, size_t blob, int armor)
{
    vector_of(name, nrcpt, blob, armor, content2);
}

/* With INTAKE_WRITE_VECTORS, also the valid seeds of the fuzz_bundle
 * corpus (its fixed recipient is rcpt[0]); the bad-* seeds are made from
 * small.bin by tests/fuzz/corpus/fuzz_bundle/README. */
static void corpus_seed(const char *name, size_t blob, const struct party *to,
                        size_t n, int armor)
{
    char path[256];
    size_t clen = 0, blen;
    unsigned char *content = blob > 0 ? vector_content(&clen, blob) : NULL, *b;

    det_counter = 0;
    b = seal_mem(&blen, content, clen, 1000, sign_sk, to, n, armor, NULL);
    snprintf(path, sizeof path, "tests/fuzz/corpus/fuzz_bundle/%s", name);
    check_file(path, b, blen);
    free(b);
    free(content);
}

/* The version 2 vectors, as an earlier intake wrote them, still open. */
static void old_vector(const char *name, const char *ext, size_t nrcpt)
{
    char path[256];
    unsigned char *b, *content;
    size_t blen, clen, i;
    struct err e;

    snprintf(path, sizeof path, "tests/vectors/v2/%s.%s", name, ext);
    assert_int_equal(file_read_all(path, 1 << 24, &b, &blen, "vector", &e), 0);
    snprintf(path, sizeof path, "tests/vectors/v2/%s.content", name);
    assert_int_equal(file_read_all(path, 1 << 24, &content, &clen, "vector", &e), 0);
    for (i = 0; i < nrcpt; i++) {
        struct collect c = {0};
        struct bundle_info info;

        assert_int_equal(open_mem(b, blen, &rcpt[i], &c, &info, &e), 0);
        assert_int_equal(info.version, 2);
        assert_int_equal(c.len, clen);
        assert_memory_equal(c.p, content, clen);
        free(c.p);
    }
    free(b);
    free(content);
}

static void test_vectors(void **state)
{
    (void)state;
    old_vector("small", "bin", 2);
    old_vector("chunks", "bin", 1);
    old_vector("armored", "asc", 2);
    vector("small", 2, 100, 0);
    vector("chunks", 1, 150000, 0);
    vector("armored", 2, 10, 1);
    vector("content2", 1, 0, 0);          /* blob 0: the format 2 content */
    vector_of("content7", 1, 0, 0, content7);   /* notices with their origin */
    if (getenv("INTAKE_WRITE_VECTORS") != NULL) {
        corpus_seed("valid-empty-1", 0, rcpt, 1, 0);
        corpus_seed("valid-payload-1", 100, rcpt, 1, 0);
        corpus_seed("valid-payload-2", 3000, rcpt, 2, 0);
        corpus_seed("valid-other-recipient", 100, rcpt + 1, 1, 0);
        corpus_seed("valid-armored-2", 100, rcpt, 2, 1);
    }
}

/* The content vectors read back through the content reader. */
static void test_content_vector(void **state)
{
    struct content_handler h = { NULL, count_record, NULL, NULL, NULL, NULL };
    struct content_reader *r;
    unsigned char *c;
    size_t len;
    int n = 0;
    struct err e;

    (void)state;
    h.ctx = &n;
    for (int k = 0; k < 2; k++) {
        n = 0;
        c = k == 0 ? content2(&len) : content7(&len);
        r = content_reader_new(&h);
        assert_non_null(r);
        if (content_sink(r, c, len, &e) != 0 || content_finish(r, &e) != 0)
            fail_msg("%s", e.msg);
        assert_int_equal(n, 1);
        content_reader_free(r);
        free(c);
    }
}

/* The randomness really is fixed: the same vector twice is the same. */
static void test_deterministic(void **state)
{
    unsigned char h1[BUNDLE_HASHBYTES], h2[BUNDLE_HASHBYTES];
    size_t len;
    unsigned char *a, *b;

    (void)state;
    det_counter = 0;
    a = seal_mem(&len, (const unsigned char *)"x", 1, 1, sign_sk, rcpt, 2, 0, h1);
    free(a);
    det_counter = 0;
    b = seal_mem(&len, (const unsigned char *)"x", 1, 1, sign_sk, rcpt, 2, 0, h2);
    free(b);
    assert_memory_equal(h1, h2, sizeof h1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_vectors),
        cmocka_unit_test(test_content_vector),
    };

    memcpy(det_seed, "intake test vectors, not random", sizeof det_seed);
    if (randombytes_set_implementation(&det) != 0 || sodium_init() < 0)
        return 1;
    json_set_alloc_funcs(secmem_wipe_malloc, secmem_wipe_free);
    seeded_keys();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
