/* The words of a Koryo-saram name as registered (Цой Виктор Робертович,
 * Даша Ли, Лев Ким): one reading of the norm view shared by the variants
 * (variants_koryo.c) and the redactor (redact_koryo.c), so that both see
 * the same surname and given name (session 40, kor40). */
#ifndef INTAKE_VARIANTS_KORYO_H
#define INTAKE_VARIANTS_KORYO_H

#include <stddef.h>

/* Splits the norm view norm[0..len) (lower case, one space between the
 * words) into its words: w[i][0] the byte offset of word i, w[i][1] its
 * length in bytes (caller's array).  The count, 2 or 3; 0 for one word or
 * more than three (no Koryo-saram name as registered).  No errors. */
size_t koryo_name_words(size_t w[3][2], const char *norm, size_t len);

#endif
