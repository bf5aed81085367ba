/* May this record leave, and if not, why: the one rule (issue 13, "One
 * rule set") that `intake redact` and `intake export` both ask, through
 * the export pipeline (store/export.c check_record), and nothing else
 * decides.  It answers for one record, on one day (the consent day of
 * util/day.h, the same for every check), for the recipients named:
 *   - consent: none recorded, not carried by its bundle, withdrawn (a
 *     re-consent after a withdrawal counts as recorded again), --export
 *     no, an embargo not yet over (consent_blocks, store/consent.c);
 *   - made before its subject's re-consent, which covers earlier records
 *     only when the subject says so (store_consent_earlier, store/consent.c:
 *     consent --include-earlier; adv16 B-5);
 *   - a recipient that refuses the record for good: it went there before
 *     a withdrawal, and the recipient's tombstone refuses it even after a
 *     re-consent (db_notice_refused, store/notice.h);
 *   - review flags the redaction left unresolved (allowed text resolves
 *     them: privacy/redact.h).
 * What the pipeline checks over the whole bundle (the audit before export,
 * an attachment whose metadata cannot be removed) is checked by the same
 * pipeline for redact and export alike (store_export_check). */
#ifndef INTAKE_STORE_ELIGIBLE_H
#define INTAKE_STORE_ELIGIBLE_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "util/err.h"

/* unresolved before the record was redacted: review flags not yet known. */
#define ELIGIBLE_UNREDACTED SIZE_MAX

/* Why a record may not leave: one line in English (--json, the export
 * log) and the same in the person's language (messages); both "" when
 * it may. */
struct eligibility {
    char why[512];
    char why_text[768];          /* UTF-8: a translation may be longer */
    struct consent consent;      /* the subject's consent, as read */
    int refused;                 /* 1: a recipient refuses it for good */
};

/* Answers for record row of the store s, exported on day today
 * (YYYY-MM-DD, util/day.h day_consent) to the nto contacts to[] (names;
 * with nto 0, to any contact: a record some contact refuses for good is
 * refused, so that the answer is never more permissive than an export to
 * that contact), with unresolved review flags left by its redaction
 * (ELIGIBLE_UNREDACTED before it is redacted: the flags are left out).
 * Fills *out; returns 1 if the record may leave, 0 if not (out->why says
 * why), -1 with e on a database error or an unknown subject (EXIT_INPUT). */
int store_record_eligible(struct eligibility *out, struct store *s, const struct record_row *row,
                          const char *const *to, size_t nto, const char *today,
                          size_t unresolved, struct err *e);

#endif
