/* Shared inside the address reader: detect_address.c (the scan that
 * glues parts into one address), detect_address_part.c (one part: a unit
 * word with its number, a street, a Korean lot, a P.O. box),
 * detect_address_post.c (postcodes, with or without their label, and the
 * town words around them) and detect_address_flat.c (a flat's number before
 * the flat's word).  Offsets and lengths are in bytes of the norm
 * view; nothing here allocates or fails. */
#ifndef INTAKE_PRIVACY_DETECT_ADDRESS_INT_H
#define INTAKE_PRIVACY_DETECT_ADDRESS_INT_H

#include <stddef.h>

/* ONLY: a unit that names nothing but a place to live (хороо, khoroo,
 * 인민반, inminban, a lot number): alone it is weak, and a review flag
 * (detect_address_unsure).  LOT: a Korean lot number alone, which needs
 * another kind of part beside it ("활동 3, 행동 4" are no addresses). */
/* KEEP: a number that is its flat's by its form, said or not: an
 * ordinal before the flat's word ("семнадцатой квартире", "42-й
 * квартире"), a number before тоот ("гучин тав тоот"), before 호실 or 호에
 * with a verb of living ("삼십오 호에 살았어요"): no count, so it stays
 * strong said in words (detect_address.c, part_said; brief s43 num43). */
enum { WEAK = 1, STRONG = 2, ONLY = 4, LOT = 8, LABEL = 16, KEEP = 32 };

static inline int addr_hangul(int cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

/* detect_address_part.c: a house or flat number at i (its end, or 0);
 * 1 if s[i..e) is an English small word that stops a street's name; the
 * part at i (its end or 0, its start in *start, its weight of the enum
 * above); the k-th word a part without a digit starts with (next 0: a
 * street's label, a district's abbreviation) or that follows the part's
 * first word (next 1: a Mongolian street's word), NULL past the last
 * (static tables, never freed). */
size_t addr_house_number(const char *s, size_t len, size_t i);
int addr_en_stop(const char *s, size_t i, size_t e);
/* detect_address_kolatin.c: the end of a Korean road in Latin letters at
 * norm byte i of s (len bytes: "Sejong-daero", "Teheran-ro", "Bongeunsa-ro
 * 68-gil", Revised Romanization as signposted), or 0. */
size_t addr_ko_latin_road(const char *s, size_t len, size_t i);
/* detect_address_kolatin.c: the end of a Korean administrative word in
 * Latin letters at i ("Yeoksam-dong", "Gangnam-gu", "Sinam-guyok";
 * Revised Romanization and McCune-Reischauer), or 0; *lot 1 for a
 * village's word (dong, ri, ni, ga), before its land lot number. */
size_t addr_ko_latin_admin(const char *s, size_t len, size_t i, int *lot);
/* detect_address_kolatin.c: 1 if a district's, county's or city's word in
 * Latin letters (not a village) ends just before i, after ", " or " ". */
int addr_ko_latin_admin_before(const char *s, size_t len, size_t i);
size_t addr_part_at(const char *s, size_t len, size_t i, size_t *start, int *weight);
const char *addr_part_word(int next, size_t k);

/* detect_address_flat.c: the flat's word after an ordinal's ending at
 * j behind a number ("42-й квартире", "17th квартире", "42-ші
 * пәтерде"; adv42 L-30, L-35, L-64; brief s43 num43), its end or 0; the
 * start of the digits spaced one by one or in pairs before the number of
 * one or two digits at i ("1 2 0 3 호", "12 03 호": a number dictated
 * digit by digit, report-adv46b L-4, L-6), i if none (a group of three
 * digits or more stops it: "2019 3 호", "1 500 тоот"; so does anything
 * but a space, a line's end or a bracket before a group: "г.1 2 호");
 * the flat's word after the last group of such a spaced number whose
 * group at i ends at j ("1 0 7 кв.", "4 2 пәтерде", "1 6 квартирі",
 * "3 0 2 号室": report-adv47 L-17..L-20; a count is never spaced so),
 * or 号室 one space after any number ("302 号室"): its end, or 0 (a
 * count's case form, "кв. м" square metres). */
size_t addr_flat_after_ordinal(const char *s, size_t len, size_t j);
size_t addr_spaced_digits_start(const char *s, size_t i);
size_t addr_flat_after_spaced(const char *s, size_t len, size_t i, size_t j);

/* detect_address_flat.c: a room's number (report-adv48 L-20..L-23,
 * adv46 L-12, L-37).  addr_room_dwelt: 1 if a word of a stay (live,
 * stay, sleep, rent, be kept; a dormitory, a hotel; a home, an address,
 * in English, Russian, Ukrainian, Kazakh, Mongolian) stands in the
 * sentence around byte a, before or after it (a room alone is a place
 * in a building: docs/VARIANTS.md, session 25).  addr_spaced_digits_end:
 * the end of two to six groups of one or two digits one space apart
 * from x ("2 1 4", "1 2"; six digits at most), or 0 (no such run, a
 * digit or letter glued to its end, or a count's noun after it: "2 1
 * месяц").  addr_room_part: a room's word at i (room, rm, комната,
 * кімната and their diminutives in every case, бөлме, өрөө) with its
 * number after it (digits, spaced or not; "номер", "no.", "#" or a dash
 * between), in a sentence with a word of a stay: its end, or 0; else a
 * dormitory's or a camp's place (bed, bunk, berth, hut, barrack, block,
 * container, койка, комн., барак, bilik, katil, غرفة, سرير...: the table
 * of detect_address_flat.c) with its number (one letter glued: "12b"),
 * no count after it, where someone stayed or beside another numbered
 * place ("camp 4, room 112"; brief s52 num52). */
int addr_room_dwelt(const char *s, size_t len, size_t a);
size_t addr_spaced_digits_end(const char *s, size_t len, size_t x);
size_t addr_room_part(const char *s, size_t len, size_t i);
/* detect_address_flat.c: a Korean numbered room or bed at i (its
 * digits): digits, 번, a space or none, then 방 (room) or 침대 (bed) with
 * a particle, the copula or nothing glued ("12번 방이었다", "7번
 * 침대에서"; not 방송, broadcast, or 방법, a way: another syllable glued
 * is another word; brief s52 num52, report-adv51 L-66): its end (bytes
 * of the norm view), or 0. */
size_t addr_ko_numbered_room(const char *s, size_t len, size_t i);

/* detect_address_flat.c: the end of a room's, a flat's or a house's word
 * at i (room, комнате, бөлмеде, odada, dairede, chambre, appartement,
 * будинку: its table), or 0.  Bytes of the norm view. */
size_t addr_room_word(const char *s, size_t len, size_t i);

/* detect_room_said.c: a room's number said in words beside a room's word
 * at at ("l'appartement quarante-deux", "yüz on iki numaralı odada",
 * "the twelve-oh-four room", "он жеті пәтерде"; French, Turkish, Kazakh
 * and English grammars in its header): its end (bytes of the norm view),
 * its digits in out[0..*n) (cap bytes; spaced for a number said digit by
 * digit), or 0.  Nothing allocated. */
size_t addr_room_said(const char *s, size_t len, size_t at, char *out, size_t cap, size_t *n);

/* detect_address_post.c: a full UK postcode, an old Korean postcode
 * (135-080), a postcode after its label, each its end or 0; a town's
 * word (letters, "-" inside) at i: its end, or i if none. */
size_t addr_uk_postcode(const char *s, size_t len, size_t i);
size_t addr_ko_old_postcode(const char *s, size_t len, size_t i);
size_t addr_postcode_labelled(const char *s, size_t len, size_t i);
size_t addr_town_word(const char *s, size_t len, size_t i);

#endif
