/* Bulk encryption and hashing for bundle chunks, from OpenSSL's libcrypto
 * (already in every intake process through SQLCipher): ChaCha20-Poly1305
 * (RFC 8439) and SHA-256 (FIPS 180-4), both several times faster here than
 * libsodium's portable code (docs/DEPENDENCIES.md).  The only file that
 * includes an OpenSSL header.
 *
 * A bulk_aead holds one key and serves one thread at a time; two threads
 * need two.  OpenSSL keeps the key schedule in its own heap (not locked,
 * wiped when freed); the process is never dumped (crypto/secmem.h). */
#ifndef INTAKE_BULK_H
#define INTAKE_BULK_H

#include <stddef.h>

#define BULK_KEYBYTES   32U
#define BULK_NONCEBYTES 12U
#define BULK_TAGBYTES   16U
#define BULK_HASHBYTES  32U

struct bulk_aead;

/* A ChaCha20-Poly1305 context for key (BULK_KEYBYTES); NULL if OpenSSL
 * cannot make one.  Free with bulk_aead_free(). */
struct bulk_aead *bulk_aead_new(const unsigned char *key);

/* Encrypts len bytes of pt into ct (len + BULK_TAGBYTES bytes: the
 * ciphertext, then the tag) under nonce (BULK_NONCEBYTES), without
 * additional data; ct may equal pt.  0, or -1 if OpenSSL fails. */
int bulk_aead_seal(struct bulk_aead *a, unsigned char *ct,
                   const unsigned char *pt, size_t len,
                   const unsigned char *nonce);

/* Decrypts ctlen (>= BULK_TAGBYTES) bytes of ct into pt (ctlen -
 * BULK_TAGBYTES bytes); pt may equal ct.  0, or -1 if the tag does not
 * verify (pt then holds garbage: do not use it). */
int bulk_aead_open(struct bulk_aead *a, unsigned char *pt,
                   const unsigned char *ct, size_t ctlen,
                   const unsigned char *nonce);

/* Frees a context (OpenSSL wipes the key); NULL is allowed. */
void bulk_aead_free(struct bulk_aead *a);

/* out (BULK_HASHBYTES) = SHA-256 of len bytes of in. */
void bulk_sha256(unsigned char *out, const unsigned char *in, size_t len);

#endif
