/* The redaction manifest that travels inside every bundle (issue 6;
 * docs/FORMAT.md, "Redaction manifest"): per record each redaction (its span
 * in the exported text, category and rule), each review flag and how it was
 * resolved, and the consent scope; for the bundle the keyed digest set of
 * the protected forms with its key, the pseudonyms used, and the head of the
 * store's log at export. It is a JSON document of the payload, signed with
 * the rest of the content.
 *
 * The reader takes decrypted but possibly hostile bytes (any contact can
 * send a bundle): it checks every type, range and size below and refuses
 * what does not fit with one message (EXIT_INPUT). */
#ifndef INTAKE_MANIFEST_H
#define INTAKE_MANIFEST_H

#include <stddef.h>
#include <jansson.h>

#include "export/audit.h"
#include "export/digestset.h"
#include "export/redact.h"
#include "util/err.h"

#define MANIFEST_VERSION 1
#define MANIFEST_ID_MAX 64               /* record ids, printable ASCII */
#define MANIFEST_TEXT_MAX 64             /* categories, kinds, dates, methods */
#define MANIFEST_ITEMS_MAX 1000000       /* records, redactions, flags, pseudonyms */
#define MANIFEST_DIGESTS_MAX (1u << 24)

struct manifest_consent {
    int export_ok, quote, publish, attachments;
    const char *method, *embargo, *date, *withdrawn;    /* NULL when none */
};

struct manifest_record {
    char *id;
    struct manifest_consent consent;
    struct audit_redaction *red;
    size_t nred;
    struct audit_flag *flags;
    size_t nflags;
};

struct manifest {
    long log_seq;                         /* 0: the store had no log */
    unsigned char log_head[32];
    struct digestset ds;
    char **pseudonyms;
    size_t npseudonyms;
    struct manifest_record *recs;
    size_t nrecs;
    json_t *doc;                          /* the parsed document; strings point into it */
};

/* Reads a manifest from json[0..len). */
int manifest_parse(struct manifest *m, const char *json, size_t len, struct err *e);

/* Frees what manifest_parse made (m may be zeroed). */
void manifest_free(struct manifest *m);

/* The manifest record with id, or NULL. */
const struct manifest_record *manifest_find(const struct manifest *m, const char *id);

/* ---- Writing (at export) ---- */

/* The date 'intake allow' kept text[0..len), or NULL if it was not allowed. */
typedef const char *(*manifest_allow_fn)(void *ctx, const char *text, size_t len);

/* A new manifest document with the log head and the digest set (key and
 * digests; call digestset_finish first). NULL when out of memory. */
json_t *manifest_new(long log_seq, const unsigned char head[32], const struct digestset *ds);

/* Adds a pseudonym used in the bundle (duplicates are ignored). */
int manifest_add_pseudonym(json_t *m, const char *pseudonym, struct err *e);

/* Adds a record with its consent; returns the record's object (owned by m)
 * for manifest_add_field, or NULL with e filled. */
json_t *manifest_add_record(json_t *m, const char *id, const struct manifest_consent *c,
                            struct err *e);

/* Adds the redactions and review flags of one exported field ("title",
 * "place", "body", or "tag" with its index), asking allow for each flag's
 * date. */
int manifest_add_field(json_t *rec, const char *field, size_t tag, const struct redaction *red,
                       manifest_allow_fn allow, void *ctx, struct err *e);

#endif
