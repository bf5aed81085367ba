/* Internal to store/: the notices a change owes to contacts (issue 16),
 * for record.c, consent.c and subject.c; reading them is in store.h. */
#ifndef INTAKE_STORE_NOTICE_H
#define INTAKE_STORE_NOTICE_H

#include "store/store.h"

/* Owes a notice of kind ("withdrawal" or "deletion")
 * to every contact an export sent a record of subject sid to, or, with
 * rowid > 0, that record only (store_notice_each); one per contact,
 * kind, subject and record; inside the caller's transaction, before the
 * records are deleted. */
int db_notice_owed(struct store *s, const char *kind, long sid, long rowid, struct err *e);

#endif
