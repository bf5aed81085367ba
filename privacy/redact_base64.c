/* A protected name or term inside a base64 or hex run (brief s16 item 3,
 * report-adv15 R-11; brief s18 allow18 items 1-2): "RW5raGphcmdhbA==" is
 * Enkhjargal, as a pasted e-mail source or a data: URL carries it.  A
 * run that decodes to UTF-8 text (redact_encoded.c) is read, and where
 * the redactor's rules find a name or term in it, the run is an
 * "escape-run" review flag (docs/VARIANTS.md, "Base64 and hex runs"); a
 * run whose name the rules replace is replaced whole
 * (redact_encoded_names), and the flag goes with it. */
#include <stdlib.h>

#include "privacy/redact_int.h"
#include "util/err.h"

int redact_base64_runs(struct spans *flags, const struct redactor *r, const struct normtext *t)
{
    struct encoded_run *run;
    size_t at = 0;
    int rc = 0;

    if (r->nlits == 0 || !redact_can_match(r))
        return 0;
    if ((run = redact_encoded_new()) == NULL)
        return -1;
    while (rc == 0 && redact_encoded_next(run, t->orig, t->inlen, &at)) {
        struct spans found = { 0 }, fl = { 0 };
        struct err e;
        err_clear(&e);
        if ((rc = redact_encoded_read(&found, &fl, r, run, NULL, &e)) == 0 &&
            (found.n > 0 || fl.n > 0)) {
            struct span m = { run->start, run->end, FLAG_ESCAPE_RUN, 0, 0, SIZE_MAX, 0, 0, 0 };
            rc = redact_span_add(flags, &m);
        }
        free(found.s), free(fl.s);
    }
    redact_encoded_free(run);
    return rc;
}
