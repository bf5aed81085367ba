/* Hangul forms of registered foreign given names (issue 12, brief s21
 * ko21, report-adv20 R-6): John as 존, Сергей and Серёжа as 세르게이 and
 * 세료자, Maggie as 매기, from data/nicknames/hangul.txt (SOURCES.md there:
 * the National Institute of Korean Language's foreign-word transcription
 * rules applied by hand), compiled in by scripts/embed.sh.  Rules:
 * docs/VARIANTS.md, "Session 21: foreign given names in Hangul". */
#ifndef INTAKE_HANGUL_NAMES_H
#define INTAKE_HANGUL_NAMES_H

#include <stddef.h>

#include "privacy/varlist.h"

/* Adds to out the Hangul forms the list gives for each of out's variants
 * that is one Latin or Cyrillic word (a registered word, a listed short
 * form, a Russian reading: variants_nicknames runs first), Korean
 * particles allowed after them (SUFFIX_KO): a form of two syllables or
 * more as a short form (replaced, a review flag where hunspell-ko knows
 * the word), a form of one syllable (존, 톰) of kind context (a review flag
 * where the context marks a name: 존 님께서, 톰 씨가), and, when every word
 * of a name of two or three words has a form, the whole name in Hangul
 * (마거릿 윌슨) replaced.  norm[0..len) is the name's norm view (normalise.h:
 * its words split by spaces or hyphens).  Returns 0, or -1 out of memory. */
int variants_hangul(struct variant_list *out, const char *norm, size_t len);

#endif
