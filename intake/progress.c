/* Progress on a terminal (intake/progress.h). */
#include "intake/progress.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util/intl.h"
#include "util/text.h"

/* The line's text for pct percent (the frame translated: where the sign
 * goes, as the language writes it). */
static void show_line(const struct cli_progress *p, int pct)
{
    /* TRANSLATORS: a progress line on a terminal: what is being done (%1$s),
     * then the percent done (%2$3d, 0 to 100) and its sign, in the order
     * your language writes a percentage. */
    fprintf(stderr, _("intake: %1$s: %2$3d%%"), p->what, pct);
}

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
    fputc('\r', stderr);
    show_line(p, pct);
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
    {
        fputc('\r', stderr);
        show_line(p, 100);
    }
    fputc('\n', stderr);
    p->last = -1;
}
