/* The identity papers of North Korean workers abroad and of refugees, as
 * ID labels for detect_label.c (report-adv51 leaks 1 and 2, brief s51
 * idlab51).  HAND-WRITTEN: it wants a native reviewer.  Words in the norm
 * view (lower case, marks stripped); lengths in bytes.
 *
 * Sources of the words:
 *   - North Korean spelling: the 1966 Munhwaŏ rules (조선말규범집, 1966,
 *     1987) keep an initial ㄹ and ㄴ that the South's 두음법칙 drops
 *     (한글 맞춤법 제10-12항): 려권 for 여권 (passport), 로동 for 노동
 *     (labour), 리력 for 이력; so each Korean label is listed in both.
 *   - The papers a DPRK worker abroad carries: the passport (려권, also
 *     공무려권, 외교려권), the citizen's card 공민증 (kongminjung), the
 *     worker's registration (로동자등록), the work, entry and exit permits
 *     (로동허가, 입국허가, 출국허가, 체류허가: any Hangul compound that
 *     holds 허가번호 or 허가증, and any registration's number, 등록번호
 *     or 등록증: doc_permit_compound).
 *   - Seafarers: 선원수첩 and 선원증 (선원법 제45조, the seafarer's book),
 *     "seaman's book", "seafarer's book", "discharge book" (ILO
 *     Convention 108, the seafarers' identity document), 海员证.
 *   - Staff, badge, detention: 사원번호, 사번, 직원번호, 사원증, 工号,
 *     工作证; 수용번호, 수감번호, 수번, 재소자번호; Russian табельный (номер)
 *     and пропуск; English worker, employee, staff, inmate, prisoner,
 *     detainee, case and file, which are ordinary nouns too: they label
 *     a value only through a qualifier or a colon ("Worker no. 745123",
 *     "inmate number 745123", "case number ..."), like english_paper's
 *     permit and visa; "badge" is the number's own noun before digits
 *     ("badge 745123").
 *   - Refugees: UNHCR (its file and individual numbers, see
 *     detect_scan_unhcr), 난민번호, 난민증, 난민인정(증).
 *   - Passes and tags (session 53, report-adv52 L-28..L-32): the exit
 *     and entry permits 출국증, 입국증 and the travel passes 통행증,
 *     출입증, 려행증/여행증 (증: a paper, as in 공민증), the dog tag
 *     인식표, the labour card 로동증; Russian жетон (a tag).  The DPRK's
 *     travel passes are described by HRW, "North Korea: Harsher Policies
 *     against Border-Crossers" (2007) and the UN COI report (A/HRC/25/CRP.1,
 *     2014, paras. 359-370: 통행증 for travel inside the country).
 *   - Russian and Mongolian: загранпаспорт, загран(ичный), удостоверение,
 *     свидетельство; гэрчилгээ (certificate: төрсний гэрчилгээ, birth
 *     certificate), with their endings; Chinese 护照/護照 (passport) in any
 *     compound ("护照号", "护照号码"). */
#include <string.h>

#include "privacy/countries.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct det_word doc_labels[] = {
    /* North Korean spellings and papers */
    DW("려권", FIT_PREFIX), DW("공무려권", FIT_PREFIX), DW("외교려권", FIT_PREFIX),
    DW("공무여권", FIT_PREFIX), DW("외교여권", FIT_PREFIX),
    DW("공민증", FIT_PREFIX), DW("공민등록", FIT_PREFIX), DW("kongminjung", FIT_WORD),
    DW("kongmincung", FIT_WORD), DW("gongminjeung", FIT_WORD),
    DW("로동자등록", FIT_PREFIX), DW("노동자등록", FIT_PREFIX), DW("로동허가", FIT_PREFIX),
    /* passes and tags (session 53, report-adv52 L-28..L-32) */
    DW("출국증", FIT_PREFIX), DW("입국증", FIT_PREFIX), DW("통행증", FIT_PREFIX), DW("출입증", FIT_PREFIX),
    DW("려행증", FIT_PREFIX), DW("여행증", FIT_PREFIX), DW("증명서번호", FIT_PREFIX), DW("인식표", FIT_PREFIX),
    DW("로동증", FIT_PREFIX), DW("노동증", FIT_PREFIX),
    /* seafarers */
    DW("선원수첩", FIT_PREFIX), DW("선원증", FIT_PREFIX),
    /* staff, detention, refugees */
    DW("사원번호", FIT_PREFIX), DW("사번", FIT_WORD), DW("직원번호", FIT_PREFIX), DW("사원증", FIT_PREFIX),
    DW("종업원번호", FIT_PREFIX), DW("수용번호", FIT_PREFIX), DW("수감번호", FIT_PREFIX),
    DW("수번", FIT_WORD), DW("재소자번호", FIT_PREFIX), DW("난민번호", FIT_PREFIX),
    DW("난민증", FIT_PREFIX), DW("난민인정", FIT_PREFIX),
    DW("unhcr", FIT_WORD),
    /* Russian and Mongolian */
    DW("загран", FIT_PREFIX), DW("удостоверени", FIT_PREFIX), DW("свидетельств", FIT_PREFIX),
    DW("табельн", FIT_PREFIX), DW("гэрчилгээ", FIT_PREFIX),
    /* session 53: Mongolian "пасс" (a pass), Russian "жетон" (a tag),
     * Arabic بطاقة لاجئ is read through its qualifier: "refugee" below */
    DW("жетон", FIT_PREFIX),
};

/* Nouns that label a value only through a qualifier or a colon. */
static const struct det_word doc_qualified_en[] = {
    DW("worker", FIT_WORD), DW("workers", FIT_WORD), DW("employee", FIT_WORD), DW("staff", FIT_WORD),
    DW("inmate", FIT_WORD), DW("prisoner", FIT_WORD), DW("detainee", FIT_WORD), DW("case", FIT_WORD),
    DW("file", FIT_WORD), DW("refugee", FIT_WORD), DW("пропуск", FIT_PREFIX), DW("certificate", FIT_WORD),
    DW("document", FIT_WORD),
    /* session 53 (report-adv52 L-34), written by us from Kamus Dewan and
     * the Mongolian-English dictionary of Bawden (1997): Malay pekerja
     * (worker), kakitangan (staff), pelarian (refugee), banduan
     * (prisoner), tahanan (detainee); Mongolian ажилтны, ажилчны (an
     * employee's, a worker's) */
    DW("pekerja", FIT_WORD), DW("kakitangan", FIT_WORD), DW("pelarian", FIT_WORD), DW("banduan", FIT_WORD),
    DW("tahanan", FIT_WORD), DW("ажилтны", FIT_WORD), DW("ажилчны", FIT_WORD),
};

/* Number words before a qualified noun (Malay puts them first: "nombor
 * pekerja W-00451", "no. pekerja"). */
static const struct det_word number_first[] = {
    DW("nombor", FIT_WORD), DW("nomor", FIT_WORD), DW("no", FIT_WORD), DW("no.", FIT_WORD),
};

/* Words that make the noun after them a refugee's paper ("UNHCR file",
 * "refugee certificate", "asylum case": session 53, report-adv52 L-36,
 * L-38), whatever follows. */
static const struct det_word refugee_words[] = {
    DW("unhcr", FIT_WORD), DW("refugee", FIT_WORD), DW("refugees", FIT_WORD), DW("asylum", FIT_WORD),
    DW("asylum-seeker", FIT_WORD), DW("mycard", FIT_WORD),
};

/* English words before "book" that make it a seafarer's book. */
static const struct det_word book_kinds[] = {
    DW("seaman", FIT_WORD), DW("seamans", FIT_WORD), DW("seafarer", FIT_WORD), DW("seafarers", FIT_WORD),
    DW("discharge", FIT_WORD), DW("seaman's", FIT_WORD), DW("seafarer's", FIT_WORD),
};

/* Chinese compounds, read anywhere in a word (Chinese writes no spaces). */
static const char *const han_labels[] = {
    "护照", "護照", "工号", "工號", "工作证", "工作證", "海员证", "海員證", "签证号", "簽證號",
};

/* The issuing state named between a label and its number ("паспорт
 * КНДР", "passport of the DPRK", "여권(공화국)"): the DPRK's names and
 * short forms in the languages of the testimonies (English, Korean,
 * Russian, Chinese, Mongolian); English country names are countries.c's. */
static const struct det_word states[] = {
    DW("dprk", FIT_WORD), DW("кндр", FIT_WORD), DW("조선", FIT_WORD), DW("공화국", FIT_WORD), DW("북한", FIT_WORD), DW("북조선", FIT_WORD),
    DW("朝鲜", FIT_WORD), DW("朝鮮", FIT_WORD), DW("россии", FIT_WORD), DW("монголии", FIT_WORD),
    DW("монгол", FIT_WORD), DW("korean", FIT_WORD),
};

/* Small words between a label and the state: "passport of the DPRK",
 * "паспорт гражданина КНДР" (of a citizen of). */
static const struct det_word of_words[] = {
    DW("of", FIT_WORD), DW("the", FIT_WORD), DW("гражданина", FIT_WORD), DW("гражданки", FIT_WORD),
    DW("issued", FIT_WORD), DW("by", FIT_WORD),
};

/* 1 if the Hangul word w[0, n) holds 허가번호 or 허가증 (입국허가번호,
 * 출국허가증: a permit's number), or 등록번호 or 등록증 (로동자등록번호,
 * "로동자 등록번호", 사업자등록번호: a registration's number). */
static int doc_permit_compound(const char *w, size_t n)
{
    static const char *const ends[] = { "허가번호", "허가증", "등록번호", "등록증" };
    size_t k, m, i;

    for (k = 0; k < N(ends); k++) {
        m = strlen(ends[k]);
        for (i = 0; i + m <= n; i += 3)
            if (memcmp(w + i, ends[k], m) == 0)
                return (unsigned char)w[0] >= 0xEA && (unsigned char)w[0] <= 0xED;
    }
    return 0;
}

static int han_label(const char *w, size_t n)
{
    size_t k, m, i;

    if ((unsigned char)w[0] < 0xE4 || (unsigned char)w[0] > 0xE9)
        return 0;
    for (k = 0; k < N(han_labels); k++)
        for (m = strlen(han_labels[k]), i = 0; i + m <= n; i++)
            if (memcmp(w + i, han_labels[k], m) == 0)
                return 1;
    return 0;
}

int detect_doc_label(const char *w, size_t n)
{
    return n > 0 && (det_in_list(doc_labels, N(doc_labels), w, n) || doc_permit_compound(w, n) || han_label(w, n));
}

int detect_doc_label_at(const char *s, size_t a, size_t we, size_t k)
{
    size_t b, e;

    if (detect_doc_label(s + a, we - a))
        return 1;
    if (det_in_list(doc_qualified_en, N(doc_qualified_en), s + a, we - a)) {
        for (e = we; s[e] == ' ' && e - we < 2; e++)
            ;
        if (k > 0 || s[e] == ':' || s[e] == '#')            /* "inmate #745123", "case: ..." */
            return 1;
        e = det_word_ending(s, a, " -", &b);
        return e != 0 && (det_in_list(refugee_words, N(refugee_words), s + b, e - b) ||
                          det_in_list(number_first, N(number_first), s + b, e - b));
    }
    /* "badge 745123": a badge's number is digits; letters after it are a
     * code of its own ("Badge mx774410", a registered term: seps15). */
    if (we - a == 5 && memcmp(s + a, "badge", 5) == 0) {
        for (e = we; s[e] == ' ' && e - we < 2; e++)
            ;
        return k > 0 || s[e] == ':' || s[e] == '#' || det_digit(s[e]);
    }
    if (we - a != 4 || memcmp(s + a, "book", 4) != 0)
        return 0;
    e = det_word_ending(s, a, " -", &b);
    if (e != 0 && e - b == 1 && s[b] == 's' && b >= 2 && s[b - 1] == '\'')
        e = det_word_ending(s, b - 1, "", &b);  /* "seaman's": the word before the apostrophe */
    return e != 0 && det_in_list(book_kinds, N(book_kinds), s + b, e - b);
}

/* 1 if the words s[a, we) name the issuing state (states, or an English
 * country name of one or two words: "north korea"). */
static int state_word(const char *s, size_t a, size_t we, size_t *from)
{
    size_t b, e;

    *from = a;
    if (det_in_list(states, N(states), s + a, we - a))
        return 1;
    if ((e = det_word_ending(s, a, " ", &b)) != 0 && a - e == 1 && country_name(s + b, we - b))
        return *from = b, 1;
    return country_name(s + a, we - a);
}

size_t detect_doc_between(const char *s, size_t end)
{
    size_t i = end, p, a, we, k;

    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == ':'))
        i--;
    if (i > 0 && s[i - 1] == ')') {
        /* a short parenthesis of words, no digit in it */
        for (p = i - 1; p > 0 && i - p < 40 && s[p - 1] != '(' && s[p - 1] != ')' && !det_digit(s[p - 1]); p--)
            ;
        if (p == 0 || s[p - 1] != '(' || p == i - 1)
            return 0;
        for (p--; p > 0 && s[p - 1] == ' '; p--)
            ;
        return p;
    }
    if ((we = det_word_ending(s, i, "", &a)) == 0 || !state_word(s, a, we, &a))
        return 0;
    for (k = 0; k < 3 && (we = det_word_ending(s, a, " ", &p)) != 0 &&
                det_in_list(of_words, N(of_words), s + p, we - p); k++)
        a = p;
    while (a > 0 && s[a - 1] == ' ')
        a--;
    return a;
}

/* A UNHCR file number (the household's) as UNHCR Malaysia prints it on
 * its cards and letters (refugeemalaysia.org, "UNHCR document numbers"):
 * three digits of the office, '-', two of the year, then 'C' and five
 * digits (before 23 February 2021: "354-15C12345"), or '-' and five
 * digits (since: "354-21-12345"); the old form has a shape no other
 * number has and is taken alone, the new one only after a label
 * (detect_scan_labelled).  A dash and one to three digits after it (the
 * person in the household) belong to it. */
/* The case part of a UNHCR file number without its office ("19C-01234",
 * "19C01234": report-adv52 L-37): two digits of the year, 'C', then five
 * digits, glued or after '-', a word of its own; after "case", "file" or
 * "unhcr" also after a space ("case 19C 01234").  Its end, or 0. */
static size_t unhcr_case_alone(const char *s, size_t len, size_t at)
{
    static const struct det_word cues[] = { DW("case", FIT_WORD), DW("file", FIT_WORD), DW("unhcr", FIT_WORD) };
    size_t i = at + 3, a, we;

    if (!det_digit(s[at]) || (at > 0 && (det_alnum(s[at - 1]) || s[at - 1] == '-')) || at + 8 > len ||
        det_digits(s, len, at) != 2 || (s[at + 2] != 'c' && s[at + 2] != 'C'))
        return 0;
    if (s[i] == '-')
        i++;
    else if (s[i] == ' ') {
        we = det_word_ending(s, at, " ", &a);
        if (we == 0 || !det_in_list(cues, N(cues), s + a, we - a))
            return 0;
        i++;
    }
    return i + 5 <= len && det_digits(s, len, i) == 5 && det_ends_word(s, len, i + 5) ? i + 5 : 0;
}

size_t detect_scan_unhcr(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t i = at;

    (void)start, (void)kind;
    if ((i = unhcr_case_alone(s, len, at)) != 0)
        return i;
    i = at;
    if (!det_digit(s[at]) || (at > 0 && (det_alnum(s[at - 1]) || s[at - 1] == '-')) || at + 12 > len ||
        det_digits(s, len, at) != 3 || s[at + 3] != '-' || det_digits(s, len, at + 4) != 2 ||
        (s[at + 6] != 'c' && s[at + 6] != 'C') || det_digits(s, len, at + 7) != 5)
        return 0;
    i = at + 12;
    if (i + 1 < len && s[i] == '-' && det_digit(s[i + 1]) && det_digits(s, len, i + 1) <= 3)
        i += 1 + det_digits(s, len, i + 1);
    return det_ends_word(s, len, i) ? i : 0;
}
