/* A registered name written in another script or transcription system
 * (issue 12, F12/F28): the redactor's keys of each name (transcribe.h)
 * and the scan that compares the words of a text with them.  The rules
 * and what they leave: docs/VARIANTS.md, "Other scripts and
 * transcriptions". */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/common_words.h"
#include "privacy/hangul_endings.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/transcribe.h"
#include "privacy/variants.h"
#include "util/lexicon.h"

/* Classes a skeleton needs to be replaced where it is found, and to be a
 * review flag; shorter ones are too common a shape (LS, KMS) to say
 * anything.  At 5 the clean prose of tests/data/clean gets no false
 * replacement (test_eval), at 4 the flags stay under the budget. */
#define SKEL_REPLACE 5
#define SKEL_FLAG 4
/* Classes of one word of a name read in one Hangul word (SK_LOAN:
 * 스미스, 이바노프); fewer (존 for John) are Korean words' shapes. */
#define LOAN_MIN 3
/* Classes of a place's name read in the Mongolian script (SK_MN_PLACE). */
#define SKEL_MN_PLACE 3
/* Words of a window, and of a name whose parts are keyed. */
#define WINDOW_WORDS 3
#define NAME_WORDS 6
/* Letters of a Japanese on-reading read as a name (check_hanja). */
#define ONYOMI_MIN 5
/* Bytes of a window's reading. */
#define READING_MAX 96

/* The kinds of key, in their sorted order: consonant skeletons, vowel
 * keys of short names, katakana's, a place's names read in the Mongolian
 * script only (report-adv16a A-23), one word of a foreign name read in a
 * Hangul word and the skeletons of a name as Korean loanword spelling
 * hears it, for Hangul only (brief s19 ko19), the vowel keys of a
 * Mongolian name's short forms read in one Hangul word (바타 for Батаа;
 * brief s20 names20, report-adv19a N-10), then the Hangul syllables of
 * Korean names. */
enum { SK_SKELETON, SK_SHORT, SK_KANA, SK_MN_PLACE, SK_LOAN, SK_HANGUL, SK_MN_SHORT, SK_HANJA,
       SK_HANJA_GIVEN };

struct script_key {
    uint32_t term;
    unsigned char kind, n;      /* n: classes, or Hangul syllables */
    char s[TRANSCRIBE_SKEL_MAX + 1];   /* the skeleton or vowel key */
    uint16_t syl[8];            /* the Hangul syllables (SK_HANJA kinds) */
};

/* The script of a code point for the windows: 1 Latin, 2 Hangul,
 * 3 Cyrillic, 4 Han, 5 Mongolian, 6 katakana, 0 none. */
static int script_of(int cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
        return 1;
    if (cp >= 0xAC00 && cp <= 0xD7A3)
        return 2;
    if (cp >= 0x0400 && cp <= 0x04FF)
        return 3;
    if (transcribe_is_mongolian(cp) || (cp >= 0x180B && cp <= 0x180F))
        return 5;
    if (transcribe_is_katakana(cp))
        return 6;
    if (is_han_cp(cp))
        return 4;
    return 0;
}

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

/* redact_scripts_add on the norm view name[0..len) of a name. */
static int add_norm(struct redactor *r, const char *name, size_t len)
{
    char rd[256] = { 0 };
    struct part w[NAME_WORDS] = { { 0, 0 } };
    struct script_key k;
    size_t i = 0, used = 0, nw = 0, a;
    int cp, n, syl[8], nsyl = 0, hangul = 1, inword = 0;

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
            w[nw].at = used, w[nw].len = 0, nw++, inword = 1;
        w[nw - 1].len += (size_t)m, used += (size_t)m;
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
    if (nsyl > 0 || (nw > 0 && (variants_is_surname(rd + w[0].at, w[0].len) ||
                                variants_is_surname(rd + w[nw - 1].at, w[nw - 1].len))))
        nw = 0;
    if (add_keys(r, &k, rd, w, nw, 0) != 0)
        return -1;
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
static const struct script_key *key_find(const struct redactor *r, int kind, const char *s)
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
static int key_shared(const struct redactor *r, const struct script_key *k)
{
    long subject = r->terms[k->term].subject;

    for (const struct script_key *o = k + 1; o < r->skeys + r->nskel && o->kind == k->kind &&
                                             strcmp(o->s, k->s) == 0; o++)
        if (r->terms[o->term].subject != subject)
            return 1;
    return 0;
}

/* A word of the text: norm bytes [start, end), its script. */
struct word {
    size_t start, end;
    int script, capital;
};

/* 1 if the norm text between two words is only what joins the words of
 * a name: spaces, hyphens, middle dots (萨拉·惠特菲尔德). */
static int joins(const char *s, size_t a, size_t b)
{
    int cp, n;

    if (a == b)
        return 0;
    while (a < b && (n = utf8_next(&cp, s + a, b - a)) > 0) {
        if (cp != ' ' && cp != '-' && cp != 0xB7 && cp != 0x30FB && cp != 0x2027 &&
            cp != 0x202F && cp != 0x2E31)
            return 0;
        a += (size_t)n;
    }
    return 1;
}

/* Adds the span [a, b) of key k: a replacement into sp when whole says
 * so, else a review flag into flags (when not NULL). */
static int file(struct spans *sp, struct spans *flags, const struct redactor *r,
                const struct script_key *k, size_t a, size_t b, int whole)
{
    const struct term *tm = &r->terms[k->term];
    struct span s = { a, b, 0, RULE_VARIANT, tm->subject, k->term, 0, 0, 0 };

    if (!whole) {
        if (flags == NULL)
            return 0;
        s.cat = FLAG_TRANSCRIPTION, s.review = 1;
        return redact_span_add(flags, &s);
    }
    s.cat = tm->cat == NAME_CAT ? CAT_PSEUDONYM : tm->cat;
    return redact_span_add(sp, &s);
}

/* 1 if the one word w[0..len) (norm bytes) is an ordinary word of its
 * script's dictionary: a transcription that is a word is no more than a
 * review flag. */
static int ordinary(const char *w, size_t len)
{
    int cp, lang;

    if (utf8_next(&cp, w, len) <= 0 || (lang = lexicon_lang_of(cp)) < 0)
        return 0;
    return redact_known_word(lang, w, len);
}

/* 1 if a Hangul window of the words ws[0..n) holds a word the Korean
 * dictionary knows: after its first word (사라 of 사라 휘트필드 is a
 * word too), or for a review flag (strict) in any of them.  A foreign
 * name in Hangul is no Korean word, while runs of ordinary words share
 * the short skeletons of names (말갈 뒤, 될 줄은: test_eval). */
static int known_after(const struct normtext *t, const struct word *ws, size_t n, int strict)
{
    size_t i;

    for (i = strict || n == 1 ? 0 : 1; i < n; i++)
        if (ordinary(t->norm + ws[i].start, ws[i].end - ws[i].start))
            return 1;
    return 0;
}

/* Particles that follow a noun and never a verb's form in -지 (울지가,
 * 울지를, 울지도 are "cry" as well as Ulzii; 울지에게 is only a name). */
static const char *const noun_particles[] = {
    "에게", "한테", "께", "의", "와", "랑", "하고", "더러", "보고",
};

/* 1 if a word of address (씨, 동무: variants_ko_marks_name) follows the
 * Hangul word ws[0] ending at norm byte p: in its particles, or as the
 * next word ws[1] when nw > 1. */
static int addressed(const struct normtext *t, const struct word *ws, size_t nw, size_t p)
{
    size_t n = ws[0].end - p;

    if (n == 0 && nw > 1)
        return variants_ko_marks_name(t->norm + ws[1].start, ws[1].end - ws[1].start);
    return n > 0 && variants_ko_marks_name(t->norm + p, n);
}

/* 1 if what is glued after the Hangul word ws[0]'s window (norm bytes
 * p..end) belongs to the word: hunspell-ko reads the whole word as one
 * word (떠받아 is a form of 떠받다, not 떠받 and the vocative 아; 겉모양 is a
 * noun, not 겉모 and 양 "Miss": test_eval's ko-words.txt with Дэвид and
 * Готэм registered), so it marks no person.  A word of address as the
 * next word still does (스미스 씨). */
static int glued_is_word(const struct normtext *t, const struct word *ws, size_t p)
{
    return p < ws[0].end &&
           redact_ko_word_itself(t->norm + ws[0].start, ws[0].end - ws[0].start, p - ws[0].start);
}

/* 1 if what follows a short Hangul word ws[0] ending at norm byte p (its
 * particles, or the next word ws[1] when nw > 1) marks a person: a word
 * of address (씨, 동무: variants_ko_marks_name) or a particle only nouns
 * take. */
static int marks_person(const struct normtext *t, const struct word *ws, size_t nw, size_t p)
{
    const char *rest = t->norm + p;
    size_t n = ws[0].end - p, i, k;

    if (addressed(t, ws, nw, p))
        return 1;
    for (i = 0; i < sizeof noun_particles / sizeof noun_particles[0]; i++)
        if ((k = strlen(noun_particles[i])) <= n && memcmp(rest, noun_particles[i], k) == 0)
            return 1;
    return 0;
}

/* A Hangul word ws[0] up to norm byte p (particles after it), two
 * syllables or more, read rd[0..used) to the skeleton skel of 3-4
 * classes, as one word of a foreign name in Korean loanword spelling
 * (스미스 씨가, 이바노프가).  Replaced (*whole) where the Korean dictionary
 * does not know the word and its vowels agree too (the vowel key, ㅡ and
 * a final 지's ㅣ left out: 이바노프 is Ivanov's IPANOP), or its consonants
 * agree and a word of address or a noun's particle follows (브라운 씨); a
 * review flag where the dictionary knows it but such a mark follows.
 * Consonants alone with no mark say nothing: ordinary words share three
 * classes (사람, 졸업: test_eval).  Returns the key, or NULL. */
static const struct script_key *loan_word(const struct redactor *r, const struct normtext *t,
                                          const struct word *ws, size_t nw, size_t p,
                                          const char *rd, size_t used, const char *skel,
                                          int *whole)
{
    char vk[TRANSCRIBE_SKEL_MAX + 1];
    const struct script_key *k = key_find(r, SK_LOAN, skel), *v = NULL;
    int known, marked;

    if (p - ws[0].start < 6)
        return NULL;            /* one syllable (광): a word's */
    if (transcribe_vowel_key(vk, sizeof vk, rd, transcribe_hangul_final(rd, used)) <=
        TRANSCRIBE_SKEL_MAX)
        v = key_find(r, SK_SHORT, vk);
    if (k == NULL && v == NULL)
        return NULL;
    known = redact_ordinary_ko(t->norm + ws[0].start, ws[0].end - ws[0].start, 0);
    /* A word the dictionary knows is marked only by a word of address
     * (사람이, 졸업을, 불안의: a noun's particle follows every noun). */
    marked = known ? addressed(t, ws, nw, p) && !glued_is_word(t, ws, p)
                   : marks_person(t, ws, nw, p);
    if (!marked && (known || v == NULL))
        return NULL;
    *whole = !known;
    return v != NULL ? v : k;
}

/* The reading s[0..len) of the window ws[0..j] against each Korean
 * name's Hanja keys: its pinyin (py), its Japanese on-reading (on) or its
 * Sino-Vietnamese reading (vi).
 * The whole name in two words or more is replaced; a given name alone
 * is a review flag, unless a word (June, which the English dictionary
 * lists capitalised). */
static int check_hanja(struct spans *sp, struct spans *flags, const struct redactor *r,
                       const struct word *ws, size_t j, const char *s, size_t len, int py, int on,
                       int vi)
{
    int syl[8];

    /* On-readings are short (to, in, ki): five letters at least, and a
     * given name alone in one word ("TO IN" reads 도인 too). */
    if (len < ONYOMI_MIN)
        on = 0;
    for (size_t i = r->nskel; i < r->nskeys; i++) {
        const struct script_key *k = &r->skeys[i];
        for (int m = 0; m < k->n; m++)
            syl[m] = k->syl[m];
        /* Sino-Vietnamese (Kim Chung Thu): a syllable a word, so two
         * words at least (kim alone is a word of several languages). */
        if (((py && transcribe_pinyin_reads(s, len, syl, k->n)) ||
             (vi && j > 0 && transcribe_hanviet_reads(s, len, syl, k->n)) ||
             (on && (k->kind == SK_HANJA || j == 0) &&
              transcribe_onyomi_reads(s, len, syl, k->n))) &&
            (k->kind == SK_HANJA || j > 0 ||
             !(ordinary(s, len) || lexicon_proper(LEXICON_EN, s, len) == 1)) &&
            file(sp, flags, r, k, ws[0].start, ws[j].end, k->kind == SK_HANJA && j > 0) != 0)
            return -1;
    }
    return 0;
}

/* Windows of the Latin words ws[0..nw) (each capitalised): the pinyin or
 * the Japanese on-reading (Kin Shoshu) of a Korean name's Hanja. */
static int scan_pinyin(struct spans *sp, struct spans *flags, const struct redactor *r,
                       const struct normtext *t, const struct word *ws, size_t nw, int lower)
{
    char s[64];
    size_t len = 0, j;

    for (j = 0; j < nw; j++) {
        size_t n = ws[j].end - ws[j].start;
        if (len + n > sizeof s)
            return 0;
        memcpy(s + len, t->norm + ws[j].start, n), len += n;
        /* In lower case, pinyin only: the short on-readings and
         * Vietnamese syllables make English words (into a: in to a). */
        int py = transcribe_is_pinyin(s, len), on = !lower && transcribe_is_onyomi(s, len);
        int vi = !lower && j > 0 && transcribe_is_hanviet(s, len);
        if ((py || on || vi) && check_hanja(sp, flags, r, ws, j, s, len, py, on, vi) != 0)
            return -1;
    }
    return 0;
}

/* Windows of the katakana words ws[0..nw): the Japanese on-reading of a
 * Korean name's Hanja (キン・ショウシュ for 金鍾洙, 김종수). */
static int scan_kana_onyomi(struct spans *sp, struct spans *flags, const struct redactor *r,
                            const struct normtext *t, const struct word *ws, size_t nw)
{
    char s[64];
    size_t len = 0, j, m;

    for (j = 0; j < nw; j++) {
        m = transcribe_kana_romaji(s + len, sizeof s - len, t->norm + ws[j].start,
                                   ws[j].end - ws[j].start);
        if (m == 0)
            return 0;
        len += m;
        if (transcribe_is_onyomi(s, len) && check_hanja(sp, flags, r, ws, j, s, len, 0, 1, 0) != 0)
            return -1;
    }
    return 0;
}

/* 1 if the window norm[a..p) of Han characters reads a skeleton of four
 * classes in HAN_WHOLE characters or more: a one-word name written a
 * character a syllable (巴特巴雅尔 for Батбаяр: report-adv17a D-40), as
 * certain a reading as a longer skeleton, so replaced, not flagged. */
#define HAN_WHOLE 5
static int han_whole(const struct normtext *t, const struct word *ws, size_t a, size_t p,
                     size_t c)
{
    size_t n = 0;
    int cp, k;

    if (ws[0].script != 4 || c < SKEL_FLAG)
        return 0;
    for (size_t i = a; i < p && (k = utf8_next(&cp, t->norm + i, p - i)) > 0; i += (size_t)k)
        n++;
    return n >= HAN_WHOLE;
}

/* The windows that start at norm byte a in word ws[0] (the words after it
 * in ws[1..nw) joined to it): each end a word's end, or for Hangul a
 * syllable followed by particles only, or for Han any character. */
static int scan_from(struct spans *sp, struct spans *flags, const struct redactor *r,
                     const struct normtext *t, const struct word *ws, size_t nw, size_t a,
                     const struct hangul_ending *h)
{
    char rd[READING_MAX], skel[TRANSCRIBE_SKEL_MAX + 1];
    size_t used = 0, j, p = a, c, done = 0;
    int cp, n, m;

    /* After a replacement of done classes only a longer one that reads
     * more classes is filed: the replacement covers the whole
     * transcription (바트에르데네가: 바트에르 of a short form Батэр, then
     * Бат-Эрдэнэ whole; report-adv21 A-9), and a particle stays
     * (알탄게렐|이 reads as many classes as 알탄게렐). */
    for (j = 0; j < nw; j++, p = j < nw ? ws[j].start : p) {
        while (p < ws[j].end && (n = utf8_next(&cp, t->norm + p, ws[j].end - p)) > 0) {
            size_t np = p + (size_t)n;
            if (h != NULL && p > h->at)
                return 0;       /* the ending was the window's last */
            if (h != NULL && p == h->at)
                cp = h->sub, np = h->end;
            /* A particle (被, 在, 说) ends a name's transcription. */
            if (ws[j].script == 4 && han_particle(t->norm + p, np - p))
                return 0;
            if (cp == 0)
                m = 0;
            else if ((m = ws[j].script == 4
                              ? transcribe_reading_heard(rd + used, sizeof rd - used, cp)
                              : transcribe_reading(rd + used, sizeof rd - used, cp)) < 0)
                return 0;
            used += (size_t)m, p = np;
            if (h != NULL && p != h->end)
                continue;
            if (ws[j].script == 5) {    /* baγatur: baatar */
                char cl[READING_MAX];
                memcpy(cl, rd, used);
                c = transcribe_skeleton(skel, sizeof skel, cl, transcribe_classical(cl, used));
            } else if (ws[j].script == 4 || ws[j].script == 6) {
                c = transcribe_skeleton_cjk(skel, sizeof skel, rd, used);
            } else {
                c = transcribe_skeleton(skel, sizeof skel, rd, used);
            }
            if (c > TRANSCRIBE_SKEL_MAX)
                return 0;
            /* A window mostly of the commonest Han characters is ordinary
             * Chinese (停了下 read as a key of Tanaka Hiroshi;
             * common_words.h), as in redact_context_refuses. */
            if (ws[0].script == 4 && common_han_run(t->norm + a, p - a))
                continue;
            if (ws[0].script == 6)
                c = transcribe_collapse(skel);
            if (c < 2 || (p < ws[j].end && ws[j].script != 4 &&
                          !(ws[j].script == 2 &&
                            variant_suffix_ok(SUFFIX_KO, t->norm + p, ws[j].end - p))))
                continue;
            if (ws[0].script == 2 && j == 0 && c >= LOAN_MIN && c < SKEL_REPLACE) {
                int whole = 0;
                const struct script_key *lk = loan_word(r, t, ws, nw, p, rd, used, skel, &whole);
                if (lk != NULL) {   /* and on: 알렉스 터너 is Alex Turner */
                    if (file(sp, flags, r, lk, a, p, whole) != 0)
                        return -1;
                    continue;
                }
            }
            /* A place term's name in the Mongolian script (ᠳᠠᠷᠬᠠᠨ for
             * Дархан, ᠬᠣᠪᠳᠤ for Ховд): replaced from three classes on, as
             * the script is rarely written in a testimony but for a
             * name, and a place's names are short. */
            if (ws[0].script == 5 && c >= SKEL_MN_PLACE) {
                const struct script_key *pk = key_find(r, SK_MN_PLACE, skel);
                if (pk != NULL)
                    return file(sp, flags, r, pk, a, p, 1);
            }
            if (c < SKEL_FLAG) {
                /* A short name in one Hangul word (올지가 for Ulzii): its
                 * vowels too, a review flag where the Korean dictionary
                 * knows no reading of the word, even a loose one (울지가
                 * is also a form of 울다, "to cry", and stays). */
                const struct script_key *v = NULL;
                int known = 0, whole = 0;
                if (j > 0 || ws[0].script != 2 ||
                    transcribe_vowel_key(skel, sizeof skel, rd, used) > TRANSCRIBE_SKEL_MAX)
                    continue;
                /* Inside a longer word, the rest is a particle or a
                 * person's ending, not any chain of endings: 파르와|니아에서
                 * is no short name of Батбаяр (report-adv26a D-21). */
                if (p < ws[0].end && !variants_ko_common_suffix(t->norm + p, ws[0].end - p) &&
                    !variants_ko_person_chain(t->norm + p, ws[0].end - p))
                    continue;
                /* A Mongolian name's short form in Hangul (바타가 for Батаа,
                 * 알타 씨 for Алтаа; report-adv19a N-10): two syllables or
                 * more that no Korean word reads, followed by a particle
                 * or a word of address, is replaced as its Latin (Bataa)
                 * is; alone it is as often a dialect word (기래).  The
                 * dictionary is asked last, only for a word a key names:
                 * loading it costs more than the rest of a redact. */
                if ((v = key_find(r, SK_SHORT, skel)) == NULL) {
                    if (p - a < 6 || (p == ws[0].end && !addressed(t, ws, nw, p)) ||
                        (v = key_find(r, SK_MN_SHORT, skel)) == NULL ||
                        redact_ordinary_ko(t->norm + ws[0].start, ws[0].end - ws[0].start, 0))
                        continue;
                    whole = 1;
                } else {
                    known = redact_ordinary_ko(t->norm + ws[0].start, ws[0].end - ws[0].start, 0);
                }
                /* A glued ending (아, 양이) marks a person only where the
                 * dictionary does not read the whole word as one word
                 * (떠받아, 겉모양이: aud20). */
                if (known && (!marks_person(t, ws, nw, p) || glued_is_word(t, ws, p)))
                    continue;
                if (done > 0 && (!whole || c <= done))
                    continue;
                if (file(sp, flags, r, v, a, p, whole) != 0)
                    return -1;
                if (whole)
                    done = c;   /* the shortest: a particle stays (알탄|은) */
                continue;
            }
            const struct script_key *k = key_find(r, ws[0].script == 6 ? SK_KANA : SK_SKELETON, skel);
            if (k == NULL && ws[0].script == 2)
                k = key_find(r, SK_HANGUL, skel);
            /* Latin and Cyrillic spellings are the variants' (variants.c):
             * four classes there are English words (Freedom, Liable). */
            /* A name registered in pinyin is read in Han characters by
             * its syllables (redact_hanzi.c), not by a skeleton that
             * ordinary words share (山上 for Chen Jing). */
            if (k == NULL || (c < SKEL_REPLACE && (ws[0].script == 1 || ws[0].script == 3)) ||
                (ws[0].script == 4 && redact_hanzi_term(r, k->term)) ||
                (ws[0].script == 2 && known_after(t, ws, j + 1, c < SKEL_REPLACE)))
                continue;
            /* One word its dictionary knows is a review flag at most. */
            int whole = (c >= SKEL_REPLACE &&
                         !(j == 0 && ws[0].script != 4 &&
                           ordinary(t->norm + ws[0].start, ws[0].end - ws[0].start))) ||
                        han_whole(t, ws, a, p, c);
            /* Two subjects' names read alike: never one of them silently. */
            if (whole && key_shared(r, k))
                whole = 0;
            if (done > 0 && (!whole || c <= done))
                continue;
            if (file(sp, flags, r, k, a, p, whole) != 0)
                return -1;
            if (whole)
                done = c;       /* the shortest: a particle stays (알탄게렐|이) */
        }
    }
    return 0;
}

/* The Hangul word ws[0] (and those joined to it, ws[1..nw)) read again
 * with Mongolian case endings after its second syllable or later
 * (hangul_endings.c): a name's key found in the stem is filed over the
 * stem and its endings. */
static int scan_mn_heard(struct spans *sp, struct spans *flags, const struct redactor *r,
                         const struct normtext *t, const struct word *ws, size_t nw)
{
    struct hangul_ending h[3];
    size_t q = ws[0].start, end = ws[0].end, nh, nsp = sp->n, nfl = flags != NULL ? flags->n : 0;
    int cp, n, syl = 0;

    for (; q < end && (n = utf8_next(&cp, t->norm + q, end - q)) > 0; q += (size_t)n, syl++) {
        if (syl < 1)
            continue;
        nh = hangul_mn_endings(h, sizeof h / sizeof h[0], t->norm + ws[0].start,
                               end - ws[0].start, q - ws[0].start);
        for (size_t i = 0; i < nh; i++) {
            h[i].at += ws[0].start, h[i].end += ws[0].start;
            if (scan_from(sp, flags, r, t, ws, nw, ws[0].start, &h[i]) != 0)
                return -1;
        }
    }
    /* A word hunspell-ko knows is Korean (군관들은: 들 is no -д -аар); the
     * dictionary is asked last, only where a key was found (its loading
     * costs more than the rest of a redact: docs/SPEED.md, session 24). */
    if ((sp->n > nsp || (flags != NULL && flags->n > nfl)) &&
        redact_ordinary_ko(t->norm + ws[0].start, end - ws[0].start, 1)) {
        sp->n = nsp;
        if (flags != NULL)
            flags->n = nfl;
    }
    return 0;
}

/* Appends the words of t (runs of letters of one script of script_of,
 * not glued to a digit or a letter of another kind) to *ws; with hira,
 * the runs of hiragana instead (script 7), glued or not: Japanese glues
 * every word (きんしょうしゅ が来た, brief s17 kana17 item 1). */
static int words_of(struct word **ws, size_t *nw, const struct normtext *t, int hira)
{
    size_t p = 0, cap = 0;
    int cp, n, sc, before = -1;

    *ws = NULL, *nw = 0;
    while (p < t->normlen && (n = utf8_next(&cp, t->norm + p, t->normlen - p)) > 0) {
        struct word w = { p, p, 0, 0 };
        int ocp = 0;
        if ((sc = hira ? 7 * (cp >= 0x3041 && cp <= 0x3096) : script_of(cp)) == 0) {
            before = cp, p += (size_t)n;
            continue;
        }
        w.script = sc;
        w.capital = utf8_next(&ocp, t->orig + t->ostart[p], t->inlen - t->ostart[p]) > 0 &&
                    normalise_is_upper(ocp);
        while (w.end < t->normlen && (n = utf8_next(&cp, t->norm + w.end, t->normlen - w.end)) > 0 &&
               (hira ? 7 * (cp >= 0x3041 && cp <= 0x3096) : script_of(cp)) == sc)
            w.end += (size_t)n;
        p = w.end;
        /* Hiragana particles after katakana are no glue (ドルジが). */
        if (!hira && ((before >= 0 && is_word_cp(before) && script_of(before) == 0) ||
            (p < t->normlen && utf8_next(&cp, t->norm + p, t->normlen - p) > 0 &&
             is_word_cp(cp) && script_of(cp) == 0 && !(sc == 6 && cp >= 0x3041 && cp <= 0x309F)))) {
            before = 'x';
            continue;           /* kim75, a code: the handles' business */
        }
        before = -1;
        if (*nw == cap) {
            size_t nc = cap ? 2 * cap : 64;
            struct word *g = realloc(*ws, nc * sizeof *g);
            if (g == NULL)
                return -1;
            *ws = g, cap = nc;
        }
        (*ws)[(*nw)++] = w;
    }
    return 0;
}

/* 1 if r protects a person or a place: a word in the Mongolian script
 * no key read is then a review flag (report-adv16a A-23). */
static int protects_named(const struct redactor *r)
{
    for (size_t i = 0; i < r->nterms; i++)
        if (r->terms[i].cat == NAME_CAT || r->terms[i].cat == TERM_PERSON ||
            r->terms[i].cat == TERM_PLACE)
            return 1;
    return 0;
}

/* The hiragana words of t, read as the katakana ones are for the
 * Japanese on-reading of a Korean name's Hanja (きん しょうしゅ): the whole
 * name in two words or more only, no review flag for a given name alone
 * (hiragana is mostly the endings and particles of Japanese words: しだ of
 * 少しだ reads a given name 시다), and not by skeleton. */
static int scan_hiragana(struct spans *sp, const struct redactor *r,
                         const struct normtext *t)
{
    struct word *ws;
    size_t nw, i, j;
    int rc = 0;

    if (words_of(&ws, &nw, t, 1) != 0)
        return -1;
    for (i = 0; rc == 0 && i < nw; i++) {
        for (j = i + 1; j < nw && j < i + WINDOW_WORDS && joins(t->norm, ws[j - 1].end, ws[j].start);
             j++)
            ;
        rc = scan_kana_onyomi(sp, NULL, r, t, ws + i, j - i);
    }
    free(ws);
    return rc;
}

int redact_find_scripts(struct spans *sp, struct spans *flags, const struct redactor *r,
                        const struct normtext *t)
{
    struct word *ws;
    size_t nw, i, j, a, run = 0, nsp = 0, nfl = 0;
    int rc = 0, named = flags != NULL && protects_named(r);

    if (r->nskeys == 0 && !named)
        return 0;
    if (words_of(&ws, &nw, t, 0) != 0)
        return -1;
    for (i = 0; rc == 0 && i < nw; i++) {
        int latin = ws[i].script == 1 || ws[i].script == 3;
        if (latin && !ws[i].capital) {
            /* Lower-case pinyin of a Korean name's Hanja, as chat and
             * user names write it (jin zhongzhu, piao minshu; brief s18
             * item 5, report-adv17a D-25): the whole name in two words or
             * more only, no review flag for one word (no flags). */
            if (ws[i].script == 1 && r->nskel < r->nskeys) {
                for (j = i + 1; j < nw && j < i + WINDOW_WORDS && ws[j].script == 1 &&
                                !ws[j].capital && joins(t->norm, ws[j - 1].end, ws[j].start);
                     j++)
                    ;
                if (j > i + 1)
                    rc = scan_pinyin(sp, NULL, r, t, ws + i, j - i, 1);
            }
            continue;
        }
        /* The words joined to this one: same script, spaces, hyphens or
         * middle dots between; in Latin and Cyrillic each capitalised. */
        for (j = i + 1; j < nw && j < i + WINDOW_WORDS && ws[j].script == ws[i].script &&
                        joins(t->norm, ws[j - 1].end, ws[j].start) && (!latin || ws[j].capital);
             j++)
            ;
        if (ws[i].script == 4) {
            int cp, n;
            for (a = ws[i].start; rc == 0 && a < ws[i].end; a += (size_t)n) {
                if ((n = utf8_next(&cp, t->norm + a, ws[i].end - a)) <= 0)
                    break;
                rc = scan_from(sp, flags, r, t, ws + i, j - i, a, NULL);
            }
        } else {
            rc = scan_from(sp, flags, r, t, ws + i, j - i, ws[i].start, NULL);
            /* The Arabic article glued in Hangul (알파르와니야 for
             * Farwaniya: brief s27 place27, report-adv26a D-10): the
             * word read again after it, four syllables or more. */
            if (rc == 0 && ws[i].script == 2 && ws[i].end - ws[i].start >= 12 &&
                memcmp(t->norm + ws[i].start, "\xec\x95\x8c", 3) == 0)   /* 알 */
                rc = scan_from(sp, flags, r, t, ws + i, j - i, ws[i].start + 3, NULL);
        }
        if (rc == 0 && ws[i].script == 2 && r->nskeys > 0)
            rc = scan_mn_heard(sp, flags, r, t, ws + i, j - i);
        if (rc == 0 && ws[i].script == 1 && r->nskel < r->nskeys)
            rc = scan_pinyin(sp, flags, r, t, ws + i, j - i, 0);
        if (rc == 0 && ws[i].script == 6 && r->nskel < r->nskeys)
            rc = scan_kana_onyomi(sp, flags, r, t, ws + i, j - i);
        /* A run of words in the Mongolian script that nothing read: a
         * review flag, unread-script, where a person or place is
         * protected. */
        if (rc == 0 && named && ws[i].script == 5) {
            if (i == 0 || ws[i - 1].script != 5 || !joins(t->norm, ws[i - 1].end, ws[i].start))
                run = i, nsp = sp->n, nfl = flags->n;
            if ((i + 1 == nw || ws[i + 1].script != 5 || !joins(t->norm, ws[i].end, ws[i + 1].start)) &&
                sp->n == nsp && flags->n == nfl) {
                struct span f = { ws[run].start, ws[i].end, FLAG_UNREAD_SCRIPT, 0, 0, SIZE_MAX, 0, 0, 0 };
                rc = redact_span_add(flags, &f);
            }
        }
    }
    free(ws);
    if (rc == 0 && r->nskel < r->nskeys)
        rc = scan_hiragana(sp, r, t);
    return rc;
}
