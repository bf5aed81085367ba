/* A list of spelling variants (keys, see normalise.h) and the slots they
 * are combined from: shared by the variant generators (variants.c and the
 * tables of other scripts, variants_ko.c).  Moved out of variants.c and
 * variants.h unchanged. */
#ifndef INTAKE_VARLIST_H
#define INTAKE_VARLIST_H

#include <stddef.h>

/* At most this many variants per name; list_add drops the rest silently.
 * 1,024 until session 21, when a Russian name with its patronymic filled it
 * (Александр Сергеевич Кузнецов: 1,803 variants, its Latin form 2,922) and
 * the surname's later cases left (Кузнецовым, Kuzniecow: docs/VARIANTS.md,
 * "Session 21: the variant list's cap").  The longest names tried make at
 * most 3,589; a subject add with such a name costs no measurable time more. */
#define VARIANTS_MAX 8192
/* Room past VARIANTS_MAX that only the last stages of a person's list take
 * (variants.c: the short forms of its given names, variants_nicknames, and
 * the Hangul and katakana forms, variants_hangul).  Every earlier stage
 * stops where it did; the last ones are no longer left out when those fill
 * the list (Ким Ольга Петровна's キム・オリガ went when session 51's Slavic
 * diminutives and Mongolian pet forms together filled it: adv38-open line
 * 296). */
#define VARIANTS_LATE 256

enum variant_rule { RULE_EXACT, RULE_VARIANT, RULE_INFLECTION };

/* What may follow a variant inside the same word. */
enum variant_suffix {
    SUFFIX_NONE,     /* nothing: the word ends with the variant */
    SUFFIX_KO,       /* nothing, or Korean particles (종수는, 김종수의, 종수씨) */
    SUFFIX_MN,       /* nothing, or a Mongolian case ending (Бат-Эрдэнэд) */
    SUFFIX_MN_STEM,  /* a stem: a Mongolian case ending must follow (Бат-Эрдэнийн) */
    SUFFIX_EU,       /* nothing, or a case ending of a European language a
                      * place's Latin name takes (Pchjongjangu, Phenjanból) */
    SUFFIX_HAN       /* a Chinese form keyed by the Hangul readings of its
                      * characters (莎拉 of Sarah: 사납, hangul_names.c): counts
                      * only where the text has Han characters there, never
                      * on Hangul (사납게) */
};

struct variant {
    char *key;                 /* into the list's arena, NUL-terminated */
    size_t off;
    size_t keylen;
    unsigned char rule;        /* enum variant_rule */
    unsigned char suffix;      /* enum variant_suffix */
    unsigned char capital;     /* a word of a longer name: must be written with a capital */
    unsigned char flag;        /* a short form: a review flag, not a replacement */
    unsigned char father;      /* the father's name of a patronymic: another person */
    unsigned char initials;    /* a name's initials (KJS, ㄱㅈㅅ): a review flag, never
                                * asked of the dictionary (redact.c) */
    unsigned char context;     /* a one-syllable given name alone: a review flag only
                                * where the context marks a name (FORM_CONTEXT) */
    unsigned char nickname;    /* a listed short form of a given name (Bob of Robert:
                                * privacy/nicknames.c): at least a review flag, even
                                * where it is a word or a piece of the name */
    unsigned char partial;     /* initials of two of a name's three words ("Д.С." of
                                * Дарья Сергеевна Петрова): a review flag, even
                                * dotted (variants.c, partial_initials) */
    unsigned char spaced;      /* a whole name of two words in a case (Дашу Ли of Даша
                                * Ли: variants_ru.c, ru_koryo_cases): counts only
                                * written as two words, and owns its key against
                                * another subject's one-word short form (Дашули of
                                * Дашуля: redact_matcher.c, mark_shared) */
    unsigned char lettered;    /* made of the name's initials by an initials generator,
                                * dotted or bare, flagged or replaced (О.К. keyed ок,
                                * OK, K.J.S, B.R. Lee: variants.c name_initials,
                                * hyphen_initials, korean_given_initials;
                                * variants_ko_names.c); unlike initials, which marks
                                * the review-flag ones only.  Merged with the same key
                                * from another generator it is no longer set (list_add):
                                * a key that is also a piece or word of the name is
                                * judged as that (brief s42 init42) */
    unsigned char possessive;  /* a possessive adjective made of a name, in Cyrillic or
                                * its Latin spelling (Джонин, dzhonin, Ольжина:
                                * variants_uk.c slavic_possessives,
                                * uk_alternated_possessives): never read in Hangul,
                                * Chinese or Japanese spelling (redact.c; report-adv47
                                * W-1).  Merged with the same key from another
                                * generator it is no longer set (list_add) */
};

struct variant_list {
    struct variant *v;
    size_t n, cap;
    char *arena;               /* wipe-on-free (secmem_wipe_malloc): all keys */
    size_t used, size;
    unsigned char capital, flag, father;   /* given to the variants being added */
    unsigned char no_short;        /* no Mongolian short forms: the key joins the
                                    * words of a name of several words, whose own
                                    * words give theirs (variants.c) */
    unsigned char initials;        /* adding initials: a review flag of two letters
                                    * counts ("KJS", "BD") */
    unsigned char context;         /* adding a one-syllable given name alone: one
                                    * Hangul syllable or two letters count */
    unsigned char nickname;        /* adding listed short forms of given names:
                                    * three letters count */
    unsigned char partial;         /* adding initials of part of a name */
    unsigned char spaced;          /* adding a whole name's case forms */
    unsigned char lettered;        /* adding forms made of the name's initials */
    unsigned char possessive;      /* adding a name's possessive adjectives */
    unsigned char own;             /* adding the case forms of a registered Ukrainian
                                    * given name itself (Надію of Надія): no form is
                                    * marked a word (variants_uk.c's add_keyed); the
                                    * sense rules judge the name that is a word
                                    * where it stands, as for a Russian one */
    size_t reserve;                /* room kept for later stages: list_add stops
                                    * at VARIANTS_MAX - reserve (variants.c) */
    size_t late;                   /* the last stage's room past VARIANTS_MAX:
                                    * list_add stops at VARIANTS_MAX + late - reserve
                                    * (variants.c sets VARIANTS_LATE for it) */
    size_t *index;                 /* list_add's lookup of a key: open addressing
                                    * over v[0..indexed), each slot 0 (empty) or
                                    * i + 1; indexes only, no key bytes (malloc) */
    size_t index_cap, indexed;
};

#define OPT_MAX 12
#define OPT_LEN 24
#define SLOT_MAX 48

/* The spellings of one part of a name (a syllable, a letter), most
 * likely first. */
struct slot {
    char opt[OPT_MAX][OPT_LEN];
    int n;
};

/* Appends a+b+c as an option of s (a repeated one, or beyond OPT_MAX or
 * OPT_LEN bytes, is dropped). */
void slot_add(struct slot *s, const char *a, const char *b, const char *c);

/* Adds key[0..keylen) to l with the list's capital and flag marks; a key
 * already there keeps the laxer marks (and the lettered and possessive
 * marks only if every source of the key set them).  Returns 0, or -1 if out of memory. */
int list_add(struct variant_list *l, const char *key, size_t keylen, int rule, int suffix);

/* Adds the combinations of one option per slot (slots[0..n)), lowest sum
 * of option ranks first, until out holds cap variants.  Returns 0 or -1. */
int combine(struct variant_list *out, const struct slot *slots, int n, int rule, int suffix,
            size_t cap);

/* Wipes and frees the list. */
void variant_list_free(struct variant_list *l);

#endif
