#include "util/shellwords.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

/* Copies the words into out (each NUL-ended) and counts them in *n;
 * starts[] receives each word's offset when not NULL.  0, or -1 with e. */
static int scan(char *out, size_t *starts, size_t *n, const char *line, size_t len,
                struct err *e)
{
    size_t o = 0, i = 0;
    int inword = 0;
    char quote = 0;

    *n = 0;
    for (; i < len; i++) {
        char c = line[i];

        if (c == '\0')
            return err_set(e, EXIT_INPUT, "the line holds a NUL byte");
        if (quote == '\'') {
            if (c == '\'')
                quote = 0;
            else
                out[o++] = c;
            continue;
        }
        if (quote == '"') {
            if (c == '"')
                quote = 0;
            else if (c == '\\' && i + 1 < len && strchr("\"\\$`", line[i + 1]) != NULL)
                out[o++] = line[++i];
            else
                out[o++] = c;
            continue;
        }
        if (c == ' ' || c == '\t') {
            if (inword)
                out[o++] = '\0';
            inword = 0;
            continue;
        }
        if (!inword) {
            if (c == '#')
                break;
            if (*n >= SHELLWORDS_MAX)
                return err_set(e, EXIT_INPUT, "more than %d words on one line", SHELLWORDS_MAX);
            if (starts != NULL)
                starts[*n] = o;
            ++*n;
            inword = 1;
        }
        if (c == '\'' || c == '"')
            quote = c;
        else if (c == '\\' && i + 1 == len)
            return err_set(e, EXIT_INPUT, "the line ends with a backslash; a command is one line");
        else
            out[o++] = c == '\\' ? line[++i] : c;
    }
    if (quote != 0)
        return err_set(e, EXIT_INPUT, "the line ends inside a quote (%c): close it on the same line",
                       quote);
    if (inword)
        out[o++] = '\0';
    return 0;
}

int shellwords_split(char ***argv, int *argc, char **block, const char *line, size_t len,
                struct err *e)
{
    size_t n, *starts = NULL;

    *argv = NULL;
    *argc = 0;
    /* No word grows: each character is kept or dropped, a blank or the
     * end becomes the word's NUL. */
    *block = sodium_malloc(len + 1);
    if (*block == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    if (scan(*block, NULL, &n, line, len, e) != 0)
        goto fail;
    starts = malloc((n + 1) * sizeof *starts);
    *argv = calloc(n + 1, sizeof **argv);
    if (starts == NULL || *argv == NULL) {
        err_set(e, EXIT_INPUT, "out of memory");
        goto fail;
    }
    (void)scan(*block, starts, &n, line, len, NULL);
    for (size_t i = 0; i < n; i++)
        (*argv)[i] = *block + starts[i];
    *argc = (int)n;
    free(starts);
    return 0;
fail:
    free(starts);
    free(*argv);
    *argv = NULL;
    sodium_free(*block);
    *block = NULL;
    return -1;
}
