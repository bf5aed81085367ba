#include "privacy/normalise.h"

#include <sodium.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/confusable.h"
#include "privacy/entities.h"
#include "privacy/hanja.h"
#include "privacy/kana.h"
#include "privacy/romanise.h"
#include "privacy/normalise_int.h"

static int emit_cp(struct builder *bd, int cp, size_t os)
{
    utf8proc_uint8_t u[4];
    utf8proc_ssize_t n;

    if (norm_is_space_cp(cp)) {
        if (bd->len > 0 && bd->s[bd->len - 1] == ' ')
            return 0;           /* the run ends where the next character starts */
        return norm_put(bd, " ", 1, os);
    }
    if (norm_is_dash(cp))
        return norm_put(bd, "-", 1, os);
    if (norm_is_apostrophe(cp))
        return norm_put(bd, "'", 1, os);
    n = utf8proc_encode_char(cp, u);
    if (n <= 0)
        return 0;
    if (norm_put(bd, (const char *)u, (size_t)n, os) != 0)
        return -1;
    return norm_put_reading(bd, cp, (size_t)n);
}

/* Length in bytes of the combining sequence starting at s[0]. */
static size_t seq_length(const char *s, size_t len)
{
    size_t at = 0;
    int cp, n, count = 0;

    n = utf8_next(&cp, s, len);
    while (n > 0 && count < SEQ_MAX_CPS) {
        at += (size_t)n;
        count++;
        if (at >= len || (n = utf8_next(&cp, s + at, len - at)) < 0 || !norm_continues(cp))
            break;
    }
    return at;
}

/* What happens to the combining marks of a sequence whose letter is cp:
 * MARKS_STRIP on Latin (all go: Chŏng → chong); MARKS_LEFT_OVER on
 * Cyrillic, Greek and Hangul (those that do not compose with the letter
 * into one character go: Оюунц́эцэг, О̲ю̲у̲н̲, Ою̆унцэцэг → оюунцэцэг, while
 * й, ё and ά stay what they are); MARKS_KEEP elsewhere (in other scripts a
 * mark may be a vowel).  A decimal digit of any script (general category
 * Nd) strips its marks as a Latin letter does: no script writes a digit's
 * value with a mark, so "9̃911 2233" and "УБ75̃031412" are the numbers
 * they show (report-adv20 ).  What a stripped mark glues
 * together ("2001:db8::6" + U+0301 + "Ulaanbaatar") is read as written
 * without it (redact_hits.c glued_latin's last pass, detect_net.c). */
enum { MARKS_KEEP, MARKS_STRIP, MARKS_LEFT_OVER };

static int marks_of(int cp)
{
    if (norm_is_latin_cp(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_ND)
        return MARKS_STRIP;
    if (is_cyrillic_cp(cp) || is_hangul_cp(cp) || (cp >= 0x0370 && cp <= 0x03FF) ||
        (cp >= 0x1F00 && cp <= 0x1FFF))
        return MARKS_LEFT_OVER;
    return MARKS_KEEP;
}

/* 1 if cp draws nothing a word is read by and is left out as a zero-width
 * space is, though Unicode does not make it default-ignorable: the
 * braille blank (looks like a space but is none); U+0640 ARABIC TATWEEL
 * (Lm, a line that stretches a word: padding inside any other word,
 * report-adv19a N-13 "Altaـngerel"); U+302E/U+302F, the Hangul tone
 * marks of Middle Korean (Mc, so not stripped with the other marks:
 * "종〮수가"). */
static int left_out(utf8proc_int32_t cp)
{
    return cp == 0x2800 || cp == 0x0640 || cp == 0x302E || cp == 0x302F;
}

/* NFKC + case fold (+ marks removed as marks says, marks_of) of one
 * sequence, as code points in buf; returns how many, or -1. */
static utf8proc_ssize_t fold_seq(utf8proc_int32_t *buf, utf8proc_ssize_t bufcps,
                                 const char *s, size_t n, int marks)
{
    utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                            UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
    utf8proc_ssize_t k, i, m;
    utf8proc_category_t c;
    int k0 = 0;

    if (marks == MARKS_STRIP)
        opt |= UTF8PROC_STRIPMARK;
    /* A letter-like character NFKC would write as several (⒟ as "(d)")
     * is read as its letter before NFKC (confusable_letterlike). */
    if (bufcps > 0 && utf8_decode(&k0, s, n) == (int)n && k0 > 0x7F && confusable_letterlike(k0) != 0) {
        buf[0] = confusable_letterlike(k0);
        return 1;
    }
    k = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                           buf, bufcps, opt);
    if (k < 0 || k > bufcps)
        return -1;
    k = utf8proc_normalize_utf32(buf, k, opt);
    /* Letter-like characters NFKC leaves alone are read as the letter
     * they stand for, as NFKC reads Ⓑ and 𝐁 (🅱old, ʙold: issue 12). */
    for (i = 0, m = 0; i < k; i++) {
        if (confusable_letterlike(buf[i]) != 0)
            buf[i] = confusable_letterlike(buf[i]);
        /* A decimal digit of any script is its ASCII digit, as NFKC
         * writes fullwidth ９ as 9: every number rule reads "9911 22 ٣٣"
         * as "9911 22 33" (report-adv20 ); not one whose UTS #39
         * skeleton is a Latin letter (B٥ld: confusable_script), read as
         * that letter. */
        if (buf[i] > 0x7F && normalise_digit_value(buf[i]) >= 0 && confusable_script(buf[i]) != CONF_OTHER)
            buf[i] = '0' + normalise_digit_value(buf[i]);
        if (!left_out(buf[i]))
            buf[m++] = buf[i];
    }
    k = k < 0 ? k : m;
    if (k < 0 || marks != MARKS_LEFT_OVER)
        return k;
    for (i = 0, m = 0; i < k; i++) {
        c = utf8proc_category(buf[i]);
        if (c != UTF8PROC_CATEGORY_MN && c != UTF8PROC_CATEGORY_ME)
            buf[m++] = buf[i];
    }
    return m;
}

static int emit_seq(struct builder *bd, const char *s, size_t n, int marks,
                    size_t os, struct err *e)
{
    utf8proc_int32_t buf[SEQ_BUF_CPS];
    utf8proc_ssize_t k, i;
    int rc = 0;

    k = fold_seq(buf, SEQ_BUF_CPS, s, n, marks);
    if (k < 0)
        return err_set(e, EXIT_INPUT, "text has a character sequence that cannot be normalised at byte %zu; remove it and try again", os);
    for (i = 0; rc == 0 && i < k; i++)
        rc = emit_cp(bd, buf[i], os);
    sodium_memzero(buf, sizeof buf);
    if (rc != 0)
        return err_set(e, EXIT_INPUT, "out of memory while normalising text");
    return 0;
}

/* The script of cp as note_script counts it, read through its NFKC form
 * when that is one code point: fullwidth Ｏ and mathematical 𝖮 are Latin,
 * so "Ｏюунцэцэг" mixes scripts like "Oюунцэцэг". */
static int script_of(int cp)
{
    utf8proc_int32_t f[4];
    utf8proc_ssize_t k;
    int boundclass = 0, s = confusable_script(cp);

    if (!is_word_cp(cp))
        return SCRIPT_NONE;
    if (cp >= 0xAC00 && cp <= 0xD7A3)
        return SCRIPT_HANGUL;
    if (s == CONF_NONE && cp > 0x7F) {
        k = utf8proc_decompose_char(cp, f, 4, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD,
                                    &boundclass);
        if (k == 1)
            s = confusable_script(f[0]);
    }
    /* A Cyrillic letter of neither Russian nor Mongolian (ӏ, ԁ, Є) is a
     * look-alike, like those of other scripts: its word is checked. */
    if (s == CONF_CYRILLIC && confusable_rare_cyrillic(cp))
        s = CONF_OTHER;
    return s != CONF_NONE && !norm_continues(cp) ? s : SCRIPT_WORD;
}

/* ---- The fast path ----
 * What a code point of the BMP becomes when it stands alone in its
 * sequence (the next code point does not continue it): computed once with
 * the same utf8proc calls as the slow path, so ordinary text (ASCII,
 * Hangul syllables, Cyrillic, Han) needs one table look-up per character
 * instead of a decomposition.  Anything unusual keeps the slow path. */
enum { CM_SLOW, CM_CONT, CM_SPECIAL, CM_PLAIN, CM_PLAIN_LATIN };
#define CM_OUT 6

struct cpmap {
    unsigned char kind;
    unsigned char len;
    unsigned char sep;          /* out holds a separator (' ', '-', '\'') */
    char out[CM_OUT];
    char kout[CM_OUT];          /* its key bytes: out, or a Han's Hangul reading */
    unsigned char script;       /* for note_script */
    unsigned char marks;        /* marks_of the code point */
    unsigned char fast;         /* CM_PLAIN or CM_PLAIN_LATIN, and none of build_norm's
                                 * special cases (plain_bmp) */
};

static int spacing_accent(int cp);

/* 1 if build_norm takes the non-ASCII code point cp of the BMP on none
 * of its special paths: no mark of a number (number_mark, a zero that
 * looks like a full stop included), no
 * compatibility or halfwidth jamo (put_jamo_run), no spacing accent. */
static int plain_bmp(int cp)
{
    return cp > 0x7F && cp != 0x02BA && !norm_degree_lookalike(cp) && cp != 0x3002 && cp != 0xFF61 &&
           !norm_dot_zero(cp) &&
           !norm_number_joiner(cp) && !(cp >= 0x3131 && cp <= 0x3163) &&
           !(cp >= 0xFFA1 && cp <= 0xFFDC) && !spacing_accent(cp);
}

static struct cpmap cpmap[0x10000];
static pthread_once_t cpmap_once = PTHREAD_ONCE_INIT;

static void cpmap_one(struct cpmap *m, int cp)
{
    utf8proc_int32_t buf[SEQ_BUF_CPS];
    utf8proc_uint8_t u[4];
    char s[4];
    utf8proc_ssize_t k, i, w;
    size_t len = 0;
    int latin = norm_is_latin_cp(cp);

    m->kind = CM_SLOW;
    m->script = (unsigned char)script_of(cp);
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return;
    if (norm_continues(cp)) {
        m->kind = CM_CONT;
        return;
    }
    if (norm_is_space_cp(cp) || norm_is_dash(cp) || norm_is_apostrophe(cp)) {
        m->kind = CM_SPECIAL;
        return;
    }
    w = utf8proc_encode_char(cp, (utf8proc_uint8_t *)s);
    if (w <= 0 || (k = fold_seq(buf, SEQ_BUF_CPS, s, (size_t)w, marks_of(cp))) < 0)
        return;
    for (i = 0; i < k; i++) {
        if (norm_is_space_cp(buf[i]))
            return;                     /* spaces collapse: slow path */
        if (norm_is_dash(buf[i]))
            u[0] = '-', w = 1;
        else if (norm_is_apostrophe(buf[i]))
            u[0] = '\'', w = 1;
        else if ((w = utf8proc_encode_char(buf[i], u)) <= 0)
            continue;
        if (len + (size_t)w > CM_OUT)
            return;
        memcpy(m->out + len, u, (size_t)w);
        len += (size_t)w;
    }
    m->len = (unsigned char)len;
    memcpy(m->kout, m->out, CM_OUT);
    if (k == 1 && len == 2 && norm_key_fold(buf[0]) != 0)
        (void)utf8proc_encode_char(norm_key_fold(buf[0]), (utf8proc_uint8_t *)m->kout);
    if (k == 1 && len == 3 && hanja_reading(buf[0]) != 0)
        (void)utf8proc_encode_char(hanja_reading(buf[0]), (utf8proc_uint8_t *)m->kout);
    /* Kana (kana.h): hiragana as katakana; ウ may be a long vowel, read
     * against the kana before it (norm_put_reading): the slow path. */
    if (k == 1 && len == 3 && kana_key(buf[0]) == 0x30A6)
        return;
    if (k == 1 && len == 3 && kana_key(buf[0]) != 0)
        (void)utf8proc_encode_char(kana_key(buf[0]), (utf8proc_uint8_t *)m->kout);
    for (i = 0; i < (utf8proc_ssize_t)len; i++)
        if (norm_is_sep(m->out[i]))
            m->sep = 1;
    m->kind = latin ? CM_PLAIN_LATIN : CM_PLAIN;
    m->marks = (unsigned char)marks_of(cp);
    m->fast = (unsigned char)plain_bmp(cp);
}

static void cpmap_build(void)
{
    int cp;

    for (cp = 0; cp < 0x10000; cp++)
        cpmap_one(&cpmap[cp], cp);
}

/* 1 if the code point at in[p] (p <= inlen) continues the sequence before
 * it; a code point it decodes is kept in *la_at, *la_cp, *la_n, so the
 * next step need not decode it again. */
static int continued(size_t *la_at, int *la_cp, size_t *la_n, const char *in, size_t inlen,
                     size_t p)
{
    int k;

    if (p >= inlen || (unsigned char)in[p] < 0x80 || (k = utf8_decode(la_cp, in + p, inlen - p)) < 0)
        return 0;
    *la_at = p, *la_n = (size_t)k;
    return *la_cp < 0x10000 ? cpmap[*la_cp].kind == CM_CONT : norm_continues(*la_cp);
}

static int put_fast(struct builder *bd, const struct cpmap *m, size_t os)
{
    size_t i;

    if (bd->len + CM_OUT + 1 > bd->cap && norm_grow(bd, bd->len + CM_OUT) != 0)
        return -1;
    if (m->sep) {
        for (i = 0; i < m->len; i++)
            norm_put1(bd, m->out[i], os);
        return 0;
    }
    /* No separator: the same bytes go to both views (the key has room:
     * it is never longer than the norm view). */
    memcpy(bd->s + bd->len, m->out, CM_OUT);
    memcpy(bd->k + bd->klen, m->kout, CM_OUT);
    for (i = 0; i < m->len; i++) {
        bd->a[bd->len + i] = (uint32_t)os;
        bd->ka[bd->klen + i] = (uint32_t)(bd->len + i);
    }
    bd->len += m->len, bd->klen += m->len;
    return 0;
}

/* ---- Hangul compatibility jamo (issue 12 follow-up) ----
 * A name typed letter by letter in the compatibility jamo of a keyboard
 * (ㅈㅗㅇㅅㅜ for 종수) is composed into syllables the way a Korean input
 * method does it: an initial consonant and a vowel start a syllable (ㅗ+ㅏ
 * and the other two-vowel pairs make one vowel), and a consonant after the
 * vowel is its final unless a vowel follows it.  Clusters of two final
 * consonants are left apart (rare in names).  The tables are the order of
 * the Unicode Hangul Compatibility Jamo block (U+3131-U+3163) mapped to the
 * initial and final indexes of the syllable arithmetic (Unicode ch. 3.12). */
#define JAMO_RUN 64

/* The compatibility jamo a halfwidth jamo (U+FFA1-U+FFDC: ﾡ ￜ) stands
 * for, its <narrow> decomposition in UnicodeData.txt (NFKC goes on to the
 * conjoining jamo), or cp itself (report-adv12d F13: ﾡￜﾱ is ㄱㅣㅁ). */
static int compat_of(int cp)
{
    return cp >= 0xFFA1 && cp <= 0xFFBE ? cp - 0xFFA1 + 0x3131 :
           cp >= 0xFFC2 && cp <= 0xFFC7 ? cp - 0xFFC2 + 0x314F :
           cp >= 0xFFCA && cp <= 0xFFCF ? cp - 0xFFCA + 0x3155 :
           cp >= 0xFFD2 && cp <= 0xFFD7 ? cp - 0xFFD2 + 0x315B :
           cp >= 0xFFDA && cp <= 0xFFDC ? cp - 0xFFDA + 0x3161 : cp;
}

static int compat_consonant(int cp)
{
    return cp >= 0x3131 && cp <= 0x314E;
}

static int compat_vowel(int cp)
{
    return cp >= 0x314F && cp <= 0x3163;
}

/* 1 if s[0..len) starts with a compatibility or halfwidth jamo, written
 * to *cp as the compatibility one. */
static int compat_jamo_at(int *cp, const char *s, size_t len)
{
    if (utf8_decode(cp, s, len) != 3)
        return 0;
    *cp = compat_of(*cp);
    return compat_consonant(*cp) || compat_vowel(*cp);
}

/* Initial index (0-18) of a compatibility consonant, or -1. */
static int compat_initial(int cp)
{
    static const signed char t[30] = {
        0, 1, -1, 2, -1, -1, 3, 4, 5, -1, -1, -1, -1, -1, -1, -1,
        6, 7, 8, -1, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
    };
    return compat_consonant(cp) ? t[cp - 0x3131] : -1;
}

/* Final index (1-27) of a compatibility consonant, or 0 (none: ㄸ ㅃ ㅉ). */
static int compat_final(int cp)
{
    static const signed char t[30] = {
        1, 2, 3, 4, 5, 6, 7, 0, 8, 9, 10, 11, 12, 13, 14, 15,
        16, 17, 0, 18, 19, 20, 21, 22, 0, 23, 24, 25, 26, 27,
    };
    return compat_consonant(cp) ? t[cp - 0x3131] : 0;
}

/* The vowel index of two vowels typed one after the other (ㅗ ㅏ: ㅘ), or -1. */
static int compound_vowel(int a, int b)
{
    static const signed char pairs[][3] = {
        { 8, 0, 9 }, { 8, 1, 10 }, { 8, 20, 11 }, { 13, 4, 14 }, { 13, 5, 15 },
        { 13, 20, 16 }, { 18, 20, 19 },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (pairs[i][0] == a && pairs[i][1] == b)
            return pairs[i][2];
    return -1;
}

/* Composes cps[0..n) (compatibility jamo) from i: writes one syllable (or
 * the lone jamo) to *out; returns how many jamo it took (>= 1). */
static int compose_jamo(const int *cps, int n, int i, int *out)
{
    int l = compat_initial(cps[i]), v, j, t = 0, c;

    if (l < 0 || i + 1 >= n || !compat_vowel(cps[i + 1])) {
        *out = cps[i];
        return 1;
    }
    v = cps[i + 1] - 0x314F;
    j = i + 2;
    if (j < n && compat_vowel(cps[j]) && (c = compound_vowel(v, cps[j] - 0x314F)) >= 0)
        v = c, j++;
    if (j < n && compat_final(cps[j]) != 0 && !(j + 1 < n && compat_vowel(cps[j + 1])))
        t = compat_final(cps[j++]);
    *out = 0xAC00 + (l * 21 + v) * 28 + t;
    return j - i;
}

/* Puts the run of compatibility jamo starting at in[at] as syllables (each
 * mapped to the original start of its first jamo); returns the bytes of in
 * taken (0: not such a run, or out of memory with *oom set). */
static size_t put_jamo_run(struct builder *bd, const char *in, size_t inlen, size_t at, int *oom)
{
    int cps[JAMO_RUN], syl, k, i, taken;
    size_t os[JAMO_RUN + 1], p = at;
    int n = 0;

    while (n < JAMO_RUN && p < inlen && compat_jamo_at(&cps[n], in + p, inlen - p)) {
        /* A jamo with a mark after it is a sequence of its own. */
        if (p + 3 < inlen && utf8_decode(&k, in + p + 3, inlen - p - 3) > 0 && norm_continues(k))
            break;
        os[n++] = p;
        p += 3;
    }
    os[n] = p;
    if (n < 2)
        return 0;
    for (i = 0; i < n; i += taken) {
        taken = compose_jamo(cps, n, i, &syl);
        note_script(bd, cpmap[syl].script);
        if (cpmap[syl].kind < CM_PLAIN ? emit_cp(bd, syl, os[i]) != 0
                                       : put_fast(bd, &cpmap[syl], os[i]) != 0) {
            *oom = 1;
            return 0;
        }
    }
    return p - at;
}


/* Spacing accents (˘ ˇ ˙ ˚ ˛ ˜ ˝ ˆ ¨ ¯ ¸), which NFKC writes as a space
 * and a combining mark. */
static int spacing_accent(int cp)
{
    return (cp >= 0x02D8 && cp <= 0x02DD) || cp == 0x02C7 || cp == 0x02C6 || cp == 0x00A8 ||
           cp == 0x00AF || cp == 0x00B8;
}

static int build_norm(struct builder *bd, const char *in, size_t inlen, struct err *e)
{
    size_t at = 0, n, la_at = SIZE_MAX, la_n = 0;
    int cp, k, marks = MARKS_KEEP, la_cp = 0;
    const struct cpmap *m;
    const char *mark;

    (void)pthread_once(&cpmap_once, cpmap_build);
    /* Normalised text is rarely longer than its original: one allocation. */
    if (inlen >= UINT32_MAX)
        return err_set(e, EXIT_INPUT, "text is too long to normalise (4 GiB or more); split it");
    if (norm_grow(bd, inlen + inlen / 16 + CM_OUT + 16) != 0)
        return err_set(e, EXIT_INPUT, "out of memory while normalising text (%zu bytes)", inlen);
    while (at < inlen) {
        unsigned char c = (unsigned char)in[at];
        /* ASCII followed by ASCII (most text): one byte out through the
         * table, no decoding and no look-ahead. */
        if (c < 0x80 && c != '\0' && (at + 1 >= inlen || (unsigned char)in[at + 1] < 0x80)) {
            m = &cpmap[c];
            if (m->kind >= CM_PLAIN && m->len == 1) {
                /* The run of such bytes, each put as above. */
                size_t end = at + 1;
                while (end < inlen && (c = (unsigned char)in[end]) < 0x80 && c != '\0' &&
                       cpmap[c].kind >= CM_PLAIN && cpmap[c].len == 1 &&
                       (end + 1 >= inlen || (unsigned char)in[end + 1] < 0x80))
                    end++;
                if (bd->len + (end - at) + 1 > bd->cap && norm_grow(bd, bd->len + (end - at)) != 0)
                    return err_set(e, EXIT_INPUT, "out of memory while normalising text");
                for (; at < end; at++) {
                    m = &cpmap[(unsigned char)in[at]];
                    note_script(bd, m->script);
                    norm_put1(bd, m->out[0], at);
                }
                marks = m->kind == CM_PLAIN_LATIN ? MARKS_STRIP : MARKS_KEEP;
                continue;
            }
        }
        /* ASCII space, dash or apostrophe: emit_cp's answer does not depend
         * on what follows (a mark after it starts its own sequence). */
        if (c < 0x80 && cpmap[c].kind == CM_SPECIAL) {
            char o = norm_is_space_cp(c) ? ' ' : norm_is_dash(c) ? '-' : '\'';
            if (o != ' ' || bd->len == 0 || bd->s[bd->len - 1] != ' ') {
                if (bd->len + 2 > bd->cap && norm_grow(bd, bd->len + 1) != 0)
                    return err_set(e, EXIT_INPUT, "out of memory while normalising text");
                note_script(bd, o == '-' ? SCRIPT_HYPHEN : SCRIPT_NONE);
                norm_put1(bd, o, at);
            }
            at++;
            continue;
        }
        if (c < 0x80) {
            if (c == '\0')
                return err_set(e, EXIT_INPUT, "text contains a NUL byte at offset %zu; remove it and try again", at);
            cp = c, n = 1;
        } else if (at == la_at) {
            cp = la_cp, n = la_n;           /* decoded as the last look-ahead */
        } else if ((k = utf8_decode(&cp, in + at, inlen - at)) < 0) {
            return err_set(e, EXIT_INPUT, "text is not valid UTF-8 at byte %zu; convert it to UTF-8 and try again", at);
        } else {
            n = (size_t)k;
        }
        /* A character of the BMP none of the cases below takes (most
         * non-ASCII text: Hangul syllables, Cyrillic, Han), standing
         * alone in its sequence: what the table says, as below. */
        if (cp < 0x10000 && cpmap[cp].fast &&
            !continued(&la_at, &la_cp, &la_n, in, inlen, at + n)) {
            m = &cpmap[cp];
            marks = m->marks;
            note_script(bd, m->script);
            if (put_fast(bd, m, at) != 0)
                return err_set(e, EXIT_INPUT, "out of memory while normalising text");
            at += n;
            continue;
        }
        if (cp >= RI_FIRST && (k = norm_regional_letter(cp, in, inlen, at)) != 0) {
            char letter = (char)k;
            note_script(bd, CONF_LATIN);
            if (norm_put(bd, &letter, 1, at) != 0)
                return err_set(e, EXIT_INPUT, "out of memory while normalising text");
            marks = MARKS_STRIP;
            at += n;
            continue;
        }
        if (cp > 0x7F && (mark = norm_number_mark(bd->s, bd->len, cp, in, inlen, at + n)) != NULL) {
            note_script(bd, SCRIPT_NONE);
            if (norm_put(bd, mark, strlen(mark), at) != 0)
                return err_set(e, EXIT_INPUT, "out of memory while normalising text");
            marks = MARKS_KEEP;
            at += n;
            continue;
        }
        if ((cp >= 0x3131 && cp <= 0x3163) || (cp >= 0xFFA1 && cp <= 0xFFDC)) {
            int oom = 0;
            size_t run = put_jamo_run(bd, in, inlen, at, &oom);
            if (oom)
                return err_set(e, EXIT_INPUT, "out of memory while normalising text");
            if (run > 0) {
                marks = MARKS_LEFT_OVER;
                at += run;
                continue;
            }
        }
        /* A spacing accent typed after a Latin letter ("Cho˘ng", as a
         * keyboard without dead keys gives ŏ: report-adv12d F16) is the
         * letter's mark, stripped as marks on Latin letters are. */
        if (spacing_accent(cp) && bd->len > 0 && norm_ascii_letter(bd->s[bd->len - 1])) {
            at += n;
            continue;
        }
        m = cp < 0x10000 ? &cpmap[cp] : NULL;
        if (m != NULL && m->kind >= CM_PLAIN && !continued(&la_at, &la_cp, &la_n, in, inlen, at + n)) {
            marks = marks_of(cp);
            note_script(bd, m->script);
            if (put_fast(bd, m, at) != 0)
                return err_set(e, EXIT_INPUT, "out of memory while normalising text");
        } else if (m != NULL ? m->kind == CM_SPECIAL
                             : (norm_is_space_cp(cp) || norm_is_dash(cp) || norm_is_apostrophe(cp))) {
            note_script(bd, norm_is_dash(cp) ? SCRIPT_HYPHEN : SCRIPT_NONE);
            if (emit_cp(bd, cp, at) != 0)
                return err_set(e, EXIT_INPUT, "out of memory while normalising text");
        } else {
            /* A run of marks cut from its letter keeps the letter's script. */
            if (!norm_continues(cp)) {
                marks = marks_of(cp);
                note_script(bd, script_of(cp));
            }
            n = seq_length(in + at, inlen - at);
            if (emit_seq(bd, in + at, n, marks, at, e) != 0)
                return -1;
        }
        at += n;
    }
    bd->s[bd->len] = '\0';
    return 0;
}

/* The bidirectional formatting characters (Unicode UAX #9, table 1):
 * 1 opens an embedding or override (LRE U+202A, RLE U+202B, LRO U+202D,
 * RLO U+202E), 2 an isolate (LRI U+2066, RLI U+2067, FSI U+2068), -1 pops
 * an embedding or override (PDF U+202C), -2 an isolate (PDI U+2069);
 * 0 for anything else.  p points at a byte of the text, n bytes left. */
static int bidi_control(const char *p, size_t n)
{
    const unsigned char *u = (const unsigned char *)p;

    if (n < 3 || u[0] != 0xE2)
        return 0;
    if (u[1] == 0x80 && u[2] >= 0xAA && u[2] <= 0xAE)
        return u[2] == 0xAC ? -1 : 1;
    if (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9)
        return u[2] == 0xA9 ? -2 : 2;
    return 0;
}

/* A run inside bidirectional controls may be shown in another order than
 * it is stored (report-adv12d F6: "\u202eus-gnoJ miK" reads "Kim Jong-su"
 * on screen; report-adv12e F13: the isolate "\u2067us-gnoJ miK\u2069" too)
 * while matching reads it as stored.  Every run from an opening control
 * (any of LRE, RLE, LRO, RLO, LRI, RLI, FSI: which one reverses depends on
 * the text around it, so all count) to the pop that closes it (nested
 * openers counted), a line break or the text's end, holding a letter, a
 * digit or any other non-ASCII character, is listed in out->mixed: a
 * mixed-script review flag (it mixes display directions).  A pop with no
 * opener reorders nothing and is left alone.  Returns 0, or -1 if out of
 * memory. */
static int override_runs(struct normtext *out, const char *in, size_t inlen)
{
    const char *p = in, *end = in + inlen, *q, *r;
    uint32_t *m;
    int k, depth;

    /* memchr for the controls' first byte, rare in most text. */
    for (; p < end && (p = memchr(p, 0xE2, (size_t)(end - p))) != NULL; p++) {
        if (bidi_control(p, (size_t)(end - p)) <= 0)
            continue;
        for (q = p + 3, depth = 1; q < end && *q != '\n'; q++)
            if ((k = bidi_control(q, (size_t)(end - q))) != 0) {
                depth += k > 0 ? 1 : -1;
                q += 2;
                if (depth == 0) {
                    q -= 2;
                    break;
                }
            }
        for (r = p + 3; r < q && ((unsigned char)*r < 0x80 ? !is_word_cp((unsigned char)*r)
                                                           : bidi_control(r, (size_t)(q - r)) != 0);
             r += (unsigned char)*r < 0x80 ? 1 : 3)
            ;
        if (r < q) {
            if ((m = realloc(out->mixed, 2 * (out->nmixed + 1) * sizeof *m)) == NULL)
                return -1;
            out->mixed = m;
            m[2 * out->nmixed] = (uint32_t)(p - in), m[2 * out->nmixed + 1] = (uint32_t)(q - in);
            out->nmixed++;
        }
        p = q < end && *q != '\n' ? q + 2 : q;
    }
    return 0;
}

static int normalise_plain(struct normtext *out, const char *in, size_t inlen,
                           const uint32_t *map, struct err *e);

/* Decoded offsets (ostart, the mixed words) back to the original's. */
static void remap_decoded(struct builder *nb, struct normtext *out, const uint32_t *map)
{
    for (size_t i = 0; i < nb->len; i++)
        nb->a[i] = map[nb->a[i]];
    for (size_t i = 0; i < 2 * out->nmixed; i++)
        out->mixed[i] = map[out->mixed[i]];
}

int normalise(struct normtext *out, const char *in, size_t inlen, struct err *e)
{
    char *dec;
    size_t declen;
    uint32_t *map;
    int rc;

    /* Web encodings are read as what they stand for (entities.h). */
    memset(out, 0, sizeof *out);
    if (entities_decode(&dec, &declen, &map, in, inlen) != 0)
        return err_set(e, EXIT_INPUT, "out of memory while normalising text (%zu bytes)", inlen);
    if (dec == NULL)
        return normalise_plain(out, in, inlen, NULL, e);
    rc = normalise_plain(out, dec, declen, map, e);
    if (rc == 0)
        out->orig = in, out->inlen = inlen;
    secmem_wipe_free(dec);
    free(map);
    return rc;
}

static int normalise_plain(struct normtext *out, const char *in, size_t inlen,
                           const uint32_t *map, struct err *e)
{
    struct builder nb = { 0 };
    int split;

    if (build_norm(&nb, in, inlen, e) != 0) {
        norm_free_builder(&nb);
        return -1;
    }
    split = nb.split;           /* resolve_mixed makes a new builder */
    if (nb.mixed && norm_resolve_mixed(&nb, in, inlen, &out->mixed, &out->nmixed) != 0) {
        norm_free_builder(&nb);
        free(out->mixed);
        out->mixed = NULL, out->nmixed = 0;
        return err_set(e, EXIT_INPUT, "out of memory while normalising text");
    }
    if ((split && norm_read_split(&nb) != 0) || override_runs(out, in, inlen) != 0) {
        norm_free_builder(&nb);
        free(out->mixed);
        out->mixed = NULL, out->nmixed = 0;
        return err_set(e, EXIT_INPUT, "out of memory while normalising text");
    }
    if (norm_spelled_key(&nb, in, inlen) != 0) {
        norm_free_builder(&nb);
        free(out->mixed);
        out->mixed = NULL, out->nmixed = 0;
        return err_set(e, EXIT_INPUT, "out of memory while normalising text");
    }
    nb.k[nb.klen] = '\0';
    if (map != NULL)
        remap_decoded(&nb, out, map);
    out->norm = nb.s, out->normlen = nb.len, out->ostart = nb.a;
    out->inlen = inlen;
    out->key = nb.k, out->keylen = nb.klen, out->kpos = nb.ka;
    out->orig = in;
    return 0;
}

size_t normtext_oend(const struct normtext *t, size_t i)
{
    size_t j = i + 1;

    while (j < t->normlen && t->ostart[j] == t->ostart[i])
        j++;
    return j < t->normlen ? t->ostart[j] : t->inlen;
}

int normtext_long_mark(const struct normtext *t, size_t p)
{
    int cp;

    if (p >= t->normlen || t->norm[p] != '-' ||
        utf8_next(&cp, t->orig + t->ostart[p], t->inlen - t->ostart[p]) <= 0)
        return 0;
    return cp == 0x30FC || cp == 0xFF70;
}

void normtext_free(struct normtext *t)
{
    if (t == NULL)
        return;
    secmem_wipe_free(t->norm);
    secmem_wipe_free(t->key);
    free(t->ostart);
    free(t->kpos);
    free(t->mixed);
    memset(t, 0, sizeof *t);
}

static int take(char **out, size_t *outlen, const char *s, size_t len, struct err *e)
{
    *out = secmem_strndup(s, len);
    if (*out == NULL)
        return err_set(e, EXIT_INPUT, "out of memory while normalising text");
    *outlen = len;
    return 0;
}

int normalise_norm(char **out, size_t *outlen, const char *in, size_t inlen,
                   struct err *e)
{
    struct normtext t;
    size_t a = 0, b;
    int rc;

    if (normalise(&t, in, inlen, e) != 0)
        return -1;
    b = t.normlen;
    while (a < b && t.norm[a] == ' ')
        a++;
    while (b > a && t.norm[b - 1] == ' ')
        b--;
    rc = take(out, outlen, t.norm + a, b - a, e);
    normtext_free(&t);
    return rc;
}

int normalise_key(char **out, size_t *outlen, const char *in, size_t inlen,
                  struct err *e)
{
    struct normtext t;
    int rc;

    if (normalise(&t, in, inlen, e) != 0)
        return -1;
    rc = take(out, outlen, t.key, t.keylen, e);
    normtext_free(&t);
    return rc;
}

int secbuf_append(char **buf, size_t *used, size_t *size, const char *p, size_t n,
                  size_t *off)
{
    size_t cap = *size ? *size : 256;
    char *nb;

    if (n > SIZE_MAX / 4 || *used > SIZE_MAX / 4)
        return -1;
    while (cap < *used + n + 1)
        cap *= 2;
    if (cap != *size) {
        if ((nb = secmem_wipe_malloc(cap)) == NULL)
            return -1;
        if (*used)
            memcpy(nb, *buf, *used);
        secmem_wipe_free(*buf);
        *buf = nb, *size = cap;
    }
    memcpy(*buf + *used, p, n);
    (*buf)[*used + n] = '\0';
    *off = *used;
    *used += n + 1;
    return 0;
}
