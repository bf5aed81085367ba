/* Pattern detectors for identifying data that is in no list: phone numbers,
 * e-mail addresses, URLs, ID numbers, birth dates, places by coordinates,
 * IP addresses and account handles.  Hand-written scanners over the norm
 * view (normalise.h), so full-width digits and every dash form are
 * already plain ASCII; phone numbers are checked against libphonenumber's
 * numbering plans (privacy/phone_plans.c).  The shapes and their sources
 * are listed in docs/VARIANTS.md ("Pattern detectors"). */
#ifndef INTAKE_DETECT_H
#define INTAKE_DETECT_H

#include <stddef.h>

#include "util/err.h"

enum detect_kind {
    DETECT_PHONE, DETECT_EMAIL, DETECT_URL, DETECT_ID, DETECT_DATE, DETECT_GPS, DETECT_IP,
    DETECT_HANDLE, DETECT_ACCOUNT, DETECT_ADDRESS,
    DETECT_NKINDS
};

/* The lower-case name of a kind ("phone", ..., "handle", "account",
 * "address"); static. */
const char *detect_kind_name(int kind);

struct detection {
    size_t start, end;      /* byte span in the norm text */
    int kind;               /* enum detect_kind */
};

/* The end of the text norm[0..len) without the white space after its
 * last word (bytes; ASCII spaces, tabs and line breaks, so that it serves
 * the original text too): a text's last line break is one ' ' in the
 * norm view, and a test "this ends the text" (a house number, a salute) must
 * read it as the end, as it reads a text without it (report-adv32 L-20:
 * "Сумська вулиця, 23\n").  The one definition of the text's end for the
 * detectors and the redactor's clause tests. */
size_t detect_text_end(const char *norm, size_t len);

/* Finds every detection in norm[0..len), in order of start; they do not
 * overlap, except an e-mail address whose local part begins inside the
 * detection before it ("8812 3456.kim@mail.mn"; the redactor merges
 * overlapping spans).  *out is malloc'd (free it), *nout its length.
 * Returns 0, or -1 with e filled (EXIT_INPUT: out of memory). */
int detect_all(struct detection **out, size_t *nout, const char *norm, size_t len,
               struct err *e);

struct normtext;

/* detect_column.c: detect_all over both views of a text t (normalise.h),
 * and the numbers in a table's account columns, which need its line
 * breaks (report-adv16a A-22: "bank,account" / "Khan,5012345678"); a
 * column's value replaces any detection overlapping it.  The one scan
 * the redactor, its rescan and the audit share.  *out is malloc'd (free
 * it), *nout its length; returns 0, or -1 with e filled (EXIT_INPUT: out
 * of memory). */
int detect_text(struct detection **out, size_t *nout, const struct normtext *t, struct err *e);

/* detect_all and detect_text, and in the same pass over the addresses
 * (one walk, not two: brief s21) each part detect_address_unsure would
 * give, to fn(ctx, start, end) (norm offsets, bytes, in text order) when
 * fn is not NULL: the redactor asks for both of one text.  Returns 0, or
 * -1 with e filled (EXIT_INPUT: out of memory, or fn returned non-zero). */
int detect_all_unsure(struct detection **out, size_t *nout, const char *norm, size_t len,
                      int (*fn)(void *ctx, size_t start, size_t end), void *ctx, struct err *e);
int detect_text_unsure(struct detection **out, size_t *nout, const struct normtext *t,
                       int (*fn)(void *ctx, size_t start, size_t end), void *ctx, struct err *e);

/* The addresses the detector is unsure of in the norm text s[0..len)
 * (detect_address.c, brief s20 addr20 item 8): one part alone whose unit
 * names nothing but a place to live ("13-р хороо", "khoroo 5", "5
 * inminban", "12인민반", "역삼동 737" without a district before it), which
 * is not replaced.  Calls fn(ctx, start, end) with each one's norm offsets
 * (bytes), in text order; returns 0, or fn's non-zero value as -1. */
int detect_address_unsure(const char *s, size_t len, int (*fn)(void *ctx, size_t start, size_t end),
                          void *ctx);

/* 1 if the word w[0..n) (bytes, lower case as the norm view writes it)
 * is a bank's name that stands for its cards ("сбер", "сбера", "kaspi":
 * the one table of banks, detect_bank_sign.c's bank_names), with at most a
 * case ending after the stem.  The review-flag finder asks it so that a
 * bank is no person's name ("Карта Сбера"). */
int detect_bank_word(const char *w, size_t n);

/* len if the word w[0..len) (UTF-8) is made only of digits said in
 * Korean: ASCII digits, Sino-Korean digit syllables (공일공), native digit
 * words (하나둘셋), the place syllables 십 백 천 만, with a genitive 의, a
 * particle or the copula at its end allowed ("칠팔이다"); else 0.  Bytes.  Used by the review-flag finder to tell a
 * spoken number from a name shape (redact_flags.c, "spoken-number"). */
size_t detect_ko_digit_word(const char *w, size_t len);

#endif
