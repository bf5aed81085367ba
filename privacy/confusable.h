/* Look-alike letters of Latin, Cyrillic and Greek (Aлтангэрэл written
 * with a Latin A), from ICU's spoof checker: letters with the same UTS #39
 * confusable skeleton.  The table is made at build time by
 * scripts/confusables.c (docs/DEPENDENCIES.md); nothing of ICU is linked. */
#ifndef INTAKE_CONFUSABLE_H
#define INTAKE_CONFUSABLE_H

enum confusable_script { CONF_NONE, CONF_LATIN, CONF_CYRILLIC, CONF_GREEK };

/* The script of letter cp among the three, or CONF_NONE (not a letter of
 * them: digits, Hangul, Han, marks, punctuation). */
int confusable_script(int cp);

/* The everyday letter of script (lower case) that looks like cp (Latin a
 * in Cyrillic: а; Cyrillic р in Latin: p), or 0 if there is none. */
int confusable_in(int cp, int script);

#endif
