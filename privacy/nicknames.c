#include "privacy/nicknames.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "privacy/common_words.h"
#include "privacy/namelist.h"
#include "privacy/normalise.h"
#include "privacy/variants_int.h"

/* build/gen/nicknames_data.c (scripts/embed.sh from data/nicknames). */
extern const unsigned char nicknames_en[], nicknames_more[], nicknames_ru[],
    nicknames_regional[];

#define RELATION ",has_nickname,"
/* Bytes of a short form kept (the longest in the lists is far shorter). */
#define FORM_MAX 48

/* The lines of the three lists, sorted by name, built once (privacy/
 * namelist.c); seq keeps the lists' order (English first, then Russian,
 * each in its file's order) among the lines of one name.  Scanning the
 * 78 KB of text for each variant of each name made building a redactor
 * quadratic: store/test_export's names took minutes (session 17). */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct namelist idx;

static void build_index(void)
{
    static const unsigned char *const lists[] = { nicknames_en, nicknames_more, nicknames_ru,
                                                  nicknames_regional };
    static const char *const rels[] = { RELATION };

    (void)namelist_build(&idx, lists, sizeof lists / sizeof lists[0], rels, 1);
}

int nicknames_each(const char *key, size_t keylen,
                   int (*fn)(void *ctx, const char *form, size_t formlen), void *ctx)
{
    size_t first, n, i;
    int rc;

    if (keylen < 2 || memchr(key, ',', keylen) != NULL)
        return 0;
    (void)pthread_once(&once, build_index);
    if (idx.v == NULL)
        return -1;
    namelist_find(&idx, key, keylen, &first, &n);
    for (i = first; i < first + n; i++)
        if (idx.v[i].formlen > 0 && (rc = fn(ctx, idx.v[i].form, idx.v[i].formlen)) != 0)
            return rc;
    return 0;
}

/* The clipped form of an English diminutive form[0..len) (lower case
 * Latin) made by a doubled consonant and -y, -ie or -ey: the stem with one
 * consonant (Sally: Sal, Tommy: Tom, Maggie: Mag, Lizzie: Liz) and, for
 * ll, ss and ff, which English doubles at a word's end, the stem as it is
 * too (Molly: Moll, Nelly: Nell, Jessie: Jess).  People are called by
 * the clipped form as by the diminutive (report-adv21 A-10: "Sal came
 * by." for a Sarah whose listed short form is Sally); the lists carry it
 * for some names only.  Stems of three letters or more.  0, or -1 when
 * out of memory. */
static int add_clipped(struct variant_list *out, const char *form, size_t len)
{
    size_t stem;

    if (len >= 3 && form[len - 1] == 'y' && form[len - 2] != 'e')
        stem = len - 1;
    else if (len >= 4 && (form[len - 1] == 'e' || form[len - 1] == 'y') &&
             (form[len - 2] == 'i' || form[len - 2] == 'e') && !(form[len - 1] == 'e' && form[len - 2] == 'e'))
        stem = len - 2;
    else
        return 0;
    if (stem < 4 || form[stem - 1] != form[stem - 2] || strchr("aeiouy", form[stem - 1]) != NULL ||
        form[stem - 1] < 'a' || form[stem - 1] > 'z')
        return 0;
    if (list_add(out, form, stem - 1, RULE_VARIANT, SUFFIX_NONE) != 0)
        return -1;
    if (strchr("lsf", form[stem - 1]) != NULL && list_add(out, form, stem, RULE_VARIANT, SUFFIX_NONE) != 0)
        return -1;
    return 0;
}

/* 1 if form[0..len) holds a Cyrillic letter beyond Russian's (Kazakh ң ғ
 * қ і ұ ә һ, Mongolian ө ү): a form the lists write as its language does
 * (Ерекең, Гүлнара), which the text's key view may fold (normalise.h). */
static int beyond_russian(const char *form, size_t len)
{
    int cp, k;

    for (size_t at = 0; at < len; at += (size_t)k)
        if ((k = utf8_next(&cp, form + at, len - at)) <= 0 || (cp > 0x451 && cp < 0x530))
            return 1;
    return 0;
}

static int add_keyed(struct variant_list *out, const char *form, size_t len);

/* The chat and pet suffixes Russian and Ukrainian put on a clipped short
 * form of one syllable in a hard consonant (Стас, Влад, Макс): -ик
 * (Стасик, Владик, Максик), the chat -ян (Стасян, Владян), -он (Стасон,
 * Максон) and -ус (Максус, Стасус), each a masculine noun in its cases
 * (uk_name_cases: Стасона, Максусу, Стасяном) with out's marks (a short
 * form's: a capital, a review flag where slavic_words.txt knows the
 * form).  Source: Wiktionary, "Приложение:Русские уменьшительные имена"
 * and the entries of the names (the suffixes -ик, -ян, -он, -ус of the
 * clipped forms); brief s49 slav49, report-adv48 L-9..L-11, L-16, L-17.
 * w holds the form, stem its length in bytes, with room for four bytes
 * more.  0, or -1 out of memory. */
static int clipped_chat_forms(struct variant_list *out, char *w, size_t stem)
{
    static const char *const suffixes[] = { "\xd0\xb8\xd0\xba",    /* ик */
                                            "\xd1\x8f\xd0\xbd",    /* ян */
                                            "\xd0\xbe\xd0\xbd",    /* он */
                                            "\xd1\x83\xd1\x81" };  /* ус */
    int rc = 0;

    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0] && rc == 0; i++) {
        memcpy(w + stem, suffixes[i], 4);
        rc = uk_name_cases(out, w, stem + 4);
    }
    return rc;
}

/* The diminutives of a listed short form that ends in a consonant, from
 * Russian and Ukrainian word-formation (brief s47 slav47, report-adv46
 * L-6, L-36): one in -сь takes -ик for its ь (Юрась: Юрасик, Юрасику;
 * Лесь: Лесик; Дмитрусь: Дмитрусик), one of four letters or more in a
 * hard consonant the soft -юша (Влад: Владюша, Владюшу; Макс: Максюша),
 * not after к, г, х, ж, ш, щ, ч, ц or й (no such form: Владикюша);
 * one of one syllable also its chat forms (clipped_chat_forms: Стасик,
 * Стасян, Стасон, Стасус).
 * Each in its cases (uk_name_cases: Russian and Ukrainian endings, no
 * possessives), with out's marks (a short form's: a capital, a review
 * flag where the dictionary knows it).  0, or -1 out of memory. */
static int consonant_short_dims(struct variant_list *out, const char *form, size_t len)
{
    static const int no_last[] = { 0x43A, 0x433, 0x445, 0x436, 0x448, 0x449, 0x447, 0x446, 0x439,
                                   0x44A };
    char w[FORM_MAX + 8];
    int cp, last = 0, prev = 0, n = 0, vowels = 0, k, rc = 0;
    size_t at, stem = len;

    if (len + 6 > sizeof w)
        return 0;
    for (at = 0; at < len; at += (size_t)k, n++) {
        if ((k = utf8_next(&cp, form + at, len - at)) <= 0 || cp < 0x430 || cp > 0x44F)
            return 0;
        prev = last, last = cp, vowels += ru_vowel(cp) ? 1 : 0;
    }
    if (n < 4 || ru_vowel(last))
        return 0;
    memcpy(w, form, len);
    if (last == 0x44C && prev == 0x441) {   /* -сь: -сик */
        stem = len - 2;
        memcpy(w + stem, "\xd0\xb8\xd0\xba", 4);   /* ик */
        rc = uk_name_cases(out, w, stem + 4);
    } else if (last != 0x44C) {
        for (size_t i = 0; i < sizeof no_last / sizeof no_last[0]; i++)
            if (last == no_last[i])
                return 0;
        memcpy(w + stem, "\xd1\x8e\xd1\x88\xd0\xb0", 6);   /* юша */
        rc = uk_name_cases(out, w, stem + 6);
        if (rc == 0 && vowels == 1)
            rc = clipped_chat_forms(out, w, stem);
    }
    sodium_memzero(w, sizeof w);
    return rc;
}

/* 1 if the Cyrillic form[0..len) ends in a consonant (not а е ё и о у ы
 * э ю я й ь). */
static int cyrillic_consonant_end(const char *form, size_t len)
{
    static const char *const open_end[] = { "а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я",
                                            "й", "ь" };

    if (len < 2)
        return 0;
    for (size_t i = 0; i < sizeof open_end / sizeof open_end[0]; i++)
        if (memcmp(form + len - 2, open_end[i], 2) == 0)
            return 0;
    return 1;
}

/* The chat and pet forms Russian makes of a listed short form in -юша,
 * -ха or -ёк (brief s48 slav48, report-adv47 L-12, L-13, L-15; Wiktionary,
 * "Приложение:Русские уменьшительные имена", whose entries give these
 * suffixes for the names): one in -юша of two letters or more before it
 * (Ксюша, Андрюша, Катюша, Ванюша, Илюша; not Нюша) takes -юсик and
 * -юха (Ксюсик, Ксюха; Катюсик, Катюха), one in -ха (Андрюха, Лёха,
 * Петруха, and those -юха forms) the chat -хон (Андрюхон, Ксюхон,
 * Лёхон), each in its cases (uk_name_cases) with out's marks; one in
 * -ёк, -ек after a consonant drops the vowel in its cases, with ь after
 * a consonant that is not a hushing one (Игорёк: Игорька, Игорьку,
 * Игорьком; Олежек: Олежка; Санёк: Санька: Russian grammar, the fleeting
 * vowel; report-adv46b guard 73); the -хон
 * forms in lower case too ("андрюхон привет", as add_form's -он forms)
 * where slavic_words.txt knows no such word.
 * 0, or -1 out of memory. */
static int chat_forms(struct variant_list *out, const char *form, size_t len)
{
    static const char yusha[] = "\xd1\x8e\xd1\x88\xd0\xb0";   /* юша */
    static const char kha[] = "\xd1\x85\xd0\xb0";                /* ха */
    char w[FORM_MAX + 8];
    size_t stem;
    int rc = 0;

    if (len + 4 > sizeof w || len < 8)
        return 0;
    memcpy(w, form, len);
    if (len >= 10 && memcmp(form + len - 6, yusha, 6) == 0) {
        stem = len - 4;   /* ксю */
        memcpy(w + stem, "\xd1\x81\xd0\xb8\xd0\xba", 6);   /* сик */
        rc = uk_name_cases(out, w, stem + 6);
        memcpy(w + stem, kha, 4);
        if (rc == 0)
            rc = uk_name_cases(out, w, stem + 4);
        if (rc == 0)
            rc = chat_forms(out, w, stem + 4);
    } else if (memcmp(form + len - 4, "\xd1\x91\xd0\xba", 4) == 0 ||
               memcmp(form + len - 4, "\xd0\xb5\xd0\xba", 4) == 0) {   /* ёк, ек */
        int prev;
        size_t at = len - 6;
        stem = len - 4;   /* игор, олеж */
        if (utf8_next(&prev, form + at, 2) != 2 || ru_vowel(prev))
            return 0;
        if (prev != 0x436 && prev != 0x448 && prev != 0x447 && prev != 0x449 && prev != 0x446)
            memcpy(w + stem, "\xd1\x8c", 2), stem += 2;   /* ь */
        memcpy(w + stem, "\xd0\xba\xd0\xbe\xd0\xbc", 6);   /* ком */
        rc = list_add(out, w, stem + 6, RULE_VARIANT, SUFFIX_NONE);
        memcpy(w + stem, "\xd0\xba\xd0\xb0", 4);   /* ка */
        if (rc == 0)
            rc = uk_name_cases(out, w, stem + 4);
    } else if (memcmp(form + len - 4, kha, 4) == 0) {
        stem = len - 2;   /* андрюх */
        memcpy(w + stem, "\xd0\xbe\xd0\xbd", 4);   /* он */
        if (!slavic_word(w, stem + 4) && !slavic_lower_word(w, stem + 4)) {
            unsigned char capital = out->capital;
            out->capital = 0;
            rc = uk_name_cases(out, w, stem + 4);
            out->capital = capital;
        }
    }
    sodium_memzero(w, sizeof w);
    return rc;
}

/* The chat forms Russian makes of a listed short form of two syllables
 * in -а or -я, four to six letters, whose stem is one syllable in a
 * consonant (Жека, Женя, Гриня, Дима, Слава): -он on the stem (Жекон, Димон), and after н the chat
 * -дос and the pet -чик (Жендос, Гринчик, Санчик), each a masculine noun
 * in its cases (uk_name_cases: Жекону, Жендосу, Гринчика) with out's
 * marks; none that slavic_words.txt knows as a word.  Source: Wiktionary,
 * "Приложение:Русские уменьшительные имена" and the names' entries (the
 * suffixes -он, -дос, -чик), as clipped_chat_forms; brief s50 form50,
 * report-adv49 L-1, L-4, L-6.  0, or -1 out of memory. */
static int stem_chat_forms(struct variant_list *out, const char *form, size_t len)
{
    static const char *const suffixes[] = { "\xd0\xbe\xd0\xbd",                 /* он */
                                            "\xd0\xb4\xd0\xbe\xd1\x81",         /* дос */
                                            "\xd1\x87\xd0\xb8\xd0\xba" };       /* чик */
    char w[FORM_MAX + 8];
    int cp[6], k, n = 0, vowels = 0, rc = 0;
    size_t at = 0, stem;

    if (len < 8 || len > 12)
        return 0;
    for (; at < len; at += (size_t)k, n++)
        if ((k = utf8_next(&cp[n], form + at, len - at)) != 2 || cp[n] < 0x430 || cp[n] > 0x451)
            return 0;
        else if (at + 2 < len)
            vowels += ru_vowel(cp[n]) ? 1 : 0;
    if ((cp[n - 1] != 0x430 && cp[n - 1] != 0x44F) || vowels != 1 || ru_vowel(cp[n - 2]) ||
        cp[n - 2] == 0x439 || cp[n - 2] == 0x44C || cp[n - 2] == 0x44A)
        return 0;
    stem = len - 2;
    memcpy(w, form, stem);
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0] && rc == 0; i++) {
        size_t m = strlen(suffixes[i]);
        if (i > 0 && cp[n - 2] != 0x43D)   /* -дос, -чик after н only */
            break;
        memcpy(w + stem, suffixes[i], m);
        if (!slavic_word(w, stem + m) && !slavic_lower_word(w, stem + m))
            rc = uk_name_cases(out, w, stem + m);
    }
    sodium_memzero(w, sizeof w);
    return rc;
}

static int add_form(void *ctx, const char *form, size_t len)
{
    struct variant_list *out = ctx;
    int cp;

    if (len < 2 || len > FORM_MAX || utf8_next(&cp, form, len) <= 0)
        return 0;
    /* A Kazakh form (Ерекең) is matched by its key (ерекен), as the
     * text's Kazakh letters are folded; it takes no Russian cases. */
    if (beyond_russian(form, len))
        return add_keyed(out, form, len);
    /* One that ends in a consonant (Кир, Влад) takes the Russian cases
     * ru_name_forms gives below, not the Mongolian table's, whose
     * surname suffixes make other words of it (Киров, a city and a
     * surname: short43.jsonl). */
    if (list_add(out, form, len, RULE_VARIANT,
                 is_cyrillic_cp(cp) && !cyrillic_consonant_end(form, len) ? SUFFIX_MN : SUFFIX_NONE) != 0)
        return -1;
    if (cp >= 'a' && cp <= 'z' && add_clipped(out, form, len) != 0)
        return -1;
    /* A Russian short form in its case forms and its familiar diminutive,
     * Cyrillic and Latin (Сашу, Sashu, Сашка: variants_ru.c). */
    if (is_cyrillic_cp(cp) && ru_name_forms(out, form, len, 1) != 0)
        return -1;
    /* A listed chat form in -он (Димон, of Дмитрий) is written in lower
     * case as often ("вчера димон приходил": report-adv46 L-8): without
     * the capital mark where no word is written so (slavic_word,
     * slavic_lower_word).  Brief s47 slav47. */
    if (is_cyrillic_cp(cp) && len >= 10 && memcmp(form + len - 4, "\xd0\xbe\xd0\xbd", 4) == 0 &&
        !slavic_word(form, len) && !slavic_lower_word(form, len)) {
        unsigned char capital = out->capital;
        int rc;
        out->capital = 0;
        rc = list_add(out, form, len, RULE_VARIANT, SUFFIX_NONE);
        out->capital = capital;
        if (rc != 0)
            return -1;
    }
    if (is_cyrillic_cp(cp) && (chat_forms(out, form, len) != 0 || stem_chat_forms(out, form, len) != 0))
        return -1;
    return is_cyrillic_cp(cp) ? consonant_short_dims(out, form, len) : 0;
}

/* Adds the key view of form[0..len) (normalise_key) as a short form
 * that takes the Mongolian, Russian and Kazakh endings (SUFFIX_MN).  0,
 * or -1 out of memory. */
static int add_keyed(struct variant_list *out, const char *form, size_t len)
{
    struct err e;
    char *key;
    size_t keylen;
    int rc;

    if (normalise_key(&key, &keylen, form, len, &e) != 0)
        return -1;
    rc = list_add(out, key, keylen, RULE_VARIANT, SUFFIX_MN);
    secmem_free(key);
    return rc;
}

/* Adds a listed Ukrainian short form form[0..len) (a key view) in its
 * cases (uk_name_cases).  fn of slavic_tender_each. */
static int slavic_form(void *ctx, const char *form, size_t len)
{
    return uk_name_cases(ctx, form, len);
}

/* The diminutives of a Ukrainian short form (Талочка of Тала:
 * variants_ru.c; Юрасик of Юрась: consonant_short_dims).  fn of
 * slavic_short_each. */
static int short_diminutives(void *ctx, const char *form, size_t len)
{
    int rc = ru_short_diminutives(ctx, form, len);

    return rc == 0 ? consonant_short_dims(ctx, form, len) : rc;
}

/* The Ukrainian and Belarusian equivalents of the Russian given name
 * key[0..len) and its Ukrainian short forms with their cases
 * (variants_uk.c), then those short forms' diminutives.  0, or -1. */
static int equivalents(struct variant_list *out, const char *key, size_t len)
{
    int rc = slavic_equivalents(out, key, len);

    return rc == 0 ? slavic_short_each(key, len, short_diminutives, out) : rc;
}

/* Counts the short forms a name has (nicknames_each). */
static int count_form(void *ctx, const char *form, size_t len)
{
    (void)form, (void)len;
    ++*(size_t *)ctx;
    return 0;
}

/* 1 if out holds key[0..len). */
static int has_key(const struct variant_list *out, const char *key, size_t len)
{
    for (size_t i = 0; i < out->n; i++)
        if (out->v[i].keylen == len && memcmp(out->arena + out->v[i].off, key, len) == 0)
            return 1;
    return 0;
}

/* A Latin given name with short forms (Ivan: Vanya) whose Cyrillic
 * reading the variant rules did not give (Ivan reads as Korean 이반
 * first): its Russian spellings (variants_en.c) and the Russian forms its
 * letters transliterate (variants_ru_latin.c) that the lists know as a
 * given name, with their short forms and case forms (Ваню, Ване,
 * Ванька: report-adv17a D-8).  0, or -1 when out of memory. */
static int russian_reading(struct variant_list *out, const char *key, size_t len)
{
    struct variant_list ru;
    char form[FORM_MAX];
    size_t j, found, from = out->n;
    int rc = 0;

    memset(&ru, 0, sizeof ru);
    /* and the Russian names the letters spell in a transliteration
     * (Julia: Юлия, as Polish and German write it; brief s43 xini43) */
    if (en_russian_forms(&ru, key, len, 4) != 0 || ru_latin_readings(&ru, key, len, 96) != 0) {
        variant_list_free(&ru);
        return -1;
    }
    for (j = 0; j < ru.n && rc == 0; j++) {
        if (ru.v[j].keylen >= sizeof form)
            continue;
        memcpy(form, ru.arena + ru.v[j].off, ru.v[j].keylen);
        found = 0;
        if (has_key(out, form, ru.v[j].keylen) ||
            nicknames_each(form, ru.v[j].keylen, count_form, &found) != 0 || found == 0)
            continue;
        rc = list_add(out, form, ru.v[j].keylen, RULE_VARIANT, SUFFIX_MN);
        /* The name's own cases before its short forms': the list may
         * fill (VARIANTS_MAX). */
        if (rc == 0)
            rc = ru_name_forms(out, form, ru.v[j].keylen, 0);
        if (rc == 0)
            rc = nicknames_each(form, ru.v[j].keylen, add_form, out);
        if (rc == 0)
            rc = equivalents(out, form, ru.v[j].keylen);
    }
    /* A Latin form of such a reading that begins the name as written
     * and is a word (dari, of Дарьи, of Daria: the language Dari) would
     * count as a piece of the name (redact.c keeps those): dropped, as
     * the redactor drops a word among a Cyrillic name's forms. */
    for (j = from, found = from; j < out->n; j++) {
        const char *f = out->arena + out->v[j].off;
        if (!(f[0] >= 'a' && f[0] <= 'z' && out->v[j].keylen < len &&
              memcmp(f, key, out->v[j].keylen) == 0 && common_word_key(f, out->v[j].keylen)))
            out->v[found++] = out->v[j];
    }
    out->n = found;
    sodium_memzero(form, sizeof form);
    variant_list_free(&ru);
    return rc;
}

/* A Ukrainian or Belarusian given name registered (Олександр, Сергій):
 * the Russian name it stands for, with that name's case forms, short
 * forms and other equivalents (Александр, Саша, Сашко, Аляксандр), so
 * that a Russian sentence about the person is covered as a Ukrainian one
 * is.  fn of slavic_russian_each. */
static int ukrainian_reading(void *ctx, const char *name, size_t len)
{
    struct variant_list *out = ctx;

    if (list_add(out, name, len, RULE_VARIANT, SUFFIX_NONE) != 0 ||
        ru_name_forms(out, name, len, 0) != 0 || nicknames_each(name, len, add_form, out) != 0)
        return -1;
    return equivalents(out, name, len);
}

/* 1 if key[0..len) (a key view) is Cyrillic, ends in a consonant + я
 * and has three to seven letters: the shape of a short form in -я
 * (Оля, Галя, Олеся; ru_name_forms' familiar rules). */
static int soft_short_shape(const char *key, size_t len)
{
    /* а е и о у ы э ю я ё ь й: no consonant before the я */
    static const int no[] = { 0x430, 0x435, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F, 0x451,
                              0x44C, 0x439 };
    int cp[8], n = 0, k;

    for (size_t at = 0; at < len; at += (size_t)k, n++)
        if (n == 8 || (k = utf8_next(&cp[n], key + at, len - at)) <= 0 || !is_cyrillic_cp(cp[n]))
            return 0;
    if (n < 3 || n > 7 || cp[n - 1] != 0x44F)
        return 0;
    for (size_t v = 0; v < sizeof no / sizeof no[0]; v++)
        if (cp[n - 2] == no[v])
            return 0;
    return 1;
}

/* 1 if key[0..len) (a key view) is a short form the lists give some
 * name (the last field of a has_nickname line: Тата of Наталья and
 * Татьяна, Кира of Кирилл).  A scan of the lists' text: asked only for
 * a registered Cyrillic given name the lists do not know as a name. */
static int listed_short(const char *key, size_t len)
{
    static const unsigned char *const lists[] = { nicknames_en, nicknames_more, nicknames_ru,
                                                  nicknames_regional };

    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        for (const char *p = (const char *)lists[i]; (p = strstr(p, RELATION)) != NULL;) {
            p += sizeof RELATION - 1;
            if (strcspn(p, "\r\n") == len && memcmp(p, key, len) == 0)
                return 1;
        }
    return 0;
}

/* 1 if key[0..len) (a key view) is Cyrillic, ends in a consonant + а
 * and has three to seven letters: a given name's shape in -а (Тата,
 * Кира, Ната). */
static int hard_a_shape(const char *key, size_t len)
{
    static const int vowel[] = { 0x430, 0x435, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F,
                                 0x451, 0x44C, 0x44A, 0x439 };
    int cp[8], n = 0, k;

    for (size_t at = 0; at < len; at += (size_t)k, n++)
        if (n == 8 || (k = utf8_next(&cp[n], key + at, len - at)) <= 0 || !is_cyrillic_cp(cp[n]))
            return 0;
    if (n < 3 || n > 7 || cp[n - 1] != 0x430)
        return 0;
    for (size_t v = 0; v < sizeof vowel / sizeof vowel[0]; v++)
        if (cp[n - 2] == vowel[v])
            return 0;
    return 1;
}

/* 1 if out->v[i] begins with a Cyrillic letter. */
static int cyrillic_at(const struct variant_list *out, size_t i)
{
    int cp;

    return i < out->n && utf8_next(&cp, out->arena + out->v[i].off, out->v[i].keylen) > 0 &&
           is_cyrillic_cp(cp);
}

/* The Kazakh pet and respectful forms (brief s45 steppe45, issue 12,
 * report-adv44 L-18, L-35, L-54, L-74, L-92..L-94, L-111, L-122..L-124):
 * productive formations on the name's first syllable, so they are made
 * by rule from the registered given name, not listed.  From Kazakh
 * grammar as the report and the brief describe it (a native reviewer
 * should check them): B1, the first syllable closed by its consonant (Ер
 * of Ерлан, Ар of Арман, Гүл of Гүлнара), and B2, B1 with the next
 * consonant (Ерж, Ерл, Арм, Гүлн), take
 *   -еке, -екең (respectful: Ереке, Арекең, Гүлекең, Ержеке, Ерлекең),
 *   -ке, -кең, -кеш (Ерке, Еркең, Еркеш) (not -аға, -ағаң: below),
 *   -аш (B2: Армаш, with the Russian cases and -ка: Армаша, Армашка),
 *   -ім / -ым by vowel harmony (B1: Гүлім);
 *   -аң / -ең by vowel harmony (B1, respectful: Мұхаң, Бекең), and the
 *   first open syllable with -ке, -кең (Беке, Мұке; brief s47 slav47);
 *   -ик, Russian-style, with its cases (B1: Нурик, Ерик);
 * the whole name takes -жан, -екең and the Russian -чик (Ерланжан,
 * Гүлнараекең, Ерланчик, Ерланчика).  Each in the key view (ң keyed н:
 * kk_endings follow), the nominative also in Latin (Erke, Yerke,
 * Arekeng).  Written with a capital, marked as the listed short forms
 * are: a form the dictionary knows is a review flag, any other replaced
 * (lower-case ерке "spoiled", арман "dream", гүлім "my flower" stay). */
struct kk_base {
    const char *s;  /* the key's bytes */
    size_t len;     /* bytes */
    int front;      /* 1: the first vowel is a front one */
};

static int kk_vowel(int cp)
{
    static const int v[] = { 0x430, 0x435, 0x451, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E,
                             0x44F, 0x4AF, 0x4E9 };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (v[i] == cp)
            return 1;
    return 0;
}

/* The Latin spelling of one key letter (Kazakh Latin as passports and
 * chat write it; ң is written ng where the form had it). */
static const char *kk_latin_letter(int cp, int first)
{
    static const struct { int cp; const char *l; } t[] = {
        { 0x430, "a" }, { 0x431, "b" }, { 0x432, "v" }, { 0x433, "g" }, { 0x434, "d" },
        { 0x435, "e" }, { 0x436, "zh" }, { 0x437, "z" }, { 0x438, "i" }, { 0x439, "y" },
        { 0x43A, "k" }, { 0x43B, "l" }, { 0x43C, "m" }, { 0x43D, "n" }, { 0x43E, "o" },
        { 0x43F, "p" }, { 0x440, "r" }, { 0x441, "s" }, { 0x442, "t" }, { 0x443, "u" },
        { 0x444, "f" }, { 0x445, "kh" }, { 0x446, "ts" }, { 0x447, "ch" }, { 0x448, "sh" },
        { 0x44B, "y" }, { 0x44D, "e" }, { 0x44E, "yu" }, { 0x44F, "ya" }, { 0x4AF, "u" },
        { 0x4E9, "o" },
    };
    if (first && cp == 0x435)
        return "ye";
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (t[i].cp == cp)
            return t[i].l;
    return NULL;
}

/* Adds the Latin spellings of the key form[0..len) (ye- and e- for an
 * initial е, zh and j for ж), with -ng for a final ң where ng is 1. */
static int kk_latin(struct variant_list *out, const char *form, size_t len, int ng)
{
    for (int style = 0; style < 2; style++) {
        char buf[FORM_MAX * 2];
        size_t at = 0;
        int cp, k, first = 1;
        for (size_t p = 0; p < len; p += (size_t)k, first = 0) {
            const char *l;
            if ((k = utf8_next(&cp, form + p, len - p)) <= 0 ||
                (l = kk_latin_letter(cp, first && style == 0)) == NULL)
                return 0;
            if (style == 1 && cp == 0x436)
                l = "j";
            if (at + strlen(l) + 2 >= sizeof buf)
                return 0;
            memcpy(buf + at, l, strlen(l)), at += strlen(l);
        }
        if (ng)
            buf[at++] = 'g';
        if (list_add(out, buf, at, RULE_VARIANT, SUFFIX_NONE) != 0)
            return -1;
    }
    return 0;
}

/* Adds base + suffix (key bytes) with the Kazakh, Mongolian and Russian
 * endings (SUFFIX_MN), and its Latin spellings; ng: the suffix ends in
 * the key of ң. */
static int kk_add(struct variant_list *out, const struct kk_base *b, const char *suffix, int ng)
{
    char form[FORM_MAX];
    size_t sl = strlen(suffix);
    if (b->len + sl > sizeof form)
        return 0;
    memcpy(form, b->s, b->len);
    memcpy(form + b->len, suffix, sl);
    if (list_add(out, form, b->len + sl, RULE_VARIANT, SUFFIX_MN) != 0 ||
        kk_latin(out, form, b->len + sl, 0) != 0 || (ng && kk_latin(out, form, b->len + sl, 1) != 0))
        return -1;
    sodium_memzero(form, sizeof form);
    return 0;
}

/* Adds base + suffix, a Russian-style pet form (Армаш, Армашка,
 * Ерланчик), with the Russian cases of its declension (Армаша, Армашу,
 * Армашом, Армаше; Армашки, Армашку, Армашкой; Ерланчика), in Cyrillic,
 * and its nominative in Latin.  Written out here rather than through
 * ru_name_forms, whose Latin spellings of every case filled the room
 * the Hangul forms come last in (ko21.jsonl line 9). */
static int kk_add_russian(struct variant_list *out, const struct kk_base *b, const char *suffix)
{
    static const char *const hard[] = { "", "а", "у", "е", "ом", "ем" };
    static const char *const in_a[] = { "а", "и", "е", "у", "ой" };
    char form[FORM_MAX];
    size_t sl = strlen(suffix), stem = b->len + sl;
    int rc = 0, a_end = sl >= 2 && memcmp(suffix + sl - 2, "а", 2) == 0;
    const char *const *end = a_end ? in_a : hard;
    size_t nend = a_end ? sizeof in_a / sizeof in_a[0] : sizeof hard / sizeof hard[0];

    if (stem + 4 > sizeof form)
        return 0;
    memcpy(form, b->s, b->len);
    memcpy(form + b->len, suffix, sl);
    rc = kk_latin(out, form, stem, 0);
    if (a_end)
        stem -= 2;
    for (size_t i = 0; i < nend && rc == 0; i++) {
        size_t el = strlen(end[i]);
        memcpy(form + stem, end[i], el);
        /* The nominative takes the Kazakh endings too (Армашқа). */
        rc = list_add(out, form, stem + el, RULE_VARIANT, i == 0 ? SUFFIX_MN : SUFFIX_NONE);
    }
    sodium_memzero(form, sizeof form);
    return rc;
}

/* 1 if the key word w[0..len) ends as a surname or patronymic does
 * (-ов, -ев, -ова, -ева, -ин, -ина, -улы, -кызы, -ович, -овна...): no
 * given name to make pet forms of. */
static int kk_surname_shape(const char *w, size_t len)
{
    static const char *const ends[] = { "ов", "ев", "ёв", "ова", "ева", "ёва", "ин", "ина",
                                        "улы", "кызы", "ич", "вна", "чна", "ко", "ук", "юк" };
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t k = strlen(ends[i]);
        if (k < len && memcmp(w + len - k, ends[i], k) == 0)
            return 1;
    }
    return 0;
}

/* 1 if the English, Russian or other lists (not regional.txt, which
 * holds the Kazakh names) know key[0..len) as a name: a Russian or
 * English given name, whose own short forms those lists give (Наталья:
 * Наташа), not the Kazakh formations. */
static int listed_elsewhere(const char *key, size_t len)
{
    size_t first, n, rl;
    const char *r = (const char *)nicknames_regional;

    (void)pthread_once(&once, build_index);
    if (idx.v == NULL)
        return 0;
    rl = strlen(r);
    namelist_find(&idx, key, len, &first, &n);
    for (size_t i = first; i < first + n; i++)
        if (idx.v[i].name < r || idx.v[i].name >= r + rl)
            return 1;
    return 0;
}

/* The Kazakh forms of one Cyrillic given name w[0..len) (key view); with
 * word 0 (the words of a name joined, where a word of it is read alone
 * too) not session 47's -аң, -ке and -ик forms, which on a joined key
 * whose given name is Russian make another name (Алан of Алексей Ли). */
static int kk_word_forms(struct variant_list *out, const char *w, size_t len, int word)
{
    size_t pos[FORM_MAX + 1];
    int cp[FORM_MAX], n = 0, k, v0 = -1, rc = 0;
    struct kk_base b1, b2, whole = { w, len, 0 };

    for (size_t at = 0; at < len; at += (size_t)k, n++) {
        if (n >= FORM_MAX - 1 || (k = utf8_next(&cp[n], w + at, len - at)) <= 0 ||
            !is_cyrillic_cp(cp[n]))
            return 0;
        pos[n] = at;
    }
    pos[n] = len;
    /* A word with э or a doubled vowel is Mongolian, not Kazakh (the
     * Kazakh alphabet keeps э for Russian loans and never doubles a
     * vowel): its short forms are mn_short_forms', and these read Hangul
     * words through the key view (Орогмаа: Орке, 열 개; Готэм: Готым,
     * 컸슴; test_eval). */
    for (int i = 0; i < n; i++)
        if (cp[i] == 0x44D || (i > 0 && cp[i] == cp[i - 1] && kk_vowel(cp[i])))
            return 0;
    for (int i = 0; i < n && v0 < 0; i++)
        if (kk_vowel(cp[i]))
            v0 = i;
    /* A first vowel first or second, then a consonant, and more after. */
    /* A first vowel ё, ю, я or э is no Kazakh name's (the Kazakh
     * alphabet writes those in Russian loans only): it is a Korean name in
     * Russian letters (Кёсун) whose forms read Hangul words (컸슴 keyed
     * кёсым, 열 개: test_eval). */
    if (n < 4 || v0 < 0 || v0 > 1 || kk_vowel(cp[v0 + 1]) || v0 + 2 >= n || cp[v0] == 0x451 ||
        cp[v0] == 0x44E || cp[v0] == 0x44F || cp[v0] == 0x44D || kk_surname_shape(w, len) ||
        listed_elsewhere(w, len))
        return 0;
    b1.s = w, b1.len = pos[v0 + 2];
    b1.front = cp[v0] == 0x435 || cp[v0] == 0x438 || cp[v0] == 0x44D || cp[v0] == 0x4AF ||
               cp[v0] == 0x4E9;
    whole.front = b1.front;
    b2 = b1;
    if (!kk_vowel(cp[v0 + 2]) && v0 + 3 < n)
        b2.len = pos[v0 + 3];
    else
        b2.len = 0;
    /* Not -аға, -ағаң (Ерағa, "elder brother"): their Hangul spellings end
     * in a Korean particle (Батаға: 바타가, which took the 가 of "바타가
     * 왔다" with the name: names20.jsonl lines 13 and 14), and no reported
     * form needs them (session 45, lead). */
    static const char *const b1_suffix[] = { "еке", "ке", "кеш" };
    static const char *const b1_ng[] = { "екен", "кен" };
    for (size_t i = 0; rc == 0 && i < sizeof b1_suffix / sizeof b1_suffix[0]; i++)
        rc = kk_add(out, &b1, b1_suffix[i], 0);
    for (size_t i = 0; rc == 0 && i < sizeof b1_ng / sizeof b1_ng[0]; i++)
        rc = kk_add(out, &b1, b1_ng[i], 1);
    if (rc == 0)
        rc = kk_add(out, &b1, b1.front ? "им" : "ым", 0);
    if (rc == 0 && b2.len > 0)
        rc = kk_add(out, &b2, "еке", 0);
    if (rc == 0 && b2.len > 0)
        rc = kk_add(out, &b2, "екен", 1);
    if (rc == 0 && b2.len > 0)
        rc = kk_add_russian(out, &b2, "аш");
    if (rc == 0 && b2.len > 0)
        rc = kk_add_russian(out, &b2, "ашка");
    /* The respectful -аң / -ең by vowel harmony on B1 (Мұхаң, Бекең), the
     * first open syllable with -ке, -кең where a consonant begins the name
     * (Беке, Мұке, Бекең), and the Russian -ик on B1 (Нурик, Ерик; with
     * its cases): brief s47 slav47, report-adv46 L-10, L-27, L-34, L-35. */
    if (rc == 0 && word)
        rc = kk_add(out, &b1, b1.front ? "ен" : "ан", 1);
    /* A loan's х closing B1 is қ (к by a front vowel) in the respectful
     * form, as Kazakh says it (Мұқаң of Мұхтар, keyed мукан: Kazakh
     * phonology, х is a loans' letter; brief s49 slav49, report-adv48
     * L-18). */
    if (rc == 0 && word && cp[v0 + 1] == 0x445 && b1.len + 1 <= FORM_MAX) {
        char f[FORM_MAX];
        struct kk_base bq = b1;
        memcpy(f, b1.s, pos[v0 + 1]);
        memcpy(f + pos[v0 + 1], "\xd0\xba", 2);   /* к: the key view of қ too */
        bq.s = f, bq.len = pos[v0 + 1] + 2;
        rc = kk_add(out, &bq, b1.front ? "ен" : "ан", 1);
        sodium_memzero(f, sizeof f);
    }
    if (rc == 0 && word && v0 == 1) {
        struct kk_base b0 = b1;
        b0.len = pos[v0 + 1];
        rc = kk_add(out, &b0, "ке", 0);
        if (rc == 0)
            rc = kk_add(out, &b0, "кен", 1);
        /* The syllable's back vowel fronted as the front -ке makes it
         * (Бөке, Бөкең of Болат; Бәке of Бақыт: keyed бэке): brief s48
         * slav48, report-adv47 L-16. */
        if (rc == 0 && (cp[v0] == 0x43E || cp[v0] == 0x430) && b0.len + 2 <= FORM_MAX) {
            char f[FORM_MAX];
            struct kk_base bf = b0;
            memcpy(f, b0.s, b0.len);
            memcpy(f + pos[v0], cp[v0] == 0x43E ? "\xd3\xa9" : "\xd1\x8d", 2);   /* ө, э */
            bf.s = f, bf.front = 1;
            rc = kk_add(out, &bf, "ке", 0);
            if (rc == 0)
                rc = kk_add(out, &bf, "кен", 1);
            sodium_memzero(f, sizeof f);
        }
    }
    if (rc == 0 && word)
        rc = kk_add_russian(out, &b1, "ик");
    if (rc == 0)
        rc = kk_add(out, &whole, "жан", 0);
    if (rc == 0)
        rc = kk_add(out, &whole, "екен", 1);
    if (rc == 0)
        rc = kk_add_russian(out, &whole, "чик");
    return rc;
}

/* 1 if out->v[i] is a word of the joined key name[0..len): it begins
 * (or ends) the key where the rest is a variant too (ерлан of
 * ерланжумабаев, with жумабаев), four bytes or more, no short form. */
static int is_word_of(const struct variant_list *out, size_t i, const char *name, size_t len)
{
    size_t wl = out->v[i].keylen;
    const char *w = out->arena + out->v[i].off;

    if (wl < 4 || wl >= len || out->v[i].flag)
        return 0;
    return (memcmp(name, w, wl) == 0 && has_key(out, name + wl, len - wl)) ||
           (memcmp(name + len - wl, w, wl) == 0 && has_key(out, name, len - wl));
}

/* The Kazakh forms of the name registered in Cyrillic (out->v[0], its
 * key, the words joined) and of each of its words: a variant that begins
 * (or ends) the key where the rest is a variant too (ерлан of
 * ерланжумабаев, with жумабаев). */
static int kazakh_forms(struct variant_list *out)
{
    char name[FORM_MAX * 4], w[FORM_MAX];
    size_t len, n = out->n, wl;
    int rc = 0, split = 0;

    if (n == 0 || out->v[0].keylen >= sizeof name || !cyrillic_at(out, 0) ||
        variants_korean_read(out))
        return 0;
    len = out->v[0].keylen;
    memcpy(name, out->arena + out->v[0].off, len);
    /* The joined key takes every form only where no word of it is read
     * alone (a name of one word). */
    for (size_t i = 1; i < n && !split; i++)
        split = is_word_of(out, i, name, len);
    rc = kk_word_forms(out, name, len, !split);
    for (size_t i = 1; i < n && rc == 0; i++) {
        wl = out->v[i].keylen;
        if (!is_word_of(out, i, name, len) || wl >= sizeof w)
            continue;
        memcpy(w, out->arena + out->v[i].off, wl);
        rc = kk_word_forms(out, w, wl, 1);
    }
    sodium_memzero(name, sizeof name);
    sodium_memzero(w, sizeof w);
    return rc;
}

int variants_nicknames(struct variant_list *out)
{
    unsigned char flag = out->flag, capital = out->capital, nickname = out->nickname;
    size_t n = out->n, i, found, rows;
    char key[FORM_MAX];
    int rc = 0, cp;

    out->flag = 1, out->capital = 1, out->nickname = 1;
    for (i = 0; i < n && rc == 0; i++) {
        /* Copied: list_add may move the arena. */
        if (out->v[i].keylen >= sizeof key || out->v[i].flag || out->v[i].initials ||
            out->v[i].father)
            continue;
        memcpy(key, out->arena + out->v[i].off, out->v[i].keylen);
        rc = nicknames_each(key, out->v[i].keylen, add_form, out);
        /* A registered diminutive (Molly, Kenny) is clipped too. */
        if (rc == 0 && key[0] >= 'a' && key[0] <= 'z' &&
            memmem(out->arena + out->v[0].off, out->v[0].keylen, key, out->v[i].keylen) != NULL)
            rc = add_clipped(out, key, out->v[i].keylen);
        /* A Cyrillic given name the lists know is a Russian one: its own
         * case forms in Latin too (Ivana, Ivanu, Ivanom: report-adv17a
         * D-45), marked as its short forms are. */
        if (rc == 0 && (found = 0, nicknames_each(key, out->v[i].keylen, count_form, &found)) == 0 &&
            found > 0 && utf8_next(&cp, key, out->v[i].keylen) > 0 && is_cyrillic_cp(cp))
            rc = ru_name_forms(out, key, out->v[i].keylen, 0);
        /* Its Ukrainian and Belarusian equivalents after its own forms
         * and short forms (Олександр, Аляксандр: variants_uk.c). */
        if (rc == 0 && found > 0 && cp >= 0x80 && is_cyrillic_cp(cp))
            rc = equivalents(out, key, out->v[i].keylen);
        else if (rc == 0 && found > 0 && cp < 0x80)
            rc = russian_reading(out, key, out->v[i].keylen);
        else if (rc == 0 && found == 0) {
            rc = slavic_russian_each(key, out->v[i].keylen, ukrainian_reading, out);
            /* The registered Ukrainian name's own cases, with no word's
             * mark (Надію, Надією of Надія: report-adv34 L-0). */
            if (rc == 0)
                rc = slavic_own_cases(out, key, out->v[i].keylen);
            /* A registered name of a short form's shape in -я (Олеся,
             * Галя, Оля, Тоня): declined as a short form is, with its
             * diminutives and possessives (Олесю, Олесі, Олесею, Олесин,
             * Олесько), and the listed short form it holds or that holds
             * it (Олеся: Леся, Лесю, Лесина, Лесечко; brief s39 uk39,
             * report-adv38 L-2, L-3, L-11..L-16).  Only for a name
             * registered in Cyrillic: a Cyrillic reading of a Latin one
             * (Darya: даля) is no registered name (дали, "gave", was
             * replaced as Darya Volkova's); and not for a Ukrainian full
             * name (Дар'я, keyed даря: its cases came above, those that
             * are words marked, дарю; uk37.jsonl line 16). */
            rows = 0;
            if (rc == 0 && soft_short_shape(key, out->v[i].keylen) && cyrillic_at(out, 0) &&
                (rc = slavic_russian_each(key, out->v[i].keylen, count_form, &rows)) == 0 &&
                rows == 0)
                rc = ru_name_forms(out, key, out->v[i].keylen, 1);
            if (rc == 0 && cyrillic_at(out, 0))
                rc = slavic_short_siblings(key, out->v[i].keylen, add_form, out);
            /* Its tender diminutives listed under the full name (Галя:
             * Галочка of Галина), so a subject Галя and a subject Галина
             * share them: [PERSON-n], never one's pseudonym for the
             * other's (brief s42 dim42). */
            if (rc == 0 && rows == 0 && soft_short_shape(key, out->v[i].keylen) && cyrillic_at(out, 0))
                rc = slavic_tender_each(key, out->v[i].keylen, slavic_form, out);
            /* A registered given name in -а that the lists give another
             * name as a short form (Тата Орлова; Тата of Наталья): its
             * own Russian cases (Тате, Таты, Тату, Татой), so that a
             * case form both have is both subjects' ([PERSON-n]), never
             * the short form's owner's alone (brief s44 short44,
             * short43.jsonl W-1). */
            if (rc == 0 && hard_a_shape(key, out->v[i].keylen) && cyrillic_at(out, 0) &&
                listed_short(key, out->v[i].keylen)) {
                rc = ru_name_forms(out, key, out->v[i].keylen, 0);
                /* and a short form's diminutives, as the short form of
                 * the full name has them (Слава: Славик, Славчик,
                 * славику; report-adv33 L-9, brief s51 slav51) */
                if (rc == 0)
                    rc = ru_short_diminutives(out, key, out->v[i].keylen);
            }
        }
        /* A Russian given name with no listed short form (Вера): its
         * equivalents all the same (Віра, Вірочка: brief s34 uk34). */
        if (rc == 0 && found == 0 && utf8_next(&cp, key, out->v[i].keylen) > 0 && cp >= 0x80 &&
            is_cyrillic_cp(cp))
            rc = equivalents(out, key, out->v[i].keylen);
        /* A Russian or Ukrainian given name the lists do not know (Роза,
         * Марина): its tender diminutives (brief s31 slav31). */
        if (rc == 0 && found == 0 && utf8_next(&cp, key, out->v[i].keylen) > 0 && cp >= 0x80 &&
            is_cyrillic_cp(cp))
            rc = ru_full_diminutives(out, key, out->v[i].keylen);
        /* One in a hard consonant the lists do not know (Тарас): its -ик
         * diminutive (Тарасику, Тарасиків: variants_uk.c; brief s40
         * uk40), for a name registered in Cyrillic. */
        if (rc == 0 && found == 0 && cp >= 0x80 && is_cyrillic_cp(cp) && cyrillic_at(out, 0))
            rc = uk_ik_diminutives(out, key, out->v[i].keylen);
    }
    /* After the lists' forms: the rule's fill what room is left
     * (VARIANTS_MAX). */
    if (rc == 0)
        rc = kazakh_forms(out);
    out->flag = flag, out->capital = capital, out->nickname = nickname;
    sodium_memzero(key, sizeof key);
    return rc;
}
