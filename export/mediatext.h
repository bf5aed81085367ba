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
    MEDIATEXT_NOT_UTF8, /* UTF-16 (a BOM), Latin-1 and other encodings, or a NUL byte:
                         * refused, never guessed (convert it to UTF-8 and attach again) */
    MEDIATEXT_CONTROL   /* valid UTF-8 holding a control character (mediatext_control):
                         * terminal colour codes (ESC [ 0 m) or a C0 control inside a
                         * name hide it from the redactor; refused like NOT_UTF8 */
};

/* What the file buf[0..len) (bytes) is as text, in this order: not UTF-8
 * (checked strictly: no overlong forms, no surrogates, nothing above
 * U+10FFFF, no NUL); a control character anywhere; markup: a tag anywhere
 * (mediatext_tag), or a first visible character (after white space,
 * Unicode spaces and default-ignorable characters: BOM, U+200B, U+2060...)
 * that opens one ('<' then a letter, '/', '!' or '?') even unclosed.
 * A '<' before a space, digit or other punctuation is prose ("a < b",
 * "<3"). Reads only buf; no allocation, no error. */
enum mediatext_kind mediatext_kind(const unsigned char *buf, size_t len);

/* A text read in pieces, checked for UTF-8 as mediatext_kind reads it
 * (RFC 3629; NUL is not text) without holding it: zero it, give it each
 * piece in order with mediatext_utf8_add, then ask mediatext_utf8_end.
 * It holds at most the 3 bytes of a character cut between two pieces. */
struct mediatext_utf8 {
    unsigned char carry[4];
    size_t ncarry;
    int bad;
};

/* Checks the next len bytes of buf: 1 while the text so far may be
 * UTF-8, 0 once it is not (later pieces need not be given).  No
 * allocation, no error. */
int mediatext_utf8_add(struct mediatext_utf8 *u, const unsigned char *buf, size_t len);

/* 1 if the text given was UTF-8 throughout and ended with a whole
 * character, 0 if not; wipes u (zeroed again for another text). */
int mediatext_utf8_end(struct mediatext_utf8 *u);

/* 1 if byte b never appears in text, in UTF-8 or in an 8-bit code page
 * (ISO-8859, Windows, DOS, Mac): NUL, the C0 controls other than BEL, BS,
 * TAB, LF, VT, FF, CR and ESC, and DEL. The class "F" of file(1)'s
 * text_chars table (file/file, src/encoding.c), by which file(1) calls a
 * file "data" instead of text. */
int mediatext_never_text(unsigned char b);

/* Whether a file of no type intake knows is text or bytes of some other
 * kind (issue 17: a random file was refused as "text that is not UTF-8"),
 * streamed without holding it: zero it, give it each piece in order.
 * A file is not text when it holds a NUL, or when it is not UTF-8 and
 * holds a byte mediatext_never_text takes: random bytes hold one within
 * a few dozen bytes. Valid UTF-8 holding controls stays text (refused as
 * MEDIATEXT_CONTROL), and so does a file in an 8-bit code page (refused
 * as MEDIATEXT_NOT_UTF8: never sent as a file of unknown type). */
struct mediatext_sniff {
    struct mediatext_utf8 u8;   /* UTF-8 so far */
    int never;                  /* a byte mediatext_never_text takes, seen */
};

/* Checks the next len bytes of buf: 1 while the file so far may be text,
 * 0 once it is not (later pieces need not be given). No error. */
int mediatext_sniff_add(struct mediatext_sniff *s, const unsigned char *buf, size_t len);

/* 1 if the file given whole to s is not text (above), else 0; wipes s.
 * mediatext_binary is the same for a file held whole, buf[0..len). */
int mediatext_sniff_end(struct mediatext_sniff *s);
int mediatext_binary(const unsigned char *buf, size_t len);

/* 1 if the code point cp is a control character a text attachment may
 * not hold: C0 other than TAB, LF, CR and FF; DEL; C1 (U+0080-U+009F). */
int mediatext_control(unsigned long cp);

/* The bytes of the tag at b[0..n): '<' then a letter ("<b"), "</" then a
 * letter, "<!" (comments, DOCTYPE, CDATA) or "<?", up to the first '>'
 * before any other '<'; 0 if no tag starts there. */
size_t mediatext_tag(const unsigned char *b, size_t n);

/* How mediatext_view reads a text. */
enum mediatext_view {
    MEDIATEXT_VIEW_TEXT,    /* controls and terminal sequences dropped, tags kept
                             * (their attributes: alt="..." can hide a name) less
                             * namespace declarations and DOCTYPEs, whose URLs
                             * name the format */
    MEDIATEXT_VIEW_JOINED,  /* and every tag dropped: "김<b>영</b>호" -> "김영호" */
    MEDIATEXT_VIEW_SPACED   /* and every tag a space: "<td>Kim</td><td>Lee" */
};

/* The words of in[0..len) as a reader sees them, for the audit's residual
 * checks on text that leaves as stored (markup with --keep-metadata) or
 * holds controls: terminal control sequences (ESC '[' ... final byte,
 * OSC ... BEL, ESC and one byte, their C1 forms), control characters and
 * bytes that are not UTF-8 are dropped; tags as how says. Writes at most
 * len + 1 bytes (NUL-terminated) to out; returns the length written. */
size_t mediatext_view(char *out, const unsigned char *in, size_t len, enum mediatext_view how);

/* Bytes mediatext_words may write for an input of len bytes. */
#define MEDIATEXT_WORDS_BYTES(len) (3 * (size_t)(len) + 3)

/* What the audit reads of a text that leaves as stored (markup with
 * --keep-metadata, text behind a magic intake refuses; issue 12 A-17):
 * the three views of in[0..len) (MEDIATEXT_VIEW_TEXT, _JOINED, _SPACED)
 * one after the other, each on its own line, into out (at least
 * MEDIATEXT_WORDS_BYTES(len) bytes, NUL-terminated); returns the length
 * written. One function for export's own audit and intake audit at
 * headquarters, so both read the same words. */
size_t mediatext_words(char *out, const unsigned char *in, size_t len);

/* What the audit reads of a text attachment that leaves redacted (or
 * plain), text[0..len) (issue 12 A-23: CSV and JSON): the text, then one
 * line for each thing a reader of a table takes together: each run of 2
 * or 3 neighbouring cells (a CSV row's, a JSON object's string values)
 * that are one word each, joined with spaces and, when not all ASCII,
 * glued ("Kim Young Ho", "김영호": a name spelled over fields), and
 * "born CELL" for each cell under a CSV header that is a birth label
 * (dob, birth, date of birth, 생년월일, төрсөн, дата рождения...), which
 * labels its column as an inline label would. The residual checks then
 * FAIL a protected name or a date of birth found there, in export's own
 * audit (so redact says the record may not leave) as at headquarters.
 * A NUL-terminated string in sodium_malloc memory (the caller frees it
 * with secmem_free), its length in *outlen; NULL when out of memory. */
char *mediatext_audit_text(const char *text, size_t len, size_t *outlen);

/* 1 if the first bytes head[0..n) of a file are UTF-16 text: a byte
 * order mark (FF FE, FE FF), or, without one (what some Windows and Java
 * tools write; report adv12 A-11), at least four pairs of bytes, none
 * both 0, with a 0 in one position of at least a quarter of the pairs and
 * never in the other (the high byte of ASCII letters, spaces and line
 * breaks). Such a file is refused as text that is not UTF-8, never sent
 * as a file of unknown type. Reads only head; no error. */
int mediatext_utf16(const unsigned char *head, size_t n);

/* A file whose first bytes mediatext_utf16 takes for UTF-16, checked
 * whole before it is refused as text (issue 17: random bytes pass the
 * first bytes' test about once in 1,200 files): every code unit in the
 * byte order of the mark or of the zero bytes, none that
 * mediatext_never_text takes (U+0000, C0 controls, DEL), surrogates in
 * pairs, an even length. Start with mediatext_utf16_start, give each
 * piece (the first bytes too) to mediatext_utf16_add, then ask
 * mediatext_utf16_end. Holds one byte of a unit cut between pieces. */
struct mediatext_utf16 {
    int order;                  /* 1: little-endian, 2: big-endian */
    unsigned char odd;          /* the first byte of a unit cut between pieces */
    int nodd;
    unsigned high;              /* a high surrogate waiting for its low one, or 0 */
    int bad;
};

/* 1 and u set for a file whose first bytes head[0..n) mediatext_utf16
 * takes, 0 (u zeroed) if it does not. No error. */
int mediatext_utf16_start(struct mediatext_utf16 *u, const unsigned char *head, size_t n);

/* 1 while the bytes so far may be UTF-16 text, 0 once they are not. */
int mediatext_utf16_add(struct mediatext_utf16 *u, const unsigned char *buf, size_t len);

/* 1 if the file given whole was UTF-16 text throughout (above), else 0;
 * wipes u. */
int mediatext_utf16_end(struct mediatext_utf16 *u);

/* The reason a text of kind k cannot leave redacted, one English phrase
 * (a constant, N_() marked), or NULL for MEDIATEXT_PLAIN. */
const char *mediatext_refusal(enum mediatext_kind k);

#endif
