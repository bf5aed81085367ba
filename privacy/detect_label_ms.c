/* Malay labels (brief s26 malay26; report-adv25a B-7, B-9, B-10, B-26,
 * F-4).  HAND-WRITTEN: it wants a native reviewer.  The words come from
 * the forms and papers of Malaysian immigration and banking as the
 * tester wrote them and as the Dewan Bahasa dan Pustaka dictionary
 * (Kamus Dewan) spells them: pasport (passport), kad pengenalan (identity
 * card), IC and MyKad, permit kerja (work permit), pas (pass: Pas
 * Lawatan Kerja Sementara, the PLKS; Pas Pekerja Asing; Pas Lawatan
 * Sosial), visa, akaun (account; Indonesian rekening), and the names
 * of the Malaysian banks licensed by Bank Negara Malaysia as they are
 * written short (CIMB, RHB, BSN, UOB, OCBC, HSBC, AmBank, Affin, BIMB,
 * Muamalat, Agrobank, Alliance, Hong Leong: "hongleong"); the
 * clitics -nya (his/her/its), -lah, -kah, -pun after any of them.
 * Malay puts the owner after the label ("pasport beliau", "IC dia"):
 * the pronouns are qualifiers here.  Indonesian forms where they differ
 * (nomor, paspor, rekening) are read too. */
#include <string.h>

#include "privacy/detect_int.h"
#include "privacy/detect_ms.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct det_word id_words[] = {
    DW("pasport", FIT_WORD), DW("paspot", FIT_WORD), DW("paspor", FIT_WORD),
    DW("pengenalan", FIT_WORD), DW("plks", FIT_WORD), DW("ktp", FIT_WORD),
    /* KP, Kad Pengenalan's own short form on Malaysian forms ("No. KP",
     * "No. K/P": report-adv51 L-14) */
    DW("kp", FIT_WORD),
};

/* A paper word: labels its value after a kind word ("permit kerja",
 * "pas lawatan kerja sementara") or a qualifier, or itself before the
 * value ("pas 2019/JB/004512" is read by the kind words only: "pas" is
 * also "just" in speech). */
static const struct det_word paper_words[] = {
    DW("permit", FIT_WORD), DW("pas", FIT_WORD), DW("visa", FIT_WORD), DW("kad", FIT_WORD),
    DW("izin", FIT_WORD),
};

static const struct det_word paper_kinds[] = {
    DW("kerja", FIT_WORD), DW("lawatan", FIT_WORD), DW("sementara", FIT_WORD),
    DW("pekerja", FIT_WORD), DW("asing", FIT_WORD), DW("sosial", FIT_WORD),
    DW("pelajar", FIT_WORD), DW("tanggungan", FIT_WORD), DW("pengenalan", FIT_WORD),
    DW("kerjanya", FIT_WORD), DW("tinggal", FIT_WORD), DW("masuk", FIT_WORD),
};

static const struct det_word account_words[] = {
    DW("akaun", FIT_WORD), DW("rekening", FIT_WORD), DW("cimb", FIT_WORD), DW("rhb", FIT_WORD),
    DW("bsn", FIT_WORD), DW("uob", FIT_WORD), DW("ocbc", FIT_WORD), DW("hsbc", FIT_WORD),
    DW("ambank", FIT_WORD), DW("affin", FIT_WORD), DW("bimb", FIT_WORD), DW("muamalat", FIT_WORD),
    DW("agrobank", FIT_WORD), DW("hongleong", FIT_WORD), DW("bca", FIT_WORD), DW("bni", FIT_WORD),
    DW("bri", FIT_WORD),
};

static const struct det_word qualifier_words[] = {
    DW("nombor", FIT_WORD), DW("nomor", FIT_WORD), DW("no", FIT_WORD), DW("bernombor", FIT_WORD),
    DW("beliau", FIT_WORD), DW("dia", FIT_WORD), DW("saya", FIT_WORD), DW("kami", FIT_WORD),
    DW("mereka", FIT_WORD), DW("awak", FIT_WORD), DW("anda", FIT_WORD), DW("ialah", FIT_WORD),
    DW("adalah", FIT_WORD), DW("ini", FIT_WORD), DW("itu", FIT_WORD),
};

static const struct det_word part_words[] = {
    DW("berakhir", FIT_WORD), DW("bermula", FIT_WORD), DW("hujung", FIT_WORD),
    DW("akhir", FIT_WORD), DW("awal", FIT_WORD), DW("bermulanya", FIT_WORD),
    DW("berakhirnya", FIT_WORD),
};

static const struct det_word part_between_words[] = {
    DW("dengan", FIT_WORD), DW("ialah", FIT_WORD), DW("adalah", FIT_WORD), DW("pada", FIT_WORD),
    DW("nombor", FIT_WORD), DW("digit", FIT_WORD), DW("angka", FIT_WORD),
};

/* The length of w[0, n) without its clitic (-nya, -lah, -kah, -pun), at
 * least three letters left. */
static size_t stem(const char *w, size_t n)
{
    static const char *const clitics[] = { "nya", "lah", "kah", "pun" };

    for (size_t k = 0; k < N(clitics); k++)
        if (n >= 6 && memcmp(w + n - 3, clitics[k], 3) == 0)
            return n - 3;
    return n;
}

static int in(const struct det_word *list, size_t n, const char *w, size_t wn)
{
    size_t st = stem(w, wn);

    return det_in_list(list, n, w, wn) || (st < wn && det_in_list(list, n, w, st));
}

enum ms_label detect_ms_label(const char *s, size_t a, size_t we)
{
    const char *w = s + a;
    size_t n = we - a, b, e, k;

    if (in(id_words, N(id_words), w, n))
        return MS_ID;
    if (in(account_words, N(account_words), w, n))
        return MS_ACCOUNT;
    if (!in(paper_kinds, N(paper_kinds), w, n))
        return MS_NONE;
    /* A kind word: a paper word within three words before it, kind words
     * between. */
    for (k = 0, e = a; k < 3 && (e = det_word_ending(s, e, " ", &b)) != 0; k++, e = b) {
        if (det_in_list(paper_words, N(paper_words), s + b, e - b))
            return MS_ID;
        if (!det_in_list(paper_kinds, N(paper_kinds), s + b, e - b))
            break;
    }
    return MS_NONE;
}

int detect_ms_qualifier(const char *w, size_t n)
{
    return det_in_list(qualifier_words, N(qualifier_words), w, n);
}

int detect_ms_part_word(const char *w, size_t n)
{
    return det_in_list(part_words, N(part_words), w, n);
}

int detect_ms_part_between(const char *w, size_t n)
{
    return det_in_list(part_between_words, N(part_between_words), w, n);
}

const char *detect_ms_comma(const char *s, size_t end, const char *plain, const char *comma)
{
    size_t a, we = det_word_ending(s, end, comma, &a);

    if (we == 0 || we == end || s[we] != ',')
        return plain;
    return detect_ms_label(s, a, we) != MS_NONE || detect_ms_qualifier(s + a, we - a) ? comma : plain;
}

size_t detect_ms_letter_join(const char *s, size_t len, size_t i)
{
    size_t j = i + 1;

    if (i >= len || (s[i] != '-' && s[i] != '/'))
        return 0;
    while (j < len && j - i <= 4 && s[j] >= 'a' && s[j] <= 'z')
        j++;
    /* "MY-WP 2019/004512" (report-adv52 L-33): two letter codes joined by
     * '-', then a space before the number */
    return j > i + 1 && j - i <= 5 && j + 1 < len && (s[j] == s[i] || (s[i] == '-' && s[j] == ' ')) &&
           det_digit(s[j + 1]) ? 1 : 0;
}

int detect_ms_joiner(const char *w, size_t n)
{
    static const struct det_word joiners[] = {
        DW("ended", FIT_WORD), DW("ends", FIT_WORD), DW("ending", FIT_WORD), DW("started", FIT_WORD),
        DW("followed", FIT_WORD), DW("then", FIT_WORD), DW("kemudian", FIT_WORD),
        DW("berakhir", FIT_WORD), DW("diikuti", FIT_WORD), DW("dan", FIT_WORD),
    };

    return det_in_list(joiners, N(joiners), w, n);
}

int detect_ms_number_word(const char *w, size_t n)
{
    static const struct det_word words[] = {
        DW("number", FIT_WORD), DW("nombor", FIT_WORD), DW("nomor", FIT_WORD),
    };

    return det_in_list(words, N(words), w, n);
}
