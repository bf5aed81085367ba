/* A name in Hangul cut anywhere between its syllables (issue 12, brief
 * s25 ko25, report-adv24 A-7): "바트-에르데-네가", "바트.에르.데네가",
 * "바트에르 데네가" for Бат-Эрдэнэ.  redact_spelled.c reads syllables one
 * a word ("바-트-바-야-르"); here the pieces may be of any length and
 * number.  Hangul words joined by one mark (- . · ・ ‧ _ / or one
 * space) make a chain; the chain's pieces are joined and the joined word
 * is read by the text's own matchers (redact_match_terms and the
 * transcriptions' reader redact_find_scripts), so what is protected has
 * one definition.  A replacement found there that starts at a piece's
 * start, covers two pieces or more and ends at a piece's end or before a
 * Korean particle (SUFFIX_KO) or a Mongolian case ending in Hangul
 * (as the matchers read it) is replaced over the original pieces and the
 * marks between them.  A particle cut off by a mark of the chain
 * ("바-트-바-야-르-가") goes with the name: the mark before it is
 * replaced too ("Tuul가").  Where a space is one of the cuts, the
 * joined word is read as a transcription only (redact_find_scripts),
 * each piece has two syllables or more and each but the last is no
 * Korean word (redact_ordinary_ko, strict), and the span holds three syllables or
 * more: "종 수가", "건 겨울", "여기서는 아이들" are prose.  Review flags of the joined word are left (a cut word is as
 * often prose); no table. */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"

#define HS_PIECES 24            /* pieces of a chain read at once */
#define HS_READ 512             /* bytes of a joined chain */

struct piece {
    size_t start, end;          /* norm bytes of the text */
};

static int hangul(int cp)
{
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

static int cut_mark(int cp)
{
    return cp == '-' || cp == '.' || cp == ' ' || cp == 0xB7 || cp == 0x30FB ||
           cp == 0x2027 || cp == '_' || cp == '/' || cp == 0x2010 || cp == 0x2011;
}

/* 1 if w[0..n) is a particle or two after a name: a short list written
 * by hand (it wants a native reviewer), narrower than SUFFIX_KO, whose
 * endings of verbs (바트 바다를: 바트바+다를) would cut prose. */
static int particle(const char *w, size_t n)
{
    static const char *const one[] = {
        "가", "이", "을", "를", "은", "는", "의", "에", "에게", "한테", "와", "과", "도", "만",
        "께", "에서", "로", "으로", "랑", "이랑", "하고", "씨", "님", "이가", "이는", "이를",
        "이의", "이도", "이와", "에게서", "한테서", "까지", "부터", "처럼", "보다",
    };
    for (size_t i = 0; i < sizeof one / sizeof one[0]; i++) {
        size_t k = strlen(one[i]);
        if (n >= k && memcmp(w, one[i], k) == 0 &&
            (n == k || (n - k <= 9 && variant_suffix_ok(SUFFIX_KO, w + k, n - k) &&
                        memcmp(w + k, "다", 3) != 0)))
            return 1;
    }
    return 0;
}

/* Syllables in joined[a..b) (each three bytes). */
static size_t syllables(size_t a, size_t b)
{
    return (b - a) / 3;
}

/* Files the hits of pieces pc[0..n) joined that start at the first and
 * end in the last; tail: the piece after the last is a particle alone.
 * 1 if there was one, 0 if not, -1 when out of memory. */
static int read_pieces(struct spans *sp, const struct redactor *r, struct redact_ctx *ctx,
                       const struct normtext *t, const struct piece *pc, size_t n, int tail)
{
    char buf[HS_READ];
    size_t used = 0, at[HS_PIECES], i, last, pend;
    struct normtext j;
    struct err e;
    struct spans found = { 0 }, pending = { 0 }, fl = { 0 };
    int rc = 0, space = 0;

    for (i = 0; i < n; i++) {
        size_t len = pc[i].end - pc[i].start;
        if (used + len > sizeof buf)
            return 0;
        at[i] = used;
        memcpy(buf + used, t->norm + pc[i].start, len);
        used += len;
        if (i + 1 < n)
            space |= t->norm[pc[i].end] == ' ';
    }
    last = at[n - 1], pend = used;
    /* Cut by a space, each piece is two syllables or more and no word of
     * Korean but the last (hunspell-ko, strict; the last holds the
     * endings): "여기서는 아이들", "건 겨울" are prose. */
    for (i = 0; space && i < n; i++)
        if (pc[i].end - pc[i].start < 6 ||
            (i + 1 < n && redact_ordinary_ko(t->norm + pc[i].start, pc[i].end - pc[i].start, 1)))
            return 0;
    if (normalise(&j, buf, used, &e) != 0) {
        sodium_memzero(buf, sizeof buf);
        return -1;
    }
    if (j.normlen != used || memcmp(j.norm, buf, used) != 0) {
        normtext_free(&j);
        sodium_memzero(buf, sizeof buf);
        return 0;               /* offsets would not map back */
    }
    /* Cut by a space, the joined word is read as a transcription only: the
     * literals' sound variants would join Korean prose ("주고 돈"). */
    if ((!space && redact_match_terms(&found, &pending, &fl, r, &j, ctx, &e) != 0) ||
        redact_find_scripts(&found, NULL, r, &j) != 0)
        rc = -1;
    for (i = 0; rc == 0 && i < found.n; i++) {
        struct span s = found.s[i];
        size_t endpos;
        if ((s.term == SIZE_MAX && s.subject <= 0) || s.glued || s.review || s.start != 0 ||
            s.end <= last)
            continue;
        if (s.end < pend && !particle(buf + s.end, pend - s.end))
            continue;
        if (space && syllables(s.start, s.end) < 3)
            continue;
        endpos = pc[n - 1].start + (s.end - last);
        /* A particle cut off by the chain's mark goes with the name. */
        if (s.end == pend && tail && !space)
            endpos = pc[n].start;
        s.start = pc[0].start, s.end = endpos;
        rc = redact_span_add(sp, &s) != 0 ? -1 : 1;
    }
    free(found.s), free(pending.s), free(fl.s);
    normtext_free(&j);
    sodium_memzero(buf, sizeof buf);
    return rc;
}

/* 1 if the mark after piece i is the mark after piece j. */
static int same_mark(const struct normtext *t, const struct piece *pc, size_t i, size_t j)
{
    size_t li = pc[i + 1].start - pc[i].end, lj = pc[j + 1].start - pc[j].end;

    return li == lj && memcmp(t->norm + pc[i].end, t->norm + pc[j].end, li) == 0;
}

/* Reads a chain pc[0..n): from each piece, the longest run of pieces
 * after it that holds a name (at most three pieces where a space cuts). */
static int read_chain(struct spans *sp, const struct redactor *r, struct redact_ctx *ctx,
                      const struct normtext *t, const struct piece *pc, size_t n)
{
    size_t a, b;
    int rc = 0;

    for (a = 0; a + 1 < n && rc >= 0; a++) {
        size_t top = n - 1, spaces = 0;
        for (b = a + 1; b < n; b++) {
            spaces += t->norm[pc[b - 1].end] == ' ';
            if (spaces > 0 && b - a >= 3) {
                top = b - 1;
                break;
            }
        }
        /* A piece set off by the chain's own mark on both sides is no
         * start: 종수 of 종.수.기 is no hit (redact_spelled.c's rule). */
        if (a > 0 && t->norm[pc[a].end] != ' ' && same_mark(t, pc, a - 1, a))
            continue;
        for (b = top, rc = 0; b > a && rc == 0; b--) {
            int tail = b + 1 < n && (b + 2 == n || t->norm[pc[b + 1].end] == ' ') &&
                       t->norm[pc[b].end] != ' ' &&
                       variant_suffix_ok(SUFFIX_KO, t->norm + pc[b + 1].start,
                                         pc[b + 1].end - pc[b + 1].start);
            if (b + 1 < n && !tail && t->norm[pc[b].end] != ' ' && same_mark(t, pc, b - 1, b))
                continue;       /* nor an end */
            rc = read_pieces(sp, r, ctx, t, pc + a, b - a + 1, tail);
        }
        if (rc > 0)
            a = b + 1;
    }
    return rc < 0 ? -1 : 0;
}

int redact_hangul_split(struct spans *sp, const struct redactor *r, struct redact_ctx *ctx,
                        const struct normtext *t)
{
    struct piece pc[HS_PIECES];
    size_t p = 0, n = 0;
    int cp, k, rc = 0;

    while (p < t->normlen && rc == 0) {
        size_t q = p;
        while (q < t->normlen && (k = utf8_next(&cp, t->norm + q, t->normlen - q)) > 0 && hangul(cp))
            q += (size_t)k;
        if (q > p) {
            /* A word of Hangul only: glued to other letters it is no piece. */
            int glued = (p > 0 && is_word_cp((unsigned char)t->norm[p - 1])) ||
                        (q < t->normlen && utf8_next(&cp, t->norm + q, t->normlen - q) > 0 &&
                         is_word_cp(cp));
            if (glued) {
                if (n >= 2)
                    rc = read_chain(sp, r, ctx, t, pc, n);
                n = 0;
                while (q < t->normlen && (k = utf8_next(&cp, t->norm + q, t->normlen - q)) > 0 &&
                       is_word_cp(cp))
                    q += (size_t)k;
                p = q;
                continue;
            }
            pc[n].start = p, pc[n].end = q, n++;
            p = q;
            /* One mark, then Hangul: the chain goes on. */
            int more = 0;
            if (n < HS_PIECES && p < t->normlen && (k = utf8_next(&cp, t->norm + p, t->normlen - p)) > 0 &&
                cut_mark(cp) && p + (size_t)k < t->normlen) {
                int c2;
                int sep_nl = cp == ' ' && memchr(t->orig + t->ostart[p], '\n',
                                                 normtext_oend(t, p) - t->ostart[p]) != NULL;
                if (!sep_nl && utf8_next(&c2, t->norm + p + k, t->normlen - p - (size_t)k) > 0 &&
                    hangul(c2))
                    more = 1, p += (size_t)k;
            }
            if (!more) {
                if (n >= 2)
                    rc = read_chain(sp, r, ctx, t, pc, n);
                n = 0;
            }
            continue;
        }
        if (n >= 2)
            rc = read_chain(sp, r, ctx, t, pc, n);
        n = 0;
        if ((k = utf8_next(&cp, t->norm + p, t->normlen - p)) <= 0)
            k = 1;
        p += (size_t)k;
    }
    if (rc == 0 && n >= 2)
        rc = read_chain(sp, r, ctx, t, pc, n);
    return rc;
}
