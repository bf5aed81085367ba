/* Cyrillic languages other than Russian and Mongolian (brief s18
 * item 6, report-adv17a D-29, D-30) (normalise_int.h).
 * A word with a Cyrillic letter of neither Russian nor Mongolian
 * (Єлзийбаяр) is flagged as a disguise; but Ukrainian, Belarusian,
 * Serbian, Bulgarian, Kazakh, Kyrgyz, Tajik, Uzbek and Buryat are written
 * with such letters in every other word (їхали, ўвечары, љубав, қалаға).
 * A text with RARE_TEXT such words or more is written in one of those
 * languages, and its words are not flagged for their letters (a Latin
 * word written in Cyrillic look-alikes, Воӏԁ, still is). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/normalise_int.h"

#define RARE_TEXT 3


int norm_rare_note(struct rare_words *rw, size_t index)
{
    if (rw->n == rw->cap) {
        size_t nc = rw->cap ? 2 * rw->cap : 16, *g = realloc(rw->at, nc * sizeof *g);
        if (g == NULL)
            return -1;
        rw->at = g, rw->cap = nc;
    }
    rw->at[rw->n++] = index;
    return 0;
}

/* Drops the noted words from the mixed list when they are RARE_TEXT or
 * more; frees rw. */
void norm_rare_drop(struct rare_words *rw, uint32_t *mixed, size_t *nmixed)
{
    size_t i, j, k = 0, n = 0;

    if (rw->n >= RARE_TEXT) {
        for (i = 0; i < *nmixed; i++) {
            if (k < rw->n && rw->at[k] == i) {
                k++;
                continue;
            }
            for (j = 0; j < 2; j++)
                mixed[2 * n + j] = mixed[2 * i + j];
            n++;
        }
        *nmixed = n;
    }
    free(rw->at);
    memset(rw, 0, sizeof *rw);
}

