#include "util/err.h"
#include "util/intl.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int err_set(struct err *e, int code, const char *fmt, ...)
{
    va_list ap;

    if (e == NULL)
        return -1;
    e->code = code;
    va_start(ap, fmt);
    /* A message cut short is still a message; never fail while failing.
     * The English constant is translated before it is formatted
     * (util/intl.h): the whole message is in the reader's language. */
    (void)vsnprintf(e->msg, sizeof e->msg, _(fmt), ap);
    va_end(ap);
    return -1;
}

void err_clear(struct err *e)
{
    if (e == NULL)
        return;
    e->code = EXIT_OK;
    e->msg[0] = '\0';
}
