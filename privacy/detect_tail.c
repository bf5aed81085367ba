/* The last digits of a number, said after an "ending" word or written
 * after a mask (brief s27 num27, report-adv26a D-17): "Card ending in
 * 4521", "Kad kredit berakhir 4521", "Nombor telefon hujungnya 6789",
 * "Карта, оканчивающаяся на 4521", "Account ****-****-4521".  The last
 * digits of a card or a phone are how banks and shops name a customer,
 * so they go like the whole number.
 * HAND-WRITTEN TABLES (the ending words and the number nouns, English,
 * Malay, Indonesian, Russian, Ukrainian, Korean): they want a native
 * reviewer.
 *   - an ending word, then two to six digits (a whole number), with a
 *     number noun (card, account, number, phone; kad, akaun, nombor,
 *     telefon; карта, счёт, номер, телефон...) in the 48 bytes before
 *     in its sentence:
 *     "the war ending in 1953" stays; the Russian and Ukrainian verbs
 *     after the digits too ("карта на 4421 заканчивается");
 *   - a mask: groups of two or more '*', 'x', '#' or '•' (four or more
 *     in all) joined by '-', ' ' or nothing, then three to six digits ("****-****-4521",
 *     "**** **** **** 4521", "•••• 4521"), the whole a detection;
 *     The digits may be said in words, one by one, in any language of
 *     the spoken-number reader ("card ending in four eight two one";
 *     said_digits);
 *   - a short mask (one to three of * # • . …) glued to four digits right
 *     after a card's word or brand ("Visa *4421"): the digits.
 * Kind phone after a phone noun, account after a card's or an
 * account's, else id; the walk's kind where it found the number.  Offsets are bytes of the
 * norm view (detect_int.h). */
#include <pthread.h>
#include <sodium.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof(a)[0])
#define NOUN_BACK 48

#define KK_AYAGY "\xd0\xb0\xd1\x8f\xd2\x93\xd1\x8b "                                 /* аяғы */
#define RU_LAST "последние "
#define UK_LAST "останні "
#define KK_SONY "\xd1\x81\xd0\xbe\xd2\xa3\xd1\x8b "                                  /* соңы */
/* Ending words, each with what may follow it before the digits. */
static const char *const endings[] = {
    "ending in ", "ending with ", "ends in ", "ends with ", "ended in ", "ended with ",
    "ending ", "ends ", "last four digits ", "last 4 digits ", "last four ", "last 4 ",
    "last digits ",
    "berakhir dengan ", "berakhiran ", "berakhir ", "hujungnya ", "hujung ", "akhirnya ",
    /* Mongolian "the last four places" (report-adv31 L-14): сүүлийн дөрвөн
     * орон, сүүлийн 4 орон, сүүлийн оронууд */
    "\xd1\x81\xd2\xaf\xd2\xaf\xd0\xbb\xd0\xb8\xd0\xb9\xd0\xbd\x20\xd0\xb4\xd3\xa9\xd1\x80\xd0\xb2\xd3\xa9\xd0\xbd\x20\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbd ", "\xd1\x81\xd2\xaf\xd2\xaf\xd0\xbb\xd0\xb8\xd0\xb9\xd0\xbd\x20\x34\x20\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbd ", "\xd1\x81\xd2\xaf\xd2\xaf\xd0\xbb\xd0\xb8\xd0\xb9\xd0\xbd\x20\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbd\xd1\x83\xd1\x83\xd0\xb4 ",
    /* Mongolian "the last place(s)" without the count, and in Latin letters
     * as Mongolians type them (report-adv32 L-17): сүүлийн орон, suuliin
     * (4, dorvon) oron; the particle нь may follow (ending_particle) */
    "\xd1\x81\xd2\xaf\xd2\xaf\xd0\xbb\xd0\xb8\xd0\xb9\xd0\xbd \xd0\xbe\xd1\x80\xd0\xbe\xd0\xbd ", "suuliin 4 oron ", "suuliin dorvon oron ", "suuliin oron ", "suuliin oronuud ",
    /* Russian "with the ending", "the ending", "at the end" (report-adv32
     * L-17: "карта с окончанием 4567", "на конце 4567, Сбер") */
    "\xd1\x81 \xd0\xbe\xd0\xba\xd0\xbe\xd0\xbd\xd1\x87\xd0\xb0\xd0\xbd\xd0\xb8\xd0\xb5\xd0\xbc ", "\xd0\xbe\xd0\xba\xd0\xbe\xd0\xbd\xd1\x87\xd0\xb0\xd0\xbd\xd0\xb8\xd0\xb5 ", "\xd0\xbd\xd0\xb0 \xd0\xba\xd0\xbe\xd0\xbd\xd1\x86\xd0\xb5 ",
    "\xd0\xbe\xd0\xba\xd0\xb0\xd0\xbd\xd1\x87\xd0\xb8\xd0\xb2\xd0\xb0\xd1\x8e\xd1\x89",   /* оканчивающ(ийся, аяся) на */
    "\xd0\xb7\xd0\xb0\xd0\xba\xd0\xb0\xd0\xbd\xd1\x87\xd0\xb8\xd0\xb2\xd0\xb0",           /* заканчива(ется, ющийся) на */
    "\xd0\xbe\xd0\xba\xd0\xb0\xd0\xbd\xd1\x87\xd0\xb8\xd0\xb2\xd0\xb0",                   /* оканчива(ется) на */
    "\xd0\xb7\xd0\xb0\xd0\xba\xd1\x96\xd0\xbd\xd1\x87\xd1\x83",                           /* закінчу(ється) на */
    /* Mongolian "the end (is)" (report-adv38 L-65: "Хаан банкны карт
     * төгсгөл нь 1234"), Kazakh "the last four digits" (соңғы 4 саны,
     * соңғы төрт саны, соңғы сандары), Korean "the last digits" (끝자리,
     * 뒷자리, 끝번호, with the topic or subject particle glued: 끝자리는
     * 1234); HAND-WRITTEN, a native reviewer wanted */
    "\xd1\x82\xd3\xa9\xd0\xb3\xd1\x81\xd0\xb3\xd3\xa9\xd0\xbb ", "\xd1\x81\xd0\xbe\xd2\xa3\xd2\x93\xd1\x8b 4 \xd1\x81\xd0\xb0\xd0\xbd\xd1\x8b ", "\xd1\x81\xd0\xbe\xd2\xa3\xd2\x93\xd1\x8b \xd1\x82\xd3\xa9\xd1\x80\xd1\x82 \xd1\x81\xd0\xb0\xd0\xbd\xd1\x8b ", "\xd1\x81\xd0\xbe\xd2\xa3\xd2\x93\xd1\x8b \xd1\x81\xd0\xb0\xd0\xbd\xd0\xb4\xd0\xb0\xd1\x80\xd1\x8b ",
    /* Kazakh "its end" (аяғы, соңы: report-adv39 L-29, L-21, "Kaspi
     * карта, аяғы 6789"), Ukrainian "at the end", "with the ending" (на
     * кінці, із закінченням, з закінченням: session 40); HAND-WRITTEN */
    KK_AYAGY, KK_SONY,
    "\xd0\xbd\xd0\xb0 \xd0\xba\xd1\x96\xd0\xbd\xd1\x86\xd1\x96 ", "\xd1\x96\xd0\xb7 \xd0\xb7\xd0\xb0\xd0\xba\xd1\x96\xd0\xbd\xd1\x87\xd0\xb5\xd0\xbd\xd0\xbd\xd1\x8f\xd0\xbc ", "\xd0\xb7 \xd0\xb7\xd0\xb0\xd0\xba\xd1\x96\xd0\xbd\xd1\x87\xd0\xb5\xd0\xbd\xd0\xbd\xd1\x8f\xd0\xbc ",
    /* Russian and Ukrainian "the last" (four), bare: three digits at
     * least ("Карта Тинькофф, последние 5536": report-adv46 L-16) */
    RU_LAST, "последние 4 ", "последние четыре ", UK_LAST, "останні 4 ", "останні чотири ",
    "\xeb\x81\x9d\xec\x9e\x90\xeb\xa6\xac\xeb\x8a\x94 ", "\xeb\x81\x9d\xec\x9e\x90\xeb\xa6\xac\xea\xb0\x80 ", "\xeb\x81\x9d\xec\x9e\x90\xeb\xa6\xac ", "\xeb\x92\xb7\xec\x9e\x90\xeb\xa6\xac\xeb\x8a\x94 ", "\xeb\x92\xb7\xec\x9e\x90\xeb\xa6\xac\xea\xb0\x80 ", "\xeb\x92\xb7\xec\x9e\x90\xeb\xa6\xac ", "\xeb\x81\x9d\xeb\xb2\x88\xed\x98\xb8\xeb\x8a\x94 ", "\xeb\x81\x9d\xeb\xb2\x88\xed\x98\xb8 ",
};
#define NA_RU "\xd0\xbd\xd0\xb0 "                                                         /* на */
#define MN_NI "\xd0\xbd\xd1\x8c "      /* the Mongolian particle after a phrase ("сүүлийн 4 орон нь 4567") */

static const struct det_word nouns[] = {
    DW("number", FIT_WORD), DW("no", FIT_WORD), DW("passport", FIT_WORD), DW("ic", FIT_WORD),
    DW("id", FIT_WORD), DW("nombor", FIT_WORD), DW("pasport", FIT_WORD), DW("nomor", FIT_WORD),
    DW("\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80", FIT_PREFIX),                  /* номер */
    DW("\xd0\xbf\xd0\xb0\xd1\x81\xd0\xbf\xd0\xbe\xd1\x80\xd1\x82", FIT_PREFIX),  /* паспорт */
    DW("\xeb\xb2\x88\xed\x98\xb8", FIT_ANY),                                     /* 번호 */
};
/* Nouns of a card or an account (kind account). */
static const struct det_word account_nouns[] = {
    DW("card", FIT_WORD), DW("account", FIT_WORD), DW("kad", FIT_WORD), DW("akaun", FIT_WORD),
    DW("rekening", FIT_WORD), DW("kartu", FIT_WORD),
    /* card brands stand for "card" ("Visa ending 4521", report-adv27c H-5) */
    DW("mastercard", FIT_WORD), DW("amex", FIT_WORD), DW("maestro", FIT_WORD),
    DW("unionpay", FIT_WORD), DW("jcb", FIT_WORD), DW("debit", FIT_WORD),
    DW("\xd0\xbc\xd0\xb0\xd1\x81\xd1\x82\xd0\xb5\xd1\x80\xd0\xba\xd0\xb0\xd1\x80\xd0\xb4", FIT_PREFIX), /* мастеркард */
    DW("\xd0\xba\xd0\xb0\xd1\x80\xd1\x82", FIT_PREFIX),                          /* карт(а, ы, ка) */
    DW("\xd1\x81\xd1\x87\xd1\x91\xd1\x82", FIT_PREFIX),                          /* счёт */
    DW("\xd1\x81\xd1\x87\xd0\xb5\xd1\x82", FIT_PREFIX),                          /* счет */
    DW("\xd1\x80\xd0\xb0\xd1\x85\xd1\x83\xd0\xbd", FIT_PREFIX),  /* рахун(ок, ку, ки) */
    DW("\xec\xb9\xb4\xeb\x93\x9c", FIT_ANY), DW("\xea\xb3\x84\xec\xa2\x8c", FIT_ANY), /* 카드 계좌 */
    /* Chinese: 卡 (卡号, 银行卡, 信用卡), 账户, 帳戶, 账号, 帳號 */
    DW("\xe5\x8d\xa1", FIT_ANY), DW("\xe8\xb4\xa6\xe6\x88\xb7", FIT_ANY), DW("\xe5\xb8\xb3\xe6\x88\xb6", FIT_ANY), DW("\xe8\xb4\xa6\xe5\x8f\xb7", FIT_ANY),
    DW("\xe5\xb8\xb3\xe8\x99\x9f", FIT_ANY),
    /* Mongolian in Latin letters (kart, kartiin, kartnii), Japanese カード
     * 口座 (report-adv32 L-17) */
    DW("kart", FIT_PREFIX), DW("\xe3\x82\xab\xe3\x83\xbc\xe3\x83\x89", FIT_ANY), DW("\xe5\x8f\xa3\xe5\xba\xa7", FIT_ANY),
    /* banks stand for their cards ("на конце 4567, Сбер"): bank_names */
    DW("\xd0\xb1\xd0\xb0\xd0\xbd\xd0\xba", FIT_PREFIX), DW("\xd1\x81\xd0\xb1\xd0\xb5\xd1\x80", FIT_PREFIX), DW("\xd1\x82\xd0\xb8\xd0\xbd\xd1\x8c\xd0\xba", FIT_PREFIX),
    DW("\xd0\xb2\xd1\x82\xd0\xb1", FIT_WORD), DW("\xd1\x85\xd0\xb0\xd0\xb0\xd0\xbd", FIT_WORD), DW("\xd0\xb3\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xbc\xd1\x82", FIT_PREFIX),
    DW("\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb0\xd1\x82", FIT_PREFIX), DW("\xd0\xbc\xd0\xbe\xd0\xbd\xd0\xbe\xd0\xb1\xd0\xb0\xd0\xbd\xd0\xba", FIT_PREFIX),
    /* the same banks and the Kazakh ones in Latin letters, as their apps
     * and cards write them ("Monobank *9911", "Kaspi Gold 4400 ... 1188",
     * report-adv33 L-21); Japanese クレカ (credit card) */
    DW("monobank", FIT_WORD), DW("tinkoff", FIT_WORD), DW("sberbank", FIT_WORD), DW("privatbank", FIT_WORD),
    DW("kaspi", FIT_WORD), DW("halyk", FIT_WORD), DW("golomt", FIT_WORD), DW("khanbank", FIT_WORD),
    DW("\xe3\x82\xaf\xe3\x83\xac\xe3\x82\xab", FIT_ANY), DW("\xe3\x82\xab-\xe3\x83\x89", FIT_ANY), /* クレカ, カード as the norm view writes it */
};
int detect_account_noun_near(const char *s, size_t len, size_t from, size_t to)
{
    return det_word_near(s, len, from, to, account_nouns, N(account_nouns));
}

/* Brands that are words too (a travel visa, credit given): a card's only
 * when the digits are no year ("visa ending in 2026" stays). */
static const struct det_word weak_nouns[] = {
    DW("visa", FIT_WORD), DW("credit", FIT_WORD),
    DW("\xd0\xb2\xd0\xb8\xd0\xb7\xd0\xb0", FIT_WORD), DW("\xd0\xb2\xd0\xb8\xd0\xb7\xd1\x8b", FIT_WORD), /* виза визы */
};
static const struct det_word phone_nouns[] = {
    DW("phone", FIT_PREFIX), DW("mobile", FIT_WORD), DW("telefon", FIT_PREFIX), DW("telepon", FIT_WORD),
    DW("\xd1\x82\xd0\xb5\xd0\xbb\xd0\xb5\xd1\x84\xd0\xbe\xd0\xbd", FIT_PREFIX),  /* телефон */
    DW("\xec\xa0\x84\xed\x99\x94", FIT_ANY),                                     /* 전화 */
    DW("\xe6\x89\x8b\xe6\x9c\xba", FIT_ANY), DW("\xe6\x89\x8b\xe6\xa9\x9f", FIT_ANY), DW("\xe7\x94\xb5\xe8\xaf\x9d", FIT_ANY), DW("\xe9\x9b\xbb\xe8\xa9\xb1", FIT_ANY), /* 手机 手機 电话 電話 */
};

/* 1 if a Korean particle or copula is glued at e after digits (a Hangul
 * syllable no word continues: det_word_glued; "끝자리는 5678입니다",
 * "카드 1234로"); units and currencies are the callers' to refuse. */
static int ko_particle_at(const char *s, size_t len, size_t e)
{
    return e < len && (unsigned char)s[e] >= 0xEA && (unsigned char)s[e] <= 0xED && !det_word_glued(s, len, e);
}

/* The end of the two to six digits at at that make a whole number, or
 * 0; a Korean particle may follow (ko_particle_at); read out one by one or in pairs ("4 5 2 1", "45 21", report-adv27c
 * H-5), three digits at least then. */
static size_t last_digits(const char *s, size_t len, size_t at)
{
    size_t n = det_digits(s, len, at), e = at + n, total = n, g;

    while (n <= 2 && e + 1 < len && s[e] == ' ' && (g = det_digits(s, len, e + 1)) >= 1 && g <= 2 &&
           total + g <= 6)
        e += 1 + g, total += g, n = g;
    if (total < (e - at > total ? 3u : 2u) || total > 6 || (det_letter_at(s, len, e) && !ko_particle_at(s, len, e)) ||
        (e + 1 < len && strchr(".,-/:", s[e]) != NULL && det_digit(s[e + 1])))
        return 0;
    return e;
}

/* Three to six digits said in words after an ending word ("ending in
 * four eight two one", "на четыре восемь два один", report-adv30 L-15):
 * the end of the words, or 0; the digits in d[0..*n) (cap bytes at
 * least 7).  The words are the spoken-number reader's, every language it
 * knows (detect_spoken_plain; no word of its wider net); a letter word
 * right after them is no number's end ("ending in one piece"). */
static size_t said_digits(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n)
{
    size_t e;

    *n = 0;
    if (at >= len || !detect_spoken_word(s, len, at))
        return 0;
    e = detect_spoken_plain(s, len, at, d, cap, n);
    if (e == at || *n < 3 || *n > 6)
        return 0;
    return e;
}

/* After an ending word at at: the digits' start, or 0; *bare set when
 * the word has no preposition ("ending 4521"). */
static size_t after_ending(const char *s, size_t len, size_t at, int *bare, int *label)
{
    size_t k, i, n;

    *label = 0;
    if (at + 1 >= len)          /* every ending has two bytes or more */
        return 0;
    for (k = 0; k < N(endings); k++) {
        /* Asked at every word start that may begin one: both readings
         * below compare the ending's first two bytes, tested here before
         * its length is measured (session 39: the strlen calls were 1% of
         * redaction's instructions; the second byte, session 51: Cyrillic
         * endings share their first). */
        if (endings[k][0] != s[at] || endings[k][1] != s[at + 1])
            continue;
        n = strlen(endings[k]);
        /* A whole phrase may be a label, a colon before its space ("last
         * four: 4567", report-adv32 L-17). */
        if (endings[k][n - 1] == ' ' && det_starts(s, len, at + n - 1, ": ") &&
            memcmp(s + at, endings[k], n - 1) == 0) {
            *bare = 0, *label = 1;
            return at + n + 1;
        }
        if (!det_starts(s, len, at, endings[k]))
            continue;
        i = at + n;
        *bare = strcmp(endings[k], "ending ") == 0 || strcmp(endings[k], "ends ") == 0 ||
                strcmp(endings[k], KK_AYAGY) == 0 || strcmp(endings[k], KK_SONY) == 0 ||
                strcmp(endings[k], RU_LAST) == 0 || strcmp(endings[k], UK_LAST) == 0;
        if (endings[k][n - 1] == ' ')
            return i + (det_starts(s, len, i, MN_NI) ? strlen(MN_NI) : 0);     /* a whole phrase */
        /* a Russian or Ukrainian verb's ending, then "на" */
        i = detect_letters(s, len, i);
        if (i < len && s[i] == ' ' && det_starts(s, len, i + 1, NA_RU))
            return i + 1 + strlen(NA_RU);
        /* the verb right before the digits, as people type it ("карта
         * заканчивается 6789", "закінчується 5678": report-adv38 L-68);
         * three digits at least then, as after a bare "ending" */
        if (i + 1 < len && s[i] == ' ' && det_digit(s[i + 1]))
            return *bare = 1, i + 1;
        return 0;
    }
    return 0;
}

/* A mask at at: the position after it (and its joiner), or 0; four
 * mask characters at least ("Room ***5567" stays), in groups of two or more. */
static size_t mask(const char *s, size_t len, size_t at)
{
    size_t i = at, run = 0, total = 0;

    for (;;) {
        if (i < len && (s[i] == '*' || s[i] == 'x' || s[i] == '#'))
            i++, run++, total++;
        else if (det_starts(s, len, i, "\xe2\x80\xa2"))                      /* • */
            i += 3, run++, total++;
        else if (run >= 2 && i + 1 < len && (s[i] == '-' || s[i] == ' '))
            i++, run = 0;
        else
            break;
    }
    return total >= 4 && (run == 0 || run >= 2) && i < len && det_digit(s[i]) ? i : 0;
}

/* The Russian and Ukrainian ending verbs' stems (the first three of
 * endings, without "на"), said after the digits ("карта на 4421
 * заканчивается", report-adv28c J-12). */
static const char *const endings_after[] = {
    "\xd0\xb7\xd0\xb0\xd0\xba\xd0\xb0\xd0\xbd\xd1\x87\xd0\xb8\xd0\xb2\xd0\xb0",           /* заканчива */
    "\xd0\xbe\xd0\xba\xd0\xb0\xd0\xbd\xd1\x87\xd0\xb8\xd0\xb2\xd0\xb0",                   /* оканчива */
    "\xd0\xb7\xd0\xb0\xd0\xba\xd1\x96\xd0\xbd\xd1\x87\xd1\x83",                           /* закінчу */
    "\xd1\x82\xd3\xa9\xd0\xb3\xd1\x81",   /* Mongolian төгс(дөг, сөн, өх) "ends", after the digits' -аар (report-adv32 L-17) */
};

/* The Mongolian instrumental case after a number's hyphen, with the vowel
 * harmony's four forms ("4567-оор төгсдөг": "ends with 4567"). */
static const char *const mn_instrumental[] = {
    "-\xd0\xb0\xd0\xb0\xd1\x80", "-\xd0\xbe\xd0\xbe\xd1\x80", "-\xd1\x8d\xd1\x8d\xd1\x80", "-\xd3\xa9\xd3\xa9\xd1\x80",
};

/* The digits at at when an ending verb follows them: their end, or 0. */
static size_t digits_then_ending(const char *s, size_t len, size_t at)
{
    size_t e, k, c = 0;

    if (!det_digit(s[at]) || (e = last_digits(s, len, at)) == 0 || e - at < 3)
        return 0;
    for (k = 0; k < N(mn_instrumental); k++)
        if (det_starts(s, len, e, mn_instrumental[k]))
            c = strlen(mn_instrumental[k]);
    if (e + c >= len || s[e + c] != ' ')
        return 0;
    for (k = 0; k < N(endings_after); k++)
        if (det_starts(s, len, e + c + 1, endings_after[k]) && (c != 0) == (k == N(endings_after) - 1))
            return e;
    return 0;
}

static size_t sentence_from(const char *s, size_t at);
static int round_sum(const char *s, size_t at);
static int digits_end_clause(const char *s, size_t len, size_t e);
static int card_noun_after(const char *s, size_t len, size_t e);

/* A card's tier or network named between its bank and the mask ("Kaspi
 * Gold *4417", "Tinkoff Black *1234", "Halyk Visa *7788": report-adv37
 * L-9), as the banks' cards print them (HAND-WRITTEN): the word before the
 * mask when the word before it is a bank's (mask_bank). */
static int card_tier(const char *w, size_t n)
{
    static const struct det_word tiers[] = {
        DW("gold", FIT_WORD),     DW("platinum", FIT_WORD), DW("black", FIT_WORD),    DW("classic", FIT_WORD),
        DW("premium", FIT_WORD),  DW("signature", FIT_WORD), DW("infinite", FIT_WORD), DW("standard", FIT_WORD),
        DW("red", FIT_WORD),      DW("visa", FIT_WORD),     DW("mastercard", FIT_WORD), DW("unionpay", FIT_WORD),
        DW("debit", FIT_WORD),    DW("credit", FIT_WORD),
    };
    return det_in_list(tiers, N(tiers), w, n);
}

/* A short mask at at, one to three of '*', '#', '•' or '.', or '…' ("Visa
 * *4421", "карта ••4421", "card ...4421": report-adv28c J-12), or of 'x'
 * glued to the digits ("TDB x2211": report-adv37 L-9), glued to four
 * digits, right after a card's word (a brand too, a bank, a bank and its
 * card's tier: card_tier), an opening parenthesis between ("Golomt Bank
 * (*7741)"): the digits' start, or 0.  A mask of four or more is
 * mask()'s, with no word. */
static size_t short_mask(const char *s, size_t len, size_t at)
{
    size_t i = at, n = 0, a, we, a2, we2;

    while (n < 3 && i < len) {
        if (s[i] == '*' || s[i] == '#' || s[i] == '.' || (s[i] == 'x' && s[at] == 'x'))
            i++, n++;
        else if (det_starts(s, len, i, "\xe2\x80\xa2") || det_starts(s, len, i, "\xe2\x80\xa6"))
            i += 3, n++;                                                /* • … */
        else
            break;
    }
    /* one space after a mask of '*', '#' or '•' ("Тинькофф •• 7781",
     * report-adv33 L-21); after '.' or '…' a sentence ends */
    if (n > 0 && i + 1 < len && s[i] == ' ' && s[i - 1] != '.' && s[i - 1] != '\xa6' && s[i - 1] != 'x')
        i++;
    if (n == 0 || det_digits(s, len, i) != 4 || det_letter_at(s, len, i + 4) ||
        (i + 5 < len && strchr(".,-/:", s[i + 4]) != NULL && det_digit(s[i + 5])))
        return 0;
    if ((we = det_word_ending(s, at, " :(", &a)) == 0)
        return 0;
    if (det_in_list(account_nouns, N(account_nouns), s + a, we - a) || det_mask_bank(s + a, we - a))
        return i;
    if (card_tier(s + a, we - a) && (we2 = det_word_ending(s, a, " ", &a2)) != 0 && det_mask_bank(s + a2, we2 - a2))
        return i;
    if (s[at] == 'x')
        return 0;           /* "x" is no mask after a weaker word ("Room x2211") */
    if (det_starts(s, len, i, "19") || det_starts(s, len, i, "20"))
        return 0;
    if (det_in_list(weak_nouns, N(weak_nouns), s + a, we - a))
        return i;
    /* A second owner's card after the first's in one sentence ("Дашина
     * карта 2202 **** **** 3344, Верина ...7781", report-adv34 L-13): a
     * card's or an account's noun before, the digits glued to the mask,
     * ending their clause, no round sum. */
    return s[i - 1] != ' ' && det_word_near(s, len, sentence_from(s, a), a, account_nouns, N(account_nouns)) &&
                   !round_sum(s, i) && digits_end_clause(s, len, i + 4)
               ? i
               : 0;
}

/* Where the nouns of the cue's own sentence start: NOUN_BACK bytes
 * before at at most. */
static size_t sentence_from(const char *s, size_t at)
{
    size_t i, from = at > NOUN_BACK ? at - NOUN_BACK : 0;

    for (i = at; i > from; i--)
        if (strchr("!?;", s[i - 1]) != NULL || (s[i - 1] == '.' && i < at && s[i] == ' '))
            break;
    return i;
}

/* Where the cue's sentence ends after the digits ending at e: 32 bytes
 * after them at most (a noun after, "на конце 4567, Сбер", "末尾4567のカ
 * ード": report-adv32 L-17). */
static size_t sentence_to(const char *s, size_t len, size_t e)
{
    size_t i;

    for (i = e; i < len && i - e < 32; i++)
        if (strchr("!?;", s[i]) != NULL || (s[i] == '.' && (i + 1 >= len || s[i + 1] == ' ')))
            break;
    return i;
}

/* 1 if a noun of nouns[], account_nouns[] or phone_nouns[], or a bank's
 * name (bank_in: "Jusan, ending 4521", "XacBank ... 끝자리 1234"), stands
 * in [from, to). */
static int strong_noun_near(const char *s, size_t len, size_t from, size_t to)
{
    return det_word_near(s, len, from, to, nouns, N(nouns)) ||
           det_word_near(s, len, from, to, account_nouns, N(account_nouns)) ||
           det_word_near(s, len, from, to, phone_nouns, N(phone_nouns)) || det_bank_in(s, len, from, to);
}

/* Chinese ending words, glued to the noun before them and to the digits
 * (report-adv31 L-14, report-adv30 L-15: "卡号尾号4567", "银行卡尾号四五六七";
 * HAND-WRITTEN, they want a native reviewer): 尾号 尾號 尾数 尾數 (tail
 * number), 后四位 後四位 末四位 (last four places); then 是, 为, 為 or ':'
 * may come. */
static const char *const han_endings[] = {
    /* Japanese 下4桁 下四桁 (the lower four places), 末尾 (the end):
     * "カードの下4桁は4567", "末尾4567のカード" (report-adv32 L-17) */
    "\xe4\xb8\x8b" "4" "\xe6\xa1\x81", "\xe4\xb8\x8b\xe5\x9b\x9b\xe6\xa1\x81", "\xe6\x9c\xab\xe5\xb0\xbe",
    /* 下4ケタ 下四ケタ: 桁 written in katakana ("クレカの下4ケタ 7788",
     * report-adv33 L-41) */
    "\xe4\xb8\x8b" "4" "\xe3\x82\xb1\xe3\x82\xbf", "\xe4\xb8\x8b\xe5\x9b\x9b\xe3\x82\xb1\xe3\x82\xbf",
    "\xe5\xb0\xbe\xe5\x8f\xb7", "\xe5\xb0\xbe\xe8\x99\x9f", "\xe5\xb0\xbe\xe6\x95\xb0", "\xe5\xb0\xbe\xe6\x95\xb8", "\xe5\x90\x8e\xe5\x9b\x9b\xe4\xbd\x8d", "\xe5\xbe\x8c\xe5\x9b\x9b\xe4\xbd\x8d", "\xe6\x9c\xab\xe5\x9b\x9b\xe4\xbd\x8d",
};
/* Counters and units after a number: a sum, an amount, an age ("尾数500元"). */
static const char *const han_units[] = { "\xe5\x85\x83", "\xe5\x9d\x97", "\xe5\xa1\x8a", "\xe5\x86\x86", "\xe4\xb8\x87", "\xe8\x90\xac", "\xe5\x8d\x83", "\xe7\x99\xbe", "\xe5\xb2\x81", "\xe6\xad\xb2", "\xe5\xb9\xb4", "\xe4\xb8\xaa", "\xe5\x80\x8b", "\xe6\xac\xa1", "\xe5\xa4\xa9" };
static const char *const han_links[] = { "\xe6\x98\xaf", "\xe4\xb8\xba", "\xe7\x82\xba", ":", " ",
                                         "\xe3\x81\xaf", "\xe3\x81\x8c" };   /* Japanese は が */

/* Three to six Han digits at at (det_han_digit: 零 一 ... 九, the
 * banker's numerals), no unit after them ("四五六七"; "四五六七百" is no
 * digits read one by one): their end, or 0. */
static size_t han_digits(const char *s, size_t len, size_t at)
{
    size_t i = at, n, k = 0;
    int cp;

    while ((cp = det_cp_at(s, len, i, &n)) >= 0 && det_han_digit(cp) >= 0)
        i += n, k++;
    return k >= 3 && k <= 6 && !det_numeral_start(s, len, i) ? i : 0;
}

size_t detect_tail_han(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t i = 0, e, from, k;

    for (k = 0; k < N(han_endings) && i == 0; k++)
        if (det_starts(s, len, at, han_endings[k]))
            i = at + strlen(han_endings[k]);
    if (i == 0)
        return 0;
    for (k = 0; k < N(han_links); k++)
        if (det_starts(s, len, i, han_links[k])) {
            i += strlen(han_links[k]);
            break;
        }
    if (i < len && det_digit(s[i])) {
        e = i + det_digits(s, len, i);
        if (e - i < 3 || e - i > 6 || !det_ends_word(s, len, e) || det_money_around(s, len, i, e))
            return 0;
    } else if ((e = han_digits(s, len, i)) == 0) {
        return 0;
    }
    for (k = 0; k < N(han_units); k++)
        if (det_starts(s, len, e, han_units[k]))
            return 0;
    from = sentence_from(s, at);
    *start = i;
    k = sentence_to(s, len, e);             /* the noun after: "末尾4567のカード" */
    *kind = det_word_near(s, len, from, at, phone_nouns, N(phone_nouns)) ||
                    det_word_near(s, len, e, k, phone_nouns, N(phone_nouns))       ? DETECT_PHONE
            : det_word_near(s, len, from, at, account_nouns, N(account_nouns)) ||
                    det_word_near(s, len, e, k, account_nouns, N(account_nouns)) ? DETECT_ACCOUNT
                                                                                  : DETECT_ID;
    return e;
}

/* The endings of Russian and Ukrainian card nouns after "карт" (карта,
 * карту, карте, картой, карты, картка, картку, картці, карткою, картки,
 * карточка...): "картина", "картон", "картошка" are no cards. */
static const char *const card_endings[] = {
    "\xd0\xb0", "\xd1\x83", "\xd0\xb5", "\xd0\xbe\xd0\xb9", "\xd1\x8b", "\xd0\xba\xd0\xb0", "\xd0\xba\xd1\x83", "\xd1\x86\xd1\x96", "\xd0\xba\xd0\xbe\xd1\x8e", "\xd0\xba\xd0\xb8", "\xd0\xbe\xd1\x87\xd0\xba\xd0\xb0", "\xd0\xbe\xd1\x87\xd0\xba\xd1\x83", "\xd0\xbe\xd1\x87\xd0\xba\xd0\xb5", "\xd0\xbe\xd1\x87\xd0\xba\xd0\xbe\xd0\xb9",
    /* Kazakh картасы (its card), картам (my card), картаңыз (your card):
     * report-adv38 L-70 "Kaspi картасы 6789" */
    "\xd0\xb0\xd1\x81\xd1\x8b", "\xd0\xb0\xd0\xbc", "\xd0\xb0\xd2\xa3\xd1\x8b\xd0\xb7",
};

/* 1 if the four digits s[at..at+4) are a round sum (they end in "00":
 * "Сбер на 1500.", "карта 2500"), no card's last four (one card in a
 * hundred ends so). */
static int round_sum(const char *s, size_t at)
{
    return s[at + 2] == '0' && s[at + 3] == '0';
}

/* 1 if the four digits ending at e end their clause: the text's end, a
 * mark (, . ; ! ? )), a dash, or "на" and a word (a transfer to a
 * person: "Сбер 4276 на Дашу"). */
static int digits_end_clause(const char *s, size_t len, size_t e)
{
    if (e >= len || (strchr(",.;!?)", s[e]) != NULL && s[e] != '\0'))
        return 1;
    if (s[e] != ' ')
        return 0;
    return det_starts(s, len, e + 1, "- ") || det_starts(s, len, e + 1, "\xe2\x80\x94") ||
           det_starts(s, len, e + 1, "\xe2\x80\x93") ||
           (det_starts(s, len, e + 1, NA_RU) && det_letter_at(s, len, e + 1 + strlen(NA_RU)));
}

static int card_word(const char *s, size_t a, size_t e);

/* The marks between a bank's name and its card's four digits, on either
 * side of them (report-adv40 L-27, L-51, L-69, L-108, L-110, L-133,
 * L-107: "Kaspi - 6789", "Halyk — 4321", "Kaspi / 6789", "Halyk → 4321",
 * "6789 — Kaspi", "Номер 6789, Kaspi"): a colon, a comma, a hyphen, a slash,
 * an en or em dash, a minus, an arrow (→, ->, =>, ←, <-) or '='. */
static const char *const bank_marks[] = {
    "->", "=>", "<-", ":", ",", "-", "/", "=", "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x88\x92", "\xe2\x86\x92",
    "\xe2\x86\x90",                                                  /* ← (report-adv41 L-47: "4321 ← Halyk") */
};

/* The end of the gap at i between a bank's name and its card's digits:
 * at most one space, at most one mark of bank_marks, at most one space
 * ("Kaspi: 6789", "Kaspi — 6789", "Kaspi/6789"); *mark 1 if a mark
 * stands in it.  i itself if nothing does. */
static size_t bank_gap(const char *s, size_t len, size_t i, int *mark)
{
    size_t k;

    *mark = 0;
    if (i < len && s[i] == ' ')
        i++;
    for (k = 0; k < N(bank_marks); k++)
        if (det_starts(s, len, i, bank_marks[k])) {
            i += strlen(bank_marks[k]), *mark = 1;
            break;
        }
    if (*mark && i < len && s[i] == ' ')
        i++;
    return i;
}

/* 1 if a word follows the digits ending at e after one space and says
 * nothing of a count or a time ("Kaspi 6789 была заблокирована", "Halyk
 * → 4321 сразу", "Monobank 4455 моя картка": report-adv41 L-29, L-84,
 * L-85, brief s42 num42): a bank's name before four digits names its
 * card whatever word follows, but for a count's or a time's word
 * (det_count_word: "Халық 1234 адам" is no card; det_time_unit_after:
 * "Kaspi 1234 дня").  Sums and years are bank_digits' to refuse. */
/* What a bank has many of, counted after a number (lead s42, num42's
 * regressions bank41 line 25 "Kaspi — 1234 отделения по стране", num40
 * line 5): branches, ATMs, offices, staff, clients, shops, in the norm
 * view, matched as a word's beginning so every case ending counts
 * (отделения, отделений; філій; branches). */
static const char *const bank_counted[] = {
    "отделени", "филиал", "банкомат", "терминал", "сотрудник", "клиент", "магазин", "офис", "партнер",
    "відділен", "філі", "працівник", "бөлімше", "салбар", "ажилтан",
    "branch", "atm", "office", "employee", "staff", "client", "customer", "shop", "store", "terminal",
};

static int bank_counted_word(const char *w, size_t n)
{
    for (size_t k = 0; k < sizeof bank_counted / sizeof bank_counted[0]; k++) {
        size_t m = strlen(bank_counted[k]);
        if (n >= m && memcmp(w, bank_counted[k], m) == 0)
            return 1;
    }
    return 0;
}

/* Mongolian он (year) is also Russian он (he): after a bank's four
 * digits, which are no year of 19.. or 20.. (bank_digits), it is the
 * pronoun ("Сбер 1122 он заблокировал": adv42 L-27). */
static int word_after(const char *s, size_t len, size_t e)
{
    size_t w;

    return e + 1 < len && s[e] == ' ' && (w = detect_letters(s, len, e + 1)) > e + 1 &&
           !det_count_word(s + e + 1, w - e - 1) && !bank_counted_word(s + e + 1, w - e - 1) &&
           (!det_time_unit_after(s, len, e) ||
            (w - e - 1 == 4 && memcmp(s + e + 1, "\xd0\xbe\xd0\xbd", 4) == 0));
}

/* A bank's name (bank_names), a gap (bank_gap), maybe one word of
 * bank_words or a card's word (card_word) and a gap again, then a card's
 * last four digits ending their clause ("Monobank 9911 - Даша", "Kaspi:
 * 7788", "Kaspi Gold 7788", "Хаан банк 5012.", "Сбер 4276 на Дашу":
 * report-adv34 L-14; "Kaspi — 6789.", "Kaspi карта – 6789.": report-adv40
 * L-51, L-134), or followed by a card's word ("Kaspi 6789 карта":
 * card_noun_after, brief s39), or by any other word but a count's or a
 * time's (word_after: "Kaspi 6789 была заблокирована", report-adv41
 * L-84; it took the copulas of report-adv40 L-136, "Jusan: 1234 еді.",
 * "6789 была её карта"): the digits' start, their end in *end, or 0.  No
 * year (19.., 20..), no round sum, no money word around, no time or
 * version (a mark and a digit after).  bank_end: bank_name's answer at
 * at. */
/* The end of a Korean particle or copula glued to a card's digits at at
 * ("카카오뱅크 5678로 보냈다", "5678에 입금", "5678으로", "5678입니다"):
 * the whole Hangul run there, when it starts with one of them and is
 * four syllables at most; 0 otherwise ("5678원" is a sum, "5678명" a
 * count: no particle).  HAND-WRITTEN from Korean grammar (case particles,
 * the copula), a native reviewer wanted (brief s44 lead44, adv44 L-27,
 * L-28, L-50, L-51). */
static size_t ko_particle_after(const char *s, size_t len, size_t at)
{
    static const char *const particles[] = { "으로", "로", "에서", "에", "을", "를", "이", "가", "은", "는",
                                             "도", "의", "였", "입니", "이에" };
    size_t e = detect_letters(s, len, at), k;

    if (at >= len || (unsigned char)s[at] < 0xEA || (unsigned char)s[at] > 0xED || e - at > 12)
        return 0;
    for (k = 0; k < N(particles); k++)
        if (det_starts(s, len, at, particles[k]))
            return e;
    return 0;
}

static size_t bank_digits(const char *s, size_t len, size_t at, size_t bank_end, size_t *end)
{
    size_t i = bank_end, e, x;
    int mark, ko = 0;

    if (det_letter_before(s, at) || i == 0)
        return 0;
    i = bank_gap(s, len, i, &mark);
    if (i == bank_end)
        return 0;
    /* № glued or spaced ("Kaspi №6789", "Kaspi № 6789": the norm view
     * writes "no"; adv42 L-66, L-77) */
    if (det_starts(s, len, i, "no") && i + 2 < len &&
        (det_digit(s[i + 2]) || (s[i + 2] == ' ' && i + 3 < len && det_digit(s[i + 3]))))
        i += det_digit(s[i + 2]) ? 2 : 3;
    if (i < len && !det_digit(s[i])) {
        e = detect_letters(s, len, i);
        if (e == i || !(det_bank_tier(s + i, e - i) || card_word(s, i, e)))
            return 0;
        if ((i = bank_gap(s, len, e, &mark)) == e)
            return 0;
    }
    if (det_digits(s, len, i) != 4 || (e = i + 4, det_letter_at(s, len, e) && !ko_particle_after(s, len, e)) ||
        (e + 1 < len && strchr(".,-/:", s[e]) != NULL && det_digit(s[e + 1])))
        return 0;
    /* a case ending after a hyphen ("Kaspi 6789-ға ақша жібердім": adv42
     * L-65), a Korean particle glued or after a hyphen ("5678로",
     * "9876-으로"): the clause is read after it */
    x = e;
    if (det_letter_at(s, len, e))
        x = ko_particle_after(s, len, e), ko = 1;
    else if (e + 1 < len && s[e] == '-' && (x = detect_letters(s, len, e + 1)) > e + 1 &&
        !det_hyphen_ending(s, len, e + 1, x) && !(ko = ko_particle_after(s, len, e + 1) == x))
        return 0;
    /* a Korean sum has its 원 ("9900원으로"): digits with a particle
     * glued are no round sum ("KB 9900으로": adv44 L-79) */
    if (det_starts(s, len, i, "19") || det_starts(s, len, i, "20") || (round_sum(s, i) && !ko) ||
        det_money_around(s, len, i, x) ||
        !(digits_end_clause(s, len, x) || card_noun_after(s, len, x) || word_after(s, len, x)))
        return 0;
    *end = e;
    return i;
}

/* A card's noun, then "на" and its four last digits, in figures or said
 * (Russian and Ukrainian "карта на 4567", "картку на 4821": report-adv31
 * L-14, report-adv30 L-15): the digits' start, their end in *end, or 0.
 * A bank may name the card, or follow its noun ("Сбер на 4567", "карта
 * Сбера на 4567": bank_names).  No year ("карта на 2026 год") and no sum
 * ("карта на 5000 рублей").  bank_end: bank_name's answer at at. */
static size_t card_na(const char *s, size_t len, size_t at, size_t bank_end, size_t *end)
{
    static const char kart[] = "\xd0\xba\xd0\xb0\xd1\x80\xd1\x82";
    size_t w = at + strlen(kart), i, e, k, nd;
    int bank = 0;
    char d[8];

    if (det_letter_before(s, at))
        return 0;
    if (det_starts(s, len, at, kart)) {
        i = detect_letters(s, len, w);
        for (k = 0; k < N(card_endings); k++)
            if (i - w == strlen(card_endings[k]) && memcmp(s + w, card_endings[k], i - w) == 0)
                break;
        if (k == N(card_endings))
            return 0;
        if (i + 1 < len && s[i] == ' ' && (e = det_bank_name(s, len, i + 1)) != 0)
            i = e;                                  /* карта Сбера на */
    } else if ((i = bank_end) == 0) {
        return 0;
    } else {
        bank = 1;
    }
    if (i >= len || s[i] != ' ' || !det_starts(s, len, i + 1, NA_RU))
        return 0;
    i += 1 + strlen(NA_RU);
    if (i < len && det_digit(s[i])) {
        e = i + det_digits(s, len, i);
        if (e - i != 4 || !det_ends_word(s, len, e) || (e + 1 < len && strchr(".,-/:", s[e]) != NULL &&
                                                        det_digit(s[e + 1])))
            return 0;
        if (det_starts(s, len, i, "19") || det_starts(s, len, i, "20") || det_money_around(s, len, i, e))
            return 0;
    } else {
        e = said_digits(s, len, i, d, sizeof d, &nd);
        sodium_memzero(d, sizeof d);
        if (e == 0 || nd != 4)
            return 0;
    }
    /* A bank alone: the digits end the clause ("втб на 1500 кредит" is
     * a sum). */
    if (bank && e < len && strchr(",.;!?)", s[e]) == NULL)
        return 0;
    /* A bank alone before a round sum: a transfer ("Сбер на 1500."). */
    if (bank && det_digit(s[i]) && round_sum(s, i))
        return 0;
    *end = e;
    return i;
}

/* A card's first four digits at at, a mask ('*', 'x', '#', '•', '.' or
 * '…', two or more, maybe in spaced groups) and its last four ("Kaspi
 * Gold 4400 ... 1188", "Сбербанк 4276 **** **** 1234", report-adv33
 * L-21): the end, or 0.  A mask of dots only needs a card's or a bank's
 * noun before in the sentence (a range is written "4400 ... 4500"). */
static size_t card_ends(const char *s, size_t len, size_t at)
{
    size_t i = at + 4, marks = 0, dots = 0, e;

    if (det_digits(s, len, at) != 4 || (at > 0 && det_alnum(s[at - 1])))
        return 0;
    for (;;) {
        if (i < len && (s[i] == '*' || s[i] == 'x' || s[i] == '#' || s[i] == '.'))
            dots += s[i] == '.', i++, marks++;
        else if (det_starts(s, len, i, "\xe2\x80\xa2") || det_starts(s, len, i, "\xe2\x80\xa6"))
            dots += s[i + 2] == '\xa6', i += 3, marks++;
        else if (i < len && s[i] == ' ' && i + 1 < len && !det_digit(s[i + 1]))
            i++;
        else
            break;
    }
    if (marks < 2 || i >= len || s[i] != ' ' || det_digits(s, len, i + 1) != 4)
        return 0;
    e = i + 5;
    if (det_letter_at(s, len, e) || (e + 1 < len && strchr(".,-/:", s[e]) != NULL && det_digit(s[e + 1])))
        return 0;
    return dots < marks || strong_noun_near(s, len, sentence_from(s, at), at) ? e : 0;
}

/* 1 if the word s[a..e) names a card: Russian and Ukrainian карт with a
 * card ending (card_endings) or alone (Mongolian карт), card, kart, and
 * a word that ends in 卡, カード or 카드 ("招商银行卡", "楽天カード"; the
 * bytes before e, as the norm view's '-' of ー splits カ-ド). */
static int card_word(const char *s, size_t a, size_t e)
{
    static const char kart[] = "\xd0\xba\xd0\xb0\xd1\x80\xd1\x82";
    /* 卡 カード (the norm view writes its ー '-': カ-ド) 카드 */
    static const char *const han[] = { "\xe5\x8d\xa1", "\xe3\x82\xab\xe3\x83\xbc\xe3\x83\x89",
                                       "\xe3\x82\xab-\xe3\x83\x89", "\xec\xb9\xb4\xeb\x93\x9c" };
    size_t k, w = a + strlen(kart);

    if (e - a == 4 && (memcmp(s + a, "card", 4) == 0 || memcmp(s + a, "kart", 4) == 0))
        return 1;
    if (e >= w && memcmp(s + a, kart, strlen(kart)) == 0) {
        if (e == w)
            return 1;
        for (k = 0; k < N(card_endings); k++)
            if (e - w == strlen(card_endings[k]) && memcmp(s + w, card_endings[k], e - w) == 0)
                return 1;
        return 0;
    }
    for (k = 0; k < N(han); k++)
        if (e >= strlen(han[k]) && memcmp(s + e - strlen(han[k]), han[k], strlen(han[k])) == 0)
            return 1;
    return 0;
}

/* Four digits right after a card's word, ending the clause ("Хаан банкны
 * карт 8844.", "招商银行卡 5566。", "楽天カード 1234。", report-adv33 L-21,
 * L-41): the end, or 0.  No year (19.., 20..), no round sum, no money
 * word around. */
static size_t card_word_digits(const char *s, size_t len, size_t at)
{
    size_t e = at + 4, a, we, a2, we2;
    int ends, particle, banked;

    if (det_digits(s, len, at) != 4 || at < 2 || s[at - 1] != ' ' ||
        det_starts(s, len, at, "19") || det_starts(s, len, at, "20") || round_sum(s, at))
        return 0;
    ends = e == len || (e < len && strchr(",.;!?)", s[e]) != NULL && s[e] != '\0' &&
                        !(e + 1 < len && det_digit(s[e + 1]))) ||
           det_starts(s, len, e, "\xe3\x80\x82") || det_starts(s, len, e, "\xe3\x80\x81");
    /* a Korean particle glued after the digits ends them ("카드 1234로") */
    particle = ko_particle_at(s, len, e);
    /* "Kaspi карта: 6789": a colon after the card's word */
    if ((we = det_word_ending(s, at, " :", &a)) == 0 || !(we == at - 1 || (we == at - 2 && s[we] == ':')) ||
        !card_word(s, a, we) || det_money_around(s, len, at, e))
        return 0;
    /* The card's word names its bank ("신한카드 1234 승인"), or a bank
     * stands right before it ("KhanBank card 1234 was blocked", "Kaspi
     * картасы 6789 бұғатталды"): the digits need not end the clause
     * (brief s39 bank39). */
    banked = det_bank_or_bank_word(s + a, we - a) ||
             ((we2 = det_word_ending(s, a, " ", &a2)) != 0 && we2 + 1 == a && det_bank_or_bank_word(s + a2, we2 - a2));
    return ends || particle || (banked && e < len && s[e] == ' ') ? e : 0;
}

/* 1 if a card's or an account's word (card_word, account_nouns) follows
 * the digits ending at e, after one space ("Halyk №1234 карта", "Kaspi
 * 6789 карта"). */
static int card_noun_after(const char *s, size_t len, size_t e)
{
    size_t w;

    return e < len && s[e] == ' ' && (w = detect_letters(s, len, e + 1)) > e + 1 &&
           (card_word(s, e + 1, w) || det_in_list(account_nouns, N(account_nouns), s + e + 1, w - e - 1));
}

/* "And" and "or" before a second owner's digits (English, Russian,
 * Ukrainian, Mongolian ба). */
static const struct det_word sibling_and[] = {
    DW("and", FIT_WORD), DW("or", FIT_WORD), DW("\xd0\xb8", FIT_WORD), DW("\xd0\xb0", FIT_WORD),
    DW("\xd1\x96", FIT_WORD), DW("\xd1\x82\xd0\xb0", FIT_WORD), DW("\xd0\xb1\xd0\xb0", FIT_WORD),
};

/* The digits at at said of a second owner right after a first number's
 * last digits ("her card ends in 4417 and his 5566", report-adv33
 * O-25): as many digits (three to six) as the group before, "and" or
 * "or" and a word of a person (detect_owner_word) between, a card's,
 * an account's or a phone's noun in the sentence before the first.
 * Their end, or 0. */
static size_t sibling_tail(const char *s, size_t len, size_t at)
{
    size_t e = last_digits(s, len, at), we, a, q;

    if (e == 0 || e - at < 3 || det_digits(s, len, at) != e - at || at < 2 || s[at - 1] != ' ' ||
        (we = det_word_ending(s, at, " ", &a)) == 0 || !detect_owner_word(s + a, we - a) ||
        (we = det_word_ending(s, a, " ,", &a)) == 0 || !det_in_list(sibling_and, N(sibling_and), s + a, we - a))
        return 0;
    for (q = a; q > 0 && (s[q - 1] == ' ' || s[q - 1] == ','); q--)
        ;
    if (q < e - at)
        return 0;
    a = q - (e - at);
    if (det_digits(s, len, a) != e - at || (a > 0 && det_alnum(s[a - 1])))
        return 0;
    return strong_noun_near(s, len, sentence_from(s, a), a) ? e : 0;
}

/* Words between a card's digits and its bank after them: "from", "of",
 * Russian от, из, в, у, Ukrainian з, від ("Карта 6789 от Kaspi", report-adv40
 * L-26, L-50; HAND-WRITTEN). */
static const struct det_word bank_from[] = {
    DW("from", FIT_WORD), DW("of", FIT_WORD), DW("at", FIT_WORD),
    DW("\xd0\xbe\xd1\x82", FIT_WORD), DW("\xd0\xb8\xd0\xb7", FIT_WORD), DW("\xd0\xb2", FIT_WORD), /* от из в */
    DW("\xd1\x83", FIT_WORD), DW("\xd0\xb7", FIT_WORD), DW("\xd0\xb2\xd1\x96\xd0\xb4", FIT_WORD), /* у з від */
};

/* 1 if a card's, an account's or a number's noun (card_word, nouns,
 * account_nouns) ends right before the digits at at ("Карта 6789",
 * "Номер 6789", "card 6789"). */
static int card_noun_before(const char *s, size_t at)
{
    size_t a, we = det_word_ending(s, at, " :", &a);

    return we != 0 && we + 3 >= at &&
           (card_word(s, a, we) || det_in_list(nouns, N(nouns), s + a, we - a) ||
            det_in_list(account_nouns, N(account_nouns), s + a, we - a));
}

/* A card's four last digits said before its bank's name (brief s40
 * num40; bank39 read the bank first only; report-adv40 L-26, L-107,
 * L-133): the bank right after them, or after a gap (bank_gap) or a word
 * of bank_from, and a card's word after the bank ("6789 Kaspi картасы",
 * "4417 Halyk card"), or the bank ending the clause after a mark ("6789
 * — Kaspi.", "Номер 6789, Kaspi."), or a card's noun right before the
 * digits ("Карта 6789 от Kaspi пропала"): the digits' end, or 0.  No year
 * (19.., 20..), no round sum, no money around ("Получил 5678 от
 * Kaspi" keeps them: no card's noun). */
static size_t digits_then_bank(const char *s, size_t len, size_t at)
{
    size_t e = at + 4, i, w, be;
    int mark;

    if (det_digits(s, len, at) != 4 || (at > 0 && (det_digit(s[at - 1]) || det_letter_before(s, at))) ||
        e >= len || det_letter_at(s, len, e) || det_starts(s, len, at, "19") || det_starts(s, len, at, "20") ||
        round_sum(s, at) || det_money_around(s, len, at, e) ||
        (e + 1 < len && strchr(".,-/:", s[e]) != NULL && det_digit(s[e + 1])))
        return 0;
    if ((i = bank_gap(s, len, e, &mark)) == e)
        return 0;
    if (!mark && (w = detect_letters(s, len, i)) > i && w < len && s[w] == ' ' &&
        det_in_list(bank_from, N(bank_from), s + i, w - i))
        return (be = det_bank_name(s, len, w + 1)) != 0 && card_noun_before(s, at) ? e : 0;
    if ((be = det_bank_name(s, len, i)) == 0)
        return 0;
    return card_noun_after(s, len, be) || card_noun_before(s, at) ||
                   (mark && (be >= len || (strchr(",.;!?)", s[be]) != NULL && s[be] != '\0')))
               ? e
               : 0;
}

/* card_na, then bank_digits at at (a word start), the bank's name there
 * read once for both (bank_name: a walk of the word's letters, asked of
 * every Cyrillic word; session 39): the digits' start, their end in
 * *end, or 0. */
static size_t bank_card(const char *s, size_t len, size_t at, size_t *end)
{
    size_t bank_end, i, w;

    if (det_letter_before(s, at))
        return 0;
    bank_end = det_bank_name(s, len, at);
    if ((i = card_na(s, len, at, bank_end, end)) != 0)
        return i;
    /* a Korean bank's short name, a particle after the digits ("신한
     * 9876-으로", "KB 9900으로": det_ko_bank_short) */
    if (bank_end == 0 && (w = detect_letters(s, len, at)) > at && det_ko_bank_short(s + at, w - at))
        return (i = bank_digits(s, len, at, w, end)) != 0 &&
                       (ko_particle_after(s, len, *end) || (det_starts(s, len, *end, "-") &&
                                                            ko_particle_after(s, len, *end + 1)))
                   ? i
                   : 0;
    return bank_digits(s, len, at, bank_end, end);
}

/* The bytes a reading of detect_tail may start with (tail_first_build),
 * built once per process from the tables: the reader runs at every word
 * (brief s29 speed29b), and testing the tables' first bytes per word was
 * 0.8% of redaction's instructions (session 39). */
static unsigned char tail_first[256];
static pthread_once_t tail_once = PTHREAD_ONCE_INIT;

/* A mask (mask(): '*', 'x', '#' or the first byte of '•'), a short mask
 * (short_mask(): '.', '…'), digits an ending verb follows
 * (digits_then_ending), a Cyrillic card's noun or bank (card_na,
 * bank_digits: a compound of банк starts with any letter), an ending
 * word of endings[] or a bank of bank_names. */
static void tail_first_build(void)
{
    static const char fixed[] = "*x#.\xe2\xd0\xd1" "0123456789";

    for (size_t k = 0; k < sizeof fixed - 1; k++)
        tail_first[(unsigned char)fixed[k]] = 1;
    for (size_t k = 0; k < N(endings); k++)
        tail_first[(unsigned char)endings[k][0]] = 1;
    det_bank_first(tail_first);
}

/* 0 if no reading of detect_tail starts with the byte c. */
static int tail_may_start(char c)
{
    (void)pthread_once(&tail_once, tail_first_build);
    return tail_first[(unsigned char)c];
}

size_t detect_tail(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t i, e, from, nd;
    int bare = 0, label = 0, strong, year, sign = 0;
    char d[8];

    /* After a sign or a hyphen the digits end their clause or a card's
     * or account's word follows them ("Halyk №1234 карта"). */
    if ((i = det_bank_sign(s, len, at, &e, &sign)) != 0 &&
        (!sign || digits_end_clause(s, len, e) || card_noun_after(s, len, e)))
        return *start = i, *kind = DETECT_ACCOUNT, e;
    if (!tail_may_start(s[at]))
        return 0;
    if ((i = after_ending(s, len, at, &bare, &label)) != 0) {
        from = sentence_from(s, at);
        if (i < len && s[i] == ':')
            i++;
        if ((e = last_digits(s, len, i)) != 0) {
            if (bare && e - i < 3)
                return 0;
            year = e - i == 4 && (det_starts(s, len, i, "19") || det_starts(s, len, i, "20"));
        } else if ((e = said_digits(s, len, i, d, sizeof d, &nd)) != 0) {
            year = nd == 4 && (memcmp(d, "19", 2) == 0 || memcmp(d, "20", 2) == 0);
            sodium_memzero(d, sizeof d);
        } else {
            return 0;
        }
        /* A year, a count or a sum is no card's ending ("вклад
         * заканчивается 2026 году", "ends in 2000 tenge"). */
        if (det_time_unit_after(s, len, e) || det_money_around(s, len, i, e))
            return 0;
        /* The noun before, or after in the sentence ("на конце 4567, Сбер");
         * none after "last four:" as a label, a year excepted. */
        strong = strong_noun_near(s, len, from, at) || (strong_noun_near(s, len, e, sentence_to(s, len, e)) && !year) ||
                 (label && (s[at] == 'l' || s[at] == 's' || (unsigned char)s[at] == 0xD1) && !year &&
                  det_digits(s, len, i) >= 3);      /* "The last four: 91, 73.": groups are redact_idparts.c's */
        /* A bank named in the sentence before ("Kaspi. Соңы 6789.":
         * report-adv40 L-52). */
        if (!strong && !year && from >= 2 && s[from - 1] == '.')
            strong = det_bank_in(s, len, sentence_from(s, from - 1), from);
        if (!strong && !(det_word_near(s, len, from, at, weak_nouns, N(weak_nouns)) && !year))
            return 0;
        *start = i;
    } else if ((e = digits_then_ending(s, len, at)) != 0) {
        from = sentence_from(s, at);
        if (!strong_noun_near(s, len, from, at) &&
            !(det_word_near(s, len, from, at, weak_nouns, N(weak_nouns)) &&
              !(e - at == 4 && (det_starts(s, len, at, "19") || det_starts(s, len, at, "20")))))
            return 0;
        *start = at;
    } else if (det_digit(s[at]) && ((e = sibling_tail(s, len, at)) != 0 || (e = card_ends(s, len, at)) != 0 ||
                                    (e = card_word_digits(s, len, at)) != 0)) {
        *start = at, from = sentence_from(s, at);
    } else if (det_digit(s[at]) && (e = digits_then_bank(s, len, at)) != 0) {
        return *start = at, *kind = DETECT_ACCOUNT, e;
    } else if ((i = bank_card(s, len, at, &e)) != 0) {
        return *start = i, *kind = DETECT_ACCOUNT, e;
    } else if ((i = short_mask(s, len, at)) != 0) {
        e = i + 4;
        *start = i, from = sentence_from(s, at);
    } else if ((i = mask(s, len, at)) != 0 && (s[at] != 'x' || s[i - 1] == '-' || s[i - 1] == ' ')) {
        if ((e = last_digits(s, len, i)) == 0 || e - i < 3)
            return 0;
        *start = at, from = sentence_from(s, at);
    } else {
        return 0;
    }
    *kind = det_word_near(s, len, from, at, phone_nouns, N(phone_nouns))       ? DETECT_PHONE
            : det_word_near(s, len, from, at, account_nouns, N(account_nouns)) ||
                      det_word_near(s, len, from, at, weak_nouns, N(weak_nouns)) || det_bank_in(s, len, from, at)
                  ? DETECT_ACCOUNT
                                                                                : DETECT_ID;
    return e;
}
