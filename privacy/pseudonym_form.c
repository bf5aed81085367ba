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

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "util/text.h"

#define SKEL_MAX 256

/* Endings that make a diminutive of a name's start in the languages of
 * the store (English -y/-ie/-o/-s: Danny, Dannie, Danno, Dans; Russian
 * and Ukrainian -а/-я/-о/-ко/-ка/-ик/-ша/-ня/-ся/-уся/-чик: Алекса,
 * Ковалик; Malay and Mongolian -a/-aa/-ka), as skeletons: y is i. */
static const char *const endings[] = {
    "i", "ie", "o", "a", "s", "ia", "ka", "ko", "ik", "aa",
    "а", "я", "о", "у", "ю", "ко", "ка", "ик", "ша", "ня", "ся", "уся", "чик", "ок",
};

/* Appends the skeleton of key[0..len) (a key, normalise.h) to out
 * (SKEL_MAX bytes); returns its length in bytes, or 0 if it does not fit
 * or the key is no word of letters. */
static size_t skeleton(char *out, const char *key, size_t len)
{
    size_t at = 0, n = 0;
    int cp, k, last = 0;

    while (at < len) {
        const char *w;
        char buf[5];
        if ((k = utf8_next(&cp, key + at, len - at)) <= 0)
            return 0;
        at += (size_t)k;
        if (cp == 'x')
            w = "ks";
        else if (cp == 'y' || cp == 'j')
            w = "i";
        else if (cp == 'w')
            w = "v";
        else if (cp == 'c' || cp == 'q')
            w = "k";
        else if (cp == 'h' && last == 'p')
            n--, w = "f";           /* ph: the p goes */
        else if (cp == 0x439)       /* й */
            w = "и";
        else if (cp == 0x44C || cp == 0x44A)   /* ь ъ */
            continue;
        else {
            if (!((cp >= 'a' && cp <= 'z') || is_cyrillic_cp(cp) ||
                  (cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7)))
                return 0;
            memcpy(buf, key + at - (size_t)k, (size_t)k);
            buf[k] = '\0';
            w = buf;
        }
        size_t wl = strlen(w);
        /* a doubled consonant as one (Danno, Анна); vowels stay, as
         * Korean spells syllables with them (won is no start of woong) */
        if (n >= wl && memcmp(out + n - wl, w, wl) == 0 && !strstr("aeiouаеиоуыэюяєії", w))
            continue;
        if (n + wl >= SKEL_MAX)
            return 0;
        memcpy(out + n, w, wl), n += wl;
        last = cp;
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

static int each_form(void *ctx, const char *key, size_t keylen, const struct redact_form *f)
{
    struct seek *sk = ctx;
    char form[SKEL_MAX];
    size_t flen;

    if (!f->person || (flen = skeleton(form, key, keylen)) == 0)
        return 0;
    if (starts(form, flen, sk->word, sk->len)) {
        sk->hit = 1;
        return 1;
    }
    for (size_t i = 0; sk->doubled && i < sizeof endings / sizeof endings[0]; i++) {
        size_t el = strlen(endings[i]);
        if (sk->len > el && memcmp(sk->word + sk->len - el, endings[i], el) == 0 &&
            text_chars(sk->word, sk->len - el) >= 3 && starts(form, flen, sk->word, sk->len - el)) {
            sk->hit = 1;
            return 1;
        }
    }
    return 0;
}

int pseudonym_is_name_form(const struct redactor *r, const char *p, size_t len, struct err *e)
{
    size_t a = 0, b, nwords = 0;

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
            sk.len = skeleton(sk.word, key, keylen);
            for (size_t i = 1; i < keylen; i++)
                if (key[i] == key[i - 1] && key[i] >= 'b' && key[i] <= 'z' && !strchr("eiouy", key[i]))
                    sk.doubled = 1;
            secmem_free(key);
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
    return redactor_any_form(r, line, strlen(line), e);
}
