/* The pseudonyms a record came with (issue 16, adv16 B-17): at the next
 * hop (headquarters, a partner), a review flag on a text the record's
 * sender wrote as a pseudonym is known for that record, not a possible
 * real name, and does not block it. Known per record, never store-wide:
 * the same spelling in another record (a real name that reads like a
 * pseudonym) is still flagged. */
#ifndef INTAKE_STORE_KNOWN_H
#define INTAKE_STORE_KNOWN_H

#include "store/store.h"

/* The value store_record_known gives a review flag's allowed
 * (privacy/redact.h: 1 is an allowed text): the sender's pseudonym. The
 * manifest says so with "known": "pseudonym" (docs/FORMAT.md). */
#define KNOWN_PSEUDONYM 2

/* Marks as known (allowed = KNOWN_PSEUDONYM) each unresolved review flag
 * of rr, as store_record_redact and store_record_redact_texts left it for
 * row, whose text is one the record came with (never for a record written
 * here, even under an imported subject: adv16b C-2): its imported
 * subject's pseudonym as its sender wrote it (known_sender_spelling),
 * when the record came from that subject's sender, a span its bundle's
 * manifest (record_origin) lists as a redaction of category pseudonym, or
 * a review flag it lists as known. First drops every review flag on one
 * of this store's own pseudonyms: its redactor writes them, they are
 * never a possible real name here (adv16b C-1). Texts are compared by
 * their key (privacy/normalise.h). rr->unresolved drops by the flags
 * marked or dropped. 0, or -1 with e (a database error, out of memory). */
int store_record_known(struct redacted_record *rr, struct store *s, const struct record_row *row,
                       struct err *e);

/* The length in bytes of the pseudonym p (as stored here, NUL-terminated)
 * as its sender wrote it: without the last "@KEY" suffix this store's
 * import added ("Nari" of "Nari@0280005e"; "Nari@0280005e" of
 * "Nari@0280005e@5f5cb408", passed on; adv16b C-9). */
size_t known_sender_spelling(const char *p);

/* 1 if the pseudonym p of an imported subject, as its sender wrote it
 * (known_sender_spelling), holds a name or term that r (this store's
 * redactor, compiled) protects: r would write another subject's
 * pseudonym or a placeholder over the sender's own pseudonym, so its
 * records may not leave (adv16b C-12; the rule the import's warning and
 * store_record_clash share). 0 if not; -1 with e (bad text, out of
 * memory). */
int store_known_clash(const struct redactor *r, const char *p, struct err *e);

/* store_known_clash for the subject of row, a record that came from its
 * subject's sender (as store_record_known reads it); *clash 0 for any
 * other record. 0, or -1 with e (a database error). */
int store_record_clash(int *clash, const struct redactor *r, struct store *s,
                       const struct record_row *row, struct err *e);

/* *n: the records import_id added (record_origin) whose subject came
 * from their sender with a pseudonym store_known_clash finds (this
 * store's redactor, as it is now); the first one's id and its subject's
 * pseudonym here into rid and subject (ridlen, subjectlen bytes, "" if
 * none). Inside the import's transaction. 0, or -1 with e (a database
 * error, out of memory). */
int store_import_clashes(size_t *n, char *rid, size_t ridlen, char *subject, size_t subjectlen,
                         struct store *s, long import_id, struct err *e);

#endif
