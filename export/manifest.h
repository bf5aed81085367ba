/* The redaction manifest that travels inside every bundle (issue 6;
 * docs/FORMAT.md, "Bundle content" and "Redaction manifest"). Per record,
 * in the record's own JSON item: each redaction (its span in the exported
 * text, category and rule), each review flag and how it was resolved, and
 * the consent scope. In the header item: the keyed digest set of the
 * protected forms with its key, the pseudonyms the redactions wrote, and
 * the head of the store's log at export. All of it is signed with the
 * rest of the content.
 *
 * The reader takes decrypted but possibly hostile documents (any contact
 * can send a bundle): it checks every type, range and size and refuses what
 * does not fit with one message (EXIT_INPUT). It fills struct audit_record,
 * whose strings point into the JSON documents (keep them alive). */
#ifndef INTAKE_MANIFEST_H
#define INTAKE_MANIFEST_H

#include <stddef.h>
#include <jansson.h>

#include "export/audit.h"
#include "privacy/digestset.h"
#include "util/err.h"

#define MANIFEST_TEXT_MAX 64             /* categories, kinds, dates, methods */
#define MANIFEST_ITEMS_MAX 1000000       /* redactions, flags, pseudonyms */
#define MANIFEST_DIGESTS_MAX (1u << 24)
#define MANIFEST_LOG_HASHBYTES 32

/* What the header says for the audit. */
struct manifest_header {
    long log_seq;                        /* entries in the log at export */
    unsigned char log_head[MANIFEST_LOG_HASHBYTES];
    struct digestset ds;
    const char **pseudonyms;             /* into the header document */
    size_t npseudonyms;
};

/* Reads log_head, digests and pseudonyms from a header document. */
int manifest_read_header(struct manifest_header *h, json_t *header, struct err *e);

/* Frees what manifest_read_header made (h may be zeroed). */
void manifest_header_free(struct manifest_header *h);

/* Fills r from a record document: its text fields and its manifest
 * (redactions, review flags, consent). The arrays r->red and r->flags are
 * malloc'd: free them with manifest_record_free. */
int manifest_read_record(struct audit_record *r, json_t *rec, struct err *e);
void manifest_record_free(struct audit_record *r);

/* Adds log_head, digests (key and set; digestset_finish first) and the
 * pseudonyms (a JSON array of strings, taken over) to a header document. */
int manifest_write_header(json_t *header, long log_seq,
                          const unsigned char head[MANIFEST_LOG_HASHBYTES],
                          const struct digestset *ds, json_t *pseudonyms, struct err *e);

/* Adds to set (a JSON array) every pseudonym a record document's
 * redactions wrote, once each. */
int manifest_collect_pseudonyms(json_t *set, json_t *rec, struct err *e);

/* The notices check (export/audit_notices.c): when the header's notices
 * (an array content_check_notices accepted; NULL or empty: no check is
 * added) are not empty, a "notices" check listing each one (a PASS item:
 * its kind as what, its record; in the note its subject, "all its
 * records" when it names no record, day, round, scope and attachment)
 * and a FAIL item for each record of recs[0..n) that the bundle's own
 * notices, read in order, forbid on day today (YYYY-MM-DD): deleted or
 * forgotten, its subject withdrawn with no later re-consent of that
 * round, or the last scope carried forbids it.  0, or -1 with e (out of
 * memory). */
int audit_notices(struct audit_report *r, const json_t *notices,
                  const struct audit_record *recs, size_t n, const char *today, struct err *e);

/* Runs consistency, consent, notices, residual terms, residual detectors and
 * re-identification (k) over a header and an array of record documents, on
 * day today (YYYY-MM-DD), adding the checks to r. A malformed manifest is
 * an error (EXIT_INPUT), not a finding. */
int manifest_audit(struct audit_report *r, json_t *header, json_t *records, const char *today,
                   size_t k, struct err *e);

/* manifest_audit, with the text attachments texts[0..ntexts) (issue 13)
 * checked by the residual checks as bodies are: a protected form or a
 * pattern left in one FAILs, reported under its file name. They carry no
 * redactions in the manifest, so a review flag allowed there does not
 * excuse a protected form. */
int manifest_audit_texts(struct audit_report *r, json_t *header, json_t *records,
                         const struct audit_text *texts, size_t ntexts, const char *today,
                         size_t k, struct err *e);

#endif
