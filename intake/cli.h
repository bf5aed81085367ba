/* What every command shares: the global options, the command table's
 * function type, and the only places that print errors. */
#ifndef INTAKE_CLI_H
#define INTAKE_CLI_H

#include <stdio.h>

#include "util/err.h"

struct globals {
    const char *home;    /* --home DIR, or NULL for the default */
    int passfd;          /* --passphrase-fd N, or -1 for /dev/tty */
    int recovery;        /* --recovery: unlock with the recovery key */
};

typedef int (*cmd_fn)(int argc, char **argv, const struct globals *g);

/* Prints "intake: MSG" on stderr and returns the error's exit status. */
int cli_fail(const struct err *e);

/* Prints "intake: MSG" (formatted) on stderr and returns status. */
int cli_error(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints "usage: " and usage, a command's usage lines (the man page's
 * SYNOPSIS lines, '\n' between them), on f. */
void cli_print_usage(FILE *f, const char *usage);

/* A usage error for command name: the reason, then how to get help; 2. */
int cli_usage_error(const char *name, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Reads a numeric date YYYY-MM-DD, checking that the day exists. */
int cli_valid_date(const char *s);

#endif

struct store;

/* Finds the store, checks it, asks for the passphrase (or, with
 * --recovery, the recovery key) and opens it. */
int cli_open_store(struct store **s, const struct globals *g);

/* Overwrites argv's option values in place so identities given on the
 * command line do not linger in /proc/PID/cmdline; call after copying. */
void cli_wipe_args(int argc, char **argv);

/* Common option parsing: records that option name was given; a second
 * time is a usage error. */
int cli_once(const char *cmd, const char *opt, int *seen);
