/* Argon2id with several lanes on as many threads, from Debian's libargon2
 * (libargon2-dev: the reference implementation of RFC 9106 by its authors).
 * libsodium's crypto_pwhash runs Argon2id with one lane only; a keyslot
 * sealed with two lanes (crypto/keyslot.c, algorithm 2) costs an attacker
 * the same memory x passes, and takes about half the wall time on two
 * free cores (docs/DEPENDENCIES.md, "Argon2id with two lanes").  The only
 * file that includes <argon2.h>. */
#ifndef INTAKE_KDF_H
#define INTAKE_KDF_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

/* The lanes new keyslots use (RFC 9106 section 4's parallelism p). */
#define KDF_LANES 2U
/* Argon2 needs at least 8 KiB of memory per lane (RFC 9106 section 3.1). */
#define KDF_MIN_BYTES(lanes) ((uint64_t)(lanes) * 8U * 1024U)

/* Argon2id version 1.3 (0x13) of secret (secretlen bytes) with salt
 * (saltlen bytes, at least 8), no secret key K and no associated data X:
 * passes t_cost, memory mem_bytes (bytes; Argon2 takes mem_bytes / 1024
 * KiB, as libsodium's crypto_pwhash does, at least KDF_MIN_BYTES(lanes)),
 * lanes lanes (1 to 16), run on lanes threads.  With lanes 1 the tag
 * equals libsodium's crypto_pwhash(..., crypto_pwhash_ALG_ARGON2ID13) for
 * the same inputs (tests/unit/crypto/test_kdf.c checks it).  Writes outlen
 * bytes (at least 4) into out, the caller's buffer.
 * The memory matrix is an anonymous mapping aligned to 2 MiB and marked
 * for transparent huge pages (MADV_HUGEPAGE), made resident at once
 * (MADV_POPULATE_WRITE), locked where RLIMIT_MEMLOCK allows it (best
 * effort, as sodium_malloc), left out of core dumps; libargon2 wipes it
 * before it is unmapped.  Peak memory: mem_bytes rounded up to 2 MiB.  When no thread can be started (RLIMIT_NPROC) the lanes run
 * one after the other on the caller's thread: the same tag, slower.
 * Returns 0, or -1 with e filled: EXIT_INPUT when the memory cannot be had
 * or a parameter is out of range (lanes, memory below KDF_MIN_BYTES, no
 * pass, a salt under 8 bytes: the keyslot's message for such costs). */
int kdf_argon2id(unsigned char *out, size_t outlen,
                 const unsigned char *secret, size_t secretlen,
                 const unsigned char *salt, size_t saltlen,
                 uint32_t t_cost, uint64_t mem_bytes, uint32_t lanes,
                 struct err *e);

#endif
