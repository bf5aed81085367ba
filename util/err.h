/* How library code reports a failure to the command line.
 *
 * Library functions return 0 on success and -1 on failure, after filling a
 * struct err with the exit status the failure deserves and one line that
 * says what went wrong and what to do.  Only the CLI prints and exits. */
#ifndef INTAKE_ERR_H
#define INTAKE_ERR_H

#include <stddef.h>

enum exit_status {
    EXIT_OK = 0,
    EXIT_AUTH = 1,   /* an authentication or verification failed */
    EXIT_INPUT = 2   /* usage, bad input, missing or corrupt data, I/O */
};

struct err {
    int code;        /* one of enum exit_status */
    char msg[512];
};

/* Fills e (if not NULL) with code and a one-line message: fmt, an English
 * constant, translated (util/intl.h) then formatted; returns -1. */
int err_set(struct err *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Clears e to "no error". */
void err_clear(struct err *e);

#endif
