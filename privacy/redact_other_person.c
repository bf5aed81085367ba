/* Another person who shares a subject's given name (issue 12
 * over-redaction; brief s48 pub48, report-adv47 O-8, O-10, O-11,
 * O-19..O-21, O-24, O-28).  A table of public figures is never complete
 * (redact_sense_other.c); what every figure outside it has is a surname
 * that is not the subject's: "Mohamed Salah" for a subject Mohamed Mounir,
 * "Денис Мацуев" for Денис Толстой, "Остапа Вишні" for Остап Чорний.
 * Replacing the given name there gives "Hal Dorsey Salah": half of
 * another person's name, which tells the reader the subject is called
 * Mohamed and makes a public figure look like a redaction error.
 *
 * The rule (redact_other_person): a one-word hit of a subject's name
 * (a whole word, as written), followed over one space by a word that
 *  - starts with a capital and goes on in lower case (a name as written
 *    in running text: not "I", not an acronym, not a text in capitals,
 *    where case tells nothing), in Latin or Cyrillic letters, four
 *    letters or more (a shorter one, Ро, Ли, may be the subject's own
 *    short surname in a spelling the redactor does not read),
 *  - is covered by no hit and no review flag of any kind (the subject's
 *    own surname in any case form the redactor reads is a hit; another
 *    subject's is settled by redact_attrib's wrong-person rule),
 *  - is no patronymic (Денис Петрович: the subject's own given name and
 *    father's name, patronymic.h) and no near miss of any subject's name
 *    word (Denis Tolstoi: a misspelt own surname, redact_near_word),
 * and a subject registered with two name words or more (one who has a
 * surname the text could have used), is the other person's given name:
 * a review flag over it (name-or-word, marked OTHER_PERSON_MARK), the
 * word kept.  A person decides;
 * the redactor cannot tell another Mohamed from the subject under a
 * surname it was never told.  Deliberately left: a given name with no
 * word after it ("Mohamed came": replaced), a given name before a
 * capital at a line's end or before punctuation, scripts without case
 * (Arabic, Georgian, Hangul: no capital marks a surname there), and
 * another person's given name before the subject's surname ("Льва
 * Толстого": the figures' table). */
#include <stdint.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/patronymic.h"
#include "privacy/varlist.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/transcribe.h"
#include "util/text.h"

/* The mark this rule's review flags carry in struct span's word (unused
 * in a flag otherwise), so that redact_near_promote (redact_nearfix.c,
 * which defines the same value) promotes no near miss of the same extent
 * over them.  Kept out of the headers: every object depends on every
 * header (Makefile). */
#define OTHER_PERSON_MARK 2

/* 1 for a span of a subject's name (a pseudonym's or a person term's). */
static int named(const struct span *s)
{
    return s->subject != 0 && s->rule < R_PATTERN && (s->cat == CAT_PSEUDONYM || s->cat == TERM_PERSON);
}

/* The registered literals (no generated spelling, no initials, no
 * father's name) of subject s looked at, at most. */
#define OWN_LITS 64

/* 1 if subject s was registered with a name of two words or more: the
 * variant rules gave the name initials (G.B. of Giorgi Beridze), or one of
 * its registered literals is two others written together (the whole
 * name's key, محمدمنير of محمد منير: a script with no initials).  A name
 * of one word has neither. */
static int has_surname(const struct redactor *r, long s)
{
    size_t own[OWN_LITS], n = 0;

    for (size_t j = 0; j < r->nlits; j++) {
        const struct lit *l = &r->lits[j];
        if (r->terms[l->term].cat != NAME_CAT || r->terms[l->term].subject != s || l->father)
            continue;
        if (l->initials)
            return 1;
        if (!l->generated && l->keylen > 0 && n < OWN_LITS)
            own[n++] = j;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            const struct lit *w = &r->lits[own[i]], *p = &r->lits[own[j]];
            const char *wk = r->arena + r->keyoff[own[i]], *pk = r->arena + r->keyoff[own[j]];
            if (p->keylen >= w->keylen || memcmp(wk, pk, p->keylen) != 0)
                continue;
            for (size_t k = 0; k < n; k++)
                if (r->lits[own[k]].keylen == w->keylen - p->keylen &&
                    memcmp(r->arena + r->keyoff[own[k]], wk + p->keylen, w->keylen - p->keylen) == 0)
                    return 1;
        }
    return 0;
}

/* 1 if any span of sp overlaps norm bytes [a, b). */
static int covered(const struct spans *sp, size_t a, size_t b)
{
    for (size_t i = 0; i < sp->n; i++)
        if (sp->s[i].start < b && sp->s[i].end > a)
            return 1;
    return 0;
}

/* The letters another person's surname has at least: a shorter word
 * after a given name is as often the subject's own short surname in a
 * spelling the redactor does not read (Ро of a Korean 노 in Greek: "Ζίχο
 * Ρο", adv37-open line 208; Ли, Ро, Ан) as another person's. */
#define OTHER_SURNAME_MIN 4

/* 1 if the word at norm bytes [a, b) of t is written as a name in running
 * text in Latin or Cyrillic letters (the scripts whose readings the
 * redactor knows well enough to tell the subject's surname from
 * another's): a capital, then at least OTHER_SURNAME_MIN - 1 more
 * letters, the second in lower case. */
static int capitalised(const struct normtext *t, size_t a, size_t b)
{
    int cp, n;

    if ((n = utf8_next(&cp, t->norm + a, b - a)) <= 0 || !redact_upper_at(t, a) || (size_t)n >= b - a ||
        text_chars(t->norm + a, b - a) < OTHER_SURNAME_MIN || !((cp >= 'a' && cp <= 'z') ||
        (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x400 && cp <= 0x52F)))
        return 0;
    return !redact_upper_at(t, a + (size_t)n);
}

/* The consonant skeleton (transcribe_skeleton) of s[0..len) (norm bytes,
 * any script transcribe_reading reads) into out[cap]; its number of
 * classes, 0 if a letter has no reading or it does not fit. */
static size_t skeleton_of(char *out, size_t cap, const char *s, size_t len)
{
    char rd[96];
    size_t used = 0, c;
    int cp, n, m;

    for (size_t at = 0; at < len; at += (size_t)n) {
        if ((n = utf8_next(&cp, s + at, len - at)) <= 0 ||
            (m = transcribe_reading(rd + used, sizeof rd - used, cp)) < 0)
            return 0;
        used += (size_t)m;
    }
    c = used > 0 ? transcribe_skeleton(out, cap, rd, used) : 0;
    return c < cap ? c : 0;
}

/* 1 if the word w[0..len) has the consonant skeleton of one word of a
 * name subject s registered (not generated): its own surname in a script
 * the redactor does not read it in (Стоун of Julia Stone, xini43 line
 * 14), not another person's. */
static int own_word_skeleton(const struct redactor *r, long s, const char *w, size_t len)
{
    char ws[TRANSCRIBE_SKEL_MAX + 1], ls[TRANSCRIBE_SKEL_MAX + 1];
    size_t c = skeleton_of(ws, sizeof ws, w, len);

    for (size_t j = 0; c >= 2 && j < r->nlits; j++) {
        const struct lit *l = &r->lits[j];
        const char *k = r->arena + r->keyoff[j];
        if (r->terms[l->term].subject != s || r->terms[l->term].cat != NAME_CAT || l->generated ||
            l->initials || memchr(k, ' ', l->keylen) != NULL)
            continue;
        if (skeleton_of(ls, sizeof ls, k, l->keylen) == c && strcmp(ls, ws) == 0)
            return 1;
    }
    return 0;
}

/* 1 if the Cyrillic word w[0..len) ends in an ending only an oblique case
 * has (-у, -ю; -ом, -ем, -ём; -ым, -им; Ukrainian -ові, -еві, -єві):
 * Russian and Ukrainian grammar. */
static const char *oblique_end(const char *w, size_t len)
{
    static const char *const ends[] = { "ові", "еві", "єві", "ом", "ем", "ём", "ым", "им", "у", "ю" };

    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t n = strlen(ends[i]);
        if (len > n + 2 && memcmp(w + len - n, ends[i], n) == 0)
            return ends[i];
    }
    return NULL;
}

/* 1 if the word b[0..len) after a given name found in its own form, not
 * an inflected one (the caller asks only then), is in an oblique case: the
 * two disagree ("Слава Орлову позвонил": Slava called Orlov, sense33 line
 * 18), so they are not one person's given name and surname, which agree
 * (Денис Мацуев; Денису Мацуеву, Тарасові Шевченку and Остапа Вишню are
 * inflected given names, not asked). */
static int case_disagrees(const char *b, size_t len)
{
    return oblique_end(b, len) != NULL;
}

/* 1 if the span x of sp is the given name of another person, as the head
 * comment says. */
static int other_persons(const struct spans *sp, const struct spans *flags, const struct redactor *r,
                         const struct normtext *t, const struct span *x)
{
    size_t a = x->start, wend, na, nb;

    if (!named(x) || (a > 0 && is_word_cp(redact_cp_before(t->norm, a))) ||
        memchr(t->norm + a, ' ', x->end - a) != NULL)
        return 0;
    wend = redact_sense_run_end(t, a);
    if (wend < x->end || wend >= t->normlen || t->norm[wend] != ' ')
        return 0;
    na = wend + 1;
    nb = redact_sense_run_end(t, na);
    if (nb <= na || !capitalised(t, na, nb) || covered(sp, na, nb) || covered(flags, na, nb) ||
        patronymic_suffix_at(t->norm + na, nb - na) > 0 || redact_near_word(r, t->norm + na, nb - na) ||
        own_word_skeleton(r, x->subject, t->norm + na, nb - na) ||
        (x->rule != RULE_INFLECTION && case_disagrees(t->norm + na, nb - na)))
        return 0;
    return has_surname(r, x->subject);
}

int redact_other_person(struct spans *sp, struct spans *flags, const struct redactor *r,
                        const struct normtext *t)
{
    enum { DROPPED = 99 };
    size_t i, o = 0;

    for (i = 0; i < sp->n; i++) {
        struct span *x = &sp->s[i], f;
        size_t wend, lit;

        if (x->rule == DROPPED || !other_persons(sp, flags, r, t, x))
            continue;
        f = *x;
        for (lit = 0; lit < r->nlits && r->lits[lit].term != x->term; lit++)
            ;
        wend = redact_sense_run_end(t, x->start);
        f.end = wend;
        f.cat = FLAG_NAME_OR_WORD;
        f.term = lit < r->nlits ? lit : SIZE_MAX;
        f.review = 1;
        f.word = OTHER_PERSON_MARK;
        if (redact_span_add(flags, &f) != 0)
            return -1;
        /* every name span of the word goes: the word stays, flagged */
        for (size_t j = 0; j < sp->n; j++)
            if (named(&sp->s[j]) && sp->s[j].start < wend && sp->s[j].end > f.start)
                sp->s[j].rule = DROPPED;
    }
    for (i = 0; i < sp->n; i++)
        if (sp->s[i].rule != DROPPED)
            sp->s[o++] = sp->s[i];
    sp->n = o;
    return 0;
}
