/* Generated forms of a person's name that are ordinary words (brief s27
 * over27, report-adv26a D-23).  The variant rules make thousands of
 * spellings of a name; a few of them are the commonest words of some
 * language (the Cyrillic initials Н.А. of Алексей Смирнов, keyed without
 * their full stops, are the preposition "на"; И.З. of Иван Звягинцев are
 * "из").  Replaced, such a form put the subject's pseudonym into every
 * record of the store, another subject's included.  Two rules, for every
 * name:
 *   - a generated form (not the name as registered, nor a part of it, nor
 *     a listed short form) that is one of the commonest words of ru, uk,
 *     be, mn, ko, en or ms (common_words.c) is not made at all; a
 *     romanised Korean surname ("an", "so", "no") keeps its own context
 *     rule (FORM_COMMON), and so do initials that spell a word that is
 *     also a name (variants_common_word: "be" of B.E.);
 *   - a generated form of at most two letters of a cased script with
 *     nothing between them ("на" of Н.А.; not "a.s", whose full stop
 *     the key keeps) is a review flag at most, never a replacement.
 * Pairs of common Han characters read as a Hangul form (了下 as 료하):
 * redact_context_refuses (common_han_run). */
#include <string.h>

#include "privacy/common_words.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"

static int two_cased_letters(const char *key, size_t keylen);

int redact_generated_dropped(const char *key, size_t keylen, int initials, int lettered)
{
    /* A name's initials of two cased letters (К.О. of Ксения Орлова,
     * keyed ко; О.К. of Оксана Карпова, keyed ок, which begins the
     * name's key too: the key leaves the full stop out) are kept, for
     * redact_generated_short makes them a generated initials form that
     * counts only where the context marks a person or written as initials
     * (capitals with a full stop between; redact_context.c), never the
     * bare word "ко", "Ок" (report-adv40 L-8, L-42; brief s41 init41).
     * Only forms an initials generator made (variant.lettered, brief s42
     * init42): two letters of another script's reading of the name (за,
     * ти) are no initials, and are dropped as any common word. */
    if (redact_lettered_pair(key, keylen, lettered))
        return 0;
    /* A spelling is not spared for being a word that is also a name
     * (variants_common_word: May, An, We): "we" generated from Wei (ei
     * written e) put a subject's pseudonym for every English "We" at a
     * sentence's start (report-adv28a P-1).  Initials are (B.E. of
     * Бат-Эрдэнэ, "BE"): their own rule makes them a review flag. */
    return common_word_key(key, keylen) && !variants_is_surname(key, keylen) &&
           !(initials && variants_common_word(key, keylen));
}

/* 1 if key[0..keylen) is one or two letters of Latin, Cyrillic or Greek
 * and nothing else. */
static int two_cased_letters(const char *key, size_t keylen)
{
    size_t at = 0;
    int cp, k, n = 0;

    while (at < keylen) {
        if ((k = utf8_next(&cp, key + at, keylen - at)) <= 0 || ++n > 2)
            return 0;
        if (!((cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7) ||
              (cp >= 0x370 && cp < 0x530)))
            return 0;
        at += (size_t)k;
    }
    return n > 0;
}

int redact_lettered_pair(const char *key, size_t keylen, int lettered)
{
    return lettered && two_cased_letters(key, keylen);
}

void redact_generated_short(struct lit *l, const char *key, size_t keylen)
{
    if (l->generated && l->person && l->kind == FORM_REPLACE && two_cased_letters(key, keylen))
        l->kind = FORM_SHORT, l->initials = 1, l->capital = 1;
}

int redact_dotted_pair(const char *norm, size_t len)
{
    int cp, k, m;

    if ((k = utf8_next(&cp, norm, len)) <= 0 || !two_cased_letters(norm, (size_t)k) ||
        (size_t)k + 1 >= len || norm[k] != '.' ||
        (m = utf8_next(&cp, norm + k + 1, len - (size_t)k - 1)) <= 0 ||
        (size_t)(k + 1 + m) != len)
        return 0;
    return two_cased_letters(norm + k + 1, (size_t)m);
}

int redact_short_piece(const char *key, size_t keylen, const char *whole, size_t wlen)
{
    size_t a = 0, b;

    if (!two_cased_letters(key, keylen))
        return 0;
    for (; a <= wlen; a = b + 1) {
        for (b = a; b < wlen && whole[b] != ' ' && whole[b] != '-'; b++)
            ;
        if (b - a == keylen && memcmp(whole + a, key, keylen) == 0)
            return 0;
    }
    return 1;
}
