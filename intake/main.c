/* intake: the command table and the global options. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <getopt.h>
#include <jansson.h>
#include <libgen.h>
#include <locale.h>
#include <sodium.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypto/secmem.h"
#include "intake/cli.h"
#include "intake/commands.h"
#include "intake/help.h"
#include "intake/shell.h"
#include "util/intl.h"
#include "util/lexicon.h"
#include "util/sandbox.h"

static int cmd_help(int argc, char **argv, const struct globals *g);
static int cmd_shell(int argc, char **argv, const struct globals *g);

struct command {
    const char *name;
    cmd_fn fn;
    const char *summary;   /* English, marked N_(): shown translated */
};

/* Each command prints its own usage lines on --help; 'help CMD' asks it. */
static const struct command commands[] = {
    { "init", cmd_init, N_("create a store and this device's keys") },
    { "passwd", cmd_passwd, N_("change the passphrase (--recovery: with the recovery key)") },
    { "rekey", cmd_rekey, N_("re-encrypt the store under a new key and a new recovery key") },
    { "label", cmd_label, N_("change the label this store's card shows") },
    { "subject", cmd_subject, N_("register, list, show, rename and forget the people interviewed") },
    { "record", cmd_record, N_("record a testimony (body on standard input or --file)") },
    { "list", cmd_list, N_("list records") },
    { "search", cmd_search, N_("search the records' full text") },
    { "show", cmd_show, N_("show a whole record") },
    { "term", cmd_term, N_("protect store-wide terms (places, employers, ids...)") },
    { "allow", cmd_allow, N_("record that a flagged text is no name to protect") },
    { "consent", cmd_consent, N_("record a subject's informed consent, or its withdrawal") },
    { "redact", cmd_redact, N_("show a record exactly as it would leave the device") },
    { "attach", cmd_attach, N_("store a file (audio, photo, document) with a record") },
    { "attachment", cmd_attachment, N_("get an attachment back out to a new file, or remove one") },
    { "export", cmd_export, N_("write a sealed, signed bundle of redacted records for contacts") },
    { "exports", cmd_exports, N_("list what was exported: when, to whom, which records") },
    { "notify", cmd_notify, N_("write a bundle of only the notices of withdrawal or deletion owed to contacts") },
    { "import", cmd_import, N_("verify a bundle addressed to this store and add its records") },
    { "open", cmd_open, N_("verify and decrypt a bundle without importing it") },
    { "card", cmd_card, N_("print this store's contact card, or draw it as a QR code") },
    { "contact", cmd_contact, N_("add, list, show, remove and verify contacts") },
    { "audit", cmd_audit, N_("verify a bundle's origin, redaction and re-identification risk") },
    { "log", cmd_log, N_("list the store's hash-chained log of changes, or check it") },
    { "backup", cmd_backup, N_("write a copy of the whole store, as safe as the store itself") },
    { "restore", cmd_restore, N_("make a store from a backup (never over an existing one)") },
    { "wipe", cmd_wipe, N_("make the store unreadable at once, then remove its files") },
    { "shell", cmd_shell, N_("unlock once, then type commands at a prompt") },
    { "help", cmd_help, N_("explain a command, with an example") },
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const char help_usage[] = "intake help [COMMAND]";

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

/* find_command, or NULL after saying there is none and which is near. */
static const struct command *command_named(const char *name)
{
    const char *names[N_COMMANDS];
    const struct command *c = find_command(name);

    if (c != NULL)
        return c;
    for (size_t i = 0; i < N_COMMANDS; i++)
        names[i] = commands[i].name;
    cli_unknown(NULL, N_("command"), name, names, N_COMMANDS);
    return NULL;
}

/* Runs the command argv[0] with its arguments: the same for a command
 * line and for each line of a shell. */
static int dispatch(int argc, char **argv, const struct globals *g)
{
    const struct command *c = command_named(argv[0]);

    if (c == NULL)
        return EXIT_INPUT;
    optind = 0;   /* a full reset for the command's own getopt_long */
    return c->fn(argc, argv, g);
}

static int is_command(const char *name)
{
    return find_command(name) != NULL;
}

static int cmd_shell(int argc, char **argv, const struct globals *g)
{
    return shell_main(argc, argv, g, dispatch, is_command);
}

static void print_overview(FILE *f)
{
    fprintf(f, "usage: %s\n\n%s\n", global_usage, _("commands:"));
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
    fprintf(f, "\n%s\n", _("'intake help COMMAND' explains a command, with an example; 'man intake' tells more."));
}

/* 'help CMD' runs 'CMD --help' (each command prints its own usage), then
 * explains it with an example (intake/help.c). */
static int cmd_help(int argc, char **argv, const struct globals *g)
{
    char help[] = "--help";
    char *args[] = { argv[1], help, NULL };   /* argv[argc] is NULL */
    const struct command *c;
    int rc = EXIT_OK;

    if (argc > 2)
        return cli_usage_error("help", "help takes at most one command");
    if (argc < 2 || strcmp(argv[1], "--help") == 0) {
        print_overview(stdout);
        return EXIT_OK;
    }
    c = command_named(argv[1]);
    if (c == NULL)
        return EXIT_INPUT;
    if (c->fn == cmd_help) {
        cli_print_usage(stdout, help_usage);
    } else {
        optind = 0;
        rc = c->fn(2, args, g);
    }
    if (rc == EXIT_OK)
        help_explain(stdout, c->name);
    return rc;
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
    while ((c = cli_getopt(argc, argv, "+:", opts)) != -1) {
        switch (c) {
        case 'H':
            if (g->home != NULL)
                return cli_error(EXIT_INPUT, "--home given twice");
            if (optarg[0] == '\0')
                return cli_error(EXIT_INPUT, "--home needs a folder, not an empty word (see 'intake --help')");
            g->home = optarg;
            break;
        case 'P':
            if (g->passfd != -1)
                return cli_error(EXIT_INPUT, "--passphrase-fd given twice");
            if (parse_fd(optarg, &g->passfd) != 0)
                return cli_error(EXIT_INPUT, "--passphrase-fd needs a descriptor number, not '%s'", optarg);
            break;
        case 'R':
            if (g->recovery)
                return cli_error(EXIT_INPUT, "--recovery given twice");
            g->recovery = 1;
            break;
        case 'V':
            printf("intake %s\n", INTAKE_VERSION);
            return -EXIT_OK - 100;
        case 'h':
            print_overview(stdout);
            return -EXIT_OK - 100;
        case ':':
            return cli_error(EXIT_INPUT, "global option '%s' needs a value (see 'intake --help')",
                             cli_option_word(argv));
        case '!':
            return cli_error(EXIT_INPUT, "unknown global option '%s'; write options in full "
                             "(see 'intake --help')", cli_option_word(argv));
        default:
            return cli_error(EXIT_INPUT, "unknown global option '%s' (see 'intake --help')",
                             argv[optind - 1]);
        }
    }
    *next = optind;
    return 0;
}

/* A closed standard descriptor would be taken by the next file opened,
 * and output meant for the terminal would land in it (a bundle, the
 * store): each is held by /dev/null opened the wrong way round, so using
 * it fails (EBADF) as it would have, and is reported. */
static void hold_std_fds(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
            continue;
        int got = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
        if (got >= 0 && got != fd) {
            (void)dup2(got, fd);
            close(got);
        }
    }
}

/* Moves the arguments into one block of locked memory (*block, freed with
 * secmem_free) and points a new vector (*args, freed with free) at the
 * copies, then wipes the originals: names, titles, places, queries, paths
 * and terms typed after the command do not stay readable in
 * /proc/PID/cmdline while the command waits for a passphrase or a body.
 * Done before anything is parsed, for every command.  0, or -1 if out of
 * memory. */
static int hide_args(char ***args, char **block, int argc, char **argv)
{
    size_t total = 0, at = 0;

    for (int i = 0; i < argc; i++)
        total += strlen(argv[i]) + 1;
    *block = secmem_alloc(total);
    *args = calloc((size_t)argc + 1, sizeof **args);
    if (*block == NULL || *args == NULL) {
        secmem_free(*block);
        free(*args);
        return -1;
    }
    for (int i = 0; i < argc; i++) {
        size_t n = strlen(argv[i]) + 1;
        memcpy(*block + at, argv[i], n);
        (*args)[i] = *block + at;
        at += n;
        if (i > 0)
            secmem_wipe_str(argv[i]);
    }
    return 0;
}

static int run(int argc, char **args, char **argv)
{
    struct globals g = { NULL, -1, 0 };
    const struct command *c;
    int next = 0, rc;

    rc = parse_globals(argc, args, &g, &next);
    cli_use_globals(&g);
    if (rc == -100)
        return cli_finish(EXIT_OK);
    if (rc != 0)
        return rc;
    if (next >= argc) {
        print_overview(stderr);
        return EXIT_INPUT;
    }
    c = command_named(args[next]);
    if (c == NULL)
        return EXIT_INPUT;
    /* The command name goes back into /proc/PID/cmdline: it names no one. */
    memcpy(argv[next], c->name, strlen(c->name));
    return cli_finish(dispatch(argc - next, args + next, &g));
}

/* The folder of translations: LOCALEDIR (the Makefile's, PREFIX/share/locale)
 * unless the folder share/locale beside this program's own bin/ exists:
 * an installed intake (/usr/bin/intake finds /usr/share/locale, under any
 * PREFIX) and a build-tree one (build/rel/bin/intake finds the catalogues
 * make compiled into build/rel/share/locale) both find their own.  Read
 * from /proc/self/exe, never from the environment: whoever could place a
 * catalogue there could replace the program itself.  Its format strings
 * are checked by msgfmt --check when built (po/). */
static void init_messages(void)
{
    static char dir[PATH_MAX];
    char exe[PATH_MAX];
    struct stat st;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    const char *use = LOCALEDIR;

    if (n > 0 && (size_t)n < sizeof exe - 1) {
        exe[n] = '\0';
        int w = snprintf(dir, sizeof dir, "%s/../share/locale", dirname(exe));
        if (w > 0 && (size_t)w < sizeof dir && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
            use = dir;
    }
    /* Messages only: LC_CTYPE, LC_NUMERIC, LC_COLLATE and the rest stay
     * "C", so no number, sort order or JSON changes with the language. A
     * locale the system lacks leaves "C": English, without a word. */
    (void)setlocale(LC_MESSAGES, "");
    (void)bindtextdomain(INTL_DOMAIN, use);
    (void)bind_textdomain_codeset(INTL_DOMAIN, "UTF-8");
    /* strerror()'s texts inside our messages come from glibc's own
     * catalogue, domain "libc" (Debian's libc-l10n: Korean yes, Mongolian
     * none, so English there).  Asked for in UTF-8 like ours: with LC_CTYPE
     * "C" gettext would turn each of its Korean letters into "?". */
    (void)bind_textdomain_codeset("libc", "UTF-8");
    (void)textdomain(INTL_DOMAIN);
}

int main(int argc, char **argv)
{
    char **args = NULL, *block = NULL;
    struct err e;
    int rc;

    hold_std_fds();
    init_messages();
    /* A closed pipe is an error to report (what was saved, and where),
     * not a silent death after a commit. */
    signal(SIGPIPE, SIG_IGN);
    if (secmem_harden() != 0)
        return cli_error(EXIT_INPUT, "cannot initialise libsodium");
    /* Every library is loaded; nothing has been read yet (util/sandbox.h). */
    err_clear(&e);
    if (sandbox_no_network(&e) != 0)
        return cli_fail(&e);
    if (hide_args(&args, &block, argc, argv) != 0)
        return cli_error(EXIT_INPUT, "out of secure memory");
    /* Where the review flags' dictionaries are (util/lexicon.h; the
     * tests point it at a folder without them). */
    lexicon_set_dir(getenv("INTAKE_DICTIONARIES"));
    /* jansson holds revealed identities and bodies while printing JSON. */
    json_set_alloc_funcs(secmem_wipe_malloc, secmem_wipe_free);
    rc = run(argc, args, argv);
    free(args);
    secmem_free(block);
    return rc;
}
