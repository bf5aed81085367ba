/* libFuzzer: any bytes given to the payload parser, split at a point taken
 * from the first byte, with callbacks that check what they are told. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "export/payload.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
    uint64_t declared, got;
    int open;
};

static int on_begin(void *ctx, unsigned type, uint64_t len, struct err *e)
{
    struct seen *s = ctx;

    (void)e;
    if (s->open || type < PAYLOAD_JSON || type > PAYLOAD_BLOB)
        abort();
    s->open = 1;
    s->declared = len;
    s->got = 0;
    return 0;
}

static int on_data(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct seen *s = ctx;

    (void)buf;
    (void)e;
    s->got += len;
    if (!s->open || len == 0 || s->got > s->declared)
        abort();
    return 0;
}

static int on_end(void *ctx, unsigned type, struct err *e)
{
    struct seen *s = ctx;

    (void)type;
    (void)e;
    if (!s->open || s->got != s->declared)
        abort();
    s->open = 0;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct payload_callbacks cb = {on_begin, on_data, on_end};
    struct payload_parser p;
    struct seen s = {0, 0, 0};
    struct err e;
    size_t cut;

    if (size == 0)
        return 0;
    cut = data[0] % size;
    payload_parser_init(&p, &cb, &s);
    if (payload_parser_feed(&p, data + 1, cut, &e) == 0 &&
        payload_parser_feed(&p, data + 1 + cut, size - 1 - cut, &e) == 0 &&
        payload_parser_finish(&p, &e) == 0 && s.open)
        abort();
    return 0;
}
