/* The limits and the validity rule for text that people type or that a
 * bundle carries: record ids, names, titles, bodies. One rule, shared by
 * the store (what it accepts) and the bundle reader (what it takes in). */
#ifndef INTAKE_TEXT_H
#define INTAKE_TEXT_H

#include <stddef.h>

#include "util/err.h"

#define RECORD_ID_CHARS 16               /* characters of a record id */
#define TEXT_FIELD_MAX 4096              /* bytes: names, titles, places, tags */
#define BODY_MAX (64u << 20)             /* bytes of one body or note */

/* 0 if s[0..len) (bytes) is valid UTF-8 without NUL or control characters
 * (line breaks and tabs allowed when multiline); else EXIT_INPUT with a
 * message naming what and the byte offset of the fault. */
int text_check(const char *s, size_t len, int multiline, const char *what,
               struct err *e);

#endif
