/* A re-consent's tombstone lets in only the records sent after it
 * (docs/FORMAT.md "Notices"), whichever route brings them: the sender's
 * own re-consent (store/tombstone.c) and the re-consent of the device
 * that made a record passed on (store/origin.c; report adv17b E-6). */
#ifndef INTAKE_STORE_TOMBSTONE_SINCE_H
#define INTAKE_STORE_TOMBSTONE_SINCE_H

#include "store/store.h"
#include "util/err.h"

/* Refuses (EXIT_AUTH, "... nothing was imported") record rid whose
 * carried consent was recorded (recorded: "YYYY-MM-DDTHH:MM:SSZ" as the
 * record's "consent" carries it, NULL or "" for none; recorded_seq its
 * counter, 0 when not carried: compared instead of the times when both
 * carry one) before the last re-consent kept here under signing key pk
 * (crypto_sign_PUBLICKEYBYTES) for its subject id subject (a tombstone of
 * kind reconsent): the device stamps each record with its subject's
 * consent at export and exports nothing of a withdrawn subject, so such
 * a record left the device before the withdrawal. Only the last
 * re-consent counts (a later round's is later). passed_on: pk is the
 * record's origin, not the bundle's signer (the message says so). 0 if
 * not refused; -1 with e (EXIT_AUTH as above, EXIT_INPUT a database
 * error). */
int db_sent_before_reconsent(struct store *s, const unsigned char *pk, const char *subject,
                             const char *rid, const char *recorded, long recorded_seq,
                             int passed_on, struct err *e);

/* 1 if a record whose carried consent was recorded at recorded
 * ("YYYY-MM-DDTHH:MM:SSZ", NULL for none) with the counter recorded_seq
 * (0: not carried) was stamped before a re-consent recorded at since with
 * the counter since_seq: by the counters when both are above 0 (issue 16
 * A1), else by the times; 0 if not. */
int db_stamped_before(const char *since, long since_seq, const char *recorded,
                      long recorded_seq);

/* Whether the record with row id rowid, imported here, was made on its
 * device before its subject's re-consent (issue 16 E-4), by what
 * travelled with it, never this store's log (an imported record has no
 * "record.add" here): the consent its device stamped on it against the
 * last re-consent kept here (a tombstone of kind reconsent) under its
 * sender's key and subject id, and under its origin's (content format
 * 7); with neither, against the re-consent's scope held here
 * (since_seq, since: the subject's first consent entry after its
 * withdrawal). *before: 1 if made before (a record whose manifest cannot
 * be read counts as made before), else 0. 1 when rowid was imported
 * (*before filled), 0 when not (a record made here: the caller orders it
 * by its log), -1 with e (a database error). */
int db_record_before_reconsent(int *before, struct store *s, long rowid, long since_seq,
                               const char *since, struct err *e);

#endif
