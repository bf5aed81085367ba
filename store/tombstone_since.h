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

#endif
