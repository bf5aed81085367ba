/* The Ukrainian and Belarusian forms of a Russian given name (brief s22
 * ukr22, issue 12, report-adv21b): Александр is Олександр in Ukrainian and
 * Аляксандр in Belarusian, and a Ukrainian writes Олександра, Олександрові,
 * Олександром in a sentence and Oleksandr, Oleksandrovi, Ołeksandr,
 * Ołeksandrowi in Latin.  The equivalents come from
 * data/nicknames/slavic.txt (SOURCES.md there); their case forms from one
 * rule (the noun declensions of Ukrainian and Belarusian grammar, by the
 * last letter), their Latin spellings from the published tables of each
 * system (docs/VARIANTS.md, "Session 22").  Called by nicknames.c;
 * calls namelist.c and varlist.c. */
#include "privacy/variants_int.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <utf8proc.h>

#include "privacy/namelist.h"
#include "privacy/normalise.h"
#include "privacy/patronymic.h"
#include "privacy/varlist.h"
#include "util/err.h"

/* build/gen/nicknames_data.c (scripts/embed.sh from data/nicknames). */
extern const unsigned char nicknames_slavic[], nicknames_slavic_words[];

/* Letters of a form kept (the longest listed name is far shorter). */
#define UK_MAX 24

/* ---- The letters ---- */

/* The Ukrainian and Belarusian letters beyond Russian's, and the
 * apostrophe-less alphabet a to я (code points). */
enum {
    C_A = 0x430, C_BE = 0x431, C_VE = 0x432, C_GE = 0x433, C_DE = 0x434, C_IE = 0x435,
    C_ZHE = 0x436, C_ZE = 0x437, C_I = 0x438, C_SHORT_I = 0x439, C_KA = 0x43A, C_EL = 0x43B,
    C_EM = 0x43C, C_EN = 0x43D, C_O = 0x43E, C_PE = 0x43F, C_ER = 0x440, C_ES = 0x441,
    C_TE = 0x442, C_U = 0x443, C_EF = 0x444, C_HA = 0x445, C_TSE = 0x446, C_CHE = 0x447,
    C_SHA = 0x448, C_SHCHA = 0x449, C_HARD = 0x44A, C_YERU = 0x44B, C_SOFT = 0x44C,
    C_E = 0x44D, C_YU = 0x44E, C_YA = 0x44F, C_YO = 0x451, C_YE = 0x454, C_UK_I = 0x456,
    C_YI = 0x457, C_SHORT_U = 0x45E, C_GHE = 0x491,
};

static int uk_letter(int c)
{
    return (c >= C_A && c <= C_YA && c != C_HARD) || c == C_YO || c == C_YE || c == C_UK_I ||
           c == C_YI || c == C_SHORT_U || c == C_GHE;
}

static int uk_vowel(int c)
{
    return c == C_A || c == C_IE || c == C_I || c == C_O || c == C_U || c == C_YERU ||
           c == C_E || c == C_YU || c == C_YA || c == C_YO || c == C_YE || c == C_UK_I ||
           c == C_YI;
}

/* я ю є ё ї: written with a y, i or j sound before them. */
static int uk_iotated(int c)
{
    return c == C_YA || c == C_YU || c == C_YE || c == C_YO || c == C_YI;
}

/* The Latin systems: the Ukrainian national one (KMU 2010; Belarusian
 * passports write alike: Oleksandr, Oleksii, Aliaksandr), the common
 * press spelling (Oleksiy, Andriy, Nataliya), the scholarly one with j
 * (Oleksij, Andrij), Polish (Ołeksandr, Ołena, Mykoła, Wołodymyr) and
 * Belarusian Łacinka (Alaksandr, Siarhiej, Kaciaryna).  Marks are left
 * out where the key view strips them (č š ž ŭ); ł is kept. */
enum { UK_NAT, UK_PRESS, UK_SCHOL, UK_PL, UK_LAC, UK_N };

/* The spelling of a letter with no variation across the systems. */
static const char *plain(int c)
{
    static const struct { int c; const char *l; } t[] = {
        {C_A, "a"}, {C_BE, "b"}, {C_GHE, "g"}, {C_DE, "d"}, {C_ZE, "z"}, {C_I, "y"},
        {C_UK_I, "i"}, {C_KA, "k"}, {C_EM, "m"}, {C_EN, "n"}, {C_O, "o"}, {C_PE, "p"},
        {C_ER, "r"}, {C_ES, "s"}, {C_TE, "t"}, {C_U, "u"}, {C_SHORT_U, "u"}, {C_EF, "f"},
        {C_YERU, "y"}, {C_E, "e"}, {C_GE, "h"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (t[i].c == c)
            return t[i].l;
    return NULL;
}

/* The vowel of an iotated letter: я a, ю u, є е e, ё o, ї i. */
static const char *bare_vowel(int c)
{
    return c == C_YA ? "a" : c == C_YU ? "u" : c == C_YO ? "o" : c == C_YI ? "i" : "e";
}

/* The iotated letter c written with its glide g ("y", "i", "j") before
 * its vowel; ї with y or j, ie's i alone in the national system after a
 * consonant. */
static const char *glide(int c, const char *g, char buf[4])
{
    if (c == C_YI && strcmp(g, "i") == 0)
        return "i";
    buf[0] = g[0], buf[1] = '\0';
    strcat(buf, bare_vowel(c));
    return buf;
}

/* The spelling of cp[i] in system sys, by the letters around it; buf
 * holds a built spelling (4 bytes). */
static const char *uk_latin(int sys, const int *cp, int n, int i, char buf[4])
{
    int c = cp[i], prev = i > 0 ? cp[i - 1] : 0, next = i + 1 < n ? cp[i + 1] : 0;
    int start = prev == 0 || uk_vowel(prev) || prev == C_SOFT;
    /* л softened by what follows it: l, and the vowel after it bare. */
    int after = i + 2 < n ? cp[i + 2] : 0;
    int soft_l = next == C_UK_I || next == C_SOFT || uk_iotated(next) ||
                 (next == C_EL && (after == C_UK_I || after == C_SOFT || uk_iotated(after)));
    const char *p = plain(c);

    switch (sys) {
    case UK_NAT:
    case UK_PRESS:
        if (c == C_SHORT_I)
            return sys == UK_PRESS || i == 0 ? "y" : "i";
        if (uk_iotated(c))
            return glide(c, sys == UK_PRESS || i == 0 ? "y" : "i", buf);
        if (c == C_IE)
            return "e";
        if (c == C_VE)
            return "v";
        if (c == C_ZHE || c == C_HA || c == C_TSE || c == C_CHE || c == C_SHA)
            return c == C_ZHE ? "zh" : c == C_HA ? "kh" : c == C_TSE ? "ts" : c == C_CHE ? "ch" : "sh";
        if (c == C_SHCHA)
            return "shch";
        if (c == C_EL)
            return "l";
        if (c == C_SOFT)
            return "";
        return p;
    case UK_SCHOL:
        if (c == C_SHORT_I)
            return "j";
        if (uk_iotated(c))
            return glide(c, "j", buf);
        if (c == C_IE)
            return "e";
        if (c == C_VE)
            return "v";
        if (c == C_ZHE || c == C_SHA)
            return c == C_ZHE ? "z" : "s";
        if (c == C_HA || c == C_TSE || c == C_CHE || c == C_SHCHA)
            return c == C_HA ? "ch" : c == C_TSE ? "c" : c == C_CHE ? "c" : "sc";
        if (c == C_EL)
            return "l";
        if (c == C_SOFT)
            return "";
        return p;
    default: /* Polish and Łacinka */
        if (c == C_SHORT_I)
            return "j";
        if (c == C_EL)
            return soft_l ? "l" : "ł";
        if (c == C_SOFT)
            return "";
        if (uk_iotated(c) && prev == C_EL)
            return bare_vowel(c);
        if (uk_iotated(c))
            return glide(c, start ? "j" : "i", buf);
        /* Belarusian е is iotated; Ukrainian е is not. */
        if (c == C_IE && sys == UK_LAC)
            return glide(C_YE, prev == C_EL ? "" : start ? "j" : "i", buf);
        if (c == C_IE)
            return "e";
        if (c == C_VE)
            return sys == UK_PL ? "w" : "v";
        if (c == C_ZHE)
            return "z";
        if (c == C_HA)
            return "ch";
        if (c == C_TSE)
            return "c";
        if (c == C_CHE || c == C_SHA || c == C_SHCHA)
            return sys == UK_PL ? (c == C_CHE ? "cz" : c == C_SHA ? "sz" : "szcz")
                                : (c == C_CHE ? "c" : c == C_SHA ? "s" : "sc");
        return p;
    }
}

/* Adds the spelling of cp[0..n) in each system of the mask systems (bit
 * 1 << UK_NAT ...); for a form whose last ending is a Ukrainian
 * masculine one, the Polish instrumental -em too (Ołeksandrem: Polish
 * grammar on the Polish spelling). */
static int add_latin_in(struct variant_list *out, const int *cp, int n, int polish_em,
                        unsigned systems)
{
    char key[UK_MAX * 8 + 4], buf[4];
    int rc = 0;

    for (int sys = 0; sys < UK_N && rc == 0; sys++) {
        size_t kl = 0;
        if (!(systems & (1u << sys)))
            continue;
        for (int i = 0; i < n; i++) {
            const char *l = uk_latin(sys, cp, n, i, buf);
            if (l == NULL)
                return 0;
            memcpy(key + kl, l, strlen(l)), kl += strlen(l);
        }
        if (kl > 0)
            rc = list_add(out, key, kl, RULE_VARIANT, SUFFIX_NONE);
        if (rc == 0 && kl > 0 && polish_em && sys == UK_PL) {
            memcpy(key + kl, "em", 2);
            rc = list_add(out, key, kl + 2, RULE_VARIANT, SUFFIX_NONE);
        }
    }
    sodium_memzero(key, sizeof key);
    return rc;
}

/* Adds the spelling of cp[0..n) in every system (add_latin_in). */
static int add_latin(struct variant_list *out, const int *cp, int n, int polish_em)
{
    return add_latin_in(out, cp, n, polish_em, (1u << UK_N) - 1);
}

/* ---- The case forms ---- */

/* The endings by the last letter, from the Ukrainian and Belarusian noun
 * declensions (nominative first; the Ukrainian dative and locative -ові,
 * -єві, the vocative -е, -о, -ю, the Belarusian instrumental -ам, -ай,
 * -яй): one list for both languages, as a name of either is met in the
 * other's sentences.  A masculine in a consonant: Олександр, -а, -у,
 * -ові, -ом, -ам, -е, -і, and the soft stem's (Ігоря, Ігореві, Ігорем). */
static const char *const end_cons[] = { "", "а", "у", "ові", "ом", "ам", "е", "і", "я", "ю", "еві", "ем" };
/* -ь (Василь, Анатоль), -й (Олексій, Сяргей, Мікалай) on the stem. */
static const char *const end_soft[] = { "ь", "я", "ю", "еві", "ем", "і", "ём" };
static const char *const end_short_i[] = { "й", "я", "ю", "єві", "єм", "ї", "ем" };
/* -о (Петро, Павло, Дмитро, Михайло; Сашко). */
static const char *const end_o[] = { "о", "а", "ові", "у", "ом", "і", "е" };
/* -а (Микола, Олена, Катерина, Вольга, Кацярына; a diminutive's Russian
 * instrumental -ой too: Сашечкой). */
static const char *const end_a[] = { "а", "и", "ы", "і", "е", "у", "ою", "ой", "ай", "о" };
/* -я (Наталія, Наталя, Наталля; Натуся's Russian -ей, -и too). */
static const char *const end_ya[] = { "я", "ї", "і", "и", "ю", "єю", "ею", "ей", "є", "е", "яй" };

/* Reads key[0..len) (bytes) into cp; the count, or 0 for a letter that
 * is none of the two alphabets or a word longer than UK_MAX. */
static int uk_read(int *cp, const char *key, size_t len)
{
    int n = 0, k;

    for (size_t at = 0; at < len; at += (size_t)k) {
        if (n >= UK_MAX || (k = utf8_next(&cp[n], key + at, len - at)) <= 0 || !uk_letter(cp[n]))
            return 0;
        n++;
    }
    return n;
}

/* ---- The forms that are words ----
 * data/nicknames/slavic_words.txt: the forms these rules make from the
 * lists that hunspell-ru or hunspell-uk know as ordinary words (Люди of
 * Люда, Санки of Саня, Тому of Том, Сарай of Сара), sorted once. */
static pthread_once_t words_once = PTHREAD_ONCE_INIT;
static struct { const char **w; size_t *len; size_t n; } words;
/* The list's last section, from its line LOWER_SECTION on: words only
 * in lower case (slavic_lower_word), sorted once too. */
#define LOWER_SECTION "# Lower case"
static struct { const char **w; size_t n; } lower;

static int word_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void build_words(void)
{
    static char *copy;
    size_t n = 0;
    char *p, *save = NULL;
    int low = 0;

    if ((copy = strdup((const char *)nicknames_slavic_words)) == NULL)
        return;
    for (p = copy; *p != '\0'; p++)
        n += *p == '\n';
    if ((words.w = calloc(n + 1, sizeof *words.w)) == NULL ||
        (lower.w = calloc(n + 1, sizeof *lower.w)) == NULL)
        return;
    for (p = strtok_r(copy, "\n", &save); p != NULL; p = strtok_r(NULL, "\n", &save)) {
        low |= strncmp(p, LOWER_SECTION, strlen(LOWER_SECTION)) == 0;
        if (*p == '#')
            continue;
        if (low)
            lower.w[lower.n++] = p;
        else
            words.w[words.n++] = p;
    }
    qsort(words.w, words.n, sizeof *words.w, word_cmp);
    qsort(lower.w, lower.n, sizeof *lower.w, word_cmp);
}

/* 1 if key[0..len) is listed as a word. */
static int is_word(const char *key, size_t len)
{
    char k[UK_MAX * 4 + 1];
    const char *kp = k;

    (void)pthread_once(&words_once, build_words);
    if (words.w == NULL || len >= sizeof k)
        return 0;
    memcpy(k, key, len), k[len] = '\0';
    return bsearch(&kp, words.w, words.n, sizeof *words.w, word_cmp) != NULL;
}

int slavic_word(const char *key, size_t len)
{
    return is_word(key, len);
}

int slavic_lower_word(const char *key, size_t len)
{
    char k[UK_MAX * 4 + 1];
    const char *kp = k;

    if (is_word(key, len))
        return 1;
    if (lower.w == NULL || len >= sizeof k)
        return 0;
    memcpy(k, key, len), k[len] = '\0';
    return bsearch(&kp, lower.w, lower.n, sizeof *lower.w, word_cmp) != NULL;
}

/* Adds the Cyrillic word w[0..len) (bytes) as the key view reads it in a
 * text: і and ї as и, and a word of Latin look-alikes only with і
 * (Меггі) as the Latin it looks like (merri: normalise_key.c).  A form
 * that is an ordinary word is a review flag only where the context marks
 * a name. */
static int add_keyed(struct variant_list *out, const char *w, size_t len)
{
    struct normtext t;
    struct err e;
    unsigned char context = out->context;
    int rc = 0;

    if (normalise(&t, w, len, &e) != 0)
        return -1;
    if (t.keylen > 0) {
        out->context = (unsigned char)(context || (!out->own && is_word(t.key, t.keylen)));
        rc = list_add(out, t.key, t.keylen, RULE_VARIANT, SUFFIX_NONE);
        out->context = context;
    }
    normtext_free(&t);
    return rc;
}

/* Adds stem cp[0..ns) + end in Cyrillic, and with latin in Latin. */
static int add_case(struct variant_list *out, const int *stem, int ns, const char *end, int latin,
                    int polish_em)
{
    int cp[UK_MAX + 8], n = ns, k;
    char key[(UK_MAX + 8) * 2 + 1];
    size_t kl = 0, el = strlen(end), at;
    int rc;

    memcpy(cp, stem, (size_t)ns * sizeof *cp);
    for (at = 0; at < el && n < (int)(sizeof cp / sizeof cp[0]); at += (size_t)k)
        if ((k = utf8_next(&cp[n++], end + at, el - at)) <= 0)
            return 0;
    for (k = 0; k < n; k++)
        kl += (size_t)utf8proc_encode_char(cp[k], (utf8proc_uint8_t *)key + kl);
    rc = add_keyed(out, key, kl);
    if (rc == 0 && latin)
        rc = add_latin(out, cp, n, polish_em);
    sodium_memzero(key, sizeof key);
    sodium_memzero(cp, sizeof cp);
    return rc;
}

int uk_surname_form(struct variant_list *out, const int *stem, int n, const char *end)
{
    if (n < 1 || n > UK_MAX)
        return 0;
    return add_case(out, stem, n, end, 1, 0);
}

/* ---- Possessive adjectives (brief s24 slav24, s25 slav25; issue 12) ----
 * Russian and Ukrainian make a possessive adjective of a given name:
 * from a name in -а, -я (and a foreign one in -и) with -ин (Саша:
 * Сашин, Сашина, Сашиного, Сашиній; Натуся: Натусин; Мэгги: Мэггин),
 * from one in -о or a consonant Ukrainian writes -ів, -ова (Сашко:
 * Сашків, Сашкова, Сашкового; Петро: Петрів), from one in -ь -ів, -ев-
 * (Лесь: Лесів, Лесева, Лесевого; Belarusian Алесь: Алесеў, Алесевага).
 * The endings are the adjective's in every gender, number and case of
 * both languages and Belarusian's, from their grammars (Russian first,
 * then the Ukrainian and Belarusian ones the key view does not already
 * write alike: і is read и). */
static const char *const poss_in[] = {
    "ин", "ина", "ину", "иной", "иною", "ино", "иного", "иному", "ином", "ины", "иных",
    "иным", "иными", "ине", "ині", "иній", "иним", "иних", "иними",
};
static const char *const poss_ov[] = {
    "ів", "ова", "ову", "овой", "овою", "ово", "ового", "овому", "овом", "овы", "овых",
    "овым", "овыми", "ове", "ові", "овій", "овим", "ових", "овими", "ов",
    "оў", "овага", "оваму", "овай", "овую", "овымі",
};
/* A soft stem (Лесь, Олесь, Алесь; brief s25 slav25 ). */
static const char *const poss_ev[] = {
    "ів", "ева", "еве", "евого", "евому", "евім", "евої", "евій", "еву", "евою", "еві",
    "евих", "евим", "евими", "еў", "евага", "еваму", "евым", "евай", "евую", "евы",
    "евых", "евымі",
};
/* The endings whose Latin spellings are made too (Sashyn, Sashyna,
 * Sashynoho, Olesiv, Lesevoho; brief s25 slav25 A-14): the nominatives
 * and the cases a Latin text meets most, to keep a name's variant list
 * under its cap (VARIANTS_MAX). */
static int poss_latin(const char *end)
{
    static const char *const t[] = {
        "ин", "ина", "ину", "ине", "ины", "иного",
        "ів", "ова", "ову", "ове", "ового", "ева", "еву", "евого",
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcmp(t[i], end) == 0)
            return 1;
    return 0;
}

/* Adds the Latin spellings of a possessive stem cp[0..ns) + end: the
 * Ukrainian national and press systems (Sashyna, Olesiv), and the
 * Russian reading of и as i (Sashina, Natashin: the national system with
 * и read і).  Not the Polish one: Polish makes no such adjective of a
 * name, and "Nataszyn" stays (cyr21.jsonl's guard). */
static int poss_add_latin(struct variant_list *out, const int *stem, int ns, const char *end)
{
    int cp[UK_MAX + 8], n = ns, k, rc;
    size_t el = strlen(end), at;

    memcpy(cp, stem, (size_t)ns * sizeof *cp);
    for (at = 0; at < el && n < (int)(sizeof cp / sizeof cp[0]); at += (size_t)k)
        if ((k = utf8_next(&cp[n++], end + at, el - at)) <= 0)
            return 0;
    rc = add_latin_in(out, cp, n, 0, 1u << UK_NAT | 1u << UK_PRESS);
    for (k = 0; k < n; k++)
        if (cp[k] == C_I)
            cp[k] = C_UK_I;
    if (rc == 0)
        rc = add_latin_in(out, cp, n, 0, 1u << UK_NAT);
    sodium_memzero(cp, sizeof cp);
    return rc;
}

int slavic_possessives(struct variant_list *out, const int *cp, int n, int full)
{
    unsigned char context = out->context;
    int last, rc = 0, ns;
    const char *const *end;
    size_t ne;

    if (n < 3 || n > UK_MAX)
        return 0;
    last = cp[n - 1];
    if (last == C_A || last == C_YA || last == C_I || last == C_UK_I)
        end = poss_in, ne = sizeof poss_in / sizeof poss_in[0], ns = n - 1;
    else if (last == C_O && !uk_vowel(cp[n - 2]))
        end = poss_ov, ne = sizeof poss_ov / sizeof poss_ov[0], ns = n - 1;
    else if (last == C_SOFT && !uk_vowel(cp[n - 2]))
        end = poss_ev, ne = sizeof poss_ev / sizeof poss_ev[0], ns = n - 1;
    else if (!uk_vowel(last) && last != C_SOFT && last != C_SHORT_I && last != C_SHORT_U)
        end = poss_ov, ne = sizeof poss_ov / sizeof poss_ov[0], ns = n;
    else
        return 0;
    /* After a vowel -ин is -їн (Марія: Маріїн): not made; the stem must
     * end in a consonant or ь. */
    if (uk_vowel(cp[ns - 1]))
        return 0;
    /* A full name's -ов, -ев forms are the Russian surname made of it
     * (Петров, Іванова, Олександрова, Васильев): another family as often
     * as this person's, a review flag only where the context marks a
     * name. */
    for (size_t i = 0; i < ne && rc == 0; i++) {
        out->context = (unsigned char)(context || (full && end != poss_in && i > 0));
        rc = add_case(out, cp, ns, end[i], 0, 0);
        /* no Latin spelling of a stem in ь: Latin drops the soft sign, and
         * Марьина, Дарьина would be Marina, Darina, other women's names
         * (pseudonym-36.bats: "Marina Bell" for Мария Ли) */
        if (rc == 0 && poss_latin(end[i]) && cp[ns - 1] != C_SOFT)
            rc = poss_add_latin(out, cp, ns, end[i]);
    }
    out->context = context;
    if (rc == 0 && end == poss_in && last == C_A)
        rc = uk_alternated_possessives(out, cp, n);
    return rc;
}

/* The consonant Ukrainian writes for the last one of a stem before the
 * possessive -ин: к ч, г ж, х ш (Наталка: Наталчин; Ольга: Ольжин;
 * Солоха: Солошин; Ukrainian grammar, the first palatalisation), or 0. */
static int alternated(int c)
{
    return c == C_KA ? C_CHE : c == C_GE ? C_ZHE : c == C_HA ? C_SHA : 0;
}

int uk_alternated_possessives(struct variant_list *out, const int *cp, int n)
{
    int ch[UK_MAX], ns = n - 1, rc = 0;

    /* Ukrainian changes the stem's last consonant before -ин (brief s25
     * slav25: Наталчина; brief s40 uk40, report-adv39 L-9, L-25:
     * Ольжин, Ольжина), as Russian does not (Наталкин, Ольгин). */
    if (n < 4 || n > UK_MAX || cp[n - 1] != C_A || alternated(cp[ns - 1]) == 0)
        return 0;
    memcpy(ch, cp, (size_t)ns * sizeof *ch);
    ch[ns - 1] = alternated(cp[ns - 1]);
    for (size_t i = 0; i < sizeof poss_in / sizeof poss_in[0] && rc == 0; i++) {
        rc = add_case(out, ch, ns, poss_in[i], 0, 0);
        if (rc == 0 && poss_latin(poss_in[i]))
            rc = poss_add_latin(out, ch, ns, poss_in[i]);
    }
    sodium_memzero(ch, sizeof ch);
    return rc;
}

/* uk_name_forms with full: 1 for a name (its -ов possessives are a
 * surname's shape), 0 for a short form or diminutive. */
static int name_forms(struct variant_list *out, const char *key, size_t len, int latin, int full,
                      int poss);

int uk_name_forms(struct variant_list *out, const char *key, size_t len, int latin)
{
    return name_forms(out, key, len, latin, latin, 1);
}

int uk_name_cases(struct variant_list *out, const char *key, size_t len)
{
    return name_forms(out, key, len, 0, 0, 0);
}

int uk_patronymic_forms(struct variant_list *out, const char *key, size_t len)
{
    /* The nominatives: -ич (masculine), -на (feminine -івна, -овна, -ична). */
    if (patronymic_suffix_at(key, len) == 0 ||
        !(len > 4 && (memcmp(key + len - 4, "\xd0\xb8\xd1\x87", 4) == 0 ||     /* ич */
                      memcmp(key + len - 4, "\xd0\xbd\xd0\xb0", 4) == 0)))    /* на */
        return 0;
    return name_forms(out, key, len, 1, 0, 0);
}

/* With poss 0, no possessive adjectives (uk_name_cases). */
static int name_forms(struct variant_list *out, const char *key, size_t len, int latin, int full,
                      int poss)
{
    int cp[UK_MAX + 4], n, ns, rc = 0, last;
    const char *const *end;
    size_t ne;

    if ((n = uk_read(cp, key, len)) < 3)
        return 0;
    last = cp[n - 1], ns = n - 1;
    if (last == C_SOFT)
        end = end_soft, ne = sizeof end_soft / sizeof end_soft[0];
    else if (last == C_SHORT_I)
        end = end_short_i, ne = sizeof end_short_i / sizeof end_short_i[0];
    else if (last == C_O)
        end = end_o, ne = sizeof end_o / sizeof end_o[0];
    else if (last == C_A)
        end = end_a, ne = sizeof end_a / sizeof end_a[0];
    else if (last == C_YA)
        end = end_ya, ne = sizeof end_ya / sizeof end_ya[0];
    else if (!uk_vowel(last))
        end = end_cons, ne = sizeof end_cons / sizeof end_cons[0], ns = n;
    else if ((rc = add_case(out, cp, n, "", latin, 0)) != 0)
        return rc;
    else
        return poss ? slavic_possessives(out, cp, n, full) : 0;
    for (size_t i = 0; i < ne && rc == 0; i++)
        rc = add_case(out, cp, ns, end[i], latin, i == 0 && end == end_cons);
    /* -а after ж ш щ ч ц: the instrumental is -ей in Russian, -ею in
     * Ukrainian (Надюшей, Надюшею; Russian and Ukrainian grammar), as
     * decline() writes Сашей for a name's own cases. */
    if (rc == 0 && end == end_a && ns >= 2 &&
        (cp[ns - 1] == C_ZHE || cp[ns - 1] == C_SHA || cp[ns - 1] == C_SHCHA ||
         cp[ns - 1] == C_CHE || cp[ns - 1] == C_TSE))
        for (size_t i = 0; i < 2 && rc == 0; i++)
            rc = add_case(out, cp, ns, i == 0 ? "ей" : "ею", latin, 0);
    /* -ка, -га, -ха: the Ukrainian dative and locative change the stem's
     * last letter before -і (к: ц, г: з, х: с; Оксанка: Оксанці, Ольга:
     * Ользі; brief s32 dim32: Дашуньці, Сашечці), by Ukrainian grammar. */
    if (rc == 0 && end == end_a && ns >= 2 &&
        (cp[ns - 1] == C_KA || cp[ns - 1] == C_GE || cp[ns - 1] == C_HA)) {
        int last_cp = cp[ns - 1];
        cp[ns - 1] = last_cp == C_KA ? C_TSE : last_cp == C_GE ? C_ZE : C_ES;
        rc = add_case(out, cp, ns, "і", latin, 0);
        cp[ns - 1] = last_cp;
    }
    /* -ня, -ся, -ля: the Ukrainian vocative -ньо, -сьо, -льо beside
     * -ню (Віруньо, Марусьо; Ukrainian grammar, brief s34 uk34). */
    if (rc == 0 && end == end_ya && ns >= 3 &&
        (cp[ns - 1] == C_EN || cp[ns - 1] == C_ES || cp[ns - 1] == C_EL))
        rc = add_case(out, cp, ns, "ьо", 0, 0);
    /* -нія, -лія, -сія: the same vocative on the stem without -і, as the
     * name's spoken form in -ня, -ля, -ся has it (Євгенія: Євгеньо;
     * Наталія: Натальо; report-adv34 L-0b), beside the written -іє. */
    else if (rc == 0 && end == end_ya && ns >= 4 && cp[ns - 1] == C_UK_I &&
             (cp[ns - 2] == C_EN || cp[ns - 2] == C_ES || cp[ns - 2] == C_EL))
        rc = add_case(out, cp, ns - 1, "ьо", 0, 0);
    if (rc == 0 && poss)
        rc = slavic_possessives(out, cp, n, full);
    sodium_memzero(cp, sizeof cp);
    return rc;
}

/* ---- The Ukrainian diminutives of an equivalent (brief s34 uk34) ----
 * Ukrainian makes a given name's tender forms with suffixes of its own
 * (report-adv33 L-7, L-8, L-35, L-37): -ійка, -ієчка, -ійочка on a name
 * in -ія (Надія: Надійка, Надієчка; Марія: Марійочка), and -ця, -уся,
 * -усенька, -усечка, -уня, -очка, -юська on its stem without -ія (Дарія:
 * Дарця, Даруся, Дарусенька, Дарусечка; Наталія: Наталочка; Надія:
 * Надюська), and -очка, -уня, -уся, -усенька, -усечка on a name in a
 * consonant and -а (Віра: Вірочка, Віруня).  Written by us from
 * Ukrainian word-formation (the Russian suffixes are variants_ru.c's;
 * these are the Ukrainian part of the generator).  Each is declined by
 * uk_name_cases (Надійкою, Вірочко, Дарцю).  Lower case counts for the
 * forms of a stem of three letters or more (і надійка, і дарця), but a
 * form that is a word keeps the capital (add_keyed marks it). */
struct uk_dim {
    const char *suf;
    unsigned char on; /* UK_ON_IA_I, UK_ON_IA, UK_ON_A */
};
enum { UK_ON_IA_I = 1, UK_ON_IA = 2, UK_ON_A = 4 };
static const struct uk_dim uk_dims[] = {
    { "йка", UK_ON_IA_I },   { "єчка", UK_ON_IA_I }, { "йочка", UK_ON_IA_I },
    { "ця", UK_ON_IA },      { "уся", UK_ON_IA | UK_ON_A },
    { "усенька", UK_ON_IA | UK_ON_A }, { "усечка", UK_ON_IA | UK_ON_A },
    { "уня", UK_ON_IA | UK_ON_A },     { "очка", UK_ON_IA | UK_ON_A },
    { "юська", UK_ON_IA },
};

/* Adds cp[0..n) + suf in every Ukrainian case (uk_name_cases). */
static int uk_dim_add(struct variant_list *out, const int *cp, int n, const char *suf)
{
    char key[(UK_MAX + 8) * 4 + 1];
    size_t kl = 0, sl = strlen(suf);
    int rc, lat[UK_MAX], m;

    for (int k = 0; k < n; k++)
        kl += (size_t)utf8proc_encode_char(cp[k], (utf8proc_uint8_t *)key + kl);
    if (kl + sl >= sizeof key)
        return 0;
    memcpy(key + kl, suf, sl), kl += sl;
    rc = name_forms(out, key, kl, 0, 0, 0);
    /* Its nominative in Latin too (Nadiyka, Nadiika, Darusia: report-adv34
     * L-15), as the name's own (add_latin's systems); not its cases, which
     * a Latin text rarely declines. */
    if (rc == 0 && (m = uk_read(lat, key, kl)) > 0)
        rc = add_latin(out, lat, m, 0);
    sodium_memzero(lat, sizeof lat);
    sodium_memzero(key, sizeof key);
    return rc;
}

/* Adds the Ukrainian diminutives of uk_dims of the Ukrainian given name
 * f[0..fl) (bytes, lower case, as slavic.txt lists it).  0, or -1. */
static int uk_diminutives(struct variant_list *out, const char *f, size_t fl)
{
    unsigned char capital = out->capital;
    int cp[UK_MAX + 4], n, ns, rc = 0;
    unsigned on;

    if ((n = uk_read(cp, f, fl)) < 4)
        return 0;
    if (cp[n - 1] == C_YA && cp[n - 2] == C_UK_I)
        on = UK_ON_IA, ns = n - 2;
    else if (cp[n - 1] == C_A && !uk_vowel(cp[n - 2]) && cp[n - 2] != C_SOFT && n <= 6)
        on = UK_ON_A, ns = n - 1;
    else
        return 0;
    if (ns < 3)
        return 0;
    out->capital = 0;
    for (size_t i = 0; i < sizeof uk_dims / sizeof uk_dims[0] && rc == 0; i++) {
        size_t first = out->n;
        if (uk_dims[i].on & UK_ON_IA_I && on == UK_ON_IA)
            rc = uk_dim_add(out, cp, ns + 1, uk_dims[i].suf);
        else if (uk_dims[i].on & on)
            rc = uk_dim_add(out, cp, ns, uk_dims[i].suf);
        for (size_t j = first; j < out->n; j++)
            if (out->v[j].context)
                out->v[j].capital = capital;
    }
    out->capital = capital;
    sodium_memzero(cp, sizeof cp);
    return rc;
}

int uk_ik_diminutives(struct variant_list *out, const char *key, size_t len)
{
    static const int no_last[] = { C_KA, C_GE, C_HA, C_GHE, C_ZHE, C_CHE, C_SHA, C_SHCHA, C_TSE,
                                   C_SOFT, C_SHORT_I, C_SHORT_U };
    char w[(UK_MAX + 4) * 2];
    int cp[UK_MAX + 4], n, rc;
    size_t wl = 0;

    if ((n = uk_read(cp, key, len)) < 5 || n > UK_MAX - 2 || uk_vowel(cp[n - 1]))
        return 0;
    for (size_t i = 0; i < sizeof no_last / sizeof no_last[0]; i++)
        if (cp[n - 1] == no_last[i])
            return 0;
    /* not a surname's suffix (Петров, Васильєв, Путін, Іванович) */
    if ((cp[n - 1] == C_VE && (cp[n - 2] == C_O || cp[n - 2] == C_IE || cp[n - 2] == C_YE)) ||
        (cp[n - 1] == C_EN && (cp[n - 2] == C_I || cp[n - 2] == C_UK_I || cp[n - 2] == C_YI)))
        return 0;
    for (int k = 0; k < n; k++)
        wl += (size_t)utf8proc_encode_char(cp[k], (utf8proc_uint8_t *)w + wl);
    memcpy(w + wl, "\xd0\xb8\xd0\xba", 4), wl += 4; /* ик */
    rc = name_forms(out, w, wl, 0, 0, 1);
    sodium_memzero(w, sizeof w);
    sodium_memzero(cp, sizeof cp);
    return rc;
}

/* The Ukrainian spelling of a Russian given name whose soft sign stands
 * after a labial or р before an iotated vowel: Ukrainian writes the
 * apostrophe there, and є, ї for е, и (Дарья: Дар'я, Дар'ю; Марьяна:
 * Мар'яна; Демьян: Дем'ян; Софья: Соф'я; Ukrainian orthography, the
 * apostrophe's rule).  Every apostrophe form (' ’ ʼ ʻ `) is one letter in
 * the norm view and none in the key view (normalise.h), so the spelling
 * is kept without it (дар'я: даря).  Rewrites cp[0..n) in place; the new
 * count, or 0 (cp unchanged) for a name with no such soft sign. */
static int apostrophe_at(int prev, int c, int next)
{
    return c == C_SOFT &&
           (prev == C_BE || prev == C_PE || prev == C_VE || prev == C_EM || prev == C_EF ||
            prev == C_ER) &&
           (next == C_YA || next == C_YU || next == C_IE || next == C_I);
}

static int uk_apostrophe_spelling(int *cp, int n)
{
    int m = 0, found = 0;

    for (int i = 1; i + 1 < n; i++)
        found |= apostrophe_at(cp[i - 1], cp[i], cp[i + 1]);
    if (!found)
        return 0;
    for (int i = 0; i < n; i++) {
        int prev = m > 0 ? cp[m - 1] : 0, next = i + 1 < n ? cp[i + 1] : 0;
        if (apostrophe_at(prev, cp[i], next)) {
            if (next == C_IE || next == C_I)
                cp[i + 1] = next == C_IE ? C_YE : C_YI;
            continue;
        }
        cp[m++] = cp[i];
    }
    return m;
}

/* The apostrophe spelling (uk_apostrophe_spelling) of the Russian given
 * name key[0..len) (bytes, lower case) into w (UTF-8, wl bytes, no
 * NUL); 0, or -1 for a name that has none or does not fit. */
static int uk_apostrophe_word(char *w, size_t wsize, size_t *wl, const char *key, size_t len)
{
    int cp[UK_MAX], n, m;

    *wl = 0;
    if ((n = uk_read(cp, key, len)) < 4 || (m = uk_apostrophe_spelling(cp, n)) == 0 ||
        (size_t)m * 2 > wsize) {
        sodium_memzero(cp, sizeof cp);
        return -1;
    }
    for (int k = 0; k < m; k++)
        *wl += (size_t)utf8proc_encode_char(cp[k], (utf8proc_uint8_t *)w + *wl);
    sodium_memzero(cp, sizeof cp);
    return 0;
}

/* Adds the case forms of the apostrophe spelling of the Russian given
 * name key[0..len): declined without the apostrophe (uk_name_cases:
 * дар'я keyed даря, дарю, дарєю), and a case form that is a word when
 * the apostrophe is left out (дарю, дари: slavic_words.txt) is a review
 * flag only where the context marks a name (add_keyed).  Nothing for
 * another name.  0, or -1 when out of memory. */
static int uk_apostrophe_forms(struct variant_list *out, const char *key, size_t len)
{
    char w[UK_MAX * 2 + 1];
    size_t wl;
    int rc;

    if (uk_apostrophe_word(w, sizeof w, &wl, key, len) != 0)
        return 0;
    rc = name_forms(out, w, wl, 0, 0, 0);
    sodium_memzero(w, sizeof w);
    return rc;
}

/* ---- The equivalents ---- */

#define REL_UK ",in_ukrainian,"
#define REL_BY ",in_belarusian,"
/* The hand-written Ukrainian short forms (brief s24 slav24: Олесь, Лесик,
 * Саньок of Александр); their index in rels below. */
#define REL_SHORT ",has_ukrainian_short,"
/* The hand-written Belarusian short forms (brief s25 slav25: Алесь of
 * Александр); index 3, treated as the Ukrainian ones. */
#define REL_BY_SHORT ",has_belarusian_short,"
enum { REL_SHORT_AT = 2, REL_BY_SHORT_AT = 3 };

/* 1 if row i of the index is a hand-written short form. */
#define IS_SHORT(i) (idx.v[i].rel == REL_SHORT_AT || idx.v[i].rel == REL_BY_SHORT_AT)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct namelist idx;
/* Each line's form as the key view reads it (Сергій: сергий), for the
 * way back from a Ukrainian or Belarusian name; malloc'd once, never
 * freed (public data). */
static struct { char *k; size_t len; } *fkey;
/* Each line's Russian name in its Ukrainian apostrophe spelling as the
 * key view reads it (Дарья: Дар'я, даря; uk_apostrophe_word), k NULL for
 * a name with none: the way back from a registered Дар'я, Дар’я, Дарʼя,
 * which no line lists (report-adv36 L-1); malloc'd once, never freed. */
static struct { char *k; size_t len; } *akey;

/* The key view of w[0..wl) into a malloc'd *k, *len; nothing on failure. */
static void keep_key(char **k, size_t *len, const char *w, size_t wl)
{
    struct normtext t;
    struct err e;

    if (normalise(&t, w, wl, &e) != 0)
        return;
    if ((*k = malloc(t.keylen ? t.keylen : 1)) != NULL)
        memcpy(*k, t.key, t.keylen), *len = t.keylen;
    normtext_free(&t);
}

static void build_index(void)
{
    static const unsigned char *const lists[] = { nicknames_slavic };
    static const char *const rels[] = { REL_UK, REL_BY, REL_SHORT, REL_BY_SHORT };
    char w[UK_MAX * 2];
    size_t wl;

    if (namelist_build(&idx, lists, 1, rels, 4) != 0 ||
        (fkey = calloc(idx.n ? idx.n : 1, sizeof *fkey)) == NULL ||
        (akey = calloc(idx.n ? idx.n : 1, sizeof *akey)) == NULL)
        return;
    for (size_t i = 0; i < idx.n; i++) {
        keep_key(&fkey[i].k, &fkey[i].len, idx.v[i].form, idx.v[i].formlen);
        if (uk_apostrophe_word(w, sizeof w, &wl, idx.v[i].name, idx.v[i].namelen) == 0)
            keep_key(&akey[i].k, &akey[i].len, w, wl);
    }
}

/* 1 if row i of the index stands for key[0..len) on the way back: its
 * listed Ukrainian or Belarusian form (fkey), or, on the first row of
 * its Russian name, that name's apostrophe spelling (akey). */
static int row_is(size_t i, const char *key, size_t len, int *apostrophe)
{
    *apostrophe = 0;
    if (IS_SHORT(i))
        return 0;
    if (fkey[i].k != NULL && fkey[i].len == len && memcmp(fkey[i].k, key, len) == 0)
        return 1;
    if (akey[i].k == NULL || akey[i].len != len || memcmp(akey[i].k, key, len) != 0 ||
        (i > 0 && idx.v[i - 1].namelen == idx.v[i].namelen &&
         memcmp(idx.v[i - 1].name, idx.v[i].name, idx.v[i].namelen) == 0 && akey[i - 1].k != NULL))
        return 0;
    return *apostrophe = 1;
}

int slavic_russian_each(const char *key, size_t len,
                        int (*fn)(void *ctx, const char *name, size_t namelen), void *ctx)
{
    int rc = 0;

    int apostrophe;

    (void)pthread_once(&once, build_index);
    if (idx.v == NULL || fkey == NULL || akey == NULL)
        return -1;
    for (size_t i = 0; i < idx.n && rc == 0; i++)
        if (row_is(i, key, len, &apostrophe))
            rc = fn(ctx, idx.v[i].name, idx.v[i].namelen);
    return rc;
}

/* The rows of slavic.txt's index for key[0..len) into [*first, *first +
 * *n): 0 (none for a key under two bytes), or -1 when the index could not
 * be built. */
static int rows_of(const char *key, size_t len, size_t *first, size_t *n)
{
    *first = 0, *n = 0;
    if (len < 2)
        return 0;
    (void)pthread_once(&once, build_index);
    if (idx.v == NULL)
        return -1;
    namelist_find(&idx, key, len, first, n);
    return 0;
}

/* Adds the Cyrillic case forms of the Ukrainian name or short form
 * f[0..fl) (bytes, lower case, as slavic.txt lists it) with no capital
 * mark: a Ukrainian writes a name in lower case in a hurried message
 * (вчора олександр був, наталка сказала: report-adv33 L-35; brief s34
 * uk34) as a Russian does (variants_ru.c's lower-case rule).  Not a form
 * that is a word (add_keyed's mark, slavic_lower_word: тала, тали);
 * those keep the capital they were added with.  0, or -1. */
static int uk_lower_cases(struct variant_list *out, const char *f, size_t fl)
{
    struct variant_list tmp;
    unsigned char capital = out->capital;
    int rc;

    memset(&tmp, 0, sizeof tmp);
    rc = name_forms(&tmp, f, fl, 0, 0, 0);
    out->capital = 0;
    for (size_t i = 0; i < tmp.n && rc == 0; i++)
        if (!tmp.v[i].context && !slavic_lower_word(tmp.arena + tmp.v[i].off, tmp.v[i].keylen))
            rc = list_add(out, tmp.arena + tmp.v[i].off, tmp.v[i].keylen, RULE_VARIANT, SUFFIX_NONE);
    out->capital = capital;
    variant_list_free(&tmp);
    return rc;
}

int slavic_equivalents(struct variant_list *out, const char *key, size_t len)
{
    size_t first, n;
    int rc = 0, cp[UK_MAX], m;

    if (uk_apostrophe_forms(out, key, len) != 0 || rows_of(key, len, &first, &n) != 0)
        return -1;
    /* The Russian name Ukrainian writes alike (Ольга, Галина): its
     * Ukrainian possessives (Ольжин: uk_alternated_possessives). */
    if ((m = uk_read(cp, key, len)) > 0)
        rc = uk_alternated_possessives(out, cp, m);
    sodium_memzero(cp, sizeof cp);
    for (size_t i = first; i < first + n && rc == 0; i++) {
        const char *f = idx.v[i].form;
        size_t fl = idx.v[i].formlen;
        if (!IS_SHORT(i)) {
            rc = uk_name_forms(out, f, fl, 1);
            if (rc == 0 && idx.v[i].rel == 0)
                rc = uk_lower_cases(out, f, fl);
            if (rc == 0 && idx.v[i].rel == 0)
                rc = uk_diminutives(out, f, fl);
            continue;
        }
        /* A Ukrainian or Belarusian short form: its cases, Latin
         * spellings and possessives (Олесем, Ołes, Олесин, Олесикова: a
         * short form's -ов possessive is no surname's shape); its
         * diminutives come from nicknames.c (slavic_short_each). */
        rc = add_keyed(out, f, fl);
        if (rc == 0)
            rc = name_forms(out, f, fl, 1, 0, 1);
        if (rc == 0 && idx.v[i].rel == REL_SHORT_AT)
            rc = uk_lower_cases(out, f, fl);
    }
    return rc;
}

int slavic_own_cases(struct variant_list *out, const char *key, size_t len)
{
    unsigned char own = out->own;
    int rc = 0, apostrophe;

    (void)pthread_once(&once, build_index);
    if (idx.v == NULL || fkey == NULL || akey == NULL)
        return -1;
    out->own = 1;
    /* Not an apostrophe spelling's (Дар'я): its cases came with the
     * Russian name's equivalents (uk_apostrophe_forms), those that are
     * words (дари, gifts; дарю) marked so; the apostrophe in the text
     * tells the name (redact_context.c, uk_apostrophe_name). */
    for (size_t i = 0; i < idx.n && rc == 0; i++)
        if (row_is(i, key, len, &apostrophe) && !apostrophe)
            rc = uk_name_cases(out, idx.v[i].form, idx.v[i].formlen);
    out->own = own;
    return rc;
}

/* 1 if the key a[0..al) is b[0..bl) with one vowel letter before it
 * (Олеся, Леся; Олесь, Лесь): Ukrainian drops a name's first о- in its
 * short form (Ukrainian word-formation, brief s39 uk39). */
static int vowel_before(const char *a, size_t al, const char *b, size_t bl)
{
    int cp, k;

    return al > bl && (k = utf8_next(&cp, a, al)) > 0 && (size_t)k + bl == al && uk_vowel(cp) &&
           memcmp(a + k, b, bl) == 0;
}

int slavic_short_siblings(const char *key, size_t len,
                          int (*fn)(void *ctx, const char *form, size_t formlen), void *ctx)
{
    size_t first, n;
    int rc = 0;

    (void)pthread_once(&once, build_index);
    if (idx.v == NULL || fkey == NULL)
        return -1;
    for (size_t i = 0; i < idx.n && rc == 0; i++) {
        if (!IS_SHORT(i) || fkey[i].k == NULL || fkey[i].len != len || memcmp(fkey[i].k, key, len) != 0 ||
            rows_of(idx.v[i].name, idx.v[i].namelen, &first, &n) != 0)
            continue;
        for (size_t j = first; j < first + n && rc == 0; j++)
            if (j != i && IS_SHORT(j) && fkey[j].k != NULL &&
                (vowel_before(key, len, fkey[j].k, fkey[j].len) ||
                 vowel_before(fkey[j].k, fkey[j].len, key, len)))
                rc = fn(ctx, fkey[j].k, fkey[j].len);
    }
    return rc;
}

int slavic_short_each(const char *key, size_t len,
                      int (*fn)(void *ctx, const char *form, size_t formlen), void *ctx)
{
    size_t first, n;
    int rc = 0;

    if (rows_of(key, len, &first, &n) != 0)
        return -1;
    /* The key view (Іруся: ируся): the Russian rules read no і, ї, є,
     * so a form spelled with one had no diminutives (Ірусько: brief s39
     * uk39, report-adv38 L-18). */
    for (size_t i = first; i < first + n && rc == 0; i++)
        if (IS_SHORT(i))
            rc = fkey != NULL && fkey[i].k != NULL ? fn(ctx, fkey[i].k, fkey[i].len)
                                                   : fn(ctx, idx.v[i].form, idx.v[i].formlen);
    return rc;
}
