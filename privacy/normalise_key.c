/* The key view's readings (normalise.h): words that mix look-alike
 * letters of Latin, Cyrillic or Greek written in one script, look-alikes
 * in identifiers, names spelled out letter by letter and leetspeak digits read as
 * letters (names half in one script, half in another: normalise_split.c).
 * Called by normalise.c; calls normalise_builder.c, normalise_chars.c and
 * normalise_cells.c only. */
#include "privacy/normalise.h"

#include <sodium.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/confusable.h"
#include "privacy/entities.h"
#include "privacy/hanja.h"
#include "privacy/normalise_int.h"

/* ---- Look-alike letters (confusable.h) ----
 * A word that mixes Latin, Cyrillic or Greek letters is written in one
 * script, its other letters replaced by their look-alikes there
 * ("Aлтангэрэл" with a Latin A becomes алтангэрэл): the script whose
 * look-alikes cover every other letter of the word, the one with most
 * letters among those (Cyrillic, then Latin, on a tie).  A word no script
 * covers is left as it is (only flagged): half a word rewritten would
 * hide what the script change showed ("Бат-Эрдэнэkim" is Бат-Эрдэнэ
 * glued to a Latin word, not a Latin word).  So is a word with other word
 * characters (digits, Hangul, Han: "Алтан8", "Сара김종수"): a name glued
 * to them is replaced at the script change, and its replacement must not
 * change how the rest of the word reads (the re-scan reads the output
 * the same way).  Words written in one script are left alone. */

void norm_free_builder(struct builder *bd)
{
    secmem_wipe_free(bd->s), secmem_wipe_free(bd->k);
    free(bd->a), free(bd->ka);
    memset(bd, 0, sizeof *bd);
}

/* The look-alike in script of the character cp, which came from the
 * original character at in[o]: by its folded form, or else by its
 * original (Cyrillic В is Latin B, not b); 0 if none. */
static int lookalike(int cp, int script, const char *in, size_t inlen, size_t o)
{
    int d = confusable_in(cp, script), ocp;

    if (d == 0 && utf8_decode(&ocp, in + o, inlen - o) > 0 && ocp != cp)
        d = confusable_in(ocp, script);
    return d;
}

/* The script the word bd->s[a..b) is to be written in (see above), or 0
 * if no script's look-alikes cover it. */
static int word_script(const struct builder *bd, size_t a, size_t b, const char *in,
                       size_t inlen)
{
    static const int order[] = { CONF_CYRILLIC, CONF_LATIN, CONF_GREEK };
    int count[CONF_OTHER + 1] = {0}, best = 0, cp, k, sc, t;
    size_t i;

    for (i = a; i < b; i += (size_t)k)
        if ((k = utf8_decode(&cp, bd->s + i, b - i)) > 0)
            count[confusable_script(cp)]++;
        else
            k = 1;
    for (t = 0; t < 3; t++) {
        int s = order[t], whole = count[s] > 0 || (s == CONF_LATIN && count[CONF_OTHER] > 0);
        for (i = a; whole && i < b; i += (size_t)k) {
            if ((k = utf8_decode(&cp, bd->s + i, b - i)) <= 0)
                break;
            sc = confusable_script(cp);
            whole = sc == CONF_NONE || sc == s || lookalike(cp, s, in, inlen, bd->a[i]) != 0;
        }
        /* A word only of Armenian, Cherokee, Lisu or syllabics look-alikes
         * (Ꭰꓳꓣꓙ) is written in Latin when Latin covers it. */
        if (whole && (count[s] > count[best] || (s == CONF_LATIN && best == 0 && count[CONF_OTHER] > 0)))
            best = s;
    }
    return best;
}

/* Puts norm bytes bd->s[i..i+k) (one character, cp) into nb, its Han
 * reading into the key. */
static int copy_char(struct builder *nb, const struct builder *bd, size_t i, size_t k, int cp)
{
    if (norm_put(nb, bd->s + i, k, bd->a[i]) != 0)
        return -1;
    return norm_put_reading(nb, cp, k);
}

/* Appends the original span [a, b) to the list of mixed words. */
static int add_mixed(uint32_t **mixed, size_t *nmixed, size_t *cap, size_t a, size_t b)
{
    uint32_t *m = *mixed;

    if (*nmixed == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        if ((m = realloc(*mixed, 2 * *cap * sizeof *m)) == NULL)
            return -1;
        *mixed = m;
    }
    m[2 * *nmixed] = (uint32_t)a;
    m[2 * *nmixed + 1] = (uint32_t)b;
    (*nmixed)++;
    return 0;
}

/* ---- Look-alikes in identifiers (report-adv12c H58, H59) ----
 * A word shaped like an ID or passport number (five ASCII digits or more,
 * at most three letters, no other word characters) is written in Latin
 * letters and ASCII digits: a Cyrillic or Greek letter becomes its Latin
 * look-alike ("Е1234567" typed on a Cyrillic keyboard is e1234567, as the
 * registered id:E1234567 and the passport detector read it), and a letter
 * whose skeleton is a digit, standing between two digits, becomes that
 * digit ("M12З4567" is m1234567).  Such a word is no name, so it raises no
 * mixed-script flag; a Mongolian register number (УБ75031412: Б has no
 * Latin look-alike) is left in Cyrillic for its own detector. */
static int digit_lookalike(int cp)
{
    switch (cp) {
    case 'o': case 0x043E: case 0x03BF: case 0x0585: return '0';        /* o о ο օ */
    case 'l': case 0x0456: case 0x04CF: case 0x03B9: return '1';        /* l і ӏ ι */
    case 0x0437: case 0x04E1: case 0x021D: return '3';                  /* з ӡ ȝ */
    case 0x0431: return '6';                                           /* б */
    default: return 0;
    }
}

/* The digit cp at norm byte p (n bytes) stands for between two ASCII
 * digits, or 0. */
static int digit_between(const struct builder *bd, size_t p, size_t n, int cp)
{
    return p > 0 && p + n < bd->len && bd->s[p - 1] >= '0' && bd->s[p - 1] <= '9' &&
                   bd->s[p + n] >= '0' && bd->s[p + n] <= '9' ? digit_lookalike(cp) : 0;
}

/* 1 if bd->s[a..b) is an ID-shaped word (above) with something to fold. */
static int id_word(const struct builder *bd, size_t a, size_t b, const char *in, size_t inlen)
{
    size_t i, digits = 0, letters = 0, fold = 0;
    int cp, k, sc;

    for (i = a; i < b; i += (size_t)k) {
        if ((k = utf8_decode(&cp, bd->s + i, b - i)) <= 0)
            return 0;
        if (cp >= '0' && cp <= '9') {
            digits++;
            continue;
        }
        if (digit_between(bd, i, (size_t)k, cp) != 0) {
            digits++, fold += cp > 0x7F || cp == 'o' || cp == 'l';
            continue;
        }
        sc = confusable_script(cp);
        if (++letters > 3 || sc == CONF_NONE || sc == CONF_OTHER)
            return 0;
        if (sc != CONF_LATIN) {
            if (lookalike(cp, CONF_LATIN, in, inlen, bd->a[i]) == 0)
                return 0;
            fold++;
        }
    }
    return digits >= 5 && fold > 0;
}

/* 1 if the word bd->s[a..b) holds a Cyrillic letter of neither Russian
 * nor Mongolian (confusable_rare_cyrillic). */
static int rare_cyrillic_word(const struct builder *bd, size_t a, size_t b)
{
    int cp, k;

    for (; a < b && (k = utf8_decode(&cp, bd->s + a, b - a)) > 0; a += (size_t)k)
        if (confusable_rare_cyrillic(cp))
            return 1;
    return 0;
}

/* 1 if every letter of the word bd->s[a..b) is Latin or has a Latin
 * look-alike. */
static int latin_covers(const struct builder *bd, size_t a, size_t b, const char *in, size_t inlen)
{
    int cp, k, sc;

    for (; a < b && (k = utf8_decode(&cp, bd->s + a, b - a)) > 0; a += (size_t)k)
        if ((sc = confusable_script(cp)) != CONF_NONE && sc != CONF_LATIN &&
            lookalike(cp, CONF_LATIN, in, inlen, bd->a[a]) == 0)
            return 0;
    return 1;
}

static int sentence_stop(char c)
{
    return c == '.' || c == '!' || c == '?' || c == '\n';
}

/* 1 if the sentence of the word bd->s[a..b) (from the . ! ? or line end
 * before it to the one after it) holds another word wholly in Cyrillic
 * that Latin look-alikes do not cover (Христос, Бога): a Cyrillic
 * sentence, in which a word of Ukrainian letters all shaped like Latin
 * ones (Ісус, Віра: І і are Ukrainian letters) is Ukrainian, not a Latin
 * word in disguise (report-adv33 O-14; brief s34 uk34). */
static int cyrillic_beside(const struct builder *bd, size_t a, size_t b, const char *in, size_t inlen)
{
    size_t sa = a, sb = b, p, q;
    int cp, k, cyr;

    while (sa > 0 && !sentence_stop(bd->s[sa - 1]))
        sa--;
    while (sb < bd->len && !sentence_stop(bd->s[sb]))
        sb++;
    for (p = sa; p < sb; p = q) {
        for (q = p, cyr = 1; q < sb && (k = utf8_decode(&cp, bd->s + q, sb - q)) > 0 && is_word_cp(cp);
             q += (size_t)k)
            cyr &= confusable_script(cp) == CONF_CYRILLIC;
        if (q == p) {
            q += (k = utf8_decode(&cp, bd->s + p, sb - p)) > 0 ? (size_t)k : 1;
            continue;
        }
        if (p != a && cyr && !latin_covers(bd, p, q, in, inlen))
            return 1;
    }
    return 0;
}

/* 1 if the word bd->s[a..b) is only of the letters of Armenian, Cherokee,
 * Lisu or syllabics (a Hebrew or Arabic word, or "ㅇㅇ", stays whole). */
static int only_lookalikes(const struct builder *bd, size_t a, size_t b)
{
    int cp, k;

    for (; a < b && (k = utf8_decode(&cp, bd->s + a, b - a)) > 0; a += (size_t)k)
        if (!confusable_only_lookalike(cp))
            return 0;
    return 1;
}

/* Rewrites bd's views with every mixed word in one script; appends each
 * such word's original span to *mixed (pairs of offsets, malloc). */
int norm_resolve_mixed(struct builder *bd, const char *in, size_t inlen, uint32_t **mixed,
                       size_t *nmixed)
{
    struct builder nb = { 0 };
    struct rare_words rare = { 0 };
    struct slavic_memo memo = { 0 };
    size_t i = 0, w, cap = 0;
    int cp, k, script, d, scripts, idw;
    utf8proc_uint8_t u[4];

    if (norm_grow(&nb, bd->len + bd->len / 2 + 16) != 0)
        return -1;
    while (i < bd->len) {
        if ((k = utf8_decode(&cp, bd->s + i, bd->len - i)) <= 0)
            goto fail;
        if (!is_word_cp(cp)) {
            if (copy_char(&nb, bd, i, (size_t)k, cp) != 0)
                goto fail;
            i += (size_t)k;
            continue;
        }
        for (w = i, scripts = 0; w < bd->len && utf8_decode(&cp, bd->s + w, bd->len - w) > 0 &&
                                 is_word_cp(cp); w += (size_t)utf8_decode(&cp, bd->s + w, bd->len - w))
            scripts |= 1 << confusable_script(cp);
        script = 0;
        idw = (scripts & 1) && id_word(bd, i, w, in, inlen);
        if (idw) {
            script = CONF_LATIN;
        } else if (scripts == 1 << CONF_CYRILLIC && rare_cyrillic_word(bd, i, w) &&
                   !norm_short_uk_word(bd->s, i, w)) {
            /* A Cyrillic word with a letter of neither Russian nor
             * Mongolian: a Latin word in Cyrillic look-alikes (Воӏԁ) is
             * written in Latin; any such word is flagged (Єлзийбаяр). */
            int slavic = norm_slavic_word(bd->s, i, w, norm_slavic_sentence(bd->s, bd->len, i, w, &memo));
            if (latin_covers(bd, i, w, in, inlen) && !(slavic && cyrillic_beside(bd, i, w, in, inlen)))
                script = CONF_LATIN;
            else if (slavic)
                goto copy; /* увечері, прыйшоў, Ісус Христос: one script (normalise_rare.c) */
            /* A word of such a language (one letter alone hides no
             * name: Ukrainian і, Tajik ӯ): see normalise_rare.c. */
            if ((script == 0 || w - i <= 2) && norm_rare_note(&rare, *nmixed) != 0)
                goto fail;
            if (add_mixed(mixed, nmixed, &cap, bd->a[i], w < bd->len ? bd->a[w] : inlen) != 0)
                goto fail;
        } else if (scripts == 1 << CONF_OTHER && w - i > 4 && only_lookalikes(bd, i, w)) {
            /* Only look-alike letters (Ꭰꓳꓣꓙ; two or more: every one of
             * these letters is 2 or 3 bytes): a Latin word in disguise when
             * Latin covers every letter, else a word of its own script
             * (Բարև, ᏣᎳᎩ), left alone. */
            if ((script = word_script(bd, i, w, in, inlen)) == CONF_LATIN &&
                add_mixed(mixed, nmixed, &cap, bd->a[i], w < bd->len ? bd->a[w] : inlen) != 0)
                goto fail;
        } else if ((scripts & ~1) & ((scripts & ~1) - 1)) {
            if (!(scripts & 1))
                script = word_script(bd, i, w, in, inlen);
            if (add_mixed(mixed, nmixed, &cap, bd->a[i], w < bd->len ? bd->a[w] : inlen) != 0)
                goto fail;
        }
    copy:
        for (; i < w; i += (size_t)k) {
            k = utf8_decode(&cp, bd->s + i, w - i);
            d = idw ? digit_between(bd, i, (size_t)k, cp) : 0;
            if (d == 0)
                d = script != 0 && confusable_script(cp) != CONF_NONE && confusable_script(cp) != script
                        ? lookalike(cp, script, in, inlen, bd->a[i]) : 0;
            if (d != 0 ? norm_put(&nb, (const char *)u, (size_t)utf8proc_encode_char(d, u), bd->a[i]) != 0
                       : copy_char(&nb, bd, i, (size_t)k, cp) != 0)
                goto fail;
        }
    }
    nb.s[nb.len] = '\0';
    norm_free_builder(bd);
    *bd = nb;
    norm_rare_drop(&rare, *mixed, nmixed);
    return 0;
fail:
    free(rare.at);
    norm_free_builder(&nb);
    return -1;
}

/* ---- Names spelled out letter by letter (issue 12 follow-up) ----
 * "B.o.l.d", "김.종.수가", "종_수", "D_o_r_j": one punctuation character
 * (normalise_spell_sep) between two letters of one script is a *gap*,
 * left out of the key as spaces and dashes are (report-adv12e F22:
 * "Jong/su", "Jong\\su", "Jong|su" are the name's parts joined; before, at
 * least one letter had to stand alone: a non-word character or the
 * text's edge on its other side, as it still must beside a full stop);
 * the norm view keeps it (the detectors read it: "a.b@x.org").  A full
 * stop between Latin letters is a gap only in a run of at least four
 * letters standing alone ("B.o.l.d"): K.J.S. and J.S. Kim are initials,
 * keyed with their dots (variants.c), and "N.O.T." must not become the
 * word "not".  The test reads at most four letters on each side, and a
 * re-scan window never starts or ends next to a separator of this kind
 * (redact_rescan.c), so it decides every gap inside it as the whole text
 * does. */
#define SPELL_RUN 4
#define DIGIT_SEP_RUN 3         /* class gaps: at most 3 code points (below) */

/* The original text behind a norm view (its bytes, and each norm byte's
 * start there), for the structural delimiters of normalise_cells.c. */
struct gap_orig {
    const char *in;
    size_t inlen;
    const uint32_t *a;
};

static size_t class_gap(const char *s, size_t len, size_t p, int *alone,
                        const struct gap_orig *o);

int normalise_spell_sep(int cp)
{
    return cp == '.' || cp == '_' || cp == '*' || cp == '/' || cp == '|' || cp == '+' ||
           cp == '~' || cp == '\\' || cp == ':' || cp == ';' || cp == '^' || cp == '=' ||
           cp == 0x00B7 || cp == 0x2022 || cp == 0x2027 ||
           cp == 0x2219 || cp == 0x22C5 || cp == 0x318D;
}

/* The code point ending before norm byte p (p > 0), and its start. */
static int cp_before(const char *s, size_t p, size_t *start)
{
    size_t a = p - 1;
    int cp;

    while (a > 0 && ((unsigned char)s[a] & 0xC0) == 0x80)
        a--;
    *start = a;
    return utf8_decode(&cp, s + a, p - a) > 0 ? cp : -1;
}

static int spell_letter(int cp)
{
    return cp > 0 && is_word_cp(cp) && !(cp >= '0' && cp <= '9') && normalise_script(cp) != 0;
}

/* 1 if the letter at s[a..b) stands alone: no word character touches it. */
static int letter_alone(const char *s, size_t len, size_t a, size_t b)
{
    size_t x;
    int cp;

    return (a == 0 || !is_word_cp(cp_before(s, a, &x))) &&
           (b >= len || utf8_decode(&cp, s + b, len - b) <= 0 || !is_word_cp(cp));
}

/* Letters standing alone in a run of full stops from the letter at
 * s[a..b) on (dir -1 left, +1 right), up to SPELL_RUN. */
static int dot_run(const char *s, size_t len, size_t a, size_t b, int dir)
{
    int n = 0, cp;
    size_t x, y;

    while (n < SPELL_RUN) {
        if (dir < 0) {
            if (a < 2 || s[a - 1] != '.' || (cp = cp_before(s, a - 1, &x)) < 0)
                break;
            y = a - 1;
        } else {
            if (b + 1 >= len || s[b] != '.' || utf8_decode(&cp, s + b + 1, len - b - 1) <= 0)
                break;
            x = b + 1, y = x + (size_t)utf8_decode(&cp, s + x, len - x);
        }
        if (cp >= 0x80 || !spell_letter(cp) || !letter_alone(s, len, x, y))
            break;
        n++, a = x, b = y;
    }
    return n;
}

/* 1 if the character of n bytes at norm byte p is a gap (above); *alone
 * gets bit 1 if the letter on its left stands alone, bit 2 if the one on
 * its right does. */
static int spell_gap(const char *s, size_t len, size_t p, size_t n, int *alone)
{
    size_t a, b;
    int l, r;

    if (p == 0 || p + n >= len)
        return 0;
    l = cp_before(s, p, &a);
    if (utf8_decode(&r, s + p + n, len - p - n) <= 0 || !spell_letter(l) || !spell_letter(r) ||
        normalise_script(l) != normalise_script(r))
        return 0;
    b = p + n + (size_t)utf8_decode(&r, s + p + n, len - p - n);
    *alone = letter_alone(s, len, a, p) | letter_alone(s, len, p + n, b) << 1;
    if (s[p] == '.' && l < 0x80)
        return *alone == 3 && 2 + dot_run(s, len, a, p, -1) + dot_run(s, len, p + n, b, 1) >= SPELL_RUN;
    /* Any other separator joins the parts of a name too (Jong/su, Jong\\su,
     * Jong|su, Jong:su: report-adv12e F22), whether or not a letter
     * stands alone. */
    return 1;
}

int normalise_spelled(const char *norm, size_t len, size_t a, size_t b)
{
    size_t i;
    int alone;

    for (i = a; i < b; i++)
        if (norm[i] == ' ' && !(spell_gap(norm, len, i, 1, &alone) && alone == 3))
            return 0;
    return 1;
}

int normalise_gap_at(const struct normtext *t, size_t p, int before)
{
    const char *norm = t->norm;
    size_t len = t->normlen, a = p;
    struct gap_orig o = { t->orig, t->inlen, t->ostart };
    int cp, k, alone;

    if (before) {
        if (p == 0 || (cp = cp_before(norm, p, &a)) < 0)
            return 0;
        k = (int)(p - a);
    } else if (p >= len || (k = utf8_decode(&cp, norm + p, len - p)) <= 0) {
        return 0;
    }
    if (normalise_spell_sep(cp) && spell_gap(norm, len, a, (size_t)k, &alone) &&
        (alone & (before ? 2 : 1)) != 0)
        return 1;
    /* A run of the class (class_gap) ending or starting at p. */
    if (!before)
        return class_gap(norm, len, p, &alone, &o) > 0 && (alone & 1) != 0;
    for (int n = 0; n < DIGIT_SEP_RUN && normalise_sep_class(cp); n++) {
        if (class_gap(norm, len, a, &alone, &o) == p - a && (alone & 2) != 0)
            return 1;
        if (a == 0 || (cp = cp_before(norm, a, &a)) < 0)
            break;
    }
    return 0;
}

/* ---- Separators between the parts of a number or an ID (report-adv15
 * R-7) ----
 * One punctuation or symbol character (any Unicode category P* or S*,
 * utf8proc) between two word characters of which at least one is a digit
 * is left out of the key view, as a space or a dash is: a registered
 * MX-77-4410 written MX/77/4410, MX.77.4410, MX_77_4410, MX·77·4410,
 * MX:77:4410 or MX#77#4410 is keyed mx774410; so is a run of up to
 * three (MX…77…4410: NFKC makes the ellipsis three full stops).  A class,
 * not a list; the norm view keeps the characters (detectors read
 * "10/12", "3.5"). */
int normalise_sep_class(int cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
        return 1;
    default:
        return 0;
    }
}

/* 1 if the code point cp at norm byte q is a structural delimiter
 * (normalise_cells.c): a '"' always; a ',' or ';' that separates a
 * table's cells in the original text (o; none for a term's own text). */
static int struct_delim(int cp, size_t q, const struct gap_orig *o)
{
    size_t at;

    if (cp == '"')
        return 1;
    if ((cp != ',' && cp != ';') || o == NULL || o->in == NULL)
        return 0;
    at = o->a[q];
    return at < o->inlen && o->in[at] == cp && normalise_table_delim(o->in, o->inlen, at);
}

/* The bytes of a run of one to DIGIT_SEP_RUN punctuation or symbol code
 * points at norm byte p, followed by the code point *r, holding no
 * structural delimiter; 0 if none. */
static size_t sep_run(const char *s, size_t len, size_t p, int *r, const struct gap_orig *o)
{
    size_t q = p;
    int cp, k, n;

    *r = -1;
    for (n = 0; q < len && (k = utf8_decode(&cp, s + q, len - q)) > 0; q += (size_t)k, n++) {
        if (!normalise_sep_class(cp)) {
            *r = cp;
            break;
        }
        /* A structural delimiter (a table's comma, a JSON string's
         * quote) never joins: a row keeps its cells (normalise_cells.c). */
        if (n == DIGIT_SEP_RUN || struct_delim(cp, q, o))
            return 0;
    }
    return n > 0 && *r >= 0 ? q - p : 0;
}

static int hangul_syllable(int cp)
{
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

/* The run of n bytes of the class at norm byte p with one space on
 * either side or both, between two Hangul syllables that each stand
 * alone ("김 · 종 · 수", "김 / 종 / 수", "김 ·종· 수": report-adv16a A-16),
 * as "010 - 1234 - 5678" is one number, when every code point of the run
 * is one that splits a name (normalise_spell_sep, a dash, ・): n, else 0.  Only the run is the
 * gap; the key view leaves the spaces out anyway. */
static size_t spaced_hangul_gap(const char *s, size_t len, size_t p, size_t n, int *alone)
{
    size_t a, lend = p, b = p + n;
    int l, r, k;

    if (s[p - 1] == ' ') {
        if (p < 2)
            return 0;
        lend = p - 1;
    }
    if (b < len && s[b] == ' ')
        b++;
    if (lend == p && b == p + n)
        return 0;
    /* Separators that split a name (normalise_spell_sep, dashes, the
     * katakana middle dot), not any symbol: " # " and " & " join the
     * gazetteer's lists (gazetteer.c), and a spaced '#' or '&' splits
     * no name. */
    for (size_t q = p; q < p + n; q += (size_t)k)
        if ((k = utf8_decode(&r, s + q, p + n - q)) <= 0 ||
            !(normalise_spell_sep(r) || utf8proc_category(r) == UTF8PROC_CATEGORY_PD ||
              r == 0x30FB || r == 0xFF65))
            return 0;
    if ((l = cp_before(s, lend, &a)) < 0 || !hangul_syllable(l) || b + 3 > len ||
        utf8_decode(&r, s + b, len - b) != 3 || !hangul_syllable(r))
        return 0;
    if (!letter_alone(s, len, a, lend) || !letter_alone(s, len, b, b + 3))
        return 0;
    *alone = 3;
    return n;
}

/* The length in bytes of a gap of the class (above) at norm byte p, or 0:
 * a run between number parts, or between two Hangul syllables of which
 * one at least stands alone (report-adv15 R-9: 한…지…숙, 한#지#숙,
 * 한★지★숙, as 한·지·숙 is).  *alone gets what spell_gap gives it for
 * the Hangul gap, 0 for the number one. */
static size_t class_gap(const char *s, size_t len, size_t p, int *alone,
                        const struct gap_orig *o)
{
    size_t a, n;
    int l, r;

    *alone = 0;
    if (p == 0 || (n = sep_run(s, len, p, &r, o)) == 0)
        return 0;
    l = cp_before(s, p, &a);
    if (l == ' ' || r == ' ')
        return spaced_hangul_gap(s, len, p, n, alone);
    if (l < 0 || !is_word_cp(l) || !is_word_cp(r))
        return 0;
    if ((l >= '0' && l <= '9') || (r >= '0' && r <= '9'))
        return n;
    if (!hangul_syllable(l) || !hangul_syllable(r))
        return 0;
    *alone = letter_alone(s, len, a, p) | letter_alone(s, len, p + n, p + n + 3) << 1;
    return *alone != 0 ? n : 0;
}

size_t normalise_gap(const struct normtext *t, size_t p)
{
    struct gap_orig o = { t->orig, t->inlen, t->ostart };
    int cp, k, alone;

    if (p >= t->normlen || (k = utf8_decode(&cp, t->norm + p, t->normlen - p)) <= 0)
        return 0;
    if (normalise_spell_sep(cp) && spell_gap(t->norm, t->normlen, p, (size_t)k, &alone))
        return (size_t)k;
    return class_gap(t->norm, t->normlen, p, &alone, &o);
}

/* ---- Leetspeak digits (issue 12) ----
 * A single digit among basic Latin letters is read in the key view as
 * the letter it is written for (b0ld: bold; B4tbayar: batbayar;
 * 4ltangerel: altangerel), so the word matches a protected form it
 * otherwise spells; the norm view keeps the digit (detectors, review
 * flags, boundaries).  Only where the word is mostly letters: at least
 * two, twice as many as digits, no two digits side by side, and a letter
 * next to the digit; so numbers, IDs (M1234567), handles with a number
 * (kimjs75) and x86 keep their digits (mp3 is keyed "mpe", which matters
 * only where a protected form is spelled so).
 * One reading per digit (1 is i, not l). */
#define LEET_SCAN 64

int norm_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* 1 if a Cyrillic letter (U+0400-U+04FF, two bytes: lead D0-D3) starts at
 * s[p] (len bytes). */
static int cyr_at(const char *s, size_t len, size_t p)
{
    unsigned char c = (unsigned char)s[p];

    return c >= 0xD0 && c <= 0xD3 && p + 1 < len && ((unsigned char)s[p + 1] & 0xC0) == 0x80;
}

/* 1 if a Cyrillic letter ends just before s[p]. */
static int cyr_before(const char *s, size_t len, size_t p)
{
    return p >= 2 && cyr_at(s, len, p - 2);
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The letter the digit c stands for in a Latin (cyr 0) or Cyrillic word;
 * "" if none.  One reading per digit, the letter it looks like or is
 * typed for: Latin 0 o, 1 i, 3 e, 4 a, 5 s, 7 t, 8 b, 9 g; Cyrillic 0 о,
 * 1 и, 3 з, 4 ч, 6 б, 8 в (report-adv12e F40; 1 is l, л after a vowel:
 * leet_at). */
static const char *leet_letter(int c, int cyr)
{
    static const char *const latin[10] = { "o", "i", "", "e", "a", "s", "", "t", "b", "g" };
    static const char *const cyrillic[10] = {
        "\xd0\xbe", "\xd0\xb8", "", "\xd0\xb7", "\xd1\x87", "", "\xd0\xb1", "", "\xd0\xb2", "",
    };

    unsigned d = (unsigned)c - '0';

    return d < 10 ? (cyr ? cyrillic : latin)[d] : "";
}

/* 1 if the letter ending before s[p] (Latin or Cyrillic) is a vowel. */
static int vowel_before(const char *s, size_t len, size_t p)
{
    static const char *const cyr_vowels[] = {
        "\xd0\xb0", "\xd1\x8d", "\xd0\xb8", "\xd0\xbe", "\xd1\x83", "\xd3\xa9", "\xd2\xaf",
        "\xd1\x8b", "\xd0\xb5", "\xd1\x91", "\xd1\x8e", "\xd1\x8f",
    };

    if (p > 0 && norm_ascii_letter(s[p - 1]))
        return strchr("aeiouy", s[p - 1] | 0x20) != NULL;
    for (size_t i = 0; cyr_before(s, len, p) && i < sizeof cyr_vowels / sizeof cyr_vowels[0]; i++)
        if (memcmp(s + p - 2, cyr_vowels[i], 2) == 0)
            return 1;
    return 0;
}

/* 1 if a Latin or Cyrillic letter is next to norm byte p: before it
 * (dir -1) or after it (dir 1). */
static int letter_at(const char *s, size_t len, size_t p, int dir)
{
    if (dir < 0)
        return (p > 0 && norm_ascii_letter(s[p - 1])) || cyr_before(s, len, p);
    return p + 1 < len && (norm_ascii_letter(s[p + 1]) || cyr_at(s, len, p + 1));
}

/* The letter the digit at norm byte p stands for ("" if none): in a word
 * of Latin letters or one of Cyrillic letters (never both, never glued to
 * other non-ASCII word characters) with at least two letters, twice as
 * many letters as digits, a letter next to the digit, and no two digits
 * side by side, except one pair of the same 0 or 1 in a word of three
 * letters or more ("Ulz11": ulzii, report-adv12e F17). */
static const char *leet_at(const char *s, size_t len, size_t p)
{
    size_t a = p, b = p + 1, letters = 0, digits = 0, pairs = 0, i;
    int cyr = 0, lat = 0;

    /* First the cheap test: a letter next to the digit, or next to its
     * pair (most digits are in numbers). */
    if ((leet_letter(s[p], 0)[0] == 0 && leet_letter(s[p], 1)[0] == 0) ||
        !(letter_at(s, len, p, -1) || letter_at(s, len, p, 1) ||
          (p > 0 && is_digit(s[p - 1]) && letter_at(s, len, p - 1, -1)) ||
          (p + 1 < len && is_digit(s[p + 1]) && letter_at(s, len, p + 1, 1))))
        return "";
    /* A hyphen between two pieces of a name is inside the word
     * ("J0ng-5u": report-adv19a N-5). */
    while (a > 0 && p - a < LEET_SCAN) {
        if (norm_ascii_letter(s[a - 1]) || is_digit(s[a - 1]))
            a--;
        else if (a > 1 && s[a - 1] == '-' && norm_ascii_letter(s[a - 2]))
            a--;
        else if (cyr_before(s, len, a))
            a -= 2;
        else
            break;
    }
    while (b < len && b - p < LEET_SCAN) {
        if (norm_ascii_letter(s[b]) || is_digit(s[b]))
            b++;
        else if (s[b] == '-' && b + 1 < len && norm_ascii_letter(s[b + 1]))
            b++;
        else if (cyr_at(s, len, b))
            b += 2;
        else
            break;
    }
    /* A word glued to other word characters (Hangul, Han) is left. */
    if ((a > 0 && ((unsigned char)s[a - 1] & 0x80)) || (b < len && ((unsigned char)s[b] & 0x80)))
        return "";
    for (i = a; i < b; i++) {
        if (s[i] == '-')
            continue;
        if (norm_ascii_letter(s[i])) {
            letters++, lat = 1;
        } else if (cyr_at(s, len, i)) {
            letters++, cyr = 1, i++;
        } else {
            digits++;
            if (i + 1 < b && is_digit(s[i + 1])) {
                if (s[i + 1] != s[i] || (s[i] != '0' && s[i] != '1') ||
                    (i + 2 < b && is_digit(s[i + 2])))
                    return "";
                pairs++;
            }
        }
    }
    if ((lat && cyr) || letters < 2 || letters < 2 * digits) {
        if (!(pairs == 1 && digits == 2 && letters >= 3))
            return "";
    }
    /* 1 is l after a vowel, before a consonant or the word's end
     * ("A1tangerel", "Altangere1": report-adv12d F7; "Алтангэрэ1"), else i
     * ("K1m", "Өлз1й"). */
    if (s[p] == '1' && vowel_before(s, len, p) &&
        (p + 1 >= b || (!is_digit(s[p + 1]) && !vowel_before(s, len, p + (cyr ? 3 : 2)))))
        return cyr ? "\xd0\xbb" : "l";
    return leet_letter(s[p], cyr);
}

/* The letter a symbol at norm byte p stands for in a Latin word (report-
 * adv19a N-5: "B@tbay@r", "K!m", "$ukhbaatar", "Jong-$u"): @ a, $ s,
 * ! i, as they look; 0 if none.  Only before a letter, and after one
 * ($ may start a word), and not in an address or a domain (a full stop
 * and a letter after the letters that follow: kim@mail.com stays). */
static char leet_symbol(const char *s, size_t len, size_t p)
{
    char c = s[p], l = c == '@' ? 'a' : c == '$' ? 's' : c == '!' ? 'i' : 0;
    size_t q;

    if (l == 0 || p + 1 >= len || !norm_ascii_letter(s[p + 1]))
        return 0;
    if (p == 0 || !norm_ascii_letter(s[p - 1])) {
        if (c != '$' || (p > 0 && (is_digit(s[p - 1]) || ((unsigned char)s[p - 1] & 0x80))))
            return 0;
    }
    for (q = p + 1; q < len && (norm_ascii_letter(s[q]) || is_digit(s[q]) || s[q] == '@' ||
                                s[q] == '$' || s[q] == '!');
         q++)
        ;
    return q + 1 < len && (s[q] == '.' || s[q] == '@') && norm_ascii_letter(s[q + 1]) ? 0 : l;
}

/* The key bytes spelled_key may change: digits, the separators of a
 * name spelled out (normalise_spell_sep) and the first bytes of its
 * non-ASCII ones (U+00B7, U+2022, U+2027, U+2219, U+22C5, U+318D); every
 * other byte is kept as it is. */
static const unsigned char spell_byte[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['.'] = 1, ['_'] = 1, ['*'] = 1, ['/'] = 1, ['|'] = 1, ['+'] = 1,
    ['~'] = 1, ['\\'] = 1, [':'] = 1, [';'] = 1, ['^'] = 1, ['='] = 1, [0xC2] = 1, [0xE2] = 1,
    [0xE3] = 1,
};

/* 1 if key byte i may start a gap of the class (class_gap): an ASCII
 * punctuation or symbol byte, or the lead byte of a longer code point
 * with an ASCII letter or digit or a Hangul syllable before it (a space
 * between allowed) or a digit after it (the cheap test: most text never
 * gets to class_gap).  What is before it is read in the norm view s (len
 * bytes; the code point is at norm byte p): the key bytes before i may
 * have been rewritten already (norm_spelled_key works in place), which
 * lost the second gap of "김 · 종 · 수" (report-adv16a A-16). */
static int maybe_class_gap(const char *k, size_t klen, size_t i, const char *s, size_t len,
                           size_t p)
{
    unsigned char c = (unsigned char)k[i];
    size_t n;

    if (c < 0x80)
        return c > ' ' && c < 0x7F && !norm_ascii_letter((char)c) && !is_digit((char)c);
    if (c < 0xC2)
        return 0;
    if (p > 0 && (norm_ascii_letter(s[p - 1]) || is_digit(s[p - 1])))
        return 1;
    if (p >= 3 && (unsigned char)s[p - 3] >= 0xEA && (unsigned char)s[p - 3] <= 0xED)
        return 1;
    /* A space between (spaced_hangul_gap: "김 · 종"). */
    if (p >= 4 && s[p - 1] == ' ' && (unsigned char)s[p - 4] >= 0xEA && (unsigned char)s[p - 4] <= 0xED)
        return 1;
    n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return (i + n < klen && is_digit(k[i + n])) || (p + n < len && is_digit(s[p + n]));
}

/* Leaves the gaps (above) out of bd's key view, and reads leetspeak
 * digits as letters there (a Cyrillic letter takes two bytes for the
 * digit's one: the key is then written anew).  Runs of bytes it keeps
 * (most of a text) are copied at once.  Returns 0, or -1 if out of
 * memory. */
int norm_spelled_key(struct builder *bd, const char *in, size_t inlen)
{
    struct gap_orig o = { in, inlen, bd->a };
    size_t i, w = 0, p, extra = 0, run;
    int cp, k, alone;
    const char *l;
    char *dk = bd->k;
    uint32_t *dka = bd->ka;

    for (i = 0; i < bd->klen; i++)
        if (is_digit(bd->k[i]) && strlen(leet_at(bd->s, bd->len, bd->ka[i])) == 2)
            extra++;
    if (extra > 0) {
        if (bd->klen + extra + 1 > bd->cap && norm_grow(bd, bd->klen + extra) != 0)
            return -1;
        if ((dk = secmem_wipe_malloc(bd->cap)) == NULL)
            return -1;
        if ((dka = malloc(bd->cap * sizeof *dka)) == NULL) {
            secmem_wipe_free(dk);
            return -1;
        }
    }
    for (i = 0;; i++) {
        unsigned char c;
        char sym;
        for (run = i; run < bd->klen && !spell_byte[(unsigned char)bd->k[run]] &&
                      !maybe_class_gap(bd->k, bd->klen, run, bd->s, bd->len, bd->ka[run]);
             run++)
            ;
        if ((dk != bd->k || w != i) && run > i) {
            memmove(dk + w, bd->k + i, run - i);
            memmove(dka + w, bd->ka + i, (run - i) * sizeof *dka);
        }
        w += run - i, i = run;
        if (i >= bd->klen)
            break;
        c = (unsigned char)bd->k[i];
        if (is_digit((char)c) && *(l = leet_at(bd->s, bd->len, bd->ka[i])) != '\0') {
            for (; *l != '\0'; l++) {
                dk[w] = *l;
                dka[w++] = bd->ka[i];
            }
            continue;
        }
        /* A full stop between two digits is left out of the key, as a
         * dash is: a registered number written "9911.2345" is 99112345
         * (report-adv12d F10). */
        if (c == '.' && (p = bd->ka[i]) > 0 && p + 1 < bd->len && bd->s[p - 1] >= '0' &&
            bd->s[p - 1] <= '9' && bd->s[p + 1] >= '0' && bd->s[p + 1] <= '9')
            continue;
        if ((c == '.' || c == '_' || c == '*' || c == '/' || c == '|' || c == '+' || c == '~' ||
             c == '\\' || c == ':' || c == ';' || c == '^' || c == '=' || c == 0xC2 || c == 0xE2 ||
             c == 0xE3) &&
            (k = utf8_decode(&cp, bd->s + (p = bd->ka[i]), bd->len - bd->ka[i])) > 0 &&
            normalise_spell_sep(cp) && spell_gap(bd->s, bd->len, p, (size_t)k, &alone)) {
            i += (size_t)k - 1;
            continue;
        }
        if ((c == '@' || c == '$' || c == '!') && (sym = leet_symbol(bd->s, bd->len, bd->ka[i])) != 0) {
            dk[w] = sym;
            dka[w++] = bd->ka[i];
            continue;
        }
        if (maybe_class_gap(bd->k, bd->klen, i, bd->s, bd->len, bd->ka[i]) &&
            (k = (int)class_gap(bd->s, bd->len, bd->ka[i], &alone, &o)) > 0) {
            i += (size_t)k - 1;
            continue;
        }
        dk[w] = bd->k[i];
        dka[w++] = bd->ka[i];
    }
    if (dk != bd->k) {
        secmem_wipe_free(bd->k), free(bd->ka);
        bd->k = dk, bd->ka = dka;
    }
    bd->klen = w;
    return 0;
}
