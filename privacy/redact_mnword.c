/* A Mongolian name's stem that is a word's stem (brief s18 names18 item
 * 4, report-adv17a D-36): "Батын Гэрэл" has the stem гэрл (Гэрлийн,
 * Гэрлээ), and гэрлээ is also "your light", гэрлийн "of the light".  The
 * stem alone is no word, so the dictionary, asked of it, said "a name"
 * and the word's forms were replaced silently.  Here the stem is asked
 * with the commonest endings the stem takes (from mn_endings,
 * variants_mn.c: genitive, reflexive, accusative, dative, ablative).
 * Called by redact_hits.c; calls util/lexicon only. */
#include "privacy/redact.h"

#include <string.h>

#include <sodium.h>

#include "privacy/redact_int.h"
#include "util/lexicon.h"

int redact_mn_stem_word(const char *stem, size_t len)
{
    static const char *const endings[] = {
        "ийн", "ын", "ээ", "аа", "оо", "өө", "ийг", "ыг", "д", "ээс", "аас",
    };
    char w[128];
    size_t i, el;
    int known = 0;

    for (i = 0; i < sizeof endings / sizeof endings[0] && !known; i++) {
        el = strlen(endings[i]);
        if (len + el > sizeof w)
            break;
        memcpy(w, stem, len);
        memcpy(w + len, endings[i], el);
        known = lexicon_word(LEXICON_MN, w, len + el) == 1;
    }
    sodium_memzero(w, sizeof w);
    return known;
}
