/* Bundles addressed to this store: opened with this device's key pair and
 * read (open, audit and import share it), and the import pipeline.
 *
 * Nothing read from a bundle is released before its signature has been
 * checked (export/bundle.h, READER CONTRACT): import verifies the whole
 * bundle once without keeping anything, then reads it again inside a store
 * transaction committed only if that second reading verifies too and has
 * the same hash. */
#ifndef INTAKE_STORE_IMPORT_H
#define INTAKE_STORE_IMPORT_H

#include <stddef.h>
#include <sodium.h>

#include "export/bundle.h"
#include "export/content.h"
#include "store/store.h"
#include "util/err.h"

/* A bundle file and this device's X25519 key pair to read it with. */
struct opened_bundle {
    int fd;                              /* -1 when closed */
    unsigned char pk[crypto_box_PUBLICKEYBYTES];
    unsigned char *sk;                   /* crypto_box_SECRETKEYBYTES, sodium_malloc */
    struct progress watcher;             /* the store's (store_watch) */
    uint64_t size;                       /* of the file */
    unsigned passes, done;               /* readings planned (1; import 2), made */
};

/* Loads this device's key pair (the secret key into sodium_malloc memory,
 * the signing key wiped) and opens path, which must be a regular file
 * (EXIT_INPUT otherwise). b is closable whatever happens: call
 * store_bundle_close. */
int store_bundle_open(struct opened_bundle *b, struct store *s, const char *path,
                      struct err *e);

/* Reads and verifies the bundle from the file's current offset, passing its
 * content to h (any member may be NULL; see the READER CONTRACT); info is
 * filled on success. Errors as bundle_read and content_finish: EXIT_AUTH
 * when authentication fails, EXIT_INPUT when the file is malformed, or the
 * handler's error. */
int store_bundle_read(struct opened_bundle *b, const struct content_handler *h,
                      struct bundle_info *info, struct err *e);

/* Closes the file and wipes the key; NULL members are fine. */
void store_bundle_close(struct opened_bundle *b);

/* What an import did. */
struct import_result {
    int seen;                            /* 1: imported before; nothing was added */
    int unchanged;                       /* 1: every record refused, no notice
                                            changed anything: nothing was kept */
    char hash[2 * BUNDLE_HASHBYTES + 1]; /* the bundle hash, hex */
    char sender[CONTACT_NAME_MAX + 1];   /* the contact who signed it, "" if none */
    int verified;                        /* that contact's safety number was compared */
    char sender_key[2 * crypto_sign_PUBLICKEYBYTES + 1];   /* its signing key, hex */
    size_t added, kept;                  /* records added, records that were here already */
    size_t replaced;                     /* records replaced by a newer version (issue 16) */
    size_t files;                        /* attachments added (also to a record
                                            that was here already) */
    size_t files_kept;                   /* attachments here already (same bytes) */
    size_t files_scope;                  /* attachments left out: the consent scope
                                            here of their record's subject says
                                            attachments no (issue 16 A2) */
    size_t files_removed_before;         /* attachments left out: a removal notice
                                            removed them here before (issue 16 A7) */
    size_t routes;                       /* records refused as held here from
                                            another sender, their route kept
                                            (db_route_keep, issue 16 A10) */
    size_t notices_unheld;               /* notices of withdrawal or deletion about
                                            records not held here: kept, to refuse
                                            them if they come (issue 16 A9) */
    size_t notices_elsewhere;            /* notices of withdrawal or deletion without
                                            an origin that reached nothing of their
                                            sender's but name a record or subject
                                            held here from another sender (or this
                                            store's own): not acted on, their
                                            tombstone kept as for notices_unheld
                                            (close16) */
    size_t notices;                      /* notices acted on (issue 16) */
    size_t deletions_idle;               /* notices of a whole subject's deletion
                                            that deleted nothing here: nothing is
                                            marked by them, and a copy held from
                                            another sender stays (adv17b E-2; not
                                            counted in notices) */
    size_t notices_unknown;              /* notices from a sender that is no contact
                                            (--accept-unknown-sender): a withdrawal
                                            or deletion acted on only for the records
                                            it sent itself, one passed on from another
                                            device not acted on (adv20c J-5) */
    size_t notices_before;               /* notices acted on by an earlier bundle
                                            (a scope: the one here already) */
    size_t scopes;                       /* notices of a consent scope that changed
                                            a subject's scope here (issue 16) */
    size_t scopes_kept;                  /* scope notices about a subject not here
                                            yet, kept for its records */
    size_t scope_files;                  /* attachments they deleted (attachments no) */
    size_t removed, files_removed;       /* records and attachments they deleted */
    size_t reconsents;                   /* notices of a new consent after a withdrawal
                                            acted on (issue 16) */
    size_t reconsents_lost;              /* of them, those whose withdrawal never
                                            reached this store: acted on first */
    size_t reconsent_removed, reconsent_files; /* records and attachments that
                                            withdrawal deleted (adv20c J-4: one
                                            notice, one count) */
    size_t removals, removals_files;     /* notices of an attachment removed at the
                                            source acted on, and the attachments
                                            they deleted here */
    int saved;                           /* 1 once the import's transaction was
                                            committed: only then may a caller say
                                            what was imported (adv26b E-3) */
    size_t refused;                      /* records refused (a tombstone, stale, a
                                            conflict, another sender's): the others
                                            were imported */
    char refusal[512];                   /* the first refusal, one line */
    size_t clashes;                      /* records added whose sender's pseudonym
                                            is spelled like a name or term
                                            protected here: kept, may not leave
                                            (store_known_clash, adv16b C-12) */
    char clash_rid[17];                  /* the first of them (RECORD_ID_CHARS) */
    char clash_subject[128];             /* and its subject's pseudonym here */
};

/* Imports the bundle at path: its records under their own ids for the
 * subject PSEUDONYM@KEY (the first 8 hex digits of the sender's signing
 * key), its attachments, the sender's log head, all in one transaction.
 * res is cleared first. Fails with EXIT_AUTH when the bundle does not
 * verify, was signed by someone who is no contact (unless accept_unknown),
 * or changed while it was read (nothing kept); EXIT_INPUT when it cannot
 * be read or is malformed. A record refused (a tombstone covers it, a
 * stale copy, a conflict, a record this store has from elsewhere) is
 * left out alone, with its attachments: the other records and the
 * notices are imported and the bundle remembered, then EXIT_AUTH with
 * res->refused and the first refusal in res->refusal and e (issue 16). */
int store_import(struct import_result *res, struct store *s, const char *path,
                 int accept_unknown, struct err *e);

#endif
