/* Which hits of the matcher count, and the spans they become: word
 * boundaries, particles and endings, capitals, neighbours that are
 * replaced anyway, and overlapping spans merged (docs/VARIANTS.md). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "privacy/common_words.h"
#include "privacy/gazetteer.h"
#include "privacy/normalise.h"
#include "privacy/patronymic.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"
#include "privacy/romanise.h"
#include "privacy/variants.h"
#include "privacy/variants_int.h"
#include "util/lexicon.h"

int redact_span_add(struct spans *sp, const struct span *s)
{
    struct span *p;

    if (sp->n == sp->cap) {
        size_t cap = sp->cap ? sp->cap * 2 : 32;
        if ((p = realloc(sp->s, cap * sizeof *p)) == NULL) {
            sp->failed = 1;
            return -1;
        }
        sp->s = p, sp->cap = cap;
    }
    sp->s[sp->n++] = *s;
    return 0;
}


/* The number of spans of c that start at or before pos. */
size_t redact_starting_by(const struct cover *c, size_t pos)
{
    size_t lo = 0, hi = c->n, mid;

    while (lo < hi) {
        mid = (lo + hi) / 2;
        if (c->start[mid] <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int covered(const struct cover *c, size_t pos)
{
    size_t lo = c != NULL ? redact_starting_by(c, pos) : 0;

    return lo > 0 && c->maxend[lo - 1] > pos;
}

/* The first covered position in [from, to), or to. */
static size_t first_covered(const struct cover *c, size_t from, size_t to)
{
    for (; from < to; from++)
        if (covered(c, from))
            return from;
    return to;
}


/* 1 if c (a norm byte) may be part of a handle: "@kim.jongsu_75". */
static int handle_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c >= 0x80;
}

/* A hit of a person's name inside a handle ("@kimjongsu75", "@jongsu_kim"):
 * the whole handle identifies, '@' included.  Fills [*a, *b) (norm bytes)
 * and returns 1 if [nstart, nend) lies in a handle.  What comes before the
 * '@' is not read: an e-mail's domain is taken too (the e-mail detector
 * replaces the whole address anyway), and a replacement before the '@'
 * cannot turn a refused hit into an accepted one. */
static int in_handle(size_t *a, size_t *b, const struct normtext *t, size_t nstart, size_t nend)
{
    size_t i = nstart, j = nend;

    while (i > 0 && handle_byte((unsigned char)t->norm[i - 1]))
        i--;
    if (i == 0 || t->norm[i - 1] != '@')
        return 0;
    while (j < t->normlen && handle_byte((unsigned char)t->norm[j]))
        j++;
    while (j > nend && t->norm[j - 1] == '.')
        j--;                            /* a full stop after it ends the sentence */
    *a = i - 1, *b = j;
    return 1;
}

/* 1 if rest[0..len) is only ASCII digits: a name with a number glued to it
 * ("kimjongsu75", "Altangerel1984") is a user name. */
static int all_digits(const char *rest, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (rest[i] < '0' || rest[i] > '9')
            return 0;
    return len > 0;
}

/* Where a run of ASCII digits glued after a name in another script ends
 * ("종수1234567", "Батбаяр1984": an account or user name), or at if none:
 * the digits must end the word. */
static size_t glued_digits(const struct normtext *t, size_t at)
{
    size_t j = at;
    int cp;

    while (j < t->normlen && t->norm[j] >= '0' && t->norm[j] <= '9')
        j++;
    if (j == at || (j < t->normlen && utf8_next(&cp, t->norm + j, t->normlen - j) > 0 &&
                    is_word_cp(cp) && normalise_script(cp) == 1))
        return at;
    return j;
}

/* 1 if the code point cp is a decimal digit of any script. */
static int digit_cp(int cp)
{
    return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

/* 1 if the norm bytes [a, b) hold a decimal digit: a protected form with a
 * digit (an ID, a number) has the run rule (docs/VARIANTS.md, "Forms with
 * a digit"). */
static int has_digit(const struct normtext *t, size_t a, size_t b)
{
    int cp, k;

    for (; a < b && (k = utf8_next(&cp, t->norm + a, b - a)) > 0; a += (size_t)k)
        if (digit_cp(cp))
            return 1;
    return 0;
}

/* The run rule of a form with a digit over the norm bytes [nstart, nend):
 * it is a run of its own unless a digit continues a digit at either of
 * its ends (then it is part of a longer number: "M12345678", "11234567"
 * for 1234567).  Anything else glued to it is a boundary: letters,
 * Hangul, a digit before a letter ("M1234567x", "M1234567Kim",
 * "ID1234567", "xM1234567", "1M1234567", "1234567번"); a neighbour that
 * is replaced anyway is no digit of the output. */
static int digit_run(const struct normtext *t, size_t nstart, size_t nend, const struct cover *c)
{
    int first, last, cp;

    (void)utf8_next(&first, t->norm + nstart, t->normlen - nstart);
    last = redact_cp_before(t->norm, nend);
    if (nstart > 0 && digit_cp(first) && digit_cp(redact_cp_before(t->norm, nstart)) &&
        !covered(c, nstart - 1))
        return 0;
    return !(nend < t->normlen && digit_cp(last) &&
             utf8_next(&cp, t->norm + nend, t->normlen - nend) > 0 && digit_cp(cp) &&
             !covered(c, nend));
}

/* 1 if every code point of norm bytes [a, b) satisfies is(cp). */
static int all_cps(const struct normtext *t, size_t a, size_t b, int (*is)(int))
{
    int cp, k;

    for (; a < b; a += (size_t)k)
        if ((k = utf8_next(&cp, t->norm + a, b - a)) <= 0 || !is(cp))
            return 0;
    return 1;
}

/* The open-ended rule (issue 12, report adv12c H1-H4, H68): a hit of a
 * person's name of two Hangul syllables or more (or four Cyrillic letters
 * or more, written with a capital) whose word goes on in the same script
 * past what the particle, ending and address tables parse (종수부장님이,
 * 종수헌티, Доржлогоо) is a review flag, never silently left, unless the
 * whole word is an ordinary word of the dictionary (a name inside a longer
 * word is no name: 정수기, Болдог).  The norm bytes [nstart, nend) are the
 * hit, [nend, wend) the rest of its word. */
static int spaced_name(const struct normtext *t, size_t a, size_t b);

static int ascii_alnum(int cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
}

/* 1 for a form in Latin letters of six key bytes or more (Chongjin, Lada
 * Works Heavy Machinery Plant, Jong-su) that is not a short form: one
 * long enough that a letter or digit glued to it does not make it
 * another word by chance (report-adv13b NEW-3). */
static int long_latin(const struct redact_form *f, size_t keylen, int first)
{
    /* A protected term that is no person's name (a place, an
     * organisation) counts from four bytes: "Khovd2019", "2019Khovd"
     * (report-adv15 R-3); a name part needs six ("Bold" is a word). */
    return f->kind != FORM_SHORT && keylen >= (f->person ? 6u : 4u) && first < 0x80 &&
           ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'));
}

/* A long Latin form (long_latin) glued after other ASCII letters or digits
 * of its word ("xChongjin", "2Chongjin", "xLada Works Heavy Machinery
 * Plant", "1Jong-su"; report-adv13b NEW-3): after digits only, the whole
 * word goes (verdict; *wstart set to the word's start); after letters, a
 * review flag over the whole word (accept_hit drops it when the English
 * dictionary knows the word); any other form, or other characters before
 * it: HIT_NONE, as before (a name inside a word is no name). */
static enum redact_hit glued_latin(size_t *wstart, const struct normtext *t,
                                   const struct redact_form *f, size_t keylen, size_t nstart,
                                   int first, enum redact_hit verdict, const struct cover *c)
{
    size_t a = nstart;
    int cp, digits = 0, letters = 0;

    if (!long_latin(f, keylen, first))
        return HIT_NONE;
    while (a > 0 && ascii_alnum(cp = redact_cp_before(t->norm, a))) {
        digits |= cp >= '0' && cp <= '9';
        letters |= !(cp >= '0' && cp <= '9');
        a--;
    }
    /* Letters and digits ("M1234567Kim"): an ID, perhaps a registered
     * one replaced later; redact_retry_pending decides by its cover. */
    if ((a > 0 && is_word_cp(redact_cp_before(t->norm, a))) || (digits && letters))
        return HIT_NONE;
    /* Digits that end a longer number ("10.0.0.1Kim", "010-1234-5678Kim"):
     * the number's detector replaces it, and the retry takes the name.
     * In the retry's last pass no detector did ("a:6Ulaanbaatar",
     * "x-6Ulaanbaatar": issue 12, s20 note): the digits and the form go
     * as after digits alone ("2Chongjin"), never left whole. */
    if (digits && a > 0 && strchr(".,:-/", t->norm[a - 1]) != NULL && (c == NULL || !c->last))
        return HIT_NONE;
    *wstart = a;
    return digits ? verdict : HIT_FLAG;
}

enum redact_hit redact_glued_alnum(struct span *s, const struct normtext *t,
                                   const struct redact_form *f, size_t keylen, int rule,
                                   size_t kend)
{
    size_t nstart = t->kpos[kend - keylen], nend = t->kpos[kend - 1] + 1, a = nstart;
    int first, cp, digits = 0, letters = 0;

    while (nend < t->normlen && ((unsigned char)t->norm[nend] & 0xC0) == 0x80)
        nend++;
    if (utf8_next(&first, t->norm + nstart, t->normlen - nstart) <= 0 ||
        !long_latin(f, keylen, first) || (f->capital && !redact_upper_at(t, nstart)))
        return HIT_NONE;
    while (a > 0 && ascii_alnum(cp = redact_cp_before(t->norm, a))) {
        digits |= cp >= '0' && cp <= '9';
        letters |= !(cp >= '0' && cp <= '9');
        a--;
    }
    if (!digits || !letters || (a > 0 && is_word_cp(redact_cp_before(t->norm, a))))
        return HIT_NONE;
    s->start = a;
    s->end = redact_word_end(t->norm, t->normlen, nend, redact_cp_before(t->norm, nend));
    s->rule = rule, s->word = 0, s->review = 0, s->glued = 1;
    return HIT_FLAG;
}

/* 1 if the letters [nend, wend) after a form at norm [nstart, nend) lie
 * in a patronymic suffix that ends the word (Петров + ич, Иванов + на,
 * Petrov + ich): the father's child, another person (patronymic.h).  A
 * registered patronymic is a form of its own, with nothing after it. */
static int patronymic_after(const struct normtext *t, size_t nstart, size_t nend, size_t wend)
{
    size_t at = patronymic_suffix_at(t->norm + nstart, wend - nstart);

    return at > 0 && nstart + at <= nend;
}

static int open_continuation(const struct normtext *t, const struct redact_form *f,
                             size_t keylen, size_t nstart, size_t nend, size_t wend)
{
    int first;

    if (f->kind == FORM_SHORT || wend <= nend || patronymic_after(t, nstart, nend, wend))
        return 0;
    (void)utf8_next(&first, t->norm + nstart, t->normlen - nstart);
    /* A long Latin form with a capital, or a chat form in lower case
     * (grishanya: redact_lower_latin), glued to more letters or digits
     * (Chongjiner, Jong-sux: report-adv13b NEW-3), unless the English
     * dictionary knows the word in lower case or lists it capitalised
     * (Alexandria of Alexandr: report-adv33 O-18). */
    if (long_latin(f, keylen, first))
        return (redact_upper_at(t, nstart) || redact_lower_latin(t, f, nstart, wend) != 0) &&
               (!f->person || memchr(t->norm + nstart, ' ', nend - nstart) == NULL ||
                spaced_name(t, nstart, nend)) &&
               all_cps(t, nend, wend, ascii_alnum) &&
               lexicon_word(LEXICON_EN, t->norm + nstart, wend - nstart) != 1 &&
               lexicon_proper(LEXICON_EN, t->norm + nstart, wend - nstart) != 1;
    if (!f->person)
        return 0;
    if (is_hangul_cp(first) && f->suffix == SUFFIX_KO && keylen >= 6)
        return all_cps(t, nend, wend, is_hangul_cp) &&
               redact_ko_open_glued(t, nstart, nend, wend);
    if (is_cyrillic_cp(first) && (f->suffix == SUFFIX_MN || f->suffix == SUFFIX_MN_STEM) &&
        keylen >= 8 && redact_upper_at(t, nstart))
        /* A soft or hard sign alone after the form ends no case of a
         * name: it makes another word (Олень "deer" of Олена; brief s29
         * word29, report-adv28a P-2). */
        return all_cps(t, nend, wend, is_cyrillic_cp) &&
               !(wend - nend == 2 && (memcmp(t->norm + nend, "ь", 2) == 0 ||
                                      memcmp(t->norm + nend, "ъ", 2) == 0)) &&
               lexicon_word(LEXICON_MN, t->norm + nstart, wend - nstart) != 1;
    return 0;
}


/* 1 if the word [a, wend) of norm bytes that a hit [a, nend) begins and an
 * ending completes is an ordinary word of the dictionary of its script,
 * written in lower case (test_eval: "karat", "manner", "boron", "legman",
 * "gunned" of names that are no words).  No ordinary word is replaced
 * automatically because a name is its prefix: it is a review flag at
 * most.  With a capital it stays the name, even at a sentence's start
 * (Баатрын of Баатар).  Cased scripts only: a Korean word goes on past a
 * name through open_continuation.  A word the name lists also hold
 * (gazetteer.h) and a missing dictionary count as names (the safe side),
 * but not for a generated spelling (generated: the literal's rule is
 * RULE_VARIANT, a spelling; not a stem of the name as typed, Баатр):
 * зэрэ of "Sara" with the ending -г is зэрэг, "such as", one
 * of the commonest Mongolian words, which the lists also hold as a sum's
 * name; it is a review flag, not the registered person (report-adv16a
 * A-11), and so it is at a sentence's start, where the capital says
 * nothing ("Зэрэг нь өндөр"). */
static int word_with_ending(const struct normtext *t, size_t a, size_t nend, size_t wend,
                            int generated)
{
    int first, lang;

    if (wend <= nend)
        return 0;
    (void)utf8_next(&first, t->norm + a, t->normlen - a);
    if (utf8proc_toupper(first) == utf8proc_tolower(first) ||
        (redact_upper_at(t, a) && !(generated && redact_sentence_start(t, a))) ||
        (lang = lexicon_lang_of(first)) < 0)
        return 0;
    return redact_known_word(lang, t->norm + a, wend - a) &&
           (generated || !gazetteer_names_word(t->norm + a, wend - a));
}

/* 1 if a hit over norm bytes [a, b) that holds a space is written as a
 * name of several words (issue 12, report adv12c L10): with a capital
 * letter that does not merely start a sentence ("Bat Erdene", "KIM Chol
 * jin", "then Алтан гэрэл came"), or, in Hangul, with the space after a
 * surname at the hit's start ("김 종수", "남궁 민수"), or spelled out
 * letter by letter over two spaces or more ("B o l d", "김 종 수").
 * "алтан гэрэл", "Өлзий баяр хүргэе" and "종 수가" are ordinary phrases as
 * often as names: review flags. */
/* 1 if norm [a, b) is two words of Hangul syllables only, four syllables
 * or more: a foreign name in Hangul, given name and surname (마거릿 윌슨,
 * 존 스미스: hangul_names.c, brief s21 ko21).  No Korean name is written
 * so without a surname first (three syllables, or four with a
 * two-syllable surname, which spaced_name reads by its surname). */
static int foreign_hangul(const struct normtext *t, size_t a, size_t b)
{
    size_t p, syllables = 0, spaces = 0;
    int cp, k;

    for (p = a; p < b; p += (size_t)k) {
        if ((k = utf8_next(&cp, t->norm + p, b - p)) <= 0)
            return 0;
        if (cp == ' ')
            spaces++;
        else if (is_hangul_cp(cp))
            syllables++;
        else
            return 0;
    }
    return spaces == 1 && syllables >= 4;
}

static int spaced_name(const struct normtext *t, size_t a, size_t b)
{
    size_t p, spaces = 0, longest = 0, piece = 0, caps = 0;
    int cp, k, first, capital_later = 0;

    /* A first word of capitals (initials "JS", "J.S.", or "KIM") marks a
     * name, before Hangul too ("JS 김": brief i12-forms F25). */
    for (p = a; p < b && t->norm[p] != ' '; p++)
        caps = caps == SIZE_MAX || (t->norm[p] >= 'a' && t->norm[p] <= 'z' && !redact_upper_at(t, p))
                   ? SIZE_MAX : caps + (t->norm[p] >= 'a' && t->norm[p] <= 'z');
    caps = caps == SIZE_MAX ? 0 : caps;

    for (p = a; p < b; p += (size_t)k) {
        if ((k = utf8_next(&cp, t->norm + p, b - p)) <= 0)
            return 0;
        spaces += cp == ' ';
        /* Letters only: a separator beside one is no letter ("김 ·종· 수",
         * report-adv16a A-16). */
        piece = cp == ' ' ? 0 : piece + (is_word_cp(cp) != 0);
        longest = piece > longest ? piece : longest;
    }
    if (spaces >= 2 && longest == 1)
        return 1;
    for (p = a; p < b; p += (size_t)k) {
        if ((k = utf8_next(&cp, t->norm + p, b - p)) <= 0)
            return 0;
        if (cp != ' ' || p + 1 >= b)
            continue;
        (void)utf8_next(&cp, t->norm + p + 1, b - p - 1);
        if (is_hangul_cp(cp) && caps < 2 && !variants_is_surname(t->norm + a, p - a) &&
            !foreign_hangul(t, a, b))
            return 0;
        capital_later |= redact_upper_at(t, p + 1);
    }
    (void)utf8_next(&first, t->norm + a, b - a);
    if (utf8proc_toupper(first) == utf8proc_tolower(first))
        return 1;
    return redact_upper_at(t, a) && (capital_later || !redact_sentence_start(t, a) || caps >= 2);
}

/* A person's Hangul name glued after other Hangul: Korean is often
 * written without the spaces ("어제김종수가 왔다", "14일김종수", "우리종수는";
 * report-adv13b NEW-1).  A name of three syllables or more that starts
 * with a surname (the full name) is what verdict says; a given name of
 * two syllables is a review flag; a single syllable is nothing (it sits
 * inside countless words).  Either is nothing when the whole Hangul word
 * [its start, wend) is an ordinary word (redact_ordinary_ko): 우리나라
 * is "our country", not 나라. */
static enum redact_hit glued_hangul(const struct normtext *t, const struct redact_form *f,
                                    size_t nstart, size_t nend, size_t wend,
                                    enum redact_hit verdict)
{
    size_t a = nstart, syllables = 0, p;
    int cp, k;

    for (p = nstart; p < nend; p += (size_t)k) {
        if ((k = utf8_next(&cp, t->norm + p, nend - p)) <= 0)
            return HIT_NONE;
        syllables += is_hangul_cp(cp) != 0;
    }
    while (a > 0 && is_hangul_cp(cp = redact_cp_before(t->norm, a)))
        a -= cp < 0x800 ? 2u : cp < 0x10000 ? 3u : 4u;
    if (syllables < 2 || f->kind == FORM_SHORT ||
        redact_ordinary_ko(t->norm + a, wend - a, 0))
        return HIT_NONE;
    if (syllables >= 3 && variants_is_surname(t->norm + nstart, 3))
        return verdict;
    return HIT_FLAG;
}

/* The last word of a hit across a space, norm [a, b): its start in *sp
 * and its end in *end, the whole word (the hit may end inside it:
 * "Purevdorj i" + n); *sp <= a when the hit holds no space. */
static void last_word(const struct normtext *t, size_t a, size_t b, size_t *sp, size_t *end)
{
    int cp, k;

    for (*sp = b; *sp > a && t->norm[*sp - 1] != ' ';)
        (*sp)--;
    while (b < t->normlen && (k = utf8_next(&cp, t->norm + b, t->normlen - b)) > 0 && is_word_cp(cp))
        b += (size_t)k;
    *end = b;
}

/* 1 if the last word of a hit across a space, norm [a, b), is no more
 * than an ending of one of the ending tables (Mongolian Cyrillic and
 * Latin, the European case endings: variant_suffix_ok; not Hangul):
 * an ending is glued to its word, never a word of its own, so "Purevdorj
 * in Khovd" holds the English "in", not the genitive -iin (report-adv15
 * Of two letters or more, in lower case. */
static int ending_word_last(const struct normtext *t, size_t a, size_t b)
{
    size_t sp;
    int cp;

    last_word(t, a, b, &sp, &b);
    /* Letters spelt out one by one ("B o l d") and initials in capitals
     * ("김 YH" of the joined reading) are no endings. */
    /* Hangul syllables of a spaced name are often particles too (한국 다인):
     * Latin and Cyrillic endings only. */
    if (sp <= a || b - sp < 2 || redact_upper_at(t, sp) || normalise_spelled(t->norm, t->normlen, a, b) ||
        (utf8_next(&cp, t->norm + sp, b - sp) > 0 && is_hangul_cp(cp)))
        return 0;
    return variant_suffix_ok(SUFFIX_MN_STEM, t->norm + sp, b - sp) ||
           variant_suffix_ok(SUFFIX_EU, t->norm + sp, b - sp);
}

/* 1 if the last word of a hit across a space, norm [a, b), written in
 * lower case, is one of the commonest words of a language (common_words.h:
 * не, ни, на, и, the, dan): a word of the sentence, never a piece of a
 * name written apart, so "У Дашки не было" does not read Дашкине, a form
 * of the name, across the space and take не with it (report-adv34 O-1:
 * the negation was lost).  The whole last word counts, as in
 * ending_word_last. */
static int common_word_last(const struct normtext *t, size_t a, size_t b)
{
    struct normtext w;
    size_t sp;
    int common;

    /* normalise's own views, not normalise_key's sodium_malloc copy: a
     * mapping, its guard pages and an munmap for each hit read across a
     * space were half of redaction's CPU time (docs/SPEED.md, session 36). */
    last_word(t, a, b, &sp, &b);
    if (sp <= a || b <= sp || redact_upper_at(t, sp) || normalise(&w, t->norm + sp, b - sp, NULL) != 0)
        return 0;
    common = common_word_key(w.key, w.keylen);
    normtext_free(&w);
    return common;
}

/* A name spelled out letter by letter with its ending spelled out too
 * (report-adv19a N-1: "종.수.가", "A.l.t.a.n.g.e.r.e.l.i.i.n",
 * "Б.о.л.д.ы.н"): the letters after the hit's end at norm byte p, one
 * code point between each two gaps of the run (normalise_gap), to the
 * run's end.  Returns the norm offset where the run ends when those
 * letters are an ending of f's table (variant_suffix_ok; Korean particles
 * after Hangul), else 0 (the hit ends inside a spelled-out word:
 * "m.h.i.l").  At most SPELLED_ENDING letters (bytes of the buffer). */
#define SPELLED_ENDING 8
static size_t spelled_ending(const struct normtext *t, const struct redact_form *f, size_t p)
{
    char rest[SPELLED_ENDING * 4];
    size_t n = 0, g, letters = 0;
    int cp, k, last = redact_cp_before(t->norm, p);

    while ((g = normalise_gap(t, p)) > 0 && letters < SPELLED_ENDING) {
        if ((k = utf8_next(&cp, t->norm + p + g, t->normlen - p - g)) <= 0 || !is_word_cp(cp))
            return 0;
        memcpy(rest + n, t->norm + p + g, (size_t)k);
        n += (size_t)k, letters++, p += g + (size_t)k;
    }
    /* The run ends here: no further gap, and no letter glued on. */
    if (normalise_gap(t, p) > 0 ||
        (p < t->normlen && utf8_next(&cp, t->norm + p, t->normlen - p) > 0 && is_word_cp(cp)))
        return 0;
    if (n == 0)
        return 0;
    if (is_hangul_cp(last))
        return variant_suffix_ok(SUFFIX_KO, rest, n) ? p : 0;
    /* A person's Latin or Cyrillic name declined letter by letter: the
     * endings the whole word takes through its other readings (the
     * Russian and Mongolian tables, the European case endings:
     * "I.v.a.n.o.v.a", "D_o_r_j_i_i_n"). */
    return variant_suffix_ok((enum variant_suffix)f->suffix, rest, n) ||
           (f->person && (variant_suffix_ok(SUFFIX_MN_STEM, rest, n) ||
                          variant_suffix_ok(SUFFIX_EU, rest, n))) ? p : 0;
}

/* 1 if norm [a, b) is three Latin consonants, no space: a district's
 * abbreviation (bzd, sbd); two ("уб") are too often something else, and
 * so are three with a vowel or in Cyrillic ("төв", "centre", of the
 * aimag Төв: test_eval's mn-news). */
static int short_letters(const struct normtext *t, size_t a, size_t b)
{
    size_t n = 0;
    int cp, k;

    for (; a < b; a += (size_t)k, n++)
        if ((k = utf8_next(&cp, t->norm + a, b - a)) <= 0 || cp < 'a' || cp > 'z' ||
            strchr("aeiouy", cp) != NULL)
            return 0;
    return n == 3;
}

/* Applies the word-boundary and suffix rules to a hit of form f (keylen
 * key bytes ending at key byte kend, of rule enum variant_rule); fills s
 * if accepted.  HIT_NONE if refused, HIT_REPLACE if accepted, HIT_FLAG if
 * it is a review flag whatever the form's kind (open_continuation,
 * spaced_name). */
enum redact_hit redact_accept_hit(struct span *s, const struct normtext *t,
                                  const struct redact_form *f, size_t keylen, int rule,
                                  size_t kend, const struct cover *c)
{
    size_t nstart = t->kpos[kend - keylen], nend = t->kpos[kend - 1] + 1, wend, ha, hb;
    int before = redact_cp_before(t->norm, nstart), first, last, spaced;
    int whole = f->person && f->kind != FORM_SHORT && keylen >= 4, suffix = f->suffix;
    int glued_ko = 0, office = 0, lower;
    size_t wstart = nstart;     /* < nstart: a long Latin form glued after letters or digits */
    enum redact_hit yes = HIT_REPLACE;

    while (nend < t->normlen && ((unsigned char)t->norm[nend] & 0xC0) == 0x80)
        nend++;
    s->start = nstart, s->end = nend, s->rule = rule, s->word = 0, s->review = 0, s->glued = 0;
    spaced = memchr(t->norm + nstart, ' ', nend - nstart) != NULL;
    if (spaced && (ending_word_last(t, nstart, nend) || common_word_last(t, nstart, nend)))
        return HIT_NONE;
    /* A short key across a space is mostly chance ("OR A" is no "Ora"),
     * but for a name's initials with full stops written in capitals ("D. M."
     * of Daniel Morgan: a review flag, report-adv27c H-11). */
    if (keylen <= 4 && spaced && !normalise_spelled(t->norm, t->normlen, nstart, nend)) {
        /* A person's form written as capitals beside a capitalised word
         * ("KH Ro" of Ro Kwang-hyok, the surname of two letters: brief
         * s52 ko52, report-adv51 L-1): the initials and the surname, as
         * "KH Roh" of five key letters is. */
        if (f->person && redact_capitals_beside(t, nstart, nend))
            return yes;
        /* small ones where the context marks a person ("к. о. с братом":
         * brief s42 initb42), replaced there (redact_hit_verdict) */
        if (!redact_spaced_initials(t, nstart, nend) &&
            !(f->person && redact_initials_marked(t, nstart, nend)))
            return HIT_NONE;
        s->end += nend < t->normlen && t->norm[nend] == '.';
        return HIT_FLAG;
    }
    if (spaced && keylen > 4 && f->person && !spaced_name(t, nstart, nend))
        yes = HIT_FLAG;
    /* A colon glued before initials is a label's ("Подписано:К.О.":
     * brief s42 initb42), not a gap inside a spelled-out word. */
    if (normalise_gap_at(t, nstart, 1) &&
        !(t->norm[nstart - 1] == ':' && f->person && redact_initials_marked(t, nstart, nend)))
        return HIT_NONE;
    if (normalise_gap_at(t, nend, 0)) {
        /* The ending spelled out with the name ("종.수.가", "Б.о.л.д.ы.н",
         * "I.v.a.n.o.v.a."): the whole run goes (report-adv19a N-1). */
        if ((wend = spelled_ending(t, f, nend)) == 0)
            return HIT_NONE;
        s->end = wend, s->rule = RULE_INFLECTION;
        return yes;
    }
    (void)utf8_next(&first, t->norm + nstart, t->normlen - nstart);
    if (suffix == SUFFIX_HAN && !is_han_cp(first))
        return HIT_NONE;
    /* Hangul, Han and kana have no capitals: a form that must be written
     * with one (a Cyrillic or Latin spelling that is also a word) matched
     * on a key the normaliser transliterated from such letters (김종수тай
     * is keyed кимчонсутай, normalise_key.c) is written as the name was. */
    if (f->capital && utf8proc_toupper(first) != utf8proc_tolower(first) &&
        !redact_upper_at(t, nstart) && !redact_lower_name_part(t, f, nstart, nend)) {
        /* A district's Latin abbreviation in lower case ("bzd",
         * "bzd-д"): a review flag, the letters may be anything (brief
         * s24 place24). */
        /* A person's name-word in lower case before a verb of a person
         * ("гэрэл ирсэн, гэрэл надад хэлсэн": report-adv30 L-6; brief s32
         * set32): it may be the name, a review flag (issue 13). */
        /* A person's initials written small, each with its full stop,
         * where the context marks a person ("о.г. пришла", "Подпись:
         * s.i.p."; report-adv38 L-51, L-52, L-56) are as capitals are. */
        if (f->person && redact_initials_marked(t, nstart, nend))
            ;
        /* A person's form in lower case before a word of address or
         * kinship ("болд ах", "bold ah", "tseegii egch": brief s51
         * mong51): the person (short_verdict). */
        else if (f->person && redact_lower_person_marked(t, nstart, nend))
            ;
        /* A short form in Latin lower case (sasha, dashka): the person,
         * or a review flag where a Cyrillic reading is a word (lyuba). */
        else if ((lower = redact_lower_latin(t, f, nstart, nend)) != 0)
            yes = lower == 2 ? HIT_FLAG : yes;
        else if (f->person && redact_sense_person_verb(t, nstart, nend))
            yes = HIT_FLAG;
        /* Called at a sentence's start in lower case ("іро, ходи
         * сюди."): the person (redact_context.c). */
        else if (redact_lower_vocative(t, f, nstart, nend))
            ;
        else if (f->person || !short_letters(t, nstart, nend))
            return HIT_NONE;
        else
            yes = HIT_FLAG;
    }
    if (whole && in_handle(&ha, &hb, t, nstart, nend)) {
        s->start = ha, s->end = hb;
        return yes;
    }
    if (!f->person && has_digit(t, nstart, nend))
        return digit_run(t, nstart, nend, c) ? yes : HIT_NONE;
    if (before >= 0 && is_word_cp(before) && !is_han_cp(first) && !is_han_cp(before) &&
        !normalise_script_change(before, first) && !covered(c, nstart - 1)) {
        if (!spaced && redact_camel_start(t, f, nstart))
            ;   /* "ПетроваДарья": a capital starts a word (redact_case.c) */
        else if (f->person && is_hangul_cp(before) && is_hangul_cp(first) && !spaced)
            glued_ko = 1;
        else if (!spaced && redact_admin_prefix(&wstart, t, f, keylen, nstart, nend))
            ;   /* "함북회령", "ХовдМянгад": the whole word goes (redact_admin.c) */
        else if ((spaced && f->person && !spaced_name(t, nstart, nend)) ||
                 (yes = glued_latin(&wstart, t, f, keylen, nstart, first, yes, c)) == HIT_NONE)
            return HIT_NONE;
    }
    last = redact_cp_before(t->norm, nend);
    wend = is_han_cp(last) ? nend : redact_word_end(t->norm, t->normlen, nend, last);
    if (c != NULL)
        wend = first_covered(c, nend, wend);
    if ((whole || long_latin(f, keylen, first)) && wend == nend &&
        (wend = glued_digits(t, nend)) > nend) {
        s->end = wend;
        s->rule = RULE_INFLECTION;
        return yes;
    }
    /* A name ending in Hangul takes Korean particles whatever its
     * literal's script: "Kim종수가" is keyed kimjongsuga (a name written
     * half in Latin, normalise.c). */
    if (suffix == SUFFIX_NONE && is_hangul_cp(last) && nend > nstart)
        suffix = SUFFIX_KO;
    /* An initial or a capitalised word glued after ("ДашаП.",
     * "ПетроваДарья"): the initial goes with the name, the word is read
     * on its own (redact_case.c). */
    if (!spaced && (lower = redact_camel_end(t, f, nstart, nend, wend)) != 0) {
        s->end = lower == 1 ? wend : nend;
        s->rule = lower == 1 ? RULE_INFLECTION : s->rule;
        return yes;
    }
    /* A Latin name in the English plural ("The Krajciks left"). */
    if (!variant_suffix_ok(suffix, t->norm + nend, wend - nend) &&
        !redact_term_glued_ko(t, f, keylen, nstart, nend, wend) &&
        !(!f->person && redact_admin_suffix(t->norm + nend, wend - nend)) &&
        !(!f->person && (office = redact_admin_office(t, nstart, nend, wend)) > 0) &&
        !(!f->person && redact_place_ko_tail(t, nstart, nend, wend)) &&
        !((whole || !f->person) && all_digits(t->norm + nend, wend - nend)) &&
        !(f->person && suffix == SUFFIX_NONE && (last == 0x430 || last == 0x44F || last == 'a') &&
          variant_mn_long_vowel(t->norm + nend, wend - nend)) &&
        !((whole || long_latin(f, keylen, first)) && wend == nend + 1 && t->norm[nend] == 's' &&
          last >= 'a' && last <= 'z'))
        return open_continuation(t, f, keylen, nstart, nend, wend) ?
               (s->glued = 1, s->end = redact_ko_glued_end(t, nend, wend), HIT_FLAG) : HIT_NONE;
    if (wend > nend) {
        s->rule = RULE_INFLECTION;
        /* "강남구청": the place goes, the office noun stays (redact_admin.c). */
        if (office == 2)
            yes = HIT_FLAG;
        if (word_with_ending(t, nstart, nend, wend, rule == RULE_VARIANT) ||
            redact_mn_reflexive_word(t, f, nstart, nend, wend))
            yes = HIT_FLAG;
        /* Korean particles stay (they identify no one); Mongolian endings
         * change the stem, so the whole word goes, and so do digits. */
        if (suffix != SUFFIX_KO || all_digits(t->norm + nend, wend - nend))
            nend = wend;
    }
    s->end = nend;
    s->glued = wstart < nstart || glued_ko;
    if (wstart < nstart) {
        /* The whole glued word is what leaves, or what the person is asked
         * about; an English word (the dictionary's) is none of it. */
        s->start = wstart;
        if (yes == HIT_FLAG && lexicon_word(LEXICON_EN, t->norm + wstart, wend - wstart) == 1)
            return HIT_NONE;
    }
    return glued_ko ? glued_hangul(t, f, nstart, nend, wend, yes) : yes;
}

/* The rules of literal id; a name that may be a word asked of the
 * dictionary when ask is set, else FORM_REPLACE until it was asked. */
static struct redact_form lit_form(const struct redactor *r, size_t id, int ask)
{
    const struct lit *l = &r->lits[id];
    struct redact_form f = { l->suffix, l->capital, l->person, l->kind, l->kind == FORM_SHORT, 0 };
    unsigned char *known, answer;
    int cp, lang;

    /* A Chinese form keyed by its Hangul readings (약한 of 约翰) is no
     * Korean word: it counts only over Han characters. */
    if (!l->word || r->wordkind == NULL || l->suffix == SUFFIX_HAN)
        return f;
    known = &r->wordkind[id];
    /* A generated short form whose key is one of the commonest words (ко
     * of К.О. of Ксения Орлова, kept by redact_generated_dropped) counts
     * only as initials, written so or where the context marks a person,
     * whatever the dictionary says of the word: known without asking, so
     * every reader of the forms (redactor_each_form, WORDS_SEEN) sees it
     * so, never as a replacement (brief s41 init41b). */
    if (l->kind == FORM_SHORT && l->generated &&
        common_word_key(r->arena + r->keyoff[id], l->keylen)) {
        f.kind = FORM_SHORT, f.generated = 1;
        return f;
    }
    /* Not asked yet: the strictest rule, a replacement (redact.h). */
    if (*known == 0 && !ask) {
        f.kind = FORM_REPLACE;
        return f;
    }
    if (*known == 0) {
        const char *key = r->arena + r->keyoff[id];
        int ordinary, kind;
        (void)utf8_next(&cp, key, l->keylen);
        lang = lexicon_lang_of(cp);
        ordinary = lang == LEXICON_KO ? redact_ordinary_ko(key, l->keylen, 1)
                   : lang == LEXICON_MN ? redact_cyrillic_word(key, l->keylen)
                                        : lexicon_word((enum lexicon_lang)lang, key, l->keylen) == 1;
        /* A generated spelling that is an acronym (iban of Ivan: IBAN;
         * brief s19 num19, R-8) is a word as much as one in lower case. */
        if (!ordinary && l->generated && l->person && lang == LEXICON_EN)
            ordinary = lexicon_acronym(LEXICON_EN, key, l->keylen) == 1;

        /* A short form: a review flag where it is an ordinary word, else
         * replaced (initials: a review flag either way); a month, day or
         * function word: FORM_COMMON.  A generated spelling that is a
         * word of either kind counts only where the context marks a name
         * (redact_form.generated). */
        kind = l->kind == FORM_SHORT ? (ordinary || l->initials ? FORM_SHORT : FORM_REPLACE)
               : variants_common_word(key, l->keylen) ? FORM_COMMON
               : ordinary ? FORM_WORD : FORM_REPLACE;
        answer = (unsigned char)(1 + kind);
        if (l->generated && kind != FORM_REPLACE && (ordinary || kind == FORM_COMMON))
            answer |= WORDKIND_GENERATED;
        /* Not kept when a dictionary's answer was held back (lexicon_hold:
         * the check runs again with it loaded). */
        if (lexicon_held() == 0)
            *known = answer;
    } else {
        answer = *known;
    }
    f.kind = (unsigned char)((answer & ~WORDKIND_GENERATED) - 1);
    f.generated = (answer & WORDKIND_GENERATED) != 0;
    return f;
}

struct redact_form redact_lit_form(const struct redactor *r, size_t id)
{
    return lit_form(r, id, 1);
}

struct redact_form redact_lit_form_seen(const struct redactor *r, size_t id)
{
    return lit_form(r, id, 0);
}

/* redact_hit_verdict, then a person's Mongolian short form that the
 * verdict left a flag or nothing is replaced where the sentence is about
 * a person (redact_mn_short_person: Батаатай, "Алтаа бид хоёр"). */
static enum redact_hit short_verdict(const struct normtext *t, const struct redact_form *f,
                                     enum redact_hit h, size_t a, size_t b)
{
    enum redact_hit v = redact_hit_verdict(t, f, h, a, b);
    int first;

    if (v != HIT_REPLACE && f->kind == FORM_SHORT && f->person && redact_mn_short_person(t, a, b))
        return HIT_REPLACE;
    /* Written in lower case before a word of address or kinship (bataa
     * ah, болдоо ах): the person, as chat writes a name; with a capital
     * (Дорж ах, Цэцэг эгч) a short form that is a word stays a flag. */
    if (v != HIT_REPLACE && f->person && utf8_next(&first, t->norm + a, t->normlen - a) > 0 &&
        utf8proc_toupper(first) != utf8proc_tolower(first) && !redact_upper_at(t, a) &&
        redact_lower_person_marked(t, a, b))
        return HIT_REPLACE;
    return v;
}

enum redact_hit redact_form_hit(size_t *start, size_t *end, const char **flag,
                                const struct normtext *t, const struct redact_form *f,
                                size_t keylen, size_t kend)
{
    struct span s;
    enum redact_hit h;

    if (keylen == 0 || kend < keylen || kend > t->keylen ||
        (h = redact_accept_hit(&s, t, f, keylen, RULE_EXACT, kend, NULL)) == HIT_NONE ||
        redact_context_refuses(t, f, s.start, s.end))
        return HIT_NONE;
    *start = s.start, *end = s.end;
    if ((h = short_verdict(t, f, h, s.start, s.end)) == HIT_FLAG)
        *flag = redact_hit_flags[f->kind == FORM_SHORT || f->kind == FORM_CONTEXT ? 0 : 1];
    return h;
}

static void term_span(struct span *s, const struct redactor *r, size_t lit)
{
    const struct term *tm = &r->terms[r->lits[lit].term];

    /* The father named in a subject's patronymic is another person: his
     * own placeholder (report adv12c L1: "Батбаяр Алтангэрэл хоёр" gave
     * both one pseudonym, which says something false). */
    s->cat = r->lits[lit].father || r->lits[lit].shared ? TERM_PERSON : tm->cat == NAME_CAT ? CAT_PSEUDONYM : tm->cat;
    s->subject = tm->subject;
    s->term = r->lits[lit].term;
}

/* Where a review flag over initials at norm [a, b) ends: over the full
 * stop after their last letter ("Т. Е.", "Ж.Д."), as a replacement of
 * them takes it (redact_initials_stop), so the flag covers the initials
 * as written; b where the last letter is no initial standing alone after
 * a full stop (report-adv45's guards: "(Т. Е.)", "отдал Т. Е." were
 * flagged without their last full stop; brief s46 ini46). */
static size_t initials_flag_end(const struct normtext *t, size_t a, size_t b)
{
    size_t l;
    int cp;

    if (b <= a || b >= t->normlen || t->norm[b] != '.')
        return b;
    l = redact_cp_start(t->norm, b);
    if (l <= a || utf8_next(&cp, t->norm + l, b - l) <= 0 || !is_word_cp(cp) ||
        !(t->norm[l - 1] == '.' || (t->norm[l - 1] == ' ' && l >= a + 2 && t->norm[l - 2] == '.')))
        return b;
    return b + 1;
}

/* Files an accepted hit s of literal lit (h: accept_hit's answer): a
 * replacement into out, or a review flag into flags (when not NULL).  0,
 * or 1 when out of memory. */
int redact_file_hit(struct span *s, const struct redactor *r, size_t lit,
                    const struct redact_form *f, enum redact_hit h, const struct normtext *t,
                    struct spans *out, struct spans *flags)
{
    enum redact_hit v;

    if (redact_context_refuses(t, f, s->start, s->end))
        return 0;
    if ((v = short_verdict(t, f, h, s->start, s->end)) == HIT_NONE)
        return 0;
    /* Initials before a form of the subject's own surname ("Н.П.
     * Коваль" of Kovalev) are the subject's, not another person's
     * (redact_initials_other made them a flag): replaced. */
    if (v == HIT_FLAG && f->person && redact_initials_other(t, s->start, s->end) &&
        redact_initials_own_surname(r, lit, t, s->start, s->end))
        v = HIT_REPLACE;
    if (v == HIT_FLAG) {
        if (flags == NULL)
            return 0;
        s->cat = f->kind == FORM_SHORT || f->kind == FORM_CONTEXT ? FLAG_SHORT_NAME
                 : s->glued                                       ? FLAG_GLUED_NAME
                                                                  : FLAG_NAME_OR_WORD;
        s->term = lit;
        /* The literal's own subject (a shared form's: one of its
         * subjects), never what the span held before: promote_readings
         * (redact_koryo.c) reads it, and an unset one gave Kim Olga's
         * pseudonym to 김세르게이 of Kim Sergey in one order of hits
         * (adv38-open line 330; brief s47 ord47). */
        s->subject = r->terms[r->lits[lit].term].subject;
        s->end = initials_flag_end(t, s->start, s->end);
        s->review = h == HIT_FLAG;
        return redact_span_add(flags, s) == 0 ? 0 : 1;
    }
    term_span(s, r, lit);
    s->word = f->kind == FORM_WORD || f->kind == FORM_COMMON;
    return redact_span_add(out, s) == 0 ? 0 : 1;
}

int redact_on_match(unsigned int id, unsigned long long from, unsigned long long to,
                    unsigned int flags, void *arg)
{
    struct scan_state *st = arg;
    struct redact_form f = redact_lit_form(st->r, id);
    struct span s = { 0 };      /* no field left from another hit (brief s47 ord47) */
    enum redact_hit h;
    size_t nout = st->out->n, nflags = st->flags != NULL ? st->flags->n : 0;
    int rc;

    (void)from, (void)flags;
    if ((h = redact_accept_hit(&s, st->t, &f, st->r->lits[id].keylen, st->r->lits[id].rule, (size_t)to,
                        NULL)) == HIT_NONE) {
        /* Kept: it may border a span replaced later (see redact_retry_pending);
         * a short form only for redact_beside_lower. */
        if (st->pending == NULL)
            return 0;
        s.term = id, s.end = (size_t)to;
        s.review = f.kind == FORM_SHORT ? PENDING_BESIDE_ONLY : 0;
        return redact_span_add(st->pending, &s) == 0 ? 0 : 1;
    }
    /* A whole name's case form and another subject's short form of the
     * same key (mark_shared): each only as the text writes it, two words
     * or one ("Дашу Ли", "Дашули"). */
    if ((st->r->lits[id].spaced || st->r->lits[id].yields) &&
        (memchr(st->t->norm + s.start, ' ', s.end - s.start) != NULL) != st->r->lits[id].spaced)
        return 0;
    rc = redact_file_hit(&s, st->r, id, &f, h, st->t, st->out, st->flags);
    /* Neither replaced nor flagged where it stands (a name that is a
     * word, with no context that marks a name): kept for
     * redact_beside_lower, which asks whether the same subject's name
     * stands beside it ("віру савчук"). */
    if (rc == 0 && st->pending != NULL && st->out->n == nout &&
        (st->flags == NULL || st->flags->n == nflags)) {
        s.term = id, s.end = (size_t)to, s.review = PENDING_BESIDE_ONLY;
        rc = redact_span_add(st->pending, &s) == 0 ? 0 : 1;
    }
    return rc;
}
