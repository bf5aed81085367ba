/* Gates of the detectors (brief s28 speed28, issue 12): a reader runs
 * only where it can match, decided by a cheap test computed once per
 * text.  Each gate's rule is written beside it in detect_gate.c and
 * beside the reader it gates. */
#ifndef INTAKE_PRIVACY_DETECT_GATE_H
#define INTAKE_PRIVACY_DETECT_GATE_H

#include <stddef.h>

#include "privacy/detect.h"

/* A set of byte offsets of a text (one bit a byte). */
struct gate_map {
    unsigned char *bits;
    size_t len;
};

/* 1 if the offset i is in m (an empty map, bits NULL, holds every one). */
static inline int gate_has(const struct gate_map *m, size_t i)
{
    return m == NULL || m->bits == NULL || ((m->bits[i >> 3] >> (i & 7)) & 1);
}

/* Frees m's bits (m itself is the caller's). */
void gate_free(struct gate_map *m);

/* The offsets of the norm text s[0..len) where an address run of
 * addr_run_spans may start (the rule: detect_gate.c), given the
 * detections d[0..n) found before it.  0, or -1 out of memory (m empty). */
int gate_addr_run(struct gate_map *m, const char *s, size_t len, const struct detection *d, size_t n);

/* detect_address_run.c: 1 if the word s[a, b) (bytes, whole letters) is a
 * unit word of its units[] table (the one table of the reader and its
 * gate). */
int addr_run_unit_word(const char *s, size_t a, size_t b);

/* detect_address_run.c: addr_run_spans with its runs started only at the
 * offsets of may (gate_addr_run; NULL: everywhere).  0, or -1 out of
 * memory. */
int addr_run_spans_gated(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                         const struct gate_map *may);

#endif
