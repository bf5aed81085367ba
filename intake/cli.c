/* The helpers every command shares (intake/cli.h). */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "intake/cli.h"
#include "crypto/keyslot.h"
#include "crypto/secmem.h"
#include "store/store.h"
#include "util/intl.h"
#include "util/day.h"
#include "util/fileio.h"
#include "util/lexicon.h"
#include "util/prompt.h"
#include "util/text.h"

/* Every message ends here (its format already translated: util/intl.h,
 * the rule for what is): outside text in it (arguments, paths, names
 * read from files) is shown escaped, never obeyed by the terminal. */
static void say_line(const char *msg, const char *tail)
{
    char safe[2048];

    text_terminal_safe(safe, sizeof safe, msg, strlen(msg));
    fprintf(stderr, "intake: %s%s\n", safe, tail);
}

static void say(const char *tail, const char *fmt, va_list ap)
{
    char msg[2048];

    (void)vsnprintf(msg, sizeof msg, _(fmt), ap);
    say_line(msg, tail);
}

int cli_fail(const struct err *e)
{
    say_line(e->msg[0] ? e->msg : _("failed"), "");
    return e->code ? e->code : EXIT_INPUT;
}

int cli_error(int status, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    say("", fmt, ap);
    va_end(ap);
    return status;
}

void cli_note(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    say("", fmt, ap);
    va_end(ap);
}

void cli_print_usage(FILE *f, const char *usage)
{
    fprintf(f, "usage: %s\n", usage);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    char tail[256];
    va_list ap;

    snprintf(tail, sizeof tail, _(" (see 'intake help %s')"), cmd);
    va_start(ap, fmt);
    say(tail, fmt, ap);
    va_end(ap);
    return EXIT_INPUT;
}

/* The option whose value cli_getopt refused ("" when none). */
static char missing_value[64];

/* 1 if word is "--" or one of the options of shortopts and opts: what a
 * person left an option's value out before (adv14 F10, F20). */
static int is_option_word(const char *word, const char *shortopts, const struct option *opts)
{
    size_t n = strcspn(word, "=");

    if (strcmp(word, "--") == 0)
        return 1;
    if (word[0] == '-' && word[1] != '-' && word[1] != '\0' && word[1] != ':' &&
        strchr(shortopts, word[1]) != NULL)
        return 1;
    for (size_t i = 0; word[0] == '-' && word[1] == '-' && opts[i].name != NULL; i++)
        if (strlen(opts[i].name) == n - 2 && strncmp(opts[i].name, word + 2, n - 2) == 0)
            return 1;
    return 0;
}

int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *opts)
{
    int idx = -1, c = getopt_long(argc, argv, shortopts, opts, &idx);
    /* The word that named the option (getopt moved past its value too). */
    const char *word = optind > 1 ? argv[optind - 1] : "";

    missing_value[0] = '\0';
    if (c == -1 || c == '?' || c == ':')
        return c;
    if (optarg != NULL && optarg == argv[optind - 1] && optind >= 2)
        word = argv[optind - 2];
    /* A long option written in part (--recover for --recovery) is not
     * taken: the next version may add one it would then mean. */
    if (idx >= 0 && strncmp(word, "--", 2) == 0 &&
        (strlen(opts[idx].name) != strcspn(word + 2, "=") ||
         strncmp(opts[idx].name, word + 2, strlen(opts[idx].name)) != 0)) {
        optopt = 0;
        snprintf(missing_value, sizeof missing_value, "%.*s", (int)strcspn(word, "="), word);
        return '!';
    }
    /* An empty word is a value (--title '' is "the title is empty"),
     * but not for -o, the file to write (adv14 F9). */
    if (optarg != NULL && ((optarg[0] == '\0' && c == 'o') ||
                           is_option_word(optarg, shortopts, opts))) {
        if (strncmp(word, "--", 2) == 0)
            snprintf(missing_value, sizeof missing_value, "%.*s", (int)strcspn(word, "="), word);
        else
            snprintf(missing_value, sizeof missing_value, "-%c", c);
        return ':';
    }
    return c;
}

const char *cli_option_word(char **argv)
{
    return missing_value[0] != '\0' ? missing_value : argv[optind - 1];
}

int cli_bad_option(const char *cmd, int c, char **argv)
{
    const char *opt = argv[optind - 1], *eq = strchr(opt, '=');

    if (c == '!')
        return cli_usage_error(cmd, "unknown option '%s'; write options in full", missing_value);
    if (c == ':' && missing_value[0] != '\0')
        return cli_usage_error(cmd, "option '%s' needs a value", missing_value);
    if (c == ':')
        return cli_usage_error(cmd, "option '%s' needs a value", opt);
    if (optopt != 0 && strncmp(opt, "--", 2) == 0 && eq != NULL)
        return cli_usage_error(cmd, "option '%.*s' takes no value", (int)(eq - opt), opt);
    /* A short option inside a word getopt has not finished (optind still
     * points before it): name the letter, not the word before. */
    if (optopt > ' ' && optopt < 127 && strncmp(opt, "--", 2) != 0 &&
        (opt[0] != '-' || strchr(opt, optopt) == NULL))
        return cli_usage_error(cmd, "unknown option '-%c' (a word that starts with '-' "
                               "goes after --)", optopt);
    return cli_usage_error(cmd, "unknown option '%s'", opt);
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

    while ((c = cli_getopt(argc, argv, ":", opts)) != -1) {
        if (c == 'f') *set = 1;
        else if (c == 'h') { cli_print_usage(stdout, usage); return -1; }
        else return cli_bad_option(cmd, c, argv);
    }
    /* More words than it takes: most often a value with spaces given
     * without quotes (adv16 B-14: "label a b" said the label was missing). */
    if (npos > 0 && argc - optind > npos)
        return cli_usage_error(cmd, _("%s takes %d argument(s), not %d: put quotes around a "
                                      "value with spaces"), cmd, npos, argc - optind);
    if (argc - optind != npos)
        return cli_usage_error(cmd, "%s", _(hint));
    return 0;
}

int cli_subcommand(const char *cmd, const char *usage, const struct cli_sub *subs,
                   size_t nsubs, int argc, char **argv, const struct globals *g)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0) {
        cli_print_usage(argc < 2 ? stderr : stdout, usage);
        return argc < 2 ? EXIT_INPUT : EXIT_OK;
    }
    const char *names[16];

    for (size_t i = 0; i < nsubs; i++)
        if (strcmp(argv[1], subs[i].name) == 0)
            return subs[i].fn(argc - 1, argv + 1, g);
    for (size_t i = 0; i < nsubs && i < 16; i++)
        names[i] = subs[i].name;
    return cli_unknown(cmd, N_("subcommand"), argv[1], names, nsubs < 16 ? nsubs : 16);
}

int cli_confirm(const char *cmd, int yes, const char *what, const char *question)
{
    if (yes)
        return 0;
    if (!isatty(STDIN_FILENO))
        return cli_usage_error(cmd, "%s; add --yes when not at a terminal", what);   /* what: translated by the caller */
    if (!prompt_confirm(question))
        return cli_error(EXIT_INPUT, "not confirmed; nothing was changed");
    return 0;
}

void cli_today(char *out, size_t outlen)
{
    time_t t = time(NULL);
    struct tm tm;

    localtime_r(&t, &tm);
    if (strftime(out, outlen, "%Y-%m-%d", &tm) == 0 && outlen > 0)
        out[0] = '\0';
}

int cli_split_names(char ***names, size_t *n, char *to)
{
    *n = 0;
    *names = malloc((strlen(to) / 2 + 1) * sizeof **names);
    if (*names == NULL)
        return cli_error(EXIT_INPUT, "out of memory");
    for (char *name = strtok(to, ","); name != NULL; name = strtok(NULL, ","))
        (*names)[(*n)++] = name;
    return 0;
}

void cli_dictionaries_note(void)
{
    static const char *const lang[] = { "Korean", "Mongolian", "English" };
    unsigned missing = lexicon_missing();

    for (int l = 0; l < LEXICON_NLANGS; l++)
        if (missing & (1u << l))
            cli_note("warning: the %s dictionary (%s) is missing: no %s word is taken for an "
                     "ordinary word (name-shaped words are flagged for review, registered names "
                     "that are also words always replaced); install it with 'apt-get install %s'",
                     lang[l], lexicon_package((enum lexicon_lang)l), lang[l],
                     lexicon_package((enum lexicon_lang)l));
}

/* What the running command saved (cli_saved), or "". */
static char saved_note[512];

void cli_saved(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    (void)vsnprintf(saved_note, sizeof saved_note, _(fmt), ap);
    va_end(ap);
}

int cli_finish(int rc)
{
    const char *why = NULL;
    int failed = 0;

    if (fflush(stdout) != 0) {
        why = strerror(errno);
        failed = 1;
    } else {
        failed = ferror(stdout);
    }
    if (failed && rc == EXIT_OK)
        rc = cli_error(EXIT_INPUT, "cannot write to standard output%s%s%s%s%s",
                       why != NULL ? " (" : "", why != NULL ? why : "", why != NULL ? ")" : "",
                       saved_note[0] != '\0' ? _("; but ") : "", saved_note);
    /* The next command of a shell starts afresh. */
    clearerr(stdout);
    saved_note[0] = '\0';
    return rc;
}

/* Tries a person gets at a terminal; a descriptor (a script) gets one. */
#define TERMINAL_TRIES 3

int cli_tries(const struct globals *g)
{
    return g->passfd >= 0 ? 1 : TERMINAL_TRIES;
}

/* The passphrase, or with --recovery the parsed recovery key, in a new
 * secure buffer (*secret, *len bytes) that the caller frees.  1 (e
 * filled) for text that is no recovery key, which is worth asking again. */
static int unlock_secret(unsigned char **secret, size_t *len, const struct globals *g,
                         const char *dir, struct err *e)
{
    char question[4200], shown[4096];
    char *line;

    text_terminal_safe(shown, sizeof shown, dir, strlen(dir));
    snprintf(question, sizeof question, g->recovery ? _("Recovery key for %s: ") : _("Passphrase for %s: "),
             shown);
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
        return *secret == NULL ? err_set(e, EXIT_INPUT, "out of secure memory") : 1;
    }
    secmem_free(line);
    *len = RECOVERY_KEY_BYTES;
    return 0;
}

/* One try: 0 opened; 1 a wrong or mistyped secret (e filled), worth
 * asking again; -1 anything else (e filled). */
static int unlock_once(const struct globals *g, const char *dir, cli_unlock_fn fn, void *ctx,
                       struct err *e)
{
    unsigned char *secret = NULL;
    size_t len = 0;
    int rc = unlock_secret(&secret, &len, g, dir, e), quiet;

    if (rc != 0)
        return rc;
    /* Echo stays off while the try is checked (the key derivation takes
     * seconds, and the next try is often typed at once: report-adv35f T-1);
     * what was typed meanwhile is discarded.  Not around the question
     * itself: readpassphrase handles the terminal and signals there. */
    quiet = g->passfd < 0 && prompt_quiet_begin() == 0;
    rc = fn(ctx, g->recovery ? KEYSLOT_RECOVERY : KEYSLOT_PASSPHRASE, secret, len, e);
    if (quiet)
        prompt_quiet_end();
    secmem_free(secret);
    return rc == 0 ? 0 : e->code == EXIT_AUTH ? 1 : -1;
}

/* 1 while cli_open_store unlocks the store itself: a wrong passphrase
 * then names 'intake --recovery passwd' (a backup's is another matter). */
static int store_unlock;

int cli_unlock(const struct globals *g, const char *dir, cli_unlock_fn fn, void *ctx)
{
    struct err e;
    int rc = -1;

    err_clear(&e);
    for (int left = cli_tries(g); left > 0; left--) {
        rc = unlock_once(g, dir, fn, ctx, &e);
        if (rc <= 0 || left == 1)
            break;
        cli_note("%s; try again (%d %s left)",
                 e.code != EXIT_AUTH ? e.msg
                 : g->recovery ? _("the recovery key does not open this store") : _("wrong passphrase"),
                 left - 1, left - 1 == 1 ? _("try") : _("tries"));
    }
    if (rc != 0 && e.code == EXIT_AUTH && !g->recovery && store_unlock)
        return cli_error(EXIT_AUTH, "%s (a lost passphrase: 'intake --recovery passwd' sets a "
                         "new one with the recovery key)", e.msg);
    return rc == 0 ? 0 : cli_fail(&e);
}

/* The store a shell unlocked once (cli_shell_unlock); NULL outside a shell
 * and while it is locked. */
static struct store *held;

static const char *yn(int v)
{
    return v ? _("yes") : _("no");
}

long cli_notices_pending(struct store *s)
{
    struct err e;
    long n = 0;

    err_clear(&e);
    return store_notice_count(&n, s, &e) == 0 ? n : 0;
}

void cli_notices_note(struct store *s, long before)
{
    long n = cli_notices_pending(s) - before;

    char who[256];
    struct err e;

    err_clear(&e);
    /* the contacts by name (adv16b C-13) */
    if (n > 0 && store_notice_contacts(who, sizeof who, s, n, &e) == 0 && who[0] != '\0')
        cli_note("%s received these records before: %ld notice(s) to them are now due "
                 "(see 'intake exports')", who, n);
    else if (n > 0)
        cli_note("contacts received these records before: %ld notice(s) to them are now due "
                 "(see 'intake exports')", n);
}

json_t *cli_consent_json(const struct consent *c, const char *why)
{
    if (!c->recorded)
        return json_null();
    return json_pack("{s:s, s:s?, s:b, s:b, s:b, s:b, s:s?, s:s?, s:b, s:s?}",
                     "date", c->date, "method", c->method[0] ? c->method : NULL,
                     "export", c->export_ok, "quote", c->quote, "publish", c->publish,
                     "attachments", c->attachments,
                     "embargo", c->embargo[0] ? c->embargo : NULL,
                     "withdrawn", c->withdrawn[0] ? c->withdrawn : NULL,
                     "may_leave", why[0] == '\0', "blocked", why[0] ? why : NULL);
}

void cli_print_consent(const struct consent *c)
{
    char day[DAY_SHOWN_BYTES], until[DAY_SHOWN_BYTES];

    if (!c->recorded && c->imported)
        printf("%s\n", _("consent: not carried by its bundle (content format 1)"));
    else if (!c->recorded)
        printf("%s\n", _("consent: none recorded"));
    else if (c->withdrawn[0] != '\0') {
        day_shown(day, sizeof day, c->withdrawn);
        printf(_("consent: withdrawn %s\n"), day);
    } else {
        /* The embargo and the withdrawal are days, shown as the language
         * writes one; when consent was recorded is an instant, shown whole. */
        day_shown(until, sizeof until, c->embargo);
        printf(_("consent: recorded %s%s%s%s: export %s, quote %s, publish %s, attachments %s%s%s\n"),
               c->date, c->method[0] ? " (" : "", c->method, c->method[0] ? ")" : "",
               yn(c->export_ok), yn(c->quote), yn(c->publish), yn(c->attachments),
               c->embargo[0] ? _(", embargo until ") : "", until);
    }
}

struct opening {
    struct store **s;
    const char *dir;
};

static int open_with(void *ctx, uint8_t kind, const unsigned char *secret, size_t len,
                     struct err *e)
{
    struct opening *o = ctx;

    return store_open(o->s, o->dir, kind, secret, len, e);
}

int cli_open_store(struct store **s, const struct globals *g)
{
    char dir[4096];
    struct opening o = { s, dir };
    struct err e;
    int rc;

    err_clear(&e);
    if (held != NULL) {
        /* Still there and still private, as before any unlock. */
        if (store_check_dir(store_dir(held), &e) != 0)
            return cli_fail(&e);
        *s = store_share(held);
        return 0;
    }
    if (store_dir_resolve(dir, sizeof dir, g->home, &e) != 0 ||
        store_check_dir(dir, &e) != 0)
        return cli_fail(&e);
    store_unlock = 1;
    rc = cli_unlock(g, dir, open_with, &o);
    store_unlock = 0;
    if (rc == 0 && store_exports_undone(*s) > 0)
        cli_note(_("%d export(s) killed before the bundle got its name were taken back: "
                   "their records and notices count as not sent ('intake log' shows "
                   "export.undone)"), store_exports_undone(*s));
    return rc;
}

int cli_shell_unlock(const struct globals *g)
{
    struct store *s;
    int rc = held != NULL ? 0 : cli_open_store(&s, g);

    if (rc == 0 && held == NULL)
        held = s;
    return rc;
}

void cli_shell_lock(void)
{
    store_close(held);
    held = NULL;
}

const char *cli_shell_dir(void)
{
    return held != NULL ? store_dir(held) : NULL;
}

/* Edit distance (insertions, deletions, substitutions and swaps of two
 * neighbours, each 1) between a and b, stopping at 9; a and b are short
 * words (command names). */
static int distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    int d[24][24];

    if (la > 22 || lb > 22)
        return 9;
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb] < 9 ? d[la][lb] : 9;
}

const char *cli_nearest(const char *word, const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t len = strlen(word);
    int bestd = 3;

    for (size_t i = 0; i < n; i++) {
        /* A start of a name counts as a near miss ("subj"). */
        int d = strcasecmp(names[i], word) == 0 ? 0
                : len >= 3 && strncmp(names[i], word, len) == 0 ? 1 : distance(word, names[i]);
        if (d < bestd && (size_t)d < len) {
            best = names[i];
            bestd = d;
        }
    }
    return best;
}

int cli_unknown(const char *cmd, const char *what, const char *word,
                const char *const *names, size_t n)
{
    const char *near = cli_nearest(word, names, n);
    char hint[96] = "";

    if (near != NULL)
        snprintf(hint, sizeof hint, _("; did you mean '%s'?"), near);
    if (cmd == NULL)
        return cli_error(EXIT_INPUT, "no %s '%s'%s (see 'intake help')", _(what), word, hint);
    return cli_usage_error(cmd, "unknown %s '%s'%s", _(what), word, hint);
}

int cli_check_readable(const char *path, const char *what)
{
    struct err e;
    int fd;

    err_clear(&e);
    if (file_open_regular(&fd, path, 0, what, &e) != 0)
        return cli_fail(&e);
    close(fd);
    return 0;
}

const char *cli_shown(const char *s)
{
    static char buf[8][8192];
    static unsigned next;
    char *out = buf[next++ % 8];

    if (s == NULL)
        return NULL;
    text_terminal_safe(out, sizeof buf[0], s, strlen(s));
    return out;
}

/* The global options of this run (cli_use_globals), for the store folder. */
static const struct globals *run_globals;

void cli_use_globals(const struct globals *g)
{
    run_globals = g;
}

/* EXIT_INPUT if path would land in the store folder or any folder under
 * it (blobs/): it holds only the store's files, which wipe, backup and
 * restore reason about, and wipe leaves what is not its own (adv14 F12,
 * adv35f I-5).  The one check of every -o FILE and -o DIR. */
static int outside_store(const char *path)
{
    char store[4200];
    struct err e;

    err_clear(&e);
    if (run_globals == NULL ||
        store_dir_resolve(store, sizeof store, run_globals->home, &e) != 0 ||
        file_lands_in(path, store) != 1)
        return 0;
    return cli_error(EXIT_INPUT, "%s would be written into the store folder %s, which holds "
                     "only the store's files; write it elsewhere", path, store);
}

int cli_check_new_file(const char *path, int overwrite)
{
    struct err e;

    err_clear(&e);
    if (outside_store(path) != 0)
        return EXIT_INPUT;
    return file_check_new(path, overwrite, &e) == 0 ? 0 : cli_fail(&e);
}

int cli_record_id_check(const char *given)
{
    struct err e;

    err_clear(&e);
    return store_record_id_check(given, &e) == 0 ? 0 : cli_fail(&e);
}

int cli_record_id(char *id, size_t idlen, struct store *s, const char *given)
{
    struct err e;

    err_clear(&e);
    return store_record_id(id, idlen, s, given, &e) == 0 ? 0 : cli_fail(&e);
}

void cli_columns(const struct cli_column *cols, size_t n, const char *sep, int translated)
{
    for (size_t i = 0; i < n; i++) {
        const char *name = intl_maybe(cols[i].name, translated);
        fputs(i ? sep : "", stdout);
        fputs(name, stdout);
        for (size_t w = text_columns(name); w < cols[i].width; w++)
            putchar(' ');
    }
    putchar('\n');
}

void cli_header(const struct cli_column *cols, size_t n)
{
    if (isatty(STDOUT_FILENO))
        cli_columns(cols, n, "\t", 1);
}
