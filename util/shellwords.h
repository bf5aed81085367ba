/* Words of a typed command line (intake shell), split the way a POSIX
 * shell quotes them, and nothing more: no variables, no globbing, no ~,
 * no redirection, no ; or |. */
#ifndef INTAKE_SHELLWORDS_H
#define INTAKE_SHELLWORDS_H

#include <stddef.h>

#include "util/err.h"

#define SHELLWORDS_MAX 4096

/* Splits line[0..len) into words: blanks (space, tab) separate them;
 * '...' keeps everything inside; "..." keeps everything but a backslash
 * before " \ $ or ` (which keeps that character); outside quotes a
 * backslash keeps the next character; a word that starts with # begins a
 * comment to the end of the line; '' and "" are empty words.  The words go
 * into one new block *block of locked memory (sodium_malloc: free it with
 * sodium_free, which wipes it) and a new vector *argv (free with free) of
 * *argc pointers into it, NULL-ended.  0, or -1 with e filled
 * (EXIT_INPUT: a quote left open, a backslash at the end of the line, a
 * NUL byte, more than SHELLWORDS_MAX words), nothing left allocated. */
int shellwords_split(char ***argv, int *argc, char **block, const char *line, size_t len,
                struct err *e);

#endif
