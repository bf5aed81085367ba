/* Hangul readings of Han characters (Hanja), from Unicode's Unihan
 * database (field kHangul of Unihan_Readings.txt in Debian's unicode-data),
 * compiled in at build time by scripts/unihan.sh (docs/DEPENDENCIES.md).
 *
 * Each character is read by its first listed reading (金 → 금, though 김 is
 * its reading as a surname): the key view of a text (normalise.h) holds
 * that reading, and a Hangul name is also protected in every spelling
 * those first readings give it (김종수 → 금종수, so 金鍾洙 is found). */
#ifndef INTAKE_HANJA_H
#define INTAKE_HANJA_H

#include <stddef.h>

/* The first Hangul reading of Han code point cp, or 0 if it has none (or
 * lies outside the Basic Multilingual Plane). */
int hanja_reading(int cp);

/* Every Hangul reading of Han code point cp, the first first (金: 금, then
 * 김, its reading as a surname; Unihan's kHangul, all its readings): up to
 * max code points into out; returns how many (0 if cp has none). */
size_t hanja_readings(int *out, size_t max, int cp);

/* The first readings of the Han characters that can also be read as
 * Hangul syllable syl, other than syl itself (김 → 금, for 金): up to max
 * code points into out; returns how many. */
size_t hanja_readers(int *out, size_t max, int syl);

/* The first readings of the Han characters Chinese writes Hangul syllable
 * syl with by its sound in a native Korean name (拉 for 라: 金娜拉 for
 * 김나라, whose key view reads 금나랍): a character of a short hand-made
 * list (hanja.c) whose Mandarin reading (transcribe_reading) is the
 * syllable's Revised Romanisation with r as l, and whose own first reading
 * is another syllable.  Up to max code points into out; returns how
 * many. */
size_t hanja_sound_readers(int *out, size_t max, int syl);

#endif
