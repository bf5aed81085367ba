/* Internal to store/: headquarters acting on the consent-scope notices a
 * bundle carries (issue 16), for import.c, exchange.c and unpack.c;
 * withdrawals, deletions and re-consents are in store/tombstone.h. */
#ifndef INTAKE_STORE_SCOPE_H
#define INTAKE_STORE_SCOPE_H

#include "store/notice.h"
#include "store/store.h"

/* What a scope notice did here (db_scope_apply). */
enum scope_outcome {
    SCOPE_UNCHANGED,                     /* nothing changed: this scope or a later one is
                                            here already, or the subject was withdrawn or
                                            deleted */
    SCOPE_TAKEN,                         /* the subject here took the scope */
    SCOPE_KEPT,                          /* kept for a subject not here yet (nothing held
                                            here changed): db_scope_pending_take */
};

/* Acts on a notice of kind "scope" of the bundle being imported as
 * import_id (inside its transaction): the subject this store keeps for
 * the sender's subject id takes the consent scope c (db_consent_carry)
 * unless the sender withdrew or deleted it (a tombstone of the whole
 * subject) or its scope here is c already or later (a subject not here
 * yet keeps c for its records: db_scope_pending_take); then this store's
 * contacts that received its records are owed a scope notice in turn, and
 * "import.scope" is logged with the sender's subject id. *outcome says
 * which of enum scope_outcome happened. When c says attachments no, the attachments of
 * the sender's records of that subject here are deleted (chunks too,
 * secure_delete; *files: how many) when the scope changed, by this notice
 * or by a record of the same import (a consent row with an id above
 * floor, the highest before the import began); a scope repeated
 * unchanged deletes nothing (adv16b C-3): no tombstone, as a
 * later bundle carries attachments only if the scope allows them again,
 * and the scope notice owed onward deletes the contacts' copies in turn.
 * origin (NULL: the signer made it): a scope passed on (content format
 * 7, issue 16 B-10): the subject this store keeps for the origin's
 * subject id takes it too, as a withdrawal passed on reaches it, and its
 * records lose their attachments when c says attachments no, whatever
 * route they came by. The notice owed onward names origin, or the
 * signer and its subject id. Errors: a database error (EXIT_INPUT). */
int db_scope_apply(enum scope_outcome *outcome, long *files, struct store *s, long import_id,
                   const char *subject, const struct consent *c,
                   const struct notice_origin *origin, long floor, struct err *e);

/* A scope notice about a subject of the sender not here (db_scope_apply
 * keeps the latest recorded of them): the subject sid, just made here for
 * the sender's subject id subject by the import import_id, takes it
 * (db_consent_carry), and it is let go; its records' own scope, older,
 * then changes nothing.  Inside the caller's transaction; 0, or -1 with e
 * (a database error). */
int db_scope_pending_take(struct store *s, long import_id, const char *subject, long sid,
                          struct err *e);

/* *allowed: 0 if the consent scope held here for a record's subject says
 * attachments no, 1 otherwise (no such subject here, or no consent
 * recorded). The subject: the one kept for the stable id subject (NULL
 * for content format 1) of the sender with signing key sender_pk
 * (crypto_sign_PUBLICKEYBYTES), else the one of record rid here. Import
 * leaves out the attachments of such a record and open -o does not write
 * them, whatever the bundle's age (issue 16 A2). 0, or -1 with e (a
 * database error). */
int db_scope_attachments(int *allowed, struct store *s, const unsigned char *sender_pk,
                         const char *subject, const char *rid, struct err *e);

#endif
