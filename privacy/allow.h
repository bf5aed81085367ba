/* What `intake allow` may clear (docs/VARIANTS.md "What `allow` may
 * clear"): one guard, read with the redactor's own rules and readings. */
#ifndef INTAKE_PRIVACY_ALLOW_H
#define INTAKE_PRIVACY_ALLOW_H

#include "util/err.h"

struct redactor;

/* 1 if text (NUL-terminated UTF-8) holds a protected name or term of r
 * (compiled) as the redactor reads it (a replacement or a review flag), or
 * is a spelling variant of one; 0 if not; -1 with e filled (bad text, out
 * of memory). */
int redactor_matches(const struct redactor *r, const char *text, struct err *e);

/* 0 if text (NUL-terminated UTF-8) may be allowed with r (compiled: the
 * store's protected set): it holds no protected form in any reading
 * (as written, joined, reversed: privacy/readings.h), but for a name that
 * is also an ordinary word flagged whole (나라 of 김나라) or a word with a
 * registered name glued inside it, as their review flags show them.  Else
 * -1 with e: EXIT_INPUT and a one-line reason (a protected form, e.g. a
 * registered given name with particles that follow a person: 순자네, or a
 * one-syllable given name), or out of memory. */
int redactor_allow_check(const struct redactor *r, const char *text, struct err *e);

#endif
