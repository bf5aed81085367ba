/* Numbers that are no phone number by what stands around them
 * (report-adv17a D-41): a sum of money ("88 776 655 tugrik", "$1,250,000",
 * "₩3,000,000", "1 250 000 төгрөг"), a part of a larger amount ("Salary
 * 1 200 000 (2023)": the scan that starts at "200" is inside the amount)
 * and a reference of a year and a number ("Invoice 2024-000123", "Case
 * 2023-12345": detect_phone.c reads the groups, these the text).
 *
 * The currency words and signs: the currencies of the testimonies
 * (Mongolian tögrög, Korean won, Russian rouble, US dollar, Chinese yuan,
 * Ukrainian hryvnia, Kazakh tenge; ISO 4217 codes MNT KRW RUB USD CNY EUR
 * UAH KZT) as written in English, Mongolian, Korean, Russian and
 * Ukrainian, and the signs ₮ ₩ $ € £ ¥ ₽ ₴ ₸. */
#include <string.h>

#include "privacy/detect_int.h"

static const char *const currency_after[] = {
    "tugrik", "tögrög", "togrog", "tugrug", "mnt", "won", "krw", "rub", "usd", "cny", "eur",
    "dollar", "yuan", "rouble", "ruble",
    "\xd1\x82\xd3\xa9\xd0\xb3", "\xd1\x82\xd0\xbe\xd0\xb3",     /* төг(рөг), тог */
    "\xd1\x80\xd1\x83\xd0\xb1", "\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xbb", /* руб(лей), долл(ар) */
    "\xd0\xb2\xd0\xbe\xd0\xbd", "\xd1\x8e\xd0\xb0\xd0\xbd\xd1\x8c", /* вон, юань */
    "\xec\x9b\x90", "\xeb\x8b\xac\xeb\x9f\xac", "\xec\x9c\x84\xec\x95\x88", /* 원 달러 위안 */
    "\xe2\x82\xae", "\xe2\x82\xa9", "$", "\xe2\x82\xac", "\xc2\xa3", "\xc2\xa5", "\xe2\x82\xbd",
    /* Ukrainian hryvnia (UA joined the plans: brief s29 num29) */
    "uah", "hryvn", "\xd0\xb3\xd1\x80\xd0\xbd", "\xd0\xb3\xd1\x80\xd0\xb8\xd0\xb2\xd0\xbd", "\xe2\x82\xb4", /* грн, гривн(я, і, ень), ₴ */
    /* Kazakh tenge (Kaspi, Halyk are the tail reader's banks: report-adv36 O-4) */
    "kzt", "tenge", "\xd1\x82\xd0\xb5\xd0\xbd\xd0\xb3", "\xe2\x82\xb8",          /* тенг(е), ₸ */
};

static const char *const currency_before[] = {
    "$", "\xe2\x82\xae", "\xe2\x82\xa9", "\xe2\x82\xac", "\xc2\xa3", "\xc2\xa5", "\xe2\x82\xbd",
    "usd", "mnt", "krw", "rub", "cny", "eur", "uah", "\xe2\x82\xb4",          /* ₴ */
    "kzt", "\xe2\x82\xb8",                                                     /* ₸ */
};

/* Magnitudes between a number and its currency (brief s39 bank39:
 * "50만원", "15 тыс. руб.", "100 мянган төгрөг", "2 million won"): Korean
 * and Chinese glued 만 천 억 万 千 亿 億, and the words for thousand and
 * million in English, Russian, Ukrainian and Mongolian (hand-written). */
static const char *const magnitudes[] = {
    "\xeb\xa7\x8c", "\xec\xb2\x9c", "\xec\x96\xb5", "\xe4\xb8\x87", "\xe5\x8d\x83", "\xe4\xba\xbf", "\xe5\x84\x84",
    "thousand ", "million ", "\xd1\x82\xd1\x8b\xd1\x81. ", "\xd1\x82\xd1\x8b\xd1\x81 ", "\xd1\x82\xd1\x8b\xd1\x81\xd1\x8f\xd1\x87 ", "\xd0\xbc\xd0\xbb\xd0\xbd ", "\xd0\xbc\xd0\xbb\xd0\xbd. ", "\xd1\x82\xd0\xb8\xd1\x81. ", "\xd0\xbc\xd1\x8f\xd0\xbd\xd0\xb3\xd0\xb0\xd0\xbd ", "\xd1\x81\xd0\xb0\xd1\x8f ",
};

int det_money_around(const char *s, size_t len, size_t at, size_t end)
{
    size_t i = end, k, n;

    while (i < len && s[i] == ' ' && i - end < 2)
        i++;
    for (k = 0; k < sizeof magnitudes / sizeof magnitudes[0]; k++)
        if (det_starts(s, len, i, magnitudes[k])) {
            i += strlen(magnitudes[k]);
            break;
        }
    for (k = 0; k < sizeof currency_after / sizeof currency_after[0]; k++)
        if (det_starts(s, len, i, currency_after[k]))
            return 1;
    i = at;
    while (i > 0 && s[i - 1] == ' ' && at - i < 2)
        i--;
    for (k = 0; k < sizeof currency_before / sizeof currency_before[0]; k++) {
        n = strlen(currency_before[k]);
        if (i >= n && memcmp(s + i - n, currency_before[k], n) == 0)
            return 1;
    }
    return 0;
}

/* Words that say a sum follows (report-adv27a O-5: "The price was
 * 12345678 in total"): English, Malay, Russian, Ukrainian, Mongolian,
 * Korean; hand-written, they want a native reviewer. */
static const struct det_word amount_words[] = {
    DW("price", FIT_PREFIX), DW("cost", FIT_PREFIX), DW("paid", FIT_WORD), DW("pay", FIT_WORD),
    DW("total", FIT_WORD), DW("amount", FIT_PREFIX), DW("sum", FIT_WORD), DW("salary", FIT_WORD),
    DW("fee", FIT_PREFIX), DW("fine", FIT_WORD), DW("bribe", FIT_WORD), DW("debt", FIT_WORD),
    DW("harga", FIT_WORD), DW("jumlah", FIT_WORD), DW("bayar", FIT_PREFIX), DW("dibayar", FIT_WORD),
    DW("gaji", FIT_WORD), DW("denda", FIT_WORD), DW("hutang", FIT_WORD),
    DW("\xd1\x86\xd0\xb5\xd0\xbd", FIT_PREFIX),                                  /* цен(а, у) */
    DW("\xd1\x81\xd1\x82\xd0\xbe\xd0\xb8\xd0\xbc\xd0\xbe\xd1\x81\xd1\x82", FIT_PREFIX),  /* стоимост(ь) */
    DW("\xd1\x81\xd1\x83\xd0\xbc\xd0\xbc", FIT_PREFIX),                        /* сумм(а) */
    DW("\xd0\xb7\xd0\xb0\xd0\xbf\xd0\xbb\xd0\xb0\xd1\x82", FIT_PREFIX),        /* заплат(ил) */
    DW("\xd0\xb2\xd0\xb0\xd1\x80\xd1\x82\xd1\x96\xd1\x81\xd1\x82", FIT_PREFIX),  /* вартіст(ь) */
    DW("\xd2\xaf\xd0\xbd\xd1\x8d", FIT_PREFIX),                                  /* үнэ */
    DW("\xd1\x82\xd3\xa9\xd0\xbb", FIT_PREFIX),                                  /* төл(сөн) */
    DW("\xea\xb0\x80\xea\xb2\xa9", FIT_ANY), DW("\xea\xb8\x88\xec\x95\xa1", FIT_ANY), /* 가격 금액 */
};
#define AMOUNT_BACK 32

int det_amount_before(const char *s, size_t len, size_t at)
{
    size_t from = at > AMOUNT_BACK ? at - AMOUNT_BACK : 0, i;

    for (i = at; i > from; i--)
        if (strchr("!?;\n", s[i - 1]) != NULL || (s[i - 1] == '.' && i < at && s[i] == ' '))
            break;
    return det_word_near(s, len, i, at, amount_words, sizeof amount_words / sizeof amount_words[0]);
}

int det_inside_amount(const char *s, size_t at, size_t first_digits, char sep)
{
    size_t i = at, d = 0;

    if (first_digits != 3 || sep != ' ' || at < 2 || s[at - 1] != ' ')
        return 0;
    for (i = at - 1; i > 0 && det_digit(s[i - 1]); i--)
        d++;
    return d >= 1 && d <= 3;
}

/* Units of time a number counts or dates by (brief s39 bank39,
 * report-adv38 O-4, O-5: "в 2023 году", "2024 оны 3 сард", "3 months"):
 * year, month, day and week in English, Russian, Ukrainian, Mongolian
 * (он, оны, онд, оноос, жил; сар, сард, сарын, сараас; өдөр) and Kazakh
 * (жыл, жылы); hand-written, a native
 * reviewer wanted.  Korean glues its units to the digits (ko_units). */
static const struct det_word time_units[] = {
    DW("year", FIT_WORD), DW("years", FIT_WORD), DW("yr", FIT_WORD), DW("yrs", FIT_WORD),
    DW("month", FIT_WORD), DW("months", FIT_WORD), DW("day", FIT_WORD), DW("days", FIT_WORD),
    DW("week", FIT_WORD), DW("weeks", FIT_WORD),
    DW("\xd0\xb3\xd0\xbe\xd0\xb4", FIT_PREFIX), DW("\xd0\xb3", FIT_WORD), DW("\xd0\xbb\xd0\xb5\xd1\x82", FIT_WORD),             /* год(а, у, ы), г, лет */
    DW("\xd0\xbc\xd0\xb5\xd1\x81\xd1\x8f\xd1\x86", FIT_PREFIX), DW("\xd0\xb4\xd0\xbd", FIT_PREFIX), DW("\xd0\xbd\xd0\xb5\xd0\xb4\xd0\xb5\xd0\xbb", FIT_PREFIX),         /* месяц(а, ев), дн(я, ей), недел(я, и, ь) */
    DW("\xd1\x80\xd1\x96\xd0\xba", FIT_WORD), DW("\xd1\x80\xd0\xbe\xd0\xba\xd1\x83", FIT_WORD), DW("\xd1\x80\xd0\xbe\xd1\x86\xd1\x96", FIT_WORD), DW("\xd1\x80\xd0\xbe\xd0\xba\xd1\x96\xd0\xb2", FIT_WORD), DW("\xd1\x80\xd0\xbe\xd0\xba\xd0\xb8", FIT_WORD), /* рік року році років роки */
    DW("\xd0\xbc\xd1\x96\xd1\x81\xd1\x8f\xd1\x86", FIT_PREFIX), DW("\xd1\x82\xd0\xb8\xd0\xb6\xd0\xbd", FIT_PREFIX),         /* місяц(і, ів), тижн(і, ів); дн(і, ів) as Russian */
    DW("\xd0\xbe\xd0\xbd", FIT_WORD), DW("\xd0\xbe\xd0\xbd\xd1\x8b", FIT_WORD), DW("\xd0\xbe\xd0\xbd\xd0\xb4", FIT_WORD), DW("\xd0\xbe\xd0\xbd\xd0\xbe\xd0\xbe\xd1\x81", FIT_WORD), DW("\xd0\xb6\xd0\xb8\xd0\xbb", FIT_WORD), /* он оны онд оноос жил */
    DW("\xd1\x81\xd0\xb0\xd1\x80", FIT_WORD), DW("\xd1\x81\xd0\xb0\xd1\x80\xd0\xb4", FIT_WORD), DW("\xd1\x81\xd0\xb0\xd1\x80\xd1\x8b\xd0\xbd", FIT_WORD), DW("\xd1\x81\xd0\xb0\xd1\x80\xd0\xb0\xd0\xb0\xd1\x81", FIT_WORD), DW("\xd3\xa9\xd0\xb4\xd3\xa9\xd1\x80", FIT_WORD), /* сар сард сарын сараас өдөр */
    DW("\xd0\xb6\xd1\x8b\xd0\xbb", FIT_WORD), DW("\xd0\xb6\xd1\x8b\xd0\xbb\xd1\x8b", FIT_WORD),                                   /* жыл (Kazakh), жылы */
};
/* Korean units glued after the digits: 년 (year, 년도), 개월 (months), 월
 * (month), 일 (day), 주 (week) */
static const char *const ko_units[] = { "\xeb\x85\x84", "\xea\xb0\x9c\xec\x9b\x94", "\xec\x9b\x94", "\xec\x9d\xbc", "\xec\xa3\xbc" };

int det_time_unit_after(const char *s, size_t len, size_t end)
{
    size_t i = end, k, e;
    int cp;

    for (k = 0; k < sizeof ko_units / sizeof ko_units[0]; k++)
        if (det_starts(s, len, end, ko_units[k]))
            return 1;
    if (det_year_word_after(s, len, end) != 0)
        return 1;
    if (i < len && s[i] == ' ')
        i++;
    for (e = i; (cp = det_cp_at(s, len, e, &k)) >= 0 && is_word_cp(cp) && !(cp >= '0' && cp <= '9');)
        e += k;
    return e > i && det_in_list(time_units, sizeof time_units / sizeof time_units[0], s + i, e - i);
}
