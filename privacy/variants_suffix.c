/* What may follow a name's hit inside the same word (variants.h,
 * docs/VARIANTS.md): the Korean particles and words of address, the
 * Mongolian and Russian endings, indexed for the redactor's, the audit's
 * and the review flags' question "is the rest of this word a run of
 * endings?".  Split from variants.c (which makes the variants); calls
 * variants_mn.c's ending tables (variants_int.h). */
#include "privacy/variants.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "privacy/normalise.h"
#include "privacy/romanise.h"
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
    "작업반장", "당비서", "초급당비서", "직장장", "부기",
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
    struct sufidx ko_common, ko_more, mn, mn_native, mn_ru, mn_latin, kk;
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
    sufidx_fill(&ix.kk, kk_endings, n_kk_endings);
    first_bytes(ix.ko_first, &ix.ko_common, NULL, 0);
    first_bytes(ix.ko_first, &ix.ko_more, NULL, 0);
    first_bytes(ix.mn_first, &ix.mn, NULL, 0);
    first_bytes(ix.mn_first, &ix.kk, NULL, 0);
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

/* A Kazakh plural (-лар -лер -дар -дер -тар -тер), alone or with one
 * Kazakh case ending after it (Ерекеңдер, Сейтовтардың, Ерландарға:
 * "X and his people", "the X family"; brief s45 steppe45, report-adv44;
 * the plural's six forms from Kazakh grammar's vowel and consonant
 * harmony). */
static int kk_plural(const char *rest, size_t len)
{
    static const char *const plural[] = { "лар", "лер", "дар", "дер", "тар", "тер" };

    for (size_t i = 0; i < sizeof plural / sizeof plural[0]; i++) {
        size_t n = strlen(plural[i]);
        if (len >= n && memcmp(rest, plural[i], n) == 0 &&
            (len == n || sufidx_has(&ix.kk, rest + n, len - n)))
            return 1;
    }
    return 0;
}

/* The Mongolian endings after an optional word of address: up to three
 * of Mongolian's own stacked, or one Russian case ending (as Russian text
 * declines a Mongolian name), or a Russian surname's or patronymic's
 * suffix with its case ending, or one Kazakh case ending (Ерланға,
 * Сейтовқа: kk_endings).  A Russian ending stacks with no
 * Mongolian one: Петров + и + ч is the patronymic Петрович, Дарья + н + а
 * the name Дарьяна, neither a form of Петрова or Дарья (report-adv32
 * O-4, brief s33 sur33). */
static int mn_endings_ok(const char *rest, size_t restlen)
{
    (void)pthread_once(&ix_once, ix_build);
    if (restlen > 0 && (unsigned char)rest[0] < 0x80)
        return ends_with_one(&ix.mn_latin, rest, restlen, 1);
    return ends_with_one(&ix.mn_native, rest, restlen, 3) ||
           sufidx_has(&ix.mn_ru, rest, restlen) || ru_derived(rest, restlen) ||
           sufidx_has(&ix.kk, rest, restlen) || kk_plural(rest, restlen);
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

/* A name ending in а, я or a written as Mongolian declines a foreign
 * name in a vowel: the vowel long (its а doubled), then up to three
 * Mongolian endings, or one in Latin letters (Дашаа, Дашаад, Дарьяатай,
 * Наташаагийн, Tanyaa, Dashaa: report-adv33 L-63).  No Russian or
 * English word doubles the а after such a name's letters. */
int variant_mn_long_vowel(const char *rest, size_t restlen)
{
    (void)pthread_once(&ix_once, ix_build);
    if (restlen >= 2 && memcmp(rest, "а", 2) == 0)
        return ends_with_one(&ix.mn_native, rest + 2, restlen - 2, 3);
    if (restlen >= 1 && rest[0] == 'a')
        return ends_with_one(&ix.mn_latin, rest + 1, restlen - 1, 1);
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

/* The Korean words of address and titles after a name: the one table
 * (brief s53 ko53) the context, the flags and the glued surname read, each
 * entry with the uses it has (KO_MARK_* in variants.h):
 * - KO_MARK_AFTER: follows a person's name and hardly an ordinary noun,
 *   glued or apart, with particles (님 and 들 follow both: 하나님, 해님);
 * - KO_MARK_APART: a word of its own after a name marks it (김 씨가);
 * - KO_MARK_TITLE: after a Hangul word, makes it a title-name flag;
 * - KO_MARK_SURNAME: written glued to a surname (박씨, 김선생님, 리동무,
 *   김지배인: report-adv28a I-12, report-adv52b L-1).
 * Sources: the Standard Korean Language Dictionary's forms of address
 * after a surname (씨 님 군 양 선생 선생님 여사 동무 동지); the North
 * Korean workplace and party titles a worker calls a boss by after the
 * surname (김 지배인, 리 반장, 박 당비서: report-adv51 L-41, L-55; brief
 * s52 ko52) from the Unification Ministry's North Korea knowledge portal
 * (nkinfo.unikorea.go.kr: 지배인 the enterprise manager, 직장장 the shop
 * head, 작업반장 and 반장 the work team's leader, 당비서 and 초급당비서 the
 * party secretaries, 소대장, 책임자, 부장 the department head, 부기 the
 * bookkeeper); kinship words of address from Korean grammar.  Which of them
 * we list, and which use each has, is written by us (the ones of workers'
 * testimony; 부기 is never glued: 정부기관, 장부기록). */
#define KM_AFTER KO_MARK_AFTER
#define KM_ALL (KO_MARK_AFTER | KO_MARK_APART | KO_MARK_SURNAME)
#define KM_NK (KO_MARK_AFTER | KO_MARK_SURNAME)
static const struct {
    const char *w;
    unsigned char uses;
} ko_marks[] = {
    { "씨", KM_ALL | KO_MARK_TITLE }, { "군", KM_ALL }, { "양", KM_ALL }, { "옹", KM_AFTER },
    { "형", KM_AFTER }, { "형님", KM_AFTER }, { "오빠", KM_AFTER }, { "오라버니", KM_AFTER },
    { "언니", KM_AFTER }, { "누나", KM_AFTER }, { "누님", KM_AFTER },
    { "동지", KM_ALL | KO_MARK_TITLE }, { "동무", KM_ALL | KO_MARK_TITLE },
    { "선생", KM_ALL | KO_MARK_TITLE }, { "선생님", KM_ALL | KO_MARK_TITLE },
    { "선배", KO_MARK_AFTER | KO_MARK_APART }, { "후배", KM_AFTER }, { "여사", KM_ALL },
    { "아저씨", KM_AFTER }, { "아주머니", KM_AFTER }, { "아줌마", KM_AFTER },
    { "아바이", KM_AFTER }, { "아매", KM_AFTER }, { "삼촌", KM_AFTER }, { "이모", KM_AFTER },
    { "고모", KM_AFTER },
    { "지배인", KM_NK }, { "반장", KM_NK }, { "작업반장", KM_NK }, { "소대장", KM_NK },
    { "당비서", KM_NK }, { "초급당비서", KM_NK }, { "직장장", KM_NK }, { "책임자", KM_NK },
    { "부장", KM_NK }, { "부기", KM_AFTER },
    /* 님 as a word of its own ("존 님께서": report-adv20 R-6) and glued to
     * a surname; glued to other words it also follows nouns (하나님). */
    { "님", KO_MARK_APART | KO_MARK_TITLE | KO_MARK_SURNAME },
};
#define N_MARKS (sizeof ko_marks / sizeof ko_marks[0])

int variants_ko_mark_word(const char *w, size_t len, unsigned uses, int endings)
{
    for (size_t i = 0; i < N_MARKS; i++) {
        size_t n = strlen(ko_marks[i].w);
        if (!(ko_marks[i].uses & uses) || n > len || memcmp(w, ko_marks[i].w, n) != 0)
            continue;
        if (n == len || (endings && (variant_suffix_ok(SUFFIX_KO, w + n, len - n) ||
                                     variant_suffix_ok(SUFFIX_MN, w + n, len - n))))
            return 1;
    }
    return 0;
}

size_t variants_ko_mark_tail(const char *key, size_t k, unsigned uses)
{
    size_t best = 0;

    for (size_t i = 0; i < N_MARKS; i++) {
        size_t n = strlen(ko_marks[i].w);
        if ((ko_marks[i].uses & uses) && k > n && n > best && memcmp(key + k - n, ko_marks[i].w, n) == 0)
            best = n;
    }
    return best;
}

size_t variants_ko_mark_head(const char *rest, size_t restlen, unsigned uses)
{
    size_t best = 0;

    for (size_t i = 0; i < N_MARKS; i++) {
        size_t n = strlen(ko_marks[i].w);
        if ((ko_marks[i].uses & uses) && n <= restlen && n > best &&
            memcmp(rest, ko_marks[i].w, n) == 0 && ko_chain(rest + n, restlen - n))
            best = n;
    }
    return best;
}

int variants_ko_marks_name(const char *rest, size_t restlen)
{
    if ((restlen == 3 && (memcmp(rest, "야", 3) == 0 || memcmp(rest, "아", 3) == 0)))
        return 1;
    return variants_ko_mark_head(rest, restlen, KO_MARK_AFTER) > 0;
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
    size_t best = 0, n;

    for (size_t i = 0; i < sizeof ko_person_particles / sizeof ko_person_particles[0]; i++) {
        size_t m = strlen(ko_person_particles[i]);
        if (m <= len && m > best && memcmp(rest, ko_person_particles[i], m) == 0 &&
            ko_chain(rest + m, len - m))
            best = m;
    }
    n = variants_ko_mark_head(rest, len, KO_MARK_AFTER);
    return n > best ? n : best;
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
