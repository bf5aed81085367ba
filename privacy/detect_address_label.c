/* Addresses after a label, and the paragraph cut (brief s26 addr26;
 * split from detect_address_run.c, whose header gives the rule of a run
 * of parts): a PACI number (Kuwait's eight-digit civil address number,
 * the Public Authority for Civil Information's) after its label
 * (report-adv25a B-19); a postcode after its label ("Poskod: 88000",
 * "우편번호 04524", "индекс 210100"); a building-flat pair after a home
 * label ("Home - 12-34", "Home addr. 12-34", "우리집: 101-1203"); and
 * addr_cut_paragraphs, which ends an address span at a paragraph break.
 * The labels are written by hand from the testers' reports and the
 * postal address formats of Kuwait, Malaysia, Korea and Russia.  Offsets
 * in bytes of the norm view (lower case, ASCII digits). */
#include <stdlib.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- labels: PACI, postcode, home ---- */

/* Labels of a PACI number (the Public Authority for Civil Information's
 * eight-digit number of a home: Kuwait): the number follows within 40
 * bytes, in the same sentence. */
static const char *const paci_labels[] = { "paci", "civil address number", "civil address no",
                                           /* 주소 고유번호 адресный номер */
                                           "\xec\xa3\xbc\xec\x86\x8c \xea\xb3\xa0\xec\x9c\xa0\xeb\xb2\x88\xed\x98\xb8", "\xd0\xb0\xd0\xb4\xd1\x80\xd0\xb5\xd1\x81\xd0\xbd\xd1\x8b\xd0\xb9 \xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80" };
/* Labels of a postcode (its value follows at once, ':' maybe). */
static const char *const post_labels[] = { "poskod", "postcode", "post code", "postal code", "zip code",
                                           /* 우편번호 индекс почтовый индекс */
                                           "zipcode", "\xec\x9a\xb0\xed\x8e\xb8\xeb\xb2\x88\xed\x98\xb8", "\xd0\xb8\xd0\xbd\xd0\xb4\xd0\xb5\xd0\xba\xd1\x81", "\xd0\xbf\xd0\xbe\xd1\x87\xd1\x82\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9 \xd0\xb8\xd0\xbd\xd0\xb4\xd0\xb5\xd0\xba\xd1\x81" };
/* Labels of a home before a building-flat pair ("home - 12-34", "home
 * addr. 12-34", "우리집: 101-1203"). */
/* 우리집 자택 */
static const char *const home_labels[] = { "home addr", "home address", "home", "\xec\x9a\xb0\xeb\xa6\xac\xec\xa7\x91", "\xec\x9e\x90\xed\x83\x9d" };

/* The label of list[0..n) at i (a whole word at its start), its end; 0. */
static size_t label_at(const char *s, size_t len, size_t i, const char *const *list, size_t n)
{
    size_t l;

    for (size_t k = 0; k < n; k++)          /* the word's length only where it starts (strlen: 1% of redact) */
        if (det_starts(s, len, i, list[k]) &&
            ((l = strlen(list[k])), i + l >= len || !det_letter_at(s, len, i + l)))
            return i + l;
    return 0;
}

/* The PACI number after a label ending at e: the first digits within 40
 * bytes (no sentence's end before them), eight of them; its span, or 0. */
static size_t paci_number(const char *s, size_t len, size_t e, size_t *a)
{
    size_t j, nd;

    for (j = e; j < len && j < e + 40; j++) {
        if (strchr("!?;", s[j]) != NULL && s[j] != '\0')
            return 0;
        if (s[j] == '.' && j + 1 < len && s[j + 1] == ' ' && !(j >= 2 && det_starts(s, len, j - 2, "no")))
            return 0;
        if (det_digit(s[j])) {
            nd = det_digits(s, len, j);
            if (nd != 8 || det_letter_before(s, j) ||
                (j + nd < len && (det_alnum(s[j + nd]) || s[j + nd] == '-')))
                return 0;
            *a = j;
            return j + nd;
        }
    }
    return 0;
}

/* A value after a label ending at e: through '.', ' ', ':', '-' (one of
 * each at most); four to six digits (postcode) or a pair "12-34" (home);
 * its span, or 0. */
static size_t label_value(const char *s, size_t len, size_t e, int pair, size_t *a)
{
    size_t j = e, n1, n2;

    j += j < len && s[j] == '.';
    j += j < len && s[j] == ' ';
    j += j < len && (s[j] == ':' || s[j] == '-');
    j += j < len && s[j] == ' ';
    if (j == e)
        return 0;
    n1 = det_digits(s, len, j);
    if (!pair) {
        if (n1 < 4 || n1 > 6 || (j + n1 < len && (det_alnum(s[j + n1]) || s[j + n1] == '-')))
            return 0;
        return *a = j, j + n1;
    }
    if (n1 == 0 || n1 > 4 || j + n1 + 1 >= len || s[j + n1] != '-')
        return 0;
    n2 = det_digits(s, len, j + n1 + 1);
    if (n2 < 2 || n2 > 4 || (j + n1 + 1 + n2 < len && (det_digit(s[j + n1 + 1 + n2]) || s[j + n1 + 1 + n2] == '-')))
        return 0;
    return *a = j, j + n1 + 1 + n2;
}

int addr_label_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len)
{
    size_t i, e, a, b;

    for (i = 0; i < len; i++) {
        if (det_letter_before(s, i) || !det_letter_at(s, len, i))
            continue;
        b = 0;
        if ((e = label_at(s, len, i, paci_labels, N(paci_labels))) != 0)
            b = paci_number(s, len, e, &a);
        else if ((e = label_at(s, len, i, post_labels, N(post_labels))) != 0)
            b = label_value(s, len, e, 0, &a);
        else if ((e = label_at(s, len, i, home_labels, N(home_labels))) != 0)
            b = label_value(s, len, e, 1, &a);
        if (b != 0) {
            if (addr_merge(d, n, cap, a, b) != 0)
                return -1;
            i = b - 1;
        }
    }
    return 0;
}

/* ---- paragraphs ---- */

/* 1 if the norm byte k (a ' ') stands for white space of t's original
 * holding two line breaks or more (a paragraph's end). */
static int paragraph_at(const struct normtext *t, size_t k)
{
    size_t a, b, lines = 0;

    if (t->norm[k] != ' ' || t->ostart == NULL || t->orig == NULL)
        return 0;
    a = t->ostart[k];
    b = k + 1 < t->normlen ? t->ostart[k + 1] : t->inlen;
    for (; a < b && a < t->inlen; a++)
        lines += t->orig[a] == '\n';
    return lines >= 2;
}

int addr_cut_paragraphs(struct detection **d, size_t *n, size_t *cap, const struct normtext *t)
{
    size_t k, i, a;

    if (t->orig == NULL || memchr(t->orig, '\n', t->inlen) == NULL)
        return 0;
    for (k = 0; k < *n; k++) {
        if ((*d)[k].kind != DETECT_ADDRESS)
            continue;
        for (i = (*d)[k].start; i < (*d)[k].end && !paragraph_at(t, i); i++)
            ;
        if (i >= (*d)[k].end)
            continue;
        /* the part after the break is an address of its own when it
         * holds a digit; the part before ends at the break */
        a = i + 1;
        while (a < (*d)[k].end && !det_digit(t->norm[a]))
            a++;
        if (a < (*d)[k].end) {
            size_t e2 = (*d)[k].end, s2 = i + 1;
            if (*n == *cap) {
                struct detection *g = realloc(*d, (*cap ? *cap * 2 : 8) * sizeof **d);
                if (g == NULL)
                    return -1;
                *d = g, *cap = *cap ? *cap * 2 : 8;
            }
            memmove(*d + k + 2, *d + k + 1, (*n - k - 1) * sizeof **d);
            (*d)[k + 1].start = s2, (*d)[k + 1].end = e2, (*d)[k + 1].kind = DETECT_ADDRESS;
            (*n)++;
        }
        (*d)[k].end = i;
        while ((*d)[k].end > (*d)[k].start && strchr(" ,;:-", t->norm[(*d)[k].end - 1]) != NULL)
            (*d)[k].end--;
        for (a = (*d)[k].start; a < (*d)[k].end && !det_digit(t->norm[a]); a++)
            ;
        if (a == (*d)[k].end)
            (*d)[k].end = (*d)[k].start; /* no number before the break: dropped below */
    }
    for (k = 0, i = 0; k < *n; k++)
        if ((*d)[k].end > (*d)[k].start)
            (*d)[i++] = (*d)[k];
    *n = i;
    return 0;
}
