/* Internal to store/: headquarters acting on the notices a bundle carries
 * (issue 16), for import.c; reading the tombstones is in store.h. */
#ifndef INTAKE_STORE_TOMBSTONE_H
#define INTAKE_STORE_TOMBSTONE_H

#include <jansson.h>
#include <stddef.h>

#include "store/notice.h"
#include "store/store.h"

/* What acting on one notice did. */
struct notice_outcome {
    int before;                          /* 1: acted on before; nothing changed */
    size_t records;                      /* records deleted here */
    size_t files;                        /* their attachments */
    int held;                            /* 1: what it names was held here (its
                                            subject, or the record, deleted now or
                                            by an earlier notice); 0: never */
};

/* Acts on one notice of the bundle being imported as import_id (inside
 * its transaction, from store_import_begin): kind "withdrawal" or
 * "deletion", the sender's subject id, rid the record id or NULL (the
 * whole subject), day its YYYY-MM-DD. Deletes the records of that
 * subject (or that record) that this store imported from the bundle's
 * signer (and, for a withdrawal of the whole subject, the copies held
 * here from another sender of the records the signer sent of it:
 * db_route_keep), with their tags, index rows and attachments (secure_delete;
 * the caller scrubs the index and checkpoints after the commit), never
 * another sender's or this store's own; keeps a tombstone for the notice
 * and one per record deleted; owes this store's own contacts that
 * received those records a notice in turn (store/notice.h); logs
 * "import.withdrawal" or "import.deletion" with the record or subject
 * id. A withdrawal marks the subject's consent withdrawn on day; a
 * deletion of the whole subject deletes the subject here too once it has
 * no records. A notice with a tombstone already: out->before, nothing
 * changed. round: the withdrawal's round (content format 5; 1 when
 * absent): a withdrawal of the whole subject is acted on before when
 * this round or a later one was, or a re-consent of it (a stale copy).
 * origin: whose the notice is when the signer passes it on (content
 * format 7; NULL: the signer's own, or one naming the signer): it then
 * reaches every copy of the origin's record or subject held here,
 * whatever route it came by (DOOMED in store/tombstone.c), the origin's
 * subject here takes the withdrawal or deletion too, a deletion keeps a
 * tombstone of the origin as well, and the notice owed onward names the
 * same origin (the signer and its subject id when it has none).
 * sender: the signer's contact name, NULL when it is no contact (a bundle
 * imported with --accept-unknown-sender): its notice then reaches only
 * the records imported from its own key, never a route, a copy held from
 * another sender or another subject here (adv20c J-5); the caller does
 * not pass it an origin.
 * Errors: a database error (EXIT_INPUT). */
int db_notice_apply(struct notice_outcome *out, struct store *s, long import_id,
                    const char *sender, const char *kind, const char *subject, const char *rid,
                    const char *day, long round, const struct notice_origin *origin,
                    struct err *e);

/* Acts on a notice of kind "reconsent" (content format 5) of the bundle
 * being imported as import_id (inside its transaction): the sender's
 * subject, withdrawn in round round (1 the first withdrawal), has a new
 * consent c. Unless this round or a later withdrawal was acted on here
 * (nothing changes, *changed 0): a withdrawal of that round never acted
 * on here is acted on first (out: what it deleted; the records it
 * reaches were sent before it), then a tombstone of kind reconsent lifts
 * the whole-subject withdrawal for the subject's later records (the
 * records its tombstones name stay refused), the subject here takes the
 * scope c, this store's contacts owed a withdrawal of it are owed a
 * re-consent in turn, and "import.reconsent" is logged. origin: whose
 * re-consent it is when the signer passes it on (content format 7, with
 * the origin's round; NULL: the signer's own): unless the origin's
 * re-consent of that round or a later one, or a later withdrawal of it,
 * was acted on here, a tombstone of kind reconsent under the origin's key
 * lifts the origin's withdrawal (one passed on, or its own) the same way
 * and the origin's subject here takes the scope c too. Errors: a
 * database error (EXIT_INPUT). */
int db_reconsent_apply(int *changed, struct notice_outcome *out, struct store *s,
                       long import_id, const char *sender, const char *subject, const char *day,
                       long round, const struct consent *c, const struct notice_origin *origin,
                       struct err *e);

/* Acts on a notice of kind "removal" (content format 5, issue 16 F9) of
 * the bundle being imported as import_id (inside its transaction): the
 * attachment with BLAKE2b hex attachment (64 digits) of the sender's
 * record rid is deleted here (chunks too, secure_delete; out->files),
 * this store's contacts that received it are owed a removal in turn, a
 * tombstone kind removal keeps the record id and hash (a later bundle
 * cannot bring it back: db_removal_check), and "import.removal" is
 * logged with the record id. A removal with a tombstone already:
 * out->before, nothing changed. origin (NULL: the signer made it): a
 * removal passed on (content format 7, issue 16 B-10) reaches the copy
 * of record rid held here from the origin or by a route of the signer or
 * the origin (record_route), as a withdrawal passed on does; a tombstone
 * under the origin's key is kept too (its own removal is then acted on
 * before), and the removal owed onward names origin, or the signer and
 * its subject id. Errors: EXIT_INPUT (a database error, a bad hash). */
int db_removal_apply(struct notice_outcome *out, struct store *s, long import_id,
                     const char *sender, const char *subject, const char *rid, const char *day,
                     const char *attachment, const struct notice_origin *origin,
                     struct err *e);

/* *removed: 1 if the sender with signing key sender_pk removed the
 * attachment with BLAKE2b hex attachment from record rid (a removal's
 * tombstone), or this store deleted its copy on any sender's removal:
 * an import leaves that attachment out. */
int db_removal_check(int *removed, struct store *s, const unsigned char *sender_pk,
                     const char *rid, const char *attachment, struct err *e);

/* Keeps that the sender of the bundle being imported as import_id sent
 * record rid of its subject with stable id subject (NULL, content format
 * 1: nothing kept), refused because this store holds it from another
 * sender: that sender's withdrawal of the subject then deletes the copy
 * held here too (db_notice_apply; issue 16 A10). Ids only, never text.
 * 0, or -1 with e (a database error). */
int db_route_keep(struct store *s, long import_id, const char *rid, const char *subject,
                  struct err *e);

/* This store's own `record delete` of the record with row id rowid
 * (issue 16): when it was imported (it has an origin), a tombstone keeps
 * its id (kind deletion, this store's signing key as its sender, the
 * sender's subject id, today, "a record was deleted here", and the
 * sender whose bundle brought it: held_pk, held, adv19c C-5), so that no
 * later bundle, from any sender, brings it back (db_tombstone_check) and
 * show and list explain it; a record of this store's own keeps none.
 * Inside the caller's transaction, before the record is deleted.
 * Errors: a database error (EXIT_INPUT). */
int db_tombstone_local(struct store *s, long rowid, struct err *e);

/* Refuses (EXIT_AUTH, "... nothing was imported") record rid of the
 * sender's subject (its stable id subject, NULL for content format 1)
 * from the sender with signing key sender_pk
 * (crypto_sign_PUBLICKEYBYTES) when one of its tombstones covers it: a
 * record or subject the sender withdrew or deleted does not come back,
 * from an older bundle or a newer one; nor does a record of a subject
 * withdrawn then re-consented whose carried consent was recorded
 * (recorded: "YYYY-MM-DDTHH:MM:SSZ" as the record's "consent" carries
 * it, NULL for none; recorded_seq its counter, 0 when not carried:
 * compared instead of the times when both carry one) before the last
 * re-consent's scope was: it left the
 * device before the withdrawal (docs/FORMAT.md, "Notices"); nor, from
 * another sender, a record this store deleted on a notice (a copy held
 * here: issue 16 A4): on a withdrawal, on its own record delete, or on a
 * deletion by the device that made the record coming now (maker_pk,
 * crypto_sign_PUBLICKEYBYTES: the origin the record names, content
 * format 7; NULL: its sender made it), never on a relay's deletion of its
 * own copy (adv20c J-1). 0 if none. */
int db_tombstone_check(struct store *s, const unsigned char *sender_pk,
                       const unsigned char *maker_pk, const char *subject, const char *rid,
                       const char *recorded, long recorded_seq, struct err *e);

/* How a record of a bundle imported before stands in this store (issue
 * 16, adv16b N4: open and audit of a bundle kept after its notices
 * arrived): 1 when import would refuse it now (withdrawn or deleted at the
 * source, or sent before a withdrawal: db_tombstone_check for its sender
 * sender_pk, crypto_sign_PUBLICKEYBYTES, and, for a record passed on
 * with its origin, content format 7, db_origin_check for that origin), 2
 * when its subject's consent scope here is newer than the one the record
 * carries (db_scope_cmp), 0 otherwise; note (notelen bytes) gets one
 * English line saying which, "" for 0. rec: the record's document as the
 * bundle carries it (borrowed; checked by export/content.c). -1 with e on
 * a database error. */
int db_record_standing(char *note, size_t notelen, struct store *s,
                       const unsigned char *sender_pk, json_t *rec, struct err *e);

#endif
