/* Progress on a terminal (intake/progress.h). */
#include "intake/progress.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util/text.h"

/* Called from the ticker's thread while the main thread waits in the
 * work: nothing else prints meanwhile. */
static void show(void *ctx, uint64_t done, uint64_t total)
{
    struct cli_progress *p = ctx;
    int pct;

    if (total < PROGRESS_MIN_BYTES)
        return;
    pct = (int)(done * 100 / total);
    if (pct >= 100)
        pct = 99;   /* 100% only once the work is known to be done */
    if (pct == p->last)
        return;
    p->last = pct;
    fprintf(stderr, "\rintake: %s: %3d%%", p->what, pct);
    fflush(stderr);
}

void cli_progress_begin(struct cli_progress *p, struct progress *to, const char *what)
{
    text_terminal_safe(p->what, sizeof p->what, what, strlen(what));
    p->last = -1;
    to->fn = isatty(STDERR_FILENO) ? show : NULL;
    to->ctx = p;
}

void cli_progress_end(struct cli_progress *p, int ok)
{
    if (p->last < 0)
        return;
    if (ok)
        fprintf(stderr, "\rintake: %s: 100%%", p->what);
    fputc('\n', stderr);
    p->last = -1;
}
