/* A French address's street line (brief s51 street51, adv50 L-25): the
 * house number first, "bis"/"ter"/"quater" or a letter maybe, a comma
 * maybe, the street's type word, then its name of one to five words
 * ("14 rue Victor Hugo", "3 bis avenue Jean Jaurès", "27, boulevard du
 * Général de Gaulle", "8 allée des Tilleuls").  The order and the type
 * words are those of the French postal standard for an address's
 * fourth line (AFNOR NF Z10-011, La Poste's "libellé de voie": number,
 * index B/T/Q, type, name); the type words are its usual ones and their
 * abbreviations (av., bd, bld).  The whole line goes: the number alone
 * left "rue Victor Hugo" with the house, and the name alone is the
 * person's a street is named after.  Bytes of the norm view (lower case,
 * no accents, ASCII digits); nothing allocates but addr_merge.  Below,
 * the Italian, Spanish and Portuguese order, type, name, number. */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "util/lexicon.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The street's type words (La Poste's list of "types de voie", the
 * commonest ones, with their usual abbreviations). */
static const struct det_word fr_types[] = {
    DW("rue", FIT_WORD), DW("avenue", FIT_WORD), DW("av.", FIT_WORD), DW("boulevard", FIT_WORD),
    DW("bd", FIT_WORD), DW("bd.", FIT_WORD), DW("bld", FIT_WORD), DW("allee", FIT_WORD),
    DW("impasse", FIT_WORD), DW("chemin", FIT_WORD), DW("quai", FIT_WORD), DW("faubourg", FIT_WORD),
    DW("fbg", FIT_WORD), DW("ruelle", FIT_WORD), DW("esplanade", FIT_WORD), DW("rond-point", FIT_WORD),
    DW("lotissement", FIT_WORD), DW("hameau", FIT_WORD), DW("sentier", FIT_WORD),
};

/* Type words English shares ("20 square meters", "5 place settings",
 * "2 route options"): a street's only with a French article or "de"
 * first in its name ("12 place de la Bourse", "4 cours du Chapeau
 * Rouge"). */
static const struct det_word fr_shared_types[] = {
    DW("place", FIT_WORD), DW("pl.", FIT_WORD), DW("square", FIT_WORD), DW("route", FIT_WORD),
    DW("passage", FIT_WORD), DW("villa", FIT_WORD), DW("residence", FIT_WORD), DW("cours", FIT_WORD),
    DW("promenade", FIT_WORD), DW("voie", FIT_WORD), DW("cite", FIT_WORD),
};

/* The articles and "de" that start a French street's name. */
static const struct det_word fr_articles[] = {
    DW("de", FIT_WORD), DW("du", FIT_WORD), DW("des", FIT_WORD), DW("la", FIT_WORD),
    DW("le", FIT_WORD), DW("les", FIT_WORD), DW("saint", FIT_WORD), DW("sainte", FIT_WORD),
};

/* The index after a French house number (La Poste: bis, ter, quater). */
static const struct det_word fr_index[] = {
    DW("bis", FIT_WORD), DW("ter", FIT_WORD), DW("quater", FIT_WORD),
};

/* French words that end a street's name: what follows the address in a
 * sentence (prepositions, conjunctions, pronouns, the verbs of being and
 * living), never a word of the name; "de", "du", "des", "la", "le",
 * "l'", "d'" are the name's ("rue de la Paix"). */
static const struct det_word fr_stop[] = {
    DW("a", FIT_WORD), DW("au", FIT_WORD), DW("aux", FIT_WORD), DW("et", FIT_WORD),
    DW("ou", FIT_WORD), DW("en", FIT_WORD), DW("dans", FIT_WORD), DW("pour", FIT_WORD),
    DW("avec", FIT_WORD), DW("chez", FIT_WORD), DW("depuis", FIT_WORD), DW("pendant", FIT_WORD),
    DW("avant", FIT_WORD), DW("apres", FIT_WORD), DW("jusqu", FIT_WORD), DW("quand", FIT_WORD),
    DW("mais", FIT_WORD), DW("qui", FIT_WORD), DW("que", FIT_WORD), DW("il", FIT_WORD),
    DW("elle", FIT_WORD), DW("ils", FIT_WORD), DW("elles", FIT_WORD), DW("nous", FIT_WORD),
    DW("vous", FIT_WORD), DW("on", FIT_WORD), DW("je", FIT_WORD), DW("j", FIT_WORD),
    DW("est", FIT_WORD), DW("etait", FIT_WORD), DW("sont", FIT_WORD), DW("ans", FIT_WORD),
    DW("pres", FIT_WORD), DW("entre", FIT_WORD), DW("sur", FIT_WORD), DW("sous", FIT_WORD),
    DW("puis", FIT_WORD), DW("donc", FIT_WORD), DW("car", FIT_WORD), DW("ni", FIT_WORD),
    DW("the", FIT_WORD), DW("in", FIT_WORD), DW("and", FIT_WORD), DW("for", FIT_WORD),
};

/* The end of the Latin word at i (letters, an inner '-' or apostrophe:
 * "saint-michel", "l'eglise"), or i if none. */
static size_t latin_word_end(const char *s, size_t len, size_t i)
{
    size_t e = i;

    while (e < len && (det_alpha(s[e]) ||
                       (e > i && (s[e] == '-' || s[e] == '\'') && e + 1 < len && det_alpha(s[e + 1]))))
        e++;
    return e;
}

/* The end of the type word and the name from j (a type of fr_types,
 * then one to five words up to a stop word, a mark or the text's end),
 * or 0 if j holds no type followed by a name. */
static size_t type_and_name(const char *s, size_t len, size_t j)
{
    size_t e = latin_word_end(s, len, j), w, we, end;
    int k;

    if (e < len && s[e] == '.')
        e++;
    if (e == j || e + 1 >= len || s[e] != ' ')
        return 0;
    if (!det_in_list(fr_types, N(fr_types), s + j, e - j)) {
        we = latin_word_end(s, len, e + 1);
        if (!det_in_list(fr_shared_types, N(fr_shared_types), s + j, e - j) ||
            !(det_in_list(fr_articles, N(fr_articles), s + e + 1, we - e - 1) ||
              (we > e + 2 && (s[e + 2] == '\'' || s[e + 2] == '-') &&
               (s[e + 1] == 'l' || s[e + 1] == 'd'))))
            return 0;
    }
    end = 0;
    for (k = 0, w = e + 1; k < 5 && w < len; k++, w = we + 1) {
        we = latin_word_end(s, len, w);
        if (we == w || det_in_list(fr_stop, N(fr_stop), s + w, we - w) ||
            (we < len && det_letter_at(s, len, we)))
            break;
        end = we;
        if (we >= len || s[we] != ' ')
            break;
    }
    return end;
}

/* The French street line at i (a house number's first digit), its end,
 * or 0. */
static size_t fr_street(const char *s, size_t len, size_t i)
{
    size_t n = det_digits(s, len, i), j = i + n, we;

    if (n == 0 || n > 4 || (j < len && det_letter_at(s, len, j) && !(j + 1 < len && s[j + 1] == ' ')))
        return 0;
    if (j < len && det_alpha(s[j]))
        j++;                                    /* 14b, 14a */
    if (j + 1 < len && s[j] == ' ' && (we = latin_word_end(s, len, j + 1)) > j + 1 &&
        det_in_list(fr_index, N(fr_index), s + j + 1, we - j - 1))
        j = we;
    if (j < len && s[j] == ',')
        j++;
    if (j + 1 >= len || s[j] != ' ')
        return 0;
    return type_and_name(s, len, j + 1);
}

/* The other Romance languages write the type and the name first, the
 * number after ("via Garibaldi 12", "calle de Alcala 45", "rua Augusta,
 * 100", "avenida Paulista 1578"): the street types of Italian, Spanish,
 * Catalan and Portuguese addresses (Poste Italiane's "DUG", Correos'
 * "tipo de via", the CTT's "tipo de arruamento"; their common ones). */
static const struct det_word ro_types[] = {
    DW("via", FIT_WORD), DW("viale", FIT_WORD), DW("piazza", FIT_WORD), DW("piazzale", FIT_WORD),
    DW("corso", FIT_WORD), DW("vicolo", FIT_WORD), DW("calle", FIT_WORD), DW("avenida", FIT_WORD),
    DW("avda.", FIT_WORD), DW("paseo", FIT_WORD), DW("carrer", FIT_WORD), DW("carretera", FIT_WORD),
    DW("rua", FIT_WORD), DW("travessa", FIT_WORD), DW("praca", FIT_WORD), DW("alameda", FIT_WORD),
    DW("estrada", FIT_WORD), DW("plaza", FIT_WORD), DW("placa", FIT_WORD),
    /* Belgian and Swiss French put the number last too ("rue de la Loi
     * 16", bpost's address standard) */
    DW("rue", FIT_WORD), DW("avenue", FIT_WORD), DW("boulevard", FIT_WORD), DW("chaussee", FIT_WORD),
    DW("quai", FIT_WORD), DW("allee", FIT_WORD), DW("impasse", FIT_WORD),
};

/* The type words English shares (the first name word after them may not
 * be English's). */
static const struct det_word ro_en[] = {
    DW("via", FIT_WORD), DW("plaza", FIT_WORD), DW("avenue", FIT_WORD), DW("boulevard", FIT_WORD),
};

/* The end of a house number at j that ends its clause (one to four
 * digits, one letter or "bis" maybe; then the text's end, a mark, a
 * dash or "a" (à) before the town: "via Roma 12 persone" is a count),
 * or 0. */
static size_t ro_house(const char *s, size_t len, size_t j)
{
    size_t n = det_digits(s, len, j), e = j + n, we;

    if (n == 0 || n > 4)
        return 0;
    if (e < len && det_alpha(s[e]) && !(e + 1 < len && det_alpha(s[e + 1])))
        e++;
    if (e + 1 < len && s[e] == ' ' && (we = latin_word_end(s, len, e + 1)) > e + 1 &&
        det_in_list(fr_index, N(fr_index), s + e + 1, we - e - 1))
        e = we;
    if (e >= len || strchr(",.;:!?)", s[e]) != NULL || (s[e] == ' ' && e + 1 < len && s[e + 1] == '-'))
        return e;
    /* " a " (à): the town after ("rue de la Loi 16 a Bruxelles") */
    if (e + 3 < len && memcmp(s + e, " a ", 3) == 0)
        return e;
    return 0;
}

/* The Romance street at i (a type word's first letter): its end after
 * the number, or 0.  After a type English shares the name's first word
 * may not be an English word ("via email 2.", "plaza area 5."). */
static size_t ro_street(const char *s, size_t len, size_t i)
{
    size_t e = latin_word_end(s, len, i), w, we, h;
    int k;

    if (e < len && s[e] == '.')
        e++;
    if (e == i || e + 1 >= len || s[e] != ' ' || !det_in_list(ro_types, N(ro_types), s + i, e - i))
        return 0;
    we = latin_word_end(s, len, e + 1);
    if (we == e + 1 || ((det_in_list(ro_en, N(ro_en), s + i, e - i)) &&
                        lexicon_word(LEXICON_EN, s + e + 1, we - e - 1) == 1))
        return 0;
    for (k = 0, w = e + 1; k < 5; k++, w = we + 1) {
        we = latin_word_end(s, len, w);
        if (we == w || det_in_list(fr_stop, N(fr_stop), s + w, we - w) || (we < len && det_letter_at(s, len, we)))
            return 0;
        h = we + (we < len && s[we] == ',');
        if (h + 1 < len && s[h] == ' ' && det_digit(s[h + 1]))
            return ro_house(s, len, h + 1);
        if (we >= len || s[we] != ' ')
            return 0;
    }
    return 0;
}

int addr_fr_street_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len)
{
    size_t i, e;

    for (i = 0; i < len; i++) {
        if (det_alpha(s[i]) && (i == 0 || !det_letter_before(s, i)) && (e = ro_street(s, len, i)) != 0) {
            if (addr_merge(d, n, cap, i, e) != 0)
                return -1;
            i = e - 1;
            continue;
        }
        if (!det_digit(s[i]) || (i > 0 && (det_letter_before(s, i) || s[i - 1] == '.' || s[i - 1] == '/' ||
                                           s[i - 1] == '-' || s[i - 1] == ':')))
            continue;
        if ((e = fr_street(s, len, i)) == 0) {
            i += det_digits(s, len, i) - 1;
            continue;
        }
        if (addr_merge(d, n, cap, i, e) != 0)
            return -1;
        i = e - 1;
    }
    return 0;
}
