/* Readings and consonant skeletons across scripts (transcribe.h). */
#include "privacy/transcribe.h"

#include <stdint.h>
#include <string.h>

#include "privacy/romanise.h"
#include "util/text.h"

/* build/gen/pinyin_data.c (scripts/pinyin.sh): pinyin_han and
 * pinyin_hangul sorted by their first column, the syllables sorted. */
extern const char *const pinyin_syllables[];
extern const size_t pinyin_syllables_count;
extern const uint16_t pinyin_han[][2], pinyin_hangul[][2];
extern const size_t pinyin_han_count, pinyin_hangul_count;
/* build/gen/onyomi_data.c (scripts/onyomi.sh): Japanese on-readings, the
 * same shape as pinyin_hangul. */
extern const char *const onyomi_syllables[];
extern const size_t onyomi_syllables_count;
extern const uint16_t onyomi_hangul[][2];
extern const size_t onyomi_hangul_count;
/* build/gen/hanviet_data.c (scripts/hanviet.sh): Vietnamese readings, the
 * same shape. */
extern const char *const hanviet_syllables[];
extern const size_t hanviet_syllables_count;
extern const uint16_t hanviet_hangul[][2];
extern const size_t hanviet_hangul_count;

/* A table of readings by Hangul syllable: pinyin's or the on-readings. */
struct readings {
    const char *const *syl;
    size_t nsyl;
    const uint16_t (*hangul)[2];
    size_t nhangul;
};
static const struct readings pinyin_tab = { pinyin_syllables, 0, pinyin_hangul, 0 };
static const struct readings onyomi_tab = { onyomi_syllables, 0, onyomi_hangul, 0 };
static const struct readings hanviet_tab = { hanviet_syllables, 0, hanviet_hangul, 0 };

/* The letters of the Mongolian script, U+1820 (A) to U+1842 (CHI), read
 * by their Unicode character names (UnicodeData.txt in Debian's
 * unicode-data: MONGOLIAN LETTER QA, GA, ...) without the vowel a that
 * names a consonant.  Back and front vowels (o/u, oe/ue) are told apart
 * only by the word's other letters in the script, so they read as one. */
static const char *const mongolian[] = {
    "a", "e", "i", "o", "u", "o", "u", "e",         /* A E I O U OE UE EE */
    "n", "ng", "b", "p", "q", "g", "m", "l",        /* NA ANG BA PA QA GA MA LA */
    "s", "sh", "t", "d", "ch", "j", "y", "r",       /* SA SHA TA DA CHA JA YA RA */
    "w", "f", "k", "kh", "ts", "z", "h", "zr",      /* WA FA KA KHA TSA ZA HAA ZRA */
    "lh", "zh", "ch",                               /* LHA ZHI CHI */
};

int transcribe_is_mongolian(int cp)
{
    return cp >= 0x1820 && cp <= 0x1842;
}

/* The first row of tab[0..n) whose first column is at least cp. */
static size_t lower(const uint16_t (*tab)[2], size_t n, int cp)
{
    size_t lo = 0, hi = n, mid;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        if (tab[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int put(char *out, size_t cap, const char *s)
{
    size_t n = strlen(s);

    if (n > cap)
        return -1;
    memcpy(out, s, n);
    return (int)n;
}

/* Katakana U+30A1..U+30FA read by Hepburn romanisation (the small kana as
 * their large ones; ッ and the long mark ー U+30FC add no letter), for the
 * consonant skeleton: Japanese writes foreign names in katakana
 * (ボルド・ドルジ, サラ・ホイットフィールド; report adv12 A-5). */
static const char *const katakana[] = {
    "a", "a", "i", "i", "u", "u", "e", "e", "o", "o", "ka", "ga", "ki", "gi", "ku", "gu",
    "ke", "ge", "ko", "go", "sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo",
    "ta", "da", "chi", "ji", "", "tsu", "zu", "te", "de", "to", "do", "na", "ni", "nu",
    "ne", "no", "ha", "ba", "pa", "hi", "bi", "pi", "fu", "bu", "pu", "he", "be", "pe",
    "ho", "bo", "po", "ma", "mi", "mu", "me", "mo", "ya", "ya", "yu", "yu", "yo", "yo",
    "ra", "ri", "ru", "re", "ro", "wa", "wa", "i", "e", "o", "n", "vu", "ka", "ke", "va",
    "vi", "ve", "vo",
};

int transcribe_is_katakana(int cp)
{
    return (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC;
}

static int put_n(char *out, size_t cap, const char *s, size_t n)
{
    if (n > cap)
        return -1;
    memcpy(out, s, n);
    return (int)n;
}

/* 1 if transcribe_reading reads cp by its pinyin (a Han character). */
static int is_han_reading(int cp)
{
    return cp >= 0x3400 && cp <= 0xFFFF && !(cp >= 0xAC00 && cp <= 0xD7A3) &&
           !(cp >= 0x30A1 && cp <= 0x30FC);
}

int transcribe_reading(char *out, size_t cap, int cp)
{
    size_t i;

    if (cp == 0x30FC)
        return 0;
    if (cp >= 0x30A1 && cp <= 0x30FA)
        return put(out, cap, katakana[cp - 0x30A1]);

    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
        if (cap < 1)
            return -1;
        out[0] = (char)(cp | 0x20);
        return 1;
    }
    if (transcribe_is_mongolian(cp))
        return put(out, cap, mongolian[cp - 0x1820]);
    if ((cp >= 0x180B && cp <= 0x180F) || cp == 0x202F)
        return 0;               /* variation selectors, vowel separator */
    if (cp >= 0x3400 && cp <= 0xFFFF && !(cp >= 0xAC00 && cp <= 0xD7A3)) {
        i = lower(pinyin_han, pinyin_han_count, cp);
        if (i < pinyin_han_count && pinyin_han[i][0] == cp)
            return put(out, cap, pinyin_syllables[pinyin_han[i][1]]);
        return -1;
    }
    return romanise_reading(out, cap, cp, 1);
}

int transcribe_reading_heard(char *out, size_t cap, int cp)
{
    char py[16];
    int m = transcribe_reading(py, sizeof py, cp), o = 0, i = 0;

    if (m <= 0 || !is_han_reading(cp))
        return m <= 0 ? m : put_n(out, cap, py, (size_t)m);
    if (py[0] == 'q') {             /* 琴 qin: ч, as ch */
        if (cap < 2)
            return -1;
        out[o++] = 'c', out[o++] = 'h', i = 1;
    } else if (py[0] == 'w' && m > 1 && py[1] != 'u') {
        if (cap < 1)                /* 瓦 wa, 万 wan: в, as v */
            return -1;
        out[o++] = 'v', i = 1;
    }
    if (m - i >= 2 && py[m - 1] == 'g' && py[m - 2] == 'n')
        m--;                        /* 桑 sang: san */
    if ((size_t)(o + m - i) > cap)
        return -1;
    memcpy(out + o, py + i, (size_t)(m - i));
    return o + m - i;
}

size_t transcribe_heard_word(char *w, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++) {
        if (w[i] == 'w' && strchr("aeioy", w[i + 1]) != NULL)
            w[i] = 'v';             /* Wilson: 威尔逊 weiersun */
        else if ((w[i] == 'k' || w[i] == 'g') && w[i + 1] == 'i')
            w[i] = 'j';             /* Kowalski: 科瓦尔斯基 -siji */
        else if ((w[i] == 'k' || w[i] == 'g') && w[i + 1] == 'o' && (i == 0 || w[i - 1] != 'k'))
            w[i + 1] = 'e';         /* Гоша: 戈沙 gesha, Коша: 科沙, Коваленко: 科瓦连科 */
    }
    if (len >= 3 && w[len - 1] == 'r' && strchr("aeiouy", w[len - 2]) == NULL)
        len--;                      /* Oleksandr: 奥列克桑德 */
    return len;
}

/* transcribe_skeleton, with the vowels too when vowels is set
 * (transcribe_vowel_key). */
static size_t key(char *out, size_t cap, const char *s, size_t len, int vowels, int fold)
{
    size_t i, k, n = 0;
    char last = 0, c;

    for (i = 0; i < len; i++) {
        int a = (unsigned char)s[i], b = i + 1 < len ? (unsigned char)s[i + 1] : 0;
        switch (a) {
        case 'b': case 'p': case 'f': case 'v': c = 'P'; break;
        case 'd': case 't': c = 'T'; break;
        case 'g': case 'k': case 'q': c = 'K'; break;
        case 'c':
            c = b == 'h' || b == 'e' || b == 'i' || b == 'y' || b == 0 ? 'S' : 'K';
            break;
        case 's': case 'z': case 'j': case 'x': c = 'S'; break;
        case 'l': case 'r': c = 'L'; break;
        case 'm': c = 'M'; break;
        case 'n':
            /* With fold: a nasal before p, b or m is m, and pinyin's ng
             * there too: Chinese and Japanese write Thompson's m as n
             * (汤普森 tangpusen, トンプソン tonpuson; brief s26 names26). */
            c = 'N';
            if (fold && b == 'g' && i + 2 < len && strchr("pbm", s[i + 2]) != NULL)
                i++, b = (unsigned char)s[i + 1];
            if (fold && (b == 'p' || b == 'b' || b == 'm'))
                c = 'M';
            break;
        case 'a': case 'e': case 'i': case 'o': case 'u':
            for (k = i; k < len && strchr("aeiou", s[k]) != NULL; k++)
                ;
            /* ㅡ (eu) is the vowel Hangul writes where a foreign name has
             * none (Whitfield: 휘트필드); ㅓ (eo) writes o and a. */
            c = k - i == 2 && a == 'e' && b == 'u' ? 0 : a == 'e' && b == 'o' ? 'O'
                : a == 'a' && b == 'e' ? 'E' : (char)(a - 'a' + 'A');
            i = k - 1;
            if (c == 0)
                continue;       /* ㅡ parts nothing: 볼드 도르지 is Bold Dorj */
            if (!vowels) {
                last = 0;       /* a vowel parts two of one class (r-e-l) */
                continue;
            }
            break;
        default: c = 0; break;   /* h, w, y */
        }
        /* One sound of two letters: ts, dz (an h after a consonant is
         * left out like any h: ch, sh, zh, th, ph, kh). */
        if ((a == 't' && b == 's') || (a == 'd' && b == 'z'))
            c = 'S', i++;
        if (c == 0 || c == last)
            continue;
        if (n + 1 < cap)
            out[n] = c;
        n++, last = c;
    }
    out[n + 1 < cap ? n : cap - 1] = '\0';
    return n;
}

size_t transcribe_skeleton(char *out, size_t cap, const char *s, size_t len)
{
    return key(out, cap, s, len, 0, 0);
}

size_t transcribe_skeleton_cjk(char *out, size_t cap, const char *s, size_t len)
{
    return key(out, cap, s, len, 0, 1);
}

size_t transcribe_collapse(char *skel)
{
    size_t i, n = 0;

    for (i = 0; skel[i] != '\0'; i++)
        if (n == 0 || skel[n - 1] != skel[i])
            skel[n++] = skel[i];
    skel[n] = '\0';
    return n;
}

size_t transcribe_vowel_key(char *out, size_t cap, const char *s, size_t len)
{
    return key(out, cap, s, len, 1, 0);
}

size_t transcribe_loanword(char *out, size_t cap, const char *s, size_t len, int alt)
{
    size_t i, n = 0;

    for (i = 0; i < len; i++) {
        const char *put = NULL;
        char one[2] = { s[i], 0 };
        if (s[i] == 't' && i + 1 < len && s[i + 1] == 'h')
            put = "s", i++;                     /* Smith: 스미스 */
        else if ((alt & 1) && s[i] == 'c' && i + 1 < len && s[i + 1] == 'h')
            put = "k", i++;                     /* Michael: 마이클 */
        else if (s[i] == 'x')
            put = "ks";                         /* Alex: 알렉스 */
        else if ((alt & 2) && s[i] == 'r' && i > 0 && strchr("aeiouy", s[i - 1]) != NULL &&
                 (i + 1 == len || strchr("aeiouy", s[i + 1]) == NULL))
            put = "";                           /* Turner: 터너 */
        else
            put = one;
        for (const char *q = put; *q != '\0'; q++) {
            if (n == cap)
                return 0;
            out[n++] = *q;
        }
    }
    return n;
}

size_t transcribe_hangul_final(const char *s, size_t len)
{
    if (len >= 3 && s[len - 1] == 'i' && (s[len - 2] == 'j' || s[len - 2] == 'h') &&
        (s[len - 2] == 'j' || s[len - 3] == 'c'))
        return len - 1;
    return len;
}

/* The counts are not constant expressions: read them here. */
static struct readings tab_of(const struct readings *t)
{
    struct readings c = *t;

    c.nsyl = t == &pinyin_tab ? pinyin_syllables_count
             : t == &onyomi_tab ? onyomi_syllables_count : hanviet_syllables_count;
    c.nhangul = t == &pinyin_tab ? pinyin_hangul_count
                : t == &onyomi_tab ? onyomi_hangul_count : hanviet_hangul_count;
    return c;
}

/* 1 if s[0..len) reads the syllables syl[0..n), one reading of t each. */
static int reads(const struct readings *t, const char *s, size_t len, const int *syl, size_t n)
{
    size_t k;

    if (n == 0)
        return len == 0;
    for (k = lower(t->hangul, t->nhangul, syl[0]); k < t->nhangul && t->hangul[k][0] == syl[0]; k++) {
        const char *p = t->syl[t->hangul[k][1]];
        size_t m = strlen(p);
        if (m <= len && memcmp(s, p, m) == 0 && reads(t, s + m, len - m, syl + 1, n - 1))
            return 1;
    }
    return 0;
}

int transcribe_pinyin_reads(const char *s, size_t len, const int *syl, size_t n)
{
    struct readings t = tab_of(&pinyin_tab);
    return reads(&t, s, len, syl, n);
}

int transcribe_onyomi_reads(const char *s, size_t len, const int *syl, size_t n)
{
    struct readings t = tab_of(&onyomi_tab);
    return reads(&t, s, len, syl, n);
}

/* 1 if s[0..len) is one syllable of t. */
static int syllable(const struct readings *t, const char *s, size_t len)
{
    return text_sorted_find(t->syl, t->nsyl, s, len) >= 0;
}

/* 1 if s[0..len) splits into syllables of t (each of 1 to 6 letters). */
static int splits(const struct readings *t, const char *s, size_t len)
{
    unsigned char ok[64] = { 1 };   /* ok[i]: s[0..i) splits */
    size_t i, k;

    if (len == 0 || len >= sizeof ok)
        return 0;
    for (i = 1; i <= len; i++) {
        ok[i] = 0;
        for (k = i > 6 ? i - 6 : 0; k < i && !ok[i]; k++)
            ok[i] = ok[k] && syllable(t, s + k, i - k);
    }
    return ok[len];
}

int transcribe_is_pinyin(const char *s, size_t len)
{
    struct readings t = tab_of(&pinyin_tab);
    return splits(&t, s, len);
}

int transcribe_is_onyomi(const char *s, size_t len)
{
    struct readings t = tab_of(&onyomi_tab);
    return splits(&t, s, len);
}

int transcribe_hanviet_reads(const char *s, size_t len, const int *syl, size_t n)
{
    struct readings t = tab_of(&hanviet_tab);
    return reads(&t, s, len, syl, n);
}

int transcribe_is_hanviet(const char *s, size_t len)
{
    struct readings t = tab_of(&hanviet_tab);
    return splits(&t, s, len);
}

/* Katakana as Hepburn romaji for the on-readings: a small ャ ュ ョ after
 * an i-row kana makes one syllable (キョ kyo, ショ sho, ジュ ju), the
 * long mark and ッ add nothing (ショー sho: the on-readings are also kept
 * with short vowels, scripts/onyomi.sh). */
static int vowel(int c);

/* 1 if cp is a small vowel kana ァ ィ ゥ ェ ォ: after a kana of a
 * consonant it replaces that kana's vowel (ツェ tse, ヴェ ve, ティ ti,
 * シェ she), as katakana writes sounds Japanese lacks (内閣告示
 * "外来語の表記", 1991, table 1 and 2). */
static int small_vowel(int cp)
{
    return cp == 0x30A1 || cp == 0x30A3 || cp == 0x30A5 || cp == 0x30A7 || cp == 0x30A9;
}

size_t transcribe_kana_romaji(char *out, size_t cap, const char *s, size_t len)
{
    size_t i = 0, n = 0;
    int cp, k;

    while (i < len) {
        unsigned char b = (unsigned char)s[i];
        k = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        if (i + (size_t)k > len)
            break;
        cp = k == 3 ? (b & 0x0F) << 12 | ((unsigned char)s[i + 1] & 0x3F) << 6 |
                      ((unsigned char)s[i + 2] & 0x3F) : -1;     /* kana: 3 bytes */
        i += (size_t)k;
        if (cp >= 0x3041 && cp <= 0x3096)
            cp += 0x60;         /* hiragana: the same letter in katakana */
        if ((cp == 0x30E3 || cp == 0x30E5 || cp == 0x30E7) && n >= 2 && out[n - 1] == 'i') {
            int sh = out[n - 2] == 'h' || out[n - 2] == 'j';   /* shi chi ji: sha */
            n -= 1;
            if (!sh) {
                out[n++] = 'y';
            }
            if (n + 1 > cap)
                return 0;
            out[n++] = cp == 0x30E3 ? 'a' : cp == 0x30E5 ? 'u' : 'o';
            continue;
        }
        if (small_vowel(cp) && n >= 2 && vowel(out[n - 1]) && !vowel(out[n - 2])) {
            out[n - 1] = katakana[cp - 0x30A1][0];      /* ツェ tse, ヴァ va */
            continue;
        }
        if (!transcribe_is_katakana(cp))
            continue;           /* the middle dot between the words */
        int m = transcribe_reading(out + n, cap - n, cp);
        if (m < 0)
            return 0;
        n += (size_t)m;
    }
    return n;
}

static int vowel(int c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

size_t transcribe_classical(char *s, size_t len)
{
    size_t i, n = 0;

    for (i = 0; i < len; i++) {
        if ((s[i] == 'g' || s[i] == 'q') && n > 0 && vowel(s[n - 1]) && i + 1 < len &&
            vowel(s[i + 1]))
            continue;
        s[n++] = s[i];
    }
    return n;
}
