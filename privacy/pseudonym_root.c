/* An Arabic name's root in a pseudonym (brief s53 pseud53, report-adv52
 * P-1..P-6, P-10..P-14).  Arabic writes a word's consonants; its vowels
 * are the pattern that makes one word of the root (ʿanz "goat", ʿAnazah
 * the tribe, al-ʿAnazī its nisba; maṭar "rain", Muṭayr its diminutive of
 * the fuʿayl pattern; ʿabd "servant", ʿUbayd its diminutive), and Gulf,
 * Levantine and Egyptian spellings in Latin letters choose vowels freely
 * (Enezi, Anazi, Anizi, Enzi) and drop short ones (Mtairi).  A reader who
 * knows Arabic takes a word of the same consonants for the same name, so
 * the pseudonym's words and the name's are compared by their consonants
 * in a few classes, vowels, ʿayn, hamza, alif, w and y left out (the
 * long vowels and glides Latin spellings write as vowels), a word's first
 * ʿayn or hamza kept as "starts with a vowel" (Enezi, Anazi, Obaid, Omar
 * do; Mora, with Omar's m r, does not: pseudonym-scr45.bats).  The classes
 * and the pet-form shapes (fa''ūl Abboud, Khaloud; the last syllable,
 * Lido of Khalid; a consonant said twice, Dodi) are written by us from
 * the standard romanisations of the Arabic letters (Wikipedia,
 * "Romanization of Arabic", the table of ALA-LC, DIN 31635 and common
 * spellings; and "Arabic chat alphabet" for 2, 3, 5, 6, 7, 9), and from
 * Wikipedia, "Arabic name" (ʿAbd- compounds, nisba -ī, the article).  The
 * rule reads only a subject registered with an Arabic name (Arabic
 * letters, or an article or ʿAbd-, Abu, bin, ibn word): "Hilda" shares
 * Khalid's consonants h l d and is refused for him, not for anyone else. */
#include "privacy/pseudonym_root.h"

#include <sodium.h>
#include <string.h>
#include <strings.h>

#include "privacy/normalise.h"
#include "util/text.h"

#define ROOT_MAX 16     /* consonants kept of a word */
#define ROOTS_MAX 48    /* roots of a name's words and elements */

struct root {
    char c[ROOT_MAX];
    size_t n;
    int vowel_end;      /* the word ends in a vowel letter (Lido, Dodi) */
    int lead;           /* it starts with one (ʿayn, hamza: Enezi, Abd); -1 either */
};

/* The consonant class of a Cyrillic letter (Russian and Mongolian
 * spellings of Arabic names: Халид, Абдулла, Энези); 0 for a vowel or a
 * sign, -1 for none. */
static int cyrillic_class(int cp)
{
    static const char map[] = "_bfjd_jz__klmn_brst_fhssss______";   /* а..я */

    if (cp >= 0x0430 && cp <= 0x044F) {
        char c = map[cp - 0x0430];
        /* а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я */
        return c == '_' ? 0 : c;
    }
    if (cp == 0x0451 || cp == 0x04AF || cp == 0x04E9 || cp == 0x0456)
        return 0;       /* ё ү ө і */
    if (cp == 0x049B)
        return 'k';     /* қ */
    return -1;
}

/* The class of an Arabic or Persian letter; 0 for a vowel carrier (alif,
 * w, y, ʿayn, hamza, tāʾ marbūṭa), -1 for none. */
static int arabic_class(int cp)
{
    switch (cp) {
    case 0x0628: case 0x067E: return 'b';                 /* ب پ */
    case 0x062A: case 0x062B: case 0x0637: return 't';    /* ت ث ط */
    case 0x062C: case 0x063A: case 0x06AF: return 'j';    /* ج غ گ */
    case 0x062D: case 0x062E: case 0x0647: return 'h';    /* ح خ ه */
    case 0x062F: case 0x0630: case 0x0636: return 'd';    /* د ذ ض */
    case 0x0631: return 'r';
    case 0x0632: case 0x0638: case 0x0698: return 'z';    /* ز ظ ژ */
    case 0x0633: case 0x0634: case 0x0635: case 0x0686: return 's';
    case 0x0641: return 'f';
    case 0x0642: case 0x0643: case 0x06A9: return 'k';    /* ق ك ک */
    case 0x0644: return 'l';
    case 0x0645: return 'm';
    case 0x0646: return 'n';
    default: break;
    }
    return cp >= 0x0621 && cp <= 0x06FF ? 0 : -1;
}

/* The class of a Latin letter or chat-alphabet digit at s[i] (lower
 * case), the letters it takes in *used (kh, sh, th, dh, gh, ch, ph: 2);
 * 0 for a vowel, ', 2 or 3; -1 for none. */
static int latin_class(const char *s, size_t n, size_t i, size_t *used)
{
    char c = s[i], d = i + 1 < n ? s[i + 1] : '\0';

    *used = 1;
    if (d == 'h' && strchr("ksctdgp", c) != NULL) {
        *used = 2;
        return c == 'k' ? 'h' : c == 'c' ? 's' : c == 'g' ? 'j' : c == 'p' ? 'f' : c;
    }
    if (strchr("aeiouyw'23", c) != NULL)
        return 0;
    if (c == '7' || c == '5' || c == 'x')
        return 'h';
    if (c == '6')
        return 't';
    if (c == '9' || c == 'c' || c == 'q')
        return 'k';
    if (c == 'p')
        return 'b';
    if (c == 'v')
        return 'f';
    if (c == 'g')
        return 'j';
    return c >= 'a' && c <= 'z' ? c : -1;
}

/* Appends class k to r: a consonant written twice in a row is one
 * (Hassan, Muhammad), a vowel between keeps both (Dodi). */
static void put(struct root *r, int k, int *last)
{
    if (k == 0) {
        *last = 0;
        return;
    }
    if (k != *last && r->n < ROOT_MAX)
        r->c[r->n++] = (char)k;
    *last = k;
}

/* The root of the word w[0..n) (bytes): 0, or -1 on bad UTF-8 or a
 * character of no class (a digit, another script).  A final h after a
 * vowel (Abdullah, Fatimah) and a final ه are the vowel's spelling. */
static int root_of(struct root *r, const char *w, size_t n)
{
    size_t at = 0, used;
    int cp, k, last = 0, len, prev_vowel = 0;

    memset(r, 0, sizeof *r);
    while (at < n) {
        if ((len = utf8_next(&cp, w + at, n - at)) <= 0)
            return -1;
        if (cp < 0x80) {
            char low[2] = { (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp), 0 };
            char nx = at + 1 < n ? w[at + 1] : '\0';
            char buf[2] = { low[0], (char)(nx >= 'A' && nx <= 'Z' ? nx + 32 : nx) };
            k = latin_class(buf, 2, 0, &used);
            if (k == 'h' && used == 1 && at + 1 == n && prev_vowel)
                k = 0;
            len = (int)used;
        } else if ((k = cyrillic_class(cp >= 0x0410 && cp <= 0x042F ? cp + 32 : cp)) < 0 &&
                   (k = arabic_class(cp)) < 0) {
            return -1;
        } else if (cp == 0x0647 && at + (size_t)len == n) {
            k = 0;
        }
        if (at == 0)
            r->lead = k == 0;
        prev_vowel = k == 0;
        put(r, k, &last);
        at += (size_t)len;
        r->vowel_end = k == 0;
    }
    return 0;
}

static int is_word(const char *w, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i] != NULL; i++)
        if (strlen(list[i]) == n && strncasecmp(w, list[i], n) == 0)
            return 1;
    return 0;
}

/* The articles and kinship words of an Arabic name (Wikipedia, "Arabic
 * name"): skipped as words, and they mark a name as Arabic. */
static const char *const particles[] = {
    "al", "el", "ul", "abu", "bin", "ibn", "bint", "umm", "\xd8\xa7\xd9\x84" /* ال */,
    "\xd0\xb0\xd0\xbb\xd1\x8c" /* аль */, "\xd0\xb0\xd0\xbb" /* ал */,
    "\xd0\xb0\xd0\xb1\xd1\x83" /* абу */, "\xd0\xb8\xd0\xb1\xd0\xbd" /* ибн */, NULL,
};

/* 1 if the word w[0..n) starts with the article glued (al-, el-, ال). */
static size_t glued_article(const char *w, size_t n)
{
    if (n > 6 && memcmp(w, "\xd8\xa7\xd9\x84", 4) == 0)
        return 4;
    if (n > 4 && (strncasecmp(w, "al", 2) == 0 || strncasecmp(w, "el", 2) == 0))
        return 2;
    return 0;
}

static int next_word(const char *s, size_t len, size_t *at, size_t *a, size_t *b)
{
    while (*at < len) {
        *a = *at;
        for (*b = *a; *b < len && s[*b] != ' ' && s[*b] != '-' && s[*b] != '.'; (*b)++)
            ;
        *at = *b + 1;
        if (*b > *a)
            return 1;
    }
    return 0;
}

static void add(struct root *roots, size_t *nr, const struct root *r)
{
    if (r->n >= 2 && *nr < ROOTS_MAX)
        roots[(*nr)++] = *r;
}

/* The roots of the name's words into roots; 1 if the name is Arabic. */
static int name_roots(struct root *roots, size_t *nr, const char *name, size_t len)
{
    size_t at = 0, a, b, g;
    int arabic = 0, cp;
    struct root r, rest;

    for (size_t i = 0; i < len; i += 1)
        if (utf8_next(&cp, name + i, len - i) > 0 && cp >= 0x0600 && cp <= 0x06FF)
            arabic = 1;
    while (next_word(name, len, &at, &a, &b)) {
        if (is_word(name + a, b - a, particles)) {
            arabic = 1;
            continue;
        }
        if (root_of(&r, name + a, b - a) != 0)
            continue;
        add(roots, nr, &r);
        if ((g = glued_article(name + a, b - a)) > 0 && root_of(&rest, name + a + g, b - a - g) == 0)
            add(roots, nr, &rest);
        /* an ʿAbd- compound: Abd and the name after it (Abdulaziz) */
        if (r.n > 2 && r.c[0] == 'b' && r.c[1] == 'd') {
            arabic = 1;
            rest = r, rest.n = 2;
            add(roots, nr, &rest);
            memmove(rest.c, r.c + 2, r.n - 2), rest.n = r.n - 2, rest.lead = -1;
            if (rest.n > 2 && rest.c[0] == 'l')
                memmove(rest.c, rest.c + 1, --rest.n);
            add(roots, nr, &rest);
        }
        /* a participle's m- (Muhammad, Mahmoud, Mansour) */
        if (r.n >= 4 && r.c[0] == 'm') {
            memmove(rest.c, r.c + 1, r.n - 1), rest.n = r.n - 1, rest.lead = -1;
            add(roots, nr, &rest);
        }
    }
    sodium_memzero(&r, sizeof r), sodium_memzero(&rest, sizeof rest);
    return arabic;
}

static int same(const struct root *a, const char *c, size_t n)
{
    return a->n == n && memcmp(a->c, c, n) == 0;
}

/* 1 if the pseudonym word's root p is a form of the name root n. */
static int root_form(const struct root *p, const struct root *n)
{
    /* the same consonants, and a vowel first where the name's has one
     * (its ʿayn or hamza: Mora keeps Omar's m r but not its ʿ) */
    /* a root of two consonants after a consonant (Reza's r-ḍ) is met by
     * many words of other languages: the ending must agree too (Rida, Riza;
     * not Reed: pseudonym-scr45's "Tom Reed" for رضا احمدی) */
    if (same(p, n->c, n->n) && (n->lead < 0 || p->lead == n->lead) &&
        (n->n != 2 || n->lead != 0 || p->vowel_end == n->vowel_end))
        return 1;
    if (!p->vowel_end || p->n != 2)
        return 0;
    if (n->n == 3 && same(p, n->c + 1, 2))
        return 1;                       /* Lido of Khalid */
    return p->c[0] == p->c[1] && p->c[0] == n->c[n->n - 1];   /* Dodi */
}

int pseudonym_shares_root(const char *p, size_t plen, const char *name, size_t namelen)
{
    struct root roots[ROOTS_MAX], r, bare;
    size_t nr = 0, at = 0, a, b, g;
    int hit = 0;

    if (!name_roots(roots, &nr, name, namelen))
        nr = 0;
    while (nr > 0 && !hit && next_word(p, plen, &at, &a, &b)) {
        if (text_chars(p + a, b - a) < 3 || is_word(p + a, b - a, particles) ||
            root_of(&r, p + a, b - a) != 0)
            continue;
        g = glued_article(p + a, b - a);
        if (g > 0 && root_of(&bare, p + a + g, b - a - g) != 0)
            g = 0;
        for (size_t i = 0; i < nr && !hit; i++)
            hit = root_form(&r, &roots[i]) || (g > 0 && root_form(&bare, &roots[i]));
    }
    sodium_memzero(roots, sizeof roots);
    sodium_memzero(&r, sizeof r), sodium_memzero(&bare, sizeof bare);
    return hit;
}
