/* The command line's part of audit statements (issue 16, "The auditor's
 * verdict"; store/statement.h): audit --attest writes one, import reads
 * one, show and list --json list them per record. */
#ifndef INTAKE_ATTEST_H
#define INTAKE_ATTEST_H

#include <jansson.h>

#include "export/audit.h"
#include "store/store.h"

/* Signs and writes the statement of report rep (audited with strict) to
 * path, then says so on stderr.  0, or the printed failure's status
 * (EXIT_AUTH when the bundle did not verify: there is nothing to attest). */
int cli_attest(struct store *s, const struct audit_report *rep, int strict, const char *path);

/* 1 when the file at path is an audit statement, not a bundle. */
int cli_is_statement(const char *path);

/* Imports the statement at path and prints what it did: EXIT_OK (also
 * when it was there already), or the printed failure's status. */
int cli_import_statement(struct store *s, const char *path);

/* The statements about record id: lines "audited: ..." on stdout when obj
 * is NULL, else an "audits" array set in obj.  0, or -1 with e. */
int cli_audits(struct store *s, const char *id, json_t *obj, struct err *e);

/* cli_audits for each record object (with its "id") of array. */
int cli_audits_each(struct store *s, json_t *array, struct err *e);

#endif
