/* Mongolian case endings as Korean hears them after a name written in
 * Hangul (issue 12, report-adv21 A-9, brief s24 ko24): a rule over the
 * sound classes of the jamo, not a list of spellings.  Table written by
 * hand (hangul_endings.c's header says so; it wants a native reviewer). */
#ifndef INTAKE_HANGUL_ENDINGS_H
#define INTAKE_HANGUL_ENDINGS_H

#include <stddef.h>

/* One way to read a Hangul word as a name's stem and endings: the stem is
 * read up to norm byte at, where the syllable sub stands in for what is
 * written (0: nothing more of the stem), the stem and its endings end at
 * norm byte end, and Korean particles only (or nothing) follow. */
struct hangul_ending {
    size_t at, end;
    int sub;
};

/* The readings of the Hangul word s[0..len) (UTF-8 bytes, NFC) whose
 * stem's last syllable is the one at byte q, followed by one to
 * HANGUL_ENDINGS_MAX Mongolian case endings (genitive -ын/-ийн/-ны,
 * dative -д/-т, accusative -ыг/-г, ablative -аас, instrumental -аар,
 * comitative -тай, reflexive -аа) merged into that syllable or written
 * as syllables of their own, then Korean particles (SUFFIX_KO) or
 * nothing.  Fills out[0..max) (caller's array; byte offsets into s) and
 * returns how many; 0 when none, also where the word is the stem with
 * particles only (the plain reading's business).  No errors. */
#define HANGUL_ENDINGS_MAX 3
size_t hangul_mn_endings(struct hangul_ending *out, size_t max, const char *s, size_t len,
                         size_t q);

#endif
