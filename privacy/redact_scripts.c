/* A registered name written in another script or transcription system
 * (issue 12, F12/F28): the scan that compares the words of a text with
 * each name's keys (redact_scripts_keys.c builds them).  The rules
 * and what they leave: docs/VARIANTS.md, "Other scripts and
 * transcriptions". */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/common_words.h"
#include "privacy/han_place.h"
#include "privacy/hangul_endings.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"
#include "privacy/redact_scripts_int.h"
#include "privacy/transcribe.h"
#include "privacy/variants.h"
#include "util/lexicon.h"

/* A word of the text: norm bytes [start, end), its script. */
struct word {
    size_t start, end;
    int script, capital;
};

/* 1 if the norm text between two words is only what joins the words of
 * a name: spaces, hyphens, middle dots (萨拉·惠特菲尔德). */
static int joins(const char *s, size_t a, size_t b)
{
    int cp, n;

    if (a == b)
        return 0;
    while (a < b && (n = utf8_next(&cp, s + a, b - a)) > 0) {
        if (cp != ' ' && cp != '-' && cp != 0xB7 && cp != 0x30FB && cp != 0x2027 &&
            cp != 0x202F && cp != 0x2E31)
            return 0;
        a += (size_t)n;
    }
    return 1;
}

/* Adds the span [a, b) of key k: a replacement into sp when whole says
 * so, else a review flag into flags (when not NULL).  A key another
 * subject shares (redact_scripts_key_shared) is a review flag whatever
 * the reader said: two subjects' names read alike are never one of them
 * silently, on every path (바트바야르 for two subjects named Батбаяр took
 * the first registered one's pseudonym; session 48, lead48.jsonl).  The
 * Chinese, Japanese and Hanja keys (SK_CJK and after) are settled by their
 * readers: voiced_pick tells two subjects' keys apart by their stops'
 * voicing, and a Hanja key is read for each subject. */
static int file(struct spans *sp, struct spans *flags, const struct redactor *r,
                const struct script_key *k, size_t a, size_t b, int whole)
{
    const struct term *tm = &r->terms[k->term];
    struct span s = { a, b, 0, RULE_VARIANT, tm->subject, k->term, 0, 0, 0 };

    if (whole && k->kind < SK_CJK && redact_scripts_key_shared(r, k))
        whole = 0;

    if (!whole) {
        if (flags == NULL)
            return 0;
        s.cat = FLAG_TRANSCRIPTION, s.review = 1;
        return redact_span_add(flags, &s);
    }
    s.cat = tm->cat == NAME_CAT ? CAT_PSEUDONYM : tm->cat;
    return redact_span_add(sp, &s);
}

/* 1 if the one word w[0..len) (norm bytes) is an ordinary word of its
 * script's dictionary: a transcription that is a word is no more than a
 * review flag. */
static int ordinary(const char *w, size_t len)
{
    int cp, lang;

    if (utf8_next(&cp, w, len) <= 0 || (lang = lexicon_lang_of(cp)) < 0)
        return 0;
    return redact_known_word(lang, w, len);
}

/* 1 if a Hangul window of the words ws[0..n) holds a word the Korean
 * dictionary knows: after its first word (사라 of 사라 휘트필드 is a
 * word too), or for a review flag (strict) in any of them.  A foreign
 * name in Hangul is no Korean word, while runs of ordinary words share
 * the short skeletons of names (말갈 뒤, 될 줄은: test_eval). */
static int known_after(const struct normtext *t, const struct word *ws, size_t n, int strict)
{
    size_t i;

    for (i = strict || n == 1 ? 0 : 1; i < n; i++)
        if (ordinary(t->norm + ws[i].start, ws[i].end - ws[i].start))
            return 1;
    return 0;
}

/* Particles that follow a noun and never a verb's form in -지 (울지가,
 * 울지를, 울지도 are "cry" as well as Ulzii; 울지에게 is only a name). */
static const char *const noun_particles[] = {
    "에게", "한테", "께", "의", "와", "랑", "하고", "더러", "보고",
};

/* 1 if a word of address (씨, 동무: variants_ko_marks_name) follows the
 * Hangul word ws[0] ending at norm byte p: in its particles, or as the
 * next word ws[1] when nw > 1. */
static int addressed(const struct normtext *t, const struct word *ws, size_t nw, size_t p)
{
    size_t n = ws[0].end - p;

    if (n == 0 && nw > 1)
        return variants_ko_marks_name(t->norm + ws[1].start, ws[1].end - ws[1].start);
    return n > 0 && variants_ko_marks_name(t->norm + p, n);
}

/* 1 if what is glued after the Hangul word ws[0]'s window (norm bytes
 * p..end) belongs to the word: hunspell-ko reads the whole word as one
 * word (떠받아 is a form of 떠받다, not 떠받 and the vocative 아; 겉모양 is a
 * noun, not 겉모 and 양 "Miss": test_eval's ko-words.txt with Дэвид and
 * Готэм registered), so it marks no person.  A word of address as the
 * next word still does (스미스 씨). */
static int glued_is_word(const struct normtext *t, const struct word *ws, size_t p)
{
    return p < ws[0].end &&
           redact_ko_word_itself(t->norm + ws[0].start, ws[0].end - ws[0].start, p - ws[0].start);
}

/* 1 if what follows a short Hangul word ws[0] ending at norm byte p (its
 * particles, or the next word ws[1] when nw > 1) marks a person: a word
 * of address (씨, 동무: variants_ko_marks_name) or a particle only nouns
 * take. */
static int marks_person(const struct normtext *t, const struct word *ws, size_t nw, size_t p)
{
    const char *rest = t->norm + p;
    size_t n = ws[0].end - p, i, k;

    if (addressed(t, ws, nw, p))
        return 1;
    for (i = 0; i < sizeof noun_particles / sizeof noun_particles[0]; i++)
        if ((k = strlen(noun_particles[i])) <= n && memcmp(rest, noun_particles[i], k) == 0)
            return 1;
    return 0;
}

/* A Hangul word ws[0] up to norm byte p (particles after it), two
 * syllables or more, read rd[0..used) to the skeleton skel of 3-4
 * classes, as one word of a foreign name in Korean loanword spelling
 * (스미스 씨가, 이바노프가).  Replaced (*whole) where the Korean dictionary
 * does not know the word and its vowels agree too (the vowel key, ㅡ and
 * a final 지's ㅣ left out: 이바노프 is Ivanov's IPANOP), or its consonants
 * agree and a word of address or a noun's particle follows (브라운 씨); a
 * review flag where the dictionary knows it but such a mark follows.
 * Consonants alone with no mark say nothing: ordinary words share three
 * classes (사람, 졸업: test_eval).  Returns the key, or NULL. */
static const struct script_key *loan_word(const struct redactor *r, const struct normtext *t,
                                          const struct word *ws, size_t nw, size_t p,
                                          const char *rd, size_t used, const char *skel,
                                          int *whole)
{
    char vk[TRANSCRIBE_SKEL_MAX + 1];
    const struct script_key *k = redact_scripts_key_find(r, SK_LOAN, skel), *v = NULL;
    int known, marked;

    if (p - ws[0].start < 6)
        return NULL;            /* one syllable (광): a word's */
    if (transcribe_vowel_key(vk, sizeof vk, rd, transcribe_hangul_final(rd, used)) <=
        TRANSCRIBE_SKEL_MAX)
        v = redact_scripts_key_find(r, SK_SHORT, vk);
    if (k == NULL && v == NULL)
        return NULL;
    known = redact_ordinary_ko(t->norm + ws[0].start, ws[0].end - ws[0].start, 0);
    /* A word the dictionary knows is marked only by a word of address
     * (사람이, 졸업을, 불안의: a noun's particle follows every noun). */
    marked = known ? addressed(t, ws, nw, p) && !glued_is_word(t, ws, p)
                   : marks_person(t, ws, nw, p);
    if (!marked && (known || v == NULL))
        return NULL;
    *whole = !known;
    return v != NULL ? v : k;
}

/* The reading s[0..len) of the window ws[0..j] against each Korean
 * name's Hanja keys: its pinyin (py), its Japanese on-reading (on) or its
 * Sino-Vietnamese reading (vi).
 * The whole name in two words or more is replaced; a given name alone
 * is a review flag, unless a word (June, which the English dictionary
 * lists capitalised). */
static int check_hanja(struct spans *sp, struct spans *flags, const struct redactor *r,
                       const struct word *ws, size_t j, const char *s, size_t len, int py, int on,
                       int vi)
{
    int syl[8];

    /* On-readings are short (to, in, ki): five letters at least, and a
     * given name alone in one word ("TO IN" reads 도인 too). */
    if (len < ONYOMI_MIN)
        on = 0;
    for (size_t i = r->nskel; i < r->nskeys; i++) {
        const struct script_key *k = &r->skeys[i];
        for (int m = 0; m < k->n; m++)
            syl[m] = k->syl[m];
        /* Sino-Vietnamese (Kim Chung Thu): a syllable a word, so two
         * words at least (kim alone is a word of several languages). */
        if (((py && transcribe_pinyin_reads(s, len, syl, k->n)) ||
             (vi && j > 0 && transcribe_hanviet_reads(s, len, syl, k->n)) ||
             (on && (k->kind == SK_HANJA || j == 0) &&
              transcribe_onyomi_reads(s, len, syl, k->n))) &&
            (k->kind == SK_HANJA || j > 0 ||
             !(ordinary(s, len) || lexicon_proper(LEXICON_EN, s, len) == 1)) &&
            file(sp, flags, r, k, ws[0].start, ws[j].end, k->kind == SK_HANJA && j > 0) != 0)
            return -1;
    }
    return 0;
}

/* Windows of the Latin words ws[0..nw) (each capitalised): the pinyin or
 * the Japanese on-reading (Kin Shoshu) of a Korean name's Hanja. */
static int scan_pinyin(struct spans *sp, struct spans *flags, const struct redactor *r,
                       const struct normtext *t, const struct word *ws, size_t nw, int lower)
{
    char s[64];
    size_t len = 0, j;

    for (j = 0; j < nw; j++) {
        size_t n = ws[j].end - ws[j].start;
        if (len + n > sizeof s)
            return 0;
        memcpy(s + len, t->norm + ws[j].start, n), len += n;
        /* In lower case, pinyin only: the short on-readings and
         * Vietnamese syllables make English words (into a: in to a). */
        int py = transcribe_is_pinyin(s, len), on = !lower && transcribe_is_onyomi(s, len);
        int vi = !lower && j > 0 && transcribe_is_hanviet(s, len);
        if ((py || on || vi) && check_hanja(sp, flags, r, ws, j, s, len, py, on, vi) != 0)
            return -1;
    }
    return 0;
}

/* Windows of the katakana words ws[0..nw): the Japanese on-reading of a
 * Korean name's Hanja (キン・ショウシュ for 金鍾洙, 김종수). */
static int scan_kana_onyomi(struct spans *sp, struct spans *flags, const struct redactor *r,
                            const struct normtext *t, const struct word *ws, size_t nw)
{
    char s[64];
    size_t len = 0, j, m;

    for (j = 0; j < nw; j++) {
        m = transcribe_kana_romaji(s + len, sizeof s - len, t->norm + ws[j].start,
                                   ws[j].end - ws[j].start);
        if (m == 0)
            return 0;
        len += m;
        if (transcribe_is_onyomi(s, len) && check_hanja(sp, flags, r, ws, j, s, len, 0, 1, 0) != 0)
            return -1;
    }
    return 0;
}

/* 1 if the window norm[a..p) of Han characters reads a skeleton of four
 * classes in HAN_WHOLE characters or more: a one-word name written a
 * character a syllable (巴特巴雅尔 for Батбаяр: report-adv17a D-40), as
 * certain a reading as a longer skeleton, so replaced, not flagged. */
#define HAN_WHOLE 5
static int han_whole(const struct normtext *t, const struct word *ws, size_t a, size_t p,
                     size_t c)
{
    size_t n = 0;
    int cp, k;

    if (ws[0].script != 4 || c < SKEL_FLAG)
        return 0;
    for (size_t i = a; i < p && (k = utf8_next(&cp, t->norm + i, p - i)) > 0; i += (size_t)k)
        n++;
    return n >= HAN_WHOLE;
}

/* The windows that start at norm byte a in word ws[0] (the words after it
 * in ws[1..nw) joined to it): each end a word's end, or for Hangul a
 * syllable followed by particles only, or for Han any character. */
static int scan_from(struct spans *sp, struct spans *flags, const struct redactor *r,
                     const struct normtext *t, const struct word *ws, size_t nw, size_t a,
                     const struct hangul_ending *h)
{
    char rd[READING_MAX], skel[TRANSCRIBE_SKEL_MAX + 1];
    size_t used = 0, j, p = a, c, done = 0;
    int cp, n, m;

    /* After a replacement of done classes only a longer one that reads
     * more classes is filed: the replacement covers the whole
     * transcription (바트에르데네가: 바트에르 of a short form Батэр, then
     * Бат-Эрдэнэ whole; report-adv21 A-9), and a particle stays
     * (알탄게렐|이 reads as many classes as 알탄게렐). */
    for (j = 0; j < nw; j++, p = j < nw ? ws[j].start : p) {
        while (p < ws[j].end && (n = utf8_next(&cp, t->norm + p, ws[j].end - p)) > 0) {
            size_t np = p + (size_t)n;
            if (h != NULL && p > h->at)
                return 0;       /* the ending was the window's last */
            if (h != NULL && p == h->at)
                cp = h->sub, np = h->end;
            /* A particle (被, 在, 说) ends a name's transcription. */
            if (ws[j].script == 4 && han_particle(t->norm + p, np - p))
                return 0;
            if (cp == 0)
                m = 0;
            else if ((m = ws[j].script == 4
                              ? transcribe_reading_heard(rd + used, sizeof rd - used, cp)
                              : transcribe_reading(rd + used, sizeof rd - used, cp)) < 0)
                return 0;
            used += (size_t)m, p = np;
            if (h != NULL && p != h->end)
                continue;
            if (ws[j].script == 5) {    /* baγatur: baatar */
                char cl[READING_MAX];
                memcpy(cl, rd, used);
                c = transcribe_skeleton(skel, sizeof skel, cl, transcribe_classical(cl, used));
            } else if (ws[j].script == 4 || ws[j].script == 6) {
                c = transcribe_skeleton_cjk(skel, sizeof skel, rd, used);
            } else {
                c = transcribe_skeleton(skel, sizeof skel, rd, used);
            }
            if (c > TRANSCRIBE_SKEL_MAX)
                return 0;
            /* A window mostly of the commonest Han characters is ordinary
             * Chinese (停了下 read as a key of Tanaka Hiroshi;
             * common_words.h), as in redact_context_refuses. */
            if (ws[0].script == 4 && common_han_run(t->norm + a, p - a))
                continue;
            if (ws[0].script == 6)
                c = transcribe_collapse(skel);
            if (c < 2 || (p < ws[j].end && ws[j].script != 4 &&
                          !(ws[j].script == 2 &&
                            variant_suffix_ok(SUFFIX_KO, t->norm + p, ws[j].end - p))))
                continue;
            if (ws[0].script == 2 && j == 0 && c >= LOAN_MIN && c < SKEL_REPLACE) {
                int whole = 0;
                const struct script_key *lk = loan_word(r, t, ws, nw, p, rd, used, skel, &whole);
                if (lk != NULL) {   /* and on: 알렉스 터너 is Alex Turner */
                    if (file(sp, flags, r, lk, a, p, whole) != 0)
                        return -1;
                    continue;
                }
            }
            /* A place term's name in the Mongolian script (ᠳᠠᠷᠬᠠᠨ for
             * Дархан, ᠬᠣᠪᠳᠤ for Ховд): replaced from three classes on, as
             * the script is rarely written in a testimony but for a
             * name, and a place's names are short. */
            if (ws[0].script == 5 && c >= SKEL_MN_PLACE) {
                const struct script_key *pk = redact_scripts_key_find(r, SK_MN_PLACE, skel);
                if (pk != NULL)
                    return file(sp, flags, r, pk, a, p, 1);
            }
            if (c < SKEL_FLAG) {
                /* A short name in one Hangul word (올지가 for Ulzii): its
                 * vowels too, a review flag where the Korean dictionary
                 * knows no reading of the word, even a loose one (울지가
                 * is also a form of 울다, "to cry", and stays). */
                const struct script_key *v = NULL;
                int known = 0, whole = 0;
                if (j > 0 || ws[0].script != 2 ||
                    transcribe_vowel_key(skel, sizeof skel, rd, used) > TRANSCRIBE_SKEL_MAX)
                    continue;
                /* Inside a longer word, the rest is a particle or a
                 * person's ending, not any chain of endings: 파르와|니아에서
                 * is no short name of Батбаяр (report-adv26a D-21). */
                if (p < ws[0].end && !variants_ko_common_suffix(t->norm + p, ws[0].end - p) &&
                    !variants_ko_person_chain(t->norm + p, ws[0].end - p))
                    continue;
                /* A Mongolian name's short form in Hangul (바타가 for Батаа,
                 * 알타 씨 for Алтаа; report-adv19a N-10): two syllables or
                 * more that no Korean word reads, followed by a particle
                 * or a word of address, is replaced as its Latin (Bataa)
                 * is; alone it is as often a dialect word (기래).  The
                 * dictionary is asked last, only for a word a key names:
                 * loading it costs more than the rest of a redact. */
                if ((v = redact_scripts_key_find(r, SK_SHORT, skel)) == NULL) {
                    if (p - a < 6 || (p == ws[0].end && !addressed(t, ws, nw, p)) ||
                        (v = redact_scripts_key_find(r, SK_MN_SHORT, skel)) == NULL ||
                        redact_ordinary_ko(t->norm + ws[0].start, ws[0].end - ws[0].start, 0))
                        continue;
                    whole = 1;
                } else {
                    known = redact_ordinary_ko(t->norm + ws[0].start, ws[0].end - ws[0].start, 0);
                }
                /* A glued ending (아, 양이) marks a person only where the
                 * dictionary does not read the whole word as one word
                 * (떠받아, 겉모양이: aud20). */
                if (known && (!marks_person(t, ws, nw, p) || glued_is_word(t, ws, p)))
                    continue;
                if (done > 0 && (!whole || c <= done))
                    continue;
                if (file(sp, flags, r, v, a, p, whole) != 0)
                    return -1;
                if (whole)
                    done = c;   /* the shortest: a particle stays (알탄|은) */
                continue;
            }
            const struct script_key *k =
                redact_scripts_key_find(r, ws[0].script == 6 ? SK_KANA : SK_SKELETON, skel);
            if (k == NULL && ws[0].script == 2)
                k = redact_scripts_key_find(r, SK_HANGUL, skel);
            /* Latin and Cyrillic spellings are the variants' (variants.c):
             * four classes there are English words (Freedom, Liable). */
            /* A name registered in pinyin is read in Han characters by
             * its syllables (redact_hanzi.c), not by a skeleton that
             * ordinary words share (山上 for Chen Jing). */
            if (k == NULL || (c < SKEL_REPLACE && (ws[0].script == 1 || ws[0].script == 3)) ||
                (ws[0].script == 4 && redact_hanzi_term(r, k->term)) ||
                (ws[0].script == 2 && known_after(t, ws, j + 1, c < SKEL_REPLACE)))
                continue;
            /* One word its dictionary knows is a review flag at most. */
            int whole = (c >= SKEL_REPLACE &&
                         !(j == 0 && ws[0].script != 4 &&
                           ordinary(t->norm + ws[0].start, ws[0].end - ws[0].start))) ||
                        han_whole(t, ws, a, p, c);
            /* Two subjects' names read alike: never one of them silently. */
            if (whole && redact_scripts_key_shared(r, k))
                whole = 0;
            /* A name that is also a place, where the words around it mark
             * the place ("near Florence"): a review flag at most
             * (redact_sense_place.c; brief s44 geo44); so is one named
             * after a person, a church or a dish (Собор Петра, коктейль
             * Маргарита: redact_sense_other_named; brief s46 short46). */
            if (whole && (redact_sense_place(t, a, p) || redact_sense_other_named(t, a, p)))
                whole = 0;
            /* A word of a public figure's whole name (Тараса Шевченко,
             * Gamal Abdel Nasser): the figure, kept, as the verdict keeps
             * it (redact_sense_other.c; brief s47 pub47, report-adv46
             * O-3, O-18). */
            if (redact_sense_public_figure(t, a, p))
                continue;
            if (done > 0 && (!whole || c <= done))
                continue;
            if (file(sp, flags, r, k, a, p, whole) != 0)
                return -1;
            if (whole)
                done = c;       /* the shortest: a particle stays (알탄게렐|이) */
        }
    }
    return 0;
}

/* The Hangul word ws[0] (and those joined to it, ws[1..nw)) read again
 * with Mongolian case endings after its second syllable or later
 * (hangul_endings.c): a name's key found in the stem is filed over the
 * stem and its endings. */
static int scan_mn_heard(struct spans *sp, struct spans *flags, const struct redactor *r,
                         const struct normtext *t, const struct word *ws, size_t nw)
{
    struct hangul_ending h[3];
    size_t q = ws[0].start, end = ws[0].end, nh, nsp = sp->n, nfl = flags != NULL ? flags->n : 0;
    int cp, n, syl = 0;

    for (; q < end && (n = utf8_next(&cp, t->norm + q, end - q)) > 0; q += (size_t)n, syl++) {
        if (syl < 1)
            continue;
        nh = hangul_mn_endings(h, sizeof h / sizeof h[0], t->norm + ws[0].start,
                               end - ws[0].start, q - ws[0].start);
        for (size_t i = 0; i < nh; i++) {
            h[i].at += ws[0].start, h[i].end += ws[0].start;
            if (scan_from(sp, flags, r, t, ws, nw, ws[0].start, &h[i]) != 0)
                return -1;
        }
    }
    /* A word hunspell-ko knows is Korean (군관들은: 들 is no -д -аар); the
     * dictionary is asked last, only where a key was found (its loading
     * costs more than the rest of a redact: docs/SPEED.md, session 24). */
    if ((sp->n > nsp || (flags != NULL && flags->n > nfl)) &&
        redact_ordinary_ko(t->norm + ws[0].start, end - ws[0].start, 1)) {
        sp->n = nsp;
        if (flags != NULL)
            flags->n = nfl;
    }
    return 0;
}

/* The Japanese particles and copula that end a name written in katakana
 * glued to the text before it (証人はソコロワです, 証人がダリアを見た): after
 * one of them a katakana word is a word of its own (brief s31 cjk31,
 * report-adv30 L-1).  From any grammar of Japanese: case particles (が,
 * を, に, で, と, の, へ, から, まで), the topic and additive particles (は,
 * も) and the copula's forms (です, だ). */
static const char *const ja_particles[] = {
    "\xe3\x81\xaf", "\xe3\x81\x8c", "\xe3\x82\x92", "\xe3\x81\xab", "\xe3\x81\xa7",
    "\xe3\x81\xa8", "\xe3\x81\xae", "\xe3\x82\x82", "\xe3\x81\xb8",
    "\xe3\x81\x8b\xe3\x82\x89", "\xe3\x81\xbe\xe3\x81\xa7",
    "\xe3\x81\xa7\xe3\x81\x99", "\xe3\x81\xa0",
};

/* 1 if the norm text s[0..p) ends with a Japanese particle
 * (ja_particles). */
static int after_ja_particle(const char *s, size_t p)
{
    for (size_t i = 0; i < sizeof ja_particles / sizeof ja_particles[0]; i++) {
        size_t k = strlen(ja_particles[i]);
        if (k <= p && memcmp(s + p - k, ja_particles[i], k) == 0)
            return 1;
    }
    return 0;
}

/* Characters Xinhua's tables write in foreign women's names that
 * redact_cjk_translit's table leaves out (丽 and 娅 of 达丽娅, 薇 of 薇拉,
 * 若 of 若拉 for Жора), and the Russian table's syllables it leaves out
 * (日 жи, 季 ди ти ть, 佳 дя тя, 捷 те, 久 дю, 柳 лю, 舒 шу, 申 шен, 涅
 * не, 夫 the final в of -ов; 历山大 of the established 亚历山大: 娜杰日达,
 * 塔季扬娜, 娜佳, 柳巴, 舒拉, 达申卡; report-adv33 L-14, L-59, L-71);
 * WRITTEN BY HAND for intake from 俄汉译音表 and want a native reviewer,
 * like that table. */
static const char name_chars[] = "丽娅薇若妮日季佳捷久柳舒申涅夫历山大";

static int name_char(const char *s, size_t n)
{
    const char *q = name_chars;

    if (redact_cjk_translit(s, n))
        return 1;
    for (; n == 3 && *q != 0; q += 3)
        if (memcmp(q, s, 3) == 0)
            return 1;
    return 0;
}

/* The sokuon ッ (U+30C3) before a kana in the katakana s[0..n): a
 * doubled consonant, which transcribe_kana_romaji does not write; marked
 * on the SK_CJK_KANA key kk (cap bytes) as redact_scripts_kana_key marks
 * a name's doubled consonant (Q), so ダッシャー (Dasher) is no ダーシャ
 * (report-adv32 O-1).  0, or -1 when the mark does not fit. */
static int kana_sokuon(char *kk, size_t cap, const char *s, size_t n)
{
    size_t k = strlen(kk), i = 0;
    int cp, m, before = 0;

    for (; i < n && (m = utf8_next(&cp, s + i, n - i)) > 0; i += (size_t)m, before = cp)
        if (before == 0x30C3 && transcribe_is_katakana(cp) && cp != 0x30FC) {
            if (k + 1 >= cap)
                return -1;
            kk[k] = 'Q', kk[k + 1] = '\0';
            return 0;
        }
    return 0;
}

/* k, a key another subject's key is too, or the SK_CJK_VOICED key of the
 * reading rd[0..n) where its stops' voicing says whose form it is (one
 * subject's only: 达莎 is Даша's, 塔莎 Таша's); *shared says whether the
 * key returned is still two subjects'. */
static const struct script_key *voiced_pick(const struct redactor *r, const struct script_key *k,
                                            const char *rd, size_t n, int *shared)
{
    char key[TRANSCRIBE_SKEL_MAX + 1];
    const struct script_key *vk;

    *shared = redact_scripts_key_shared(r, k);
    if (!*shared || redact_scripts_voiced_key(key, sizeof key, rd, n) == 0 ||
        (vk = redact_scripts_key_find(r, SK_CJK_VOICED, key)) == NULL ||
        redact_scripts_key_shared(r, vk))
        return k;
    *shared = 0;
    return vk;
}

/* The SK_CJK key of the window norm[a..b) of t in script sc (4 Han, 6
 * katakana) found among the keys: a replacement from CJK_KEY_WHOLE
 * letters on, else a review flag (宿舍里's 舍里 and ロシア read four
 * letters of a name's key: test_leaks_names' guard prose), a review flag
 * too where two subjects share the key; with alone (han_alone) a short
 * key is replaced too.  Han characters are read as a transcription hears
 * them, pinyin's r at a syllable's start as zh (若 ruo for Жо).  0, or -1
 * when out of memory. */
static int cjk_window(struct spans *sp, struct spans *flags, const struct redactor *r,
                      const struct normtext *t, size_t a, size_t b, int sc, int alone)
{
    char rd[READING_MAX], key[TRANSCRIBE_SKEL_MAX + 1];
    size_t used = 0, p = a, v;
    int cp, n, m, rc = 0;
    const struct script_key *k;

    if (sc == 6) {
        used = transcribe_kana_romaji(rd, sizeof rd, t->norm + a, b - a);
    } else {
        for (; p < b && (n = utf8_next(&cp, t->norm + p, b - p)) > 0; p += (size_t)n) {
            if ((m = transcribe_reading_heard(rd + used, sizeof rd - used - 1, cp)) <= 0)
                return 0;
            if (rd[used] == 'r') {
                memmove(rd + used + 1, rd + used, (size_t)m);
                rd[used] = 'z', rd[used + 1] = 'h', m++;
            }
            used += (size_t)m;
        }
    }
    v = used > 0 ? redact_scripts_cjk_key(key, sizeof key, rd, used) : 0;
    if (v >= CJK_KEY_MIN && v <= TRANSCRIBE_SKEL_MAX &&
        (k = redact_scripts_key_find(r, SK_CJK, key)) != NULL) {
        const struct script_key *kk = NULL;
        /* A short key in katakana: replaced where its sibilants and
         * palatal y agree too (SK_CJK_KANA: ダーシャ, not ロシア). */
        if (sc == 6 && v < CJK_KEY_WHOLE &&
            redact_scripts_kana_key(key, sizeof key, rd, used) == v &&
            kana_sokuon(key, sizeof key, t->norm + a, b - a) == 0 &&
            (kk = redact_scripts_key_find(r, SK_CJK_KANA, key)) != NULL)
            k = kk;
        int shared;
        k = voiced_pick(r, k, rd, used, &shared);
        rc = file(sp, flags, r, k, a, b, (v >= CJK_KEY_WHOLE || kk != NULL || alone) && !shared);
    }
    sodium_memzero(rd, sizeof rd);
    return rc;
}

/* 1 if the Han character before norm byte p (before = 1) or at it of t
 * is no part of a word that goes on a name's run: the text's edge, a
 * character of another script or punctuation, a particle (了 of 我见了,
 * 说) or one of the commonest characters (来 of 来了, 见): common_words.h. */
static int han_edge(const struct normtext *t, size_t p, int before)
{
    size_t q = p;
    int cp, n;

    if (before) {
        if (p == 0)
            return 1;
        for (q = p - 1; q > 0 && ((unsigned char)t->norm[q] & 0xC0) == 0x80; q--)
            ;
    } else if (p >= t->normlen) {
        return 1;
    }
    if ((n = utf8_next(&cp, t->norm + q, t->normlen - q)) <= 0 || !is_han_cp(cp))
        return 1;
    return han_particle(t->norm + q, (size_t)n) || common_han_run(t->norm + q, (size_t)n);
}

/* 1 if the run norm[a..b) of transliteration characters stands alone:
 * two or three characters with no rarer Han character glued before or
 * after it (萨沙来了, 我见了达莎。, 维拉 alone), as a foreign short name
 * stands in Chinese; inside a word (宿舍里's 舍里) it does not.  A short
 * key read in such a run is replaced, not flagged (report-adv33 L-14,
 * L-71). */
static int han_alone(const struct normtext *t, size_t a, size_t b)
{
    return b - a <= 9 && han_edge(t, a, 1) && han_edge(t, b, 0);
}

/* cjk_window on the window norm[a..b) of Han characters of the Han word
 * ws, unless the window is a piece of a country's or region's name
 * written there (han_place_cut: 克兰 of 乌克兰, 格兰 of 英格兰 read as
 * Колян, kolyan; brief s52 slav52), whatever name's key it reads. */
static int han_window(struct spans *sp, struct spans *flags, const struct redactor *r,
                      const struct normtext *t, const struct word *ws, size_t a, size_t b,
                      int alone)
{
    if (han_place_cut(t->norm, ws->start, ws->end, a, b))
        return 0;
    return cjk_window(sp, flags, r, t, a, b, 4, alone);
}

/* A given name, a surname or a listed short form of one written alone in
 * katakana (the whole word ws: ダーシャ, ソコロワ) or in Chinese
 * characters (a run of two or more characters of the transliteration
 * alphabet, name_char, in the Han word ws: 达莎, 萨沙; the run whole, or
 * its start or end): the SK_CJK keys (brief s31 cjk31, report-adv30 L-1,
 * L-3, L-7). */
static int scan_cjk_short(struct spans *sp, struct spans *flags, const struct redactor *r,
                          const struct normtext *t, const struct word *ws)
{
    size_t p = ws->start, q, a, b;
    int cp, n;

    if (ws->script == 6) {
        /* The norm view writes the long mark '-', so ダ|ー|シャ are
         * words: the window is the run whole, a mark after it too
         * (ツェツェグマー); none starts after a mark. */
        if (ws->start > 0 && normtext_long_mark(t, ws->start - 1))
            return 0;
        for (q = ws->end; q < t->normlen && normtext_long_mark(t, q);)
            for (q++; q < t->normlen && (n = utf8_next(&cp, t->norm + q, t->normlen - q)) > 0 &&
                      script_of(cp) == 6;)
                q += (size_t)n;
        return cjk_window(sp, flags, r, t, ws->start, q, 6, 0);
    }
    while (p < ws->end) {
        for (q = p; q < ws->end && (n = utf8_next(&cp, t->norm + q, ws->end - q)) > 0 &&
                    name_char(t->norm + q, (size_t)n);
             q += (size_t)n)
            ;
        if (q - p >= 6) {
            size_t nsp = sp->n;
            if (han_window(sp, flags, r, t, ws, p, q, han_alone(t, p, q)) != 0)
                return -1;
            for (a = p, b = q; sp->n == nsp && b - a > 6;) {
                if (han_window(sp, flags, r, t, ws, p, b - 3, 0) != 0 ||
                    han_window(sp, flags, r, t, ws, a + 3, q, 0) != 0)
                    return -1;
                a += 3, b -= 3;
            }
        }
        if (q == p && (n = utf8_next(&cp, t->norm + q, ws->end - q)) > 0)
            q += (size_t)n;
        else if (q == p)
            break;
        p = q;
    }
    return 0;
}

/* A given name or a listed short form of one written in one Hangul word
 * as Korean loanword spelling writes a Russian name (베라, 타냐, 다셴카,
 * 베로치카 for Вера, Таня, Дашенька, Верочка; report-adv33 L-24, L-70):
 * the word ws, or its start up to Korean particles (SUFFIX_KO), read in
 * Revised Romanisation, two syllables or more, and its SK_CJK key, as
 * the Chinese and Japanese forms are read.  The shortest window a key
 * reads is replaced (a particle stays: 로만|이), a review flag where two
 * subjects share the key; nothing where the Korean dictionary knows the
 * word as a word or a verb's form (타냐 "do you ride?", 베라 "cut!",
 * 다리야 "leg!", 울지 "cry", 마이크를, 올가을에: redact_ordinary_ko,
 * strict) or the window as a word of its own: those are the skeleton
 * keys' business (scan_from), which flag them where they may.  0, or -1
 * when out of memory. */
static int scan_hangul_cjk(struct spans *sp, struct spans *flags, const struct redactor *r,
                           const struct normtext *t, const struct word *ws)
{
    char rd[READING_MAX], key[TRANSCRIBE_SKEL_MAX + 1];
    const struct script_key *k, *best = NULL;
    size_t used = 0, p = ws->start, end = 0, v, syl = 0, rdend = 0;
    int cp, n, m, rc = 0;

    while (p < ws->end && (n = utf8_next(&cp, t->norm + p, ws->end - p)) > 0) {
        if ((m = transcribe_reading(rd + used, sizeof rd - used, cp)) < 0)
            break;
        used += (size_t)m, p += (size_t)n, syl++;
        if (syl < 2 || (p < ws->end && !variant_suffix_ok(SUFFIX_KO, t->norm + p, ws->end - p)))
            continue;
        v = redact_scripts_cjk_key(key, sizeof key, rd, used);
        if (v >= CJK_KEY_MIN && v <= TRANSCRIBE_SKEL_MAX &&
            (k = redact_scripts_key_find(r, SK_CJK, key)) != NULL) {
            best = k, end = p, rdend = used;
            break;
        }
    }
    if (best != NULL && !redact_ordinary_ko(t->norm + ws->start, ws->end - ws->start, 1) &&
        !redact_ko_own_word(t->norm + ws->start, end - ws->start)) {
        int shared;
        best = voiced_pick(r, best, rd, rdend, &shared);
        rc = file(sp, flags, r, best, ws->start, end, !shared);
    }
    sodium_memzero(rd, sizeof rd);
    return rc;
}

/* Appends the words of t (runs of letters of one script of script_of,
 * not glued to a digit or a letter of another kind) to *ws; with hira,
 * the runs of hiragana instead (script 7), glued or not: Japanese glues
 * every word (きんしょうしゅ が来た, brief s17 kana17 item 1). */
static int words_of(struct word **ws, size_t *nw, const struct normtext *t, int hira)
{
    size_t p = 0, cap = 0;
    int cp, n, sc, before = -1;

    *ws = NULL, *nw = 0;
    while (p < t->normlen && (n = utf8_next(&cp, t->norm + p, t->normlen - p)) > 0) {
        struct word w = { p, p, 0, 0 };
        int ocp = 0;
        if ((sc = hira ? 7 * (cp >= 0x3041 && cp <= 0x3096) : script_of(cp)) == 0) {
            before = cp, p += (size_t)n;
            continue;
        }
        w.script = sc;
        w.capital = utf8_next(&ocp, t->orig + t->ostart[p], t->inlen - t->ostart[p]) > 0 &&
                    normalise_is_upper(ocp);
        while (w.end < t->normlen && (n = utf8_next(&cp, t->norm + w.end, t->normlen - w.end)) > 0 &&
               (hira ? 7 * (cp >= 0x3041 && cp <= 0x3096) : script_of(cp)) == sc)
            w.end += (size_t)n;
        p = w.end;
        /* Hiragana particles after katakana are no glue (ドルジが). */
        if (!hira && ((before >= 0 && is_word_cp(before) && script_of(before) == 0 &&
                       !(sc == 6 && after_ja_particle(t->norm, w.start))) ||
            (p < t->normlen && utf8_next(&cp, t->norm + p, t->normlen - p) > 0 &&
             is_word_cp(cp) && script_of(cp) == 0 && !(sc == 6 && cp >= 0x3041 && cp <= 0x309F)))) {
            before = 'x';
            continue;           /* kim75, a code: the handles' business */
        }
        before = -1;
        if (*nw == cap) {
            size_t nc = cap ? 2 * cap : 64;
            struct word *g = realloc(*ws, nc * sizeof *g);
            if (g == NULL)
                return -1;
            *ws = g, cap = nc;
        }
        (*ws)[(*nw)++] = w;
    }
    return 0;
}

/* 1 if r protects a person or a place: a word in the Mongolian script
 * no key read is then a review flag (report-adv16a A-23). */
static int protects_named(const struct redactor *r)
{
    for (size_t i = 0; i < r->nterms; i++)
        if (r->terms[i].cat == NAME_CAT || r->terms[i].cat == TERM_PERSON ||
            r->terms[i].cat == TERM_PLACE)
            return 1;
    return 0;
}

/* The hiragana words of t, read as the katakana ones are for the
 * Japanese on-reading of a Korean name's Hanja (きん しょうしゅ): the whole
 * name in two words or more only, no review flag for a given name alone
 * (hiragana is mostly the endings and particles of Japanese words: しだ of
 * 少しだ reads a given name 시다), and not by skeleton. */
static int scan_hiragana(struct spans *sp, const struct redactor *r,
                         const struct normtext *t)
{
    struct word *ws;
    size_t nw, i, j;
    int rc = 0;

    if (words_of(&ws, &nw, t, 1) != 0)
        return -1;
    for (i = 0; rc == 0 && i < nw; i++) {
        for (j = i + 1; j < nw && j < i + WINDOW_WORDS && joins(t->norm, ws[j - 1].end, ws[j].start);
             j++)
            ;
        rc = scan_kana_onyomi(sp, NULL, r, t, ws + i, j - i);
    }
    free(ws);
    return rc;
}

int redact_find_scripts(struct spans *sp, struct spans *flags, const struct redactor *r,
                        const struct normtext *t)
{
    struct word *ws;
    size_t nw, i, j, a, run = 0, nsp = 0, nfl = 0;
    int rc = 0, named = flags != NULL && protects_named(r);

    if (r->nskeys == 0 && !named)
        return 0;
    if (words_of(&ws, &nw, t, 0) != 0)
        return -1;
    for (i = 0; rc == 0 && i < nw; i++) {
        int latin = ws[i].script == 1 || ws[i].script == 3;
        /* A Latin or Cyrillic letter alone is a word of its own, never a
         * part of a name read from it (redact_letter_alone): a vowel
         * adds nothing to the key's skeleton, so "У Кирилла Жукова" and
         * "I Kirill Zhukov" read as the name with the word before it
         * (session 46; У, О, И, Я, A, I were replaced with the name).
         * The reading starts at the next word. */
        if (latin && redact_letter_alone(t, ws[i].start, ws[i].end))
            continue;
        if (latin && !ws[i].capital) {
            /* Lower-case pinyin of a Korean name's Hanja, as chat and
             * user names write it (jin zhongzhu, piao minshu; brief s18
             * item 5, report-adv17a D-25): the whole name in two words or
             * more only, no review flag for one word (no flags). */
            if (ws[i].script == 1 && r->nskel < r->nskeys) {
                for (j = i + 1; j < nw && j < i + WINDOW_WORDS && ws[j].script == 1 &&
                                !ws[j].capital && joins(t->norm, ws[j - 1].end, ws[j].start);
                     j++)
                    ;
                if (j > i + 1)
                    rc = scan_pinyin(sp, NULL, r, t, ws + i, j - i, 1);
            }
            continue;
        }
        /* The words joined to this one: same script, spaces, hyphens or
         * middle dots between; in Latin and Cyrillic each capitalised. */
        for (j = i + 1; j < nw && j < i + WINDOW_WORDS && ws[j].script == ws[i].script &&
                        joins(t->norm, ws[j - 1].end, ws[j].start) && (!latin || ws[j].capital);
             j++)
            ;
        if (ws[i].script == 4) {
            int cp, n;
            for (a = ws[i].start; rc == 0 && a < ws[i].end; a += (size_t)n) {
                if ((n = utf8_next(&cp, t->norm + a, ws[i].end - a)) <= 0)
                    break;
                rc = scan_from(sp, flags, r, t, ws + i, j - i, a, NULL);
            }
        } else {
            rc = scan_from(sp, flags, r, t, ws + i, j - i, ws[i].start, NULL);
            /* The Arabic article glued in Hangul (알파르와니야 for
             * Farwaniya: brief s27 place27, report-adv26a D-10): the
             * word read again after it, four syllables or more. */
            if (rc == 0 && ws[i].script == 2 && ws[i].end - ws[i].start >= 12 &&
                memcmp(t->norm + ws[i].start, "\xec\x95\x8c", 3) == 0)   /* 알 */
                rc = scan_from(sp, flags, r, t, ws + i, j - i, ws[i].start + 3, NULL);
        }
        if (rc == 0 && ws[i].script == 2 && r->nskeys > 0)
            rc = scan_mn_heard(sp, flags, r, t, ws + i, j - i);
        if (rc == 0 && ws[i].script == 1 && r->nskel < r->nskeys)
            rc = scan_pinyin(sp, flags, r, t, ws + i, j - i, 0);
        if (rc == 0 && ws[i].script == 6 && r->nskel < r->nskeys)
            rc = scan_kana_onyomi(sp, flags, r, t, ws + i, j - i);
        if (rc == 0 && (ws[i].script == 4 || ws[i].script == 6) && r->nskeys > 0)
            rc = scan_cjk_short(sp, flags, r, t, ws + i);
        if (rc == 0 && ws[i].script == 2 && r->nskeys > 0)
            rc = scan_hangul_cjk(sp, flags, r, t, ws + i);
        /* A run of words in the Mongolian script that nothing read: a
         * review flag, unread-script, where a person or place is
         * protected. */
        if (rc == 0 && named && ws[i].script == 5) {
            if (i == 0 || ws[i - 1].script != 5 || !joins(t->norm, ws[i - 1].end, ws[i].start))
                run = i, nsp = sp->n, nfl = flags->n;
            if ((i + 1 == nw || ws[i + 1].script != 5 || !joins(t->norm, ws[i].end, ws[i + 1].start)) &&
                sp->n == nsp && flags->n == nfl) {
                struct span f = { ws[run].start, ws[i].end, FLAG_UNREAD_SCRIPT, 0, 0, SIZE_MAX, 0, 0, 0 };
                rc = redact_span_add(flags, &f);
            }
        }
    }
    free(ws);
    if (rc == 0 && r->nskel < r->nskeys)
        rc = scan_hiragana(sp, r, t);
    return rc;
}
