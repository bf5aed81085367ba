/* Name forms beside a person's name (brief i12-forms): what still names
 * the person next to a replaced name, taken into its replacement. */
#include <string.h>

#include "privacy/common_words.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/romanise.h"
#include "privacy/variants.h"

/* Longest abbreviation of a name part read before a name ("Батб."). */
#define ABBREV_MAX_CHARS 6

/* 1 if key[0..n) (ASCII lower case) starts a handle piece (a spelling of
 * a part of a name, redact_handles.c; sorted) of a name of subject;
 * n < HANDLE_PIECE_MAX. */
static int starts_piece(const struct redactor *r, long subject, const char *key, size_t n)
{
    size_t lo = 0, hi = r->npieces, mid;

    while (lo < hi) {           /* the first piece not below key */
        mid = (lo + hi) / 2;
        if (memcmp(r->pieces[mid].s, key, n) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < r->npieces && memcmp(r->pieces[lo].s, key, n) == 0; lo++)
        if (r->pieces[lo].len > n && r->terms[r->pieces[lo].term].subject == subject)
            return 1;
    return 0;
}

/* 1 if cp (norm view: lower case, Latin without marks) is a vowel, or a
 * Cyrillic soft or hard sign or й.  Russian, Ukrainian and Mongolian
 * spelling cuts an abbreviation before a vowel, never after one nor after
 * those signs ("Батб.", "Дор.", "Bat."; Rosenthal, Справочник по
 * правописанию, § on graphic abbreviations): a word that ends so before a
 * full stop is a whole word ending a sentence ("Я видела Дашу. Петрову
 * забрали", "I met Maria. Maria Volkova came": report-adv33 O-16). */
static int abbrev_cannot_end(int cp)
{
    static const int cyr[] = {
        0x430, 0x435, 0x451, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F,  /* а е ё и о у ы э ю я */
        0x456, 0x457, 0x454, 0x4E9, 0x4AF,                                      /* і ї є ө ү */
        0x44C, 0x44A, 0x439,                                                    /* ь ъ й */
    };

    if (cp < 0x80)
        return strchr("aeiouy", cp) != NULL && cp != 0;
    for (size_t i = 0; i < sizeof cyr / sizeof cyr[0]; i++)
        if (cyr[i] == cp)
            return 1;
    return 0;
}

size_t redact_abbrev_before(const struct redactor *r, size_t term, const struct normtext *t,
                            size_t p)
{
    char key[4 * ABBREV_MAX_CHARS + 1];
    size_t q = p, w, k = 0, chars = 0, o;
    int cp, n, l;

    if (q > 0 && t->norm[q - 1] == ' ')
        q--;
    if (q < 3 || t->norm[q - 1] != '.' || term >= r->nterms)
        return p;
    for (w = q - 1; w > 0 && is_word_cp(redact_cp_before(t->norm, w)); chars++) {
        w--;
        while (w > 0 && ((unsigned char)t->norm[w] & 0xC0) == 0x80)
            w--;
    }
    if (chars < 2 || chars > ABBREV_MAX_CHARS || (w > 0 && t->norm[w - 1] != ' ') ||
        abbrev_cannot_end(redact_cp_before(t->norm, q - 1)))
        return p;
    /* Written with a capital: "Bat.", "Батб." */
    o = t->ostart[w];
    if (utf8_next(&cp, t->orig + o, normtext_oend(t, w) - o) <= 0 || !normalise_is_upper(cp))
        return p;
    /* Its letters in Latin, as the pieces are spelled. */
    for (size_t i = w; i < q - 1; i += (size_t)n) {
        if ((n = utf8_next(&cp, t->norm + i, q - 1 - i)) <= 0)
            return p;
        if (cp < 0x80 && cp >= 'a' && cp <= 'z') {
            key[k++] = (char)cp;
            continue;
        }
        if (!is_cyrillic_cp(cp) || (l = romanise_reading(key + k, sizeof key - 1 - k, cp, 1)) < 0)
            return p;
        k += (size_t)l;
    }
    return k > 0 && k < HANDLE_PIECE_MAX && starts_piece(r, r->terms[term].subject, key, k) ? w : p;
}

/* ---- Degrees and other dotted abbreviations (brief i12-forms, F39) ----
 * "B.A.", "M.B.A.", "Ph.D.", "U.S." read as a person's initials made
 * false replacements.  Written with full stops, these are the usual
 * English abbreviations of degrees, countries and Latin (from style
 * guides' lists: Chicago Manual 10.20-10.21, the degrees universities
 * award), lower case without the stops. */
static const char *const dotted[] = {
    "ad", "al", "am", "ba", "bba", "bc", "bce", "bed", "beng", "bs", "bsc", "ce", "cf", "co",
    "dc", "dds", "dphil", "dprk", "ed", "edd", "eg", "etc", "eu", "ie", "jd", "jr", "llb",
    "llm", "ma", "mba", "md", "med", "meng", "mfa", "mphil", "ms", "msc", "nb", "no", "pm",
    "phd", "prc", "ps", "rn", "rok", "sr", "st", "uae", "uk", "un", "us", "usa", "ussr", "vs",
};

/* 1 if the dotted letters norm[a..b) are written as a sentence starts
 * them: the first a capital, the others small, at the text's start or
 * after a sentence's end (". ", "! ", "? ", a line break, which the norm
 * view writes as a space): "Т.е. нас обманули" (report-adv46 O-5).  A
 * person's initials are capitals both ("Т.Е."). */
static int sentence_case_abbrev(const struct normtext *t, size_t a, size_t b)
{
    size_t i, q = a, o, letters = 0;
    int c, n;

    while (q > 0 && t->norm[q - 1] == ' ')
        q--;
    if (q > 0 && strchr(".!?", t->norm[q - 1]) == NULL && !(q < a && t->orig[t->ostart[q]] == '\n'))
        return 0;
    for (i = a; i < b; i += (size_t)n) {
        if ((n = utf8_next(&c, t->norm + i, b - i)) <= 0)
            return 0;
        if (!is_word_cp(c))
            continue;
        o = t->ostart[i];
        if (utf8_next(&c, t->orig + o, normtext_oend(t, i) - o) <= 0 || normalise_is_upper(c) != (letters == 0))
            return 0;
        letters++;
    }
    return letters >= 2;
}

int redact_dotted_abbrev(const struct normtext *t, size_t a, size_t b)
{
    char key[8];
    size_t k = 0, dots = 0, i;
    int spaced = 0;

    /* the run of letters and full stops the hit lies in */
    while (a > 0 && ((t->norm[a - 1] >= 'a' && t->norm[a - 1] <= 'z') || t->norm[a - 1] == '.'))
        a--;
    while (b < t->normlen && ((t->norm[b] >= 'a' && t->norm[b] <= 'z') || t->norm[b] == '.'))
        b++;
    for (i = a; i < b; i++) {
        if (t->norm[i] == '.') {
            dots++;
            continue;
        }
        /* one space after a full stop: "т. п.", "i. e." (the spaced
         * initials' walk, redact_spaced.c, reads such runs too); not
         * for the commonest words below ("A. S." spells no "as") */
        if (t->norm[i] == ' ' && i > a && t->norm[i - 1] == '.') {
            spaced = 1;
            continue;
        }
        if (k + 1 >= sizeof key)
            return 0;
        key[k++] = t->norm[i];
    }
    if (dots == 0 || k == 0 || (a > 0 && is_word_cp(redact_cp_before(t->norm, a))) ||
        (b < t->normlen && t->norm[b] != ' ' && is_word_cp((unsigned char)t->norm[b])))
        return 0;
    key[k] = '\0';
    for (i = 0; i < sizeof dotted / sizeof dotted[0]; i++)
        if (strcmp(dotted[i], key) == 0)
            return 2;
    /* n.p. written small: no place of publication in a bibliography
     * (Chicago Manual 14.132), "no problem" in chat (report-adv46 O-6);
     * in capitals it stays a person's initials ("N.P. hit us": adv46
     * line 101) */
    if (strcmp(key, "np") == 0 && t->orig[t->ostart[a]] == 'n')
        return 2;
    /* Letters that spell one of the commonest words once the full stops
     * go ("O.K.", "I.S.", "S.O.": common_words.c; report-adv27a O-1) are
     * that word as often as initials (brief s28 pseud28).  Latin only:
     * no Cyrillic word is written letter by letter with full stops (ко,
     * на, из are never "К.О.", "Н.А.", "И.З."), so there such letters are
     * initials, read by the initials rules (report-adv40 L-8, L-42, L-72;
     * brief s41 init41). */
    for (i = 0; i < k; i++)
        if ((unsigned char)key[i] >= 0x80) {
            /* the Russian, Ukrainian and Mongolian dotted abbreviations
             * of two letters written small (т.е., т.к., и т.д., т.п.,
             * т.н., н.э., в т.ч.; к.т.н. reads т.н.; н. п. населённый or
             * населений пункт, с. г. сего года, г. р. год рождения, п. г.
             * прошлого года, и. о. and в. о. acting, ж. д. railway, м. б.
             * may be, т. о. thus, с. ш., ю. ш., в. д., з. д. latitude and
             * longitude, с. х. farming; uk н. е. нашої ери, р. н. рік
             * народження, т. зв., і т. ін.; mn г.м. гэх мэт "etc."):
             * listed, as "i.e." is, so a verb after them makes no person;
             * in capitals they are initials (Т.Е. of Тимур Ермаков, Н.Е.
             * of Нина Елисеева).  Written by us from the dictionaries'
             * lists of abbreviations (Лопатин, Правила русской
             * орфографии, 2006, §§ 204-208; Український правопис 2019,
             * § 36), the commonest in testimony of places and dates. */
            static const char *const cyr[] = {
                "те", "тк", "тд", "тп", "тн", "нэ", "тч", "нп", "сг", "гр", "пг", "ио", "во",
                "жд", "мб", "то", "сш", "юш", "вд", "зд", "сх", "не", "рн", "тзв", "тін", "гм",
            };
            size_t o = t->ostart[a];
            int c;
            /* small as written (not an escape, which may hide a capital;
             * redact_upper_at, which lies above this file) */
            if (utf8_next(&c, t->orig + o, normtext_oend(t, a) - o) <= 0 ||
                (normalise_is_upper(c) ? !sentence_case_abbrev(t, a, b) : t->orig[o] != t->norm[a]))
                return 0;
            for (i = 0; i < sizeof cyr / sizeof cyr[0]; i++)
                if (strcmp(cyr[i], key) == 0)
                    return 2;
            return 0;
        }
    /* Only with a full stop between two letters: one after the last
     * letter alone ends a sentence ("у Ли.": brief s41 li41). */
    for (i = a; i < b && t->norm[i] != '.'; i++)
        ;
    while (b > a && t->norm[b - 1] == '.')
        b--;
    return !spaced && i < b && common_word_key(key, k);
}

/* ---- A Hangul term glued to a noun (brief i12-forms, item 8) ----
 * Nouns written glued after a place's name in testimony (청진역앞에서,
 * 청진제철소, 청진앞바다): where in or near the place, and what in it;
 * an employer's company words (대성무역회사).
 * A continuation must start with one; what follows them is free. */
static const char *const place_nouns[] = {
    "역", "앞", "뒤", "옆", "근처", "부근", "주변", "일대", "지역", "외곽", "시내", "바다",
    "바닷가", "항구", "항", "부두", "공장", "제철소", "광산", "탄광", "기업소", "시장",
    "장마당", "병원", "학교", "대학", "터미널", "거리", "방면", "방향",
    "사람", "출신", "집", "감옥", "수용소", "교화소", "보위부", "안전부",
    /* the words for a company after an employer's name (대성무역회사에서,
     * 대성무역주식회사, 대성무역그룹: report adv12 A-27) */
    "회사", "주식회사", "공사", "상사", "그룹", "본사", "지사", "직원", "사원",
};

int redact_term_glued_ko(const struct normtext *t, const struct redact_form *f, size_t keylen,
                         size_t nstart, size_t nend, size_t wend)
{
    size_t p;
    int cp, k;

    if (f->person || f->suffix != SUFFIX_KO || keylen < 6 || wend <= nend ||
        utf8_next(&cp, t->norm + nstart, t->normlen - nstart) <= 0 || !is_hangul_cp(cp))
        return 0;
    for (p = nend; p < wend; p += (size_t)k)
        if ((k = utf8_next(&cp, t->norm + p, wend - p)) <= 0 || !is_hangul_cp(cp))
            return 0;
    for (size_t i = 0; i < sizeof place_nouns / sizeof place_nouns[0]; i++)
        if (strlen(place_nouns[i]) <= wend - nend &&
            memcmp(t->norm + nend, place_nouns[i], strlen(place_nouns[i])) == 0)
            return !redact_ordinary_ko(t->norm + nstart, wend - nstart, 0);
    return 0;
}
