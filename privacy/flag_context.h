/* What the words around a name-shaped word say (issue 13, NEW-8 and
 * NEW-11): the context that marks a person's name where no list knows the
 * name (a word of address after it, a vocative, a verb of saying), and the
 * readings that show a name-shaped word is no person's name (a place of
 * the gazetteer, a word whose dictionary stem is in no name list).  Used
 * by the review flags (redact_flags.c), so by the redactor and the audit
 * alike. */
#ifndef INTAKE_FLAG_CONTEXT_H
#define INTAKE_FLAG_CONTEXT_H

#include <stddef.h>

/* 1 if w[0..len) (UTF-8 bytes, one word as written) is a word of address
 * written as the next word after a name: a Korean one (씨, 선생님, 동무, 형,
 * with particles: 씨가, 선생님이; not a bare vocative 야, 아) or a Mongolian
 * one (гуай, ах, эгч, багш, with a case ending: ахын, эгчид), else 0. */
int flag_address_word(const char *w, size_t len);

/* 1 if w[0..len) (ASCII bytes, one word, any case) is a Korean word of
 * address or title in Latin letters (flag_context.c address_romanised:
 * ssi, oppa, tongji, panjang), written after a name with a hyphen
 * (Jin-ssi); with apart set, one of five letters or more, which marks a
 * name written apart too ("Kim tongji": the shorter ones, a, i, imo,
 * gun, are English words or too short to mark anything), else 0. */
int flag_address_romanised(const char *w, size_t len, int apart);

/* 1 if w[0..len) (bytes, one word) is a verb of saying written right
 * after its subject ("Pak said", "Дорж хэлсэн"), else 0.  Written by us:
 * the commonest verbs of saying in English and Mongolian reporting. */
int flag_speech_verb(const char *w, size_t len);

/* 1 if w[0..len) (bytes, one word) is a verb of coming, going or doing
 * written right after its subject in English or Russian ("Altaa came",
 * "Сергей пришёл"), else 0.  Written by us (brief s19 ko19). */
int flag_action_verb(const char *w, size_t len);

/* 1 if w[0..len) (bytes, one word, any case) is one of the Russian or
 * Ukrainian verbs of flag_action_verb, whose subject may also follow it
 * ("Потом пришла Верунька"), else 0. */
int flag_slavic_verb(const char *w, size_t len);

/* 1 if w[0..len) (UTF-8, any case) is an English, Russian or Ukrainian
 * personal pronoun or a word like it (He, Они, Everyone), or a Russian or
 * Ukrainian adverb of time or place (Потом, Тоді, Вчера), which opens a
 * report before its verb and is never a name; else 0. */
int flag_pronoun(const char *w, size_t len);

/* 1 if w[0..len) (UTF-8, any case) is a Russian, Ukrainian or Belarusian
 * preposition (В, Из, Под, Ў, Праз), which a sentence may open before a
 * capitalised place ("В России", "Из Кувейта") and which is never part of
 * a name; else 0.  The common simple prepositions, written by us (wants a
 * native reviewer); report-adv25a F-1. */
int flag_preposition(const char *w, size_t len);

/* For a Hangul word w[0..len) (bytes): the length in bytes of a name
 * written before a word of address or a vocative glued to it (이영호씨가,
 * 철수야: 9 and 6), when that name part is two or three syllables that
 * hunspell-ko does not know (redact_ordinary_ko) and the whole word is no
 * ordinary word either; 0 if none.  A vocative (야 after a vowel, 아 after
 * a consonant) counts only when the word ends there, and also for a name
 * part hunspell-ko knows (철수 "withdrawal") when the word opens a sentence
 * and a comma follows it (comma_after non-zero: "철수야, 이리 와"; not
 * "내 문제야, 알겠어?"). */
size_t flag_glued_mark(const char *w, size_t len, int comma_after);

/* For a Hangul word w[0..len) (bytes): the length in bytes of a surname
 * and the title glued to it (김지배인이, 박당비서가, 리직장장은: 12, 12,
 * 12), a title of two syllables or more that variants_suffix.c's one table
 * writes glued to a surname (KO_MARK_SURNAME), only particles after it,
 * the word and the surname with its title unknown to hunspell-ko (부반장,
 * 여선생 are words); 0 if none.  Report-adv52b L-1, brief s53 ko53. */
size_t flag_surname_titled(const char *w, size_t len);

/* 1 if hunspell-en-us knows the Latin word w[0..len) (bytes, any case)
 * in lower case, or once a British spelling in it is read the American
 * way (organisers, labour, centre, travelled), else 0. */
int flag_en_word(const char *w, size_t len);

/* 1 if the word w[0..len) (bytes) or one of the stems hunspell gives it
 * (lexicon_stems, lang an enum lexicon_lang) is in the name lists
 * (gazetteer_names_word: Төмөрийн of Төмөр), else 0. */
int flag_name_stem(int lang, const char *w, size_t len);

/* 1 if w[0..len) (bytes, one word with a Korean particle or a Mongolian
 * case ending allowed) is, whole, a place the gazetteer knows (여수의,
 * Ховдод) and no name of its name lists, else 0 (also when the lists
 * cannot be loaded or memory runs out: the safe side keeps the flag). */
int flag_place_word(const char *w, size_t len);

/* flag_shapes.c (brief s18 allow18 item 5, report-adv17a D-16): 1 if
 * the word s[a0..a1) is one letter (a Cyrillic capital, two bytes), and
 * s[a1..b0) is a full stop with at most one space after it, before a word
 * s[b0..b1) of three letters or more: an initial and a name ("Д.Энхбаяр",
 * "Д. Энхбаяр"), else 0. */
int flag_initial_gap(const char *s, size_t a0, size_t a1, size_t b0, size_t b1);

/* flag_shapes.c: 1 if the Cyrillic word w[0..len) ends in a Mongolian
 * genitive ending (-ын, -ийн, -ны, -ний, -гийн) after three letters or
 * more: a patronymic in the genitive before a given name ("Тогтохын
 * Мөнхбат", the passport form), else 0. */
int flag_genitive_word(const char *w, size_t len);

/* flag_shapes.c (brief s27 names27, report-adv26a D-14): 1 if the word
 * w[0..len) (bytes, as written) joins the parts of an Arabic or Malay
 * name (bin, binti, bte, bt, b., ibn, bint, al, el: "Abdullah bin Hassan",
 * "Khalid al Mutairi"), else 0. */
int flag_lineage_particle(const char *w, size_t len);

/* flag_shapes.c: 1 if the word w[0..len) is the Arabic article with a
 * hyphen before a capitalised name (Al-Mutairi, al-Azmi, El-Sayed), else
 * 0. */
int flag_article_prefixed(const char *w, size_t len);

/* w[0..len) (bytes) in lower case (utf8proc's simple case mapping, ASCII
 * without the call) into out (outlen bytes, NUL-terminated, the caller's);
 * -1 if it does not fit or is no valid UTF-8, else 0. */
int flag_lower(char *out, size_t outlen, const char *w, size_t len);

#endif
