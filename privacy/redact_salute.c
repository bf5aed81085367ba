/* Russian and Ukrainian set phrases built on a name (redact_sense.h,
 * brief s32 set32, s33 sense33, s34 over34): the salute or thanks a given
 * name that is a word opens in the nominative, with nouns in the dative
 * or an abbreviation after it (Слава Украине!, Слава Иисусу Христу!, Слава
 * ЗСУ) or a dative before it (Героям слава!), to a clause's end; and the
 * feast days a saint's name gives by its possessive (Иванов день, Петров
 * пост, до Иванова дня).  Split from redact_sense.c, which asks these
 * rules among its others; the words are read by redact_sense_words.c.
 * Written by us from the languages' grammar; they want a native reviewer,
 * as data/nicknames does. */
#include <string.h>
#include <utf8proc.h>

#include "privacy/detect.h"
#include "privacy/flag_context.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"

/* Endings of the Russian and Ukrainian dative, singular and plural, of
 * nouns (Украине, Україні, богу, труду, родине, нации, нації, героям,
 * народам, батькові): from the declension tables of both languages'
 * grammars. */
static const char ru_dative_ends[] = "е|і|у|ю|ии|ії|ам|ям|ові|еві|єві";

/* Endings of Russian and Ukrainian verb forms (past, present, infinitive)
 * that a dative noun never has. */
static const char ru_verb_ends[] = "л|ла|ло|ли|лся|лась|лось|лись|ет|ёт|ит|ут|ют|ат|ят|ть|ти|ться|в";

/* 1 if the word-name norm [a, wend) (redact_sense_stem) is in the nominative,
 * as the word of a set phrase stands: its word ends in а, я or ь, or is
 * the stem alone (мир, любов). */
static int ru_nominative_of(const char *w, size_t n)
{
    return redact_sense_ends_with(w, 0, n, "а|я|ь") || redact_sense_is_one(w, 0, n, "мир|любов");
}

int redact_sense_nominative(const struct normtext *t, size_t a, size_t wend)
{
    return ru_nominative_of(t->norm + a, wend - a);
}

/* 1 if the word d[0..dn) (norm) may be a noun in the dative after a
 * word-name: four Cyrillic letters or more, a dative ending, no verb's
 * ending and no verb of flag_context. */
static int ru_dative_noun(const char *d, size_t dn)
{
    return dn >= 8 && (unsigned char)d[0] >= 0xD0 && (unsigned char)d[0] <= 0xD3 &&
           redact_sense_ends_with(d, 0, dn, ru_dative_ends) && !redact_sense_ends_with(d, 0, dn, ru_verb_ends) &&
           !flag_action_verb(d, dn) && !flag_speech_verb(d, dn);
}

/* 1 if the word-name w[0..wn) (norm), in the nominative, and the words
 * after it up to a clause's end, each a noun in the dative
 * (ru_dative_noun) or an abbreviation (abbrev: ЗСУ, КПСС, which do not
 * decline), are the word's salute or thanks (Слава Украине!, Слава
 * Україні!, Слава богу, Слава труду!, Слава героям!, Слава Иисусу
 * Христу!, Слава ЗСУ; brief s32 set32 and s33 sense33, report-adv31 O-1,
 * report-adv32 O-5), where a name has a verb ("Слава маме позвонил") or a
 * surname in the nominative after it (Слава Петров). */
static int ru_salute(const char *w, size_t wn, const char *d, size_t dn, int abbrev)
{
    return redact_sense_stem_of(w, wn) && ru_nominative_of(w, wn) && (abbrev || ru_dative_noun(d, dn));
}

/* 1 if the word at norm [a, b) is written as an abbreviation: two to
 * six Cyrillic letters, every one a capital (ЗСУ, КПСС, ВСУ). */
static int written_abbrev(const struct normtext *t, size_t a, size_t b)
{
    size_t n = 0;
    int cp, k;

    for (size_t p = a; p < b; p += (size_t)k, n++)
        if ((k = utf8_next(&cp, t->norm + p, b - p)) <= 0 || cp < 0x400 || cp > 0x4FF || !redact_sense_upper(t, p))
            return 0;
    return n >= 2 && n <= 6;
}

/* 1 if the raw word d[0..dn) is written as an abbreviation, as
 * written_abbrev reads one in the text. */
static int raw_abbrev(const char *d, size_t dn)
{
    size_t n = 0;
    int cp, k;

    for (size_t p = 0; p < dn; p += (size_t)k, n++)
        if ((k = utf8_next(&cp, d + p, dn - p)) <= 0 || cp < 0x400 || cp > 0x4FF ||
            utf8proc_toupper(cp) != cp || utf8proc_tolower(cp) == cp)
            return 0;
    return n >= 2 && n <= 6;
}

/* 1 if s[p..len) ends a line: spaces, tabs and '\r' to a line break or
 * the end, and after the break no letter in lower case (a line wrapped
 * mid-sentence goes on in lower case: "Слава Богу\n" ends one, "Слава
 * Орлову\nпозвонил" does not). */
static int raw_line_end(const char *s, size_t len, size_t p)
{
    int cp;

    while (p < len && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r'))
        p++;
    if (p == len)
        return 1;
    if (s[p] != '\n')
        return 0;
    while (p < len && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r' || s[p] == '\n'))
        p++;
    return p == len || utf8_next(&cp, s + p, len - p) <= 0 || utf8proc_toupper(cp) == cp;
}

int redact_sense_clause_end(const char *s, size_t len, size_t p)
{
    int cp;

    if (p >= detect_text_end(s, len))
        return 1;
    /* A punctuation mark or a symbol that does not open something (a
     * bracket or an initial quote opens: Ps, Pi). */
    if (redact_clause_mark(s, len, p) > 0 && utf8_next(&cp, s + p, len - p) > 0 &&
        utf8proc_category(cp) != UTF8PROC_CATEGORY_PS && utf8proc_category(cp) != UTF8PROC_CATEGORY_PI)
        return 1;
    return raw_line_end(s, len, p);
}

/* redact_sense_clause_end at norm byte p of t, the line's end read in
 * the original text (the norm view writes a line break as a space and
 * every letter in lower case). */
static int clause_end_at(const struct normtext *t, size_t p)
{
    if (p >= t->normlen)
        return 1;
    if (t->norm[p] == ' ') {
        size_t o = t->ostart[p];
        return raw_line_end(t->orig, t->inlen, o);
    }
    return redact_sense_clause_end(t->norm, t->normlen, p);
}

#define SALUTE_WORDS 3          /* dative words read after the word-name */
#define SALUTE_WORD_MAX 64      /* bytes of a word read in lower case */

/* The raw word s[a, b) in lower case into out[0..SALUTE_WORD_MAX): its
 * length, or 0 if longer.  The norm view folds a Cyrillic word of letters
 * shaped as Latin ones into Latin (Ісусу is "icycy"): the salute reads
 * the letters as written. */
static size_t lower_word(char *out, const char *s, size_t a, size_t b)
{
    size_t n = 0;
    int cp, k;
    utf8proc_uint8_t u[4];

    for (size_t p = a; p < b; p += (size_t)k) {
        utf8proc_ssize_t m;
        if ((k = utf8_next(&cp, s + p, b - p)) <= 0)
            return 0;
        m = utf8proc_encode_char(utf8proc_tolower(cp), u);
        if (m <= 0 || n + (size_t)m > SALUTE_WORD_MAX)
            return 0;
        memcpy(out + n, u, (size_t)m);
        n += (size_t)m;
    }
    return n;
}

/* 1 if the word of norm [na, nb), read as written (lower_word), is a
 * dative after the word-name w[0..wn) in a salute. */
static int salute_word(const struct normtext *t, const char *w, size_t wn, size_t na, size_t nb)
{
    char d[SALUTE_WORD_MAX];
    size_t o = t->ostart[na], dn = lower_word(d, t->orig, o, normtext_oend(t, nb - 1));

    return dn > 0 && ru_salute(w, wn, d, dn, written_abbrev(t, na, nb));
}

int redact_sense_dative_phrase(const struct normtext *t, size_t a, size_t wend)
{
    size_t na, nb, e = wend;

    if (!redact_sense_stem(t, a, wend) || !redact_sense_nominative(t, a, wend))
        return 0;
    for (int words = 0; words < SALUTE_WORDS && redact_sense_next_word(&na, &nb, t, e, 0); words++, e = nb) {
        if (!salute_word(t, t->norm + a, wend - a, na, nb))
            return 0;
        if (clause_end_at(t, nb))
            return 1;
    }
    return 0;
}

/* The end of the word of letters from byte p of s[0..len). */
static size_t raw_word_end(const char *s, size_t len, size_t p)
{
    int cp, k;

    while (p < len && (k = utf8_next(&cp, s + p, len - p)) > 0 && is_word_cp(cp))
        p += (size_t)k;
    return p;
}

/* 1 if the word-name [a, wend), in the nominative, ends its clause
 * after a dative that opens it: the salute with the dative first
 * ("Героям слава!", "Україні слава!"). */
int redact_sense_dative_before(const struct normtext *t, size_t a, size_t wend)
{
    size_t pa, pb;

    if (!redact_sense_stem(t, a, wend) || !redact_sense_nominative(t, a, wend) || !clause_end_at(t, wend) ||
        !redact_sense_prev_word(&pa, &pb, t, a) || !salute_word(t, t->norm + a, wend - a, pa, pb))
        return 0;
    return pa == 0 || (pa >= 2 && t->norm[pa - 1] == ' ' && strchr(".!?:;,\"'(-", t->norm[pa - 2]) != NULL);
}

size_t redact_sense_salute_end(const char *s, size_t len, size_t a, size_t b)
{
    char w[SALUTE_WORD_MAX], d[SALUTE_WORD_MAX];
    size_t wn = lower_word(w, s, a, b), e = b, na, nb, dn;

    if (wn == 0 || !redact_sense_stem_of(w, wn) || !ru_nominative_of(w, wn))
        return 0;
    for (int words = 0; words < SALUTE_WORDS; words++, e = nb) {
        if (e + 1 >= len || s[e] != ' ')
            return 0;
        na = e + 1, nb = raw_word_end(s, len, na);
        if (nb == na || (dn = lower_word(d, s, na, nb)) == 0 ||
            !ru_salute(w, wn, d, dn, raw_abbrev(s + na, nb - na)))
            return 0;
        if (redact_sense_clause_end(s, len, nb))
            return nb;
    }
    return 0;
}

/* Feast days and fasts a saint's name gives by its possessive adjective
 * (Иванов день, Петров день, Татьянин день, Ильин день, Юрьев день,
 * Петров пост; Ukrainian Іванів день, Юріїв день): a set phrase, not the
 * person (brief s34 over34, report-adv33 O-17, O-24, O-27).  Each row: the
 * possessive's endings in one case (a short adjective's: Иванова дня,
 * Иванову дню, Ивановым днём, о Петровом дне), the nouns in that case,
 * from the grammars and the church calendar's usage, and the prepositions
 * that must come before an oblique case: Иванова, Иванову are the
 * surname's own forms too ("Иванова дня три не было"), and a preposition
 * before them governs the phrase ("до Иванова дня"). */
static const struct {
    const char *ends, *nouns, *preps;
} ru_feasts[] = {
    { "ов|ев|ёв|ин|ын|ів|їв|єв", "день|пост|вечер", NULL },
    { "ова|ева|ёва|ина|ына|ового|євого", "дня|поста|вечера",
      "до|с|со|от|после|накануне|около|кроме|від|після|напередодні" },
    { "ову|еву|ёву|ину|ыну|овому", "дню|посту|вечеру", "к|ко|по" },
    { "овым|евым|ёвым|иным|овим|евим|їним|иним", "днём|днем|постом|вечером",
      "перед|за|с|со|между|під|між" },
    { "овом|евом|ином|овому", "дне|посте|вечере|дні", "в|во|о|об|на|при|у" },
};

/* 1 if the word from norm byte a, a possessive of a name (two letters
 * or more before the ending), and the next word are a feast of ru_feasts
 * in one case. */
static int ru_feast_at(const struct normtext *t, size_t a, size_t wend)
{
    size_t na, nb, pa, pb;

    if (wend - a < 8 || !redact_sense_next_word(&na, &nb, t, wend, 0))
        return 0;
    for (size_t i = 0; i < sizeof ru_feasts / sizeof ru_feasts[0]; i++)
        if (redact_sense_ends_with(t->norm, a + 4, wend, ru_feasts[i].ends) &&
            redact_sense_is_one(t->norm, na, nb, ru_feasts[i].nouns))
            return ru_feasts[i].preps == NULL ||
                   (redact_sense_prev_word(&pa, &pb, t, a) && redact_sense_is_one(t->norm, pa, pb, ru_feasts[i].preps));
    return 0;
}

int redact_sense_feast(const struct normtext *t, size_t a, size_t b)
{
    int first;

    if (a >= b || b > t->normlen || utf8_next(&first, t->norm + a, t->normlen - a) <= 0 ||
        first < 0x400 || first > 0x52F || (a > 0 && is_word_cp(redact_cp_before(t->norm, a))))
        return 0;
    return ru_feast_at(t, a, redact_sense_run_end(t, b));
}
