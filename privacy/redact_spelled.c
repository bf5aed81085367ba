/* Names spelled out letter by letter and names in leetspeak (brief s22
 * spell22, report-adv21 A-7, A-8).  A run of letters, one per word, with
 * any separators between them ("D, O, R, J", "J.O.N.G.-S.U.", "정-수",
 * "ㄱ ㅣ ㅁ ㅈ ㅓ ㅇ"), or of the letters' names ("double-u aitch eye",
 * "Whiskey Hotel India", "Пэ-е-тэ-эр", "기역 이 미음"), is read as the
 * letters it spells; a word with digits or symbols for letters
 * ("W1tf13ld", "Dor]", "D()rj", "|<im", "Н@талья", "B4t-3rd3n3") is read
 * through every common substitution.  Each reading is matched against
 * the redactor's own literals (redact_match_buf), so what is protected
 * has one definition; a hit covers whole letters or words of the
 * original, which are replaced (or flagged: redact_read_file).  Tables
 * and limits: docs/VARIANTS.md, "Spelled out and leetspeak (brief s22)". */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/common_words.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"

#define SP_UNITS 64             /* letters of a spelled run read at once */
#define SP_READ 512             /* bytes of a reading */
#define SP_SEP 4                /* code points between two letters of a run */
#define SP_HITS 16              /* hits kept per run */
#define LT_WORDS 3              /* words of a leetspeak window */
#define LT_READINGS 16          /* readings of one leetspeak word */
#define LT_CHARS 48             /* characters of a leetspeak word */
#define NAME_MAX_BYTES 10       /* bytes of the longest letter's name (double-you, 쌍기역 9) */

/* ---- Letters and their names ---- */

enum sp_script { SP_NONE, SP_LATIN, SP_CYRILLIC, SP_KOREAN };

/* The names of the letters: English (the Oxford spellings and the usual
 * variants), the NATO/ICAO spelling alphabet (ICAO Annex 10, vol. II,
 * with the everyday alpha, juliet, whisky), Russian (the letters' names
 * as the Russian grammar gives them, with the spoken эл, эф) and Korean
 * (the consonants' names of the 1933 orthography, North and South:
 * 기역/기윽, 디귿/디읃, 시옷/시읏).  Each is read as its letter (for
 * Korean a compatibility jamo, composed later). */
struct letter_name {
    const char *name, *letter;
};

static const struct letter_name latin_names[] = {
    {"a", "a"}, {"ay", "a"}, {"bee", "b"}, {"be", "b"}, {"cee", "c"}, {"see", "c"},
    {"dee", "d"}, {"ee", "e"}, {"ef", "f"}, {"eff", "f"}, {"gee", "g"}, {"aitch", "h"},
    {"haitch", "h"}, {"eye", "i"}, {"jay", "j"}, {"kay", "k"}, {"el", "l"}, {"ell", "l"},
    {"em", "m"}, {"en", "n"}, {"oh", "o"}, {"pee", "p"}, {"cue", "q"}, {"queue", "q"},
    {"ar", "r"}, {"ess", "s"}, {"tee", "t"}, {"you", "u"}, {"yoo", "u"}, {"vee", "v"},
    {"doubleu", "w"}, {"doubleyou", "w"}, {"ex", "x"}, {"wy", "y"}, {"why", "y"},
    {"wye", "y"}, {"zed", "z"}, {"zee", "z"},
    {"alfa", "a"}, {"alpha", "a"}, {"bravo", "b"}, {"charlie", "c"}, {"delta", "d"},
    {"echo", "e"}, {"foxtrot", "f"}, {"golf", "g"}, {"hotel", "h"}, {"india", "i"},
    {"juliet", "j"}, {"juliett", "j"}, {"kilo", "k"}, {"lima", "l"}, {"mike", "m"},
    {"november", "n"}, {"oscar", "o"}, {"papa", "p"}, {"quebec", "q"}, {"romeo", "r"},
    {"sierra", "s"}, {"tango", "t"}, {"uniform", "u"}, {"victor", "v"}, {"whiskey", "w"},
    {"whisky", "w"}, {"xray", "x"}, {"yankee", "y"}, {"zulu", "z"},
};

static const struct letter_name cyrillic_names[] = {
    {"бэ", "б"}, {"бе", "б"}, {"вэ", "в"}, {"ве", "в"}, {"гэ", "г"}, {"ге", "г"},
    {"дэ", "д"}, {"де", "д"}, {"жэ", "ж"}, {"же", "ж"}, {"зэ", "з"}, {"зе", "з"},
    {"ка", "к"}, {"эль", "л"}, {"эл", "л"}, {"эм", "м"}, {"эн", "н"}, {"пэ", "п"},
    {"пе", "п"}, {"эр", "р"}, {"эс", "с"}, {"тэ", "т"}, {"те", "т"}, {"эф", "ф"},
    {"ха", "х"}, {"цэ", "ц"}, {"це", "ц"}, {"че", "ч"}, {"ша", "ш"}, {"ща", "щ"},
};

static const struct letter_name korean_names[] = {
    {"기역", "ㄱ"}, {"기윽", "ㄱ"}, {"니은", "ㄴ"}, {"디귿", "ㄷ"}, {"디읃", "ㄷ"},
    {"리을", "ㄹ"}, {"미음", "ㅁ"}, {"비읍", "ㅂ"}, {"시옷", "ㅅ"}, {"시읏", "ㅅ"},
    {"이응", "ㅇ"}, {"지읒", "ㅈ"}, {"치읓", "ㅊ"}, {"키읔", "ㅋ"}, {"티읕", "ㅌ"},
    {"피읖", "ㅍ"}, {"히읗", "ㅎ"}, {"쌍기역", "ㄲ"}, {"쌍디귿", "ㄸ"}, {"쌍비읍", "ㅃ"},
    {"쌍시옷", "ㅆ"}, {"쌍지읒", "ㅉ"},
};

static const char *name_letter(const struct letter_name *t, size_t n, const char *w, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(t[i].name) == len && memcmp(t[i].name, w, len) == 0)
            return t[i].letter;
    return NULL;
}

static enum sp_script script_of(int cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
        return SP_LATIN;
    if (cp >= 0x0400 && cp <= 0x052F && cp != 0x0482)
        return SP_CYRILLIC;
    if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
        (cp >= 0x3131 && cp <= 0x318E))
        return SP_KOREAN;
    return SP_NONE;
}

static size_t put_cp(char *out, size_t cap, size_t at, int cp)
{
    if (cp < 0x80 && at + 1 <= cap) {
        out[at] = (char)cp;
        return 1;
    }
    if (cp < 0x800 && at + 2 <= cap) {
        out[at] = (char)(0xC0 | (cp >> 6)), out[at + 1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0x800 && cp < 0x10000 && at + 3 <= cap) {
        out[at] = (char)(0xE0 | (cp >> 12));
        out[at + 1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[at + 2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    return 0;
}

/* ---- Hangul jamo ----
 * The norm view writes a compatibility jamo (ㄱ U+3131) as the conjoining
 * one NFKC gives (ᄀ U+1100, ᅵ U+1175); both are read.  Initial, vowel
 * and final indexes of Unicode's syllable arithmetic (chapter 3.12). */
static int jamo_initial(int cp)
{
    static const int compat[19] = { 0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141,
                                    0x3142, 0x3143, 0x3145, 0x3146, 0x3147, 0x3148, 0x3149,
                                    0x314A, 0x314B, 0x314C, 0x314D, 0x314E };
    if (cp >= 0x1100 && cp <= 0x1112)
        return cp - 0x1100;
    for (int i = 0; i < 19; i++)
        if (compat[i] == cp)
            return i;
    return -1;
}

static int jamo_vowel(int cp)
{
    if (cp >= 0x1161 && cp <= 0x1175)
        return cp - 0x1161;
    if (cp >= 0x314F && cp <= 0x3163)
        return cp - 0x314F;
    return -1;
}

/* The final of an initial (ㄸ ㅃ ㅉ have none: -1). */
static int initial_final(int l)
{
    static const int fin[19] = { 1, 2, 4, 7, -1, 8, 16, 17, -1, 19, 20, 21, 22, -1, 23, 24, 25,
                                 26, 27 };
    return l >= 0 && l < 19 ? fin[l] : -1;
}

/* ---- Spelled runs ---- */

/* A letter of a run: norm bytes [start, end), the letter it reads as
 * (UTF-8), and for Korean the jamo (initial l or vowel v, else -1) or the
 * syllable. */
struct unit {
    size_t start, end;
    char letter[8];
    int l, v, syl;
    int named;                  /* read by its name, not written as a letter */
    int upper;                  /* written as a capital letter */
};

struct run {
    struct unit u[SP_UNITS];
    size_t n;
    enum sp_script script;
    int spaced_only;            /* every separator a single space */
    int named;                  /* a unit read by its name */
};

struct sp_match {
    const struct redactor *r;
    const char *t;              /* the norm view */
    const struct unit *u;
    const size_t *ustart, *uend; /* reading offsets: where unit i starts, ends (SIZE_MAX: inside) */
    size_t n, min_units;
    size_t lit[SP_HITS], a[SP_HITS], b[SP_HITS], nhits;
    const char *rd;             /* the reading, rd[0..used): Korean runs only */
    size_t used;
    size_t tlen;                /* bytes of the norm view */
};

/* 1 if the separator after unit i is the one after unit j (norm t). */
static int same_sep(const char *t, const struct unit *u, size_t i, size_t j)
{
    size_t li = u[i + 1].start - u[i].end, lj = u[j + 1].start - u[j].end;

    return li == lj && memcmp(t + u[i].end, t + u[j].end, li) == 0;
}

/* Whether the byte before offset at in t is white space (ASCII or U+00A0). */
static int space_before(const char *t, size_t at)
{
    return at > 0 && (t[at - 1] == ' ' || t[at - 1] == '\t' || t[at - 1] == '\n' || t[at - 1] == '\r' ||
                      (at > 1 && (unsigned char)t[at - 1] == 0xA0 && (unsigned char)t[at - 2] == 0xC2));
}

/* 1 if unit i of m, after the first, is a word of its own after
 * initials, not a spelled letter: one letter written with no full stop
 * after it, after a unit with one ("О.К. и", "о. к. и", "K.O. a"), that is
 * one of the commonest words (common_words.c: и, а, у, і, й, a), and
 * written small or set off by another separator than the letters before
 * ("A. N. N. A came" is still spelled).  No name is read so: "О.К. и" was
 * read as Оки, the given name of another subject, who took Олег Ким's
 * place and the "и" with it (report-adv39 L-1, L-22, L-23). */
static int word_after_initials(const struct sp_match *m, size_t i)
{
    const struct unit *u = m->u;
    struct normtext k;
    struct err e;
    int cp, n, common;

    if (i == 0 || u[i].named || u[i].syl >= 0 || u[i].l >= 0 || u[i].v >= 0 ||
        (n = utf8_next(&cp, m->t + u[i].start, u[i].end - u[i].start)) <= 0 ||
        (size_t)n != u[i].end - u[i].start || (u[i].end < m->tlen && m->t[u[i].end] == '.') ||
        u[i - 1].end >= m->tlen || m->t[u[i - 1].end] != '.')
        return 0;
    if (u[i].upper && u[i - 1].upper && (i < 2 || same_sep(m->t, u, i - 1, i - 2)))
        return 0;
    /* A word of its own: white space before it ("О.К. и"), never a letter
     * joined to the run ("y.a-r." of B-a-t.b-a-y.a-r.: leaks-spell22). */
    if (!space_before(m->t, u[i].start))
        return 0;
    if (normalise(&k, m->t + u[i].start, (size_t)n, &e) != 0)
        return 1;               /* out of memory: the safe side is the shorter run */
    common = common_word_key(k.key, k.keylen);
    normtext_free(&k);
    return common;
}

static int on_spelled(void *arg, size_t lit, size_t end)
{
    struct sp_match *m = arg;
    size_t keylen = m->r->lits[lit].keylen, a, b;

    /* Initials, and forms only the context makes a name's (정이, 중수 of
     * 종수: redact_context.c reads the text's own words for them). */
    if (keylen > end || m->r->lits[lit].initials || redact_lit_form(m->r, lit).kind == FORM_CONTEXT)
        return 0;
    for (a = 0; a < m->n && m->ustart[a] != end - keylen; a++)
        ;
    for (b = a; b < m->n && m->uend[b] != end; b++)
        ;
    if (a >= m->n || b >= m->n || b - a + 1 < m->min_units)
        return 0;
    for (size_t i = a + 1; i <= b; i++)
        if (word_after_initials(m, i))
            return 0;
    /* The whole run, or a part set off by other separators ("a D-O-R-J"):
     * "bold" of B.o.l.d.l.y and 종수 of 종.수.기 are no hits. */
    if ((a > 0 && b > a && same_sep(m->t, m->u, a - 1, a)) ||
        (b + 1 < m->n && b > a && same_sep(m->t, m->u, b, b - 1) &&
         !(m->rd != NULL && variant_suffix_ok(SUFFIX_KO, m->rd + m->uend[b], m->used - m->uend[b]))))
        return 0;       /* but 종 수 가: 종수 and a particle (brief s24 ko24) */
    for (size_t i = 0; i < m->nhits; i++) {
        if (m->a[i] <= a && m->b[i] >= b)
            return 0;
        if (a <= m->a[i] && b >= m->b[i]) {    /* the longer hit replaces it */
            m->lit[i] = lit, m->a[i] = a, m->b[i] = b;
            return 0;
        }
    }
    if (m->nhits < SP_HITS)
        m->lit[m->nhits] = lit, m->a[m->nhits] = a, m->b[m->nhits++] = b;
    return 0;
}

/* Writes the reading of run into out; ustart/uend as in sp_match.
 * Korean jamo are composed into syllables (an initial, a vowel, and a
 * consonant before another initial or the end as the final); a vowel's
 * name (이, 어: ㅇ and a vowel) after an initial is read as the vowel. */
static size_t read_run(char *out, size_t cap, const struct run *rn, size_t *ustart, size_t *uend)
{
    size_t used = 0, i, k;

    for (i = 0; i < rn->n; i++)
        ustart[i] = uend[i] = SIZE_MAX;
    for (i = 0; i < rn->n; i++) {
        const struct unit *u = &rn->u[i];
        if (rn->script != SP_KOREAN || u->l < 0) {
            k = strlen(u->letter);
            if (used + k > cap)
                return 0;
            ustart[i] = used;
            memcpy(out + used, u->letter, k), used += k;
            uend[i] = used;
            continue;
        }
        /* An initial: with the vowel after it, and a final. */
        const struct unit *v = i + 1 < rn->n ? &rn->u[i + 1] : NULL;
        int vow = v == NULL ? -1 : v->v >= 0 ? v->v
                  : (v->syl >= 0 && (v->syl - 0xAC00) / 588 == 11 && (v->syl - 0xAC00) % 28 == 0)
                      ? ((v->syl - 0xAC00) % 588) / 28 : -1;
        if (vow < 0) {
            ustart[i] = used;
            if ((k = put_cp(out, cap, used, 0x1100 + u->l)) == 0)
                return 0;
            used += k, uend[i] = used;
            continue;
        }
        int t = 0;
        size_t last = i + 1;
        if (i + 2 < rn->n && rn->u[i + 2].l >= 0 && initial_final(rn->u[i + 2].l) > 0) {
            const struct unit *after = i + 3 < rn->n ? &rn->u[i + 3] : NULL;
            int vowel_after = after != NULL && (after->v >= 0 ||
                              (after->syl >= 0 && (after->syl - 0xAC00) / 588 == 11 &&
                               (after->syl - 0xAC00) % 28 == 0 && after->named));
            if (!vowel_after)
                t = initial_final(rn->u[i + 2].l), last = i + 2;
        }
        ustart[i] = used;
        if ((k = put_cp(out, cap, used, 0xAC00 + (u->l * 21 + vow) * 28 + t)) == 0)
            return 0;
        used += k, uend[last] = used;
        i = last;
    }
    return used;
}

/* The end of the word at norm byte p: letters of one script; a hyphen
 * inside a letter's name that has one (double-u, x-ray). */
static size_t word_end(const char *s, size_t len, size_t p, enum sp_script *sc)
{
    size_t q = p;
    int cp, k;

    *sc = SP_NONE;
    while (q < len && (k = utf8_next(&cp, s + q, len - q)) > 0 && is_word_cp(cp) &&
           !(cp >= '0' && cp <= '9') && (*sc == SP_NONE || script_of(cp) == *sc)) {
        if (*sc == SP_NONE && (*sc = script_of(cp)) == SP_NONE)
            break;
        q += (size_t)k;
    }
    if (*sc == SP_LATIN && q < len && s[q] == '-' &&
        ((q - p == 6 && memcmp(s + p, "double", 6) == 0) || (q - p == 1 && s[p] == 'x'))) {
        size_t e = q + 1;
        while (e < len && s[e] >= 'a' && s[e] <= 'z')
            e++;
        if ((e - q - 1 == 1 && s[q + 1] == 'u') || (e - q - 1 == 3 && memcmp(s + q + 1, "you", 3) == 0) ||
            (e - q - 1 == 3 && memcmp(s + q + 1, "ray", 3) == 0))
            return e;
    }
    return q;
}

/* A hit at a run's end whose literal alone is no replacement (정수 is
 * also a word) read with the word glued after the run by one separator
 * (a hyphen, a slash: the run's own) or nothing, as the text's own scan reads a name and what follows it
 * ("정-수-씨가": 정수씨가, where 씨 marks a person): the hit's reading rd
 * [0..len) and that word are normalised and matched together
 * (redact_match_terms).  rd may go on past the hit's need bytes with the
 * run's last units, Korean particles ("종 수 가": brief s24 ko24); then
 * no word need follow.  1 and the units from a on replaced if the name
 * is found there, 0 if not, -1 when out of memory. */
static int read_with_next(struct spans *sp, const struct redactor *r, struct redact_ctx *ctx,
                          const struct run *rn, const char *norm, size_t normlen, const char *rd,
                          size_t len, size_t a, size_t need)
{
    size_t p = rn->u[rn->n - 1].end, q;
    enum sp_script sc;
    char buf[SP_READ];
    struct normtext t;
    struct err e;
    struct spans found = { 0 }, pending = { 0 }, fl = { 0 };
    int rc = 0;

    int cp, k;

    if (p < normlen && (k = utf8_next(&cp, norm + p, normlen - p)) > 0 && cp != ' ' &&
        !is_word_cp(cp))
        p += (size_t)k;
    if ((q = word_end(norm, normlen, p, &sc)) == p || sc != rn->script)
        q = p;
    if ((q == p && need == len) || len + q - p > sizeof buf)
        return 0;
    memcpy(buf, rd, len), memcpy(buf + len, norm + p, q - p);
    if (normalise(&t, buf, len + q - p, &e) != 0) {
        sodium_memzero(buf, sizeof buf);
        return -1;
    }
    if (redact_match_terms(&found, &pending, &fl, r, &t, ctx, &e) != 0)
        rc = -1;
    for (size_t i = 0; rc == 0 && i < found.n; i++)
        if (found.s[i].term != SIZE_MAX && found.s[i].start == 0 && found.s[i].end >= need) {
            struct span s = found.s[i];
            s.start = rn->u[a].start, s.end = rn->u[rn->n - 1].end;
            rc = redact_span_add(sp, &s) != 0 ? -1 : 1;
        }
    free(found.s), free(pending.s), free(fl.s);
    normtext_free(&t);
    sodium_memzero(buf, sizeof buf);
    return rc;
}

/* A run of Hangul syllables, one a word ("바-트-바-야-르-가", "종 수 가";
 * brief s24 ko24), read as one word by the transcriptions' reader
 * (redact_find_scripts): a name in Hangul that no literal holds
 * (바트바야르 for Батбаяр) is replaced over the syllables it covers;
 * what it would only flag is left (a spaced run is as often prose).
 * rd[0..used) is the run's reading, ustart/uend as in sp_match.
 * Returns 0, or -1 when out of memory. */
static int read_syllables(struct spans *sp, const struct redactor *r, const struct run *rn,
                          const char *rd, size_t used, const size_t *ustart, const size_t *uend)
{
    struct normtext t;
    struct err e;
    struct spans found = { 0 };
    size_t i, a, b;
    int rc = 0;

    for (i = 0; i < rn->n; i++)
        if (rn->u[i].syl < 0)
            return 0;
    if (normalise(&t, rd, used, &e) != 0)
        return -1;
    if (t.normlen != used || memcmp(t.norm, rd, used) != 0) {
        normtext_free(&t);
        return 0;               /* offsets would not map back */
    }
    if (redact_find_scripts(&found, NULL, r, &t) != 0)
        rc = -1;
    for (i = 0; rc == 0 && i < found.n; i++) {
        struct span s = found.s[i];
        for (a = 0; a < rn->n && uend[a] <= s.start; a++)
            ;
        for (b = a; b < rn->n && uend[b] < s.end; b++)
            ;
        if (a >= rn->n || b >= rn->n || ustart[a] != s.start || uend[b] != s.end)
            continue;
        s.start = rn->u[a].start, s.end = rn->u[b].end;
        rc = redact_span_add(sp, &s);
    }
    free(found.s);
    normtext_free(&t);
    return rc;
}

/* Matches a run and files its hits. */
static int read_spelled_run(struct spans *sp, struct spans *flags, const struct redactor *r,
                            struct redact_ctx *ctx, const struct run *rn, const char *norm,
                            size_t normlen)
{
    char rd[SP_READ];
    size_t ustart[SP_UNITS], uend[SP_UNITS], used;
    struct sp_match m = { r, norm, rn->u, ustart, uend, rn->n, rn->script == SP_KOREAN ? 2 : 3,
                          {0}, {0}, {0}, 0, NULL, 0, normlen };
    int rc = 0;

    /* A run of letters with single spaces between them is the key view's
     * (normalise_spelled): "B o l d" stays its, "I a m" no run. */
    int keyed = rn->spaced_only && !rn->named && rn->u[0].l < 0 && rn->u[0].v < 0;

    if (rn->n < m.min_units || (keyed && rn->script != SP_KOREAN))
        return 0;
    if ((used = read_run(rd, sizeof rd, rn, ustart, uend)) == 0)
        return 0;
    if (rn->script == SP_KOREAN && read_syllables(sp, r, rn, rd, used, ustart, uend) != 0)
        rc = -1;
    if (rn->script == SP_KOREAN)
        m.rd = rd, m.used = used;
    if (rc == 0 && !(keyed && rn->script != SP_KOREAN) &&
        redact_match_buf(r, ctx, rd, used, on_spelled, &m) != 0)
        rc = -1;
    for (size_t i = 0; rc == 0 && i < m.nhits; i++) {
        int in_context = 0;
        /* The run's last units Korean particles (종 수 가: 종수가, brief
         * s24 ko24): the hit read with them. */
        int tail = m.b[i] < rn->n - 1 && rn->script == SP_KOREAN &&
                   variant_suffix_ok(SUFFIX_KO, rd + uend[m.b[i]], used - uend[m.b[i]]);
        if ((m.b[i] == rn->n - 1 || tail) && redact_lit_form(r, m.lit[i]).kind != FORM_REPLACE &&
            (in_context = read_with_next(sp, r, ctx, rn, norm, normlen, rd + ustart[m.a[i]],
                                         (tail ? used : uend[m.b[i]]) - ustart[m.a[i]], m.a[i],
                                         uend[m.b[i]] - ustart[m.a[i]])) < 0)
            rc = -1;
        else if (!in_context)
            rc = redact_read_file(sp, flags, r, m.lit[i], rn->u[m.a[i]].start, rn->u[m.b[i]].end);
    }
    sodium_memzero(rd, sizeof rd);
    return rc;
}

/* The unit of the word norm[a..b) of script sc, or 0 if it is none: one
 * letter, a letter's name, a jamo. */
static int unit_of(struct unit *u, const char *s, size_t a, size_t b, enum sp_script sc)
{
    const char *l = NULL;
    char w[32];
    size_t n = 0, p;
    int cp, k, one;

    u->start = a, u->end = b, u->l = u->v = u->syl = -1, u->named = 0;
    k = utf8_next(&cp, s + a, b - a);
    one = k > 0 && (size_t)k == b - a;
    if (one && sc == SP_KOREAN) {
        if ((u->l = jamo_initial(cp)) >= 0 || (u->v = jamo_vowel(cp)) >= 0) {
            size_t m = put_cp(u->letter, sizeof u->letter - 1, 0,
                              u->l >= 0 ? 0x1100 + u->l : 0x1161 + u->v);
            u->letter[m] = '\0';
            return 1;
        }
        if (cp >= 0xAC00 && cp <= 0xD7A3) {
            u->syl = cp;
            return put_cp(u->letter, sizeof u->letter - 1, 0, cp) > 0 &&
                   (u->letter[3] = '\0', 1);
        }
        return 0;
    }
    if (one) {
        if (!is_word_cp(cp) || (cp >= '0' && cp <= '9'))
            return 0;
        memcpy(u->letter, s + a, (size_t)k), u->letter[k] = '\0';
        return 1;
    }
    if (b - a > NAME_MAX_BYTES)                 /* most words: no name is so long */
        return 0;
    for (p = a; p < b && n < sizeof w; p++)     /* names without their hyphen: x-ray */
        if (s[p] != '-')
            w[n++] = s[p];
    if (p < b)
        return 0;
    if (sc == SP_LATIN)
        l = name_letter(latin_names, sizeof latin_names / sizeof latin_names[0], w, n);
    else if (sc == SP_CYRILLIC)
        l = name_letter(cyrillic_names, sizeof cyrillic_names / sizeof cyrillic_names[0], w, n);
    else if (sc == SP_KOREAN &&
             (l = name_letter(korean_names, sizeof korean_names / sizeof korean_names[0], w, n)) != NULL)
        return utf8_next(&cp, l, strlen(l)) > 0 && (u->l = jamo_initial(cp)) >= 0 &&
               (u->named = 1, 1);
    if (l == NULL)
        return 0;
    snprintf(u->letter, sizeof u->letter, "%s", l);
    u->named = 1;
    return 1;
}

static int scan_spelled(struct spans *sp, struct spans *flags, const struct redactor *r,
                        struct redact_ctx *ctx, const struct normtext *t)
{
    struct run *rn = calloc(1, sizeof *rn);
    size_t p = 0, q, sep = 0;
    int cp, k, rc = 0, spaced = 1, line = 0;

    if (rn == NULL)
        return -1;
    while (p < t->normlen && rc == 0) {
        enum sp_script sc = SP_NONE;
        struct unit u;
        if ((q = word_end(t->norm, t->normlen, p, &sc)) > p) {
            int ok = unit_of(&u, t->norm, p, q, sc);
            if (rn->n > 0 && (!ok || rn->script != sc || sep == 0 || sep > SP_SEP || line ||
                              rn->n == SP_UNITS)) {
                rc = read_spelled_run(sp, flags, r, ctx, rn, t->norm, t->normlen);
                rn->n = 0;
            }
            if (ok) {
                if (rn->n == 0)
                    rn->script = sc, rn->spaced_only = 1, rn->named = 0;
                else if (!(spaced && sep == 1))
                    rn->spaced_only = 0;
                rn->named |= u.named;
                u.upper = redact_upper_at(t, p);
                rn->u[rn->n++] = u;
            }
            p = q, sep = 0, spaced = 1, line = 0;
            continue;
        }
        if ((k = utf8_next(&cp, t->norm + p, t->normlen - p)) <= 0)
            cp = 0, k = 1;
        /* A digit, a letter of no script here, or a table's cell
         * delimiter (김,영,호 under a,b,c stays three cells). */
        if (is_word_cp(cp) || (cp < 0x80 && normalise_struct_delim(t->orig, t->inlen, t->ostart[p]))) {
            if (rn->n > 0)
                rc = read_spelled_run(sp, flags, r, ctx, rn, t->norm, t->normlen);
            rn->n = 0;
        }
        spaced &= cp == ' ';
        line |= cp == ' ' && memchr(t->orig + t->ostart[p], '\n',
                                    normtext_oend(t, p) - t->ostart[p]) != NULL;
        sep++, p += (size_t)k;
    }
    if (rc == 0 && rn->n > 0)
        rc = read_spelled_run(sp, flags, r, ctx, rn, t->norm, t->normlen);
    sodium_memzero(rn, sizeof *rn);
    free(rn);
    return rc;
}

/* ---- Leetspeak ---- */

/* What a digit or symbol is written for: in a Latin word, in a Cyrillic
 * one; "|"-separated choices, the likeliest first.  Multi-character ones
 * first (the longest match wins).  The common substitutions of leetspeak
 * and of names typed to slip past filters (A-8): the digits as they look,
 * @ $ ! as they look, | ] [ ( as strokes, and the strokes drawn as
 * letters (|< k, |-| h, () o, |) d, \/\/ w, \/ v, |\| n, |\/| m, /\ a,
 * |_| u, |2 r). */
struct leet {
    const char *from, *latin, *cyrillic;
};

static const struct leet leets[] = {
    {"|\\/|", "m", "м"}, {"\\/\\/", "w", ""}, {"|-|", "h", "н"}, {"|_|", "u", "ц"},
    {"|\\|", "n", "и"}, {"/\\/", "n", "и"}, {"|<", "k", "к"}, {"|{", "k", "к"},
    {"|)", "d", ""}, {"()", "o", "о"}, {"[]", "o", "о"}, {"\\/", "v", ""}, {"/\\", "a", "л"},
    {"|2", "r", "я"}, {"0", "o", "о"}, {"1", "i|l", "и|л"}, {"2", "z", ""},
    {"3", "e", "е|э|з"}, {"4", "a", "а|ч"}, {"5", "s", ""}, {"6", "g|b", "б"},
    {"7", "t", "т"}, {"8", "b", "в"}, {"9", "g", ""}, {"@", "a", "а"}, {"$", "s", "с"},
    {"!", "i|l", "и"}, {"|", "l|i", "л|и"}, {"]", "j", ""}, {"(", "c", "с"}, {"+", "t", "т"},
    {"€", "e", "е"}, {"£", "l", ""},
};

/* A piece of a leetspeak word: the norm bytes it came from and its
 * choices ("|"-separated). */
struct piece {
    const char *choices;
    char letter[4];             /* a letter of the word as written */
};

struct lword {
    size_t start, end;          /* norm bytes */
    struct piece pc[LT_CHARS];
    size_t n, nleet;
    enum sp_script script;
};

/* The leet entry at s[0..len) that a word of script sc can use, or NULL. */
static const struct leet *leet_at(const char *s, size_t len, enum sp_script sc, size_t *k)
{
    for (size_t i = 0; i < sizeof leets / sizeof leets[0]; i++) {
        size_t n = strlen(leets[i].from);
        const char *c = sc == SP_CYRILLIC ? leets[i].cyrillic : leets[i].latin;
        if (n <= len && memcmp(s, leets[i].from, n) == 0 && *c != '\0') {
            *k = n;
            return &leets[i];
        }
    }
    return NULL;
}

/* Reads norm[a..b) as a word: letters of one script, leetspeak and
 * hyphens (dropped); 0 if it holds anything else. */
static int read_lword(struct lword *w, const char *s, size_t a, size_t b)
{
    size_t p, k;
    int cp, n;
    const struct leet *lt;

    w->start = a, w->end = b, w->n = w->nleet = 0, w->script = SP_NONE;
    for (p = a; p < b; p += (size_t)n)      /* the script: of its letters */
        if ((n = utf8_next(&cp, s + p, b - p)) <= 0)
            return 0;
        else if (is_word_cp(cp) && !(cp >= '0' && cp <= '9')) {
            enum sp_script sc = script_of(cp);
            if (sc != SP_LATIN && sc != SP_CYRILLIC)
                return 0;
            if (w->script != SP_NONE && w->script != sc)
                return 0;
            w->script = sc;
        }
    if (w->script == SP_NONE)
        return 0;
    for (p = a; p < b && w->n < LT_CHARS; p += k) {
        struct piece *pc = &w->pc[w->n];
        n = utf8_next(&cp, s + p, b - p);
        if (s[p] == '-' || s[p] == '\'') {
            k = 1;
            continue;
        }
        if (is_word_cp(cp) && !(cp >= '0' && cp <= '9')) {
            k = (size_t)n;
            memcpy(pc->letter, s + p, k), pc->letter[k] = '\0';
            pc->choices = NULL, w->n++;
            continue;
        }
        if ((lt = leet_at(s + p, b - p, w->script, &k)) == NULL)
            return 0;
        pc->choices = w->script == SP_CYRILLIC ? lt->cyrillic : lt->latin;
        w->n++, w->nleet++;
    }
    return p >= b;
}

/* The readings of w (at most LT_READINGS, each NUL-terminated in its
 * row of out); returns how many. */
static size_t lword_readings(char (*out)[LT_CHARS * 2 + 1], const struct lword *w)
{
    size_t choice[LT_CHARS] = {0}, n = 0, i, used;

    for (;;) {
        int carry = 1;
        for (i = 0, used = 0; i < w->n; i++) {
            const char *c = w->pc[i].letter, *e;
            size_t len = strlen(c), j;
            if (w->pc[i].choices != NULL) {
                c = w->pc[i].choices;
                for (j = 0; j < choice[i]; j++)
                    c = strchr(c, '|') + 1;
                len = (e = strchr(c, '|')) != NULL ? (size_t)(e - c) : strlen(c);
            }
            memcpy(out[n] + used, c, len), used += len;
        }
        out[n++][used] = '\0';
        /* The next choice, the last piece first. */
        for (i = w->n; i-- > 0 && carry;) {
            const char *c = w->pc[i].choices;
            size_t nch = 1;
            if (c == NULL)
                continue;
            for (; *c; c++)
                nch += *c == '|';
            if (++choice[i] < nch)
                carry = 0;
            else
                choice[i] = 0;
        }
        if (carry || n == LT_READINGS)
            return n;
    }
}

struct lt_match {
    const struct redactor *r;
    const size_t *bound;        /* reading offsets where each word starts, and the end */
    size_t nbound, first_leet;  /* a hit must take in a word at or after first_leet */
    size_t lit, first, best;
};

static int on_leet(void *arg, size_t lit, size_t end)
{
    struct lt_match *m = arg;
    size_t keylen = m->r->lits[lit].keylen, a;

    if (keylen > end || m->r->lits[lit].initials || end != m->bound[m->nbound - 1])
        return 0;
    for (a = 0; a < m->nbound - 1 && m->bound[a] != end - keylen; a++)
        ;
    if (a >= m->nbound - 1 || keylen <= m->best)
        return 0;
    m->best = keylen, m->lit = lit, m->first = a;
    return 0;
}

/* Matches the windows ending at ws[nw - 1] (a word in leetspeak among
 * them); files the longest hit. */
static int scan_leet_window(struct spans *sp, struct spans *flags, const struct redactor *r,
                            struct redact_ctx *ctx, const struct lword *ws, size_t nw)
{
    char rds[LT_WORDS][LT_READINGS][LT_CHARS * 2 + 1];
    size_t nrd[LT_WORDS], pick[LT_WORDS] = {0}, bound[LT_WORDS + 1], i, used, first_leet = nw;
    char buf[LT_WORDS * (LT_CHARS * 2 + 1)];
    struct lt_match best = { r, bound, nw + 1, 0, 0, 0, 0 };
    int rc = 0, carry = 0;

    for (i = 0; i < nw; i++) {
        nrd[i] = lword_readings(rds[i], &ws[i]);
        if (ws[i].nleet > 0 && first_leet == nw)
            first_leet = i;
    }
    if (first_leet == nw)
        return 0;
    while (rc == 0 && !carry) {
        struct lt_match m = { r, bound, nw + 1, 0, 0, 0, 0 };
        for (i = 0, used = 0; i < nw; i++) {
            size_t k = strlen(rds[i][pick[i]]);
            bound[i] = used;
            memcpy(buf + used, rds[i][pick[i]], k), used += k;
        }
        bound[nw] = used;
        if (redact_match_buf(r, ctx, buf, used, on_leet, &m) != 0)
            rc = -1;
        /* The hit must take in a word written in leetspeak (the others
         * are the text's own scan's). */
        for (i = m.first; m.best > 0 && i < nw && ws[i].nleet == 0; i++)
            ;
        if (m.best > best.best && i < nw)
            best = m;
        for (i = nw, carry = 1; i-- > 0 && carry;)
            if (++pick[i] < nrd[i])
                carry = 0;
            else
                pick[i] = 0;
    }
    if (rc == 0 && best.best > 0)
        rc = redact_read_file(sp, flags, r, best.lit, ws[best.first].start, ws[nw - 1].end);
    /* A reading one edit from a name word is a near-name review flag, as
     * the word written so would be ("W1tf13ld": witfield). */
    for (i = 0; rc == 0 && best.best == 0 && flags != NULL && ws[nw - 1].nleet > 0 &&
                i < nrd[nw - 1]; i++)
        if (redact_near_word(r, rds[nw - 1][i], strlen(rds[nw - 1][i]))) {
            struct span f = { ws[nw - 1].start, ws[nw - 1].end, FLAG_NEAR_NAME, 0, 0, SIZE_MAX,
                              0, 0, 0 };
            rc = redact_span_add(flags, &f);
            break;
        }
    sodium_memzero(buf, sizeof buf);
    sodium_memzero(rds, sizeof rds);
    return rc;
}

/* Characters kept off a word's edges: sentence stops and quotes (a
 * closing ] ) ! | stay, they may be letters). */
static int edge_cp(int cp)
{
    return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '?' || cp == '"' ||
           cp == '\'' || cp == 0xAB || cp == 0xBB || cp == 0x201C || cp == 0x201D ||
           cp == 0x2018 || cp == 0x2019;
}

static int scan_leet(struct spans *sp, struct spans *flags, const struct redactor *r,
                     struct redact_ctx *ctx, const struct normtext *t)
{
    struct lword *ws = calloc(LT_WORDS, sizeof *ws);
    size_t p = 0, q, a, b, nw = 0;
    int cp, k, rc = 0, stop;

    if (ws == NULL)
        return -1;
    while (p < t->normlen && rc == 0) {
        if (t->norm[p] == ' ' || t->norm[p] == '\n' || t->norm[p] == '\t') {
            p++;
            continue;
        }
        for (q = p; q < t->normlen && t->norm[q] != ' ' && t->norm[q] != '\n' && t->norm[q] != '\t'; q++)
            ;
        a = p, b = q, p = q, stop = 0;
        while (a < b && (k = utf8_next(&cp, t->norm + a, b - a)) > 0 && edge_cp(cp))
            a += (size_t)k, nw = 0;
        while (b > a && (cp = redact_cp_before(t->norm, b)) >= 0 && edge_cp(cp)) {
            stop = 1;
            do
                b--;
            while (b > a && ((unsigned char)t->norm[b] & 0xC0) == 0x80);
        }
        /* A "!" that ends a sentence is no letter. */
        if (b > a + 1 && t->norm[b - 1] == '!' && t->norm[b - 2] != '|')
            b--, stop = 1;
        if (nw == LT_WORDS)
            memmove(ws, ws + 1, (LT_WORDS - 1) * sizeof *ws), nw--;
        if (b <= a || !read_lword(&ws[nw], t->norm, a, b) || ws[nw].n > LT_CHARS - 1 ||
            (ws[nw].nleet > 0 && ws[nw].n < 3)) {
            nw = 0;
            continue;
        }
        nw++;
        for (size_t i = 0; i < nw; i++)
            if (ws[i].nleet > 0) {
                rc = scan_leet_window(sp, flags, r, ctx, ws, nw);
                break;
            }
        if (stop)
            nw = 0;
    }
    sodium_memzero(ws, LT_WORDS * sizeof *ws);
    free(ws);
    return rc;
}

int redact_read_spelled(struct spans *sp, struct spans *flags, const struct redactor *r,
                        struct redact_ctx *ctx, const struct normtext *t)
{
    if (!redact_can_match(r) || !redact_protects_person(r))
        return 0;
    return scan_spelled(sp, flags, r, ctx, t) != 0 || scan_leet(sp, flags, r, ctx, t) != 0 ||
                   redact_hangul_split(sp, r, ctx, t) != 0
               ? -1 : 0;
}
