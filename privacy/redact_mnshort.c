/* A Mongolian short form that is also a word, where the sentence is about
 * a person (brief s43 short43, report-adv42 L-24, L-25, L-60, L-61 and
 * its guards held by a flag).  Алтаа of Алтанцэцэг is also "his gold",
 * Цэцгээ "her flowers", Гэрлээ "your light": lit_form makes them a review
 * flag (the dictionary knows them).  Three things a word in the reflexive
 * possessive cannot do mark the person:
 *   - a case ending after the long vowel (Батаатай, Батаагийн, Алтаад,
 *     Гэрлээгийн): the reflexive ends a Mongolian word, so a case after it
 *     makes the long vowel a name's; but -д only where the dictionary does
 *     not know the whole word (гэрлээд "having married", a verb's converb;
 *     hunspell-mn also knows гэрлээтэй, which its affix rules make);
 *   - хоёр after it, alone or after a pronoun ("Алтаа бид хоёр", "Батаа,
 *     Доржоо хоёр": "X and I", "X and Y");
 *   - a verb only a person does within its clause, the form bare ("Батаа
 *     ирээгүй", "Алтаа ажилдаа явсан"): come, go, say, help, work, meet,
 *     wait, live, flee, die; not "sold", "lost", "took" (Алтаа зарсан is
 *     "sold his gold"), unless a bare noun of its own stands between, the
 *     object, which leaves the form the subject ("Цэцээ хоол өгсөн",
 *     Tsetsee gave food: brief s52 mong52, adv51 L-43).
 * Written with a capital, in Cyrillic or Latin (Altaa, Bataatai).  Verb
 * stems and endings from Mongolian grammar (past -сан/-сэн, non-past -на,
 * -лаа, negative -аагүй, converbs -ж, -аад), written by hand; a native
 * reviewer should check them. */
#include "privacy/redact.h"

#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"
#include "util/lexicon.h"

/* Long vowels that end a short form (Алтаа, Цэцгээ, Болдоо, Мөнхөө;
 * Latin aa, ee, oo). */
static const char *const long_vowels[] = { "аа", "ээ", "оо", "өө", "aa", "ee", "oo" };

/* Stems of verbs whose subject is a person (come, go, go to, return,
 * speak, say, help, work, meet, wait, live, run away, die, ask, call,
 * cry, laugh, marry), Cyrillic and their usual Latin spelling; тусл,
 * the help verb as speech contracts it (туслав, туслсан: report-adv44
 * L-52). */
static const char *const person_verbs[] = {
    "ир", "яв", "оч", "буц", "ярь", "ярил", "хэл", "тусал", "тусл", "ажилл", "уулз", "хүлээ",
    "амьдар", "зугт", "үхс", "асуу", "дууд", "уйл", "инээ", "гэрлэ",
    "ir", "yav", "och", "buts", "yari", "khel", "hel", "tusal", "ajill", "uulz", "khulee",
    "hulee", "amidar", "zugt", "asuu", "duud",
};

/* Endings of a finite verb or converb (past participle, non-past, past,
 * negative, converbs, habitual), Cyrillic and Latin. */
static const char *const verb_endings[] = {
    "сан", "сэн", "сон", "сөн", "на", "нэ", "но", "нө", "лаа", "лээ", "лоо", "лөө", "в",
    "аагүй", "ээгүй", "оогүй", "өөгүй", "хгүй", "ж", "ч", "аад", "ээд", "оод", "өөд", "даг",
    "дэг", "дог", "аа", "ээ", "оо", "өө", "сангүй", "сэнгүй",
    "san", "sen", "son", "na", "ne", "no", "laa", "lee", "loo", "v", "aagui", "eegui",
    "oogui", "j", "aad", "eed", "ood", "dag", "deg", "dog", "sangui", "sengui", "songui",
    "khgui", "hgui",
};

static int ends_with(const char *w, size_t n, const char *e)
{
    size_t k = strlen(e);

    return k <= n && memcmp(w + n - k, e, k) == 0;
}

/* Stems of verbs that take an object (give, take, do, eat, drink, cook,
 * write, read, bring, buy, sell), Cyrillic and Latin: they mark the
 * person only with their own object between (trans_with_object). */
static const char *const object_verbs[] = {
    "өг", "ав", "хий", "ид", "уу", "чан", "бич", "унш", "авчир", "худалд", "зар",
    "og", "ug", "av", "aw", "khii", "hii", "id", "uu", "bich", "unsh", "avchir", "zar",
};

/* Endings of a noun that is no bare object (a case, a reflexive long
 * vowel: хүүд, гэрт, ахаас, ээжтэй, хүүгээ, цагдаа), and the nouns of a
 * person that may be the subject themselves (ах өгсөн: "the brother
 * gave it"); Mongolian grammar, written by us. */
static const char *const not_bare[] = {
    "д", "т", "аа", "ээ", "оо", "өө", "аас", "ээс", "оос", "өөс", "тай", "тэй", "той",
    "ын", "ийн", "ны", "г", "ыг", "ийг", "р", "ээр", "аар",
    "d", "t", "aa", "ee", "oo", "tai", "tei", "toi", "iin", "iig", "aar", "eer",
};
static const char *const person_nouns[] = {
    "ах", "эгч", "ээж", "аав", "дүү", "хүн", "тэр", "би", "бид", "та", "хүү", "охин",
    "эмээ", "өвөө", "багш", "эмч", "найз", "эхнэр", "нөхөр", "хүүхэд",
    "akh", "ah", "egch", "eej", "aav", "duu", "khun", "hun", "ter", "bi", "bid", "ta",
};

/* The end of the first long vowel of long_vowels in norm [a, b) after
 * two letters at least (not a name's initials keyed as a word), else 0. */
static size_t long_vowel_end(const struct normtext *t, size_t a, size_t b)
{
    size_t p = a, letters = 0;
    int cp, k;

    for (; p < b; p += (size_t)k, letters++) {
        if (letters >= 2)
            for (size_t i = 0; i < sizeof long_vowels / sizeof long_vowels[0]; i++) {
                size_t n = strlen(long_vowels[i]);
                if (p + n <= b && memcmp(t->norm + p, long_vowels[i], n) == 0)
                    return p + n;
            }
        if ((k = utf8_next(&cp, t->norm + p, b - p)) <= 0)
            return 0;
    }
    return 0;
}

/* The word after norm byte p (a space, a comma and space, or nothing
 * between): its [*wa, *wb); 0 at a clause's end (any other mark). */
static int next_word(size_t *wa, size_t *wb, const struct normtext *t, size_t p, int comma)
{
    int cp, k;

    if (comma && p < t->normlen && t->norm[p] == ',')
        p++;
    if (p >= t->normlen || t->norm[p] != ' ')
        return 0;
    p++;
    *wa = p;
    while (p < t->normlen && (k = utf8_next(&cp, t->norm + p, t->normlen - p)) > 0 &&
           is_word_cp(cp))
        p += (size_t)k;
    *wb = p;
    return p > *wa;
}

static int word_eq(const struct normtext *t, size_t a, size_t b, const char *w)
{
    return strlen(w) == b - a && memcmp(t->norm + a, w, b - a) == 0;
}

/* 1 if the word norm [a, b) is a form of a person's verb. */
static int person_verb(const struct normtext *t, size_t a, size_t b)
{
    for (size_t i = 0; i < sizeof person_verbs / sizeof person_verbs[0]; i++) {
        size_t k = strlen(person_verbs[i]);
        if (k >= b - a || memcmp(t->norm + a, person_verbs[i], k) != 0)
            continue;
        for (size_t j = 0; j < sizeof verb_endings / sizeof verb_endings[0]; j++)
            if (ends_with(t->norm + a + k, b - a - k, verb_endings[j]))
                return 1;
    }
    return 0;
}

/* 1 if the word norm [a, b) is a form of a verb of object_verbs and the
 * word [oa, ob) before it a bare noun, no person's: "Цэцээ хоол өгсөн"
 * (Tsetsee gave food): a reflexive "his gold" would be the object
 * itself, with no second bare noun before the verb ("Алтаа өгсөн", gave
 * his gold; "Алтаа хүүд өгсөн", to his son).  Brief s52 mong52, adv51
 * L-43. */
static int object_verb_after_object(const struct normtext *t, size_t oa, size_t ob, size_t a,
                                    size_t b)
{
    size_t i, j, k;
    int hit = 0;

    for (i = 0; i < sizeof object_verbs / sizeof object_verbs[0] && !hit; i++) {
        k = strlen(object_verbs[i]);
        if (k >= b - a || memcmp(t->norm + a, object_verbs[i], k) != 0)
            continue;
        for (j = 0; j < sizeof verb_endings / sizeof verb_endings[0] && !hit; j++)
            hit = ends_with(t->norm + a + k, b - a - k, verb_endings[j]);
    }
    if (!hit || redact_upper_at(t, oa))
        return 0;
    for (i = 0; i < sizeof not_bare / sizeof not_bare[0]; i++)
        if (ends_with(t->norm + oa, ob - oa, not_bare[i]))
            return 0;
    for (i = 0; i < sizeof person_nouns / sizeof person_nouns[0]; i++)
        if (word_eq(t, oa, ob, person_nouns[i]))
            return 0;
    return 1;
}

/* 1 if хоёр (khoyor, hoyor) follows the form at norm b: next, after a
 * pronoun (бид, та, тэр), or after another capitalised word past a comma
 * ("Батаа, Доржоо хоёр"). */
static int two_after(const struct normtext *t, size_t b)
{
    static const char *const two[] = { "хоёр", "khoyor", "hoyor", "khoyr" };
    static const char *const pron[] = { "бид", "та", "тэр", "bid", "ta", "ter" };
    size_t wa, wb, xa, xb, i;

    if (!next_word(&wa, &wb, t, b, 1))
        return 0;
    for (i = 0; i < sizeof two / sizeof two[0]; i++)
        if (word_eq(t, wa, wb, two[i]))
            return t->norm[b] != ',';
    if (!next_word(&xa, &xb, t, wb, 0))
        return 0;
    for (i = 0; i < sizeof two / sizeof two[0]; i++)
        if (word_eq(t, xa, xb, two[i]))
            break;
    if (i == sizeof two / sizeof two[0])
        return 0;
    for (i = 0; i < sizeof pron / sizeof pron[0]; i++)
        if (word_eq(t, wa, wb, pron[i]))
            return t->norm[b] != ',';
    return t->norm[b] == ',' && redact_upper_at(t, wa);
}

/* 1 if the word right after norm byte b (one space between) is a
 * person's verb (person_verbs with verb_endings: "gerel irsengui"); not
 * one further on ("naran garch irlee", the sun came out).  Bytes of t's
 * norm view; keeps nothing. */
int redact_mn_person_verb_after(const struct normtext *t, size_t b)
{
    size_t wa, wb;

    return next_word(&wa, &wb, t, b, 0) && person_verb(t, wa, wb);
}

int redact_mn_short_person(const struct normtext *t, size_t a, size_t b)
{
    size_t v, wa, wb, p, oa = 0;
    int first, words, lang;

    if (b <= a || utf8_next(&first, t->norm + a, t->normlen - a) <= 0 ||
        !(is_cyrillic_cp(first) || (first >= 'a' && first <= 'z')) ||
        (v = long_vowel_end(t, a, b)) == 0)
        return 0;
    /* In lower case only chat Latin with a person's verb as the next
     * word ("boldoo irsen": brief s51 mong51, report-adv51 L-37); not
     * "даваа давж ирсэн" (crossed the pass and came), where the word
     * has its own verb. */
    if (!redact_upper_at(t, a))
        return first >= 'a' && first <= 'z' && v == b && next_word(&wa, &wb, t, b, 0) &&
               person_verb(t, wa, wb);
    /* A case ending after the long vowel; -д only where the dictionary
     * does not know the whole word (гэрлээд, a verb's converb). */
    if (v < b)
        return variant_suffix_ok(SUFFIX_MN_STEM, t->norm + v, b - v) &&
               !((b - v == 1 || (b - v == 2 && memcmp(t->norm + v, "д", 2) == 0)) &&
                 (lang = lexicon_lang_of(first)) >= 0 &&
                 lexicon_word((enum lexicon_lang)lang, t->norm + a, b - a) == 1);
    if (two_after(t, b))
        return 1;
    /* A person's verb within the clause: the next three words. */
    for (p = b, words = 0; words < 3 && next_word(&wa, &wb, t, p, 0); words++, p = wb) {
        if (person_verb(t, wa, wb))
            return 1;
        /* a verb with its own object just before it (Цэцээ хоол өгсөн) */
        if (words == 1 && object_verb_after_object(t, oa, p, wa, wb))
            return 1;
        oa = wa;
    }
    return 0;
}
