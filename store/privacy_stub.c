/* TEMPORARY, branch export only: the privacy engine (issue 3) defines these
 * in store/privacy.c on branch privacy. Until that branch is merged here,
 * export refuses to run rather than export without redaction or consent.
 * Delete this file when merging privacy. */
#include "store/store.h"

#include <string.h>

static int not_yet(struct err *e)
{
    return err_set(e, EXIT_INPUT, "export needs the privacy engine (redaction and "
                   "consent), which this build does not have yet");
}

int store_redactor(struct redactor **r, struct store *s, struct err *e)
{
    (void)s;
    *r = NULL;
    return not_yet(e);
}

int store_consent_get(struct consent *c, struct store *s, const char *pseudonym,
                      struct err *e)
{
    (void)s;
    (void)pseudonym;
    memset(c, 0, sizeof *c);
    return not_yet(e);
}

void consent_blocks(char *why, size_t whylen, const struct consent *c,
                    const char *today)
{
    (void)c;
    (void)today;
    if (whylen > 0)
        strncpy(why, "no consent engine", whylen - 1), why[whylen - 1] = '\0';
}

int store_record_redact(struct redacted_record *out, const struct redactor *r,
                        const struct record_row *row, struct err *e)
{
    (void)r;
    (void)row;
    memset(out, 0, sizeof *out);
    return not_yet(e);
}

void store_record_redacted_free(struct redacted_record *out)
{
    (void)out;
}
