/* Japanese readings of Han characters (kanji), from Unicode's Unihan
 * database (fields kJapaneseKun and kJapaneseOn of Unihan_Readings.txt in
 * Debian's unicode-data), compiled in at build time by scripts/kanji-ja.sh
 * (docs/DEPENDENCIES.md): a Japanese name registered in Latin letters
 * (Tanaka) is found written in kanji (田中, ta + naka; brief s28 names28,
 * report-adv27a G-8). */
#ifndef INTAKE_KANJI_JA_H
#define INTAKE_KANJI_JA_H

#include <stddef.h>

/* 1 if the Han characters cps[0..n) (code points) read, one Japanese
 * reading each, as the romaji w[0..len) (lower case ASCII bytes): each
 * reading as Unihan lists it, with its long vowels short, in Hepburn or
 * Kunrei-shiki; a character after the first may voice its first
 * consonant, as a compound does (rendaku: 山田 yama + da).  0 otherwise,
 * and for a character the table does not hold. */
int kanji_ja_spells(const int *cps, size_t n, const char *w, size_t len);

/* 1 if a Japanese reading of the Han character cp (code point) of three
 * letters or more begins with the first three letters of w[0..len) (lower
 * case ASCII bytes; len at least 4): a name reading of the same stem that
 * Unihan does not list (浩: hiroi, for Hiroshi; brief s29 cjk29).  0
 * otherwise. */
int kanji_ja_stem(int cp, const char *w, size_t len);

/* The first letters of the Japanese readings of the Han character cp
 * (code point), one bit each ('a' bit 0 .. 'z' bit 25), 0 for a character
 * the table does not hold: a quick test before kanji_ja_spells. */
unsigned long kanji_ja_initials(int cp);

#endif
