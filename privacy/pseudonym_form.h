/* Whether a pseudonym is a form of a real name the redactor holds (brief
 * s28 pseud28, report-adv27c H-10; docs/PSEUDONYMS.md, "A pseudonym that
 * is a form of a name").  privacy/pseudonym_form.c. */
#ifndef INTAKE_PSEUDONYM_FORM_H
#define INTAKE_PSEUDONYM_FORM_H

#include <stddef.h>

#include "privacy/redact.h"
#include "privacy/script_read.h"
#include "privacy/script_reading.h"
#include "util/err.h"

/* 1 if a word of pseudonym p[0..len) (bytes, UTF-8; words end at a space
 * or a hyphen) is the start of a person form of r (any spelling, script
 * or short form of a name r holds, redactor_each_form), of two letters or
 * more (three for a word of a pseudonym of several words), or such a
 * start of three letters or more with a diminutive ending where the word
 * doubles a Latin consonant: Dani, Danno
 * and Mo of Daniel Morgan, Alex of Алексей, Koval of Коваленко.  Words
 * are compared in a skeleton that forgets spelling choices (x = ks, y = j
 * = i, a doubled consonant as one: the rule's file lists them).  A word in
 * another script is read into Latin (script_read.h) and is a form when its
 * shape of consonants and vowels, or in the Mongolian script and Arabic its
 * consonants (three classes or more), are a form's (brief s38).  0 if no
 * word is; -1 with e filled (bad text, out of memory).  No memory is
 * kept. */
int pseudonym_is_name_form(const struct redactor *r, const char *p, size_t len, struct err *e);

/* 1 if a word of pseudonym p[0..plen) is a name part of name[0..namelen)
 * (bytes, UTF-8; words end at a space or a hyphen) that the redactor holds
 * no form of alone, so that pseudonym_is_name_form cannot see it: a
 * capitalised word of fewer than three letters of a name of several
 * words, or a frequent Korean surname (privacy/variants.c leaves both to
 * the review flags), written in any script: the same skeleton (Li for
 * Ли), or a spelling of the same surname in the romanisation table of
 * privacy/variants_ko_names.c (Lee, Yi, Rhee, 이, 리 and 李 for Ли; brief
 * s36 pseud36, report-adv34 P-2).  0 if none; -1 with e filled (bad text,
 * out of memory).  No memory is kept. */
int pseudonym_is_name_part(const char *p, size_t plen, const char *name, size_t namelen,
                           struct err *e);

/* 1 if r reads a protected form in pseudonym p[0..len) (bytes, UTF-8)
 * where a pseudonym stands, in a sentence that marks a name ("p came to
 * the office."), as a replacement or a review flag: a name that is also
 * a word ("bold" of Болд in "Tuya-bold", report-adv28a P-3) counts only
 * there, and the check before export reads the pseudonym there (brief s29
 * pseud29).  subject add and rename ask it of a new pseudonym; subject
 * add and term add of each stored pseudonym against a new name or term
 * (store/pseudonym_clash.c).  0 if none; -1
 * with e filled (bad text, out of memory, a pseudonym over 200 bytes).
 * No memory is kept. */
int pseudonym_read_as_name(const struct redactor *r, const char *p, size_t len, struct err *e);

#endif
