/* Names widened over what still names the person beside them: initials
 * before or after ("Б.Алтангэрэл", "K. Jong-su", "Altangerel B."), a
 * patronymic in the genitive, a surname before a given name
 * (redact_extend_names; docs/VARIANTS.md). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "privacy/arab_article.h"
#include "privacy/common_words.h"
#include "privacy/gazetteer.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/romanise.h"
#include "privacy/transcribe.h"
#include "privacy/variants.h"
#include "util/lexicon.h"

/* Where an initial written before norm byte p starts ("Б.", "B. ",
 * "K.J. "): a capital letter alone, then a full stop; p if none.  Not a
 * digit ("2. 민서가", "Item 3. Minseo": a list's or a figure's number),
 * nothing on another line, and not a list's letter (redact_list_marker:
 * report-adv17a D-7). */
static size_t initials_before(const struct normtext *t, size_t p)
{
    size_t q, l;
    int cp, n;

    for (n = 0; n < 3; n++) {
        /* q: where the initial's letter ends ("Б.", "B. "); after the
         * first, also a dash joining a hyphenated given name's initials,
         * "Б-Э.", "Б.-Э." (report-adv37 L-12) */
        q = p;
        if (q > 0 && t->norm[q - 1] == ' ')
            q--;
        else if (n > 0 && q > 2 && t->norm[q - 1] == '-')
            q -= t->norm[q - 2] == '.' ? 1 : 0;
        if (q < 2 || (t->norm[q - 1] != '.' && !(q == p && t->norm[q - 1] == '-' && n > 0)))
            break;
        l = redact_cp_start(t->norm, q - 1);
        if (utf8_next(&cp, t->norm + l, t->normlen - l) <= 0 || !is_word_cp(cp) ||
            utf8proc_category(cp) == UTF8PROC_CATEGORY_ND ||
            !redact_upper_at(t, l) || (l > 0 && is_word_cp(redact_cp_before(t->norm, l))) ||
            redact_crosses_line(t, l, p) || (q != p && redact_list_marker(t, l)))
            break;
        p = l;
    }
    return p;
}

/* Where the subject's initials written before norm byte p start, in the
 * forms initials_before leaves (report-adv36b L-3, L-18: "NP Kovalenko",
 * "N P Kovalenko", "Н.-П. Коваленко"): two or three capitals, each a
 * letter of the subject's initials (redact_own_initials_at), one space
 * before the name, a word's start before them; p if none. */
static size_t own_initials_before(const struct redactor *r, long subject,
                                  const struct normtext *t, size_t p)
{
    int n;

    if (p < 3 || t->norm[p - 1] != ' ')
        return p;
    for (size_t a = p > 16 ? p - 16 : 0; a + 2 < p; a++) {
        if ((t->norm[a] & 0xC0) == 0x80 ||
            (a > 0 && (is_word_cp(redact_cp_before(t->norm, a)) || strchr(".-", t->norm[a - 1]))))
            continue;
        if (redact_own_initials_at(r, subject, t, a, p - 1, &n) == p - 1 && n >= 2 &&
            !redact_crosses_line(t, a, p))
            return a;
    }
    return p;
}

/* Where the subject's initials written after norm byte p end, in the
 * forms initial_after leaves (report-adv36b L-3, L-17, L-18): after a
 * comma and a space or after a space, two or three ("Kovalenko, N. P.",
 * "Kovalenko NP", "Коваленко НП"); glued after a dash or a full stop, one
 * or more ("Коваленко-Н.П.", "Ganbat.B"); each a letter of the subject's
 * initials (redact_own_initials_at); p if none. */
static size_t own_initials_after(const struct redactor *r, long subject,
                                 const struct normtext *t, size_t p)
{
    size_t q = p, e;
    int n, min = 1;

    if (p >= t->normlen)
        return p;
    if (t->norm[q] == ',' && q + 1 < t->normlen && t->norm[q + 1] == ' ')
        q += 2, min = 2;
    else if (t->norm[q] == ' ')
        q++, min = 2;
    else if (t->norm[q] == '-' || t->norm[q] == '.')
        q++;
    else
        return p;
    e = redact_own_initials_at(r, subject, t, q, t->normlen, &n);
    return e != (size_t)-1 && n >= min && !redact_crosses_line(t, p, e) ? e : p;
}

/* Genitive endings of a patronymic (Батбаярын, Дорждамбын, Batbayaryn,
 * Dorjiin). */
static const char *const genitives[] = {
    "ын", "ийн", "ны", "ний", "гийн", "yn", "iin", "in", "giin", "nii", "iyn",
};

/* Where a patronymic written before norm byte p starts: one space, then a
 * capitalised word of four letters or more in the genitive; p if none. */
static size_t patronymic_before(const struct normtext *t, size_t p)
{
    size_t w, end, k, n;
    int chars = 0, cp;

    if (p < 2 || t->norm[p - 1] != ' ')
        return p;
    end = p - 1;
    for (w = end; w > 0 && is_word_cp(redact_cp_before(t->norm, w)); w = redact_cp_start(t->norm, w))
        chars++;
    if (w == end || chars < 4 || !redact_upper_at(t, w) || utf8_next(&cp, t->norm + w, end - w) <= 0 ||
        is_hangul_cp(cp) || is_han_cp(cp))
        return p;
    for (k = 0; k < sizeof genitives / sizeof genitives[0]; k++) {
        n = strlen(genitives[k]);
        if (end - w > n && memcmp(t->norm + end - n, genitives[k], n) == 0)
            return w;
    }
    return p;
}

/* Where a Korean surname written before norm byte p starts (report-adv12d
 * F2, F8: "Ким Jong-su", "Kım Jong-su", "ⓚⓘⓜ ⓙⓞⓝⓖ-ⓢⓤ", the given name
 * replaced and the surname left beside the pseudonym): one space, then a
 * word whose key is a frequent surname in Hangul or a romanisation
 * (variants_is_surname), a Cyrillic one read by its Latin spelling (Ким:
 * kim); not a letter alone (Russian "О Tulga писали"), and a key of two
 * letters, or one of the commonest words of a language (common_words.h:
 * "the", report-adv40 O-6..O-9: "The omar" was replaced whole), only
 * with a capital not at a sentence's start ("do", "So" are words); p if
 * none. */
static int surname_word(const struct normtext *t, size_t w, size_t end);

/* Where a one-character Korean surname glued before a given name written
 * in Latin or Cyrillic letters at norm byte p starts (report-adv12e F2:
 * "金Jong-su가", the Hanja 金 left beside the pseudonym): a Hangul syllable
 * or a Han character standing at a word's start, whose key (a Han
 * character's first Hangul reading, hanja.h) is a surname; p if none. */
static size_t surname_glued(const struct normtext *t, size_t p)
{
    size_t w = redact_cp_start(t->norm, p), ka, kb;
    int cp, first;

    if (utf8_next(&cp, t->norm + w, p - w) <= 0 || !(is_han_cp(cp) || is_hangul_cp(cp)) ||
        utf8_next(&first, t->norm + p, t->normlen - p) <= 0 || is_han_cp(first) ||
        is_hangul_cp(first) || (w > 0 && is_word_cp(redact_cp_before(t->norm, w))))
        return p;
    for (ka = 0; ka < t->keylen && t->kpos[ka] < w; ka++)
        ;
    for (kb = ka; kb < t->keylen && t->kpos[kb] < p; kb++)
        ;
    return kb > ka && variants_is_surname(t->key + ka, kb - ka) ? w : p;
}

/* 1 if norm byte p - 1 is a dash (the katakana middle dot ・ is one)
 * between katakana: チェ・ヨンホ, the surname and given name of a Korean
 * name as the Japanese press writes it. */
static int kana_dot_before(const struct normtext *t, size_t p)
{
    int cp;

    return p >= 2 && t->norm[p - 1] == '-' &&
           utf8_next(&cp, t->norm + p, t->normlen - p) > 0 && transcribe_is_katakana(cp) &&
           transcribe_is_katakana(redact_cp_before(t->norm, p - 1));
}

/* 1 if the word at norm byte w is in letters that have capitals, written
 * without one, and the name at p (past quotation marks) with one: "the
 * song "Sarah"" is no surname Song before Sarah (report-adv27a O-3); a
 * name written all in small letters ("ⓚⓘⓜ ⓙⓞⓝⓖ-ⓢⓤ") keeps its surname. */
static int lower_before_capital(const struct normtext *t, size_t w, size_t p)
{
    int cp, k;

    if (utf8_next(&cp, t->norm + w, t->normlen - w) <= 0 ||
        !(utf8proc_isupper(cp) || utf8proc_islower(cp)) || redact_upper_at(t, w))
        return 0;
    while (p < t->normlen && (k = utf8_next(&cp, t->norm + p, t->normlen - p)) > 0 && !is_word_cp(cp))
        p += (size_t)k;
    return p < t->normlen && redact_upper_at(t, p);
}

static size_t surname_before(const struct normtext *t, size_t p)
{
    size_t w, end, u;
    int kana;

    if (p > 0 && t->norm[p - 1] != ' ' && !kana_dot_before(t, p))
        return surname_glued(t, p);
    if (p < 2)
        return p;
    end = p - 1;
    /* Japanese glues words: a katakana surname is its katakana only, and
     * may follow a particle or a Han character (氏とハン・ヨンホ). */
    kana = end > 0 && transcribe_is_katakana(redact_cp_before(t->norm, end));
    for (w = end; w > 0 && is_word_cp(redact_cp_before(t->norm, w)) &&
                  (!kana || transcribe_is_katakana(redact_cp_before(t->norm, w)));
         w = redact_cp_start(t->norm, w))
        ;
    if (w == end || (!kana && w > 0 && t->norm[w - 1] != ' ' &&
                     is_word_cp(redact_cp_before(t->norm, w))))
        return p;
    if (surname_word(t, w, end))
        return lower_before_capital(t, w, p) ? p : w;
    /* A surname of three letters or more written with its capital after
     * other ASCII letters or digits of the word ("xKim", "MrKim",
     * report-adv13b NEW-2): the surname goes, what is glued before it
     * stays. */
    for (u = end - 1; u > w; u--)
        if (t->norm[u] >= 'a' && t->norm[u] <= 'z' && redact_upper_at(t, u))
            break;
    if (u > w && end - u >= 3 && ((unsigned char)t->norm[u - 1] < 0x80) &&
        surname_word(t, u, end))
        return u;
    return p;
}

/* The key length of a Hangul surname key[0..k) followed by a title that
 * is written glued to it (박씨, 김선생님, 리동무, 김지배인: report-adv28a
 * I-12, "박씨 영철이 왔다" with 영철 replaced), or k: the titles of
 * variants_suffix.c's one table that are written glued to a surname. */
static size_t surname_titled(const char *key, size_t k)
{
    return k - variants_ko_mark_tail(key, k, KO_MARK_SURNAME);
}

/* 1 if the word norm [w, end) is a surname (variants_is_surname, its
 * Cyrillic letters read in Latin; a Hangul one with a title glued,
 * surname_titled), written as surname_before wants it. */
static int surname_word(const struct normtext *t, size_t w, size_t end)
{
    char key[16];
    size_t k = 0, ka, kb;
    int cp, n, r;

    for (ka = 0; ka < t->keylen && t->kpos[ka] < w; ka++)
        ;
    for (kb = ka; kb < t->keylen && t->kpos[kb] < end; kb++)
        ;
    if (kb - ka == 0 || kb - ka >= sizeof key)
        return 0;
    /* The key of the word, its Cyrillic letters in Latin. */
    for (size_t i = ka; i < kb; i += (size_t)n) {
        if ((n = utf8_next(&cp, t->key + i, kb - i)) <= 0)
            return 0;
        if (is_cyrillic_cp(cp)) {
            if ((r = romanise_reading(key + k, sizeof key - 1 - k, cp, 1)) < 0)
                return 0;
            k += (size_t)r;
        } else {
            if (k + (size_t)n >= sizeof key)
                return 0;
            memcpy(key + k, t->key + i, (size_t)n);
            k += (size_t)n;
        }
    }
    (void)utf8_next(&cp, t->norm + w, end - w);
    /* Koryo-saram surnames in Latin too (Tsoi, Ten, Ogai: report-adv20
     * R-7, "Tsoi Yong Ho" with the given name replaced). */
    return !(!(variants_is_surname(key, k) || redact_kana_surname(key, k) ||
               romanise_is_koryo_latin(key, k) ||
               (is_hangul_cp(cp) && variants_is_surname(key, surname_titled(key, k)))) ||
             redact_letter_alone(t, w, end) ||
             ((k <= 2 || common_word_key(t->key + ka, kb - ka)) &&
              (!redact_upper_at(t, w) || redact_sentence_start(t, w))));
}

int redact_letter_alone(const struct normtext *t, size_t w, size_t end)
{
    int cp;

    return end > w && utf8_next(&cp, t->norm + w, end - w) > 0 && !is_hangul_cp(cp) &&
           redact_cp_start(t->norm, end) <= w;
}

/* Where one initial written after norm byte p ends (" B.", "Б.", "С."
 * right after another's full stop); p if none.  Without its full stop
 * only where nothing follows on its line but punctuation ("Tanya K" at a
 * text's end: report-adv33; "Tanya K said" is no initial). */
static size_t one_initial_after(const struct normtext *t, size_t p)
{
    size_t q = p;
    int cp, n;

    if (q < t->normlen && t->norm[q] == ' ')
        q++;
    if (q >= t->normlen || (n = utf8_next(&cp, t->norm + q, t->normlen - q)) <= 0 ||
        !is_word_cp(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_ND ||
        !redact_upper_at(t, q) || redact_crosses_line(t, p, q))
        return p;
    q += (size_t)n;
    if (q >= t->normlen || t->norm[q] == '\n')
        return q;
    if (t->norm[q] != '.')
        return strchr(",;:!?)", t->norm[q]) != NULL && q + 1 >= t->normlen ? q : p;
    if (q + 1 < t->normlen && utf8_next(&cp, t->norm + q + 1, t->normlen - q - 1) > 0 &&
        is_word_cp(cp) && one_initial_after(t, q + 1) == q + 1)
        return p;                       /* "B.Sc", not an initial */
    return q + 1;
}

/* Where the initials written after norm byte p end (" B.", " Д.С.",
 * " Д. С.": up to three, report-adv34 L-7, L-17); p if none. */
static size_t initial_after(const struct normtext *t, size_t p)
{
    size_t q;

    for (int n = 0; n < 3; n++) {
        /* "B.-E.": a dash joins a hyphenated given name's initials
         * (report-adv37 L-12) */
        size_t from = n > 0 && p < t->normlen && t->norm[p] == '-' ? p + 1 : p;
        if ((q = one_initial_after(t, from)) == from)
            break;
        p = q;
        if (p == 0 || t->norm[p - 1] != '.')
            break;                      /* the one without a full stop is last */
    }
    return p;
}

/* 1 if the span [a, b) ends in a letter standing alone after a full stop
 * ("k.j.s", "k. j. s", "д.б"): the end of initials. */
static int initial_ends(const struct normtext *t, size_t a, size_t b)
{
    size_t l;

    if (b <= a + 1)
        return 0;
    l = redact_cp_start(t->norm, b);
    if (l > a && (t->norm[l - 1] == ' ' || (t->norm[l - 1] == '-' && l - 1 > a &&
                                              t->norm[l - 2] == '.')))
        l--;    /* "K. J", "J.-P" (report-adv38 L-50) */
    return l > a && t->norm[l - 1] == '.';
}

/* end + 1 if a katakana name ending at norm byte end is followed by its
 * long mark ー (U+30FC), which the norm view writes as a dash and the key
 * view leaves out (マギー, keyed マギ: brief s24 attr24); else end. */
static size_t long_mark_after(const struct normtext *t, size_t end)
{
    const unsigned char *o;
    int cp;

    if (end == 0 || end >= t->normlen || t->norm[end] != '-' || t->ostart[end] + 3 > t->inlen)
        return end;
    cp = redact_cp_before(t->norm, end);
    o = (const unsigned char *)t->orig + t->ostart[end];
    return cp >= 0x30A1 && cp <= 0x30FA && o[0] == 0xE3 && o[1] == 0x83 && o[2] == 0xBC ? end + 1
                                                                                   : end;
}

/* 1 if a span of sp other than sp->s[self] covers norm [a, b): a word
 * before a full stop that is a name form of its own ("Я видела Дашу.
 * Петрову забрали": Дашу is replaced as itself), a mention that ends a
 * sentence, no abbreviation of the name after it (report-adv33 O-16). */
static int own_span(const struct spans *sp, size_t self, size_t a, size_t b)
{
    for (size_t i = 0; i < sp->n; i++)
        if (i != self && sp->s[i].start <= a && sp->s[i].end >= b)
            return 1;
    return 0;
}

/* Where an abbreviated part of the name before sp->s[i] starts
 * (redact_abbrev_before), or its start: not a word replaced as a name of
 * its own with a space after its full stop, nor one on another line (the
 * full stop then ends a sentence); "Dorjd.Bolormaa", written as one word,
 * is one name whatever its parts' hits. */
static size_t abbrev_before(const struct spans *sp, size_t i, const struct redactor *r,
                            const struct normtext *t)
{
    const struct span *s = &sp->s[i];
    size_t a = redact_abbrev_before(r, s->term, t, s->start), dot;

    if (a == s->start)
        return a;
    for (dot = a; dot < s->start && t->norm[dot] != '.'; dot++)
        ;
    return (dot + 1 < s->start && own_span(sp, i, a, dot)) || redact_crosses_line(t, a, s->start)
               ? s->start : a;
}

/* 1 if norm bytes [a, b) of t are a name written in small letters as a
 * word of its own: letters, spaces, dashes and apostrophes only, no '@',
 * '_' or letter glued before ("коваленко", not "@kimjongsu75"): small
 * initials beside it are the subject's too (report-adv37 L-1). */
static int letters_only(const struct normtext *t, size_t a, size_t b)
{
    int cp, n;

    if (a > 0 && (is_word_cp(cp = redact_cp_before(t->norm, a)) || cp == '@' || cp == '_'))
        return 0;
    for (size_t p = a; p < b; p += (size_t)n)
        if ((n = utf8_next(&cp, t->norm + p, b - p)) <= 0 ||
            !(utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO || strchr(" -'", cp) != NULL) || cp == 0)
            return 0;
    return b > a;
}

/* Where the Arabic article glued by a hyphen before norm byte p starts
 * ("ar-" of "ar-Rashidi", "ар-" of "ар-Рашиди", "al-" of "al-Tulga"):
 * the article (arab_article, assimilated to a sun letter or not) with no
 * word character before it; p if none.  The article belongs to the name
 * it stands before: left beside a pseudonym it tells the name was Arabic
 * and which letter it began with (brief s52 arab52, report-adv52 L-71,
 * L-72). */
static size_t article_before(const struct normtext *t, size_t p)
{
    size_t q;

    if (p < 3 || t->norm[p - 1] != '-')
        return p;
    for (q = p - 1; q > 0 && is_word_cp(redact_cp_before(t->norm, q));) {
        q--;
        while (q > 0 && ((unsigned char)t->norm[q] & 0xC0) == 0x80)
            q--;
    }
    if (q == p - 1 || !arab_article(t->norm + q, p - 1 - q, NULL))
        return p;
    return q;
}

void redact_extend_names(struct spans *sp, const struct redactor *r, const struct normtext *t)
{
    size_t i, a;

    for (i = 0; i < sp->n; i++) {
        struct span *s = &sp->s[i];
        if (s->term == SIZE_MAX || s->term >= r->nterms ||
            (r->terms[s->term].cat != NAME_CAT && r->terms[s->term].cat != TERM_PERSON))
            continue;
        long subject = r->terms[s->term].subject;
        /* a name's span (its pseudonym's or a shared form's) written with
         * a capital, as initials beside it are: not a user name
         * ("@kimjongsu75, K.J.S." stays two) */
        int named = (s->cat == CAT_PSEUDONYM || s->cat == TERM_PERSON) &&
                    (redact_upper_at(t, s->start) || letters_only(t, s->start, s->end));
        size_t own = named ? own_initials_before(r, subject, t, s->start) : s->start;
        a = initials_before(t, s->start);
        if (own < a)
            a = own;
        if (a == s->start)
            a = abbrev_before(sp, i, r, t);
        if (a == s->start)
            a = article_before(t, s->start);
        if (a == s->start)
            a = patronymic_before(t, s->start);
        if (a == s->start && (a = surname_before(t, s->start)) != s->start &&
            redact_title_word(r, r->terms[s->term].subject, t, a, s->start - 1))
            a = s->start;   /* "Pak Faizal": a title, not the surname 박 */
        s->start = a;
        /* Initials found as a literal (K.J.S, K. J. S, Д.Б) take their
         * last full stop. */
        if (s->end < t->normlen && t->norm[s->end] == '.' && initial_ends(t, s->start, s->end))
            s->end++;
        a = initial_after(t, s->end);
        if (a == s->end && named)
            a = own_initials_after(r, subject, t, s->end);
        s->end = redact_initials_stop(t, s->start, long_mark_after(t, a));
    }
}
