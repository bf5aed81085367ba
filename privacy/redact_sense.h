/* Which sense a registered given name that is also an ordinary word has
 * where it stands (issue 13, brief s28 flags28): the words around a hit
 * that mark the ordinary word (Mongolian set phrases, verbs no person is
 * the subject of, endings a name rarely takes, Korean determiners and
 * counters, English imperatives and auxiliaries), and the words that mark
 * a person (a Mongolian patronymic before it).  Pure functions over the
 * norm view; no dictionary asked.  The tables are written by us from the
 * languages' grammar (docs/VARIANTS.md, "Session 28"); they want a native
 * reviewer, as data/nicknames does.  The Russian and Ukrainian salutes
 * and feast days (redact_sense_salute_end, redact_sense_clause_end,
 * redact_sense_feast) are defined in redact_salute.c, the rest in
 * redact_sense.c. */
#ifndef INTAKE_REDACT_SENSE_H
#define INTAKE_REDACT_SENSE_H
#include <stddef.h>

struct normtext;

/* 1 if the words around the hit at norm bytes [a, b) of t (its word may
 * go on after b: an ending) mark the ordinary word, so that a form of
 * kind word or short is neither replaced nor flagged there; else 0. */
int redact_sense_word(const struct normtext *t, size_t a, size_t b);

/* 1 if the words around the hit at norm bytes [a, b) of t mark a person
 * where the capital alone does not (a Mongolian patronymic written with
 * a capital right before it: "Батын Гэрэл"); else 0. */
int redact_sense_name(const struct normtext *t, size_t a, size_t b);

/* 1 if a person's form the dictionary does not know as a word (a
 * replacement: FORM_REPLACE) stands at norm bytes [a, b) of t as a given
 * name that is also an ordinary word, so that it is judged as that word
 * (issue 13, brief s29 word29): a Korean surname syllable, a space, and a
 * given name hunspell-ko knows (이 나라는, 박 하나만: *ga is then the given
 * name's start); a Mongolian case form the dictionary knows (гэрлийн,
 * алтны: *ga = a); a Russian or Ukrainian given name that is a word
 * (вера, надежда, любов) written in lower case, or with a capital where
 * at_start (the caller's redact_sentence_start: the hit starts a
 * sentence) and no word with a capital follows ("Вера в людей пропала";
 * brief s30 slav30) (*ga = a).  Else 0. */
int redact_sense_as_word(const struct normtext *t, size_t a, size_t b, int at_start, size_t *ga);

/* 1 if the one word w[0..n) (UTF-8 as written) is a Russian or Ukrainian
 * given name that is also a word, in one of its forms (Вера, Веры,
 * Надежда, Роза), as redact_sense_as_word reads it; else 0 (also when
 * out of memory). */
int redact_sense_word_name(const char *w, size_t n);

/* 1 if the hit at norm bytes [a, b) of t, a given name that is also a
 * word, begins one of that word's set phrases (Алтан шар "golden
 * yellow", Алтан загас "goldfish": the next word in lower case): a
 * capital then marks no name where no sentence starts, as a title or a
 * list's item may be written so, and the hit is a review flag (brief s29
 * word29, report-adv28c J-15); so does a Russian or Ukrainian salute
 * (Слава Украине!, mid-sentence in quotes: brief s32 set32); else 0. */
int redact_sense_phrase(const struct normtext *t, size_t a, size_t b);
/* 1 if the word that the hit at norm bytes [a, b) of t begins is a
 * possessive of a name before a feast's noun in the same case, a set
 * phrase (Иванов день, Татьянин день, Петров пост, Іванів день): no
 * person, no hit; else 0. */
int redact_sense_feast(const struct normtext *t, size_t a, size_t b);
/* 1 if the word of the hit at norm bytes [a, b) of t ends at b and the
 * next word, over one space, is a verb a person is the subject of
 * (flag_context.h: coming, going, saying; Mongolian, Russian, Ukrainian,
 * English: "гэрэл ирсэн", "гэрэл хэлсэн"); else 0. */
int redact_sense_person_verb(const struct normtext *t, size_t a, size_t b);
/* 1 if the word at norm bytes [a, b) of t is no near-name (redact_near.c)
 * where it stands: the words around it mark the ordinary word
 * (redact_sense_word), or it is a Russian or Ukrainian verb form of five
 * letters or more written in lower case (дарили, подарила: no given name
 * ends so, report-adv31 O-3); else 0. */
int redact_sense_near_word(const struct normtext *t, size_t a, size_t b);
/* 1 if the word s[a, b) of the text s[0..len) (UTF-8 as written; a
 * near-name's word, redact_nearfix.c) is a trade's noun in any case
 * written with a capital whose clause holds a thing or an act of that
 * trade, or another trade's noun joined to it ("Ковалі кували підкови",
 * "Гончар і коваль"), as redact_sense_trade_at_start reads it at a
 * sentence's start: the redactor judged the word where it stands (a
 * review flag), and a spelling of it that a registered surname has is no
 * reason to replace it (brief s42 over42, report-adv41 O-10); else 0
 * (also when out of memory). */
int redact_sense_trade_near(const char *s, size_t len, size_t a, size_t b);

/* The judge of one word for the word s[a, b) of the text s[0..len)
 * (UTF-8 as written, bytes; a near-name's word, redact_nearfix.c): the
 * text from span bytes before a to span bytes after b (cut at whole
 * characters) in the norm view, and judge asked about the word's norm
 * bytes there.  judge's answer, or 0 when the word has no norm bytes or
 * out of memory.  No memory kept.  One window for
 * redact_sense_other_bearer_near and redact_sense_place_near. */
int redact_sense_window(const char *s, size_t len, size_t a, size_t b, size_t span,
                        int (*judge)(const struct normtext *t, size_t a, size_t b));

/* 1 if the one word at norm bytes [a, b) of t (b its end) is a place of
 * the world whose name is also a person's (Georgia, Милан, Ханой: the
 * table of redact_sense_place.c) in a form of its declension, and the
 * words around it mark the place: a preposition of place or motion that
 * governs that form (in, to after a verb of motion, в Милане, из Милана,
 * через Милан), a place noun beside it (the country, столица, город), a
 * club's prefix (AC Milan), another place joined to it (Georgia and
 * Armenia); not where a word with a capital follows ("Georgia Evans")
 * or in a possessive ("Georgia's").  The caller keeps it, a review flag
 * at most (brief s44 geo44).  Else 0.  No allocation. */
int redact_sense_place(const struct normtext *t, size_t a, size_t b);
/* redact_sense_place for the word s[a, b) of the text s[0..len) (UTF-8
 * as written; a near-name's word, redact_nearfix.c): a spelling of it
 * that a registered name has is no reason to replace the place.  0 also
 * when out of memory. */
int redact_sense_place_near(const char *s, size_t len, size_t a, size_t b);

/* redact_sense_other.c (brief s45 over45, report-adv44 O-16, O-18, O-25,
 * O-30, O-31, O-34): 1 if the word at norm bytes [a, b) of t names
 * another person than the subject whose name's form it is: a patronymic
 * (patronymic.h) after another given name, one space before it ("Иван
 * Петрович", "Анна Кирилловна": the child of some Пётр, Кирилл; not
 * "Пётр Петрович", whose first three letters are the patronymic's), an
 * apostle's name joined to the other's ("Петра и Павла"), or a name after
 * a church's noun ("Собор Петра", "храм святых Петра и Павла").
 * The verdict asks it beside redact_sense_other_bearer: a review flag,
 * never a replacement.  Else 0.  No allocation. */
int redact_sense_other_named(const struct normtext *t, size_t a, size_t b);
/* redact_sense_other_named for the word s[a, b) of the text s[0..len)
 * (UTF-8 as written; a near-name's word, redact_nearfix.c).  0 also when
 * out of memory. */
int redact_sense_other_named_near(const char *s, size_t len, size_t a, size_t b);

/* redact_sense_other.c: 1 if the one word at norm bytes [a, b) of t is
 * the surname of a public figure's whole name written whole (Ким Ир Сена, Kim
 * Il-sung, Брюсом Ли, Ли Мён Бак: the table there, from the Wikipedia
 * articles' titles): the figure, kept (brief s45 over45, report-adv44
 * O-44..O-47, O-51..O-53); for the figures of Russia, Ukraine,
 * Kazakhstan, Georgia and Egypt any word of the whole name (Виктора Цоя,
 * Vladimir Putin), and God's name (Аллаху, Allah, Kazakh "Алла разы
 * болсын": brief s47 pub47, report-adv46 O-1..O-4, O-18, O-24..O-34,
 * O-38..O-43).  A registered name spelled so is matched whole, a hit of
 * more than one word, which this never answers; one registered surname
 * first is two kept hits of one subject, which redact_retry_pending
 * files as the subject's.  Else 0.  No allocation. */
int redact_sense_public_figure(const struct normtext *t, size_t a, size_t b);
/* redact_sense_public_figure for the word s[a, b) of the text s[0..len)
 * (UTF-8 as written; a near-name's word, redact_nearfix.c): a spelling of
 * it that a registered name has is no reason to replace the figure
 * (brief s47 pub47, report-adv46 O-4, O-24, O-34).  0 also when out of
 * memory. */
int redact_sense_public_figure_near(const char *s, size_t len, size_t a, size_t b);

/* redact_sense_named.c (brief s53 over53): 1 if the hit at norm bytes
 * [a, b) of t is part of another thing's name: a Korean place or
 * structure (종수리, 종수리에서, 영호 대교를; not 종수리에게, a
 * person's particle), a work's title (its possessive before a word with
 * a capital, "Kim's Convenience"; after a work's noun, "the song Yong-ho
 * Arirang"), a business ("Chung Soo Restaurant"), or the name spoken of
 * as a name ("Yong-ho is a common name").  The caller keeps it with a
 * review flag.  Else 0.  No allocation. */
int redact_sense_named_thing(const struct normtext *t, size_t a, size_t b);
/* redact_sense_named_thing for the word s[a, b) of the text s[0..len)
 * (UTF-8 as written; a near-name's word, redact_nearfix.c): a spelling
 * of it that a registered name has is no reason to replace the thing.
 * 0 also when out of memory. */
int redact_sense_named_thing_near(const char *s, size_t len, size_t a, size_t b);

/* redact_sense_other.c: 1 if the hit at norm bytes [a, b) of t is a whole
 * Cyrillic word written with a capital at a sentence's start (at_start)
 * that data/nicknames/slavic_words.txt knows as an ordinary word and that
 * has an adjective's shape (an adjective's ending, or -ой, -ою before a
 * noun in the same case: Любой ценой, Любую работу, Милая моя), or that
 * the list does not know but is an oblique adjective before a noun that
 * agrees with it (Толстого кота, Белой ниткой: an adjective-type
 * surname's form; brief s48 slav48, report-adv47 O-15, O-17), not alone
 * in its clause, and the next word, over one space, is in lower case and
 * no verb a person does (redact_sense_person_verb); not "Люба пришла",
 * "Любу Петрову", "Тате дали", "Толстого вызвали".  Also a Kazakh or
 * Mongolian word that is a name (абай, болат, ерке, дорж) in lower case
 * anywhere, or at a sentence's start before a word that makes it the word
 * ("Абай болыңыз": report-adv47 O-25, O-27).  The caller makes it a
 * review flag: the word is kept, a person reads it once (brief s45
 * over45, report-adv44 O-19, O-32, O-33).  Else 0.  No allocation. */
int redact_sense_word_at_start(const struct normtext *t, size_t a, size_t b, int at_start);
/* redact_sense_word_at_start for the word s[a, b) of the text s[0..len)
 * (UTF-8 as written; a near-name's word, redact_nearfix.c), its sentence's
 * start read where it stands: a spelling of it that a registered name has
 * is no reason to replace the word.  0 also when out of memory. */
int redact_sense_word_at_start_near(const char *s, size_t len, size_t a, size_t b);

/* The end (a byte offset of s) of the salute or thanks that the raw word
 * s[a, b) opens (UTF-8 as written): a given name that is a Russian or
 * Ukrainian word, in the nominative, then up to three words, one space
 * apart, each a noun in the dative or an abbreviation in capitals, to a
 * clause's end ("Слава Украине!", "Слава Иисусу Христу!", "Слава ЗСУ"):
 * the word, as redact_sense_word reads it; else 0.  No allocation. */
size_t redact_sense_salute_end(const char *s, size_t len, size_t a, size_t b);

/* 1 if a clause ends at byte p of s[0..len) (UTF-8): the end (white
 * space after the last word included: detect_text_end), a punctuation
 * mark or a closing quote (" ' ) » ” ’ …), or a line's end (blanks to a
 * line break or the text's end) where the next line does not go on in
 * lower case; else 0. */
int redact_sense_clause_end(const char *s, size_t len, size_t p);
#endif
