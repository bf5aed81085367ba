/* Which subject a hit names (issue 12, brief s24 attr24; docs/PSEUDONYMS.md,
 * "Which subject a hit names").  In a store of two subjects or more a
 * word can be read as a form of either: Джонсон is Sarah Johnson's
 * surname as written and also джонсо (a Cyrillic spelling of Kim
 * Jong-su's given name) with the Russian ending -н; the overlapping hits
 * were merged under whichever came first, so Kim Jong-su's pseudonym
 * stood for Sarah Johnson.  The rules, applied to the spans of a subject's
 * name before they are merged (redact_run.c):
 *
 *  - of the longest hits over one word, the closest form wins: the one
 *    whose form leaves the shortest ending after it (Джонсон: Johnson's
 *    form leaves nothing, Jong-su's leaves -н);
 *  - a tie between two subjects: a neutral [PERSON-n] (the name goes; only
 *    the label is neutral);
 *  - a form with an ending whose whole word is one letter from a name
 *    word of another subject (Джонсун: джонсу with -н, one letter from
 *    Джонсон): [PERSON-n];
 *  - a hit across a mask character (김○수, K*m: the mask may hide another
 *    subject's letter): [PERSON-n];
 *  - two one-word hits of two subjects side by side, one space between
 *    them (Саша Петренко: Pavel's given name, Olga's surname; Natalia
 *    Kuznetsova): one name of one person who is neither, so one
 *    [PERSON-n] over both words, never two pseudonyms that say both
 *    subjects are mentioned (brief s25 slav25);
 *  - first of all, a run of name words side by side that no one subject
 *    names (owns every word, and on no word owned only weakly, as a
 *    short form, where another owns it as their own name): "Кира Жукова"
 *    (Кира Орлова's name, also Кирилл Жуков's short form, beside his
 *    surname), "Tsetsegmaa Bataa": one [PERSON-n] over the whole run,
 *    never "Hugo Lamb" nor "Tess Hyde [PERSON-1]" (name_runs; report-adv45
 *    W-1..W-11).
 *
 * In a store of one subject nothing changes: no other subject can be
 * named.  The redactor does not know whose record a text is (export
 * redacts many with one redactor), so the choice is the text's alone. */
#include <stdlib.h>
#include <string.h>

#include "privacy/normalise.h"
#include "util/text.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/variants_int.h"
#include "privacy/varlist.h"

/* Code points of a form compared letter by letter, at most. */
#define ATTR_MAX 48

/* 1 if cp masks a letter (the press's 김○수, J*ng-su). */
static int mask_cp(int cp)
{
    return cp == '*' || cp == 0x25CB /* ○ */ || cp == 0x25CF /* ● */ || cp == 0x25EF /* ◯ */ ||
           cp == 0x3007 /* 〇 */ || cp == 0x00D7 /* × */ || cp == 0x25A0 /* ■ */ ||
           cp == 0x25A1 /* □ */;
}

int redact_attrib_masked(const char *s, size_t n)
{
    size_t i = 0;
    int cp, k;

    while (i < n && (k = utf8_next(&cp, s + i, n - i)) > 0) {
        if (mask_cp(cp))
            return 1;
        i += (size_t)k;
    }
    return 0;
}

/* The key bytes of norm bytes [a, b) of t: [*ka, *kb). */
static void key_range(size_t *ka, size_t *kb, const struct normtext *t, size_t a, size_t b)
{
    size_t lo = 0, hi = t->keylen;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->kpos[mid] < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    *ka = lo;
    while (lo < t->keylen && t->kpos[lo] < b)
        lo++;
    *kb = lo;
}


/* The characters left after the longest literal of the given subject's
 * name that starts the key k[0..n): the ending the form leaves; n's
 * characters when none does. */
static size_t leftover(const struct redactor *r, long subject, const char *k, size_t n)
{
    size_t best = 0;

    for (size_t i = 0; i < r->nlits; i++) {
        const struct lit *l = &r->lits[i];
        const struct term *tm = &r->terms[l->term];
        if (tm->cat != NAME_CAT || tm->subject != subject || l->keylen <= best || l->keylen > n)
            continue;
        if (memcmp(r->arena + r->keyoff[i], k, l->keylen) == 0)
            best = l->keylen;
    }
    return text_chars(k + best, n - best);
}

/* The code points of s[0..n) into cp (at most ATTR_MAX); their count, or
 * ATTR_MAX + 1 when longer. */
static size_t code_points(int cp[ATTR_MAX], const char *s, size_t n)
{
    size_t i = 0, c = 0;
    int k;

    while (i < n && (k = utf8_next(&cp[c < ATTR_MAX ? c : ATTR_MAX - 1], s + i, n - i)) > 0) {
        if (++c > ATTR_MAX)
            return ATTR_MAX + 1;
        i += (size_t)k;
    }
    return c;
}

/* 1 if a[0..na) and b[0..nb) differ by one edit (a letter left out,
 * added, changed, or two side by side swapped); 0 if equal or further. */
static int one_edit(const int *a, size_t na, const int *b, size_t nb)
{
    size_t i = 0;

    if (na > nb + 1 || nb > na + 1)
        return 0;
    while (i < na && i < nb && a[i] == b[i])
        i++;
    if (i == na && i == nb)
        return 0;
    if (na == nb) {
        if (memcmp(a + i + 1, b + i + 1, (na - i - 1) * sizeof *a) == 0)
            return 1;
        return i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] &&
               memcmp(a + i + 2, b + i + 2, (na - i - 2) * sizeof *a) == 0;
    }
    if (na > nb)
        return memcmp(a + i + 1, b + i, (na - i - 1) * sizeof *a) == 0;
    return memcmp(a + i, b + i + 1, (nb - i - 1) * sizeof *a) == 0;
}

/* 1 if the key k[0..n) is one letter from a whole name word of a subject
 * other than subject (a literal of five letters or more, not a short
 * form, initials or a father's name). */
static int near_other(const struct redactor *r, long subject, const char *k, size_t n)
{
    int a[ATTR_MAX], b[ATTR_MAX];
    size_t na = code_points(a, k, n), nb;

    if (na > ATTR_MAX || na < 5)
        return 0;
    for (size_t i = 0; i < r->nlits; i++) {
        const struct lit *l = &r->lits[i];
        const struct term *tm = &r->terms[l->term];
        if (tm->cat != NAME_CAT || tm->subject == subject || !l->person || l->father ||
            l->initials || l->kind == FORM_SHORT || l->kind == FORM_CONTEXT ||
            l->keylen > n + 4 || l->keylen + 4 < n)
            continue;
        nb = code_points(b, r->arena + r->keyoff[i], l->keylen);
        if (nb <= ATTR_MAX && one_edit(a, na, b, nb))
            return 1;
    }
    return 0;
}

/* 1 if bytes [a, b) of s hold one word: no space and no hyphen. */
static int bare_word(const char *s, size_t a, size_t b)
{
    return memchr(s + a, ' ', b - a) == NULL && memchr(s + a, '-', b - a) == NULL;
}

/* 1 if the one-word key k[0..n) is a Russian surname in the gender other
 * than the one the subject registered it in: Орлова (feminine) for a
 * Вячеслав Орлов, Петров for an Ирина Петрова.  A wife, a daughter or a
 * husband shares the family name, not the subject's person: such a form
 * names no subject (docs/PSEUDONYMS.md, "Session 32").  0 when the ending
 * names no gender (Петрова is also Петров's genitive) or the subject
 * registered the surname in that gender too. */
static int other_gender(const struct redactor *r, long subject, const char *k, size_t n)
{
    size_t stem = 0, rstem = 0;
    int g = ru_surname_gender(&stem, k, n, 0), rg, own = 0, other = 0;

    if (g == SURNAME_NONE)
        return 0;
    for (size_t i = 0; i < r->nlits && !own; i++) {
        const struct lit *l = &r->lits[i];
        const struct term *tm = &r->terms[l->term];
        const char *w = r->arena + r->keyoff[i];
        if (tm->cat != NAME_CAT || tm->subject != subject || l->rule != RULE_EXACT)
            continue;
        /* the name as registered, its words run together: the surname
         * ends it (Ирина Петрова: иринапетрова) */
        for (size_t tail = 0; tail <= 2; tail += 2) {
            if (l->keylen < stem + tail ||
                memcmp(w + l->keylen - stem - tail, k, stem) != 0 ||
                (tail > 0 && memcmp(w + l->keylen - tail, "\xD0\xB0", 2) != 0))
                continue;
            rg = ru_surname_gender(&rstem, w + l->keylen - stem - tail, stem + tail, 1);
            if (rg == g)
                own = 1;
            else if (rg != SURNAME_NONE)
                other = 1;
        }
    }
    return other && !own;
}

/* Orders indexes of spans by start (qsort_r context: the spans). */
static int by_start(const void *x, const void *y, void *ctx)
{
    const struct span *s = ctx;
    size_t i = *(const size_t *)x, j = *(const size_t *)y;

    return s[i].start < s[j].start ? -1 : s[i].start > s[j].start ? 1 : i < j ? -1 : i > j;
}

/* The span s made a neutral person's placeholder. */
static void neutral(struct span *s, size_t term)
{
    s->cat = TERM_PERSON;
    s->term = term;
}

/* 1 if the name span y is one word beside norm bytes [a, b) of t, one
 * space between them. */
static int beside(const struct span *y, size_t a, size_t b, const struct normtext *t)
{
    return (a >= 1 && y->end + 1 == a && t->norm[a - 1] == ' ') ||
           (b < t->normlen && y->start == b + 1 && t->norm[b] == ' ');
}

/* The one subject whose one-word name hits stand beside norm bytes [a, b)
 * (one space between): *who; 0 when none does or two subjects do. */
static int neighbour(long *who, const struct span *s, const size_t *all, size_t nall, size_t a,
                     size_t b, const struct normtext *t)
{
    int found = 0;

    for (size_t i = 0; i < nall; i++) {
        const struct span *y = &s[all[i]];
        if (y->cat != CAT_PSEUDONYM || !beside(y, a, b, t) || !bare_word(t->norm, y->start, y->end))
            continue;
        if (found && y->subject != *who)
            return 0;
        *who = y->subject, found = 1;
    }
    return found;
}

/* Settles one cluster ix[0..n) of overlapping spans of subjects' names;
 * all[0..nall): every name span, for the words beside the cluster.  Spans
 * made neutral before (other_gender) take part only as losers. */
static void settle(struct span *s, const size_t *ix, size_t n, const size_t *all, size_t nall,
                   const struct redactor *r, const struct normtext *t)
{
    size_t longest = 0, best = SIZE_MAX, win = SIZE_MAX, ka, kb, a = SIZE_MAX, b = 0;
    long first = 0, who = 0;
    int tie = 0, two = 0, cands = 0, out = 0;

    for (size_t i = 0; i < n; i++) {
        const struct span *x = &s[ix[i]];
        size_t len = x->end - x->start;
        a = x->start < a ? x->start : a;
        b = x->end > b ? x->end : b;
        if (x->cat != CAT_PSEUDONYM) {
            out = 1;
            continue;
        }
        if (len > longest)
            longest = len;
        if (cands++ == 0)
            first = x->subject;
        two |= x->subject != first;
    }
    if (cands == 0 || (!two && !out))
        return;
    for (size_t i = 0; i < n; i++) {
        struct span *x = &s[ix[i]];
        size_t left;
        if (x->cat != CAT_PSEUDONYM || x->end - x->start != longest)
            continue;
        key_range(&ka, &kb, t, x->start, x->end);
        left = leftover(r, x->subject, t->key + ka, kb - ka);
        if (left < best)
            best = left, win = ix[i], tie = 0;
        else if (left == best && s[win].subject != x->subject)
            tie = 1;
    }
    if (win == SIZE_MAX)
        return;
    /* A tie broken by the person's other name beside it: "Ира Петрова",
     * Петрова of Ирина Петрова and of Вячеслав Петров (his genitive), Ира
     * of her only: one person, hers. */
    if (tie && neighbour(&who, s, all, nall, a, b, t)) {
        for (size_t i = 0; i < n; i++) {
            struct span *x = &s[ix[i]];
            if (x->cat != CAT_PSEUDONYM || x->end - x->start != longest || x->subject != who)
                continue;
            key_range(&ka, &kb, t, x->start, x->end);
            if (leftover(r, x->subject, t->key + ka, kb - ka) == best) {
                win = ix[i], tie = 0;
                break;
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        struct span *x = &s[ix[i]];
        if (ix[i] == win)
            continue;
        if (tie)
            neutral(x, s[win].term);
        else
            x->cat = s[win].cat, x->subject = s[win].subject, x->term = s[win].term;
    }
    if (tie)
        neutral(&s[win], s[win].term);
}

/* 1 if s is a hit of a form two subjects' names share (mark_shared: a
 * neutral person's placeholder from the start). */
static int shared_span(const struct redactor *r, const struct span *s)
{
    return s->cat == TERM_PERSON && s->term < r->nterms && r->terms[s->term].cat == NAME_CAT;
}

/* A part of a run of name words (name_runs): the longest name span at one
 * start, and the subjects whose name spans cover exactly it. */
#define RUN_OWNERS 8
struct run_part {
    size_t start, end;          /* norm bytes */
    size_t first;               /* a name span over exactly [start, end) */
    long sub[RUN_OWNERS];
    size_t nsub;
    int whole;                  /* a hit of two words or more (a whole name as
                                 * registered, "Вячеслав Петров"): no part of a
                                 * run, it ends one */
};

/* 1 if the key k[0..n) is a form of the subject's own name: a literal of
 * theirs that is no short form, nickname or honorific (FORM_SHORT, as
 * the variant rules mark them), no one-syllable name alone (FORM_CONTEXT),
 * no father's name and no initials is the key, or the key less an ending
 * of at most two characters (Кира and Кире, Киры, Кирой are Кира
 * Орлова's name in its cases; for Кирилл Жуков Кира is a listed short form
 * only: report-adv45 W-1).  0 where the subject's forms of the key are
 * all short forms: a weak owner. */
static int strong_owner(const struct redactor *r, long subject, const char *k, size_t n)
{
    for (size_t j = 0; j < r->nlits; j++) {
        const struct lit *l = &r->lits[j];
        if (r->terms[l->term].cat != NAME_CAT || r->terms[l->term].subject != subject ||
            l->kind == FORM_SHORT || l->kind == FORM_CONTEXT || l->father || l->initials ||
            l->keylen == 0 || l->keylen > n || text_chars(k + l->keylen, n - l->keylen) > 2 ||
            memcmp(r->arena + r->keyoff[j], k, l->keylen) != 0)
            continue;
        return 1;
    }
    return 0;
}

/* 1 if the name span x is a father's form (the father's name in a
 * subject's patronymic: another person, its own [PERSON-n]), which ends
 * a run of name words. */
static int father_form(const struct redactor *r, const struct normtext *t, const struct span *x)
{
    size_t ka, kb;

    key_range(&ka, &kb, t, x->start, x->end);
    for (size_t j = 0; j < r->nlits; j++)
        if (r->lits[j].father && r->lits[j].keylen == kb - ka &&
            memcmp(r->arena + r->keyoff[j], t->key + ka, kb - ka) == 0)
            return 1;
    return 0;
}

/* 1 for a span of a subject's name that takes part in a run of name
 * words: a pseudonym's, or a form two subjects share (mark_shared), not
 * a father's form. */
static int run_span(const struct redactor *r, const struct normtext *t, const struct span *x)
{
    return (x->cat == CAT_PSEUDONYM && x->subject != 0) || (shared_span(r, x) && !father_form(r, t, x));
}

/* 1 if subject s names the run p[0..n): s owns every part, and on no
 * part another subject owns it strongly where s owns it only weakly
 * (strong_owner). */
static int names_run(const struct run_part *p, size_t n, long s, const struct redactor *r,
                     const struct normtext *t)
{
    for (size_t i = 0; i < n; i++) {
        size_t k, ka, kb;
        int mine = -1;
        for (k = 0; k < p[i].nsub && p[i].sub[k] != s; k++)
            ;
        if (k == p[i].nsub)
            return 0;
        if (p[i].nsub == 1)
            continue;
        key_range(&ka, &kb, t, p[i].start, p[i].end);
        for (k = 0; k < p[i].nsub; k++) {
            if (p[i].sub[k] == s || !strong_owner(r, p[i].sub[k], t->key + ka, kb - ka))
                continue;
            if (mine < 0)
                mine = strong_owner(r, s, t->key + ka, kb - ka);
            if (!mine)
                return 0;
        }
    }
    return 1;
}

/* Settles the run p[0..n) of two parts or more: where no subject names
 * it (names_run), every name span over it becomes one neutral span over
 * the whole run, numbered by its first part's term. */
static void settle_run(struct spans *sp, const struct run_part *p, size_t n, const struct redactor *r,
                       const struct normtext *t)
{
    struct span joined;
    int two = 0;

    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < p[i].nsub; k++)
            two |= p[i].sub[k] != p[0].sub[0];
    if (!two)
        return;
    for (size_t k = 0; k < p[0].nsub; k++)
        if (names_run(p, n, p[0].sub[k], r, t))
            return;
    joined = sp->s[p[0].first];
    neutral(&joined, joined.term);
    joined.end = p[n - 1].end;
    /* a span that starts inside the run and ends after it is covered too */
    for (size_t j = 0; j < sp->n; j++)
        if (run_span(r, t, &sp->s[j]) && sp->s[j].start < joined.end && sp->s[j].end > joined.start) {
            joined.start = sp->s[j].start < joined.start ? sp->s[j].start : joined.start;
            joined.end = sp->s[j].end > joined.end ? sp->s[j].end : joined.end;
        }
    for (size_t j = 0; j < sp->n; j++)
        if (run_span(r, t, &sp->s[j]) && sp->s[j].start < joined.end && sp->s[j].end > joined.start)
            sp->s[j] = joined;
}

/* The wrong person (issue 12, report-adv45 W-1..W-11): a run of name
 * words side by side, one space between them, whose words are forms of
 * two subjects' names.  Each word (the longest name span at its start)
 * has owners, the subjects whose spans cover it, each strong (a form of
 * their own name) or weak (a short form: strong_owner).  A subject names
 * the run where they own every word and on no word another subject owns
 * it more strongly; then the run is settled as before (own_shared,
 * settle, join_pairs: "Кира Орлова" stays Кира Орлова's though Кира is
 * also Кирилл's short form; "عمر حداد" is Omar Haddad's though عمر is
 * Omar Saleh's too).  Where no subject does ("Кира Жукова": Кира
 * Орлова's given name, Кирилл Жуков's surname; "Кирилл Орлов",
 * "Tsetsegmaa Bataa") the run names a person who is neither, and the
 * whole run is one neutral [PERSON-n]: never one subject's pseudonym,
 * never half replaced.  Anything between the words ("Кира и Кирилл
 * Жуков", a comma) ends a run, and so does a hit of two words or more
 * (a whole name as registered: "Вячеслав Петров Дарья Соколова" are two
 * people, each their own pseudonym, ph32.jsonl line 5).  Runs before any other rule of this file,
 * on the hits as found.  0, or -1 out of memory. */
static int name_runs(struct spans *sp, const struct redactor *r, const struct normtext *t)
{
    size_t *ix, n = 0, np = 0, i, j, run;
    struct run_part *p;

    if ((ix = malloc(sp->n * sizeof *ix)) == NULL)
        return -1;
    if ((p = malloc(sp->n * sizeof *p)) == NULL) {
        free(ix);
        return -1;
    }
    for (i = 0; i < sp->n; i++)
        if (run_span(r, t, &sp->s[i]))
            ix[n++] = i;
    qsort_r(ix, n, sizeof *ix, by_start, sp->s);
    for (i = 0; i < n; i = j) {
        struct run_part *q = &p[np];
        q->start = sp->s[ix[i]].start, q->end = 0, q->nsub = 0;
        for (j = i; j < n && sp->s[ix[j]].start == q->start; j++)
            if (sp->s[ix[j]].end > q->end)
                q->end = sp->s[ix[j]].end, q->first = ix[j];
        /* a span starting inside the part before belongs to it */
        if (np > 0 && q->start < p[np - 1].end)
            continue;
        q->whole = memchr(t->norm + q->start, ' ', q->end - q->start) != NULL;
        for (size_t k = i; k < j; k++) {
            const struct span *x = &sp->s[ix[k]];
            size_t m;
            long s = x->cat == CAT_PSEUDONYM ? x->subject : r->terms[x->term].subject;
            if (x->end != q->end)
                continue;
            for (m = 0; m < q->nsub && q->sub[m] != s; m++)
                ;
            if (m == q->nsub && q->nsub < RUN_OWNERS)
                q->sub[q->nsub++] = s;
        }
        np++;
    }
    for (i = 0; i < np; i = run) {
        for (run = i + 1; !p[i].whole && run < np && !p[run].whole && p[run].start == p[run - 1].end + 1 &&
                          t->norm[p[run - 1].end] == ' ';
             run++)
            ;
        if (run - i > 1)
            settle_run(sp, p + i, run - i, r, t);
    }
    free(p);
    free(ix);
    return 0;
}

/* Gives a one-word form two subjects share to one of them where the text
 * says which (brief s32 ph32): the only subject for whom it is no
 * surname of the other gender (Петров of Вячеслав Петров, not of Ирина
 * Петрова), or the subject whose other name stands beside it ("Ира
 * Петрова": Ира is hers alone).  Else it stays neutral. */
static void own_shared(struct spans *sp, const struct redactor *r, const struct normtext *t)
{
    for (size_t i = 0; i < sp->n; i++) {
        struct span *x = &sp->s[i];
        size_t ka, kb, j, nsub = 0, nfree = 0;
        long sub[8], freesub = 0, who = 0;
        int found = 0;
        if (!shared_span(r, x) || !bare_word(t->norm, x->start, x->end))
            continue;
        key_range(&ka, &kb, t, x->start, x->end);
        for (j = 0; j < r->nlits && nsub < 8; j++) {
            const struct lit *l = &r->lits[j];
            long subject = r->terms[l->term].subject;
            size_t k;
            if (r->terms[l->term].cat != NAME_CAT || l->keylen != kb - ka ||
                memcmp(r->arena + r->keyoff[j], t->key + ka, l->keylen) != 0)
                continue;
            for (k = 0; k < nsub && sub[k] != subject; k++)
                ;
            if (k < nsub)
                continue;
            sub[nsub++] = subject;
            if (!other_gender(r, subject, t->key + ka, kb - ka))
                nfree++, freesub = subject;
        }
        if (nsub < 2)
            continue;
        if (nfree == 1)
            who = freesub, found = 1;
        for (j = 0; !found && j < sp->n; j++) {
            const struct span *y = &sp->s[j];
            if (y->cat != CAT_PSEUDONYM || !beside(y, x->start, x->end, t) ||
                !bare_word(t->norm, y->start, y->end))
                continue;
            for (size_t k = 0; k < nsub; k++)
                if (sub[k] == y->subject && !other_gender(r, sub[k], t->key + ka, kb - ka))
                    who = y->subject, found = 1;
        }
        if (!found)
            continue;
        for (j = 0; j < r->nterms; j++)
            if (r->terms[j].cat == NAME_CAT && r->terms[j].subject == who) {
                x->term = j;
                break;
            }
        for (j = 0; j < sp->n; j++) {
            struct span *y = &sp->s[j];
            if (shared_span(r, y) && y->start == x->start && y->end == x->end && j != i)
                y->cat = CAT_PSEUDONYM, y->subject = who, y->term = x->term;
        }
        x->cat = CAT_PSEUDONYM, x->subject = who;
    }
}

/* 1 if norm bytes [a, b) of t hold no space (one word). */
static int one_word(const struct normtext *t, size_t a, size_t b)
{
    return memchr(t->norm + a, ' ', b - a) == NULL;
}

/* Joins each pair of one-word name spans of two subjects that stand side
 * by side with one space between them into one neutral span (the first's
 * number): every name span over the two words becomes it.  ix[0..n): the
 * name spans by start. */
static void join_pairs(struct span *s, const size_t *ix, size_t n, const struct normtext *t)
{
    for (size_t i = 0; i < n; i++) {
        struct span *x = &s[ix[i]], joined;
        size_t j, xend = x->end, yend = 0;
        int other = 0;
        if (x->cat != CAT_PSEUDONYM)
            continue;
        /* the longest of the spans at x's start, then of those right after */
        for (j = i + 1; j < n && s[ix[j]].start == x->start; j++)
            if (s[ix[j]].cat == CAT_PSEUDONYM && s[ix[j]].end > xend)
                xend = s[ix[j]].end;
        if (xend >= t->normlen || t->norm[xend] != ' ' || !one_word(t, x->start, xend))
            continue;
        for (j = i + 1; j < n && s[ix[j]].start <= xend + 1; j++)
            if (s[ix[j]].start == xend + 1 && s[ix[j]].cat == CAT_PSEUDONYM) {
                other |= s[ix[j]].subject != x->subject;
                if (s[ix[j]].end > yend)
                    yend = s[ix[j]].end;
            }
        if (!other || yend == 0 || !one_word(t, xend + 1, yend))
            continue;
        joined = *x;
        neutral(&joined, x->term);
        joined.end = yend;
        for (j = 0; j < n; j++)
            if (s[ix[j]].cat == CAT_PSEUDONYM && s[ix[j]].start < joined.end &&
                s[ix[j]].end > joined.start)
                s[ix[j]] = joined;
    }
}

/* 1 for a span of a subject's name (a pseudonym's or a person term's). */
static int named(const struct span *s)
{
    return s->subject != 0 && s->rule < R_PATTERN && (s->cat == CAT_PSEUDONYM || s->cat == TERM_PERSON);
}

/* A subject's name read across a space into part of another subject's
 * name is no name of the first ("Гончар і Коваль": Гончар's form
 * гончарикова read on the key гончарікова.. of "Гончар і Кова", accepted
 * where Коваль's span cuts its word; issue 12, brief s42 wp42): settled
 * with the second's spans as one cluster, it would give the second
 * subject's words the first one's pseudonym.  Such a span x (a space
 * inside, its end strictly inside a span y of another subject that
 * starts after it) is dropped where another span of x's subject starts where x
 * starts and ends before y (x's first word stays replaced by it), else
 * cut back to the last letter before y (its letters still go, y keeps
 * its own subject).  A span over the other's whole span is left as it
 * was; one starting inside another's word is refused already (a spaced
 * hit must start with a capital: spaced_name, redact_hits.c).  Norm offsets; quadratic in the spans, each pass only for a span
 * with a space inside; no memory. */
static void cut_across_subjects(struct spans *sp, const struct normtext *t)
{
    enum { DROPPED = 99 };
    size_t i, j, k, o = 0, e;

    for (i = 0; i < sp->n; i++) {
        struct span *x = &sp->s[i];

        if (!named(x) || memchr(t->norm + x->start, ' ', x->end - x->start) == NULL)
            continue;
        for (j = 0; j < sp->n && x->rule != DROPPED; j++) {
            const struct span *y = &sp->s[j];

            if (j == i || y->rule == DROPPED || !named(y) || y->subject == x->subject ||
                !(x->start < y->start && y->start < x->end && x->end < y->end))
                continue;
            for (e = y->start; e > x->start && t->norm[e - 1] == ' '; e--)
                ;
            for (k = 0; k < sp->n; k++)
                if (k != i && sp->s[k].rule != DROPPED && named(&sp->s[k]) &&
                    sp->s[k].subject == x->subject && sp->s[k].start == x->start &&
                    sp->s[k].end <= e)
                    break;
            if (k < sp->n || e == x->start)
                x->rule = DROPPED;
            else
                x->end = e;
        }
    }
    for (i = 0; i < sp->n; i++)
        if (sp->s[i].rule != DROPPED)
            sp->s[o++] = sp->s[i];
    sp->n = o;
}

int redact_attrib(struct spans *sp, const struct redactor *r, const struct normtext *t)
{
    size_t *ix, n = 0, i, j, end, ka, kb;

    if (r->nsubjects < 2 || sp->n == 0)
        return 0;
    if (name_runs(sp, r, t) != 0)
        return -1;
    own_shared(sp, r, t);
    cut_across_subjects(sp, t);
    if ((ix = malloc(sp->n * sizeof *ix)) == NULL)
        return -1;
    for (i = 0; i < sp->n; i++)
        if (sp->s[i].cat == CAT_PSEUDONYM)
            ix[n++] = i;
    qsort_r(ix, n, sizeof *ix, by_start, sp->s);
    for (i = 0; i < n; i++) {
        struct span *x = &sp->s[ix[i]];
        if (!bare_word(t->norm, x->start, x->end))
            continue;
        key_range(&ka, &kb, t, x->start, x->end);
        if (other_gender(r, x->subject, t->key + ka, kb - ka))
            neutral(x, x->term);
    }
    for (i = 0; i < n; i = j) {
        end = sp->s[ix[i]].end;
        for (j = i + 1; j < n && sp->s[ix[j]].start < end; j++)
            if (sp->s[ix[j]].end > end)
                end = sp->s[ix[j]].end;
        if (j - i > 1)
            settle(sp->s, ix + i, j - i, ix, n, r, t);
    }
    for (i = 0; i < n; i++) {
        struct span *x = &sp->s[ix[i]];
        size_t oa, ob;
        if (x->cat != CAT_PSEUDONYM)
            continue;
        oa = t->ostart[x->start], ob = normtext_oend(t, x->end - 1);
        key_range(&ka, &kb, t, x->start, x->end);
        /* the cheap tests first: each of the others reads every literal */
        if (redact_attrib_masked(t->orig + oa, ob - oa) ||
            (text_chars(t->key + ka, kb - ka) >= 5 && leftover(r, x->subject, t->key + ka, kb - ka) > 0 &&
             near_other(r, x->subject, t->key + ka, kb - ka)))
            neutral(x, x->term);
    }
    join_pairs(sp->s, ix, n, t);
    free(ix);
    return 0;
}

void redact_attrib_join(struct spans *sp, const char *in)
{
    size_t i, o = 0, g;

    for (i = 0; i < sp->n; i++) {
        struct span *x = &sp->s[i], *p = o > 0 ? &sp->s[o - 1] : NULL;
        if (p != NULL && p->cat == CAT_PSEUDONYM && x->cat == CAT_PSEUDONYM &&
            p->subject == x->subject && x->start > p->end) {
            for (g = p->end; g < x->start; g++)
                if (in[g] != ' ' && in[g] != '\t' &&
                    !((unsigned char)in[g] == 0xC2 && g + 1 < x->start &&
                      (unsigned char)in[g + 1] == 0xA0 && ++g))
                    break;
            if (g == x->start) {
                p->end = x->end;
                p->review |= x->review, p->glued |= x->glued, p->word &= x->word;
                continue;
            }
        }
        sp->s[o++] = *x;
    }
    sp->n = o;
}
