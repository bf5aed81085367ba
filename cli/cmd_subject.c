/* subject add | list | show */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "crypto/secmem.h"
#include "store/store.h"

#define MAX_NAME_ARGS 64

struct add_opts {
    char *names[MAX_NAME_ARGS];
    size_t nnames;
    char *contact, *note, *pseudonym;
};

static void free_add(struct add_opts *o)
{
    for (size_t i = 0; i < o->nnames; i++)
        secmem_free(o->names[i]);
    secmem_free(o->contact);
    secmem_free(o->note);
    secmem_free(o->pseudonym);
}

/* Copies a value into secure memory; identities never stay in argv. */
static int keep(char **slot, const char *v, const char *opt)
{
    if (*slot != NULL)
        return cli_usage_error("subject", "--%s given twice", opt);
    *slot = secmem_strdup(v);
    return *slot == NULL ? cli_error(EXIT_INPUT, "out of secure memory") : 0;
}

static int parse_add(struct add_opts *o, int argc, char **argv)
{
    static const struct option opts[] = {
        { "name", required_argument, NULL, 'n' },
        { "contact", required_argument, NULL, 'c' },
        { "note", required_argument, NULL, 'N' },
        { "pseudonym", required_argument, NULL, 'p' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c, rc = 0;

    while (rc == 0 && (c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'n':
            if (o->nnames >= MAX_NAME_ARGS)
                return cli_usage_error("subject", "at most %d --name", MAX_NAME_ARGS);
            o->names[o->nnames] = secmem_strdup(optarg);
            if (o->names[o->nnames++] == NULL)
                return cli_error(EXIT_INPUT, "out of secure memory");
            break;
        case 'c': rc = keep(&o->contact, optarg, "contact"); break;
        case 'N': rc = keep(&o->note, optarg, "note"); break;
        case 'p': rc = keep(&o->pseudonym, optarg, "pseudonym"); break;
        case 'h': cli_print_usage(stdout, "subject"); return -1;
        default: return cli_usage_error("subject", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (rc == 0 && optind != argc)
        return cli_usage_error("subject", "unexpected argument '%s'", argv[optind]);
    if (rc == 0 && o->nnames == 0)
        return cli_usage_error("subject", "subject add needs at least one --name");
    return rc;
}

static int subject_add(int argc, char **argv, const struct globals *g)
{
    struct add_opts o;
    struct store *s;
    char pseudonym[128], locale[32];
    struct err e;
    int rc;

    memset(&o, 0, sizeof o);
    rc = parse_add(&o, argc, argv);
    cli_wipe_args(argc, argv);
    if (rc == 0)
        rc = cli_open_store(&s, g);
    if (rc != 0) {
        free_add(&o);
        return rc < 0 ? EXIT_OK : rc;
    }
    err_clear(&e);
    rc = store_meta_get(locale, sizeof locale, s, "locale", &e);
    if (rc == 0)
        rc = store_subject_add(pseudonym, sizeof pseudonym, s, (const char *const *)o.names,
                               o.nnames, o.contact, o.note, o.pseudonym,
                               locale[0] ? locale : "en", &e);
    store_close(s);
    free_add(&o);
    if (rc != 0)
        return cli_fail(&e);
    printf("%s\n", pseudonym);
    return EXIT_OK;
}

static json_t *subject_json(const struct subject_row *r)
{
    json_t *o = json_pack("{s:s, s:s, s:I, s:s?}", "pseudonym", r->pseudonym,
                          "created", r->created, "records", (json_int_t)r->nrecords,
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
};

static int print_subject(void *vctx, const struct subject_row *r, struct err *e)
{
    struct list_ctx *ctx = vctx;

    (void)e;
    if (ctx->array != NULL)
        return json_array_append_new(ctx->array, subject_json(r)) == 0 ? 0
               : err_set(e, EXIT_INPUT, "out of memory");
    if (!ctx->detail) {
        printf("%s\t%ld\t%s\t%s", r->pseudonym, r->nrecords,
               r->last_date ? r->last_date : "-", r->created);
        for (size_t i = 0; r->names != NULL && i < r->nnames; i++)
            printf("%s%s", i ? ", " : "\t", r->names[i]);
        if (r->names != NULL)
            printf("\t%s", r->contact ? r->contact : "-");
        putchar('\n');
        return 0;
    }
    printf("pseudonym: %s\ncreated: %s\nrecords: %ld\nlast record: %s\n", r->pseudonym,
           r->created, r->nrecords, r->last_date ? r->last_date : "-");
    if (r->names == NULL) {
        printf("identity: hidden (use --reveal)\n");
        return 0;
    }
    for (size_t i = 0; i < r->nnames; i++)
        printf("name: %s\n", r->names[i]);
    printf("contact: %s\nnote: %s\n", r->contact ? r->contact : "-", r->note ? r->note : "-");
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
    struct list_ctx ctx = { NULL, show };
    int c, reveal = 0, json = 0, rc;
    const char *pseudonym = NULL;
    struct store *s;
    struct err e;

    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'r') reveal = 1;
        else if (c == 'j') json = 1;
        else if (c == 'h') { cli_print_usage(stdout, "subject"); return EXIT_OK; }
        else return cli_usage_error("subject", "unknown option '%s'", argv[optind - 1]);
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

int cmd_subject(int argc, char **argv, const struct globals *g)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0) {
        cli_print_usage(argc < 2 ? stderr : stdout, "subject");
        return argc < 2 ? EXIT_INPUT : EXIT_OK;
    }
    if (strcmp(argv[1], "add") == 0)
        return subject_add(argc - 1, argv + 1, g);
    if (strcmp(argv[1], "list") == 0)
        return subject_query(argc - 1, argv + 1, g, 0);
    if (strcmp(argv[1], "show") == 0)
        return subject_query(argc - 1, argv + 1, g, 1);
    return cli_usage_error("subject", "unknown subcommand '%s'", argv[1]);
}
