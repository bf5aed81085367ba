/* intake: the command table and the global options. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <sodium.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "intake/cli.h"
#include "intake/commands.h"

static int cmd_help(int argc, char **argv, const struct globals *g);

struct command {
    const char *name;
    cmd_fn fn;
    const char *summary;
    const char *usage;   /* the SYNOPSIS lines of the man page */
};

static const struct command commands[] = {
    { "init", cmd_init, "create a store and this device's keys",
      "intake init [--kdf interactive|moderate|sensitive] [--label NAME] [--locale CODE]" },
    { "passwd", cmd_passwd, "change the passphrase (--recovery: with the recovery key)",
      "intake [--recovery] passwd" },
    { "subject", cmd_subject, "register, list, show, rename and forget the people interviewed",
      "intake subject add --name NAME [--name NAME]... [--term CATEGORY:TEXT]... [--locale CODE] [--contact TEXT] [--note TEXT] [--pseudonym P]\n"
      "intake subject list [--reveal] [--json]\n"
      "intake subject show PSEUDONYM [--reveal] [--json]\n"
      "intake subject term PSEUDONYM CATEGORY:TEXT\n"
      "intake subject rename PSEUDONYM NEW\n"
      "intake subject forget PSEUDONYM [--yes]" },
    { "record", cmd_record, "record a testimony (body on standard input or --file)",
      "intake record PSEUDONYM [--title T] [--date YYYY-MM-DD] [--place TEXT] [--lang CODE] [--tag T]... [--file PATH]" },
    { "list", cmd_list, "list records",
      "intake list [--subject PSEUDONYM] [--tag T] [--json]" },
    { "search", cmd_search, "search the records' full text",
      "intake search QUERY [--json]" },
    { "show", cmd_show, "show a whole record",
      "intake show ID [--json]" },
    { "term", cmd_term, "protect store-wide terms (places, employers, ids...)",
      "intake term add CATEGORY TEXT\n"
      "intake term list [--json]\n"
      "intake term remove ID" },
    { "allow", cmd_allow, "record that a flagged text is no name to protect",
      "intake allow TEXT\n"
      "intake allow --list [--json]" },
    { "consent", cmd_consent, "record a subject's informed consent, or its withdrawal",
      "intake consent PSEUDONYM [--export yes|no] [--quote yes|no] [--publish yes|no] [--attachments yes|no] [--embargo YYYY-MM-DD] [--method verbal|written|recorded] [--withdraw]" },
    { "redact", cmd_redact, "show a record exactly as it would leave the device",
      "intake redact RECORD [--report] [--json] [--diff --reveal]" },
    { "attach", cmd_attach, "store a file (audio, photo, document) with a record",
      "intake attach RECORD FILE [--remove-source]" },
    { "attachment", cmd_attachment, "write an attachment back out to a new file",
      "intake attachment get RECORD NAME -o FILE" },
    { "export", cmd_export, "write a sealed, signed bundle of redacted records for contacts",
      "intake export --to NAME[,NAME...] (--all | RECORD...) [-o FILE] [--armor] [--exact-dates] [--skip-blocked]" },
    { "import", cmd_import, "verify a bundle addressed to this store and add its records",
      "intake import BUNDLE [--accept-unknown-sender]" },
    { "open", cmd_open, "verify and decrypt a bundle without importing it",
      "intake open BUNDLE [--json | -o DIR]" },
    { "card", cmd_card, "print this store's contact card, or draw it as a QR code",
      "intake card [--qr term|png|svg] [-o FILE] [--force]" },
    { "contact", cmd_contact, "add, list, show, remove and verify contacts",
      "intake contact add NAME CARD [--replace]\n"
      "intake contact add NAME --scan IMAGE [--replace]\n"
      "intake contact list\n"
      "intake contact show NAME\n"
      "intake contact remove NAME\n"
      "intake contact verify NAME [--qr term|png|svg] [-o FILE] [--force] [--scan IMAGE] [--confirm]" },
    { "audit", cmd_audit, "verify a bundle's origin, redaction and re-identification risk",
      "intake audit BUNDLE [--json] [--strict] [--k N]" },
    { "log", cmd_log, "list the store's hash-chained log of changes, or check it",
      "intake log [--json]\n"
      "intake log --verify [--json]" },
    { "help", cmd_help, "show help for a command",
      "intake help [COMMAND]" },
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const char global_usage[] =
    "intake [--home DIR] [--passphrase-fd N] [--recovery] COMMAND [ARGS]\n"
    "intake --version\n"
    "intake --help";

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int cli_fail(const struct err *e)
{
    fprintf(stderr, "intake: %s\n", e->msg[0] ? e->msg : "failed");
    return e->code ? e->code : EXIT_INPUT;
}

int cli_error(int status, const char *fmt, ...)
{
    va_list ap;

    fputs("intake: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return status;
}

void cli_print_usage(FILE *f, const char *name)
{
    const struct command *c = find_command(name);

    if (c != NULL)
        fprintf(f, "usage: %s\n", c->usage);
}

int cli_usage_error(const char *name, const char *fmt, ...)
{
    va_list ap;

    fputs("intake: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (see 'intake help %s')\n", name);
    return EXIT_INPUT;
}

int cli_valid_date(const char *s)
{
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int y, m, d, n = 0;

    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
        return 0;
    for (int i = 0; i < 10; i++)
        if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return 0;
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return 1;
}

static void print_overview(FILE *f)
{
    fprintf(f, "usage: %s\n\ncommands:\n", global_usage);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n'intake help COMMAND' shows a command's options; 'man intake' tells more.\n", f);
}

static int cmd_help(int argc, char **argv, const struct globals *g)
{
    (void)g;
    if (argc > 2)
        return cli_usage_error("help", "help takes at most one command");
    if (argc < 2 || strcmp(argv[1], "--help") == 0) {
        print_overview(stdout);
        return EXIT_OK;
    }
    if (find_command(argv[1]) == NULL)
        return cli_error(EXIT_INPUT, "no command '%s' (see 'intake help')", argv[1]);
    cli_print_usage(stdout, argv[1]);
    return EXIT_OK;
}

static int parse_fd(const char *s, int *fd)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < 0 || v > INT_MAX)
        return -1;
    *fd = (int)v;
    return 0;
}

/* Global options stop at the first word that is not one (the command). */
static int parse_globals(int argc, char **argv, struct globals *g, int *next)
{
    static const struct option opts[] = {
        { "home", required_argument, NULL, 'H' },
        { "passphrase-fd", required_argument, NULL, 'P' },
        { "recovery", no_argument, NULL, 'R' },
        { "version", no_argument, NULL, 'V' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c;

    opterr = 0;
    while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
        switch (c) {
        case 'H':
            if (g->home != NULL)
                return cli_error(EXIT_INPUT, "--home given twice");
            g->home = optarg;
            break;
        case 'P':
            if (g->passfd != -1)
                return cli_error(EXIT_INPUT, "--passphrase-fd given twice");
            if (parse_fd(optarg, &g->passfd) != 0)
                return cli_error(EXIT_INPUT, "--passphrase-fd needs a descriptor number, not '%s'", optarg);
            break;
        case 'R':
            g->recovery = 1;
            break;
        case 'V':
            printf("intake %s\n", INTAKE_VERSION);
            return -EXIT_OK - 100;
        case 'h':
            print_overview(stdout);
            return -EXIT_OK - 100;
        default:
            return cli_error(EXIT_INPUT, "unknown global option '%s' (see 'intake --help')",
                             argv[optind - 1]);
        }
    }
    *next = optind;
    return 0;
}

int main(int argc, char **argv)
{
    struct globals g = { NULL, -1, 0 };
    const struct command *c;
    int next = 0, rc;

    if (secmem_harden() != 0)
        return cli_error(EXIT_INPUT, "cannot initialise libsodium");
    /* jansson holds revealed identities and bodies while printing JSON. */
    json_set_alloc_funcs(secmem_wipe_malloc, secmem_wipe_free);
    rc = parse_globals(argc, argv, &g, &next);
    if (rc == -100)
        return EXIT_OK;
    if (rc != 0)
        return rc;
    if (next >= argc) {
        print_overview(stderr);
        return EXIT_INPUT;
    }
    c = find_command(argv[next]);
    if (c == NULL)
        return cli_error(EXIT_INPUT, "no command '%s' (see 'intake help')", argv[next]);
    optind = 0;   /* a full reset for the command's own getopt_long */
    rc = c->fn(argc - next, argv + next, &g);
    if (fflush(stdout) != 0 || ferror(stdout))
        return cli_error(EXIT_INPUT, "cannot write to standard output");
    return rc;
}
