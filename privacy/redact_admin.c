/* Administrative words glued to a protected place term (report-adv15 R-3,
 * brief s16 r16 R-20): Korean and Mongolian write a place with its
 * province or district without a space ("함북회령", "평북신의주",
 * "Ховдсумын", "Khovdsum").  Such a word goes whole: the province narrows
 * the place down, and the place is what the term protects.  Only the
 * words of these tables: anything else glued before a term is another
 * word (redact_hits.c decides those). */
#include <string.h>

#include "privacy/gazetteer.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"

/* Norm views (NFKC, case folded) of what may be glued after a place
 * term: sum, сум (district), aimag, аймаг (province), hot, хот (town)
 * and their genitives. */
static const char *const suffixes[] = {
    "sum", "sumyn", "\xd1\x81\xd1\x83\xd0\xbc", "\xd1\x81\xd1\x83\xd0\xbc\xd1\x8b\xd0\xbd",
    "aimag", "aimgiin", "\xd0\xb0\xd0\xb9\xd0\xbc\xd0\xb0\xd0\xb3",
    "\xd0\xb0\xd0\xb9\xd0\xbc\xd0\xb3\xd0\xb8\xd0\xb9\xd0\xbd", "hot", "hotyn",
    "\xd1\x85\xd0\xbe\xd1\x82", "\xd1\x85\xd0\xbe\xd1\x82\xd1\x8b\xd0\xbd",
};

/* What may be glued before one: the provinces of both Koreas, with and
 * without 도, and their two-syllable abbreviations (함북 = 함경북도); the
 * directly governed cities of the North and the special and metropolitan
 * cities of the South; 북한.  The 21 Mongolian aimags and Ulaanbaatar in
 * Cyrillic and in the usual Latin spellings (kh and h), with the words
 * aimag/аймаг and sum/сум; a hyphenated aimag by its last part (the
 * hyphen ends the word).  Sources: the administrative divisions of the
 * DPRK, the ROK and Mongolia as the gazetteer lists them
 * (data/gazetteer/SOURCES.md). */
static const char *const prefixes[] = {
    /* DPRK provinces, full and short */
    "평안북도", "평안북", "평북", "평안남도", "평안남", "평남", "함경북도", "함경북", "함북",
    "함경남도", "함경남", "함남", "황해북도", "황해북", "황북", "황해남도", "황해남", "황남",
    "자강도", "자강", "양강도", "양강", "량강도", "량강", "강원도", "강원",
    /* DPRK cities under the centre */
    "평양", "평양시", "남포", "남포시", "라선", "라선시", "나선", "나선시", "개성", "개성시",
    "북한",
    /* ROK provinces and cities */
    "경기도", "경기", "충청북도", "충북", "충청남도", "충남", "전라북도", "전북", "전라남도",
    "전남", "경상북도", "경북", "경상남도", "경남", "제주도", "제주", "서울", "서울시", "부산",
    "대구", "인천", "광주", "대전", "울산", "세종",
    /* Mongolian aimags, Cyrillic */
    "архангай", "өлгий", "баянхонгор", "булган", "алтай", "говьсүмбэр", "дорноговь", "дорнод",
    "дундговь", "завхан", "орхон", "өвөрхангай", "өмнөговь", "сүхбаатар", "сэлэнгэ", "төв",
    "увс", "ховд", "хөвсгөл", "хэнтий", "дархан", "улаанбаатар", "аймаг", "сум",
    /* and Latin */
    "arkhangai", "arhangai", "olgii", "bayankhongor", "bayanhongor", "bulgan", "altai",
    "govisumber", "dornogovi", "dornod", "dundgovi", "zavkhan", "zavhan", "orkhon", "orhon",
    "uvurkhangai", "ovorkhangai", "umnugovi", "omnogovi", "sukhbaatar", "suhbaatar", "selenge",
    "tuv", "tov", "uvs", "khovd", "hovd", "khuvsgul", "khovsgol", "hovsgol", "khentii",
    "hentii", "darkhan", "darhan", "ulaanbaatar", "aimag", "sum",
};

static int in_table(const char *const *tab, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(tab[i]) == len && memcmp(s, tab[i], len) == 0)
            return 1;
    return 0;
}

int redact_admin_suffix(const char *rest, size_t len)
{
    return in_table(suffixes, sizeof suffixes / sizeof suffixes[0], rest, len);
}

/* 1 if the term's own text norm[nstart..nend) is long enough to glue:
 * two Hangul syllables, or four key bytes in Latin or Cyrillic. */
static int long_enough(const struct normtext *t, size_t keylen, size_t nstart, size_t nend)
{
    size_t syllables = 0, p;
    int cp, k;

    for (p = nstart; p < nend; p += (size_t)k) {
        if ((k = utf8_next(&cp, t->norm + p, nend - p)) <= 0)
            return 0;
        syllables += is_hangul_cp(cp) != 0;
    }
    return syllables >= 2 || (syllables == 0 && keylen >= 4);
}

int redact_admin_prefix(size_t *wstart, const struct normtext *t, const struct redact_form *f,
                        size_t keylen, size_t nstart, size_t nend)
{
    size_t a = nstart;
    int cp;

    if (f->person || f->kind == FORM_SHORT || !long_enough(t, keylen, nstart, nend))
        return 0;
    while (a > 0 && is_word_cp(cp = redact_cp_before(t->norm, a)))
        a -= cp < 0x80 ? 1u : cp < 0x800 ? 2u : cp < 0x10000 ? 3u : 4u;
    if (a == nstart || !in_table(prefixes, sizeof prefixes / sizeof prefixes[0], t->norm + a,
                                 nstart - a))
        return 0;
    *wstart = a;
    return 1;
}

/* Norm views of the nouns Korean glues after a place to name its office,
 * its residents or its station (brief s24 place24): 구청 "district
 * office", 구민 "district resident", 시청역 "city hall station".  The
 * place keeps its name inside them, so the place part goes and the noun
 * stays ("[PLACE-1]청").  Written by hand from ordinary Korean usage (the
 * author's; it wants a native reviewer), longest first. */
static const char *const offices[] = {
    "\xec\xa3\xbc\xeb\xaf\xbc\xec\x84\xbc\xed\x84\xb0",   /* 주민센터 */
    "\xeb\xb3\xb4\xea\xb1\xb4\xec\x86\x8c",               /* 보건소 */
    "\xec\x82\xac\xeb\xac\xb4\xec\x86\x8c",               /* 사무소 */
    "\xea\xb2\xbd\xec\xb0\xb0\xec\x84\x9c",               /* 경찰서 */
    "\xec\xb2\xad\xec\x97\xad",                           /* 청역 */
    "\xec\xb2\xad\xec\x9e\xa5",                           /* 청장 */
    "\xec\xb2\xad\xec\x82\xac",                           /* 청사 */
    "\xec\x9d\x98\xed\x9a\x8c",                           /* 의회 */
    "\xec\xb2\xad",                                       /* 청 */
    "\xeb\xaf\xbc",                                       /* 민 */
    "\xec\x97\xad",                                       /* 역 */
};

int redact_admin_office(const struct normtext *t, size_t nstart, size_t nend, size_t wend)
{
    const char *rest = t->norm + nend;
    size_t len = wend - nend, syllables = 0, p;
    int cp, k;

    if (nend >= wend || !is_hangul_cp(redact_cp_before(t->norm, nend)))
        return 0;
    for (size_t i = 0; i < sizeof offices / sizeof offices[0]; i++) {
        size_t n = strlen(offices[i]);
        if (n > len || memcmp(rest, offices[i], n) != 0 ||
            (n < len && !variant_suffix_ok(SUFFIX_KO, rest + n, len - n)))
            continue;
        for (p = nstart; p < nend; p += (size_t)k) {
            if ((k = utf8_next(&cp, t->norm + p, nend - p)) <= 0)
                return 0;
            syllables += is_hangul_cp(cp) != 0;
        }
        /* A province or a first-level city (강원도민): no one is named.
         * A compound the dictionary knows (마포구청, 중구청): a review
         * flag, as test_eval's identity-free word list holds 마포구청;
         * the brief asked it for short places only. */
        if (gazetteer_is_region(t->norm + nstart, nend - nstart))
            return 0;
        (void)syllables;
        return redact_ordinary_ko(t->norm + nstart, nend - nstart + n, 1) ? 2 : 1;
    }
    return 0;
}
