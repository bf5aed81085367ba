/* Other readings of a text: what a reader may see in it besides its bytes
 * in order (brief i12-names; docs/VARIANTS.md, "Readings"). */
#ifndef INTAKE_READINGS_H
#define INTAKE_READINGS_H

#include <stddef.h>

/* The joined reading of text[0..len) (bytes, valid UTF-8) in *out, a new
 * NUL-terminated secmem string to free with secmem_free: white space,
 * quotes and brackets of any script, emphasis marks (* _) and full stops
 * left out ("Young ho", "Young- ho", 'Kim "Young" Ho' read "Youngho",
 * "Young-ho", "KimYoungHo").  Returns 0, or -1 out of memory. */
int reading_joined(char **out, const char *text, size_t len);

/* text[0..len) reversed code point by code point ("oh-gnuoY" reads
 * "Young-ho", "호영김" 김영호) in *out, a new secmem string (secmem_free).
 * Returns 0, or -1 out of memory. */
int reading_reversed(char **out, const char *text, size_t len);

/* In reading_visual's map: the byte comes from a reversed run. */
#define VISUAL_REVERSED ((size_t)1 << (sizeof(size_t) * 8 - 1))

/* The visual order of text[0..len): each run after a right-to-left
 * override or isolate (U+202E, U+2067) to its pop (U+202C, U+2069), a
 * line break or the end, shown reversed on screen, is written reversed
 * and the two controls left out.  *out (a new secmem string, *outlen
 * bytes; secmem_free) and *map (malloc, [*outlen]: each byte's offset in
 * text, VISUAL_REVERSED set on the reversed runs' bytes; free) are NULL
 * when the text has no such run.  Returns 0, or -1 out of memory. */
int reading_visual(char **out, size_t *outlen, size_t **map, const char *text, size_t len);

#endif
