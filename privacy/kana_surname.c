/* Korean surnames in katakana (brief s17 kana17 item 1, report-adv16a
 * the surname of a Korean name written as the Japanese press writes
 * it (チェ, パク, ハン), beside a given name that was replaced, goes with
 * it.  The spellings are generated, not listed: each Hangul syllable the
 * surname list knows (variants_is_surname) in the katakana
 * korean_other_scripts writes at a word's start (variants_ko.c). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "privacy/redact_int.h"
#include "privacy/variants.h"
#include "privacy/variants_ko.h"

/* The spellings, sorted; about 300 surnames in at most OPT_MAX each. */
#define KANA_SURNAMES 4096
static char kana_names[KANA_SURNAMES][OPT_LEN];
static size_t n_kana_names;
static pthread_once_t kana_once = PTHREAD_ONCE_INIT;

static int cmp_name(const void *a, const void *b)
{
    return strcmp(a, b);
}

static void kana_build(void)
{
    utf8proc_uint8_t u[4];
    struct slot s;

    for (int cp = 0xAC00; cp <= 0xD7A3; cp++) {
        if (utf8proc_encode_char(cp, u) != 3 || !variants_is_surname((const char *)u, 3))
            continue;
        korean_kana_syllable(&s, cp);
        for (int k = 0; k < s.n && n_kana_names < KANA_SURNAMES; k++)
            memcpy(kana_names[n_kana_names++], s.opt[k], OPT_LEN);
    }
    qsort(kana_names, n_kana_names, sizeof kana_names[0], cmp_name);
}

int redact_kana_surname(const char *key, size_t len)
{
    char buf[OPT_LEN];

    if (len == 0 || len >= sizeof buf)
        return 0;
    (void)pthread_once(&kana_once, kana_build);
    memcpy(buf, key, len);
    buf[len] = '\0';
    return bsearch(buf, kana_names, n_kana_names, sizeof kana_names[0], cmp_name) != NULL;
}
