/* Review flags: name-shaped words in no list (a Korean surname with a
 * hyphenated given name, two capitalised Cyrillic words, a title and a
 * capitalised word, a 3-syllable Hangul word starting with a surname),
 * flagged for a human and not replaced. */
#include "privacy/redact.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/address_words.h"
#include "privacy/detect.h"
#include "privacy/flag_attrib.h"
#include "privacy/flag_context.h"
#include "privacy/flag_words.h"
#include "privacy/gazetteer.h"
#include "privacy/codepage.h"
#include "privacy/common_words.h"
#include "privacy/escapes.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"
#include "privacy/romanise.h"
#include "privacy/variants.h"
#include "util/lexicon.h"

struct word {
    size_t start, end;
    int first, cap, hyphen;
};

static const char *const titles[] = {
    "mr", "mrs", "ms", "dr", "mister", "miss", "madam", "comrade", "sir",
    "товарищ", "господин", "госпожа", "гуай",
};

/* 1 if the ASCII byte c is a word character (is_word_cp without a call). */
static int ascii_word(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The code point at s[i] (i < len) in *cp and its length; ASCII without a
 * call. */
static int cp_at(int *cp, const char *s, size_t len, size_t i)
{
    if ((unsigned char)s[i] < 0x80) {
        *cp = (unsigned char)s[i];
        return 1;
    }
    return utf8_next(cp, s + i, len - i);
}

static int word_cp_at(const char *s, size_t len, size_t i)
{
    int cp;

    if ((unsigned char)s[i] < 0x80)
        return ascii_word((unsigned char)s[i]);
    return utf8_next(&cp, s + i, len - i) > 0 && is_word_cp(cp);
}

/* The length of the word character at s[i] (non-ASCII), or 0 if it is
 * none or invalid.  Hangul syllables and basic Cyrillic, most of the
 * non-ASCII text, are recognised from their bytes. */
static int word_len_at(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    int cp, k;

    if (len - i >= 3 && u[0] >= 0xEA && u[0] <= 0xED && (u[1] & 0xC0) == 0x80 &&
        (u[2] & 0xC0) == 0x80) {
        cp = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        if (cp >= 0xAC00 && cp <= 0xD7A3)
            return 3;
    } else if (len - i >= 2 && (u[0] == 0xD0 || u[0] == 0xD1) && (u[1] & 0xC0) == 0x80) {
        cp = ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
        if (cp >= 0x0410 && cp <= 0x044F)
            return 2;
    }
    return (k = utf8_next(&cp, s + i, len - i)) > 0 && is_word_cp(cp) ? k : 0;
}

/* The next word at or after *at in the original text; 0 if none. */
static int next_word(struct word *w, const char *s, size_t len, size_t *at)
{
    int cp, k;
    size_t i = *at;

    while (i < len && (k = cp_at(&cp, s, len, i)) > 0 &&
           !((unsigned char)s[i] < 0x80 ? ascii_word((unsigned char)s[i]) : is_word_cp(cp)))
        i += (size_t)k;
    if (i >= len || k <= 0)
        return 0;
    w->first = cp;          /* the code point the loop stopped at */
    w->start = i, w->hyphen = 0;
    if (cp < 0x80)
        w->cap = cp >= 'A' && cp <= 'Z';
    else if (cp >= 0xAC00 && cp <= 0xD7A3)
        w->cap = 0;         /* Hangul has no case */
    else if (cp >= 0x0400 && cp <= 0x044F)
        w->cap = cp < 0x0430;
    else
        w->cap = normalise_is_upper(cp);
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (!ascii_word(c) && !((c == '-' || c == '\'') && i + 1 < len &&
                                    word_cp_at(s, len, i + 1)))
                break;
            w->hyphen |= c == '-';
            i++;
            continue;
        }
        if ((k = word_len_at(s, len, i)) == 0)
            break;
        i += (size_t)k;
    }
    w->end = *at = i;
    return 1;
}

/* The word in lower case into a small stack buffer (no secure allocation
 * per word: this runs on every word); -1 if it is too long to be a title or
 * a surname. */
static int word_lower(char *out, size_t outlen, const struct word *w, const char *s)
{
    size_t at = w->start, o = 0;
    int cp, k;
    utf8proc_uint8_t u[4];
    utf8proc_ssize_t n;

    while (at < w->end && (k = utf8_next(&cp, s + at, w->end - at)) > 0) {
        n = utf8proc_encode_char(utf8proc_tolower(cp), u);
        if (n <= 0 || o + (size_t)n + 1 > outlen)
            return -1;
        memcpy(out + o, u, (size_t)n);
        o += (size_t)n;
        at += (size_t)k;
    }
    out[o] = '\0';
    return 0;
}

static int key_in(const struct word *w, const char *s, const char *const *tab, size_t n)
{
    char low[48];
    size_t i;

    if (word_lower(low, sizeof low, w, s) != 0)
        return 0;
    for (i = 0; i < n; i++)
        if (strcmp(tab[i], low) == 0)
            return 1;
    return 0;
}

static int is_surname_word(const struct word *w, const char *s)
{
    char low[48];

    return w->cap && word_lower(low, sizeof low, w, s) == 0 &&
           variants_is_surname(low, strlen(low));
}

static const char cyrillic_name[] = "cyrillic-name";
/* A korean-name flag on the first word of a pair only (pair_kind). */
static const char korean_name_alone[] = "korean-name";

/* 1 if the hyphenated Latin word w is a romanised Korean given name: each
 * part one syllable (Jae-won, Chin-so; not E-Mart). */
static int romanised_given(const struct word *w, const char *s)
{
    char low[48];
    size_t n, k;

    if (word_lower(low, sizeof low, w, s) != 0 || (n = strlen(low)) == 0)
        return 0;
    for (char *p = low; *p != '\0'; p += k + (p[k] == '-')) {
        k = strcspn(p, "-");
        if (k == 0 || !romanise_ko_latin_syllable(p, k))
            return 0;
    }
    return 1;
}

/* 1 if s[a..b), the gap between two words, holds a sentence's end: a
 * Korean title after it (". 동무 셋이서") addresses no one in the word
 * before. */
static int ends_sentence(const char *s, size_t a, size_t b)
{
    for (; a < b; a++)
        if (s[a] == '.' || s[a] == '!' || s[a] == '?' || s[a] == '\n')
            return 1;
    return 0;
}

/* 1 if s[a..b) holds only white space. */
static int only_space(const char *s, size_t a, size_t b)
{
    for (; a < b; a++)
        if (s[a] != ' ' && s[a] != '\t')
            return 0;
    return 1;
}

/* 1 if s[a..b) holds at most three bytes of white space or the marks
 * that part digit groups (" - ", ", ", "/", "."). */
static int only_space_or(const char *s, size_t a, size_t b)
{
    if (b - a > 3)
        return 0;
    for (; a < b; a++)
        if (strchr(" \t-,./", s[a]) == NULL)
            return 0;
    return 1;
}

static int abbrev_with_ending(const struct word *w, const char *s);

/* 1 if the word w is a bank's name (detect_bank_word: "Карта Сбера" is a
 * card, no person, report-adv34 over-flag). */
static int bank_word(const struct word *w, const char *s)
{
    char low[48];

    return word_lower(low, sizeof low, w, s) == 0 && detect_bank_word(low, strlen(low));
}

/* Hangul syllables that are surnames (variants_is_surname), one bit each:
 * asked for every Hangul word. */
static unsigned char surname_syl[(0xD7A4 - 0xAC00 + 7) / 8];
static pthread_once_t surname_syl_once = PTHREAD_ONCE_INIT;

static void surname_syl_build(void)
{
    utf8proc_uint8_t u[4];
    int cp;

    for (cp = 0xAC00; cp <= 0xD7A3; cp++)
        if (utf8proc_encode_char(cp, u) == 3 && variants_is_surname((const char *)u, 3))
            surname_syl[(cp - 0xAC00) >> 3] |= (unsigned char)(1u << ((cp - 0xAC00) & 7));
}

/* 1 if the Hangul syllable cp, a surname, is also a determiner (관형사)
 * that stands before a noun as its own word: 이 "this", 한 "one", 전
 * "former", 두 "two", 석 "three", 모 "a certain", 본 "this", 현 "current",
 * 여 "several" ("한 동무가", "모 씨가" name no one). */
static int determiner(int cp)
{
    static const int det[] = { 0xC774, 0xD55C, 0xC804, 0xB450, 0xC11D, 0xBAA8, 0xBCF8, 0xD604,
                               0xC5EC };

    for (size_t i = 0; i < sizeof det / sizeof det[0]; i++)
        if (det[i] == cp)
            return 1;
    return 0;
}

/* 1 if the word a is one Hangul syllable, a surname that is no
 * determiner: 김, 박, 리 (not 이 "this", 한 "one"). */
static int surname_alone(const struct word *a)
{
    int c = a->first - 0xAC00;

    return a->end - a->start == 3 && a->first >= 0xAC00 && a->first <= 0xD7A3 &&
           !determiner(a->first) &&
           ((void)pthread_once(&surname_syl_once, surname_syl_build), (surname_syl[c >> 3] >> (c & 7)) & 1);
}

/* The kind of name shape the pair (a, b) makes, or NULL. */
static const char *pair_kind(const struct word *a, const struct word *b, const char *s)
{
    if (b->start - a->end > 2)
        return NULL;
    /* A title written out in full ends no abbreviation: a full stop after
     * it ends its sentence ("Дорж гуай. Бат ирэв", report-adv12g A-7). */
    if (b->cap && (key_in(a, s, titles, sizeof titles / sizeof titles[0]) ||
                   flag_title_before(s + a->start, a->end - a->start)) &&
        !(a->end - a->start > 3 && ends_sentence(s, a->end, b->start)))
        return "title-name";
    if (is_hangul_cp(a->first) && is_hangul_cp(b->first) && !ends_sentence(s, a->end, b->start) &&
        variants_ko_mark_word(s + b->start, b->end - b->start, KO_MARK_TITLE, 0))
        return "title-name";
    /* Two capitalised Cyrillic words with white space only between them: a
     * comma or other mark makes a list ("Увс, Ховд аймгууд"), not one name. */
    if (is_cyrillic_cp(a->first) && is_cyrillic_cp(b->first) && a->cap && b->cap &&
        only_space(s, a->end, b->start) && !abbrev_with_ending(a, s) && !bank_word(a, s) && !bank_word(b, s))
        return cyrillic_name;
    /* A Cyrillic initial and a name: "Д.Энхбаяр", "Д. Энхбаяр" (how
     * Mongolian documents write every person: report-adv17a D-16). */
    if (is_cyrillic_cp(a->first) && is_cyrillic_cp(b->first) && a->cap && b->cap &&
        flag_initial_gap(s, a->start, a->end, b->start, b->end))
        return cyrillic_name;
    /* Not read across a full stop: "E-Mart. I went" is a brand and the
     * next sentence's I (report-adv17a D-54); a romanised given name
     * before the stop (him Jae-won. In ...) is flagged alone. */
    if (a->first < 0x250 && b->first < 0x250 && a->cap && b->cap &&
        ((b->hyphen && is_surname_word(a, s)) || (a->hyphen && is_surname_word(b, s)))) {
        /* A line end is no stop: a name wraps (Choe\nMyong-nam). */
        if (!ends_sentence(s, a->end, b->start) || memchr(s + a->end, '.', b->start - a->end) == NULL)
            return "korean-name";
        return a->hyphen && romanised_given(a, s) ? korean_name_alone : NULL;
    }
    return NULL;
}

/* 1 if the Hangul word w is a township's, a village's or a
 * neighbourhood's name (its third syllable 면 읍 동 리) right after a
 * county's, a city's or a district's word (two Hangul syllables or more
 * ending in 군 시 구, maybe a comma between): "양평군 서종면", "강남구
 * 역삼동", where 서 and 역 are surnames (brief s21 addr21; the county
 * words themselves are in data/gazetteer/regions.txt). */
static int ko_admin_chain(const struct word *w, const char *s)
{
    size_t j = w->start;
    int third, last;

    if (w->end - w->start < 9)
        return 0;
    third = redact_cp_before(s, w->start + 9);
    if (third != 0xBA74 && third != 0xC74D && third != 0xB3D9 && third != 0xB9AC)
        return 0;                                   /* 면 읍 동 리 */
    while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == ','))
        j--;
    if (j == w->start || j < 6)
        return 0;
    last = redact_cp_before(s, j);
    return (last == 0xAD70 || last == 0xC2DC || last == 0xAD6C) && is_hangul_cp(redact_cp_before(s, j - 3));
}

static int hangul_name_word(const struct word *w, const char *s)
{
    size_t n = w->end - w->start;
    int c = w->first - 0xAC00;

    /* 3 syllables (9 bytes) starting with a surname, then only particles;
     * 이 is left out: it starts too many ordinary words. */
    if (n < 9 || c < 0 || c > 0xD7A3 - 0xAC00 || w->first == 0xC774)
        return 0;
    (void)pthread_once(&surname_syl_once, surname_syl_build);
    if (!((surname_syl[c >> 3] >> (c & 7)) & 1) || ko_admin_chain(w, s))
        return 0;
    return variants_ko_common_suffix(s + w->start + 9, n - 9);
}

/* A given name of two syllables, the second with a final consonant, and
 * the 이 Korean adds to such a name before a particle (순옥이가, 영철이한테:
 * an ordinary noun takes the particle straight, 사람이): the name's length
 * in bytes (6), else 0.  Brief s19 ko19, D-16. */
static size_t given_i(const struct word *w, const char *s)
{
    size_t n = w->end - w->start;
    int cp;

    if (n <= 12 || w->first < 0xAC00 || w->first > 0xD7A3 ||
        utf8_next(&cp, s + w->start + 3, 3) != 3 || cp < 0xAC00 || cp > 0xD7A3 ||
        (cp - 0xAC00) % 28 == 0 || memcmp(s + w->start + 6, "이", 3) != 0 ||
        !variants_ko_common_suffix(s + w->start + 9, n - 9))
        return 0;
    return 6;
}

/* Walks the (sorted, disjoint) replaced spans once while flags are added
 * in text order. */
struct flagcur {
    size_t cap;                 /* of res->flags */
    size_t i;                   /* first span that ends after the last flag's start */
    long delta;                 /* output minus original length before span i */
};

static int flag_add(struct redaction *res, struct flagcur *c, size_t a, size_t b,
                    const char *kind, const size_t *orig, const struct spans *sp,
                    const struct redactor *r, const char *in)
{
    struct redaction_flag *f;
    size_t i, keylen;
    char *key;

    for (; c->i < sp->n && orig[2 * c->i + 1] <= a; c->i++)
        c->delta += (long)(sp->s[c->i].end - sp->s[c->i].start) -
                    (long)(orig[2 * c->i + 1] - orig[2 * c->i]);
    if (c->i < sp->n && orig[2 * c->i] < b)
        return 0;                           /* already redacted */
    if (res->nflags == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 8;
        if ((f = realloc(res->flags, c->cap * sizeof *f)) == NULL)
            return -1;
        res->flags = f;
    }
    f = &res->flags[res->nflags++];
    f->start = (size_t)((long)a + c->delta), f->len = b - a, f->kind = kind, f->allowed = 0;
    if (r->nallowed == 0)
        return 0;
    if (normalise_key(&key, &keylen, in + a, b - a, NULL) != 0)
        return -1;
    for (i = 0; i < r->nallowed; i++)
        if (strlen(r->allowed[i]) == keylen && memcmp(r->allowed[i], key, keylen) == 0)
            f->allowed = 1;
    secmem_free(key);
    return 0;
}

static const char *const extra_kinds[] = { "short-name", "name-or-word", "mixed-script",
                                           "near-name", "transcription", "glued-name",
                                           "escape-run", "unread-script", "spoken-number",
                                           "address", "handle", "number-parts",
                                           "title-name" };

/* Adds the flags of extra from *next on that start before limit. */
static int add_extra(struct redaction *res, struct flagcur *cur, const struct spans *extra,
                     size_t *next, size_t limit, const size_t *orig, const struct spans *sp,
                     const struct redactor *r, const char *in)
{
    int rc = 0;

    for (; rc == 0 && *next < extra->n && extra->s[*next].start < limit; (*next)++) {
        const struct span *x = &extra->s[*next];
        rc = flag_add(res, cur, x->start, x->end, extra_kinds[x->cat], orig, sp, r, in);
    }
    return rc;
}

/* 1 if the original text before in[at] holds only white space, quotes
 * and brackets back to a sentence's end or the text's start. */
static int starts_sentence(const char *in, size_t at)
{
    while (at > 0) {
        unsigned char c = (unsigned char)in[at - 1];
        if (c == '\n')
            return 1;
        if (c == ' ' || c == '\t' || c == '\r' || c == '"' || c == '\'' || c == '(' || c == '[')
            at--;
        else if (c >= 0x80 && at >= 3 && ((unsigned char)in[at - 3] == 0xE2 ||
                                           (unsigned char)in[at - 3] == 0xE3))
            at -= 3;                    /* “ ‘ « 「 and the like, or … 。 */
        else
            return c == '.' || c == '!' || c == '?' || c == ':';
    }
    return 1;
}

/* 1 if the word s[w->start..end) is an ordinary word: the dictionary of
 * its language knows it (util/lexicon.h: as written in lower case; a
 * Korean word as redact_ordinary_ko reads hunspell-ko), and, for Cyrillic
 * and Latin words, the name lists do not (gazetteer.h: Жалбаа, Гэрэл are
 * names hunspell-mn also knows as words); 0 if not, or if the dictionary
 * is missing. */
static int ordinary(const struct word *w, const char *s, size_t end)
{
    return redactor_ordinary_word(s + w->start, end - w->start);
}

int redactor_ordinary_word(const char *w, size_t len)
{
    int first, lang;

    if (len == 0 || utf8_next(&first, w, len) <= 0 || (lang = lexicon_lang_of(first)) < 0 ||
        !redact_known_word(lang, w, len))
        return 0;
    return lang == LEXICON_KO || !gazetteer_names_word(w, len);
}

/* 1 if the Cyrillic word w is an ordinary word whose dictionary stem is
 * no name either ("Улсын Их Хурлын": улс, их, хурал; not Төмөрийн, whose
 * stem Төмөр the name lists know): two such words side by side are an
 * organisation's or a title's words, not a person's name (NEW-8). */
static int cyrillic_word(const struct word *w, const char *s)
{
    return ordinary(w, s, w->end) && !flag_name_stem(LEXICON_MN, s + w->start, w->end - w->start);
}

static const char context_name[] = "context-name";

/* 1 if the Latin or Cyrillic word w is written in capitals throughout
 * (UN, IMF, АН): an abbreviation, not a name. */
static int all_caps(const struct word *w, const char *s)
{
    size_t at = w->start, n = 0;
    int cp, k;

    while (at < w->end && (k = utf8_next(&cp, s + at, w->end - at)) > 0) {
        if (utf8proc_tolower(cp) != cp)
            n++;
        else if (utf8proc_toupper(cp) != cp)
            return 0;
        at += (size_t)k;
    }
    return n >= 2;
}

/* 1 if the word w is an abbreviation in capitals with a case ending
 * after a hyphen (НҮБ-ын, ОХУ-ын, АНУ-д, UN-ийн: report adv12 A-13): an
 * organisation or a country, not the first word of a person's name. */
static int abbrev_with_ending(const struct word *w, const char *s)
{
    size_t at = w->start, caps = 0;
    int cp, k, after = 0;

    while (at < w->end && (k = utf8_next(&cp, s + at, w->end - at)) > 0) {
        if (cp == '-' && !after && caps >= 2)
            after = 1;
        else if (!after ? utf8proc_tolower(cp) == cp : utf8proc_toupper(cp) == cp)
            return 0;
        else
            caps += !after;
        at += (size_t)k;
    }
    return after;
}

/* 1 if the capitalised Latin or Cyrillic word a may be a person's name
 * that no list knows: no abbreviation (UN), no ordinary word (the name
 * lists' words and their Mongolian stems aside: Ганзоригийн), no romanised
 * word of address or kinship (Omma, Halmoni, Eej: address_words.h). */
static int name_candidate(const struct word *a, const char *s)
{
    size_t n = a->end - a->start;

    if (!a->cap || all_caps(a, s) || (!is_cyrillic_cp(a->first) && a->first >= 0x250))
        return 0;
    if (ordinary(a, s, a->end) &&
        !(is_cyrillic_cp(a->first) && flag_name_stem(LEXICON_MN, s + a->start, n)))
        return 0;
    if (is_cyrillic_cp(a->first))
        return 1;
    return !(flag_en_word(s + a->start, n) && !gazetteer_names_word(s + a->start, n)) &&
           !address_latin_word(s + a->start, n);
}

/* 1 if the Cyrillic word w[0..n) ends in a Mongolian instrumental
 * ending after a stem of two letters or more. */
static int instrumental(const char *w, size_t n)
{
    static const char *const ends[] = { "аар", "ээр", "оор", "өөр" };

    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
        if (n >= 6 + 4 && memcmp(w + n - 6, ends[i], 6) == 0)
            return 1;
    return 0;
}

/* 1 if the Cyrillic word a is one of the commonest words of Russian,
 * Ukrainian or Belarusian (common_words.c: потом, тогда, там, потім), an
 * adverb or a pronoun that opens a sentence with a capital and is no one's
 * name (report-adv30 O-3: "Потом пришла Верунька" flagged Потом). */
static int common_cyrillic(const struct word *a, const char *s)
{
    char low[64];

    return is_cyrillic_cp(a->first) &&
           flag_lower(low, sizeof low, s + a->start, a->end - a->start) == 0 &&
           common_word_key(low, strlen(low));
}

/* context-name (NEW-11): the pair (a, b) marks a as a person's name that
 * no list knows, or NULL.  The context marks a name when a word of address
 * follows as the next word (이영호 씨가, 김 선생님이, Дорж гуай, Батаа ахын)
 * or a verb of saying follows a capitalised word ("Then Pak said",
 * "Ms. Oyun said" is a title-name); a never is an ordinary word, except a
 * Korean surname alone before a word of address (김 "laver"; not 이,
 * "this").  Titles before a name are pair_kind's title-name. */
static const char *context_kind(const struct word *a, const struct word *b, const char *s)
{
    size_t bl = b->end - b->start;

    if (!only_space(s, a->end, b->start))
        return NULL;
    if (is_hangul_cp(a->first)) {
        int surname = surname_alone(a);
        return is_hangul_cp(b->first) && flag_address_word(s + b->start, bl) &&
                       (surname || !ordinary(a, s, a->end))
                   ? context_name
                   : NULL;
    }
    /* A capitalised Latin word before a Korean word of address or title
     * in Latin ("Kim tongji", "Pak panjang": report-adv51 L-42; brief s52
     * ko52), as 김 before 동지. */
    if (a->first < 0x250 && a->cap && flag_address_romanised(s + b->start, bl, 1))
        return name_candidate(a, s) ? context_name : NULL;
    /* The next word first: no dictionary is asked without a mark. */
    if (!flag_speech_verb(s + b->start, bl) &&
        !(flag_action_verb(s + b->start, bl) &&     /* of the name's script */
          is_cyrillic_cp(a->first) == is_cyrillic_cp(b->first)) &&
        !(is_cyrillic_cp(a->first) && flag_address_word(s + b->start, bl)))
        return NULL;
    /* A Mongolian word in the instrumental (-аар, -ээр, -оор, -өөр) is an
     * adverb or a means before a verb (Шинээр ирсэн "came anew", Машинаар
     * явсан), never its subject, which is bare (report-adv20 R-8). */
    if (is_cyrillic_cp(a->first) && instrumental(s + a->start, a->end - a->start))
        return NULL;
    /* A place of the gazetteer before a verb is the place ("A diplomat
     * in Seoul said": report adv12 A-13). */
    /* "E3 came" of q=%D2%E0%ED%FF%E3: a word with a digit is no name. */
    for (size_t i = a->start; i < a->end; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return NULL;
    return !flag_pronoun(s + a->start, a->end - a->start) &&
                   !flag_kin_noun(s + a->start, a->end - a->start) && !common_cyrillic(a, s) &&
                   name_candidate(a, s) &&
                   !flag_place_word(s + a->start, a->end - a->start)
               ? context_name
               : NULL;
}

/* Receives a name-shaped span [a, b) of the text (bytes) and its kind. */
typedef int (*shape_fn)(void *ctx, size_t a, size_t b, const char *kind);

/* The words before the current one (report-adv12g A-7: "told by Pak"). */
struct before {
    struct word w[2];           /* w[0] just before, w[1] before it */
    int n;
};

/* 1 if the word just before a (p->w[0], white space between) is an English
 * preposition of place: "A diplomat in Seoul said" names a place, not a
 * speaker (report adv12 A-13), whether the gazetteer knows it or not. */
static int after_locative(const struct before *p, const struct word *a, const char *s)
{
    static const char *const loc[] = { "in", "at", "from", "near", "outside", "inside",
                                       "across", "around", "throughout" };
    char low[16];

    if (p->n < 1 || !only_space(s, p->w[0].end, a->start))
        return 0;
    /* "К Петру пришла": no subject follows a Slavic preposition. */
    if (is_cyrillic_cp(p->w[0].first) && flag_preposition(s + p->w[0].start, p->w[0].end - p->w[0].start))
        return 1;
    if (word_lower(low, sizeof low, &p->w[0], s) != 0)
        return 0;
    for (size_t i = 0; i < sizeof loc / sizeof loc[0]; i++)
        if (strcmp(low, loc[i]) == 0)
            return 1;
    return 0;
}

/* 1 if the word a is written as a name is: a capital, then small letters
 * up to a hyphen (Pak, Choe, Jong-su; not OLDTEXT-x, R2D2). */
static int title_case(const struct word *a, const char *s)
{
    size_t at = a->start;
    int cp, k, first = 1;

    while (at < a->end && (k = utf8_next(&cp, s + at, a->end - at)) > 0 && cp != '-') {
        if (first ? utf8proc_toupper(cp) != cp || utf8proc_tolower(cp) == cp
                  : utf8proc_tolower(cp) != cp || utf8proc_toupper(cp) == cp)
            return 0;
        first = 0;
        at += (size_t)k;
    }
    return !first;
}

/* 1 if the Latin word a follows a verb of saying in the same clause
 * ("said Pak", "told by Pak", "According to Pak") and may be a name no
 * list knows.  A word hunspell-en knows with its capital (Monday,
 * London) is no one's name here: "the ministry said Monday". */
static int spoken_before(const struct before *p, const struct word *a, const char *s)
{
    const struct word *p1 = &p->w[0], *p2 = &p->w[1];
    int two = p->n >= 2 && only_space(s, p2->end, p1->start);
    size_t n = a->end - a->start;

    if (p->n < 1 || a->first >= 0x250 || !only_space(s, p1->end, a->start) ||
        !flag_verb_before(two ? s + p2->start : "", two ? p2->end - p2->start : 0,
                          s + p1->start, p1->end - p1->start) ||
        key_in(a, s, titles, sizeof titles / sizeof titles[0]))
        return 0;
    return title_case(a, s) && name_candidate(a, s) &&
           (lexicon_proper(LEXICON_EN, s + a->start, n) != 1 || gazetteer_names_word(s + a->start, n));
}

/* 1 if a comma, an appositive of one to four words that starts in lower
 * case, a comma and a verb of saying follow the word a ("Pak, the driver,
 * said no", "Ганзориг, жолооч, хэлсэн"). */
static int appositive_after(const struct word *a, const char *s, size_t len)
{
    struct word w;
    size_t at = a->end + 1, from = at;

    if (a->end >= len || s[a->end] != ',')
        return 0;
    for (int n = 0; n < 4 && next_word(&w, s, len, &at); n++, from = w.end) {
        if ((n == 0 && (w.cap || is_hangul_cp(w.first))) || !only_space(s, from, w.start))
            return 0;
        if (w.end < len && s[w.end] == ',') {
            from = at = w.end + 1;
            return next_word(&w, s, len, &at) && only_space(s, from, w.start) &&
                   flag_speech_verb(s + w.start, w.end - w.start);
        }
    }
    return 0;
}

/* Each name-shaped word of in[0..inlen), in text order: a Hangul word of
 * three syllables starting with a surname, a title and a word, two
 * capitalised Cyrillic words, a surname with a hyphenated given name, a
 * word that an attribution marks (flag_attrib.h, spoken_before,
 * appositive_after); less what the dictionaries know as ordinary words (a
 * Hangul word they accept; the word before a Korean title; a capitalised
 * Cyrillic word that starts a sentence).  Returns 0 or fn's non-zero
 * value. */
/* 1 if a table's cell delimiter (a tab, a table's comma or semicolon:
 * normalise_cell_delim) lies in s[a..b). */
static int cell_between(const char *s, size_t len, size_t a, size_t b)
{
    for (; a < b; a++)
        if (s[a] == '\t' || normalise_cell_delim(s, len, a))
            return 1;
    return 0;
}

/* The end of an Arabic or Malay name's shape that starts at the word a,
 * with b the next word and *at after it (brief s27 names27, report-adv26a
 * D-14): a name no list need know, then bin/binti/al (flag_lineage_particle)
 * and a capitalised word ("Abdullah bin Hassan", "Khalid al Mutairi"), or
 * an article glued with a hyphen ("Fahad Al-Azmi"), with up to two more
 * capitalised words of the name ("Zulkifli bin Abu Bakar"); 0 if none.  The
 * dictionaries are asked last. */
static size_t lineage_end(const struct word *a, const struct word *b, const char *s, size_t len,
                          size_t at)
{
    struct word c;
    size_t end, bl = b->end - b->start;
    int dot = bl == 1 && s[b->start] == 'b' && b->end + 1 < len && s[b->end] == '.';

    if (!a->cap || a->first >= 0x250 || b->first >= 0x250 || !only_space(s, a->end, b->start))
        return 0;
    if (flag_article_prefixed(s + b->start, bl)) {
        end = b->end;
    } else if (dot || flag_lineage_particle(s + b->start, bl)) {
        if (!next_word(&c, s, len, &at) || !c.cap || c.first >= 0x250 ||
            !(dot ? only_space(s, b->end + 1, c.start) : only_space(s, b->end, c.start)) ||
            !title_case(&c, s))
            return 0;
        end = c.end;
    } else {
        return 0;
    }
    for (int i = 0; i < 2 && next_word(&c, s, len, &at) && c.cap && c.first < 0x250 &&
                    only_space(s, end, c.start) && title_case(&c, s) && !ordinary(&c, s, c.end);
         i++)
        end = c.end;
    /* A district of Kuwait written with its article (Jleeb Al-Shuyoukh,
     * data/gazetteer/regions.txt) names no one. */
    return title_case(a, s) && !flag_latin_preposition(s + a->start, a->end - a->start) &&
                   name_candidate(a, s) && !redact_is_region(s + a->start, end - a->start)
               ? end
               : 0;
}

/* 1 if the capitalised Cyrillic word c, right after the word v, is the
 * subject Russian and Ukrainian put after a verb (flag_slavic_verb:
 * "Потом пришла Верунька", "Тоді прийшов Остап": report-adv30 L-5) and
 * may be a name no list knows.  Flagged whatever came before the verb, so
 * that allowing that word lets no name out. */
static int subject_after(const struct word *v, const struct word *c, const char *s)
{
    size_t vl = v->end - v->start;

    if (!is_cyrillic_cp(v->first) || !is_cyrillic_cp(c->first) || !only_space(s, v->end, c->start) ||
        !flag_slavic_verb(s + v->start, vl))
        return 0;
    return !flag_pronoun(s + c->start, c->end - c->start) &&
           !flag_kin_noun(s + c->start, c->end - c->start) && !common_cyrillic(c, s) &&
           name_candidate(c, s) &&
           !flag_place_word(s + c->start, c->end - c->start);
}

static int each_shape(const char *in, size_t inlen, shape_fn fn, void *ctx)
{
    struct word a, b;
    struct before p = { .n = 0 };
    size_t at = 0, salute = 0;   /* the end of a salute's words */
    const char *kind;
    int have = next_word(&a, in, inlen, &at), rc = 0;

    while (have && rc == 0) {
        int done = 0;           /* a flag lies on a */
        int more = next_word(&b, in, inlen, &at);
        size_t k;
        /* The dictionary last: each_shape's cheap tests first (docs/SPEED.md,
         * "Session 24"). */
        if (hangul_name_word(&a, in) && detect_ko_digit_word(in + a.start, a.end - a.start) != 0 &&
            !flag_place_word(in + a.start, a.end - a.start) && !ordinary(&a, in, a.end)) {
            /* A name shape made of digit words (공일공) is a spoken number
             * too short to read: flagged "spoken-number" with every digit
             * word that follows it, so allowing the lone word does not
             * let a number beside it leave (docs/VARIANTS.md). */
            size_t runend = a.end;
            while (more && only_space_or(in, runend, b.start) &&
                   detect_ko_digit_word(in + b.start, b.end - b.start) != 0) {
                runend = b.end;
                more = next_word(&b, in, inlen, &at);
            }
            rc = fn(ctx, a.start, runend, "spoken-number"), done = 2;
        } else if (is_hangul_cp(a.first) && (k = flag_surname_titled(in + a.start, a.end - a.start)) > 0)
            /* a surname and its title, glued: as 김 지배인 written apart */
            rc = fn(ctx, a.start, a.start + k, context_name), done = 1;
        else if (hangul_name_word(&a, in) && !flag_place_word(in + a.start, a.end - a.start) &&
                 !ordinary(&a, in, a.end))
            rc = fn(ctx, a.start, a.start + 9, "korean-name"), done = 1;
        else if ((k = given_i(&a, in)) > 0 && detect_ko_digit_word(in + a.start, k) == 0 &&
                 !flag_place_word(in + a.start, a.end - a.start) && !ordinary(&a, in, a.end))
            rc = fn(ctx, a.start, a.start + k, context_name), done = 1;
        else if (is_hangul_cp(a.first) &&
                 (k = flag_glued_mark(in + a.start, a.end - a.start,
                                      a.end < inlen && in[a.end] == ',' &&
                                          starts_sentence(in, a.start))) > 0 &&
                 !flag_place_word(in + a.start, a.end - a.start))   /* 양평군: a county */
            rc = fn(ctx, a.start, a.start + k, context_name), done = 1;
        else if (more && is_hangul_cp(a.first) && is_hangul_cp(b.first) &&
                 only_space(in, a.end, b.start) &&
                 (k = flag_ko_speaker(in + a.start, a.end - a.start, in + b.start,
                                      b.end - b.start)) > 0)
            rc = fn(ctx, a.start, a.start + k, context_name), done = 2;
        else if (!is_hangul_cp(a.first) && a.cap &&
                 (spoken_before(&p, &a, in) ||
                  (appositive_after(&a, in, inlen) && title_case(&a, in) &&
                   name_candidate(&a, in))))
            rc = fn(ctx, a.start, a.end, context_name), done = 2;
        else if (p.n >= 1 && subject_after(&p.w[0], &a, in))
            rc = fn(ctx, a.start, a.end, context_name), done = 1;
        if (rc != 0 || !(have = more))
            break;
        if (!done && (k = lineage_end(&a, &b, in, inlen, at)) > 0) {
            if ((rc = fn(ctx, a.start, k, "lineage-name")) != 0)
                break;
            done = 2;
        }
        /* Two cells of a table are no pair ("Имя<TAB>Номер": report-adv17a D-6). */
        if (done < 2 && !cell_between(in, inlen, a.end, b.start) && (kind = pair_kind(&a, &b, in)) != NULL) {
            /* "종수 동지": the title is no name, flag the word before it. */
            int hangul = is_hangul_cp(a.first);
            /* A sentence opened by a preposition before a capitalised word
             * ("В России", "Из Кувейта"): no pair, as "летом в Кувейте"
             * is none mid-sentence; the word starts the next pair
             * ("В Москве Иван Петров": Иван Петров).  report-adv25a F-1. */
            if (kind == cyrillic_name && flag_preposition(in + a.start, a.end - a.start)) {
                ;
            } else if (kind == cyrillic_name &&
                       (a.start < salute || (salute = redact_sense_salute_end(in, inlen, a.start, a.end)) > 0)) {
                ;   /* "Слава Иисусу Христу!": the word and its datives (brief s32 set32) */
            } else if (!(hangul && ordinary(&a, in, a.end)) &&
                !(kind == cyrillic_name && starts_sentence(in, a.start) &&
                  ordinary(&a, in, a.end) &&
                  !(flag_genitive_word(in + a.start, a.end - a.start) &&
                    !ordinary(&b, in, b.end))) &&
                !(kind == cyrillic_name && cyrillic_word(&a, in) && cyrillic_word(&b, in)))
                rc = fn(ctx, a.start, hangul || kind == korean_name_alone ? a.end : b.end, kind);
        } else if (!done && (kind = context_kind(&a, &b, in)) != NULL &&
                   !after_locative(&p, &a, in)) {
            /* A name of two words ("Sergei Ivanov came"): both. */
            size_t from = a.start;
            if (p.n >= 1 && !is_hangul_cp(a.first) && only_space(in, p.w[0].end, a.start) &&
                !is_hangul_cp(p.w[0].first) && title_case(&p.w[0], in) &&
                name_candidate(&p.w[0], in))
                from = p.w[0].start;
            size_t to = a.end, m;
            /* A surname and its title written apart (김 지배인, 박 당비서):
             * both, as the glued ones (report-adv52b L-1). */
            if (is_hangul_cp(a.first) && a.end - a.start == 3 &&
                (m = variants_ko_mark_head(in + b.start, b.end - b.start, KO_MARK_AFTER)) > 0)
                to = b.start + m;
            else if (a.first < 0x250 && flag_address_romanised(in + b.start, b.end - b.start, 1))
                to = b.end;     /* Ri dongji, Kim panjang */
            rc = fn(ctx, from, to, kind);
        }
        p.w[1] = p.w[0], p.w[0] = a, p.n += p.n < 2;
        a = b;
    }
    return rc;
}

struct find {
    struct redaction *res;
    struct flagcur cur;
    const struct spans *extra, *sp;
    size_t next;
    const size_t *orig;
    const struct redactor *r;
    const char *in;
};

static int on_shape(void *ctx, size_t a, size_t b, const char *kind)
{
    struct find *f = ctx;

    if (add_extra(f->res, &f->cur, f->extra, &f->next, a + 1, f->orig, f->sp, f->r, f->in) != 0)
        return -1;
    return flag_add(f->res, &f->cur, a, b, kind, f->orig, f->sp, f->r, f->in);
}

int redact_find_flags(struct redaction *res, const struct redactor *r, const char *in,
                      size_t inlen, const size_t *orig, const struct spans *sp,
                      const struct spans *extra, struct err *e)
{
    struct find f = { res, { 0, 0, 0 }, extra, sp, 0, orig, r, in };
    int rc = each_shape(in, inlen, on_shape, &f);

    if (rc == 0)
        rc = add_extra(res, &f.cur, extra, &f.next, SIZE_MAX, orig, sp, r, in);
    return rc == 0 ? 0 : err_set(e, EXIT_INPUT, "out of memory while looking for names");
}

struct shapes {
    redactor_shape_fn fn;
    void *ctx;
    struct err *e;
};

static int on_public_shape(void *ctx, size_t a, size_t b, const char *kind)
{
    struct shapes *sh = ctx;

    return sh->fn(sh->ctx, a, b, kind, sh->e);
}

static int on_public_run(void *ctx, size_t a, size_t b)
{
    struct shapes *sh = ctx;

    return sh->fn(sh->ctx, a, b, "escape-run", sh->e);
}

int redactor_name_shapes(const struct normtext *nt, redactor_shape_fn fn, void *ctx,
                         struct err *e)
{
    struct shapes sh = { fn, ctx, e };
    int rc = each_shape(nt->orig, nt->inlen, on_public_shape, &sh);

    for (size_t i = 0; rc == 0 && i < nt->nmixed; i++)
        rc = fn(ctx, nt->mixed[2 * i], nt->mixed[2 * i + 1], "mixed-script", e);
    if (rc == 0)
        rc = redact_escape_runs(nt, on_public_run, &sh);
    return rc == 0 ? 0 : -1;
}
