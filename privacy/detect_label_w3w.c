/* what3words addresses after a label (report-adv30 L-14, report-adv31
 * L-12, report-adv32 L-15): the labels in the languages the tool reads,
 * the marks between a label and its value (a colon, a dash, an opening
 * quote or bracket), and the reader of the three words there.  Split from
 * detect_label.c, which asks w3w_label_word for its label_before. */
#include <pthread.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct det_word w3w_labels[] = {
    DW("w3w", FIT_WORD), DW("what3words", FIT_WORD),
};

/* what3words' own name said as a label in the languages the tool reads
 * (report-adv30 L-14, report-adv31 L-12; HAND-WRITTEN, they want a
 * native reviewer): the word for "words" (words; слова, слів; үг;
 * kata, perkataan; 단어) after a word for "three" (3, three, три,
 * гурван, tiga, 세: "what 3 words", "адрес в три слова", "гурван үг"),
 * or glued to it (3단어; Chinese and Japanese 三个词, 三個詞, 三词, 3語,
 * 三語). */
static const struct det_word w3w_words[] = {
    DW("words", FIT_WORD), DW("\xd1\x81\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xb0", FIT_WORD),   /* слова */
    DW("\xd1\x81\xd0\xbb\xd1\x96\xd0\xb2", FIT_WORD),                                /* слів */
    DW("\xd2\xaf\xd0\xb3", FIT_WORD), DW("kata", FIT_WORD), DW("perkataan", FIT_WORD),   /* үг */
    DW("\xeb\x8b\xa8\xec\x96\xb4", FIT_WORD),                                          /* 단어 */
};
static const struct det_word w3w_three[] = {
    DW("3", FIT_WORD), DW("three", FIT_WORD), DW("\xd1\x82\xd1\x80\xd0\xb8", FIT_WORD), /* три */
    DW("\xd0\xb3\xd1\x83\xd1\x80\xd0\xb2\xd0\xb0\xd0\xbd", FIT_WORD),             /* гурван */
    DW("tiga", FIT_WORD), DW("\xec\x84\xb8", FIT_WORD),                                    /* 세 */
};
static const struct det_word w3w_glued[] = {
    DW("3\xeb\x8b\xa8\xec\x96\xb4", FIT_WORD),                                        /* 3단어 */
    DW("\xe4\xb8\x89\xe4\xb8\xaa\xe8\xaf\x8d", FIT_WORD),                             /* 三个词 */
    DW("\xe4\xb8\x89\xe5\x80\x8b\xe8\xa9\x9e", FIT_WORD),                             /* 三個詞 */
    DW("\xe4\xb8\x89\xe8\xaf\x8d", FIT_WORD), DW("3\xe8\xaa\x9e", FIT_WORD),           /* 三词 3語 */
    DW("\xe4\xb8\x89\xe8\xaa\x9e", FIT_WORD),                                           /* 三語 */
};

/* The word "address" after a what3words label ("what3words address:",
 * "what3words адрес —", "三词地址：", report-adv33 L-20b): address;
 * адрес, адреса, адресу (Russian, Ukrainian); хаяг (Mongolian); 주소;
 * 地址 (Chinese), 住所 (Japanese), glued to a Han label too. */
static const struct det_word address_words[] = {
    DW("address", FIT_WORD), DW("\xd0\xb0\xd0\xb4\xd1\x80\xd0\xb5\xd1\x81", FIT_WORD), /* адрес */
    DW("\xd0\xb0\xd0\xb4\xd1\x80\xd0\xb5\xd1\x81\xd0\xb0", FIT_WORD),           /* адреса */
    DW("\xd0\xb0\xd0\xb4\xd1\x80\xd0\xb5\xd1\x81\xd1\x83", FIT_WORD),           /* адресу */
    DW("\xd1\x85\xd0\xb0\xd1\x8f\xd0\xb3", FIT_WORD),                               /* хаяг */
    DW("\xec\xa3\xbc\xec\x86\x8c", FIT_WORD),                                         /* 주소 */
};
static const char *const han_address[] = { "\xe5\x9c\xb0\xe5\x9d\x80", "\xe4\xbd\x8f\xe6\x89\x80" }; /* 地址 住所 */

static int label_word(const char *s, size_t a, const char *w, size_t n);

/* The last bytes of the words det_w3w_label_word may answer for
 * (w3w_labels, w3w_glued, w3w_words, address_words: whole words; a word
 * ending in han_address), built once per process (label_last_build):
 * w3w_label_at is asked at every word of the walk's non-ASCII runs, and
 * a word ending in another byte says nothing of a what3words address
 * after it (session 39: reading that word back was 3.5% of redaction's
 * instructions). */
static unsigned char label_last[256];
static pthread_once_t label_once = PTHREAD_ONCE_INIT;

static void mark_last(const struct det_word *list, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (list[k].fit != FIT_WORD)
            memset(label_last, 1, sizeof label_last);  /* a prefix: any last byte */
        label_last[(unsigned char)list[k].w[list[k].n - 1]] = 1;
    }
}

static void label_last_build(void)
{
    mark_last(w3w_labels, N(w3w_labels));
    mark_last(w3w_glued, N(w3w_glued));
    mark_last(w3w_words, N(w3w_words));
    mark_last(address_words, N(address_words));
    for (size_t k = 0; k < N(han_address); k++)
        label_last[(unsigned char)han_address[k][strlen(han_address[k]) - 1]] = 1;
}

/* What the word s[a..a+n) says of a what3words address after it, as
 * label_word, through a word for "address" after the label (address_words,
 * or 地址 and 住所 glued to it): that word alone says nothing. */
int det_w3w_label_word(const char *s, size_t a, const char *w, size_t n)
{
    size_t b, we, k;

    for (k = 0; k < N(han_address); k++)
        if (n > 6 && memcmp(w + n - 6, han_address[k], 6) == 0)
            return label_word(s, a, w, n - 6) == 2 ? 2 : 0;
    if (!det_in_list(address_words, N(address_words), w, n))
        return label_word(s, a, w, n);
    if ((we = det_word_ending(s, a, " ", &b)) == 0)
        return 0;
    return label_word(s, b, s + b, we - b) == 2 ? 2 : 0;
}

/* What the word s[a..a+n) says of a what3words address after it: 2 if
 * it ends a what3words label (w3w_labels, or "words" after "three", or
 * a glued form: w3w_words), 1 if it is "words" alone right before a
 * colon ("слова: index–home–raft": words joined by dots or dashes may
 * follow, spaced words are prose), else 0. */
static int label_word(const char *s, size_t a, const char *w, size_t n)
{
    size_t b, we;

    if (det_in_list(w3w_labels, N(w3w_labels), w, n) || det_in_list(w3w_glued, N(w3w_glued), w, n))
        return 2;
    if (!det_in_list(w3w_words, N(w3w_words), w, n))
        return 0;
    if ((we = det_word_ending(s, a, " ", &b)) != 0 && det_in_list(w3w_three, N(w3w_three), s + b, we - b))
        return 2;
    return w[n] == ':' ? 1 : 0;
}


/* Opening quotes and brackets a value may stand in after its label
 * ("три слова: «стол.окно.книга»", "w3w “filled.count.soap”", "w3w:
 * (filled.count.soap)": report-adv32 L-15): « “ „ ‹ 「 『 ( [ and the
 * straight quotes (the norm view writes ‘ as ').  DET_OPEN_MARK_MAX
 * (detect_int.h) is the longest's length. */
static const struct det_word open_marks[] = {
    DW("\xc2\xab", FIT_ANY), DW("\xe2\x80\x9c", FIT_ANY), DW("\xe2\x80\x9e", FIT_ANY),
    DW("\xe2\x80\xb9", FIT_ANY), DW("\xe3\x80\x8c", FIT_ANY), DW("\xe3\x80\x8e", FIT_ANY),
    DW("(", FIT_ANY), DW("[", FIT_ANY), DW("\"", FIT_ANY), DW("'", FIT_ANY),
};

/* The length of an opening mark of open_marks at i, or 0 (the table's
 * lengths: no strlen per entry on every call, brief s34 num34). */
static size_t open_mark(const char *s, size_t len, size_t i)
{
    for (size_t k = 0; k < N(open_marks); k++)
        if (i + open_marks[k].n <= len && s[i] == open_marks[k].w[0] &&
            memcmp(s + i, open_marks[k].w, open_marks[k].n) == 0)
            return open_marks[k].n;
    return 0;
}

/* The length of an opening mark ending right at i, or 0.  Asked at every
 * byte of a word (detect.c step): the mark's last byte is tested before
 * the whole mark is compared (session 36: the memcmp calls were 5% of
 * redaction's instructions). */
size_t det_open_mark_before(const char *s, size_t i)
{
    for (size_t k = 0; k < N(open_marks); k++)
        if (open_marks[k].n <= i && s[i - 1] == open_marks[k].w[open_marks[k].n - 1] &&
            memcmp(s + i - open_marks[k].n, open_marks[k].w, open_marks[k].n) == 0)
            return open_marks[k].n;
    return 0;
}

/* What a what3words label ending before the value at v says of it (as
 * w3w_label_word: 2, 1 or 0): between them spaces, a colon or a dash
 * ("три слова — стол.окно.книга": the norm view writes every dash '-'),
 * then an opening mark of open_marks maybe.  After a dash, joined words
 * only (1): a dash in prose comes before words too ("он сказал три
 * слова — люблю тебя очень"). */
static int w3w_label_at(const char *s, size_t v)
{
    size_t a, we, b = v - det_open_mark_before(s, v), e = b;
    int l;

    if (b < 2 || (s[b - 1] != ' ' && s[b - 1] != ':'))
        return 0;
    /* The label's last byte, past the bytes det_word_ending skips below,
     * before the word is read back. */
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == ':' || s[e - 1] == '-'))
        e--;
    (void)pthread_once(&label_once, label_last_build);
    if (e == 0 || !label_last[(unsigned char)s[e - 1]] || (we = det_word_ending(s, b, " :-", &a)) == 0)
        return 0;
    l = det_w3w_label_word(s, a, s + a, we - a);
    return l == 2 && memchr(s + we, '-', b - we) != NULL ? 1 : l;
}

size_t detect_w3w_labelled(const char *s, size_t len, size_t at, size_t *start)
{
    size_t e, v = at + open_mark(s, len, at);
    int l;

    if (v == 0 || !det_letter_at(s, len, v) || (l = w3w_label_at(s, v)) == 0)
        return 0;
    *start = v;
    if ((e = detect_three_words(s, len, v)) != 0 || (e = detect_three_words_hyphen(s, len, v)) != 0)
        return e;
    return l == 2 ? detect_three_words_spaced(s, len, v) : 0;
}

size_t detect_scan_w3w_marked(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    (void)kind;
    if (s[at] == '(' || (at > 0 && det_alpha(s[at]) && ((unsigned char)s[at - 1] >= 0x80 || s[at - 1] == '[')))
        return detect_w3w_labelled(s, len, at, start);
    return 0;
}

int detect_w3w_label_before(const char *s, size_t at)
{
    return at > 0 && w3w_label_at(s, at) == 2;
}
