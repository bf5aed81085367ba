/* The content of a bundle: a sequence of items, each a type byte, a
 * little-endian u64 length and that many bytes (docs/FORMAT.md,
 * "Payload").  JSON documents carry records, the redaction manifest and
 * the log head; an attachment is a small JSON header item (name, type,
 * size) followed at once by a blob item streamed in pieces of any size.
 *
 * The parser reads decrypted but possibly hostile bytes (any known
 * contact can send a bundle): it keeps no more than a 9-byte item header,
 * enforces the limits below and refuses unknown types, misplaced items and
 * an item cut short at the end. */
#ifndef INTAKE_PAYLOAD_H
#define INTAKE_PAYLOAD_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

enum payload_type {
    PAYLOAD_JSON = 1,         /* a JSON document */
    PAYLOAD_ATTACHMENT = 2,   /* JSON header of the blob that follows */
    PAYLOAD_BLOB = 3          /* the bytes of an attachment */
};

#define PAYLOAD_ITEM_HEADERLEN 9U
#define PAYLOAD_JSON_MAX       (UINT64_C(64) << 20)   /* 64 MiB */
#define PAYLOAD_ATTACHMENT_MAX (UINT64_C(64) << 10)   /* 64 KiB */
#define PAYLOAD_BLOB_MAX       (UINT64_C(1) << 40)    /* 1 TiB */

/* Where a payload writer puts its bytes (e.g. bundle_writer_sink, the
 * same type as bundle_sink_fn): returns 0, or -1 after filling e.  The
 * payload knows nothing of the bundle it travels in; the bundle's
 * signature follows the payload's items (export/bundle_int.h). */
typedef int (*payload_out_fn)(void *ctx, const unsigned char *buf, size_t len,
                              struct err *e);

struct payload_writer {
    payload_out_fn out;
    void *ctx;
    uint64_t left;            /* bytes still owed to the current item */
    unsigned type;            /* the current or last item's type */
};

/* What a parser calls for each item; any may be NULL.  A callback returns
 * 0, or -1 after filling e, which stops the parser. */
struct payload_callbacks {
    int (*item_begin)(void *ctx, unsigned type, uint64_t len, struct err *e);
    int (*item_data)(void *ctx, const unsigned char *buf, size_t len,
                     struct err *e);
    int (*item_end)(void *ctx, unsigned type, struct err *e);
};

struct payload_parser {
    const struct payload_callbacks *cb;
    void *ctx;
    unsigned char hdr[PAYLOAD_ITEM_HEADERLEN];
    size_t hhave;
    unsigned type;            /* the current or last item's type, 0 before any */
    uint64_t left;            /* bytes of the current item still to come */
    int in_item;
    int failed;
    uint64_t items;           /* items completed */
};

/* Starts a payload written through out (e.g. bundle_writer_sink). */
void payload_writer_init(struct payload_writer *pw, payload_out_fn out,
                         void *ctx);

/* Starts an item of type and exactly len bytes; the previous item must be
 * complete, and a blob must follow an attachment header. */
int payload_item_begin(struct payload_writer *pw, unsigned type, uint64_t len,
                       struct err *e);

/* Adds bytes to the current item, in pieces of any size. */
int payload_item_write(struct payload_writer *pw, const unsigned char *buf,
                       size_t len, struct err *e);

/* Checks that the last item is complete and no attachment lacks its blob. */
int payload_writer_finish(const struct payload_writer *pw, struct err *e);

/* Starts a parser that reports items to cb with ctx. */
void payload_parser_init(struct payload_parser *p,
                         const struct payload_callbacks *cb, void *ctx);

/* Feeds the next len bytes of the payload, split anywhere. */
int payload_parser_feed(struct payload_parser *p, const unsigned char *buf,
                        size_t len, struct err *e);

/* payload_parser_feed() as a bundle_sink_fn, for bundle_read(). */
int payload_parser_sink(void *p, const unsigned char *buf, size_t len,
                        struct err *e);

/* Checks that the payload ended between items, no attachment lacking its blob. */
int payload_parser_finish(const struct payload_parser *p, struct err *e);

#endif
