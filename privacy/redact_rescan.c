/* The re-scan: a redacted output is matched again against every
 * protected literal, only in windows around its replacements when that
 * is sound (docs/VARIANTS.md, "The re-scan"); also redactor_check and
 * redactor_collides, which scan a whole text the same way. */
#include "privacy/redact.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"

/* Where the re-scan looks: output bytes [start, end) of res, whose
 * replacements are sp (output spans) with their input offsets orig. */
struct rescan {
    const struct redaction *res;
    const struct spans *sp;
    const size_t *orig;
    struct spans *more;         /* NULL: only check (redactor_check) */
    struct spans *flags;        /* review flags the output shows that the input
                                 * did not (input offsets), or NULL */
};

/* The input offset of output offset o: inside a replacement its input
 * start (or with end set, its input end). */
static size_t to_input(const struct rescan *rs, size_t o, int end)
{
    size_t lo = 0, hi = rs->sp->n, mid;

    while (lo < hi) {           /* the first span starting after o */
        mid = lo + (hi - lo) / 2;
        if (rs->sp->s[mid].start <= o)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return o;
    lo--;
    if (o < rs->sp->s[lo].end || (end && o == rs->sp->s[lo].end && o > rs->sp->s[lo].start))
        return end ? rs->orig[2 * lo + 1] : rs->orig[2 * lo];
    return rs->orig[2 * lo + 1] + (o - rs->sp->s[lo].end);
}

/* 1 if output bytes [a, b) hold a letter or digit outside the replacements. */
static int outside(const struct rescan *rs, size_t a, size_t b)
{
    const char *s = rs->res->text;
    size_t i = 0;
    int cp, k;

    while (a < b) {
        while (i < rs->sp->n && rs->sp->s[i].end <= a)
            i++;
        if (i < rs->sp->n && rs->sp->s[i].start <= a) {
            a = rs->sp->s[i].end;
            continue;
        }
        if ((k = utf8_next(&cp, s + a, b - a)) <= 0 || is_word_cp(cp))
            return 1;
        a += (size_t)k;
    }
    return 0;
}

/* Adds output bytes [a, b) to rs->more as a span of the input. */
static int more_span(struct rescan *rs, size_t a, size_t b, int cat, int rule, const struct span *h)
{
    struct span s = { to_input(rs, a, 0), to_input(rs, b, 1), cat, rule, 0, SIZE_MAX, 0, 0, 0 };

    if (h != NULL)
        s.subject = h->subject, s.term = h->term, s.word = h->word;
    return s.end > s.start ? redact_span_add(rs->more, &s) : 0;
}

/* The pattern detections of the window text[0..len) (output offset base,
 * normalised in t) that reach outside the replacements, as spans to add;
 * one touching the window's edge (not the output's) is left to the
 * window that holds it whole, or to the audit. */
static int window_detections(struct rescan *rs, const struct normtext *t, size_t base,
                             struct err *e)
{
    struct detection *d;
    size_t nd, i, a, b;
    int rc = 0;

    if (detect_text(&d, &nd, t, e) != 0)
        return -1;
    for (i = 0; i < nd && rc == 0; i++) {
        a = base + t->ostart[d[i].start], b = base + normtext_oend(t, d[i].end - 1);
        if ((a == base && base > 0) || (b == base + t->inlen && b < rs->res->len) ||
            !outside(rs, a, b))
            continue;
        rc = more_span(rs, a, b, CAT_DETECT + d[i].kind, R_PATTERN, NULL);
    }
    free(d);
    return rc == 0 ? 0 : err_set(e, EXIT_INPUT, "out of memory while checking the output");
}

/* Adds to rs->flags (input offsets) each review flag of fl (norm offsets
 * of t, the window at output offset base) that holds a letter or digit
 * outside the replacements and is not there yet: a name that is also a
 * word, or a short form, that a replacement gave a boundary it did not
 * have ("x@gmail.comгэрэл" once the e-mail is a placeholder). */
static int window_flags(struct rescan *rs, const struct normtext *t, size_t base,
                        const struct spans *fl)
{
    for (size_t i = 0; i < fl->n; i++) {
        size_t a = base + t->ostart[fl->s[i].start], b = base + normtext_oend(t, fl->s[i].end - 1);
        struct span f = fl->s[i];
        int seen = 0;

        if (!outside(rs, a, b))
            continue;
        /* Its end as one past its last byte: a word that ends where a
         * replacement starts ends there in the input too. */
        f.start = to_input(rs, a, 0), f.end = to_input(rs, b - 1, 0) + 1;
        for (size_t k = 0; k < rs->flags->n && !seen; k++)
            seen = rs->flags->s[k].start == f.start && rs->flags->s[k].end == f.end;
        if (!seen && f.end > f.start && redact_span_add(rs->flags, &f) != 0)
            return -1;
    }
    return 0;
}

/* Checks text[0..len) (output offset base, or any text when rs is NULL):
 * fails with EXIT_AUTH if a protected term the redactor replaces there is
 * found outside the placeholder spans skip[0..nskip) (output offsets)
 * when there is no rs->more to put it in; with rs->more, a hit reaching
 * out of the replacements (one a replacement made) and detections
 * reaching out of them go there; review
 * flags the replacements made to rs->flags. */
static int check_text(const struct redactor *r, struct redact_ctx *ctx, struct rescan *rs,
                      const char *text, size_t len, size_t base, const struct span *skip,
                      size_t nskip, struct err *e)
{
    struct normtext t;
    struct spans sp = { 0 }, fl = { 0 };
    size_t i, k, a, b;
    int hit = 0, rc = 0;
    const struct span *held = NULL;     /* a pseudonym a hit lies wholly in */

    if (normalise(&t, text, len, e) != 0)
        return -1;
    if (redact_match_terms(&sp, NULL, &fl, r, &t, ctx, e) != 0) {
        normtext_free(&t);
        free(sp.s);
        free(fl.s);
        return -1;
    }
    for (i = 0; i < sp.n && !hit && rc == 0; i++) {
        int in_placeholder = 0, on_pseudonym = 0;
        held = NULL;
        a = base + t.ostart[sp.s[i].start], b = base + normtext_oend(&t, sp.s[i].end - 1);
        for (k = 0; k < nskip; k++) {
            if (skip[k].cat != CAT_PSEUDONYM && a >= skip[k].start && b <= skip[k].end)
                in_placeholder = 1;
            if (skip[k].cat == CAT_PSEUDONYM && a < skip[k].end && b > skip[k].start)
                on_pseudonym = 1;
            if (skip[k].cat == CAT_PSEUDONYM && a >= skip[k].start && b <= skip[k].end)
                held = &skip[k];
        }
        if (in_placeholder)
            continue;
        /* A hit a replacement made (a name that is also a word, in a
         * context that now marks a name; a name glued to what is now a
         * placeholder, "234Jung-su Kim" once the phone before it is
         * "[PHONE]"): replaced too, in another round.  One a pseudonym
         * completes ("Bat" + "-zorig") is refused instead: replacing it
         * would merge two people. */
        if (rs != NULL && rs->more != NULL && outside(rs, a, b) &&
            (sp.s[i].word || !on_pseudonym))
            rc = more_span(rs, a, b, sp.s[i].cat, sp.s[i].rule, &sp.s[i]);
        else
            hit = 1;
    }
    /* A hit the rules make a review flag (a space inside it) that a
     * pseudonym completes ("Bat" + " zorig") is a leak the replacement
     * made, not a phrase of the input. */
    for (i = 0; i < fl.n && !hit; i++) {
        a = base + t.ostart[fl.s[i].start], b = base + normtext_oend(&t, fl.s[i].end - 1);
        /* A name glued after letters and digits is flagged with the whole
         * word it is glued to, and that word may now be a pseudonym
         * ("Jong-su0=4BJongsu" -> "Tulga=4BJongsu": the name is the
         * flag's, the pseudonym completes nothing; report-adv17a D-52). */
        if (fl.s[i].glued && memchr(t.norm + fl.s[i].start, ' ', fl.s[i].end - fl.s[i].start) == NULL)
            continue;
        for (k = 0; k < nskip && fl.s[i].review && !hit; k++)
            if (skip[k].cat == CAT_PSEUDONYM && a < skip[k].end && b > skip[k].start) {
                hit = 1;
                held = a >= skip[k].start && b <= skip[k].end ? &skip[k] : NULL;
            }
    }
    if (!hit && rc == 0 && rs != NULL && rs->more != NULL)
        rc = window_detections(rs, &t, base, e);
    if (!hit && rc == 0 && rs != NULL && rs->flags != NULL && window_flags(rs, &t, base, &fl) != 0)
        rc = err_set(e, EXIT_INPUT, "out of memory while checking the output");
    normtext_free(&t);
    free(sp.s);
    free(fl.s);
    /* A pseudonym the redactor wrote that holds a form of a name or term
     * protected after it was chosen (Tuya-bold, then a subject Болд:
     * report-adv28a P-3): no bug, a state to undo (docs/PSEUDONYMS.md). */
    if (hit && held != NULL && held->start >= base && held->end <= base + len)
        return err_set(e, EXIT_AUTH, "the pseudonym '%.*s' reads as a protected name or term "
                       "(a form of a name or term protected in the store); rename that subject with "
                       "'intake subject rename'; nothing was exported",
                       (int)(held->end - held->start), text + (held->start - base));
    if (hit)
        return err_set(e, EXIT_AUTH, "redaction left a protected term in the output: this is a bug; nothing was exported");
    return rc == 0 ? 0 : err_set(e, EXIT_INPUT, "out of memory while checking the output");
}

/* ---- Re-scan windows (docs/VARIANTS.md, "The re-scan") ----
 *
 * The first scan saw the whole input and accepted every hit that the
 * re-scan would accept there (same literals, same boundary and suffix
 * rules without the "covered" neighbour, no allowed-text exceptions), and
 * each accepted hit became a replaced span.  So a hit in the output that
 * lies, with the context its rules look at, in text copied unchanged from
 * the input was refused by the first scan and is refused again.  Only hits
 * that touch a replacement or read it as context can be new: those lie in
 * a window around each replacement, computed here in the input's views:
 *   left:  back over the word that ends at the replacement (a hit ending
 *          in it reads it as its suffix), the non-word character before
 *          it, then maxkey key bytes (a hit is at most maxkey key bytes,
 *          separators in between not counted), then on to an edge;
 *   right: maxkey key bytes after the replacement, then on to an edge.
 * An edge is the start of a normalised sequence whose original character
 * starts a sequence whatever precedes it, is no white space, and whose
 * normalised character (left: the one before it) is no word character: a
 * hit's word and boundary checks read the same there as at a text's start
 * or end, and normalisation does not carry state across it.
 * The output around a replacement normalises as the input did only if the
 * replacement starts and ends with such characters and the input after it
 * starts with one: otherwise, or when windows would cover half the text,
 * or an edge is far, the whole output is re-scanned as before. */

#define RESCAN_WALK_MAX 4096    /* bytes to look for an edge before giving up */
/* Key bytes on each side of a replacement that may change what a pattern
 * detector finds there: a birth word 48 bytes before a date (24 after),
 * labels a word or two before a value, a domain after an at sign. */
#define RESCAN_DETECT_REACH 64

/* The first index i of the sorted a[0..n) with a[i] >= v (n if none). */
static size_t lower_bound32(const uint32_t *a, size_t n, size_t v)
{
    size_t lo = 0, hi = n, mid;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        if (a[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The first norm byte from original offset o on; the first key byte from
 * norm offset n on. */
static size_t norm_index_of(const struct normtext *t, size_t o)
{
    return lower_bound32(t->ostart, t->normlen, o);
}

static size_t key_index_of(const struct normtext *t, size_t n)
{
    return lower_bound32(t->kpos, t->keylen, n);
}

/* 1 if s[0..len) is empty or starts a sequence; with space set, 1 only if
 * it is also no white space. */
static int fresh_at(const char *s, size_t len, int space)
{
    int cp;

    return len == 0 || (utf8_next(&cp, s, len) > 0 && normalise_starts_sequence(cp) &&
                        (space || !normalise_is_space(cp)));
}

/* 1 if the last code point of s[0..len) starts a sequence and is no white
 * space (nothing after it joins its sequence or its run). */
static int fresh_last(const char *s, size_t len)
{
    size_t i = len;

    if (len == 0)
        return 1;
    while (i > 1 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    return fresh_at(s + i - 1, len - i + 1, 0);
}

/* 1 if a window may start (left) or end (right) at norm index n. */
static int edge_at(const struct normtext *t, size_t n, int left)
{
    int cp;

    if (n == 0 || n >= t->normlen)
        return 1;
    if (t->ostart[n] == t->ostart[n - 1] ||
        !fresh_at(t->orig + t->ostart[n], t->inlen - t->ostart[n], 1))
        return 0;
    /* Not next to a separator of a name spelled out letter by letter, nor
     * to any punctuation or symbol (normalise_sep_class: the gaps between
     * number parts and Hangul syllables, report-adv15 ): the gaps
     * of such a run depend on the characters around. */
    if (left)
        return !is_word_cp(cp = redact_cp_before(t->norm, n)) && !normalise_spell_sep(cp) &&
               !normalise_sep_class(cp);
    return utf8_next(&cp, t->norm + n, t->normlen - n) > 0 && !is_word_cp(cp) &&
           !normalise_spell_sep(cp) && !normalise_sep_class(cp);
}

static size_t cp_back(const char *s, size_t n)
{
    if (n > 0)
        n--;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* The input window [*a, *b) (original offsets) around the replaced input
 * bytes [os, oe); 0, or -1 if no edge is near (re-scan everything). */
static int rescan_window(size_t *a, size_t *b, const struct normtext *t, size_t maxkey,
                         size_t os, size_t oe)
{
    size_t ns = norm_index_of(t, os), ne = norm_index_of(t, oe), n, k;

    n = ns;
    while (n > 0 && is_word_cp(redact_cp_before(t->norm, n)) && ns - n < RESCAN_WALK_MAX)
        n = cp_back(t->norm, n);
    n = cp_back(t->norm, n);
    while (n > 0 && t->ostart[n - 1] == t->ostart[n])
        n--;
    k = key_index_of(t, n);
    k = k > maxkey ? k - maxkey : 0;
    if (k < t->keylen && t->kpos[k] < n)
        n = t->kpos[k];
    while (!edge_at(t, n, 1) && ns - n < RESCAN_WALK_MAX)
        n = cp_back(t->norm, n);
    if (!edge_at(t, n, 1))
        return -1;
    *a = n == 0 ? 0 : t->ostart[n];
    k = key_index_of(t, ne) + maxkey;
    n = k < t->keylen ? t->kpos[k] : t->normlen;
    if (n < ne)
        n = ne;
    while (!edge_at(t, n, 0) && n - ne < RESCAN_WALK_MAX)
        n++;
    if (!edge_at(t, n, 0))
        return -1;
    *b = n >= t->normlen ? t->inlen : t->ostart[n];
    return 0;
}

/* The re-scan of res (built from in, whose views are t; sp holds output
 * spans, orig their input offsets): only windows around replacements, or
 * the whole output when that is not sound or not cheaper. */
int redact_check_output(struct spans *more, struct spans *flags, const struct redactor *r,
                        struct redact_ctx *ctx, const struct normtext *t,
                        const struct redaction *res, const struct spans *sp,
                        const size_t *orig, struct err *e)
{
    struct rescan rs = { res, sp, orig, more, flags };
    size_t i, j, a, b, a2, b2, total = 0, nwin = 0, *win = NULL, reach;
    int rc = 0;

    if (sp->n == 0)
        return 0;   /* the output is the input, in which the first scan accepted nothing */
    reach = r->maxkey > RESCAN_DETECT_REACH ? r->maxkey : RESCAN_DETECT_REACH;
    if ((win = malloc(4 * sp->n * sizeof *win)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    for (i = 0; i < sp->n; i++) {
        const struct span *s = &sp->s[i];
        if (!fresh_at(res->text + s->start, s->end - s->start, 0) ||
            !fresh_last(res->text + s->start, s->end - s->start) ||
            !fresh_at(t->orig + orig[2 * i + 1], t->inlen - orig[2 * i + 1], 1) ||
            rescan_window(&a, &b, t, reach, orig[2 * i], orig[2 * i + 1]) != 0)
            goto full;
        if (nwin > 0 && a <= win[4 * (nwin - 1) + 1]) {
            total += b - win[4 * (nwin - 1) + 1];
            win[4 * (nwin - 1) + 1] = b, win[4 * (nwin - 1) + 3] = i;
        } else {
            win[4 * nwin] = a, win[4 * nwin + 1] = b, win[4 * nwin + 2] = i, win[4 * nwin + 3] = i;
            total += b - a, nwin++;
        }
        if (total > t->inlen / 2)
            goto full;
    }
    for (j = 0; j < nwin && rc == 0; j++) {
        size_t first = win[4 * j + 2], last = win[4 * j + 3];
        a2 = win[4 * j] + sp->s[first].start - orig[2 * first];
        b2 = win[4 * j + 1] + sp->s[last].end - orig[2 * last + 1];
        rc = check_text(r, ctx, &rs, res->text + a2, b2 - a2, a2, sp->s + first,
                        last - first + 1, e);
    }
    free(win);
    return rc;
full:
    free(win);
    return check_text(r, ctx, &rs, res->text, res->len, 0, sp->s, sp->n, e);
}

int redactor_check(const struct redactor *r, const char *text, size_t len, struct err *e)
{
    if (!r->compiled)
        return err_set(e, EXIT_INPUT, "the redactor is not compiled");
    return check_text(r, NULL, NULL, text, len, 0, NULL, 0, e);
}

/* The flags of fl that read a form of the redactor's names and terms:
 * all but unread-script, which says only that no rule reads the script
 * (ᠪᠠᠲᠤ, a Mongolian-script word nothing here reads), of any text, when a
 * person is protected: a pseudonym in such a script was refused as "a
 * real name" in a store of Иван Петров alone (report-adv36b W-4). */
static size_t read_flags(const struct spans *fl)
{
    size_t n = 0;

    for (size_t i = 0; i < fl->n; i++)
        n += fl->s[i].cat != FLAG_UNREAD_SCRIPT;
    return n;
}

int redactor_any_form(const struct redactor *r, const char *text, size_t len, struct err *e)
{
    struct normtext t;
    struct spans sp = { 0 }, fl = { 0 };
    int rc;

    if (normalise(&t, text, len, e) != 0)
        return -1;
    rc = redact_match_terms(&sp, NULL, &fl, r, &t, NULL, e);
    /* and the name in another script or transcription, as redact_run
     * reads it (スラーヴァ for Вячеслав, 谢尔盖 for Сергей: brief s32
     * cjk32 kind 3) */
    /* and a Latin or Cyrillic word of a name registered only in Arabic,
     * Persian or Georgian script, its short forms too (redact_unread.c;
     * brief s47 arab47: Goga, Gogi for გიორგი, as the redactor reads them) */
    if (rc == 0 && (redact_find_scripts(&sp, &fl, r, &t) != 0 || redact_script_names(&sp, &fl, r, &t) != 0 ||
                    redact_cjk_titled(&sp, &fl, r, &t) != 0 || redact_cjk_ja(&sp, r, &t) != 0))
        rc = err_set(e, EXIT_INPUT, "out of memory while matching terms");
    if (rc == 0)
        rc = sp.n > 0 || read_flags(&fl) > 0;
    normtext_free(&t);
    free(sp.s);
    free(fl.s);
    return rc;
}

/* A key looked up among the redactor's forms (held_whole). */
struct held {
    const char *key;
    size_t len;
    int whole;                  /* held as a name's own spelling or case */
};

static int held_whole(void *ctx, const char *key, size_t keylen, const struct redact_form *f)
{
    struct held *h = ctx;

    if (keylen == h->len && memcmp(key, h->key, keylen) == 0 && !f->shortform &&
        f->kind != FORM_SHORT) {
        h->whole = 1;
        return 1;
    }
    return 0;
}

/* 1 if a short form of the text (v->flag: Верка, Веронька of Вероника)
 * hits no more than a short form of a name: a diminutive two given names
 * share (Верка and Веронька are Вера's too), which names neither, as the
 * text is written whole where it stands (report-adv34 W-1: "Вероника
 * Белова" was refused for Вера Смирнова).  A short form that is a name as
 * registered or one of its spellings or cases (Саша of Alexander for a
 * Саша) still collides. */
static int shared_short_form(const struct redactor *r, const struct variant *v)
{
    struct held h = { .key = v->key, .len = v->keylen };

    if (!v->flag)
        return 0;
    (void)redactor_each_form(r, WORDS_SEEN, held_whole, &h);
    return !h.whole;
}

/* 1 if text[0..len) is two words or more of two letters or more each
 * ("Nikita Reed", not "N. Reed" nor "N.R."): a name written whole, whose
 * initials are never what stands for it. */
static int words_whole(const char *text, size_t len)
{
    size_t p = 0, letters = 0, words = 0;
    int cp, n;

    for (; p <= len; p += n > 0 ? (size_t)n : 1) {
        n = p < len ? utf8_next(&cp, text + p, len - p) : 0;
        if (p < len && n > 0 && is_word_cp(cp)) {
            letters++;
            continue;
        }
        if (letters == 1)
            return 0;
        words += letters > 1;
        letters = 0;
        if (p < len && n <= 0)
            return 0;
    }
    return words >= 2;
}

int redactor_collides(const struct redactor *r, const char *text, size_t len,
                      struct err *e)
{
    struct variant_list vl;
    size_t i;
    int rc = 0, whole = words_whole(text, len);

    if (!r->compiled)
        return err_set(e, EXIT_INPUT, "the redactor is not compiled");
    if (variants_of(&vl, text, len, e) != 0)
        return -1;
    for (i = 0; i < vl.n && rc == 0; i++)
        /* The initials of a text written whole (a pseudonym "Nikita
         * Reed", "Ugo Vance") are never written for it: that they equal
         * a subject's (Н.Р. and N.P. through the look-alike Cyrillic Р;
         * U(go) as Хьюго, V.K. of Владимир Карпов) names no one
         * (report-adv46, the pseudonym attempts; leaks-pseud29.bats).
         * The text itself is checked whole by redactor_check first. */
        if (!(whole && (vl.v[i].initials || vl.v[i].lettered)) &&
            check_text(r, NULL, NULL, vl.v[i].key, vl.v[i].keylen, 0, NULL, 0, e) != 0) {
            rc = e->code == EXIT_AUTH ? 1 : -1;
            if (rc == 1 && shared_short_form(r, &vl.v[i]))
                err_clear(e), rc = 0;
        }
    variant_list_free(&vl);
    if (rc == 1)
        err_clear(e);
    return rc;
}
