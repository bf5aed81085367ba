/* The spoken-number reader's word table (detect_spoken.c), shared with
 * the files that hold more of its rows (detect_spoken_east.c).  Nothing
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
enum { DIGIT, TEEN, TENS, MULT, HUND, THOUS, DASH, WDIGIT, POINT, KWORD, KDIGIT, HEMI, LON };

/* A number word in the norm view (normalise.h: lower case, no marks,
 * apostrophes '\''); its words are static strings. */
struct spoken_word {
    const char *w;
    unsigned char type, v;      /* DIGIT and WDIGIT 0-9, TEEN 10-19, TENS 1-9 (tens), MULT 2-3 */
};

/* detect_spoken_east.c: the Ukrainian and Belarusian number words. */
extern const struct spoken_word spoken_east[];
extern const size_t spoken_east_n;

#endif
