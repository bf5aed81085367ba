/* A pseudonym that translates a Mongolian or Arabic name (brief s52 mong52,
 * report-adv51: "Steel Hero" for Сүхбаатарын Болд, "Flower Mother" for
 * Доржийн Цэцэгмаа).  Mongolian given names are compounds of ordinary
 * words (Сүх "axe" + баатар "hero", Цэцэг "flower" + маа "mother"): a
 * pseudonym made of their English meanings names the person to anyone who
 * reads Mongolian.  The name's words are cut into the elements of the
 * table below, longest first; the pseudonym's words are compared with
 * their meanings.  Korean names translated (종수, 하늘 "sky") are not read
 * here: their hanja meanings are many per syllable (out of scope, brief
 * s52). */
#include "privacy/pseudonym_gloss.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* A name element: its spellings (Cyrillic folded as fold() makes it: й as
 * и, ё as е; Latin as the romanisations of variants_mn*.c write it) and
 * its English meanings.  Sources: the meanings given in Wikipedia,
 * "Mongolian name", section "Common names" (Gansükh steel-axe, Batsaikhan
 * strong-nice, Tömörbaatar iron-hero, Chuluunbold stone-steel,
 * Altantsetseg golden-flower, Narantuyaa sun-beam, Sarangerel moon-light,
 * Erdenetungalag jewel-clear, -maa Tibetan "mother", Mönkh eternal, Erdene
 * jewel) and A. J. K. Sanders and J. Bat-Ireedui, Colloquial Mongolian,
 * Routledge 1999, p. 247 (Bat strong, Bold steel, Chuluun stone, Sükh
 * axe, Oyuun wisdom).  The meanings of од "star", баяр "joy", сайхан
 * "beautiful", цагаан "white", хүү "son" and the synonyms after the first
 * meaning of each (firm, solid; blossom; gem, treasure) are the words'
 * ordinary dictionary senses, written by us; a native reviewer should
 * check them; so are энх "peace", жаргал "happiness", хуяг "armour"
 * (brief s53).  The Arabic elements (brief s53 pseud53, report-adv52 P-7,
 * P-15): ʿAbd- "servant of" from Wikipedia, "Arabic name"; the meanings
 * of the divine names (al-Raḥmān, al-Raḥīm, al-ʿAzīz, al-Karīm,
 * al-Majīd) from Wikipedia, "Names of God in Islam"; the ordinary words
 * (khālid eternal, saʿīd happy, ʿanz goat of ʿAnazī, maṭar rain of
 * Muṭayrī, fahd leopard, asad lion) Hans Wehr's dictionary senses as we
 * read them: a native reviewer should check.  An element with no gloss
 * is the article between elements (Abd al-Aziz), skipped. */
struct element {
    const char *spell[5];
    const char *gloss[5];
};

static const struct element elements[] = {
    { { "бат", "bat", 0 }, { "strong", "firm", "solid", "sturdy", 0 } },
    { { "болд", "bold", 0 }, { "steel", 0 } },
    { { "ган", "gan", 0 }, { "steel", 0 } },
    { { "баатар", "baatar", "bator", "baatr", 0 }, { "hero", "heroic", "warrior", 0 } },
    { { "сүх", "sukh", "suh", 0 }, { "axe", "ax", "hatchet", 0 } },
    { { "цэцэг", "tsetseg", "ceceg", "tsetsg", 0 }, { "flower", "blossom", "bloom", 0 } },
    { { "маа", "maa", 0 }, { "mother", "mom", "mum", "ma", 0 } },
    { { "алтан", "алт", "altan", "alt", 0 }, { "golden", "gold", 0 } },
    { { "гэрэл", "gerel", "gerl", 0 }, { "light", "bright", "ray", 0 } },
    { { "эрдэнэ", "erdene", "erdne", 0 }, { "jewel", "gem", "treasure", "precious", 0 } },
    { { "мөнх", "monkh", "munkh", "monh", 0 }, { "eternal", "eternity", "everlasting", "forever", 0 } },
    { { "наран", "нар", "naran", "nar", 0 }, { "sun", "sunny", "solar", 0 } },
    { { "саран", "сар", "saran", "sar", 0 }, { "moon", "lunar", 0 } },
    { { "од", "od", 0 }, { "star", "stars", 0 } },
    { { "чулуун", "chuluun", "chuluu", 0 }, { "stone", "rock", 0 } },
    { { "төмөр", "tomor", "tumur", "temur", 0 }, { "iron", 0 } },
    { { "туяа", "tuyaa", "tuya", 0 }, { "beam", "ray", "radiance", 0 } },
    { { "оюун", "oyuun", "oyun", 0 }, { "wisdom", "wise", "mind", 0 } },
    { { "баяр", "bayar", 0 }, { "joy", "joyful", "happy", "happiness", 0 } },
    { { "саихан", "saikhan", "saihan", 0 }, { "beautiful", "nice", "fine", 0 } },
    { { "энх", "enkh", "enh", 0 }, { "peace", "peaceful", "calm", 0 } },
    { { "жаргал", "jargal", "zhargal", 0 }, { "happiness", "happy", "joy", "bliss", "joyful" } },
    { { "хуяг", "khuyag", "khuyg", "huyag", 0 }, { "armor", "armour", "mail", 0 } },
    /* Arabic name elements (brief s53 pseud53, report-adv52 P-7, P-15) */
    { { "عبد", "abd", "3abd", "абд", 0 }, { "servant", "slave", "worshipper", "bondsman", 0 } },
    { { "الله", "allah", "ullah", "illah", "ellah" }, { "god", "allah", "lord", 0 } },
    { { "خالد", "khalid", "khaled", "xalid", "халид" }, { "eternal", "immortal", "everlasting", "undying", 0 } },
    { { "عنزي", "enezi", "anazi", "anizi", "enizi" }, { "goat", "goats", 0 } },
    { { "سعيد", "saeed", "said", "saed", "sa3eed" }, { "happy", "lucky", "fortunate", "blessed", 0 } },
    { { "كريم", "karim", "kareem", "карим", 0 }, { "generous", "noble", "kind", 0 } },
    { { "رحمن", "rahman", "rahmaan", "рахман", 0 }, { "merciful", "gracious", 0 } },
    { { "رحيم", "rahim", "raheem", "рахим", 0 }, { "compassionate", "merciful", 0 } },
    { { "عزيز", "aziz", "azeez", "азиз", 0 }, { "mighty", "dear", "beloved", "precious", 0 } },
    { { "محمد", "muhammad", "mohammed", "mohamed", "mohammad" }, { "praised", "praiseworthy", 0 } },
    { { "احمد", "ahmad", "ahmed", "ахмед", 0 }, { "praised", "praiseworthy", 0 } },
    { { "محمود", "mahmoud", "mahmud", "махмуд", 0 }, { "praised", "praiseworthy", 0 } },
    { { "جميل", "jamil", "jameel", "djamil", 0 }, { "beautiful", "handsome", "pretty", 0 } },
    { { "حسن", "hassan", "hasan", "хасан", 0 }, { "good", "handsome", "fine", 0 } },
    { { "ناصر", "nasser", "nasir", "naser", "насер" }, { "helper", "victor", "supporter", 0 } },
    { { "منصور", "mansour", "mansur", "мансур", 0 }, { "victorious", "victor", "triumphant", 0 } },
    { { "امير", "amir", "ameer", "амир", 0 }, { "prince", "commander", "emir", 0 } },
    { { "نور", "noor", "nour", "nur", 0 }, { "light", "radiance", 0 } },
    { { "سالم", "salem", "salim", "салем", 0 }, { "safe", "sound", "unharmed", 0 } },
    { { "راشد", "rashid", "rashed", "рашид", 0 }, { "guided", "wise", "mature", 0 } },
    { { "ماجد", "majid", "majed", "маджид", 0 }, { "glorious", "noble", 0 } },
    { { "حبيب", "habib", "habeeb", "хабиб", 0 }, { "beloved", "darling", "dear", 0 } },
    { { "فهد", "fahd", "fahad", "фахд", 0 }, { "leopard", "panther", "lynx", 0 } },
    { { "اسد", "asad", "assad", "асад", 0 }, { "lion", 0 } },
    { { "مطر", "matar", "مطيري", "mutairi", "mutayri" }, { "rain", "rainy", 0 } },
    /* the article between a name's elements, and its sun-letter forms
     * (Abd al-Rahman, Abdulaziz, Abdurrahman): no meaning, skipped */
    { { "ال", "al", "el", "ul", 0 }, { 0 } },
    { { "ar", "ur", "ad", "ud", "as" }, { 0 } },
    { { "аль", "ал", "эль", "уль", 0 }, { 0 } },
};

#define N_ELEMENTS (sizeof elements / sizeof elements[0])
#define MAX_PARTS 16

/* The endings a name word may keep after its last element: the genitive
 * of a father's name (Сүхбаатарын, Доржийн folded Доржиин, Sukhbaatariin,
 * Baasangiin); Khalkha grammar, written by us. */
static const char *const endings[] = {
    "ын", "иин", "гиин", "ы", "ии", "н", "yn", "iin", "giin", "ii", "in", "n",
};

/* s[0..n) case-folded, marks stripped (й as и, ö as o): a NUL-ended copy
 * to free with wipe_free, or NULL with *len 0. */
static char *fold(const char *s, size_t n, size_t *len)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK |
                                          UTF8PROC_CASEFOLD);

    *len = k > 0 ? (size_t)k : 0;
    if (k < 0) {
        free(out);
        return NULL;
    }
    return (char *)out;
}

static void wipe_free(char *s, size_t n)
{
    if (s != NULL)
        sodium_memzero(s, n);
    free(s);
}

static int is_sep(char c)
{
    return c == ' ' || c == '-' || c == '\t' || c == ',' || c == '.' || c == '\'';
}

/* The longest element spelt at w[0..n): its index, its spelling's length
 * in *k; -1 if none. */
static int element_at(const char *w, size_t n, size_t *k)
{
    int best = -1;

    *k = 0;
    for (size_t i = 0; i < N_ELEMENTS; i++)
        for (size_t j = 0; j < 5 && elements[i].spell[j] != NULL; j++) {
            size_t l = strlen(elements[i].spell[j]);
            if (l <= n && l > *k && memcmp(w, elements[i].spell[j], l) == 0)
                *k = l, best = (int)i;
        }
    return best;
}

static int is_ending(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++)
        if (strlen(endings[i]) == n && memcmp(w, endings[i], n) == 0)
            return 1;
    return 0;
}

/* Cuts the name word w[0..n) into elements, longest first, from its
 * start: their indexes into parts (at most room); the count, or 0 when
 * the word is not wholly elements (an ending of endings may follow). */
static size_t cut_word(int *parts, size_t room, const char *w, size_t n)
{
    size_t at = 0, np = 0, k;
    int e;

    while (at < n && np < room && (e = element_at(w + at, n - at, &k)) >= 0) {
        if (elements[e].gloss[0] != NULL)
            parts[np++] = e;    /* an article (gloss none) is skipped */
        at += k;
    }
    return at == n || (np > 0 && is_ending(w + at, n - at)) ? np : 0;
}

/* 1 if the word w[0..n) of the pseudonym is a meaning of element e. */
static int glosses(const char *w, size_t n, int e)
{
    for (size_t j = 0; j < 5 && elements[e].gloss[j] != NULL; j++)
        if (strlen(elements[e].gloss[j]) == n && memcmp(w, elements[e].gloss[j], n) == 0)
            return 1;
    return 0;
}

/* Bit i of the answer: element parts[i] is glossed by a word of p.
 * *all (when not NULL) set to 1 when p has two words or more and every
 * one of them glosses some element of parts (Happy Joy for Энхжаргал:
 * жаргал "joy, happiness" twice), else 0. */
static unsigned glossed(const char *p, size_t plen, const int *parts, size_t np, int *all)
{
    unsigned seen = 0;
    size_t a = 0, b, words = 0, hits = 0;

    while (a < plen) {
        int hit = 0;
        for (b = a; b < plen && !is_sep(p[b]); b++)
            ;
        for (size_t i = 0; i < np; i++)
            if (b > a && glosses(p + a, b - a, parts[i]))
                seen |= 1u << i, hit = 1;
        words += b > a;
        hits += (size_t)hit;
        a = b + 1;
    }
    if (all != NULL)
        *all = words >= 2 && hits == words;
    return seen;
}

int pseudonym_translates_name(const char *p, size_t plen, const char *name, size_t namelen)
{
    int parts[MAX_PARTS] = { 0 }, distinct[MAX_PARTS] = { 0 };
    size_t pl, nl, a = 0, b, np = 0, nd = 0, whole = 0, first;
    char *pf = fold(p, plen, &pl), *nf = fold(name, namelen, &nl);
    unsigned seen;
    int all = 0, rc = pf == NULL || nf == NULL ? -1 : 0;

    /* every word of the name cut; one whose elements the pseudonym
     * glosses all of is translated whole */
    while (rc == 0 && a < nl) {
        for (b = a; b < nl && !is_sep(nf[b]); b++)
            ;
        first = np;
        np += cut_word(parts + np, MAX_PARTS - np, nf + a, b - a);
        seen = glossed(pf, pl, parts + first, np - first, NULL);
        if (np > first && seen == (1u << (np - first)) - 1)
            whole = 1;
        a = b + 1;
    }
    /* two distinct elements of the name glossed, in any order */
    seen = rc == 0 ? glossed(pf, pl, parts, np, &all) : 0;
    for (size_t i = 0; i < np; i++) {
        size_t j;
        if (!(seen & (1u << i)))
            continue;
        for (j = 0; j < nd && distinct[j] != parts[i]; j++)
            ;
        if (j == nd)
            distinct[nd++] = parts[i];
    }
    wipe_free(pf, pl);
    wipe_free(nf, nl);
    return rc < 0 ? -1 : (whole || nd >= 2 || (all && np > 0));
}
