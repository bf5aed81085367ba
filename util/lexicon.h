/* Is this an ordinary word of a language?  Asked of Debian's hunspell
 * dictionaries (libhunspell with hunspell-ko, hunspell-mn and
 * hunspell-en-us; docs/DEPENDENCIES.md), for the review flags (issue 13): a
 * name-shaped word that the dictionary knows is no name to flag, and a
 * registered given name that is also a word (나라, гэрэл, bold) is replaced
 * only where the context marks a name.
 *
 * A word counts as ordinary when the dictionary accepts it as written in
 * lower case: hunspell keeps proper nouns capitalised (Батбаяр, Grace), so
 * a name that is only a name is not an ordinary word, while "bold", "гэрэл"
 * and "나라" are.
 *
 * Each dictionary is loaded the first time a word of its language is asked
 * about (hunspell-ko and hunspell-mn take about 0.4 s each) and kept until
 * the process ends.  A dictionary that is missing is remembered and
 * reported by lexicon_missing, so the caller can say so: nothing is ever
 * treated as an ordinary word then (more review flags, never fewer).
 * hunspell-ko is loaded with the nouns of data/lexicon/ko_extra.txt added
 * (North Korean words of testimony it lacks: 장마당, 인민반; compiled in),
 * each taking the particles of an ordinary noun.
 *
 * Not for secrets: libhunspell has no allocator hook, so the words asked
 * about pass through its ordinary heap and are freed without being wiped
 * (SECURITY.md says so).  Not thread-safe: one thread asks the questions
 * (lexicon_prefetch's loads run on a thread of their own, which never
 * answers a question). */
#ifndef INTAKE_LEXICON_H
#define INTAKE_LEXICON_H

#include <stddef.h>

enum lexicon_lang { LEXICON_KO, LEXICON_MN, LEXICON_EN, LEXICON_NLANGS };

/* Where the dictionaries are read from: dir (copied; at most 255 bytes),
 * or the default /usr/share/hunspell with NULL.  Call before the first
 * question and the first lexicon_prefetch; a dictionary already loaded
 * stays. */
void lexicon_set_dir(const char *dir);

/* 1 if word[0..len) (UTF-8 bytes, one word in any case) is an ordinary
 * word of lang, 0 if not (or too long: over 100 bytes), -1 if lang's
 * dictionary is missing. */
int lexicon_word(enum lexicon_lang lang, const char *word, size_t len);

/* 1 if the dictionary of lang knows word[0..len) (UTF-8 bytes, any case)
 * written with a capital first letter: a word or a proper noun it lists
 * capitalised (en_US: Carolyn, Evelyn); 0 if not (or too long), -1 if
 * lang's dictionary is missing. */
int lexicon_proper(enum lexicon_lang lang, const char *word, size_t len);

/* 1 if the dictionary of lang knows word[0..len) (ASCII letters, any
 * case) written in capitals and not with a capital first letter alone: an
 * acronym (en_US: ATM, NATO; with data/lexicon/en_extra.txt: IBAN, SIM),
 * not a word or a name hunspell also takes in capitals (BOLD, IVAN); 0
 * if not (or not ASCII, or too long), -1 if lang's dictionary is
 * missing. */
int lexicon_acronym(enum lexicon_lang lang, const char *word, size_t len);

/* The stems the dictionary gives word[0..len) (hunspell's stemmer, as
 * written in lower case), written NUL-separated into out (outlen bytes;
 * those that do not fit are left out).  Returns how many were written, 0
 * if the dictionary does not know the word, -1 if it is missing. */
int lexicon_stems(enum lexicon_lang lang, const char *word, size_t len, char *out,
                  size_t outlen);

/* Starts loading the dictionaries of langs (bits 1 << enum lexicon_lang)
 * not asked about yet, one after another on a thread of its own, so that
 * the load overlaps the caller's work (brief s27 audit27: hunspell-ko and
 * -mn take 0.1-0.4 s each).  The first question about such a language
 * waits for its load; a language not prefetched is loaded at its first
 * question, as before, so the answers are the same either way and a
 * dictionary no question needs costs its CPU on the other thread and,
 * at exit, the wait for a load under way (atexit).  If no thread can be
 * started, nothing is loaded ahead.  Not called by intake yet: a text's
 * scripts over-ask (a Korean text without a name-shaped word never asks
 * hunspell-ko, 0.4 s of CPU; docs/SPEED.md, "Session 27: the audit"). */
void lexicon_prefetch(unsigned langs);

/* Bits (1 << enum lexicon_lang) of the languages whose script occurs in
 * text[0..len) (UTF-8 bytes; lexicon_lang_of of each code point; invalid
 * bytes skipped): what lexicon_prefetch should load for that text. */
unsigned lexicon_langs_in(const char *text, size_t len);

/* The language whose dictionary knows words of the script of code point
 * cp: Hangul Korean, Cyrillic Mongolian, Latin English; -1 for others. */
int lexicon_lang_of(int cp);

/* Bits (1 << enum lexicon_lang) of the dictionaries asked for and not
 * found since the process started, and of those held back (lexicon_hold)
 * while a hold lasts: a caller that keeps no answer of a missing
 * dictionary keeps none of a held one either. */
unsigned lexicon_missing(void);

/* Holds back the loads of the dictionaries of langs (bits, 1 << enum
 * lexicon_lang) until lexicon_hold(0): a question that would load one is
 * answered as if it were missing (-1) and its language is recorded for
 * lexicon_held.  A dictionary already loaded answers as ever.  For a
 * check whose answer may come without the dictionary: run it held; if
 * lexicon_held() is 0 afterwards, no answer was held back and the
 * check's answer is the one it gives loaded (store/subject.c,
 * pseudonym_ok; docs/SPEED.md, "Session 38 (cpu38)").  lexicon_hold(0)
 * ends the hold and forgets what was held. */
void lexicon_hold(unsigned langs);

/* Bits of the languages whose load a question was refused since the
 * hold began (lexicon_hold); 0 when none or no hold. */
unsigned lexicon_held(void);

/* What lang's answers depend on, as text into out (outlen bytes, NUL-
 * terminated): the device, inode, size and change time (ns) of the
 * dictionary's .aff and .dic files in the directory asked (lexicon_set_dir)
 * and of the running program (/proc/self/exe: the words it adds, its
 * rules).  Two processes with the same identity get the same answer to
 * every question, so an answer may be kept under it (store/privacy.c).
 * Loads nothing.  0, or -1 when a file cannot be read (a missing
 * dictionary: keep nothing) or out is too small. */
int lexicon_identity(enum lexicon_lang lang, char *out, size_t outlen);

/* The Debian package of lang's dictionary ("hunspell-ko", ...), static. */
const char *lexicon_package(enum lexicon_lang lang);

#endif
