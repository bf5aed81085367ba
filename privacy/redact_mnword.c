/* A Mongolian name's stem that is a word's stem (brief s18 names18 item
 * 4, report-adv17a D-36): "Батын Гэрэл" has the stem гэрл (Гэрлийн,
 * Гэрлээ), and гэрлээ is also "your light", гэрлийн "of the light".  The
 * stem alone is no word, so the dictionary, asked of it, said "a name"
 * and the word's forms were replaced silently.  Here the stem is asked
 * with the commonest endings the stem takes (from mn_endings,
 * variants_mn.c: genitive, reflexive, accusative, dative, ablative).
 * Called by redact_hits.c; calls util/lexicon and redact_context.c
 * (sentence starts, capitals) only. */
#include "privacy/redact.h"

#include <string.h>

#include <sodium.h>

#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"
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

int redact_mn_reflexive_word(const struct normtext *t, const struct redact_form *f, size_t a,
                             size_t nend, size_t wend)
{
    static const char *const reflexive[] = { "ээ", "аа", "оо", "өө" };
    size_t i;
    int first;

    if (!f->person || f->suffix != SUFFIX_MN_STEM || wend - nend != 4 ||
        utf8_next(&first, t->norm + a, t->normlen - a) <= 0 || !is_cyrillic_cp(first) ||
        !redact_upper_at(t, a) || !redact_sentence_start(t, a))
        return 0;
    for (i = 0; i < sizeof reflexive / sizeof reflexive[0]; i++)
        if (memcmp(t->norm + nend, reflexive[i], 4) == 0)
            return lexicon_word(LEXICON_MN, t->norm + a, wend - a) == 1;
    return 0;
}
