/* A compiled-in list of lines "NAME<relation>FORM" (CR LF or LF), sorted by
 * name once: data/nicknames' short forms (privacy/nicknames.c) and Hangul
 * forms (privacy/hangul_names.c).  The lists are public data, never wiped;
 * the lines point into them. */
#ifndef INTAKE_NAMELIST_H
#define INTAKE_NAMELIST_H

#include <stddef.h>

struct namelist_line {
    const char *name, *form;   /* into the list; not NUL-terminated */
    size_t namelen, formlen;   /* bytes */
    size_t seq;                /* the line's place in the lists, in their order */
    int rel;                   /* the index in rels of the relation the line holds */
};

struct namelist {
    struct namelist_line *v;   /* malloc'd, sorted by name then seq; NULL if not built */
    size_t n;
};

/* Builds l from the NUL-terminated texts lists[0..nlists), in that order.
 * A line counts when it holds one of rels[0..nrels) (tried in that order)
 * after a name of at least one byte; other lines are skipped.  The lines
 * of one name keep the lists' order.  Returns 0, or -1 when out of memory
 * (l->v stays NULL).  Meant to run once, under pthread_once. */
int namelist_build(struct namelist *l, const unsigned char *const *lists, size_t nlists,
                   const char *const *rels, size_t nrels);

/* The lines of name key[0..len) (bytes, compared as they are): *first the
 * index of the first, *n how many (0 when none). */
void namelist_find(const struct namelist *l, const char *key, size_t len, size_t *first,
                   size_t *n);

#endif
