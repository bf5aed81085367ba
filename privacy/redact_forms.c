/* Name forms beside a person's name (brief i12-forms): what still names
 * the person next to a replaced name, taken into its replacement. */
#include <string.h>

#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/romanise.h"
#include "privacy/variants.h"

/* Longest abbreviation of a name part read before a name ("Батб."). */
#define ABBREV_MAX_CHARS 6

/* 1 if key[0..n) (ASCII lower case) starts a handle piece (a spelling of
 * a part of a name, redact_handles.c; sorted) of a name of subject;
 * n < HANDLE_PIECE_MAX. */
static int starts_piece(const struct redactor *r, long subject, const char *key, size_t n)
{
    size_t lo = 0, hi = r->npieces, mid;

    while (lo < hi) {           /* the first piece not below key */
        mid = (lo + hi) / 2;
        if (memcmp(r->pieces[mid].s, key, n) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < r->npieces && memcmp(r->pieces[lo].s, key, n) == 0; lo++)
        if (r->pieces[lo].len > n && r->terms[r->pieces[lo].term].subject == subject)
            return 1;
    return 0;
}

size_t redact_abbrev_before(const struct redactor *r, size_t term, const struct normtext *t,
                            size_t p)
{
    char key[4 * ABBREV_MAX_CHARS + 1];
    size_t q = p, w, k = 0, chars = 0, o;
    int cp, n, l;

    if (q > 0 && t->norm[q - 1] == ' ')
        q--;
    if (q < 3 || t->norm[q - 1] != '.' || term >= r->nterms)
        return p;
    for (w = q - 1; w > 0 && is_word_cp(redact_cp_before(t->norm, w)); chars++) {
        w--;
        while (w > 0 && ((unsigned char)t->norm[w] & 0xC0) == 0x80)
            w--;
    }
    if (chars < 2 || chars > ABBREV_MAX_CHARS || (w > 0 && t->norm[w - 1] != ' '))
        return p;
    /* Written with a capital: "Bat.", "Батб." */
    o = t->ostart[w];
    if (utf8_next(&cp, t->orig + o, normtext_oend(t, w) - o) <= 0 || !normalise_is_upper(cp))
        return p;
    /* Its letters in Latin, as the pieces are spelled. */
    for (size_t i = w; i < q - 1; i += (size_t)n) {
        if ((n = utf8_next(&cp, t->norm + i, q - 1 - i)) <= 0)
            return p;
        if (cp < 0x80 && cp >= 'a' && cp <= 'z') {
            key[k++] = (char)cp;
            continue;
        }
        if (!is_cyrillic_cp(cp) || (l = romanise_reading(key + k, sizeof key - 1 - k, cp, 1)) < 0)
            return p;
        k += (size_t)l;
    }
    return k > 0 && k < HANDLE_PIECE_MAX && starts_piece(r, r->terms[term].subject, key, k) ? w : p;
}

/* ---- A surname apart from the given name (brief i12-forms, item 5) ----
 * "Kim's brother Jong-su", "Kim, Jong-su", "Jong-su, Kim": the subject's
 * surname a few words from a replaced name of theirs, in the same clause,
 * is replaced too. */

#define NEAR_WORDS 3            /* words read on each side of a name */

/* A norm byte that ends the clause a name stands in. */
static int clause_end(unsigned char c)
{
    return c < 0x80 && c != ' ' && c != ',' && c != '\'' && c != '-' &&
           !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
}

/* The key of norm [w, e) in lower-case Latin (Cyrillic letters and Hangul
 * syllables by their usual reading) in key[0..cap); its length, or 0. */
static size_t latin_key(char *key, size_t cap, const struct normtext *t, size_t w, size_t e)
{
    size_t k = 0;
    int cp, n, l;

    for (size_t i = w; i < e; i += (size_t)n) {
        if ((n = utf8_next(&cp, t->norm + i, e - i)) <= 0)
            return 0;
        if (cp >= 'a' && cp <= 'z' && k + 1 < cap) {
            key[k++] = (char)cp;
            continue;
        }
        if (!(is_cyrillic_cp(cp) || is_hangul_cp(cp)) ||
            (l = romanise_reading(key + k, cap - 1 - k, cp, 1)) <= 0)
            return 0;
        k += (size_t)l;
    }
    return k;
}

/* 1 if norm [w, e) is the surname of subject as it is written beside a
 * name: a frequent surname (variants_is_surname) that is a part of one of
 * the subject's names, with a capital in Latin or Cyrillic, alone in
 * Hangul (김, or 김의). */
static int subject_surname(const struct redactor *r, long subject, const struct normtext *t,
                           size_t w, size_t e)
{
    char key[HANDLE_PIECE_MAX];
    size_t k, o = t->ostart[w], lo = 0, hi = r->npieces, mid;
    int cp;

    if (utf8_next(&cp, t->orig + o, normtext_oend(t, w) - o) <= 0)
        return 0;
    if (is_hangul_cp(cp) ? !variants_is_surname(t->norm + w, e - w) : !normalise_is_upper(cp))
        return 0;
    if ((k = latin_key(key, sizeof key, t, w, e)) == 0 || !variants_is_surname(key, k))
        return 0;
    while (lo < hi) {
        mid = (lo + hi) / 2;
        if (memcmp(r->pieces[mid].s, key, k) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < r->npieces && memcmp(r->pieces[lo].s, key, k) == 0; lo++)
        if (r->pieces[lo].len == k && r->terms[r->pieces[lo].term].subject == subject)
            return 1;
    return 0;
}

/* 1 if norm [a, b) overlaps a span of sp. */
static int covered(const struct spans *sp, size_t a, size_t b)
{
    for (size_t i = 0; i < sp->n; i++)
        if (sp->s[i].start < b && a < sp->s[i].end)
            return 1;
    return 0;
}

/* The code point at norm byte q (dir 1) or before it (dir -1) and its
 * length in *n; -1 at the text's end. */
static int cp_at(const struct normtext *t, size_t q, int dir, size_t *n)
{
    size_t a = q;
    int cp;

    if (dir > 0) {
        int k = q < t->normlen ? utf8_next(&cp, t->norm + q, t->normlen - q) : -1;
        *n = k > 0 ? (size_t)k : 1;
        return k > 0 ? cp : -1;
    }
    if (q == 0)
        return -1;
    a--;
    while (a > 0 && ((unsigned char)t->norm[a] & 0xC0) == 0x80)
        a--;
    *n = q - a;
    return utf8_next(&cp, t->norm + a, q - a) > 0 ? cp : -1;
}

/* The next word from norm byte p in direction dir (1 forward, -1 back),
 * in [*w, *e); 0 at the clause's end.  Hyphens join a word ("Jong-su"). */
static int next_word(const struct normtext *t, size_t p, int dir, size_t *w, size_t *e)
{
    size_t q = p, n;
    int cp;

    while ((cp = cp_at(t, q, dir, &n)) >= 0 && !is_word_cp(cp)) {
        if (cp >= 0x80 || clause_end((unsigned char)cp))
            return 0;
        q = dir > 0 ? q + n : q - n;
    }
    if (cp < 0)
        return 0;
    if (dir > 0)
        *w = q;
    else
        *e = q;
    while ((cp = cp_at(t, q, dir, &n)) >= 0 && (is_word_cp(cp) || cp == '-'))
        q = dir > 0 ? q + n : q - n;
    if (dir > 0)
        *e = q;
    else
        *w = q;
    return *e > *w;
}

/* 1 if the word after norm byte e (one space) starts with a capital: the
 * surname begins another full name ("Kim Il-sung"). */
static int name_follows(const struct normtext *t, size_t e)
{
    size_t o;
    int cp;

    if (e + 1 >= t->normlen || t->norm[e] != ' ')
        return 0;
    o = t->ostart[e + 1];
    return utf8_next(&cp, t->orig + o, normtext_oend(t, e + 1) - o) > 0 && normalise_is_upper(cp);
}

int redact_surname_near(struct spans *sp, const struct redactor *r, const struct normtext *t)
{
    size_t n0 = sp->n, i, p, w, e, we;
    int dir, k;

    for (i = 0; i < n0; i++) {
        struct span s = sp->s[i];
        if (s.term == SIZE_MAX || s.term >= r->nterms ||
            (r->terms[s.term].cat != NAME_CAT && r->terms[s.term].cat != TERM_PERSON))
            continue;
        for (dir = -1; dir <= 1; dir += 2) {
            p = dir < 0 ? s.start : s.end;
            for (k = 0; k < NEAR_WORDS && next_word(t, p, dir, &w, &e); k++) {
                p = dir < 0 ? w : e;
                /* "Kim's": the word before the possessive */
                we = e;
                if (dir > 0 ? w == s.end : e == s.start)
                    continue;           /* glued to the name: its particle (林英男이) */
                if (e - w == 1 && t->norm[w] == 's' && w > 0 && t->norm[w - 1] == '\'')
                    continue;
                if (we > w && t->norm[we - 1] == '-')
                    we--;
                if (we - w == 6 && memcmp(t->norm + w + 3, "의", 3) == 0)
                    we -= 3;            /* 김의 동생 종수: Kim's brother */
                if (covered(sp, w, we) || name_follows(t, we) ||
                    !subject_surname(r, r->terms[s.term].subject, t, w, we))
                    continue;
                if (k == 0 && (dir < 0 ? s.start - we : w - s.end) == 2 &&
                    memcmp(t->norm + (dir < 0 ? we : s.end), ", ", 2) == 0) {
                    /* "Kim, Jong-su", "Jong-su, Kim": one name */
                    if (dir < 0)
                        sp->s[i].start = s.start = w;
                    else
                        sp->s[i].end = s.end = we;
                } else {
                    struct span add = s;
                    add.start = w, add.end = we, add.word = 0, add.review = 0, add.glued = 0;
                    if (redact_span_add(sp, &add) != 0)
                        return -1;
                }
            }
        }
    }
    return 0;
}

/* ---- Degrees and other dotted abbreviations (brief i12-forms, F39) ----
 * "B.A.", "M.B.A.", "Ph.D.", "U.S." read as a person's initials made
 * false replacements.  Written with full stops, these are the usual
 * English abbreviations of degrees, countries and Latin (from style
 * guides' lists: Chicago Manual 10.20-10.21, the degrees universities
 * award), lower case without the stops. */
static const char *const dotted[] = {
    "ad", "al", "am", "ba", "bba", "bc", "bce", "bed", "beng", "bs", "bsc", "ce", "cf", "co",
    "dc", "dds", "dphil", "dprk", "ed", "edd", "eg", "etc", "eu", "ie", "jd", "jr", "llb",
    "llm", "ma", "mba", "md", "med", "meng", "mfa", "mphil", "ms", "msc", "nb", "no", "pm",
    "phd", "prc", "ps", "rn", "rok", "sr", "st", "uae", "uk", "un", "us", "usa", "ussr", "vs",
};

int redact_dotted_abbrev(const struct normtext *t, size_t a, size_t b)
{
    char key[8];
    size_t k = 0, dots = 0, i;

    /* the run of letters and full stops the hit lies in */
    while (a > 0 && ((t->norm[a - 1] >= 'a' && t->norm[a - 1] <= 'z') || t->norm[a - 1] == '.'))
        a--;
    while (b < t->normlen && ((t->norm[b] >= 'a' && t->norm[b] <= 'z') || t->norm[b] == '.'))
        b++;
    for (i = a; i < b; i++) {
        if (t->norm[i] == '.') {
            dots++;
            continue;
        }
        if (k + 1 >= sizeof key)
            return 0;
        key[k++] = t->norm[i];
    }
    if (dots == 0 || k == 0 || (a > 0 && is_word_cp(redact_cp_before(t->norm, a))) ||
        (b < t->normlen && t->norm[b] != ' ' && is_word_cp((unsigned char)t->norm[b])))
        return 0;
    key[k] = '\0';
    for (i = 0; i < sizeof dotted / sizeof dotted[0]; i++)
        if (strcmp(dotted[i], key) == 0)
            return 1;
    return 0;
}

/* ---- A Hangul term glued to a noun (brief i12-forms, item 8) ----
 * Nouns written glued after a place's name in testimony (청진역앞에서,
 * 청진제철소, 청진앞바다): where in or near the place, and what in it.
 * A continuation must start with one; what follows them is free. */
static const char *const place_nouns[] = {
    "역", "앞", "뒤", "옆", "근처", "부근", "주변", "일대", "지역", "외곽", "시내", "바다",
    "바닷가", "항구", "항", "부두", "공장", "제철소", "광산", "탄광", "기업소", "시장",
    "장마당", "병원", "학교", "대학", "터미널", "거리", "방면", "방향", "시", "군", "구",
    "읍", "동", "리", "사람", "출신", "집", "감옥", "수용소", "교화소", "보위부", "안전부",
};

int redact_term_glued_ko(const struct normtext *t, const struct redact_form *f, size_t keylen,
                         size_t nstart, size_t nend, size_t wend)
{
    size_t p;
    int cp, k;

    if (f->person || f->suffix != SUFFIX_KO || keylen < 6 || wend <= nend ||
        utf8_next(&cp, t->norm + nstart, t->normlen - nstart) <= 0 || !is_hangul_cp(cp))
        return 0;
    for (p = nend; p < wend; p += (size_t)k)
        if ((k = utf8_next(&cp, t->norm + p, wend - p)) <= 0 || !is_hangul_cp(cp))
            return 0;
    for (size_t i = 0; i < sizeof place_nouns / sizeof place_nouns[0]; i++)
        if (strlen(place_nouns[i]) <= wend - nend &&
            memcmp(t->norm + nend, place_nouns[i], strlen(place_nouns[i])) == 0)
            return !redact_ordinary_ko(t->norm + nstart, wend - nstart, 0);
    return 0;
}
