/* The residual checks on exported text, each field normalised once:
 *   residual terms: no protected form of the digest set is a hit by the
 *     redactor's own hit rules (redact_form_hit) outside a placeholder,
 *     except forms the redactor flags there under a resolved review flag;
 *   residual detectors: no pattern detection (detect.h) reaches outside
 *     the manifest's redactions;
 *   second opinion (WARN only, issue 13): what no rule of the redactor
 *     replaces but a reader should look at: texts kept with 'intake
 *     allow', name-shaped words and words mixing scripts (the review
 *     flags' finder), places and names of the gazetteer, handle shapes.
 * The first two FAIL only what the redactor would have replaced, so an
 * export that redact passed never FAILs them; the third is an independent
 * opinion from lists the redactor does not use to replace. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "export/audit.h"
#include "export/audit_int.h"
#include "privacy/detect.h"
#include "privacy/gazetteer.h"
#include "privacy/normalise.h"
#include "privacy/readings.h"
#include "privacy/redact.h"
#include "privacy/window.h"
#include "util/day.h"
#include "util/intl.h"
#include "util/lexicon.h"

/* The field the checks are reading. */
struct field {
    const struct audit_record *rec;
    const char *name, *text;    /* "title", "place", "body" or "tag"; its exported text */
    size_t tag;                 /* which tag, when name is "tag" */
    size_t len;
};

/* One check's findings over all fields, each span reported once. */
struct finding {
    struct audit_report *r;
    int c;                      /* the check's index */
    const struct field *field;
    size_t fails, warns;
    unsigned skipped;           /* bits (1 << enum lexicon_lang): words not
                                 * checked for want of that dictionary */
    struct audit_where *seen;   /* spans already reported in this field */
    size_t nseen, capseen;
    size_t answers;             /* the readers' answers in this field, reported or not */
};

/* 0 if [start, end) is new in this field (now remembered), 1 if it
 * overlaps a span reported before, -1 when out of memory. */
static int seen_before(struct finding *x, size_t start, size_t end)
{
    struct audit_where *w;

    for (size_t i = 0; i < x->nseen; i++)
        if (audit_overlaps(&x->seen[i], start, end))
            return 1;
    if (x->nseen == x->capseen) {
        size_t cap = x->capseen ? x->capseen * 2 : 16;
        if ((w = realloc(x->seen, cap * sizeof *w)) == NULL)
            return -1;
        x->seen = w, x->capseen = cap;
    }
    x->seen[x->nseen].start = start, x->seen[x->nseen].len = end - start;
    x->nseen++;
    return 0;
}

/* Reports [start, end) of the current field once, at level. */
static int report(struct finding *x, int level, const char *what, size_t start, size_t end,
                  const char *note, struct err *e)
{
    const struct field *f = x->field;
    int seen = seen_before(x, start, end);

    if (seen != 0)
        return seen < 0 ? err_set(e, EXIT_INPUT, "out of memory for the audit") : 0;
    if (level == AUDIT_FAIL)
        x->fails++;
    else
        x->warns++;
    return audit_item_add(x->r, x->c, level, f->rec->id, f->name, what, f->text + start,
                          end - start, note, e);
}

/* The manifest's redaction of the current field that holds all of
 * [start, end), or NULL. */
static const struct audit_redaction *inside_redaction(const struct field *f, size_t start,
                                                      size_t end)
{
    for (size_t i = 0; i < f->rec->nred; i++) {
        const struct audit_redaction *d = &f->rec->red[i];
        if (audit_same_field(&d->at, f->name, f->tag) && d->at.start <= start &&
            end <= d->at.start + d->at.len)
            return d;
    }
    return NULL;
}

/* The allowed review flag of the manifest over [start, end), or NULL. */
static const struct audit_flag *allowed_flag(const struct field *f, size_t start, size_t end)
{
    for (size_t i = 0; i < f->rec->nflags; i++) {
        const struct audit_flag *fl = &f->rec->flags[i];
        if (fl->allowed != NULL && audit_same_field(&fl->at, f->name, f->tag) &&
            audit_overlaps(&fl->at, start, end))
            return fl;
    }
    return NULL;
}

/* ---- residual terms ---- */

/* The language (enum lexicon_lang) whose dictionary decides whether
 * [start, end) of the field, a protected name that is also a word, is the
 * name or the word, if that dictionary is missing here; else -1. */
static int dictionary_missing(const struct field *f, size_t start, size_t end)
{
    int cp, lang;

    if (utf8_next(&cp, f->text + start, end - start) <= 0 || (lang = lexicon_lang_of(cp)) < 0)
        return -1;
    return (lexicon_missing() & (1u << lang)) ? lang : -1;
}

static int on_term(void *ctx, size_t start, size_t end, const char *flag, struct err *e)
{
    struct finding *x = ctx;
    const struct audit_redaction *d = inside_redaction(x->field, start, end);
    int lang;

    x->answers++;

    /* Inside a placeholder it is the placeholder's own text; a pseudonym
     * is no shelter (the redactor's re-scan says the same). */
    if (d != NULL && strcmp(d->category, "pseudonym") != 0)
        return 0;
    if (flag != NULL && allowed_flag(x->field, start, end) != NULL)
        return 0;                       /* listed by the second opinion */
    /* Name or word is the dictionary's to say (util/lexicon.h): without it
     * here (an auditor's machine without hunspell-en-us) this check cannot
     * tell, so it is not run on that word: a WARN saying why, never a FAIL
     * the sender's device, which had the dictionary, would not see. */
    if (flag != NULL && (lang = dictionary_missing(x->field, start, end)) >= 0) {
        x->skipped |= 1u << lang;
        return report(x, AUDIT_WARN, flag, start, end,
                      N_("not checked: the dictionary that tells this name from the word is "
                         "missing here"), e);
    }
    /* Inside a pseudonym (report-adv17a D-28): the pseudonym spells a
     * protected form; no flag can be resolved there, a new pseudonym can. */
    if (d != NULL)
        return report(x, AUDIT_FAIL, flag != NULL ? flag : "protected-term", start, end,
                      N_("a protected name is read inside the pseudonym here; give the subject "
                         "another with 'intake subject rename PSEUDONYM NEW'"), e);
    return report(x, AUDIT_FAIL, flag != NULL ? flag : "protected-term", start, end,
                  flag != NULL ? "a protected name the redactor flags here, with no review "
                                 "flag resolved over it"
                               : "a protected term (or a spelling of it) is in the text", e);
}

/* The visual order (brief i12-names, report-adv12g A-20): a right-to-left
 * override shows "oh-gnuoY" as the name.  A hit of the visual order that
 * holds bytes of a reversed run is the field's hit over those bytes. */
struct visual {
    struct finding *x;
    const size_t *map;
};

static int on_visual(void *ctx, size_t start, size_t end, const char *flag, struct err *e)
{
    const struct visual *v = ctx;
    size_t lo = SIZE_MAX, hi = 0, rev = 0, o;

    v->x->answers++;

    for (size_t i = start; i < end; i++) {
        rev |= v->map[i] & VISUAL_REVERSED;
        o = v->map[i] & ~VISUAL_REVERSED;
        lo = o < lo ? o : lo, hi = o > hi ? o : hi;
    }
    return rev == 0 || lo > hi ? 0 : on_term(v->x, lo, hi + 1, flag, e);
}

static int scan_visual(struct finding *x, const struct digestset *ds, const struct field *f,
                       struct window_memo *memo, struct err *e)
{
    struct normtext nt;
    struct window_tokens tk;
    struct visual v = { x, NULL };
    size_t *map, len;
    char *text;
    int rc = -1;

    if (reading_visual(&text, &len, &map, f->text, f->len) != 0)
        return err_set(e, EXIT_INPUT, "out of memory");
    if (text == NULL)
        return 0;
    v.map = map;
    if (normalise(&nt, text, len, e) == 0) {
        if (window_tokenise(&tk, &nt, memo, e) == 0) {
            rc = digestset_scan_tokens(ds, &nt, &tk, on_visual, &v, e);
            window_tokens_free(&tk);
        }
        normtext_free(&nt);
    }
    secmem_free(text);
    free(map);
    return rc;
}

/* ---- residual detectors ---- */

/* 1 if [start, end) of the field holds a letter or digit outside the
 * manifest's redactions. */
static int reaches_out(const struct field *f, size_t start, size_t end)
{
    size_t at = start;
    int cp, k;

    while (at < end) {
        const struct audit_redaction *d = inside_redaction(f, at, at + 1);
        if (d != NULL) {
            at = d->at.start + d->at.len;
            continue;
        }
        if ((k = utf8_next(&cp, f->text + at, end - at)) <= 0)
            return 1;
        if (is_word_cp(cp))
            return 1;
        at += (size_t)k;
    }
    return 0;
}

static int scan_patterns(struct finding *x, const struct normtext *nt, struct err *e)
{
    struct detection *d;
    size_t nd;
    int rc = 0;

    if (detect_text(&d, &nd, nt, e) != 0)
        return -1;
    x->answers += nd;
    for (size_t i = 0; i < nd && rc == 0; i++) {
        size_t a = nt->ostart[d[i].start], b = normtext_oend(nt, d[i].end - 1);
        if (reaches_out(x->field, a, b))
            rc = report(x, AUDIT_FAIL, detect_kind_name(d[i].kind), a, b,
                        "identifying data the redactor should have replaced", e);
    }
    free(d);
    return rc;
}

/* ---- second opinion ---- */

/* Everything kept with 'intake allow', with its date, and the sender's
 * pseudonyms known with their records (store/known.h). */
static int list_allowed(struct finding *x, struct err *e)
{
    const struct field *f = x->field;
    char note[96], shown[256], day[DAY_SHOWN_BYTES];

    for (size_t i = 0; i < f->rec->nflags; i++) {
        const struct audit_flag *fl = &f->rec->flags[i];
        size_t before = x->r->checks[x->c].nitems;
        if (fl->allowed == NULL || !audit_same_field(&fl->at, f->name, f->tag) ||
            fl->at.start > f->len || fl->at.len > f->len - fl->at.start)
            continue;
        if (fl->known) {
            /* not the interviewer's allow: the sender wrote it as a pseudonym */
            snprintf(note, sizeof note, "the sender's pseudonym, known with its record");
            snprintf(shown, sizeof shown, "%s", _("the sender's pseudonym, known with its record"));
        } else {
            snprintf(note, sizeof note, "kept with 'intake allow' on %.32s", fl->allowed);
            day_shown(day, sizeof day, fl->allowed);
            snprintf(shown, sizeof shown, _("kept with 'intake allow' on %s"), day);
        }
        if (report(x, AUDIT_WARN, fl->kind, fl->at.start, fl->at.start + fl->at.len, note, e) != 0 ||
            (x->r->checks[x->c].nitems > before && audit_item_shown(x->r, x->c, shown, e) != 0))
            return -1;
    }
    return 0;
}

/* A second-opinion finding outside the redactions. */
static int opinion(struct finding *x, const char *what, size_t start, size_t end,
                   const char *note, struct err *e)
{
    if (audit_in_redaction(x->field->rec, x->field->name, x->field->tag, start, end))
        return 0;
    return report(x, AUDIT_WARN, what, start, end, note, e);
}

/* 1 if the field's [start, end), alone or with up to two words before or
 * after it (joined by a space or a hyphen: "Баян" and "Өлгий" of
 * Баян-Өлгий), is a region too large to point at anyone
 * (gazetteer_is_region, remembered per text: redact_is_region). */
static int in_region(const struct field *f, size_t start, size_t end)
{
    static const char stop[] = " -\t\r\n.,;:!?()\"'";
    size_t a = start;

    for (int before = 0; before < 3; before++) {
        size_t b = end;
        for (int after = 0; after < 3; after++) {
            if (redact_is_region(f->text + a, b - a))
                return 1;
            if (b >= f->len || (f->text[b] != ' ' && f->text[b] != '-'))
                break;
            for (b++; b < f->len && !strchr(stop, f->text[b]); b++)
                ;
        }
        if (a < 2 || (f->text[a - 1] != ' ' && f->text[a - 1] != '-'))
            return 0;
        for (a--; a > 0 && !strchr(stop, f->text[a - 1]); a--)
            ;
    }
    return 0;
}

static int on_shape(void *ctx, size_t start, size_t end, const char *kind, struct err *e)
{
    struct finding *x = ctx;

    x->answers++;

    if (in_region(x->field, start, end))
        return 0;
    return opinion(ctx, kind, start, end, "a name-like word in no list: is it a name?", e);
}

static int on_handle(void *ctx, size_t start, size_t end, const char *kind, struct err *e)
{
    ((struct finding *)ctx)->answers++;
    return opinion(ctx, kind, start, end, "a user name's shape tied to no registered name: is it one?", e);
}

/* 1 if the field's [start, end) is one word the review flags' dictionary
 * reads as an ordinary word (redactor_ordinary_word), Hangul or written
 * without a capital: 광산 "mine", 나은 in 더 나은, 하늘이, 하나같이, 삼촌이
 * are words, not places or names (report-adv15 R-12); a Latin or
 * Cyrillic word in lower case its dictionary knows.  A capitalised Latin
 * or Cyrillic word stays: the capital marks a proper noun. */
static int ordinary_word(const struct field *f, size_t start, size_t end)
{
    int cp, lang;

    if (end <= start || end > f->len || utf8_next(&cp, f->text + start, end - start) <= 0)
        return 0;
    for (size_t i = start; i < end; i++)
        if (f->text[i] == ' ' || f->text[i] == '\t' || f->text[i] == '\n' || f->text[i] == '\r')
            return 0;
    if (is_hangul_cp(cp))
        return redactor_ordinary_word(f->text + start, end - start);
    /* Names are written with a capital in Latin and Cyrillic: a word in
     * lower case the dictionary knows (шинэ, өндөр, зэрэг: words the name
     * lists also hold) is the word. */
    return !normalise_is_upper(cp) && (lang = lexicon_lang_of(cp)) >= 0 &&
           lexicon_word((enum lexicon_lang)lang, f->text + start, end - start) == 1;
}

static int on_gazetteer(void *ctx, int kind, size_t start, size_t end, struct err *e)
{
    struct finding *x = ctx;

    x->answers++;

    if (in_region(x->field, start, end) ||      /* the dictionaries last */
        audit_opinion_ordinary(x->field->text, x->field->len, start, end) ||
        ordinary_word(x->field, start, end))
        return 0;
    return opinion(ctx, gazetteer_kind_name(kind), start, end,
                   kind == GAZ_PLACE ? "a place name from the gazetteer"
                                     : "a name from the name lists", e);
}

/* 1 if a letter or digit ends just before t[at]. */
static int word_before(const char *t, size_t at)
{
    size_t i = at;
    int cp;

    if (at == 0)
        return 0;
    while (--i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80)
        ;
    return utf8_next(&cp, t + i, at - i) > 0 && is_word_cp(cp);
}

/* '@' and a word in any script (an account name the handle detector's
 * ASCII shape does not take: "@김종수"). */
static int scan_handles(struct finding *x, struct err *e)
{
    const char *t = x->field->text, *at = t;
    int cp, k;

    while ((at = strchr(at, '@')) != NULL) {
        size_t a = (size_t)(at - t), b = a + 1;
        x->answers++;
        while (b < x->field->len && (k = utf8_next(&cp, t + b, x->field->len - b)) > 0 &&
               (is_word_cp(cp) || cp == '.' || cp == '_'))
            b += (size_t)k;
        while (b > a + 1 && (t[b - 1] == '.' || t[b - 1] == '_'))
            b--;
        if (b > a + 1 && !word_before(t, a) &&
            opinion(x, "handle", a, b, "an account name's shape", e) != 0)
            return -1;
        at = t + b;
    }
    return 0;
}

static int second_opinion(struct finding *x, const struct normtext *nt,
                          const struct window_tokens *tk, struct err *e)
{
    if (list_allowed(x, e) != 0 || redactor_name_shapes(nt, on_shape, x, e) != 0 ||
        gazetteer_scan_tokens(nt, tk, on_gazetteer, x, e) != 0 ||
        redactor_handle_shapes(nt, on_handle, x, e) != 0)
        return -1;
    return scan_handles(x, e);
}

/* The package of the i-th dictionary of the set bits of missing (with
 * a leading ", " after the first), or "". */
static const char *missing_packages(unsigned missing, int i)
{
    static char out[LEXICON_NLANGS][40];
    int k = 0;

    for (int l = 0; l < LEXICON_NLANGS; l++)
        if (missing & (1u << l)) {
            if (k++ == i) {
                snprintf(out[i], sizeof out[i], "%s%s", i > 0 ? ", " : "",
                         lexicon_package((enum lexicon_lang)l));
                return out[i];
            }
        }
    return "";
}

/* ---- texts read before ---- */

/* Short texts whose readers gave no answer at all: no protected form, no
 * detection, no name shape, no gazetteer hit, no handle (struct finding's
 * answers).  Every reader's answer is a function of the text alone (and
 * of the bundle's digest set; the dictionaries and the memos behind them
 * answer the same word the same way within a process), so the same text again gives none again and is
 * not read again: a bundle repeats its tags, titles and places ("work",
 * "[PLACE-1]") record after record (brief s48 aud48).  What a field's
 * findings depend on beyond its text, its redactions and its allowed
 * review flags (list_allowed), is still read for every field. */
#define QUIET_TEXTS 64          /* texts remembered, the first met */
#define QUIET_BYTES 64          /* the longest text remembered, in bytes */

struct quiet {
    size_t n;
    size_t len[QUIET_TEXTS];
    char text[QUIET_TEXTS][QUIET_BYTES];
};

static int quiet_has(const struct quiet *q, const char *t, size_t len)
{
    if (q == NULL || len > QUIET_BYTES)
        return 0;
    for (size_t i = 0; i < q->n; i++)
        if (q->len[i] == len && memcmp(q->text[i], t, len) == 0)
            return 1;
    return 0;
}

static void quiet_add(struct quiet *q, const char *t, size_t len)
{
    if (q == NULL || len > QUIET_BYTES || q->n == QUIET_TEXTS)
        return;
    memcpy(q->text[q->n], t, len);
    q->len[q->n++] = len;
}

/* ---- the three checks ---- */

static int new_check(struct finding *x, struct audit_report *r, const struct field *f,
                     const char *name, struct err *e)
{
    memset(x, 0, sizeof *x);
    x->r = r, x->field = f;
    return (x->c = audit_check_add(r, name, AUDIT_PASS, 0, e, "%s", "")) < 0 ? -1 : 0;
}

int audit_residuals(struct audit_report *r, const struct digestset *ds,
                    const struct audit_record *recs, size_t n, struct err *e)
{
    struct field f = { NULL, NULL, NULL, 0, 0 };
    struct finding terms, dets, second;
    struct normtext nt;
    struct window_tokens tk;
    struct window_memo *memo = window_memo_new();      /* NULL: works without */
    struct quiet *quiet = secmem_wipe_malloc(sizeof *quiet);  /* NULL: works without */
    size_t fields = 0, answers;
    int rc = -1;

    memset(&terms, 0, sizeof terms), memset(&dets, 0, sizeof dets);
    memset(&second, 0, sizeof second);
    if (quiet != NULL)
        quiet->n = 0;
    if (new_check(&terms, r, &f, "residual-terms", e) != 0 ||
        new_check(&dets, r, &f, "residual-detectors", e) != 0 ||
        new_check(&second, r, &f, "second-opinion", e) != 0 || gazetteer_load(e) != 0)
        goto out;
    for (size_t i = 0; i < n; i++) {
        f.rec = &recs[i];
        for (size_t fi = 0; fi < AUDIT_NFIELDS(f.rec); fi++) {
            if ((f.text = audit_field_at(f.rec, fi, &f.name, &f.tag)) == NULL)
                continue;
            f.len = strlen(f.text);
            fields++;
            terms.nseen = dets.nseen = second.nseen = 0;
            if (quiet_has(quiet, f.text, f.len)) {
                if (list_allowed(&second, e) != 0)
                    goto out;
                continue;
            }
            answers = terms.answers + dets.answers + second.answers;
            if (normalise(&nt, f.text, f.len, e) != 0)
                goto out;
            if (window_tokenise(&tk, &nt, memo, e) != 0) {
                normtext_free(&nt);
                goto out;
            }
            /* One tokenisation for the digest set and the gazetteer. */
            rc = digestset_scan_tokens(ds, &nt, &tk, on_term, &terms, e) == 0 &&
                 scan_patterns(&dets, &nt, e) == 0 && second_opinion(&second, &nt, &tk, e) == 0 &&
                 scan_visual(&terms, ds, &f, memo, e) == 0
                 ? 0 : -1;
            window_tokens_free(&tk);
            normtext_free(&nt);
            if (rc != 0)
                goto out;
            rc = -1;
            if (terms.answers + dets.answers + second.answers == answers)
                quiet_add(quiet, f.text, f.len);
        }
    }
    r->checks[terms.c].examined = r->checks[dets.c].examined = r->checks[second.c].examined = fields;
    if (terms.fails == 0 && terms.skipped != 0)
        audit_check_reason(r, terms.c, "not run on %zu word(s): the dictionary that tells a "
                           "name from a word is missing here (install %s%s%s); no other "
                           "protected form of the %zu digests is left in %zu fields",
                           terms.warns, missing_packages(terms.skipped, 0),
                           missing_packages(terms.skipped, 1), missing_packages(terms.skipped, 2),
                           ds->n, fields);
    else if (terms.fails == 0)
        audit_check_reason(r, terms.c, "no protected form of the %zu digests is left in %zu fields by the redactor's rules",
                           ds->n, fields);
    else
        audit_check_reason(r, terms.c, "%zu protected terms left in the text", terms.fails);
    if (dets.fails == 0)
        audit_check_reason(r, dets.c, "%zu fields: no pattern left outside the redactions", fields);
    else
        audit_check_reason(r, dets.c, "%zu fields: %zu left that the redactor should have replaced",
                           fields, dets.fails);
    if (second.warns == 0)
        audit_check_reason(r, second.c, "%zu fields: nothing kept with allow, no name-like word, place, listed name or handle shape",
                           fields);
    else
        audit_check_reason(r, second.c, "%zu fields: %zu to review (kept with allow, name-like words, places, names, handles); no rule of the redactor replaces them",
                           fields, second.warns);
    rc = 0;
out:
    secmem_wipe_free(quiet);
    window_memo_free(memo);
    redact_words_clear();
    free(terms.seen), free(dets.seen), free(second.seen);
    return rc;
}
