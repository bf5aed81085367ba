/* What privacy/normalise.c and its parts (normalise_chars.c,
 * normalise_builder.c, normalise_key.c, normalise_split.c) share: the
 * builder of the norm and key views, the scripts of look-alike checks, the
 * UTF-8 decoder.  Internal to privacy/: only those files include it.  Calls
 * point one way: normalise.c -> normalise_key.c and normalise_split.c ->
 * normalise_builder.c -> normalise_chars.c. */
#ifndef INTAKE_PRIVACY_NORMALISE_INT_H
#define INTAKE_PRIVACY_NORMALISE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "privacy/confusable.h"

/* Longest combining sequence handled as one unit; a longer run of marks is
 * cut into several units (it can only be noise, never part of a name). */
#define SEQ_MAX_CPS 16
#define SEQ_BUF_CPS (SEQ_MAX_CPS * 20)

/* The norm view and, built alongside it, the key view (normalise.h). */
struct builder {
    char *s;            /* norm; secmem_wipe_malloc: wiped when freed */
    size_t len, cap;    /* cap: of both views */
    uint32_t *a;        /* per norm byte: its original start */
    char *k;            /* key; secmem_wipe_malloc */
    size_t klen;
    uint32_t *ka;       /* per key byte: its norm position */
    int script;         /* of the last character put (SCRIPT_ below) */
    int mixed;          /* a word mixes Latin, Cyrillic or Greek letters */
    int lastw;          /* the script of the last letter, kept over one hyphen */
    int split;          /* a word mixes Latin, Cyrillic and Hangul (read_split) */
};

/* The script of a character for look-alike checks: one of enum
 * confusable_script, SCRIPT_WORD for other word characters (digits,
 * Hangul, Han), SCRIPT_NONE for the rest. */
enum { SCRIPT_NONE = CONF_NONE, SCRIPT_WORD = CONF_OTHER + 1, SCRIPT_HANGUL, SCRIPT_HYPHEN };

/* Notes the script of the next character put: two letters of different
 * scripts side by side make a mixed word (resolve_mixed); Latin, Cyrillic
 * and Hangul side by side, or on both sides of a hyphen, a word that may
 * be a name written half in each (read_split).  SCRIPT_HYPHEN: a dash. */
static inline void note_script(struct builder *bd, int script)
{
    int w = script == SCRIPT_HANGUL || script == CONF_LATIN || script == CONF_CYRILLIC;

    /* The script of the character put last again (most characters): the
     * state below is already what it would be.  Not after a dash, which
     * sets bd->script to SCRIPT_NONE and leaves lastw. */
    if (script == bd->script && script != SCRIPT_NONE)
        return;
    if (script == SCRIPT_HYPHEN) {
        bd->script = SCRIPT_NONE;
        return;
    }
    bd->split |= w && bd->lastw != SCRIPT_NONE && bd->lastw != script;
    bd->lastw = w ? script : SCRIPT_NONE;
    bd->mixed |= (script != SCRIPT_NONE && script < SCRIPT_WORD && bd->script != SCRIPT_NONE &&
                  bd->script < SCRIPT_WORD && script != bd->script) ||
                 /* a Cyrillic or Greek letter beside a digit: maybe an ID
                  * typed on another keyboard (id_word) */
                 ((script == SCRIPT_WORD || bd->script == SCRIPT_WORD) &&
                  (script == CONF_CYRILLIC || script == CONF_GREEK ||
                   bd->script == CONF_CYRILLIC || bd->script == CONF_GREEK)) ||
                 /* a letter only ever a look-alike (Ꭰꓳꓣꓙ) */
                 script == CONF_OTHER;
    bd->script = script;
}

/* The code point at RI_FIRST..RI_LAST: a regional indicator (🇦..🇿). */
#define RI_FIRST 0x1F1E6
#define RI_LAST 0x1F1FF

/* normalise_chars.c: 1 if byte c separates the parts of a name (space,
 * hyphen, apostrophe), else 0. */
int norm_is_sep(char c);

/* normalise_chars.c: 1 if cp is a Latin letter (ASCII, Latin-1, Latin
 * Extended-A and -B, Latin Extended Additional), else 0. */
int norm_is_latin_cp(int cp);

/* normalise_chars.c: 1 if cp is a dash or hyphen the norm view writes as
 * '-' (its table: report-adv12c H42), else 0. */
int norm_is_dash(int cp);

/* normalise_chars.c: the Latin letter a regional indicator cp at byte at
 * of in[0..inlen) stands for when it is read as a letter, else 0. */
int norm_regional_letter(int cp, const char *in, size_t inlen, size_t at);

/* normalise_chars.c: 1 if cp is a decimal zero of a script other than
 * ASCII that may stand for a separator between ASCII digits: those whose
 * UTS #39 skeleton is a full stop (confusables.txt: U+0660, U+06F0), and
 * any other of Unicode category Nd and value 0 (Bengali, Devanagari,
 * fullwidth: norm_number_mark says where); else 0. */
int norm_dot_zero(int cp);

/* normalise_chars.c: what the norm view writes for cp, a mark inside a
 * number (a dash or degree sign between or after digits), with s[0..len)
 * the norm view so far and in[0..inlen) the text, end the byte after cp;
 * NULL if cp is no such mark there.  A static string. */
const char *norm_number_mark(const char *s, size_t len, int cp, const char *in, size_t inlen,
                             size_t end);

/* normalise_chars.c: 1 if cp is an apostrophe or a look-alike of one. */
int norm_is_apostrophe(int cp);

/* normalise_chars.c: 1 if cp is white space (Unicode Zs, tabs, line
 * breaks), else 0. */
int norm_is_space_cp(int cp);

/* normalise_chars.c: 1 if cp continues a combining sequence (a combining
 * mark, a Hangul vowel or final jamo), else 0. */
int norm_continues(int cp);

/* normalise_chars.c: 1 if cp looks like a degree sign (report-adv12c). */
int norm_degree_lookalike(int cp);

/* normalise_chars.c: 1 if cp joins the digits of a number (report-adv12c). */
int norm_number_joiner(int cp);

/* normalise_builder.c: makes room in both views of bd for need bytes and
 * a NUL (secmem_wipe_malloc memory, the old wiped).  0, or -1 if out of
 * memory. */
int norm_grow(struct builder *bd, size_t need);

/* normalise_builder.c: puts byte c, from original byte os, into both
 * views of bd (room made by the caller). */
void norm_put1(struct builder *bd, char c, size_t os);

/* normalise_builder.c: puts p[0..n) (bytes), from original byte os, into
 * both views of bd.  0, or -1 if out of memory. */
int norm_put(struct builder *bd, const char *p, size_t n, size_t os);

/* normalise_builder.c: for a Han character cp just put (n bytes), writes
 * its Hangul reading (hanja.h) into the key view instead.  0. */
int norm_put_reading(struct builder *bd, int cp, size_t n);

/* The Mongolian Cyrillic letter the key view reads a Kazakh or Buryat
 * letter cp (case folded: ң, һ, ә, і, ғ, қ, ұ) as, or 0 if cp is none;
 * both two bytes in UTF-8, so each key byte keeps its norm byte. */
int norm_key_fold(int cp);

/* normalise_key.c: frees both views of bd (wiped) and zeroes bd. */
void norm_free_builder(struct builder *bd);

/* normalise_key.c: writes each mixed word of bd in one script (its
 * look-alikes replaced) and appends the words left mixed to *mixed
 * (pairs of original offsets, *nmixed pairs; caller frees).  0, or -1 if
 * out of memory. */
int norm_resolve_mixed(struct builder *bd, const char *in, size_t inlen, uint32_t **mixed,
                       size_t *nmixed);

/* normalise_key.c: adds to bd's key view the readings of a name written
 * half in one script, half in another.  0, or -1 if out of memory. */
int norm_read_split(struct builder *bd);

/* normalise_key.c: leaves the gaps of a name spelled out of bd's key view
 * and reads leetspeak digits as letters there; in[0..inlen) is the text
 * bd was built from (bd->a's offsets), where a table's delimiters are
 * told (normalise_cells.c).  0, or -1 if out of memory. */
int norm_spelled_key(struct builder *bd, const char *in, size_t inlen);

/* normalise_key.c: 1 if byte c is an ASCII letter, else 0. */
int norm_ascii_letter(char c);

/* normalise_rare.c: the words with a Cyrillic letter of neither Russian
 * nor Mongolian that norm_resolve_mixed flagged (indexes into its mixed
 * list, malloc'd), dropped from that list when a text holds so many that
 * it is written in another Cyrillic language (brief s18 item 6).
 * norm_rare_note returns 0, or -1 when out of memory; norm_rare_drop
 * frees rw. */
struct rare_words {
    size_t *at, n, cap;
};
int norm_rare_note(struct rare_words *rw, size_t index);
void norm_rare_drop(struct rare_words *rw, uint32_t *mixed, size_t *nmixed);
/* normalise_rare.c: the languages of Ukrainian and Belarusian that the
 * letters of the norm view s[a..b) (bytes, case folded) rule out (a bit
 * set; 0 for none), and 1 if the word s[a..b) is wholly in one of those
 * languages that neither it nor the text (text: norm_slavic_rules_out of
 * the whole text) rules out (brief s24 slav24).  No errors. */
int norm_slavic_rules_out(const char *s, size_t a, size_t b);
/* What norm_slavic_sentence found last in one text, so that the words
 * of one sentence do not each walk it again: a text without a full stop
 * or a line end (the gazetteer's places, joined by '#') is one sentence,
 * and walking it for each of its words was quadratic (docs/SPEED.md,
 * "Session 42 (check42)").  Zeroed by the caller before the text's first
 * word; the same s and len on every call with it. */
struct slavic_memo {
    size_t sa, sb;          /* the last sentence: s[sa..sb), if known */
    int known, stopless;    /* known: sa, sb, sentence set; stopless: no
                             * sentence end inside s[sa..sb) */
    int sentence;           /* norm_slavic_rules_out(s, sa, sb) */
    int whole, whole_known; /* norm_slavic_rules_out(s, 0, len) */
};
/* norm_slavic_rules_out of the sentence of s[0..len) (bytes) that holds
 * the word s[a..b): from the . ! ? or line end before it to the one after
 * it, so that a Ukrainian sentence in a Russian text ("Все живы. Україні
 * допомагають.") is read as Ukrainian (report-adv30 O-4); of the whole
 * text when the word stands alone in its sentence ("Єлзийбаяр."), which
 * then says nothing of its language.  m: the caller's memo of this text
 * (above), or NULL; the answer is the same either way.  No errors. */
int norm_slavic_sentence(const char *s, size_t len, size_t a, size_t b,
                         struct slavic_memo *m);
/* normalise_rare.c: 1 if the norm view's word s[a..b) (bytes) is of three
 * Cyrillic letters or fewer whose letters beyond Russian and Mongolian
 * are Ukrainian or Belarusian і ї є ґ ў (іди, ці, їх: report-adv20 LOW);
 * else 0.  No errors. */
int norm_short_uk_word(const char *s, size_t a, size_t b);
int norm_slavic_word(const char *s, size_t a, size_t b, int text);

#endif
