/* Internal to store/: a record's origin as it travels (issue 16 C-4 to
 * C-8): the device that made it and that device's subject id, so that
 * the origin's notices reach every copy held here, whatever route it
 * came by (store/origin.c). */
#ifndef INTAKE_STORE_ORIGIN_H
#define INTAKE_STORE_ORIGIN_H

#include <jansson.h>

#include "store/notice.h"
#include "store/origin_of.h"
#include "store/store.h"

/* The tombstones that refuse record ?3 of the subject id ?2 from the
 * device with signing key ?1: the ones naming that record, and the
 * subject's deletion, or its withdrawal when no re-consent of that round
 * or later lifted it (db_tombstone_check, db_origin_check). */
#define TOMBSTONE_COVERS                                                              \
    "sender_pk = ?1 AND kind IN ('withdrawal', 'deletion') AND attachment = ''"        \
    " AND (rid = ?3 OR (rid = '' AND subject = ?2 AND (kind = 'deletion' OR"          \
    " round > (SELECT coalesce(max(round), 0) FROM tombstone t WHERE"                  \
    " t.sender_pk = ?1 AND t.kind = 'reconsent' AND t.subject = ?2))))"

/* Adds to doc (a record's document as it leaves) "origin": {"key": the
 * 64 hex of the signing key of the device that made record rid, "subject":
 * that device's subject id}, when rid was imported here (the origin its
 * bundle named, else its sender and the sender's subject id); nothing for
 * a record made here or one imported before subjects had ids. Errors: a
 * database error, out of memory (EXIT_INPUT). */
int db_origin_json(json_t *doc, struct store *s, const char *rid, struct err *e);


/* A record rid of the bundle being imported as import_id, held here now
 * (imported, or refused as held from another sender), whose document
 * names origin o: this store keeps that o sent it (record_route, as
 * db_route_keep does for a sender), so that o's withdrawals, deletions
 * and scopes reach the copy held here whatever route it came by; and the
 * subject of the copy here takes a scope notice of o kept for a subject
 * not here yet (db_scope_apply), without letting it go (o's own records
 * take it when they come). Ids only, never text. 0, or -1 with e (a
 * database error, EXIT_INPUT). */
int db_origin_keep(struct store *s, const char *rid, const struct notice_origin *o,
                   struct err *e);

/* Up to max subjects here (ids[], *n), other than sid and sid_o, that
 * hold a record the device reach (its key and subject id) sent of its
 * subject, or the signer of the bundle being imported as import_id sent
 * of its subject id subject, by another route (record_route): that
 * subject, held here through someone else (issue 16 C-4). 0, or -1 with
 * e (a database error). */
int db_origin_subjects(long *ids, size_t *n, size_t max, struct store *s, long import_id,
                       const char *subject, const struct notice_origin *reach, long sid,
                       long sid_o, struct err *e);

/* Refuses (EXIT_AUTH, "... nothing was imported") record rid passed on
 * with origin o when a tombstone of o covers it (TOMBSTONE_COVERS):
 * what the device that made it withdrew or deleted, by a notice that
 * came here by any route, does not come back through another sender
 * (issue 16 C-8); nor, after o's re-consent, a record whose carried
 * consent (recorded, recorded_seq: as db_tombstone_check has them) is
 * older than that re-consent's scope: it left the device before the
 * withdrawal (db_sent_before_reconsent; adv17b E-6). 0 if none; -1 with
 * e (EXIT_INPUT: a database error). */
int db_origin_check(struct store *s, const struct notice_origin *o, const char *rid,
                    const char *recorded, long recorded_seq, struct err *e);

/* A scope notice passed on (its origin o) about a subject not here yet:
 * kept under o's key and subject id as well (the one db_scope_order keeps
 * over one kept before), so that o's records take it whatever route they
 * come by (db_origin_keep, db_scope_pending_take; issue 16 C-6). 0, or
 * -1 with e (a database error). */
int db_origin_pending(struct store *s, const struct notice_origin *o, const struct consent *c,
                      struct err *e);

#endif
