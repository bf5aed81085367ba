/* The other East Slavic spellings of a place's or employer's Cyrillic name,
 * their cases, their Latin spellings, and a Latin employer's Cyrillic
 * readings (place_uk.h place_slavic_forms; brief s29 place29, issue 12
 * kind 4, report-adv28a I-2, I-8, report-adv28c J-8). */
#include "privacy/place_uk.h"

#include <string.h>

#include <sodium.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"

#define SL_MAX 40                   /* letters of a name looked at */
#define SL_MIN 5                    /* fewer letters: no forms (a short name is a word too often) */

enum {
    A = 0x430, BE = 0x431, VE = 0x432, GHE = 0x433, DE = 0x434, IE = 0x435, ZHE = 0x436,
    ZE = 0x437, I = 0x438, SHORT_I = 0x439, KA = 0x43A, EL = 0x43B, EM = 0x43C, EN = 0x43D,
    O = 0x43E, PE = 0x43F, ER = 0x440, ES = 0x441, TE = 0x442, U = 0x443, EF = 0x444,
    HA = 0x445, TSE = 0x446, CHE = 0x447, SHA = 0x448, SHCHA = 0x449, HARD = 0x44A,
    YERU = 0x44B, SOFT = 0x44C, E = 0x44D, YU = 0x44E, YA = 0x44F, YO = 0x451, YE = 0x454,
    UK_I = 0x456, YI = 0x457, GHE_UP = 0x491,
};

/* The endings of the Ukrainian and Russian declensions, both languages'
 * at once (a name is written in either; a text mixes them: "в
 * Укрзализныце"), from the grammars' tables as the author knew them:
 * an adjective-type name (Кропивницький, Хмельницкий: -ого -ому -им -ім;
 * Russian -ом); a noun in -а/-я (Укрзалізниця: -і -и -у -ю -ою -ею,
 * Russian -е -ей -ой); a noun in -ь (Азовсталь: feminine -і -и -ю -ью,
 * masculine -я -ю -ем -еві -е; the Ukrainian instrumental doubles the
 * consonant before -ю, made apart); a noun in a hard consonant (Метінвест:
 * -а -у -ом -ові -і -е). */
static const char *const end_adj[] = { "ий", "ій", "ый", "ой", "ого", "ому", "им", "ім", "ом",
                                       "ое", "е" };
static const char *const end_first[] = { "а", "я", "и", "і", "ы", "е", "у", "ю", "ою", "ею",
                                         "ой", "ей", "о" };
static const char *const end_soft[] = { "ь", "і", "и", "ю", "ью", "я", "ем", "еві", "е", "ею" };
static const char *const end_hard[] = { "", "а", "у", "ом", "ові", "і", "е", "ы", "ам", "ах" };

/* The relative adjective of a noun (brief s30 slav30, report-adv29c
 * K-15): a hard consonant takes Ukrainian -івськ-, Russian -овск-
 * (Метінвест: метінвестівські робітники, метинвестовские рабочие); -ця
 * takes -чн- (Укрзалізниця: укрзалізничні); with the adjective's endings
 * in its genders and cases.  As the grammars form them, written by hand:
 * wants a native reviewer. */
static const char *const rel_hard[] = {
    "івський", "івська", "івське", "івського", "івському", "івській", "івських", "івським",
    "івською", "івську", "івськими", "івські", "івської",
    "овский", "овская", "овское", "овского", "овскому", "овской", "овских", "овским",
    "овскую", "овскими", "овские", "овском",
};
static const char *const rel_chn[] = {
    "чний", "чна", "чне", "чного", "чному", "чній", "чних", "чним", "чною", "чну", "чними",
    "чні", "чної", "чный", "чная", "чное", "чной", "чных", "чным", "чную", "чные", "чном",
};

static int vowel(int c)
{
    static const int v[] = { A, IE, I, O, U, YERU, E, YU, YA, YO, YE, UK_I, YI };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (c == v[i])
            return 1;
    return 0;
}

static int cyr(int c)
{
    return (c >= 0x430 && c <= 0x45F) || c == GHE_UP;
}

#define EMIT(cp, n, ends) place_uk_emit(cp, n, ends, sizeof ends / sizeof ends[0], fn, ctx)

/* The cases of the name cp[0..n), one spelling (see the endings above). */
static int decline(const int *cp, int n, place_uk_fn fn, void *ctx)
{
    int last = cp[n - 1], prev = cp[n - 2], b[SL_MAX + 1], rc;

    if (n < SL_MIN)
        return 0;
    if (last == SHORT_I && (prev == I || prev == UK_I || prev == YERU || prev == O))
        return EMIT(cp, n - 2, end_adj);
    if ((last == A || last == YA) && !vowel(prev)) {
        if ((rc = EMIT(cp, n - 1, end_first)) != 0 || prev != TSE)
            return rc;
        return EMIT(cp, n - 2, rel_chn);
    }
    if (last == SOFT && !vowel(prev)) {
        static const char *const yu[] = { "ю" };
        if ((rc = EMIT(cp, n - 1, end_soft)) != 0)
            return rc;
        /* Азовсталлю: the consonant doubled after a vowel. */
        if (!vowel(cp[n - 3]))
            return 0;
        memcpy(b, cp, sizeof *cp * (size_t)(n - 1));
        b[n - 1] = prev;
        return EMIT(b, n, yu);
    }
    if (!vowel(last) && last != SHORT_I && last != HARD && cyr(last)) {
        if ((rc = EMIT(cp, n, end_hard)) != 0)
            return rc;
        return EMIT(cp, n, rel_hard);
    }
    return 0;
}

/* The Russian spelling of a Ukrainian one (і ї → и, є → е, ґ → г, the
 * soft sign of -ськ/-цьк left out: Кропивницький → Кропивницкий), with
 * yeru for the Ukrainian и where yeru is 1 (Укрзалізниця →
 * Укрзализныця, as a Russian writer hears it); and the Ukrainian
 * spelling of a Russian one (ы → и, и → і, э → е).  The count. */
static int respell(int *out, const int *cp, int n, int how)
{
    int m = 0;

    for (int i = 0; i < n; i++) {
        int c = cp[i];
        if (how == 2) {
            out[m++] = c == YERU ? I : c == I ? UK_I : c == E ? IE : c;
            continue;
        }
        if (c == SOFT && i + 1 < n && cp[i + 1] == KA && i > 0 && (cp[i - 1] == ES || cp[i - 1] == TSE))
            continue;
        out[m++] = c == UK_I || c == YI ? I : c == YE ? IE : c == GHE_UP ? GHE
                   : c == I && how == 1 ? YERU : c;
    }
    return m;
}

enum { LAT_BGN, LAT_SCHOLARLY, LAT_RUSSIAN };

/* Latin spellings of a Ukrainian name: BGN/PCGN (1965: я ya, ю yu, є ye,
 * ї yi, ц ts, х kh: Ukrzaliznytsya) and the scholarly one German and
 * Polish writers use (я ja, ц c, ч č, х ch: Ukrzaliznycja); of its
 * Russian spelling, the Russian BGN/PCGN (г g, и i: Energoatom of
 * Енергоатом, as Kharkov of Харьков); the Ukrainian national one is
 * place_forms.c's.  NULL for a letter none has. */
static const char *latin(int c, int how)
{
    int scholarly = how == LAT_SCHOLARLY;

    if (how == LAT_RUSSIAN && (c == GHE || c == I || c == SHORT_I || c == E))
        return c == GHE ? "g" : c == I ? "i" : c == SHORT_I ? "y" : "e";
    static const char *const tab[2][32] = { {
        "a", "b", "v", "h", "d", "e", "zh", "z", "y", "y", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
    }, {
        "a", "b", "v", "h", "d", "e", "ž", "z", "y", "j", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "ch", "c", "č", "š", "šč", "", "y", "", "e", "ju", "ja",
    } };
    if (c >= A && c <= YA)
        return tab[scholarly][c - A];
    if (c == UK_I)
        return "i";
    if (c == YI)
        return scholarly ? "ji" : "yi";
    if (c == YE)
        return scholarly ? "je" : "ye";
    return c == GHE_UP ? "g" : NULL;
}

static int emit_latin(const int *cp, int n, int how, place_uk_fn fn, void *ctx)
{
    char buf[SL_MAX * 5 + 8];
    size_t at = 0;
    int rc;

    for (int i = 0; i < n; i++) {
        const char *r = latin(cp[i], how);
        if (r == NULL)
            return 0;
        memcpy(buf + at, r, strlen(r));
        at += strlen(r);
    }
    rc = fn(ctx, buf, at);
    sodium_memzero(buf, sizeof buf);
    return rc;
}

/* Every spelling of the Cyrillic name cp[0..n) with its cases, and its
 * Latin spellings.  own: cp is the name as registered (its own
 * nominative is a literal already). */
static int cyrillic_forms(const int *cp, int n, int own, place_uk_fn fn, void *ctx)
{
    int sp[3][SL_MAX], m[3], rc;
    static const char *const bare[] = { "" };

    if ((rc = decline(cp, n, fn, ctx)) != 0 || (!own && (rc = EMIT(cp, n, bare)) != 0))
        return rc;
    for (int h = 0; h < 3; h++) {
        m[h] = respell(sp[h], cp, n, h);
        if (m[h] == n && memcmp(sp[h], cp, sizeof *cp * (size_t)n) == 0)
            continue;
        if (h == 1 && m[0] == m[1] && memcmp(sp[0], sp[1], sizeof *cp * (size_t)m[1]) == 0)
            continue;
        if ((rc = EMIT(sp[h], m[h], bare)) != 0 || (rc = decline(sp[h], m[h], fn, ctx)) != 0)
            return rc;
    }
    if ((rc = emit_latin(cp, n, LAT_BGN, fn, ctx)) != 0 ||
        (rc = emit_latin(cp, n, LAT_SCHOLARLY, fn, ctx)) != 0)
        return rc;
    return emit_latin(sp[0], m[0], LAT_RUSSIAN, fn, ctx);
}

/* The Ukrainian (uk 1) or Russian reading of a Latin word in[0..n) (lower
 * case ASCII): shch щ, zh ж, kh х, ts ц, ch ч, sh ш, ya я, yu ю, ye є/е,
 * h г/х, i і/и, y и/ы (й before a vowel), x кс, w в, c к (ц before e, i).
 * The count, or 0 for a letter outside a-z. */
static int cyrillic_reading(int *out, const char *in, int n, int uk)
{
    static const struct { const char *l; int c; } multi[] = {
        { "shch", SHCHA }, { "zh", ZHE }, { "kh", HA }, { "ts", TSE }, { "ch", CHE },
        { "sh", SHA }, { "ya", YA }, { "yu", YU },
    };
    static const int single[26] = {
        A, BE, KA, DE, IE, EF, GHE, 0, 0, SHORT_I, KA, EL, EM, EN, O, PE, KA, ER, ES, TE, U,
        VE, VE, 0, 0, ZE,
    };
    int m = 0;

    for (int i = 0; i < n && m < SL_MAX - 1;) {
        size_t k, found = 0;
        for (k = 0; k < sizeof multi / sizeof multi[0]; k++) {
            size_t ml = strlen(multi[k].l);
            if ((size_t)(n - i) >= ml && memcmp(in + i, multi[k].l, ml) == 0) {
                out[m++] = multi[k].c, i += (int)ml, found = 1;
                break;
            }
        }
        if (found)
            continue;
        char c = in[i];
        if (c < 'a' || c > 'z')
            return 0;
        if (c == 'y' && i + 1 < n && (in[i + 1] == 'e'))
            out[m++] = uk ? YE : IE, i += 2;
        else if (c == 'y')
            out[m++] = i + 1 < n && strchr("aeiou", in[i + 1]) ? SHORT_I : uk ? I : YERU, i++;
        else if (c == 'h')
            out[m++] = uk ? GHE : HA, i++;
        else if (c == 'i')
            out[m++] = uk ? UK_I : I, i++;
        else if (c == 'x')
            out[m++] = KA, out[m++] = ES, i++;
        else if (c == 'c' && i + 1 < n && (in[i + 1] == 'e' || in[i + 1] == 'i'))
            out[m++] = TSE, i++;
        else
            out[m++] = single[c - 'a'], i++;
    }
    return m;
}

int place_slavic_forms(const char *text, size_t len, int latin_too, place_uk_fn fn, void *ctx)
{
    int cp[SL_MAX], n = 0, c, k, rc = 0, ascii = 1;
    char *norm;
    size_t nl, p;

    if (normalise_norm(&norm, &nl, text, len, NULL) != 0)
        return -1;
    for (p = 0; p < nl; p += (size_t)k) {
        if ((k = utf8_next(&c, norm + p, nl - p)) <= 0 || n == SL_MAX ||
            !(cyr(c) || (c >= 'a' && c <= 'z'))) {
            n = 0;
            break;
        }
        ascii &= c < 0x80;
        cp[n++] = c;
    }
    if (n >= SL_MIN && !ascii && cyr(cp[0]))
        rc = cyrillic_forms(cp, n, 1, fn, ctx);
    else if (n >= SL_MIN + 1 && ascii && latin_too) {
        /* Metinvest: Метінвест (на Метінвесті), Метинвест. */
        int r[SL_MAX], m;
        for (int uk = 1; rc == 0 && uk >= 0; uk--)
            if ((m = cyrillic_reading(r, norm, (int)nl, uk)) >= SL_MIN) {
                rc = cyrillic_forms(r, m, 0, fn, ctx);
                /* Azovstal: Азовсталь too (Азовсталлю), a final l soft. */
                if (rc == 0 && r[m - 1] == EL && m < SL_MAX) {
                    r[m] = SOFT;
                    rc = cyrillic_forms(r, m + 1, 0, fn, ctx);
                }
            }
        sodium_memzero(r, sizeof r);
    }
    secmem_free(norm);
    sodium_memzero(cp, sizeof cp);
    return rc;
}
