/* intake shell: one unlock, then commands typed at a prompt (or read from
 * a pipe), each run through the same command table, parser and messages
 * as on the command line. */
#ifndef INTAKE_SHELL_H
#define INTAKE_SHELL_H

#include "intake/cli.h"

/* Runs one command line already split into words: argv[0] names the
 * command.  Returns its exit status. */
typedef int (*shell_run_fn)(int argc, char **argv, const struct globals *g);

/* 1 if name is a command of the table, else 0 (nothing printed). */
typedef int (*shell_known_fn)(const char *name);

/* The shell command itself (argv[0] "shell"): parses --lock-after, unlocks
 * the store, then reads lines from standard input and runs each through
 * run until Ctrl-D, end of input or "exit".  Reading a pipe (a script), a
 * line that names no command (known says which do) ends the shell with
 * EXIT_INPUT after its message: the lines after it may be a testimony
 * meant for a mistyped record, never to be run as commands or echoed.
 * Returns the exit status of the last command run (0 if none), or the
 * failed unlock's status. */
int shell_main(int argc, char **argv, const struct globals *g, shell_run_fn run,
               shell_known_fn known);

#endif
