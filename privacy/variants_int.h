/* What privacy/variants.c, variants_ko_names.c and variants_mn.c share:
 * limits, the tables one file owns and another reads, and the generators
 * variants.c calls.  Internal to privacy/: only those files include it.
 * Calls point one way: variants.c -> variants_ko_names.c, variants_mn.c. */
#ifndef INTAKE_PRIVACY_VARIANTS_INT_H
#define INTAKE_PRIVACY_VARIANTS_INT_H

#include <pthread.h>
#include <stddef.h>

#include "privacy/varlist.h"

#define HANGUL_CANDIDATES 8
/* Back-transliteration explores at most this many steps: a long Latin
 * term has exponentially many readings, and the first ones are the likely
 * ones. */
#define REVERSE_BUDGET 20000

/* variants_ko_names.c: the Hangul readings of a romanised name, best
 * first (at most HANGUL_CANDIDATES, each a NUL-terminated UTF-8 string of
 * whole syllables); found by back-transliteration within REVERSE_BUDGET
 * steps.  Caller-owned; free with reverse_free. */
struct reverse {
    const struct slot *spell; /* spellings of each name syllable */
    const int *cp;           /* the name syllables */
    int n;
    char found[HANGUL_CANDIDATES][SLOT_MAX * 4];
    int nfound;
    long steps;
    int path[SLOT_MAX];
};

/* variants_ko_names.c: fills r with the Hangul candidates for a romanised
 * key[0..len) (bytes, all ASCII letters).  0, or -1 when out of memory;
 * call reverse_free on r either way. */
int reverse_korean(struct reverse *r, const char *key, size_t len);

/* variants_ko_names.c: wipes r (it holds readings of a name). */
void reverse_free(struct reverse *r);

/* variants_ko_names.c: adds to out the romanised spellings of the Hangul
 * key[0..len) (bytes), with rule; person: 1 a person's name (initials
 * too), 2 a person without initials, 0 a place or other term.  0, or -1
 * when out of memory. */
int korean_from_hangul(struct variant_list *out, const char *key, size_t len, int rule,
                       int person);

/* variants_ko_final.c: a Hangul name key[0..len) (bytes) of three
 * syllables or more with each later syllable's final ㄱ ㄷ ㅂ ㅅ also
 * written as a syllable of its own (간조릭: 간조리그, 간조리크), with rule.
 * 0, or -1 when out of memory. */
int ko_final_forms(struct variant_list *out, const char *key, size_t len, int rule);

/* variants_mn.c: the Cyrillic readings of a Latin key (at most 4, each a
 * NUL-terminated UTF-8 string), found by mnrev_rec within REVERSE_BUDGET
 * steps.  Caller-owned; zero it before the first call, wipe it after. */
struct mnrev {
    char found[4][SLOT_MAX * 2];
    int nfound;
    long steps;
    char path[SLOT_MAX * 2];
};

/* variants_mn.c: adds to m the Cyrillic readings of key[at..len) (bytes),
 * m->path holding the reading of key[0..at) at depth letters. */
void mnrev_rec(struct mnrev *m, const char *key, size_t len, size_t at, int depth);

/* variants_mn.c: Cyrillic key[0..len) (bytes): itself, its stems and all
 * in every Latin system (at most latin_cap Latin spellings), with rule;
 * person 1 for a person's name (short forms too).  0, or -1 when out of
 * memory. */
int mongolian_from_cyrillic(struct variant_list *out, const char *key,
                            size_t len, int rule, int person, size_t latin_cap);

/* variants_mn.c: the readings of a Latin name whose u and o are the other
 * Mongolian vowels, from its first Cyrillic reading (mnrev_rec); for a
 * person their short forms too.  0, or -1 when out of memory. */
int mn_vowel_readings(struct variant_list *out, const char *reading, int person);

/* variants_mn_letters.c: the index of the Mongolian Cyrillic letter cp in
 * romanise.h's table, or -1 if it is none. */
int mn_letter(int cp);

/* variants_mn_letters.c: the index of the letter written utf8 (one
 * letter, UTF-8) in romanise.h's table, or -1. */
int mn_letter_of(const char *utf8);

/* variants_mn_letters.c: 1 if letter index li is one of the n letters
 * set[] (UTF-8), else 0. */
int mn_letter_in(int li, const char *const *set, size_t n);

/* variants_mn_letters.c: 1 if letter index li is a consonant, else 0. */
int mn_is_consonant(int li);

/* variants_mn_letters.c: 1 if letter index li is a short vowel (а э о ө у ү и ы,
 * and ь, which stands for one), else 0. */
int mn_is_short_vowel(int li);

/* variants_mn_letters.c: the row of table tab (rows rows of width w strings, the
 * first column a Mongolian Cyrillic letter) for letter index li, or NULL.
 * Points into tab; nothing to free. */
const char *const *mn_row(const char *const *tab, size_t rows, size_t w, int li);

/* variants_mn_russian.c: adds the Russian Cyrillic spellings of the
 * Mongolian letters li[0..n) (letter indexes), at most cap, fewest changes
 * first, and their Russian case forms.  0, or -1 when out of memory. */
int mn_russian_forms(struct variant_list *out, const int *li, int n, size_t cap);

/* variants_mn_russian.c: adds the Russian adjectives (-ский, with their
 * endings) of the Cyrillic place names out->v[from..to).  0, or -1 when
 * out of memory. */
int mn_russian_adjectives(struct variant_list *out, size_t from, size_t to);

/* variants_ru.c: the Russian first declension's endings after -я
 * (nominative first), n_ru_decl_ya of them (UTF-8). */
extern const char *const ru_decl_ya[];
extern const size_t n_ru_decl_ya;

/* variants_mn.c: the letter index of the long vowel a Mongolian short
 * form of the letters li[0..n) ends in (by vowel harmony). */
int mn_long_vowel(const int *li, int n);

/* variants_mn.c: adds the short form of the base li[0..n) (letter
 * indexes): Алт -> Алтаа, Гэрэл -> Гэрлээ.  0, or -1 when out of memory. */
int mn_short_form(struct variant_list *out, const int *li, int n);

/* variants_mn.c: adds an element li[0..n) of a compound name alone, with
 * case endings, in Cyrillic and Latin.  0, or -1 when out of memory. */
int mn_element(struct variant_list *out, const int *li, int n);
/* A first element of three letters alone (Бат), li[0..n) Mongolian letter
 * indexes, in Cyrillic and Latin with case endings, as FORM_CONTEXT forms
 * (a review flag only where the context marks a name).  0, or -1 when out
 * of memory. */
int mn_element_alone(struct variant_list *out, const int *li, int n);

/* variants_mn.c: the Mongolian case endings (UTF-8, from Mongolian
 * grammar and the Russian ones Russian text adds: see variants_mn.c),
 * n_mn_endings of them. */
extern const char *const mn_endings[];
extern const size_t n_mn_endings;
/* The first n_mn_native_endings of them are Mongolian's own; the rest the
 * Russian ones (variants.c stacks only the Mongolian ones). */
extern const size_t n_mn_native_endings;
/* Kazakh case endings (variants_mn.c), one of which may follow a Cyrillic
 * name of SUFFIX_MN: n_kk_endings of them. */
extern const char *const kk_endings[];
extern const size_t n_kk_endings;

/* variants_mn.c: the Latin spellings of those endings in every system,
 * n_mn_latin of them once mn_latin_build has run (pthread_once with
 * mn_latin_once); static storage, never freed. */
#define MN_LATIN_MAX 1024
extern const char *mn_latin_ptr[MN_LATIN_MAX];
extern size_t n_mn_latin;
extern pthread_once_t mn_latin_once;
void mn_latin_build(void);

/* variants_en.c: adds to out the Russian Cyrillic spellings of a Latin
 * name word key[0..len) (bytes, ASCII letters; 4 or more), at most cap,
 * the usual one first, with the Russian case endings (SUFFIX_MN).  0, or
 * -1 when out of memory. */
int en_russian_forms(struct variant_list *out, const char *key, size_t len, size_t cap);

/* variants_mn_everyday.c: adds to out the everyday and chat Latin
 * spellings of the Mongolian Cyrillic key[0..len) (bytes: Өлзийбаяр:
 * Uljeebayar, Qlziibayar; Чимэг: 4imeg keyed "aimeg"), at most cap (and at
 * most 12) a style, with rule and suffix.  Nothing for a key with a
 * letter outside Mongolian Cyrillic.  0, or -1 when out of memory. */
int mn_everyday_forms(struct variant_list *out, const char *key, size_t len, int rule,
                      int suffix, size_t cap);

/* variants_mn_everyday.c: adds the Cyrillic spelling of key[0..len)
 * (bytes) with я, ю after a vowel written й + vowel (Баяр: Байар), and the
 * other way (Байар: Баяр), where they differ.  0, or -1 out of memory. */
int mn_iotated_forms(struct variant_list *out, const char *key, size_t len, int suffix);

/* variants_ru.c: adds to out the Russian case forms of the Cyrillic
 * given name or short form key[0..len) (bytes, lower case: Саша: Сашу,
 * Саше, Сашей, Саши; Иван: Ивана, Ивану, Иваном, Иванович) and their
 * Latin spellings (Sashu, Ivanom), each with out's marks, but for the
 * Cyrillic oblique cases that are no word (slavic_lower_word): those
 * without the capital mark, so "у дарьи", "с сашкой" count (brief s33
 * ru33); familiar 1 for a short form: its familiar diminutive too (Ваня:
 * Ванька; Саша: Сашка), declined.  Nothing for a word of other letters or of fewer than three.
 * 0, or -1 when out of memory. */
int ru_name_forms(struct variant_list *out, const char *key, size_t len, int familiar);

/* variants_uk.c: adds to out the Ukrainian and Belarusian case forms of
 * the Cyrillic given name, short form or diminutive key[0..len) (bytes,
 * lower case: Олександр: Олександра, Олександрові, Олександром,
 * Олександре; Сашко: Сашком; Наталля: Наталляй) by its last letter, and
 * with latin set their Latin spellings in the Ukrainian national, press,
 * scholarly, Polish and Belarusian Łacinka systems (Oleksandrovi,
 * Ołeksandrowi, Ołeksandrem), each with out's marks.  Nothing for a word
 * of other letters or of fewer than three.  0, or -1 out of memory. */
int uk_name_forms(struct variant_list *out, const char *key, size_t len, int latin);

/* variants_uk.c: uk_name_forms' Cyrillic case forms of key[0..len) (bytes,
 * lower case) alone, without the possessive adjectives: for the tender
 * diminutives of a short form (Дашунька: Дашуньке, Дашуньці; brief s32
 * dim32), whose possessives (Дашунькин) are rare and would fill the list
 * (VARIANTS_MAX).  0, or -1 out of memory. */
int uk_name_cases(struct variant_list *out, const char *key, size_t len);

/* variants_uk.c: the case forms of a registered patronymic key[0..len)
 * (bytes, lower case, one word of a name: Любомирівна, Петрівна,
 * Іванович, Петровна; patronymic.h's suffixes, nominative only) in every
 * Ukrainian and Russian case, vocative too (Любомирівну, Любомирівні,
 * Любомирівною, Любомирівно; Івановича, Івановичу, Івановичем; brief s38
 * uk38, report-adv37 L-5), in Cyrillic and with their Latin spellings
 * (uk_name_forms' systems: Liubomyrivnu, Ivanovychem), each with out's
 * marks; no possessive adjectives.  Nothing for another word.  0, or -1
 * out of memory. */
int uk_patronymic_forms(struct variant_list *out, const char *key, size_t len);

/* variants_ru.c: adds to out the diminutives of the short form
 * key[0..len) (bytes, lower case Russian letters) of two syllables in -а
 * or -я (Сара: Сарочка, Саруся; Тала: Талочка) in every case, as
 * ru_name_forms adds a listed short form's; nothing for another word.
 * 0, or -1 when out of memory. */
int ru_short_diminutives(struct variant_list *out, const char *key, size_t len);

/* variants_ru.c: 1 if key[0..len) (bytes, lower case, a listed short
 * form's nominative) ends in a suffix of three letters or more of the
 * diminutive suffixes ru_short_diminutives adds (Галочка, Галонька,
 * Галуня, Олюня: -очка, -онька, -уня, -юня), after two letters or more;
 * else 0 (slavic_tender_each). */
int ru_tender_form(const char *key, size_t len);

/* The tender diminutives (-очк-, -еньк-, -оньк-, -ечк-, -ушк-, -уньк-,
 * -ульк-) of a registered Russian or Ukrainian full given name key[0..len)
 * (UTF-8 bytes of the key view) of four to seven letters ending in a
 * consonant and -а or -я, not a surname's shape (Вера: Верочка, Веронька,
 * Верушка, Верунька; brief s31 slav31, report-adv30 L-4): each in every
 * case, in any letter case unless those forms are words too (розочка),
 * added to out.  Returns 0, or -1 if out of memory. */
int ru_full_diminutives(struct variant_list *out, const char *key, size_t len);

/* variants_uk.c: 1 if the key key[0..len) (bytes) is a form of a given
 * name that is also an ordinary word (data/nicknames/slavic_words.txt:
 * Сани of Саня, Санки), a review flag only where the context marks a
 * name; else 0.  No errors (a list that could not be built knows none). */
int slavic_word(const char *key, size_t len);

/* variants_uk.c: 1 if key[0..len) (bytes) is an ordinary word in lower
 * case: slavic_word's, or an oblique case form the lower-case rule of
 * variants_ru.c makes that hunspell-ru or hunspell-uk know (славы, поле,
 * романа: slavic_words.txt's last section), which keeps its capital but
 * is no review flag only where the context marks a name; else 0.  No
 * errors. */
int slavic_lower_word(const char *key, size_t len);

/* variants_uk.c: adds to out the possessive adjectives of the Cyrillic
 * given name, short form or diminutive cp[0..n) (code points, lower
 * case) in every gender and case, Russian and Ukrainian (Саша: Сашин,
 * Сашиного; Сашко: Сашків, Сашкова; Мэгги: Мэггин), each with out's
 * marks; one that is a word (slavic_words.txt), and with full set (the
 * name, not a short form) one in -ов (a surname's shape), a review flag
 * only where the context marks a name.  Nothing for a name in another
 * letter (-ь, -й) or of fewer than three.  0, or -1 out of memory. */
int slavic_possessives(struct variant_list *out, const int *cp, int n, int full);

/* variants_uk.c: adds to out the Ukrainian possessive adjectives of the
 * Cyrillic name cp[0..n) (code points, lower case) in -ка, -га, -ха,
 * the stem's last consonant changed before -ин (Наталка: Наталчин;
 * Ольга: Ольжин, Ольжиної; Солоха: Солошин), in every gender and case,
 * with their Latin spellings (Olzhyn), each with out's marks.  Nothing
 * for a name of another shape or of fewer than four letters.  0, or -1
 * out of memory. */
int uk_alternated_possessives(struct variant_list *out, const int *cp, int n);

/* variants_uk.c: adds to out the -ик diminutive of the Cyrillic given
 * name key[0..len) (bytes, lower case) in a hard consonant that the
 * lists do not know (Тарас: Тарасик, Тарасика, Тарасику, Тарасикові,
 * Тарасиком; its possessive Тарасиків, Тарасикова), each with out's
 * marks (Ukrainian word-formation; brief s40 uk40, report-adv39).
 * Nothing for a name of fewer than five letters, one in к, г, х, ж, ч,
 * ш, щ, ц, ь, й (Ткачик is a bird) or in a surname's -ов, -ев, -ин.  0,
 * or -1 out of memory. */
int uk_ik_diminutives(struct variant_list *out, const char *key, size_t len);

/* variants_uk.c: adds to out the form stem[0..n) (code points, lower
 * case Cyrillic, n at most 24) + end (UTF-8) as the key view reads it,
 * and its Latin spellings in the Ukrainian national, press, scholarly
 * and Polish systems and Belarusian Łacinka (Kuznietsovykh, Kuzniacou),
 * each with out's marks.  0, or -1 out of memory. */
int uk_surname_form(struct variant_list *out, const int *stem, int n, const char *end);

/* variants_uk_surname.c (brief s40 uk40): adds to out the Ukrainian
 * nouns of a woman made of the surname key[0..len) (bytes, lower case
 * Cyrillic, four letters or more), in their cases: the wife in -иха
 * (Ткач: Ткачиха, Ткачихою, Ткачисі; Коваль: Ковалиха; Мельник:
 * Мельничиха; Коваленко: Коваленчиха) and, of one in -ук, -ик, the
 * woman in -чка (Мельничка, Ткачучка, Шевчучці), each with its Latin
 * spellings and out's marks (Ukrainian word-formation; report-adv39,
 * adv38).  Nothing for a word in a vowel but -енко, or in -й.  0, or
 * -1 out of memory. */
int uk_surname_women(struct variant_list *out, const char *key, size_t len);

/* variants_uk_surname.c (brief s25 slav25): adds to out the Ukrainian and
 * Belarusian spellings of the Russian surname key[0..len) (bytes, lower
 * case, -ов -ев -ёв -ин or their feminine in -а: Кузнецов, Кузнецова:
 * Кузнєцов, Кузняцоў), in every case and number of both languages and
 * with uk_surname_form's Latin spellings; and of an adjective-type
 * surname (-ий -ый -ой, -ая: Чорний, Толстой, Белая) its adjective
 * declension in its own gender, marked as short forms are (Чорного,
 * Толстым, Белой; brief s47 slav47, report-adv46 L-4, L-29, L-30).
 * Nothing for another word.  0, or -1 out of memory. */
int uk_surname_forms(struct variant_list *out, const char *key, size_t len);

/* variants_uk.c: adds to out the Ukrainian and Belarusian equivalents of
 * the Russian given name key[0..len) (bytes, lower case: Александр:
 * Олександр, Аляксандр) listed in data/nicknames/slavic.txt, each with
 * uk_name_forms' case forms and Latin spellings.  0, or -1 when out of
 * memory (or the list's index could not be built). */
int slavic_equivalents(struct variant_list *out, const char *key, size_t len);

/* variants_uk.c: calls fn(ctx, form, formlen) for each Ukrainian short
 * form (bytes, its key view: Іруся as ируся; Олесь, Тала) of the Russian given
 * name key[0..len) in data/nicknames/slavic.txt's hand-written section
 * (slavic_equivalents adds their cases).  Returns 0, the first non-zero
 * value fn returned, or -1 when the list's index could not be built. */
int slavic_short_each(const char *key, size_t len,
                      int (*fn)(void *ctx, const char *form, size_t formlen), void *ctx);

/* variants_uk.c: calls fn(ctx, form, formlen) with the key view of each
 * hand-written Ukrainian short form in data/nicknames/slavic.txt that is
 * the short form key[0..len) (a key view) of the same Russian name with
 * or without one vowel letter before it (Олеся: Леся; Леся: Олеся; brief
 * s39 uk39, report-adv38 L-11).  Returns 0, the first non-zero value fn
 * returned, or -1 when the list's index could not be built. */
int slavic_short_siblings(const char *key, size_t len,
                          int (*fn)(void *ctx, const char *form, size_t formlen), void *ctx);

/* variants_uk_given.c: calls fn(ctx, form, formlen) with the key view of
 * each hand-written short form in data/nicknames/slavic.txt that is a
 * tender diminutive (ru_tender_form) of the short form key[0..len) (a key
 * view, two letters or more before its last): one that begins with its
 * stem (Галя: Галочка, Галонька, Галуня of Галина; Оля: Олюня of Ольга),
 * so a subject registered by the short form has them too and two subjects
 * share them (brief s42 dim42).  Returns 0, the first non-zero value fn
 * returned, or -1 when the list's index could not be built. */
int slavic_tender_each(const char *key, size_t len,
                       int (*fn)(void *ctx, const char *form, size_t formlen), void *ctx);

/* variants_uk.c: adds to out the Cyrillic case forms (uk_name_cases) of
 * the Ukrainian or Belarusian given name listed in data/nicknames/
 * slavic.txt whose key view is key[0..len) (надия: Надія, Надії, Надію,
 * Надією, Надіє), with out's marks and none of the words list's: the
 * registered name itself, whose forms a Russian sentence's rules judge
 * as name or word where they stand (redact_sense.c), as they judge a
 * Russian name's own cases (report-adv34 L-0).  0, or -1 when out of
 * memory or the list's index could not be built. */
int slavic_own_cases(struct variant_list *out, const char *key, size_t len);

/* variants_uk.c: calls fn(ctx, name, namelen) for each Russian given name
 * (bytes, lower case) whose listed Ukrainian or Belarusian equivalent is
 * key[0..len) as the key view writes it (сергий of Сергій: Сергей).
 * Returns 0, the first non-zero value fn returned, or -1 when the list's
 * index could not be built. */
int slavic_russian_each(const char *key, size_t len,
                        int (*fn)(void *ctx, const char *name, size_t namelen), void *ctx);

/* variants_ru.c: adds to out the case forms of a Russian surname in -ов,
 * -ев, -ёв, -ин or their feminine in -а (Петрова: Петровой, Петрову), in
 * Cyrillic, Latin and the national systems (Pietrowej: report-adv20 R-4);
 * nothing for another key[0..len) (bytes).  0, or -1 when out of
 * memory. */
int ru_surname_forms(struct variant_list *out, const char *key, size_t len);

/* The gender a Russian surname's ending names (variants_ru.c, from the
 * declension tables of ru_surname_forms): SURNAME_MASC for an ending only
 * the masculine has (Петров, Петрове), SURNAME_FEM for one only the
 * feminine has (Петровой, Петровою), SURNAME_NONE for one both have
 * (Петрова, Петрову), a plural, or a word that is no -ов/-ев/-ин
 * surname.  nominative: read the ending as a nominative (a name as
 * registered: Петров masculine, Петрова feminine).  key[0..len): the key
 * view (lower case UTF-8).  *stem gets the
 * bytes up to the end of the suffix -ов/-ин when a gender is named. */
enum { SURNAME_NONE, SURNAME_MASC, SURNAME_FEM };
int ru_surname_gender(size_t *stem, const char *key, size_t len, int nominative);

/* variants_ru.c: the case forms of a Koryo-saram name of two words, a
 * Russian given name and a Korean surname in its Koryo-saram spelling
 * (romanise_koryo_syllable: Даша Ли, Лена Ким, Ким Лена), norm[0..len)
 * the norm view (lower case, one space between the words): each case of
 * the given name (Дашу, Даши, Дашей) with the surname as it stands or
 * declined (Ли; Ким, Кима, Киму), in both orders, as RULE_INFLECTION keys
 * marked spaced (varlist.h): the whole name in a sentence is the
 * subject's, before any short form of another subject's name that its
 * letters spell (Дашули of Дашуля: report-adv37 L-8).  Declension from
 * Russian grammar, as decline's.  0, or -1 when out of memory. */
int ru_koryo_cases(struct variant_list *out, const char *norm, size_t len);

/* variants_ru.c: letters of a Russian form kept (the longest listed short
 * form is far shorter). */
#define RU_MAX 24

/* variants_ru.c: reads the Russian key[0..len) (bytes) into cp (at most
 * RU_MAX code points); the count, or 0 if a letter is no Russian one. */
int ru_read(int *cp, const char *key, size_t len);

/* variants_ru.c: 1 if cp is a Russian vowel letter (а е ё и о у ы э ю я). */
int ru_vowel(int cp);

/* variants_ru.c: the case forms of the word w[0..n) (code points) that
 * the first declension (-а, -я) or the second (a consonant, -й, -ь) gives,
 * written as UTF-8 into forms (at most KORYO_FORMS of KORYO_FORM_BYTES
 * bytes each, caller's array; the nominative first) without the
 * patronymics.  The count.  A word in another vowel (Ли, Ю) has itself
 * only.  No errors. */
#define KORYO_FORMS 7
#define KORYO_FORM_BYTES ((RU_MAX + 4) * 2 + 1)
int ru_koryo_forms(char forms[][KORYO_FORM_BYTES], const int *w, int n);

/* variants_koryo.c: the Russian case forms alone of the Korean surname of a
 * Koryo-saram name of two or three words (its first word or its last, in
 * the Koryo-saram spelling: Цой Виктор Робертович, Тен Ирина, Лев Ким),
 * norm[0..len) the norm view: the singular cases (Цоя, Цою, Цоем, Цое;
 * Тена, Тену, Теном, Тене), the plural and the family's name (Цои, Цоев,
 * Цоям, Цоями, Цоях, Цоевы; Тенам, Теновы), as RULE_INFLECTION keys that
 * must be written with a capital (report-adv38 L-28, L-33, L-36, L-40..43).
 * A surname ending in a vowel (Ли, Ю, Тё) is not declined.  Declension
 * from Russian grammar (a foreign surname in a consonant or -й declines
 * as a masculine noun), as koryo_forms'.  0, or -1 when out of memory. */
int ru_koryo_surname_cases(struct variant_list *out, const char *norm, size_t len);

/* variants_latin.c: drops the Latin spellings out->v[from..) whose first
 * consonant is not that of the Latin name key[0..len) (bytes) they were
 * read back from through Mongolian Cyrillic (Joe of Zoe); keeps a piece
 * of the name and any spelling in another script.  The entries dropped
 * stay in out's arena (freed with it). */
void variants_keep_latin_initial(struct variant_list *out, size_t from, const char *key, size_t len);

/* variants_ko_names.c: the spellings of the Korean surname key[0..len)
 * (a Latin key, lower case) in every row of the surname table that holds
 * it and every row sharing a spelling with those (이 and 리: lee, yi,
 * rhee, li, ri; not a letter alone, 이's i), in Latin, and in Cyrillic from the Koryo-saram table
 * (romanise_koryo_surname: ли).  Fills both slots (OPT_MAX options at
 * most); 1 if key is such a surname, else 0. */
int variants_surname_spellings(struct slot *latin, struct slot *cyrillic, const char *key, size_t len);

/* variants_digraph.c: the initial of the spelling key[0..len) (a key:
 * lower case) of a name word whose first sound is written with two or
 * more letters: Latin shch, ch, sh, zh, kh, ts, yu, ya, ye, yo, ph, th,
 * kk (Tsoi: ts; Yuri: yu), Cyrillic дж (Джейми).  Writes it, NUL-ended,
 * to out (cap bytes); its length in bytes, or 0 if the spelling starts
 * with none or is no longer than it. */
size_t variants_digraph_initial(char *out, size_t cap, const char *key, size_t len);

/* variants_ru_latin.c: the Russian Cyrillic forms the Latin key[0..len)
 * (bytes, a-z) is a spelling of, read letter by letter backwards through
 * the Russian letters' Latin spellings (ISO 9, BGN/PCGN, ICAO, the German
 * j and the i of the soft sign: Julia as Юлия, Юля, Юлиа...; Natalia as
 * Наталья), at most cap of them added to out, every reading, most of
 * them no name: the caller keeps those a list knows (nicknames.c,
 * russian_reading; brief s43 xini43, report-adv42 L-17, L-56).  0, or -1
 * when out of memory. */
int ru_latin_readings(struct variant_list *out, const char *key, size_t len, size_t cap);

/* variants_key.c: 1 if key[0..len) (bytes) is non-empty and all ASCII
 * lower-case letters a-z (a key read as Latin), else 0. */
int variants_latin_key(const char *key, size_t len);

/* variants_key.c: adds to out the spellings of one key[0..len) (bytes, a
 * normalised key: a whole name or term, or one word of a name) by its
 * first letter's script: Hangul (korean_from_hangul), Cyrillic
 * (mongolian_from_cyrillic), Latin a-z (read back as Korean, else as
 * Russian and Mongolian); with rule; person 1 for a person's name (short
 * forms and initials too), 2 a person without initials.  Other scripts
 * add nothing.  out owns what it adds.  0, or -1 when out of memory. */
int variants_expand_key(struct variant_list *out, const char *key, size_t keylen, int rule,
                        int person);

/* variants_key.c: 1 if norm[0..len) (bytes) is words of Latin letters,
 * hyphens and spaces only (a name registered in Latin: "Oleg Kim"). */
int variants_latin_key_words(const char *norm, size_t len);

/* variants_key.c: 1 if a variant of out is in Hangul (the name was read
 * as Korean), else 0. */
int variants_korean_read(const struct variant_list *out);

/* variants_key.c: 1 if the code point cp is a letter that has capitals (a
 * word written with one names someone: "Bold", "Болд"; "bold" and "болд"
 * are words), else 0. */
int variants_cased(int cp);

/* variants_initials.c: adds the initials of the person's name norm[0..len)
 * (bytes, normalised, words split by spaces) of two or three words, in
 * each word's script and its spellings', dotted (replaced) and bare (a
 * review flag), the two-of-three forms as review flags; korean 1 for a
 * Latin name read as Korean (initials only before its surname).  out owns
 * what it adds.  0, or -1 when out of memory. */
int variants_name_initials(struct variant_list *out, const char *norm, size_t len, int korean);

/* variants_initials.c: adds the initials of the parts of a hyphenated
 * word of the name norm[0..len) (bytes) not read as Korean (Бат-Эрдэнэ:
 * Б.Э., B.E., BE), review flags where the context marks a person.  0, or
 * -1 when out of memory. */
int variants_hyphen_initials(struct variant_list *out, const char *norm, size_t len);

/* variants_initials.c: adds the initials of a Korean given name of the
 * name norm[0..len) (bytes: a surname of the table and a given name, Bo-ra
 * or Бо Ра) beside each spelling of the surname, in either order (B.R.
 * Lee, Lee B.R., Б.Р. Ли), replaced.  0, or -1 when out of memory. */
int variants_korean_given_initials(struct variant_list *out, const char *norm, size_t len);

/* variants_ko_keyboard.c: a Hangul name (norm[0..len), syllables and
 * spaces) as typed on the KS X 5002 two-set keyboard with the input
 * method off (김종수: rlawhdtn; its given name after a one-syllable
 * surname, 종수: whdtn), forms of four keys or more, to out (replacements,
 * Korean particles after).  0, or -1 out of memory. */
int variants_ko_keyboard(struct variant_list *out, const char *norm, size_t len);

/* variants_ko_letters.c: a Hangul name (norm[0..len): a one-syllable
 * surname and a given name of two syllables) with its initials spelled in
 * Hangul letter names (김종수: 케이제이에스, 제이에스케이) and its pet form
 * (쫑이), Korean particles after.  0, or -1
 * out of memory. */
int variants_ko_letters(struct variant_list *out, const char *norm, size_t len);

/* variants_mn.c: adds the Cyrillic letters li[0..n) (letter indexes of
 * romanise.h's Mongolian table) as a key and in every Latin system and
 * everyday spelling, at most cap forms, with rule and suffix marks.
 * variants_mn_pet.c: mn_pet_forms adds a person's pet forms on a clipped
 * stem of li[0..n) through add (mn_add_letters; brief s51 mong51).  out owns what they add; both 0, or
 * -1 when out of memory. */
int mn_add_letters(struct variant_list *out, const int *li, int n, int rule, int suffix,
                   size_t cap);
/* mn_add_letters's type: mn_pet_forms is handed it by its caller, so
 * that variants_mn_pet.c calls nothing of variants_mn.c and the calls go
 * one way (scripts/layers.sh). */
typedef int (*mn_add_fn)(struct variant_list *out, const int *li, int n, int rule, int suffix,
                         size_t cap);
int mn_pet_forms(struct variant_list *out, const int *li, int n, mn_add_fn add);

#endif
