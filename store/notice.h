/* Internal to store/: the notices a change owes to contacts (issue 16),
 * for record.c, consent.c and subject.c; reading them is in store.h. */
#ifndef INTAKE_STORE_NOTICE_H
#define INTAKE_STORE_NOTICE_H

#include <jansson.h>

#include "store/store.h"

/* Owes a notice of kind ("withdrawal", "deletion" or "scope": the
 * subject's consent scope changed; owed again, it is new again)
 * to every contact an export sent a record of subject sid to, or, with
 * rowid > 0, that record only (store_notice_each); one per contact,
 * kind, subject and record; inside the caller's transaction, before the
 * records are deleted. */
int db_notice_owed(struct store *s, const char *kind, long sid, long rowid, struct err *e);

/* Appends to out (a JSON array) the notices not yet sent to any of the
 * nto contacts to[] (with resend, those sent before too: no contact
 * acknowledges a notice, so every bundle to it carries them again, and a
 * refused or lost bundle loses none; docs/FORMAT.md "Notices"), oldest
 * first, as a format 3 header carries them ({kind, subject, record or
 * null, day}; export/content.h), each once even when owed to several of
 * them (a notice of kind scope without its "scope": the export adds the
 * subject's scope of that time); *last: the highest notice row read (0:
 * none), for db_notice_sent. */
int db_notice_json(json_t *out, long *last, struct store *s, const char *const *to, size_t nto,
                   int resend, struct err *e);

/* *n: the notices to the nto contacts to[] sent before (for notify's
 * "--resend sends them again"). */
int db_notice_count_sent(long *n, struct store *s, const char *const *to, size_t nto,
                         struct err *e);

/* Marks sent (now) the notices to the nto contacts to[] not yet sent, up
 * to row last (db_notice_json): inside the caller's transaction, with the
 * export that carries them. */
int db_notice_sent(struct store *s, const char *const *to, size_t nto, long last, struct err *e);

#endif
