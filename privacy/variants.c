#include "privacy/variants.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/hanja.h"
#include "privacy/normalise.h"
#include "privacy/romanise.h"
#include "privacy/variants_ko.h"
#include "privacy/varlist.h"
#include "privacy/hangul_names.h"
#include "privacy/nicknames.h"
#include "util/lexicon.h"
#include "privacy/variants_int.h"

/* ---- Tables (docs/VARIANTS.md gives their sources) ---- */


/* What may follow a Korean name inside the same word, in any order and any
 * number (KO_SUFFIX_MAX bytes at most): particles, the copula and its
 * common endings, and address and kinship words (종수형이, 종수오빠가,
 * 종수씨한테서도, 종수선생님께서는요).  Written from Korean grammar (the
 * particles of the 표준국어대사전 and the words of address people use,
 * North Korean ones included: 동무, 동지, 아바이, 오마니).  The common
 * ones are also what the review flags allow after a name-shaped word (at
 * most two of them: redact_flags.c). */
static const char *const ko_common[] = {
    /* common particles, the copula and its common forms */
    "은", "는", "이", "가", "을", "를", "의", "에게", "에게서", "와", "과", "도", "씨", "님",
    "에", "께", "께서", "한테", "한테서", "랑", "이랑", "하고", "로", "으로", "에서", "만",
    "야", "아", "이가", "이는", "이를", "이의", "이도", "동지", "동무", "선생",
    "다", "이다", "였다", "이었다", "였고", "이었고", "입니다", "이에요", "예요", "이야",
    "라고", "이라고", "라는", "이라는", "라면", "이라면", "처럼", "보다", "부터", "까지",
    "마저", "조차", "뿐", "밖에", "네", "네가", "이네", "이나", "나", "든지", "이든지",
    "였", "이었", "이며", "며", "이고", "고", "라", "이라",
};
static const char *const ko_more[] = {
    /* more particles and endings */
    "더러", "보고", "로서", "으로서", "로써", "으로써", "서", "요", "여", "이여", "이시여",
    "같이", "만큼", "마다", "대로", "씩", "쯤", "들", "나마", "이나마", "라도", "이라도",
    "든", "이든", "란", "이란", "인", "일", "엔", "엘", "넨", "인데", "지", "이지", "죠",
    "이죠", "랍니다", "이랍니다", "였어", "이었어", "였어요",
    /* the retrospective and connective endings of the copula (종수였던,
     * 종수였는데, 종수던가, 종수더라), the possessive's spoken forms
     * (종수꺼, 종수껀), the polite ending after a contracted ㅂ (종숩니다) */
    "던", "이던", "였던", "이었던", "는데", "였는데", "이었는데", "던가", "이던가",
    "였던가", "더라", "이더라", "였더라", "였지", "이었지", "꺼", "껀", "거", "건", "것",
    "니다", "니까",
    /* address and kinship words */
    "군", "양", "옹", "형", "형님", "오빠", "오라버니", "오라비", "언니", "누나",
    "누님", "동생", "아우", "아저씨", "아주머니", "아줌마", "아지미", "아바이", "아매",
    "할아버지", "할머니", "할배", "할매", "삼촌", "이모", "고모", "선배", "후배",
    "선생님", "사장", "사장님", "반장", "여사", "아빠", "엄마", "아버지",
    "어머니", "아바지", "오마니", "쌤", "샘", "아지매", "아재", "놈", "년", "녀석",
    "자식", "새끼",
    /* the kinds of place and what follows a place (청진시, 청진역, 청진항,
     * 청진사람, 청진내기, 청진쪽) */
    "시", "역", "항", "군", "구", "읍", "면", "동", "리", "도내", "시내", "사람", "내기",
    "출신", "쪽", "근처", "공항", "시장",
    /* issue 12, report adv12c (H1-H4, H38): spoken and dialect particles
     * (종수한텐, 종수껜, 종수헌티, 종수두, 종수하구, 종수허고, 종수보구), the
     * copula's endings in pieces that chain (종수였습니다, 종수이었습니다,
     * 종수일까, 종수잖아, 종수던데, 종수래요, 종수랬어, 종수라니, 종수임,
     * 종수였으면; 종순데 is 종수 + ㄴ + 데), job, church and North Korean
     * titles (부장 과장 팀장 대리 교수 목사 전도사 집사 장로 령감), dialect
     * and chat spellings of kinship words (행님 성님 옵빠 언냐 삼춘), family
     * (이모부 외삼촌 사촌 형수 처 마누라 남편 아내 딸), 네 + 집 (종수네집에),
     * and laughter glued on (ㅋㅋ ㅎㅎ, as compatibility or conjoining jamo).
     * Written from the tester's list and Korean grammar; review welcome. */
    "한텐", "한티", "헌티", "헌테", "껜", "께선", "보구", "두", "구", "하구", "허고", "허구",
    "이랑두", "랑두", "한테두", "이구", "이두", "이한텐",
    "습니다", "었습니다", "였습니다", "이었습니다", "였어", "었어", "어", "어요", "에요",
    "까", "일까", "일까요", "잖아", "이잖아", "잖아요", "래", "이래", "래요", "랬", "이랬",
    "던데", "이던데", "데", "라니", "이라니", "임", "이임", "으면", "였으면", "이었으면",
    "니", "이니", "라서", "이라서", "였을", "이었을", "인지", "인가", "인가요", "구나",
    "이구나", "군요", "이군요", "야말로", "이야말로", "라며", "이라며", "였나", "이었나",
    "셨", "시", "이시", "신", "이신", "께서는", "께서도",
    "부장", "과장", "차장", "팀장", "실장", "국장", "소장", "원장", "회장", "대표", "대리",
    "주임", "계장", "이사", "교수", "박사", "기사", "비서", "지배인", "지도원", "책임자",
    "위원장", "대장", "중대장", "소대장", "분대장", "목사", "전도사", "집사",
    "장로", "권사", "신부", "수녀", "스님", "령감", "영감", "어르신", "로인", "노인",
    "행님", "성님", "성", "옵빠", "오빠야", "언냐", "에미나이", "에미나", "간나", "삼춘",
    "이모부", "고모부", "외삼촌", "외숙모", "숙모", "사촌", "형수", "처", "처제", "처남",
    "매형", "매부", "자형", "마누라", "남편", "아내", "부인", "와이프", "딸", "아들",
    "조카", "손자", "손녀", "며느리", "사위", "친구", "동창", "여친", "남친", "애인",
    "각시", "서방", "집", "식구", "가족",
    "ㅋ", "ㅎ", "ㅠ", "ㅜ", "\xe1\x84\x8f", "\xe1\x84\x92",
};
#define KO_SUFFIX_MAX 60

#define N_COMMON (sizeof ko_common / sizeof ko_common[0])
#define N_MORE (sizeof ko_more / sizeof ko_more[0])

/* ---- Entry points ---- */

static int latin_key(const char *key, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (key[i] < 'a' || key[i] > 'z')
            return 0;
    return len > 0;
}

static int from_latin(struct variant_list *out, const char *key, size_t len, int person)
{
    size_t from;
    struct reverse r;
    struct mnrev m;
    int i, rc = 0;

    if (reverse_korean(&r, key, len) != 0) {
        reverse_free(&r);
        return -1;
    }
    /* Initials of the likeliest reading only (person 2: a person, no
     * initials): they would crowd out the other readings' spellings. */
    for (i = 0; rc == 0 && i < r.nfound; i++)
        rc = korean_from_hangul(out, r.found[i], strlen(r.found[i]), RULE_VARIANT,
                                person && i > 0 ? 2 : person);
    if (r.nfound > 0 || rc != 0) {
        reverse_free(&r);
        return rc;
    }
    reverse_free(&r);
    /* A name word not read as Korean in Russian text (Уитфилд). */
    if (person && en_russian_forms(out, key, len, 16) != 0)
        return -1;
    memset(&m, 0, sizeof m);
    mnrev_rec(&m, key, len, 0, 0);
    from = out->n;
    /* Short forms of the likeliest reading and its other vowels (Түвшин
     * of Tuvshinbayar), which come before the other readings
     * (VARIANTS_MAX). */
    for (i = 0; rc == 0 && i < m.nfound; i++) {
        rc = mongolian_from_cyrillic(out, m.found[i], strlen(m.found[i]), RULE_VARIANT,
                                     i == 0 && person, i == 0 ? 300 : 100);
        if (rc == 0 && i == 0)
            rc = mn_vowel_readings(out, m.found[0], person);
    }
    sodium_memzero(&m, sizeof m);
    variants_keep_latin_initial(out, from, key, len);
    return rc;
}

int variants_of(struct variant_list *out, const char *text, size_t len, struct err *e)
{
    return variants_of_kind(out, text, len, 1, e);
}

/* The spellings of one key: a whole name or term, or one word of a name. */
static int expand_key(struct variant_list *out, const char *key, size_t keylen, int rule,
                      int person)
{
    int cp;

    if (utf8_next(&cp, key, keylen) <= 0)
        return 0;
    if (is_hangul_cp(cp))
        return korean_from_hangul(out, key, keylen, rule, person);
    if (is_cyrillic_cp(cp))
        return mongolian_from_cyrillic(out, key, keylen, rule, person, 300);
    if (latin_key(key, keylen))
        return from_latin(out, key, keylen, person);
    return 0;
}

/* 1 if cp is a letter that has capitals (a word written with one names
 * someone: "Bold", "Болд"; "bold" and "болд" are words). */
static int cased(int cp)
{
    return cp >= 0 && (utf8proc_isupper(cp) || utf8proc_islower(cp));
}

/* The father's name in a patronymic (a genitive, the usual first word of
 * a Mongolian name: "Ганбаатарын Мөнх-Эрдэнэ"), with all its spellings:
 * written alone or in another case it identifies the subject too
 * (Ганбаатар, Ганбаатрыг, Ганбаатраас, Ganbaatar, Ganbaatriin).  The
 * genitive endings are those of mn_endings (ийн ын гийн ний) and their
 * Latin spellings (iin yn iyn giin); a stem left ending in two consonants
 * gets its fleeting vowel back by vowel harmony (Ганбаатрын: Ганбаатар).
 * key[0..len) is one word of the name, without separators. */
static int patronymic_father(struct variant_list *out, const char *key, size_t len)
{
    static const char *const gen[] = { "гийн", "ийн", "ын", "ний", "giin", "iin", "iyn", "yn" };
    char stem[SLOT_MAX * 4];
    int li[SLOT_MAX], n = 0, cp, k, rc;
    size_t i, m = 0, at;

    for (i = 0; i < sizeof gen / sizeof gen[0]; i++) {
        m = strlen(gen[i]);
        if (len > m && memcmp(key + len - m, gen[i], m) == 0)
            break;
    }
    if (i == sizeof gen / sizeof gen[0] || len - m + 4 > sizeof stem)
        return 0;
    m = len - m;
    memcpy(stem, key, m);
    for (at = 0; at < m && n < SLOT_MAX; at += (size_t)k) {
        if ((k = utf8_next(&cp, stem + at, m - at)) <= 0 || (li[n] = mn_letter(cp)) < 0)
            break;
        n++;
    }
    if (at == m && n >= 4 && mn_is_consonant(li[n - 1]) && mn_is_consonant(li[n - 2]) &&
        strcmp(romanise_mn_letters[li[n - 1]][0], "н") != 0) {
        /* Ганбаатр: the vowel goes back before the last consonant. */
        const char *v = romanise_mn_letters[mn_long_vowel(li, n - 1)][0];
        size_t last = m - strlen(romanise_mn_letters[li[n - 1]][0]), vl = strlen(v);
        memmove(stem + last + vl, stem + last, m - last);
        memcpy(stem + last, v, vl);
        m += vl;
    }
    rc = 0;
    /* A Latin stem of 5 letters at least: "Robyn" is no "Rob"'s genitive;
     * nor a name the English dictionary lists ("Carolyn" is no "Carol"'s:
     * report adv12c L18). */
    if (m >= (latin_key(stem, m) ? 5u : 3u) &&
        !(latin_key(key, len) && lexicon_proper(LEXICON_EN, key, len) == 1)) {
        rc = list_add(out, stem, m, RULE_VARIANT, SUFFIX_NONE);
        if (rc == 0)
            rc = expand_key(out, stem, m, RULE_VARIANT, 1);
    }
    sodium_memzero(stem, sizeof stem);
    return rc;
}

/* Each word of a name of several words (norm view, words split by ' '),
 * of three letters or more and not a frequent Korean surname, with all its
 * spellings: people are called by one of their names (Mongolians by the
 * given name alone: "Алтангэрэл" of "Батбаярын Алтангэрэл"; "Болд",
 * "Доржийн" of "Bold Dorj").  A spelling in a script with capitals must be
 * written with one ("Krajcik's brother", not "mark" for "Mark Hill"). */
/* Words of the languages we read that are also given names or parts of
 * names (issue 12, kind 4): the English months and days and the function
 * words that are Korean or Chinese surnames and given names (An, So, No,
 * Do, Ha, Ma, Ye, In, On, Yu...), and the Mongolian days of the week, which
 * are given names too (Даваа, Мягмар, Лхагва, Пүрэв, Баасан, Бямба, Ням).
 * Lower case, as keys.  Written by us from the languages' grammar. */
static const char *const common_words[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "a", "an", "and", "as", "at", "be", "but", "by", "do", "for", "go", "ha", "he", "if",
    "in", "is", "it", "ma", "me", "my", "no", "nor", "of", "oh", "on", "or", "so", "the",
    "to", "up", "us", "we", "ye", "yet", "you", "yu",
    "даваа", "мягмар", "лхагва", "пүрэв", "баасан", "бямба", "ням",
};

int variants_common_word(const char *key, size_t keylen)
{
    size_t i;

    for (i = 0; i < sizeof common_words / sizeof common_words[0]; i++)
        if (strlen(common_words[i]) == keylen && memcmp(common_words[i], key, keylen) == 0)
            return 1;
    return 0;
}

static int name_words(struct variant_list *out, const char *norm, size_t len)
{
    char key[SLOT_MAX * 4], pat[SLOT_MAX * 4];
    size_t a = 0, b, i, k, first, npat = 0;
    int cp, chars, rc = 0;

    if (memchr(norm, ' ', len) == NULL)
        return 0;
    while (a < len && rc == 0) {
        for (b = a; b < len && norm[b] != ' '; b++)
            ;
        for (i = a, k = 0, chars = 0; i < b && k < sizeof key - 4; i++) {
            if (norm[i] == '-' || norm[i] == '\'')
                continue;
            key[k++] = norm[i];
            chars += ((unsigned char)norm[i] & 0xC0) != 0x80;
        }
        a = b + 1;
        /* A word that is also a month, a day or a function word ("May" of
         * May Lee, "An" of An Myong, even a surname): the name-or-word
         * rule (redact_hits.c), as written only. */
        if (chars >= 2 && variants_common_word(key, k)) {
            out->capital = 1;
            rc = list_add(out, key, k, RULE_VARIANT, SUFFIX_NONE);
            out->capital = 0;
            continue;
        }
        if (chars < 3 && !(chars == 2 && utf8_next(&cp, key, k) > 0 && is_hangul_cp(cp)))
            continue;
        if (variants_is_surname(key, k))
            continue;
        first = out->n;
        out->capital = 1;
        rc = list_add(out, key, k, RULE_VARIANT, SUFFIX_NONE);
        if (rc == 0)
            rc = expand_key(out, key, k, RULE_VARIANT, 1);
        /* A Russian surname's cases (variants_ru.c). */
        if (rc == 0)
            rc = ru_surname_forms(out, key, k);
        /* Its Ukrainian and Belarusian spellings (variants_uk_surname.c). */
        if (rc == 0)
            rc = uk_surname_forms(out, key, k);
        out->capital = 0;
        for (i = first; i < out->n; i++)
            if (utf8_next(&cp, out->arena + out->v[i].off, out->v[i].keylen) > 0 && !cased(cp))
                out->v[i].capital = 0;
        if (npat == 0 && k < sizeof pat)
            memcpy(pat, key, k), npat = k;
    }
    /* The father's name last: the names' own words come first (VARIANTS_MAX). */
    if (rc == 0 && npat > 0) {
        first = out->n;
        out->capital = 1, out->father = 1;
        rc = patronymic_father(out, pat, npat);
        out->capital = 0, out->father = 0;
        for (i = first; i < out->n; i++)
            if (utf8_next(&cp, out->arena + out->v[i].off, out->v[i].keylen) > 0 && !cased(cp))
                out->v[i].capital = 0;
    }
    sodium_memzero(key, sizeof key);
    sodium_memzero(pat, sizeof pat);
    return rc;
}

/* The elements of a hyphenated Mongolian name in one word (Бат-Эрдэнэ:
 * Эрдэнэ, Эрдэнийн, Эрдэнээ; report-adv12c H63): short forms, marked as
 * mn_short_forms marks them. */
static int mn_hyphen_elements(struct variant_list *out, const char *norm, size_t len)
{
    unsigned char flag = out->flag, capital = out->capital;
    size_t a = 0, b, at;
    int li[SLOT_MAX], n, cp, k, rc = 0;

    if (memchr(norm, '-', len) == NULL || memchr(norm, ' ', len) != NULL)
        return 0;
    out->flag = 1, out->capital = 1;
    for (; a < len && rc == 0; a = b + 1) {
        for (b = a; b < len && norm[b] != '-'; b++)
            ;
        for (at = a, n = 0; at < b; at += (size_t)k, n++)
            if (n >= SLOT_MAX || (k = utf8_next(&cp, norm + at, b - at)) <= 0 ||
                (li[n] = mn_letter(cp)) < 0)
                break;
        if (at == b && n == 3 && a == 0)
            rc = mn_element_alone(out, li, n);
        if (at < b || n < 4)
            continue;
        rc = mn_element(out, li, n);
        if (rc == 0)
            rc = mn_short_form(out, li, n);
    }
    out->flag = flag, out->capital = capital;
    return rc;
}

/* 1 if norm[0..len) is words of Latin letters, hyphens and spaces only
 * (a name registered in Latin: "Oleg Kim", "Kim Ok-ja"). */
static int latin_key_words(const char *norm, size_t len)
{
    size_t i, letters = 0;

    for (i = 0; i < len; i++) {
        char c = norm[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            letters++;
        else if (c != ' ' && c != '-')
            return 0;
    }
    return letters > 0;
}

/* 1 if a variant of out is in Hangul: the name was read as Korean (its
 * initials are korean_initials'). */
static int korean_read(const struct variant_list *out)
{
    int cp;

    for (size_t i = 0; i < out->n; i++)
        if (utf8_next(&cp, out->arena + out->v[i].off, out->v[i].keylen) > 0 && is_hangul_cp(cp))
            return 1;
    return 0;
}

/* Initials of a name of two or three words that is not read as Korean,
 * (issue 12), and of a Latin name read as Korean (korean) only before
 * its surname (initials_surname; report-adv28c J-16: O.K. Kim for Oleg
 * Kim): each word's first letters in its own script and in its
 * spellings' (Батбаяр: б, b), with full stops in the name's order and,
 * for two words, the other ("Д.Б", "B.D": replaced; the last full stop is
 * taken too), and bare ("ДБ", "BD": a review flag, an acronym too).
 * Written with a capital. */
/* Adds the initials of a Latin name with a Korean surname written before
 * that surname (O. Kim and O.K. Kim of Oleg Kim, O. Kim and O.K. Kim of
 * Kim Ok-ja: report-adv28c J-16): the surname alone is a review flag
 * only (a surname many share), the initials beside it name the person,
 * replaced.  dot[0..n) the words' dotted initials, sur the surname's
 * spellings, at its word's index.  0, or -1 out of memory. */
static int initials_surname(struct variant_list *out, const struct slot *dot, int n,
                            const struct slot *sur, int at)
{
    struct slot f[4];
    int m = 0, rc = 0;

    for (int i = 0; i < n; i++)
        if (i != at)
            f[m++] = dot[i];
    f[m] = *sur;
    rc |= combine(out, f, m + 1, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    for (int i = 0; i < n; i++)
        f[i] = dot[i];
    f[n] = *sur;
    rc |= combine(out, f, n + 1, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    if (n == 2) {
        f[0] = dot[1], f[1] = dot[0];
        rc |= combine(out, f, 3, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    }
    return rc != 0 ? -1 : 0;
}

static int name_initials(struct variant_list *out, const char *norm, size_t len, int korean)
{
    struct slot dot[3], bare[3], f[3], sur;
    struct variant_list w;
    size_t a = 0, b, i;
    int n = 0, rc = 0, cp, k, sur_at = -1;
    char c[8];

    for (a = 0; a <= len && n <= 3; a = b + 1) {
        for (b = a; b < len && norm[b] != ' '; b++)
            ;
        if (b == a)
            continue;
        int is_sur = variants_is_surname(norm + a, b - a);
        if (n == 3 || (is_sur && !latin_key_words(norm, len)))
            return 0;
        memset(&w, 0, sizeof w);
        if (list_add(&w, norm + a, b - a, RULE_EXACT, SUFFIX_NONE) != 0 ||
            expand_key(&w, norm + a, b - a, RULE_VARIANT, 1) != 0) {
            variant_list_free(&w);
            return -1;
        }
        if (is_sur && sur_at < 0 && b - a < OPT_LEN) {
            memset(&sur, 0, sizeof sur);
            for (i = 0; i < w.n && sur.n < 3; i++)
                if (w.v[i].keylen < OPT_LEN && latin_key(w.arena + w.v[i].off, w.v[i].keylen)) {
                    char word[OPT_LEN];
                    memcpy(word, w.arena + w.v[i].off, w.v[i].keylen), word[w.v[i].keylen] = '\0';
                    slot_add(&sur, word, "", "");
                }
            sur_at = sur.n > 0 ? n : -1;
        }
        memset(&dot[n], 0, sizeof dot[n]), memset(&bare[n], 0, sizeof bare[n]);
        for (i = 0; i < w.n && bare[n].n < 3; i++) {
            if ((k = utf8_next(&cp, w.arena + w.v[i].off, w.v[i].keylen)) <= 0 || !cased(cp) ||
                (size_t)k >= sizeof c)
                continue;
            memcpy(c, w.arena + w.v[i].off, (size_t)k), c[k] = '\0';
            /* A full stop between single letters of another script is a
             * gap the key leaves out (normalise.h): "Д.Б." is keyed дб. */
            slot_add(&dot[n], c, cp < 0x80 ? "." : "", "");
            slot_add(&bare[n], c, "", "");
        }
        variant_list_free(&w);
        if (bare[n++].n == 0)
            return 0;
    }
    if (n < 2)
        return 0;
    out->capital = 1;
    /* a name read as Korean has its initials alone from korean_initials,
     * a review flag (K.J. of Kim Jong-su): only those before its surname
     * here */
    if (korean) {
        rc = sur_at >= 0 ? initials_surname(out, dot, n, &sur, sur_at) : 0;
        out->capital = 0;
        return rc;
    }
    for (i = 0; i + 1 < (size_t)n; i++)
        f[i] = dot[i];
    f[n - 1] = bare[n - 1];
    rc |= combine(out, f, n, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    if (n == 2) {
        f[0] = dot[1], f[1] = bare[0];
        rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    }
    if (sur_at >= 0)
        rc |= initials_surname(out, dot, n, &sur, sur_at);
    out->flag = 1, out->initials = 1;
    rc |= combine(out, bare, n, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    if (n == 2) {
        f[0] = bare[1], f[1] = bare[0];
        rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    }
    out->flag = 0, out->initials = 0, out->capital = 0;
    return rc != 0 ? -1 : 0;
}

/* Initials of the parts of a hyphenated word of a name not read as
 * Korean, the parts read as words (brief s24 ko24: B.E., Б.Э., BE for
 * Бат-Эрдэнэ): each part's first letters in its own script and in its
 * spellings', with full stops (the last taken too) and bare.  Far more
 * often an abbreviation than a person: FORM_CONTEXT, a review flag only
 * where the context marks a person ("B.E. told me", "Б.Э. хэлсэн";
 * redact_context.c), as a Korean given name's two initials are. */
static int hyphen_initials(struct variant_list *out, const char *norm, size_t len)
{
    struct slot dot[2], bare[2], f[2];
    struct variant_list w;
    size_t a, b, h, i, p, q;
    unsigned char capital = out->capital, context = out->context, flag = out->flag;
    unsigned char initials = out->initials;
    int rc = 0, cp, k, n;
    char c[8];

    for (a = 0; rc == 0 && a < len; a = b + 1) {
        for (b = a; b < len && norm[b] != ' '; b++)
            ;
        const char *hy = memchr(norm + a, '-', b - a);
        if (hy == NULL || (h = (size_t)(hy - norm)) - a < 2 || b - h - 1 < 2 ||
            memchr(norm + h + 1, '-', b - h - 1) != NULL)
            continue;           /* one hyphen, two parts of two bytes or more */
        for (n = 0, p = a, q = h; n < 2; n++, p = h + 1, q = b) {
            memset(&w, 0, sizeof w);
            memset(&dot[n], 0, sizeof dot[n]), memset(&bare[n], 0, sizeof bare[n]);
            if (list_add(&w, norm + p, q - p, RULE_EXACT, SUFFIX_NONE) != 0 ||
                expand_key(&w, norm + p, q - p, RULE_VARIANT, 1) != 0) {
                variant_list_free(&w);
                return -1;
            }
            for (i = 0; i < w.n && bare[n].n < 3; i++) {
                if ((k = utf8_next(&cp, w.arena + w.v[i].off, w.v[i].keylen)) <= 0 ||
                    !cased(cp) || (size_t)k >= sizeof c)
                    continue;
                memcpy(c, w.arena + w.v[i].off, (size_t)k), c[k] = '\0';
                slot_add(&dot[n], c, cp < 0x80 ? "." : "", "");
                slot_add(&bare[n], c, "", "");
            }
            variant_list_free(&w);
            if (bare[n].n == 0)
                break;
        }
        if (n < 2)
            continue;
        /* initials and context: two letters count, of no name word
         * (varlist.c), read by redact_context.c's initials_context. */
        out->capital = 1, out->context = 1, out->flag = 0, out->initials = 1;
        f[0] = dot[0], f[1] = bare[1];
        rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 8);
        rc |= combine(out, bare, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 8);
        out->capital = capital, out->context = context, out->flag = flag;
        out->initials = initials;
    }
    return rc != 0 ? -1 : 0;
}

/* Room (variants) the whole name's spellings leave for the words of a
 * person's name, and those for the short forms (nicknames.c). */
#define VARIANT_RESERVE_WORDS 192
#define VARIANT_RESERVE_SHORT 192
/* Room the Hangul forms of a foreign given name keep (hangul_names.c):
 * none; room kept for them took Sylvia Oberbrunner's initials SO and
 * Ri Myong-hui's spellings (test_redact), so they come last and a name
 * whose spellings fill the list gets none. */
#define VARIANT_RESERVE_HANGUL 0

int variants_of_kind(struct variant_list *out, const char *text, size_t len, int person,
                     struct err *e)
{
    struct normtext t;
    int rc;

    memset(out, 0, sizeof *out);
    if (normalise(&t, text, len, e) != 0)
        return -1;
    if (t.keylen == 0) {
        normtext_free(&t);
        return err_set(e, EXIT_INPUT, "a name or term is empty (or only dashes and spaces); give its text");
    }
    rc = list_add(out, t.key, t.keylen, RULE_EXACT, SUFFIX_NONE);
    out->no_short = memchr(t.norm, ' ', t.normlen) != NULL;
    /* The whole name's spellings leave room for its words' and their
     * short forms' (a long Latin name read as Mongolian filled the list:
     * "Ivan Kuznetsov" got no Ваня, report-adv17a D-8). */
    out->reserve = person ? VARIANT_RESERVE_WORDS + VARIANT_RESERVE_SHORT + VARIANT_RESERVE_HANGUL : 0;
    if (rc == 0)
        rc = expand_key(out, t.key, t.keylen, RULE_EXACT, person);
    out->no_short = 0;
    out->reserve = person ? VARIANT_RESERVE_SHORT + VARIANT_RESERVE_HANGUL : 0;
    if (rc == 0 && person)
        rc = name_words(out, t.norm, t.normlen);
    if (rc == 0 && person)
        rc = mn_hyphen_elements(out, t.norm, t.normlen);
    if (rc == 0 && person && (!korean_read(out) || latin_key_words(t.norm, t.normlen)))
        rc = name_initials(out, t.norm, t.normlen, korean_read(out));
    if (rc == 0 && person && !korean_read(out))
        rc = hyphen_initials(out, t.norm, t.normlen);
    out->reserve = person ? VARIANT_RESERVE_HANGUL : 0;
    if (rc == 0 && person)
        rc = variants_nicknames(out);
    out->reserve = 0;
    /* Their Hangul forms (John: 존; Серёжа: 세료자; brief s21 ko21). */
    if (rc == 0 && person)
        rc = variants_hangul(out, t.norm, t.normlen);
    normtext_free(&t);
    if (rc != 0) {
        variant_list_free(out);
        return err_set(e, EXIT_INPUT, "out of memory while generating spelling variants");
    }
    for (size_t i = 0; i < out->n; i++)
        out->v[i].key = out->arena + out->v[i].off;
    return 0;
}

/* ---- The ending tables, indexed ----
 * Every word of a text asks, at each of its last bytes, whether the rest
 * is a run of particles or endings (the audit's stems, the review flags).
 * Hangul and Cyrillic entries share their first byte, so a scan of a whole
 * table for each position compared nearly every entry: each table is kept
 * sorted instead, and only the entries that begin with the rest's first
 * character are compared (a binary search, then a few). */
/* Mongolian words of address written glued to a name in chat (issue 12,
 * report adv12c H68: Доржгуай, Доржах, Алтангэрэлэгч, Доржбагш, Доржхүү),
 * in Cyrillic and their usual Latin spellings; case endings may follow
 * (Доржгуайгаас, Доржахтай). */
static const char *const mn_address[] = {
    "гуай", "ах", "эгч", "дүү", "багш", "хүү", "охин",
    "guai", "guay", "gua", "akh", "ah", "egch", "egc", "duu", "bagsh", "khuu", "huu",
    /* chat writes ч as the digit 4 (Altangereleg4) */
    "eg4",
};

#define SUFIDX_MAX MN_LATIN_MAX

struct sufidx {
    size_t n;
    const char *e[SUFIDX_MAX];      /* the entries, sorted by their bytes */
    unsigned char len[SUFIDX_MAX];
    uint32_t first[SUFIDX_MAX];     /* each entry's first character (first_char) */
};

static struct {
    struct sufidx ko_common, ko_more, mn, mn_native, mn_ru, mn_latin;
    /* The first bytes of the entries: a rest that starts with none of a
     * kind's is no run of it (a Hangul rest asked for Mongolian endings,
     * a Cyrillic or Latin one for Korean particles: the audit asks both
     * of every word end, window_suffix_ok), answered without a search. */
    unsigned char ko_first[256], mn_first[256];
} ix;
static pthread_once_t ix_once = PTHREAD_ONCE_INIT;

static int entry_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The UTF-8 character at s[0] (len bytes available) as a number whose
 * order is that of the bytes (its bytes from the top, zeros after: no
 * character's bytes begin another's), 0 when it is cut short. */
static uint32_t first_char(const char *s, size_t len)
{
    unsigned char b = (unsigned char)s[0];
    size_t c = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    uint32_t v = 0;

    if (c > len)
        return 0;
    for (size_t i = 0; i < 4; i++)
        v = v << 8 | (i < c ? (unsigned char)s[i] : 0u);
    return v;
}

static void sufidx_fill(struct sufidx *x, const char *const *tab, size_t n)
{
    x->n = n < SUFIDX_MAX ? n : SUFIDX_MAX;
    memcpy(x->e, tab, x->n * sizeof *tab);
    qsort(x->e, x->n, sizeof x->e[0], entry_cmp);
    for (size_t i = 0; i < x->n; i++) {
        x->len[i] = (unsigned char)strlen(x->e[i]);
        x->first[i] = first_char(x->e[i], x->len[i]);
    }
}

/* Marks in first the first byte of each entry of x and of tab[0..n). */
static void first_bytes(unsigned char first[256], const struct sufidx *x, const char *const *tab,
                        size_t n)
{
    for (size_t i = 0; i < x->n; i++)
        first[(unsigned char)x->e[i][0]] = 1;
    for (size_t i = 0; i < n; i++)
        first[(unsigned char)tab[i][0]] = 1;
}

static void ix_build(void)
{
    (void)pthread_once(&mn_latin_once, mn_latin_build);
    sufidx_fill(&ix.ko_common, ko_common, N_COMMON);
    sufidx_fill(&ix.ko_more, ko_more, N_MORE);
    sufidx_fill(&ix.mn, mn_endings, n_mn_endings);
    sufidx_fill(&ix.mn_native, mn_endings, n_mn_native_endings);
    sufidx_fill(&ix.mn_ru, mn_endings + n_mn_native_endings, n_mn_endings - n_mn_native_endings);
    sufidx_fill(&ix.mn_latin, mn_latin_ptr, n_mn_latin);
    first_bytes(ix.ko_first, &ix.ko_common, NULL, 0);
    first_bytes(ix.ko_first, &ix.ko_more, NULL, 0);
    first_bytes(ix.mn_first, &ix.mn, NULL, 0);
    first_bytes(ix.mn_first, &ix.mn_latin, mn_address, sizeof mn_address / sizeof mn_address[0]);
}

/* The first entry of x that begins with the character at rest[0] (UTF-8,
 * len bytes available); *end is one past the last such entry. */
static size_t sufidx_range(const struct sufidx *x, const char *rest, size_t len, size_t *end)
{
    uint32_t want = first_char(rest, len);
    size_t lo = 0, hi = x->n, top;

    if (want == 0) {
        *end = 0;
        return 0;
    }
    /* The entries are sorted by their bytes, so by first: two searches. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->first[mid] < want)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (top = x->n; hi < top;) {
        size_t mid = hi + (top - hi) / 2;
        if (x->first[mid] <= want)
            hi = mid + 1;
        else
            top = mid;
    }
    *end = hi;
    return lo;
}

/* 1 if rest[0..len) (len > 0) is an entry of x: a binary search over the
 * whole entries (sorted by strcmp, the order of memcmp with the shorter
 * first). */
static int sufidx_has(const struct sufidx *x, const char *rest, size_t len)
{
    size_t lo = 0, hi = x->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, n = x->len[mid];
        int c = memcmp(x->e[mid], rest, n < len ? n : len);
        if (c == 0)
            c = n < len ? -1 : n > len;
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* 1 if rest[0..len) is a run of at most depth entries of x. */
static int ends_with_one(const struct sufidx *x, const char *rest, size_t len, int depth)
{
    size_t i, end;

    if (len == 0)
        return 1;
    /* No particle or ending is longer than 9 bytes: most words fail here. */
    if (depth == 0 || len > (size_t)depth * 9)
        return 0;
    /* One entry left: the whole rest must be it (the Latin endings, one
     * at most, ask only this; many share their first letter). */
    if (depth == 1)
        return sufidx_has(x, rest, len);
    for (i = sufidx_range(x, rest, len, &end); i < end; i++)
        if (x->len[i] <= len && memcmp(x->e[i], rest, x->len[i]) == 0 &&
            ends_with_one(x, rest + x->len[i], len - x->len[i], depth - 1))
            return 1;
    return 0;
}

/* Sets reach[i + n] for each entry of x, n bytes long, that is
 * rest[i..i+n). */
static void reach_from(unsigned char *reach, const struct sufidx *x, const char *rest, size_t i,
                       size_t len)
{
    size_t k, end;

    for (k = sufidx_range(x, rest + i, len - i, &end); k < end; k++)
        if (x->len[k] <= len - i && memcmp(x->e[k], rest + i, x->len[k]) == 0)
            reach[i + x->len[k]] = 1;
}

/* 1 if rest[0..len) is a chain of any number of Korean particles and
 * address words (each may follow any other): a table of reachable
 * positions, not a search. */
static int ko_chain(const char *rest, size_t len)
{
    unsigned char reach[KO_SUFFIX_MAX + 1];
    size_t i;

    if (len == 0)
        return 1;
    if (len > KO_SUFFIX_MAX)
        return 0;
    (void)pthread_once(&ix_once, ix_build);
    memset(reach, 0, len + 1);
    reach[0] = 1;
    for (i = 0; i < len && !reach[len]; i++)
        if (reach[i]) {
            reach_from(reach, &ix.ko_common, rest, i, len);
            reach_from(reach, &ix.ko_more, rest, i, len);
        }
    return reach[len];
}

/* The Russian suffixes that make a surname or patronymic of a name and
 * take a Russian case ending after them (Батбаяровой, Батбаяровичем). */
static int ru_derived(const char *rest, size_t len)
{
    static const char *const stems[] = { "ов", "ев", "ович", "евич", "овн", "евн" };

    for (size_t i = 0; i < sizeof stems / sizeof stems[0]; i++) {
        size_t n = strlen(stems[i]);
        if (len > n && memcmp(rest, stems[i], n) == 0 && sufidx_has(&ix.mn_ru, rest + n, len - n))
            return 1;
    }
    return 0;
}

/* The Mongolian endings after an optional word of address: up to three
 * of Mongolian's own stacked, or one Russian case ending (as Russian text
 * declines a Mongolian name), or a Russian surname's or patronymic's
 * suffix with its case ending.  A Russian ending stacks with no
 * Mongolian one: Петров + и + ч is the patronymic Петрович, Дарья + н + а
 * the name Дарьяна, neither a form of Петрова or Дарья (report-adv32
 * O-4, brief s33 sur33). */
static int mn_endings_ok(const char *rest, size_t restlen)
{
    (void)pthread_once(&ix_once, ix_build);
    if (restlen > 0 && (unsigned char)rest[0] < 0x80)
        return ends_with_one(&ix.mn_latin, rest, restlen, 1);
    return ends_with_one(&ix.mn_native, rest, restlen, 3) ||
           sufidx_has(&ix.mn_ru, rest, restlen) || ru_derived(rest, restlen);
}

/* A Mongolian ending run: up to three Cyrillic endings, or one Latin,
 * after an optional word of address. */
static int mn_suffix_ok(const char *rest, size_t restlen)
{
    if (mn_endings_ok(rest, restlen))
        return 1;
    for (size_t i = 0; i < sizeof mn_address / sizeof mn_address[0]; i++) {
        size_t n;
        if (restlen == 0 || mn_address[i][0] != rest[0])
            continue;
        n = strlen(mn_address[i]);
        if (n <= restlen && memcmp(rest, mn_address[i], n) == 0 &&
            (n == restlen || mn_endings_ok(rest + n, restlen - n)))
            return 1;
    }
    return 0;
}

/* Case endings a place's name written in Latin letters takes in the
 * European languages that decline it, as the key view writes them (lower
 * case, marks stripped: ból is "bol"): Czech, Slovak, Polish, Croatian
 * and Slovene (Pchjongjangu, Phenianu, z Phenianem, w Pjongjangu,
 * Phenjanie), Lithuanian (Pchenjanas) and Hungarian (Phenjanból,
 * Csongdzsinban, Phenjanba, Phenjanig).  From the declension tables of
 * those languages' grammars (a noun ending in a consonant); report-adv12e
 * F41. */
static const char *const eu_endings[] = {
    "a", "u", "e", "y", "i", "em", "om", "ou", "ie", "iem", "owi", "ovi", "as", "o", "ui",
    "ban", "ben", "ba", "be", "bol", "rol", "tol", "hoz", "hez", "nal", "nel", "nak", "nek",
    "ra", "re", "on", "en", "ig", "val", "vel", "ert", "kent", "i", "ot", "et",
};

static int eu_ending(const char *rest, size_t restlen)
{
    for (size_t i = 0; i < sizeof eu_endings / sizeof eu_endings[0]; i++)
        if (strlen(eu_endings[i]) == restlen && memcmp(rest, eu_endings[i], restlen) == 0)
            return 1;
    return 0;
}

int variant_suffix_ok(enum variant_suffix suffix, const char *rest, size_t restlen)
{
    if (suffix == SUFFIX_EU)
        return restlen == 0 || eu_ending(rest, restlen);
    if (suffix == SUFFIX_HAN)
        return restlen == 0;
    if (suffix != SUFFIX_NONE && restlen > 0) {
        (void)pthread_once(&ix_once, ix_build);
        if (!(suffix == SUFFIX_KO ? ix.ko_first : ix.mn_first)[(unsigned char)rest[0]])
            return 0;
    }
    switch (suffix) {
    case SUFFIX_NONE:
        return restlen == 0;
    case SUFFIX_KO:
        return ko_chain(rest, restlen);
    /* Endings stack in Cyrillic; a Latin spelling takes at most one. */
    case SUFFIX_MN:
        return mn_suffix_ok(rest, restlen);
    case SUFFIX_MN_STEM:
        return restlen > 0 && mn_suffix_ok(rest, restlen);
    case SUFFIX_EU:
    case SUFFIX_HAN:
        break;
    }
    return 0;
}

/* Words of address that follow a person's name and hardly an ordinary
 * noun (님 and 들 follow both: 하나님, 해님), and the vocatives. */
static const char *const ko_name_marks[] = {
    "씨", "군", "양", "옹", "형", "형님", "오빠", "오라버니", "언니", "누나", "누님",
    "동지", "동무", "선생", "선생님", "선배", "후배", "여사", "아저씨", "아주머니",
    "아줌마", "아바이", "아매", "삼촌", "이모", "고모",
};

int variants_ko_marks_name(const char *rest, size_t restlen)
{
    if ((restlen == 3 && (memcmp(rest, "야", 3) == 0 || memcmp(rest, "아", 3) == 0)))
        return 1;
    /* Every mark is at least one syllable (three bytes): those compared
     * first, the whole mark only where they are the mark's. */
    for (size_t i = 0; restlen >= 3 && i < sizeof ko_name_marks / sizeof ko_name_marks[0]; i++) {
        size_t n;
        if (memcmp(rest, ko_name_marks[i], 3) != 0)
            continue;
        n = strlen(ko_name_marks[i]);
        if (restlen >= n && memcmp(rest, ko_name_marks[i], n) == 0 &&
            ko_chain(rest + n, restlen - n))
            return 1;
    }
    return 0;
}

/* Particles and endings that follow a person and hardly a thing: 네 (the
 * family or house of: 순자네), the honorific subject 께서, to, from and by
 * someone (한테, 에게, 께, 더러), with someone (랑, 이랑, 하고) and their
 * spoken forms (ko_more).  With ko_name_marks, the "person" entries of a
 * chain (variants_ko_person_chain; report-adv15 R-1).  Written from Korean
 * grammar; 님 is asked by the caller (하나님 is a word of its own). */
static const char *const ko_person_particles[] = {
    "네", "께", "께서", "께선", "께서는", "께서도", "껜", "한테", "한테서", "한텐", "한티",
    "헌티", "헌테", "한테두", "이한텐", "에게", "에게서", "더러", "랑", "이랑", "랑두",
    "이랑두", "하고", "하구", "허고", "허구",
};

/* n if rest[0..len) starts with a person entry n bytes long (the longest),
 * else 0. */
static size_t person_entry(const char *rest, size_t len)
{
    size_t best = 0;

    for (size_t i = 0; i < sizeof ko_person_particles / sizeof ko_person_particles[0]; i++) {
        size_t n = strlen(ko_person_particles[i]);
        if (n <= len && n > best && memcmp(rest, ko_person_particles[i], n) == 0 &&
            ko_chain(rest + n, len - n))
            best = n;
    }
    for (size_t i = 0; i < sizeof ko_name_marks / sizeof ko_name_marks[0]; i++) {
        size_t n = strlen(ko_name_marks[i]);
        if (n <= len && n > best && memcmp(rest, ko_name_marks[i], n) == 0 &&
            ko_chain(rest + n, len - n))
            best = n;
    }
    return best;
}

int variants_ko_person_chain(const char *rest, size_t restlen)
{
    unsigned char reach[KO_SUFFIX_MAX + 1];

    if (restlen == 0 || restlen > KO_SUFFIX_MAX || !ko_chain(rest, restlen))
        return 0;
    if (variants_ko_marks_name(rest, restlen))
        return 1;
    memset(reach, 0, restlen + 1);
    reach[0] = 1;
    for (size_t i = 0; i < restlen; i++) {
        if (!reach[i])
            continue;
        if (person_entry(rest + i, restlen - i) > 0)
            return 1;
        reach_from(reach, &ix.ko_common, rest, i, restlen);
        reach_from(reach, &ix.ko_more, rest, i, restlen);
    }
    return 0;
}

int variants_ko_common_suffix(const char *rest, size_t restlen)
{
    (void)pthread_once(&ix_once, ix_build);
    return ends_with_one(&ix.ko_common, rest, restlen, 2);
}
