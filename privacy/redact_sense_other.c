/* Another person or an ordinary word where a registered name's form
 * stands (redact_sense.h; issue 12/13 over-redaction, brief s45 over45,
 * report-adv44 O-7, O-16, O-18, O-19, O-24, O-25, O-30..O-34, O-44..O-47,
 * O-51..O-53):
 *
 * - a patronymic built on the subject's given name after another
 *   person's given name (Иван Петрович, Анна Кирилловна: the child of
 *   some Пётр, Кирилл; redact_sense_other_named, a review flag);
 * - a church's dedication and the apostles' feast (Собор Петра и Павла,
 *   храм святых Петра и Павла: redact_sense_other_named);
 * - a public figure's whole name (Ким Ир Сен, Kim Jong-un, Брюс Ли:
 *   redact_sense_public_figure, kept);
 * - a form that is also an ordinary word at a sentence's start with no
 *   word after it that marks a person (Любой ценой, Ковалі в селі:
 *   redact_sense_word_at_start, a review flag).
 *
 * The tables are written by us; their sources are named beside each. */
#include <stdint.h>
#include <string.h>

#include "privacy/nicknames.h"
#include "privacy/normalise.h"
#include "privacy/patronymic.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"
#include "privacy/variants_int.h"

/* ---- Another person's patronymic ---- */

/* The letters of a stem a given name shares with the patronymic built on
 * it (Пётр and Петрович, Кирилл and Кирилловна; Иван and Петрович do
 * not). */
#define SAME_STEM_LETTERS 3

/* 1 if the words x[0..xn) and y[0..yn) (norm) begin with the same
 * SAME_STEM_LETTERS letters, ё read as е (Пётр, Петрович). */
static int same_stem(const char *x, size_t xn, const char *y, size_t yn)
{
    size_t i = 0, j = 0;
    int cx, cy, mx, my;

    for (int k = 0; k < SAME_STEM_LETTERS; k++, i += (size_t)mx, j += (size_t)my) {
        if (i >= xn || j >= yn || (mx = utf8_next(&cx, x + i, xn - i)) <= 0 ||
            (my = utf8_next(&cy, y + j, yn - j)) <= 0)
            return 0;
        if ((cx == 0x451 ? 0x435 : cx) != (cy == 0x451 ? 0x435 : cy))
            return 0;
    }
    return 1;
}

/* 1 if the word [a, wend) of t is a patronymic (patronymic.h) and the word
 * before it, over one space, is another person's given name: a Cyrillic
 * word with a capital, no patronymic itself, on another stem (Иван
 * Петрович; not "Пётр Петрович", the subject named after his father,
 * whose given name is the subject's own). */
static int patronymic_of_other(const struct normtext *t, size_t a, size_t wend)
{
    size_t pa, pb;
    int first;

    if (patronymic_suffix_at(t->norm + a, wend - a) == 0 || !redact_sense_prev_word(&pa, &pb, t, a) ||
        pb + 1 != a || t->norm[pb] != ' ' || utf8_next(&first, t->norm + pa, t->normlen - pa) <= 0 ||
        first < 0x400 || first > 0x52F || !redact_sense_upper(t, pa) || pb - pa < 4 ||
        patronymic_suffix_at(t->norm + pa, pb - pa) > 0)
        return 0;
    return !same_stem(t->norm + pa, pb - pa, t->norm + a, wend - a);
}

/* The nouns of a church, a chapel, a monastery or a cathedral (Russian,
 * Ukrainian, every case), and the words for saints and apostles in the
 * plural that may stand between them and the saints' names ("Собор
 * святых Петра и Павла", "храм апостолов Петра и Павла"): a dedication
 * names the saints, not a person (written by us). */
static const char church_nouns[] =
    "собор|собора|собору|собором|соборе|храм|храма|храму|храмом|храме|церковь|церкви|"
    "церковью|церква|церкві|церкву|церквою|часовня|часовни|часовне|часовню|каплиця|каплиці|"
    "монастырь|монастыря|монастыре|монастир|монастиря|монастирі|лавра|лавры|лаврі|костёл|костел|"
    "костела|костелі|крепость|крепости|фортеця|фортеці|приход|прихода|парафія|парафії";
static const char saints_plural[] = "святых|святих|апостолов|апостолів|свв|первоверховных";

/* The names of the apostles Peter and Paul, as stems, whose pair is the
 * feast of 29 June (12 July) and many churches' dedication (Петра и
 * Павла, Петро і Павло): the Orthodox calendar. */
static const char apostle_stems[] = "петр|павл|петро|павло";

/* 1 if the word [a, wend) is the name of an apostle joined by и, і, та to
 * the other's ("Петра и Павла", "Павла і Петра"). */
static int apostle_pair(const struct normtext *t, size_t a, size_t wend)
{
    size_t r, ja, jb, na, nb, pa, pb;

    if (!redact_sense_starts_with(&r, t->norm, a, wend, apostle_stems))
        return 0;
    if (redact_sense_next_word(&ja, &jb, t, wend, 0) && redact_sense_is_one(t->norm, ja, jb, "и|і|та|й") &&
        redact_sense_next_word(&na, &nb, t, jb, 0) && redact_sense_starts_with(&r, t->norm, na, nb, apostle_stems) &&
        memcmp(t->norm + na, t->norm + a, 4) != 0)
        return 1;
    return redact_sense_prev_word(&ja, &jb, t, a) && redact_sense_is_one(t->norm, ja, jb, "и|і|та|й") &&
           redact_sense_prev_word(&pa, &pb, t, ja) && redact_sense_starts_with(&r, t->norm, pa, pb, apostle_stems) &&
           memcmp(t->norm + pa, t->norm + a, 4) != 0;
}

/* 1 if a church's noun stands before the word at a, over the saints'
 * plural or a conjunction and a name ("Собор Петра", "собор святых Петра
 * и Павла", "храм Петра и Павла"). */
static int church_before(const struct normtext *t, size_t a)
{
    size_t pa, pb;

    for (int i = 0; i < 4 && redact_sense_prev_word(&pa, &pb, t, a); i++, a = pa) {
        if (redact_sense_is_one(t->norm, pa, pb, church_nouns))
            return 1;
        if (!redact_sense_is_one(t->norm, pa, pb, saints_plural) &&
            !redact_sense_is_one(t->norm, pa, pb, "и|і|та|й") && !(i > 0 && redact_sense_upper(t, pa)))
            return 0;
    }
    return 0;
}

int redact_sense_other_named(const struct normtext *t, size_t a, size_t b)
{
    size_t wend;
    int first;

    if (a >= b || b > t->normlen || utf8_next(&first, t->norm + a, t->normlen - a) <= 0 ||
        first < 0x400 || first > 0x52F || (a > 0 && is_word_cp(redact_cp_before(t->norm, a))))
        return 0;
    wend = redact_sense_run_end(t, a);
    return patronymic_of_other(t, a, wend) || apostle_pair(t, a, wend) ||
           (redact_sense_upper(t, a) && church_before(t, a));
}

/* ---- Public figures ---- */

/* Public figures whose whole name holds a common Korean surname (Ким, Ли,
 * Пак, Мун, Юн: the surnames of the stores' Koryo-saram and Korean
 * subjects), each word's spellings '|'-separated, in Cyrillic (the
 * Kontsevich system as Russian writes them) and Latin (the spellings the
 * English press uses): the heads of state of the two Koreas and Bruce
 * Lee, as the English and Russian Wikipedia articles title them (Kim
 * Il-sung / Ким Ир Сен, Kim Jong-il / Ким Чен Ир, Kim Jong-un / Ким Чен
 * Ын, Kim Yo-jong / Ким Ё Чжон, Syngman Rhee / Ли Сын Ман, Park Chung-hee
 * / Пак Чон Хи, Kim Young-sam / Ким Ён Сам, Kim Dae-jung / Ким Дэ Чжун,
 * Roh Moo-hyun / Но Му Хён, Lee Myung-bak / Ли Мён Бак, Park Geun-hye /
 * Пак Кын Хе, Moon Jae-in / Мун Чжэ Ин, Yoon Suk-yeol / Юн Сок Ёль, Lee
 * Jae-myung / Ли Чжэ Мён, Bruce Lee / Брюс Ли).  Written whole, they
 * name the figure, not a subject (brief s45 over45, report-adv44
 * O-44..O-47, O-51..O-53). */
#define FIGURE_WORDS 3
static const char *const figures[][FIGURE_WORDS] = {
    { "ким|kim", "ир|il", "сен|sung|song" },
    { "ким|kim", "чен|jong|chong", "ир|il" },
    { "ким|kim", "чен|jong|chong", "ын|un|eun" },
    { "ким|kim", "ё|е|yo", "чжон|jong" },
    { "ким|kim", "ён|ен|young|yong", "сам|sam" },
    { "ким|kim", "дэ|де|dae", "чжун|jung" },
    { "ли|lee|rhee|yi", "сын|syng|seung", "ман|man" },
    { "syngman", "rhee|lee", NULL },
    { "ли|lee", "мён|мен|myung|myeong", "бак|bak|pak" },
    { "ли|lee", "чжэ|чже|jae", "мён|мен|myung|myeong" },
    { "пак|park|pak", "чон|chung|jung", "хи|hee|hui" },
    { "пак|park|pak", "кын|geun|keun", "хе|hye" },
    { "мун|moon|mun", "чжэ|чже|jae", "ин|in" },
    { "юн|yoon|yun", "сок|suk|seok", "ёль|ель|yeol|yol" },
    { "брюс|bruce", "ли|lee", NULL },
};

/* The case endings a Cyrillic word of a figure's name may take in
 * Russian (Ким Ир Сена, Брюсом Ли, Ким Чен Иром). */
static const char figure_ends[] = "а|я|у|ю|ом|ем|е|ым|им";

/* The end of the word of spellings alts that starts at norm byte p of t
 * (a spelling, then for a Cyrillic one a case ending, then no letter), or
 * 0. */
static size_t figure_word_at(const struct normtext *t, size_t p, const char *alts)
{
    size_t e = redact_sense_run_end(t, p);

    if (e <= p)
        return 0;
    for (const char *list = alts; *list != '\0';) {
        const char *bar = strchr(list, '|');
        size_t k = bar != NULL ? (size_t)(bar - list) : strlen(list);
        if (k <= e - p && memcmp(t->norm + p, list, k) == 0 &&
            (p + k == e || ((unsigned char)list[0] >= 0x80 && redact_sense_is_one(t->norm, p + k, e, figure_ends))))
            return e;
        list += k + (bar != NULL);
    }
    return 0;
}

/* 1 if the whole name of figure i starts at norm byte p of t, its words
 * one space or a hyphen apart (Kim Il-sung, Ли Сын Ман), and covers
 * [a, b). */
static int figure_at(const struct normtext *t, size_t p, size_t i, size_t a, size_t b)
{
    size_t start = p, e = 0;

    for (size_t w = 0; w < FIGURE_WORDS && figures[i][w] != NULL; w++) {
        if (w > 0) {
            if (e >= t->normlen || (t->norm[e] != ' ' && t->norm[e] != '-'))
                return 0;
            p = e + 1;
        }
        if ((e = figure_word_at(t, p, figures[i][w])) == 0)
            return 0;
    }
    return start <= a && b <= e;
}

/* The bytes before a hit that a figure's name may start at. */
#define FIGURE_SPAN 32

int redact_sense_public_figure(const struct normtext *t, size_t a, size_t b)
{
    size_t lo = a > FIGURE_SPAN ? a - FIGURE_SPAN : 0;

    if (a >= b || b > t->normlen || memchr(t->norm + a, ' ', b - a) != NULL)
        return 0;
    for (size_t p = a + 1; p-- > lo;) {
        if ((p > 0 && is_word_cp(redact_cp_before(t->norm, p))) || ((unsigned char)t->norm[p] & 0xC0) == 0x80)
            continue;
        for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++)
            if (figure_at(t, p, i, a, b))
                return 1;
    }
    return 0;
}

/* ---- An ordinary word at a sentence's start ---- */

/* 1 if the Cyrillic word w[0..n) (norm, lower case) is an ordinary word
 * as the project's lists know it: data/nicknames/slavic_words.txt (the
 * forms of names hunspell-ru and hunspell-uk know as words: любой, мила,
 * галка), a noun that is also a surname (redact_sense_noun_of: шины,
 * волки) or a trade's noun (redact_sense_trade_of: ковалі). */
static int ordinary_cyrillic(const char *w, size_t n)
{
    char key[128];
    size_t k = 0;
    int cp, m;

    for (size_t p = 0; p < n; p += (size_t)m) {
        if ((m = utf8_next(&cp, w + p, n - p)) <= 0 || k + 4 >= sizeof key)
            return 0;
        if (cp == 0x456 || cp == 0x457) /* і ї: the list's key writes и */
            memcpy(key + k, "и", 2), k += 2;
        else
            memcpy(key + k, w + p, (size_t)m), k += (size_t)m;
    }
    return slavic_word(key, k) || redact_sense_noun_of(w, n) != 0 || redact_sense_trade_of(w, n);
}

int redact_sense_word_at_start(const struct normtext *t, size_t a, size_t b, int at_start)
{
    size_t wend, na, nb;
    int first;

    if (!at_start || a >= b || b > t->normlen || utf8_next(&first, t->norm + a, t->normlen - a) <= 0 ||
        first < 0x400 || first > 0x52F || !redact_sense_upper(t, a))
        return 0;
    wend = redact_sense_run_end(t, a);
    if (wend != b || !ordinary_cyrillic(t->norm + a, wend - a) || redact_alone_at(t, wend))
        return 0;
    /* The next word, over one space, in lower case and no verb a person
     * does ("Любой ценой", "Ковалі в селі"); a capital (a surname, a
     * patronymic) or a person's verb ("Люба пришла") marks the name. */
    return redact_sense_next_word(&na, &nb, t, wend, 0) && na == wend + 1 && redact_sense_lower(t, na) &&
           !redact_sense_person_verb(t, a, wend);
}

static int word_at_start_here(const struct normtext *t, size_t a, size_t b)
{
    return redact_sense_word_at_start(t, a, b, redact_sentence_start(t, a));
}

/* The bytes of the text either side of a near-name's word that
 * redact_sense_word_at_start_near reads (the sentence's start before it,
 * the next word after). */
#define START_NEAR_SPAN 64

int redact_sense_word_at_start_near(const char *s, size_t len, size_t a, size_t b)
{
    return redact_sense_window(s, len, a, b, START_NEAR_SPAN, word_at_start_here);
}
