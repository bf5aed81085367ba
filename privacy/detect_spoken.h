/* The spoken-number reader's word tables (detect_spoken.c reads them;
 * detect_spoken_words.c and detect_spoken_east.c hold their rows).  Nothing
 * else includes it. */
#ifndef INTAKE_DETECT_SPOKEN_H
#define INTAKE_DETECT_SPOKEN_H

#include <stddef.h>

/* WDIGIT: a digit word of the wider net (WEAK_RUN); POINT: a decimal
 * point said ("forty-two point zero one two": coordinates, report-adv12
 * A-24), written '.', and a comma after a number with a point ','. */
/* KWORD: a digit word of Korean in Latin letters (of the wider net; a
 * run of them reads "o" as 5); KDIGIT: one read only in such a run ("i"
 * 2: the English "I" otherwise). */
/* HEMI: a hemisphere said after a decimal number ("forty-seven point
 * nine one eight north"), written as its letter (report-adv19b B-12). */
/* LON: the word for longitude said between the two numbers of a position
 * ("өргөрөг ... цэг ..., уртраг ... цэг ...", "북위 사칠 점 구일팔 동경
 * ..."), written ',' as a comma between them is. */
/* KZHUND, KZTEN: Kazakh жүз 100 ("face") and он 10 (the Russian "he"),
 * read inside a run only: жүз after a digit said ("жеті жүз бір" 701),
 * он after a hundred ("екі жүз он бес" 215); no number starts with them
 * (report-adv44 L-38, L-98). */
/* MSTEEN, MSTENS: Malay belas (+10) and puluh (x10) after a digit said,
 * "empat belas" 14, "dua puluh" 20 (report-adv51 L-3); inside a run only. */
enum { DIGIT, TEEN, TENS, MULT, HUND, THOUS, DASH, WDIGIT, POINT, KWORD, KDIGIT, HEMI, LON, KZHUND, KZTEN,
       MSTEEN, MSTENS };

/* A number word in the norm view (normalise.h: lower case, no marks,
 * apostrophes '\''); its words are static strings. */
struct spoken_word {
    const char *w;
    unsigned char type, v;      /* DIGIT and WDIGIT 0-9, TEEN 10-19, TENS 1-9 (tens), MULT 2-3 */
};

/* detect_spoken_words.c: the number words of English, Mongolian,
 * Russian, Korean, Malay and the wider net. */
extern const struct spoken_word spoken_words[];
extern const size_t spoken_words_n;

/* detect_spoken_glued.c: the word s[a, b) (bytes) read as glued digit
 * words: spoken_glued_digits (katakana, native and Sino-Korean; a
 * particle after three digits or more ends them at *end; *weak when one
 * is of the wider net) and spoken_glued_english ("onetwothree"); the
 * number of digits, their values in d[0..cap) when d is not NULL, or 0.
 * Nothing allocated. */
size_t spoken_glued_digits(const char *s, size_t a, size_t b, char *d, size_t cap, int *weak,
                           size_t *end);
size_t spoken_glued_english(const char *s, size_t a, size_t b, char *d, size_t cap);

/* detect_spoken_east.c: the Ukrainian and Belarusian number words. */
extern const struct spoken_word spoken_east[];
extern const size_t spoken_east_n;

#endif
