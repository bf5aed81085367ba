/* export: redacted records and permitted attachments, sealed to contacts. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "export/audit.h"
#include "store/export.h"
#include "store/store.h"
#include "util/intl.h"
#include "util/prompt.h"

#define MAX_IDS 4096

struct export_opts {
    char *to;                            /* NAME[,NAME...], split in place */
    const char *out;
    int all, armor, exact, skip, keep;
    char **ids;
    size_t nids;
};

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char export_usage[] =
    "intake export --to NAME[,NAME...] (--all | RECORD...) [-o FILE] [--armor] [--exact-dates] [--skip-blocked] [--keep-metadata]";

static int parse_export(struct export_opts *o, int argc, char **argv)
{
    static const struct option opts[] = {
        { "to", required_argument, NULL, 't' }, { "output", required_argument, NULL, 'o' },
        { "all", no_argument, NULL, 'a' }, { "armor", no_argument, NULL, 'r' },
        { "exact-dates", no_argument, NULL, 'x' }, { "skip-blocked", no_argument, NULL, 's' },
        { "keep-metadata", no_argument, NULL, 'k' },
        { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
    };
    int c, seen[2] = { 0 };

    while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
        switch (c) {
        case 't': if (cli_once("export", "to", &seen[0])) return EXIT_INPUT; o->to = optarg; break;
        case 'o': if (cli_once("export", "output", &seen[1])) return EXIT_INPUT; o->out = optarg; break;
        case 'a': o->all = 1; break;
        case 'r': o->armor = 1; break;
        case 'x': o->exact = 1; break;
        case 's': o->skip = 1; break;
        case 'k': o->keep = 1; break;
        case 'h': cli_print_usage(stdout, export_usage); return -1;
        default: return cli_bad_option("export", c, argv);
        }
    }
    if (o->to == NULL || o->to[0] == '\0')
        return cli_usage_error("export", "export needs --to NAME[,NAME...]");
    o->ids = argv + optind;
    o->nids = (size_t)(argc - optind);
    if (o->all == (o->nids > 0))
        return cli_usage_error("export", "give either --all or RECORD ids, not %s",
                               o->all ? "both" : "neither");
    if (o->nids > MAX_IDS)
        return cli_usage_error("export", "at most %d RECORD ids; use --all", MAX_IDS);
    return 0;
}

/* Asks on a terminal; elsewhere warns and goes on. 1 to seal anyway. */
static int confirm_unverified(void *ctx, const char *name)
{
    char q[256];

    (void)ctx;
    if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO)) {
        cli_note("warning: contact '%s' is not verified: compare safety "
                 "numbers with 'intake contact verify %s'", name, name);
        return 1;
    }
    snprintf(q, sizeof q, _("Contact '%s' is not verified (its key may not be theirs). "
             "Seal to it anyway? [y/N] "), name);
    return prompt_confirm(q);
}

/* Splits NAME[,NAME...] in place into *names (malloc'd); empty names are
 * skipped. */
static int split_names(char ***names, size_t *n, char *to)
{
    *n = 0;
    *names = malloc((strlen(to) / 2 + 1) * sizeof **names);
    if (*names == NULL)
        return cli_error(EXIT_INPUT, "out of memory");
    for (char *name = strtok(to, ","); name != NULL; name = strtok(NULL, ","))
        (*names)[(*n)++] = name;
    return 0;
}

/* What the checks, the audit and the writer found, in the order they ran. */
static void print_findings(const struct export_result *r, int skip)
{
    for (size_t i = 0; i < r->nblocked; i++)
        cli_note("record %s (%s) may not leave: %s", r->blocked[i].id,
                 r->blocked[i].pseudonym, r->blocked[i].why);
    if (r->checked && r->nblocked > 0 && skip)
        cli_note("left out %zu blocked record(s)", r->nblocked);
    if (r->verdict == AUDIT_FAIL && r->report != NULL)
        fprintf(stderr, "%s", r->report);
    for (size_t i = 0; i < r->nlocated; i++)
        cli_note("warning: record %s: %s holds a location (kept with --keep-metadata)",
                 r->located[i].record, r->located[i].file);
}

static int run_export(struct store *s, struct export_opts *o, struct err *e)
{
    struct export_request req = { .confirm = confirm_unverified, .out = o->out,
                                  .armor = o->armor, .exact_dates = o->exact,
                                  .skip_blocked = o->skip, .keep_metadata = o->keep };
    struct export_result res;
    char **names;
    int rc;

    if (split_names(&names, &req.nto, o->to) != 0)
        return EXIT_INPUT;
    req.to = (const char *const *)names;
    if (!o->all) {
        req.ids = (const char *const *)o->ids;
        req.nids = o->nids;
    }
    rc = store_export(&res, s, &req, e);
    print_findings(&res, o->skip);
    if (rc == 0) {
        cli_saved("the bundle was written to %s and the export logged: see 'intake log'",
                  res.path);
        printf("%s\n", res.path);
        if (res.verdict == AUDIT_WARN && res.report != NULL) {
            fputs(res.report, stderr);
            cli_note("the audit WARNs (above): recipients see the same with 'intake audit'");
        }
        cli_note("exported %zu record(s) to %s", res.nexported, res.to);
    }
    export_result_free(&res);
    free(names);
    return rc == 0 ? EXIT_OK : cli_fail(e);
}

int cmd_export(int argc, char **argv, const struct globals *g)
{
    struct export_opts o;
    struct store *s;
    struct err e;
    int rc;

    memset(&o, 0, sizeof o);
    rc = parse_export(&o, argc, argv);
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
    rc = run_export(s, &o, &e);
    store_close(s);
    return rc;
}
