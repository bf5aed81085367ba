/* Shapes of an unregistered person's name for the review flags (brief s18
 * allow18 item 5, report-adv17a D-16): a Cyrillic initial before a name
 * and a patronymic in the genitive (flag_context.h).  Used by
 * redact_flags.c's pair rule, so by the redactor and the audit alike. */
#include <string.h>

#include "privacy/flag_context.h"

int flag_initial_gap(const char *s, size_t a0, size_t a1, size_t b0, size_t b1)
{
    if (a1 - a0 != 2 || b1 - b0 < 6 || s[a1] != '.')
        return 0;
    return b0 == a1 + 1 || (b0 == a1 + 2 && s[a1 + 1] == ' ');
}

int flag_genitive_word(const char *w, size_t len)
{
    static const char *const endings[] = { "ын", "ийн", "ны", "ний", "гийн" };

    for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
        size_t n = strlen(endings[i]);
        if (len >= n + 6 && memcmp(w + len - n, endings[i], n) == 0)
            return 1;
    }
    return 0;
}

/* The words that join an Arabic or Malay name's parts: bin/binti (Malay:
 * son/daughter of, with their written short forms bte, bt and b.), ibn
 * and bint (Arabic), and the article al/el written apart.  From the
 * naming customs as Malaysian identity cards and Gulf passports write
 * them (Wikipedia, "Malay names", "Arabic name"); hand-written, wants a
 * native reviewer. */
int flag_lineage_particle(const char *w, size_t len)
{
    static const char *const words[] = { "bin", "binti", "binte", "bte", "bt", "ibn", "bint",
                                         "al", "el", "Al", "El" };

    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == len && memcmp(w, words[i], len) == 0)
            return 1;
    return len == 2 && w[0] == 'b' && w[1] == '.';
}

int flag_article_prefixed(const char *w, size_t len)
{
    return len >= 5 && (w[0] == 'A' || w[0] == 'a' || w[0] == 'E' || w[0] == 'e') &&
           w[1] == 'l' && w[2] == '-' && w[3] >= 'A' && w[3] <= 'Z';
}
