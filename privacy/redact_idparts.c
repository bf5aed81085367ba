/* Parts of registered numbers (issue 12, report-adv20 R-10, brief s21
 * glue21): with an id, account or other term that holds six digits or
 * more registered ("УБ75031412", "M4829173", "5012345678"), a part of its
 * digits, in order, is that term:
 *   - written in digits: six digits or more, in groups or not
 *     ("75-03-14-12", "031412", "4829-173", "ends in 829173");
 *   - said in number words: four digits or more ("долоо тав тэг гурав",
 *     "four eight two nine", and English digit words glued in one word,
 *     "fourEightTwoNine"), since a run of number words is a number said
 *     on purpose.
 * A part is replaced as the term ([ID-n], [ACCOUNT-n]), never a review
 * flag.  Four or five written digits ("0314", "1412") are left: a year or
 * an amount shares four digits with a registered number by chance too
 * often (docs/VARIANTS.md "Session 21"), unless a word before them says
 * a part of a number is meant ("the last four digits are 1412",
 * "뒷자리 1412", "сүүлийн 4 орон нь 1412": part_cue_before, brief s22
 * num22).  Digits a pattern detector
 * replaced already are left to it. */
#include <sodium.h>
#include <string.h>

#include "privacy/detect_int.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"

#define PART_WRITTEN 6          /* digits of a written part, at least */
#define PART_SPLIT 7            /* digits of a part whose groups are split by ", " ";" a word... */
#define PART_SPOKEN 4           /* digits of a part said in words, at least */
#define PART_MAX 40             /* digits of one run read, at most */
#define PART_CUED 4             /* digits of a written part after a cue word, at least */
#define CUE_WINDOW 40           /* bytes before a part a cue word may stand in */

/* 1 if words saying that part of a number is meant ("the last four",
 * "digits", "ends in", 자리 "digit place" as in 뒷자리, Mongolian орон,
 * Russian цифры) stand in the
 * CUE_WINDOW bytes of norm text before at (brief s22 num22, kind 5). */
static int part_cue_before(const char *s, size_t at)
{
    static const char *const cues[] = {
        "last four", "last 4", "last five", "last 5", "first four", "first 4", "first five",
        "first 5", "ends in", "ending in", "ends with", "digits",
        /* brief s26 num26 (report-adv25b C-14, adv25a B-26): "ending",
         * "ended in", Russian заканчивается/оканчивается, Ukrainian
         * закінчується, Malay berakhir, Korean 끝 (끝나는); hand-written */
        "ending", "ends", "ended", "заканчива", "оканчива", "закінчу", "berakhir", "끝",
        "\xec\x9e\x90\xeb\xa6\xac",                         /* 자리 (끝자리, 뒷자리, 네 자리) */
        "\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbd",             /* орон (digit place: 4 орон) */
        "\xd1\x86\xd0\xb8\xd1\x84\xd1\x80",             /* цифр(ы) */
    };
    size_t a = at > CUE_WINDOW ? at - CUE_WINDOW : 0;

    for (size_t k = 0; k < sizeof cues / sizeof cues[0]; k++)
        if (memmem(s + a, at - a, cues[k], strlen(cues[k])) != NULL)
            return 1;
    return 0;
}

/* 1 if literal lit is of a number-holding category (id, account, other). */
static int number_lit(const struct redactor *r, size_t lit)
{
    int cat = r->terms[r->lits[lit].term].cat;

    return cat == TERM_ID || cat == TERM_ACCOUNT || cat == TERM_OTHER;
}

/* The literal whose key's digits (its other characters left out) hold
 * d[0..n) in order, with PART_WRITTEN digits or more; SIZE_MAX if none.
 * Linear in the literals' key bytes: asked only of runs no detector
 * took. */
static size_t part_of(const struct redactor *r, const char *d, size_t n)
{
    char k[PART_MAX * 2];
    size_t i, j, m;

    for (i = 0; i < r->nlits; i++) {
        const char *key = r->arena + r->keyoff[i];
        if (!number_lit(r, i) || r->lits[i].keylen < n)
            continue;
        for (j = 0, m = 0; j < r->lits[i].keylen && m < sizeof k; j++)
            if (key[j] >= '0' && key[j] <= '9')
                k[m++] = key[j];
        if (m >= PART_WRITTEN && m >= n && memmem(k, m, d, n) != NULL) {
            sodium_memzero(k, sizeof k);
            return i;
        }
    }
    sodium_memzero(k, sizeof k);
    return SIZE_MAX;
}

/* 1 if a pattern detector's span (in out) lies over [a, b). */
static int detected(const struct spans *sp, size_t a, size_t b)
{
    for (size_t i = 0; i < sp->n; i++)
        if (sp->s[i].rule == R_PATTERN && sp->s[i].start < b && sp->s[i].end > a)
            return 1;
    return 0;
}

static int add_part(struct spans *out, const struct redactor *r, size_t lit, size_t a, size_t b)
{
    const struct term *tm = &r->terms[r->lits[lit].term];
    struct span s = { a, b, tm->cat, r->lits[lit].rule, tm->subject, r->lits[lit].term, 0, 0, 0 };

    return redact_span_add(out, &s) == 0 ? 0 : -1;
}

/* The length of a split gap at s[i] before a digit (brief s24 num24):
 * spaces with ", " ";" ":" a quote or ". ", an ellipsis, any split mark
 * of split_marks.c (brief s25 num25), or one word of up to four
 * letters ("then", "и", "및") or a joiner of joiners.c ("а также":
 * brief s26 num26), 12 bytes at most besides the joiner; 0 if none.  A ',' or
 * '.' right before a digit is no split gap ("1,234,567" stays one amount,
 * read by no run here). */
static size_t split_gap(const char *s, size_t len, size_t i)
{
    size_t j = i, chars = 0, n, jn, extra = 0;
    int marks = 0, words = 0, cp, k;

    while (j < len && j - i <= 12 + extra) {
        char c = s[j];
        if (c >= '0' && c <= '9')
            return marks + words > 0 ? j - i : 0;
        if (c == ' ')
            j++;
        else if (c == '.' && det_dots(s, len, j) > 0)
            marks++, j += det_dots(s, len, j);            /* "9911 ... 2233" */
        else if ((unsigned char)c >= 0x80 && det_split_mark(s, len, j, &n))
            marks++, j += n;            /* « » “ ” 「 」 、 … (split_marks.c) */
        else if (c == ',' && j + 1 < len && (s[j + 1] == ' ' || s[j + 1] == '"'))
            marks++, j++;
        else if (c == '.' && j + 2 < len && s[j + 1] == ' ' && s[j + 2] >= '0' && s[j + 2] <= '9')
            marks++, j++;       /* "89. 4. 15.", not a sentence's end before a word */
        else if (c == ';' || c == '"' || c == '\'' || (c == ':' && ((j > i && s[j - 1] == ' ') ||
                                                                  (j + 1 < len && s[j + 1] == ' '))))
            marks++, j++;
        else if ((jn = det_joiner_at(s, len, j)) > j) {
            if (words++ > 0)
                return 0;
            extra = jn - j, j = jn;     /* "а также", "그리고" (joiners.c) */
        }
        else if ((k = utf8_next(&cp, s + j, len - j)) > 0 && is_word_cp(cp) && !(c >= '0' && c <= '9')) {
            if (words++ > 0)
                return 0;
            for (chars = 0; j < len && (k = utf8_next(&cp, s + j, len - j)) > 0 && is_word_cp(cp) &&
                            !(s[j] >= '0' && s[j] <= '9'); j += (size_t)k)
                chars++;
            if (chars > 4)
                return 0;
        } else
            return 0;
    }
    return 0;
}

/* The end of a run of written digits at s[at] (groups joined by one '-',
 * '.', '/' or space, or by a split gap: *split set), its digits in
 * d[0..*n); 0 if it has more than cap. */
static size_t written_run(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n, int *split,
                          int splits)
{
    size_t i = at, end = at, g;

    *n = 0, *split = 0;
    while (i < len) {
        if (s[i] >= '0' && s[i] <= '9') {
            if (*n == cap)
                return 0;
            d[(*n)++] = s[i++];
            end = i;
        } else if (i > at && i + 1 < len && strchr("-./ ", s[i]) != NULL && s[i + 1] >= '0' &&
                   s[i + 1] <= '9') {
            i++;
        } else if (splits && i > at && (g = split_gap(s, len, i)) > 0) {
            i += g, *split = 1;
        } else {
            break;
        }
    }
    return end;
}

/* 1 if a word character starts at norm byte p of s[0..len). */
static int word_at(const char *s, size_t len, size_t p)
{
    int cp;

    return p < len && utf8_next(&cp, s + p, len - p) > 0 && is_word_cp(cp);
}

/* English digit words glued in one word ("foureighttwonine", written
 * fourEightTwoNine): the word's end and its digits, or 0 unless the whole
 * word is such words. */
static size_t glued_words(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n)
{
    static const char *const w[] = { "zero", "one", "two", "three", "four",
                                     "five", "six", "seven", "eight", "nine" };
    size_t i = at, k;

    *n = 0;
    while (i < len && s[i] >= 'a' && s[i] <= 'z') {
        for (k = 0; k < 10; k++)
            if (strlen(w[k]) <= len - i && memcmp(s + i, w[k], strlen(w[k])) == 0)
                break;
        if (k == 10 || *n == cap)
            return 0;
        d[(*n)++] = (char)('0' + k);
        i += strlen(w[k]);
    }
    return word_at(s, len, i) ? 0 : i;
}

/* The count of digits in literal lit's key. */
static size_t key_digits(const struct redactor *r, size_t lit)
{
    const char *key = r->arena + r->keyoff[lit];
    size_t m = 0;

    for (size_t j = 0; j < r->lits[lit].keylen; j++)
        m += key[j] >= '0' && key[j] <= '9';
    return m;
}

/* Where a part found at p starts with the registered term's letters
 * before it (brief s24 num24: "Passport M, 482, 9173", "регистр УБ, 75,
 * 03, 14, 12"): the letters its key starts with, as a word before p
 * across ", " or any split mark ("M… 482… 9173", "“M” “482”": brief s25
 * num25; plain spaces are the other rules'), with an ID label
 * (detect_label.c's list) in the three words before them or, when the
 * part is all the term's digits (whole), without one ("It is M, 482,
 * 9173"); p if not. */
static size_t letters_before(const struct redactor *r, size_t lit, const char *s, size_t p, int whole)
{
    const char *key = r->arena + r->keyoff[lit];
    size_t nl = 0, a, we, end;

    while (nl < r->lits[lit].keylen && !(key[nl] >= '0' && key[nl] <= '9'))
        nl++;
    if (nl == 0 || nl > 8 || (we = det_word_ending_marks(s, p, " ,;:-\".", &a)) == 0 || p - we > 12 ||
        we - a != nl || memcmp(s + a, key, nl) != 0 || !det_split_between(s, we, p))
        return p;
    if (whole)
        return a;
    end = a;
    for (int k = 0; k < 3 && (we = det_word_ending_marks(s, end, " ,;:-\"'.#", &a)) != 0; k++) {
        if (detect_id_label(s + a, we - a))
            return end;
        end = a;
    }
    return p;
}

int redact_id_parts(struct spans *out, const struct redactor *r, const struct normtext *t)
{
    char d[PART_MAX];
    size_t p = 0, end, n, lit;
    int rc = 0, second, split = 0, splits = 1, sum;

    if (!r->id_parts)
        return 0;
    while (p < t->normlen && rc == 0) {
        unsigned char c = (unsigned char)t->norm[p];
        size_t nb;
        int before = p > 0 ? det_cp_before(t->norm, p, &nb) : -1;
        end = 0, n = 0, split = 0;     /* split is the digit run's alone */
        if (before >= 0 && is_word_cp(before)) {
            p++;
            continue;
        }
        if (c >= '0' && c <= '9') {
            if ((end = written_run(t->norm, t->normlen, p, d, sizeof d, &n, &split, splits)) != 0 &&
                ((n < (split ? PART_SPLIT : PART_WRITTEN) &&
                  (n < PART_CUED || !(part_cue_before(t->norm, p) || det_mask_before(t->norm, p)))) ||
                 word_at(t->norm, t->normlen, end)))
                end = 0;
        } else if ((c >= 'a' && c <= 'z') || c >= 0xC0) {
            if ((end = detect_spoken_reading_two(t->norm, t->normlen, p, d, sizeof d, &n, PART_SPOKEN,
                                                 &second)) == 0)
                end = glued_words(t->norm, t->normlen, p, d, sizeof d, &n);
            if (n < PART_SPOKEN)
                end = 0;
        }
        if (end == 0) {
            splits = 1, p++;
            continue;
        }
        /* A sum is no part of a number ("The price was 12345678",
         * report-adv27a O-5): a written part, not the whole, no cue. */
        sum = c >= '0' && c <= '9' && !split && !part_cue_before(t->norm, p) &&
              (det_money_around(t->norm, t->normlen, p, end) || det_amount_before(t->norm, t->normlen, p));
        if (!detected(out, p, end) && (lit = part_of(r, d, n)) != SIZE_MAX && !(sum && n < key_digits(r, lit)))
            rc = add_part(out, r, lit, letters_before(r, lit, t->norm, p, n == key_digits(r, lit)), end);
        else if (split && splits) {
            /* The split run is no part: its first group joined plainly
             * may be ("ends in 829173, or 4829-173"). */
            splits = 0;
            continue;
        }
        splits = 1, p = end;
    }
    sodium_memzero(d, sizeof d);
    return rc;
}
