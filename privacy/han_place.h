#ifndef INTAKE_PRIVACY_HAN_PLACE_H
#define INTAKE_PRIVACY_HAN_PLACE_H

#include <stddef.h>

/* 1 if the window s[a..b) (bytes of UTF-8 text, inside the run
 * s[from..to) that holds it) cuts into the Chinese name of a country or
 * region written in that run: it overlaps one without being exactly it
 * (克兰 of 乌克兰, 格兰 of 英格兰 and 苏格兰, 兰 of 波兰).  A transcribed
 * name's window that is a piece of a place's name reads the place, never
 * a person; the place's whole name as a window is left to the readers (a
 * person may be written as a country is: 多米尼克, Dominic).  The names:
 * data/gazetteer/han_places.txt (iso-codes' Chinese country names, and a
 * few by hand: data/gazetteer/SOURCES.md).  Never fails; no allocation. */
int han_place_cut(const char *s, size_t from, size_t to, size_t a, size_t b);

#endif
