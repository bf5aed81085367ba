/* Build-time generator (not linked into intake): the look-alike letters
 * of Latin, Cyrillic and Greek, from ICU's spoof checker (UTS #39
 * confusable skeletons, Debian's libicu-dev), written as a C table that
 * privacy/confusable.c reads.
 *
 * For each letter c of one of the three scripts and each other script S,
 * the entry {c, S, d} says that d, a letter of S's everyday alphabet (the
 * basic Latin letters; Russian and Mongolian Cyrillic; the Greek letters),
 * has the same skeleton as c: they look alike (Latin A and Cyrillic А,
 * Cyrillic р and Latin p).  d is given in lower case (the norm view is case
 * folded).  Sorted by c, then S; the output depends only on ICU's data.
 * Armenian and Cherokee letters are look-alike sources only (script 4).
 * A second table, letterlike_table {c, letter}, holds the letter-like
 * characters NFKC does not fold (small capitals, negative squared and
 * circled letters), by their Unicode names (u_charName).
 * Usage: confusables OUT.c */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>

enum { LATIN = 1, CYRILLIC = 2, GREEK = 3, OTHER = 4 };

/* OTHER: Armenian, Cherokee, Lisu and Canadian syllabics, whose letters
 * are only look-alike sources (Mսnkhbat with an Armenian ս, Ꮇunkhbat with
 * a Cherokee Ꮇ, ꓓorj, ᗪorj; issue 12). */
static int script_of(UChar32 c)
{
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript(c, &st);

    if (U_FAILURE(st) || !u_isalpha(c))
        return 0;
    return s == USCRIPT_LATIN ? LATIN : s == USCRIPT_CYRILLIC ? CYRILLIC :
           s == USCRIPT_GREEK ? GREEK :
           s == USCRIPT_ARMENIAN || s == USCRIPT_CHEROKEE || s == USCRIPT_LISU ||
           s == USCRIPT_CANADIAN_ABORIGINAL ? OTHER : 0;
}

/* The basic Latin letter a letter-like character stands for, by its
 * Unicode name, where NFKC has no decomposition for it: "LATIN LETTER
 * SMALL CAPITAL B" (ʙ), "NEGATIVE SQUARED LATIN CAPITAL LETTER B" (🅱),
 * "NEGATIVE CIRCLED LATIN CAPITAL LETTER B" (🅑); 0 for any other. */
static int letterlike(UChar32 c)
{
    static const char *const prefix[] = {
        "LATIN LETTER SMALL CAPITAL ", "NEGATIVE SQUARED LATIN CAPITAL LETTER ",
        "NEGATIVE CIRCLED LATIN CAPITAL LETTER ",
    };
    UErrorCode st = U_ZERO_ERROR;
    char name[128];
    size_t i, n;

    u_charName(c, U_UNICODE_CHAR_NAME, name, sizeof name, &st);
    if (U_FAILURE(st))
        return 0;
    for (i = 0; i < sizeof prefix / sizeof prefix[0]; i++) {
        n = strlen(prefix[i]);
        if (strncmp(name, prefix[i], n) == 0 && name[n] >= 'A' && name[n] <= 'Z' &&
            name[n + 1] == '\0')
            return name[n] - 'A' + 'a';
    }
    /* Parenthesised letters, which NFKC writes "(d)" (normalise.c reads
     * this table before NFKC), and the Latin letters with a hook, stroke,
     * loop or bar that have no decomposition and no skeleton of a basic
     * letter (ɗ, ʝ, ꝋ, ɵ: report-adv12c H15, H40), from U+0250 on (ø, đ
     * and the letters of European languages below it are left to their
     * own rules). */
    if (strncmp(name, "PARENTHESIZED LATIN SMALL LETTER ", 33) == 0 && name[33] >= 'A' &&
        name[33] <= 'Z' && name[34] == '\0')
        return name[33] - 'A' + 'a';
    if (c >= 0x250 && uscript_getScript(c, &st) == USCRIPT_LATIN && U_SUCCESS(st) &&
        (strncmp(name, "LATIN SMALL LETTER ", 19) == 0 || strncmp(name, "LATIN CAPITAL LETTER ", 21) == 0)) {
        const char *l = name + (name[6] == 'S' ? 19 : 21);
        if (strncmp(l, "BARRED ", 7) == 0)
            l += 7;
        if (l[0] >= 'A' && l[0] <= 'Z' && strncmp(l + 1, " WITH ", 6) == 0 &&
            (strstr(l, "HOOK") != NULL || strstr(l, "STROKE") != NULL || strstr(l, "LOOP") != NULL ||
             strstr(l, "BAR") != NULL || strstr(l, "CROSSED-TAIL") != NULL) &&
            strstr(l, " AND ") == NULL && strstr(l, "HOOK ABOVE") == NULL)
            return l[0] - 'A' + 'a';
        if (l != name + (name[6] == 'S' ? 19 : 21) && l[0] >= 'A' && l[0] <= 'Z' && l[1] == '\0')
            return l[0] - 'A' + 'a';                            /* BARRED O */
    }
    return 0;
}

/* The letters a look-alike may be mapped to: what people type in each
 * script, not the rare letters that merely look alike (Cyrillic ԁ, Latin
 * ɑ). */
static int everyday(UChar32 c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0x410 && c <= 0x44F) || c == 0x401 || c == 0x451 || c == 0x4E8 ||
           c == 0x4E9 || c == 0x4AE || c == 0x4AF || (c >= 0x391 && c <= 0x3A9) ||
           (c >= 0x3B1 && c <= 0x3C9);
}

struct letter {
    UChar32 c;
    int script;
    UChar skel[16];
};

static struct letter letters[4096];
static int nletters;

static void add_range(USpoofChecker *sc, UChar32 a, UChar32 b)
{
    UChar32 c;

    for (c = a; c <= b && nletters < 4096; c++) {
        UErrorCode st = U_ZERO_ERROR;
        UChar s[4];
        int32_t n = 0;
        struct letter *l = &letters[nletters];
        if ((l->script = script_of(c)) == 0)
            continue;
        U16_APPEND_UNSAFE(s, n, c);
        s[n] = 0;
        uspoof_getSkeleton(sc, 0, s, n, l->skel, 16, &st);
        if (U_FAILURE(st))
            continue;
        l->c = c;
        nletters++;
    }
}

/* The skeleton of one code point into skel (16 UChars); 0, or -1. */
static int skeleton(USpoofChecker *sc, UChar32 c, UChar *skel)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar s[4];
    int32_t n = 0;

    U16_APPEND_UNSAFE(s, n, c);
    s[n] = 0;
    uspoof_getSkeleton(sc, 0, s, n, skel, 16, &st);
    return U_FAILURE(st) ? -1 : 0;
}

/* The everyday Latin letter (lower case) whose skeleton is skel, or 0. */
static int latin_of(const UChar *skel)
{
    int j;

    /* The skeleton is itself the letter (l, not I whose skeleton is l). */
    if (skel[0] < 0x80 && skel[1] == 0 && u_isalpha(skel[0]))
        return u_tolower(skel[0]);
    for (j = 0; j < nletters; j++)
        if (letters[j].script == LATIN && everyday(letters[j].c) &&
            u_strcmp(skel, letters[j].skel) == 0)
            return u_tolower(letters[j].c);
    return 0;
}

/* Word characters of the scripts not handled above whose skeleton is one
 * everyday Latin letter (brief i12-kinds2, item 3: D௦rj with a Tamil
 * digit zero; Devanagari, Bengali, Arabic-Indic and Myanmar digits and
 * letters alike): {c, LATIN, letter} entries, sources of look-alikes only
 * (privacy/confusable.c counts them as CONF_OTHER).  Han, Hangul
 * syllables and kana are left out: they are scripts of their own for
 * word boundaries and never look like a Latin letter. */
static int other_scripts(USpoofChecker *sc, uint32_t (*out)[3], int max)
{
    /* UTS #39 has no entry for the Hangul jamo ieung, a circle (Dㅇrj),
     * nor for the vowel i, a stroke (Kㅣm, report-adv12d F8; read i, as
     * the capital I it looks like): written by hand, the compatibility,
     * initial and final forms. */
    static const UChar32 ieung[] = { 0x110B, 0x11BC, 0x3147, 0x1175, 0x3163 };
    UChar32 c;
    UChar skel[16];
    int n = 0, d;
    size_t i;

    for (c = 0x590; c <= 0x1FFFF && n < max; c++) {
        UErrorCode st = U_ZERO_ERROR;
        UScriptCode s = uscript_getScript(c, &st);
        if (U_FAILURE(st) || !u_isalnum(c) || script_of(c) != 0 || s == USCRIPT_LATIN ||
            s == USCRIPT_CYRILLIC || s == USCRIPT_GREEK || s == USCRIPT_HAN ||
            s == USCRIPT_HANGUL || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA ||
            s == USCRIPT_COMMON || s == USCRIPT_INHERITED)
            continue;
        if (skeleton(sc, c, skel) != 0 || (d = latin_of(skel)) == 0)
            continue;
        out[n][0] = (uint32_t)c, out[n][1] = LATIN, out[n][2] = (uint32_t)d;
        n++;
    }
    for (i = 0; i < sizeof ieung / sizeof ieung[0] && n < max; i++) {
        out[n][0] = (uint32_t)ieung[i], out[n][1] = LATIN;
        out[n][2] = ieung[i] == 0x1175 || ieung[i] == 0x3163 ? 'i' : 'o';
        n++;
    }
    return n;
}

static int entry_cmp(const void *a, const void *b)
{
    const uint32_t *x = a, *y = b;

    return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) : x[1] < y[1] ? -1 : x[1] > y[1];
}

static uint32_t entries[16384][3];

int main(int argc, char **argv)
{
    UErrorCode st = U_ZERO_ERROR;
    USpoofChecker *sc = uspoof_open(&st);
    FILE *f;
    UChar32 c;
    int i, j, s, n = 0;

    if (argc != 2 || U_FAILURE(st))
        return fprintf(stderr, "usage: confusables OUT.c (ICU: %s)\n", u_errorName(st)), 2;
    /* In code point order: the table is searched by halves. */
    add_range(sc, 0x41, 0x2AF);
    add_range(sc, 0x370, 0x3FF);
    add_range(sc, 0x400, 0x52F);
    add_range(sc, 0x531, 0x58F);
    add_range(sc, 0x13A0, 0x13FF);
    add_range(sc, 0x1400, 0x167F);
    add_range(sc, 0x1D00, 0x1D7F);
    add_range(sc, 0x1E00, 0x1EFF);
    add_range(sc, 0x2C60, 0x2C7F);
    add_range(sc, 0xA4D0, 0xA4FF);
    add_range(sc, 0xA720, 0xA7FF);
    add_range(sc, 0xAB70, 0xABBF);
    if ((f = fopen(argv[1], "w")) == NULL)
        return perror(argv[1]), 2;
    fprintf(f, "/* Generated by scripts/confusables.c from ICU %s's spoof checker\n"
               " * (UTS #39 skeletons): do not edit. {letter, script, look-alike}. */\n"
               "#include <stddef.h>\n#include <stdint.h>\n"
               "const uint32_t confusable_table[][3] = {\n", U_ICU_VERSION);
    for (i = 0; i < nletters; i++)
        for (s = LATIN; s <= GREEK; s++) {
            UChar up[16];
            if (s == letters[i].script)
                continue;
            /* The palochka ӏ, drawn as a dotless stroke like l (its
             * capital Ӏ's skeleton is l), has the skeleton i in UTS #39:
             * read as l (Воӏԁ is Bold; brief i12-kinds2, item 3). */
            if (s == LATIN && letters[i].c == 0x04CF && skeleton(sc, 0x04C0, up) == 0 &&
                latin_of(up) != 0) {
                entries[n][0] = (uint32_t)letters[i].c, entries[n][1] = (uint32_t)s;
                entries[n][2] = (uint32_t)latin_of(up);
                n++;
                continue;
            }
            for (j = 0; j < nletters; j++) {
                if (letters[j].script != s || !everyday(letters[j].c) ||
                    u_strcmp(letters[i].skel, letters[j].skel) != 0)
                    continue;
                entries[n][0] = (uint32_t)letters[i].c, entries[n][1] = (uint32_t)s;
                entries[n][2] = (uint32_t)u_tolower(letters[j].c);
                n++;
                break;
            }
        }
    n += other_scripts(sc, entries + n, (int)(sizeof entries / sizeof entries[0]) - n);
    qsort(entries, (size_t)n, sizeof entries[0], entry_cmp);
    for (i = 0; i < n; i++)
        fprintf(f, "{0x%04X,%u,0x%04X},\n", (unsigned)entries[i][0], (unsigned)entries[i][1],
                (unsigned)entries[i][2]);
    fprintf(f, "};\nconst size_t confusable_count = %d;\n", n);
    /* Letter-like characters NFKC leaves alone, read as basic Latin; and
     * the rare letters of Latin (IPA, phonetic and extended letters from
     * U+0250) and Cyrillic (historic letters from U+0460) whose skeleton
     * is that of one everyday letter of their own script (ᴏ, ʀ, ʟ: o r l;
     * ѳ: ө), read as that letter. */
    n = 0;
    fprintf(f, "const uint32_t letterlike_table[][2] = {\n");
    for (c = 0x80; c <= 0x1FFFF; c++) {
        int d = letterlike(c);
        for (i = 0; d == 0 && i < nletters; i++) {
            /* From U+0100 (report-adv12d F8: dotless ı in Kım), letters
             * NFKC leaves alone; ſ is NFKC's s. */
            if (letters[i].c != c || everyday(c) ||
                u_getIntPropertyValue(c, UCHAR_DECOMPOSITION_TYPE) != U_DT_NONE ||
                !((letters[i].script == LATIN && c >= 0x100) ||
                  (letters[i].script == CYRILLIC && c >= 0x460)))
                continue;
            for (j = 0; j < nletters; j++)
                if (letters[j].script == letters[i].script && everyday(letters[j].c) &&
                    u_strcmp(letters[i].skel, letters[j].skel) == 0) {
                    d = u_tolower(letters[j].c);
                    break;
                }
        }
        if (d != 0) {
            fprintf(f, "{0x%04X,0x%04X},\n", (unsigned)c, (unsigned)d);
            n++;
        }
    }
    fprintf(f, "};\nconst size_t letterlike_count = %d;\n", n);
    uspoof_close(sc);
    return fclose(f) == 0 ? 0 : 2;
}
