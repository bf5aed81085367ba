/* What `intake allow` may clear: the guard of an allowed text, read as
 * the redactor reads it (one rule, one place: report-adv15 R-1).  Moved
 * from store/term.c; the store keeps the identity check and the list of
 * allowed texts.  Rules: docs/VARIANTS.md "What `allow` may clear". */
#include "privacy/allow.h"

#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/readings.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"

int redactor_matches(const struct redactor *r, const char *text, struct err *e)
{
    size_t len = strlen(text);
    int hit = redactor_check(r, text, len, e);

    if (hit != 0) {
        if (e->code != EXIT_AUTH)
            return -1;
        err_clear(e);
        return 1;
    }
    return redactor_collides(r, text, len, e);
}

/* What text, redacted alone, is to `allow`: ALLOW_WORD if it replaces
 * nothing and is, whole, one review flag of kind name-or-word: a
 * registered name that is also an ordinary word (나라, гэрэл, bold), which
 * the redactor leaves in the text where the context does not mark a name
 * (docs/VARIANTS.md).  Allowing it says "where it may be the word, it is
 * the word"; where the context marks a name it is still replaced.
 * ALLOW_SHORT_NAME if it is a one-syllable given name of a registered
 * name (FORM_CONTEXT: 민, Min of 박민), or starts with one and is flagged
 * (민에게, 민아, Min-ssi): that flag stands only where the context marks
 * the person, so allowing it would let the name leave (report-adv12d
 * F37, F38), or is a generated short form of a registered person's name
 * (FORM_SHORT: Алтаа of Алтангэрэл, Батаа) whose short-name flag it
 * raises: allow is for words that are not the person (report-adv19a
 * N-15; before, such a form that is also a word could be allowed, and
 * the record left with it).  ALLOW_GLUED if a registered name or term stands in it with
 * letters or digits glued to it (a glued-name flag: "Kim Jong-sux",
 * report-adv13b NEW-9).  ALLOW_OTHER else; -1 with e (out of memory). */
enum { ALLOW_OTHER, ALLOW_WORD, ALLOW_SHORT_NAME, ALLOW_GLUED, ALLOW_READS, ALLOW_REPLACED };

struct short_key {
    const char *key;
    size_t keylen;
    int flagged;                /* the text holds a short-name flag */
    int capital;                /* the text starts with a capital letter */
    int found;
};

static int short_form_is(void *ctx, const char *key, size_t keylen, const struct redact_form *f)
{
    struct short_key *k = ctx;

    if (f->kind == FORM_CONTEXT && keylen <= k->keylen && memcmp(key, k->key, keylen) == 0 &&
        (keylen == k->keylen || k->flagged))
        k->found = 1;
    /* A generated short form of a registered person's name, written with
     * its capital as the flag wants it (Алтаа of Алтангэрэл): the person,
     * not a word to allow (report-adv19a N-15); "гэрэл" in lower case is
     * the word. */
    if (f->kind == FORM_SHORT && f->person && k->capital && keylen == k->keylen &&
        memcmp(key, k->key, keylen) == 0)
        k->found = 1;
    return 0;
}

/* 1 if text, redacted alone to out, is one Hangul word whose only review
 * flag is a glued-name flag over all of it (영호남 "Yeongnam-Honam" of a
 * registered 영호: report-adv12g A-12) and no part of three syllables or
 * more at its start is protected (김영호남 holds the full name 김영호): a
 * word with a given name inside it may be allowed as that whole word,
 * where the flag stands on it; 영호 and 영호가 are replaced, not flagged,
 * and stay refused.  0 if not; -1 with e (out of memory). */
static int allow_glued_ko_word(const struct redactor *r, const struct redaction *out,
                               const char *text, struct err *e)
{
    size_t len = strlen(text);
    char part[64];
    int cp, hit;

    if (out->nitems != 0 || out->nflags != 1 || strcmp(out->flags[0].kind, "glued-name") != 0 ||
        out->flags[0].start != 0 || out->flags[0].len != out->len || len % 3 != 0 ||
        len >= sizeof part)
        return 0;
    for (size_t i = 0; i < len; i += 3)
        if (utf8_next(&cp, text + i, len - i) != 3 || cp < 0xAC00 || cp > 0xD7A3)
            return 0;
    for (size_t k = 9; k < len; k += 3) {
        memcpy(part, text, k);
        part[k] = '\0';
        if ((hit = redactor_matches(r, part, e)) != 0)
            return hit < 0 ? -1 : 0;
    }
    return 1;
}

/* 1 if text holds an encoded run (base64, hex: redact_int.h) whose
 * decoded text the redactor's rules find a name or term in; 0 if none;
 * -1 with e (out of memory, a matcher error). */
static int encoded_holds(const struct redactor *r, const char *text, struct err *e)
{
    struct encoded_run *run = redact_encoded_new();
    size_t at = 0, len = strlen(text);
    int hit = 0;

    if (run == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    while (hit == 0 && redact_encoded_next(run, text, len, &at)) {
        struct spans found = { 0 }, fl = { 0 };
        if (redact_encoded_read(&found, &fl, r, run, NULL, e) != 0)
            hit = -1;
        else if (found.n > 0 || fl.n > 0)
            hit = 1;
        free(found.s), free(fl.s);
    }
    redact_encoded_free(run);
    return hit;
}

static int allow_kind(const struct redactor *r, const char *text, struct err *e)
{
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct short_key k = { NULL, 0, 0, 0, 0 };
    int first;
    char *key = NULL;
    int kind = ALLOW_OTHER;

    if (ctx == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    if (redactor_run(&out, r, ctx, text, strlen(text), e) != 0) {
        redact_ctx_free(ctx);
        if (e->code != EXIT_AUTH)
            return -1;
        err_clear(e);
        return ALLOW_OTHER;
    }
    for (size_t i = 0; i < out.nflags; i++) {
        k.flagged |= strcmp(out.flags[i].kind, "short-name") == 0;
        /* A registered name or term with letters or digits glued to it
         * ("Kim Jong-sux", "xChongjin"): allowed, it would leave whole. */
        if (strcmp(out.flags[i].kind, "glued-name") == 0 && kind != ALLOW_READS)
            kind = ALLOW_GLUED;
        /* A registered name read in another script or transcription
         * (巴特巴雅尔 for Батбаяр, 윌리엄 for William: report-adv17a D-40,
         * D-55): the flag is the redactor's reading of that name. */
        if (strcmp(out.flags[i].kind, "transcription") == 0)
            kind = ALLOW_READS;
    }
    /* A name or term the redactor replaces in the text (its own rules:
     * other scripts, decoded runs), though the literal scan of
     * redactor_matches does not see it. */
    for (size_t i = 0; i < out.nitems && kind == ALLOW_OTHER; i++)
        if (strcmp(out.items[i].rule, "pattern") != 0 && strcmp(out.items[i].rule, "escape") != 0 &&
            strcmp(out.items[i].rule, "manual") != 0)
            kind = ALLOW_REPLACED;
    if (kind == ALLOW_OTHER && out.nitems == 0 && out.nflags == 1 &&
        strcmp(out.flags[0].kind, "name-or-word") == 0 && out.flags[0].start == 0 &&
        out.flags[0].len == out.len)
        kind = ALLOW_WORD;
    if (kind == ALLOW_GLUED) {
        int word = allow_glued_ko_word(r, &out, text, e);
        if (word < 0) {
            redaction_free(&out);
            redact_ctx_free(ctx);
            return -1;
        }
        kind = word ? ALLOW_WORD : kind;
    }
    redaction_free(&out);
    redact_ctx_free(ctx);
    if (kind == ALLOW_WORD || kind == ALLOW_GLUED || kind == ALLOW_READS || kind == ALLOW_REPLACED)
        return kind;
    /* A base64 or hex run whose decoded text holds a name or term
     * (report-adv17a D-11): its escape-run flag is that name. */
    if ((kind = encoded_holds(r, text, e)) != 0)
        return kind < 0 ? -1 : ALLOW_READS;
    if (normalise_key(&key, &k.keylen, text, strlen(text), e) != 0)
        return -1;
    k.key = key;
    k.capital = utf8_next(&first, text, strlen(text)) > 0 && normalise_is_upper(first);
    (void)redactor_each_form(r, WORDS_SEEN, short_form_is, &k);
    secmem_free(key);
    return k.found ? ALLOW_SHORT_NAME : ALLOW_OTHER;
}

/* 1 if another reading of text holds a protected form (brief i12-names,
 * report-adv12g ): joined as the redactor reads names split by
 * spaces, line-end hyphens, quotes or stops ("Young ho", "Young- ho"),
 * reversed as a right-to-left override shows it ("oh-gnuoY", "호영김"),
 * or both (reversed: 0 for the joined reading alone); 0 if none; -1 with e
 * filled. */
static int other_reading_matches(const struct redactor *r, const char *text, int reversed,
                                 struct err *e)
{
    char *j = NULL, *rev = NULL, *revj = NULL;
    int hit = -1;

    if (reading_joined(&j, text, strlen(text)) != 0 ||
        reading_reversed(&rev, text, strlen(text)) != 0 ||
        reading_reversed(&revj, j, strlen(j)) != 0) {
        err_set(e, EXIT_INPUT, "out of memory");
        goto out;
    }
    if ((hit = strcmp(j, text) != 0 ? redactor_matches(r, j, e) : 0) == 0 && reversed &&
        (hit = redactor_matches(r, rev, e)) == 0)
        hit = strcmp(revj, rev) != 0 ? redactor_matches(r, revj, e) : 0;
out:
    secmem_free(j), secmem_free(rev), secmem_free(revj);
    return hit;
}

int redactor_allow_check(const struct redactor *r, const char *text, struct err *e)
{
    int hit = allow_kind(r, text, e), kind = hit;

    if (hit == ALLOW_READS)
        return err_set(e, EXIT_INPUT, "this text reads as a protected name (decoded or "
                       "transcribed); it cannot be allowed; nothing was changed");
    if (hit == ALLOW_SHORT_NAME)
        return err_set(e, EXIT_INPUT, "this text is a form of a registered name whose review "
                       "flag stands where it may name the person, and cannot be allowed; "
                       "nothing was changed");
    hit = hit < 0 ? -1 : hit == ALLOW_WORD ? 0 : hit == ALLOW_GLUED ? 1 : redactor_matches(r, text, e);
    /* The other readings; of a name that is also a word, not the reversed
     * ones: the word is allowed as the flag shows it, and its reversal
     * ("라나" for 나라) reads as a form of the name. */
    if (hit == 0)
        hit = other_reading_matches(r, text, kind != ALLOW_WORD, e);
    /* replaced by the redactor's own rules, though no literal reading of
     * the text holds a protected form (another script, a decoded run) */
    if (hit == 0 && kind == ALLOW_REPLACED)
        return err_set(e, EXIT_INPUT, "this text reads as a protected name (decoded or "
                       "transcribed); it cannot be allowed; nothing was changed");
    if (hit == 0)
        return 0;
    return hit < 0 ? -1 : err_set(e, EXIT_INPUT,
        "this text contains a protected name or term and cannot be allowed (allowed texts are shown to auditors); nothing was changed");
}
