/* A registered Korean name with more Hangul glued after it (report-adv12g
 * 영호남 "Yeongnam-Honam" of 김영호, 영호루): the glued-name flag's
 * rules, apart from the hit rules (redact_hits.c, open_continuation). */
#include <string.h>

#include "privacy/redact_int.h"
#include "privacy/variants.h"

int redact_ko_open_glued(const struct normtext *t, size_t nstart, size_t nend, size_t wend)
{
    /* A name's key across a space that runs on into the next word is
     * chance ("김영 교수가" is no 김영교): a glued name is one word. */
    if (memchr(t->norm + nstart, ' ', nend - nstart) != NULL)
        return 0;
    return !redact_ordinary_ko(t->norm + nstart, wend - nstart, 0);
}

size_t redact_ko_glued_end(const struct normtext *t, size_t nend, size_t wend)
{
    int cp;

    if (nend == 0 || !is_hangul_cp(redact_cp_before(t->norm, nend)) || wend <= nend ||
        utf8_next(&cp, t->norm + nend, wend - nend) <= 0 || !is_hangul_cp(cp))
        return nend;
    /* The word, less the particles that end it (영호남의: 영호남), so that
     * the flag reads as the word it lies on and may be allowed as it. */
    for (size_t k = nend + 3; k < wend; k += 3)
        if (variant_suffix_ok(SUFFIX_KO, t->norm + k, wend - k))
            return k;
    return wend;
}
