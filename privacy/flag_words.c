/* Words that are never names before a capitalised word: flag_words.h.
 * HAND-WRITTEN TABLES, wanting a native reviewer (Russian, Ukrainian,
 * Belarusian, Malay): written by us for brief s26 names26 from the
 * languages' common nouns of kin and household (the words of a family
 * tree in any school grammar) and their simple prepositions. */
#include "privacy/flag_context.h"
#include "privacy/flag_words.h"

#include <string.h>

#include "privacy/normalise.h"

static int in_table(const char *const *tab, size_t n, const char *w, size_t len)
{
    char low[64];

    if (len == 0 || flag_lower(low, sizeof low, w, len) != 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(low, tab[i]) == 0)
            return 1;
    return 0;
}

/* Nouns of kin and household, nominative singular (and the plural of
 * the commonest): Russian, Ukrainian, Belarusian. */
static const char *const kin[] = {
    /* Russian */
    "отец", "мать", "папа", "мама", "брат", "сестра", "муж", "жена", "сын", "дочь", "дочка",
    "дед", "дедушка", "бабушка", "бабка", "дядя", "тётя", "тетя", "сосед", "соседка",
    "родители", "братья", "сёстры", "сестры", "дети", "хозяин", "хозяйка",
    /* Ukrainian */
    "батько", "мати", "тато", "чоловік", "дружина", "син", "донька", "дід", "баба", "бабуся",
    "дядько", "тітка", "сусід", "сусідка", "батьки", "брати", "сестри", "діти", "господар",
    /* Belarusian */
    "бацька", "маці", "жонка", "дачка", "дзед", "бабуля", "дзядзька", "цётка", "сусед",
    "суседка", "бацькі", "браты", "сёстры", "дзеці", "гаспадар",
};

int flag_kin_noun(const char *w, size_t len)
{
    return in_table(kin, sizeof kin / sizeof kin[0], w, len);
}

/* English and Malay prepositions of place and time that a sentence opens
 * with; the ones that are also a surname somewhere matter (In, On, To,
 * Di). */
static const char *const latin_prep[] = {
    "in", "on", "at", "to", "by", "of", "into", "from", "near", "until",
    "di", "ke", "dari", "pada", "dalam", "sampai",
};

int flag_latin_preposition(const char *w, size_t len)
{
    return in_table(latin_prep, sizeof latin_prep / sizeof latin_prep[0], w, len);
}

/* Malay (and Indonesian) titles and words of address written before a
 * name (report-adv25a B-24: Encik Kim, Abang Kim), as "Mr" is: from the
 * common forms of address in Malay grammars; hand-written, wants a native
 * reviewer.  Bang and Mak are left out (English words). */
static const char *const ms_titles[] = {
    "encik", "tuan", "puan", "cik", "saudara", "saudari", "kak", "kakak", "abang", "pak",
    "bapak", "makcik", "pakcik", "adik", "datuk", "dato", "datin", "haji", "hajah", "ustaz",
    "ustazah", "cikgu",
};

int flag_title_before(const char *w, size_t len)
{
    return in_table(ms_titles, sizeof ms_titles / sizeof ms_titles[0], w, len);
}
