/* The Latin and Cyrillic spellings of the names registered only in
 * Arabic, Persian or Georgian letters (redact_int.h, redact_latin_names;
 * split from redact_unread.c, which reads the words of those scripts and
 * calls this file, brief s49 arab49): the readings of the registered
 * words (script_reading.h), their short forms, the respellings and case
 * endings other languages write them with, and how a word is filed
 * (replaced or a review flag; redact_unread_replace, redact_unread_flag,
 * which redact_unread.c files its own words with). */
#include <sodium.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "privacy/common_words.h"
#include "privacy/nicknames.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"
#include "privacy/script_read.h"
#include "privacy/script_reading.h"
#include "util/lexicon.h"
#include "util/text.h"

/* Readings kept per pass (latin_reads_of), short forms (latin_shorts)
 * and their longest key. */
#define LATIN_READS 24
#define LATIN_SHORTS 48
#define LATIN_SHORT_MAX 32

struct latin_pass {
    struct spans *sp, *flags;
    const struct redactor *r;
    struct script_reading rd[LATIN_READS];
    size_t lit[LATIN_READS], n;
    int first[LATIN_READS];                     /* each reading's first letter */
    char sf[LATIN_SHORTS][LATIN_SHORT_MAX];     /* short forms, lower case */
    size_t sflen[LATIN_SHORTS], sflit[LATIN_SHORTS], nsf, cur;
    int tajik;                                  /* the text has a letter only Tajik has */
};

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
static size_t latin_reads_of(struct latin_pass *lp)
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

static const char abd_familiar[] = "abdou abdu abdo "
                                   "\xd0\xb0\xd0\xb1\xd0\xb4\xd1\x83 \xd0\xb0\xd0\xb1\xd0\xb4\xd0\xbe"; /* абду абдо */

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
    /* the familiar short forms of any عبد name, as the Maghreb and Egypt
     * write them (Abdou, Abdu, Abdo: Schimmel, Islamic Names, ch. 2; brief
     * s51 arab51, report-adv50 L-10) */
    for (const char *f = abd_familiar; *f != '\0';) {
        size_t n = strcspn(f, " ");
        lp->cur = i;
        if (keep_short(lp, f, n) != 0)
            return;
        f += n + (f[n] == ' ');
    }
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
static void latin_shorts(struct latin_pass *lp)
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
 * is, in lower case, or a Cyrillic word by its Latin letters
 * (script_form_latin: Нинука for a list's Ninuka, as a name list writes
 * a Georgian short form in Latin only; brief s49 arab49, report-adv48
 * L-2); lp->nsf if none. */
static size_t short_owner(const struct latin_pass *lp, const char *w, size_t len)
{
    char low[LATIN_SHORT_MAX], lat[SCRIPT_LATIN_MAX];
    size_t n = 0, m;
    int cp, k, first = 0;

    for (size_t at = 0; at < len; at += (size_t)k) {
        if ((k = utf8_next(&cp, w + at, len - at)) <= 0 || n + 4 >= sizeof low)
            return lp->nsf;
        first = at == 0 ? cp : first;
        n += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)low + n);
    }
    for (size_t i = 0; i < lp->nsf; i++)
        if (lp->sflen[i] == n && memcmp(lp->sf[i], low, n) == 0)
            return i;
    if (!is_cyrillic_cp(first) || (m = script_form_latin(lat, low, n)) == 0)
        return lp->nsf;
    for (size_t i = 0; i < lp->nsf; i++)
        if (lp->sflen[i] == m && memcmp(lp->sf[i], lat, m) == 0)
            return i;
    return lp->nsf;
}

/* The literal whose reading the word w[0..len) is, by the strict rule
 * (near 0) or the near rule (near 1), of a Georgian word only where
 * georgian is set; r->nlits if none. */
static size_t reading_owner(const struct latin_pass *lp, const char *w, size_t len, int near,
                            int georgian)
{
    int cp = 0;

    if (utf8_next(&cp, w, len) <= 0)
        return lp->r->nlits;
    cp = utf8proc_tolower(cp);
    for (size_t k = 0; k < lp->n; k++) {
        if (georgian && (lp->first[k] < 0x10D0 || lp->first[k] > 0x10FF))
            continue;
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

/* The endings of a name compounded with الله "God" in one word (Latin
 * and Cyrillic, lower case): the Arabic -ullah, -allah, the Persian
 * -ollah, the Turkish -ullah, the Tajik and Uzbek -ulloh, -ullo, -уллоҳ
 * (o for the long a, the h dropped), the Russian -улла, -уллах; longest
 * first
 * (Schimmel, Islamic Names, 1989, ch. 2: Ni'matullah, Nematollah,
 * Nimetullah, Ne'matulloh, Нематулло; brief s49 arab49, report-adv48
 * L-3..L-6). */
static const char *const god_endings[] = {
    "ullah", "allah", "ollah", "ulloh", "ullo", "ulla", "olla",
    "\xd1\x83\xd0\xbb\xd0\xbb\xd0\xbe\xd2\xb3",             /* -уллоҳ (Tajik) */
    "\xd1\x83\xd0\xbb\xd0\xbb\xd0\xbe\xd1\x85",             /* -уллох */
    "\xd1\x83\xd0\xbb\xd0\xbb\xd0\xb0\xd1\x85",             /* -уллах */
    "\xd0\xbe\xd0\xbb\xd0\xbb\xd0\xb0\xd1\x85",             /* -оллах */
    "\xd1\x83\xd0\xbb\xd0\xbb\xd0\xbe", "\xd1\x83\xd0\xbb\xd0\xbb\xd0\xb0", /* -улло -улла */
    "\xd0\xbe\xd0\xbb\xd0\xbb\xd0\xb0",                       /* -олла */
};

/* 1 if the literal i is followed in its term by a registered الله and
 * is not عبد (whose compounds are abd_compounds' short forms, replaced
 * as such: Abdullah is no flag of "Abd"). */
static int before_god(const struct redactor *r, size_t i)
{
    static const char god[] = "\xd8\xa7\xd9\x84\xd9\x84\xd9\x87";   /* الله */
    static const char abd[] = "\xd8\xb9\xd8\xa8\xd8\xaf";                 /* عبد */

    if (r->lits[i].keylen == sizeof abd - 1 && memcmp(r->arena + r->keyoff[i], abd, sizeof abd - 1) == 0)
        return 0;
    return i + 1 < r->nlits && r->lits[i + 1].term == r->lits[i].term && !r->lits[i + 1].generated &&
           r->lits[i + 1].keylen == sizeof god - 1 &&
           memcmp(r->arena + r->keyoff[i + 1], god, sizeof god - 1) == 0;
}

/* The literal whose reading the word w[0..len) is (reading_owner), or,
 * of a word that is none, the literal whose reading it is less a final
 * -i where that literal is a Georgian name in a consonant (the Georgian
 * nominative: ლევანი, Levani of ლევან; Hewitt, Georgian: a structural
 * reference grammar, 1995; report-adv48, its line 25), or less one of
 * god_endings where that literal is registered before الله (Nimetullah,
 * Нематулло of نعمت الله); r->nlits if none. */
static size_t latin_owner(const struct latin_pass *lp, const char *w, size_t len, int near)
{
    const struct redactor *r = lp->r;
    size_t own = reading_owner(lp, w, len, near, 0);

    if (own < r->nlits)
        return own;
    if (len >= 5 && w[len - 1] == 'i' && strchr("aeiouy", w[len - 2]) == NULL &&
        (own = reading_owner(lp, w, len - 1, near, 1)) < r->nlits)
        return own;
    for (size_t e = 0; e < sizeof god_endings / sizeof god_endings[0]; e++) {
        size_t el = strlen(god_endings[e]);
        if (len <= el || memcmp(w + len - el, god_endings[e], el) != 0 || text_chars(w, len - el) < 3)
            continue;
        own = reading_owner(lp, w, len - el, near, 0);
        return own < r->nlits && before_god(r, own) ? own : r->nlits;
    }
    return r->nlits;
}

/* The letters other alphabets write for a sound of an Arabic or Persian
 * name, and the letters the readings (script_read_word) compare: the
 * Tajik alphabet's о for the long a (Tajik Cyrillic, 1998, and its Latin
 * in Uzbek and Tajik usage: Abdulloh, Rahmon, Sharof, Зуҳро; brief s48
 * arab48, report-adv47 L-6; s49 arab49, report-adv48 line 13), the Turkish alphabet's c for ج (Turkish alphabet,
 * 1928: c is [dʒ]; Neccar, Mecid: report-adv48 L-1), the French dj for
 * ج (the French transcription of Maghreb names, as in ALA-LC's notes
 * on French usage: Djamil, Madjid, Djalal: report-adv48 L-7).  The
 * Turkish c is read so only inside a word: a first C before a, o, u is
 * k in most languages that write Latin (Camil, Carim), and c before e,
 * i is read with j already (Cemil: script_reading.c's classes).  The
 * Tajik о in Cyrillic only in a word with a letter only Tajik writes
 * (Зуҳро; not Захаром, Москва). */
#define RESPELL_INNER 1                 /* not at the word's start */
#define RESPELL_TAJIK 2                 /* in a word or text with a letter only Tajik has */
#define RESPELL_FIRST 4                 /* at the word's start only */
#define RESPELL_FINAL 8                 /* at the word's end only */
#define RESPELL_FRENCH 16               /* the respelt word less a French final -e too */
#define RESPELL_RARE 32                 /* in a word of four letters or more that is none of
                                         * the commonest words nor an English word of
                                         * hunspell-en-us (Hour, Tour, House are no Hur,
                                         * Tur, Hus; Hall no Khal) */

static const struct {
    const char *from, *to;              /* lower case */
    int when;                           /* RESPELL_ bits */
} respellings[] = {
    { "o", "a", 0 },
    { "\xd0\xbe", "\xd0\xb0", RESPELL_TAJIK },             /* Tajik Cyrillic о, а */
    { "\xd0\x9e", "\xd0\x90", RESPELL_TAJIK },             /* О, А */
    { "c", "j", RESPELL_INNER },
    { "dj", "j", RESPELL_FRENCH },
    /* brief s50 arab50, report-adv49 L-7..L-11: the Persian -eh for a
     * final ه (Khadijeh, Fatemeh, Tahereh: the Persian romanisation of
     * ALA-LC writes ه after a vowel e as h); the Turkish h for خ at a
     * word's start (the Turkish alphabet has no kh: Hatice, Halit, Hayri
     * for خديجة, خالد, خيري, as the Turkish Language Association's
     * spelling guide, Yazım Kılavuzu, writes the names); the Turkish ç
     * and ş for چ and ش (Çelebi, Şerif); the French ou for the long u and
     * ph for ف (Noureddine, Mustapha, Habiboullah, Rassouli: the French
     * transcription of Maghreb names), with a final -e after a consonant
     * (Noure, Karime) read less it in a word so respelt */
    { "eh", "e", RESPELL_FINAL },
    { "h", "kh", RESPELL_FIRST | RESPELL_RARE },
    { "\xc3\xa7", "ch", 0 },                              /* Turkish ç */
    { "\xc3\x87", "Ch", 0 },                              /* Ç */
    { "\xc5\x9f", "sh", 0 },                              /* Turkish ş */
    { "\xc5\x9e", "Sh", 0 },                              /* Ş */
    { "ou", "u", RESPELL_FRENCH | RESPELL_RARE },
    /* the Tajik final -о of a name in a Russian text too, which keeps the
     * Tajik spelling of a Tajik's name (Мустафо, Зуҳро written Зухро:
     * report-adv49 L-8); the other о only in a Tajik word or text */
    { "\xd0\xbe", "\xd0\xb0", RESPELL_FINAL | RESPELL_RARE },
};

/* 1 if w[0..len) has a letter of the Tajik alphabet Russian has not
 * (ҳ ӣ ӯ ҷ, capital or small): a Cyrillic о is read as a only there,
 * Russian о being too common (brief s48 arab48's limit). */
static int tajik_word(const char *w, size_t len)
{
    static const char *const letters[] = { "\xd2\xb3", "\xd2\xb2", "\xd3\xa3", "\xd3\xa2",
                                           "\xd3\xaf", "\xd3\xae", "\xd2\xb7", "\xd2\xb6" };

    for (size_t i = 0; i + 1 < len; i++)
        for (size_t k = 0; k < sizeof letters / sizeof letters[0]; k++)
            if (w[i] == letters[k][0] && w[i + 1] == letters[k][1])
                return 1;
    return 0;
}

/* w[0..len) with each from of respellings[e] written as its to (a
 * Latin capital kept), into alt (LATIN_SHORT_MAX bytes); its length, 0 if
 * there was none or it does not fit. */
static size_t respell(char *alt, const char *w, size_t len, size_t e)
{
    const char *from = respellings[e].from, *to = respellings[e].to;
    size_t fl = strlen(from), tl = strlen(to), n = 0;
    int any = 0;

    for (size_t i = 0; i < len;) {
        int hit = i + fl <= len && !((respellings[e].when & RESPELL_INNER) && i == 0) &&
                  !((respellings[e].when & RESPELL_FIRST) && i > 0) &&
                  !((respellings[e].when & RESPELL_FINAL) && i + fl != len);
        for (size_t k = 0; hit && k < fl; k++)
            hit = ((unsigned char)w[i + k] < 0x80 ? w[i + k] | 0x20 : w[i + k]) == from[k];
        if (n + tl + 1 >= LATIN_SHORT_MAX)
            return 0;
        if (hit) {
            memcpy(alt + n, to, tl);
            if (w[i] >= 'A' && w[i] <= 'Z')
                alt[n] = (char)(alt[n] - 'a' + 'A');
            n += tl, i += fl, any = 1;
        } else {
            alt[n++] = w[i++];
        }
    }
    return any ? n : 0;
}

/* latin_owner of the Latin word w[0..len) respelt by one line of
 * respellings, or with the French -e after a final n (Hassane, Amine,
 * Othmane: report-adv47 L-1; not Crime, which is no Karim: scr45.jsonl
 * line 13) on a word of four letters or more left that is none of the
 * commonest words (Same is no Sam); r->nlits if none. */
static size_t latin_respelt(const struct latin_pass *lp, const char *w, size_t len, int near)
{
    char alt[LATIN_SHORT_MAX], low[LATIN_SHORT_MAX];
    size_t own = lp->r->nlits, n;

    if (len >= sizeof alt)
        return own;
    for (size_t i = 0; i < len; i++)
        low[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] - 'A' + 'a') : w[i];
    for (size_t e = 0; e < sizeof respellings / sizeof respellings[0]; e++) {
        if (((respellings[e].when & RESPELL_TAJIK) && !lp->tajik && !tajik_word(w, len)) ||
            ((respellings[e].when & RESPELL_RARE) &&
             (len < 4 || common_word_key(low, len) || lexicon_word(LEXICON_EN, low, len) == 1)) ||
            (n = respell(alt, w, len, e)) == 0)
            continue;
        if ((own = latin_owner(lp, alt, n, near)) < lp->r->nlits)
            return own;
        if ((respellings[e].when & RESPELL_FRENCH) && n >= 4 && alt[n - 1] == 'e' &&
            strchr("aeiouy", alt[n - 2] | 0x20) == NULL && !common_word_key(low, len) &&
            (own = latin_owner(lp, alt, n - 1, near)) < lp->r->nlits)
            return own;
    }
    if (len >= 5 && low[len - 1] == 'e' && low[len - 2] == 'n' && strchr("aeiouy", low[len - 3]) != NULL &&
        !common_word_key(low, len) && !common_word_key(low, len - 1))
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
 * and of a family's name in the plural, -ам, -ям (dative), -ами, -ями
 * (instrumental), -ах, -ях (prepositional: к Джамилям, с Наджарами;
 * Timberlake, A Reference Grammar of Russian, 2004, the noun's plural
 * cases; brief s49 arab49, report-adv48 L-8; not the genitive -ов, -ев,
 * which makes surnames of names: Юсупов), longest first. */
static const char *const cyrillic_endings[] = {
    "\xd0\xb0\xd0\xbc\xd0\xb8", "\xd1\x8f\xd0\xbc\xd0\xb8",  /* -ами -ями */
    "\xd0\xb0\xd0\xbc", "\xd1\x8f\xd0\xbc",                      /* -ам -ям */
    "\xd0\xb0\xd1\x85", "\xd1\x8f\xd1\x85",                      /* -ах -ях */
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
static void latin_owners(const struct latin_pass *lp, const char *w, size_t len, size_t *strict,
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

/* Files t->norm[start..end) as literal lit's subject's replacement: the
 * pseudonym, or a [PERSON-n] for a father's or shared form, as
 * redact_read_file does for a replaced form. */
int redact_unread_replace(struct spans *sp, const struct redactor *r, size_t lit, size_t start,
                          size_t end)
{
    const struct lit *l = &r->lits[lit];
    const struct term *tm = &r->terms[l->term];
    struct span s = { start, end, 0, RULE_VARIANT, tm->subject, l->term, 0, 0, 0 };

    s.cat = l->father || l->shared ? TERM_PERSON : tm->cat == NAME_CAT ? CAT_PSEUDONYM : tm->cat;
    return redact_span_add(sp, &s);
}

/* Files t->norm[start..end) as a review flag (FLAG_TRANSCRIPTION) of
 * literal lit's subject into flags (nothing when flags is NULL), as
 * redact_read_file does for a form that is not replaced. */
int redact_unread_flag(struct spans *flags, const struct redactor *r, size_t lit, size_t start,
                       size_t end)
{
    const struct lit *l = &r->lits[lit];
    struct span s = { start, end, FLAG_TRANSCRIPTION, RULE_VARIANT, r->terms[l->term].subject,
                      l->term, 0, 1, 0 };

    return flags == NULL ? 0 : redact_span_add(flags, &s);
}

/* ---- A Latin or Cyrillic word of a name registered only in Arabic,
 * Persian or Georgian script (brief s45 scr45, report-adv44 P-1, P-10) ----
 * The variant rules make no Latin form of such a name (عمر حداد,
 * გიორგი ბერიძე), so "Omar Haddad" and "Giorgi Beridze" in a testimony
 * were kept.  The name's own words are read into Latin (script_read_word:
 * Georgian by the national romanisation of 2002, Arabic and Persian by
 * their consonants and written long vowels) and a capitalised Latin or
 * Cyrillic word of the text is compared with the readings, as
 * pseudonym_is_name_part compares a pseudonym's words: by the strict rule
 * (script_reading_is: Giorgi, Beridze, Haddad, Karim, Nasser) it is
 * replaced; by the near rule only (script_reading_near: a short vowel or
 * ع left out of two consonants, Omar of عمر, Reza of رضا, which Amir and
 * Rosa read as too) it is a review flag, or replaced beside a word of the
 * same subject replaced by the strict rule.  One reading per name word
 * of the redactor, at most LATIN_READS. */
struct latin_word {
    size_t start, end, strict, near;    /* lits; r->nlits if none */
};

/* 1 if cp is an apostrophe or the half rings and ʻ written for ع and ء
 * in a Latin spelling of an Arabic or Persian name (Ja'far, Jaʿfari,
 * Maʾmun: report-adv46 L-24). */
static int name_apostrophe(int cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BF || cp == 0x02BE || cp == 0x02BB || cp == 0x60;
}

static long lit_subject(const struct redactor *r, size_t lit)
{
    return lit < r->nlits ? r->terms[r->lits[lit].term].subject : -1;
}

/* 1 if the literal lit (r->nlits: none) is a word of Georgian letters. */
static int georgian_lit(const struct redactor *r, size_t lit)
{
    int cp = 0;

    return lit < r->nlits && utf8_next(&cp, r->arena + r->keyoff[lit], r->lits[lit].keylen) > 0 &&
           cp >= 0x10D0 && cp <= 0x10FF;
}

/* 1 if the literal lit is the word after a registered عبد "servant of"
 * in its name (a name of God: الرحمن of عبد الرحمن). */
static int god_after_abd(const struct redactor *r, size_t lit)
{
    static const char abd[] = "\xd8\xb9\xd8\xa8\xd8\xaf";   /* عبد */

    return lit < r->nlits && lit > 0 && r->lits[lit - 1].term == r->lits[lit].term &&
           !r->lits[lit - 1].generated && r->lits[lit - 1].keylen == sizeof abd - 1 &&
           memcmp(r->arena + r->keyoff[lit - 1], abd, sizeof abd - 1) == 0;
}

/* 1 if the word before norm byte a of t, over one space, is a Spanish
 * definite article (El, La, Los, Las, any case). */
static int spanish_article_before(const struct normtext *t, size_t a)
{
    static const char *const articles[] = { "el", "la", "los", "las" };
    size_t pa, pb;

    if (!redact_word_before(&pa, &pb, t, a))
        return 0;
    for (size_t k = 0; k < sizeof articles / sizeof articles[0]; k++)
        if (pb - pa == strlen(articles[k]) && strncasecmp(t->norm + pa, articles[k], pb - pa) == 0)
            return 1;
    return 0;
}

/* Files the word w: replaced if strict, or near beside a strict word of
 * its subject (before or after, only spaces between); else flagged. */
static int latin_file(struct latin_pass *lp, const struct normtext *t, const struct latin_word *w,
                      const struct latin_word *before, const struct latin_word *after)
{
    const struct redactor *r = lp->r;
    long subj = lit_subject(r, w->near);
    int beside = 0;

    /* A word of a public figure's whole name (Gamal Abdel Nasser): the
     * figure, kept (redact_sense_other.c; brief s47 pub47, report-adv46
     * O-18). */
    if (redact_sense_public_figure(t, w->start, w->end))
        return 0;
    /* A reading of a Georgian name after a Spanish article (El Niño, La
     * Niña, the climate patterns as NOAA names them; brief s50 arab50,
     * report-adv48 O-6): a Spanish noun, kept; no Georgian name takes
     * one.  The Arabic article a French text writes El (El Haddad) is
     * left to the name. */
    if (georgian_lit(r, w->strict < r->nlits ? w->strict : w->near) && spanish_article_before(t, w->start))
        return 0;
    /* A month's name (Kasım ayında), a name of God the subject's name
     * holds after عبد met without it (Bismillah ar-Rahman), a prophet's
     * epithet after his name (Ibrahim Khalilullah): kept
     * (redact_sense_epithet.c; brief s51 arab51, report-adv50 O-3..O-5). */
    if ((w->strict < r->nlits || w->near < r->nlits) &&
        (redact_sense_month(t, w->start, w->end) || redact_sense_epithet(t, w->start, w->end) ||
         (god_after_abd(r, w->strict < r->nlits ? w->strict : w->near) && redact_sense_god_name(t, w->start))))
        return 0;
    /* Another bearer (Hassan II, St. Giorgi) or a thing named after a
     * person (Rustaveli Avenue): a review flag at most, as the verdict
     * makes it (redact_sense.c, redact_sense_other.c; brief s47 pub47,
     * report-adv46 O-19, O-21). */
    if ((w->strict < r->nlits || w->near < r->nlits) &&
        (redact_sense_other_bearer(t, w->start, w->end) || redact_sense_other_named(t, w->start, w->end)))
        return redact_unread_flag(lp->flags, r, w->strict < r->nlits ? w->strict : w->near, w->start, w->end);
    if (w->strict < r->nlits)
        return redact_unread_replace(lp->sp, r, w->strict, w->start, w->end);
    if (w->near == r->nlits)
        return 0;
    for (int side = 0; side < 2; side++) {
        const struct latin_word *o = side ? after : before;
        size_t a = side ? w->end : (o != NULL ? o->end : 0), b = side ? (o != NULL ? o->start : 0) : w->start;
        if (o == NULL || o->strict == r->nlits || lit_subject(r, o->strict) != subj || a > b)
            continue;
        while (a < b && t->norm[a] == ' ')
            a++;
        beside |= a == b;
    }
    return beside ? redact_unread_replace(lp->sp, r, w->near, w->start, w->end)
                  : redact_unread_flag(lp->flags, r, w->near, w->start, w->end);
}

/* 1 if the sentence of norm byte p of t is written in lower case as chat
 * writes it: its first letter (after the text's start or . ! ? or a line
 * break) is no capital.  A text that capitalises its sentences capitalises
 * a name: a lower-case word there is a word ("He was a najjar",
 * adv50-open line 101). */
static int chat_sentence(const struct normtext *t, size_t p)
{
    size_t q = p;

    while (q > 0 && strchr(".!?\n", t->norm[q - 1]) == NULL)
        q--;
    while (q < p && ((unsigned char)t->norm[q] < 0x80 && !(t->norm[q] >= 'a' && t->norm[q] <= 'z') &&
                     !(t->norm[q] >= 'A' && t->norm[q] <= 'Z')))
        q++;
    return !redact_upper_at(t, q);
}

/* 1 if the Latin lower-case word w[0..len) may be a name chat writes in
 * lower case (abdou, zeyneb: brief s51 arab51, report-adv50 L-10, L-11):
 * four letters or more of a-z, none of the commonest words nor an
 * English word of hunspell-en-us, in a sentence written in lower case
 * (chat_sentence, at norm byte p of t). */
static int lower_name(const struct normtext *t, size_t p, const char *w, size_t len)
{
    if (len < 4 || len >= LATIN_SHORT_MAX || !chat_sentence(t, p))
        return 0;
    for (size_t i = 0; i < len; i++)
        if (w[i] < 'a' || w[i] > 'z')
            return 0;
    return !common_word_key(w, len) && lexicon_word(LEXICON_EN, w, len) == 0;
}

/* 1 if cp is a Latin or Cyrillic letter (the words compared here). */
static int latin_cyrillic(int cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7) || is_cyrillic_cp(cp);
}

int redact_latin_names(struct spans *sp, struct spans *flags, const struct redactor *r,
                       const struct normtext *t)
{
    static const struct latin_pass zero;
    struct latin_pass lp = zero;

    lp.sp = sp, lp.flags = flags, lp.r = r;
    lp.tajik = tajik_word(t->norm, t->normlen);
    struct latin_word w[3];
    size_t p = 0, start = 0, nw = 0;
    int cp, k, in = 0, rc = 0;

    latin_shorts(&lp);
    if (latin_reads_of(&lp) == 0 && lp.nsf == 0)
        return 0;
    for (;;) {
        k = p < t->normlen ? utf8_next(&cp, t->norm + p, t->normlen - p) : 0;
        int letter = k > 0 && latin_cyrillic(cp);
        if (k > 0 && in && name_apostrophe(cp) && !letter) {
            /* an apostrophe between two Latin letters is in the word
             * (Ja'fari), but the possessive 's (Mousavi's) */
            int c1 = 0, c2 = 0, k1, k2 = 0;
            size_t q = p + (size_t)k;
            k1 = q < t->normlen ? utf8_next(&c1, t->norm + q, t->normlen - q) : 0;
            if (k1 > 0 && q + (size_t)k1 < t->normlen)
                k2 = utf8_next(&c2, t->norm + q + k1, t->normlen - q - (size_t)k1);
            letter = k1 > 0 && latin_cyrillic(c1) && !is_cyrillic_cp(c1) &&
                     !((c1 == 's' || c1 == 'S') && !(k2 > 0 && latin_cyrillic(c2)));
        }
        if (letter && !in)
            start = p, in = 1;
        else if (!letter && in) {
            char lat[SCRIPT_LATIN_MAX], bare[SCRIPT_LATIN_MAX];
            size_t bl = 0, q;
            int bk = 0, bc;
            in = 0;
            /* the word without its apostrophes (none if it does not fit) */
            for (q = start; q < p && bl + 4 < sizeof bare; q += (size_t)bk) {
                if ((bk = utf8_next(&bc, t->norm + q, p - q)) <= 0)
                    break;
                if (!name_apostrophe(bc))
                    memcpy(bare + bl, t->norm + q, (size_t)bk), bl += (size_t)bk;
            }
            if (q < p)
                bl = 0;
            int upper = redact_upper_at(t, start);
            if ((upper || lower_name(t, start, bare, bl)) && text_chars(bare, bl) >= 3 &&
                script_form_latin(lat, bare, bl) > 0) {
                struct latin_word cur = { start, p, 0, 0 };
                latin_owners(&lp, bare, bl, &cur.strict, &cur.near);
                if (!upper)
                    cur.near = cur.strict;      /* in lower case, only a certain reading */
                if (cur.strict < r->nlits || cur.near < r->nlits) {
                    if (nw == 3)
                        w[0] = w[1], w[1] = w[2], nw = 2;
                    w[nw++] = cur;
                    /* the word before the new one is filed, its neighbours known */
                    if (nw >= 2 && (rc = latin_file(&lp, t, &w[nw - 2], nw == 3 ? &w[0] : NULL, &w[nw - 1])) != 0)
                        break;
                }
            }
        }
        if (k <= 0)
            break;
        p += (size_t)k;
    }
    if (rc == 0 && nw > 0)
        rc = latin_file(&lp, t, &w[nw - 1], nw >= 2 ? &w[nw - 2] : NULL, NULL);
    sodium_memzero(&lp, sizeof lp);
    return rc != 0 ? -1 : 0;
}
