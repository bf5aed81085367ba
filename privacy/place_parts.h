/* The parts of a protected place term that name the place by themselves
 * (brief s24 place24): a Korean place without its administrative suffix
 * (강남 of 강남구), the words of a registered address that carry such a
 * suffix (서초구, 반포동 of "서울 서초구 반포동 123-4"), a Mongolian or
 * English place without the word for its kind (Баянзүрх of "Баянзүрх
 * дүүрэг").  Pure functions over the term's text. */
#ifndef INTAKE_PLACE_PARTS_H
#define INTAKE_PLACE_PARTS_H

#include <stddef.h>

enum place_part {
    PLACE_PART_WHOLE,   /* a name of the place by itself: replaced, in all its spellings */
    PLACE_PART_LARGE,   /* a city, county or district of an address (서초구): a review
                         * flag as written */
    PLACE_PART_STEM,    /* a Korean place without its suffix: in Hangul a review flag
                         * (강남 is also a region's name), in other scripts replaced */
    PLACE_PART_TENSED,  /* the place as pronounced, a consonant tensed (청찐): a review
                         * flag as written */
    PLACE_PART_NAME     /* the place's name without the word for its kind (Баянзүрх of
                         * "Баянзүрх дүүрэг"): replaced as the term would be, with
                         * its other names (report-adv24 A-6) */
};

/* Receives one part, text[0..len) of the term as typed (bytes, valid
 * during the call); returns 0 to go on, non-zero to stop. */
typedef int (*place_part_fn)(void *ctx, const char *part, size_t len, enum place_part how);

/* Calls fn with each part of the place term text[0..len) (UTF-8 bytes)
 * that names the place by itself, none for a term with no such part:
 * - a word of Hangul syllables ending in an administrative suffix (시,
 *   군, 구, 읍, 면, 동, 리; not 도, a province) with two syllables or more
 *   before it: when the term has other words (an address), the word
 *   itself (PLACE_PART_LARGE for 시, 군, 구, else PLACE_PART_WHOLE) and,
 *   for 읍, 면, 동, 리, the word without the suffix (PLACE_PART_STEM); the
 *   stem of a term of one word whatever its suffix (강남 of 강남구);
 * - the words before a word for the kind of place (дүүрэг, сум, аймаг,
 *   хот, хороо, district, province, aimag, city): those words
 *   (PLACE_PART_NAME).
 * The suffixes and kind words: the administrative divisions of Korea and
 * Mongolia as the gazetteer lists them (data/gazetteer/SOURCES.md),
 * written by hand (it wants a native reviewer).  Returns 0 or fn's
 * non-zero value.  Owns no memory. */
int place_parts(const char *text, size_t len, place_part_fn fn, void *ctx);

/* Calls fn (PLACE_PART_TENSED) with each spelling of the Hangul word
 * text[0..len) (two to four syllables, UTF-8 bytes; anything else: no
 * call) with the initial consonant of one syllable after the first
 * tensed as Korean pronounces it (ㄱ ㄷ ㅂ ㅅ ㅈ to ㄲ ㄸ ㅃ ㅆ ㅉ: 청진
 * [청찐], brief s24 place24); the part is valid during the call.  Returns
 * 0 or fn's non-zero value.  Owns no memory. */
int place_tensed(const char *text, size_t len, place_part_fn fn, void *ctx);

#endif
