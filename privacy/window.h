/* Windows of consecutive tokens over a normalised text (normalise.h), for
 * the audit's checks: the digest set and the gazetteer look up the key of
 * every window of one to a few tokens. A token is a run of word characters
 * of one script, or one Han character (Chinese is written without
 * spaces); where a protected form may start and end for the redactor's
 * hit rules (redact_form_hit), a token starts and ends. */
#ifndef INTAKE_WINDOW_H
#define INTAKE_WINDOW_H

#include <stddef.h>
#include <stdint.h>

#include "privacy/normalise.h"
#include "util/err.h"

#define WINDOW_MAX 4

#define WINDOW_STEMS 8
#define WINDOW_SUFFIX_MAX 32     /* bytes: the longest particle or ending run */
#define WINDOW_LATIN_SUFFIX_MAX 10 /* bytes: above the longest Latin case ending (9) */

struct token {
    /* Offsets are bytes of 32 bits (window_tokenise refuses a text of
     * 4 GiB or more): a 1 MiB attachment makes ~250,000 tokens, and at
     * 192 bytes each (size_t offsets, the norm view's stems kept) they
     * held 50 MB of export's peak (session 52, speed52). */
    uint32_t start, end;     /* bytes in the norm view */
    uint32_t kstart, kend;   /* bytes in the key view */
    int first;               /* its first code point */
    /* The key byte where a particle or case ending (window_suffix_ok;
     * Latin: a Latin case ending) or a glued number begins, nearest the
     * end first; computed once per token. */
    uint32_t kstem[WINDOW_STEMS];
    unsigned nstems;
    /* Where the letters begin in a Latin token that starts with ASCII
     * digits ("75daewoo", "2019hanwha88"), as the redactor lets a term
     * glued after digits start there (redact_hits.c, glued_latin;
     * report-adv16a A-9): a norm and a key byte; start and kstart when
     * the token starts with no digit. */
    uint32_t lead, klead;
};

/* Receives the window w[0..nw) (nw >= 1, w[nw-1] the newest token). Returns
 * 0 to go on, 1 to skip the longer windows ending at the same token, or -1
 * to stop (e filled). */
typedef int (*window_fn)(void *ctx, const struct normtext *nt, const struct token *w,
                         size_t nw, struct err *e);

/* Calls fn for each window of 1..max tokens (max 0 or over WINDOW_MAX:
 * WINDOW_MAX), the windows ending at each token in turn, shortest first;
 * w is valid during the call only.  Returns 0, or -1 when fn returned -1
 * (fn fills e). */
int window_scan(const struct normtext *nt, size_t max, window_fn fn, void *ctx,
                struct err *e);

/* The tokens of a normalised text, each with its stems, in text order:
 * made once by window_tokenise, for several scans of the same text. */
struct window_tokens {
    struct token *t;
    size_t n;
};

/* What window_tokenise remembers across texts: the stems of each token
 * met (at most 2048 tokens of up to 64 bytes at a time, in wipe-on-free
 * memory, until window_memo_free wipes them).  NULL when out of memory;
 * window_memo_free(NULL) does nothing. */
struct window_memo;
struct window_memo *window_memo_new(void);
void window_memo_free(struct window_memo *m);

/* The tokens of nt into tk (free them with window_tokens_free; nt must
 * outlive them), through the memo m (or NULL: none).  Returns 0, or -1
 * with e when out of memory or when nt's norm or key view is 4 GiB or
 * longer (a token's offsets are 32 bits). */
int window_tokenise(struct window_tokens *tk, const struct normtext *nt, struct window_memo *m,
                    struct err *e);
void window_tokens_free(struct window_tokens *tk);

/* window_scan over the tokens tk of nt (window_tokenise). */
int window_scan_tokens(const struct window_tokens *tk, const struct normtext *nt, size_t max,
                       window_fn fn, void *ctx, struct err *e);

/* The key of the window w[0..nw) starts at nt->key + w[0].kstart and is
 * this many bytes long (through the end of its last token's key). */
static inline size_t window_keylen(const struct token *w, size_t nw)
{
    return w[nw - 1].kend - w[0].kstart;
}

/* The same with the last token cut at its stem i (i < its nstems): a token
 * holds no separator, so its key bytes are its norm bytes. */
static inline size_t window_stem_keylen(const struct token *w, size_t nw, unsigned i)
{
    const struct token *last = &w[nw - 1];

    return last->kstem[i] - w[0].kstart;
}

/* 1 if rest[0..restlen) (bytes of the norm view: the end of a word) is
 * empty or Korean particles or Mongolian case endings, as the redactor
 * accepts after a name (variants.h); else 0. */
int window_suffix_ok(const char *rest, size_t restlen);

#endif
