/* What store/export.c and store/export_media.c share: the export
 * pipeline's state (one export, one pipeline) and the attachment steps
 * the walk and the writer call. Internal to store/: nothing outside it
 * includes this file. */
#ifndef INTAKE_STORE_EXPORT_INT_H
#define INTAKE_STORE_EXPORT_INT_H

#include <jansson.h>
#include <sodium.h>

#include "export/audit.h"
#include "export/bundle.h"
#include "export/payload.h"
#include "privacy/redact.h"
#include "store/attach.h"
#include "store/store.h"
#include "util/day.h"
#include "util/err.h"

struct export_request;
struct export_result;
struct record_row;

struct recipients {
    unsigned char keys[BUNDLE_MAX_RECIPIENTS][crypto_box_PUBLICKEYBYTES];
    size_t n;
};

/* What the walk over the selected records builds. */
struct pipeline {
    struct store *s;
    const struct export_request *req;
    struct export_result *res;
    struct redactor *red;
    json_t *allowed;                     /* allowed text -> the day it was allowed */
    char today[DAY_BYTES];               /* the consent day (util/day.h) */
    char created[16];                    /* YYYY-MM-DD, UTC: the header's */
    json_t *docs;                        /* the records that leave, as audited and written */
    json_t *atts;                        /* each one's attachments, with their stored names */
    json_t *pseudonyms;                  /* those the redactions wrote */
    json_t *notices;                     /* owed to the recipients (issue 16) */
    json_t *outputs;                     /* record id -> hex of its output digest
                                          * (export_output_digest) */
    long notice_last;                    /* the last notice row they hold */
    long log_mark;                       /* the log's last entry before the first
                                          * read (export_race_mark) */
    json_t *cur;                         /* the attachment list being read */
    const struct redacted_record *rr;    /* its record, with its text attachments
                                          * redacted (store_record_redact_texts) */
    size_t nfiles;                       /* attachment-N numbering, per bundle */
    struct audit_attachment *media;      /* the metadata each attachment holds as */
    size_t nmedia;                       /* it will leave, for the audit */
    size_t seen;                         /* records the walk met */
    int loaded;                          /* red and allowed are read */
    int failed;                          /* a record could not be checked: */
    struct err failure;                  /* why (see take_record) */
};

/* How a record last went to the present key of the contact that
 * export --not-sent-to names (store/export_owed.c). */
struct export_held {
    int held;                            /* carried there at its version or later */
    int sent;                            /* carried there at any version */
    int has_digest, has_output;          /* which digests that export kept */
    unsigned char digest[EXPORT_DIGESTBYTES];
    unsigned char output[EXPORT_DIGESTBYTES];
};

/* The digest of all that leaves of a record (issue 16 B-6, B-1): its
 * text (export_sent_digest of doc), its subject's pseudonym, and, when
 * attachments (the consent lets them leave), each attachment's stored
 * BLAKE2b and each text attachment as redacted (rr). Kept per export
 * (export_record.output), never the content. 0, or -1 with e (an
 * attachment list that cannot be read). */
int export_output_digest(unsigned char out[EXPORT_DIGESTBYTES], struct pipeline *p,
                         const struct record_row *row, const json_t *doc,
                         const struct redacted_record *rr, int attachments, struct err *e);

/* *h: whether row is at the present key of contact p->req->not_sent_to
 * at its version (the last export there, by key; by name for an export
 * logged before keys were kept), and that export's digests. 0, or -1
 * with e (a database error). */
int export_at_key(struct export_held *h, struct pipeline *p, const struct record_row *row,
                  struct err *e);

/* *changed: 1 if what would leave of row now (doc, rr, attachments as
 * export_output_digest) differs from what h says went; an export that
 * kept no output digest compares the text only, one that kept neither
 * counts as unchanged (nothing to compare). 0, or -1 with e. */
int export_changed(int *changed, const struct export_held *h, struct pipeline *p,
                   const struct record_row *row, const json_t *doc,
                   const struct redacted_record *rr, int attachments, struct err *e);

/* A store_attachment_each callback (ctx: the pipeline): appends to
 * p->cur the attachment as it will leave, named attachment-N.ext (a file
 * name can identify a person), with its size and BLAKE2b hash after its
 * metadata is removed (unless --keep-metadata), and notes for the audit
 * what metadata it still holds. 0, or -1 with e: the attachment cannot be
 * read (the store's message), its metadata cannot be removed (exit 2 with
 * why; nothing is exported), or out of memory. */
int export_list_attachment(void *ctx, const struct attachment_row *a, struct err *e);

/* Writes the attachments atts (as export_list_attachment listed them) of
 * record into the payload: each one's item, then its blob, stripped again
 * and checked against the hash the audit saw (a mismatch fails the export:
 * "changed during the export"). 0, or -1 with e. */
int export_write_attachments(struct pipeline *p, struct payload_writer *pw, const char *record,
                             json_t *atts, struct err *e);

/* store/export_record.c: the digest of a record's text as it leaves in
 * doc (EXPORT_DIGESTBYTES bytes into out): what a recipient compares to
 * tell a correction from a copy (title, date, place, language, tags,
 * body), BLAKE2b over their JSON with sorted keys. 0, or -1 with e (out
 * of memory). */
int export_sent_digest(unsigned char out[EXPORT_DIGESTBYTES], const json_t *doc, struct err *e);

/* store/export_record.c: reads the protected set and the allowed texts
 * into p once (p->loaded), when the first record is checked or after a
 * walk that met none. 0, or -1 with e (the store's message). */
int export_load_privacy(struct pipeline *p, struct err *e);

/* One selected record (store/export_record.c): may it leave (consent, a
 * recipient's refusal, review flags: store_record_eligible)? Redacts it and
 * keeps its document in p->docs, or blocks it with why in p->res; with
 * p->req->show, shows it first. 0, or -1 with e (the store's message, or
 * out of memory). */
int export_check_record(struct pipeline *p, const struct record_row *row, struct err *e);

/* store/export_race.c (report adv17b E-17, E-18): an export decides on one
 * snapshot of the store.  export_race_mark keeps the log's last sequence
 * number in p->log_mark; call it before the export's first read.  0, or
 * -1 with e (a database error). */
int export_race_mark(struct pipeline *p, struct err *e);

/* Whether the store changed since export_race_mark in a way that may
 * change what the export may send: any log entry after the mark but an
 * export's own ("export", "record.version") or a backup's.  Call it inside
 * the transaction that logs the export (it holds the write lock, so
 * nothing can change after the check), and after a failed read of the
 * bundle's content (which a deletion meanwhile explains).  0 when
 * unchanged; -1 with e (EXIT_INPUT) naming the record or attachment of
 * the export deleted meanwhile, else the log entry, each saying nothing
 * was exported or logged; -1 with e on a database error. */
int export_race_check(struct pipeline *p, struct err *e);

#endif
