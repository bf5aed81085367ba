/* intake shell (intake/shell.h): unlock once, then the same commands as
 * on the command line, one per line.  The store stays open and its key in
 * locked memory while the shell is unlocked; after --lock-after minutes
 * without input it is closed, the key wiped, and the passphrase asked
 * for again.  Each line, its words and any testimony typed live in locked
 * memory and are wiped once the command is done; nothing is kept between
 * commands, and no history is written anywhere (docs/DEPENDENCIES.md:
 * why no line-editing library). */
#include "intake/shell.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypto/secmem.h"
#include "intake/input.h"
#include "util/intl.h"
#include "util/shellwords.h"

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char shell_usage[] = "intake shell [--lock-after MINUTES]";

#define LOCK_AFTER_DEFAULT 5.0
#define LOCK_AFTER_MAX 1440.0      /* a day */

/* Commands that make no sense inside a shell, and why. */
static const struct {
    const char *name, *why;
} outside[] = {
    { "init", N_("the shell has a store open already") },
    { "shell", N_("this is the shell already") },
    { "passwd", N_("it changes the secret the shell was unlocked with") },
    { "rekey", N_("it changes the key the shell holds") },
    { "restore", N_("it makes a store, and the shell has one open") },
    { "wipe", N_("it destroys the store the shell has open") },
};

static int parse_minutes(double *minutes, const char *s)
{
    char *end;

    errno = 0;
    *minutes = strtod(s, &end);
    return errno == 0 && end != s && *end == '\0' && isfinite(*minutes) &&
           *minutes > 0 && *minutes <= LOCK_AFTER_MAX ? 0 : -1;
}

static int parse_shell(double *minutes, int argc, char **argv, const struct globals *g)
{
    static const struct option opts[] = {
        { "lock-after", required_argument, NULL, 'l' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c, seen = 0;

    *minutes = LOCK_AFTER_DEFAULT;
    while ((c = cli_getopt(argc, argv, ":", opts)) != -1) {
        if (c == 'h') {
            cli_print_usage(stdout, shell_usage);
            return -1;
        }
        if (c != 'l')
            return cli_bad_option("shell", c, argv);
        if (cli_once("shell", "lock-after", &seen) != 0)
            return EXIT_INPUT;
        if (parse_minutes(minutes, optarg) != 0)
            return cli_usage_error("shell", "--lock-after needs a number of minutes above 0 "
                                   "and at most %.0f (0.5 is 30 seconds), not '%s'",
                                   LOCK_AFTER_MAX, optarg);
    }
    if (optind != argc)
        return cli_usage_error("shell", "shell takes no arguments; type the commands at its "
                               "prompt");
    if (g->passfd == STDIN_FILENO)
        return cli_usage_error("shell", "the shell reads its commands from standard input: "
                               "give --passphrase-fd another descriptor than 0");
    return 0;
}

/* "5 minutes", "30 seconds". */
static void say_time(char *out, size_t outlen, double minutes)
{
    if (minutes < 1 && minutes * 60 < 1.5)
        snprintf(out, outlen, _("%.0f second"), minutes * 60);
    else if (minutes < 1)
        snprintf(out, outlen, _("%.0f seconds"), minutes * 60);
    else if (minutes == 1)
        snprintf(out, outlen, _("%g minute"), minutes);
    else
        snprintf(out, outlen, _("%g minutes"), minutes);
}

/* After the idle time: the store is closed and its key wiped, then the
 * passphrase is asked for again. */
static int relock(const struct globals *g, double minutes)
{
    char after[32];

    cli_shell_lock();
    say_time(after, sizeof after, minutes);
    cli_note("locked after %s without input: the store's key was wiped from memory", after);
    return cli_shell_unlock(g);
}

/* A refusal for a word the shell itself answers, or -1 if there is none. */
static int refused(char **argv, int argc)
{
    if (argv[0][0] == '-')
        return cli_error(EXIT_INPUT, "'%s': global options go on the shell's own command line "
                         "(intake [--home DIR] [--passphrase-fd N] [--recovery] shell), not "
                         "inside it", argv[0]);
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++)
        if (strcmp(argv[0], outside[i].name) == 0)
            return cli_error(EXIT_INPUT, "'%s' does not run inside the shell (%s): type 'exit', "
                             "then 'intake %s'", argv[0], _(outside[i].why), argv[0]);
    if (strcmp(argv[0], "exit") == 0 && argc > 1)
        return cli_error(EXIT_INPUT, "exit takes no arguments");
    return -1;
}

/* Runs one line: 0 and *status set, or 1 for "exit". */
static int run_line(int *status, const char *line, size_t len, const struct globals *g,
                    shell_run_fn run, shell_known_fn known)
{
    char **argv, *block, **words;
    struct err e;
    int argc, rc;

    err_clear(&e);
    if (shellwords_split(&argv, &argc, &block, line, len, &e) != 0) {
        *status = cli_fail(&e);
        return 0;
    }
    words = argv;
    /* "intake list", as the documents write it, is "list". */
    if (argc > 1 && strcmp(words[0], "intake") == 0) {
        words++;
        argc--;
    }
    rc = 0;
    if (argc > 0 && strcmp(words[0], "exit") == 0 && argc == 1) {
        rc = 1;
    } else if (argc > 0) {
        int r = refused(words, argc);
        *status = cli_finish(r >= 0 ? r : run(argc, words, g));
        if (r < 0 && !known(words[0]) && !isatty(STDIN_FILENO)) {
            cli_note("the shell stops here: in a script, the lines after one that names no "
                     "command may be a testimony, and are neither run nor shown");
            *status = EXIT_INPUT;
            rc = 1;
        }
    }
    free(argv);
    secmem_free(block);
    return rc;
}

static void greet(double minutes)
{
    char after[32];

    say_time(after, sizeof after, minutes);
    cli_note("unlocked %s; type 'help' for the commands, 'exit' or Ctrl-D to leave; it locks "
             "after %s without input", cli_shell_dir(), after);
}

/* Reads and runs lines until the end, "exit" or a failed unlock. */
static int loop(const struct globals *g, shell_run_fn run, shell_known_fn known, double minutes)
{
    int tty = isatty(STDIN_FILENO), status = EXIT_OK;

    for (;;) {
        char *line = NULL;
        size_t len = 0;
        struct err e;
        int r, done = 0;

        if (tty)
            /* TRANSLATORS: the shell's prompt; "intake" is the program's
             * name, typed as such, and stays so (po/GLOSSARY.md). */
            fputs(_("intake> "), stderr);
        err_clear(&e);
        r = input_line(&line, &len, &e);
        if (r < 0) {
            status = cli_fail(&e);
        } else if (r == INPUT_END) {
            if (tty)
                fputc('\n', stderr);
            return status;
        } else if (r == INPUT_CANCELLED) {
            if (tty)
                fputc('\n', stderr);
        } else if (r == INPUT_IDLE) {
            if (tty)
                fputc('\n', stderr);
            if ((r = relock(g, minutes)) != 0)
                return r;
        } else {
            done = run_line(&status, line, len, g, run, known);
        }
        secmem_free(line);
        if (done)
            return status;
        if (input_stopped()) {
            cli_note("the shell stops here: its input is not a terminal, and the lines after a "
                     "testimony it gave up may be the rest of it; they are neither run nor shown");
            return EXIT_INPUT;
        }
        /* A testimony left waiting past the idle time: lock now. */
        if (input_went_idle() && (r = relock(g, minutes)) != 0)
            return r;
    }
}

int shell_main(int argc, char **argv, const struct globals *g, shell_run_fn run,
               shell_known_fn known)
{
    double minutes;
    int rc = parse_shell(&minutes, argc, argv, g);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    rc = cli_shell_unlock(g);
    if (rc != 0)
        return rc;
    if (isatty(STDIN_FILENO))
        greet(minutes);
    input_shell(1, (int)lround(minutes * 60000));
    rc = loop(g, run, known, minutes);
    input_shell(0, 0);
    input_forget();
    cli_shell_lock();
    return rc;
}
