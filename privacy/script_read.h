/* A word of a script with no Latin or Cyrillic letters read into Latin
 * (brief s38 script38, report-adv37 P-1, P-2, L-11): Greek, Armenian,
 * Georgian, the Mongolian script, Tibetan, Devanagari, Thai, Arabic.
 * privacy/script_read.c; the readings and their sources: docs/VARIANTS.md,
 * "Session 38: names read from other scripts". */
#ifndef INTAKE_SCRIPT_READ_H
#define INTAKE_SCRIPT_READ_H

#include <stddef.h>

/* Readings a word may have (script_read_word's alt: 0 .. SCRIPT_READINGS-1). */
#define SCRIPT_READINGS 3

/* Reading alt of the word s[0..len) (bytes, UTF-8, lower case: a key,
 * normalise.h) into out[0..cap) as lower-case ASCII Latin, NUL-ended:
 * Greek and Armenian by the read-through readings (redact_readthrough.c;
 * alt 1 reads Greek χ kh, an Armenian word without its article -ը, -ն;
 * alt 2 a Greek word's γι before a vowel gi, as a name's Latin writes it),
 * Georgian by the national system of 2002, the
 * Mongolian script by its letters' names (transcribe_reading; its QA as
 * h, alt 1 as kh, alt 2 the classical spelling read as the modern one,
 * transcribe_classical), Tibetan in Wylie's letters with the inherent a,
 * Devanagari as Hindi is read (the inherent a, none at a word's end;
 * alt 1 with Hindi's schwa deletion, brief s39), Bengali as Devanagari,
 * Georgian's alt 1 without the nominative -i of a consonant-final name,
 * Thai by RTGS's letters (a vowel written before its consonant read after
 * it; a letter under the thanthakhat silent, alt 1 read), Arabic and Persian letters as their common romanisation (و and ي
 * as u and i between consonants; alt 1 ض and ذ as z, as Persian says
 * them: رضا Reza).  Its length in bytes; 0 if s is no
 * word of one such script, alt gives no other reading, or it does not
 * fit.  *vowels (may be NULL) is set to 1 where the script writes a
 * name's vowels as its Latin and Cyrillic spellings do, 2 where it writes
 * the first as they do and others where they write none (the Mongolian
 * script: ᠪᠠᠲᠤ for Бат), 0 where it leaves vowels unwritten or writes a
 * first i or u with alef (Arabic).
 * No memory is kept. */
size_t script_read_word(char *out, size_t cap, const char *s, size_t len, int alt, int *vowels);

/* What a script leaves unwritten or writes as one letter, for comparing
 * a reading with a name's Latin (pseudonym_form.h, script_reading_is):
 * short vowels unwritten (Arabic and Persian; Thai's inherent o or a of a
 * closed syllable, สมชาย for Somchai); only the vowels a, i, u (Arabic:
 * e as i, o as u); o and u one letter (the Mongolian script's ᠣ). */
#define SCRIPT_FOLD_SKIP 1
#define SCRIPT_FOLD_EO 2
#define SCRIPT_FOLD_O 4

/* The SCRIPT_FOLD_ bits of the script of the word s[0..len) (bytes,
 * UTF-8; its first letter decides); 0 for others. */
int script_read_fold(const char *s, size_t len);

/* 1 if cp is a letter or vowel sign of a script script_read_word reads
 * that the redactor's own rules do not (Georgian, Tibetan, Devanagari,
 * Bengali, Thai, Arabic), or Greek or Armenian. */
int script_read_letter(int cp);

#endif
