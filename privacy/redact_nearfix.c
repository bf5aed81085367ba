/* A near-name review flag whose word, in one of its spellings, is a
 * registered name (brief s18 allow18 item 1, report-adv17a D-15):
 * Өлзибаяр (й left out) is a spelling the variant rules make of Өлзийбаяр,
 * so `allow` refuses it as a protected name (allow.c reads every
 * spelling: redactor_collides); the redactor now replaces it with that
 * name's pseudonym, so redact, allow and export say the same.  A near
 * name no spelling of which is protected stays a review flag
 * (redact_near.c), and so does one whose spelling only holds a name with
 * more after it, or one written in lower case ("jongsuk": a word as
 * often as a name). */
#include <stdlib.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/patronymic.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"
#include "privacy/variants.h"
#include "privacy/varlist.h"

/* The script of the first letter of s[0..n): two code points of one
 * script compare equal under normalise_script_change. */
static int first_cp(const char *s, size_t n)
{
    int cp = 0;

    return n > 0 && utf8_next(&cp, s, n) > 0 ? cp : 0;
}

/* The first hit of r in the spellings of in[a..b): *hit filled, 1; 0 if
 * none; -1 with e.  In a store of two subjects or more (brief s24
 * attr24, docs/PSEUDONYMS.md "Which subject a hit names") every spelling
 * is read: the hit keeps its subject's pseudonym only when a spelling in
 * the word's own script (Latin Jonson: a Latin spelling) names that
 * subject and no spelling names another; else, a hit there is, it becomes
 * a neutral [PERSON-n] (Jonson, one letter from Johnson, whose Cyrillic
 * spelling Джонсон also reads as a form of Kim Jong-su's Джонсо: the word
 * goes, no subject is named). */
static int spelled_hit(struct span *hit, const struct redactor *r, const char *in, size_t a,
                       size_t b, struct redact_ctx *ctx, struct err *e)
{
    struct variant_list vl;
    int rc = 0, own = 0, other = 0, wcp = first_cp(in + a, b - a);
    int all = r->nsubjects >= 2;
    long subject = 0;

    if (variants_of(&vl, in + a, b - a, e) != 0)
        return -1;
    for (size_t i = 0; rc >= 0 && (all || rc == 0) && i < vl.n; i++) {
        struct normtext t;
        const struct variant *v = &vl.v[i];
        /* a spelling, not a short form, initials or another person's name */
        if (v->flag || v->initials || v->context || v->father || v->nickname)
            continue;
        struct spans found = { 0 }, pending = { 0 }, fl = { 0 };
        if (normalise(&t, vl.v[i].key, vl.v[i].keylen, e) != 0) {
            rc = -1;
            break;
        }
        if (redact_match_terms(&found, &pending, &fl, r, &t, ctx, e) != 0 ||
            (all && redact_attrib(&found, r, &t) != 0))
            rc = -1;
        else
            for (size_t k = 0; k < found.n && rc >= 0; k++) {
                const struct span *f = &found.s[k];
                /* the whole spelling, not a part of it (종수 of 종수이, a
                 * spelling of Чонсуй: a name and a particle) */
                if (f->term == SIZE_MAX || f->start != 0 || f->end != t.normlen)
                    continue;
                if (rc == 0)
                    *hit = *f;
                rc = 1;
                if (!all)
                    break;
                if (f->cat != CAT_PSEUDONYM || (subject != 0 && f->subject != subject))
                    other = 1;
                subject = f->subject;
                if (!normalise_script_change(wcp, first_cp(v->key, v->keylen)))
                    own = 1;
            }
        free(found.s), free(pending.s), free(fl.s);
        normtext_free(&t);
    }
    variant_list_free(&vl);
    if (rc == 1 && all && hit->cat == CAT_PSEUDONYM && (other || !own))
        hit->cat = TERM_PERSON;
    return rc;
}

/* 1 if a span of sp (input offsets) overlaps [a, b): the name in the
 * near word is replaced already ("Jong-su's": its possessive stays). */
static int replaced(const struct spans *sp, size_t a, size_t b)
{
    for (size_t i = 0; i < sp->n; i++)
        if (sp->s[i].start < b && a < sp->s[i].end)
            return 1;
    return 0;
}

/* The index in sp of a user name span (DETECT_HANDLE) that is exactly
 * [a, b) and the only span overlapping it, or SIZE_MAX: a word of a name
 * read as a user name made of the name's pieces ("Bolod", Bold with an
 * epenthetic vowel, reads as "bolo" + "d", a pet form of Bold cut and
 * Dorj's initial) that the near-name rule finds to be the name is that
 * name's, replaced by its pseudonym (leaks-forms12.bats, session 52).
 * in is the input; a, b are input offsets (bytes). */
static size_t handle_only(const struct spans *sp, const char *in, size_t a, size_t b)
{
    size_t found = SIZE_MAX;
    int cp, k;

    /* a plain word only: a user name with separators or digits
     * ("Kim_Young_ho") stays a user name (encodings.jsonl line 17) */
    for (size_t p = a; p < b; p += (size_t)k)
        if ((k = utf8_next(&cp, in + p, b - p)) <= 0 || !is_word_cp(cp) || (cp >= '0' && cp <= '9') ||
            cp == '_')
            return SIZE_MAX;

    for (size_t i = 0; i < sp->n; i++)
        if (sp->s[i].start < b && a < sp->s[i].end) {
            if (found != SIZE_MAX || sp->s[i].cat != CAT_DETECT + DETECT_HANDLE ||
                sp->s[i].start != a || sp->s[i].end != b)
                return SIZE_MAX;
            found = i;
        }
    return found;
}

/* 1 if [a, b) of in is a given name that is a Russian or Ukrainian word
 * (redact_sense_word_name): the redactor judges a registered name so
 * written where it stands, a review flag where it may be the word
 * ("Надежда на помощь", redact_sense_as_word) or nothing ("Надежда
 * умирает последней"); a spelling of it in another script (nadyejda,
 * lyubov of Любовь for the surname Любова) is no reason to replace it
 * (brief s30 slav30, report-adv29c K-7; brief s32 set32, report-adv31
 * O-2, O-5).  Its near-name flag stays. */
static int name_or_word(const char *in, size_t a, size_t b)
{
    return redact_sense_word_name(in + a, b - a);
}

/* 1 if [a, b) of in is a patronymic (Петрович, Петровна, Petrovich: a
 * stem and a suffix of patronymic.h): one of its spellings may read as a
 * registered Петрова, but it names the father's child, another person
 * (brief s34 over34, report-adv33 O-2, O-24).  Its near-name flag stays. */
static int patronymic_word(const char *in, size_t a, size_t b)
{
    char *norm;
    size_t nl;
    int rc;

    if (normalise_norm(&norm, &nl, in + a, b - a, NULL) != 0)
        return 0;
    rc = patronymic_suffix_at(norm, nl) > 0;
    secmem_free(norm);
    return rc;
}

/* redact_other_person.c's mark of its review flags (struct span word). */
#define OTHER_PERSON_MARK 2

/* 1 if a review flag of flags other than f has f's extent and marks
 * another person's given name before their surname (OTHER_PERSON_MARK,
 * redact_other_person: "Mohamed Salah"; brief s48 pub48, report-adv47
 * O-8): a person decides, and a near miss's reading of the same word does
 * not overrule that.  Other name-or-word flags are promoted as before
 * (adv36-open lines 215, 216, 238: Гэрэлээс, Оюунаагаас). */
static int judged(const struct spans *flags, const struct span *f)
{
    for (size_t i = 0; i < flags->n; i++)
        if (&flags->s[i] != f && flags->s[i].cat == FLAG_NAME_OR_WORD &&
            flags->s[i].word == OTHER_PERSON_MARK && flags->s[i].start == f->start &&
            flags->s[i].end == f->end)
            return 1;
    return 0;
}

int redact_near_promote(struct spans *sp, const struct spans *flags, const struct redactor *r,
                        const struct normtext *t, struct redact_ctx *ctx, struct err *e)
{
    int any = 0, rc;

    for (size_t i = 0; i < flags->n; i++) {
        const struct span *f = &flags->s[i];
        struct span hit;
        size_t handle = SIZE_MAX;
        int cp;
        /* written as a name, with a capital ("jongsuk" in lower case
         * stays a flag: test_redact's negatives) */
        if (f->cat == FLAG_NEAR_NAME)
            handle = handle_only(sp, t->orig, f->start, f->end);
        if (f->cat != FLAG_NEAR_NAME || (handle == SIZE_MAX && replaced(sp, f->start, f->end)) ||
            judged(flags, f) ||
            name_or_word(t->orig, f->start, f->end) || patronymic_word(t->orig, f->start, f->end) ||
            redact_sense_trade_near(t->orig, t->inlen, f->start, f->end) ||
            redact_sense_other_bearer_near(t->orig, t->inlen, f->start, f->end) ||
            redact_sense_other_named_near(t->orig, t->inlen, f->start, f->end) ||
            redact_sense_public_figure_near(t->orig, t->inlen, f->start, f->end) ||
            redact_sense_place_near(t->orig, t->inlen, f->start, f->end) ||
            redact_sense_named_thing_near(t->orig, t->inlen, f->start, f->end) ||
            redact_sense_word_at_start_near(t->orig, t->inlen, f->start, f->end) ||
            utf8_next(&cp, t->orig + f->start, f->end - f->start) <= 0 || !normalise_is_upper(cp))
            continue;
        if ((rc = spelled_hit(&hit, r, t->orig, f->start, f->end, ctx, e)) < 0)
            return -1;
        if (rc == 0)
            continue;
        hit.start = f->start, hit.end = f->end;
        if (handle != SIZE_MAX) {
            sp->s[handle] = hit;
            continue;
        }
        if (redact_span_add(sp, &hit) != 0)
            return err_set(e, EXIT_INPUT, "out of memory while scanning text");
        any = 1;
    }
    if (any)
        redact_merge(sp, NULL);
    return 0;
}
