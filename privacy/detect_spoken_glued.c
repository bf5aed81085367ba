/* Digit words glued into one word, read for the spoken-number reader
 * (detect_spoken.c; split from it): katakana and hiragana on readings
 * ("ゼロイチゼロ"), native Korean numerals alone or among Sino-Korean digit
 * syllables ("공일공 하나둘셋넷"; report-adv12 A-22) and English digit
 * words glued ("onetwothree").  The words and their sources are in the
 * comment of glued_words[] below (the standard readings of the
 * numerals; hand-written).  Offsets in bytes of the norm view. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/detect_spoken.h"

/* Digit words written glued into one word, in scripts without spaces
 * between them: Japanese katakana on readings ("ゼロイチゼロ",
 * "イチニサンヨン": ゼロ レイ マル 0, イチ 1, ニ 2, サン 3, ヨン シ 4, ゴ 5, ロク 6,
 * ナナ シチ 7, ハチ 8, キュウ キュー ク 9, and the same in hiragana: ぜろいちぜろ;
 * weak, WEAK_RUN) and the native
 * Korean numerals (하나 한 1, 둘 두 2, 셋 세 3, 넷 네 4, 다섯 5, 여섯 6, 일곱 7,
 * 여덟 8, 아홉 9; report-adv12 A-22), alone or among Sino-Korean digit
 * syllables ("공일공 하나둘셋넷"). The one-syllable forms 한 두 세 네
 * ("a", "yes") are read only glued to other digit words.  Each entry
 * comes with its length in bytes (sizeof of the literal), so the
 * reader compares the first character before anything else: it runs on
 * every word of Hangul or kana (bench/redact.sh: strlen and memcmp here
 * were a quarter of the redactor's time). */
#define G(w, v, weak, alone) { w, sizeof w - 1, v, weak, alone, 0 }
/* The native Korean tens (열 10, 스물 20, 서른 30, 마흔 40, 쉰 50, 예순 60,
 * 일흔 70, 여든 80, 아흔 90): the tens digit, and 0 unless a unit follows
 * ("열둘서른넷 쉰여섯일흔여덟" 12 34 56 78: report-adv19b B-17); 열 and 쉰
 * ("heat", "rested") only glued to other digit words. */
#define T(w, v, alone) { w, sizeof w - 1, v, 0, alone, 1 }
static const struct {
    const char *w;
    size_t len;
    unsigned char v, weak, alone, tens;
} glued_words[] = {
    T("열", 1, 0), T("스물", 2, 1), T("서른", 3, 1), T("마흔", 4, 1), T("쉰", 5, 0), T("예순", 6, 1),
    T("일흔", 7, 1), T("여든", 8, 1), T("아흔", 9, 1),
    G("ゼロ", 0, 1, 1), G("レイ", 0, 1, 1), G("マル", 0, 1, 1), G("イチ", 1, 1, 1), G("ニ", 2, 1, 1),
    G("サン", 3, 1, 1), G("ヨン", 4, 1, 1), G("シ", 4, 1, 1), G("ゴ", 5, 1, 1), G("ロク", 6, 1, 1),
    G("ナナ", 7, 1, 1), G("シチ", 7, 1, 1), G("ハチ", 8, 1, 1), G("キュウ", 9, 1, 1), G("キュー", 9, 1, 1),
    G("ク", 9, 1, 1), G("ぜろ", 0, 1, 1), G("れい", 0, 1, 1), G("まる", 0, 1, 1), G("いち", 1, 1, 1),
    G("に", 2, 1, 1), G("さん", 3, 1, 1), G("よん", 4, 1, 1), G("し", 4, 1, 1), G("ご", 5, 1, 1),
    G("ろく", 6, 1, 1), G("なな", 7, 1, 1), G("しち", 7, 1, 1), G("はち", 8, 1, 1), G("きゅう", 9, 1, 1),
    G("きゅー", 9, 1, 1), G("く", 9, 1, 1), G("하나", 1, 0, 1), G("둘", 2, 0, 1), G("셋", 3, 0, 1),
    G("넷", 4, 0, 1), G("다섯", 5, 0, 1), G("여섯", 6, 0, 1), G("일곱", 7, 0, 1), G("여덟", 8, 0, 1),
    G("아홉", 9, 0, 1), G("빵", 0, 1, 1), G("한", 1, 0, 0), G("두", 2, 0, 0), G("세", 3, 0, 0), G("네", 4, 0, 0),
};
#undef G
#undef T

/* The Korean joining particle 의 ("공일공의 천이백삼십사의"): read
 * between the groups of a number as a space (report-adv12 A-22). */
static const char ko_of[] = "의";

/* The first character of every glued_words[] entry is three bytes: a bit
 * per its last twelve bits (the low six bits of its second and third
 * bytes) tells at once that no entry starts at a character (most Hangul
 * syllables), before the table is read entry by entry (bench/audit.sh: 4%
 * of the audit's instructions).  A set bit may be another character's:
 * the table still decides.  Built once, read-only after. */
static uint64_t glued_first[4096 / 64];
static pthread_once_t glued_once = PTHREAD_ONCE_INIT;
static atomic_int glued_ready;

static unsigned glued_key(const char *c)
{
    return ((unsigned)((unsigned char)c[1] & 0x3F) << 6) | ((unsigned char)c[2] & 0x3F);
}

static void glued_build(void)
{
    for (size_t k = 0; k < sizeof glued_words / sizeof glued_words[0]; k++) {
        unsigned h = glued_key(glued_words[k].w);
        glued_first[h / 64] |= (uint64_t)1 << (h % 64);
    }
    atomic_store_explicit(&glued_ready, 1, memory_order_release);
}

/* 0 if no entry of glued_words[] starts with the character at c (three
 * bytes readable), else 1. */
static int glued_may_start(const char *c)
{
    unsigned h = glued_key(c);

    if (!atomic_load_explicit(&glued_ready, memory_order_acquire))
        (void)pthread_once(&glued_once, glued_build);
    return glued_first[h / 64] >> (h % 64) & 1;
}

/* Reads the word s[a, b) as glued digit words (glued_words[], Sino-Korean
 * digit syllables), maybe ending in 의, or after three digits or more in
 * a particle of one or two syllables ("다섯넷셋둘로"): the number of digits
 * (their values in d[0..], at most cap, when d is not NULL), where the
 * digits end in *end (b, or the particle's start), *weak set when one is
 * of the wider net; 0 if the word is not such digit words, is one
 * Sino-Korean syllable run alone (add_word reads those) or a lone
 * one-syllable form. */
size_t spoken_glued_digits(const char *s, size_t a, size_t b, char *d, size_t cap, int *weak,
                           size_t *end)
{
    size_t i = a, n = 0, k, nk, best, glued = 0, single = 0;
    int v, bv = 0, bw = 0, ba = 0, bt = 0, tens = 0;

    *weak = 0, *end = b;
    if (b - a >= 3 && memcmp(s + b - 3, ko_of, 3) == 0 && b - a > 3)
        b -= 3;
    while (i < b) {
        best = 0;
        /* Every entry is kana (E3 ..) or Hangul (EA-ED ..): three bytes a
         * character. */
        nk = i + 3 <= b && glued_may_start(s + i) ? sizeof glued_words / sizeof glued_words[0] : 0;
        for (k = 0; k < nk; k++) {
            size_t wl = glued_words[k].len;
            if (glued_words[k].w[0] == s[i] && glued_words[k].w[1] == s[i + 1] &&
                glued_words[k].w[2] == s[i + 2] && wl > best && i + wl <= b &&
                memcmp(s + i, glued_words[k].w, wl) == 0)
                best = wl, bv = glued_words[k].v, bw = glued_words[k].weak, ba = glued_words[k].alone,
                bt = glued_words[k].tens;
        }
        /* A tens word's 0 when no native unit follows it. */
        if (tens && !(best > 0 && !bt && !bw && bv > 0)) {
            if (d != NULL && n == cap)
                return 0;
            if (d != NULL)
                d[n] = '0';
            n++;
        }
        tens = best > 0 && bt;
        if (best > 0)
            glued++, single += !ba, *weak |= bw;
        else if (glued > 0 && det_starts(s, b, i, "\xec\x9d\xb4") && i + 3 < b && b - i <= 9 &&
                 det_sino_digit(s, b, i + 3) < 0) {
            *end = i;                           /* the copula: 여덟이야, 여덟이다 */
            break;
        } else if ((v = det_sino_digit(s, b, i)) >= 0)
            best = 3, bv = v, bt = 0;
        else if (n >= 3 && glued > 0 && b - i <= 6 && (unsigned char)s[i] >= 0xEA && (unsigned char)s[i] <= 0xED) {
            *end = i;                           /* a particle: 로, 으로, 이야 */
            break;
        } else
            return 0;
        if (d != NULL) {
            if (n == cap)
                return 0;
            d[n] = (char)('0' + bv);
        }
        n++, i += best;
    }
    if (glued == 0 || (n == 1 && single))
        return 0;                               /* 열, 쉰, 한 alone are words */
    if (tens) {                                 /* "...서른" */
        if (d != NULL && n == cap)
            return 0;
        if (d != NULL)
            d[n] = '0';
        n++;
    }
    return n;
}

/* English digit words glued into one word ("sevenfivezerothreeonefour",
 * brief s19 num19): the ten cardinals zero ... nine, three of them at
 * least, and nothing else in the word (no English word is made only of
 * them).  Their number, their values in d[0..] when d is not NULL (at
 * most cap), or 0. */
size_t spoken_glued_english(const char *s, size_t a, size_t b, char *d, size_t cap)
{
    static const struct {
        const char *w;
        size_t n;
    } en[] = { { "zero", 4 }, { "one", 3 }, { "two", 3 }, { "three", 5 }, { "four", 4 },
               { "five", 4 }, { "six", 3 }, { "seven", 5 }, { "eight", 5 }, { "nine", 4 } };
    size_t i = a, n = 0, k, l = 0;

    if (b - a < 9 || !det_alpha(s[a]))
        return 0;
    while (i < b) {
        /* the first byte before the compare: this runs at every long
         * word (brief s29 speed29b) */
        for (k = 0; k < 10; k++) {
            l = en[k].n;
            if (en[k].w[0] == s[i] && l <= b - i && memcmp(s + i, en[k].w, l) == 0)
                break;
        }
        if (k == 10 || (d != NULL && n == cap))
            return 0;
        if (d != NULL)
            d[n] = (char)('0' + k);
        n++, i += l;
    }
    return n >= 3 ? n : 0;
}
