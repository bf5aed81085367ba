/* The commonest words of the languages the tool's testimony is in, as a
 * rule for the forms the variant rules generate (brief s27 over27,
 * report-adv26a D-23): no generated form of a name may be one of them.
 * privacy/common_words.c; its lists are hand-written (see its header). */
#ifndef INTAKE_COMMON_WORDS_H
#define INTAKE_COMMON_WORDS_H

#include <stddef.h>

/* 1 if key[0..keylen) (a key, normalise.h: bytes) is the key of one of
 * the commonest words of Russian, Ukrainian, Belarusian, Mongolian,
 * Korean, English or Malay ("на", "з", "그", "the", "dan"), else 0.  The
 * table is built once, on the first call (no memory to free; 0 if it
 * could not be built). */
int common_word_key(const char *key, size_t keylen);

/* 1 if norm[0..len) (norm view, bytes) is a run of Han characters only
 * and it is mostly the commonest Chinese characters (了, 下, 的, 一, 人):
 * a run of one or two, each of them one; a longer run, more than half of
 * them (停了下 of 停了下来: test_common_forms, where Tanaka Hiroshi's
 * reading key matched it).  Read through their Hangul or pinyin readings,
 * such a run is far more often ordinary Chinese than a form of a name;
 * the table holds no character common in given names.  Else 0. */
int common_han_run(const char *norm, size_t len);

/* 1 if norm[0..len) (norm view, bytes) is one Han character that is a
 * Chinese particle, preposition, pronoun or the verb 说 (被, 在, 说, 和,
 * 的, 是, 了, 他...): never a part of a foreign name's transcription (a
 * window of a name ends before it: 斯米尔诺娃|被捕了, report-adv29c K-16),
 * else 0.  The characters are the function characters of common_han_run's
 * table less those the Xinhua tables also use for a syllable (得 of 彼得, 万 of
 * 伊万, 可 of 柴可夫斯基, 更 of 狄更斯, 多, 地, 其). */
int han_particle(const char *norm, size_t len);

#endif
