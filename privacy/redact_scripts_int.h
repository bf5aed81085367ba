/* The redactor's keys of names in other scripts (issue 12): what
 * redact_scripts_keys.c builds from each registered name and
 * redact_scripts.c compares the words of a text with.  Private to those
 * two files. */
#ifndef PRIVACY_REDACT_SCRIPTS_INT_H
#define PRIVACY_REDACT_SCRIPTS_INT_H

#include <stdint.h>

#include "privacy/redact_int.h"
#include "privacy/transcribe.h"

/* Classes a skeleton needs to be replaced where it is found, and to be a
 * review flag; shorter ones are too common a shape (LS, KMS) to say
 * anything.  At 5 the clean prose of tests/data/clean gets no false
 * replacement (test_eval), at 4 the flags stay under the budget. */
#define SKEL_REPLACE 5
#define SKEL_FLAG 4
/* Classes of one word of a name read in one Hangul word (SK_LOAN:
 * 스미스, 이바노프); fewer (존 for John) are Korean words' shapes. */
#define LOAN_MIN 3
/* Classes of a place's name read in the Mongolian script (SK_MN_PLACE). */
#define SKEL_MN_PLACE 3
/* Words of a window, and of a name whose parts are keyed. */
#define WINDOW_WORDS 3
#define NAME_WORDS 6
/* Letters of a Japanese on-reading read as a name (check_hanja). */
#define ONYOMI_MIN 5
/* Bytes of a window's reading. */
#define READING_MAX 96

/* The kinds of key, in their sorted order: consonant skeletons, vowel
 * keys of short names, katakana's, a place's names read in the Mongolian
 * script only (report-adv16a A-23), one word of a foreign name read in a
 * Hangul word and the skeletons of a name as Korean loanword spelling
 * hears it, for Hangul only (brief s19 ko19), the vowel keys of a
 * Mongolian name's short forms read in one Hangul word (바타 for Батаа;
 * brief s20 names20, report-adv19a N-10), the loose vowel keys of one
 * word of a name and of its listed short forms as Chinese and Japanese
 * transcription write them (SK_CJK: 达莎, ダーシャ for Даша; brief s31
 * cjk31, report-adv30 L-1, L-3, L-7), the same keys of CJK_KEY_MIN
 * letters with their sibilants and palatal y (SK_CJK_KANA: ダーシャ is
 * replaced for Даша, ロシア is no Роза; brief s32 cjk32), the
 * same keys with the voicing of their stops (SK_CJK_VOICED:
 * redact_scripts_voiced_key; brief s35 cjk35), then the Hangul
 * syllables of Korean names. */
enum { SK_SKELETON, SK_SHORT, SK_KANA, SK_MN_PLACE, SK_LOAN, SK_HANGUL, SK_MN_SHORT, SK_CJK,
       SK_CJK_KANA, SK_CJK_VOICED, SK_HANJA, SK_HANJA_GIVEN };

struct script_key {
    uint32_t term;
    unsigned char kind, n;      /* n: classes, or Hangul syllables */
    char s[TRANSCRIBE_SKEL_MAX + 1];   /* the skeleton or vowel key */
    uint16_t syl[8];            /* the Hangul syllables (SK_HANJA kinds) */
};


/* The script of a code point for the windows: 1 Latin, 2 Hangul,
 * 3 Cyrillic, 4 Han, 5 Mongolian, 6 katakana, 0 none. */
static inline int script_of(int cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
        return 1;
    if (cp >= 0xAC00 && cp <= 0xD7A3)
        return 2;
    if (cp >= 0x0400 && cp <= 0x04FF)
        return 3;
    if (transcribe_is_mongolian(cp) || (cp >= 0x180B && cp <= 0x180F))
        return 5;
    if (transcribe_is_katakana(cp))
        return 6;
    if (is_han_cp(cp))
        return 4;
    return 0;
}

/* The first key of kind (SK_SKELETON or SK_SHORT) that is s, or NULL;
 * the keys are r's, sorted by redact_scripts_finish. */
const struct script_key *redact_scripts_key_find(const struct redactor *r, int kind,
                                                 const char *s);

/* 1 if a key of another subject than k's is the same key as k (k the
 * first of them, as redact_scripts_key_find returns it): a window that
 * reads it reads either person's name (report-adv29c K-19), so it is a
 * review flag, not one subject's pseudonym. */
int redact_scripts_key_shared(const struct redactor *r, const struct script_key *k);

/* Letters of an SK_CJK key: at 4, ダリア (TALI) and 达莎 (TASA) are
 * keyed; fewer (TAS) are too many words' shape. */
#define CJK_KEY_MIN 4
/* Letters of an SK_CJK key replaced where it is read; shorter ones are a
 * review flag (ロシア is Роза's LOSA). */
#define CJK_KEY_WHOLE 5

/* The loose vowel key (SK_CJK) of the Latin reading rd[0..n) (lower case
 * ASCII): rd as Chinese and Japanese transcription write a foreign name,
 * loosened (redact_scripts_keys.c says how), then
 * transcribe_vowel_key.  Writes at most cap bytes and a NUL to out;
 * returns the key's length in letters (more than cap - 1 when it did not
 * fit, 0 when rd is too long to loosen). */
size_t redact_scripts_cjk_key(char *out, size_t cap, const char *rd, size_t n);

/* The katakana key (SK_CJK_KANA) of the Latin reading rd[0..n) (lower
 * case ASCII): its SK_CJK key, a '/', then one letter for each sibilant
 * and palatal y the loosened reading has, in order: X for a hushing or
 * palatal one (sh, zh, ch, j; s or z before i, or before y and a, u or
 * o: シ, シャ, ジ; Даша, Зина, Ася), S for a hissing one (s, z, ts, x),
 * Y for a y after a consonant before a, u or o (ダリア, Дарья; е after a
 * consonant, which katakana writes エ, is none).  Katakana keeps these
 * apart where the vowel key does not: ロシア (LOSA/X) is no Роза
 * (LOSA/S, ローザ), ダラー (TALA/) no Дарья (TALA/Y).  A doubled consonant
 * but n or m (katakana's sokuon ッ) adds a last Q: ダッシャー (Dasher,
 * TASA/XQ) is no Даша (report-adv32 O-1).  Writes at most cap
 * bytes and a NUL to out; returns the length of the SK_CJK part (as
 * redact_scripts_cjk_key), 0 when rd is too long or the key does not
 * fit. */
size_t redact_scripts_kana_key(char *out, size_t cap, const char *rd, size_t n);

/* The voiced key (SK_CJK_VOICED) of the Latin reading rd[0..n) (lower
 * case ASCII): its SK_CJK key, a '/', then one letter for each stop of
 * the reading as read (not loosened: Татуша's tatusha is no Таша's
 * tasha), in order: D for a voiced one (b, d, g), T for a
 * voiceless one (p, t, k); the t of ts and the d of dz, dzh, the k of kh
 * are no stops (ц, дз, х).  The loose key reads d and t alike, and so
 * do two subjects' short forms (Даша and Таша: TASA); Chinese, Japanese
 * and Korean transcription keep them apart (达 da and 塔 ta, ダ and タ, 다
 * and 타), so where two subjects share the loose key this one says whose
 * form a window is (brief s35 cjk35, report-adv33 L-14, L-71).  Writes at
 * most cap bytes and a NUL to out; returns the length of the SK_CJK part,
 * 0 when rd is too long or the key does not fit. */
size_t redact_scripts_voiced_key(char *out, size_t cap, const char *rd, size_t n);

#endif
