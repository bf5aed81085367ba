/* subject add | list | show | term | rename | forget */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "intake/tombstone.h"
#include "privacy/pseudonym.h"
#include "store/store.h"
#include "util/day.h"
#include "util/intl.h"
#include "util/prompt.h"

#define MAX_NAME_ARGS 64

/* The SYNOPSIS lines of docs/intake.1, character for character. */
static const char subject_usage[] =
    "intake subject add --name NAME [--name NAME]... [--term CATEGORY:TEXT]... [--locale CODE] [--contact TEXT] [--note TEXT] [--pseudonym P]\n"
    "intake subject list [--reveal] [--json]\n"
    "intake subject show PSEUDONYM [--reveal] [--json]\n"
    "intake subject term PSEUDONYM CATEGORY:TEXT\n"
    "intake subject rename PSEUDONYM NEW\n"
    "intake subject forget PSEUDONYM [--yes]";

/* The values point into the arguments, which main.c keeps in locked
 * memory. */
struct add_opts {
    const char *names[MAX_NAME_ARGS];
    size_t nnames;
    const char *terms[MAX_NAME_ARGS];
    size_t nterms;
    const char *contact, *note, *pseudonym, *locale;
};

/* Keeps the value of an option that may be given once. */
static int keep(const char **slot, const char *v, const char *opt)
{
    if (*slot != NULL)
        return cli_usage_error("subject", "--%s given twice", opt);
    *slot = v;
    return 0;
}

/* keep() for an option that may be given up to MAX_NAME_ARGS times. */
static int keep_more(const char **list, size_t *n, const char *v, const char *opt)
{
    if (*n >= MAX_NAME_ARGS)
        return cli_usage_error("subject", "at most %d --%s", MAX_NAME_ARGS, opt);
    list[(*n)++] = v;
    return 0;
}

static int parse_add(struct add_opts *o, int argc, char **argv)
{
    static const struct option opts[] = {
        { "name", required_argument, NULL, 'n' },
        { "contact", required_argument, NULL, 'c' },
        { "note", required_argument, NULL, 'N' },
        { "pseudonym", required_argument, NULL, 'p' },
        { "term", required_argument, NULL, 't' },
        { "locale", required_argument, NULL, 'l' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c, rc = 0;

    while (rc == 0 && (c = cli_getopt(argc, argv, ":", opts)) != -1) {
        switch (c) {
        case 'n': rc = keep_more(o->names, &o->nnames, optarg, "name"); break;
        case 't': rc = keep_more(o->terms, &o->nterms, optarg, "term"); break;
        case 'l': rc = keep(&o->locale, optarg, "locale"); break;
        case 'c': rc = keep(&o->contact, optarg, "contact"); break;
        case 'N': rc = keep(&o->note, optarg, "note"); break;
        case 'p': rc = keep(&o->pseudonym, optarg, "pseudonym"); break;
        case 'h': cli_print_usage(stdout, subject_usage); return -1;
        default: return cli_bad_option("subject", c, argv);
        }
    }
    if (rc == 0 && optind != argc)
        return cli_usage_error("subject", "unexpected argument '%s'", argv[optind]);
    if (rc == 0 && o->nnames == 0)
        return cli_usage_error("subject", "subject add needs at least one --name");
    if (rc == 0 && o->locale != NULL && pseudonym_count(o->locale) == 0)
        return cli_usage_error("subject", "unknown --locale '%.16s'; use ko, mn, en, ru or zh",
                               o->locale);
    return rc;
}

/* --locale, else the store's (init --locale) if pseudonyms exist for it,
 * else en. */
static int pick_locale(char *out, size_t outlen, struct store *s, const char *given,
                       struct err *e)
{
    if (given != NULL) {
        snprintf(out, outlen, "%s", given);
        return 0;
    }
    if (store_meta_get(out, outlen, s, "locale", e) != 0)
        return -1;
    if (out[0] == '\0' || pseudonym_count(out) == 0)
        snprintf(out, outlen, "en");
    return 0;
}

static int subject_add(int argc, char **argv, const struct globals *g)
{
    struct add_opts o;
    struct store *s;
    char pseudonym[128], locale[32];
    struct err e;
    int rc;

    memset(&o, 0, sizeof o);
    err_clear(&e);
    rc = parse_add(&o, argc, argv);
    if (rc == 0 && store_subject_add_check(o.names, o.nnames, o.terms, o.nterms, o.contact,
                                           o.note, o.pseudonym, &e) != 0)
        rc = cli_fail(&e);
    if (rc == 0)
        rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    rc = pick_locale(locale, sizeof locale, s, o.locale, &e);
    if (rc == 0)
        rc = store_subject_add_terms(pseudonym, sizeof pseudonym, s,
                                     o.names, o.nnames, o.terms, o.nterms,
                                     o.contact, o.note, o.pseudonym, locale, &e);
    store_close(s);
    if (rc != 0)
        return cli_fail(&e);
    cli_saved("subject %s was registered: see 'intake subject list'", pseudonym);
    printf("%s\n", pseudonym);
    return EXIT_OK;
}

static json_t *subject_json(const struct subject_row *r)
{
    json_t *o = json_pack("{s:s, s:s, s:s, s:I, s:s?}", "pseudonym", r->pseudonym,
                          "subject", r->uid, "created", r->created, "records", (json_int_t)r->nrecords,
                          "last_record", r->last_date);
    if (o != NULL && r->names != NULL) {
        json_t *names = json_array();
        for (size_t i = 0; i < r->nnames; i++)
            json_array_append_new(names, json_string(r->names[i]));
        json_object_set_new(o, "names", names);
        json_object_set_new(o, "contact", r->contact ? json_string(r->contact) : json_null());
        json_object_set_new(o, "note", r->note ? json_string(r->note) : json_null());
    }
    return o;
}

struct list_ctx {
    json_t *array;       /* --json: collects rows */
    int detail;          /* show: one block per subject */
    struct store *s;
    int rows;            /* lines printed so far */
};

static int print_subject(void *vctx, const struct subject_row *r, struct err *e)
{
    struct list_ctx *ctx = vctx;
    struct consent c;
    char why[256], day[DAY_BYTES];

    if (ctx->detail) {
        if (store_consent_get(&c, ctx->s, r->pseudonym, e) != 0)
            return -1;
        day_consent(day);
        consent_blocks(why, sizeof why, &c, day, ctx->array == NULL);
    }
    if (ctx->array != NULL) {
        json_t *o = subject_json(r);
        if (o != NULL && ctx->detail)
            json_object_set_new(o, "consent", cli_consent_json(&c, why));
        return json_array_append_new(ctx->array, o) == 0 ? 0
               : err_set(e, EXIT_INPUT, "out of memory");
    }
    if (!ctx->detail) {
        if (ctx->rows++ == 0)
        {
            static const struct cli_column cols[] = {
                { N_("PSEUDONYM"), 0 }, { N_("RECORDS"), 0 }, { N_("LAST RECORD"), 0 },
                { N_("CREATED"), 0 }, { N_("NAMES"), 0 }, { N_("CONTACT"), 0 },
            };
            cli_header(cols, r->names != NULL ? 6 : 4);   /* names and contact with --reveal */
        }
        printf("%s\t%ld\t%s\t%s", cli_shown(r->pseudonym), r->nrecords,
               r->last_date ? r->last_date : "-", r->created);
        for (size_t i = 0; r->names != NULL && i < r->nnames; i++)
            printf("%s%s", i ? ", " : "\t", cli_shown(r->names[i]));
        if (r->names != NULL)
            printf("\t%s", r->contact ? cli_shown(r->contact) : "-");
        putchar('\n');
        return 0;
    }
    printf(_("pseudonym: %s\n"), cli_shown(r->pseudonym));
    printf(_("subject id: %s\n"), r->uid);
    printf(_("created: %s\n"), r->created);
    printf(_("records: %ld\n"), r->nrecords);
    printf(_("last record: %s\n"), r->last_date ? r->last_date : "-");
    cli_print_consent(&c);
    if (cli_tombstone_subject(ctx->s, r->uid, e) != 0)
        return -1;
    if (c.imported && why[0])
        printf(_("may leave this store: no (%s)\n"), why);
    else if (c.imported)
        printf("%s\n", _("may leave this store: yes"));
    else if (why[0])
        printf(_("may leave the device: no (%s)\n"), why);
    else
        printf("%s\n", _("may leave the device: yes"));
    if (r->names == NULL) {
        printf("%s\n", _("identity: hidden (use --reveal)"));
        return 0;
    }
    for (size_t i = 0; i < r->nnames; i++)
        printf(_("name: %s\n"), cli_shown(r->names[i]));
    printf(_("contact: %s\n"), r->contact ? cli_shown(r->contact) : "-");
    printf(_("note: %s\n"), r->note ? r->note : "-");
    return 0;
}

static int subject_query(int argc, char **argv, const struct globals *g, int show)
{
    static const struct option opts[] = {
        { "reveal", no_argument, NULL, 'r' },
        { "json", no_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    struct list_ctx ctx = { NULL, show, NULL, 0 };
    int c, reveal = 0, json = 0, rc;
    const char *pseudonym = NULL;
    struct store *s;
    struct err e;

    while ((c = cli_getopt(argc, argv, ":", opts)) != -1) {
        if (c == 'r') reveal = 1;
        else if (c == 'j') json = 1;
        else if (c == 'h') { cli_print_usage(stdout, subject_usage); return EXIT_OK; }
        else return cli_bad_option("subject", c, argv);
    }
    if (show && optind + 1 != argc)
        return cli_usage_error("subject", "subject show needs one PSEUDONYM");
    if (!show && optind != argc)
        return cli_usage_error("subject", "unexpected argument '%s'", argv[optind]);
    pseudonym = show ? argv[optind] : NULL;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    if (json)
        ctx.array = json_array();
    ctx.s = s;
    err_clear(&e);
    rc = store_subject_each(s, pseudonym, reveal, print_subject, &ctx, &e);
    store_close(s);
    if (rc == 0 && json) {
        json_t *out = show ? json_array_get(ctx.array, 0) : ctx.array;
        json_dumpf(out, stdout, JSON_INDENT(2));
        putchar('\n');
    }
    json_decref(ctx.array);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}

/* The pseudonym as stored, of the subject a typed one names (any case). */
static int stored_pseudonym(void *ctx, const struct subject_row *r, struct err *e)
{
    (void)e;
    snprintf(ctx, 128, "%s", r->pseudonym);
    return 0;
}

/* Options: only --help (and --yes where allowed); positional words counted. */

static int plain_args(int argc, char **argv, const char *hint, int npos, int *yes)
{
    return cli_plain_args("subject", subject_usage, argc, argv, npos, hint,
                          yes != NULL ? "yes" : NULL, yes);
}

static int subject_term(int argc, char **argv, const struct globals *g)
{
    char category[TERM_CATEGORY_MAX], pseudonym[128];
    const char *text;
    struct store *s;
    struct err e;
    long id;
    int rc = plain_args(argc, argv, N_("subject term needs PSEUDONYM CATEGORY:TEXT"), 2, NULL);

    if (rc == 0 && snprintf(pseudonym, sizeof pseudonym, "%s", argv[optind]) >= (int)sizeof pseudonym)
        rc = cli_error(EXIT_INPUT, "no subject with such a long pseudonym");
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    err_clear(&e);
    if (term_spec_parse(category, sizeof category, &text, argv[optind + 1], "the term", &e) != 0)
        return cli_fail(&e);
    rc = cli_open_store(&s, g);
    if (rc == 0) {
        rc = store_subject_term(&id, s, pseudonym, category, text, &e) == 0 ? 0
             : cli_fail(&e);
        store_close(s);
    }
    if (rc == 0) {
        cli_saved("term %ld was added: see 'intake term list'", id);
        printf("%ld\n", id);
    }
    return rc;
}

static int subject_rename(int argc, char **argv, const struct globals *g)
{
    struct store *s;
    struct err e;
    int rc = plain_args(argc, argv, N_("subject rename needs PSEUDONYM NEW"), 2, NULL);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    err_clear(&e);
    if (store_pseudonym_check(argv[optind + 1], "the new pseudonym", &e) != 0)
        return cli_fail(&e);
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    rc = store_subject_rename(s, argv[optind], argv[optind + 1], &e) == 0 ? 0 : cli_fail(&e);
    store_close(s);
    if (rc == 0) {
        cli_saved("the subject was renamed: see 'intake subject list'");
        printf("%s\n", argv[optind + 1]);
    }
    return rc;
}

/* Forgetting cannot be undone: a terminal is asked, a script says --yes. */
static int confirm_forget(const char *pseudonym, int yes)
{
    char what[256], q[256];

    snprintf(what, sizeof what, _("subject forget deletes '%s' and all its records for good"),
             pseudonym);
    snprintf(q, sizeof q, _("Forget %s and all its records for good? This cannot be undone. [y/N] "),
             pseudonym);
    return cli_confirm("subject", yes, what, q);
}

static int subject_forget(int argc, char **argv, const struct globals *g)
{
    char p[128] = "";
    struct store *s;
    struct err e;
    long n = 0;
    int yes = 0, rc = plain_args(argc, argv, N_("subject forget needs one PSEUDONYM"), 1, &yes);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
    /* Unknown pseudonyms are reported before anything is asked; the
     * question names the subject as stored. */
    rc = store_subject_each(s, argv[optind], 0, stored_pseudonym, p, &e) == 0 ? 0 : cli_fail(&e);
    if (rc == 0)
        rc = confirm_forget(p, yes);
    long due = cli_notices_pending(s);
    if (rc == 0)
        rc = store_subject_forget(&n, s, p, &e) == 0 ? 0 : cli_fail(&e);
    if (rc == 0 && n == 1)
        cli_note("forgot %s and %ld record", p, n);
    else if (rc == 0)
        cli_note("forgot %s and %ld records", p, n);
    if (rc == 0)
        cli_notices_note(s, due);
    store_close(s);
    return rc;
}

static int subject_list(int argc, char **argv, const struct globals *g)
{
    return subject_query(argc, argv, g, 0);
}

static int subject_show(int argc, char **argv, const struct globals *g)
{
    return subject_query(argc, argv, g, 1);
}

int cmd_subject(int argc, char **argv, const struct globals *g)
{
    static const struct cli_sub subs[] = {
        { "add", subject_add }, { "list", subject_list }, { "show", subject_show },
        { "term", subject_term }, { "rename", subject_rename }, { "forget", subject_forget },
    };

    return cli_subcommand("subject", subject_usage, subs, sizeof subs / sizeof subs[0],
                          argc, argv, g);
}
