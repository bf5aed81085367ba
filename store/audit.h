/* The audit of a bundle this store received (issue 6; README, "Checking a
 * bundle before it is used"): opened with this device's key and held in
 * memory until its signature has been checked, then checked against its
 * redaction manifest. The report is data; the command line prints it. */
#ifndef INTAKE_STORE_AUDIT_H
#define INTAKE_STORE_AUDIT_H

#include <stddef.h>

#include "export/audit.h"
#include "store/store.h"
#include "util/err.h"

/* Audits the bundle at path into rep (zeroed by the caller; free it with
 * audit_report_free): origin (signature, key commitment, chunks, padding,
 * and whether the sender is a contact, verified or not), then consistency,
 * residual terms, residual detectors and re-identification with groups of
 * at least k records, on the consent day (util/day.h). A bundle that does not verify
 * (an origin FAIL, nothing else read) or whose manifest is malformed (a
 * consistency FAIL) is a finding, not an error. Returns 0, or -1 with e
 * when the audit cannot run: a file that cannot be opened or is no bundle
 * (EXIT_INPUT), memory, the store. */
int store_audit(struct audit_report *rep, struct store *s, const char *path, size_t k,
                struct err *e);

#endif
