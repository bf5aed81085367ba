/* The redactor's insides, shared by its files (privacy/redact*.c) and by
 * nothing else: the protected set, the numbering context and the spans a
 * run collects.  The public API is privacy/redact.h.
 *
 * vectorscan's types are named by their struct tags here so that <hs.h>
 * is included by the matcher alone. */
#ifndef INTAKE_REDACT_INT_H
#define INTAKE_REDACT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "privacy/normalise.h"
#include "privacy/detect.h"

struct hs_database;
struct hs_scratch;
struct redaction;

/* In redactor.wordkind: the form is a generated spelling that is an
 * ordinary word (redact_form.generated). */
#define WORDKIND_GENERATED 0x10

/* The category of a subject's name (replaced by the subject's pseudonym);
 * terms have an enum term_category. */
#define NAME_CAT (-1)

/* A protected name or term. */
#define KORYO_SYLLABLES 6
struct term {
    int cat;                    /* enum term_category, or NAME_CAT */
    long subject;
    int koryo[KORYO_SYLLABLES]; /* a Koryo-saram name's Korean surname: its Hangul
                                 * syllables (박; 이 and 리; 전 and 정 of Тен), 0-ended; or all 0
                                 * (redact_koryo.c) */
    size_t koryo_given;         /* that name's given name: its norm bytes in the
                                 * redactor's arena at this offset (secret, wiped
                                 * with it), koryo_given_len of them; 0 if none */
    size_t koryo_given_len;
};

/* One literal the matcher looks for: a spelling of a term, as a key
 * (normalise.h) in the redactor's arena. */
struct lit {
    size_t term, keylen;
    unsigned char rule, suffix;
    unsigned char capital;      /* a part of a name: must start with a capital letter */
    unsigned char kind;         /* enum redact_form_kind: FORM_SHORT for a short form
                                 * (FORM_WORD is found out lazily: see word) */
    unsigned char person;       /* a name or person term (handles, digits, initials) */
    unsigned char word;         /* a subject's name in one word of one script: it may
                                 * be an ordinary word too (redact_lit_form) */
    unsigned char father;       /* the father's name in a subject's patronymic: its
                                 * own [PERSON-n], not the subject's pseudonym */
    unsigned char initials;     /* a name's initials as a review flag ("SO", "BD") */
    unsigned char shared;       /* a form of the names of two subjects or more
                                 * (Batka of Batbayar and of Bat-erdene): its own
                                 * [PERSON-n], neither subject's pseudonym
                                 * (redact_matcher.c, mark_shared) */
    unsigned char generated;    /* a spelling the variant rules made, not the term as
                                 * registered nor a part of it (redact.c): where the
                                 * dictionary knows it as a word, it counts only where
                                 * the context marks a name (lit_form) */
    unsigned char spaced;       /* a whole name's case form (variant.spaced): counts only
                                 * where the text writes two words */
    unsigned char yields;       /* a short form whose key another subject's whole name
                                 * also spells (mark_shared): counts only where the text
                                 * writes one word */
};

/* A piece of a person's name for the user names built from it
 * (redact_handles.c): a spelling of one part of the name, or its initials;
 * s is NUL-padded ASCII lower case. */
#define HANDLE_PIECE_MAX 20
struct handle_piece {
    char s[HANDLE_PIECE_MAX];
    uint32_t term;              /* the name's term */
    unsigned char len, part, kind;
    unsigned char ko;           /* of a Korean name (korean_name, redact_handles.c) */
};

struct script_key;
struct zh_name;
struct cjk_part;

struct subject {
    long id;
    char *pseudonym;
};

struct redactor {
    unsigned shares;            /* references beyond the first (redactor_share) */
    struct term *terms;
    size_t nterms, termcap;
    struct lit *lits;
    size_t *keyoff;             /* each literal's key in arena */
    char *arena;                /* wipe-on-free: all literal keys; wiped in redactor_free */
    size_t used, size;
    size_t nlits, litcap;
    struct subject *subjects;
    size_t nsubjects;
    char **allowed;             /* secmem keys */
    size_t nallowed;
    struct hs_database *db;
    struct hs_scratch *scratch;
    uint32_t *plain;            /* without a database (redactor_compile_plain): the
                                 * literal indexes bucketed by their keys' first
                                 * bytes, plain_at[b] the start of bucket b
                                 * (redact_matcher.c) */
    uint32_t *plain_at;
    size_t maxkey;              /* the longest literal key, for the re-scan windows */
    struct handle_piece *pieces;    /* wipe-on-free; sorted by redactor_compile */
    size_t npieces, piececap;
    int compiled;
    struct script_key *skeys;   /* wipe-on-free: each name's keys across scripts
                                 * (redact_scripts_keys.c), sorted when compiled */
    size_t nskeys, skeycap;
    size_t nskel;               /* keys [0, nskel) are skeletons, the rest Hanja */
    int place_hangul;           /* while a place term is added: 1 if its
                                 * names get Hangul keys (no Hangul name in
                                 * the gazetteer; redact_scripts_add_place) */
    int place_uk;               /* while a place term is added: 1 if a name of
                                 * it is Ukrainian (place_uk.h forms) */
    unsigned char *wordkind;    /* per literal with word set: 0 not asked yet,
                                 * else 1 + enum redact_form_kind, plus
                                 * WORDKIND_GENERATED for a generated spelling
                                 * that is an ordinary word (asked of the
                                 * lexicon on first use; a cache, so it is
                                 * written through a const redactor) */
    uint64_t *near;             /* keyed hashes of name words and their deletions,
                                 * sorted (redact_near.c) */
    size_t nnear;
    unsigned char nearkey[16];  /* crypto_shorthash key of near */
    int near_failed;            /* out of memory building near */
    unsigned char split_syl[(0xD7A3 - 0xAC00) / 8 + 1];
                                /* the Hangul syllables of the literals, a bit
                                 * each (built by redact_mask.c, read by
                                 * redact_split.c) */
    uint64_t *masked;           /* the two syllables left when one of a
                                 * three-syllable Hangul literal is masked,
                                 * with the mask's place, sorted
                                 * (redact_mask.c) */
    size_t nmasked;
    uint64_t *mwords;           /* keyed hashes (mkey) of the length, first and
                                 * last letter, and of the length and first
                                 * letter, of each word and hyphen part of a
                                 * name in Latin or Cyrillic, sorted at build
                                 * (redact_mask_words.c) */
    size_t nmwords, capmwords;
    unsigned char mkey[16];     /* crypto_shorthash key of mwords */
    unsigned char mkey_set;
    unsigned char id_parts;     /* an id, other or account term has a spelling of
                                 * six digits or more: parts of it are read
                                 * (redact_idparts.c) */
    unsigned char digit_terms;  /* an id, other or account term has a spelling of
                                 * digits alone: numbers spoken in words are read
                                 * for it (redact_spoken.c) */
    struct zh_name *zh;         /* wipe-on-free: names registered in pinyin
                                 * (redact_hanzi.c) */
    size_t nzh, zhcap;
    struct vi_name *vi;         /* wipe-on-free: Vietnamese names, read in Han
                                 * characters (redact_hanviet.c) */
    size_t nvi, vicap;
    struct cjk_part *cjk;       /* wipe-on-free: name words read in Han or katakana
                                 * beside a title (redact_cjk_titled.c) */
    size_t ncjk, cjkcap;
    struct place_han *ph;       /* wipe-on-free: place names' skeletons read in
                                 * Chinese transcription (redact_place_han.c) */
    size_t nph, phcap;
};

/* ordinary_ko.c: 1 if the Hangul word w[0..len) (bytes) is an ordinary
 * Korean word by hunspell-ko (with data/lexicon's words): a word of its
 * own, a word and particles, a form of a verb; or, unless strict, a word
 * the name lists do not know as a name (유빈, 노도진 are) that it reads
 * only as another word with something glued on (정해져), or that it knows
 * once North Korean spelling, a regional ending, a compound or a verb
 * form is read (docs/VARIANTS.md).  0 also when hunspell-ko is missing. */
int redact_ordinary_ko(const char *w, size_t len, int strict);

/* redact_glued.c: 1 if a registered Hangul name at norm [nstart, nend) with
 * more Hangul glued after it up to wend is a glued-name review flag: the
 * name is written in one word (not across a space into the next: "김영
 * 교수가") and the whole word is no ordinary word (redact_ordinary_ko). */
int redact_ko_open_glued(const struct normtext *t, size_t nstart, size_t nend, size_t wend);

/* redact_glued.c: where the glued-name flag of a Hangul name ending at norm
 * byte nend in a word ending at wend ends: the word's end less the
 * particles after it (영호남의: after 영호남); nend when what follows is
 * no Hangul. */
size_t redact_ko_glued_end(const struct normtext *t, size_t nend, size_t wend);

/* ordinary_ko.c: 1 if hunspell-ko (with data/lexicon's words) knows the
 * Hangul word w[0..len) (bytes) as a stem of its own (하나님: a word, not
 * 하나 + 님), else 0; 0 also when hunspell-ko is missing (the name rule
 * then counts the word as the name: the safe side). */
int redact_ko_own_word(const char *w, size_t len);

/* ordinary_ko.c: 1 if hunspell-ko reads the Hangul word w[0..len) (bytes)
 * so that its first keep bytes are not a word of their own: one of the
 * stems it gives is a longer start of w (겉모양이: 겉모양, not 겉모 and 양
 * "Miss"), or a verb or adjective of two syllables or more (떠받아 of
 * 떠받다, not 떠받 and the vocative 아); a word of address those keep bytes
 * seem to take is then no mark of a person.  Else 0, and 0 when
 * hunspell-ko is missing. */
int redact_ko_word_itself(const char *w, size_t len, size_t keep);

/* ordinary_ko.c: 1 if syl[0..len) (one Hangul syllable, 3 bytes) is one of
 * the Sino-Korean suffixes a compound is read with after a noun (채소류,
 * 배송비), else 0; for the test that no listed name reads so. */
int redact_ko_noun_suffix(const char *syl, size_t len);

/* known_word.c: 1 if the generated Hangul spelling w[0..len) of a place
 * is a Korean word (redact_known_word), answered from the answers given
 * (redact_place_answer_give) when it is among them; an answer asked is
 * kept for redact_place_answers_each. */
int redact_place_known(const char *w, size_t len);

/* known_word.c: 1 if the dictionary of lang (enum lexicon_lang) knows
 * w[0..len) (bytes, norm view) as an ordinary word (a Korean word as
 * redact_ordinary_ko reads it), asked once per word and remembered until
 * redact_words_clear; 0 if not, or if the dictionary is missing. */
int redact_known_word(int lang, const char *w, size_t len);

/* redact_sense.c: 1 if the Cyrillic word w[0..len) (bytes, key or norm
 * view, lower case) is an ordinary word, else 0: one the Mongolian
 * dictionary knows (redact_known_word: Гэрэл, Болд, гэрлийн), unless it
 * is a given name the Russian lists know (data/nicknames: it has short
 * forms there) that hunspell-ru and hunspell-uk do not know as a word
 * (slavic_word): the Mongolian dictionary's verb forms and cases are no
 * word of a Russian text (Дарья, read as a form of дарь: report-adv33
 * L-60, L-61; Роман stays a word).  The one answer for a registered name
 * (lit_form) and a word of the text (redact_sense_as_word). */
int redact_cyrillic_word(const char *w, size_t len);

/* redact_sense.c: 1 if the Cyrillic word at norm [a, b) (b may end
 * inside it: its ending) is a word only the Mongolian dictionary knows
 * (redact_known_word; not slavic_lower_word, the Russian and Ukrainian
 * lists, lower-case section too: дарина, a name of its own;
 * Тань "your", Даш, Оль, дашин, танин, олин) and stands in a sentence
 * whose words say Russian: no letter only Mongolian writes (ө, ү) in it,
 * and of its other Cyrillic words of two letters or more, at least one
 * hunspell-mn does not know and no fewer than it knows (brief s39 ru39,
 * report-adv38 L-23, "Тань, помоги мне.", "Олин телефон пропал.").  Then
 * the word is the name a Russian speaker wrote, not the Mongolian word.
 * At most RU_SENTENCE_SPAN bytes either side are read.  Else 0. */
int redact_mn_word_in_russian(const struct normtext *t, size_t a, size_t b);

/* A question about one word (bytes w[0..len)) whose answer depends on the
 * word alone: 1 or 0, or -1 when it could not be answered (not kept). */
typedef int (*redact_word_ask_fn)(const char *w, size_t len);

/* The kinds of question redact_word_answer keeps apart from the
 * dictionaries' (enum lexicon_lang, below them). */
enum { REDACT_WORD_PLACE = 16, REDACT_WORD_REGION };

/* known_word.c: ask's answer (0 or 1) for w[0..len), asked once per kind
 * and word and remembered beside redact_known_word's answers (the same
 * wipe-on-free memo, cleared by redact_words_clear); 0 when ask fails.
 * For the review flags' questions that read a table per word, asked at
 * every occurrence of the same few thousand words of a text (session 30). */
int redact_word_answer(int kind, const char *w, size_t len, redact_word_ask_fn ask);

/* redact_hits.c: the rules of literal id: its form, with FORM_WORD when it is a
 * subject's name in one word that the dictionary of its script knows as an
 * ordinary word (util/lexicon.h; asked once per literal). */
struct redact_form redact_lit_form(const struct redactor *r, size_t id);

/* redact_lit_form without asking the dictionary: a name in one word that
 * no text has shown yet (none of the redactor's scans matched it) has
 * FORM_REPLACE, the strictest rule (redactor_each_form). */
struct redact_form redact_lit_form_seen(const struct redactor *r, size_t id);

/* Categories after the seven of enum term_category: the detectors' (in the
 * order of enum detect_kind: DETECT_NKINDS of them), manual marks, pseudonyms, and
 * escapes (a '[' of the input that opens a placeholder's shape, written
 * as \[); the names are cat_names in redact_replace.c. */
enum { CAT_DETECT = 7 /* TERM_ACCOUNT + 1 */, CAT_MANUAL = CAT_DETECT + DETECT_NKINDS, CAT_PSEUDONYM, CAT_ESCAPE, CAT_COUNT };

struct ctx_entry;

struct redact_ctx {
    struct ctx_entry *e;
    size_t n, cap;
    size_t *slot;               /* open addressing: entry index + 1, or 0 */
    size_t nslots;              /* a power of two, at least 2 * cap */
    int count[CAT_COUNT];       /* entries per category: the next number */
    struct hs_scratch *scratch; /* matching scratch, cloned once for owner */
    const struct redactor *owner;
    char *arena;                /* wipe-on-free: the keys (normalised originals) */
    size_t used, size;
};

/* A span to replace: found in the norm view; redact_merge turns its
 * offsets into the input's, redact_build_output into the output's. */
struct span {
    size_t start, end;          /* bytes */
    int cat;                    /* index into cat_names (redact_replace.c) */
    int rule;                   /* index into rule_names (redact_replace.c) */
    long subject;               /* for names */
    size_t term;                /* numbering key: term index, or SIZE_MAX */
    unsigned char word;         /* a name that is also a word, replaced for its context */
    unsigned char review;       /* a review flag the hit rules make of any form (a
                                 * space inside, a continuation no table parses) */
    unsigned char glued;        /* a registered name or term glued to other letters
                                 * or digits (redact_hits.c): flagged "glued-name",
                                 * which allow refuses */
};

/* Rules after the three of enum variant_rule. */
enum { R_PATTERN = 3, R_MANUAL = 4, R_ESCAPE = 5 };

/* A growing array of spans; failed is set when a span could not be added. */
struct spans {
    struct span *s;
    size_t n, cap;
    int failed;
};

/* What the matcher's callback works on: accepted hits go to out, hits
 * refused at a word boundary to pending (kept only when it is not NULL).
 * A pending hit's review is PENDING_BESIDE_ONLY for one that only
 * redact_beside_lower may take: a short form's, or one the context rules
 * refused where it stands; redact_retry_pending leaves those. */
#define PENDING_BESIDE_ONLY 2
struct scan_state {
    const struct redactor *r;
    const struct normtext *t;
    struct spans *out;
    struct spans *pending;
    struct spans *flags;        /* hits of short forms (NULL: ignored) */
};

/* The registered subject with this id, or NULL. */
static inline struct subject *redact_find_subject(const struct redactor *r, long id)
{
    size_t i;

    for (i = 0; i < r->nsubjects; i++)
        if (r->subjects[i].id == id)
            return &r->subjects[i];
    return NULL;
}

/* The code point ending just before s[at] (bytes of valid UTF-8); -1 at
 * the start. */
static inline int redact_cp_before(const char *s, size_t at)
{
    size_t i = at;
    int cp;

    if (at == 0)
        return -1;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return utf8_next(&cp, s + i, at - i) > 0 ? cp : -1;
}

/* redact_matcher.c: makes vectorscan allocate with the wipe-on-free
 * allocator (crypto/secmem.h), since its databases and scratch hold
 * protected literals; 0, or -1 with e filled. */
int redact_matcher_init(struct err *e);

/* redact_matcher.c: frees a database and a scratch (each may be NULL). */
void redact_matcher_free(struct hs_database *db, struct hs_scratch *scratch);

/* redact_matcher.c: 1 if the compiled r has literals to match (a
 * vectorscan database or the plain index of redactor_compile_plain), 0 if
 * it protects none. */
int redact_can_match(const struct redactor *r);

/* redact_matcher.c: matches r's literals over t's key view, handing each
 * hit to redact_on_match: accepted hits go to out, refused ones to pending
 * (if not NULL), accepted short forms to flags (if not NULL).  Scratch comes from ctx (cloned once per context and
 * redactor) or, with ctx NULL, is cloned for this call.  Returns 0, or -1
 * with e filled (out of memory, a text over 4 GiB, a vectorscan error). */
int redact_match_terms(struct spans *out, struct spans *pending, struct spans *flags,
                       const struct redactor *r, const struct normtext *t,
                       struct redact_ctx *ctx, struct err *e);

/* redact_hits.c: appends *s to sp; 0, or -1 (out of memory: sp->failed set). */
int redact_span_add(struct spans *sp, const struct span *s);

/* redact_hits.c: the matcher's callback (vectorscan's match_event_handler)
 * over the key view: a hit of literal id ending at key byte to is checked
 * against the hit rules (redact_form_hit) and goes to the scan_state
 * arg's out, pending or flags spans (a flag's cat: FLAG_SHORT_NAME or
 * FLAG_NAME_OR_WORD).  Returns 0 to go on, 1 to stop (out of
 * memory: the spans' failed is set). */
int redact_on_match(unsigned int id, unsigned long long from, unsigned long long to,
                    unsigned int flags, void *arg);

/* redact_matcher.c, for tests only (tests/unit/privacy/test_leaks_names.c,
 * INTAKE_TEST_HIT_ORDER): the order the matcher's hits are put in before
 * they are sorted into the canonical order: mode 0 as found, 1 reversed,
 * 2 shuffled from seed; mode 3 reorders the hits of each end after the
 * sort (an order a matcher without it could give), to show the answers
 * would differ.  Not for concurrent
 * use (a static setting); the program never calls it. */
void redact_test_hit_order(int mode, unsigned seed);

/* redact_matcher.c: scans buf[0..n) (digits read from words, not the
 * text's key view) with the literal matcher; fn(arg, lit, end) for each
 * hit of literal lit ending at byte end of buf (0 to go on, 1 to stop).
 * ctx: the numbering context whose scratch is used (NULL: one of its
 * own).  Returns 0, or -1 when out of memory or the scan failed. */
int redact_match_buf(const struct redactor *r, struct redact_ctx *ctx, const char *buf, size_t n,
                     int (*fn)(void *arg, size_t lit, size_t end), void *arg);

/* redact_numbered.c: what redact_number_forms hands each key to (a
 * secmem string, freed after the call): 0, or -1 to stop. */
typedef int (*redact_key_fn)(void *ctx, const char *key, size_t keylen);

/* redact_numbered.c: the keys of the other ways a term ending in a word
 * and a number of one to four digits (text[0..len), as typed) is
 * written: "No. 7", "No 7", "#7", "No7", "number 7", "Nr. 7", glued ("Camp7")
 * and, up to 20, the English
 * number word ("seven"), each handed to fn.  0 (also when the term ends
 * in no such number), or -1 when out of memory or fn stopped. */
int redact_number_forms(const char *text, size_t len, redact_key_fn fn, void *ctx);

/* redact_numbered.c: hands the key (normalise_key) of buf[0..n) to fn:
 * 0, or -1 when out of memory or fn stopped. */
int redact_key_emit(const char *buf, size_t n, redact_key_fn fn, void *ctx);

/* redact_register.c: the keys of a register number's term (letters, maybe
 * a separator, six digits or more: "УБ75031412", "UB 75031412") with its
 * letters spelt in the other script (Cyrillic or Latin), each handed to
 * fn.  0 (also when the term is no such number), or -1 when out of
 * memory or fn stopped. */
int redact_register_forms(const char *text, size_t len, redact_key_fn fn, void *ctx);

/* redact_spoken.c: the spans of the registered id, other and account
 * terms of digits alone (r->digit_terms) that text spells in number
 * words ("eight eight one two", "오오일이", "다섯다섯하나둘", "五五一二":
 * detect_spoken_reading) into out, in norm offsets: the words of the
 * whole run are the span, unless a pattern detector's span (in out
 * already) lies over it.  0, or -1 when out of memory (out->failed
 * set) or the scan failed. */
/* redact_idparts.c: appends to out (norm offsets) each part of a
 * registered number (r->id_parts) that t holds: six written digits or
 * more, or four said in number words, of an id, account or other term's
 * digits in order (report-adv20 R-10), unless a pattern detector's span
 * in out lies over it.  0, or -1 when out of memory (out->failed set). */
int redact_id_parts(struct spans *out, const struct redactor *r, const struct normtext *t);

int redact_spoken_terms(struct spans *out, const struct redactor *r, const struct normtext *t,
                        struct redact_ctx *ctx);

/* redact_lookalike.c: the spans of registered id, account and other
 * terms written with letters that look like digits among their digits
 * ("5ОI2345678" for 5012345678, "УБ75О31412"), in norm offsets, added to
 * out.  0, or -1 when out of memory or the scan failed. */
int redact_lookalike_numbers(struct spans *out, const struct redactor *r, const struct normtext *t,
                             struct redact_ctx *ctx);

/* redact_lookalike.c: the spans of registered id, account and other
 * terms whose code letters are spelt one by one before the number said in
 * words ("U B seven five zero three ..." for УБ75031412), in norm
 * offsets, added to out.  0, or -1 when out of memory or the scan failed. */
int redact_spelt_codes(struct spans *out, const struct redactor *r, const struct normtext *t,
                       struct redact_ctx *ctx);

/* redact_retry.c: accepts the pending hits whose refusing neighbour is
 * replaced by a span of sp (which they join), until none changes.
 * Returns 0, or -1 when out of memory. */
int redact_retry_pending(struct spans *sp, struct spans *pending, struct spans *flags,
                         const struct redactor *r, const struct normtext *t);

/* redact_retry.c: the registered terms' hits in a text read apart from the
 * record's own (a decoded run, a reading across a cut, another code
 * page): redact_match_terms then redact_retry_pending, added to found
 * and flags (t's norm offsets); with names set, also the names' widening
 * (redact_extend_names), a surname near a name (redact_surname_near) and
 * the spans merged.  The three readers share it (redact_encoded.c,
 * redact_split.c, redact_codepage.c).  0, or -1 with e set (out of memory,
 * or the matcher's own error). */
int redact_match_apart(struct spans *found, struct spans *flags, const struct redactor *r,
                       const struct normtext *t, struct redact_ctx *ctx, int names, struct err *e);

/* redact_extend.c: widens the spans of sp that replace a person's name over
 * what still names them beside it (norm offsets): initials before or after
 * ("Б.Алтангэрэл", "K. Jong-su", "Altangerel B.") and a patronymic in the
 * genitive before ("Батбаярын Алтангэрэл"), and a katakana name's long
 * mark after (マギー). */
void redact_extend_names(struct spans *sp, const struct redactor *r, const struct normtext *t);

/* redact_forms.c: where an abbreviated part of the same subject's name
 * written before norm byte p starts ("Bat.Altangerel", "Батб. Алтангэрэл"
 * for Батбаярын Алтангэрэл: a capitalised word of 2 to 6 letters ending
 * where spelling cuts an abbreviation (not after a vowel, ь, ъ or й), then
 * a full stop, its letters, Cyrillic read in Latin, starting a spelling of
 * a part of a name of the subject of term); p if none. */
size_t redact_abbrev_before(const struct redactor *r, size_t term, const struct normtext *t,
                            size_t p);

/* redact_forms.c: the subject's surname, apart from a replaced name of
 * theirs by a possessive, a comma or up to two words in the same clause
 * ("Kim's brother Jong-su", "Kim, Jong-su", "Jong-su, Kim"), is replaced
 * too: a span is appended for it.  Not a surname that starts another full
 * name ("Kim Il-sung").  0, or -1 when out of memory. */
int redact_surname_near(struct spans *sp, const struct redactor *r, const struct normtext *t);

/* redact_forms.c: 1 if the hit at norm bytes [a, b) lies in a dotted
 * abbreviation of a degree, a country or Latin ("B.A.", "M.B.A.", "Ph.D.",
 * "U.S."): initials only where the context marks a name (F39); 2 for
 * those, 1 for letters that spell one of the commonest words ("O.K.",
 * "O.H."), 0 for neither. */
int redact_dotted_abbrev(const struct normtext *t, size_t a, size_t b);

/* redact_forms.c: 1 if a term (not a person's name) of two Hangul
 * syllables or more at norm [nstart, nend) goes on in Hangul to wend past
 * what the particle tables parse, with a noun of place first (역, 앞,
 * 제철소...: 청진역앞에서, 청진제철소에서; not 나선형 for 라선), and
 * hunspell-ko does not read the whole word as an ordinary one (청진기를):
 * the term is replaced, what is glued after it stays. */
int redact_term_glued_ko(const struct normtext *t, const struct redact_form *f, size_t keylen,
                         size_t nstart, size_t nend, size_t wend);

/* redact_retry.c: sorts sp and makes overlapping spans one (their union,
 * with the category and rule of the longest); converts norm offsets to
 * original offsets (bytes of t->orig) first, unless t is NULL (sp holds
 * original offsets already). */
void redact_merge(struct spans *sp, const struct normtext *t);

/* redact_replace.c: replaces the spans of sp (sorted, disjoint, original
 * offsets) in in[0..inlen) (bytes) into res: its text (one sodium_malloc
 * buffer of the exact size, NUL-terminated) and one item per span, with
 * placeholders numbered in ctx.  Each span of sp becomes its output span;
 * orig (2 * sp->n entries, from the caller) gets the input offsets.
 * Returns 0, or -1 with e filled (out of memory, a pseudonym too long);
 * on error the caller frees res with redaction_free. */
int redact_build_output(struct redaction *res, struct spans *sp, const struct redactor *r,
                        struct redact_ctx *ctx, const char *in, size_t inlen,
                        size_t *orig, struct err *e);

/* Review flags found by the matcher and the normaliser rather than by
 * the word shapes of redact_flags.c (the cat of their spans). */
enum { FLAG_SHORT_NAME, FLAG_NAME_OR_WORD, FLAG_MIXED_SCRIPT, FLAG_NEAR_NAME,
       FLAG_TRANSCRIPTION, FLAG_GLUED_NAME, FLAG_ESCAPE_RUN,
       FLAG_UNREAD_SCRIPT, FLAG_SPOKEN_NUMBER, FLAG_ADDRESS, FLAG_HANDLE, FLAG_NUMBER_PARTS,
       FLAG_TITLE_NAME };

/* redact_flags.c: calls fn(ctx, start, end) with the input offsets of
 * each run of escape-looking tokens of the original (escapes.h,
 * escape_run) that the reading layer left undecoded, wholly or in part
 * (its norm view still holds a '\\' or '%'): "escape-run" flags in
 * redact, WARNs in the audit's second opinion.  0, or -1 when fn
 * returned non-zero. */
int redact_escape_runs(const struct normtext *t, int (*fn)(void *ctx, size_t a, size_t b),
                       void *ctx);

/* redact_near.c: the index of a subject's name words of six letters or
 * more for near misses (rebuilt; on out of memory r->near_failed is set
 * and redact_near_names fails).  Called when the redactor is compiled. */
void redact_near_build(struct redactor *r);

/* redact_near.c: 1 if the word w[0..len) (key view, lower case: basic
 * Latin or Cyrillic letters) is one edit from a name word of r's index
 * and is not one itself (the near-name rule, for a word read another
 * way: redact_spelled.c). */
int redact_near_word(const struct redactor *r, const char *w, size_t len);

/* redact_near_place.c: the near index's keyed hash (SipHash,
 * crypto_shorthash with key) of w[0..len) (bytes, at most 2 * NEAR_MAX)
 * with [skip, skip_end) left out; bit 0 set for a deletion, bit 1 for a
 * deletion of the first letter (redact_near.c: near_word). */
#define NEAR_MAX 32                 /* letters looked at, at most */
uint64_t redact_near_hash(const unsigned char key[16], const char *w, size_t len, size_t skip,
                          size_t skip_end);

/* redact_near_place.c: qsort order of the index's hashes (uint64_t). */
int redact_near_cmp(const void *a, const void *b);

/* redact_near_place.c: 1 if hash h is in r's near index. */
int redact_near_in(const struct redactor *r, uint64_t h);

/* redact_near_place.c: 1 if the keyed hash of p[0..len) (bytes, at most
 * 64) is in r's near index (a name word, or a pattern of
 * redact_near_place.c). */
int redact_near_has(const struct redactor *r, const void *p, size_t len);

/* redact_near_place.c: calls fn with each pattern (bytes, valid during the
 * call) of literal l (key its key) that the near index holds for a
 * place's near misses (report-adv24 A-16): a Hangul name of two to four
 * syllables as itself and with each jamo left open, a Latin name of six
 * letters or more (not a generated spelling) as its consonants.  Returns
 * 0 or fn's non-zero value. */
int redact_near_place_patterns(const struct redactor *r, const struct lit *l, const char *key,
                               int (*fn)(void *ctx, const unsigned char *p, size_t n), void *ctx);

/* redact_near_place.c: 1 if the Latin word w[0..len) (key view, a-z) has
 * the consonants of a place's Latin name of the index (Springfld for
 * Springfield: vowels dropped or changed). */
int redact_near_place_latin(const struct redactor *r, const char *w, size_t len);

/* redact_near_place.c: appends to flags (input offsets, FLAG_NEAR_NAME)
 * each Hangul word of t one jamo from a place's Hangul name of two to four
 * syllables, with a particle of place or person after it (청짐에서 for
 * 청진), not the name itself nor an ordinary word: the name part.  Returns
 * 0, or -1 if out of memory. */
int redact_near_places_ko(struct spans *flags, const struct redactor *r, const struct normtext *t);

/* redact_number_parts.c (brief s26 num26): appends to flags (input
 * offsets, FLAG_NUMBER_PARTS) each group of digit runs near each other
 * that are, in order, parts of one registered number ("He said 9911.
 * Then 2233."); -1 when out of memory. */
int redact_number_parts(struct spans *flags, const struct redactor *r, const struct normtext *t);
/* redact_near.c: appends to flags (input offsets, cat FLAG_NEAR_NAME) each
 * word of t one edit from a subject's name word of six letters or more
 * that is not an ordinary word (Whitfeld for Whitfield).  Returns 0, or
 * -1 if out of memory. */
int redact_near_names(struct spans *flags, const struct redactor *r, const struct normtext *t);

/* redact_flags.c: adds to res the review flags of the input in[0..inlen)
 * (bytes), located in res->text; sp holds the replacements as output spans
 * and orig their input offsets (two per span): a flag on replaced text is
 * dropped.  extra holds flags already found (input offsets, sorted by
 * start, cat one of the FLAG_ kinds).  Returns 0, or -1 with e filled (out
 * of memory). */
int redact_find_flags(struct redaction *res, const struct redactor *r, const char *in,
                      size_t inlen, const size_t *orig, const struct spans *sp,
                      const struct spans *extra, struct err *e);

/* redact_rescan.c: re-scans res, built from the input whose views are t
 * (sp: the output spans, orig: their input offsets, as redact_build_output
 * left them), in windows around the replacements or whole.  A protected
 * literal the redactor replaces found outside a placeholder fails the run
 * (EXIT_AUTH: a pseudonym completing a name).  What the output shows that
 * the input did not is appended to more, in input offsets, to be replaced
 * too: pattern detections that reach outside the replacements (a date
 * nearer a birth word once a long term is a placeholder), and names that
 * are also words whose context the replacements made a name's.  Review
 * flags the output shows that the input did not (a name that is also a
 * word given a boundary by a replacement) are appended to flags (input
 * offsets, cat a FLAG_ kind; one not already there), unless flags is
 * NULL.  Returns 0, or -1 with e filled (EXIT_AUTH as above, EXIT_INPUT
 * when out of memory). */
int redact_check_output(struct spans *more, struct spans *flags, const struct redactor *r,
                        struct redact_ctx *ctx, const struct normtext *t,
                        const struct redaction *res, const struct spans *sp,
                        const size_t *orig, struct err *e);

/* redact_handles.c: adds the pieces of the person's name name[0..len)
 * (bytes, as typed) as term r->nterms: each part's spellings and
 * initials.  Returns 0, or -1 when out of memory. */
int redact_handle_pieces_add(struct redactor *r, const char *name, size_t len);

/* redact_mask.c: the index of three-syllable Hangul names (out of memory:
 * an empty index), the bit set of the literals' Hangul syllables
 * (split_syl, for redact_split.c), and the masked words' index sorted
 * (redact_mask_words_finish); called when the pieces are sorted. */
void redact_mask_build(struct redactor *r);

/* redact_mask.c: appends to flags (input offsets, FLAG_NEAR_NAME) each
 * Hangul surname, mask and syllable of t (김○호, 김*호, 김X호) whose first
 * and last syllables are those of a protected name of three, and the
 * masked Latin and Cyrillic words of redact_masked_words; 0, or -1 out
 * of memory. */
int redact_masked_names(struct spans *flags, const struct redactor *r, const struct normtext *t);

/* redact_mask_words.c: adds to r's index of masked words (mwords) each
 * word and hyphen part of the name text[0..len) (bytes) in Latin or
 * Cyrillic letters, as keyed hashes of its length in characters and its
 * first and last letters (the name itself is not kept).  0, or -1 out of
 * memory. */
int redact_mask_words_add(struct redactor *r, const char *text, size_t len);

/* redact_mask_words.c: sorts the index (called when the pieces are). */
void redact_mask_words_finish(struct redactor *r);

/* redact_mask_words.c: appends to flags (input offsets, FLAG_NEAR_NAME)
 * each word of t in Latin or Cyrillic made of a letter and a mask
 * (J***-su, Н*****я, J------: brief s24 ko24) whose length, first letter
 * and last letter, if one is written, are those of a word of a protected
 * name; 0, or -1 out of memory. */
int redact_masked_words(struct spans *flags, const struct redactor *r, const struct normtext *t);

/* redact_numbers.c (norm offsets in sp): a pattern detection whose
 * digits, written or said, are an id, account or other term's takes the
 * term's category and placeholder number (one number, one placeholder). */
void redact_adopt_terms(struct spans *sp, const struct redactor *r, const struct normtext *t);

/* redact_numbers.c: appends to sp (norm offsets) each registered code said
 * with its letter as a word ("em one two three ..." for M123...).  0, or
 * -1 when out of memory. */
int redact_letter_terms(struct spans *sp, const struct redactor *r, const struct normtext *t);

/* redact_numbers.c: moves the start of each number span of sp (norm
 * offsets) back over a group of number words right before it ("칠칠이
 * 사사일 구구팔칠육": one number). */
void redact_join_spoken(struct spans *sp, const struct normtext *t);

/* redact_numbers.c: appends to flags (input offsets, FLAG_SPOKEN_NUMBER)
 * each run of number words of 7 digits or more; the output drops those a
 * replacement covers.  0, or -1 when out of memory. */
int redact_spoken_runs(struct spans *flags, const struct normtext *t);

/* redact_unread.c: appends to flags (input offsets, FLAG_UNREAD_SCRIPT)
 * each run of two letters or more of a script the engine has no reading
 * for (Arabic, Hebrew, Thai, Devanagari, Georgian, ...: كيم يونغ هو),
 * words joined by spaces in one run, when r protects a person's name: a
 * name in such a script cannot be recognised, so a person must look.
 * 0, or -1 out of memory. */
int redact_unread_scripts(struct spans *flags, const struct redactor *r, const struct normtext *t);

/* redact_unread.c (brief s39 script39, report-adv38): appends to sp (norm
 * offsets) each word of a script script_read.h reads whose reading is a
 * person form of r (script_reading_is: ნინო, นีโน, شرما, Τσετσεγκμάα),
 * as that form's subject's (redact_read_file: replaced, or a review flag
 * where the form is one); a word of Greek or Armenian only written with a
 * capital.  Words that only resemble a form stay the review flag of
 * redact_unread_scripts.  0, or -1 out of memory. */
int redact_script_names(struct spans *sp, struct spans *flags, const struct redactor *r,
                        const struct normtext *t);

/* ---- redact_unread_latin.c: the Latin and Cyrillic spellings of names
 * registered only in Arabic, Persian or Georgian letters (brief s45
 * scr45, report-adv44 P-1, P-10; split from redact_unread.c, brief s49
 * arab49) ---- */

/* Appends to sp (norm offsets) each capitalised Latin or Cyrillic word
 * of t that reads as a person word of r registered in Arabic, Persian or
 * Georgian letters (script_reading.h; as written, as a short form from
 * the name lists or of عبد + a name of God, respelt: Tajik о, Turkish c,
 * French dj and -e; as a compound with الله; less a Georgian nominative
 * -i or a Russian or Ukrainian case ending), by the strict rule replaced,
 * by the near rule a review flag into flags (FLAG_TRANSCRIPTION) unless
 * beside a replaced word of its subject.  redact_script_names calls it.
 * 0, or -1 out of memory. */
int redact_latin_names(struct spans *sp, struct spans *flags, const struct redactor *r,
                       const struct normtext *t);

/* redact_unread_pair.c: a name registered in Arabic letters, met in a
 * Latin or Cyrillic text by both its words side by side, compared by
 * their consonant classes (Youssef Khayat, Zeynep Osman, Зайнаб Усмон),
 * or as a family's plural (Хайяты) or with the familiar -jon (Юсуфҷон):
 * replaced into sp.  0, or -1 out of memory. */
int redact_latin_pairs(struct spans *sp, const struct redactor *r, const struct normtext *t);

/* redact_sense_epithet.c (norm offsets [a, b) of t; no memory kept):
 * 1 if the word is a month's name that is also a given name (Kasım,
 * Ramadan, Recep, Bahman) beside a number or a word for "month"; 1 if
 * the word at a, a name of God, has no عبد (Abd, Abdul, Абдул, maybe
 * an article between) before it; 1 if the word is a prophet's epithet
 * compounded with God after his name (Ibrahim Khalilullah). */
int redact_sense_month(const struct normtext *t, size_t a, size_t b);
int redact_sense_god_name(const struct normtext *t, size_t a);
int redact_sense_epithet(const struct normtext *t, size_t a, size_t b);

/* Appends to sp t->norm[start..end) (norm offsets) as literal lit's
 * subject's replacement: the pseudonym, or a [PERSON-n] for a father's or
 * shared form, as redact_read_file does for a replaced form.  0, or -1
 * out of memory. */
int redact_unread_replace(struct spans *sp, const struct redactor *r, size_t lit, size_t start,
                          size_t end);

/* Appends to flags (nothing when NULL) t->norm[start..end) as a review
 * flag (FLAG_TRANSCRIPTION) of literal lit's subject, as redact_read_file
 * does for a form that is not replaced.  0, or -1 out of memory. */
int redact_unread_flag(struct spans *flags, const struct redactor *r, size_t lit, size_t start,
                       size_t end);

/* redact_split.c: the names of t's input found in its joined reading
 * (quotes, brackets and emphasis marks read as nothing, stops between
 * words as spaces, line-end hyphens and line breaks inside Hangul words
 * as nothing: docs/VARIANTS.md) across a place the reading changed, added
 * to sp (input offsets, merged again).  Returns 0, or -1 with e filled
 * (out of memory, a matcher error). */
int redact_split_names(struct spans *sp, const struct redactor *r, const struct normtext *t,
                       struct redact_ctx *ctx, struct err *e);

/* redact_codepage.c: the names of t's input found where a run of byte
 * escapes that reads differently in the candidate code pages
 * (codepage_run_ambiguous: %C1%EE%EB%E4 is Болд in Windows-1251, Hangul
 * in CP949) is read in each of them (Windows-1251, KOI8-R, CP866, GBK,
 * Big5, Shift_JIS), added to sp (input offsets, merged again).  Returns
 * 0, or -1 with e filled (out of memory, a matcher error). */
int redact_codepage_names(struct spans *sp, const struct redactor *r, const struct normtext *t,
                          struct redact_ctx *ctx, struct err *e);

/* redact_admin.c: 1 if rest[0..len) (norm bytes) is a Mongolian
 * administrative word glued after a place term (sum, сум, aimag, аймаг,
 * hot, хот and their genitives: "Khovdsum", "Ховдсумын"). */
int redact_admin_suffix(const char *rest, size_t len);

/* redact_admin.c: for a hit norm[nstart..nend) of a term that is no
 * person's name, ending in Hangul, whose word goes on to wend (norm
 * bytes) with an office, resident or station noun and maybe a particle
 * ("강남구청에", "강남구민이", "서초구청역"; brief s24 place24): 1 (the
 * place part is replaced, the noun kept), 2 (a review flag: the place is
 * two syllables or fewer and the dictionary knows the compound), else 0. */
int redact_admin_office(const struct normtext *t, size_t nstart, size_t nend, size_t wend);

/* place_ko_tail.c: 1 if a hit norm[nstart..nend) of a term that is no
 * person's name, ending in two Hangul syllables or more, goes on in its
 * word to wend with a chain of office nouns (maybe after 시 도 군 구, then
 * maybe a particle: 청진시당위원회에서, 청진시인민병원에) or with a
 * particle and a verb glued on (청진으로향했다), and hunspell-ko does not
 * read the whole word as an ordinary one: the place part is replaced, the
 * rest stays (brief s26 place26, report-adv25b C-3); else 0. */
int redact_place_ko_tail(const struct normtext *t, size_t nstart, size_t nend, size_t wend);

/* term_forms.c: 1 if v, a generated spelling of a term that is no
 * person's name whose key termkey[0..tlen) is Latin and ends in i, reads
 * that i as a soft sign written nothing ("ahmad" of Ahmadi: a man's name,
 * report-adv25a B-22): the caller leaves it out (brief s26 place26). */
struct variant;
int redact_term_drop_variant(const char *termkey, size_t tlen, const struct variant *v);

/* term_forms.c: receives one form of a term, form[0..len) (UTF-8, valid
 * during the call): flag 0 a form replaced with all its spellings, 1 a
 * review flag written in capitals.  0 to go on. */
typedef int (*term_form_fn)(void *ctx, const char *form, size_t len, int flag);

/* term_forms.c: calls fn with the other forms of the term text[0..len)
 * (UTF-8 bytes, as registered) that is no person's name (brief s26
 * place26, report-adv25a B-21, B-30): for an employer or other term, its
 * words without the generic ones (Construction, Co., Syarikat, Sdn Bhd,
 * Camp, Kem, 건설, 캠프...; a hand table) when two words or one of five
 * letters or more are left ("Gulf Star", "Bina Jaya", "Mutlaa"), or one
 * shorter word with the article before it ("Al Noor" of Al Noor General
 * Trading: brief s27 place27, report-adv26a D-12); the
 * initials of its Latin words in capitals, for a term of three words or
 * more or a place (pass place 1) of two or more (GSC, SBJ, KK, JB), as a
 * review flag; for an employer's or organisation's term (pass org 1)
 * only, the acronym of its romanised Korean syllables (NGC) and its
 * Korean words in Cyrillic (Намганг: brief s53 over53; asked of every
 * term they made a store's matcher 5.7 times larger: 391,607 literals
 * for bench/redact.sh's 1,000 terms against 69,080).  Returns 0 or fn's
 * non-zero value; owns no memory. */
int term_other_forms(const char *text, size_t len, int place, int org, term_form_fn fn, void *ctx);

/* redact_admin.c: 1 if the hit norm[nstart..nend) of form f (keylen key
 * bytes), a term that is no person's name of two Hangul syllables or
 * four Latin/Cyrillic key bytes, ends a word that begins with a province,
 * a province's abbreviation or a Mongolian aimag glued before it
 * ("함북회령", "평북신의주", "양강도혜산"); *wstart gets the word's start
 * (norm bytes), so the whole word goes. */
int redact_admin_prefix(size_t *wstart, const struct normtext *t, const struct redact_form *f,
                        size_t keylen, size_t nstart, size_t nend);

/* redact_cells.c: each span of sp (input offsets, sorted, merged) of a
 * protected term or a name that holds a cell delimiter of in
 * (normalise_cell_delim: a tab, a table's comma or semicolon)
 * becomes one span per piece between them (the delimiters and the spaces
 * next to them kept), so a table's rows keep their cells.  Returns 0, or
 * -1 out of memory (sp unchanged). */
int redact_split_cells(struct spans *sp, const char *in, size_t inlen);

/* redact_handles.c: sorts the pieces and builds the index of near misses
 * (redact_near_build); called when the redactor is compiled. */
void redact_handle_pieces_finish(struct redactor *r);

/* redact_handles.c: adds to sp (norm offsets, category handle) each user
 * name of t made of the pieces of one name ("kimjs75", "@bdorj",
 * "jongsoo.kim"), '@' included, and each plain word of letters made of
 * two of a name's parts cut short ("dashapetr", "петрдаша").  Returns 0,
 * or -1 when out of memory. */
int redact_find_handles(struct spans *sp, const struct redactor *r, const struct normtext *t);

/* redact_handles.c: if a user-name shaped token starts at norm byte at
 * (after no token byte): its length, with its end in *end and *strong set
 * when it holds a digit or '_' or follows '@' (else letters joined by
 * '.'); 0 if none. */
size_t redact_handle_shape(const char *s, size_t len, size_t at, size_t *end, int *strong);

/* redact_scripts_keys.c: adds the keys across scripts of the person's name
 * name[0..len) (bytes, as typed) as term r->nterms (transcribe.h): the
 * consonant skeleton of the name and of each run of its words, and for a
 * name in Hangul the syllables whose Hanja's pinyin is looked for.
 * Returns 0, or -1 when out of memory. */
int redact_scripts_add(struct redactor *r, const char *name, size_t len);

/* redact_scripts_keys.c: adds the vowel key (transcribe_vowel_key) of a short
 * form of a person's Mongolian name, form[0..len) (a variant's key, as
 * variants_mn.c generates it: Батаа, Алтаа, Баяраа), as term r->nterms,
 * when the form is Cyrillic and of two or three consonant classes: read
 * in one Hangul word of two syllables or more (바타, 알타가) it is that
 * short form (report-adv19a N-10).  0, or -1 when out of memory. */
int redact_scripts_add_short(struct redactor *r, const char *form, size_t len);

/* redact_scripts_keys.c: adds the loose vowel key (SK_CJK) of a listed
 * short form of a given name, form[0..len) (a variant's key, bytes:
 * Даша of Дарья, Саша of Олександр; data/nicknames/ru.txt, slavic.txt),
 * as term r->nterms, when the form is one word of Latin or Cyrillic
 * letters: a Chinese or Japanese transcription of it (达莎, ダーシャ) in a
 * text is that person (brief s31 cjk31, report-adv30 L-3); a Cyrillic
 * form in -а or -я its katakana key too (SK_CJK_KANA, brief s32
 * cjk32).  0, or -1 when out of memory. */
int redact_scripts_add_cjk_short(struct redactor *r, const char *form, size_t len);

/* Keys a place term's name[0..len) (UTF-8, Latin or Cyrillic; as
 * registered or another name of the place from the gazetteer) as read in
 * the traditional Mongolian script only (report-adv16a A-23: ᠬᠥᠪᠰᠭᠥᠯ for
 * Хөвсгөл): its consonant skeleton (transcribe.h), as written and as the
 * classical spelling drops a g between vowels; and, where
 * r->place_hangul is set (the gazetteer knows no Hangul name of the
 * place), as Korean hears a Mongolian or Russian name (report-adv21 A-13:
 * 바양주르흐 for Bayanzurkh).  For term r->nterms.  A
 * name with Hangul or Han gets none (the gazetteer's names in those
 * scripts are literals).  0, or -1 when out of memory. */
int redact_scripts_add_place(struct redactor *r, const char *name, size_t len);

/* redact_scripts_keys.c: sorts the keys; called when the redactor is compiled. */
void redact_scripts_finish(struct redactor *r);

/* redact_scripts.c: adds to sp (norm offsets) each window of one to three
 * words of t in one script whose consonant skeleton is a name's of at
 * least five classes (a Latin or Cyrillic word capitalised, a word the
 * dictionary knows a review flag only), and each run of capitalised Latin
 * words that is the pinyin of a Korean name's Hanja; to flags (cat
 * FLAG_TRANSCRIPTION) the windows whose skeleton is a name's of four
 * classes, and the pinyin of a given name alone.  docs/VARIANTS.md, "Other
 * scripts and transcriptions".  Returns 0, or -1 when out of memory. */
int redact_find_scripts(struct spans *sp, struct spans *flags, const struct redactor *r,
                        const struct normtext *t);

/* redact_readthrough.c (brief s18): appends to sp (norm offsets) the
 * words in Greek or Armenian letters, Braille, Korean keyboard keys
 * typed in Latin mode (rlawhdtn) or Hangul with the chat laugh folded in
 * (종숰ㅋ) whose reading is a literal of r (redact_match_buf); a short form
 * or a word to flags (FLAG_TRANSCRIPTION), and a Braille word with no
 * reading there too (FLAG_UNREAD_SCRIPT) where a person is protected.
 * Readings and sources: docs/VARIANTS.md, "Writings read through (brief
 * s18)".  Returns 0, or -1 when out of memory. */
int redact_read_through(struct spans *sp, struct spans *flags, const struct redactor *r,
                        struct redact_ctx *ctx, const struct normtext *t);

/* redact_readthrough.c: the reading of s[0..len) (bytes, UTF-8, lower
 * case: a key) when it is one word of Greek letters or of Armenian ones,
 * into out[0..cap) (lower-case ASCII Latin, not NUL-ended): the readings
 * above (Greek as it sounds; pass 1 reads τζ g and χ kh).  Its length in
 * bytes; 0 if s is no such word or the reading does not fit.  No memory
 * is kept (script_read.c reads pseudonyms with it: brief s38). */
size_t redact_read_letters(char *out, size_t cap, const char *s, size_t len, int pass);

/* redact_readthrough.c: files a hit of literal lit read over the norm
 * bytes [start, end) of a text: to sp as a replacement when the
 * literal's form (redact_lit_form) is replaced, else to flags
 * (FLAG_TRANSCRIPTION, a review flag; nothing when flags is NULL).
 * Returns 0, or -1 when out of memory (the spans' failed set). */
int redact_read_file(struct spans *sp, struct spans *flags, const struct redactor *r, size_t lit,
                     size_t start, size_t end);

/* redact_readthrough.c: 1 if r protects a person (a registered name or a
 * person term), the readers of spelled and read-through forms run only
 * then. */
int redact_protects_person(const struct redactor *r);

/* redact_spelled.c (brief s22 spell22, report-adv21 ): appends
 * to sp (norm offsets) a name spelled letter by letter with any
 * separators ("D, O, R, J", "정-수", "ㄱ ㅣ ㅁ") or by the letters' names
 * (English, NATO/ICAO, Russian, Korean: "double-u aitch", "Whiskey Hotel",
 * "Пэ-е-тэ", "기역"), and a word written in leetspeak ("W1tf13ld",
 * "D()rj", "|<im", "Н@талья"), whose reading is a literal of r
 * (redact_match_buf); short forms and words to flags (redact_read_file).
 * Tables and limits: docs/VARIANTS.md, "Spelled out and leetspeak (brief
 * s22)".  Returns 0, or -1 when out of memory. */
int redact_read_spelled(struct spans *sp, struct spans *flags, const struct redactor *r,
                        struct redact_ctx *ctx, const struct normtext *t);

/* A name in Hangul cut between its syllables by marks or spaces, pieces
 * of any length ("바트-에르데-네가", "바트에르 데네가"; brief s25 ko25):
 * Hangul words joined by one mark are read joined by the text's own
 * matchers and a replacement that starts and ends with the pieces is
 * added to sp (norm bytes of t).  No table.  Returns 0, or -1 when out
 * of memory (redact_hangul_split.c). */
int redact_hangul_split(struct spans *sp, const struct redactor *r, struct redact_ctx *ctx,
                        const struct normtext *t);

/* A name's replacement in Han characters followed at once by characters
 * of the Chinese transliteration alphabet is extended over them (约翰逊:
 * the longest form wins); one that begins a known place (萨拉热窝) is
 * dropped.  sp in norm bytes of t, before redact_merge.  Tables written
 * by hand: redact_cjk_runs.c.  Cannot fail. */
void redact_cjk_runs(struct spans *sp, const struct normtext *t);

/* A full name written with a middle dot between its words (迈克尔·约翰逊,
 * マイケル・ジョンソン, with · U+00B7, ・ U+30FB, ‧ U+2027, ･ U+FF65 or ⸱
 * U+2E31) is one name: two replaced names (not review flags) of one
 * subject on either side of one such dot, nothing else between them,
 * become one span, so one pseudonym replaces the whole (report-adv29c
 * N-2).  sp in norm offsets, before redact_merge.  Cannot fail.
 * redact_cjk_runs.c. */
void redact_cjk_join_dots(struct spans *sp, const struct normtext *t);

/* Spans that will be replaced, for boundary checks: a neighbour that is
 * itself replaced counts as a word boundary, as it will in the output
 * (built by redact_retry.c, read by redact_hits.c). */
struct cover {
    size_t *start, *maxend;     /* sorted by start; running maximum of ends */
    size_t n;
    int last;                   /* 1: the retry's last pass, no detector replaces more */
};

/* redact_hits.c: the number of spans of c that start at or before norm
 * byte pos (a binary search; c's arrays are owned by its builder). */
size_t redact_starting_by(const struct cover *c, size_t pos);

/* redact_hits.c: the hit rules for a hit of a literal of keylen key bytes
 * and rule ending at key byte kend of t, with form f; c (or NULL): spans
 * replaced anyway, which count as word boundaries.  Fills *s (norm
 * offsets) and returns HIT_REPLACE or HIT_FLAG, or HIT_NONE (refused). */
enum redact_hit redact_accept_hit(struct span *s, const struct normtext *t,
                                  const struct redact_form *f, size_t keylen, int rule,
                                  size_t kend, const struct cover *c);

/* redact_hits.c: a hit still refused after redact_retry_pending of a long
 * Latin form glued after ASCII letters and digits ("4BJongsu", "=4BJongsu",
 * "ab4BJongsu"): glued_latin leaves such a word to an ID detector, and none
 * replaced its start, so the whole word is a glued-name review flag, never
 * left silently (session 17).  Fills *s (norm offsets) and returns HIT_FLAG,
 * or HIT_NONE when the hit is not of that shape. */
enum redact_hit redact_glued_alnum(struct span *s, const struct normtext *t,
                                   const struct redact_form *f, size_t keylen, int rule,
                                   size_t kend);

/* redact_hits.c: files an accepted hit *s of literal lit (verdict h): a
 * replacement into out, or a review flag into flags (when not NULL).  0,
 * or 1 when out of memory. */
int redact_file_hit(struct span *s, const struct redactor *r, size_t lit,
                    const struct redact_form *f, enum redact_hit h, const struct normtext *t,
                    struct spans *out, struct spans *flags);

/* redact_wordview.c: 1 if the original character at norm byte n of t is upper
 * case (or folds to one: normalise_is_upper), else 0. */
int redact_upper_at(const struct normtext *t, size_t n);

/* redact_title_word.c: 1 if the word norm bytes [w, end) of t is a form
 * of address that is also a romanised Korean surname ("Pak", "Bu": Malay
 * and Indonesian) and no name of subject subj begins with it: a title
 * kept beside the name, not its surname (report-adv26a D-24). */
int redact_title_word(const struct redactor *r, long subj, const struct normtext *t, size_t w,
                      size_t end);

/* redact_initials.c: 1 if norm bytes [a, b) of t are two or more Latin or
 * Cyrillic capitals standing alone, each but the last followed by a full
 * stop and a space ("D. M"; a letter pair of variants_digraph.c is one:
 * "Yu. G.", brief s45 ini45): a name's initials (report-adv27c H-11). */
int redact_spaced_initials(const struct normtext *t, size_t a, size_t b);

/* redact_initials.c: 1 if norm [a, b) of t is two words alone, one of
 * two or three capitals and the other of two letters or more with only
 * its first a capital, in either order ("KH Ro", "Ro KH": a Korean given
 * name's initials beside a short surname, report-adv51 L-1, brief s52
 * ko52).  Latin and Cyrillic letters only; no allocation. */
int redact_capitals_beside(const struct normtext *t, size_t a, size_t b);

/* 1 if norm [a, b) of t (the last full stop may lie at b) is two or three
 * letters alone each with its full stop, one case throughout ("O.H.",
 * "s.i.p.", "J.-P."; a letter pair is one: "дж.п.", "o.ts."), written
 * small and no listed abbreviation, interjection ("о.к."), run of
 * abbreviations ("н.а. стр. 5") nor knockout (brief s45 ini45: wherever
 * they stand), or standing where the context marks a person: after
 * a word of signing, giving or meeting (by, met, подписал: redact_initials.c
 * initials_before), a title, a label and its colon ("Подпись:"), or before
 * a verb of a person (came, пришла).  Initials alone so marked are the
 * subject's even where their letters spell a common word or an
 * abbreviation (o.h., report-adv38 L-48) or are written small (о.г.,
 * L-56).  No allocation. */
int redact_initials_marked(const struct normtext *t, size_t a, size_t b);

/* 1 if norm [a, b) is capitals alone with full stops and a dash after
 * one ("J.-P.", "Ж.-П."): the initials of a hyphenated given name, a shape
 * no abbreviation has (report-adv38 L-50). */
int redact_hyphen_initials_at(const struct normtext *t, size_t a, size_t b);

/* redact_initials.c: 1 if the two initials alone at norm [a, b) of t (a
 * FORM_CONTEXT form of no name word: JS, K.J. of Kim Jong-su) stand where
 * the context marks a person: capitals with a title before them or a verb
 * of a person after them, or marked as redact_initials_marked says.  No
 * allocation. */
int redact_initials_context(const struct normtext *t, size_t a, size_t b);

/* redact_initials.c (brief s43 ini43): 1 if the initials at norm [a, b)
 * of t (dotted or bare, as redact_initials_marked reads them) are another
 * thing's: a knockout (a word of a bout in the clause: "K.O. в первом
 * раунде", "won by KO in round two"), or dotted capitals before a
 * capitalised word that is no common word ("J.P. Morgan", "H.G. Wells":
 * another person's or a firm's surname).  A review flag at most. */
int redact_initials_other(const struct normtext *t, size_t a, size_t b);

/* redact_initials.c (brief s44 ini44): 1 if the dotted capitals at norm
 * [a, b) of t (the last full stop may lie at b) stand before a
 * capitalised word of five characters or more whose first five are those
 * of a name word of lit's subject ("Н.П. Коваль" of Nikita Pavlovich
 * Kovalev, Ковалев: report-adv37's guard, replaced since session 39): a
 * form of the subject's own surname, not another person's ("J.P.
 * Morgan", redact_initials_other), so the initials are replaced.  Reads
 * r's literals; no allocation. */
int redact_initials_own_surname(const struct redactor *r, size_t lit, const struct normtext *t,
                                size_t a, size_t b);

/* redact_spaced.c (brief s43 ini43): two or three Cyrillic letters each
 * alone with its full stop and a space after one of them ("к. о.", "О. И.",
 * "в. л."), which the key view does not join (it keeps a full stop before
 * a space), read as the key of the letters ("ко") and filed as a hit of
 * the person's literal of that key (redact_file_hit: replaced where
 * redact_initials_marked marks a person, else a review flag), into sp or
 * flags (norm offsets).  0, or -1 out of memory. */
int redact_spaced_cyrillic(struct spans *sp, struct spans *flags, const struct redactor *r,
                           const struct normtext *t);

/* redact_wordview.c: the words around a hit, shared by redact_context.c and
 * redact_initials.c.  1 if norm bytes [a, b) of t are one of tab[0..n)
 * (with Korean or Mongolian particles after it when endings is set). */
int redact_word_is(const struct normtext *t, size_t a, size_t b, const char *const *tab, size_t n,
                   int endings);
/* The word ending before norm byte p over one space, [*a, *b); the word
 * starting after norm byte p over one space: 0 if none. */
int redact_word_before(size_t *a, size_t *b, const struct normtext *t, size_t p);
int redact_word_after(size_t *a, size_t *b, const struct normtext *t, size_t p);
/* 1 if norm [a, b) of t is a title written before a name (mr, товарищ),
 * a verb that follows a person (said, пришла: verbs_after), or one of
 * those verbs any noun is the subject of (was, был: copulas_after). */
int redact_is_title(const struct normtext *t, size_t a, size_t b);
int redact_is_verb_after(const struct normtext *t, size_t a, size_t b);
int redact_is_copula(const struct normtext *t, size_t a, size_t b);

/* redact_initials.c: where the initials of subject written from norm byte
 * q, reading no further than lim, end (report-adv36b L-3, L-17, L-18:
 * "NP", "N P", "Н.-П.", "N. P.", "B"): one to three capitals, each a letter of the subject's initials'
 * literals (the first letter of a spelling of a word of its names), each
 * with or without a full stop, split by a space, a dash or nothing; no
 * letter right after the last.  Sets *count to the capitals read; returns
 * (size_t)-1 (and *count 0) if none. */
size_t redact_own_initials_at(const struct redactor *r, long subject, const struct normtext *t,
                              size_t q, size_t lim, int *count);

/* redact_initials.c: end - 1 if the span [a, end) of t (norm offsets)
 * ends in an initial's full stop that is also the sentence's: initials (a
 * letter standing alone, or two or three capitals written as one word:
 * "Н.П.", "БР"), their full stop, then the text's or the line's end or a
 * word with a capital ("Коваленко Н.П. Потім", "дав Романенко БР." at the
 * end: report-adv37 O-3, the full stop stays after the pseudonym); else
 * end. */
size_t redact_initials_stop(const struct normtext *t, size_t a, size_t end);

/* redact_wordview.c: the start (a norm byte offset) of the character ending
 * at byte n of s (n > 0). */
size_t redact_cp_start(const char *s, size_t n);

/* redact_wordview.c: 1 if the word at norm byte p of t starts a sentence
 * (only white space, opening quotes and brackets between it and the
 * text's start, a full stop, question or exclamation mark, colon or a
 * line break), else 0. */
int redact_sentence_start(const struct normtext *t, size_t p);

/* redact_wordview.c: the end (a norm byte offset) of the word that
 * continues at s[at] (len bytes in all) in the script of the code point
 * prev: word characters up to a change of script. */
size_t redact_word_end(const char *s, size_t len, size_t at, int prev);

/* redact_mnword.c: 1 if the Mongolian Cyrillic stem[0..len) (key bytes:
 * a name's stem that takes an ending, гэрл of Гэрэл) is the stem of a word
 * the Mongolian dictionary knows with one of the common endings (гэрлээ,
 * гэрлийн), else 0 (also with no dictionary). */
int redact_mn_stem_word(const char *stem, size_t len);

/* redact_mnword.c: 1 if the hit [a, nend) of form f, a person's Mongolian
 * stem, with the rest of its word [nend, wend) (norm bytes) is a word the
 * dictionary knows in the reflexive possessive (-ээ -аа -оо -өө) written
 * with a capital only because it starts a sentence ("Гэрлээ асаа.", turn
 * your light on, of Гэрэл; also the name's short form): a name-or-word
 * review flag, not a replacement (report-adv17a D-36). */
int redact_mn_reflexive_word(const struct normtext *t, const struct redact_form *f, size_t a,
                             size_t nend, size_t wend);

/* redact_mnshort.c: 1 if a person's Mongolian short form that is also a
 * word (Алтаа, "his gold"), over norm bytes [a, b) of t with its ending,
 * stands where the sentence is about a person: a case ending after its
 * long vowel (Батаатай), хоёр after it ("Алтаа бид хоёр"), or a verb of
 * a person in its clause ("Батаа ирээгүй"); written with a capital.  The
 * hit rules then replace it (redact_hits.c, short_verdict). */
int redact_mn_short_person(const struct normtext *t, size_t a, size_t b);

/* redact_mnshort.c: 1 if the word right after norm byte b of t (one space
 * between) is a Mongolian verb of a person ("gerel irsengui"); bytes of
 * t's norm view.  No errors; keeps nothing (brief s51 mong51). */
int redact_mn_person_verb_after(const struct normtext *t, size_t b);

/* redact_mnday.c: 1 if the hit over norm bytes [a, b) of t is the whole
 * word of a Mongolian weekday before гараг/garag "day" (Даваа гарагт,
 * davaa garagt: the planets' names of the Tibetan calendar); no errors. */
int redact_mn_weekday(const struct normtext *t, size_t a, size_t b);

/* redact_mnday.c: whether the hit over norm bytes [a, b) of t, a Mongolian
 * weekday that is a given name with a case ending and a capital, is the
 * person: 2 in the accusative (Давааг цагдаа авч явсан) or in the
 * genitive before a person's possession (Даваагийн паспорт), 1 (a review
 * flag) in the genitive before another noun, 0 before a noun of time or
 * a weekly schedule (Даваагийн өглөө, Мягмарын хурал) or in any other
 * case (Даваад, Даваагаас: on, from Monday).  No errors; keeps nothing. */
int redact_mn_weekday_person(const struct normtext *t, size_t a, size_t b);

/* redact_context.c: 1 if the word right after norm byte b of t (one space
 * between) is a word of address or kinship ("болд ах", "bold ah",
 * "tseegii egch", "Дорж гуайд"); bytes of t's norm view; no errors. */
int redact_address_after(const struct normtext *t, size_t b);

/* redact_context.c: what a hit of form f over norm bytes [a, b) of t that
 * the hit rules accepted as h is: HIT_NONE (a generated spelling where the
 * context marks no name, dotted initials, an acronym before a number),
 * HIT_FLAG (a short form, or a name that is also a word where the context
 * marks no name) or HIT_REPLACE.  One rule for the redactor, the re-scan
 * and the audit. */
enum redact_hit redact_hit_verdict(const struct normtext *t, const struct redact_form *f,
                                   enum redact_hit h, size_t a, size_t b);

/* redact_extend.c: 1 if norm bytes [w, end) of t are one letter alone of a
 * script other than Hangul ("У", "O", "a"): never a surname or a part of a
 * name beside a replaced name, for it is a word of its own (Russian у, в,
 * с, о, Ukrainian і, English a, I; report-adv41 O-4: "У К.О. был брат"
 * lost its У); a Hangul syllable alone (김) is a surname. */
int redact_letter_alone(const struct normtext *t, size_t w, size_t end);

/* redact_guard.c: 1 if a generated form of a person's name, key[0..keylen)
 * (bytes), is one of the commonest words of a language (common_words.h)
 * and so is not made (report-adv26a D-23; initials non-zero for a name's
 * initials, which keep a word that is also a name: redact_guard.c); the
 * name's initials of two cased letters (lettered: variant.lettered, made
 * by an initials generator) are made, as redact_lettered_pair says (ко of
 * К.О., brief s41 init41; ок of О.К. of Оксана Карпова, brief s42 init42).
 * redact_lettered_pair: 1 if key[0..keylen) (bytes) is one or two letters
 * of a cased script (Latin, Cyrillic, Greek) and lettered is non-zero: a
 * name's initials, a generated form wherever it lies in the name (redact.c).
 * redact_generated_short: a generated form of at most two cased letters
 * (l's key, keylen bytes) is a review flag at most: l becomes FORM_SHORT
 * initials. */
int redact_generated_dropped(const char *key, size_t keylen, int initials, int lettered);
int redact_lettered_pair(const char *key, size_t keylen, int lettered);
/* redact_guard.c: 1 if key[0..keylen) (bytes) is at most two letters and
 * no whole word of the name's key whole[0..wlen) (words end at a space or
 * a hyphen): a piece of the name only by chance ("ко" of К.О. inside
 * Коваленко), not one of its own words (brief s28 pseud28). */
int redact_short_piece(const char *key, size_t keylen, const char *whole, size_t wlen);
void redact_generated_short(struct lit *l, const char *key, size_t keylen);

/* redact_guard.c: 1 if norm[0..len) (bytes) is a letter, a full stop and
 * a letter ("д.б"): initials as written, not a word. */
int redact_dotted_pair(const char *norm, size_t len);

/* redact_context.c: 1 if a hit of form f (FORM_CONTEXT, a one-syllable
 * given name alone) over norm bytes [a, b) of t is no hit at all: the
 * context marks no name.  Else 0. */
int redact_context_refuses(const struct normtext *t, const struct redact_form *f, size_t a,
                           size_t b);

/* redact_case.c: whether a hit of a person's short form f that must be
 * written with a capital, over norm bytes [a, b) of t in Latin lower case
 * (a-z, 4 to 16 letters with what is glued after, nothing glued before:
 * "sasha", "dashka"; brief s49 lower49, report-adv33 L-36, L-64), names
 * the person all the same: 0 if not (not a person's short form, not such
 * a word, or an English word hunspell en_US knows: dash, sash, mash,
 * dashboard), 2 if lower-case letters are glued after ("grishanya":
 * report-adv49 L-3, brief s50 case50) or a Cyrillic reading of the word
 * (latin_cyrillic.h's LATIN_CYR_NAME, at most 96 readings) is an
 * ordinary word (data/nicknames/slavic_words.txt: lyuba of люба, romka;
 * hunspell-mn for a form with Mongolian endings: bolor of болор
 * "crystal"): a review flag; else 1, the person.  No errors; no memory
 * kept. */
int redact_lower_latin(const struct normtext *t, const struct redact_form *f, size_t a,
                       size_t b);

/* redact_case.c: 1 if a person's form written in lower case at norm
 * bytes [a, b) of t stands before a word of address or kinship ("bold
 * ah", "болдоо ах") or is a Mongolian short form a person's verb follows
 * ("boldoo irsen"): the person (brief s51 mong51).  No memory kept. */
int redact_lower_person_marked(const struct normtext *t, size_t a, size_t b);

/* redact_case.c: 1 if the hit [a, b) (norm bytes of t) of a form f that
 * counts only with a capital counts in lower case too: a part of a
 * person's name of four letters or more that the dictionary of its script
 * does not know (altangerel, dorj), unless it is a word read another way
 * (a Latin part whose Mongolian reading is a word, a trade's noun, a
 * Mongolian stem of a known word); a short form only with digits glued
 * (altaa85).  Asks the dictionaries; with one missing, no word of its
 * language is ordinary (1: the safe side).  No memory kept. */
int redact_lower_name_part(const struct normtext *t, const struct redact_form *f, size_t a,
                           size_t b);

/* redact_case.c: 1 if a hit of a person's form f starting at norm byte a
 * of t, in a capital, has glued before it a capitalised word of two
 * letters or more of the same script in lower case after its capital
 * ("ПетроваДарья", "PetrovaDarya": report-adv33 L-60): CamelCase, a
 * capital that starts a word; else 0. */
int redact_camel_start(const struct normtext *t, const struct redact_form *f, size_t a);

/* redact_case.c: for a hit of a person's form f over norm bytes [a, b) of
 * t, in a capital and ending in a lower-case letter, with the rest of its
 * word up to wend glued after: 1 if that rest is one capital of the same
 * Cyrillic or Greek script, an initial that goes with the name ("ДашаП.",
 * "ТаняК."); 2 if it is a capitalised word in lower case after its
 * capital, read on its own as if a space stood between ("ПетроваДарья");
 * else 0 (report-adv33 L-60). */
int redact_camel_end(const struct normtext *t, const struct redact_form *f, size_t a,
                     size_t b, size_t wend);

/* redact_context.c: 1 if a hit of a person's form f that must be written
 * with a capital, over norm bytes [a, b) of t in Cyrillic lower case, is
 * a vocative all the same: the first word of its sentence, a comma right
 * after it ("дарко, де ти?", "іро, ходи сюди.", "олесю, ти де?"; brief
 * s39 uk39, report-adv38 L-1, L-5, L-6), and not a form that is an
 * ordinary word (f->generated, FORM_CONTEXT, FORM_SHORT, FORM_COMMON).
 * Else 0. */
int redact_lower_vocative(const struct normtext *t, const struct redact_form *f, size_t a,
                          size_t b);

/* redact_context.c: the review flag kinds of redact_form_hit, static
 * strings: [0] "short-name", [1] "name-or-word". */
extern const char *const redact_hit_flags[2];

/* redact_hanzi.c: keeps the name or person term name[0..len) (bytes, as
 * typed) when every word of it is pinyin (tone marks or numbers allowed),
 * for redact_find_hanzi; anything else is left alone.  0, or -1 out of
 * memory. */
int redact_hanzi_add(struct redactor *r, const char *name, size_t len);

/* redact_hanzi.c: 1 if term (an index of r->terms) was kept by
 * redact_hanzi_add (a name registered in pinyin), else 0. */
int redact_hanzi_term(const struct redactor *r, size_t term);

/* redact_hanzi.c: wipes and frees what redact_hanzi_add kept. */
void redact_hanzi_free(struct redactor *r);

/* redact_place_han.c: keeps the consonant skeletons (transcribe.h) of a
 * place's Latin or Cyrillic name name[0..len) (bytes, as typed; also
 * without an Arabic article, with kh as h and v as w, as Chinese hears
 * them) for term r->nterms, three classes or more; any other name is left
 * alone.  0, or -1 out of memory (brief s28 place28). */
int redact_place_han_add(struct redactor *r, const char *name, size_t len);

/* redact_place_han.c: wipes and frees what redact_place_han_add kept. */
void redact_place_han_free(struct redactor *r);

/* redact_place_han.c: a kept place in t written in Chinese transcription
 * (法尔瓦尼亚 for Farwaniya): a run of two or more characters of the
 * transcription table, ended by any other character, whose longest tail
 * reads as a kept skeleton is filed into sp (norm offsets) as the term.
 * 0, or -1 out of memory. */
int redact_find_place_han(struct spans *sp, const struct redactor *r, const struct normtext *t);

/* redact_hanzi.c: a name kept by redact_hanzi_add in t, in norm offsets:
 * in Han characters read by their Mandarin readings (the whole name of
 * three characters or more, and its given name in the characters the
 * whole name showed, into sp; a given name or a two-character whole name
 * in other characters that read so, and the doubled last syllable 明明,
 * into flags) and in Latin with tone numbers (into sp) or doubled
 * (Ming-ming, into flags).  0, or -1 out of memory. */
int redact_find_hanzi(struct spans *sp, struct spans *flags, const struct redactor *r,
                      const struct normtext *t);

/* kana_surname.c: 1 if the key key[0..len) (bytes) is a frequent Korean
 * surname in the katakana of variants_ko.c at a word's start (チェ for 최,
 * パク for 박), else 0.  The spellings are built once, on first use. */
int redact_kana_surname(const char *key, size_t len);

/* redact_koryo.c: fills tm->koryo from the norm view norm[0..len) of a
 * name as registered: a Russian given name and a Korean surname in its
 * Koryo-saram spelling, the surname first or last of two or three words
 * (Таша Пак, Ким Лена, Ли Марина Владимировна; romanise_koryo_syllable)
 * give the surname's Hangul syllable and the others that spell the same
 * surname (이, 리: variants_same_surname), and the given name beside it
 * is copied into r's arena (tm->koryo_given); any other name, none.  0, or
 * -1 when out of memory. */
/* redact_koryo.c: 1 if the word w[0..n) (norm bytes: one Han character,
 * one Hangul syllable, a run of katakana, or a word of Latin or Cyrillic
 * letters) spells the Korean surname whose Koryo-saram spelling is the
 * Cyrillic key surname[0..sn) (Цой: 최, 崔, チェ, ツォイ, Choi; Тен: 정,
 * 鄭, 전; romanise_koryo_surname's table, hanja readings), else 0 (also
 * when surname is no such spelling).  For the pseudonym check
 * (report-adv39 P-1).  No errors. */
int redact_koryo_spelling(const char *surname, size_t sn, const char *w, size_t n);

int redact_koryo_term(struct redactor *r, struct term *tm, const char *norm, size_t len);

/* redact_koryo.c: widens each replaced span of a subject with a
 * Koryo-saram name (norm offsets, before redact_merge) over that
 * subject's own surname written right before or after it, in Hangul (박),
 * a Han character read so (朴, 金: hanja_readings), katakana (パク:
 * korean_kana_syllable), Latin (li, lee: variants_same_surname) or
 * Cyrillic, after a space, a middle dot (·, ・) or nothing (report-adv37
 * L-6, L-7, L-13); and a short form of such a name only flagged (레나)
 * with the surname beside it (레나 김, 金레나) becomes a replacement of
 * both.  0, or -1 when out of memory. */
int redact_koryo_surnames(struct spans *sp, const struct spans *flags, const struct redactor *r,
                          const struct normtext *t);

/* redact_hanviet.c: keeps the name or person term name[0..len) (bytes, as
 * typed) when it is two to four words each a Vietnamese reading of a Han
 * character (Unihan kVietnamese, marks removed: Nguyễn Văn Thắng), for
 * redact_find_hanviet; anything else is left alone.  0, or -1 out of
 * memory. */
int redact_hanviet_add(struct redactor *r, const char *name, size_t len);

/* redact_cjk_titled.c: keeps the keys of the name or person term
 * name[0..len) (bytes, as registered) for redact_cjk_titled: each Latin
 * word's (a Cyrillic word's through its Latin letters) as Chinese and
 * Japanese transcription hears it, and the word whole for kanji's
 * Japanese readings; or a Hangul name's surname syllable.  0, or -1 out
 * of memory. */
int redact_cjk_titled_add(struct redactor *r, const char *name, size_t len);

/* redact_patronym.c: adds redact_scripts_add's keys of the stem of each
 * Mongolian patronym in the genitive in the name name[0..len) (bytes, as
 * registered: Батбаяр of Батбаярын) for the term being added.  0, or -1
 * out of memory. */
int redact_patronym_add(struct redactor *r, const char *name, size_t len);

/* redact_cjk_titled.c: wipes and frees what redact_cjk_titled_add kept. */
void redact_cjk_titled_free(struct redactor *r);

/* redact_cjk_titled.c: a word of a registered name in Han characters or
 * katakana that a title after it (先生, さん), 小 or 老 before it, or a
 * middle dot beside a replaced name of its subject marks (摩根先生,
 * Tom·摩根): replaced into sp (norm offsets); a Korean surname's Hanja so
 * marked (金先生) a title-name review flag into flags (when not NULL).
 * 0, or -1 out of memory. */
int redact_cjk_titled(struct spans *sp, struct spans *flags, const struct redactor *r,
                      const struct normtext *t);

/* redact_cjk_echo.c: each span sp->s[from..sp->n) in Han characters or
 * katakana (a name redact_cjk_titled found marked) is replaced too where
 * the same norm bytes stand elsewhere in t unmarked (摩根说 beside
 * 摩根太太; a katakana word whole).  0, or -1 out of memory. */
int redact_cjk_echo(struct spans *sp, size_t from, const struct normtext *t);

/* Brief s29 cjk29 (report-adv28c J-1..J-4).  redact_cjk_titled.c: the
 * length in bytes of a title written after a name (先生, さん, 殿) at norm
 * byte p of t, else 0; and the Latin word (lower case ASCII, NUL ended) of
 * the i-th key redact_cjk_titled_add kept whole for kanji's Japanese
 * readings, with its term in *term, or NULL for a key of another kind.
 * The memory stays the redactor's. */
size_t redact_cjk_title_at(const struct normtext *t, size_t p);
const char *redact_cjk_ja_word(const struct redactor *r, size_t i, size_t *term);
/* redact_cjk_runs.c: 1 if the UTF-8 character s[0..n) (bytes) is one of
 * the Chinese transliteration alphabet of its hand-written table. */
int redact_cjk_translit(const char *s, size_t n);
/* redact_cjk_ja.c: a Japanese name registered in Latin letters written in
 * kanji or kana (report-adv28c J-1, J-2): surname and given name written
 * together (山本武, 山本たけし), with no title; a given name of one kanji
 * read whole (武さん) or in hiragana (ひろしさん) before a title; a katakana
 * word of three or more kana read as the word (ヤマモト).  Replaced into sp
 * (norm offsets of t).  Tables: kanji_ja.h, transcribe_kana_romaji.
 * 0, or -1 out of memory. */
int redact_cjk_ja(struct spans *sp, const struct redactor *r, const struct normtext *t);

/* redact_hanviet.c: wipes and frees what redact_hanviet_add kept. */
void redact_hanviet_free(struct redactor *r);

/* redact_hanviet.c: a name kept by redact_hanviet_add written in Han
 * characters in t (阮文勝), in norm offsets: one character a word, each read
 * by any of its kVietnamese readings; three characters or more into sp,
 * two into flags (transcription).  0, or -1 out of memory. */
int redact_find_hanviet(struct spans *sp, struct spans *flags, const struct redactor *r,
                        const struct normtext *t);

/* redact_surnamed.c: appends to flags (norm offsets, FLAG_TRANSCRIPTION)
 * each capitalised known surname (Korean by variants_is_surname, the
 * commonest Vietnamese and Chinese ones in Latin; Cyrillic read in Latin)
 * followed, one space apart, by one or two capitalised words of its
 * script that no dictionary knows (Kim Chung Thu, Nguyen Xyvor), when r
 * protects a person's name.  0, or -1 out of memory. */
int redact_surname_shapes(struct spans *flags, const struct redactor *r, const struct normtext *t);

/* redact_beside.c (brief s25 slav25): moves from flags to sp (both norm
 * offsets) each short-name or name-or-word review flag of a subject's
 * name form written with a capital, in one word, beside a one-word name
 * span of sp with one space between them ("Тала Кузнецова", "Ales
 * Kuzniacou"): a given name beside a surname names the person.  The
 * span is the form's subject's (redact_attrib makes a pair of two
 * subjects one [PERSON-n]).  0, or -1 out of memory (sp->failed set). */
int redact_beside_names(struct spans *sp, struct spans *flags, const struct redactor *r,
                        const struct normtext *t);

/* redact_beside.c (brief s37 uk37, report-adv36 L-8): adds to sp (norm
 * offsets) each hit of pending (refused hits: lit index and key end, as
 * redact_on_match keeps them) of a word of a subject's name written in
 * lower case, one whole word, beside a name span of sp of the same
 * subject with one space between them ("надію коваленко", "любов
 * гончар"): a given name in lower case is an ordinary word alone (надія
 * is hope) but names the person beside that person's own surname.  Not a
 * listed short form, nor a form of three letters or fewer.  Marks each
 * hit it adds as taken (term SIZE_MAX).  0, or -1 out of memory. */
int redact_beside_lower(struct spans *sp, struct spans *pending, const struct redactor *r,
                        const struct normtext *t);

/* redact_attrib.c (brief s24 attr24): in a store of two subjects or more,
 * settles which subject the spans of sp (norm offsets of t, before
 * redact_merge) name: of overlapping hits of two subjects the closest form
 * (the shortest ending left after it) wins, a tie is a neutral
 * [PERSON-n] (TERM_PERSON), and so is a hit across a mask character and a
 * form with an ending one letter from another subject's name word.  Only
 * labels change, never extents.  0, or -1 out of memory. */
int redact_attrib(struct spans *sp, const struct redactor *r, const struct normtext *t);

/* redact_other_person.c (issue 12 over-redaction, brief s48 pub48,
 * report-adv47 O-8, O-10, O-11, O-19..O-21, O-24, O-28): a subject's
 * one-word name hit followed by a capitalised word that no hit of any
 * subject covers, that is no patronymic and no near miss of a name word,
 * names another person who shares the subject's given name ("Mohamed
 * Salah", "Денис Мацуев", "Остапа Вишні"): the hit becomes a review flag
 * (FLAG_NAME_OR_WORD, the word kept), never half of another person's
 * name replaced.  sp and flags: norm offsets of t, after redact_attrib,
 * before redact_merge.  0, or -1 out of memory. */
int redact_other_person(struct spans *sp, struct spans *flags, const struct redactor *r,
                        const struct normtext *t);

/* redact_attrib.c (brief s32 ph32): one person, one pseudonym.  Two
 * pseudonym spans of one subject with only spaces between them (tabs, a
 * no-break space) are one name written in parts ("Саша Коваленко": a
 * short given name and the surname, each a hit): they become one span,
 * replaced once, not "Iris Mason Iris Mason".  sp: merged spans, sorted,
 * disjoint, in input offsets (bytes of in). */
void redact_attrib_join(struct spans *sp, const char *in);

/* redact_attrib.c: 1 if s[0..n) (bytes) holds a character that masks a
 * letter (* ○ ● ◯ 〇 × ■ □), else 0. */
int redact_attrib_masked(const char *s, size_t n);

/* redact_nearfix.c (report-adv17a D-15): each near-name flag of flags
 * (input offsets) one of whose spellings (variants_of) r's matcher finds
 * a name or term in is replaced: a span over it into sp (the hit's
 * category, subject and term; sp merged again).  0, or -1 with e. */
int redact_near_promote(struct spans *sp, const struct spans *flags, const struct redactor *r,
                        const struct normtext *t, struct redact_ctx *ctx, struct err *e);

/* redact_lines.c (report-adv17a D-7): 1 if a line end lies in the
 * original text between norm bytes a and b. */
int redact_crosses_line(const struct normtext *t, size_t a, size_t b);

/* redact_lines.c: 1 if the letter at norm byte l starts its line and
 * another line starts with the letter before or after it and a full stop
 * ("A. ..." and "B. ..."): a list's marker, not an initial. */
int redact_list_marker(const struct normtext *t, size_t l);

/* redact_base64.c: each encoded run of t's input (redact_encoded_next)
 * in which the redactor's rules find a name or term (a replacement or a
 * review flag), as an "escape-run" flag in input offsets into flags (a
 * run replaced by redact_encoded_names drops its flag).  0, or -1 out of
 * memory or a matcher error. */
int redact_base64_runs(struct spans *flags, const struct redactor *r, const struct normtext *t);

/* redact_encoded.c (brief s18 allow18 items 1-2): an encoded run of a
 * text and the bytes it decodes to (wiped by redact_encoded_free). */
struct encoded_run {
    size_t start, end;          /* bytes of the text */
    size_t n;                   /* bytes of d */
    unsigned char d[3072];      /* 4,096 base64 characters decoded */
};

/* A new run buffer (malloc; free with redact_encoded_free), NULL when out
 * of memory. */
struct encoded_run *redact_encoded_new(void);
void redact_encoded_free(struct encoded_run *run);

/* The next encoded run of s[*at..len) that decodes to UTF-8 text (valid,
 * no control character but white space, two letters at least), not glued
 * to a letter or digit before or after it: base64 of 8 to 4,096
 * characters of A-Z a-z 0-9 + / - _ (standard or URL-safe), padded or
 * not, with a capital inside, a digit, + or /; or hex of 4 to 2,048
 * bytes, plain ("4b696d20"), after "0x", or as pairs with one space, ':'
 * or ',' between ("4b 69 6d 20", "0x4b, 0x69").  Fills run and moves *at
 * past it: 1; 0 when none is left. */
int redact_encoded_next(struct encoded_run *run, const char *s, size_t len, size_t *at);

/* Reads run's decoded text with r's rules: replacements into found,
 * review flags into fl (norm offsets of the decoded text; the caller
 * frees both).  0, or -1 with e filled (out of memory, a matcher
 * error). */
int redact_encoded_read(struct spans *found, struct spans *fl, const struct redactor *r,
                        const struct encoded_run *run, struct redact_ctx *ctx, struct err *e);

/* Each encoded run of t's input in which r's rules replace a name or
 * term: a span over the whole run into sp (input offsets; the category,
 * subject and term of the first hit; sp merged again).  0, or -1 with e
 * filled. */
int redact_encoded_names(struct spans *sp, const struct redactor *r, const struct normtext *t,
                         struct redact_ctx *ctx, struct err *e);

/* redact_sense_words.c: the words of the norm view the sense rules read
 * (redact_sense.c, redact_salute.c).  The start of the code point ending
 * at norm byte n of s (n > 0). */
size_t redact_sense_cp_start(const char *s, size_t n);
/* 1 if the original text at norm byte n of t starts with a letter written
 * in lower case (has an upper case of its own); an escape or a reference
 * (&#1041;) is none.  redact_sense_upper: in upper case. */
int redact_sense_lower(const struct normtext *t, size_t n);
int redact_sense_upper(const struct normtext *t, size_t n);
/* 1 if norm s[a, b) starts with one of the '|'-separated entries of list
 * (*rest is then the end of the entry), is exactly one, or ends with one
 * shorter than it. */
int redact_sense_starts_with(size_t *rest, const char *s, size_t a, size_t b, const char *list);
int redact_sense_is_one(const char *s, size_t a, size_t b, const char *list);
int redact_sense_ends_with(const char *s, size_t a, size_t e, const char *list);
/* The end of the word character run from norm byte p of t. */
size_t redact_sense_run_end(const struct normtext *t, size_t p);
/* redact_sense_ar.c: 1 if the Arabic-script word or stem at norm [a, b)
 * of t (bytes; a proclitic or the article may be glued before a) is a
 * registered name's word that the words around it mark as the ordinary
 * noun or adjective (عمر العشرين, رضا دادم, بالرضا, لحسن الحظ, في حداد,
 * الخطيب المنبر, لهجه‌ی تهرانی, بكرم كبير; Hans Wehr and Dehkhoda, the
 * file's head); else 0.  No allocation. */
int redact_sense_ar_noun(const struct normtext *t, size_t a, size_t b);
/* The word after the word ending at norm byte e of t, over one space (a
 * comma before the space when comma is set): [*na, *nb); 0 if none.  The
 * word before norm byte a, over one space: [*pa, *pb); 0 if none. */
int redact_sense_next_word(size_t *na, size_t *nb, const struct normtext *t, size_t e, int comma);
int redact_sense_prev_word(size_t *pa, size_t *pb, const struct normtext *t, size_t a);
/* The length in bytes of the punctuation mark or symbol (Unicode P* or
 * S*) at byte p of s[0..len) (UTF-8) where it may end a clause, or 0: no
 * mark there, or a connector, dash, full stop or apostrophe with a word
 * character right on both sides (Вера-то, Дар'я: one word). */
int redact_clause_mark(const char *s, size_t len, size_t p);
/* 1 if the word of t that ends at norm byte p stands alone in its clause:
 * a mark of redact_clause_mark glued after it ("Вера:", "Вера,", "Вера»"),
 * or only blanks and marks after it to its line's end or the text's end
 * ("Вера —", "Вера" alone on a line); else 0.  The one test of what
 * follows a name alone, a vocative or a speaker's label (session 35). */
int redact_alone_at(const struct normtext *t, size_t p);
/* 1 if the Cyrillic word w[0..n) (norm) is a form of a Russian or
 * Ukrainian given name that is an ordinary word (Вера, надежды, мир);
 * redact_sense_stem: the word norm [a, wend) of t. */
int redact_sense_stem_of(const char *w, size_t n);
int redact_sense_stem(const struct normtext *t, size_t a, size_t wend);
/* 1 if the Cyrillic word w[0..n) (norm, lower case) is a case of a
 * Ukrainian or Russian noun of a trade that is also a surname (мельник,
 * мельником, бондар, бондарі, коваля, ткачем, кравця; redact_sense_words.c,
 * trade_stems), an adjective of a trade in -н- (гончарний, бондарна) or an act
 * of one (кували, молотили: a stem of trade_things of four letters or
 * more with a verb's ending): in lower case the word, not the surname
 * (brief s39 uk39, report-adv38 O-1..O-3, brief s42 over42, report-adv41
 * O-10, O-19; the capital rule of redact_hits.c). */
int redact_sense_trade_of(const char *w, size_t n);
/* redact_sense_words.c: 1 if w[0..n) (norm, lower case, one word) is a
 * case form of a noun that is also a common surname or whose forms a
 * surname's are (шины of шина: Шин; карпов, of carps: Карпов; вовка:
 * Вовк), from the table written there (brief s43): 2 if w is the noun's
 * stem alone (шин, вовк: the surname's nominative), 1 if a stem and a
 * case ending; else 0. */
int redact_sense_noun_of(const char *w, size_t n);
/* redact_sense_words.c: an adjective's endings, every gender, case and
 * number, Ukrainian and Russian, '|'-separated (ий, ая, ого, ому, ...). */
extern const char redact_sense_adj_ends[];
/* redact_sense_words.c: 1 if w[0..n) (norm, lower case, one word) is a
 * case form of a feminine noun that no case of the consonant-final
 * surname spelled as its stem is (шинам, шиной, минами: Шин, Мин); the
 * table is written there (brief s43); else 0. */
int redact_sense_noun_only(const char *w, size_t n);
/* redact_sense.c: 1 if the hit at norm [a, b) of t, a Cyrillic word with
 * a capital at a sentence's start (at_start), is such a noun's form
 * (redact_sense_noun_only) and no verb a person does follows: the noun,
 * a review flag (Шинам нужен ремонт; brief s43, report-adv42 O-28);
 * else 0. */
int redact_sense_noun_at_start(const struct normtext *t, size_t a, size_t b, int at_start);
/* redact_sense.c: 1 if the given name whose word starts at norm byte a
 * of t (the hit [a, b)) names a monarch, a pope or a saint, another
 * bearer of the name: a Roman numeral in capitals or an ordinal or
 * epithet with a capital after it (Пётр I, Петр Первый, Петра Великого),
 * or a saint's, apostle's or monarch's title before it (святого Петра,
 * св. Петра, St. Peter, царя Петра); else 0 (brief s43, report-adv42
 * O-15, O-17, O-24).  The tables are written by us. */
int redact_sense_other_bearer(const struct normtext *t, size_t a, size_t b);
/* redact_sense.c: redact_sense_other_bearer for the word s[a, b) of the
 * text s[0..len) (UTF-8 as written; a near-name flag's word,
 * redact_nearfix.c), read with BEARER_NEAR_SPAN bytes either side; 0
 * also when out of memory. */
int redact_sense_other_bearer_near(const char *s, size_t len, size_t a, size_t b);
/* The nominative of the trade's noun (static, norm) whose case form the
 * Cyrillic word w[0..n) (norm, lower case) is (ковалі, коваля: коваль;
 * мельники: мельник; кравця: кравець), or NULL (redact_sense_words.c,
 * trade_stems). */
const char *redact_sense_trade_noun(const char *w, size_t n);
/* 1 if the Cyrillic word w[0..n) (norm, lower case) is an adjective of a
 * trade in -н- in any gender, case and number (гончарний, бондарна,
 * гончарної, кузнечный: redact_sense_words.c, trade_adjectives): a word,
 * never a surname (brief s42 over42, report-adv41 O-19); else 0. */
int redact_sense_trade_adjective(const char *w, size_t n);
/* 1 if the Cyrillic word w[0..wn) (norm, lower case) starts with the
 * stem of a thing or an act of the trade whose noun is noun[0..nn) in
 * the nominative (бондар: бочку, обручі; коваль: підкови, кував; ткач:
 * полотно; лев, the lion: зоопарке); else 0.  The
 * table and its source: redact_sense_words.c (brief s40 uk40). */
int redact_sense_trade_thing(const char *noun, size_t nn, const char *w, size_t wn);
/* 1 if the Cyrillic word norm [a, b) of t, with a capital at a
 * sentence's start (at_start), is a trade's noun in any case (Бондар,
 * Ковалі, Мельники; лев) whose clause holds a thing or an act of that
 * trade (redact_sense_trade_thing) before any comma and with no word in
 * capitals between, or a second trade's noun joined by a conjunction:
 * "Бондар зробив нову бочку", "Гончар і коваль" (brief s40 uk40,
 * report-adv39 O-1..O-4; brief s42 over42, report-adv41 O-10..O-14;
 * docs/VARIANTS.md); else 0. */
int redact_sense_trade_at_start(const struct normtext *t, size_t a, size_t b, int at_start);

/* redact_salute.c: 1 if the word-name norm [a, wend) of t
 * (redact_sense_stem) is in the nominative, as the word of a set phrase
 * stands: its word ends in а, я or ь, or is the stem alone (мир, любов). */
int redact_sense_nominative(const struct normtext *t, size_t a, size_t wend);
/* redact_salute.c: 1 if the word-name norm [a, wend) of t, in the
 * nominative, and up to three words after it to a clause's end, each a
 * noun in the dative or an abbreviation in capitals, are a salute or
 * thanks (Слава Украине!, Слава Иисусу Христу!, Слава ЗСУ). */
int redact_sense_dative_phrase(const struct normtext *t, size_t a, size_t wend);
/* redact_salute.c: 1 if the word-name norm [a, wend) of t, in the
 * nominative, ends its clause after a dative that opens it (Героям
 * слава!, Україні слава!). */
int redact_sense_dative_before(const struct normtext *t, size_t a, size_t wend);

#endif
