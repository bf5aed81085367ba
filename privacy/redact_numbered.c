/* A term that ends in a number ("other:Erdenet Mining Camp 7", "place:
 * Block 12") is written with the number marked or said (issue 12,
 * report-adv15 R-4): "Erdenet Mining Camp No. 7", "Camp #7", "Camp No7",
 * "Camp number 7", "Camp № 7", "Erdenet mining camp seven".  Each of those
 * is another literal of the same term (one placeholder), made here from
 * the term as typed; the key view (normalise.h) takes care of case,
 * spaces and marks between. */
#include "privacy/redact.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"

/* English cardinals 0-20 (what the number of a camp, block, unit or
 * school is said as in English testimony). */
static const char *const cardinal[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty",
};

int redact_number_forms(const char *text, size_t len, redact_key_fn fn, void *ctx)
{
    /* What stands between the words and the number; "" glues it
     * ("ErdenetMiningCamp7", "Camp7": the key view reads a digit glued to
     * letters as the letter it looks like, so the glued form has a key of
     * its own). */
    static const char *const marks[] = { " No. ", " No ", " #", " No", " number ", " Nr. ", "" };
    char buf[REDACT_TERM_MAX + 32], num[8], *key;
    size_t e = len, d, p, keylen, n, m;
    struct err err;
    unsigned v;
    int rc = 0;

    while (e > 0 && text[e - 1] == ' ')
        e--;
    for (d = e; d > 0 && text[d - 1] >= '0' && text[d - 1] <= '9'; d--)
        ;
    /* A word, a space, and one to four digits: "Camp 7", not "A7" or "2024". */
    if (d == e || e - d > 4 || d < 2 || text[d - 1] != ' ' || len > REDACT_TERM_MAX)
        return 0;
    for (p = d - 1; p > 0 && (text[p - 1] == ' ' || text[p - 1] == '#'); p--)
        ;
    if (p == 0)
        return 0;
    memcpy(num, text + d, e - d), num[e - d] = '\0';
    v = (unsigned)atoi(num);
    memcpy(buf, text, p);
    for (size_t k = 0; k <= sizeof marks / sizeof marks[0] && rc == 0; k++) {
        const char *mark = k < sizeof marks / sizeof marks[0] ? marks[k] : " ";
        const char *word = k < sizeof marks / sizeof marks[0] ? num
                           : v < sizeof cardinal / sizeof cardinal[0] && num[0] != '0' ? cardinal[v]
                                                                                      : NULL;
        if (word == NULL)
            continue;
        m = strlen(mark), n = strlen(word);
        memcpy(buf + p, mark, m), memcpy(buf + p + m, word, n);
        if (normalise_key(&key, &keylen, buf, p + m + n, &err) != 0) {
            rc = -1;
            break;
        }
        rc = fn(ctx, key, keylen);
        secmem_free(key);
    }
    sodium_memzero(buf, sizeof buf);
    return rc;
}
