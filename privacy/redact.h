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

#include "util/err.h"

enum term_category {
    TERM_PERSON, TERM_PLACE, TERM_EMPLOYER, TERM_ORGANISATION, TERM_ID, TERM_OTHER
};

/* Longest term or name accepted, in bytes after normalisation. */
#define REDACT_TERM_MAX 1000

struct redactor;
struct redact_ctx;

/* One replacement, located in the output; never the original text.  The
 * strings are static. */
struct redaction_item {
    size_t start, len;          /* bytes in redaction.text */
    const char *category;       /* "pseudonym", "person", "place", ..., "phone", "redacted" */
    const char *rule;           /* "exact", "variant", "inflection", "pattern", "manual" */
    size_t orig_start, orig_len; /* the replaced bytes in the input (offsets only) */
};

/* A name-like token in no list: not replaced, shown for review.  The
 * string is static. */
struct redaction_flag {
    size_t start, len;          /* bytes in redaction.text */
    const char *kind;           /* "korean-name", "cyrillic-name", "title-name",
                                   "short-name", "mixed-script" */
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

/* Records text[0..len), which the interviewer allowed: a review flag on it
 * is reported with allowed set.  Its key is copied.  Errors: bad text. */
int redactor_allow(struct redactor *r, const char *text, size_t len, struct err *e);

/* Builds the matcher from everything added; call once, before running.
 * Errors: already compiled, too many literals, vectorscan's compiler. */
int redactor_compile(struct redactor *r, struct err *e);

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

/* Wipes and frees r (NULL allowed). */
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

/* Frees out's buffers (wiping the text) and zeroes it; NULL allowed. */
void redaction_free(struct redaction *out);

/* Scans text[0..len) with the whole protected set: 0 if nothing protected
 * is found; -1 with EXIT_AUTH if something is (the check redactor_run
 * makes).  Errors (EXIT_INPUT): not compiled, bad text. */
int redactor_check(const struct redactor *r, const char *text, size_t len, struct err *e);

/* 1 if text[0..len), or any of its spelling variants, holds a protected
 * name or term or one of their variants ("Jung-su" vs 정수); 0
 * if not; -1 with e filled (not compiled, bad text).  For pseudonym
 * collision checks. */
int redactor_collides(const struct redactor *r, const char *text, size_t len,
                      struct err *e);

/* Receives one protected form: its key (normalise.h), valid only during
 * the call (it is the redactor's, in wipe-on-free memory), the key's length
 * in bytes, what may follow it inside a word (enum variant_suffix) and
 * whether it counts only written with a capital (one word of a longer
 * name: "Bold" of "Bold Dorj", not "a bold move"). */
typedef int (*redactor_form_fn)(void *ctx, const char *key, size_t keylen, int suffix,
                                int capital);

/* Calls fn for every form the redactor replaces (each name and term and
 * each of their spelling variants; not the short forms, which only raise
 * review flags), before or after compiling; for the audit's digest set.
 * Returns 0, or the first non-zero value fn returned. */
int redactor_each_form(const struct redactor *r, redactor_form_fn fn, void *ctx);

#endif
