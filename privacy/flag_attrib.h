/* Attributions that mark a person's name nobody registered (issue 13,
 * report-adv12g A-7): the name after the verb of saying ("said Pak",
 * "told by Pak", "according to Pak") and the Korean subject of a verb of
 * saying (순옥이가 말했다, 순옥의 말에 따르면).  Used by the review flags
 * (redact_flags.c), so by the redactor and the audit alike. */
#ifndef INTAKE_FLAG_ATTRIB_H
#define INTAKE_FLAG_ATTRIB_H

#include <stddef.h>

/* 1 if the words before a capitalised word, p2[0..n2) then p1[0..n1)
 * (bytes; n2 0 when there is none), make it the one who speaks: a verb
 * of saying ("said Pak"), "by" after one ("told by Pak") or "according
 * to" ("According to Pak"); else 0.  English only: the other languages
 * put the verb after the name (flag_speech_verb). */
int flag_verb_before(const char *p2, size_t n2, const char *p1, size_t n1);

/* For a Hangul word w[0..len) and the word after it, next[0..nlen): the
 * length in bytes of a name of two to four syllables that w holds before
 * a subject or possessive particle (순옥이가, 영철은, 순옥의, 드미트리가) when
 * next is a verb of saying (말했다, 밝혔다) or of coming or going (왔다,
 * 도망갔다, 떠났습니다) or, after 의, a word of saying (말에,
 * 설명에 따르면), and the name part is no ordinary word (redact_ordinary_ko)
 * or is one the name lists know (gazetteer_names_word); else 0. */
size_t flag_ko_speaker(const char *w, size_t len, const char *next, size_t nlen);

/* 1 if rest[0..n) (bytes: what is glued after a Hangul name in its word)
 * is a plain subject or topic particle (가, 이, 는, 은, 도, 이가, 께서)
 * and next[0..nlen), the word after it, a verb of saying or of coming or
 * going (말했다, 왔다, 떠났습니다): the context of "수가 왔다", where a
 * one-syllable form of a registered name is at least a review flag
 * (report-adv21 A-14), as "Su came." is; else 0. */
int flag_ko_subject_of_verb(const char *rest, size_t n, const char *next, size_t nlen);

#endif
