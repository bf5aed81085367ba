/* The export pipeline (README, "Sending testimony to headquarters"): each
 * selected record is read once, checked (consent, withdrawal, embargo,
 * review flags), redacted with its manifest and kept as the document that
 * will leave; the documents are audited together as a recipient would audit
 * them; then they are sealed to the contacts named, signed with this
 * device's key, and the export is recorded in the store: the bundle and
 * the record of it both happen, or neither.
 *
 * Nothing here prints or asks: what the command line shows comes back in
 * struct export_result, and the one question (seal to a contact whose
 * safety number was never compared?) goes to the caller's callback. */
#ifndef INTAKE_STORE_EXPORT_H
#define INTAKE_STORE_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "export/bundle.h"
#include "store/store.h"
#include "util/err.h"
#include "util/text.h"

/* Asked for each unverified contact among the recipients, in the order
 * named: 1 to seal to it anyway, 0 not to (the export stops). */
typedef int (*export_confirm_fn)(void *ctx, const char *contact);

struct redacted_record;

/* Shown each selected record as it would leave (redacted, blocked or
 * not), with why it may not leave ("" when it may, as far as consent and
 * review flags go; the audit comes after every record is shown), in
 * English (why, for --json) and in the person's language (why_text).  The
 * arguments are valid during the call only.  Returns 0 to go on, -1 to
 * stop (e filled). */
/* A record at a contact's key whose output changed since it went there
 * (store_export_owed_each): row as store_record_each reads it. 0, or -1
 * with e to stop. */
typedef int (*export_owed_fn)(void *ctx, const struct record_row *row, struct err *e);

typedef int (*export_show_fn)(void *ctx, const struct record_row *row,
                              const struct redacted_record *rr, const char *why,
                              const char *why_text, struct err *e);

struct export_request {
    const char *const *to;       /* contact names, in order */
    size_t nto;
    export_confirm_fn confirm;   /* NULL: unverified contacts are refused */
    void *confirm_ctx;
    const char *const *ids;      /* record ids, or NULL for every record that
                                  * passes the filters below */
    size_t nids;
    const char *subject;         /* filters (NULL: none): a subject's pseudonym, */
    const char *tag;             /* a tag, */
    const char *since;           /* dated on or after YYYY-MM-DD, */
    const char *not_sent_to;     /* not at this contact's present key as it
                                  * would leave now: never carried to that
                                  * key, carried at a lower version, or its
                                  * output changed since (store/export.c,
                                  * output_digest; issue 16 B-6, B-1) */
    const char *out;             /* the bundle's path; NULL: HASH.bundle (.asc
                                  * with armor) in the current folder */
    int to_stdout;               /* 1: the bundle goes to standard output once
                                  * the export is logged (out is ignored) */
    int armor;                   /* base64 text between BEGIN/END lines */
    int exact_dates;             /* keep the day (else the month) */
    int skip_blocked;            /* leave blocked records out (else refuse) */
    int keep_metadata;           /* send attachments as stored (else their
                                  * metadata is removed, export/media.h) */
    int send_unchecked;          /* with keep_metadata: also send attachments
                                  * whose content intake could not read for
                                  * names (a type it does not know, ZIP, PDF,
                                  * gzip; report adv12 A-11); else they block
                                  * their record */
    int notices_only;            /* no records: only the notices owed to the
                                  * contacts (intake notify); none owed:
                                  * EXIT_INPUT, no bundle */
    int resend;                  /* with notices_only: also the notices sent
                                  * before (an export always carries them) */
    export_show_fn show;         /* NULL, or called for each selected record */
    void *show_ctx;
    export_owed_fn owed;         /* store_export_owed_each only */
    void *owed_ctx;
};

/* A selected record that may not leave, and why (one line), in English
 * (for --json) and in the person's language (for messages). */
struct export_blocked {
    char id[RECORD_ID_CHARS + 1];
    char *pseudonym;             /* malloc'd */
    char why[512];
    char why_text[1024];         /* UTF-8: a translation may be longer */
};

/* An attachment that left holding a location (kept with keep_metadata). */
struct export_located {
    char record[RECORD_ID_CHARS + 1];
    char file[48];               /* its name in the bundle: attachment-N.ext */
};

/* What the pipeline found and did, filled as far as it got. */
struct export_result {
    struct export_blocked *blocked;  /* in the order selected; none when
                                      * the selection itself failed */
    size_t nblocked;
    int checked;                 /* 1 once every selected record was checked */
    size_t nleaving;             /* then: how many may leave */
    int verdict;                 /* enum audit_level, once audited */
    char *report;                /* the audit's text when it FAILed or WARNed,
                                  * with no word of the bundle in it
                                  * (audit_render_unquoted), else NULL
                                  * (wipe-on-free memory) */
    char first_fail[400];        /* the audit's first FAIL as one line with
                                  * no word of the bundle in it
                                  * (audit_first_fail), or "" */
    struct export_located *located;  /* attachments written with a location */
    size_t nlocated;
    size_t nexported;            /* records in the bundle */
    size_t nnotices;             /* notices in it (owed to the contacts, issue
                                  * 16), marked sent with the export */
    size_t napart;               /* notices owed to some recipients only, sent
                                  * to them before, left out of the bundle
                                  * (db_notice_check_mix) */
    char apart_to[BUNDLE_MAX_RECIPIENTS * (CONTACT_NAME_MAX + 2)];  /* the
                                  * contacts owed them, "," between */
    char to[BUNDLE_MAX_RECIPIENTS * (CONTACT_NAME_MAX + 2)];  /* the contacts
                                  * sealed to, space separated */
    char path[4096];             /* the bundle written */
    uint64_t size;               /* its size in bytes */
};

/* Exports the records req selects (at most BUNDLE_MAX_RECIPIENTS contacts)
 * into one bundle and records the export in the store (when, to whom,
 * which records, the bundle hash; never content). res is cleared first and
 * filled as far as the pipeline got, failure or not; free it with
 * export_result_free. Returns 0, or -1 with e: EXIT_AUTH when records may
 * not leave (without skip_blocked, and with it when every selected one
 * is blocked: no bundle is written), when the audit FAILs (res->report),
 * when an unverified contact is declined or the store's log is broken;
 * EXIT_INPUT for an unknown contact or record, a repeated one, a filter
 * naming an unknown subject or contact, a selection with no record, an
 * attachment whose metadata cannot be removed (without keep_metadata:
 * export/media.h says which), an existing output file, I/O and memory. */
int store_export(struct export_result *res, struct store *s,
                 const struct export_request *req, struct err *e);

/* What `intake redact` answers (issue 13: redact says "may leave" exactly
 * when export would write): the same selection, consent check on the same
 * day (util/day.h), redaction, review flags, attachment stripping and
 * audit as store_export, on the records req selects (out, armor and
 * confirm are not read), without sealing or recording anything; each
 * selected record is handed to req->show first.  With contacts named
 * (to, nto) they must exist (EXIT_INPUT) and a contact that refuses a
 * record for good blocks it, as in store_export (an unverified one is not
 * asked about: that decides the sealing, not the record); with none, a
 * refusal by any contact blocks it (store/eligible.h).  Returns 0 when
 * store_export with the same selection and options would write the
 * bundle; -1 with e as store_export: EXIT_AUTH when a record may not
 * leave (res->blocked says why) or the audit FAILs (res->report,
 * res->first_fail); EXIT_INPUT for what store_export refuses as input
 * (an unknown record, an attachment whose metadata cannot be removed),
 * I/O and memory. */
/* Calls fn for each record that contact's present key holds at its
 * version but that would leave otherwise now (issue 16 B-6, B-1: a
 * protected term added, a pseudonym renamed, an attachment added or
 * removed; store/export_owed.c), which 'export --not-sent-to' sends
 * again; a record that may not leave now is not owed. Reads only; redacts
 * each record the key holds. -1 with e: an unknown contact (EXIT_INPUT),
 * a record that cannot be read or redacted, I/O, memory. */
int store_export_owed_each(struct store *s, const char *contact, export_owed_fn fn, void *ctx,
                           struct err *e);

int store_export_check(struct export_result *res, struct store *s,
                       const struct export_request *req, struct err *e);

/* A record's date (YYYY-MM-DD) as export sends it, into out (outlen
 * bytes, 11 for a whole day): the day with exact_dates, else the month
 * (YYYY-MM), which is all a recipient needs and less to identify by;
 * `intake redact --json` shows the same (issue 13, L5). */
void export_date(char *out, size_t outlen, const char *date, int exact_dates);

/* Frees what res holds (the report wiped); a cleared res is fine. */
void export_result_free(struct export_result *res);

#endif
