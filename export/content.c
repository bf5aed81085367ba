/* Bundle content: JSON items for the header and each record, attachment
 * headers and blobs; the reader checks every field it hands over. */
#include "export/content.h"

#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "util/text.h"

int content_put_json(struct payload_writer *pw, unsigned type, const json_t *doc,
                     struct err *e)
{
    char *text = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
    size_t len;
    int rc;

    if (text == NULL)
        return err_set(e, EXIT_INPUT, "out of memory for the bundle contents");
    len = strlen(text);
    rc = payload_item_begin(pw, type, len, e) == 0 &&
         payload_item_write(pw, (const unsigned char *)text, len, e) == 0 ? 0 : -1;
    secmem_wipe_free(text);
    return rc;
}

struct content_reader {
    struct payload_parser parser;
    struct content_handler h;
    unsigned char *doc;                  /* the JSON item being collected */
    size_t doclen, have;
    int seen_header;
    int format;                          /* 1, 2 or 3, from the header */
    char record[RECORD_ID_CHARS + 1];    /* the last record's id */
    uint64_t blob_size;                  /* from the attachment header */
    int failed;                          /* the first refusal is in err */
    struct err err;
};

static int bad(struct err *e, const char *what)
{
    return err_set(e, EXIT_INPUT, "malformed bundle contents: %s", what);
}

int content_valid_id(const char *id)
{
    static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";

    if (id == NULL || strlen(id) != RECORD_ID_CHARS)
        return 0;
    for (const char *p = id; *p; p++)
        if (strchr(alphabet, *p) == NULL)
            return 0;
    return 1;
}

/* A string member of at most max bytes of plain text; NULL allowed if optional. */
static int str_field(json_t *o, const char *key, size_t max, int multiline, int optional,
                     struct err *e)
{
    json_t *v = json_object_get(o, key);

    if ((v == NULL || json_is_null(v)) && optional)
        return 0;
    if (!json_is_string(v) || json_string_length(v) > max ||
        text_check(json_string_value(v), json_string_length(v), multiline, key, e) != 0)
        return err_set(e, EXIT_INPUT, "malformed bundle contents: bad field '%s'", key);
    return 0;
}

int content_format(const json_t *header)
{
    const char *f = json_string_value(json_object_get(header, "format"));

    if (f == NULL)
        return 0;
    return strcmp(f, CONTENT_FORMAT_7) == 0 ? 7 : strcmp(f, CONTENT_FORMAT_6) == 0 ? 6
           : strcmp(f, CONTENT_FORMAT_5) == 0 ? 5 : strcmp(f, CONTENT_FORMAT_4) == 0 ? 4
           : strcmp(f, CONTENT_FORMAT) == 0 ? 3
           : strcmp(f, CONTENT_FORMAT_2) == 0 ? 2
           : strcmp(f, CONTENT_FORMAT_1) == 0 ? 1 : 0;
}

static int printable(const char *s, size_t min, size_t max)
{
    size_t n = s != NULL ? strlen(s) : 0;

    if (s == NULL || n < min || n > max)
        return 0;
    for (; *s; s++)
        if (*s < 0x20 || *s > 0x7e)
            return 0;
    return 1;
}

static int valid_day(const char *d)
{
    static const char shape[] = "dddd-dd-dd";

    if (d == NULL || strlen(d) != 10)
        return 0;
    for (size_t i = 0; i < 10; i++)
        if (shape[i] == 'd' ? (d[i] < '0' || d[i] > '9') : d[i] != '-')
            return 0;
    return 1;
}

int content_check_consent(const json_t *c, int format, struct err *e)
{
    static const char *const flags[] = { "export", "quote", "publish", "attachments" };
    const json_t *method = json_object_get(c, "method"), *embargo = json_object_get(c, "embargo");
    const json_t *seq = json_object_get(c, "seq");
    const char *m = json_string_value(method);

    /* format 6: the subject's counter, optional (a scope carried from a
     * bundle before it has none) */
    if (seq != NULL && (format < 6 || !json_is_integer(seq) || json_integer_value(seq) < 1 ||
                        json_integer_value(seq) > CONTENT_VERSION_MAX))
        return bad(e, "a bad consent scope");
    if (!json_is_object(c) || json_object_size(c) != 7u + (seq != NULL))
        return bad(e, "a record without its consent scope");
    for (size_t i = 0; i < 4; i++)
        if (!json_is_boolean(json_object_get(c, flags[i])))
            return bad(e, "a bad consent scope");
    if (!(json_is_null(method) || (m != NULL && (strcmp(m, "verbal") == 0 ||
          strcmp(m, "written") == 0 || strcmp(m, "recorded") == 0))) ||
        !printable(json_string_value(json_object_get(c, "recorded")), 1, 31) ||
        !(json_is_null(embargo) || valid_day(json_string_value(embargo))))
        return bad(e, "a bad consent scope");
    return 0;
}

/* 1 if h is 64 lowercase hex digits (a BLAKE2b-256 hash). */
static int valid_hash(const char *h)
{
    if (h == NULL || strlen(h) != 64)
        return 0;
    for (; *h; h++)
        if (!((*h >= '0' && *h <= '9') || (*h >= 'a' && *h <= 'f')))
            return 0;
    return 1;
}

/* 1 if n's "round" is absent (allowed: not required) or an integer
 * 1..2147483647 (docs/FORMAT.md, content format 5). */
static int valid_round(const json_t *n, int required)
{
    const json_t *r = json_object_get(n, "round");

    if (r == NULL)
        return !required;
    return json_is_integer(r) && json_integer_value(r) >= 1 &&
           json_integer_value(r) <= 2147483647;
}

/* 1 if n's "origin" is absent, or (format 7, any notice passed on: a
 * withdrawal, deletion, re-consent, scope or removal: kind_ok) an object of "key" (64 lowercase hex digits: a
 * signing key) and "subject" (a stable subject id), and, only when
 * rounds (a withdrawal whose record is null, or a re-consent),
 * optionally "round" (the origin's round: an integer 1..2147483647),
 * nothing else. */
static int valid_origin(const json_t *n, int format, int kind_ok, int rounds)
{
    const json_t *o = json_object_get(n, "origin");
    int round = json_object_get(o, "round") != NULL;

    if (o == NULL)
        return 1;
    return format >= 7 && kind_ok && json_is_object(o) &&
           json_object_size(o) == 2u + (size_t)round && (!round || rounds) &&
           valid_round(o, 0) &&
           valid_hash(json_string_value(json_object_get(o, "key"))) &&
           content_valid_id(json_string_value(json_object_get(o, "subject")));
}

int content_check_notices(const json_t *notices, int format, struct err *e)
{
    size_t i;
    json_t *n;

    if (!json_is_array(notices) || json_array_size(notices) > CONTENT_NOTICES_MAX)
        return bad(e, "a header without its notices");
    json_array_foreach(notices, i, n) {
        const char *kind = json_string_value(json_object_get(n, "kind"));
        const char *subject = json_string_value(json_object_get(n, "subject"));
        const json_t *record = json_object_get(n, "record");
        int scope = format >= 4 && kind != NULL && strcmp(kind, "scope") == 0;
        int reconsent = format >= 5 && kind != NULL && strcmp(kind, "reconsent") == 0;
        int withdrawal = kind != NULL && strcmp(kind, "withdrawal") == 0;
        int removal = format >= 5 && kind != NULL && strcmp(kind, "removal") == 0;
        const char *att = json_string_value(json_object_get(n, "attachment"));
        /* format 5: a withdrawal may carry its round, a re-consent must */
        int round = (format >= 5 && withdrawal && json_object_get(n, "round") != NULL) || reconsent;
        int deletion = kind != NULL && strcmp(kind, "deletion") == 0;
        /* format 7: every notice passed on names its origin (issue 16 B-10) */
        int origin = json_object_get(n, "origin") != NULL;
        size_t members = 4u + (scope || reconsent) + (size_t)round + (size_t)removal +
                         (size_t)origin;

        if ((scope || reconsent) &&
            (!json_is_null(record) ||
             content_check_consent(json_object_get(n, "scope"), format, NULL) != 0))
            return bad(e, "a bad notice");
        if (round && (!valid_round(n, 1) || !json_is_null(record)))
            return bad(e, "a bad notice");
        /* format 5: a removal names a record and the attachment's hash */
        if (removal && (!json_is_string(record) || !valid_hash(att)))
            return bad(e, "a bad notice");
        if (!valid_origin(n, format, withdrawal || deletion || reconsent || scope || removal,
                          (withdrawal && json_is_null(record)) || reconsent))
            return bad(e, "a bad notice");
        if (!json_is_object(n) || json_object_size(n) != members || kind == NULL ||
            (!scope && !reconsent && !withdrawal && !removal && !deletion) ||
            subject == NULL || !content_valid_id(subject) ||
            !(json_is_null(record) || (json_is_string(record) &&
                                       content_valid_id(json_string_value(record)))) ||
            !valid_day(json_string_value(json_object_get(n, "day"))))
            return bad(e, "a bad notice");
    }
    return 0;
}

static int check_record(json_t *r, int format, struct err *e)
{
    json_t *tags = json_object_get(r, "tags"), *att = json_object_get(r, "attachments");
    json_t *v;
    size_t i;

    if (!json_is_object(r) || !json_is_string(json_object_get(r, "id")) ||
        !content_valid_id(json_string_value(json_object_get(r, "id"))))
        return bad(e, "a record without a valid id");
    if (str_field(r, "pseudonym", 256, 0, 0, e) != 0 || str_field(r, "title", TEXT_FIELD_MAX, 0, 0, e) != 0 ||
        str_field(r, "place", TEXT_FIELD_MAX, 0, 1, e) != 0 || str_field(r, "language", 64, 0, 1, e) != 0 ||
        str_field(r, "date", 10, 0, 0, e) != 0 || str_field(r, "body", BODY_MAX, 1, 0, e) != 0)
        return -1;
    if (json_string_length(json_object_get(r, "pseudonym")) == 0)
        return bad(e, "an empty pseudonym");
    if (format >= 2 && (!json_is_string(json_object_get(r, "subject")) ||
                        !content_valid_id(json_string_value(json_object_get(r, "subject")))))
        return bad(e, "a record without a valid subject id");
    if (format >= 2 && content_check_consent(json_object_get(r, "consent"), format, e) != 0)
        return -1;
    /* format 7: a record passed on names its origin (issue 16 C-4) */
    if (json_object_get(r, "origin") != NULL &&
        (json_object_get(json_object_get(r, "origin"), "round") != NULL ||
         !valid_origin(r, format, 1, 0)))
        return bad(e, "a bad record origin");
    /* The record's version (issue 15); absent in older bundles: 1. */
    v = json_object_get(r, "version");
    if (v != NULL && (!json_is_integer(v) || json_integer_value(v) < 1 ||
                      json_integer_value(v) > CONTENT_VERSION_MAX))
        return bad(e, "a bad record version");
    /* A relay's redaction of that version (adv17b E-9); absent: 0. */
    v = json_object_get(r, "revision");
    if (v != NULL && (!json_is_integer(v) || json_integer_value(v) < 1 ||
                      json_integer_value(v) > CONTENT_VERSION_MAX))
        return bad(e, "a bad record revision");
    if (!json_is_array(tags) || json_array_size(tags) > 64 || !json_is_array(att))
        return bad(e, "bad tags or attachments");
    json_array_foreach(tags, i, v)
        if (!json_is_string(v) || json_string_length(v) == 0 || json_string_length(v) > 256 ||
            text_check(json_string_value(v), json_string_length(v), 0, "tag", e) != 0)
            return bad(e, "a bad tag");
    return 0;
}

/* The file name open gives an attachment: attachment-N[.ext], nothing else. */
static int valid_file(const char *f)
{
    size_t i = 0, n = strlen(f);

    if (n > 40 || strncmp(f, "attachment-", 11) != 0)
        return 0;
    for (i = 11; i < n && f[i] >= '0' && f[i] <= '9'; i++)
        ;
    if (i == 11)
        return 0;
    if (i == n)
        return 1;
    if (f[i++] != '.' || i == n)
        return 0;
    for (; i < n; i++)
        if (!((f[i] >= 'a' && f[i] <= 'z') || (f[i] >= '0' && f[i] <= '9')))
            return 0;
    return 1;
}

static int check_attachment(struct content_reader *r, json_t *a, struct err *e)
{
    json_t *size = json_object_get(a, "size");
    const char *rec = json_string_value(json_object_get(a, "record"));
    const char *file = json_string_value(json_object_get(a, "file"));
    const char *hex = json_string_value(json_object_get(a, "blake2b"));
    unsigned char hash[32];
    size_t hl = 0;

    if (!json_is_object(a) || rec == NULL || strcmp(rec, r->record) != 0)
        return bad(e, "an attachment that belongs to no record");
    if (file == NULL || !valid_file(file) || str_field(a, "type", 127, 0, 0, e) != 0)
        return bad(e, "a bad attachment name or type");
    if (!json_is_integer(size) || json_integer_value(size) < 0 || hex == NULL ||
        strlen(hex) != 64 ||
        sodium_hex2bin(hash, sizeof hash, hex, 64, NULL, &hl, NULL) != 0 ||
        hl != sizeof hash)
        return bad(e, "a bad attachment size or hash");
    r->blob_size = (uint64_t)json_integer_value(size);
    return 0;
}

static int on_begin(void *ctx, unsigned type, uint64_t len, struct err *e)
{
    struct content_reader *r = ctx;

    if (type == PAYLOAD_BLOB) {
        if (len != r->blob_size)
            return bad(e, "an attachment whose size differs from its header");
        return 0;
    }
    if (type == PAYLOAD_ATTACHMENT && r->record[0] == '\0')
        return bad(e, "an attachment before any record");
    r->doc = secmem_wipe_malloc((size_t)len + 1);
    if (r->doc == NULL)
        return err_set(e, EXIT_INPUT, "out of memory for the bundle contents");
    r->doclen = (size_t)len;
    r->have = 0;
    return 0;
}

static int on_data(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct content_reader *r = ctx;

    if (r->doc == NULL)
        return r->h.blob_data != NULL ? r->h.blob_data(r->h.ctx, buf, len, e) : 0;
    memcpy(r->doc + r->have, buf, len);
    r->have += len;
    return 0;
}

static int doc_end(struct content_reader *r, unsigned type, struct err *e)
{
    json_error_t je;
    json_t *doc = json_loadb((const char *)r->doc, r->doclen, JSON_REJECT_DUPLICATES, &je);
    int rc;

    secmem_wipe_free(r->doc);
    r->doc = NULL;
    if (doc == NULL)
        return bad(e, "invalid JSON");
    if (type == PAYLOAD_ATTACHMENT) {
        rc = check_attachment(r, doc, e);
        if (rc == 0 && r->h.blob_begin != NULL)
            rc = r->h.blob_begin(r->h.ctx, doc, e);
    } else if (!r->seen_header) {
        const char *f = json_string_value(json_object_get(doc, "format"));
        r->seen_header = 1;
        r->format = content_format(doc);
        rc = r->format == 0
             ? err_set(e, EXIT_INPUT, "unsupported bundle contents ('%.64s'): upgrade intake",
                       f != NULL ? f : "no format")
             : r->format >= 3 && content_check_notices(json_object_get(doc, "notices"), r->format, e) != 0
             ? -1 : r->h.header != NULL ? r->h.header(r->h.ctx, doc, e) : 0;
    } else {
        rc = check_record(doc, r->format, e);
        if (rc == 0)
            snprintf(r->record, sizeof r->record, "%s",
                     json_string_value(json_object_get(doc, "id")));
        if (rc == 0 && r->h.record != NULL)
            rc = r->h.record(r->h.ctx, doc, e);
    }
    json_decref(doc);
    return rc;
}

static int on_end(void *ctx, unsigned type, struct err *e)
{
    struct content_reader *r = ctx;

    /* The blob's bytes are authenticated by the bundle (every byte signed
     * in version 3; checked against this item's hash in version 2, by
     * export/bundle_v2.c): not hashed again here (docs/FORMAT.md). */
    if (type != PAYLOAD_BLOB)
        return doc_end(r, type, e);
    return r->h.blob_end != NULL ? r->h.blob_end(r->h.ctx, e) : 0;
}

static const struct payload_callbacks callbacks = { on_begin, on_data, on_end };

struct content_reader *content_reader_new(const struct content_handler *h)
{
    struct content_reader *r = secmem_wipe_malloc(sizeof *r);

    if (r == NULL)
        return NULL;
    memset(r, 0, sizeof *r);
    r->h = *h;
    payload_parser_init(&r->parser, &callbacks, r);
    return r;
}

/* A refusal is kept, not returned: the bundle reader goes on to the
 * signature, so a bundle that fails authentication says so whatever its
 * content holds (docs/FORMAT.md, "Reader, in this order"); what follows
 * the refusal is not parsed. */
int content_sink(void *reader, const unsigned char *buf, size_t len, struct err *e)
{
    struct content_reader *r = reader;

    (void)e;
    if (r->failed)
        return 0;
    if (payload_parser_feed(&r->parser, buf, len, &r->err) != 0)
        r->failed = 1;
    return 0;
}

int content_finish(struct content_reader *r, struct err *e)
{
    if (r->failed) {
        if (e != NULL)
            *e = r->err;
        return -1;
    }
    if (payload_parser_finish(&r->parser, e) != 0)
        return -1;
    if (!r->seen_header)
        return bad(e, "no header");
    return 0;
}

void content_reader_free(struct content_reader *r)
{
    if (r == NULL)
        return;
    secmem_wipe_free(r->doc);
    secmem_wipe_free(r);
}
