/* export/content.c: bundle content written with content_put_json and a
 * payload writer, read back through a content reader fed whole and one
 * byte at a time; and each refusal of the reader, with its message. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <sodium.h>

#include "crypto/secmem.h"
#include "export/content.h"
#include "export/payload.h"
#include "tests/unit/bundle_helpers.h"
#include "util/text.h"

static const char rid[] = "yanj4hc68xmqjq5f";

/* ---- writing ---- */

struct writer {
    struct payload_writer pw;
    struct collect out;
};

static void writer_init(struct writer *w)
{
    memset(w, 0, sizeof *w);
    payload_writer_init(&w->pw, collect_sink, &w->out);
}

static void put(struct writer *w, unsigned type, json_t *doc)
{
    struct err e;

    assert_non_null(doc);
    if (content_put_json(&w->pw, type, doc, &e) != 0)
        fail_msg("put: %s", e.msg);
    json_decref(doc);
}

/* A header of format; format 3 (CONTENT_FORMAT) with no notices. */
static void put_header(struct writer *w, const char *format)
{
    json_t *h = json_pack("{s:s}", "format", format);

    if (strcmp(format, CONTENT_FORMAT) == 0)
        json_object_set_new(h, "notices", json_array());
    put(w, PAYLOAD_JSON, h);
}

static json_t *consent(void)
{
    return json_pack("{s:b, s:b, s:b, s:b, s:s, s:s, s:n}", "export", 1, "quote", 0,
                     "publish", 0, "attachments", 1, "method", "verbal",
                     "recorded", "2026-01-02T03:04:05Z", "embargo");
}

/* A record as content format 2 writes it (format 1: without subject and
 * consent). */
static json_t *record(const char *id, const char *pseudonym)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:[s], s:[], s:o}", "id", id,
                     "subject", "0000000000000001", "pseudonym", pseudonym,
                     "title", "Border crossing", "date", "2024-03", "body", "Nari spoke.\n",
                     "tags", "border", "attachments", "consent", consent());
}

/* An attachment header for bytes b[0..len) claiming size and file, then the blob. */
static void put_blob(struct writer *w, const char *record_id, const char *file,
                     const unsigned char *b, size_t len, size_t size)
{
    unsigned char hash[32];
    char hex[65];
    struct err e;

    crypto_generichash(hash, sizeof hash, b, len, NULL, 0);
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    put(w, PAYLOAD_ATTACHMENT, json_pack("{s:s, s:s, s:s, s:I, s:s}", "record", record_id,
                                         "file", file, "type", "audio/ogg",
                                         "size", (json_int_t)size, "blake2b", hex));
    if (payload_item_begin(&w->pw, PAYLOAD_BLOB, len, &e) != 0 ||
        payload_item_write(&w->pw, b, len, &e) != 0)
        fail_msg("blob: %s", e.msg);
}

/* ---- reading ---- */

struct seen {
    size_t headers, records, blobs, ends;
    char ids[4][RECORD_ID_CHARS + 1];
    char file[48];
    unsigned char got[32];               /* BLAKE2b of the blob bytes received */
    crypto_generichash_state h;
};

static int on_header(void *ctx, json_t *doc, struct err *e)
{
    (void)doc, (void)e;
    ((struct seen *)ctx)->headers++;
    return 0;
}

static int on_record(void *ctx, json_t *rec, struct err *e)
{
    struct seen *s = ctx;

    (void)e;
    if (s->records < 4)
        snprintf(s->ids[s->records], sizeof s->ids[0], "%s",
                 json_string_value(json_object_get(rec, "id")));
    s->records++;
    return 0;
}

static int on_blob_begin(void *ctx, json_t *head, struct err *e)
{
    struct seen *s = ctx;

    (void)e;
    snprintf(s->file, sizeof s->file, "%s", json_string_value(json_object_get(head, "file")));
    crypto_generichash_init(&s->h, NULL, 0, sizeof s->got);
    s->blobs++;
    return 0;
}

static int on_blob_data(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    (void)e;
    crypto_generichash_update(&((struct seen *)ctx)->h, buf, len);
    return 0;
}

static int on_blob_end(void *ctx, struct err *e)
{
    struct seen *s = ctx;

    (void)e;
    crypto_generichash_final(&s->h, s->got, sizeof s->got);
    s->ends++;
    return 0;
}

/* Feeds the content in pieces of piece bytes; the reader's verdict. */
static int read_back(struct seen *s, const struct collect *c, size_t piece, struct err *e)
{
    struct content_handler h = { on_header, on_record, on_blob_begin, on_blob_data,
                                 on_blob_end, s };
    struct content_reader *r = content_reader_new(&h);
    int rc = 0;

    assert_non_null(r);
    memset(s, 0, sizeof *s);
    for (size_t i = 0; rc == 0 && i < c->len; i += piece)
        rc = content_sink(r, c->p + i, c->len - i < piece ? c->len - i : piece, e);
    if (rc == 0)
        rc = content_finish(r, e);
    content_reader_free(r);
    return rc;
}

static void test_round_trip(void **state)
{
    static unsigned char blob[70000];
    unsigned char want[32];
    struct writer w;
    struct seen s;
    struct err e;

    (void)state;
    randombytes_buf(blob, sizeof blob);
    crypto_generichash(want, sizeof want, blob, sizeof blob, NULL, 0);
    writer_init(&w);
    put_header(&w, CONTENT_FORMAT);
    put(&w, PAYLOAD_JSON, record(rid, "Nari"));
    put_blob(&w, rid, "attachment-1.ogg", blob, sizeof blob, sizeof blob);
    put(&w, PAYLOAD_JSON, record("0123456789abcdef", "Saran"));
    assert_int_equal(payload_writer_finish(&w.pw, &e), 0);
    for (size_t piece = 1; piece <= w.out.len; piece = piece * 7 + 1) {
        if (read_back(&s, &w.out, piece, &e) != 0)
            fail_msg("piece %zu: %s", piece, e.msg);
        assert_int_equal(s.headers, 1);
        assert_int_equal(s.records, 2);
        assert_string_equal(s.ids[0], rid);
        assert_string_equal(s.ids[1], "0123456789abcdef");
        assert_int_equal(s.blobs, 1);
        assert_int_equal(s.ends, 1);
        assert_string_equal(s.file, "attachment-1.ogg");
        assert_memory_equal(s.got, want, sizeof want);
    }
    free(w.out.p);
}

/* A payload whose reading fails with code and message. */
static void expect_refused(struct writer *w, int code, const char *msg)
{
    struct seen s;
    struct err e;

    assert_int_equal(read_back(&s, &w->out, w->out.len + 1, &e), -1);
    assert_int_equal(e.code, code);
    assert_string_equal(e.msg, msg);
    free(w->out.p);
    writer_init(w);
}

static void test_refusals(void **state)
{
    const unsigned char bytes[] = "recording";
    struct writer w;
    json_t *r;
    struct err e;

    (void)state;
    writer_init(&w);
    expect_refused(&w, EXIT_INPUT, "malformed bundle contents: no header");

    put_header(&w, "intake-content-9");
    expect_refused(&w, EXIT_INPUT, "unsupported bundle contents ('intake-content-9'): upgrade intake");

    assert_int_equal(payload_item_begin(&w.pw, PAYLOAD_JSON, 5, &e), 0);
    assert_int_equal(payload_item_write(&w.pw, (const unsigned char *)"{nope", 5, &e), 0);
    expect_refused(&w, EXIT_INPUT, "malformed bundle contents: invalid JSON");

    put_header(&w, CONTENT_FORMAT);
    put(&w, PAYLOAD_JSON, record("YANJ4HC68XMQJQ5F", "Nari"));
    expect_refused(&w, EXIT_INPUT, "malformed bundle contents: a record without a valid id");

    put_header(&w, CONTENT_FORMAT);
    put(&w, PAYLOAD_JSON, record(rid, ""));
    expect_refused(&w, EXIT_INPUT, "malformed bundle contents: an empty pseudonym");

    put_header(&w, CONTENT_FORMAT);
    r = record(rid, "Nari");
    json_object_set_new(r, "body", json_string("a\001b"));
    put(&w, PAYLOAD_JSON, r);
    expect_refused(&w, EXIT_INPUT, "malformed bundle contents: bad field 'body'");

    put_header(&w, CONTENT_FORMAT);
    put_blob(&w, rid, "attachment-1.ogg", bytes, sizeof bytes, sizeof bytes);
    expect_refused(&w, EXIT_INPUT, "malformed bundle contents: an attachment before any record");

    /* Format 2: every record names its subject's stable id and carries its
     * consent scope, each field checked. */
    {
        static const char *const bad_scope[][2] = {
            { "export", "\"yes\"" }, { "quote", "null" }, { "publish", "1" },
            { "attachments", "\"no\"" }, { "method", "\"telepathy\"" }, { "method", "true" },
            { "recorded", "\"\"" }, { "recorded", "\"2026-01-02\\n\"" }, { "recorded", "null" },
            { "embargo", "\"2026-1-2\"" }, { "embargo", "\"tomorrow!!\"" }, { "embargo", "20260102" },
            { "withdrawn", "\"2026-01-02\"" },
        };
        static const char *const bad_subject[] = { NULL, "Nari", "0000000000000I01", "" };
        json_t *c;

        for (size_t i = 0; i < sizeof bad_subject / sizeof bad_subject[0]; i++) {
            put_header(&w, CONTENT_FORMAT);
            r = record(rid, "Nari");
            if (bad_subject[i] == NULL)
                json_object_del(r, "subject");
            else
                json_object_set_new(r, "subject", json_string(bad_subject[i]));
            put(&w, PAYLOAD_JSON, r);
            expect_refused(&w, EXIT_INPUT, "malformed bundle contents: a record without a valid subject id");
        }
        put_header(&w, CONTENT_FORMAT);
        r = record(rid, "Nari");
        json_object_del(r, "consent");
        put(&w, PAYLOAD_JSON, r);
        expect_refused(&w, EXIT_INPUT, "malformed bundle contents: a record without its consent scope");
        put_header(&w, CONTENT_FORMAT);
        r = record(rid, "Nari");
        json_object_del(json_object_get(r, "consent"), "embargo");
        put(&w, PAYLOAD_JSON, r);
        expect_refused(&w, EXIT_INPUT, "malformed bundle contents: a record without its consent scope");
        for (size_t i = 0; i < sizeof bad_scope / sizeof bad_scope[0]; i++) {
            put_header(&w, CONTENT_FORMAT);
            r = record(rid, "Nari");
            c = json_object_get(r, "consent");
            if (strcmp(bad_scope[i][0], "withdrawn") == 0)
                json_object_del(c, "embargo");
            json_object_set_new(c, bad_scope[i][0], json_loads(bad_scope[i][1], JSON_DECODE_ANY, NULL));
            put(&w, PAYLOAD_JSON, r);
            expect_refused(&w, EXIT_INPUT, "malformed bundle contents: a bad consent scope");
        }
    }
    /* Format 1 (still read) had neither. */
    put_header(&w, CONTENT_FORMAT_1);
    r = record(rid, "Nari");
    json_object_del(r, "subject");
    json_object_del(r, "consent");
    put(&w, PAYLOAD_JSON, r);
    {
        struct seen got;
        struct err err;

        assert_int_equal(payload_writer_finish(&w.pw, &err), 0);
        if (read_back(&got, &w.out, w.out.len + 1, &err) != 0)
            fail_msg("format 1: %s", err.msg);
        assert_int_equal(got.records, 1);
        free(w.out.p);
        writer_init(&w);
    }

    put_header(&w, CONTENT_FORMAT);
    put(&w, PAYLOAD_JSON, record(rid, "Nari"));
    put_blob(&w, "0123456789abcdef", "attachment-1.ogg", bytes, sizeof bytes, sizeof bytes);
    expect_refused(&w, EXIT_INPUT, "malformed bundle contents: an attachment that belongs to no record");

    put_header(&w, CONTENT_FORMAT);
    put(&w, PAYLOAD_JSON, record(rid, "Nari"));
    put_blob(&w, rid, "memo.ogg", bytes, sizeof bytes, sizeof bytes);
    expect_refused(&w, EXIT_INPUT, "malformed bundle contents: a bad attachment name or type");

    put_header(&w, CONTENT_FORMAT);
    put(&w, PAYLOAD_JSON, record(rid, "Nari"));
    put_blob(&w, rid, "attachment-1.ogg", bytes, sizeof bytes, sizeof bytes + 1);
    expect_refused(&w, EXIT_INPUT, "malformed bundle contents: an attachment whose size differs from its header");

    /* The bundle authenticates blob bytes (export/bundle.h); the content
     * reader does not hash them again: an altered blob reaches the handler. */
    put_header(&w, CONTENT_FORMAT);
    put(&w, PAYLOAD_JSON, record(rid, "Nari"));
    put_blob(&w, rid, "attachment-1.ogg", bytes, sizeof bytes, sizeof bytes);
    w.out.p[w.out.len - 1] ^= 1;
    {
        struct seen got;
        struct err err;

        assert_int_equal(read_back(&got, &w.out, w.out.len + 1, &err), 0);
        assert_int_equal(got.ends, 1);
    }
    free(w.out.p);
}

/* A record's optional "revision" (a relay's redaction of its version,
 * adv17b E-9; docs/FORMAT.md "Record"): 1..CONTENT_VERSION_MAX is
 * accepted, and absent is 0; anything else is malformed. A reader older
 * than the field ignores it as it ignores any key of a record it does not
 * know: an unknown key is accepted here too. */
static void test_revision(void **state)
{
    static const char *const good[] = { "1", "7", "2147483647" };
    static const char *const bad_rev[] = { "0", "-1", "2147483648", "\"2\"", "1.5", "null",
                                           "true" };
    struct writer w;
    struct seen got;
    struct err e;
    json_t *r;

    (void)state;
    writer_init(&w);
    for (size_t i = 0; i < sizeof good / sizeof good[0] + 1; i++) {
        put_header(&w, CONTENT_FORMAT);
        r = record(rid, "Nari");
        if (i < sizeof good / sizeof good[0])
            json_object_set_new(r, "revision", json_loads(good[i], JSON_DECODE_ANY, NULL));
        else
            json_object_set_new(r, "a_key_of_a_later_format", json_integer(3));
        put(&w, PAYLOAD_JSON, r);
        assert_int_equal(payload_writer_finish(&w.pw, &e), 0);
        if (read_back(&got, &w.out, w.out.len + 1, &e) != 0)
            fail_msg("revision %zu: %s", i, e.msg);
        assert_int_equal(got.records, 1);
        free(w.out.p);
        writer_init(&w);
    }
    for (size_t i = 0; i < sizeof bad_rev / sizeof bad_rev[0]; i++) {
        put_header(&w, CONTENT_FORMAT);
        r = record(rid, "Nari");
        json_object_set_new(r, "revision", json_loads(bad_rev[i], JSON_DECODE_ANY, NULL));
        put(&w, PAYLOAD_JSON, r);
        expect_refused(&w, EXIT_INPUT, "malformed bundle contents: a bad record revision");
    }
    free(w.out.p);
}

/* A refusal is kept until content_finish(): every content_sink() call
 * returns 0 (so the bundle reader goes on to the signature), nothing after
 * the refusal reaches the handler, and the first refusal is the one
 * reported (docs/FORMAT.md, "Reader, in this order", step 7). */
static void test_refusal_waits(void **state)
{
    struct writer w;
    struct seen s;
    struct err e;
    struct content_handler h = { on_header, on_record, on_blob_begin, on_blob_data,
                                 on_blob_end, &s };
    struct content_reader *r;

    (void)state;
    writer_init(&w);
    put_header(&w, CONTENT_FORMAT);
    put(&w, PAYLOAD_JSON, record("YANJ4HC68XMQJQ5F", "Nari"));   /* refused */
    put(&w, PAYLOAD_JSON, record(rid, "Nari"));                  /* valid, after it */
    assert_int_equal(payload_item_begin(&w.pw, 9, 1, &e), -1);  /* the writer refuses type 9 */
    memset(&s, 0, sizeof s);
    r = content_reader_new(&h);
    assert_non_null(r);
    for (size_t i = 0; i < w.out.len; i++)
        assert_int_equal(content_sink(r, w.out.p + i, 1, &e), 0);
    assert_int_equal(content_sink(r, (const unsigned char *)"\x09garbage", 8, &e), 0);
    assert_int_equal(s.headers, 1);
    assert_int_equal(s.records, 0);
    assert_int_equal(content_finish(r, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "malformed bundle contents: a record without a valid id");
    content_reader_free(r);
    free(w.out.p);
}

/* Format 3's notices (issue 16): each rule refused alone; formats 1 and 2
 * are read without them. */
static void test_notices(void **state)
{
    static const char *const bad[] = {
        "[{\"kind\":\"erasure\",\"subject\":\"fedcba9876543210\",\"record\":null,\"day\":\"2026-01-02\"}]",
        "[{\"kind\":\"deletion\",\"subject\":\"Nari\",\"record\":null,\"day\":\"2026-01-02\"}]",
        "[{\"kind\":\"deletion\",\"subject\":\"fedcba9876543210\",\"record\":\"0123\",\"day\":\"2026-01-02\"}]",
        "[{\"kind\":\"deletion\",\"subject\":\"fedcba9876543210\",\"record\":null,\"day\":\"2026-1-2\"}]",
        "[{\"kind\":\"deletion\",\"subject\":\"fedcba9876543210\",\"record\":null}]",
        "[{\"kind\":\"deletion\",\"subject\":\"fedcba9876543210\",\"record\":null,\"day\":\"2026-01-02\",\"name\":\"Kim\"}]",
        "[\"withdrawal\"]",
    };
    json_t *ok = json_loads("[{\"kind\":\"withdrawal\",\"subject\":\"fedcba9876543210\","
                            "\"record\":null,\"day\":\"2026-01-02\"},{\"kind\":\"deletion\","
                            "\"subject\":\"fedcba9876543210\",\"record\":\"0123456789abcdef\","
                            "\"day\":\"2026-01-03\"}]", 0, NULL);
    struct writer w;
    struct err e;

    (void)state;
    assert_non_null(ok);
    assert_int_equal(content_check_notices(ok, 3, &e), 0);
    assert_int_equal(content_check_notices(ok, 4, &e), 0);
    json_decref(ok);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_t *n = json_loads(bad[i], 0, NULL);
        assert_non_null(n);
        assert_int_equal(content_check_notices(n, 3, &e), -1);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_string_equal(e.msg, "malformed bundle contents: a bad notice");
        assert_int_equal(content_check_notices(n, 4, &e), -1);
        json_decref(n);
    }
    assert_int_equal(content_check_notices(NULL, 3, &e), -1);
    assert_string_equal(e.msg, "malformed bundle contents: a header without its notices");
    /* A format 3 header without notices is refused by the reader. */
    writer_init(&w);
    put(&w, PAYLOAD_JSON, json_pack("{s:s}", "format", CONTENT_FORMAT));
    expect_refused(&w, EXIT_INPUT, "malformed bundle contents: a header without its notices");
    free(w.out.p);
}

/* Format 4 (issue 16): a notice of a changed consent scope carries the
 * scope; format 3 refuses the kind. */
static void test_scope_notices(void **state)
{
#define SCOPE "{\"export\":true,\"quote\":false,\"publish\":false,\"attachments\":false," \
              "\"method\":\"written\",\"recorded\":\"2026-01-02T03:04:05Z\",\"embargo\":\"2030-01-01\"}"
    static const char *const bad[] = {
        /* a record id, no scope, a bad scope, another member */
        "[{\"kind\":\"scope\",\"subject\":\"fedcba9876543210\",\"record\":\"0123456789abcdef\",\"day\":\"2026-01-02\",\"scope\":" SCOPE "}]",
        "[{\"kind\":\"scope\",\"subject\":\"fedcba9876543210\",\"record\":null,\"day\":\"2026-01-02\"}]",
        "[{\"kind\":\"scope\",\"subject\":\"fedcba9876543210\",\"record\":null,\"day\":\"2026-01-02\",\"scope\":{\"export\":true}}]",
        "[{\"kind\":\"withdrawal\",\"subject\":\"fedcba9876543210\",\"record\":null,\"day\":\"2026-01-02\",\"scope\":" SCOPE "}]",
        "[{\"kind\":\"scope\",\"subject\":\"fedcba98765432\",\"record\":null,\"day\":\"2026-01-02\",\"scope\":" SCOPE "}]",
    };
    json_t *ok = json_loads("[{\"kind\":\"scope\",\"subject\":\"fedcba9876543210\","
                            "\"record\":null,\"day\":\"2026-01-02\",\"scope\":" SCOPE "}]", 0, NULL);
    struct err e;

    (void)state;
    assert_non_null(ok);
    assert_int_equal(content_check_notices(ok, 4, &e), 0);
    assert_int_equal(content_check_notices(ok, 3, &e), -1);
    assert_string_equal(e.msg, "malformed bundle contents: a bad notice");
    json_decref(ok);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_t *n = json_loads(bad[i], 0, NULL);
        assert_non_null(n);
        assert_int_equal(content_check_notices(n, 4, &e), -1);
        assert_string_equal(e.msg, "malformed bundle contents: a bad notice");
        json_decref(n);
    }
    ok = json_pack("{s:s}", "format", CONTENT_FORMAT_4);
    assert_int_equal(content_format(ok), 4);
    json_decref(ok);
#undef SCOPE
}

/* Format 5 (issue 16): a re-consent carries its round and scope; a
 * withdrawal may carry its round; formats 3 and 4 refuse both. */
static void test_reconsent_notices(void **state)
{
#define SCOPE "{\"export\":true,\"quote\":false,\"publish\":false,\"attachments\":false," \
              "\"method\":\"written\",\"recorded\":\"2026-01-02T03:04:05Z\",\"embargo\":null}"
#define HASH "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define N(kind, rest) "[{\"kind\":\"" kind "\",\"subject\":\"fedcba9876543210\",\"day\":\"2026-01-02\"" rest "}]"
    static const char *const good[] = {
        N("reconsent", ",\"record\":null,\"round\":1,\"scope\":" SCOPE),
        N("reconsent", ",\"record\":null,\"round\":2147483647,\"scope\":" SCOPE),
        N("withdrawal", ",\"record\":null,\"round\":2"),
        N("removal", ",\"record\":\"0123456789abcdef\",\"attachment\":\"" HASH "\""),
    };
    static const char *const bad[] = {
        /* no round, round 0, too big, not an integer, no scope, a record id */
        N("reconsent", ",\"record\":null,\"scope\":" SCOPE),
        N("reconsent", ",\"record\":null,\"round\":0,\"scope\":" SCOPE),
        N("reconsent", ",\"record\":null,\"round\":2147483648,\"scope\":" SCOPE),
        N("reconsent", ",\"record\":null,\"round\":\"1\",\"scope\":" SCOPE),
        N("reconsent", ",\"record\":null,\"round\":1"),
        N("reconsent", ",\"record\":\"0123456789abcdef\",\"round\":1,\"scope\":" SCOPE),
        /* a withdrawal's round with a record, a deletion's round, a scope's */
        N("withdrawal", ",\"record\":\"0123456789abcdef\",\"round\":2"),
        N("deletion", ",\"record\":null,\"round\":2"),
        N("scope", ",\"record\":null,\"round\":2,\"scope\":" SCOPE),
        /* a removal without a record, without a hash, upper case, short */
        N("removal", ",\"record\":null,\"attachment\":\"" HASH "\""),
        N("removal", ",\"record\":\"0123456789abcdef\""),
        N("removal", ",\"record\":\"0123456789abcdef\",\"attachment\":\"" "AB" HASH "\""),
        N("removal", ",\"record\":\"0123456789abcdef\",\"attachment\":\"abc\""),
    };
    struct err e;
    json_t *f;

    (void)state;
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        json_t *n = json_loads(good[i], 0, NULL);
        assert_non_null(n);
        assert_int_equal(content_check_notices(n, 5, &e), 0);
        assert_int_equal(content_check_notices(n, 4, &e), -1);
        assert_string_equal(e.msg, "malformed bundle contents: a bad notice");
        json_decref(n);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_t *n = json_loads(bad[i], 0, NULL);
        assert_non_null(n);
        assert_int_equal(content_check_notices(n, 5, &e), -1);
        assert_string_equal(e.msg, "malformed bundle contents: a bad notice");
        json_decref(n);
    }
    f = json_pack("{s:s}", "format", CONTENT_FORMAT_5);
    assert_int_equal(content_format(f), 5);
    json_decref(f);
#undef N
#undef HASH
#undef SCOPE
}

/* Format 6 (issue 16 A1): a consent scope may carry its subject's
 * counter "seq", an integer 1..2147483647; before format 6 it is a bad
 * scope, and so is any other value. */
static void test_consent_seq(void **state)
{
#define BASE "\"export\":true,\"quote\":false,\"publish\":false,\"attachments\":false," \
             "\"method\":null,\"recorded\":\"2026-01-02T03:04:05Z\",\"embargo\":null"
    static const char *const bad[] = {
        "{" BASE ",\"seq\":0}", "{" BASE ",\"seq\":2147483648}", "{" BASE ",\"seq\":\"1\"}",
        "{" BASE ",\"seq\":true}", "{" BASE ",\"seq\":1.5}", "{" BASE ",\"seq\":null}",
    };
    json_t *c = json_loads("{" BASE ",\"seq\":2147483647}", 0, NULL), *f;
    struct err e;

    (void)state;
    assert_non_null(c);
    assert_int_equal(content_check_consent(c, 6, &e), 0);
    assert_int_equal(content_check_consent(c, 5, &e), -1);
    assert_string_equal(e.msg, "malformed bundle contents: a bad consent scope");
    json_decref(c);
    c = json_loads("{" BASE "}", 0, NULL);
    assert_int_equal(content_check_consent(c, 6, &e), 0);     /* optional */
    json_decref(c);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        c = json_loads(bad[i], 0, NULL);
        assert_non_null(c);
        assert_int_equal(content_check_consent(c, 6, &e), -1);
        json_decref(c);
    }
    f = json_pack("{s:s}", "format", CONTENT_FORMAT_6);
    assert_int_equal(content_format(f), 6);
    json_decref(f);
#undef BASE
}

static void test_valid_id(void **state)
{
    (void)state;
    assert_int_equal(content_valid_id(rid), 1);
    assert_int_equal(content_valid_id("0123456789abcdef"), 1);
    assert_int_equal(content_valid_id("yanj4hc68xmqjq5"), 0);      /* 15 */
    assert_int_equal(content_valid_id("yanj4hc68xmqjq5ff"), 0);    /* 17 */
    assert_int_equal(content_valid_id("Yanj4hc68xmqjq5f"), 0);
    /* Crockford base32 leaves out i, l, o and u. */
    assert_int_equal(content_valid_id("ianj4hc68xmqjq5f"), 0);
    assert_int_equal(content_valid_id("lanj4hc68xmqjq5f"), 0);
    assert_int_equal(content_valid_id("oanj4hc68xmqjq5f"), 0);
    assert_int_equal(content_valid_id("uanj4hc68xmqjq5f"), 0);
    assert_int_equal(content_valid_id(""), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_revision),
        cmocka_unit_test(test_refusal_waits),
        cmocka_unit_test(test_notices),
        cmocka_unit_test(test_scope_notices),
        cmocka_unit_test(test_reconsent_notices),
        cmocka_unit_test(test_consent_seq),
        cmocka_unit_test(test_valid_id),
    };
    if (sodium_init() < 0)
        return 1;
    /* As the CLI does: content.c frees jansson's strings with it. */
    json_set_alloc_funcs(secmem_wipe_malloc, secmem_wipe_free);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
