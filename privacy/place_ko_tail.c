/* A registered Korean place glued to a chain of office nouns or to a
 * particle and a verb (brief s26 place26, report-adv25b C-3):
 * 청진시당위원회에서, 청진시당책임비서가, 청진시인민병원에,
 * 혜산시인민위원회위원장이, 청진으로향했다, 청진에서살았다.  Korean writes
 * an institution of a city as one word, nouns glued on nouns, and casual
 * writing drops the space between a particle and its verb; the place
 * keeps its name at the head of such a word, whatever noun follows
 * (함흥제약공장, 함흥철도국: brief s27 place27, report-adv26a D-13).  The place part is replaced,
 * the rest stays (redact_hits.c), unless hunspell-ko reads the whole word
 * as an ordinary one.
 *
 * The table of office and institution stems is written by hand from
 * ordinary Korean usage and North Korean defectors' testimony as the
 * author knew it (the administrative and Party bodies of the DPRK, the
 * public services of both Koreas): it wants a native reviewer.  Longest
 * stems first; 당 "Party committee" only after an administrative
 * syllable (시 도 군 구), as in redact_admin.c. */
#include <string.h>

#include "privacy/gazetteer.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"

static const char *const stems[] = {
    "노동단련대", "고등중학교", "인민위원회", "협동농장", "주민센터", "청년동맹", "문화회관",
    "책임비서", "조직비서", "선전비서", "인민병원", "인민학교", "근로단체", "동사무소",
    "위원회", "위원장", "책임자", "보위부", "안전부", "보안서", "보안부", "검찰소", "재판소",
    "구류장", "교화소", "집결소", "경찰서", "사무소", "보건소", "제철소", "기업소", "중학교",
    "소학교", "대학교", "백화점", "터미널", "체신소", "우체국", "도서관", "인민반", "경기장",
    "인민", "위원", "비서", "간부", "병원", "청사", "학교", "대학", "탄광", "광산", "공장",
    "농장", "항구", "부두", "공항", "상점", "시장", "여관", "호텔", "극장", "회관", "공원",
    "주민", "시민", "군민", "도민", "구민", "출신", "사람", "여맹", "직맹", "당", "청", "역",
    "항",
};

/* Particles a verb may be glued after without a space (청진으로향했다),
 * longest first. */
static const char *const particles[] = {
    "에서는", "으로는", "에게서", "에서", "으로", "까지", "부터", "에게", "에는", "로는", "에",
    "로", "을", "를", "은", "는", "이", "가", "의", "도",
};

static int admin_syllable(const char *s, size_t len)
{
    return len >= 3 && (memcmp(s, "시", 3) == 0 || memcmp(s, "도", 3) == 0 ||
                        memcmp(s, "군", 3) == 0 || memcmp(s, "구", 3) == 0);
}

/* The length of the entry of tab[0..n) that rest[0..len) starts with. */
static size_t starts_with(const char *const *tab, size_t n, const char *rest, size_t len)
{
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(tab[i]);
        if (l <= len && memcmp(rest, tab[i], l) == 0)
            return l;
    }
    return 0;
}

/* 1 if s[0..len) is Hangul syllables only, at least one. */
static int hangul_only(const char *s, size_t len)
{
    size_t p;
    int cp, k;

    if (len == 0)
        return 0;
    for (p = 0; p < len; p += (size_t)k)
        if ((k = utf8_next(&cp, s + p, len - p)) <= 0 || !is_hangul_cp(cp))
            return 0;
    return 1;
}

/* 1 if the word rest[0..len) ends as a verb's sentence ends (다, 요):
 * a noun glued to a verb (청주한잔했다: 청주 is rice wine too), no
 * institution's name. */
static int verb_end(const char *rest, size_t len)
{
    return len >= 3 && (memcmp(rest + len - 3, "다", 3) == 0 || memcmp(rest + len - 3, "요", 3) == 0);
}

int redact_place_ko_tail(const struct normtext *t, size_t nstart, size_t nend, size_t wend)
{
    const char *rest = t->norm + nend;
    size_t len = wend - nend, at = 0, l;
    int admin, chain = 0;

    if (nend >= wend || nend < nstart + 6 || !is_hangul_cp(redact_cp_before(t->norm, nend)) ||
        !hangul_only(rest, len))
        return 0;
    admin = admin_syllable(t->norm + nend - 3, 3);
    if (len > 3 && admin_syllable(rest, len) && starts_with(stems, sizeof stems / sizeof stems[0],
                                                            rest + 3, len - 3) > 0)
        at = 3, admin = 1;
    while (at < len && (l = starts_with(stems, sizeof stems / sizeof stems[0], rest + at, len - at)) > 0) {
        if (l == 3 && memcmp(rest + at, "당", 3) == 0 && !(admin && chain == 0))
            break;
        at += l;
        chain++;
    }
    if (at < len && !variant_suffix_ok(SUFFIX_KO, rest + at, len - at)) {
        /* A particle, then a verb glued on: 청진으로향했다. */
        l = starts_with(particles, sizeof particles / sizeof particles[0], rest + at, len - at);
        /* Or any noun compound of two syllables or more that is no
         * particle chain (함흥제약공장, 함흥철도국에서: brief s27 place27,
         * report-adv26a D-13): Korean glues a city to whatever it names. */
        if ((l == 0 || at + l >= len) && (len - at < 6 || verb_end(rest, len)))
            return 0;
    } else if (chain == 0)
        return 0;   /* the particle tables' own case */
    /* A province or a first-level city names no one (redact_admin.c);
     * an ordinary word (청진기를) is no place. */
    if (gazetteer_is_region(t->norm + nstart, nend - nstart) ||
        redact_ordinary_ko(t->norm + nstart, wend - nstart, 1))
        return 0;
    return 1;
}
