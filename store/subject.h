/* Internal to store/: finding a subject, for the files above
 * store/subject.c (records, consent). */
#ifndef INTAKE_STORE_SUBJECT_H
#define INTAKE_STORE_SUBJECT_H

#include "store/store.h"

/* The row id of the subject with pseudonym into *id; EXIT_INPUT if there
 * is none. */
int db_subject_id(long *id, struct store *s, const char *pseudonym, struct err *e);

/* (store/consent.c) Keeps, for the imported subject sid, the consent scope
 * c a bundle carried (c->date: when its device recorded it), as a new
 * consent entry unless the last one is the same scope; inside the caller's
 * transaction. */
int db_consent_carry(struct store *s, long sid, const struct consent *c, struct err *e);

#endif
