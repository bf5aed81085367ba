/* Malay (and Indonesian) words for the detectors (brief s26 malay26,
 * report-adv25a): the labels before a value and the category each
 * implies, the small words between a label and its value, the words of
 * a number given in parts, the cue of a birth and the month names.  The
 * tables: privacy/detect_label_ms.c (hand-written; their sources are
 * named there). */
#ifndef INTAKE_PRIVACY_DETECT_MS_H
#define INTAKE_PRIVACY_DETECT_MS_H

#include <stddef.h>

/* What a Malay label says its value is. */
enum ms_label { MS_NONE, MS_ID, MS_ACCOUNT };

/* The word s[a, we) (norm view: lower case; bytes) as a Malay label, its
 * clitic -nya, -lah, -kah or -pun read off ("pasportnya", "akaunnya"):
 * MS_ID for an identity paper (pasport, kad pengenalan, permit, pas, the
 * PLKS), MS_ACCOUNT for a bank account (akaun, rekening, a Malaysian
 * bank's name); a paper's kind word ("kerja" of "permit kerja",
 * "sementara" of "Pas Lawatan Kerja Sementara") counts when a paper word
 * stands within three words before it (read back from a).  No memory
 * kept; no errors. */
enum ms_label detect_ms_label(const char *s, size_t a, size_t we);

/* 1 if the word w[0, n) (norm view) may stand between a label and its
 * value in Malay: "nombor", "beliau", "dia", "ialah"... ("Pasport
 * beliau, 745123456", "IC dia 870315..."). */
int detect_ms_qualifier(const char *w, size_t n);

/* 1 if the word w[0, n) (norm view) says where a part of a number lies,
 * in Malay ("berakhir", "bermula", "hujung"): "IC beliau berakhir dengan
 * 5677". */
int detect_ms_part_word(const char *w, size_t n);

/* 1 if the word w[0, n) stands between a Malay part word and its value
 * ("dengan", "ialah", "pada"). */
int detect_ms_part_between(const char *w, size_t n);

/* The separators to skip back from end to the word before a value:
 * comma (plain and ',') when that word, before a comma, is a Malay label
 * or qualifier ("Pasport beliau, 745123456", "Pasportnya, 836412345"),
 * else plain; one of the two pointers given (no memory of its own). */
const char *detect_ms_comma(const char *s, size_t end, const char *plain, const char *comma);

/* A separator of an ID value at s[i] ('-' or '/'; not a space: "5678
 * and 345678" is two numbers) followed by one to four letters and the
 * same separator and a digit ("2019/JB/004512",
 * "PLKS-JB-2019-004512": the Malaysian work pass numbers of
 * report-adv25a B-9): 1 (its length in bytes), or 0. */
size_t detect_ms_letter_join(const char *s, size_t len, size_t i);

/* 1 if the word w[0, n) (norm view) joins the parts of a number said in
 * two (detect_split.c), longer than its four letters: English "ended",
 * "ends", "ending", "started", "followed", "then"; Malay "kemudian"
 * (then), "berakhir" (ends), "diikuti" (followed by), "dan" (and)
 * ("started 012 and ended 3456789", "012 kemudian 3456789":
 * report-adv25a B-5). */
int detect_ms_joiner(const char *w, size_t n);

/* 1 if the word w[0, n) says "number" (number, nombor, nomor): a phone's
 * label for a number said in parts (detect_split.c). */
int detect_ms_number_word(const char *w, size_t n);

#endif
