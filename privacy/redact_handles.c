/* User names built from a person's name (issue 12, names in shapes):
 * "kimjs75", "jongsoo.kim75", "kim_jongsu", "jskim1975", "bdorj84",
 * "dorj.batbayar", "bat_erdene88".  A name is cut into its parts (the
 * words; a Korean name in Hangul into surname and given name; a name of
 * one word with hyphens into its pieces), each part spelled every way the
 * variant tables give (variants.h, at most PART_SPELLINGS) and as its
 * initials ("js", "j" for Jong-su; "b" for Batbayar).  A handle-shaped
 * token (ASCII letters, digits, '.', '_', '-', holding a digit or '_',
 * after '@', or letters joined by '.') whose letters are exactly pieces of
 * one name, each of another part, at least one a whole part of 3 letters
 * or more, is replaced whole, with its digits, separators and '@': a user
 * name identifies as a whole (docs/VARIANTS.md, "Names in shapes").  The
 * same token shape is the audit's second opinion (redact_handle_shape).
 * A name's given part also gives its short forms (Даша of Дарья, from
 * the lists of nicknames.h, in Latin letters) as pieces.  Two parts cut
 * short (three letters or more each: "darpetr", "dashasok") make a user
 * name with digits, and also as a plain word of letters ("dashapetr",
 * "петрдаша": report-adv32 L-14) when that word is no English or
 * Mongolian word and no name the lists know (find_plain). */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/flag_context.h"
#include "privacy/gazetteer.h"
#include "privacy/nicknames.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"
#include "privacy/romanise.h"
#include "privacy/variants.h"
#include "util/lexicon.h"

#define PART_SPELLINGS 24       /* spellings kept per part, most likely first */
#define PARTS_MAX 8             /* parts of one name that count */
#define SUBPARTS_MAX 4          /* syllables or pieces read for initials */
#define TOKEN_MAX 48            /* bytes of a token looked into */

/* PIECE_SHORT: a short form the lists give a given name (Даша of Дарья:
 * nicknames.h) in Latin letters; a piece of its part, but never the one
 * whole part a user name of one piece needs ("dasha85" stays). */
enum { PIECE_WHOLE, PIECE_INITIALS, PIECE_SHORT };
#define SHORT_FORMS 12          /* short forms kept per part, the lists' order */

static int ascii_lower(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return 0;
    return n > 0;
}

static int add_piece_x(struct redactor *r, const char *s, size_t n, unsigned part, int kind);

/* Adds the piece s[0..n) and, when it spells "ks", its spelling with
 * "x" as English-style transliteration writes Cyrillic кс (Alex of Алекс,
 * Maxim, Xenia: report-adv33 L-45 "alexkuz"). */
static int add_piece(struct redactor *r, const char *s, size_t n, unsigned part, int kind)
{
    char x[HANDLE_PIECE_MAX];
    size_t i, m = 0;
    int rc;

    if (add_piece_x(r, s, n, part, kind) != 0)
        return -1;
    if (kind == PIECE_INITIALS || n >= sizeof x || memmem(s, n, "ks", 2) == NULL)
        return 0;
    for (i = 0; i < n; i++)
        if (s[i] == 'k' && i + 1 < n && s[i + 1] == 's')
            x[m++] = 'x', i++;
        else
            x[m++] = s[i];
    rc = add_piece_x(r, x, m, part, kind);
    sodium_memzero(x, sizeof x);
    return rc;
}

static int add_piece_x(struct redactor *r, const char *s, size_t n, unsigned part, int kind)
{
    struct handle_piece *p;

    if (n == 0 || n >= HANDLE_PIECE_MAX || !ascii_lower(s, n))
        return 0;
    if (r->npieces == r->piececap) {
        size_t cap = r->piececap ? 2 * r->piececap : 64;
        if ((p = secmem_wipe_malloc(cap * sizeof *p)) == NULL)
            return -1;
        if (r->npieces > 0)
            memcpy(p, r->pieces, r->npieces * sizeof *p);
        secmem_wipe_free(r->pieces);
        r->pieces = p, r->piececap = cap;
    }
    p = &r->pieces[r->npieces++];
    memset(p, 0, sizeof *p);
    memcpy(p->s, s, n);
    p->len = (unsigned char)n, p->part = (unsigned char)part, p->kind = (unsigned char)kind;
    p->term = (uint32_t)r->nterms;
    return 0;
}

/* The first letters of the spellings of text (at most 4, distinct) into
 * out (NUL-terminated); 0 letters if none is ASCII. */
static size_t first_letters(char out[5], const char *text, size_t len)
{
    struct variant_list vl;
    struct err e;
    size_t n = 0, i;

    out[0] = '\0';
    if (variants_of_kind(&vl, text, len, 0, &e) != 0)
        return 0;
    for (i = 0; i < vl.n && n < 4; i++) {
        char c = vl.v[i].key[0];
        if (c >= 'a' && c <= 'z' && memchr(out, c, n) == NULL)
            out[n++] = c, out[n] = '\0';
    }
    variant_list_free(&vl);
    return n;
}

/* The sub-parts of a part read for its initials: the syllables of its
 * Hangul spelling (its first variant in Hangul), else its pieces between
 * hyphens, else itself. */
static int subparts(char sub[SUBPARTS_MAX][HANDLE_PIECE_MAX], const struct variant_list *vl,
                    const char *part, size_t len)
{
    size_t i, at, a;
    int n = 0, cp, k;

    for (i = 0; i < vl->n; i++) {
        if (utf8_next(&cp, vl->v[i].key, vl->v[i].keylen) <= 0 || !is_hangul_cp(cp))
            continue;
        for (at = 0; at < vl->v[i].keylen && n < SUBPARTS_MAX; at += (size_t)k, n++) {
            if ((k = utf8_next(&cp, vl->v[i].key + at, vl->v[i].keylen - at)) <= 0 || !is_hangul_cp(cp))
                return 0;
            memcpy(sub[n], vl->v[i].key + at, (size_t)k), sub[n][k] = '\0';
        }
        return at == vl->v[i].keylen ? n : 0;
    }
    for (a = 0, at = 0; at <= len && n < SUBPARTS_MAX; at++)
        if (at == len || part[at] == '-') {
            if (at > a && at - a < HANDLE_PIECE_MAX)
                memcpy(sub[n], part + a, at - a), sub[n++][at - a] = '\0';
            a = at + 1;
        }
    return n;
}

/* The initials of the sub-parts: every combination of their first
 * letters ("js", "cs"), and the first alone ("j"). */
static int add_initials(struct redactor *r, char sub[SUBPARTS_MAX][HANDLE_PIECE_MAX], int n,
                        unsigned part)
{
    char first[SUBPARTS_MAX][5], buf[SUBPARTS_MAX + 1];
    size_t nf[SUBPARTS_MAX];
    int idx[SUBPARTS_MAX] = {0}, i;

    for (i = 0; i < n; i++)
        if ((nf[i] = first_letters(first[i], sub[i], strlen(sub[i]))) == 0)
            return 0;
    for (i = 0; i < (int)nf[0]; i++)
        if (add_piece(r, &first[0][i], 1, part, PIECE_INITIALS) != 0)
            return -1;
    if (n < 2)
        return 0;
    for (;;) {
        for (i = 0; i < n; i++)
            buf[i] = first[i][idx[i]];
        if (add_piece(r, buf, (size_t)n, part, PIECE_INITIALS) != 0)
            return -1;
        for (i = n - 1; i >= 0 && (size_t)++idx[i] == nf[i]; i--)
            idx[i] = 0;
        if (i < 0)
            return 0;
    }
}

struct short_ctx {
    struct redactor *r;
    unsigned part;
    size_t n;
};

/* Adds one short form (nicknames_each's fn): as it is when in Latin
 * letters, else its two Latin spellings (romanise_ru_latin: dasha of
 * Даша, report-adv30 L-8). */
static int add_short(void *ctx, const char *form, size_t len)
{
    struct short_ctx *c = ctx;
    char latin[HANDLE_PIECE_MAX];
    size_t n;
    int rc = 0;

    if (c->n++ >= SHORT_FORMS)
        return 0;
    if (ascii_lower(form, len))
        return add_piece(c->r, form, len, c->part, PIECE_SHORT);
    for (int alt = 0; alt < 2 && rc == 0; alt++)
        if ((n = romanise_ru_latin(latin, sizeof latin - 1, form, len, alt)) > 0)
            rc = add_piece(c->r, latin, n, c->part, PIECE_SHORT);
    sodium_memzero(latin, sizeof latin);
    return rc;
}

/* Counts short forms (nicknames_each's fn). */
static int count_short(void *ctx, const char *form, size_t len)
{
    (void)form, (void)len;
    ++*(size_t *)ctx;
    return 0;
}

/* One part of a name: its spellings, its initials and its short forms. */
static int add_part(struct redactor *r, const char *part, size_t len, unsigned part_no)
{
    struct variant_list vl;
    struct err e;
    char sub[SUBPARTS_MAX][HANDLE_PIECE_MAX];
    size_t i, kept = 0;
    int rc = 0, n;

    if (variants_of_kind(&vl, part, len, 1, &e) != 0)
        return 0;                       /* nothing to spell: no pieces */
    for (i = 0; rc == 0 && i < vl.n && kept < PART_SPELLINGS; i++) {
        const struct variant *v = &vl.v[i];
        if (v->flag || v->suffix == SUFFIX_MN_STEM || v->keylen < 2 ||
            !ascii_lower(v->key, v->keylen))
            continue;
        rc = add_piece(r, v->key, v->keylen, part_no, PIECE_WHOLE);
        kept++;
    }
    if (rc == 0 && (n = subparts(sub, &vl, part, len)) > 0)
        rc = add_initials(r, sub, n, part_no);
    variant_list_free(&vl);
    if (rc == 0) {
        struct short_ctx c = { r, part_no, 0 };
        rc = nicknames_each(part, len, add_short, &c);
    }
    return rc;
}

/* Genitive endings of a patronymic ("Батбаярын Алтангэрэл"): the
 * father's name without them is a piece of the same part too
 * ("batbayar.altangerel"). */
static const char *const genitives[] = { "гийн", "ийн", "ын", "ний", "giin", "iin", "yn" };

static int add_stem(struct redactor *r, const char *w, size_t len, unsigned part)
{
    for (size_t k = 0; k < sizeof genitives / sizeof genitives[0]; k++) {
        size_t n = strlen(genitives[k]);
        if (len > n + 4 && memcmp(w + len - n, genitives[k], n) == 0)
            return add_part(r, w, len - n, part);
    }
    return 0;
}

/* 1 if the Latin letters l[0..n) (lower case) are romanised Korean
 * syllables run together, each one romanise_ko_latin_syllable reads
 * (jongsuk: jong + suk; kimchi), else 0. */
static int ko_syllables(const char *l, size_t n)
{
    unsigned char ok[TOKEN_MAX + 1] = {1};
    size_t i, k;

    if (n == 0 || n > TOKEN_MAX)
        return 0;
    for (i = 1; i <= n; i++)
        for (k = 1; k <= 7 && k <= i && !ok[i]; k++)
            ok[i] = ok[i - k] && romanise_ko_latin_syllable(l + i - k, k);
    return ok[n];
}

/* 1 if the norm view key[0..n) is a Korean name: in Hangul, or words in
 * Latin letters of which one is a Korean surname (variants_is_surname:
 * kim, ri, pak) and each other is romanised syllables, '-' between them
 * or not (Kim Jong-su, Pak Jongsu). */
static int korean_name(const char *key, size_t n)
{
    char w[TOKEN_MAX];
    size_t a, at, m, i;
    int cp, surname = 0, other = 0;

    if (utf8_next(&cp, key, n) > 0 && is_hangul_cp(cp))
        return 1;
    for (a = 0, at = 0; at <= n; at++) {
        if (at < n && key[at] != ' ')
            continue;
        for (i = a, m = 0; i < at && m < sizeof w; i++)
            if (key[i] != '-')
                w[m++] = key[i];
        if (at > a && m < sizeof w && !surname && variants_is_surname(w, m))
            surname = 1;
        else if (at > a && (m >= sizeof w || !ascii_lower(w, m) || !ko_syllables(w, m)))
            return 0;
        else
            other |= at > a;
        a = at + 1;
    }
    return surname && other;
}

int redact_handle_pieces_add(struct redactor *r, const char *name, size_t len)
{
    char *key = NULL;
    size_t keylen, a, at, first = r->npieces;
    unsigned part = 0;
    int rc = 0, cp, words = 1;
    struct err e;

    /* The norm view keeps spaces and hyphens, the parts' borders. */
    if (normalise_norm(&key, &keylen, name, len, &e) != 0)
        return 0;
    for (at = 0; at < keylen; at++)
        words += key[at] == ' ';
    if (words == 1 && utf8_next(&cp, key, keylen) > 0 && is_hangul_cp(cp) && keylen >= 9 &&
        keylen <= 12 && variants_is_surname(key, 3)) {
        rc = add_part(r, key, 3, part++) != 0 || add_part(r, key + 3, keylen - 3, part++) != 0;
    } else {
        for (a = 0, at = 0; rc == 0 && at <= keylen && part < PARTS_MAX; at++) {
            if (at < keylen && key[at] != ' ' && !(words == 1 && key[at] == '-'))
                continue;
            if (at > a)
                rc = add_part(r, key + a, at - a, part) != 0 ||
                     add_stem(r, key + a, at - a, part) != 0;
            part += at > a;
            a = at + 1;
        }
        /* A name of one word with hyphens is also one part whole. */
        if (rc == 0 && words == 1 && part > 1)
            rc = add_part(r, key, keylen, part++);
    }
    /* A Korean name's pieces: a letter glued to one may be a syllable's
     * last (initial_parts) */
    if (rc == 0 && korean_name(key, keylen))
        for (at = first; at < r->npieces; at++)
            r->pieces[at].ko = 1;
    secmem_free(key);
    return rc != 0 ? -1 : 0;
}

static int piece_cmp(const void *a, const void *b)
{
    const struct handle_piece *x = a, *y = b;
    int c = memcmp(x->s, y->s, HANDLE_PIECE_MAX);

    if (c != 0)
        return c;
    return x->term != y->term ? (x->term < y->term ? -1 : 1) : (int)x->part - (int)y->part;
}

void redact_handle_pieces_finish(struct redactor *r)
{
    if (r->npieces > 1)
        qsort(r->pieces, r->npieces, sizeof *r->pieces, piece_cmp);
    redact_near_build(r);
    redact_mask_build(r);
}

/* The first piece whose text is s[0..n) (NUL-padded) and whose term is
 * term or after it, or r->npieces. */
static size_t piece_find_from(const struct redactor *r, const char *s, size_t n, uint32_t term)
{
    char pad[HANDLE_PIECE_MAX] = {0};
    size_t lo = 0, hi = r->npieces, mid;
    int c;

    memcpy(pad, s, n);
    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        c = memcmp(r->pieces[mid].s, pad, HANDLE_PIECE_MAX);
        if (c < 0 || (c == 0 && r->pieces[mid].term < term))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < r->npieces && memcmp(r->pieces[lo].s, pad, HANDLE_PIECE_MAX) != 0)
        lo = r->npieces;
    sodium_memzero(pad, sizeof pad);
    return lo;
}

static size_t piece_find(const struct redactor *r, const char *s, size_t n)
{
    return piece_find_from(r, s, n, 0);
}

struct walk {
    const struct redactor *r;
    const char *l;              /* the token's letters */
    size_t n;
    uint32_t term;
    int more;                   /* the token holds more than letters: digits, '.', '_' */
    int whole;                  /* whole spellings only: the name written joined */
};

/* 1 if a longer whole spelling of p's part than p starts with p's text:
 * p is then that spelling cut ("pet" of Petrova, "pav" of Pavlenko), not
 * the part written whole. */
static int cut_of_longer(const struct redactor *r, const struct handle_piece *p);

/* 1 if l[pos..n) is pieces of w->term, each of a part not in used; whole
 * counts the pieces so far, longest the longest whole part among them
 * (a short form counts too once two pieces are read: "dasha_p").
 * One whole part alone is a user name only with digits, '.' or '_' in the
 * token and no '-' ("altangerel_88", "75jongsu"; "Jong-su1975-03-14" is
 * a name and a date). */
static int walk(const struct walk *w, size_t pos, unsigned used, int pieces, size_t longest)
{
    size_t len, i;

    if (pos == w->n)
        return (pieces >= 2 && longest >= 3) || (pieces == 1 && longest >= 4 && w->more);
    for (len = 1; len < HANDLE_PIECE_MAX && pos + len <= w->n; len++)
        for (i = piece_find_from(w->r, w->l + pos, len, w->term);
             i < w->r->npieces && w->r->pieces[i].len == len && w->r->pieces[i].term == w->term &&
             memcmp(w->r->pieces[i].s, w->l + pos, len) == 0; i++) {
            const struct handle_piece *p = &w->r->pieces[i];
            if ((used & (1u << p->part)) ||
                (w->whole && (p->kind != PIECE_WHOLE || cut_of_longer(w->r, p))))
                continue;
            if (walk(w, pos + len, used | (1u << p->part), pieces + 1,
                     p->kind != PIECE_INITIALS && (p->kind == PIECE_WHOLE || pieces > 0 ||
                                                   pos + len < w->n) &&
                     p->len > longest ? p->len : longest))
                return 1;
        }
    return 0;
}

/* The term whose name the letters l[0..n) are made of, or SIZE_MAX.  Each
 * term with a piece at the start is walked once, TERMS_TRIED at most (a
 * store with more names sharing a first piece than that, "kim" of
 * hundreds of Kims, has the rest left: a bound on hostile text). */
#define TERMS_TRIED 256
static size_t name_of(const struct redactor *r, const char *l, size_t n, int more, int whole)
{
    struct walk w = { r, l, n, 0, more, whole };
    uint32_t tried[TERMS_TRIED];
    size_t len, i, k, ntried = 0;

    for (len = 1; len < HANDLE_PIECE_MAX && len <= n; len++)
        for (i = piece_find(r, l, len); i < r->npieces && r->pieces[i].len == len &&
             memcmp(r->pieces[i].s, l, len) == 0; i++) {
            w.term = r->pieces[i].term;
            for (k = 0; k < ntried && tried[k] != w.term; k++)
                ;
            if (k < ntried)
                continue;
            if (ntried == TERMS_TRIED)
                return SIZE_MAX;
            tried[ntried++] = w.term;
            if (walk(&w, 0, 0, 0, 0))
                return w.term;
        }
    return SIZE_MAX;
}

/* Pieces whose text starts with s[0..n) (1 <= n < HANDLE_PIECE_MAX), from the first; the
 * pieces are sorted by their NUL-padded text, so these are a run. */
static size_t piece_prefix_find(const struct redactor *r, const char *s, size_t n)
{
    char pad[HANDLE_PIECE_MAX] = {0};
    size_t lo = 0, hi = r->npieces, mid;

    memcpy(pad, s, n);
    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        if (memcmp(r->pieces[mid].s, pad, HANDLE_PIECE_MAX) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    sodium_memzero(pad, sizeof pad);
    return lo;
}

static int cut_of_longer(const struct redactor *r, const struct handle_piece *p)
{
    size_t i, k;

    for (i = piece_prefix_find(r, p->s, p->len), k = 0; i < r->npieces && k < 64 &&
         memcmp(r->pieces[i].s, p->s, p->len) == 0; i++, k++)
        if (r->pieces[i].term == p->term && r->pieces[i].part == p->part &&
            r->pieces[i].kind == PIECE_WHOLE && r->pieces[i].len > p->len)
            return 1;
    return 0;
}

#define PREFIX_MIN 3            /* letters of each name part cut short */
#define PREFIX_TRIED 64         /* pieces tried per cut: a bound on hostile text */

/* 1 if a whole spelling of another part of p's term than p's starts with
 * l[0..n). */
static int other_part_starts(const struct redactor *r, const struct handle_piece *p, const char *l, size_t n)
{
    size_t i, k;

    for (i = piece_prefix_find(r, l, n), k = 0; i < r->npieces && k < PREFIX_TRIED &&
         memcmp(r->pieces[i].s, l, n) == 0; i++, k++)
        if (r->pieces[i].term == p->term && r->pieces[i].part != p->part && r->pieces[i].kind != PIECE_INITIALS)
            return 1;
    return 0;
}

/* 1 if the letters l[0..n) of a token are the starts of two parts of one
 * name, each of PREFIX_MIN letters or more ("darpetr85" for Darya
 * Petrova, "dashasok85" for Dasha Sokolova: report-adv31 L-17,
 * report-adv30 L-8): a given name or its short form cut, then the
 * surname cut, or the other way round.  Whole spellings and short forms,
 * no initials; "dash85", "data2024" have no two such starts. */
static int cut_parts(const struct redactor *r, const char *l, size_t n)
{
    size_t cut, i, k;

    for (cut = PREFIX_MIN; cut + PREFIX_MIN <= n && cut < HANDLE_PIECE_MAX; cut++) {
        if (n - cut >= HANDLE_PIECE_MAX)
            continue;           /* no piece is that long */
        for (i = piece_prefix_find(r, l, cut), k = 0; i < r->npieces && k < PREFIX_TRIED &&
             memcmp(r->pieces[i].s, l, cut) == 0; i++, k++)
            if (r->pieces[i].kind != PIECE_INITIALS && other_part_starts(r, &r->pieces[i], l + cut, n - cut))
                return 1;
    }
    return 0;
}

/* How a side of a word of two pieces reads (side_of). */
enum side { SIDE_NONE, SIDE_INITIAL, SIDE_CUT, SIDE_WHOLE };

/* How l[0..n) reads as a piece of a part of p's term other than not_part
 * (when p is not NULL), else of any term, into *found: SIDE_INITIAL for
 * one letter (the first of a spelling or short form: "s" of Sasha) or an
 * initials piece, SIDE_WHOLE for a whole spelling or short form, SIDE_CUT
 * for the start of one (two letters or more), SIDE_NONE for nothing. */
static enum side side_of(const struct redactor *r, const char *l, size_t n,
                         const struct handle_piece *p, const struct handle_piece **found)
{
    enum side best = SIDE_NONE, cur;
    size_t i, k;

    if (n == 0 || n >= HANDLE_PIECE_MAX)
        return SIDE_NONE;
    for (i = piece_prefix_find(r, l, n), k = 0; i < r->npieces && k < PREFIX_TRIED &&
         memcmp(r->pieces[i].s, l, n) == 0; i++, k++) {
        const struct handle_piece *q = &r->pieces[i];
        if (p != NULL && (q->term != p->term || q->part == p->part))
            continue;
        if (q->kind == PIECE_INITIALS)
            cur = q->len == n ? SIDE_INITIAL : SIDE_NONE;
        else
            cur = n == 1 ? SIDE_INITIAL :
                  q->len == n && !cut_of_longer(r, q) ? SIDE_WHOLE : SIDE_CUT;
        if (cur > best || (cur == best && cur != SIDE_NONE && *found == NULL))
            best = cur, *found = q;
        if (best == SIDE_WHOLE)
            break;
    }
    return best;
}

/* 1 if the Latin letters l[0..n) are two pieces of two parts of one name
 * with an initial or a short cut on one side (report-adv33 L-18, L-45):
 * an initial and the start of another part, three letters or more
 * ("tkoval", "dashap", "tkov", "skuznetsov": s of Sasha), or a cut of
 * two letters and another part whole ("dapetrova"); either order.  Two
 * longer cuts are cut_parts'. */
static int initial_parts(const struct redactor *r, const char *l, size_t n)
{
    size_t cut, i, k;
    int ko = -1;

    for (cut = 1; cut < n && cut < HANDLE_PIECE_MAX; cut++)
        for (i = piece_prefix_find(r, l, cut), k = 0; i < r->npieces && k < PREFIX_TRIED &&
             memcmp(r->pieces[i].s, l, cut) == 0; i++, k++) {
            const struct handle_piece *p = &r->pieces[i], *q = NULL;
            enum side a, b;
            if (p->kind == PIECE_INITIALS && p->len != cut)
                continue;
            /* a Korean name's pieces and a letter that make romanised
             * syllables are another name or word (jongsu + k: Jongsuk,
             * test_redact's negatives), not an initial and a part */
            if (p->ko && (ko < 0 ? (ko = ko_syllables(l, n)) : ko))
                continue;
            a = p->kind == PIECE_INITIALS || cut == 1 ? SIDE_INITIAL :
                p->len == cut && !cut_of_longer(r, p) ? SIDE_WHOLE : SIDE_CUT;
            b = side_of(r, l + cut, n - cut, p, &q);
            if ((a == SIDE_INITIAL && b >= SIDE_CUT && n - cut >= PREFIX_MIN) ||
                (b == SIDE_INITIAL && a >= SIDE_CUT && cut >= PREFIX_MIN) ||
                (a == SIDE_CUT && cut == 2 && b == SIDE_WHOLE && n - cut >= 4) ||
                (b == SIDE_CUT && n - cut == 2 && a == SIDE_WHOLE && cut >= 4))
                return 1;
        }
    return 0;
}

static int token_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

/* 1 if the original text of norm [a, b) is written like initials and a
 * name ("B.Dorj", "J.S.Kim"): a capital first and a small letter after;
 * the name rules take those. */
static int written_as_name(const struct normtext *t, size_t a, size_t b)
{
    int up = 0, low = 0, cp;
    size_t o, i;

    for (i = a; i < b; i++) {
        if (t->norm[i] < 'a' || t->norm[i] > 'z')
            continue;
        o = t->ostart[i];
        if (utf8_next(&cp, t->orig + o, normtext_oend(t, i) - o) <= 0)
            return 0;
        if (i == a)
            up = normalise_is_upper(cp);
        else
            low |= !normalise_is_upper(cp);
    }
    return up && low;
}

/* 1 if the original text of norm [a, b) holds Latin letters in capitals
 * only ("JSON", "HTML"): an acronym, which no initial and part make (J +
 * Son of a registered name: test_eval's en-markup). */
static int written_in_capitals(const struct normtext *t, size_t a, size_t b)
{
    int cp, letters = 0;
    size_t o, i;

    for (i = a; i < b; i++) {
        if (t->norm[i] < 'a' || t->norm[i] > 'z')
            continue;
        o = t->ostart[i];
        if (utf8_next(&cp, t->orig + o, normtext_oend(t, i) - o) <= 0 || !normalise_is_upper(cp))
            return 0;
        letters++;
    }
    return letters > 1;
}

/* 1 if s[a, b) is single letters between separators ("d_o_r_j"): a
 * name spelled out, which the name rules take (normalise.h, gaps). */
static int spelled_out(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if ((s[i] >= '0' && s[i] <= '9') ||
            (s[i] >= 'a' && s[i] <= 'z' && i + 1 < b && s[i + 1] >= 'a' && s[i + 1] <= 'z'))
            return 0;
    return 1;
}

size_t redact_handle_shape(const char *s, size_t len, size_t at, size_t *end, int *strong)
{
    size_t b = at, i;
    int digit = 0, under = 0, dotted = 0;

    if (at > 0 && (token_byte(s[at - 1]) || (unsigned char)s[at - 1] >= 0x80))
        return 0;
    while (b < len && b - at < TOKEN_MAX && token_byte(s[b]))
        b++;
    if (b == len || !token_byte(s[b])) {
        while (b > at && (s[b - 1] == '.' || s[b - 1] == '_' || s[b - 1] == '-'))
            b--;
    } else {
        return 0;                       /* too long for a user name */
    }
    if (b == at || !((s[at] >= 'a' && s[at] <= 'z') || (s[at] >= '0' && s[at] <= '9')))
        return 0;
    for (i = at; i < b; i++) {
        digit |= s[i] >= '0' && s[i] <= '9';
        under |= s[i] == '_';
        dotted |= s[i] == '.' && i > at && s[i - 1] >= 'a' && s[i - 1] <= 'z' && i + 1 < b &&
                  s[i + 1] >= 'a' && s[i + 1] <= 'z';
    }
    *end = b;
    *strong = digit || under || (at > 0 && s[at - 1] == '@');
    return *strong || dotted ? b - at : 0;
}

#define PLAIN_MIN 6              /* letters of a plain word read for cut parts */
#define INITIAL_MIN 4            /* letters of a plain word read for an initial and a part */

/* Endings of a Slavic surname in Latin letters (Tankov, Darkova). */
static const char *const surname_endings[] = { "ov", "ova", "ev", "eva", "in", "ina", "enko", "sky", "skiy" };

/* 1 if the Latin letters l[0..n), written capitalised, read as a surname
 * of their own (report-adv33 O-18: "Tankov" of Tanya Koval's cut parts):
 * a Slavic surname ending, and no whole spelling of a part ends the
 * word (then it is that part: "Dashapetrova"). */
static int surname_shaped(const struct redactor *r, const char *l, size_t n)
{
    const struct handle_piece *q = NULL;
    size_t k, e;

    for (k = 0; k < sizeof surname_endings / sizeof surname_endings[0]; k++) {
        e = strlen(surname_endings[k]);
        if (n > e + 2 && memcmp(l + n - e, surname_endings[k], e) == 0)
            break;
    }
    if (k == sizeof surname_endings / sizeof surname_endings[0])
        return 0;
    for (k = 1; k + 3 <= n; k++)
        if (side_of(r, l + k, n - k, NULL, &q) == SIDE_WHOLE)
            return 0;
    return 1;
}
#define PLAIN_VARIANTS 12        /* spellings of a plain word asked of the name lists */

/* 1 if the short-form lists give short forms to key[0..n): a given name. */
static int listed_given(const char *key, size_t n)
{
    size_t found = 0;

    return nicknames_each(key, n, count_short, &found) == 0 && found > 0;
}

/* 1 if the plain word w[0..wn) (norm view: Latin or Cyrillic letters),
 * read in Latin as l[0..n), is a word or a name of its own, which no cut
 * parts make: an English word (dashboard, carpet of Carl Petter:
 * flag_en_word), a Mongolian one (redact_known_word), a name the lists
 * know, as written or in another script's spelling (Батболд, batbold of
 * Batbayar Boldyn: gazetteer_names_word; Виктория, darina: a given name
 * with short forms). */
static int word_of_its_own(const char *w, size_t wn, const char *l, size_t n)
{
    struct variant_list vl;
    struct err e;
    int rc;

    if (flag_en_word(l, n) || gazetteer_names_word(w, wn) || listed_given(w, wn) ||
        ((unsigned char)w[0] >= 0x80 && redact_known_word(LEXICON_MN, w, wn) == 1))
        return 1;
    if (variants_of_kind(&vl, l, n, 1, &e) != 0)
        return 1;                       /* cannot tell: no handle */
    rc = 0;
    for (size_t i = 0; i < vl.n && i < PLAIN_VARIANTS && !rc; i++)
        rc = gazetteer_names_word(vl.v[i].key, vl.v[i].keylen) ||
             listed_given(vl.v[i].key, vl.v[i].keylen);
    variant_list_free(&vl);
    return rc;
}

/* 1 if the word of letters only at norm [a, b) (Latin, or Cyrillic read in
 * Latin by romanise_ru_latin's two spellings) is a user name of two cut
 * parts of one name, as cut_parts reads one with digits ("dashapetr",
 * "petrdasha", "DarPetr", "петрдаша" for Дарья Петрова: report-adv32
 * L-14), or a Latin word of an initial and a part (initial_parts:
 * "tkoval", "dashap"; not a piece of a word joined by '-', nor a word in
 * capitals, joined: "Jong" of "Jong-s_", "JSON"), and no word or name of its own (word_of_its_own); two
 * cut parts written capitalised with a Slavic surname ending are another
 * surname (titled, surname_shaped: "Tankov"). */
static int plain_handle(const struct redactor *r, const char *w, size_t wn, int titled, int joined)
{
    char l[TOKEN_MAX];
    size_t n = 0;
    int hit = 0;

    if (ascii_lower(w, wn)) {
        if (wn < INITIAL_MIN || wn >= sizeof l)
            return 0;
        memcpy(l, w, wn);
        n = wn;
        hit = (wn >= PLAIN_MIN && cut_parts(r, l, n) && !(titled && surname_shaped(r, l, n))) ||
              (!joined && initial_parts(r, l, n));
    } else {
        for (int alt = 0; alt < 2 && !hit; alt++) {
            n = romanise_ru_latin(l, sizeof l, w, wn, alt);
            hit = n >= PLAIN_MIN && cut_parts(r, l, n);
        }
    }
    /* The whole name written joined ("Kimjongsu") is the name rules'. */
    hit = hit && name_of(r, l, n, 0, 1) == SIZE_MAX && !word_of_its_own(w, wn, l, n);
    sodium_memzero(l, sizeof l);
    return hit;
}

/* 1 if cp is a letter of a plain word: a-z, or a Cyrillic letter. */
static int plain_letter(int cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 0x430 && cp <= 0x45F);
}

/* Adds to sp each plain word of t (letters only, all Latin or all
 * Cyrillic, nothing of a user name or an e-mail address glued to it:
 * no digit, '_', '@') that plain_handle reads as a user name; not a
 * place of the world where the words mark the place ("in Milan" of Milan
 * Novak: redact_sense_place; brief s44 geo44), nor a word of a public
 * figure's whole name ("Anatoly Karpov": redact_sense_public_figure; brief
 * s47 pub47).  Those two look back over the text before the word and so
 * are asked only of a word plain_handle took: asked of every word, they
 * were 60% of a 1 MiB text attachment's redaction (session 52). */
static int find_plain(struct spans *sp, const struct redactor *r, const struct normtext *t,
                      struct span *h)
{
    const char *s = t->norm;
    size_t at = 0, b;
    int cp, k, latin, cyr;

    while (at < t->normlen) {
        if ((k = utf8_next(&cp, s + at, t->normlen - at)) <= 0)
            return 0;
        if (!plain_letter(cp) || (at > 0 && (token_byte(s[at - 1]) || s[at - 1] == '@' ||
                                             is_word_cp(redact_cp_before(s, at))))) {
            at += (size_t)k;
            continue;
        }
        for (b = at, latin = 0, cyr = 0; b < t->normlen && (k = utf8_next(&cp, s + b, t->normlen - b)) > 0 &&
             plain_letter(cp); b += (size_t)k)
            latin |= cp < 0x80, cyr |= cp >= 0x80;
        if (latin != cyr && b - at < TOKEN_MAX &&
            !(b < t->normlen && (is_word_cp(cp) || s[b] == '_' || s[b] == '@' ||
                                 (s[b] >= '0' && s[b] <= '9'))) &&
            plain_handle(r, s + at, b - at, latin && written_as_name(t, at, b),
                         (b < t->normlen && s[b] == '-') || (at > 0 && s[at - 1] == '-') ||
                         (latin && written_in_capitals(t, at, b))) &&
            !redact_sense_place(t, at, b) && !redact_sense_public_figure(t, at, b)) {
            h->start = at, h->end = b;
            if (redact_span_add(sp, h) != 0)
                return -1;
        }
        at = b > at ? b : at + 1;
    }
    return 0;
}

int redact_find_handles(struct spans *sp, const struct redactor *r, const struct normtext *t)
{
    const char *s = t->norm;
    char letters[TOKEN_MAX];
    size_t at = 0, end, n, i;
    int strong, sep, hyphen, digits;
    struct span h = { 0, 0, CAT_DETECT + DETECT_HANDLE, R_PATTERN, 0, SIZE_MAX, 0, 0, 0 };

    if (r->npieces == 0)
        return 0;
    while (at < t->normlen) {
        if (!token_byte(s[at])) {
            at++;
            continue;
        }
        if (redact_handle_shape(s, t->normlen, at, &end, &strong) == 0) {
            while (at < t->normlen && token_byte(s[at]))
                at++;                   /* the rest of a token that is none */
            continue;
        }
        for (i = at, n = 0, sep = 0, hyphen = 0, digits = 0; i < end; i++) {
            if (s[i] >= 'a' && s[i] <= 'z')
                letters[n++] = s[i];
            sep |= s[i] == '.' || s[i] == '_' || (s[i] >= '0' && s[i] <= '9');
            hyphen |= s[i] == '-';
            digits |= s[i] >= '0' && s[i] <= '9';
        }
        if ((strong || !written_as_name(t, at, end)) && !spelled_out(s, at, end) &&
            (name_of(r, letters, n, sep && !hyphen, 0) != SIZE_MAX ||
             (digits && !hyphen && cut_parts(r, letters, n)))) {
            h.start = at > 0 && s[at - 1] == '@' ? at - 1 : at, h.end = end;
            if (redact_span_add(sp, &h) != 0)
                return -1;
        }
        sodium_memzero(letters, sizeof letters);
        at = end;
    }
    return find_plain(sp, r, t, &h);
}

/* 1 if norm [a, b) looks like a user name to a reader: three letters in a
 * row, and '_' between letters or four letters and two digits. */
static int user_name_look(const char *s, size_t a, size_t b)
{
    size_t i, run = 0, longest = 0, letters = 0, digits = 0;
    int under = 0;

    for (i = a; i < b; i++) {
        int l = s[i] >= 'a' && s[i] <= 'z';
        run = l ? run + 1 : 0;
        longest = run > longest ? run : longest;
        letters += (size_t)l;
        digits += s[i] >= '0' && s[i] <= '9';
        under |= s[i] == '_' && i > a && i + 1 < b && s[i - 1] >= 'a' && s[i - 1] <= 'z' &&
                 s[i + 1] >= 'a' && s[i + 1] <= 'z';
    }
    return longest >= 3 && (under || (letters >= 4 && digits >= 2));
}

int redactor_handle_shapes(const struct normtext *nt, redactor_shape_fn fn, void *ctx,
                           struct err *e)
{
    const char *s = nt->norm;
    size_t at = 0, end, a;
    int strong;

    while (at < nt->normlen) {
        if (!token_byte(s[at])) {
            at++;
            continue;
        }
        if (redact_handle_shape(s, nt->normlen, at, &end, &strong) == 0 || !strong ||
            !user_name_look(s, at, end)) {
            while (at < nt->normlen && token_byte(s[at]))
                at++;
            continue;
        }
        a = at > 0 && s[at - 1] == '@' ? at - 1 : at;
        if (fn(ctx, nt->ostart[a], normtext_oend(nt, end - 1), "handle", e) != 0)
            return -1;
        at = end;
    }
    return 0;
}
