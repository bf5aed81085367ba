/* The redactor's keys of a registered name in other scripts and
 * transcription systems (issue 12, F12/F28): each name's consonant
 * skeletons, vowel keys, katakana's, loanword and Hanja keys
 * (transcribe.h), sorted for redact_scripts.c's scan.  The rules and
 * what they leave: docs/VARIANTS.md, "Other scripts and
 * transcriptions". */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/redact_scripts_int.h"
#include "privacy/transcribe.h"
#include "privacy/variants.h"

static int key_add(struct redactor *r, const struct script_key *k)
{
    if (r->nskeys == r->skeycap) {
        size_t cap = r->skeycap ? 2 * r->skeycap : 16;
        struct script_key *n = secmem_wipe_malloc(cap * sizeof *n);
        if (n == NULL)
            return -1;
        if (r->nskeys > 0)
            memcpy(n, r->skeys, r->nskeys * sizeof *n);
        secmem_wipe_free(r->skeys);
        r->skeys = n, r->skeycap = cap;
    }
    r->skeys[r->nskeys++] = *k;
    return 0;
}

/* Adds the keys of reading rd[0..n) as transcribe_skeleton_cjk reads it
 * (SK_SKELETON and SK_KANA) when it differs from the plain skeleton in
 * k->s's place; k's term kept.  0, or -1 when out of memory. */
static int fold_key(struct redactor *r, struct script_key *k, const char *rd, size_t n)
{
    struct script_key f = *k;
    char plain[TRANSCRIBE_SKEL_MAX + 1];
    size_t c = transcribe_skeleton(plain, sizeof plain, rd, n), v;

    if ((c = transcribe_skeleton_cjk(f.s, sizeof f.s, rd, n)) > TRANSCRIBE_SKEL_MAX ||
        c < SKEL_FLAG || strcmp(f.s, plain) == 0)
        return 0;
    f.kind = SK_SKELETON, f.n = (unsigned char)c;
    if (key_add(r, &f) != 0)
        return -1;
    if ((v = transcribe_collapse(f.s)) >= SKEL_FLAG) {
        f.kind = SK_KANA, f.n = (unsigned char)v;
        if (key_add(r, &f) != 0)
            return -1;
    }
    return 0;
}

/* A word of a registered name: its reading's start and length in rd. */
struct part {
    size_t at, len;
};

/* The reading of the words w[a..b] of rd as a Chinese transcription
 * writes them (transcribe_heard_word).  Writes at most cap bytes to out;
 * returns the length, 0 if it did not fit. */
static size_t heard_name(char *out, size_t cap, const char *rd, const struct part *w, size_t a,
                         size_t b)
{
    size_t o = 0;

    for (size_t i = a; i <= b; i++) {
        if (cap - o < w[i].len)
            return 0;
        memcpy(out + o, rd + w[i].at, w[i].len);
        o += transcribe_heard_word(out + o, w[i].len);
    }
    return o;
}

/* The key of words w[a..b] as heard_name hears them (SK_SKELETON, as
 * transcribe_skeleton_cjk reads it), when it differs from k->s (their
 * plain key); k's term kept.  0, or -1 when out of memory. */
static int heard_key(struct redactor *r, const struct script_key *k, const char *rd,
                     const struct part *w, size_t a, size_t b)
{
    struct script_key f = *k;
    char hd[256];
    size_t n = heard_name(hd, sizeof hd, rd, w, a, b), c;
    int rc = 0;

    if (n > 0 && (c = transcribe_skeleton_cjk(f.s, sizeof f.s, hd, n)) >= SKEL_FLAG &&
        c <= TRANSCRIBE_SKEL_MAX && strcmp(f.s, k->s) != 0) {
        f.kind = SK_SKELETON, f.n = (unsigned char)c;
        rc = key_add(r, &f);
    }
    sodium_memzero(hd, sizeof hd);
    sodium_memzero(&f, sizeof f);
    return rc;
}

/* The keys of a name's reading rd, words w[0..nw): the skeleton of each
 * run of words (and katakana's; with loan, a loanword reading's, for
 * Hangul only: SK_HANGUL), and of each word alone of 3-4 classes
 * (SK_LOAN, Hangul's) and its vowels (SK_SHORT).  k holds the term. */
static int add_keys(struct redactor *r, struct script_key *k, const char *rd,
                    const struct part *w, size_t nw, int loan)
{
    size_t a, b, c, v;

    for (a = 0; a < nw; a++)
        for (b = a; b < nw; b++) {
            c = transcribe_skeleton(k->s, sizeof k->s, rd + w[a].at,
                                    w[b].at + w[b].len - w[a].at);
            if (c > TRANSCRIBE_SKEL_MAX)
                continue;
            if (c >= SKEL_FLAG) {
                k->kind = loan ? SK_HANGUL : SK_SKELETON, k->n = (unsigned char)c;
                if (key_add(r, k) != 0)
                    return -1;
                /* Katakana's key: runs of one class collapsed. */
                if (!loan && (v = transcribe_collapse(k->s)) >= SKEL_FLAG) {
                    k->kind = SK_KANA, k->n = (unsigned char)v;
                    if (key_add(r, k) != 0)
                        return -1;
                }
                /* As Chinese and Japanese hear it (n before b: Ganbold),
                 * when that differs (transcribe_skeleton_cjk). */
                if (!loan && (fold_key(r, k, rd + w[a].at, w[b].at + w[b].len - w[a].at) != 0 ||
                              heard_key(r, k, rd, w, a, b) != 0))
                    return -1;
                c = transcribe_skeleton(k->s, sizeof k->s, rd + w[a].at, w[a].len);
            }
            if (a != b || c < 2 || c >= SKEL_REPLACE)
                continue;
            /* One word of a name (Smith, Ivanov, Ulzii): in Hangul its
             * skeleton, and its vowels too. */
            if (c >= LOAN_MIN) {
                k->kind = SK_LOAN, k->n = (unsigned char)c;
                if (key_add(r, k) != 0)
                    return -1;
            }
            /* Four classes too: 바트바야르 is Батбаяр (PTPL) where its
             * vowels agree (loan_word; report-adv19a N-10). */
            if (c <= SKEL_FLAG &&
                (v = transcribe_vowel_key(k->s, sizeof k->s, rd + w[a].at, w[a].len)) >= 4 &&
                v <= TRANSCRIBE_SKEL_MAX) {
                k->kind = SK_SHORT, k->n = (unsigned char)v;
                if (key_add(r, k) != 0)
                    return -1;
            }
        }
    return 0;
}

static int vowel_at(const char *s, size_t n, size_t i)
{
    return i < n && strchr("aeiou", s[i]) != NULL && s[i] != 0;
}

static int consonant_at(const char *s, size_t n, size_t i)
{
    return i < n && s[i] >= 'a' && s[i] <= 'z' && !vowel_at(s, n, i);
}

/* What Chinese and Japanese transcription of a Russian or Ukrainian name
 * make of its letters, undone on both sides (the name's reading and the
 * text's), so that one vowel key holds them all (the Xinhua tables,
 * 俄汉译音表, and the katakana of the Japanese press; docs/VARIANTS.md,
 * "Short forms in Chinese and Japanese"): w is v (ソコロワ for Соколова,
 * pinyin's wei of 薇 for Вера); vu before a vowel is v (ヴェーラ); uo is o
 * (罗 luo, 若 ruo); ei is e (薇 wei); i before a vowel but e is y, and
 * before y and a vowel left out (达丽娅 daliya, ダリア daria and Дарья
 * darya are one); the vowel katakana puts after a consonant with none
 * (su of スラーヴァ, to of ペトロワ, fu of イワノフ) is left out: u between
 * two consonants or at the end after one, o after t or d before a
 * consonant, i after ch, sh, zh or j before a consonant (チ, シ, ジ, 日 for
 * a bare ч, ш or ж: ヴェロチカ for Верочка, ダーシェチカ for Дашечка,
 * ナジェージダ and 娜杰日达 for Надежда; report-adv32 L-1, L-8,
 * report-adv33 L-25); the i of pinyin's ie after a consonant (杰 jie,
 * 列 lie for е) is left out.  Writes at most cap bytes to out; returns the length. */
static size_t cjk_loose(char *out, size_t cap, const char *s, size_t n)
{
    size_t i, o = 0;

    for (i = 0; i < n && o < cap; i++) {
        char c = s[i] == 'w' ? 'v' : s[i];
        if (c == 'u' && i > 0 && (s[i - 1] == 'v' || s[i - 1] == 'w') && vowel_at(s, n, i + 1))
            continue;
        if (c == 'u' && i > 0 && s[i - 1] != 'o' && vowel_at(s, n, i - 1) == 0 && s[i - 1] != 'y' &&
            (consonant_at(s, n, i + 1) || i + 1 == n) && consonant_at(s, n, i - 1))
            continue;
        if (c == 'o' && i > 0 && (s[i - 1] == 't' || s[i - 1] == 'd') && consonant_at(s, n, i + 1) &&
            s[i + 1] != 'y')
            continue;
        if (c == 'i' && i > 1 && s[i - 1] == 'h' && (s[i - 2] == 'c' || s[i - 2] == 's' || s[i - 2] == 'z') &&
            consonant_at(s, n, i + 1) && s[i + 1] != 'y')
            continue;
        if (c == 'i' && i > 0 && s[i - 1] == 'j' && consonant_at(s, n, i + 1) && s[i + 1] != 'y')
            continue;
        if (c == 'i' && i > 0 && consonant_at(s, n, i - 1) && s[i - 1] != 'y' && i + 1 < n &&
            s[i + 1] == 'e')
            continue;
        if (c == 'o' && i > 0 && s[i - 1] == 'u' && o > 0 && out[o - 1] == 'u') {
            out[o - 1] = 'o';
            continue;
        }
        if (c == 'i' && i > 0 && s[i - 1] == 'e' && o > 0 && out[o - 1] == 'e')
            continue;
        if (c == 'i' && i > 0 && consonant_at(s, n, i - 1) && s[i - 1] != 'y' &&
            i + 2 < n + 1 && s[i + 1] == 'y' && vowel_at(s, n, i + 2))
            continue;
        if (c == 'i' && i > 0 && consonant_at(s, n, i - 1) && i + 1 < n && strchr("aou", s[i + 1]))
            c = 'y';
        out[o++] = c;
    }
    return o;
}

size_t redact_scripts_cjk_key(char *out, size_t cap, const char *rd, size_t n)
{
    char lo[READING_MAX];
    size_t m;

    if (n > sizeof lo)
        return 0;
    m = cjk_loose(lo, sizeof lo, rd, n);
    n = transcribe_vowel_key(out, cap, lo, m);
    sodium_memzero(lo, sizeof lo);
    return n;
}

/* The sibilants and palatal y of the loosened reading s[0..n) as
 * redact_scripts_kana_key writes them, into out (cap bytes, no NUL);
 * returns the length, or cap + 1 when they do not fit. */
static size_t kana_marks(char *out, size_t cap, const char *s, size_t n)
{
    size_t i, o = 0;

    for (i = 0; i < n; i++) {
        char c = s[i], d = i + 1 < n ? s[i + 1] : 0, e = i + 2 < n ? s[i + 2] : 0, m = 0;
        if ((c == 's' || c == 'z' || c == 'c') && d == 'h') {
            m = 'X', i++;                       /* sh zh ch */
        } else if (c == 'j') {
            m = 'X';
        } else if ((c == 's' || c == 'z') && d == 'y' && e != 0 && strchr("auo", e) != NULL) {
            m = 'X', i++;                       /* ся: シャ */
        } else if ((c == 's' || c == 'z') && d == 'i') {
            m = 'X';                            /* си: シ */
        } else if (c == 's' || c == 'z' || c == 'x' || c == 'c') {
            m = 'S';
        } else if (c == 'y' && i > 0 && consonant_at(s, n, i - 1) && d != 0 &&
                   strchr("auo", d) != NULL) {
            m = 'Y';                            /* рья: リア, リヤ */
        }
        if (m == 0)
            continue;
        if (o == cap)
            return cap + 1;
        out[o++] = m;
    }
    return o;
}

/* 1 if the loosened reading s[0..n) doubles a consonant that katakana
 * writes with the sokuon ッ (ss, tt, kk, ck, pp...; not n or m, which
 * katakana writes ン: Анна アンナ). */
static int geminate(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (consonant_at(s, n, i) && s[i] != 'n' && s[i] != 'm' && s[i] != 'y' && s[i] != 'h' &&
            (s[i + 1] == s[i] || (s[i] == 'c' && s[i + 1] == 'k')))
            return 1;
    return 0;
}

/* kana_marks, then Q when the reading doubles a consonant (geminate):
 * the marks of redact_scripts_kana_key. */
static size_t kana_key_marks(char *out, size_t cap, const char *s, size_t n)
{
    size_t k = kana_marks(out, cap, s, n);

    if (k <= cap && geminate(s, n)) {
        if (k == cap)
            return cap + 1;     /* no room for the mark */
        out[k++] = 'Q';
    }
    return k;
}

/* The frame of the keys with marks: the reading loosened (cjk_loose), its
 * vowel key, '/', then marks() of the loosened reading (of the reading
 * as read, with raw), NUL-ended in out (cap bytes); returns the vowel
 * key's length, or 0 when it does not fit.  The loosened reading is
 * wiped. */
static size_t key_with_marks(char *out, size_t cap, const char *rd, size_t n, int raw,
                             size_t (*marks)(char *, size_t, const char *, size_t))
{
    char lo[READING_MAX];
    size_t m, v, k;

    if (n > sizeof lo || cap < 2)
        return 0;
    m = cjk_loose(lo, sizeof lo, rd, n);
    v = transcribe_vowel_key(out, cap, lo, m);
    if (v + 2 >= cap) {
        sodium_memzero(lo, sizeof lo);
        return 0;
    }
    out[v] = '/';
    k = raw ? marks(out + v + 1, cap - v - 2, rd, n) : marks(out + v + 1, cap - v - 2, lo, m);
    sodium_memzero(lo, sizeof lo);
    if (k > cap - v - 2)
        return 0;
    out[v + 1 + k] = '\0';
    return v;
}

size_t redact_scripts_kana_key(char *out, size_t cap, const char *rd, size_t n)
{
    return key_with_marks(out, cap, rd, n, 0, kana_key_marks);
}

/* The stops of the reading s[0..n) as redact_scripts_voiced_key
 * writes them, into out (cap bytes, no NUL); returns the length, or
 * cap + 1 when they do not fit. */
static size_t voice_marks(char *out, size_t cap, const char *s, size_t n)
{
    size_t o = 0;

    for (size_t i = 0; i < n; i++) {
        char c = s[i], d = i + 1 < n ? s[i + 1] : 0, m = 0;
        if ((c == 't' && d == 's') || (c == 'd' && (d == 'z' || d == 'j')) || (c == 'k' && d == 'h'))
            continue;
        if (c == 'b' || c == 'd' || c == 'g')
            m = 'D';
        else if (c == 'p' || c == 't' || c == 'k')
            m = 'T';
        if (m == 0)
            continue;
        if (o == cap)
            return cap + 1;
        out[o++] = m;
    }
    return o;
}

/* The stops as read, not loosened: the loose key drops a u between
 * consonants, so Татуша (tatusha) reads as Таша (tasha) with its t and
 * s run into ц (ts); marked from the reading, Татуша's two stops (TT)
 * stay apart from Таша's one (T), and a diminutive of Тата, which
 * Наталья and Татьяна share, no longer makes 塔莎 (Таша, Наталья's
 * alone) both subjects' (brief s44 short44, cjk35 lines 1-3). */
size_t redact_scripts_voiced_key(char *out, size_t cap, const char *rd, size_t n)
{
    return key_with_marks(out, cap, rd, n, 1, voice_marks);
}

/* The reading w[0..n) of a Russian name's word with its soft d and t
 * as the Xinhua table for Russian names (俄汉译音表) writes them, with
 * pinyin's j: дя 佳, де 杰, ди 季, дю 久, ть and тя 季, 佳 (Надя 娜佳,
 * Надежда 娜杰日达, Татьяна 塔季扬娜, Вадим 瓦季姆), and Japanese often
 * too (ナジェージダ): a d or t before y (е, я, ю, ё, ь read ye, ya, yu,
 * yo, y) or i is j.  In place; returns 1 if it changed w. */
static int soft_dental(char *w, size_t n)
{
    int changed = 0;

    for (size_t i = 0; i + 1 < n; i++)
        if ((w[i] == 'd' || w[i] == 't') && (w[i + 1] == 'y' || w[i + 1] == 'i'))
            w[i] = 'j', changed = 1;
    return changed;
}

/* Names whose Chinese form is not the Xinhua table's reading but an old
 * one that the table's own list of established forms (习惯译名) keeps:
 * a word's reading (as transcribe_reading reads the Cyrillic, or the
 * Latin), then the pinyin of the established form (亚历山大 for
 * Александр, 亚历山德拉 for Александра: the Greek Alexandros as Chinese
 * had it before the table; report-adv33 L-14).  WRITTEN BY HAND for
 * intake; more want a native reviewer. */
static const struct {
    const char *word, *han;
} established[] = {
    { "alyeksandr", "yalishanda" },     /* 亚历山大 */
    { "aleksandr", "yalishanda" },
    { "alexander", "yalishanda" },
    { "alyeksandra", "yalishandela" },  /* 亚历山德拉 */
    { "aleksandra", "yalishandela" },
    { "alexandra", "yalishandela" },
};

/* The pinyin of the established Chinese form of the word rd[0..n)
 * (established), into out (cap bytes, no NUL).  Returns the length, 0
 * when there is none or it does not fit. */
static size_t established_form(char *out, size_t cap, const char *rd, size_t n)
{
    for (size_t i = 0; i < sizeof established / sizeof established[0]; i++) {
        size_t h = strlen(established[i].han);
        if (strlen(established[i].word) == n && memcmp(rd, established[i].word, n) == 0 && h <= cap) {
            memcpy(out, established[i].han, h);
            return h;
        }
    }
    return 0;
}

/* Adds the SK_CJK key of the reading rd[0..n) of one word of a name or
 * of a listed short form, for term r->nterms (k's fields but s, n and
 * kind kept), and where they differ as a Chinese transcription hears the
 * word (transcribe_heard_word), with its soft d and t (soft_dental) and
 * as its established Chinese form (established_form).  0, or -1 when out
 * of memory.  With kana, a key of CJK_KEY_MIN letters gets its
 * SK_CJK_KANA key too (a form as Japanese writes it: not an inflected
 * one). */
static int cjk_key(struct redactor *r, struct script_key *k, const char *rd, size_t n, int kana)
{
    char hd[READING_MAX];
    size_t v;
    int rc = 0;

    if (n == 0 || n > sizeof hd)
        return 0;
    for (int heard = 0; rc == 0 && heard < 4; heard++) {
        size_t m = n;
        memcpy(hd, rd, n);
        if (heard == 1 && ((m = transcribe_heard_word(hd, n)) == n && memcmp(hd, rd, n) == 0))
            continue;
        if (heard == 2 && !soft_dental(hd, n))
            continue;
        if (heard == 3 && (m = established_form(hd, sizeof hd, rd, n)) == 0)
            continue;
        v = redact_scripts_cjk_key(k->s, sizeof k->s, hd, m);
        if (v >= CJK_KEY_MIN && v <= TRANSCRIBE_SKEL_MAX) {
            k->kind = SK_CJK, k->n = (unsigned char)v;
            rc = key_add(r, k);
            /* Its stops' voicing too, for a key two subjects share. */
            if (rc == 0 && redact_scripts_voiced_key(k->s, sizeof k->s, hd, m) == v) {
                k->kind = SK_CJK_VOICED;
                rc = key_add(r, k);
                redact_scripts_cjk_key(k->s, sizeof k->s, hd, m);
            }
        }
        /* A short key as katakana writes it (not heard: pinyin's j
         * there is no katakana's). */
        if (rc == 0 && kana && !heard && v >= CJK_KEY_MIN && v < CJK_KEY_WHOLE &&
            redact_scripts_kana_key(k->s, sizeof k->s, hd, m) == v) {
            k->kind = SK_CJK_KANA, k->n = (unsigned char)v;
            rc = key_add(r, k);
        }
    }
    sodium_memzero(hd, sizeof hd);
    return rc;
}

/* redact_scripts_add on the norm view name[0..len) of a name. */
static int add_norm(struct redactor *r, const char *name, size_t len)
{
    char rd[256] = { 0 };
    struct part w[NAME_WORDS] = { { 0, 0 } };
    struct script_key k;
    size_t i = 0, used = 0, nw = 0, a;
    int cp, n, syl[8], nsyl = 0, hangul = 1, inword = 0, ko;
    unsigned char cyr[NAME_WORDS] = { 0 };      /* the word is all Cyrillic */

    while (i < len && (n = utf8_next(&cp, name + i, len - i)) > 0) {
        int m = script_of(cp) != 0 ? transcribe_reading(rd + used, sizeof rd - used, cp) : -1;
        i += (size_t)n;
        if (m < 0) {            /* a space, a hyphen: the next word */
            inword = 0;
            continue;
        }
        if (!inword && nw == NAME_WORDS)
            break;
        if (!inword)
            w[nw].at = used, w[nw].len = 0, cyr[nw] = 1, nw++, inword = 1;
        w[nw - 1].len += (size_t)m, used += (size_t)m;
        cyr[nw - 1] &= script_of(cp) == 3;
        if (cp >= 0xAC00 && cp <= 0xD7A3 && nsyl < 8)
            syl[nsyl++] = cp;
        else
            hangul = 0;
    }
    memset(&k, 0, sizeof k);
    k.term = (uint32_t)r->nterms, k.kind = SK_SKELETON;
    /* The whole name and every run of its words; not for a Korean name
     * (in Hangul, or romanised with a Korean surname first or last):
     * Hangul and its romanisations are the variants' (variants_ko.c), Han
     * the Hanja keys' below, and the short syllables of Korean names give
     * skeletons that ordinary Korean words share (test_eval). */
    ko = nsyl > 0 || (nw > 0 && (variants_is_surname(rd + w[0].at, w[0].len) ||
                                 variants_is_surname(rd + w[nw - 1].at, w[nw - 1].len)));
    if (add_keys(r, &k, rd, w, ko ? 0 : nw, 0) != 0)
        return -1;
    /* Each word alone as Chinese and Japanese write it (达丽娅,
     * ソコロワ): a loose vowel key.  Beside a Korean surname too, a word
     * written in Cyrillic that is no Korean surname: the Russian given
     * names of Koryo-saram (Гоша Ан, Дима Ли, Даша Ким: report-adv36 L-13,
     * L-15, L-16, O-3) are written 戈沙, ゴーシャ as any Russian name is. */
    for (a = 0; a < nw; a++)
        if ((!ko || (nsyl == 0 && cyr[a] && !variants_is_surname(rd + w[a].at, w[a].len))) &&
            cjk_key(r, &k, rd + w[a].at, w[a].len, 1) != 0)
            return -1;
    if (ko)
        nw = 0;
    /* As Korean loanword spelling hears it (Smith: 스미스; Michael:
     * 마이클), where that reads otherwise. */
    for (int alt = 0; alt < 4 && nw > 0; alt++) {
        char ld[256];
        struct part lw[NAME_WORDS];
        size_t lu = 0, m;
        for (a = 0; a < nw; a++, lu += m) {
            if ((m = transcribe_loanword(ld + lu, sizeof ld - lu, rd + w[a].at, w[a].len, alt)) == 0)
                break;
            lw[a].at = lu, lw[a].len = m;
        }
        if (a == nw && !(lu == used && memcmp(ld, rd, used) == 0) && add_keys(r, &k, ld, lw, nw, 1) != 0)
            return -1;
        sodium_memzero(ld, sizeof ld);
    }
    /* A Korean name in Hangul: the pinyin of its Hanja, whole (two
     * syllables or more) and the given name of a three-syllable one. */
    if (hangul && nsyl >= 2 && nsyl <= 4) {
        memset(k.s, 0, sizeof k.s);
        k.kind = SK_HANJA, k.n = (unsigned char)nsyl;
        for (n = 0; n < nsyl; n++)
            k.syl[n] = (uint16_t)syl[n];
        if (key_add(r, &k) != 0)
            return -1;
        if (nsyl == 3) {
            k.kind = SK_HANJA_GIVEN, k.n = 2;
            k.syl[0] = (uint16_t)syl[1], k.syl[1] = (uint16_t)syl[2], k.syl[2] = 0;
            if (key_add(r, &k) != 0)
                return -1;
        }
    }
    return 0;
}

int redact_scripts_add(struct redactor *r, const char *name, size_t len)
{
    char *norm;
    size_t nlen;
    int rc;

    /* Read as the text is: case folded (Б as б), NFKC. */
    if (normalise_norm(&norm, &nlen, name, len, NULL) != 0)
        return -1;
    rc = add_norm(r, norm, nlen);
    secmem_free(norm);
    return rc;
}

int redact_scripts_add_short(struct redactor *r, const char *form, size_t len)
{
    char rd[READING_MAX];
    struct script_key k;
    size_t used = 0, i = 0, v;
    int cp, n, m;

    memset(&k, 0, sizeof k);
    while (i < len && (n = utf8_next(&cp, form + i, len - i)) > 0) {
        i += (size_t)n;
        if (script_of(cp) != 3 || (m = transcribe_reading(rd + used, sizeof rd - used, cp)) < 0)
            return 0;           /* Cyrillic letters only */
        used += (size_t)m;
    }
    v = transcribe_skeleton(k.s, sizeof k.s, rd, used);
    if (v >= 2 && v < SKEL_FLAG &&
        (v = transcribe_vowel_key(k.s, sizeof k.s, rd, used)) >= 4 && v <= TRANSCRIBE_SKEL_MAX) {
        k.term = (uint32_t)r->nterms, k.kind = SK_MN_SHORT, k.n = (unsigned char)v;
        if (key_add(r, &k) != 0)
            return -1;
    }
    sodium_memzero(rd, sizeof rd);
    return 0;
}

int redact_scripts_add_cjk_short(struct redactor *r, const char *form, size_t len)
{
    char rd[READING_MAX];
    struct script_key k;
    size_t used = 0, i = 0;
    int cp = 0, n, m, rc, cyrillic = 1;

    memset(&k, 0, sizeof k);
    while (i < len && (n = utf8_next(&cp, form + i, len - i)) > 0) {
        int sc = script_of(cp);
        i += (size_t)n;
        if ((sc != 1 && sc != 3) || (m = transcribe_reading(rd + used, sizeof rd - used, cp)) < 0)
            return 0;           /* Latin or Cyrillic letters only, one word */
        used += (size_t)m, cyrillic &= sc == 3;
    }
    k.term = (uint32_t)r->nterms;
    /* Katakana writes a short form as Russian says it to a person, the
     * nominative in -а, -я (ダーシャ, ワーニャ): not the list's
     * romanisations (dasza, dacha), nor a case form (Дашу, Дашей). */
    rc = cjk_key(r, &k, rd, used, cyrillic && (cp == 0x430 || cp == 0x44F));
    sodium_memzero(rd, sizeof rd);
    sodium_memzero(&k, sizeof k);
    return rc;
}

/* The reading rd[0..len) of a Mongolian or Russian place's name as
 * Korean writes it (the National Institute of Korean Language's rules for
 * Mongolian and Russian, 외래어 표기법; Wikipedia's Korean titles):
 * х (kh) is ㅎ, which the skeleton leaves out (바양주르흐 for Баянзүрх,
 * 수흐바타르 for Сүхбаатар), and with velar an н ending a syllable is
 * ㅇ, as Mongolian says it (바양, 송기노하이르항; a Russian н stays ㄴ).
 * Writes at most cap bytes to out; returns the length, 0 if it did not
 * fit. */
static size_t hangul_hearing(char *out, size_t cap, const char *rd, size_t len, int velar)
{
    size_t i, o = 0;

    for (i = 0; i < len; i++) {
        char next = i + 1 < len ? rd[i + 1] : 0;
        if (rd[i] == 'k' && next == 'h')
            continue;           /* kh: h */
        if (o + 2 > cap)
            return 0;
        out[o++] = rd[i];
        if (velar && rd[i] == 'n' && next != 'g' && strchr("aeiouy", next ? next : 'x') == NULL)
            out[o++] = 'g';
    }
    return o;
}

/* Letters of a place's vowel key (SK_SHORT): at four, 장 of 장마당 was
 * flagged for a place of the gazetteer (SANK; test_eval). */
#define PLACE_VOWELS 5

/* Keys of a place's name rd[0..len) read in a Hangul word (report-adv21
 * its skeleton as Korean hears it (SK_HANGUL, five classes or
 * four for a review flag), and for three or four classes its vowels too
 * (SK_SHORT, five letters or more: replaced where they agree and the Korean dictionary does not
 * know the word), as a one-word foreign name is read (report-adv19a
 * N-10).  For term r->nterms. */
static int add_place_hangul(struct redactor *r, const char *rd, size_t len)
{
    char hd[256], prev[256];
    struct script_key k;
    size_t h, plen = 0, c, v;
    int rc = 0;

    memset(&k, 0, sizeof k);
    k.term = (uint32_t)r->nterms;
    for (int velar = 0; rc == 0 && velar < 2; velar++) {
        if ((h = hangul_hearing(hd, sizeof hd, rd, len, velar)) == 0 ||
            (h == plen && memcmp(hd, prev, h) == 0))
            continue;
        memcpy(prev, hd, h), plen = h;
        c = transcribe_skeleton(k.s, sizeof k.s, hd, h);
        if (c >= SKEL_FLAG && c <= TRANSCRIBE_SKEL_MAX) {
            k.kind = SK_HANGUL, k.n = (unsigned char)c;
            rc = key_add(r, &k);
        }
        if (rc == 0 && c >= LOAN_MIN && c < SKEL_REPLACE &&
            (v = transcribe_vowel_key(k.s, sizeof k.s, hd, h)) >= PLACE_VOWELS &&
            v <= TRANSCRIBE_SKEL_MAX) {
            k.kind = SK_SHORT, k.n = (unsigned char)v;
            rc = key_add(r, &k);
        }
    }
    sodium_memzero(hd, sizeof hd);
    sodium_memzero(prev, sizeof prev);
    return rc;
}

int redact_scripts_add_place(struct redactor *r, const char *name, size_t len)
{
    char *norm, rd[256];
    struct script_key k;
    size_t i = 0, used = 0, c;
    int cp, n, m, rc = 0;

    if (normalise_norm(&norm, &len, name, len, NULL) != 0)
        return -1;
    memset(&k, 0, sizeof k);
    while (i < len && (n = utf8_next(&cp, norm + i, len - i)) > 0) {
        int sc = script_of(cp);
        i += (size_t)n;
        if (sc == 0)
            continue;           /* a space, a hyphen: one reading */
        if ((sc != 1 && sc != 3) || (m = transcribe_reading(rd + used, sizeof rd - used, cp)) < 0) {
            used = 0;           /* Hangul, Han: the gazetteer's own names */
            break;
        }
        used += (size_t)m;
    }
    if (used > 0 && r->place_hangul)
        rc = add_place_hangul(r, rd, used);
    /* As written, and as the classical spelling writes it (a g between
     * vowels left out, as scan_from reads the script: Өмнөговь, ᠡᠮᠦᠨᠡᠭᠣᠪᠢ). */
    for (int pass = 0; rc == 0 && used > 0 && pass < 2; pass++) {
        if (pass == 1) {
            size_t u = transcribe_classical(rd, used);
            if (u == used)
                break;
            used = u;
        }
        c = transcribe_skeleton(k.s, sizeof k.s, rd, used);
        if (c >= SKEL_MN_PLACE && c <= TRANSCRIBE_SKEL_MAX) {
            k.term = (uint32_t)r->nterms, k.kind = SK_MN_PLACE, k.n = (unsigned char)c;
            rc = key_add(r, &k);
        }
    }
    secmem_free(norm);
    sodium_memzero(rd, sizeof rd);
    return rc;
}

static int key_cmp(const void *a, const void *b)
{
    const struct script_key *x = a, *y = b;
    int c;

    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if ((c = strcmp(x->s, y->s)) != 0)
        return c;
    return x->term < y->term ? -1 : x->term > y->term;
}

void redact_scripts_finish(struct redactor *r)
{
    size_t i;

    if (r->nskeys > 1)
        qsort(r->skeys, r->nskeys, sizeof *r->skeys, key_cmp);
    for (i = 0; i < r->nskeys && r->skeys[i].kind < SK_HANJA; i++)
        ;
    r->nskel = i;
}

/* The first key of kind (SK_SKELETON or SK_SHORT) that is s, or NULL. */
const struct script_key *redact_scripts_key_find(const struct redactor *r, int kind, const char *s)
{
    size_t lo = 0, hi = r->nskel, mid;
    int c;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        c = r->skeys[mid].kind != kind ? (r->skeys[mid].kind < kind ? -1 : 1)
                                       : strcmp(r->skeys[mid].s, s);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->nskel && r->skeys[lo].kind == kind && strcmp(r->skeys[lo].s, s) == 0
           ? &r->skeys[lo] : NULL;
}

/* 1 if a key of another subject than k's is the same key as k (k the
 * first of them, as key_find returns it): a window that reads it reads
 * either person's name (report-adv29c K-19), so it is a review flag, not
 * one subject's pseudonym. */
int redact_scripts_key_shared(const struct redactor *r, const struct script_key *k)
{
    long subject = r->terms[k->term].subject;

    for (const struct script_key *o = k + 1; o < r->skeys + r->nskel && o->kind == k->kind &&
                                             strcmp(o->s, k->s) == 0; o++)
        if (r->terms[o->term].subject != subject)
            return 1;
    return 0;
}
