/* libFuzzer: any bytes given to the redaction manifest reader; what it
 * accepts is then checked against small records, so spans that point
 * anywhere must be caught by the audit's bounds checks. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "export/audit.h"
#include "export/manifest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const tags[] = { "a", "[PLACE-2]" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct manifest m;
    struct audit_report rep;
    struct audit_record *recs;
    struct err e;

    if (sodium_init() < 0)
        abort();
    if (manifest_parse(&m, (const char *)data, size, &e) != 0) {
        if (e.code != EXIT_INPUT)
            abort();
        manifest_free(&m);
        return 0;
    }
    recs = calloc(m.nrecs + 1, sizeof *recs);
    if (recs == NULL)
        abort();
    for (size_t i = 0; i < m.nrecs; i++) {
        const struct manifest_record *r = &m.recs[i];
        recs[i].id = r->id, recs[i].pseudonym = "P", recs[i].title = "Kim Chol-jin";
        recs[i].place = "[PLACE-1]", recs[i].lang = "ko", recs[i].date = "2024-01";
        recs[i].tags = tags, recs[i].ntags = 2, recs[i].body = "+82 10-2000-0000 [PERSON-1]";
        recs[i].red = r->red, recs[i].nred = r->nred;
        recs[i].flags = r->flags, recs[i].nflags = r->nflags;
        recs[i].export_ok = r->consent.export_ok, recs[i].embargo = r->consent.embargo;
        recs[i].withdrawn = r->consent.withdrawn;
    }
    memset(&rep, 0, sizeof rep);
    if (audit_consistency(&rep, recs, m.nrecs, (const char *const *)m.pseudonyms,
                          m.npseudonyms, "2026-01-01", &e) != 0 ||
        audit_residual_terms(&rep, &m.ds, recs, m.nrecs, &e) != 0 ||
        audit_residual_detectors(&rep, recs, m.nrecs, &e) != 0 ||
        audit_reidentification(&rep, recs, m.nrecs, 3, &e) != 0)
        abort();
    audit_report_free(&rep);
    free(recs);
    manifest_free(&m);
    return 0;
}
