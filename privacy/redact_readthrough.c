/* Names read through another writing of their letters (brief s18 items 1
 * and 4, report-adv17a D-22, D-23, D-34, D-46): a word written in Greek
 * or Armenian letters, in Braille cells, typed on a Korean keyboard with
 * the input method in the wrong mode, or with the chat laugh's consonant
 * folded into its last syllable is read into the letters a name is
 * registered in, and that reading is matched against the redactor's own
 * literals (redact_match_buf): one rule for what is protected, whatever
 * the writing.  The readings and their sources: docs/VARIANTS.md,
 * "Writings read through (brief s18)". */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/varlist.h"

/* Words of a window, bytes of a reading. */
#define RT_WORDS 3
#define RT_MAX 128
/* Letters a word typed in the wrong input mode needs (4: two syllables
 * at least, as whdtn for 종수), and syllables its reading needs. */
#define BEOLSIK_MIN 4
#define BEOLSIK_SYL 2

/* The writings read here. */
enum rt_kind { RT_NONE, RT_GREEK, RT_ARMENIAN, RT_BRAILLE, RT_BEOLSIK };

static enum rt_kind kind_of(int cp)
{
    if ((cp >= 0x0370 && cp <= 0x03FF) || (cp >= 0x1F00 && cp <= 0x1FFF))
        return RT_GREEK;
    if (cp >= 0x0531 && cp <= 0x058A)
        return RT_ARMENIAN;
    if (cp > 0x2800 && cp <= 0x28FF && cp != 0x2824)  /* ⠤: the hyphen */
        return RT_BRAILLE;
    if (cp >= 'a' && cp <= 'z')
        return RT_BEOLSIK;
    return RT_NONE;
}

/* ---- Greek ----
 * Modern Greek letters as they sound, which is how Greek writes foreign
 * names (Κιμ Τζονγκ-σου for Kim Jong-su; ELOT 743's phonetic column, the
 * UN's transcription of Greek): the digraphs ου u, αι e, ει οι υι i, αυ av,
 * ευ ev, τσ ts, τζ j (the English j and soft g: Τζορτζ for George; pass 1
 * reads it g), μπ b and ντ d at a word's start or after a consonant (mb,
 * nd after a vowel), γκ g at a word's start and after ν (ng inside;
 * pass 1 g everywhere, as Greek writes a foreign name's g: Τσετσεγκμάα
 * for Tsetsegmaa, report-adv38 L-60), γγ ng, γι and γυ y before a vowel; then one letter each, η ι υ
 * i, ω o, χ h (pass 1 kh), θ th, ξ ks, ψ ps, β v.  Accents are dropped;
 * a diaeresis is kept (ϊ ϋ i, and no digraph with the vowel before).
 * ICU's Greek-Latin transform is a letter-for-letter transliteration
 * (Kim Tzon'nk-sou): it does not give the spelling a name was written
 * from. */
static int greek_base(int cp)
{
    static const struct { int from, to; } acc[] = {
        {0x3AC, 0x3B1}, {0x3AD, 0x3B5}, {0x3AE, 0x3B7}, {0x3AF, 0x3B9}, {0x3CC, 0x3BF},
        {0x3CD, 0x3C5}, {0x3CE, 0x3C9},
        {0x3C2, 0x3C3},
    };
    /* ϊ ΐ ϋ ΰ keep their diaeresis (Ϊ Ϋ as well): it says the letter
     * makes no digraph with the vowel before (Αναΐτ is a-na-it, not
     * an-et: report-adv38); greek_letter reads them i */
    if (cp == 0x3AA || cp == 0x390)
        return 0x3CA;
    if (cp == 0x3AB || cp == 0x3B0)
        return 0x3CB;
    for (size_t i = 0; i < sizeof acc / sizeof acc[0]; i++)
        if (cp == acc[i].from)
            return acc[i].to;
    if (cp >= 0x391 && cp <= 0x3A9)
        return cp + 0x20;
    return cp;
}

static const char *greek_letter(int cp, int pass)
{
    static const char *const l[] = {
        "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "ks", "o", "p",
        "r", "s", "s", "t", "i", "f", "h", "ps", "o",
    };
    if (cp == 0x3C7 && pass == 1)
        return "kh";
    if (cp == 0x3CA || cp == 0x3CB)
        return "i";
    return cp >= 0x3B1 && cp <= 0x3C9 ? l[cp - 0x3B1] : NULL;
}

/* 1 if cp (a base letter) is a Greek vowel. */
static int greek_vowel(int cp)
{
    return cp == 0x3B1 || cp == 0x3B5 || cp == 0x3B7 || cp == 0x3B9 || cp == 0x3BF ||
           cp == 0x3C5 || cp == 0x3C9 || cp == 0x3CA || cp == 0x3CB;
}

/* Reads the Greek word w[0..n) (code points, base letters) into out. */
static size_t greek_read(char *out, size_t cap, const int *w, size_t n, int pass)
{
    size_t i = 0, used = 0;
    const char *s;

    while (i < n) {
        int a = w[i], b = i + 1 < n ? w[i + 1] : 0, c = i + 2 < n ? w[i + 2] : 0;
        size_t step = 2;
        s = NULL;
        if (a == 0x3BF && b == 0x3C5)
            s = "u";
        else if (a == 0x3B1 && b == 0x3B9)
            s = "e";
        else if ((a == 0x3B5 || a == 0x3BF || a == 0x3C5) && b == 0x3B9)
            s = "i";
        else if (a == 0x3B1 && b == 0x3C5)
            s = "av";
        else if (a == 0x3B5 && b == 0x3C5)
            s = "ev";
        else if (a == 0x3C4 && b == 0x3C3)
            s = "ts";
        else if (a == 0x3C4 && b == 0x3B6)
            s = pass == 1 ? "g" : "j";
        else if (a == 0x3BC && b == 0x3C0)
            s = i == 0 || !greek_vowel(w[i - 1]) ? "b" : "mb";
        else if (a == 0x3BD && b == 0x3C4 && c != 0x3B6)
            s = i == 0 || !greek_vowel(w[i - 1]) ? "d" : "nd";
        else if (a == 0x3B3 && (b == 0x3B9 || b == 0x3C5) && greek_vowel(c))
            s = "y";            /* γι, γυ before a vowel: Μπατμπαγιάρ */
        else if (a == 0x3B3 && b == 0x3BA)
            s = i == 0 || w[i - 1] == 0x3BD || pass == 1 ? "g" : "ng";
        else if (a == 0x3B3 && b == 0x3B3)
            s = "ng";
        if (s == NULL) {
            step = 1;
            if ((s = greek_letter(a, pass)) == NULL)
                return 0;
        }
        size_t k = strlen(s);
        if (used + k > cap)
            return 0;
        memcpy(out + used, s, k), used += k, i += step;
    }
    return used;
}

/* ---- Armenian ----
 * ICU's Armenian-Latin transform (ISO 9985) with its marks dropped, and
 * the letters it writes with a háček, x or an apostrophe as BGN/PCGN
 * writes them (ž zh, x kh, c ts, j dz, ġ gh, č ch, š sh, ǰ j): the
 * spellings a name is registered in.  ու is u, և ev.  Index: the
 * lower-case letter minus U+0561 (ա). */
static const char *const armenian[] = {
    "a", "b", "g", "d", "e", "z", "e", "e", "t", "zh", "i", "l", "kh", "ts", "k", "h",
    "dz", "gh", "ch", "m", "y", "n", "sh", "o", "ch", "p", "j", "r", "s", "v", "t", "r",
    "ts", "v", "p", "k", "o", "f", "ev",
};

static size_t armenian_read(char *out, size_t cap, const int *w, size_t n)
{
    size_t i, used = 0;

    for (i = 0; i < n; i++) {
        int cp = w[i] >= 0x531 && w[i] <= 0x556 ? w[i] + 0x30 : w[i];
        const char *s;
        if (cp == 0x578 && i + 1 < n && w[i + 1] == 0x582)
            s = "u", i++;
        else if (cp >= 0x561 && cp <= 0x587)
            s = armenian[cp - 0x561];
        else
            return 0;
        size_t k = strlen(s);
        if (used + k > cap)
            return 0;
        memcpy(out + used, s, k), used += k;
    }
    return used;
}

/* ---- Braille ----
 * English Braille's letters a to z (grade 1, the Unified English Braille
 * alphabet; Unicode's Braille Patterns block numbers a cell by its dots,
 * dot 1 = bit 0 ... dot 6 = bit 5); the capital sign (dot 6) is left out.
 * Korean Braille (한글 점자, 2020) contracts syllables and is not read:
 * a Braille word no name is read in is a review flag (unread-script). */
static const unsigned char braille_letters[26] = {
    0x01, 0x03, 0x09, 0x19, 0x11, 0x0B, 0x1B, 0x13, 0x0A, 0x1A, 0x05, 0x07, 0x0D,
    0x1D, 0x15, 0x0F, 0x1F, 0x17, 0x0E, 0x1E, 0x25, 0x27, 0x3A, 0x2D, 0x3D, 0x35,
};

static size_t braille_read(char *out, size_t cap, const int *w, size_t n)
{
    size_t i, used = 0;

    for (i = 0; i < n; i++) {
        int dots = w[i] - 0x2800, k;
        if (dots == 0x20)
            continue;           /* the capital sign */
        for (k = 0; k < 26 && braille_letters[k] != dots; k++)
            ;
        if (k == 26 || used >= cap)
            return 0;
        out[used++] = (char)('a' + k);
    }
    return used;
}

/* ---- The Korean keyboard (KS X 5002, the standard 2-beolsik layout) ----
 * A Hangul name typed with the input method in Latin mode is its keys
 * (김종수: rlawhdtn).  Each key's jamo, as an initial (choseong index,
 * Unicode 3.12) and a final (jongseong index), or a vowel (jungseong
 * index); -1 where there is none.  Shifted keys (ㄲ ㄸ ㅃ ㅆ ㅉ ㅒ ㅖ) are
 * read unshifted, as the text is case folded. */
static const signed char key_initial[26] = {
    /* a  b  c   d  e  f  g   h  i  j  k  l  m  n  o  p  q  r  s  t  u   v   w   x   y   z */
    6, -1, 14, 11, 3, 5, 18, -1, -1, -1, -1, -1, -1, -1, -1, -1, 7, 0, 2, 9, -1, 17, 12, 16, -1, 15,
};
static const signed char key_final[26] = {
    16, -1, 23, 21, 7, 8, 27, -1, -1, -1, -1, -1, -1, -1, -1, -1, 17, 1, 4, 19, -1, 26, 22, 25, -1, 24,
};
static const signed char key_vowel[26] = {
    -1, 17, -1, -1, -1, -1, -1, 8, 2, 4, 0, 20, 18, 13, 1, 5, -1, -1, -1, -1, 6, -1, -1, -1, 12, -1,
};

/* The compound vowel of a and b (ㅘ ㅙ ㅚ ㅝ ㅞ ㅟ ㅢ), or -1. */
static int vowel_pair(int a, int b)
{
    if (a == 8)
        return b == 0 ? 9 : b == 1 ? 10 : b == 20 ? 11 : -1;
    if (a == 13)
        return b == 4 ? 14 : b == 5 ? 15 : b == 20 ? 16 : -1;
    return a == 18 && b == 20 ? 19 : -1;
}

/* The compound final of final a and the key k's consonant, or -1. */
static int final_pair(int a, int k)
{
    int b = key_final[k];

    if (a == 1 && b == 19)
        return 3;
    if (a == 4)
        return b == 22 ? 5 : b == 27 ? 6 : -1;
    if (a == 8)
        return b == 1 ? 9 : b == 16 ? 10 : b == 17 ? 11 : b == 19 ? 12 : b == 25 ? 13
               : b == 26 ? 14 : b == 27 ? 15 : -1;
    return a == 17 && b == 19 ? 18 : -1;
}

/* Reads the keys s[0..n) (a-z) as the syllables the input method makes;
 * writes them in UTF-8 to out and returns the length, or 0 unless every
 * key went into a whole syllable (a run of English letters seldom does). */
static size_t beolsik_read(char *out, size_t cap, const char *s, size_t n, size_t *nsyl)
{
    size_t i = 0, used = 0;

    *nsyl = 0;
    while (i < n) {
        int l = key_initial[s[i] - 'a'], v, t = 0, p;
        if (l < 0 || i + 1 >= n || (v = key_vowel[s[i + 1] - 'a']) < 0)
            return 0;
        i += 2;
        if (i < n && key_vowel[s[i] - 'a'] >= 0) {
            if ((p = vowel_pair(v, key_vowel[s[i] - 'a'])) < 0)
                return 0;
            v = p, i++;
        }
        /* A consonant is a final unless a vowel follows it. */
        if (i < n && key_final[s[i] - 'a'] >= 0 && !(i + 1 < n && key_vowel[s[i + 1] - 'a'] >= 0)) {
            t = key_final[s[i] - 'a'], i++;
            if (i < n && key_final[s[i] - 'a'] >= 0 && !(i + 1 < n && key_vowel[s[i + 1] - 'a'] >= 0)) {
                if ((p = final_pair(t, s[i] - 'a')) < 0)
                    return 0;
                t = p, i++;
            }
        }
        int cp = 0xAC00 + (l * 21 + v) * 28 + t;
        if (used + 3 > cap)
            return 0;
        out[used++] = (char)(0xE0 | (cp >> 12));
        out[used++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[used++] = (char)(0x80 | (cp & 0x3F));
        (*nsyl)++;
    }
    return used;
}

/* ---- Matching a reading ---- */

/* A word of the text: norm bytes [start, end), its kind. */
struct rt_word {
    size_t start, end;
    enum rt_kind kind;
    int capital;
};

struct rt_match {
    const struct redactor *r;
    const size_t *bound;        /* key offsets where each word starts, and the end */
    size_t nbound;
    size_t lit, first, last;    /* the longest hit: literal, first and last word */
    size_t best;
};

static int on_lit(void *arg, size_t lit, size_t end)
{
    struct rt_match *m = arg;
    size_t keylen = m->r->lits[lit].keylen, a, b;

    if (keylen > end || m->r->lits[lit].initials)
        return 0;
    for (a = 0; a < m->nbound && m->bound[a] != end - keylen; a++)
        ;
    b = m->nbound - 1;          /* the window's last word ends it */
    if (a >= b || m->bound[b] != end || keylen <= m->best)
        return 0;
    m->best = keylen, m->lit = lit, m->first = a, m->last = b - 1;
    return 0;
}

int redact_read_file(struct spans *sp, struct spans *flags, const struct redactor *r, size_t lit,
                     size_t start, size_t end)
{
    const struct lit *l = &r->lits[lit];
    const struct term *tm = &r->terms[l->term];
    struct redact_form f = redact_lit_form(r, lit);
    struct span s = { start, end, 0, RULE_VARIANT, tm->subject, l->term, 0, 0, 0 };

    if (f.kind != FORM_REPLACE) {
        if (flags == NULL)
            return 0;
        s.cat = FLAG_TRANSCRIPTION, s.review = 1;
        return redact_span_add(flags, &s);
    }
    s.cat = l->father || l->shared ? TERM_PERSON : tm->cat == NAME_CAT ? CAT_PSEUDONYM : tm->cat;
    return redact_span_add(sp, &s);
}

/* Files the hit of m over the words ws[m->first..m->last] (or up to the
 * norm byte end when end is not 0). */
static int file_hit(struct spans *sp, struct spans *flags, const struct redactor *r,
                    const struct rt_match *m, const struct rt_word *ws, size_t end)
{
    return redact_read_file(sp, flags, r, m->lit, ws[m->first].start,
                            end ? end : ws[m->last].end);
}

/* The reading of the norm word w into out; 0 if it has none. */
static size_t read_word(char *out, size_t cap, const struct normtext *t, const struct rt_word *w,
                        int pass)
{
    int cps[RT_MAX], cp, n;
    size_t p = w->start, k = 0, nsyl;

    if (w->kind == RT_BEOLSIK) {
        if (w->end - w->start < BEOLSIK_MIN)
            return 0;
        size_t m = beolsik_read(out, cap, t->norm + w->start, w->end - w->start, &nsyl);
        return nsyl >= BEOLSIK_SYL ? m : 0;
    }
    while (p < w->end && k < RT_MAX && (n = utf8_next(&cp, t->norm + p, w->end - p)) > 0)
        cps[k++] = w->kind == RT_GREEK ? greek_base(cp) : cp, p += (size_t)n;
    if (p < w->end)
        return 0;
    return w->kind == RT_GREEK ? greek_read(out, cap, cps, k, pass)
           : w->kind == RT_ARMENIAN ? armenian_read(out, cap, cps, k)
                                    : braille_read(out, cap, cps, k);
}

size_t redact_read_letters(char *out, size_t cap, const char *s, size_t len, int pass)
{
    int cps[RT_MAX], cp, n;
    size_t p = 0, k = 0;
    enum rt_kind kind = RT_NONE;

    while (p < len && k < RT_MAX && (n = utf8_next(&cp, s + p, len - p)) > 0) {
        enum rt_kind kk = kind_of(cp);
        if ((kk != RT_GREEK && kk != RT_ARMENIAN) || (kind != RT_NONE && kk != kind))
            return 0;
        kind = kk;
        cps[k++] = kind == RT_GREEK ? greek_base(cp) : cp, p += (size_t)n;
    }
    if (p < len || k == 0)
        return 0;
    return kind == RT_GREEK ? greek_read(out, cap, cps, k, pass) : armenian_read(out, cap, cps, k);
}

/* 1 if only spaces, hyphens or middle dots (or a blank Braille cell)
 * stand between norm bytes a and b. */
static int joined(const char *s, size_t a, size_t b)
{
    int cp, n;

    if (a == b)
        return 0;
    while (a < b && (n = utf8_next(&cp, s + a, b - a)) > 0) {
        if (cp != ' ' && cp != '-' && cp != 0xB7 && cp != 0x2800 && cp != 0x2824 && cp != 0x2010 &&
            cp != 0x2011)
            return 0;
        a += (size_t)n;
    }
    return 1;
}

/* Matches the readings of the windows starting at ws[0] (nw words
 * joined to it); *hit set when one was filed. */
static int scan_window(struct spans *sp, struct spans *flags, const struct redactor *r,
                       struct redact_ctx *ctx, const struct normtext *t, const struct rt_word *ws,
                       size_t nw, int *hit)
{
    char rd[RT_MAX * 2];
    size_t bound[RT_WORDS + 1], used, j, m;
    int pass, rc = 0;

    *hit = 0;
    for (pass = 0; pass < 2 && rc == 0 && !*hit; pass++) {
        struct rt_match mt = { r, bound, 0, 0, 0, 0, 0 };
        size_t first = 0;
        if (pass == 1 && ws[0].kind != RT_GREEK)
            break;
        /* The words after the last one with no reading. */
        for (used = 0, j = 0; j < nw; j++) {
            bound[j - first] = used;
            if ((m = read_word(rd + used, sizeof rd - used, t, &ws[j], pass)) == 0)
                used = 0, first = j + 1;
            else
                used += m;
        }
        if (first == nw)
            break;
        bound[nw - first] = used, mt.nbound = nw - first + 1;
        if (redact_match_buf(r, ctx, rd, used, on_lit, &mt) != 0)
            rc = -1;
        else if (mt.best > 0) {
            rc = file_hit(sp, flags, r, &mt, ws + first, 0);
            *hit = 1;
        }
    }
    sodium_memzero(rd, sizeof rd);
    return rc;
}

/* ---- The chat laugh folded into a syllable ----
 * ㅋㅋ ("lol") typed straight after a word is often taken by the input
 * method as the last syllable's final: 종수 + ㅋㅋ gives 종숰ㅋ, 민서 + ㅋ
 * gives 민섴 (and ㅎㅎ, ㅍㅍ the same).  A Hangul word whose syllable ends
 * in ㅋ ㅎ or ㅍ followed by the same consonant as a jamo (U+3131 block) is
 * read without that final. */
static int laugh_final(int cp, int next)
{
    int t = (cp - 0xAC00) % 28;

    if (cp < 0xAC00 || cp > 0xD7A3)
        return 0;
    /* The norm view writes the jamo as initials (U+110F ᄏ, U+1112 ᄒ,
     * U+1111 ᄑ); the compatibility jamo (U+314B ㅋ ...) as typed. */
    return (t == 24 && (next == 0x314B || next == 0x110F)) ||
           (t == 27 && (next == 0x314E || next == 0x1112)) ||
           (t == 26 && (next == 0x314D || next == 0x1111));
}

static int scan_laugh(struct spans *sp, struct spans *flags, const struct redactor *r,
                      struct redact_ctx *ctx, const struct normtext *t)
{
    size_t p = 0, start = 0;
    int cp, n, next, rc = 0;

    while (p < t->normlen && rc == 0 && (n = utf8_next(&cp, t->norm + p, t->normlen - p)) > 0) {
        if (cp < 0xAC00 || cp > 0xD7A3) {
            p += (size_t)n, start = p;
            continue;
        }
        if (p + (size_t)n < t->normlen &&
            utf8_next(&next, t->norm + p + n, t->normlen - p - (size_t)n) > 0 &&
            laugh_final(cp, next) && p - start <= 3 * 4) {
            char rd[64];
            size_t len = p - start, bound[2] = { 0, 0 };
            int base = cp - (cp - 0xAC00) % 28;
            struct rt_match mt = { r, bound, 2, 0, 0, 0, 0 };
            struct rt_word w = { start, p + (size_t)n, RT_NONE, 0 };
            memcpy(rd, t->norm + start, len);
            rd[len++] = (char)(0xE0 | (base >> 12));
            rd[len++] = (char)(0x80 | ((base >> 6) & 0x3F));
            rd[len++] = (char)(0x80 | (base & 0x3F));
            bound[1] = len;
            if (redact_match_buf(r, ctx, rd, len, on_lit, &mt) != 0)
                rc = -1;
            else if (mt.best > 0)
                rc = file_hit(sp, flags, r, &mt, &w, 0);
            sodium_memzero(rd, sizeof rd);
        }
        p += (size_t)n;
    }
    return rc;
}

int redact_protects_person(const struct redactor *r)
{
    for (size_t i = 0; i < r->nterms; i++)
        if (r->terms[i].cat == NAME_CAT || r->terms[i].cat == TERM_PERSON)
            return 1;
    return 0;
}

int redact_read_through(struct spans *sp, struct spans *flags, const struct redactor *r,
                        struct redact_ctx *ctx, const struct normtext *t)
{
    struct rt_word ws[RT_WORDS];
    size_t p = 0, nw = 0, q;
    int cp, n, rc = 0, person;

    if (!redact_can_match(r) || !(person = redact_protects_person(r)))
        return 0;
    if (scan_laugh(sp, flags, r, ctx, t) != 0)
        return -1;
    while (p < t->normlen && rc == 0 && (n = utf8_next(&cp, t->norm + p, t->normlen - p)) > 0) {
        enum rt_kind k = kind_of(cp);
        int before = -1, ocp = 0, hit = 0;
        if (k == RT_NONE) {
            p += (size_t)n;
            continue;
        }
        if (p > 0)
            before = redact_cp_before(t->norm, p);
        /* The word: a run of one kind; Latin keys only as a whole word
         * (digits may follow: rlawhdtn75). */
        for (q = p; q < t->normlen && (n = utf8_next(&cp, t->norm + q, t->normlen - q)) > 0 &&
                    kind_of(cp) == k; q += (size_t)n)
            ;
        struct rt_word w = { p, q, k, 0 };
        w.capital = utf8_next(&ocp, t->orig + t->ostart[p], t->inlen - t->ostart[p]) > 0 &&
                    normalise_is_upper(ocp);
        p = q;
        if (k == RT_BEOLSIK && ((before >= 0 && is_word_cp(before)) ||
                                (q < t->normlen && utf8_next(&cp, t->norm + q, t->normlen - q) > 0 &&
                                 is_word_cp(cp) && !(cp >= '0' && cp <= '9'))))
            continue;
        /* Greek and Armenian have capitals, and a name has one. */
        if (nw > 0 && (ws[nw - 1].kind != k || !joined(t->norm, ws[nw - 1].end, w.start)))
            nw = 0;
        if (nw == 0 && (k == RT_GREEK || k == RT_ARMENIAN) && !w.capital)
            continue;
        if (nw == RT_WORDS)
            memmove(ws, ws + 1, (RT_WORDS - 1) * sizeof *ws), nw--;
        ws[nw++] = w;
        /* The windows ending at this word (the longest hit). */
        rc = scan_window(sp, flags, r, ctx, t, ws, nw, &hit);
        if (rc == 0 && !hit && k == RT_BRAILLE && flags != NULL) {
            struct span f = { w.start, w.end, FLAG_UNREAD_SCRIPT, 0, 0, SIZE_MAX, 0, 0, 0 };
            rc = redact_span_add(flags, &f);
        }
    }
    return rc;
}
