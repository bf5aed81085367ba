#include "privacy/hangul_names.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "privacy/hanja.h"
#include "privacy/namelist.h"
#include "privacy/normalise.h"
#include "privacy/variants_int.h"

/* build/gen/nicknames_data.c (scripts/embed.sh from data/nicknames). */
extern const unsigned char nicknames_hangul[], nicknames_cyrillic[], nicknames_kana_cjk[];

/* A form that is also a Korean word or loanword (마이크 "microphone" of
 * Mike, 유리 "glass" of Юрий, 올가 of 올가을 "this autumn") is listed with
 * the second relation: a review flag only where the context marks a
 * name, as a one-syllable form. */
#define RELATION ",in_hangul,"
#define RELATION_WORD ",in_hangul_word,"
/* The Cyrillic forms of English names (data/nicknames/cyrillic.txt:
 * Maggie: Мэгги, Меґі; brief s22 ukr22), the same two relations: a form
 * that is also a Russian or Ukrainian word (Боб "bean", Том "volume") is
 * a review flag only where the context marks a name. */
#define RELATION_CYR ",in_cyrillic,"
#define RELATION_CYR_WORD ",in_cyrillic_word,"
/* The katakana and Chinese forms of English names (data/nicknames/
 * kana_cjk.txt, written by hand: Sarah: サラ, セーラ, 莎拉, 萨拉; brief s24
 * attr24), the same two relations each: a form that is also a word or
 * the part of a place's name (ビル "building", 彼得 of 圣彼得堡) is a
 * review flag only where the context marks a name. */
#define RELATION_KANA ",in_kana,"
#define RELATION_KANA_WORD ",in_kana_word,"
#define RELATION_HANZI ",in_hanzi,"
#define RELATION_HANZI_WORD ",in_hanzi_word,"
/* Bytes of a name or a form looked up or made (the longest in the list is
 * far shorter), and of a whole name's Hangul. */
#define FORM_MAX 48
#define WHOLE_MAX 96
/* Words of a name read whole, and forms of one word combined. */
#define WHOLE_WORDS 3
#define WHOLE_FORMS 2

/* The lists' lines sorted by name, built once (privacy/namelist.c), rel
 * the index in rels of build_index (a relation is tried before one it
 * begins: RELATION_WORD before RELATION). */
enum { REL_WORD, REL_HANGUL, REL_CYR_WORD, REL_CYR, REL_KANA_WORD, REL_KANA, REL_HANZI_WORD,
       REL_HANZI };
static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct namelist idx;

static void build_index(void)
{
    static const unsigned char *const lists[] = { nicknames_hangul, nicknames_cyrillic,
                                                  nicknames_kana_cjk };
    static const char *const rels[] = { RELATION_WORD,      RELATION,       RELATION_CYR_WORD,
                                        RELATION_CYR,       RELATION_KANA_WORD, RELATION_KANA,
                                        RELATION_HANZI_WORD, RELATION_HANZI };

    (void)namelist_build(&idx, lists, 3, rels, 8);
}

/* The index of the first line of name key[0..len) (ё read as е, as the
 * list writes it), *n its lines; 0, or -1 when the index could not be
 * built. */
static int lookup(size_t *first, size_t *n, const char *key, size_t len)
{
    char k[FORM_MAX];
    size_t i;

    *n = 0;
    if (len < 2 || len > sizeof k)
        return 0;
    (void)pthread_once(&once, build_index);
    if (idx.v == NULL)
        return -1;
    /* ё (D1 91) as е (D0 B5): two bytes each. */
    for (i = 0; i < len; i++)
        if ((unsigned char)key[i] == 0xD1 && i + 1 < len && (unsigned char)key[i + 1] == 0x91)
            k[i] = (char)0xD0, k[i + 1] = (char)0xB5, i++;
        else
            k[i] = key[i];
    namelist_find(&idx, k, len, first, n);
    sodium_memzero(k, sizeof k);
    return 0;
}

/* Hangul syllables of form[0..len). */
static size_t syllables(const char *form, size_t len)
{
    size_t n = 0, i = 0;
    int cp, k;

    while (i < len && (k = utf8_next(&cp, form + i, len - i)) > 0)
        n += is_hangul_cp(cp) != 0, i += (size_t)k;
    return n;
}

/* 1 if key[0..len) is one word of Latin or Cyrillic letters. */
static int one_foreign_word(const char *key, size_t len)
{
    size_t i = 0;
    int cp, k;

    if (len == 0)
        return 0;
    while (i < len && (k = utf8_next(&cp, key + i, len - i)) > 0) {
        if (!((cp >= 'a' && cp <= 'z') || is_cyrillic_cp(cp)))
            return 0;
        i += (size_t)k;
    }
    return i == len;
}

/* Adds form[0..len) with the vowel of one of its syllables changed
 * between ㅐ and ㅔ, once per such syllable among its first SWAP_MAX
 * (새라 beside 세라 for Sarah, 재니퍼 beside 제니퍼: Seoul Korean says
 * the two alike, so either is written; report-adv21 A-9). */
#define SWAP_MAX 3
static int add_vowel_swaps(struct variant_list *out, const char *form, size_t len)
{
    char s[FORM_MAX];
    size_t i = 0;
    int cp, k, done = 0, rc = 0;

    if (len > sizeof s)
        return 0;
    while (rc == 0 && i < len && done < SWAP_MAX && (k = utf8_next(&cp, form + i, len - i)) > 0) {
        int v = is_hangul_cp(cp) ? ((cp - 0xAC00) % 588) / 28 : -1;
        if (v == 1 || v == 5) {         /* ㅐ, ㅔ */
            int sw = cp + (v == 1 ? 4 : -4) * 28;
            memcpy(s, form, len);
            s[i] = (char)(0xE0 | (sw >> 12));
            s[i + 1] = (char)(0x80 | ((sw >> 6) & 0x3F));
            s[i + 2] = (char)(0x80 | (sw & 0x3F));
            rc = list_add(out, s, len, RULE_VARIANT, SUFFIX_KO);
            done++;
        }
        i += (size_t)k;
    }
    sodium_memzero(s, sizeof s);
    return rc;
}

/* Adds the Cyrillic form[0..len) of an English name as a short form
 * (replaced unless the dictionary knows it; with word set, a review flag
 * only where the context marks a name), with its Russian and Ukrainian
 * case forms in Cyrillic (Билла, Биллом, Джонові: variants_uk.c, which
 * marks a form that is a word, Майка of Майк, as word set does). */
static int add_cyrillic(struct variant_list *out, const char *form, size_t len, int word)
{
    out->context = (unsigned char)word;
    out->flag = 1, out->nickname = 1;
    if (uk_name_forms(out, form, len, 0) != 0 || ru_short_diminutives(out, form, len) != 0)
        return -1;
    out->context = 0;
    return 0;
}

/* Adds the katakana or Chinese form[0..len) as the text's key view reads
 * it (normalise.h): without its long marks ー (U+30FC), which it reads as a
 * dash and leaves out (セーラ is keyed セラ), and each Han character by its
 * first Hangul reading (hanja.h: 莎拉 is keyed 사납), SUFFIX_HAN then, so
 * that the form counts only over Han characters. */
static int add_kana_cjk(struct variant_list *out, const char *form, size_t len)
{
    char s[FORM_MAX];
    size_t n = 0, i = 0;
    int rc, cp, k, han = 0;

    if (len > sizeof s)
        return 0;
    while (i < len && (k = utf8_next(&cp, form + i, len - i)) > 0) {
        int h = is_han_cp(cp) ? hanja_reading(cp) : 0;
        if (cp == 0x30FC) {
            i += (size_t)k;
            continue;
        }
        if (h != 0 && h < 0x10000) {
            /* a Hangul syllable: three bytes, as a Han character of the
             * Basic Multilingual Plane is */
            s[n++] = (char)(0xE0 | (h >> 12));
            s[n++] = (char)(0x80 | ((h >> 6) & 0x3F));
            s[n++] = (char)(0x80 | (h & 0x3F));
            han = 1;
        } else {
            memcpy(s + n, form + i, (size_t)k);
            n += (size_t)k;
        }
        i += (size_t)k;
    }
    rc = list_add(out, s, n, RULE_VARIANT, han ? SUFFIX_HAN : SUFFIX_KO);
    sodium_memzero(s, sizeof s);
    return rc;
}

/* Adds the Hangul forms of the one-word variant key[0..len). */
static int add_forms(struct variant_list *out, const char *key, size_t len)
{
    size_t first, n, j;

    if (lookup(&first, &n, key, len) != 0)
        return -1;
    for (j = 0; j < n; j++) {
        const struct namelist_line *l = &idx.v[first + j];
        size_t syl = syllables(l->form, l->formlen);
        if (l->rel == REL_CYR_WORD || l->rel == REL_CYR) {
            if (add_cyrillic(out, l->form, l->formlen, l->rel == REL_CYR_WORD) != 0)
                return -1;
            continue;
        }
        if (l->rel >= REL_KANA_WORD) {
            /* Katakana or Chinese: replaced, as a spelling of the name
             * (no dictionary of either language is asked, and two
             * characters, サラ, 莎拉, are a name's length: list_add
             * refuses a short form of two), or of kind context where a
             * word. */
            out->context = (unsigned char)(l->rel == REL_KANA_WORD || l->rel == REL_HANZI_WORD);
            out->flag = out->context, out->nickname = out->context;
            if (add_kana_cjk(out, l->form, l->formlen) != 0)
                return -1;
            continue;
        }
        /* One syllable (존, 톰) or a word: of kind context, as a Korean
         * one-syllable given name (진) is.  Three syllables or more: a
         * replacement (no Korean word has their sounds; hunspell-ko, which
         * composes words, "knows" 마거릿 and 윌슨, so it is not asked).
         * Two: a short form, asked of the dictionary (매기: 매기다, a
         * review flag). */
        out->context = (unsigned char)(syl < 2 || l->rel == 0);
        out->flag = (unsigned char)(out->context || syl == 2);
        out->nickname = out->flag;
        if (list_add(out, l->form, l->formlen, RULE_VARIANT, SUFFIX_KO) != 0 ||
            add_vowel_swaps(out, l->form, l->formlen) != 0)
            return -1;
    }
    out->context = 0, out->flag = 1, out->nickname = 1;
    return 0;
}

/* The whole name norm[0..len) (words split by spaces and hyphens) in
 * Hangul where each of its two or three words has a form: the first two
 * forms of each word, combined, replaced (no short form: two foreign
 * words in Hangul are a person's name). */
static int add_whole(struct variant_list *out, const char *norm, size_t len)
{
    size_t at[WHOLE_WORDS], wl[WHOLE_WORDS], first[WHOLE_WORDS], n[WHOLE_WORDS];
    size_t nw = 0, i = 0, a;
    char key[FORM_MAX], whole[WHOLE_MAX];
    int rc = 0;

    while (i < len) {
        while (i < len && (norm[i] == ' ' || norm[i] == '-'))
            i++;
        if (i == len)
            break;
        if (nw == WHOLE_WORDS)
            return 0;
        for (a = i; i < len && norm[i] != ' ' && norm[i] != '-'; i++)
            ;
        at[nw] = a, wl[nw++] = i - a;
    }
    if (nw < 2)
        return 0;
    for (i = 0; i < nw; i++) {
        if (wl[i] > sizeof key || !one_foreign_word(norm + at[i], wl[i]))
            return 0;
        memcpy(key, norm + at[i], wl[i]);
        if (lookup(&first[i], &n[i], key, wl[i]) != 0)
            return -1;
        /* not the katakana and Chinese forms (kana_cjk.txt, listed last:
         * a name's lines keep the lists' order) */
        while (n[i] > 0 && idx.v[first[i] + n[i] - 1].rel >= REL_KANA_WORD)
            n[i]--;
        if (n[i] == 0)
            return 0;
        if (n[i] > WHOLE_FORMS)
            n[i] = WHOLE_FORMS;
    }
    /* Each combination of one form a word (at most 2^3). */
    for (size_t c = 0; rc == 0 && c < (1u << nw); c++) {
        size_t used = 0, ok = 1;
        for (i = 0; i < nw && ok; i++) {
            size_t pick = (c >> i) & 1;
            const struct namelist_line *l;
            if (pick >= n[i]) {
                ok = 0;
                break;
            }
            l = &idx.v[first[i] + pick];
            if (used + l->formlen > sizeof whole)
                ok = 0;
            else
                memcpy(whole + used, l->form, l->formlen), used += l->formlen;
        }
        if (ok)
            rc = list_add(out, whole, used, RULE_VARIANT, SUFFIX_KO);
    }
    sodium_memzero(key, sizeof key);
    sodium_memzero(whole, sizeof whole);
    return rc;
}

int variants_hangul(struct variant_list *out, const char *norm, size_t len)
{
    unsigned char flag = out->flag, capital = out->capital, nickname = out->nickname;
    size_t n = out->n, i;
    char key[FORM_MAX];
    int rc = 0;

    /* The whole name first: a replacement. */
    out->flag = 0, out->capital = 0, out->nickname = 0, out->context = 0;
    rc = add_whole(out, norm, len);
    /* One word: a short form (at least a review flag where a word). */
    out->flag = 1, out->nickname = 1;
    for (i = 0; i < n && rc == 0; i++) {
        const struct variant *v = &out->v[i];
        if (v->keylen > sizeof key || v->initials || v->father ||
            !one_foreign_word(out->arena + v->off, v->keylen))
            continue;
        /* Copied: list_add may move the arena. */
        memcpy(key, out->arena + v->off, v->keylen);
        rc = add_forms(out, key, v->keylen);
    }
    out->flag = flag, out->capital = capital, out->nickname = nickname;
    sodium_memzero(key, sizeof key);
    return rc;
}
