/* Shared inside the address reader: detect_address.c (the scan that
 * glues parts into one address), detect_address_part.c (one part: a unit
 * word with its number, a street, a Korean lot, a P.O. box) and
 * detect_address_post.c (postcodes, with or without their label, and the
 * town words around them).  Offsets and lengths are in bytes of the norm
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
size_t addr_part_at(const char *s, size_t len, size_t i, size_t *start, int *weight);
const char *addr_part_word(int next, size_t k);

/* detect_address_post.c: a full UK postcode, an old Korean postcode
 * (135-080), a postcode after its label, each its end or 0; a town's
 * word (letters, "-" inside) at i: its end, or i if none. */
size_t addr_uk_postcode(const char *s, size_t len, size_t i);
size_t addr_ko_old_postcode(const char *s, size_t len, size_t i);
size_t addr_postcode_labelled(const char *s, size_t len, size_t i);
size_t addr_town_word(const char *s, size_t len, size_t i);

#endif
