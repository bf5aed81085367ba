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

/* Whose a withdrawal or deletion is (content format 7, issue 16): the
 * device that made it, by its signing key pk (crypto_sign_PUBLICKEYBYTES),
 * and its stable id for the subject (16 characters), borrowed; for a
 * withdrawal of the whole subject, round: that device's round of it (1
 * the first; 0 when not carried, read as 1), which the rounds of the
 * origin's withdrawals and re-consents here are counted in. */
struct notice_origin {
    const unsigned char *pk;
    const char *subject;
    long round;
};

/* db_notice_owed for a withdrawal or deletion this store passes on: the
 * rows keep origin (NULL: this store's own, no origin travels), which
 * every bundle carrying them names, so that a contact holding that
 * record from the origin or another route deletes it too. */
int db_notice_owed_from(struct store *s, const char *kind, long sid, long rowid,
                        const struct notice_origin *origin, struct err *e);

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

/* Makes the array notices (db_notice_json's, for the nto contacts to[])
 * fit one bundle that all of them read: a notice names records and
 * subjects only the contacts owed it received (issue 16, adv16b C-14;
 * docs/FORMAT.md "Notices"). A notice owed to some of them only, and
 * sent to each of those before, is removed from notices: still owed, it
 * travels in every bundle to those contacts alone, and an auditor can
 * read the bundle headquarters imports (adv19c C-3). *napart: how many
 * were removed; apart (apartlen bytes): the contacts owed them, ","
 * between (as --to takes them). Returns 0, or -1 with e (EXIT_INPUT) when such a notice was
 * never sent (it must travel first: 'intake notify'), or with
 * notices_only (notify writes one bundle per contact then), or on a
 * database error or out of memory. */
int db_notice_check_mix(json_t *notices, size_t *napart, char *apart, size_t apartlen,
                        struct store *s, const char *const *to, size_t nto, int notices_only,
                        struct err *e);

/* *n: the notices to the nto contacts to[] sent before (for notify's
 * "--resend sends them again"). */
int db_notice_count_sent(long *n, struct store *s, const char *const *to, size_t nto,
                         struct err *e);

/* *n: the notices not yet sent owed to a key that any of the nto
 * contact names to[] had before its card was replaced or removed (issue
 * 16 B-4: 'notify --to NAME' cannot send them; 'exports' lists them).
 * Errors: a database error (EXIT_INPUT). */
int db_notice_count_former(long *n, struct store *s, const char *const *to, size_t nto,
                           struct err *e);

/* Marks sent (now) the notices to the nto contacts to[] not yet sent, up
 * to row last (db_notice_json): inside the caller's transaction, with the
 * export that carries them. */
int db_notice_sent(struct store *s, const char *const *to, size_t nto, long last, struct err *e);

/* Owes a notice of kind "removal" (issue 16, F9) for the attachment
 * with row id attachment_id to every contact an export sent its record
 * to, naming the copy that export carried (the BLAKE2b hex of what left,
 * export_attachment; the stored hash for exports logged before schema
 * 13); inside the caller's transaction, before the attachment is
 * deleted. origin: whose removal it is when this store passes one on
 * (NULL: its own), kept in the rows as for db_notice_owed_from (issue 16
 * B-10). Errors: a database error (EXIT_INPUT). */
int db_notice_owed_removal(struct store *s, long attachment_id,
                           const struct notice_origin *origin, struct err *e);

/* 1 (who: the contact's name, day: YYYY-MM-DD of the withdrawal) if
 * record rid went to one of the nto contacts to[] before its subject's
 * consent was withdrawn and a withdrawal notice became owed to that
 * contact: headquarters deleted it and refuses it for ever (its
 * tombstone), even after a re-consent, so an export to that contact
 * must not count it as sent (issue 16). 0 if none; -1 on a database
 * error (EXIT_INPUT). who and day are wholen and daylen bytes. */
int db_notice_refused(char *who, size_t wholen, char *day, size_t daylen, struct store *s,
                      const char *rid, const char *const *to, size_t nto, struct err *e);

#endif
