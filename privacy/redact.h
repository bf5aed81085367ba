/* The redaction engine: finds every protected name and term (with their
 * spelling variants and inflections), pattern PII and manual [[...]] marks
 * in a text and replaces them in the original text.
 *
 * The caller (the store) feeds subjects, names, terms and allowed texts,
 * compiles once, then runs over each text of a record or bundle with one
 * redact_ctx, so "[PLACE-1]" means the same place in the title and body.
 * Names and terms are kept in wipe-on-free memory (crypto/secmem.h) and
 * wiped when freed; so is the vectorscan database.
 *
 * Texts, names and terms are UTF-8 given as a pointer and a length in
 * bytes; every offset and length below is in bytes.  Functions returning
 * int return 0, or -1 with e filled: EXIT_INPUT for bad input (invalid
 * UTF-8, a NUL byte), misuse (out of order) or no memory, EXIT_AUTH only
 * where said.  The code is split over privacy/redact*.c (redact_int.h). */
#ifndef INTAKE_REDACT_H
#define INTAKE_REDACT_H

#include <stddef.h>

#include "privacy/normalise.h"
#include "util/err.h"

enum term_category {
    TERM_PERSON, TERM_PLACE, TERM_EMPLOYER, TERM_ORGANISATION, TERM_ID, TERM_OTHER, TERM_ACCOUNT
};

/* Longest term or name accepted, in bytes after normalisation. */
#define REDACT_TERM_MAX 1000

struct redactor;
struct redact_ctx;

/* The length in bytes of the placeholder shape "[" A-Z... "-" 0-9... "]"
 * at s[0..len), or 0 if there is none: what a reader takes for a
 * placeholder.  Text of the input with that shape is escaped in the
 * output as \[Q-1] (an item of category "escape"), so every shape left
 * in an output is a placeholder the redactor wrote (docs/FORMAT.md). */
size_t redact_placeholder_shape(const char *s, size_t len);

/* One replacement, located in the output; never the original text.  The
 * strings are static. */
struct redaction_item {
    size_t start, len;          /* bytes in redaction.text */
    const char *category;       /* "pseudonym", "person", "place", ..., "phone", "redacted",
                                   or "escape": a backslash written before a '[' of the
                                   input that opens a placeholder's shape: \[ */
    const char *rule;           /* "exact", "variant", "inflection", "pattern", "manual",
                                   "escape" */
    size_t orig_start, orig_len; /* the replaced bytes in the input (offsets only) */
};

/* A name-like token in no list: not replaced, shown for review.  The
 * string is static. */
struct redaction_flag {
    size_t start, len;          /* bytes in redaction.text */
    const char *kind;           /* "korean-name", "cyrillic-name", "title-name",
                                   "context-name", "short-name", "name-or-word",
                                   "mixed-script", "near-name", "transcription",
                                   "glued-name", "escape-run", "unread-script",
                                   "spoken-number", "address", "handle",
                                   "lineage-name" (docs/VARIANTS.md) */
    int allowed;                /* 1 if the caller allowed this text (redactor_allow) */
};

/* A redacted text; redactor_run fills it, redaction_free frees it. */
struct redaction {
    char *text;                 /* sodium_malloc, NUL-terminated */
    size_t len;
    struct redaction_item *items;
    size_t nitems;
    struct redaction_flag *flags;
    size_t nflags;
};

/* A new, empty redactor in *out, to free with redactor_free.  Errors:
 * out of memory, vectorscan's allocator not settable. */
int redactor_new(struct redactor **out, struct err *e);

/* Registers subject id with its pseudonym (public text, used as is; a
 * copy is kept).  Errors: the id added twice, an empty pseudonym. */
int redactor_add_subject(struct redactor *r, long subject_id, const char *pseudonym,
                         struct err *e);

/* Protects one real name, name[0..len), of a registered subject, with its
 * spelling variants (a copy of their keys is kept); it becomes the
 * subject's pseudonym.  Errors: no such subject, already compiled, bad
 * text, nothing left after normalisation, over REDACT_TERM_MAX. */
int redactor_add_name(struct redactor *r, long subject_id, const char *name, size_t len,
                      struct err *e);

/* Protects a term, text[0..len), with its variants (subject_id 0:
 * store-wide); it becomes "[CATEGORY-n]".  Errors as redactor_add_name,
 * and an unknown category. */
int redactor_add_term(struct redactor *r, enum term_category cat, long subject_id,
                      const char *text, size_t len, struct err *e);

/* Protects the parts of a subject's contact details, text[0..len) (subject
 * add --contact: e-mail, its local part, handles, phones in their national
 * and international writings, words of letters and digits), as terms of
 * category other of subject_id; locale ("ko", "mn" or NULL) gives a
 * national phone number its calling code.  privacy/contact_terms.c.
 * Errors as redactor_add_term. */
int redactor_add_contact(struct redactor *r, long subject_id, const char *locale,
                         const char *text, size_t len, struct err *e);

/* Records text[0..len), which the interviewer allowed: a review flag on it
 * is reported with allowed set.  Its key is copied.  Errors: bad text. */
int redactor_allow(struct redactor *r, const char *text, size_t len, struct err *e);

/* Builds the matcher from everything added; call once, before running.
 * Errors: already compiled, too many literals, vectorscan's compiler. */
int redactor_compile(struct redactor *r, struct err *e);

/* redactor_compile without vectorscan's database: every later scan of a
 * text tries the literals whose keys start with each of its bytes (an
 * index of literal numbers, plain malloc memory freed with r), so a scan
 * costs about the text's bytes times one bucket of literals.  The same
 * answers as redactor_compile (the same hits, by end as vectorscan; hits
 * of one end may come in another order), for a
 * redactor asked about a few short texts, where compiling tens of
 * thousands of literals costs far more than every scan (a pseudonym's
 * check: store/subject.c).  The redactor cannot be serialised (no
 * matcher: redactor_serialise gives NULL).  Errors as redactor_compile. */
int redactor_compile_plain(struct redactor *r, struct err *e);

/* Bytes of redactor_digest. */
#define REDACT_DIGEST_BYTES 32

/* The BLAKE2b digest of exactly what redactor_compile hands the matcher
 * (every literal in order, and the vectorscan version): two redactors with
 * one digest compile to the same matcher.  The key of a cached matcher;
 * call after adding everything, before compiling. */
void redactor_digest(unsigned char out[REDACT_DIGEST_BYTES], const struct redactor *r);

/* Compiles r from bytes[0..len) written by redactor_serialise for a
 * redactor with the same digest, instead of building the matcher again
 * (seconds with 100,000 literals); bytes are not kept.  Returns 0, or -1
 * with e filled and r left uncompiled (compile it the usual way) if bytes
 * are no usable matcher, r protects nothing or is already compiled. */
int redactor_compile_from(struct redactor *r, const char *bytes, size_t len, struct err *e);

/* The compiled matcher as bytes (it holds every protected literal: keep
 * it only inside the encrypted store) in *out, wipe-on-free memory the
 * caller frees with secmem_wipe_free (crypto/secmem.h), and their length
 * in *outlen; *out is NULL when there is no matcher (nothing protected).
 * Errors: not compiled, out of memory. */
int redactor_serialise(char **out, size_t *outlen, const struct redactor *r, struct err *e);

/* How many literals (terms and their variants) the redactor matches. */
size_t redactor_literals(const struct redactor *r);

/* Another reference to r (not NULL), returned: r is wiped and freed with
 * its last reference (redactor_free).  Use a shared redactor only after
 * compiling it (nothing is added then), from one thread. */
struct redactor *redactor_share(struct redactor *r);

/* Releases one reference to r (NULL allowed), wiping the memo of
 * dictionary answers about the words of the texts it read; the last
 * reference wipes and frees r. */
void redactor_free(struct redactor *r);

/* A numbering context for placeholders over several texts, to free with
 * redact_ctx_free; it keeps the keys of numbered texts in wipe-on-free
 * memory.  NULL on no memory. */
struct redact_ctx *redact_ctx_new(void);

/* Wipes and frees ctx (NULL allowed). */
void redact_ctx_free(struct redact_ctx *ctx);

/* Redacts in[0..inlen) into out, numbering placeholders in ctx (not
 * NULL), then scans the output again: a protected term left there fails
 * with EXIT_AUTH and no output.  On success the caller frees out with
 * redaction_free; on failure out is empty.  Errors: not compiled, bad
 * input, a text of 4 GiB or more, a pseudonym over 255 bytes. */
int redactor_run(struct redaction *out, const struct redactor *r, struct redact_ctx *ctx,
                 const char *in, size_t inlen, struct err *e);

/* redactor_run for a record's short field (its place, its tags): every
 * user-name shape of redactor_handle_shapes left in it ("seawolf75",
 * "kim_js") is also a review flag of kind "handle", as the audit's
 * second opinion WARNs on it (report-adv19b B-16; brief s21 addr21): a
 * label the researcher chose that reads as someone's user name is asked
 * about, not exported unasked.  The body keeps redactor_run (prose has
 * model and order numbers of that shape).  Errors as redactor_run. */
int redactor_run_field(struct redaction *out, const struct redactor *r, struct redact_ctx *ctx,
                       const char *in, size_t inlen, struct err *e);

/* Frees out's buffers (wiping the text) and zeroes it; NULL allowed. */
void redaction_free(struct redaction *out);

/* Scans text[0..len) with the whole protected set: 0 if nothing protected
 * is found; -1 with EXIT_AUTH if something is (the check redactor_run
 * makes).  Errors (EXIT_INPUT): not compiled, bad text. */
int redactor_check(const struct redactor *r, const char *text, size_t len, struct err *e);

/* 1 if text[0..len) as written holds a protected form of r that the
 * rules replace or flag in some context: a short form or a name that is
 * also a word is replaced where the context marks a name, and a pseudonym
 * always stands where a name stood ("Saran" for Sarangerel Dorjsuren is a
 * short-name flag alone and replaced in "Saran гуай", so the re-scan of
 * every text naming the person failed: brief i12-names item 5), the
 * name in another script or transcription included (redact_find_scripts:
 * スラーヴァ for Вячеслав, brief s32 cjk32).  0 if
 * none; -1 with e filled (bad text, out of memory).  For pseudonyms. */
int redactor_any_form(const struct redactor *r, const char *text, size_t len, struct err *e);

/* 1 if text[0..len), or any of its spelling variants, holds a protected
 * name or term or one of their variants ("Jung-su" vs 정수); 0
 * if not; -1 with e filled (not compiled, bad text).  A short form of
 * text that hits only a short form of a name (a diminutive two names
 * share: Верка of Вероника and of Вера) is no collision.  For pseudonym
 * collision checks. */
int redactor_collides(const struct redactor *r, const char *text, size_t len,
                      struct err *e);

/* What kind of hit a protected form makes (docs/VARIANTS.md). */
enum redact_form_kind {
    FORM_REPLACE,               /* replaced */
    FORM_SHORT,                 /* a short form of a Mongolian name: a review flag */
    FORM_WORD,                  /* a name that is also an ordinary word (나라, гэрэл,
                                 * Bold): replaced where the context marks a name,
                                 * else a review flag */
    FORM_COMMON,                /* a name that is also a month, a day or a function
                                 * word (May, An, Даваа: variants_common_word): as
                                 * FORM_WORD, but a capital does not mark a name
                                 * where the words around it mark the word ("in
                                 * May", "May 5", "Даваа гарагт") */
    FORM_CONTEXT                /* a one-syllable Korean given name alone (진, Jin of
                                 * 선우진): a review flag where the context marks a
                                 * name ("Jin came.", "진씨가", "Mr. Jin"), else
                                 * nothing (진 starts too many words) */
};

/* A protected form's rules: what may follow it in its word, whether it
 * counts only written with a capital, whether it is a person's name (which
 * takes a handle, digits glued to it, initials and a patronymic beside it
 * with it) and its kind.  The audit's digest set carries these with each
 * form's digest (docs/FORMAT.md, "Digest set"). */
struct redact_form {
    unsigned char suffix;       /* enum variant_suffix */
    unsigned char capital;      /* 1: counts only written with a capital letter */
    unsigned char person;       /* 1: a person's name */
    unsigned char kind;         /* enum redact_form_kind */
    unsigned char shortform;    /* 1: made as a short form (variants.c), replaced only
                                 * because the dictionary does not know it: the
                                 * capital rule holds in lower case too (Түвшин of
                                 * Түвшинбаяр; "түвшин" is "level").  Bit 7 of the
                                 * form byte with FORM_REPLACE, so the audit reads it
                                 * as the redactor */
    unsigned char generated;    /* 1 (kinds FORM_SHORT, FORM_WORD, FORM_COMMON only):
                                 * a spelling the variant rules made, not the name as
                                 * registered nor one of its words, that is an
                                 * ordinary word (하면 of 하민, "tow" of Töv, "so" of
                                 * Sylvia Oberbrunner's initials): it counts only
                                 * where the context marks a name, as its kind says
                                 * there, and is neither flagged nor replaced
                                 * elsewhere (issue 13, docs/VARIANTS.md).  Bit 7 of
                                 * the form byte with those kinds */
};

/* The form's rules as one byte (FORMAT.md: bits 0-1 suffix, 2 capital,
 * 3 person, 4-6 kind, 7 the short-form mark with FORM_REPLACE or the
 * generated mark with FORM_SHORT, FORM_WORD, FORM_COMMON), and back: -1
 * for a byte no form has (a kind above FORM_CONTEXT, or FORM_CONTEXT
 * with bit 7). */
unsigned char redact_form_byte(const struct redact_form *f);
int redact_form_of_byte(struct redact_form *f, unsigned char b);

/* What a hit of a protected form is where the hit rules accept it. */
enum redact_hit { HIT_NONE, HIT_REPLACE, HIT_FLAG };

/* The hit rules, one definition for the redactor and the audit: whether a
 * form f whose key (keylen bytes) lies in t's key view ending at key byte
 * kend counts there (word boundaries, what follows in the word, capitals,
 * handles, digits, the context that marks a name), and if so the span it
 * takes in the norm view, [*start, *end) bytes, and for HIT_FLAG the
 * review flag's kind in *flag ("short-name", "name-or-word"; static).  The
 * span is the hit as matched (a person's initials and patronymic beside it
 * are added by the redactor afterwards, redact_extend_names). */
enum redact_hit redact_form_hit(size_t *start, size_t *end, const char **flag,
                                const struct normtext *t, const struct redact_form *f,
                                size_t keylen, size_t kend);

/* Receives one protected form: its key (normalise.h), valid only during
 * the call (it is the redactor's, in wipe-on-free memory), the key's length
 * in bytes and its rules. */
typedef int (*redactor_form_fn)(void *ctx, const char *key, size_t keylen,
                                const struct redact_form *f);

/* Which kind redactor_each_form gives a subject's name in one word, which
 * a dictionary may know as an ordinary word (FORM_WORD, docs/VARIANTS.md). */
enum redact_words {
    WORDS_ASK,                  /* ask the dictionary of each such name: loads
                                 * hunspell-ko, -mn and -en for the names a
                                 * store holds (about 0.6 s of CPU each for
                                 * Korean and Mongolian) */
    WORDS_SEEN                  /* ask only of the names the redactor's scans have
                                 * matched in a text so far (redactor_run, input
                                 * and re-scanned output, already asked there);
                                 * the others FORM_REPLACE, the strictest rule,
                                 * which no text redacted so far can tell apart */
};

/* Calls fn for every protected form of the redactor (each name and term
 * and each of their spelling variants, the short forms and names that are
 * words included, with their kind as words says), before or after
 * compiling; for the audit's digest set.  Returns 0, or the first
 * non-zero value fn returned. */
int redactor_each_form(const struct redactor *r, enum redact_words words, redactor_form_fn fn,
                       void *ctx);

/* Wipes and forgets what the dictionaries said of the words of the texts
 * looked at so far (the review flags ask once per word and keep the word,
 * in wipe-on-free memory); redactor_free calls it. */
void redact_words_clear(void);

/* gazetteer_is_region's answer for text[0..len) (UTF-8 bytes: a word or a
 * few), remembered per text with the dictionaries' answers until
 * redact_words_clear (wipe-on-free memory): the audit's second opinion and
 * the review flags ask it of the same words at each of their occurrences
 * (docs/SPEED.md, "Session 30"). 0 when the gazetteer cannot be loaded. */
int redact_is_region(const char *text, size_t len);

/* ---- The answers about places' generated Hangul spellings ----
 * A redactor with a protected place whose gazetteer name is Hangul (신의주
 * of place:Sinuiju) asks hunspell-ko whether each generated spelling of
 * it is a Korean word (such a spelling is no other name of the place):
 * loading hunspell-ko costs about 1 CPU s, whatever the text.  The answers
 * depend only on the spelling, the dictionary and the program
 * (lexicon_identity), so the store keeps them (store/privacy.c) and gives
 * them back before building a redactor; the answers are the same either
 * way.  Kept for the whole process (every redactor it builds), the
 * spellings in wipe-on-free memory; not thread-safe. */

/* Gives the answer known (1: a Korean word) for the spelling w[0..len)
 * (UTF-8 bytes), as an earlier process got it under the same
 * lexicon_identity; the word is copied.  0, or -1 when out of memory (the
 * answer is then asked again, as without it). */
int redact_place_answer_give(const char *w, size_t len, int known);

/* Receives one answer asked of hunspell-ko in this process (not given). */
typedef int (*redact_answer_fn)(void *ctx, const char *w, size_t len, int known);

/* Calls fn for each answer this process asked (not given) and did not
 * mark kept since the last redact_place_answers_clear.  Returns 0, or the first non-zero value of
 * fn. */
int redact_place_answers_each(redact_answer_fn fn, void *ctx);

/* How many answers this process asked (not given) and did not mark kept. */
size_t redact_place_answers_asked(void);

/* Marks every answer asked as kept (given): the store holds them now. */
void redact_place_answers_kept(void);

/* Wipes and forgets every answer given and asked. */
void redact_place_answers_clear(void);

/* Receives a name-shaped span of a text (bytes [start, end)) and the kind
 * of review flag the redactor raises for it (static).  Returns 0 to go on,
 * non-zero to stop (e filled). */
typedef int (*redactor_shape_fn)(void *ctx, size_t start, size_t end, const char *kind,
                                 struct err *e);

/* 1 if w[0..len) (bytes, one word as written, particles included) is an
 * ordinary word as the review flags read it: the dictionary of its script
 * knows it (a Korean word as hunspell-ko reads it, with data/lexicon's
 * words: 광산, 나은, 하늘이, 하나같이), and a Latin or Cyrillic one is in no
 * name list (gazetteer.h); 0 if not or if the dictionary is missing.  The
 * audit's second opinion asks it too (report-adv15 R-12).  Answers are
 * remembered until redact_words_clear. */
int redactor_ordinary_word(const char *w, size_t len);

/* The review flags' word shapes of the text nt was made from, as the
 * redactor raises them when nothing in it is protected: name-shaped words
 * in no list (less those the dictionaries know as ordinary words) and
 * words mixing scripts; for the audit's second opinion.  Returns 0, or -1
 * with fn's error. */
int redactor_name_shapes(const struct normtext *nt, redactor_shape_fn fn, void *ctx,
                         struct err *e);

/* The user-name shapes of the text nt was made from that the audit cannot
 * tie to a name (it holds no names; the redactor replaces those built from
 * a registered name: privacy/redact_handles.c): a token of ASCII letters,
 * digits, '.', '_' and '-' with three letters in a row and '_' between
 * letters, or four letters and two digits ("kimjs75", "kim_js",
 * "bdorj84"), '@' included before it; fn gets each with kind "handle"
 * (bytes of the original text).  Returns 0, or -1 with fn's error. */
int redactor_handle_shapes(const struct normtext *nt, redactor_shape_fn fn, void *ctx,
                           struct err *e);

#endif
