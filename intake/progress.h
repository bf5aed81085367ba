/* Progress of long work on standard error, on a terminal only: the one
 * place that shows what util/progress.h reports from below.  Work on at
 * least PROGRESS_MIN_BYTES shows a line that counts up, "intake: WHAT:
 * 42%", rewritten in place; smaller work, and any standard error that is
 * no terminal (a file, a pipe, a script), show nothing. */
#ifndef INTAKE_CLI_PROGRESS_H
#define INTAKE_CLI_PROGRESS_H

#include <stdint.h>

#include "util/progress.h"

#define PROGRESS_MIN_BYTES (1u << 20)

struct cli_progress {
    char what[96];       /* "attaching memo.ogg" */
    int last;            /* the last percentage shown, -1 before any */
};

/* Starts showing the progress of what (copied); fills *to with the
 * reporter to hand down (to->fn NULL when standard error is no terminal). */
void cli_progress_begin(struct cli_progress *p, struct progress *to, const char *what);

/* Ends the line once the work is over: "100%" when it succeeded (ok 1)
 * and a line was shown; a line cut short ends where it was.  Call it
 * before any other message. */
void cli_progress_end(struct cli_progress *p, int ok);

#endif
