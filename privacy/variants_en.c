/* The Russian Cyrillic spellings of a Latin (English) name word (report
 * adv12 A-6): Whitfield is Уитфилд, Витфилд, Вайтфилд, Уитфильд,
 * Хуитфилд in Russian text, each word of the name alone and with the
 * Russian case endings (Уитфилдом).  Called by variants.c; calls no other
 * variants file. */
#include "privacy/variants_int.h"

#include <string.h>

#include "privacy/varlist.h"

/* The English-Russian practical transcription (R. S. Gilyarevsky and
 * V. S. Starostin, "Foreign names and titles in the Russian text", 1985;
 * D. I. Ermolovich, "Proper names at the junction of languages and
 * cultures", 2001): letter groups of the spelling, longest first, each
 * with its Russian spellings, the usual one first.  The spelling is only a
 * guide to the sound, so the other readings of a group are kept
 * (wh: у, в, ху; i: и, ай; field: филд, фильд). */
struct en_group {
    const char *latin;
    const char *ru[4];
};

static const struct en_group en_groups[] = {
    {"field", {"филд", "фильд", 0, 0}}, {"tch", {"ч", 0, 0, 0}},
    {"wh", {"у", "в", "ху", 0}}, {"sh", {"ш", 0, 0, 0}}, {"ch", {"ч", "к", 0, 0}},
    {"th", {"т", "с", 0, 0}}, {"ph", {"ф", 0, 0, 0}}, {"ck", {"к", 0, 0, 0}},
    {"gh", {"", "г", 0, 0}}, {"qu", {"кв", 0, 0, 0}}, {"ee", {"и", 0, 0, 0}},
    {"ea", {"и", "е", 0, 0}}, {"oo", {"у", 0, 0, 0}}, {"ou", {"ау", "у", "о", 0}},
    {"ow", {"оу", "ау", 0, 0}}, {"ai", {"ей", "эй", 0, 0}}, {"ay", {"ей", "эй", 0, 0}},
    {"ey", {"и", "ей", 0, 0}}, {"ie", {"и", "ай", 0, 0}}, {"oa", {"оу", "о", 0, 0}},
    {"tt", {"тт", "т", 0, 0}}, {"ll", {"лл", "л", 0, 0}}, {"ss", {"сс", "с", 0, 0}},
    {"ff", {"фф", "ф", 0, 0}}, {"nn", {"нн", "н", 0, 0}}, {"mm", {"мм", "м", 0, 0}},
    {"rr", {"рр", "р", 0, 0}}, {"dd", {"дд", "д", 0, 0}}, {"pp", {"пп", "п", 0, 0}},
    {"a", {"а", "э", "ей", 0}}, {"b", {"б", 0, 0, 0}}, {"c", {"к", "с", 0, 0}},
    {"d", {"д", 0, 0, 0}}, {"e", {"е", "э", "и", 0}}, {"f", {"ф", 0, 0, 0}},
    {"g", {"г", "дж", 0, 0}}, {"h", {"х", "", 0, 0}}, {"i", {"и", "ай", 0, 0}},
    {"j", {"дж", 0, 0, 0}}, {"k", {"к", 0, 0, 0}}, {"l", {"л", "ль", 0, 0}},
    {"m", {"м", 0, 0, 0}}, {"n", {"н", 0, 0, 0}}, {"o", {"о", 0, 0, 0}},
    {"p", {"п", 0, 0, 0}}, {"q", {"к", 0, 0, 0}}, {"r", {"р", 0, 0, 0}},
    {"s", {"с", "з", 0, 0}}, {"t", {"т", 0, 0, 0}}, {"u", {"у", "а", "ю", 0}},
    {"v", {"в", 0, 0, 0}}, {"w", {"у", "в", 0, 0}}, {"x", {"кс", 0, 0, 0}},
    {"y", {"и", "й", "ай", 0}}, {"z", {"з", 0, 0, 0}},
};

int en_russian_forms(struct variant_list *out, const char *key, size_t len, size_t cap)
{
    struct slot s[SLOT_MAX];
    size_t at = 0, g, k;
    int n = 0;

    if (len < 4)
        return 0;
    while (at < len) {
        const struct en_group *grp = NULL;
        for (g = 0; g < sizeof en_groups / sizeof en_groups[0] && grp == NULL; g++) {
            size_t l = strlen(en_groups[g].latin);
            if (l <= len - at && memcmp(key + at, en_groups[g].latin, l) == 0)
                grp = &en_groups[g];
        }
        if (grp == NULL || n >= SLOT_MAX)
            return 0;
        memset(&s[n], 0, sizeof s[n]);
        /* A word's first e is э (Эмили), its last e and an h after a
         * vowel at its end are silent (Grace: Грейс; Sarah: Сара). */
        if (at == 0 && key[0] == 'e')
            slot_add(&s[n], "э", "", "");
        if ((at + 1 == len && key[at] == 'e' && len > 3) ||
            (at + 1 == len && key[at] == 'h' && at > 0 && strchr("aeiou", key[at - 1]) != NULL))
            slot_add(&s[n], "", "", "");
        for (k = 0; k < 4 && grp->ru[k] != NULL; k++)
            slot_add(&s[n], grp->ru[k], "", "");
        /* An e after a consonant may stand for Russian ё, which Ukrainian
         * writes ьо there (Kovalev: Ковалёв, Ковальов; Korolev: Корольов;
         * Ukrainian orthography; brief s38 uk38, report-adv37 L-3).  Its
         * и is і in Ukrainian, which the key view already reads as и. */
        if (strcmp(grp->latin, "e") == 0 && at > 0 && strchr("aeiouy", key[at - 1]) == NULL)
            slot_add(&s[n], "ьо", "", "");
        at += strlen(grp->latin);
        n++;
    }
    return combine(out, s, n, RULE_VARIANT, SUFFIX_MN, out->n + cap);
}
