/* The Arabic definite article as Latin and Cyrillic texts write it before
 * a name (al-Rashidi, ar-Rashidi, аль-Рашиди, ар-Рашиди): one table for
 * every reader of it (redact_unread_pair.c's pairs, redact_extend.c's
 * widening of a name's span over its article). */
#ifndef INTAKE_ARAB_ARTICLE_H
#define INTAKE_ARAB_ARTICLE_H

#include <stddef.h>

/* 1 if w[0..n) (UTF-8 bytes, one word without its hyphen, any case) is
 * the article: al-, el-, ul- and the forms assimilated to a sun letter
 * (ar-, as-, ash-, ad-, at-, az-, an-, ed-, er-, es-, et-, ez-, en-;
 * Wright, A Grammar of the Arabic Language, 3rd ed., vol. 1, §13),
 * аль-, эль-, ал-, ад-, ар-, ас-, аш-, ан-, ат-, аз- (the Russian
 * Wikipedia's spellings of Arabic names: ар-Рияд, ас-Сиси, аш-Шараа,
 * ан-Нахайян); else 0.  *apart (may be NULL) is set to 1 for those also
 * written apart, without a hyphen (al Khayyat, аль Хайят: al, el, аль,
 * эль), else 0.  No errors, no allocation. */
int arab_article(const char *w, size_t n, int *apart);

#endif
