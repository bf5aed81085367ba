/* The Ukrainian and Belarusian forms of a registered Russian surname
 * (brief s25 slav25, issue 12, report-adv24 A-5): Кузнецов is Кузнєцов
 * (or Кузнецов) in a Ukrainian text and Кузняцоў in a Belarusian one, and
 * each is declined in its language's cases and numbers (Кузнєцових,
 * Кузнєцовими, Кузнєцовій; Кузняцовым, Кузняцовай, Кузняцовымі), written
 * in Latin in the Ukrainian national, press, scholarly and Polish
 * systems and in Belarusian Łacinka (Kuznietsovykh, Kuzniatsou,
 * Kuzniacou).  The spellings come from one rule each, from the
 * languages' spelling of a Russian surname: Ukrainian writes the
 * Russian е after a consonant as є where the consonant stays soft
 * (Кузнєцов) or keeps е, and ы as и (Рибаков); Belarusian writes the
 * unstressed е before the stress as я (Кузняцоў, Пятроў), the
 * unstressed о as а (akanye: Сакалоў of Соколов; the stress is not
 * known, so both readings, and every о but one as а, the suffix's too:
 * Марозава, Марозаў of Морозова, brief s26 names26), and the final -в of
 * -ов, -ев as ў.  The
 * endings are the adjective-like declension of -ов, -ин surnames in
 * Ukrainian and Belarusian grammar (and Russian's plural).  Called by
 * variants.c (name_words, after ru_surname_forms); calls variants_uk.c
 * (uk_surname_form: the case forms' key and Latin spellings). */
#include "privacy/variants_int.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "privacy/nicknames.h"
#include "privacy/normalise.h"
#include "privacy/varlist.h"

/* Letters of a surname kept. */
#define SUR_MAX 24

enum {
    S_A = 0x430, S_VE = 0x432, S_IE = 0x435, S_I = 0x438, S_EN = 0x43D, S_O = 0x43E,
    S_YERU = 0x44B, S_YA = 0x44F, S_YO = 0x451, S_YE = 0x454, S_UK_I = 0x456,
    S_SHORT_U = 0x45E,
};

/* The endings on the stem with its -в or -н (Кузнецов-, Путін-): the
 * Ukrainian masculine, feminine and plural (-а -у -ові -им -ім -і; -а
 * -ої -ій -у -ою; -и -их -им -ими) and the Russian plural (-ы -ых -ыми:
 * the key view reads і as и). */
static const char *const end_uk[] = {
    "", "а", "у", "ові", "им", "ім", "і", "ої", "ій", "ою", "и", "их", "ими",
    "ы", "ых", "ым", "ыми",
};
/* Belarusian: -а -у -ым -е; -а -ай -у -аю; -ы -ых -ым -ымі (the
 * nominative -оў, -еў is made apart). */
static const char *const end_by[] = { "а", "у", "ым", "е", "ай", "аю", "ую", "ы", "ых", "ымі" };

static int is_vowel(int c)
{
    return c == S_A || c == S_IE || c == S_I || c == S_O || c == 0x443 || c == S_YERU ||
           c == 0x44D || c == 0x44E || c == S_YA || c == S_YO || c == S_YE || c == S_UK_I ||
           c == 0x457;
}

/* Adds stem[0..n) with each ending of end[0..ne) (uk_surname_form). */
static int endings(struct variant_list *out, const int *stem, int n, const char *const *end,
                   size_t ne)
{
    int rc = 0;

    for (size_t i = 0; i < ne && rc == 0; i++)
        rc = uk_surname_form(out, stem, n, end[i]);
    return rc;
}

/* A feminine noun's endings in -а (the nominative, genitive, dative and
 * locative, accusative, instrumental, vocative) after the stem's -к, -х
 * and its dative's -ц, -с (Мельничці, Ткачисі; Ukrainian grammar). */
static const char *const end_fem[] = { "а", "и", "у", "ою", "о" };

/* The -івна form's endings (UTF-8): the feminine in -а with the dative
 * and locative -і, no consonant change (Ткачівні, Ковалівною). */
static const char *const end_ivna[] = { "івна", "івни", "івні", "івну", "івною", "івно" };

/* Adds stem[0..n) + mid (UTF-8, the suffix without its -а, its last
 * letter к or х: "их" for -иха, "к" for -чка) + each ending of end_fem
 * (Бондариха, Бондарихи, Бондариху, Бондарихою, Бондарихо), and dative
 * (UTF-8, the whole dative and locative ending, that letter as ц or с
 * before -і: "исі", "ці").  The caller marks the forms capital-only
 * (variants.c: ткачиха, ткачихою, королівна are words in lower case). */
static int fem_forms(struct variant_list *out, const int *stem, int n, const char *mid,
                     const char *dative)
{
    char buf[16];
    int rc = 0;

    for (size_t i = 0; i < sizeof end_fem / sizeof end_fem[0] && rc == 0; i++) {
        if (snprintf(buf, sizeof buf, "%s%s", mid, end_fem[i]) >= (int)sizeof buf)
            return 0;
        rc = uk_surname_form(out, stem, n, buf);
    }
    return rc == 0 ? uk_surname_form(out, stem, n, dative) : rc;
}

int uk_surname_women(struct variant_list *out, const char *key, size_t len)
{
    int cp[SUR_MAX + 2], n = 0, k, rc, last;

    for (size_t at = 0; at < len; at += (size_t)k) {
        if (n >= SUR_MAX || (k = utf8_next(&cp[n], key + at, len - at)) <= 0 ||
            cp[n] < S_A || cp[n] > 0x45F)
            return 0;
        n++;
    }
    if (n < 4)
        return 0;
    last = cp[n - 1];
    /* -енко: -енчиха (Коваленчиха). */
    if (last == S_O && cp[n - 2] == 0x43A && cp[n - 3] == S_EN && cp[n - 4] == S_IE) {
        cp[n - 2] = 0x447;
        rc = fem_forms(out, cp, n - 1, "их", "исі");
        sodium_memzero(cp, sizeof cp);
        return rc;
    }
    if (is_vowel(last) || last == 0x439 || last == 0x45E)
        return 0;
    /* -ь dropped: Коваль, Ковалиха. */
    if (last == 0x44C)
        n--;
    if (n < 3 || is_vowel(cp[n - 1]))
        return 0;
    /* The daughter named by the surname, -івна on the stem as the
     * patronymic of a given name is made (Ткачівна, Мельниківна,
     * Ковалівна; brief s41 uk41, report-adv40 L-17), in every case of its
     * declension (-івни, -івні, -івну, -івною, -івно: Ukrainian grammar,
     * the feminine in -а). */
    rc = 0;
    for (size_t i = 0; i < sizeof end_ivna / sizeof end_ivna[0] && rc == 0; i++)
        rc = uk_surname_form(out, cp, n, end_ivna[i]);
    if (rc != 0) {
        sodium_memzero(cp, sizeof cp);
        return rc;
    }
    /* The stem's last к is ч before the suffix (Мельник: Мельничиха). */
    if (cp[n - 1] == 0x43A)
        cp[n - 1] = 0x447;
    rc = fem_forms(out, cp, n, "их", "исі");
    /* -ук, -ик, -ник: the woman in -чка (Мельничка, Ткачучка, Шевчучка). */
    if (rc == 0 && last == 0x43A && (cp[n - 2] == 0x443 || cp[n - 2] == S_I))
        rc = fem_forms(out, cp, n, "к", "ці");
    sodium_memzero(cp, sizeof cp);
    return rc;
}


/* ---- Adjective-type surnames (brief s47 slav47; report-adv46 L-4, L-29,
 * L-30) ----
 * A surname that is an adjective in form (Ukrainian Чорний, Білий,
 * Високий; Russian Черный, Толстой, Горький, Белая) is declined as one,
 * in all six cases and the plural, in its own gender: Чорного, Чорному,
 * Чорним, Чорнім; Чорних, Чорними (Ukrainian grammar, the hard adjective
 * declension) and Черного, Черному, Черным, Черном; of Белая: Белой,
 * Белую, Белою (Russian grammar; after к, г, х, ж, ш, ч, щ the Russian
 * writes и for ы: Горьким).  The forms go in as the key view reads them
 * (і as и, ї as и) with their Latin spellings (uk_surname_form), marked
 * as short forms are: written with a capital, and a review flag where
 * the dictionary knows the form as a word (Черного, the colour's; a
 * lower-case чорного, білого is the colour: redact_hits.c's capital
 * rule, as for Түвшин).  The other gender and the nominative plural
 * come from adj_*_family below (session 50; session 47 left them out as
 * the adjective: "Білу Церкву", "Чорні хмари", which the sense rule
 * nominative_adjective now reads).  Left out on purpose: a word the nickname
 * lists know as a given name (Дмитрий, Евгений, Юрий decline as nouns:
 * Дмитрия), the soft -ій (Андрій, Сергій are given names; the soft
 * adjective surname, Крайній, is rare), a Ukrainian feminine in -а (no
 * shape tells Чорна from Анна) and a stem of fewer than three letters. */
static const char *const adj_masc[] = {
    "ий", "ый", "ой", "ого", "ому", "им", "ым", "ім", "ом", "их", "ых", "ими", "ыми",
};
static const char *const adj_fem[] = { "ая", "ой", "ую", "ою", "ых", "их", "ыми", "ими" };
/* After ж, ш, ч, щ, ц the Russian writes е for the unstressed о: Рыжего,
 * Рыжему, Рыжем; Рыжей, Рыжею (Russian grammar; brief s49 slav49,
 * report-adv48 L-12). */
static const char *const adj_masc_hush[] = { "его", "ему", "ем" };
static const char *const adj_fem_hush[] = { "ей", "ею" };
/* A Ukrainian feminine adjective surname in -а (Сива, Біла, Коротка)
 * named by its oblique cases only an adjective has: -ої, -ій (Сивої,
 * Сивій) and the Russian -ой, -ую, -ая (Сивой, Сивую, Сивая); the -у,
 * -ою a noun in -а shares come from the noun's declension (Ukrainian
 * and Russian grammar; brief s49 slav49, report-adv48 L-15). */
static const char *const adj_fem_uk[] = { "ої", "ій", "ой", "ую", "ая" };

/* The family's other forms (brief s50 slav50, report-adv49 L-2, L-5,
 * report-adv48 L-14): an adjective-type surname is the wife's, the
 * husband's and the family's in the other gender and the plural
 * (Лысый: Лысая, Лысую; Косой: Косые; Білий: Біла, Білі; Чорна:
 * Чорний, Чорного, Чорні), the nominatives and the cases the adj_*
 * tables above leave (A. A. Zaliznyak's adjective types 1a, 3a, 4a;
 * the Ukrainian academic grammar's hard group; -ие after к, г, х and
 * the hushing letters, both -ые and -ие written: the key view reads і
 * as и, so the Ukrainian plural -і is the -и here).  An ordinary
 * adjective before its noun at a sentence's start ("Лысые шины",
 * "Білі хмари") is kept with a review flag (redact_sense_other.c,
 * nominative_adjective); a lower-case one is no hit (redact_hits.c's
 * capital rule). */
static const char *const adj_masc_family[] = { "і", "ые", "ие", "ая", "а", "ую", "ої", "ій" };
static const char *const adj_fem_family[] = { "ый", "ий", "ого", "ому", "ым", "им", "ом", "ые", "ие" };
static const char *const adj_ukfem_family[] = { "ий", "ого", "ому", "им", "ім", "і", "их", "ими" };

/* 1 if c is ж, ш, ч, щ or ц. */
static int hushing(int c)
{
    return c == 0x436 || c == 0x448 || c == 0x447 || c == 0x449 || c == 0x446;
}

/* nicknames_each's fn: a short form is listed, the word is a given name. */
static int has_short(void *ctx, const char *form, size_t formlen)
{
    (void)form, (void)formlen;
    *(int *)ctx = 1;
    return 1;
}

/* Adds the adjective declension of key[0..len) (norm view, lower case)
 * when it ends in -ий, -ый, -ой, or -ая, after a consonant; 0, or -1 out
 * of memory. */
static int adj_surname_forms(struct variant_list *out, const char *key, size_t len)
{
    char kv[SUR_MAX * 2 + 1];
    int cp[SUR_MAX + 2], n = 0, k, rc = 0, given = 0, fem, ukfem;
    unsigned char flag = out->flag;
    size_t kl = 0, ne;
    const char *const *end;

    for (size_t at = 0; at < len; at += (size_t)k) {
        if (n >= SUR_MAX || (k = utf8_next(&cp[n], key + at, len - at)) <= 0 ||
            cp[n] < S_A || (cp[n] > S_YA && cp[n] != S_UK_I && cp[n] != S_YE && cp[n] != 0x457 &&
                            cp[n] != 0x491))
            return 0;
        n++;
    }
    if (n < 4)
        return 0;
    /* A Ukrainian feminine in -а after a consonant, not the -ова, -ева,
     * -ина of a possessive surname (endings() gives theirs). */
    ukfem = cp[n - 1] == S_A && !is_vowel(cp[n - 2]) && cp[n - 2] != 0x44C &&
            cp[n - 2] != 0x439 &&
            !(cp[n - 2] == S_VE && (cp[n - 3] == S_O || cp[n - 3] == S_IE || cp[n - 3] == S_YO)) &&
            !(cp[n - 2] == S_EN && (cp[n - 3] == S_I || cp[n - 3] == S_YERU || cp[n - 3] == S_UK_I));
    if (!ukfem && (n < 5 || is_vowel(cp[n - 3]) || cp[n - 3] == 0x44C || cp[n - 3] == 0x439))
        return 0;
    fem = cp[n - 1] == S_YA && cp[n - 2] == S_A;
    if (!fem && !ukfem && !(cp[n - 1] == 0x439 && (cp[n - 2] == S_I || cp[n - 2] == S_YERU || cp[n - 2] == S_O)))
        return 0;
    /* A given name declines as a noun (Дмитрий: Дмитрия). */
    for (int i = 0; i < n && kl + 4 < sizeof kv; i++) {
        int c = cp[i] == S_UK_I || cp[i] == 0x457 ? S_I : cp[i] == S_YE ? S_IE : cp[i];
        kv[kl++] = (char)(0xC0 | (c >> 6)), kv[kl++] = (char)(0x80 | (c & 0x3F));
    }
    if (nicknames_each(kv, kl, has_short, &given) < 0)
        rc = -1;
    end = ukfem ? adj_fem_uk : fem ? adj_fem : adj_masc;
    ne = ukfem ? sizeof adj_fem_uk / sizeof adj_fem_uk[0]
         : fem ? sizeof adj_fem / sizeof adj_fem[0] : sizeof adj_masc / sizeof adj_masc[0];
    out->flag = 1;
    for (size_t i = 0; rc == 0 && !given && i < ne; i++)
        rc = uk_surname_form(out, cp, ukfem ? n - 1 : n - 2, end[i]);
    end = ukfem ? adj_ukfem_family : fem ? adj_fem_family : adj_masc_family;
    ne = ukfem ? sizeof adj_ukfem_family / sizeof adj_ukfem_family[0]
         : fem ? sizeof adj_fem_family / sizeof adj_fem_family[0]
               : sizeof adj_masc_family / sizeof adj_masc_family[0];
    for (size_t i = 0; rc == 0 && !given && i < ne; i++)
        rc = uk_surname_form(out, cp, ukfem ? n - 1 : n - 2, end[i]);
    if (!ukfem && hushing(cp[n - 3])) {
        end = fem ? adj_fem_hush : adj_masc_hush;
        ne = fem ? sizeof adj_fem_hush / sizeof adj_fem_hush[0]
                 : sizeof adj_masc_hush / sizeof adj_masc_hush[0];
        for (size_t i = 0; rc == 0 && !given && i < ne; i++)
            rc = uk_surname_form(out, cp, n - 2, end[i]);
    }
    out->flag = flag;
    sodium_memzero(kv, sizeof kv);
    sodium_memzero(cp, sizeof cp);
    return rc;
}

int uk_surname_forms(struct variant_list *out, const char *key, size_t len)
{
    int cp[SUR_MAX + 2], u[SUR_MAX + 2], b[SUR_MAX + 2], n = 0, k, rc = 0, ns, suf, ov, changed;

    /* An adjective-type surname's declension (Чорний: Чорного). */
    if (adj_surname_forms(out, key, len) != 0)
        return -1;
    for (size_t at = 0; at < len; at += (size_t)k) {
        if (n >= SUR_MAX || (k = utf8_next(&cp[n], key + at, len - at)) <= 0 ||
            cp[n] < S_A || cp[n] > S_YA)
            return 0;
        n++;
    }
    /* -ов -ев -ёв -ин, or their feminine in -а: the masculine stem. */
    ns = n > 0 && cp[n - 1] == S_A ? n - 1 : n;
    if (ns < 4)
        return 0;
    ov = cp[ns - 1] == S_VE && (cp[ns - 2] == S_O || cp[ns - 2] == S_IE || cp[ns - 2] == S_YO);
    if (!ov && !(cp[ns - 1] == S_EN && cp[ns - 2] == S_I))
        return 0;
    suf = ns - 2; /* where the suffix starts */

    /* Ukrainian: е after a consonant as є, ы as и (Кузнєцов, Рибаков);
     * and the Russian spelling itself in the Ukrainian cases. */
    memcpy(u, cp, (size_t)ns * sizeof *u);
    changed = 0;
    for (int i = 1; i < ns; i++) {
        if (u[i] == S_IE && !is_vowel(u[i - 1]) && u[i - 1] != 0x44C)
            u[i] = S_YE, changed = 1;
        else if (u[i] == S_YERU)
            u[i] = S_I, changed = 1;
    }
    rc = endings(out, cp, ns, end_uk, sizeof end_uk / sizeof end_uk[0]);
    if (rc == 0 && changed)
        rc = endings(out, u, ns, end_uk, sizeof end_uk / sizeof end_uk[0]);

    /* Belarusian: the stem's е as я, then also its о as а (the stress
     * unknown); the suffix kept, -в as ў in the nominative (Кузняцоў). */
    for (int pass = 0; pass < 2 && rc == 0; pass++) {
        memcpy(b, cp, (size_t)ns * sizeof *b);
        changed = 0;
        for (int i = 1; i < suf; i++) {
            if (b[i] == S_IE && !is_vowel(b[i - 1]))
                b[i] = S_YA, changed = 1;
            else if (pass == 1 && b[i] == S_O)
                b[i] = S_A, changed = 2;
            else if (b[i] == S_I)
                b[i] = S_UK_I;
        }
        if (pass == 1 && changed != 2)
            break;
        rc = endings(out, b, ns, end_by, sizeof end_by / sizeof end_by[0]);
        if (rc == 0 && ov) {
            b[ns - 1] = S_SHORT_U;
            rc = uk_surname_form(out, b, ns, "");
        } else if (rc == 0) {
            rc = uk_surname_form(out, b, ns, "");
        }
    }
    /* Belarusian akanye as it is written: every о of the name but the
     * stressed one is а, the suffix's too (Марозава, Марозаў of Морозова:
     * report-adv25b C-9); the stress is not known, so each о in turn is
     * the one kept, and none (a stress on another vowel: Батаў).  The
     * pass above kept the suffix's о (Кузняцоў, Маразова). */
    for (int keep = -1; keep < ns && rc == 0; keep++) {
        int nso = 0;
        if (keep >= 0 && cp[keep] != S_O)
            continue;
        if (keep == suf)
            continue;
        memcpy(b, cp, (size_t)ns * sizeof *b);
        for (int i = 0; i < ns; i++) {
            if (i >= 1 && i < suf && b[i] == S_IE && !is_vowel(b[i - 1]))
                b[i] = S_YA;
            else if (b[i] == S_O && i != keep)
                b[i] = S_A, nso++;
            else if (i < suf && b[i] == S_I)
                b[i] = S_UK_I;
        }
        if (nso == 0)
            continue;
        rc = endings(out, b, ns, end_by, sizeof end_by / sizeof end_by[0]);
        if (rc == 0) {
            if (ov)
                b[ns - 1] = S_SHORT_U;
            rc = uk_surname_form(out, b, ns, "");
        }
    }
    sodium_memzero(cp, sizeof cp);
    sodium_memzero(u, sizeof u);
    sodium_memzero(b, sizeof b);
    return rc;
}
