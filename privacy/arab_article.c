#include "privacy/arab_article.h"

#include <string.h>

#include <utf8proc.h>

#include "privacy/normalise.h"

/* The article's spellings (arab_article.h gives the sources); the first
 * ART_APART are also written apart.  Moved here from
 * redact_unread_pair.c (brief s52 arab52) so that the span widening
 * reads the same table. */
static const char *const arts[] = {
    "al", "el", "\xd0\xb0\xd0\xbb\xd1\x8c", "\xd1\x8d\xd0\xbb\xd1\x8c",
    "ul", "ar", "as", "ash", "ad", "at", "az", "an", "ed", "er", "es", "et", "ez", "en",
    "\xd0\xb0\xd0\xbb", "\xd0\xb0\xd0\xb4", "\xd0\xb0\xd1\x80", "\xd0\xb0\xd1\x81",
    "\xd0\xb0\xd1\x88", "\xd0\xb0\xd0\xbd", "\xd0\xb0\xd1\x82", "\xd0\xb0\xd0\xb7",
};
#define ART_APART 4

int arab_article(const char *w, size_t n, int *apart)
{
    char low[16];
    size_t m = 0;
    int cp, c;

    if (apart != NULL)
        *apart = 0;
    for (size_t at = 0; at < n; at += (size_t)c) {
        if ((c = utf8_next(&cp, w + at, n - at)) <= 0 || m + 4 >= sizeof low)
            return 0;
        m += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)low + m);
    }
    for (size_t k = 0; k < sizeof arts / sizeof arts[0]; k++)
        if (m == strlen(arts[k]) && memcmp(low, arts[k], m) == 0) {
            if (apart != NULL)
                *apart = k < ART_APART;
            return 1;
        }
    return 0;
}
