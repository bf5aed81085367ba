/* Internal to store/: finding a subject, for the files above
 * store/subject.c (records, consent). */
#ifndef INTAKE_STORE_SUBJECT_H
#define INTAKE_STORE_SUBJECT_H

#include <jansson.h>

#include "store/store.h"

struct db_val;

/* The row id of the subject with pseudonym into *id; EXIT_INPUT if there
 * is none. */
int db_subject_id(long *id, struct store *s, const char *pseudonym, struct err *e);

/* (store/consent.c) After a restore (inside its transaction): raises
 * the floor of the consent counters (meta consent_floor) a million above
 * the highest counter held or the floor before (at most 2146483647), so
 * that the next consent of any subject orders after those the device
 * recorded, and sent, after the backup was made (issue 16). Errors: a
 * database error (EXIT_INPUT). */
int db_consent_floor_raise(struct store *s, struct err *e);

/* (store/consent.c) Keeps, for the imported subject sid, the consent scope
 * c a bundle carried (c->date: when its device recorded it), as a new
 * consent entry unless the last one is the same scope or was recorded
 * later (an older scope never replaces a newer one); inside the caller's
 * transaction. Returns 1 if it kept a new entry, 0 if the scope was the
 * last one already or older, -1 on a database error. */
int db_consent_carry(struct store *s, long sid, const struct consent *c, struct err *e);

/* (store/consent.c) How a scope recorded at date with the counter seq
 * orders against one held here (held_seq, held_date; a counter 0 is
 * unknown): 1 newer, -1 older, 0 not to be told (docs/FORMAT.md,
 * "Consent scope order"). */
int db_scope_cmp(long held_seq, const char *held_date, long seq, const char *date);

/* (store/consent.c) Which of the scope held here (held; held->recorded 0:
 * none) and c, carried by a bundle, is the subject's: c when newer (its
 * counter seq higher; one with a counter over one without; without
 * counters, its date later), held when older or the same; when their
 * order cannot be told (the same counter, or the same date and no
 * counter), the narrower of the two, field by field (docs/FORMAT.md,
 * "Consent scope order"). Returns 1 with *out the scope to keep when it
 * differs from held, 0 when held stays (out unspecified). */
int db_scope_order(struct consent *out, const struct consent *held, const struct consent *c);

/* (store/consent.c) Reads into c (the caller zeroes it; c->recorded 1
 * when a row was found) the first row of sql, whose columns are export,
 * quote, publish, attachments, method, embargo, date and optionally
 * withdrawn (c->withdrawn then gets the date) and seq (the subject's
 * counter on its device, 0 unknown), with values v[0..nv).
 * 1 if a row was found, 0 if none, -1 with e on a database error. */
int db_scope_read(struct consent *c, struct store *s, const char *sql, const struct db_val *v,
                  size_t nv, struct err *e);

/* (store/consent.c) The consent scope c as a bundle carries it: {export,
 * quote, publish, attachments, method or null, recorded, embargo or null,
 * and seq when c->seq > 0 (content format 6)}
 * (docs/FORMAT.md, "Bundle content"); NULL when out of memory. The
 * caller owns it. */
json_t *db_consent_json(const struct consent *c);

/* (store/consent.c) The last consent of the subject with stable id uid
 * here into c (c->recorded 0: none, or no such subject). */
int db_consent_by_uid(struct consent *c, struct store *s, const char *uid, struct err *e);

#endif
