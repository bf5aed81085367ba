/* Things named after a person's name (brief s53 over53, issues 12 and 13:
 * redaction that replaces the names of places, works and businesses
 * teaches interviewers to switch it off).  A registered person's form
 * where the words around it make it part of another thing's name: a
 * Korean place or structure (종수리 "Jongsu village", 영호 대교 "Yeongho
 * bridge"), a work's title ("the song Yong-ho Arirang", "Kim's
 * Convenience"), a business ("Chung Soo Restaurant"), or the name itself
 * spoken of as a name ("Yong-ho is a common name").  The verdict
 * (redact_hit_verdict) makes such a hit a review flag: the text is kept
 * and a person reads it once, as for a place of the world
 * (redact_sense_place.c).  The registered person still goes where a
 * person's particle follows (종수리에게: -에게 is said of the living
 * only) or where no such word stands beside the name.  The word lists are
 * written by us from Korean and English usage (the National Institute of
 * Korean Language's standard dictionary for the suffixes and particles);
 * they want a native reviewer, as data/nicknames does.  Pure functions
 * over the norm view; no allocation. */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"

/* Korean administrative and structure nouns written glued after a place's
 * name (리 village, 동 quarter, 시 city, 읍 town, 구 district, 역
 * station, 교 and 대교 bridge, 길 road, 산 mountain, 강 river, 섬
 * island, 마을 village, 터널, 저수지 reservoir, 광산 and 탄광 mine, 농장
 * farm).  Not 군 (county): 종수 군, 종수군 is also "young Jongsu", an
 * address; not 면 (township) nor 도 (province), which are endings (종수면
 * "if Jongsu", 종수도 "Jongsu too"); not 로 (road), the particle -로. */
static const char ko_place_nouns[] =
    "대교|저수지|터널|광산|탄광|농장|마을|리|동|시|읍|구|역|교|길|산|강|섬";

/* The same nouns written as a word of their own after the name (영호
 * 대교를): only those no ordinary noun after a person's name is (not 시
 * "poem", 산, 강, 길, 구). */
static const char ko_place_words[] = "대교|저수지|터널|광산|탄광|농장|마을|리|동|읍|역|교";

/* The particles a place takes (the standard dictionary's case and
 * auxiliary particles); no particle said of the living only (에게, 한테,
 * 께, 더러) nor a vocative (아, 야), nor an address (씨, 님): 종수리에게
 * is a person. */
static const char ko_place_particles[] =
    "에서부터|에서는|에서도|에서|에는|에도|으로|까지|부터|에|엔|의|은|는|이|가|을|를|로|도|와|과|쪽";

/* 1 if norm [p, e) is empty or exactly one particle of ko_place_particles. */
static int ko_particle_rest(const char *s, size_t p, size_t e)
{
    return p == e || redact_sense_is_one(s, p, e, ko_place_particles);
}

/* 1 if the Hangul after the hit ending at norm byte b of t is a place
 * noun and a place's particle at most (종수리, 종수리에서), or the next
 * word, over one space, is one (영호 대교를). */
static int ko_place(const struct normtext *t, size_t b)
{
    size_t e = redact_sense_run_end(t, b), rest, na, nb;
    const char *s = t->norm;

    if (b == 0 || !is_hangul_cp(redact_cp_before(s, b)))
        return 0;
    if (e > b)
        return redact_sense_starts_with(&rest, s, b, e, ko_place_nouns) && ko_particle_rest(s, rest, e);
    if (!redact_sense_next_word(&na, &nb, t, b, 0) || !is_hangul_cp(redact_cp_before(s, nb)))
        return 0;
    for (const char *list = ko_place_words; *list != '\0';) {
        const char *bar = strchr(list, '|');
        size_t k = bar != NULL ? (size_t)(bar - list) : strlen(list);
        if (k <= nb - na && memcmp(s + na, list, k) == 0 && ko_particle_rest(s, na + k, nb))
            return 1;
        list += k + (bar != NULL);
    }
    return 0;
}

/* The nouns of a work before its title ("the song Yong-ho Arirang", "the
 * drama ...", песня, фильм in their cases). */
static const char work_nouns[] =
    "song|songs|drama|film|movie|novel|book|series|show|poem|opera|play|album|painting|musical|"
    "sitcom|anthem|ballad|story|tale|documentary|cartoon|"
    "песня|песни|песню|песне|фильм|фильма|фильме|сериал|сериала|сериале|драма|драмы|драму|"
    "роман|романа|романе|книга|книги|книгу|книге|поэма|поэму|альбом|альбома";

/* The nouns a business or a building takes after its owner's or
 * founder's name, written with a capital (Chung Soo Restaurant, Kim
 * Trading, Park Hotel). */
static const char business_nouns[] =
    "restaurant|cafe|café|hotel|motel|inn|shop|store|stores|bakery|market|mart|supermarket|"
    "company|co|corp|corporation|ltd|inc|llc|trading|group|bank|hospital|clinic|pharmacy|"
    "school|academy|institute|university|college|church|temple|bridge|station|street|road|"
    "avenue|park|hall|building|tower|plaza|center|centre|farm|factory|mine|dam|stadium|"
    "airport|museum|library|foundation|prize|award|memorial|garden|gardens|brothers|bros";

/* The quote marks that open a title. */
static const char open_quotes[] = "\"|“|«|„|'|‘|「|『|《|〈";

/* The length of the opening quote mark that ends at norm byte a of t,
 * or 0. */
static size_t quote_before(const struct normtext *t, size_t a)
{
    for (size_t k = 1; k <= 3 && k <= a; k++)
        if (redact_sense_is_one(t->norm, a - k, a, open_quotes))
            return k;
    return 0;
}

/* 1 if the word after the word ending at e, over one space, starts with
 * a capital (a title or a business name goes on). */
static int capital_after(const struct normtext *t, size_t e, size_t *na, size_t *nb)
{
    return redact_sense_next_word(na, nb, t, e, 0) && redact_sense_upper(t, *na);
}

/* 1 if the hit [a, b) (its word ends at b, or its possessive 's does) is
 * a work's title or a business's name: its possessive before a word with
 * a capital ("Kim's Convenience"); a business's noun with a capital after
 * it; a work's noun before it, then a quote mark before it or a word with
 * a capital after it ("the song Yong-ho Arirang"). */
static int title_or_business(const struct normtext *t, size_t a, size_t b)
{
    size_t pa, pb, na, nb, q;

    if (b + 1 < t->normlen && t->norm[b] == '\'' && t->norm[b + 1] == 's')
        return capital_after(t, b + 2, &na, &nb) && !redact_sense_is_one(t->norm, na, nb, "i");
    if (b >= a + 3 && t->norm[b - 2] == '\'' && t->norm[b - 1] == 's')
        return capital_after(t, b, &na, &nb) && !redact_sense_is_one(t->norm, na, nb, "i");
    if (capital_after(t, b, &na, &nb) && redact_sense_is_one(t->norm, na, nb, business_nouns))
        return 1;
    q = a - quote_before(t, a);
    if (!redact_sense_prev_word(&pa, &pb, t, q) || !redact_sense_is_one(t->norm, pa, pb, work_nouns))
        return 0;
    return q < a || capital_after(t, b, &na, &nb);
}

/* The English copulas and the nouns that make a sentence about a name
 * ("Yong-ho is a common name", "Jong-su was a popular name"). */
static const char name_nouns[] = "name|names|surname|nickname|spelling";

/* 1 if "is"/"was", an article ("a", "the": a name among names, not "is
 * my name") and up to three more words in lower case then a noun of
 * name_nouns follow the hit ending at b. */
static int name_statement(const struct normtext *t, size_t b)
{
    size_t na, nb, e;

    if (!redact_sense_next_word(&na, &nb, t, b, 0) || !redact_sense_is_one(t->norm, na, nb, "is|was|remains"))
        return 0;
    if (!redact_sense_next_word(&na, &nb, t, nb, 0) || !redact_sense_is_one(t->norm, na, nb, "a|an|the"))
        return 0;
    e = nb;
    for (int w = 0; w < 4 && redact_sense_next_word(&na, &nb, t, e, 0) && redact_sense_lower(t, na); w++) {
        if (redact_sense_is_one(t->norm, na, nb, name_nouns))
            return 1;
        e = nb;
    }
    return 0;
}

int redact_sense_named_thing(const struct normtext *t, size_t a, size_t b)
{
    int cp;

    if (a >= b || b > t->normlen || (a > 0 && is_word_cp(redact_cp_before(t->norm, a))))
        return 0;
    if (ko_place(t, b))
        return 1;
    if (b < t->normlen && utf8_next(&cp, t->norm + b, t->normlen - b) > 0 && is_word_cp(cp))
        return 0;
    return title_or_business(t, a, b) || name_statement(t, b);
}

/* The bytes of the text either side of a near-name's word that
 * redact_sense_named_thing_near reads (a work's noun and a quote before,
 * up to six words after). */
#define NAMED_NEAR_SPAN 96

int redact_sense_named_thing_near(const char *s, size_t len, size_t a, size_t b)
{
    return redact_sense_window(s, len, a, b, NAMED_NEAR_SPAN, redact_sense_named_thing);
}
