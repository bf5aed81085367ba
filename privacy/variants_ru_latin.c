/* The Latin spellings of a Russian form (variants_ru.c's forms): the
 * usual transliterations (ISO 9 without marks, BGN/PCGN, ICAO 9303, the
 * German-style j) and the national systems (Polish, German, French, the
 * Ukrainian and Belarusian readings); and the reader of Russian letters.
 * Moved out of variants_ru.c (brief s41 ruk41) unchanged. */
#include "privacy/variants_int.h"

#include <string.h>

#include <sodium.h>

#include "privacy/normalise.h"
#include "privacy/variants_ru_int.h"
#include "privacy/varlist.h"

/* Latin spellings of each Cyrillic form, the usual one first. */
#define RU_LATIN_CAP 4

/* The Latin spellings of the Russian letters, the usual first (a to я in
 * code point order, then ё). */
static const char *const ru_latin[33][4] = {
    {"a", 0, 0, 0},          {"b", 0, 0, 0},           {"v", "w", 0, 0},
    {"g", 0, 0, 0},          {"d", 0, 0, 0},           {"e", "ye", 0, 0},
    {"zh", "j", "z", 0},     {"z", 0, 0, 0},           {"i", 0, 0, 0},
    {"y", "i", "j", 0},      {"k", 0, 0, 0},           {"l", 0, 0, 0},
    {"m", 0, 0, 0},          {"n", 0, 0, 0},           {"o", 0, 0, 0},
    {"p", 0, 0, 0},          {"r", 0, 0, 0},           {"s", 0, 0, 0},
    {"t", 0, 0, 0},          {"u", 0, 0, 0},           {"f", 0, 0, 0},
    {"kh", "h", "x", 0},     {"ts", "c", "tz", 0},     {"ch", "4", 0, 0},
    {"sh", "w", 0, 0},       {"shch", "sch", "sh", 0}, {"", 0, 0, 0},
    {"y", "i", 0, 0},        {"", "i", 0, 0},          {"e", 0, 0, 0},
    {"yu", "iu", "ju", "u"}, {"ya", "ia", "ja", "a"},  {"yo", "e", "jo", 0},
};

static int ru_index(int cp)
{
    if (cp >= 0x430 && cp <= 0x44F)
        return cp - 0x430;
    return cp == 0x451 ? 32 : -1;
}

static int is_vowel(int cp)
{
    return (cp == 0x430 || cp == 0x435 || cp == 0x451 || cp == 0x438 || cp == 0x43E ||
            cp == 0x443 || cp == 0x44B || cp == 0x44D || cp == 0x44E || cp == 0x44F);
}

int ru_vowel(int cp)
{
    return is_vowel(cp);
}

/* Adds the Latin spellings of the Cyrillic form cp[0..n) (code points),
 * at most RU_LATIN_CAP.  The soft sign's i only before a vowel (Дарья as
 * Daria, Наталья as Natalia): before a consonant no system writes it, and
 * it made another given name of a diminutive (Веронька of Вера as
 * Veronika: report-adv34 W-1; Машенька as Mashenika).  0, or -1 when out
 * of memory. */
int ru_add_latin(struct variant_list *out, const int *cp, int n)
{
    struct slot s[RU_MAX + 8];
    int i, m = 0, k, x;

    for (i = 0; i < n && m < (int)(sizeof s / sizeof s[0]); i++) {
        if ((x = ru_index(cp[i])) < 0)
            return 0;
        memset(&s[m], 0, sizeof s[m]);
        for (k = 0; k < 4 && ru_latin[x][k] != NULL; k++)
            if (!(cp[i] == 0x44C && k > 0 && (i + 1 == n || !is_vowel(cp[i + 1]))))
                slot_add(&s[m], ru_latin[x][k], "", "");
        m++;
    }
    return combine(out, s, m, RULE_VARIANT, SUFFIX_NONE, out->n + RU_LATIN_CAP);
}

/* The other national transliterations of Russian names, one spelling each
 * (report-adv19a N-7, report-adv20 ): Polish (PWN: Siergiej,
 * Iwanow, Sasza; л is ł but before е ё ю я ь и, which then lose their i:
 * Alosza, Natałka), German (Duden: Sergej, Iwanow, Sascha) and its common
 * writing (кс as x, ё after a consonant as o: Alexej, Aloscha), French
 * (Sergueï, Ivanov, Sacha), the Ukrainian reading of a Russian name (г as
 * h, и as y, е before й я ю as і) in its three writings (Serhiy, Serhiya;
 * the 2010 national system: Serhii, Serhiia; the scholarly and Polish or
 * Czech one: Serhij, Serhija), and the Belarusian reading (г as h, the
 * first е of a word of two syllables or more as я, as Belarusian writes
 * the unstressed е: Сяргей, Аляксей) in Łacinka (Siarhiej, Alaksiej) and
 * in the passport system (Siarhei, Aliaksei).  Marks are left out where
 * the key view strips them (ï, ž); Polish ł is kept, as the key view
 * keeps it, and the l the letter tables give is there too.  Written from
 * each system's published table (docs/VARIANTS.md). */
enum { NAT_PL, NAT_DE, NAT_DE2, NAT_FR, NAT_UK, NAT_UK2, NAT_UK3, NAT_BY, NAT_BY2, NAT_N };

/* е ё ю я: the vowels written with a j or i sound before them. */
static int iotated(int c)
{
    return c == 0x435 || c == 0x451 || c == 0x44E || c == 0x44F;
}

/* The spelling of cp[i] in system sys, by the letters around it. */
static const char *nat_letter(int sys, const int *cp, int n, int i)
{
    int c = cp[i], prev = i > 0 ? cp[i - 1] : 0, next = i + 1 < n ? cp[i + 1] : 0;
    /* after a consonant: е ё ю я written with i (PL), not j */
    int cons = prev != 0 && !is_vowel(prev) && prev != 0x44A && prev != 0x44C;
    /* ж ш ц ч щ: no i after them in Polish */
    int hard = prev == 0x436 || prev == 0x448 || prev == 0x446 || prev == 0x447 || prev == 0x449;
    int vowel_after = next != 0 && is_vowel(next);
    static const char *const plain[33] = {
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
        "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "yo",
    };
    static const char *const pl[33] = {
        "a", "b", "w", "g", "d", "je", "z", "z", "i", "j", "k", "ł", "m", "n", "o", "p", "r",
        "s", "t", "u", "f", "ch", "c", "cz", "sz", "szcz", "", "y", "", "e", "ju", "ja", "jo",
    };
    static const char *const de[33] = {
        "a", "b", "w", "g", "d", "je", "sch", "s", "i", "j", "k", "l", "m", "n", "o", "p", "r",
        "s", "t", "u", "f", "ch", "z", "tsch", "sch", "schtsch", "", "y", "", "e", "ju", "ja", "jo",
    };
    static const char *const fr[33] = {
        "a", "b", "v", "g", "d", "e", "j", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r",
        "s", "t", "ou", "f", "kh", "ts", "tch", "ch", "chtch", "", "y", "", "e", "iou", "ia", "io",
    };
    /* Łacinka (ž š č written z s c as the key view reads them); the
     * passport system's differences are in the BY2 case below. */
    static const char *const by[33] = {
        "a", "b", "v", "h", "d", "je", "z", "z", "i", "j", "k", "ł", "m", "n", "o", "p", "r",
        "s", "t", "u", "f", "ch", "c", "c", "s", "sc", "", "y", "", "e", "ju", "ja", "jo",
    };
    int x = ru_index(c);

    if (x < 0)
        return NULL;
    switch (sys) {
    case NAT_PL:
        /* л before е ё ю я ь и: l, and the vowel without its i (Alosza,
         * Lena); ь after it is not written. */
        if (c == 0x43B)
            return iotated(next) || next == 0x44C || next == 0x438 ? "l" : "ł";
        if (c == 0x44C && prev == 0x43B)
            return "";
        if (iotated(c) && prev == 0x43B)
            return c == 0x435 ? "e" : c == 0x451 ? "o" : c == 0x44E ? "u" : "a";
        if (iotated(c))
            return !cons ? pl[x] : hard ? (c == 0x435 ? "e" : pl[x] + 1)
                   : c == 0x435 ? "ie" : c == 0x451 ? "io" : c == 0x44E ? "iu" : "ia";
        if (c == 0x438 && hard)
            return "y";
        /* The feminine -ой, -ей of a surname is Polish -ej (Pietrowej). */
        if (c == 0x43E && next == 0x439 && i == n - 2)
            return "e";
        return pl[x];
    case NAT_DE:
    case NAT_DE2:
        if (sys == NAT_DE2 && c == 0x43A && next == 0x441)
            return "x";
        if (sys == NAT_DE2 && c == 0x441 && prev == 0x43A)
            return "";
        if (sys == NAT_DE2 && c == 0x451 && cons)
            return "o";
        if (iotated(c) && cons)
            return c == 0x435 ? "e" : c == 0x451 ? "jo" : c == 0x44E ? "ju" : "ja";
        if (c == 0x441 && prev != 0 && is_vowel(prev) && vowel_after)
            return "ss";
        return de[x];
    case NAT_FR:
        if (c == 0x433 && (next == 0x435 || next == 0x438 || next == 0x44B || next == 0x44D))
            return "gu";
        return fr[x];
    case NAT_BY:
    case NAT_BY2: {
        int first_e = 1, later = 0;
        for (int k = 0; k < i; k++)
            if (cp[k] == 0x435 && k > 0 && !is_vowel(cp[k - 1]))
                first_e = 0;
        for (int k = i + 1; k < n; k++)
            later += is_vowel(cp[k]);
        /* The unstressed е before the stress: я (Сяргей, Аляксей). */
        if (c == 0x435 && cons && first_e && later > 0)
            c = 0x44F, x = ru_index(c);
        if (sys == NAT_BY2) {
            if (c == 0x439)
                return "i";
            if (iotated(c))
                return cons ? (c == 0x435 ? "e" : c == 0x451 ? "io" : c == 0x44E ? "iu" : "ia")
                            : (c == 0x435 ? "ie" : c == 0x451 ? "io" : c == 0x44E ? "iu" : "ia");
            return c == 0x433 ? "h" : c == 0x436 ? "zh" : c == 0x445 ? "kh" : c == 0x446 ? "ts"
                 : c == 0x447 ? "ch" : c == 0x448 ? "sh" : c == 0x449 ? "shch" : plain[x];
        }
        if (c == 0x43B)
            return iotated(next) || next == 0x44C || next == 0x438 ? "l" : "ł";
        if (c == 0x44C)
            return "";
        if (iotated(c) && (prev == 0x43B || (cons && prev == 0x440)))
            return c == 0x435 ? "e" : c == 0x451 ? "o" : c == 0x44E ? "u" : "a";
        if (iotated(c) && cons)
            return c == 0x435 ? "ie" : c == 0x451 ? "io" : c == 0x44E ? "iu" : "ia";
        return by[x];
    }
    default: { /* the Ukrainian reading */
        static const char *const iot[3][3] = {
            { "yo", "yu", "ya" }, { "io", "iu", "ia" }, { "jo", "ju", "ja" },
        };
        int w = sys == NAT_UK3 ? 2 : sys == NAT_UK2 ? 1 : 0;
        if (c == 0x433)
            return "h";
        /* е и before й я ю е (Сергей: Сергій, Сергея: Сергія). */
        if ((c == 0x435 || c == 0x438) && i > 0 &&
            (next == 0x439 || next == 0x44F || next == 0x44E || next == 0x435))
            return "i";
        if (c == 0x439)
            return sys == NAT_UK3 ? "j" : i == n - 1 && sys == NAT_UK ? "y" : "i";
        if (c == 0x451 || c == 0x44E || c == 0x44F)
            return iot[w][c == 0x451 ? 0 : c == 0x44E ? 1 : 2];
        return c == 0x438 ? "y" : plain[x];
    }
    }
}

/* Adds the spelling of cp[0..n) in each system of nat_letter; with own
 * 0 (a short form or a diminutive, not the registered name) not in the
 * Belarusian ones, whose yakanye and marks the key view strips make
 * English words of them (Алешка: Alaska).  0, or -1 when out of memory. */
int ru_add_national(struct variant_list *out, const int *cp, int n, int own)
{
    char key[RU_MAX * 8 + 1];
    int rc = 0;

    for (int sys = 0; sys < NAT_N && rc == 0; sys++) {
        size_t kl = 0;
        if (!own && (sys == NAT_BY || sys == NAT_BY2))
            continue;
        for (int i = 0; i < n; i++) {
            const char *l = nat_letter(sys, cp, n, i);
            if (l == NULL)
                return 0;
            memcpy(key + kl, l, strlen(l)), kl += strlen(l);
        }
        if (kl > 0)
            rc = list_add(out, key, kl, RULE_VARIANT, SUFFIX_NONE);
    }
    sodium_memzero(key, sizeof key);
    return rc;
}

/* Reads the Russian key[0..len) (bytes) into cp (at most RU_MAX code
 * points); the count, or 0 if a letter is no Russian one. */
int ru_read(int *cp, const char *key, size_t len)
{
    int n = 0, k;

    for (size_t at = 0; at < len; at += (size_t)k) {
        if (n >= RU_MAX || (k = utf8_next(&cp[n], key + at, len - at)) <= 0 ||
            ru_index(cp[n]) < 0)
            return 0;
        n++;
    }
    return n;
}

/* The state of ru_latin_readings' walk: the Cyrillic letters read so far
 * (UTF-8) and the list the readings go to. */
struct ru_walk {
    struct variant_list *out;
    size_t cap;
    char form[RU_MAX * 2 + 1];
    size_t flen;
};

/* Reads key[at..len) on from w->form: each Cyrillic letter whose Latin
 * spellings (ru_latin, not the digit 4 of ч) one begins key there with,
 * the longer spelling first.  0, or -1 when out of memory. */
static int ru_walk_on(struct ru_walk *w, const char *key, size_t len, size_t at)
{
    int rc = 0;

    if (w->out->n >= w->cap)
        return 0;
    if (at == len)
        return w->flen > 0 ? list_add(w->out, w->form, w->flen, RULE_VARIANT, SUFFIX_NONE) : 0;
    if (w->flen + 2 > RU_MAX * 2)
        return 0;
    for (size_t l = 4; l >= 1 && rc == 0; l--)
        for (int x = 0; x < 33 && rc == 0; x++)
            for (int k = 0; k < 4 && ru_latin[x][k] != NULL && rc == 0; k++) {
                const char *s = ru_latin[x][k];
                int cp = x == 32 ? 0x451 : 0x430 + x;
                if (strlen(s) != l || l > len - at || memcmp(key + at, s, l) != 0 || s[0] < 'a')
                    continue;
                w->form[w->flen] = (char)(0xC0 | (cp >> 6));
                w->form[w->flen + 1] = (char)(0x80 | (cp & 0x3F));
                w->flen += 2;
                rc = ru_walk_on(w, key, len, at + l);
                w->flen -= 2;
            }
    return rc;
}

int ru_latin_readings(struct variant_list *out, const char *key, size_t len, size_t cap)
{
    struct ru_walk w;
    int rc;

    for (size_t i = 0; i < len; i++)
        if (key[i] < 'a' || key[i] > 'z')
            return 0;
    if (len == 0 || len > RU_MAX)
        return 0;
    memset(&w, 0, sizeof w);
    w.out = out, w.cap = out->n + cap;
    rc = ru_walk_on(&w, key, len, 0);
    sodium_memzero(&w, sizeof w);
    return rc;
}
