/* Internal to store/: search as a person types it (docs/FORMAT.md,
 * "Search").  The full-text index (SQLite FTS4, unicode61 tokenizer)
 * finds whole words and their beginnings; these pure text functions add
 * what it cannot find on its own, with one rule for the text indexed and
 * for the words typed:
 *   - letters of scripts written without spaces between words, or with
 *     particles glued to them (Hangul, Han, Hiragana, Katakana): the index
 *     also holds every piece of such a run that starts after its first
 *     letter, up to WORDS_PIECE_MAX letters, so that 종수 finds 김종수는;
 *   - a word whose letters are joined by hyphens or apostrophes (Jong-su,
 *     Бат-Эрдэнэ): also the word written without them (Jongsu);
 *   - a number of WORDS_NUMBER_MIN to WORDS_NUMBER_MAX digits, written in
 *     groups or not (+82 10-2000-0000, 010 2000 0000): its digits without
 *     leading zeros (1020000000, 821020000000), and every ending of those
 *     of at least WORDS_NUMBER_MIN digits that does not start with 0, so
 *     that a number is found however it was written, with or without its
 *     trunk prefix or calling code.
 * No database here, nothing printed; memory that holds text is wiped
 * when freed (secmem_wipe_malloc). */
#ifndef INTAKE_STORE_WORDS_H
#define INTAKE_STORE_WORDS_H

#include <stddef.h>

#include "util/err.h"

#define WORDS_PIECE_MAX 8        /* letters of a piece of a run */
#define WORDS_NUMBER_MIN 7       /* digits of a number, at least */
#define WORDS_NUMBER_MAX 20      /* and at most */

/* text[0..len) (UTF-8) in Unicode NFC, in a new buffer *out of *outlen
 * bytes, NUL-ended, from secmem_wipe_malloc (free with secmem_wipe_free):
 * Hangul typed as separate jamo is indexed and searched as syllables.
 * Text that is not valid UTF-8 is copied as it is.  0, or -1 when out of
 * memory. */
int words_nfc(char **out, size_t *outlen, const char *text, size_t len);

/* The words the index holds for text[0..len) (UTF-8, NFC) besides the
 * tokenizer's (above), space separated, into a new buffer *out of
 * *outlen bytes, NUL-ended, from secmem_wipe_malloc.  0, or -1 when out
 * of memory. */
int words_index(char **out, size_t *outlen, const char *text, size_t len);

/* The FTS4 MATCH expression for typed (NUL-ended UTF-8: the words a
 * person typed), into a new buffer *out from secmem_wipe_malloc: every
 * word must be found (as a word or the beginning of one, in the title,
 * body, place, tags or the words above); a "quoted phrase" must be found
 * as it is written; a number, and a word joined by hyphens, also as the
 * index's forms of it (above); an upper-case OR between two words finds
 * either.  Nothing typed is read as FTS4 syntax: '-' is no NOT, '*' and
 * '"' inside a word are dropped.  0; -1 with e filled: EXIT_INPUT when
 * there is no word to search for, or out of memory. */
int words_query(char **out, const char *typed, struct err *e);

#endif
