/* Letters of a script the engine cannot read (report adv12 A-3): a name
 * written in Arabic, Hebrew, Thai or another script with no transcription
 * table here (كيم يونغ هو for Kim Young-ho) is found by no rule, so such
 * a run is a review flag, `unread-script`, wherever the redactor
 * protects a person: a person must read it.  The scripts with readings
 * (Latin, Cyrillic, Hangul, Han, kana, Mongolian; Greek is left alone,
 * its letters are symbols in most texts) are not flagged. */
#include <sodium.h>
#include <stdint.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/script_read.h"
#include "privacy/script_reading.h"

/* Unicode blocks of scripts with no reading here (Unicode 15 block
 * ranges): Hebrew, Arabic, Syriac, Arabic Supplement, Thaana, N'Ko,
 * Devanagari to Sinhala, Thai, Lao, Tibetan, Myanmar, Georgian, Ethiopic,
 * Khmer, Hebrew and Arabic presentation forms.  Armenian and Cherokee are
 * left to the look-alike rules (confusable.c: their letters are written
 * for Latin ones; names.jsonl, lookalikes.jsonl keep them unflagged). */
static const int unread_blocks[][2] = {
    {0x0590, 0x05FF}, {0x0600, 0x06FF}, {0x0700, 0x074F},
    {0x0750, 0x077F}, {0x0780, 0x07BF}, {0x07C0, 0x07FF}, {0x0900, 0x0DFF},
    {0x0E00, 0x0E7F}, {0x0E80, 0x0EFF}, {0x0F00, 0x0FFF}, {0x1000, 0x109F},
    {0x10A0, 0x10FF}, {0x1200, 0x139F}, {0x1780, 0x17FF},
    {0xFB1D, 0xFB4F}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF},
};

static int unread(int cp)
{
    for (size_t i = 0; i < sizeof unread_blocks / sizeof unread_blocks[0]; i++)
        if (cp >= unread_blocks[i][0] && cp <= unread_blocks[i][1])
            return is_word_cp(cp);
    return 0;
}

static int protects_person(const struct redactor *r)
{
    for (size_t i = 0; i < r->nterms; i++)
        if (r->terms[i].cat == NAME_CAT || r->terms[i].cat == TERM_PERSON)
            return 1;
    return 0;
}

/* 1 if cp, at a word of another script, is one of its letters (script_read.h;
 * Tibetan's tsheg joins its syllables; its shad and Thai's paiyannoi end
 * a word). */
static int script_word_cp(int cp)
{
    return script_read_letter(cp) && cp != 0x0F0D && cp != 0x0E2F &&
           (is_word_cp(cp) || (cp >= 0x0F0B && cp <= 0x0F0C));
}

/* Calls each(ctx, t, start, end) for each word of another script in
 * t's key, t->norm[start..end) (bytes; script_word_cp's letters), in
 * order; stops at the first that returns non-zero and returns it, else
 * 0.  The one walk of the two passes below. */
static int each_script_word(const struct normtext *t,
                            int (*each)(void *ctx, const struct normtext *t, size_t start, size_t end),
                            void *ctx)
{
    size_t p = 0, start = 0;
    int cp, k, in = 0, rc;

    for (;;) {
        k = p < t->normlen ? utf8_next(&cp, t->norm + p, t->normlen - p) : 0;
        int letter = k > 0 && script_word_cp(cp);
        if (letter && !in)
            start = p, in = 1;
        else if (!letter && in) {
            in = 0;
            if ((rc = each(ctx, t, start, p)) != 0)
                return rc;
        }
        if (k <= 0)
            return 0;
        p += (size_t)k;
    }
}

struct script_pass {
    struct spans *sp, *flags;
    const struct redactor *r;
};

/* A word of a script the rules cannot match (Greek, Armenian, Georgian,
 * the Mongolian script, Tibetan, Devanagari, Thai, Arabic) that reads as
 * a person form of r (pseudonym_script_form: Ζίχο for Roh Ji-ho,
 * ᠪᠠᠲᠤᠰᠦᠬᠡ for Батсүх) is a review flag, `transcription` (brief s38
 * script38, report-adv37 L-10, L-11).  Only such words are read: a text
 * without them costs one pass over its code points. */
static int read_as_form(void *ctx, const struct normtext *t, size_t start, size_t end)
{
    struct script_pass *ps = ctx;

    if (pseudonym_script_form(ps->r, t->norm + start, end - start) == 1) {
        struct span s = { t->ostart[start], normtext_oend(t, end - 1), FLAG_TRANSCRIPTION,
                          0, 0, SIZE_MAX, 0, 1, 0 };
        if (redact_span_add(ps->flags, &s) != 0)
            return -1;
    }
    return 0;
}

/* The first person literal of r whose form the reading rd is, one that
 * is replaced (FORM_REPLACE) before others; r->nlits if none. */
static size_t script_owner(const struct redactor *r, const struct script_reading *rd)
{
    size_t first = r->nlits;

    for (size_t i = 0; i < r->nlits; i++) {
        const struct lit *l = &r->lits[i];
        if (!l->person || l->initials ||
            !script_reading_is(rd, r->arena + r->keyoff[i], l->keylen, l->suffix))
            continue;
        if (redact_lit_form(r, i).kind == FORM_REPLACE)
            return i;
        if (first == r->nlits)
            first = i;
    }
    return first;
}

/* A word of another script whose reading is a person form of r is that
 * subject's (script_owner) and replaced or flagged as the literal is. */
static int read_as_name(void *ctx, const struct normtext *t, size_t start, size_t p)
{
    struct script_pass *ps = ctx;
    const struct redactor *r = ps->r;
    struct script_reading rd;
    int first = 0, cased;

    /* Greek and Armenian have capitals, and a name has one */
    cased = utf8_next(&first, t->orig + t->ostart[start], t->inlen - t->ostart[start]) > 0 &&
            normalise_is_upper(first);
    (void)utf8_next(&first, t->norm + start, p - start);
    if ((cased || !((first >= 0x0370 && first <= 0x03FF) || (first >= 0x1F00 && first <= 0x1FFF) ||
                    (first >= 0x0531 && first <= 0x058A))) &&
        script_reading_of(&rd, t->norm + start, p - start)) {
        size_t lit = script_owner(r, &rd);
        sodium_memzero(&rd, sizeof rd);
        if (lit < r->nlits && redact_read_file(ps->sp, ps->flags, r, lit, start, p) != 0)
            return -1;
    }
    return 0;
}

int redact_script_names(struct spans *sp, struct spans *flags, const struct redactor *r,
                        const struct normtext *t)
{
    struct script_pass ps = { sp, flags, r };

    if (!redact_can_match(r) || !protects_person(r))
        return 0;
    return each_script_word(t, read_as_name, &ps);
}

int redact_unread_scripts(struct spans *flags, const struct redactor *r, const struct normtext *t)
{
    size_t p = 0, start = 0, end = 0, letters = 0;
    int cp, k;

    if (!protects_person(r))
        return 0;
    struct script_pass ps = { NULL, flags, r };
    if (each_script_word(t, read_as_form, &ps) != 0)
        return -1;
    for (;;) {
        k = p < t->normlen ? utf8_next(&cp, t->norm + p, t->normlen - p) : 0;
        if (k > 0 && unread(cp)) {
            if (letters == 0)
                start = p;
            letters++, end = p + (size_t)k;
        } else if (k > 0 && cp == ' ' && letters > 0) {
            /* words of one run: كيم يونغ هو is one flag */
        } else if (letters > 0) {
            struct span s = { t->ostart[start], normtext_oend(t, end - 1), FLAG_UNREAD_SCRIPT,
                              0, 0, SIZE_MAX, 0, 0, 0 };
            if (letters >= 2 && redact_span_add(flags, &s) != 0)
                return -1;
            letters = 0;
        }
        if (k <= 0)
            return 0;
        p += (size_t)k;
    }
}
