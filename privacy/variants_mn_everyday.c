/* Mongolian names as people type them in Latin letters every day and in
 * chat (brief s18 names18 item 2, report-adv17a D-14, D-33), beside the
 * romanisation systems of variants_mn.c: "ee" for the long ий (Ulzee,
 * Uljeebayar), j for з and ж, ai/ay for ай, and the Mongolian SMS and
 * Facebook Latin (4 for ч, w or 6 for ш, q for ө, v or y for ү, x for х,
 * c for ц: 4imeg, Winebayar, Qlzii).  Each is a whole spelling style, as
 * a writer keeps to one, not a letter-by-letter mix: the style's first
 * option for every letter, then the nearest others (combine: fewest
 * departures first), at most EVERYDAY_CAP per style.  Also the Cyrillic
 * spelling of я, ю after a vowel as й + vowel (Байар, Өлзийбайар) and
 * back.  The digit 4 is written as the key view reads it (normalise.h:
 * leetspeak, 4 is a), so "4imeg" matches the variant "aimeg".  Sources:
 * usage (Mongolian chat Latin as the tester's report and Mongolian
 * internet forums write it), docs/VARIANTS.md.  Called by variants_mn.c;
 * calls only varlist.c. */
#include "privacy/variants_int.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "privacy/romanise.h"
#include "privacy/varlist.h"

/* Spellings a style adds per name, beyond the systems' (each a literal of
 * the matcher: measured in docs/VARIANTS.md). */
#define EVERYDAY_CAP 12

/* A unit of a name: one letter, or two letters written as one sound. */
struct unit {
    const char *cyr;       /* Cyrillic, one or two letters */
    const char *style[2];  /* '|'-separated Latin options: everyday, chat */
};

/* Two-letter units first (a long vowel, a vowel + й). */
static const struct unit units[] = {
    /* нг is the velar nasal: ŋ in the official Mongolian Latin, the
     * scholarly and the Buryat and Kazakh Latin writings (Altaŋgerel,
     * Altaŋerel: report-adv17a D-29). */
    {"нг", {"ng|ŋg|ŋ", "ng|ŋ"}},
    {"ий", {"ee|ii|i|iy", "ii|ee|i"}}, {"ый", {"ii|ee|y", "ii|ee|i"}},
    {"ай", {"ai|ay", "ai|ay"}},        {"эй", {"ei|ey", "ei|ey"}},
    {"ой", {"oi|oy", "oi|oy"}},        {"уй", {"ui|uy", "ui|uy"}},
    {"үй", {"ui|uy", "vi|ui|yi"}},     {"өө", {"uu|oo|ee|oe", "qq|uu|oo"}},
    {"үү", {"uu|ee|ue", "vv|uu|yy"}},  {"ээ", {"ee|e", "ee|e"}},
    {"аа", {"aa|a", "aa|a"}},          {"оо", {"oo|o", "oo|o"}},
    {"уу", {"uu|oo|u", "uu|oo"}},      {"яа", {"yaa|ya|iaa", "yaa|ya"}},
    {"а", {"a", "a"}},   {"б", {"b", "b"}},        {"в", {"v|w", "v|w"}},
    {"г", {"g", "g"}},   {"д", {"d", "d"}},        {"е", {"ye|e", "ye|e"}},
    {"ё", {"yo|io", "yo"}}, {"ж", {"j|zh", "j|zh"}}, {"з", {"j|z|dz", "z|j"}},
    {"и", {"i", "i"}},   {"й", {"i|y", "i|y"}},    {"к", {"k", "k"}},
    {"л", {"l", "l"}},   {"м", {"m", "m"}},        {"н", {"n", "n"}},
    {"о", {"o", "o"}},   {"ө", {"u|o|oe", "q|u|o"}}, {"п", {"p", "p"}},
    {"р", {"r", "r"}},   {"с", {"s", "s"}},        {"т", {"t", "t"}},
    {"у", {"u|o", "u"}}, {"ү", {"u|ue", "v|u|y"}}, {"ф", {"f", "f"}},
    /* The key view reads the 4 of "4imeg" as a (normalise.h). */
    {"х", {"kh|h", "x|h|kh"}}, {"ц", {"ts|c", "c|ts"}}, {"ч", {"ch", "a|ch"}},
    {"ш", {"sh", "w|6|sh"}}, {"щ", {"sh", "w|sh"}}, {"ъ", {"", ""}},
    {"ы", {"y|i", "y|i"}}, {"ь", {"|i", "|i"}}, {"э", {"e", "e"}},
    {"ю", {"yu|iu", "yu|iu"}}, {"я", {"ya|ia|ai", "ya|ia"}},
};

int mn_everyday_forms(struct variant_list *out, const char *key, size_t len, int rule,
                      int suffix, size_t cap)
{
    struct slot s[SLOT_MAX];
    char opt[OPT_LEN], *p, *save;
    size_t at, u, l;
    int n, sty, rc = 0;

    if (cap > EVERYDAY_CAP)
        cap = EVERYDAY_CAP;
    for (sty = 0; sty < 2 && rc == 0; sty++) {
        for (at = 0, n = 0; at < len; at += l, n++) {
            for (u = 0; u < sizeof units / sizeof units[0]; u++) {
                l = strlen(units[u].cyr);
                if (l <= len - at && memcmp(key + at, units[u].cyr, l) == 0)
                    break;
            }
            if (u == sizeof units / sizeof units[0] || n >= SLOT_MAX)
                return 0;
            memset(&s[n], 0, sizeof s[n]);
            snprintf(opt, sizeof opt, "%s", units[u].style[sty]);
            if (opt[0] == '|')
                slot_add(&s[n], "", "", "");
            for (p = strtok_r(opt, "|", &save); p != NULL; p = strtok_r(NULL, "|", &save))
                slot_add(&s[n], p, "", "");
        }
        rc = combine(out, s, n, rule, suffix, out->n + cap);
    }
    sodium_memzero(s, sizeof s);
    return rc;
}

/* я and ю after a vowel written as й + vowel (Байар: Баяр). */
static const char *const iot[][2] = {
    {"я", "йа"}, {"ю", "йу"},
};

/* 1 if a Mongolian Cyrillic vowel ends just before key[at]. */
static int vowel_before(const char *key, size_t at)
{
    static const char *const v[] = { "а", "э", "о", "ө", "у", "ү", "и", "ы" };

    for (size_t i = 0; at >= 2 && i < sizeof v / sizeof v[0]; i++)
        if (memcmp(key + at - 2, v[i], 2) == 0)
            return 1;
    return 0;
}

int mn_iotated_forms(struct variant_list *out, const char *key, size_t len, int suffix)
{
    char buf[SLOT_MAX * 4], alt[SLOT_MAX * 4];
    size_t at = 0, k = 0, j, i;
    int changed = 0, back = 0, rc = 0;

    if (len >= SLOT_MAX * 2)
        return 0;
    /* One direction at a time: я as йа (Баяр: Байар), and йа as я. */
    for (at = 0; at < len && k + 4 < sizeof buf;) {
        for (i = 0; i < sizeof iot / sizeof iot[0]; i++) {
            size_t a = strlen(iot[i][0]), b = strlen(iot[i][1]);
            if (vowel_before(key, at) && a <= len - at && memcmp(key + at, iot[i][0], a) == 0) {
                memcpy(buf + k, iot[i][1], b), k += b, at += a, changed = 1;
                break;
            }
        }
        if (i == sizeof iot / sizeof iot[0])
            buf[k++] = key[at++];
    }
    if (changed && k <= len + 8)
        rc = list_add(out, buf, k, RULE_VARIANT, suffix);
    for (at = 0, j = 0; rc == 0 && at < len && j + 4 < sizeof alt;) {
        for (i = 0; i < sizeof iot / sizeof iot[0]; i++) {
            size_t a = strlen(iot[i][0]), b = strlen(iot[i][1]);
            if (vowel_before(key, at) && b <= len - at && memcmp(key + at, iot[i][1], b) == 0) {
                memcpy(alt + j, iot[i][0], a), j += a, at += b, back = 1;
                break;
            }
        }
        if (i == sizeof iot / sizeof iot[0])
            alt[j++] = key[at++];
    }
    if (rc == 0 && back)
        rc = list_add(out, alt, j, RULE_VARIANT, suffix);
    sodium_memzero(buf, sizeof buf);
    sodium_memzero(alt, sizeof alt);
    return rc;
}
