/* Audit statements on the command line (intake/attest.h). */
#include "intake/attest.h"

#include <stdio.h>
#include <string.h>

#include "crypto/secmem.h"
#include "intake/cli.h"
#include "store/statement.h"
#include "util/intl.h"

int cli_attest(struct store *s, const struct audit_report *rep, int strict, const char *path)
{
    struct statement st;
    char hex[2 * STATEMENT_HASHBYTES + 1];
    struct err e;
    char *english;
    int rc;

    if (!rep->hashed)
        return cli_error(EXIT_AUTH, "no statement was written: the bundle did not verify, "
                         "so there is no bundle to attest");
    /* A statement's verdict is what the exit status said (adv19c C-6): a
     * WARN that failed under --strict would be signed as a plain WARN,
     * which headquarters cannot tell from a lenient pass. */
    if (strict && audit_verdict(rep) == AUDIT_WARN)
        return cli_error(EXIT_AUTH, "no statement was written: the verdict WARN fails under "
                         "--strict, and a statement would say a plain WARN; to sign the WARN "
                         "verdict, run the audit again without --strict");
    /* The digest covers the report in English, the same in every language. */
    if ((english = audit_render_english(rep, strict)) == NULL)
        return cli_error(EXIT_INPUT, "out of memory");
    err_clear(&e);
    rc = store_attest(&st, s, path, rep->bundle, audit_verdict(rep), english, strlen(english), &e);
    secmem_wipe_free(english);
    if (rc != 0)
        return cli_fail(&e);
    sodium_bin2hex(hex, sizeof hex, st.bundle, sizeof st.bundle);
    cli_note("statement written to %s: verdict %s on bundle %.16s, signed by this store on %s",
             path, statement_verdict_name(st.verdict), hex, st.day);
    return EXIT_OK;
}

int cli_is_statement(const char *path)
{
    return store_statement_file(path);
}

int cli_import_statement(struct store *s, const char *path)
{
    struct statement_import r;
    struct err e;

    err_clear(&e);
    if (store_statement_import(&r, s, path, &e) != 0)
        return cli_fail(&e);
    if (r.seen) {
        printf(_("the statement of '%s' on bundle %.16s was imported before; nothing was added\n"),
               r.auditor, r.bundle);
        return EXIT_OK;
    }
    cli_saved("the statement was imported: see 'intake show'");
    printf(_("imported the statement of '%s'%s on bundle %.16s: %s on %s, about %ld record(s)\n"),
           r.auditor, r.verified ? "" : _(" (contact not verified)"), r.bundle, r.verdict,
           r.day, r.records);
    /* Its records came here first in another bundle (issue 16, F7). */
    if (r.records == 0)
        cli_note("warning: no record of this store came from that bundle (its records were "
                 "here already, from an earlier bundle): the statement is kept, but no "
                 "record's 'show' lists it");
    return EXIT_OK;
}

static int audit_line(void *ctx, const struct statement_row *r, struct err *e)
{
    json_t *arr = ctx;

    if (arr != NULL)
        return json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}",
                   "auditor", r->auditor, "day", r->day, "verdict", r->verdict,
                   "imported", r->at, "bundle", r->bundle, "report", r->report)) == 0 ? 0
               : err_set(e, EXIT_INPUT, "out of memory");
    printf(_("audited: by %s on %s: %s (bundle %.16s, report %.16s)\n"), r->auditor, r->day,
           r->verdict, r->bundle, r->report);
    return 0;
}

int cli_audits(struct store *s, const char *id, json_t *obj, struct err *e)
{
    json_t *arr = obj != NULL ? json_array() : NULL;

    if (obj != NULL && arr == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    if (store_statement_each(s, id, audit_line, arr, e) != 0) {
        json_decref(arr);
        return -1;
    }
    if (obj != NULL && json_object_set_new(obj, "audits", arr) != 0)
        return err_set(e, EXIT_INPUT, "out of memory");
    return 0;
}

int cli_audits_each(struct store *s, json_t *array, struct err *e)
{
    size_t i;
    json_t *rec;

    json_array_foreach(array, i, rec) {
        const char *id = json_string_value(json_object_get(rec, "id"));
        if (id != NULL && cli_audits(s, id, rec, e) != 0)
            return -1;
    }
    return 0;
}
