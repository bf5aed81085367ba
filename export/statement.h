/* The audit statement (issue 16, "The auditor's verdict"; docs/FORMAT.md,
 * "Audit statement"): an auditor's signed verdict on one bundle, named by
 * its bundle hash, with the UTC day and a digest of the report printed.
 * It holds no testimony and no identity: keys, hashes, a verdict, a day.
 *
 * The bytes (STATEMENT_BYTES, fixed layout, no padding), then armored:
 *   u8 version (1) | signer Ed25519 key (32) | bundle hash (32) |
 *   u8 verdict (0 PASS, 1 WARN, 2 FAIL) | day "YYYY-MM-DD" (10 ASCII) |
 *   report digest BLAKE2b-256 (32) | Ed25519 signature (64)
 * The signature is over STATEMENT_LABEL || the 108 bytes before it.
 * Pure functions: no store, no files, no printing. */
#ifndef INTAKE_STATEMENT_H
#define INTAKE_STATEMENT_H

#include <stddef.h>

#include <sodium.h>

#include "util/err.h"

#define STATEMENT_VERSION 1
#define STATEMENT_LABEL "intake-statement-v1"       /* 19 bytes, no NUL */
#define STATEMENT_DIGESTBYTES 32
#define STATEMENT_HASHBYTES 32                     /* BUNDLE_HASHBYTES */
#define STATEMENT_DAYCHARS 10
#define STATEMENT_SIGNED (1 + crypto_sign_PUBLICKEYBYTES + STATEMENT_HASHBYTES + 1 + \
                          STATEMENT_DAYCHARS + STATEMENT_DIGESTBYTES)
#define STATEMENT_BYTES (STATEMENT_SIGNED + crypto_sign_BYTES)
#define STATEMENT_BEGIN "-----BEGIN INTAKE AUDIT STATEMENT-----"
#define STATEMENT_END "-----END INTAKE AUDIT STATEMENT-----"
/* The armored text is never longer (the reader refuses more). */
#define STATEMENT_TEXT_MAX 1024

/* One statement, as signed. */
struct statement {
    unsigned char signer[crypto_sign_PUBLICKEYBYTES];
    unsigned char bundle[STATEMENT_HASHBYTES];
    int verdict;                                   /* enum audit_level */
    char day[STATEMENT_DAYCHARS + 1];              /* UTC, YYYY-MM-DD */
    unsigned char report[STATEMENT_DIGESTBYTES];
    unsigned char bytes[STATEMENT_BYTES];          /* as signed (filled by both) */
};

/* The report digest: BLAKE2b-256 without a key of report[0..len) bytes. */
void statement_digest(unsigned char out[STATEMENT_DIGESTBYTES], const char *report,
                      size_t len);

/* Signs st (its signer, bundle, verdict 0..2, day filled; st->bytes
 * filled here) with sign_sk (crypto_sign_SECRETKEYBYTES, the caller's)
 * and writes the armored text, NUL-ended, into out (outlen bytes, at
 * least STATEMENT_TEXT_MAX).  -1 with e (EXIT_INPUT) for a verdict or day
 * out of range, or a signer that is not sign_sk's key. */
int statement_sign(char *out, size_t outlen, struct statement *st,
                   const unsigned char *sign_sk, struct err *e);

/* 1 when text[0..len) begins with STATEMENT_BEGIN, after an optional
 * UTF-8 byte-order mark and white space (the armor rule of docs/FORMAT.md),
 * else 0. */
int statement_is(const unsigned char *text, size_t len);

/* 1 when text[0..len) is a statement or holds its BEGIN line further on
 * (text before it: how import knows a statement from a bundle, and says
 * what is wrong with it rather than calling it a bad bundle), else 0. */
int statement_mentioned(const unsigned char *text, size_t len);

/* Reads the armored statement text[0..len) into st and verifies its
 * signature.  EXIT_INPUT for text that is not a well-formed statement
 * (armor, length, version, verdict, day), each with its own message;
 * EXIT_AUTH when the signature does not verify (altered). */
int statement_read(struct statement *st, const unsigned char *text, size_t len,
                   struct err *e);

/* "PASS", "WARN" or "FAIL" for verdict 0..2; "?" otherwise. */
const char *statement_verdict_name(int verdict);

#endif
