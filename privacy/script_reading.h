/* A word of a script with no Latin or Cyrillic letters (Greek,
 * Armenian, Georgian, Arabic, Persian, Thai, Devanagari, Bengali, the
 * Mongolian script) read into Latin and compared with the redactor's
 * person forms (brief s38 script38, s39 script39; session 40 moved it
 * out of pseudonym_form.h).  privacy/script_reading.c; the rule is
 * written in docs/VARIANTS.md. */
#ifndef INTAKE_SCRIPT_READING_H
#define INTAKE_SCRIPT_READING_H

#include <stddef.h>

#include "privacy/redact.h"
#include "privacy/script_read.h"
#include "util/err.h"

/* 1 if the word key[0..len) (bytes, UTF-8, a key: normalise.h) of a
 * script with no Latin or Cyrillic letters (script_read.h) reads as a
 * person form of r: its shape (consonant classes, h, each run of vowels
 * one V but the first kept as written) or, in the Mongolian script and
 * Arabic, its consonants of three classes or more are a form's (brief s38
 * script38, report-adv37 P-1, P-2, L-11).  0 if not or key is no such
 * word.  pseudonym_is_name_form (pseudonym_form.h) and the redactor's
 * unread-script pass
 * (redact_unread.c: a review flag) ask it.  No memory is kept. */
int pseudonym_script_form(const struct redactor *r, const char *key, size_t len);

/* pseudonym_script_form, or a reading that is a form that is no short
 * form by script_reading_near (رضا for Reza: a pseudonym is refused by
 * it; brief s41 arab41, report-adv40 P-1, P-2).  pseudonym_is_name_form
 * asks it.  No memory is kept. */
int pseudonym_script_name(const struct redactor *r, const char *key, size_t len);

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

/* script_reading_is with none of the form's vowels left out: the rule
 * for a short form (a nickname, Жорина, Gowul, Rizula of Giorgi's and
 * Reza's lists), whose consonants alone, three classes, are too often an
 * Arabic or Persian word (صلينا "we prayed" read SLiNa, قبل "before"
 * KPL, رجلا "a man" LSLa: brief s44 arab44, report-adv44 O-11, O-21,
 * O-22, O-35, O-48, O-49, O-54..O-56).  0 if not.  No memory is kept. */
int script_reading_whole(const struct script_reading *rd, const char *form, size_t flen, int suffix);

/* script_reading_is, or in a script that writes no short vowels
 * (Arabic, Persian) a reading of two consonant classes or more that is
 * the form with some of its vowels before a consonant left out, a first
 * one included (عمر for Omar, رضا for Reza: ع is read as none; brief s41
 * arab41, report-adv40 L-21, L-25, P-1, P-2).  Too loose for a word
 * alone in a text (عمل, "work", reads as Omar): the redactor asks it only
 * of a word beside its subject's replaced surname or after أبو, ابن, بن;
 * the pseudonym check (pseudonym_script_form) of a pseudonym against the
 * names of the store.  0 if not.  No memory is kept. */
int script_reading_near(const struct script_reading *rd, const char *form, size_t flen, int suffix);

/* The pseudonym p[0..len) (bytes, UTF-8) with each word of a script that
 * has no Latin or Cyrillic letters read into Latin (script_read_word's
 * first reading, capitalised: "Jiho" for ჯიჰო, "Olga Moon" for "Όλγα
 * Moon"), into out[0..cap) NUL-ended, so that the checks a Latin
 * pseudonym goes through read it too (brief s38 script38, report-adv37
 * P-1).  1 if a word was read, 0 if none (out is then p); -1 with e
 * filled (does not fit, bad text, out of memory).  No memory is kept. */
int pseudonym_latin_reading(char *out, size_t cap, const char *p, size_t len, struct err *e);

/* Writes key[0..len) (a key, normalise.h) as Latin letters to out
 * (SCRIPT_LATIN_MAX bytes, NUL-ended): Cyrillic in ISO 9 without
 * marks, a Latin letter without its marks or stroke, a letter of the
 * Mongolian script by its reading as its modern spelling is written.
 * Its length in bytes, or 0 if it does not fit or the key is no word of
 * Latin, Cyrillic or Mongolian letters.  The form side of this file's
 * comparison; pseudonym_form.c's skeleton starts from it.  No memory is
 * kept. */
#define SCRIPT_LATIN_MAX 256
size_t script_form_latin(char *out, const char *key, size_t len);

#endif
