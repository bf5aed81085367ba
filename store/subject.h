/* Internal to store/: finding a subject, for the files above
 * store/subject.c (records, consent). */
#ifndef INTAKE_STORE_SUBJECT_H
#define INTAKE_STORE_SUBJECT_H

#include "store/store.h"

/* The row id of the subject with pseudonym into *id; EXIT_INPUT if there
 * is none. */
int db_subject_id(long *id, struct store *s, const char *pseudonym, struct err *e);

#endif
