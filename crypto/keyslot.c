#include "crypto/keyslot.h"

#include <stdlib.h>
#include <string.h>

#include "crypto/kdf.h"
#include "crypto/secmem.h"
#include "util/fileio.h"
#include "util/text.h"

static const unsigned char magic[8] = { 'I', 'N', 'T', 'A', 'K', 'E', 'K', 'S' };
/* A slot's algorithm (docs/FORMAT.md, "Keyslot file"): 1 is Argon2id with
 * one lane (libsodium's crypto_pwhash), sealed by intake before 2026-12;
 * 2 is Argon2id with KDF_LANES lanes (libargon2, crypto/kdf.h), what
 * keyslot_seal writes now.  Both wrap with XChaCha20-Poly1305. */
enum { KEYSLOT_VERSION = 1 };
/* Bounds that refuse a slot whose cost would stall or exhaust the machine. */
#define OPSLIMIT_MAX 32
#define MEMLIMIT_MAX (4ULL << 30)

static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

int keyslot_kdf_params(uint64_t *opslimit, uint64_t *memlimit, const char *name,
                       struct err *e)
{
    if (strcmp(name, "interactive") == 0) {
        *opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
        *memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    } else if (strcmp(name, "moderate") == 0) {
        *opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
        *memlimit = crypto_pwhash_MEMLIMIT_MODERATE;
    } else if (strcmp(name, "sensitive") == 0) {
        *opslimit = crypto_pwhash_OPSLIMIT_SENSITIVE;
        *memlimit = crypto_pwhash_MEMLIMIT_SENSITIVE;
    } else {
        return err_set(e, EXIT_INPUT,
                       "unknown --kdf '%s': use interactive, moderate or sensitive",
                       name);
    }
    return 0;
}

static void put_le64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_le64(const unsigned char *p)
{
    uint64_t v = 0;

    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

/* The slot's fields before the wrapped key: also its associated data. */
static size_t slot_head(unsigned char *out, const struct keyslot *s)
{
    unsigned char *p = out;

    *p++ = s->kind;
    *p++ = s->alg;
    put_le64(p, s->opslimit);
    p += 8;
    put_le64(p, s->memlimit);
    p += 8;
    memcpy(p, s->salt, sizeof s->salt);
    p += sizeof s->salt;
    memcpy(p, s->nonce, sizeof s->nonce);
    p += sizeof s->nonce;
    return (size_t)(p - out);
}

static size_t slot_ad(unsigned char *out, const struct keyslot *s)
{
    memcpy(out, magic, sizeof magic);
    out[sizeof magic] = KEYSLOT_VERSION;
    return sizeof magic + 1 + slot_head(out + sizeof magic + 1, s);
}

static int derive(unsigned char *kek, const struct keyslot *s,
                  const unsigned char *secret, size_t secretlen, struct err *e)
{
    if (s->alg == KEYSLOT_ALG_ARGON2ID2_XCHACHA)
        return kdf_argon2id(kek, crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
                            secret, secretlen, s->salt, sizeof s->salt,
                            (uint32_t)s->opslimit, s->memlimit, KDF_LANES, e);
    if (crypto_pwhash(kek, crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
                      (const char *)secret, secretlen, s->salt, s->opslimit,
                      (size_t)s->memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return err_set(e, EXIT_INPUT,
                       "not enough memory for the key derivation (%llu MiB)",
                       (unsigned long long)(s->memlimit >> 20));
    return 0;
}

/* The forms of a passphrase to try, NFC first: what keyslot_seal seals
 * under.  Then, for slots sealed before passphrases were normalised, the
 * bytes as typed and their NFD, when they differ (text that is not UTF-8
 * has no normal form and is tried as it is). */
struct secret_forms {
    const unsigned char *p[3];
    size_t len[3];
    char *owned[2];
    size_t n;
};

static void forms_free(struct secret_forms *f)
{
    secmem_free(f->owned[0]);
    secmem_free(f->owned[1]);
}

static void forms_add(struct secret_forms *f, const void *p, size_t len)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->len[i] == len && sodium_memcmp(f->p[i], p, len) == 0)
            return;
    f->p[f->n] = p;
    f->len[f->n++] = len;
}

static int forms_of(struct secret_forms *f, uint8_t kind, const unsigned char *secret,
                    size_t secretlen, int all, struct err *e)
{
    size_t len;
    int rc;

    memset(f, 0, sizeof *f);
    if (kind == KEYSLOT_PASSPHRASE) {
        rc = text_normal_form(&f->owned[0], &len, (const char *)secret, secretlen, TEXT_NFC, e);
        if (rc < 0)
            return -1;
        if (rc == 0)
            forms_add(f, f->owned[0], len);
    }
    if (f->n == 0 || all)
        forms_add(f, secret, secretlen);
    if (f->owned[0] != NULL && all) {
        if (text_normal_form(&f->owned[1], &len, (const char *)secret, secretlen, TEXT_NFD, e) != 0) {
            forms_free(f);
            return -1;
        }
        forms_add(f, f->owned[1], len);
    }
    return 0;
}

int keyslot_seal(struct keyslot *slot, uint8_t kind,
                 const unsigned char *master, const unsigned char *secret,
                 size_t secretlen, uint64_t opslimit, uint64_t memlimit,
                 struct err *e)
{
    unsigned char ad[sizeof magic + 1 + KEYSLOT_SLOT_BYTES];
    struct secret_forms f;
    unsigned char *kek;
    size_t adlen;
    int rc = -1;

    memset(slot, 0, sizeof *slot);
    slot->kind = kind;
    slot->alg = KEYSLOT_ALG_ARGON2ID2_XCHACHA;
    slot->opslimit = opslimit;
    /* Two lanes need 16 KiB; only tests ask for less (libsodium's 8 KiB). */
    slot->memlimit = memlimit < KDF_MIN_BYTES(KDF_LANES) ? KDF_MIN_BYTES(KDF_LANES) : memlimit;
    randombytes_buf(slot->salt, sizeof slot->salt);
    randombytes_buf(slot->nonce, sizeof slot->nonce);
    if (forms_of(&f, kind, secret, secretlen, 0, e) != 0)
        return -1;
    kek = secmem_alloc(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (kek == NULL) {
        forms_free(&f);
        return err_set(e, EXIT_INPUT, "out of secure memory");
    }
    if (derive(kek, slot, f.p[0], f.len[0], e) == 0) {
        adlen = slot_ad(ad, slot);
        crypto_aead_xchacha20poly1305_ietf_encrypt(
            slot->wrapped, NULL, master, KEYSLOT_MASTER_BYTES, ad, adlen,
            NULL, slot->nonce, kek);
        rc = 0;
    }
    secmem_free(kek);
    forms_free(&f);
    return rc;
}

/* Tries secret on every slot of kind: 0 opened (*at its index), 1 none
 * opened, -1 the derivation failed; *found is set if a slot of kind exists. */
static int open_with(unsigned char *master, size_t *at, const struct keyslot_file *kf,
                     uint8_t kind, const unsigned char *secret, size_t secretlen,
                     unsigned char *kek, int *found, struct err *e)
{
    unsigned char ad[sizeof magic + 1 + KEYSLOT_SLOT_BYTES];

    for (size_t i = 0; i < kf->nslots; i++) {
        const struct keyslot *s = &kf->slot[i];
        if (s->kind != kind)
            continue;
        *found = 1;
        if (derive(kek, s, secret, secretlen, e) != 0)
            return -1;
        if (crypto_aead_xchacha20poly1305_ietf_decrypt(
                master, NULL, NULL, s->wrapped, sizeof s->wrapped, ad,
                slot_ad(ad, s), s->nonce, kek) == 0) {
            *at = i;
            return 0;
        }
    }
    return 1;
}

int keyslot_open(unsigned char *master, const struct keyslot_file *kf,
                 uint8_t kind, const unsigned char *secret, size_t secretlen,
                 struct err *e)
{
    size_t which;

    return keyslot_open_at(master, &which, kf, kind, secret, secretlen, e);
}

int keyslot_open_at(unsigned char *master, size_t *which, const struct keyslot_file *kf,
                    uint8_t kind, const unsigned char *secret, size_t secretlen,
                    struct err *e)
{
    struct secret_forms f;
    unsigned char *kek;
    size_t i;
    int found = 0, rc = 1;

    if (forms_of(&f, kind, secret, secretlen, 1, e) != 0)
        return -1;
    kek = secmem_alloc(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (kek == NULL) {
        forms_free(&f);
        return err_set(e, EXIT_INPUT, "out of secure memory");
    }
    for (i = 0; i < f.n && rc == 1; i++)
        rc = open_with(master, which, kf, kind, f.p[i], f.len[i], kek, &found, e);
    secmem_free(kek);
    forms_free(&f);
    if (rc == 0)
        return i == 1 ? 0 : 1;
    sodium_memzero(master, KEYSLOT_MASTER_BYTES);
    if (!found)
        return err_set(e, EXIT_INPUT, "this store has no %s keyslot",
                       kind == KEYSLOT_RECOVERY ? "recovery" : "passphrase");
    if (rc > 0 && kind == KEYSLOT_RECOVERY)
        err_set(e, EXIT_AUTH, "the recovery key does not open this store; check it and try again");
    else if (rc > 0)
        err_set(e, EXIT_AUTH, "wrong passphrase; nothing was changed");
    return -1;
}

int keyslot_add(struct keyslot_file *kf, const struct keyslot *slot,
                struct err *e)
{
    if (kf->nslots >= KEYSLOT_MAX)
        return err_set(e, EXIT_INPUT, "no free keyslot");
    kf->slot[kf->nslots++] = *slot;
    return 0;
}

int keyslot_put(struct keyslot_file *kf, const struct keyslot *slot,
                struct err *e)
{
    for (size_t i = 0; i < kf->nslots; i++) {
        if (kf->slot[i].kind == slot->kind) {
            kf->slot[i] = *slot;
            return 0;
        }
    }
    return keyslot_add(kf, slot, e);
}

void keyslot_drop(struct keyslot_file *kf, uint8_t kind)
{
    size_t o = 0;

    for (size_t i = 0; i < kf->nslots; i++)
        if (kf->slot[i].kind != kind)
            kf->slot[o++] = kf->slot[i];
    for (size_t i = o; i < kf->nslots; i++)
        sodium_memzero(&kf->slot[i], sizeof kf->slot[i]);
    kf->nslots = (uint8_t)o;
}

size_t keyslot_serialise(unsigned char *out, size_t outlen,
                         const struct keyslot_file *kf)
{
    unsigned char *p = out;
    size_t need = KEYSLOT_HEADER_BYTES + kf->nslots * KEYSLOT_SLOT_BYTES +
                  KEYSLOT_SUM_BYTES;

    if (outlen < need || kf->nslots > KEYSLOT_MAX)
        return 0;
    memcpy(p, magic, sizeof magic);
    p += sizeof magic;
    *p++ = KEYSLOT_VERSION;
    *p++ = kf->nslots;
    for (size_t i = 0; i < kf->nslots; i++) {
        p += slot_head(p, &kf->slot[i]);
        memcpy(p, kf->slot[i].wrapped, sizeof kf->slot[i].wrapped);
        p += sizeof kf->slot[i].wrapped;
    }
    crypto_generichash(p, KEYSLOT_SUM_BYTES, out, (size_t)(p - out), NULL, 0);
    return need;
}

static int parse_slot(struct keyslot *s, const unsigned char *p, struct err *e)
{
    s->kind = p[0];
    s->alg = p[1];
    s->opslimit = get_le64(p + 2);
    s->memlimit = get_le64(p + 10);
    memcpy(s->salt, p + 18, sizeof s->salt);
    memcpy(s->nonce, p + 18 + sizeof s->salt, sizeof s->nonce);
    memcpy(s->wrapped, p + 18 + sizeof s->salt + sizeof s->nonce,
           sizeof s->wrapped);
    if (s->kind != KEYSLOT_PASSPHRASE && s->kind != KEYSLOT_RECOVERY)
        return err_set(e, EXIT_INPUT, "keyslot file has an unknown slot kind %u",
                       s->kind);
    if (s->alg != KEYSLOT_ALG_ARGON2ID_XCHACHA && s->alg != KEYSLOT_ALG_ARGON2ID2_XCHACHA)
        return err_set(e, EXIT_INPUT,
                       "keyslot file uses an unknown algorithm %u; a newer intake may read it",
                       s->alg);
    if (s->opslimit < crypto_pwhash_OPSLIMIT_MIN || s->opslimit > OPSLIMIT_MAX ||
        s->memlimit < crypto_pwhash_MEMLIMIT_MIN || s->memlimit > MEMLIMIT_MAX ||
        (s->alg == KEYSLOT_ALG_ARGON2ID2_XCHACHA && s->memlimit < KDF_MIN_BYTES(KDF_LANES)))
        return err_set(e, EXIT_INPUT, "keyslot file has out-of-range key derivation costs");
    return 0;
}

int keyslot_parse(struct keyslot_file *kf, const unsigned char *buf,
                  size_t len, struct err *e)
{
    unsigned char sum[KEYSLOT_SUM_BYTES];
    size_t n;

    memset(kf, 0, sizeof *kf);
    if (len >= sizeof KEYSLOT_WIPED_MARK - 1 &&
        memcmp(buf, KEYSLOT_WIPED_MARK, sizeof KEYSLOT_WIPED_MARK - 1) == 0)
        return err_set(e, EXIT_INPUT, "this store was being wiped when the wipe stopped: its "
                       "keys are overwritten and nothing in it can be read; run 'intake wipe "
                       "--yes' again to finish it");
    if (len < KEYSLOT_HEADER_BYTES + KEYSLOT_SUM_BYTES ||
        memcmp(buf, magic, sizeof magic) != 0)
        return err_set(e, EXIT_INPUT, "the keyslot file is damaged or is not an intake keyslot file");
    if (buf[sizeof magic] != KEYSLOT_VERSION)
        return err_set(e, EXIT_INPUT, "keyslot file version %u is not supported by this intake",
                       buf[sizeof magic]);
    n = buf[sizeof magic + 1];
    if (n == 0 || n > KEYSLOT_MAX ||
        len != KEYSLOT_HEADER_BYTES + n * KEYSLOT_SLOT_BYTES + KEYSLOT_SUM_BYTES)
        return err_set(e, EXIT_INPUT, "the keyslot file is damaged (wrong length); restore it from a backup");
    crypto_generichash(sum, sizeof sum, buf, len - KEYSLOT_SUM_BYTES, NULL, 0);
    if (sodium_memcmp(sum, buf + len - KEYSLOT_SUM_BYTES, sizeof sum) != 0)
        return err_set(e, EXIT_INPUT, "the keyslot file is damaged (checksum mismatch); restore it from a backup");
    for (size_t i = 0; i < n; i++)
        if (parse_slot(&kf->slot[i], buf + KEYSLOT_HEADER_BYTES + i * KEYSLOT_SLOT_BYTES, e) != 0)
            return -1;
    kf->nslots = (uint8_t)n;
    return 0;
}

int keyslot_load(struct keyslot_file *kf, const char *path, struct err *e)
{
    unsigned char *buf;
    size_t len;
    int rc;

    if (file_read_all(path, KEYSLOT_FILE_MAX, &buf, &len, "keyslot file", e) != 0)
        return -1;
    rc = keyslot_parse(kf, buf, len, e);
    free(buf);
    return rc;
}

int keyslot_save(const char *path, const struct keyslot_file *kf,
                 int overwrite, struct err *e)
{
    unsigned char buf[KEYSLOT_FILE_MAX];
    size_t len = keyslot_serialise(buf, sizeof buf, kf);

    if (len == 0)
        return err_set(e, EXIT_INPUT, "cannot serialise the keyslots");
    return file_write_atomic(path, buf, len, overwrite, e);
}

void recovery_key_new(unsigned char *key)
{
    randombytes_buf(key, RECOVERY_KEY_BYTES);
}

void recovery_key_format(char *out, size_t outlen, const unsigned char *key)
{
    unsigned int acc = 0, bits = 0;
    size_t o = 0, nchar = 0;

    if (outlen < RECOVERY_TEXT_BYTES)
        return;
    for (size_t i = 0; i < RECOVERY_KEY_BYTES; i++) {
        acc = (acc << 8) | key[i];
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            if (nchar > 0 && nchar % 4 == 0)
                out[o++] = '-';
            out[o++] = crockford[(acc >> bits) & 31];
            nchar++;
        }
    }
    out[o] = '\0';
}

static int crockford_value(int c)
{
    if (c >= 'a' && c <= 'z')
        c -= 'a' - 'A';
    if (c == 'O')
        c = '0';
    if (c == 'I' || c == 'L')
        c = '1';
    for (int i = 0; i < 32; i++)
        if (crockford[i] == c)
            return i;
    return -1;
}

int recovery_key_parse(unsigned char *key, const char *text, struct err *e)
{
    unsigned int acc = 0, bits = 0;
    size_t nchar = 0, o = 0;

    for (const char *p = text; *p != '\0'; p++) {
        int v;
        if (*p == '-' || *p == ' ')
            continue;
        v = crockford_value((unsigned char)*p);
        if (v < 0 || nchar >= 32)
            goto bad;
        acc = (acc << 5) | (unsigned int)v;
        bits += 5;
        nchar++;
        if (bits >= 8) {
            bits -= 8;
            key[o++] = (unsigned char)(acc >> bits);
        }
        acc &= (1u << bits) - 1;
    }
    if (nchar == 32 && o == RECOVERY_KEY_BYTES)
        return 0;
bad:
    sodium_memzero(key, RECOVERY_KEY_BYTES);
    return err_set(e, EXIT_INPUT,
                   "that is not a recovery key: expected 32 letters and digits in groups like ABCD-EFGH-...");
}
