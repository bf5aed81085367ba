/* Korean names in Latin letters and back (variants.h, docs/VARIANTS.md):
 * the surname and syllable tables, the romanised spellings of a Hangul
 * name (initials, contractions, choseong, compound surnames), the Hangul
 * readings of a romanised one (back-transliteration) and the sorted
 * surname spellings the review flags ask for.  Called by variants.c;
 * calls no other variants file but variants_ko.c (other scripts). */
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
#include "util/lexicon.h"
#include "privacy/variants_int.h"

/* Surnames: the Hangul, then its spellings, most frequent first (Rho of
 * 노/로, the spelling Korean passports also give: brief s52 ko52). */
static const char *const ko_surnames[][9] = {
    {"김", "gim", "kim", 0}, {"이", "i", "yi", "lee", "rhee", "ri", "rhie", "li", 0},
    {"리", "ri", "li", "lee", "rhee", "i", "yi", 0}, {"박", "bak", "pak", "park", "bahk", 0},
    {"최", "choe", "choi", "chwe", 0},
    {"정", "jeong", "chong", "jung", "chung", "jong", "joung", "cheong", 0},
    {"강", "gang", "kang", 0}, {"조", "jo", "cho", 0}, {"윤", "yun", "yoon", 0},
    {"장", "jang", "chang", 0}, {"임", "im", "lim", "rim", "yim", 0}, {"림", "rim", "lim", "im", 0},
    {"한", "han", 0}, {"오", "o", "oh", 0}, {"서", "seo", "so", "suh", 0},
    {"신", "sin", "shin", 0}, {"권", "gwon", "kwon", 0}, {"황", "hwang", 0},
    {"안", "an", "ahn", 0}, {"송", "song", 0}, {"류", "ryu", "yu", "yoo", "ryoo", 0},
    {"유", "yu", "yoo", 0}, {"전", "jeon", "chon", "jun", "chun", 0}, {"홍", "hong", 0},
    {"고", "go", "ko", 0}, {"문", "mun", "moon", 0}, {"양", "yang", "ryang", 0},
    {"손", "son", "sohn", 0}, {"배", "bae", "pae", 0}, {"백", "baek", "paek", "baik", "paik", 0},
    {"허", "heo", "ho", "hur", "huh", 0}, {"남", "nam", 0}, {"심", "sim", "shim", 0},
    {"노", "no", "noh", "ro", "roh", "rho", 0}, {"로", "ro", "no", "roh", "rho", 0}, {"하", "ha", 0},
    {"곽", "gwak", "kwak", 0}, {"성", "seong", "song", "sung", 0}, {"차", "cha", 0},
    {"주", "ju", "chu", "joo", 0}, {"우", "u", "woo", 0}, {"구", "gu", "ku", "koo", 0},
    {"민", "min", 0}, {"진", "jin", "chin", 0}, {"지", "ji", "chi", 0},
    {"엄", "eom", "om", "um", 0}, {"채", "chae", 0}, {"원", "won", 0},
    {"천", "cheon", "chon", "chun", 0}, {"방", "bang", "pang", 0}, {"공", "gong", "kong", 0},
    {"현", "hyeon", "hyon", "hyun", 0}, {"함", "ham", 0}, {"변", "byeon", "pyon", "byun", 0},
    {"염", "yeom", "yom", "yum", 0}, {"여", "yeo", "yo", "yuh", 0}, {"추", "chu", "choo", 0},
    {"도", "do", "to", "doh", 0}, {"석", "seok", "sok", "suk", 0}, {"선", "seon", "son", "sun", 0},
    {"설", "seol", "sol", "sul", 0}, {"길", "gil", "kil", 0}, {"연", "yeon", "yon", "yun", 0},
    {"표", "pyo", 0}, {"명", "myeong", "myong", "myung", 0}, {"기", "gi", "ki", 0},
    {"반", "ban", "pan", 0}, {"왕", "wang", 0}, {"금", "geum", "kum", "keum", 0},
    {"옥", "ok", 0}, {"육", "yuk", "yook", 0}, {"인", "in", 0}, {"탁", "tak", 0},
    {"국", "guk", "kuk", "kook", 0}, {"경", "gyeong", "kyong", "kyung", 0},
    {"봉", "bong", "pong", 0}, {"편", "pyeon", "pyon", 0}, {"용", "yong", 0},
};
#define N_SURNAMES (sizeof ko_surnames / sizeof ko_surnames[0])

/* Syllables frequent in given names: the reverse table for romanised names. */
static const char ko_name_syllables[] =
    "가강건경계고곤광교구국군권규균근금기길남내녀년노다단달대덕도동두득란래려련렬령례로룡류륜리린림립"
    "만명모목무문미민범법병보복봉부분빈사산삼상서석선설섭성세소송수숙순술승시식신실심아안애야양억언엄"
    "여연열염영예오옥온완왕용우욱운웅원월위유육윤율은을음의이익인일임자작재전점정제조종주준중지진찬창"
    "채천철청초춘충치칠태택평포표필하학한해향허혁현형혜호홍화환황효후훈휘희흥";

/* ---- Korean ---- */

static void hangul_slot(struct slot *s, int cp)
{
    int idx = cp - 0xAC00, l = idx / 588, m = (idx % 588) / 28, t = idx % 28;
    int a, b, c, sum;

    memset(s, 0, sizeof *s);
    for (sum = 0; sum <= 6; sum++)
        for (a = 0; a < 3 && romanise_ko_initial[l][a]; a++)
            for (b = 0; b < 4 && romanise_ko_medial[m][b]; b++)
                for (c = 0; c < 2 && romanise_ko_final[t][c]; c++)
                    if (a + b + c == sum)
                        slot_add(s, romanise_ko_initial[l][a], romanise_ko_medial[m][b], romanise_ko_final[t][c]);
}

static int surname_index(const char *utf8)
{
    size_t i;

    for (i = 0; i < N_SURNAMES; i++)
        if (strcmp(ko_surnames[i][0], utf8) == 0)
            return (int)i;
    return -1;
}

/* A surname's spellings from the table, then, for an aspirated initial
 * (ㅊ ㅋ ㅌ ㅍ), the North Korean way of writing it (Chhoe, Phyo). */
static void surname_slot(struct slot *s, int i)
{
    static const char *const plain[] = { "ch", "k", "t", "p" }, *const asp[] = { "chh", "kh", "th", "ph" };
    const char *h = ko_surnames[i][0];
    int k, cp, l;

    memset(s, 0, sizeof *s);
    for (k = 1; k < 9 && ko_surnames[i][k]; k++)
        slot_add(s, ko_surnames[i][k], "", "");
    if (utf8_next(&cp, h, strlen(h)) != 3 || cp < 0xAC00 || cp > 0xD7A3)
        return;
    l = (cp - 0xAC00) / 588 - 14;           /* ㅊ ㅋ ㅌ ㅍ are initials 14..17 */
    if (l < 0 || l > 3)
        return;
    for (k = 1; k < 9 && ko_surnames[i][k]; k++)
        if (strncmp(ko_surnames[i][k], plain[l], strlen(plain[l])) == 0)
            slot_add(s, asp[l], ko_surnames[i][k] + strlen(plain[l]), "");
}

/* Hangul syllables of key as code points; -1 if key is not all syllables. */
static int hangul_cps(int *cps, int max, const char *key, size_t len)
{
    size_t at = 0;
    int n = 0, cp, k;

    while (at < len) {
        k = utf8_next(&cp, key + at, len - at);
        if (k < 0 || cp < 0xAC00 || cp > 0xD7A3 || n >= max)
            return -1;
        cps[n++] = cp;
        at += (size_t)k;
    }
    return n;
}

#define HANJA_SPELLINGS 32

/* The Hangul keys a name written in Hanja has in the key view (hanja.h):
 * each syllable also as the first reading of a Han character that reads
 * so (김종수 → 금종수: 金 is read 금 first), or that Chinese writes it with
 * by sound (김나라 → 금나랍: 拉 for 라, hanja_sound_readers).  cps[0..n) are the syllables. */
static int hanja_spellings(struct variant_list *out, const int *cps, int n)
{
    int alt[SLOT_MAX][5], nalt[SLOT_MAX], idx[SLOT_MAX] = {0}, i, made = 0;
    char buf[SLOT_MAX * 3];
    size_t at;

    for (i = 0; i < n; i++) {
        alt[i][0] = cps[i];
        nalt[i] = 1 + (int)hanja_readers(&alt[i][1], 4, cps[i]);
        /* and as Chinese writes a native Korean name by sound (金娜拉),
         * the whole name only: two such characters alone are as often
         * ordinary Chinese (那拉开 "that pulled open" for 나라) */
        if (n >= 3)
            nalt[i] += (int)hanja_sound_readers(&alt[i][nalt[i]], (size_t)(5 - nalt[i]), cps[i]);
    }
    for (;;) {
        for (i = n - 1; i >= 0 && ++idx[i] == nalt[i]; i--)
            idx[i] = 0;             /* the next combination, odometer-wise */
        if (i < 0 || made++ >= HANJA_SPELLINGS)
            break;
        for (i = 0, at = 0; i < n; i++)
            at += (size_t)utf8proc_encode_char(alt[i][idx[i]], (utf8proc_uint8_t *)buf + at);
        if (list_add(out, buf, at, RULE_VARIANT, SUFFIX_KO) != 0)
            return -1;
    }
    sodium_memzero(buf, sizeof buf);
    return 0;
}

/* A slot of the initials of slot s (the first letter of each spelling),
 * each followed by tail. */
static void initial_slot(struct slot *o, const struct slot *s, const char *tail)
{
    char c[2] = {0};
    int k;

    memset(o, 0, sizeof *o);
    for (k = 0; k < s->n; k++)
        if ((c[0] = s->opt[k][0]) != '\0')
            slot_add(o, c, tail, "");
}

/* Initials of a Korean name, s[0] its surname's spellings and s[1..n) its
 * given name's syllables, written with capitals: K.J.S. and J.S.K., J. Kim
 * and J.S. Kim, Kim J. and Kim J.S., K. Jong-su, JS Kim and Kim JS.  Keys
 * keep the dots (the key view drops only spaces, dashes and apostrophes),
 * so "Kim J" alone is no hit; "KJS" and "JSK" alone are review flags. */
static int korean_initials(struct variant_list *out, const struct slot *s, int n)
{
    struct slot f[SLOT_MAX + 1], dot[SLOT_MAX], bare[SLOT_MAX];
    int i, m, rc = 0;

    unsigned char capital = out->capital;

    if (n < 2 || n > SLOT_MAX - 1)
        return 0;
    for (i = 0; i < n; i++) {
        initial_slot(&dot[i], &s[i], ".");
        initial_slot(&bare[i], &s[i], "");
    }
    out->capital = 1, out->lettered = 1;
    /* K.J.S and J.S.K (a last dot may follow) */
    for (i = 0; i < n - 1; i++)
        f[i] = dot[i];
    f[n - 1] = bare[n - 1];
    rc |= combine(out, f, n, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    for (i = 1, m = 0; i < n; i++)
        f[m++] = dot[i];
    f[m++] = bare[0];
    rc |= combine(out, f, m, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    /* J. Kim, J.S. Kim */
    f[0] = dot[1], f[1] = s[0];
    rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    for (i = 1, m = 0; i < n; i++)
        f[m++] = dot[i];
    f[m++] = s[0];
    rc |= combine(out, f, m, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    /* Kim J., Kim J.S. */
    f[0] = s[0], f[1] = dot[1];
    rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    for (i = 1, m = 1; i < n; i++)
        f[m++] = dot[i];
    rc |= combine(out, f, m, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    /* K. Jong-su */
    f[0] = dot[0];
    for (i = 1; i < n; i++)
        f[i] = s[i];
    rc |= combine(out, f, n, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    /* JS Kim, Kim JS (issue 12: initials beside a name part, no dots) */
    for (i = 1, m = 0; i < n; i++)
        f[m++] = bare[i];
    f[m++] = s[0];
    rc |= combine(out, f, m, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    f[0] = s[0];
    for (i = 1, m = 1; i < n; i++)
        f[m++] = bare[i];
    rc |= combine(out, f, m, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    /* KJS, JSK alone: a review flag, not a replacement (an acronym too) */
    out->flag = 1, out->initials = 1;
    rc |= combine(out, bare, n, RULE_VARIANT, SUFFIX_NONE, out->n + 8);
    for (i = 1, m = 0; i < n; i++)
        f[m++] = bare[i];
    f[m++] = bare[0];
    rc |= combine(out, f, m, RULE_VARIANT, SUFFIX_NONE, out->n + 8);
    /* Two initials alone (report-adv21 A-14): the given name's (JS, J.S.,
     * SJ) and the surname's with the given name's first (KJ, K.J., JK,
     * J.K.).  Far more often an acronym than a person: FORM_CONTEXT, a
     * review flag only where the context marks a name ("JS came.", "Then
     * K.J. said", "Mr. JS"), never on "JS code". */
    if (n == 3) {
        static const int pairs[4][2] = { { 1, 2 }, { 2, 1 }, { 0, 1 }, { 1, 0 } };
        unsigned char context = out->context;
        out->context = 1, out->flag = 0;
        for (i = 0; i < 4; i++) {
            f[0] = bare[pairs[i][0]], f[1] = bare[pairs[i][1]];
            rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 4);
            f[0] = dot[pairs[i][0]];
            rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 4);
        }
        out->context = context;
    }
    out->flag = 0, out->initials = 0, out->lettered = 0;
    out->capital = capital;
    return rc != 0 ? -1 : 0;
}

/* Initials of the given name beside the surname written in Hangul or
 * Cyrillic (brief i12-forms, F25): JS 김, J.S. 김, 김 JS, Ким JS. */
static int initials_beside(struct variant_list *out, int surname_cp, const char *hangul,
                           const struct slot *given, int ng)
{
    struct slot f[SLOT_MAX + 1], h, bare[SLOT_MAX], dot[SLOT_MAX];
    char cyr[16] = {0};
    int i, rc = 0, k;
    unsigned char capital = out->capital;

    memset(&h, 0, sizeof h);
    slot_add(&h, hangul, "", "");
    if ((k = romanise_reading(cyr, sizeof cyr - 1, surname_cp, 2)) > 0)
        slot_add(&h, cyr, "", "");
    for (i = 0; i < ng; i++)
        initial_slot(&bare[i], &given[i], ""), initial_slot(&dot[i], &given[i], ".");
    out->lettered = 1;
    for (k = 0; k < 4; k++) {
        int before = k < 2, m = 0;
        out->capital = (unsigned char)before;   /* Hangul has no capitals */
        if (!before)
            f[m++] = h;
        for (i = 0; i < ng; i++)
            f[m++] = k % 2 ? dot[i] : bare[i];
        if (before)
            f[m++] = h;
        rc |= combine(out, f, m, RULE_VARIANT, SUFFIX_NONE, out->n + 16);
    }
    out->capital = capital, out->lettered = 0;
    return rc != 0 ? -1 : 0;
}

/* A name ending in an open syllable, with a particle contracted into it
 * as a final consonant (spoken Korean): ㄴ for 는 (종순 = 종수는), ㄹ for
 * 를 (종술 = 종수를), ㅂ before 니다 (종숩니다 = 종수입니다); each may
 * take the particles after it.  From the particles of the table above:
 * 는, 를 and 입니다 are the ones spoken this way. */
static int korean_contracted(struct variant_list *out, const char *key, size_t len)
{
    static const int finals[] = { 4, 8, 17 };          /* ㄴ ㄹ ㅂ */
    char buf[SLOT_MAX * 4];
    size_t i, at = 0;
    int cp = 0, k, rc = 0;

    while (at < len) {
        if ((k = utf8_next(&cp, key + at, len - at)) <= 0)
            return 0;
        if (at + (size_t)k == len)
            break;
        at += (size_t)k;
    }
    if (cp < 0xAC00 || cp > 0xD7A3 || (cp - 0xAC00) % 28 != 0 ||
        len >= sizeof buf)
        return 0;
    memcpy(buf, key, at);
    for (i = 0; rc == 0 && i < sizeof finals / sizeof finals[0]; i++) {
        k = (int)utf8proc_encode_char(cp + finals[i], (utf8proc_uint8_t *)buf + at);
        rc = list_add(out, buf, at + (size_t)k, RULE_INFLECTION, SUFFIX_KO);
    }
    sodium_memzero(buf, sizeof buf);
    return rc;
}

/* A name's initial consonants typed alone, as Korean chat abbreviates
 * names (초성: ㄱㅈㅅ for 김종수, ㅈㅅ for its given name; NFKC reads the
 * compatibility jamo as the conjoining initials U+1100...): a review
 * flag, with particles (ㅈㅅ이형이).  From the syllable arithmetic of
 * Unicode ch. 3.12. */
static int korean_choseong(struct variant_list *out, const int *cps, int n)
{
    char buf[SLOT_MAX * 3];
    size_t at = 0;
    int i, rc = 0;

    if (n < 2 || n > 4)
        return 0;
    for (i = 0; i < n; i++)
        at += (size_t)utf8proc_encode_char(0x1100 + (cps[i] - 0xAC00) / 588,
                                           (utf8proc_uint8_t *)buf + at);
    out->flag = 1, out->initials = 1, out->lettered = 1;
    rc = list_add(out, buf, at, RULE_VARIANT, SUFFIX_KO);
    if (rc == 0 && n >= 3)
        rc = list_add(out, buf + 3, at - 3, RULE_VARIANT, SUFFIX_KO);
    out->flag = 0, out->initials = 0, out->lettered = 0;
    sodium_memzero(buf, sizeof buf);
    return rc;
}

/* Korean surnames of two syllables (issue 12, report adv12c H61) and
 * their usual spellings, Revised Romanisation first, then McCune-Reischauer
 * and passport spellings (Namgoong, Sunwoo, Hwangbo).  Written by hand. */
static const char *const ko_compound_surnames[][6] = {
    { "남궁", "namgung", "namkung", "namgoong", "nam-gung", NULL },
    { "선우", "seonu", "sonu", "sunwoo", "seonwoo", "sunu" },
    { "제갈", "jegal", "chegal", "jekal", "chekal", NULL },
    { "황보", "hwangbo", "hwangpo", "whangbo", NULL, NULL },
    { "독고", "dokgo", "tokko", "dokko", "tokgo", NULL },
    { "사공", "sagong", "sakong", NULL, NULL, NULL },
    { "서문", "seomun", "somun", "seomoon", "suhmoon", NULL },
    { "동방", "dongbang", "tongbang", NULL, NULL, NULL },
};

/* A one-syllable given name (key, 3 bytes; cp its syllable) that ends in
 * a consonant is called with 이 after it (선우진: 진이가 왔다, 제갈민: 민이
 * 형이, 이준: 준이가; report adv12c H61, M25), as every such name is; the
 * syllable alone starts too many words to count.  Marked flag, as a short
 * form: a review flag where the dictionary reads it as an ordinary word
 * (산이, "the mountain"), else replaced (redact_hits.c, lit_form). */
static int korean_given_i(struct variant_list *out, const char *key, int cp)
{
    char w[6];
    unsigned char flag = out->flag;
    int rc;

    if (cp < 0xAC00 || cp > 0xD7A3 || (cp - 0xAC00) % 28 == 0)
        return 0;
    memcpy(w, key, 3), memcpy(w + 3, "\xec\x9d\xb4", 3);     /* 이 */
    out->flag = 1;
    rc = list_add(out, w, sizeof w, RULE_VARIANT, SUFFIX_KO);
    out->flag = flag;
    sodium_memzero(w, sizeof w);
    return rc;
}

/* A one-syllable given name alone (key, 3 bytes; cp its syllable), in
 * Hangul (with particles) and in its four likeliest romanisations (with a
 * capital: Jin, Chin, Jeen, Cheen for 진 of 선우진): FORM_CONTEXT, a review
 * flag only where the context marks a name ("Jin came.", "Mr. Jin",
 * "진씨가"; redact_hits.c), since the syllable alone starts too many words
 * (brief i12-kinds2, item 2). */
static int korean_given_alone(struct variant_list *out, const char *key, int cp)
{
    struct slot s;
    unsigned char capital = out->capital, flag = out->flag, context = out->context;
    int rc, i;

    hangul_slot(&s, cp);
    out->context = 1, out->flag = 0;
    rc = list_add(out, key, 3, RULE_VARIANT, SUFFIX_KO);
    out->capital = 1;
    for (i = 0; rc == 0 && i < s.n && i < 4; i++)
        rc = list_add(out, s.opt[i], strlen(s.opt[i]), RULE_VARIANT, SUFFIX_NONE);
    out->capital = capital, out->flag = flag, out->context = context;
    sodium_memzero(&s, sizeof s);
    return rc;
}

/* Puts the UTF-8 of the Hangul syllable cp (3 bytes) at w. */
static void put_syllable(char *w, int cp)
{
    w[0] = (char)(0xE0 | (cp >> 12)), w[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    w[2] = (char)(0x80 | (cp & 0x3F));
}

/* The vowel shifts ㅗ, ㅓ, ㅜ as Korean speech and spelling exchange them
 * in a given name (종수: 중수, 정수; brief s24 ko24), by hand: the index
 * of syllable arithmetic's vowel among them, or -1. */
static const int shift_vowels[3] = { 8, 4, 13 };

static int shift_of(int cp)
{
    int v = ((cp - 0xAC00) % 588) / 28;

    for (int i = 0; i < 3; i++)
        if (shift_vowels[i] == v)
            return i;
    return -1;
}

static int with_vowel(int cp, int v)
{
    return 0xAC00 + ((cp - 0xAC00) / 588) * 588 + v * 28 + (cp - 0xAC00) % 28;
}

/* A two-syllable given name (cps[0..2), Hangul syllables) with its vowels
 * ㅗ/ㅓ/ㅜ exchanged (종수: 중수, 정수, 종소), and its first syllable, when
 * it ends in a consonant, with 이 after it as a person is called (종이,
 * 정이, 중이: 정이가 왔다): FORM_CONTEXT, a review flag only where the
 * context marks a person (redact_context.c), never a replacement: most
 * are words too (정수, 종이).  Brief s24 ko24; by hand (the exchange is
 * what the tester heard, not a table of a source). */
static int korean_given_shifted(struct variant_list *out, const int *cps)
{
    unsigned char context = out->context, flag = out->flag;
    char w[6];
    int rc = 0, a, b, sa = shift_of(cps[0]), sb = shift_of(cps[1]);

    out->context = 1, out->flag = 0;
    for (a = 0; rc == 0 && a < 3; a++)
        for (b = 0; rc == 0 && b < 3; b++) {
            int x = sa < 0 ? cps[0] : with_vowel(cps[0], shift_vowels[a]);
            int y = sb < 0 ? cps[1] : with_vowel(cps[1], shift_vowels[b]);
            if ((sa < 0 && a > 0) || (sb < 0 && b > 0) || (x == cps[0] && y == cps[1]))
                continue;
            put_syllable(w, x), put_syllable(w + 3, y);
            rc = list_add(out, w, sizeof w, RULE_VARIANT, SUFFIX_KO);
        }
    if ((cps[0] - 0xAC00) % 28 != 0)
        for (a = 0; rc == 0 && a < 3 && (a == 0 || sa >= 0); a++) {
            put_syllable(w, sa < 0 ? cps[0] : with_vowel(cps[0], shift_vowels[(sa + a) % 3]));
            memcpy(w + 3, "\xec\x9d\xb4", 3);     /* 이 */
            rc = list_add(out, w, sizeof w, RULE_VARIANT, SUFFIX_KO);
        }
    out->context = context, out->flag = flag;
    sodium_memzero(w, sizeof w);
    return rc;
}

/* The index of the two-syllable surname key starts with, or -1. */
static int compound_surname(const char *key, size_t len)
{
    for (size_t i = 0; i < sizeof ko_compound_surnames / sizeof ko_compound_surnames[0]; i++)
        if (len > 6 && memcmp(key, ko_compound_surnames[i][0], 6) == 0)
            return (int)i;
    return -1;
}

int korean_from_hangul(struct variant_list *out, const char *key, size_t len, int rule,
                       int person)
{
    struct slot s[SLOT_MAX];
    int cps[SLOT_MAX - 1], n, i, sur, comp, g;
    char first[8] = {0};
    size_t flen;

    n = hangul_cps(cps, SLOT_MAX - 1, key, len);
    if (n <= 0)
        return 0;
    if (list_add(out, key, len, rule, SUFFIX_KO) != 0 || hanja_spellings(out, cps, n) != 0 ||
        (person && korean_contracted(out, key, len) != 0) ||
        (person && ko_final_forms(out, key, len, RULE_VARIANT) != 0))
        return -1;
    flen = (size_t)utf8_next(&cps[0], key, len);
    memcpy(first, key, flen);
    /* A surname of two syllables (남궁민수: 민수), else of one; a name of
     * two syllables is a surname and a one-syllable given name too (이준,
     * 박준, 김산: "Lee Jun", "Park Jun", "San Kim"). */
    comp = person && n >= 3 && n <= 4 ? compound_surname(key, len) : -1;
    sur = person && n >= 2 && n <= 4 && comp < 0 ? surname_index(first) : -1;
    g = comp >= 0 ? 2 : 1;
    for (i = 0; i < n; i++)
        hangul_slot(&s[i], cps[i]);
    /* Nearly every three-syllable Korean name is a one-syllable surname and
     * a two-syllable given name, rare surnames (견, 팽, 좌) included. */
    if (sur < 0 && comp < 0 && (n != 3 || !person))
        return combine(out, s, n, RULE_VARIANT, SUFFIX_NONE, out->n + 300) != 0 ||
                       korean_other_scripts(out, cps, n, 0, person) != 0 ? -1 : 0;
    if (comp >= 0) {
        /* The surname's two syllables become one slot of its spellings. */
        memset(&s[1], 0, sizeof s[1]);
        for (i = 1; i < 6 && ko_compound_surnames[comp][i]; i++)
            slot_add(&s[1], ko_compound_surnames[comp][i], "", "");
    }
    /* The given name alone, when it has two syllables or more (one
     * syllable alone, 준 or 산, starts too many words). */
    if (n - g >= 2 &&
        (list_add(out, key + 3 * (size_t)g, len - 3 * (size_t)g, RULE_VARIANT, SUFFIX_KO) != 0 ||
         hanja_spellings(out, cps + g, n - g) != 0 ||
         korean_contracted(out, key + 3 * (size_t)g, len - 3 * (size_t)g) != 0))
        return -1;
    if (person && n - g == 2 && korean_given_shifted(out, cps + g) != 0)
        return -1;
    if (n - g == 1 && (korean_given_i(out, key + 3 * (size_t)g, cps[g]) != 0 ||
                       (person && korean_given_alone(out, key + 3 * (size_t)g, cps[g]) != 0)))
        return -1;
    if (person && (korean_choseong(out, cps, n) != 0 || korean_sounds(out, cps, n, g) != 0))
        return -1;
    if (sur >= 0)
        surname_slot(&s[0], sur);
    /* s + g - 1: the surname's slot, then the given name's syllables. */
    if (combine(out, s + g - 1, n - g + 1, RULE_VARIANT, SUFFIX_NONE, out->n + 200) != 0 ||
        (person == 1 && n - g >= 2 && korean_initials(out, s + g - 1, n - g + 1) != 0) ||
        (person == 1 && g == 1 && n == 3 && initials_beside(out, cps[0], first, s + 1, 2) != 0))
        return -1;
    s[n] = s[g - 1];                    /* given name, then surname */
    if (combine(out, s + g, n - g + 1, RULE_VARIANT, SUFFIX_NONE, out->n + 120) != 0 ||
        (n - g >= 2 && combine(out, s + g, n - g, RULE_VARIANT, SUFFIX_NONE, out->n + 120) != 0))
        return -1;
    return korean_other_scripts(out, cps, n, n - g >= 2 ? g : 0, person);
}

/* The spellings of every name syllable and surname: built once (they
 * come from constant tables), shared by every back-transliteration. */
#define REV_MAX (sizeof ko_name_syllables / 3 + N_SURNAMES)
static struct slot rev_spell[REV_MAX];
static int rev_cp[REV_MAX];
static int rev_n;
static pthread_once_t rev_once = PTHREAD_ONCE_INIT;

/* Every spelling by its first letter, in the order the search tries them
 * (option rank, then table order), so each step compares only spellings
 * that can match. */
struct rev_ent {
    const char *s;
    unsigned char len, surname;
    short idx;
};
static struct rev_ent rev_ent[REV_MAX * OPT_MAX];
static const struct rev_ent *rev_by_letter[27];

static void rev_index(void)
{
    size_t n = 0;
    int c, k, i;

    for (c = 0; c < 26; c++) {
        rev_by_letter[c] = &rev_ent[n];
        for (k = 0; k < OPT_MAX; k++)
            for (i = 0; i < rev_n; i++) {
                const char *o = rev_spell[i].opt[k];
                if (k >= rev_spell[i].n || o[0] != 'a' + c)
                    continue;
                rev_ent[n].s = o, rev_ent[n].len = (unsigned char)strlen(o);
                rev_ent[n].surname = i >= rev_n - (int)N_SURNAMES;
                rev_ent[n].idx = (short)i;
                n++;
            }
    }
    rev_by_letter[26] = &rev_ent[n];
}

static void rev_build(void)
{
    const char *p = ko_name_syllables;
    size_t len = strlen(p), at = 0;
    int cp, k, i;

    while (at < len && (k = utf8_next(&cp, p + at, len - at)) > 0) {
        hangul_slot(&rev_spell[rev_n], cp);
        rev_cp[rev_n++] = cp;
        at += (size_t)k;
    }
    for (i = 0; i < (int)N_SURNAMES; i++) {
        (void)utf8_next(&cp, ko_surnames[i][0], strlen(ko_surnames[i][0]));
        surname_slot(&rev_spell[rev_n], i);
        rev_cp[rev_n++] = cp;
    }
    rev_index();
}

static int reverse_init(struct reverse *r)
{
    (void)pthread_once(&rev_once, rev_build);
    memset(r, 0, sizeof *r);
    r->spell = rev_spell, r->cp = rev_cp, r->n = rev_n;
    return 0;
}

void reverse_free(struct reverse *r)
{
    sodium_memzero(r, sizeof *r);
}

static void reverse_found(struct reverse *r, int depth)
{
    char *o = r->found[r->nfound];
    int i, k;

    for (i = 0; i < depth; i++) {
        k = (int)utf8proc_encode_char(r->path[i], (utf8proc_uint8_t *)o);
        o += k;
    }
    *o = '\0';
    for (i = 0; i < r->nfound; i++)
        if (strcmp(r->found[i], r->found[r->nfound]) == 0)
            return;
    r->nfound++;
}

static void reverse_rec(struct reverse *r, const char *key, size_t len, int depth)
{
    const struct rev_ent *x;
    int c;

    if (r->nfound >= HANGUL_CANDIDATES || ++r->steps > REVERSE_BUDGET)
        return;
    if (len == 0) {
        if (depth >= 2)
            reverse_found(r, depth);
        return;
    }
    if (depth >= 5 || (c = (unsigned char)key[0] - 'a') < 0 || c >= 26)
        return;
    for (x = rev_by_letter[c]; x < rev_by_letter[c + 1]; x++) {
        if (x->len > len || (x->surname && depth > 0) || memcmp(x->s, key, x->len) != 0)
            continue;
        r->path[depth] = r->cp[x->idx];
        reverse_rec(r, key + x->len, len - x->len, depth + 1);
    }
}

/* Hangul candidates for a romanised key (all ASCII letters). */
int reverse_korean(struct reverse *r, const char *key, size_t len)
{
    size_t i;

    if (reverse_init(r) != 0)
        return -1;
    for (i = 0; i < len; i++)
        if (key[i] < 'a' || key[i] > 'z')
            return 0;
    reverse_rec(r, key, len, 0);
    return 0;
}


/* Every surname spelling, sorted once: the review flags ask for each word. */
static const char *surname_keys[N_SURNAMES * 9];
static size_t n_surname_keys;
static pthread_once_t surname_once = PTHREAD_ONCE_INIT;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void surname_index_build(void)
{
    size_t i, k;

    for (i = 0; i < N_SURNAMES; i++)
        for (k = 0; k < 9 && ko_surnames[i][k]; k++)
            surname_keys[n_surname_keys++] = ko_surnames[i][k];
    qsort(surname_keys, n_surname_keys, sizeof surname_keys[0], cmp_str);
}

int variants_is_surname(const char *key, size_t keylen)
{
    char buf[16];
    const char *p = buf;

    if (keylen == 0 || keylen >= sizeof buf)
        return 0;
    (void)pthread_once(&surname_once, surname_index_build);
    memcpy(buf, key, keylen);
    buf[keylen] = '\0';
    if (bsearch(&p, surname_keys, n_surname_keys, sizeof surname_keys[0], cmp_str) != NULL)
        return 1;
    for (size_t i = 0; i < sizeof ko_compound_surnames / sizeof ko_compound_surnames[0]; i++)
        for (size_t k = 0; k < 6 && ko_compound_surnames[i][k]; k++)
            if (strcmp(buf, ko_compound_surnames[i][k]) == 0)
                return 1;
    return 0;
}

/* 1 if row i of ko_surnames holds key[0..len) as its Hangul or as one of
 * its spellings. */
static int surname_row_has(size_t i, const char *key, size_t len)
{
    for (size_t k = 0; k < 9 && ko_surnames[i][k]; k++)
        if (strlen(ko_surnames[i][k]) == len && memcmp(ko_surnames[i][k], key, len) == 0)
            return 1;
    return 0;
}

/* 1 if rows i and j of ko_surnames share a spelling (이 and 리: li, lee). */
static int surname_rows_meet(size_t i, size_t j)
{
    for (size_t k = 1; k < 9 && ko_surnames[i][k]; k++)
        if (surname_row_has(j, ko_surnames[i][k], strlen(ko_surnames[i][k])))
            return 1;
    return 0;
}

int variants_same_surname(const char *a, size_t alen, const char *b, size_t blen)
{
    for (size_t i = 0; i < N_SURNAMES; i++)
        if (surname_row_has(i, a, alen))
            for (size_t j = 0; j < N_SURNAMES; j++)
                if (surname_row_has(j, b, blen) && surname_rows_meet(i, j))
                    return 1;
    return 0;
}

static size_t put_syllables(char *out, size_t outlen, size_t at, const char *h, size_t *count)
{
    size_t i = 0, n = strlen(h);
    int cp, k;

    while (i < n && (k = utf8_next(&cp, h + i, n - i)) > 0) {
        if (at + (size_t)k + 1 > outlen)
            return at;
        memcpy(out + at, h + i, (size_t)k);
        out[at + (size_t)k] = '\0';
        at += (size_t)k + 1;
        (*count)++;
        i += (size_t)k;
    }
    return at;
}

size_t variants_hangul_syllables(char *out, size_t outlen, const char *key, size_t keylen)
{
    struct reverse r;
    char h[SLOT_MAX * 4];
    int cps[SLOT_MAX - 1], i;
    size_t at = 0, count = 0;

    if (keylen < sizeof h && hangul_cps(cps, SLOT_MAX - 1, key, keylen) > 0) {
        memcpy(h, key, keylen);
        h[keylen] = '\0';
        put_syllables(out, outlen, 0, h, &count);
        return count;
    }
    if (reverse_korean(&r, key, keylen) == 0)
        for (i = 0; i < r.nfound; i++)
            at = put_syllables(out, outlen, at, r.found[i], &count);
    reverse_free(&r);
    return count;
}

int variants_surname_spellings(struct slot *latin, struct slot *cyrillic, const char *key, size_t len)
{
    char one[8];
    int cp;

    memset(latin, 0, sizeof *latin), memset(cyrillic, 0, sizeof *cyrillic);
    for (size_t i = 0; i < N_SURNAMES; i++) {
        if (!surname_row_has(i, key, len))
            continue;
        for (size_t j = 0; j < N_SURNAMES; j++) {
            const char *ko;
            if (j != i && !surname_rows_meet(i, j))
                continue;
            for (size_t k = 1; k < 9 && ko_surnames[j][k]; k++)
                if (strlen(ko_surnames[j][k]) >= 2)     /* not 이's i: "B.R. I think" */
                    slot_add(latin, ko_surnames[j][k], "", "");
            if (utf8_next(&cp, ko_surnames[j][0], strlen(ko_surnames[j][0])) <= 0 ||
                (ko = romanise_koryo_surname(cp)) == NULL)
                continue;
            for (const char *p = ko, *bar; *p != '\0'; p = *bar ? bar + 1 : bar) {
                bar = p + strcspn(p, "|");
                if ((size_t)(bar - p) < sizeof one) {
                    memcpy(one, p, (size_t)(bar - p)), one[bar - p] = '\0';
                    slot_add(cyrillic, one, "", "");
                }
            }
        }
    }
    return latin->n > 0;
}
