/* What a person types on intake's standard input, read in one place: a
 * testimony's body, an answer to a question, and inside `intake shell`
 * the command lines themselves.  Outside a shell, a body is standard
 * input to its end; inside, the same stream carries the commands, so a
 * body is its lines up to one holding only ".".  Everything read lives in
 * locked memory (crypto/secmem.h) and is wiped when freed; bytes read
 * ahead from a pipe wait there too. */
#ifndef INTAKE_INPUT_H
#define INTAKE_INPUT_H

#include <stddef.h>

#include "util/err.h"

/* The longest line read, in bytes (a command line, a line of testimony). */
#define INPUT_LINE_MAX (256u << 10)

enum input_status {
    INPUT_LINE,        /* a line was read */
    INPUT_END,         /* end of input (Ctrl-D at a terminal) */
    INPUT_IDLE,        /* nothing came for the shell's idle time */
    INPUT_CANCELLED    /* Ctrl-C (SIGINT) while waiting, in a shell */
};

/* Turns shell mode on with the idle time idle_ms (milliseconds; 0 for
 * none), or off with on 0.  In shell mode a wait for input ends after
 * idle_ms with INPUT_IDLE, and Ctrl-C while waiting cancels the line or
 * the body being typed (the signal does not stop intake then). */
void input_shell(int on, int idle_ms);

/* 1 in shell mode, else 0. */
int input_in_shell(void);

/* Reads one line (without its newline or a CR before it) into a new
 * locked buffer *line of *len bytes, NUL-ended, freed with secmem_free.
 * Returns an enum input_status (*line set only for INPUT_LINE), or -1
 * with e filled (EXIT_INPUT: a read error, a NUL byte, a line longer than
 * INPUT_LINE_MAX, whose rest is skipped). */
int input_line(char **line, size_t *len, struct err *e);

/* Reads a body typed on standard input into a new locked buffer *body
 * (NUL-ended, at most BODY_MAX bytes; free with secmem_free): outside a
 * shell, standard input to its end; in a shell, the lines up to one that
 * holds only "." (a line of only ".." stands for a line of "."), each
 * with its newline.  what names it in messages ("the testimony").  0, or
 * -1 with e filled (EXIT_INPUT) and nothing kept: in a shell also when
 * input ends before the "." line (from a pipe; at a terminal, Ctrl-D is
 * answered with a reminder), on Ctrl-C, and after the idle time (then
 * input_went_idle says so). */
int input_body(char **body, const char *what, struct err *e);

/* Reads everything from fd into a new locked buffer *out (NUL-ended, at
 * most BODY_MAX bytes; free with secmem_free); what names it in messages.
 * 0, or -1 with e filled (EXIT_INPUT: a read error, too large, a NUL
 * byte). */
int input_read_all(char **out, int fd, const char *what, struct err *e);

/* 1 if a body waits on standard input by itself (a pipe, a FIFO, a
 * socket, a regular file) and no shell reads it as commands; else 0. */
int input_body_waiting(void);

/* 1 once, after a read in shell mode gave up at the idle time inside a
 * command (a body): the shell locks then.  Reading it clears it. */
int input_went_idle(void);

/* 1 if, in a shell whose standard input is not a terminal (a script), a
 * body was given up part-way at the idle time or on Ctrl-C (SIGINT): the
 * lines after it may be the rest of that testimony, so the shell must
 * stop rather than read them as commands (adv35f, the shell's Ctrl-C and
 * idle lock).  It stays set until input_shell() is called again. */
int input_stopped(void);

/* In a shell reading a pipe (a script), the lines of a body that a
 * command refused before reading it, up to the one holding only "." (or
 * the end), are read and wiped, so that no line of testimony is taken
 * for a command.  Nothing at a terminal (the person sees the refusal
 * before typing the body) or outside a shell.  Returns the lines skipped. */
size_t input_body_skip(void);

/* Wipes what was read ahead (at the end of a shell). */
void input_forget(void);

#endif
