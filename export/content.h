/* The content of an export bundle (docs/FORMAT.md, "Bundle content"): a
 * JSON header item, then for each record one JSON item followed by its
 * attachments (a JSON attachment header and the blob).
 *
 * The reader is fed by bundle_read() through a payload parser: JSON items
 * are collected (up to PAYLOAD_JSON_MAX) and handed over parsed and
 * checked; blobs are streamed to the caller.  What it hands over is not
 * yet proven to come from the sender (see export/bundle.h): callers write
 * into something they can undo. */
#ifndef INTAKE_CONTENT_H
#define INTAKE_CONTENT_H

#include <jansson.h>
#include <stdint.h>

#include "export/payload.h"
#include "util/err.h"

/* What intake writes (records carry their subject's stable id and its
 * consent scope, issue 16; the header carries the notices owed to the
 * recipients, issue 16), and the older formats it still reads. */
#define CONTENT_FORMAT "intake-content-3"
/* Written instead of CONTENT_FORMAT when the header carries a notice of
 * a changed consent scope (kind "scope", issue 16): format 3 plus that
 * kind, so that a reader of format 3 refuses it as unsupported instead
 * of as a bad notice. */
#define CONTENT_FORMAT_4 "intake-content-4"
/* Written when the header carries a re-consent or a withdrawal's round
 * (issue 16, a new consent after a withdrawal) or an attachment's
 * removal: format 4 plus those. */
#define CONTENT_FORMAT_5 "intake-content-5"
/* Written when a consent scope it carries (a record's, or a scope or
 * re-consent notice's) has its subject's counter "seq" (issue 16 A1:
 * scopes ordered by a counter that cannot run back, not by the device's
 * clock): format 5 plus that member. */
#define CONTENT_FORMAT_6 "intake-content-6"
/* Written when a withdrawal, deletion or re-consent notice names its
 * origin (issue 16: one passed on by a store that did not make it, so
 * that a contact holding the record by another route deletes it too, and
 * counts the withdrawal in the origin's rounds: origin.round): format 6
 * plus that member. */
#define CONTENT_FORMAT_7 "intake-content-7"
#define CONTENT_FORMAT_2 "intake-content-2"
#define CONTENT_FORMAT_1 "intake-content-1"
/* At most this many notices in one header (docs/FORMAT.md). */
#define CONTENT_NOTICES_MAX 100000
/* A record's version in a bundle: 1 (the default, when absent) to this. */
#define CONTENT_VERSION_MAX 2147483647

/* Writes one JSON document as an item of type (PAYLOAD_JSON or
 * PAYLOAD_ATTACHMENT). */
int content_put_json(struct payload_writer *pw, unsigned type, const json_t *doc,
                     struct err *e);

struct content_handler {
    /* The header document, then each record (checked: see content.c). */
    int (*header)(void *ctx, json_t *doc, struct err *e);
    int (*record)(void *ctx, json_t *rec, struct err *e);
    /* An attachment of the last record: its checked header, its bytes, its end. */
    int (*blob_begin)(void *ctx, json_t *head, struct err *e);
    int (*blob_data)(void *ctx, const unsigned char *buf, size_t len, struct err *e);
    int (*blob_end)(void *ctx, struct err *e);
    void *ctx;
};

struct content_reader;

/* A reader that passes what it finds to h; feed it with content_sink. */
struct content_reader *content_reader_new(const struct content_handler *h);

/* A bundle_sink_fn: the next bytes of content.  Always returns 0: the
 * first refusal (of the content or of a handler) is kept and returned by
 * content_finish(), and nothing after it reaches the handler, so the
 * bundle's own checks (the signature) come first. */
int content_sink(void *reader, const unsigned char *buf, size_t len, struct err *e);

/* The refusal content_sink() kept, if any; else checks that the content
 * ended well (a header, every attachment whole).  Call it only after
 * bundle_read() returned 0. */
int content_finish(struct content_reader *r, struct err *e);

/* Wipes and frees the reader; NULL allowed. */
void content_reader_free(struct content_reader *r);

/* 1 if id is a record id as intake makes them (16 of [0-9a-z] Crockford);
 * 0 if not, or if id is NULL (a member that is absent or not a string). */
int content_valid_id(const char *id);

/* The content format a header names: 7 (CONTENT_FORMAT_7), 6 (CONTENT_FORMAT_6), 5 (CONTENT_FORMAT_5), 4 (CONTENT_FORMAT_4), 3
 * (CONTENT_FORMAT), 2 (CONTENT_FORMAT_2), 1 (CONTENT_FORMAT_1), or 0 for
 * anything else. */
int content_format(const json_t *header);

/* Checks a record's "consent" as format 2 writes it (docs/FORMAT.md,
 * "Bundle content"): "export", "quote", "publish", "attachments" booleans,
 * "method" null or verbal|written|recorded, "recorded" 1..31 bytes of
 * printable ASCII, "embargo" null or YYYY-MM-DD, nothing else; in format 6
 * (format: the header's) also, optionally, "seq": an integer
 * 1..2147483647. EXIT_INPUT "malformed bundle contents: ..." otherwise. */
int content_check_consent(const json_t *consent, int format, struct err *e);

/* Checks the "notices" of a header of format (3 to 7; docs/FORMAT.md,
 * "Notices"): an array of at most CONTENT_NOTICES_MAX objects {kind:
 * "withdrawal" or "deletion", subject: a stable subject id, record: a
 * record id or null, day: YYYY-MM-DD}, nothing else; in format 4 also
 * {kind: "scope", subject, record: null, day, scope: a consent scope as a
 * record carries it (content_check_consent)}; in format 5 also {kind:
 * "reconsent", subject, record: null, day, round: 1..2147483647, scope},
 * a withdrawal of a whole subject (record null) may carry its round too,
 * and {kind: "removal", subject, record: a record id, day, attachment:
 * 64 lowercase hex digits}; in format 7 a withdrawal, deletion or
 * re-consent may carry "origin": {key: 64 lowercase hex digits, subject:
 * a stable subject id, and for a withdrawal whose record is null or a
 * re-consent optionally round: 1..2147483647, the origin's round},
 * nothing else. EXIT_INPUT "malformed bundle contents: ..."
 * otherwise. */
int content_check_notices(const json_t *notices, int format, struct err *e);

#endif
