/* A name form that is also a word, beside a name (brief s25 slav25,
 * issue 12, report-adv24 ): Тала (Наталья's Ukrainian short
 * form, and a word: "тала вода") and Ales (Алесь in Latin, and English
 * "ales") are review flags alone, but "Тала Кузнецова" and "Ales
 * Kuzniacou" are a given name and a surname written as one name: the
 * short form names the person, so it is replaced with the surname (a
 * flag left beside a replaced surname kept the given name in the
 * bundle's text: "Тала Pavel").  Where the two are forms of two
 * subjects the pair is one [PERSON-n] (redact_attrib.c).  Called by
 * redact_run.c; calls nothing above privacy/. */
#include <stdint.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"

/* 1 if norm bytes [a, b) of t are one word (no space). */
static int one_word(const struct normtext *t, size_t a, size_t b)
{
    return a < b && memchr(t->norm + a, ' ', b - a) == NULL;
}

/* 1 if the one-word name span p stands beside norm [a, b), one space
 * between them, on either side. */
static int beside(const struct normtext *t, const struct span *p, size_t a, size_t b)
{
    if (p->cat != CAT_PSEUDONYM || !one_word(t, p->start, p->end))
        return 0;
    return (p->start == b + 1 && b < t->normlen && t->norm[b] == ' ') ||
           (a == p->end + 1 && p->end < t->normlen && t->norm[p->end] == ' ');
}

/* Where the subject's own initials after a given name at norm byte p end
 * ("Bora L.", "Бора Л. Б.": report-adv37 L-13, the surname's initial
 * names the person as the surname would): one space, then one to three
 * capitals of the subject's initials (redact_own_initials_at), the last
 * with its full stop; p if none. */
static size_t own_initial_after(const struct redactor *r, long subject, const struct normtext *t,
                                size_t p)
{
    size_t e;
    int n;

    if (p + 2 >= t->normlen || t->norm[p] != ' ')
        return p;
    e = redact_own_initials_at(r, subject, t, p + 1, t->normlen, &n);
    return e != (size_t)-1 && t->norm[e - 1] == '.' && !redact_crosses_line(t, p, e) ? e : p;
}

int redact_beside_names(struct spans *sp, struct spans *flags, const struct redactor *r,
                        const struct normtext *t)
{
    size_t i, j, kept = 0, nsp = sp->n;

    for (i = 0; i < flags->n; i++) {
        struct span f = flags->s[i];
        const struct lit *l;
        size_t end = 0;
        int adopt = 0;
        if ((f.cat == FLAG_SHORT_NAME || f.cat == FLAG_NAME_OR_WORD) && f.term < r->nlits &&
            one_word(t, f.start, f.end) && redact_upper_at(t, f.start)) {
            l = &r->lits[f.term];
            adopt = r->terms[l->term].cat == NAME_CAT && l->person && !l->father &&
                    !l->initials && !l->shared;
            for (j = 0; adopt && j < nsp; j++)
                if (beside(t, &sp->s[j], f.start, f.end))
                    break;
            if (adopt && j == nsp)
                adopt = (end = own_initial_after(r, r->terms[l->term].subject, t, f.end)) > f.end;
        }
        if (!adopt) {
            flags->s[kept++] = f;
            continue;
        }
        l = &r->lits[f.term];
        if (end > f.end)
            f.end = redact_initials_stop(t, f.start, end);
        f.cat = CAT_PSEUDONYM;
        f.subject = r->terms[l->term].subject;
        f.term = l->term;
        f.review = 0;
        f.word = 1;
        if (redact_span_add(sp, &f) != 0)
            return -1;
    }
    flags->n = kept;
    return 0;
}

/* 1 if norm bytes [a, b) of t are a whole word: no letter or digit
 * glued on either side. */
static int whole_word(const struct normtext *t, size_t a, size_t b)
{
    int cp;

    return (a == 0 || !is_word_cp(redact_cp_before(t->norm, a))) &&
           (b >= t->normlen || utf8_next(&cp, t->norm + b, t->normlen - b) <= 0 || !is_word_cp(cp));
}

/* Code points in norm bytes [a, b) of t. */
static int letters(const struct normtext *t, size_t a, size_t b)
{
    int n = 0;

    for (size_t p = a; p < b; p++)
        n += ((unsigned char)t->norm[p] & 0xC0) != 0x80;
    return n;
}

int redact_beside_lower(struct spans *sp, struct spans *pending, const struct redactor *r,
                        const struct normtext *t)
{
    size_t i, j, nsp = sp->n;

    for (i = 0; i < pending->n; i++) {
        size_t lit = pending->s[i].term, kend = pending->s[i].end, a, b;
        const struct lit *l;
        struct span s;
        if (lit == SIZE_MAX || lit >= r->nlits)
            continue;
        l = &r->lits[lit];
        if (r->terms[l->term].cat != NAME_CAT || !l->person || l->father || l->initials ||
            l->shared || kend < l->keylen)
            continue;
        a = t->kpos[kend - l->keylen], b = t->kpos[kend - 1] + 1;
        while (b < t->normlen && ((unsigned char)t->norm[b] & 0xC0) == 0x80)
            b++;
        if (!one_word(t, a, b) || !whole_word(t, a, b) || redact_upper_at(t, a) || letters(t, a, b) < 4)
            continue;
        for (j = 0; j < nsp; j++)
            if (sp->s[j].subject == r->terms[l->term].subject &&
                beside(t, &sp->s[j], a, b))
                break;
        if (j == nsp)
            continue;
        memset(&s, 0, sizeof s);
        s.start = a, s.end = b, s.rule = l->rule, s.cat = CAT_PSEUDONYM;
        s.subject = r->terms[l->term].subject, s.term = l->term, s.word = 1;
        if (redact_span_add(sp, &s) != 0)
            return -1;
        pending->s[i].term = SIZE_MAX;
    }
    return 0;
}
