/* open: verify and decrypt a bundle without importing it. What it prints
 * is kept in memory until the signature has been checked; with -o DIR the
 * files go into a temporary folder beside DIR, renamed to DIR only when
 * the whole bundle has verified, removed otherwise. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "intake/progress.h"
#include "export/content.h"
#include "store/store.h"
#include "store/unpack.h"
#include "util/intl.h"

static const char *jstr(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* A record's consent scope as its bundle carries it (content format 2),
 * in the words of 'intake subject show'. */
static void print_scope(json_t *o)
{
    struct consent c;

    memset(&c, 0, sizeof c);
    c.imported = 1;
    if (json_is_object(o) && json_is_string(json_object_get(o, "recorded"))) {
        c.recorded = 1;
        c.export_ok = json_is_true(json_object_get(o, "export"));
        c.quote = json_is_true(json_object_get(o, "quote"));
        c.publish = json_is_true(json_object_get(o, "publish"));
        c.attachments = json_is_true(json_object_get(o, "attachments"));
        snprintf(c.method, sizeof c.method, "%s", jstr(o, "method") ? jstr(o, "method") : "");
        snprintf(c.embargo, sizeof c.embargo, "%s", jstr(o, "embargo") ? jstr(o, "embargo") : "");
        snprintf(c.date, sizeof c.date, "%s", jstr(o, "recorded"));
    }
    printf("  ");
    cli_print_consent(&c);
}

/* The notices a header carries (issue 16, F2), one line each. */
static void print_notices(json_t *notices)
{
    json_t *n;
    size_t i;

    if (json_array_size(notices) == 0)
        return;
    printf(_("notices: %zu\n"), json_array_size(notices));
    json_array_foreach(notices, i, n) {
        const char *kind = jstr(n, "kind"), *rec = jstr(n, "record");

        if (strcmp(kind, "withdrawal") == 0)
            printf(_("  withdrawal of consent of subject %s, %s\n"), jstr(n, "subject"),
                   jstr(n, "day"));
        else if (strcmp(kind, "deletion") == 0 && rec != NULL)
            printf(_("  deletion of record %s (subject %s), %s\n"), rec, jstr(n, "subject"),
                   jstr(n, "day"));
        else if (strcmp(kind, "deletion") == 0)
            printf(_("  deletion of subject %s, %s\n"), jstr(n, "subject"), jstr(n, "day"));
        else if (strcmp(kind, "removal") == 0)
            printf(_("  removal of an attachment of record %s (subject %s), %s\n"), rec,
                   jstr(n, "subject"), jstr(n, "day"));
        else if (strcmp(kind, "scope") == 0)
            printf(_("  new consent scope of subject %s, %s\n"), jstr(n, "subject"),
                   jstr(n, "day"));
        else
            printf(_("  new consent of subject %s after its withdrawal, %s\n"),
                   jstr(n, "subject"), jstr(n, "day"));
    }
}

static void print_plain(json_t *sum)
{
    json_t *r, *a;
    size_t i, j;
    const char *who = jstr(json_object_get(sum, "sender"), "contact");
    int verified = json_is_true(json_object_get(json_object_get(sum, "sender"), "verified"));

    printf(_("bundle: %s\n"), jstr(sum, "bundle"));
    printf(_("sender: %s%s\n"), who != NULL ? who : _("UNKNOWN, signing key "),
           who == NULL ? jstr(json_object_get(sum, "sender"), "signing_key")
           : verified ? _(" (verified contact: safety number compared)")
                      : _(" (contact NOT verified: safety number never compared)"));
    printf(_("recipients: %lld\n"), (long long)json_integer_value(json_object_get(sum, "recipients")));
    printf(_("records: %zu\n"), json_array_size(json_object_get(sum, "records")));
    json_array_foreach(json_object_get(sum, "records"), i, r) {
        int v2 = content_format(json_object_get(sum, "header")) >= 2;
        printf("%s\t%s\t%s\t%s\n", jstr(r, "id"), jstr(r, "date"), jstr(r, "pseudonym"),
               jstr(r, "title"));
        if (v2)
            printf(_("  subject id: %s\n"), jstr(r, "subject"));
        print_scope(v2 ? json_object_get(r, "consent") : NULL);
        if (json_object_get(r, "here") != NULL)   /* adv16b N4 */
            printf(json_is_true(json_object_get(json_object_get(r, "here"), "refused"))
                   ? _("  HERE: %s; do not use this copy\n") : _("  HERE: %s\n"),
                   jstr(json_object_get(r, "here"), "note"));
        json_array_foreach(json_object_get(r, "attachments"), j, a)
            printf(_("  attachment: %s\t%s\t%lld bytes%s\n"), jstr(a, "file"), jstr(a, "type"),
                   (long long)json_integer_value(json_object_get(a, "size")),
                   json_is_true(json_object_get(a, "gps")) ? _("\tLOCATION (EXIF GPS)") : "");
    }
    print_notices(json_object_get(json_object_get(sum, "header"), "notices"));
}

static int run_open(struct store *s, const char *path, int json, const char *outdir,
                    struct err *e, struct cli_progress *shown)
{
    json_t *sum, *sender;
    int rc = store_unpack(&sum, s, path, outdir, e);

    cli_progress_end(shown, rc == 0);
    if (rc != 0)
        return -1;
    if (outdir != NULL) {
        json_t *r;
        size_t i;

        cli_saved("the bundle was opened into %s", outdir);
        json_array_foreach(json_object_get(sum, "records"), i, r)
            if (json_is_true(json_object_get(json_object_get(r, "here"), "refused")))
                cli_note("warning: record %s was left out of %s: %s", jstr(r, "id"), outdir,
                         jstr(json_object_get(r, "here"), "note"));
            else if (json_integer_value(json_object_get(r, "attachments_left_out")) > 0)
                cli_note("warning: %lld attachment(s) of record %s were left out of %s: the "
                         "consent scope held here for its subject says attachments no",
                         (long long)json_integer_value(json_object_get(r, "attachments_left_out")),
                         jstr(r, "id"), outdir);
        printf("%s\n", outdir);
    } else if (json) {
        json_dumpf(sum, stdout, JSON_INDENT(2) | JSON_SORT_KEYS);
        putchar('\n');
    } else {
        print_plain(sum);
    }
    sender = json_object_get(sum, "sender");
    if (jstr(sender, "contact") == NULL)
        cli_note("warning: the sender is not a contact of this store "
                 "(signing key %s)", jstr(sender, "signing_key"));
    else if (!json_is_true(json_object_get(sender, "verified")))
        cli_note("warning: the sender '%s' is a contact whose safety number was never "
                 "compared: its key may not be theirs (see 'intake contact verify %s')",
                 jstr(sender, "contact"), jstr(sender, "contact"));
    json_decref(sum);
    return 0;
}

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char open_usage[] = "intake open BUNDLE [--json | -o DIR]";

int cmd_open(int argc, char **argv, const struct globals *g)
{
    static const struct option opts[] = {
        { "json", no_argument, NULL, 'j' }, { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
    };
    const char *out = NULL;
    struct cli_progress shown;
    struct progress to;
    int c, json = 0, seen = 0, rc;
    struct store *s;
    struct err e;

    while ((c = cli_getopt(argc, argv, ":o:", opts)) != -1) {
        if (c == 'j') json = 1;
        else if (c == 'o') { if (cli_once("open", "output", &seen)) return EXIT_INPUT; out = optarg; }
        else if (c == 'h') { cli_print_usage(stdout, open_usage); return EXIT_OK; }
        else return cli_bad_option("open", c, argv);
    }
    if (argc - optind != 1)
        return cli_usage_error("open", "open needs one BUNDLE");
    if (json && out != NULL)
        return cli_usage_error("open", "give --json or -o DIR, not both");
    if (cli_check_readable(argv[optind], NULL) != 0)
        return EXIT_INPUT;
    /* The same words as store_unpack's, said before the passphrase. */
    if (out != NULL && access(out, F_OK) == 0)
        return cli_error(EXIT_INPUT, "%s already exists; open writes a new folder", out);
    if (out != NULL && cli_check_new_file(out, 0) != 0)
        return EXIT_INPUT;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
    cli_progress_begin(&shown, &to, _("opening the bundle"));
    store_watch(s, &to);
    rc = run_open(s, argv[optind], json, out, &e, &shown);
    store_close(s);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}
