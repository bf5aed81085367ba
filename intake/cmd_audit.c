/* audit: verify a bundle's origin and what it exports, without importing
 * it (issue 6). Any recipient runs it: the bundle is opened with this
 * store's key, held in memory until its signature has been checked, then
 * checked against its redaction manifest. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intake/attest.h"
#include "intake/cli.h"
#include "intake/commands.h"
#include "intake/progress.h"
#include "crypto/secmem.h"
#include "export/audit.h"
#include "store/audit.h"
#include "store/store.h"
#include "util/intl.h"

struct audit_opts {
    const char *path;
    const char *out;                     /* --attest -o FILE, or NULL */
    int json, strict, attest;
    size_t k;
};

static int print_report(const struct audit_report *rep, const struct audit_opts *o)
{
    if (o->json) {
        json_t *doc = audit_render_json(rep, o->strict);
        if (doc == NULL)
            return cli_error(EXIT_INPUT, "out of memory");
        json_dumpf(doc, stdout, JSON_INDENT(2));
        putchar('\n');
        json_decref(doc);
    } else {
        char *text = audit_render_text(rep, o->strict);
        if (text == NULL)
            return cli_error(EXIT_INPUT, "out of memory");
        fputs(text, stdout);
        secmem_wipe_free(text);
    }
    return audit_exit_status(rep, o->strict);
}

static int run_audit(struct store *s, const struct audit_opts *o)
{
    struct audit_report rep = { 0 };
    struct cli_progress shown;
    struct progress to;
    struct err e;
    int rc;

    err_clear(&e);
    cli_progress_begin(&shown, &to, _("reading the bundle"));
    store_watch(s, &to);
    rc = store_audit(&rep, s, o->path, o->k, &e);
    cli_progress_end(&shown, rc == 0);
    rc = rc == 0 ? print_report(&rep, o) : cli_fail(&e);
    /* A FAIL is a verdict worth signing too; an audit that could not run is
     * not, nor a WARN failed under --strict (cli_attest says so). */
    if (o->attest && (rc == EXIT_OK || rc == EXIT_AUTH)) {
        int a = cli_attest(s, &rep, o->strict, o->out);
        rc = a != 0 ? a : rc;
    }
    audit_report_free(&rep);
    return rc;
}

static int parse_k(size_t *k, const char *s)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < 1 || v > 1000000)
        return -1;
    *k = (size_t)v;
    return 0;
}

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char audit_usage[] = "intake audit BUNDLE [--json] [--strict] [--k N] [--attest -o FILE]";

static int parse_audit(struct audit_opts *o, int argc, char **argv)
{
    static const struct option opts[] = {
        { "json", no_argument, NULL, 'j' }, { "strict", no_argument, NULL, 's' },
        { "k", required_argument, NULL, 'k' }, { "help", no_argument, NULL, 'h' },
        { "attest", no_argument, NULL, 'a' }, { "output", required_argument, NULL, 'o' },
        { NULL, 0, NULL, 0 },
    };
    int c, seen_k = 0, seen_o = 0;

    memset(o, 0, sizeof *o);
    o->k = AUDIT_K_DEFAULT;
    while ((c = cli_getopt(argc, argv, ":o:", opts)) != -1) {
        switch (c) {
        case 'a':
            if (cli_once("audit", "attest", &o->attest) != 0)
                return EXIT_INPUT;
            break;
        case 'o':
            if (cli_once("audit", "output", &seen_o) != 0)
                return EXIT_INPUT;
            o->out = optarg;
            break;
        case 'j':
            if (cli_once("audit", "json", &o->json) != 0)
                return EXIT_INPUT;
            break;
        case 's':
            if (cli_once("audit", "strict", &o->strict) != 0)
                return EXIT_INPUT;
            break;
        case 'k':
            if (cli_once("audit", "k", &seen_k) != 0)
                return EXIT_INPUT;
            if (parse_k(&o->k, optarg) != 0)
                return cli_usage_error("audit", "--k needs a whole number from 1 to 1000000, not '%s'", optarg);
            break;
        case 'h':
            cli_print_usage(stdout, audit_usage);
            return -1;
        default:
            return cli_bad_option("audit", c, argv);
        }
    }
    if (argc - optind != 1)
        return cli_usage_error("audit", "audit needs one BUNDLE");
    if (o->attest && o->out == NULL)
        return cli_usage_error("audit", "--attest needs -o FILE, where the statement is written");
    if (!o->attest && o->out != NULL)
        return cli_usage_error("audit", "-o FILE goes only with --attest");
    /* The report goes to standard output: a statement there would be
     * mixed with it (adv20c J-7; export's -o - wants --armor likewise). */
    if (o->attest && strcmp(o->out, "-") == 0)
        return cli_usage_error("audit", "--attest -o - would mix the statement with the report "
                               "on standard output: give -o a FILE");
    o->path = argv[optind];
    return 0;
}

int cmd_audit(int argc, char **argv, const struct globals *g)
{
    struct audit_opts o;
    struct store *s;
    int rc;

    rc = parse_audit(&o, argc, argv);
    if (rc == 0 && cli_check_readable(o.path, NULL) != 0)
        rc = EXIT_INPUT;
    if (rc == 0 && o.attest && cli_check_new_file(o.out, 0) != 0)
        rc = EXIT_INPUT;
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    rc = run_audit(s, &o);
    store_close(s);
    cli_dictionaries_note();
    return rc;
}
