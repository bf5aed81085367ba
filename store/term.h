/* Internal to store/: adding a term, for store/subject.c. */
#ifndef INTAKE_STORE_TERM_H
#define INTAKE_STORE_TERM_H

#include "store/store.h"

/* Inserts a term of subject sid (0: store-wide) inside the caller's
 * transaction, after every check a new term gets, and logs it; its row id
 * goes to *id. EXIT_INPUT for a refused term, database errors in e. */
int db_term_insert(long *id, struct store *s, long sid, const char *category,
                   const char *text, struct err *e);

#endif
