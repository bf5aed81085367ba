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
 * row, whose text is one the record came with: the part of its imported
 * subject's pseudonym before the first '@' (the sender's spelling: "Nari"
 * of "Nari@0280005e", or of "Nari@KEY@KEY2" passed on), a span its
 * bundle's manifest (record_origin) lists as a redaction of category
 * pseudonym, or a review flag it lists as known. Texts are compared by
 * their key (privacy/normalise.h). rr->unresolved drops by the flags
 * marked. Nothing for a record of this store's own subject. 0, or -1
 * with e (a database error, out of memory). */
int store_record_known(struct redacted_record *rr, struct store *s, const struct record_row *row,
                       struct err *e);

#endif
