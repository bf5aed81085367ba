/* libFuzzer: the redaction manifest reader and the audit's checks on any
 * JSON a bundle may hold. The input is read as an array: the header
 * document, then record documents (docs/FORMAT.md, "Bundle content"); the
 * bundle layer has already checked nothing of the manifest. Spans that
 * point anywhere must be caught by the bounds checks. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "export/audit.h"
#include "export/manifest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct audit_report rep;
    json_error_t je;
    json_t *doc, *recs;
    struct err e;

    if (sodium_init() < 0)
        abort();
    doc = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &je);
    if (doc == NULL || !json_is_array(doc) || json_array_size(doc) == 0) {
        json_decref(doc);
        return 0;
    }
    recs = json_array();
    for (size_t i = 1; i < json_array_size(doc); i++)
        json_array_append(recs, json_array_get(doc, i));
    memset(&rep, 0, sizeof rep);
    err_clear(&e);
    if (manifest_audit(&rep, json_array_get(doc, 0), recs, "2026-01-01", 3, &e) != 0 &&
        e.code != EXIT_INPUT)
        abort();
    (void)audit_exit_status(&rep, 1);
    audit_report_free(&rep);
    json_decref(recs);
    json_decref(doc);
    return 0;
}
