/* The helpers every command shares (intake/cli.h). */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "intake/cli.h"
#include "crypto/keyslot.h"
#include "crypto/secmem.h"
#include "store/store.h"
#include "util/prompt.h"

int cli_fail(const struct err *e)
{
    fprintf(stderr, "intake: %s\n", e->msg[0] ? e->msg : "failed");
    return e->code ? e->code : EXIT_INPUT;
}

static void say(const char *fmt, va_list ap)
{
    fputs("intake: ", stderr);
    vfprintf(stderr, fmt, ap);
}

int cli_error(int status, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    say(fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return status;
}

void cli_print_usage(FILE *f, const char *usage)
{
    fprintf(f, "usage: %s\n", usage);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    say(fmt, ap);
    va_end(ap);
    fprintf(stderr, " (see 'intake help %s')\n", cmd);
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

int cli_once(const char *cmd, const char *opt, int *seen)
{
    if (*seen)
        return cli_usage_error(cmd, "--%s given twice", opt);
    *seen = 1;
    return 0;
}

int cli_plain_args(const char *cmd, const char *usage, int argc, char **argv, int npos,
                   const char *hint, const char *flag, int *set)
{
    const struct option opts[] = {
        { "help", no_argument, NULL, 'h' },
        { flag, no_argument, NULL, 'f' },   /* the table ends here when flag is NULL */
        { NULL, 0, NULL, 0 },
    };
    int c;

    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'f') *set = 1;
        else if (c == 'h') { cli_print_usage(stdout, usage); return -1; }
        else return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
    }
    if (argc - optind != npos)
        return cli_usage_error(cmd, "%s", hint);
    return 0;
}

int cli_subcommand(const char *cmd, const char *usage, const struct cli_sub *subs,
                   size_t nsubs, int argc, char **argv, const struct globals *g)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0) {
        cli_print_usage(argc < 2 ? stderr : stdout, usage);
        return argc < 2 ? EXIT_INPUT : EXIT_OK;
    }
    for (size_t i = 0; i < nsubs; i++)
        if (strcmp(argv[1], subs[i].name) == 0)
            return subs[i].fn(argc - 1, argv + 1, g);
    return cli_usage_error(cmd, "unknown subcommand '%s'", argv[1]);
}

int cli_secret_dup(char **out, const char *s)
{
    *out = secmem_strdup(s);
    return *out == NULL ? cli_error(EXIT_INPUT, "out of secure memory") : 0;
}

void cli_wipe_args(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        secmem_wipe_str(argv[i]);
}

void cli_today(char *out, size_t outlen)
{
    time_t t = time(NULL);
    struct tm tm;

    localtime_r(&t, &tm);
    if (strftime(out, outlen, "%Y-%m-%d", &tm) == 0 && outlen > 0)
        out[0] = '\0';
}

/* What the running command saved (cli_saved), or "". */
static char saved_note[512];

void cli_saved(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    (void)vsnprintf(saved_note, sizeof saved_note, fmt, ap);
    va_end(ap);
}

int cli_finish(int rc)
{
    const char *why = NULL;

    if (fflush(stdout) != 0)
        why = strerror(errno);
    else if (!ferror(stdout))
        return rc;
    if (rc != EXIT_OK)
        return rc;
    return cli_error(EXIT_INPUT, "cannot write to standard output%s%s%s%s%s",
                     why != NULL ? " (" : "", why != NULL ? why : "", why != NULL ? ")" : "",
                     saved_note[0] != '\0' ? "; but " : "", saved_note);
}

/* The passphrase, or with --recovery the parsed recovery key, in a new
 * secure buffer (*secret, *len bytes) that the caller frees. */
static int unlock_secret(unsigned char **secret, size_t *len, const struct globals *g,
                         const char *dir, struct err *e)
{
    char question[4200];
    char *line;

    snprintf(question, sizeof question, g->recovery ? "Recovery key for %s: " : "Passphrase for %s: ", dir);
    if (prompt_secret(&line, len, g->passfd, question, 0, e) != 0)
        return -1;
    if (!g->recovery) {
        *secret = (unsigned char *)line;
        return 0;
    }
    *secret = secmem_alloc(RECOVERY_KEY_BYTES);
    if (*secret == NULL || recovery_key_parse(*secret, line, e) != 0) {
        secmem_free(line);
        secmem_free(*secret);
        return *secret == NULL ? err_set(e, EXIT_INPUT, "out of secure memory") : -1;
    }
    secmem_free(line);
    *len = RECOVERY_KEY_BYTES;
    return 0;
}

int cli_open_store(struct store **s, const struct globals *g)
{
    char dir[4096];
    unsigned char *secret = NULL;
    size_t len = 0;
    struct err e;
    int rc;

    err_clear(&e);
    if (store_dir_resolve(dir, sizeof dir, g->home, &e) != 0 ||
        store_check_dir(dir, &e) != 0 ||
        unlock_secret(&secret, &len, g, dir, &e) != 0)
        return cli_fail(&e);
    rc = store_open(s, dir, g->recovery ? KEYSLOT_RECOVERY : KEYSLOT_PASSPHRASE,
                    secret, len, &e);
    secmem_free(secret);
    return rc == 0 ? 0 : cli_fail(&e);
}
