/* Ordinary words that open a sentence before a capitalised word and are
 * never a name (brief s26 names26; report-adv25b's and adv25a's false
 * flags): the tables are hand-written (privacy/flag_words.c says from
 * where) and want a native reviewer.  Pure functions; no state. */
#ifndef INTAKE_FLAG_WORDS_H
#define INTAKE_FLAG_WORDS_H

#include <stddef.h>

/* 1 if w[0..len) (UTF-8 bytes, any case) is a Russian, Ukrainian or
 * Belarusian noun of kin or of a household role in the nominative
 * (Отец, Мать, Батько, Бацька, Соседка), which a report opens with
 * before its verb ("Отец работал на железной дороге") and which is no
 * name; else 0.  report-adv25b's false flag on "Отец". */
int flag_kin_noun(const char *w, size_t len);

/* 1 if w[0..len) (UTF-8 bytes, any case) is an English or Malay
 * preposition that may open a sentence before a capitalised place and
 * that a surname list also holds (In, On, To; Malay Di, Ke): "In Kuala
 * Lumpur we stayed" (report-adv25a F-2) is no Korean name In Kuala; else
 * 0. */
int flag_latin_preposition(const char *w, size_t len);

/* 1 if w[0..len) (UTF-8 bytes, any case) is a Malay title or word of
 * address written before a name (Encik, Tuan, Abang, Kak, Pak), which
 * marks the capitalised word after it as a name as "Mr" does (a
 * title-name review flag: report-adv25a B-24); else 0. */
int flag_title_before(const char *w, size_t len);

#endif
