/* What every command shares: the global options, the command function
 * type, the only places that print errors, and unlocking the store.
 * main.c and the cmd_*.c files call these; cli.c calls only the layers
 * below intake/. */
#ifndef INTAKE_CLI_H
#define INTAKE_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util/err.h"

struct store;

struct globals {
    const char *home;    /* --home DIR, or NULL for the default */
    int passfd;          /* --passphrase-fd N, or -1 for /dev/tty */
    int recovery;        /* --recovery: unlock with the recovery key */
};

/* A command: argv[0] is its name; returns the exit status. */
typedef int (*cmd_fn)(int argc, char **argv, const struct globals *g);

/* Prints "intake: " and e's message on stderr; returns e's exit status
 * (EXIT_INPUT if e has none).  Every message printed by the functions
 * below goes through text_terminal_safe (util/text.h): what came from
 * outside is shown escaped, never obeyed by the terminal. */
int cli_fail(const struct err *e);

/* Prints "intake: " and the formatted message on stderr; returns status. */
int cli_error(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints "intake: " and the formatted notice on stderr. */
void cli_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* getopt_long for a command's options (shortopts starting with ':'), and
 * stricter: a value left out is ':' ("--", a word that is itself one of
 * the options: `-o --`, `-o -o`, or an empty word after -o), and a long option written
 * in part (--recover for --recovery) is '!'; cli_bad_option words both. */
struct option;
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *opts);

/* The option word cli_getopt's last ':' or '!' was about. */
const char *cli_option_word(char **argv);

/* The usage error for what getopt_long returned as c (':' or '?', the
 * option string starting with ':') at argv[optind - 1]: a value missing, a
 * value given to an option that takes none, or an unknown option.  Returns
 * EXIT_INPUT. */
int cli_bad_option(const char *cmd, int c, char **argv);

/* Prints "usage: " and usage, a command's usage lines (the man page's
 * SYNOPSIS lines, '\n' between them), on f. */
void cli_print_usage(FILE *f, const char *usage);

/* A usage error of command cmd: "intake: " and the formatted reason, then
 * how to get help, on stderr; returns EXIT_INPUT. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* 1 if s is a numeric date YYYY-MM-DD whose day exists, else 0. */
int cli_valid_date(const char *s);

/* Records in *seen that option --opt of command cmd was given: 0 the first
 * time, a usage error (EXIT_INPUT, printed) the second. */
int cli_once(const char *cmd, const char *opt, int *seen);

/* Parses the options of a command that takes only --help and, if flag is
 * not NULL, --FLAG (which sets *set to 1), followed by exactly npos words:
 * 0 with optind at the first word; -1 after printing usage on stdout for
 * --help; otherwise a usage error (EXIT_INPUT, printed; hint says what is
 * missing when the count of words is wrong: an English constant marked
 * N_(), translated here). */
int cli_plain_args(const char *cmd, const char *usage, int argc, char **argv, int npos,
                   const char *hint, const char *flag, int *set);

/* A subcommand: its name and the function run with argv[0] its name. */
struct cli_sub {
    const char *name;
    cmd_fn fn;
};

/* Runs the subcommand of cmd named by argv[1], one of the nsubs in subs.
 * Without one, prints usage on stderr and returns EXIT_INPUT; for --help,
 * on stdout and returns EXIT_OK; an unknown name is a usage error.
 * Otherwise returns the subcommand's exit status. */
int cli_subcommand(const char *cmd, const char *usage, const struct cli_sub *subs,
                   size_t nsubs, int argc, char **argv, const struct globals *g);

struct consent;

/* A subject's consent as JSON for --json output: null if none is
 * recorded, else its scope, "withdrawn", and "may_leave"/"blocked" from
 * why (consent_blocks's reason, "" if it may leave). New reference. */
/* The number of notices not yet sent (store_notice_count), 0 if it cannot
 * be read. */
long cli_notices_pending(struct store *s);

/* After a change: says on stderr how many notices it made owed (the
 * pending count now minus before), if any, and where to see them. */
void cli_notices_note(struct store *s, long before);

struct json_t *cli_consent_json(const struct consent *c, const char *why);

/* Prints the line "consent: ..." for c: its scope, "withdrawn DATE",
 * "none recorded", or for an imported subject whose bundles did not
 * carry it, "not carried by its bundle". */
void cli_print_consent(const struct consent *c);

/* Before a change that cannot be undone: 0 to go on when yes (--yes was
 * given), or when the person answers y to question at a terminal.
 * Otherwise prints why not and returns EXIT_INPUT: without a terminal,
 * "WHAT; add --yes when not at a terminal" as a usage error of cmd (what:
 * "record delete deletes record X for good"); at one, "not confirmed;
 * nothing was changed". */
int cli_confirm(const char *cmd, int yes, const char *what, const char *question);

/* Today's local date as YYYY-MM-DD in out (outlen >= 11 bytes), or "" if
 * it does not fit. */
void cli_today(char *out, size_t outlen);

/* After a command that ran the redactor (redact, export, audit): for each
 * hunspell dictionary the review flags asked for and did not find
 * (util/lexicon.h), one warning line on stderr saying what that means
 * (no word of the language is taken for an ordinary word: name-shaped
 * words are flagged, registered names that are also words replaced) and
 * which Debian package to install. */
void cli_dictionaries_note(void);

/* Splits --to's NAME[,NAME...] in place into *names (malloc'd, the
 * caller frees; the names point into to); empty names are skipped.
 * 0, or EXIT_INPUT said (out of memory). */
int cli_split_names(char ***names, size_t *n, char *to);

/* Notes, after a change was saved, what was saved and how to find it
 * ("record ID was saved: see 'intake list'"), for cli_finish's message if
 * standard output then fails: the change is never reported as lost. */
void cli_saved(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Flushes standard output at the end of a command that returned rc: rc
 * if it worked; else prints why, and what cli_saved noted, and returns
 * EXIT_INPUT (or rc when the command had failed already). */
int cli_finish(int rc);
/* How many times a secret is asked for: 3 at a terminal, 1 from
 * --passphrase-fd (a script does not retype). */
int cli_tries(const struct globals *g);

/* Tries one secret on what is being unlocked: 0 when it opens, else -1
 * with e (EXIT_AUTH: the secret is wrong, worth asking again). */
typedef int (*cli_unlock_fn)(void *ctx, uint8_t kind, const unsigned char *secret,
                             size_t len, struct err *e);

/* Asks for the passphrase of what is in dir (with --recovery, the
 * recovery key, parsed) and passes it to fn, kind KEYSLOT_PASSPHRASE or
 * KEYSLOT_RECOVERY, cli_tries times in all while it is wrong. Each secret
 * is wiped before it returns. 0, or the printed failure's exit status
 * (EXIT_AUTH for a wrong secret). */
int cli_unlock(const struct globals *g, const char *dir, cli_unlock_fn fn, void *ctx);

/* Finds the store (--home, $INTAKE_HOME or the default), checks it, asks
 * for the passphrase (with --recovery, the recovery key) and opens it into
 * *s, which the caller closes with store_close.  A wrong or mistyped
 * secret is asked for again, cli_tries times in all.  Each secret is
 * wiped before it returns.  0, or the printed failure's exit status
 * (EXIT_AUTH for a wrong secret, EXIT_INPUT otherwise). */
int cli_open_store(struct store **s, const struct globals *g);

/* For `intake shell`: opens the store as cli_open_store does and keeps
 * it, so that each later cli_open_store shares it (store_share) without
 * asking again, after checking the folder is still there and private.
 * 0, or the printed failure's exit status. */
int cli_shell_unlock(const struct globals *g);

/* Closes the store cli_shell_unlock kept, wiping its key; the next
 * cli_open_store asks again.  Nothing when none is kept. */
void cli_shell_lock(void);

/* The folder of the store cli_shell_unlock kept, or NULL. */
const char *cli_shell_dir(void);

/* The one of names[0..n) nearest to word, a mistyped name (at most two
 * edits away, or word is a start of it of at least three letters), or
 * NULL if none is near. */
const char *cli_nearest(const char *word, const char *const *names, size_t n);

/* The usage error for a word that names no command (cmd NULL: "no what
 * 'word' (see 'intake help')") or no subcommand of cmd ("unknown what
 * 'word'"), with "; did you mean 'NAME'?" for the nearest of
 * names[0..n).  Returns EXIT_INPUT. */
int cli_unknown(const char *cmd, const char *what, const char *word,
                const char *const *names, size_t n);

/* A column of a listing: its name in English capitals (marked N_(),
 * translated where it is shown) and the terminal columns its values take,
 * the name padded with spaces to that width (0: no padding). */
struct cli_column {
    const char *name;
    size_t width;
};

/* Prints the names of cols[0..n), separated by sep, and a newline on
 * standard output: translated (util/intl.h) when translated is non-zero,
 * else in English as written.  Padding counts terminal columns
 * (text_columns), so a Korean name two columns a character still lines up;
 * a name wider than its width is not cut. */
void cli_columns(const struct cli_column *cols, size_t n, const char *sep, int translated);

/* The header line of a tab-separated listing: cli_columns(cols, n, "\t",
 * 1) when standard output is a terminal, nothing otherwise.  A person
 * reads the names of the columns in their language; a script reading a
 * pipe gets the data only, the same bytes in every language. */
void cli_header(const struct cli_column *cols, size_t n);

/* Checks made before the passphrase is asked, so that a mistake costs
 * nothing typed; each returns 0, or prints why not and returns
 * EXIT_INPUT.  cli_check_readable: path opens as a regular file (what
 * names it: "the bundle", or NULL).  cli_check_new_file: a new file can be
 * made at path (none there unless overwrite, its folder there, and not
 * the store folder: cli_use_globals).
 * cli_record_id_check: given can be a record id or a start of one
 * (store_record_id_check). */
int cli_check_readable(const char *path, const char *what);
int cli_check_new_file(const char *path, int overwrite);

/* A field of a listing (list, show, subject list, term list, contacts,
 * exports) as it is printed: control characters, invisible and
 * direction-changing marks and invalid UTF-8 escaped as in messages
 * (text_terminal_safe), so a name an older store took before they were
 * refused (adv14 F14) cannot turn a line around or hide a column.  s NULL
 * gives NULL.  The result is one of 8 buffers used in turn (at most 8191
 * bytes, cut with "..."): print it before the ninth call. */
const char *cli_shown(const char *s);

/* The global options of this run: cli_check_new_file refuses a file in
 * the store folder they name. */
void cli_use_globals(const struct globals *g);
int cli_record_id_check(const char *given);

/* The whole id of the record given names (a whole id or a unique start
 * of one, store_record_id) into id (idlen at least RECORD_ID_CHARS + 1):
 * 0, or the printed failure's status (EXIT_INPUT). */
int cli_record_id(char *id, size_t idlen, struct store *s, const char *given);

#endif
