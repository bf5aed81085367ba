/* The audit of what a bundle exports (issue 6): checks that each report
 * PASS, WARN or FAIL with a reason, counts and items, then one verdict.
 * Library code: it fills a report; the CLI prints it (text or JSON).
 *
 * The checks here work on records as exported (redacted text with the
 * redaction manifest); "origin" is added by the caller, which alone sees
 * the bundle's signature, sender and padding.
 *
 * Offsets and lengths are in bytes of UTF-8 text.  What a check finds is
 * an item of the report, not an error: functions returning int return 0
 * (or an index), or -1 with e filled (EXIT_INPUT: out of memory, or text
 * that is not valid UTF-8).  The input records are only read, never kept.
 * The code is split over export/audit*.c (audit_int.h). */
#ifndef INTAKE_AUDIT_H
#define INTAKE_AUDIT_H

#include <stddef.h>

#include "export/mediatext.h"
#include "privacy/digestset.h"
#include "util/err.h"

enum audit_level { AUDIT_PASS, AUDIT_WARN, AUDIT_FAIL };

#define AUDIT_K_DEFAULT 3

/* One finding. Strings are owned by the report (wipe-on-free memory: the
 * text is exported testimony). */
struct audit_item {
    int level;
    char *record;               /* record id, or NULL */
    char *field;                /* "title", "place", "tag", "body", or NULL */
    char *what;                 /* "phone", "korean-name", "protected-term", ... */
    char *text;                 /* the text concerned, or NULL */
    int own;                    /* 1: text is intake's own description (attachment
                                 * metadata), not words of the bundle */
    char *note;                 /* e.g. "kept with 'intake allow' on 2026-11-20" (English,
                                 * as audit --json gives it) */
    char *shown;                /* the note in the reader's language (its date as they
                                 * write one), or NULL: the note, a constant, translated */
};

struct audit_check {
    char name[32];              /* "origin", "consistency", ... */
    int level;
    char reason[400];           /* English, as audit --json gives it */
    char shown[400];            /* the same in the reader's language (util/intl.h) */
    size_t examined;            /* what was looked at (records, windows, ...) */
    size_t found;               /* items at WARN or FAIL */
    struct audit_item *items;
    size_t nitems, cap;
};

struct audit_report {
    struct audit_check *checks;
    size_t n, cap;
    int hashed;                 /* 1: bundle holds the bundle hash (it verified) */
    unsigned char bundle[32];   /* BUNDLE_HASHBYTES (export/bundle.h) */
};

/* Where a span lies: a field, and for tags which one. */
struct audit_where {
    const char *field;          /* "title", "place", "tag" or "body" */
    size_t tag;                 /* index when field is "tag" */
    size_t start, len;          /* bytes in that field's exported text */
};

/* A redaction as the manifest lists it. */
struct audit_redaction {
    struct audit_where at;
    const char *category;       /* "pseudonym", "place", "phone", ... */
    const char *rule;           /* "exact", "variant", "inflection", "pattern", "manual" */
};

/* A review flag as the manifest lists it. */
struct audit_flag {
    struct audit_where at;
    const char *kind;           /* "korean-name", "phone", ... */
    const char *allowed;        /* date of 'intake allow', or NULL if not resolved */
    int known;                  /* 1: "known": "pseudonym", the sender's pseudonym,
                                 * known with its record (store/known.h); no date */
};

/* A record as exported, with its part of the manifest. */
struct audit_record {
    const char *id, *pseudonym, *title, *place, *lang, *date;   /* place may be NULL */
    const char *const *tags;
    size_t ntags;
    const char *body;
    const struct audit_redaction *red;
    size_t nred;
    const struct audit_flag *flags;
    size_t nflags;
    const struct audit_where *escapes;  /* each \[ export wrote before a '[' of
                                         * the interviewer's that opens a
                                         * placeholder's shape */
    size_t nescapes;
    int export_ok;              /* consent: export yes */
    const char *embargo;        /* YYYY-MM-DD or NULL */
    const char *withdrawn;      /* date or NULL */
    int quote, publish, attachments_ok;   /* the rest of the scope (issue 16) */
    const char *method, *recorded;        /* NULL if absent */
    const char *subject;        /* the subject's stable id (content format 2), or NULL */
    size_t nattachments;        /* attachments the record lists */
    const char *body_name;      /* the body's field name in the report: NULL for
                                 * "body"; a text attachment's file name when the
                                 * record stands for that attachment (manifest_audit_texts) */
};

/* A text attachment as it leaves (issue 13): its words, checked by the
 * residual checks as a body is. */
struct audit_text {
    const char *record;         /* the record id */
    const char *file;           /* attachment-N.txt */
    const char *text;           /* NUL-terminated UTF-8 */
};

/* An attachment of a bundle as the metadata check sees it. */
struct audit_attachment {
    char record[32];            /* the record id */
    char file[48];              /* attachment-N.ext */
    int kept;                   /* the bundle says "metadata": "kept" (--keep-metadata) */
    int examined;               /* 0: it could not be read; why in what */
    unsigned kinds;             /* enum media_kind bits found (export/media.h) */
    char what[400];             /* what was found, or why it was not examined */
};

/* Frees every check and item (wiping their text) and zeroes *r (the
 * struct itself is the caller's). */
void audit_report_free(struct audit_report *r);

/* Adds a check with a level and a one-line reason (name cut to 31 bytes,
 * reason to 399), fmt an English constant formatted twice: as it is into
 * reason (JSON: the same in every language) and translated into shown
 * (the text report); returns its index, or -1 with e (out of memory). */
int audit_check_add(struct audit_report *r, const char *name, int level, size_t examined,
                    struct err *e, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Adds an item to check c, raising the check's level to the item's; the
 * strings (each may be NULL) and text[0..textlen) are copied into
 * wipe-on-free memory owned by the report.  Returns 0, or -1 with e. */
int audit_item_add(struct audit_report *r, int c, int level, const char *record,
                   const char *field, const char *what, const char *text, size_t textlen,
                   const char *note, struct err *e);

/* Gives check c's last item (audit_item_add's) the text report's form of
 * its note, shown (copied): the same words in the reader's language, with
 * dates as they read them (util/day.h), the note itself staying English
 * for --json.  Returns 0, or -1 with e (out of memory). */
int audit_item_shown(struct audit_report *r, int c, const char *shown, struct err *e);

/* Sets check c's reason and shown, as audit_check_add does (after its
 * items are known; cut to 399 bytes). */
void audit_check_reason(struct audit_report *r, int c, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The "consent" check (issue 16): each record's consent scope as its
 * bundle carries it, one PASS item per record (what "scope", the scope
 * in words as note); the rules of what a scope forbids are in the
 * consistency check. */
int audit_consent(struct audit_report *r, const struct audit_record *recs, size_t n,
                  struct err *e);

/* The worst level of all checks (enum audit_level). */
int audit_verdict(const struct audit_report *r);

/* EXIT_OK (0) when the report passes (WARN included unless strict), else
 * EXIT_AUTH (1). */
int audit_exit_status(const struct audit_report *r, int strict);

/* consistency: every redaction of the manifest lies in its field and holds a
 * placeholder of its category (or a pseudonym of pseudonyms[0..np) for
 * "pseudonym"); every placeholder in the text is in the manifest; every
 * review flag was resolved; each record may leave on day today
 * (YYYY-MM-DD): export consent, not withdrawn, no embargo after today. */
int audit_consistency(struct audit_report *r, const struct audit_record *recs, size_t n,
                      const char *const *pseudonyms, size_t np, const char *today,
                      struct err *e);

/* The residual checks over every title, place, tag and body, each field
 * normalised once (export/audit_residual.c):
 *   residual-terms: no form of the digest set ds (finished) is a hit there
 *     by the redactor's hit rules outside a placeholder, unless the
 *     redactor flags it there and a resolved review flag lies over it;
 *   residual-detectors: no pattern detection holds a letter or digit
 *     outside the manifest's redactions;
 *   second-opinion (WARN only): texts kept with allow, name-shaped words,
 *     words mixing scripts, the gazetteer's places and names, handles. */
int audit_residuals(struct audit_report *r, const struct digestset *ds,
                    const struct audit_record *recs, size_t n, struct err *e);

/* re-identification: the smallest group of records sharing place, month,
 * language and tags; WARN when below k, naming the small groups' records. */
int audit_reidentification(struct audit_report *r, const struct audit_record *recs,
                           size_t n, size_t k, struct err *e);

/* attachment metadata: for each attachment, the metadata media_find found
 * in its bytes as sent (location, serial number, time, author, ...): FAIL,
 * or WARN when the bundle says it was kept with --keep-metadata; an
 * attachment that could not be examined is FAIL, or WARN when kept. */
/* What the attachment check says of attachment m whose first bytes are
 * text (media_peek_find said 0: it holds no photo's or recording's
 * metadata), given what mediatext_kind (export/mediatext.h) says of all
 * of it: plain text is examined, with
 * nothing found (m unchanged: the peek said so); markup, text with
 * control characters or bytes that are not UTF-8 are not text intake
 * redacts: not examined, why in m->what (mediatext_refusal), so the check
 * FAILs them, or WARNs when kept with --keep-metadata. The one verdict of
 * export's audit before writing (store/export_media.c) and of 'intake
 * audit' at headquarters (store/audit.c), brief i16-exp. */
void audit_attachment_text(struct audit_attachment *m, enum mediatext_kind kind);

int audit_attachments(struct audit_report *r, const struct audit_attachment *a, size_t n,
                      struct err *e);

/* The report as text lines, a NUL-terminated string in wipe-on-free memory
 * the caller frees with secmem_wipe_free (crypto/secmem.h), or NULL when
 * out of memory. */
char *audit_render_text(const struct audit_report *r, int strict);

/* The same text with no word of the bundle in it: each item's text
 * shown only as its length in characters ("[24 characters]"), for
 * standard error, which may be kept in a terminal's scrollback or a log
 * (SECURITY.md); 'intake audit' on stdout shows the words.  Memory as
 * audit_render_text. */
char *audit_render_unquoted(const struct audit_report *r, int strict);

/* The report's first FAIL as one line into out (outlen bytes, always
 * NUL-terminated, truncated if longer): "check: what [N characters]
 * (note)", an item's text shown as its length in characters only, as
 * audit_render_unquoted does (the protected word must not reach standard
 * error: SECURITY.md), except intake's own description (item->own), shown;
 * or its reason when the check itself FAILed; ""
 * when nothing FAILed. */
void audit_first_fail(char *out, size_t outlen, const struct audit_report *r);

/* The same text in English whatever the locale: what `LC_ALL=C intake
 * audit` prints, the bytes an audit statement's report digest covers
 * (export/statement.h). */
char *audit_render_english(const struct audit_report *r, int strict);

/* The report as a JSON document (jansson json_t *, as void * so this
 * header needs no jansson) the caller frees with json_decref, or NULL when
 * out of memory. */
void *audit_render_json(const struct audit_report *r, int strict);

#endif
