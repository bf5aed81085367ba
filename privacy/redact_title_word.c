/* A word of address that is also a romanised Korean surname (report-adv26a
 * D-24: "Pak Faizal datang." became "Ali datang."): redact_extend.c widens
 * a replaced given name over a Korean surname written before it ("Ким
 * Jong-su"), and the Malay and Indonesian "Pak" (Mr, of Bapak) and "Bu"
 * (Mrs, of Ibu) are read as the surnames 박 and 부.  Such a word is kept
 * as the title it is, unless the subject's own name begins with it in one
 * of its spellings (Pak Jong-su, 박종수 keyed pakjongsu): then it is the
 * surname.
 *
 * The table is WRITTEN BY HAND for intake from the author's knowledge of
 * Malay and Indonesian (the forms of address written before a given name,
 * as Encik, Cik, Tuan, Kak, Abang already are kept because no surname
 * table holds them); it wants a native reviewer. */
#include <stddef.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact_int.h"

static const char *const titles[] = { "pak", "bu" };

/* 1 if a literal of subject subj starts with key[0..len). */
static int subject_starts(const struct redactor *r, long subj, const char *key, size_t len)
{
    for (size_t i = 0; i < r->nlits; i++)
        if (r->lits[i].keylen >= len && r->terms[r->lits[i].term].subject == subj &&
            memcmp(r->arena + r->keyoff[i], key, len) == 0)
            return 1;
    return 0;
}

int redact_title_word(const struct redactor *r, long subj, const struct normtext *t, size_t w,
                      size_t end)
{
    size_t ka, kb;

    for (ka = 0; ka < t->keylen && t->kpos[ka] < w; ka++)
        ;
    for (kb = ka; kb < t->keylen && t->kpos[kb] < end; kb++)
        ;
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
        if (kb - ka == strlen(titles[i]) && memcmp(t->key + ka, titles[i], kb - ka) == 0)
            return !subject_starts(r, subj, titles[i], kb - ka);
    return 0;
}
