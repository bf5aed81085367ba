/* Whether a pseudonym is a form of a real name the redactor holds (brief
 * s28 pseud28, report-adv27c H-10; docs/PSEUDONYMS.md, "A pseudonym that
 * is a form of a name").  privacy/pseudonym_form.c. */
#ifndef INTAKE_PSEUDONYM_FORM_H
#define INTAKE_PSEUDONYM_FORM_H

#include <stddef.h>

#include "privacy/redact.h"
#include "privacy/script_read.h"
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

/* 1 if the word key[0..len) (bytes, UTF-8, a key: normalise.h) of a
 * script with no Latin or Cyrillic letters (script_read.h) reads as a
 * person form of r: its shape (consonant classes, h, each run of vowels
 * one V but the first kept as written) or, in the Mongolian script and
 * Arabic, its consonants of three classes or more are a form's (brief s38
 * script38, report-adv37 P-1, P-2, L-11).  0 if not or key is no such
 * word.  The pseudonym rule above and the redactor's unread-script pass
 * (redact_unread.c: a review flag) ask it.  No memory is kept. */
int pseudonym_script_form(const struct redactor *r, const char *key, size_t len);

/* A word of a script with no Latin or Cyrillic letters as its readings
 * are compared with a form (brief s39 script39, report-adv38). */
#define SCRIPT_KEY_MAX 64

struct script_reading {
    char key[SCRIPT_READINGS][SCRIPT_KEY_MAX];
    int n, fold;
};

/* Reads the word key[0..len) (bytes, UTF-8, a key: normalise.h) into rd
 * (script_read_word's readings, each as the key same_key writes:
 * consonant classes, vowels as written; readings of fewer than two
 * consonants left out).  1 if it has one, 0 if not.  No memory is
 * kept. */
int script_reading_of(struct script_reading *rd, const char *key, size_t len);

/* 1 if a reading of rd is the form form[0..flen) (a key: Latin or
 * Cyrillic letters, or the Mongolian script) that stands alone by its
 * suffix rule (enum variant_suffix: a stem that takes endings, шарм of
 * Шарма, is none), written in another script:
 * the same consonant classes and the same vowels (ნინო, นีโน for Nino,
 * Τσετσεγκμάα for Цэцэгмаа), where the script writes no short vowels
 * (Arabic, Thai) with some of the form's left out (شرما for Sharma, of
 * three consonants or more).  The redactor replaces such a word as the
 * form's subject's (redact_unread.c); a pseudonym that is one is refused
 * (pseudonym_script_form).  0 if not.  No memory is kept. */
int script_reading_is(const struct script_reading *rd, const char *form, size_t flen, int suffix);

/* The pseudonym p[0..len) (bytes, UTF-8) with each word of a script that
 * has no Latin or Cyrillic letters read into Latin (script_read_word's
 * first reading, capitalised: "Jiho" for ჯიჰო, "Olga Moon" for "Όλγα
 * Moon"), into out[0..cap) NUL-ended, so that the checks a Latin
 * pseudonym goes through read it too (brief s38 script38, report-adv37
 * P-1).  1 if a word was read, 0 if none (out is then p); -1 with e
 * filled (does not fit, bad text, out of memory).  No memory is kept. */
int pseudonym_latin_reading(char *out, size_t cap, const char *p, size_t len, struct err *e);

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
