/* The second opinion's reading of a gazetteer hit as ordinary words
 * (issue 13, report-adv16a A-12): the lists hold names that are also
 * words (шинэ "new", Цэцэг, Sort, 하나), and a name is told from the word
 * by the same dictionaries the redactor's review flags ask (hunspell-ko,
 * hunspell-mn, hunspell-en-us via util/lexicon.h and
 * redactor_ordinary_word), and by the capital a name takes in Latin and
 * Cyrillic text where no sentence gives one. */
#include <string.h>

#include "export/audit_int.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/variants.h"
#include "util/lexicon.h"

#define WORD_MAX 100

/* The code point ending just before t[at] and its start in *from; -1 at
 * the text's start. */
static int cp_before(const char *t, size_t at, size_t *from)
{
    size_t i = at;
    int cp;

    if (at == 0)
        return -1;
    while (--i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80)
        ;
    if (utf8_next(&cp, t + i, at - i) <= 0)
        return -1;
    *from = i;
    return cp;
}

/* 1 if t[at] starts a sentence: the text's start, or only spaces, quotes
 * and brackets between it and a line break or a sentence's stop (. ! ? …
 * : ; and the full stops of CJK text). */
static int sentence_start(const char *t, size_t at)
{
    size_t from;
    int cp;

    for (;;) {
        if ((cp = cp_before(t, at, &from)) < 0)
            return 1;
        if (cp == ' ' || cp == '\t' || cp == '"' || cp == '\'' || cp == '(' || cp == '[' ||
            cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == 0x2014 || cp == '-' || cp == 0xA0) {
            at = from;
            continue;
        }
        return cp == '\n' || cp == '\r' || cp == '.' || cp == '!' || cp == '?' || cp == ':' ||
               cp == ';' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
    }
}

/* 1 if the Hangul word w[0..len) is ordinary: the review flags' reading
 * (redactor_ordinary_word), or an ordinary word of two syllables or more
 * with particles after it (하나뿐이어서: 하나 "one" and 뿐이어서). */
static int ordinary_hangul(const char *w, size_t len)
{
    size_t at = 0, syl = 0;
    int cp, k;

    if (redactor_ordinary_word(w, len))
        return 1;
    while (at < len && (k = utf8_next(&cp, w + at, len - at)) > 0 && is_hangul_cp(cp)) {
        at += (size_t)k, syl++;
        if (syl >= 2 && at < len && variant_suffix_ok(SUFFIX_KO, w + at, len - at) &&
            redactor_ordinary_word(w, at))
            return 1;
    }
    return 0;
}

/* 1 if the word t[a, b) is ordinary where it stands; first: the first
 * word of a hit of more than one word. */
static int ordinary_at(const char *t, size_t a, size_t b, int first, int words)
{
    int cp, lang;

    if (b <= a || b - a > WORD_MAX || utf8_next(&cp, t + a, b - a) <= 0)
        return 0;
    if (is_hangul_cp(cp)) {
        /* "해 준다" is two words; "김 철수" a surname and a given name. */
        if (words > 1 && first && utf8_next(&cp, t + a, b - a) == (int)(b - a) &&
            variants_is_surname(t + a, b - a))
            return 0;
        return ordinary_hangul(t + a, b - a);
    }
    if ((lang = lexicon_lang_of(cp)) < 0)
        return 0;
    if (!normalise_is_upper(cp)) {
        /* A Latin name is written with a capital: "bodies", "as an". */
        if (lang == LEXICON_EN)
            return 1;
        return lexicon_word((enum lexicon_lang)lang, t + a, b - a) == 1;
    }
    /* A capital a sentence gives (Шинэ журам, Sort of, Цагаач ажилчид):
     * the word the dictionary knows, not a name's. */
    return sentence_start(t, a) && lexicon_word((enum lexicon_lang)lang, t + a, b - a) == 1;
}

int audit_opinion_ordinary(const char *t, size_t len, size_t start, size_t end)
{
    size_t a = start, b, n = 0, at;

    int cp, k;

    if (end <= start || end > len)
        return 0;
    for (at = start; at < end; at += (size_t)k) {
        if ((k = utf8_next(&cp, t + at, end - at)) <= 0)
            return 0;
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0)
            n++;
    }
    n++;                        /* words, at most */
    for (; a < end; a = b) {
        while (a < end && (t[a] == ' ' || t[a] == '\t' || t[a] == '\n' || t[a] == '\r'))
            a++;
        for (b = a; b < end && t[b] != ' ' && t[b] != '\t' && t[b] != '\n' && t[b] != '\r'; b++)
            ;
        if (b > a && !ordinary_at(t, a, b, a == start, (int)n))
            return 0;
    }
    return 1;
}
