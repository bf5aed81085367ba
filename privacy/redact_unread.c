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
#include "privacy/redact_sense.h"
#include "privacy/script_read.h"
#include "privacy/script_reading.h"
#include "privacy/varlist.h"
#include "util/text.h"

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

/* 1 if the literal i is a Cyrillic spelling the variant rules made
 * (аддэд of Haddad, made for Mongolian and Russian texts) and rd is the
 * reading of an Arabic-script word: a name written in Arabic is
 * compared with the name as registered and its Latin spellings, not
 * with spellings made for another script (أعطيت, "I gave", read atit,
 * was Haddad's аддэд: report-adv41 L-20). */
static int other_script_spelling(const struct redactor *r, const struct script_reading *rd, size_t i)
{
    int cp = 0;

    return (rd->fold & SCRIPT_FOLD_EO) && r->lits[i].generated &&
           utf8_next(&cp, r->arena + r->keyoff[i], r->lits[i].keylen) > 0 && cp >= 0x0400 &&
           cp <= 0x052F;
}

/* 1 if the reading rd is the literal i by the strict rule: a short form
 * with all its vowels (script_reading_whole), another form with some
 * left out where the script does not write them (script_reading_is).
 * Whether a form is a short form is how it was made (lit_form's
 * shortform, never the dictionary's answer), so it is read without asking
 * the dictionary (redact_lit_form_seen): asking redact_lit_form of every
 * person literal here loaded hunspell-ko and -mn in subject add, 0.6 CPU s
 * each; a form no scan matched stays unasked (WORDS_SEEN: FORM_REPLACE):
 * docs/TESTING.md, "Session 50 (speed50)", what each reader sees. */
static int reads_strict(const struct redactor *r, const struct script_reading *rd, size_t i)
{
    const struct lit *l = &r->lits[i];
    const char *key = r->arena + r->keyoff[i];

    return redact_lit_form_seen(r, i).shortform ? script_reading_whole(rd, key, l->keylen, l->suffix)
                                                : script_reading_is(rd, key, l->keylen, l->suffix);
}

/* The first person literal of r whose form the reading rd is, one that
 * is replaced (FORM_REPLACE) before others; r->nlits if none. */
static size_t script_owner(const struct redactor *r, const struct script_reading *rd)
{
    size_t first = r->nlits;

    for (size_t i = 0; i < r->nlits; i++) {
        const struct lit *l = &r->lits[i];
        if (!l->person || l->initials || other_script_spelling(r, rd, i) ||
            !reads_strict(r, rd, i))
            continue;
        if (redact_lit_form(r, i).kind == FORM_REPLACE)
            return i;
        if (first == r->nlits)
            first = i;
    }
    return first;
}

/* ---- Arabic proclitics, the Persian ezafe, Georgian case endings (brief
 * s43 scr43, report-adv42 L-26, L-62, adv41 L-19, L-21, L-42) ----
 * A name in these scripts is written with what the language glues to it:
 * Arabic's one-letter proclitics و ف (and, so), ب ك ل (with, like, to)
 * and the article ال (لكريم, وعمر, والحداد, للحداد), Persian's ezafe -ی
 * after a vowel (رضای تهرانی), Georgian's case endings (გიორგიმ ergative,
 * გიორგის dative and genitive, ბერიძის genitive of ბერიძე; Hewitt,
 * "Georgian: a structural reference grammar", 1995, the noun's cases).
 * The stems without them are read as the whole word is. */
#define STEM_MAX 4
#define STEM_BYTES 192

struct stem {
    char s[STEM_BYTES];
    size_t len, skip;           /* the stem's bytes; bytes of the word before it */
    int article;                /* the Arabic article ال was taken off */
};

static int ar_letter(const char *w, const char *l)
{
    return w[0] == l[0] && w[1] == l[1];
}

/* The stems of the Arabic-script word w[0..len) (norm bytes) less its
 * proclitics and ezafe, at most STEM_MAX, into st; their number.  A stem
 * keeps three letters or more (6 bytes: the letters are two bytes). */
static size_t arabic_stems(struct stem *st, const char *w, size_t len)
{
    static const char *const conj[] = { "\xd9\x88", "\xd9\x81" };            /* و ف */
    static const char *const prep[] = { "\xd8\xa8", "\xd9\x83", "\xd9\x84" }; /* ب ك ل */
    size_t n = 0, ends[2], nend = 1;

    ends[0] = len;
    /* the ezafe: ی or ي after ا or و (رضای) */
    if (len >= 8 && (ar_letter(w + len - 2, "\xdb\x8c") || ar_letter(w + len - 2, "\xd9\x8a")) &&
        (ar_letter(w + len - 4, "\xd8\xa7") || ar_letter(w + len - 4, "\xd9\x88")))
        ends[nend++] = len - 2;
    for (size_t e = 0; e < nend; e++) {
        size_t p = 0, starts[4], ns = 0;
        if (e > 0)
            starts[ns++] = 0;
        for (size_t i = 0; i < 2; i++)
            if (ar_letter(w, conj[i]))
                p = 2;
        size_t q = p;
        for (size_t i = 0; i < 3 && q == p; i++)
            if (len > q + 2 && ar_letter(w + q, prep[i]))
                q += 2;
        size_t r = q;
        if (q > p && ar_letter(w + q - 2, "\xd9\x84") && len > q + 2 && ar_letter(w + q, "\xd9\x84"))
            r += 2;             /* للحداد: ل and ال without its alef */
        else if (len > q + 4 && ar_letter(w + q, "\xd8\xa7") && ar_letter(w + q + 2, "\xd9\x84"))
            r += 4;             /* ال */
        if (p > 0)
            starts[ns++] = p;
        if (q > p)
            starts[ns++] = q;
        if (r > q)
            starts[ns++] = r;
        for (size_t i = 0; i < ns && n < STEM_MAX; i++) {
            size_t a = starts[i], b = ends[e];
            if (b < a + 6 || b - a >= STEM_BYTES)
                continue;
            memcpy(st[n].s, w + a, b - a), st[n].len = b - a, st[n].skip = a;
            st[n].article = a == r && r > q, n++;
        }
    }
    return n;
}

/* The stems of the Georgian word w[0..len) less a case ending: -მა, -მ
 * (ergative), -ს (dative), -ის (genitive; a stem in -ე or -ა loses it:
 * ბერიძის for ბერიძე).  Their number, into st (skip 0). */
static size_t georgian_stems(struct stem *st, const char *w, size_t len)
{
    static const char *const ends[] = { "\xe1\x83\x9b\xe1\x83\x90", "\xe1\x83\x9b",
                                        "\xe1\x83\x98\xe1\x83\xa1", "\xe1\x83\xa1" };
    static const char *const vowel[] = { "", "\xe1\x83\x94", "\xe1\x83\x90" };   /* ე ა */
    size_t n = 0;

    for (size_t i = 0; i < 4; i++) {
        size_t k = strlen(ends[i]);
        if (len < k + 9 || memcmp(w + len - k, ends[i], k) != 0)
            continue;
        for (size_t v = 0; v < (i == 2 ? 3u : 1u) && n < STEM_MAX; v++) {
            size_t m = len - k, vl = strlen(vowel[v]);
            if (m + vl >= STEM_BYTES)
                continue;
            memcpy(st[n].s, w, m), memcpy(st[n].s + m, vowel[v], vl);
            st[n].len = m + vl, st[n].skip = 0, st[n].article = 0, n++;
        }
    }
    return n;
}

/* The stems of the word t->norm[start..end) of another script (above). */
static size_t word_stems(struct stem *st, const struct normtext *t, size_t start, size_t end)
{
    int cp = 0;

    if (utf8_next(&cp, t->norm + start, end - start) <= 0)
        return 0;
    if (cp >= 0x0620 && cp <= 0x06FF)
        return arabic_stems(st, t->norm + start, end - start);
    if (cp >= 0x10D0 && cp <= 0x10FF)
        return georgian_stems(st, t->norm + start, end - start);
    return 0;
}

/* A word beside the one before it, of the same script family: the norm
 * text between them only spaces. */
struct prev_word {
    size_t start, end;
    int set;
};

struct name_pass {
    struct spans *sp, *flags;
    const struct redactor *r;
    struct prev_word prev;
};

/* 1 if the reading rd (or with near, script_reading_near: a short
 * vowel and ع left out, عمر for Omar) is the person literal i. */
static int reads_as(const struct redactor *r, const struct script_reading *rd, size_t i, int near)
{
    const struct lit *l = &r->lits[i];

    if (!l->person || l->initials || other_script_spelling(r, rd, i))
        return 0;
    return near ? script_reading_near(rd, r->arena + r->keyoff[i], l->keylen, l->suffix)
                : reads_strict(r, rd, i);
}

/* The readings of the word t->norm[start..end) and of its stems, into
 * rds (1 + STEM_MAX); skips[i] the bytes before reading i's stem, arts[i]
 * (may be NULL) 1 where the stem lost the Arabic article.  Their
 * number. */
static size_t word_readings(struct script_reading *rds, size_t *skips, int *arts,
                            const struct normtext *t, size_t start, size_t end)
{
    struct stem st[STEM_MAX];
    size_t n = 0, ns = word_stems(st, t, start, end);

    if (script_reading_of(&rds[n], t->norm + start, end - start)) {
        if (arts != NULL)
            arts[n] = 0;
        skips[n++] = 0;
    }
    for (size_t i = 0; i < ns; i++)
        if (script_reading_of(&rds[n], st[i].s, st[i].len)) {
            if (arts != NULL)
                arts[n] = st[i].article;
            skips[n++] = st[i].skip;
        }
    sodium_memzero(st, sizeof st);
    return n;
}

/* The given name beside its surname (brief s43 scr43: عمر حداد, لكريم
 * منصور, رضا تهرانی, رضای تهرانی): two words side by side, one a person
 * literal i of a subject by the strict rule (script_reading_is), the
 * other a literal j of the same subject with another key by the strict
 * or the near rule (عمر for Omar, رضا for Reza: too loose alone, as عمل
 * "work" reads as Omar too), are that subject's name: both replaced,
 * whatever their forms alone are.  A word near another subject's name
 * is not joined to it: i and j are one subject's.  1 if filed, 0 if not,
 * -1 out of memory. */
static int beside_surname(struct name_pass *ps, const struct normtext *t, size_t a0, size_t a1,
                          size_t b0, size_t b1)
{
    const struct redactor *r = ps->r;
    struct script_reading ra[1 + STEM_MAX], rb[1 + STEM_MAX];
    size_t sa[1 + STEM_MAX], sb[1 + STEM_MAX], na, nb;
    int rc = 0;

    na = word_readings(ra, sa, NULL, t, a0, a1);
    nb = word_readings(rb, sb, NULL, t, b0, b1);
    for (int side = 0; side < 2 && rc == 0 && na > 0 && nb > 0; side++) {
        /* side 0: the second word strict (the surname), 1: the first */
        struct script_reading *rs = side ? ra : rb, *rn = side ? rb : ra;
        size_t ns = side ? na : nb, nn = side ? nb : na;
        for (size_t i = 0; i < r->nlits && rc == 0; i++) {
            size_t x, y, j;
            for (x = 0; x < ns && !reads_as(r, &rs[x], i, 0); x++)
                ;
            if (x == ns)
                continue;
            long subject = r->terms[r->lits[i].term].subject;
            for (j = 0; j < r->nlits && rc == 0; j++) {
                const struct lit *lj = &r->lits[j];
                if (j == i || r->terms[lj->term].subject != subject ||
                    (lj->keylen == r->lits[i].keylen &&
                     memcmp(r->arena + r->keyoff[j], r->arena + r->keyoff[i], lj->keylen) == 0))
                    continue;
                for (y = 0; y < nn && !reads_as(r, &rn[y], j, 1); y++)
                    ;
                if (y == nn)
                    continue;
                size_t xs = side ? sa[x] : sb[x], ys = side ? sb[y] : sa[y];
                size_t s0 = side ? a0 : b0, s1 = side ? a1 : b1, n0 = side ? b0 : a0, n1 = side ? b1 : a1;
                rc = redact_unread_replace(ps->sp, r, i, s0 + xs, s1) != 0 || redact_unread_replace(ps->sp, r, j, n0 + ys, n1) != 0
                         ? -1 : 1;
            }
        }
    }
    sodium_memzero(ra, sizeof ra);
    sodium_memzero(rb, sizeof rb);
    return rc;
}

/* The first person literal of r registered as the Georgian stem
 * s[0..len) is written (a name's case form in Georgian letters:
 * კაპანაძეს, the dative of a registered კაპანაძე, which no reading
 * compares, the literal being in Georgian letters itself; brief s49
 * arab49, report-adv48 line 18); r->nlits if none. */
static size_t georgian_literal(const struct redactor *r, const char *s, size_t len)
{
    for (size_t i = 0; i < r->nlits; i++) {
        const struct lit *l = &r->lits[i];
        if (l->person && !l->initials && !l->generated && l->keylen == len &&
            memcmp(r->arena + r->keyoff[i], s, len) == 0)
            return i;
    }
    return r->nlits;
}

/* A word of another script whose reading is a person form of r is that
 * subject's (script_owner) and replaced or flagged as the literal is; so
 * is its stem less an Arabic proclitic or the ezafe, or less a Georgian
 * case ending (above: the proclitic stays outside the span).  A word
 * beside its subject's other name is replaced with it (beside_surname). */
static int read_as_name(void *ctx, const struct normtext *t, size_t start, size_t p)
{
    struct name_pass *ps = ctx;
    const struct redactor *r = ps->r;
    struct script_reading rd;
    int first = 0, cased, rc = 0;

    /* Greek and Armenian have capitals, and a name has one */
    cased = utf8_next(&first, t->orig + t->ostart[start], t->inlen - t->ostart[start]) > 0 &&
            normalise_is_upper(first);
    (void)utf8_next(&first, t->norm + start, p - start);
    if (cased || !((first >= 0x0370 && first <= 0x03FF) || (first >= 0x1F00 && first <= 0x1FFF) ||
                   (first >= 0x0531 && first <= 0x058A))) {
        size_t lit = r->nlits, skip = 0;
        int flag_only = 0;
        if (script_reading_of(&rd, t->norm + start, p - start))
            lit = script_owner(r, &rd);
        if (lit == r->nlits) {
            struct stem st[STEM_MAX];
            size_t ns = word_stems(st, t, start, p);
            for (size_t i = 0; i < ns && lit == r->nlits; i++) {
                if (script_reading_of(&rd, st[i].s, st[i].len))
                    lit = script_owner(r, &rd), skip = st[i].skip, flag_only = st[i].article;
                if (lit == r->nlits && first >= 0x10D0 && first <= 0x10FF)
                    lit = georgian_literal(r, st[i].s, st[i].len), skip = 0, flag_only = 0;
            }
            sodium_memzero(st, sizeof st);
        }
        /* alone, a word that reads as a name only by the near rule (وعمر,
         * رضا: عمل "work" reads as Omar too) is a review flag; not with
         * the article (المال, "the money", reads as Omar) */
        if (lit == r->nlits && ps->flags != NULL) {
            struct script_reading rds[1 + STEM_MAX];
            size_t sk[1 + STEM_MAX];
            int arts[1 + STEM_MAX];
            size_t n = word_readings(rds, sk, arts, t, start, p);
            for (size_t i = 0; i < r->nlits && lit == r->nlits; i++)
                for (size_t k = 0; k < n && lit == r->nlits; k++)
                    if ((rds[k].fold & SCRIPT_FOLD_EO) && !arts[k] && !redact_lit_form_seen(r, i).shortform &&
                        reads_as(r, &rds[k], i, 1))
                        lit = i, skip = sk[k], flag_only = 1;
            sodium_memzero(rds, sizeof rds);
        }
        sodium_memzero(&rd, sizeof rd);
        /* the ordinary noun or adjective by the words around it, as the
         * verdict asks of a registered word (لحسن الحظ, بالرضا, وحسن
         * الخلق: brief s47 arab47, report-adv45 O-37, O-38, O-47, O-48) */
        if (lit < r->nlits && redact_sense_ar_noun(t, start + skip, p))
            lit = r->nlits;
        /* with the article, a name alone is a review flag at most (الكريم,
         * "the Noble"); beside its subject's other name it is replaced */
        if (lit < r->nlits &&
            (flag_only ? redact_unread_flag(ps->flags, r, lit, start + skip, p)
                     : redact_read_file(ps->sp, ps->flags, r, lit, start + skip, p)) != 0)
            return -1;
    }
    if (ps->prev.set && ps->prev.end < start) {
        size_t i = ps->prev.end;
        while (i < start && t->norm[i] == ' ')
            i++;
        if (i == start && (rc = beside_surname(ps, t, ps->prev.start, ps->prev.end, start, p)) < 0)
            return -1;
    }
    ps->prev.start = start, ps->prev.end = p, ps->prev.set = 1;
    return 0;
}

int redact_script_names(struct spans *sp, struct spans *flags, const struct redactor *r,
                        const struct normtext *t)
{
    struct name_pass ps = { sp, flags, r, { 0, 0, 0 } };

    if (!redact_can_match(r) || !protects_person(r))
        return 0;
    if (redact_latin_names(sp, flags, r, t) != 0 || redact_latin_pairs(sp, r, t) != 0)
        return -1;
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
