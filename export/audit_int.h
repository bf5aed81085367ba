/* The audit's insides, shared by its files (export/audit*.c) and by
 * nothing else: the fields of an exported record and where a span lies in
 * them.  The public API is export/audit.h. */
#ifndef INTAKE_AUDIT_INT_H
#define INTAKE_AUDIT_INT_H

#include <stddef.h>

struct audit_record;
struct audit_where;

/* audit.c: a NUL-terminated copy of s[0..n) (bytes) in wipe-on-free
 * memory (crypto/secmem.h: free it with secmem_wipe_free); NULL when s is
 * NULL or out of memory. */
char *audit_dup(const char *s, size_t n);

/* The number of fields of a record: title, place, body, then each tag. */
#define AUDIT_NFIELDS(rec) (3 + (rec)->ntags)

/* audit_fields.c: field i (0 .. AUDIT_NFIELDS - 1) of rec, NULL when
 * absent (no place); *name gets "title", "place", "body" or "tag" and *tag
 * the tag's index (0 for other fields).  Not copied: owned by rec. */
const char *audit_field_at(const struct audit_record *rec, size_t i, const char **name,
                           size_t *tag);

/* audit_fields.c: the text of the field w names, or NULL if rec has no
 * such field.  Not copied: owned by rec. */
const char *audit_field_of(const struct audit_record *rec, const struct audit_where *w);

/* audit_fields.c: 1 if bytes [start, end) of the field (name, tag)
 * overlap a redaction of rec's manifest, else 0. */
int audit_in_redaction(const struct audit_record *rec, const char *name, size_t tag,
                       size_t start, size_t end);

/* audit_fields.c: 1 if w lies in the field (name, tag). */
int audit_same_field(const struct audit_where *w, const char *name, size_t tag);

/* audit_fields.c: 1 if w and the bytes [start, end) of its field overlap. */
int audit_overlaps(const struct audit_where *w, size_t start, size_t end);

/* audit_opinion.c: 1 if the gazetteer's hit t[start, end) (bytes of a
 * field of len bytes) reads as ordinary words where it stands, so the
 * second opinion leaves it (report-adv16a A-12): every word of it is a
 * Hangul word the review flags' dictionary knows (with particles after
 * an ordinary word: 하나뿐이어서), but a lone surname syllable first
 * ("김 철수"); a Latin word without a capital; a Cyrillic word without
 * one its dictionary knows; or a capitalised word at a sentence's start
 * its dictionary knows (Шинэ, Sort).  0 otherwise, and where a
 * dictionary is missing. */
int audit_opinion_ordinary(const char *t, size_t len, size_t start, size_t end);

#endif
