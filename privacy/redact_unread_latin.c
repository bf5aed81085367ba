/* The name a Latin or Cyrillic word reads as, of the names registered
 * only in Arabic, Persian or Georgian letters (redact_int.h,
 * redact_latin_owners; split from redact_unread.c, which files the words,
 * brief s49 arab49).  The readings of the registered words
 * (script_reading.h), their short forms, and the respellings and case
 * endings other languages write them with. */
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "privacy/common_words.h"
#include "privacy/nicknames.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/script_read.h"
#include "privacy/script_reading.h"
#include "util/text.h"

/* 1 if cp is a letter of Arabic (and Persian) or Georgian. */
static int arabic_georgian(int cp)
{
    return (cp >= 0x0620 && cp <= 0x06FF) || (cp >= 0x10D0 && cp <= 0x10FF);
}

/* The fewest consonant classes (capitals) of rd's keys. */
static size_t reading_classes(const struct script_reading *rd)
{
    size_t least = SIZE_MAX;

    for (int i = 0; i < rd->n; i++) {
        size_t c = 0;
        for (const char *k = rd->key[i]; *k != '\0'; k++)
            c += *k >= 'A' && *k <= 'Z';
        least = c < least ? c : least;
    }
    return least == SIZE_MAX ? 0 : least;
}

/* A name ending in ه after a consonant (Persian فاطمه, طاهره, عایشه,
 * read -e) is written in Russian and in the Arabic tradition with -a, its
 * ة (Фатима, Fatima, Тахира, Аиша): that reading added to rd's (brief s48
 * arab48, report-adv47 L-7). */
static void teh_marbuta(struct script_reading *rd, const char *key, size_t len)
{
    size_t kl;

    if (len < 6 || memcmp(key + len - 2, "\xd9\x87", 2) != 0)
        return;
    for (int i = rd->n - 1; i >= 0 && rd->n < SCRIPT_READINGS; i--)
        if ((kl = strlen(rd->key[i])) >= 2 && rd->key[i][kl - 1] == 'i' && rd->key[i][kl - 2] >= 'A' &&
            rd->key[i][kl - 2] <= 'Z') {
            memcpy(rd->key[rd->n], rd->key[i], kl + 1);
            rd->key[rd->n++][kl - 1] = 'a';
        }
}

/* The readings of r's person literals of one word of Arabic or Georgian
 * letters, as registered (not generated), into lp; their number. */
size_t redact_latin_reads(struct latin_pass *lp)
{
    const struct redactor *r = lp->r;

    lp->n = 0;
    for (size_t i = 0; i < r->nlits && lp->n < LATIN_READS; i++) {
        const struct lit *l = &r->lits[i];
        const char *key = r->arena + r->keyoff[i];
        int cp = 0;
        if (!l->person || l->initials || l->generated || l->father ||
            utf8_next(&cp, key, l->keylen) <= 0 || !arabic_georgian(cp) ||
            memchr(key, ' ', l->keylen) != NULL)
            continue;
        if (script_reading_of(&lp->rd[lp->n], key, l->keylen)) {
            teh_marbuta(&lp->rd[lp->n], key, l->keylen);
            lp->first[lp->n] = cp, lp->lit[lp->n++] = i;
        }
        /* the word without the Arabic article ال, as a Latin or Cyrillic
         * text writes it alone or apart (الأحمد: Ahmad, al-Ahmad, Ахмад;
         * الخطيب: Khatib; brief s47 arab47, report-adv46 L-26), if its
         * reading has three consonant classes or more (الياس is no "Yas") */
        if (lp->n < LATIN_READS && l->keylen > 8 && memcmp(key, "\xd8\xa7\xd9\x84", 4) == 0 &&
            script_reading_of(&lp->rd[lp->n], key + 4, l->keylen - 4) &&
            reading_classes(&lp->rd[lp->n]) >= 3 && utf8_next(&lp->first[lp->n], key + 4, l->keylen - 4) > 0)
            lp->lit[lp->n++] = i;
    }
    return lp->n;
}

/* Keeps one short form (nicknames_each's fn) for the literal lp->cur. */
static int keep_short(void *ctx, const char *form, size_t len)
{
    struct latin_pass *lp = ctx;

    if (lp->nsf == LATIN_SHORTS)
        return 1;
    if (len >= LATIN_SHORT_MAX || len < 3)
        return 0;
    memcpy(lp->sf[lp->nsf], form, len);
    lp->sflen[lp->nsf] = len, lp->sflit[lp->nsf++] = lp->cur;
    return 0;
}

/* The compound names of عبد "servant of" with a name of God, as Latin
 * and Cyrillic write them in one word (the commonest of those Schimmel,
 * Islamic Names, 1989, ch. 2 lists; the spellings: the Arabic, French,
 * Persian, Russian and Tajik/Uzbek transcriptions, o for the long a;
 * brief s48 arab48, report-adv47 L-4, L-5, L-6, L-10): a whole name
 * registered with عبد الله has Abdullah, Абдулла, Abdulloh as its
 * short forms.  Lower case; the Russian cases come from the stem
 * (latin_owners). */
static const struct {
    const char *god;                    /* the word after عبد, as registered */
    const char *forms;                  /* its compounds, space-separated */
} abd_compounds[] = {
    { "\xd8\xa7\xd9\x84\xd9\x84\xd9\x87",     /* الله */
      "abdallah abdullah abdulla abdalla abdellah abdollah abdulloh abdullo abdallahi "
      "\xd0\xb0\xd0\xb1\xd0\xb4\xd1\x83\xd0\xbb\xd0\xbb\xd0\xb0 "           /* абдулла */
      "\xd0\xb0\xd0\xb1\xd0\xb4\xd0\xb0\xd0\xbb\xd0\xbb\xd0\xb0 "           /* абдалла */
      "\xd0\xb0\xd0\xb1\xd0\xb4\xd1\x83\xd0\xbb\xd0\xbb\xd0\xbe "           /* абдулло */
      "\xd0\xb0\xd0\xb1\xd0\xb4\xd1\x83\xd0\xbb\xd0\xbb\xd0\xb0\xd1\x85" }, /* абдуллах */
    { "\xd8\xa7\xd9\x84\xd8\xb1\xd8\xad\xd9\x85\xd9\x86",     /* الرحمن */
      "abdulrahman abdurrahman abdurahman abdelrahman abderrahmane abdolrahman abdurahmon "
      "\xd0\xb0\xd0\xb1\xd0\xb4\xd1\x83\xd1\x80\xd0\xb0\xd1\x85\xd0\xbc\xd0\xb0\xd0\xbd "  /* абдурахман */
      "\xd0\xb0\xd0\xb1\xd0\xb4\xd1\x83\xd1\x80\xd1\x80\xd0\xb0\xd1\x85\xd0\xbc\xd0\xb0\xd0\xbd" }, /* абдуррахман */
    { "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb2\xd9\x8a\xd8\xb2",     /* العزيز */
      "abdulaziz abdelaziz abdolaziz abdulazis "
      "\xd0\xb0\xd0\xb1\xd0\xb4\xd1\x83\xd0\xbb\xd0\xb0\xd0\xb7\xd0\xb8\xd0\xb7" },    /* абдулазиз */
    { "\xd8\xa7\xd9\x84\xd9\x83\xd8\xb1\xd9\x8a\xd9\x85",     /* الكريم */
      "abdulkarim abdelkarim abdolkarim "
      "\xd0\xb0\xd0\xb1\xd0\xb4\xd1\x83\xd0\xbb\xd0\xba\xd0\xb0\xd1\x80\xd0\xb8\xd0\xbc" }, /* абдулкарим */
};

/* The compounds of abd_compounds the registered name words of the
 * literal i make: عبد followed by the next literal of its term, or one
 * word عبدالله; as short forms into lp. */
static void abd_shorts(struct latin_pass *lp, size_t i)
{
    static const char abd[] = "\xd8\xb9\xd8\xa8\xd8\xaf";   /* "عبد" */
    const struct redactor *r = lp->r;
    const char *key = r->arena + r->keyoff[i], *god;
    size_t len;

    if (r->lits[i].keylen < 6 || memcmp(key, abd, 6) != 0)
        return;
    god = key + 6, len = r->lits[i].keylen - 6;
    if (len == 0 && i + 1 < r->nlits && r->lits[i + 1].term == r->lits[i].term &&
        !r->lits[i + 1].generated)
        god = r->arena + r->keyoff[i + 1], len = r->lits[i + 1].keylen;
    for (size_t c = 0; c < sizeof abd_compounds / sizeof abd_compounds[0]; c++) {
        const char *f = abd_compounds[c].forms;
        if (strlen(abd_compounds[c].god) != len || memcmp(abd_compounds[c].god, god, len) != 0)
            continue;
        lp->cur = i;
        while (*f != '\0') {
            size_t n = strcspn(f, " ");
            if (keep_short(lp, f, n) != 0)
                return;
            f += n + (f[n] == ' ');
        }
    }
}

/* The short forms the name lists give (data/nicknames/regional.txt:
 * Gogi, Gio, Goga, Гоги of Giorgi; not Георгий, which made Greek Γεωργία
 * the person's) for the Latin reading of each
 * registered Georgian name word (script_read_word: გიორგი giorgi), into
 * lp (brief s47 arab47, report-adv46 L-21..L-23, adv45 L-4): a name
 * registered only in Georgian letters had none, where the same name
 * registered in Latin has them (variants_nicknames). */
void redact_latin_shorts(struct latin_pass *lp)
{
    const struct redactor *r = lp->r;

    lp->nsf = 0;
    for (size_t i = 0; i < r->nlits && lp->nsf < LATIN_SHORTS; i++) {
        const struct lit *l = &r->lits[i];
        const char *key = r->arena + r->keyoff[i];
        char lat[SCRIPT_LATIN_MAX];
        size_t m;
        int cp = 0;
        if (l->person && !l->initials && !l->generated && !l->father)
            abd_shorts(lp, i);
        if (!l->person || l->initials || l->generated || l->father ||
            utf8_next(&cp, key, l->keylen) <= 0 || cp < 0x10D0 || cp > 0x10FF ||
            memchr(key, ' ', l->keylen) != NULL ||
            (m = script_read_word(lat, sizeof lat, key, l->keylen, 0, NULL)) == 0)
            continue;
        lp->cur = i;
        if (nicknames_each(lat, m, keep_short, lp) < 0)
            return;
    }
}

/* The index in lp->sf of the short form the word w[0..len) (norm view)
 * is, in lower case; lp->nsf if none. */
static size_t short_owner(const struct latin_pass *lp, const char *w, size_t len)
{
    char low[LATIN_SHORT_MAX];
    size_t n = 0;
    int cp, k;

    for (size_t at = 0; at < len; at += (size_t)k) {
        if ((k = utf8_next(&cp, w + at, len - at)) <= 0 || n + 4 >= sizeof low)
            return lp->nsf;
        n += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)low + n);
    }
    for (size_t i = 0; i < lp->nsf; i++)
        if (lp->sflen[i] == n && memcmp(lp->sf[i], low, n) == 0)
            return i;
    return lp->nsf;
}

/* The literal whose reading the word w[0..len) is, by the strict rule
 * (near 0) or the near rule (near 1); r->nlits if none. */
static size_t latin_owner(const struct latin_pass *lp, const char *w, size_t len, int near)
{
    int cp = 0;

    if (utf8_next(&cp, w, len) <= 0)
        return lp->r->nlits;
    cp = utf8proc_tolower(cp);
    for (size_t k = 0; k < lp->n; k++) {
        /* ف is f, never b or p; ب, پ never f (the reading's P class
         * holds all four: Batumi, Батуми are no فاطمه "Fatme"; brief s48
         * arab48, report-adv47 O-1, O-13, O-14) */
        if ((lp->first[k] == 0x0641 && (cp == 'b' || cp == 'p' || cp == 0x431 || cp == 0x43F)) ||
            ((lp->first[k] == 0x0628 || lp->first[k] == 0x067E) && (cp == 'f' || cp == 0x444)))
            continue;
        if (near ? script_reading_near(&lp->rd[k], w, len, SUFFIX_NONE)
                 : script_reading_is(&lp->rd[k], w, len, SUFFIX_NONE))
            return lp->lit[k];
    }
    return lp->r->nlits;
}

/* latin_owner of the Latin word w[0..len) written as Tajik and Uzbek
 * write an Arabic or Persian name, o for the long a (Abdulloh, Abdullo,
 * Rahmon, Sharof: brief s48 arab48, report-adv47 L-6), or with the
 * French -e after a final n (Hassane, Amine, Othmane: L-1; not Crime,
 * which is no Karim: scr45.jsonl line 13) on a word of
 * four letters or more left that is none of the commonest words (Same is
 * no Sam); r->nlits if neither. */
static size_t latin_respelt(const struct latin_pass *lp, const char *w, size_t len, int near)
{
    char alt[LATIN_SHORT_MAX];
    size_t own = lp->r->nlits;
    int o = 0;

    if (len >= sizeof alt)
        return own;
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)w[i] >= 0x80)
            return own;
        alt[i] = w[i] == 'o' ? 'a' : w[i];
        o |= w[i] == 'o';
    }
    if (o && (own = latin_owner(lp, alt, len, near)) < lp->r->nlits)
        return own;
    for (size_t i = 0; i < len; i++)
        alt[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] - 'A' + 'a') : w[i];
    if (len >= 5 && alt[len - 1] == 'e' && alt[len - 2] == 'n' && strchr("aeiouy", alt[len - 3]) != NULL &&
        !common_word_key(alt, len) && !common_word_key(alt, len - 1))
        return latin_owner(lp, w, len - 1, near);
    return lp->r->nlits;
}

/* Sets *strict (replaced) or, for a form the commonest words hold, *near
 * (a review flag) to the literal of the short form w[0..len) is; 1 if it
 * is one. */
static int short_file(const struct latin_pass *lp, const char *w, size_t len, size_t *strict,
                      size_t *near)
{
    size_t i = short_owner(lp, w, len);

    if (i == lp->nsf)
        return 0;
    if (common_word_key(lp->sf[i], lp->sflen[i]))
        *near = lp->sflit[i];
    else
        *strict = lp->sflit[i];
    return 1;
}

/* The Russian and Ukrainian case endings of a name in a consonant or
 * -а (the Slavic declension variants_ru.c and variants_uk.c write for the
 * names they know: Насеру, Насера, Насером, Насере, Насерові, Исмаилу),
 * longest first. */
static const char *const cyrillic_endings[] = {
    "\xd0\xbe\xd0\xb2\xd1\x96", "\xd0\xb5\xd0\xb2\xd1\x96",  /* -ові -еві */
    "\xd0\xbe\xd1\x8e", "\xd0\xb5\xd1\x8e",                      /* -ою -ею */
    "\xd0\xbe\xd0\xbc", "\xd0\xb5\xd0\xbc",                      /* -ом -ем */
    "\xd0\xbe\xd0\xb9", "\xd0\xb5\xd0\xb9",                      /* -ой -ей */
    "\xd1\x83", "\xd0\xb0", "\xd0\xb5", "\xd1\x8e", "\xd1\x8f", /* -у -а -е -ю -я */
    "\xd1\x8b", "\xd0\xb8", "\xd1\x96",                         /* -ы -и -і */
};

/* The literals whose reading the word w[0..len) is by the strict rule
 * (*strict) and the near rule (*near), r->nlits if none; a Cyrillic word
 * that is neither as written is read less one case ending
 * (cyrillic_endings) leaving three letters or more: a name written in
 * Arabic or Persian only, declended in a Russian text (Насеру for ناصر,
 * Исмаилу for إسماعيل; brief s47 arab47, report-adv46 L-17, L-32). */
void redact_latin_owners(const struct latin_pass *lp, const char *w, size_t len, size_t *strict,
                         size_t *near)
{
    int cp = 0;

    *strict = latin_owner(lp, w, len, 0);
    *near = latin_owner(lp, w, len, 1);
    if (*strict == lp->r->nlits && *near == lp->r->nlits)
        short_file(lp, w, len, strict, near);
    if (*strict == lp->r->nlits && *near == lp->r->nlits) {
        *strict = latin_respelt(lp, w, len, 0);
        *near = latin_respelt(lp, w, len, 1);
    }
    if (*strict < lp->r->nlits || *near < lp->r->nlits || utf8_next(&cp, w, len) <= 0 ||
        !is_cyrillic_cp(cp))
        return;
    for (size_t e = 0; e < sizeof cyrillic_endings / sizeof cyrillic_endings[0]; e++) {
        size_t el = strlen(cyrillic_endings[e]);
        char stem[LATIN_SHORT_MAX];
        if (len <= el || memcmp(w + len - el, cyrillic_endings[e], el) != 0 ||
            text_chars(w, len - el) < 3)
            continue;
        *strict = latin_owner(lp, w, len - el, 0);
        *near = latin_owner(lp, w, len - el, 1);
        if (*strict < lp->r->nlits || *near < lp->r->nlits)
            return;
        /* a name in -а or -я: its stem with it (Резу, Резой, Резы of
         * Реза; Фатимой, Абдуллою: brief s48 arab48, report-adv47 L-2,
         * L-5, L-7, L-10) */
        for (int f = 0; f < 2 && len - el + 2 < sizeof stem; f++) {
            memcpy(stem, w, len - el);
            memcpy(stem + len - el, f == 0 ? "\xd0\xb0" : "\xd1\x8f", 2);
            *strict = latin_owner(lp, stem, len - el + 2, 0);
            *near = latin_owner(lp, stem, len - el + 2, 1);
            if (*strict < lp->r->nlits || *near < lp->r->nlits)
                return;
        }
        /* a short form's case: its stem with -а or -й (Гогу, Гоге of
         * Гога; Георгию, Георгия, Георгием of Георгий) */
        for (int f = 0; f < 2 && len - el + 2 < sizeof stem; f++) {
            memcpy(stem, w, len - el);
            memcpy(stem + len - el, f == 0 ? "\xd0\xb0" : "\xd0\xb9", 2);
            if (short_file(lp, stem, len - el + 2, strict, near))
                return;
        }
    }
}
