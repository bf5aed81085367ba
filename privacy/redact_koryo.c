/* The Korean surname of a Koryo-saram name beside its given name, in any
 * script (report-adv37 L-6, L-7, L-13): a Russian given name of the
 * subject that was replaced (ターシャ, 塔莎, 타샤, dasha) takes with it the
 * subject's own surname written next to it, before or after, with a
 * space, a middle dot or nothing between (パク, 朴, 박, li).  Only the
 * subject's own surname: another Korean surname beside the given name is
 * no part of this person's name. */
#include <stdint.h>
#include <string.h>
#include <sodium.h>
#include <utf8proc.h>

#include "privacy/hanja.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/redact_scripts_int.h"
#include "privacy/romanise.h"
#include "privacy/transcribe.h"
#include "privacy/variants.h"
#include "privacy/variants_ko.h"
#include "privacy/variants_koryo.h"

/* 1 if cp stands between a given name and its surname: a space, a
 * hyphen, the middle dots of Chinese and Japanese (·, ・, •, ‧; the norm
 * view writes ・ as a hyphen, as it does the long vowel mark ー). */
static int name_dot(int cp)
{
    return cp == ' ' || cp == '-' || cp == 0xB7 || cp == 0x30FB || cp == 0x2022 || cp == 0x2027 ||
           cp == 0xFF65;
}

static int katakana(int cp)
{
    return (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC;
}

/* 1 if the syllable cp is one of set[0..KORYO_SYLLABLES). */
static int in_set(const int *set, int cp)
{
    for (int i = 0; i < KORYO_SYLLABLES && set[i] != 0; i++)
        if (set[i] == cp)
            return 1;
    return 0;
}

/* 1 if the Cyrillic word w[0..n) (norm bytes) is one of the Koryo-saram
 * spellings of the Hangul surname syllable cp (romanise_koryo_surname). */
static int koryo_spelled(int cp, const char *w, size_t n)
{
    const char *list = romanise_koryo_surname(cp);

    for (const char *p = list, *bar; p != NULL && *p != '\0'; p = *bar ? bar + 1 : bar) {
        bar = p + strcspn(p, "|");
        if ((size_t)(bar - p) == n && memcmp(p, w, n) == 0)
            return 1;
    }
    return 0;
}

/* Fills set[0..KORYO_SYLLABLES) (0-ended when not full) with the Hangul
 * syllables of the Korean surname whose Koryo-saram spelling is the
 * Cyrillic word w[0..n) (norm bytes; h its first syllable,
 * romanise_koryo_syllable): every Korean surname the spelling stands for
 * (Тен: 전 and 정, Чен: 전, 정, 천: romanise_koryo_surname's table), and
 * each one's other Hangul syllables (이 and 리, 류 and 유:
 * variants_same_surname). */
static void koryo_set(int *set, int h, const char *w, size_t n)
{
    utf8proc_uint8_t a[4], b[4];
    int m = 0;

    memset(set, 0, KORYO_SYLLABLES * sizeof set[0]);
    set[m++] = h;
    for (int cp = 0xAC00; cp <= 0xD7A3 && m < KORYO_SYLLABLES; cp++)
        if (cp != h && koryo_spelled(cp, w, n))
            set[m++] = cp;
    for (int i = 0, s = m; i < s; i++) {
        utf8proc_encode_char(set[i], a);
        for (int cp = 0xAC00; cp <= 0xD7A3 && m < KORYO_SYLLABLES; cp++)
            if (!in_set(set, cp) && utf8proc_encode_char(cp, b) == 3 &&
                variants_same_surname((const char *)a, 3, (const char *)b, 3))
                set[m++] = cp;
    }
    sodium_memzero(a, sizeof a), sodium_memzero(b, sizeof b);
}

int redact_koryo_term(struct redactor *r, struct term *tm, const char *norm, size_t len)
{
    size_t w[3][2], k, g = 0, s;
    int h = 0;
    utf8proc_uint8_t a[4];

    memset(tm->koryo, 0, sizeof tm->koryo);
    tm->koryo_given = tm->koryo_given_len = 0;
    if ((k = koryo_name_words(w, norm, len)) == 0)
        return 0;               /* one word, or more than three */
    /* A Russian given name and a Korean surname in its Koryo-saram
     * spelling, the surname first or last (Даша Ли, Ким Лена, Цой Виктор
     * Робертович): the given name is the word beside it, a patronymic
     * the third. */
    for (s = 0; s < k && h == 0; s += k - 1) {
        g = s == 0 ? 1 : 0;
        if (romanise_koryo_syllable(norm + w[g][0], w[g][1]) == 0)
            h = romanise_koryo_syllable(norm + w[s][0], w[s][1]);
    }
    if (h == 0 || utf8proc_encode_char(h, a) != 3)
        return 0;
    s -= k - 1;
    koryo_set(tm->koryo, h, norm + w[s][0], w[s][1]);
    if (secbuf_append(&r->arena, &r->used, &r->size, norm + w[g][0], w[g][1], &tm->koryo_given) != 0)
        return -1;
    tm->koryo_given_len = w[g][1];
    return 0;
}

/* 1 if the katakana word w[0..n) (norm bytes) is written as Japanese
 * writes a Koryo-saram spelling of the surname syllable h (Тен テン, Ли
 * リ, Цой ツォイ: romanise_koryo_surname, romanise_ru_latin), compared by
 * their katakana keys (redact_scripts_kana_key, as a Russian given name's
 * katakana is).  Report-adv38 L-34. */
#define KORYO_KEY 64
static int koryo_kana(int h, const char *w, size_t n)
{
    const char *list = romanise_koryo_surname(h);
    char rd[KORYO_KEY], lat[KORYO_KEY], a[KORYO_KEY], b[KORYO_KEY];
    size_t m, k;
    int same = 0;

    if (list == NULL || (m = transcribe_kana_romaji(rd, sizeof rd, w, n)) == 0 ||
        redact_scripts_kana_key(a, sizeof a, rd, m) == 0)
        return 0;
    for (const char *p = list, *bar; *p != '\0' && !same; p = *bar ? bar + 1 : bar) {
        bar = p + strcspn(p, "|");
        for (int alt = 0; alt < 2 && !same; alt++)
            if ((k = romanise_ru_latin(lat, sizeof lat, p, (size_t)(bar - p), alt)) > 0 &&
                redact_scripts_kana_key(b, sizeof b, lat, k) > 0)
                same = strcmp(a, b) == 0;
    }
    sodium_memzero(rd, sizeof rd), sodium_memzero(lat, sizeof lat);
    sodium_memzero(a, sizeof a), sodium_memzero(b, sizeof b);
    return same;
}

/* 1 if the word w[0..n) (norm bytes: one Han character, one Hangul
 * syllable, a run of katakana, or a word of Latin or Cyrillic letters) is
 * a spelling of the surname whose syllables are set. */
static int own_surname(const int *set, const char *w, size_t n)
{
    int cp, k = utf8_next(&cp, w, n), r[8];
    utf8proc_uint8_t u[4];

    if (k <= 0)
        return 0;
    if (is_han_cp(cp)) {
        size_t m = hanja_readings(r, sizeof r / sizeof r[0], cp);
        for (size_t i = 0; i < m; i++)
            if (in_set(set, r[i]))
                return 1;
        return 0;
    }
    if (is_hangul_cp(cp))
        return (size_t)k == n && in_set(set, cp);
    for (int i = 0; i < KORYO_SYLLABLES && set[i] != 0; i++) {
        if (katakana(cp)) {
            struct slot s;
            korean_kana_syllable(&s, set[i]);
            for (int o = 0; o < s.n; o++)
                if (strlen(s.opt[o]) == n && memcmp(s.opt[o], w, n) == 0)
                    return 1;
            if (koryo_kana(set[i], w, n))
                return 1;
        } else if (is_cyrillic_cp(cp)) {
            if (romanise_koryo_syllable(w, n) == set[i])
                return 1;
        } else if (cp < 0x80 && utf8proc_encode_char(set[i], u) == 3 && n >= 2 &&
                   variants_same_surname(w, n, (const char *)u, 3)) {
            return 1;
        }
    }
    return 0;
}

/* The kind of letters a surname word is made of: a Han character or a
 * Hangul syllable is one character; katakana, Latin and Cyrillic letters
 * run on. */
static int same_run(int first, int cp)
{
    if (katakana(first))
        return katakana(cp);
    if (is_han_cp(first) || is_hangul_cp(first))
        return 0;
    return is_word_cp(cp) && !is_han_cp(cp) && !is_hangul_cp(cp) && !katakana(cp) &&
           (is_cyrillic_cp(first) == is_cyrillic_cp(cp));
}

/* Where the subject's surname written right after norm byte p ends; p if
 * none.  A Hangul syllable may take particles (박 씨는, 박은: left as
 * they are); another word's letters may not follow. */
static size_t surname_after(const struct normtext *t, size_t p, const int *set)
{
    size_t q = p, a, e;
    int cp, first, k;

    if (q < t->normlen && (k = utf8_next(&cp, t->norm + q, t->normlen - q)) > 0 && name_dot(cp))
        q += (size_t)k;
    a = q;
    if (q >= t->normlen || (k = utf8_next(&first, t->norm + q, t->normlen - q)) <= 0 ||
        !is_word_cp(first))
        return p;
    for (e = q + (size_t)k; e < t->normlen && (k = utf8_next(&cp, t->norm + e, t->normlen - e)) > 0 &&
                            same_run(first, cp); e += (size_t)k)
        ;
    if (!own_surname(set, t->norm + a, e - a))
        return p;
    /* The word ends there, but a Hangul surname's particles and a Han
     * one's sentence go on (朴在, 박은). */
    if (e < t->normlen && utf8_next(&cp, t->norm + e, t->normlen - e) > 0 && is_word_cp(cp) &&
        !is_han_cp(first) && !katakana(first)) {
        size_t w = e;
        while (w < t->normlen && (k = utf8_next(&cp, t->norm + w, t->normlen - w)) > 0 && is_word_cp(cp))
            w += (size_t)k;
        if (!is_hangul_cp(first) || !variants_ko_common_suffix(t->norm + e, w - e))
            return p;
    }
    return e;
}

/* Where the subject's surname written right before norm byte p starts; p
 * if none (朴타샤, パク・ターシャ, Пак Таша). */
static size_t surname_before(const struct normtext *t, size_t p, const int *set)
{
    size_t q = p, b, a;
    int cp, last;

    if (q > 0 && name_dot(redact_cp_before(t->norm, q)))
        q = redact_cp_start(t->norm, q);
    b = q;
    if (q == 0 || !is_word_cp(last = redact_cp_before(t->norm, q)))
        return p;
    a = redact_cp_start(t->norm, q);
    while (a > 0 && same_run(last, cp = redact_cp_before(t->norm, a)))
        a = redact_cp_start(t->norm, a);
    /* A whole word: nothing of the same script glued before it. */
    if (a > 0 && (cp = redact_cp_before(t->norm, a), is_word_cp(cp)) && !is_han_cp(last) &&
        !katakana(last))
        return p;
    return own_surname(set, t->norm + a, b - a) ? a : p;
}

/* The Koryo-saram surname syllables of subject's names (redact_koryo_term),
 * or NULL if none has one. */
static const int *subject_koryo(const struct redactor *r, long subject)
{
    for (size_t k = 0; k < r->nterms; k++)
        if (r->terms[k].subject == subject && r->terms[k].koryo[0] != 0)
            return r->terms[k].koryo;
    return NULL;
}

/* Up to cap Cyrillic letters of w[0..n) (norm bytes) into c, ё read as
 * е; their count, or 0 if w holds anything else or more. */
static int cyrillic_letters(int *c, int cap, const char *w, size_t n)
{
    int m = 0, cp, k;

    for (size_t at = 0; at < n; at += (size_t)k) {
        if (m == cap || (k = utf8_next(&cp, w + at, n - at)) <= 0 || !is_cyrillic_cp(cp))
            return 0;
        c[m++] = cp == 0x451 ? 0x435 : cp;
    }
    return m;
}

static int cyr_vowel(int cp)
{
    static const int v[] = { 0x430, 0x435, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F };

    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (v[i] == cp)
            return 1;
    return 0;
}

/* 1 if the Cyrillic word w[0..n) (norm bytes) has the shape of a
 * diminutive or familiar form of the given name g[0..gn) in one of its
 * cases: it begins with the first three letters of the name's stem (ё
 * read as е) and is longer than them, and it ends as a noun in -а/-я
 * does in its cases (-а, -я, -ы, -и, -е, -у, -ю, -ой, -ей): Олежка,
 * Олежке of Олег, Иришка of Ирина, Лёва of Лев, Мариша of Марина, Серёжей
 * of Сергей.  Only asked beside the subject's own surname: the shape
 * alone is any name's with those letters. */
#define SHAPE_MAX 32
static int given_shape(const char *w, size_t n, const char *g, size_t gn)
{
    int wc[SHAPE_MAX], gc[SHAPE_MAX], nw = cyrillic_letters(wc, SHAPE_MAX, w, n),
        ng = cyrillic_letters(gc, SHAPE_MAX, g, gn), ns = ng, last;

    if (ng > 0 && (cyr_vowel(gc[ng - 1]) || gc[ng - 1] == 0x439 || gc[ng - 1] == 0x44C))
        ns--;
    if (ns < 3 || nw < 4)
        return 0;
    for (int i = 0; i < 3; i++)
        if (wc[i] != gc[i])
            return 0;
    last = wc[nw - 1];
    if (last == 0x439)          /* -ой, -ей */
        return wc[nw - 2] == 0x43E || wc[nw - 2] == 0x435;
    return last == 0x430 || last == 0x44F || last == 0x44B || last == 0x438 || last == 0x435 ||
           last == 0x443 || last == 0x44E;
}

/* 1 if the Cyrillic word w[0..n) (norm bytes) is the surname whose
 * syllables are set as it stands or in a case (Хан, Хану; Цой, Цою:
 * one to three letters of ending off, the -й the cases drop put back). */
static int cyrillic_surname(const int *set, const char *w, size_t n)
{
    char stem[SHAPE_MAX * 2 + 2];
    int c[SHAPE_MAX], m = cyrillic_letters(c, SHAPE_MAX, w, n), h, found = 0;

    for (int cut = 0; cut <= 3 && cut < m && !found; cut++) {
        size_t sn = n - 2 * (size_t)cut;   /* Cyrillic letters: two bytes each */
        memcpy(stem, w, sn);
        found = ((h = romanise_koryo_syllable(stem, sn)) != 0 && in_set(set, h));
        if (!found && cut > 0) {
            memcpy(stem + sn, "й", 2);
            found = (h = romanise_koryo_syllable(stem, sn + 2)) != 0 && in_set(set, h);
        }
    }
    sodium_memzero(stem, sizeof stem);
    return m > 0 && found;
}

/* Where the word written right before norm byte p (after one space or
 * hyphen) starts, when it is a capitalised diminutive shape of the given
 * name g[0..gn) (given_shape); p if none (Олежка Хан, Иришка-Тен). */
static size_t shape_before(const struct normtext *t, size_t p, const char *g, size_t gn)
{
    size_t q = p, a;
    int dot = redact_cp_before(t->norm, q);

    if (q == 0 || (dot != ' ' && dot != '-'))
        return p;
    q = redact_cp_start(t->norm, q);
    for (a = q; a > 0 && is_cyrillic_cp(redact_cp_before(t->norm, a));)
        a = redact_cp_start(t->norm, a);
    if (a == q || (a > 0 && is_word_cp(redact_cp_before(t->norm, a))) || !redact_upper_at(t, a) ||
        !given_shape(t->norm + a, q - a, g, gn))
        return p;
    return a;
}

/* Where the word written right after norm byte p ends, as shape_before
 * (Тен Иришка); p if none. */
static size_t shape_after(const struct normtext *t, size_t p, const char *g, size_t gn)
{
    size_t q = p, e;
    int cp, k;

    if (q >= t->normlen || (t->norm[q] != ' ' && t->norm[q] != '-'))
        return p;
    q++;
    for (e = q; e < t->normlen && (k = utf8_next(&cp, t->norm + e, t->normlen - e)) > 0 && is_cyrillic_cp(cp);)
        e += (size_t)k;
    if (e == q || (e < t->normlen && utf8_next(&cp, t->norm + e, t->normlen - e) > 0 && is_word_cp(cp)) ||
        !redact_upper_at(t, q) || !given_shape(t->norm + q, e - q, g, gn))
        return p;
    return e;
}

/* The given name of subject's Koryo-saram name in r's arena (its length
 * in *n), or NULL. */
static const char *subject_given(const struct redactor *r, long subject, size_t *n)
{
    for (size_t k = 0; k < r->nterms; k++)
        if (r->terms[k].subject == subject && r->terms[k].koryo[0] != 0 && r->terms[k].koryo_given_len > 0) {
            *n = r->terms[k].koryo_given_len;
            return r->arena + r->terms[k].koryo_given;
        }
    return NULL;
}

/* A short form flagged alone (레나: a review flag, its Hangul form is
 * short) beside its own subject's surname (레나 김, 金레나) is that
 * subject's name written whole: replaced.  flags[i].term is the literal
 * (redact_file_hit).  0, or -1 when out of memory. */
static int promote_flags(struct spans *sp, const struct spans *flags, const struct redactor *r,
                         const struct normtext *t)
{
    for (size_t i = 0; i < flags->n; i++) {
        const struct span *f = &flags->s[i];
        const int *set;
        const char *g;
        size_t a, b, gn;
        long subject;

        if ((f->cat != FLAG_SHORT_NAME && f->cat != FLAG_NAME_OR_WORD) || f->term >= r->nlits ||
            r->terms[r->lits[f->term].term].cat != NAME_CAT ||
            (set = subject_koryo(r, subject = r->terms[r->lits[f->term].term].subject)) == NULL)
            continue;
        a = f->start, b = f->end;
        if (f->cat == FLAG_SHORT_NAME)
            a = surname_before(t, f->start, set), b = surname_after(t, f->end, set);
        /* The surname only flagged, as a word it also is (Хан: khan),
         * beside a diminutive of the subject's given name (Хан Олежка). */
        if (a == f->start && b == f->end && (g = subject_given(r, subject, &gn)) != NULL &&
            cyrillic_surname(set, t->norm + f->start, f->end - f->start))
            a = shape_before(t, f->start, g, gn), b = shape_after(t, f->end, g, gn);
        if (a == f->start && b == f->end)
            continue;
        struct span s = *f;
        s.start = a, s.end = b, s.cat = CAT_PSEUDONYM, s.rule = r->lits[f->term].rule;
        s.term = r->lits[f->term].term, s.subject = r->terms[s.term].subject;
        s.word = 0, s.review = 0, s.glued = 0;
        if (redact_span_add(sp, &s) != 0)
            return -1;
    }
    return 0;
}

/* 1 if subjects x and y have Koryo-saram names with the same given name
 * (Ким Сергей and Пак Сергей), or are one. */
static int same_given(const struct redactor *r, long x, long y)
{
    const char *gx, *gy;
    size_t nx, ny;

    if (x == y)
        return 1;
    return (gx = subject_given(r, x, &nx)) != NULL && (gy = subject_given(r, y, &ny)) != NULL &&
           nx == ny && memcmp(gx, gy, nx) == 0;
}

/* A given name only flagged as a transcription or glued (セルゲイ, 謝爾蓋,
 * 세르게이: its reading is two subjects', Ким Сергей's and Пак Сергей's)
 * beside the surname of one of the subjects with that given name (キム・
 * セルゲイ, 朴謝爾蓋, 김세르게이가): the whole name is that subject's,
 * replaced (report-adv38, flagged only).  Several such subjects with the
 * surname too: a [PERSON-n].  0, or -1 when out of memory. */
static int promote_readings(struct spans *sp, const struct spans *flags, const struct redactor *r,
                            const struct normtext *t)
{
    for (size_t i = 0; i < flags->n; i++) {
        const struct span *f = &flags->s[i];
        struct span s = *f;
        int found = 0;

        int cp;

        /* Han, Hangul and katakana: a flag over Latin letters may end
         * inside a word ("Sergei a" of "Sergei arrived"). */
        if ((f->cat != FLAG_TRANSCRIPTION && f->cat != FLAG_GLUED_NAME) ||
            utf8_next(&cp, t->norm + f->start, t->normlen - f->start) <= 0 ||
            !(is_han_cp(cp) || is_hangul_cp(cp) || katakana(cp)))
            continue;
        for (size_t k = 0; k < r->nterms; k++) {
            const struct term *tm = &r->terms[k];
            size_t a, b;
            if (tm->cat != NAME_CAT || tm->koryo[0] == 0 || (found && s.subject == tm->subject) ||
                !same_given(r, f->subject, tm->subject))
                continue;
            a = surname_before(t, f->start, tm->koryo), b = surname_after(t, f->end, tm->koryo);
            if (a == f->start && b == f->end)
                continue;
            if (found++ == 0)
                s.start = a, s.end = b, s.term = k, s.subject = tm->subject;
        }
        if (!found)
            continue;
        s.cat = found == 1 ? CAT_PSEUDONYM : TERM_PERSON, s.rule = RULE_VARIANT;
        s.word = 0, s.review = 0, s.glued = 0;
        if (redact_span_add(sp, &s) != 0)
            return -1;
    }
    return 0;
}

/* The length in bytes of a Japanese title of a person at s[0..n) (さん,
 *様, さま, 氏, 君, くん, ちゃん), or 0. */
static size_t person_title(const char *s, size_t n)
{
    static const char *const titles[] = { "さん", "さま", "様", "氏", "くん", "君", "ちゃん" };

    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
        size_t k = strlen(titles[i]);
        if (k <= n && memcmp(s, titles[i], k) == 0)
            return k;
    }
    return 0;
}

/* 1 if a Korean title of a person follows the Hangul surname syllable
 * ending at norm byte e (report-adv39 L-15, L-18): 씨, 님, 선생 or 선생님
 * after one space or glued (이 씨가, 한씨는), or 군, 양 glued (김군이)
 * when the whole word is no ordinary Korean word (이양 "transfer":
 * redact_ordinary_ko); Korean particles only may follow the title
 * (variants_ko_common_suffix: 이 씨앗, 한 씨름, 정 씨족 are other words).
 * With a space 군 and 양 are too often words of their own (이 양 "this
 * amount", 한 군 "one county"): no title there. */
static int korean_title(const struct normtext *t, size_t b, size_t e)
{
    static const char *const titles[] = { "선생님", "선생", "씨", "님", "군", "양" };
    size_t q = e, w, tl;
    int cp, k, spaced = 0;

    if (q < t->normlen && t->norm[q] == ' ')
        q++, spaced = 1;
    for (w = q; w < t->normlen && (k = utf8_next(&cp, t->norm + w, t->normlen - w)) > 0 && is_hangul_cp(cp);)
        w += (size_t)k;
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
        tl = strlen(titles[i]);
        if (tl > w - q || memcmp(t->norm + q, titles[i], tl) != 0)
            continue;
        if (tl < w - q && !variants_ko_common_suffix(t->norm + q + tl, w - q - tl))
            continue;
        if (i >= 4 && (spaced || redact_ordinary_ko(t->norm + b, w - b, 1)))
            return 0;
        return 1;
    }
    return 0;
}

/* A Koryo-saram surname alone before a title of a person: in katakana
 * (キムさん, リさん, テン様: report-adv38 L-45, L-46), one Han character
 * before a Japanese title (崔さん, 李様, 朴氏: report-adv39 L-11..13,
 * L-16; its Korean readings, as own_surname's), or one Hangul syllable
 * before a Korean one (이 씨가, 한 씨: L-15, L-18; korean_title): the
 * title marks a person, and the surname is that of the subjects whose
 * Koryo-saram name has it (the Russian spelling's Korean syllable:
 * romanise_koryo_syllable, Ли 이/리, Хан 한).  One subject: its
 * pseudonym; several (Ким of Ким Сергей and Ким Ольга): a [PERSON-n] of
 * the first one's term, as a form two subjects share is.  The title
 * stays.  A Han character or Hangul syllable written right after another
 * of its script is part of another word (大金さん, 미이 씨).  0, or -1
 * when out of memory. */
static int titled_surnames(struct spans *sp, const struct redactor *r, const struct normtext *t)
{
    size_t a = 0, e, k;
    int cp, n, titled;

    /* Gates (red44): nothing is filed without a subject's Koryo-saram
     * name, and an ASCII byte is no Han, Hangul or katakana letter. */
    for (k = 0; k < r->nterms && (r->terms[k].cat != NAME_CAT || r->terms[k].koryo[0] == 0); k++)
        ;
    if (k == r->nterms)
        return 0;
    while (a < t->normlen) {
        if ((unsigned char)t->norm[a] < 0x80) {
            a++;
            continue;
        }
        if ((n = utf8_next(&cp, t->norm + a, t->normlen - a)) <= 0)
            return 0;
        if (is_han_cp(cp) || is_hangul_cp(cp)) {
            int before = a > 0 ? redact_cp_before(t->norm, a) : 0;
            e = a + (size_t)n;
            titled = !(is_han_cp(before) || is_hangul_cp(before) || katakana(before)) &&
                     (a == 0 || !name_dot(before)) &&
                     (is_han_cp(cp) ? person_title(t->norm + e, t->normlen - e) > 0 : korean_title(t, a, e));
        } else if (!katakana(cp) || (a > 0 && katakana(redact_cp_before(t->norm, a)))) {
            a += (size_t)n;
            continue;
        } else {
            for (e = a; e < t->normlen && (n = utf8_next(&cp, t->norm + e, t->normlen - e)) > 0 && katakana(cp);)
                e += (size_t)n;
            /* Alone: a given name written before it with a middle dot is
             * another person's name (ターシャ・キムさん: kor38.jsonl). */
            titled = person_title(t->norm + e, t->normlen - e) > 0 && (a == 0 || !name_dot(redact_cp_before(t->norm, a)));
        }
        if (titled) {
            struct span s = { 0 };
            int found = 0;
            for (k = 0; k < r->nterms; k++) {
                if (r->terms[k].cat != NAME_CAT || r->terms[k].koryo[0] == 0 ||
                    !own_surname(r->terms[k].koryo, t->norm + a, e - a) ||
                    (found && s.subject == r->terms[k].subject))
                    continue;
                if (found++ == 0)
                    s.term = k, s.subject = r->terms[k].subject;
            }
            if (found) {
                s.start = a, s.end = e, s.rule = RULE_VARIANT;
                s.cat = found == 1 ? CAT_PSEUDONYM : TERM_PERSON;
                if (redact_span_add(sp, &s) != 0)
                    return -1;
            }
        }
        a = e;
    }
    return 0;
}

int redact_koryo_surnames(struct spans *sp, const struct spans *flags, const struct redactor *r,
                          const struct normtext *t)
{
    for (size_t i = 0; i < sp->n; i++) {
        struct span *s = &sp->s[i];
        const int *set = NULL;
        const char *g;
        size_t a, b, gn;

        /* A form two subjects' names share is [PERSON-n] (TERM_PERSON:
         * Даша of Даша Ли and of Дар'я): beside one subject's own
         * surname it is that subject's (dasha li). */
        if ((s->cat != CAT_PSEUDONYM && s->cat != TERM_PERSON) || s->term >= r->nterms)
            continue;
        if ((set = subject_koryo(r, s->subject)) == NULL)
            continue;
        a = surname_before(t, s->start, set), b = surname_after(t, s->end, set);
        /* The surname alone, in Cyrillic, beside a diminutive of the
         * subject's given name that no table holds (Олежка Хан, Лёва
         * Ким, Тен Иришка: report-adv38 L-29, L-35, L-64). */
        if (a == s->start && b == s->end && (g = subject_given(r, s->subject, &gn)) != NULL &&
            cyrillic_surname(set, t->norm + s->start, s->end - s->start))
            a = shape_before(t, s->start, g, gn), b = shape_after(t, s->end, g, gn);
        if (a != s->start || b != s->end)
            s->cat = CAT_PSEUDONYM;
        s->start = a, s->end = b;
    }
    if (promote_flags(sp, flags, r, t) != 0 || promote_readings(sp, flags, r, t) != 0)
        return -1;
    return titled_surnames(sp, r, t);
}

int redact_koryo_spelling(const char *surname, size_t sn, const char *w, size_t n)
{
    int set[KORYO_SYLLABLES], h = romanise_koryo_syllable(surname, sn), same;

    if (h == 0 || n == 0)
        return 0;
    koryo_set(set, h, surname, sn);
    same = own_surname(set, w, n);
    sodium_memzero(set, sizeof set);
    return same;
}
