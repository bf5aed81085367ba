/* Internal to store/tombstone.c and store/scope.c: the records a notice
 * reaches here (DOOMED) and what both read of the bundle's signer (its
 * subject here, its rounds of withdrawal and re-consent). */
#ifndef INTAKE_STORE_TOMBSTONE_INT_H
#define INTAKE_STORE_TOMBSTONE_INT_H

#include <stddef.h>

#include "store/notice.h"
#include "store/store.h"

/* The records the notice reaches: imported here from the bundle's
 * signer (?1: the import), of the subject here ?2 (the whole subject,
 * ?3 '') or with record id ?3; and for a withdrawal of the whole subject
 * (?5 'withdrawal'), the copies held here from another sender of the
 * records the signer sent of its subject ?6 (record_route: a record
 * received twice, issue 16 A10). A notice passed on with its origin
 * (content format 7: ?7 the signing key of the device that made it, ?8
 * that device's subject id; NULL and '' when the signer made it) reaches
 * every copy of the origin's record here too, whatever route it came by:
 * the record ?3 held from the origin or held here while the signer or
 * the origin sent it too (a route), or, for the whole subject, the
 * origin's records of its subject ?8 and the copies its routes name.
 * The signer's own notice reaches the copies its routes name, and the
 * copies held from another sender that name it as their origin (content
 * format 7 records: store/origin.h), too: for a withdrawal, always; for a
 * deletion, when the signer made that record (MADE_BY; issue 16 C-4,
 * C-5). Never this store's own records (no origin), nor another
 * sender's otherwise. A sender that is no contact (?4 NULL: a bundle
 * imported with --accept-unknown-sender) reaches only the records
 * imported from its own key: no route, no copy held from a contact, no
 * origin (adv20c J-5). Parameters ?1 to ?8: import, subject here, record
 * id, sender name (NULL: not a contact), kind, sender's subject id,
 * origin key, origin's subject id. */
#define DOOMED                                                                        \
    "SELECT r.id FROM record r JOIN record_origin o ON o.record_id = r.id"            \
    " JOIN import i ON i.id = o.import_id"                                            \
    " WHERE (i.sender_pk = (SELECT sender_pk FROM import WHERE id = ?1)"              \
    " AND ((?3 <> '' AND r.rid = ?3) OR (?3 = '' AND r.subject_id = ?2)))"            \
    " OR (?3 = '' AND ?4 IS NOT NULL AND (?5 = 'withdrawal' OR " PASSED_ON " OR " MADE_BY ")" \
    " AND r.rid IN"                                                                   \
    " (SELECT rid FROM record_route WHERE (subject = ?6 AND sender_pk ="              \
    " (SELECT sender_pk FROM import WHERE id = ?1)) OR (subject = ?8 AND sender_pk = ?7)))" \
    " OR (?7 IS NOT NULL AND ?4 IS NOT NULL AND ?3 <> '' AND r.rid = ?3"               \
    " AND (" PASSED_ON " OR " MADE_BY ")"                                             \
    " AND (i.sender_pk = ?7 OR EXISTS"                                                \
    " (SELECT 1 FROM record_route x WHERE x.rid = ?3 AND (x.sender_pk = ?7 OR"        \
    " x.sender_pk = (SELECT sender_pk FROM import WHERE id = ?1)))))"                 \
    " OR (?7 IS NOT NULL AND ?4 IS NOT NULL AND ?3 = '' AND i.sender_pk = ?7"         \
    " AND r.subject_id IN"                                                            \
    " (SELECT subject_id FROM subject_origin WHERE sender_pk = ?7 AND uid = ?8))"
/* DOOMED's ?7 is a notice's origin passed on (not the signer: the
 * signer's own notice has ?7 its own key, db_notice_apply), or the copy
 * r here was made by ?7: its bundle named that origin (content format
 * 7; the manifest is compact JSON with sorted keys, and a quote inside a
 * string is escaped, so only the record's own "origin" matches), else
 * its sender made it. The signer's own deletion reaches a copy
 * held by another route only when the signer made that record (issue 16
 * C-5): a store deleting its own copy of another's record says nothing of
 * the copies others sent. */
#define PASSED_ON "(?7 IS NOT NULL AND ?7 IS NOT (SELECT sender_pk FROM import WHERE id = ?1))"
#define MADE_BY                                                                       \
    "CASE WHEN instr(o.manifest, '\"origin\":{\"key\":\"') > 0"                       \
    " THEN instr(o.manifest, '\"origin\":{\"key\":\"' || lower(hex(?7)) || '\"') > 0"  \
    " ELSE i.sender_pk = ?7 END"

/* DOOMED's ?7 and ?8 for origin o (NULL: the signer's own notice). */
#define ORIGIN_VALS(o)                                                                \
    (o) != NULL ? (struct db_val)DB_BLOB((o)->pk, crypto_sign_PUBLICKEYBYTES)         \
                : (struct db_val){ .type = SQLITE_NULL },                             \
    DB_TEXT((o) != NULL ? (o)->subject : "")

#define SENDER_PK "(SELECT sender_pk FROM import WHERE id = ?1)"

/* *w and *r: the highest round of the sender's withdrawals of the whole
 * subject acted on here, and of its re-consents (0: none); the sender is
 * the bundle's signer (the import import_id), or pk
 * (crypto_sign_PUBLICKEYBYTES) when not NULL (a notice's origin). The
 * subject is withdrawn here while *w > *r. 0, or -1 with e (a database
 * error). */
int db_rounds_of(long *w, long *r, struct store *s, long import_id, const unsigned char *pk,
                 const char *subject, struct err *e);

/* db_rounds_of for the bundle's signer. */
int db_rounds(long *w, long *r, struct store *s, long import_id, const char *subject,
              struct err *e);

/* *sid and here[] (herelen bytes): the subject this store keeps for the
 * signer's subject id subject (0 and "" if none). 0, or -1 with e (a
 * database error). */
int db_subject_here(long *sid, char *here, size_t herelen, struct store *s, long import_id,
                    const char *subject, struct err *e);

/* The signing key of the bundle's signer (the import import_id) into
 * pk (crypto_sign_PUBLICKEYBYTES). 0, or -1 with e (EXIT_INPUT: a
 * database error, or the import has no sender key). */
int db_signer_key(unsigned char *pk, struct store *s, long import_id, struct err *e);

/* *sid: the subject this store keeps for the origin's subject id (0: no
 * origin, or none here). 0, or -1 with e (a database error). */
int db_origin_subject_here(long *sid, struct store *s, const struct notice_origin *origin,
                           struct err *e);

#endif
