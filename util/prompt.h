/* Reading secrets: from /dev/tty with echo off, or one line from a
 * descriptor (--passphrase-fd). Never from argv or the environment. */
#ifndef INTAKE_PROMPT_H
#define INTAKE_PROMPT_H

#include <stddef.h>

#include "util/err.h"

#define PASSPHRASE_MAX 1024

/* Reads one secret line into a new sodium_malloc buffer (*out, NUL-ended,
 * *outlen bytes, at most PASSPHRASE_MAX). fd >= 0 reads a line from fd
 * without echo handling or confirmation; fd < 0 asks question on /dev/tty
 * with echo off (libbsd's readpassphrase: the terminal is restored on
 * every signal, and after Ctrl-Z and fg echo goes off again and the
 * question is asked again), and with confirm asks twice.  Free with
 * sodium_free (or secmem_free, which is the same).  Returns 0; 1 (e
 * filled, *out NULL) when the two answers differ; -1 with e filled
 * (EXIT_INPUT) when there is no terminal, nothing to read, or the line is
 * too long. */
int prompt_secret(char **out, size_t *outlen, int fd, const char *question,
                  int confirm, struct err *e);

/* Asks on /dev/tty, with echo off, for the secret first[0..firstlen)
 * again ("Repeat it: "): 0 when the same was typed, 1 (e filled) when it
 * differs, -1 (e filled) when there is no terminal.  A new passphrase is
 * asked for once, checked for strength, and only then repeated. */
int prompt_repeat(const char *first, size_t firstlen, struct err *e);

/* Reads one line (the newline removed) from fd into a sodium_malloc
 * buffer (free with sodium_free). EXIT_INPUT at end of input with nothing read, or too long. */
int read_secret_line(char **out, size_t *outlen, int fd, struct err *e);

/* Keeps /dev/tty's echo off from here to prompt_quiet_end, so that what a
 * person types while a passphrase is being checked (the key derivation
 * takes seconds; the next try is often typed at once) never shows
 * (report-adv35f T-1).  Until then a signal that ends the process (Ctrl-C,
 * Ctrl-\, hang-up, TERM) restores the terminal first; Ctrl-Z restores it
 * and turns echo off again after fg.  Returns 0, or -1 when there is no
 * terminal (then prompt_quiet_end does nothing).  One at a time. */
int prompt_quiet_begin(void);

/* Restores the terminal as prompt_quiet_begin found it, discarding what
 * was typed meanwhile (it was never shown: it must not become the next
 * answer or a testimony's first line), and the signal actions. */
void prompt_quiet_end(void);

/* Asks a yes/no question on /dev/tty; 1 for yes, 0 for anything else or
 * when there is no terminal. */
int prompt_confirm(const char *question);

#endif
