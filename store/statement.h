/* Audit statements (issue 16, "The auditor's verdict"; docs/FORMAT.md,
 * "Audit statement"): the auditor's store signs one for a bundle it
 * audited; headquarters imports it when its signer is a contact and its
 * bundle one it imported, and shows it with each record of that bundle. */
#ifndef INTAKE_STORE_STATEMENT_H
#define INTAKE_STORE_STATEMENT_H

#include <stddef.h>

#include "export/statement.h"
#include "store/store.h"
#include "util/err.h"

/* Signs a statement with this store's signing key (held in sodium_malloc
 * memory, wiped) for the bundle with hash bundle (STATEMENT_HASHBYTES),
 * verdict (enum audit_level), today's UTC day and the digest of
 * report[0..len) bytes, writes its armored text to path (a new file:
 * EXIT_INPUT if it exists) and logs "statement.write" with the bundle
 * hash; st is filled. 0, or -1 with e (EXIT_INPUT). */
int store_attest(struct statement *st, struct store *s, const char *path,
                 const unsigned char *bundle, int verdict, const char *report, size_t len,
                 struct err *e);

/* 1 when the regular file at path is a statement (its BEGIN line after an
 * optional byte-order mark and white space) or holds a statement's BEGIN
 * line in its first 4,096 bytes (statement_read then says what is before
 * it), else 0 (also when it cannot be read: the bundle reader says why). */
int store_statement_file(const char *path);

/* What store_statement_import did. */
struct statement_import {
    int seen;                            /* 1: imported before; nothing was added */
    int verified;                        /* the auditor's safety number was compared */
    char auditor[CONTACT_NAME_MAX + 1];  /* the contact who signed it */
    char bundle[2 * STATEMENT_HASHBYTES + 1];   /* hex */
    char day[STATEMENT_DAYCHARS + 1];
    const char *verdict;                 /* "PASS", "WARN", "FAIL" (static) */
    long records;                        /* records this store has from that bundle */
};

/* Imports the statement at path (at most STATEMENT_TEXT_MAX bytes): it
 * must verify (statement_read), be signed by a contact, and name a bundle
 * this store imported; kept with that import and logged
 * ("statement.import", the bundle hash), in one transaction.  The same
 * statement again sets r->seen and changes nothing.  EXIT_AUTH for a bad
 * signature, an unknown signer or a bundle not imported here; EXIT_INPUT
 * for a file that cannot be read or is malformed. */
int store_statement_import(struct statement_import *r, struct store *s, const char *path,
                           struct err *e);

/* One statement about a record, as store_statement_each gives it (the
 * strings are valid during the call). */
struct statement_row {
    const char *auditor;                 /* contact name when imported */
    const char *day;                     /* the auditor's UTC day */
    const char *verdict;                 /* PASS, WARN, FAIL */
    const char *at;                      /* when imported, UTC */
    char bundle[2 * STATEMENT_HASHBYTES + 1];   /* hex */
    char report[2 * STATEMENT_DIGESTBYTES + 1]; /* hex */
};
typedef int (*statement_fn)(void *ctx, const struct statement_row *r, struct err *e);

/* Calls fn for each statement about the bundle record id (a record
 * identifier as stored) was imported with, oldest first.  fn's non-zero
 * return stops the walk and is returned. */
int store_statement_each(struct store *s, const char *id, statement_fn fn, void *ctx,
                         struct err *e);

#endif
