/* Is a Hangul word an ordinary Korean word?  How the review flags read
 * hunspell-ko (util/lexicon.h) for a name-shaped word (redact_int.h:
 * redact_ordinary_ko), with the ways testimony is written that the
 * dictionary does not know: North Korean words (data/lexicon, added to
 * the dictionary when it loads), North Korean spelling without the
 * initial-sound rule (로동, 녀성), regional spoken endings (했슴다), compounds
 * written as one word (기름값, 배치받아) and the adnominal form of a verb
 * (정해진).  Those readings widen what the safety net lets pass, so they
 * are used for review flags only, never for a registered name (strict). */
#include <stdint.h>
#include <string.h>

#include "privacy/gazetteer.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"
#include "util/lexicon.h"

/* How hunspell-ko reads a Hangul word w[0..len). */
enum ko_reading {
    KO_UNKNOWN,                 /* it does not accept the word */
    KO_WORD,                    /* a word of its own: a stem it gives is the word,
                                 * or the word is a stem and particles (하나에), or
                                 * the stem is a verb or adjective (ends in 다:
                                 * 고발될 of 고발되다, 고파도 of 고프다) */
    KO_OTHER                    /* only as a noun with something glued on: 유빈
                                 * read as 유비 and the particle ㄴ, 노도진 */
};

static enum ko_reading ko_read(const char *w, size_t len)
{
    char stems[512];
    int n;

    if (lexicon_word(LEXICON_KO, w, len) != 1)
        return KO_UNKNOWN;
    n = lexicon_stems(LEXICON_KO, w, len, stems, sizeof stems);
    for (const char *st = stems; n > 0; n--, st += strlen(st) + 1) {
        size_t k = strlen(st);
        if ((k == len && memcmp(st, w, len) == 0) ||
            (k < len && memcmp(st, w, k) == 0 && variant_suffix_ok(SUFFIX_KO, w + k, len - k)) ||
            (k >= 6 && memcmp(st + k - 3, "\xeb\x8b\xa4", 3) == 0))      /* 다 */
            return KO_WORD;
    }
    return KO_OTHER;
}

int redact_ko_own_word(const char *w, size_t len)
{
    char stems[512];
    int n;

    if (lexicon_word(LEXICON_KO, w, len) != 1)
        return 0;
    n = lexicon_stems(LEXICON_KO, w, len, stems, sizeof stems);
    for (const char *st = stems; n > 0; n--, st += strlen(st) + 1)
        if (strlen(st) == len && memcmp(st, w, len) == 0)
            return 1;
    return 0;
}

/* Particles hunspell-ko leaves out after a noun, each ending the word
 * (하나씩), besides the common ones. */
static const char *const ko_more_word_particles[] = { "씩", "쯤", "마다", "만큼", "같이", "대로", "뿐", "들" };

static int word_particles(const char *rest, size_t n)
{
    if (variants_ko_common_suffix(rest, n))
        return 1;
    for (size_t i = 0; i < sizeof ko_more_word_particles / sizeof ko_more_word_particles[0]; i++)
        if (strlen(ko_more_word_particles[i]) == n && memcmp(ko_more_word_particles[i], rest, n) == 0)
            return 1;
    return 0;
}

/* 1 if the name lists know a name in the Hangul word w[0..len): its
 * first three syllables (a surname and a given name), its first two, or
 * the two after its first (a given name after a surname). */
static int ko_listed(const char *w, size_t len)
{
    return gazetteer_names_word(w, len < 9 ? len : 9) || (len >= 6 && gazetteer_names_word(w, 6)) ||
           (len >= 9 && gazetteer_names_word(w + 3, 6));
}

/* Loanwords and clippings of everyday speech that hunspell-ko does not
 * know (issue 12 follow-up: 인스타 was flagged as a name): the Korean
 * names of the messaging and social services testimonies mention, as the
 * services themselves write them (인스타그램, 카카오톡, 텔레그램...), and
 * their usual clippings; each one checked absent from hunspell-ko 0.7.92
 * (`echo 인스타 | hunspell -d ko`).  Written by hand; a name never
 * becomes ordinary through this list (a registered name is still
 * replaced), only a name-shaped word stops being flagged. */
static const char *const ko_loanwords[] = {
    "인스타", "인스타그램", "카톡", "카카오톡", "페북", "유튜브", "틱톡", "텔레그램",
    "위챗", "구글", "셀카", "와이파이", "디엠",
};

/* 1 if w[0..len) is a loanword of the list, alone or with particles. */
static int ko_loanword(const char *w, size_t len)
{
    for (size_t i = 0; i < sizeof ko_loanwords / sizeof ko_loanwords[0]; i++) {
        size_t k = strlen(ko_loanwords[i]);
        if (k <= len && memcmp(w, ko_loanwords[i], k) == 0 &&
            (k == len || variant_suffix_ok(SUFFIX_KO, w + k, len - k)))
            return 1;
    }
    return 0;
}

/* 1 if w[0..len) is a word hunspell-ko reads as a word of its own, or as a
 * word of two syllables or more and particles it does not take (하나씩). */
static int ko_word(const char *w, size_t len)
{
    if (ko_read(w, len) == KO_WORD)
        return 1;
    for (size_t stem = 6; stem < len; stem += 3)
        if (word_particles(w + stem, len - stem) && ko_read(w, stem) == KO_WORD)
            return 1;
    return 0;
}

/* The Hangul syllable at w (3 bytes of UTF-8) as a code point, or -1. */
static int syllable_at(const char *w, size_t len)
{
    const unsigned char *u = (const unsigned char *)w;
    int cp;

    if (len < 3 || (u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
        return -1;
    cp = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    return cp >= 0xAC00 && cp <= 0xD7A3 ? cp : -1;
}

static void put_syllable(char *out, int cp)
{
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
}

/* Regional spoken endings (Hamgyong 했슴다, 했지비, 하더구만; Pyongan
 * 했습네다) and the standard endings hunspell-ko knows in their place: the
 * ending of the word is replaced before the word is looked up again.
 * Written by us from the endings of the northern dialects as testimony
 * records them (tests/data/clean/ko-testimony.txt). */
static const struct {
    const char *dialect, *standard;
} ko_endings[] = {
    { "슴다", "습니다" }, { "슴니다", "습니다" }, { "슴까", "습니까" }, { "임다", "입니다" },
    { "임까", "입니까" }, { "구만", "구나" }, { "구먼", "구나" }, { "지비", "지" },
    { "네다", "니다" }, { "네까", "니까" }, { "수다", "습니다" }, { "시우", "세요" },
};

/* 1 if w[0..len) with a regional ending is a word hunspell-ko accepts
 * with the standard one. */
static int ko_dialect_word(const char *w, size_t len)
{
    char buf[128];

    for (size_t i = 0; i < sizeof ko_endings / sizeof ko_endings[0]; i++) {
        size_t d = strlen(ko_endings[i].dialect), s = strlen(ko_endings[i].standard);
        if (d >= len || memcmp(w + len - d, ko_endings[i].dialect, d) != 0 ||
            len - d + s > sizeof buf)
            continue;
        memcpy(buf, w, len - d);
        memcpy(buf + len - d, ko_endings[i].standard, s);
        /* Any reading: the standard ending is not a particle (때였습니다) */
        if (ko_read(buf, len - d + s) != KO_UNKNOWN)
            return 1;
    }
    return 0;
}

/* The initial-sound rule (두음법칙) that South Korean spelling applies and
 * North Korean spelling does not: an initial ㄹ is written ㅇ before ㅣ and
 * the y-vowels and ㄴ before the others (로동 → 노동, 리용 → 이용), an
 * initial ㄴ is written ㅇ before ㅣ and the y-vowels (녀성 → 여성).  1 if
 * the first syllable of w[0..len) changes under it and the word so spelt
 * is one hunspell-ko knows. */
static int ko_initial_rule_word(const char *w, size_t len)
{
    int cp = syllable_at(w, len), lead, vowel;
    char buf[128];

    if (cp < 0 || len > sizeof buf)
        return 0;
    lead = (cp - 0xAC00) / 588, vowel = ((cp - 0xAC00) % 588) / 28;
    if (lead != 2 && lead != 5)                 /* ㄴ, ㄹ */
        return 0;
    if (vowel == 2 || vowel == 3 || vowel == 6 || vowel == 7 || vowel == 12 || vowel == 17 ||
        vowel == 20)                            /* ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ */
        lead = 11;                              /* ㅇ */
    else if (lead == 5)
        lead = 2;
    else
        return 0;
    memcpy(buf, w, len);
    put_syllable(buf, 0xAC00 + lead * 588 + (cp - 0xAC00) % 588);
    return ko_word(buf, len);
}

/* 1 if a stem hunspell-ko gives w[0..len) is a verb or adjective (ends in
 * 다) of two syllables or more: 받아 of 받다. */
static int ko_verb_stem(const char *w, size_t len)
{
    char stems[512];
    int n = lexicon_stems(LEXICON_KO, w, len, stems, sizeof stems);

    for (const char *st = stems; n > 0; n--, st += strlen(st) + 1) {
        size_t k = strlen(st);
        if (k >= 6 && memcmp(st + k - 3, "\xeb\x8b\xa4", 3) == 0)      /* 다 */
            return 1;
    }
    return 0;
}

/* Bound nouns and Sino-Korean suffixes that make a compound of the noun
 * before them (기름값, 배급표, 구류장): one syllable each, and none that
 * often ends a given name (자, 수, 일, 길, 국, 원, 비, 서: 박명자 is a name
 * whatever 박명 means). */
static const char *const ko_bound[] = {
    "값", "소", "장", "부", "반", "실", "감", "꾼", "집", "증", "품", "대", "표", "료", "법", "판",
    "밭", "물",
};

/* Suffixes of Sino-Korean and loan compounds of the news register (issue
 * 13, NEW-8: 채소류, 고령층, 공급망, 전기차, 도장공, 연구단, 표시제, 인천항,
 * 주차난, 진료팀, 선제골, 탑승권, 성장률, 생산량, 판매액, 제조업, 음식점,
 * 단체, 박물관, 민족, 업계, 관리직, 위원회, 배송비): class, layer, net,
 * vehicle, worker, body, system, port, shortage, team, goal, ticket, rate,
 * amount, sum, trade, shop, body, hall, people, circle, post, meeting,
 * cost.  Read only after a noun of two syllables or more that hunspell-ko
 * gives as its own stem (배송, not 박은 of 박다: 박은비 stays a name shape);
 * test_ordinary_ko checks that no surname and given name of the name
 * lists (data/gazetteer) reads so. */
static const char *const ko_noun_suffix[] = {
    "류", "층", "망", "차", "공", "단", "제", "항", "난", "팀", "골", "권", "률", "량",
    "액", "업", "점", "체", "관", "족", "계", "직", "회", "비",
    /* report-adv12g A-16 (노사정, 하천변, 권역별): government, side, by; not
     * 지 "land" (표준지): 가수지, a surname and the given name 수지, would read
     * as 가수 "singer" and 지 (test_ordinary_ko) */
    "정", "변", "별",
};

/* 1 if w[0..len) is a noun hunspell-ko gives as its own stem. */
static int ko_noun(const char *w, size_t len)
{
    char stems[512];
    int n = lexicon_stems(LEXICON_KO, w, len, stems, sizeof stems);

    for (const char *st = stems; n > 0; n--, st += strlen(st) + 1)
        if (strlen(st) == len && memcmp(st, w, len) == 0)
            return 1;
    return 0;
}

/* 1 if the last syllable of w[0..len) ends in ㄴ or ㄹ, the finals of a
 * verb's adnominal form (지난, 갈). */
static int ko_adnominal(const char *w, size_t len)
{
    int cp = len >= 3 ? syllable_at(w + len - 3, 3) : -1;

    return cp >= 0 && ((cp - 0xAC00) % 28 == 4 || (cp - 0xAC00) % 28 == 8);
}

/* 1 if w[0..len) is a compound hunspell-ko does not know written as one
 * word: a word of two syllables or more, then a verb or adjective of two
 * syllables or more (배치받아), or then a bound noun and particles
 * (기름값이).  Not a word and then a noun: 박명수가 would read as 박명 and
 * 수가 ("fee"), and a name's last syllable with a particle is often a noun. */
static int ko_compound_word(const char *w, size_t len)
{
    /* A noun of one syllable and one of three or more that hunspell-ko
     * gives as its own stem, with particles (길고양이, 길고양이가:
     * report-adv12g A-16; its name shape cut 길고양 from it). */
    for (size_t k = len; k >= 12; k -= 3)
        if ((k == len || word_particles(w + k, len - k)) && ko_noun(w + 3, k - 3) &&
            ko_noun(w, 3))
            return 1;
    /* Two nouns of two syllables or more that hunspell-ko gives as their
     * own stems, then particles (연장근로가, 연차휴가를: overtime work,
     * annual leave; brief s18 item 6, report-adv17a D-18).  A name has
     * three syllables, or a two-syllable surname (남궁) that is no noun;
     * but four syllables whose last is a particle are a name and it
     * (박명수가: 박명 and 수가 are nouns too, test_ordinary_ko). */
    int name_and_particle = len == 12 && word_particles(w + 9, 3);
    for (size_t k = 6; k + 6 <= len && !name_and_particle; k += 3)
        if (ko_noun(w, k))
            for (size_t m = len; m >= k + 6; m -= 3)
                if ((m == len || word_particles(w + m, len - m)) && ko_noun(w + k, m - k))
                    return 1;
    for (size_t k = 6; k + 3 <= len; k += 3) {
        if (ko_read(w, k) != KO_WORD)
            continue;
        if (len - k >= 6 && ko_read(w + k, len - k) == KO_WORD && ko_verb_stem(w + k, len - k))
            return 1;
        /* A verb's adnominal form, then a noun of two syllables or more
         * and particles (지난가을에: 지난 of 지나다 and 가을). */
        if (ko_adnominal(w, k) && ko_verb_stem(w, k))
            for (size_t m = len; m >= k + 6; m -= 3)
                if ((m == len || word_particles(w + m, len - m)) && ko_noun(w + k, m - k))
                    return 1;
        for (size_t i = 0; i < sizeof ko_bound / sizeof ko_bound[0]; i++)
            if (memcmp(w + k, ko_bound[i], 3) == 0 &&
                (len - k == 3 || word_particles(w + k + 3, len - k - 3)))
                return 1;
        if (redact_ko_noun_suffix(w + k, 3) &&
            (len - k == 3 || word_particles(w + k + 3, len - k - 3)) && ko_noun(w, k))
            return 1;
    }
    return 0;
}

/* 1 if w[0..len) is a noun hunspell-ko gives as its own stem, of one
 * syllable or more, then the plural 들 and particles (배들이, 차들을,
 * 배들과: boats, cars; report-adv19a N-8).  hunspell-ko 0.7.92 knows the
 * plural of most nouns (사람들이, 문들이) but not of 배 and 차, one-syllable
 * nouns that are also a verb's stem (배다, 차다: 배들이 is refused); and a
 * given name that starts with 들 is not in the name lists (data/gazetteer),
 * so a surname, 들 and a particle is no name shape (test_ordinary_ko). */
static int ko_plural_word(const char *w, size_t len)
{
    static const char plural[] = "\xeb\x93\xa4";         /* 들 */

    for (size_t k = 3; k + 3 <= len; k += 3)
        if (memcmp(w + k, plural, 3) == 0 &&
            (k + 3 == len || variants_ko_common_suffix(w + k + 3, len - k - 3)) && ko_noun(w, k))
            return 1;
    return 0;
}

/* Sino-Korean prefixes (접두사 of the Standard Korean Language Dictionary,
 * 표준국어대사전) that make a noun of the noun after them: 차(次) next, 준(準)
 * quasi, 비(非) non-, 반(反) anti-, 탈(脫) de-, 범(汎) pan-, 친(親) pro-, 초(超)
 * super-, 재(再) re-, 총(總) total, 부(副) vice-, 역(逆) reverse, 몰(沒)
 * lacking, 미(未) not yet, 무(無) without (차상위, 차순위, 반정부, 초고속:
 * report-adv19a N-8).  Only the first syllable of a Hangul word that is a
 * surname is asked (redact_flags.c, hangul_name_word), so the ones that
 * are not (준, 탈, 친...) never change a flag; left out on purpose are the
 * prefixes that are also common surnames (최 最, 신 新, 고 高, 전 前, 구 舊,
 * 현 現, 대 大, 소 小): a given name is often a noun too (지성, 은혜: 65 of
 * the 529 given names of data/gazetteer are nouns of hunspell-ko), and
 * 최지성 must stay a name shape. */
static const char *const ko_prefix[] = {
    "차", "준", "비", "반", "탈", "범", "친", "초", "재", "총", "부", "역", "몰", "미", "무",
};

/* 1 if w[0..len) is a prefix of ko_prefix, then a noun of two syllables or
 * more hunspell-ko gives as its own stem, then particles (차상위, 차순위는).
 * The name lists are asked by the caller: 차은혜 (은혜, a given name of the
 * lists) stays a name shape. */
static int ko_prefix_word(const char *w, size_t len)
{
    size_t i;

    for (i = 0; i < sizeof ko_prefix / sizeof ko_prefix[0]; i++)
        if (len >= 9 && memcmp(w, ko_prefix[i], 3) == 0)
            break;
    if (i == sizeof ko_prefix / sizeof ko_prefix[0])
        return 0;
    for (size_t m = len; m >= 9; m -= 3)
        if ((m == len || word_particles(w + m, len - m)) && ko_noun(w + 3, m - 3))
            return 1;
    return 0;
}

/* 1 if w[0..len) ends in a syllable with the final ㄴ, ㄹ or ㅁ of a verb's
 * adnominal or noun form, and the verb without it (with 다) is one
 * hunspell-ko knows: 정해진 of 정해지다, 갈 of 가다. */
static int ko_verb_form(const char *w, size_t len)
{
    int cp = len >= 6 ? syllable_at(w + len - 3, 3) : -1, fin;
    char buf[128];

    if (cp < 0 || len + 3 > sizeof buf)
        return 0;
    fin = (cp - 0xAC00) % 28;
    if (fin != 4 && fin != 8 && fin != 16)      /* ㄴ ㄹ ㅁ */
        return 0;
    memcpy(buf, w, len);
    put_syllable(buf + len - 3, cp - fin);
    memcpy(buf + len, "\xeb\x8b\xa4", 3);       /* 다 */
    return lexicon_word(LEXICON_KO, buf, len + 3) == 1;
}

int redact_ko_word_itself(const char *w, size_t len, size_t keep)
{
    char stems[512];
    int n;

    if (lexicon_word(LEXICON_KO, w, len) != 1)
        return 0;
    n = lexicon_stems(LEXICON_KO, w, len, stems, sizeof stems);
    for (const char *st = stems; n > 0; n--, st += strlen(st) + 1) {
        size_t k = strlen(st);
        if ((k > keep && k <= len && memcmp(st, w, k) == 0) ||
            (k >= 6 && memcmp(st + k - 3, "\xeb\x8b\xa4", 3) == 0))      /* 다 */
            return 1;
    }
    return 0;
}

int redact_ordinary_ko(const char *w, size_t len, int strict)
{
    enum ko_reading r = ko_read(w, len);

    if (ko_loanword(w, len) || r == KO_WORD)
        return 1;
    if (r == KO_OTHER)
        return !strict && !ko_listed(w, len);
    if (ko_word(w, len))
        return 1;
    /* For review flags only, and where the name lists know no name in the
     * word: the ways testimony is written that hunspell-ko does not know.
     * A registered name is read strictly: 정해진 is a name too, and a name
     * read as a word is replaced only where the context marks a name. */
    return !strict && !ko_listed(w, len) &&
           (ko_dialect_word(w, len) || ko_initial_rule_word(w, len) || ko_verb_form(w, len) ||
            ko_compound_word(w, len) || ko_plural_word(w, len) || ko_prefix_word(w, len));
}

int redact_ko_noun_suffix(const char *syl, size_t len)
{
    for (size_t i = 0; len == 3 && i < sizeof ko_noun_suffix / sizeof ko_noun_suffix[0]; i++)
        if (memcmp(syl, ko_noun_suffix[i], 3) == 0)
            return 1;
    return 0;
}
