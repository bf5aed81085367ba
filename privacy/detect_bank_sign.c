/* Banks beside a card's last digits (brief s39 bank39, moved here from
 * detect_tail.c in session 40, no change of behaviour): the one table of
 * banks (bank_names) and what reads a bank's name (det_bank_name,
 * det_mask_bank, det_bank_or_bank_word, det_bank_in), the words between a
 * bank and its card's digits (det_bank_tier), and the digits glued,
 * bracketed or after a sign right after a bank's name (det_bank_sign).
 * detect_tail.c's readers use them; detect_bank.c is the check digits'
 * (IBAN, Luhn), another rule.  Offsets are bytes of the norm view
 * (detect_int.h: lower case). */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

/* Banks whose name stands for the card, as people say it (report-adv32
 * L-17: "Сбер на 4567", "Тинькофф на 4567", "карта Сбера на 4567";
 * HAND-WRITTEN from the largest Russian, Ukrainian and Mongolian retail
 * banks, a native reviewer wanted): the stem, and at most two letters of
 * a case ending after it ("сбера", "сбербанком"; "сбережения" is none). */
static const char *const bank_names[] = {
    "\xd1\x81\xd0\xb1\xd0\xb5\xd1\x80\xd0\xb1\xd0\xb0\xd0\xbd\xd0\xba", "\xd1\x81\xd0\xb1\xd0\xb5\xd1\x80", "\xd1\x82\xd0\xb8\xd0\xbd\xd1\x8c\xd0\xba\xd0\xbe\xd1\x84\xd1\x84", "\xd1\x82\xd0\xb8\xd0\xbd\xd1\x8c\xd0\xba\xd0\xbe\xd1\x84", "\xd1\x82\xd0\xb8\xd0\xbd\xd1\x8c\xd0\xba\xd0\xb0", "\xd0\xb2\xd1\x82\xd0\xb1",
    "\xd0\xb0\xd0\xbb\xd1\x8c\xd1\x84\xd0\xb0\xd0\xb1\xd0\xb0\xd0\xbd\xd0\xba", "\xd0\xb0\xd0\xbb\xd1\x8c\xd1\x84\xd0\xb0-\xd0\xb1\xd0\xb0\xd0\xbd\xd0\xba", "\xd0\xb3\xd0\xb0\xd0\xb7\xd0\xbf\xd1\x80\xd0\xbe\xd0\xbc\xd0\xb1\xd0\xb0\xd0\xbd\xd0\xba", "\xd1\x80\xd0\xb0\xd0\xb9\xd1\x84\xd1\x84\xd0\xb0\xd0\xb9\xd0\xb7\xd0\xb5\xd0\xbd",
    "\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb0\xd1\x82\xd0\xb1\xd0\xb0\xd0\xbd\xd0\xba", "\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb0\xd1\x82", "\xd0\xbc\xd0\xbe\xd0\xbd\xd0\xbe\xd0\xb1\xd0\xb0\xd0\xbd\xd0\xba", "\xd1\x85\xd0\xb0\xd0\xb0\xd0\xbd", "\xd0\xb3\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xbc\xd1\x82",

    /* the same banks and the Kazakh ones in Latin letters, as their apps
     * and cards write them ("Monobank 9911", "Kaspi: 7788", report-adv34
     * L-14); Kazakh Каспи, Халык in Cyrillic */
    "monobank", "sberbank", "tinkoff", "privatbank", "kaspi", "halyk", "golomt", "khanbank",
    /* Mongolia's Trade and Development Bank as TDB and ХХБ (Худалдаа
     * хөгжлийн банк), Kazakhstan's Jusan (report-adv37 L-9) */
    "tdb", "\xd1\x85\xd1\x85\xd0\xb1", "jusan",
    "\xd0\xba\xd0\xb0\xd1\x81\xd0\xbf\xd0\xb8", "\xd1\x85\xd0\xb0\xd0\xbb\xd1\x8b\xd0\xba",
    /* Kazakhstan's retail banks in every script their customers write
     * (report-adv40 L-135, L-136: "Халық: 4321", "Jusan: 1234"): Halyk in
     * Kazakh Халық and Kazakh Latin Halyq, Jusan as Жусан, ForteBank
     * (Forte, Форте), Bereke (Береке), Bank CenterCredit (ЦентрКредит);
     * Mongolia's XacBank and Capitron (Капитрон); Alfa-Bank and VTB in Latin
     * letters.  HAND-WRITTEN from the banks' own names, a native reviewer
     * wanted.  Халық is also the Kazakh word for people, Жусан wormwood,
     * Береке blessing: every reader of this table wants a card's four
     * digits beside the name, no year, sum or count. */
    "\xd1\x85\xd0\xb0\xd0\xbb\xd1\x8b\xd2\x9b", "halyq", "\xd0\xb6\xd1\x83\xd1\x81\xd0\xb0\xd0\xbd", "forte",
    "\xd1\x84\xd0\xbe\xd1\x80\xd1\x82\xd0\xb5", "bereke", "\xd0\xb1\xd0\xb5\xd1\x80\xd0\xb5\xd0\xba\xd0\xb5", "centercredit",
    "\xd1\x86\xd0\xb5\xd0\xbd\xd1\x82\xd1\x80\xd0\xba\xd1\x80\xd0\xb5\xd0\xb4\xd0\xb8\xd1\x82", "xacbank", "capitron",
    "\xd0\xba\xd0\xb0\xd0\xbf\xd0\xb8\xd1\x82\xd1\x80\xd0\xbe\xd0\xbd", "alfabank", "vtb",
    /* Kazakhstan's Freedom Bank (Freedom Finance) as its card and app
     * write it (report-adv41 L-57, L-70: "Freedom: 7788 моя карта"); also
     * an English word: its readers want four digits beside it, no year,
     * sum or count */
    "freedom",
    /* T-Bank (Тинькофф's name since 2024), Альфа (Alfa-Bank as people
     * call it: the stem альф, "Альфу 2233"), Райф (Raiffeisenbank): adv44
     * L-99, L-115, L-128 (brief
     * s44 lead44); Альфа is also the Greek letter: every reader of this
     * table wants a card's four digits beside the name */
    "т-банк", "тбанк", "t-bank", "tbank", "альф", "райф",
    /* Russian banks of the Central Bank of Russia's register of licensed
     * credit institutions (cbr.ru, "Справочник по кредитным
     * организациям") by the short names their customers say (report-adv45
     * L-28, L-29: "Скинь на Открытие 5566", "Переведи на Озон 1122"):
     * Открытие, Озон Банк, Совкомбанк (Совком), Газпромбанк (Газпром),
     * Россельхозбанк (Россельхоз), Уралсиб, Ренессанс Кредит (Ренессанс),
     * and Открытие, Ozon in Latin letters.  Открытие is also the word
     * for opening, Озон ozone and the marketplace: every reader of this
     * table wants a card's four digits beside the name, no year, sum or
     * count.  Почта Банк and МТС Банк are left to "банк" after them
     * (почта is mail, МТС a telephone operator whose numbers follow it). */
    "открыти", "озон", "совком", "газпром", "россельхоз", "уралсиб", "ренессанс", "otkritie", "otkrytie",
    "ozon",
    /* monobank as its customers call it, Mono, Моно (report-adv46b L-5:
     * "my Mono ending 5583"); also the word for one-channel sound: every
     * reader of this table wants a card's four digits beside the name */
    "mono", "моно",
};

/* The bytes of a case ending a bank's stem of bank_names may take: two
 * letters (two bytes each in Cyrillic, one in Latin: "Kaspis"). */
static size_t bank_ending_max(const char *stem)
{
    return (unsigned char)stem[0] < 0x80 ? 2 : 4;
}

/* 1 if the word w[0..n) (norm view) is a bank's name: a stem of
 * bank_names with at most a case ending, or a Cyrillic compound of
 * "банк" after two letters or more, with at most a case ending
 * ("Монголбанкны", "Укрсиббанк", "альфа-банка": Russian, Ukrainian and
 * Mongolian banks name themselves so; Latin "-bank" is left to the table:
 * riverbank, databank). */
/* The first two bytes of every name of bank_names, one bit each of 65,536
 * (8 KiB), built once (pthread_once, as detect_tail.c's first bytes): a
 * word whose first two bytes start no name skips the table's loop
 * (red44: bank_word is asked at every Cyrillic and Latin word start). */
static uint8_t bank_first2[65536 / 8];
static pthread_once_t bank_once = PTHREAD_ONCE_INIT;

static unsigned first2(const char *w)
{
    return (unsigned)(unsigned char)w[0] << 8 | (unsigned char)w[1];
}

static void bank_first2_build(void)
{
    for (size_t k = 0; k < N(bank_names); k++) {
        unsigned f = first2(bank_names[k]);
        bank_first2[f >> 3] |= (uint8_t)(1u << (f & 7));
    }
}

static int bank_word(const char *w, size_t n)
{
    static const char bank[] = "\xd0\xb1\xd0\xb0\xd0\xbd\xd0\xba";      /* банк */
    size_t k, m, b = strlen(bank);
    unsigned f;

    (void)pthread_once(&bank_once, bank_first2_build);
    if (n < 2 || (f = first2(w), !(bank_first2[f >> 3] & (1u << (f & 7)))))
        k = N(bank_names);                      /* no name starts so: the compounds only */
    else
        k = 0;

    /* Asked at every word start: the first two bytes are tested before
     * the name is measured and compared (session 36; the second, session
     * 39: Cyrillic names share their first; every name has three bytes or
     * more, so a word of fewer than two is none). */
    for (; k < N(bank_names); k++) {
        if (n < 2 || w[0] != bank_names[k][0] || w[1] != bank_names[k][1])
            continue;
        m = strlen(bank_names[k]);
        if (n >= m && n - m <= bank_ending_max(bank_names[k]) && memcmp(w, bank_names[k], m) == 0)
            return 1;
    }
    for (k = n > b + 8 ? n - b - 4 : 4; k + b <= n; k++)
        if (w[k] == bank[0] && memcmp(w + k, bank, b) == 0)
            return 1;
    return 0;
}

int detect_bank_word(const char *w, size_t n)
{
    return bank_word(w, n);
}

static int named_bank(const char *w, size_t n);
static int named_bank_other(const char *w, size_t n);
static int ko_bank(const char *w, size_t n);

/* 1 if s[a..b) is a case ending written after a hyphen: one to four
 * Cyrillic letters ("Kaspi-дағы", "Kaspi-ға", "Halyk-тың", "Сбер-а",
 * "6789-ға": Kazakh, Mongolian and Russian glue their endings to a Latin
 * name or to digits so; adv42 L-65, L-78, brief s43 num43). */
int det_hyphen_ending(const char *s, size_t len, size_t a, size_t b)
{
    size_t k = 0, cl;
    int cp;

    while (a < b && (cp = det_cp_at(s, len, a, &cl)) >= 0x400 && cp <= 0x4FF)
        a += cl, k++;
    return a == b && k >= 1 && k <= 4;
}

/* Names that are a bank's only with the word bank after them (Khan Bank,
 * Xac Bank, Хас банк, State Bank of Mongolia: "Khan" alone is a title and
 * a family name; Почта Банк, "почта" the post: adv44 L-129).  HAND-WRITTEN
 * from the banks' own names (adv42 L-67). */
static const char *const before_bank[] = { "khan", "xac", "khas", "state", "хас", "почта" };

/* The end of a bank's name at at (a word start), or 0: a word of
 * bank_word, maybe a case ending after a hyphen ("Kaspi-дағы"); a Korean
 * bank (named_bank: 카카오뱅크, 국민은행, 신한카드; ko_bank: KB국민,
 * NH농협); a name of before_bank with the word bank, банк after it ("Khan
 * Bank", "Хас банкны"): adv42 L-67, L-68, L-78, L-79; brief s43 num43. */
size_t det_bank_name(const char *s, size_t len, size_t at)
{
    size_t e = detect_letters(s, len, at), h, k, b;

    if (e == at)
        return 0;
    if (e < len && s[e] == '-' && det_letter_at(s, len, e + 1)) {
        h = detect_letters(s, len, e + 1);          /* альфа-банк */
        if (bank_word(s + at, h - at))
            return h;
        return bank_word(s + at, e - at) && det_hyphen_ending(s, len, e + 1, h) ? h : 0;
    }
    /* named_bank without its bank_word: asked just before, of the same
     * word (brief s48 aud48: the walk asks at every word start). */
    if (bank_word(s + at, e - at) || named_bank_other(s + at, e - at) || ko_bank(s + at, e - at))
        return e;
    for (k = 0; k < N(before_bank); k++)
        if (s[at] == before_bank[k][0] && e - at == strlen(before_bank[k]) &&
            memcmp(s + at, before_bank[k], e - at) == 0 && e + 1 < len &&
            s[e] == ' ' && (b = detect_letters(s, len, e + 1)) > e + 1 && det_bank_or_bank_word(s + e + 1, b - e - 1))
            return b;
    return 0;
}

/* 1 if the word w[0..n) is a Korean retail bank as people write it
 * before a card's digits ("KB국민 4455", "NH농협", "IBK기업": adv42
 * L-79): the Latin letters of KB (KB국민은행), NH (NH농협은행), IBK
 * (IBK기업은행), SC (SC제일은행) with Hangul glued after them.  The Korean
 * names alone ("우리" we, "하나" one, "국민" nation, "기업" company) are
 * words, read with 은행, 카드 or 뱅크 only (named_bank).  HAND-WRITTEN
 * from the banks' own names, a native reviewer wanted. */
static int ko_bank(const char *w, size_t n)
{
    static const char *const latin[] = { "kb", "nh", "ibk", "sc" };
    size_t k, m;

    /* The first byte first: asked of every word det_bank_name reads
     * (session 51). */
    for (k = 0; k < N(latin); k++)
        if (n > 0 && w[0] == latin[k][0] && n > (m = strlen(latin[k])) + 2 && memcmp(w, latin[k], m) == 0 &&
            (unsigned char)w[m] >= 0xEA &&
            (unsigned char)w[m] <= 0xED)
            return 1;
    return 0;
}

/* Banks named right before a short mask (report-adv36 L-18: "Khan Bank
 * …0912", "KB국민 *3321"): the word "bank" or "банк" (its name's last
 * word: Khan Bank, Golomt Bank, State Bank, Почта Банк), a Latin word
 * ending in "bank" (XacBank, KhanBank: report-adv37 L-9; riverbank and
 * databank are no words before a card's mask), a bank of bank_names, and
 * the Korean retail banks as their cards and apps write them (KB국민, 국민,
 * 신한, 우리, 하나, 농협, 기업, 카카오뱅크, 토스; HAND-WRITTEN from the
 * banks' own names, a native reviewer wanted).  Only right before a
 * glued mask and four digits: "우리 *3321" is no sentence of prose. */
int det_mask_bank(const char *w, size_t n)
{
    static const struct det_word banks[] = {
        DW("bank", FIT_WORD), DW("\xd0\xb1\xd0\xb0\xd0\xbd\xd0\xba", FIT_WORD), DW("kb", FIT_PREFIX), /* банк */
        DW("\xea\xb5\xad\xeb\xaf\xbc", FIT_PREFIX), DW("\xec\x8b\xa0\xed\x95\x9c", FIT_PREFIX), /* 국민 신한 */
        DW("\xec\x9a\xb0\xeb\xa6\xac", FIT_PREFIX), DW("\xed\x95\x98\xeb\x82\x98", FIT_PREFIX), /* 우리 하나 */
        DW("\xeb\x86\x8d\xed\x98\x91", FIT_PREFIX), DW("\xea\xb8\xb0\xec\x97\x85", FIT_PREFIX), /* 농협 기업 */
        DW("\xec\xb9\xb4\xec\xb9\xb4\xec\x98\xa4", FIT_PREFIX), DW("\xed\x86\xa0\xec\x8a\xa4", FIT_PREFIX), /* 카카오 토스 */
    };
    return det_in_list(banks, N(banks), w, n) || bank_word(w, n) ||
           (n > 4 && (unsigned char)w[0] < 0x80 && memcmp(w + n - 4, "bank", 4) == 0);
}

/* Korean banks by the short names their customers say before a card's
 * or an account's last digits ("신한 9876-으로", "국민 1234-로", "KB
 * 9900으로": report-adv44 L-28, L-51, L-78, L-79, L-113, L-114, L-126,
 * L-127): the retail banks (KB국민, 신한, 우리, 하나, NH농협, IBK기업, SC제일,
 * 씨티), the internet-only banks (케이뱅크, 카카오뱅크, 토스뱅크), the
 * cooperatives (신협, 새마을금고, 수협) and the postal bank (우체국).
 * HAND-WRITTEN from the banks' own names (brief s45 num45), a native
 * reviewer wanted.  Several are words (국민 nation, 기업 company, 우리 we,
 * 하나 one, 우체국 post office): the reader (detect_tail.c, bank_card)
 * wants four digits right after with a Korean particle glued to them or
 * after a hyphen ("국민 1234-로"; "기업 1234곳", "국민 1234명" are counts). */
int det_ko_bank_short(const char *w, size_t n)
{
    static const struct det_word banks[] = {
        DW("국민", FIT_WORD), DW("신한", FIT_WORD), DW("우리", FIT_WORD), DW("하나", FIT_WORD),
        DW("농협", FIT_WORD), DW("기업", FIT_WORD), DW("씨티", FIT_WORD), DW("제일", FIT_WORD),
        DW("kb", FIT_WORD), DW("nh", FIT_WORD), DW("ibk", FIT_WORD), DW("sc", FIT_WORD),
        DW("케이뱅크", FIT_WORD), DW("카카오뱅크", FIT_WORD), DW("토스뱅크", FIT_WORD), DW("카카오", FIT_WORD),
        DW("토스", FIT_WORD), DW("신협", FIT_WORD), DW("새마을금고", FIT_WORD), DW("수협", FIT_WORD),
        DW("우체국", FIT_WORD),
        /* the internet-only banks by the clipped names their customers
         * say (카뱅 카카오뱅크, 케뱅 케이뱅크, 토뱅 토스뱅크: report-adv45
         * L-21), and the banks of the Bank of Korea's list of domestic
         * banks (bok.or.kr, 국내은행) by their groups' Latin initials
         * (KDB 산업, BNK 부산·경남, DGB and iM 대구, JB 전북·광주).  The
         * regional banks' own short names (부산, 대구, 광주, 전북, 경남,
         * 제주) are the places': left out. */
        DW("카뱅", FIT_WORD), DW("케뱅", FIT_WORD), DW("토뱅", FIT_WORD), DW("kdb", FIT_WORD),
        DW("bnk", FIT_WORD), DW("dgb", FIT_WORD), DW("im뱅크", FIT_WORD), DW("jb", FIT_WORD),
    };
    return det_in_list(banks, N(banks), w, n);
}

/* 1 if the word w[0..n) (norm view) names a bank: a bank of bank_word,
 * a Latin word ending in "bank" (XacBank, KhanBank), or a Korean bank of
 * mask_bank with 은행, 카드 or 뱅크 glued after it (국민은행, 신한카드,
 * 카카오뱅크, KB국민카드: "우리" and "하나" alone are words). */
static int named_bank(const char *w, size_t n)
{
    return bank_word(w, n) || named_bank_other(w, n);
}

/* named_bank's readings besides bank_word. */
static int named_bank_other(const char *w, size_t n)
{
    /* 은행 카드 뱅크 */
    static const char *const ko[] = { "\xec\x9d\x80\xed\x96\x89", "\xec\xb9\xb4\xeb\x93\x9c", "\xeb\xb1\x85\xed\x81\xac" };
    size_t k;

    if (n > 4 && (unsigned char)w[0] < 0x80 && memcmp(w + n - 4, "bank", 4) == 0)
        return 1;
    for (k = 0; k < N(ko); k++)
        if (n > 6 && memcmp(w + n - 6, ko[k], 6) == 0 && det_mask_bank(w, n))
            return 1;
    return 0;
}

/* 1 if the word w[0..n) names a bank (named_bank) or is the word bank,
 * банк with a case ending (банка, банке, банкны: Khan Bank, Хас банк,
 * Хаан банкны). */
int det_bank_or_bank_word(const char *w, size_t n)
{
    return named_bank(w, n) || (n == 4 && memcmp(w, "bank", 4) == 0) ||
           (n >= 8 && n <= 14 && memcmp(w, "\xd0\xb1\xd0\xb0\xd0\xbd\xd0\xba", 8) == 0);
}

/* 1 if a bank's name (named_bank) is a word in s[from..to). */
int det_bank_in(const char *s, size_t len, size_t from, size_t to)
{
    size_t i = from, e, n;

    while (i < to) {
        e = detect_letters(s, to, i);
        if (e > i) {
            if (!det_letter_before(s, i) && named_bank(s + i, e - i))
                return 1;
            i = e;
        } else {
            i += det_cp_at(s, len, i, &n) >= 0 ? n : 1;
        }
    }
    return 0;
}

/* Words that may stand between a bank's name and its card's digits: the
 * word bank itself (банк, банкны...) and the cards' tiers as the banks'
 * own products name them (Kaspi Gold, Kaspi Red, Tinkoff Black, Tinkoff
 * Platinum, Monobank Iron, White; HAND-WRITTEN from the banks' card
 * pages); any other word keeps the digits ("Сбер закрыл 1234
 * отделения"). */
static const struct det_word bank_words[] = {
    DW("bank", FIT_WORD), DW("\xd0\xb1\xd0\xb0\xd0\xbd\xd0\xba", FIT_PREFIX), /* банк(а, е, ны) */
    DW("gold", FIT_WORD), DW("red", FIT_WORD), DW("black", FIT_WORD), DW("platinum", FIT_WORD),
    DW("white", FIT_WORD), DW("iron", FIT_WORD), DW("classic", FIT_WORD), DW("premium", FIT_WORD),
    DW("visa", FIT_WORD), DW("mastercard", FIT_WORD), DW("\xd0\xbc\xd0\xb8\xd1\x80", FIT_WORD),     /* мир */
};

/* A card's last two to six digits right after a bank's name (named_bank,
 * or the word bank, банк(а, е, у, ны) after any name: Khan Bank, Хас
 * банк), maybe a word of bank_words between (Kaspi Gold), in the shapes
 * report-adv38 L-66, L-67, L-69, L-71, L-72, L-73 found (brief s39
 * bank39): glued ("Kaspi6789", "KhanBank1234", "신한카드1234"), in
 * parentheses or brackets ("Kaspi (6789)", "국민카드(1234)", "Halyk
 * [1234]"), after '-', '#', '№' or "No." (both "no" in the norm view,
 * with or without a space and a full stop) ("Сбер-7890", "ПриватБанк
 * №5678", "Golomt #4521").  After a sign or a hyphen (*sign 1) the
 * caller, detect_tail.c, wants the digits to end their clause
 * (digits_end_clause) or a card's or account's word after them ("Halyk
 * №1234 карта"); glued or bracketed they are the card's by their shape.  No year (19.., 20.. of four digits), no round sum (three digits
 * or more ending in 00), no money around, no date or decimal ("Сбер-12.05").
 * The digits' start, their end in *end, or 0.  A plain space between is
 * bank_digits'. */
size_t det_bank_sign(const char *s, size_t len, size_t at, size_t *end, int *sign)
{
    size_t i = detect_letters(s, len, at), j, e, nd;
    char close = 0;
    int shape = 0;                                  /* 0 glued, 1 a sign or '-', 2 brackets */

    if (i == at || i >= len || !(det_digit(s[i]) || strchr("- #([", s[i]) != NULL))
        return 0;
    if (det_letter_before(s, at) || !det_bank_or_bank_word(s + at, i - at))
        return 0;
    j = i;
    if (!det_digit(s[j])) {
        if (s[j] == ' ' && det_letter_at(s, len, j + 1) && (e = detect_letters(s, len, j + 1)) > j + 1 &&
            det_in_list(bank_words, N(bank_words), s + j + 1, e - j - 1))
            j = e;
        if (j < len && s[j] == '-') {
            j++, shape = 1;
        } else {
            if (j < len && s[j] == ' ')
                j++;
            if (det_starts(s, len, j, "#"))
                j++, shape = 1;
            else if (det_starts(s, len, j, "no.") || det_starts(s, len, j, "no ") ||
                     (det_starts(s, len, j, "no") && j + 2 < len && det_digit(s[j + 2])))
                j += s[j + 2] == '.' ? 3 : 2, shape = 1;   /* № is "no" in the norm view (NFKC) */
            else if (det_starts(s, len, j, "(") || det_starts(s, len, j, "["))
                close = s[j] == '(' ? ')' : ']', j++, shape = 2;
            else
                return 0;
            if (shape == 1 && j < len && s[j] == ' ')
                j++;
        }
    }
    nd = det_digits(s, len, j), e = j + nd;
    if (nd < 2 || nd > 6 || det_letter_at(s, len, e))
        return 0;
    if (close ? e >= len || s[e] != close : e + 1 < len && strchr(".,-/:", s[e]) != NULL && s[e] != '\0' &&
                                                 det_digit(s[e + 1]))
        return 0;
    if ((nd == 4 && (det_starts(s, len, j, "19") || det_starts(s, len, j, "20"))) ||
        (nd >= 3 && s[e - 2] == '0' && s[e - 1] == '0') || det_money_around(s, len, j, e + (close != 0)))
        return 0;
    *sign = shape == 1;
    *end = e;
    return j;
}

int det_bank_tier(const char *w, size_t n)
{
    return det_in_list(bank_words, N(bank_words), w, n);
}

void det_bank_first(unsigned char first[256])
{
    for (size_t k = 0; k < N(bank_names); k++)
        first[(unsigned char)bank_names[k][0]] = 1;
    /* det_bank_name's others: Hangul (EA-ED: named_bank, ko_bank), the
     * Latin letters of ko_bank and before_bank */
    for (unsigned c = 0xEA; c <= 0xED; c++)
        first[c] = 1;
    first['k'] = first['n'] = first['i'] = first['s'] = first['x'] = 1;
    first[0xD1] = 1;
}
