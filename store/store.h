/* The encrypted store: a folder (0700) with a keyslot file and a SQLCipher
 * database opened with a raw 256-bit key (docs/FORMAT.md, SECURITY.md). */
#ifndef INTAKE_STORE_H
#define INTAKE_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <sodium.h>

#include "crypto/keyslot.h"
#include "util/err.h"

#define STORE_DB_NAME "store.db"
#define STORE_KEYSLOTS_NAME "keyslots"
#define STORE_SCHEMA_VERSION 3
#define STORE_LABEL_MAX 64
#define STORE_LOCALE_MAX 16

struct store;

struct store_params {
    const char *label;      /* shown on this store's card */
    const char *locale;     /* default pseudonym locale */
    uint64_t opslimit;      /* Argon2id cost of the passphrase slot */
    uint64_t memlimit;
};

/* The store folder: home if given, else $INTAKE_HOME, else
 * ${XDG_DATA_HOME:-$HOME/.local/share}/intake. */
int store_dir_resolve(char *out, size_t outlen, const char *home, struct err *e);

/* Checks that a store exists in dir and that only its owner can reach the
 * folder and its files; run before asking for a passphrase. */
int store_check_dir(const char *dir, struct err *e);

/* Creates a store in dir (which must not hold one): the folder, the
 * database, this device's key pairs and two keyslots (passphrase and a new
 * recovery key, returned in recovery). */
int store_create(const char *dir, const struct store_params *p,
                 const char *passphrase, size_t passlen,
                 unsigned char *recovery, struct err *e);

/* Opens the store in dir with a passphrase (kind KEYSLOT_PASSPHRASE) or the
 * recovery key (KEYSLOT_RECOVERY). A wrong secret is EXIT_AUTH and the
 * database is not touched; a damaged keyslot file or database, EXIT_INPUT. */
int store_open(struct store **s, const char *dir, uint8_t kind,
               const unsigned char *secret, size_t secretlen, struct err *e);

/* Closes the store and wipes its keys. NULL is allowed. */
void store_close(struct store *s);

/* Rewraps the master key under a new passphrase, keeping the slot's cost;
 * the database is not re-encrypted. */
int store_set_passphrase(struct store *s, const char *passphrase,
                         size_t passlen, struct err *e);

/* Reads a setting (label, locale, created); out is "" when unset. */
int store_meta_get(char *out, size_t outlen, struct store *s, const char *key,
                   struct err *e);

/* This device's public keys. */
int store_device_public(unsigned char *sign_pk, unsigned char *box_pk,
                        struct store *s, struct err *e);

/* This device's secret keys, into caller-provided sodium_malloc buffers
 * (crypto_sign_SECRETKEYBYTES and crypto_box_SECRETKEYBYTES). */
int store_device_secret(unsigned char *sign_sk, unsigned char *box_sk,
                        struct store *s, struct err *e);

/* Begins, commits or rolls back a transaction. */
int store_begin(struct store *s, struct err *e);
int store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);

/* The store's folder. */
const char *store_dir(const struct store *s);

#endif

/* ---- Subjects and records (store/subject.c, store/record.c) ---- */

#define RECORD_ID_CHARS 16
#define TEXT_FIELD_MAX 4096              /* names, titles, places, tags */
#define BODY_MAX (64u << 20)

struct subject_row {
    long id;
    const char *pseudonym, *created, *locale;
    long nrecords;
    const char *last_date;               /* newest record date or NULL */
    /* Only when revealed: */
    const char *contact, *note;
    const char *const *names;
    size_t nnames;
};

struct record_row {
    const char *id, *date, *pseudonym, *title, *place, *lang, *body, *created;
    const char *const *tags;
    size_t ntags;
};

struct record_filter {
    const char *subject;                 /* pseudonym, or NULL */
    const char *tag;
    const char *query;                   /* FTS4 MATCH, or NULL */
    const char *id;
    int with_body;
};

typedef int (*subject_fn)(void *ctx, const struct subject_row *r, struct err *e);
typedef int (*record_fn)(void *ctx, const struct record_row *r, struct err *e);

/* Registers a subject with its real names; pseudonym NULL generates one
 * for locale. The chosen pseudonym is written to out. A pseudonym that
 * matches a real name (after variant expansion) or another pseudonym is
 * refused. */
int store_subject_add(char *out, size_t outlen, struct store *s,
                      const char *const *names, size_t nnames,
                      const char *contact, const char *note,
                      const char *pseudonym, const char *locale,
                      struct err *e);

/* Calls fn for each subject (or only pseudonym); reveal adds identities. */
int store_subject_each(struct store *s, const char *pseudonym, int reveal,
                       subject_fn fn, void *ctx, struct err *e);

/* Adds a record for the subject with pseudonym; writes its id to id. */
int store_record_add(char *id, size_t idlen, struct store *s,
                     const char *pseudonym, const struct record_row *r,
                     struct err *e);

/* Calls fn for each record that passes f, oldest date first. */
int store_record_each(struct store *s, const struct record_filter *f,
                      record_fn fn, void *ctx, struct err *e);

/* ---- Contacts (store/contact.c) ---- */

#define CONTACT_NAME_MAX 64

struct card;

struct contact_row {
    const char *name, *card, *added, *verified;   /* verified: NULL if never */
};

typedef int (*contact_fn)(void *ctx, const struct contact_row *r, struct err *e);

/* Adds contact name with card c (its text in cardtext). An existing name
 * needs replace (the old card is kept in the history and the contact is
 * unverified again). Refused: the store's own card, keys that belong to
 * another contact. */
int store_contact_add(struct store *s, const char *name, const struct card *c,
                      const char *cardtext, int replace, struct err *e);

/* Calls fn for each contact (or only name, EXIT_INPUT if unknown). */
int store_contact_each(struct store *s, const char *name, contact_fn fn,
                       void *ctx, struct err *e);

/* Removes contact name (its history goes with it). */
int store_contact_remove(struct store *s, const char *name, struct err *e);

/* Records that the safety number with contact name was compared. */
int store_contact_confirm(struct store *s, const char *name, struct err *e);

/* ---- Privacy: the protected set, consent, redacted records
 *      (store/privacy.c; issue 3) ---- */

struct redactor;

/* The store's whole protected set, compiled: every subject's pseudonym,
 * real names and terms, the store-wide terms, and the allowed texts. */
int store_redactor(struct redactor **r, struct store *s, struct err *e);

/* A subject's informed consent, as last recorded. */
struct consent {
    int recorded;                        /* 0: never recorded */
    int export_ok, quote, publish, attachments;   /* 1 yes, 0 no */
    char method[16];                     /* verbal, written, recorded or "" */
    char embargo[11];                    /* YYYY-MM-DD or "" */
    char date[32];                       /* when recorded (UTC) */
    char withdrawn[32];                  /* when withdrawn, or "" */
};

/* Reads the consent of the subject with pseudonym (EXIT_INPUT if unknown). */
int store_consent_get(struct consent *c, struct store *s, const char *pseudonym,
                      struct err *e);

/* Why the subject's records may not leave on day today (YYYY-MM-DD),
 * written to why as one line; why is "" when they may leave. */
void consent_blocks(char *why, size_t whylen, const struct consent *c,
                    const char *today);

/* A record's fields redacted with one numbering context, so "[PLACE-1]"
 * means the same place in the title, place, tags and body. */
struct redacted_record {
    struct redaction *title, *place, *body;    /* place NULL if none */
    struct redaction *tags;                    /* ntags entries */
    size_t ntags;
    size_t unresolved;                         /* review flags not allowed */
};

/* Redacts row (read with_body) with r; fails with EXIT_AUTH if a protected
 * term survives (redactor_run's re-scan). */
int store_record_redact(struct redacted_record *out, const struct redactor *r,
                        const struct record_row *row, struct err *e);
void store_record_redacted_free(struct redacted_record *out);

/* ---- The store's hash-chained log (store/log.c; issue 6) ---- */

/* Appends an entry (action such as "subject.add", an opaque object id such
 * as a record id, never a name, a term or testimony) inside the caller's
 * transaction. The action is 1..LOG_ACTION_MAX bytes of [a-z0-9.-]; the
 * object 0..LOG_OBJECT_MAX bytes of printable ASCII (so no Hangul or
 * Cyrillic name can slip in); anything else is refused. */
int store_log(struct store *s, const char *action, const char *object,
              struct err *e);

#define LOG_HASHBYTES 32
#define LOG_ACTION_MAX 32
#define LOG_OBJECT_MAX 1024

/* One entry of the log; hash = log_entry_hash() of the other fields. */
struct log_row {
    long seq;                            /* 1, 2, 3, ... */
    const char *at, *action, *object;    /* object "" when none */
    unsigned char prev[LOG_HASHBYTES];   /* the previous entry's hash; zeros for 1 */
    unsigned char hash[LOG_HASHBYTES];
};

typedef int (*log_fn)(void *ctx, const struct log_row *r, struct err *e);

/* The hash of an entry (docs/FORMAT.md, "Store log"): BLAKE2b-256 of a
 * domain tag, the sequence number, the length-prefixed date, action and
 * object, and the previous entry's hash. */
void log_entry_hash(unsigned char out[LOG_HASHBYTES], long seq, const char *at,
                    const char *action, const char *object,
                    const unsigned char prev[LOG_HASHBYTES]);

/* Checks a log one entry at a time, in order: start with log_check_init,
 * feed each row to log_check_next (EXIT_AUTH naming the first broken entry). */
struct log_check {
    long seq;                            /* entries accepted so far */
    unsigned char head[LOG_HASHBYTES];   /* the last accepted entry's hash */
};
void log_check_init(struct log_check *c);
int log_check_next(struct log_check *c, const struct log_row *r, struct err *e);

/* Calls fn for each entry, oldest first. */
int store_log_each(struct store *s, log_fn fn, void *ctx, struct err *e);

/* Checks the whole chain; fills c (entries and head) when it is intact,
 * else EXIT_AUTH naming the first broken entry. */
int store_log_verify(struct log_check *c, struct store *s, struct err *e);

/* 0 if s[0..len) is valid UTF-8 without NUL or control characters (line
 * breaks and tabs allowed when multiline); EXIT_INPUT naming what. */
int text_check(const char *s, size_t len, int multiline, const char *what,
               struct err *e);
