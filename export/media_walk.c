/* The helpers every container walker shares (export/media_int.h). */
#include "export/media_int.h"

#include <stdio.h>
#include <string.h>

#include "export/media.h"

void media_keep(struct media_job *j, size_t off, size_t n)
{
    if (j->out != NULL && j->w != off)
        memmove(j->out + j->w, j->p + off, n);
    j->w += n;
}

void media_put(struct media_job *j, const unsigned char *b, size_t n)
{
    if (j->out != NULL)
        memmove(j->out + j->w, b, n);
    j->w += n;
}

/* Appends item to rep->what unless it is there already. */
static void add_what(struct media_report *r, const char *item)
{
    size_t have = strlen(r->what), n = strlen(item);
    const char *at = r->what;

    while ((at = strstr(at, item)) != NULL) {
        if ((at == r->what || at[-1] == ' ') && (at[n] == ',' || at[n] == '\0'))
            return;
        at++;
    }
    if (have > 0 && have >= sizeof r->what - 5)
        return;                                  /* "..." is there */
    if (have + (have ? 2 : 0) + n + 5 > sizeof r->what) {
        snprintf(r->what + have, sizeof r->what - have, "%s...", have ? ", " : "");
        return;
    }
    snprintf(r->what + have, sizeof r->what - have, "%s%s", have ? ", " : "", item);
}

void media_found(struct media_job *j, int kind, const char *prefix, const char *name)
{
    char item[80];
    size_t n;

    if (j->rep == NULL)
        return;
    j->rep->kinds |= 1u << kind;
    n = (size_t)snprintf(item, sizeof item, "%s%s%s", prefix, name ? " " : "", name ? name : "");
    if (n >= sizeof item)
        n = sizeof item - 1;
    for (size_t i = 0; i < n; i++)           /* names come from the file */
        if ((unsigned char)item[i] < 0x20 || (unsigned char)item[i] > 0x7e || item[i] == ',')
            item[i] = '?';
    add_what(j->rep, item);
}

int media_bad(struct media_job *j, const char *why)
{
    return err_set(j->e, EXIT_INPUT, "%s: %s", j->format, why);
}

void media_scan(struct media_job *j, const char *prefix, const struct media_marker *m,
                const unsigned char *d, size_t n)
{
    int any = 0;

    for (; m->needle != NULL; m++)
        if (memmem(d, n, m->needle, strlen(m->needle)) != NULL) {
            media_found(j, m->kind, prefix, m->name);
            any = 1;
        }
    if (!any)
        media_found(j, MEDIA_OTHER, prefix, NULL);
}
