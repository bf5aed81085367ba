/* The item framing inside a bundle's content. */
#include "export/payload.h"

#include <string.h>

/* The largest length an item of type may have; 0 for an unknown type. */
static uint64_t type_max(unsigned type)
{
    switch (type) {
    case PAYLOAD_JSON:
        return PAYLOAD_JSON_MAX;
    case PAYLOAD_ATTACHMENT:
        return PAYLOAD_ATTACHMENT_MAX;
    case PAYLOAD_BLOB:
        return PAYLOAD_BLOB_MAX;
    default:
        return 0;
    }
}

/* Checks an item header against the limits and the item before it. */
static int check_item(unsigned prev, unsigned type, uint64_t len,
                      const char *who, struct err *e)
{
    if (type_max(type) == 0)
        return err_set(e, EXIT_INPUT, "%s: unknown item type %u", who, type);
    if (len > type_max(type))
        return err_set(e, EXIT_INPUT, "%s: item of type %u is too long "
                       "(%llu bytes, at most %llu)", who, type,
                       (unsigned long long)len,
                       (unsigned long long)type_max(type));
    if (type != PAYLOAD_BLOB && len < 2)
        return err_set(e, EXIT_INPUT, "%s: empty JSON item", who);
    if ((prev == PAYLOAD_ATTACHMENT) != (type == PAYLOAD_BLOB))
        return err_set(e, EXIT_INPUT, "%s: %s", who,
                       type == PAYLOAD_BLOB ? "a blob without its attachment header"
                                            : "an attachment header without its blob");
    return 0;
}

void payload_writer_init(struct payload_writer *pw, payload_out_fn out,
                         void *ctx)
{
    memset(pw, 0, sizeof *pw);
    pw->out = out;
    pw->ctx = ctx;
}

static void le64(unsigned char out[8], uint64_t v)
{
    size_t i;

    for (i = 0; i < 8; i++)
        out[i] = (unsigned char)(v >> (8 * i));
}

int payload_item_begin(struct payload_writer *pw, unsigned type, uint64_t len,
                       struct err *e)
{
    unsigned char hdr[PAYLOAD_ITEM_HEADERLEN];

    if (pw->left != 0)
        return err_set(e, EXIT_INPUT, "payload writer: the previous item is "
                       "%llu bytes short", (unsigned long long)pw->left);
    if (check_item(pw->type, type, len, "payload writer", e) != 0)
        return -1;
    hdr[0] = (unsigned char)type;
    le64(hdr + 1, len);
    if (pw->out(pw->ctx, hdr, sizeof hdr, e) != 0)
        return -1;
    pw->type = type;
    pw->left = len;
    return 0;
}

int payload_item_write(struct payload_writer *pw, const unsigned char *buf,
                       size_t len, struct err *e)
{
    if (len > pw->left)
        return err_set(e, EXIT_INPUT, "payload writer: %zu bytes for an item "
                       "that takes %llu more", len,
                       (unsigned long long)pw->left);
    if (len > 0 && pw->out(pw->ctx, buf, len, e) != 0)
        return -1;
    pw->left -= len;
    return 0;
}

int payload_writer_finish(const struct payload_writer *pw, struct err *e)
{
    if (pw->left != 0)
        return err_set(e, EXIT_INPUT, "payload writer: the last item is "
                       "%llu bytes short", (unsigned long long)pw->left);
    if (pw->type == PAYLOAD_ATTACHMENT)
        return err_set(e, EXIT_INPUT, "payload writer: an attachment header "
                       "without its blob");
    return 0;
}

void payload_parser_init(struct payload_parser *p,
                         const struct payload_callbacks *cb, void *ctx)
{
    memset(p, 0, sizeof *p);
    p->cb = cb;
    p->ctx = ctx;
}

static int item_end(struct payload_parser *p, struct err *e)
{
    p->in_item = 0;
    p->items++;
    if (p->cb->item_end != NULL)
        return p->cb->item_end(p->ctx, p->type, e);
    return 0;
}

/* The 9-byte header is complete: check it and start the item. */
static int item_begin(struct payload_parser *p, struct err *e)
{
    unsigned type = p->hdr[0];
    uint64_t len = 0;
    size_t i;

    for (i = 8; i >= 1; i--)
        len = len << 8 | p->hdr[i];
    p->hhave = 0;
    if (check_item(p->type, type, len, "malformed bundle contents", e) != 0)
        return -1;
    p->type = type;
    p->left = len;
    p->in_item = 1;
    if (p->cb->item_begin != NULL && p->cb->item_begin(p->ctx, type, len, e) != 0)
        return -1;
    return len == 0 ? item_end(p, e) : 0;
}

static int feed_data(struct payload_parser *p, const unsigned char *buf,
                     size_t n, struct err *e)
{
    p->left -= n;
    if (p->cb->item_data != NULL && p->cb->item_data(p->ctx, buf, n, e) != 0)
        return -1;
    return p->left == 0 ? item_end(p, e) : 0;
}

static int feed(struct payload_parser *p, const unsigned char *buf,
                size_t len, struct err *e)
{
    while (len > 0) {
        size_t n;
        int rc;

        if (p->in_item) {
            n = p->left < len ? (size_t)p->left : len;
            rc = feed_data(p, buf, n, e);
        } else {
            n = sizeof p->hdr - p->hhave < len ? sizeof p->hdr - p->hhave : len;
            memcpy(p->hdr + p->hhave, buf, n);
            p->hhave += n;
            rc = p->hhave == sizeof p->hdr ? item_begin(p, e) : 0;
        }
        if (rc != 0)
            return -1;
        buf += n;
        len -= n;
    }
    return 0;
}

int payload_parser_feed(struct payload_parser *p, const unsigned char *buf,
                        size_t len, struct err *e)
{
    if (p->failed)
        return err_set(e, EXIT_INPUT, "malformed bundle contents: the parser "
                       "already stopped");
    if (feed(p, buf, len, e) != 0) {
        p->failed = 1;
        return -1;
    }
    return 0;
}

int payload_parser_sink(void *p, const unsigned char *buf, size_t len,
                        struct err *e)
{
    return payload_parser_feed(p, buf, len, e);
}

int payload_parser_finish(const struct payload_parser *p, struct err *e)
{
    if (p->failed)
        return err_set(e, EXIT_INPUT, "malformed bundle contents: the parser "
                       "already stopped");
    if (p->in_item || p->hhave != 0)
        return err_set(e, EXIT_INPUT, "malformed bundle contents: the last "
                       "item is cut short");
    if (p->type == PAYLOAD_ATTACHMENT)
        return err_set(e, EXIT_INPUT, "malformed bundle contents: an "
                       "attachment header without its blob");
    return 0;
}
