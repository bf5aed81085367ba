/* log: list the store's hash-chained log, or check its chain. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "store/store.h"
#include "util/intl.h"

struct log_print {
    json_t *array;            /* --json, else NULL */
};

static void hex(char out[2 * LOG_HASHBYTES + 1], const unsigned char *h)
{
    sodium_bin2hex(out, 2 * LOG_HASHBYTES + 1, h, LOG_HASHBYTES);
}

static int print_entry(void *ctx, const struct log_row *r, struct err *e)
{
    struct log_print *p = ctx;
    char h[2 * LOG_HASHBYTES + 1], prev[2 * LOG_HASHBYTES + 1];

    hex(h, r->hash);
    if (p->array == NULL) {
        printf("%-6ld %s  %.16s  %-16s %s\n", r->seq, r->at, h, r->action,
               r->object[0] != '\0' ? r->object : "-");
        return 0;
    }
    hex(prev, r->prev);
    if (json_array_append_new(p->array, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}",
                              "seq", (json_int_t)r->seq, "date", r->at, "action", r->action,
                              "object", r->object, "prev", prev, "hash", h)) != 0)
        return err_set(e, EXIT_INPUT, "out of memory");
    return 0;
}

/* The log's header, its widths those of print_entry's columns. */
static const struct cli_column log_columns[] = {
    { N_("SEQ"), 6 }, { N_("DATE"), 21 }, { N_("HASH"), 17 }, { N_("ACTION"), 16 },
    { N_("OBJECT"), 0 },
};

static int list_log(struct store *s, int json)
{
    struct log_print p = { json ? json_array() : NULL };
    struct err e;
    int rc;

    err_clear(&e);
    if (json && p.array == NULL)
        return cli_error(EXIT_INPUT, "out of memory");
    if (!json)   /* to a pipe too, as always: English there, as scripts know it */
        cli_columns(log_columns, sizeof log_columns / sizeof log_columns[0], " ",
                    isatty(STDOUT_FILENO));
    rc = store_log_each(s, print_entry, &p, &e);
    if (rc == 0 && json) {
        json_dumpf(p.array, stdout, JSON_INDENT(2));
        putchar('\n');
    }
    json_decref(p.array);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}

static int verify_log(struct store *s, int json)
{
    struct log_check c;
    char h[2 * LOG_HASHBYTES + 1];
    struct err e;

    err_clear(&e);
    if (store_log_verify(&c, s, &e) != 0)
        return cli_fail(&e);
    hex(h, c.head);
    if (json)
        printf("{\n  \"intact\": true,\n  \"entries\": %ld,\n  \"head\": \"%s\"\n}\n", c.seq, h);
    else
        printf(_("log intact: %ld entries, head %s\n"), c.seq, h);
    return EXIT_OK;
}

/* The SYNOPSIS lines of docs/intake.1, character for character. */
static const char log_usage[] =
    "intake log [--json]\n"
    "intake log --verify [--json]";

int cmd_log(int argc, char **argv, const struct globals *g)
{
    static const struct option opts[] = {
        { "json", no_argument, NULL, 'j' },
        { "verify", no_argument, NULL, 'v' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c, json = 0, verify = 0, rc;
    struct store *s;

    while ((c = cli_getopt(argc, argv, ":", opts)) != -1) {
        switch (c) {
        case 'j':
            if (cli_once("log", "json", &json) != 0)
                return EXIT_INPUT;
            break;
        case 'v':
            if (cli_once("log", "verify", &verify) != 0)
                return EXIT_INPUT;
            break;
        case 'h':
            cli_print_usage(stdout, log_usage);
            return EXIT_OK;
        default:
            return cli_bad_option("log", c, argv);
        }
    }
    if (optind != argc)
        return cli_usage_error("log", "unexpected argument '%s'", argv[optind]);
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    rc = verify ? verify_log(s, json) : list_log(s, json);
    store_close(s);
    return rc;
}
