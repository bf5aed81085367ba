/* Keyslots: the store's master key, wrapped under each way of unlocking it.
 *
 * A random 256-bit master key opens the SQLCipher database. It is kept only
 * wrapped, in the manner of LUKS: each slot holds Argon2id parameters and a
 * salt, and the master key sealed with XChaCha20-Poly1305 under the key
 * Argon2id derives from a passphrase (or from the recovery key). A checksum
 * over the whole file tells damage apart from a wrong passphrase.
 * The byte layout is in docs/FORMAT.md. */
#ifndef INTAKE_KEYSLOT_H
#define INTAKE_KEYSLOT_H

#include <stddef.h>
#include <stdint.h>
#include <sodium.h>

#include "util/err.h"

#define KEYSLOT_MASTER_BYTES 32
#define KEYSLOT_MAX 4
/* The first bytes of a keyslot file a wipe overwrote (the rest random):
 * a wipe cut off before it removed the file is then told as such. */
#define KEYSLOT_WIPED_MARK "INTAKE-WIPED"
#define KEYSLOT_SALT_BYTES crypto_pwhash_SALTBYTES
#define KEYSLOT_NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define KEYSLOT_WRAPPED_BYTES \
    (KEYSLOT_MASTER_BYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES)
#define KEYSLOT_SLOT_BYTES \
    (1 + 1 + 8 + 8 + KEYSLOT_SALT_BYTES + KEYSLOT_NONCE_BYTES + KEYSLOT_WRAPPED_BYTES)
#define KEYSLOT_HEADER_BYTES 10
#define KEYSLOT_SUM_BYTES 32
#define KEYSLOT_FILE_MAX \
    (KEYSLOT_HEADER_BYTES + KEYSLOT_MAX * KEYSLOT_SLOT_BYTES + KEYSLOT_SUM_BYTES)
/* 20 random bytes, shown as 32 base32 characters in 8 groups of 4. */
#define RECOVERY_KEY_BYTES 20
#define RECOVERY_TEXT_BYTES (32 + 7 + 1)

enum keyslot_kind { KEYSLOT_PASSPHRASE = 1, KEYSLOT_RECOVERY = 2 };
/* A slot's key derivation: Argon2id 1.3 with one lane (libsodium; slots
 * sealed before 2026-12, still opened) or with two (libargon2, crypto/kdf.h;
 * what keyslot_seal writes).  Both wrap with XChaCha20-Poly1305. */
enum keyslot_alg { KEYSLOT_ALG_ARGON2ID_XCHACHA = 1, KEYSLOT_ALG_ARGON2ID2_XCHACHA = 2 };

struct keyslot {
    uint8_t kind;
    uint8_t alg;
    uint64_t opslimit;
    uint64_t memlimit;
    unsigned char salt[KEYSLOT_SALT_BYTES];
    unsigned char nonce[KEYSLOT_NONCE_BYTES];
    unsigned char wrapped[KEYSLOT_WRAPPED_BYTES];
};

struct keyslot_file {
    uint8_t nslots;
    struct keyslot slot[KEYSLOT_MAX];
};

/* Argon2id cost for a --kdf name (interactive, moderate, sensitive). */
int keyslot_kdf_params(uint64_t *opslimit, uint64_t *memlimit, const char *name,
                       struct err *e);

/* Wraps master into slot under a key derived from secret; a passphrase
 * (kind KEYSLOT_PASSPHRASE) that is valid UTF-8 is first normalised to
 * NFC (util/text.h), so "é" typed as one code point or as e + U+0301 is
 * the same passphrase.  Argon2id (algorithm 2: two lanes on two threads,
 * crypto/kdf.h) costs opslimit passes and memlimit bytes, raised to 16 KiB
 * if lower (two lanes' least; only tests ask for less). */
int keyslot_seal(struct keyslot *slot, uint8_t kind,
                 const unsigned char *master, const unsigned char *secret,
                 size_t secretlen, uint64_t opslimit, uint64_t memlimit,
                 struct err *e);

/* Unwraps the master key (KEYSLOT_MASTER_BYTES into master) from the
 * first slot of kind that secret opens.  A passphrase is tried as NFC
 * first; a slot sealed before passphrases were normalised may only open
 * with the bytes as typed or with their NFD, which are tried next (one
 * more Argon2id run each, only when they differ from the NFC).  Returns 0,
 * or 1 when it opened with such an older form: the caller should seal the
 * slot again (keyslot_seal normalises) so the next open takes one run.
 * -1 with e filled: EXIT_AUTH when no slot of that kind opens with it,
 * EXIT_INPUT when the store has no slot of that kind or memory ran out. */
int keyslot_open(unsigned char *master, const struct keyslot_file *kf,
                 uint8_t kind, const unsigned char *secret, size_t secretlen,
                 struct err *e);

/* keyslot_open, and on success *which is the index in kf of the slot that
 * opened: a passwd keeps that slot and the recovery slot, and drops
 * passphrase slots left by a passwd that was cut off (store/open.c). */
int keyslot_open_at(unsigned char *master, size_t *which, const struct keyslot_file *kf,
                    uint8_t kind, const unsigned char *secret, size_t secretlen,
                    struct err *e);

/* Replaces the slot of the same kind in kf, or appends slot. */
int keyslot_put(struct keyslot_file *kf, const struct keyslot *slot,
                struct err *e);

/* Appends slot, even beside one of its kind (EXIT_INPUT when kf is full). */
int keyslot_add(struct keyslot_file *kf, const struct keyslot *slot,
                struct err *e);

/* Removes every slot of kind from kf. */
void keyslot_drop(struct keyslot_file *kf, uint8_t kind);

/* Parses a keyslot file's bytes; damage and unknown versions are EXIT_INPUT. */
int keyslot_parse(struct keyslot_file *kf, const unsigned char *buf,
                  size_t len, struct err *e);

/* Serialises kf into out (at least KEYSLOT_FILE_MAX bytes); returns the
 * length written. */
size_t keyslot_serialise(unsigned char *out, size_t outlen,
                         const struct keyslot_file *kf);

/* Reads and parses the keyslot file at path. */
int keyslot_load(struct keyslot_file *kf, const char *path, struct err *e);

/* Writes kf to path atomically (new file, fsync, rename, fsync folder). */
int keyslot_save(const char *path, const struct keyslot_file *kf,
                 int overwrite, struct err *e);

/* A new random recovery key (RECOVERY_KEY_BYTES, the caller's buffer). */
void recovery_key_new(unsigned char *key);

/* Formats a recovery key as XXXX-XXXX-... (Crockford base32, uppercase). */
void recovery_key_format(char *out, size_t outlen, const unsigned char *key);

/* Parses a recovery key, ignoring case, spaces and dashes; EXIT_INPUT if
 * it is not 32 base32 characters. */
int recovery_key_parse(unsigned char *key, const char *text, struct err *e);

#endif
