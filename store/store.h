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
#define STORE_SCHEMA_VERSION 1
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
