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
#include "privacy/variants_uk_int.h"

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
extern const unsigned char nicknames_slavic_words[];

/* ---- The letters ---- */

static int uk_letter(int c)
{
    return (c >= C_A && c <= C_YA && c != C_HARD) || c == C_YO || c == C_YE || c == C_UK_I ||
           c == C_YI || c == C_SHORT_U || c == C_GHE;
}

int uk_vowel(int c)
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
int uk_add_latin(struct variant_list *out, const int *cp, int n, int polish_em)
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
int uk_read(int *cp, const char *key, size_t len)
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
int uk_add_keyed(struct variant_list *out, const char *w, size_t len)
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
    rc = uk_add_keyed(out, key, kl);
    if (rc == 0 && latin)
        rc = uk_add_latin(out, cp, n, polish_em);
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
    unsigned char context = out->context, possessive = out->possessive;
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
    out->possessive = 1;
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
    out->possessive = possessive;
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
    unsigned char possessive = out->possessive;

    /* Ukrainian changes the stem's last consonant before -ин (brief s25
     * slav25: Наталчина; brief s40 uk40, report-adv39 L-9, L-25:
     * Ольжин, Ольжина), as Russian does not (Наталкин, Ольгин). */
    if (n < 4 || n > UK_MAX || cp[n - 1] != C_A || alternated(cp[ns - 1]) == 0)
        return 0;
    memcpy(ch, cp, (size_t)ns * sizeof *ch);
    ch[ns - 1] = alternated(cp[ns - 1]);
    out->possessive = 1;
    for (size_t i = 0; i < sizeof poss_in / sizeof poss_in[0] && rc == 0; i++) {
        rc = add_case(out, ch, ns, poss_in[i], 0, 0);
        if (rc == 0 && poss_latin(poss_in[i]))
            rc = poss_add_latin(out, ch, ns, poss_in[i]);
    }
    out->possessive = possessive;
    sodium_memzero(ch, sizeof ch);
    return rc;
}


int uk_name_forms(struct variant_list *out, const char *key, size_t len, int latin)
{
    return uk_forms(out, key, len, latin, latin, 1);
}

int uk_name_cases(struct variant_list *out, const char *key, size_t len)
{
    return uk_forms(out, key, len, 0, 0, 0);
}

int uk_patronymic_forms(struct variant_list *out, const char *key, size_t len)
{
    /* The nominatives: -ич (masculine), -на (feminine -івна, -овна, -ична). */
    if (patronymic_suffix_at(key, len) == 0 ||
        !(len > 4 && (memcmp(key + len - 4, "\xd0\xb8\xd1\x87", 4) == 0 ||     /* ич */
                      memcmp(key + len - 4, "\xd0\xbd\xd0\xb0", 4) == 0)))    /* на */
        return 0;
    return uk_forms(out, key, len, 1, 0, 0);
}

/* With poss 0, no possessive adjectives (uk_name_cases). */
int uk_forms(struct variant_list *out, const char *key, size_t len, int latin, int full,
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
