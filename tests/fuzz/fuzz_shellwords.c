/* libFuzzer: any bytes given to shellwords_split() as a line typed into
 * intake shell.  Checks that every word lies in the block, that the words
 * hold no more bytes than the line, and that the words quoted again with
 * '...' split back into the same words. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "util/shellwords.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The words quoted for a shell: each in '...', a ' inside as '\''. */
static char *requote(char **argv, int argc, size_t *len)
{
    size_t cap = 1, o = 0;
    char *out;

    for (int i = 0; i < argc; i++)
        cap += 4 * strlen(argv[i]) + 3;
    out = malloc(cap);
    if (out == NULL)
        abort();
    for (int i = 0; i < argc; i++) {
        out[o++] = '\'';
        for (const char *p = argv[i]; *p != '\0'; p++) {
            if (*p == '\'') {
                memcpy(out + o, "'\\''", 4);
                o += 4;
            } else {
                out[o++] = *p;
            }
        }
        out[o++] = '\'';
        out[o++] = ' ';
    }
    *len = o;
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char **argv, *block, **again, *block2, *line;
    int argc, argc2;
    size_t total = 0, len;
    struct err e;

    if (sodium_init() < 0)
        abort();
    if (shellwords_split(&argv, &argc, &block, (const char *)data, size, &e) != 0) {
        if (argv != NULL || block != NULL || e.code == 0)
            abort();
        return 0;
    }
    if (argc < 0 || argc > SHELLWORDS_MAX || argv[argc] != NULL)
        abort();
    for (int i = 0; i < argc; i++) {
        if (argv[i] < block || argv[i] > block + size)
            abort();
        total += strlen(argv[i]);
    }
    if (total > size)
        abort();
    line = requote(argv, argc, &len);
    if (shellwords_split(&again, &argc2, &block2, line, len, &e) != 0 || argc2 != argc)
        abort();
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], again[i]) != 0)
            abort();
    free(line);
    free(again);
    sodium_free(block2);
    free(argv);
    sodium_free(block);
    return 0;
}
