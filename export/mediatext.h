/* Text attachments (issue 13): a transcript or notes attached to a
 * record are words a person wrote, so they leave redacted like the body,
 * never as stored. What is text is told by the content, never by the
 * file's name: a file with no NUL byte and no magic of a photo or a
 * recording (export/media.h, media_peek_find) that is valid UTF-8. */
#ifndef INTAKE_MEDIATEXT_H
#define INTAKE_MEDIATEXT_H

#include <stddef.h>

enum mediatext_kind {
    MEDIATEXT_PLAIN,    /* valid UTF-8, not markup: redacted with the record's rules */
    MEDIATEXT_MARKUP,   /* SVG, XML, HTML: text can hide in attributes, comments and
                         * metadata elements, so intake does not redact it; refused */
    MEDIATEXT_NOT_UTF8  /* UTF-16 (a BOM), Latin-1 and other encodings, or a NUL byte:
                         * refused, never guessed (convert it to UTF-8 and attach again) */
};

/* What the file buf[0..len) (bytes) is as text. Markup: its first
 * character after an optional UTF-8 BOM and white space is '<'. UTF-8 is
 * checked strictly (no overlong forms, no surrogates, nothing above
 * U+10FFFF). Reads only buf; no allocation, no error. */
enum mediatext_kind mediatext_kind(const unsigned char *buf, size_t len);

/* The reason a text of kind k cannot leave redacted, one English phrase
 * (a constant, N_() marked), or NULL for MEDIATEXT_PLAIN. */
const char *mediatext_refusal(enum mediatext_kind k);

#endif
