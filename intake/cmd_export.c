/* export: redacted records and permitted attachments, sealed to contacts. */
#include <getopt.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "intake/progress.h"
#include "export/audit.h"
#include "store/export.h"
#include "store/store.h"
#include "util/intl.h"
#include "util/prompt.h"

#define MAX_IDS 4096

struct export_opts {
    char *to;                            /* NAME[,NAME...], split in place */
    const char *out;
    int all, armor, exact, skip, keep, unchecked;
    int notify;                          /* intake notify: the notices only */
    int resend;                          /* notify --resend: those sent before too */
    char **ids;
    size_t nids;
    const char *subject, *tag, *since, *not_sent_to;   /* filters, or NULL */
};

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char export_usage[] =
    "intake export --to NAME[,NAME...] (--all | RECORD...) [--subject PSEUDONYM] [--tag T] [--since YYYY-MM-DD] [--not-sent-to NAME] [-o FILE] [--armor] [--exact-dates] [--skip-blocked] [--keep-metadata [--send-unchecked]]";

/* The selection: --all, the ids, or filters, which narrow --all and may
 * stand without it. */
static int check_selection(const struct export_opts *o)
{
    int filters = o->subject != NULL || o->tag != NULL || o->since != NULL ||
                  o->not_sent_to != NULL;

    if (o->since != NULL && !cli_valid_date(o->since))
        return cli_usage_error("export", "--since '%s' is not a real date in the form YYYY-MM-DD",
                               o->since);
    if (filters && o->nids > 0)
        return cli_usage_error("export", "give RECORD ids or filters (--subject, --tag, --since, "
                               "--not-sent-to), not both");
    if (!filters && o->all == (o->nids > 0))
        return cli_usage_error("export", "give either --all or RECORD ids, not %s",
                               o->all ? "both" : "neither");
    if (o->nids > MAX_IDS)
        return cli_usage_error("export", "at most %d RECORD ids; use --all", MAX_IDS);
    return 0;
}

static int parse_export(struct export_opts *o, int argc, char **argv)
{
    static const struct option opts[] = {
        { "to", required_argument, NULL, 't' }, { "output", required_argument, NULL, 'o' },
        { "all", no_argument, NULL, 'a' }, { "armor", no_argument, NULL, 'r' },
        { "exact-dates", no_argument, NULL, 'x' }, { "skip-blocked", no_argument, NULL, 's' },
        { "keep-metadata", no_argument, NULL, 'k' }, { "send-unchecked", no_argument, NULL, 'u' },
        { "subject", required_argument, NULL, 'S' }, { "tag", required_argument, NULL, 'T' },
        { "since", required_argument, NULL, 'D' }, { "not-sent-to", required_argument, NULL, 'N' },
        { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
    };
    int c, seen[6] = { 0 }, rc;

    while ((c = cli_getopt(argc, argv, ":o:", opts)) != -1) {
        switch (c) {
        case 't': if (cli_once("export", "to", &seen[0])) return EXIT_INPUT; o->to = optarg; break;
        case 'o': if (cli_once("export", "output", &seen[1])) return EXIT_INPUT; o->out = optarg; break;
        case 'a': o->all = 1; break;
        case 'r': o->armor = 1; break;
        case 'x': o->exact = 1; break;
        case 's': o->skip = 1; break;
        case 'k': o->keep = 1; break;
        case 'u': o->unchecked = 1; break;
        case 'S': if (cli_once("export", "subject", &seen[2])) return EXIT_INPUT; o->subject = optarg; break;
        case 'T': if (cli_once("export", "tag", &seen[3])) return EXIT_INPUT; o->tag = optarg; break;
        case 'D': if (cli_once("export", "since", &seen[4])) return EXIT_INPUT; o->since = optarg; break;
        case 'N': if (cli_once("export", "not-sent-to", &seen[5])) return EXIT_INPUT; o->not_sent_to = optarg; break;
        case 'h': cli_print_usage(stdout, export_usage); return -1;
        default: return cli_bad_option("export", c, argv);
        }
    }
    if (o->to == NULL || o->to[0] == '\0')
        return cli_usage_error("export", "export needs --to NAME[,NAME...]");
    o->ids = argv + optind;
    o->nids = (size_t)(argc - optind);
    if ((rc = check_selection(o)) != 0)
        return rc;
    if (o->out != NULL && strcmp(o->out, "-") == 0 && !o->armor)
        return cli_usage_error("export", "-o - writes the bundle to standard output as text: "
                               "add --armor");
    for (size_t i = 0; i < o->nids; i++)
        if (cli_record_id_check(o->ids[i]) != 0)
            return EXIT_INPUT;
    if (o->out != NULL && strcmp(o->out, "-") != 0 && cli_check_new_file(o->out, 0) != 0)
        return EXIT_INPUT;
    return 0;
}

/* The whole ids of the RECORD words (each a whole id or a unique start),
 * in place of them. */
static int whole_ids(char (*ids)[RECORD_ID_CHARS + 1], struct store *s,
                     const struct export_opts *o)
{
    for (size_t i = 0; i < o->nids; i++)
        if (cli_record_id(ids[i], sizeof ids[i], s, o->ids[i]) != 0)
            return EXIT_INPUT;
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

/* What the checks, the audit and the writer found, in the order they ran. */
static void print_findings(const struct export_result *r, int skip)
{
    for (size_t i = 0; i < r->nblocked; i++)
        cli_note("record %s (%s) may not leave: %s", r->blocked[i].id,
                 r->blocked[i].pseudonym, r->blocked[i].why_text);
    /* Said only when some record is left to go. */
    if (r->checked && r->nblocked > 0 && skip && r->nleaving > 0)
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
                                  .skip_blocked = o->skip, .keep_metadata = o->keep,
                                  .send_unchecked = o->unchecked,
                                  .subject = o->subject, .tag = o->tag, .since = o->since,
                                  .not_sent_to = o->not_sent_to, .notices_only = o->notify,
                                  .resend = o->resend };
    char (*ids)[RECORD_ID_CHARS + 1] = calloc(o->nids + 1, sizeof *ids);
    const char **idv = calloc(o->nids + 1, sizeof *idv);
    struct export_result res;
    struct cli_progress shown;
    struct progress to;
    char **names = NULL;
    int rc;

    req.to_stdout = o->out != NULL && strcmp(o->out, "-") == 0;
    if (ids == NULL || idv == NULL || cli_split_names(&names, &req.nto, o->to) != 0 ||
        whole_ids(ids, s, o) != 0) {
        free(ids);
        free(idv);
        free(names);
        return ids == NULL || idv == NULL ? cli_error(EXIT_INPUT, "out of memory") : EXIT_INPUT;
    }
    for (size_t i = 0; i < o->nids; i++)
        idv[i] = ids[i];
    req.to = (const char *const *)names;
    if (o->nids > 0) {
        req.ids = idv;
        req.nids = o->nids;
    }
    cli_progress_begin(&shown, &to, _("writing the bundle"));
    store_watch(s, &to);
    rc = store_export(&res, s, &req, e);
    cli_progress_end(&shown, rc == 0);
    print_findings(&res, o->skip);
    if (rc == 0) {
        cli_saved("the bundle was written to %s and the export logged: see 'intake log'",
                  res.path);
        if (!req.to_stdout)
            printf("%s\n", res.path);
        if (res.verdict == AUDIT_WARN && res.report != NULL) {
            fputs(res.report, stderr);
            cli_note("the audit WARNs (above, its words left out): 'intake audit %s' shows "
                     "them, as recipients see them", req.to_stdout ? "FILE" : res.path);
        }
        if (!o->notify)
            cli_note("exported %zu record(s) to %s", res.nexported, res.to);
        if (res.nnotices > 0)
            cli_note("the bundle carries %zu notice(s) to %s; every later bundle to them "
                     "carries them again, so a refused or lost bundle loses none",
                     res.nnotices, res.to);
        if (res.napart > 0)
            cli_note("%zu notice(s) owed to %s alone, sent before, are not in this bundle (its "
                     "other recipients never received what they name): every bundle to %s "
                     "alone carries them again ('intake notify --to %s --resend')",
                     res.napart, res.apart_to, res.apart_to, res.apart_to);
    }
    export_result_free(&res);
    free(names);
    free(ids);
    free(idv);
    return rc == 0 ? EXIT_OK : cli_fail(e);
}

/* export or notify (o->notify), the options parsed by parse (0, -1 after
 * --help, or the exit status of a usage error). */
static int export_command(int (*parse)(struct export_opts *, int, char **), int argc,
                          char **argv, const struct globals *g)
{
    struct export_opts o;
    struct store *s;
    struct err e;
    int rc;

    memset(&o, 0, sizeof o);
    rc = parse(&o, argc, argv);
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
    rc = run_export(s, &o, &e);
    store_close(s);
    if (!o.notify)
        cli_dictionaries_note();
    return rc;
}

int cmd_export(int argc, char **argv, const struct globals *g)
{
    return export_command(parse_export, argc, argv, g);
}

/* ---- notify ---- */

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char notify_usage[] = "intake notify --to NAME[,NAME...] [--resend] [-o FILE] [--armor]";

static int parse_notify(struct export_opts *o, int argc, char **argv)
{
    static const struct option opts[] = {
        { "to", required_argument, NULL, 't' }, { "output", required_argument, NULL, 'o' },
        { "resend", no_argument, NULL, 'r' }, { "help", no_argument, NULL, 'h' },
        { "armor", no_argument, NULL, 'a' }, { NULL, 0, NULL, 0 },
    };
    int c, seen[2] = { 0 };

    while ((c = cli_getopt(argc, argv, ":o:", opts)) != -1) {
        switch (c) {
        case 't': if (cli_once("notify", "to", &seen[0])) return EXIT_INPUT; o->to = optarg; break;
        case 'o': if (cli_once("notify", "output", &seen[1])) return EXIT_INPUT; o->out = optarg; break;
        case 'r': o->resend = 1; break;
        case 'a': o->armor = 1; break;     /* a messenger's text (adv16b N6) */
        case 'h': cli_print_usage(stdout, notify_usage); return -1;
        default: return cli_bad_option("notify", c, argv);
        }
    }
    if (o->to == NULL || o->to[0] == '\0')
        return cli_usage_error("notify", "notify needs --to NAME[,NAME...]");
    if (optind < argc)
        return cli_usage_error("notify", "unexpected argument '%s'", argv[optind]);
    if (o->out != NULL && strcmp(o->out, "-") == 0 && !o->armor)
        return cli_usage_error("notify", "-o - writes the bundle to standard output as text: "
                               "add --armor");
    if (o->out != NULL && strcmp(o->out, "-") != 0 && cli_check_new_file(o->out, 0) != 0)
        return EXIT_INPUT;
    o->notify = 1;
    return 0;
}

int cmd_notify(int argc, char **argv, const struct globals *g)
{
    return export_command(parse_notify, argc, argv, g);
}

/* ---- exports ---- */

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char exports_usage[] = "intake exports [--json]";

static int print_export(void *ctx, const struct export_row *r, struct err *e)
{
    json_t *arr = ctx;
    char hex[2 * BUNDLE_HASHBYTES + 1] = "";

    if (r->hashlen == BUNDLE_HASHBYTES)
        sodium_bin2hex(hex, sizeof hex, r->hash, r->hashlen);
    if (arr != NULL) {
        json_t *to = json_array(), *recs = json_array();
        for (size_t i = 0; i < r->nto; i++)
            json_array_append_new(to, json_string(r->to[i]));
        for (size_t i = 0; i < r->nitems; i++)
            json_array_append_new(recs, json_pack("{s:s, s:I}", "id", r->items[i].id,
                                                  "version", (json_int_t)r->items[i].version));
        return json_array_append_new(arr, json_pack("{s:s, s:o, s:o, s:s, s:o}", "at", r->at,
                   "to", to, "records", recs, "bundle", hex,
                   "size", r->size >= 0 ? json_integer(r->size) : json_null())) == 0 ? 0
               : err_set(e, EXIT_INPUT, "out of memory");
    }
    printf("%s\t", r->at);
    for (size_t i = 0; i < r->nto; i++)
        printf("%s%s", i ? "," : "", cli_shown(r->to[i]));
    if (r->size >= 0)
        printf("\t%lld\t%s\t", (long long)r->size, hex);
    else
        printf("\t-\t%s\t", hex);
    for (size_t i = 0; i < r->nitems; i++)
        printf("%s%s", i ? " " : "", r->items[i].id);
    putchar('\n');
    return 0;
}

/* A notice, not yet sent or sent and not acknowledged: on stderr, so that
 * the listing stays as it was. */
static void note_notice_to(const struct notice_row *r);

/* The addressee of a notice owed to a key its contact no longer has
 * (issue 16 B-4): named so that 'exports' and 'notify --to NAME' agree. */
static const char *notice_to(char *buf, size_t len, const struct notice_row *r)
{
    if (r->former == NOTICE_TO_REPLACED)
        snprintf(buf, len, _("the key %s had before its card was replaced"), r->contact);
    else if (r->former == NOTICE_TO_REMOVED)
        snprintf(buf, len, _("%s (no longer a contact)"), r->contact);
    else
        snprintf(buf, len, "%s", r->contact);
    return buf;
}

static int note_notice(void *ctx, const struct notice_row *r, struct err *e)
{
    char to[CONTACT_NAME_MAX * 4 + 200];
    struct notice_row n = *r;

    (void)ctx, (void)e;
    n.contact = notice_to(to, sizeof to, r);
    /* the subject by its pseudonym while it is here (adv16b C-13) */
    if (r->pseudonym != NULL)
        n.subject = r->pseudonym;
    r = &n;
    if (strcmp(r->kind, "removal") == 0 && r->sent != NULL)
        cli_note("notice sent to %s, not yet acknowledged: removal of an attachment of record "
                 "%s (subject %s), first sent %s; every bundle to them carries it again",
                 r->contact, r->record, r->subject, r->sent);
    else if (strcmp(r->kind, "removal") == 0)
        cli_note("notice not yet sent to %s: removal of an attachment of record %s (subject "
                 "%s), due since %s", r->contact, r->record, r->subject, r->at);
    else if (strcmp(r->kind, "reconsent") == 0 && r->sent != NULL)
        cli_note("notice sent to %s, not yet acknowledged: new consent of subject %s after its "
                 "withdrawal, first sent %s; every bundle to them carries it again", r->contact,
                 r->subject, r->sent);
    else if (strcmp(r->kind, "reconsent") == 0)
        cli_note("notice not yet sent to %s: new consent of subject %s after its withdrawal, "
                 "due since %s", r->contact, r->subject, r->at);
    else if (strcmp(r->kind, "scope") == 0 && r->sent != NULL)
        cli_note("notice sent to %s, not yet acknowledged: new consent scope of subject %s, "
                 "first sent %s; every bundle to them carries it again", r->contact, r->subject,
                 r->sent);
    else if (strcmp(r->kind, "scope") == 0)
        cli_note("notice not yet sent to %s: new consent scope of subject %s, due since %s",
                 r->contact, r->subject, r->at);
    else if (r->sent != NULL && r->record != NULL)
        cli_note("notice sent to %s, not yet acknowledged: deletion of record %s (subject %s), "
                 "first sent %s; every bundle to them carries it again", r->contact, r->record,
                 r->subject, r->sent);
    else if (r->sent != NULL && strcmp(r->kind, "withdrawal") == 0)
        cli_note("notice sent to %s, not yet acknowledged: withdrawal of consent of subject %s, "
                 "first sent %s; every bundle to them carries it again", r->contact, r->subject,
                 r->sent);
    else if (r->sent != NULL)
        cli_note("notice sent to %s, not yet acknowledged: deletion of subject %s, first sent "
                 "%s; every bundle to them carries it again", r->contact, r->subject, r->sent);
    else if (r->record != NULL)
        cli_note("notice not yet sent to %s: deletion of record %s (subject %s), due since %s",
                 r->contact, r->record, r->subject, r->at);
    else if (strcmp(r->kind, "withdrawal") == 0)
        cli_note("notice not yet sent to %s: withdrawal of consent of subject %s, due since %s",
                 r->contact, r->subject, r->at);
    else
        cli_note("notice not yet sent to %s: deletion of subject %s, due since %s",
                 r->contact, r->subject, r->at);
    if (r->sent == NULL)
        note_notice_to(r);
    return 0;
}

/* How to send a notice owed to a key its contact no longer has: the
 * earlier card added again (under another name if the contact now has a
 * new one), then notify. */
static void note_notice_to(const struct notice_row *r)
{
    if (r->former == NOTICE_TO_REPLACED && r->fingerprint != NULL)
        cli_note("to send it, add the earlier card (fingerprint %s) as a contact under another "
                 "name and run 'intake notify --to' that name: the new key's store never had "
                 "these records", r->fingerprint);
    else if (r->former == NOTICE_TO_REPLACED)
        cli_note("to send it, add the earlier card as a contact under another name and run "
                 "'intake notify --to' that name: the new key's store never had these records");
    else if (r->former == NOTICE_TO_REMOVED)
        cli_note("to send it, add the removed contact's card again ('intake contact add') and "
                 "run 'intake notify --to' that name");
}

/* exports --json: each notice after the exports, as
 * {"notice": {kind, subject, record, contact, due, sent}} (issue 16, F11);
 * "sent" is null until a bundle carried it (sent, not yet acknowledged). */
static int json_notice(void *ctx, const struct notice_row *r, struct err *e)
{
    static const char *const former[] = { NULL, "replaced", "removed" };
    json_t *o = json_pack("{s:{s:s, s:s, s:s?, s:s, s:s, s:s?, s:s?, s:s?}}", "notice", "kind",
                          r->kind, "subject", r->subject, "record", r->record, "contact",
                          r->contact, "due", r->at, "sent", r->sent, "key", former[r->former],
                          "fingerprint", r->fingerprint);

    note_notice(NULL, r, e);
    return json_array_append_new(ctx, o) == 0 ? 0 : err_set(e, EXIT_INPUT, "out of memory");
}

/* The records a contact's key holds that changed since they went
 * (issue 16 B-6, B-1): on stderr, as the notices; with --json, also as
 * {"owed": {"record", "contact"}}. */
struct owed_ctx {
    const char *contact;
    json_t *arr;                         /* NULL: text */
};

static int note_owed(void *ctx, const struct record_row *row, struct err *e)
{
    struct owed_ctx *o = ctx;

    cli_note("record %s changed since it went to %s (a protected term, a pseudonym or an "
             "attachment): 'intake export --to %s --not-sent-to %s' sends it again", row->id,
             cli_shown(o->contact), cli_shown(o->contact), cli_shown(o->contact));
    if (o->arr != NULL && json_array_append_new(o->arr, json_pack("{s:{s:s, s:s}}", "owed",
                                                "record", row->id, "contact", o->contact)) != 0)
        return err_set(e, EXIT_INPUT, "out of memory");
    return 0;
}

static int take_name(void *ctx, const struct contact_row *r, struct err *e)
{
    return json_array_append_new(ctx, json_string(r->name)) == 0 ? 0
           : err_set(e, EXIT_INPUT, "out of memory");
}

/* For each contact, the records its key holds that changed since. */
static int list_owed(struct store *s, json_t *arr, struct err *e)
{
    json_t *names = json_array(), *n;
    size_t i;
    int rc;

    if (names == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    rc = store_contact_each(s, NULL, take_name, names, e);
    json_array_foreach(names, i, n) {
        struct owed_ctx o = { json_string_value(n), arr };

        if (rc == 0)
            rc = store_export_owed_each(s, o.contact, note_owed, &o, e);
    }
    json_decref(names);
    return rc;
}

int cmd_exports(int argc, char **argv, const struct globals *g)
{
    struct store *s;
    struct err e;
    json_t *arr = NULL;
    int json = 0, rc = cli_plain_args("exports", exports_usage, argc, argv, 0,
                                      "exports takes no arguments", "json", &json);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
    if (json && (arr = json_array()) == NULL)
        rc = cli_error(EXIT_INPUT, "out of memory");
    if (rc == 0 && store_export_each(s, NULL, print_export, arr, &e) != 0)
        rc = cli_fail(&e);
    if (rc == 0 && store_notice_each(s, json ? json_notice : note_notice, arr, &e) != 0)
        rc = cli_fail(&e);
    if (rc == 0 && list_owed(s, arr, &e) != 0)
        rc = cli_fail(&e);
    store_close(s);
    if (rc == 0 && json) {
        json_dumpf(arr, stdout, JSON_INDENT(2));
        putchar('\n');
    }
    json_decref(arr);
    return rc;
}
