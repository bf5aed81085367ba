/* A person's initials (variants_int.h, docs/VARIANTS.md "Initials"): the
 * dotted and bare first letters of a name's words in each script, with
 * and without the surname, two of three words as review flags, digraphs
 * (Дж, Ts, Yu), hyphenated given names and Korean given names.  Split
 * from variants.c, which calls it. */
#include "privacy/variants.h"

#include <string.h>
#include <utf8proc.h>

#include "privacy/normalise.h"
#include "privacy/patronymic.h"
#include "privacy/romanise.h"
#include "privacy/nicknames.h"
#include "privacy/variants_int.h"

/* Initials of a name of two or three words that is not read as Korean,
 * (issue 12), and of a Latin name read as Korean (korean) only before
 * its surname (initials_surname; report-adv28c J-16: O.K. Kim for Oleg
 * Kim): each word's first letters in its own script and in its
 * spellings' (Батбаяр: б, b), with full stops in the name's order and,
 * for two words, the other ("Д.Б", "B.D": replaced; the last full stop is
 * taken too), and bare ("ДБ", "BD": a review flag, an acronym too).
 * Written with a capital. */
/* Adds the initials of a Latin name with a Korean surname written before
 * that surname (O. Kim and O.K. Kim of Oleg Kim, O. Kim and O.K. Kim of
 * Kim Ok-ja: report-adv28c J-16): the surname alone is a review flag
 * only (a surname many share), the initials beside it name the person,
 * replaced.  dot[0..n) the words' dotted initials, sur the surname's
 * spellings, at its word's index.  0, or -1 out of memory. */
static int initials_surname(struct variant_list *out, const struct slot *dot, int n,
                            const struct slot *sur, int at)
{
    struct slot f[4];
    int m = 0, rc = 0;

    for (int i = 0; i < n; i++)
        if (i != at)
            f[m++] = dot[i];
    f[m] = *sur;
    rc |= combine(out, f, m + 1, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    for (int i = 0; i < n; i++)
        f[i] = dot[i];
    f[n] = *sur;
    rc |= combine(out, f, n + 1, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    if (n == 2) {
        f[0] = dot[1], f[1] = dot[0];
        rc |= combine(out, f, 3, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    }
    return rc != 0 ? -1 : 0;
}

/* Adds the initials of a name of n words (2 or 3) in the name's order,
 * each word's slot from dot[] but the last's from bare[] (the key leaves
 * the last full stop out: "Д.Б", "J.R"), and for two words the other
 * order (B.D of Батбаяр Дорж); then, where bare_too is set, all from
 * bare[] in both orders ("ДБ", "BD").  One place for the two callers,
 * initial_combos and digraph_combos (session 46: the same combination was
 * written in each).  0, or -1 out of memory. */
static int order_combos(struct variant_list *out, const struct slot dot[3],
                        const struct slot bare[3], int n, int bare_too)
{
    struct slot f[3];
    int rc = 0;

    for (int i = 0; i + 1 < n; i++)
        f[i] = dot[i];
    f[n - 1] = bare[n - 1];
    rc |= combine(out, f, n, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    if (n == 2) {
        f[0] = dot[1], f[1] = bare[0];
        rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    }
    return rc | (bare_too ? order_combos(out, bare, bare, n, 0) : 0);
}

/* Adds the initials of two of a three-word name's words, the first with
 * each other ("Д.С." of Дарья Сергеевна Петрова: the given name and the
 * father's; "Д.П.", "DP": the given name and the surname), dotted and
 * bare, as review flags (out->flag and out->initials set by the caller):
 * two letters many people share, no replacement (report-adv34 L-17,
 * report-adv33 L-62; docs/VARIANTS.md).  0, or -1 out of memory. */
static int partial_initials(struct variant_list *out, const struct slot dot[3],
                            const struct slot bare[3])
{
    struct slot f[2];
    int rc = 0;

    out->partial = 1;
    for (int k = 1; k < 3; k++) {
        f[0] = dot[0], f[1] = bare[k];
        rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 8);
        f[0] = bare[0];
        rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 8);
    }
    out->partial = 0;
    return rc != 0 ? -1 : 0;
}

/* The combinations of initials_script's slots (name_initials): in the
 * name's order with full stops and, for two words, the other (replaced),
 * before a Korean surname (initials_surname), bare (a review flag), and
 * two of three words (partial_initials).  A name of three words with a
 * patronymic (rot, 1 or 2; 0 none) has them in its other usual order too:
 * rotated left by rot, so Павлов Семён Игоревич has С.И.П. (given name,
 * patronymic, surname) besides П.С.И., and С.И. (Семён Игоревич) among its
 * partial initials, as Sergey Ivanovich Petrov has П.С.И. besides С.И.П.:
 * two subjects with the same letters share them in both orders, and
 * mark_shared makes them neither's (report-adv38 L-54, L-58: С.И.П. went
 * to Петров in Павлов's record).  0, or -1 out of memory. */
static int initial_combos(struct variant_list *out, const struct slot dot[3],
                          const struct slot bare[3], int n, const struct slot *sur, int sur_at,
                          int rot)
{
    struct slot rdot[3], rbare[3];
    int rc = 0;

    rc |= order_combos(out, dot, bare, n, 0);
    if (sur_at >= 0)
        rc |= initials_surname(out, dot, n, sur, sur_at);
    out->flag = 1, out->initials = 1;
    rc |= order_combos(out, bare, bare, n, 0);
    if (n == 3)
        rc |= partial_initials(out, dot, bare);
    out->flag = 0, out->initials = 0;
    /* The other order last: a key without full stops it adds (Cyrillic
     * Д.О.М., keyed дом, of Мельник Дмитрий Олегович) is a review flag
     * as bare initials are, for it may spell a word ("Дом был пуст");
     * written dotted in capitals it is replaced still (redact_context.c
     * capital_dotted_initials). */
    if (n == 3 && rot > 0) {
        struct variant_list rl;
        unsigned char flag = out->flag, initials = out->initials, partial = out->partial;
        unsigned char capital = out->capital;

        memset(&rl, 0, sizeof rl);
        rl.capital = out->capital;
        for (int i = 0; i < 3; i++)
            rdot[i] = dot[(i + rot) % 3], rbare[i] = bare[(i + rot) % 3];
        rc |= initial_combos(&rl, rdot, rbare, 3, sur, -1, 0);
        for (size_t i = 0; rc == 0 && i < rl.n; i++) {
            const char *key = rl.arena + rl.v[i].off;
            int bare_key = memchr(key, '.', rl.v[i].keylen) == NULL;
            out->flag = rl.v[i].flag || bare_key, out->initials = rl.v[i].initials || bare_key;
            out->partial = rl.v[i].partial, out->capital = rl.v[i].capital;
            rc |= list_add(out, key, rl.v[i].keylen, rl.v[i].rule, rl.v[i].suffix);
        }
        out->flag = flag, out->initials = initials, out->partial = partial, out->capital = capital;
        variant_list_free(&rl);
    }
    return rc != 0 ? -1 : 0;
}

/* Fills one word's initials in one script (report-adv36b L-2, L-14: the
 * Latin N.P.K. of Надія Петрівна Коваленко, the Cyrillic И.С.О. of Ivan
 * Sergeyevich Orlov, so that two subjects' initials are compared in every
 * script and shared ones name neither): from the first letters c[0..nc)
 * of the word's spellings (all scripts, likeliest first), the first max in
 * the script (1 Latin, 2 Cyrillic; name_initials takes one, as the other
 * spellings' letters would make words of initials, иго), or, for Latin if there is none, the
 * first letter of the first Cyrillic one's reading (romanise_reading: MNS
 * 5217), as a word with no Latin spelling of its own (Надія, Петрівна) is
 * written in Latin.
 * Latin initials take a full stop in dot; Cyrillic ones none (the key
 * leaves it out, normalise.h). */
static void initials_script(struct slot *dot, struct slot *bare, const int *c, int nc, int script,
                            int max)
{
    char u[8], r[8];
    int k;

    memset(dot, 0, sizeof *dot), memset(bare, 0, sizeof *bare);
    for (int i = 0; i < nc && bare->n < max; i++) {
        if (script == 1 ? c[i] >= 0x80 : !is_cyrillic_cp(c[i]))
            continue;
        if ((k = (int)utf8proc_encode_char(c[i], (utf8proc_uint8_t *)u)) <= 0)
            continue;
        u[k] = '\0';
        slot_add(dot, u, script == 1 ? "." : "", ""), slot_add(bare, u, "", "");
    }
    for (int i = 0; script == 1 && i < nc && bare->n < 1; i++)
        if (is_cyrillic_cp(c[i]) && romanise_reading(r, sizeof r, c[i], 1) > 0 &&
            r[0] >= 'a' && r[0] <= 'z') {
            r[1] = '\0';
            slot_add(dot, r, ".", ""), slot_add(bare, r, "", "");
        }
}

/* The first letters (code points, likeliest first, at most max) of the
 * spellings of the word w[0..n) (expand_key's, in every script).  Returns
 * how many, or -1 out of memory. */
static int first_letters(int *c, int max, const char *w, size_t n)
{
    struct variant_list l;
    int got = 0, cp, seen;

    memset(&l, 0, sizeof l);
    if (list_add(&l, w, n, RULE_EXACT, SUFFIX_NONE) != 0 ||
        variants_expand_key(&l, w, n, RULE_VARIANT, utf8_next(&cp, w, n) > 0 && !is_cyrillic_cp(cp)) != 0) {
        variant_list_free(&l);
        return -1;
    }
    for (size_t i = 0; i < l.n && got < max; i++) {
        if (utf8_next(&cp, l.arena + l.v[i].off, l.v[i].keylen) <= 0 || !variants_cased(cp))
            continue;
        seen = 0;
        for (int j = 0; j < got; j++)
            seen |= c[j] == cp;
        if (!seen)
            c[got++] = cp;
    }
    variant_list_free(&l);
    return got;
}

/* The Latin reading of the word w[0..n) to out (cap bytes, no NUL): its
 * ASCII letters, its Cyrillic ones through romanise_reading (ли: li).
 * Returns its length, 0 for another script or no room. */
static size_t latin_reading(char *out, size_t cap, const char *w, size_t n)
{
    size_t k = 0;
    int cp, m, r;

    for (size_t i = 0; i < n; i += (size_t)m) {
        if ((m = utf8_next(&cp, w + i, n - i)) <= 0 || k + 1 >= cap)
            return 0;
        if (cp >= 'a' && cp <= 'z')
            out[k++] = (char)cp;
        else if (!is_cyrillic_cp(cp) || (r = romanise_reading(out + k, cap - 1 - k, cp, 1)) < 0)
            return 0;
        else
            k += (size_t)r;
    }
    return k;
}

/* Initials of a Korean given name of two syllables beside the surname
 * (report-adv36b L-4, L-5, L-6, L-13; issue 12): a name of a Korean
 * surname (in Latin, or in Cyrillic read in Latin: Ли, li) and a given
 * name written as one hyphenated word (Bo-ra, Min-jun) or as two words of
 * one syllable (Бо Ра), in either order.  Bo-ra is one given name: B.R.
 * are its initials, and beside any spelling of the surname's row of the
 * surname table (variants_surname_spellings: Lee, Yi, Rhee, Li, Ли) they
 * name the person: B.R. Lee, Lee B.R., Lee B., BR Lee, Lee BR, Б.Р. Ли,
 * Ли Б.Р., Ли Б., Б. Ли, М.Д. Ким, Ким М.Д.  Each syllable's initials are
 * the first letters of its spellings in each script (up to three in
 * Cyrillic: Джун, Чжун, Жун).  Replacements, written with a capital; the
 * given name's initials alone stay hyphen_initials' and korean_initials'
 * (a review flag where the context marks a person).  0, or -1 out of
 * memory. */
int variants_korean_given_initials(struct variant_list *out, const char *norm, size_t len)
{
    size_t wa[3], wb[3], a, b, pa[2], pb[2];
    struct slot lat, cyr, f[4], ld[2], lb[2], cb[2], cd[2], x;
    char rd[OPT_LEN];
    int nw = 0, c[2][8], nc[2], rc = 0, s;
    unsigned char capital = out->capital;

    for (a = 0; a <= len; a = b + 1) {
        for (b = a; b < len && norm[b] != ' '; b++)
            ;
        if (b == a)
            continue;
        if (nw == 3)
            return 0;
        wa[nw] = a, wb[nw++] = b;
    }
    if (nw < 2)
        return 0;
    for (s = 0; s < nw; s += nw - 1) {          /* the surname first or last */
        size_t k = latin_reading(rd, sizeof rd, norm + wa[s], wb[s] - wa[s]);
        if (k > 0 && variants_surname_spellings(&lat, &cyr, rd, k))
            break;
    }
    if (s >= nw)
        return 0;
    if (nw == 3) {
        if (s != 0)
            pa[0] = wa[0], pb[0] = wb[0], pa[1] = wa[1], pb[1] = wb[1];
        else
            pa[0] = wa[1], pb[0] = wb[1], pa[1] = wa[2], pb[1] = wb[2];
    } else {
        size_t g = s == 0 ? 1 : 0;
        const char *hy = memchr(norm + wa[g], '-', wb[g] - wa[g]);
        if (hy == NULL || memchr(hy + 1, '-', (size_t)(norm + wb[g] - hy - 1)) != NULL)
            return 0;
        pa[0] = wa[g], pb[0] = (size_t)(hy - norm), pa[1] = pb[0] + 1, pb[1] = wb[g];
    }
    for (int i = 0; i < 2; i++) {
        size_t k = latin_reading(rd, sizeof rd, norm + pa[i], pb[i] - pa[i]);
        if (k == 0 || !romanise_ko_latin_syllable(rd, k))
            return 0;
        if ((nc[i] = first_letters(c[i], 8, norm + pa[i], pb[i] - pa[i])) < 0)
            return -1;
        initials_script(&ld[i], &lb[i], c[i], nc[i], 1, 1);
        initials_script(&x, &cb[i], c[i], nc[i], 2, 3);
        memset(&cd[i], 0, sizeof cd[i]);
        for (int j = 0; j < cb[i].n; j++)
            slot_add(&cd[i], cb[i].opt[j], ".", "");
        if (lb[i].n == 0)
            return 0;
    }
    out->capital = 1, out->lettered = 1;
    /* B.R. Lee, Lee B.R., Lee B., BR Lee, Lee BR */
    f[0] = ld[0], f[1] = ld[1], f[2] = lat;
    rc |= combine(out, f, 3, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    f[0] = lat, f[1] = ld[0], f[2] = ld[1];
    rc |= combine(out, f, 3, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    f[0] = lb[0], f[1] = lb[1], f[2] = lat;
    rc |= combine(out, f, 3, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    f[0] = lat, f[1] = lb[0], f[2] = lb[1];
    rc |= combine(out, f, 3, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    /* Б.Р. Ли, Б. Ли, Ли Б.Р., Ли Б.: the key leaves out a full stop
     * between single Cyrillic letters (бр.ли, либр.) */
    if (cyr.n > 0 && cb[0].n > 0 && cb[1].n > 0) {
        f[0] = cb[0], f[1] = cd[1], f[2] = cyr;
        rc |= combine(out, f, 3, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
        f[0] = cd[0], f[1] = cyr;
        rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
        f[0] = cyr, f[1] = cb[0], f[2] = cd[1];
        rc |= combine(out, f, 3, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
        f[1] = cd[0];
        rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    }
    out->capital = capital, out->lettered = 0;
    return rc != 0 ? -1 : 0;
}

/* Puts first among the Cyrillic ones of the first letters c[0..*nc) of a
 * Latin word w[0..n) (bytes, a-z) the first letter of its usual Russian
 * spelling (en_russian_forms: Nikita, Никита), where the word has no
 * Cyrillic spelling or was read as Korean syllables (korean: Nikita as
 * 니키타, whose Cyrillic readings begin with Р).  Nikita Pavlovich Kovalev
 * had no Н.П.К. (report-adv37 L-2), so those of Надія Петрівна Коваленко
 * were hers alone and went to her pseudonym in his record.  Nothing for a
 * word under four letters.  0, or -1 when out of memory. */
static int cyrillic_first(int *c, int *nc, const char *w, size_t n, int korean)
{
    struct variant_list l;
    int cp = 0, i, at = -1, was = -1;

    for (i = 0; i < *nc; i++) {
        if (at < 0 && is_cyrillic_cp(c[i]))
            at = i;
    }
    if ((at >= 0 && !korean) || !variants_latin_key(w, n))
        return 0;
    memset(&l, 0, sizeof l);
    if (en_russian_forms(&l, w, n, 1) != 0) {
        variant_list_free(&l);
        return -1;
    }
    if (l.n == 0 || utf8_next(&cp, l.arena + l.v[0].off, l.v[0].keylen) <= 0 || !is_cyrillic_cp(cp))
        cp = 0;
    variant_list_free(&l);
    if (cp == 0)
        return 0;
    for (i = 0; i < *nc; i++)
        if (c[i] == cp)
            was = i;
    if (was < 0 && *nc >= 16)
        return 0;
    if (was < 0)
        was = (*nc)++;
    if (at < 0 || at > was)
        at = was;
    for (i = was; i > at; i--)
        c[i] = c[i - 1];
    c[at] = cp;
    return 0;
}

/* Counts the short forms the lists give (nicknames_each). */
static int count_short(void *ctx, const char *form, size_t len)
{
    (void)form, (void)len;
    ++*(size_t *)ctx;
    return 0;
}

/* Adds to c the first letter of the Russian given name the Latin word
 * w[0..n) spells in a transliteration and the lists know (with short
 * forms: nicknames.c): Julia is Юлия, so Ю.П. are Julia Pratt's
 * initials (report-adv42 L-17), whose English reading Джулия gives Д.
 * 0, or -1 out of memory. */
static int russian_name_initial(struct slot *c, const char *w, size_t n)
{
    struct variant_list l;
    char u[8];
    int cp, k;

    memset(&l, 0, sizeof l);
    if (!variants_latin_key(w, n))
        return 0;
    if (ru_latin_readings(&l, w, n, 96) != 0) {
        variant_list_free(&l);
        return -1;
    }
    for (size_t i = 0; i < l.n; i++) {
        size_t found = 0;
        if (nicknames_each(l.arena + l.v[i].off, l.v[i].keylen, count_short, &found) != 0 ||
            found == 0 || (k = utf8_next(&cp, l.arena + l.v[i].off, l.v[i].keylen)) <= 0 ||
            (size_t)k >= sizeof u)
            continue;
        memcpy(u, l.arena + l.v[i].off, (size_t)k), u[k] = '\0';
        slot_add(c, u, "", "");
        break;
    }
    variant_list_free(&l);
    return 0;
}

/* Adds the initials of a name of n words (2 or 3) one of whose words
 * begins with a sound written with two letters (variants_digraph_initial:
 * Tsoi, Джейми): g[j] holds word j's such initials in the script (1
 * Latin, 2 Cyrillic), first[j] its first letters (initials_script).  Each
 * key holds at least one of them, the other words' initials being their
 * single letters or theirs: O.Ts. and Ts.O. of Olesya Tsoi (Latin, a full
 * stop after each but the last, the key's); джп and пдж (Дж.П., whose
 * full stop between Cyrillic letters the key leaves out), дж.п and п.дж
 * (Дж. П., spaced: the key keeps it) of Jamie Parker.  Replacements
 * written with a capital, as the single letters' (initial_combos); no
 * bare Latin form (OTS is an acronym first).  0, or -1 out of memory. */
static int digraph_combos(struct variant_list *out, int first[3][16], const int nfirst[3],
                          const struct slot g[3], int n, int script)
{
    struct slot one[3], x, md[3], mb[3];
    int rc = 0;

    for (int j = 0; j < n; j++) {
        initials_script(&x, &one[j], first[j], nfirst[j], script, 1);
        if (one[j].n == 0 && g[j].n == 0)
            return 0;
    }
    for (int at = 0; at < n; at++) {
        if (g[at].n == 0)
            continue;
        for (int j = 0; j < n; j++) {
            memset(&md[j], 0, sizeof md[j]), memset(&mb[j], 0, sizeof mb[j]);
            for (int k = 0; j != at && k < one[j].n; k++)
                slot_add(&md[j], one[j].opt[k], ".", ""), slot_add(&mb[j], one[j].opt[k], "", "");
            for (int k = 0; k < g[j].n; k++)
                slot_add(&md[j], g[j].opt[k], ".", ""), slot_add(&mb[j], g[j].opt[k], "", "");
        }
        rc |= order_combos(out, md, mb, n, script == 2);
    }
    return rc != 0 ? -1 : 0;
}

int variants_name_initials(struct variant_list *out, const char *norm, size_t len, int korean)
{
    struct slot dot[3], bare[3], sdot[3], sbare[3], sur, gl[3], gc[3];
    struct variant_list w;
    size_t a = 0, b, i;
    int n = 0, rc = 0, cp, k, sur_at = -1, first[3][16], nfirst[3] = {0, 0, 0}, rot = 0, nl, nc;
    int ru_given[3] = {0, 0, 0};
    char c[8];

    for (a = 0; a <= len && n <= 3; a = b + 1) {
        for (b = a; b < len && norm[b] != ' '; b++)
            ;
        if (b == a)
            continue;
        int is_sur = variants_is_surname(norm + a, b - a);
        if (n == 3 || (is_sur && !variants_latin_key_words(norm, len)))
            return 0;
        /* the patronymic second (Сергей Иванович Петров) or third (Петров
         * Сергей Иванович): the other order is the name rotated by 2 or 1
         * (initial_combos) */
        if ((n == 1 || n == 2) && patronymic_suffix_at(norm + a, b - a) > 0)
            rot = n == 1 ? 2 : 1;
        memset(&w, 0, sizeof w);
        /* An initial is the first letter of a spelling of the whole word:
         * a Cyrillic word's person forms hold its pieces (даренко of
         * Бондаренко, mn_short_forms), whose first letters are no initial
         * of it (report-adv33 L-62: Д.С. went to Слава Бондаренко). */
        if (list_add(&w, norm + a, b - a, RULE_EXACT, SUFFIX_NONE) != 0 ||
            variants_expand_key(&w, norm + a, b - a, RULE_VARIANT,
                       utf8_next(&cp, norm + a, b - a) > 0 && !is_cyrillic_cp(cp)) != 0) {
            variant_list_free(&w);
            return -1;
        }
        if (is_sur && sur_at < 0 && b - a < OPT_LEN) {
            memset(&sur, 0, sizeof sur);
            for (i = 0; i < w.n && sur.n < 3; i++)
                if (w.v[i].keylen < OPT_LEN && variants_latin_key(w.arena + w.v[i].off, w.v[i].keylen)) {
                    char word[OPT_LEN];
                    memcpy(word, w.arena + w.v[i].off, w.v[i].keylen), word[w.v[i].keylen] = '\0';
                    slot_add(&sur, word, "", "");
                }
            sur_at = sur.n > 0 ? n : -1;
        }
        memset(&dot[n], 0, sizeof dot[n]), memset(&bare[n], 0, sizeof bare[n]);
        memset(&gl[n], 0, sizeof gl[n]), memset(&gc[n], 0, sizeof gc[n]);
        for (i = 0, nl = 0, nc = 0; i < w.n; i++) {
            /* a digraph initial of the likeliest spellings in each
             * script: the first three Latin ones (Цой: tsoi, tsoy, coi;
             * Евгений: evgeniy, yevgeniy), the first Cyrillic one
             * (Jamie: джейми; Jargal, Mongolian: жаргал, none) */
            const char *sp = w.arena + w.v[i].off;
            char dg[8];
            int lat = sp[0] >= 'a' && sp[0] <= 'z';
            if ((lat ? nl++ < 3 : utf8_next(&cp, sp, w.v[i].keylen) > 0 && is_cyrillic_cp(cp) &&
                                      nc++ < 1) &&
                variants_digraph_initial(dg, sizeof dg, sp, w.v[i].keylen) > 0)
                slot_add(lat ? &gl[n] : &gc[n], dg, "", "");
        }
        /* A Cyrillic word with no Latin spelling of its own (Юрій) is
         * written in Latin by its first letter's reading (initials_script),
         * which for ю, я, ж, ш, ч, х, ц, щ is a letter pair: the Latin
         * initial is that pair (Yu. of Юрій Гаврилюк, beside Yu.H. of his
         * Latin name: report-adv44 L-13; brief s45 ini45). */
        if (nl == 0 && gl[n].n == 0 && utf8_next(&cp, norm + a, b - a) > 0 && is_cyrillic_cp(cp)) {
            char rd[8], dg[8];
            int rn = romanise_reading(rd, sizeof rd - 1, cp, 1);
            if (rn >= 2 && (size_t)rn < sizeof rd - 1) {
                rd[rn] = '\0';
                /* rn + 1: the reading's end counts as the rest of a word */
                if (variants_digraph_initial(dg, sizeof dg, rd, (size_t)rn + 1) == (size_t)rn)
                    slot_add(&gl[n], dg, "", "");
            }
        }
        for (i = 0; i < w.n; i++) {
            int seen = 0;
            /* Not a short form's nor a piece's first letter (рэнк, renko
             * of Petrenko: Н.Р. was made Nikolai Petrenko's, and so the
             * pseudonym Nikita Reed, whose Cyrillic initials those are,
             * was refused since small initials count wherever they stand;
             * brief s46 ini46): as for a Cyrillic word above. */
            if (w.v[i].flag)
                continue;
            if ((k = utf8_next(&cp, w.arena + w.v[i].off, w.v[i].keylen)) <= 0 || !variants_cased(cp) ||
                (size_t)k >= sizeof c)
                continue;
            for (int j = 0; j < nfirst[n]; j++)
                seen |= first[n][j] == cp;
            if (!seen && nfirst[n] < 16)
                first[n][nfirst[n]++] = cp;
            if (bare[n].n >= 3)
                continue;
            memcpy(c, w.arena + w.v[i].off, (size_t)k), c[k] = '\0';
            /* A full stop between single letters of another script is a
             * gap the key leaves out (normalise.h): "Д.Б." is keyed дб. */
            slot_add(&dot[n], c, cp < 0x80 ? "." : "", "");
            slot_add(&bare[n], c, "", "");
        }
        k = variants_korean_read(&w);
        variant_list_free(&w);
        nc = gc[n].n;
        if (russian_name_initial(&gc[n], norm + a, b - a) != 0)
            return -1;
        ru_given[n] = gc[n].n > nc;
        if (cyrillic_first(first[n], &nfirst[n], norm + a, b - a, k) != 0)
            return -1;
        if (bare[n++].n == 0)
            return 0;
    }
    if (n < 2)
        return 0;
    out->capital = 1, out->lettered = 1;
    /* a name read as Korean has its initials alone from korean_initials,
     * a review flag (K.J. of Kim Jong-su): only those before its surname
     * here */
    if (korean) {
        rc = sur_at >= 0 ? initials_surname(out, dot, n, &sur, sur_at) : 0;
        /* A given name the lists know in a Russian reading (Julia: Юлия)
         * before a Korean surname (Julia Park): no Korean given name, so
         * its Cyrillic initials are made as any such name's are (Ю.П.,
         * Ю. П., ЮП; report-adv44 L-8, L-9, L-32, L-134; brief s45 ini45):
         * the Latin ones come from the Korean reading (korean_initials). */
        if (rc == 0 && n == 2 && sur_at == 1 && ru_given[0])
            rc = digraph_combos(out, first, nfirst, gc, n, 2);
        out->capital = 0, out->lettered = 0;
        return rc;
    }
    /* Each script's initials first (N.P.K., НПК), then those of letters
     * of both, as before (a look-alike letter typed in the other). */
    for (int script = 1; script <= 2; script++) {
        int all = 1;
        for (int j = 0; j < n; j++) {
            initials_script(&sdot[j], &sbare[j], first[j], nfirst[j], script, 1);
            all &= sbare[j].n > 0;
        }
        if (all)
            rc |= initial_combos(out, sdot, sbare, n, &sur, script == 1 ? sur_at : -1, rot);
    }
    rc |= initial_combos(out, dot, bare, n, &sur, sur_at, rot);
    rc |= digraph_combos(out, first, nfirst, gl, n, 1);
    rc |= digraph_combos(out, first, nfirst, gc, n, 2);
    out->capital = 0, out->lettered = 0;
    return rc != 0 ? -1 : 0;
}

/* Initials of the parts of a hyphenated word of a name not read as
 * Korean, the parts read as words (brief s24 ko24: B.E., Б.Э., BE for
 * Бат-Эрдэнэ): each part's first letters in its own script and in its
 * spellings', with full stops (the last taken too) and bare.  Far more
 * often an abbreviation than a person: FORM_CONTEXT, a review flag only
 * where the context marks a person ("B.E. told me", "Б.Э. хэлсэн";
 * redact_context.c), as a Korean given name's two initials are. */
int variants_hyphen_initials(struct variant_list *out, const char *norm, size_t len)
{
    struct slot dot[2], bare[2], f[2];
    struct variant_list w;
    size_t a, b, h, i, p, q;
    unsigned char capital = out->capital, context = out->context, flag = out->flag;
    unsigned char initials = out->initials;
    int rc = 0, cp, k, n;
    char c[8];

    for (a = 0; rc == 0 && a < len; a = b + 1) {
        for (b = a; b < len && norm[b] != ' '; b++)
            ;
        const char *hy = memchr(norm + a, '-', b - a);
        if (hy == NULL || (h = (size_t)(hy - norm)) - a < 2 || b - h - 1 < 2 ||
            memchr(norm + h + 1, '-', b - h - 1) != NULL)
            continue;           /* one hyphen, two parts of two bytes or more */
        for (n = 0, p = a, q = h; n < 2; n++, p = h + 1, q = b) {
            memset(&w, 0, sizeof w);
            memset(&dot[n], 0, sizeof dot[n]), memset(&bare[n], 0, sizeof bare[n]);
            if (list_add(&w, norm + p, q - p, RULE_EXACT, SUFFIX_NONE) != 0 ||
                variants_expand_key(&w, norm + p, q - p, RULE_VARIANT, 1) != 0) {
                variant_list_free(&w);
                return -1;
            }
            for (i = 0; i < w.n && bare[n].n < 3; i++) {
                if ((k = utf8_next(&cp, w.arena + w.v[i].off, w.v[i].keylen)) <= 0 ||
                    !variants_cased(cp) || (size_t)k >= sizeof c)
                    continue;
                memcpy(c, w.arena + w.v[i].off, (size_t)k), c[k] = '\0';
                slot_add(&dot[n], c, cp < 0x80 ? "." : "", "");
                slot_add(&bare[n], c, "", "");
            }
            variant_list_free(&w);
            if (bare[n].n == 0)
                break;
        }
        if (n < 2)
            continue;
        /* initials and context: two letters count, of no name word
         * (varlist.c), read by redact_context.c's initials_context. */
        out->capital = 1, out->context = 1, out->flag = 0, out->initials = 1, out->lettered = 1;
        f[0] = dot[0], f[1] = bare[1];
        rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 8);
        rc |= combine(out, bare, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 8);
        out->capital = capital, out->context = context, out->flag = flag;
        out->initials = initials, out->lettered = 0;
    }
    return rc != 0 ? -1 : 0;
}
