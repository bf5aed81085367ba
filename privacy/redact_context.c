/* The words around a hit that mark a name or an ordinary word (titles,
 * words of address, verbs of a person, the words around a month or a
 * day, Korean vocatives), and the verdict they give a hit the hit rules accepted (redact_hits.c):
 * a replacement, a review flag or nothing (docs/VARIANTS.md).  Moved out
 * of redact_hits.c, which calls down into this file and never back; the
 * capital and sentence-start tests and the word view are in
 * redact_wordview.c, below this file and the initials reader. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "privacy/flag_attrib.h"
#include "privacy/flag_context.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/common_words.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"
#include "privacy/variants.h"
#include "privacy/detect_int.h"
#include "util/lexicon.h"


/* Words of address written as the next word after a name: the Korean
 * ones are variants_suffix.c's (KO_MARK_APART, one table); here the
 * Mongolian words of kinship and address after a name (Дорж гуай, Алтаа
 * эгч, Болд ах, Цэцэг багш: report adv12 A-19; the same words as
 * flag_context.c's): they mark a name at a text's start too. */
static const char *const address_after[] = {
    "гуай", "эгч", "ах", "дүү", "багш", "авга",
};

/* 1 if norm [wa, wb) of t is a word of address written after a name:
 * address_after's or a Korean one (variants_ko_mark_word), with endings. */
static int address_word(const struct normtext *t, size_t wa, size_t wb)
{
    return redact_word_is(t, wa, wb, address_after, sizeof address_after / sizeof address_after[0], 1) ||
           variants_ko_mark_word(t->norm + wa, wb - wa, KO_MARK_APART, 1);
}

/* The Mongolian ones of address_after in their everyday Latin spellings
 * (variants_mn_everyday.c: kh, h and x for х; "bold ah", "tseegii
 * egch": brief s51 mong51, report-adv51 L-2, L-35, L-68, L-70): read
 * after a name in lower case only (redact_address_after). */
static const char *const address_after_latin[] = {
    "ah", "akh", "ax", "egch", "egchi", "duu", "guai", "guay", "bagsh", "avga",
};

/* 1 if the word right after norm byte b (one space between) is a word of
 * address of address_after, with its endings ("болд ах", "bold ah",
 * "tseegii egch", "Дорж гуайд").  Units: bytes of t's norm view. */
int redact_address_after(const struct normtext *t, size_t b)
{
    size_t wa, wb;

    return redact_word_after(&wa, &wb, t, b) &&
           (address_word(t, wa, wb) ||
            redact_word_is(t, wa, wb, address_after_latin,
                           sizeof address_after_latin / sizeof address_after_latin[0], 1));
}

/* Russian, Ukrainian and Belarusian nouns of kin and home written after
 * a possessive adjective of a name ("Талин брат", "Талина хата": brief
 * s25 slav25 A-15): they mark the Cyrillic word before them as a name
 * (a form that is also a word, Талина, is then a review flag).  Written
 * by us from the languages' grammar (the common cases). */
static const char *const kin_after[] = {
    "брат", "брата", "брату", "братові", "сестра", "сестру", "сестри", "сестры",
    "мати", "матір", "мама", "маму", "мамы", "мами", "маці", "отец", "отца", "батько",
    "батька", "бацька", "тато", "хата", "хату", "хати", "хаты", "дім", "дом", "дома",
    "муж", "мужа", "чоловік", "жена", "жінка", "дружина", "сын", "сына", "син", "сина",
    "дочка", "донька", "дочь", "діти", "дети", "дзеці",
};


/* 1 if the letter first at norm byte a of t has cases and is written in
 * lower case. */
static int written_lower_at(const struct normtext *t, size_t a, int first)
{
    return utf8proc_toupper(first) != utf8proc_tolower(first) && !redact_upper_at(t, a);
}

/* Words before a month or a day that mark it as the word ("in May", "last
 * Sunday"), and words after it ("May 5" is a digit; "Даваа гарагт"). */
static const char *const common_before[] = {
    "in", "on", "of", "since", "until", "till", "by", "from", "to", "during", "last",
    "next", "this", "that", "early", "late", "mid", "every", "each", "before", "after",
    "through", "all", "the", "a",
};
static const char *const common_after[] = { "гараг", "гарагт", "гарагийн", "сар", "сарын" };

/* 1 if the words around the hit [a, b) mark a month, a day or a function
 * word as the word: one of common_before right before it, a number or
 * one of common_after right after it. */
static int word_context(const struct normtext *t, size_t a, size_t b)
{
    size_t wa, wb;

    if (redact_word_before(&wa, &wb, t, a) &&
        redact_word_is(t, wa, wb, common_before, sizeof common_before / sizeof common_before[0], 0))
        return 1;
    if (!redact_word_after(&wa, &wb, t, b))
        return 0;
    return (t->norm[wa] >= '0' && t->norm[wa] <= '9') ||
           redact_word_is(t, wa, wb, common_after, sizeof common_after / sizeof common_after[0], 0);
}

/* 1 if the word at norm [wa, wb) of t, written apart after a name, is a
 * Korean word of address or title: in Hangul with its particles
 * (variants_ko_marks_name: "김 지배인이", "김 동지가"), or in Latin one of
 * flag_address_romanised's written apart ("Kim tongji", "Kim dongmu":
 * report-adv51 L-42). */
static int ko_title_word(const struct normtext *t, size_t wa, size_t wb)
{
    int cp;

    if (utf8_next(&cp, t->norm + wa, wb - wa) > 0 && is_hangul_cp(cp))
        return variants_ko_marks_name(t->norm + wa, wb - wa);
    return flag_address_romanised(t->norm + wa, wb - wa, 1);
}

/* 1 if the word starting at norm byte p (after a hyphen) is one of
 * flag_address_romanised's, written to its end. */
static int romanised_address(const struct normtext *t, size_t p)
{
    size_t e = p;

    while (e < t->normlen && t->norm[e] >= 'a' && t->norm[e] <= 'z')
        e++;
    if (e == p || (e < t->normlen && is_word_cp(redact_cp_before(t->norm, e + 1)) &&
                   (unsigned char)t->norm[e] >= 0x80))
        return 0;
    return flag_address_romanised(t->norm + p, e - p, 0);
}

/* 1 if Hangul glued after a name written in other letters, ending at norm
 * byte b, marks a name (report-adv12e F15: "Min이가", "Min이랑", "Min씨가"):
 * a word of address (variants_ko_marks_name), or the suffix 이 a name
 * ending in a consonant is called with, alone or with particles. */
static int ko_marks_after_latin(const struct normtext *t, size_t b)
{
    size_t e = b;
    int cp, k;

    while (e < t->normlen && (k = utf8_next(&cp, t->norm + e, t->normlen - e)) > 0 &&
           is_hangul_cp(cp))
        e += (size_t)k;
    if (e == b)
        return 0;
    if (variants_ko_marks_name(t->norm + b, e - b))
        return 1;
    return memcmp(t->norm + b, "\xec\x9d\xb4", 3) == 0 &&
           (e == b + 3 || variant_suffix_ok(SUFFIX_KO, t->norm + b + 3, e - b - 3));
}

/* 1 if rest (the Hangul after a name-shaped word ending in syllable last,
 * to the word's end) is the name-only suffix 이 followed by a particle
 * (하늘이가, 보람이는, 하늘이한테; report adv12 A-21): after a final
 * consonant, 이 + 가/는/를... is how a person is called; a noun takes the
 * particle alone (하늘이 맑다, 하늘을), and 이다, 이야, 이고 are the copula. */
static int hypocoristic_i(int last, const char *rest, size_t n)
{
    static const char *const after[] = {
        "가", "는", "를", "도", "랑", "한테", "한테서", "에게", "에게서", "하고", "께서", "만",
    };

    if (last < 0xAC00 || last > 0xD7A3 || (last - 0xAC00) % 28 == 0 || n <= 3 ||
        memcmp(rest, "이", 3) != 0)
        return 0;
    for (size_t i = 0; i < sizeof after / sizeof after[0]; i++) {
        size_t k = strlen(after[i]);
        if (k <= n - 3 && memcmp(rest + 3, after[i], k) == 0 &&
            (k == n - 3 || variant_suffix_ok(SUFFIX_KO, rest + 3 + k, n - 3 - k)))
            return 1;
    }
    return 0;
}

/* 1 if the Hangul after a person's name [a, b) to its word's end wend is
 * a particle chain with an entry that follows a person (순자네, 순자님께서,
 * 순자랑, 순자한테는: variants_ko_person_chain; report-adv15 R-1), unless
 * the name and 님 make a word of its own (하나님께서). */
static int person_chain(const struct normtext *t, size_t a, size_t b, size_t wend)
{
    if (!variants_ko_person_chain(t->norm + b, wend - b))
        return 0;
    return !(wend - b >= 3 && memcmp(t->norm + b, "\xeb\x8b\x98", 3) == 0 &&     /* 님 */
             redact_ko_own_word(t->norm + a, b + 3 - a));
}

/* 1 if the hit [a, b) is a word of ASCII letters written all in
 * capitals that the English dictionary knows as an acronym (IBAN, ICAO:
 * lexicon_acronym): its capitals mark no name (brief s19 num19, R-8). */
static int acronym_at(const struct normtext *t, size_t a, size_t b)
{
    if (b - a < 2 || b - a > 12 || (b < t->normlen && det_alpha(t->norm[b])) ||
        (a > 0 && det_alpha(t->norm[a - 1])))
        return 0;
    for (size_t p = a; p < b; p++)
        if (!det_alpha(t->norm[p]) || !redact_upper_at(t, p))
            return 0;
    return lexicon_acronym(LEXICON_EN, t->norm + a, b - a) == 1;
}

/* 1 if the context of the hit [a, b) (norm bytes; the rest of its word
 * up to wend) marks a name rather than an ordinary word: written with a
 * capital not at a sentence's start, a title before it, a word of address
 * or a verb of verbs_after (redact_wordview.c) after it (in its word or as the next word), or
 * a Korean vocative.  For a month, a day or a function word (common), the
 * words around it that mark the word (word_context) come first. */
/* 1 if a name written in katakana or Han ending at norm byte b is
 * followed, glued as these languages write, by a Japanese honorific
 * (マークさん, ビル氏) or a Chinese title or verb of saying (马克先生, 彼得说):
 * the context that marks a person's name in Japanese and Chinese (brief
 * s24 attr24; the words as the author knows them: they want a native
 * reviewer, as data/nicknames/kana_cjk.txt does). */
static int ja_zh_marks_after(const struct normtext *t, int last, size_t b)
{
    static const char *const marks[] = {
        "さん", "様", "さま", "氏", "君", "くん", "ちゃん", "先生", "女士", "小姐",
        "太太", "夫人", "说", "說", "告诉", "告訴", "は言った", "が言った",
    };

    if (!is_han_cp(last) && !(last >= 0x30A1 && last <= 0x30FA))
        return 0;
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t n = strlen(marks[i]);
        if (b + n <= t->normlen && memcmp(t->norm + b, marks[i], n) == 0)
            return 1;
    }
    return 0;
}

static int name_context(const struct normtext *t, size_t a, size_t b, int common, int person)
{
    size_t wa, wb, wend;
    int first, last;

    if (common && word_context(t, a, b))
        return 0;
    (void)utf8_next(&first, t->norm + a, t->normlen - a);
    if (utf8proc_toupper(first) != utf8proc_tolower(first) && redact_upper_at(t, a) &&
        !redact_sentence_start(t, a) && !acronym_at(t, a, b) && !redact_sense_phrase(t, a, b))
        return 1;
    if (redact_word_before(&wa, &wb, t, a) &&
        redact_is_title(t, wa, wb))
        return 1;
    if (redact_sense_name(t, a, b))
        return 1;
    /* Digits glued right after a name that is also a word ("Болд99112233
     * руу залга", "Bold99"): a handle or a phone written onto the name,
     * not the word (report-adv19b B-15); the hit may hold them. */
    for (size_t p = a + 1; p <= b && p < t->normlen; p++)
        if (t->norm[p] >= '0' && t->norm[p] <= '9')
            return 1;
    last = redact_cp_before(t->norm, b);
    wend = redact_word_end(t->norm, t->normlen, b, last);
    if (is_hangul_cp(last) && variants_ko_marks_name(t->norm + b, wend - b))
        return 1;
    if (is_hangul_cp(last) && hypocoristic_i(last, t->norm + b, wend - b))
        return 1;
    if (person && is_hangul_cp(last) && person_chain(t, a, b, wend))
        return 1;
    if (!is_hangul_cp(last) && ko_marks_after_latin(t, b))
        return 1;
    if (ja_zh_marks_after(t, last, b))
        return 1;
    if (b + 1 < t->normlen && t->norm[b] == '-' && romanised_address(t, b + 1))
        return 1;
    return wend == b && redact_word_after(&wa, &wb, t, b) &&
           (address_word(t, wa, wb) || ko_title_word(t, wa, wb) ||
            /* A Cyrillic word with a capital before a Russian or Ukrainian
             * verb a person does (flag_context.c's table, which the
             * context-name flag reads: "Вера плакала", "Слава загинув"),
             * even at a sentence's start (report-adv34, adv33 L-40). */
            (first >= 0x400 && first <= 0x52F && redact_upper_at(t, a) &&
             flag_slavic_verb(t->norm + wa, wb - wa)) ||
            (redact_is_verb_after(t, wa, wb) &&
             !(written_lower_at(t, a, first) &&
               redact_is_copula(t, wa, wb))) ||
            (first >= 0x400 && first <= 0x52F &&
             redact_word_is(t, wa, wb, kin_after, sizeof kin_after / sizeof kin_after[0], 0)));
}

/* 1 if a hit of form f at [a, b) is a review flag, not a replacement: a
 * short form, or a name that is also a word where the context does not
 * mark a name.  A place that is also a word (Мөрөн, Дархан, Урга) written
 * with a capital is the place even at a sentence's start: only "мөрөн"
 * (river), "дархан" (craftsman) are flagged (report adv12c L15); so is a
 * term of any other category (Sunrise, Hope: report-adv16a A-13). */
static int hit_is_flag(const struct normtext *t, const struct redact_form *f, size_t a, size_t b)
{
    int first;

    if (f->kind == FORM_SHORT || f->kind == FORM_CONTEXT)
        return 1;
    if (f->kind != FORM_WORD && f->kind != FORM_COMMON)
        return 0;
    (void)utf8_next(&first, t->norm + a, t->normlen - a);
    if (!f->person && utf8proc_toupper(first) != utf8proc_tolower(first) && redact_upper_at(t, a))
        return 0;
    /* A term that is a word (no digit in it: one_word) glued to digits
     * ("kestrel88", "75sunrise") is a handle or a login, not the word
     * (report-adv16a A-9). */
    for (size_t p = a; !f->person && p < b; p++)
        if (t->norm[p] >= '0' && t->norm[p] <= '9')
            return 0;
    return !name_context(t, a, b, f->kind == FORM_COMMON, f->person);
}

/* 1 if the two letters at norm [a, b) stand before a number or an address
 * (the next word starts with a digit, or is one of the words below, or is
 * its placeholder in the re-scan: "IP [IP-1]", session 17): an acronym (IP
 * 192.168.1.1, ID 4471, UB 5, IP address), not the initials of a registered
 * name (report-adv15 R-17; docs/VARIANTS.md).  Initials with stops or spaces (I.P., I P) are read as before. */
static int acronym_before_number(const struct normtext *t, size_t a, size_t b)
{
    static const char *const words[] = { "address", "addresses", "number", "no", "card", "code",
                                         "адрес", "хаяг", "дугаар", "номер", "주소", "번호" };
    size_t wa, wb, o = b + 1 < t->normlen ? t->ostart[b + 1] : t->inlen;

    if (b - a != 2 || !redact_word_after(&wa, &wb, t, b))
        return b - a == 2 && o + 1 < t->inlen && t->norm[b] == ' ' && t->orig[o] == '[' && t->orig[o + 1] >= 'A' && t->orig[o + 1] <= 'Z';
    return (t->norm[wa] >= '0' && t->norm[wa] <= '9') ||
           redact_word_is(t, wa, wb, words, sizeof words / sizeof words[0], 1);
}

/* 1 if the word at norm [a, b), written with a capital at a sentence's
 * start, is a sentence alone or a vocative: a punctuation mark or a
 * symbol right after it, or nothing but them to its line's end
 * (redact_alone_at: "Алтаа.", "Алтаа, наашаа ир!", "Энхээ!", "Алтаа:";
 * report-adv19a N-3, report-adv34), the place a short form is most used
 * in dialogue; else 0. */
static int alone_or_vocative(const struct normtext *t, size_t a, size_t b)
{
    int first;

    (void)utf8_next(&first, t->norm + a, t->normlen - a);
    return redact_alone_at(t, b) &&
           utf8proc_toupper(first) != utf8proc_tolower(first) && redact_upper_at(t, a) &&
           redact_sentence_start(t, a);
}

int redact_lower_vocative(const struct normtext *t, const struct redact_form *f, size_t a,
                          size_t b)
{
    int cp;

    if (!f->person || f->generated || f->kind == FORM_CONTEXT || f->kind == FORM_SHORT ||
        f->kind == FORM_COMMON || b >= t->normlen || t->norm[b] != ',' ||
        utf8_next(&cp, t->norm + a, b - a) <= 0 || cp < 0x400 || cp > 0x52F)
        return 0;
    return redact_sentence_start(t, a);
}

/* 1 if the hit [a, b), Cyrillic written with a capital, is followed by
 * one space and a Cyrillic word of three letters or more written with a
 * capital ("Тала
 * Кузнецова"): perhaps a given name before a surname, so a form that is
 * a word (FORM_CONTEXT: Тала, тала вода) is a hit there (brief s25
 * slav25; redact_beside.c replaces it where that word is a name; it is
 * a review flag elsewhere). */
static int capital_pair(const struct normtext *t, size_t a, size_t b)
{
    size_t wa, wb, n = 0;
    int cp, k;

    if (utf8_next(&cp, t->norm + a, t->normlen - a) <= 0 || cp < 0x400 || cp > 0x52F ||
        !redact_upper_at(t, a) || !redact_word_after(&wa, &wb, t, b) || !redact_upper_at(t, wa))
        return 0;
    for (size_t p = wa; p < wb && (k = utf8_next(&cp, t->norm + p, wb - p)) > 0; p += (size_t)k)
        if (cp < 0x400 || cp > 0x52F || ++n >= 3)
            break;
    return n >= 3;
}

/* 1 if norm [a, b) of t holds an apostrophe where Ukrainian writes one:
 * after р or a labial (б п в м ф), before я ю є ї (Дар'я, Мар'яна; every
 * apostrophe form is '\'' in the norm view).  A person's form that the
 * key view, which leaves the apostrophe out, reads as a word (даря, дарю
 * "giving", "I give": FORM_CONTEXT) is then the Ukrainian spelling of
 * the name, no word (report-adv34 L-10). */
static int uk_apostrophe_in(const struct normtext *t, size_t a, size_t b)
{
    for (size_t p = a + 1; p + 1 < b; p++) {
        int prev, next;
        if (t->norm[p] != '\'' || utf8_next(&next, t->norm + p + 1, b - p - 1) <= 0)
            continue;
        prev = redact_cp_before(t->norm, p);
        if ((prev == 0x440 || prev == 0x431 || prev == 0x43F || prev == 0x432 || prev == 0x43C ||
             prev == 0x444) &&
            (next == 0x44F || next == 0x44E || next == 0x454 || next == 0x457))
            return 1;
    }
    return 0;
}

/* 1 if f at [a, b) is a person's form the key reads as a word written
 * with a capital and Ukraine's apostrophe (uk_apostrophe_in). */
static int uk_apostrophe_name(const struct normtext *t, const struct redact_form *f, size_t a,
                              size_t b)
{
    return f->person && f->kind == FORM_CONTEXT && redact_upper_at(t, a) && uk_apostrophe_in(t, a, b);
}

/* 1 if norm byte a is right after an opening quotation mark (« „ “ ‘):
 * a title's first word (кафе «Галочка»). */
static int quote_before(const struct normtext *t, size_t a)
{
    static const char *const marks[] = { "\u00AB", "\u201E", "\u201C", "\u2018" };

    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t n = strlen(marks[i]);
        if (a >= n && memcmp(t->norm + a - n, marks[i], n) == 0)
            return 1;
    }
    return 0;
}

/* 1 if norm [a, b) is a Cyrillic word of five letters or more whose
 * stem ends in к or ц before at most two letters of a case ending
 * (Галочку, Галочці, Милочки, Марійці, Лєнкою): the shape of a -к-
 * diminutive of a given name (Russian and Ukrainian word-formation); 2
 * if it is one of six letters or more in -ик, a masculine diminutive's
 * nominative (Вовчик, Стасик); else 0. */
static int diminutive_shape(const struct normtext *t, size_t a, size_t b)
{
    int cp[24], n = 0, k, end;

    for (size_t p = a; p < b; p += (size_t)k, n++)
        if (n == 24 || (k = utf8_next(&cp[n], t->norm + p, b - p)) <= 0 || cp[n] < 0x400 || cp[n] > 0x52F)
            return 0;
    if (n < 5)
        return 0;
    /* The nominative of a masculine -ик, -чик diminutive (Вовчик, Стасик:
     * brief s49 slav49, report-adv48 L-13), six letters or more. */
    if (n >= 6 && utf8proc_tolower(cp[n - 2]) == 0x438 && utf8proc_tolower(cp[n - 1]) == 0x43A)
        return 2;
    for (end = n - 1; end >= n - 3 && end > 0; end--) {
        int c = (int)utf8proc_tolower(cp[end]);
        if (c == 0x43A || c == 0x446)   /* к ц */
            return end < n - 1;
        /* а е и о у ы ю я і ї є й: a case ending's letters */
        if (!(c == 0x430 || c == 0x435 || c == 0x438 || c == 0x43E || c == 0x443 || c == 0x44B ||
              c == 0x44E || c == 0x44F || c == 0x456 || c == 0x457 || c == 0x454 || c == 0x439))
            return 0;
    }
    return 0;
}

/* Russian and Ukrainian verbs, plural past, of what is given to a person
 * (the dative: Милочке, Галі, Наді), done to one (the accusative:
 * Галочку, Милочку) or how one was called (the instrumental: Милочкой,
 * Ксенею), each with the endings its case takes on a name in -а/-я
 * (written by us from Russian and Ukrainian grammar and report-adv41/adv42's
 * testimonies).  A thing after which such a verb comes is seldom in that
 * case at a sentence's start ("Семечки дали всходы": -и, no dative). */
static const char *const given_to[] = {
    "дали", "отдали", "віддали", "отказали", "відмовили", "помогли", "допомогли", "платили",
    "заплатили", "сказали", "звонили", "позвонили", "дзвонили", "подзвонили", "угрожали",
    "погрожували", "грозили",
};
static const char *const done_to[] = {
    "забрали", "увезли", "вывезли", "вивезли", "отвезли", "відвезли", "нашли", "знайшли", "били",
    "побили", "избили", "арестовали", "заарештували", "задержали", "затримали", "ждали", "чекали",
    "искали", "шукали", "привезли", "привели", "увели", "повели", "уволили", "звільнили",
    "обманули", "обдурили", "ограбили", "пограбували",
};
static const char *const called[] = { "звали", "называли", "називали" };
#define VERBS(tab) tab, sizeof tab / sizeof tab[0]
static const struct {
    const char *const *verbs;
    size_t n;
    const char *ends;   /* the case's last letters, UTF-8 */
} person_object[] = {
    { VERBS(given_to), "еі" },
    { VERBS(done_to), "ую" },
    { VERBS(called), "йю" },
};
#undef VERBS

/* The object pronouns that may stand between such a form and its verb
 * ("Милочкою её звали", "Галочку їх забрали"; report-adv41 L-39), and
 * the words of a state felt or of absence a person is the dative or the
 * genitive of ("Милочке было страшно", "Милочки не было дома"; report-adv41
 * L-11, L-62); written by us from Russian and Ukrainian grammar. */
static const char *const object_pronouns[] = {
    "её", "ее", "его", "її", "його", "их", "їх", "меня", "мене", "нас", "тебя", "тебе",
};
static const char *const state_verbs[] = { "было", "було", "стало", "будет", "буде", "нужно", "треба" };
static const char *const at_home[] = { "дома", "вдома" };
/* Sleeping, which no thing the diminutive names does ("Кирочка не
 * спала": report-adv45 L-48); not in flag_context.c's list, where "Кот
 * спал" would make any capital a name (uk35.jsonl line 35). */
static const char *const asleep[] = { "спала", "спал", "спав", "спит", "спить" };

/* 1 if norm [a, b) is "не". */
static int is_ne(const struct normtext *t, size_t a, size_t b)
{
    return b - a == strlen("не") && memcmp(t->norm + a, "не", b - a) == 0;
}

/* 1 if the -к-, -ц- diminutive at [a, b) (diminutive_shape), at a
 * sentence's start, has the words after it that make it a person: a verb
 * a person does or says (flag_context.c's lists, one "не" between: "Галочка
 * плакала", "Кирочка не спала"), after an aside between commas too
 * ("Милочка, как её звали, ушла первой": report-adv44 L-17); in the dative
 * before a word of a state felt (-е, -і: "Милочке было страшно", "Галочці
 * треба"); in the genitive of absence from home (-и, -і: "Милочки не было
 * дома").  Brief s50 form50, report-adv41 L-11, L-62, adv45 L-48. */
static int diminutive_person_after(const struct normtext *t, size_t a, size_t b, int last)
{
    size_t wa, wb, p, q;

    if (redact_sense_person_verb(t, a, b) ||
        (redact_word_after(&wa, &wb, t, b) && redact_word_is(t, wa, wb, asleep, sizeof asleep / sizeof asleep[0], 0)))
        return 1;
    if (b < t->normlen && t->norm[b] == ',') {
        /* an aside of a few words between two commas, no sentence's end */
        for (p = b + 1; p < t->normlen && p < b + 48 && !strchr(".!?;:\n", t->norm[p]) && t->norm[p] != ','; p++)
            ;
        return p < t->normlen && t->norm[p] == ',' && redact_sense_next_word(&wa, &wb, t, p, 1) &&
               (flag_action_verb(t->norm + wa, wb - wa) || flag_speech_verb(t->norm + wa, wb - wa));
    }
    if (!redact_word_after(&wa, &wb, t, b))
        return 0;
    if (is_ne(t, wa, wb)) {
        if (redact_sense_person_verb(t, wa, wb) ||
            (redact_word_after(&p, &q, t, wb) && redact_word_is(t, p, q, asleep, sizeof asleep / sizeof asleep[0], 0)))
            return 1;
        if ((last == 0x438 || last == 0x456) && redact_word_after(&wa, &wb, t, wb) &&
            redact_word_is(t, wa, wb, state_verbs, 2, 0) && redact_word_after(&wa, &wb, t, wb))
            return redact_word_is(t, wa, wb, at_home, sizeof at_home / sizeof at_home[0], 0);
        return 0;
    }
    return (last == 0x435 || last == 0x456) &&
           redact_word_is(t, wa, wb, state_verbs, sizeof state_verbs / sizeof state_verbs[0], 0);
}

/* 1 if f at [a, b) is a person's Cyrillic form that is also a word
 * (FORM_CONTEXT: Галочка "tick", Милочка "dear", Семечки "seeds" of
 * Галина, Людмила, Семён) written with a capital at a sentence's start,
 * in the case a verb of person_object takes, before it (one "не"
 * between: "Галочку забрали", "Галі не дали візу"): the name, replaced as
 * its forms that are no word are (Кирюше, Ользі).  Elsewhere at a
 * sentence's start ("Галочка в зошиті", "Семечки грызли весь вечер") it
 * stays a review flag, as before a verb a person does ("Біллі прийшов",
 * a short form's flag: ukr22, names.jsonl) (brief s43 dim43;
 * docs/VARIANTS.md). */
static int context_form_named(const struct normtext *t, const struct redact_form *f, size_t a,
                              size_t b)
{
    size_t wa, wb;
    int first, last;
    char end[4];

    if (!f->person || f->kind != FORM_CONTEXT || utf8_next(&first, t->norm + a, t->normlen - a) <= 0 ||
        first < 0x400 || first > 0x52F || !redact_upper_at(t, a))
        return 0;
    last = redact_cp_before(t->norm, b);
    /* Not at a sentence's start: Russian and Ukrainian write no common
     * noun with a capital there ("Ми бачили Галочку", "У Милочки нет
     * паспорта", "Ми віддали Марійці гроші"): a diminutive in -к-, -ц-
     * (diminutive_shape) is the name, as a form no word is, unless the
     * word is in capitals (an acronym) or opens a title in quotes (кафе
     * «Галочка»).  Not a bare short form or a possessive (Галі, Талу,
     * Сарин, Олександрову): those are also other people's names and
     * surnames, which a capital does not tell apart (slav24.jsonl lines
     * 4, 7, 16 keep their flag).  And at a sentence's start, the
     * vocative in -о of a name in -а, alone before a comma or "!"
     * ("Галочко, вставай!"): a word is seldom called (brief s45 slav45,
     * report-adv40, adv41 Галочко, Галочку; docs/VARIANTS.md). */
    if (!redact_sentence_start(t, a))
        return diminutive_shape(t, a, b) && !acronym_at(t, a, b) &&
               !(b - a > 2 && redact_upper_at(t, a + 2)) &&
               !(a > 0 && strchr("\"'(", t->norm[a - 1]) != NULL) && !quote_before(t, a);
    if (last == 0x43E && b < t->normlen && (t->norm[b] == ',' || t->norm[b] == '!'))
        return 1;
    /* A masculine -ик, -чик diminutive that is also a word (Вовчик, "a
     * wolf cub") before a verb a person does, brings or says ("Вовчик
     * приніс воду": brief s49 slav49, report-adv48 L-13); so a -к-, -ц-
     * one of six letters or more (Галочка плакала, Милочке было страшно:
     * diminutive_person_after; brief s50 form50): a five-letter one is
     * as often a word of kin or a bird (Татко сказав, "daddy": short44
     * line 11; Галка, "jackdaw"). */
    if (diminutive_shape(t, a, b) && b - a >= 12 && diminutive_person_after(t, a, b, last))
        return 1;
    if (!redact_word_after(&wa, &wb, t, b))
        return 0;
    if (is_ne(t, wa, wb) && !redact_word_after(&wa, &wb, t, wb))
        return 0;
    /* one object pronoun between (Милочкою её звали: report-adv41 L-39) */
    if (redact_word_is(t, wa, wb, object_pronouns, sizeof object_pronouns / sizeof object_pronouns[0], 0) &&
        !redact_word_after(&wa, &wb, t, wb))
        return 0;
    if (last < 0x400 || last > 0x4FF)
        return 0;
    end[0] = (char)(0xC0 | (last >> 6)), end[1] = (char)(0x80 | (last & 0x3F)), end[2] = 0;
    for (size_t i = 0; i < sizeof person_object / sizeof person_object[0]; i++)
        if (strstr(person_object[i].ends, end) != NULL &&
            redact_word_is(t, wa, wb, person_object[i].verbs, person_object[i].n, 0))
            return 1;
    return 0;
}

/* What an accepted hit of form f over [a, b) is (h: accept_hit's answer):
 * a generated spelling that is an ordinary word (redact_form.generated)
 * is no hit where the context does not mark a name; else a review flag
 * (hit_is_flag) or a replacement.  One rule for the redactor, the
 * re-scan and the audit (redact_form_hit). */
/* 1 if norm [a, b) is two capital letters with a full stop between
 * them ("Т.Е."): initials, not the word the key also spells (те "those":
 * the key leaves the full stop out; report-adv33 L-62). */
static int capital_dotted_pair(const struct normtext *t, size_t a, size_t b)
{
    size_t m;

    if (!redact_dotted_pair(t->norm + a, b - a) || !redact_upper_at(t, a))
        return 0;
    m = (size_t)((const char *)memchr(t->norm + a, '.', b - a) - t->norm);
    return redact_upper_at(t, m + 1);
}

/* 1 if norm [a, b) is two or three capital letters each standing alone
 * with a full stop between them ("Т.Е.", "П.С.И."; the last full stop
 * may lie after b), no letter glued before or after: a person's initials
 * written so, not the word their key spells once the key leaves the full
 * stops out (те "those", пси "dogs"; report-adv38 L-54: П.С.И. of Петров
 * Сергей Иванович was only flagged). */
static int capital_dotted_initials(const struct normtext *t, size_t a, size_t b)
{
    size_t p = a, after;
    int cp, n, letters = 0;

    if (a > 0 && is_word_cp(redact_cp_before(t->norm, a)))
        return 0;
    while (p < b) {
        if ((n = utf8_next(&cp, t->norm + p, b - p)) <= 0 ||
            utf8proc_toupper(cp) == utf8proc_tolower(cp) || !redact_upper_at(t, p) || ++letters > 3)
            return 0;
        p += (size_t)n;
        if (p < b && (t->norm[p] != '.' || ++p >= b))
            return 0;
    }
    after = b < t->normlen && t->norm[b] == '.' ? b + 1 : b;
    if (after < t->normlen && utf8_next(&cp, t->norm + after, t->normlen - after) > 0 &&
        is_word_cp(cp))
        return 0;
    return letters >= 2 && (letters == 3 || capital_dotted_pair(t, a, b));
}

enum redact_hit redact_hit_verdict(const struct normtext *t, const struct redact_form *f,
                                   enum redact_hit h, size_t a, size_t b)
{
    size_t wa, wb, ga;
    struct redact_form w;
    int abbrev, other;

    /* Initials that are a knockout or another person's (J.P. Morgan):
     * a review flag at most (brief s43 ini43, redact_initials_other),
     * whatever the form's kind: the dotted Latin initials of a name are
     * FORM_REPLACE and were replaced there (report-adv44 O-1..O-3; brief
     * s45 ini45).  Before the subject's own surname they are replaced
     * (redact_file_hit). */
    if (f->person && h != HIT_NONE && (other = redact_initials_other(t, a, b)) != 0)
        return other == 2 ? HIT_NONE : HIT_FLAG;
    /* A word of a public figure's whole name (Ким Ир Сен, Kim Jong-un,
     * Брюс Ли): the figure, kept (redact_sense_other.c; brief s45
     * over45, report-adv44 O-44..O-53). */
    if (f->person && h != HIT_NONE && redact_sense_public_figure(t, a, b))
        return HIT_NONE;
    /* A name that is also a place of the world, where the words around
     * it mark the place (in Georgia, в Милане, AC Milan, Georgia and
     * Armenia): the place, a review flag at most (redact_sense_place.c;
     * brief s44 geo44, report-adv42 O-12..O-26). */
    if (f->person && h != HIT_NONE && redact_sense_place(t, a, b))
        return HIT_FLAG;
    /* A name that is part of a place's, a work's or a business's name
     * (종수리, 영호 대교, "the song Yong-ho Arirang", "Kim's
     * Convenience", "Chung Soo Restaurant"), or spoken of as a name:
     * kept, a review flag (redact_sense_named.c; brief s53 over53,
     * report-adv52 O-5, O-6, O-10..O-12, report-adv51 O-11). */
    if (f->person && h != HIT_NONE && redact_sense_named_thing(t, a, b))
        return HIT_FLAG;
    /* A Mongolian weekday before гараг (Даваа гарагт, davaa garagt): the
     * day, kept with a review flag (redact_mnday.c; brief s51 mong51,
     * report-adv51 O-2..O-5, O-8, O-12). */
    if (f->person && h != HIT_NONE && redact_mn_weekday(t, a, b))
        return HIT_FLAG;
    /* Its accusative and genitive before a person's possession (Давааг,
     * Даваагийн паспорт): the person, though the form is a day's word
     * (FORM_COMMON); its genitive before a noun of time is the day
     * (Даваагийн өглөө: redact_mnday.c; brief s52 mong52, adv51 L-20, L-21). */
    if (f->person && f->kind == FORM_COMMON && (other = redact_mn_weekday_person(t, a, b)) != 0)
        return other == 2 ? HIT_REPLACE : HIT_FLAG;
    if (uk_apostrophe_name(t, f, a, b) || context_form_named(t, f, a, b)) {
        w = *f, w.kind = FORM_REPLACE;
        return redact_hit_verdict(t, &w, HIT_REPLACE, a, b);
    }
    /* A person's form that only the Mongolian dictionary knows as a word,
     * in a Russian sentence (Тань, Даш, Оль, Дашин: brief s39 ru39): the
     * name, as a form no dictionary knows is.  Not a generated form (a
     * subject's initials keyed as a word: Д.О.М. as "Дом был пуст", С.И.
     * as "язык СИ"; init39.jsonl after the merge): those are words first.
     * Nor letters written each with a full stop ("т. п.", "н. п.", the
     * spaced initials' walk, redact_spaced.c): those are initials or an
     * abbreviation, no word of any dictionary (brief s44 ini44). */
    if (f->person && !f->generated && (f->kind == FORM_SHORT || f->kind == FORM_WORD) &&
        memchr(t->norm + a, '.', b - a) == NULL && redact_mn_word_in_russian(t, a, b))
        return h == HIT_FLAG ? HIT_FLAG : HIT_REPLACE;

    /* A surname that is a trade's noun, at a sentence's start with a
     * thing of its trade in its clause ("Бондар зробив нову бочку",
     * "Лев в зоопарке спал"): the noun, kept with a review flag, never
     * replaced (redact_sense.c; brief s40 uk40, report-adv39 O-1..O-4). */
    if (f->person && (f->kind == FORM_REPLACE || f->kind == FORM_WORD) &&
        redact_sense_trade_at_start(t, a, b, redact_sentence_start(t, a)))
        return HIT_FLAG;
    /* A noun that is also a surname, at a sentence's start in one of its
     * own case forms (Шину пробило), and a monarch's or a saint's given
     * name (Пётр I, святого Петра): another sense or another bearer, a
     * review flag (redact_sense.c; brief s43, report-adv42 O-11, O-15); so
     * is the apostles' church (Собор Петра и Павла: redact_sense_other.c,
     * brief s45). */
    if (f->person && (((f->kind == FORM_REPLACE || f->kind == FORM_WORD) &&
                       redact_sense_noun_at_start(t, a, b, redact_sentence_start(t, a))) ||
                      redact_sense_other_bearer(t, a, b) || redact_sense_other_named(t, a, b)))
        return HIT_FLAG;
    /* A form of a person's name that stands for a given name that is also
     * a word (이 나라는, гэрлийн, вера) is judged as that word, where it
     * stands (redact_sense.c; issue 13, brief s29 word29). */
    if (f->person && f->kind == FORM_REPLACE &&
        redact_sense_as_word(t, a, b, redact_sentence_start(t, a), &ga)) {
        w = *f, w.kind = FORM_WORD;
        return redact_hit_verdict(t, &w, h, ga, b);
    }
    /* A form that the word list knows as an ordinary adjective, at a
     * sentence's start, before a word in lower case that is no verb of a
     * person (Любой ценой, Любую работу): the word, kept with a review
     * flag (redact_sense_other.c; brief s45 over45, report-adv44 O-19). */
    if (f->person && (f->kind == FORM_REPLACE || f->kind == FORM_WORD) &&
        redact_sense_word_at_start(t, a, b, redact_sentence_start(t, a)))
        return HIT_FLAG;
    /* A short form that is also a word (Алтаа: "his gold") is a review
     * flag where the context marks a name, and also where it stands alone
     * or is called at a sentence's start. */
    if (f->generated && f->kind != FORM_REPLACE &&
        !name_context(t, a, b, f->kind == FORM_COMMON, f->person) &&
        !(f->kind == FORM_SHORT && alone_or_vocative(t, a, b)) &&
        !(f->kind == FORM_SHORT && capital_dotted_pair(t, a, b)) &&
        !(f->person && capital_dotted_initials(t, a, b)) &&
        !(f->person && f->kind == FORM_SHORT && redact_initials_marked(t, a, b)))
        return HIT_NONE;
    /* "B.A.", "U.S.": initials only after a title or before a verb of a
     * person (brief i12-forms, F39); a short form's too (the initials of
     * two of a name's words, person 0: redact.c). */
    if ((f->person || f->kind == FORM_SHORT) && (abbrev = redact_dotted_abbrev(t, a, b)) != 0 &&
        !(redact_word_before(&wa, &wb, t, a) && redact_is_title(t, wa, wb)) &&
        !(redact_word_after(&wa, &wb, t, b + (b < t->normlen && t->norm[b] == '.')) &&
          redact_is_verb_after(t, wa, wb)) &&
        !(abbrev == 1 && f->person && redact_initials_marked(t, a, b)))
        /* a listed one where the words around it make it a person's
         * ("звали г. р.", "U.S. drove the van", "I met U. S."): a review
         * flag (redact_initials_marked 2; brief s46 ini46, report-adv45
         * L-36..L-38, L-40, L-41) */
        return abbrev == 2 && f->person && redact_initials_marked(t, a, b) == 2 ? HIT_FLAG : HIT_NONE;
    if (f->kind == FORM_SHORT && acronym_before_number(t, a, b))
        return HIT_NONE;
    /* Two letters of a person's short form written with a full stop
     * between them (Д.Б.) are initials, replaced as B.D is; the key,
     * which leaves out a full stop between Cyrillic letters, cannot tell
     * them from the word (на of Н.А.: redact_guard.c). */
    if (f->kind == FORM_SHORT && f->person && redact_dotted_pair(t->norm + a, b - a))
        return HIT_REPLACE;
    /* So are three (П.С.И.), and two or three of a full name's initials
     * whose key is a word (FORM_WORD, FORM_COMMON: пси). */
    if (f->person && f->kind != FORM_CONTEXT && capital_dotted_initials(t, a, b))
        return HIT_REPLACE;
    /* A person's initials in any spelling (small, spaced, without full
     * stops) where the context marks them a person's (brief s42 initb42,
     * redact_initials_marked). */
    if (f->person && f->kind != FORM_CONTEXT && redact_initials_marked(t, a, b))
        return HIT_REPLACE;
    /* The dotted initials of a hyphenated given name ("J.-P.", a shape no
     * abbreviation has) name the person wherever they stand; two initials
     * of no name word otherwise only flagged (FORM_CONTEXT, person 0). */
    if (f->kind == FORM_CONTEXT && !f->person && redact_hyphen_initials_at(t, a, b))
        return HIT_REPLACE;
    if (h != HIT_FLAG && !hit_is_flag(t, f, a, b))
        return HIT_REPLACE;
    /* Where the words around it mark the ordinary word (a set phrase, a
     * verb no person does, an imperative: redact_sense.c), a flag is
     * nothing; the context that marks a name comes first (brief s28
     * flags28). */
    return f->kind != FORM_CONTEXT && !name_context(t, a, b, 0, f->person) &&
           !(redact_upper_at(t, a) && !redact_sentence_start(t, a)) &&
           redact_sense_word(t, a, b) ? HIT_NONE : HIT_FLAG;
}

/* 1 if f at [a, b) is a person's Cyrillic form that is also a word, in
 * the shape of a -к-, -ц- diminutive (diminutive_shape: Галочка, Милочки,
 * Кирочка) of six letters or more (not Татко "daddy", Галка "jackdaw":
 * short44 line 11), with a capital at a sentence's start, not in capitals nor
 * opening a title in quotes: a hit, never refused; the verdict is a review
 * flag where context_form_named does not make it the name ("Галочка в
 * зошиті стояла", "Милочка, как дела?"; lead49.jsonl, brief s50 form50).
 * Only that shape: a plain case form or a short form that is a word
 * (Машина, Людина, Дарю, Тату, Бат) stays refused there (uk35, slav25,
 * short22's guards). */
static int start_diminutive(const struct normtext *t, const struct redact_form *f, size_t a, size_t b)
{
    int first;

    return f->person && f->kind == FORM_CONTEXT && utf8_next(&first, t->norm + a, t->normlen - a) > 0 &&
           first >= 0x400 && first <= 0x52F && redact_upper_at(t, a) && !(b - a > 2 && redact_upper_at(t, a + 2)) &&
           redact_sentence_start(t, a) && diminutive_shape(t, a, b) && b - a >= 12 && !quote_before(t, a);
}

const char *const redact_hit_flags[2] = { "short-name", "name-or-word" };

/* 1 if a hit of form f at [a, b) is no hit at all: a one-syllable given
 * name alone (FORM_CONTEXT) where the context does not mark a name ("진을
 * 쳤다", "Chin up"; brief i12-kinds2, item 2). */
int redact_context_refuses(const struct normtext *t, const struct redact_form *f, size_t a,
                           size_t b)
{
    /* Particles only a person takes (to, from, by someone: 민한테서,
     * 민에게; report-adv12d F37). */
    static const char *const person[] = { "에게", "한테", "께", "더러" };
    size_t wend, wa, wb;
    int last;

    /* A person's form read through the readings of a run mostly of the
     * commonest Han characters (了下 as 료하 of Лёха: report-adv26a D-23;
     * 停了下 for Tanaka Hiroshi) is ordinary Chinese, not the name
     * (common_words.h). */
    if (f->person && (common_han_run(t->norm + a, b - a) || redact_sense_feast(t, a, b)))
        return 1;
    /* Two initials alone (FORM_CONTEXT of no name word: JS, K.J. of Kim
     * Jong-su, report-adv21 A-14) count only in capitals ("He came" is no
     * H. E.), and not in text written all in capitals, where the next word
     * is in capitals too ("AS IS"). */
    if (f->kind == FORM_CONTEXT && !f->person)
        return !redact_initials_context(t, a, b);
    if (f->kind != FORM_CONTEXT || name_context(t, a, b, 1, 0) || capital_pair(t, a, b) ||
        uk_apostrophe_name(t, f, a, b) || context_form_named(t, f, a, b) || start_diminutive(t, f, a, b))
        return 0;
    last = redact_cp_before(t->norm, b);
    for (size_t i = 0; is_hangul_cp(last) && i < sizeof person / sizeof person[0]; i++)
        if (b + strlen(person[i]) <= t->normlen && memcmp(t->norm + b, person[i], strlen(person[i])) == 0)
            return 0;
    /* A plain particle before a verb of saying, coming or going (수가
     * 왔다, 존이 왔다; report-adv21 A-14): a review flag, as "Su came."
     * is (FORM_CONTEXT is never replaced). */
    if (is_hangul_cp(last) && (wend = redact_word_end(t->norm, t->normlen, b, last)) > b &&
        redact_word_after(&wa, &wb, t, wend) &&
        flag_ko_subject_of_verb(t->norm + b, wend - b, t->norm + wa, wb - wa))
        return 0;
    return 1;
}
