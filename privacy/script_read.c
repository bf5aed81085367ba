/* Words of scripts with no Latin or Cyrillic letters read into Latin
 * (script_read.h; brief s38 script38, report-adv37 P-1, P-2, L-11): a
 * pseudonym ჯიჰო or Ζίχο is the person's own name Ji-ho written in
 * another script, and what it names is found only by reading it.  The
 * tables are written from the scripts' standard romanisations (sources
 * at each); ICU's transliterators were measured and not taken
 * (docs/DEPENDENCIES.md, "No ICU at run time"). */
#include "privacy/script_read.h"

#include <string.h>

#include "privacy/redact_int.h"
#include "privacy/transcribe.h"
#include "util/text.h"

#define WORD_MAX 64

enum script { S_NONE, S_GREEK, S_GEORGIAN, S_MONGOLIAN, S_TIBETAN, S_DEVANAGARI, S_BENGALI, S_THAI,
              S_ARABIC };

static enum script script_of(int cp)
{
    if ((cp >= 0x0370 && cp <= 0x03FF) || (cp >= 0x1F00 && cp <= 0x1FFF) ||
        (cp >= 0x0531 && cp <= 0x058A))
        return S_GREEK;             /* and Armenian: redact_read_letters */
    if ((cp >= 0x10D0 && cp <= 0x10FF) || (cp >= 0x1C90 && cp <= 0x1CBF) ||
        (cp >= 0x10A0 && cp <= 0x10C5))
        return S_GEORGIAN;
    if (cp >= 0x1820 && cp <= 0x1842)
        return S_MONGOLIAN;
    if (cp >= 0x0F00 && cp <= 0x0FFF)
        return S_TIBETAN;
    if (cp >= 0x0900 && cp <= 0x097F)
        return S_DEVANAGARI;
    if (cp >= 0x0980 && cp <= 0x09FF)
        return S_BENGALI;
    if (cp >= 0x0E01 && cp <= 0x0E5B)
        return S_THAI;
    if ((cp >= 0x0620 && cp <= 0x06D5) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
        (cp >= 0xFE70 && cp <= 0xFEFF))
        return S_ARABIC;
    return S_NONE;
}

int script_read_letter(int cp)
{
    return script_of(cp) != S_NONE;
}

int script_read_fold(const char *s, size_t len)
{
    int cp;

    if (utf8_next(&cp, s, len) <= 0)
        return 0;
    switch (script_of(cp)) {
    case S_ARABIC: return SCRIPT_FOLD_SKIP | SCRIPT_FOLD_EO;
    case S_THAI: return SCRIPT_FOLD_SKIP;
    case S_MONGOLIAN: return SCRIPT_FOLD_O;
    default: return 0;
    }
}

/* Appends s to out[*n..cap); -1 if it does not fit. */
static int put(char *out, size_t cap, size_t *n, const char *s)
{
    size_t k = strlen(s);

    if (*n + k >= cap)
        return -1;
    memcpy(out + *n, s, k), *n += k;
    return 0;
}

/* Georgian (Mkhedruli U+10D0..U+10F0; Mtavruli capitals U+1C90.. and the
 * old Asomtavruli U+10A0.. read as their Mkhedruli letters): the national
 * system of 2002 (BGN/PCGN 2009 is the same without apostrophes), the
 * aspirated and ejective pairs as one letter each. */
static const char *const georgian[] = {
    "a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p", "zh",
    "r", "s", "t", "u", "p", "k", "gh", "q", "sh", "ch", "ts", "dz", "ts", "ch", "kh", "j",
    "h",
};

static const char *georgian_letter(int cp)
{
    if (cp >= 0x1C90 && cp <= 0x1CB0)
        cp = cp - 0x1C90 + 0x10D0;
    return cp >= 0x10D0 && cp <= 0x10F0 ? georgian[cp - 0x10D0] : NULL;
}

/* Tibetan: the consonants U+0F40..U+0F69 (and subjoined U+0F90..U+0FB9)
 * in Wylie's transliteration without the inherent a; the vowel signs i u
 * e o; a consonant or stack with no vowel sign reads the inherent a at
 * its syllable's end (before a tsheg or the word's end) when the syllable
 * has no vowel yet.  Prefixes and suffixes are read as written. */
static const char *const tibetan[] = {
    "k", "kh", "g", "gh", "ng", "c", "ch", "j", "", "ny", "t", "th", "d", "dh", "n", "t",
    "th", "d", "dh", "n", "p", "ph", "b", "bh", "m", "ts", "tsh", "dz", "dzh", "w", "zh", "z",
    "", "y", "r", "l", "sh", "sh", "s", "h", "", "ks",
};

static int tibetan_consonant(int cp)
{
    return (cp >= 0x0F40 && cp <= 0x0F69) || (cp >= 0x0F90 && cp <= 0x0FB9);
}

static const char *tibetan_vowel(int cp)
{
    switch (cp) {
    case 0x0F71: return "a";
    case 0x0F72: case 0x0F73: case 0x0F80: case 0x0F81: return "i";
    case 0x0F74: case 0x0F75: return "u";
    case 0x0F7A: case 0x0F7B: return "e";
    case 0x0F7C: case 0x0F7D: return "o";
    default: return NULL;
    }
}

/* Devanagari as Hindi names are read: consonants with the inherent a,
 * which a virama, a vowel sign or the word's end takes away; independent
 * vowels and vowel signs (ISO 15919 without marks). */
static const char *const deva_consonant[] = {
    "k", "kh", "g", "gh", "ng", "ch", "chh", "j", "jh", "ny", "t", "th", "d", "dh", "n", "t",
    "th", "d", "dh", "n", "n", "p", "ph", "b", "bh", "m", "y", "r", "r", "l", "l", "l",
    "v", "sh", "sh", "s", "h",
};

static const char *deva_vowel(int cp)
{
    static const char *const ind[] = {     /* U+0904..U+0914 */
        "e", "a", "a", "i", "i", "u", "u", "ri", "li", "e", "e", "e", "ai", "o", "o", "o",
        "au",
    };
    static const char *const sign[] = {    /* U+093E..U+094C */
        "a", "i", "i", "u", "u", "ri", "ri", "e", "e", "e", "ai", "o", "o", "o", "au",
    };
    if (cp >= 0x0904 && cp <= 0x0914)
        return ind[cp - 0x0904];
    if (cp >= 0x093E && cp <= 0x094C)
        return sign[cp - 0x093E];
    return NULL;
}

/* Bengali (brief s39 script39) as its Devanagari letter: Unicode lays
 * out the Bengali block in ISCII's order, each letter 0x80 above the
 * Devanagari letter of the same sound (The Unicode Standard 15, ch. 12);
 * ড় ঢ় (U+09DC, U+09DD, the flapped r) as र r, য় (U+09DF) y as य,
 * ৎ (U+09CE, khanda ta) as त t.
 * Names are read with the inherent a, as they are romanised (Priya
 * Sharma, প্রিয়া শর্মা), not with the o of speech. */
static int bengali_as_devanagari(int cp)
{
    switch (cp) {
    case 0x09DC: case 0x09DD: return 0x0930;
    case 0x09DF: return 0x092F;
    case 0x09CE: return 0x0924;
    default: return cp - 0x80;
    }
}

/* Thai: the Royal Thai General System's initial values of the
 * consonants U+0E01..U+0E2E (อ a silent carrier before a vowel, o
 * otherwise) and its vowels; เ แ โ ใ ไ, written before the consonant
 * they follow in speech, read after it; tone marks and the silencer
 * left out; no vowel between two consonants is read. */
static const char *const thai_consonant[] = {
    "k", "kh", "kh", "kh", "kh", "kh", "ng", "ch", "ch", "ch", "s", "ch", "y", "d", "t", "th",
    "th", "th", "n", "d", "t", "th", "th", "th", "n", "b", "p", "ph", "f", "ph", "f", "ph",
    "m", "y", "r", "rue", "l", "lue", "w", "s", "s", "s", "h", "l", "", "h",
};

static const char *thai_vowel(int cp)
{
    switch (cp) {
    case 0x0E30: case 0x0E31: case 0x0E32: case 0x0E45: return "a";
    case 0x0E33: return "am";
    case 0x0E34: case 0x0E35: return "i";
    case 0x0E36: case 0x0E37: return "ue";
    case 0x0E38: case 0x0E39: return "u";
    case 0x0E40: return "e";
    case 0x0E41: return "ae";
    case 0x0E42: return "o";
    case 0x0E43: case 0x0E44: return "ai";
    default: return NULL;
    }
}

/* Arabic and Persian letters (U+0621..U+064A, پ چ ژ گ ک ی) as the
 * common romanisation of names writes them; ا آ أ إ ى a, ع and ء
 * nothing; the short-vowel marks a u i; و and ي read u and i after a
 * consonant, w and y elsewhere. */
static const char *arabic_letter(int cp, int after_consonant)
{
    static const char *const l[] = {     /* U+0621..U+063A */
        "", "a", "a", "u", "i", "y", "a", "b", "a", "t", "th", "j", "h", "kh", "d", "dh",
        "r", "z", "s", "sh", "s", "d", "t", "z", "", "gh",
    };
    static const char *const m[] = {     /* U+0641..U+064A */
        "f", "q", "k", "l", "m", "n", "h", "w", "a", "y",
    };
    if (cp == 0x0648 || cp == 0x064A || cp == 0x06CC)
        return after_consonant ? (cp == 0x0648 ? "u" : "i") : (cp == 0x0648 ? "w" : "y");
    if (cp >= 0x0621 && cp <= 0x063A)
        return l[cp - 0x0621];
    if (cp >= 0x0641 && cp <= 0x064A)
        return m[cp - 0x0641];
    switch (cp) {
    case 0x064E: return "a";
    case 0x064F: return "u";
    case 0x0650: return "i";
    case 0x067E: return "p";
    case 0x0686: return "ch";
    case 0x0698: return "zh";
    case 0x06AF: return "g";
    case 0x06A9: return "k";
    case 0x0629: case 0x06C1: case 0x06BE: return "h";
    default: return cp >= 0x064B && cp <= 0x065F ? "" : NULL;
    }
}

/* Which Devanagari consonants of cps[0..k) read their inherent a:
 * schwa[i] 1 for a consonant followed by no virama, vowel sign or the
 * word's end.  With hindi set, Hindi's schwa deletion (Ohala 1983,
 * applied right to left): an inherent a between a vowel and a consonant
 * that reads a vowel is not said, nor written in Latin (सोमचाई somchai,
 * रहमान rahman, कमलनाथ kamalnath).  1 if it took one away. */
static int deva_schwa(unsigned char *schwa, const int *cps, size_t k, int hindi)
{
    size_t i;
    int took = 0;

    for (i = 0; i < k; i++) {
        size_t j = i + 1 < k && cps[i + 1] == 0x093C ? i + 2 : i + 1;   /* a nukta */
        int after = j < k ? cps[j] : 0;
        schwa[i] = cps[i] >= 0x0915 && cps[i] <= 0x0939 && after != 0 && after != 0x094D &&
                   deva_vowel(after) == NULL;
    }
    for (i = k; hindi && i-- > 1;) {
        size_t j = i + 1 < k && cps[i + 1] == 0x093C ? i + 2 : i + 1, p = i - 1;
        if (!schwa[i] || j >= k || !(cps[j] >= 0x0915 && cps[j] <= 0x0939))
            continue;
        size_t jn = j + 1 < k && cps[j + 1] == 0x093C ? j + 2 : j + 1;
        int next_vowel = schwa[j] || (jn < k && deva_vowel(cps[jn]) != NULL);
        if (p > 0 && cps[p] == 0x093C)
            p--;
        if (next_vowel && (schwa[p] || deva_vowel(cps[p]) != NULL))
            schwa[i] = 0, took = 1;
    }
    return took;
}

static int vowel_end(const char *out, size_t n)
{
    return n > 0 && strchr("aeiou", out[n - 1]) != NULL;
}

/* The word's code points cps[0..k) of script sc read into out; its length
 * or 0. */
static size_t read_cps(char *out, size_t cap, const int *cps, size_t k, enum script sc, int alt)
{
    size_t n = 0, i;
    int syl_vowel = 0, deleted = 0;
    const char *pending = NULL;     /* Thai: a vowel written before its consonant */
    size_t cons_at = 0;             /* Thai: where the last consonant's reading starts */
    int silenced = 0;               /* Thai: a thanthakhat was read */
    int persian = 0;                /* Arabic: alt 1 read ض or ذ as z */
    unsigned char schwa[WORD_MAX];

    if (sc == S_DEVANAGARI)
        deleted = deva_schwa(schwa, cps, k, alt == 1);

    for (i = 0; i < k; i++) {
        int cp = cps[i], next = i + 1 < k ? cps[i + 1] : 0;
        const char *w = NULL;
        char buf[16];
        switch (sc) {
        case S_GEORGIAN:
            if ((w = georgian_letter(cp >= 0x10A0 && cp <= 0x10C5 ? cp + 0x30 : cp)) == NULL)
                return 0;
            break;
        case S_MONGOLIAN: {
            int m = transcribe_reading(buf, sizeof buf - 1, cp);
            if (m < 0)
                return 0;
            buf[m] = '\0';
            w = cp == 0x182C && alt != 2 ? (alt == 1 ? "kh" : "h") : buf;
            break;
        }
        case S_TIBETAN:
            if (tibetan_consonant(cp)) {
                w = tibetan[(cp >= 0x0F90 ? cp - 0x50 : cp) - 0x0F40];
                if (put(out, cap, &n, w) != 0)
                    return 0;
                if (!tibetan_consonant(next) && tibetan_vowel(next) == NULL &&
                    (next == 0 || next == 0x0F0B || next == 0x0F0C) && !syl_vowel)
                    w = "a";
                else
                    continue;
            } else if ((w = tibetan_vowel(cp)) != NULL) {
                syl_vowel = 1;
            } else if (cp == 0x0F0B || cp == 0x0F0C) {
                syl_vowel = 0;
                continue;
            } else {
                return 0;
            }
            break;
        case S_DEVANAGARI:
            if (cp >= 0x0915 && cp <= 0x0939) {
                if (put(out, cap, &n, deva_consonant[cp - 0x0915]) != 0)
                    return 0;
                w = schwa[i] ? "a" : "";
            } else if ((w = deva_vowel(cp)) == NULL) {
                if (cp == 0x0901 || cp == 0x0902)
                    w = "n";
                else if (cp == 0x0903)
                    w = "h";
                else if (cp == 0x093C || cp == 0x094D)
                    w = "";
                else
                    return 0;
            }
            break;
        case S_THAI:
            if (cp >= 0x0E40 && cp <= 0x0E44) {
                pending = thai_vowel(cp);
                continue;
            }
            if (cp >= 0x0E01 && cp <= 0x0E2E) {
                cons_at = n;
                w = thai_consonant[cp - 0x0E01];
                if (cp == 0x0E2D && thai_vowel(next) == NULL && pending == NULL)
                    w = "o";
                if (put(out, cap, &n, w) != 0)
                    return 0;
                w = pending != NULL ? pending : "";
                pending = NULL;
            } else if ((w = thai_vowel(cp)) == NULL) {
                /* the thanthakhat silences its consonant and that one's
                 * vowel (ศักดิ์ sak); alt 1 reads them, as a foreign name
                 * is spelt with them (ชาร์มา Sharma) */
                if (cp == 0x0E4C && alt == 0)
                    n = cons_at;
                silenced |= cp == 0x0E4C;
                if (cp >= 0x0E47 && cp <= 0x0E4E)
                    w = "";             /* tone marks, the silencer */
                else
                    return 0;
            }
            break;
        case S_ARABIC:
            /* alt 1: ض and ذ as Persian, Urdu and Turkish say and write
             * them in names, z (رضا Reza, رمضان Ramazan, ذاكر Zakir;
             * brief s42 foreign42, report-adv41 P-1) */
            if (alt == 1 && (cp == 0x0636 || cp == 0x0630))
                w = "z", persian = 1;
            else if ((w = arabic_letter(cp, n > 0 && !vowel_end(out, n))) == NULL)
                return 0;
            /* و after a consonant before a letter that writes a vowel
             * (ا, ي, ی) is the consonant w: موسوی Musavi, Mousavi, not
             * musuy (brief s47 arab47, report-adv46 L-18..L-20) */
            if (cp == 0x0648 && (next == 0x0627 || next == 0x064A || next == 0x06CC) &&
                i > 0 && n > 0 && !vowel_end(out, n))
                w = "w";
            /* ح, and ه but at the word's end (where it writes a vowel:
             * بيريدزه Beridze, زاده Zadeh), after a consonant: an
             * apostrophe before its h, so that no th, sh, kh... is read
             * where the script writes two letters (تهرانی t'hrani,
             * Tehrani; صالح sal'h; brief s43 scr43) */
            if ((cp == 0x062D || (cp == 0x0647 && i + 1 < k)) && n > 0 && !vowel_end(out, n) &&
                put(out, cap, &n, "'") != 0)
                return 0;
            if (cp == 0x0647 && i + 1 == k && n > 0 && !vowel_end(out, n))
                w = "e";    /* that vowel, as ة writes a */
            break;
        default:
            return 0;
        }
        if (put(out, cap, &n, w) != 0)
            return 0;
    }
    if ((sc == S_DEVANAGARI && alt == 1 && !deleted) || (sc == S_THAI && alt == 1 && !silenced) ||
        (sc == S_ARABIC && alt == 1 && !persian))
        return 0;               /* no other reading */
    /* alt 1: Georgian's nominative -ი after a name that ends in a
     * consonant (პეტროსიანი for Petrosyan, ივანე aside) */
    if (sc == S_GEORGIAN && alt == 1) {
        if (n < 4 || out[n - 1] != 'i' || vowel_end(out, n - 1))
            return 0;
        n--;
    }
    if (sc == S_MONGOLIAN && alt == 2) {
        if (memchr(out, 'q', n) == NULL && memchr(out, 'g', n) == NULL)
            return 0;           /* the classical spelling reads no other way */
        n = transcribe_classical(out, n);
    }
    out[n] = '\0';
    return n;
}

size_t script_read_word(char *out, size_t cap, const char *s, size_t len, int alt, int *vowels)
{
    int cps[WORD_MAX], cp, k;
    size_t at = 0, n = 0;
    enum script sc = S_NONE;

    if (vowels != NULL)
        *vowels = 1;
    if (cap == 0 || alt < 0 || alt >= SCRIPT_READINGS)
        return 0;
    while (at < len) {
        if (n == WORD_MAX || (k = utf8_next(&cp, s + at, len - at)) <= 0)
            return 0;
        enum script c = script_of(cp);
        if (c == S_NONE || (sc != S_NONE && c != sc))
            return 0;
        sc = c, cps[n++] = c == S_BENGALI ? bengali_as_devanagari(cp) : cp, at += (size_t)k;
    }
    if (sc == S_BENGALI)
        sc = S_DEVANAGARI;
    if (sc == S_NONE)
        return 0;
    if (vowels != NULL)
        *vowels = sc == S_ARABIC ? 0 : sc == S_MONGOLIAN ? 2 : 1;
    if (sc == S_GREEK) {
        int armenian = cps[0] >= 0x0531 && cps[0] <= 0x058A;
        /* a Greek word's third reading writes γι before a vowel as the
         * Latin spelling of a name does, gi, where the word says y
         * (Γιώργι "yorgi" for Giorgi, Γιάννης for Giannis; brief s40
         * script40, report-adv39 L-19) */
        if (alt == 2 && !armenian) {
            int gy = 0;
            for (size_t i = 0; i + 1 < n; i++)
                gy |= cps[i] == 0x03B3 && (cps[i + 1] == 0x03B9 || cps[i + 1] == 0x03AF);
            size_t m = gy ? redact_read_letters(out, cap - 1, s, len, 0) : 0, g = 0;
            char tmp[128];
            for (size_t i = 0; i < m && g + 3 < sizeof tmp; i++) {
                if (out[i] == 'y' && i + 1 < m && strchr("aeiou", out[i + 1]) != NULL)
                    tmp[g++] = 'g', tmp[g++] = 'i';
                else
                    tmp[g++] = out[i];
            }
            if (m == 0 || g + 1 > cap || g + 3 >= sizeof tmp)
                return 0;
            memcpy(out, tmp, g);
            out[g] = '\0';
            return g;
        }
        if (alt > 1)
            return 0;
        /* an Armenian word's second reading leaves out the article the
         * name takes (-ը, -ն: Սուզինը, the Suzin) */
        if (armenian && alt == 1) {
            if (n < 3 || (cps[n - 1] != 0x0568 && cps[n - 1] != 0x0576))
                return 0;
            len -= 2, alt = 0;
        }
        size_t m = redact_read_letters(out, cap - 1, s, len, alt);
        out[m] = '\0';
        return m;
    }
    if (alt > 0 && sc != S_MONGOLIAN &&
        !(alt == 1 && (sc == S_DEVANAGARI || sc == S_GEORGIAN || sc == S_THAI || sc == S_ARABIC)))
        return 0;
    /* the Mongolian script's QA as h, as kh, then its classical spelling */
    return read_cps(out, cap, cps, n, sc, alt);
}
