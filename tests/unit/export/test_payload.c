/* export/payload: items survive any split of the stream; anything cut
 * short, oversized, unknown or out of order is refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "export/payload.h"
#include "tests/unit/bundle_helpers.h"

static const char doc1[] = "{\"records\":[{\"id\":\"r1\",\"title\":\"\xea\xb9\x80\"}]}";
static const char att[] = "{\"name\":\"a.ogg\",\"type\":\"audio/ogg\",\"size\":3000}";
static const char doc2[] = "{\"log_head\":\"00\"}";
#define BLOB_LEN 3000

/* What the parser reported, as text: "B<type>:<len> D<n> E<type> ". */
struct events {
    char log[4096];
    size_t len;
    struct collect data;
    int fail_on_data;
};

static void log_event(struct events *ev, char what, unsigned type,
                      uint64_t len, int with_len)
{
    int n = with_len ? snprintf(ev->log + ev->len, sizeof ev->log - ev->len,
                                "%c%u:%llu ", what, type, (unsigned long long)len)
                     : snprintf(ev->log + ev->len, sizeof ev->log - ev->len,
                                "%c%u ", what, type);

    assert_true(n > 0 && (size_t)n < sizeof ev->log - ev->len);
    ev->len += (size_t)n;
}

static int on_begin(void *ctx, unsigned type, uint64_t len, struct err *e)
{
    (void)e;
    log_event(ctx, 'B', type, len, 1);
    return 0;
}

static int on_data(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct events *ev = ctx;

    if (ev->fail_on_data)
        return err_set(e, EXIT_INPUT, "the receiver is full");
    return collect_sink(&ev->data, buf, len, e);
}

static int on_end(void *ctx, unsigned type, struct err *e)
{
    (void)e;
    log_event(ctx, 'E', type, 0, 0);
    return 0;
}

static const struct payload_callbacks cbs = {on_begin, on_data, on_end};
static const char expected[] = "B1:39 E1 B2:47 E2 B3:3000 E3 B1:17 E1 ";

/* A payload of four items, the blob written in pieces of piece bytes. */
static unsigned char *make_payload(size_t *len, size_t piece)
{
    struct collect out = {0};
    struct payload_writer pw;
    unsigned char blob[BLOB_LEN];
    struct err e;
    size_t i;

    for (i = 0; i < sizeof blob; i++)
        blob[i] = (unsigned char)i;
    payload_writer_init(&pw, collect_sink, &out);
    assert_int_equal(payload_item_begin(&pw, PAYLOAD_JSON, strlen(doc1), &e), 0);
    assert_int_equal(payload_item_write(&pw, (const unsigned char *)doc1, strlen(doc1), &e), 0);
    assert_int_equal(payload_item_begin(&pw, PAYLOAD_ATTACHMENT, strlen(att), &e), 0);
    assert_int_equal(payload_item_write(&pw, (const unsigned char *)att, strlen(att), &e), 0);
    assert_int_equal(payload_item_begin(&pw, PAYLOAD_BLOB, sizeof blob, &e), 0);
    for (i = 0; i < sizeof blob; i += piece)
        assert_int_equal(payload_item_write(&pw, blob + i,
                         sizeof blob - i < piece ? sizeof blob - i : piece, &e), 0);
    assert_int_equal(payload_item_begin(&pw, PAYLOAD_JSON, strlen(doc2), &e), 0);
    assert_int_equal(payload_item_write(&pw, (const unsigned char *)doc2, strlen(doc2), &e), 0);
    assert_int_equal(payload_writer_finish(&pw, &e), 0);
    *len = out.len;
    return out.p;
}

/* Feeds buf in two parts split at cut; returns feed+finish's result. */
static int parse_split(struct events *ev, const unsigned char *buf, size_t len,
                       size_t cut, struct err *e)
{
    struct payload_parser p;

    memset(ev, 0, sizeof *ev);
    payload_parser_init(&p, &cbs, ev);
    if (payload_parser_feed(&p, buf, cut, e) != 0 ||
        payload_parser_feed(&p, buf + cut, len - cut, e) != 0)
        return -1;
    return payload_parser_finish(&p, e);
}

static void test_roundtrip_every_split(void **state)
{
    size_t len, cut;
    unsigned char *b = make_payload(&len, 7);
    struct events ev;
    struct err e;

    (void)state;
    assert_int_equal(len, 4 * PAYLOAD_ITEM_HEADERLEN + 39 + 47 + 3000 + 17);
    assert_int_equal(b[0], PAYLOAD_JSON);
    assert_int_equal(b[1], 39);
    for (cut = 0; cut <= len; cut++) {
        assert_int_equal(parse_split(&ev, b, len, cut, &e), 0);
        assert_string_equal(ev.log, expected);
        assert_int_equal(ev.data.len, 39 + 47 + 3000 + 17);
        assert_memory_equal(ev.data.p, doc1, 39);
        assert_memory_equal(ev.data.p + 39 + 47 + 3000, doc2, 17);
        free(ev.data.p);
    }
    free(b);
}

static void test_every_truncation(void **state)
{
    size_t len, cut, refused = 0, boundaries = 0;
    unsigned char *b = make_payload(&len, 3000);
    const size_t ok_at[] = {0, 48, 3113};   /* where a payload may end */
    struct events ev;
    struct err e;

    (void)state;
    for (cut = 0; cut < len; cut++) {
        int ok = cut == ok_at[0] || cut == ok_at[1] || cut == ok_at[2];
        int rc = parse_split(&ev, b, cut, cut / 2, &e);

        free(ev.data.p);
        boundaries += ok;
        refused += rc != 0;
        assert_int_equal(rc, ok ? 0 : -1);
        if (!ok)
            assert_int_equal(e.code, EXIT_INPUT);
    }
    print_message("truncations refused: %zu of %zu (%zu item boundaries)\n",
                  refused, len, boundaries);
    assert_int_equal(refused, len - 3);
    free(b);
}

static void expect_refused(const unsigned char *hdr, size_t len, const char *msg)
{
    struct events ev;
    struct err e;

    assert_int_equal(parse_split(&ev, hdr, len, 1, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, msg));
    free(ev.data.p);
}

static void item_header(unsigned char out[9], unsigned type, uint64_t len)
{
    size_t i;

    out[0] = (unsigned char)type;
    for (i = 0; i < 8; i++)
        out[1 + i] = (unsigned char)(len >> (8 * i));
}

static void test_bad_types_and_lengths(void **state)
{
    static const unsigned bad_types[] = {0, 4, 255};
    unsigned char h[2 * PAYLOAD_ITEM_HEADERLEN + 2];
    size_t i;

    (void)state;
    for (i = 0; i < 3; i++) {
        item_header(h, bad_types[i], 2);
        expect_refused(h, 9, "unknown item type");
    }
    item_header(h, PAYLOAD_JSON, PAYLOAD_JSON_MAX + 1);
    expect_refused(h, 9, "too long");
    item_header(h, PAYLOAD_ATTACHMENT, PAYLOAD_ATTACHMENT_MAX + 1);
    expect_refused(h, 9, "too long");
    item_header(h, PAYLOAD_BLOB, UINT64_MAX);
    expect_refused(h, 9, "too long");
    item_header(h, PAYLOAD_JSON, 1);
    expect_refused(h, 9, "empty JSON item");
    item_header(h, PAYLOAD_BLOB, 0);
    expect_refused(h, 9, "blob without its attachment header");
    item_header(h, PAYLOAD_ATTACHMENT, 2);
    memcpy(h + 9, "{}", 2);
    expect_refused(h, 11, "attachment header without its blob");
    item_header(h + 11, PAYLOAD_JSON, 2);
    expect_refused(h, 20, "attachment header without its blob");
    item_header(h, PAYLOAD_JSON, PAYLOAD_JSON_MAX);   /* allowed, then cut */
    expect_refused(h, 9, "cut short");
}

static void test_callback_error_stops_parser(void **state)
{
    size_t len;
    unsigned char *b = make_payload(&len, 100);
    struct payload_parser p;
    struct events ev = {0};
    struct err e;

    (void)state;
    ev.fail_on_data = 1;
    payload_parser_init(&p, &cbs, &ev);
    assert_int_equal(payload_parser_feed(&p, b, len, &e), -1);
    assert_string_equal(e.msg, "the receiver is full");
    assert_int_equal(payload_parser_feed(&p, b, 0, &e), -1);
    assert_int_equal(payload_parser_finish(&p, &e), -1);
    free(b);
}

static void test_writer_refuses_misuse(void **state)
{
    struct collect out = {0};
    struct payload_writer pw;
    struct err e;

    (void)state;
    payload_writer_init(&pw, collect_sink, &out);
    assert_int_equal(payload_item_begin(&pw, PAYLOAD_BLOB, 1, &e), -1);
    assert_int_equal(payload_item_begin(&pw, 9, 2, &e), -1);
    assert_int_equal(payload_item_begin(&pw, PAYLOAD_JSON, 4, &e), 0);
    assert_int_equal(payload_item_write(&pw, (const unsigned char *)"{}{}{", 5, &e), -1);
    assert_int_equal(payload_item_write(&pw, (const unsigned char *)"{}", 2, &e), 0);
    assert_int_equal(payload_item_begin(&pw, PAYLOAD_JSON, 2, &e), -1);
    assert_non_null(strstr(e.msg, "2 bytes short"));
    assert_int_equal(payload_writer_finish(&pw, &e), -1);
    assert_int_equal(payload_item_write(&pw, (const unsigned char *)"{}", 2, &e), 0);
    assert_int_equal(payload_item_begin(&pw, PAYLOAD_ATTACHMENT, 2, &e), 0);
    assert_int_equal(payload_item_write(&pw, (const unsigned char *)"{}", 2, &e), 0);
    assert_int_equal(payload_writer_finish(&pw, &e), -1);
    assert_non_null(strstr(e.msg, "without its blob"));
    assert_int_equal(out.len, 9 + 4 + 9 + 2);
    free(out.p);
}

/* The parser sits behind bundle_read() as its sink. */
static void test_through_a_bundle(void **state)
{
    struct party me;
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    unsigned char hash[BUNDLE_HASHBYTES];
    size_t len, blen;
    unsigned char *p = make_payload(&len, 1000), *b;
    struct payload_parser parser;
    struct events ev = {0};
    struct err e;
    int fd;

    (void)state;
    crypto_box_keypair(me.pk, me.sk);
    crypto_sign_keypair(pk, sk);
    b = seal_mem(&blen, p, len, 10, sk, &me, 1, 0, hash);
    fd = mem_fd(b, blen);
    payload_parser_init(&parser, &cbs, &ev);
    assert_int_equal(bundle_read(fd, me.pk, me.sk, payload_parser_sink, &parser,
                                 NULL, &e), 0);
    assert_int_equal(payload_parser_finish(&parser, &e), 0);
    assert_string_equal(ev.log, expected);
    close(fd);
    free(ev.data.p);
    free(b);
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roundtrip_every_split),
        cmocka_unit_test(test_every_truncation),
        cmocka_unit_test(test_bad_types_and_lengths),
        cmocka_unit_test(test_callback_error_stops_parser),
        cmocka_unit_test(test_writer_refuses_misuse),
        cmocka_unit_test(test_through_a_bundle),
    };

    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
