/* The words that join the parts of one number said in pieces (brief s26
 * num26, report-adv25b C-6, C-14): "8 912 а также 345 67 89", "010 9876
 * 그리고 5432", "012 kemudian 3456789".  A table per language, WRITTEN BY
 * HAND (a native reviewer is wanted for each): the everyday words for
 * "and also", "and then", "then", "next", as speakers dictate a number
 * in two breaths.  Russian and Ukrainian from the conjunctions and
 * adverbs of sequence (а также, и ещё, потом, затем; а також, і ще,
 * потім), Mongolian (бас, дараа нь), Korean (그리고, 다음, 그다음, 또는
 * is "or": left out), Malay (dan, kemudian, lalu, serta), English (and
 * also, and then, then, also, plus, followed by).  The words of up to
 * four letters between groups are read by the split readers already
 * (detect_split.c, redact_idparts.c); these are the longer ones and the
 * phrases.  Offsets are bytes of the norm view (lower case). */
#include <string.h>

#include "privacy/detect_int.h"

static const char *const joiners[] = {
    /* Russian */
    "а также", "и также", "также", "а ещё", "а еще", "и ещё", "и еще", "а потом", "и потом",
    "потом", "затем", "а затем", "и затем", "дальше",
    /* Ukrainian */
    "а також", "і також", "також", "а ще", "і ще", "а потім", "і потім", "потім", "далі",
    /* Mongolian */
    "дараа нь", "бас", "тэгээд",
    /* Korean */
    "그리고", "그다음", "다음은", "다음", "그리고 나서",
    /* Malay */
    "kemudian", "lalu", "serta", "dan juga", "dan",
    /* English */
    "and also", "and then", "followed by", "then", "also", "plus",
};

size_t det_joiner_at(const char *s, size_t len, size_t at)
{
    size_t k, l, best = 0;

    if (at >= len || det_letter_before(s, at))
        return at;
    for (k = 0; k < sizeof joiners / sizeof joiners[0]; k++) {
        l = strlen(joiners[k]);
        if (l > best && det_starts(s, len, at, joiners[k]) && !det_letter_at(s, len, at + l))
            best = l;
    }
    return at + best;
}
