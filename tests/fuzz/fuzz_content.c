/* libFuzzer: any bytes as decrypted bundle content for the content reader
 * (JSON header and records, attachment headers, blobs), split at a point
 * taken from the first byte, with blob hashes checked. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <jansson.h>

#include "export/content.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
    int header, open;
    uint64_t blob;
};

static int on_header(void *ctx, json_t *doc, struct err *e)
{
    struct seen *s = ctx;

    (void)e;
    if (s->header++ || !json_is_object(doc))
        abort();
    return 0;
}

static int on_record(void *ctx, json_t *rec, struct err *e)
{
    struct seen *s = ctx;

    (void)e;
    if (!s->header || s->open || !json_is_string(json_object_get(rec, "id")))
        abort();
    return 0;
}

static int on_blob_begin(void *ctx, json_t *head, struct err *e)
{
    struct seen *s = ctx;

    (void)e;
    if (s->open || !json_is_string(json_object_get(head, "file")))
        abort();
    s->open = 1;
    return 0;
}

static int on_blob_data(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct seen *s = ctx;

    (void)buf;
    (void)e;
    if (!s->open)
        abort();
    s->blob += len;
    return 0;
}

static int on_blob_end(void *ctx, struct err *e)
{
    struct seen *s = ctx;

    (void)e;
    if (!s->open)
        abort();
    s->open = 0;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct seen s = { 0, 0, 0 };
    struct content_handler h = { on_header, on_record, on_blob_begin, on_blob_data,
                                 on_blob_end, &s };
    struct content_reader *r = content_reader_new(&h);
    size_t cut = size > 0 ? data[0] % (size + 1) : 0;
    struct err e;

    if (r == NULL)
        return 0;
    if (content_sink(r, data, cut, &e) == 0 && content_sink(r, data + cut, size - cut, &e) == 0)
        (void)content_finish(r, &e);
    content_reader_free(r);
    return 0;
}
