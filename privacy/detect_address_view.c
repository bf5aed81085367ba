/* The copy of a text the address detector reads when its numbers are not
 * all ASCII digits (detect_address.c): Arabic-Indic digits read as ASCII
 * ("Block ٤, Street ١٢": brief s21 addr21) and numbers said in words
 * written as digits ("block five, street twelve" -> "block 5, street 12",
 * "гуравдугаар хороо" -> "3-р хороо", "third khoroo" -> "3th khoroo",
 * "일공일동" -> "101동": detect_spoken_number; report-adv21 A-3, brief s22
 * addr22), with a map back to the text's offsets and a mark on each digit
 * that was said, so that the detector can ask more of an address whose
 * numbers were said (detect_address.c, scan). */
#include <stdlib.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/detect_address_int.h"

/* The Arabic-Indic digit (U+0660-0669) or the Extended Arabic-Indic one
 * (U+06F0-06F9, Persian and Urdu) at s[i], two bytes: its value, or -1.
 * The norm view keeps those whose UTS #39 skeleton is a Latin letter
 * (١ l, ٥ o, ٧ V: normalise.c reads "B٥ld" as a name), so an address
 * reads them itself. */
static int arabic_digit(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;

    if (i + 1 >= len)
        return -1;
    if (u[0] == 0xD9 && u[1] >= 0xA0 && u[1] <= 0xA9)
        return u[1] - 0xA0;
    if (u[0] == 0xDB && u[1] >= 0xB0 && u[1] <= 0xB9)
        return u[1] - 0xB0;
    return -1;
}

/* 1 if a word starts at i: a letter there, and the text's start, an
 * ASCII space or punctuation before (the cheap test first: this runs at
 * every byte). */
static int word_start(const char *s, size_t len, size_t i)
{
    return (i == 0 || ((unsigned char)s[i - 1] < 0x80 && !det_alnum(s[i - 1]))) &&
           ((unsigned char)s[i] & 0xC0) != 0x80 && det_letter_at(s, len, i);
}

/* What stands at s[i] in the copy: its end in s, the bytes to write in
 * out[0..*n) (at most 24), *said set for digits of a number said; i when
 * s[i] is copied as it is. */
static size_t read_at(const char *s, size_t len, size_t i, char *out, size_t *n, int *said)
{
    char d[16];
    size_t e, nd;
    int v, ord;

    *said = 0;
    if ((v = arabic_digit(s, len, i)) >= 0) {
        out[0] = (char)('0' + v), *n = 1;
        return i + 2;
    }
    if (!word_start(s, len, i))
        return i;
    /* a room's number said beside its word (detect_room_said.c): not
     * marked said, as its rule has read the room's word already */
    if ((e = addr_room_said(s, len, i, out, 24, n)) != 0)
        return e;
    if ((e = detect_spoken_number(s, len, i, d, sizeof d, &nd, &ord)) == 0)
        return i;
    memcpy(out, d, nd), *n = nd, *said = 1;
    if (ord == 1)
        memcpy(out + *n, "th", 2), *n += 2;        /* "3th khoroo": the scanner reads st nd rd th alike */
    else if (ord == 2)
        memcpy(out + *n, "-\xd1\x80", 3), *n += 3;  /* 3-р */
    return e;
}

/* 0 if read_at surely copies the byte at i as it is: no Arabic-Indic
 * digit's first byte (0xD9, 0xDB) and no word can start there (word_start
 * wants the text's start or an ASCII byte other than a letter or digit
 * before); 1 if read_at must be asked (red44: a byte test, so that runs of
 * plain bytes are copied at once). */
static int may_read(const char *s, size_t i)
{
    unsigned char c = (unsigned char)s[i];

    return c == 0xD9 || c == 0xDB || i == 0 || ((unsigned char)s[i - 1] < 0x80 && !det_alnum(s[i - 1]));
}

int addr_view_make(struct addr_view *v, const char *s, size_t len)
{
    char out[24];
    size_t i, e, k, n, first = len, cap;
    int said;

    memset(v, 0, sizeof *v);
    for (i = 0; i < len && first == len; i++)
        if (may_read(s, i) && read_at(s, len, i, out, &n, &said) != i)
            first = i;
    if (first == len)
        return 0;
    if (len > UINT32_MAX / 2 - 32)
        return -1;                                 /* offsets are 32-bit: as out of memory */
    cap = 2 * len + 32;
    v->t = malloc(cap), v->from = malloc((cap + 1) * sizeof *v->from), v->to = malloc(cap * sizeof *v->to);
    v->said = calloc(cap, 1);
    if (v->t == NULL || v->from == NULL || v->to == NULL || v->said == NULL) {
        addr_view_free(v);
        return -1;
    }
    for (i = 0; i < first; i++)
        v->t[i] = s[i], v->from[i] = (uint32_t)i, v->to[i] = (uint32_t)(i + 1);
    for (v->m = first; i < len;) {
        /* A run of bytes read_at would copy one by one, copied at once,
         * as far as the room check below would let the copy go. */
        size_t j = i, room = v->m + sizeof out < cap ? cap - sizeof out - v->m : 0;
        while (j < len && j - i < room && !may_read(s, j))
            j++;
        if (j > i) {
            memcpy(v->t + v->m, s + i, j - i);
            for (k = 0; i + k < j; k++)
                v->from[v->m + k] = (uint32_t)(i + k), v->to[v->m + k] = (uint32_t)(i + k + 1);
            v->m += j - i, i = j;
            continue;
        }
        if (v->m + sizeof out >= cap)
            break;                                 /* cannot be: digits are fewer than the bytes said */
        if ((e = read_at(s, len, i, out, &n, &said)) == i) {
            v->t[v->m] = s[i], v->from[v->m] = (uint32_t)i, v->to[v->m] = (uint32_t)(i + 1), v->m++, i++;
            continue;
        }
        for (k = 0; k < n; k++)
            v->t[v->m] = out[k], v->from[v->m] = (uint32_t)i, v->to[v->m] = (uint32_t)e,
            v->said[v->m] = (unsigned char)said, v->m++;
        i = e;
    }
    v->from[v->m] = (uint32_t)len;
    return 1;
}

void addr_view_free(struct addr_view *v)
{
    free(v->t), free(v->from), free(v->to), free(v->said);
    memset(v, 0, sizeof *v);
}
