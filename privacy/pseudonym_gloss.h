/* Whether a pseudonym translates the meaning of a Mongolian name's
 * elements into English ("Steel Hero" for Сүхбаатарын Болд, "Flower
 * Mother" for Цэцэгмаа: report-adv51, brief s52 mong52; docs/
 * PSEUDONYMS.md, "A pseudonym that translates the name").
 * privacy/pseudonym_gloss.c. */
#ifndef INTAKE_PSEUDONYM_GLOSS_H
#define INTAKE_PSEUDONYM_GLOSS_H

#include <stddef.h>

/* 1 if the words of pseudonym p[0..plen) (bytes, UTF-8; words end at a
 * space or a hyphen, any case) are English meanings of the elements of
 * name[0..namelen) (a registered name in Cyrillic or Latin: Сүхбаатарын
 * Болд, Tsetsegmaa) by the gloss table of pseudonym_gloss.c: two distinct
 * elements or more (Steel Hero, Hero Steel), or every element of one of
 * the name's words (Steel for Болд, Flower Mother for Цэцэгмаа).  One
 * element of a longer word alone (Hero for Сүхбаатар, Golden for
 * Алтангэрэл) is no translation: 0, unless the pseudonym has two words
 * or more and every one of them means an element of the name (Happy Joy
 * for Энхжаргал, brief s53).  Arabic names' elements too (Servant of God
 * for Abdullah, Eternal Goat for Khalid Al-Enezi: brief s53 pseud53).
 * 0 also if none; -1 out of memory.
 * No memory is kept; the copies it folds are wiped. */
int pseudonym_translates_name(const char *p, size_t plen, const char *name, size_t namelen);

#endif
