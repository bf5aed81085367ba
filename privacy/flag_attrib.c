/* Attributions for the review flags: flag_attrib.h.  The word lists are
 * ours, from the commonest ways reporting attributes a statement (English
 * news order "said X", Korean 말했다 and 말에 따르면). */
#include "privacy/flag_attrib.h"

#include <string.h>

#include "privacy/flag_context.h"
#include "privacy/gazetteer.h"
#include "privacy/redact_int.h"

/* 1 if w[0..len) is the ASCII word lit in any case. */
static int is_word(const char *w, size_t len, const char *lit)
{
    if (strlen(lit) != len)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != lit[i])
            return 0;
    }
    return 1;
}

/* A Latin verb of saying (the list of flag_speech_verb): 1 if w is one. */
static int latin_verb(const char *w, size_t len)
{
    return len > 0 && (unsigned char)w[0] < 0x80 && flag_speech_verb(w, len);
}

int flag_verb_before(const char *p2, size_t n2, const char *p1, size_t n1)
{
    if (latin_verb(p1, n1))
        return 1;
    if (is_word(p1, n1, "by") && latin_verb(p2, n2))
        return 1;
    return is_word(p1, n1, "to") && is_word(p2, n2, "according");
}

/* Subject, topic and possessive particles after a name, longest first:
 * 이 after a name that ends in a consonant is the suffix names take
 * (순옥이가). */
static const char *const ko_particles[] = {
    "이가", "이는", "이도", "이의", "께서", "가", "는", "이", "은", "도", "의",
};

/* Stems of the verbs of saying a Korean report puts after the speaker
 * (말했다, 말한다, 밝혔다, 전했다, 물었다, 대답했다, 설명했다, 주장했다,
 * 증언했다, 회상했다, 덧붙였다), as the verb's word begins. */
static const char *const ko_verbs[] = {
    "말했", "말한", "말하", "말씀하", "밝혔", "밝히", "전했", "물었", "대답했", "답했",
    "설명했", "주장했", "증언했", "회상했", "덧붙였", "얘기했", "이야기했",
};

/* Stems of the verbs of coming and going a Korean report puts after the
 * person (report-adv20 R-8: 왔다, 갔어요, 떠났습니다, 도망갔다, 넘어갔다,
 * 돌아왔다, 들어갔다, 나갔다, 도착했다, 사라졌다, 탈북했다), as the verb's
 * word begins: any ending follows.  Written by us. */
static const char *const ko_moves[] = {
    "왔", "갔", "떠났", "떠나", "도망", "넘어왔", "넘어갔", "돌아왔", "돌아갔", "들어왔",
    "들어갔", "나왔", "나갔", "도착했", "도착한", "사라졌", "탈북했", "탈출했",
};

/* What follows a possessive speaker (순옥의 말에 따르면, 말로는). */
static const char *const ko_words_of[] = { "말에", "말로", "말을", "말씀", "증언에", "설명에",
                                           "주장에", "얘기로", "이야기로" };

/* 1 if w[0..len) (bytes) starts with an entry of tab[0..n).  Asked of the
 * word after every Hangul word of a text (each_shape): an entry's first
 * byte is tested before it is measured, so a word no entry starts with
 * costs no strlen (session 51; every entry is one or more bytes). */
static int starts_one(const char *w, size_t len, const char *const *tab, size_t n)
{
    if (len == 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (tab[i][0] != w[0])
            continue;
        size_t m = strlen(tab[i]);
        if (m <= len && memcmp(w, tab[i], m) == 0)
            return 1;
    }
    return 0;
}

size_t flag_ko_speaker(const char *w, size_t len, const char *next, size_t nlen)
{
    int verb = starts_one(next, nlen, ko_verbs, sizeof ko_verbs / sizeof ko_verbs[0]) ||
               starts_one(next, nlen, ko_moves, sizeof ko_moves / sizeof ko_moves[0]);
    int of = starts_one(next, nlen, ko_words_of, sizeof ko_words_of / sizeof ko_words_of[0]);

    if (!verb && !of)
        return 0;
    /* The dictionary is asked last, of a word of the right shape only:
     * loading it costs more than the rest of a redact (docs/SPEED.md). */
    for (size_t i = 0; i < sizeof ko_particles / sizeof ko_particles[0]; i++) {
        size_t p = strlen(ko_particles[i]), k = len - p;
        int possessive = memcmp(ko_particles[i] + p - 3, "의", 3) == 0;
        if (p >= len || memcmp(w + k, ko_particles[i], p) != 0 || (k != 6 && k != 9 && k != 12) ||
            (possessive ? !of : !verb))
            continue;
        if (redact_ordinary_ko(w, len, 0))
            return 0;
        return !redact_ordinary_ko(w, k, 0) || gazetteer_names_word(w, k) ? k : 0;
    }
    return 0;
}

int flag_ko_subject_of_verb(const char *rest, size_t n, const char *next, size_t nlen)
{
    size_t i;

    if (!starts_one(next, nlen, ko_verbs, sizeof ko_verbs / sizeof ko_verbs[0]) &&
        !starts_one(next, nlen, ko_moves, sizeof ko_moves / sizeof ko_moves[0]))
        return 0;
    for (i = 0; i < sizeof ko_particles / sizeof ko_particles[0]; i++)
        if (strlen(ko_particles[i]) == n && memcmp(rest, ko_particles[i], n) == 0 &&
            memcmp(ko_particles[i] + n - 3, "의", 3) != 0)
            return 1;
    return 0;
}
