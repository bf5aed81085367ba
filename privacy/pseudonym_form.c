/* Whether a pseudonym is a form of a real name (brief s28 pseud28,
 * report-adv27c H-10; the rule written in docs/PSEUDONYMS.md, "A
 * pseudonym that is a form of a name").  `subject add --pseudonym Dani`
 * for Daniel Morgan was accepted: Dani, Danno and Mo are no spelling the
 * variant rules make, yet any reader takes them for Daniel's and
 * Morgan's; so were Alex for Алексей and Koval for Коваленко.  The
 * redactor's person forms (every spelling, script and short form of every
 * name it holds, redactor_each_form) are the names; a pseudonym's word is
 * a form of one when, both written in a skeleton that forgets spelling
 * choices (x as ks, y and j as i, w as v, c and q as k, ph as f, й as и,
 * no soft or hard sign, a doubled consonant as one):
 *   - it is the start of the form, of two letters or more (Mo of
 *     Morgan, Dani of Daniel, Koval of Kovalenko, Alex of Aleksei), or
 *   - it doubles a Latin consonant and is the start of the form, of three
 *     letters or more, with one of the diminutive endings below (Danno:
 *     dan + o, Danny, Dannie); without the doubled consonant the ending
 *     rule read Korean syllables (Yuna as yun + a of 김지연). */
#include "privacy/pseudonym_form.h"

#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/hanja.h"
#include "privacy/normalise.h"
#include "privacy/pseudonym_gloss.h"
#include "privacy/pseudonym_root.h"
#include "privacy/redact_int.h"
#include "privacy/romanise.h"
#include "privacy/script_read.h"
#include "privacy/script_reading.h"
#include "privacy/transcribe.h"
#include "privacy/variants.h"
#include "privacy/varlist.h"
#include "util/text.h"

#define SKEL_MAX SCRIPT_LATIN_MAX

static int is_vowel_byte(char c)
{
    return c != '\0' && strchr("aeiou", c) != NULL;
}

/* Endings that make a diminutive of a name's start in the languages of
 * the store, as skeletons (y and j are i, c is k; a Cyrillic ending in
 * the skeleton's Latin: -чик is kik, -ечка eka): English -y/-ie/-o/-s
 * (Danny, Dannie, Danno, Nicholas as nikola + s); Russian and Ukrainian
 * -а/-я/-о/-у/-ю/-ко/-ка/-ик/-ок/-ша/-ня/-ся/-ан/-ян (Petro, Petryk,
 * Николка, Kolyusha as koliu + sha); Malay and Mongolian -a/-aa/-ka. */
static const char *const endings[] = {
    "i", "ie", "o", "a", "s", "ia", "ka", "ko", "ik", "aa", "u", "iu",
    "sha", "nia", "sia", "kik", "ok", "an", "ian",
};

/* Georgian diminutive endings (-ik-o, -ik-a, -uk-a after the name's
 * stem: Niniko of Nino, Sopiko of Sopio, Nanuka of Nana; brief s39,
 * report-adv38 P-4): georgian_diminutive. */
static const char *const georgian_endings[] = { "iko", "ika", "uka" };

/* The Russian and Ukrainian diminutive suffixes of three letters or more
 * (privacy/variants_ru.c's dim_suffix, and -енька, -ушка, -юша), which
 * make a diminutive of a start of two letters too: Olenka (ol + enka of
 * Olga), Kolyusha. */
static const char *const long_endings[] = {
    "enka", "enko", "eka", "oka", "ushka", "usha", "iusha", "ulia", "unia", "usia", "usik",
};

/* Appends the skeleton of key[0..len) (a key, normalise.h) to out
 * (SKEL_MAX bytes): latin_of, then x as ks; y and j as i; w as v; c and
 * q as k; ph as f; an h after k inside a word dropped (Nicholas and
 * Nikolas, Mikhail and Mikail; -ечка and -ecka alike); a doubled
 * consonant as one.  Its length in bytes, or 0 if it does not fit or the
 * key is no word of letters; *doubled set when two letters as typed made
 * one consonant (Danno, Nicky as niki). */
static size_t skeleton(char *out, const char *key, size_t len, int *doubled)
{
    char lat[SKEL_MAX];
    size_t ll = script_form_latin(lat, key, len), n = 0;

    *doubled = 0;
    if (ll == 0)
        return 0;
    for (size_t i = 0; i < ll; i++) {
        char c = lat[i];
        const char *w;
        if (c == 'x')
            w = "ks";
        else if (c == 'y' || c == 'j')
            w = "i";
        else if (c == 'w')
            w = "v";
        else if (c == 'c' || c == 'q')
            w = "k";
        else if (c == 'h' && i > 0 && lat[i - 1] == 'p' && n > 0)
            n--, w = "f";           /* ph: the p goes */
        else if (c == 'h' && i > 1 && n > 0 && out[n - 1] == 'k')
            continue;               /* kh, ch inside a word */
        else if ((unsigned char)c >= 0x80) {
            size_t k = 1;
            while (i + k < ll && ((unsigned char)lat[i + k] & 0xC0) == 0x80)
                k++;
            if (n + k >= SKEL_MAX)
                return 0;
            memcpy(out + n, lat + i, k), n += k, i += k - 1;
            continue;
        } else {
            if (n > 0 && out[n - 1] == c && !is_vowel_byte(c)) {
                *doubled = 1;       /* a doubled consonant as one (Danno, Анна) */
                continue;
            }
            if (n + 1 >= SKEL_MAX)
                return 0;
            out[n++] = c;
            continue;
        }
        /* vowels stay doubled, as Korean spells syllables with them (won
         * is no start of woong) */
        size_t wl = strlen(w);
        if (wl == 1 && n > 0 && out[n - 1] == w[0] && !is_vowel_byte(w[0])) {
            *doubled = 1;           /* ck, cc: Nicky */
            continue;
        }
        if (n + wl >= SKEL_MAX)
            return 0;
        memcpy(out + n, w, wl), n += wl;
    }
    out[n] = '\0';
    return n;
}


struct seek {
    char word[SKEL_MAX];
    size_t len;
    int multi;                  /* a word of a pseudonym of several words */
    int doubled;                /* the word doubles a consonant (Danno, Danny) */
    int hit;
};

static int starts(const char *form, size_t flen, const char *s, size_t slen)
{
    return slen <= flen && memcmp(form, s, slen) == 0;
}

/* 1 if the word ends with one of list[0..n) after a start of the form
 * of at least min characters.  A word of a pseudonym of several words is
 * a name in its own right (each_form's start rule): a start of fewer than
 * five letters counts there only as the whole form or all but its last
 * letter, of a name's own spelling or listed short form (suffix none:
 * Kolyan as koli + an of Коля, kolia), not as any
 * four letters a form begins with (Petra and Петренко of Петрова, Petre
 * a Mongolian short form's cut: report-adv32 W-1, brief s33 sur33). */
/* 1 if the ending "enko" after a start of sl bytes makes another
 * family's name, not a vocative: a start of four letters or more
 * (Петренко, Коваленко beside Петрова, Коваль: report-adv33 W-1, W-3;
 * the surname's forms are spelt too many ways, Petroba, to read its
 * ending); the vocative -енько takes a short stem (Оленько of Оля). */
static int other_family(const char *ending, size_t sl)
{
    return strcmp(ending, "enko") == 0 && sl >= 4;
}

static int ends_after_start(const struct seek *sk, const char *form, size_t flen,
                            const char *const *list, size_t n, size_t min,
                            const struct redact_form *f)
{
    for (size_t i = 0; i < n; i++) {
        size_t el = strlen(list[i]), sl = sk->len - el;
        if (sk->len > el && memcmp(sk->word + sk->len - el, list[i], el) == 0 &&
            text_chars(sk->word, sl) >= min && starts(form, flen, sk->word, sl) &&
            (!sk->multi || text_chars(sk->word, sl) >= 5 ||
             (f->suffix == SUFFIX_NONE && sl + 1 >= flen)) &&
            !other_family(list[i], sl))
            return 1;
    }
    return 0;
}

/* 1 if the word is a Georgian diminutive of the form: the form's stem
 * (the form less its final vowels: nin of Nino, sop of Sopio, tamar)
 * then -iko, -ika or -uka (Niniko, Sopiko, Nanuka), or that stem with
 * one vowel left out, as its last syllable's drops (Tamriko of Tamar); a
 * stem of three letters at least, five in a pseudonym of several words.
 * Only the stem: Veronika is no -ika of Веронька's start. */
static int georgian_diminutive(const struct seek *sk, const char *form, size_t flen)
{
    size_t stem = flen;

    while (stem > 0 && is_vowel_byte(form[stem - 1]))
        stem--;
    for (size_t i = 0; i < sizeof georgian_endings / sizeof georgian_endings[0]; i++) {
        size_t el = strlen(georgian_endings[i]), sl = sk->len - el;
        if (sk->len <= el || memcmp(sk->word + sl, georgian_endings[i], el) != 0 || sl < 3 ||
            (sk->multi && sl < 5))
            continue;
        if (sl == stem && memcmp(form, sk->word, sl) == 0)
            return 1;
        for (size_t j = 1; sl + 1 == stem && j < sl; j++)
            if (is_vowel_byte(form[j]) && memcmp(form, sk->word, j) == 0 &&
                memcmp(form + j + 1, sk->word + j, sl - j) == 0)
                return 1;
    }
    return 0;
}

/* 1 if the word is the form's first letter glued to the form's end of
 * two letters or more (Mhyok of Myonghyok, Jsu of Jongsu: a given name
 * of two syllables abbreviated as a reader writes M. Hyok; brief s53
 * pseud53, report-adv52 P-18): both its first two letters consonants, as
 * no name starts (a start with a vowel after it is the start rule's), at
 * least one letter of the form left out. */
static int initial_and_tail(const struct seek *sk, const char *form, size_t flen)
{
    size_t tl = sk->len - 1;

    return sk->len >= 3 && flen > sk->len && (unsigned char)sk->word[0] < 0x80 &&
           !is_vowel_byte(sk->word[0]) && !is_vowel_byte(sk->word[1]) &&
           sk->word[0] == form[0] && text_chars(sk->word + 1, tl) >= 2 &&
           memcmp(form + flen - tl, sk->word + 1, tl) == 0;
}

static int each_form(void *ctx, const char *key, size_t keylen, const struct redact_form *f)
{
    struct seek *sk = ctx;
    char form[SKEL_MAX];
    size_t flen;
    int dbl;

    if (!f->person || (flen = skeleton(form, key, keylen, &dbl)) == 0)
        return 0;
    /* A start: a word of one word's pseudonym of two letters or more; a
     * word of a pseudonym of several words, each a name in its own
     * right, of five letters or more (Koval, Aleks), or the whole form
     * when it is no short form (report-adv28c J-18: Dana is a start of
     * Danaka, a Korean reading of Tanaka, and Cole reads as Kole, a
     * vocative of Коля: "Dana Fox" and "Irene Cole" name no one), nor
     * an element the redactor only flags where the context marks a name
     * (Бат of Батбаяр, FORM_CONTEXT or FORM_SHORT: "Bat-Erdene" is
     * another Mongolian name, report-adv33 W-2). */
    if (starts(form, flen, sk->word, sk->len) &&
        (!sk->multi || text_chars(sk->word, sk->len) >= 5 ||
         (flen == sk->len && !f->shortform && f->kind != FORM_CONTEXT && f->kind != FORM_SHORT))) {
        sk->hit = 1;
        return 1;
    }
    if (initial_and_tail(sk, form, flen)) {
        sk->hit = 1;
        return 1;
    }
    /* A start and a diminutive ending: of three letters where the word
     * doubles a consonant, of four letters without (Petro, Petryk,
     * Nicholas), of two with a long Slavic suffix (Olenka, Kolyusha). */
    if (ends_after_start(sk, form, flen, endings, sizeof endings / sizeof endings[0],
                         sk->doubled ? 3 : 4, f) ||
        ends_after_start(sk, form, flen, long_endings, sizeof long_endings / sizeof long_endings[0], 2, f) ||
        georgian_diminutive(sk, form, flen)) {
        sk->hit = 1;
        return 1;
    }
    return 0;
}

/* 1 if the word of initials w[0..len) ("Б.С.", "BS": two or three
 * letters each alone or followed by a dot; bytes) are the first letters
 * of parts of one person form, in order, the first its first letter
 * (Бат + сүх of Батсүх: report-adv28a I-13). */
struct initials {
    char letter[3][SKEL_MAX];
    size_t n;
    int hit;
};

static int each_initials(void *ctx, const char *key, size_t keylen, const struct redact_form *f)
{
    struct initials *in = ctx;
    char form[SKEL_MAX];
    size_t flen, at;
    int dbl;

    if (!f->person || (flen = skeleton(form, key, keylen, &dbl)) == 0 ||
        !starts(form, flen, in->letter[0], strlen(in->letter[0])))
        return 0;
    at = strlen(in->letter[0]);
    for (size_t i = 1; i < in->n; i++) {
        const char *p = at < flen ? strstr(form + at, in->letter[i]) : NULL;
        if (p == NULL)
            return 0;
        at = (size_t)(p - form) + strlen(in->letter[i]);
    }
    in->hit = 1;
    return 1;
}

/* 1 if p[0..len) is initials only (two or three letters, each alone or
 * with a dot, spaces between allowed: "Б.С.", "B. S.", "V.O"; or
 * capitals only, run together: "DP", "ДСП") that a
 * person form of r starts with, in order; 0 if not or p is no initials;
 * -1 with e. */
static int initials_form(const struct redactor *r, const char *p, size_t len, struct err *e)
{
    struct initials in = { .n = 0 };
    size_t at = 0;
    int cp, k, dots = 0, lower = 0;

    while (at < len) {
        if ((k = utf8_next(&cp, p + at, len - at)) <= 0)
            return 0;
        if (cp == '.' || cp == ' ') {
            dots += cp == '.';
            at += (size_t)k;
            continue;
        }
        char *key;
        size_t keylen;
        int dbl;
        lower |= !normalise_is_upper(cp);
        if (in.n == 3 || normalise_key(&key, &keylen, p + at, (size_t)k, e) != 0)
            return in.n == 3 ? 0 : -1;
        size_t sl = skeleton(in.letter[in.n], key, keylen, &dbl);
        secmem_free(key);
        if (sl == 0)
            return 0;
        in.n++;
        at += (size_t)k;
        /* a letter alone: the next is a dot, a space or the end; or
         * capitals run together ("DP", "ДСП": report-adv33 P-2) */
        if (at < len && p[at] != '.' && p[at] != ' ' && (dots > 0 || !normalise_is_upper(cp)))
            return 0;
    }
    /* without a dot only capitals, all of them: "Bo" is a name */
    if (in.n < 2 || (dots == 0 && lower))
        return 0;
    (void)redactor_each_form(r, WORDS_SEEN, each_initials, &in);
    return in.hit;
}

/* The bytes of the initials that start p[0..len) before a word ("O.K."
 * of "O.K. Park": letters each with a dot, then a space); 0 if none. */
static size_t initials_before_word(const char *p, size_t len)
{
    size_t at = 0, last = 0;
    int cp, k, letters = 0;

    while (at < len && (k = utf8_next(&cp, p + at, len - at)) > 0) {
        if (cp == ' ') {
            int c2, k2 = utf8_next(&c2, p + at + 1, len - at - 1);
            /* "O. K. Park": a space between initials */
            if (last == at && k2 > 0 && at + 1 + (size_t)k2 < len && p[at + 1 + (size_t)k2] == '.') {
                at++;
                continue;
            }
            return letters >= 2 && last == at && at + 1 < len ? at : 0;
        }
        if (cp != '.' && (at + (size_t)k >= len || p[at + (size_t)k] != '.'))
            return 0;
        letters += cp != '.';
        at += (size_t)k;
        if (cp == '.')
            last = at;
    }
    return 0;
}

int pseudonym_is_name_form(const struct redactor *r, const char *p, size_t len, struct err *e)
{
    size_t a = 0, b, nwords = 0, ini = initials_before_word(p, len);
    int rc = initials_form(r, p, len, e);

    if (rc != 0)
        return rc;
    /* the name's initials before another surname: "O.K. Park" for Kim
     * Ok-kyung (report-adv30 P-3), as a reader abbreviates a name */
    if (ini > 0 && (rc = initials_form(r, p, ini, e)) != 0)
        return rc;

    for (size_t i = 0; i <= len; i++)
        if (i == len || p[i] == ' ' || p[i] == '-')
            nwords++;
    while (a < len) {
        for (b = a; b < len && p[b] != ' ' && p[b] != '-'; b++)
            ;
        if (b > a) {
            char *key;
            size_t keylen;
            struct seek sk = { .multi = nwords > 1 };
            if (normalise_key(&key, &keylen, p + a, b - a, e) != 0)
                return -1;
            sk.len = skeleton(sk.word, key, keylen, &sk.doubled);
            int other = pseudonym_script_name(r, key, keylen);
            secmem_free(key);
            if (other)
                return 1;
            /* one word of two letters or more; a word of a longer
             * pseudonym ("Kang-ho") of three or more */
            if (sk.len > 0 && text_chars(sk.word, sk.len) >= (size_t)(sk.multi ? 3 : 2)) {
                (void)redactor_each_form(r, WORDS_SEEN, each_form, &sk);
                if (sk.hit)
                    return 1;
            }
        }
        a = b + 1;
    }
    return 0;
}

/* The word key[0..len) (a key, normalise.h) as the surname table takes
 * it, to out (SKEL_MAX bytes): Latin letters (latin_of: Ли as li), a
 * Hangul syllable as it is, one Han character by its Hangul reading (李
 * as 리).  Its length in bytes, 0 if none of these. */
static size_t surname_key(char *out, const char *key, size_t len)
{
    size_t n = script_form_latin(out, key, len);
    int cp, k;

    if (n > 0)
        return n;
    if ((k = utf8_next(&cp, key, len)) <= 0 || (size_t)k != len)
        return 0;
    if (!(cp >= 0xAC00 && cp <= 0xD7A3) && (cp = hanja_reading(cp)) == 0)
        return 0;
    n = (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
    out[n] = '\0';
    return n;
}

/* The word key[0..len) (a key: katakana, hiragana as katakana) read as
 * a Korean surname written in katakana, to out (SKEL_MAX bytes): its
 * Hepburn romaji (transcribe_kana_romaji), the u that katakana adds to a
 * syllable's last consonant m, k, p or l left out (キム kimu as kim, パク
 * pak; ハン han, テン ten as they are: brief s39, report-adv38 P-2, P-5,
 * P-6).  Its length in bytes, 0 if the word is not all katakana. */
static size_t kana_surname(char *out, const char *key, size_t len)
{
    size_t at = 0, n;
    int cp, k;

    while (at < len) {
        if ((k = utf8_next(&cp, key + at, len - at)) <= 0 || !transcribe_is_katakana(cp))
            return 0;
        at += (size_t)k;
    }
    if (len == 0 || (n = transcribe_kana_romaji(out, SKEL_MAX - 1, key, len)) == 0)
        return 0;
    if (n >= 3 && out[n - 1] == 'u' && strchr("mkpr", out[n - 2]) != NULL)
        n--;
    out[n] = '\0';
    return n;
}

/* The Hangul syllable of a Koryo-saram surname key[0..len) (Тен 정, Хан
 * 한: romanise_koryo_syllable) as UTF-8 to out; its length, 0 if none. */
static size_t koryo_key(char *out, const char *key, size_t len)
{
    int cp = romanise_koryo_syllable(key, len);

    return cp == 0 ? 0 : (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

/* 1 if the words a and b (keys) are one name part: one skeleton (Li and
 * Ли; Bo and Бо), or spellings of one Korean surname (Lee and Ли, Yi and
 * 李, Rhee and 이: variants_same_surname), b read from katakana too
 * (kana_surname: キム for Ким, ハン for Хан). */
static int same_part(const char *a, size_t alen, const char *b, size_t blen)
{
    char sa[SKEL_MAX], sb[SKEL_MAX], kb[SKEL_MAX];
    size_t la, lb, lk = kana_surname(kb, b, blen);
    int dbl;

    if ((la = surname_key(sa, a, alen)) > 0 && (lb = surname_key(sb, b, blen)) > 0 &&
        variants_same_surname(sa, la, sb, lb))
        return 1;
    if (lk > 0) {
        char ka[8];
        size_t lka = koryo_key(ka, a, alen);
        if ((la > 0 && variants_same_surname(sa, la, kb, lk)) ||
            (lka > 0 && variants_same_surname(ka, lka, kb, lk)))
            return 1;
        la = skeleton(sa, a, alen, &dbl);
        lb = skeleton(sb, kb, lk, &dbl);
        return la > 0 && la == lb && memcmp(sa, sb, la) == 0;
    }
    la = skeleton(sa, a, alen, &dbl);
    lb = skeleton(sb, b, blen, &dbl);
    return la > 0 && la == lb && memcmp(sa, sb, la) == 0;
}

/* The next word of s[*at..len) (words end at a space or a hyphen) as a
 * key to *key (secmem, the caller frees), its first code point to *first:
 * 1, 0 at the end, -1 with e. */
static int next_word_key(char **key, size_t *keylen, int *first, const char *s, size_t len,
                         size_t *at, struct err *e)
{
    while (*at < len) {
        size_t a = *at, b;
        for (b = a; b < len && s[b] != ' ' && s[b] != '-'; b++)
            ;
        *at = b + 1;
        if (b == a || utf8_next(first, s + a, b - a) <= 0)
            continue;
        return normalise_key(key, keylen, s + a, b - a, e) != 0 ? -1 : 1;
    }
    return 0;
}

/* 1 if the name word key[0..len) (its first code point cp) is one the
 * redactor holds no form of alone (privacy/variants.c: a word of fewer
 * than three letters of a name of several words, a frequent Korean
 * surname: Ли of Мария Ли, Lee of Anna Lee), written with a capital or
 * in a script without case (a particle "da", "van" is no name part). */
static int short_name_part(const char *key, size_t len, int cp)
{
    char lat[SKEL_MAX];
    size_t ll;

    if (utf8proc_tolower(cp) == cp && utf8proc_toupper(cp) != cp)
        return 0;
    if (text_chars(key, len) < 3 || variants_is_surname(key, len) ||
        romanise_koryo_syllable(key, len) != 0)
        return 1;
    return (ll = script_form_latin(lat, key, len)) > 0 && variants_is_surname(lat, ll);
}

/* The bytes of the surname that starts a Hangul or Han name word of two
 * to four characters written without a space (이민호, 李明: the surname
 * comes first), key[0..len); 0 if the word is no such name or its first
 * character no frequent Korean surname (variants_is_surname). */
static size_t cjk_surname_bytes(const char *key, size_t len)
{
    char sk[SKEL_MAX];
    size_t at = 0, n = 0, first = 0, sl;
    int cp, k;

    while (at < len && (k = utf8_next(&cp, key + at, len - at)) > 0) {
        if (!(cp >= 0xAC00 && cp <= 0xD7A3) && hanja_reading(cp) == 0)
            return 0;
        if (n++ == 0)
            first = (size_t)k;
        at += (size_t)k;
    }
    if (at != len || n < 2 || n > 4 || (sl = surname_key(sk, key, first)) == 0)
        return 0;
    return variants_is_surname(sk, sl) ? first : 0;
}

/* Up to HAN_READINGS readings of one Han character are tried. */
#define HAN_READINGS 8

/* 1 if the Han character cp, written alone as a word, reads as a surname
 * that is one name part with key[0..len) by any of its Hangul readings,
 * not its first only (金 reads 금 as a word and 김 as a surname: a row of
 * the surname table; 李 리 and 이; report-adv36b P-1).  The key view
 * holds the first reading alone (normalise.h), so the character itself is
 * asked. */
static int han_same_part(const char *key, size_t len, int cp)
{
    int rd[HAN_READINGS];
    size_t n = hanja_readings(rd, HAN_READINGS, cp);

    for (size_t i = 1; i < n; i++) {
        char h[8];
        size_t hl = (size_t)utf8proc_encode_char(rd[i], (utf8proc_uint8_t *)h);
        if (variants_is_surname(h, hl) && same_part(key, len, h, hl))
            return 1;
    }
    return 0;
}

/* 1 if a word of p[0..plen) is one name part with key[0..len), or
 * spells the same Korean surname as its Koryo-saram spelling (최, 崔 of
 * Цой: redact_koryo_spelling, report-adv39 P-1). */
static int part_in_pseudonym(const char *key, size_t len, const char *p, size_t plen, struct err *e)
{
    size_t at = 0, pl;
    char *pk;
    int pc, rc, hit = 0;

    while (!hit && (rc = next_word_key(&pk, &pl, &pc, p, plen, &at, e)) == 1) {
        int cp, k = utf8_next(&cp, pk, pl);
        hit = same_part(key, len, pk, pl) ||
              (k > 0 && (size_t)k == pl && han_same_part(key, len, pc)) ||
              redact_koryo_spelling(key, len, pk, pl);
        secmem_free(pk);
    }
    return hit ? 1 : rc;
}

/* 1 if the name word key[0..len), whose first character as written is
 * the Han character cp, starts with a surname by another Hangul reading
 * of cp than the key's (金民俊: 김, keyed 금민준), and a word of p[0..plen)
 * is that surname; -1 with e. */
static int han_name_surname(const char *key, size_t len, int cp, const char *p, size_t plen,
                            struct err *e)
{
    int rd[HAN_READINGS], first, k = utf8_next(&first, key, len);
    size_t n = hanja_readings(rd, HAN_READINGS, cp);

    if (k <= 0 || n == 0 || rd[0] != first)
        return 0;
    for (size_t i = 1; i < n; i++) {
        char h[8];
        size_t hl = (size_t)utf8proc_encode_char(rd[i], (utf8proc_uint8_t *)h);
        int rc;
        if (variants_is_surname(h, hl) && (rc = part_in_pseudonym(h, hl, p, plen, e)) != 0)
            return rc;
    }
    return 0;
}

/* 1 if a word of p[0..plen) of Latin or Cyrillic letters (three or
 * more) is the name word key[0..len) of a script with no Latin or
 * Cyrillic letters (script_read_letter: Arabic, Persian, Georgian, Greek,
 * Armenian...) as read into Latin: the same letters (Georgian by the
 * national romanisation of 2002: გიორგი is Giorgi), or where the script
 * writes no short vowels the same consonants and written long vowels
 * with some of the Latin's vowels left out (script_reading_near: عمر is
 * Omar and Umar, كريم Karim, ناصر Nasser, حسن Hassan, کریمی Karimi).  The
 * name registered only in its own script had no Latin form to refuse a
 * Latin pseudonym by (brief s45 scr45, report-adv44 P-1..P-5, P-8..P-10).
 * It cannot tell two names of one skeleton apart (عمر is also Amir's
 * reading: refused too; docs/PSEUDONYMS.md).  -1 with e. */
static int script_part_in_pseudonym(const char *key, size_t len, const char *p, size_t plen,
                                    struct err *e)
{
    struct script_reading rd;
    size_t at = 0, pl;
    char *pk;
    int cp, pc, rc, hit = 0;

    struct script_reading bare;
    int has_bare;

    if (utf8_next(&cp, key, len) <= 0 || !script_read_letter(cp) || !script_reading_of(&rd, key, len))
        return 0;
    /* the word without the Arabic article too (الأحمد: Ahmed, Ahmad; as
     * the redactor reads it, redact_unread.c; brief s47 arab47,
     * report-adv46 pseudonyms), when three letters or more are left */
    has_bare = len > 8 && memcmp(key, "\xd8\xa7\xd9\x84", 4) == 0 &&
               script_reading_of(&bare, key + 4, len - 4);
    while (!hit && (rc = next_word_key(&pk, &pl, &pc, p, plen, &at, e)) == 1) {
        char lat[SKEL_MAX];
        hit = text_chars(pk, pl) >= 3 && script_form_latin(lat, pk, pl) > 0 &&
              (script_reading_near(&rd, pk, pl, SUFFIX_NONE) ||
               (has_bare && script_reading_is(&bare, pk, pl, SUFFIX_NONE)));
        secmem_free(pk);
    }
    return hit ? 1 : rc;
}

int pseudonym_is_name_part(const char *p, size_t plen, const char *name, size_t namelen,
                           struct err *e)
{
    size_t at = 0;
    char *nk;
    size_t nl, sur;
    int cp, rc;

    /* its elements' meanings in English (Steel Hero for Сүхбаатарын Болд:
     * pseudonym_gloss.c; brief s52 mong52, report-adv51) */
    if ((rc = pseudonym_translates_name(p, plen, name, namelen)) != 0)
        return rc < 0 ? err_set(e, EXIT_INPUT, "out of memory") : 1;
    /* its consonants those of an Arabic name's word (Enzi, Anazi of
     * Al-Enezi; Obaid of Abdullah: pseudonym_root.c; brief s53 pseud53,
     * report-adv52 P-1..P-6, P-10..P-14) */
    if (pseudonym_shares_root(p, plen, name, namelen) == 1)
        return 1;
    while ((rc = next_word_key(&nk, &nl, &cp, name, namelen, &at, e)) == 1) {
        int hit = 0;
        if (short_name_part(nk, nl, cp))
            hit = part_in_pseudonym(nk, nl, p, plen, e);
        if (hit == 0 && (sur = cjk_surname_bytes(nk, nl)) > 0)
            hit = part_in_pseudonym(nk, sur, p, plen, e);
        if (hit == 0 && text_chars(nk, nl) >= 1 && text_chars(nk, nl) <= 4)
            hit = han_name_surname(nk, nl, cp, p, plen, e);
        if (hit == 0)
            hit = script_part_in_pseudonym(nk, nl, p, plen, e);
        secmem_free(nk);
        if (hit != 0)
            return hit;
    }
    return rc;
}

/* The sentence a pseudonym is read in: the one subject add has used for
 * the audit's reading since report-adv26a D-25 (a capital and "came"
 * after it mark a name). */
#define NAME_SENTENCE " came to the office."

int pseudonym_read_as_name(const struct redactor *r, const char *p, size_t len, struct err *e)
{
    char line[256];
    int rc = redactor_any_form(r, p, len, e);

    if (rc != 0)
        return rc;
    if (len + sizeof NAME_SENTENCE > sizeof line)
        return err_set(e, EXIT_INPUT, "pseudonym too long");
    memcpy(line, p, len);
    memcpy(line + len, NAME_SENTENCE, sizeof NAME_SENTENCE);
    if ((rc = redactor_any_form(r, line, strlen(line), e)) != 1)
        return rc;
    /* the sentence's own words protected (a term "Office"): not the
     * pseudonym's hit, and it would refuse every pseudonym */
    rc = redactor_any_form(r, "It" NAME_SENTENCE, strlen("It" NAME_SENTENCE), e);
    return rc < 0 ? -1 : !rc;
}
